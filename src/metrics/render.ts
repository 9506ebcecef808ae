import { cell, code } from '../core/summary.js';
import { trendChartsBlock } from './chart.js';
import { formatNumber, formatPercent, formatSigned } from './format.js';
import { historyKey, renderHistory, series, sparkline, type History } from './history.js';
import { describeThreshold } from './rules.js';
import type { ComparisonRow, GateReport, MetricValue, ParamChange, RowStatus } from './types.js';

/** GitHub rejects issue comments longer than this. */
export const COMMENT_LIMIT = 65_536;

export interface RenderOptions {
  title: string;
  /** A hidden line that identifies the comment, placed first. */
  marker?: string;
  /** Where the full report is (the job summary), linked when the body is cut. */
  summaryUrl?: string;
  /** The trend, this run included; a metric with two or more points gets a sparkline. */
  history?: History;
  /** Append the history as a hidden block, for the next run to read. */
  embedHistory?: boolean;
  /**
   * Draw Mermaid trend charts of the history, at most this many, after the tables (for the job
   * summary; the comment keeps the sparklines only). Dropped first when the body must be cut.
   */
  trendCharts?: number;
  /** Largest body, in UTF-8 bytes (never more than GitHub accepts, whatever it counts). */
  limit?: number;
  /** Where the thresholds come from, for the footer ("`.github/services.yml`"). */
  rulesSource?: string;
}

const STATUS: Record<RowStatus, { icon: string; text: string }> = {
  regressed: { icon: '❌', text: 'regressed' },
  worse: { icon: '🟡', text: 'worse, within threshold' },
  improved: { icon: '✅', text: 'improved' },
  changed: { icon: 'ℹ️', text: 'changed (no rule)' },
  noise: { icon: '〰️', text: 'within noise' },
  unchanged: { icon: '➖', text: 'unchanged' },
  new: { icon: '🆕', text: 'new' },
  removed: { icon: '⚠️', text: 'removed' },
  invalid: { icon: '⚠️', text: 'not a number' },
  incomparable: { icon: '⚠️', text: 'not comparable' },
  'missing-file': { icon: '⚠️', text: 'file missing' },
  unreadable: { icon: '⚠️', text: 'file unreadable' },
  'not-found': { icon: '⚠️', text: 'no such metric' },
};

const FAILURE_WORDS: Partial<Record<RowStatus, [string, string]>> = {
  regressed: ['metric regressed', 'metrics regressed'],
  removed: ['metric removed', 'metrics removed'],
  invalid: ['metric is not a number', 'metrics are not numbers'],
  'missing-file': ['metrics file missing', 'metrics files missing'],
  unreadable: ['metrics file unreadable', 'metrics files unreadable'],
};

function plural(count: number, one: string, many: string): string {
  return `${count} ${count === 1 ? one : many}`;
}

function metricCell(name: string): string {
  return name === '' ? '' : code(name.replace(/\|/g, '\\|').replace(/\r?\n/g, ' '));
}

function fileCell(file: string): string {
  return file === '' ? '' : code(file.replace(/\|/g, '\\|'));
}

export function valueCell(value: MetricValue | undefined): string {
  if (value === undefined) return '—';
  switch (value.kind) {
    case 'number':
      return formatNumber(value.value);
    case 'samples':
      return `${formatNumber(value.value)} ± ${formatNumber(Number(value.samples.std.toPrecision(2)))} (n=${value.samples.n})`;
    case 'invalid':
      return formatNumber(value.value);
    case 'other':
      return cell(value.text);
  }
}

/** The change, with an arrow for the direction the value moved and a dot for good or bad under the rule. */
export function changeCell(row: ComparisonRow): string {
  if (row.delta === undefined) return '';
  if (row.delta === 0) return '0';
  const arrow = row.delta > 0 ? '▲' : '▼';
  let mark = '';
  if (row.rule) {
    const better = row.rule.better === 'higher' ? row.delta > 0 : row.delta < 0;
    mark = row.status === 'noise' ? '⚪ ' : better ? '🟢 ' : '🔴 ';
  }
  const percent = row.percent !== undefined ? ` (${formatPercent(row.percent)})` : '';
  return `${mark}${arrow} ${formatSigned(row.delta)}${percent}`;
}

function thresholdCell(row: ComparisonRow): string {
  if (!row.rule) return '—';
  return `${row.rule.better === 'higher' ? '↑' : '↓'} better, ${describeThreshold(row.rule)}`;
}

function noiseText(row: ComparisonRow): string {
  const noise = row.noise!;
  const level = `${Math.round(noise.confidence * 1000) / 10}%`;
  if (noise.interval) {
    return `${level} interval ${formatSigned(noise.interval[0])} to ${formatSigned(noise.interval[1])}`;
  }
  const p = noise.pValue ?? 1;
  return `p = ${p < 0.001 ? '<0.001' : p.toFixed(3)}`;
}

function statusCell(row: ComparisonRow): string {
  const status = STATUS[row.status];
  const icon = row.failing ? '❌' : status.icon;
  const parts: string[] = [];
  if (row.note) parts.push(row.note);
  if (row.noise && row.status !== 'unchanged') parts.push(noiseText(row));
  return `${icon} ${status.text}${parts.length > 0 ? ` (${cell(parts.join('; '))})` : ''}`;
}

interface Columns {
  file: boolean;
  trend: boolean;
}

function trendCell(row: ComparisonRow, history: History | undefined): string {
  if (!history || row.metric === '') return '';
  const points = series(history, historyKey(row.group, row.file, row.metric));
  return points.length >= 2 ? sparkline(points) : '';
}

function tableHeader(columns: Columns): string[] {
  const header = ['Metric', 'Base', 'Head', 'Change', 'Threshold', ...(columns.trend ? ['Trend'] : []), 'Status'];
  if (columns.file) header.unshift('File');
  return [`| ${header.join(' | ')} |`, `| ${header.map(() => '---').join(' | ')} |`];
}

function tableRow(row: ComparisonRow, columns: Columns, history: History | undefined): string {
  const cells = [
    metricCell(row.metric),
    valueCell(row.base),
    valueCell(row.head),
    changeCell(row),
    thresholdCell(row),
    ...(columns.trend ? [trendCell(row, history)] : []),
    statusCell(row),
  ];
  if (columns.file) cells.unshift(fileCell(row.file));
  return `| ${cells.join(' | ')} |`;
}

function unchangedHeader(columns: Columns): string[] {
  const header = ['Metric', 'Value', 'Threshold'];
  if (columns.file) header.unshift('File');
  return [`| ${header.join(' | ')} |`, `| ${header.map(() => '---').join(' | ')} |`];
}

function unchangedRow(row: ComparisonRow, columns: Columns): string {
  const cells = [metricCell(row.metric), valueCell(row.head), thresholdCell(row)];
  if (columns.file) cells.unshift(fileCell(row.file));
  return `| ${cells.join(' | ')} |`;
}

function verdictLine(report: GateReport): string {
  const failing = report.rows.filter((row) => row.failing);
  if (failing.length > 0) {
    const counts = new Map<RowStatus, number>();
    for (const row of failing) counts.set(row.status, (counts.get(row.status) ?? 0) + 1);
    const heading = [...counts]
      .map(([status, count]) => {
        const words = FAILURE_WORDS[status] ?? ['problem', 'problems'];
        return plural(count, words[0], words[1]);
      })
      .join(', ');
    const shown = failing.slice(0, 5).map((row) => {
      const what = row.metric === '' ? fileCell(row.file) : `${metricCell(row.metric)}`;
      const detail =
        row.status === 'regressed' && row.delta !== undefined && row.rule
          ? `${formatSigned(row.delta)}${row.percent !== undefined ? `, ${formatPercent(row.percent)}` : ''}; ${describeThreshold(row.rule)}`
          : STATUS[row.status].text;
      return `${what} in ${cell(row.group)} (${detail})`;
    });
    const more = failing.length > 5 ? `, and ${failing.length - 5} more` : '';
    return `❌ **${heading}**: ${shown.join('; ')}${more}.`;
  }
  if (report.rows.length === 0) return '✅ **Nothing to compare**: no service with metrics is part of this change.';
  if (report.verdict === 'no-baseline') {
    return '⚪ **No baseline**: the base has none of these metrics; the head values are shown for reference.';
  }
  const compared = report.rows.filter((row) => row.base !== undefined && row.head !== undefined).length;
  const improved = report.rows.filter((row) => row.status === 'improved').length;
  const worse = report.rows.filter((row) => row.status === 'worse').length;
  const noise = report.rows.filter((row) => row.status === 'noise').length;
  const extras = [
    improved ? `${improved} improved` : '',
    worse ? `${worse} worse within threshold` : '',
    noise ? `${noise} within noise` : '',
  ].filter(Boolean);
  return `✅ **No regression**: ${plural(compared, 'metric', 'metrics')} compared with the base${extras.length ? `; ${extras.join(', ')}` : ''}.`;
}

function contextLine(report: GateReport): string {
  if (report.headLabel && report.baseLabel) return `Head ${report.headLabel} compared with base ${report.baseLabel}.`;
  if (report.headLabel) return `Head ${report.headLabel}; no base to compare with.`;
  return '';
}

function paramValue(value: unknown): string {
  if (value === undefined) return '—';
  const text = typeof value === 'string' ? value : JSON.stringify(value) ?? String(value);
  return cell(text.length > 80 ? `${text.slice(0, 77)}...` : text);
}

function paramsLines(params: ParamChange[]): string[] {
  if (params.length === 0) return [];
  const rows = params.map((p) => `| ${fileCell(p.file)} | ${metricCell(p.param)} | ${paramValue(p.old)} | ${paramValue(p.new)} |`);
  const table = ['| File | Parameter | Base | Head |', '| --- | --- | --- | --- |', ...rows];
  const heading = `#### Parameters changed (${params.length})`;
  if (params.length > 20) {
    return [heading, '', `<details><summary>${plural(params.length, 'parameter changed', 'parameters changed')}</summary>`, '', ...table, '', '</details>'];
  }
  return [heading, '', ...table];
}

interface Section {
  heading: string[];
  header: string[];
  rows: string[];
  unchanged: { header: string[]; rows: string[] } | undefined;
}

function buildSections(report: GateReport, history: History | undefined): Section[] {
  const trend =
    history !== undefined && history.runs.length >= 2 && report.rows.some((row) => trendCell(row, history) !== '');
  const sections: Section[] = [];
  for (const group of report.groups) {
    const rows = report.rows.filter((row) => row.group === group);
    const files = [...new Set(rows.map((row) => row.file).filter((file) => file !== ''))];
    const columns: Columns = { file: files.length > 1, trend };
    const failing = rows.some((row) => row.failing);
    const compared = rows.some((row) => row.base !== undefined);
    const heading = [`### ${failing ? '❌' : compared ? '✅' : '⚪'} ${cell(group)}`];
    if (files.length === 1 && files[0] !== group) heading.push('', fileCell(files[0]!));
    const shown = [...rows.filter((row) => row.failing), ...rows.filter((row) => !row.failing && row.status !== 'unchanged')];
    const unchanged = rows.filter((row) => row.status === 'unchanged');
    sections.push({
      heading,
      header: shown.length > 0 ? tableHeader(columns) : [],
      rows: shown.map((row) => tableRow(row, columns, history)),
      unchanged:
        unchanged.length > 0
          ? { header: unchangedHeader(columns), rows: unchanged.map((row) => unchangedRow(row, columns)) }
          : undefined,
    });
  }
  return sections;
}

function renderSection(section: Section, includeUnchanged: boolean, rowLimit = Infinity): string[] {
  const lines = [...section.heading, ''];
  const rows = section.rows.slice(0, rowLimit);
  if (rows.length > 0) lines.push(...section.header, ...rows, '');
  if (section.unchanged && includeUnchanged) {
    const count = section.unchanged.rows.length;
    lines.push(
      `<details><summary>${plural(count, 'unchanged metric', 'unchanged metrics')}</summary>`,
      '',
      ...section.unchanged.header,
      ...section.unchanged.rows,
      '',
      '</details>',
      '',
    );
  } else if (section.unchanged) {
    lines.push(`${plural(section.unchanged.rows.length, 'unchanged metric', 'unchanged metrics')} not shown.`, '');
  }
  return lines;
}

function bytes(text: string): number {
  return Buffer.byteLength(text, 'utf8');
}

/**
 * Renders the report as markdown: the verdict first, then one table per service with the
 * metrics that moved (failures on top), the unchanged ones folded, the parameters that changed,
 * the trend charts when asked for, and a footer. A body over the limit loses the charts and the
 * folded tables, then is cut table row by table row, with a note that links to the job summary,
 * where the full report is.
 */
export function renderReport(report: GateReport, options: RenderOptions): string {
  const limit = options.limit ?? COMMENT_LIMIT;
  const head = [
    ...(options.marker ? [options.marker] : []),
    `## ${options.title}`,
    '',
    verdictLine(report),
    '',
  ];
  const context = contextLine(report);
  if (context) head.push(context, '');
  const footerParts = ['metrics-regression-gate'];
  if (options.rulesSource) footerParts.push(`rules from ${options.rulesSource}`);
  if (options.summaryUrl) footerParts.push(`[full report in the job summary](${options.summaryUrl})`);
  const footer = [`<sub>${footerParts.join(' · ')}</sub>`];
  let hidden = options.embedHistory && options.history ? renderHistory(options.history) : '';

  const sections = buildSections(report, options.history);
  const params = paramsLines(report.params);
  const assemble = (body: string[]): string => {
    const lines = [...head, ...body, ...footer];
    if (hidden) lines.push(hidden);
    return lines.join('\n') + '\n';
  };

  const charts = options.trendCharts ? trendChartsBlock(report, options.history, options.trendCharts) : [];
  const full = assemble([
    ...sections.flatMap((s) => renderSection(s, true)),
    ...(params.length ? [...params, ''] : []),
    ...charts,
  ]);
  if (bytes(full) <= limit) return full;

  const link = options.summaryUrl ? `[the job summary](${options.summaryUrl})` : 'the job summary';
  const compactParams = report.params.length ? [`${plural(report.params.length, 'parameter changed', 'parameters changed')}; see ${link}.`, ''] : [];
  const compact = assemble([...sections.flatMap((s) => renderSection(s, false)), ...compactParams]);
  if (bytes(compact) <= limit) return compact;

  // Cut row by row. The history goes first if even the frame does not fit.
  const note = (omitted: number): string[] => [
    `> [!WARNING]`,
    `> This comment is cut to GitHub's size limit: ${plural(omitted, 'row is', 'rows are')} not shown. The full report is in ${link}.`,
    '',
  ];
  const totalRows = sections.reduce((sum, s) => sum + s.rows.length, 0);
  if (bytes(assemble([...note(totalRows), ...compactParams])) > limit) hidden = '';
  const budget = limit - bytes(assemble([...note(totalRows), ...compactParams])) - 16;
  const body: string[] = [];
  let used = 0;
  let shown = 0;
  for (const section of sections) {
    const frame = bytes(renderSection({ ...section, rows: [] }, false).join('\n')) + bytes(section.header.join('\n')) + 4;
    if (used + frame > budget) break;
    let take = 0;
    let size = frame;
    while (take < section.rows.length && used + size + bytes(section.rows[take]!) + 1 <= budget) {
      size += bytes(section.rows[take]!) + 1;
      take++;
    }
    body.push(...renderSection(section, false, take));
    used += size;
    shown += take;
    if (take < section.rows.length) break;
  }
  return assemble([...note(totalRows - shown), ...body, ...compactParams]);
}

import { cell, code } from '../core/summary.js';
import { formatNumber } from './format.js';
import { historyKey, points, type History } from './history.js';
import type { ComparisonRow, GateReport } from './types.js';

/**
 * Trend charts for the job summary: one Mermaid `xychart-beta` line chart per metric that moved
 * over the pull request's pushes (or regressed), the head value at each push and the base as a
 * flat line. GitHub renders ```mermaid fences in job summaries and comments.
 */

/** Charts per summary; each is a few hundred bytes of text but a tall picture. */
export const MAX_TREND_CHARTS = 6;

export interface TrendChart {
  group: string;
  file: string;
  metric: string;
  /** Shown with the file, when the service has several metrics files. */
  showFile: boolean;
  regressed: boolean;
  /** The pushes measured, oldest first: short head SHAs as the history keeps them. */
  pushes: string[];
  head: number[];
  /** The base value this run compared with; undefined for a metric the base does not have. */
  base: number | undefined;
}

export interface TrendChartSelection {
  charts: TrendChart[];
  /** Metrics that qualified but were left out by the cap. */
  omitted: number;
}

function numeric(value: ComparisonRow['base']): number | undefined {
  return value && (value.kind === 'number' || value.kind === 'samples') ? value.value : undefined;
}

/**
 * Which charts go first when there are more than the cap: regressed metrics, then the other
 * metrics with a rule (the ones the gate judges), then the rest of those that moved against
 * the base, then those back at the base value.
 */
function rank(row: ComparisonRow): number {
  if (row.status === 'regressed') return 0;
  if (row.rule) return 1;
  return row.status === 'unchanged' ? 3 : 2;
}

/**
 * The metrics worth a chart: two or more pushes measured, and either regressed or changed
 * between pushes. Regressed ones come first (see rank), in report order within each rank; at
 * most `max`.
 */
export function selectTrendCharts(report: GateReport, history: History | undefined, max = MAX_TREND_CHARTS): TrendChartSelection {
  if (!history || history.runs.length < 2) return { charts: [], omitted: 0 };
  const filesPerGroup = new Map<string, Set<string>>();
  for (const row of report.rows) {
    if (row.file === '') continue;
    const files = filesPerGroup.get(row.group) ?? new Set<string>();
    files.add(row.file);
    filesPerGroup.set(row.group, files);
  }
  const candidates: (TrendChart & { rank: number })[] = [];
  for (const row of report.rows) {
    if (row.metric === '') continue;
    const measured = points(history, historyKey(row.group, row.file, row.metric));
    if (measured.length < 2) continue;
    const head = measured.map((point) => point.value);
    const regressed = row.status === 'regressed';
    const changed = head.some((value) => value !== head[0]);
    if (!regressed && !changed) continue;
    candidates.push({
      group: row.group,
      file: row.file,
      metric: row.metric,
      showFile: (filesPerGroup.get(row.group)?.size ?? 0) > 1,
      regressed,
      pushes: measured.map((point) => point.sha),
      head,
      base: numeric(row.base),
      rank: rank(row),
    });
  }
  const ordered = candidates.map((c, i) => ({ c, i })).sort((a, b) => a.c.rank - b.c.rank || a.i - b.i);
  const limit = Math.max(0, max);
  const charts = ordered.slice(0, limit).map(({ c: { rank: _rank, ...chart } }) => chart);
  return { charts, omitted: Math.max(0, ordered.length - limit) };
}

/**
 * Mermaid entity codes for the characters that would end a quoted string (`"`), start an
 * entity or a directive (`#`, `%`), start a markdown string (`` ` ``) or read as HTML (`<`, `>`).
 * Mermaid turns `#name;` and `#code;` back into the characters when it draws the chart.
 */
const ENTITIES: Record<string, string> = { '"': '#quot;', '#': '#35;', '%': '#37;', '`': '#96;', '<': '#lt;', '>': '#gt;' };

/** A quoted Mermaid string that shows `text` as written, on one line; never empty (Mermaid rejects ""). */
export function mermaidString(text: string): string {
  const line = text.replace(/\s+/g, ' ').trim();
  const escaped = line
    .replace(/["#%`<>]/g, (char) => ENTITIES[char]!)
    // Before parsing, Mermaid drops the last ";" of a line where "style" or "classDef" is followed
    // by ":" and "#" (its style statements): spell their first letter as an entity code.
    .replace(/style/g, '#115;tyle')
    .replace(/classDef/g, '#99;lassDef');
  return `"${escaped === '' ? '-' : escaped}"`;
}

/** A number as Mermaid's lexer reads it: plain decimal digits, never an exponent. */
export function mermaidNumber(value: number): string {
  if (!Number.isFinite(value)) throw new RangeError(`not a finite number: ${value}`);
  const text = String(value);
  if (!/e/i.test(text)) return text;
  if (Math.abs(value) >= 1) return BigInt(Math.round(value)).toString();
  const exponent = Math.floor(Math.log10(Math.abs(value)));
  return value.toFixed(Math.min(100, 6 - exponent)).replace(/0+$/, '').replace(/\.$/, '');
}

/**
 * The y-axis range: the values with a tenth of their spread on either side, rounded outwards to
 * a step one decade below the spread, so the lines do not touch the frame. A metric that never
 * goes below zero keeps the axis at zero or above.
 */
export function axisRange(values: readonly number[]): [string, string] {
  const min = Math.min(...values);
  const max = Math.max(...values);
  const spread = max - min || Math.abs(max) || 1;
  const step = 10 ** (Math.floor(Math.log10(spread)) - 1);
  const decimals = Math.max(0, -Math.floor(Math.log10(step)));
  // The tolerance keeps float error (-0.6 / 0.1 = -5.999...) from moving a bound by a step.
  let low = Math.floor((min - spread / 10) / step + 1e-9) * step;
  const high = Math.ceil((max + spread / 10) / step - 1e-9) * step;
  if (min >= 0 && low < 0) low = 0;
  const text = (value: number): string => mermaidNumber(Number(value.toFixed(Math.min(decimals, 100))));
  return [text(low), text(high)];
}

const FRONTMATTER = [
  '---',
  'config:',
  '  xyChart:',
  '    width: 640',
  '    height: 320',
  '  themeVariables:',
  '    xyChart:',
  // The default light theme draws the first line in a near-white lavender: set colours that
  // read on light and dark backgrounds (head in blue, base in grey).
  '      plotColorPalette: "#2f81f7, #8b949e"',
  '---',
];

/** The chart's Mermaid text (without the fence). */
export function mermaidTrendChart(chart: TrendChart): string {
  const title = chart.showFile ? `${chart.group}: ${chart.metric} (${chart.file})` : `${chart.group}: ${chart.metric}`;
  const all = chart.base === undefined ? chart.head : [...chart.head, chart.base];
  const [low, high] = axisRange(all);
  const series = (values: readonly number[]): string => `[${values.map(mermaidNumber).join(', ')}]`;
  const lines = [
    ...FRONTMATTER,
    'xychart-beta',
    `  title ${mermaidString(title)}`,
    `  x-axis "push (head commit)" [${chart.pushes.map(mermaidString).join(', ')}]`,
    `  y-axis ${mermaidString(chart.metric)} ${low} --> ${high}`,
    `  line "head" ${series(chart.head)}`,
  ];
  if (chart.base !== undefined) lines.push(`  line "base" ${series(chart.head.map(() => chart.base!))}`);
  return lines.join('\n');
}

function caption(chart: TrendChart): string {
  const what = `**${cell(chart.group)}** · ${code(chart.metric)}${chart.showFile ? ` in ${code(chart.file)}` : ''}`;
  const base = chart.base === undefined ? ' (no base value)' : `, and the base (${formatNumber(chart.base)}) as a flat line`;
  return `${chart.regressed ? '❌ ' : ''}${what}${chart.regressed ? ', regressed' : ''}: the head at each of ${chart.pushes.length} pushes${base}.`;
}

/**
 * The charts as a folded markdown block, or no lines when no metric qualifies. Escaping leaves
 * no backtick in a chart, so a plain fence cannot be closed early.
 */
export function trendChartsBlock(report: GateReport, history: History | undefined, max = MAX_TREND_CHARTS): string[] {
  const { charts, omitted } = selectTrendCharts(report, history, max);
  if (charts.length === 0 && omitted === 0) return [];
  const lines = ['<details><summary>Trend charts</summary>', ''];
  for (const chart of charts) {
    lines.push(caption(chart), '', '```mermaid', mermaidTrendChart(chart), '```', '');
  }
  if (omitted > 0) {
    lines.push(
      `${omitted} more ${omitted === 1 ? 'metric' : 'metrics'} changed over the pushes without a chart: ` +
        `at most ${max} ${max === 1 ? 'chart is' : 'charts are'} drawn, regressed metrics first, then those with a rule.`,
      '',
    );
  }
  lines.push('</details>', '');
  return lines;
}

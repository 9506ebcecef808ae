import { didYouMean } from '../catalog/suggest.js';
import type { MetricRule } from '../catalog/types.js';
import { allowedWorsening, describeThreshold } from './rules.js';
import { judgeNoise, type NoiseMethod } from './stats.js';
import type {
  ComparisonRow,
  FileRead,
  GateReport,
  MetricGroup,
  MetricValue,
  ParamChange,
  Regression,
} from './types.js';

export interface CompareOptions {
  /** Confidence for the noise judgement, e.g. 0.95. */
  confidence: number;
  noiseMethod: NoiseMethod;
  /**
   * A removed metric, a missing or unreadable head file, and a gated metric whose head value
   * is not a finite number fail the gate (true), or are only reported (false).
   */
  failOnMissing: boolean;
}

/** What was read for one file: the head, and the base (undefined when there is no baseline at all). */
export interface FileSides {
  head: FileRead;
  base?: FileRead;
}

function numeric(value: MetricValue | undefined): value is Extract<MetricValue, { kind: 'number' | 'samples' }> {
  return value !== undefined && (value.kind === 'number' || value.kind === 'samples');
}

function invalidNote(value: MetricValue, side: 'head' | 'base'): string {
  if (value.kind === 'invalid') {
    const word = Number.isNaN(value.value) ? 'NaN' : value.value > 0 ? 'Infinity' : '-Infinity';
    return `${word} at ${side}`;
  }
  return `not a number at ${side}`;
}

/** Compares one metric's base and head values under its rule. */
export function compareMetric(
  group: string,
  file: string,
  metric: string,
  base: MetricValue | undefined,
  head: MetricValue | undefined,
  rule: MetricRule | undefined,
  options: CompareOptions,
  noBaseNote?: string,
): ComparisonRow {
  const row: ComparisonRow = { group, file, metric, base, head, rule, status: 'unchanged', failing: false };
  if (head === undefined) {
    return { ...row, status: 'removed', failing: options.failOnMissing, note: 'removed: present at base, missing at head' };
  }
  if (!numeric(head)) {
    return { ...row, status: 'invalid', failing: options.failOnMissing && rule !== undefined, note: invalidNote(head, 'head') };
  }
  if (base === undefined) return { ...row, status: 'new', note: noBaseNote };
  if (!numeric(base)) return { ...row, status: 'incomparable', note: `${invalidNote(base, 'base')}; nothing to compare with` };

  const delta = head.value - base.value;
  row.delta = delta;
  if (base.value !== 0) row.percent = (delta / Math.abs(base.value)) * 100;
  if (delta === 0) return row;

  const noise = judgeNoise(
    { value: base.value, samples: base.kind === 'samples' ? base.samples : undefined },
    { value: head.value, samples: head.kind === 'samples' ? head.samples : undefined },
    options.confidence,
    options.noiseMethod,
  );
  if (noise) row.noise = noise;
  const withinNoise = noise !== undefined && !noise.significant;

  if (!rule) return { ...row, status: withinNoise ? 'noise' : 'changed' };
  const worsening = rule.better === 'higher' ? -delta : delta;
  if (worsening <= 0) return { ...row, status: withinNoise ? 'noise' : 'improved' };
  const tolerance = 1e-12 * Math.max(1, Math.abs(base.value), Math.abs(head.value));
  const beyond = worsening > allowedWorsening(rule, base.value) + tolerance;
  if (withinNoise) return { ...row, status: 'noise', note: beyond ? 'beyond the threshold, but within noise' : undefined };
  if (beyond) return { ...row, status: 'regressed', failing: true };
  return { ...row, status: 'worse' };
}

/**
 * The metric a rule most likely meant: the nested metric whose last part it names (a rule for
 * "rouge_l" when the file has "generation.rouge_l"), or a close spelling.
 */
export function suggestMetric(name: string, metrics: Iterable<string>): string | undefined {
  const names = [...metrics].filter((metric) => metric !== '');
  const nested = names.filter((metric) => metric.endsWith(`.${name}`));
  if (nested.length === 1) return nested[0];
  return didYouMean(name, names);
}

/** Compares every file of a group; rows come in file order, then metric order as the head file lists them. */
export function compareGroup(group: MetricGroup, sides: Map<string, FileSides>, options: CompareOptions): ComparisonRow[] {
  const rows: ComparisonRow[] = [];
  for (const file of group.files) {
    const read = sides.get(file);
    if (!read) continue;
    const { head, base } = read;
    const baseMetrics = base?.status === 'ok' ? base.metrics : undefined;
    if (head.status !== 'ok') {
      const count = baseMetrics ? `; ${baseMetrics.size} metric${baseMetrics.size === 1 ? '' : 's'} at base` : '';
      rows.push({
        group: group.name,
        file,
        metric: '',
        status: head.status === 'missing' ? 'missing-file' : 'unreadable',
        failing: options.failOnMissing,
        note:
          head.status === 'missing'
            ? `file not found at head${count}${head.reason ? `: ${head.reason}` : ''}`
            : `cannot read the file at head: ${head.reason}`,
      });
      continue;
    }
    let noBaseNote: string | undefined;
    if (base === undefined) noBaseNote = 'no baseline';
    else if (base.status === 'missing') noBaseNote = 'new file';
    else if (base.status === 'unreadable') noBaseNote = `base file unreadable: ${base.reason}`;

    const names = [...head.metrics.keys()];
    for (const name of baseMetrics?.keys() ?? []) if (!head.metrics.has(name)) names.push(name);
    for (const name of names) {
      rows.push(
        compareMetric(
          group.name,
          file,
          name,
          baseMetrics?.get(name),
          head.metrics.get(name),
          group.rules.get(name),
          options,
          noBaseNote,
        ),
      );
    }
  }
  // A rule that matches no metric in any of the group's files is most likely a misspelt name.
  const seen = new Set(rows.map((row) => row.metric));
  const anyHeadRead = group.files.some((file) => sides.get(file)?.head.status === 'ok');
  if (anyHeadRead) {
    for (const [metric, rule] of group.rules) {
      if (seen.has(metric)) continue;
      const guess = suggestMetric(metric, seen);
      rows.push({
        group: group.name,
        file: group.files.length === 1 ? group.files[0]! : '',
        metric,
        rule,
        status: 'not-found',
        failing: false,
        note: guess ? `did you mean '${guess}'?` : `in no metrics file of ${group.name}`,
      });
    }
  }
  return rows;
}

function plainValue(value: MetricValue | undefined): number | string | null {
  if (value === undefined) return null;
  if (value.kind === 'other') return value.text;
  if (value.kind === 'invalid') return String(value.value);
  return value.value;
}

export function toRegression(row: ComparisonRow): Regression {
  return {
    service: row.group,
    file: row.file,
    metric: row.metric,
    old: plainValue(row.base),
    new: plainValue(row.head),
    delta: row.delta ?? null,
    threshold: row.rule ? describeThreshold(row.rule) : null,
    reason: row.status,
  };
}

/**
 * The gate's verdict: `regressed` when any row fails; otherwise `no-baseline` when there are
 * metrics but no base value to compare them with; otherwise `pass`.
 */
export function buildReport(
  groups: string[],
  rows: ComparisonRow[],
  params: ParamChange[],
  labels: { base?: string; head?: string } = {},
): GateReport {
  const failing = rows.filter((row) => row.failing);
  // Nothing to compare (no service with metrics in the change) passes; metrics without any base value do not.
  const noBase = rows.length > 0 && !rows.some((row) => row.base !== undefined);
  const verdict = failing.length > 0 ? 'regressed' : noBase ? 'no-baseline' : 'pass';
  return {
    verdict,
    rows,
    groups,
    regressions: failing.map(toRegression),
    params,
    baseLabel: labels.base,
    headLabel: labels.head,
  };
}

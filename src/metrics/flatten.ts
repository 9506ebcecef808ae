import type { FlatMetrics, MetricValue, Samples } from './types.js';

/**
 * Flattens a parsed metrics document the way `dvc metrics diff` names metrics: nested keys are
 * joined with a dot ({"train": {"loss": 1}} gives "train.loss"), while a key that itself contains
 * a dot ("mAP@0.5") stays as written. Names are only ever joined here, never split.
 *
 * Two shapes are read as repeated measurements of one metric rather than as nested metrics:
 * a list of at least two numbers, and a mapping with `mean`, `std` (or `stddev`, `stdev`, `sd`)
 * and `n` (or `count`). Other numeric keys beside those (min, max, p95...) stay metrics of their own.
 */
export function flattenMetrics(document: Record<string, unknown>): FlatMetrics {
  const result: FlatMetrics = new Map();
  visit(document, '', result);
  return result;
}

function visit(node: Record<string, unknown>, prefix: string, out: FlatMetrics): void {
  for (const [key, value] of Object.entries(node)) {
    const name = prefix === '' ? key : `${prefix}.${key}`;
    if (isPlainObject(value)) {
      const summary = sampleSummary(value);
      if (summary) {
        out.set(name, { kind: 'samples', value: summary.samples.mean, samples: summary.samples });
        const rest = Object.fromEntries(Object.entries(value).filter(([k]) => !summary.keys.has(k)));
        visit(rest, name, out);
      } else {
        // An empty mapping holds no metric; `dvc metrics diff` drops it too.
        visit(value, name, out);
      }
    } else {
      out.set(name, toMetricValue(value));
    }
  }
}

export function toMetricValue(value: unknown): MetricValue {
  if (typeof value === 'number') {
    return Number.isFinite(value) ? { kind: 'number', value } : { kind: 'invalid', value };
  }
  if (Array.isArray(value)) {
    if (value.length >= 2 && value.every((v) => typeof v === 'number' && Number.isFinite(v))) {
      const samples = fromValues(value as number[]);
      return { kind: 'samples', value: samples.mean, samples };
    }
    if (value.length === 1 && typeof value[0] === 'number') return toMetricValue(value[0]);
    return { kind: 'other', text: shortText(value) };
  }
  return { kind: 'other', text: shortText(value) };
}

const STD_KEYS = ['std', 'stddev', 'stdev', 'sd'];
const COUNT_KEYS = ['n', 'count'];

function sampleSummary(node: Record<string, unknown>): { samples: Samples; keys: Set<string> } | undefined {
  const mean = node.mean;
  const stdKey = STD_KEYS.find((k) => k in node);
  const countKey = COUNT_KEYS.find((k) => k in node);
  if (stdKey === undefined || countKey === undefined) return undefined;
  const std = node[stdKey];
  const n = node[countKey];
  if (typeof mean !== 'number' || !Number.isFinite(mean)) return undefined;
  if (typeof std !== 'number' || !Number.isFinite(std) || std < 0) return undefined;
  if (typeof n !== 'number' || !Number.isInteger(n) || n < 1) return undefined;
  return { samples: { mean, std, n }, keys: new Set(['mean', stdKey, countKey]) };
}

/** Mean, sample standard deviation (n − 1) and count of raw samples. */
export function fromValues(values: number[]): Samples {
  const n = values.length;
  const mean = values.reduce((sum, v) => sum + v, 0) / n;
  const variance = n > 1 ? values.reduce((sum, v) => sum + (v - mean) ** 2, 0) / (n - 1) : 0;
  return { mean, std: Math.sqrt(variance), n, values: [...values] };
}

/**
 * Rebuilds sample summaries from metrics that were flattened by someone else (DVC prints
 * "latency.mean", "latency.std", "latency.n"): the three become one "latency" metric.
 */
export function regroupSampleKeys(flat: FlatMetrics): FlatMetrics {
  const result: FlatMetrics = new Map(flat);
  for (const [key, value] of flat) {
    if (!key.endsWith('.mean') || value.kind !== 'number') continue;
    const prefix = key.slice(0, -'.mean'.length);
    const stdKey = STD_KEYS.map((k) => `${prefix}.${k}`).find((k) => flat.has(k));
    const countKey = COUNT_KEYS.map((k) => `${prefix}.${k}`).find((k) => flat.has(k));
    if (stdKey === undefined || countKey === undefined || flat.has(prefix)) continue;
    const std = flat.get(stdKey)!;
    const n = flat.get(countKey)!;
    if (std.kind !== 'number' || std.value < 0) continue;
    if (n.kind !== 'number' || !Number.isInteger(n.value) || n.value < 1) continue;
    result.delete(key);
    result.delete(stdKey);
    result.delete(countKey);
    result.set(prefix, {
      kind: 'samples',
      value: value.value,
      samples: { mean: value.value, std: std.value, n: n.value },
    });
  }
  return result;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Date);
}

function shortText(value: unknown): string {
  let text: string;
  if (typeof value === 'string') text = value;
  else if (value instanceof Date) text = value.toISOString();
  else if (value === undefined) text = 'undefined';
  else text = JSON.stringify(value) ?? String(value);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

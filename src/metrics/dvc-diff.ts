import { regroupSampleKeys, toMetricValue } from './flatten.js';
import { parsePythonJson } from './parse.js';
import type { FlatMetrics } from './types.js';

/** Both sides of `dvc metrics diff --json`, per metrics file (paths with forward slashes). */
export interface DvcMetricsDiff {
  old: Map<string, FlatMetrics>;
  new: Map<string, FlatMetrics>;
}

/**
 * Reads the output of `dvc metrics diff <a_rev> [<b_rev>] --all --json`:
 * {"<path>": {"<metric>": {"old": <value|null>, "new": <value|null>, "diff": <number>}}}.
 * Metric names are already flattened by DVC and are kept as printed. `null` means the metric
 * (or its whole file) is absent on that side; DVC also prints null for a file it failed to read
 * and still exits 0, so an absent side here is "unknown", never an error by itself.
 */
export function parseDvcMetricsDiff(text: string): DvcMetricsDiff {
  const trimmed = text.trim();
  const result: DvcMetricsDiff = { old: new Map(), new: new Map() };
  if (trimmed === '') return result;
  let document: unknown;
  try {
    document = parsePythonJson(trimmed);
  } catch (error) {
    throw new Error(`dvc metrics diff printed output that is not JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (typeof document !== 'object' || document === null || Array.isArray(document)) {
    throw new Error('dvc metrics diff printed JSON that is not a mapping of files to metrics');
  }
  for (const [rawPath, metrics] of Object.entries(document as Record<string, unknown>)) {
    if (typeof metrics !== 'object' || metrics === null || Array.isArray(metrics)) continue;
    const path = rawPath.replace(/\\/g, '/');
    const oldSide: FlatMetrics = new Map();
    const newSide: FlatMetrics = new Map();
    for (const [metric, entry] of Object.entries(metrics as Record<string, unknown>)) {
      if (typeof entry !== 'object' || entry === null || Array.isArray(entry)) continue;
      const { old: oldValue, new: newValue } = entry as { old?: unknown; new?: unknown };
      if (oldValue !== null && oldValue !== undefined) oldSide.set(metric, toMetricValue(oldValue));
      if (newValue !== null && newValue !== undefined) newSide.set(metric, toMetricValue(newValue));
    }
    result.old.set(path, regroupSampleKeys(oldSide));
    result.new.set(path, regroupSampleKeys(newSide));
  }
  return result;
}

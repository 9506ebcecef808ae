import { createHash } from 'node:crypto';

/**
 * The trend over a pull request's pushes: each run's head values, kept in a hidden HTML
 * comment at the end of the sticky comment and read back by the next run.
 */

export interface HistoryRun {
  /** The head commit the run measured (short SHA). */
  sha: string;
  values: (number | null)[];
}

export interface History {
  /** Metric identities (see historyKey). */
  keys: string[];
  /** Oldest first. */
  runs: HistoryRun[];
}

const OPEN = '<!-- aura:metrics-history ';
const CLOSE = ' -->';
export const MAX_RUNS = 20;
export const MAX_ENCODED = 16_000;

/** A short, stable identity for a metric (10 characters of a SHA-1), so many metrics fit in the comment. */
export function historyKey(group: string, file: string, metric: string): string {
  return createHash('sha1').update(`${group}\u001f${file}\u001f${metric}`).digest('base64url').slice(0, 10);
}

export function emptyHistory(): History {
  return { keys: [], runs: [] };
}

/** Reads the history from a comment body; anything unreadable counts as no history. */
export function readHistory(body: string | undefined): History {
  if (!body) return emptyHistory();
  const start = body.lastIndexOf(OPEN);
  if (start === -1) return emptyHistory();
  const end = body.indexOf(CLOSE, start + OPEN.length);
  if (end === -1) return emptyHistory();
  try {
    const json = Buffer.from(body.slice(start + OPEN.length, end).trim(), 'base64').toString('utf8');
    const parsed = JSON.parse(json) as { v?: number; keys?: unknown; runs?: unknown };
    if (parsed.v !== 1 || !Array.isArray(parsed.keys) || !Array.isArray(parsed.runs)) return emptyHistory();
    const keys = parsed.keys.filter((k): k is string => typeof k === 'string');
    if (keys.length !== parsed.keys.length) return emptyHistory();
    const runs: HistoryRun[] = [];
    for (const run of parsed.runs as unknown[]) {
      const { sha, values } = (run ?? {}) as { sha?: unknown; values?: unknown };
      if (typeof sha !== 'string' || !Array.isArray(values)) return emptyHistory();
      runs.push({ sha, values: values.map((v) => (typeof v === 'number' && Number.isFinite(v) ? v : null)) });
    }
    return { keys, runs };
  } catch {
    return emptyHistory();
  }
}

function encode(history: History): string {
  const json = JSON.stringify({ v: 1, keys: history.keys, runs: history.runs });
  return `${OPEN}${Buffer.from(json, 'utf8').toString('base64')}${CLOSE}`;
}

/**
 * Adds this run's values; a run for a commit already in the history replaces it (a re-run of
 * the same push), so re-running never grows the history or changes the comment.
 */
export function addRun(history: History, sha: string, values: Map<string, number>): History {
  const keys = [...history.keys];
  for (const key of values.keys()) if (!keys.includes(key)) keys.push(key);
  const index = new Map(keys.map((key, i) => [key, i]));
  const widen = (run: HistoryRun): HistoryRun => ({
    sha: run.sha,
    values: keys.map((key) => {
      const at = history.keys.indexOf(key);
      return at === -1 ? null : (run.values[at] ?? null);
    }),
  });
  const current: HistoryRun = { sha, values: keys.map(() => null) };
  for (const [key, value] of values) current.values[index.get(key)!] = Number(value.toPrecision(6));
  const runs = history.runs.filter((run) => run.sha !== sha).map(widen);
  runs.push(current);
  return prune({ keys, runs: runs.slice(-MAX_RUNS) });
}

/** Drops the oldest runs, then keys no kept run has a value for, until the encoding fits. */
function prune(history: History): History {
  let runs = history.runs;
  for (;;) {
    const used = history.keys.map((_, i) => runs.some((run) => run.values[i] !== null));
    const keys = history.keys.filter((_, i) => used[i]);
    const compact: History = {
      keys,
      runs: runs.map((run) => ({ sha: run.sha, values: run.values.filter((_, i) => used[i]) })),
    };
    if (encode(compact).length <= MAX_ENCODED || runs.length <= 1) {
      return encode(compact).length <= MAX_ENCODED ? compact : emptyHistory();
    }
    runs = runs.slice(1);
  }
}

export function renderHistory(history: History): string {
  return history.runs.length === 0 ? '' : encode(history);
}

/** The values of one metric over the runs, oldest first, skipping runs that did not have it. */
export function series(history: History, key: string): number[] {
  const at = history.keys.indexOf(key);
  if (at === -1) return [];
  return history.runs.map((run) => run.values[at]).filter((v): v is number => typeof v === 'number');
}

/** The runs that measured one metric, oldest first: each run's head commit and value. */
export function points(history: History, key: string): { sha: string; value: number }[] {
  const at = history.keys.indexOf(key);
  if (at === -1) return [];
  return history.runs.flatMap((run) => {
    const value = run.values[at];
    return typeof value === 'number' ? [{ sha: run.sha, value }] : [];
  });
}

const BARS = '▁▂▃▄▅▆▇█';

/** A sparkline of the values: the lowest value is the shortest bar; equal values give a flat line. */
export function sparkline(values: readonly number[]): string {
  if (values.length === 0) return '';
  const min = Math.min(...values);
  const max = Math.max(...values);
  return values
    .map((value) => {
      if (max === min) return BARS[3];
      return BARS[Math.round(((value - min) / (max - min)) * (BARS.length - 1))];
    })
    .join('');
}

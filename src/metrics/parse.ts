import { parse as parseYaml, YAMLParseError } from 'yaml';
import { flattenMetrics } from './flatten.js';
import type { FileRead } from './types.js';

/** NaN and ±Infinity as Python's json module (and so DVC and dvclive) writes them. */
const SENTINEL = '\u0000aura-number:';

/**
 * JSON as Python writes it: standard JSON plus the bare words NaN, Infinity and -Infinity,
 * which JSON.parse rejects but `json.dump` emits for non-finite floats.
 */
export function parsePythonJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    const patched = replaceNonFiniteWords(text);
    if (patched === text) throw error;
    return restoreNonFinite(JSON.parse(patched));
  }
}

function replaceNonFiniteWords(text: string): string {
  let out = '';
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (inString) {
      out += ch;
      if (ch === '\\') {
        out += text[i + 1] ?? '';
        i++;
      } else if (ch === '"') {
        inString = false;
      }
      continue;
    }
    if (ch === '"') {
      inString = true;
      out += ch;
      continue;
    }
    const word = ['-Infinity', 'Infinity', 'NaN'].find((w) => text.startsWith(w, i));
    if (word !== undefined && !/[\w.]/.test(text[i - 1] ?? ' ') && !/[\w.]/.test(text[i + word.length] ?? ' ')) {
      out += JSON.stringify(SENTINEL + word);
      i += word.length - 1;
      continue;
    }
    out += ch;
  }
  return out;
}

function restoreNonFinite(value: unknown): unknown {
  if (typeof value === 'string' && value.startsWith(SENTINEL)) {
    const word = value.slice(SENTINEL.length);
    return word === 'NaN' ? Number.NaN : word === '-Infinity' ? -Infinity : Infinity;
  }
  if (Array.isArray(value)) return value.map(restoreNonFinite);
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, restoreNonFinite(v)]));
  }
  return value;
}

export type MetricsFormat = 'json' | 'yaml' | 'toml';

/** The format DVC would read the file as: by its extension, YAML for anything unknown. */
export function formatOf(path: string): MetricsFormat {
  const lower = path.toLowerCase();
  if (lower.endsWith('.json')) return 'json';
  if (lower.endsWith('.toml')) return 'toml';
  return 'yaml';
}

/** Parses a metrics file's text and flattens it; a file that cannot be read says why. */
export function parseMetricsText(path: string, text: string): FileRead {
  const format = formatOf(path);
  if (format === 'toml') {
    return { status: 'unreadable', reason: 'TOML metrics files are not supported; write the metrics as JSON or YAML' };
  }
  let document: unknown;
  try {
    document = format === 'json' ? parsePythonJson(text) : parseYaml(text, { prettyErrors: true });
  } catch (error) {
    return { status: 'unreadable', reason: parseFailure(format, error) };
  }
  if (document === null || document === undefined) return { status: 'ok', metrics: new Map() };
  if (typeof document !== 'object' || Array.isArray(document)) {
    return {
      status: 'unreadable',
      reason: `expected a mapping of metric names to values, found ${Array.isArray(document) ? 'a list' : typeof document}`,
    };
  }
  return { status: 'ok', metrics: flattenMetrics(document as Record<string, unknown>) };
}

function parseFailure(format: MetricsFormat, error: unknown): string {
  if (error instanceof YAMLParseError) {
    const where = error.linePos?.[0];
    const first = error.message.split('\n')[0] ?? error.message;
    return `invalid YAML${where ? ` at line ${where.line}, column ${where.col}` : ''}: ${first.replace(/ at line \d+, column \d+:?$/, '')}`;
  }
  const message = error instanceof Error ? error.message : String(error);
  return `invalid ${format === 'json' ? 'JSON' : 'YAML'}: ${message}`;
}

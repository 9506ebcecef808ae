import { parse as parseYaml } from 'yaml';
import { parsePythonJson, formatOf } from './parse.js';
import type { ParamChange } from './types.js';

/** Flattens parameters with dots, as `dvc params diff` names them; lists are compared whole. */
export function flattenParams(document: unknown, prefix = '', out = new Map<string, unknown>()): Map<string, unknown> {
  if (typeof document === 'object' && document !== null && !Array.isArray(document) && !(document instanceof Date)) {
    const entries = Object.entries(document as Record<string, unknown>);
    if (entries.length === 0 && prefix !== '') out.set(prefix, {});
    for (const [key, value] of entries) flattenParams(value, prefix === '' ? key : `${prefix}.${key}`, out);
  } else if (prefix !== '') {
    out.set(prefix, document);
  }
  return out;
}

export function parseParamsText(path: string, text: string): Map<string, unknown> {
  const format = formatOf(path);
  if (format === 'toml') throw new Error('TOML parameter files are not supported');
  const document = format === 'json' ? parsePythonJson(text) : parseYaml(text);
  return flattenParams(document ?? {});
}

function same(a: unknown, b: unknown): boolean {
  if (typeof a === 'number' && typeof b === 'number') return a === b || (Number.isNaN(a) && Number.isNaN(b));
  return JSON.stringify(a) === JSON.stringify(b);
}

/**
 * The parameters that differ between base and head, like `dvc params diff`: added ones have no
 * `old`, removed ones no `new`. An absent file counts as having no parameters.
 */
export function diffParams(file: string, base: Map<string, unknown> | undefined, head: Map<string, unknown> | undefined): ParamChange[] {
  const changes: ParamChange[] = [];
  const before = base ?? new Map<string, unknown>();
  const after = head ?? new Map<string, unknown>();
  for (const [param, value] of after) {
    if (!before.has(param)) changes.push({ file, param, new: value });
    else if (!same(before.get(param), value)) changes.push({ file, param, old: before.get(param), new: value });
  }
  for (const [param, value] of before) {
    if (!after.has(param)) changes.push({ file, param, old: value });
  }
  return changes;
}

import * as core from './runner.js';
import { ConfigurationError } from './errors.js';

/**
 * Input readers. Every reader names the input and, where a set of values is
 * accepted, lists it, so a user sees at once what to change in the workflow.
 */

export function getString(name: string, fallback = ''): string {
  const value = core.getInput(name).trim();
  return value === '' ? fallback : value;
}

export function getOptionalString(name: string): string | undefined {
  const value = core.getInput(name).trim();
  return value === '' ? undefined : value;
}

export function getRequired(name: string): string {
  const value = core.getInput(name).trim();
  if (value === '') {
    throw new ConfigurationError(`input '${name}' is required; set it under 'with:' in the workflow step`);
  }
  return value;
}

const TRUE_WORDS = new Set(['true', 'yes', 'on', '1']);
const FALSE_WORDS = new Set(['false', 'no', 'off', '0']);

export function getBoolean(name: string, fallback: boolean): boolean {
  const raw = core.getInput(name).trim();
  if (raw === '') return fallback;
  return parseBoolean(name, raw);
}

export function parseBoolean(name: string, raw: string): boolean {
  const value = raw.toLowerCase();
  if (TRUE_WORDS.has(value)) return true;
  if (FALSE_WORDS.has(value)) return false;
  throw new ConfigurationError(`input '${name}' must be true or false, got '${raw}'`);
}

export function getEnum<T extends string>(name: string, accepted: readonly T[], fallback: T): T {
  const raw = core.getInput(name).trim();
  if (raw === '') return fallback;
  return parseEnum(name, raw, accepted);
}

export function parseEnum<T extends string>(name: string, raw: string, accepted: readonly T[]): T {
  const match = accepted.find((value) => value === raw.toLowerCase());
  if (match === undefined) {
    throw new ConfigurationError(
      `input '${name}' must be one of ${accepted.map((v) => `'${v}'`).join(', ')}, got '${raw}'`,
    );
  }
  return match;
}

const DURATION_UNITS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 };

/** Reads a duration such as `90s`, `10m`, `1h30m` or a bare number of seconds; returns milliseconds. */
export function getDuration(name: string, fallbackMs: number): number {
  const raw = core.getInput(name).trim();
  if (raw === '') return fallbackMs;
  return parseDuration(name, raw);
}

export function parseDuration(name: string, raw: string): number {
  const text = raw.trim().toLowerCase();
  if (/^\d+(\.\d+)?$/.test(text)) return Math.round(Number(text) * 1000);
  const part = /(\d+(?:\.\d+)?)(ms|s|m|h)/y;
  let total = 0;
  let index = 0;
  while (index < text.length) {
    part.lastIndex = index;
    const match = part.exec(text);
    if (!match) {
      throw new ConfigurationError(
        `input '${name}' must be a duration such as 30s, 10m or 1h30m (units ms, s, m, h), got '${raw}'`,
      );
    }
    total += Number(match[1]) * (DURATION_UNITS[match[2]!] ?? 0);
    index = part.lastIndex;
  }
  return Math.round(total);
}

/** A list given one item per line or separated by commas; blank items and `#` comments are dropped. */
export function getList(name: string): string[] {
  return parseList(core.getInput(name));
}

export function parseList(raw: string): string[] {
  return raw
    .split(/\r?\n/)
    .map((line) => line.replace(/(^|\s)#.*$/, ''))
    .flatMap((line) => line.split(','))
    .map((item) => item.trim())
    .filter((item) => item !== '');
}

/**
 * A list that may also be given as a JSON array, as the outputs of other steps are
 * (`services: ${{ steps.changes.outputs.services }}`).
 */
export function getListOrJson(name: string): string[] {
  const raw = core.getInput(name).trim();
  if (raw.startsWith('[')) {
    const parsed = parseJson(name, raw);
    if (!Array.isArray(parsed) || parsed.some((item) => typeof item !== 'string')) {
      throw new ConfigurationError(`input '${name}' must be a JSON array of strings or a list, got '${raw}'`);
    }
    return (parsed as string[]).map((item) => item.trim()).filter((item) => item !== '');
  }
  return parseList(raw);
}

export function getJson(name: string): unknown {
  const raw = core.getInput(name).trim();
  if (raw === '') return undefined;
  return parseJson(name, raw);
}

export function parseJson(name: string, raw: string): unknown {
  try {
    return JSON.parse(raw);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new ConfigurationError(`input '${name}' is not valid JSON (${reason})`);
  }
}

/** Fails when inputs that exclude each other are both set. */
export function assertExclusive(names: readonly string[]): void {
  const set = names.filter((name) => core.getInput(name).trim() !== '');
  if (set.length > 1) {
    throw new ConfigurationError(
      `inputs ${set.map((n) => `'${n}'`).join(' and ')} cannot be used together; set only one of them`,
    );
  }
}

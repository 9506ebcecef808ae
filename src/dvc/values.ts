/**
 * Values read from params files and dvc.yaml, compared and printed the way DVC (Python) does.
 *
 * DVC loads these files into Python objects, so two facts matter that plain JavaScript numbers
 * lose: an integer and a float are different types (`10` prints as "10", `10.0` as "10.0" when
 * interpolated into a command), yet they compare equal (`1 == 1.0`, and even `True == 1`) when
 * DVC decides whether a tracked param changed. Floats are therefore kept boxed in `PyFloat`.
 */

export class PyFloat {
  constructor(readonly value: number) {}

  toString(): string {
    return pythonFloatRepr(this.value);
  }

  toJSON(): number | string {
    return Number.isFinite(this.value) ? this.value : pythonFloatRepr(this.value);
  }
}

export type ParamValue = null | boolean | number | string | PyFloat | ParamValue[] | ParamMap;
export interface ParamMap {
  [key: string]: ParamValue;
}

/** JSON-compatible form of a value, for action outputs. */
export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };

export function isParamMap(value: unknown): value is ParamMap {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof PyFloat);
}

export function isComposite(value: unknown): value is ParamMap | ParamValue[] {
  return Array.isArray(value) || isParamMap(value);
}

/** Python's repr() of a float: shortest round-trip digits, exponent form below 1e-4 and from 1e16. */
export function pythonFloatRepr(x: number): string {
  if (Number.isNaN(x)) return 'nan';
  if (x === Number.POSITIVE_INFINITY) return 'inf';
  if (x === Number.NEGATIVE_INFINITY) return '-inf';
  if (x === 0) return Object.is(x, -0) ? '-0.0' : '0.0';
  const [mantissa = '', exponentText = '0'] = x.toExponential().split('e');
  const exponent = Number(exponentText);
  const digits = mantissa.replace('-', '').replace('.', '');
  const sign = x < 0 ? '-' : '';
  if (exponent < -4 || exponent >= 16) {
    const m = digits.length > 1 ? `${digits[0]}.${digits.slice(1)}` : digits;
    const e = String(Math.abs(exponent)).padStart(2, '0');
    return `${sign}${m}e${exponent < 0 ? '-' : '+'}${e}`;
  }
  if (exponent < 0) return `${sign}0.${'0'.repeat(-exponent - 1)}${digits}`;
  if (digits.length <= exponent + 1) return `${sign}${digits}${'0'.repeat(exponent + 1 - digits.length)}.0`;
  return `${sign}${digits.slice(0, exponent + 1)}.${digits.slice(exponent + 1)}`;
}

/** Python's str() of a value (what an f-string or str() produces). */
export function pythonStr(value: ParamValue): string {
  if (value === null) return 'None';
  if (typeof value === 'boolean') return value ? 'True' : 'False';
  if (typeof value === 'number') return String(value);
  if (typeof value === 'string') return value;
  if (value instanceof PyFloat) return pythonFloatRepr(value.value);
  return pythonRepr(value);
}

/** Python's repr() of a value, for lists and dicts printed inside a string. */
export function pythonRepr(value: ParamValue): string {
  if (typeof value === 'string') return `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
  if (Array.isArray(value)) return `[${value.map(pythonRepr).join(', ')}]`;
  if (isParamMap(value)) {
    return `{${Object.entries(value)
      .map(([k, v]) => `${pythonRepr(k)}: ${pythonRepr(v)}`)
      .join(', ')}}`;
  }
  return pythonStr(value);
}

function numericValue(value: ParamValue): number | undefined {
  if (typeof value === 'number') return value;
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (value instanceof PyFloat) return value.value;
  return undefined;
}

/**
 * Python's `==` on loaded params: numbers compare by value across int/float/bool
 * (so `1`, `1.0` and `true` are equal, as DVC finds them). One deliberate difference:
 * NaN equals NaN here, where Python would report a NaN param as changed on every run.
 */
export function pythonEquals(a: ParamValue | undefined, b: ParamValue | undefined): boolean {
  if (a === undefined || b === undefined) return a === b;
  const na = numericValue(a);
  const nb = numericValue(b);
  if (na !== undefined || nb !== undefined) {
    if (na === undefined || nb === undefined) return false;
    return na === nb || (Number.isNaN(na) && Number.isNaN(nb));
  }
  if (a === null || b === null) return a === b;
  if (typeof a === 'string' || typeof b === 'string') return a === b;
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    return a.every((item, i) => pythonEquals(item, b[i]));
  }
  if (isParamMap(a) && isParamMap(b)) {
    const keys = Object.keys(a);
    if (keys.length !== Object.keys(b).length) return false;
    return keys.every((key) => Object.hasOwn(b, key) && pythonEquals(a[key], b[key]));
  }
  return false;
}

/**
 * A canonical text of a value that keeps every distinction a command line would show
 * (`1` vs `1.0`, `true` vs `1`) and ignores mapping key order.
 */
export function canonical(value: unknown): string {
  if (value === undefined) return '~undefined';
  if (value instanceof PyFloat) return `f:${pythonFloatRepr(value.value)}`;
  if (typeof value === 'number') return `i:${value}`;
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'boolean' || value === null) return String(value);
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return String(value);
}

export function toJsonValue(value: ParamValue): JsonValue {
  if (value instanceof PyFloat) return value.toJSON();
  if (Array.isArray(value)) return value.map(toJsonValue);
  if (isParamMap(value)) {
    const out: { [key: string]: JsonValue } = {};
    for (const [k, v] of Object.entries(value)) out[k] = toJsonValue(v);
    return out;
  }
  return value;
}

/** A value for a person to read in a reason line: `0.001`, `"detr"`, `[1, 2]`, `(missing)`. */
export function formatValue(value: ParamValue | undefined): string {
  if (value === undefined) return '(missing)';
  if (typeof value === 'string') return JSON.stringify(value);
  if (value === null) return 'null';
  if (typeof value === 'boolean' || typeof value === 'number') return String(value);
  if (value instanceof PyFloat) return pythonFloatRepr(value.value);
  if (Array.isArray(value)) return `[${value.map(formatValue).join(', ')}]`;
  return `{${Object.entries(value)
    .map(([k, v]) => `${k}: ${formatValue(v)}`)
    .join(', ')}}`;
}

/**
 * Looks a dotted key path up the way DVC does for `params:` entries (dpath with "."
 * as separator): each segment names a mapping key, or an index into a list.
 */
export function getKeyPath(data: ParamValue | undefined, key: string): { found: boolean; value?: ParamValue } {
  let current: ParamValue | undefined = data;
  for (const segment of key.split('.')) {
    if (isParamMap(current) && Object.hasOwn(current, segment)) {
      current = current[segment];
    } else if (Array.isArray(current) && /^\d+$/.test(segment) && Number(segment) < current.length) {
      current = current[Number(segment)];
    } else {
      return { found: false };
    }
  }
  return { found: true, value: current as ParamValue };
}

export interface LeafChange {
  key: string;
  before?: ParamValue;
  after?: ParamValue;
}

/**
 * The changes between two values under `key`, down to the leaves where both sides are
 * mappings, so a tracked group (`train`) reports `train.lr 0.001 -> 0.002`. Equality is
 * Python's, as DVC's. `undefined` means "missing".
 */
export function diffValues(key: string, before: ParamValue | undefined, after: ParamValue | undefined): LeafChange[] {
  if (isParamMap(before) && isParamMap(after)) {
    const changes: LeafChange[] = [];
    const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])];
    for (const k of keys) {
      const sub = key === '' ? k : `${key}.${k}`;
      changes.push(
        ...diffValues(sub, Object.hasOwn(before, k) ? before[k] : undefined, Object.hasOwn(after, k) ? after[k] : undefined),
      );
    }
    return changes;
  }
  if (pythonEquals(before, after)) return [];
  const change: LeafChange = { key };
  if (before !== undefined) change.before = before;
  if (after !== undefined) change.after = after;
  return [change];
}

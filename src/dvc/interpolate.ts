import {
  isComposite,
  isParamMap,
  type ParamMap,
  type ParamValue,
  pythonRepr,
  pythonStr,
  PyFloat,
} from './values.js';

/**
 * DVC's templating for dvc.yaml: the `vars` context and `${...}` interpolation, with the same
 * rules DVC 3 applies (dvc/parsing): which files are loaded, how values print into strings,
 * what may not be interpolated. Every value read from a params file is tracked with its file
 * and key, so a changed stage can say which templated value changed it.
 */

export class ResolveError extends Error {
  override readonly name = 'ResolveError';
}

interface Meta {
  /** The params file (repo-relative) or inline `vars` entry the value came from. */
  source: string | undefined;
  path: string[];
  /** Inline values (dvc.yaml `vars` mappings, foreach items written in dvc.yaml) are local. */
  local: boolean;
}

type Scalar = null | boolean | number | string | PyFloat;

export class CtxValue {
  constructor(
    readonly value: Scalar,
    readonly meta: Meta,
  ) {}
}

export class CtxDict {
  readonly entries = new Map<string, CtxNode>();
  constructor(readonly meta: Meta) {}
}

export class CtxList {
  readonly items: CtxNode[] = [];
  constructor(readonly meta: Meta) {}
}

export type CtxNode = CtxValue | CtxDict | CtxList;

/** What resolution with `unwrap: false` yields: plain values that may hold context nodes. */
export type Resolved = ParamValue | CtxNode | Resolved[] | { [key: string]: Resolved };

export function toNode(value: Resolved, meta: Meta): CtxNode {
  if (value instanceof CtxValue || value instanceof CtxDict || value instanceof CtxList) return value;
  if (Array.isArray(value)) {
    const list = new CtxList(meta);
    value.forEach((item, i) => list.items.push(toNode(item, { ...meta, path: [...meta.path, String(i)] })));
    return list;
  }
  if (typeof value === 'object' && value !== null && !(value instanceof PyFloat)) {
    const dict = new CtxDict(meta);
    for (const [key, item] of Object.entries(value)) {
      dict.entries.set(key, toNode(item, { ...meta, path: [...meta.path, key] }));
    }
    return dict;
  }
  return new CtxValue(value, meta);
}

export function unwrap(value: Resolved): ParamValue {
  if (value instanceof CtxValue) return value.value;
  if (value instanceof CtxList) return value.items.map(unwrap);
  if (value instanceof CtxDict) {
    const out: ParamMap = {};
    for (const [key, node] of value.entries) out[key] = unwrap(node);
    return out;
  }
  if (Array.isArray(value)) return value.map(unwrap);
  if (typeof value === 'object' && value !== null && !(value instanceof PyFloat)) {
    const out: ParamMap = {};
    for (const [key, item] of Object.entries(value)) out[key] = unwrap(item);
    return out;
  }
  return value;
}

export function isSequence(value: Resolved): value is Resolved[] | CtxList {
  return Array.isArray(value) || value instanceof CtxList;
}

export function isMapping(value: Resolved): value is { [key: string]: Resolved } | CtxDict {
  return value instanceof CtxDict || (isParamMap(value) && !(value instanceof CtxValue) && !(value instanceof CtxList));
}

/** Entries of a resolved mapping or sequence, as DVC iterates them. */
export function entriesOf(value: Resolved): [string, Resolved][] {
  if (value instanceof CtxDict) return [...value.entries];
  if (value instanceof CtxList) return value.items.map((item, i) => [String(i), item]);
  if (Array.isArray(value)) return value.map((item, i) => [String(i), item]);
  return Object.entries(value as Record<string, Resolved>);
}

/**
 * DVC's `to_str`: how a value prints into an interpolated string. A value reached through the
 * context (a node) prints with Python's str() (`True`), a plain one with DVC's rules (`true`).
 */
export function toStr(value: Resolved): string {
  if (value instanceof CtxValue) return pythonStr(value.value);
  if (value instanceof CtxDict || value instanceof CtxList) return pythonRepr(unwrap(value));
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (isParamMap(value)) return dictToFlags(value as ParamMap);
  return pythonStr(value as ParamValue);
}

/** POSIX shlex.quote, as DVC quotes string values when it unpacks a mapping into flags. */
export function shellQuote(value: string): string {
  if (value === '') return "''";
  if (!/[^\w@%+=:,./-]/.test(value)) return value;
  return `'${value.replace(/'/g, `'"'"'`)}'`;
}

function flatten(value: ParamMap, prefix = '', out: [string, ParamValue][] = []): [string, ParamValue][] {
  for (const [key, item] of Object.entries(value)) {
    const name = prefix ? `${prefix}.${key}` : key;
    if (isParamMap(item)) flatten(item, name, out);
    else out.push([name, item]);
  }
  return out;
}

/** Dictionary unpacking into a command (`${train}` -> `--lr 0.1 --epochs 3`), DVC's default style. */
function dictToFlags(value: ParamMap): string {
  let result = '';
  for (const [key, item] of flatten(value)) {
    if (typeof item === 'boolean') {
      if (item) result += `--${key} `;
    } else if (typeof item === 'string') {
      result += `--${key} ${shellQuote(item)} `;
    } else if (Array.isArray(item)) {
      item.forEach((element, n) => {
        if (isComposite(element)) throw new ResolveError(`Cannot interpolate nested iterable in '${key}'`);
        const text = typeof element === 'string' ? shellQuote(element) : pythonStr(element);
        result += n > 0 ? `${text} ` : `--${key} ${text} `;
      });
    } else {
      result += `--${key} ${pythonStr(item)} `;
    }
  }
  return result.trimEnd();
}

const INTERPOLATION = /(?<!\\)\$\{(.*?)\}/g;

export function hasInterpolation(value: string): boolean {
  INTERPOLATION.lastIndex = 0;
  return INTERPOLATION.test(value);
}

/** Checks every `${...}` in a value for syntax, as DVC does before resolving. */
export function checkSyntax(value: unknown): void {
  if (typeof value === 'string') {
    for (const match of value.matchAll(INTERPOLATION)) parseExpression(match[1] ?? '');
  } else if (Array.isArray(value)) {
    value.forEach(checkSyntax);
  } else if (typeof value === 'object' && value !== null && !(value instanceof PyFloat)) {
    for (const [key, item] of Object.entries(value)) {
      checkSyntax(key);
      checkSyntax(item);
    }
  }
}

/** `a.b[0].c` -> ['a', 'b', '0', 'c']. */
export function parseExpression(inner: string): string[] {
  if (!/^[^.[\]]+(?:\.[^.[\]]+|\[[^.[\]]+\])*$/.test(inner)) {
    throw new ResolveError(`'\${${inner}}' is not a valid expression (expected a key path such as \${train.lr} or \${layers[0]})`);
  }
  const segments = inner
    .replace(/\[/g, '.')
    .replace(/\]/g, '')
    .split('.')
    .map((segment) => segment.trim());
  if (segments.some((segment) => segment === '')) {
    throw new ResolveError(`'\${${inner}}' is not a valid expression`);
  }
  return segments;
}

export interface TrackedValue {
  /** Repo-relative params file. */
  file: string;
  /** Dotted key path inside it. */
  key: string;
  value: ParamValue;
}

function cloneDict(dict: CtxDict): CtxDict {
  const copy = new CtxDict(dict.meta);
  for (const [key, node] of dict.entries) copy.entries.set(key, node instanceof CtxDict ? cloneDict(node) : node);
  return copy;
}

/** The loaded params files a context may read, by repo-relative path (undefined: no such file). */
export type VarsFiles = (path: string) => ParamMap | undefined;

export class Context {
  root = new CtxDict({ source: undefined, path: [], local: true });
  /** Files merged in, with the keys selected from them (null: the whole file). */
  imports = new Map<string, string[] | null>();
  private reserved = new Set<string>();
  private tracking: Map<string, TrackedValue> | undefined;

  clone(): Context {
    const copy = new Context();
    copy.root = cloneDict(this.root);
    copy.imports = new Map([...this.imports].map(([k, v]) => [k, v ? [...v] : null]));
    copy.reserved = new Set(this.reserved);
    return copy;
  }

  has(key: string): boolean {
    return this.root.entries.has(key);
  }

  /** Records every params-file value selected while `fn` runs. */
  track<T>(fn: () => T): { result: T; tracked: TrackedValue[] } {
    const previous = this.tracking;
    const tracking = new Map<string, TrackedValue>();
    this.tracking = tracking;
    try {
      const result = fn();
      return { result, tracked: [...tracking.values()] };
    } finally {
      this.tracking = previous;
    }
  }

  private record(node: CtxNode): void {
    if (!this.tracking || node.meta.local || node.meta.source === undefined) return;
    const key = node.meta.path.join('.');
    this.tracking.set(`${node.meta.source}\0${key}`, { file: node.meta.source, key, value: unwrap(node) });
  }

  mergeUpdate(update: CtxDict, overwrite = false): void {
    const clash = [...update.entries.keys()].filter((key) => this.reserved.has(key));
    if (clash.length > 0) throw new ResolveError(`attempted to modify reserved key${clash.length > 1 ? 's' : ''} ${clash.join(', ')}`);
    mergeInto(this.root, update, overwrite);
  }

  /** `vars` entry `path` or `path:key1,key2`, relative to `wdir` (repo-relative). */
  mergeFrom(files: VarsFiles, item: string, wdir: string, join: (a: string, b: string) => string): void {
    const colon = item.indexOf(':');
    const file = join(wdir, colon === -1 ? item : item.slice(0, colon));
    const keysText = colon === -1 ? '' : item.slice(colon + 1);
    const selected = keysText ? keysText.split(',').filter(Boolean) : [];
    const selectKeys = selected.length > 0 ? selected : null;
    const imported = this.imports.get(file);
    if (imported !== undefined) {
      if (!selectKeys && imported === null) return;
      if (!selectKeys && imported) throw new ResolveError(`cannot load '${item}' as it's partially loaded already`);
      if (selectKeys && imported === null) throw new ResolveError(`cannot partially load '${item}' as it's already loaded.`);
      if (selectKeys && imported?.some((key) => selectKeys.includes(key))) {
        throw new ResolveError(`cannot load '${item}' as it's partially loaded already`);
      }
    }
    const data = files(file);
    if (data === undefined) throw new ResolveError(`'${file}' does not exist`);
    let picked: ParamMap = data;
    if (selectKeys) {
      picked = {};
      for (const key of selectKeys) {
        if (!Object.hasOwn(data, key)) throw new ResolveError(`could not find '${key}' in '${file}'`);
        picked[key] = data[key] as ParamValue;
      }
    }
    this.mergeUpdate(toNode(picked, { source: file, path: [], local: false }) as CtxDict);
    if (imported === undefined) this.imports.set(file, selectKeys ? [...selectKeys] : null);
    else if (selectKeys && imported) imported.push(...selectKeys);
  }

  /**
   * Loads a `vars` list: the default params file first (when `defaultFile` is given and
   * exists), then each entry in order.
   */
  loadFromVars(
    files: VarsFiles,
    vars: unknown[],
    wdir: string,
    join: (a: string, b: string) => string,
    stageName?: string,
    defaultFile?: string,
  ): void {
    if (defaultFile && files(join(wdir, defaultFile)) !== undefined) this.mergeFrom(files, defaultFile, wdir, join);
    vars.forEach((item, index) => {
      if (typeof item === 'string') {
        this.mergeFrom(files, item, wdir, join);
      } else if (isParamMap(item)) {
        const source = `${stageName ? `${stageName}.` : ''}vars[${index}]`;
        this.mergeUpdate(toNode(item, { source, path: [], local: true }) as CtxDict);
      } else {
        throw new ResolveError(`each 'vars' entry must be a file name or a mapping, not ${JSON.stringify(item)}`);
      }
    });
  }

  /** Sets `item`/`key` for one generated stage; they cannot be redefined by its `vars`. */
  async withTemporaryAsync<T>(values: Record<string, Resolved>, fn: () => Promise<T>): Promise<T> {
    const restore = this.setTemporary(values);
    try {
      return await fn();
    } finally {
      restore();
    }
  }

  private setTemporary(values: Record<string, Resolved>): () => void {
    const previous = new Map<string, CtxNode | undefined>();
    const added: string[] = [];
    for (const [key, value] of Object.entries(values)) {
      previous.set(key, this.root.entries.get(key));
      this.root.entries.set(key, toNode(value, { source: undefined, path: [key], local: true }));
      if (!this.reserved.has(key)) {
        this.reserved.add(key);
        added.push(key);
      }
    }
    return () => {
      for (const [key, node] of previous) {
        if (node === undefined) this.root.entries.delete(key);
        else this.root.entries.set(key, node);
      }
      for (const key of added) this.reserved.delete(key);
    };
  }

  select(expression: string): CtxNode {
    const segments = parseExpression(expression);
    let node: CtxNode = this.root;
    for (const segment of segments) {
      let next: CtxNode | undefined;
      if (node instanceof CtxDict) {
        next = node.entries.get(segment);
      } else if (node instanceof CtxList) {
        if (/^[+-]?\d+$/.test(segment)) {
          const index = Number(segment);
          next = node.items[index < 0 ? node.items.length + index : index];
        }
      }
      if (next === undefined) throw new ResolveError(`Could not find '${expression}'`);
      node = next;
    }
    this.record(node);
    return node;
  }

  /**
   * Resolves every `${...}` in a value. `field` is the stage key being resolved (cmd, deps...),
   * which decides what may be interpolated; `unwrap: false` keeps context nodes (for foreach
   * and matrix data).
   */
  resolve(value: unknown, field: string | undefined, unwrapValues = true): Resolved {
    if (typeof value === 'string') return this.resolveString(value, field, unwrapValues);
    if (Array.isArray(value)) return value.map((item) => this.resolve(item, field, unwrapValues));
    if (typeof value === 'object' && value !== null && !(value instanceof PyFloat)) {
      const out: { [key: string]: Resolved } = {};
      for (const [key, item] of Object.entries(value)) {
        out[String(unwrap(this.resolve(key, field, true)))] = this.resolve(item, field, unwrapValues);
      }
      return out;
    }
    return value as Resolved;
  }

  resolveString(text: string, field: string | undefined, unwrapValues = true): Resolved {
    const matches = [...text.matchAll(INTERPOLATION)];
    const first = matches[0];
    if (matches.length === 1 && first && first[0] === text) {
      const node = this.select(first[1] ?? '');
      const value: Resolved = unwrapValues ? unwrap(node) : node;
      validateValue(value, field);
      return value;
    }
    let out = '';
    let index = 0;
    for (const match of matches) {
      const start = match.index ?? 0;
      const value = unwrap(this.select(match[1] ?? ''));
      validateValue(value, field);
      out += text.slice(index, start) + toStr(value);
      index = start + match[0].length;
    }
    out += text.slice(index);
    return out.replace(/\\\$\{/g, '${');
  }
}

function mergeInto(into: CtxDict, update: CtxDict, overwrite: boolean): void {
  for (const [key, value] of update.entries) {
    const existing = into.entries.get(key);
    if (existing instanceof CtxDict && value instanceof CtxDict) {
      mergeInto(existing, value, overwrite);
      continue;
    }
    if (existing !== undefined && !overwrite) {
      const path = value.meta.path.join('.') || key;
      throw new ResolveError(
        `cannot redefine '${path}' from '${value.meta.source ?? '<local>'}' as it already exists in '${existing.meta.source ?? '<local>'}'`,
      );
    }
    into.entries.set(key, value);
  }
}

/** DVC refuses to interpolate a list or mapping into a stage field, except a mapping into `cmd`. */
function validateValue(value: Resolved, field: string | undefined): void {
  const plain = value instanceof CtxValue ? value.value : value;
  const composite =
    plain !== null &&
    (Array.isArray(plain) || plain instanceof CtxList || plain instanceof CtxDict || isParamMap(plain));
  if (!composite || field === undefined || field.includes('foreach')) return;
  if (field === 'cmd' && (plain instanceof CtxDict || isParamMap(plain))) return;
  const type = Array.isArray(plain) || plain instanceof CtxList ? 'list' : 'dict';
  throw new ResolveError(`Cannot interpolate data of type '${type}'`);
}

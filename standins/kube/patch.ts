/**
 * The three classic patch formats of the Kubernetes API: JSON merge patch (RFC 7386),
 * JSON patch (RFC 6902) and strategic merge patch, whose list handling follows the merge
 * keys and strategies of the schema (containers merge by name, ports by containerPort...).
 */
import { ApiError } from './errors.js';
import { childSchema, type ListSchema, type Schema } from './schema.js';
import { clone, deepEqual, isPlainObject } from './util.js';

function patchError(message: string): ApiError {
  return new ApiError(422, 'Invalid', message);
}

// ---------- JSON merge patch ----------

export function mergePatch(target: unknown, patch: unknown): unknown {
  if (!isPlainObject(patch)) return clone(patch);
  const result: Record<string, unknown> = isPlainObject(target) ? clone(target) : {};
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) delete result[key];
    else result[key] = mergePatch(result[key], value);
  }
  return result;
}

// ---------- JSON patch ----------

interface JsonPatchOp {
  op: string;
  path: string;
  from?: string;
  value?: unknown;
}

function decodePointer(pointer: string): string[] {
  if (pointer === '') return [];
  if (!pointer.startsWith('/')) throw patchError(`invalid JSON pointer "${pointer}": it must start with "/"`);
  return pointer
    .slice(1)
    .split('/')
    .map((token) => token.replace(/~1/g, '/').replace(/~0/g, '~'));
}

function resolveParent(doc: unknown, tokens: string[], op: string, path: string): [unknown, string] {
  let node: unknown = doc;
  for (const token of tokens.slice(0, -1)) {
    if (Array.isArray(node)) {
      const index = Number(token);
      if (!/^\d+$/.test(token) || index >= node.length) {
        throw patchError(`${op} operation does not apply: doc is missing path: "${path}": missing value`);
      }
      node = node[index];
    } else if (isPlainObject(node) && token in node) {
      node = node[token];
    } else {
      throw patchError(`${op} operation does not apply: doc is missing path: "${path}": missing value`);
    }
  }
  return [node, tokens[tokens.length - 1]!];
}

function getAt(doc: unknown, path: string, op: string): unknown {
  let node = doc;
  for (const token of decodePointer(path)) {
    if (Array.isArray(node) && /^\d+$/.test(token) && Number(token) < node.length) node = node[Number(token)];
    else if (isPlainObject(node) && token in node) node = node[token];
    else throw patchError(`${op} operation does not apply: doc is missing path: "${path}": missing value`);
  }
  return node;
}

function removeAt(doc: unknown, path: string, op: string): unknown {
  const tokens = decodePointer(path);
  if (tokens.length === 0) throw patchError(`${op} operation does not apply: cannot remove the whole document`);
  const [parent, last] = resolveParent(doc, tokens, op, path);
  if (Array.isArray(parent)) {
    const index = Number(last);
    if (!/^\d+$/.test(last) || index >= parent.length) {
      throw patchError(`${op} operation does not apply: doc is missing path: "${path}": missing value`);
    }
    return parent.splice(index, 1)[0];
  }
  if (isPlainObject(parent) && last in parent) {
    const value = parent[last];
    delete parent[last];
    return value;
  }
  throw patchError(`${op} operation does not apply: doc is missing key: ${path}: missing value`);
}

function addAt(doc: unknown, path: string, value: unknown, op: string, replace: boolean): unknown {
  const tokens = decodePointer(path);
  if (tokens.length === 0) return clone(value);
  const [parent, last] = resolveParent(doc, tokens, op, path);
  if (Array.isArray(parent)) {
    if (last === '-' && !replace) {
      parent.push(clone(value));
      return doc;
    }
    const index = Number(last);
    const limit = replace ? parent.length - 1 : parent.length;
    if (!/^\d+$/.test(last) || index > limit) {
      throw patchError(`${op} operation does not apply: doc is missing path: "${path}": missing value`);
    }
    if (replace) parent[index] = clone(value);
    else parent.splice(index, 0, clone(value));
    return doc;
  }
  if (!isPlainObject(parent)) {
    throw patchError(`${op} operation does not apply: doc is missing path: "${path}": missing value`);
  }
  if (replace && !(last in parent)) {
    throw patchError(`replace operation does not apply: doc is missing key: ${path}: missing value`);
  }
  parent[last] = clone(value);
  return doc;
}

export function jsonPatch(target: unknown, patch: unknown): unknown {
  if (!Array.isArray(patch)) throw patchError('a JSON patch must be a list of operations');
  let doc = clone(target);
  for (const raw of patch as JsonPatchOp[]) {
    if (!isPlainObject(raw) || typeof raw.op !== 'string' || typeof raw.path !== 'string') {
      throw patchError(`invalid JSON patch operation: ${JSON.stringify(raw)}`);
    }
    switch (raw.op) {
      case 'add':
        doc = addAt(doc, raw.path, raw.value, 'add', false);
        break;
      case 'replace':
        doc = addAt(doc, raw.path, raw.value, 'replace', true);
        break;
      case 'remove':
        removeAt(doc, raw.path, 'remove');
        break;
      case 'move': {
        const value = removeAt(doc, raw.from ?? '', 'move');
        doc = addAt(doc, raw.path, value, 'move', false);
        break;
      }
      case 'copy':
        doc = addAt(doc, raw.path, getAt(doc, raw.from ?? '', 'copy'), 'copy', false);
        break;
      case 'test':
        if (!deepEqual(getAt(doc, raw.path, 'test'), raw.value)) {
          throw patchError(`testing value ${raw.path} failed: test failed`);
        }
        break;
      default:
        throw patchError(`Unexpected kind: ${raw.op}`);
    }
  }
  return doc;
}

// ---------- strategic merge patch ----------

const DIRECTIVE = '$patch';
const RETAIN_KEYS = '$retainKeys';
const SET_ORDER = '$setElementOrder/';
const DELETE_PRIMITIVE = '$deleteFromPrimitiveList/';

/** Removes strategic merge patch directives from a value that is set as a whole. */
function stripDirectives(value: unknown): unknown {
  if (Array.isArray(value)) {
    return value
      .filter((item) => !(isPlainObject(item) && item[DIRECTIVE] !== undefined && Object.keys(item).length === 1))
      .map(stripDirectives);
  }
  if (isPlainObject(value)) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      if (k.startsWith('$') || v === null) continue;
      out[k] = stripDirectives(v);
    }
    return out;
  }
  return value;
}

function mergeKeyOf(schema: Schema | undefined): string | undefined {
  if (schema?.type !== 'list') return undefined;
  return schema.patchStrategy?.startsWith('merge') ? schema.patchMergeKey : undefined;
}

function isMergeList(schema: Schema | undefined): schema is ListSchema {
  return schema?.type === 'list' && (schema.patchStrategy?.startsWith('merge') ?? false);
}

function mergeList(original: unknown, patch: unknown[], schema: Schema | undefined): unknown[] {
  if (!isMergeList(schema)) return stripDirectives(patch) as unknown[];
  const key = mergeKeyOf(schema);
  const base = Array.isArray(original) ? clone(original) : [];
  if (patch.some((item) => isPlainObject(item) && item[DIRECTIVE] === 'replace')) {
    return stripDirectives(patch.filter((item) => !(isPlainObject(item) && item[DIRECTIVE] === 'replace'))) as unknown[];
  }
  if (!key) {
    // A list of primitives with the merge strategy behaves as a set.
    const result = [...base];
    for (const item of patch) if (!result.some((x) => deepEqual(x, item))) result.push(clone(item));
    return result;
  }
  const items = schema.items;
  let result = base;
  for (const patchItem of patch) {
    if (!isPlainObject(patchItem)) throw patchError(`a list merged by "${key}" must hold objects`);
    const keyValue = patchItem[key];
    const index = result.findIndex((x) => isPlainObject(x) && deepEqual(x[key], keyValue));
    if (patchItem[DIRECTIVE] === 'delete') {
      if (index >= 0) result = result.filter((_, i) => i !== index);
      continue;
    }
    if (index >= 0) result[index] = strategicMerge(result[index], patchItem, items);
    else result.push(strategicMerge({}, patchItem, items));
  }
  return result;
}

function orderList(list: unknown[], order: unknown[], key: string | undefined): unknown[] {
  const position = (item: unknown): number =>
    order.findIndex((o) => (key && isPlainObject(o) && isPlainObject(item) ? deepEqual(o[key], item[key]) : deepEqual(o, item)));
  const ordered = list.filter((item) => position(item) >= 0).sort((a, b) => position(a) - position(b));
  const rest = list.filter((item) => position(item) < 0);
  return [...ordered, ...rest];
}

/** Applies a strategic merge patch to `original`, guided by `schema`. */
export function strategicMerge(original: unknown, patch: unknown, schema: Schema | undefined): unknown {
  if (!isPlainObject(patch)) return stripDirectives(patch);
  if (patch[DIRECTIVE] === 'replace') {
    const { [DIRECTIVE]: _ignored, ...rest } = patch;
    return stripDirectives(rest);
  }
  if (patch[DIRECTIVE] === 'delete') return undefined;
  const result: Record<string, unknown> = isPlainObject(original) ? clone(original) : {};
  const orders: [string, unknown[]][] = [];
  for (const [key, value] of Object.entries(patch)) {
    if (key === DIRECTIVE || key === RETAIN_KEYS) continue;
    if (key.startsWith(SET_ORDER)) {
      if (Array.isArray(value)) orders.push([key.slice(SET_ORDER.length), value]);
      continue;
    }
    if (key.startsWith(DELETE_PRIMITIVE)) {
      const field = key.slice(DELETE_PRIMITIVE.length);
      if (Array.isArray(result[field]) && Array.isArray(value)) {
        result[field] = (result[field] as unknown[]).filter((x) => !value.some((v) => deepEqual(v, x)));
      }
      continue;
    }
    if (value === null) {
      delete result[key];
      continue;
    }
    const sub = childSchema(schema, key);
    if (Array.isArray(value)) {
      result[key] = mergeList(result[key], value, sub);
    } else if (isPlainObject(value) && sub?.type !== 'any') {
      const merged = strategicMerge(result[key], value, sub);
      if (merged === undefined) delete result[key];
      else result[key] = merged;
    } else if (isPlainObject(value)) {
      result[key] = value[DIRECTIVE] === 'delete' ? undefined : mergePatch(result[key], stripDirectives(value));
      if (result[key] === undefined) delete result[key];
    } else {
      result[key] = value;
    }
  }
  for (const [field, order] of orders) {
    if (Array.isArray(result[field])) {
      result[field] = orderList(result[field] as unknown[], order, mergeKeyOf(childSchema(schema, field)));
    }
  }
  const retain = patch[RETAIN_KEYS];
  if (Array.isArray(retain)) {
    for (const key of Object.keys(result)) if (!retain.includes(key)) delete result[key];
  }
  return result;
}

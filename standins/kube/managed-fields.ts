/**
 * Field management: metadata.managedFields in the FieldsV1 format, and server-side apply
 * (merge by list-map keys, removal of fields a manager stopped applying, conflicts with
 * other managers unless forced).
 */
import { ApiError, type StatusCause } from './errors.js';
import { childSchema, itemSchema, type Schema } from './schema.js';
import { clone, deepEqual, isPlainObject, type KubeObject } from './util.js';

export type FieldTree = { [element: string]: FieldTree };

export interface ManagedFieldsEntry {
  manager: string;
  operation: 'Apply' | 'Update';
  apiVersion: string;
  time: string;
  fieldsType: 'FieldsV1';
  fieldsV1: FieldTree;
  subresource?: string;
}

/** Defaults the API server gives list-map keys before items are compared. */
const MAP_KEY_DEFAULTS: Record<string, unknown> = { protocol: 'TCP' };

function isGranularObject(schema: Schema | undefined): boolean {
  return schema?.type === 'object' && !schema.atomic;
}

function isGranularMap(schema: Schema | undefined): boolean {
  return schema?.type === 'map' && !schema.atomic;
}

function itemKey(item: Record<string, unknown>, keys: string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const k of [...keys].sort()) out[k] = item[k] ?? MAP_KEY_DEFAULTS[k];
  return out;
}

function keyElement(item: Record<string, unknown>, keys: string[]): string {
  return `k:${JSON.stringify(itemKey(item, keys))}`;
}

function childFields(value: unknown, schema: Schema | undefined): FieldTree {
  const container =
    (isGranularObject(schema) && isPlainObject(value)) ||
    (isGranularMap(schema) && isPlainObject(value)) ||
    (schema?.type === 'list' && schema.listType !== 'atomic' && Array.isArray(value));
  if (!container) return {};
  const tree = fieldsOf(value, schema);
  if (isGranularMap(schema)) tree['.'] = {};
  return Object.keys(tree).length === 0 ? {} : tree;
}

/** The set of fields a value sets, walked with its schema. */
export function fieldsOf(value: unknown, schema: Schema | undefined): FieldTree {
  const tree: FieldTree = {};
  if ((isGranularObject(schema) || isGranularMap(schema)) && isPlainObject(value)) {
    for (const [key, child] of Object.entries(value)) {
      if (child === undefined || child === null) continue;
      tree[`f:${key}`] = childFields(child, childSchema(schema, key));
    }
  } else if (schema?.type === 'list' && Array.isArray(value)) {
    if (schema.listType === 'map' && schema.mapKeys) {
      for (const item of value) {
        if (!isPlainObject(item)) continue;
        tree[keyElement(item, schema.mapKeys)] = { '.': {}, ...fieldsOf(item, schema.items) };
      }
    } else if (schema.listType === 'set') {
      for (const item of value) tree[`v:${JSON.stringify(item)}`] = {};
    }
  }
  return tree;
}

const TRACKED_METADATA = new Set(['f:labels', 'f:annotations', 'f:ownerReferences', 'f:finalizers']);

/** Keeps the part of a field set that belongs to the main resource or to a subresource. */
export function scopeFields(tree: FieldTree, subresource: string | undefined): FieldTree {
  const out: FieldTree = {};
  for (const [element, child] of Object.entries(tree)) {
    if (subresource === 'status') {
      if (element === 'f:status') out[element] = child;
      if (element === 'f:metadata' && child['f:annotations']) out[element] = { 'f:annotations': child['f:annotations'] };
    } else if (element === 'f:metadata') {
      const metadata: FieldTree = {};
      for (const [m, c] of Object.entries(child)) if (TRACKED_METADATA.has(m)) metadata[m] = c;
      if (Object.keys(metadata).length > 0) out[element] = metadata;
    } else if (element !== 'f:status' && element !== 'f:apiVersion' && element !== 'f:kind') {
      out[element] = child;
    }
  }
  return out;
}

function isEmptyTree(tree: FieldTree | undefined): boolean {
  return !tree || Object.keys(tree).length === 0;
}

export function unionFields(a: FieldTree, b: FieldTree): FieldTree {
  const out: FieldTree = clone(a);
  for (const [element, child] of Object.entries(b)) {
    out[element] = element in out ? unionFields(out[element]!, child) : clone(child);
  }
  return out;
}

/** Fields of `a` that are not in `b`; a leaf of `b` removes the whole subtree under it in `a`. */
export function subtractFields(a: FieldTree, b: FieldTree): FieldTree {
  const out: FieldTree = {};
  for (const [element, child] of Object.entries(a)) {
    const other = b[element];
    if (other === undefined) {
      out[element] = clone(child);
      continue;
    }
    if (isEmptyTree(other)) continue;
    if (isEmptyTree(child)) continue;
    const rest = subtractFields(child, other);
    if (!isEmptyTree(rest)) out[element] = rest;
  }
  return out;
}

type Path = string[];

/** Every owned leaf (a field with no children, or a "." marker). */
function leaves(tree: FieldTree, prefix: Path = []): Path[] {
  const out: Path[] = [];
  for (const [element, child] of Object.entries(tree)) {
    const path = [...prefix, element];
    if (isEmptyTree(child)) out.push(path);
    else out.push(...leaves(child, path));
  }
  return out;
}

function hasPath(tree: FieldTree, path: Path): boolean {
  let node: FieldTree | undefined = tree;
  for (const element of path) {
    node = node?.[element];
    if (node === undefined) return false;
  }
  return true;
}

function treeFromPaths(paths: Path[]): FieldTree {
  const tree: FieldTree = {};
  for (const path of paths) {
    let node = tree;
    for (const element of path) node = node[element] ??= {};
  }
  return tree;
}

function findItem(list: unknown, element: string): unknown {
  if (!Array.isArray(list)) return undefined;
  if (element.startsWith('k:')) {
    const key = JSON.parse(element.slice(2)) as Record<string, unknown>;
    return list.find(
      (item) => isPlainObject(item) && Object.entries(key).every(([k, v]) => deepEqual(item[k] ?? MAP_KEY_DEFAULTS[k], v)),
    );
  }
  if (element.startsWith('v:')) {
    const value = JSON.parse(element.slice(2)) as unknown;
    return list.find((item) => deepEqual(item, value));
  }
  return undefined;
}

function valueAt(root: unknown, path: Path): unknown {
  let node: unknown = root;
  for (const element of path) {
    if (element === '.') return node;
    if (element.startsWith('f:')) node = isPlainObject(node) ? node[element.slice(2)] : undefined;
    else node = findItem(node, element);
    if (node === undefined) return undefined;
  }
  return node;
}

/** `.spec.template.spec.containers[name="app"].image`, as conflicts are reported. */
export function describePath(path: Path): string {
  let out = '';
  for (const element of path) {
    if (element === '.') continue;
    if (element.startsWith('f:')) out += `.${element.slice(2)}`;
    else if (element.startsWith('k:')) {
      const key = JSON.parse(element.slice(2)) as Record<string, unknown>;
      out += `[${Object.entries(key)
        .map(([k, v]) => `${k}=${JSON.stringify(v)}`)
        .join(',')}]`;
    } else if (element.startsWith('v:')) out += `[=${element.slice(2)}]`;
  }
  return out;
}

/** Fields set or changed between two versions of an object (new list items bring their "." marker). */
function changedFields(before: unknown, after: unknown, afterTree: FieldTree, beforeTree: FieldTree): FieldTree {
  const changed: Path[] = [];
  for (const path of leaves(afterTree)) {
    if (path[path.length - 1] === '.') {
      if (!hasPath(beforeTree, path)) changed.push(path);
      continue;
    }
    if (!hasPath(beforeTree, path) || !deepEqual(valueAt(before, path), valueAt(after, path))) changed.push(path);
  }
  return treeFromPaths(changed);
}

function entryIndex(
  entries: ManagedFieldsEntry[],
  manager: string,
  operation: ManagedFieldsEntry['operation'],
  subresource: string | undefined,
): number {
  return entries.findIndex(
    (e) => e.manager === manager && e.operation === operation && (e.subresource ?? '') === (subresource ?? ''),
  );
}

function normalise(entries: ManagedFieldsEntry[]): ManagedFieldsEntry[] {
  return entries.filter((e) => !isEmptyTree(e.fieldsV1));
}

export function readManagedFields(obj: KubeObject | undefined): ManagedFieldsEntry[] {
  const raw = obj?.metadata?.managedFields;
  return Array.isArray(raw) ? (clone(raw) as ManagedFieldsEntry[]) : [];
}

export interface UpdateRecord {
  manager: string;
  subresource?: string;
  apiVersion: string;
  schema: Schema;
  time: string;
}

/** Managed fields after a non-apply write (create, update, patch) by `manager`. */
export function recordUpdate(
  before: KubeObject | undefined,
  after: KubeObject,
  base: ManagedFieldsEntry[],
  record: UpdateRecord,
): ManagedFieldsEntry[] {
  const beforeTree = before ? scopeFields(fieldsOf(before, record.schema), record.subresource) : {};
  const afterTree = scopeFields(fieldsOf(after, record.schema), record.subresource);
  const changed = changedFields(before, after, afterTree, beforeTree);
  const removed = subtractFields(beforeTree, afterTree);
  const entries = base.map((e) => {
    let fields = subtractFields(e.fieldsV1, removed);
    fields = subtractFields(fields, changed);
    return deepEqual(fields, e.fieldsV1) ? e : { ...e, fieldsV1: fields };
  });
  const index = entryIndex(entries, record.manager, 'Update', record.subresource);
  if (isEmptyTree(changed)) return normalise(entries);
  const own = index >= 0 ? entries[index]! : undefined;
  const fields = unionFields(own?.fieldsV1 ?? {}, changed);
  const entry: ManagedFieldsEntry = {
    manager: record.manager,
    operation: 'Update',
    apiVersion: record.apiVersion,
    time: record.time,
    fieldsType: 'FieldsV1',
    fieldsV1: fields,
    ...(record.subresource ? { subresource: record.subresource } : {}),
  };
  if (index >= 0) entries[index] = entry;
  else entries.push(entry);
  return normalise(entries);
}

/** Server-side apply's merge: list-maps by key, sets as unions, atomic values replaced. */
export function applyMerge(live: unknown, applied: unknown, schema: Schema | undefined): unknown {
  if ((isGranularObject(schema) || isGranularMap(schema)) && isPlainObject(applied)) {
    const result: Record<string, unknown> = isPlainObject(live) ? clone(live) : {};
    for (const [key, value] of Object.entries(applied)) {
      if (value === null || value === undefined) continue;
      result[key] = applyMerge(result[key], value, childSchema(schema, key));
    }
    return result;
  }
  if (schema?.type === 'list' && Array.isArray(applied)) {
    if (schema.listType === 'map' && schema.mapKeys) {
      const keys = schema.mapKeys;
      const result = Array.isArray(live) ? clone(live) : [];
      for (const item of applied) {
        if (!isPlainObject(item)) continue;
        const element = keyElement(item, keys);
        const index = result.findIndex((x) => isPlainObject(x) && keyElement(x, keys) === element);
        if (index >= 0) result[index] = applyMerge(result[index], item, itemSchema(schema));
        else result.push(applyMerge(undefined, item, itemSchema(schema)));
      }
      return result;
    }
    if (schema.listType === 'set') {
      const result = Array.isArray(live) ? clone(live) : [];
      for (const item of applied) if (!result.some((x) => deepEqual(x, item))) result.push(clone(item));
      return result;
    }
  }
  return clone(applied);
}

/** Removes the fields of `tree` from `value`. */
function removeFields(value: unknown, tree: FieldTree): unknown {
  if (isPlainObject(value)) {
    const result = { ...value };
    for (const [element, child] of Object.entries(tree)) {
      if (!element.startsWith('f:')) continue;
      const key = element.slice(2);
      if (isEmptyTree(child) || '.' in child) delete result[key];
      else if (key in result) result[key] = removeFields(result[key], child);
    }
    return result;
  }
  if (Array.isArray(value)) {
    let result = [...value];
    for (const [element, child] of Object.entries(tree)) {
      const item = findItem(result, element);
      if (item === undefined) continue;
      if (isEmptyTree(child) || '.' in child) result = result.filter((x) => x !== item);
      else result = result.map((x) => (x === item ? removeFields(x, child) : x));
    }
    return result;
  }
  return value;
}

export interface ApplyRequest {
  manager: string;
  force: boolean;
  apiVersion: string;
  schema: Schema;
  time: string;
}

export interface ApplyResult {
  object: KubeObject;
  managedFields: ManagedFieldsEntry[];
}

/** Server-side apply of `applied` onto `live` (undefined when the object is new). */
export function serverSideApply(
  live: KubeObject | undefined,
  applied: KubeObject,
  base: ManagedFieldsEntry[],
  request: ApplyRequest,
): ApplyResult {
  const appliedTree = scopeFields(fieldsOf(applied, request.schema), undefined);
  let entries = base;
  if (live) {
    const conflicts: { manager: string; apiVersion: string; path: Path }[] = [];
    entries.forEach((entry) => {
      if (entry.manager === request.manager && entry.operation === 'Apply') return;
      if ((entry.subresource ?? '') !== '') return;
      for (const path of leaves(entry.fieldsV1)) {
        if (path[path.length - 1] === '.' || !hasPath(appliedTree, path)) continue;
        if (!deepEqual(valueAt(live, path), valueAt(applied, path))) {
          conflicts.push({ manager: entry.manager, apiVersion: entry.apiVersion, path });
        }
      }
    });
    if (conflicts.length > 0 && !request.force) throw conflictError(conflicts);
    if (conflicts.length > 0) {
      const taken = treeFromPaths(conflicts.map((c) => c.path));
      entries = entries.map((e) =>
        e.manager === request.manager && e.operation === 'Apply' ? e : { ...e, fieldsV1: subtractFields(e.fieldsV1, taken) },
      );
    }
  }
  const index = entryIndex(entries, request.manager, 'Apply', undefined);
  const previous = index >= 0 ? entries[index]!.fieldsV1 : {};
  let merged = applyMerge(live ?? {}, applied, request.schema) as KubeObject;
  const others = entries
    .filter((_, i) => i !== index)
    .filter((e) => (e.subresource ?? '') === '')
    .reduce<FieldTree>((acc, e) => unionFields(acc, e.fieldsV1), {});
  const dropped = subtractFields(subtractFields(previous, appliedTree), others);
  merged = removeFields(merged, dropped) as KubeObject;
  const entry: ManagedFieldsEntry = {
    manager: request.manager,
    operation: 'Apply',
    apiVersion: request.apiVersion,
    time: index >= 0 && deepEqual(previous, appliedTree) ? entries[index]!.time : request.time,
    fieldsType: 'FieldsV1',
    fieldsV1: appliedTree,
  };
  if (index >= 0) entries[index] = entry;
  else entries.push(entry);
  return { object: merged, managedFields: normalise(entries) };
}

function conflictError(conflicts: { manager: string; apiVersion: string; path: Path }[]): ApiError {
  const causes: StatusCause[] = conflicts.map((c) => ({
    reason: 'FieldManagerConflict',
    message: `conflict with "${c.manager}" using ${c.apiVersion}`,
    field: describePath(c.path),
  }));
  const lines = causes.map((c) => `- ${c.message}: ${c.field}`);
  const message =
    conflicts.length === 1
      ? `Apply failed with 1 conflict: ${causes[0]!.message}: ${causes[0]!.field}`
      : `Apply failed with ${conflicts.length} conflicts: ${lines.join('\n')}`;
  return new ApiError(409, 'Conflict', message, { causes });
}

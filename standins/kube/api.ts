/**
 * The API server's object semantics, apart from HTTP: admission (decoding, defaulting,
 * validation), metadata (uid, resourceVersion, generation, managedFields), optimistic
 * concurrency, the status and scale subresources, the four patch types, server-side apply,
 * and deletion (graceful for pods, finalizers, propagation policies). The HTTP layer and
 * the simulated controllers both write through here, as they would through a real server.
 */
import { parse as parseYaml } from 'yaml';
import type { SimClock } from './clock.js';
import { decodeWithSchema } from './decode.js';
import {
  alreadyExists,
  ApiError,
  badRequest,
  conflict,
  invalid,
  notFound,
  STALE_OBJECT,
  unsupportedMediaType,
} from './errors.js';
import {
  readManagedFields,
  recordUpdate,
  serverSideApply,
  type ManagedFieldsEntry,
} from './managed-fields.js';
import { jsonPatch, mergePatch, strategicMerge } from './patch.js';
import { NAMESPACES, RESOURCES, resourceById, apiVersionOf, type ResourceDef } from './resources.js';
import { SCALE_SCHEMA } from './schema.js';
import { formatLabelSelector, labelSelectorMatcher, parseFieldSelector, parseLabelSelector } from './selectors.js';
import type { ObjectStore } from './store.js';
import { clone, deepEqual, isPlainObject, newUid, randomSuffix, type KubeObject } from './util.js';

export type FieldValidation = 'Strict' | 'Warn' | 'Ignore';

export interface WriteOptions {
  /** Field manager; defaults to "unknown". */
  manager?: string;
  subresource?: 'status' | 'scale';
  dryRun?: boolean;
  fieldValidation?: FieldValidation;
  /** Server-side apply only: take fields owned by other managers. */
  force?: boolean;
}

export interface WriteResult {
  object: KubeObject;
  warnings: string[];
  /** True when the write created the object (201 over HTTP). */
  created: boolean;
}

export interface DeleteOptions {
  gracePeriodSeconds?: number;
  propagationPolicy?: 'Orphan' | 'Background' | 'Foreground';
  preconditions?: { uid?: string; resourceVersion?: string };
  dryRun?: boolean;
}

export interface DeleteResult {
  /** The object as deleted (or as marked for deletion). */
  object: KubeObject;
  /** False while a graceful deletion or a finalizer holds the object. */
  gone: boolean;
}

export interface ListOptions {
  labelSelector?: string;
  fieldSelector?: string;
}

export type PatchType = 'json' | 'merge' | 'strategic' | 'apply';

export function patchTypeOf(contentType: string | undefined): PatchType {
  const type = (contentType ?? '').split(';')[0]!.trim().toLowerCase();
  switch (type) {
    case 'application/json-patch+json':
      return 'json';
    case 'application/merge-patch+json':
      return 'merge';
    case 'application/strategic-merge-patch+json':
      return 'strategic';
    case 'application/apply-patch+yaml':
    case 'application/apply-patch+cbor':
      return 'apply';
    default:
      throw unsupportedMediaType(type);
  }
}

const IMMUTABLE_METADATA = [
  'name',
  'namespace',
  'uid',
  'creationTimestamp',
  'deletionTimestamp',
  'deletionGracePeriodSeconds',
  'generation',
  'selfLink',
];

/** The object without what changes on every write, to tell a real change from a no-op. */
function comparable(obj: KubeObject): KubeObject {
  const copy = clone(obj);
  delete copy.metadata.resourceVersion;
  copy.metadata.managedFields = ((copy.metadata.managedFields ?? []) as ManagedFieldsEntry[]).map((e) => ({
    ...e,
    time: undefined,
  }));
  return copy;
}

function specPart(obj: KubeObject): KubeObject {
  const { metadata: _m, status: _s, ...rest } = obj;
  return rest;
}

export class KubeApi {
  private serviceIpCounter = 0;

  constructor(
    readonly store: ObjectStore,
    readonly clock: SimClock,
  ) {}

  // ---------- reads ----------

  get(id: string, namespace: string | undefined, name: string): KubeObject {
    const def = resourceById(id);
    const obj = this.store.get(id, def.namespaced ? namespace : undefined, name);
    if (!obj) throw notFound(def.plural, def.group, name);
    return obj;
  }

  find(id: string, namespace: string | undefined, name: string): KubeObject | undefined {
    const def = resourceById(id);
    return this.store.get(id, def.namespaced ? namespace : undefined, name);
  }

  list(id: string, namespace: string | undefined, options: ListOptions = {}): KubeObject[] {
    const def = resourceById(id);
    const matches = this.selectorMatcher(def, options);
    return this.store.list(id, def.namespaced ? namespace : undefined).filter(matches);
  }

  /** A predicate for label and field selectors; rejects unknown field labels as the server does. */
  selectorMatcher(def: ResourceDef, options: ListOptions): (obj: KubeObject) => boolean {
    const labels = parseLabelSelector(options.labelSelector);
    const fields = parseFieldSelector(options.fieldSelector);
    const getters = fields.map((req) => {
      const getter =
        req.field === 'metadata.name'
          ? (o: KubeObject) => o.metadata?.name
          : req.field === 'metadata.namespace'
            ? (o: KubeObject) => o.metadata?.namespace ?? ''
            : def.fieldLabels[req.field];
      if (!getter) throw badRequest(`field label not supported: ${req.field}`);
      return { req, getter };
    });
    return (obj) =>
      labels(obj.metadata?.labels) &&
      getters.every(({ req, getter }) => {
        const value = getter(obj) ?? '';
        return req.op === 'eq' ? value === req.value : value !== req.value;
      });
  }

  // ---------- writes ----------

  create(id: string, namespace: string | undefined, body: unknown, options: WriteOptions = {}): WriteResult {
    const def = resourceById(id);
    if (!isPlainObject(body)) throw badRequest('the request body must be a JSON object');
    this.checkKind(def, body);
    const warnings: string[] = [];
    const candidate = this.decode(def, body, options, warnings, 'create');
    const metadata = (candidate.metadata ??= {}) as Record<string, any>;
    if (def.namespaced) {
      if (metadata.namespace && namespace && metadata.namespace !== namespace) {
        throw badRequest('the namespace of the provided object does not match the namespace sent on the request');
      }
      metadata.namespace = namespace ?? metadata.namespace ?? 'default';
      this.checkNamespaceWritable(metadata.namespace as string);
    } else {
      delete metadata.namespace;
    }
    if (!metadata.name && metadata.generateName) metadata.name = `${metadata.generateName}${randomSuffix()}`;
    if (!metadata.name) {
      throw invalid(def.kind, def.group, '', [
        { reason: 'FieldValueRequired', message: 'Required value: name or generateName is required', field: 'metadata.name' },
      ]);
    }
    const ns = def.namespaced ? (metadata.namespace as string) : undefined;
    if (this.store.peek(id, ns, metadata.name)) throw alreadyExists(def.plural, def.group, metadata.name);
    return this.admitCreate(def, candidate, options, warnings);
  }

  update(
    id: string,
    namespace: string | undefined,
    name: string,
    body: unknown,
    options: WriteOptions = {},
  ): WriteResult {
    const def = resourceById(id);
    if (!isPlainObject(body)) throw badRequest('the request body must be a JSON object');
    if (options.subresource === 'scale') return this.updateScale(def, namespace, name, body, options);
    const ns = def.namespaced ? namespace : undefined;
    const old = this.store.get(id, ns, name);
    if (!old) throw notFound(def.plural, def.group, name);
    this.checkKind(def, body);
    const bodyName = (body.metadata as Record<string, unknown> | undefined)?.name;
    if (bodyName !== undefined && bodyName !== name) {
      throw badRequest(`the name of the object (${String(bodyName)}) does not match the name on the URL (${name})`);
    }
    const warnings: string[] = [];
    const candidate = this.decode(def, body, options, warnings, 'update');
    const requestedVersion = candidate.metadata?.resourceVersion;
    if (requestedVersion && requestedVersion !== old.metadata.resourceVersion) {
      throw conflict(def.plural, def.group, name, STALE_OBJECT);
    }
    return this.admitUpdate(def, old, candidate, options, warnings, body.metadata?.managedFields);
  }

  patch(
    id: string,
    namespace: string | undefined,
    name: string,
    type: PatchType,
    body: string,
    options: WriteOptions = {},
  ): WriteResult {
    const def = resourceById(id);
    const ns = def.namespaced ? namespace : undefined;
    if (type === 'apply') return this.apply(def, ns, name, body, options);
    let patch: unknown;
    try {
      patch = JSON.parse(body);
    } catch (error) {
      throw badRequest(`error decoding patch: ${(error as Error).message}`);
    }
    if (options.subresource === 'scale') {
      const scale = this.getScale(def, ns, name);
      const patched = this.applyPatch(type, scale, patch, SCALE_SCHEMA);
      return this.updateScale(def, ns, name, patched, options);
    }
    const old = this.store.get(id, ns, name);
    if (!old) throw notFound(def.plural, def.group, name);
    const patched = this.applyPatch(type, old, patch, def.schema);
    if (!isPlainObject(patched)) throw new ApiError(422, 'Invalid', 'the patch did not produce an object');
    if (patched.metadata?.name !== name) {
      throw badRequest(`the name of the object (${String(patched.metadata?.name)}) does not match the name on the URL (${name})`);
    }
    const warnings: string[] = [];
    const candidate = this.decode(def, patched, options, warnings, 'patch');
    const requestedVersion = candidate.metadata?.resourceVersion;
    if (requestedVersion && requestedVersion !== old.metadata.resourceVersion) {
      throw conflict(def.plural, def.group, name, STALE_OBJECT);
    }
    return this.admitUpdate(def, old, candidate, options, warnings, (patched as KubeObject).metadata?.managedFields);
  }

  delete(id: string, namespace: string | undefined, name: string, options: DeleteOptions = {}): DeleteResult {
    const def = resourceById(id);
    const ns = def.namespaced ? namespace : undefined;
    const obj = this.store.get(id, ns, name);
    if (!obj) throw notFound(def.plural, def.group, name);
    const pre = options.preconditions ?? {};
    if (pre.uid && pre.uid !== obj.metadata.uid) {
      throw conflict(def.plural, def.group, name, `Precondition failed: UID in precondition: ${pre.uid}, UID in object meta: ${obj.metadata.uid}`);
    }
    if (pre.resourceVersion && pre.resourceVersion !== obj.metadata.resourceVersion) {
      throw conflict(def.plural, def.group, name, `Precondition failed: ResourceVersion in precondition: ${pre.resourceVersion}, ResourceVersion in object meta: ${obj.metadata.resourceVersion}`);
    }
    if (options.dryRun) return { object: obj, gone: true };
    const policy = options.propagationPolicy ?? 'Background';
    if (policy === 'Orphan') this.orphanDependents(obj);
    const metadata = obj.metadata as Record<string, any>;
    const finalizers = new Set<string>((metadata.finalizers ?? []) as string[]);
    if (policy === 'Foreground' && !metadata.deletionTimestamp) finalizers.add('foregroundDeletion');

    if (def.graceful) {
      const spec = (obj.spec ?? {}) as Record<string, any>;
      const phase = obj.status?.phase;
      let grace = options.gracePeriodSeconds ?? spec.terminationGracePeriodSeconds ?? 30;
      if (!spec.nodeName || phase === 'Succeeded' || phase === 'Failed') grace = 0;
      const current = metadata.deletionGracePeriodSeconds as number | undefined;
      if (grace > 0 && (current === undefined || grace < current)) {
        metadata.deletionTimestamp = new Date(this.clock.now() + grace * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z');
        metadata.deletionGracePeriodSeconds = grace;
        metadata.finalizers = finalizers.size > 0 ? [...finalizers] : undefined;
        if (!metadata.finalizers) delete metadata.finalizers;
        return { object: this.store.put(id, obj), gone: false };
      }
      if (grace > 0) return { object: obj, gone: false };
    }
    if (finalizers.size > 0) {
      if (!metadata.deletionTimestamp) metadata.deletionTimestamp = this.clock.timestamp();
      metadata.deletionGracePeriodSeconds = 0;
      metadata.finalizers = [...finalizers];
      if (id === NAMESPACES) obj.status = { ...(obj.status ?? {}), phase: 'Terminating' };
      return { object: this.store.put(id, obj), gone: false };
    }
    if (id === NAMESPACES && !metadata.deletionTimestamp) {
      // The namespace controller empties a namespace before it goes away.
      metadata.deletionTimestamp = this.clock.timestamp();
      obj.status = { ...(obj.status ?? {}), phase: 'Terminating' };
      return { object: this.store.put(id, obj), gone: false };
    }
    const gone = this.store.remove(id, ns, name)!;
    return { object: gone, gone: true };
  }

  // ---------- helpers for the simulated controllers ----------

  /** Read-modify-write with retries on conflicts, as controllers do. */
  mutate(
    id: string,
    namespace: string | undefined,
    name: string,
    change: (obj: KubeObject) => void | false,
    options: WriteOptions,
  ): KubeObject | undefined {
    const current = this.find(id, namespace, name);
    if (!current) return undefined;
    const next = clone(current);
    if (change(next) === false) return current;
    return this.update(id, namespace, name, next, options).object;
  }

  // ---------- internals ----------

  private checkKind(def: ResourceDef, body: Record<string, any>): void {
    const apiVersion = apiVersionOf(def);
    if (body.apiVersion !== undefined && body.apiVersion !== apiVersion) {
      throw badRequest(`the API version in the data (${String(body.apiVersion)}) does not match the expected API version (${apiVersion})`);
    }
    if (body.kind !== undefined && body.kind !== def.kind) {
      throw badRequest(`${String(body.kind)} in version "${def.version}" cannot be handled as a ${def.kind}: the kind in the data (${String(body.kind)}) does not match the expected kind (${def.kind})`);
    }
  }

  private decode(
    def: ResourceDef,
    body: Record<string, any>,
    options: WriteOptions,
    warnings: string[],
    verb: string,
  ): KubeObject {
    const result = decodeWithSchema(body, def.schema, def.kind);
    const prefix = `${def.kind} in version "${def.version}" cannot be handled as a ${def.kind}: `;
    if (result.typeErrors.length > 0) throw badRequest(prefix + result.typeErrors[0]);
    const validation = options.fieldValidation ?? 'Warn';
    if (result.unknownFields.length > 0) {
      const list = result.unknownFields.map((f) => `unknown field "${f}"`);
      if (validation === 'Strict') {
        throw badRequest(verb === 'patch' ? `strict decoding error: ${list.join(', ')}` : `${prefix}strict decoding error: ${list.join(', ')}`);
      }
      if (validation === 'Warn') warnings.push(...list);
    }
    const decoded = result.value as KubeObject;
    decoded.apiVersion = apiVersionOf(def);
    decoded.kind = def.kind;
    return decoded;
  }

  private checkNamespaceWritable(namespace: string): void {
    const ns = this.store.peek(NAMESPACES, undefined, namespace);
    if (!ns) throw notFound('namespaces', '', namespace);
    if (ns.metadata?.deletionTimestamp) {
      throw new ApiError(
        403,
        'Forbidden',
        `unable to create new content in namespace ${namespace} because it is being terminated`,
        { causes: [{ reason: 'NamespaceTerminating', message: `namespace ${namespace} is being terminated`, field: 'metadata.namespace' }] },
      );
    }
  }

  private admitCreate(def: ResourceDef, candidate: KubeObject, options: WriteOptions, warnings: string[], managed?: ManagedFieldsEntry[]): WriteResult {
    const metadata = candidate.metadata as Record<string, any>;
    for (const field of ['uid', 'resourceVersion', 'creationTimestamp', 'deletionTimestamp', 'deletionGracePeriodSeconds', 'generation', 'selfLink']) {
      delete metadata[field];
    }
    if (def.statusSubresource) delete candidate.status;
    if (def.id === 'services') this.allocateClusterIp(candidate);
    def.defaults?.(candidate);
    const causes = def.validate(candidate);
    if (causes.length > 0) throw invalid(def.kind, def.group, metadata.name as string, causes);
    metadata.uid = newUid();
    metadata.creationTimestamp = this.clock.timestamp();
    if (def.tracksGeneration) metadata.generation = 1;
    metadata.managedFields =
      managed ??
      recordUpdate(undefined, candidate, [], {
        manager: options.manager ?? 'unknown',
        apiVersion: apiVersionOf(def),
        schema: def.schema,
        time: this.clock.timestamp(),
      });
    if (options.dryRun) return { object: candidate, warnings, created: true };
    return { object: this.store.put(def.id, candidate), warnings, created: true };
  }

  private admitUpdate(
    def: ResourceDef,
    old: KubeObject,
    candidate: KubeObject,
    options: WriteOptions,
    warnings: string[],
    requestManaged: unknown,
    managed?: ManagedFieldsEntry[],
  ): WriteResult {
    const subresource = options.subresource === 'status' ? 'status' : undefined;
    let next: KubeObject;
    if (subresource === 'status') {
      // As the status strategies do: spec and labels stay; status and annotations (where the
      // deployment controller records revisions) come from the request.
      next = clone(old);
      next.status = candidate.status;
      if (candidate.metadata?.annotations) next.metadata.annotations = candidate.metadata.annotations;
      else delete next.metadata.annotations;
    } else {
      next = candidate;
      const metadata = (next.metadata ??= {}) as Record<string, any>;
      for (const field of IMMUTABLE_METADATA) {
        if (old.metadata[field] === undefined) delete metadata[field];
        else metadata[field] = clone(old.metadata[field]);
      }
      if (def.statusSubresource) {
        if (old.status === undefined) delete next.status;
        else next.status = clone(old.status);
      }
      def.defaults?.(next);
      if (def.id === 'services') {
        next.spec.clusterIP ??= old.spec?.clusterIP;
        next.spec.clusterIPs ??= old.spec?.clusterIPs;
        next.spec.ipFamilies ??= old.spec?.ipFamilies;
        next.spec.ipFamilyPolicy ??= old.spec?.ipFamilyPolicy;
      }
      const causes = def.validate(next, old);
      if (causes.length > 0) throw invalid(def.kind, def.group, old.metadata.name as string, causes);
      if (def.tracksGeneration && !deepEqual(specPart(old), specPart(next))) {
        metadata.generation = (old.metadata.generation ?? 0) + 1;
      }
    }
    const stored = readManagedFields(old);
    const explicit = Array.isArray(requestManaged) && !deepEqual(requestManaged, old.metadata.managedFields);
    const base = explicit ? (clone(requestManaged) as ManagedFieldsEntry[]) : stored;
    next.metadata.managedFields =
      managed ??
      recordUpdate(old, next, base, {
        manager: options.manager ?? 'unknown',
        subresource,
        apiVersion: apiVersionOf(def),
        schema: def.schema,
        time: this.clock.timestamp(),
      });
    if (deepEqual(comparable(old), comparable(next))) return { object: old, warnings, created: false };
    if (options.dryRun) return { object: next, warnings, created: false };
    const meta = next.metadata as Record<string, any>;
    const finalizers = (meta.finalizers ?? []) as string[];
    if (meta.deletionTimestamp && finalizers.length === 0 && !(def.graceful && (meta.deletionGracePeriodSeconds ?? 0) > 0) && def.id !== NAMESPACES) {
      const ns = def.namespaced ? meta.namespace : undefined;
      this.store.put(def.id, next);
      return { object: this.store.remove(def.id, ns, meta.name)!, warnings, created: false };
    }
    return { object: this.store.put(def.id, next), warnings, created: false };
  }

  private applyPatch(type: PatchType, target: KubeObject, patch: unknown, schema: typeof SCALE_SCHEMA): unknown {
    switch (type) {
      case 'json':
        return jsonPatch(target, patch);
      case 'merge':
        if (!isPlainObject(patch)) throw badRequest('a merge patch must be a JSON object');
        return mergePatch(target, patch);
      case 'strategic':
        if (!isPlainObject(patch)) throw badRequest('a strategic merge patch must be a JSON object');
        return strategicMerge(target, patch, schema);
      default:
        throw badRequest(`unsupported patch type ${type}`);
    }
  }

  private apply(def: ResourceDef, namespace: string | undefined, name: string, body: string, options: WriteOptions): WriteResult {
    if (!options.manager || options.manager === 'unknown') {
      throw badRequest('PatchOptions.meta.k8s.io "" is invalid: fieldManager: Required value: is required for apply patch');
    }
    let applied: unknown;
    try {
      applied = parseYaml(body);
    } catch (error) {
      throw badRequest(`error decoding YAML: ${(error as Error).message}`);
    }
    if (!isPlainObject(applied)) throw badRequest('the applied configuration must be an object');
    const apiVersion = apiVersionOf(def);
    if (applied.apiVersion !== apiVersion || applied.kind !== def.kind) {
      throw badRequest(`invalid object type: /${String(applied.apiVersion)}, Kind=${String(applied.kind)}; expected ${apiVersion}, Kind=${def.kind}`);
    }
    const metadata = (applied.metadata ?? {}) as Record<string, any>;
    if (metadata.name !== undefined && metadata.name !== name) {
      throw badRequest(`the name of the object (${String(metadata.name)}) does not match the name on the URL (${name})`);
    }
    const warnings: string[] = [];
    const decoded = this.decode(def, applied, options, warnings, 'patch');
    const live = this.store.get(def.id, namespace, name);
    const result = serverSideApply(live, decoded, readManagedFields(live), {
      manager: options.manager,
      force: options.force ?? false,
      apiVersion,
      schema: def.schema,
      time: this.clock.timestamp(),
    });
    const merged = result.object;
    merged.apiVersion = apiVersion;
    merged.kind = def.kind;
    merged.metadata = { ...(merged.metadata ?? {}), name };
    if (!live) {
      if (def.namespaced) {
        merged.metadata.namespace = namespace;
        this.checkNamespaceWritable(namespace!);
      }
      return this.admitCreate(def, merged, options, warnings, result.managedFields);
    }
    if (metadata.resourceVersion && metadata.resourceVersion !== live.metadata.resourceVersion) {
      throw conflict(def.plural, def.group, name, STALE_OBJECT);
    }
    return this.admitUpdate(def, live, merged, options, warnings, undefined, result.managedFields);
  }

  private getScale(def: ResourceDef, namespace: string | undefined, name: string): KubeObject {
    const obj = this.store.get(def.id, namespace, name);
    if (!obj) throw notFound(def.plural, def.group, name);
    return scaleOf(obj);
  }

  readScale(id: string, namespace: string | undefined, name: string): KubeObject {
    return this.getScale(resourceById(id), namespace, name);
  }

  private updateScale(
    def: ResourceDef,
    namespace: string | undefined,
    name: string,
    body: unknown,
    options: WriteOptions,
  ): WriteResult {
    if (!isPlainObject(body)) throw badRequest('the request body must be a Scale object');
    const replicas = body.spec?.replicas;
    if (typeof replicas !== 'number' || !Number.isInteger(replicas) || replicas < 0) {
      throw invalid('Scale', 'autoscaling', name, [
        { reason: 'FieldValueInvalid', message: `Invalid value: ${String(replicas)}: must be greater than or equal to 0`, field: 'spec.replicas' },
      ]);
    }
    const old = this.store.get(def.id, namespace, name);
    if (!old) throw notFound(def.plural, def.group, name);
    const requestedVersion = body.metadata?.resourceVersion;
    if (requestedVersion && requestedVersion !== old.metadata.resourceVersion) {
      throw conflict(def.plural, def.group, name, STALE_OBJECT);
    }
    const next = clone(old);
    next.spec.replicas = replicas;
    const result = this.admitUpdate(def, old, next, { ...options, subresource: undefined }, [], undefined);
    return { ...result, object: scaleOf(result.object) };
  }

  private orphanDependents(owner: KubeObject): void {
    const uid = owner.metadata.uid as string;
    for (const def of RESOURCES) {
      for (const dep of this.store.peekList(def.id)) {
        const refs = (dep.metadata?.ownerReferences ?? []) as Record<string, any>[];
        if (!refs.some((r) => r.uid === uid)) continue;
        this.mutate(
          def.id,
          dep.metadata.namespace,
          dep.metadata.name,
          (o) => {
            o.metadata.ownerReferences = refs.filter((r) => r.uid !== uid);
            if (o.metadata.ownerReferences.length === 0) delete o.metadata.ownerReferences;
          },
          { manager: 'kube-controller-manager' },
        );
      }
    }
  }

  private allocateClusterIp(svc: KubeObject): void {
    const spec = (svc.spec ??= {}) as Record<string, any>;
    if (spec.type === 'ExternalName') return;
    if (!spec.clusterIP) {
      this.serviceIpCounter += 1;
      const n = 100 + this.serviceIpCounter;
      spec.clusterIP = `10.96.${Math.floor(n / 250)}.${(n % 250) + 1}`;
    }
    spec.clusterIPs ??= spec.clusterIP === 'None' ? ['None'] : [spec.clusterIP];
    spec.ipFamilies ??= ['IPv4'];
    spec.ipFamilyPolicy ??= 'SingleStack';
    if (spec.type === 'NodePort' || spec.type === 'LoadBalancer') {
      for (const port of (spec.ports ?? []) as Record<string, any>[]) {
        port.nodePort ??= 30000 + ((this.serviceIpCounter * 7 + Number(port.port)) % 2768);
      }
    }
  }
}

export function scaleOf(obj: KubeObject): KubeObject {
  let selector = '';
  try {
    labelSelectorMatcher(obj.spec?.selector);
    selector = formatLabelSelector(obj.spec?.selector);
  } catch {
    selector = '';
  }
  return {
    kind: 'Scale',
    apiVersion: 'autoscaling/v1',
    metadata: {
      name: obj.metadata.name,
      namespace: obj.metadata.namespace,
      uid: obj.metadata.uid,
      resourceVersion: obj.metadata.resourceVersion,
      creationTimestamp: obj.metadata.creationTimestamp,
    },
    spec: { replicas: obj.spec?.replicas ?? 0 },
    status: { replicas: obj.status?.replicas ?? 0, selector: selector === '<none>' ? '' : selector },
  };
}


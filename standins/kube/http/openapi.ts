/**
 * OpenAPI v3 documents for the served group-versions, generated from the stand-in's schemas.
 * kubectl reads them to learn that the server validates fields itself (the fieldValidation
 * parameter) and to find strategic-merge-patch metadata for `kubectl apply`.
 */
import { createHash } from 'node:crypto';
import { RESOURCES, type ResourceDef } from '../resources.js';
import { KIND_SCHEMAS, type ObjectSchema, type Schema } from '../schema.js';
import { KUBERNETES_VERSION } from './discovery.js';

type Obj = Record<string, any>;

function groupVersionPaths(): Map<string, ResourceDef[]> {
  const out = new Map<string, ResourceDef[]>();
  for (const def of RESOURCES) {
    const key = def.group ? `apis/${def.group}/${def.version}` : `api/${def.version}`;
    out.set(key, [...(out.get(key) ?? []), def]);
  }
  return out;
}

export function openApiV3Root(): Obj {
  const paths: Obj = {};
  for (const key of groupVersionPaths().keys()) {
    const hash = createHash('sha512').update(JSON.stringify(openApiV3Document(key))).digest('hex').slice(0, 128).toUpperCase();
    paths[key] = { serverRelativeURL: `/openapi/v3/${key}?hash=${hash}` };
  }
  return { paths };
}

class SchemaWriter {
  readonly components: Obj = {};

  ref(name: string): Obj {
    return { $ref: `#/components/schemas/${name}` };
  }

  write(schema: Schema): Obj {
    switch (schema.type) {
      case 'string':
      case 'integer':
      case 'boolean':
      case 'number':
        return schema.format ? { type: schema.type, format: schema.format } : { type: schema.type };
      case 'int-or-string':
        return { 'x-kubernetes-int-or-string': true, anyOf: [{ type: 'integer' }, { type: 'string' }] };
      case 'any':
        return { type: 'object', 'x-kubernetes-preserve-unknown-fields': true };
      case 'map': {
        const out: Obj = { type: 'object', additionalProperties: this.write(schema.values) };
        if (schema.atomic) out['x-kubernetes-map-type'] = 'atomic';
        return out;
      }
      case 'list': {
        const out: Obj = { type: 'array', items: this.write(schema.items) };
        out['x-kubernetes-list-type'] = schema.listType;
        if (schema.mapKeys) out['x-kubernetes-list-map-keys'] = schema.mapKeys;
        if (schema.patchMergeKey) out['x-kubernetes-patch-merge-key'] = schema.patchMergeKey;
        if (schema.patchStrategy) out['x-kubernetes-patch-strategy'] = schema.patchStrategy;
        return out;
      }
      case 'object': {
        if (schema.ref) {
          this.component(schema);
          return { default: {}, allOf: [this.ref(schema.ref)] };
        }
        return this.objectBody(schema);
      }
    }
  }

  objectBody(schema: ObjectSchema): Obj {
    const properties: Obj = {};
    for (const [k, v] of Object.entries(schema.properties)) properties[k] = this.write(v);
    const out: Obj = { type: 'object', properties };
    if (schema.required) out.required = schema.required;
    if (schema.open) out['x-kubernetes-preserve-unknown-fields'] = true;
    if (schema.atomic) out['x-kubernetes-map-type'] = 'atomic';
    if (schema.retainKeys) out['x-kubernetes-patch-strategy'] = 'retainKeys';
    return out;
  }

  component(schema: ObjectSchema, extra: Obj = {}): string {
    const name = schema.ref!;
    if (!this.components[name]) {
      this.components[name] = {};
      this.components[name] = { ...this.objectBody(schema), ...extra };
    } else if (Object.keys(extra).length > 0) {
      Object.assign(this.components[name], extra);
    }
    return name;
  }
}

function parameter(name: string, description: string, schema: Obj = { type: 'string' }): Obj {
  return { name, in: 'query', description, schema, uniqueItems: true };
}

const DRY_RUN = parameter('dryRun', 'When present, indicates that modifications should not be persisted.');
const FIELD_MANAGER = parameter('fieldManager', 'fieldManager is a name associated with the actor or entity that is making these changes.');
const FIELD_VALIDATION = parameter(
  'fieldValidation',
  'fieldValidation instructs the server on how to handle objects in the request (POST/PUT/PATCH) containing unknown or duplicate fields. Valid values are: - Ignore - Warn - Strict',
);
const FORCE = parameter('force', 'Force is going to "force" Apply requests.', { type: 'boolean' });
const PRETTY = parameter('pretty', "If 'true', then the output is pretty printed.");
const LIST_PARAMS = [
  'allowWatchBookmarks',
  'continue',
  'fieldSelector',
  'labelSelector',
  'limit',
  'resourceVersion',
  'resourceVersionMatch',
  'sendInitialEvents',
  'timeoutSeconds',
  'watch',
].map((n) => parameter(n, n));

function pathParam(name: string): Obj {
  return { name, in: 'path', required: true, description: `${name} of the resource`, schema: { type: 'string' }, uniqueItems: true };
}

/** The OpenAPI v3 document of one group-version ("api/v1", "apis/apps/v1"). */
export function openApiV3Document(key: string): Obj | undefined {
  const defs = groupVersionPaths().get(key.replace(/\?.*$/, ''));
  if (!defs) return undefined;
  const writer = new SchemaWriter();
  const paths: Obj = {};
  for (const def of defs) {
    const gvk = { group: def.group, kind: def.kind, version: def.version };
    const kindSchema = KIND_SCHEMAS[`${def.group}/${def.version}/${def.kind}`]!;
    const component = writer.component(kindSchema, { 'x-kubernetes-group-version-kind': [gvk] });
    const listName = `${component}List`;
    writer.components[listName] = {
      type: 'object',
      required: ['items'],
      properties: {
        apiVersion: { type: 'string' },
        kind: { type: 'string' },
        metadata: { type: 'object', 'x-kubernetes-preserve-unknown-fields': true },
        items: { type: 'array', items: { default: {}, allOf: [writer.ref(component)] } },
      },
      'x-kubernetes-group-version-kind': [{ ...gvk, kind: `${def.kind}List` }],
    };
    const json = (name: string): Obj => ({ content: { 'application/json': { schema: writer.ref(name) } } });
    const body = (name: string): Obj => ({ content: { '*/*': { schema: writer.ref(name) } }, required: true });
    const patchBody = {
      content: Object.fromEntries(
        ['application/apply-patch+yaml', 'application/json-patch+json', 'application/merge-patch+json', 'application/strategic-merge-patch+json'].map((t) => [
          t,
          { schema: { type: 'object', 'x-kubernetes-preserve-unknown-fields': true } },
        ]),
      ),
      required: true,
    };
    const op = (action: string, extra: Obj): Obj => ({
      tags: [def.group ? `${def.group}_${def.version}` : `core_${def.version}`],
      operationId: `${action}${def.kind}`,
      ...extra,
      'x-kubernetes-action': action,
      'x-kubernetes-group-version-kind': gvk,
    });
    const base = `/${key}${def.namespaced ? '/namespaces/{namespace}' : ''}/${def.plural}`;
    const scopeParams = def.namespaced ? [pathParam('namespace')] : [];
    paths[base] = {
      parameters: [...scopeParams, PRETTY],
      get: op('list', { parameters: LIST_PARAMS, responses: { '200': json(listName) } }),
      ...(def.readOnly
        ? {}
        : {
            post: op('post', { parameters: [DRY_RUN, FIELD_MANAGER, FIELD_VALIDATION], requestBody: body(component), responses: { '200': json(component), '201': json(component) } }),
            delete: op('deletecollection', { parameters: LIST_PARAMS, responses: { '200': json('io.k8s.apimachinery.pkg.apis.meta.v1.Status') } }),
          }),
    };
    const itemPath = `${base}/{name}`;
    const itemOps = (target: string, subresource?: string): Obj => ({
      parameters: [pathParam('name'), ...scopeParams, PRETTY],
      get: op('get', { responses: { '200': json(target) } }),
      ...(def.readOnly && !subresource
        ? {}
        : {
            put: op('put', { parameters: [DRY_RUN, FIELD_MANAGER, FIELD_VALIDATION], requestBody: body(target), responses: { '200': json(target), '201': json(target) } }),
            patch: op('patch', { parameters: [DRY_RUN, FIELD_MANAGER, FIELD_VALIDATION, FORCE], requestBody: patchBody, responses: { '200': json(target), '201': json(target) } }),
          }),
      ...(subresource || def.readOnly
        ? {}
        : { delete: op('delete', { parameters: [DRY_RUN, parameter('gracePeriodSeconds', 'grace period', { type: 'integer' }), parameter('propagationPolicy', 'propagation policy')], responses: { '200': json(target) } }) }),
    });
    paths[itemPath] = itemOps(component);
    if (def.subresources.status) paths[`${itemPath}/status`] = itemOps(component, 'status');
    if (def.namespaced) {
      paths[`/${key}/${def.plural}`] = { parameters: [PRETTY], get: op('list', { parameters: LIST_PARAMS, responses: { '200': json(listName) } }) };
    }
  }
  writer.components['io.k8s.apimachinery.pkg.apis.meta.v1.Status'] = {
    type: 'object',
    properties: { apiVersion: { type: 'string' }, kind: { type: 'string' }, code: { type: 'integer', format: 'int32' }, message: { type: 'string' }, reason: { type: 'string' }, status: { type: 'string' } },
    'x-kubernetes-group-version-kind': [{ group: '', kind: 'Status', version: 'v1' }],
  };
  return {
    openapi: '3.0.0',
    info: { title: 'Kubernetes', version: KUBERNETES_VERSION.gitVersion },
    paths,
    components: { schemas: writer.components, securitySchemes: { BearerToken: { type: 'apiKey', description: 'Bearer Token authentication', name: 'authorization', in: 'header' } } },
  };
}

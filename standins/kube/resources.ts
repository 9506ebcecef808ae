/** The resources the stand-in serves, with what discovery, storage and admission need. */
import {
  defaultDeployment,
  defaultNamespace,
  defaultPod,
  defaultReplicaSet,
  defaultSecret,
  defaultService,
} from './defaults.js';
import type { StatusCause } from './errors.js';
import { KIND_SCHEMAS, type ObjectSchema } from './schema.js';
import type { KubeObject } from './util.js';
import {
  validateDeployment,
  validateGeneric,
  validateNamespace,
  validatePod,
  validateReplicaSet,
  validateService,
} from './validation.js';

export interface ResourceDef {
  /** "deployments.apps", "pods". */
  id: string;
  group: string;
  version: string;
  kind: string;
  plural: string;
  singular: string;
  namespaced: boolean;
  shortNames: string[];
  categories: string[];
  verbs: string[];
  /** Subresource name → served kind and verbs. */
  subresources: Record<string, { kind: string; group?: string; version?: string; verbs: string[] }>;
  /** metadata.generation counts changes to everything but metadata and status. */
  tracksGeneration: boolean;
  /** status is written only through the status subresource. */
  statusSubresource: boolean;
  /** Graceful deletion (pods): delete sets deletionTimestamp first. */
  graceful: boolean;
  schema: ObjectSchema;
  /** Field selector labels beyond metadata.name and metadata.namespace. */
  fieldLabels: Record<string, (obj: KubeObject) => string | undefined>;
  defaults?: (obj: KubeObject) => void;
  validate: (obj: KubeObject, old?: KubeObject) => StatusCause[];
  /** Cluster-made objects users may not create (nodes). */
  readOnly?: boolean;
}

const ALL_VERBS = ['create', 'delete', 'deletecollection', 'get', 'list', 'patch', 'update', 'watch'];
const STATUS_VERBS = ['get', 'patch', 'update'];

function def(partial: Omit<ResourceDef, 'id' | 'schema' | 'verbs' | 'fieldLabels' | 'graceful' | 'categories' | 'shortNames'> & Partial<Pick<ResourceDef, 'verbs' | 'fieldLabels' | 'graceful' | 'categories' | 'shortNames'>>): ResourceDef {
  const schema = KIND_SCHEMAS[`${partial.group}/${partial.version}/${partial.kind}`];
  if (!schema) throw new Error(`no schema for ${partial.kind}`);
  return {
    id: partial.group ? `${partial.plural}.${partial.group}` : partial.plural,
    schema,
    verbs: ALL_VERBS,
    fieldLabels: {},
    graceful: false,
    categories: [],
    shortNames: [],
    ...partial,
  };
}

export const RESOURCES: ResourceDef[] = [
  def({
    group: '',
    version: 'v1',
    kind: 'Namespace',
    plural: 'namespaces',
    singular: 'namespace',
    namespaced: false,
    shortNames: ['ns'],
    verbs: ['create', 'delete', 'get', 'list', 'patch', 'update', 'watch'],
    subresources: { status: { kind: 'Namespace', verbs: STATUS_VERBS }, finalize: { kind: 'Namespace', verbs: ['update'] } },
    tracksGeneration: false,
    statusSubresource: true,
    fieldLabels: { 'status.phase': (o) => o.status?.phase },
    defaults: defaultNamespace,
    validate: validateNamespace,
  }),
  def({
    group: '',
    version: 'v1',
    kind: 'Node',
    plural: 'nodes',
    singular: 'node',
    namespaced: false,
    shortNames: ['no'],
    subresources: { status: { kind: 'Node', verbs: STATUS_VERBS } },
    tracksGeneration: false,
    statusSubresource: true,
    fieldLabels: { 'spec.unschedulable': (o) => String(o.spec?.unschedulable ?? false) },
    validate: validateGeneric,
    readOnly: true,
  }),
  def({
    group: '',
    version: 'v1',
    kind: 'Pod',
    plural: 'pods',
    singular: 'pod',
    namespaced: true,
    shortNames: ['po'],
    categories: ['all'],
    subresources: {
      status: { kind: 'Pod', verbs: STATUS_VERBS },
      log: { kind: 'Pod', verbs: ['get'] },
    },
    tracksGeneration: false,
    statusSubresource: true,
    graceful: true,
    fieldLabels: {
      'spec.nodeName': (o) => o.spec?.nodeName ?? '',
      'spec.restartPolicy': (o) => o.spec?.restartPolicy,
      'spec.schedulerName': (o) => o.spec?.schedulerName,
      'spec.serviceAccountName': (o) => o.spec?.serviceAccountName,
      'spec.hostNetwork': (o) => String(o.spec?.hostNetwork ?? false),
      'status.phase': (o) => o.status?.phase,
      'status.podIP': (o) => o.status?.podIP ?? '',
      'status.nominatedNodeName': (o) => o.status?.nominatedNodeName ?? '',
    },
    defaults: defaultPod,
    validate: validatePod,
  }),
  def({
    group: '',
    version: 'v1',
    kind: 'Service',
    plural: 'services',
    singular: 'service',
    namespaced: true,
    shortNames: ['svc'],
    categories: ['all'],
    verbs: ['create', 'delete', 'deletecollection', 'get', 'list', 'patch', 'update', 'watch'],
    subresources: {
      status: { kind: 'Service', verbs: STATUS_VERBS },
      proxy: { kind: 'ServiceProxyOptions', verbs: ['create', 'delete', 'get', 'patch', 'update'] },
    },
    tracksGeneration: false,
    statusSubresource: true,
    defaults: defaultService,
    validate: validateService,
  }),
  def({
    group: '',
    version: 'v1',
    kind: 'Event',
    plural: 'events',
    singular: 'event',
    namespaced: true,
    shortNames: ['ev'],
    subresources: {},
    tracksGeneration: false,
    statusSubresource: false,
    fieldLabels: {
      'involvedObject.kind': (o) => o.involvedObject?.kind ?? '',
      'involvedObject.namespace': (o) => o.involvedObject?.namespace ?? '',
      'involvedObject.name': (o) => o.involvedObject?.name ?? '',
      'involvedObject.uid': (o) => o.involvedObject?.uid ?? '',
      'involvedObject.apiVersion': (o) => o.involvedObject?.apiVersion ?? '',
      'involvedObject.resourceVersion': (o) => o.involvedObject?.resourceVersion ?? '',
      'involvedObject.fieldPath': (o) => o.involvedObject?.fieldPath ?? '',
      reason: (o) => o.reason ?? '',
      reportingComponent: (o) => o.reportingComponent ?? '',
      source: (o) => o.source?.component ?? '',
      type: (o) => o.type ?? '',
    },
    validate: (o) => validateGeneric(o),
  }),
  def({
    group: '',
    version: 'v1',
    kind: 'ConfigMap',
    plural: 'configmaps',
    singular: 'configmap',
    namespaced: true,
    shortNames: ['cm'],
    subresources: {},
    tracksGeneration: false,
    statusSubresource: false,
    validate: validateGeneric,
  }),
  def({
    group: '',
    version: 'v1',
    kind: 'Secret',
    plural: 'secrets',
    singular: 'secret',
    namespaced: true,
    subresources: {},
    tracksGeneration: false,
    statusSubresource: false,
    fieldLabels: { type: (o) => o.type },
    defaults: defaultSecret,
    validate: validateGeneric,
  }),
  def({
    group: 'apps',
    version: 'v1',
    kind: 'Deployment',
    plural: 'deployments',
    singular: 'deployment',
    namespaced: true,
    shortNames: ['deploy'],
    categories: ['all'],
    subresources: {
      status: { kind: 'Deployment', verbs: STATUS_VERBS },
      scale: { kind: 'Scale', group: 'autoscaling', version: 'v1', verbs: STATUS_VERBS },
    },
    tracksGeneration: true,
    statusSubresource: true,
    defaults: defaultDeployment,
    validate: validateDeployment,
  }),
  def({
    group: 'apps',
    version: 'v1',
    kind: 'ReplicaSet',
    plural: 'replicasets',
    singular: 'replicaset',
    namespaced: true,
    shortNames: ['rs'],
    categories: ['all'],
    subresources: {
      status: { kind: 'ReplicaSet', verbs: STATUS_VERBS },
      scale: { kind: 'Scale', group: 'autoscaling', version: 'v1', verbs: STATUS_VERBS },
    },
    tracksGeneration: true,
    statusSubresource: true,
    fieldLabels: { 'status.replicas': (o) => String(o.status?.replicas ?? 0) },
    defaults: defaultReplicaSet,
    validate: validateReplicaSet,
  }),
];

export function resourceById(id: string): ResourceDef {
  const found = RESOURCES.find((r) => r.id === id);
  if (!found) throw new Error(`unknown resource ${id}`);
  return found;
}

export function resourceFor(group: string, version: string, plural: string): ResourceDef | undefined {
  return RESOURCES.find((r) => r.group === group && r.version === version && r.plural === plural);
}

export function resourceForKind(apiVersion: string, kind: string): ResourceDef | undefined {
  const [group, version] = apiVersion.includes('/') ? apiVersion.split('/') : ['', apiVersion];
  return RESOURCES.find((r) => r.group === group && r.version === version && r.kind === kind);
}

export function apiVersionOf(r: ResourceDef): string {
  return r.group ? `${r.group}/${r.version}` : r.version;
}

export const DEPLOYMENTS = 'deployments.apps';
export const REPLICASETS = 'replicasets.apps';
export const PODS = 'pods';
export const SERVICES = 'services';
export const NAMESPACES = 'namespaces';
export const EVENTS = 'events';
export const NODES = 'nodes';

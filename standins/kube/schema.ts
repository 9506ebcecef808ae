/**
 * The shapes of the API types the stand-in serves, written once and used for: pruning and
 * strict validation of unknown fields, strategic merge patch (merge keys and strategies),
 * server-side apply (list and map types, field ownership) and the OpenAPI v3 documents
 * kubectl reads. Rarely used corners (affinity, security contexts, volume sources...) are
 * free-form: they are stored as given and treated as one value.
 */

export type Schema =
  | ScalarSchema
  | { type: 'int-or-string'; description?: string }
  | ObjectSchema
  | MapSchema
  | ListSchema
  | { type: 'any'; description?: string };

export interface ScalarSchema {
  type: 'string' | 'integer' | 'boolean' | 'number';
  format?: string;
  description?: string;
}

export interface ObjectSchema {
  type: 'object';
  /** Component name in the OpenAPI document (io.k8s.api.apps.v1.Deployment). */
  ref?: string;
  /** Go type name, used in decoding error messages. */
  goType?: string;
  properties: Record<string, Schema>;
  required?: string[];
  /** Unknown fields are kept (and not reported). */
  open?: boolean;
  /** The object is replaced as a whole by apply and by patches (structType=atomic). */
  atomic?: boolean;
  /** Strategic merge patch strategy "retainKeys". */
  retainKeys?: boolean;
  description?: string;
}

export interface MapSchema {
  type: 'map';
  values: Schema;
  atomic?: boolean;
  description?: string;
}

export interface ListSchema {
  type: 'list';
  items: Schema;
  listType: 'atomic' | 'set' | 'map';
  mapKeys?: string[];
  /** Strategic merge patch: key that identifies items, and how lists merge. */
  patchMergeKey?: string;
  patchStrategy?: 'merge' | 'replace' | 'merge,retainKeys';
  description?: string;
}

const str: ScalarSchema = { type: 'string' };
const int: ScalarSchema = { type: 'integer', format: 'int32' };
const int64: ScalarSchema = { type: 'integer', format: 'int64' };
const bool: ScalarSchema = { type: 'boolean' };
const time: ScalarSchema = { type: 'string', format: 'date-time' };
const any: Schema = { type: 'any' };
const intOrString: Schema = { type: 'int-or-string' };
const quantity: Schema = { type: 'int-or-string' };

function obj(
  props: Record<string, Schema>,
  extra: Partial<Omit<ObjectSchema, 'type' | 'properties'>> = {},
): ObjectSchema {
  return { type: 'object', properties: props, ...extra };
}
const map = (values: Schema, atomic = false): MapSchema => ({ type: 'map', values, atomic });
const atomicList = (items: Schema): ListSchema => ({ type: 'list', items, listType: 'atomic' });
const setList = (items: Schema, patchStrategy?: 'merge'): ListSchema => ({
  type: 'list',
  items,
  listType: 'set',
  patchStrategy,
});
function mapList(items: Schema, keys: string[], patchMergeKey?: string, patchStrategy: ListSchema['patchStrategy'] = 'merge'): ListSchema {
  return {
    type: 'list',
    items,
    listType: 'map',
    mapKeys: keys,
    patchMergeKey,
    patchStrategy: patchMergeKey ? patchStrategy : undefined,
  };
}
const openObject = (props: Record<string, Schema> = {}): ObjectSchema => obj(props, { open: true });

export const ObjectMeta = obj(
  {
    name: str,
    generateName: str,
    namespace: str,
    selfLink: str,
    uid: str,
    resourceVersion: str,
    generation: int64,
    creationTimestamp: time,
    deletionTimestamp: time,
    deletionGracePeriodSeconds: int64,
    labels: map(str),
    annotations: map(str),
    ownerReferences: mapList(
      obj({
        apiVersion: str,
        kind: str,
        name: str,
        uid: str,
        controller: bool,
        blockOwnerDeletion: bool,
      }, { ref: 'io.k8s.apimachinery.pkg.apis.meta.v1.OwnerReference', goType: 'OwnerReference' }),
      ['uid'],
      'uid',
    ),
    finalizers: setList(str, 'merge'),
    managedFields: atomicList(any),
  },
  { ref: 'io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta', goType: 'ObjectMeta' },
);

const LabelSelector = obj(
  {
    matchLabels: map(str),
    matchExpressions: atomicList(
      obj({ key: str, operator: str, values: atomicList(str) }, { required: ['key', 'operator'] }),
    ),
  },
  { ref: 'io.k8s.apimachinery.pkg.apis.meta.v1.LabelSelector', goType: 'LabelSelector', atomic: true },
);

const Probe = obj(
  {
    exec: obj({ command: atomicList(str) }),
    httpGet: obj({
      path: str,
      port: intOrString,
      host: str,
      scheme: str,
      httpHeaders: atomicList(obj({ name: str, value: str })),
    }),
    tcpSocket: obj({ port: intOrString, host: str }),
    grpc: obj({ port: int, service: str }),
    initialDelaySeconds: int,
    timeoutSeconds: int,
    periodSeconds: int,
    successThreshold: int,
    failureThreshold: int,
    terminationGracePeriodSeconds: int64,
  },
  { ref: 'io.k8s.api.core.v1.Probe', goType: 'Probe' },
);

const EnvVar = obj(
  {
    name: str,
    value: str,
    valueFrom: obj({
      fieldRef: obj({ apiVersion: str, fieldPath: str }),
      resourceFieldRef: obj({ containerName: str, resource: str, divisor: quantity }),
      configMapKeyRef: obj({ name: str, key: str, optional: bool }),
      secretKeyRef: obj({ name: str, key: str, optional: bool }),
    }),
  },
  { ref: 'io.k8s.api.core.v1.EnvVar', goType: 'EnvVar', required: ['name'] },
);

const ContainerPort = obj(
  { name: str, hostPort: int, containerPort: int, protocol: str, hostIP: str },
  { ref: 'io.k8s.api.core.v1.ContainerPort', goType: 'ContainerPort', required: ['containerPort'] },
);

const Container = obj(
  {
    name: str,
    image: str,
    command: atomicList(str),
    args: atomicList(str),
    workingDir: str,
    ports: mapList(ContainerPort, ['containerPort', 'protocol'], 'containerPort'),
    envFrom: atomicList(
      obj({
        prefix: str,
        configMapRef: obj({ name: str, optional: bool }),
        secretRef: obj({ name: str, optional: bool }),
      }),
    ),
    env: mapList(EnvVar, ['name'], 'name'),
    resources: obj(
      { limits: map(quantity), requests: map(quantity), claims: atomicList(any) },
      { ref: 'io.k8s.api.core.v1.ResourceRequirements', goType: 'ResourceRequirements' },
    ),
    resizePolicy: atomicList(obj({ resourceName: str, restartPolicy: str })),
    restartPolicy: str,
    volumeMounts: mapList(
      obj({
        name: str,
        readOnly: bool,
        recursiveReadOnly: str,
        mountPath: str,
        subPath: str,
        mountPropagation: str,
        subPathExpr: str,
      }),
      ['mountPath'],
      'mountPath',
    ),
    volumeDevices: mapList(obj({ name: str, devicePath: str }), ['devicePath'], 'devicePath'),
    livenessProbe: Probe,
    readinessProbe: Probe,
    startupProbe: Probe,
    lifecycle: any,
    terminationMessagePath: str,
    terminationMessagePolicy: str,
    imagePullPolicy: str,
    securityContext: any,
    stdin: bool,
    stdinOnce: bool,
    tty: bool,
  },
  { ref: 'io.k8s.api.core.v1.Container', goType: 'Container', required: ['name'] },
);

const Volume = obj(
  { name: str },
  { ref: 'io.k8s.api.core.v1.Volume', goType: 'Volume', open: true, required: ['name'] },
);

const PodSpec = obj(
  {
    volumes: mapList(Volume, ['name'], 'name', 'merge,retainKeys'),
    initContainers: mapList(Container, ['name'], 'name'),
    containers: mapList(Container, ['name'], 'name'),
    ephemeralContainers: mapList(openObject({ name: str }), ['name'], 'name'),
    restartPolicy: str,
    terminationGracePeriodSeconds: int64,
    activeDeadlineSeconds: int64,
    dnsPolicy: str,
    nodeSelector: map(str, true),
    serviceAccountName: str,
    serviceAccount: str,
    automountServiceAccountToken: bool,
    nodeName: str,
    hostNetwork: bool,
    hostPID: bool,
    hostIPC: bool,
    shareProcessNamespace: bool,
    securityContext: any,
    imagePullSecrets: mapList(obj({ name: str }), ['name'], 'name'),
    hostname: str,
    subdomain: str,
    affinity: any,
    schedulerName: str,
    tolerations: atomicList(
      obj({ key: str, operator: str, value: str, effect: str, tolerationSeconds: int64 }),
    ),
    hostAliases: mapList(obj({ ip: str, hostnames: atomicList(str) }), ['ip'], 'ip'),
    priorityClassName: str,
    priority: int,
    dnsConfig: any,
    readinessGates: atomicList(obj({ conditionType: str })),
    runtimeClassName: str,
    enableServiceLinks: bool,
    preemptionPolicy: str,
    overhead: map(quantity),
    topologySpreadConstraints: mapList(
      openObject({ maxSkew: int, topologyKey: str, whenUnsatisfiable: str, labelSelector: LabelSelector }),
      ['topologyKey', 'whenUnsatisfiable'],
      'topologyKey',
    ),
    setHostnameAsFQDN: bool,
    os: obj({ name: str }),
    hostUsers: bool,
    schedulingGates: mapList(obj({ name: str }), ['name'], 'name'),
    resourceClaims: mapList(openObject({ name: str }), ['name'], 'name'),
    resources: any,
  },
  { ref: 'io.k8s.api.core.v1.PodSpec', goType: 'PodSpec', required: ['containers'] },
);

const PodTemplateSpec = obj(
  { metadata: ObjectMeta, spec: PodSpec },
  { ref: 'io.k8s.api.core.v1.PodTemplateSpec', goType: 'PodTemplateSpec' },
);

const conditionList = (fields: Record<string, Schema>): ListSchema =>
  mapList(obj(fields), ['type'], 'type');

const PodStatus = obj(
  {
    phase: str,
    conditions: conditionList({
      type: str,
      status: str,
      lastProbeTime: time,
      lastTransitionTime: time,
      reason: str,
      message: str,
    }),
    message: str,
    reason: str,
    nominatedNodeName: str,
    hostIP: str,
    hostIPs: atomicList(obj({ ip: str })),
    podIP: str,
    podIPs: mapList(obj({ ip: str }), ['ip'], 'ip'),
    startTime: time,
    initContainerStatuses: atomicList(any),
    containerStatuses: atomicList(any),
    qosClass: str,
    ephemeralContainerStatuses: atomicList(any),
    resize: str,
    resourceClaimStatuses: atomicList(any),
  },
  { ref: 'io.k8s.api.core.v1.PodStatus', goType: 'PodStatus', open: true },
);

const DeploymentSpec = obj(
  {
    replicas: int,
    selector: LabelSelector,
    template: PodTemplateSpec,
    strategy: obj(
      {
        type: str,
        rollingUpdate: obj({ maxUnavailable: intOrString, maxSurge: intOrString }),
      },
      { ref: 'io.k8s.api.apps.v1.DeploymentStrategy', goType: 'DeploymentStrategy', retainKeys: true },
    ),
    minReadySeconds: int,
    revisionHistoryLimit: int,
    paused: bool,
    progressDeadlineSeconds: int,
  },
  { ref: 'io.k8s.api.apps.v1.DeploymentSpec', goType: 'DeploymentSpec', required: ['selector', 'template'] },
);

const workloadCondition = {
  type: str,
  status: str,
  lastUpdateTime: time,
  lastTransitionTime: time,
  reason: str,
  message: str,
};

const DeploymentStatus = obj(
  {
    observedGeneration: int64,
    replicas: int,
    updatedReplicas: int,
    readyReplicas: int,
    availableReplicas: int,
    unavailableReplicas: int,
    terminatingReplicas: int,
    conditions: conditionList(workloadCondition),
    collisionCount: int,
  },
  { ref: 'io.k8s.api.apps.v1.DeploymentStatus', goType: 'DeploymentStatus' },
);

const ReplicaSetSpec = obj(
  { replicas: int, minReadySeconds: int, selector: LabelSelector, template: PodTemplateSpec },
  { ref: 'io.k8s.api.apps.v1.ReplicaSetSpec', goType: 'ReplicaSetSpec', required: ['selector'] },
);

const ReplicaSetStatus = obj(
  {
    replicas: int,
    fullyLabeledReplicas: int,
    readyReplicas: int,
    availableReplicas: int,
    terminatingReplicas: int,
    observedGeneration: int64,
    conditions: conditionList({ type: str, status: str, lastTransitionTime: time, reason: str, message: str }),
  },
  { ref: 'io.k8s.api.apps.v1.ReplicaSetStatus', goType: 'ReplicaSetStatus' },
);

const ServicePort = obj(
  { name: str, protocol: str, appProtocol: str, port: int, targetPort: intOrString, nodePort: int },
  { ref: 'io.k8s.api.core.v1.ServicePort', goType: 'ServicePort', required: ['port'] },
);

const ServiceSpec = obj(
  {
    ports: mapList(ServicePort, ['port', 'protocol'], 'port'),
    selector: map(str, true),
    clusterIP: str,
    clusterIPs: atomicList(str),
    type: str,
    externalIPs: atomicList(str),
    sessionAffinity: str,
    loadBalancerIP: str,
    loadBalancerSourceRanges: atomicList(str),
    externalName: str,
    externalTrafficPolicy: str,
    healthCheckNodePort: int,
    publishNotReadyAddresses: bool,
    sessionAffinityConfig: any,
    ipFamilies: atomicList(str),
    ipFamilyPolicy: str,
    allocateLoadBalancerNodePorts: bool,
    loadBalancerClass: str,
    internalTrafficPolicy: str,
    trafficDistribution: str,
  },
  { ref: 'io.k8s.api.core.v1.ServiceSpec', goType: 'ServiceSpec' },
);

function kind(
  ref: string,
  goType: string,
  props: Record<string, Schema>,
  open = false,
): ObjectSchema {
  return obj(
    { apiVersion: str, kind: str, metadata: ObjectMeta, ...props },
    { ref, goType, open },
  );
}

/** Top-level schemas, by "group/version/Kind" ("" group for the core API). */
export const KIND_SCHEMAS: Record<string, ObjectSchema> = {
  'apps/v1/Deployment': kind('io.k8s.api.apps.v1.Deployment', 'Deployment', {
    spec: DeploymentSpec,
    status: DeploymentStatus,
  }),
  'apps/v1/ReplicaSet': kind('io.k8s.api.apps.v1.ReplicaSet', 'ReplicaSet', {
    spec: ReplicaSetSpec,
    status: ReplicaSetStatus,
  }),
  '/v1/Pod': kind('io.k8s.api.core.v1.Pod', 'Pod', { spec: PodSpec, status: PodStatus }),
  '/v1/Service': kind('io.k8s.api.core.v1.Service', 'Service', {
    spec: ServiceSpec,
    status: obj({ loadBalancer: any, conditions: atomicList(any) }, { goType: 'ServiceStatus' }),
  }),
  '/v1/Namespace': kind('io.k8s.api.core.v1.Namespace', 'Namespace', {
    spec: obj({ finalizers: atomicList(str) }, { goType: 'NamespaceSpec' }),
    status: obj({ phase: str, conditions: atomicList(any) }, { goType: 'NamespaceStatus' }),
  }),
  '/v1/ConfigMap': kind('io.k8s.api.core.v1.ConfigMap', 'ConfigMap', {
    data: map(str),
    binaryData: map(str),
    immutable: bool,
  }),
  '/v1/Secret': kind('io.k8s.api.core.v1.Secret', 'Secret', {
    data: map(str),
    stringData: map(str),
    type: str,
    immutable: bool,
  }),
  '/v1/Event': kind(
    'io.k8s.api.core.v1.Event',
    'Event',
    {
      involvedObject: openObject({ kind: str, namespace: str, name: str, uid: str, apiVersion: str }),
      reason: str,
      message: str,
      source: obj({ component: str, host: str }),
      firstTimestamp: time,
      lastTimestamp: time,
      count: int,
      type: str,
      eventTime: { type: 'string', format: 'date-time' },
      series: any,
      action: str,
      related: any,
      reportingComponent: str,
      reportingInstance: str,
    },
    false,
  ),
  '/v1/Node': kind('io.k8s.api.core.v1.Node', 'Node', { spec: any, status: any }, true),
};

export const SCALE_SCHEMA = kind('io.k8s.api.autoscaling.v1.Scale', 'Scale', {
  spec: obj({ replicas: int }),
  status: obj({ replicas: int, selector: str }),
});

export function schemaFor(group: string, version: string, kindName: string): ObjectSchema | undefined {
  return KIND_SCHEMAS[`${group}/${version}/${kindName}`];
}

/** The schema one level down, or undefined where the shape is free-form or unknown. */
export function childSchema(schema: Schema | undefined, key: string): Schema | undefined {
  if (!schema) return undefined;
  if (schema.type === 'object') return schema.properties[key] ?? (schema.open ? { type: 'any' } : undefined);
  if (schema.type === 'map') return schema.values;
  if (schema.type === 'any') return schema;
  return undefined;
}

export function itemSchema(schema: Schema | undefined): Schema | undefined {
  if (!schema) return undefined;
  if (schema.type === 'list') return schema.items;
  if (schema.type === 'any') return schema;
  return undefined;
}

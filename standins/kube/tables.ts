/**
 * Server-side printing: the meta.k8s.io/v1 Table kubectl asks for (`kubectl get`), with the
 * columns and cell rules of the API server's printers.
 */
import { parseTime } from './clock.js';
import { formatLabelSelector, formatLabels } from './selectors.js';
import { humanDuration, type KubeObject } from './util.js';

type Obj = Record<string, any>;

export interface ColumnDefinition {
  name: string;
  type: 'string' | 'integer' | 'number' | 'boolean';
  format: string;
  description: string;
  priority: number;
}

export interface TablePrinter {
  columns: ColumnDefinition[];
  cells(obj: KubeObject, now: number): unknown[];
}

const col = (name: string, type: ColumnDefinition['type'], description: string, priority = 0, format = ''): ColumnDefinition => ({
  name,
  type,
  format,
  description,
  priority,
});

const NAME = col('Name', 'string', 'Name must be unique within a namespace. Is required when creating resources, although some resources may allow a client to request the generation of an appropriate name automatically. Name is primarily intended for creation idempotence and configuration definition. Cannot be updated. More info: https://kubernetes.io/docs/concepts/overview/working-with-objects/names#names', 0, 'name');
const AGE = col('Age', 'string', 'CreationTimestamp is a timestamp representing the server time when this object was created. It is not guaranteed to be set in happens-before order across separate operations. Clients may not set this value. It is represented in RFC3339 form and is in UTC.\n\nPopulated by the system. Read-only. Null for lists. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#metadata');

export function age(timestamp: unknown, now: number): string {
  const t = parseTime(timestamp);
  return t === undefined ? '<unknown>' : humanDuration(now - t);
}

function containersAndImages(podSpec: Obj | undefined): [string, string] {
  const containers = (podSpec?.containers ?? []) as Obj[];
  return [containers.map((c) => c.name).join(','), containers.map((c) => c.image).join(',')];
}

const deployments: TablePrinter = {
  columns: [
    NAME,
    col('Ready', 'string', 'Number of the pod with ready state'),
    col('Up-to-date', 'integer', 'Total number of non-terminated pods targeted by this deployment that have the desired template spec.'),
    col('Available', 'integer', 'Total number of available pods (ready for at least minReadySeconds) targeted by this deployment.'),
    AGE,
    col('Containers', 'string', 'Names of each container in the template.', 1),
    col('Images', 'string', 'Images referenced by each container in the template.', 1),
    col('Selector', 'string', 'Label selector for pods. Existing ReplicaSets whose pods are selected by this will be the ones affected by this deployment.', 1),
  ],
  cells(d, now) {
    const [containers, images] = containersAndImages(d.spec?.template?.spec);
    return [
      d.metadata.name,
      `${d.status?.readyReplicas ?? 0}/${d.spec?.replicas ?? 0}`,
      d.status?.updatedReplicas ?? 0,
      d.status?.availableReplicas ?? 0,
      age(d.metadata.creationTimestamp, now),
      containers,
      images,
      formatLabelSelector(d.spec?.selector),
    ];
  },
};

const replicaSets: TablePrinter = {
  columns: [
    NAME,
    col('Desired', 'integer', 'Replicas is the number of desired replicas.'),
    col('Current', 'integer', 'Replicas is the most recently observed number of replicas.'),
    col('Ready', 'integer', 'The number of ready replicas for this replica set.'),
    AGE,
    col('Containers', 'string', 'Names of each container in the template.', 1),
    col('Images', 'string', 'Images referenced by each container in the template.', 1),
    col('Selector', 'string', 'Selector is a label query over pods that should match the replica count.', 1),
  ],
  cells(rs, now) {
    const [containers, images] = containersAndImages(rs.spec?.template?.spec);
    return [
      rs.metadata.name,
      rs.spec?.replicas ?? 0,
      rs.status?.replicas ?? 0,
      rs.status?.readyReplicas ?? 0,
      age(rs.metadata.creationTimestamp, now),
      containers,
      images,
      formatLabelSelector(rs.spec?.selector),
    ];
  },
};

/** The STATUS column of `kubectl get pods`. */
export function podStatusReason(pod: Obj): string {
  const status = (pod.status ?? {}) as Obj;
  let reason: string = status.reason || status.phase || 'Unknown';
  let initializing = false;
  const initStatuses = (status.initContainerStatuses ?? []) as Obj[];
  initStatuses.forEach((c, i) => {
    if (initializing) return;
    if (c.state?.terminated && c.state.terminated.exitCode === 0) return;
    if (c.state?.terminated) {
      reason = c.state.terminated.reason ? `Init:${c.state.terminated.reason}` : `Init:ExitCode:${c.state.terminated.exitCode}`;
      initializing = true;
    } else if (c.state?.waiting?.reason && c.state.waiting.reason !== 'PodInitializing') {
      reason = `Init:${c.state.waiting.reason}`;
      initializing = true;
    } else {
      reason = `Init:${i}/${(pod.spec?.initContainers ?? []).length}`;
      initializing = true;
    }
  });
  if (!initializing) {
    let hasRunning = false;
    const statuses = [...((status.containerStatuses ?? []) as Obj[])].reverse();
    for (const c of statuses) {
      if (c.state?.waiting?.reason) reason = c.state.waiting.reason;
      else if (c.state?.terminated?.reason) reason = c.state.terminated.reason;
      else if (c.state?.terminated) {
        reason = c.state.terminated.signal
          ? `Signal:${c.state.terminated.signal}`
          : `ExitCode:${c.state.terminated.exitCode}`;
      } else if (c.ready && c.state?.running) hasRunning = true;
    }
    if (reason === 'Completed' && hasRunning) {
      const ready = ((status.conditions ?? []) as Obj[]).some((c) => c.type === 'Ready' && c.status === 'True');
      reason = ready ? 'Running' : 'NotReady';
    }
  }
  if (pod.metadata?.deletionTimestamp) reason = status.reason === 'NodeLost' ? 'Unknown' : 'Terminating';
  return reason;
}

const pods: TablePrinter = {
  columns: [
    NAME,
    col('Ready', 'string', 'The aggregate readiness state of this pod for accepting traffic.'),
    col('Status', 'string', 'The aggregate status of the containers in this pod.'),
    col('Restarts', 'string', 'The number of times the containers in this pod have been restarted and when the last container in this pod has restarted.'),
    AGE,
    col('IP', 'string', 'The IP address assigned to the pod', 1),
    col('Node', 'string', 'The name of the node the pod is assigned to', 1),
    col('Nominated Node', 'string', 'The name of the node the pod is nominated to', 1),
    col('Readiness Gates', 'string', 'The readiness gates of the pod', 1),
  ],
  cells(pod, now) {
    const statuses = (pod.status?.containerStatuses ?? []) as Obj[];
    const total = ((pod.spec?.containers ?? []) as Obj[]).length;
    const ready = statuses.filter((c) => c.ready).length;
    let restarts = 0;
    let lastRestart: number | undefined;
    for (const c of statuses) {
      restarts += c.restartCount ?? 0;
      const finished = parseTime(c.lastState?.terminated?.finishedAt);
      if (finished !== undefined && (lastRestart === undefined || finished > lastRestart)) lastRestart = finished;
    }
    const restartText = restarts > 0 && lastRestart !== undefined ? `${restarts} (${humanDuration(now - lastRestart)} ago)` : String(restarts);
    return [
      pod.metadata.name,
      `${ready}/${total}`,
      podStatusReason(pod),
      restartText,
      age(pod.metadata.creationTimestamp, now),
      pod.status?.podIP || '<none>',
      pod.spec?.nodeName || '<none>',
      pod.status?.nominatedNodeName || '<none>',
      '<none>',
    ];
  },
};

function servicePorts(spec: Obj): string {
  const ports = (spec.ports ?? []) as Obj[];
  if (ports.length === 0) return '<none>';
  return ports
    .map((p) => (p.nodePort ? `${p.port}:${p.nodePort}/${p.protocol ?? 'TCP'}` : `${p.port}/${p.protocol ?? 'TCP'}`))
    .join(',');
}

function externalIp(svc: Obj): string {
  const spec = (svc.spec ?? {}) as Obj;
  switch (spec.type) {
    case 'ExternalName':
      return spec.externalName ?? '<none>';
    case 'LoadBalancer': {
      const ingress = ((svc.status?.loadBalancer?.ingress ?? []) as Obj[]).map((i) => i.ip || i.hostname);
      const all = [...ingress, ...((spec.externalIPs ?? []) as string[])];
      return all.length > 0 ? all.join(',') : '<pending>';
    }
    default:
      return ((spec.externalIPs ?? []) as string[]).join(',') || '<none>';
  }
}

const services: TablePrinter = {
  columns: [
    NAME,
    col('Type', 'string', 'type determines how the Service is exposed.'),
    col('Cluster-IP', 'string', 'clusterIP is the IP address of the service and is usually assigned randomly by the master.'),
    col('External-IP', 'string', 'externalIPs is a list of IP addresses for which nodes in the cluster will also accept traffic for this service.'),
    col('Port(s)', 'string', 'The list of ports that are exposed by this service.'),
    AGE,
    col('Selector', 'string', 'Route service traffic to pods with label keys and values matching this selector.', 1),
  ],
  cells(svc, now) {
    const spec = (svc.spec ?? {}) as Obj;
    return [
      svc.metadata.name,
      spec.type ?? 'ClusterIP',
      spec.clusterIP || '<none>',
      externalIp(svc),
      servicePorts(spec),
      age(svc.metadata.creationTimestamp, now),
      spec.selector ? formatLabels(spec.selector) : '<none>',
    ];
  },
};

const namespaces: TablePrinter = {
  columns: [NAME, col('Status', 'string', 'The status of the namespace'), AGE],
  cells: (ns, now) => [ns.metadata.name, ns.status?.phase ?? 'Active', age(ns.metadata.creationTimestamp, now)],
};

const events: TablePrinter = {
  columns: [
    col('Last Seen', 'string', 'The last time this event happened'),
    col('Type', 'string', 'Type of this event (Normal, Warning), new types could be added in the future.'),
    col('Reason', 'string', 'This should be a short, machine understandable string that gives the reason for this event being generated.'),
    col('Object', 'string', 'The object that this event is about.'),
    col('Subobject', 'string', 'The subobject of the object this event is about.', 1),
    col('Source', 'string', 'The component reporting this event.', 1),
    col('Message', 'string', 'A human-readable description of the status of this operation.'),
    col('First Seen', 'string', 'The first time this event happened', 1),
    col('Count', 'string', 'The number of times this event has occurred.', 1),
    col('Name', 'string', NAME.description, 1, 'name'),
  ],
  cells(ev, now) {
    const last = ev.series?.lastObservedTime ?? ev.lastTimestamp ?? ev.eventTime;
    const first = ev.firstTimestamp ?? ev.eventTime;
    const source = ev.source?.component
      ? ev.source.host
        ? `${ev.source.component}, ${ev.source.host}`
        : ev.source.component
      : ev.reportingComponent ?? '';
    return [
      age(last, now),
      ev.type ?? 'Normal',
      ev.reason ?? '',
      `${String(ev.involvedObject?.kind ?? '').toLowerCase()}/${ev.involvedObject?.name ?? ''}`,
      ev.involvedObject?.fieldPath ?? '',
      source,
      String(ev.message ?? '').trim(),
      age(first, now),
      String(ev.count ?? 1),
      ev.metadata.name,
    ];
  },
};

const nodes: TablePrinter = {
  columns: [
    NAME,
    col('Status', 'string', 'The status of the node'),
    col('Roles', 'string', 'The roles of the node'),
    AGE,
    col('Version', 'string', 'Kubelet Version reported by the node.'),
    col('Internal-IP', 'string', 'List of addresses reachable to the node. Queried from cloud provider, if available.', 1),
    col('External-IP', 'string', 'List of addresses reachable to the node. Queried from cloud provider, if available.', 1),
    col('OS-Image', 'string', 'OS Image reported by the node from /etc/os-release (e.g. Debian GNU/Linux 7 (wheezy)).', 1),
    col('Kernel-Version', 'string', 'Kernel Version reported by the node.', 1),
    col('Container-Runtime', 'string', 'Container runtime version reported by the node through runtime remote API (e.g. containerd://1.4.2).', 1),
  ],
  cells(node, now) {
    const ready = ((node.status?.conditions ?? []) as Obj[]).find((c) => c.type === 'Ready');
    const addresses = (node.status?.addresses ?? []) as Obj[];
    const info = (node.status?.nodeInfo ?? {}) as Obj;
    return [
      node.metadata.name,
      ready?.status === 'True' ? 'Ready' : 'NotReady',
      '<none>',
      age(node.metadata.creationTimestamp, now),
      info.kubeletVersion ?? '',
      addresses.find((a) => a.type === 'InternalIP')?.address ?? '<none>',
      addresses.find((a) => a.type === 'ExternalIP')?.address ?? '<none>',
      info.osImage ?? '',
      info.kernelVersion ?? '',
      info.containerRuntimeVersion ?? '',
    ];
  },
};

const configMaps: TablePrinter = {
  columns: [NAME, col('Data', 'integer', 'Data contains the configuration data.'), AGE],
  cells: (cm, now) => [
    cm.metadata.name,
    Object.keys(cm.data ?? {}).length + Object.keys(cm.binaryData ?? {}).length,
    age(cm.metadata.creationTimestamp, now),
  ],
};

const secrets: TablePrinter = {
  columns: [NAME, col('Type', 'string', 'The type of the secret'), col('Data', 'integer', 'Data contains the secret data.'), AGE],
  cells: (s, now) => [s.metadata.name, s.type ?? 'Opaque', Object.keys(s.data ?? {}).length, age(s.metadata.creationTimestamp, now)],
};

const generic: TablePrinter = {
  columns: [NAME, AGE],
  cells: (o, now) => [o.metadata.name, age(o.metadata.creationTimestamp, now)],
};

export const TABLE_PRINTERS: Record<string, TablePrinter> = {
  'deployments.apps': deployments,
  'replicasets.apps': replicaSets,
  pods,
  services,
  namespaces,
  events,
  nodes,
  configmaps: configMaps,
  secrets,
};

export function printerFor(resourceId: string): TablePrinter {
  return TABLE_PRINTERS[resourceId] ?? generic;
}

export type IncludeObject = 'None' | 'Metadata' | 'Object';

function partialMetadata(obj: KubeObject): Obj {
  const { managedFields: _omit, ...metadata } = (obj.metadata ?? {}) as Obj;
  return { kind: 'PartialObjectMetadata', apiVersion: 'meta.k8s.io/v1', metadata };
}

export function tableRow(printer: TablePrinter, obj: KubeObject, now: number, include: IncludeObject): Obj {
  const row: Obj = { cells: printer.cells(obj, now) };
  if (include === 'Object') row.object = obj;
  else if (include === 'Metadata') row.object = partialMetadata(obj);
  return row;
}

export function buildTable(
  printer: TablePrinter,
  objects: KubeObject[],
  now: number,
  options: { include: IncludeObject; resourceVersion?: string; continueToken?: string; withColumns?: boolean },
): Obj {
  const metadata: Obj = {};
  if (options.resourceVersion !== undefined) metadata.resourceVersion = options.resourceVersion;
  if (options.continueToken) metadata.continue = options.continueToken;
  const table: Obj = { kind: 'Table', apiVersion: 'meta.k8s.io/v1', metadata };
  table.columnDefinitions = options.withColumns === false ? null : printer.columns;
  table.rows = objects.map((o) => tableRow(printer, o, now, options.include));
  return table;
}

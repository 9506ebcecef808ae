/** Defaulting, as the API server fills in fields a request leaves out. */
import { isPlainObject, type KubeObject } from './util.js';

type Obj = Record<string, any>;

function setDefault(target: Obj, key: string, value: unknown): void {
  if (target[key] === undefined || target[key] === null) target[key] = value;
}

function imagePullPolicyFor(image: string | undefined): string {
  if (!image) return 'IfNotPresent';
  if (image.includes('@')) return 'IfNotPresent';
  const lastSegment = image.slice(image.lastIndexOf('/') + 1);
  const tag = lastSegment.includes(':') ? lastSegment.slice(lastSegment.lastIndexOf(':') + 1) : '';
  return tag === '' || tag === 'latest' ? 'Always' : 'IfNotPresent';
}

function defaultProbe(probe: Obj | undefined): void {
  if (!isPlainObject(probe)) return;
  setDefault(probe, 'timeoutSeconds', 1);
  setDefault(probe, 'periodSeconds', 10);
  setDefault(probe, 'successThreshold', 1);
  setDefault(probe, 'failureThreshold', 3);
  if (isPlainObject(probe.httpGet)) {
    setDefault(probe.httpGet, 'path', '/');
    setDefault(probe.httpGet, 'scheme', 'HTTP');
  }
}

function defaultContainer(container: Obj): void {
  setDefault(container, 'terminationMessagePath', '/dev/termination-log');
  setDefault(container, 'terminationMessagePolicy', 'File');
  setDefault(container, 'imagePullPolicy', imagePullPolicyFor(container.image));
  setDefault(container, 'resources', {});
  for (const port of (container.ports ?? []) as Obj[]) if (isPlainObject(port)) setDefault(port, 'protocol', 'TCP');
  for (const env of (container.env ?? []) as Obj[]) {
    if (isPlainObject(env?.valueFrom?.fieldRef)) setDefault(env.valueFrom.fieldRef, 'apiVersion', 'v1');
  }
  defaultProbe(container.livenessProbe);
  defaultProbe(container.readinessProbe);
  defaultProbe(container.startupProbe);
}

export function defaultPodSpec(spec: Obj | undefined): void {
  if (!isPlainObject(spec)) return;
  setDefault(spec, 'restartPolicy', 'Always');
  setDefault(spec, 'terminationGracePeriodSeconds', 30);
  setDefault(spec, 'dnsPolicy', 'ClusterFirst');
  setDefault(spec, 'securityContext', {});
  setDefault(spec, 'schedulerName', 'default-scheduler');
  for (const c of [...((spec.containers ?? []) as Obj[]), ...((spec.initContainers ?? []) as Obj[])]) {
    if (isPlainObject(c)) defaultContainer(c);
  }
  for (const volume of (spec.volumes ?? []) as Obj[]) {
    for (const source of ['configMap', 'secret', 'projected', 'downwardAPI']) {
      if (isPlainObject(volume?.[source])) setDefault(volume[source], 'defaultMode', 420);
    }
  }
}

function defaultTemplate(template: Obj | undefined): void {
  if (!isPlainObject(template)) return;
  if (template.metadata === undefined || template.metadata === null) template.metadata = {};
  // Clients send `creationTimestamp: null` in templates (an empty Go time); it means nothing.
  if (isPlainObject(template.metadata) && template.metadata.creationTimestamp === null) {
    delete template.metadata.creationTimestamp;
  }
  defaultPodSpec(template.spec);
}

export function defaultDeployment(obj: KubeObject): void {
  const spec = (obj.spec ??= {}) as Obj;
  setDefault(spec, 'replicas', 1);
  const strategy = (spec.strategy ??= {}) as Obj;
  setDefault(strategy, 'type', 'RollingUpdate');
  if (strategy.type === 'RollingUpdate') {
    const rolling = (strategy.rollingUpdate ??= {}) as Obj;
    setDefault(rolling, 'maxUnavailable', '25%');
    setDefault(rolling, 'maxSurge', '25%');
  }
  setDefault(spec, 'revisionHistoryLimit', 10);
  setDefault(spec, 'progressDeadlineSeconds', 600);
  defaultTemplate(spec.template);
}

export function defaultReplicaSet(obj: KubeObject): void {
  const spec = (obj.spec ??= {}) as Obj;
  setDefault(spec, 'replicas', 1);
  defaultTemplate(spec.template);
}

function qosClass(spec: Obj): string {
  const containers = (spec.containers ?? []) as Obj[];
  let any = false;
  let guaranteed = containers.length > 0;
  for (const c of containers) {
    const requests = (c.resources?.requests ?? {}) as Obj;
    const limits = (c.resources?.limits ?? {}) as Obj;
    if (Object.keys(requests).length > 0 || Object.keys(limits).length > 0) any = true;
    for (const r of ['cpu', 'memory']) {
      if (limits[r] === undefined) guaranteed = false;
      else if (requests[r] !== undefined && String(requests[r]) !== String(limits[r])) guaranteed = false;
    }
  }
  if (!any) return 'BestEffort';
  return guaranteed ? 'Guaranteed' : 'Burstable';
}

export function defaultPod(obj: KubeObject): void {
  const spec = (obj.spec ??= {}) as Obj;
  defaultPodSpec(spec);
  setDefault(spec, 'serviceAccountName', 'default');
  setDefault(spec, 'serviceAccount', spec.serviceAccountName);
  setDefault(spec, 'enableServiceLinks', true);
  setDefault(spec, 'priority', 0);
  setDefault(spec, 'preemptionPolicy', 'PreemptLowerPriority');
  if (spec.tolerations === undefined) {
    spec.tolerations = [
      { key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 },
      { key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 },
    ];
  }
  const status = (obj.status ??= {}) as Obj;
  setDefault(status, 'phase', 'Pending');
  setDefault(status, 'qosClass', qosClass(spec));
}

export function defaultService(obj: KubeObject): void {
  const spec = (obj.spec ??= {}) as Obj;
  setDefault(spec, 'type', 'ClusterIP');
  if (spec.type !== 'ExternalName') {
    setDefault(spec, 'sessionAffinity', 'None');
    setDefault(spec, 'internalTrafficPolicy', 'Cluster');
  }
  for (const port of (spec.ports ?? []) as Obj[]) {
    if (!isPlainObject(port)) continue;
    setDefault(port, 'protocol', 'TCP');
    setDefault(port, 'targetPort', port.port);
  }
  if (spec.type === 'NodePort' || spec.type === 'LoadBalancer') setDefault(spec, 'externalTrafficPolicy', 'Cluster');
  if (spec.type === 'LoadBalancer') setDefault(spec, 'allocateLoadBalancerNodePorts', true);
  const status = (obj.status ??= {}) as Obj;
  setDefault(status, 'loadBalancer', {});
}

export function defaultNamespace(obj: KubeObject): void {
  const metadata = obj.metadata as Obj;
  metadata.labels = { ...(metadata.labels ?? {}), 'kubernetes.io/metadata.name': metadata.name };
  const spec = (obj.spec ??= {}) as Obj;
  setDefault(spec, 'finalizers', ['kubernetes']);
  const status = (obj.status ??= {}) as Obj;
  setDefault(status, 'phase', 'Active');
}

export function defaultSecret(obj: KubeObject): void {
  setDefault(obj, 'type', 'Opaque');
  if (isPlainObject(obj.stringData)) {
    const data = (obj.data ??= {}) as Obj;
    for (const [k, v] of Object.entries(obj.stringData)) data[k] = Buffer.from(String(v)).toString('base64');
    delete obj.stringData;
  }
}

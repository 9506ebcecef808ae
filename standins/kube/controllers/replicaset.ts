/**
 * The ReplicaSet controller: keeps the number of active pods at spec.replicas (deleting the
 * least useful pods first) and reports replicas, ready and available (ready for at least
 * minReadySeconds) pods in status.
 */
import type { KubeApi } from '../api.js';
import { parseTime } from '../clock.js';
import { PODS, REPLICASETS } from '../resources.js';
import { labelSelectorMatcher } from '../selectors.js';
import { controllerRefOf, deepEqual, type KubeObject } from '../util.js';
import type { EventRecorder } from './events.js';
import type { WorkQueue } from './queue.js';

type Obj = Record<string, any>;

const SOURCE = { component: 'replicaset-controller' };
const MANAGER = 'kube-controller-manager';

export function isPodActive(pod: KubeObject): boolean {
  const phase = pod.status?.phase;
  return phase !== 'Succeeded' && phase !== 'Failed' && !pod.metadata.deletionTimestamp;
}

export function podReadyCondition(pod: KubeObject): Obj | undefined {
  return ((pod.status?.conditions ?? []) as Obj[]).find((c) => c.type === 'Ready');
}

export function isPodReady(pod: KubeObject): boolean {
  return podReadyCondition(pod)?.status === 'True';
}

/** Ready for at least minReadySeconds at `now`. */
export function isPodAvailable(pod: KubeObject, minReadySeconds: number, now: number): boolean {
  const cond = podReadyCondition(pod);
  if (cond?.status !== 'True') return false;
  if (minReadySeconds <= 0) return true;
  const since = parseTime(cond.lastTransitionTime);
  return since !== undefined && since + minReadySeconds * 1000 <= now;
}

/** Orders pods so the ones to delete first come first, as the ReplicaSet controller ranks them. */
function deletionRank(a: KubeObject, b: KubeObject): number {
  const assigned = (p: KubeObject): number => (p.spec?.nodeName ? 1 : 0);
  if (assigned(a) !== assigned(b)) return assigned(a) - assigned(b);
  const phaseRank = (p: KubeObject): number => ({ Pending: 0, Unknown: 1, Running: 2 } as Record<string, number>)[p.status?.phase] ?? 0;
  if (phaseRank(a) !== phaseRank(b)) return phaseRank(a) - phaseRank(b);
  const ready = (p: KubeObject): number => (isPodReady(p) ? 1 : 0);
  if (ready(a) !== ready(b)) return ready(a) - ready(b);
  const restarts = (p: KubeObject): number =>
    ((p.status?.containerStatuses ?? []) as Obj[]).reduce((n, c) => n + (c.restartCount ?? 0), 0);
  if (restarts(a) !== restarts(b)) return restarts(b) - restarts(a);
  const created = (p: KubeObject): number => parseTime(p.metadata.creationTimestamp) ?? 0;
  return created(b) - created(a);
}

export class ReplicaSetController {
  constructor(
    private readonly api: KubeApi,
    private readonly recorder: EventRecorder,
    private readonly queue: () => WorkQueue,
  ) {}

  /** Pods the ReplicaSet controls, adopting orphans its selector matches. */
  ownedPods(rs: KubeObject, matches: (labels: Record<string, string> | undefined) => boolean): KubeObject[] {
    const uid = rs.metadata.uid;
    const owned: KubeObject[] = [];
    for (const pod of this.api.store.peekList(PODS, rs.metadata.namespace)) {
      const owner = controllerRefOf(pod);
      if (owner?.uid === uid) owned.push(pod);
      else if (!owner && matches(pod.metadata.labels) && !pod.metadata.deletionTimestamp && isPodActive(pod)) {
        const adopted = this.api.mutate(PODS, pod.metadata.namespace, pod.metadata.name, (o) => {
          o.metadata.ownerReferences = [
            ...((o.metadata.ownerReferences ?? []) as Obj[]),
            { apiVersion: 'apps/v1', kind: 'ReplicaSet', name: rs.metadata.name, uid, controller: true, blockOwnerDeletion: true },
          ];
        }, { manager: MANAGER });
        if (adopted) owned.push(adopted);
      }
    }
    return owned;
  }

  sync(key: string): void {
    const [namespace, name] = key.split('/') as [string, string];
    const rs = this.api.find(REPLICASETS, namespace, name);
    if (!rs || rs.metadata.deletionTimestamp) return;
    let matches: (labels: Record<string, string> | undefined) => boolean;
    try {
      matches = labelSelectorMatcher(rs.spec?.selector);
    } catch {
      return;
    }
    const pods = this.ownedPods(rs, matches);
    const active = pods.filter(isPodActive);
    const desired = rs.spec?.replicas ?? 1;
    const diff = active.length - desired;
    if (diff < 0) {
      for (let i = 0; i < -diff; i++) this.createPod(rs);
    } else if (diff > 0) {
      const victims = [...active].sort(deletionRank).slice(0, diff);
      for (const pod of victims) {
        try {
          this.api.delete(PODS, namespace, pod.metadata.name);
          this.recorder.record(rs, 'Normal', 'SuccessfulDelete', `Deleted pod: ${pod.metadata.name}`, SOURCE);
        } catch {
          // Already gone.
        }
      }
    }
    const now = this.api.clock.now();
    const minReady = rs.spec?.minReadySeconds ?? 0;
    const ready = active.filter(isPodReady);
    const available = active.filter((p) => isPodAvailable(p, minReady, now));
    // replicas is always written; the other counts are omitted when zero, as the API does.
    const status: Obj = { replicas: active.length };
    const counts: Obj = {
      fullyLabeledReplicas: active.filter((p) => matches(p.metadata.labels)).length,
      readyReplicas: ready.length,
      availableReplicas: available.length,
      observedGeneration: rs.metadata.generation,
    };
    for (const [k, v] of Object.entries(counts)) if (v) status[k] = v;
    if (rs.status?.conditions) status.conditions = rs.status.conditions;
    if (!deepEqual(rs.status ?? {}, status)) {
      this.api.mutate(
        REPLICASETS,
        namespace,
        name,
        (o) => {
          o.status = status;
        },
        { manager: MANAGER, subresource: 'status' },
      );
    }
    if (minReady > 0 && ready.length > available.length) {
      // Look again when the first ready pod has been ready for minReadySeconds.
      const waits = ready
        .filter((p) => !isPodAvailable(p, minReady, now))
        .map((p) => (parseTime(podReadyCondition(p)?.lastTransitionTime) ?? now) + minReady * 1000 - now);
      this.queue().addAfter(key, Math.max(1, Math.min(...waits) + 1000));
    }
  }

  private createPod(rs: KubeObject): void {
    const template = (rs.spec?.template ?? {}) as Obj;
    const metadata: Obj = {
      generateName: `${rs.metadata.name}-`,
      namespace: rs.metadata.namespace,
      ownerReferences: [
        {
          apiVersion: 'apps/v1',
          kind: 'ReplicaSet',
          name: rs.metadata.name,
          uid: rs.metadata.uid,
          controller: true,
          blockOwnerDeletion: true,
        },
      ],
    };
    if (template.metadata?.labels) metadata.labels = template.metadata.labels;
    if (template.metadata?.annotations) metadata.annotations = template.metadata.annotations;
    const pod = { apiVersion: 'v1', kind: 'Pod', metadata, spec: template.spec };
    try {
      const created = this.api.create(PODS, rs.metadata.namespace, pod, { manager: MANAGER }).object;
      this.recorder.record(rs, 'Normal', 'SuccessfulCreate', `Created pod: ${created.metadata.name}`, SOURCE);
    } catch (error) {
      this.recorder.record(rs, 'Warning', 'FailedCreate', `Error creating: ${(error as Error).message}`, SOURCE);
    }
  }
}

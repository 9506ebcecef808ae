/** The scheduler: binds pending pods to the least loaded simulated node, or reports them unschedulable. */
import type { KubeApi } from '../api.js';
import { behaviourFromImage, type Behaviour, type Timings } from '../behaviours.js';
import { NODES, PODS } from '../resources.js';
import type { StoreEvent } from '../store.js';
import type { KubeObject } from '../util.js';
import type { EventRecorder } from './events.js';

const SOURCE = { component: 'default-scheduler' };

export class Scheduler {
  private readonly attempted = new Set<string>();

  constructor(
    private readonly api: KubeApi,
    private readonly recorder: EventRecorder,
    private readonly timings: Timings,
    private readonly overrides: ReadonlyMap<string, Behaviour>,
  ) {}

  onEvent(event: StoreEvent): void {
    if (event.resource !== PODS) return;
    const pod = event.object;
    const uid = pod.metadata.uid as string;
    if (event.type === 'DELETED') {
      this.attempted.delete(uid);
      return;
    }
    if (pod.spec?.nodeName || pod.metadata.deletionTimestamp || this.attempted.has(uid)) return;
    this.attempted.add(uid);
    this.api.clock.setTimer(this.timings.schedule, () => this.schedule(pod.metadata.namespace, pod.metadata.name, uid));
  }

  private schedule(namespace: string, name: string, uid: string): void {
    const pod = this.api.find(PODS, namespace, name);
    if (!pod || pod.metadata.uid !== uid || pod.metadata.deletionTimestamp || pod.spec?.nodeName) return;
    const nodes = this.api.list(NODES, undefined);
    const images = ((pod.spec?.containers ?? []) as Record<string, any>[]).map((c) => String(c.image ?? ''));
    const unschedulable = images.some((image) => behaviourFromImage(image, this.overrides) === 'unschedulable');
    if (unschedulable || nodes.length === 0) {
      const count = nodes.length;
      const message = `0/${count} nodes are available: ${count} node(s) didn't match Pod's node affinity/selector. preemption: 0/${count} nodes are available: ${count} Preemption is not helpful for scheduling.`;
      this.api.mutate(
        PODS,
        namespace,
        name,
        (p) => {
          p.status = {
            ...(p.status ?? {}),
            phase: 'Pending',
            conditions: [
              {
                type: 'PodScheduled',
                status: 'False',
                lastProbeTime: null,
                lastTransitionTime: this.api.clock.timestamp(),
                reason: 'Unschedulable',
                message,
              },
            ],
          };
        },
        { manager: 'kube-scheduler', subresource: 'status' },
      );
      this.recorder.record(pod, 'Warning', 'FailedScheduling', message, SOURCE);
      return;
    }
    const load = new Map<string, number>(nodes.map((n) => [n.metadata.name as string, 0]));
    for (const p of this.api.store.peekList(PODS)) {
      const node = p.spec?.nodeName as string | undefined;
      if (node && load.has(node)) load.set(node, load.get(node)! + 1);
    }
    const node = [...load.entries()].sort((a, b) => a[1] - b[1] || (a[0] < b[0] ? -1 : 1))[0]![0];
    const bound = this.api.mutate(PODS, namespace, name, (p) => {
      p.spec.nodeName = node;
    }, { manager: 'kube-scheduler' });
    if (!bound) return;
    this.api.mutate(
      PODS,
      namespace,
      name,
      (p) => {
        p.status = {
          ...(p.status ?? {}),
          conditions: [
            { type: 'PodScheduled', status: 'True', lastProbeTime: null, lastTransitionTime: this.api.clock.timestamp() },
          ],
        };
      },
      { manager: 'kube-scheduler', subresource: 'status' },
    );
    this.recorder.record(bound as KubeObject, 'Normal', 'Scheduled', `Successfully assigned ${namespace}/${name} to ${node}`, SOURCE);
  }
}

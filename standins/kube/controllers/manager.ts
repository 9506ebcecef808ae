/** Wires the simulated control plane: controllers, scheduler and kubelets, fed by store events. */
import type { KubeApi } from '../api.js';
import type { Behaviour, Timings } from '../behaviours.js';
import { DEPLOYMENTS, PODS, REPLICASETS } from '../resources.js';
import type { StoreEvent } from '../store.js';
import { controllerRefOf } from '../util.js';
import { DeploymentController } from './deployment.js';
import { EventRecorder } from './events.js';
import { GarbageCollector } from './gc.js';
import { Kubelet } from './kubelet.js';
import { WorkQueue } from './queue.js';
import { ReplicaSetController } from './replicaset.js';
import { Scheduler } from './scheduler.js';

export interface ControlPlaneOptions {
  timings: Timings;
  behaviours: ReadonlyMap<string, Behaviour>;
  nodeIps: ReadonlyMap<string, string>;
  onError: (component: string, key: string, error: unknown) => void;
}

export class ControlPlane {
  readonly recorder: EventRecorder;
  readonly deployments: DeploymentController;
  readonly replicaSets: ReplicaSetController;
  readonly scheduler: Scheduler;
  readonly kubelet: Kubelet;
  readonly gc: GarbageCollector;
  private readonly deploymentQueue: WorkQueue;
  private readonly replicaSetQueue: WorkQueue;
  private readonly gcQueue: WorkQueue;
  private readonly unsubscribe: () => void;

  constructor(
    private readonly api: KubeApi,
    options: ControlPlaneOptions,
  ) {
    this.recorder = new EventRecorder(api);
    this.deployments = new DeploymentController(api, this.recorder, () => this.deploymentQueue);
    this.replicaSets = new ReplicaSetController(api, this.recorder, () => this.replicaSetQueue);
    this.scheduler = new Scheduler(api, this.recorder, options.timings, options.behaviours);
    this.kubelet = new Kubelet(api, this.recorder, options.timings, options.behaviours, options.nodeIps);
    this.gc = new GarbageCollector(api, () => this.gcQueue);
    this.deploymentQueue = new WorkQueue('deployment-controller', api.clock, (k) => this.deployments.sync(k), options.onError);
    this.replicaSetQueue = new WorkQueue('replicaset-controller', api.clock, (k) => this.replicaSets.sync(k), options.onError);
    this.gcQueue = new WorkQueue('garbage-collector', api.clock, (k) => this.gc.sync(k), options.onError);
    this.unsubscribe = api.store.subscribe((event) => this.dispatch(event));
  }

  stop(): void {
    this.unsubscribe();
    this.deploymentQueue.stop();
    this.replicaSetQueue.stop();
    this.gcQueue.stop();
    this.kubelet.stop();
  }

  private dispatch(event: StoreEvent): void {
    const obj = event.object;
    const ns = obj.metadata?.namespace as string | undefined;
    switch (event.resource) {
      case DEPLOYMENTS:
        this.deploymentQueue.add(`${ns}/${obj.metadata.name}`);
        break;
      case REPLICASETS: {
        this.replicaSetQueue.add(`${ns}/${obj.metadata.name}`);
        const owner = controllerRefOf(obj);
        if (owner?.kind === 'Deployment') this.deploymentQueue.add(`${ns}/${owner.name}`);
        break;
      }
      case PODS: {
        const owner = controllerRefOf(obj);
        if (owner?.kind === 'ReplicaSet') {
          this.replicaSetQueue.add(`${ns}/${owner.name}`);
          if (event.type === 'DELETED') {
            const rs = this.api.store.peek(REPLICASETS, ns, owner.name);
            const deployment = rs ? controllerRefOf(rs) : undefined;
            if (deployment?.kind === 'Deployment') this.deploymentQueue.add(`${ns}/${deployment.name}`);
          }
        }
        this.scheduler.onEvent(event);
        this.kubelet.onEvent(event);
        break;
      }
    }
    this.gc.onEvent(event);
  }
}

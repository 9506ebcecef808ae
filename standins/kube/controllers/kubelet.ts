/**
 * The kubelets of the simulated nodes: they run each bound pod's containers as small state
 * machines driven by the image's behaviour (pull, create, start, become ready, crash and
 * back off, fail to pull...), write pod status the way a kubelet does, record its events,
 * keep each container run's log lines, and stop containers when a pod is deleted.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { KubeApi } from '../api.js';
import {
  behaviourFromImage,
  exitLines,
  parseImage,
  readyLines,
  startupLines,
  type Behaviour,
  type Timings,
} from '../behaviours.js';
import type { SimTimer } from '../clock.js';
import { ApiError, badRequest } from '../errors.js';
import { PODS } from '../resources.js';
import type { StoreEvent } from '../store.js';
import type { KubeObject } from '../util.js';
import type { EventRecorder } from './events.js';

type Obj = Record<string, any>;

export interface LogLine {
  time: number;
  text: string;
}

/** One run of a container: its log, and who follows it. */
export class ContainerRun {
  readonly lines: LogLine[] = [];
  finished = false;
  private readonly followers = new Set<{ line: (l: LogLine) => void; end: () => void }>();

  write(time: number, text: string): void {
    const line = { time, text };
    this.lines.push(line);
    for (const f of this.followers) f.line(line);
  }

  finish(): void {
    this.finished = true;
    for (const f of this.followers) f.end();
    this.followers.clear();
  }

  follow(line: (l: LogLine) => void, end: () => void): () => void {
    const entry = { line, end };
    this.followers.add(entry);
    return () => this.followers.delete(entry);
  }
}

interface ContainerSim {
  name: string;
  image: string;
  behaviour: Behaviour;
  port: number;
  /** The readiness probe's initialDelaySeconds: the first probe, so the earliest readiness. */
  probeDelay: number;
  state: Obj;
  lastState: Obj;
  ready: boolean;
  started: boolean;
  everStarted: boolean;
  restartCount: number;
  containerID?: string;
  imageID?: string;
  runs: ContainerRun[];
  exits: number;
  backoff: number;
  pullBackoff: number;
  timer?: SimTimer;
}

interface PodRunner {
  namespace: string;
  name: string;
  uid: string;
  node: string;
  hostIP: string;
  podIP?: string;
  startTime: string;
  sandboxReady: boolean;
  containers: ContainerSim[];
  terminating: boolean;
  gone: boolean;
  transitions: Map<string, { status: string; time: string }>;
  timers: SimTimer[];
}

const REASON_WAITING_MESSAGE: Record<string, string> = {
  ErrImagePull: 'trying and failing to pull image',
  ImagePullBackOff: 'trying and failing to pull image',
};

function containerId(): string {
  return `containerd://${randomBytes(32).toString('hex')}`;
}

function imageIdFor(image: string): string {
  const { repository, digest } = parseImage(image);
  const fullRepo = repository.includes('/') ? repository : `docker.io/library/${repository}`;
  return `${fullRepo}@${digest ?? `sha256:${createHash('sha256').update(image).digest('hex')}`}`;
}

function fullImageName(image: string): string {
  const { repository } = parseImage(image);
  const first = repository.split('/')[0]!;
  const hasRegistry = repository.includes('/') && (first.includes('.') || first.includes(':') || first === 'localhost');
  if (hasRegistry) return image;
  return repository.includes('/') ? `docker.io/${image}` : `docker.io/library/${image}`;
}

export class Kubelet {
  private readonly runners = new Map<string, PodRunner>();
  private ipCounter = 0;

  constructor(
    private readonly api: KubeApi,
    private readonly recorder: EventRecorder,
    private readonly timings: Timings,
    private readonly overrides: ReadonlyMap<string, Behaviour>,
    private readonly nodeIps: ReadonlyMap<string, string>,
  ) {}

  onEvent(event: StoreEvent): void {
    if (event.resource !== PODS) return;
    const pod = event.object;
    const uid = pod.metadata.uid as string;
    const runner = this.runners.get(uid);
    if (event.type === 'DELETED') {
      if (runner) this.dispose(runner);
      return;
    }
    if (!pod.spec?.nodeName) return;
    if (!runner) {
      if (pod.metadata.deletionTimestamp) {
        this.finishDeletion(pod.metadata.namespace, pod.metadata.name);
        return;
      }
      this.start(pod);
      return;
    }
    if (pod.metadata.deletionTimestamp && !runner.terminating) this.terminate(runner);
  }

  stop(): void {
    for (const runner of this.runners.values()) this.dispose(runner);
    this.runners.clear();
  }

  // ---------- reading state for the HTTP layer ----------

  /** Resolves which run a log request reads, with the kubelet's errors for the cases it refuses. */
  logRun(pod: KubeObject, container: string, previous: boolean): ContainerRun | undefined {
    const runner = this.runners.get(pod.metadata.uid);
    const sim = runner?.containers.find((c) => c.name === container);
    const name = pod.metadata.name as string;
    if (!runner) throw badRequest(`container "${container}" in pod "${name}" is waiting to start: ContainerCreating`);
    if (!sim) return undefined;
    if (previous) {
      // The previous run is the one lastState describes: the last run while the container is
      // down, the one before it once a new run has started.
      const last = sim.runs.at(-1);
      const run = last?.finished && sim.lastState.terminated ? last : sim.runs.at(-2);
      if (!run) throw badRequest(`previous terminated container "${container}" in pod "${name}" not found`);
      return run;
    }
    const current = sim.runs[sim.runs.length - 1];
    if (!current) {
      const reason = sim.state.waiting?.reason ?? 'ContainerCreating';
      throw badRequest(
        `container "${container}" in pod "${name}" is waiting to start: ${REASON_WAITING_MESSAGE[reason] ?? reason}`,
      );
    }
    return current;
  }

  /** Whether the app in this pod answers its health endpoint. */
  podServesHealthy(pod: KubeObject): boolean {
    const images = ((pod.spec?.containers ?? []) as Obj[]).map((c) => String(c.image ?? ''));
    return !images.some((image) => behaviourFromImage(image, this.overrides) === 'unhealthy');
  }

  /** Writes an access-log line for a proxied request into the pod's first container. */
  logRequest(pod: KubeObject, line: string): void {
    const runner = this.runners.get(pod.metadata.uid);
    const run = runner?.containers[0]?.runs.at(-1);
    if (run && !run.finished) run.write(this.api.clock.now(), line);
  }

  // ---------- lifecycle ----------

  private start(pod: KubeObject): void {
    const node = pod.spec.nodeName as string;
    const runner: PodRunner = {
      namespace: pod.metadata.namespace,
      name: pod.metadata.name,
      uid: pod.metadata.uid,
      node,
      hostIP: this.nodeIps.get(node) ?? '10.0.0.10',
      startTime: this.api.clock.timestamp(),
      sandboxReady: false,
      terminating: false,
      gone: false,
      transitions: new Map(),
      timers: [],
      containers: ((pod.spec.containers ?? []) as Obj[]).map((c) => ({
        name: String(c.name),
        image: String(c.image),
        behaviour: behaviourFromImage(String(c.image), this.overrides),
        port: Number(((c.ports ?? []) as Obj[])[0]?.containerPort ?? 8080),
        probeDelay: Number(c.readinessProbe?.initialDelaySeconds ?? 0) * 1000,
        state: { waiting: { reason: 'ContainerCreating' } },
        lastState: {},
        ready: false,
        started: false,
        everStarted: false,
        restartCount: 0,
        runs: [],
        exits: 0,
        backoff: this.timings.backoff,
        pullBackoff: this.timings.backoff,
      })),
    };
    this.runners.set(runner.uid, runner);
    this.writeStatus(runner);
    this.after(runner, 100, () => {
      runner.sandboxReady = true;
      this.ipCounter += 1;
      runner.podIP = `10.244.${Math.floor(this.ipCounter / 250) % 250}.${(this.ipCounter % 250) + 2}`;
      for (const c of runner.containers) this.pull(runner, c);
      this.writeStatus(runner);
    });
  }

  private after(runner: PodRunner, ms: number, fn: () => void, container?: ContainerSim): void {
    const timer = this.api.clock.setTimer(ms, () => {
      if (runner.gone || runner.terminating) return;
      fn();
    });
    if (container) {
      container.timer?.cancel();
      container.timer = timer;
    } else {
      runner.timers.push(timer);
    }
  }

  private event(runner: PodRunner, c: ContainerSim | undefined, type: 'Normal' | 'Warning', reason: string, message: string): void {
    const pod = this.api.find(PODS, runner.namespace, runner.name);
    if (!pod) return;
    this.recorder.record(pod, type, reason, message, { component: 'kubelet', host: runner.node }, c ? `spec.containers{${c.name}}` : undefined);
  }

  private pull(runner: PodRunner, c: ContainerSim): void {
    if (c.imageID) {
      this.event(runner, c, 'Normal', 'Pulled', `Container image "${c.image}" already present on machine`);
      this.create(runner, c);
      return;
    }
    this.event(runner, c, 'Normal', 'Pulling', `Pulling image "${c.image}"`);
    this.after(
      runner,
      this.timings.pull,
      () => {
        if (c.behaviour === 'missing') {
          const ref = fullImageName(c.image);
          const message = `failed to pull and unpack image "${ref}": failed to resolve reference "${ref}": ${ref}: not found`;
          c.state = { waiting: { reason: 'ErrImagePull', message: `rpc error: code = NotFound desc = ${message}` } };
          this.event(runner, c, 'Warning', 'Failed', `Failed to pull image "${c.image}": rpc error: code = NotFound desc = ${message}`);
          this.event(runner, c, 'Warning', 'Failed', 'Error: ErrImagePull');
          this.writeStatus(runner);
          this.after(
            runner,
            Math.min(1000, c.pullBackoff / 4),
            () => {
              c.state = { waiting: { reason: 'ImagePullBackOff', message: `Back-off pulling image "${c.image}"` } };
              this.event(runner, c, 'Normal', 'BackOff', `Back-off pulling image "${c.image}"`);
              this.event(runner, c, 'Warning', 'Failed', 'Error: ImagePullBackOff');
              this.writeStatus(runner);
              const wait = c.pullBackoff;
              c.pullBackoff = Math.min(c.pullBackoff * 2, this.timings.maxBackoff);
              this.after(runner, wait, () => this.pull(runner, c), c);
            },
            c,
          );
          return;
        }
        c.imageID = imageIdFor(c.image);
        const ms = Math.round(this.timings.pull);
        this.event(
          runner,
          c,
          'Normal',
          'Pulled',
          `Successfully pulled image "${c.image}" in ${ms}ms (${ms}ms including waiting). Image size: ${12_000_000 + (c.image.length % 97) * 131_072} bytes.`,
        );
        this.create(runner, c);
      },
      c,
    );
  }

  private create(runner: PodRunner, c: ContainerSim): void {
    if (c.behaviour === 'configerror') {
      const message = `configmap "${c.name}-config" not found`;
      c.state = { waiting: { reason: 'CreateContainerConfigError', message } };
      this.event(runner, c, 'Warning', 'Failed', `Error: ${message}`);
      this.writeStatus(runner);
      // The kubelet retries on every pod sync and fails the same way.
      this.after(runner, this.timings.backoff, () => this.create(runner, c), c);
      return;
    }
    c.containerID = containerId();
    this.event(runner, c, 'Normal', 'Created', `Created container ${c.name}`);
    this.event(runner, c, 'Normal', 'Started', `Started container ${c.name}`);
    const now = this.api.clock.now();
    const run = new ContainerRun();
    c.runs.push(run);
    for (const line of startupLines(c.behaviour, c.name, c.image, c.port)) run.write(now, line);
    c.state = { running: { startedAt: this.api.clock.timestamp() } };
    c.started = true;
    c.everStarted = true;
    c.ready = false;
    this.writeStatus(runner);
    switch (c.behaviour) {
      case 'crashloop':
      case 'oom':
        this.after(runner, this.timings.crash, () => this.exit(runner, c), c);
        break;
      case 'slow':
        this.after(runner, Math.max(this.timings.slowReady, c.probeDelay), () => this.becomeReady(runner, c), c);
        break;
      default:
        this.after(runner, Math.max(this.timings.ready, c.probeDelay), () => this.becomeReady(runner, c), c);
    }
  }

  private becomeReady(runner: PodRunner, c: ContainerSim): void {
    const run = c.runs.at(-1);
    for (const line of readyLines(c.behaviour)) run?.write(this.api.clock.now(), line);
    c.ready = true;
    this.writeStatus(runner);
  }

  private exit(runner: PodRunner, c: ContainerSim): void {
    const run = c.runs.at(-1);
    const now = this.api.clock.now();
    for (const line of exitLines(c.behaviour)) run?.write(now, line);
    run?.finish();
    c.exits += 1;
    const oom = c.behaviour === 'oom';
    const terminated = {
      exitCode: oom ? 137 : 1,
      reason: oom ? 'OOMKilled' : 'Error',
      startedAt: c.state.running?.startedAt ?? this.api.clock.timestamp(),
      finishedAt: this.api.clock.timestamp(),
      containerID: c.containerID,
    };
    c.state = { terminated };
    c.ready = false;
    c.started = false;
    this.writeStatus(runner);
    // The first restart is immediate; later ones wait for the back-off, which doubles.
    this.after(
      runner,
      300,
      () => {
        c.lastState = { terminated };
        if (c.exits === 1) {
          c.restartCount += 1;
          this.pull(runner, c);
          return;
        }
        const wait = c.backoff;
        c.backoff = Math.min(c.backoff * 2, this.timings.maxBackoff);
        const podRef = `${runner.name}_${runner.namespace}(${runner.uid})`;
        c.state = {
          waiting: {
            reason: 'CrashLoopBackOff',
            message: `back-off ${Math.round(wait / 1000)}s restarting failed container=${c.name} pod=${podRef}`,
          },
        };
        this.event(runner, c, 'Warning', 'BackOff', `Back-off restarting failed container ${c.name} in pod ${podRef}`);
        this.writeStatus(runner);
        this.after(
          runner,
          wait,
          () => {
            c.restartCount += 1;
            this.pull(runner, c);
          },
          c,
        );
      },
      c,
    );
  }

  private terminate(runner: PodRunner): void {
    runner.terminating = true;
    for (const c of runner.containers) {
      c.timer?.cancel();
      if (c.state.running) this.event(runner, c, 'Normal', 'Killing', `Stopping container ${c.name}`);
    }
    for (const t of runner.timers) t.cancel();
    this.api.clock.setTimer(this.timings.termination, () => {
      if (runner.gone) return;
      for (const c of runner.containers) {
        if (c.state.running) {
          c.state = {
            terminated: {
              exitCode: 0,
              reason: 'Completed',
              startedAt: c.state.running.startedAt,
              finishedAt: this.api.clock.timestamp(),
              containerID: c.containerID,
            },
          };
        }
        c.ready = false;
        c.runs.at(-1)?.finish();
      }
      this.writeStatus(runner, true);
      this.finishDeletion(runner.namespace, runner.name);
    });
  }

  private finishDeletion(namespace: string, name: string): void {
    try {
      this.api.delete(PODS, namespace, name, { gracePeriodSeconds: 0 });
    } catch (error) {
      if (!(error instanceof ApiError && error.code === 404)) throw error;
    }
  }

  private dispose(runner: PodRunner): void {
    runner.gone = true;
    for (const t of runner.timers) t.cancel();
    for (const c of runner.containers) {
      c.timer?.cancel();
      c.runs.at(-1)?.finish();
    }
    this.runners.delete(runner.uid);
  }

  // ---------- status ----------

  private condition(runner: PodRunner, type: string, ok: boolean, reason?: string, message?: string): Obj {
    const status = ok ? 'True' : 'False';
    const previous = runner.transitions.get(type);
    let time = previous?.time;
    if (!previous || previous.status !== status) {
      time = this.api.clock.timestamp();
      runner.transitions.set(type, { status, time });
    }
    const cond: Obj = { type, status, lastProbeTime: null, lastTransitionTime: time };
    if (!ok && reason) {
      cond.reason = reason;
      if (message) cond.message = message;
    }
    return cond;
  }

  private writeStatus(runner: PodRunner, stopped = false): void {
    if (runner.gone) return;
    const unready = runner.containers.filter((c) => !c.ready).map((c) => c.name);
    const allReady = unready.length === 0 && !stopped;
    const notReadyMessage = `containers with unready status: [${unready.join(' ')}]`;
    const conditions = [
      this.condition(runner, 'PodReadyToStartContainers', runner.sandboxReady && !stopped),
      this.condition(runner, 'Initialized', true),
      this.condition(runner, 'Ready', allReady, 'ContainersNotReady', notReadyMessage),
      this.condition(runner, 'ContainersReady', allReady, 'ContainersNotReady', notReadyMessage),
    ];
    const containerStatuses = runner.containers.map((c) => {
      const s: Obj = {
        name: c.name,
        state: c.state,
        lastState: c.lastState,
        ready: c.ready,
        restartCount: c.restartCount,
        image: c.image,
        imageID: c.imageID ?? '',
        started: c.started,
      };
      if (c.containerID) s.containerID = c.containerID;
      return s;
    });
    const allStarted = runner.containers.every((c) => c.everStarted);
    const phase = allStarted ? 'Running' : 'Pending';
    this.api.mutate(
      PODS,
      runner.namespace,
      runner.name,
      (pod) => {
        if (pod.metadata.uid !== runner.uid) return false;
        const scheduled = ((pod.status?.conditions ?? []) as Obj[]).find((c) => c.type === 'PodScheduled');
        pod.status = {
          ...(pod.status ?? {}),
          phase,
          conditions: scheduled ? [...conditions, scheduled] : conditions,
          hostIP: runner.hostIP,
          hostIPs: [{ ip: runner.hostIP }],
          startTime: runner.startTime,
          containerStatuses,
        };
        if (runner.podIP) {
          pod.status.podIP = runner.podIP;
          pod.status.podIPs = [{ ip: runner.podIP }];
        }
        return undefined;
      },
      { manager: 'kubelet', subresource: 'status' },
    );
  }
}

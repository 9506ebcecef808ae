import { describeKubeError, type KubeClient } from './client.js';
import { FailFastTracker, podStateText, type FailFastOptions, type PodFailure } from './pod-failures.js';
import { progressLine, rolloutState } from './rollout-status.js';
import {
  POD_TEMPLATE_HASH_LABEL,
  revisionOf,
  selectorString,
  type Deployment,
  type Pod,
  type ReplicaSet,
} from './types.js';
import { ResourceWatch, type WatchStats } from './watch.js';

/**
 * Watches one Deployment's rollout to its end: success by kubectl's rules, or the first sign
 * of a failure that will not heal (a new pod in a fatal state, ProgressDeadlineExceeded, the
 * timeout). Progress goes to the log as it changes.
 */

export interface RolloutWatchOptions {
  client: KubeClient;
  namespace: string;
  name: string;
  failFast: FailFastOptions;
  timeoutMs: number;
  /** Log lines of the container logs to collect from a failing pod. */
  logLines: number;
  log: (message: string) => void;
  /** Stops the watch early (another service failed); the outcome is then `aborted`. */
  signal?: AbortSignal;
  /** Called once, when the first pod of the new ReplicaSet is ready. */
  onFirstPodReady?: (pod: string) => void;
  /** Milliseconds between re-checks that need no event (grace periods, the timeout). */
  tickMs?: number;
}

export interface FailureDetails {
  /** CrashLoopBackOff, ImagePullBackOff, Unschedulable, ProgressDeadlineExceeded, Timeout, HealthCheckFailed... */
  reason: string;
  message: string;
  pod?: string;
  container?: string;
  /** The failing container's last log lines, when it has any. */
  logs?: string;
}

export type RolloutOutcome =
  | { result: 'complete'; deployment: Deployment; newReplicaSet?: ReplicaSet; stats: WatchStats }
  | { result: 'failed'; failure: FailureDetails; deployment?: Deployment; newReplicaSet?: ReplicaSet; stats: WatchStats }
  | { result: 'aborted'; deployment?: Deployment; stats: WatchStats };

function sumStats(a: WatchStats, b: WatchStats): WatchStats {
  return { drops: a.drops + b.drops, relists: a.relists + b.relists };
}

function ownedBy(object: { metadata: { ownerReferences?: { uid: string }[] } }, uid: string | undefined): boolean {
  return uid === undefined || (object.metadata.ownerReferences ?? []).some((ref) => ref.uid === uid);
}

/** The container logs of a failing pod, or why they could not be read (never fatal). */
export async function failureLogs(
  client: KubeClient,
  namespace: string,
  failure: PodFailure,
  lines: number,
): Promise<string | undefined> {
  if (!failure.container || lines <= 0) return undefined;
  try {
    const text = await Promise.race([
      client.podLog(namespace, failure.pod, failure.container, { previous: failure.previousLogs, tailLines: lines }),
      new Promise<never>((_, reject) => setTimeout(() => reject(new Error('no answer within 5 s')), 5000).unref()),
    ]);
    return text.trimEnd() || undefined;
  } catch (error) {
    return `(could not read the logs: ${describeKubeError(error)})`;
  }
}

export function watchRollout(options: RolloutWatchOptions): Promise<RolloutOutcome> {
  const { client, namespace, name } = options;
  return new Promise<RolloutOutcome>((resolve) => {
    let finished = false;
    let evaluating = false;
    let again = false;
    let lastProgress = '';
    let firstReadyReported = false;
    let newReplicaSet: ReplicaSet | undefined;
    let replicaSetRevision = -1;
    const tracker = new FailFastTracker(options.failFast);
    const deadline = Date.now() + options.timeoutMs;

    const deploymentWatch: ResourceWatch<Deployment> = new ResourceWatch<Deployment>(client, {
      path: `/apis/apps/v1/namespaces/${namespace}/deployments`,
      query: { fieldSelector: `metadata.name=${name}` },
      list: (query) => client.listDeployments(namespace, query),
      onChange: () => schedule(),
      onFatal: (message) => fail({ reason: 'WatchFailed', message }),
      log: options.log,
      description: `deployment ${name}`,
    });
    let podWatch: ResourceWatch<Pod> | undefined;

    const stats = (): WatchStats => sumStats(deploymentWatch.stats, podWatch?.stats ?? { drops: 0, relists: 0 });

    const finish = (outcome: RolloutOutcome): void => {
      if (finished) return;
      finished = true;
      clearInterval(ticker);
      options.signal?.removeEventListener('abort', onAbort);
      deploymentWatch.stop();
      podWatch?.stop();
      resolve(outcome);
    };
    const currentDeployment = (): Deployment | undefined => deploymentWatch.objects.get(name);
    const fail = (failure: FailureDetails): void =>
      finish({ result: 'failed', failure, deployment: currentDeployment(), newReplicaSet, stats: stats() });
    const onAbort = (): void => finish({ result: 'aborted', deployment: currentDeployment(), stats: stats() });

    const ticker = setInterval(() => schedule(), options.tickMs ?? 1000);
    ticker.unref();
    if (options.signal?.aborted) {
      onAbort();
      return;
    }
    options.signal?.addEventListener('abort', onAbort);

    function schedule(): void {
      if (finished) return;
      if (evaluating) {
        again = true;
        return;
      }
      evaluating = true;
      evaluate()
        .catch((error: unknown) => fail({ reason: 'ApiError', message: `reading the rollout's state failed: ${describeKubeError(error)}` }))
        .finally(() => {
          evaluating = false;
          if (again && !finished) {
            again = false;
            schedule();
          }
        });
    }

    async function findNewReplicaSet(deployment: Deployment): Promise<ReplicaSet | undefined> {
      const revision = revisionOf(deployment);
      if (revision === replicaSetRevision && newReplicaSet) return newReplicaSet;
      const list = await client.listReplicaSets(namespace, { labelSelector: selectorString(deployment.spec.selector) });
      const found = list.items.find((rs) => ownedBy(rs, deployment.metadata.uid) && revisionOf(rs) === revision);
      if (found) {
        newReplicaSet = found;
        replicaSetRevision = revision;
      }
      return found;
    }

    async function evaluate(): Promise<void> {
      const deployment = currentDeployment();
      if (!deployment) {
        if (deploymentWatch.objects.size === 0 && podWatch) fail({ reason: 'Deleted', message: `deployment ${name} was deleted during the rollout` });
        return;
      }
      const state = rolloutState(deployment);
      const observed = (deployment.status?.observedGeneration ?? 0) >= (deployment.metadata.generation ?? 0);
      const rs = observed ? await findNewReplicaSet(deployment) : undefined;
      const hash = rs?.metadata.labels?.[POD_TEMPLATE_HASH_LABEL];
      const newPods = hash && podWatch
        ? [...podWatch.objects.values()].filter((pod) => pod.metadata.labels?.[POD_TEMPLATE_HASH_LABEL] === hash && ownedBy(pod, rs?.metadata.uid))
        : [];
      if (finished) return;

      const podFailure = tracker.check(newPods, Date.now());
      if (podFailure) {
        const logs = await failureLogs(client, namespace, podFailure, options.logLines);
        fail({ reason: podFailure.reason, message: podFailure.message, pod: podFailure.pod, container: podFailure.container, logs });
        return;
      }

      if (!firstReadyReported) {
        const ready = newPods.find((pod) => (pod.status?.conditions ?? []).some((c) => c.type === 'Ready' && c.status === 'True'));
        if (ready) {
          firstReadyReported = true;
          options.onFirstPodReady?.(ready.metadata.name);
        }
      }

      const pods = newPods
        .slice()
        .sort((a, b) => a.metadata.name.localeCompare(b.metadata.name))
        .map((pod) => `${pod.metadata.name} ${podStateText(pod)}`);
      const progress = `${progressLine(deployment)}${state.phase === 'waiting' ? ` (${state.message})` : ''}` +
        (pods.length > 0 ? `; new pods: ${pods.join(', ')}` : '');
      if (progress !== lastProgress) {
        lastProgress = progress;
        options.log(progress);
      }

      if (state.phase === 'deadline-exceeded') {
        fail({ reason: 'ProgressDeadlineExceeded', message: state.message });
        return;
      }
      if (state.phase === 'complete') {
        finish({ result: 'complete', deployment, newReplicaSet: rs, stats: stats() });
        return;
      }
      if (Date.now() >= deadline) {
        fail({
          reason: 'Timeout',
          message: `not rolled out after ${Math.round(options.timeoutMs / 1000)} s: ${state.message}`,
        });
      }
    }

    (async () => {
      await deploymentWatch.start();
      const deployment = currentDeployment();
      if (!deployment) {
        fail({ reason: 'NotFound', message: `deployment ${name} does not exist in namespace ${namespace}` });
        return;
      }
      podWatch = new ResourceWatch<Pod>(client, {
        path: `/api/v1/namespaces/${namespace}/pods`,
        query: { labelSelector: selectorString(deployment.spec.selector) },
        list: (query) => client.listPods(namespace, query),
        onChange: () => schedule(),
        onFatal: (message) => fail({ reason: 'WatchFailed', message }),
        log: options.log,
        description: `pods of ${name}`,
      });
      if (finished) return;
      await podWatch.start();
      if (finished) podWatch.stop();
    })().catch((error: unknown) => {
      // Without a watch the rollout cannot be followed: a failure like any other, so what was
      // changed is rolled back rather than left unwatched.
      fail({ reason: 'WatchFailed', message: `cannot watch the rollout: ${describeKubeError(error)}` });
    });
  });
}

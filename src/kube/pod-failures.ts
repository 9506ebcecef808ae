import { conditionOf, type ContainerStatus, type Pod } from './types.js';

/**
 * Fail-fast rules for the pods of a rollout's new ReplicaSet: states that will not recover
 * without a new image or configuration, which `kubectl rollout status` would only report
 * when the progress deadline (600 s by default) runs out.
 */

export interface FailFastOptions {
  /** A crash-looping container fails the rollout once it has restarted this many times. */
  maxRestarts: number;
  /** How long a pod may stay unschedulable before the rollout fails (milliseconds). */
  unschedulableGraceMs: number;
}

export interface PodFailure {
  pod: string;
  container?: string;
  /** CrashLoopBackOff, OOMKilled, ImagePullBackOff, ErrImagePull, CreateContainerConfigError, Unschedulable... */
  reason: string;
  message: string;
  restarts?: number;
  /** The container's logs worth reading are those of the instance that ended (`--previous`). */
  previousLogs: boolean;
}

// Status codes only as whole words: pull messages quote image digests, whose hex may hold "403".
const IMAGE_PULL_FATAL = /not found|manifest unknown|NotFound|denied|unauthorized|forbidden|\b40[13]\b/i;
const ALWAYS_FATAL_WAITING = new Set([
  'CreateContainerConfigError',
  'CreateContainerError',
  'InvalidImageName',
  'ErrImageNeverPull',
  'ImageInspectError',
]);

function lastExit(status: ContainerStatus): { reason?: string; exitCode?: number } | undefined {
  return status.state?.terminated ?? status.lastState?.terminated;
}

function describeExit(exit: { reason?: string; exitCode?: number } | undefined): string {
  if (!exit) return '';
  const parts = [exit.exitCode !== undefined ? `exit code ${exit.exitCode}` : '', exit.reason ?? ''].filter(Boolean);
  return parts.length > 0 ? ` (last exit: ${parts.join(', ')})` : '';
}

/** The failure of one container, if it is in a state that will not recover. */
export function containerFailure(podName: string, status: ContainerStatus, options: FailFastOptions): PodFailure | undefined {
  const waiting = status.state?.waiting;
  const restarts = status.restartCount ?? 0;
  const base = { pod: podName, container: status.name, restarts };
  if (waiting?.reason && ALWAYS_FATAL_WAITING.has(waiting.reason)) {
    return { ...base, reason: waiting.reason, message: waiting.message ?? waiting.reason, previousLogs: false };
  }
  if (waiting?.reason === 'ImagePullBackOff') {
    return { ...base, reason: 'ImagePullBackOff', message: waiting.message ?? 'the image could not be pulled', previousLogs: false };
  }
  if (waiting?.reason === 'ErrImagePull' && IMAGE_PULL_FATAL.test(waiting.message ?? '')) {
    return { ...base, reason: 'ErrImagePull', message: waiting.message ?? 'the image could not be pulled', previousLogs: false };
  }
  // Crash-looping: the container is down again (crashed, or backing off before its next
  // start) after it has been restarted `maxRestarts` times. A running container is given its chance.
  const exit = lastExit(status);
  const down = waiting?.reason === 'CrashLoopBackOff' || status.state?.terminated !== undefined;
  const crashed = exit !== undefined && (exit.exitCode !== 0 || exit.reason === 'OOMKilled');
  if (down && crashed && restarts >= options.maxRestarts) {
    const reason = exit.reason === 'OOMKilled' ? 'OOMKilled' : 'CrashLoopBackOff';
    const message =
      `container ${status.name} crashed after ${restarts} restart${restarts === 1 ? '' : 's'}${describeExit(exit)}` +
      (waiting?.message ? `; ${waiting.message}` : '');
    return { ...base, reason, message, previousLogs: status.state?.terminated === undefined };
  }
  return undefined;
}

/**
 * Watches the new pods for fatal states. Unschedulable pods are tolerated for a grace period,
 * counted from when this tracker first saw them unschedulable (the cluster may be scaling up).
 */
export class FailFastTracker {
  private readonly unschedulableSince = new Map<string, number>();

  constructor(private readonly options: FailFastOptions) {}

  check(pods: readonly Pod[], now: number): PodFailure | undefined {
    const seen = new Set<string>();
    for (const pod of pods) {
      if (pod.metadata.deletionTimestamp) continue;
      const name = pod.metadata.name;
      for (const status of [...(pod.status?.initContainerStatuses ?? []), ...(pod.status?.containerStatuses ?? [])]) {
        const failure = containerFailure(name, status, this.options);
        if (failure) return failure;
      }
      const scheduled = conditionOf(pod.status?.conditions, 'PodScheduled');
      if (scheduled?.status === 'False' && scheduled.reason === 'Unschedulable') {
        seen.add(name);
        const since = this.unschedulableSince.get(name) ?? now;
        this.unschedulableSince.set(name, since);
        if (now - since >= this.options.unschedulableGraceMs) {
          return {
            pod: name,
            reason: 'Unschedulable',
            message: `unschedulable for ${Math.round((now - since) / 1000)} s: ${scheduled.message ?? 'no node fits the pod'}`,
            previousLogs: false,
          };
        }
      }
    }
    for (const name of [...this.unschedulableSince.keys()]) if (!seen.has(name)) this.unschedulableSince.delete(name);
    return undefined;
  }

  /** When the earliest unschedulable pod will have used up its grace (for a timer), or undefined. */
  nextDeadline(): number | undefined {
    const starts = [...this.unschedulableSince.values()];
    return starts.length > 0 ? Math.min(...starts) + this.options.unschedulableGraceMs : undefined;
  }
}

/** A short description of a pod's state, as `kubectl get pods` would show it. */
export function podStateText(pod: Pod): string {
  if (pod.metadata.deletionTimestamp) return 'Terminating';
  const statuses = pod.status?.containerStatuses ?? [];
  const scheduled = conditionOf(pod.status?.conditions, 'PodScheduled');
  if (scheduled?.status === 'False') return `Pending (${scheduled.reason ?? 'not scheduled'})`;
  const restarts = statuses.reduce((sum, s) => sum + (s.restartCount ?? 0), 0);
  const suffix = restarts > 0 ? `, ${restarts} restart${restarts === 1 ? '' : 's'}` : '';
  for (const status of statuses) {
    const waiting = status.state?.waiting?.reason;
    if (waiting) return `${waiting}${suffix}`;
    const terminated = status.state?.terminated?.reason;
    if (terminated) return `${terminated}${suffix}`;
  }
  if (statuses.length > 0 && statuses.every((s) => s.ready)) return `Running, ready${suffix}`;
  if (pod.status?.phase === 'Running') return `Running, not ready${suffix}`;
  return pod.status?.phase === 'Pending' || !pod.status?.phase ? 'ContainerCreating' : pod.status.phase;
}

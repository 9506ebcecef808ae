import { conditionOf, type Deployment } from './types.js';

/**
 * Where a Deployment's rollout stands, by the rules `kubectl rollout status` applies:
 * the controller has seen the latest spec (observedGeneration >= generation), every replica is
 * updated, no old replica is left and every updated replica is available; a Progressing
 * condition with reason ProgressDeadlineExceeded is a failure.
 */
export type RolloutState =
  | { phase: 'waiting'; message: string }
  | { phase: 'complete'; message: string }
  | { phase: 'deadline-exceeded'; message: string };

export const PROGRESS_DEADLINE_EXCEEDED = 'ProgressDeadlineExceeded';

export function rolloutState(deployment: Deployment): RolloutState {
  const name = deployment.metadata.name;
  const status = deployment.status ?? {};
  const generation = deployment.metadata.generation ?? 0;
  if ((status.observedGeneration ?? 0) < generation) {
    return { phase: 'waiting', message: 'waiting for the deployment controller to observe the new spec' };
  }
  const progressing = conditionOf(status.conditions, 'Progressing');
  if (progressing?.reason === PROGRESS_DEADLINE_EXCEEDED) {
    return {
      phase: 'deadline-exceeded',
      message: `deployment "${name}" exceeded its progress deadline${progressing.message ? ` (${progressing.message})` : ''}`,
    };
  }
  const desired = deployment.spec.replicas ?? 1;
  const updated = status.updatedReplicas ?? 0;
  const replicas = status.replicas ?? 0;
  const available = status.availableReplicas ?? 0;
  if (updated < desired) {
    return { phase: 'waiting', message: `${updated} of ${desired} new replicas updated` };
  }
  if (replicas > updated) {
    return { phase: 'waiting', message: `${replicas - updated} old replicas pending termination` };
  }
  if (available < updated) {
    return { phase: 'waiting', message: `${available} of ${updated} updated replicas available` };
  }
  return { phase: 'complete', message: `deployment "${name}" successfully rolled out` };
}

/** One line of progress: updated/ready/available of desired. */
export function progressLine(deployment: Deployment): string {
  const status = deployment.status ?? {};
  const desired = deployment.spec.replicas ?? 1;
  return (
    `${status.updatedReplicas ?? 0}/${desired} updated, ${status.readyReplicas ?? 0}/${desired} ready, ` +
    `${status.availableReplicas ?? 0}/${desired} available` +
    ((status.replicas ?? 0) > (status.updatedReplicas ?? 0) ? `, ${(status.replicas ?? 0) - (status.updatedReplicas ?? 0)} old` : '')
  );
}

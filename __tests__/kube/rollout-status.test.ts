import { progressLine, rolloutState } from '../../src/kube/rollout-status.js';
import type { Deployment } from '../../src/kube/types.js';

function deployment(status: Deployment['status'], generation = 2, replicas = 3): Deployment {
  return {
    metadata: { name: 'web', generation },
    spec: { replicas, selector: { matchLabels: { app: 'web' } }, template: { spec: { containers: [{ name: 'app', image: 'web:2' }] } } },
    status,
  };
}

describe("rolloutState: kubectl rollout status's rules", () => {
  it.each([
    ['the controller has not seen the new spec', { observedGeneration: 1, replicas: 3, updatedReplicas: 3, availableReplicas: 3 }, 'waiting', 'waiting for the deployment controller to observe the new spec'],
    ['not every replica is updated', { observedGeneration: 2, replicas: 4, updatedReplicas: 1, availableReplicas: 3 }, 'waiting', '1 of 3 new replicas updated'],
    ['old replicas are left', { observedGeneration: 2, replicas: 4, updatedReplicas: 3, availableReplicas: 3 }, 'waiting', '1 old replicas pending termination'],
    ['an updated replica is not available', { observedGeneration: 2, replicas: 3, updatedReplicas: 3, availableReplicas: 2 }, 'waiting', '2 of 3 updated replicas available'],
    ['everything is updated and available', { observedGeneration: 2, replicas: 3, updatedReplicas: 3, availableReplicas: 3 }, 'complete', 'deployment "web" successfully rolled out'],
  ])('%s', (_what, status, phase, message) => {
    expect(rolloutState(deployment(status))).toEqual({ phase, message });
  });

  it('reports ProgressDeadlineExceeded only once the controller has observed the spec', () => {
    const conditions = [{ type: 'Progressing', status: 'False', reason: 'ProgressDeadlineExceeded', message: 'ReplicaSet "web-1" has timed out progressing.' }];
    expect(rolloutState(deployment({ observedGeneration: 2, replicas: 4, updatedReplicas: 1, conditions }))).toEqual({
      phase: 'deadline-exceeded',
      message: 'deployment "web" exceeded its progress deadline (ReplicaSet "web-1" has timed out progressing.)',
    });
    expect(rolloutState(deployment({ observedGeneration: 1, conditions })).phase).toBe('waiting');
  });

  it('counts a Deployment without replicas as one, as the API defaults it', () => {
    const d = deployment({ observedGeneration: 2, replicas: 1, updatedReplicas: 1, availableReplicas: 1 });
    delete d.spec.replicas;
    expect(rolloutState(d).phase).toBe('complete');
  });

  it('writes progress as updated/ready/available of desired', () => {
    expect(progressLine(deployment({ observedGeneration: 2, replicas: 4, updatedReplicas: 2, readyReplicas: 3, availableReplicas: 3 }))).toBe(
      '2/3 updated, 3/3 ready, 3/3 available, 2 old',
    );
  });
});

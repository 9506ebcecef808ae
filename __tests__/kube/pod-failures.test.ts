import { containerFailure, FailFastTracker, podStateText } from '../../src/kube/pod-failures.js';
import type { ContainerStatus, Pod } from '../../src/kube/types.js';

const OPTIONS = { maxRestarts: 1, unschedulableGraceMs: 60_000 };

function status(partial: Partial<ContainerStatus>): ContainerStatus {
  return { name: 'app', restartCount: 0, ...partial };
}

function pod(name: string, containerStatuses: ContainerStatus[], conditions: Pod['status'] = {}): Pod {
  return { metadata: { name }, status: { phase: 'Pending', containerStatuses, ...conditions } };
}

describe('containerFailure: states that will not recover', () => {
  it('gives a crashed container its restarts, then fails it when it is down again', () => {
    const crashed = { terminated: { exitCode: 1, reason: 'Error' } };
    // First crash: the kubelet restarts it; not yet a failure with max-restarts 1.
    expect(containerFailure('p', status({ state: crashed }), OPTIONS)).toBeUndefined();
    // Restarted and running again: it gets its chance.
    expect(containerFailure('p', status({ restartCount: 1, state: { running: {} }, lastState: crashed }), OPTIONS)).toBeUndefined();
    // Down again after one restart.
    expect(
      containerFailure('p', status({ restartCount: 1, state: { waiting: { reason: 'CrashLoopBackOff', message: 'back-off 10s restarting failed container' } }, lastState: crashed }), OPTIONS),
    ).toEqual({
      pod: 'p',
      container: 'app',
      restarts: 1,
      reason: 'CrashLoopBackOff',
      message: 'container app crashed after 1 restart (last exit: exit code 1, Error); back-off 10s restarting failed container',
      previousLogs: true,
    });
    // max-restarts 0: the first crash fails, and its logs are the current instance's.
    expect(containerFailure('p', status({ state: crashed }), { ...OPTIONS, maxRestarts: 0 })).toMatchObject({ reason: 'CrashLoopBackOff', previousLogs: false });
  });

  it('calls an OOM loop OOMKilled', () => {
    const failure = containerFailure(
      'p',
      status({ restartCount: 2, state: { waiting: { reason: 'CrashLoopBackOff' } }, lastState: { terminated: { exitCode: 137, reason: 'OOMKilled' } } }),
      OPTIONS,
    );
    expect(failure).toMatchObject({ reason: 'OOMKilled', message: 'container app crashed after 2 restarts (last exit: exit code 137, OOMKilled)' });
  });

  it('does not count a container that exited 0', () => {
    expect(containerFailure('p', status({ restartCount: 3, state: { waiting: { reason: 'CrashLoopBackOff' } }, lastState: { terminated: { exitCode: 0, reason: 'Completed' } } }), OPTIONS)).toBeUndefined();
  });

  it('fails an image that does not exist, and waits for the back-off of a pull error that may be transient', () => {
    expect(containerFailure('p', status({ state: { waiting: { reason: 'ErrImagePull', message: 'rpc error: code = NotFound desc = failed to resolve reference: not found' } } }), OPTIONS)).toMatchObject({
      reason: 'ErrImagePull',
    });
    expect(containerFailure('p', status({ state: { waiting: { reason: 'ErrImagePull', message: 'dial tcp: i/o timeout' } } }), OPTIONS)).toBeUndefined();
    const digest = 'registry.example/app@sha256:4030a2c401d5e6f7a8b9c0d1e2f3a4b5c6d7e8f9a0b1c2d3e4f5a6b7c8d9e0f1';
    expect(containerFailure('p', status({ state: { waiting: { reason: 'ErrImagePull', message: `failed to pull "${digest}": dial tcp: i/o timeout` } } }), OPTIONS)).toBeUndefined();
    expect(containerFailure('p', status({ state: { waiting: { reason: 'ErrImagePull', message: `failed to pull "${digest}": unexpected status code 403 Forbidden` } } }), OPTIONS)).toMatchObject({ reason: 'ErrImagePull' });
    expect(containerFailure('p', status({ state: { waiting: { reason: 'ImagePullBackOff', message: 'Back-off pulling image "x"' } } }), OPTIONS)).toMatchObject({
      reason: 'ImagePullBackOff',
      message: 'Back-off pulling image "x"',
    });
  });

  it.each(['CreateContainerConfigError', 'InvalidImageName', 'CreateContainerError'])('fails %s at once', (reason) => {
    expect(containerFailure('p', status({ state: { waiting: { reason, message: 'why' } } }), OPTIONS)).toMatchObject({ reason, message: 'why' });
  });

  it('lets containers that are starting be', () => {
    for (const state of [{ waiting: { reason: 'ContainerCreating' } }, { running: {} }, { waiting: { reason: 'PodInitializing' } }]) {
      expect(containerFailure('p', status({ state }), OPTIONS)).toBeUndefined();
    }
  });
});

describe('FailFastTracker', () => {
  const unschedulable = { conditions: [{ type: 'PodScheduled', status: 'False', reason: 'Unschedulable', message: '0/3 nodes are available' }] };

  it('allows an unschedulable pod its grace period, counted from when it was first seen', () => {
    const tracker = new FailFastTracker(OPTIONS);
    const pending = pod('p-1', [], unschedulable);
    expect(tracker.check([pending], 1_000)).toBeUndefined();
    expect(tracker.nextDeadline()).toBe(61_000);
    expect(tracker.check([pending], 60_999)).toBeUndefined();
    expect(tracker.check([pending], 61_000)).toEqual({
      pod: 'p-1',
      reason: 'Unschedulable',
      message: 'unschedulable for 60 s: 0/3 nodes are available',
      previousLogs: false,
    });
  });

  it('starts the grace period again for a pod that was scheduled meanwhile, and ignores pods being deleted', () => {
    const tracker = new FailFastTracker(OPTIONS);
    tracker.check([pod('p-1', [], unschedulable)], 0);
    tracker.check([], 30_000);
    expect(tracker.check([pod('p-1', [], unschedulable)], 70_000)).toBeUndefined();
    const deleting = pod('p-2', [status({ state: { waiting: { reason: 'ImagePullBackOff' } } })]);
    deleting.metadata.deletionTimestamp = '2025-01-01T00:00:00Z';
    expect(tracker.check([deleting], 0)).toBeUndefined();
  });

  it('checks init containers too', () => {
    const tracker = new FailFastTracker(OPTIONS);
    const p = pod('p-1', []);
    p.status!.initContainerStatuses = [status({ name: 'migrate', state: { waiting: { reason: 'CreateContainerConfigError', message: 'secret "db" not found' } } })];
    expect(tracker.check([p], 0)).toMatchObject({ container: 'migrate', reason: 'CreateContainerConfigError' });
  });
});

describe('podStateText', () => {
  it('reads like kubectl get pods', () => {
    expect(podStateText(pod('a', [status({ ready: true, state: { running: {} } })], { phase: 'Running' }))).toBe('Running, ready');
    expect(podStateText(pod('a', [status({ restartCount: 2, state: { waiting: { reason: 'CrashLoopBackOff' } } })]))).toBe('CrashLoopBackOff, 2 restarts');
    expect(podStateText(pod('a', [], { conditions: [{ type: 'PodScheduled', status: 'False', reason: 'Unschedulable' }] }))).toBe('Pending (Unschedulable)');
    expect(podStateText(pod('a', []))).toBe('ContainerCreating');
  });
});

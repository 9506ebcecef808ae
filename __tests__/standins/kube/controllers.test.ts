/**
 * The simulated control plane, driven in-process: the deployment controller's rules, the
 * ReplicaSet controller and the pod behaviours. Waits are on simulated time or on state,
 * never on wall-clock durations.
 */
import { parseTime } from '../../../standins/kube/clock.js';
import { startKubeSim, type KubeObject, type KubeSim } from '../../../standins/kube/index.js';
import { condition, deploymentManifest, podsOf, rolloutComplete, setImage } from './helpers.js';

let sim: KubeSim;

beforeEach(async () => {
  sim = await startKubeSim({ timeScale: 20 });
});

afterEach(async () => {
  await sim.close();
  expect(sim.errors).toEqual([]);
});

function replicaSets(name: string): KubeObject[] {
  return sim
    .list('replicasets', 'default')
    .filter((rs) => rs.metadata.ownerReferences?.[0]?.name === name)
    .sort((a, b) => Number(a.metadata.annotations?.['deployment.kubernetes.io/revision']) - Number(b.metadata.annotations?.['deployment.kubernetes.io/revision']));
}

async function complete(name: string): Promise<KubeObject> {
  return sim.waitFor(() => {
    const d = sim.get('deployments', 'default', name);
    return rolloutComplete(d) && condition(d, 'Progressing')?.reason === 'NewReplicaSetAvailable' ? d : undefined;
  }, { description: `deployment ${name} to finish its rollout` });
}

/** Records the extremes of a rollout from every change the store sees. */
function watchRollout(name: string): { maxPods: number; minAvailable: number; stop: () => void } {
  const stats = { maxPods: 0, minAvailable: Number.POSITIVE_INFINITY, stop: () => undefined as void };
  const unsubscribe = sim.store.subscribe(() => {
    const rss = replicaSets(name);
    const pods = rss.reduce((n, rs) => n + (rs.spec.replicas ?? 0), 0);
    const available = rss.reduce((n, rs) => n + (rs.status?.availableReplicas ?? 0), 0);
    stats.maxPods = Math.max(stats.maxPods, pods);
    stats.minAvailable = Math.min(stats.minAvailable, available);
  });
  stats.stop = () => unsubscribe();
  return stats;
}

describe('deployment controller', () => {
  it('rolls out within maxSurge and maxUnavailable', async () => {
    sim.put(deploymentManifest('web', 'web:1', { replicas: 4, strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 1, maxUnavailable: 1 } } }));
    await complete('web');
    const stats = watchRollout('web');
    setImage(sim, 'web', 'web:2');
    const done = await complete('web');
    stats.stop();
    expect(stats.maxPods).toBe(5);
    expect(stats.minAvailable).toBe(3);
    expect(done.status).toMatchObject({ replicas: 4, updatedReplicas: 4, readyReplicas: 4, availableReplicas: 4 });
    expect(done.status.unavailableReplicas).toBeUndefined();
    const rss = replicaSets('web');
    expect(rss.map((rs) => rs.spec.replicas)).toEqual([0, 4]);
  });

  it('rounds 25% of 3 replicas to one surge pod and no unavailable one', async () => {
    sim.put(deploymentManifest('web', 'web:1'));
    await complete('web');
    const stats = watchRollout('web');
    setImage(sim, 'web', 'web:2');
    await complete('web');
    stats.stop();
    expect(stats.maxPods).toBe(4);
    expect(stats.minAvailable).toBe(3);
  });

  it('Recreate stops every old pod before starting new ones', async () => {
    sim.put(deploymentManifest('web', 'web:1', { strategy: { type: 'Recreate' } }));
    await complete('web');
    const oldHash = podsOf(sim, 'web')[0]!.metadata.labels['pod-template-hash'];
    let overlap = false;
    const unsubscribe = sim.store.subscribe(() => {
      const pods = podsOf(sim, 'web');
      const hashes = new Set(pods.map((p) => p.metadata.labels['pod-template-hash']));
      if (hashes.size > 1 && hashes.has(oldHash)) overlap = true;
    });
    setImage(sim, 'web', 'web:2');
    await complete('web');
    unsubscribe();
    expect(overlap).toBe(false);
    expect(podsOf(sim, 'web').every((p) => p.spec.containers[0].image === 'web:2')).toBe(true);
  });

  it('names ReplicaSets by pod-template-hash and numbers revisions; going back reuses the old ReplicaSet', async () => {
    sim.put(deploymentManifest('web', 'web:1'));
    await complete('web');
    const first = replicaSets('web')[0]!;
    expect(first.metadata.name).toBe(`web-${first.metadata.labels['pod-template-hash']}`);
    expect(first.spec.selector.matchLabels['pod-template-hash']).toBe(first.metadata.labels['pod-template-hash']);
    expect(first.metadata.annotations['deployment.kubernetes.io/revision']).toBe('1');

    const d = sim.get('deployments', 'default', 'web')!;
    d.metadata.annotations = { ...d.metadata.annotations, 'kubernetes.io/change-cause': 'release 2' };
    d.spec.template.spec.containers[0].image = 'web:2';
    sim.put(d);
    await complete('web');
    expect(replicaSets('web').map((rs) => rs.metadata.annotations['kubernetes.io/change-cause'])).toEqual([undefined, 'release 2']);

    setImage(sim, 'web', 'web:1');
    const back = await complete('web');
    const rss = replicaSets('web');
    expect(rss).toHaveLength(2);
    const reused = rss.find((rs) => rs.metadata.uid === first.metadata.uid)!;
    expect(reused.metadata.annotations['deployment.kubernetes.io/revision']).toBe('3');
    expect(reused.metadata.annotations['deployment.kubernetes.io/revision-history']).toBe('1');
    expect(back.metadata.annotations['deployment.kubernetes.io/revision']).toBe('3');
    expect(reused.spec.replicas).toBe(3);
  });

  it('bumps generation on spec changes only, and observedGeneration follows', async () => {
    sim.put(deploymentManifest('web', 'web:1'));
    const created = await complete('web');
    expect(created.metadata.generation).toBe(1);
    expect(created.status.observedGeneration).toBe(1);
    const labelled = sim.api.mutate('deployments.apps', 'default', 'web', (o) => {
      o.metadata.labels.tier = 'frontend';
    }, { manager: 'test' })!;
    expect(labelled.metadata.generation).toBe(1);
    const scaled = sim.api.mutate('deployments.apps', 'default', 'web', (o) => {
      o.spec.replicas = 2;
    }, { manager: 'test' })!;
    expect(scaled.metadata.generation).toBe(2);
    const observed = await sim.waitFor(() => {
      const d = sim.get('deployments', 'default', 'web');
      return d?.status?.observedGeneration === 2 && rolloutComplete(d) ? d : undefined;
    });
    // A scale is not a rollout: no new ReplicaSet, no new revision.
    expect(replicaSets('web')).toHaveLength(1);
    expect(observed.metadata.annotations['deployment.kubernetes.io/revision']).toBe('1');
  });

  it('reports ProgressDeadlineExceeded once progressDeadlineSeconds pass without progress', async () => {
    sim.put(deploymentManifest('web', 'web:1', { progressDeadlineSeconds: 120 }));
    await complete('web');
    setImage(sim, 'web', 'web:2-crashloop');
    await sim.waitFor(() => podsOf(sim, 'web').find((p) => p.status?.containerStatuses?.[0]?.state?.waiting?.reason === 'CrashLoopBackOff'));
    const progressing = condition(sim.get('deployments', 'default', 'web'), 'Progressing')!;
    expect(progressing.reason).toBe('ReplicaSetUpdated');
    const lastProgress = parseTime(progressing.lastUpdateTime)!;

    sim.clock.advance(lastProgress + 60_000 - sim.clock.now());
    await new Promise((r) => setTimeout(r, 100));
    expect(condition(sim.get('deployments', 'default', 'web'), 'Progressing')!.status).toBe('True');

    sim.clock.advance(65_000);
    const timedOut = await sim.waitFor(() => {
      const c = condition(sim.get('deployments', 'default', 'web'), 'Progressing');
      return c?.reason === 'ProgressDeadlineExceeded' ? c : undefined;
    });
    const newRS = replicaSets('web')[1]!;
    expect(timedOut).toMatchObject({ status: 'False', message: `ReplicaSet "${newRS.metadata.name}" has timed out progressing.` });
    expect(parseTime(timedOut.lastUpdateTime)! - lastProgress).toBeGreaterThanOrEqual(120_000);
    // The old pods keep serving: the deployment stays available.
    expect(condition(sim.get('deployments', 'default', 'web'), 'Available')!.status).toBe('True');
  });

  it('keeps revisionHistoryLimit old ReplicaSets', async () => {
    sim.put(deploymentManifest('web', 'web:1', { revisionHistoryLimit: 1, replicas: 1 }));
    await complete('web');
    for (const version of ['2', '3', '4']) {
      setImage(sim, 'web', `web:${version}`);
      await complete('web');
    }
    await sim.waitFor(() => replicaSets('web').length === 2);
    expect(replicaSets('web').map((rs) => rs.spec.template.spec.containers[0].image)).toEqual(['web:3', 'web:4']);
  });

  it('does not roll out a paused deployment until it is resumed', async () => {
    sim.put(deploymentManifest('web', 'web:1', { replicas: 2 }));
    await complete('web');
    sim.api.mutate('deployments.apps', 'default', 'web', (o) => {
      o.spec.paused = true;
      o.spec.template.spec.containers[0].image = 'web:2';
    }, { manager: 'test' });
    const paused = await sim.waitFor(() => {
      const d = sim.get('deployments', 'default', 'web');
      return condition(d, 'Progressing')?.reason === 'DeploymentPaused' ? d : undefined;
    });
    expect(paused.status.observedGeneration).toBe(paused.metadata.generation);
    expect(replicaSets('web')).toHaveLength(1);
    sim.api.mutate('deployments.apps', 'default', 'web', (o) => {
      o.spec.paused = false;
    }, { manager: 'test' });
    await complete('web');
    expect(replicaSets('web')).toHaveLength(2);
  });

  it('counts a pod available only after minReadySeconds', async () => {
    sim.put(deploymentManifest('web', 'web:1', { replicas: 1, minReadySeconds: 30 }));
    const ready = await sim.waitFor(() => {
      const d = sim.get('deployments', 'default', 'web');
      return d?.status?.readyReplicas === 1 ? d : undefined;
    });
    expect(ready.status.availableReplicas).toBeUndefined();
    expect(condition(ready, 'Available')!.status).toBe('False');
    sim.clock.advance(31_000);
    await complete('web');
  });

  it('orphans on request, and a new deployment with the same selector adopts the orphans', async () => {
    sim.put(deploymentManifest('web', 'web:1', { replicas: 2 }));
    await complete('web');
    const rs = replicaSets('web')[0]!;
    const pods = podsOf(sim, 'web').map((p) => p.metadata.uid).sort();
    sim.api.delete('deployments.apps', 'default', 'web', { propagationPolicy: 'Orphan' });
    await sim.waitFor(() => !sim.get('deployments', 'default', 'web'));
    expect(sim.get('replicasets', 'default', rs.metadata.name)!.metadata.ownerReferences).toBeUndefined();
    const recreated = sim.put(deploymentManifest('web', 'web:1', { replicas: 2 }));
    await complete('web');
    const adopted = sim.get('replicasets', 'default', rs.metadata.name)!;
    expect(adopted.metadata.ownerReferences[0]).toMatchObject({ kind: 'Deployment', uid: recreated.metadata.uid, controller: true });
    expect(replicaSets('web')).toHaveLength(1);
    expect(podsOf(sim, 'web').map((p) => p.metadata.uid).sort()).toEqual(pods);
  });

  it('deletes ReplicaSets and pods with their deployment', async () => {
    sim.put(deploymentManifest('web', 'web:1', { replicas: 2 }));
    await complete('web');
    sim.api.delete('deployments.apps', 'default', 'web');
    await sim.waitFor(() => replicaSets('web').length === 0 && podsOf(sim, 'web').length === 0, {
      description: 'the garbage collector to remove the ReplicaSet and its pods',
    });
  });
});

describe('pod behaviours by image', () => {
  function onlyPod(app: string): KubeObject | undefined {
    return podsOf(sim, app)[0];
  }

  function containerStatus(app: string): Record<string, any> | undefined {
    return onlyPod(app)?.status?.containerStatuses?.[0];
  }

  it('an ordinary image is ready about a second after the pod is created', async () => {
    // At scale 1, the wall-clock cost of handling events adds little simulated time.
    await sim.close();
    sim = await startKubeSim({ timeScale: 1 });
    sim.put(deploymentManifest('ok', 'ok:1', { replicas: 1 }));
    const pod = await sim.waitFor(() => {
      const p = onlyPod('ok');
      return condition(p, 'Ready')?.status === 'True' ? p : undefined;
    });
    const readyAt = parseTime(condition(pod, 'Ready')!.lastTransitionTime)!;
    const createdAt = parseTime(pod.metadata.creationTimestamp)!;
    expect(readyAt - createdAt).toBeLessThanOrEqual(2_000);
    expect(pod.status.phase).toBe('Running');
    expect(pod.status.containerStatuses[0]).toMatchObject({ ready: true, started: true, restartCount: 0 });
    expect(pod.status.containerStatuses[0].state.running.startedAt).toBeDefined();
    expect(pod.status.podIP).toMatch(/^10\.244\./);
    expect(pod.spec.nodeName).toMatch(/^kube-sim-node-/);
  });

  it('-crashloop exits 1 and restarts with a growing back-off', async () => {
    sim.put(deploymentManifest('crash', 'crash:1-crashloop', { replicas: 1 }));
    const status = await sim.waitFor(() => {
      const s = containerStatus('crash');
      return s?.state?.waiting?.reason === 'CrashLoopBackOff' ? s : undefined;
    });
    expect(status.restartCount).toBeGreaterThanOrEqual(1);
    expect(status.lastState.terminated).toMatchObject({ exitCode: 1, reason: 'Error' });
    expect(status.state.waiting.message).toMatch(/^back-off \d+s restarting failed container=app pod=crash-\S+_default\(/);
    expect(onlyPod('crash')!.status.phase).toBe('Running');
    sim.clock.advance(11_000);
    await sim.waitFor(() => (containerStatus('crash')?.restartCount ?? 0) >= status.restartCount + 1);
    const events = sim.list('events', 'default').filter((e) => e.involvedObject.name === onlyPod('crash')!.metadata.name);
    expect(events.some((e) => e.reason === 'BackOff' && e.type === 'Warning')).toBe(true);
  });

  it('-oom is OOMKilled (137) and then backs off', async () => {
    sim.put(deploymentManifest('oom', 'oom:1-oom', { replicas: 1 }));
    const status = await sim.waitFor(() => {
      const s = containerStatus('oom');
      return s?.state?.waiting?.reason === 'CrashLoopBackOff' ? s : undefined;
    });
    expect(status.lastState.terminated).toMatchObject({ exitCode: 137, reason: 'OOMKilled' });
  });

  it('-missing fails to pull (ErrImagePull, then ImagePullBackOff) and stays Pending', async () => {
    sim.put(deploymentManifest('gone', 'registry.example.com/gone:1-missing', { replicas: 1 }));
    const seen = new Set<string>();
    const unsubscribe = sim.store.subscribe(() => {
      const reason = containerStatus('gone')?.state?.waiting?.reason;
      if (reason) seen.add(reason);
    });
    const status = await sim.waitFor(() => {
      const s = containerStatus('gone');
      return s?.state?.waiting?.reason === 'ImagePullBackOff' ? s : undefined;
    });
    unsubscribe();
    expect(seen.has('ErrImagePull')).toBe(true);
    expect(status.state.waiting.message).toBe('Back-off pulling image "registry.example.com/gone:1-missing"');
    expect(status.imageID).toBe('');
    expect(onlyPod('gone')!.status.phase).toBe('Pending');
  });

  it('-unschedulable stays Pending with PodScheduled False and a FailedScheduling event', async () => {
    sim.put(deploymentManifest('big', 'big:1-unschedulable', { replicas: 1 }));
    const pod = await sim.waitFor(() => {
      const p = onlyPod('big');
      return condition(p, 'PodScheduled')?.status === 'False' ? p : undefined;
    });
    expect(condition(pod, 'PodScheduled')).toMatchObject({ reason: 'Unschedulable' });
    expect(pod.spec.nodeName).toBeUndefined();
    expect(pod.status.phase).toBe('Pending');
    const event = await sim.waitFor(() =>
      sim.list('events', 'default').find((e) => e.reason === 'FailedScheduling' && e.involvedObject.name === pod.metadata.name),
    );
    expect(event).toMatchObject({ type: 'Warning', source: { component: 'default-scheduler' } });
  });

  it('-configerror waits with CreateContainerConfigError', async () => {
    sim.put(deploymentManifest('cfg', 'cfg:1-configerror', { replicas: 1 }));
    const status = await sim.waitFor(() => {
      const s = containerStatus('cfg');
      return s?.state?.waiting?.reason === 'CreateContainerConfigError' ? s : undefined;
    });
    expect(status.state.waiting.message).toBe('configmap "app-config" not found');
  });

  it('-slow runs at once but is ready only after 20 seconds', async () => {
    sim.put(deploymentManifest('slow', 'slow:1-slow', { replicas: 1 }));
    const started = await sim.waitFor(() => {
      const s = containerStatus('slow');
      return s?.state?.running ? onlyPod('slow') : undefined;
    });
    expect(condition(started, 'Ready')!.status).toBe('False');
    const startedAt = parseTime(started.status.containerStatuses[0].state.running.startedAt)!;
    sim.clock.advance(21_000);
    const ready = await sim.waitFor(() => {
      const p = onlyPod('slow');
      return condition(p, 'Ready')?.status === 'True' ? p : undefined;
    });
    expect(parseTime(condition(ready, 'Ready')!.lastTransitionTime)! - startedAt).toBeGreaterThanOrEqual(19_000);
  });

  it('-unhealthy becomes ready (its health endpoint is what fails)', async () => {
    sim.put(deploymentManifest('sick', 'sick:1-unhealthy', { replicas: 1 }));
    await sim.waitFor(() => condition(onlyPod('sick'), 'Ready')?.status === 'True');
  });

  it('a behaviour can be given for a digest-pinned image', async () => {
    const image = 'registry.example.com/web@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef';
    sim.setImageBehaviour(image, 'crashloop');
    sim.put(deploymentManifest('pinned', image, { replicas: 1 }));
    await sim.waitFor(() => containerStatus('pinned')?.state?.waiting?.reason === 'CrashLoopBackOff');
  });
});

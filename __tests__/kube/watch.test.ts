import { createKubeClient, type KubeClient } from '../../src/kube/client.js';
import type { Pod } from '../../src/kube/types.js';
import { ResourceWatch } from '../../src/kube/watch.js';
import { startKubeSim, type KubeSim } from '../../standins/kube/index.js';
import { deployment, rolloutComplete, type ServiceSpec } from './support.js';

// ResourceWatch against the Kubernetes API simulator (a stand-in, not a cluster): its cache must
// follow the pods through dropped streams and a 410 Gone.

const WEB: ServiceSpec = { deployment: 'web', container: 'app', app: 'web', replicas: 3 };
let sim: KubeSim;
let client: KubeClient;
let watch: ResourceWatch<Pod> | undefined;
const log: string[] = [];

beforeEach(async () => {
  sim = await startKubeSim({ timeScale: 10 });
  sim.put({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'aura' } });
  client = await createKubeClient(sim.kubeconfig);
  log.length = 0;
});

afterEach(async () => {
  watch?.stop();
  await sim.close();
  expect(sim.errors).toEqual([]);
});

function start(): ResourceWatch<Pod> {
  watch = new ResourceWatch<Pod>(client, {
    path: '/api/v1/namespaces/aura/pods',
    query: { labelSelector: 'app=web' },
    list: (query) => client.listPods('aura', query),
    onChange: () => undefined,
    onFatal: (message) => log.push(`FATAL ${message}`),
    log: (message) => log.push(message),
    description: 'pods of web',
  });
  return watch;
}

/** The cache holds exactly the pods the simulator has, with the same resourceVersions. */
function inSync(w: ResourceWatch<Pod>): boolean {
  const actual = sim.list('pods', 'aura', 'app=web').map((p) => `${p.metadata.name}@${p.metadata.resourceVersion}`).sort();
  const cached = [...w.objects.values()].map((p) => `${p.metadata.name}@${p.metadata.resourceVersion}`).sort();
  return actual.join() === cached.join();
}

function setImage(image: string): void {
  const d = sim.get('deployments', 'aura', 'web')!;
  d.spec.template.spec.containers[0].image = image;
  sim.put(d);
}

describe('ResourceWatch', () => {
  it('lists, then follows changes, resuming from the last resourceVersion after clean and abrupt drops', async () => {
    const w = start();
    await w.start();
    sim.put(deployment(WEB, 'web:1'));
    await sim.waitFor(() => rolloutComplete(sim.get('deployments', 'aura', 'web')) && inSync(w), { description: 'the cache to follow the first rollout' });

    sim.faults.dropWatches();
    setImage('web:2');
    await sim.waitFor(() => rolloutComplete(sim.get('deployments', 'aura', 'web')) && sim.get('deployments', 'aura', 'web')!.status.observedGeneration === 2 && inSync(w));
    sim.faults.dropWatches({ abrupt: true });
    setImage('web:3');
    await sim.waitFor(() => sim.get('deployments', 'aura', 'web')!.status.observedGeneration === 3 && rolloutComplete(sim.get('deployments', 'aura', 'web')) && inSync(w), {
      description: 'the cache to follow the third rollout after an abrupt drop',
    });

    expect(w.stats.drops).toBe(2);
    expect(w.stats.relists).toBe(0);
    expect(log.filter((l) => l.startsWith('watch of pods of web ended'))).toHaveLength(2);
    // Every watch after the first asked for the version the cache had reached: one list in all.
    expect(sim.requests.filter((r) => !r.watch && r.path === '/api/v1/namespaces/aura/pods')).toHaveLength(1);
    const resumes = sim.requests.filter((r) => r.watch && r.path === '/api/v1/namespaces/aura/pods').map((r) => Number(r.query.resourceVersion));
    expect(resumes).toHaveLength(3);
    expect(resumes[1]).toBeGreaterThan(resumes[0]!);
    expect(resumes[2]).toBeGreaterThan(resumes[1]!);
  });

  it('lists again after 410 Gone and drops pods that went away meanwhile', async () => {
    sim.put(deployment(WEB, 'web:1'));
    await sim.waitFor(() => rolloutComplete(sim.get('deployments', 'aura', 'web')));
    const w = start();
    await w.start();
    expect(inSync(w)).toBe(true);
    const before = new Set(w.objects.keys());

    sim.faults.expireNextWatch();
    sim.faults.dropWatches();
    setImage('web:2');
    const oldPodsGone = () => !sim.list('pods', 'aura', 'app=web').some((p) => before.has(p.metadata.name));
    await sim.waitFor(() => sim.get('deployments', 'aura', 'web')!.status.observedGeneration === 2 && rolloutComplete(sim.get('deployments', 'aura', 'web')) && oldPodsGone() && inSync(w), {
      description: 'the cache to match after the 410',
    });
    expect(w.stats.relists).toBe(1);
    expect(log).toContainEqual(expect.stringMatching(/^watch of pods of web: resourceVersion \d+ is too old \(410 Gone\); listing again$/));
    expect([...w.objects.keys()].some((name) => before.has(name))).toBe(false);
    expect(sim.requests.filter((r) => !r.watch && r.path === '/api/v1/namespaces/aura/pods')).toHaveLength(2);
  });

  it('reconnects quietly when a stream is silent for long, and fails at once when watching is forbidden', async () => {
    await sim.close();
    // No bookmarks: the stream stays silent while nothing changes.
    sim = await startKubeSim({ timeScale: 10, bookmarkIntervalMs: 600_000 });
    sim.put({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'aura' } });
    client = await createKubeClient(sim.kubeconfig, { watchIdleTimeoutMs: 200 });
    const w = new ResourceWatch<Pod>(client, {
      path: '/api/v1/namespaces/aura/pods',
      query: { labelSelector: 'app=web' },
      list: (query) => client.listPods('aura', query),
      onChange: () => undefined,
      onFatal: (message) => log.push(`FATAL ${message}`),
      log: (message) => log.push(message),
      description: 'pods of web',
      giveUpAfterMs: 300,
    });
    watch = w;
    await w.start();
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(log).toEqual([]);
    expect(sim.requests.filter((r) => r.watch).length).toBeGreaterThanOrEqual(3);
    sim.put(deployment(WEB, 'web:1'));
    await sim.waitFor(() => rolloutComplete(sim.get('deployments', 'aura', 'web')) && inSync(w), { description: 'the cache after the quiet period' });

    sim.faults.failRequests({ path: '/api/v1/namespaces/aura/pods', status: 403, message: 'pods is forbidden', count: 10 });
    sim.faults.dropWatches();
    await sim.waitFor(() => log.some((l) => l.startsWith('FATAL')), { description: 'the watch to stop' });
    expect(log.filter((l) => l.startsWith('FATAL'))).toEqual(['FATAL not allowed to watch pods of web: HTTP 403: Forbidden (the credentials need list and watch on it)']);
  });

  it('gives up with one message when the API keeps refusing', async () => {
    const w = new ResourceWatch<Pod>(client, {
      path: '/api/v1/namespaces/aura/pods',
      query: {},
      list: (query) => client.listPods('aura', query),
      onChange: () => undefined,
      onFatal: (message) => log.push(`FATAL ${message}`),
      log: () => undefined,
      description: 'pods',
      giveUpAfterMs: 300,
    });
    watch = w;
    await w.start();
    sim.faults.failRequests({ path: '/api/v1/namespaces/aura/pods', status: 503, count: 1000 });
    sim.faults.dropWatches();
    await sim.waitFor(() => log.some((l) => l.startsWith('FATAL')), { description: 'the watch to give up' });
    expect(log.filter((l) => l.startsWith('FATAL'))).toEqual(['FATAL cannot watch pods: HTTP 503']);
  });
});

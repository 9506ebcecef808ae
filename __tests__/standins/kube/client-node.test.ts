/**
 * @kubernetes/client-node (the library the gke-rollout action uses) against the stand-in:
 * list, then watch from the list's resourceVersion; resume after the stream drops; re-list
 * after 410 Gone. Both with the raw Watch and with the library's informer.
 */
import {
  AppsV1Api,
  CoreV1Api,
  KubeConfig,
  makeInformer,
  PatchStrategy,
  setHeaderOptions,
  Watch,
  type V1Deployment,
} from '@kubernetes/client-node';
import { rmSync } from 'node:fs';
import { createTestCertificates, startKubeSim, type KubeSim } from '../../../standins/kube/index.js';
import { deploymentManifest, rolloutComplete } from './helpers.js';

let sim: KubeSim;
let kc: KubeConfig;
// client-node sends patches as JSON patch unless told otherwise.
const mergePatch = setHeaderOptions('Content-Type', PatchStrategy.MergePatch);

beforeEach(async () => {
  sim = await startKubeSim({ timeScale: 20 });
  kc = new KubeConfig();
  kc.loadFromString(sim.kubeconfig);
});

afterEach(async () => {
  await sim.close();
  expect(sim.errors).toEqual([]);
});

interface Seen {
  type: string;
  name: string;
  resourceVersion: string;
  code?: number;
}

/** One watch connection; resolves `closed` with the error client-node reports (null for a clean end). */
function watchOnce(path: string, resourceVersion: string, seen: Seen[]): { closed: Promise<unknown>; abort: () => void } {
  let controller: AbortController | undefined;
  const closed = new Promise<unknown>((resolve) => {
    void new Watch(kc)
      .watch(
        path,
        { resourceVersion, allowWatchBookmarks: true },
        (type: string, obj: any) => {
          seen.push({ type, name: obj?.metadata?.name ?? '', resourceVersion: obj?.metadata?.resourceVersion ?? '', code: obj?.code });
        },
        (err: unknown) => resolve(err),
      )
      .then((c) => (controller = c));
  });
  return { closed, abort: () => controller?.abort() };
}

describe('@kubernetes/client-node against the stand-in', () => {
  it('lists, watches from the list resourceVersion, resumes after drops and re-lists after 410', async () => {
    const apps = kc.makeApiClient(AppsV1Api);
    const path = '/apis/apps/v1/namespaces/default/deployments';
    const list = await apps.listNamespacedDeployment({ namespace: 'default' });
    expect(list.items).toEqual([]);
    let lastVersion = list.metadata!.resourceVersion!;

    const seen: Seen[] = [];
    let watch = watchOnce(path, lastVersion, seen);
    await sim.waitFor(() => sim.openWatches === 1);
    await apps.createNamespacedDeployment({ namespace: 'default', body: deploymentManifest('web', 'web:1') as V1Deployment });
    await sim.waitFor(() => seen.some((e) => e.type === 'ADDED' && e.name === 'web'));

    // The stream drops (cleanly, then abruptly); changes made meanwhile arrive on resume.
    sim.faults.dropWatches();
    expect(await watch.closed).toBeNull();
    lastVersion = seen.filter((e) => e.type !== 'BOOKMARK').at(-1)!.resourceVersion;
    await apps.patchNamespacedDeployment({ namespace: 'default', name: 'web', body: { metadata: { labels: { during: 'drop' } } } }, mergePatch);
    watch = watchOnce(path, lastVersion, seen);
    await sim.waitFor(() => seen.some((e) => e.type === 'MODIFIED' && Number(e.resourceVersion) > Number(lastVersion)));

    // An abrupt drop (connection reset) reaches the client as an error, not a clean end.
    sim.faults.dropWatches({ abrupt: true });
    expect(await watch.closed).toBeInstanceOf(Error);
    // Resuming from the last version seen neither missed nor repeated a change.
    const versions = seen.filter((e) => e.type === 'ADDED' || e.type === 'MODIFIED').map((e) => Number(e.resourceVersion));
    expect(new Set(versions).size).toBe(versions.length);
    expect(sim.get('deployments', 'default', 'web')!.metadata.labels.during).toBe('drop');

    // History compacted: resuming from an old version gets 410, and the client re-lists.
    lastVersion = seen.filter((e) => e.type !== 'BOOKMARK' && e.type !== 'ERROR').at(-1)!.resourceVersion;
    sim.faults.compactHistory();
    await apps.patchNamespacedDeployment({ namespace: 'default', name: 'web', body: { metadata: { labels: { after: 'compaction' } } } }, mergePatch);
    const gone: Seen[] = [];
    watch = watchOnce(path, String(Number(lastVersion) - 1), gone);
    await watch.closed;
    expect(gone).toEqual([{ type: 'ERROR', name: '', resourceVersion: '', code: 410 }]);
    const relisted = await apps.listNamespacedDeployment({ namespace: 'default' });
    expect(relisted.items[0]!.metadata!.labels).toMatchObject({ during: 'drop', after: 'compaction' });
    const fresh: Seen[] = [];
    watch = watchOnce(path, relisted.metadata!.resourceVersion!, fresh);
    await sim.waitFor(() => sim.openWatches === 1);
    await apps.patchNamespacedDeployment({ namespace: 'default', name: 'web', body: { spec: { replicas: 1 } } }, mergePatch);
    await sim.waitFor(() => fresh.some((e) => e.type === 'MODIFIED'));
    watch.abort();
  });

  it("the library's informer keeps an up-to-date cache through drops and a forced 410", async () => {
    const core = kc.makeApiClient(CoreV1Api);
    const informer = makeInformer(kc, '/api/v1/namespaces/default/pods', () => core.listNamespacedPod({ namespace: 'default' }), 'app=web');
    const errors: unknown[] = [];
    informer.on('error', (err) => errors.push(err));
    await informer.start();
    try {
      sim.put(deploymentManifest('web', 'web:1'));
      await sim.waitFor(() => rolloutComplete(sim.get('deployments', 'default', 'web')));
      const cached = (): string[] => informer.list('default').map((p) => `${p.metadata!.name}:${p.status?.phase}`).sort();
      const actual = (): string[] => sim.list('pods', 'default', 'app=web').map((p) => `${p.metadata.name}:${p.status?.phase}`).sort();
      await sim.waitFor(() => cached().join() === actual().join());

      sim.faults.expireNextWatch();
      sim.faults.dropWatches();
      const d = sim.get('deployments', 'default', 'web')!;
      d.spec.template.spec.containers[0].image = 'web:2';
      sim.put(d);
      await sim.waitFor(() => rolloutComplete(sim.get('deployments', 'default', 'web')) && sim.get('deployments', 'default', 'web')!.status.observedGeneration === 2);
      await sim.waitFor(() => cached().join() === actual().join() && cached().length === 3, {
        description: 'the informer cache to match the pods after the drop and the 410',
      });
      expect(sim.requests.some((r) => r.watch && r.path === '/api/v1/namespaces/default/pods' && r.status === 200)).toBe(true);
      expect(sim.requests.filter((r) => !r.watch && r.path === '/api/v1/namespaces/default/pods').length).toBeGreaterThanOrEqual(2);
      expect(errors).toEqual([]);
    } finally {
      await informer.stop();
    }
  });

  it('reads container logs, events and the health endpoint through the services proxy', async () => {
    const core = kc.makeApiClient(CoreV1Api);
    await core.createNamespacedService({
      namespace: 'default',
      body: { metadata: { name: 'web' }, spec: { selector: { app: 'web' }, ports: [{ name: 'http', port: 80, targetPort: 8080 }] } },
    });
    sim.put(deploymentManifest('web', 'web:1', { replicas: 1 }));
    await sim.waitFor(() => rolloutComplete(sim.get('deployments', 'default', 'web')));
    const health = await core.connectGetNamespacedServiceProxyWithPath({ namespace: 'default', name: 'web:http', path: 'healthz' });
    expect(health).toBe('ok\n');

    sim.put(deploymentManifest('crash', 'crash:1-crashloop', { replicas: 1 }));
    const pod = await sim.waitFor(() =>
      sim.list('pods', 'default', 'app=crash').find((p) => p.status?.containerStatuses?.[0]?.state?.waiting?.reason === 'CrashLoopBackOff'),
    );
    const logs = await core.readNamespacedPodLog({ namespace: 'default', name: pod.metadata.name, container: 'app', previous: true, tailLines: 2 });
    expect(logs).toBe('ERROR failed to connect to database at postgres:5432: connection refused\nFatal: startup failed, exiting with status 1\n');
    const events = await core.listNamespacedEvent({
      namespace: 'default',
      fieldSelector: `involvedObject.kind=Pod,involvedObject.name=${pod.metadata.name}`,
    });
    expect(events.items.map((e) => e.reason)).toEqual(expect.arrayContaining(['Scheduled', 'Pulling', 'Pulled', 'Created', 'Started', 'BackOff']));
  });

  it('connects over HTTPS with the CA and token from the kubeconfig', async () => {
    const certs = createTestCertificates();
    const secure = await startKubeSim({ tls: { cert: certs.cert, key: certs.key, ca: certs.ca } });
    try {
      const secureKc = new KubeConfig();
      secureKc.loadFromFile(secure.kubeconfigPath);
      const namespaces = await secureKc.makeApiClient(CoreV1Api).listNamespace();
      expect(namespaces.items.map((n) => n.metadata!.name)).toEqual(['default', 'kube-node-lease', 'kube-public', 'kube-system']);
      const wrongKc = new KubeConfig();
      wrongKc.loadFromString(secure.kubeconfig.replace(secure.token!, 'wrong'));
      await expect(wrongKc.makeApiClient(CoreV1Api).listNamespace()).rejects.toMatchObject({ code: 401 });
    } finally {
      await secure.close();
      rmSync(certs.dir, { recursive: true, force: true });
    }
  });
});

/**
 * The real kubectl against the Kubernetes stand-in: if kubectl agrees with it, the stand-in
 * speaks the API the way a cluster does. Simulated time is advanced by the test where a real
 * cluster would take minutes (progressDeadlineSeconds).
 */
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { parseTime } from '../../../standins/kube/clock.js';
import { createTestCertificates, startKubeSim, type KubeSim } from '../../../standins/kube/index.js';
import { FIXTURES } from '../../harness/paths.js';
import { describeWithTool, findTool } from '../../harness/tools.js';
import { condition, eventually, Kubectl, rolloutComplete } from './helpers.js';

const WEB = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  labels: {app: web}
spec:
  replicas: 3
  selector:
    matchLabels: {app: web}
  template:
    metadata:
      labels: {app: web}
    spec:
      containers:
        - name: app
          image: registry.example.com/web:1.0.0
          ports: [{containerPort: 8080}]
          readinessProbe:
            httpGet: {path: /healthz, port: 8080}
---
apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  selector: {app: web}
  ports: [{name: http, port: 80, targetPort: 8080}]
`;

describeWithTool('kubectl', 'the Kubernetes stand-in is proven against the real kubectl')('kubectl against the stand-in', () => {
  let sim: KubeSim;
  let kubectl: Kubectl;

  beforeEach(async () => {
    sim = await startKubeSim({ timeScale: 10 });
    kubectl = new Kubectl(findTool('kubectl')!, sim);
  });

  const homes: string[] = [];
  afterEach(async () => {
    await sim.close();
    for (const home of [...homes, kubectl.home]) rmSync(home, { recursive: true, force: true });
    expect(sim.errors).toEqual([]);
  });

  async function deployHealthy(): Promise<void> {
    expect(await kubectl.ok(['apply', '-f', '-'], { input: WEB })).toBe('deployment.apps/web created\nservice/web created\n');
    const status = await kubectl.ok(['rollout', 'status', 'deployment/web', '--timeout=60s']);
    expect(status.trim().split('\n').at(-1)).toBe('deployment "web" successfully rolled out');
  }

  it('applies a manifest, reports the rollout done, and lists and logs the pods', async () => {
    await deployHealthy();
    const pods = await kubectl.ok(['get', 'pods', '-l', 'app=web']);
    const lines = pods.trim().split('\n');
    expect(lines[0]).toMatch(/^NAME\s+READY\s+STATUS\s+RESTARTS\s+AGE$/);
    expect(lines.slice(1)).toHaveLength(3);
    for (const line of lines.slice(1)) expect(line).toMatch(/^web-[a-z0-9]+-[a-z0-9]{5}\s+1\/1\s+Running\s+0\s+\S+$/);
    expect(await kubectl.ok(['get', 'deployment', 'web', '-o', 'jsonpath={.status.readyReplicas}/{.status.updatedReplicas}/{.metadata.annotations.deployment\\.kubernetes\\.io/revision}'])).toBe('3/3/1');
    const logs = await kubectl.ok(['logs', 'deployment/web']);
    expect(logs).toContain('Starting app (image registry.example.com/web:1.0.0)');
    // A re-apply of the same manifest changes nothing: same generation, no new revision.
    expect(await kubectl.ok(['apply', '-f', '-'], { input: WEB })).toBe('deployment.apps/web unchanged\nservice/web unchanged\n');
    expect(sim.get('deployments', 'default', 'web')!.metadata.generation).toBe(1);
  });

  it('rejects a manifest with an unknown field, as a cluster with strict validation does', async () => {
    const typo = WEB.replace('ports: [{containerPort: 8080}]', 'portz: [{containerPort: 8080}]');
    const result = await kubectl.run(['apply', '-f', '-'], { input: typo });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('strict decoding error: unknown field "spec.template.spec.containers[0].portz"');
    expect(sim.get('deployments', 'default', 'web')).toBeUndefined();
  });

  it('rollout status fails with "exceeded its progress deadline" only after progressDeadlineSeconds of simulated time', async () => {
    await deployHealthy();
    await kubectl.ok(['set', 'image', 'deployment/web', 'app=registry.example.com/web:1.1.0-crashloop']);
    await kubectl.ok(['annotate', 'deployment/web', 'kubernetes.io/change-cause=release 1.1.0']);
    const status = kubectl.start(['rollout', 'status', 'deployment/web']);
    await sim.waitFor(() =>
      sim.list('pods', 'default', 'app=web').some((p) => p.status?.containerStatuses?.[0]?.state?.waiting?.reason === 'CrashLoopBackOff'),
    );
    await eventually(() => status.stdout.includes('1 out of 3 new replicas have been updated'), 'kubectl to report the rollout waiting');
    const lastProgress = parseTime(condition(sim.get('deployments', 'default', 'web'), 'Progressing')!.lastUpdateTime)!;

    // 60 simulated seconds short of the deadline (6 s of wall time at this scale): still waiting.
    sim.clock.advance(lastProgress + 540_000 - sim.clock.now());
    await new Promise((r) => setTimeout(r, 500));
    expect(status.running).toBe(true);

    sim.clock.advance(65_000);
    const result = await status.exited;
    expect(result.code).toBe(1);
    expect(result.stderr.trim()).toBe('error: deployment "web" exceeded its progress deadline');
    const timedOut = condition(sim.get('deployments', 'default', 'web'), 'Progressing')!;
    expect(timedOut.reason).toBe('ProgressDeadlineExceeded');
    expect(parseTime(timedOut.lastUpdateTime)! - lastProgress).toBeGreaterThanOrEqual(600_000);

    const history = await kubectl.ok(['rollout', 'history', 'deployment/web']);
    expect(history.trim().split('\n').slice(1)).toEqual(['REVISION  CHANGE-CAUSE', '1         <none>', '2         release 1.1.0']);
  });

  it('rollout undo returns to the previous template, reusing its ReplicaSet, and the deployment becomes available', async () => {
    await deployHealthy();
    const firstRs = sim.list('replicasets', 'default')[0]!;
    await kubectl.ok(['set', 'image', 'deployment/web', 'app=registry.example.com/web:1.1.0-crashloop']);
    await sim.waitFor(() =>
      sim.list('pods', 'default', 'app=web').some((p) => p.status?.containerStatuses?.[0]?.state?.waiting?.reason === 'CrashLoopBackOff'),
    );
    expect(await kubectl.ok(['rollout', 'undo', 'deployment/web'])).toBe('deployment.apps/web rolled back\n');
    const status = await kubectl.ok(['rollout', 'status', 'deployment/web', '--timeout=60s']);
    expect(status).toContain('deployment "web" successfully rolled out');

    const d = sim.get('deployments', 'default', 'web')!;
    expect(rolloutComplete(d)).toBe(true);
    expect(condition(d, 'Available')!.status).toBe('True');
    expect(d.spec.template.spec.containers[0].image).toBe('registry.example.com/web:1.0.0');
    expect(d.spec.template.metadata.labels['pod-template-hash']).toBeUndefined();
    expect(d.metadata.annotations['deployment.kubernetes.io/revision']).toBe('3');
    const reused = sim.get('replicasets', 'default', firstRs.metadata.name)!;
    expect(reused.metadata.uid).toBe(firstRs.metadata.uid);
    expect(reused.metadata.annotations).toMatchObject({ 'deployment.kubernetes.io/revision': '3', 'deployment.kubernetes.io/revision-history': '1' });
    expect(reused.status.availableReplicas).toBe(3);
    // kubectl compares the ReplicaSet's template with the deployment's and finds them equal.
    expect(await kubectl.ok(['rollout', 'undo', 'deployment/web', '--to-revision=3'])).toBe(
      'deployment.apps/web skipped rollback (current template already matches revision 3)\n',
    );
    const history = await kubectl.ok(['rollout', 'history', 'deployment/web']);
    expect(history).toMatch(/REVISION\s+CHANGE-CAUSE\n2\s+<none>\n3\s+<none>/);
  });

  it('get -w streams pod changes as the rollout happens', async () => {
    await deployHealthy();
    const watch = kubectl.start(['get', 'pods', '-l', 'app=web', '-w', '--output-watch-events']);
    try {
      await eventually(() => (watch.stdout.match(/^ADDED\s+web-/gm) ?? []).length === 3, 'the initial pods');
      await kubectl.ok(['set', 'image', 'deployment/web', 'app=registry.example.com/web:2.0.0']);
      await sim.waitFor(() => {
        const d = sim.get('deployments', 'default', 'web');
        return d?.metadata.generation === 2 && rolloutComplete(d);
      });
      const newRs = sim.list('replicasets', 'default').find((rs) => rs.spec.template.spec.containers[0].image.endsWith(':2.0.0'))!;
      const hash = newRs.metadata.labels['pod-template-hash'];
      await eventually(() => new RegExp(`^MODIFIED\\s+web-${hash}-\\S+\\s+1/1\\s+Running`, 'm').test(watch.stdout), 'a new pod to turn Running');
      await eventually(() => (watch.stdout.match(/^DELETED\s+web-/gm) ?? []).length === 3, 'the old pods to be deleted');
      expect(watch.stdout).toMatch(/^MODIFIED\s+web-\S+\s+\d\/1\s+Terminating/m);
    } finally {
      watch.stop();
      await watch.exited;
    }
  });

  it('logs show a crash-looping container, and its previous run', async () => {
    // A long back-off keeps the container in CrashLoopBackOff while kubectl looks at it.
    await sim.close();
    sim = await startKubeSim({ timeScale: 10, timings: { backoff: 300_000 } });
    homes.push(kubectl.home);
    kubectl = new Kubectl(findTool('kubectl')!, sim);
    await kubectl.ok(['apply', '-f', '-'], { input: WEB.replace('web:1.0.0', 'web:1.0.0-crashloop').replace('replicas: 3', 'replicas: 1') });
    const pod = await sim.waitFor(() =>
      sim.list('pods', 'default', 'app=web').find((p) => p.status?.containerStatuses?.[0]?.state?.waiting?.reason === 'CrashLoopBackOff'),
    );
    const listing = await kubectl.ok(['get', 'pod', pod.metadata.name]);
    expect(listing).toMatch(/0\/1\s+CrashLoopBackOff\s+1 \(\S+ ago\)/);
    const logs = await kubectl.ok(['logs', pod.metadata.name, '-c', 'app']);
    expect(logs).toContain('ERROR failed to connect to database at postgres:5432: connection refused');
    expect(await kubectl.ok(['logs', pod.metadata.name, '--previous', '--tail=1'])).toBe('Fatal: startup failed, exiting with status 1\n');
    const describe = await kubectl.ok(['describe', 'pod', pod.metadata.name]);
    expect(describe).toMatch(/State:\s+Waiting\n\s+Reason:\s+CrashLoopBackOff/);
    expect(describe).toMatch(/Last State:\s+Terminated\n\s+Reason:\s+Error\n\s+Exit Code:\s+1/);
    expect(describe).toMatch(/Warning\s+BackOff\s+\S+\s+kubelet\s+Back-off restarting failed container app/);
  });

  it('server-side apply reports a conflict with kubectl set image, and --force-conflicts takes the field', async () => {
    expect(await kubectl.ok(['apply', '--server-side', '-f', '-'], { input: WEB })).toBe('deployment.apps/web serverside-applied\nservice/web serverside-applied\n');
    await kubectl.ok(['set', 'image', 'deployment/web', 'app=registry.example.com/web:9.9.9']);
    const conflict = await kubectl.run(['apply', '--server-side', '-f', '-'], { input: WEB });
    expect(conflict.code).toBe(1);
    expect(conflict.stderr).toContain('Apply failed with 1 conflict: conflict with "kubectl-set" using apps/v1: .spec.template.spec.containers[name="app"].image');
    await kubectl.ok(['apply', '--server-side', '--force-conflicts', '-f', '-'], { input: WEB });
    expect(sim.get('deployments', 'default', 'web')!.spec.template.spec.containers[0].image).toBe('registry.example.com/web:1.0.0');
  });

  it("kubectl create (whose typed clients post protobuf) makes the same objects as a cluster", async () => {
    expect(await kubectl.ok(['create', 'namespace', 'shop'])).toBe('namespace/shop created\n');
    await kubectl.ok(['create', 'deployment', 'cart', '--image=registry.example.com/cart:1.0', '--port=8080', '--replicas=2', '-n', 'shop']);
    await kubectl.ok(['create', 'configmap', 'cart-config', '--from-literal=mode=fast', '-n', 'shop']);
    await kubectl.ok(['create', 'secret', 'generic', 'cart-secret', '--from-literal=token=s3cr3t', '-n', 'shop']);
    await kubectl.ok(['create', 'service', 'clusterip', 'cart', '--tcp=80:8080', '-n', 'shop']);
    const d = sim.get('deployments', 'shop', 'cart')!;
    expect(d.spec).toMatchObject({ replicas: 2, selector: { matchLabels: { app: 'cart' } } });
    expect(d.spec.template.spec.containers).toEqual([
      expect.objectContaining({ name: 'cart', image: 'registry.example.com/cart:1.0', ports: [{ containerPort: 8080, protocol: 'TCP' }] }),
    ]);
    expect(sim.get('configmaps', 'shop', 'cart-config')!.data).toEqual({ mode: 'fast' });
    expect(sim.get('secrets', 'shop', 'cart-secret')).toMatchObject({ type: 'Opaque', data: { token: Buffer.from('s3cr3t').toString('base64') } });
    expect(sim.get('services', 'shop', 'cart')!.spec).toMatchObject({ type: 'ClusterIP', selector: { app: 'cart' }, ports: [{ port: 80, targetPort: 8080, protocol: 'TCP' }] });
    expect(await kubectl.ok(['rollout', 'status', 'deployment/cart', '-n', 'shop', '--timeout=60s'])).toContain('successfully rolled out');
  });

  it('health checks through the service proxy', async () => {
    await deployHealthy();
    expect(await kubectl.ok(['get', '--raw', '/api/v1/namespaces/default/services/web:http/proxy/healthz'])).toBe('ok\n');
  });

  it('works over HTTPS with the CA and bearer token of the kubeconfig, and refuses a missing token', async () => {
    const certs = createTestCertificates();
    const secure = await startKubeSim({ tls: { cert: certs.cert, key: certs.key, ca: certs.ca } });
    const secureKubectl = new Kubectl(findTool('kubectl')!, secure);
    try {
      const nodes = await secureKubectl.ok(['get', 'nodes', '-o', 'name']);
      expect(nodes.trim().split('\n')).toEqual(['node/kube-sim-node-1', 'node/kube-sim-node-2', 'node/kube-sim-node-3']);
      const anonymous = await secureKubectl.run(['get', 'pods', '--token', 'not-the-token']);
      expect(anonymous.code).toBe(1);
      expect(anonymous.stderr).toContain('error: You must be logged in to the server (Unauthorized)');
    } finally {
      await secure.close();
      rmSync(secureKubectl.home, { recursive: true, force: true });
      rmSync(certs.dir, { recursive: true, force: true });
    }
  });
});

const MONOREPO = join(FIXTURES, 'aura-monorepo', 'services');
const fixtureManifests = existsSync(MONOREPO)
  ? readdirSync(MONOREPO)
      .map((service) => join(MONOREPO, service, 'k8s', 'deployment.yaml'))
      .filter((file) => existsSync(file))
  : [];
if (fixtureManifests.length === 0) {
  const reason = `no manifests at ${MONOREPO}/*/k8s/deployment.yaml yet`;
  if (process.env.CI === 'true') throw new Error(`${reason}; the fixture monorepo must be present in CI`);
  console.warn(`SKIPPED: the fixture monorepo rollouts (${reason})`);
}

(fixtureManifests.length > 0 ? describeWithTool('kubectl', 'fixture manifests are rolled out with the real kubectl') : describe.skip)(
  'the fixture monorepo manifests',
  () => {
    it.each(fixtureManifests)('%s applies and rolls out', async (file) => {
      const sim = await startKubeSim({ timeScale: 10 });
      const kubectl = new Kubectl(findTool('kubectl')!, sim);
      try {
        const manifest = readFileSync(file, 'utf8');
        const namespaces = [...manifest.matchAll(/^\s+namespace:\s*(\S+)/gm)].map((m) => m[1]!).filter((ns) => ns !== 'default');
        for (const ns of new Set(namespaces)) await kubectl.ok(['apply', '-f', '-'], { input: `apiVersion: v1\nkind: Namespace\nmetadata:\n  name: ${ns}\n` });
        await kubectl.ok(['apply', '-f', file]);
        for (const d of sim.list('deployments')) {
          await kubectl.ok(['rollout', 'status', `deployment/${d.metadata.name}`, '-n', d.metadata.namespace, '--timeout=60s']);
        }
      } finally {
        await sim.close();
        rmSync(kubectl.home, { recursive: true, force: true });
      }
    });
  },
);

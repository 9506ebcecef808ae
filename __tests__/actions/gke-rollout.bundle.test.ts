import { rmSync } from 'node:fs';
import type { KubeObject, KubeSim } from '../../standins/kube/index.js';
import { startKubeSim } from '../../standins/kube/index.js';
import { REPO_ROOT } from '../harness/paths.js';
import {
  currentImage,
  deployment,
  makeWorkspace,
  NAMESPACE,
  OUTFIT,
  patches,
  REGISTRY,
  revision,
  rolloutComplete,
  runRollout,
  startCluster,
  VISUAL,
  V1_DIGEST,
  V2_DIGEST,
  type ServiceSpec,
} from '../kube/support.js';

// gke-rollout run as the runner runs it (dist bundle, Node 24) against the Kubernetes API
// simulator (standins/kube): a stand-in that serves the Kubernetes API and simulates the
// deployment controller, scheduler and kubelets. It is not a cluster.

let sim: KubeSim | undefined;
let workspace: string | undefined;

afterEach(async () => {
  await sim?.close();
  expect(sim?.errors ?? []).toEqual([]);
  sim = undefined;
  if (workspace) rmSync(workspace, { recursive: true, force: true });
  workspace = undefined;
});

const V1 = (name: string) => `${REGISTRY}/${name}@${V1_DIGEST}`;
const V2 = (name: string) => `${REGISTRY}/${name}@${V2_DIGEST}`;

function deploymentOf(spec: ServiceSpec): KubeObject {
  return sim!.get('deployments', NAMESPACE, spec.deployment)!;
}

/** The Deployment runs `image` on every replica, is complete by kubectl's rules and fully available. */
function expectRunning(spec: ServiceSpec, image: string): void {
  const d = deploymentOf(spec);
  expect(d.spec.template.spec.containers[0].image).toBe(image);
  expect(rolloutComplete(d)).toBe(true);
  expect(d.status.availableReplicas).toBe(d.spec.replicas);
  const pods = sim!.list('pods', NAMESPACE, `app=${spec.app}`).filter((p) => !p.metadata.deletionTimestamp);
  expect(pods.map((p) => p.spec.containers[0].image)).toEqual(pods.map(() => image));
}

/** Simulated time (ms) of the first crash of any pod running `image`, recorded as the store changes. */
function recordFirstCrash(image: string): { at: () => number | undefined; stop: () => void } {
  let first: number | undefined;
  const stop = sim!.store.subscribe(() => {
    for (const pod of sim!.list('pods', NAMESPACE)) {
      if (pod.spec.containers[0].image !== image) continue;
      for (const status of pod.status?.containerStatuses ?? []) {
        for (const state of [status.state, status.lastState]) {
          const finished = state?.terminated?.finishedAt;
          if (finished) first = Math.min(first ?? Infinity, Date.parse(finished));
        }
      }
    }
  });
  return { at: () => first, stop };
}

function expectNoLeaks(run: { visibleLog: string; summary: string; stderr: string; outputs: Record<string, string> }, secrets: string[]): void {
  for (const secret of secrets) {
    for (const text of [run.visibleLog, run.summary, run.stderr, JSON.stringify(run.outputs)]) expect(text).not.toContain(secret);
  }
}

describe('gke-rollout against the Kubernetes API simulator', () => {
  it('rolls out two catalog services together, records the change-cause and health-checks both', async () => {
    sim = await startCluster([
      { spec: VISUAL, image: V1('visual-analysis') },
      { spec: OUTFIT, image: V1('outfit-recommendation') },
    ]);
    workspace = makeWorkspace();
    const run = await runRollout(sim, {
      workspace,
      env: { GITHUB_SHA: 'abcdef0123456789abcdef0123456789abcdef01' },
      inputs: {
        services: '["visual-analysis", "outfit-recommendation"]',
        images: `visual-analysis=${V2('visual-analysis')}\noutfit-recommendation=${V2('outfit-recommendation')}`,
      },
    });

    expect(run.exitCode).toBe(0);
    expect(run.outputs.verdict).toBe('succeeded');
    expect(run.outputs['rolled-back']).toBe('false');
    expect(run.outputs['failure-reason']).toBe('');
    expect(JSON.parse(run.outputs.revision!)).toEqual({ 'visual-analysis': '2', 'outfit-recommendation': '2' });
    expect(JSON.parse(run.outputs.image!)).toEqual({ 'visual-analysis': V2('visual-analysis'), 'outfit-recommendation': V2('outfit-recommendation') });
    expect(JSON.parse(run.outputs['previous-image']!)).toEqual({ 'visual-analysis': V1('visual-analysis'), 'outfit-recommendation': V1('outfit-recommendation') });
    const results = JSON.parse(run.outputs.results!) as Record<string, unknown>[];
    expect(results.map((r) => [r.service, r.verdict, r.revision, r['previous-revision'], r.changed])).toEqual([
      ['visual-analysis', 'succeeded', 2, 1, true],
      ['outfit-recommendation', 'succeeded', 2, 1, true],
    ]);
    expect(Number(run.outputs['duration-seconds'])).toBeGreaterThan(0);
    expectRunning(VISUAL, V2('visual-analysis'));
    expectRunning(OUTFIT, V2('outfit-recommendation'));

    // kubectl rollout history reads the change-cause from the ReplicaSet of the revision.
    const cause = deploymentOf(VISUAL).metadata.annotations['kubernetes.io/change-cause'];
    expect(cause).toBe(`aura gke-rollout: ${V2('visual-analysis')} from commit abcdef012345 (https://github.com/aura/platform/actions/runs/4242/attempts/1)`);
    const newRs = sim.list('replicasets', NAMESPACE, `app=${VISUAL.app}`).find((rs) => rs.metadata.annotations['deployment.kubernetes.io/revision'] === '2');
    expect(newRs!.metadata.annotations['kubernetes.io/change-cause']).toBe(cause);
    // The image was set with a strategic merge patch (one PATCH per Deployment) and progress was watched, not polled.
    expect(patches(sim, VISUAL.deployment)).toHaveLength(1);
    expect(sim.requests.some((r) => r.watch && r.path === `/api/v1/namespaces/${NAMESPACE}/pods`)).toBe(true);
    expect(sim.requests.some((r) => r.watch && r.path === `/apis/apps/v1/namespaces/${NAMESPACE}/deployments`)).toBe(true);

    expect(run.visibleLog).toMatch(/\[visual-analysis\] 3\/3 updated, 3\/3 ready, 3\/3 available; new pods: /);
    expect(run.visibleLog).toContain('[outfit-recommendation] health check service outfit-recommendation-service:http /health');
    expect(run.summary).toContain('## GKE rollout succeeded');
    expect(run.summary).toMatch(/\| visual-analysis \| aura\/visual-analysis-service \(visual-analysis\) \| `[^`]+sha256:1{64}` \| `[^`]+sha256:2{64}` \| 1 → 2 \| rolled out \|/);
    for (const event of ['start', 'image set', 'first new pod ready', 'rollout complete', 'health check passed', 'finished']) {
      expect(run.summary).toContain(`| ${event} |`);
    }
  });

  it('fails fast on a crash-looping image, names the pod, container and log lines, and rolls back within 5 s of the first crash', async () => {
    sim = await startCluster([{ spec: VISUAL, image: V1('visual-analysis') }]);
    const d = deploymentOf(VISUAL);
    d.metadata.annotations = { ...d.metadata.annotations, 'kubernetes.io/change-cause': 'release 1.0.0' };
    sim.put(d);
    await sim.waitFor(() => sim!.list('replicasets', NAMESPACE).some((rs) => rs.metadata.annotations?.['kubernetes.io/change-cause'] === 'release 1.0.0'));
    workspace = makeWorkspace();
    const bad = `${REGISTRY}/visual-analysis:2.0.0-crashloop`;
    const crash = recordFirstCrash(bad);
    const run = await runRollout(sim, { workspace, inputs: { services: 'visual-analysis', image: bad } });
    crash.stop();

    expect(run.exitCode).toBe(1);
    expect(run.outputs.verdict).toBe('rolled-back');
    expect(run.outputs['rolled-back']).toBe('true');
    expect(run.outputs.image).toBe(V1('visual-analysis'));
    expect(run.outputs['previous-image']).toBe(V1('visual-analysis'));
    expect(run.outputs.revision).toBe('3');
    expect(run.outputs['failure-reason']).toMatch(/^visual-analysis: CrashLoopBackOff: container visual-analysis crashed after 1 restart \(last exit: exit code 1, Error\)/);

    // Detected and rolled back within 5 s (simulated) of the first crash, where kubectl rollout status waits for the 600 s deadline.
    const [setImage, rollback] = patches(sim, VISUAL.deployment);
    expect(rollback).toBeDefined();
    const firstCrash = crash.at()!;
    expect(firstCrash).toBeDefined();
    expect(rollback!.simAt - firstCrash).toBeLessThan(5000);
    expect(rollback!.simAt).toBeGreaterThan(setImage!.simAt);

    // Back on the previous template (kubectl rollout undo's rules: revision 1 comes back as 3, change-cause carried over), available.
    expectRunning(VISUAL, V1('visual-analysis'));
    const after = deploymentOf(VISUAL);
    expect(after.metadata.annotations['deployment.kubernetes.io/revision']).toBe('3');
    expect(after.metadata.annotations['kubernetes.io/change-cause']).toBe('release 1.0.0');
    expect(after.spec.template.metadata.labels['pod-template-hash']).toBeUndefined();

    const error = run.annotations.find((a) => a.level === 'error' && a.message.includes('CrashLoopBackOff'));
    expect(error!.message).toMatch(/visual-analysis: CrashLoopBackOff \(pod visual-analysis-service-[a-z0-9]+-[a-z0-9]+, container visual-analysis\)/);
    expect(error!.message).toContain('ERROR failed to connect to database at postgres:5432: connection refused');
    expect(run.summary).toContain('## GKE rollout failed and rolled back');
    expect(run.summary).toContain('- Reason: **CrashLoopBackOff**');
    expect(run.summary).toMatch(/- Pod: `visual-analysis-service-/);
    expect(run.summary).toContain('Fatal: startup failed, exiting with status 1');
    for (const event of ['failure detected', 'rollback started', 'rollback done']) expect(run.summary).toContain(`| ${event} |`);
    expect(run.summary).toMatch(/\| 1 → 3 \| failed, rolled back \|/);
  });

  it.each([
    ['an image that does not exist', '2.0.0-missing', /^visual-analysis: (ImagePullBackOff|ErrImagePull): .*not found/],
    ['a container whose configuration is missing', '2.0.0-configerror', /^visual-analysis: CreateContainerConfigError: configmap "visual-analysis-config" not found/],
    ['an image that is OOM-killed in a loop', '2.0.0-oom', /^visual-analysis: OOMKilled: container visual-analysis crashed after 1 restart \(last exit: exit code 137, OOMKilled\)/],
    ['a pod that is never schedulable', '2.0.0-unschedulable', /^visual-analysis: Unschedulable: unschedulable for \d+ s: 0\/3 nodes are available/],
  ])('rolls back %s', async (_what, tag, reason) => {
    sim = await startCluster([{ spec: VISUAL, image: V1('visual-analysis') }]);
    workspace = makeWorkspace();
    const run = await runRollout(sim, { workspace, inputs: { services: 'visual-analysis', image: `${REGISTRY}/visual-analysis:${tag}` } });
    expect(run.exitCode).toBe(1);
    expect(run.outputs.verdict).toBe('rolled-back');
    expect(run.outputs['failure-reason']).toMatch(reason);
    expect(run.outputs.revision).toBe('3');
    expectRunning(VISUAL, V1('visual-analysis'));
  });

  it('rolls back when the progress deadline is exceeded', async () => {
    sim = await startCluster([{ spec: VISUAL, image: V1('visual-analysis') }]);
    workspace = makeWorkspace();
    const running = runRollout(sim, {
      workspace,
      inputs: {
        services: 'visual-analysis',
        image: `${REGISTRY}/visual-analysis:2.0.0-unschedulable`,
        // Long enough that only the deployment controller's deadline can end this rollout.
        'unschedulable-grace': '1h',
        timeout: '1h',
      },
    });
    await sim.waitFor(() => patches(sim!, VISUAL.deployment).length === 1 && sim!.openWatches >= 2, { description: 'the action watching' });
    sim.clock.advance(601_000);
    const run = await running;
    expect(run.exitCode).toBe(1);
    expect(run.outputs.verdict).toBe('rolled-back');
    expect(run.outputs['failure-reason']).toMatch(/^visual-analysis: ProgressDeadlineExceeded: deployment "visual-analysis-service" exceeded its progress deadline/);
    expectRunning(VISUAL, V1('visual-analysis'));
  });

  it('rolls back a rollout that looked healthy when its health check fails', async () => {
    sim = await startCluster([{ spec: VISUAL, image: V1('visual-analysis') }]);
    workspace = makeWorkspace();
    const run = await runRollout(sim, { workspace, inputs: { services: 'visual-analysis', image: `${REGISTRY}/visual-analysis:2.0.0-unhealthy` } });
    expect(run.exitCode).toBe(1);
    expect(run.outputs.verdict).toBe('rolled-back');
    expect(run.outputs['failure-reason']).toMatch(
      /^visual-analysis: HealthCheckFailed: service visual-analysis-service:http \/health \(through the API server's services proxy\) failed after 4 attempts: HTTP 500/,
    );
    expect(run.summary).toContain('| rollout complete |');
    expect(run.summary).toContain('unhealthy after 4 attempts');
    expectRunning(VISUAL, V1('visual-analysis'));
    // The probes went through the API server's services proxy.
    expect(sim.requests.filter((r) => decodeURIComponent(r.path) === `/api/v1/namespaces/${NAMESPACE}/services/${VISUAL.deployment}:http/proxy/health`)).toHaveLength(4);
  });

  it('keeps the right verdict when the watch stream drops twice and a resume gets 410 Gone', async () => {
    // Both new pods start at once and take 20 s (simulated) to be ready: time for the faults below.
    sim = await startCluster([{ spec: { ...VISUAL, replicas: 2, rollingUpdate: { maxSurge: 2, maxUnavailable: 0 } }, image: V1('visual-analysis') }]);
    workspace = makeWorkspace();
    const slow = `${REGISTRY}/visual-analysis:2.0.0-slow`;
    const running = runRollout(sim, { workspace, inputs: { services: 'visual-analysis', image: slow } });
    const watching = () => sim!.waitFor(() => sim!.openWatches >= 2, { description: 'two open watches' });
    await sim.waitFor(() => patches(sim!, VISUAL.deployment).length === 1);
    await watching();
    expect(sim.faults.dropWatches()).toBeGreaterThanOrEqual(2);
    await sim.waitFor(() => sim!.openWatches === 0 || sim!.openWatches >= 2);
    await watching();
    sim.faults.dropWatches({ abrupt: true });
    await watching();
    sim.faults.expireNextWatch();
    sim.faults.dropWatches();
    const run = await running;

    expect(run.exitCode).toBe(0);
    expect(run.outputs.verdict).toBe('succeeded');
    expectRunning(VISUAL, slow);
    expect(revision(sim, VISUAL)).toBe('2');
    expect(run.visibleLog).toMatch(/watch of (deployment visual-analysis-service|pods of visual-analysis-service) ended \(the server closed the stream\); resuming from resourceVersion \d+/);
    expect(run.visibleLog).toMatch(/is too old \(410 Gone\); listing again/);
    expect(run.summary).toMatch(/Watch streams: visual-analysis resumed \d+ times, listed again 1 time after 410 Gone/);
    // Resumed watches asked for the last version seen, not from scratch.
    const watches = sim.requests.filter((r) => r.watch && r.path.startsWith(`/api/v1/namespaces/${NAMESPACE}/pods`));
    expect(watches.length).toBeGreaterThanOrEqual(4);
    expect(watches.every((r) => r.query.resourceVersion && r.query.resourceVersion !== '0')).toBe(true);
  });

  it('verifies instead of rolling out again when the same image is already running', async () => {
    sim = await startCluster([{ spec: VISUAL, image: V1('visual-analysis') }]);
    workspace = makeWorkspace();
    const first = await runRollout(sim, { workspace, inputs: { services: 'visual-analysis', image: V2('visual-analysis') } });
    expect(first.outputs.verdict).toBe('succeeded');
    expect(revision(sim, VISUAL)).toBe('2');
    const patchCount = patches(sim, VISUAL.deployment).length;
    const generation = deploymentOf(VISUAL).metadata.generation;

    // The same digest under a tag is the same image.
    const again = await runRollout(sim, {
      workspace,
      inputs: { services: 'visual-analysis', image: `${REGISTRY}/visual-analysis:2.0.0@${V2_DIGEST}` },
    });
    expect(again.exitCode).toBe(0);
    expect(again.outputs.verdict).toBe('succeeded');
    expect(again.outputs.revision).toBe('2');
    expect(revision(sim, VISUAL)).toBe('2');
    expect(deploymentOf(VISUAL).metadata.generation).toBe(generation);
    expect(patches(sim, VISUAL.deployment)).toHaveLength(patchCount);
    expect(again.visibleLog).toContain(`already runs ${REGISTRY}/visual-analysis:2.0.0@${V2_DIGEST}: no new revision; verifying the running rollout instead`);
    expect(again.summary).toContain('already running, verified');
    expect(JSON.parse(again.outputs.results!)[0].changed).toBe(false);
  });

  it('rolls every service back when one of them fails (all or nothing)', async () => {
    sim = await startCluster([
      { spec: VISUAL, image: V1('visual-analysis') },
      { spec: OUTFIT, image: V1('outfit-recommendation') },
    ]);
    workspace = makeWorkspace();
    const run = await runRollout(sim, {
      workspace,
      inputs: {
        services: 'visual-analysis\noutfit-recommendation',
        // Bare references, matched to the services by the image names in the catalog.
        images: JSON.stringify([`${REGISTRY}/visual-analysis:2.0.0-slow`, `${REGISTRY}/outfit-recommendation:2.0.0-crashloop`]),
      },
    });
    expect(run.exitCode).toBe(1);
    expect(run.outputs.verdict).toBe('rolled-back');
    const results = JSON.parse(run.outputs.results!) as Record<string, unknown>[];
    expect(results.map((r) => [r.service, r.verdict, r.rollback])).toEqual([
      ['visual-analysis', 'rolled-back', 'done'],
      ['outfit-recommendation', 'rolled-back', 'done'],
    ]);
    expect(results[1]!['failure-reason']).toMatch(/^CrashLoopBackOff/);
    expect(results[0]!['failure-reason']).toBeNull();
    expectRunning(VISUAL, V1('visual-analysis'));
    expectRunning(OUTFIT, V1('outfit-recommendation'));
    expect(run.summary).toContain('rolled back (another service failed)');
  });

  it('rolls back the services already changed when the cluster refuses the change of another', async () => {
    sim = await startCluster([
      { spec: VISUAL, image: V1('visual-analysis') },
      { spec: OUTFIT, image: V1('outfit-recommendation') },
    ]);
    sim.faults.failRequests({ method: 'PATCH', path: `/apis/apps/v1/namespaces/${NAMESPACE}/deployments/${OUTFIT.deployment}`, status: 403, message: 'forbidden by a test' });
    workspace = makeWorkspace();
    const run = await runRollout(sim, {
      workspace,
      inputs: { services: 'visual-analysis\noutfit-recommendation', images: `visual-analysis=${V2('visual-analysis')}\noutfit-recommendation=${V2('outfit-recommendation')}` },
    });
    expect(run.exitCode).toBe(1);
    expect(run.outputs.verdict).toBe('rolled-back');
    expect(run.outputs['failure-reason']).toMatch(/^outfit-recommendation: ChangeFailed: the cluster refused the change: HTTP 403/);
    expectRunning(VISUAL, V1('visual-analysis'));
    expectRunning(OUTFIT, V1('outfit-recommendation'));
    expect(revision(sim, VISUAL)).toBe('3');
    expect(revision(sim, OUTFIT)).toBe('1');
  });

  it('rolls back a rollout that does not finish within the timeout', async () => {
    sim = await startCluster([{ spec: VISUAL, image: V1('visual-analysis') }]);
    workspace = makeWorkspace();
    const run = await runRollout(sim, { workspace, inputs: { services: 'visual-analysis', image: `${REGISTRY}/visual-analysis:2.0.0-slow`, timeout: '2s' } });
    expect(run.exitCode).toBe(1);
    expect(run.outputs.verdict).toBe('rolled-back');
    expect(run.outputs['failure-reason']).toMatch(/^visual-analysis: Timeout: not rolled out after 2 s: /);
    expectRunning(VISUAL, V1('visual-analysis'));
  });

  it('probes health-url after the rollouts and rolls back when it keeps failing', async () => {
    const { createServer } = await import('node:http');
    let status = 200;
    const hits: string[] = [];
    const server = createServer((req, res) => {
      hits.push(req.url ?? '');
      res.writeHead(status).end(status === 200 ? 'ok' : 'upstream not ready');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
    const url = `http://127.0.0.1:${(server.address() as { port: number }).port}/healthz`;
    try {
      sim = await startCluster([{ spec: VISUAL, image: V1('visual-analysis') }]);
      workspace = makeWorkspace();
      const inputs = { deployment: VISUAL.deployment, container: VISUAL.container, namespace: NAMESPACE, 'health-url': url };
      const good = await runRollout(sim, { workspace, inputs: { ...inputs, image: V2('visual-analysis') } });
      expect(good.outputs.verdict).toBe('succeeded');
      expect(hits).toEqual(['/healthz', '/healthz']);
      status = 503;
      const bad = await runRollout(sim, { workspace, inputs: { ...inputs, image: `${REGISTRY}/visual-analysis:3.0.0` } });
      expect(bad.outputs.verdict).toBe('rolled-back');
      expect(bad.outputs['failure-reason']).toBe(`${VISUAL.deployment}: HealthCheckFailed: ${url} failed after 4 attempts: HTTP 503: upstream not ready`);
      expectRunning(VISUAL, V2('visual-analysis'));
    } finally {
      server.close();
    }
  });

  it('reports a failed rollback loudest of all', async () => {
    // One old pod is replaced at a time, so the rollback has to start pods of the previous image again.
    const spec = { ...VISUAL, rollingUpdate: { maxSurge: 0, maxUnavailable: 1 } };
    sim = await startCluster([{ spec, image: V1('visual-analysis') }]);
    // The previous image has since been deleted from the registry: the rollback cannot pull it.
    sim.setImageBehaviour(V1('visual-analysis'), 'missing');
    workspace = makeWorkspace();
    const run = await runRollout(sim, { workspace, inputs: { services: 'visual-analysis', image: `${REGISTRY}/visual-analysis:2.0.0-crashloop` } });
    expect(run.exitCode).toBe(1);
    expect(run.outputs.verdict).toBe('failed');
    expect(run.outputs['rolled-back']).toBe('false');
    const loud = run.annotations.find((a) => a.level === 'error' && a.properties.title === 'gke-rollout: ROLLBACK FAILED');
    expect(loud!.message).toMatch(/^ROLLBACK FAILED for visual-analysis \((ImagePullBackOff|ErrImagePull): .*\)\. The rollout failed first \(visual-analysis: CrashLoopBackOff/);
    expect(run.summary).toContain('## GKE rollout FAILED');
    expect(run.summary).toContain('> [!CAUTION]');
    expect(run.summary).toContain('**The rollback failed.**');
    expect(run.summary).toContain('| **ROLLBACK FAILED** |');
  });

  it('applies manifests server-side with the new image written in: one revision per rollout', async () => {
    sim = await startCluster([]);
    const manifest = [
      '# the visual-analysis service',
      '---',
      'apiVersion: v1',
      'kind: Service',
      'metadata:',
      `  name: ${VISUAL.deployment}`,
      'spec:',
      `  selector: { app: ${VISUAL.app} }`,
      '  ports: [{ name: http, port: 80, targetPort: http }]',
      '---',
      'apiVersion: apps/v1',
      'kind: Deployment',
      'metadata:',
      `  name: ${VISUAL.deployment}`,
      'spec:',
      '  replicas: 2',
      `  selector: { matchLabels: { app: ${VISUAL.app} } }`,
      '  template:',
      `    metadata: { labels: { app: ${VISUAL.app} } }`,
      '    spec:',
      `      containers: [{ name: ${VISUAL.container}, image: "gcr.io/aura-project/visual-analysis:latest", ports: [{ name: http, containerPort: 8000 }] }]`,
      '',
    ].join('\n');
    workspace = makeWorkspace({ 'services/visual_analysis/k8s/deployment.yaml': manifest });
    const inputs = { services: 'visual-analysis', manifests: 'services/visual_analysis/k8s/*.yaml', namespace: NAMESPACE };
    const first = await runRollout(sim, { workspace, inputs: { ...inputs, image: V1('visual-analysis') } });
    expect(first.exitCode).toBe(0);
    expect(first.outputs.verdict).toBe('succeeded');
    expect(first.outputs.revision).toBe('1');
    expect(first.visibleLog).toContain(`applied Service ${NAMESPACE}/${VISUAL.deployment} (services/visual_analysis/k8s/deployment.yaml:3) server-side`);
    expect(first.visibleLog).toContain(`applied Deployment ${NAMESPACE}/${VISUAL.deployment} (services/visual_analysis/k8s/deployment.yaml:11) server-side`);
    expect(deploymentOf(VISUAL).metadata.managedFields.some((f: { manager: string; operation: string }) => f.manager === 'aura-gke-rollout' && f.operation === 'Apply')).toBe(true);

    const second = await runRollout(sim, { workspace, inputs: { ...inputs, image: V2('visual-analysis') } });
    expect(second.outputs.verdict).toBe('succeeded');
    expect(second.outputs.revision).toBe('2');
    expect(second.outputs['previous-image']).toBe(V1('visual-analysis'));
    expectRunning(VISUAL, V2('visual-analysis'));
    expect(sim.list('replicasets', NAMESPACE, `app=${VISUAL.app}`)).toHaveLength(2);
  });

  it("rolls out the Aura monorepo fixture's own manifests, as the CI smoke job does", async () => {
    // A fresh cluster: not even the aura namespace exists.
    sim = await startKubeSim({ timeScale: 4 });
    const steps = (image: string) => ({
      workspace: REPO_ROOT,
      inputs: {
        'working-directory': '__tests__/fixtures/aura-monorepo',
        services: 'visual-analysis',
        manifests: 'services/visual_analysis/k8s/deployment.yaml',
        'create-namespace': 'true',
        image,
      },
    });
    const first = await runRollout(sim, steps('registry.example/aura/visual-analysis:1.0.0'));
    expect(first.exitCode).toBe(0);
    expect(first.visibleLog).toContain('created namespace aura (create-namespace: true)');
    const second = await runRollout(sim, steps('registry.example/aura/visual-analysis:1.0.1'));
    expect(second.exitCode).toBe(0);
    expect(second.outputs).toMatchObject({
      verdict: 'succeeded',
      image: 'registry.example/aura/visual-analysis:1.0.1',
      'previous-image': 'registry.example/aura/visual-analysis:1.0.0',
      revision: '2',
    });
  });

  it('fails without a rollback when the Deployment it created from manifests fails: nothing ran before', async () => {
    sim = await startCluster([]);
    workspace = makeWorkspace({
      'k8s/visual.json': JSON.stringify(deployment(VISUAL, 'placeholder')),
    });
    const run = await runRollout(sim, {
      workspace,
      inputs: { services: 'visual-analysis', manifests: 'k8s/visual.json', image: `${REGISTRY}/visual-analysis:1.0.0-crashloop` },
    });
    expect(run.exitCode).toBe(1);
    expect(run.outputs.verdict).toBe('failed');
    expect(run.outputs['rolled-back']).toBe('false');
    expect(run.summary).toContain('failed, not rolled back: this run created it, so there is no earlier revision to return to');
    expect(run.summary).not.toContain('The rollback failed');
    expect(run.annotations.some((a) => a.properties.title === 'gke-rollout: ROLLBACK FAILED')).toBe(false);
  });

  it('refuses a manifest the cluster rejects before changing anything, annotated on the file and line', async () => {
    sim = await startCluster([{ spec: VISUAL, image: V1('visual-analysis') }]);
    const manifest = [
      'apiVersion: v1',
      'kind: ConfigMap',
      'metadata: { name: visual-config }',
      'data: { a: "1" }',
      '---',
      'apiVersion: apps/v1',
      'kind: Deployment',
      'metadata:',
      `  name: ${VISUAL.deployment}`,
      'spec:',
      '  replicas: -1',
      `  selector: { matchLabels: { app: ${VISUAL.app} } }`,
      '  template:',
      `    metadata: { labels: { app: ${VISUAL.app} } }`,
      `    spec: { containers: [{ name: ${VISUAL.container}, image: x }] }`,
      '',
    ].join('\n');
    workspace = makeWorkspace({ 'k8s/all.yaml': manifest });
    const run = await runRollout(sim, { workspace, inputs: { services: 'visual-analysis', manifests: 'k8s', namespace: NAMESPACE, image: V2('visual-analysis') } });
    expect(run.exitCode).toBe(1);
    const error = run.annotations.find((a) => a.level === 'error')!;
    expect(error.properties).toMatchObject({ file: 'k8s/all.yaml', line: '6' });
    expect(error.message).toMatch(/the cluster refused Deployment aura\/visual-analysis-service from k8s\/all.yaml \(dry run; nothing was applied\): HTTP 422/);
    expect(sim.get('configmaps', NAMESPACE, 'visual-config')).toBeUndefined();
    expect(currentImage(sim, VISUAL)).toBe(V1('visual-analysis'));
  });

  it('rolls out a deployment named by the inputs, from a kubeconfig given as content, without leaking its token', async () => {
    const { createTestCertificates } = await import('../../standins/kube/index.js');
    const certs = createTestCertificates();
    try {
      sim = await startCluster([{ spec: VISUAL, image: V1('visual-analysis') }], { tls: { cert: certs.cert, key: certs.key, ca: certs.ca } });
      workspace = makeWorkspace();
      const run = await runRollout(undefined, {
        workspace,
        inputs: {
          kubeconfig: sim.kubeconfig,
          deployment: VISUAL.deployment,
          container: VISUAL.container,
          namespace: NAMESPACE,
          image: `${REGISTRY}/visual-analysis:2.0.0`,
          digest: V2_DIGEST,
        },
      });
      expect(run.exitCode).toBe(0);
      expect(run.outputs.image).toBe(`${REGISTRY}/visual-analysis:2.0.0@${V2_DIGEST}`);
      expect(sim.token).toBeDefined();
      expectNoLeaks(run, [sim.token!]);
      expect(run.stdout).toContain(`::add-mask::${sim.token}`);
    } finally {
      rmSync(certs.dir, { recursive: true, force: true });
    }
  });
});

describe('gke-rollout input errors', () => {
  it.each([
    [{ services: 'docs', image: 'x/y:1' }, /service 'docs' has no deploy entry in \.github\/services\.yml/],
    [{ services: 'nope', image: 'x/y:1' }, /input 'services': 'nope' is not in \.github\/services\.yml \(services: visual-analysis, outfit-recommendation, docs\)/],
    [{ services: 'visual-analysis,outfit-recommendation', image: 'x/y:1' }, /input 'image' gives one image but 2 services are to be rolled out/],
    [{ services: 'visual-analysis', image: 'not an image' }, /'not an image' is not an image reference/],
    [{ deployment: 'web', image: 'x/y:1' }, /input 'container' is required with 'deployment'/],
    [{ services: 'visual-analysis', image: 'x/y:1', cluster: 'aura' }, /input 'kubeconfig' cannot be used with 'cluster'/],
  ])('%j fails with one clear error', async (inputs, message) => {
    workspace = makeWorkspace();
    const run = await runRollout(undefined, { workspace, inputs: { kubeconfig: '/nonexistent/kubeconfig', ...inputs } });
    expect(run.exitCode).toBe(1);
    const errors = run.annotations.filter((a) => a.level === 'error');
    expect(errors).toHaveLength(1);
    expect(errors[0]!.message).toMatch(message);
  });

  it('names a missing deployment and a wrong container before changing anything', async () => {
    sim = await startCluster([{ spec: VISUAL, image: V1('visual-analysis') }]);
    workspace = makeWorkspace();
    const missing = await runRollout(sim, { workspace, inputs: { deployment: 'nope', container: 'app', namespace: NAMESPACE, image: V2('x') } });
    expect(missing.annotations.find((a) => a.level === 'error')!.message).toContain(
      "deployment 'nope' does not exist in namespace 'aura'; create it first or give its manifest in input 'manifests'",
    );
    const wrong = await runRollout(sim, { workspace, inputs: { deployment: VISUAL.deployment, container: 'app', namespace: NAMESPACE, image: V2('x') } });
    expect(wrong.annotations.find((a) => a.level === 'error')!.message).toContain(
      "deployment 'visual-analysis-service' has no container 'app'; its containers: visual-analysis (set input 'container')",
    );
    expect(wrong.outputs.verdict).toBe('failed');
    expect(patches(sim, VISUAL.deployment)).toHaveLength(0);
  });

  it('stops with a clear error when the namespace does not exist, unless create-namespace is set', async () => {
    sim = await startCluster([]);
    workspace = makeWorkspace();
    const inputs = { deployment: 'web', container: 'web', namespace: 'staging', image: V2('web'), manifests: 'web.yaml' };
    workspace = makeWorkspace({ 'web.yaml': JSON.stringify(deployment({ deployment: 'web', container: 'web', app: 'web', replicas: 1 }, 'web:1')).replace(`"namespace":"${NAMESPACE}",`, '') });
    const refused = await runRollout(sim, { workspace, inputs });
    expect(refused.annotations.find((a) => a.level === 'error')!.message).toContain(
      "namespace 'staging' does not exist on",
    );
    const created = await runRollout(sim, { workspace, inputs: { ...inputs, 'create-namespace': 'true' } });
    expect(created.exitCode).toBe(0);
    expect(created.outputs.image).toBe(V2('web'));
    expect(sim.get('deployments', 'staging', 'web')).toBeDefined();
  });
});

import { rmSync } from 'node:fs';
import type { KubeSim } from '../../standins/kube/index.js';
import { describeWithTool, findTool } from '../harness/tools.js';
import { Kubectl } from '../standins/kube/helpers.js';
import { makeWorkspace, NAMESPACE, REGISTRY, runRollout, startCluster, VISUAL, V1_DIGEST, V2_DIGEST } from '../kube/support.js';

// After gke-rollout has run (dist bundle) against the Kubernetes API simulator (a stand-in, not
// a cluster), the real kubectl reads the same Deployment: its rollout status and history must
// agree with the action's verdict and revision.

let sim: KubeSim | undefined;
let workspace: string | undefined;

afterEach(async () => {
  await sim?.close();
  expect(sim?.errors ?? []).toEqual([]);
  sim = undefined;
  if (workspace) rmSync(workspace, { recursive: true, force: true });
});

const V1 = `${REGISTRY}/visual-analysis@${V1_DIGEST}`;
const DEPLOYMENT = `deployment/${VISUAL.deployment}`;

/** Rows of `kubectl rollout history`: revision -> change-cause. */
function history(text: string): Record<string, string> {
  const rows: Record<string, string> = {};
  for (const line of text.split('\n').slice(2)) {
    const match = /^(\d+)\s+(.*)$/.exec(line.trim());
    if (match) rows[match[1]!] = match[2]!.trim();
  }
  return rows;
}

describeWithTool('kubectl', 'kubectl reads the Deployment after the action')('kubectl agrees with gke-rollout', () => {
  let kubectl: Kubectl;

  async function setUp(): Promise<void> {
    sim = await startCluster([{ spec: VISUAL, image: V1 }]);
    kubectl = new Kubectl(findTool('kubectl')!, sim);
    await kubectl.ok(['-n', NAMESPACE, 'annotate', DEPLOYMENT, 'kubernetes.io/change-cause=release 1.0.0']);
    workspace = makeWorkspace();
  }

  it('after a successful rollout: rollout status succeeds and history shows the revision with its change-cause', async () => {
    await setUp();
    const image = `${REGISTRY}/visual-analysis@${V2_DIGEST}`;
    const run = await runRollout(sim, { workspace, env: { GITHUB_SHA: 'feedfacefeedfacefeedfacefeedfacefeedface' }, inputs: { services: 'visual-analysis', image } });
    expect(run.outputs.verdict).toBe('succeeded');

    const status = await kubectl.run(['-n', NAMESPACE, 'rollout', 'status', DEPLOYMENT, '--timeout=10s']);
    expect(status.code).toBe(0);
    expect(status.stdout).toContain(`deployment "${VISUAL.deployment}" successfully rolled out`);
    const rows = history(await kubectl.ok(['-n', NAMESPACE, 'rollout', 'history', DEPLOYMENT]));
    expect(rows).toEqual({
      '1': 'release 1.0.0',
      '2': `aura gke-rollout: ${image} from commit feedfacefeed (https://github.com/aura/platform/actions/runs/4242/attempts/1)`,
    });
    expect(Math.max(...Object.keys(rows).map(Number))).toBe(Number(run.outputs.revision));
    const running = await kubectl.ok(['-n', NAMESPACE, 'get', DEPLOYMENT, '-o', 'jsonpath={.spec.template.spec.containers[0].image}']);
    expect(running).toBe(run.outputs.image);
  });

  it('after a rollback: revision 1 comes back as the newest, with its change-cause, and rollout status succeeds', async () => {
    await setUp();
    const run = await runRollout(sim, { workspace, inputs: { services: 'visual-analysis', image: `${REGISTRY}/visual-analysis:2.0.0-crashloop` } });
    expect(run.outputs.verdict).toBe('rolled-back');
    expect(run.outputs.revision).toBe('3');

    const status = await kubectl.run(['-n', NAMESPACE, 'rollout', 'status', DEPLOYMENT, '--timeout=10s']);
    expect(status.code).toBe(0);
    expect(status.stdout).toContain('successfully rolled out');
    const rows = history(await kubectl.ok(['-n', NAMESPACE, 'rollout', 'history', DEPLOYMENT]));
    // kubectl rollout undo's signature: the restored revision is renumbered, its change-cause kept.
    expect(Object.keys(rows)).toEqual(['2', '3']);
    expect(rows['3']).toBe('release 1.0.0');
    expect(rows['2']).toContain(`${REGISTRY}/visual-analysis:2.0.0-crashloop`);
    const detail = await kubectl.ok(['-n', NAMESPACE, 'rollout', 'history', DEPLOYMENT, '--revision=3']);
    expect(detail).toContain(`Image:\t${V1}`);
    expect(await kubectl.ok(['-n', NAMESPACE, 'get', DEPLOYMENT, '-o', 'jsonpath={.spec.template.spec.containers[0].image}'])).toBe(run.outputs.image);
  });

  it('with rollback: false, the action fails within seconds and kubectl rollout status still waits on the same rollout', async () => {
    await setUp();
    const run = await runRollout(sim, {
      workspace,
      inputs: { services: 'visual-analysis', image: `${REGISTRY}/visual-analysis:2.0.0-crashloop`, rollback: 'false' },
    });
    expect(run.exitCode).toBe(1);
    expect(run.outputs.verdict).toBe('failed');
    expect(run.outputs['rolled-back']).toBe('false');
    expect(run.outputs.revision).toBe('2');
    const status = await kubectl.run(['-n', NAMESPACE, 'rollout', 'status', DEPLOYMENT, '--timeout=3s']);
    expect(status.code).not.toBe(0);
    expect(status.stdout + status.stderr).toMatch(/Waiting for deployment "visual-analysis-service" rollout to finish: 1 out of 3 new replicas have been updated/);
  });
});

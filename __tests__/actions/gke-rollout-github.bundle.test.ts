import { rmSync } from 'node:fs';
import { startGitHubStandIn, type GitHubStandIn } from '../../standins/github/index.js';
import type { KubeSim } from '../../standins/kube/index.js';
import { currentImage, makeWorkspace, REGISTRY, runRollout, startCluster, VISUAL, V1_DIGEST, V2_DIGEST } from '../kube/support.js';

// The GitHub deployment gke-rollout records, against the GitHub REST stand-in (standins/github,
// not GitHub) and the Kubernetes API simulator (standins/kube, not a cluster).

const SHA = 'c0ffee0000000000000000000000000000c0ffee';
const ENVIRONMENT_URL = 'https://aura.example.com';

let sim: KubeSim;
let gh: GitHubStandIn;
let workspace: string;

beforeEach(async () => {
  sim = await startCluster([{ spec: VISUAL, image: `${REGISTRY}/visual-analysis@${V1_DIGEST}` }]);
  gh = await startGitHubStandIn({ repos: [{ fullName: 'aura/platform', refs: { main: SHA } }] });
  workspace = makeWorkspace();
});

afterEach(async () => {
  await gh.close();
  await sim.close();
  rmSync(workspace, { recursive: true, force: true });
});

function deploy(image: string, token = 'ghs_write') {
  return runRollout(sim, {
    workspace,
    apiUrl: gh.url,
    token,
    env: { GITHUB_SHA: SHA },
    inputs: { services: 'visual-analysis', image, environment: 'production', 'environment-url': ENVIRONMENT_URL },
  });
}

function states(id: number): string[] {
  return gh.state.deploymentStatuses('aura/platform', id).map((s) => s.state);
}

describe('gke-rollout records a GitHub deployment', () => {
  it('in_progress then success, marks the replaced deployment inactive, and failure after a rollback', async () => {
    const first = await deploy(`${REGISTRY}/visual-analysis@${V2_DIGEST}`);
    expect(first.exitCode).toBe(0);
    const [one] = gh.state.deployments('aura/platform');
    expect(first.outputs['deployment-id']).toBe(String(one!.id));
    expect(one).toMatchObject({ sha: SHA, environment: 'production', production_environment: true, transient_environment: false });
    expect(one!.payload).toEqual({ images: { 'visual-analysis': `${REGISTRY}/visual-analysis@${V2_DIGEST}` } });
    expect(states(one!.id)).toEqual(['in_progress', 'success']);
    const success = gh.state.deploymentStatuses('aura/platform', one!.id)[1]!;
    expect(success).toMatchObject({
      environment_url: ENVIRONMENT_URL,
      log_url: 'https://github.com/aura/platform/actions/runs/4242/attempts/1',
      description: 'visual-analysis revision 2',
    });

    const second = await deploy(`${REGISTRY}/visual-analysis@${V1_DIGEST}`);
    expect(second.exitCode).toBe(0);
    const two = gh.state.deployments('aura/platform')[1]!;
    expect(states(two.id)).toEqual(['in_progress', 'success']);
    expect(states(one!.id)).toEqual(['in_progress', 'success', 'inactive']);
    expect(second.visibleLog).toContain(`GitHub deployment(s) ${one!.id} marked inactive (replaced)`);

    const third = await deploy(`${REGISTRY}/visual-analysis:3.0.0-crashloop`);
    expect(third.outputs.verdict).toBe('rolled-back');
    const three = gh.state.deployments('aura/platform')[2]!;
    expect(states(three.id)).toEqual(['in_progress', 'failure']);
    expect(gh.state.deploymentStatuses('aura/platform', three.id)[1]!.description).toMatch(/^rolled back: visual-analysis: CrashLoopBackOff/);
    // The rollback put the second deployment's image back: it stays the active one.
    expect(states(two.id)).toEqual(['in_progress', 'success']);

    for (const run of [first, second, third]) {
      for (const text of [run.visibleLog, run.summary, JSON.stringify(run.outputs)]) expect(text).not.toContain('ghs_write');
    }
  });

  it('stops before changing anything when the token may not create deployments', async () => {
    const run = await deploy(`${REGISTRY}/visual-analysis@${V2_DIGEST}`, 'ghs_read');
    expect(run.exitCode).toBe(1);
    const error = run.annotations.find((a) => a.level === 'error')!;
    expect(error.message).toMatch(/could not record a GitHub deployment in environment 'production' \(HTTP 403\): .*the token needs permissions: deployments: write\. Nothing was changed/);
    expect(currentImage(sim, VISUAL)).toBe(`${REGISTRY}/visual-analysis@${V1_DIGEST}`);
    expect(gh.state.deployments('aura/platform')).toHaveLength(0);
  });
});

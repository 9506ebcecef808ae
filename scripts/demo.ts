/**
 * The demo: the whole Aura pipeline on the example monorepo, each action run from its committed
 * bundle exactly as the GitHub runner runs it (Node 24, INPUT_* variables, the event file, the
 * output and summary files).
 *
 * main reproduces its DVC pipelines once and commits dvc.lock. Then a pull request tunes one
 * training parameter of the visual model and edits a shared library:
 *   1. detect-changed-services tells which services it affects, and why;
 *   2. dvc-repro-and-push reproduces their DVC stages with real DVC and pushes to a remote;
 *   3. metrics-regression-gate compares the new metrics with main's and comments on the pull
 *      request (on the GitHub REST stand-in);
 * then, after the merge:
 *   4. build-scan-push builds the visual-analysis image with BuildKit, scans it with Trivy and
 *      pushes it to a registry on loopback;
 *   5. gke-rollout rolls it out on the Kubernetes API simulator, then rolls out a crash-looping
 *      image, which it detects within seconds and rolls back.
 *
 * Real: git, DVC, the Docker engine, the registry, Trivy. Stand-ins: the GitHub API and the
 * Kubernetes API (there is neither GitHub nor a cluster here).
 */
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startGitHubStandIn } from '../standins/github/index.js';
import { startKubeSim } from '../standins/kube/index.js';
import { buildBusyboxBase, removeImages, startRegistry } from '../__tests__/docker/support.js';
import { runBundle, type BundleOptions, type BundleRun } from '../__tests__/harness/bundle.js';
import { FIXTURES } from '../__tests__/harness/paths.js';
import { commit, git } from '../__tests__/harness/git.js';

const REGISTRY_USER = 'aura-ci';
const REGISTRY_PASSWORD = 'demo-registry-password';
const TOKEN = 'ghs_write';

function banner(title: string): void {
  console.log(`\n${'━'.repeat(100)}\n${title}\n${'━'.repeat(100)}`);
}

type Expect = 'success' | 'failure' | 'either';

async function step(action: string, title: string, options: BundleOptions, expect: Expect = 'success'): Promise<BundleRun> {
  banner(`${action} — ${title}`);
  const run = await runBundle(action, { timeoutMs: 300_000, ...options });
  const log = run.visibleLog.split('\n').filter((line) => line.trim() !== '' && !line.startsWith('::debug::'));
  console.log(`log (last lines of ${log.length}):`);
  for (const line of log.slice(-12)) console.log(`  │ ${line.length > 160 ? `${line.slice(0, 157)}...` : line}`);
  console.log('outputs:');
  for (const [name, value] of Object.entries(run.outputs)) {
    if (name === 'markdown') continue;
    const text = value.length > 300 ? `${value.slice(0, 297)}...` : value;
    console.log(`  ${name} = ${text.replace(/\n/g, '\\n')}`);
  }
  console.log(`job summary:\n${run.summary.trim().split('\n').map((line) => `  ┃ ${line}`).join('\n')}`);
  const failed = run.exitCode !== 0;
  if ((expect === 'success' && failed) || (expect === 'failure' && !failed)) {
    throw new Error(`${action} ${failed ? `failed (exit ${run.exitCode})` : 'succeeded where it should have failed'}:\n${run.stdout}\n${run.stderr}`);
  }
  console.log(`→ exit code ${run.exitCode}${expect === 'failure' ? ' (the failure is what this step shows)' : ''}`);
  return run;
}

const scratch = mkdtempSync(join(tmpdir(), 'aura-demo-'));
const repo = join(scratch, 'platform');
const dvcRemote = join(scratch, 'dvc-remote');
const github = await startGitHubStandIn({ repos: [{ fullName: 'aura/platform' }] });
const registry = await startRegistry({ [REGISTRY_USER]: REGISTRY_PASSWORD });
const cluster = await startKubeSim({ timeScale: 4 });

try {
  // The repository: the example monorepo on main, and a pull request branch.
  cpSync(join(FIXTURES, 'aura-monorepo'), repo, { recursive: true });
  git(repo, 'init', '-q', '-b', 'main');
  git(repo, 'config', 'commit.gpgsign', 'false');
  const initial = commit(repo, {}, 'Aura platform');

  // main reproduces its pipelines once and commits dvc.lock, as a team does after training.
  await step('dvc-repro-and-push', 'main: reproduce every pipeline once and push the outputs', {
    eventName: 'push',
    event: { ref: 'refs/heads/main', before: '0'.repeat(40), after: initial, repository: { default_branch: 'main' } },
    workspace: repo,
    env: { GITHUB_SHA: initial, GITHUB_REF: 'refs/heads/main', DVC_NO_ANALYTICS: '1' },
    inputs: { remote: dvcRemote, cache: 'false' },
  });
  const base = commit(repo, {}, 'Record the pipelines in dvc.lock');
  git(repo, 'checkout', '-qb', 'tune-visual-training');
  const params = readFileSync(join(repo, 'params.yaml'), 'utf8').replace('    epochs: 12', '    epochs: 4');
  const head = commit(
    repo,
    { 'params.yaml': params, 'libs/fashion_taxonomy/palette.py': 'PALETTE = ["navy", "ecru", "sage"]\n' },
    'Train the visual model for fewer epochs; add a palette to the taxonomy',
  );
  github.state.addPull('aura/platform', {
    number: 42,
    title: 'Train the visual model for fewer epochs',
    base: { ref: 'main', sha: base },
    head: { ref: 'tune-visual-training', sha: head },
  });
  console.log(`The example monorepo is in ${repo}.\nPull request #42 (${base.slice(0, 7)}..${head.slice(0, 7)}):`);
  console.log(git(repo, 'diff', '--stat', base, head));

  const pullRequest = {
    eventName: 'pull_request',
    event: {
      number: 42,
      pull_request: { number: 42, base: { sha: base, ref: 'main' }, head: { sha: head, ref: 'tune-visual-training' } },
      repository: { default_branch: 'main', full_name: 'aura/platform' },
    },
    workspace: repo,
    apiUrl: github.url,
    token: TOKEN,
    env: { GITHUB_SHA: head, GITHUB_REF: 'refs/pull/42/merge', DVC_NO_ANALYTICS: '1' },
  } satisfies BundleOptions;

  const detect = await step('detect-changed-services', 'which services does pull request #42 affect?', pullRequest);
  const services = detect.outputs.services!;

  await step('dvc-repro-and-push', 'reproduce their DVC stages and push the outputs', {
    ...pullRequest,
    inputs: { services, remote: dvcRemote, cache: 'false' },
  });

  const gate = await step(
    'metrics-regression-gate',
    'compare the metrics with main and comment on the pull request',
    { ...pullRequest, inputs: { services, token: TOKEN } },
    'either',
  );
  const comments = github.state.comments('aura/platform', 42);
  banner(`The comment on pull request #42 (${comments.length} comment, verdict ${gate.outputs.verdict})`);
  console.log(String(comments[0]?.body ?? '(none)').replace(/<!--[\s\S]*?-->/g, '').trim());

  // After the merge: build the visual-analysis image and roll it out.
  git(repo, 'checkout', '-q', 'main');
  git(repo, 'merge', '-q', '--ff-only', 'tune-visual-training');
  const push = {
    eventName: 'push',
    event: { ref: 'refs/heads/main', before: base, after: head, repository: { default_branch: 'main', full_name: 'aura/platform' } },
    workspace: repo,
    env: { GITHUB_SHA: head, GITHUB_REF: 'refs/heads/main', DOCKER_BUILDKIT: '1' },
  } satisfies BundleOptions;
  const baseImage = buildBusyboxBase('aura-demo/busybox-base:1');
  const build = await step('build-scan-push', 'build, scan (Trivy) and push the visual-analysis image', {
    ...push,
    inputs: {
      service: 'visual-analysis',
      registry: `${registry.host}/aura`,
      'registry-username': REGISTRY_USER,
      'registry-password': REGISTRY_PASSWORD,
      'build-args': `BASE_IMAGE=${baseImage}`,
      // Trivy's vulnerability database cannot be downloaded here; the secret scanner runs offline.
      scanners: 'secret',
    },
  });

  const rollout = {
    ...push,
    inputs: {
      services: 'visual-analysis',
      manifests: 'services/visual_analysis/k8s/deployment.yaml',
      'create-namespace': 'true',
      kubeconfig: cluster.kubeconfigPath,
      timeout: '2m',
    },
  };
  await step('gke-rollout', 'roll the pushed image out (Kubernetes API simulator)', {
    ...rollout,
    inputs: { ...rollout.inputs, image: build.outputs.ref ?? `${build.outputs.image}@${build.outputs.digest}` },
  });
  await step(
    'gke-rollout',
    'roll out an image that crash-loops: detected, rolled back, verified',
    { ...rollout, inputs: { ...rollout.inputs, manifests: '', image: `${registry.host}/aura/visual-analysis:2.0.0-crashloop` } },
    'failure',
  );
  banner('Done: every action ran from its committed bundle. Stand-ins: the GitHub API and the Kubernetes API.');
} finally {
  await cluster.close();
  await registry.stop();
  await github.close();
  removeImages(`${registry.host}/`);
  rmSync(scratch, { recursive: true, force: true });
}

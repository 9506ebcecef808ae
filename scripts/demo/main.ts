/**
 * `npm run demo [-- --out DIR]`: the story of one pull request through the Aura pipeline, on a
 * copy of the example monorepo, each action run from its committed bundle exactly as the GitHub
 * runner runs it (Node 24, INPUT_* variables, the event payload file, GITHUB_OUTPUT and
 * GITHUB_STEP_SUMMARY), with the outputs of one step fed into the next as a workflow does.
 *
 *   main    dvc-repro-and-push reproduces every pipeline once; dvc.lock is committed.
 *   push 1  the PR halves the visual model's training batch size: detect-changed-services picks
 *           visual-analysis only (the params key its training stage reads), dvc-repro-and-push
 *           reproduces its stages and pushes them, metrics-regression-gate comments: improved.
 *   push 2  fewer epochs, to train faster: mAP@0.5 drops past its threshold; the gate updates
 *           the same comment to a failure and fails.
 *   push 3  the epochs are restored: DVC restores the training from its run cache and the
 *           comment turns back to a pass, with the trend of the three pushes.
 *   merge   build-scan-push builds the image, scans it with Trivy and pushes it to a registry
 *           on loopback (or, with no Docker engine here, says so and rolls out a pre-built image reference);
 *           gke-rollout rolls it out on the Kubernetes API simulator, then rolls out an image
 *           that crash-loops, detects it within seconds, rolls back and verifies.
 *
 * Everything lands in the output folder (default `demo-output/`): each job summary and each
 * version of the PR comment as Markdown, narrative.txt, run.json, and index.html rendering them.
 * Real: git, DVC, the Docker engine, the registry, Trivy. Stand-ins: the GitHub REST API and the
 * Kubernetes API.
 */
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { DEFAULT_TOKENS } from '../../standins/github/accounts.js';
import { startGitHubStandIn } from '../../standins/github/index.js';
import { startKubeSim } from '../../standins/kube/index.js';
import { buildBusyboxBase, containerToolsGap, removeImages, startRegistry, type TestRegistry } from '../../__tests__/docker/support.js';
import type { BundleOptions, BundleRun } from '../../__tests__/harness/bundle.js';
import { FIXTURES, REPO_ROOT } from '../../__tests__/harness/paths.js';
import { commit, git } from '../../__tests__/harness/git.js';
import { PREBUILT_IMAGE, PULL, REGISTRY_PASSWORD, REGISTRY_USER, TOKEN } from './fixtures.js';
import { DemoLog } from './steps.js';
import { writeSite } from './site.js';

const { values: args } = parseArgs({ options: { out: { type: 'string', default: join(REPO_ROOT, 'demo-output') } } });
const outDir = resolve(args.out!);
prepareOutDir(outDir);
const log = new DemoLog(outDir);

/** Empties the output folder of an earlier demo; refuses a folder that holds anything else. */
function prepareOutDir(dir: string): void {
  if (existsSync(dir) && readdirSync(dir).length > 0 && !existsSync(join(dir, 'run.json'))) {
    console.error(`demo: ${dir} is not empty and holds no earlier demo (no run.json); pass --out with an empty or new folder`);
    process.exit(2);
  }
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
}

function parseList(value: string | undefined): string[] {
  return value ? (JSON.parse(value) as string[]) : [];
}

function reasonsOf(run: BundleRun): string[] {
  const reasons = JSON.parse(run.outputs.reasons ?? '{}') as Record<string, Record<string, unknown>>;
  return Object.entries(reasons).map(([service, why]) => {
    const parts: string[] = [];
    for (const [stage, changes] of Object.entries((why.dvc ?? {}) as Record<string, string[]>)) parts.push(`DVC stage ${stage}: ${changes.join(', ')}`);
    if (Array.isArray(why.files) && why.files.length) parts.push(`files ${why.files.join(', ')}`);
    for (const [group, files] of Object.entries((why.groups ?? {}) as Record<string, string[]>)) parts.push(`shared ${group}: ${files.join(', ')}`);
    if (Array.isArray(why.global) && why.global.length) parts.push(`global ${why.global.join(', ')}`);
    if (Array.isArray(why.dependencies) && why.dependencies.length) parts.push(`depends on ${why.dependencies.join(', ')}`);
    if (typeof why.selected === 'string') parts.push(why.selected);
    return `${service} — ${parts.join('; ')}`;
  });
}

const MERGED = 'after the merge';
const scratch = mkdtempSync(join(tmpdir(), 'aura-demo-'));
const repo = join(scratch, 'platform');
const dvcRemote = join(scratch, 'dvc-remote');
const github = await startGitHubStandIn({ repos: [{ fullName: 'aura/platform' }], tokens: { [TOKEN]: DEFAULT_TOKENS.ghs_write! } });
const cluster = await startKubeSim({ timeScale: 4 });
const gap = containerToolsGap();
let registry: TestRegistry | undefined;
const comments: { push: number; id: number; verdict: string; file: string }[] = [];

try {
  log.say(`Aura Actions demo — every action runs from its committed dist/ bundle on Node ${process.versions.node}.`);
  log.say(`Output folder: ${outDir}`);
  cpSync(join(FIXTURES, 'aura-monorepo'), repo, { recursive: true });
  git(repo, 'init', '-q', '-b', 'main');
  git(repo, 'config', 'commit.gpgsign', 'false');
  const initial = commit(repo, {}, 'Aura platform');
  log.say(`The example monorepo (three services, two shared libraries, six DVC stages) is at ${repo}.`);

  // main reproduces its pipelines once and commits dvc.lock, as a team does after training.
  await log.run({
    action: 'dvc-repro-and-push',
    title: 'main: reproduce every pipeline once and push the outputs',
    phase: 'main',
    options: {
      eventName: 'push',
      event: { ref: 'refs/heads/main', before: '0'.repeat(40), after: initial, repository: { default_branch: 'main' } },
      workspace: repo,
      env: { GITHUB_SHA: initial, GITHUB_REF: 'refs/heads/main', DVC_NO_ANALYTICS: '1' },
      inputs: { remote: dvcRemote, cache: 'false' },
    },
    explain: (run) => [
      `Real DVC ${run.outputs['dvc-version']} ran ${parseList(run.outputs['stages-ran']).length} stages and pushed ${run.outputs.pushed} files to the local remote ${dvcRemote}.`,
      'main then commits dvc.lock and the metrics: they are the baseline the pull request is judged against.',
    ],
  });
  const base = commit(repo, {}, 'Record the pipelines in dvc.lock');
  git(repo, 'checkout', '-qb', 'tune-visual-training');

  const params = readFileSync(join(repo, 'params.yaml'), 'utf8');
  const pushes = [
    {
      message: 'Train the visual model with a batch size of 4',
      params: params.replace('    batch_size: 8', '    batch_size: 4'),
      expect: 'success' as const,
      story: 'push 1 halves the training batch size of the visual model',
    },
    {
      message: 'Train for 6 epochs instead of 12 to halve the training time',
      params: params.replace('    batch_size: 8', '    batch_size: 4').replace('    epochs: 12', '    epochs: 6'),
      expect: 'failure' as const,
      story: 'push 2 trains for 6 epochs instead of 12, to train faster',
    },
    {
      message: 'Back to 12 epochs: 6 costs too much mAP',
      params: params.replace('    batch_size: 8', '    batch_size: 4'),
      expect: 'success' as const,
      story: 'push 3 restores 12 epochs after reading the comment',
    },
  ];

  let head = base;
  for (const [index, push] of pushes.entries()) {
    const number = index + 1;
    // Each push is checked out afresh: what the previous run left in tracked files is dropped.
    git(repo, 'reset', '-q', '--hard');
    const before = head;
    head = commit(repo, { 'params.yaml': push.params }, push.message);
    if (number === 1) {
      github.state.addPull('aura/platform', {
        number: PULL,
        title: 'Tune the visual model training',
        base: { ref: 'main', sha: base },
        head: { ref: 'tune-visual-training', sha: head },
      });
    }
    log.banner(`Pull request #${PULL}, ${push.story}`);
    log.say(git(repo, 'diff', before, head, '--', 'params.yaml'));

    const pullRequest = {
      eventName: 'pull_request',
      event: {
        action: number === 1 ? 'opened' : 'synchronize',
        number: PULL,
        ...(number === 1 ? {} : { before, after: head }),
        pull_request: { number: PULL, base: { sha: base, ref: 'main' }, head: { sha: head, ref: 'tune-visual-training' } },
        repository: { default_branch: 'main', full_name: 'aura/platform' },
      },
      workspace: repo,
      apiUrl: github.url,
      token: TOKEN,
      env: { GITHUB_SHA: head, GITHUB_REF: `refs/pull/${PULL}/merge`, DVC_NO_ANALYTICS: '1', GITHUB_RUN_NUMBER: String(10 + number) },
    } satisfies BundleOptions;

    const detect = await log.run({
      action: 'detect-changed-services',
      title: `push ${number}: which services does the pull request affect?`,
      phase: `push ${number}`,
      options: pullRequest,
      explain: (run) => [
        `${run.outputs['changed-files']} file(s) changed between ${base.slice(0, 7)} and ${head.slice(0, 7)}; affected: ${parseList(run.outputs.services).join(', ') || 'none'}.`,
        ...reasonsOf(run).map((line) => `Why: ${line}`),
      ],
    });
    const services = detect.outputs.services!;

    await log.run({
      action: 'dvc-repro-and-push',
      title: `push ${number}: reproduce the affected stages and push the outputs`,
      phase: `push ${number}`,
      options: { ...pullRequest, inputs: { services, remote: dvcRemote, cache: 'false' } },
      explain: (run) => [
        `Ran: ${parseList(run.outputs['stages-ran']).join(', ') || 'nothing'}; from DVC's run cache: ${parseList(run.outputs['stages-from-run-cache']).join(', ') || 'nothing'}; skipped as unchanged: ${parseList(run.outputs['stages-skipped']).join(', ') || 'nothing'}.`,
        `Pushed ${run.outputs.pushed} files to the remote; dvc.lock changed: ${run.outputs['lock-changed']}.`,
      ],
    });

    const gate = await log.run({
      action: 'metrics-regression-gate',
      title: `push ${number}: compare the metrics with main and comment`,
      phase: `push ${number}`,
      options: { ...pullRequest, inputs: { services, token: TOKEN } },
      expect: push.expect,
      explain: (run) => {
        const regressions = JSON.parse(run.outputs.regressions || '[]') as { metric: string; old: number; new: number; threshold: string }[];
        return [
          `Verdict: ${run.outputs.verdict}.`,
          ...regressions.map((r) => `Regressed: ${r.metric} ${r.old} → ${r.new} (threshold ${r.threshold}).`),
          `The sticky comment: ${run.outputs['comment-url']}`,
        ];
      },
    });
    const onPull = github.state.comments('aura/platform', PULL);
    const comment = onPull[0];
    if (onPull.length !== 1 || !comment) throw new Error(`pull request #${PULL} has ${onPull.length} comments; the gate keeps exactly one`);
    const file = `pr-${PULL}-comment-push-${number}.md`;
    writeFileSync(join(outDir, file), comment.body);
    comments.push({ push: number, id: comment.id, verdict: gate.outputs.verdict!, file });
    log.say(`  The pull request has ${onPull.length} comment (id ${comment.id}, ${number === 1 ? 'created' : 'updated in place'}); saved to ${join(outDir, file)}`);
    log.addPage({
      id: `comment-push-${number}`,
      title: `The comment on pull request #${PULL} after push ${number}`,
      narrative: [`What the author reads after push ${number}: comment ${comment.id}, verdict ${gate.outputs.verdict}.`],
      file,
      badge: gate.outputs.verdict!,
      tone: gate.outputs.verdict === 'pass' ? 'good' : 'bad',
    });
  }
  writeFileSync(join(outDir, `pr-${PULL}-comment.md`), github.state.comments('aura/platform', PULL)[0]!.body);

  // The merge: the image is built, scanned and pushed, then rolled out.
  git(repo, 'reset', '-q', '--hard');
  git(repo, 'checkout', '-q', 'main');
  git(repo, 'merge', '-q', '--ff-only', 'tune-visual-training');
  log.banner(`Pull request #${PULL} merges: main is at ${head.slice(0, 7)}`);
  const push = {
    eventName: 'push',
    event: { ref: 'refs/heads/main', before: base, after: head, repository: { default_branch: 'main', full_name: 'aura/platform' } },
    workspace: repo,
    env: { GITHUB_SHA: head, GITHUB_REF: 'refs/heads/main', DOCKER_BUILDKIT: '1' },
  } satisfies BundleOptions;

  let image = PREBUILT_IMAGE;
  let crashImage = 'registry.aura.example/aura/visual-analysis:2.0.0-crashloop';
  if (gap) {
    log.skip('build-scan-push', 'build, scan and push the visual-analysis image', MERGED, [
      `This machine cannot build images: ${gap}.`,
      'Install the engine with `npm run setup` (scripts/setup.d/30-docker.sh) to see the build, the Trivy scan and the push.',
      `The rollout goes on with a pre-built image, ${PREBUILT_IMAGE} (the cluster simulator does not pull images).`,
    ]);
  } else {
    registry = await startRegistry({ [REGISTRY_USER]: REGISTRY_PASSWORD });
    const baseImage = buildBusyboxBase('aura-demo/busybox-base:1');
    const build = await log.run({
      action: 'build-scan-push',
      title: 'build, scan (Trivy) and push the visual-analysis image',
    phase: MERGED,
      options: {
        ...push,
        inputs: {
          service: 'visual-analysis',
          registry: `${registry.host}/aura`,
          'registry-username': REGISTRY_USER,
          'registry-password': REGISTRY_PASSWORD,
          'build-args': `BASE_IMAGE=${baseImage}`,
          // Trivy's vulnerability database cannot be downloaded here; its secret scanner runs offline.
          scanners: 'secret',
        },
      },
      explain: (run) => [
        `BuildKit built ${run.outputs.image} (the base image is busybox built FROM scratch: no image can be pulled here).`,
        `Trivy (secret scanner, offline): ${run.outputs['scan-result']}, findings ${run.outputs.findings}.`,
        `Pushed to the registry on loopback and verified: ${run.outputs.ref}`,
      ],
    });
    image = build.outputs.ref!;
    crashImage = `${registry.host}/aura/visual-analysis:2.0.0-crashloop`;
  }

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
  await log.run({
    action: 'gke-rollout',
    title: 'roll the image out on the Kubernetes API simulator',
    phase: MERGED,
    options: { ...rollout, inputs: { ...rollout.inputs, image } },
    explain: (run) => [
      `Verdict ${run.outputs.verdict}: revision ${run.outputs.revision} runs ${run.outputs.image}, ${run.outputs['duration-seconds']} s from the first change.`,
    ],
  });
  await log.run({
    action: 'gke-rollout',
    title: 'roll out an image that crash-loops: detected, rolled back, verified',
    phase: MERGED,
    options: { ...rollout, inputs: { ...rollout.inputs, manifests: '', image: crashImage } },
    expect: 'failure',
    explain: (run) => [
      `The simulator makes images tagged -crashloop exit at start, as a broken build would.`,
      `Verdict ${run.outputs.verdict} after ${run.outputs['duration-seconds']} s: ${run.outputs['failure-reason']}`,
      `Back on revision ${run.outputs.revision}, running ${run.outputs.image}.`,
    ],
  });

  log.banner('Done');
  const site = writeSite(outDir, {
    title: `Aura Actions demo: pull request #${PULL} from params change to production`,
    intro: [
      'Each section is what GitHub shows for one step: the job summary the action wrote, or the comment it posted on the pull request.',
      `Every action ran from its committed bundle on Node ${process.versions.node}. Real: git, DVC${gap ? '' : ', the Docker engine, the registry, Trivy'}. Stand-ins: the GitHub REST API and the Kubernetes API.${gap ? ` Not run: build-scan-push (${gap}).` : ''}`,
    ],
    overview: overviewChart(),
    pages: log.pages,
  });
  writeFileSync(
    join(outDir, 'run.json'),
    `${JSON.stringify({ node: process.versions.node, containers: gap ? { ran: false, why: gap } : { ran: true }, pull: PULL, comments, steps: log.steps }, null, 2)}\n`,
  );
  log.say(`Open ${site} to see what a pull-request author and a reviewer would see.`);
  log.say(`Job summaries and comments: ${relative(process.cwd(), outDir) || '.'}/*.md; the story as printed: narrative.txt; every step's outputs: run.json.`);
  log.writeNarrative();
} finally {
  await cluster.close();
  await registry?.stop();
  await github.close();
  if (registry) removeImages(`${registry.host}/`);
  rmSync(scratch, { recursive: true, force: true });
}

/** A Mermaid flowchart of the run: the phases left to right, their steps coloured by how they ended. */
function overviewChart(): string {
  const lines = ['flowchart LR'];
  const phases = [...new Set(log.steps.map((step) => step.phase))];
  for (const [p, phase] of phases.entries()) {
    lines.push(`  subgraph p${p}["${phase}"]`, '    direction TB');
    const ids: string[] = [];
    for (const [index, step] of log.steps.entries()) {
      if (step.phase !== phase) continue;
      const tone = step.status === 'passed' ? 'good' : step.status === 'skipped' ? 'neutral' : 'bad';
      lines.push(`    s${index}["${step.id.slice(0, 2)} ${step.action}<br/><b>${step.status}</b>"]:::${tone}`);
      ids.push(`s${index}`);
    }
    if (ids.length > 1) lines.push(`    ${ids.join(' --> ')}`);
    lines.push('  end');
  }
  if (phases.length > 1) lines.push(`  ${phases.map((_, p) => `p${p}`).join(' --> ')}`);
  lines.push('  classDef good fill:#dafbe1,stroke:#1a7f37', '  classDef bad fill:#ffebe9,stroke:#d1242f', '  classDef neutral fill:#eff2f5,stroke:#59636e');
  return lines.join('\n');
}

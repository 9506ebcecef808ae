#!/usr/bin/env node
// The demo: copies the example Aura monorepo into a temporary git repository, opens a
// "pull request" that edits a shared library and one service's training params, and runs
// the committed action bundles on it as the GitHub runner would, printing their outputs
// and job summaries.
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const node24 = join(root, '.tools', 'node24', 'bin', 'node');
const fixture = join(root, '__tests__', 'fixtures', 'aura-monorepo');

function git(cwd, ...args) {
  return execFileSync('git', args, {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, GIT_AUTHOR_NAME: 'Aura Demo', GIT_AUTHOR_EMAIL: 'demo@aura.example', GIT_COMMITTER_NAME: 'Aura Demo', GIT_COMMITTER_EMAIL: 'demo@aura.example' },
  }).trim();
}

function runAction(action, { workspace, eventName, event, inputs }) {
  const runner = mkdtempSync(join(tmpdir(), 'aura-demo-runner-'));
  const files = { event: join(runner, 'event.json'), output: join(runner, 'output'), summary: join(runner, 'summary.md') };
  writeFileSync(files.event, JSON.stringify(event));
  writeFileSync(files.output, '');
  writeFileSync(files.summary, '');
  const env = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    GITHUB_ACTIONS: 'true',
    GITHUB_EVENT_NAME: eventName,
    GITHUB_EVENT_PATH: files.event,
    GITHUB_WORKSPACE: workspace,
    GITHUB_OUTPUT: files.output,
    GITHUB_STEP_SUMMARY: files.summary,
    GITHUB_REPOSITORY: 'aura/platform',
    RUNNER_TEMP: runner,
  };
  for (const [name, value] of Object.entries(inputs)) env[`INPUT_${name.toUpperCase()}`] = value;
  const metadata = readFileSync(join(root, action, 'action.yml'), 'utf8');
  const main = /^\s+main:\s*(\S+)/m.exec(metadata)[1];
  console.log(`\n━━━ ${action} (${eventName}) ━━━`);
  const result = spawnSync(node24, [join(root, action, main)], { cwd: workspace, env, stdio: ['ignore', 'inherit', 'inherit'] });
  console.log(`\n--- outputs ---\n${readFileSync(files.output, 'utf8').replace(/<<ghadelimiter_[\w-]+\n/g, '=').replace(/\nghadelimiter_[\w-]+/g, '')}`);
  console.log(`--- job summary ---\n${readFileSync(files.summary, 'utf8')}`);
  rmSync(runner, { recursive: true, force: true });
  if (result.status !== 0) throw new Error(`${action} exited with ${result.status}`);
}

const repo = mkdtempSync(join(tmpdir(), 'aura-demo-'));
try {
  cpSync(fixture, repo, { recursive: true });
  git(repo, 'init', '-q', '-b', 'main');
  git(repo, 'add', '-A');
  git(repo, 'commit', '-qm', 'Aura platform');
  const base = git(repo, 'rev-parse', 'HEAD');
  git(repo, 'checkout', '-qb', 'tune-visual-training');
  const params = readFileSync(join(repo, 'params.yaml'), 'utf8');
  const tuned = params.replace(/(visual:[\s\S]*?train:[\s\S]*?epochs:\s*)(\d+)/, (_m, head, epochs) => `${head}${Number(epochs) + 5}`);
  writeFileSync(join(repo, 'params.yaml'), tuned);
  writeFileSync(join(repo, 'libs', 'fashion_taxonomy', 'colors.py'), '# demo: a shared library change\nPALETTE = ["navy", "ecru"]\n');
  git(repo, 'add', '-A');
  git(repo, 'commit', '-qm', 'Train the visual model longer; add a palette to the taxonomy');
  const head = git(repo, 'rev-parse', 'HEAD');
  console.log(`demo: example monorepo in ${repo}; pull request ${base.slice(0, 7)}..${head.slice(0, 7)}:`);
  console.log(git(repo, 'diff', '--stat', base, head));

  runAction('detect-changed-services', {
    workspace: repo,
    eventName: 'pull_request',
    event: {
      number: 42,
      pull_request: { number: 42, base: { sha: base, ref: 'main' }, head: { sha: head, ref: 'tune-visual-training' } },
      repository: { default_branch: 'main', full_name: 'aura/platform' },
    },
    inputs: {},
  });
} finally {
  rmSync(repo, { recursive: true, force: true });
}

// dvc-repro-and-push on the example monorepo when nothing changed, on a fresh checkout with the
// DVC cache restored from the Actions cache (its stand-in, standins/actions-cache, in a separate
// process) and a local-directory remote: the action's dist bundle against a bare `dvc status`
// in the same checkout, interleaved. Target: the action adds at most 2 s over `dvc status`.
import { execFileSync, spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { added, compare, git, ms, notMeasured, NODE24, report, ROOT, runnerEnv, seconds } from './lib.mjs';

const VENV_BIN = join(ROOT, '.tools', 'venv', 'bin');
const DVC = join(VENV_BIN, 'dvc');
const BUNDLE = join(ROOT, 'dist', 'dvc-repro-and-push', 'index.js');
const FIXTURE = join(ROOT, '__tests__', 'fixtures', 'aura-monorepo');
const TARGET_MS = 2000;
const PATH = `${VENV_BIN}:${process.env.PATH}`;
const DVC_ENV = { ...process.env, PATH, DVC_NO_ANALYTICS: '1', DVC_NO_UPDATER: '1' };
const ACTION_YML = join(ROOT, 'dvc-repro-and-push', 'action.yml');
/** What the action's runs add to the runner's environment: the venv's DVC, without telemetry. */
const ACTION_ENV = { PATH, DVC_NO_ANALYTICS: '1', DVC_NO_UPDATER: '1' };

/** The stand-in of the Actions cache in its own process (the timing loop blocks this one). */
function startCacheStandIn() {
  const child = spawn(NODE24, [join(ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs'), join(ROOT, 'standins', 'actions-cache', 'cli.ts')], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    let text = '';
    child.stdout.on('data', (chunk) => {
      text += chunk.toString('utf8');
      const newline = text.indexOf('\n');
      if (newline !== -1) resolve({ env: JSON.parse(text.slice(0, newline)), stop: () => child.kill('SIGTERM') });
    });
    child.on('exit', (code) => reject(new Error(`the actions-cache stand-in exited with ${code}`)));
  });
}

export async function run() {
  if (!existsSync(DVC) || !existsSync(BUNDLE)) {
    const why = !existsSync(DVC) ? `DVC is not installed in .tools/venv (npm run setup)` : `${BUNDLE} is missing (npm run build)`;
    report('dvc-repro-and-push: no-change run vs dvc status', [`skipped: ${why}`]);
    return { rows: { 'dvc-no-change': { ...notMeasured(why), target: `≤ +${seconds(TARGET_MS, 0)}: not measured` } } };
  }
  const root = mkdtempSync(join(tmpdir(), 'aura-bench-dvc-'));
  const origin = join(root, 'origin');
  const storage = join(root, 'storage');
  cpSync(FIXTURE, origin, { recursive: true, filter: (source) => !/__pycache__|\.pyc$|dvc\.lock$|models|data\/processed/.test(source.slice(FIXTURE.length)) });
  git(origin, 'init', '-q', '-b', 'main');
  git(origin, 'add', '-A');
  git(origin, 'commit', '-qm', 'fixture');
  const standIn = await startCacheStandIn();
  try {
    const inputs = { INPUT_REMOTE: storage, INPUT_VERSION: '3.*', INPUT_CACHE: 'true', INPUT_PUSH: 'true', INPUT_CATALOG: '.github/services.yml', 'INPUT_WORKING-DIRECTORY': '.', 'INPUT_RUN-CACHE': 'true', 'INPUT_PUSH-RETRIES': '2' };
    // The run that made the state every measured run starts from: all stages reproduced, the
    // outputs pushed, dvc.lock committed, the DVC cache saved in the Actions cache.
    const first = runnerEnv(ACTION_YML, { workspace: origin, parent: root, extra: { ...ACTION_ENV, ...standIn.env, ...inputs } });
    execFileSync(NODE24, [BUNDLE], { cwd: origin, env: first.env, stdio: 'ignore' });
    git(origin, 'add', '-A');
    git(origin, 'commit', '-qm', 'reproduce');

    let clone;
    let count = 0;
    const action = {
      name: 'dvc-repro-and-push (no change, cache restored)',
      file: NODE24,
      args: [BUNDLE],
      options: { cwd: root, env: {}, stdio: 'pipe' },
      before() {
        clone = join(root, `clone-${count++}`);
        git(root, 'clone', '-q', origin, clone);
        const { env } = runnerEnv(ACTION_YML, { workspace: clone, parent: root, extra: { ...ACTION_ENV, ...standIn.env, ...inputs } });
        action.options.cwd = clone;
        action.options.env = env;
        status.options.cwd = clone;
      },
      check(result) {
        if (result.status !== 0) throw new Error(`the action failed in ${clone}:\n${result.stdout.slice(-2000)}`);
        if (!/Cache hit for: /.test(result.stdout)) throw new Error(`the DVC cache was not restored in ${clone}`);
        if (/Running stage/.test(result.stdout)) throw new Error(`a stage ran in ${clone}: not a no-change run`);
      },
    };
    const status = {
      name: 'dvc status (same checkout)',
      file: DVC,
      args: ['status'],
      options: { cwd: root, env: DVC_ENV },
      check(result) {
        if (result.status !== 0) throw new Error(`dvc status failed: ${result.stderr}`);
      },
    };
    // The same run with a dvc that is not a Python console script (as the stand-alone packages
    // iterative/setup-dvc installs are): one process per DVC command instead of one session.
    const standalone = join(root, 'standalone-bin');
    mkdirSync(standalone);
    writeFileSync(join(standalone, 'dvc'), `#!/bin/sh\nexec ${DVC} "$@"\n`, { mode: 0o755 });
    const perProcess = {
      ...action,
      name: 'the same, DVC as a stand-alone executable (a process per command)',
      options: { cwd: root, env: {}, stdio: 'pipe' },
      before() {
        action.before();
        perProcess.options.cwd = action.options.cwd;
        perProcess.options.env = { ...action.options.env, PATH: `${standalone}:${action.options.env.PATH}` };
      },
    };
    const results = compare([action, status, perProcess], { runs: 9, warmup: 1 });
    const a = results[action.name];
    const s = results[status.name];
    const p = results[perProcess.name];
    const overhead = a.median - s.median;
    const version = execFileSync(DVC, ['--version'], { encoding: 'utf8', env: DVC_ENV }).trim();
    report('dvc-repro-and-push: no-change run vs dvc status', [
      `Example monorepo (6 stages), fresh clone per run, DVC ${version}, DVC cache restored from the Actions cache stand-in, local-directory remote; median of ${a.runs} interleaved runs.`,
      '',
      '| Command | Median | Min |',
      '| --- | --- | --- |',
      `| ${action.name} | ${ms(a.median)} | ${ms(a.min)} |`,
      `| ${status.name} | ${ms(s.median)} | ${ms(s.min)} |`,
      `| ${perProcess.name} | ${ms(p.median)} | ${ms(p.min)} |`,
      '',
      `Overhead of the action over a bare dvc status: ${ms(overhead)} (target: at most ${ms(TARGET_MS)}) — ${overhead <= TARGET_MS ? 'PASS' : 'FAIL'}.`,
    ]);
    return {
      rows: {
        'dvc-no-change': {
          aura: seconds(a.median),
          anchor: `bare \`dvc status\` ${seconds(s.median)}`,
          ratio: `${added(s.median, a.median)} over \`dvc status\``,
          target: `≤ +${seconds(TARGET_MS, 0)}: ${overhead <= TARGET_MS ? 'met' : 'NOT met'}`,
        },
      },
      anchors: [`\`dvc status\`: DVC ${version} from PyPI in .tools/venv, in the same fresh clone as each action run.`],
      notes: [
        `dvc-repro-and-push ran on a fresh clone of the example monorepo (6 stages, nothing changed) with the DVC cache restored from the Actions cache stand-in and a local-directory remote; with DVC as a stand-alone executable (a process per DVC command) the same run takes ${seconds(p.median)}.`,
      ],
    };
  } finally {
    standIn.stop();
    rmSync(root, { recursive: true, force: true });
  }
}

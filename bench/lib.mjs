// Shared helpers of the benchmarks: repeated timing of a command, medians, the runner's
// environment for a bundle, the fetched anchors, figures phrased so their direction is plain,
// and the detailed report.
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const NODE24 = join(ROOT, '.tools', 'node24', 'bin', 'node');
export const MIRRORS = process.env.AURA_MIRRORS ?? '/work/.mirror';

/** git in a benchmark's scratch repository, with a fixed identity. */
export function git(cwd, ...args) {
  return execFileSync('git', args, {
    cwd,
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
    env: { ...process.env, GIT_AUTHOR_NAME: 'bench', GIT_AUTHOR_EMAIL: 'b@x', GIT_COMMITTER_NAME: 'bench', GIT_COMMITTER_EMAIL: 'b@x' },
  }).trim();
}

export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** Runs a command once, returning wall time (ms), exit code and output. */
export function timeOnce(file, args, options = {}) {
  const started = performance.now();
  const result = spawnSync(file, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, ...options });
  const ms = performance.now() - started;
  return { ms, status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/**
 * Times several commands interleaved (A, B, A, B, ...) so drifting machine load hits all
 * of them alike; returns the median wall time of each after `warmup` discarded rounds.
 */
export function compare(commands, { runs = 15, warmup = 2 } = {}) {
  const times = Object.fromEntries(commands.map((c) => [c.name, []]));
  const last = {};
  for (let round = 0; round < runs + warmup; round++) {
    for (const command of commands) {
      command.before?.();
      const result = timeOnce(command.file, command.args, command.options);
      last[command.name] = result;
      if (command.check) command.check(result);
      if (round >= warmup) times[command.name].push(result.ms);
    }
  }
  return Object.fromEntries(
    commands.map((c) => [c.name, { median: median(times[c.name]), min: Math.min(...times[c.name]), runs, last: last[c.name] }]),
  );
}

/**
 * Milliseconds from spawning a program to the first byte on its stdout (its first log line),
 * or to its exit when it prints nothing there. The program is stopped once it has spoken:
 * only its start is measured.
 */
export function timeToFirstOutput(file, args, { cwd, env, timeoutMs = 30_000 } = {}) {
  return new Promise((resolvePromise, reject) => {
    const started = performance.now();
    const child = spawn(file, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let seen;
    let stderr = '';
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.stdout.once('data', () => {
      seen = performance.now() - started;
      child.kill('SIGKILL');
    });
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      if (seen !== undefined) return resolvePromise({ ms: seen, printed: true });
      if (signal === 'SIGKILL') return reject(new Error(`${args.at(-1) ?? file} printed nothing within ${timeoutMs} ms`));
      resolvePromise({ ms: performance.now() - started, printed: false, code, stderr });
    });
  });
}

/** Interleaved rounds of timeToFirstOutput over several programs; medians after the warm-up rounds. */
export async function compareStarts(programs, { runs = 15, warmup = 2 } = {}) {
  const times = Object.fromEntries(programs.map((p) => [p.name, []]));
  const printed = Object.fromEntries(programs.map((p) => [p.name, true]));
  for (let round = 0; round < runs + warmup; round++) {
    for (const program of programs) {
      const result = await timeToFirstOutput(program.file, program.args, program.options);
      if (!result.printed) printed[program.name] = false;
      if (round >= warmup) times[program.name].push(result.ms);
    }
  }
  return Object.fromEntries(
    programs.map((p) => [p.name, { median: median(times[p.name]), min: Math.min(...times[p.name]), runs, printed: printed[p.name] }]),
  );
}

/**
 * The environment the GitHub runner gives a JavaScript action's step: Node 24 runs the bundle
 * with every input as INPUT_<NAME> (action.yml's defaults filled in, `${{ github.token }}` empty),
 * the event payload in a file, and the output, state, summary, env and path files, in a new
 * folder under `parent` that the caller removes.
 */
export function runnerEnv(actionYml, { workspace, inputs = {}, eventName = 'push', event = {}, extra = {}, parent = tmpdir() } = {}) {
  const runner = mkdtempSync(join(parent, 'aura-bench-runner-'));
  const files = { GITHUB_OUTPUT: 'output', GITHUB_STATE: 'state', GITHUB_STEP_SUMMARY: 'summary.md', GITHUB_ENV: 'env', GITHUB_PATH: 'path' };
  const env = {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    HOME: process.env.HOME ?? '/root',
    CI: 'true',
    GITHUB_ACTIONS: 'true',
    GITHUB_EVENT_NAME: eventName,
    GITHUB_EVENT_PATH: join(runner, 'event.json'),
    GITHUB_WORKSPACE: workspace ?? runner,
    GITHUB_REPOSITORY: 'aura/bench',
    GITHUB_REPOSITORY_OWNER: 'aura',
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_API_URL: 'http://127.0.0.1:9/api-not-configured',
    GITHUB_RUN_ID: '1',
    GITHUB_RUN_NUMBER: '1',
    GITHUB_RUN_ATTEMPT: '1',
    GITHUB_ACTOR: 'bench',
    GITHUB_WORKFLOW: 'bench',
    GITHUB_JOB: 'bench',
    GITHUB_SHA: '0000000000000000000000000000000000000000',
    GITHUB_REF: 'refs/heads/main',
    RUNNER_OS: 'Linux',
    RUNNER_ARCH: 'X64',
    RUNNER_TEMP: join(runner, 'temp'),
    RUNNER_TOOL_CACHE: join(runner, 'tools'),
  };
  for (const [name, file] of Object.entries(files)) {
    env[name] = join(runner, file);
    writeFileSync(env[name], '');
  }
  writeFileSync(env.GITHUB_EVENT_PATH, JSON.stringify(event));
  mkdirSync(env.RUNNER_TEMP);
  mkdirSync(env.RUNNER_TOOL_CACHE);
  const metadata = parse(readFileSync(actionYml, 'utf8')) ?? {};
  for (const [name, spec] of Object.entries(metadata.inputs ?? {})) {
    if (spec?.default !== undefined) env[inputVariable(name)] = String(spec.default).replace(/\$\{\{\s*github\.token\s*\}\}/g, '');
  }
  for (const [name, value] of Object.entries(inputs)) env[inputVariable(name)] = value;
  return { runner, env: { ...env, ...extra } };
}

export function inputVariable(name) {
  return `INPUT_${name.replace(/ /g, '_').toUpperCase()}`;
}

export function gitDirOfMirror(owner, name) {
  const dir = join(MIRRORS, `${owner}+${name}`, 'repo');
  return existsSync(dir) ? dir : undefined;
}

/**
 * The version of a fetched anchor that its users run: its newest release tag (vX.Y.Z), or the
 * default branch's head when it has no tags. Undefined when the project is not fetched here.
 */
export function anchorVersion(owner, name) {
  const gitDir = gitDirOfMirror(owner, name);
  if (!gitDir) return undefined;
  const git = (...args) => execFileSync('git', ['--git-dir', gitDir, ...args], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 }).trim();
  const tags = git('tag', '--list', 'v*')
    .split('\n')
    .filter((tag) => /^v\d+\.\d+\.\d+$/.test(tag))
    .sort((a, b) => {
      const [x, y] = [a, b].map((tag) => tag.slice(1).split('.').map(Number));
      return x[0] - y[0] || x[1] - y[1] || x[2] - y[2];
    });
  const ref = tags.at(-1) ?? 'HEAD';
  const [commit, date] = git('log', '-1', '--format=%h %cs', `${ref}^{commit}`).split(' ');
  return {
    project: `${owner}/${name}`,
    gitDir,
    ref,
    commit,
    date,
    /** Where a file of this anchor came from, for the lines under the table. */
    origin: (path) =>
      `${owner}/${name} ${ref === 'HEAD' ? 'default branch' : ref} (${commit}, ${date}): its committed \`${path}\`, from the fetched mirror ${join(MIRRORS, `${owner}+${name}`)}.`,
    /** Files of that version (or undefined where the path is absent). */
    show: (path) => {
      try {
        return execFileSync('git', ['--git-dir', gitDir, 'show', `${ref}:${path}`], { maxBuffer: 64 * 1024 * 1024, stdio: ['ignore', 'pipe', 'ignore'] });
      } catch {
        return undefined;
      }
    },
    list: (path) => git('ls-tree', '-l', `${ref}`, `${path.replace(/\/$/, '')}/`).split('\n').filter(Boolean).map((line) => {
      const [meta, file] = line.split('\t');
      return { path: file, size: Number(meta.trim().split(/\s+/)[3]) };
    }),
  };
}

const results = [];
export function report(section, lines) {
  results.push({ section, lines });
  console.log(`\n## ${section}\n`);
  for (const line of lines) console.log(line);
}

export function writeReport(heading = '') {
  const dir = join(ROOT, '.bench');
  mkdirSync(dir, { recursive: true });
  const text = results.map((r) => `## ${r.section}\n\n${r.lines.join('\n')}\n`).join('\n');
  writeFileSync(join(dir, 'report.md'), `# npm run bench — ${new Date().toISOString()}\n\n${heading}${text}`);
  console.log(`\nbench: detailed report written to .bench/report.md`);
}

// Figures, phrased so that a reader cannot misread the direction of a comparison.
export const ms = (value) => `${(value / 1000).toFixed(3)} s`;
export const seconds = (value, digits = 2) => `${(value / 1000).toFixed(digits)} s`;
export const megabytes = (bytes) => `${(bytes / 1e6).toFixed(bytes < 1e7 ? 2 : 1)} MB`;

function factor(value) {
  return value >= 10 ? Math.round(value).toString() : value.toFixed(1);
}

/** "6.1× faster" when `ours` took less time than `anchor`, "1.3× slower" otherwise. */
export function speed(anchor, ours, { faster = 'faster', slower = 'slower' } = {}) {
  return ours <= anchor ? `${factor(anchor / ours)}× ${faster}` : `${factor(ours / anchor)}× ${slower}`;
}

/** "2.1× smaller" or "1.4× larger". */
export function size(anchor, ours) {
  return ours <= anchor ? `${factor(anchor / ours)}× smaller` : `${factor(ours / anchor)}× larger`;
}

/** "+1.36 s" or "−0.20 s": what ours adds over the anchor. */
export function added(anchor, ours) {
  const delta = ours - anchor;
  return `${delta < 0 ? '−' : '+'}${(Math.abs(delta) / 1000).toFixed(2)} s`;
}

/** A row whose figure could not be measured in this run, and why. */
export function notMeasured(why) {
  return { aura: `not measured: ${why}`, anchor: '—', ratio: '—' };
}

// gke-rollout: how fast a crash-looping rollout is caught and rolled back, against what
// `kubectl rollout status` would take (it waits for progressDeadlineSeconds, 600 s by default),
// and the bundle's size and start time. The cluster is the Kubernetes API simulator
// (standins/kube), a stand-in: simulated time is what a cluster's clock would show.
import { spawn, spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { median, ms, NODE24, report, ROOT } from './lib.mjs';

const DIST = join(ROOT, 'dist', 'gke-rollout');
const RUNS = 15;

function bundleSize() {
  const files = readdirSync(DIST).filter((name) => name.endsWith('.js'));
  const sizes = files.map((name) => ({ name, bytes: statSync(join(DIST, name)).size })).sort((a, b) => b.bytes - a.bytes);
  return { total: sizes.reduce((sum, f) => sum + f.bytes, 0), files: sizes };
}

/** Milliseconds from spawning the bundle to the first byte on its stdout (its first log line). */
function firstLine() {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(NODE24, [join(DIST, 'index.js')], {
      cwd: ROOT,
      // No inputs: the action logs its first line, then stops on the missing cluster.
      env: { PATH: process.env.PATH, GITHUB_WORKSPACE: ROOT },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let seen;
    child.stdout.once('data', () => (seen = performance.now() - started));
    child.on('error', reject);
    child.on('close', () => (seen === undefined ? reject(new Error('the bundle printed nothing')) : resolve(seen)));
  });
}

const mb = (bytes) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

export async function run() {
  const size = bundleSize();
  const starts = [];
  for (let i = 0; i < RUNS + 2; i++) {
    const t = await firstLine();
    if (i >= 2) starts.push(t);
  }

  const tsx = join(ROOT, 'node_modules', '.bin', 'tsx');
  const measured = spawnSync(tsx, [join(ROOT, '__tests__', 'kube', 'rollout-bench-entry.ts')], {
    cwd: ROOT,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
    env: { ...process.env, BENCH_ROLLOUT_RUNS: process.env.BENCH_ROLLOUT_RUNS ?? '5' },
  });
  if (measured.status !== 0) throw new Error(`rollout-bench-entry failed:\n${measured.stderr}`);
  const result = JSON.parse(measured.stdout.trim().split('\n').at(-1));
  const simLatencies = result.latencies.map((l) => l.simMs);
  const wallLatencies = result.latencies.map((l) => l.wallMs);

  const lines = [
    `Bundle dist/gke-rollout: ${mb(size.total)} in ${size.files.length} files ` +
      `(index.js ${mb(size.files.find((f) => f.name === 'index.js').bytes)}; the lazily loaded @kubernetes/client-node chunk ${mb(size.files[0].bytes)})`,
    `Start to first log line (Node 24, ${RUNS} runs): median ${ms(median(starts))}, max ${ms(Math.max(...starts))} (target < 0.5 s)`,
    `Start to "connected" (client-node loaded, GET /version answered; ${result.connected.length} runs): median ${ms(median(result.connected))}, max ${ms(Math.max(...result.connected))}`,
    '',
    `Crash-looping rollout (${result.latencies.length} runs, simulator at ${result.timeScale}x): first crash -> rollback PATCH`,
    `- simulated (cluster) time: median ${ms(median(simLatencies))}, max ${ms(Math.max(...simLatencies))} (target < 5 s; first-crash times are whole seconds, so this can overstate by up to 1 s)`,
    `- wall time: median ${ms(median(wallLatencies))}, max ${ms(Math.max(...wallLatencies))}`,
    `- verdicts: ${[...new Set(result.latencies.map((l) => l.verdict))].join(', ')}; whole step ${ms(median(result.latencies.map((l) => l.runMs)))} (median wall)`,
    result.kubectl
      ? `kubectl rollout status on the same rollout: fails ${ms(result.kubectl.simMs)} (simulated) after the first crash — "${result.kubectl.output}"`
      : 'kubectl rollout status: kubectl not installed, not measured (it waits for progressDeadlineSeconds: 600 s)',
    `Speed-up: ${(result.kubectl ? result.kubectl.simMs : 600_000) / median(simLatencies) >= 10 ? Math.round((result.kubectl ? result.kubectl.simMs : 600_000) / median(simLatencies)) : ((result.kubectl ? result.kubectl.simMs : 600_000) / median(simLatencies)).toFixed(1)}x sooner than kubectl rollout status`,
  ];
  report('gke-rollout: failure to rollback, bundle size and start', lines);
  return { size, starts, ...result };
}

if (process.argv[1] && process.argv[1].endsWith('rollout.mjs')) {
  const { writeReport } = await import('./lib.mjs');
  await run();
  writeReport();
}

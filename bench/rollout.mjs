// gke-rollout: how fast a crash-looping rollout is caught and rolled back, against what
// `kubectl rollout status` takes on the same rollout (it waits for progressDeadlineSeconds,
// 600 s by default). The cluster is the Kubernetes API simulator (standins/kube), a stand-in:
// simulated time is what a cluster's clock would show. The bundle's size and start time are
// measured with the others' in bundles.mjs.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { median, ms, report, ROOT, seconds, speed } from './lib.mjs';

const TARGET_MS = 5000;

export async function run() {
  const tsx = join(ROOT, 'node_modules', '.bin', 'tsx');
  const measured = spawnSync(tsx, [join(ROOT, '__tests__', 'kube', 'rollout-bench-entry.ts')], {
    cwd: ROOT,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
    env: { ...process.env, BENCH_ROLLOUT_RUNS: process.env.BENCH_ROLLOUT_RUNS ?? '5' },
  });
  if (measured.status !== 0) throw new Error(`rollout-bench-entry failed:\n${measured.stderr}`);
  const result = JSON.parse(measured.stdout.trim().split('\n').at(-1));
  const sim = median(result.latencies.map((l) => l.simMs));
  const wall = median(result.latencies.map((l) => l.wallMs));
  const verdicts = [...new Set(result.latencies.map((l) => l.verdict))];
  const lines = [
    `Crash-looping rollout (${result.latencies.length} runs, simulator at ${result.timeScale}x): first crash -> rollback PATCH`,
    `- simulated (cluster) time: median ${ms(sim)}, max ${ms(Math.max(...result.latencies.map((l) => l.simMs)))} (target < 5 s; first-crash times are whole seconds, so this can overstate by up to 1 s)`,
    `- wall time: median ${ms(wall)}, max ${ms(Math.max(...result.latencies.map((l) => l.wallMs)))}`,
    `- verdicts: ${verdicts.join(', ')}; whole step ${ms(median(result.latencies.map((l) => l.runMs)))} (median wall)`,
    result.kubectl
      ? `kubectl rollout status on the same rollout: fails ${ms(result.kubectl.simMs)} (simulated) after the first crash — "${result.kubectl.output}"`
      : 'kubectl rollout status: kubectl not installed, not measured (it waits for progressDeadlineSeconds: 600 s)',
    `Start to "connected" (client-node loaded, GET /version answered; ${result.connected.length} runs): median ${ms(median(result.connected))}, max ${ms(Math.max(...result.connected))}`,
  ];
  report('gke-rollout: failure to rollback', lines);
  if (!verdicts.every((verdict) => verdict === 'rolled-back')) throw new Error(`expected every run to roll back, got ${verdicts.join(', ')}`);
  const kubectlVersion = result.kubectl ? spawnSync('kubectl', ['version', '--client', '-o', 'json'], { encoding: 'utf8' }) : undefined;
  const gitVersion = kubectlVersion?.status === 0 ? JSON.parse(kubectlVersion.stdout).clientVersion?.gitVersion : undefined;
  return {
    rows: {
      'rollout-latency': {
        aura: `${seconds(sim, 1)} simulated (${seconds(wall)} wall), median of ${result.latencies.length}`,
        ...(result.kubectl
          ? { anchor: `\`kubectl rollout status\` fails after ${seconds(result.kubectl.simMs, 0)} simulated`, ratio: speed(result.kubectl.simMs, sim, { faster: 'sooner', slower: 'later' }) }
          : { anchor: 'not measured: kubectl is not installed', ratio: '—' }),
        target: `< ${seconds(TARGET_MS, 0)} simulated: ${sim < TARGET_MS ? 'met' : 'NOT met'}`,
      },
    },
    anchors: result.kubectl
      ? [`\`kubectl rollout status\`: the machine's kubectl${gitVersion ? ` ${gitVersion}` : ''}, on the same crash-looping rollout; it reports the failure at the Deployment's progress deadline (progressDeadlineSeconds, 600 s by default).`]
      : [],
    notes: [
      'The rollout ran against the Kubernetes API simulator (standins/kube, a stand-in for a cluster) at 4× speed; simulated time is what a cluster\'s clock would show. First-crash times are whole seconds, so the simulated latency can be overstated by up to 1 s.',
    ],
  };
}

if (process.argv[1] && process.argv[1].endsWith('rollout.mjs')) {
  const { writeReport } = await import('./lib.mjs');
  console.log(JSON.stringify((await run()).rows, null, 2));
  writeReport();
}

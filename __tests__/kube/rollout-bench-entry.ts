/**
 * Measurements for `npm run bench rollout` (bench/rollout.mjs runs this with tsx and reads the
 * JSON it prints). All against the Kubernetes API simulator, a stand-in, not a cluster:
 * - how long after the first crash of a crash-looping rollout the action starts the rollback
 *   (the rollback PATCH), in simulated time and in wall time, over several runs of the bundle;
 * - how long the real `kubectl rollout status` takes to report the same rollout as failed
 *   (it waits for progressDeadlineSeconds; the simulator's clock is advanced to get there);
 * - the bundle's time to its "connected" log line (the Kubernetes client loaded and the API answering).
 */
import { spawn } from 'node:child_process';
import { rmSync } from 'node:fs';
import type { KubeSim } from '../../standins/kube/index.js';
import { findTool } from '../harness/tools.js';
import { Kubectl } from '../standins/kube/helpers.js';
import { NODE24, REPO_ROOT } from '../harness/paths.js';
import { join } from 'node:path';
import { makeWorkspace, NAMESPACE, patches, REGISTRY, runRollout, startCluster, VISUAL, V1_DIGEST } from './support.js';

const RUNS = Number(process.env.BENCH_ROLLOUT_RUNS ?? 5);
const TIME_SCALE = 4;
const CRASHLOOP = `${REGISTRY}/visual-analysis:2.0.0-crashloop`;

interface CrashRecord {
  /** Simulated time of the first crash (second precision, as Kubernetes writes finishedAt). */
  firstCrashSim?: number;
  /** Wall time at which the simulator recorded that crash. */
  firstCrashWall?: number;
}

function watchCrashes(sim: KubeSim): { record: CrashRecord; stop: () => void } {
  const record: CrashRecord = {};
  const stop = sim.store.subscribe(() => {
    if (record.firstCrashSim !== undefined) return;
    for (const pod of sim.list('pods', NAMESPACE)) {
      if (pod.spec.containers[0].image !== CRASHLOOP) continue;
      for (const status of pod.status?.containerStatuses ?? []) {
        const finished = status.state?.terminated?.finishedAt ?? status.lastState?.terminated?.finishedAt;
        if (finished) {
          record.firstCrashSim = Date.parse(finished);
          record.firstCrashWall = Date.now();
        }
      }
    }
  });
  return { record, stop };
}

async function rollbackLatency(): Promise<{ simMs: number; wallMs: number; verdict: string; runMs: number }> {
  const sim = await startCluster([{ spec: VISUAL, image: `${REGISTRY}/visual-analysis@${V1_DIGEST}` }], { timeScale: TIME_SCALE });
  const workspace = makeWorkspace();
  try {
    const crashes = watchCrashes(sim);
    const run = await runRollout(sim, { workspace, inputs: { services: 'visual-analysis', image: CRASHLOOP } });
    crashes.stop();
    const rollback = patches(sim, VISUAL.deployment)[1];
    if (!rollback || crashes.record.firstCrashSim === undefined) throw new Error(`no rollback seen (verdict ${run.outputs.verdict})`);
    return {
      simMs: rollback.simAt - crashes.record.firstCrashSim,
      wallMs: rollback.at - crashes.record.firstCrashWall!,
      verdict: run.outputs.verdict ?? '',
      runMs: run.durationMs,
    };
  } finally {
    await sim.close();
    rmSync(workspace, { recursive: true, force: true });
  }
}

/** `kubectl rollout status` on the same crash-looping rollout, without the action: it fails at the progress deadline. */
async function kubectlStatusLatency(): Promise<{ simMs: number; output: string } | undefined> {
  const binary = findTool('kubectl');
  if (!binary) return undefined;
  const sim = await startCluster([{ spec: VISUAL, image: `${REGISTRY}/visual-analysis@${V1_DIGEST}` }], { timeScale: TIME_SCALE });
  try {
    const kubectl = new Kubectl(binary, sim);
    const crashes = watchCrashes(sim);
    await kubectl.ok(['-n', NAMESPACE, 'set', 'image', `deployment/${VISUAL.deployment}`, `${VISUAL.container}=${CRASHLOOP}`]);
    const status = kubectl.start(['-n', NAMESPACE, 'rollout', 'status', `deployment/${VISUAL.deployment}`]);
    await sim.waitFor(() => crashes.record.firstCrashSim !== undefined, { description: 'the first crash' });
    // Jump to just before the deadline, then let it come: kubectl reports when the controller marks it.
    sim.clock.advance(595_000);
    const result = await status.exited;
    const endSim = sim.clock.now();
    crashes.stop();
    return { simMs: endSim - crashes.record.firstCrashSim!, output: (result.stdout + result.stderr).trim().split('\n').at(-1) ?? '' };
  } finally {
    await sim.close();
  }
}

/** Time from spawning the bundle to its "connected to" line, against the simulator. */
async function timeToConnected(): Promise<number[]> {
  const sim = await startCluster([{ spec: VISUAL, image: `${REGISTRY}/visual-analysis@${V1_DIGEST}` }], { timeScale: TIME_SCALE });
  const workspace = makeWorkspace();
  const times: number[] = [];
  try {
    for (let i = 0; i < RUNS + 1; i++) {
      const started = performance.now();
      const ms = await new Promise<number>((resolve, reject) => {
        const child = spawn(NODE24, [join(REPO_ROOT, 'dist', 'gke-rollout', 'index.js')], {
          cwd: workspace,
          env: {
            PATH: process.env.PATH,
            GITHUB_WORKSPACE: workspace,
            'INPUT_KUBECONFIG': sim.kubeconfigPath,
            'INPUT_SERVICES': 'visual-analysis',
            'INPUT_IMAGE': `${REGISTRY}/visual-analysis@${V1_DIGEST}`,
            'INPUT_CATALOG': '.github/services.yml',
            'INPUT_WORKING-DIRECTORY': '.',
          },
        });
        let out = '';
        let seen: number | undefined;
        child.stdout.on('data', (chunk: Buffer) => {
          out += chunk.toString();
          if (seen === undefined && out.includes('connected to')) {
            seen = performance.now() - started;
            child.kill();
          }
        });
        child.on('error', reject);
        child.on('close', () => (seen === undefined ? reject(new Error(`no "connected" line:\n${out}`)) : resolve(seen)));
      });
      if (i > 0) times.push(ms);
    }
  } finally {
    await sim.close();
    rmSync(workspace, { recursive: true, force: true });
  }
  return times;
}

const latencies = [];
for (let i = 0; i < RUNS; i++) latencies.push(await rollbackLatency());
const kubectl = await kubectlStatusLatency();
const connected = await timeToConnected();
process.stdout.write(`${JSON.stringify({ timeScale: TIME_SCALE, latencies, kubectl, connected })}\n`);

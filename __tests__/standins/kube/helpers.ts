/** Shared set-up for the Kubernetes stand-in's tests. */
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { KubeObject, KubeSim } from '../../../standins/kube/index.js';

export function deploymentManifest(
  name: string,
  image: string,
  spec: Record<string, unknown> = {},
  metadata: Record<string, unknown> = {},
): KubeObject {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name, namespace: 'default', labels: { app: name }, ...metadata },
    spec: {
      replicas: 3,
      selector: { matchLabels: { app: name } },
      template: {
        metadata: { labels: { app: name } },
        spec: { containers: [{ name: 'app', image, ports: [{ containerPort: 8080 }] }] },
      },
      ...spec,
    },
  };
}

export function serviceManifest(name: string): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name, namespace: 'default' },
    spec: { selector: { app: name }, ports: [{ name: 'http', port: 80, targetPort: 8080 }] },
  };
}

export function condition(obj: KubeObject | undefined, type: string): Record<string, any> | undefined {
  return ((obj?.status?.conditions ?? []) as Record<string, any>[]).find((c) => c.type === type);
}

/** kubectl's own rule for a finished rollout (rollout status). */
export function rolloutComplete(d: KubeObject | undefined): boolean {
  if (!d) return false;
  const s = d.status ?? {};
  return (
    (s.observedGeneration ?? 0) >= d.metadata.generation &&
    (s.updatedReplicas ?? 0) === d.spec.replicas &&
    (s.replicas ?? 0) === (s.updatedReplicas ?? 0) &&
    (s.availableReplicas ?? 0) === (s.updatedReplicas ?? 0)
  );
}

export function podsOf(sim: KubeSim, app: string): KubeObject[] {
  return sim.list('pods', 'default', `app=${app}`);
}

export function setImage(sim: KubeSim, name: string, image: string): KubeObject {
  const d = sim.get('deployments', 'default', name)!;
  d.spec.template.spec.containers[0].image = image;
  return sim.put(d);
}

export interface CommandResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs kubectl against the stand-in, with its own HOME and discovery cache. */
export class Kubectl {
  readonly home = mkdtempSync(join(tmpdir(), 'kube-sim-kubectl-'));

  constructor(
    private readonly binary: string,
    private readonly sim: KubeSim,
  ) {}

  private env(): NodeJS.ProcessEnv {
    return { PATH: process.env.PATH, HOME: this.home, KUBECONFIG: this.sim.kubeconfigPath };
  }

  private args(args: string[]): string[] {
    return ['--cache-dir', join(this.home, 'cache'), ...args];
  }

  run(args: string[], options: { input?: string; timeoutMs?: number } = {}): Promise<CommandResult> {
    return new Promise((resolve, reject) => {
      const child = spawn(this.binary, this.args(args), { env: this.env(), stdio: ['pipe', 'pipe', 'pipe'] });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
      child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
      const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 45_000);
      child.on('error', reject);
      child.on('close', (code) => {
        clearTimeout(timer);
        resolve({ code, stdout, stderr });
      });
      child.stdin.end(options.input ?? '');
    });
  }

  async ok(args: string[], options: { input?: string; timeoutMs?: number } = {}): Promise<string> {
    const result = await this.run(args, options);
    if (result.code !== 0) {
      throw new Error(`kubectl ${args.join(' ')} exited with ${result.code}:\n${result.stderr}${result.stdout}`);
    }
    return result.stdout;
  }

  /** Starts a long-running kubectl (get -w, rollout status) and collects its output. */
  start(args: string[]): RunningCommand {
    const child = spawn(this.binary, this.args(args), { env: this.env(), stdio: ['ignore', 'pipe', 'pipe'] });
    const running: RunningCommand = {
      stdout: '',
      stderr: '',
      exited: new Promise((resolve) => {
        child.on('close', (code) => resolve({ code, stdout: running.stdout, stderr: running.stderr }));
      }),
      stop: () => {
        if (child.exitCode === null && child.pid !== undefined) child.kill('SIGTERM');
      },
      get running() {
        return child.exitCode === null && child.signalCode === null;
      },
    };
    child.stdout.on('data', (d: Buffer) => (running.stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (running.stderr += d.toString()));
    return running;
  }
}

export interface RunningCommand {
  stdout: string;
  stderr: string;
  readonly exited: Promise<CommandResult>;
  readonly running: boolean;
  stop(): void;
}

/** Waits (wall clock, polling) until `check` passes; for output of a running kubectl. */
export async function eventually(check: () => boolean, description: string, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${description}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

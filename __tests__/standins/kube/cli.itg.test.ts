/**
 * `npm run kube-sim` (standins/kube/cli.ts) in the foreground, used with the real kubectl.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REPO_ROOT } from '../../harness/paths.js';
import { describeWithTool, findTool } from '../../harness/tools.js';
import { eventually } from './helpers.js';

const TSX = join(REPO_ROOT, 'node_modules', '.bin', 'tsx');
const CLI = join(REPO_ROOT, 'standins', 'kube', 'cli.ts');

interface Started {
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
}

function startCli(args: string[]): Started {
  const child = spawn(TSX, [CLI, ...args], { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout!.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (output += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
  return { child, output: () => output, exited };
}

function kubectl(kubeconfig: string, home: string, args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(findTool('kubectl')!, ['--cache-dir', join(home, 'cache'), ...args], {
      env: { PATH: process.env.PATH, HOME: home, KUBECONFIG: kubeconfig },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

function portOpen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.on('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.on('error', () => resolve(false));
  });
}

describeWithTool('kubectl', 'the kube-sim command is checked with the real kubectl')('npm run kube-sim', () => {
  let dir: string;
  const running: Started[] = [];

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'kube-sim-cli-'));
  });

  afterEach(async () => {
    for (const started of running.splice(0)) {
      if (started.child.exitCode === null) started.child.kill('SIGKILL');
      await started.exited;
    }
    rmSync(dir, { recursive: true, force: true });
  });

  it.each([
    ['plain HTTP', [] as string[], /serving at (http:\/\/127\.0\.0\.1:(\d+))/],
    ['HTTPS with a throwaway CA and a token', ['--tls'], /serving at (https:\/\/127\.0\.0\.1:(\d+))/],
  ])('serves in the foreground over %s, writes a kubeconfig kubectl uses, and stops on SIGTERM', async (_name, extra, pattern) => {
    const kubeconfig = join(dir, 'kubeconfig');
    const started = startCli(['--port', '0', '--kubeconfig', kubeconfig, '--time-scale', '5', ...extra]);
    running.push(started);
    await eventually(() => pattern.test(started.output()), 'the simulator to say where it listens', 30_000);
    const [, url, port] = pattern.exec(started.output())!;
    expect(started.output()).toContain(`kubeconfig written to ${kubeconfig}`);
    expect(readFileSync(kubeconfig, 'utf8')).toContain(`server: ${url}`);

    const nodes = await kubectl(kubeconfig, dir, ['get', 'nodes', '-o', 'name']);
    expect(nodes.stderr).toBe('');
    expect(nodes.stdout.trim().split('\n')).toHaveLength(3);

    started.child.kill('SIGTERM');
    expect(await started.exited).toBe(0);
    expect(await portOpen(Number(port))).toBe(false);
  });

  it('refuses bad options with a message saying what to fix', async () => {
    const missing = startCli(['--port', '0']);
    running.push(missing);
    expect(await missing.exited).toBe(2);
    expect(missing.output()).toContain('kube-sim: --kubeconfig <file> is required');

    const badScale = startCli(['--kubeconfig', join(dir, 'k'), '--time-scale', 'fast']);
    running.push(badScale);
    expect(await badScale.exited).toBe(2);
    expect(badScale.output()).toContain('kube-sim: --time-scale must be a positive number, got "fast"');
  });
});

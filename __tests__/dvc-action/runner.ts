import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inputVariable, parseAnnotations, readActionMetadata, type BundleRun } from '../harness/bundle.js';
import { REPO_ROOT, requireNode24 } from '../harness/paths.js';

/**
 * Runs the action from its TypeScript source (through tsx) with the runner's environment, the
 * way __tests__/harness/bundle.ts runs the bundle: the integration tests exercise the code as it
 * is, and the bundle test proves the built dist/ behaves the same. `onLine` sees the output as it
 * streams, so a test can act while the step runs (bring a remote back between push attempts).
 */

export interface SourceRunOptions {
  inputs?: Record<string, string>;
  workspace: string;
  env?: Record<string, string | undefined>;
  post?: { state: Record<string, string> };
  /** Shared across runs to keep DVC installs: the runner's tool cache. */
  toolCache?: string;
  onLine?: (line: string) => void;
  timeoutMs?: number;
}

function parseFileCommands(text: string): Record<string, string> {
  const result: Record<string, string> = {};
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const heredoc = /^([^=<]+)<<(.+)$/.exec(lines[i]!);
    if (heredoc) {
      const value: string[] = [];
      i++;
      while (i < lines.length && lines[i] !== heredoc[2]) value.push(lines[i++]!);
      result[heredoc[1]!] = value.join('\n');
    } else if (lines[i]!.includes('=')) {
      const index = lines[i]!.indexOf('=');
      result[lines[i]!.slice(0, index)] = lines[i]!.slice(index + 1);
    }
  }
  return result;
}

export async function runActionSource(options: SourceRunOptions): Promise<BundleRun> {
  const node = requireNode24();
  const metadata = readActionMetadata('dvc-repro-and-push');
  const runnerDir = mkdtempSync(join(tmpdir(), 'aura-dvc-runner-'));
  const files = {
    event: join(runnerDir, 'event.json'),
    output: join(runnerDir, 'output'),
    state: join(runnerDir, 'state'),
    summary: join(runnerDir, 'summary.md'),
    env: join(runnerDir, 'env'),
    path: join(runnerDir, 'path'),
  };
  for (const file of [files.output, files.state, files.summary, files.env, files.path]) writeFileSync(file, '');
  writeFileSync(files.event, '{}');
  const temp = join(runnerDir, 'temp');
  mkdirSync(temp);
  const toolCache = options.toolCache ?? join(runnerDir, 'tool-cache');
  mkdirSync(toolCache, { recursive: true });
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    HOME: process.env.HOME ?? '/root',
    CI: 'true',
    GITHUB_ACTIONS: 'true',
    GITHUB_EVENT_NAME: 'push',
    GITHUB_EVENT_PATH: files.event,
    GITHUB_OUTPUT: files.output,
    GITHUB_STATE: files.state,
    GITHUB_STEP_SUMMARY: files.summary,
    GITHUB_ENV: files.env,
    GITHUB_PATH: files.path,
    GITHUB_WORKSPACE: options.workspace,
    GITHUB_REPOSITORY: 'aura/platform',
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_REF: 'refs/heads/main',
    GITHUB_SHA: '0000000000000000000000000000000000000000',
    RUNNER_OS: 'Linux',
    RUNNER_ARCH: 'X64',
    RUNNER_TEMP: temp,
    RUNNER_TOOL_CACHE: toolCache,
    DVC_NO_ANALYTICS: '1',
  };
  for (const [name, spec] of Object.entries(metadata.inputs ?? {})) {
    if (spec.default !== undefined) env[inputVariable(name)] = String(spec.default);
  }
  for (const [name, value] of Object.entries(options.inputs ?? {})) env[inputVariable(name)] = value;
  for (const [name, value] of Object.entries(options.post?.state ?? {})) env[`STATE_${name}`] = value;
  for (const [name, value] of Object.entries(options.env ?? {})) {
    if (value === undefined) delete env[name];
    else env[name] = value;
  }
  const tsx = join(REPO_ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs');
  const entry = join(REPO_ROOT, 'src', 'actions', 'dvc-repro-and-push', 'index.ts');
  const started = performance.now();
  const { exitCode, stdout, stderr } = await new Promise<{ exitCode: number; stdout: string; stderr: string }>((resolve, reject) => {
    const child = spawn(node, [tsx, entry], { cwd: options.workspace, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    let pending = '';
    child.stdout.on('data', (chunk: Buffer) => {
      const text = chunk.toString('utf8');
      out += text;
      if (options.onLine) {
        const lines = (pending + text).split('\n');
        pending = lines.pop() ?? '';
        for (const line of lines) options.onLine(line);
      }
    });
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString('utf8')));
    const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 240_000);
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ exitCode: code ?? (signal ? 128 : 1), stdout: out, stderr: err });
    });
  });
  const run: BundleRun = {
    exitCode,
    stdout,
    stderr,
    outputs: parseFileCommands(readFileSync(files.output, 'utf8')),
    state: parseFileCommands(readFileSync(files.state, 'utf8')),
    summary: readFileSync(files.summary, 'utf8'),
    annotations: parseAnnotations(stdout),
    visibleLog: stdout
      .split('\n')
      .filter((line) => !line.startsWith('::add-mask::'))
      .join('\n'),
    durationMs: performance.now() - started,
  };
  // The post step of a run needs nothing from here: its state travels in `run.state`.
  rmSync(runnerDir, { recursive: true, force: true });
  return run;
}

/** The values an action run registered with ::add-mask::. */
export function maskedValues(run: BundleRun): string[] {
  return run.stdout
    .split('\n')
    .filter((line) => line.startsWith('::add-mask::'))
    .map((line) => line.slice('::add-mask::'.length));
}

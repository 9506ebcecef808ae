import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { parse } from 'yaml';
import { REPO_ROOT, requireNode24 } from './paths.js';

export interface Annotation {
  level: 'error' | 'warning' | 'notice';
  message: string;
  properties: Record<string, string>;
}

export interface BundleRun {
  exitCode: number;
  stdout: string;
  stderr: string;
  outputs: Record<string, string>;
  /** Values saved with core.saveState, to pass to the post step. */
  state: Record<string, string>;
  summary: string;
  annotations: Annotation[];
  /** The stdout without the `::add-mask::` commands, which the runner consumes and never shows. */
  visibleLog: string;
  durationMs: number;
  /** The runner's folder of this run (event, output, summary files and RUNNER_TEMP), left for the caller to read or remove. */
  runnerDir: string;
}

export interface BundleOptions {
  inputs?: Record<string, string>;
  eventName?: string;
  event?: unknown;
  /** The workspace (GITHUB_WORKSPACE) and working directory of the step. */
  workspace?: string;
  env?: Record<string, string | undefined>;
  apiUrl?: string;
  /** Runs the action's `post:` entry with the given state (from an earlier main run). */
  post?: { state: Record<string, string> };
  timeoutMs?: number;
  token?: string;
  /**
   * Runs the action's TypeScript source through tsx instead of its bundle, with the same
   * environment: integration tests exercise the code as it is, bundle tests the built dist/.
   */
  fromSource?: boolean;
  /** The runner's tool cache (RUNNER_TOOL_CACHE); shared across runs to keep installed tools. */
  toolCache?: string;
  /** Sees each line of the step's stdout as it streams, so a test can act while the step runs. */
  onLine?: (line: string) => void;
}

interface ActionMetadata {
  inputs?: Record<string, { default?: string }>;
  runs: { main: string; post?: string };
}

export function readActionMetadata(action: string): ActionMetadata {
  return parse(readFileSync(join(REPO_ROOT, action, 'action.yml'), 'utf8')) as ActionMetadata;
}

/** The runner's name for an input's variable: upper-cased, spaces to underscores, hyphens kept. */
export function inputVariable(name: string): string {
  return `INPUT_${name.replace(/ /g, '_').toUpperCase()}`;
}

/** Evaluates the few expressions our action.yml defaults use, as the runner would. */
function evaluateDefault(value: string, token: string): string {
  return value.replace(/\$\{\{\s*github\.token\s*\}\}/g, token);
}

function parseFileCommands(text: string): Record<string, string> {
  const result: Record<string, string> = {};
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const heredoc = /^([^=<]+)<<(.+)$/.exec(line);
    if (heredoc) {
      const [, name, delimiter] = heredoc;
      const value: string[] = [];
      i++;
      while (i < lines.length && lines[i] !== delimiter) value.push(lines[i++]!);
      result[name!] = value.join('\n');
    } else if (line.includes('=')) {
      const index = line.indexOf('=');
      result[line.slice(0, index)] = line.slice(index + 1);
    }
  }
  return result;
}

function unescapeCommand(text: string): string {
  return text.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%3A/g, ':').replace(/%2C/g, ',').replace(/%25/g, '%');
}

export function parseAnnotations(stdout: string): Annotation[] {
  const annotations: Annotation[] = [];
  for (const line of stdout.split('\n')) {
    const match = /^::(error|warning|notice)(?: ([^:]*))?::(.*)$/.exec(line);
    if (!match) continue;
    const properties: Record<string, string> = {};
    for (const pair of (match[2] ?? '').split(',').filter(Boolean)) {
      const index = pair.indexOf('=');
      properties[pair.slice(0, index)] = unescapeCommand(pair.slice(index + 1));
    }
    annotations.push({ level: match[1] as Annotation['level'], message: unescapeCommand(match[3]!), properties });
  }
  return annotations;
}

const runnerDirs: string[] = [];

/** Removes the runner folders of this test file's runs (registered after each file in jest.setup.ts). */
export function removeRunnerDirs(): void {
  for (const dir of runnerDirs.splice(0)) rmSync(dir, { recursive: true, force: true });
}

/**
 * Runs dist/<action>/index.js the way the GitHub runner does: Node 24, inputs as INPUT_*
 * variables with action.yml's defaults filled in, the event payload in a file, and the
 * output, state and summary files, which are read back after the run.
 */
export async function runBundle(action: string, options: BundleOptions = {}): Promise<BundleRun> {
  const node = requireNode24();
  const metadata = readActionMetadata(action);
  const entry = options.post ? metadata.runs.post : metadata.runs.main;
  if (!entry) throw new Error(`${action}/action.yml has no ${options.post ? 'post' : 'main'} entry`);
  const bundle = join(REPO_ROOT, action, entry);
  // The source of dist/<name>/index.js is src/actions/<name>/index.ts.
  const source = join(REPO_ROOT, 'src', 'actions', basename(dirname(bundle)), 'index.ts');
  const argv = options.fromSource ? [join(REPO_ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs'), source] : [bundle];

  const runnerDir = mkdtempSync(join(tmpdir(), 'aura-runner-'));
  runnerDirs.push(runnerDir);
  const files = {
    event: join(runnerDir, 'event.json'),
    output: join(runnerDir, 'output'),
    state: join(runnerDir, 'state'),
    summary: join(runnerDir, 'summary.md'),
    env: join(runnerDir, 'env'),
    path: join(runnerDir, 'path'),
  };
  for (const file of [files.output, files.state, files.summary, files.env, files.path]) writeFileSync(file, '');
  writeFileSync(files.event, JSON.stringify(options.event ?? {}));
  const temp = join(runnerDir, 'temp');
  const toolCache = options.toolCache ?? join(runnerDir, 'tool-cache');
  mkdirSync(temp);
  mkdirSync(toolCache, { recursive: true });
  const workspace = options.workspace ?? runnerDir;
  const token = options.token ?? '';

  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    HOME: process.env.HOME ?? '/root',
    CI: 'true',
    GITHUB_ACTIONS: 'true',
    GITHUB_ACTION: `__aura_${action.replace(/-/g, '_')}`,
    GITHUB_EVENT_NAME: options.eventName ?? 'push',
    GITHUB_EVENT_PATH: files.event,
    GITHUB_OUTPUT: files.output,
    GITHUB_STATE: files.state,
    GITHUB_STEP_SUMMARY: files.summary,
    GITHUB_ENV: files.env,
    GITHUB_PATH: files.path,
    GITHUB_WORKSPACE: workspace,
    GITHUB_REPOSITORY: 'aura/platform',
    GITHUB_REPOSITORY_OWNER: 'aura',
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_API_URL: options.apiUrl ?? 'http://127.0.0.1:9/api-not-configured',
    GITHUB_GRAPHQL_URL: 'http://127.0.0.1:9/graphql-not-configured',
    GITHUB_RUN_ID: '4242',
    GITHUB_RUN_NUMBER: '7',
    GITHUB_RUN_ATTEMPT: '1',
    GITHUB_ACTOR: 'octocat',
    GITHUB_WORKFLOW: 'aura-test',
    GITHUB_JOB: 'test',
    GITHUB_SHA: '0000000000000000000000000000000000000000',
    GITHUB_REF: 'refs/heads/main',
    RUNNER_OS: 'Linux',
    RUNNER_ARCH: 'X64',
    RUNNER_TEMP: temp,
    RUNNER_TOOL_CACHE: toolCache,
    RUNNER_DEBUG: '',
  };
  for (const [name, spec] of Object.entries(metadata.inputs ?? {})) {
    if (spec.default !== undefined) env[inputVariable(name)] = evaluateDefault(String(spec.default), token);
  }
  for (const [name, value] of Object.entries(options.inputs ?? {})) env[inputVariable(name)] = value;
  for (const [name, value] of Object.entries(options.post?.state ?? {})) env[`STATE_${name}`] = value;
  for (const [name, value] of Object.entries(options.env ?? {})) {
    if (value === undefined) delete env[name];
    else env[name] = value;
  }

  const started = performance.now();
  const { exitCode, stdout, stderr } = await new Promise<{ exitCode: number; stdout: string; stderr: string }>(
    (resolvePromise, reject) => {
      const child = spawn(node, argv, { cwd: workspace, env, stdio: ['ignore', 'pipe', 'pipe'] });
      let out = '';
      let err = '';
      let pending = '';
      child.stdout.on('data', (chunk: Buffer) => {
        const text = chunk.toString('utf8');
        out += text;
        if (!options.onLine) return;
        const lines = (pending + text).split('\n');
        pending = lines.pop() ?? '';
        for (const line of lines) options.onLine(line);
      });
      child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString('utf8')));
      const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 120_000);
      child.on('error', reject);
      child.on('close', (code, signal) => {
        clearTimeout(timer);
        resolvePromise({ exitCode: code ?? (signal ? 128 : 1), stdout: out, stderr: err });
      });
    },
  );
  const durationMs = performance.now() - started;

  return {
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
    durationMs,
    runnerDir,
  };
}

/** A unique name, for temporary refs and markers in tests. */
export function uniqueName(prefix: string): string {
  return `${prefix}-${randomUUID().slice(0, 8)}`;
}

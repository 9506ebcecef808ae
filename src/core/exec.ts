import { spawn } from 'node:child_process';
import * as core from './runner.js';
import { ConfigurationError } from './errors.js';
import { redact } from './secrets.js';

export interface ExecOptions {
  cwd?: string;
  /** Replaces the environment when `replaceEnv` is set, else is merged over process.env. */
  env?: NodeJS.ProcessEnv;
  replaceEnv?: boolean;
  /** Written to the child's stdin, which is then closed. */
  input?: string | Buffer;
  /** Stream the child's output to the log as it comes (default: only the command line is logged). */
  stream?: boolean;
  /** Called with each complete line of stdout and stderr as it arrives. */
  onLine?: (line: string, stream: 'stdout' | 'stderr') => void;
  /** Do not log the command line (for very frequent internal calls). */
  quiet?: boolean;
  /** Kill the child after this many milliseconds. */
  timeoutMs?: number;
  /** What to tell the user when the program is not installed. */
  missingHint?: string;
}

export interface ExecResult {
  exitCode: number;
  /** Set when the child was ended by a signal (a timeout included). */
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  stdoutBuffer: Buffer;
}

export class ExecFailedError extends Error {
  override readonly name = 'ExecFailedError';
  constructor(
    readonly commandLine: string,
    readonly result: ExecResult,
  ) {
    const tail = lastLines(result.stderr || result.stdout, 5);
    super(
      `${commandLine} exited with ${result.signal ?? result.exitCode}` + (tail ? `:\n${tail}` : ''),
    );
  }
}

/** Quotes an argument for display only; nothing here is ever run through a shell. */
function displayArg(arg: string): string {
  return /^[\w@%+=:,./-]+$/.test(arg) ? arg : `'${arg.replace(/'/g, `'\\''`)}'`;
}

export function commandLine(file: string, args: readonly string[]): string {
  return redact([file, ...args].map(displayArg).join(' '));
}

export function lastLines(text: string, count: number): string {
  const lines = text.trimEnd().split(/\r?\n/);
  return redact(lines.slice(-count).join('\n'));
}

/**
 * Runs a program directly (never through a shell) and returns its exit code and output.
 * A missing program becomes a ConfigurationError; a non-zero exit is returned, not thrown:
 * use `execOrThrow` when any failure is an error.
 */
export function exec(file: string, args: readonly string[], options: ExecOptions = {}): Promise<ExecResult> {
  const line = commandLine(file, args);
  if (!options.quiet) core.info(`[command]${line}`);
  return new Promise((resolve, reject) => {
    const child = spawn(file, args, {
      cwd: options.cwd,
      env: options.replaceEnv ? options.env : { ...process.env, ...options.env },
      stdio: ['pipe', 'pipe', 'pipe'],
      shell: false,
    });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    const pending: Record<'stdout' | 'stderr', string> = { stdout: '', stderr: '' };
    let timer: NodeJS.Timeout | undefined;
    if (options.timeoutMs !== undefined) {
      timer = setTimeout(() => child.kill('SIGTERM'), options.timeoutMs);
    }
    const onData = (stream: 'stdout' | 'stderr', chunk: Buffer): void => {
      (stream === 'stdout' ? out : err).push(chunk);
      if (options.stream) process.stdout.write(redact(chunk.toString('utf8')));
      if (options.onLine) {
        const text = pending[stream] + chunk.toString('utf8');
        const lines = text.split(/\r?\n/);
        pending[stream] = lines.pop() ?? '';
        for (const l of lines) options.onLine(l, stream);
      }
    };
    child.stdout.on('data', (chunk: Buffer) => onData('stdout', chunk));
    child.stderr.on('data', (chunk: Buffer) => onData('stderr', chunk));
    child.on('error', (error: NodeJS.ErrnoException) => {
      if (timer) clearTimeout(timer);
      if (error.code === 'ENOENT') {
        reject(
          new ConfigurationError(
            `'${file}' was not found on PATH` + (options.missingHint ? `; ${options.missingHint}` : ''),
          ),
        );
      } else {
        reject(error);
      }
    });
    child.on('close', (code, signal) => {
      if (timer) clearTimeout(timer);
      if (options.onLine) {
        for (const stream of ['stdout', 'stderr'] as const) {
          if (pending[stream] !== '') options.onLine(pending[stream], stream);
        }
      }
      const stdoutBuffer = Buffer.concat(out);
      resolve({
        exitCode: code ?? 1,
        signal,
        stdout: stdoutBuffer.toString('utf8'),
        stderr: Buffer.concat(err).toString('utf8'),
        stdoutBuffer,
      });
    });
    child.stdin.on('error', () => {
      /* the child may exit before reading its input; its exit code tells what happened */
    });
    child.stdin.end(options.input);
  });
}

export async function execOrThrow(
  file: string,
  args: readonly string[],
  options: ExecOptions = {},
): Promise<ExecResult> {
  const result = await exec(file, args, options);
  if (result.exitCode !== 0 || result.signal) throw new ExecFailedError(commandLine(file, args), result);
  return result;
}

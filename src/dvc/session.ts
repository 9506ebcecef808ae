import { randomUUID } from 'node:crypto';
import { ConfigurationError } from '../core/errors.js';
import { exec } from '../core/exec.js';
import { DRIVER_SOURCE } from './driver.js';

/**
 * Runs a sequence of DVC commands (status, repro, push...) and reports each one's output, line by
 * line as it comes, and exit code. With a Python-based DVC (pip, pipx, a virtual environment)
 * all commands run in one interpreter through DVC's own CLI entry point (see driver.ts); with a
 * stand-alone DVC executable (the .deb/.rpm packages setup-dvc installs) each is a process.
 */

export interface DvcTool {
  version: string;
  /** The executable users call (`dvc` on PATH, or the wrapper of the installed one). */
  command: string;
  /** The Python that imports this DVC; undefined for a stand-alone executable. */
  python?: string;
  /** For the log: where it came from. */
  source: string;
}

export interface DvcStep {
  id: string;
  /** `dvc` arguments, for a plain command. */
  argv: string[];
  kind?: 'cli' | 'push-run-cache';
  remote?: string;
  stages?: string[];
  /** Runs even when an earlier step failed. */
  always?: boolean;
  /** Its failure does not stop later steps. */
  optional?: boolean;
}

export interface StepOutcome {
  id: string;
  /** Undefined when the step was skipped because an earlier one failed. */
  exitCode?: number;
  seconds: number;
  stdout: string;
  stderr: string;
  /** What a push-run-cache step reports: entries and objects uploaded. */
  result?: Record<string, number>;
}

export type SessionEvent =
  | { type: 'begin'; step: DvcStep }
  | { type: 'line'; step: DvcStep; stream: 'stdout' | 'stderr'; text: string; at: number }
  | { type: 'end'; step: DvcStep; outcome: StepOutcome };

export interface SessionOptions {
  cwd: string;
  env?: Record<string, string>;
  onEvent?: (event: SessionEvent) => void;
}

export interface SessionResult {
  outcomes: Map<string, StepOutcome>;
  /** The version the driver imported (python mode), to double-check the probe. */
  importedVersion?: string;
}

/** The command line shown for a step, as a user would type it. */
export function stepCommandLine(step: DvcStep): string {
  if (step.kind === 'push-run-cache') {
    return `dvc push --run-cache${step.remote ? ` -r ${step.remote}` : ''} (entries the remote lacks, and the objects of outputs with cache: false)`;
  }
  return ['dvc', ...step.argv].join(' ');
}

/** What a stand-alone executable runs for a push-run-cache step. */
function cliArgv(step: DvcStep): string[] {
  if (step.kind === 'push-run-cache') return ['push', '--run-cache', ...(step.remote ? ['-r', step.remote] : [])];
  return step.argv;
}

export async function runSession(tool: DvcTool, steps: readonly DvcStep[], options: SessionOptions): Promise<SessionResult> {
  return tool.python ? runInPython(tool.python, steps, options) : runAsProcesses(tool.command, steps, options);
}

class Collector {
  readonly outcomes = new Map<string, StepOutcome>();
  private readonly buffers = new Map<string, { stdout: string[]; stderr: string[] }>();

  constructor(private readonly onEvent?: (event: SessionEvent) => void) {}

  begin(step: DvcStep): void {
    this.buffers.set(step.id, { stdout: [], stderr: [] });
    this.onEvent?.({ type: 'begin', step });
  }

  line(step: DvcStep, stream: 'stdout' | 'stderr', text: string): void {
    this.buffers.get(step.id)?.[stream].push(text);
    this.onEvent?.({ type: 'line', step, stream, text, at: Date.now() });
  }

  end(step: DvcStep, exitCode: number | undefined, seconds: number, result?: Record<string, number>): void {
    const buffer = this.buffers.get(step.id) ?? { stdout: [], stderr: [] };
    const outcome: StepOutcome = {
      id: step.id,
      exitCode,
      seconds,
      stdout: buffer.stdout.join('\n'),
      stderr: buffer.stderr.join('\n'),
      result,
    };
    this.outcomes.set(step.id, outcome);
    this.onEvent?.({ type: 'end', step, outcome });
  }
}

async function runInPython(python: string, steps: readonly DvcStep[], options: SessionOptions): Promise<SessionResult> {
  const nonce = randomUUID().replace(/-/g, '');
  const prefix = `@@aura-dvc ${nonce} `;
  const byId = new Map(steps.map((step) => [step.id, step]));
  const collector = new Collector(options.onEvent);
  const current: Record<'stdout' | 'stderr', DvcStep | undefined> = { stdout: undefined, stderr: undefined };
  const results = new Map<string, Record<string, number>>();
  const ended = new Set<string>();
  let importedVersion: string | undefined;
  let importError: string | undefined;

  const begun = new Set<string>();
  const endings = new Map<string, { streams: Set<string>; code?: number; seconds?: number; skipped?: boolean }>();
  const finish = (step: DvcStep, stream: 'stdout' | 'stderr', update: { code?: number; seconds?: number; skipped?: boolean }): void => {
    const ending = endings.get(step.id) ?? { streams: new Set<string>() };
    ending.streams.add(stream);
    Object.assign(ending, Object.fromEntries(Object.entries(update).filter(([, value]) => value !== undefined)));
    endings.set(step.id, ending);
    // Both streams carry the end marker: the outcome is complete once both have arrived.
    if (ending.streams.size === 2 && !ended.has(step.id)) {
      ended.add(step.id);
      collector.end(step, ending.skipped ? undefined : ending.code, ending.seconds ?? 0, results.get(step.id));
    }
  };

  const onLine = (text: string, stream: 'stdout' | 'stderr'): void => {
    if (text.startsWith(prefix)) {
      const [verb, id, ...rest] = text.slice(prefix.length).split(' ');
      const step = id === undefined ? undefined : byId.get(id);
      if (verb === 'version') importedVersion = id;
      else if (verb === 'import-error') importError = [id, ...rest].join(' ');
      else if (verb === 'begin' && step) {
        current[stream] = step;
        if (!begun.has(step.id)) {
          begun.add(step.id);
          collector.begin(step);
        }
      } else if (verb === 'end' && step) {
        current[stream] = undefined;
        finish(step, stream, { code: Number(rest[0]), seconds: Number(rest[1]) });
      } else if (verb === 'result' && step && stream === 'stdout') {
        results.set(step.id, JSON.parse(rest.join(' ')) as Record<string, number>);
      } else if (verb === 'skip' && step) {
        finish(step, stream, { skipped: true });
      }
      return;
    }
    const step = current[stream];
    if (step) collector.line(step, stream, text);
    else if (text.trim() !== '') options.onEvent?.({ type: 'line', step: { id: '', argv: [] }, stream, text, at: Date.now() });
  };

  const plan = { nonce, steps };
  const result = await exec(python, ['-u', '-c', DRIVER_SOURCE], {
    cwd: options.cwd,
    env: { ...options.env },
    input: JSON.stringify(plan),
    onLine,
    quiet: true,
  });
  if (importError !== undefined) {
    throw new ConfigurationError(
      `${python} cannot import DVC (${importError}): the dvc on PATH is broken; reinstall it, or remove it from PATH so this action installs its own`,
    );
  }
  // A driver that died (killed, out of memory) leaves steps without their end markers.
  for (const step of steps) {
    if (ended.has(step.id)) continue;
    ended.add(step.id);
    const ending = endings.get(step.id);
    if (ending?.code !== undefined || ending?.skipped) {
      collector.end(step, ending.skipped ? undefined : ending.code, ending.seconds ?? 0, results.get(step.id));
      continue;
    }
    if (!begun.has(step.id)) {
      collector.end(step, undefined, 0);
      continue;
    }
    collector.line(step, 'stderr', `the DVC process ended unexpectedly (${result.signal ?? `exit ${result.exitCode}`})`);
    collector.end(step, result.exitCode || 255, 0);
  }
  return { outcomes: collector.outcomes, importedVersion };
}

async function runAsProcesses(command: string, steps: readonly DvcStep[], options: SessionOptions): Promise<SessionResult> {
  const collector = new Collector(options.onEvent);
  let failed = false;
  for (const step of steps) {
    if (failed && !step.always) {
      collector.end(step, undefined, 0);
      continue;
    }
    collector.begin(step);
    const started = performance.now();
    const result = await exec(command, cliArgv(step), {
      cwd: options.cwd,
      env: { ...options.env },
      onLine: (text, stream) => collector.line(step, stream, text),
      quiet: true,
    });
    const exitCode = result.signal ? 255 : result.exitCode;
    collector.end(step, exitCode, (performance.now() - started) / 1000);
    if (exitCode !== 0 && !step.optional) failed = true;
  }
  return { outcomes: collector.outcomes };
}

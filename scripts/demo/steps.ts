/**
 * One step of the demo: an action's committed bundle run the way the runner runs it, its
 * narrative printed, its job summary kept as a Markdown file in the output folder, and a record
 * of it in run.json.
 */
import { copyFileSync, existsSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { runBundle, type BundleOptions, type BundleRun } from '../../__tests__/harness/bundle.js';
import type { SitePage } from './site.js';

export type Expect = 'success' | 'failure';

export interface StepRecord {
  id: string;
  action: string;
  title: string;
  /** The part of the story it belongs to: `main`, `push 1`, `after the merge`... */
  phase: string;
  /** `skipped` when the demo could not run the step here (and said why). */
  status: 'passed' | 'failed as intended' | 'skipped';
  exitCode: number | null;
  outputs: Record<string, string>;
  narrative: string[];
  /** The job summary (or, for a skipped step, the note why), relative to the output folder. */
  summaryFile: string;
  durationMs: number;
}

export interface StepSpec {
  action: string;
  title: string;
  phase: string;
  options: BundleOptions;
  expect?: Expect;
  /** The narrative: what ran and what came out, from the step's outputs. */
  explain: (run: BundleRun) => string[];
}

const RULE = '━'.repeat(100);

/**
 * Files a step reported in its outputs (Trivy's JSON and SARIF reports) live in the runner's
 * temporary folder, which goes when the step ends: they are copied to the output folder, and the
 * outputs and narrative point there.
 */
function keepReports(run: BundleRun, id: string, outDir: string, narrative: string[]): void {
  for (const [name, value] of Object.entries(run.outputs)) {
    if (!value.startsWith(`${run.runnerDir}/`) || !existsSync(value) || !statSync(value).isFile()) continue;
    const kept = join(outDir, `${id}-${basename(value)}`);
    copyFileSync(value, kept);
    run.outputs[name] = kept;
    narrative.push(`Output ${name}, kept as ${kept}.`);
  }
}

export class DemoLog {
  readonly steps: StepRecord[] = [];
  readonly pages: SitePage[] = [];
  private readonly lines: string[] = [];

  constructor(readonly outDir: string) {}

  say(text = ''): void {
    console.log(text);
    this.lines.push(text);
  }

  banner(title: string): void {
    this.say(`\n${RULE}\n${title}\n${RULE}`);
  }

  /** Adds a Markdown file that is not a job summary (a pull-request comment) to the site. */
  addPage(page: SitePage): void {
    this.pages.push(page);
  }

  async run(spec: StepSpec): Promise<BundleRun> {
    const id = this.begin(spec.action, spec.title);
    const run = await runBundle(spec.action, { timeoutMs: 300_000, ...spec.options });
    const failed = run.exitCode !== 0;
    const expect = spec.expect ?? 'success';
    if (failed !== (expect === 'failure')) {
      throw new Error(
        `${spec.action} ${failed ? `failed (exit ${run.exitCode})` : 'succeeded where the story needs it to fail'}:\n${run.visibleLog}\n${run.stderr}`,
      );
    }
    const narrative = spec.explain(run);
    keepReports(run, id, this.outDir, narrative);
    rmSync(run.runnerDir, { recursive: true, force: true });
    const summaryFile = `${id}.md`;
    writeFileSync(join(this.outDir, summaryFile), run.summary);
    for (const line of narrative) this.say(`  ${line}`);
    this.say('  outputs:');
    for (const [name, value] of Object.entries(run.outputs)) {
      if (name === 'markdown') continue;
      const text = value.replace(/\n/g, '\\n');
      this.say(`    ${name} = ${text.length > 160 ? `${text.slice(0, 157)}...` : text}`);
    }
    const status = failed ? 'failed as intended' : 'passed';
    this.say(`  exit code ${run.exitCode}${failed ? ' — the failure is what this step shows' : ''}; job summary: ${join(this.outDir, summaryFile)}`);
    this.record({
      id,
      action: spec.action,
      title: spec.title,
      phase: spec.phase,
      status,
      exitCode: run.exitCode,
      outputs: run.outputs,
      narrative,
      summaryFile,
      durationMs: Math.round(run.durationMs),
    });
    return run;
  }

  /** A step the demo could not run here: said loudly, recorded, and shown on the site. */
  skip(action: string, title: string, phase: string, why: string[]): void {
    const id = this.begin(action, `${title}: NOT RUN`);
    for (const line of why) this.say(`  ${line}`);
    const summaryFile = `${id}.md`;
    writeFileSync(join(this.outDir, summaryFile), `> [!WARNING]\n> ${why.join('\n> ')}\n`);
    this.record({ id, action, title, phase, status: 'skipped', exitCode: null, outputs: {}, narrative: why, summaryFile, durationMs: 0 });
  }

  /** Announces the next step; returns its id (`07-metrics-regression-gate`), the stem of its files. */
  private begin(action: string, title: string): string {
    const number = String(this.steps.length + 1).padStart(2, '0');
    this.banner(`${number}. ${action} — ${title}`);
    return `${number}-${action}`;
  }

  private record(step: StepRecord): void {
    this.steps.push(step);
    this.pages.push({
      id: step.id,
      title: `${step.id.slice(0, 2)}. ${step.action} — ${step.title}`,
      narrative: step.narrative,
      file: step.summaryFile,
      badge: step.status,
      tone: step.status === 'passed' ? 'good' : step.status === 'skipped' ? 'neutral' : 'bad',
    });
  }

  writeNarrative(): string {
    const path = join(this.outDir, 'narrative.txt');
    writeFileSync(path, `${this.lines.join('\n')}\n`);
    return path;
  }
}

import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { ReproPlan } from './plan.js';
import type { DvcStep } from './session.js';

/**
 * The DVC commands of a run, in order. `dvc status --json` first, for the report; then
 * `dvc repro --pull --allow-missing`: a stage whose only change is missing data (outputs not in a
 * fresh checkout) is skipped without downloading anything; a stage that must run gets its
 * missing dependencies pulled, and one that ran before with the same inputs is restored from the
 * run cache (pulled from the remote first) instead of running. `--pull` alone would download
 * every unchanged stage's outputs (iterative/dvc#10435), and before DVC 3.51 re-ran stages whose
 * data was missing (iterative/dvc#10412); `--allow-missing` alone would run a changed stage
 * without its dependencies (iterative/dvc#9915). Then the pushes, only after a successful
 * reproduction.
 */
export interface StepOptions {
  repoRoot: string;
  targets: readonly string[];
  plan: ReproPlan;
  remote?: string;
  keepGoing: boolean;
  runCache: boolean;
  push: boolean;
  pushRunCache: boolean;
  pullOutputs: boolean;
}

export const STEP_TITLES: ReadonlyMap<string, string> = new Map([
  ['status', 'dvc status: what changed since dvc.lock'],
  ['push', 'Push the outputs to the remote'],
  ['push-run-cache', 'Push the run cache to the remote'],
  ['pull-outputs', 'Pull the outputs of the targets'],
  ['pull-metrics', 'Pull the metrics files'],
]);

export const PUSH_STEPS: readonly string[] = ['push', 'push-run-cache'];

export function buildSteps(options: StepOptions): DvcStep[] {
  const targets = [...options.targets];
  const steps: DvcStep[] = [
    { id: 'status', argv: ['status', '--json', ...(targets.length ? ['--with-deps', ...targets] : [])] },
    {
      id: 'repro',
      argv: ['repro', '--pull', '--allow-missing', ...(options.keepGoing ? ['--keep-going'] : []), ...(options.runCache ? [] : ['--no-run-cache']), ...targets],
    },
  ];
  if (options.push && options.remote !== undefined) {
    steps.push({ id: 'push', argv: ['push', '-r', options.remote, ...(targets.length ? ['--with-deps', ...targets] : [])] });
    if (options.pushRunCache) {
      steps.push({ id: 'push-run-cache', kind: 'push-run-cache', argv: [], remote: options.remote, stages: options.plan.stages.map((s) => s.name) });
    }
  }
  if (options.pullOutputs && options.remote !== undefined) {
    steps.push({ id: 'pull-outputs', argv: ['pull', ...targets], optional: true });
  }
  // Metrics a skipped stage keeps in the DVC cache (not in git) are fetched for the metrics gate.
  const missingMetrics = options.plan.stages.flatMap((stage) =>
    stage.metrics.filter((m) => m.cache && !existsSync(join(options.repoRoot, m.path))).map((m) => m.path),
  );
  if (missingMetrics.length > 0) steps.push({ id: 'pull-metrics', argv: ['pull', '--allow-missing', ...missingMetrics], optional: true });
  return steps;
}

import { cell, code, details, table } from '../core/summary.js';
import type { LockSnapshot, StageLockChange } from './lock.js';
import type { ReproLog } from './repro-log.js';
import type { PlannedStage } from './plan.js';
import type { StageStatus } from './status.js';

/**
 * What happened to each stage, decided from three sources that must agree: `dvc status --json`
 * before the run (why a stage was out of date), dvc.lock before and after (whether its recorded
 * state changed) and DVC's own account while it ran (ran, restored from the run cache, skipped,
 * failed).
 */

export type StageResult = 'ran' | 'run-cache' | 'skipped' | 'failed' | 'blocked' | 'not-run';

export interface StageReport {
  name: string;
  result: StageResult;
  /** One line: why it ran, or why it was skipped. */
  detail: string;
  seconds?: number;
  lockChanged: boolean;
}

export function classifyStages(input: {
  planned: readonly PlannedStage[];
  status: Map<string, StageStatus>;
  log: ReproLog;
  lockBefore: LockSnapshot;
  lockAfter: LockSnapshot;
  changes: readonly StageLockChange[];
  /** dvc repro exited non-zero: a stage it said nothing about was never reached. */
  reproFailed: boolean;
}): StageReport[] {
  const names: string[] = input.planned.map((stage) => stage.name);
  for (const name of [...input.log.decisions.keys(), ...input.log.blocked]) if (!names.includes(name)) names.push(name);
  const changed = new Map(input.changes.map((change) => [change.stage, change]));
  return names.map((name) => {
    const status = input.status.get(name);
    const decision = input.log.blocked.has(name) && !input.log.decisions.has(name) ? 'blocked' : input.log.decisions.get(name);
    const lockChanged = changed.has(name);
    const why = !input.lockBefore.stages.has(name) ? 'not in dvc.lock yet' : status && !status.missingDataOnly ? realChanges(status.reasons) : undefined;
    const seconds = input.log.secondsOf(name);
    switch (decision) {
      case 'ran':
        // Nothing of its own changed before the run: a stage upstream of it produced new outputs.
        return { name, result: 'ran', detail: why ?? 'an upstream stage produced new outputs', seconds, lockChanged };
      case 'run-cache':
        return { name, result: 'run-cache', detail: `restored from the run cache${why ? ` (${why})` : ''}`, seconds, lockChanged };
      case 'failed':
        return { name, result: 'failed', detail: input.log.segments.find((s) => s.stage === name)?.failure ?? 'failed', seconds, lockChanged };
      case 'blocked':
        return { name, result: 'blocked', detail: 'not run: a stage it depends on failed', lockChanged };
      case 'pulled':
        return { name, result: 'skipped', detail: 'unchanged; its outputs were pulled', seconds, lockChanged };
      case 'frozen':
        return { name, result: 'skipped', detail: 'frozen', lockChanged };
      default: {
        // DVC said it did not change, or said nothing (a stage it never reached).
        if (decision === undefined && input.reproFailed) {
          return { name, result: 'not-run', detail: 'not reached: dvc repro stopped before it', lockChanged };
        }
        if (lockChanged && decision === undefined) {
          return { name, result: 'ran', detail: 'its dvc.lock entry was rewritten', lockChanged };
        }
        const detail = status?.missingDataOnly
          ? 'unchanged (its outputs are not in the workspace; they were not needed, so not pulled)'
          : status
            ? `unchanged by DVC's account, though status said: ${status.reasons.join('; ')}`
            : 'unchanged';
        return { name, result: 'skipped', detail, lockChanged };
      }
    }
  });
}

/** The reasons that made a stage run: missing data alone does not, so it is left out when there are others. */
function realChanges(reasons: readonly string[]): string {
  const real = reasons.filter((reason) => !/ (deleted|not in cache)$/.test(reason) || /^[^ ]+: /.test(reason));
  return (real.length > 0 ? real : reasons).join('; ');
}

export function namesWith(stages: readonly StageReport[], ...results: StageResult[]): string[] {
  return stages.filter((stage) => results.includes(stage.result)).map((stage) => stage.name);
}

const LABEL: Record<StageResult, string> = {
  ran: 'ran',
  'run-cache': 'from the run cache',
  skipped: 'skipped',
  failed: '**failed**',
  blocked: 'not run',
  'not-run': 'not run',
};

export function seconds(value: number | undefined): string {
  if (value === undefined) return '';
  return value < 10 ? `${value.toFixed(2)} s` : `${value.toFixed(1)} s`;
}

export interface SummaryFacts {
  heading: string;
  intro: string[];
  stages: StageReport[];
  notes: string[];
  lock: { changes: StageLockChange[]; patch: string; changed: boolean };
  metricsFiles: string[];
  failures: { stage: string; reason: string; tail: string[] }[];
  errors: string[];
}

export function renderSummary(facts: SummaryFacts): string {
  const parts: string[] = [`## ${facts.heading}`, '', ...facts.intro.map((line) => `${line}  `)];
  if (facts.errors.length > 0) parts.push('', ...facts.errors.map((error) => `> **Error:** ${cell(error)}`));
  if (facts.stages.length > 0) {
    parts.push(
      '',
      table(
        ['Stage', 'Result', 'Time', 'Why'],
        facts.stages.map((stage) => [code(stage.name), LABEL[stage.result], seconds(stage.seconds), cell(stage.detail)]),
      ),
    );
  }
  if (facts.notes.length > 0) parts.push('', ...facts.notes.map((note) => `- ${note}`));
  for (const failure of facts.failures) {
    parts.push('', `### Stage ${code(failure.stage)} failed`, '', cell(failure.reason));
    if (failure.tail.length > 0) parts.push('', 'The end of its output:', '', '```text', ...failure.tail, '```');
  }
  if (facts.lock.changed) {
    parts.push('', '### dvc.lock changed', '');
    for (const change of facts.lock.changes) {
      const what = change.kind === 'changed' ? change.details.join('; ') : change.kind === 'added' ? 'added' : 'removed';
      parts.push(`- ${code(change.stage)}: ${cell(what)}`);
    }
    parts.push(
      '',
      'To keep what this run computed, apply the patch in your checkout and commit it (`git apply dvc-lock.patch && git add dvc.lock && git commit`).',
      '',
      details('dvc.lock patch', `\`\`\`diff\n${facts.lock.patch.trimEnd()}\n\`\`\``),
    );
  }
  if (facts.metricsFiles.length > 0) {
    parts.push('', '### Metrics files', '', ...facts.metricsFiles.map((file) => `- ${code(file)}`));
  }
  return `${parts.join('\n')}\n`;
}

import type { Restored } from '../../dvc/cache.js';
import { explainStepFailure, remoteLabel } from '../../dvc/failures.js';
import type { ReproPlan } from '../../dvc/plan.js';
import type { PushReport } from '../../dvc/push.js';
import type { RemoteSetup } from '../../dvc/remote.js';
import type { StepOutcome } from '../../dvc/session.js';

/** The push lines of the summary, and the errors a failed push or run-cache push raises. */
export function describePushes(input: {
  push: boolean;
  remote: RemoteSetup;
  plan: ReproPlan;
  pushOutcome?: StepOutcome;
  pushReport?: PushReport;
  runCacheOutcome?: StepOutcome;
  attempts: number;
  context: Parameters<typeof explainStepFailure>[2];
}): { notes: string[]; warnings: string[]; errors: string[] } {
  const { remote, pushOutcome, pushReport, runCacheOutcome } = input;
  const notes: string[] = [];
  const warnings: string[] = [];
  const errors: string[] = [];
  if (!input.push) notes.push('Push: off (input `push: false`).');
  else if (!remote.name) notes.push('Push: no DVC remote is configured (set the `remote` input or a default remote in .dvc/config); the outputs stay in the local cache.');
  else if (pushOutcome?.exitCode === undefined) notes.push('Push: not attempted, because an earlier DVC command failed.');
  else if (pushOutcome.exitCode === 0) {
    const pushed = pushReport?.pushed ?? 0;
    notes.push(`Pushed ${pushed} file${pushed === 1 ? '' : 's'} to ${remoteLabel(remote)}${input.attempts > 1 ? ` (after ${input.attempts} attempts)` : ''}.`);
  } else {
    // What the failed push covered: DVC does not say which files made it before the failure.
    const notConfirmed = input.plan.stages.flatMap((stage) => stage.cachedOutputs);
    errors.push(
      explainStepFailure('push', pushOutcome, input.context) +
        (pushReport?.failedCount !== undefined ? `; ${pushReport.failedCount} file${pushReport.failedCount === 1 ? '' : 's'} failed to upload` : '') +
        (notConfirmed.length ? `; not confirmed on the remote: ${notConfirmed.join(', ')}` : '') +
        '. The local DVC cache keeps every output: run the job again once the remote is reachable to push the rest',
    );
  }
  if (pushReport && pushReport.missing.length > 0) {
    const text = `dvc.lock refers to data that is neither in the local cache nor on ${remoteLabel(remote)}: ${pushReport.missing.join(', ')} — whoever produced it did not push it`;
    warnings.push(text);
    notes.push(`Warning: ${text}.`);
  }
  if (runCacheOutcome?.exitCode === 0) {
    const r = runCacheOutcome.result;
    notes.push(
      r
        ? `Run cache: ${r.entries ?? 0} entr${r.entries === 1 ? 'y' : 'ies'} and ${r.objects ?? 0} object${r.objects === 1 ? '' : 's'} of outputs with \`cache: false\` pushed.`
        : 'Run cache pushed.',
    );
  } else if (runCacheOutcome?.exitCode !== undefined) {
    errors.push(explainStepFailure('push-run-cache', runCacheOutcome, input.context));
  }
  return { notes, warnings, errors };
}

export function describeRestore(restored: Restored): string {
  if (!restored.matchedKey) return 'no earlier cache to restore';
  return `restored from \`${restored.matchedKey}\`${restored.exact ? ' (exact match)' : ' (a partial match: an earlier run)'}`;
}

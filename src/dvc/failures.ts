import type { RemoteSetup } from './remote.js';
import type { StepOutcome } from './session.js';

/**
 * DVC's exit codes turned into messages that say what failed and what to do:
 * 253 outside a DVC repository, 251 a configuration error, 255 a failed command (a stage for
 * repro), 1 a failed transfer (push, pull).
 */

export function errorLines(outcome: StepOutcome): string[] {
  return `${outcome.stderr}\n${outcome.stdout}`
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => /^ERROR: /.test(line))
    .map((line) => line.replace(/^ERROR:\s*/, ''))
    .filter((line) => line !== '' && line !== 'unexpected error');
}

function firstError(outcome: StepOutcome): string {
  const errors = errorLines(outcome);
  if (errors.length > 0) return [...new Set(errors)].join('; ');
  const lines = `${outcome.stderr}\n${outcome.stdout}`.split('\n').map((l) => l.trim()).filter(Boolean);
  return lines.at(-1) ?? 'no error message';
}

export function remoteLabel(remote: RemoteSetup): string {
  return remote.name ? `remote '${remote.name}'${remote.url ? ` (${remote.url})` : ''}` : 'the default remote';
}

const UNREACHABLE = /could not connect|connection (refused|reset)|timed out|name or service not known|temporary failure in name resolution|endpoint url/i;
const DENIED = /access ?denied|forbidden|invalid ?access ?key|signature ?does ?not ?match|credentials|unauthori[sz]ed|permission/i;

/** The message for a step that exited non-zero, naming the stage or remote at fault. */
export function explainStepFailure(
  step: 'status' | 'repro' | 'push' | 'push-run-cache' | 'pull',
  outcome: StepOutcome,
  context: { remote: RemoteSetup; workingDirectory: string; failedStages?: string[]; targetsOrigin?: string },
): string {
  const code = outcome.exitCode;
  const reason = firstError(outcome);
  const remote = remoteLabel(context.remote);
  if (code === 253) {
    return `${context.workingDirectory} is not in a DVC repository (dvc exited with 253: ${reason}); run 'dvc init' and commit .dvc/, or set 'working-directory' to the repository's folder`;
  }
  if (code === 251) {
    return `DVC configuration error (exit 251) — check .dvc/config and the settings of ${remote}: ${reason}`;
  }
  if (step === 'push' || step === 'push-run-cache') {
    const what = step === 'push' ? 'push' : 'run-cache push';
    const hint = DENIED.test(reason)
      ? 'the credentials were refused: check them and their permissions on the storage'
      : UNREACHABLE.test(reason)
        ? 'the storage could not be reached'
        : 'see the log above';
    return `${what} to ${remote} failed (dvc exited with ${code}): ${reason} — ${hint}`;
  }
  if (step === 'repro') {
    if (/not found inside|does not exist|is not a valid|bad stage name|Stage '.*' not found/i.test(reason)) {
      return `dvc repro could not start (exit ${code}): ${reason}; check the targets (${context.targetsOrigin ?? 'targets'})`;
    }
    if (context.failedStages && context.failedStages.length > 0) {
      const names = context.failedStages.map((s) => `'${s}'`).join(', ');
      return `stage${context.failedStages.length > 1 ? 's' : ''} ${names} failed (dvc repro exited with ${code}): ${reason}; the end of the output is in the job summary`;
    }
    if (UNREACHABLE.test(reason) || DENIED.test(reason)) {
      return `dvc repro could not pull from ${remote} (exit ${code}): ${reason}`;
    }
    return `dvc repro failed (exit ${code}): ${reason}`;
  }
  if (step === 'status') {
    if (/not found inside|does not exist|bad stage name/i.test(reason)) {
      return `dvc status failed (exit ${code}): ${reason}; check the targets (${context.targetsOrigin ?? 'targets'})`;
    }
    return `dvc status failed (exit ${code}): ${reason}`;
  }
  return `dvc ${step} failed (exit ${code}) from ${remote}: ${reason}`;
}

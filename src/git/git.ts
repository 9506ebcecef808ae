import { ConfigurationError } from '../core/errors.js';
import { exec, ExecFailedError, type ExecOptions, type ExecResult } from '../core/exec.js';

/**
 * A thin layer over `git`: every call goes through the project's exec wrapper (no shell,
 * argv logged), never prompts for credentials, and turns the failures a user can fix
 * (git missing, not a repository, an unsafe directory) into ConfigurationErrors.
 */

export interface GitOptions extends Pick<ExecOptions, 'input' | 'quiet' | 'timeoutMs'> {
  /** Exit codes that are answers rather than failures (e.g. 1 from `merge-base`). */
  okExitCodes?: readonly number[];
}

/** Keeps git from waiting for a password or a pager in a job that nobody watches. */
const GIT_ENV: NodeJS.ProcessEnv = {
  GIT_TERMINAL_PROMPT: '0',
  GCM_INTERACTIVE: 'never',
  GIT_PAGER: 'cat',
  GIT_OPTIONAL_LOCKS: '0',
};

const MISSING_HINT =
  'install git on the runner (GitHub-hosted runners have it; on a self-hosted runner or in a ' +
  'container job, add it to the image)';

export async function git(cwd: string, args: readonly string[], options: GitOptions = {}): Promise<ExecResult> {
  const result = await exec('git', args, {
    cwd,
    env: GIT_ENV,
    input: options.input,
    quiet: options.quiet,
    timeoutMs: options.timeoutMs,
    missingHint: MISSING_HINT,
  });
  if (result.exitCode === 0 && !result.signal) return result;
  const failure = explainFailure(cwd, args, result);
  // A repository-level problem is reported even where the exit code would be an answer.
  if (failure instanceof ConfigurationError || result.signal) throw failure;
  if ((options.okExitCodes ?? []).includes(result.exitCode)) return result;
  throw failure;
}

/** The error for a failed git call: a ConfigurationError when the user can fix the cause. */
export function explainFailure(cwd: string, args: readonly string[], result: ExecResult): Error {
  const stderr = result.stderr;
  if (/not a git repository/i.test(stderr)) {
    return new ConfigurationError(
      `${cwd} is not a git repository; check the repository out first (a step with ` +
        `'uses: actions/checkout@v5' before this one), or point the working directory at the checkout`,
    );
  }
  if (/detected dubious ownership/i.test(stderr)) {
    return new ConfigurationError(
      `git refuses to work in ${cwd} because the directory belongs to another user; in a container ` +
        `job, run \`git config --global --add safe.directory "$GITHUB_WORKSPACE"\` before this step ` +
        `(actions/checkout does this when it makes the checkout)`,
    );
  }
  return new ExecFailedError(`git ${args.join(' ')}`, result);
}

export const ZERO_SHA = /^0+$/;
export const FULL_SHA = /^[0-9a-f]{40}([0-9a-f]{24})?$/i;

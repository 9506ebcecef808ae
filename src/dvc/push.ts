import * as core from '../core/runner.js';
import type { StepOutcome } from './session.js';

/**
 * Reading `dvc push` results: how many files went up, which objects DVC found neither locally
 * nor on the remote, why a push failed and whether trying again can help; and trying again.
 */

export interface PushReport {
  pushed: number;
  /** Objects referenced by dvc.lock that exist neither in the local cache nor on the remote. */
  missing: string[];
  /** Files DVC says failed to upload (from its error message), when it says. */
  failedCount?: number;
  /** DVC's error lines, for the message. */
  errors: string[];
}

export function parsePush(stdout: string, stderr: string): PushReport {
  const text = `${stdout}\n${stderr}`;
  const lines = text.split('\n').map((line) => line.trim());
  let pushed = 0;
  for (const line of lines) {
    const match = /^(\d+) files? pushed$/.exec(line);
    if (match) pushed += Number(match[1]);
  }
  const missing: string[] = [];
  let inMissing = false;
  for (const line of lines) {
    if (/Missing cache files:$/.test(line)) {
      inMissing = true;
      continue;
    }
    if (inMissing && /^(name: .+, )?md5: [0-9a-f]+(\.dir)?$/.test(line)) {
      missing.push(line.replace(/^name: (.+), md5: (.+)$/, '$1 ($2)').replace(/^md5: /, 'object '));
      continue;
    }
    inMissing = false;
  }
  const failed = /(\d+) files? failed to upload/.exec(text);
  const errors = lines.filter((line) => /^ERROR: /.test(line)).map((line) => line.replace(/^ERROR: /, ''));
  return { pushed, missing: [...new Set(missing)], failedCount: failed ? Number(failed[1]) : undefined, errors };
}

const TRANSIENT = [
  /could not connect to the endpoint/i,
  /connection (refused|reset|aborted|closed)/i,
  /connect(ion)? ?timeout|timed out|read timeout/i,
  /temporar(y|ily)/i,
  /\b(500|502|503|504)\b/,
  /service ?unavailable|internal ?error|bad gateway|gateway timeout/i,
  /slow ?down|throttl|too many requests|rate ?exceeded|\b429\b/i,
  /broken pipe|remote end closed|server disconnected|ECONNRESET|EPIPE|ETIMEDOUT|ECONNREFUSED/i,
  /failed to upload/i,
];

const PERMANENT = [
  /access ?denied|forbidden|\b403\b|\b401\b|unauthori[sz]ed/i,
  /invalid ?access ?key|signature ?does ?not ?match|expired ?token|invalid ?grant|credentials/i,
  /no ?such ?bucket|bucket .* does not exist|not ?found/i,
  /configuration error|config file error|no remote specified/i,
  /requires these missing dependencies/i,
];

/** A push error worth retrying: network trouble or an overloaded store, not a refusal. */
export function isTransient(errorText: string): boolean {
  if (PERMANENT.some((pattern) => pattern.test(errorText))) return false;
  return TRANSIENT.some((pattern) => pattern.test(errorText));
}

/** Seconds to wait before attempt `attempt` (2, 3...): 5 s, 15 s, 45 s... capped at 60 s. */
export function retryDelaySeconds(attempt: number, base = 5): number {
  return Math.min(60, base * 3 ** Math.max(0, attempt - 2));
}

/** A push step (data or run cache) that exited non-zero, if any. */
export function failedPush(outcomes: ReadonlyMap<string, StepOutcome>, ids: readonly string[]): StepOutcome | undefined {
  return ids.map((id) => outcomes.get(id)).find((o) => o !== undefined && o.exitCode !== undefined && o.exitCode !== 0);
}

/**
 * Runs the pushes again while they fail with what looks transient, up to `retries` more times,
 * waiting longer each time; the outcomes are updated in place. Returns the number of attempts.
 */
export async function retryTransientPushes(input: {
  outcomes: Map<string, StepOutcome>;
  ids: readonly string[];
  retries: number;
  label: string;
  rerun: () => Promise<ReadonlyMap<string, StepOutcome>>;
  wait?: (seconds: number) => Promise<void>;
}): Promise<number> {
  const wait = input.wait ?? ((seconds: number) => new Promise<void>((done) => setTimeout(done, seconds * 1000)));
  let attempts = 1;
  for (let failed = failedPush(input.outcomes, input.ids); failed && attempts <= input.retries; failed = failedPush(input.outcomes, input.ids)) {
    if (!isTransient(`${failed.stderr}\n${failed.stdout}`)) break;
    attempts++;
    const delay = retryDelaySeconds(attempts);
    const reason = `${failed.stderr}\n${failed.stdout}`.split('\n').find((line) => line.startsWith('ERROR: '))?.slice(7) ?? 'see the log';
    core.warning(`push to ${input.label} failed with what looks transient (${reason}); trying again in ${delay} s (attempt ${attempts} of ${input.retries + 1})`);
    await wait(delay);
    for (const [id, outcome] of await input.rerun()) input.outcomes.set(id, outcome);
  }
  return attempts;
}

import { readFileSync } from 'node:fs';
import { ConfigurationError } from '../core/errors.js';
import type { EventInfo } from './comparison.js';

/**
 * The event the runner started this step for: GITHUB_EVENT_NAME, the JSON payload at
 * GITHUB_EVENT_PATH, GITHUB_REF and GITHUB_SHA. Outside a workflow run (no event file) the
 * payload is empty, so only the base and head inputs or a dispatch-like event can be used.
 */
export function eventFromEnvironment(env: NodeJS.ProcessEnv = process.env): EventInfo {
  const path = env.GITHUB_EVENT_PATH;
  let payload: Record<string, unknown> = {};
  if (path) {
    let text: string;
    try {
      text = readFileSync(path, 'utf8');
    } catch (error) {
      if ((error as { code?: unknown } | null)?.code === 'ENOENT') {
        throw new ConfigurationError(`the event file GITHUB_EVENT_PATH=${path} does not exist; run this step in a GitHub Actions job`);
      }
      throw error;
    }
    try {
      const parsed: unknown = JSON.parse(text);
      if (parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed)) payload = parsed as Record<string, unknown>;
      else throw new Error('not a JSON object');
    } catch (error) {
      throw new ConfigurationError(
        `the event file GITHUB_EVENT_PATH=${path} is not a JSON object (${error instanceof Error ? error.message : String(error)})`,
        { file: path },
      );
    }
  }
  return {
    eventName: env.GITHUB_EVENT_NAME ?? '',
    payload,
    ref: env.GITHUB_REF ?? '',
    sha: env.GITHUB_SHA ?? '',
  };
}

import * as core from './runner.js';

/** Runs `fn` inside a collapsible log group; the group is closed even when `fn` throws. */
export const group = core.group;

export function debugJson(label: string, value: unknown): void {
  if (core.isDebug()) core.debug(`${label}: ${JSON.stringify(value)}`);
}

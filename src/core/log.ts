import * as core from '@actions/core';

/** Runs `fn` inside a collapsible log group; the group is closed even when `fn` throws. */
export async function group<T>(title: string, fn: () => Promise<T>): Promise<T> {
  core.startGroup(title);
  try {
    return await fn();
  } finally {
    core.endGroup();
  }
}

export function debugJson(label: string, value: unknown): void {
  if (core.isDebug()) core.debug(`${label}: ${JSON.stringify(value)}`);
}

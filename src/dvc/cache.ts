import { createHash } from 'node:crypto';
import { existsSync, readdirSync } from 'node:fs';
import { isAbsolute, relative, resolve, sep } from 'node:path';
import * as core from '../core/runner.js';

/**
 * The DVC cache directory in the GitHub Actions cache, so a job starts with the objects and run
 * cache of earlier runs. The key is the dvc.lock content and the targets: a run with the same
 * lock and targets finds an exact hit; otherwise the newest cache of the same targets, then of
 * the same working directory, is restored (objects are content-addressed, so an older cache only
 * holds more or fewer of them, never wrong ones).
 */

export interface CacheKeys {
  primary: string;
  restore: string[];
  /** The key without the lock part: what saving combines with the lock after the run. */
  prefix: string;
}

function short(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 16);
}

export function dvcCacheKeys(input: { os: string; workingDirectory: string; targets: readonly string[]; lockFingerprint: string }): CacheKeys {
  const base = `aura-dvc-cache-v1-${input.os}-${short(input.workingDirectory || '.')}`;
  const prefix = `${base}-${short([...input.targets].sort().join('\n') || '(all stages)')}`;
  return { primary: `${prefix}-${short(input.lockFingerprint)}`, restore: [`${prefix}-`, `${base}-`], prefix };
}

export function keyWithLock(keys: CacheKeys, lockFingerprint: string): string {
  return `${keys.prefix}-${short(lockFingerprint)}`;
}

/** Whether the runner's cache service can be reached (the runner sets these for actions). */
export function cacheServiceAvailable(env: NodeJS.ProcessEnv): { available: boolean; why?: string } {
  const url = env.ACTIONS_CACHE_SERVICE_V2 ? env.ACTIONS_RESULTS_URL : env.ACTIONS_CACHE_URL || env.ACTIONS_RESULTS_URL;
  if (!url) return { available: false, why: 'ACTIONS_RESULTS_URL and ACTIONS_CACHE_URL are not set: not a GitHub Actions runner, or one without the cache service' };
  if (!env.ACTIONS_RUNTIME_TOKEN) return { available: false, why: 'ACTIONS_RUNTIME_TOKEN is not set' };
  return { available: true };
}

let warned = false;

/** One warning per run, the first time the cache is wanted and the service is missing. */
export function warnCacheUnavailable(why: string): void {
  if (warned) return;
  warned = true;
  core.warning(`the GitHub Actions cache is not available (${why}); the DVC cache is neither restored nor saved, and DVC is not cached across runs`);
}

/** The path as @actions/cache wants it: relative to the workspace when inside it, so keys stay stable. */
export function cachePath(dir: string, workspace: string): string {
  const rel = relative(resolve(workspace), resolve(dir));
  if (rel === '' || rel.startsWith('..') || isAbsolute(rel)) return resolve(dir);
  return rel.split(sep).join('/');
}

type CacheModule = typeof import('@actions/cache');
let module: Promise<CacheModule> | undefined;
function loadCache(): Promise<CacheModule> {
  // Loaded on first use: the module (and the storage SDK under it) is large and most steps
  // that skip caching never need it.
  module ??= import('@actions/cache');
  return module;
}

export interface Restored {
  matchedKey?: string;
  exact: boolean;
}

export async function restore(paths: string[], keys: CacheKeys): Promise<Restored> {
  const cache = await loadCache();
  try {
    const matchedKey = await cache.restoreCache(paths, keys.primary, keys.restore);
    return { matchedKey, exact: matchedKey === keys.primary };
  } catch (error) {
    core.warning(`could not restore the DVC cache: ${error instanceof Error ? error.message : String(error)}`);
    return { exact: false };
  }
}

export async function restoreTool(paths: string[], key: string): Promise<string | undefined> {
  const cache = await loadCache();
  try {
    return await cache.restoreCache(paths, key);
  } catch (error) {
    core.warning(`could not restore DVC from the GitHub Actions cache: ${error instanceof Error ? error.message : String(error)}`);
    return undefined;
  }
}

/** Saves; true when an entry was created. @actions/cache logs its own reasons for not saving. */
export async function save(paths: string[], key: string): Promise<boolean> {
  const cache = await loadCache();
  try {
    const id = await cache.saveCache(paths, key);
    return id !== -1;
  } catch (error) {
    core.warning(`could not save ${paths.join(', ')} to the GitHub Actions cache: ${error instanceof Error ? error.message : String(error)}`);
    return false;
  }
}

export function hasFiles(dir: string): boolean {
  return existsSync(dir) && readdirSync(dir).length > 0;
}

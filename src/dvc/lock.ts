import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { canonical } from './values.js';
import { unifiedDiff } from './text-diff.js';

/**
 * dvc.lock files before and after a run: which stages' recorded state changed (command, params,
 * dependency and output hashes) and the patch an author applies to commit what CI computed.
 */

export interface LockedFile {
  path: string;
  md5?: string;
}

export interface LockedStage {
  cmd: string;
  deps: LockedFile[];
  outs: LockedFile[];
  /** File -> key -> value. */
  params: Record<string, Record<string, unknown>>;
}

export interface LockSnapshot {
  /** Repository-relative path of the lock file -> its text (undefined: absent). */
  texts: Map<string, string | undefined>;
  /** Stage address (`name` or `sub/dvc.yaml:name`) -> its entry. */
  stages: Map<string, LockedStage>;
}

export function lockFileOf(dvcfile: string): string {
  return dvcfile.replace(/dvc\.yaml$/, 'dvc.lock');
}

function stageAddress(lockFile: string, name: string): string {
  return lockFile === 'dvc.lock' ? name : `${lockFile.replace(/dvc\.lock$/, 'dvc.yaml')}:${name}`;
}

function files(value: unknown): LockedFile[] {
  if (!Array.isArray(value)) return [];
  return value
    .filter((entry): entry is Record<string, unknown> => entry !== null && typeof entry === 'object')
    .map((entry) => ({
      path: String(entry.path),
      md5: typeof entry.md5 === 'string' ? entry.md5 : typeof entry.hash === 'string' && typeof entry[entry.hash] === 'string' ? String(entry[entry.hash]) : undefined,
    }));
}

export function parseLock(lockFile: string, text: string): Map<string, LockedStage> {
  const stages = new Map<string, LockedStage>();
  let document: unknown;
  try {
    document = parse(text);
  } catch {
    return stages;
  }
  const entries = (document as { stages?: Record<string, Record<string, unknown>> } | null)?.stages ?? {};
  for (const [name, entry] of Object.entries(entries)) {
    if (!entry || typeof entry !== 'object') continue;
    const cmd = Array.isArray(entry.cmd) ? entry.cmd.join(' && ') : String(entry.cmd ?? '');
    const params = (entry.params && typeof entry.params === 'object' ? entry.params : {}) as Record<string, Record<string, unknown>>;
    stages.set(stageAddress(lockFile, name), { cmd, deps: files(entry.deps), outs: files(entry.outs), params });
  }
  return stages;
}

export function readLocks(repoRoot: string, lockFiles: readonly string[]): LockSnapshot {
  const texts = new Map<string, string | undefined>();
  const stages = new Map<string, LockedStage>();
  for (const lockFile of [...new Set(lockFiles)].sort()) {
    const full = join(repoRoot, lockFile);
    const text = existsSync(full) ? readFileSync(full, 'utf8') : undefined;
    texts.set(lockFile, text);
    if (text !== undefined) for (const [name, stage] of parseLock(lockFile, text)) stages.set(name, stage);
  }
  return { texts, stages };
}

export interface StageLockChange {
  stage: string;
  kind: 'added' | 'removed' | 'changed';
  /** Human-readable lines: `params.yaml: visual.train.epochs 12 → 20`, `output models/x changed`. */
  details: string[];
}

function byPath(list: LockedFile[]): Map<string, string | undefined> {
  return new Map(list.map((file) => [file.path, file.md5]));
}

function formatValue(value: unknown): string {
  return value === undefined ? '(absent)' : typeof value === 'string' ? value : JSON.stringify(value);
}

export function compareStage(before: LockedStage, after: LockedStage): string[] {
  const details: string[] = [];
  if (before.cmd !== after.cmd) details.push('command changed');
  const files = new Set([...Object.keys(before.params), ...Object.keys(after.params)]);
  for (const file of files) {
    const a = before.params[file] ?? {};
    const b = after.params[file] ?? {};
    for (const key of new Set([...Object.keys(a), ...Object.keys(b)])) {
      if (canonical(a[key]) !== canonical(b[key])) details.push(`${file}: ${key} ${formatValue(a[key])} → ${formatValue(b[key])}`);
    }
  }
  const compare = (label: string, x: LockedFile[], y: LockedFile[]): void => {
    const xa = byPath(x);
    const ya = byPath(y);
    for (const [path, md5] of ya) {
      if (!xa.has(path)) details.push(`${label} ${path} added`);
      else if (xa.get(path) !== md5) details.push(`${label} ${path} changed`);
    }
    for (const path of xa.keys()) if (!ya.has(path)) details.push(`${label} ${path} removed`);
  };
  compare('dependency', before.deps, after.deps);
  compare('output', before.outs, after.outs);
  return details;
}

export function diffLocks(before: LockSnapshot, after: LockSnapshot): { changes: StageLockChange[]; patch: string; changed: boolean } {
  const changes: StageLockChange[] = [];
  for (const [stage, entry] of after.stages) {
    const old = before.stages.get(stage);
    if (!old) changes.push({ stage, kind: 'added', details: [] });
    else {
      const details = compareStage(old, entry);
      if (details.length > 0) changes.push({ stage, kind: 'changed', details });
    }
  }
  for (const stage of before.stages.keys()) if (!after.stages.has(stage)) changes.push({ stage, kind: 'removed', details: [] });
  const paths = [...new Set([...before.texts.keys(), ...after.texts.keys()])].sort();
  const patch = paths.map((path) => unifiedDiff(path, before.texts.get(path), after.texts.get(path))).join('');
  return { changes, patch, changed: patch !== '' };
}

/** The lock files' combined content, for the cache key. */
export function lockFingerprint(snapshot: LockSnapshot): string {
  return [...snapshot.texts].map(([path, text]) => `${path}\0${text ?? ''}`).join('\0\0');
}

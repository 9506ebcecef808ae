import type { ChangedFile, ChangeStatus } from '../changes/types.js';
import { git } from './git.js';

/**
 * The files that differ between two commits, from one `git diff --name-status -z` process.
 * NUL-separated output keeps every file name intact (spaces, quotes, newlines, non-ASCII).
 * Options that a user's git config could change are set explicitly, so the list does not
 * depend on the runner's configuration.
 */
export async function diffFiles(cwd: string, base: string, head: string): Promise<ChangedFile[]> {
  const result = await git(cwd, [
    'diff',
    '--name-status',
    '-z',
    '-M', // a rename is one entry with both paths
    '--no-ext-diff',
    '--no-textconv',
    '--no-color',
    '--no-relative', // paths from the repository root, whatever `diff.relative` says
    '--ignore-submodules=none', // a moved submodule pointer is a changed path
    base,
    head,
    '--',
  ]);
  return parseNameStatus(result.stdoutBuffer.toString('utf8'));
}

const STATUS_BY_LETTER: Record<string, ChangeStatus> = {
  A: 'added',
  M: 'modified',
  D: 'deleted',
  R: 'renamed',
  C: 'copied',
  T: 'type-changed',
};

/** Parses `--name-status -z`: "M\0path\0", and "R097\0old\0new\0" for renames and copies. */
export function parseNameStatus(output: string): ChangedFile[] {
  const fields = output.split('\0');
  if (fields[fields.length - 1] === '') fields.pop(); // after the final NUL
  const files: ChangedFile[] = [];
  let index = 0;
  while (index < fields.length) {
    const code = fields[index++];
    if (!code) throw new Error('empty git diff status field');
    const letter = code[0] ?? '';
    const status = STATUS_BY_LETTER[letter] ?? 'unknown';
    if (letter === 'R' || letter === 'C') {
      const previousPath = fields[index++];
      const path = fields[index++];
      if (previousPath === undefined || path === undefined) throw new Error(`truncated git diff entry '${code}'`);
      files.push({ path, status, previousPath });
    } else {
      const path = fields[index++];
      if (path === undefined) throw new Error(`truncated git diff entry '${code}'`);
      files.push({ path, status });
    }
  }
  return files;
}

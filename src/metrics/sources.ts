import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as core from '../core/runner.js';
import picomatch from 'picomatch';
import { globBase, globRegExp } from '../catalog/globs.js';
import { ConfigurationError, isErrnoException } from '../core/errors.js';
import { exec, lastLines } from '../core/exec.js';
import { git } from '../git/git.js';
import { readBlobs, resolveCommits } from '../git/objects.js';
import { parseDvcMetricsDiff } from './dvc-diff.js';
import { parseMetricsText } from './parse.js';
import type { FileRead } from './types.js';

/**
 * Where the metrics come from: the head from the working tree (as the job produced or pulled
 * them), the base from the base commit — with git for files git tracks, with
 * `dvc metrics diff` for DVC outputs, which git does not hold.
 */

const DVC_HINT = 'install DVC on the runner (pip install dvc) before this step, or keep the metrics files in git';

/** Reads the head's metrics files from the working tree. */
export function readHeadFiles(root: string, files: readonly string[]): Map<string, FileRead> {
  const reads = new Map<string, FileRead>();
  const dvcProject = existsSync(join(root, '.dvc'));
  for (const file of files) {
    let text: string;
    try {
      text = readFileSync(join(root, file), 'utf8');
    } catch (error) {
      if (isErrnoException(error) && error.code === 'ENOENT') {
        reads.set(file, {
          status: 'missing',
          reason: dvcProject ? 'if it is a DVC output, reproduce or pull it before this step' : undefined,
        });
      } else if (isErrnoException(error) && error.code === 'EISDIR') {
        reads.set(file, { status: 'unreadable', reason: 'it is a directory' });
      } else {
        reads.set(file, { status: 'unreadable', reason: error instanceof Error ? error.message : String(error) });
      }
      continue;
    }
    reads.set(file, parseMetricsText(file, text));
  }
  return reads;
}

/** Fails with a ConfigurationError that says what to do when `root` is not inside a git checkout. */
export async function checkRepository(root: string): Promise<void> {
  await git(root, ['rev-parse', '--show-toplevel'], { quiet: true });
}

/**
 * The commit a ref names, fetching it from origin when the checkout does not have it
 * (actions/checkout fetches one commit by default).
 */
export async function resolveBase(root: string, ref: string, source: string): Promise<string> {
  const candidates = /^[0-9a-f]{40}$/i.test(ref) ? [ref] : [ref, `origin/${ref}`];
  const found = (await resolveCommits(root, candidates)).find((sha) => sha !== undefined);
  if (found) return found;
  core.info(`${source} ${ref} is not in the checkout; fetching it from origin`);
  // One commit deep in a shallow clone; in a full clone --depth would make the clone shallow.
  const shallow = (await git(root, ['rev-parse', '--is-shallow-repository'], { quiet: true })).stdout.trim() === 'true';
  const depth = shallow ? ['--depth=1'] : [];
  const fetched = await git(root, ['fetch', '--no-tags', ...depth, 'origin', ref], { okExitCodes: [1, 128] });
  if (fetched.exitCode === 0) {
    const [sha] = await resolveCommits(root, [/^[0-9a-f]{40}$/i.test(ref) ? ref : 'FETCH_HEAD']);
    if (sha) return sha;
  }
  throw new ConfigurationError(
    `${source} '${ref}' is not in the checkout and could not be fetched from origin` +
      (fetched.stderr.trim() ? ` (${lastLines(fetched.stderr, 1)})` : '') +
      `; check out with 'fetch-depth: 0' (actions/checkout), or set 'baseline' to a branch, tag or commit that exists`,
  );
}

/** Files' contents at a commit (undefined where the file is not in that commit's tree). */
export async function readAtCommit(root: string, sha: string, files: readonly string[]): Promise<Map<string, string | undefined>> {
  const blobs = await readBlobs(
    root,
    files.map((file) => ({ ref: sha, path: `./${file}` })),
  );
  return new Map(files.map((file, i) => [file, blobs[i]?.toString('utf8')]));
}

/** Which of the files git tracks in the working tree's index. */
async function trackedByGit(root: string, files: readonly string[]): Promise<Set<string>> {
  if (files.length === 0) return new Set();
  const result = await git(root, ['ls-files', '-z', '--', ...files.map((file) => `:(literal)${file}`)], { quiet: true });
  return new Set(result.stdout.split('\0').filter((line) => line !== ''));
}

/**
 * Reads the base's metrics files. A file in the base commit's tree is read from git. A file
 * that git does not track (a DVC output) is read through `dvc metrics diff <base> --json`,
 * which finds it in the DVC cache or the remote; DVC exits 0 even when it could not load a
 * revision and says so only on stderr, which is read to tell "absent" from "unreadable".
 */
export async function readBaseFiles(root: string, base: string, files: readonly string[]): Promise<Map<string, FileRead>> {
  const reads = new Map<string, FileRead>();
  const contents = await readAtCommit(root, base, files);
  const notInGit: string[] = [];
  for (const [file, text] of contents) {
    if (text !== undefined) reads.set(file, parseMetricsText(file, text));
    else notInGit.push(file);
  }
  if (notInGit.length === 0) return reads;

  const tracked = await trackedByGit(root, notInGit);
  const dvcFiles: string[] = [];
  for (const file of notInGit) {
    if (tracked.has(file) || !existsSync(join(root, '.dvc'))) {
      reads.set(file, { status: 'missing', reason: 'not in the base commit' });
    } else {
      dvcFiles.push(file);
    }
  }
  if (dvcFiles.length > 0) {
    for (const [file, read] of await readBaseWithDvc(root, base, dvcFiles)) reads.set(file, read);
  }
  return reads;
}

async function readBaseWithDvc(root: string, base: string, files: readonly string[]): Promise<Map<string, FileRead>> {
  const reads = new Map<string, FileRead>();
  const result = await exec('dvc', ['metrics', 'diff', base, '--all', '--json', '--targets', ...files], {
    cwd: root,
    missingHint: DVC_HINT,
  });
  if (result.exitCode !== 0) {
    const reason = `dvc metrics diff failed: ${lastLines(result.stderr || result.stdout, 1)}`;
    for (const file of files) reads.set(file, { status: 'unreadable', reason });
    return reads;
  }
  const diff = parseDvcMetricsDiff(result.stdout);
  const failedRevisions = /failed to load .*revisions?:\s*'([^']*)'/i.exec(result.stderr)?.[1] ?? '';
  const baseFailed = failedRevisions.split(/,\s*/).some((rev) => rev !== '' && base.startsWith(rev.trim()));
  for (const file of files) {
    const old = diff.old.get(file);
    if (old && old.size > 0) reads.set(file, { status: 'ok', metrics: old });
    else if (baseFailed) {
      reads.set(file, {
        status: 'unreadable',
        reason: 'DVC could not load it at the base commit (its data is neither in the DVC cache nor in the remote the base configures)',
      });
    } else reads.set(file, { status: 'missing', reason: 'not an output of the base commit' });
  }
  if (result.stderr.trim()) core.debug(`dvc metrics diff: ${result.stderr.trim()}`);
  return reads;
}

const SKIPPED_FOLDERS = new Set(['.git', '.dvc', 'node_modules', '.venv', '__pycache__']);

/** Files of the working tree under `folder` (repository-relative, forward slashes). */
function walk(root: string, folder: string, out: string[]): void {
  let entries;
  try {
    entries = readdirSync(join(root, folder), { withFileTypes: true });
  } catch {
    return;
  }
  for (const entry of entries) {
    const path = folder === '.' ? entry.name : `${folder}/${entry.name}`;
    if (entry.isDirectory()) {
      if (!SKIPPED_FOLDERS.has(entry.name)) walk(root, path, out);
    } else if (entry.isFile()) {
      out.push(path);
    }
  }
}

/**
 * Expands the `files` input: each glob is matched against the working tree and, when a base is
 * known, against the base commit's tree, so a metrics file deleted by the change still shows.
 * A name without glob characters is kept even when it matches nothing (it shows as missing).
 */
export async function expandFileGlobs(root: string, globs: readonly string[], base: string | undefined): Promise<string[]> {
  const found: string[] = [];
  const add = (file: string): void => {
    if (!found.includes(file)) found.push(file);
  };
  const baseFiles = base
    ? (await git(root, ['ls-tree', '-r', '-z', '--name-only', base, '--', '.'], { quiet: true })).stdout.split('\0').filter(Boolean)
    : [];
  for (const glob of globs) {
    const pattern = glob.replace(/^\.\//, '');
    if (!picomatch.scan(pattern).isGlob) {
      add(pattern);
      continue;
    }
    let regExp: RegExp;
    try {
      regExp = globRegExp(pattern);
    } catch (error) {
      throw new ConfigurationError(`input 'files': '${glob}' is not a valid glob (${error instanceof Error ? error.message : String(error)})`);
    }
    const head: string[] = [];
    walk(root, globBase(pattern), head);
    const matched = [...head, ...baseFiles].filter((file) => regExp.test(file)).sort();
    if (matched.length === 0) core.warning(`input 'files': '${glob}' matches no file at the head or the base`);
    for (const file of matched) add(file);
  }
  return found;
}

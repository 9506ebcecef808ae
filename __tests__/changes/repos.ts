import { jest } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { git, makeRepo, removeDir } from '../harness/git.js';

/**
 * Real repositories for the change-set tests: an "origin" that plays GitHub (branches, tags,
 * refs/pull/N/merge), and checkouts made the way actions/checkout makes them, over file://.
 */

const made: string[] = [];

export function track(dir: string): string {
  made.push(dir);
  return dir;
}

export function cleanUp(): void {
  for (const dir of made.splice(0)) removeDir(dir);
}

/** A repository that serves fetches by SHA, as GitHub does. */
export function makeOrigin(): string {
  const dir = track(makeRepo('aura-origin-'));
  git(dir, 'config', 'uploadpack.allowReachableSHA1InWant', 'true');
  git(dir, 'config', 'uploadpack.allowAnySHA1InWant', 'true');
  return dir;
}

export interface CheckoutOptions {
  /** The ref the workflow runs for: refs/heads/x, refs/tags/v1, refs/pull/7/merge. */
  ref: string;
  /** The commit to check out (GITHUB_SHA); defaults to what `ref` names on the origin. */
  sha?: string;
  /** actions/checkout's fetch-depth: 1 by default, 0 for the whole history. */
  depth?: number;
}

/**
 * Does what actions/checkout@v4 does: init, add the remote, fetch the one commit at the
 * requested depth into the ref it would use (or everything, branches and tags, at depth 0),
 * and check it out.
 */
export function checkout(origin: string, options: CheckoutOptions): string {
  const dir = track(mkdtempSync(join(tmpdir(), 'aura-checkout-')));
  const sha = options.sha ?? git(origin, 'rev-parse', `${options.ref}^{commit}`);
  const depth = options.depth ?? 1;
  git(dir, 'init', '-q');
  git(dir, 'config', 'commit.gpgsign', 'false');
  git(dir, 'remote', 'add', 'origin', `file://${origin}`);
  const local = localRefFor(options.ref);
  if (depth > 0) {
    git(dir, 'fetch', '-q', '--no-tags', '--prune', '--no-recurse-submodules', `--depth=${depth}`, 'origin', `+${sha}:${local}`);
  } else {
    git(dir, 'fetch', '-q', '--prune', '--no-recurse-submodules', 'origin', '+refs/heads/*:refs/remotes/origin/*', '+refs/tags/*:refs/tags/*');
    git(dir, 'fetch', '-q', '--no-tags', '--prune', '--no-recurse-submodules', 'origin', `+${sha}:${local}`);
  }
  if (options.ref.startsWith('refs/heads/')) {
    const branch = options.ref.slice('refs/heads/'.length);
    git(dir, 'checkout', '-q', '--force', '-B', branch, local);
  } else {
    git(dir, 'checkout', '-q', '--force', '--detach', local);
  }
  return dir;
}

function localRefFor(ref: string): string {
  if (ref.startsWith('refs/heads/')) return `refs/remotes/origin/${ref.slice('refs/heads/'.length)}`;
  if (ref.startsWith('refs/pull/')) return `refs/remotes/pull/${ref.slice('refs/pull/'.length)}`;
  return ref;
}

/** Makes GitHub's refs/pull/N/merge and refs/pull/N/head for a pull request of `head` into `base`. */
export function openPullRequest(origin: string, number: number, base: string, head: string): { merge: string; head: string; base: string } {
  const baseSha = git(origin, 'rev-parse', base);
  const headSha = git(origin, 'rev-parse', head);
  const work = track(mkdtempSync(join(tmpdir(), 'aura-merge-')));
  git(work, 'init', '-q');
  git(work, 'fetch', '-q', `file://${origin}`, baseSha, headSha);
  git(work, 'checkout', '-q', '--detach', baseSha);
  git(work, 'merge', '-q', '--no-ff', '-m', `Merge ${headSha} into ${baseSha}`, headSha);
  const merge = git(work, 'rev-parse', 'HEAD');
  git(work, 'push', '-q', `file://${origin}`, `${merge}:refs/pull/${number}/merge`, `${headSha}:refs/pull/${number}/head`);
  return { merge, head: headSha, base: baseSha };
}

/**
 * Adds `count` commits to the checked-out branch in one `git fast-import` (two processes instead
 * of three per commit); commit i writes `files(i)`. Returns the new tip.
 */
export function commitMany(dir: string, count: number, files: (i: number) => Record<string, string>, message = 'commit'): string {
  const branch = git(dir, 'symbolic-ref', 'HEAD');
  let stream = '';
  const data = (text: string): string => `data ${Buffer.byteLength(text)}\n${text}\n`;
  for (let i = 0; i < count; i++) {
    stream += `commit ${branch}\ncommitter Aura Test <test@aura.example> ${1_700_000_000 + i} +0000\n${data(`${message} ${i}`)}`;
    if (i === 0) stream += `from ${branch}^0\n`;
    for (const [path, content] of Object.entries(files(i))) stream += `M 100644 inline ${path}\n${data(content)}`;
    stream += '\n';
  }
  execFileSync('git', ['fast-import', '--quiet'], { cwd: dir, input: stream });
  git(dir, 'reset', '-q', '--hard');
  return git(dir, 'rev-parse', 'HEAD');
}

/** Number of commits the clone has of a commit's history (shows how deep a fetch went). */
export function depthOf(dir: string, sha: string): number {
  return Number(git(dir, 'rev-list', '--count', sha));
}

export function isShallow(dir: string): boolean {
  return git(dir, 'rev-parse', '--is-shallow-repository') === 'true';
}

/** Everything the action writes to stdout (its log and workflow commands), captured. */
export function captureLog(): { text: () => string; restore: () => void } {
  let captured = '';
  const spy = jest.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    captured += chunk.toString();
    return true;
  });
  return { text: () => captured, restore: () => spy.mockRestore() };
}

export const ZEROS = '0000000000000000000000000000000000000000';

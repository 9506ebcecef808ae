import * as core from '../core/runner.js';
import { ConfigurationError } from '../core/errors.js';
import { ExecFailedError, lastLines } from '../core/exec.js';
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { FULL_SHA, git } from '../git/git.js';
import { resolveCommits } from '../git/objects.js';

/**
 * The local repository's history, completed from `origin` on demand.
 *
 * actions/checkout clones one commit by default. Rather than fetch everything up front,
 * this fetches exactly the commits a comparison needs, by SHA (GitHub serves any commit of
 * the repository, fork pull-request heads included), and deepens the history step by step,
 * doubling each time, only while a merge-base is still out of reach; then it fetches the
 * whole history of those commits. It never shortens the history the checkout already has
 * (see canDeepenSafely) and never turns a full clone into a shallow one. What it fetched is
 * kept in `notes` for the log.
 */

export const REMOTE = 'origin';
/** Deepening rounds before the whole history is fetched: fetch-depth x (1+2+4+8+16). */
export const DEEPEN_ROUNDS = 5;

export interface CommitRef {
  sha: string;
  /** What the commit is, for messages: "the pull request's base commit". */
  label: string;
}

export type MergeBaseResult =
  | { found: true; sha: string }
  /** `complete`: the whole history was searched, so the commits are truly unrelated. */
  | { found: false; complete: boolean; why?: string };

const FETCH_FLAGS = ['fetch', '--no-tags', '--no-recurse-submodules', '--quiet'];

export class LocalHistory {
  readonly notes: string[] = [];
  private shallow: boolean | undefined;
  private shallowFile = '';
  /** Whether the checkout held only shallow boundary commits before this run fetched anything. */
  private minimal: boolean | undefined;

  constructor(
    readonly cwd: string,
    /** Commits fetched in the first deepening step; 0 fetches the whole history at once. */
    readonly fetchDepth: number,
  ) {}

  async isShallow(): Promise<boolean> {
    if (this.shallow === undefined) {
      const result = await git(this.cwd, ['rev-parse', '--is-shallow-repository', '--git-path', 'shallow']);
      const [answer = '', file = ''] = result.stdout.split('\n');
      this.shallow = answer.trim() === 'true';
      this.shallowFile = resolve(this.cwd, file.trim());
    }
    return this.shallow;
  }

  /** Asks git again (after a fetch that may have completed the history). */
  async isShallowNow(): Promise<boolean> {
    this.shallow = undefined;
    return this.isShallow();
  }

  /** Full commit SHAs for revision names, undefined for those not here. One git process. */
  resolve(names: readonly string[]): Promise<(string | undefined)[]> {
    return resolveCommits(this.cwd, names);
  }

  /**
   * Makes sure the commits are here, fetching the missing ones from origin by SHA.
   * `need: 'tree'` fetches one commit deep (enough to compare two snapshots); `'history'`
   * fetches `fetchDepth` commits deep. Returns the commits that could not be fetched, with why.
   */
  async ensureCommits(commits: readonly CommitRef[], need: 'tree' | 'history'): Promise<{ ref: CommitRef; why: string }[]> {
    const present = await this.resolve(commits.map((c) => c.sha));
    const missing = commits.filter((_, index) => present[index] === undefined);
    if (missing.length === 0) return [];
    const unfetchable: { ref: CommitRef; why: string }[] = [];
    for (const commit of missing) {
      if (!FULL_SHA.test(commit.sha)) unfetchable.push({ ref: commit, why: 'it is not a full commit SHA' });
    }
    const wanted = missing.filter((c) => FULL_SHA.test(c.sha));
    if (wanted.length === 0) return unfetchable;
    const depthArgs = await this.depthForNewCommits(need);
    const failure = await this.fetch(depthArgs, wanted.map((c) => c.sha));
    if (failure === undefined) {
      this.notes.push(`fetched ${describeList(wanted)} from ${REMOTE}${describeDepth(depthArgs)}`);
      return unfetchable;
    }
    // One unavailable commit fails the whole fetch: retry one by one to find which.
    for (const commit of wanted) {
      const single = wanted.length === 1 ? failure : await this.fetch(depthArgs, [commit.sha]);
      if (single === undefined) {
        this.notes.push(`fetched ${commit.label} ${short(commit.sha)} from ${REMOTE}${describeDepth(depthArgs)}`);
      } else {
        unfetchable.push({ ref: commit, why: single });
      }
    }
    return unfetchable;
  }

  /** Like `ensureCommits`, but a commit that cannot be had is the user's problem to fix. */
  async requireCommits(commits: readonly CommitRef[], need: 'tree' | 'history'): Promise<void> {
    const unfetchable = await this.ensureCommits(commits, need);
    const first = unfetchable[0];
    if (first) throw missingCommitError(first.ref, first.why);
  }

  /**
   * The merge-base of two commits, deepening a shallow history until it is found.
   * Both commits must exist (here or on origin); a missing one is a ConfigurationError.
   */
  async mergeBase(a: CommitRef, b: CommitRef): Promise<MergeBaseResult> {
    let answer = await this.tryMergeBase(a.sha, b.sha);
    if (answer === 'missing') {
      await this.requireCommits([a, b], 'history');
      answer = await this.tryMergeBase(a.sha, b.sha);
    }
    if (typeof answer === 'string') return { found: true, sha: answer };
    if (!(await this.isShallow())) return { found: false, complete: true };

    const tips = [a.sha, b.sha];
    let step = (await this.canDeepenSafely()) ? this.fetchDepth : 0;
    let deepened = 0;
    for (let round = 0; step > 0 && round < DEEPEN_ROUNDS; round++, step *= 2) {
      const failure = await this.fetch([`--deepen=${step}`], tips);
      if (failure !== undefined) {
        this.notes.push(`could not deepen the history: ${failure}`);
        return { found: false, complete: false, why: failure };
      }
      deepened += step;
      answer = await this.tryMergeBase(a.sha, b.sha);
      if (typeof answer === 'string') {
        this.notes.push(`deepened the history by ${deepened} commits to find the merge-base`);
        return { found: true, sha: answer };
      }
      if (!(await this.isShallowNow())) return { found: false, complete: true };
    }

    const failure = await this.fetch(['--unshallow'], tips);
    this.shallow = undefined;
    if (failure !== undefined) {
      this.notes.push(`could not fetch the whole history: ${failure}`);
      return { found: false, complete: false, why: failure };
    }
    this.notes.push(
      deepened > 0
        ? `fetched the whole history after deepening by ${deepened} commits did not reach the merge-base`
        : this.fetchDepth > 0
          ? 'fetched the whole history to find the merge-base (deepening step by step could shorten the history this checkout already has)'
          : 'fetched the whole history to find the merge-base',
    );
    answer = await this.tryMergeBase(a.sha, b.sha);
    if (typeof answer === 'string') return { found: true, sha: answer };
    return { found: false, complete: true };
  }

  /**
   * Fetches named refs from origin (a branch, a tag, or a SHA) and returns the commit the first
   * one names, or undefined with why when origin does not have it.
   */
  async fetchRef(refspec: string, need: 'tree' | 'history'): Promise<{ sha?: string; why?: string }> {
    const depthArgs = await this.depthForNewCommits(need);
    const failure = await this.fetch(depthArgs, [refspec]);
    if (failure !== undefined) return { why: failure };
    const [sha] = await this.resolve(['FETCH_HEAD']);
    if (sha) this.notes.push(`fetched ${refspec} from ${REMOTE}${describeDepth(depthArgs)}`);
    return sha ? { sha } : { why: `${refspec} is not a commit` };
  }

  /** Runs a fetch from origin (options, then refspecs); returns why it failed, or undefined on success. */
  async fetch(options: readonly string[], refspecs: readonly string[]): Promise<string | undefined> {
    try {
      await git(this.cwd, [...FETCH_FLAGS, ...options, REMOTE, ...refspecs]);
      return undefined;
    } catch (error) {
      if (error instanceof ExecFailedError) return lastLines(error.result.stderr || error.message, 2);
      throw error;
    }
  }

  /** `'missing'` when a commit is not here, undefined when there is no common ancestor. */
  private async tryMergeBase(a: string, b: string): Promise<string | 'missing' | undefined> {
    try {
      const result = await git(this.cwd, ['merge-base', a, b], { okExitCodes: [1] });
      return result.exitCode === 0 ? result.stdout.trim() : undefined;
    } catch (error) {
      if (error instanceof ExecFailedError && /not a valid (commit|object) name|bad object|unknown revision/i.test(error.result.stderr)) {
        return 'missing';
      }
      throw error;
    }
  }

  /**
   * Whether the history may be deepened step by step. `--depth=N` and `--deepen=N` mark as
   * shallow whatever commit lies at the new boundary, even one that was here with its parents:
   * on a checkout that already holds some history (fetch-depth > 1), they can cut it short.
   * On actions/checkout's depth-1 default nothing can be cut, so steps are safe; otherwise
   * the search fetches the whole history of the commits it needs, which never cuts.
   */
  async canDeepenSafely(): Promise<boolean> {
    if (this.fetchDepth <= 0) return false;
    this.minimal ??= await this.holdsOnlyBoundaries();
    return this.minimal;
  }

  /**
   * A full clone stays full: a missing commit is fetched with its history, which stops where
   * it meets commits already here. In a shallow clone a commit needed only for its files comes
   * one deep (it becomes its own boundary, cutting nothing); one needed for its history comes
   * `fetch-depth` deep where that is safe, else with its history down to the commits here.
   */
  private async depthForNewCommits(need: 'tree' | 'history'): Promise<string[]> {
    if (!(await this.isShallow())) return [];
    if (need === 'tree') return ['--depth=1'];
    return (await this.canDeepenSafely()) ? [`--depth=${this.fetchDepth}`] : [];
  }

  /** Whether every commit here is a shallow boundary (no commit has its parent here). */
  private async holdsOnlyBoundaries(): Promise<boolean> {
    if (!(await this.isShallow())) return false;
    let boundaries: string[];
    try {
      boundaries = (await readFile(this.shallowFile, 'utf8')).split('\n').filter((line) => line.trim() !== '');
    } catch {
      return false;
    }
    const input = boundaries.map((sha) => `^${sha}`).join('\n') + '\n';
    const result = await git(this.cwd, ['rev-list', '-n', '1', '--all', '--stdin'], { input });
    return result.stdout.trim() === '';
  }
}

export function missingCommitError(ref: CommitRef, why: string): ConfigurationError {
  return new ConfigurationError(
    `${ref.label} ${ref.sha} is not in the local repository and could not be fetched from ${REMOTE} (${oneLine(why)}); ` +
      `check that it exists, and let the checkout fetch the history: 'fetch-depth: 0' on actions/checkout ` +
      `(keep its default 'persist-credentials: true' so later fetches can authenticate)`,
  );
}

export function short(sha: string): string {
  return FULL_SHA.test(sha) ? sha.slice(0, 12) : sha;
}

function describeList(commits: readonly CommitRef[]): string {
  return commits.map((c) => `${c.label} ${short(c.sha)}`).join(' and ');
}

function describeDepth(depthArgs: readonly string[]): string {
  const depth = depthArgs[0]?.replace('--depth=', '');
  return depth ? ` (${depth} commit${depth === '1' ? '' : 's'} deep)` : '';
}

function oneLine(text: string): string {
  return text.replace(/\s*\n\s*/g, '; ').replace(/^(fatal|error): /i, '');
}

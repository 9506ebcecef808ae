import { listChangedFiles } from '../../src/changes/changed-files.js';
import { type EventInfo, resolveComparison, type ResolveOptions } from '../../src/changes/comparison.js';
import type { Comparison } from '../../src/changes/types.js';
import { ConfigurationError } from '../../src/core/errors.js';
import { commit, git } from '../harness/git.js';
import { captureLog, checkout, cleanUp, commitMany, depthOf, isShallow, makeOrigin, openPullRequest, ZEROS } from './repos.js';

/**
 * The default actions/checkout clone has one commit. These tests check out the way it does
 * (a `--depth` fetch of refs/pull/N/merge or of the pushed commit, over file://) and prove
 * the comparison is the same as on a full clone, fetching no more than needed.
 */

let log: ReturnType<typeof captureLog>;
beforeEach(() => {
  log = captureLog();
});
afterEach(() => {
  log.restore();
  cleanUp();
});

interface PullGraph {
  origin: string;
  forkPoint: string;
  mainTip: string;
  featureTip: string;
  merge: string;
}

const EARLY = 30;

/** EARLY commits, then main gains `mainAhead` commits after the fork; the feature branch has `featureCommits`. */
function pullGraph(mainAhead: number, featureCommits = 3): PullGraph {
  const origin = makeOrigin();
  commit(origin, { 'README.md': 'start' }, 'start');
  const forkPoint = commitMany(origin, EARLY - 1, (i) => ({ 'services/a/app.py': `a${i}`, [`history/${i}.txt`]: 'h' }), 'early');
  git(origin, 'checkout', '-q', '-b', 'feature');
  const featureTip = commitMany(origin, featureCommits, (i) => ({ [`services/b/step${i}.py`]: `s${i}` }), 'feature');
  git(origin, 'checkout', '-q', 'main');
  const mainTip = mainAhead > 0 ? commitMany(origin, mainAhead, (i) => ({ [`docs/${i}.md`]: 'doc' }), 'main') : forkPoint;
  const pr = openPullRequest(origin, 12, 'main', 'feature');
  return { origin, forkPoint, mainTip, featureTip, merge: pr.merge };
}

function prEvent(g: PullGraph): EventInfo {
  return {
    eventName: 'pull_request',
    ref: 'refs/pull/12/merge',
    sha: g.merge,
    payload: {
      number: 12,
      pull_request: { number: 12, base: { ref: 'main', sha: g.mainTip }, head: { ref: 'feature', sha: g.featureTip } },
      repository: { default_branch: 'main' },
    },
  };
}

function options(cwd: string, fetchDepth: number): ResolveOptions {
  return { cwd, fetchDepth, services: 'all', tagPattern: 'v*' };
}

async function paths(comparison: Comparison, cwd: string): Promise<string[]> {
  if (comparison.kind !== 'diff') throw new Error(`expected a diff, got ${comparison.kind}: ${comparison.reason}`);
  return (await listChangedFiles(comparison, { cwd, fetchDepth: 1 })).files.map((f) => f.path).sort();
}

describe('pull request on the depth-1 merge commit actions/checkout makes', () => {
  it('fetches base and head by SHA and finds the merge-base without fetching everything', async () => {
    const g = pullGraph(6);
    const cwd = checkout(g.origin, { ref: 'refs/pull/12/merge', sha: g.merge, depth: 1 });
    expect(depthOf(cwd, 'HEAD')).toBe(1);
    const comparison = await resolveComparison(prEvent(g), options(cwd, 10));
    expect(comparison).toMatchObject({ kind: 'diff', base: g.forkPoint, head: g.featureTip, pullRequest: 12 });
    expect(await paths(comparison, cwd)).toEqual(['services/b/step0.py', 'services/b/step1.py', 'services/b/step2.py']);
    expect(log.text()).toMatch(/History: fetched the base commit of pull request #12 \w+ and the head commit of pull request #12 \w+ from origin \(10 commits deep\)/);
    // Ten commits of each side were enough (main is 6 past the fork point): nothing more came.
    expect(isShallow(cwd)).toBe(true);
    expect(depthOf(cwd, g.mainTip)).toBeLessThan(EARLY);
  });

  it('deepens step by step, doubling, when the base branch has moved far ahead', async () => {
    const g = pullGraph(20);
    const cwd = checkout(g.origin, { ref: 'refs/pull/12/merge', sha: g.merge, depth: 1 });
    const comparison = await resolveComparison(prEvent(g), options(cwd, 4));
    expect(comparison).toMatchObject({ kind: 'diff', base: g.forkPoint, head: g.featureTip });
    // main's tip is 20 commits past the fork point: 4 deep, then +4 (8), +8 (16), +16 (32).
    expect(log.text()).toContain('History: deepened the history by 28 commits to find the merge-base');
    expect(log.text()).toMatch(/--deepen=4 .*\n.*\n.*\n.*--deepen=8 .*\n.*\n.*\n.*--deepen=16 /);
    expect(isShallow(cwd)).toBe(true);
    expect(await paths(comparison, cwd)).toEqual(['services/b/step0.py', 'services/b/step1.py', 'services/b/step2.py']);
  });

  it('fetches the whole history when deepening does not reach the merge-base', async () => {
    const g = pullGraph(60);
    const cwd = checkout(g.origin, { ref: 'refs/pull/12/merge', sha: g.merge, depth: 1 });
    const comparison = await resolveComparison(prEvent(g), options(cwd, 1));
    expect(comparison).toMatchObject({ kind: 'diff', base: g.forkPoint, head: g.featureTip });
    // 1, then +1 +2 +4 +8 +16 = 32 deep: short of 60, so the rest of the history came in one fetch.
    expect(log.text()).toContain('History: fetched the whole history after deepening by 31 commits did not reach the merge-base');
    expect(depthOf(cwd, g.mainTip)).toBe(EARLY + 60);
    expect(isShallow(cwd)).toBe(false);
  });

  it('fetches the whole history at once with fetch-depth 0', async () => {
    const g = pullGraph(4);
    const cwd = checkout(g.origin, { ref: 'refs/pull/12/merge', sha: g.merge, depth: 1 });
    const comparison = await resolveComparison(prEvent(g), options(cwd, 0));
    expect(comparison).toMatchObject({ kind: 'diff', base: g.forkPoint, head: g.featureTip });
    expect(depthOf(cwd, g.mainTip)).toBe(EARLY + 4);
  });

  it('never cuts the history a deeper checkout already has', async () => {
    const g = pullGraph(4);
    const cwd = checkout(g.origin, { ref: 'refs/pull/12/merge', sha: g.merge, depth: 8 });
    const before = depthOf(cwd, 'HEAD');
    const comparison = await resolveComparison(prEvent(g), options(cwd, 1));
    expect(comparison).toMatchObject({ kind: 'diff', base: g.forkPoint, head: g.featureTip });
    expect(depthOf(cwd, 'HEAD')).toBeGreaterThanOrEqual(before);
    // The checkout already held both commits and their merge-base: nothing was fetched.
    expect(log.text()).toContain('History: nothing had to be fetched');
  });

  it('does not cut the history of a deeper checkout when the base branch moved after the merge commit was made', async () => {
    const g = pullGraph(4);
    // main gains a commit after GitHub made refs/pull/12/merge: the event's base is not in the checkout.
    const movedBase = commit(g.origin, { 'docs/late.md': 'late' }, 'late');
    const cwd = checkout(g.origin, { ref: 'refs/pull/12/merge', sha: g.merge, depth: 30 });
    const checkedOut = depthOf(cwd, 'HEAD');
    const event = prEvent(g);
    (event.payload.pull_request as { base: { sha: string } }).base.sha = movedBase;
    const comparison = await resolveComparison(event, options(cwd, 5));
    expect(comparison).toMatchObject({ kind: 'diff', base: g.forkPoint, head: g.featureTip });
    // A `--depth=5` fetch of the new base, or a `--deepen=5` from it, would have cut the
    // checkout's 30 generations short; a plain fetch brings the one new commit.
    expect(depthOf(cwd, 'HEAD')).toBeGreaterThanOrEqual(checkedOut);
    expect(log.text()).toMatch(/History: fetched the base commit of pull request #12 \w+ from origin\n/);
    expect(depthOf(cwd, movedBase)).toBe(depthOf(cwd, `${movedBase}~1`) + 1);
  });

  it('fetches the whole history rather than deepen step by step when the checkout holds some history', async () => {
    const g = pullGraph(20);
    const cwd = checkout(g.origin, { ref: 'refs/pull/12/merge', sha: g.merge, depth: 5 });
    const comparison = await resolveComparison(prEvent(g), options(cwd, 2));
    expect(comparison).toMatchObject({ kind: 'diff', base: g.forkPoint, head: g.featureTip });
    expect(log.text()).not.toContain('--deepen');
    expect(log.text()).toContain('could shorten the history this checkout already has');
  });

  it('warns loudly and compares the two commits directly when the history cannot be fetched', async () => {
    const g = pullGraph(4);
    const cwd = checkout(g.origin, { ref: 'refs/pull/12/merge', sha: g.merge, depth: 1 });
    git(cwd, 'fetch', '-q', '--depth=1', 'origin', g.mainTip, g.featureTip);
    git(cwd, 'remote', 'set-url', 'origin', `file://${g.origin}-gone`);
    const comparison = await resolveComparison(prEvent(g), options(cwd, 10));
    expect(comparison).toMatchObject({ kind: 'diff', base: g.mainTip, head: g.featureTip });
    expect(comparison.reason).toContain('no merge-base');
    expect(log.text()).toMatch(/::warning::could not find where the head commit of pull request #12 \w+ branched from the base commit of pull request #12 \w+: the history could not be fetched/);
  });

  it('names the commit it cannot fetch and how to fix it', async () => {
    const g = pullGraph(4);
    const cwd = checkout(g.origin, { ref: 'refs/pull/12/merge', sha: g.merge, depth: 1 });
    git(cwd, 'remote', 'set-url', 'origin', `file://${g.origin}-gone`);
    let error: unknown;
    try {
      await resolveComparison(prEvent(g), options(cwd, 10));
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigurationError);
    expect((error as Error).message).toMatch(
      new RegExp(`^the base commit of pull request #12 ${g.mainTip} is not in the local repository and could not be fetched from origin .*'fetch-depth: 0' on actions/checkout`),
    );
  });
});

describe('push on a depth-1 checkout', () => {
  it('fetches only the before commit, one deep: comparing two snapshots needs no history', async () => {
    const origin = makeOrigin();
    commit(origin, { 'README.md': 'start' }, 'start');
    const before = commitMany(origin, 10, (i) => ({ [`old/${i}`]: 'x' }), 'old');
    commit(origin, { 'services/a/app.py': 'new' }, 'one');
    const after = commit(origin, { 'services/a/app.py': 'newer', 'old/3': null }, 'two');
    const cwd = checkout(origin, { ref: 'refs/heads/main', depth: 1 });
    const event: EventInfo = {
      eventName: 'push',
      ref: 'refs/heads/main',
      sha: after,
      payload: { ref: 'refs/heads/main', before, after, repository: { default_branch: 'main' } },
    };
    const comparison = await resolveComparison(event, options(cwd, 50));
    expect(comparison).toMatchObject({ kind: 'diff', base: before, head: after });
    expect(await paths(comparison, cwd)).toEqual(['old/3', 'services/a/app.py']);
    expect(depthOf(cwd, before)).toBe(1);
    expect(log.text()).toContain('(1 commit deep)');
  });

  it('finds where a new branch left the default branch', async () => {
    const g = pullGraph(6);
    const cwd = checkout(g.origin, { ref: 'refs/heads/feature', depth: 1 });
    const event: EventInfo = {
      eventName: 'push',
      ref: 'refs/heads/feature',
      sha: g.featureTip,
      payload: { ref: 'refs/heads/feature', before: ZEROS, after: g.featureTip, repository: { default_branch: 'main' } },
    };
    const comparison = await resolveComparison(event, options(cwd, 2));
    expect(comparison).toMatchObject({ kind: 'diff', base: g.forkPoint, head: g.featureTip });
    expect(isShallow(cwd)).toBe(true);
    expect(log.text()).toContain('History: fetched +refs/heads/main:refs/remotes/origin/main from origin (2 commits deep)');
  });

  it('compares a force push with the default branch even when the dropped commit is gone', async () => {
    const g = pullGraph(3);
    git(g.origin, 'checkout', '-q', 'feature');
    const dropped = commit(g.origin, { 'services/a/dropped.py': 'x' }, 'dropped');
    git(g.origin, 'reset', '-q', '--hard', g.featureTip);
    const after = commit(g.origin, { 'services/b/again.py': 'y' }, 'again');
    git(g.origin, 'checkout', '-q', 'main');
    git(g.origin, 'reflog', 'expire', '--expire=now', '--all');
    git(g.origin, 'gc', '-q', '--prune=now');
    const cwd = checkout(g.origin, { ref: 'refs/heads/feature', depth: 1 });
    const event: EventInfo = {
      eventName: 'push',
      ref: 'refs/heads/feature',
      sha: after,
      payload: { ref: 'refs/heads/feature', before: dropped, after, forced: true, repository: { default_branch: 'main' } },
    };
    const comparison = await resolveComparison(event, options(cwd, 2));
    expect(comparison).toMatchObject({ kind: 'diff', base: g.forkPoint, head: after });
    expect(await paths(comparison, cwd)).not.toContain('services/a/dropped.py');
  });
});

describe('merge queue on a depth-1 checkout', () => {
  it('fetches the base commit one deep', async () => {
    const g = pullGraph(2);
    git(g.origin, 'checkout', '-q', '-b', 'gh-readonly-queue/main/pr-12', g.merge);
    git(g.origin, 'checkout', '-q', 'main');
    const cwd = checkout(g.origin, { ref: 'refs/heads/gh-readonly-queue/main/pr-12', depth: 1 });
    const event: EventInfo = {
      eventName: 'merge_group',
      ref: 'refs/heads/gh-readonly-queue/main/pr-12',
      sha: g.merge,
      payload: { merge_group: { base_sha: g.mainTip, head_sha: g.merge, base_ref: 'refs/heads/main' } },
    };
    const comparison = await resolveComparison(event, options(cwd, 50));
    expect(comparison).toMatchObject({ kind: 'diff', base: g.mainTip, head: g.merge });
    expect(await paths(comparison, cwd)).toEqual(['services/b/step0.py', 'services/b/step1.py', 'services/b/step2.py']);
    expect(depthOf(cwd, g.mainTip)).toBe(1);
  });
});

describe('tags on a depth-1 checkout', () => {
  function tagged(between: number): { origin: string; v1: string; v2: string } {
    const origin = makeOrigin();
    commit(origin, { 'services/a/app.py': 'a' }, 'start');
    const v1 = commit(origin, { 'services/b/app.py': 'b' }, 'release 1');
    git(origin, 'tag', '-a', 'v1.0.0', '-m', 'v1.0.0');
    const v2 = commitMany(origin, between, (i) => ({ [`services/c/${i}.py`]: 'c' }), 'work');
    git(origin, 'tag', '-a', 'v2.0.0', '-m', 'v2.0.0');
    git(origin, 'tag', 'latest');
    return { origin, v1, v2 };
  }

  function tagEvent(v2: string): EventInfo {
    return { eventName: 'push', ref: 'refs/tags/v2.0.0', sha: v2, payload: { ref: 'refs/tags/v2.0.0', before: ZEROS, after: v2 } };
  }

  it('lists origin tags, deepens until the previous one is reached and compares with it', async () => {
    const { origin, v1, v2 } = tagged(6);
    const cwd = checkout(origin, { ref: 'refs/tags/v2.0.0', sha: v2, depth: 1 });
    const comparison = await resolveComparison(tagEvent(v2), options(cwd, 2));
    expect(comparison).toMatchObject({ kind: 'diff', base: v1, head: v2 });
    expect(comparison.reason).toContain('previous tag v1.0.0');
    expect(isShallow(cwd)).toBe(true);
    expect(log.text()).toContain('to reach tag v1.0.0');
    expect((await paths(comparison, cwd)).length).toBe(6);
  });

  it('answers "every service" at once when origin has no earlier release tag', async () => {
    const origin = makeOrigin();
    commit(origin, { 'a.txt': 'a' }, 'one');
    const v2 = commit(origin, { 'b.txt': 'b' }, 'two');
    git(origin, 'tag', 'v2.0.0');
    const cwd = checkout(origin, { ref: 'refs/tags/v2.0.0', sha: v2, depth: 1 });
    const comparison = await resolveComparison(tagEvent(v2), options(cwd, 2));
    expect(comparison).toMatchObject({ kind: 'all', head: v2 });
    expect(depthOf(cwd, v2)).toBe(1);
  });

  it('fetches the whole history when the previous tag is beyond the deepening steps', async () => {
    const { origin, v1, v2 } = tagged(70);
    const cwd = checkout(origin, { ref: 'refs/tags/v2.0.0', sha: v2, depth: 1 });
    const comparison = await resolveComparison(tagEvent(v2), options(cwd, 1));
    expect(comparison).toMatchObject({ kind: 'diff', base: v1, head: v2 });
    expect(log.text()).toContain('History: fetched the whole history to look for the previous tag');
  });

  it('warns when origin cannot be asked for tags', async () => {
    const { origin, v2 } = tagged(2);
    const cwd = checkout(origin, { ref: 'refs/tags/v2.0.0', sha: v2, depth: 1 });
    git(cwd, 'remote', 'set-url', 'origin', `file://${origin}-gone`);
    const comparison = await resolveComparison(tagEvent(v2), options(cwd, 2));
    expect(comparison).toMatchObject({ kind: 'all', head: v2 });
    expect(log.text()).toMatch(/::warning::tag v2\.0\.0: could not look for an earlier tag matching 'v\*'/);
  });
});

import { chmodSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { listChangedFiles } from '../../src/changes/changed-files.js';
import { type EventInfo, resolveComparison, type ResolveOptions } from '../../src/changes/comparison.js';
import type { Comparison } from '../../src/changes/types.js';
import { ConfigurationError } from '../../src/core/errors.js';
import { commit, git } from '../harness/git.js';
import { captureLog, checkout, cleanUp, makeOrigin, openPullRequest, track, ZEROS } from './repos.js';

/**
 * How each event becomes a comparison, on real repositories checked out as actions/checkout
 * does with `fetch-depth: 0` (the shallow default has its own tests).
 */

const OPTIONS: Omit<ResolveOptions, 'cwd'> = { services: 'all', tagPattern: 'v*', fetchDepth: 10 };

let log: ReturnType<typeof captureLog>;
beforeEach(() => {
  log = captureLog();
});
afterEach(() => {
  log.restore();
  cleanUp();
});

interface Graph {
  origin: string;
  root: string;
  forkPoint: string;
  mainTip: string;
  featureTip: string;
}

/**
 * main:    root -- forkPoint -- docs change (mainTip)
 * feature:            \-- services/b change -- libs change (featureTip)
 */
function graph(): Graph {
  const origin = makeOrigin();
  const root = commit(origin, { 'services/a/app.py': 'a1', 'services/b/app.py': 'b1', 'README.md': 'hi' }, 'root');
  const forkPoint = commit(origin, { 'services/a/app.py': 'a2' }, 'a2');
  git(origin, 'checkout', '-q', '-b', 'feature');
  commit(origin, { 'services/b/app.py': 'b2' }, 'b2');
  const featureTip = commit(origin, { 'libs/common.py': 'c' }, 'libs');
  git(origin, 'checkout', '-q', 'main');
  const mainTip = commit(origin, { 'docs/guide.md': 'guide' }, 'docs');
  return { origin, root, forkPoint, mainTip, featureTip };
}

function event(eventName: string, payload: Record<string, unknown>, ref = '', sha = ''): EventInfo {
  return { eventName, payload, ref, sha };
}

async function changedPaths(comparison: Comparison, cwd: string): Promise<string[]> {
  if (comparison.kind !== 'diff') throw new Error(`expected a diff, got ${comparison.kind}: ${comparison.reason}`);
  const set = await listChangedFiles(comparison, { cwd, fetchDepth: 10 });
  return set.files.map((file) => file.path).sort();
}

function prPayload(g: Graph, number = 7): Record<string, unknown> {
  return {
    number,
    pull_request: {
      number,
      base: { ref: 'main', sha: g.mainTip },
      head: { ref: 'feature', sha: g.featureTip },
    },
    repository: { default_branch: 'main' },
  };
}

async function errorOf(promise: Promise<unknown>): Promise<ConfigurationError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof ConfigurationError) return error;
    throw error;
  }
  throw new Error('expected a ConfigurationError');
}

describe('pull requests', () => {
  it.each(['pull_request', 'pull_request_target'])(
    '%s compares the head with its merge-base, not with the moved-on base branch',
    async (eventName) => {
      const g = graph();
      const pr = openPullRequest(g.origin, 7, 'main', 'feature');
      const cwd = checkout(g.origin, { ref: 'refs/pull/7/merge', sha: pr.merge, depth: 0 });
      const comparison = await resolveComparison(event(eventName, prPayload(g), 'refs/pull/7/merge', pr.merge), {
        ...OPTIONS,
        cwd,
      });
      expect(comparison).toMatchObject({ kind: 'diff', base: g.forkPoint, head: g.featureTip, pullRequest: 7 });
      // docs/guide.md changed on main after the fork: not the pull request's change.
      expect(await changedPaths(comparison, cwd)).toEqual(['libs/common.py', 'services/b/app.py']);
      expect(log.text()).toContain(`Comparing ${g.forkPoint}..${g.featureTip}`);
    },
  );

  it('names the missing payload fields', async () => {
    const g = graph();
    const cwd = checkout(g.origin, { ref: 'refs/heads/main', depth: 0 });
    const error = await errorOf(resolveComparison(event('pull_request', { number: 3 }), { ...OPTIONS, cwd }));
    expect(error.message).toMatch(/pull_request\.base\.sha.*set the base and head inputs/);
    const push = await errorOf(resolveComparison(event('push', {}), { ...OPTIONS, cwd }));
    expect(push.message).toMatch(/^the push event names no pushed commit/);
  });

  it('costs two git processes in a full clone: one merge-base, one diff', async () => {
    const g = graph();
    const pr = openPullRequest(g.origin, 7, 'main', 'feature');
    const cwd = checkout(g.origin, { ref: 'refs/pull/7/merge', sha: pr.merge, depth: 0 });
    const comparison = await resolveComparison(event('pull_request', prPayload(g), 'refs/pull/7/merge', pr.merge), { ...OPTIONS, cwd });
    await changedPaths(comparison, cwd);
    expect(log.text().match(/^\[command\]git .*/gm)).toEqual([
      `[command]git merge-base ${g.mainTip} ${g.featureTip}`,
      expect.stringMatching(/^\[command\]git diff --name-status -z -M /),
    ]);
  });
});

describe('push', () => {
  it('compares before..after', async () => {
    const g = graph();
    const before = g.mainTip;
    commit(g.origin, { 'services/a/app.py': 'a3' }, 'a3');
    const after = commit(g.origin, { 'services/a/model.py': 'm' }, 'model');
    const cwd = checkout(g.origin, { ref: 'refs/heads/main', depth: 0 });
    const payload = { ref: 'refs/heads/main', before, after, repository: { default_branch: 'main' } };
    const comparison = await resolveComparison(event('push', payload, 'refs/heads/main', after), { ...OPTIONS, cwd });
    expect(comparison).toMatchObject({ kind: 'diff', base: before, head: after });
    expect(await changedPaths(comparison, cwd)).toEqual(['services/a/app.py', 'services/a/model.py']);
    // One process checks both commits are here, one lists the files.
    expect(log.text().match(/^\[command\]git \S+/gm)).toEqual(['[command]git cat-file', '[command]git diff']);
  });

  it('compares the first push of a branch with where it left the default branch', async () => {
    const g = graph();
    const cwd = checkout(g.origin, { ref: 'refs/heads/feature', depth: 0 });
    const payload = { ref: 'refs/heads/feature', before: ZEROS, after: g.featureTip, created: true, repository: { default_branch: 'main' } };
    const comparison = await resolveComparison(event('push', payload, 'refs/heads/feature', g.featureTip), { ...OPTIONS, cwd });
    expect(comparison).toMatchObject({ kind: 'diff', base: g.forkPoint, head: g.featureTip });
    expect(await changedPaths(comparison, cwd)).toEqual(['libs/common.py', 'services/b/app.py']);
  });

  it('treats every service as changed on the first push of the default branch', async () => {
    const origin = makeOrigin();
    const only = commit(origin, { 'services/a/app.py': 'a' }, 'initial');
    const cwd = checkout(origin, { ref: 'refs/heads/main', depth: 0 });
    const payload = { ref: 'refs/heads/main', before: ZEROS, after: only, created: true, repository: { default_branch: 'main' } };
    const comparison = await resolveComparison(event('push', payload, 'refs/heads/main', only), { ...OPTIONS, cwd });
    expect(comparison).toMatchObject({ kind: 'all', head: only });
    expect(comparison.reason).toMatch(/first push of the default branch main/);
  });

  it('treats every service as changed when a new branch shares no history with the default branch', async () => {
    const g = graph();
    git(g.origin, 'checkout', '-q', '--orphan', 'pages');
    const pages = commit(g.origin, { 'index.html': '<p>' }, 'pages');
    git(g.origin, 'checkout', '-q', 'main');
    const cwd = checkout(g.origin, { ref: 'refs/heads/pages', depth: 0 });
    const payload = { ref: 'refs/heads/pages', before: ZEROS, after: pages, repository: { default_branch: 'main' } };
    const comparison = await resolveComparison(event('push', payload, 'refs/heads/pages', pages), { ...OPTIONS, cwd });
    expect(comparison).toMatchObject({ kind: 'all', head: pages });
    expect(log.text()).toContain('::notice::');
  });

  it('compares a force push with the default branch, not with the dropped commit, even when that commit is gone', async () => {
    const g = graph();
    // The feature branch had a commit touching services/a; it is rewritten away and garbage-collected.
    git(g.origin, 'checkout', '-q', 'feature');
    const dropped = commit(g.origin, { 'services/a/dropped.py': 'x' }, 'dropped');
    git(g.origin, 'reset', '-q', '--hard', g.featureTip);
    const rewritten = commit(g.origin, { 'services/b/new.py': 'n' }, 'rewritten');
    git(g.origin, 'checkout', '-q', 'main');
    git(g.origin, 'reflog', 'expire', '--expire=now', '--all');
    git(g.origin, 'gc', '-q', '--prune=now');
    expect(() => git(g.origin, 'cat-file', '-e', dropped)).toThrow();

    const cwd = checkout(g.origin, { ref: 'refs/heads/feature', depth: 0 });
    const payload = { ref: 'refs/heads/feature', before: dropped, after: rewritten, forced: true, repository: { default_branch: 'main' } };
    const comparison = await resolveComparison(event('push', payload, 'refs/heads/feature', rewritten), { ...OPTIONS, cwd });
    expect(comparison).toMatchObject({ kind: 'diff', base: g.forkPoint, head: rewritten });
    expect(await changedPaths(comparison, cwd)).toEqual(['libs/common.py', 'services/b/app.py', 'services/b/new.py']);
  });

  it('compares a force push to the default branch with the commit it replaced while that commit exists', async () => {
    const g = graph();
    const replaced = g.mainTip;
    git(g.origin, 'reset', '-q', '--hard', g.forkPoint);
    const after = commit(g.origin, { 'services/b/app.py': 'rewritten' }, 'rewrite');
    const cwd = checkout(g.origin, { ref: 'refs/heads/main', depth: 0 });
    const payload = { ref: 'refs/heads/main', before: replaced, after, forced: true, repository: { default_branch: 'main' } };
    const comparison = await resolveComparison(event('push', payload, 'refs/heads/main', after), { ...OPTIONS, cwd });
    expect(comparison).toMatchObject({ kind: 'diff', base: replaced, head: after });
    // The docs commit was dropped: its file differs between the two snapshots.
    expect(await changedPaths(comparison, cwd)).toEqual(['docs/guide.md', 'services/b/app.py']);
  });

  it('treats every service as changed, with a warning, when a force push to the default branch dropped a commit that is gone', async () => {
    const g = graph();
    const replaced = g.mainTip;
    git(g.origin, 'reset', '-q', '--hard', g.forkPoint);
    const after = commit(g.origin, { 'services/b/app.py': 'rewritten' }, 'rewrite');
    git(g.origin, 'reflog', 'expire', '--expire=now', '--all');
    git(g.origin, 'gc', '-q', '--prune=now');
    const cwd = checkout(g.origin, { ref: 'refs/heads/main', depth: 0 });
    const payload = { ref: 'refs/heads/main', before: replaced, after, forced: true, repository: { default_branch: 'main' } };
    const comparison = await resolveComparison(event('push', payload, 'refs/heads/main', after), { ...OPTIONS, cwd });
    expect(comparison).toMatchObject({ kind: 'all', head: after });
    expect(log.text()).toMatch(/::warning::force push to the default branch main: the commit the force push replaced \w+ can no longer be fetched/);
  });

  it('builds nothing for a deleted branch', async () => {
    const g = graph();
    const cwd = checkout(g.origin, { ref: 'refs/heads/main', depth: 0 });
    const payload = { ref: 'refs/heads/feature', before: g.featureTip, after: ZEROS, deleted: true, repository: { default_branch: 'main' } };
    const comparison = await resolveComparison(event('push', payload, 'refs/heads/feature', ''), { ...OPTIONS, cwd });
    expect(comparison).toMatchObject({ kind: 'selected', services: [] });
  });

  it('names a before commit that exists nowhere and says how to fix it', async () => {
    const g = graph();
    const cwd = checkout(g.origin, { ref: 'refs/heads/main', depth: 0 });
    const bogus = 'ab'.repeat(20);
    const payload = { ref: 'refs/heads/main', before: bogus, after: g.mainTip, repository: { default_branch: 'main' } };
    const error = await errorOf(resolveComparison(event('push', payload, 'refs/heads/main', g.mainTip), { ...OPTIONS, cwd }));
    expect(error.message).toContain(`the commit before the push (payload before) ${bogus} is not in the local repository`);
    expect(error.message).toContain("'fetch-depth: 0' on actions/checkout");
  });
});

describe('merge queue', () => {
  it('compares merge_group base_sha..head_sha', async () => {
    const g = graph();
    git(g.origin, 'checkout', '-q', '-b', 'gh-readonly-queue/main/pr-7', g.mainTip);
    const queued = commit(g.origin, { 'services/b/queued.py': 'q' }, 'queued');
    git(g.origin, 'checkout', '-q', 'main');
    const cwd = checkout(g.origin, { ref: 'refs/heads/gh-readonly-queue/main/pr-7', depth: 0 });
    const payload = { merge_group: { base_sha: g.mainTip, head_sha: queued, base_ref: 'refs/heads/main' } };
    const comparison = await resolveComparison(event('merge_group', payload, 'refs/heads/gh-readonly-queue/main/pr-7', queued), {
      ...OPTIONS,
      cwd,
    });
    expect(comparison).toMatchObject({ kind: 'diff', base: g.mainTip, head: queued });
    expect(await changedPaths(comparison, cwd)).toEqual(['services/b/queued.py']);
  });
});

describe('tags', () => {
  function releases(g: Graph): { v1: string; v2: string } {
    git(g.origin, 'tag', '-a', 'v1.0.0', '-m', 'release 1.0.0', g.forkPoint);
    // Tags that do not match the pattern, or sit on the released commit itself, are not "the previous release".
    git(g.origin, 'tag', 'nightly-1', g.mainTip);
    commit(g.origin, { 'services/b/app.py': 'b3' }, 'b3');
    const v2 = commit(g.origin, { 'services/b/extra.py': 'e' }, 'extra');
    git(g.origin, 'tag', '-a', 'v2.0.0', '-m', 'release 2.0.0', v2);
    git(g.origin, 'tag', 'v2', v2);
    return { v1: g.forkPoint, v2 };
  }

  it('compares a tag with the previous matching tag in its history', async () => {
    const g = graph();
    const { v1, v2 } = releases(g);
    const cwd = checkout(g.origin, { ref: 'refs/tags/v2.0.0', depth: 0 });
    const payload = { ref: 'refs/tags/v2.0.0', before: ZEROS, after: git(g.origin, 'rev-parse', 'v2.0.0'), repository: { default_branch: 'main' } };
    const comparison = await resolveComparison(event('push', payload, 'refs/tags/v2.0.0', v2), { ...OPTIONS, cwd });
    expect(comparison).toMatchObject({ kind: 'diff', base: v1, head: v2 });
    expect(comparison.reason).toContain('previous tag v1.0.0');
    expect(await changedPaths(comparison, cwd)).toEqual(['docs/guide.md', 'services/b/app.py', 'services/b/extra.py']);
  });

  it('honours the tag pattern', async () => {
    const g = graph();
    const { v2 } = releases(g);
    const cwd = checkout(g.origin, { ref: 'refs/tags/v2.0.0', depth: 0 });
    const comparison = await resolveComparison(event('push', { ref: 'refs/tags/v2.0.0' }, 'refs/tags/v2.0.0', v2), {
      ...OPTIONS,
      tagPattern: 'nightly-*',
      cwd,
    });
    expect(comparison).toMatchObject({ kind: 'diff', base: g.mainTip, head: v2 });
  });

  it('treats every service as changed for the first release tag', async () => {
    const g = graph();
    git(g.origin, 'tag', 'v0.1.0', g.mainTip);
    const cwd = checkout(g.origin, { ref: 'refs/tags/v0.1.0', depth: 0 });
    const comparison = await resolveComparison(event('push', { ref: 'refs/tags/v0.1.0' }, 'refs/tags/v0.1.0', g.mainTip), {
      ...OPTIONS,
      cwd,
    });
    expect(comparison).toMatchObject({ kind: 'all', head: g.mainTip });
    expect(comparison.reason).toContain("no earlier tag matching 'v*'");
  });

  it('fetches the tags when the checkout has none', async () => {
    const g = graph();
    const { v1, v2 } = releases(g);
    // A full history without tags: fetched by branch only.
    const cwd = track(mkdtempSync(join(tmpdir(), 'aura-notags-')));
    git(cwd, 'init', '-q');
    git(cwd, 'remote', 'add', 'origin', `file://${g.origin}`);
    git(cwd, 'fetch', '-q', '--no-tags', 'origin', '+refs/heads/*:refs/remotes/origin/*');
    git(cwd, 'checkout', '-q', '--detach', v2);
    const comparison = await resolveComparison(event('release', { release: { tag_name: 'v2.0.0' } }, 'refs/tags/v2.0.0', v2), {
      ...OPTIONS,
      cwd,
    });
    expect(comparison).toMatchObject({ kind: 'diff', base: v1, head: v2 });
    expect(log.text()).toContain('History: fetched the tags from origin');
  });

  it('builds nothing for a deleted tag', async () => {
    const g = graph();
    const cwd = checkout(g.origin, { ref: 'refs/heads/main', depth: 0 });
    const comparison = await resolveComparison(
      event('push', { ref: 'refs/tags/v9', before: g.mainTip, after: ZEROS, deleted: true }, 'refs/tags/v9', ''),
      { ...OPTIONS, cwd },
    );
    expect(comparison).toMatchObject({ kind: 'selected', services: [] });
  });
});

describe('dispatch and schedule', () => {
  it.each(['workflow_dispatch', 'schedule', 'repository_dispatch'])('%s takes the services option', async (eventName) => {
    const g = graph();
    const cwd = checkout(g.origin, { ref: 'refs/heads/main', depth: 0 });
    const all = await resolveComparison(event(eventName, {}, 'refs/heads/main', g.mainTip), { ...OPTIONS, cwd });
    expect(all).toMatchObject({ kind: 'selected', services: 'all', head: g.mainTip });
    const some = await resolveComparison(event(eventName, {}, 'refs/heads/main', g.mainTip), {
      ...OPTIONS,
      services: ['visual-analysis'],
      cwd,
    });
    expect(some).toMatchObject({ kind: 'selected', services: ['visual-analysis'] });
  });
});

describe('workflow_run', () => {
  it('compares a pull request run like the pull request', async () => {
    const g = graph();
    const cwd = checkout(g.origin, { ref: 'refs/heads/main', depth: 0 });
    const payload = {
      workflow_run: {
        head_sha: g.featureTip,
        head_branch: 'feature',
        pull_requests: [{ number: 7, base: { ref: 'main', sha: g.mainTip }, head: { ref: 'feature', sha: g.featureTip } }],
      },
      repository: { default_branch: 'main' },
    };
    const comparison = await resolveComparison(event('workflow_run', payload, 'refs/heads/main', g.mainTip), { ...OPTIONS, cwd });
    expect(comparison).toMatchObject({ kind: 'diff', base: g.forkPoint, head: g.featureTip, pullRequest: 7 });
  });

  it('compares a branch run with where the branch left the default branch', async () => {
    const g = graph();
    const cwd = checkout(g.origin, { ref: 'refs/heads/main', depth: 0 });
    const payload = {
      workflow_run: { head_sha: g.featureTip, head_branch: 'feature', pull_requests: [] },
      repository: { default_branch: 'main' },
    };
    const comparison = await resolveComparison(event('workflow_run', payload, 'refs/heads/main', g.mainTip), { ...OPTIONS, cwd });
    expect(comparison).toMatchObject({ kind: 'diff', base: g.forkPoint, head: g.featureTip });
  });

  it('treats every service as changed for a default-branch run', async () => {
    const g = graph();
    const cwd = checkout(g.origin, { ref: 'refs/heads/main', depth: 0 });
    const payload = { workflow_run: { head_sha: g.mainTip, head_branch: 'main', pull_requests: [] }, repository: { default_branch: 'main' } };
    const comparison = await resolveComparison(event('workflow_run', payload, 'refs/heads/main', g.mainTip), { ...OPTIONS, cwd });
    expect(comparison).toMatchObject({ kind: 'all', head: g.mainTip });
  });
});

describe('base and head inputs', () => {
  it('override the event and accept branch names known only as origin/<name>, tags and revision expressions', async () => {
    const g = graph();
    git(g.origin, 'tag', 'v1', g.root);
    const cwd = checkout(g.origin, { ref: 'refs/heads/main', depth: 0 });
    const pr = event('pull_request', prPayload(g), 'refs/pull/7/merge', g.mainTip);
    const byBranch = await resolveComparison(pr, { ...OPTIONS, base: 'main', head: 'feature', cwd });
    expect(byBranch).toMatchObject({ kind: 'diff', base: g.forkPoint, head: g.featureTip });
    const byTag = await resolveComparison(pr, { ...OPTIONS, base: 'v1', head: 'HEAD', cwd });
    expect(byTag).toMatchObject({ kind: 'diff', base: g.root, head: g.mainTip });
    const byShortSha = await resolveComparison(pr, { ...OPTIONS, base: g.root.slice(0, 10), head: g.forkPoint, cwd });
    expect(byShortSha).toMatchObject({ kind: 'diff', base: g.root, head: g.forkPoint });
  });

  it('take the head from the event when only base is set', async () => {
    const g = graph();
    const cwd = checkout(g.origin, { ref: 'refs/heads/main', depth: 0 });
    const comparison = await resolveComparison(event('workflow_dispatch', {}, 'refs/heads/main', g.mainTip), {
      ...OPTIONS,
      base: g.root,
      cwd,
    });
    expect(comparison).toMatchObject({ kind: 'diff', base: g.root, head: g.mainTip });
    expect(await changedPaths(comparison, cwd)).toEqual(['docs/guide.md', 'services/a/app.py']);
  });

  it('fetch a branch that the checkout does not have', async () => {
    const g = graph();
    const cwd = checkout(g.origin, { ref: 'refs/heads/main', depth: 1 });
    const comparison = await resolveComparison(event('workflow_dispatch', {}, 'refs/heads/main', g.mainTip), {
      ...OPTIONS,
      base: 'feature',
      head: 'HEAD',
      cwd,
    });
    expect(comparison).toMatchObject({ kind: 'diff', base: g.forkPoint, head: g.mainTip });
  });

  it('name a base that exists nowhere and say how to fix it', async () => {
    const g = graph();
    const cwd = checkout(g.origin, { ref: 'refs/heads/main', depth: 0 });
    const error = await errorOf(
      resolveComparison(event('push', {}, 'refs/heads/main', g.mainTip), { ...OPTIONS, base: 'release/9.9', cwd }),
    );
    expect(error.message).toMatch(/^the base input 'release\/9\.9' is not a branch, tag or commit in this repository or on origin/);
    expect(error.message).toContain("'fetch-depth: 0' on actions/checkout");
  });

  it('refuse a head without a base', async () => {
    const g = graph();
    const cwd = checkout(g.origin, { ref: 'refs/heads/main', depth: 0 });
    const error = await errorOf(resolveComparison(event('push', {}, 'refs/heads/main', g.mainTip), { ...OPTIONS, head: 'main', cwd }));
    expect(error.message).toBe('the head input is set but base is not; set base too (a branch, tag or commit SHA), or neither');
  });
});

describe('what the user must fix', () => {
  it('an unsupported event names itself and the way out', async () => {
    const g = graph();
    const cwd = checkout(g.origin, { ref: 'refs/heads/main', depth: 0 });
    const error = await errorOf(resolveComparison(event('issue_comment', {}, 'refs/heads/main', g.mainTip), { ...OPTIONS, cwd }));
    expect(error.message).toMatch(/^event 'issue_comment' is not supported; set the base and head inputs/);
  });

  it('a directory that is not a repository points at actions/checkout', async () => {
    const dir = track(mkdtempSync(join(tmpdir(), 'aura-norepo-')));
    const payload = { ref: 'refs/heads/main', before: 'a'.repeat(40), after: 'b'.repeat(40), repository: { default_branch: 'main' } };
    const error = await errorOf(
      resolveComparison(event('push', payload, 'refs/heads/main', 'b'.repeat(40)), {
        ...OPTIONS,
        cwd: dir,
      }),
    );
    expect(error.message).toContain(`${dir} is not a git repository`);
    expect(error.message).toContain('actions/checkout');
  });

  it('a runner without git says so', async () => {
    const g = graph();
    const cwd = checkout(g.origin, { ref: 'refs/heads/main', depth: 0 });
    const emptyBin = track(mkdtempSync(join(tmpdir(), 'aura-nogit-')));
    chmodSync(emptyBin, 0o755);
    const savedPath = process.env.PATH;
    process.env.PATH = emptyBin;
    try {
      const error = await errorOf(resolveComparison(event('pull_request', prPayload(g)), { ...OPTIONS, cwd }));
      expect(error.message).toMatch(/^'git' was not found on PATH; install git on the runner/);
    } finally {
      process.env.PATH = savedPath;
    }
  });
});

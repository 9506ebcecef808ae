import { DOCS, notFound } from '../errors.js';
import { intParam, paginate, type Route, type RouteContext } from '../routing.js';
import { RepoState, type Json, type PullRecord } from '../state.js';
import { repositoryJson } from './repos.js';

/** GitHub lists at most this many files of a pull request, however many it changes. */
export const PULL_FILES_CAP = 3000;

function findPull(ctx: RouteContext, docs: string): PullRecord {
  const number = intParam(ctx, 'pull_number', () => notFound(docs));
  const pull = ctx.repo.pulls.get(number);
  if (!pull) throw notFound(docs);
  return pull;
}

function pullJson(ctx: RouteContext, record: PullRecord): Json {
  const { seed } = record;
  const { repo, state } = ctx;
  const api = `${state.apiUrl}/repos/${repo.fullName}`;
  const html = `${state.webUrl}/${repo.fullName}/pull/${seed.number}`;
  const headRepoName = seed.head.repo ?? repo.fullName;
  const isFork = headRepoName.toLowerCase() !== repo.fullName.toLowerCase();
  const headRepo =
    state.findRepo(headRepoName) ?? new RepoState({ fullName: headRepoName, private: false }, repo.id + 1_000_000);
  const author = state.user({ login: seed.user ?? 'octocat', type: 'User' });
  const files = seed.files ?? [];
  const merged = seed.merged ?? false;
  const pullState = seed.state ?? (merged ? 'closed' : 'open');
  const side = (ref: string, sha: string, sideRepo: RepoState, fork: boolean) => ({
    label: `${sideRepo.owner}:${ref}`,
    ref,
    sha,
    user: state.user({ login: sideRepo.owner, type: 'User' }),
    repo: repositoryJson(ctx, sideRepo, fork),
  });
  return {
    url: `${api}/pulls/${seed.number}`,
    id: 1_800_000_000 + seed.number,
    node_id: `PR_kwDO${Buffer.from(`${repo.id}:${seed.number}`).toString('base64url')}`,
    html_url: html,
    diff_url: `${html}.diff`,
    patch_url: `${html}.patch`,
    issue_url: `${api}/issues/${seed.number}`,
    commits_url: `${api}/pulls/${seed.number}/commits`,
    review_comments_url: `${api}/pulls/${seed.number}/comments`,
    comments_url: `${api}/issues/${seed.number}/comments`,
    statuses_url: `${api}/statuses/${seed.head.sha}`,
    number: seed.number,
    state: pullState,
    locked: false,
    title: seed.title ?? `Pull request #${seed.number}`,
    user: author,
    body: seed.body ?? null,
    labels: [],
    milestone: null,
    active_lock_reason: null,
    created_at: '2024-05-01T09:00:00Z',
    updated_at: '2024-05-01T09:00:00Z',
    closed_at: pullState === 'closed' ? '2024-05-02T09:00:00Z' : null,
    merged_at: merged ? '2024-05-02T09:00:00Z' : null,
    merge_commit_sha: null,
    assignee: null,
    assignees: [],
    requested_reviewers: [],
    requested_teams: [],
    head: side(seed.head.ref, seed.head.sha, headRepo, isFork),
    base: side(seed.base.ref, seed.base.sha, repo, false),
    author_association: 'CONTRIBUTOR',
    auto_merge: null,
    draft: seed.draft ?? false,
    merged,
    mergeable: pullState === 'open' ? true : null,
    rebaseable: pullState === 'open' ? true : null,
    mergeable_state: pullState === 'open' ? 'clean' : 'unknown',
    merged_by: null,
    comments: repo.comments.get(seed.number)?.length ?? 0,
    review_comments: 0,
    maintainer_can_modify: isFork,
    commits: seed.commits ?? 1,
    additions: files.reduce((sum, file) => sum + (file.additions ?? 1), 0),
    deletions: files.reduce((sum, file) => sum + (file.deletions ?? 0), 0),
    changed_files: files.length,
  };
}

export const pullRoutes: Route[] = [
  {
    method: 'GET',
    pattern: '/repos/:owner/:repo/pulls/:pull_number',
    docs: DOCS.getPull,
    handler: (ctx) => ({ status: 200, body: pullJson(ctx, findPull(ctx, DOCS.getPull)) }),
  },
  {
    method: 'GET',
    pattern: '/repos/:owner/:repo/pulls/:pull_number/files',
    docs: DOCS.listPullFiles,
    handler: (ctx) => {
      const pull = findPull(ctx, DOCS.listPullFiles);
      // Past the cap GitHub stops listing: the Link header ends at the page holding the
      // 3000th file and later pages are empty, while the pull request's changed_files
      // still counts every file. Clients detect the truncation by comparing the two.
      const listed = pull.files.slice(0, PULL_FILES_CAP);
      const { page, headers } = paginate(ctx, listed);
      return { status: 200, body: page, headers };
    },
  },
];

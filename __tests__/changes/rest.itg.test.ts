import { listChangedFiles } from '../../src/changes/changed-files.js';
import type { ChangedFile, Comparison } from '../../src/changes/types.js';
import { createOctokit } from '../../src/github/client.js';
import { startGitHubStandIn, type GitHubStandIn, type PullFileSeed } from '../../standins/github/index.js';
import { commit, makeRepo } from '../harness/git.js';
import { captureLog, cleanUp, track } from './repos.js';

/**
 * The REST path for pull requests, against the local GitHub stand-in (not GitHub: a server
 * that answers GitHub's shapes, pagination and 3000-file cap). A real git repository holds
 * the same change, so every fallback can be checked against what git says.
 */

const TOKEN = 'ghs_write';
const REPOSITORY = 'aura/platform';

let gh: GitHubStandIn;
let log: ReturnType<typeof captureLog>;
const savedApiUrl = process.env.GITHUB_API_URL;

afterEach(async () => {
  log.restore();
  await gh.close();
  cleanUp();
  if (savedApiUrl === undefined) delete process.env.GITHUB_API_URL;
  else process.env.GITHUB_API_URL = savedApiUrl;
});

interface Change {
  dir: string;
  comparison: Extract<Comparison, { kind: 'diff' }>;
}

/** A pull request that adds `added` files, modifies one, removes one and renames one. */
function realChange(added: number): Change {
  const dir = track(makeRepo());
  const body = 'long enough to be recognised as the same file after a rename\n'.repeat(10);
  const base = commit(dir, { 'services/a/app.py': '1', 'services/b/gone.py': 'x', 'services/c/old.py': body });
  const files: Record<string, string | null> = {
    'services/a/app.py': '2',
    'services/b/gone.py': null,
    'services/c/old.py': null,
    'services/d/new.py': body,
  };
  for (let i = 0; i < added; i++) files[`services/e/file ${String(i).padStart(4, '0')}.py`] = `${i}`;
  const head = commit(dir, files);
  return { dir, comparison: { kind: 'diff', base, head, reason: 'test', pullRequest: 12 } };
}

/** GitHub's files list for the same change, in GitHub's words. */
function githubFiles(added: number): PullFileSeed[] {
  const files: PullFileSeed[] = [
    { filename: 'services/a/app.py', status: 'modified' },
    { filename: 'services/b/gone.py', status: 'removed' },
    { filename: 'services/d/new.py', status: 'renamed', previous_filename: 'services/c/old.py' },
  ];
  for (let i = 0; i < added; i++) files.push({ filename: `services/e/file ${String(i).padStart(4, '0')}.py`, status: 'added' });
  return files;
}

async function start(change: Change, files: PullFileSeed[], headSha = change.comparison.head): Promise<void> {
  gh = await startGitHubStandIn({
    repos: [
      {
        fullName: REPOSITORY,
        pulls: [{ number: 12, base: { ref: 'main', sha: change.comparison.base }, head: { ref: 'feature', sha: headSha }, files }],
      },
    ],
  });
  process.env.GITHUB_API_URL = gh.url;
  log = captureLog();
}

/** The log without the runner's masking commands, which carry the secret so the runner can hide it. */
function visibleLog(): string {
  return log
    .text()
    .split('\n')
    .filter((line) => !line.startsWith('::add-mask::'))
    .join('\n');
}

function sorted(files: readonly ChangedFile[]): ChangedFile[] {
  return [...files].sort((a, b) => a.path.localeCompare(b.path));
}

function fileRequests(): { page: string | undefined; perPage: string | undefined }[] {
  return gh.requestsTo({ method: 'GET', path: '/repos/*/*/pulls/*/files' }).map((r) => {
    const query = r.query as Record<string, string | undefined>;
    return { page: query.page, perPage: query.per_page };
  });
}

describe('pull request files from the REST API', () => {
  it('reads every page, 100 at a time, and agrees with git', async () => {
    const change = realChange(247);
    await start(change, githubFiles(247));
    const fromRest = await listChangedFiles(change.comparison, { cwd: change.dir, fetchDepth: 1, token: TOKEN, repository: REPOSITORY });
    expect(fromRest.source).toBe('rest');
    expect(fromRest.files).toHaveLength(250);
    expect(fileRequests()).toEqual([
      { page: '1', perPage: '100' },
      { page: '2', perPage: '100' },
      { page: '3', perPage: '100' },
    ]);
    const fromGit = await listChangedFiles(change.comparison, { cwd: change.dir, fetchDepth: 1 });
    expect(fromGit.source).toBe('git');
    expect(sorted(fromRest.files)).toEqual(sorted(fromGit.files));
    expect(log.text()).toContain(`::add-mask::${TOKEN}`);
    expect(visibleLog()).not.toContain(TOKEN);
  });

  it('uses git, with a notice, when the pull request reaches GitHub\'s 3000-file cap', async () => {
    const change = realChange(3100);
    await start(change, githubFiles(3100));
    const set = await listChangedFiles(change.comparison, { cwd: change.dir, fetchDepth: 1, token: TOKEN, repository: REPOSITORY });
    expect(set.source).toBe('git');
    expect(set.files).toHaveLength(3103);
    expect(log.text()).toContain('::notice::Listing the changed files with git instead of GitHub\'s API: the pull request changes 3103 files; GitHub lists at most 3000');
    expect(fileRequests()).toEqual([]);
  });

  it('uses git when the pull request has moved on since the event, so the list matches the commits compared', async () => {
    const change = realChange(2);
    await start(change, githubFiles(2), 'c'.repeat(40));
    const set = await listChangedFiles(change.comparison, { cwd: change.dir, fetchDepth: 1, token: TOKEN, repository: REPOSITORY });
    expect(set.source).toBe('git');
    expect(log.text()).toContain("the pull request's head moved to cccccccccccc after this run started");
  });

  it('retries a failing page and then succeeds', async () => {
    const change = realChange(150);
    await start(change, githubFiles(150));
    gh.faults.serverError({ method: 'GET', path: '/repos/*/*/pulls/*/files' }, { status: 502, times: 1 });
    const client = createOctokit(TOKEN, { baseUrl: gh.url, backoffBaseMs: 1 });
    const set = await listChangedFiles(change.comparison, { cwd: change.dir, fetchDepth: 1, repository: REPOSITORY, client });
    expect(set.source).toBe('rest');
    expect(set.files).toHaveLength(153);
  });

  it('falls back to git with a warning when GitHub keeps failing', async () => {
    const change = realChange(5);
    await start(change, githubFiles(5));
    gh.faults.serverError({ method: 'GET', path: '/repos/*/*/pulls/*/files' }, { status: 503, times: Infinity });
    const client = createOctokit(TOKEN, { baseUrl: gh.url, backoffBaseMs: 1, retries: 1 });
    const set = await listChangedFiles(change.comparison, { cwd: change.dir, fetchDepth: 1, repository: REPOSITORY, client });
    expect(set.source).toBe('git');
    expect(set.files).toHaveLength(8);
    expect(log.text()).toMatch(/::warning::Could not list pull request #12's files through GitHub's API \(HTTP 503/);
  });

  it('falls back to git on a bad token, without printing it', async () => {
    const change = realChange(1);
    await start(change, githubFiles(1));
    const badToken = 'ghs_not_a_real_token_value';
    const set = await listChangedFiles(change.comparison, { cwd: change.dir, fetchDepth: 1, token: badToken, repository: REPOSITORY });
    expect(set.source).toBe('git');
    expect(log.text()).toMatch(/HTTP 401/);
    expect(visibleLog()).not.toContain(badToken);
  });

  it('asks GitHub nothing without a token, or for a comparison that is not a pull request', async () => {
    const change = realChange(1);
    await start(change, githubFiles(1));
    await listChangedFiles(change.comparison, { cwd: change.dir, fetchDepth: 1, repository: REPOSITORY });
    const { pullRequest: _, ...push } = change.comparison;
    await listChangedFiles(push, { cwd: change.dir, fetchDepth: 1, token: TOKEN, repository: REPOSITORY });
    expect(gh.requests).toHaveLength(0);
  });
});

import { jest } from '@jest/globals';
import { ConfigurationError } from '../../src/core/errors.js';
import { clearSecretsForTest, redact } from '../../src/core/secrets.js';
import { createOctokit, httpStatus, type CreateOctokitOptions, type GitHubClient } from '../../src/github/client.js';
import { startGitHubStandIn, type GitHubStandIn } from '../../standins/github/index.js';

const SHA_BASE = '1'.repeat(40);
const SHA_HEAD = '2'.repeat(40);
const REPO = { owner: 'aura', repo: 'platform' };
const COMMENTS = { method: 'POST', path: '/repos/*/*/issues/*/comments' };

/** Captures what @actions/core writes (warnings, info, masks) during a test. */
function captureStdout(): { text: () => string; restore: () => void } {
  let captured = '';
  const spy = jest.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    captured += chunk.toString();
    return true;
  });
  return { text: () => captured, restore: () => spy.mockRestore() };
}

describe('createOctokit against the GitHub stand-in', () => {
  let gh: GitHubStandIn;
  let out: ReturnType<typeof captureStdout>;

  const client = (token = 'ghs_write', options: CreateOctokitOptions = {}): GitHubClient =>
    createOctokit(token, { baseUrl: gh.url, backoffBaseMs: 1, ...options });

  beforeEach(async () => {
    gh = await startGitHubStandIn({
      repos: [
        {
          fullName: 'aura/platform',
          pulls: [
            {
              number: 12,
              base: { ref: 'main', sha: SHA_BASE },
              head: { ref: 'tune', sha: SHA_HEAD },
              files: Array.from({ length: 3200 }, (_, i) => ({ filename: `f/${i}.txt` })),
            },
          ],
        },
      ],
    });
    out = captureStdout();
  });
  afterEach(async () => {
    out.restore();
    clearSecretsForTest();
    await gh.close();
  });

  it('refuses an empty token with a ConfigurationError that says what to set', () => {
    expect(() => createOctokit('  ')).toThrow(ConfigurationError);
    expect(() => createOctokit('')).toThrow(/'token' input/);
  });

  it('registers the token as a secret before any request', () => {
    client('ghs_write');
    expect(out.text()).toContain('::add-mask::ghs_write');
    expect(redact('Authorization: token ghs_write')).toBe('Authorization: token ***');
  });

  it('takes its base URL from GITHUB_API_URL by default', async () => {
    const saved = process.env['GITHUB_API_URL'];
    process.env['GITHUB_API_URL'] = gh.url;
    try {
      const octokit = createOctokit('ghs_write', { backoffBaseMs: 1 });
      const { data } = await octokit.rest.pulls.get({ ...REPO, pull_number: 12 });
      expect(data.head.sha).toBe(SHA_HEAD);
      expect(gh.requests).toHaveLength(1);
      expect(gh.requests[0]!.token).toBe('ghs_write');
    } finally {
      if (saved === undefined) delete process.env['GITHUB_API_URL'];
      else process.env['GITHUB_API_URL'] = saved;
    }
  });

  it('retries a 5xx read once and succeeds, saying so in the log', async () => {
    gh.faults.serverError({ method: 'GET', path: '/repos/aura/platform/pulls/12' }, { status: 502 });
    const { data } = await client().rest.pulls.get({ ...REPO, pull_number: 12 });
    expect(data.number).toBe(12);
    expect(gh.requests.map((r) => r.status)).toEqual([502, 200]);
    expect(out.text()).toMatch(/GitHub API GET \/repos\/aura\/platform\/pulls\/12 failed \(502: Server Error\); retrying/);
  });

  it('retries a create that failed before GitHub stored it: exactly one comment', async () => {
    gh.faults.serverError(COMMENTS, { status: 503 });
    const { data } = await client().rest.issues.createComment({ ...REPO, issue_number: 12, body: 'metrics' });
    expect(gh.requestsTo(COMMENTS).map((r) => r.status)).toEqual([503, 201]);
    expect(gh.state.comments('aura/platform', 12).map((c) => c.id)).toEqual([data.id]);
  });

  it('retries a create that GitHub stored before failing: the retry makes a second comment', async () => {
    // GitHub can commit a write and still answer 5xx. The client cannot tell; a caller that
    // must not leave duplicates (the sticky metrics comment) has to re-list and clean up.
    gh.faults.serverError(COMMENTS, { status: 502, phase: 'after' });
    const { data } = await client().rest.issues.createComment({ ...REPO, issue_number: 12, body: 'metrics' });
    const stored = gh.state.comments('aura/platform', 12);
    expect(stored).toHaveLength(2);
    expect(stored.at(-1)!.id).toBe(data.id);
  });

  it('retries after a dropped connection', async () => {
    gh.faults.dropConnection({ method: 'GET', path: '/repos/aura/platform/pulls/12' });
    const { data } = await client().rest.pulls.get({ ...REPO, pull_number: 12 });
    expect(data.number).toBe(12);
    expect(gh.requests.map((r) => r.status)).toEqual(['dropped', 200]);
  });

  it('gives up on a persistent 5xx after the configured retries', async () => {
    gh.faults.serverError({ method: 'GET' }, { status: 500, times: Infinity });
    await expect(client('ghs_write', { retries: 2 }).rest.pulls.get({ ...REPO, pull_number: 12 })).rejects.toMatchObject({
      status: 500,
    });
    expect(gh.requests).toHaveLength(3);
    expect(out.text()).toContain('no retries left');
  });

  it('waits out a secondary rate limit and retries, with a warning', async () => {
    gh.faults.secondaryRateLimit(COMMENTS, { retryAfter: 2 });
    await client().rest.issues.createComment({ ...REPO, issue_number: 12, body: 'metrics' });
    expect(gh.requestsTo(COMMENTS).map((r) => r.status)).toEqual([403, 201]);
    expect(gh.state.comments('aura/platform', 12)).toHaveLength(1);
    expect(out.text()).toMatch(/::warning::GitHub secondary rate limit on POST .*: waiting 2 s before retry 1 of 3/);
  });

  it('waits out a primary rate limit answered with 429', async () => {
    gh.faults.primaryRateLimit({ method: 'GET' }, { status: 429, resetAfterSeconds: 0 });
    const { data } = await client().rest.pulls.get({ ...REPO, pull_number: 12 });
    expect(data.number).toBe(12);
    expect(gh.requests.map((r) => r.status)).toEqual([429, 200]);
    expect(out.text()).toContain('GitHub primary rate limit on GET');
  });

  it('does not wait for a rate-limit reset that is too far away', async () => {
    gh.faults.primaryRateLimit({ method: 'GET' }, { resetAfterSeconds: 3600 });
    await expect(client().rest.pulls.get({ ...REPO, pull_number: 12 })).rejects.toMatchObject({ status: 403 });
    expect(gh.requests).toHaveLength(1);
    expect(out.text()).toMatch(/longer than 120 s; giving up/);
  });

  it('stops retrying a rate limit after the configured number of retries', async () => {
    gh.faults.secondaryRateLimit(COMMENTS, { retryAfter: 1, times: Infinity });
    await expect(
      client('ghs_write', { rateLimitRetries: 2 }).rest.issues.createComment({ ...REPO, issue_number: 12, body: 'x' }),
    ).rejects.toMatchObject({ status: 403 });
    expect(gh.requestsTo(COMMENTS)).toHaveLength(3);
    expect(gh.state.comments('aura/platform', 12)).toHaveLength(0);
  });

  it('does not retry a 403 from a read-only token', async () => {
    const error = await client('ghs_read')
      .rest.issues.createComment({ ...REPO, issue_number: 12, body: 'metrics' })
      .catch((e: unknown) => e);
    expect(httpStatus(error)).toBe(403);
    expect((error as Error).message).toContain('Resource not accessible by integration');
    expect(gh.requests).toHaveLength(1);
    expect(httpStatus(new Error('not an HTTP error'))).toBeUndefined();
  });

  it('does not retry a 422', async () => {
    await expect(
      client().rest.issues.createComment({ ...REPO, issue_number: 12, body: 'x'.repeat(70000) }),
    ).rejects.toMatchObject({ status: 422 });
    expect(gh.requests).toHaveLength(1);
  });

  it('pages through every comment with octokit.paginate, following the Link headers', async () => {
    for (let i = 0; i < 250; i++) gh.state.addComment('aura/platform', 12, `comment ${i}`, { login: 'mona' });
    const comments = await client().paginate(client().rest.issues.listComments, { ...REPO, issue_number: 12, per_page: 100 });
    expect(comments).toHaveLength(250);
    expect(comments.map((c) => c.body)).toEqual(Array.from({ length: 250 }, (_, i) => `comment ${i}`));
    expect(gh.requests.map((r) => r.path)).toEqual([
      '/repos/aura/platform/issues/12/comments',
      `/repositories/${gh.state.repo('aura/platform').id}/issues/12/comments`,
      `/repositories/${gh.state.repo('aura/platform').id}/issues/12/comments`,
    ]);
  });

  it('pages a pull request\'s files up to GitHub\'s 3000-file cap', async () => {
    const octokit = client();
    const files = await octokit.paginate(octokit.rest.pulls.listFiles, { ...REPO, pull_number: 12, per_page: 100 });
    const { data: pull } = await octokit.rest.pulls.get({ ...REPO, pull_number: 12 });
    expect(files).toHaveLength(3000);
    expect(pull.changed_files).toBe(3200);
  });

  it('retries a failed page in the middle of a paginated listing', async () => {
    for (let i = 0; i < 150; i++) gh.state.addComment('aura/platform', 12, `comment ${i}`, { login: 'mona' });
    const octokit = client();
    // The fault is set once the first page arrived: it hits the second page, fetched through its Link URL.
    const listing = octokit.paginate.iterator(octokit.rest.issues.listComments, { ...REPO, issue_number: 12, per_page: 100 });
    const pages: number[] = [];
    for await (const page of listing) {
      pages.push(page.data.length);
      if (pages.length === 1) gh.faults.serverError({ method: 'GET' }, { status: 502 });
    }
    expect(pages).toEqual([100, 50]);
    expect(gh.requests.map((r) => r.status)).toEqual([200, 502, 200]);
  });
});

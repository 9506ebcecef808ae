import { startGitHubStandIn, type GitHubStandIn } from '../../../standins/github/index.js';
import { call, SHA_BASE, SHA_HEAD } from './api.js';

describe('GitHub stand-in: tokens, permissions and common headers', () => {
  let gh: GitHubStandIn;

  beforeAll(async () => {
    gh = await startGitHubStandIn({
      tokens: {
        ghs_write: { login: 'github-actions[bot]', type: 'Bot', permission: 'write' },
        ghs_read: { login: 'github-actions[bot]', type: 'Bot', permission: 'read' },
        github_pat_read: { login: 'mona', type: 'User', permission: 'read' },
        ghs_elsewhere: { login: 'github-actions[bot]', type: 'Bot', permission: 'write', repos: ['aura/other'] },
        ghs_tiny: { login: 'github-actions[bot]', type: 'Bot', permission: 'write', rateLimit: 2 },
      },
      repos: [
        {
          fullName: 'aura/platform',
          pulls: [{ number: 7, base: { ref: 'main', sha: SHA_BASE }, head: { ref: 'feature', sha: SHA_HEAD } }],
        },
        { fullName: 'aura/public-site', private: false },
        { fullName: 'aura/other' },
      ],
    });
  });
  afterAll(() => gh.close());

  it('answers an unknown token with 401 Bad credentials', async () => {
    const answer = await call(gh, 'GET', '/repos/aura/platform/pulls/7', { token: 'ghp_not_a_token' });
    expect(answer.status).toBe(401);
    expect(answer.json).toEqual({
      message: 'Bad credentials',
      documentation_url: 'https://docs.github.com/rest',
      status: '401',
    });
  });

  it('answers GET /user for a personal token, and 403 for an Actions or App token, as GitHub does', async () => {
    const user = await call(gh, 'GET', '/user', { token: 'github_pat_read' });
    expect(user.status).toBe(200);
    expect(user.json).toMatchObject({ login: 'mona', type: 'User' });
    const bot = await call(gh, 'GET', '/user', { token: 'ghs_write' });
    expect(bot.status).toBe(403);
    expect(bot.json).toMatchObject({ message: 'Resource not accessible by integration' });
    expect((await call(gh, 'GET', '/user', { token: null })).status).toBe(401);
  });

  it('answers a write without a token with 401 Requires authentication', async () => {
    const answer = await call(gh, 'POST', '/repos/aura/public-site/deployments', { token: null, body: { ref: 'main' } });
    expect(answer.status).toBe(401);
    expect(answer.json).toEqual({
      message: 'Requires authentication',
      documentation_url: 'https://docs.github.com/rest/deployments/deployments#create-a-deployment',
      status: '401',
    });
  });

  it('hides a private repository from anonymous reads (404) and serves a public one', async () => {
    const hidden = await call(gh, 'GET', '/repos/aura/platform/pulls/7', { token: null });
    expect(hidden.status).toBe(404);
    expect(hidden.json.message).toBe('Not Found');
    const open = await call(gh, 'GET', '/repos/aura/public-site', { token: null });
    expect(open.status).toBe(200);
    expect(open.json.private).toBe(false);
    expect(open.headers.get('x-ratelimit-limit')).toBe('60');
  });

  it('refuses a write with a read-only installation token: 403 and nothing stored', async () => {
    const answer = await call(gh, 'POST', '/repos/aura/platform/issues/7/comments', {
      token: 'ghs_read',
      body: { body: 'metrics' },
    });
    expect(answer.status).toBe(403);
    expect(answer.json).toEqual({
      message: 'Resource not accessible by integration',
      documentation_url: 'https://docs.github.com/rest/issues/comments#create-an-issue-comment',
      status: '403',
    });
    expect(answer.headers.get('x-accepted-github-permissions')).toBe('issues=write; pull_requests=write');
    expect(gh.state.comments('aura/platform', 7)).toHaveLength(0);
  });

  it('names a personal access token in its 403', async () => {
    const answer = await call(gh, 'POST', '/repos/aura/platform/deployments', {
      token: 'github_pat_read',
      body: { ref: SHA_HEAD },
    });
    expect(answer.status).toBe(403);
    expect(answer.json.message).toBe('Resource not accessible by personal access token');
  });

  it('lets a read-only token read', async () => {
    const answer = await call(gh, 'GET', '/repos/aura/platform/pulls/7', { token: 'ghs_read' });
    expect(answer.status).toBe(200);
    expect(answer.json.number).toBe(7);
  });

  it('answers 404 for a repository the token cannot see', async () => {
    const answer = await call(gh, 'GET', '/repos/aura/platform/pulls/7', { token: 'ghs_elsewhere' });
    expect(answer.status).toBe(404);
  });

  it('sends GitHub headers on every answer and counts the rate limit per token', async () => {
    const first = await call(gh, 'GET', '/repos/aura/platform', { token: 'ghs_read' });
    const second = await call(gh, 'GET', '/repos/aura/platform', { token: 'ghs_read' });
    expect(first.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(first.headers.get('x-github-request-id')).toMatch(/^[0-9A-F]+:[0-9A-F]+:[0-9A-F]+:[0-9A-F]+:[0-9A-F]+$/);
    expect(first.headers.get('x-github-request-id')).not.toBe(second.headers.get('x-github-request-id'));
    expect(first.headers.get('x-github-api-version-selected')).toBe('2022-11-28');
    expect(first.headers.get('x-ratelimit-limit')).toBe('5000');
    expect(first.headers.get('x-ratelimit-resource')).toBe('core');
    const remaining = Number(first.headers.get('x-ratelimit-remaining'));
    expect(Number(second.headers.get('x-ratelimit-remaining'))).toBe(remaining - 1);
    expect(Number(second.headers.get('x-ratelimit-used'))).toBe(5000 - remaining + 1);
    expect(Number(first.headers.get('x-ratelimit-reset'))).toBeGreaterThan(Date.now() / 1000);
  });

  it('answers 403 with x-ratelimit-remaining 0 once a token used up its limit', async () => {
    expect((await call(gh, 'GET', '/repos/aura/platform', { token: 'ghs_tiny' })).status).toBe(200);
    expect((await call(gh, 'GET', '/repos/aura/platform', { token: 'ghs_tiny' })).status).toBe(200);
    const limited = await call(gh, 'GET', '/repos/aura/platform', { token: 'ghs_tiny' });
    expect(limited.status).toBe(403);
    expect(limited.headers.get('x-ratelimit-remaining')).toBe('0');
    expect(limited.json.message).toBe('API rate limit exceeded for installation ID 41898282.');
    const status = await call(gh, 'GET', '/rate_limit', { token: 'ghs_tiny' });
    expect(status.json.resources.core).toMatchObject({ limit: 2, used: 2, remaining: 0 });
  });

  it('answers a conditional request with 304 without counting it', async () => {
    const first = await call(gh, 'GET', '/repos/aura/platform/pulls/7');
    const etag = first.headers.get('etag');
    expect(etag).toMatch(/^W\/"[0-9a-f]+"$/);
    const again = await call(gh, 'GET', '/repos/aura/platform/pulls/7', { headers: { 'if-none-match': etag! } });
    expect(again.status).toBe(304);
    expect(again.text).toBe('');
    expect(again.headers.get('x-ratelimit-remaining')).toBe(first.headers.get('x-ratelimit-remaining'));
  });

  it('answers 404 for an endpoint it does not have and 400 for malformed JSON', async () => {
    const unknown = await call(gh, 'GET', '/repos/aura/platform/releases');
    expect(unknown.status).toBe(404);
    expect(unknown.json).toEqual({ message: 'Not Found', documentation_url: 'https://docs.github.com/rest', status: '404' });
    const malformed = await call(gh, 'POST', '/repos/aura/platform/issues/7/comments', {
      rawBody: '{"body": ',
      headers: { 'content-type': 'application/json' },
    });
    expect(malformed.status).toBe(400);
    expect(malformed.json.message).toBe('Problems parsing JSON');
  });

  it('records every request for assertions', async () => {
    const before = gh.requests.length;
    await call(gh, 'POST', '/repos/aura/platform/issues/7/comments', { token: 'ghs_read', body: { body: 'x' } });
    const recorded = gh.requests.slice(before);
    expect(recorded).toHaveLength(1);
    expect(recorded[0]).toMatchObject({
      method: 'POST',
      path: '/repos/aura/platform/issues/7/comments',
      status: 403,
      body: { body: 'x' },
      token: 'ghs_read',
      login: 'github-actions[bot]',
    });
    expect(gh.requestsTo({ method: 'POST', path: '/repos/*/*/issues/*/comments' }).length).toBeGreaterThanOrEqual(1);
  });
});

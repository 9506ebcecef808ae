import { startGitHubStandIn, type GitHubStandIn } from '../../../standins/github/index.js';
import { call, links, SHA_BASE, SHA_HEAD } from './api.js';

const COMMENTS = { method: 'POST', path: '/repos/*/*/issues/*/comments' };

describe('GitHub stand-in: scripted faults', () => {
  let gh: GitHubStandIn;

  beforeEach(async () => {
    gh = await startGitHubStandIn({
      repos: [
        {
          fullName: 'aura/platform',
          pulls: [{ number: 12, base: { ref: 'main', sha: SHA_BASE }, head: { ref: 'tune', sha: SHA_HEAD } }],
        },
      ],
    });
  });
  afterEach(() => gh.close());

  const post = (body = 'metrics') => call(gh, 'POST', '/repos/aura/platform/issues/12/comments', { body: { body } });

  it('answers 5xx before storing: the write is lost, the next request works', async () => {
    gh.faults.serverError(COMMENTS, { status: 502 });
    const failed = await post();
    expect(failed.status).toBe(502);
    expect(failed.json).toEqual({ message: 'Server Error' });
    expect(gh.state.comments('aura/platform', 12)).toHaveLength(0);
    expect((await post()).status).toBe(201);
    expect(gh.state.comments('aura/platform', 12)).toHaveLength(1);
    expect(gh.requests.map((r) => [r.status, r.fault, r.body])).toEqual([
      [502, 'server-error:502:before', { body: 'metrics' }],
      [201, undefined, { body: 'metrics' }],
    ]);
  });

  it('answers 5xx after storing: the client sees a failure although the comment exists', async () => {
    gh.faults.serverError(COMMENTS, { status: 500, phase: 'after' });
    const failed = await post();
    expect(failed.status).toBe(500);
    expect(gh.state.comments('aura/platform', 12)).toHaveLength(1);
  });

  it('affects only the matching method and path, the given number of times', async () => {
    gh.faults.serverError({ method: 'GET', path: '/repos/aura/platform/pulls/12' }, { status: 503, times: 2 });
    expect((await post()).status).toBe(201);
    expect((await call(gh, 'GET', '/repos/aura/platform/pulls/12')).status).toBe(503);
    expect((await call(gh, 'GET', '/repos/aura/platform/pulls/12')).status).toBe(503);
    expect(gh.faults.pending()).toHaveLength(0);
    expect((await call(gh, 'GET', '/repos/aura/platform/pulls/12')).status).toBe(200);
  });

  it('matches faults on the canonical path, so Link-header URLs are caught too', async () => {
    for (let i = 0; i < 40; i++) gh.state.addComment('aura/platform', 12, `c${i}`, { login: 'mona' });
    const first = await call(gh, 'GET', '/repos/aura/platform/issues/12/comments');
    const next = links(first.headers.get('link'))['next']!;
    expect(next).toContain('/repositories/');
    gh.faults.serverError({ method: 'GET', path: '/repos/aura/platform/issues/12/comments' });
    expect((await call(gh, 'GET', next)).status).toBe(502);
    expect(gh.requests.at(-1)!.route).toBe('/repos/aura/platform/issues/12/comments');
  });

  it('answers a secondary rate limit with 403, retry-after and GitHub\'s message', async () => {
    gh.faults.secondaryRateLimit(COMMENTS, { retryAfter: 7 });
    const limited = await post();
    expect(limited.status).toBe(403);
    expect(limited.headers.get('retry-after')).toBe('7');
    expect(limited.json.message).toBe(
      'You have exceeded a secondary rate limit. Please wait a few minutes before you try again. ' +
        `If you reach out to GitHub Support for help, please include the request ID ${limited.headers.get('x-github-request-id')}.`,
    );
    expect(limited.json.documentation_url).toContain('#about-secondary-rate-limits');
    expect(Number(limited.headers.get('x-ratelimit-remaining'))).toBeGreaterThan(0);
    expect(gh.state.comments('aura/platform', 12)).toHaveLength(0);

    gh.faults.secondaryRateLimit(COMMENTS, { status: 429, retryAfter: null });
    const limited429 = await post();
    expect(limited429.status).toBe(429);
    expect(limited429.headers.get('retry-after')).toBeNull();
  });

  it('answers a primary rate limit with x-ratelimit-remaining 0 and the reset time', async () => {
    gh.faults.primaryRateLimit({ path: '/repos/aura/platform/pulls/*' }, { status: 429, resetAfterSeconds: 120 });
    const limited = await call(gh, 'GET', '/repos/aura/platform/pulls/12');
    expect(limited.status).toBe(429);
    expect(limited.headers.get('x-ratelimit-remaining')).toBe('0');
    const reset = Number(limited.headers.get('x-ratelimit-reset'));
    expect(reset).toBeGreaterThanOrEqual(Math.floor(Date.now() / 1000) + 100);
    expect(limited.json.message).toBe('API rate limit exceeded for installation ID 41898282.');
  });

  it('drops the connection before or after storing', async () => {
    gh.faults.dropConnection(COMMENTS);
    await expect(post()).rejects.toThrow();
    expect(gh.state.comments('aura/platform', 12)).toHaveLength(0);
    gh.faults.dropConnection(COMMENTS, { phase: 'after' });
    await expect(post()).rejects.toThrow();
    expect(gh.state.comments('aura/platform', 12)).toHaveLength(1);
    expect(gh.requests.map((r) => r.status)).toEqual(['dropped', 'dropped']);
  });

  it('holds requests until released, so two clients interleave deterministically', async () => {
    const hold = gh.faults.hold({ method: 'GET', path: '/repos/*/*/issues/*/comments' });
    const listA = call(gh, 'GET', '/repos/aura/platform/issues/12/comments');
    const listB = call(gh, 'GET', '/repos/aura/platform/issues/12/comments');
    await hold.waitForHeld(2);
    expect(hold.held).toBe(2);
    // Both lists wait at the door before GitHub reads anything; a write lands first, so both see it.
    expect((await post('written while both lists were held')).status).toBe(201);
    hold.release();
    const [a, b] = await Promise.all([listA, listB]);
    expect(a.json).toHaveLength(1);
    expect(b.json).toHaveLength(1);
    expect((await call(gh, 'GET', '/repos/aura/platform/issues/12/comments')).status).toBe(200);
  });

  it('delays matching requests without changing their answer', async () => {
    gh.faults.latency({ method: 'GET' }, 20, { times: 1 });
    expect(gh.faults.pending()).toHaveLength(1);
    const answer = await call(gh, 'GET', '/repos/aura/platform/pulls/12');
    expect(answer.status).toBe(200);
    expect(gh.faults.pending()).toHaveLength(0);
    expect(gh.requests.at(-1)!.fault).toBeUndefined();
  });

  it('accepts faults through the admin endpoint, for the demo and other processes', async () => {
    const admin = await fetch(`${gh.url}/_standin/faults`, {
      method: 'POST',
      body: JSON.stringify({ kind: 'server-error', ...COMMENTS, status: 503, phase: 'after' }),
    });
    expect(admin.status).toBe(201);
    expect((await post()).status).toBe(503);
    expect(gh.state.comments('aura/platform', 12)).toHaveLength(1);
    const unknown = await fetch(`${gh.url}/_standin/faults`, { method: 'POST', body: JSON.stringify({ kind: 'hold' }) });
    expect(unknown.status).toBe(400);
    const state = (await (await fetch(`${gh.url}/_standin/state`)).json()) as { repos: Record<string, unknown> };
    expect(Object.keys(state.repos)).toEqual(['aura/platform']);
  });
});

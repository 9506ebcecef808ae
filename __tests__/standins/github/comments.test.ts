import { COMMENT_BODY_LIMIT, startGitHubStandIn, type GitHubStandIn } from '../../../standins/github/index.js';
import { call, linkRels, links, SHA_BASE, SHA_HEAD } from './api.js';

describe('GitHub stand-in: issue comments', () => {
  let gh: GitHubStandIn;

  beforeEach(async () => {
    gh = await startGitHubStandIn({
      repos: [
        {
          fullName: 'aura/platform',
          issues: [3],
          pulls: [{ number: 12, base: { ref: 'main', sha: SHA_BASE }, head: { ref: 'tune', sha: SHA_HEAD } }],
        },
      ],
    });
  });
  afterEach(() => gh.close());

  it('creates a comment: 201, Location, GitHub\'s shape, authored by the token\'s identity', async () => {
    const answer = await call(gh, 'POST', '/repos/aura/platform/issues/12/comments', { body: { body: 'hello' } });
    expect(answer.status).toBe(201);
    const comment = answer.json;
    expect(answer.headers.get('location')).toBe(comment.url);
    expect(comment).toMatchObject({
      body: 'hello',
      url: `${gh.url}/repos/aura/platform/issues/comments/${comment.id}`,
      html_url: `https://github.com/aura/platform/pull/12#issuecomment-${comment.id}`,
      issue_url: `${gh.url}/repos/aura/platform/issues/12`,
      user: { login: 'github-actions[bot]', type: 'Bot', id: 41898282 },
      author_association: 'NONE',
    });
    expect(comment.node_id).toMatch(/^IC_/);
    expect(comment.created_at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    expect(comment.updated_at).toBe(comment.created_at);
    expect(gh.state.comments('aura/platform', 12)).toEqual([comment]);
  });

  it('comments on plain issues too, with an issues html_url', async () => {
    const answer = await call(gh, 'POST', '/repos/aura/platform/issues/3/comments', { body: { body: 'on an issue' } });
    expect(answer.json.html_url).toContain('/issues/3#issuecomment-');
  });

  it('answers 404 for an issue that does not exist', async () => {
    const answer = await call(gh, 'POST', '/repos/aura/platform/issues/404/comments', { body: { body: 'x' } });
    expect(answer.status).toBe(404);
    expect(answer.json.documentation_url).toBe('https://docs.github.com/rest/issues/comments#create-an-issue-comment');
  });

  it('lists comments in id order, 30 a page by default, at most 100 a page', async () => {
    for (let i = 0; i < 250; i++) gh.state.addComment('aura/platform', 12, `comment ${i}`, { login: `user${i % 3}` });
    const first = await call(gh, 'GET', '/repos/aura/platform/issues/12/comments');
    expect(first.json).toHaveLength(30);
    const capped = await call(gh, 'GET', '/repos/aura/platform/issues/12/comments?per_page=1000');
    expect(capped.json).toHaveLength(100);
    expect(linkRels(capped.headers.get('link'))).toEqual(['next', 'last']);
    const ids: number[] = [];
    let next: string | undefined = '/repos/aura/platform/issues/12/comments?per_page=100';
    while (next) {
      const page = await call(gh, 'GET', next);
      ids.push(...page.json.map((c: { id: number }) => c.id));
      next = links(page.headers.get('link'))['next'];
    }
    expect(ids).toHaveLength(250);
    expect([...ids].sort((a, b) => a - b)).toEqual(ids);
  });

  it('gets, updates and deletes one comment', async () => {
    const created = (await call(gh, 'POST', '/repos/aura/platform/issues/12/comments', { body: { body: 'v1' } })).json;
    const path = `/repos/aura/platform/issues/comments/${created.id}`;
    expect((await call(gh, 'GET', path)).json.body).toBe('v1');

    const updated = await call(gh, 'PATCH', path, { body: { body: 'v2' } });
    expect(updated.status).toBe(200);
    expect(updated.json).toMatchObject({ id: created.id, body: 'v2' });
    expect(gh.state.comments('aura/platform', 12)[0]!.body).toBe('v2');

    const deleted = await call(gh, 'DELETE', path);
    expect(deleted.status).toBe(204);
    expect(deleted.text).toBe('');
    expect(gh.state.comments('aura/platform', 12)).toHaveLength(0);
    expect((await call(gh, 'GET', path)).status).toBe(404);
    expect((await call(gh, 'DELETE', path)).status).toBe(404);
  });

  it('accepts 65536 characters, counted as code points, and refuses one more with GitHub\'s 422', async () => {
    const emoji = '\u{1F4C8}'.repeat(COMMENT_BODY_LIMIT); // 65536 characters, 131072 UTF-16 units
    const atLimit = await call(gh, 'POST', '/repos/aura/platform/issues/12/comments', { body: { body: emoji } });
    expect(atLimit.status).toBe(201);

    const over = await call(gh, 'POST', '/repos/aura/platform/issues/12/comments', { body: { body: 'x'.repeat(65537) } });
    expect(over.status).toBe(422);
    expect(over.json).toEqual({
      message: 'Validation Failed',
      errors: [
        {
          resource: 'IssueComment',
          code: 'unprocessable',
          field: 'data',
          message: 'Body is too long (maximum is 65536 characters)',
        },
      ],
      documentation_url: 'https://docs.github.com/rest/issues/comments#create-an-issue-comment',
      status: '422',
    });
    expect(gh.state.comments('aura/platform', 12)).toHaveLength(1);

    const id = atLimit.json.id;
    const update = await call(gh, 'PATCH', `/repos/aura/platform/issues/comments/${id}`, { body: { body: 'y'.repeat(70000) } });
    expect(update.status).toBe(422);
    expect(update.json.documentation_url).toBe('https://docs.github.com/rest/issues/comments#update-an-issue-comment');
    expect(gh.state.comments('aura/platform', 12)[0]!.body).toBe(emoji);
  });

  it('refuses a comment without a body', async () => {
    const answer = await call(gh, 'POST', '/repos/aura/platform/issues/12/comments', { body: { text: 'x' } });
    expect(answer.status).toBe(422);
    expect(answer.json.message).toBe('Invalid request.\n\n"body" wasn\'t supplied.');
    const wrongType = await call(gh, 'POST', '/repos/aura/platform/issues/12/comments', { body: { body: 5 } });
    expect(wrongType.status).toBe(422);
    expect(wrongType.json.message).toBe("Invalid request.\n\nFor 'properties/body', 5 is not a string.");
  });

  it('filters by since (updated at or after)', async () => {
    gh.state.addComment('aura/platform', 12, 'old', { login: 'mona' }).updated_at = '2020-01-01T00:00:00Z';
    gh.state.addComment('aura/platform', 12, 'new', { login: 'mona' });
    const answer = await call(gh, 'GET', '/repos/aura/platform/issues/12/comments?since=2021-01-01T00:00:00Z');
    expect(answer.json.map((c: { body: string }) => c.body)).toEqual(['new']);
  });

  it('lists a repository\'s comments across issues', async () => {
    gh.state.addComment('aura/platform', 12, 'on the pull', { login: 'mona' });
    gh.state.addComment('aura/platform', 3, 'on the issue', { login: 'mona' });
    const answer = await call(gh, 'GET', '/repos/aura/platform/issues/comments');
    expect(answer.json.map((c: { body: string }) => c.body)).toEqual(['on the pull', 'on the issue']);
  });
});

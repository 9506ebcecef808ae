import { stickyMarker } from '../../src/comments/marker.js';
import { StickyComment, type StickyOutcome } from '../../src/comments/sticky.js';
import { createOctokit } from '../../src/github/client.js';
import { startGitHubStandIn, type GitHubStandIn } from '../../standins/github/index.js';

// The sticky comment against the GitHub stand-in (a local server with GitHub's REST shapes, not GitHub).

const REPO = 'aura/platform';
const ISSUE = { owner: 'aura', repo: 'platform', number: 7 };
const MARKER = stickyMarker('metrics-regression-gate', 'Metrics');
let gh: GitHubStandIn;

beforeEach(async () => {
  gh = await startGitHubStandIn({
    tokens: {
      ghs_write: { login: 'github-actions[bot]', type: 'Bot', permission: 'write' },
      ghs_other_repo: { login: 'github-actions[bot]', type: 'Bot', permission: 'write', repos: ['aura/elsewhere'] },
    },
    repos: [
      {
        fullName: REPO,
        pulls: [{ number: 7, base: { ref: 'main', sha: 'a'.repeat(40) }, head: { ref: 'x', sha: 'b'.repeat(40) } }],
      },
    ],
  });
});
afterEach(async () => gh.close());

function client(token = 'ghs_write') {
  return createOctokit(token, { baseUrl: gh.url, backoffBaseMs: 1 });
}

async function open(token?: string): Promise<StickyComment> {
  const sticky = await StickyComment.open(client(token), ISSUE, MARKER);
  if (!(sticky instanceof StickyComment)) throw new Error(`unexpected ${JSON.stringify(sticky)}`);
  return sticky;
}

describe('sticky comment', () => {
  it('posts the fallback body when GitHub rejects the full one with 422', async () => {
    const sticky = await open();
    const outcome = await sticky.write(`${MARKER}\n${'x'.repeat(70_000)}`, { createIfMissing: true, fallbackBody: `${MARKER}\nshort` });
    expect(outcome.action).toBe('created');
    expect(gh.requests.filter((r) => r.status === 422)).toHaveLength(1);
    expect(gh.state.comments(REPO, 7).map((c) => c.body)).toEqual([`${MARKER}\nshort`]);
  });

  it('lets a 422 through when there is no fallback', async () => {
    const sticky = await open();
    await expect(sticky.write(`${MARKER}\n${'x'.repeat(70_000)}`, { createIfMissing: true })).rejects.toMatchObject({ status: 422 });
    expect(gh.state.comments(REPO, 7)).toHaveLength(0);
  });

  it('keeps the oldest of earlier duplicates, updates it and deletes the rest', async () => {
    const first = gh.state.addComment(REPO, 7, `${MARKER}\nold`, { login: 'github-actions[bot]', type: 'Bot' });
    gh.state.addComment(REPO, 7, 'unrelated', { login: 'octocat' });
    gh.state.addComment(REPO, 7, `${MARKER}\nolder duplicate`, { login: 'github-actions[bot]', type: 'Bot' });
    const sticky = await open();
    expect(sticky.existing?.id).toBe(first.id);
    const outcome = await sticky.write(`${MARKER}\nnew`, { createIfMissing: true });
    expect(outcome).toMatchObject({ action: 'updated', duplicatesRemoved: 1 });
    expect(gh.state.comments(REPO, 7).map((c) => c.body)).toEqual([`${MARKER}\nnew`, 'unrelated']);
  });

  it('does not take a comment with another title for its own', async () => {
    gh.state.addComment(REPO, 7, `${stickyMarker('metrics-regression-gate', 'Metrics (nightly)')}\nx`, { login: 'github-actions[bot]', type: 'Bot' });
    const sticky = await open();
    expect(sticky.existing).toBeUndefined();
  });

  it('creates nothing when asked only to update and there is nothing to update', async () => {
    const sticky = await open();
    expect(await sticky.write(`${MARKER}\nbody`, { createIfMissing: false })).toMatchObject({ action: 'skipped' });
    expect(gh.requests.filter((r) => r.method !== 'GET')).toHaveLength(0);
  });

  it('treats a line-ending difference as the same body: no write', async () => {
    gh.state.addComment(REPO, 7, `${MARKER}\r\nsame\r\n`, { login: 'github-actions[bot]', type: 'Bot' });
    const sticky = await open();
    expect((await sticky.write(`${MARKER}\nsame\n`, { createIfMissing: true })).action).toBe('unchanged');
  });

  it('reports a pull request the token cannot see as forbidden instead of failing', async () => {
    const outcome = (await StickyComment.open(client('ghs_other_repo'), ISSUE, MARKER)) as StickyOutcome;
    expect(outcome).toMatchObject({ action: 'forbidden', status: 404 });
  });

  it('encodes the title in the marker so no title can close the hidden comment early', () => {
    const marker = stickyMarker('metrics-regression-gate', 'Eval --> "nightly"');
    expect(marker).toBe('<!-- aura:metrics-regression-gate title="Eval%20%2D%2D%3E%20%22nightly%22" -->');
    expect(marker.indexOf('-->')).toBe(marker.length - 3);
  });
});

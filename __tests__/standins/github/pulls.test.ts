import {
  PULL_FILES_CAP,
  startGitHubStandIn,
  type GitHubStandIn,
  type PullFileSeed,
} from '../../../standins/github/index.js';
import { call, linkRels, links, SHA_BASE, SHA_HEAD } from './api.js';

function files(count: number): PullFileSeed[] {
  return Array.from({ length: count }, (_, i) => ({ filename: `services/s${String(i).padStart(4, '0')}.py` }));
}

/** Follows rel="next" from the first page, as a client does; returns every entry and the pages' Link headers. */
async function followAll(gh: GitHubStandIn, firstPath: string): Promise<{ entries: { filename: string }[]; pages: number }> {
  const entries: { filename: string }[] = [];
  let next: string | undefined = firstPath;
  let pages = 0;
  while (next) {
    const answer = await call(gh, 'GET', next);
    expect(answer.status).toBe(200);
    entries.push(...answer.json);
    pages++;
    next = links(answer.headers.get('link'))['next'];
  }
  return { entries, pages };
}

describe('GitHub stand-in: pull requests and their files', () => {
  let gh: GitHubStandIn;
  let repoId: number;

  beforeAll(async () => {
    gh = await startGitHubStandIn({
      repos: [
        {
          fullName: 'aura/platform',
          pulls: [
            {
              number: 12,
              title: 'Tune the detector',
              base: { ref: 'main', sha: SHA_BASE },
              head: { ref: 'tune', sha: SHA_HEAD },
              files: [
                { filename: 'services/visual_analysis/train.py', status: 'modified', additions: 10, deletions: 2 },
                { filename: 'docs/new name.md', status: 'renamed', previous_filename: 'docs/old name.md', additions: 0, deletions: 0 },
                { filename: 'params.yaml', status: 'added', additions: 3 },
                { filename: 'libs/gone.py', status: 'removed', additions: 0, deletions: 40 },
              ],
            },
            { number: 13, base: { ref: 'main', sha: SHA_BASE }, head: { ref: 'many', sha: SHA_HEAD }, files: files(75) },
            { number: 14, base: { ref: 'main', sha: SHA_BASE }, head: { ref: 'huge', sha: SHA_HEAD }, files: files(3500) },
            {
              number: 15,
              base: { ref: 'main', sha: SHA_BASE },
              head: { ref: 'patch-1', sha: SHA_HEAD, repo: 'contributor/platform' },
              user: 'contributor',
              files: files(1),
            },
          ],
        },
      ],
    });
    repoId = gh.state.repo('aura/platform').id;
  });
  afterAll(() => gh.close());

  it('answers a pull request with its number, state, base, head and file count', async () => {
    const answer = await call(gh, 'GET', '/repos/aura/platform/pulls/12');
    expect(answer.status).toBe(200);
    expect(answer.json).toMatchObject({
      number: 12,
      state: 'open',
      title: 'Tune the detector',
      base: { ref: 'main', sha: SHA_BASE, repo: { full_name: 'aura/platform', fork: false } },
      head: { ref: 'tune', sha: SHA_HEAD, repo: { full_name: 'aura/platform' } },
      changed_files: 4,
      additions: 13,
      deletions: 42,
      html_url: 'https://github.com/aura/platform/pull/12',
    });
  });

  it('shows a fork pull request with the fork as head repository', async () => {
    const answer = await call(gh, 'GET', '/repos/aura/platform/pulls/15');
    expect(answer.json.head.repo).toMatchObject({ full_name: 'contributor/platform', fork: true });
    expect(answer.json.base.repo.full_name).toBe('aura/platform');
    expect(answer.json.user.login).toBe('contributor');
  });

  it('answers 404 with GitHub\'s body for a pull request that does not exist', async () => {
    const answer = await call(gh, 'GET', '/repos/aura/platform/pulls/999');
    expect(answer.status).toBe(404);
    expect(answer.json).toEqual({
      message: 'Not Found',
      documentation_url: 'https://docs.github.com/rest/pulls/pulls#get-a-pull-request',
      status: '404',
    });
  });

  it('lists files as diff entries, renames with their previous name', async () => {
    const answer = await call(gh, 'GET', '/repos/aura/platform/pulls/12/files');
    expect(answer.headers.get('link')).toBeNull();
    expect(answer.json.map((f: { status: string }) => f.status)).toEqual(['modified', 'renamed', 'added', 'removed']);
    const renamed = answer.json[1];
    expect(renamed).toMatchObject({
      filename: 'docs/new name.md',
      previous_filename: 'docs/old name.md',
      additions: 0,
      deletions: 0,
      changes: 0,
      blob_url: `https://github.com/aura/platform/blob/${SHA_HEAD}/docs/new%20name.md`,
    });
    expect(renamed.sha).toMatch(/^[0-9a-f]{40}$/);
    expect(answer.json[0]).toMatchObject({ additions: 10, deletions: 2, changes: 12 });
    expect(answer.json[0]).not.toHaveProperty('previous_filename');
  });

  it('pages 30 files by default with prev/next/last/first links in /repositories form', async () => {
    const first = await call(gh, 'GET', '/repos/aura/platform/pulls/13/files');
    expect(first.json).toHaveLength(30);
    expect(linkRels(first.headers.get('link'))).toEqual(['next', 'last']);
    const firstLinks = links(first.headers.get('link'));
    expect(firstLinks['next']).toBe(`${gh.url}/repositories/${repoId}/pulls/13/files?page=2`);
    expect(firstLinks['last']).toBe(`${gh.url}/repositories/${repoId}/pulls/13/files?page=3`);

    const second = await call(gh, 'GET', firstLinks['next']!);
    expect(second.json[0].filename).toBe('services/s0030.py');
    expect(linkRels(second.headers.get('link'))).toEqual(['prev', 'next', 'last', 'first']);

    const third = await call(gh, 'GET', links(second.headers.get('link'))['next']!);
    expect(third.json).toHaveLength(15);
    expect(linkRels(third.headers.get('link'))).toEqual(['prev', 'first']);
  });

  it('keeps per_page in the links and caps it at 100', async () => {
    const answer = await call(gh, 'GET', '/repos/aura/platform/pulls/13/files?per_page=500');
    expect(answer.json).toHaveLength(75);
    const small = await call(gh, 'GET', '/repos/aura/platform/pulls/13/files?per_page=50');
    expect(small.json).toHaveLength(50);
    expect(links(small.headers.get('link'))['next']).toBe(
      `${gh.url}/repositories/${repoId}/pulls/13/files?per_page=50&page=2`,
    );
  });

  it('stops at 3000 files: no next link past the 3000th, later pages empty, changed_files still the true count', async () => {
    const pull = await call(gh, 'GET', '/repos/aura/platform/pulls/14');
    expect(pull.json.changed_files).toBe(3500);

    const { entries, pages } = await followAll(gh, '/repos/aura/platform/pulls/14/files?per_page=100');
    expect(PULL_FILES_CAP).toBe(3000);
    expect(entries).toHaveLength(3000);
    expect(pages).toBe(30);
    expect(entries.at(-1)!.filename).toBe('services/s2999.py');

    const lastPage = await call(gh, 'GET', '/repos/aura/platform/pulls/14/files?per_page=100&page=30');
    expect(linkRels(lastPage.headers.get('link'))).toEqual(['prev', 'first']);
    const beyond = await call(gh, 'GET', '/repos/aura/platform/pulls/14/files?per_page=100&page=31');
    expect(beyond.status).toBe(200);
    expect(beyond.json).toEqual([]);
  });
});

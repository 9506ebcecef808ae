import { execFileSync } from 'node:child_process';
import { CHECK_OUTPUT_LIMIT, startGitHubStandIn, type GitHubStandIn } from '../../../standins/github/index.js';
import { call, SHA_BASE, SHA_HEAD, SHA_MAIN } from './api.js';

const METRICS = JSON.stringify({ 'mAP@0.5': 0.61, inference_time: 41.5 }, null, 2) + '\n';

describe('GitHub stand-in: check runs', () => {
  let gh: GitHubStandIn;

  beforeAll(async () => {
    gh = await startGitHubStandIn({
      tokens: {
        ghs_write: { login: 'github-actions[bot]', type: 'Bot', permission: 'write' },
        ghp_classic: { login: 'mona', type: 'User', permission: 'write' },
      },
      repos: [
        {
          fullName: 'aura/platform',
          refs: { main: SHA_MAIN },
          pulls: [{ number: 12, base: { ref: 'main', sha: SHA_BASE }, head: { ref: 'tune', sha: SHA_HEAD } }],
        },
      ],
    });
  });
  afterAll(() => gh.close());

  it('creates a check run, queued by default, linked to the open pull request of its head', async () => {
    const answer = await call(gh, 'POST', '/repos/aura/platform/check-runs', {
      body: { name: 'metrics-gate', head_sha: SHA_HEAD },
    });
    expect(answer.status).toBe(201);
    expect(answer.json).toMatchObject({
      name: 'metrics-gate',
      head_sha: SHA_HEAD,
      status: 'queued',
      conclusion: null,
      app: { slug: 'github-actions' },
      pull_requests: [{ number: 12, head: { sha: SHA_HEAD } }],
    });
  });

  it('completes a check run when a conclusion is given, and updates it', async () => {
    const created = await call(gh, 'POST', '/repos/aura/platform/check-runs', {
      body: { name: 'gate', head_sha: SHA_MAIN, status: 'in_progress', output: { title: 'Running', summary: 'started' } },
    });
    const id = created.json.id;
    const done = await call(gh, 'PATCH', `/repos/aura/platform/check-runs/${id}`, {
      body: { conclusion: 'failure', output: { summary: 'mAP@0.5 dropped by 0.04' } },
    });
    expect(done.status).toBe(200);
    expect(done.json).toMatchObject({
      status: 'completed',
      conclusion: 'failure',
      output: { title: 'Running', summary: 'mAP@0.5 dropped by 0.04' },
    });
    expect(done.json.completed_at).toMatch(/Z$/);
    const listed = await call(gh, 'GET', '/repos/aura/platform/commits/main/check-runs');
    expect(listed.json.total_count).toBe(1);
    expect(listed.json.check_runs[0].id).toBe(id);
  });

  it('refuses status completed without a conclusion', async () => {
    const answer = await call(gh, 'POST', '/repos/aura/platform/check-runs', {
      body: { name: 'gate', head_sha: SHA_MAIN, status: 'completed' },
    });
    expect(answer.status).toBe(422);
    expect(answer.json.message).toBe('Invalid request.\n\n"conclusion" wasn\'t supplied.');
  });

  it('accepts a 65535-character summary and refuses longer ones, by characters then by bytes', async () => {
    const create = (summary: string) =>
      call(gh, 'POST', '/repos/aura/platform/check-runs', {
        body: { name: 'gate', head_sha: SHA_MAIN, output: { title: 'Metrics', summary } },
      });
    expect((await create('x'.repeat(CHECK_OUTPUT_LIMIT))).status).toBe(201);

    const tooManyCharacters = await create('x'.repeat(CHECK_OUTPUT_LIMIT + 1));
    expect(tooManyCharacters.status).toBe(422);
    expect(tooManyCharacters.json).toEqual({
      message: 'Invalid request.\n\nOnly 65535 characters are allowed; 65536 were supplied.',
      documentation_url: 'https://docs.github.com/rest/checks/runs#create-a-check-run',
      status: '422',
    });

    const tooManyBytes = await create('\u00e9'.repeat(40000)); // 40000 characters, 80000 bytes
    expect(tooManyBytes.status).toBe(422);
    expect(tooManyBytes.json.errors).toEqual([
      { resource: 'CheckRun', code: 'custom', field: 'summary', message: 'summary exceeds a maximum bytesize of 65535' },
    ]);
  });

  it('refuses a personal access token: check runs need a GitHub App', async () => {
    const answer = await call(gh, 'POST', '/repos/aura/platform/check-runs', {
      token: 'ghp_classic',
      body: { name: 'gate', head_sha: SHA_MAIN },
    });
    expect(answer.status).toBe(403);
    expect(answer.json.message).toBe('You must authenticate via a GitHub App.');
  });
});

describe('GitHub stand-in: repository contents', () => {
  let gh: GitHubStandIn;

  beforeAll(async () => {
    gh = await startGitHubStandIn({
      repos: [
        {
          fullName: 'aura/platform',
          refs: { main: SHA_MAIN },
          files: {
            main: { 'metrics/visual_analysis.json': METRICS, 'metrics/outfit.json': '{}\n', 'params.yaml': 'lr: 0.001\n' },
            [SHA_BASE]: { 'metrics/visual_analysis.json': '{"mAP@0.5": 0.65}\n' },
          },
        },
      ],
    });
  });
  afterAll(() => gh.close());

  it('answers a file with base64 content in 60-character lines and its git blob sha', async () => {
    const answer = await call(gh, 'GET', '/repos/aura/platform/contents/metrics/visual_analysis.json?ref=main');
    expect(answer.status).toBe(200);
    expect(answer.json).toMatchObject({
      type: 'file',
      encoding: 'base64',
      name: 'visual_analysis.json',
      path: 'metrics/visual_analysis.json',
      size: Buffer.byteLength(METRICS),
    });
    const lines = (answer.json.content as string).split('\n');
    expect(lines.at(-1)).toBe('');
    expect(lines.slice(0, -2).every((line) => line.length === 60)).toBe(true);
    expect(Buffer.from(answer.json.content, 'base64').toString('utf8')).toBe(METRICS);
    const gitSha = execFileSync('git', ['hash-object', '--stdin'], { input: METRICS }).toString().trim();
    expect(answer.json.sha).toBe(gitSha);
  });

  it('reads the default branch without a ref, a sha as ref, and an octokit-encoded path', async () => {
    const byDefault = await call(gh, 'GET', '/repos/aura/platform/contents/params.yaml');
    expect(Buffer.from(byDefault.json.content, 'base64').toString()).toBe('lr: 0.001\n');
    const atBase = await call(gh, 'GET', `/repos/aura/platform/contents/metrics%2Fvisual_analysis.json?ref=${SHA_BASE}`);
    expect(Buffer.from(atBase.json.content, 'base64').toString()).toBe('{"mAP@0.5": 0.65}\n');
  });

  it('answers the raw file for the raw media type', async () => {
    const answer = await call(gh, 'GET', '/repos/aura/platform/contents/params.yaml', {
      headers: { accept: 'application/vnd.github.raw+json' },
    });
    expect(answer.text).toBe('lr: 0.001\n');
  });

  it('lists a directory', async () => {
    const answer = await call(gh, 'GET', '/repos/aura/platform/contents/metrics');
    expect(answer.json.map((e: { name: string; type: string }) => `${e.type}:${e.name}`)).toEqual([
      'file:outfit.json',
      'file:visual_analysis.json',
    ]);
    const root = await call(gh, 'GET', '/repos/aura/platform/contents');
    expect(root.json.map((e: { name: string; type: string }) => `${e.type}:${e.name}`)).toEqual([
      'dir:metrics',
      'file:params.yaml',
    ]);
  });

  it('answers 404 for a missing file and for an unknown ref', async () => {
    const missing = await call(gh, 'GET', '/repos/aura/platform/contents/metrics/none.json');
    expect(missing.status).toBe(404);
    expect(missing.json).toEqual({
      message: 'Not Found',
      documentation_url: 'https://docs.github.com/rest/repos/contents#get-repository-content',
      status: '404',
    });
    const badRef = await call(gh, 'GET', '/repos/aura/platform/contents/params.yaml?ref=nope');
    expect(badRef.status).toBe(404);
    expect(badRef.json.message).toBe('No commit found for the ref nope');
  });
});

import { startGitHubStandIn, type GitHubStandIn } from '../../../standins/github/index.js';
import { call, SHA_BASE, SHA_HEAD, SHA_MAIN } from './api.js';

const RED = 'c'.repeat(40);

describe('GitHub stand-in: deployments and deployment statuses', () => {
  let gh: GitHubStandIn;

  beforeEach(async () => {
    gh = await startGitHubStandIn({
      repos: [
        {
          fullName: 'aura/platform',
          refs: { main: SHA_MAIN, 'release/1.2': SHA_HEAD, red: RED },
          commitStatuses: {
            [RED]: [
              { context: 'ci/test', state: 'success' },
              { context: 'ci/scan', state: 'failure' },
            ],
          },
        },
      ],
    });
  });
  afterEach(() => gh.close());

  async function deploy(body: Record<string, unknown>): Promise<{ id: number; status: number; json: any }> {
    const answer = await call(gh, 'POST', '/repos/aura/platform/deployments', { body });
    return { id: answer.json?.id, status: answer.status, json: answer.json };
  }

  async function setStatus(id: number, body: Record<string, unknown>) {
    return call(gh, 'POST', `/repos/aura/platform/deployments/${id}/statuses`, { body });
  }

  it('creates a deployment with GitHub\'s defaults and resolves the ref to its sha', async () => {
    const answer = await call(gh, 'POST', '/repos/aura/platform/deployments', { body: { ref: 'main' } });
    expect(answer.status).toBe(201);
    expect(answer.headers.get('location')).toBe(answer.json.url);
    expect(answer.json).toMatchObject({
      ref: 'main',
      sha: SHA_MAIN,
      task: 'deploy',
      environment: 'production',
      original_environment: 'production',
      production_environment: true,
      transient_environment: false,
      payload: {},
      description: '',
      creator: { login: 'github-actions[bot]', type: 'Bot' },
      statuses_url: `${answer.json.url}/statuses`,
      repository_url: `${gh.url}/repos/aura/platform`,
    });
    expect(gh.state.deployments('aura/platform')).toHaveLength(1);
  });

  it('keeps what the client set', async () => {
    const { json } = await deploy({
      ref: 'release/1.2',
      environment: 'staging',
      auto_merge: false,
      required_contexts: [],
      transient_environment: true,
      production_environment: false,
      payload: { image: 'visual-analysis@sha256:abc' },
      description: 'Rollout of visual-analysis',
    });
    expect(json).toMatchObject({
      sha: SHA_HEAD,
      environment: 'staging',
      production_environment: false,
      transient_environment: true,
      payload: { image: 'visual-analysis@sha256:abc' },
      description: 'Rollout of visual-analysis',
    });
  });

  it('refuses a ref that does not exist (422) and a missing ref', async () => {
    const unknown = await deploy({ ref: 'no-such-branch' });
    expect(unknown.status).toBe(422);
    expect(unknown.json).toEqual({
      message: 'No ref found for: no-such-branch',
      documentation_url: 'https://docs.github.com/rest/deployments/deployments#create-a-deployment',
      status: '422',
    });
    const missing = await deploy({ environment: 'staging' });
    expect(missing.status).toBe(422);
    expect(missing.json.message).toBe('Invalid request.\n\n"ref" wasn\'t supplied.');
  });

  it('checks commit statuses as GitHub does: all contexts by default, the listed ones, or none', async () => {
    const conflict = await deploy({ ref: 'red' });
    expect(conflict.status).toBe(409);
    expect(conflict.json.message).toBe('Conflict: Commit status checks failed for red.');
    expect(conflict.json.errors[0]).toMatchObject({ resource: 'Deployment', field: 'required_contexts', code: 'invalid' });
    expect((await deploy({ ref: 'red', required_contexts: ['ci/test'] })).status).toBe(201);
    expect((await deploy({ ref: 'red', required_contexts: ['ci/lint'] })).status).toBe(409);
    expect((await deploy({ ref: 'red', required_contexts: [] })).status).toBe(201);
  });

  it('lists deployments newest first, filtered by environment, ref and sha', async () => {
    const a = await deploy({ ref: 'main', environment: 'staging' });
    const b = await deploy({ ref: 'release/1.2', environment: 'production' });
    const c = await deploy({ ref: 'main', environment: 'staging' });
    const all = await call(gh, 'GET', '/repos/aura/platform/deployments');
    expect(all.json.map((d: { id: number }) => d.id)).toEqual([c.id, b.id, a.id]);
    const staging = await call(gh, 'GET', '/repos/aura/platform/deployments?environment=staging');
    expect(staging.json.map((d: { id: number }) => d.id)).toEqual([c.id, a.id]);
    const byRef = await call(gh, 'GET', '/repos/aura/platform/deployments?ref=release/1.2');
    expect(byRef.json.map((d: { id: number }) => d.id)).toEqual([b.id]);
    const bySha = await call(gh, 'GET', `/repos/aura/platform/deployments?sha=${SHA_MAIN}`);
    expect(bySha.json).toHaveLength(2);
    expect((await call(gh, 'GET', `/repos/aura/platform/deployments/${b.id}`)).json.ref).toBe('release/1.2');
    expect((await call(gh, 'GET', '/repos/aura/platform/deployments/1')).status).toBe(404);
  });

  it('creates statuses with URLs and lists them newest first', async () => {
    const { id } = await deploy({ ref: 'main', environment: 'staging' });
    const progress = await setStatus(id, { state: 'in_progress', log_url: 'https://ci.example/run/1' });
    expect(progress.status).toBe(201);
    expect(progress.json).toMatchObject({
      state: 'in_progress',
      environment: 'staging',
      log_url: 'https://ci.example/run/1',
      target_url: 'https://ci.example/run/1',
      environment_url: '',
      description: '',
      deployment_url: `${gh.url}/repos/aura/platform/deployments/${id}`,
      creator: { login: 'github-actions[bot]' },
    });
    const success = await setStatus(id, {
      state: 'success',
      environment_url: 'https://staging.aura.example',
      description: 'visual-analysis rolled out',
    });
    const list = await call(gh, 'GET', `/repos/aura/platform/deployments/${id}/statuses`);
    expect(list.json.map((s: { state: string }) => s.state)).toEqual(['success', 'in_progress']);
    const one = await call(gh, 'GET', `/repos/aura/platform/deployments/${id}/statuses/${success.json.id}`);
    expect(one.json.environment_url).toBe('https://staging.aura.example');
  });

  it('marks earlier successful deployments of the environment inactive on a new success', async () => {
    const first = await deploy({ ref: 'main', environment: 'production' });
    await setStatus(first.id, { state: 'success' });
    const other = await deploy({ ref: 'main', environment: 'staging' });
    await setStatus(other.id, { state: 'success' });
    const transient = await deploy({ ref: 'main', environment: 'production', transient_environment: true });
    await setStatus(transient.id, { state: 'success', auto_inactive: false });
    const failed = await deploy({ ref: 'main', environment: 'production' });
    await setStatus(failed.id, { state: 'failure' });

    const second = await deploy({ ref: 'release/1.2', environment: 'production' });
    await setStatus(second.id, { state: 'in_progress' });
    expect(gh.state.latestDeploymentState('aura/platform', first.id)).toBe('success');
    await setStatus(second.id, { state: 'success' });

    expect(gh.state.latestDeploymentState('aura/platform', first.id)).toBe('inactive');
    expect(gh.state.latestDeploymentState('aura/platform', other.id)).toBe('success');
    expect(gh.state.latestDeploymentState('aura/platform', transient.id)).toBe('success');
    expect(gh.state.latestDeploymentState('aura/platform', failed.id)).toBe('failure');
    expect(gh.state.latestDeploymentState('aura/platform', second.id)).toBe('success');
  });

  it('leaves earlier deployments active when auto_inactive is false', async () => {
    const first = await deploy({ ref: 'main', environment: 'production' });
    await setStatus(first.id, { state: 'success' });
    const second = await deploy({ ref: 'main', environment: 'production' });
    await setStatus(second.id, { state: 'success', auto_inactive: false });
    expect(gh.state.latestDeploymentState('aura/platform', first.id)).toBe('success');
  });

  it('moves a deployment to the environment a status names', async () => {
    const { id } = await deploy({ ref: 'main', environment: 'qa' });
    await setStatus(id, { state: 'queued', environment: 'staging' });
    const deployment = (await call(gh, 'GET', `/repos/aura/platform/deployments/${id}`)).json;
    expect(deployment).toMatchObject({ environment: 'staging', original_environment: 'qa' });
    const next = await setStatus(id, { state: 'success' });
    expect(next.json.environment).toBe('staging');
  });

  it('validates statuses', async () => {
    const { id } = await deploy({ ref: 'main' });
    expect((await setStatus(id, {})).json.message).toBe('Invalid request.\n\n"state" wasn\'t supplied.');
    const bad = await setStatus(id, { state: 'done' });
    expect(bad.status).toBe(422);
    expect(bad.json.message).toContain("For 'properties/state', \"done\" is not a member of");
    const long = await setStatus(id, { state: 'success', description: 'x'.repeat(141) });
    expect(long.status).toBe(422);
    expect((await setStatus(999, { state: 'success' })).status).toBe(404);
  });

  it('refuses a read-only token with deployments=write', async () => {
    const answer = await call(gh, 'POST', '/repos/aura/platform/deployments', { token: 'ghs_read', body: { ref: 'main' } });
    expect(answer.status).toBe(403);
    expect(answer.headers.get('x-accepted-github-permissions')).toBe('deployments=write');
    expect(gh.state.deployments('aura/platform')).toHaveLength(0);
  });

  it('deletes only inactive deployments unless one is alone in its environment', async () => {
    const first = await deploy({ ref: 'main', environment: 'production' });
    await setStatus(first.id, { state: 'success' });
    const second = await deploy({ ref: 'main', environment: 'production' });
    await setStatus(second.id, { state: 'success' });
    const refused = await call(gh, 'DELETE', `/repos/aura/platform/deployments/${second.id}`);
    expect(refused.status).toBe(422);
    expect((await call(gh, 'DELETE', `/repos/aura/platform/deployments/${first.id}`)).status).toBe(204);
    expect((await call(gh, 'DELETE', `/repos/aura/platform/deployments/${second.id}`)).status).toBe(204);
    expect(gh.state.deployments('aura/platform')).toHaveLength(0);
  });

  it('accepts a commit sha as the ref', async () => {
    const { status, json } = await deploy({ ref: SHA_BASE, environment: 'staging' });
    expect(status).toBe(201);
    expect(json).toMatchObject({ ref: SHA_BASE, sha: SHA_BASE });
  });
});

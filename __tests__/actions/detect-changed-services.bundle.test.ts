import { readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { startGitHubStandIn, type GitHubStandIn } from '../../standins/github/index.js';
import { copyFixture } from '../fixtures-check/monorepo.js';
import { runBundle, type BundleRun } from '../harness/bundle.js';
import { commit, git } from '../harness/git.js';
import { checkout, cleanUp, makeOrigin, openPullRequest, track } from '../changes/repos.js';

/**
 * detect-changed-services as the runner runs it (dist bundle, Node 24, INPUT_* and the event
 * file) on real git copies of the example Aura monorepo.
 */

const ACTION = 'detect-changed-services';

interface Repo {
  dir: string;
  base: string;
}

/** A full clone of the example monorepo with one commit on main. */
function monorepo(): Repo {
  const dir = track(copyFixture('aura-detect-'));
  git(dir, 'init', '-q', '-b', 'main');
  git(dir, 'config', 'commit.gpgsign', 'false');
  git(dir, 'add', '-A');
  git(dir, 'commit', '-qm', 'Aura platform');
  return { dir, base: git(dir, 'rev-parse', 'HEAD') };
}

function edit(dir: string, path: string, change: (text: string) => string): string {
  const text = change(readFileSync(join(dir, path), 'utf8'));
  writeFileSync(join(dir, path), text);
  return text;
}

function pullRequestEvent(number: number, base: string, head: string) {
  return {
    number,
    pull_request: { number, base: { sha: base, ref: 'main' }, head: { sha: head, ref: 'feature' } },
    repository: { default_branch: 'main', full_name: 'aura/platform' },
  };
}

function json<T>(run: BundleRun, output: string): T {
  const text = run.outputs[output];
  if (text === undefined) throw new Error(`no output '${output}'; log:\n${run.stdout}\n${run.stderr}`);
  return JSON.parse(text) as T;
}

function errors(run: BundleRun) {
  return run.annotations.filter((a) => a.level === 'error');
}

afterAll(() => cleanUp());

describe('detect-changed-services on a pull request', () => {
  let run: BundleRun;
  let repo: Repo;
  let head: string;

  beforeAll(async () => {
    repo = monorepo();
    git(repo.dir, 'checkout', '-qb', 'feature');
    edit(repo.dir, 'params.yaml', (t) => t.replace('    epochs: 12', '    epochs: 20'));
    writeFileSync(join(repo.dir, 'libs', 'fashion_taxonomy', 'palette.py'), 'PALETTE = ["navy"]\n');
    head = commit(repo.dir, {}, 'Train longer; add a palette');
    run = await runBundle(ACTION, {
      workspace: repo.dir,
      eventName: 'pull_request',
      event: pullRequestEvent(7, repo.base, head),
    });
  });

  it('succeeds and lists the affected services in catalog order', () => {
    expect(errors(run)).toEqual([]);
    expect(run.exitCode).toBe(0);
    expect(json(run, 'services')).toEqual(['visual-analysis', 'outfit-recommendation', 'conversational-ai']);
    expect(run.outputs['any-changed']).toBe('true');
    expect(run.outputs['changed-files']).toBe('2');
    expect(run.outputs['base']).toBe(repo.base);
    expect(run.outputs['head']).toBe(head);
  });

  it('says why: the params key a training stage reads, and the shared library', () => {
    const reasons = json<Record<string, { dvc?: Record<string, string[]>; groups?: Record<string, string[]> }>>(run, 'reasons');
    expect(Object.keys(reasons['visual-analysis']?.dvc ?? {})).toEqual(['visual_train']);
    expect(reasons['visual-analysis']!.dvc!['visual_train']!.join(' ')).toMatch(/visual\.train\.epochs.*12.*20/);
    expect(reasons['outfit-recommendation']!.groups).toEqual({ 'fashion-taxonomy': ['libs/fashion_taxonomy/palette.py'] });
    expect(reasons['conversational-ai']!.groups).toEqual({ 'fashion-taxonomy': ['libs/fashion_taxonomy/palette.py'] });
  });

  it('outputs a matrix with each service’s catalog entry flattened', () => {
    const matrix = json<{ include: Record<string, unknown>[] }>(run, 'matrix');
    expect(matrix.include[0]).toEqual({
      service: 'visual-analysis',
      directory: 'services/visual_analysis',
      image: 'visual-analysis',
      context: '.',
      dockerfile: 'services/visual_analysis/Dockerfile',
      target: 'production',
      deployment: 'visual-analysis-service',
      container: 'visual-analysis',
      namespace: 'aura',
      stages: ['visual_data_prep', 'visual_train'],
      'metrics-files': ['metrics/visual_analysis.json'],
      coverage: 80,
    });
    expect(matrix.include.map((e) => e.service)).toEqual(['visual-analysis', 'outfit-recommendation', 'conversational-ai']);
  });

  it('writes a job summary table of every service, changed or not, with the reason', () => {
    expect(run.summary).toContain('Changed services: 3 of 3');
    expect(run.summary).toMatch(/\| `visual-analysis` \| ✅ changed \| stage `visual_train`: /);
    expect(run.summary).toMatch(/\| `conversational-ai` \| ✅ changed \| group `fashion-taxonomy`: `libs\/fashion_taxonomy\/palette.py`/);
  });
});

describe('detect-changed-services: DVC awareness', () => {
  it('marks only the service whose stage definition changed in dvc.yaml', async () => {
    const repo = monorepo();
    edit(repo.dir, 'dvc.yaml', (t) => t.replace('cmd: python services/outfit_recommendation/scripts/train.py', 'cmd: python services/outfit_recommendation/scripts/train.py --seed 7'));
    const head = commit(repo.dir, {}, 'Seed the outfit training');
    const run = await runBundle(ACTION, {
      workspace: repo.dir,
      eventName: 'push',
      event: { ref: 'refs/heads/main', before: repo.base, after: head, repository: { default_branch: 'main' } },
      env: { GITHUB_SHA: head },
    });
    expect(run.exitCode).toBe(0);
    expect(json(run, 'services')).toEqual(['outfit-recommendation']);
    expect(json<Record<string, { dvc: Record<string, string[]> }>>(run, 'reasons')['outfit-recommendation']!.dvc).toHaveProperty('outfit_train');
  });

  it('marks nothing for a params key no stage reads, and says so', async () => {
    const repo = monorepo();
    edit(repo.dir, 'params.yaml', (t) => t.replace('name: facebook/detr-resnet-50', 'name: facebook/detr-resnet-101'));
    const head = commit(repo.dir, {}, 'Document the bigger backbone');
    const run = await runBundle(ACTION, {
      workspace: repo.dir,
      eventName: 'push',
      event: { ref: 'refs/heads/main', before: repo.base, after: head, repository: { default_branch: 'main' } },
      env: { GITHUB_SHA: head },
    });
    expect(run.exitCode).toBe(0);
    expect(json(run, 'services')).toEqual([]);
    expect(run.outputs['any-changed']).toBe('false');
    expect(json(run, 'matrix')).toEqual({ include: [] });
    expect(run.summary).toContain('Changed services: 0 of 3');
  });
});

describe('detect-changed-services on other events', () => {
  it('selects the services a workflow_dispatch names', async () => {
    const repo = monorepo();
    const run = await runBundle(ACTION, {
      workspace: repo.dir,
      eventName: 'workflow_dispatch',
      event: { inputs: { test_service: 'visual-analysis' } },
      inputs: { services: 'conversational-ai, visual-analysis' },
    });
    expect(run.exitCode).toBe(0);
    expect(json(run, 'services')).toEqual(['visual-analysis', 'conversational-ai']);
    expect(run.outputs['changed-files']).toBe('0');
  });

  it('selects every service with force-all, whatever the event, without reading history', async () => {
    const repo = monorepo();
    const run = await runBundle(ACTION, {
      workspace: repo.dir,
      eventName: 'push',
      event: { ref: 'refs/heads/main', before: '1'.repeat(40), after: repo.base, repository: { default_branch: 'main' } },
      inputs: { 'force-all': 'true' },
    });
    expect(errors(run)).toEqual([]);
    expect(json(run, 'services')).toEqual(['visual-analysis', 'outfit-recommendation', 'conversational-ai']);
    expect(json<Record<string, { selected: string }>>(run, 'reasons')['visual-analysis']!.selected).toMatch(/force-all/);
  });

  it('selects every service on a schedule', async () => {
    const repo = monorepo();
    const run = await runBundle(ACTION, { workspace: repo.dir, eventName: 'schedule', event: { schedule: '0 3 * * *' } });
    expect(json(run, 'services')).toEqual(['visual-analysis', 'outfit-recommendation', 'conversational-ai']);
  });

  it('compares a pull request in actions/checkout’s depth-1 clone of the merge commit', async () => {
    const origin = makeOrigin();
    git(origin, 'config', 'receive.denyCurrentBranch', 'ignore');
    const repo = monorepo();
    git(repo.dir, 'push', '-q', `file://${origin}`, 'main');
    git(repo.dir, 'checkout', '-qb', 'feature');
    commit(repo.dir, { 'services/visual_analysis/src/visual_analysis/extra.py': 'X = 1\n' }, 'one');
    const head = commit(repo.dir, { 'services/visual_analysis/src/visual_analysis/extra.py': 'X = 2\n' }, 'two');
    git(repo.dir, 'checkout', '-q', 'main');
    const mainTip = commit(repo.dir, { 'services/conversational_ai/src/conversational_ai/later.py': 'Y = 1\n' }, 'main moves on');
    git(repo.dir, 'push', '-q', `file://${origin}`, 'main', 'feature');
    const pr = openPullRequest(origin, 12, 'main', 'feature');
    const workspace = checkout(origin, { ref: 'refs/pull/12/merge' });
    const run = await runBundle(ACTION, {
      workspace,
      eventName: 'pull_request',
      event: pullRequestEvent(12, mainTip, head),
      env: { GITHUB_SHA: pr.merge, GITHUB_REF: 'refs/pull/12/merge' },
    });
    expect(errors(run)).toEqual([]);
    // Only the PR's own change: main's later commit is not part of it.
    expect(json(run, 'services')).toEqual(['visual-analysis']);
    expect(run.outputs['changed-files']).toBe('1');
  });

  it('reads a pull request’s files from the REST API when given a token, without printing it', async () => {
    const repo = monorepo();
    let gh: GitHubStandIn | undefined;
    try {
      gh = await startGitHubStandIn({
        repos: [
          {
            fullName: 'aura/platform',
            pulls: [
              {
                number: 5,
                base: { ref: 'main', sha: repo.base },
                head: { ref: 'feature', sha: repo.base },
                files: [
                  { filename: 'services/outfit_recommendation/src/outfit_recommendation/new_name.py', status: 'renamed', previous_filename: 'services/visual_analysis/src/visual_analysis/old_name.py' },
                ],
              },
            ],
          },
        ],
      });
      const run = await runBundle(ACTION, {
        workspace: repo.dir,
        eventName: 'pull_request',
        event: pullRequestEvent(5, repo.base, repo.base),
        inputs: { token: 'ghs_write' },
        apiUrl: gh.url,
      });
      expect(errors(run)).toEqual([]);
      expect(json(run, 'services')).toEqual(['visual-analysis', 'outfit-recommendation']);
      expect(gh.requestsTo({ method: 'GET', path: '/repos/aura/platform/pulls/5/files' }).length).toBeGreaterThan(0);
      for (const text of [run.visibleLog, run.stderr, run.summary, JSON.stringify(run.outputs)]) expect(text).not.toContain('ghs_write');
    } finally {
      await gh?.close();
    }
  });
});

describe('detect-changed-services on bad input', () => {
  it('annotates a malformed catalog on its file and line, with one error and no stack trace', async () => {
    const repo = monorepo();
    edit(repo.dir, '.github/services.yml', (t) => t.replace('uses: [ml-common]', 'uses: [ml-commons]'));
    const run = await runBundle(ACTION, { workspace: repo.dir, eventName: 'schedule' });
    expect(run.exitCode).toBe(1);
    const [error, ...more] = errors(run);
    expect(more).toEqual([]);
    expect(error!.properties.file).toBe('.github/services.yml');
    expect(Number(error!.properties.line)).toBeGreaterThan(1);
    expect(error!.message).toMatch(/^detect-changed-services: \.github\/services\.yml:\d+:\d+: .*ml-commons/);
    expect(run.outputs).toEqual({});
    expect(`${run.stdout}${run.stderr}`).not.toMatch(/\n\s+at /);
  });

  it('annotates the catalog from the workspace when the repository is in a working-directory', async () => {
    const repo = monorepo();
    edit(repo.dir, '.github/services.yml', (t) => t.replace('uses: [ml-common]', 'uses: [ml-commons]'));
    const run = await runBundle(ACTION, {
      workspace: dirname(repo.dir),
      eventName: 'schedule',
      inputs: { 'working-directory': basename(repo.dir) },
    });
    expect(run.exitCode).toBe(1);
    expect(errors(run)[0]!.properties.file).toBe(`${basename(repo.dir)}/.github/services.yml`);
  });

  it('names a missing catalog and how to fix it', async () => {
    const repo = monorepo();
    const run = await runBundle(ACTION, { workspace: repo.dir, eventName: 'schedule', inputs: { catalog: 'ci/services.yml' } });
    expect(run.exitCode).toBe(1);
    expect(errors(run)).toHaveLength(1);
    expect(errors(run)[0]!.message).toMatch(/ci\/services\.yml/);
  });

  it('rejects an event it does not support, saying what to set', async () => {
    const repo = monorepo();
    const run = await runBundle(ACTION, { workspace: repo.dir, eventName: 'issue_comment', event: { comment: { body: 'hi' } } });
    expect(run.exitCode).toBe(1);
    expect(errors(run)).toHaveLength(1);
    expect(errors(run)[0]!.message).toMatch(/issue_comment.*not supported.*base.*head/);
  });

  it('rejects a base that does not exist, naming it', async () => {
    const repo = monorepo();
    const run = await runBundle(ACTION, { workspace: repo.dir, eventName: 'push', inputs: { base: 'release/9.9', head: 'main' } });
    expect(run.exitCode).toBe(1);
    expect(errors(run)).toHaveLength(1);
    expect(errors(run)[0]!.message).toContain('release/9.9');
  });

  it('says git is missing rather than answering with nothing', async () => {
    const repo = monorepo();
    const run = await runBundle(ACTION, {
      workspace: repo.dir,
      eventName: 'push',
      event: { ref: 'refs/heads/main', before: repo.base, after: repo.base, repository: { default_branch: 'main' } },
      env: { PATH: '/nonexistent' },
    });
    expect(run.exitCode).toBe(1);
    expect(errors(run)).toHaveLength(1);
    expect(errors(run)[0]!.message).toMatch(/'git' was not found/);
  });

  it('rejects services a dispatch names that are not in the catalog, listing the known ones', async () => {
    const repo = monorepo();
    const run = await runBundle(ACTION, { workspace: repo.dir, eventName: 'workflow_dispatch', inputs: { services: 'visual_analysis' } });
    expect(run.exitCode).toBe(1);
    expect(errors(run)[0]!.message).toMatch(/'visual_analysis'.*known services: visual-analysis, outfit-recommendation, conversational-ai/);
  });

  it('rejects a fetch-depth that is not a number of commits', async () => {
    const repo = monorepo();
    const run = await runBundle(ACTION, { workspace: repo.dir, eventName: 'schedule', inputs: { 'fetch-depth': 'deep' } });
    expect(run.exitCode).toBe(1);
    expect(errors(run)[0]!.message).toMatch(/fetch-depth.*'deep'/);
  });
});

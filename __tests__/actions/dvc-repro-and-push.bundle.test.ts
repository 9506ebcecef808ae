import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startActionsCache, type ActionsCacheStandIn } from '../../standins/actions-cache/server.js';
import { monorepoWorkspace } from '../dvc-action/remotes.js';
import { runBundle } from '../harness/bundle.js';
import { removeDir } from '../harness/git.js';
import { toolOrSkip } from '../harness/tools.js';

/**
 * dist/dvc-repro-and-push/index.js run as the runner runs it (Node 24, INPUT_* variables, the
 * output, state and summary files), main step then post step, with real DVC and the Actions
 * cache stand-in (standins/actions-cache, not GitHub's service).
 */

const dvc = toolOrSkip('dvc', 'the dvc-repro-and-push bundle runs real DVC');
const describeWithDvc = dvc ? describe : describe.skip;

describeWithDvc('dist/dvc-repro-and-push (main and post)', () => {
  let cache: ActionsCacheStandIn;
  const dirs: string[] = [];
  beforeAll(async () => {
    cache = await startActionsCache();
  });
  afterAll(async () => {
    await cache.close();
    for (const dir of dirs) removeDir(dir);
  });

  it('reproduces a service, pushes to a directory remote, saves the cache; the post step undoes the local config', async () => {
    const workspace = monorepoWorkspace('aura-dvc-bundle-');
    const storage = mkdtempSync(join(tmpdir(), 'aura-dvc-storage-'));
    dirs.push(workspace, storage);
    const main = await runBundle('dvc-repro-and-push', {
      workspace,
      inputs: { services: '["conversational-ai"]', remote: storage },
      env: { DVC_NO_ANALYTICS: '1', ...cache.env() },
      timeoutMs: 180_000,
    });
    expect(main.annotations.filter((a) => a.level === 'error')).toEqual([]);
    expect(main.exitCode).toBe(0);
    expect(JSON.parse(main.outputs['stages-ran']!)).toEqual(['conversational_data_prep', 'conversational_train']);
    expect(JSON.parse(main.outputs['stages-skipped']!)).toEqual([]);
    expect(JSON.parse(main.outputs['metrics-files']!)).toEqual(['metrics/conversational_ai.json']);
    expect(main.outputs['lock-changed']).toBe('true');
    expect(main.outputs['dvc-version']).toMatch(/^3\./);
    expect(Number(main.outputs.pushed)).toBe(readdirSync(join(storage, 'files', 'md5'), { recursive: true }).filter((n) => String(n).length > 3).length);
    expect(main.summary).toContain('## DVC repro and push: conversational-ai');
    expect(main.summary).toMatch(/\| `conversational_train` \| ran \| [\d.]+ s \| not in dvc\.lock yet \|/);
    expect(main.stdout).toContain('::group::Stage conversational_train (running)');
    expect(cache.entries.filter((e) => e.finalized)).toHaveLength(1);
    expect(readFileSync(join(workspace, '.dvc', 'config.local'), 'utf8')).toContain(`url = ${storage}`);
    expect(main.state['remote-cleanup']).toBeDefined();

    const post = await runBundle('dvc-repro-and-push', { workspace, post: { state: main.state }, env: { DVC_NO_ANALYTICS: '1' } });
    expect(post.exitCode).toBe(0);
    expect(post.stdout).toContain('removed the .dvc/config.local this step wrote');
    expect(existsSync(join(workspace, '.dvc', 'config.local'))).toBe(false);
    // The outputs and the lock stay for the steps that follow.
    expect(existsSync(join(workspace, 'dvc.lock'))).toBe(true);
    expect(existsSync(join(workspace, 'models', 'conversational_ai'))).toBe(true);
  }, 240_000);

  it('does nothing, successfully, when detect-changed-services found no service', async () => {
    const workspace = monorepoWorkspace('aura-dvc-bundle-none-');
    dirs.push(workspace);
    const run = await runBundle('dvc-repro-and-push', { workspace, inputs: { services: '[]' }, env: { DVC_NO_ANALYTICS: '1' } });
    expect(run.exitCode).toBe(0);
    expect(run.outputs['stages-ran']).toBe('[]');
    expect(run.outputs.pushed).toBe('0');
    expect(run.summary).toContain("Nothing to reproduce: the 'services' input (empty).");
    expect(existsSync(join(workspace, 'dvc.lock'))).toBe(false);
  }, 60_000);

  it('fails with one clear error outside a DVC repository, and for an unknown service', async () => {
    const empty = mkdtempSync(join(tmpdir(), 'aura-dvc-bundle-empty-'));
    dirs.push(empty);
    const outside = await runBundle('dvc-repro-and-push', { workspace: empty, env: { DVC_NO_ANALYTICS: '1' } });
    expect(outside.exitCode).toBe(1);
    expect(outside.annotations.filter((a) => a.level === 'error').map((a) => a.message)).toEqual([
      "dvc-repro-and-push: the workspace is not a DVC repository (no .dvc directory): run 'dvc init' and commit .dvc/, or set 'working-directory' to the folder that holds .dvc/",
    ]);

    const workspace = monorepoWorkspace('aura-dvc-bundle-unknown-');
    dirs.push(workspace);
    const unknown = await runBundle('dvc-repro-and-push', { workspace, inputs: { services: 'visual-analysys' }, env: { DVC_NO_ANALYTICS: '1' } });
    expect(unknown.exitCode).toBe(1);
    const errors = unknown.annotations.filter((a) => a.level === 'error');
    expect(errors).toHaveLength(1);
    expect(errors[0]!.message).toMatch(/input 'services': 'visual-analysys' is not a service of the catalog \.github\/services\.yml; did you mean 'visual-analysis'\?/);
    expect(unknown.stderr).not.toMatch(/\n\s+at /);
  }, 60_000);
});

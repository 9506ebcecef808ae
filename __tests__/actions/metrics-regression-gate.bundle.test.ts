import type { GitHubStandIn } from '../../standins/github/index.js';
import { commit, git, makeRepo, removeDir } from '../harness/git.js';
import { FIXTURES } from '../harness/paths.js';
import { cpSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  baseFiles,
  fixture,
  gateComments,
  makePullRequestRepo,
  PR,
  pullRequestEvent,
  push,
  READ_TOKEN,
  REPO,
  regressedHead,
  runGate,
  startStandIn,
  WRITE_TOKEN,
  writes,
  type PullRequestRepo,
} from '../metrics/gate-helpers.js';
import { mermaidBlocks, parseXYChart } from '../harness/mermaid.js';

// The gate run as the runner runs it (dist bundle, Node 24) against the GitHub stand-in, a
// local HTTP server that answers GitHub's REST shapes; it is not GitHub.

const MARKER = '<!-- aura:metrics-regression-gate title="Metrics" -->';

let repo: PullRequestRepo;
let gh: GitHubStandIn;

afterEach(async () => {
  await gh?.close();
  if (repo) removeDir(repo.dir);
});

function expectNoSecret(run: { summary: string; visibleLog: string; outputs: Record<string, string> }, token: string, comments: string[]): void {
  for (const text of [run.summary, run.visibleLog, JSON.stringify(run.outputs), ...comments]) expect(text).not.toContain(token);
}

describe('metrics-regression-gate on a pull request', () => {
  it('posts one comment with the verdict first, fails on the regression, and writes summary and outputs', async () => {
    repo = makePullRequestRepo();
    gh = await startStandIn(repo);
    const run = await runGate(repo, gh);

    expect(run.exitCode).toBe(1);
    const comments = gateComments(gh);
    expect(comments).toHaveLength(1);
    const body = comments[0]!.body;
    expect(body.startsWith(`${MARKER}\n## Metrics\n\n❌ **1 metric regressed**: \`mAP@0.5\` in visual-analysis (-0.031, -4.35%; max drop 0.01).`)).toBe(true);
    expect(body).toContain('### ❌ visual-analysis');
    expect(body).toContain('### ✅ outfit-recommendation');
    // The rouge_l drop is beyond its threshold, but its samples (mean, std, n) do not show it.
    expect(body).toMatch(/\| `rouge_l` \| 0\.412 ± 0\.021 \(n=5\) \| 0\.398 ± 0\.024 \(n=5\) \| .* \| 〰️ within noise \(beyond the threshold, but within noise; p = 0\.\d+\) \|/);
    expect(body).toContain('| `params.yaml` | `visual.lr` | 0.0001 | 0.0002 |');
    expect(body).toContain('[full report in the job summary](https://github.com/aura/platform/actions/runs/4242)');

    expect(run.outputs.verdict).toBe('regressed');
    expect(JSON.parse(run.outputs.regressions!)).toEqual([
      {
        service: 'visual-analysis',
        file: 'metrics/visual_analysis.json',
        metric: 'mAP@0.5',
        old: 0.712,
        new: 0.681,
        delta: expect.closeTo(-0.031, 10),
        threshold: 'max drop 0.01',
        reason: 'regressed',
      },
    ]);
    expect(run.outputs['comment-url']).toBe(comments[0]!.html_url);
    expect(run.outputs.markdown).toBe(body);
    expect(run.summary).toContain('❌ **1 metric regressed**');
    expect(run.summary).not.toContain('aura:metrics-history');
    const errors = run.annotations.filter((a) => a.level === 'error');
    expect(errors[0]).toMatchObject({ properties: { file: 'metrics/visual_analysis.json' } });
    expect(errors.at(-1)!.message).toBe('metrics-regression-gate: 1 failing metric (see the job summary)');
    expectNoSecret(run, WRITE_TOKEN, [body]);
  });

  it('updates the same comment on the next push and shows the trend', async () => {
    repo = makePullRequestRepo();
    gh = await startStandIn(repo);
    await runGate(repo, gh);
    const [first] = gateComments(gh);

    repo = push(repo, { 'metrics/visual_analysis.json': fixture('visual_analysis.improved.json') });
    const run = await runGate(repo, gh);

    expect(run.exitCode).toBe(0);
    expect(run.outputs.verdict).toBe('pass');
    const comments = gateComments(gh);
    expect(comments).toHaveLength(1);
    expect(comments[0]!.id).toBe(first!.id);
    expect(comments[0]!.body).toContain('✅ **No regression**');
    // Two pushes measured: 0.681, then 0.724.
    expect(comments[0]!.body).toMatch(/\| `mAP@0\.5` \| 0\.712 \| 0\.724 \| 🟢 ▲ \+0\.012 \(\+1\.69%\) \| ↑ better, max drop 0\.01 \| ▁█ \| ✅ improved \|/);
    expect(writes(gh).filter((w) => w.startsWith('POST'))).toHaveLength(1);
    expect(writes(gh).filter((w) => w.startsWith('PATCH'))).toHaveLength(1);
    // The comment keeps the sparklines; the charts go to the job summary.
    expect(comments[0]!.body).not.toContain('```mermaid');
    expect(run.summary).toContain('<details><summary>Trend charts</summary>');
  });

  it('draws the trend charts in the job summary when a second push regresses, the regressed metric first', async () => {
    repo = makePullRequestRepo({ ...regressedHead(), 'metrics/visual_analysis.json': fixture('visual_analysis.improved.json') });
    gh = await startStandIn(repo);
    const first = await runGate(repo, gh);
    expect(first.exitCode).toBe(0);
    // One push measured: nothing to draw yet.
    expect(first.summary).not.toContain('Trend charts');
    const firstSha = repo.head.slice(0, 7);

    repo = push(repo, { 'metrics/visual_analysis.json': fixture('visual_analysis.regressed.json') });
    const run = await runGate(repo, gh);

    expect(run.exitCode).toBe(1);
    const summary = run.summary;
    const tables = summary.indexOf('### ❌ visual-analysis');
    const charts = summary.indexOf('<details><summary>Trend charts</summary>');
    expect(tables).toBeGreaterThan(-1);
    expect(charts).toBeGreaterThan(summary.indexOf('| `params.yaml` |'));
    // Seven visual-analysis metrics moved between the pushes; the other services did not.
    const blocks = mermaidBlocks(summary);
    expect(blocks).toHaveLength(6);
    expect(summary).toContain(
      '1 more metric changed over the pushes without a chart: at most 6 charts are drawn, regressed metrics first, then those with a rule.',
    );
    expect(summary).toContain(
      '❌ **visual-analysis** · `mAP@0.5`, regressed: the head at each of 2 pushes, and the base (0.712) as a flat line.',
    );
    const parsed = [];
    for (const block of blocks) parsed.push(await parseXYChart(block));
    expect(parsed[0]).toMatchObject({
      title: 'visual-analysis: mAP@0.5',
      xAxis: { categories: [firstSha, repo.head.slice(0, 7)] },
      lines: [
        { title: 'head', values: [0.724, 0.681] },
        { title: 'base', values: [0.712, 0.712] },
      ],
    });
    // Then the metrics with a rule, then those without; per_class.shoe, back at its base value, is left out.
    expect(parsed.map((chart) => chart.title)).toEqual(
      ['mAP@0.5', 'inference_time', 'f1', 'mAP@0.5:0.95', 'per_class.shirt', 'per_class.dress'].map((m) => `visual-analysis: ${m}`),
    );

    const body = gateComments(gh)[0]!.body;
    expect(body).not.toContain('```mermaid');
    expect(body).toMatch(/\| `mAP@0\.5` \| 0\.712 \| 0\.681 \| .* \| █▁ \| ❌ regressed \|/);
  });

  it('does not write at all when a re-run renders the same comment', async () => {
    repo = makePullRequestRepo();
    gh = await startStandIn(repo);
    await runGate(repo, gh);
    const before = gateComments(gh)[0]!;
    const writesBefore = writes(gh).length;

    const run = await runGate(repo, gh);

    expect(run.exitCode).toBe(1);
    expect(writes(gh)).toHaveLength(writesBefore);
    expect(gateComments(gh)).toEqual([before]);
    expect(run.outputs['comment-url']).toBe(before.html_url);
  });

  it('finds its comment on page 3, ignoring a look-alike marker written by a person', async () => {
    repo = makePullRequestRepo();
    gh = await startStandIn(repo);
    for (let i = 0; i < 120; i++) gh.state.addComment(REPO, PR, `review note ${i}`, { login: `reviewer${i % 3}` });
    gh.state.addComment(REPO, PR, `${MARKER}\nI pasted this by hand`, { login: 'octocat', type: 'User' });
    for (let i = 0; i < 90; i++) gh.state.addComment(REPO, PR, `more discussion ${i}`, { login: 'octocat' });
    const ours = gh.state.addComment(REPO, PR, `${MARKER}\n## Metrics\n\nold report`, { login: 'github-actions[bot]', type: 'Bot' });
    expect(gh.state.comments(REPO, PR).findIndex((c) => c.id === ours.id)).toBeGreaterThanOrEqual(200);

    const run = await runGate(repo, gh);

    expect(run.exitCode).toBe(1);
    const lists = gh.requestsTo({ method: 'GET', path: '/repos/*/*/issues/*/comments' });
    expect(lists.map((r) => r.query.page)).toContain('3');
    expect(writes(gh)).toEqual([`PATCH /repos/${REPO}/issues/comments/${ours.id}`]);
    expect(gh.state.findComment(REPO, ours.id)!.comment.body).toContain('❌ **1 metric regressed**');
    expect(gh.state.comments(REPO, PR).some((c) => c.body === `${MARKER}\nI pasted this by hand`)).toBe(true);
  });

  it('leaves exactly one comment when two runs create at the same moment', async () => {
    repo = makePullRequestRepo();
    gh = await startStandIn(repo);
    const creates = gh.faults.hold({ method: 'POST', path: '/repos/*/*/issues/*/comments' });
    const runs = [runGate(repo, gh), runGate(repo, gh)];
    await creates.waitForHeld(2);
    creates.release();
    const [a, b] = await Promise.all(runs);

    expect(gh.requestsTo({ method: 'POST', path: '/repos/*/*/issues/*/comments' }).filter((r) => r.status === 201)).toHaveLength(2);
    const comments = gateComments(gh);
    expect(comments).toHaveLength(1);
    expect(a!.outputs['comment-url']).toBe(comments[0]!.html_url);
    expect(b!.outputs['comment-url']).toBe(comments[0]!.html_url);
    expect(a!.exitCode).toBe(1);
    expect(b!.exitCode).toBe(1);
  });

  it('with a read-only token (403) writes the summary, gives a notice, and still gates', async () => {
    repo = makePullRequestRepo();
    gh = await startStandIn(repo);
    const run = await runGate(repo, gh, {}, { token: READ_TOKEN });

    expect(run.exitCode).toBe(1);
    expect(run.outputs.verdict).toBe('regressed');
    expect(gateComments(gh)).toHaveLength(0);
    const notices = run.annotations.filter((a) => a.level === 'notice');
    expect(notices).toHaveLength(1);
    expect(notices[0]!.message).toMatch(/^metrics-regression-gate: no comment: writing the pull request comment failed with HTTP 403/);
    expect(run.summary).toMatch(/^> \[!NOTE\]\n> No pull-request comment: writing the pull request comment failed with HTTP 403/);
    expect(run.summary).toContain('❌ **1 metric regressed**');
    expect(run.outputs['comment-url']).toBe('');
    expectNoSecret(run, READ_TOKEN, []);
  });

  it("does not try to comment on a fork's pull request and passes when nothing regressed", async () => {
    repo = makePullRequestRepo({ 'metrics/visual_analysis.json': fixture('visual_analysis.improved.json') });
    gh = await startStandIn(repo);
    const event = { ...repo.event, pull_request: { ...(repo.event.pull_request as object), head: { ref: 'x', sha: repo.head, repo: { full_name: 'someone/platform' } } } };
    const run = await runGate(repo, gh, {}, { event });

    expect(run.exitCode).toBe(0);
    expect(gh.requests).toHaveLength(0);
    expect(run.annotations.filter((a) => a.level === 'notice')[0]!.message).toMatch(/comes from a fork/);
    expect(run.summary).toContain('✅ **No regression**');
  });

  it('cuts a body over 65,536 characters so GitHub accepts it (no 422), linking to the full summary', async () => {
    const many: Record<string, number> = {};
    const manyHead: Record<string, number> = {};
    for (let i = 0; i < 4000; i++) {
      many[`per_class_ap.category_${String(i).padStart(4, '0')}`] = 0.5;
      manyHead[`per_class_ap.category_${String(i).padStart(4, '0')}`] = i % 2 === 0 ? 0.51 : 0.49;
    }
    repo = makePullRequestRepo({ 'metrics/visual_analysis.json': JSON.stringify({ ...JSON.parse(fixture('visual_analysis.regressed.json')), ...manyHead }) }, {
      ...baseFiles(),
      'metrics/visual_analysis.json': JSON.stringify({ ...JSON.parse(fixture('visual_analysis.base.json')), ...many }),
    });
    gh = await startStandIn(repo);
    const run = await runGate(repo, gh);

    expect(run.exitCode).toBe(1);
    expect(gh.requests.filter((r) => r.status === 422)).toHaveLength(0);
    const [comment] = gateComments(gh);
    expect([...comment!.body].length).toBeLessThanOrEqual(65_536);
    expect(comment!.body).toMatch(/This comment is cut to GitHub's size limit: \d+ rows are not shown\. The full report is in \[the job summary\]\(https:\/\/github\.com\/aura\/platform\/actions\/runs\/4242\)/);
    expect(comment!.body.split('\n')[3]).toMatch(/^❌ \*\*1 metric regressed\*\*/);
    expect(run.summary).toContain('category_3999');
    expect(run.summary.length).toBeGreaterThan(65_536);
  });

  it('retries 5xx and secondary rate limits without leaving a duplicate comment', async () => {
    repo = makePullRequestRepo();
    gh = await startStandIn(repo);
    gh.faults.serverError({ method: 'GET', path: '/repos/*/*/issues/*/comments' }, { status: 503 });
    // GitHub stores the comment, then the answer is lost in a 502: the client's retry creates a second one.
    gh.faults.serverError({ method: 'POST', path: '/repos/*/*/issues/*/comments' }, { status: 502, phase: 'after' });
    gh.faults.secondaryRateLimit({ method: 'DELETE' }, { retryAfter: 1 });
    const run = await runGate(repo, gh);

    expect(run.exitCode).toBe(1);
    expect(gh.requests.filter((r) => r.status === 503 || r.status === 502)).toHaveLength(2);
    expect(gh.requestsTo({ method: 'POST', path: '/repos/*/*/issues/*/comments' }).filter((r) => r.status === 201)).toHaveLength(1);
    const comments = gateComments(gh);
    expect(comments).toHaveLength(1);
    expect(run.outputs['comment-url']).toBe(comments[0]!.html_url);
    expect(run.annotations.filter((a) => a.level === 'warning').map((a) => a.message).join('\n')).toMatch(/secondary rate limit/);
  });

  it('keeps two gates with different titles in two comments', async () => {
    repo = makePullRequestRepo();
    gh = await startStandIn(repo);
    await runGate(repo, gh);
    await runGate(repo, gh, { title: 'Metrics (nightly eval)', services: '["conversational-ai"]' });
    const comments = gateComments(gh);
    expect(comments).toHaveLength(2);
    expect(comments[1]!.body.startsWith('<!-- aura:metrics-regression-gate title="Metrics%20(nightly%20eval)" -->\n## Metrics (nightly eval)')).toBe(true);
  });
});

describe('metrics-regression-gate without a pull request comment', () => {
  it('gives no-baseline when the base has none of the metrics, and passes', async () => {
    repo = makePullRequestRepo(regressedHead(), { '.github/services.yml': fixture('services.yml'), 'README.md': 'x' });
    gh = await startStandIn(repo);
    const run = await runGate(repo, gh, { comment: 'off' });
    expect(run.exitCode).toBe(0);
    expect(run.outputs.verdict).toBe('no-baseline');
    expect(run.outputs.regressions).toBe('[]');
    expect(run.outputs.markdown).toContain('⚪ **No baseline**');
    expect(gh.requests).toHaveLength(0);
  });

  it('fails on a metric removed at the head unless fail-on-missing is false, and reports only with fail-on: never', async () => {
    const head = { ...regressedHead(), 'metrics/visual_analysis.json': fixture('visual_analysis.improved.json').replace('"mAP@0.5:0.95": 0.471,', '') };
    repo = makePullRequestRepo(head);
    gh = await startStandIn(repo);
    const strict = await runGate(repo, gh, { comment: 'off' });
    expect(strict.exitCode).toBe(1);
    expect(JSON.parse(strict.outputs.regressions!)).toEqual([expect.objectContaining({ metric: 'mAP@0.5:0.95', reason: 'removed', new: null })]);
    const lenient = await runGate(repo, gh, { comment: 'off', 'fail-on-missing': 'false' });
    expect(lenient.exitCode).toBe(0);
    expect(lenient.outputs.verdict).toBe('pass');

    const reportOnly = await runGate(repo, gh, { comment: 'off', 'fail-on': 'never' });
    expect(reportOnly.exitCode).toBe(0);
    expect(reportOnly.outputs.verdict).toBe('regressed');
  });

  it('compares files without a catalog, with rules from the input and a glob', async () => {
    repo = makePullRequestRepo({ 'eval/visual.json': fixture('visual_analysis.regressed.json'), 'eval/extra.yaml': 'x: 1\n' }, {
      'eval/visual.json': fixture('visual_analysis.base.json'),
    });
    gh = await startStandIn(repo);
    const run = await runGate(repo, gh, {
      comment: 'off',
      files: 'eval/*.json\neval/*.yaml',
      rules: '"mAP@0.5:0.95": {better: higher, max_drop: "5%"}\ninference_time: {better: lower, max_rise: 1}',
      params: '',
    });
    expect(run.exitCode).toBe(0);
    expect(run.outputs.verdict).toBe('pass');
    expect(run.outputs.markdown).toContain('### ✅ eval/visual.json');
    expect(run.outputs.markdown).toContain('### ⚪ eval/extra.yaml');
  });

  it('rejects a bad rules input with one clear error and nothing done', async () => {
    repo = makePullRequestRepo();
    gh = await startStandIn(repo);
    const run = await runGate(repo, gh, { rules: 'acc: {better: up}' });
    expect(run.exitCode).toBe(1);
    const errors = run.annotations.filter((a) => a.level === 'error');
    expect(errors.map((e) => e.message)).toEqual([`metrics-regression-gate: input 'rules': rule "acc".better must be 'higher' or 'lower', got "up"`]);
    expect(gh.requests).toHaveLength(0);
    expect(run.summary).toBe('');
  });

  it('names an unknown service and suggests the right one', async () => {
    repo = makePullRequestRepo();
    gh = await startStandIn(repo);
    const run = await runGate(repo, gh, { services: 'visual-analysys', comment: 'off' });
    expect(run.exitCode).toBe(1);
    expect(run.annotations.filter((a) => a.level === 'error')[0]!.message).toMatch(/visual-analysys.*did you mean 'visual-analysis'/);
  });

  it('compares nothing for an empty services list and passes', async () => {
    repo = makePullRequestRepo();
    gh = await startStandIn(repo);
    const run = await runGate(repo, gh, { services: '[]', comment: 'off' });
    expect(run.exitCode).toBe(0);
    expect(run.outputs.verdict).toBe('pass');
    expect(run.outputs.markdown).toContain('Nothing to compare');
  });
});

describe('metrics-regression-gate comment modes and events', () => {
  it('with comment: on-change, creates no comment when nothing moved, and one when something did', async () => {
    const unchanged = { 'README.md': 'docs only' };
    repo = makePullRequestRepo(unchanged);
    gh = await startStandIn(repo);
    const quiet = await runGate(repo, gh, { comment: 'on-change', params: '' });
    expect(quiet.exitCode).toBe(0);
    expect(gateComments(gh)).toHaveLength(0);
    expect(writes(gh)).toHaveLength(0);
    expect(quiet.outputs['comment-url']).toBe('');

    repo = push(repo, regressedHead());
    const loud = await runGate(repo, gh, { comment: 'on-change' });
    expect(loud.exitCode).toBe(1);
    expect(gateComments(gh)).toHaveLength(1);
  });

  it('on a push compares with the commit before it and comments nowhere', async () => {
    repo = makePullRequestRepo();
    gh = await startStandIn(repo);
    const run = await runGate(repo, gh, {}, { eventName: 'push', event: { before: repo.base, after: repo.head, ref: 'refs/heads/main' } });
    expect(run.exitCode).toBe(1);
    expect(run.outputs.verdict).toBe('regressed');
    expect(run.outputs.markdown).toContain('compared with base `' + repo.base.slice(0, 7) + '` (the commit before the push)');
    expect(gh.requests).toHaveLength(0);
  });

  it('fetches the base commit a shallow checkout lacks, and names a baseline that cannot be found', async () => {
    const origin = makePullRequestRepo();
    repo = origin;
    gh = await startStandIn(origin);
    const clone = join(mkdtempSync(join(tmpdir(), 'aura-shallow-')), 'checkout');
    git(tmpdir(), 'clone', '-q', '--depth=1', `file://${origin.dir}`, clone);
    expect(() => git(clone, 'cat-file', '-e', `${origin.base}^{commit}`)).toThrow();
    const shallow = { ...origin, dir: clone };
    try {
      const run = await runGate(shallow, gh, { comment: 'off' });
      expect(run.exitCode).toBe(1);
      expect(run.outputs.verdict).toBe('regressed');
      expect(run.visibleLog).toContain(`the base of pull request #12 ${origin.base} is not in the checkout; fetching it from origin`);

      const missing = await runGate(shallow, gh, { comment: 'off', baseline: 'release/does-not-exist' });
      expect(missing.exitCode).toBe(1);
      const errors = missing.annotations.filter((a) => a.level === 'error');
      expect(errors).toHaveLength(1);
      expect(errors[0]!.message).toMatch(
        /^metrics-regression-gate: the 'baseline' input 'release\/does-not-exist' is not in the checkout and could not be fetched from origin.*fetch-depth: 0/,
      );
    } finally {
      removeDir(join(clone, '..'));
    }
  });

  it('fetches a missing base into a full clone without making the clone shallow', async () => {
    const origin = makePullRequestRepo();
    repo = origin;
    git(origin.dir, 'config', 'uploadpack.allowAnySHA1InWant', 'true');
    git(origin.dir, 'checkout', '-q', '-b', 'release', origin.base);
    const release = commit(origin.dir, { 'notes.txt': 'a release-only commit\n' }, 'release');
    git(origin.dir, 'checkout', '-q', '-');
    gh = await startStandIn(origin);
    const clone = join(mkdtempSync(join(tmpdir(), 'aura-full-')), 'checkout');
    git(tmpdir(), 'clone', '-q', '--single-branch', '--branch', git(origin.dir, 'rev-parse', '--abbrev-ref', 'HEAD'), `file://${origin.dir}`, clone);
    expect(() => git(clone, 'cat-file', '-e', `${release}^{commit}`)).toThrow();
    try {
      const run = await runGate({ ...origin, dir: clone }, gh, { comment: 'off', baseline: release });
      expect(run.outputs.verdict).toBe('regressed');
      expect(git(clone, 'rev-parse', '--is-shallow-repository')).toBe('false');
    } finally {
      removeDir(join(clone, '..'));
    }
  });

  it('compares with a baseline branch given as input', async () => {
    repo = makePullRequestRepo();
    git(repo.dir, 'branch', 'release', repo.base);
    commit(repo.dir, {}, 'empty');
    gh = await startStandIn(repo);
    const run = await runGate(repo, gh, { comment: 'off', baseline: 'release' });
    expect(run.outputs.markdown).toContain("(the 'baseline' input)");
    expect(run.outputs.verdict).toBe('regressed');
  });
});

describe('metrics-regression-gate on the example Aura monorepo', () => {
  it('gates visual-analysis on its catalog rules and points at rules that name no metric', async () => {
    const dir = makeRepo('aura-monorepo-gate-');
    cpSync(join(FIXTURES, 'aura-monorepo'), dir, { recursive: true });
    const base = commit(dir, {}, 'base');
    const metrics = JSON.parse(readFileSync(join(dir, 'metrics/visual_analysis.json'), 'utf8')) as Record<string, number>;
    const head = commit(dir, { 'metrics/visual_analysis.json': JSON.stringify({ ...metrics, 'mAP@0.5': metrics['mAP@0.5']! - 0.0205, inference_time: metrics.inference_time! * 1.037 }) }, 'retrain');
    repo = { dir, base, head, event: pullRequestEvent(base, head) };
    gh = await startStandIn(repo);

    const run = await runGate(repo, gh, { services: '["visual-analysis", "conversational-ai"]' });

    expect(run.exitCode).toBe(1);
    expect(JSON.parse(run.outputs.regressions!)).toEqual([expect.objectContaining({ service: 'visual-analysis', metric: 'mAP@0.5', reason: 'regressed' })]);
    const [comment] = gateComments(gh);
    expect(comment!.body).toMatch(/\| `inference_time` \| 69\.44 \| 72\.009 \| 🔴 ▲ \+2\.5693 \(\+3\.70%\) \| ↓ better, max rise 10% \| 🟡 worse, within threshold \|/);
    // A rule that names no metric of the file is a warning on the catalog line that wrote it.
    for (const warning of run.annotations.filter((a) => a.level === 'warning' && /matches no metric/.test(a.message))) {
      expect(warning.properties.file).toBe('.github/services.yml');
      expect(Number(warning.properties.line)).toBeGreaterThan(0);
    }
  });
});

import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { REPO_ROOT, VENV_BIN } from '../harness/paths.js';
import { toolOrSkip } from '../harness/tools.js';
import { workflowFiles } from './workflows.js';

// actionlint and zizmor run for real over the reusable workflows, this repository's workflows and
// the starter templates, with the configuration CI uses: zero findings is the bar. Each is also
// run on a workflow with known mistakes, so a silent or misconfigured linter cannot pass.

const actionlint = toolOrSkip('actionlint', 'checks the workflows; scripts/requirements/workflow-tools.txt');
const zizmor = toolOrSkip('zizmor', 'audits the workflows; scripts/requirements/workflow-tools.txt');

// ShellCheck and pyflakes from the venv check the run: scripts through actionlint.
const env = { ...process.env, PATH: `${VENV_BIN}:${process.env.PATH ?? ''}` };

interface ActionlintError {
  message: string;
  filepath: string;
  line: number;
  kind: string;
}

function runActionlint(cwd: string, files: string[]): ActionlintError[] {
  const result = spawnSync(actionlint!, ['-format', '{{json .}}', ...files], { cwd, env, encoding: 'utf8' });
  if (result.status !== 0 && result.status !== 1) {
    throw new Error(`actionlint failed to run (exit ${result.status}): ${result.stderr}`);
  }
  return JSON.parse(result.stdout || '[]') as ActionlintError[];
}

interface ZizmorFinding {
  ident: string;
  determinations: { severity: string; confidence: string };
  locations: { symbolic: { key: { Local?: { given_path: string } } }; concrete: { location: { start_point: { row: number } } } }[];
}

function runZizmor(cwd: string, inputs: string[], config?: string): ZizmorFinding[] {
  const args = ['--offline', '--no-progress', '--format', 'json', ...(config ? ['--config', config] : ['--no-config']), ...inputs];
  const result = spawnSync(zizmor!, args, { cwd, env, encoding: 'utf8' });
  // zizmor exits non-zero when it finds something; only a run without JSON output is a failure.
  if (!result.stdout.trim().startsWith('[')) throw new Error(`zizmor failed to run (exit ${result.status}): ${result.stderr}`);
  return JSON.parse(result.stdout) as ZizmorFinding[];
}

function describeFinding(finding: ZizmorFinding): string {
  const location = finding.locations[0];
  const file = location?.symbolic.key.Local?.given_path ?? '?';
  const row = (location?.concrete.location.start_point.row ?? -1) + 1;
  return `${file}:${row} ${finding.ident} (${finding.determinations.severity}, ${finding.determinations.confidence})`;
}

const files = workflowFiles();

(actionlint ? describe : describe.skip)('actionlint', () => {
  it('checks every workflow and template', () => {
    expect(files).toEqual(expect.arrayContaining(['.github/workflows/ml-pipeline.yml', 'action-templates/aura-ml.yml']));
  });

  it('finds nothing in the workflows and templates', () => {
    const errors = runActionlint(REPO_ROOT, files);
    expect(errors.map((e) => `${e.filepath}:${e.line} [${e.kind}] ${e.message}`)).toEqual([]);
  });

  it('reports script injection, an unknown input and a shell mistake in a broken workflow', () => {
    const dir = mkdtempSync(join(tmpdir(), 'aura-actionlint-'));
    mkdirSync(join(dir, '.github', 'workflows'), { recursive: true });
    writeFileSync(
      join(dir, '.github', 'workflows', 'broken.yml'),
      [
        'on: pull_request',
        'jobs:',
        '  a:',
        '    runs-on: ubuntu-latest',
        '    steps:',
        // actionlint knows the inputs of popular actions by their version tags.
        '      - uses: actions/checkout@v4',
        '        with:',
        '          fetch_depth: 0',
        '      - run: echo "${{ github.event.pull_request.title }}"',
        '      - run: cd $HOME/x; ls',
        '',
      ].join('\n'),
    );
    const kinds = runActionlint(dir, ['.github/workflows/broken.yml']).map((e) => e.kind);
    expect(kinds).toEqual(expect.arrayContaining(['expression', 'action', 'shellcheck']));
  });
});

(zizmor ? describe : describe.skip)('zizmor', () => {
  it('finds nothing in the workflows and templates with the repository configuration', () => {
    const findings = runZizmor(REPO_ROOT, files, '.github/zizmor.yml');
    expect(findings.map(describeFinding)).toEqual([]);
  });

  it('audits the templates too: without the configuration, their workflow_run trigger and @v1 calls are reported', () => {
    const idents = new Set(runZizmor(REPO_ROOT, ['action-templates/aura-deploy.yml']).map((f) => f.ident));
    expect(idents).toEqual(new Set(['dangerous-triggers', 'unpinned-uses']));
  });

  it('reports template injection, an unpinned action and a persisted token in a broken workflow, even with the configuration', () => {
    const dir = mkdtempSync(join(tmpdir(), 'aura-zizmor-'));
    const file = join(dir, '.github', 'workflows', 'broken.yml');
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(
      file,
      [
        'on: pull_request',
        'permissions: {}',
        'jobs:',
        '  a:',
        '    runs-on: ubuntu-latest',
        '    permissions:',
        '      contents: read',
        '    steps:',
        '      - uses: actions/checkout@v7',
        '      - uses: some-owner/some-action@v1',
        '      - run: echo "${{ github.event.pull_request.title }}"',
        '',
      ].join('\n'),
    );
    const idents = new Set(runZizmor(dir, ['.github/workflows/broken.yml'], join(REPO_ROOT, '.github', 'zizmor.yml')).map((f) => f.ident));
    expect([...idents]).toEqual(expect.arrayContaining(['template-injection', 'unpinned-uses', 'artipacked']));
  });
});

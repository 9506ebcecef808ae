import { loadWorkflow, parseWorkflowText, sourceLine, suitePath, usesSites, workflowFiles, type WorkflowFile } from './workflows.js';

// Every third-party action is pinned to a full commit SHA, with the release it is in a comment
// (`uses: owner/repo@<40 hex> # v1.2.3`), and one action is pinned to one commit everywhere.
// The suite's own actions and workflows are referenced as `$/<name>` (the same commit as the
// calling workflow), `./<name>` (this repository's CI) or `aura/actions/...@v1` (templates).

const PINNED = /^([\w.-]+\/[\w.-]+)(\/[^@]*)?@([0-9a-f]{40})\s*$/;
const VERSION_COMMENT = /#\s*(v\d+(?:\.\d+){0,2}(?:-[\w.]+)?)\s*$/;

interface Pin {
  file: string;
  line: number;
  action: string;
  sha: string;
  version: string;
}

function pinProblems(workflow: WorkflowFile): { problems: string[]; pins: Pin[] } {
  const problems: string[] = [];
  const pins: Pin[] = [];
  for (const site of usesSites(workflow)) {
    const where = `${workflow.file}:${site.line}`;
    if (suitePath(site.uses) !== undefined) {
      if (site.uses.startsWith('aura/') && !/@v\d+$/.test(site.uses)) problems.push(`${where} ${site.uses}: the suite is referenced by its major tag`);
      continue;
    }
    if (site.uses.startsWith('docker://')) {
      if (!/@sha256:[0-9a-f]{64}$/.test(site.uses)) problems.push(`${where} ${site.uses}: pin the image by digest`);
      continue;
    }
    const match = PINNED.exec(site.uses);
    const comment = VERSION_COMMENT.exec(sourceLine(workflow, site.line));
    if (!match) {
      problems.push(`${where} ${site.uses}: pin to a full 40-character commit SHA`);
    } else if (!comment) {
      problems.push(`${where} ${site.uses}: add the release as a comment (# vX.Y.Z)`);
    } else {
      pins.push({ file: workflow.file, line: site.line, action: match[1]! + (match[2] ?? ''), sha: match[3]!, version: comment[1]! });
    }
  }
  return { problems, pins };
}

describe('pinning', () => {
  const all = workflowFiles().map((file) => pinProblems(loadWorkflow(file)));

  it.each(workflowFiles())('%s pins every third-party action by SHA with its version', (file) => {
    expect(pinProblems(loadWorkflow(file)).problems).toEqual([]);
  });

  it('pins one action to one commit and one version everywhere', () => {
    const byAction = new Map<string, Set<string>>();
    for (const pin of all.flatMap((r) => r.pins)) {
      const repository = pin.action.split('/').slice(0, 2).join('/');
      byAction.set(repository, (byAction.get(repository) ?? new Set()).add(`${pin.sha} ${pin.version}`));
    }
    const inconsistent = [...byAction].filter(([, pins]) => pins.size > 1).map(([action, pins]) => `${action}: ${[...pins].join(' | ')}`);
    expect(inconsistent).toEqual([]);
    expect(byAction.size).toBeGreaterThanOrEqual(6);
  });

  it('reports a tag, a short SHA and a SHA without its version', () => {
    const workflow = parseWorkflowText(
      'x.yml',
      [
        'on: push',
        'jobs:',
        '  a:',
        '    runs-on: x',
        '    steps:',
        '      - uses: actions/checkout@v7',
        '      - uses: actions/setup-python@5fda3b9',
        '      - uses: actions/upload-artifact@bbbca2ddaa5d8feaa63e36b76fdaad77386f024f',
        '      - uses: actions/download-artifact@3e5f45b2cfb9172054b4087a40e8e0b5a5461e7c # v8.0.1',
        '      - uses: aura/actions/detect-changed-services@main',
        '',
      ].join('\n'),
    );
    expect(pinProblems(workflow).problems).toEqual([
      'x.yml:6 actions/checkout@v7: pin to a full 40-character commit SHA',
      'x.yml:7 actions/setup-python@5fda3b9: pin to a full 40-character commit SHA',
      'x.yml:8 actions/upload-artifact@bbbca2ddaa5d8feaa63e36b76fdaad77386f024f: add the release as a comment (# vX.Y.Z)',
      'x.yml:10 aura/actions/detect-changed-services@main: the suite is referenced by its major tag',
    ]);
  });
});

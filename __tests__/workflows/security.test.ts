import { loadWorkflow, parseWorkflowText, triggers, workflowFiles } from './workflows.js';
import { permissionProblems, persistedCredentials, privilegedCheckouts, runInjections, untrustedInScript } from './security.js';

// The security model of the workflows, checked on every workflow and template: no untrusted
// value is interpolated into a shell script, no privileged trigger checks out untrusted code,
// every job holds the least permissions its steps need, and no checkout leaves the token behind.

const files = workflowFiles();

describe('the security model of the workflows', () => {
  it.each(files)('%s interpolates no untrusted value into a run: script', (file) => {
    expect(runInjections(loadWorkflow(file))).toEqual([]);
  });

  it.each(files)('%s grants each job exactly the permissions it needs', (file) => {
    expect(permissionProblems(loadWorkflow(file))).toEqual([]);
  });

  it.each(files)('%s keeps no token in .git/config after checkout', (file) => {
    expect(persistedCredentials(loadWorkflow(file))).toEqual([]);
  });

  it.each(files)('%s checks out no pull request code in a privileged trigger', (file) => {
    const workflow = loadWorkflow(file);
    expect(Object.keys(triggers(workflow))).not.toContain('pull_request_target');
    expect(privilegedCheckouts(workflow)).toEqual([]);
  });
});

describe('the checkers', () => {
  it('find untrusted values in a script, and let GitHub-set ones through', () => {
    expect(
      untrustedInScript(
        'echo "${{ github.event.pull_request.title }}" ${{ inputs.x }} ${{ matrix.service }} ' +
          "${{ steps.a.outputs.b || 'x' }} ${{ github.head_ref }} ${{ env.Y }} ${{ runner.temp }} ${{ github.sha }}",
      ),
    ).toEqual(['github.event.pull_request.title', 'inputs.x', 'matrix.service', 'steps.a.outputs.b', 'github.head_ref', 'env.Y']);
  });

  it('find a pull request head checked out in pull_request_target and a workflow_run head', () => {
    const prTarget = parseWorkflowText(
      'pr.yml',
      'on: pull_request_target\njobs:\n  a:\n    runs-on: x\n    steps:\n      - uses: actions/checkout@v7\n        with:\n          ref: ${{ github.event.pull_request.head.sha }}\n',
    );
    const workflowRun = parseWorkflowText(
      'wr.yml',
      'on:\n  workflow_run:\n    workflows: [b]\njobs:\n  a:\n    runs-on: x\n    steps:\n      - uses: actions/checkout@v7\n        with:\n          ref: ${{ github.event.workflow_run.head_sha }}\n',
    );
    expect(privilegedCheckouts(prTarget)).toEqual([expect.stringMatching(/^pr\.yml:6 a checks out untrusted code/)]);
    expect(privilegedCheckouts(workflowRun)).toEqual([expect.stringMatching(/^wr\.yml:8 a checks out untrusted code/)]);
  });

  it('find default token permissions, a job without permissions, a write it does not need and a caller granting too little', () => {
    const workflow = parseWorkflowText(
      'p.yml',
      [
        'on: push',
        'jobs:',
        '  a:',
        '    runs-on: x',
        '    steps:',
        '      - run: true',
        '  b:',
        '    runs-on: x',
        '    permissions:',
        '      contents: read',
        '      pull-requests: write',
        '    steps:',
        '      - uses: actions/checkout@v7',
        '        with:',
        '          persist-credentials: true',
        '  c:',
        '    permissions:',
        '      contents: read',
        '    uses: aura/actions/.github/workflows/ml-pipeline.yml@v1',
        '',
      ].join('\n'),
    );
    expect(permissionProblems(workflow)).toEqual([
      expect.stringMatching(/p\.yml: the workflow's permissions must be \{\}/),
      expect.stringMatching(/p\.yml:3 job a has no permissions:/),
      expect.stringMatching(/p\.yml:7 job b grants .*pull-requests.*, its steps need \{"contents":"read"\}/),
      expect.stringMatching(/p\.yml:16 job c grants \{"contents":"read"\}, its steps need .*id-token.*pull-requests/),
    ]);
    expect(persistedCredentials(workflow)).toEqual([expect.stringMatching(/p\.yml:13 b: set persist-credentials: false/)]);
  });
});

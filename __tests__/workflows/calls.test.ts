import { checkCalls, suiteInterface } from './calls.js';
import { loadWorkflow, parseWorkflowText, REUSABLE_WORKFLOWS, TEMPLATES, usesSites, workflowFiles } from './workflows.js';

// The templates call the reusable workflows, and the workflows call the actions, exactly as
// these declare themselves: every reference resolves in this repository, every input given is
// declared (with the right type), every required input and secret is given, and every output
// read exists. The actions' interfaces are read from their action.yml at test time.

describe('calls between the templates, the reusable workflows and the actions', () => {
  it.each(workflowFiles())('%s calls only what exists, as it is declared', (file) => {
    expect(checkCalls(loadWorkflow(file))).toEqual([]);
  });

  it('each template calls its reusable workflow, by the name consumers write', () => {
    const calls = Object.fromEntries(
      TEMPLATES.map((name) => [name, usesSites(loadWorkflow(`action-templates/${name}`)).map((s) => s.uses).filter((u) => u.startsWith('aura/'))]),
    );
    expect(calls).toEqual({
      'aura-ci.yml': ['aura/actions/.github/workflows/code-quality-test.yml@v1'],
      'aura-build.yml': ['aura/actions/.github/workflows/build-and-push.yml@v1'],
      'aura-deploy.yml': ['aura/actions/.github/workflows/deploy-to-gke.yml@v1'],
      'aura-ml.yml': ['aura/actions/.github/workflows/ml-pipeline.yml@v1'],
    });
  });

  it('the reusable workflows call the actions of their own commit ($/<action>), never a floating tag', () => {
    for (const name of REUSABLE_WORKFLOWS) {
      const own = usesSites(loadWorkflow(`.github/workflows/${name}`))
        .map((s) => s.uses)
        .filter((u) => !/^[\w.-]+\/[\w.-]+(\/[^@]*)?@[0-9a-f]{40}$/.test(u));
      expect(own.length).toBeGreaterThan(0);
      for (const uses of own) expect(uses).toMatch(/^\$\/[a-z-]+$/);
    }
  });

  it('the ml pipeline chains detect-changed-services, dvc-repro-and-push and metrics-regression-gate', () => {
    const uses = usesSites(loadWorkflow('.github/workflows/ml-pipeline.yml')).map((s) => `${s.job.id}:${s.uses}`);
    expect(uses).toEqual(
      expect.arrayContaining(['changes:$/detect-changed-services', 'pipeline:$/dvc-repro-and-push', 'gate:$/metrics-regression-gate']),
    );
  });
});

describe('the call checker', () => {
  const caller = (body: string) => parseWorkflowText('caller.yml', `on: push\njobs:\n${body}`);

  it('reports an undeclared input, a wrongly typed one and a missing required secret of a workflow', () => {
    const problems = checkCalls(
      caller(
        [
          '  deploy:',
          '    uses: aura/actions/.github/workflows/deploy-to-gke.yml@v1',
          '    with:',
          '      enviroment: staging',
          '      images: 3',
          '    secrets:',
          '      GCP_PROJECT_ID: ${{ secrets.GCP_PROJECT_ID }}',
          '      GKE_ZONE: ${{ secrets.GKE_ZONE }}',
          '      NOT_DECLARED: x',
          '',
        ].join('\n'),
      ),
    );
    expect(problems).toEqual([
      expect.stringMatching(/caller\.yml:4 .*has no input 'enviroment'/),
      expect.stringMatching(/input 'images' is a string, given the number 3/),
      expect.stringMatching(/declares no secret 'NOT_DECLARED'/),
      expect.stringMatching(/requires the secret 'GKE_CLUSTER_NAME'/),
    ]);
  });

  it('reports secrets: inherit, a missing action, an unknown action input and an output an action does not have', () => {
    const problems = checkCalls(
      caller(
        [
          '  a:',
          '    uses: aura/actions/.github/workflows/ml-pipeline.yml@v1',
          '    secrets: inherit',
          '  b:',
          '    runs-on: ubuntu-latest',
          '    steps:',
          '      - uses: $/no-such-action',
          '      - id: detect',
          '        uses: $/detect-changed-services',
          '        with:',
          '          catalogue: x.yml',
          '      - run: echo "$X"',
          '        env:',
          '          X: ${{ steps.detect.outputs.changed-services }}',
          '',
        ].join('\n'),
      ),
    );
    expect(problems).toEqual([
      expect.stringMatching(/not 'secrets: inherit'/),
      expect.stringMatching(/\$\/no-such-action: no-such-action\/action\.yml does not exist/),
      expect.stringMatching(/has no input 'catalogue'/),
      expect.stringMatching(/reads output 'changed-services' of \$\/detect-changed-services/),
    ]);
  });

  it('reads an action interface from its action.yml', () => {
    const detect = suiteInterface('$/detect-changed-services');
    expect(typeof detect).not.toBe('string');
    if (typeof detect !== 'string') {
      expect([...detect.outputs]).toEqual(expect.arrayContaining(['services', 'matrix', 'any-changed']));
    }
  });
});

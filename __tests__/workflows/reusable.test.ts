import { asMapping, jobs, loadWorkflow, REUSABLE_WORKFLOWS, triggers, type Mapping } from './workflows.js';

// What the seed promises of its three workflows, and the issue of the ML pipeline: callable by
// other repositories, started by hand with the seed's inputs, the seed's secret names, deploys
// to GitHub environments that never overlap.

const workflow = (name: string) => loadWorkflow(`.github/workflows/${name}`);
const call = (name: string) => asMapping(triggers(workflow(name)).workflow_call);
const dispatchInputs = (name: string) => asMapping(asMapping(triggers(workflow(name)).workflow_dispatch).inputs);

describe('the reusable workflows', () => {
  it.each(REUSABLE_WORKFLOWS)('%s can be called from another repository', (name) => {
    expect(Object.keys(triggers(workflow(name)))).toContain('workflow_call');
  });

  it("take the seed's manual inputs: test_service, force_build_all, environment", () => {
    expect(Object.keys(dispatchInputs('code-quality-test.yml'))).toEqual(['test_service']);
    expect(asMapping(dispatchInputs('build-and-push.yml').force_build_all).type).toBe('boolean');
    expect(asMapping(dispatchInputs('deploy-to-gke.yml').environment)).toMatchObject({ type: 'choice', options: ['staging', 'production'] });
    for (const name of ['code-quality-test.yml', 'build-and-push.yml', 'deploy-to-gke.yml']) {
      for (const input of Object.keys(dispatchInputs(name))) expect(Object.keys(asMapping(call(name).inputs))).toContain(input);
    }
  });

  it("name the secrets as the seed does, and offer Workload Identity Federation instead of a key", () => {
    expect(Object.keys(asMapping(call('deploy-to-gke.yml').secrets))).toEqual(
      expect.arrayContaining(['GCP_PROJECT_ID', 'GCP_SA_KEY', 'GKE_CLUSTER_NAME', 'GKE_ZONE', 'DOCKER_REGISTRY']),
    );
    expect(asMapping(asMapping(call('deploy-to-gke.yml').secrets).GCP_SA_KEY).required).toBe(false);
    for (const name of ['build-and-push.yml', 'deploy-to-gke.yml', 'ml-pipeline.yml']) {
      expect(Object.keys(asMapping(call(name).inputs))).toEqual(expect.arrayContaining(['workload_identity_provider', 'service_account']));
    }
  });

  it('deploy into a GitHub environment, one deploy per environment at a time, never cancelling one that runs', () => {
    const deploy = workflow('deploy-to-gke.yml');
    expect(deploy.data.concurrency).toEqual({ group: "aura-deploy-to-gke-${{ inputs.environment || 'staging' }}", 'cancel-in-progress': false });
    const job = jobs(deploy).find((j) => j.id === 'deploy')!;
    expect(asMapping(job.data.environment).name).toBe("${{ inputs.environment || 'staging' }}");
  });

  it('report a failed deploy to Slack only when the webhook secret is set', () => {
    const notify = jobs(workflow('deploy-to-gke.yml')).find((j) => j.id === 'notify')!;
    expect(notify.data.if).toBe('failure()');
    const slack = (notify.data.steps as Mapping[]).find((s) => String(s.uses).startsWith('slackapi/slack-github-action@'))!;
    expect(slack.if).toBe("env.SLACK_WEBHOOK_URL != ''");
    expect(asMapping(slack.with).webhook).toBe('${{ env.SLACK_WEBHOOK_URL }}');
  });

  it('run the code-quality jobs of the seed in parallel after change detection', () => {
    const ids = jobs(workflow('code-quality-test.yml')).map((j) => j.id);
    expect(ids).toEqual(['changes', 'quality-check', 'test', 'integration', 'security']);
    for (const job of jobs(workflow('code-quality-test.yml'))) expect([undefined, 'changes']).toContain(job.data.needs);
  });
});

import { createKubeClient } from '../../src/kube/client.js';
import { planUndo } from '../../src/kube/rollback.js';
import { selectorString } from '../../src/kube/types.js';
import { startKubeSim, type KubeSim } from '../../standins/kube/index.js';
import { describeWithTool, findTool } from '../harness/tools.js';
import { Kubectl } from '../standins/kube/helpers.js';
import { rolloutComplete } from './support.js';

// The rollback the action computes against what the real `kubectl rollout undo` would send,
// both asked of the Kubernetes API simulator (a stand-in, not a cluster): the JSON patch kubectl
// sends (--dry-run=server, so nothing changes) must be the one the action would send.

let sim: KubeSim;

afterEach(async () => {
  await sim?.close();
  expect(sim?.errors ?? []).toEqual([]);
});

describeWithTool('kubectl', 'the rollback is compared with kubectl rollout undo')('planUndo agrees with kubectl rollout undo', () => {
  it.each([
    ['the previous revision', []],
    ['--to-revision=1', ['--to-revision=1']],
  ])('for %s', async (_what, flags) => {
    sim = await startKubeSim({ timeScale: 10 });
    const kubectl = new Kubectl(findTool('kubectl')!, sim);
    await kubectl.ok(['create', 'deployment', 'web', '--image=registry.example/web:1', '--replicas=2']);
    await kubectl.ok(['annotate', 'deployment/web', 'kubernetes.io/change-cause=web 1', 'owner=ml-team']);
    for (const version of ['2', '3']) {
      await sim.waitFor(() => rolloutComplete(sim.get('deployments', 'default', 'web')));
      await kubectl.ok(['set', 'image', 'deployment/web', `web=registry.example/web:${version}`]);
      await kubectl.ok(['annotate', '--overwrite', 'deployment/web', `kubernetes.io/change-cause=web ${version}`]);
    }
    await sim.waitFor(() => rolloutComplete(sim.get('deployments', 'default', 'web')) && sim.list('replicasets', 'default').length === 3);

    const client = await createKubeClient(sim.kubeconfig);
    const deployment = (await client.readDeployment('default', 'web'))!;
    const replicaSets = await client.listReplicaSets('default', { labelSelector: selectorString(deployment.spec.selector) });
    const plan = planUndo(deployment, replicaSets.items, flags.length > 0 ? 1 : 0);
    if (plan.kind !== 'patch') throw new Error(`expected a patch, got ${plan.kind}`);

    // kubectl logs the body of each request at -v=9, just before the request itself: its rollback
    // is one JSON patch (sent here as a server-side dry run).
    const undo = await kubectl.run(['rollout', 'undo', 'deployment/web', ...flags, '--dry-run=server', '-v=9']);
    expect(undo.code).toBe(0);
    const lines = undo.stderr.split('\n');
    const patchAt = lines.findIndex((line) => /-XPATCH .*\/deployments\/web\?dryRun=All/.test(line));
    expect(patchAt).toBeGreaterThan(0);
    const bodyLine = lines.slice(0, patchAt).reverse().find((line) => line.includes('"Request Body" body="'))!;
    const quoted = bodyLine.slice(bodyLine.indexOf('body="') + 'body='.length);
    const sent = JSON.parse(JSON.parse(quoted) as string) as unknown;
    // Go writes an unset creationTimestamp as null, which the API server ignores; the action leaves it out.
    const withoutNulls = (value: unknown): unknown => JSON.parse(JSON.stringify(value, (_key, v: unknown) => (v === null ? undefined : v)));
    expect(plan.patch).toEqual(withoutNulls(sent));
    expect(plan.toRevision).toBe(flags.length > 0 ? 1 : 2);
    // The dry run changed nothing.
    expect(sim.get('deployments', 'default', 'web')!.spec.template.spec.containers[0].image).toBe('registry.example/web:3');
  });
});

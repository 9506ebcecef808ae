import { planUndo, previousRevision, sameTemplate } from '../../src/kube/rollback.js';
import type { Deployment, ReplicaSet } from '../../src/kube/types.js';

const UID = 'dep-uid';

function template(image: string, hash?: string) {
  return {
    metadata: { labels: { app: 'web', ...(hash ? { 'pod-template-hash': hash } : {}) } },
    spec: { containers: [{ name: 'app', image }] },
  };
}

function rs(revision: number, image: string, annotations: Record<string, string> = {}, owner = UID): ReplicaSet {
  const hash = `h${revision}`;
  return {
    metadata: {
      name: `web-${hash}`,
      labels: { app: 'web', 'pod-template-hash': hash },
      annotations: { 'deployment.kubernetes.io/revision': String(revision), 'deployment.kubernetes.io/desired-replicas': '3', ...annotations },
      ownerReferences: [{ kind: 'Deployment', name: 'web', uid: owner, controller: true }],
    },
    spec: { replicas: 0, template: template(image, hash) },
  };
}

function deployment(image: string, revision: number, annotations: Record<string, string> = {}): Deployment {
  return {
    metadata: {
      name: 'web',
      uid: UID,
      generation: 5,
      annotations: {
        'deployment.kubernetes.io/revision': String(revision),
        'kubectl.kubernetes.io/last-applied-configuration': '{"kind":"Deployment"}',
        'kubernetes.io/change-cause': 'deploy web:3',
        team: 'ml',
        ...annotations,
      },
    },
    spec: { replicas: 3, selector: { matchLabels: { app: 'web' } }, template: template(image) },
  };
}

describe("planUndo: kubectl rollout undo's rules", () => {
  const history = [
    rs(1, 'web:1', { 'kubernetes.io/change-cause': 'deploy web:1' }),
    rs(2, 'web:2', { 'kubernetes.io/change-cause': 'deploy web:2', 'deployment.kubernetes.io/revision-history': '0' }),
    rs(3, 'web:3', { 'kubernetes.io/change-cause': 'deploy web:3' }),
    rs(9, 'other:1', {}, 'another-deployment'),
  ];

  it('picks the second-highest revision among the ReplicaSets the Deployment controls', () => {
    expect(previousRevision(history.slice(0, 3))).toBe(2);
    expect(previousRevision([history[2]!, history[0]!, history[1]!])).toBe(2);
    const plan = planUndo(deployment('web:3', 3), history);
    expect(plan.kind).toBe('patch');
    if (plan.kind !== 'patch') return;
    expect(plan.toRevision).toBe(2);
    expect(plan.kubectlDefaultRevision).toBe(2);
    expect(plan.replicaSet.metadata.name).toBe('web-h2');
  });

  it("restores the template without pod-template-hash and carries the ReplicaSet's change-cause, as the same JSON patch", () => {
    const plan = planUndo(deployment('web:3', 3), history);
    if (plan.kind !== 'patch') throw new Error(plan.reason);
    expect(plan.template).toEqual(template('web:2'));
    // Kept from the Deployment: revision and last-applied; copied from the ReplicaSet: everything else it has.
    expect(plan.annotations).toEqual({
      'deployment.kubernetes.io/revision': '3',
      'kubectl.kubernetes.io/last-applied-configuration': '{"kind":"Deployment"}',
      'kubernetes.io/change-cause': 'deploy web:2',
    });
    expect(plan.patch).toEqual([
      { op: 'replace', path: '/spec/template', value: template('web:2') },
      { op: 'replace', path: '/metadata/annotations', value: plan.annotations },
    ]);
  });

  it('goes to a named revision like --to-revision', () => {
    const plan = planUndo(deployment('web:3', 3), history, 1);
    expect(plan).toMatchObject({ kind: 'patch', toRevision: 1, kubectlDefaultRevision: 2 });
  });

  it('skips when the template already matches, and refuses without history, for a gone revision or a paused Deployment', () => {
    expect(planUndo(deployment('web:2', 3), history)).toEqual({ kind: 'skipped', toRevision: 2, reason: 'the current template already matches revision 2' });
    expect(planUndo(deployment('web:1', 1), [history[0]!])).toEqual({ kind: 'impossible', reason: 'deployment web has no rollout history to return to' });
    expect(planUndo(deployment('web:3', 3), history, 7)).toMatchObject({ kind: 'impossible', reason: expect.stringContaining('revision 7 of deployment web is gone') });
    const paused = deployment('web:3', 3);
    paused.spec.paused = true;
    expect(planUndo(paused, history)).toMatchObject({ kind: 'impossible', reason: expect.stringContaining('is paused') });
  });

  it('compares templates ignoring the pod-template-hash label and key order', () => {
    expect(sameTemplate(template('web:1', 'abc'), { spec: { containers: [{ image: 'web:1', name: 'app' }] }, metadata: { labels: { app: 'web' } } })).toBe(true);
    expect(sameTemplate(template('web:1'), template('web:2'))).toBe(false);
  });
});

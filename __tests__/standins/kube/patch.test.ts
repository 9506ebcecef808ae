import { ApiError } from '../../../standins/kube/errors.js';
import { applyMerge, fieldsOf, serverSideApply } from '../../../standins/kube/managed-fields.js';
import { jsonPatch, mergePatch, strategicMerge } from '../../../standins/kube/patch.js';
import { KIND_SCHEMAS } from '../../../standins/kube/schema.js';

const deploymentSchema = KIND_SCHEMAS['apps/v1/Deployment']!;

function deployment(containers: Record<string, unknown>[], extra: Record<string, unknown> = {}): Record<string, any> {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'web', labels: { app: 'web' } },
    spec: {
      replicas: 2,
      selector: { matchLabels: { app: 'web' } },
      template: { metadata: { labels: { app: 'web' } }, spec: { containers } },
      ...extra,
    },
  };
}

describe('JSON merge patch (RFC 7386)', () => {
  it('merges objects, replaces lists and deletes keys set to null', () => {
    const result = mergePatch(
      { a: { b: 1, c: 2 }, list: [1, 2], keep: true },
      { a: { b: null, d: 3 }, list: [3] },
    );
    expect(result).toEqual({ a: { c: 2, d: 3 }, list: [3], keep: true });
  });
});

describe('JSON patch (RFC 6902)', () => {
  it('applies add, replace, remove, move, copy and test in order', () => {
    const doc = { spec: { replicas: 1, list: ['a', 'b'] }, metadata: { annotations: { x: '1' } } };
    const result = jsonPatch(doc, [
      { op: 'replace', path: '/spec/replicas', value: 3 },
      { op: 'add', path: '/spec/list/-', value: 'c' },
      { op: 'add', path: '/spec/list/0', value: 'z' },
      { op: 'remove', path: '/spec/list/1' },
      { op: 'copy', from: '/spec/replicas', path: '/spec/copied' },
      { op: 'move', from: '/metadata/annotations/x', path: '/metadata/annotations/y' },
      { op: 'test', path: '/spec/replicas', value: 3 },
      { op: 'add', path: '/metadata/annotations/a~1b', value: 'slash' },
    ]);
    expect(result).toEqual({
      spec: { replicas: 3, list: ['z', 'b', 'c'], copied: 3 },
      metadata: { annotations: { y: '1', 'a/b': 'slash' } },
    });
    expect(doc.spec.replicas).toBe(1);
  });

  it('rejects a replace of a missing key and a failing test, as 422', () => {
    expect(() => jsonPatch({ a: {} }, [{ op: 'replace', path: '/a/missing', value: 1 }])).toThrow(ApiError);
    try {
      jsonPatch({ a: 1 }, [{ op: 'test', path: '/a', value: 2 }]);
      throw new Error('expected a failure');
    } catch (error) {
      expect((error as ApiError).code).toBe(422);
    }
  });
});

describe('strategic merge patch', () => {
  it('merges containers by name instead of replacing the list (kubectl set image)', () => {
    const original = deployment([
      { name: 'app', image: 'web:1', ports: [{ containerPort: 8080, protocol: 'TCP' }] },
      { name: 'sidecar', image: 'proxy:1' },
    ]);
    const patched = strategicMerge(
      original,
      { spec: { template: { spec: { containers: [{ name: 'app', image: 'web:2' }] } } } },
      deploymentSchema,
    ) as Record<string, any>;
    expect(patched.spec.template.spec.containers).toEqual([
      { name: 'app', image: 'web:2', ports: [{ containerPort: 8080, protocol: 'TCP' }] },
      { name: 'sidecar', image: 'proxy:1' },
    ]);
  });

  it('honours $patch: delete on list items, $setElementOrder and null deletions', () => {
    const original = deployment([
      { name: 'a', image: 'a:1', env: [{ name: 'X', value: '1' }, { name: 'Y', value: '2' }] },
      { name: 'b', image: 'b:1' },
    ]);
    const patched = strategicMerge(
      original,
      {
        metadata: { labels: { app: null, tier: 'web' } },
        spec: {
          template: {
            spec: {
              '$setElementOrder/containers': [{ name: 'c' }, { name: 'a' }],
              containers: [
                { name: 'b', $patch: 'delete' },
                { name: 'c', image: 'c:1' },
                { name: 'a', env: [{ name: 'X', $patch: 'delete' }] },
              ],
            },
          },
        },
      },
      deploymentSchema,
    ) as Record<string, any>;
    expect(patched.metadata.labels).toEqual({ tier: 'web' });
    expect(patched.spec.template.spec.containers).toEqual([
      { name: 'c', image: 'c:1' },
      { name: 'a', image: 'a:1', env: [{ name: 'Y', value: '2' }] },
    ]);
  });

  it('drops fields outside $retainKeys (switching the strategy to Recreate)', () => {
    const original = deployment([{ name: 'app', image: 'web:1' }], {
      strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: '25%', maxUnavailable: '25%' } },
    });
    const patched = strategicMerge(
      original,
      { spec: { strategy: { $retainKeys: ['type'], type: 'Recreate', rollingUpdate: null } } },
      deploymentSchema,
    ) as Record<string, any>;
    expect(patched.spec.strategy).toEqual({ type: 'Recreate' });
  });

  it('replaces lists that have no merge strategy (container args)', () => {
    const original = deployment([{ name: 'app', image: 'web:1', args: ['--a', '--b'] }]);
    const patched = strategicMerge(
      original,
      { spec: { template: { spec: { containers: [{ name: 'app', args: ['--c'] }] } } } },
      deploymentSchema,
    ) as Record<string, any>;
    expect(patched.spec.template.spec.containers[0].args).toEqual(['--c']);
  });
});

describe('server-side apply', () => {
  const base = { manager: 'ci', force: false, apiVersion: 'apps/v1', schema: deploymentSchema, time: '2025-01-01T00:00:00Z' };

  it('records the applied fields, keyed list items included', () => {
    const applied = deployment([{ name: 'app', image: 'web:1', ports: [{ containerPort: 8080 }] }]);
    const fields = fieldsOf(applied, deploymentSchema) as Record<string, any>;
    const container = fields['f:spec']['f:template']['f:spec']['f:containers']['k:{"name":"app"}'];
    expect(container['.']).toEqual({});
    expect(container['f:image']).toEqual({});
    // List-map keys are compared with their defaults filled in (protocol TCP).
    expect(Object.keys(container['f:ports'])).toEqual(['k:{"containerPort":8080,"protocol":"TCP"}']);
  });

  it('conflicts with another manager that set a field to a different value, unless forced', () => {
    const first = serverSideApply(undefined, deployment([{ name: 'app', image: 'web:1' }]), [], base);
    const live: Record<string, any> = structuredClone(first.object);
    live.spec.template.spec.containers[0].image = 'web:2';
    const managed = [
      ...first.managedFields,
      {
        manager: 'kubectl-set',
        operation: 'Update' as const,
        apiVersion: 'apps/v1',
        time: base.time,
        fieldsType: 'FieldsV1' as const,
        fieldsV1: { 'f:spec': { 'f:template': { 'f:spec': { 'f:containers': { 'k:{"name":"app"}': { 'f:image': {} } } } } } },
      },
    ];
    try {
      serverSideApply(live, deployment([{ name: 'app', image: 'web:3' }]), managed, base);
      throw new Error('expected a conflict');
    } catch (error) {
      expect(error).toBeInstanceOf(ApiError);
      expect((error as ApiError).code).toBe(409);
      expect((error as ApiError).message).toBe(
        'Apply failed with 1 conflict: conflict with "kubectl-set" using apps/v1: .spec.template.spec.containers[name="app"].image',
      );
    }
    const forced = serverSideApply(live, deployment([{ name: 'app', image: 'web:3' }]), managed, { ...base, force: true });
    expect(forced.object.spec.template.spec.containers[0].image).toBe('web:3');
    expect(forced.managedFields.map((e) => e.manager)).toEqual(['ci']);
  });

  it('removes a field the manager stops applying, unless another manager owns it', () => {
    const first = serverSideApply(
      undefined,
      deployment([{ name: 'app', image: 'web:1' }, { name: 'sidecar', image: 'proxy:1' }], { minReadySeconds: 5 }),
      [],
      base,
    );
    const second = serverSideApply(first.object, deployment([{ name: 'app', image: 'web:1' }]), first.managedFields, base);
    expect(second.object.spec.minReadySeconds).toBeUndefined();
    expect(second.object.spec.template.spec.containers.map((c: { name: string }) => c.name)).toEqual(['app']);
  });

  it('merges list-map items by key', () => {
    const merged = applyMerge(
      { spec: { template: { spec: { containers: [{ name: 'a', image: 'a:1' }, { name: 'b', image: 'b:1' }] } } } },
      { spec: { template: { spec: { containers: [{ name: 'b', image: 'b:2' }] } } } },
      deploymentSchema,
    ) as Record<string, any>;
    expect(merged.spec.template.spec.containers).toEqual([
      { name: 'a', image: 'a:1' },
      { name: 'b', image: 'b:2' },
    ]);
  });
});

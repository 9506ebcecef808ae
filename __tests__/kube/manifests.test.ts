import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigurationError } from '../../src/core/errors.js';
import { parseManifestText, prepareManifests, readManifests } from '../../src/kube/manifests.js';

const TEXT = `# Aura visual analysis
apiVersion: apps/v1
kind: Deployment
metadata:
  name: visual-analysis-service
spec:
  template:
    spec:
      containers:
        - name: visual-analysis
          image: gcr.io/aura-project/visual-analysis:latest
        - name: sidecar
          image: envoy:1
---
apiVersion: v1
kind: Service
metadata: { name: visual-analysis-service }
---
apiVersion: v1
kind: Namespace
metadata: { name: aura }
---
`;

describe('manifests', () => {
  it('parses every document with the line it starts on', () => {
    const objects = parseManifestText(TEXT, 'k8s/visual.yaml');
    expect(objects.map((o) => [o.object.kind, o.line])).toEqual([
      ['Deployment', 2],
      ['Service', 15],
      ['Namespace', 19],
    ]);
  });

  it('writes the new image into the Deployment, defaults the namespace and orders the objects for apply', () => {
    const prepared = prepareManifests(
      parseManifestText(TEXT, 'k8s/visual.yaml'),
      [{ namespace: 'aura', deployment: 'visual-analysis-service', container: 'visual-analysis', image: 'reg/visual-analysis@sha256:abc', changeCause: 'why' }],
      'aura',
    );
    expect(prepared.map((o) => o.object.kind)).toEqual(['Namespace', 'Service', 'Deployment']);
    const deployment = prepared[2]!.object;
    expect(deployment.metadata.namespace).toBe('aura');
    expect(deployment.metadata.annotations).toEqual({ 'kubernetes.io/change-cause': 'why' });
    expect(deployment.spec.template.spec.containers.map((c: { image: string }) => c.image)).toEqual(['reg/visual-analysis@sha256:abc', 'envoy:1']);
    // A Namespace gets no namespace; the input objects are untouched.
    expect(prepared[0]!.object.metadata.namespace).toBeUndefined();
  });

  it("fails on the manifest's line when the rolled-out container is not in it", () => {
    const objects = parseManifestText(TEXT, 'k8s/visual.yaml');
    const prepare = () => prepareManifests(objects, [{ namespace: 'aura', deployment: 'visual-analysis-service', container: 'app', image: 'x' }], 'aura');
    expect(prepare).toThrow(ConfigurationError);
    try {
      prepare();
    } catch (error) {
      expect((error as ConfigurationError).location).toEqual({ file: 'k8s/visual.yaml', line: 2 });
      expect((error as Error).message).toContain("Deployment visual-analysis-service has no container 'app' (it has 'visual-analysis', 'sidecar')");
    }
  });

  it('reports bad YAML and objects without kind on their line', () => {
    expect(() => parseManifestText('apiVersion: v1\nkind: [oops\n', 'bad.yaml')).toThrow(/bad\.yaml is not valid YAML/);
    try {
      parseManifestText('---\napiVersion: v1\nmetadata: { name: x }\n', 'nokind.yaml');
    } catch (error) {
      expect((error as ConfigurationError).location).toEqual({ file: 'nokind.yaml', line: 2 });
    }
  });

  it('reads files, folders and globs relative to the repository root, once each', () => {
    const root = mkdtempSync(join(tmpdir(), 'aura-manifests-'));
    try {
      mkdirSync(join(root, 'k8s', 'base'), { recursive: true });
      writeFileSync(join(root, 'k8s', 'base', 'a.yaml'), 'apiVersion: v1\nkind: ConfigMap\nmetadata: { name: a }\n');
      writeFileSync(join(root, 'k8s', 'b.yml'), 'apiVersion: v1\nkind: ConfigMap\nmetadata: { name: b }\n');
      writeFileSync(join(root, 'k8s', 'notes.txt'), 'not a manifest');
      expect(readManifests(['k8s'], root).map((o) => [o.file, o.object.metadata.name])).toEqual([
        ['k8s/b.yml', 'b'],
        ['k8s/base/a.yaml', 'a'],
      ]);
      expect(readManifests(['k8s/**/*.yaml', 'k8s/base/a.yaml'], root).map((o) => o.object.metadata.name)).toEqual(['a']);
      expect(() => readManifests(['k8s/*.json'], root)).toThrow("input 'manifests': 'k8s/*.json' matches no .yaml, .yml or .json file");
      expect(() => readManifests(['missing.yaml'], root)).toThrow("input 'manifests': missing.yaml does not exist");
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});

import { globSync, readFileSync, statSync } from 'node:fs';
import { isAbsolute, relative, resolve } from 'node:path';
import { parseAllDocuments } from 'yaml';
import { ConfigurationError } from '../core/errors.js';
import { describeKubeError, type AppliedObject, type KubeClient } from './client.js';
import { CHANGE_CAUSE_ANNOTATION } from './types.js';

/**
 * Manifests applied server-side before the images are set (`kubectl apply --server-side
 * --force-conflicts`): read from files and globs, the rolled-out images written into the
 * Deployments they describe (so one apply makes one new revision), applied in dependency order.
 */

export interface ManifestObject {
  object: Record<string, any>;
  /** Relative to the repository root, for messages and annotations. */
  file: string;
  line: number;
}

/** Kinds with no namespace: they must not get the default namespace. */
const CLUSTER_SCOPED = new Set([
  'Namespace',
  'Node',
  'PersistentVolume',
  'StorageClass',
  'CustomResourceDefinition',
  'ClusterRole',
  'ClusterRoleBinding',
  'PriorityClass',
  'IngressClass',
  'RuntimeClass',
  'APIService',
  'ValidatingWebhookConfiguration',
  'MutatingWebhookConfiguration',
  'ValidatingAdmissionPolicy',
  'ValidatingAdmissionPolicyBinding',
  'CSIDriver',
  'VolumeSnapshotClass',
]);

/** Apply order, as kubectl users order their files: what others refer to first, workloads last. */
const ORDER = [
  'Namespace',
  'CustomResourceDefinition',
  'PriorityClass',
  'StorageClass',
  'ServiceAccount',
  'ClusterRole',
  'ClusterRoleBinding',
  'Role',
  'RoleBinding',
  'ConfigMap',
  'Secret',
  'PersistentVolumeClaim',
  'Service',
];
const WORKLOADS = ['Deployment', 'StatefulSet', 'DaemonSet', 'Job', 'CronJob'];

function rank(kind: string): number {
  const index = ORDER.indexOf(kind);
  if (index >= 0) return index;
  return WORKLOADS.includes(kind) ? ORDER.length + 1 : ORDER.length;
}

function lineOf(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

export function parseManifestText(text: string, file: string): ManifestObject[] {
  const objects: ManifestObject[] = [];
  for (const document of parseAllDocuments(text)) {
    if ('errors' in document && document.errors.length > 0) {
      const error = document.errors[0]!;
      throw new ConfigurationError(`${file} is not valid YAML: ${error.message.split('\n')[0]}`, {
        file,
        line: lineOf(text, error.pos[0]),
      });
    }
    const value = document.toJS() as unknown;
    const line = lineOf(text, document.contents?.range[0] ?? document.range[0]);
    if (value === null || value === undefined) continue;
    if (typeof value !== 'object' || Array.isArray(value)) {
      throw new ConfigurationError(`${file}: a manifest must be a Kubernetes object (a mapping with apiVersion and kind)`, { file, line });
    }
    const object = value as Record<string, any>;
    const items: Record<string, any>[] = object.kind === 'List' || /List$/.test(String(object.kind ?? '')) ? (object.items ?? []) : [object];
    for (const item of items) {
      if (typeof item?.apiVersion !== 'string' || typeof item?.kind !== 'string' || typeof item?.metadata?.name !== 'string') {
        throw new ConfigurationError(`${file}: every object needs apiVersion, kind and metadata.name`, { file, line });
      }
      objects.push({ object: item, file, line });
    }
  }
  return objects;
}

/** The files the `manifests` input names (paths or globs, relative to the repository root), in order. */
export function manifestFiles(patterns: readonly string[], root: string): string[] {
  const files: string[] = [];
  for (const pattern of patterns) {
    const full = isAbsolute(pattern) ? pattern : resolve(root, pattern);
    let matched: string[];
    if (/[*?[{]/.test(pattern)) {
      matched = globSync(pattern, { cwd: root })
        .map((path) => resolve(root, path))
        .filter((path) => /\.(ya?ml|json)$/i.test(path) && statSync(path).isFile())
        .sort();
      if (matched.length === 0) throw new ConfigurationError(`input 'manifests': '${pattern}' matches no .yaml, .yml or .json file under ${root}`);
    } else {
      let isDirectory = false;
      try {
        isDirectory = statSync(full).isDirectory();
      } catch {
        throw new ConfigurationError(`input 'manifests': ${relative(root, full) || full} does not exist (paths are relative to the repository root ${root})`);
      }
      matched = isDirectory
        ? globSync('**/*.{yaml,yml,json}', { cwd: full }).map((path) => resolve(full, path)).sort()
        : [full];
    }
    for (const file of matched) if (!files.includes(file)) files.push(file);
  }
  return files;
}

export function readManifests(patterns: readonly string[], root: string): ManifestObject[] {
  return manifestFiles(patterns, root).flatMap((path) => parseManifestText(readFileSync(path, 'utf8'), relative(root, path) || path));
}

export interface ImageSubstitution {
  namespace: string;
  deployment: string;
  container: string;
  image: string;
  /** Set on the Deployment when the image changes. */
  changeCause?: string;
}

/**
 * Fills in the default namespace, writes each rolled-out image into its Deployment's container
 * and records the change-cause. Returns the objects in apply order; fails when a Deployment
 * named by a rollout lacks the container.
 */
export function prepareManifests(
  objects: readonly ManifestObject[],
  substitutions: readonly ImageSubstitution[],
  defaultNamespace: string,
): ManifestObject[] {
  const prepared = objects.map((entry) => {
    const object = structuredClone(entry.object);
    if (!CLUSTER_SCOPED.has(object.kind) && !object.metadata.namespace) object.metadata.namespace = defaultNamespace;
    if (object.kind === 'Deployment' && String(object.apiVersion).startsWith('apps/')) {
      for (const substitution of substitutions) {
        if (object.metadata.name !== substitution.deployment || object.metadata.namespace !== substitution.namespace) continue;
        const containers: Record<string, any>[] = object.spec?.template?.spec?.containers ?? [];
        const container = containers.find((c) => c.name === substitution.container);
        if (!container) {
          throw new ConfigurationError(
            `${entry.file}: Deployment ${substitution.deployment} has no container '${substitution.container}' (it has ${containers.map((c) => `'${c.name}'`).join(', ') || 'none'})`,
            { file: entry.file, line: entry.line },
          );
        }
        container.image = substitution.image;
        if (substitution.changeCause) {
          object.metadata.annotations = { ...(object.metadata.annotations ?? {}), [CHANGE_CAUSE_ANNOTATION]: substitution.changeCause };
        }
      }
    }
    return { ...entry, object };
  });
  return prepared
    .map((entry, index) => ({ entry, index }))
    .sort((a, b) => rank(a.entry.object.kind) - rank(b.entry.object.kind) || a.index - b.index)
    .map(({ entry }) => entry);
}

export function describeObject(object: Record<string, any>): string {
  return `${object.kind} ${object.metadata?.namespace ? `${object.metadata.namespace}/` : ''}${object.metadata?.name}`;
}

/**
 * Applies each object server-side. Every object is first sent as a dry run, so a manifest the
 * cluster refuses fails the step before anything has changed; a refused object is reported
 * with its file and line.
 */
export async function applyManifests(
  client: KubeClient,
  objects: readonly ManifestObject[],
  log: (message: string) => void,
  onFirstWrite: () => void = () => undefined,
): Promise<AppliedObject[]> {
  const refused = (entry: ManifestObject, error: unknown, when: string): ConfigurationError =>
    new ConfigurationError(
      `the cluster refused ${describeObject(entry.object)} from ${entry.file}${when}: ${describeKubeError(error)}`,
      { file: entry.file, line: entry.line },
    );
  for (const entry of objects) {
    // A namespace created by these manifests does not exist yet, so objects in it cannot be dry-run.
    const inNewNamespace = objects.some(
      (other) => other.object.kind === 'Namespace' && other.object.metadata.name === entry.object.metadata?.namespace,
    );
    if (inNewNamespace) continue;
    try {
      await client.apply(entry.object, { force: true, dryRun: true });
    } catch (error) {
      throw refused(entry, error, ' (dry run; nothing was applied)');
    }
  }
  const applied: AppliedObject[] = [];
  for (const entry of objects) {
    try {
      if (applied.length === 0) onFirstWrite();
      const result = await client.apply(entry.object, { force: true });
      applied.push(result);
      log(`applied ${describeObject(entry.object)} (${entry.file}:${entry.line}) server-side`);
    } catch (error) {
      throw refused(entry, error, applied.length > 0 ? ` after ${applied.length} other object(s) were applied` : '');
    }
  }
  return applied;
}

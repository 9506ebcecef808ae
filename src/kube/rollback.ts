import {
  DESIRED_REPLICAS_ANNOTATION,
  LAST_APPLIED_ANNOTATION,
  MAX_REPLICAS_ANNOTATION,
  POD_TEMPLATE_HASH_LABEL,
  REVISION_ANNOTATION,
  REVISION_HISTORY_ANNOTATION,
  ROLLBACK_TO_ANNOTATION,
  revisionOf,
  type Deployment,
  type PodTemplate,
  type ReplicaSet,
} from './types.js';

/**
 * `kubectl rollout undo`, computed: the ReplicaSet of the revision to return to (by default
 * the second-highest revision among the ReplicaSets the Deployment controls), its pod template
 * without the pod-template-hash label, and the Deployment's annotations with that
 * ReplicaSet's own (its change-cause included), sent as the same JSON patch kubectl sends.
 */

/** Annotations kubectl keeps from the Deployment rather than copying from the ReplicaSet. */
const ANNOTATIONS_TO_SKIP = new Set([
  LAST_APPLIED_ANNOTATION,
  REVISION_ANNOTATION,
  REVISION_HISTORY_ANNOTATION,
  DESIRED_REPLICAS_ANNOTATION,
  MAX_REPLICAS_ANNOTATION,
  ROLLBACK_TO_ANNOTATION,
]);

export type JsonPatch = { op: 'replace'; path: string; value: unknown }[];

export type UndoPlan =
  | {
      kind: 'patch';
      toRevision: number;
      /** The revision kubectl's plain `rollout undo` would pick (the second-highest). */
      kubectlDefaultRevision: number;
      replicaSet: ReplicaSet;
      template: PodTemplate;
      annotations: Record<string, string>;
      patch: JsonPatch;
    }
  | { kind: 'impossible'; reason: string }
  | { kind: 'skipped'; toRevision: number; reason: string };

/** The ReplicaSets a Deployment controls (owner reference with controller: true and its uid). */
export function controlledReplicaSets(deployment: Deployment, replicaSets: readonly ReplicaSet[]): ReplicaSet[] {
  const uid = deployment.metadata.uid;
  return replicaSets.filter((rs) => (rs.metadata.ownerReferences ?? []).some((ref) => ref.controller && ref.uid === uid));
}

/** kubectl's choice for `rollout undo` without --to-revision: the second-highest revision. */
export function previousRevision(replicaSets: readonly ReplicaSet[]): number {
  let latest = 0;
  let previous = 0;
  for (const rs of replicaSets) {
    const revision = revisionOf(rs);
    if (revision > latest) {
      previous = latest;
      latest = revision;
    } else if (revision > previous && revision < latest) {
      previous = revision;
    }
  }
  return previous;
}

function withoutHash(template: PodTemplate): PodTemplate {
  const copy = structuredClone(template);
  if (copy.metadata?.labels) {
    delete copy.metadata.labels[POD_TEMPLATE_HASH_LABEL];
  }
  return copy;
}

/** Deep equality of JSON values, ignoring key order. */
export function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((item, i) => sameJson(item, b[i]));
  const ka = Object.keys(a as object).filter((k) => (a as Record<string, unknown>)[k] !== undefined);
  const kb = Object.keys(b as object).filter((k) => (b as Record<string, unknown>)[k] !== undefined);
  return ka.length === kb.length && ka.every((k) => sameJson((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}

/** Whether two pod templates are the same once the pod-template-hash label is ignored. */
export function sameTemplate(a: PodTemplate, b: PodTemplate): boolean {
  return sameJson(withoutHash(a), withoutHash(b));
}

/**
 * Plans the undo of `deployment` to `toRevision` (0: the previous revision, as kubectl's
 * default). `replicaSets` are the ReplicaSets matching the Deployment's selector.
 */
export function planUndo(deployment: Deployment, replicaSets: readonly ReplicaSet[], toRevision = 0): UndoPlan {
  if (deployment.spec.paused) {
    return { kind: 'impossible', reason: `deployment ${deployment.metadata.name} is paused; a paused deployment cannot be rolled back` };
  }
  const owned = controlledReplicaSets(deployment, replicaSets);
  const kubectlDefaultRevision = previousRevision(owned);
  const revision = toRevision === 0 ? kubectlDefaultRevision : toRevision;
  if (revision === 0) {
    return { kind: 'impossible', reason: `deployment ${deployment.metadata.name} has no rollout history to return to` };
  }
  const replicaSet = owned.find((rs) => revisionOf(rs) === revision);
  if (!replicaSet) {
    return {
      kind: 'impossible',
      reason: `revision ${revision} of deployment ${deployment.metadata.name} is gone (its ReplicaSet was removed; see revisionHistoryLimit)`,
    };
  }
  if (sameTemplate(replicaSet.spec.template, deployment.spec.template)) {
    return { kind: 'skipped', toRevision: revision, reason: `the current template already matches revision ${revision}` };
  }
  const template = withoutHash(replicaSet.spec.template);
  const annotations: Record<string, string> = {};
  for (const key of ANNOTATIONS_TO_SKIP) {
    const value = deployment.metadata.annotations?.[key];
    if (value !== undefined) annotations[key] = value;
  }
  for (const [key, value] of Object.entries(replicaSet.metadata.annotations ?? {})) {
    if (!ANNOTATIONS_TO_SKIP.has(key)) annotations[key] = value;
  }
  return {
    kind: 'patch',
    toRevision: revision,
    kubectlDefaultRevision,
    replicaSet,
    template,
    annotations,
    patch: [
      { op: 'replace', path: '/spec/template', value: template },
      { op: 'replace', path: '/metadata/annotations', value: annotations },
    ],
  };
}

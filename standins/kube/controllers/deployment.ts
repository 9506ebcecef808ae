/**
 * The deployment controller, following the real one's rules: a ReplicaSet per pod template
 * (named with the pod-template-hash), revisions and the revision history, RollingUpdate
 * within maxSurge/maxUnavailable (rounded as Kubernetes rounds them), Recreate, proportional
 * scaling, paused deployments, revisionHistoryLimit clean-up, and the Progressing and
 * Available conditions including ProgressDeadlineExceeded after progressDeadlineSeconds.
 */
import type { KubeApi } from '../api.js';
import { parseTime } from '../clock.js';
import { ApiError } from '../errors.js';
import { DEPLOYMENTS, REPLICASETS } from '../resources.js';
import { labelSelectorMatcher } from '../selectors.js';
import { clone, controllerRefOf, deepEqual, isPlainObject, podTemplateHash, type KubeObject } from '../util.js';
import type { EventRecorder } from './events.js';
import type { WorkQueue } from './queue.js';

type Obj = Record<string, any>;

export const REVISION = 'deployment.kubernetes.io/revision';
export const REVISION_HISTORY = 'deployment.kubernetes.io/revision-history';
export const DESIRED_REPLICAS = 'deployment.kubernetes.io/desired-replicas';
export const MAX_REPLICAS = 'deployment.kubernetes.io/max-replicas';
export const HASH_LABEL = 'pod-template-hash';
const LAST_APPLIED = 'kubectl.kubernetes.io/last-applied-configuration';
const ROLLBACK_TO = 'deprecated.deployment.rollback.to';
const SKIPPED_ANNOTATIONS = new Set([LAST_APPLIED, REVISION, REVISION_HISTORY, DESIRED_REPLICAS, MAX_REPLICAS, ROLLBACK_TO]);
const MAX_REVISION_HISTORY_CHARS = 2000;
const MAX_INT32 = 2147483647;

const SOURCE = { component: 'deployment-controller' };
const MANAGER = 'kube-controller-manager';

export const REASONS = {
  replicaSetUpdated: 'ReplicaSetUpdated',
  newReplicaSetCreated: 'NewReplicaSetCreated',
  foundNewReplicaSet: 'FoundNewReplicaSet',
  newReplicaSetAvailable: 'NewReplicaSetAvailable',
  timedOut: 'ProgressDeadlineExceeded',
  paused: 'DeploymentPaused',
  resumed: 'DeploymentResumed',
  minimumAvailable: 'MinimumReplicasAvailable',
  minimumUnavailable: 'MinimumReplicasUnavailable',
} as const;

// ---------- pure helpers (deployment_util) ----------

/** An int or a percentage of `total`; percentages round up for surge and down for unavailability. */
export function scaledValue(value: unknown, total: number, roundUp: boolean): number {
  if (typeof value === 'number') return value;
  const m = /^(\d+)%$/.exec(String(value ?? '0'));
  if (!m) return 0;
  const exact = (Number(m[1]) * total) / 100;
  return roundUp ? Math.ceil(exact) : Math.floor(exact);
}

export function resolveFenceposts(maxSurge: unknown, maxUnavailable: unknown, desired: number): [number, number] {
  const surge = scaledValue(maxSurge ?? '25%', desired, true);
  let unavailable = scaledValue(maxUnavailable ?? '25%', desired, false);
  if (surge === 0 && unavailable === 0) unavailable = 1;
  return [surge, unavailable];
}

const replicasOf = (d: KubeObject): number => d.spec?.replicas ?? 1;
const isRolling = (d: KubeObject): boolean => d.spec?.strategy?.type !== 'Recreate';

export function maxSurge(d: KubeObject): number {
  if (!isRolling(d)) return 0;
  const r = d.spec?.strategy?.rollingUpdate ?? {};
  return resolveFenceposts(r.maxSurge, r.maxUnavailable, replicasOf(d))[0];
}

export function maxUnavailable(d: KubeObject): number {
  if (!isRolling(d) || replicasOf(d) === 0) return 0;
  const r = d.spec?.strategy?.rollingUpdate ?? {};
  return Math.min(resolveFenceposts(r.maxSurge, r.maxUnavailable, replicasOf(d))[1], replicasOf(d));
}

function revisionOf(obj: KubeObject | undefined): number {
  const value = obj?.metadata?.annotations?.[REVISION];
  const n = Number(value ?? 0);
  return Number.isFinite(n) ? n : 0;
}

function maxRevision(rss: KubeObject[]): number {
  return rss.reduce((max, rs) => Math.max(max, revisionOf(rs)), 0);
}

const specReplicas = (rs: KubeObject | undefined): number => rs?.spec?.replicas ?? 0;
const sum = (rss: (KubeObject | undefined)[], f: (rs: KubeObject) => number): number =>
  rss.reduce((n, rs) => n + (rs ? f(rs) : 0), 0);

/** Equal pod templates, ignoring the pod-template-hash label and empty values. */
export function equalIgnoreHash(a: Obj | undefined, b: Obj | undefined): boolean {
  const normalise = (t: Obj | undefined): unknown => {
    const copy = clone(t ?? {});
    if (copy.metadata?.labels) {
      delete copy.metadata.labels[HASH_LABEL];
      if (Object.keys(copy.metadata.labels).length === 0) delete copy.metadata.labels;
    }
    return stripEmpty(copy);
  };
  return deepEqual(normalise(a), normalise(b));
}

function stripEmpty(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(stripEmpty);
  if (isPlainObject(value)) {
    const out: Obj = {};
    for (const [k, v] of Object.entries(value)) {
      if (v === null || v === undefined) continue;
      out[k] = stripEmpty(v);
    }
    return out;
  }
  return value;
}

function byCreation(a: KubeObject, b: KubeObject): number {
  const ta = parseTime(a.metadata.creationTimestamp) ?? 0;
  const tb = parseTime(b.metadata.creationTimestamp) ?? 0;
  if (ta !== tb) return ta - tb;
  return a.metadata.name < b.metadata.name ? -1 : 1;
}

function findNewReplicaSet(d: KubeObject, rsList: KubeObject[]): KubeObject | undefined {
  return [...rsList].sort(byCreation).find((rs) => equalIgnoreHash(rs.spec?.template, d.spec?.template));
}

function condition(status: Obj, type: string): Obj | undefined {
  return ((status.conditions ?? []) as Obj[]).find((c) => c.type === type);
}

function setCondition(status: Obj, cond: Obj): void {
  const current = condition(status, cond.type);
  if (current && current.status === cond.status && current.reason === cond.reason) return;
  if (current && current.status === cond.status) cond.lastTransitionTime = current.lastTransitionTime;
  status.conditions = [...((status.conditions ?? []) as Obj[]).filter((c) => c.type !== cond.type), cond];
}

function removeCondition(status: Obj, type: string): void {
  status.conditions = ((status.conditions ?? []) as Obj[]).filter((c) => c.type !== type);
  if (status.conditions.length === 0) delete status.conditions;
}

export function hasProgressDeadline(d: KubeObject): boolean {
  const v = d.spec?.progressDeadlineSeconds;
  return typeof v === 'number' && v !== MAX_INT32;
}

export function deploymentComplete(d: KubeObject, status: Obj): boolean {
  const r = replicasOf(d);
  return (
    (status.updatedReplicas ?? 0) === r &&
    (status.replicas ?? 0) === r &&
    (status.availableReplicas ?? 0) === r &&
    (status.observedGeneration ?? 0) >= (d.metadata.generation ?? 0)
  );
}

function deploymentProgressing(d: KubeObject, next: Obj): boolean {
  const old = (d.status ?? {}) as Obj;
  const oldOld = (old.replicas ?? 0) - (old.updatedReplicas ?? 0);
  const newOld = (next.replicas ?? 0) - (next.updatedReplicas ?? 0);
  return (
    (next.updatedReplicas ?? 0) > (old.updatedReplicas ?? 0) ||
    newOld < oldOld ||
    (next.readyReplicas ?? 0) > (old.readyReplicas ?? 0) ||
    (next.availableReplicas ?? 0) > (old.availableReplicas ?? 0)
  );
}

function deploymentTimedOut(d: KubeObject, next: Obj, now: number): boolean {
  if (!hasProgressDeadline(d)) return false;
  const cond = condition(next, 'Progressing');
  if (!cond) return false;
  if (cond.reason === REASONS.newReplicaSetAvailable) return false;
  if (cond.reason === REASONS.timedOut) return true;
  const from = parseTime(cond.lastUpdateTime);
  if (from === undefined) return false;
  return from + d.spec.progressDeadlineSeconds * 1000 < now;
}

/** How many replicas the new ReplicaSet may have now. */
function newRSNewReplicas(d: KubeObject, allRSs: KubeObject[], newRS: KubeObject): number {
  if (!isRolling(d)) return replicasOf(d);
  const current = sum(allRSs, specReplicas);
  const maxTotal = replicasOf(d) + maxSurge(d);
  if (current >= maxTotal) return specReplicas(newRS);
  const scaleUp = Math.min(maxTotal - current, replicasOf(d) - specReplicas(newRS));
  return specReplicas(newRS) + scaleUp;
}

function isSaturated(d: KubeObject, rs: KubeObject | undefined): boolean {
  if (!rs) return false;
  const desired = Number(rs.metadata.annotations?.[DESIRED_REPLICAS]);
  return specReplicas(rs) === replicasOf(d) && desired === replicasOf(d) && (rs.status?.availableReplicas ?? 0) === replicasOf(d);
}

function filterActive(rss: (KubeObject | undefined)[]): KubeObject[] {
  return rss.filter((rs): rs is KubeObject => !!rs && specReplicas(rs) > 0);
}

function setReplicasAnnotations(rs: KubeObject, desired: number, max: number): boolean {
  const annotations = (rs.metadata.annotations ??= {}) as Record<string, string>;
  let changed = false;
  if (annotations[DESIRED_REPLICAS] !== String(desired)) {
    annotations[DESIRED_REPLICAS] = String(desired);
    changed = true;
  }
  if (annotations[MAX_REPLICAS] !== String(max)) {
    annotations[MAX_REPLICAS] = String(max);
    changed = true;
  }
  return changed;
}

function copyDeploymentAnnotations(d: KubeObject, rs: KubeObject): boolean {
  const annotations = (rs.metadata.annotations ??= {}) as Record<string, string>;
  let changed = false;
  for (const [k, v] of Object.entries((d.metadata.annotations ?? {}) as Record<string, string>)) {
    if (SKIPPED_ANNOTATIONS.has(k) || annotations[k] === v) continue;
    annotations[k] = v;
    changed = true;
  }
  return changed;
}

/** Copies the deployment's annotations and sets the revision; records the revision history on a rollback. */
function setNewReplicaSetAnnotations(d: KubeObject, rs: KubeObject, newRevision: number, exists: boolean): boolean {
  let changed = copyDeploymentAnnotations(d, rs);
  const annotations = rs.metadata.annotations as Record<string, string>;
  const oldRevisionText = annotations[REVISION];
  const oldRevision = oldRevisionText === undefined ? 0 : Number(oldRevisionText);
  if (oldRevisionText !== undefined && !Number.isFinite(oldRevision)) return false;
  if (oldRevision < newRevision) {
    annotations[REVISION] = String(newRevision);
    changed = true;
    if (oldRevisionText !== undefined) {
      const history = annotations[REVISION_HISTORY];
      if (!history) annotations[REVISION_HISTORY] = oldRevisionText;
      else {
        const parts = history.split(',');
        while (parts.join(',').length + oldRevisionText.length + 1 > MAX_REVISION_HISTORY_CHARS && parts.length > 0) parts.shift();
        annotations[REVISION_HISTORY] = [...parts, oldRevisionText].join(',');
      }
    }
  }
  if (!exists && setReplicasAnnotations(rs, replicasOf(d), replicasOf(d) + maxSurge(d))) changed = true;
  return changed;
}

function newCondition(type: string, status: 'True' | 'False' | 'Unknown', reason: string, message: string, now: string): Obj {
  return { type, status, lastUpdateTime: now, lastTransitionTime: now, reason, message };
}

class AbortSync extends Error {}

// ---------- the controller ----------

export class DeploymentController {
  constructor(
    private readonly api: KubeApi,
    private readonly recorder: EventRecorder,
    private readonly queue: () => WorkQueue,
  ) {}

  private now(): string {
    return this.api.clock.timestamp();
  }

  /** Writes the deployment's status (and annotations, as the status subresource of Deployments allows). */
  private updateStatus(d: KubeObject): KubeObject {
    const written = this.api.update(DEPLOYMENTS, d.metadata.namespace, d.metadata.name, d, {
      manager: MANAGER,
      subresource: 'status',
    }).object;
    d.metadata = written.metadata;
    return written;
  }

  private updateReplicaSet(rs: KubeObject): KubeObject {
    return this.api.update(REPLICASETS, rs.metadata.namespace, rs.metadata.name, rs, {
      manager: MANAGER,
    }).object;
  }

  replicaSetsFor(d: KubeObject): KubeObject[] {
    let matches: (labels: Record<string, string> | undefined) => boolean;
    try {
      matches = labelSelectorMatcher(d.spec?.selector);
    } catch {
      return [];
    }
    const owned: KubeObject[] = [];
    for (const rs of this.api.list(REPLICASETS, d.metadata.namespace)) {
      if (!matches(rs.metadata.labels)) continue;
      const owner = controllerRefOf(rs);
      if (owner?.uid === d.metadata.uid) owned.push(rs);
      else if (!owner && !d.metadata.deletionTimestamp && !rs.metadata.deletionTimestamp) {
        // An orphan that matches the selector is adopted, as the real controller does.
        const adopted = this.api.mutate(REPLICASETS, rs.metadata.namespace, rs.metadata.name, (o) => {
          o.metadata.ownerReferences = [
            ...((o.metadata.ownerReferences ?? []) as Obj[]),
            { apiVersion: 'apps/v1', kind: 'Deployment', name: d.metadata.name, uid: d.metadata.uid, controller: true, blockOwnerDeletion: true },
          ];
        }, { manager: MANAGER });
        if (adopted) owned.push(adopted);
      }
    }
    return owned;
  }

  sync(key: string): void {
    const [namespace, name] = key.split('/') as [string, string];
    const found = this.api.find(DEPLOYMENTS, namespace, name);
    if (!found) return;
    const d = clone(found);
    d.status ??= {};
    const selector = d.spec?.selector ?? {};
    if (Object.keys(selector.matchLabels ?? {}).length === 0 && (selector.matchExpressions ?? []).length === 0) {
      this.recorder.record(d, 'Warning', 'SelectingAll', 'This deployment is selecting all pods. A non-empty selector is required.', SOURCE);
      if ((d.status.observedGeneration ?? 0) < d.metadata.generation) {
        d.status.observedGeneration = d.metadata.generation;
        this.updateStatus(d);
      }
      return;
    }
    const rsList = this.replicaSetsFor(d);
    try {
      if (d.metadata.deletionTimestamp) {
        const { newRS, oldRSs } = this.getAllReplicaSetsAndSyncRevision(d, rsList, false);
        this.syncDeploymentStatus([...oldRSs, newRS], newRS, d);
        return;
      }
      this.checkPausedConditions(d);
      if (d.spec.paused) {
        this.syncScaling(d, rsList);
        return;
      }
      if (this.isScalingEvent(d, rsList)) {
        this.syncScaling(d, this.replicaSetsFor(d));
        return;
      }
      if (isRolling(d)) this.rolloutRolling(d, rsList);
      else this.rolloutRecreate(d, rsList);
    } catch (error) {
      if (error instanceof AbortSync) {
        this.queue().add(key);
        return;
      }
      throw error;
    }
  }

  private checkPausedConditions(d: KubeObject): void {
    if (!hasProgressDeadline(d)) return;
    const cond = condition(d.status, 'Progressing');
    if (cond?.reason === REASONS.timedOut) return;
    const pausedCond = cond?.reason === REASONS.paused;
    if (d.spec.paused && !pausedCond) {
      setCondition(d.status, newCondition('Progressing', 'Unknown', REASONS.paused, 'Deployment is paused', this.now()));
    } else if (!d.spec.paused && pausedCond) {
      setCondition(d.status, newCondition('Progressing', 'Unknown', REASONS.resumed, 'Deployment is resumed', this.now()));
    } else {
      return;
    }
    this.updateStatus(d);
  }

  private getAllReplicaSetsAndSyncRevision(
    d: KubeObject,
    rsList: KubeObject[],
    create: boolean,
  ): { newRS: KubeObject | undefined; oldRSs: KubeObject[] } {
    const existing = findNewReplicaSet(d, rsList);
    const oldRSs = rsList.filter((rs) => rs.metadata.uid !== existing?.metadata.uid);
    const newRS = this.getNewReplicaSet(d, existing, oldRSs, create);
    return { newRS, oldRSs };
  }

  private getNewReplicaSet(d: KubeObject, existing: KubeObject | undefined, oldRSs: KubeObject[], create: boolean): KubeObject | undefined {
    const newRevision = maxRevision(oldRSs) + 1;
    if (existing) {
      const rsCopy = clone(existing);
      const annotationsUpdated = setNewReplicaSetAnnotations(d, rsCopy, newRevision, true);
      const minReadyChanged = (rsCopy.spec.minReadySeconds ?? 0) !== (d.spec.minReadySeconds ?? 0);
      if (annotationsUpdated || minReadyChanged) {
        rsCopy.spec.minReadySeconds = d.spec.minReadySeconds ?? 0;
        if (!rsCopy.spec.minReadySeconds) delete rsCopy.spec.minReadySeconds;
        return this.updateReplicaSet(rsCopy);
      }
      let needsUpdate = this.setDeploymentRevision(d, rsCopy.metadata.annotations?.[REVISION]);
      if (hasProgressDeadline(d) && !condition(d.status, 'Progressing')) {
        setCondition(d.status, newCondition('Progressing', 'True', REASONS.foundNewReplicaSet, `Found new replica set "${rsCopy.metadata.name}"`, this.now()));
        needsUpdate = true;
      }
      if (needsUpdate) this.updateStatus(d);
      return rsCopy;
    }
    if (!create) return undefined;

    const template = clone(d.spec.template ?? {}) as Obj;
    const hash = podTemplateHash(template, d.status.collisionCount);
    template.metadata = { ...(template.metadata ?? {}), labels: { ...(template.metadata?.labels ?? {}), [HASH_LABEL]: hash } };
    const selector = clone(d.spec.selector);
    selector.matchLabels = { ...(selector.matchLabels ?? {}), [HASH_LABEL]: hash };
    const newRS: KubeObject = {
      apiVersion: 'apps/v1',
      kind: 'ReplicaSet',
      metadata: {
        name: `${d.metadata.name}-${hash}`,
        namespace: d.metadata.namespace,
        labels: template.metadata.labels,
        ownerReferences: [
          { apiVersion: 'apps/v1', kind: 'Deployment', name: d.metadata.name, uid: d.metadata.uid, controller: true, blockOwnerDeletion: true },
        ],
      },
      spec: { replicas: 0, selector, template },
    };
    if (d.spec.minReadySeconds) newRS.spec.minReadySeconds = d.spec.minReadySeconds;
    const count = newRSNewReplicas(d, [...oldRSs, newRS], newRS);
    newRS.spec.replicas = count;
    setNewReplicaSetAnnotations(d, newRS, newRevision, false);
    let created: KubeObject;
    let alreadyExisted = false;
    try {
      created = this.api.create(REPLICASETS, d.metadata.namespace, newRS, { manager: MANAGER }).object;
    } catch (error) {
      if (!(error instanceof ApiError && error.reason === 'AlreadyExists')) {
        const message = `Failed to create new replica set "${newRS.metadata.name}": ${(error as Error).message}`;
        if (hasProgressDeadline(d)) {
          setCondition(d.status, newCondition('Progressing', 'False', 'ReplicaSetCreateError', message, this.now()));
          this.updateStatus(d);
        }
        this.recorder.record(d, 'Warning', 'ReplicaSetCreateError', message, SOURCE);
        throw error;
      }
      const rs = this.api.find(REPLICASETS, d.metadata.namespace, newRS.metadata.name)!;
      if (controllerRefOf(rs)?.uid === d.metadata.uid && equalIgnoreHash(d.spec.template, rs.spec.template)) {
        created = rs;
        alreadyExisted = true;
      } else {
        d.status.collisionCount = (d.status.collisionCount ?? 0) + 1;
        this.updateStatus(d);
        throw new AbortSync();
      }
    }
    if (!alreadyExisted && count > 0) {
      this.recorder.record(d, 'Normal', 'ScalingReplicaSet', `Scaled up replica set ${created.metadata.name} from 0 to ${count}`, SOURCE);
    }
    let needsUpdate = this.setDeploymentRevision(d, String(newRevision));
    if (!alreadyExisted && hasProgressDeadline(d)) {
      setCondition(d.status, newCondition('Progressing', 'True', REASONS.newReplicaSetCreated, `Created new replica set "${created.metadata.name}"`, this.now()));
      needsUpdate = true;
    }
    if (needsUpdate) this.updateStatus(d);
    return created;
  }

  private setDeploymentRevision(d: KubeObject, revision: string | undefined): boolean {
    if (revision === undefined) return false;
    const annotations = (d.metadata.annotations ??= {}) as Record<string, string>;
    if (annotations[REVISION] === revision) return false;
    annotations[REVISION] = revision;
    return true;
  }

  private scaleReplicaSet(rs: KubeObject, replicas: number, d: KubeObject, operation?: 'up' | 'down'): [boolean, KubeObject] {
    const sizeChanged = specReplicas(rs) !== replicas;
    const rsCopy = clone(rs);
    const annotationsChanged = setReplicasAnnotations(rsCopy, replicasOf(d), replicasOf(d) + maxSurge(d));
    if (!sizeChanged && !annotationsChanged) return [false, rs];
    const from = specReplicas(rs);
    rsCopy.spec.replicas = replicas;
    const updated = this.updateReplicaSet(rsCopy);
    if (sizeChanged) {
      const direction = operation ?? (from < replicas ? 'up' : 'down');
      this.recorder.record(d, 'Normal', 'ScalingReplicaSet', `Scaled ${direction} replica set ${rs.metadata.name} from ${from} to ${replicas}`, SOURCE);
    }
    return [sizeChanged, updated];
  }

  private isScalingEvent(d: KubeObject, rsList: KubeObject[]): boolean {
    const { newRS, oldRSs } = this.getAllReplicaSetsAndSyncRevision(d, rsList, false);
    for (const rs of filterActive([...oldRSs, newRS])) {
      const desired = rs.metadata.annotations?.[DESIRED_REPLICAS];
      if (desired === undefined) continue;
      if (Number(desired) !== replicasOf(d)) return true;
    }
    return false;
  }

  /** Scaling (and paused deployments): resize proportionally, no rollout. */
  private syncScaling(d: KubeObject, rsList: KubeObject[]): void {
    const { newRS, oldRSs } = this.getAllReplicaSetsAndSyncRevision(d, rsList, false);
    this.scale(d, newRS, oldRSs);
    if (d.spec.paused) this.cleanupDeployment(oldRSs, d);
    this.syncDeploymentStatus([...oldRSs, newRS], newRS, d);
  }

  private scale(d: KubeObject, newRS: KubeObject | undefined, oldRSs: KubeObject[]): void {
    const newestFirst = [...oldRSs].sort((a, b) => byCreation(b, a));
    const active = filterActive([...newestFirst, newRS]);
    let activeOrLatest: KubeObject | undefined;
    if (active.length === 0) activeOrLatest = newRS ?? newestFirst[0];
    else if (active.length === 1) activeOrLatest = active[0];
    if (active.length <= 1) {
      if (!activeOrLatest || specReplicas(activeOrLatest) === replicasOf(d)) return;
      this.scaleReplicaSet(activeOrLatest, replicasOf(d), d);
      return;
    }
    if (isSaturated(d, newRS)) {
      for (const old of filterActive(oldRSs)) this.scaleReplicaSet(old, 0, d);
      return;
    }
    if (!isRolling(d)) return;
    const all = filterActive([...oldRSs, newRS]);
    const allReplicas = sum(all, specReplicas);
    const allowed = replicasOf(d) > 0 ? replicasOf(d) + maxSurge(d) : 0;
    const toAdd = allowed - allReplicas;
    let operation: 'up' | 'down' | undefined;
    if (toAdd > 0) {
      all.sort((a, b) => specReplicas(b) - specReplicas(a) || byCreation(b, a));
      operation = 'up';
    } else if (toAdd < 0) {
      all.sort((a, b) => specReplicas(b) - specReplicas(a) || byCreation(a, b));
      operation = 'down';
    }
    let added = 0;
    const sizes = new Map<string, number>();
    for (const rs of all) {
      if (toAdd !== 0) {
        const proportion = this.proportion(rs, d, toAdd, added);
        sizes.set(rs.metadata.name, specReplicas(rs) + proportion);
        added += proportion;
      } else {
        sizes.set(rs.metadata.name, specReplicas(rs));
      }
    }
    all.forEach((rs, i) => {
      let size = sizes.get(rs.metadata.name)!;
      if (i === 0 && toAdd !== 0) size = Math.max(0, size + (toAdd - added));
      this.scaleReplicaSet(rs, size, d, operation);
    });
  }

  private proportion(rs: KubeObject, d: KubeObject, toAdd: number, added: number): number {
    if (specReplicas(rs) === 0 || toAdd === 0 || toAdd === added) return 0;
    let fraction: number;
    if (replicasOf(d) === 0) fraction = -specReplicas(rs);
    else {
      const deploymentReplicas = replicasOf(d) + maxSurge(d);
      const annotated = Number(rs.metadata.annotations?.[MAX_REPLICAS] ?? d.status?.replicas ?? 0) || (d.status?.replicas ?? 1);
      fraction = Math.round((specReplicas(rs) * deploymentReplicas) / annotated) - specReplicas(rs);
    }
    const allowed = toAdd - added;
    return toAdd > 0 ? Math.min(fraction, allowed) : Math.max(fraction, allowed);
  }

  private rolloutRolling(d: KubeObject, rsList: KubeObject[]): void {
    const { newRS, oldRSs } = this.getAllReplicaSetsAndSyncRevision(d, rsList, true);
    const allRSs = [...oldRSs, newRS!];
    if (this.reconcileNewReplicaSet(allRSs, newRS!, d)) {
      this.syncRolloutStatus(allRSs, newRS, d);
      return;
    }
    if (this.reconcileOldReplicaSets(allRSs, filterActive(oldRSs), newRS!, d)) {
      this.syncRolloutStatus(allRSs, newRS, d);
      return;
    }
    if (deploymentComplete(d, d.status)) this.cleanupDeployment(oldRSs, d);
    this.syncRolloutStatus(allRSs, newRS, d);
  }

  private reconcileNewReplicaSet(allRSs: KubeObject[], newRS: KubeObject, d: KubeObject): boolean {
    if (specReplicas(newRS) === replicasOf(d)) return false;
    if (specReplicas(newRS) > replicasOf(d)) return this.scaleReplicaSet(newRS, replicasOf(d), d)[0];
    return this.scaleReplicaSet(newRS, newRSNewReplicas(d, allRSs, newRS), d)[0];
  }

  private reconcileOldReplicaSets(allRSs: KubeObject[], oldRSs: KubeObject[], newRS: KubeObject, d: KubeObject): boolean {
    const oldPods = sum(oldRSs, specReplicas);
    if (oldPods === 0) return false;
    const allPods = sum(allRSs, specReplicas);
    const minAvailable = replicasOf(d) - maxUnavailable(d);
    const newUnavailable = specReplicas(newRS) - (newRS.status?.availableReplicas ?? 0);
    const maxScaledDown = allPods - minAvailable - newUnavailable;
    if (maxScaledDown <= 0) return false;
    const cleanup = this.cleanupUnhealthyReplicas(oldRSs, d, maxScaledDown);
    if (!cleanup) return false;
    const [cleaned, cleanedCount] = cleanup;
    const scaledDown = this.scaleDownOldReplicaSetsForRollingUpdate([...cleaned, newRS], cleaned, d);
    return cleanedCount + scaledDown > 0;
  }

  /** Scales down old ReplicaSets' unavailable pods first; undefined when the counts are inconsistent. */
  private cleanupUnhealthyReplicas(oldRSs: KubeObject[], d: KubeObject, maxCleanup: number): [KubeObject[], number] | undefined {
    const sorted = [...oldRSs].sort(byCreation);
    let total = 0;
    for (let i = 0; i < sorted.length; i++) {
      if (total >= maxCleanup) break;
      const rs = sorted[i]!;
      const available = rs.status?.availableReplicas ?? 0;
      if (specReplicas(rs) === 0 || specReplicas(rs) === available) continue;
      const count = Math.min(maxCleanup - total, specReplicas(rs) - available);
      // Status can lag a scale-down (more available than wanted); the real controller refuses
      // to "clean up" upwards and leaves old ReplicaSets alone for this sync.
      if (count < 0) return undefined;
      const [, updated] = this.scaleReplicaSet(rs, specReplicas(rs) - count, d);
      total += count;
      sorted[i] = updated;
    }
    return [sorted, total];
  }

  private scaleDownOldReplicaSetsForRollingUpdate(allRSs: KubeObject[], oldRSs: KubeObject[], d: KubeObject): number {
    const minAvailable = replicasOf(d) - maxUnavailable(d);
    const available = sum(allRSs, (rs) => rs.status?.availableReplicas ?? 0);
    if (available <= minAvailable) return 0;
    const target = available - minAvailable;
    let total = 0;
    for (const rs of [...oldRSs].sort(byCreation)) {
      if (total >= target) break;
      if (specReplicas(rs) === 0) continue;
      const count = Math.min(specReplicas(rs), target - total);
      this.scaleReplicaSet(rs, specReplicas(rs) - count, d);
      total += count;
    }
    return total;
  }

  private rolloutRecreate(d: KubeObject, rsList: KubeObject[]): void {
    let { newRS, oldRSs } = this.getAllReplicaSetsAndSyncRevision(d, rsList, false);
    let allRSs = [...oldRSs, newRS];
    let scaledDown = false;
    for (const rs of filterActive(oldRSs)) if (this.scaleReplicaSet(rs, 0, d)[0]) scaledDown = true;
    if (scaledDown) {
      this.syncRolloutStatus(allRSs, newRS, d);
      return;
    }
    if (this.oldPodsRunning(newRS, oldRSs, d)) {
      this.syncRolloutStatus(allRSs, newRS, d);
      return;
    }
    if (!newRS) {
      ({ newRS, oldRSs } = this.getAllReplicaSetsAndSyncRevision(d, this.replicaSetsFor(d), true));
      allRSs = [...oldRSs, newRS];
    }
    this.scaleReplicaSet(newRS!, replicasOf(d), d);
    if (deploymentComplete(d, d.status)) this.cleanupDeployment(oldRSs, d);
    this.syncRolloutStatus(allRSs, newRS, d);
  }

  private oldPodsRunning(newRS: KubeObject | undefined, oldRSs: KubeObject[], d: KubeObject): boolean {
    if (sum(oldRSs, (rs) => rs.status?.replicas ?? 0) > 0) return true;
    const oldUids = new Set(oldRSs.map((rs) => rs.metadata.uid));
    return this.api.store
      .peekList('pods', d.metadata.namespace)
      .some((p) => {
        const owner = controllerRefOf(p)?.uid;
        if (!owner || owner === newRS?.metadata.uid || !oldUids.has(owner)) return false;
        const phase = p.status?.phase;
        return phase !== 'Failed' && phase !== 'Succeeded';
      });
  }

  private cleanupDeployment(oldRSs: KubeObject[], d: KubeObject): void {
    const limit = d.spec.revisionHistoryLimit;
    if (typeof limit !== 'number') return;
    const cleanable = oldRSs.filter((rs) => !rs.metadata.deletionTimestamp);
    const diff = cleanable.length - limit;
    if (diff <= 0) return;
    cleanable.sort((a, b) => revisionOf(a) - revisionOf(b) || byCreation(a, b));
    for (let i = 0; i < diff; i++) {
      const rs = cleanable[i]!;
      if ((rs.status?.replicas ?? 0) !== 0 || specReplicas(rs) !== 0) continue;
      if ((rs.metadata.generation ?? 0) > (rs.status?.observedGeneration ?? 0)) continue;
      try {
        this.api.delete(REPLICASETS, rs.metadata.namespace, rs.metadata.name);
      } catch (error) {
        if (!(error instanceof ApiError && error.code === 404)) throw error;
      }
    }
  }

  private calculateStatus(allRSs: (KubeObject | undefined)[], newRS: KubeObject | undefined, d: KubeObject): Obj {
    const available = sum(allRSs, (rs) => rs.status?.availableReplicas ?? 0);
    const total = sum(allRSs, specReplicas);
    // Zero counts are left out, as the API's omitempty fields are.
    const status: Obj = omitZero({
      observedGeneration: d.metadata.generation,
      replicas: sum(allRSs, (rs) => rs.status?.replicas ?? 0),
      updatedReplicas: sum([newRS], (rs) => rs.status?.replicas ?? 0),
      readyReplicas: sum(allRSs, (rs) => rs.status?.readyReplicas ?? 0),
      availableReplicas: available,
      unavailableReplicas: Math.max(0, total - available),
    });
    if (d.status.collisionCount !== undefined) status.collisionCount = d.status.collisionCount;
    if (d.status.conditions) status.conditions = clone(d.status.conditions);
    const now = this.now();
    if (available >= replicasOf(d) - maxUnavailable(d)) {
      setCondition(status, newCondition('Available', 'True', REASONS.minimumAvailable, 'Deployment has minimum availability.', now));
    } else {
      setCondition(status, newCondition('Available', 'False', REASONS.minimumUnavailable, 'Deployment does not have minimum availability.', now));
    }
    return status;
  }

  private syncDeploymentStatus(allRSs: (KubeObject | undefined)[], newRS: KubeObject | undefined, d: KubeObject): void {
    const status = this.calculateStatus(allRSs, newRS, d);
    if (deepEqual(stripZero(d.status), stripZero(status))) return;
    d.status = status;
    this.updateStatus(d);
  }

  private syncRolloutStatus(allRSs: (KubeObject | undefined)[], newRS: KubeObject | undefined, d: KubeObject): void {
    const status = this.calculateStatus(allRSs, newRS, d);
    if (!hasProgressDeadline(d)) removeCondition(status, 'Progressing');
    const current = condition(d.status, 'Progressing');
    const complete = status.replicas === status.updatedReplicas && current?.reason === REASONS.newReplicaSetAvailable;
    const now = this.now();
    if (hasProgressDeadline(d) && !complete) {
      if (deploymentComplete(d, status)) {
        const message = newRS ? `ReplicaSet "${newRS.metadata.name}" has successfully progressed.` : `Deployment "${d.metadata.name}" has successfully progressed.`;
        setCondition(status, newCondition('Progressing', 'True', REASONS.newReplicaSetAvailable, message, now));
      } else if (deploymentProgressing(d, status)) {
        const message = newRS ? `ReplicaSet "${newRS.metadata.name}" is progressing.` : `Deployment "${d.metadata.name}" is progressing.`;
        const cond = newCondition('Progressing', 'True', REASONS.replicaSetUpdated, message, now);
        if (current) {
          if (current.status === 'True') cond.lastTransitionTime = current.lastTransitionTime;
          removeCondition(status, 'Progressing');
        }
        setCondition(status, cond);
      } else if (deploymentTimedOut(d, status, this.api.clock.now())) {
        const message = newRS ? `ReplicaSet "${newRS.metadata.name}" has timed out progressing.` : `Deployment "${d.metadata.name}" has timed out progressing.`;
        setCondition(status, newCondition('Progressing', 'False', REASONS.timedOut, message, now));
      }
    }
    const failure = this.replicaFailure(allRSs, newRS);
    if (failure) setCondition(status, failure);
    else removeCondition(status, 'ReplicaFailure');
    if (deepEqual(stripZero(d.status), stripZero(status))) {
      this.requeueStuckDeployment(d, status);
      return;
    }
    d.status = status;
    this.updateStatus(d);
  }

  private replicaFailure(allRSs: (KubeObject | undefined)[], newRS: KubeObject | undefined): Obj | undefined {
    const fromRS = (rs: KubeObject | undefined): Obj | undefined => {
      const c = ((rs?.status?.conditions ?? []) as Obj[]).find((x) => x.type === 'ReplicaFailure');
      return c ? { ...c, lastUpdateTime: c.lastTransitionTime } : undefined;
    };
    return fromRS(newRS) ?? allRSs.map(fromRS).find((c) => c !== undefined);
  }

  /** Schedules a re-check at the progress deadline when nothing else would wake the controller. */
  private requeueStuckDeployment(d: KubeObject, status: Obj): void {
    const current = condition(d.status, 'Progressing');
    if (!hasProgressDeadline(d) || !current) return;
    if (deploymentComplete(d, status) || current.reason === REASONS.timedOut) return;
    const lastUpdate = parseTime(current.lastUpdateTime);
    if (lastUpdate === undefined) return;
    const after = lastUpdate + d.spec.progressDeadlineSeconds * 1000 - this.api.clock.now();
    const key = `${d.metadata.namespace}/${d.metadata.name}`;
    this.queue().addAfter(key, after < 1000 ? 10 : after + 1000);
  }
}

function omitZero(values: Obj): Obj {
  const out: Obj = {};
  for (const [k, v] of Object.entries(values)) if (v !== 0 && v !== undefined) out[k] = v;
  return out;
}

/** Status with absent numbers and zeros treated alike, as Go's zero values are. */
function stripZero(status: Obj | undefined): Obj {
  const out: Obj = {};
  for (const [k, v] of Object.entries(status ?? {})) {
    if (v === 0 || v === undefined || v === null) continue;
    out[k] = v;
  }
  return out;
}


import { ConfigurationError } from '../core/errors.js';
import { describeKubeError, type KubeClient } from './client.js';
import { runHealthCheck, proxyProbe, serviceFor, urlProbe, type HealthResult } from './health.js';
import { sameImage } from './image.js';
import { applyManifests, prepareManifests, type ManifestObject } from './manifests.js';
import type { FailFastOptions } from './pod-failures.js';
import { planUndo, sameTemplate } from './rollback.js';
import { watchRollout, type FailureDetails, type RolloutOutcome } from './rollout.js';
import { rolloutState } from './rollout-status.js';
import { CHANGE_CAUSE_ANNOTATION, revisionOf, selectorString, type Deployment, type PodTemplate } from './types.js';
import type { WatchStats } from './watch.js';

/**
 * One release: the images of one or more Deployments changed together, watched, health-checked,
 * and — when any of them fails — all of them rolled back to what ran before (all or nothing: no
 * environment is left with some services on the new version and some on the old).
 */

export interface RolloutTarget {
  /** The catalog service, or the Deployment's name when the inputs name it directly. */
  label: string;
  service?: string;
  namespace: string;
  deployment: string;
  container: string;
  image: string;
  healthPath?: string;
}

export interface HealthSettings {
  retries: number;
  successThreshold: number;
  intervalMs: number;
  /** Probed once after every rollout succeeded. */
  url?: string;
}

export interface ReleaseOptions {
  client: KubeClient;
  targets: RolloutTarget[];
  manifests: ManifestObject[];
  defaultNamespace: string;
  createNamespace: boolean;
  changeCause: (target: RolloutTarget) => string;
  failFast: FailFastOptions;
  timeoutMs: number;
  rollback: boolean;
  health: HealthSettings;
  logLines: number;
  log: (message: string) => void;
  /** Failures are also reported as they are found (annotations), not only in the end. */
  error: (message: string) => void;
  now?: () => number;
}

export type TimelineEvent =
  | 'started'
  | 'manifests-applied'
  | 'image-set'
  | 'unchanged'
  | 'first-pod-ready'
  | 'rolled-out'
  | 'healthy'
  | 'failure-detected'
  | 'rollback-started'
  | 'rollback-done'
  | 'rollback-failed'
  | 'finished';

export interface TimelineEntry {
  at: number;
  event: TimelineEvent;
  /** The target's label, when the event is about one. */
  target?: string;
  detail: string;
}

export type Verdict = 'succeeded' | 'rolled-back' | 'failed';

export interface RollbackReport {
  result: 'done' | 'failed' | 'impossible' | 'not-needed';
  toRevision?: number;
  message: string;
}

export interface TargetReport {
  target: RolloutTarget;
  previousImage?: string;
  previousRevision: number;
  /** The image the Deployment's template holds at the end. */
  image?: string;
  revision: number;
  /** This run changed the pod template (a new revision). */
  changed: boolean;
  /** The Deployment did not exist before this run (its manifests created it). */
  created: boolean;
  verdict: Verdict;
  failure?: FailureDetails;
  health?: HealthResult & { probe: string };
  rollback?: RollbackReport;
  watch: WatchStats;
}

export interface ReleaseReport {
  verdict: Verdict;
  targets: TargetReport[];
  /** The first failure, in one line. */
  failureReason?: string;
  /** The target whose failure decided the release. */
  failedTarget?: string;
  failure?: FailureDetails;
  rollbackFailed: boolean;
  startedAt: number;
  finishedAt: number;
  timeline: TimelineEntry[];
}

interface TargetState {
  target: RolloutTarget;
  before?: Deployment;
  beforeImage?: string;
  changed: boolean;
  created: boolean;
  outcome?: RolloutOutcome;
  failure?: FailureDetails;
  health?: HealthResult & { probe: string };
  rollback?: RollbackReport;
  watch: WatchStats;
}

function containerImage(template: PodTemplate | undefined, container: string): string | undefined {
  return template?.spec?.containers.find((c) => c.name === container)?.image;
}

function addStats(a: WatchStats, b: WatchStats): WatchStats {
  return { drops: a.drops + b.drops, relists: a.relists + b.relists };
}

export function imagePatch(container: string, image: string, changeCause: string): unknown {
  return {
    metadata: { annotations: { [CHANGE_CAUSE_ANNOTATION]: changeCause } },
    spec: { template: { spec: { containers: [{ name: container, image }] } } },
  };
}

export async function runRelease(options: ReleaseOptions): Promise<ReleaseReport> {
  const now = options.now ?? Date.now;
  const { client } = options;
  const timeline: TimelineEntry[] = [];
  const mark = (event: TimelineEvent, detail: string, target?: string): void => {
    timeline.push({ at: now(), event, target, detail });
  };
  const startedAt = now();
  mark('started', `${options.targets.length} deployment${options.targets.length === 1 ? '' : 's'}`);
  const logFor = (target: RolloutTarget) => (message: string) => options.log(`[${target.label}] ${message}`);

  // 1. Everything is checked before anything changes.
  const states: TargetState[] = [];
  const manifestDeployments = new Set(
    options.manifests
      .filter((m) => m.object.kind === 'Deployment')
      .map((m) => `${m.object.metadata.namespace ?? options.defaultNamespace}/${m.object.metadata.name}`),
  );
  const namespaces = new Set([
    ...options.targets.map((t) => t.namespace),
    ...options.manifests.map((m) => m.object.metadata.namespace).filter((ns): ns is string => typeof ns === 'string'),
  ]);
  const createdByManifests = new Set(options.manifests.filter((m) => m.object.kind === 'Namespace').map((m) => m.object.metadata.name));
  for (const namespace of namespaces) {
    if (createdByManifests.has(namespace) || (await client.namespaceExists(namespace))) continue;
    if (!options.createNamespace) {
      throw new ConfigurationError(
        `namespace '${namespace}' does not exist on ${client.server}; create it, add a Namespace to 'manifests', or set create-namespace: true`,
      );
    }
    await client.createNamespace(namespace);
    options.log(`created namespace ${namespace} (create-namespace: true)`);
  }
  for (const target of options.targets) {
    const before = await client.readDeployment(target.namespace, target.deployment);
    if (!before && !manifestDeployments.has(`${target.namespace}/${target.deployment}`)) {
      throw new ConfigurationError(
        `deployment '${target.deployment}' does not exist in namespace '${target.namespace}'` +
          `${target.service ? ` (service '${target.service}')` : ''}; create it first or give its manifest in input 'manifests'`,
      );
    }
    if (before) {
      const containers = before.spec.template.spec?.containers ?? [];
      if (!containers.some((c) => c.name === target.container)) {
        throw new ConfigurationError(
          `deployment '${target.deployment}' has no container '${target.container}'; its containers: ${containers.map((c) => c.name).join(', ')}` +
            (target.service ? ` (set deploy.container of service '${target.service}' in the catalog)` : " (set input 'container')"),
        );
      }
      if (before.spec.paused) {
        throw new ConfigurationError(
          `deployment '${target.deployment}' is paused: it would not roll out; resume it (kubectl rollout resume deployment/${target.deployment} -n ${target.namespace})`,
        );
      }
    }
    states.push({
      target,
      before,
      beforeImage: containerImage(before?.spec.template, target.container),
      changed: false,
      created: !before,
      watch: { drops: 0, relists: 0 },
    });
  }

  const stopAll = new AbortController();
  let firstFailure: { state: TargetState; failure: FailureDetails } | undefined;
  const recordFailure = (state: TargetState, failure: FailureDetails): void => {
    state.failure = failure;
    if (firstFailure) return;
    firstFailure = { state, failure };
    mark('failure-detected', `${failure.reason}: ${failure.message}`, state.target.label);
    const where = [failure.pod && `pod ${failure.pod}`, failure.container && `container ${failure.container}`].filter(Boolean).join(', ');
    options.error(
      `${state.target.label}: ${failure.reason}${where ? ` (${where})` : ''}: ${failure.message}` +
        (failure.logs ? `\nlast log lines:\n${failure.logs}` : ''),
    );
    stopAll.abort();
  };
  let changeStarted = false;
  /** Whether the template now differs from before this run (after a partial change). */
  async function noteTemplateChange(state: TargetState): Promise<void> {
    if (state.changed) return;
    const now = await client.readDeployment(state.target.namespace, state.target.deployment).catch(() => undefined);
    if (!now) return;
    if (!state.before) state.changed = true;
    else if (!sameTemplate(state.before.spec.template, now.spec.template)) state.changed = true;
  }
  async function setImage(state: TargetState): Promise<void> {
    const { target } = state;
    const log = logFor(target);
    const current = await client.readDeployment(target.namespace, target.deployment);
    if (!current) throw new Error(`deployment ${target.deployment} vanished after the manifests were applied`);
    const running = containerImage(current.spec.template, target.container);
    if (!sameImage(running, target.image)) {
      changeStarted = true;
      const patched = await client.patchDeployment(
        target.namespace,
        target.deployment,
        imagePatch(target.container, target.image, options.changeCause(target)),
        'strategic',
      );
      log(`set image ${target.container}=${target.image} (was ${running ?? 'none'}), generation ${patched.metadata.generation}`);
      mark('image-set', `${target.container}: ${running ?? 'none'} → ${target.image}`, target.label);
      state.changed = true;
    } else if (state.before && !sameTemplate(state.before.spec.template, current.spec.template)) {
      log(`the manifests changed the pod template (image ${target.image})`);
      mark('image-set', `${target.container}: ${state.beforeImage ?? 'none'} → ${target.image} (from the manifests)`, target.label);
      state.changed = true;
    } else if (state.created) {
      log(`created by the manifests with image ${target.image}`);
      mark('image-set', `created with ${target.image}`, target.label);
      state.changed = true;
    } else {
      log(`already runs ${target.image}: no new revision; verifying the running rollout instead`);
      mark('unchanged', `already runs ${target.image} (revision ${revisionOf(current)})`, target.label);
    }
  }

  // 2. Manifests, with the new images written in, then the images of the Deployments they do not
  // describe. A change the cluster refuses half-way is a failure like a failed rollout: what was
  // changed already is rolled back.
  try {
    if (options.manifests.length > 0) {
      const prepared = prepareManifests(
        options.manifests,
        states.map((s) => ({
          namespace: s.target.namespace,
          deployment: s.target.deployment,
          container: s.target.container,
          image: s.target.image,
          changeCause: sameImage(s.beforeImage, s.target.image) ? undefined : options.changeCause(s.target),
        })),
        options.defaultNamespace,
      );
      const applied = await applyManifests(client, prepared, options.log, () => {
        changeStarted = true;
      });
      mark('manifests-applied', `${applied.length} object${applied.length === 1 ? '' : 's'} applied server-side`);
    }
    for (const state of states) await setImage(state);
  } catch (error) {
    // Nothing changed yet: the error stands on its own (a refused manifest, a missing container).
    if (!changeStarted) throw error;
    for (const state of states) await noteTemplateChange(state);
    const failed = states.find((s) => !s.changed) ?? states[states.length - 1]!;
    recordFailure(failed, {
      reason: 'ChangeFailed',
      message: error instanceof ConfigurationError ? error.message : `the cluster refused the change: ${describeKubeError(error)}`,
    });
  }

  // 3. Watch every rollout; the first failure stops the others.
  await Promise.all(
    states.map(async (state) => {
      const { target } = state;
      if (firstFailure) return;
      const outcome = await watchRollout({
        client,
        namespace: target.namespace,
        name: target.deployment,
        failFast: options.failFast,
        timeoutMs: options.timeoutMs,
        logLines: options.logLines,
        log: logFor(target),
        signal: stopAll.signal,
        onFirstPodReady: (pod) => mark('first-pod-ready', `pod ${pod} ready`, target.label),
      });
      state.outcome = outcome;
      state.watch = addStats(state.watch, outcome.stats);
      if (outcome.result === 'complete') {
        mark('rolled-out', `revision ${revisionOf(outcome.deployment)} available`, target.label);
      } else if (outcome.result === 'failed') {
        recordFailure(state, outcome.failure);
      }
    }),
  );

  // 4. Health checks, once every rollout is complete.
  if (!firstFailure) {
    await Promise.all(
      states.map(async (state) => {
        const { target } = state;
        if (!target.healthPath || state.outcome?.result !== 'complete') return;
        let services;
        try {
          services = await client.listServices(target.namespace);
        } catch (error) {
          recordFailure(state, { reason: 'HealthCheckFailed', message: `cannot list the Services of namespace ${target.namespace}: ${describeKubeError(error)}` });
          return;
        }
        const found = serviceFor(state.outcome.deployment, services);
        if (!found) {
          recordFailure(state, {
            reason: 'HealthCheckFailed',
            message: `no Service in namespace ${target.namespace} selects the pods of ${target.deployment} (${selectorString(state.outcome.deployment.spec.selector)}), so ${target.healthPath} cannot be probed through the services proxy; add a Service or use health-url`,
          });
          return;
        }
        const probe = proxyProbe(client, target.namespace, found.service.metadata.name, found.port, target.healthPath);
        const result = await runHealthCheck(probe, { ...options.health, log: logFor(target), signal: stopAll.signal });
        state.health = { ...result, probe: probe.description };
        if (result.healthy) mark('healthy', `${probe.description}: ${result.detail}`, target.label);
        else if (!stopAll.signal.aborted) {
          recordFailure(state, {
            reason: 'HealthCheckFailed',
            message: `${probe.description} failed after ${result.attempts} attempts: ${result.detail}`,
          });
        }
      }),
    );
    if (!firstFailure && options.health.url && states.length > 0) {
      const probe = urlProbe(options.health.url);
      const result = await runHealthCheck(probe, { ...options.health, log: options.log });
      const last = states[states.length - 1]!;
      last.health = { ...result, probe: probe.description };
      if (result.healthy) mark('healthy', `${probe.description}: ${result.detail}`);
      else {
        recordFailure(last, {
          reason: 'HealthCheckFailed',
          message: `${probe.description} failed after ${result.attempts} attempts: ${result.detail}`,
        });
      }
    }
  }

  // 5. On failure, every Deployment this run changed goes back to the revision it ran before.
  let rollbackFailed = false;
  if (firstFailure && options.rollback) {
    await Promise.all(
      states.map(async (state) => {
        const { target } = state;
        const log = logFor(target);
        if (!state.changed) {
          state.rollback = { result: 'not-needed', message: 'this run did not change it' };
          return;
        }
        if (state.created || !state.before) {
          // Nothing ran before: no mix of versions to fear, but the new Deployment stays as it is.
          state.rollback = {
            result: 'impossible',
            message: 'this run created it, so there is no earlier revision to return to',
          };
          return;
        }
        const beforeRevision = revisionOf(state.before);
        try {
          const deployment = await client.readDeployment(target.namespace, target.deployment);
          if (!deployment) throw new Error('the deployment is gone');
          const replicaSets = await client.listReplicaSets(target.namespace, { labelSelector: selectorString(deployment.spec.selector) });
          const plan = planUndo(deployment, replicaSets.items, beforeRevision);
          if (plan.kind === 'impossible') {
            state.rollback = { result: 'impossible', toRevision: beforeRevision, message: plan.reason };
            rollbackFailed = true;
            mark('rollback-failed', plan.reason, target.label);
            return;
          }
          if (plan.kind === 'patch') {
            if (plan.kubectlDefaultRevision !== plan.toRevision) {
              log(
                `kubectl rollout undo would pick revision ${plan.kubectlDefaultRevision}; returning to revision ${plan.toRevision}, which ran before this run`,
              );
            }
            mark('rollback-started', `to revision ${plan.toRevision} (${containerImage(plan.template, target.container) ?? '?'})`, target.label);
            log(`rolling back to revision ${plan.toRevision} (ReplicaSet ${plan.replicaSet.metadata.name}, image ${containerImage(plan.template, target.container)})`);
            await client.patchDeployment(target.namespace, target.deployment, plan.patch, 'json');
          } else {
            mark('rollback-started', `revision ${plan.toRevision}: ${plan.reason}`, target.label);
          }
          const outcome = await watchRollout({
            client,
            namespace: target.namespace,
            name: target.deployment,
            failFast: options.failFast,
            timeoutMs: options.timeoutMs,
            logLines: options.logLines,
            log,
          });
          state.watch = addStats(state.watch, outcome.stats);
          const final = await client.readDeployment(target.namespace, target.deployment);
          const verified =
            outcome.result === 'complete' &&
            final !== undefined &&
            sameTemplate(final.spec.template, state.before.spec.template) &&
            rolloutState(final).phase === 'complete';
          if (verified) {
            const message = `back on ${state.beforeImage} (revision ${revisionOf(final)}, was revision ${beforeRevision}), ${final.status?.availableReplicas ?? 0}/${final.spec.replicas ?? 1} available`;
            state.rollback = { result: 'done', toRevision: beforeRevision, message };
            mark('rollback-done', message, target.label);
            log(`rollback verified: ${message}`);
          } else {
            const why =
              outcome.result === 'failed'
                ? `${outcome.failure.reason}: ${outcome.failure.message}`
                : 'the Deployment does not run the previous pod template';
            state.rollback = { result: 'failed', toRevision: beforeRevision, message: why };
            rollbackFailed = true;
            mark('rollback-failed', why, target.label);
          }
        } catch (error) {
          const message = error instanceof ConfigurationError ? error.message : describeKubeError(error);
          state.rollback = { result: 'failed', toRevision: beforeRevision, message };
          rollbackFailed = true;
          mark('rollback-failed', message, target.label);
        }
      }),
    );
  }

  // 6. The verdict, and what runs now.
  const changed = states.filter((s) => s.changed);
  const allRestored = changed.length > 0 && changed.every((s) => s.rollback?.result === 'done');
  const verdict: Verdict = !firstFailure ? 'succeeded' : options.rollback && allRestored ? 'rolled-back' : 'failed';
  const targets: TargetReport[] = [];
  for (const state of states) {
    const final = await client.readDeployment(state.target.namespace, state.target.deployment).catch(() => undefined);
    let targetVerdict: Verdict;
    if (!firstFailure) targetVerdict = 'succeeded';
    else if (state.rollback?.result === 'done') targetVerdict = 'rolled-back';
    else if (!state.changed && !state.failure && verdict === 'rolled-back') targetVerdict = 'succeeded';
    else targetVerdict = 'failed';
    targets.push({
      target: state.target,
      previousImage: state.beforeImage,
      previousRevision: state.before ? revisionOf(state.before) : 0,
      image: containerImage(final?.spec.template, state.target.container),
      revision: final ? revisionOf(final) : 0,
      changed: state.changed,
      created: state.created,
      verdict: targetVerdict,
      failure: state.failure,
      health: state.health,
      rollback: state.rollback,
      watch: state.watch,
    });
  }
  const finishedAt = now();
  mark('finished', verdict);
  return {
    verdict,
    targets,
    failureReason: firstFailure
      ? `${firstFailure.state.target.label}: ${firstFailure.failure.reason}: ${firstFailure.failure.message}`
      : undefined,
    failedTarget: firstFailure?.state.target.label,
    failure: firstFailure?.failure,
    rollbackFailed,
    startedAt,
    finishedAt,
    timeline,
  };
}

import { cell, code, table } from '../core/summary.js';
import type { ReleaseReport, TargetReport, TimelineEntry, Verdict } from './release.js';

/** The job summary and the step outputs of a release. */

const TITLES: Record<Verdict, string> = {
  succeeded: 'succeeded',
  'rolled-back': 'failed and rolled back',
  failed: 'FAILED',
};

const EVENT_NAMES: Record<TimelineEntry['event'], string> = {
  started: 'start',
  'manifests-applied': 'manifests applied',
  'image-set': 'image set',
  unchanged: 'already running',
  'first-pod-ready': 'first new pod ready',
  'rolled-out': 'rollout complete',
  healthy: 'health check passed',
  'failure-detected': 'failure detected',
  'rollback-started': 'rollback started',
  'rollback-done': 'rollback done',
  'rollback-failed': 'ROLLBACK FAILED',
  finished: 'finished',
};

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`;
}

function result(target: TargetReport): string {
  switch (target.verdict) {
    case 'succeeded':
      return target.changed ? 'rolled out' : 'already running, verified';
    case 'rolled-back':
      return target.failure ? 'failed, rolled back' : 'rolled back (another service failed)';
    default:
      if (target.created && target.rollback?.result === 'impossible') return `failed, not rolled back: ${target.rollback.message}`;
      if (target.rollback?.result === 'failed' || target.rollback?.result === 'impossible') return `**rollback failed**: ${target.rollback.message}`;
      return target.failure ? `failed: ${target.failure.reason}` : 'failed';
  }
}

function revisions(target: TargetReport): string {
  if (target.created) return `new → ${target.revision}`;
  if (!target.changed) return String(target.revision);
  return `${target.previousRevision} → ${target.revision}`;
}

export function renderSummary(report: ReleaseReport, context: { cluster: string; environment?: string }): string {
  const lines: string[] = [];
  lines.push(`## GKE rollout ${TITLES[report.verdict]}`, '');
  if (report.rollbackFailed) {
    const broken = report.targets.filter((t) => t.rollback?.result === 'failed' || (t.rollback?.result === 'impossible' && !t.created));
    lines.push(
      '> [!CAUTION]',
      `> **The rollback failed.** ${broken.map((t) => `${cell(t.target.label)} (${cell(t.target.namespace)}/${cell(t.target.deployment)}): ${cell(t.rollback?.message)}`).join('; ')}.`,
      '> The environment may be running a mix of versions or failing pods: act now.',
      '',
    );
  } else if (report.verdict === 'rolled-back') {
    const back = report.targets.filter((t) => t.rollback?.result === 'done').map((t) => `${cell(t.target.label)} on ${code(t.image ?? '?')}`);
    lines.push('> [!WARNING]', `> ${cell(report.failureReason)}`, `> Rolled back: ${back.join(', ')} — the previous images run again.`, '');
  } else if (report.verdict === 'failed') {
    lines.push('> [!WARNING]', `> ${cell(report.failureReason)}`, '');
  }
  lines.push(`Cluster: ${cell(context.cluster)}${context.environment ? ` · environment ${cell(context.environment)}` : ''} · ${seconds(report.finishedAt - report.startedAt)}`, '');
  lines.push(
    table(
      ['Service', 'Deployment', 'Image before', 'Image now', 'Revisions', 'Result'],
      report.targets.map((t) => [
        cell(t.target.label),
        cell(`${t.target.namespace}/${t.target.deployment} (${t.target.container})`),
        t.previousImage ? code(t.previousImage) : 'none',
        t.image ? code(t.image) : '?',
        cell(revisions(t)),
        result(t),
      ]),
    ),
    '',
  );
  if (report.failure) {
    const f = report.failure;
    lines.push('### What failed', '');
    lines.push(`- Service: ${cell(report.failedTarget)}`);
    if (f.pod) lines.push(`- Pod: ${code(f.pod)}`);
    if (f.container) lines.push(`- Container: ${code(f.container)}`);
    lines.push(`- Reason: **${cell(f.reason)}**`, `- ${cell(f.message)}`, '');
    if (f.logs) lines.push('Last log lines:', '', '```text', f.logs.replace(/```/g, "'''"), '```', '');
  }
  const health = report.targets.filter((t) => t.health);
  if (health.length > 0) {
    lines.push('### Health checks', '');
    lines.push(
      table(
        ['Service', 'Probe', 'Result'],
        health.map((t) => [cell(t.target.label), cell(t.health!.probe), cell(`${t.health!.healthy ? 'healthy' : 'unhealthy'} after ${t.health!.attempts} attempts: ${t.health!.detail}`)]),
      ),
      '',
    );
  }
  lines.push('### Timeline', '');
  lines.push(
    table(
      ['Time (UTC)', 'After', 'Service', 'Event', 'Detail'],
      report.timeline.map((entry) => [
        new Date(entry.at).toISOString().slice(11, 23),
        `+${seconds(entry.at - report.startedAt)}`,
        cell(entry.target ?? ''),
        entry.event === 'rollback-failed' ? `**${EVENT_NAMES[entry.event]}**` : EVENT_NAMES[entry.event],
        cell(entry.detail),
      ]),
    ),
    '',
  );
  const resumed = report.targets.filter((t) => t.watch.drops > 0 || t.watch.relists > 0);
  if (resumed.length > 0) {
    lines.push(
      `Watch streams: ${resumed.map((t) => `${cell(t.target.label)} resumed ${t.watch.drops} time${t.watch.drops === 1 ? '' : 's'}, listed again ${t.watch.relists} time${t.watch.relists === 1 ? '' : 's'} after 410 Gone`).join('; ')}.`,
      '',
    );
  }
  return lines.join('\n');
}

export interface StepOutputs {
  verdict: string;
  revision: string;
  'previous-image': string;
  image: string;
  'rolled-back': string;
  'duration-seconds': string;
  'failure-reason': string;
  results: string;
}

/**
 * One Deployment: plain values. Several: `revision`, `image` and `previous-image` are JSON
 * objects keyed by service; `results` always has one entry per Deployment.
 */
export function stepOutputs(report: ReleaseReport): StepOutputs {
  const single = report.targets.length === 1 ? report.targets[0] : undefined;
  const perTarget = (value: (t: TargetReport) => string): string =>
    single ? value(single) : JSON.stringify(Object.fromEntries(report.targets.map((t) => [t.target.label, value(t)])));
  const results = report.targets.map((t) => ({
    service: t.target.service ?? null,
    namespace: t.target.namespace,
    deployment: t.target.deployment,
    container: t.target.container,
    verdict: t.verdict,
    image: t.image ?? null,
    'previous-image': t.previousImage ?? null,
    revision: t.revision,
    'previous-revision': t.previousRevision,
    changed: t.changed,
    'failure-reason': t.failure ? `${t.failure.reason}: ${t.failure.message}` : null,
    rollback: t.rollback?.result ?? null,
  }));
  return {
    verdict: report.verdict,
    revision: perTarget((t) => String(t.revision)),
    'previous-image': perTarget((t) => t.previousImage ?? ''),
    image: perTarget((t) => t.image ?? ''),
    'rolled-back': String(report.targets.some((t) => t.rollback?.result === 'done')),
    'duration-seconds': ((report.finishedAt - report.startedAt) / 1000).toFixed(1),
    'failure-reason': report.failureReason ?? '',
    results: JSON.stringify(results),
  };
}

import { globBase } from '../catalog/globs.js';
import type { Catalog } from '../catalog/types.js';
import { cell, code, details, table } from '../core/summary.js';
import type { Affected, ServiceReasons } from './affected.js';
import type { Comparison } from './types.js';

/** Longest file list kept per reason in the `reasons` output; the rest is counted. */
const MAX_FILES_PER_REASON = 20;

export type MatrixEntry = Record<string, string | number | string[]>;

/** One `strategy.matrix` entry per service, its catalog entry flattened. */
export function matrixEntries(catalog: Catalog, services: readonly string[]): MatrixEntry[] {
  return services.map((name) => {
    const service = catalog.services.get(name)!;
    const entry: MatrixEntry = { service: name };
    const directory = service.paths[0] === undefined ? '' : globBase(service.paths[0]);
    if (directory) entry.directory = directory;
    if (service.image) {
      entry.image = service.image.name;
      entry.context = service.image.context;
      entry.dockerfile = service.image.dockerfilePath;
      if (service.image.target) entry.target = service.image.target;
    }
    if (service.deploy) {
      entry.deployment = service.deploy.deployment;
      entry.container = service.deploy.container;
      entry.namespace = service.deploy.namespace;
    }
    if (service.dvc) entry.stages = service.dvc.stages;
    if (service.metrics) entry['metrics-files'] = service.metrics.files;
    if (service.test?.coverage !== undefined) entry.coverage = service.test.coverage;
    return entry;
  });
}

function truncated(files: readonly string[]): string[] {
  if (files.length <= MAX_FILES_PER_REASON) return [...files];
  return [...files.slice(0, MAX_FILES_PER_REASON), `… and ${files.length - MAX_FILES_PER_REASON} more`];
}

/** The `reasons` output: long file lists are cut, so a 10,000-file change stays a small output. */
export function reasonsOutput(affected: Affected): Record<string, ServiceReasons> {
  const result: Record<string, ServiceReasons> = {};
  for (const [service, why] of affected.reasons) {
    const out: ServiceReasons = {};
    if (why.selected) out.selected = why.selected;
    if (why.files) out.files = truncated(why.files);
    if (why.global) out.global = truncated(why.global);
    if (why.groups) {
      out.groups = Object.fromEntries(Object.entries(why.groups).map(([group, files]) => [group, truncated(files)]));
    }
    if (why.dependencies) out.dependencies = why.dependencies;
    if (why.dvc) out.dvc = why.dvc;
    result[service] = out;
  }
  return result;
}

function fileList(files: readonly string[], limit = 3): string {
  const shown = files.slice(0, limit).map(code).join(', ');
  return files.length > limit ? `${shown} and ${files.length - limit} more` : shown;
}

/** One line of markdown saying why a service changed. */
export function describeReasons(why: ServiceReasons): string {
  const parts: string[] = [];
  if (why.selected) parts.push(cell(why.selected));
  if (why.files) parts.push(`files: ${fileList(why.files)}`);
  if (why.global) parts.push(`global: ${fileList(why.global)}`);
  for (const [group, files] of Object.entries(why.groups ?? {})) parts.push(`group ${code(group)}: ${fileList(files, 2)}`);
  if (why.dependencies) parts.push(`uses ${why.dependencies.map(code).join(', ')}`);
  for (const [stage, what] of Object.entries(why.dvc ?? {})) parts.push(`stage ${code(stage)}: ${cell(what.join('; '))}`);
  return parts.join('<br>');
}

export function describeComparison(comparison: Comparison, fileCount: number | undefined, source?: string): string {
  switch (comparison.kind) {
    case 'diff':
      return (
        `Compared ${code(comparison.base.slice(0, 12))}…${code(comparison.head.slice(0, 12))} (${cell(comparison.reason)}): ` +
        `${fileCount ?? 0} changed file${fileCount === 1 ? '' : 's'}${source === 'rest' ? ', listed by the GitHub API' : ''}.`
      );
    case 'all':
      return `Every service selected: ${cell(comparison.reason)}.`;
    case 'selected':
      return `Services selected: ${cell(comparison.reason)}.`;
  }
}

export function renderSummary(catalog: Catalog, affected: Affected, comparison: Comparison, fileCount?: number, source?: string): string {
  const changed = affected.services.length;
  const total = catalog.services.size;
  const rows = [...catalog.services.keys()].map((name) => {
    const why = affected.reasons.get(name);
    return [code(name), why ? '✅ changed' : 'unchanged', why ? describeReasons(why) : ''];
  });
  const heading = `### Changed services: ${changed} of ${total}\n\n${describeComparison(comparison, fileCount, source)}\n\n`;
  const body = table(['Service', 'Status', 'Why'], rows);
  // A very large catalog keeps the summary readable: unchanged services folded away.
  if (total > 50) {
    const changedRows = rows.filter((row) => row[1] !== 'unchanged');
    const unchanged = rows.filter((row) => row[1] === 'unchanged').map((row) => row[0]).join(', ');
    return (
      heading +
      table(['Service', 'Status', 'Why'], changedRows) +
      '\n\n' +
      details(`${total - changed} unchanged services`, unchanged || 'none') +
      '\n'
    );
  }
  return `${heading}${body}\n`;
}

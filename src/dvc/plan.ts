import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as core from '../core/runner.js';
import { loadCatalog, requireService } from '../catalog/index.js';
import { ConfigurationError, type FileLocation } from '../core/errors.js';
import { asParamMap, parseParamsFile } from './files.js';
import { lockFileOf } from './lock.js';
import { isWithin } from './paths.js';
import { loadPipeline, parseStageAddress, PROJECT_FILE, type PipelineStage } from './pipeline.js';

/**
 * What a run reproduces: the targets handed to DVC (the catalog's `dvc.stages` of the services
 * given, or the `targets` input, or every stage of dvc.yaml), and, read from dvc.yaml, the stages
 * DVC will consider (the targets and everything upstream of them), their metrics files, and the
 * lock files whose content keys the cache.
 */

export interface TargetSelection {
  /** Targets for `dvc repro`; empty: dvc.yaml's every stage. */
  targets: string[];
  /** Services the targets came from. */
  services: string[];
  /** Services given that declare no DVC stages. */
  servicesWithoutStages: string[];
  /** True when an explicit empty service list was given: nothing to reproduce. */
  nothingToDo: boolean;
  /** Metrics files the catalog declares for those services. */
  catalogMetrics: string[];
  /** For messages: where the targets came from. */
  origin: string;
}

export function selectTargets(
  repoRoot: string,
  input: { services: string[] | undefined; targets: string[]; catalogPath: string },
): TargetSelection {
  if (input.targets.length > 0 && input.services !== undefined && input.services.length > 0) {
    throw new ConfigurationError(`inputs 'services' and 'targets' cannot be used together; set only one of them`);
  }
  if (input.targets.length > 0) {
    return { targets: input.targets, services: [], servicesWithoutStages: [], nothingToDo: false, catalogMetrics: [], origin: "the 'targets' input" };
  }
  if (input.services === undefined) {
    return { targets: [], services: [], servicesWithoutStages: [], nothingToDo: false, catalogMetrics: [], origin: 'every stage of dvc.yaml' };
  }
  if (input.services.length === 0) {
    return { targets: [], services: [], servicesWithoutStages: [], nothingToDo: true, catalogMetrics: [], origin: "the 'services' input (empty)" };
  }
  const catalog = loadCatalog(repoRoot, input.catalogPath);
  const targets: string[] = [];
  const services: string[] = [];
  const without: string[] = [];
  const metrics: string[] = [];
  for (const name of input.services) {
    const service = requireService(catalog, name, "input 'services'");
    if (!service.dvc || service.dvc.stages.length === 0) {
      without.push(name);
      continue;
    }
    services.push(name);
    for (const stage of service.dvc.stages) if (!targets.includes(stage)) targets.push(stage);
    for (const file of service.metrics?.files ?? []) if (!metrics.includes(file)) metrics.push(file);
  }
  return {
    targets,
    services,
    servicesWithoutStages: without,
    nothingToDo: targets.length === 0,
    catalogMetrics: metrics,
    origin: `the catalog's dvc.stages of ${services.join(', ') || 'no service'}`,
  };
}

export interface PlannedStage {
  name: string;
  location?: FileLocation;
  /** Repository-relative metrics files it declares. */
  metrics: { path: string; cache: boolean }[];
  /** Outputs DVC caches, repository-relative. */
  cachedOutputs: string[];
}

export interface ReproPlan {
  /** In pipeline order: upstream stages first. */
  stages: PlannedStage[];
  /** dvc.lock files of the pipelines involved, repository-relative. */
  lockFiles: string[];
  /** False when dvc.yaml could not be read here (DVC remains the judge; the report relies on its output). */
  complete: boolean;
}

async function readPipeline(repoRoot: string, dvcfile: string): Promise<PipelineStage[]> {
  const full = join(repoRoot, dvcfile);
  if (!existsSync(full)) return [];
  const loadParams = async (path: string) => {
    const file = join(repoRoot, path);
    if (!existsSync(file)) return undefined;
    const value = parseParamsFile(readFileSync(file, 'utf8'), path);
    return value === undefined ? undefined : asParamMap(value, path);
  };
  return (await loadPipeline(dvcfile, readFileSync(full, 'utf8'), loadParams)).stages;
}

function dependsOn(stage: PipelineStage, upstream: PipelineStage): boolean {
  return stage.depPaths.some((dep) =>
    upstream.outs.some((out) => out.repoPath !== undefined && (isWithin(dep, out.repoPath) || isWithin(out.repoPath, dep))),
  );
}

/** Stages DVC will visit for these targets, read from the dvc.yaml files they live in. */
export async function planStages(repoRoot: string, targets: readonly string[]): Promise<ReproPlan> {
  const dvcfiles = new Set<string>([PROJECT_FILE]);
  for (const target of targets) {
    if (target.endsWith('dvc.yaml')) dvcfiles.add(target);
    else dvcfiles.add(parseStageAddress(target).dvcfile);
  }
  const lockFiles = [...dvcfiles].map(lockFileOf);
  let all: PipelineStage[];
  try {
    all = (await Promise.all([...dvcfiles].map((file) => readPipeline(repoRoot, file)))).flat();
  } catch (error) {
    core.debug(`could not read the pipelines here (${error instanceof Error ? error.message : String(error)}); the report follows DVC's output`);
    return { stages: targets.map((name) => ({ name, metrics: [], cachedOutputs: [] })), lockFiles, complete: false };
  }
  const byName = new Map(all.map((stage) => [stage.name, stage]));
  const wanted = new Set<string>();
  const visit = (stage: PipelineStage): void => {
    if (wanted.has(stage.name)) return;
    wanted.add(stage.name);
    for (const other of all) if (other !== stage && dependsOn(stage, other)) visit(other);
  };
  const roots =
    targets.length === 0
      ? all.filter((stage) => stage.dvcfile === PROJECT_FILE)
      : targets.flatMap((target) => {
          if (target.endsWith('dvc.yaml')) return all.filter((stage) => stage.dvcfile === target);
          const stage = byName.get(target) ?? byName.get(parseStageAddress(target).name);
          return stage ? [stage] : [];
        });
  for (const stage of roots) visit(stage);
  const ordered = topological(all.filter((stage) => wanted.has(stage.name)));
  return {
    stages: ordered.map((stage) => ({
      name: stage.name,
      location: stage.location,
      metrics: stage.outs.filter((out) => out.field === 'metrics' && out.repoPath).map((out) => ({ path: out.repoPath!, cache: out.cache })),
      cachedOutputs: stage.outs.filter((out) => out.cache && out.repoPath).map((out) => out.repoPath!),
    })),
    lockFiles,
    complete: true,
  };
}

/** Upstream stages first, otherwise in file order. */
function topological(stages: PipelineStage[]): PipelineStage[] {
  const done = new Set<PipelineStage>();
  const result: PipelineStage[] = [];
  const visit = (stage: PipelineStage, path: Set<PipelineStage>): void => {
    if (done.has(stage) || path.has(stage)) return;
    path.add(stage);
    for (const other of stages) if (other !== stage && dependsOn(stage, other)) visit(other, path);
    path.delete(stage);
    done.add(stage);
    result.push(stage);
  };
  for (const stage of stages) visit(stage, new Set());
  return result;
}

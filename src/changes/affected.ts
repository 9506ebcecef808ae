import type { Catalog } from '../catalog/types.js';
import { PathMatcher } from './matcher.js';
import type { ChangedFile } from './types.js';

/** Why a service is affected. Only the kinds that apply are present. */
export interface ServiceReasons {
  /** The service's own files that changed. */
  files?: string[];
  /** Changed files of the catalog's `global` paths. */
  global?: string[];
  /** Shared groups it uses (directly or through other services) with their changed files. */
  groups?: Record<string, string[]>;
  /** Services it uses (directly or transitively) that changed. */
  dependencies?: string[];
  /** Its DVC stages that changed, each with what changed. */
  dvc?: Record<string, string[]>;
  /** Selected without a diff: by a workflow_dispatch or schedule, or because no base exists. */
  selected?: string;
}

export interface Affected {
  /** Affected services, in catalog order. */
  services: string[];
  reasons: Map<string, ServiceReasons>;
}

type Owner = { kind: 'global' } | { kind: 'group'; name: string } | { kind: 'service'; name: string };

/** Builds the matcher of a catalog once: global paths, shared groups and services. */
export function catalogMatcher(catalog: Catalog): PathMatcher<Owner> {
  const entries: { owner: Owner; include: readonly string[]; exclude?: readonly string[] }[] = [
    { owner: { kind: 'global' }, include: catalog.global },
  ];
  for (const group of catalog.shared.values()) {
    entries.push({ owner: { kind: 'group', name: group.name }, include: group.paths, exclude: group.ignore });
  }
  for (const service of catalog.services.values()) {
    entries.push({ owner: { kind: 'service', name: service.name }, include: service.paths, exclude: service.ignore });
  }
  return new PathMatcher(entries);
}

/** Does a catalog stage name cover a stage DVC reported? `train` covers the foreach stages `train@x`. */
export function stageCovers(catalogStage: string, dvcStage: string): boolean {
  return dvcStage === catalogStage || dvcStage.startsWith(`${catalogStage}@`);
}

/**
 * Decides which services a set of changed files (and changed DVC stages) affects.
 * A rename counts for its old and new path, a copy for its new path only. A global change affects every service; a
 * change in a shared group or a service affects every service that uses it, transitively.
 */
export function computeAffected(
  catalog: Catalog,
  files: readonly ChangedFile[],
  changedStages: ReadonlyMap<string, string[]>,
  dependents: ReadonlyMap<string, readonly string[]>,
): Affected {
  const matcher = catalogMatcher(catalog);
  const globalFiles: string[] = [];
  const groupFiles = new Map<string, string[]>();
  const serviceFiles = new Map<string, string[]>();
  const add = (map: Map<string, string[]>, key: string, path: string): void => {
    const list = map.get(key);
    if (!list) map.set(key, [path]);
    else if (list[list.length - 1] !== path) list.push(path);
  };

  for (const file of files) {
    // A rename changes both paths; a copy leaves its source untouched.
    const paths =
      file.status === 'renamed' && file.previousPath && file.previousPath !== file.path
        ? [file.path, file.previousPath]
        : [file.path];
    for (const path of paths) {
      for (const owner of matcher.match(path)) {
        if (owner.kind === 'global') {
          if (globalFiles[globalFiles.length - 1] !== path) globalFiles.push(path);
        } else if (owner.kind === 'group') add(groupFiles, owner.name, path);
        else add(serviceFiles, owner.name, path);
      }
    }
  }

  const reasons = new Map<string, ServiceReasons>();
  const reasonsOf = (service: string): ServiceReasons => {
    let entry = reasons.get(service);
    if (!entry) reasons.set(service, (entry = {}));
    return entry;
  };

  if (globalFiles.length > 0) {
    for (const service of catalog.services.keys()) reasonsOf(service).global = globalFiles;
  }
  for (const [group, paths] of groupFiles) {
    for (const service of dependents.get(group) ?? []) (reasonsOf(service).groups ??= {})[group] = paths;
  }
  for (const [service, paths] of serviceFiles) reasonsOf(service).files = paths;

  for (const service of catalog.services.values()) {
    for (const stage of service.dvc?.stages ?? []) {
      for (const [dvcStage, why] of changedStages) {
        if (stageCovers(stage, dvcStage)) (reasonsOf(service.name).dvc ??= {})[dvcStage] = why;
      }
    }
  }

  // A service changed by its own files or stages changes the services that use it.
  const directlyChanged = [...reasons.entries()]
    .filter(([, why]) => why.files !== undefined || why.dvc !== undefined)
    .map(([name]) => name);
  for (const changed of directlyChanged) {
    for (const dependent of dependents.get(changed) ?? []) {
      const why = reasonsOf(dependent);
      if (!why.dependencies?.includes(changed)) (why.dependencies ??= []).push(changed);
    }
  }

  const services = [...catalog.services.keys()].filter((name) => reasons.has(name));
  return { services, reasons: new Map(services.map((name) => [name, reasons.get(name)!])) };
}

/** Every service, or the named ones, selected without a diff. */
export function selectServices(catalog: Catalog, names: readonly string[] | 'all', why: string): Affected {
  const services = names === 'all' ? [...catalog.services.keys()] : [...catalog.services.keys()].filter((n) => names.includes(n));
  return { services, reasons: new Map(services.map((name) => [name, { selected: why }])) };
}

import { ConfigurationError } from '../core/errors.js';
import { didYouMean, listSome } from './suggest.js';
import type { Catalog, Dependencies, Service } from './types.js';
import type { CatalogContent, CatalogReader } from './validate.js';

/**
 * Checks every `uses` entry once the whole catalog is read: each names a shared group or a
 * service, at most once per service, and no service depends on itself through others.
 */
export function checkUses(content: CatalogContent, reader: CatalogReader): void {
  const groupNames = [...content.groupKeys.keys()];
  const serviceNames = [...content.serviceKeys.keys()];
  const seen = new Map<string, Set<string>>();
  for (const entry of content.uses) {
    let names = seen.get(entry.service);
    if (!names) seen.set(entry.service, (names = new Set()));
    if (names.has(entry.name)) {
      reader.report(entry.node.start, entry.path, `'${entry.name}' is listed twice; remove one`);
      continue;
    }
    names.add(entry.name);
    if (content.groupKeys.has(entry.name) || content.serviceKeys.has(entry.name)) continue;
    const guess = didYouMean(entry.name, [...groupNames, ...serviceNames]);
    const hint = guess ? ` did you mean '${guess}'?` : '';
    const groups = groupNames.length ? listSome(groupNames) : 'none';
    reader.report(
      entry.node.start,
      entry.path,
      `'${entry.name}' is neither a shared group nor a service;${hint} shared groups: ${groups}; services: ${listSome(serviceNames)}`,
    );
  }
  reportCycles(content, reader);
}

/** One report per cycle, on its `uses` entry written first, the path starting there. */
function reportCycles(content: CatalogContent, reader: CatalogReader): void {
  const edges = new Map<string, CatalogContent['uses']>();
  for (const entry of content.uses) {
    if (!content.serviceKeys.has(entry.name) || content.groupKeys.has(entry.name)) continue;
    const list = edges.get(entry.service) ?? [];
    list.push(entry);
    edges.set(entry.service, list);
  }
  const state = new Map<string, 'active' | 'done'>();
  const stack: CatalogContent['uses'] = [];
  const visit = (service: string): void => {
    state.set(service, 'active');
    for (const edge of edges.get(service) ?? []) {
      const next = state.get(edge.name);
      if (next === 'done') continue;
      if (next === 'active') {
        const from = stack.findIndex((earlier) => earlier.service === edge.name);
        reportCycle([...stack.slice(from === -1 ? stack.length : from), edge], reader);
        continue;
      }
      stack.push(edge);
      visit(edge.name);
      stack.pop();
    }
    state.set(service, 'done');
  };
  for (const service of content.serviceKeys.keys()) if (!state.has(service)) visit(service);
}

function reportCycle(cycle: CatalogContent['uses'], reader: CatalogReader): void {
  let first = 0;
  cycle.forEach((edge, index) => {
    if (edge.node.start < (cycle[first]?.node.start ?? Infinity)) first = index;
  });
  const ordered = [...cycle.slice(first), ...cycle.slice(0, first)];
  const start = ordered[0];
  if (!start) return;
  const names = [start.service, ...ordered.map((edge) => edge.name)].join(' -> ');
  reader.report(
    start.node.start,
    start.path,
    `dependency cycle ${names}; a service cannot depend on itself, directly or through others: remove one of these uses`,
  );
}

/** The service of this name, or a ConfigurationError naming the known ones. */
export function requireService(catalog: Catalog, name: string, source = 'service'): Service {
  const service = catalog.services.get(name);
  if (service) return service;
  const names = serviceNames(catalog);
  const guess = didYouMean(name, names);
  const hint = guess ? ` did you mean '${guess}'?` : '';
  throw new ConfigurationError(
    `${source}: '${name}' is not a service of the catalog ${catalog.file};${hint} its services are ${listSome(names)}`,
  );
}

export function serviceNames(catalog: Catalog): string[] {
  return [...catalog.services.keys()];
}

export function groupNames(catalog: Catalog): string[] {
  return [...catalog.shared.keys()];
}

/** The shared groups and services a service depends on through `uses`, transitively, in catalog order. */
export function resolveDependencies(catalog: Catalog, serviceName: string): Dependencies {
  requireService(catalog, serviceName);
  const reached = closure(catalog, serviceName, new Map());
  return inCatalogOrder(catalog, reached);
}

/**
 * For every shared group and every service, the services that depend on it directly or
 * transitively (not itself), in catalog order: a change to a group's paths affects each of them.
 */
export function dependentsIndex(catalog: Catalog): Map<string, string[]> {
  const index = new Map<string, string[]>();
  for (const name of catalog.shared.keys()) index.set(name, []);
  for (const name of catalog.services.keys()) index.set(name, []);
  const memo = new Map<string, Set<string>>();
  for (const service of catalog.services.keys()) {
    for (const dependency of closure(catalog, service, memo)) index.get(dependency)?.push(service);
  }
  return index;
}

/** Every group and service name reached from a service; the catalog has no cycles. */
function closure(catalog: Catalog, service: string, memo: Map<string, Set<string>>): Set<string> {
  const known = memo.get(service);
  if (known) return known;
  const reached = new Set<string>();
  memo.set(service, reached);
  for (const name of catalog.services.get(service)?.uses ?? []) {
    reached.add(name);
    if (catalog.services.has(name)) for (const further of closure(catalog, name, memo)) reached.add(further);
  }
  reached.delete(service);
  return reached;
}

function inCatalogOrder(catalog: Catalog, names: Set<string>): Dependencies {
  return {
    groups: [...catalog.shared.keys()].filter((name) => names.has(name)),
    services: [...catalog.services.keys()].filter((name) => names.has(name)),
  };
}

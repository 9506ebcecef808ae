/** Discovery documents: legacy (/api, /apis, /api/v1, /apis/apps/v1) and aggregated (apidiscovery.k8s.io/v2). */
import { createHash } from 'node:crypto';
import { RESOURCES, type ResourceDef } from '../resources.js';

type Obj = Record<string, any>;

export const KUBERNETES_VERSION = {
  major: '1',
  minor: '32',
  gitVersion: 'v1.32.4-kube-sim',
  gitCommit: '0000000000000000000000000000000000000000',
  gitTreeState: 'clean',
  buildDate: '2025-04-22T00:00:00Z',
  goVersion: 'go1.23.6',
  compiler: 'gc',
  platform: 'linux/amd64',
};

export const AGGREGATED_DISCOVERY_V2 = 'application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList';
export const AGGREGATED_DISCOVERY_V2BETA1 = 'application/json;g=apidiscovery.k8s.io;v=v2beta1;as=APIGroupDiscoveryList';

function storageVersionHash(def: ResourceDef): string {
  return createHash('sha256').update(`${def.group}/${def.version}/${def.kind}`).digest('base64').slice(0, 11);
}

export function groups(): string[] {
  return [...new Set(RESOURCES.map((r) => r.group).filter((g) => g !== ''))];
}

export function apiVersions(serverAddress: string): Obj {
  return {
    kind: 'APIVersions',
    versions: ['v1'],
    serverAddressByClientCIDRs: [{ clientCIDR: '0.0.0.0/0', serverAddress }],
  };
}

function apiGroup(name: string): Obj {
  const gv = { groupVersion: `${name}/v1`, version: 'v1' };
  return { name, versions: [gv], preferredVersion: gv };
}

export function apiGroupList(): Obj {
  return { kind: 'APIGroupList', apiVersion: 'v1', groups: groups().map(apiGroup) };
}

export function apiGroupDocument(name: string): Obj | undefined {
  if (!groups().includes(name)) return undefined;
  return { kind: 'APIGroup', apiVersion: 'v1', ...apiGroup(name) };
}

export function apiResourceList(group: string, version: string): Obj | undefined {
  const defs = RESOURCES.filter((r) => r.group === group && r.version === version);
  if (defs.length === 0) return undefined;
  const resources: Obj[] = [];
  for (const def of defs) {
    const entry: Obj = {
      name: def.plural,
      singularName: def.singular,
      namespaced: def.namespaced,
      kind: def.kind,
      verbs: def.readOnly ? ['get', 'list', 'watch'] : def.verbs,
    };
    if (def.shortNames.length > 0) entry.shortNames = def.shortNames;
    if (def.categories.length > 0) entry.categories = def.categories;
    entry.storageVersionHash = storageVersionHash(def);
    resources.push(entry);
    for (const [sub, info] of Object.entries(def.subresources)) {
      const subEntry: Obj = { name: `${def.plural}/${sub}`, singularName: '', namespaced: def.namespaced };
      if (info.group !== undefined) {
        subEntry.group = info.group;
        subEntry.version = info.version;
      }
      subEntry.kind = info.kind;
      subEntry.verbs = info.verbs;
      resources.push(subEntry);
    }
  }
  return { kind: 'APIResourceList', apiVersion: 'v1', groupVersion: group ? `${group}/${version}` : version, resources };
}

function discoveryResource(def: ResourceDef): Obj {
  const entry: Obj = {
    resource: def.plural,
    responseKind: { group: '', version: '', kind: def.kind },
    scope: def.namespaced ? 'Namespaced' : 'Cluster',
    singularResource: def.singular,
    verbs: def.readOnly ? ['get', 'list', 'watch'] : def.verbs,
  };
  if (def.shortNames.length > 0) entry.shortNames = def.shortNames;
  if (def.categories.length > 0) entry.categories = def.categories;
  const subresources = Object.entries(def.subresources).map(([sub, info]) => ({
    subresource: sub,
    responseKind: { group: info.group ?? '', version: info.version ?? '', kind: info.kind },
    verbs: info.verbs,
  }));
  if (subresources.length > 0) entry.subresources = subresources;
  return entry;
}

function discoveryGroup(group: string): Obj {
  const defs = RESOURCES.filter((r) => r.group === group);
  return {
    metadata: { name: group, creationTimestamp: null },
    versions: [{ version: 'v1', resources: defs.map(discoveryResource), freshness: 'Current' }],
  };
}

/** The aggregated discovery document for /api (core group) or /apis (named groups). */
export function aggregatedDiscovery(legacy: boolean, apiVersion: 'v2' | 'v2beta1'): Obj {
  const items = legacy ? [discoveryGroup('')] : groups().map((g) => discoveryGroup(g));
  return { kind: 'APIGroupDiscoveryList', apiVersion: `apidiscovery.k8s.io/${apiVersion}`, metadata: {}, items };
}

/** Which aggregated discovery version the Accept header asks for, if any. */
export function wantsAggregated(accept: string | undefined): 'v2' | 'v2beta1' | undefined {
  const text = accept ?? '';
  for (const part of text.split(',')) {
    const p = part.replace(/\s+/g, '');
    if (!p.includes('as=APIGroupDiscoveryList') || !p.includes('g=apidiscovery.k8s.io')) continue;
    if (p.includes('v=v2beta1')) return 'v2beta1';
    if (p.includes('v=v2')) return 'v2';
  }
  return undefined;
}

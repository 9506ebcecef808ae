import type { FileLocation } from '../core/errors.js';

/**
 * The service catalog (default .github/services.yml): every service of the monorepo described
 * once, read by all actions of the suite. Maps keep the order the services are written in.
 */
export interface Catalog {
  /** The catalog's path as the user gave it, relative to the repository root; used in messages. */
  file: string;
  version: 1;
  /** Globs whose change affects every service. */
  global: string[];
  shared: Map<string, SharedGroup>;
  services: Map<string, Service>;
  /** Where a node of the catalog is written (path of keys from the document root), for errors. */
  locate(path: readonly (string | number)[]): FileLocation;
}

export interface SharedGroup {
  name: string;
  paths: string[];
  ignore: string[];
}

export interface Service {
  name: string;
  paths: string[];
  ignore: string[];
  /** Names of shared groups or other services this service depends on, as written. */
  uses: string[];
  dvc?: DvcConfig;
  image?: ImageConfig;
  deploy?: DeployConfig;
  metrics?: MetricsConfig;
  test?: TestConfig;
}

export interface DvcConfig {
  /** Stage names (`name`, `name@item` for foreach, or `path/to/dvc.yaml:name`). */
  stages: string[];
}

export interface ImageConfig {
  name: string;
  context: string;
  dockerfile: string;
  target?: string;
  buildArgs: Record<string, string>;
}

export interface DeployConfig {
  deployment: string;
  container: string;
  namespace: string;
  healthPath?: string;
}

export interface MetricsConfig {
  files: string[];
  rules: Map<string, MetricRule>;
}

export type Direction = 'higher' | 'lower';

export type Threshold = { kind: 'absolute'; value: number } | { kind: 'relative'; percent: number };

export interface MetricRule {
  better: Direction;
  /** For `better: higher`: the largest allowed decrease. */
  maxDrop?: Threshold;
  /** For `better: lower`: the largest allowed increase. */
  maxRise?: Threshold;
}

export interface TestConfig {
  /** Minimum line coverage in percent for the service's tests. */
  coverage?: number;
}

/** What a service depends on, resolved transitively through `uses`. */
export interface Dependencies {
  groups: string[];
  services: string[];
}

import type { FileLocation } from '../core/errors.js';

/**
 * The service catalog (default .github/services.yml): every service of the monorepo described
 * once, read by all actions of the suite. Maps keep the order the services are written in.
 */
export interface Catalog {
  /** The catalog's path relative to the repository root (`.github/services.yml`), as GitHub
   *  annotations need it; used in messages. */
  file: string;
  version: 1;
  /** Globs whose change affects every service. */
  global: string[];
  shared: Map<string, SharedGroup>;
  services: Map<string, Service>;
  /** Where a node of the catalog is written (path of keys and list indices from the document
   *  root, e.g. ['services', 'a', 'metrics', 'rules', 'mAP@0.5']), for errors: the key of a mapping
   *  entry, the item of a list; the nearest written ancestor when the path ends at a default. */
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
  /** Names of shared groups or other services this service depends on, as written (each one
   *  exists, no cycles); see resolveDependencies for the transitive closure. */
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
  /** Repository path of the image under the registry; default: the service name in lower case. */
  name: string;
  /** Build context, a folder relative to the repository root (`.` for the root). Default: the
   *  folder of the service's first `paths` glob (`services/a` for `services/a/**`). */
  context: string;
  /** The Dockerfile relative to the context, as written (default `Dockerfile`), as docker reads it. */
  dockerfile: string;
  /** The same Dockerfile relative to the repository root (`services/a/Dockerfile`); the loader
   *  checks it stays inside the repository. */
  dockerfilePath: string;
  /** The Dockerfile stage to build (`--target`); absent: the last stage. */
  target?: string;
  /** Build arguments; values as written (`3.10` stays "3.10"). */
  buildArgs: Record<string, string>;
}

export interface DeployConfig {
  /** The Kubernetes Deployment's name. */
  deployment: string;
  /** The container whose image is set; default: the service name in lower case. */
  container: string;
  /** Default `default`. */
  namespace: string;
  /** An HTTP path probed after the rollout, e.g. `/health`. */
  healthPath?: string;
}

export interface MetricsConfig {
  /** Metrics files relative to the repository root, as DVC writes them. */
  files: string[];
  /** Metric name (never split on dots: `mAP@0.5`, or a nested key flattened with dots as DVC
   *  does) -> rule; empty when the service only reports its metrics. */
  rules: Map<string, MetricRule>;
}

export type Direction = 'higher' | 'lower';

export type Threshold = { kind: 'absolute'; value: number } | { kind: 'relative'; percent: number };

/** The loader guarantees: `maxDrop` only with `better: higher`, `maxRise` only with `better: lower`.
 *  Without a threshold, any change in the worse direction is a regression. */
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

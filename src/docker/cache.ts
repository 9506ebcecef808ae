import { ConfigurationError } from '../core/errors.js';

/**
 * The layer cache of a build (input `cache`):
 * - `gha`: the GitHub Actions cache service, through buildx (needs buildx and the runner's cache service);
 * - `registry`: a cache image `<image>:buildcache` next to the image (buildx with a driver that exports caches);
 * - `inline`: cache metadata inside the pushed image, read back from the image's earlier tags;
 * - `off`: no cache at all (`--no-cache`);
 * - `auto`: `gha` under buildx on GitHub (with a builder that exports caches), else `inline`. Without buildx (an engine client building
 *   with DOCKER_BUILDKIT=1, as on this project's test machines) `auto` is `inline`: the engine's own
 *   layer cache serves rebuilds on the same machine, and the inline metadata of the pushed tags
 *   serves fresh machines, for the cost of a few bytes in the image config.
 */

export type CacheMode = 'auto' | 'gha' | 'registry' | 'inline' | 'off';
export const CACHE_MODES: readonly CacheMode[] = ['auto', 'gha', 'registry', 'inline', 'off'];

export interface CacheEnvironment {
  buildx: boolean;
  /** buildx's driver: the default `docker` driver exports only inline cache. */
  buildxDriver?: string;
  /** The runner's cache service is reachable (ACTIONS_CACHE_URL or ACTIONS_RESULTS_URL is set). */
  ghaService: boolean;
  /** The image name (host/path) the cache refs are derived from. */
  image: string;
  /** Earlier tags of this image worth reading inline cache from (the branch tag, latest). */
  cacheFromTags: string[];
  /** GitHub cache scope (one per image, so services do not evict each other). */
  scope: string;
  /** The image will be pushed (inline cache is only useful then). */
  push: boolean;
}

export interface CachePlan {
  mode: Exclude<CacheMode, 'auto'>;
  /** --cache-from values. */
  from: string[];
  /** --cache-to values (buildx only). */
  to: string[];
  /** For the engine's client without buildx: the build arg that writes inline cache metadata. */
  inlineBuildArg: boolean;
  noCache: boolean;
  /** One line for the summary. */
  description: string;
}

export function ghaCacheAvailable(env: NodeJS.ProcessEnv): boolean {
  return Boolean(env.ACTIONS_CACHE_URL || env.ACTIONS_RESULTS_URL);
}

export function planCache(requested: CacheMode, environment: CacheEnvironment): CachePlan {
  const exportsCaches = environment.buildx && environment.buildxDriver !== 'docker';
  const mode: Exclude<CacheMode, 'auto'> =
    requested === 'auto' ? (exportsCaches && environment.ghaService ? 'gha' : 'inline') : requested;
  if ((mode === 'gha' || mode === 'registry') && environment.buildx && !exportsCaches) {
    throw new ConfigurationError(
      `cache '${mode}' needs a buildx builder that exports caches, and this one uses the 'docker' driver; ` +
        `create one with docker/setup-buildx-action (docker-container driver), or use cache 'inline' or 'auto'`,
    );
  }
  const inlineFrom = environment.cacheFromTags.map((tag) => `${environment.image}:${tag}`);
  switch (mode) {
    case 'off':
      return { mode, from: [], to: [], inlineBuildArg: false, noCache: true, description: 'off (--no-cache)' };
    case 'gha': {
      if (!environment.buildx) {
        throw new ConfigurationError(
          "cache 'gha' needs docker buildx, which this machine's docker client lacks; use cache 'inline' or 'auto', or set up buildx (docker/setup-buildx-action)",
        );
      }
      if (!environment.ghaService) {
        throw new ConfigurationError(
          "cache 'gha' needs the GitHub Actions cache service (ACTIONS_CACHE_URL or ACTIONS_RESULTS_URL), which this job does not have; use cache 'registry', 'inline' or 'auto'",
        );
      }
      const scope = `scope=${environment.scope}`;
      return {
        mode,
        from: [`type=gha,${scope}`],
        to: [`type=gha,${scope},mode=max`],
        inlineBuildArg: false,
        noCache: false,
        description: `GitHub Actions cache (scope ${environment.scope})`,
      };
    }
    case 'registry': {
      if (!environment.buildx) {
        throw new ConfigurationError(
          "cache 'registry' needs docker buildx to export the cache image, which this machine's docker client lacks; use cache 'inline' or 'auto'",
        );
      }
      const ref = `${environment.image}:buildcache`;
      return {
        mode,
        from: [`type=registry,ref=${ref}`],
        to: environment.push ? [`type=registry,ref=${ref},mode=max`] : [],
        inlineBuildArg: false,
        noCache: false,
        description: `registry cache ${ref}`,
      };
    }
    case 'inline': {
      if (environment.buildx) {
        return {
          mode,
          from: inlineFrom.map((ref) => `type=registry,ref=${ref}`),
          to: environment.push ? ['type=inline'] : [],
          inlineBuildArg: false,
          noCache: false,
          description: `inline cache from ${inlineFrom.join(', ') || 'the local builder only'}`,
        };
      }
      return {
        mode,
        from: inlineFrom,
        to: [],
        inlineBuildArg: environment.push,
        noCache: false,
        description: `engine layer cache, plus inline cache from ${inlineFrom.join(', ') || 'no earlier tag'}`,
      };
    }
  }
}

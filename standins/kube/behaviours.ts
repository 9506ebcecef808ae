/**
 * What a simulated container does, chosen by its image: the tag's suffix (`app:1.2-crashloop`),
 * or the repository name's when the image is pinned by digest without a tag
 * (`registry/app-crashloop@sha256:...`), or an explicit mapping given to the simulator.
 */

export const BEHAVIOURS = [
  'healthy',
  'crashloop',
  'missing',
  'oom',
  'unschedulable',
  'configerror',
  'slow',
  'unhealthy',
] as const;

export type Behaviour = (typeof BEHAVIOURS)[number];

const SUFFIXES: Behaviour[] = ['crashloop', 'missing', 'oom', 'unschedulable', 'configerror', 'slow', 'unhealthy'];

/** Splits an image reference into repository, tag and digest. */
export function parseImage(image: string): { repository: string; tag?: string; digest?: string } {
  const at = image.indexOf('@');
  const digest = at >= 0 ? image.slice(at + 1) : undefined;
  const withoutDigest = at >= 0 ? image.slice(0, at) : image;
  const slash = withoutDigest.lastIndexOf('/');
  const colon = withoutDigest.lastIndexOf(':');
  if (colon > slash) {
    return { repository: withoutDigest.slice(0, colon), tag: withoutDigest.slice(colon + 1), digest };
  }
  return { repository: withoutDigest, digest };
}

export function behaviourFromImage(image: string, overrides: ReadonlyMap<string, Behaviour> = new Map()): Behaviour {
  const exact = overrides.get(image);
  if (exact) return exact;
  const { repository, tag, digest } = parseImage(image);
  if (digest && overrides.has(digest)) return overrides.get(digest)!;
  const name = tag ?? repository.slice(repository.lastIndexOf('/') + 1);
  for (const suffix of SUFFIXES) if (name.endsWith(`-${suffix}`)) return suffix;
  return 'healthy';
}

/** Simulated-time durations of the pod lifecycle, in milliseconds. */
export interface Timings {
  /** Pod created → bound to a node. */
  schedule: number;
  /** Image pull. */
  pull: number;
  /** Container started → ready, for ordinary images. */
  ready: number;
  /** Container started → ready, for `-slow` images. */
  slowReady: number;
  /** Container started → exit, for `-crashloop` and `-oom` images. */
  crash: number;
  /** First restart back-off; doubles up to `maxBackoff`. */
  backoff: number;
  maxBackoff: number;
  /** Deletion → containers stopped and the pod gone. */
  termination: number;
}

export const DEFAULT_TIMINGS: Timings = {
  schedule: 50,
  pull: 350,
  ready: 600,
  slowReady: 20_000,
  crash: 1_000,
  backoff: 10_000,
  maxBackoff: 300_000,
  termination: 500,
};

/** Log lines of one run of a container, by behaviour; `exit` lines are written as it stops. */
export function startupLines(behaviour: Behaviour, container: string, image: string, port: number): string[] {
  const start = `Starting ${container} (image ${image})`;
  switch (behaviour) {
    case 'crashloop':
      return [start, `Loading configuration from /etc/${container}/config.yaml`];
    case 'oom':
      return [start, 'Loading model weights into memory (2.1 GiB)...'];
    case 'slow':
      return [start, 'Warming up the model cache (about 20 seconds)...'];
    case 'unhealthy':
      return [
        start,
        `Listening on 0.0.0.0:${port}`,
        'WARN dependency check failed: feature-store at feature-store:6379 is unreachable',
      ];
    default:
      return [start, `Listening on 0.0.0.0:${port}`, 'Ready to serve requests'];
  }
}

export function exitLines(behaviour: Behaviour): string[] {
  switch (behaviour) {
    case 'crashloop':
      return [
        'ERROR failed to connect to database at postgres:5432: connection refused',
        'Fatal: startup failed, exiting with status 1',
      ];
    default:
      return [];
  }
}

export function readyLines(behaviour: Behaviour): string[] {
  return behaviour === 'slow' ? ['Warm-up complete; ready to serve requests'] : [];
}

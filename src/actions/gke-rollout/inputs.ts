import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import * as core from '../../core/runner.js';
import { loadCatalog } from '../../catalog/index.js';
import {
  ConfigurationError,
  getBoolean,
  getDuration,
  getEnum,
  getListOrJson,
  getOptionalString,
  getString,
  parseList,
  registerSecret,
} from '../../core/index.js';
import type { AccessInput } from '../../kube/access.js';
import { ENDPOINT_KINDS } from '../../kube/gke.js';
import { imageBaseName, parseImageReference, withDigest } from '../../kube/image.js';
import type { RolloutTarget } from '../../kube/release.js';

export interface ActionInputs {
  workspace: string;
  repoRoot: string;
  targets: RolloutTarget[];
  /** Namespace of objects in manifests that name none. */
  defaultNamespace: string;
  manifests: string[];
  createNamespace: boolean;
  access: AccessInput;
  timeoutMs: number;
  maxRestarts: number;
  unschedulableGraceMs: number;
  health: { retries: number; successThreshold: number; intervalMs: number; url?: string };
  rollback: boolean;
  logLines: number;
  github?: { token: string; environment: string; environmentUrl?: string };
}

function wholeNumber(name: string, fallback: number, min: number, max: number): number {
  const raw = getString(name, String(fallback));
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new ConfigurationError(`input '${name}' must be a whole number from ${min} to ${max}, got '${raw}'`);
  }
  return value;
}

function checkImage(image: string, source: string): string {
  if (!parseImageReference(image)) {
    throw new ConfigurationError(
      `${source}: '${image}' is not an image reference; write it as registry/path/name:tag or registry/path/name@sha256:<digest>`,
    );
  }
  return image;
}

/**
 * The `images` input: `service=image` pairs (one per line, or a JSON object, as
 * build-and-push.yml's `images` output), or bare image references matched to the services by
 * the image name their catalog entry builds.
 */
export function parseImages(raw: string): { byService: Map<string, string>; unnamed: string[] } {
  const byService = new Map<string, string>();
  const unnamed: string[] = [];
  const text = raw.trim();
  if (text === '') return { byService, unnamed };
  if (text.startsWith('{')) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch (error) {
      throw new ConfigurationError(`input 'images' is not valid JSON (${(error as Error).message})`);
    }
    if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) {
      throw new ConfigurationError("input 'images' must be a JSON object from service name to image reference");
    }
    for (const [service, image] of Object.entries(parsed as Record<string, unknown>)) {
      if (typeof image !== 'string' || image.trim() === '') {
        throw new ConfigurationError(`input 'images': the image of service '${service}' must be a non-empty string`);
      }
      byService.set(service, checkImage(image.trim(), `input 'images' (service '${service}')`));
    }
    return { byService, unnamed };
  }
  let items: string[];
  if (text.startsWith('[')) {
    const parsed = (() => {
      try {
        return JSON.parse(text) as unknown;
      } catch (error) {
        throw new ConfigurationError(`input 'images' is not valid JSON (${(error as Error).message})`);
      }
    })();
    if (!Array.isArray(parsed) || parsed.some((item) => typeof item !== 'string')) {
      throw new ConfigurationError("input 'images' must be a JSON array of image references, a JSON object or a list");
    }
    items = parsed as string[];
  } else {
    items = parseList(text);
  }
  for (const item of items) {
    const eq = item.indexOf('=');
    if (eq > 0) byService.set(item.slice(0, eq).trim(), checkImage(item.slice(eq + 1).trim(), `input 'images' (${item.slice(0, eq).trim()})`));
    else unnamed.push(checkImage(item, "input 'images'"));
  }
  return { byService, unnamed };
}

function githubRecord(): ActionInputs['github'] {
  const environment = getOptionalString('environment');
  const token = getOptionalString('token');
  registerSecret(token);
  if (!environment) return undefined;
  if (!token) {
    throw new ConfigurationError(
      "input 'environment' records a GitHub deployment, which needs a token: set input 'token' (default ${{ github.token }}, with permissions: deployments: write)",
    );
  }
  const environmentUrl = getOptionalString('environment-url');
  if (environmentUrl && !/^https?:\/\//.test(environmentUrl)) {
    throw new ConfigurationError(`input 'environment-url' must be an http(s) URL, got '${environmentUrl}'`);
  }
  return { token, environment, environmentUrl };
}

function accessInput(workspace: string): AccessInput {
  const kubeconfig = getOptionalString('kubeconfig');
  const credentials = getOptionalString('credentials');
  registerSecret(credentials);
  const gkeInputs = ['cluster', 'project', 'location', 'credentials'].filter((name) => core.getInput(name).trim() !== '');
  if (kubeconfig) {
    if (gkeInputs.length > 0) {
      throw new ConfigurationError(
        `input 'kubeconfig' cannot be used with ${gkeInputs.map((n) => `'${n}'`).join(', ')}: give either a kubeconfig or the GKE cluster to look up`,
      );
    }
    return { kind: 'kubeconfig', value: kubeconfig, workspace };
  }
  const cluster = getOptionalString('cluster');
  if (!cluster) {
    throw new ConfigurationError(
      "no cluster: set input 'cluster' (with 'project' and 'location') to find a GKE cluster, or input 'kubeconfig' for any other cluster",
    );
  }
  return {
    kind: 'gke',
    cluster,
    project: getOptionalString('project'),
    location: getOptionalString('location'),
    endpoint: getEnum('endpoint', ENDPOINT_KINDS, 'public'),
    credentials,
  };
}

function catalogTargets(repoRoot: string, services: string[], namespaceInput: string | undefined): RolloutTarget[] {
  const catalog = loadCatalog(repoRoot, getString('catalog', '.github/services.yml'));
  const single = getOptionalString('image');
  const digest = getOptionalString('digest');
  const images = parseImages(core.getInput('images'));
  if (single && (images.byService.size > 0 || images.unnamed.length > 0)) {
    throw new ConfigurationError("inputs 'image' and 'images' cannot be used together; use 'image' for one service, 'images' for several");
  }
  if (single && services.length > 1) {
    throw new ConfigurationError(
      `input 'image' gives one image but ${services.length} services are to be rolled out (${services.join(', ')}); give each its image with input 'images' (service=image, one per line, or a JSON object)`,
    );
  }
  for (const name of images.byService.keys()) {
    if (!services.includes(name)) {
      throw new ConfigurationError(`input 'images' names service '${name}', which is not in input 'services' (${services.join(', ')})`);
    }
  }
  if (namespaceInput) core.info(`input 'namespace' (${namespaceInput}) is the default for manifests; the services use their catalog namespaces`);
  return services.map((service) => {
    const entry = catalog.services.get(service);
    if (!entry) {
      throw new ConfigurationError(
        `input 'services': '${service}' is not in ${catalog.file} (services: ${[...catalog.services.keys()].join(', ')})`,
        { file: catalog.file },
      );
    }
    if (!entry.deploy) {
      throw new ConfigurationError(
        `service '${service}' has no deploy entry in ${catalog.file}; add deploy: { deployment, container, namespace } or leave it out of 'services'`,
        catalog.locate(['services', service]),
      );
    }
    let image = single ?? images.byService.get(service);
    if (!image) {
      const name = entry.image?.name;
      const matches = name ? images.unnamed.filter((ref) => imageBaseName(ref) === imageBaseName(name)) : [];
      if (matches.length > 1) throw new ConfigurationError(`input 'images' has ${matches.length} images named '${name}' for service '${service}'; give one`);
      image = matches[0];
    }
    if (!image) {
      throw new ConfigurationError(
        `no image for service '${service}': set input 'image' (one service) or 'images' (service=image per line)` +
          (entry.image ? `, or list an image whose name ends in /${imageBaseName(entry.image.name)}` : ''),
      );
    }
    image = checkImage(image, `the image of service '${service}'`);
    if (digest && single) image = pinned(image, digest);
    return {
      label: service,
      service,
      namespace: entry.deploy.namespace,
      deployment: entry.deploy.deployment,
      container: entry.deploy.container,
      image,
      healthPath: entry.deploy.healthPath,
    };
  });
}

function pinned(image: string, digest: string): string {
  if (!/^sha256:[a-f0-9]{64}$/.test(digest)) {
    throw new ConfigurationError(`input 'digest' must be sha256:<64 hex digits> (build-scan-push's digest output), got '${digest}'`);
  }
  const existing = parseImageReference(image)?.digest;
  if (existing && existing !== digest) {
    throw new ConfigurationError(`input 'image' is pinned to ${existing} but input 'digest' is ${digest}; give one of them`);
  }
  return withDigest(image, digest);
}

export function readInputs(env: NodeJS.ProcessEnv = process.env): ActionInputs {
  const workspace = env.GITHUB_WORKSPACE || process.cwd();
  const repoRoot = resolve(workspace, getString('working-directory', '.'));
  if (!existsSync(repoRoot)) {
    throw new ConfigurationError(`input 'working-directory': ${repoRoot} does not exist; check out the repository first`);
  }
  const access = accessInput(workspace);
  const github = githubRecord();
  const services = getListOrJson('services');
  const deployment = getOptionalString('deployment');
  const namespaceInput = getOptionalString('namespace');
  let targets: RolloutTarget[];
  if (services.length > 0 && deployment) {
    throw new ConfigurationError("inputs 'services' and 'deployment' cannot be used together: roll out catalog services, or one deployment named by the inputs");
  }
  if (services.length > 0) {
    const unique = [...new Set(services)];
    targets = catalogTargets(repoRoot, unique, namespaceInput);
  } else if (deployment) {
    const container = getOptionalString('container');
    if (!container) throw new ConfigurationError("input 'container' is required with 'deployment': the container whose image is set");
    let image = getOptionalString('image');
    if (!image) throw new ConfigurationError("input 'image' is required with 'deployment'");
    image = checkImage(image, "input 'image'");
    const digest = getOptionalString('digest');
    if (digest) image = pinned(image, digest);
    targets = [
      {
        label: deployment,
        namespace: namespaceInput ?? 'default',
        deployment,
        container,
        image,
        healthPath: getOptionalString('health-path'),
      },
    ];
  } else {
    throw new ConfigurationError(
      "nothing to roll out: set input 'services' (catalog services with a deploy entry) or 'deployment', 'container' and 'image'",
    );
  }
  const healthPath = getOptionalString('health-path');
  if (healthPath !== undefined) {
    if (!/^\/\S*$/.test(healthPath)) throw new ConfigurationError(`input 'health-path' must be an HTTP path such as /health, got '${healthPath}'`);
    for (const target of targets) target.healthPath = healthPath;
  }
  const healthUrl = getOptionalString('health-url');
  if (healthUrl !== undefined && !/^https?:\/\/\S+$/.test(healthUrl)) {
    throw new ConfigurationError(`input 'health-url' must be an http(s) URL, got '${healthUrl}'`);
  }
  const keys = new Set<string>();
  for (const target of targets) {
    const key = `${target.namespace}/${target.deployment}`;
    if (keys.has(key)) throw new ConfigurationError(`deployment ${key} is named twice (services ${targets.filter((t) => `${t.namespace}/${t.deployment}` === key).map((t) => t.label).join(', ')})`);
    keys.add(key);
    if (!parseImageReference(target.image)?.digest) {
      core.warning(
        `${target.label}: ${target.image} is not pinned to a digest; a tag can move. Give build-scan-push's 'ref' output (image@sha256:…) or its 'digest' in input 'digest' to deploy exactly the image that was scanned`,
      );
    }
  }
  const timeoutMs = getDuration('timeout', 600_000);
  if (timeoutMs < 1000) throw new ConfigurationError("input 'timeout' must be at least 1s");
  const manifests = core
    .getInput('manifests')
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'));

  return {
    workspace,
    repoRoot,
    targets,
    defaultNamespace: namespaceInput ?? 'default',
    manifests,
    createNamespace: getBoolean('create-namespace', false),
    access,
    timeoutMs,
    maxRestarts: wholeNumber('max-restarts', 1, 0, 100),
    unschedulableGraceMs: getDuration('unschedulable-grace', 120_000),
    health: {
      retries: wholeNumber('health-retries', 3, 0, 100),
      successThreshold: wholeNumber('health-success-threshold', 2, 1, 100),
      intervalMs: getDuration('health-interval', 5000),
      url: healthUrl,
    },
    rollback: getBoolean('rollback', true),
    logLines: wholeNumber('log-lines', 20, 0, 500),
    github,
  };
}

import { existsSync, readFileSync, statSync } from 'node:fs';
import { isAbsolute, join, relative, resolve } from 'node:path';
import * as core from '../../core/runner.js';
import { loadCatalog } from '../../catalog/index.js';
import {
  ConfigurationError,
  getBoolean,
  getEnum,
  getList,
  getOptionalString,
  getString,
  parseBoolean,
  registerSecret,
} from '../../core/index.js';
import { CACHE_MODES, type CacheMode } from '../../docker/cache.js';
import { parseKeyValues, parseSecrets, type BuildSecret } from '../../docker/build.js';
import type { LatestMode } from '../../docker/metadata.js';
import { imageName, type ImageName } from '../../docker/reference.js';
import { parseSeverities, type Severity } from '../../scan/report.js';
import { parseScanners, type Scanner } from '../../scan/trivy.js';

export type PushMode = 'true' | 'false' | 'auto';

export interface ActionInputs {
  workspace: string;
  repoRoot: string;
  service?: string;
  image: ImageName;
  /** Absolute paths. */
  context: string;
  dockerfile: string;
  target?: string;
  buildArgs: Record<string, string>;
  secrets: BuildSecret[];
  platforms: string[];
  cache: CacheMode;
  push: PushMode;
  extraTags: string[];
  latest: LatestMode;
  labels: Record<string, string>;
  scan: boolean;
  severities: Severity[];
  ignoreUnfixed: boolean;
  scanners: Scanner[];
  /** Absolute path of the ignore file, when it exists. */
  trivyignore?: string;
  sbom: boolean;
  provenance: boolean;
  username?: string;
  password?: string;
  gcpCredentials?: string;
  sarifFile?: string;
  pushAttempts: number;
}

/** Lines of a multi-line input, without blank lines; commas are part of the values. */
function getLines(name: string): string[] {
  return core
    .getInput(name)
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'));
}

function inside(root: string, path: string, what: string): string {
  const full = resolve(root, path);
  const rel = relative(root, full);
  if (rel.startsWith('..') || isAbsolute(rel)) {
    throw new ConfigurationError(`${what} '${path}' is outside the repository (${root})`);
  }
  return full;
}

export function readInputs(env: NodeJS.ProcessEnv = process.env): ActionInputs {
  const workspace = env.GITHUB_WORKSPACE || process.cwd();
  const repoRoot = resolve(workspace, getString('working-directory', '.'));
  if (!existsSync(repoRoot)) {
    throw new ConfigurationError(`input 'working-directory': ${repoRoot} does not exist; check out the repository first`);
  }

  const service = getOptionalString('service');
  let name = getOptionalString('image');
  let context = getOptionalString('context');
  let dockerfile = getOptionalString('dockerfile');
  let target = getOptionalString('target');
  let buildArgs: Record<string, string> = {};
  let contextFrom = "input 'context'";
  if (service) {
    const catalogPath = getString('catalog', '.github/services.yml');
    const catalog = loadCatalog(repoRoot, catalogPath);
    const entry = catalog.services.get(service);
    if (!entry) {
      throw new ConfigurationError(
        `input 'service': '${service}' is not in ${catalog.file} (services: ${[...catalog.services.keys()].join(', ')})`,
      );
    }
    if (!entry.image) {
      throw new ConfigurationError(`service '${service}' has no image entry in ${catalog.file}; add one or give the image inputs`, catalog.locate(['services', service]));
    }
    name ??= entry.image.name;
    context ??= entry.image.context;
    dockerfile ??= entry.image.dockerfile;
    target ??= entry.image.target;
    buildArgs = { ...entry.image.buildArgs };
    contextFrom = `the image context of service '${service}' in ${catalog.file}`;
  }
  if (!name) {
    throw new ConfigurationError("set input 'service' (a catalog service with an image entry) or input 'image'");
  }
  const registry = getString('registry');
  const image = imageName(registry, name, registry ? "inputs 'registry' and 'image'" : "input 'image'");

  const contextDir = inside(repoRoot, context ?? '.', contextFrom);
  if (!existsSync(contextDir) || !statSync(contextDir).isDirectory()) {
    throw new ConfigurationError(`${contextFrom}: ${contextDir} is not a directory`);
  }
  const dockerfilePath = inside(contextDir, dockerfile ?? 'Dockerfile', 'the Dockerfile');
  if (!existsSync(dockerfilePath)) {
    throw new ConfigurationError(`the Dockerfile ${relative(repoRoot, dockerfilePath)} does not exist (paths are relative to the context ${relative(repoRoot, contextDir) || '.'})`);
  }
  if (target !== undefined && !existsStage(dockerfilePath, target)) {
    throw new ConfigurationError(
      `the Dockerfile has no stage '${target}' (target); its stages: ${stages(dockerfilePath).join(', ') || 'none named'}`,
      { file: relative(repoRoot, dockerfilePath) },
    );
  }

  Object.assign(buildArgs, parseKeyValues(getLines('build-args'), "input 'build-args'"));
  const secrets = parseSecrets(getLines('secrets'));
  for (const secret of secrets) registerSecret(secret.value);

  const password = getOptionalString('registry-password');
  registerSecret(password);
  const gcpCredentials = getOptionalString('gcp-credentials');
  registerSecret(gcpCredentials);
  const username = getOptionalString('registry-username');
  if ((username === undefined) !== (password === undefined)) {
    throw new ConfigurationError("inputs 'registry-username' and 'registry-password' go together; set both or neither");
  }
  if (password !== undefined && gcpCredentials !== undefined) {
    throw new ConfigurationError("inputs 'registry-password' and 'gcp-credentials' cannot be used together; set only one of them");
  }

  const ignoreName = getString('trivyignore', '.trivyignore');
  const ignorePath = resolve(repoRoot, ignoreName);
  if (core.getInput('trivyignore').trim() !== '' && ignoreName !== '.trivyignore' && !existsSync(ignorePath)) {
    throw new ConfigurationError(`input 'trivyignore': ${ignoreName} does not exist`);
  }

  const pushRaw = getString('push', 'auto').toLowerCase();
  const push: PushMode = pushRaw === 'auto' ? 'auto' : parseBoolean('push', pushRaw) ? 'true' : 'false';
  const attemptsRaw = getString('push-attempts', '4');
  const pushAttempts = Number(attemptsRaw);
  if (!Number.isInteger(pushAttempts) || pushAttempts < 1 || pushAttempts > 10) {
    throw new ConfigurationError(`input 'push-attempts' must be a whole number from 1 to 10, got '${attemptsRaw}'`);
  }

  return {
    workspace,
    repoRoot,
    service,
    image,
    context: contextDir,
    dockerfile: dockerfilePath,
    target,
    buildArgs,
    secrets,
    platforms: getList('platforms'),
    cache: getEnum('cache', CACHE_MODES, 'auto'),
    push,
    extraTags: getList('tags'),
    latest: getEnum('latest', ['auto', 'true', 'false'] as const, 'auto'),
    labels: parseKeyValues(getLines('labels'), "input 'labels'"),
    scan: getBoolean('scan', true),
    severities: parseSeverities(getString('severity', 'HIGH,CRITICAL')),
    ignoreUnfixed: getBoolean('ignore-unfixed', false),
    scanners: parseScanners(getList('scanners').length ? getList('scanners') : ['vuln', 'secret']),
    trivyignore: existsSync(ignorePath) ? ignorePath : undefined,
    sbom: getBoolean('sbom', false),
    provenance: getBoolean('provenance', false),
    username,
    password,
    gcpCredentials,
    sarifFile: getOptionalString('sarif-file') && resolve(workspace, getString('sarif-file')),
    pushAttempts,
  };
}

function stages(dockerfile: string): string[] {
  const names: string[] = [];
  for (const line of readFileSync(dockerfile, 'utf8').split(/\r?\n/)) {
    const match = /^\s*FROM\s+(?:--\S+\s+)*\S+\s+AS\s+(\S+)/i.exec(line);
    if (match) names.push(match[1]!);
  }
  return names;
}

function existsStage(dockerfile: string, target: string): boolean {
  return stages(dockerfile).some((name) => name.toLowerCase() === target.toLowerCase());
}

export function defaultSarifPath(env: NodeJS.ProcessEnv, image: ImageName): string {
  const base = env.RUNNER_TEMP || join(env.GITHUB_WORKSPACE || process.cwd(), '.aura');
  return join(base, 'build-scan-push', `${image.repository.split('/').pop()}.sarif`);
}

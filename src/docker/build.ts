import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as core from '../core/runner.js';
import { ConfigurationError } from '../core/errors.js';
import { commandLine, lastLines } from '../core/exec.js';
import type { CachePlan } from './cache.js';
import { dockerExec, type DockerClient } from './engine.js';

export interface BuildSecret {
  id: string;
  value: string;
}

export interface BuildRequest {
  /** Absolute paths. */
  context: string;
  dockerfile: string;
  target?: string;
  buildArgs: Record<string, string>;
  secrets: BuildSecret[];
  labels: Record<string, string>;
  /** Full references to tag the local image with. */
  refs: string[];
  platforms: string[];
  cache: CachePlan;
  /** buildx only: attach an SBOM / provenance attestation (only when pushing from buildx). */
  sbom: boolean;
  provenance: boolean;
  /** buildx only: `load` into the engine (to scan), or `push` (after the scan passed). */
  output: 'load' | 'push';
}

export interface BuildResult {
  /** The local image ID (config digest) or, for a buildx push, the pushed manifest digest. */
  imageId: string;
  digest?: string;
  durationMs: number;
  steps: number;
  cachedSteps: number;
}

const SECRET_ID = /^[A-Za-z0-9_.-]+$/;

/** The build's arguments. Secrets are given as files in `secretDir`, never as build args. */
export function buildCommand(
  client: Pick<DockerClient, 'buildx'>,
  request: BuildRequest,
  files: { iidfile: string; metadataFile: string; secretDir: string },
): string[] {
  const args = client.buildx ? ['buildx', 'build'] : ['build'];
  args.push('--progress=plain', '--file', request.dockerfile, '--iidfile', files.iidfile);
  if (client.buildx) args.push('--metadata-file', files.metadataFile);
  if (request.target) args.push('--target', request.target);
  for (const [name, value] of Object.entries(request.buildArgs)) args.push('--build-arg', `${name}=${value}`);
  if (request.cache.inlineBuildArg) args.push('--build-arg', 'BUILDKIT_INLINE_CACHE=1');
  for (const secret of request.secrets) args.push('--secret', `id=${secret.id},src=${join(files.secretDir, secret.id)}`);
  for (const [name, value] of Object.entries(request.labels)) args.push('--label', `${name}=${value}`);
  for (const ref of request.refs) args.push('--tag', ref);
  if (request.cache.noCache) args.push('--no-cache');
  for (const from of request.cache.from) args.push('--cache-from', from);
  if (client.buildx) {
    for (const to of request.cache.to) args.push('--cache-to', to);
    if (request.platforms.length > 0) args.push('--platform', request.platforms.join(','));
    if (request.output === 'push') {
      args.push('--push');
      args.push(`--sbom=${request.sbom}`);
      args.push(request.provenance ? '--provenance=mode=max' : '--provenance=false');
    } else {
      // An image loaded into the engine cannot carry attestations.
      args.push('--load', '--provenance=false');
    }
  } else if (request.platforms.length > 0 || request.output === 'push' || request.sbom || request.provenance) {
    throw new Error('platforms, attestations and pushing from the builder need buildx');
  }
  args.push(request.context);
  return args;
}

export function parseSecrets(lines: string[], source = "input 'secrets'"): BuildSecret[] {
  const secrets: BuildSecret[] = [];
  for (const line of lines) {
    const index = line.indexOf('=');
    const id = index === -1 ? '' : line.slice(0, index).trim();
    if (index === -1 || !SECRET_ID.test(id)) {
      throw new ConfigurationError(
        `${source}: each line must be id=value with an id of letters, digits, '_', '.' or '-' (the id the Dockerfile mounts with RUN --mount=type=secret,id=...)`,
      );
    }
    if (secrets.some((s) => s.id === id)) throw new ConfigurationError(`${source}: secret '${id}' is given twice`);
    secrets.push({ id, value: line.slice(index + 1) });
  }
  return secrets;
}

export function parseKeyValues(lines: string[], source: string): Record<string, string> {
  const result: Record<string, string> = {};
  for (const line of lines) {
    const index = line.indexOf('=');
    const key = index === -1 ? '' : line.slice(0, index).trim();
    if (key === '') throw new ConfigurationError(`${source}: '${line}' is not NAME=value`);
    result[key] = line.slice(index + 1);
  }
  return result;
}

/** Counts the build steps (RUN, COPY, ...) of a plain-progress BuildKit log and those answered from the cache. */
export function cacheStats(log: string): { steps: number; cachedSteps: number } {
  const steps = new Set<string>();
  const cached = new Set<string>();
  for (const line of log.split(/\r?\n/)) {
    // `FROM` steps only resolve the base image; they are never reported as cached.
    const step = /^#(\d+) \[(?:[^\]]*\s)?\d+\/\d+\] (?!FROM )/.exec(line);
    if (step) steps.add(step[1]!);
    const hit = /^#(\d+) CACHED\s*$/.exec(line);
    if (hit) cached.add(hit[1]!);
  }
  return { steps: steps.size, cachedSteps: [...cached].filter((id) => steps.has(id)).length };
}

export async function buildImage(client: DockerClient, request: BuildRequest): Promise<BuildResult> {
  const work = mkdtempSync(join(process.env.RUNNER_TEMP || tmpdir(), 'aura-build-'));
  const secretDir = join(work, 'secrets');
  const files = { iidfile: join(work, 'iid'), metadataFile: join(work, 'metadata.json'), secretDir };
  try {
    writeSecrets(secretDir, request.secrets);
    const args = buildCommand(client, request, files);
    const started = performance.now();
    let log = '';
    const result = await dockerExec(client, args, {
      env: client.buildx ? {} : { DOCKER_BUILDKIT: '1' },
      onLine: (line) => {
        log += `${line}\n`;
        core.info(line);
      },
    });
    const durationMs = performance.now() - started;
    if (result.exitCode !== 0) {
      const command = commandLine(client.path, client.buildx ? ['buildx', 'build'] : ['build']);
      throw new ConfigurationError(
        `the image build failed (${command} exited with ${result.exitCode}):\n${failureExcerpt(result.stderr || result.stdout)}`,
      );
    }
    const imageId = existsSync(files.iidfile) ? readFileSync(files.iidfile, 'utf8').trim() : '';
    let digest: string | undefined;
    if (client.buildx) {
      try {
        const metadata = JSON.parse(readFileSync(files.metadataFile, 'utf8')) as Record<string, unknown>;
        if (typeof metadata['containerimage.digest'] === 'string') digest = metadata['containerimage.digest'];
      } catch {
        /* older buildx versions write no metadata file for --load */
      }
    }
    return { imageId, digest, durationMs, ...cacheStats(log) };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/** Secret values go to files only the builder reads, removed with `work` after the build. */
function writeSecrets(dir: string, secrets: BuildSecret[]): void {
  if (secrets.length === 0) return;
  mkdirSync(dir, { mode: 0o700 });
  for (const secret of secrets) writeFileSync(join(dir, secret.id), secret.value, { mode: 0o600 });
}

/**
 * The part of a failed build's output that says why: BuildKit's closing report, without the
 * separator lines and the notes about cache images that do not exist yet.
 */
export function failureExcerpt(output: string, count = 8): string {
  const lines = output
    .split(/\r?\n/)
    .filter((line) => line.trim() !== '' && !/^-+$/.test(line.trim()) && !/importing cache manifest from/.test(line));
  return lastLines(lines.join('\n'), count);
}

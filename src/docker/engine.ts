import * as core from '../core/runner.js';
import { ConfigurationError } from '../core/errors.js';
import { exec, type ExecOptions, type ExecResult } from '../core/exec.js';

/**
 * Finds the docker client that can drive BuildKit on this machine. A client with the buildx
 * plugin builds with `docker buildx build`. Without buildx, only a client older than 23.0 (such
 * as Debian's docker.io, the engine's own client at /usr/bin/docker) still builds with BuildKit
 * through DOCKER_BUILDKIT=1; newer clients without buildx refuse, so they are passed over.
 */

export interface DockerClient {
  /** The client program, as run. */
  path: string;
  buildx: boolean;
  /** The buildx builder's driver (`docker`, `docker-container`, ...), when buildx is used. */
  buildxDriver?: string;
  clientVersion: string;
  serverVersion: string;
  /** Variables every docker call gets (DOCKER_CONFIG when the action logged in). */
  env: Record<string, string>;
}

/** The engine's own client on Debian and Ubuntu packages, tried after the one on PATH. */
export const ENGINE_CLIENT_CANDIDATES = ['docker', '/usr/bin/docker'];

const QUIET: ExecOptions = { quiet: true, timeoutMs: 30_000 };

async function tryExec(file: string, args: string[]): Promise<ExecResult | undefined> {
  try {
    return await exec(file, args, QUIET);
  } catch (error) {
    if (error instanceof ConfigurationError) return undefined; // not installed
    throw error;
  }
}

function majorVersion(version: string): number {
  const match = /^(\d+)\./.exec(version.trim());
  return match ? Number(match[1]) : Number.NaN;
}

export interface FindClientOptions {
  candidates?: string[];
  env?: Record<string, string>;
}

export async function findDockerClient(options: FindClientOptions = {}): Promise<DockerClient> {
  const candidates = options.candidates ?? ENGINE_CLIENT_CANDIDATES;
  const env = options.env ?? {};
  const notes: string[] = [];
  let engineError: string | undefined;
  for (const candidate of candidates) {
    const version = await tryExec(candidate, ['version', '--format', '{{.Client.Version}}|{{.Server.Version}}']);
    if (!version) {
      notes.push(`${candidate}: not installed`);
      continue;
    }
    const [clientVersion = '', serverVersion = ''] = version.stdout.trim().split('|');
    if (version.exitCode !== 0 || serverVersion === '') {
      engineError = version.stderr.trim().split('\n').pop() ?? '';
      notes.push(`${candidate} ${clientVersion}: cannot reach the engine`);
      continue;
    }
    const buildx = await tryExec(candidate, ['buildx', 'version']);
    if (buildx && buildx.exitCode === 0) {
      const inspect = await tryExec(candidate, ['buildx', 'inspect']);
      const buildxDriver = /^Driver:\s*(\S+)/m.exec(inspect?.stdout ?? '')?.[1];
      core.info(
        `docker: ${candidate} ${clientVersion} with ${buildx.stdout.trim()} (driver ${buildxDriver ?? 'unknown'}), engine ${serverVersion}`,
      );
      return { path: candidate, buildx: true, buildxDriver, clientVersion, serverVersion, env };
    }
    if (majorVersion(clientVersion) < 23) {
      core.info(
        `docker: ${candidate} ${clientVersion} (no buildx plugin; BuildKit through DOCKER_BUILDKIT=1), engine ${serverVersion}`,
      );
      return { path: candidate, buildx: false, clientVersion, serverVersion, env };
    }
    notes.push(`${candidate} ${clientVersion}: no buildx plugin, and clients from 23.0 on build with BuildKit only through it`);
  }
  if (engineError !== undefined && !notes.some((n) => n.includes('no buildx plugin'))) {
    throw new ConfigurationError(
      `cannot reach the Docker engine (${engineError || 'no answer'}); start dockerd or set DOCKER_HOST (${notes.join('; ')})`,
    );
  }
  throw new ConfigurationError(
    `no docker client here can build with BuildKit (${notes.join('; ')}); install the buildx plugin ` +
      `(docker/setup-buildx-action on GitHub runners) or the engine's own client`,
  );
}

export function dockerExec(client: DockerClient, args: readonly string[], options: ExecOptions = {}): Promise<ExecResult> {
  return exec(client.path, args, { ...options, env: { ...client.env, ...options.env } });
}

import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync, copyFileSync, chmodSync } from 'node:fs';
import { createServer, request as httpRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findTool } from '../harness/tools.js';

/**
 * Real parts for the build-scan-push integration tests: the Docker engine (through its own
 * client), Debian's registry server on loopback with htpasswd users, a FROM-scratch busybox base
 * image, and a fault-injecting HTTP proxy (a test tool in front of the real registry).
 */

let client: string | undefined;

/** The client that drives BuildKit here: the engine's own when the PATH one lacks buildx. */
export function engineClient(): string {
  if (client) return client;
  for (const candidate of ['docker', '/usr/bin/docker']) {
    try {
      execFileSync(candidate, ['buildx', 'version'], { stdio: 'ignore' });
      return (client = candidate);
    } catch {
      /* no buildx */
    }
    try {
      const version = execFileSync(candidate, ['version', '--format', '{{.Client.Version}}'], {
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'ignore'],
      }).trim();
      if (Number(version.split('.')[0]) < 23) return (client = candidate);
    } catch {
      /* not installed or no engine */
    }
  }
  return 'docker';
}

export function docker(...args: string[]): string {
  return execFileSync(engineClient(), args, {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, DOCKER_BUILDKIT: '1' },
    maxBuffer: 64 * 1024 * 1024,
  }).trim();
}

/** Why the container tools cannot run here (a missing tool, an engine that does not answer), or undefined. */
export function containerToolsGap(needs: string[] = ['docker-registry', 'htpasswd', 'busybox', 'trivy']): string | undefined {
  const missing = needs.filter((tool) => !findTool(tool) && !(tool === 'busybox' && existsSync('/bin/busybox')));
  if (missing.length > 0) return `${missing.join(', ')} not installed`;
  try {
    execFileSync(engineClient(), ['info'], { stdio: 'ignore', timeout: 20_000 });
  } catch {
    const host = process.env.DOCKER_HOST ? ` for DOCKER_HOST=${process.env.DOCKER_HOST}` : '';
    return `the Docker engine does not answer (\`${engineClient()} info\` failed${host})`;
  }
  return undefined;
}

/**
 * Whether the container tools are here. Outside CI a missing piece skips the tests with the
 * reason printed; in CI (CI=true) it fails them, since CI's set-up installs everything.
 */
export function containerToolsOrSkip(needs?: string[]): boolean {
  const reason = containerToolsGap(needs);
  if (!reason) return true;
  const message = `build-scan-push integration tests need the Docker engine, docker-registry, htpasswd, busybox-static and Trivy: ${reason}; run \`npm run setup\` (scripts/setup.d/30-docker.sh)`;
  if (process.env.CI === 'true') throw new Error(`${message}. In CI every tool must be present.`);
  console.warn(`SKIPPED: ${message}`);
  return false;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

export interface TestRegistry {
  host: string;
  url: string;
  /** The tags of a repository, read with the registry API (as the tests' ground truth). */
  tags(repository: string): Promise<string[]>;
  /** The digest the registry's manifest endpoint answers for a tag. */
  digest(repository: string, tag: string): Promise<string | undefined>;
  stop(): Promise<void>;
}

async function waitFor(url: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      const response = await fetch(url);
      await response.arrayBuffer();
      return;
    } catch {
      if (Date.now() > deadline) throw new Error(`${url} did not answer within ${timeoutMs} ms`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}

/** Debian's docker-registry on 127.0.0.1, a random port, htpasswd (bcrypt) users, temporary storage. */
export async function startRegistry(users: Record<string, string>): Promise<TestRegistry> {
  const dir = mkdtempSync(join(tmpdir(), 'aura-registry-'));
  const htpasswd = join(dir, 'htpasswd');
  writeFileSync(htpasswd, '');
  for (const [user, password] of Object.entries(users)) {
    execFileSync(findTool('htpasswd') ?? 'htpasswd', ['-bB', htpasswd, user, password], { stdio: 'ignore' });
  }
  mkdirSync(join(dir, 'data'));
  const port = await freePort();
  const config = join(dir, 'config.yml');
  writeFileSync(
    config,
    [
      'version: 0.1',
      'log:',
      '  level: warn',
      'storage:',
      '  filesystem:',
      `    rootdirectory: ${join(dir, 'data')}`,
      'http:',
      `  addr: 127.0.0.1:${port}`,
      'auth:',
      '  htpasswd:',
      '    realm: aura-test',
      `    path: ${htpasswd}`,
      '',
    ].join('\n'),
  );
  const child: ChildProcess = spawn(findTool('docker-registry') ?? 'docker-registry', ['serve', config], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const url = `http://127.0.0.1:${port}`;
  try {
    await waitFor(`${url}/v2/`, 15_000);
  } catch (error) {
    child.kill('SIGKILL');
    throw new Error(`docker-registry did not start: ${String(error)}\n${stderr}`);
  }
  const [user, password] = Object.entries(users)[0] ?? ['', ''];
  const auth = `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;
  return {
    host: `127.0.0.1:${port}`,
    url,
    async tags(repository) {
      const response = await fetch(`${url}/v2/${repository}/tags/list`, { headers: { authorization: auth } });
      if (response.status === 404) return [];
      const body = (await response.json()) as { tags?: string[] | null };
      return body.tags ?? [];
    },
    async digest(repository, tag) {
      const response = await fetch(`${url}/v2/${repository}/manifests/${tag}`, {
        method: 'HEAD',
        headers: {
          authorization: auth,
          accept: 'application/vnd.docker.distribution.manifest.v2+json, application/vnd.oci.image.manifest.v1+json',
        },
      });
      return response.ok ? (response.headers.get('docker-content-digest') ?? undefined) : undefined;
    },
    stop: () =>
      new Promise<void>((resolve) => {
        child.once('exit', () => {
          rmSync(dir, { recursive: true, force: true });
          resolve();
        });
        child.kill('SIGTERM');
      }),
  };
}

export interface FaultProxy {
  host: string;
  /** Requests answered with an injected error, as "METHOD path". */
  injected: string[];
  /** Every request that went through, as "METHOD path". */
  seen: string[];
  stop(): Promise<void>;
}

/**
 * An HTTP proxy in front of a real registry that answers the first `times` requests matching
 * `method` and `path` with `status`, and forwards everything else unchanged (Host header
 * included, so the registry's upload Locations point back at the proxy).
 */
export async function startFaultProxy(
  target: string,
  fault: { method: string; path: RegExp; status: number; times: number },
): Promise<FaultProxy> {
  const injected: string[] = [];
  const seen: string[] = [];
  let remaining = fault.times;
  const targetUrl = new URL(target);
  const server: Server = createServer((req, res) => {
    const line = `${req.method} ${req.url}`;
    seen.push(line);
    if (remaining > 0 && req.method === fault.method && fault.path.test(req.url ?? '')) {
      remaining--;
      injected.push(line);
      req.resume();
      res.writeHead(fault.status, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ errors: [{ code: 'UNKNOWN', message: 'injected by the test proxy' }] }));
      return;
    }
    const upstream = httpRequest(
      { host: targetUrl.hostname, port: targetUrl.port, method: req.method, path: req.url, headers: req.headers },
      (response) => {
        res.writeHead(response.statusCode ?? 502, response.headers);
        response.pipe(res);
      },
    );
    upstream.on('error', (error) => {
      res.writeHead(502);
      res.end(String(error));
    });
    req.pipe(upstream);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = server.address() as AddressInfo;
  return {
    host: `127.0.0.1:${port}`,
    injected,
    seen,
    stop: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** A FROM-scratch image with busybox-static's shell, the stand-in for python:3.11-slim as BASE_IMAGE. */
export function buildBusyboxBase(tag = 'aura-test/busybox-base:1'): string {
  try {
    docker('image', 'inspect', tag);
    return tag;
  } catch {
    /* build it */
  }
  const dir = mkdtempSync(join(tmpdir(), 'aura-busybox-'));
  try {
    const busybox = findTool('busybox') ?? '/bin/busybox';
    copyFileSync(busybox, join(dir, 'busybox'));
    chmodSync(join(dir, 'busybox'), 0o755);
    writeFileSync(
      join(dir, 'Dockerfile'),
      ['FROM scratch', 'COPY busybox /bin/busybox', 'RUN ["/bin/busybox", "--install", "-s", "/bin"]', 'CMD ["/bin/sh"]', ''].join('\n'),
    );
    docker('build', '--quiet', '--tag', tag, dir);
    return tag;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Removes local images whose name starts with `prefix` (the tests' own), ignoring errors. */
export function removeImages(prefix: string): void {
  try {
    const refs = docker('image', 'ls', '--format', '{{.Repository}}:{{.Tag}}')
      .split('\n')
      .filter((ref) => ref.startsWith(prefix));
    if (refs.length > 0) docker('image', 'rm', '--force', ...refs);
  } catch {
    /* best effort */
  }
}

import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { request as httpRequest, createServer, type Server } from 'node:http';
import { createServer as createNetServer, type AddressInfo, type Socket } from 'node:net';
import { copyFixture } from '../fixtures-check/monorepo.js';
import { git } from '../harness/git.js';

/**
 * Remotes for the integration tests: an S3-compatible store served on loopback by moto's
 * server mode (a real S3 API server from the moto project), and an HTTP proxy in front of it
 * that can let a given number of uploads through and then stop answering, as a store that goes
 * away in the middle of a push.
 */

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createNetServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

function http(method: string, url: string, body?: string): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(url, { method }, (res) => {
      let text = '';
      res.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

export interface Moto {
  endpoint: string;
  stop(): Promise<void>;
}

export async function startMoto(motoServer: string): Promise<Moto> {
  const port = await freePort();
  const child: ChildProcess = spawn(motoServer, ['-H', '127.0.0.1', '-p', String(port)], { stdio: 'ignore' });
  const endpoint = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 30_000;
  for (;;) {
    try {
      if ((await http('GET', `${endpoint}/`)).status === 200) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline || child.exitCode !== null) {
      child.kill('SIGKILL');
      throw new Error(`moto_server did not start on ${endpoint}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return {
    endpoint,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

export async function createBucket(endpoint: string, bucket: string): Promise<void> {
  const result = await http('PUT', `${endpoint}/${bucket}`);
  if (result.status !== 200) throw new Error(`could not create bucket ${bucket}: ${result.status} ${result.text}`);
}

export async function listKeys(endpoint: string, bucket: string, prefix = ''): Promise<string[]> {
  const keys: string[] = [];
  let token: string | undefined;
  do {
    const query = new URLSearchParams({ 'list-type': '2', prefix, ...(token ? { 'continuation-token': token } : {}) });
    const { text } = await http('GET', `${endpoint}/${bucket}?${query.toString()}`);
    keys.push(...[...text.matchAll(/<Key>([^<]+)<\/Key>/g)].map((match) => match[1]!));
    token = /<NextContinuationToken>([^<]+)</.exec(text)?.[1];
  } while (token);
  return keys.sort();
}

export function uniqueBucket(prefix: string): string {
  return `${prefix}-${randomBytes(4).toString('hex')}`;
}

/**
 * Forwards to moto on a fixed port. `allowUploads(n)`: after n object uploads (PUT of a key) it
 * stops answering and stops listening — the store is gone mid-push; `up()` brings it back on the
 * same port, `down()` takes it away.
 */
export class S3Proxy {
  /** Uploads let through (counted as they arrive, since DVC uploads several at once). */
  uploads = 0;
  private server: Server | undefined;
  private closing: Promise<void> | undefined;
  private readonly sockets = new Set<Socket>();
  private uploadLimit = Number.POSITIVE_INFINITY;

  private constructor(
    readonly port: number,
    private readonly target: string,
  ) {}

  static async start(target: string): Promise<S3Proxy> {
    const proxy = new S3Proxy(await freePort(), target);
    await proxy.up();
    return proxy;
  }

  get endpoint(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  allowUploads(count: number): void {
    this.uploads = 0;
    this.uploadLimit = count;
  }

  /** Stops accepting connections; requests already forwarded still complete. */
  private halt(): void {
    const server = this.server;
    this.server = undefined;
    if (server) this.closing = new Promise((resolve) => server.close(() => resolve()));
  }

  async up(): Promise<void> {
    if (this.server) return;
    await this.down();
    this.uploadLimit = Number.POSITIVE_INFINITY;
    const server = createServer((req, res) => {
      const isUpload = req.method === 'PUT' && new URL(req.url ?? '/', 'http://x').pathname.split('/').filter(Boolean).length >= 2;
      if (this.server !== server || (isUpload && this.uploads >= this.uploadLimit)) {
        req.socket.destroy();
        this.halt();
        return;
      }
      if (isUpload) this.uploads++;
      const forward = httpRequest(`${this.target}${req.url ?? '/'}`, { method: req.method, headers: req.headers }, (upstream) => {
        res.writeHead(upstream.statusCode ?? 502, upstream.headers);
        upstream.pipe(res);
      });
      forward.on('error', () => res.destroy());
      req.pipe(forward);
    });
    server.on('connection', (socket) => {
      this.sockets.add(socket);
      socket.on('close', () => this.sockets.delete(socket));
    });
    this.server = server;
    await new Promise<void>((resolve) => server.listen(this.port, '127.0.0.1', () => resolve()));
  }

  /** The store goes away at once: no listener, every connection cut. */
  async down(): Promise<void> {
    this.halt();
    for (const socket of this.sockets) socket.destroy();
    await this.closing;
    this.closing = undefined;
  }
}

/** A copy of the example monorepo in a fresh git repository, committed. */
export function monorepoWorkspace(prefix: string): string {
  const dir = copyFixture(prefix);
  git(dir, 'init', '-q', '-b', 'main');
  git(dir, 'add', '-A');
  git(dir, 'commit', '-q', '-m', 'fixture');
  return dir;
}

export function commitAll(dir: string, message: string): void {
  git(dir, 'add', '-A');
  git(dir, 'commit', '-q', '--allow-empty', '-m', message);
}

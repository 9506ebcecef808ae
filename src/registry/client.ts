import { createHash } from 'node:crypto';
import * as core from '../core/runner.js';
import { registerSecret } from '../core/secrets.js';
import { isLoopbackHost, registryApiHost } from '../docker/reference.js';

/**
 * A small client of the registry HTTP API (the OCI distribution spec): enough to read a
 * manifest's digest, copy a manifest to another tag and list tags. It answers Basic and
 * Bearer-token challenges with the given credentials, and retries transient failures.
 */

export interface RegistryCredentials {
  username: string;
  password: string;
}

export interface RegistryClientOptions {
  /** Registry host and port, as in the image name (`gcr.io`, `127.0.0.1:5000`, `docker.io`). */
  host: string;
  credentials?: RegistryCredentials;
  /** Attempts for a request that fails with a network error, 429 or 5xx (default 4). */
  attempts?: number;
  /** First delay between attempts; doubles each time (default 1000 ms). */
  backoffMs?: number;
}

/** The manifest media types a pushed image can have, best first. */
export const MANIFEST_ACCEPT = [
  'application/vnd.oci.image.index.v1+json',
  'application/vnd.docker.distribution.manifest.list.v2+json',
  'application/vnd.oci.image.manifest.v1+json',
  'application/vnd.docker.distribution.manifest.v2+json',
].join(', ');

export interface ManifestInfo {
  digest: string;
  mediaType: string;
  size: number;
}

export interface Manifest extends ManifestInfo {
  body: Buffer;
}

export class RegistryError extends Error {
  override readonly name = 'RegistryError';
  constructor(
    message: string,
    readonly status?: number,
  ) {
    super(message);
  }
}

function isTransientStatus(status: number): boolean {
  return status === 429 || status === 408 || status >= 500;
}

function parseChallenge(header: string): { scheme: string; params: Record<string, string> } {
  const space = header.indexOf(' ');
  const scheme = (space === -1 ? header : header.slice(0, space)).toLowerCase();
  const params: Record<string, string> = {};
  const re = /(\w+)="([^"]*)"/g;
  for (let match = re.exec(header); match; match = re.exec(header)) params[match[1]!] = match[2]!;
  return { scheme, params };
}

export class RegistryClient {
  readonly baseUrl: string;
  private readonly attempts: number;
  private readonly backoffMs: number;
  private authorization: string | undefined;

  constructor(private readonly options: RegistryClientOptions) {
    const apiHost = registryApiHost(options.host);
    this.baseUrl = `${isLoopbackHost(apiHost) ? 'http' : 'https'}://${apiHost}`;
    this.attempts = options.attempts ?? 4;
    this.backoffMs = options.backoffMs ?? 1000;
  }

  /** The manifest's digest as the registry reports it, or undefined when the tag does not exist. */
  async manifestInfo(repository: string, reference: string): Promise<ManifestInfo | undefined> {
    const path = `/v2/${repository}/manifests/${reference}`;
    const response = await this.request('HEAD', path, repository, { accept: MANIFEST_ACCEPT });
    if (response.status === 404) return undefined;
    if (!response.ok) throw await this.failure('HEAD', path, response);
    const digest = response.headers.get('docker-content-digest');
    if (digest) {
      return {
        digest,
        mediaType: response.headers.get('content-type') ?? '',
        size: Number(response.headers.get('content-length') ?? 0),
      };
    }
    // Some registries send the digest only with the body: compute it from the bytes.
    const manifest = await this.getManifest(repository, reference);
    return manifest && { digest: manifest.digest, mediaType: manifest.mediaType, size: manifest.size };
  }

  async getManifest(repository: string, reference: string): Promise<Manifest | undefined> {
    const path = `/v2/${repository}/manifests/${reference}`;
    const response = await this.request('GET', path, repository, { accept: MANIFEST_ACCEPT });
    if (response.status === 404) return undefined;
    if (!response.ok) throw await this.failure('GET', path, response);
    const body = Buffer.from(await response.arrayBuffer());
    const digest = `sha256:${createHash('sha256').update(body).digest('hex')}`;
    const reported = response.headers.get('docker-content-digest');
    if (reported && reported !== digest) {
      throw new RegistryError(`${this.baseUrl}${path}: the registry says digest ${reported}, the bytes hash to ${digest}`);
    }
    return { digest, mediaType: response.headers.get('content-type') ?? '', size: body.length, body };
  }

  /** Points a tag at an existing manifest by uploading the same bytes (the digest cannot change). */
  async putManifest(repository: string, tag: string, manifest: Manifest): Promise<string> {
    const path = `/v2/${repository}/manifests/${tag}`;
    const response = await this.request('PUT', path, repository, {
      body: manifest.body,
      contentType: manifest.mediaType,
      push: true,
    });
    if (!response.ok) throw await this.failure('PUT', path, response);
    const digest = response.headers.get('docker-content-digest') ?? manifest.digest;
    await response.arrayBuffer();
    if (digest !== manifest.digest) {
      throw new RegistryError(`${this.baseUrl}${path}: the registry stored digest ${digest}, expected ${manifest.digest}`);
    }
    return digest;
  }

  /** The repository's tags; an unknown repository has none. */
  async listTags(repository: string): Promise<string[]> {
    const tags: string[] = [];
    let path: string | undefined = `/v2/${repository}/tags/list?n=1000`;
    while (path) {
      const response = await this.request('GET', path, repository, { accept: 'application/json' });
      if (response.status === 404) return tags;
      if (!response.ok) throw await this.failure('GET', path, response);
      const body = (await response.json()) as { tags?: string[] | null };
      tags.push(...(body.tags ?? []));
      const link = response.headers.get('link');
      const next = link ? /<([^>]+)>/.exec(link)?.[1] : undefined;
      path = next ? (next.startsWith('http') ? new URL(next).pathname + new URL(next).search : next) : undefined;
    }
    return tags;
  }

  private async failure(method: string, path: string, response: Response): Promise<RegistryError> {
    let detail = '';
    try {
      const body = (await response.json()) as { errors?: { code?: string; message?: string }[] };
      detail = (body.errors ?? []).map((e) => `${e.code ?? ''} ${e.message ?? ''}`.trim()).join('; ');
    } catch {
      /* not every error has a JSON body */
    }
    const hint =
      response.status === 401
        ? ' (the registry refused the credentials: check registry-username and registry-password, or the Google credentials)'
        : response.status === 403
          ? ' (the credentials are valid but may not access this repository)'
          : '';
    return new RegistryError(
      `${method} ${this.baseUrl}${path} answered ${response.status}${detail ? `: ${detail}` : ''}${hint}`,
      response.status,
    );
  }

  private async request(
    method: string,
    path: string,
    repository: string,
    options: { accept?: string; body?: Buffer; contentType?: string; push?: boolean },
  ): Promise<Response> {
    let challenged = false;
    for (let attempt = 1; ; attempt++) {
      const headers: Record<string, string> = {};
      if (options.accept) headers.accept = options.accept;
      if (options.contentType) headers['content-type'] = options.contentType;
      if (this.authorization) headers.authorization = this.authorization;
      let response: Response;
      try {
        response = await fetch(`${this.baseUrl}${path}`, {
          method,
          headers,
          body: options.body ? new Uint8Array(options.body) : undefined,
          redirect: 'follow',
        });
      } catch (error) {
        if (attempt >= this.attempts) {
          const reason = error instanceof Error ? ((error.cause as Error | undefined)?.message ?? error.message) : String(error);
          throw new RegistryError(`${method} ${this.baseUrl}${path} failed after ${attempt} attempts: ${reason}`);
        }
        await this.pause(attempt, `${method} ${path}: ${error instanceof Error ? error.message : String(error)}`);
        continue;
      }
      if (response.status === 401 && !challenged) {
        challenged = true;
        const header = response.headers.get('www-authenticate');
        await response.arrayBuffer();
        if (header) {
          await this.answerChallenge(header, repository, options.push === true);
          attempt--;
          continue;
        }
        return response;
      }
      if (isTransientStatus(response.status) && attempt < this.attempts) {
        await response.arrayBuffer();
        await this.pause(attempt, `${method} ${path} answered ${response.status}`);
        continue;
      }
      return response;
    }
  }

  private async pause(attempt: number, why: string): Promise<void> {
    const delay = this.backoffMs * 2 ** (attempt - 1);
    core.info(`registry: ${why}; retrying in ${delay} ms (attempt ${attempt + 1} of ${this.attempts})`);
    await new Promise((resolve) => setTimeout(resolve, delay));
  }

  private async answerChallenge(header: string, repository: string, push: boolean): Promise<void> {
    const { scheme, params } = parseChallenge(header);
    const credentials = this.options.credentials;
    const basic = credentials
      ? `Basic ${Buffer.from(`${credentials.username}:${credentials.password}`).toString('base64')}`
      : undefined;
    if (scheme === 'basic') {
      if (!basic) throw new RegistryError(`${this.baseUrl} asks for credentials and none were given`, 401);
      this.authorization = basic;
      return;
    }
    if (scheme !== 'bearer' || !params.realm) {
      throw new RegistryError(`${this.baseUrl} asks for an unsupported authentication: ${header.split(' ')[0]}`);
    }
    const url = new URL(params.realm);
    if (params.service) url.searchParams.set('service', params.service);
    url.searchParams.set('scope', params.scope ?? `repository:${repository}:${push ? 'pull,push' : 'pull'}`);
    const response = await fetch(url, { headers: basic ? { authorization: basic } : {} });
    if (!response.ok) {
      await response.arrayBuffer();
      throw new RegistryError(
        `the registry's token service ${url.origin}${url.pathname} answered ${response.status}` +
          (response.status === 401 ? ' (the registry refused the credentials)' : ''),
        response.status,
      );
    }
    const body = (await response.json()) as { token?: string; access_token?: string };
    const token = body.token ?? body.access_token;
    if (!token) throw new RegistryError(`the registry's token service ${url.origin} returned no token`);
    registerSecret(token);
    this.authorization = `Bearer ${token}`;
  }
}

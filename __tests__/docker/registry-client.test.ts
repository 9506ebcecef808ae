import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { RegistryClient, MANIFEST_ACCEPT } from '../../src/registry/client.js';

// The registry client's Bearer-token handshake, as Artifact Registry, GCR and Docker Hub run it:
// 401 with a WWW-Authenticate challenge, a token from the realm for the repository scope, then
// the request again with the token. Served by a small HTTP responder written for this test.

const MANIFEST = Buffer.from(JSON.stringify({ schemaVersion: 2, mediaType: 'application/vnd.oci.image.manifest.v1+json', layers: [] }));
const DIGEST = `sha256:${createHash('sha256').update(MANIFEST).digest('hex')}`;

interface Seen {
  method: string;
  path: string;
  authorization?: string;
  accept?: string;
}

async function tokenRegistry(options: { failFirst?: number } = {}) {
  const seen: Seen[] = [];
  let failures = options.failFirst ?? 0;
  const tags = new Map<string, Buffer>([['main', MANIFEST]]);
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://x');
    seen.push({ method: req.method ?? '', path: url.pathname + url.search, authorization: req.headers.authorization, accept: req.headers.accept });
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      if (url.pathname === '/token') {
        const basic = `Basic ${Buffer.from('oauth2accesstoken:ya29.good').toString('base64')}`;
        if (req.headers.authorization !== basic) {
          res.writeHead(401).end();
          return;
        }
        res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ token: `tok:${url.searchParams.get('scope')}` }));
        return;
      }
      const match = /^\/v2\/(.+)\/manifests\/(.+)$/.exec(url.pathname);
      const scope = `repository:${match?.[1]}:${req.method === 'PUT' ? 'pull,push' : 'pull'}`;
      if (req.headers.authorization !== `Bearer tok:${scope}` && req.headers.authorization !== `Bearer tok:repository:${match?.[1]}:pull,push`) {
        res
          .writeHead(401, { 'www-authenticate': `Bearer realm="http://${req.headers.host}/token",service="registry.test",scope="${scope}"` })
          .end(JSON.stringify({ errors: [{ code: 'UNAUTHORIZED', message: 'authentication required' }] }));
        return;
      }
      if (failures > 0) {
        failures--;
        res.writeHead(503).end();
        return;
      }
      const reference = match![2]!;
      if (req.method === 'PUT') {
        tags.set(reference, Buffer.concat(chunks));
        res.writeHead(201, { 'docker-content-digest': `sha256:${createHash('sha256').update(Buffer.concat(chunks)).digest('hex')}` }).end();
        return;
      }
      const body = reference === DIGEST ? MANIFEST : tags.get(reference);
      if (!body) {
        res.writeHead(404).end(JSON.stringify({ errors: [{ code: 'MANIFEST_UNKNOWN', message: 'manifest unknown' }] }));
        return;
      }
      const headers = { 'content-type': 'application/vnd.oci.image.manifest.v1+json', 'docker-content-digest': DIGEST, 'content-length': String(body.length) };
      res.writeHead(200, headers).end(req.method === 'HEAD' ? undefined : body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const host = `127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { host, seen, tags, close: () => new Promise((resolve) => server.close(resolve)) };
}

describe('RegistryClient', () => {
  it('answers a Bearer challenge with a scoped token and reads the manifest digest with the manifest Accept types', async () => {
    const registry = await tokenRegistry();
    try {
      const client = new RegistryClient({ host: registry.host, credentials: { username: 'oauth2accesstoken', password: 'ya29.good' } });
      expect(await client.manifestInfo('aura-prod/visual-analysis', 'main')).toEqual({
        digest: DIGEST,
        mediaType: 'application/vnd.oci.image.manifest.v1+json',
        size: MANIFEST.length,
      });
      expect(registry.seen.map((s) => s.path)).toEqual([
        '/v2/aura-prod/visual-analysis/manifests/main',
        '/token?service=registry.test&scope=repository%3Aaura-prod%2Fvisual-analysis%3Apull',
        '/v2/aura-prod/visual-analysis/manifests/main',
      ]);
      expect(registry.seen[0]!.accept).toBe(MANIFEST_ACCEPT);
      expect(await client.manifestInfo('aura-prod/visual-analysis', 'missing')).toBeUndefined();
    } finally {
      await registry.close();
    }
  });

  it('copies a manifest to another tag by digest, retrying a 503', async () => {
    const registry = await tokenRegistry();
    try {
      const client = new RegistryClient({ host: registry.host, credentials: { username: 'oauth2accesstoken', password: 'ya29.good' }, backoffMs: 5 });
      const manifest = await client.getManifest('aura-prod/x', DIGEST);
      expect(manifest?.digest).toBe(DIGEST);
      const flaky = await tokenRegistry({ failFirst: 1 });
      try {
        const other = new RegistryClient({ host: flaky.host, credentials: { username: 'oauth2accesstoken', password: 'ya29.good' }, backoffMs: 5 });
        expect(await other.putManifest('aura-prod/x', 'latest', manifest!)).toBe(DIGEST);
        expect(flaky.tags.get('latest')?.equals(MANIFEST)).toBe(true);
        expect(flaky.seen.filter((s) => s.method === 'PUT')).toHaveLength(3); // challenge, 503, success
      } finally {
        await flaky.close();
      }
    } finally {
      await registry.close();
    }
  });

  it('says the credentials were refused when the token service rejects them', async () => {
    const registry = await tokenRegistry();
    try {
      const client = new RegistryClient({ host: registry.host, credentials: { username: 'oauth2accesstoken', password: 'ya29.expired' } });
      await expect(client.manifestInfo('aura-prod/x', 'main')).rejects.toThrow(/token service .* answered 401 \(the registry refused the credentials\)/);
    } finally {
      await registry.close();
    }
  });
});

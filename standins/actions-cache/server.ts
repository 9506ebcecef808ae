/**
 * STAND-IN of the GitHub Actions cache service (v2), not GitHub's service: the Twirp API of
 * `github.actions.results.api.v1.CacheService` that @actions/cache calls with the runner's
 * ACTIONS_RESULTS_URL and ACTIONS_RUNTIME_TOKEN, and the blob storage behind the signed URLs it
 * hands out, speaking the Azure Blob REST operations the client uses (Put Blob, Put Block,
 * Put Block List for uploads; Get Blob and Get Blob Properties for downloads).
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

const SERVICE = 'github.actions.results.api.v1.CacheService';
const ACCOUNT = 'devstoreaccount1';
const CONTAINER = 'actions-cache';
const STORAGE_VERSION = '2025-05-05';

export interface CacheEntry {
  id: number;
  key: string;
  version: string;
  createdAt: number;
  /** Set once FinalizeCacheEntryUpload succeeds: only finalized entries are found. */
  finalized: boolean;
  sizeBytes?: number;
  blob?: Buffer;
  /** Blocks staged with Put Block, not yet committed with Put Block List. */
  blocks: Map<string, Buffer>;
}

export interface RecordedRequest {
  method: string;
  /** The Twirp method (`CreateCacheEntry`...) or the blob operation (`PutBlob`, `GetBlob`...). */
  operation: string;
  /** The JSON body of a Twirp call. */
  body?: Record<string, unknown>;
  status: number;
}

export interface ActionsCacheStandIn {
  url: string;
  token: string;
  entries: CacheEntry[];
  requests: RecordedRequest[];
  /** The variables a runner sets for actions, pointing at this stand-in. */
  env(): Record<string, string>;
  /** Finalized entries by key (the newest wins). */
  find(key: string): CacheEntry | undefined;
  close(): Promise<void>;
}

export interface StandInOptions {
  port?: number;
  token?: string;
  /** Lifetime of a signed URL, in seconds (the service uses short-lived SAS URLs). */
  urlLifetimeSeconds?: number;
}

function twirpError(res: ServerResponse, status: number, code: string, msg: string): number {
  const body = JSON.stringify({ code, msg });
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) });
  res.end(body);
  return status;
}

function json(res: ServerResponse, body: Record<string, unknown>): number {
  const text = JSON.stringify(body);
  res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
  res.end(text);
  return 200;
}

function storageError(res: ServerResponse, status: number, code: string, message: string): number {
  const body = `<?xml version="1.0" encoding="utf-8"?><Error><Code>${code}</Code><Message>${message}</Message></Error>`;
  res.writeHead(status, {
    'content-type': 'application/xml',
    'content-length': Buffer.byteLength(body),
    'x-ms-error-code': code,
    'x-ms-version': STORAGE_VERSION,
  });
  res.end(body);
  return status;
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

export async function startActionsCache(options: StandInOptions = {}): Promise<ActionsCacheStandIn> {
  const token = options.token ?? `standin-runtime-${randomBytes(8).toString('hex')}`;
  const signingKey = randomBytes(32);
  const lifetime = (options.urlLifetimeSeconds ?? 3600) * 1000;
  const entries: CacheEntry[] = [];
  const requests: RecordedRequest[] = [];
  let nextId = 1;
  let base = '';

  const sign = (id: number, permission: string, expiry: number): string =>
    createHmac('sha256', signingKey).update(`${id}\n${permission}\n${expiry}`).digest('base64url');

  const signedUrl = (entry: CacheEntry, permission: 'r' | 'cw'): string => {
    const expiry = Date.now() + lifetime;
    const query = new URLSearchParams({ sv: STORAGE_VERSION, sp: permission, se: String(expiry), sr: 'b', sig: sign(entry.id, permission, expiry) });
    return `${base}/${ACCOUNT}/${CONTAINER}/${entry.id}?${query.toString()}`;
  };

  const visible = (): CacheEntry[] => entries.filter((entry) => entry.finalized);

  /** Exact key first, then the newest entry whose key starts with it, for the key and each restore key in order. */
  const lookup = (keys: string[], version: string): CacheEntry | undefined => {
    const candidates = visible().filter((entry) => entry.version === version);
    for (const key of keys) {
      const exact = candidates.filter((entry) => entry.key === key).sort((a, b) => b.createdAt - a.createdAt || b.id - a.id)[0];
      if (exact) return exact;
      const prefixed = candidates.filter((entry) => entry.key.startsWith(key)).sort((a, b) => b.createdAt - a.createdAt || b.id - a.id)[0];
      if (prefixed) return prefixed;
    }
    return undefined;
  };

  async function twirp(req: IncomingMessage, res: ServerResponse, method: string): Promise<number> {
    const body = await readBody(req);
    const record: RecordedRequest = { method: req.method ?? '', operation: method, status: 0 };
    requests.push(record);
    const auth = req.headers.authorization ?? '';
    if (auth !== `Bearer ${token}`) return (record.status = twirpError(res, 401, 'unauthenticated', 'invalid or missing runtime token'));
    if (req.method !== 'POST') return (record.status = twirpError(res, 405, 'bad_route', 'Twirp methods are POST'));
    if (!(req.headers['content-type'] ?? '').startsWith('application/json')) {
      return (record.status = twirpError(res, 415, 'bad_route', 'this stand-in speaks Twirp JSON only'));
    }
    let request: Record<string, unknown>;
    try {
      request = JSON.parse(body.toString('utf8')) as Record<string, unknown>;
    } catch {
      return (record.status = twirpError(res, 400, 'malformed', 'the body is not JSON'));
    }
    record.body = request;
    const key = typeof request.key === 'string' ? request.key : '';
    const version = typeof request.version === 'string' ? request.version : '';
    if (!key || !version) return (record.status = twirpError(res, 400, 'invalid_argument', 'key and version are required'));
    if (key.length > 512) return (record.status = twirpError(res, 400, 'invalid_argument', 'key is longer than 512 characters'));

    switch (method) {
      case 'CreateCacheEntry': {
        if (entries.some((entry) => entry.key === key && entry.version === version)) {
          return (record.status = twirpError(res, 409, 'already_exists', 'cache entry with the same key, version, and scope already exists'));
        }
        const entry: CacheEntry = { id: nextId++, key, version, createdAt: Date.now(), finalized: false, blocks: new Map() };
        entries.push(entry);
        return (record.status = json(res, { ok: true, signed_upload_url: signedUrl(entry, 'cw') }));
      }
      case 'FinalizeCacheEntryUpload': {
        const entry = entries.find((e) => e.key === key && e.version === version && !e.finalized);
        if (!entry) return (record.status = twirpError(res, 404, 'not_found', 'no cache entry is being uploaded with this key and version'));
        const size = Number(request.size_bytes ?? 0);
        if (!entry.blob) return (record.status = json(res, { ok: false, message: 'the cache archive was never uploaded' }));
        if (entry.blob.length !== size) {
          return (record.status = json(res, { ok: false, message: `size mismatch: uploaded ${entry.blob.length} bytes, finalize says ${size}` }));
        }
        entry.finalized = true;
        entry.sizeBytes = size;
        return (record.status = json(res, { ok: true, entry_id: String(entry.id) }));
      }
      case 'GetCacheEntryDownloadURL': {
        const restoreKeys = Array.isArray(request.restore_keys) ? request.restore_keys.filter((k): k is string => typeof k === 'string') : [];
        const entry = lookup([key, ...restoreKeys], version);
        if (!entry) return (record.status = json(res, { ok: false }));
        return (record.status = json(res, { ok: true, signed_download_url: signedUrl(entry, 'r'), matched_key: entry.key }));
      }
      default:
        return (record.status = twirpError(res, 404, 'bad_route', `no method ${method} in ${SERVICE}`));
    }
  }

  async function blob(req: IncomingMessage, res: ServerResponse, url: URL, id: number): Promise<number> {
    const query = url.searchParams;
    const comp = query.get('comp');
    const operation =
      req.method === 'PUT' ? (comp === 'block' ? 'PutBlock' : comp === 'blocklist' ? 'PutBlockList' : 'PutBlob') : req.method === 'HEAD' ? 'GetBlobProperties' : 'GetBlob';
    const record: RecordedRequest = { method: req.method ?? '', operation, status: 0 };
    requests.push(record);
    const body = await readBody(req);
    const permission = query.get('sp') ?? '';
    const expiry = Number(query.get('se') ?? 0);
    const signature = query.get('sig') ?? '';
    const expected = Buffer.from(sign(id, permission, expiry));
    const given = Buffer.from(signature);
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
      return (record.status = storageError(res, 403, 'AuthenticationFailed', 'Signature did not match.'));
    }
    if (expiry < Date.now()) return (record.status = storageError(res, 403, 'AuthenticationFailed', 'Signed expiry time has passed.'));
    const entry = entries.find((e) => e.id === id);
    if (!entry) return (record.status = storageError(res, 404, 'BlobNotFound', 'The specified blob does not exist.'));
    const common = { 'x-ms-version': STORAGE_VERSION, 'x-ms-request-id': randomBytes(8).toString('hex'), date: new Date().toUTCString() };

    if (req.method === 'PUT') {
      if (!permission.includes('w')) return (record.status = storageError(res, 403, 'AuthorizationPermissionMismatch', 'This request is not authorized to perform this operation.'));
      if (entry.finalized) return (record.status = storageError(res, 409, 'BlobImmutable', 'The cache entry is finalized.'));
      if (comp === 'block') {
        const blockId = query.get('blockid');
        if (!blockId) return (record.status = storageError(res, 400, 'InvalidQueryParameterValue', 'blockid is required'));
        entry.blocks.set(blockId, body);
      } else if (comp === 'blocklist') {
        const ids = [...body.toString('utf8').matchAll(/<(?:Latest|Uncommitted|Committed)>([^<]*)<\//g)].map((m) => m[1]!);
        const parts: Buffer[] = [];
        for (const blockId of ids) {
          const part = entry.blocks.get(blockId);
          if (!part) return (record.status = storageError(res, 400, 'InvalidBlockList', `block ${blockId} was not staged`));
          parts.push(part);
        }
        entry.blob = Buffer.concat(parts);
        entry.blocks.clear();
      } else {
        if ((req.headers['x-ms-blob-type'] ?? '') !== 'BlockBlob') {
          return (record.status = storageError(res, 400, 'MissingRequiredHeader', 'x-ms-blob-type: BlockBlob is required'));
        }
        entry.blob = body;
      }
      res.writeHead(201, { ...common, etag: `"0x${entry.id.toString(16)}${Date.now().toString(16)}"`, 'last-modified': new Date().toUTCString(), 'x-ms-request-server-encrypted': 'true', 'content-length': '0' });
      res.end();
      return (record.status = 201);
    }

    if (!permission.includes('r')) return (record.status = storageError(res, 403, 'AuthorizationPermissionMismatch', 'This request is not authorized to perform this operation.'));
    if (!entry.finalized || !entry.blob) return (record.status = storageError(res, 404, 'BlobNotFound', 'The specified blob does not exist.'));
    const data = entry.blob;
    const headers = { ...common, 'x-ms-blob-type': 'BlockBlob', 'accept-ranges': 'bytes', 'content-type': 'application/octet-stream', etag: `"0x${entry.id.toString(16)}"` };
    if (req.method === 'HEAD') {
      res.writeHead(200, { ...headers, 'content-length': String(data.length) });
      res.end();
      return (record.status = 200);
    }
    const range = /^bytes=(\d+)-(\d*)$/.exec(String(req.headers['x-ms-range'] ?? req.headers.range ?? ''));
    if (range) {
      const start = Number(range[1]);
      const end = range[2] ? Math.min(Number(range[2]), data.length - 1) : data.length - 1;
      const slice = data.subarray(start, end + 1);
      res.writeHead(206, { ...headers, 'content-length': String(slice.length), 'content-range': `bytes ${start}-${end}/${data.length}` });
      res.end(slice);
      return (record.status = 206);
    }
    res.writeHead(200, { ...headers, 'content-length': String(data.length) });
    res.end(data);
    return (record.status = 200);
  }

  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://stand-in');
    const rpc = new RegExp(`^/twirp/${SERVICE.replace(/\./g, '\\.')}/(\\w+)$`).exec(url.pathname);
    const blobPath = new RegExp(`^/${ACCOUNT}/${CONTAINER}/(\\d+)$`).exec(url.pathname);
    const handled = rpc ? twirp(req, res, rpc[1]!) : blobPath ? blob(req, res, url, Number(blobPath[1])) : Promise.resolve(twirpError(res, 404, 'bad_route', `no route ${url.pathname}`));
    handled.catch((error: unknown) => {
      if (!res.headersSent) twirpError(res, 500, 'internal', error instanceof Error ? error.message : String(error));
      else res.destroy();
    });
  });
  const sockets = new Set<Socket>();
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    url: `${base}/`,
    token,
    entries,
    requests,
    env: () => ({ ACTIONS_RESULTS_URL: `${base}/`, ACTIONS_RUNTIME_TOKEN: token, ACTIONS_CACHE_SERVICE_V2: 'true' }),
    find: (key) => visible().filter((entry) => entry.key === key).sort((a, b) => b.createdAt - a.createdAt)[0],
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

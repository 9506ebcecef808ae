/**
 * The HTTP(S) front of the stand-in: the Kubernetes REST paths, content negotiation (JSON,
 * server-side Tables, partial metadata), list pagination, watch streams, pod logs, the
 * services proxy, discovery and OpenAPI, bearer-token authentication, and scripted faults.
 */
import { createServer as createHttpServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { Socket } from 'node:net';
import { parse as parseYaml } from 'yaml';
import { patchTypeOf, type FieldValidation, type KubeApi, type WriteOptions } from '../api.js';
import type { ControlPlane } from '../controllers/manager.js';
import { ApiError, badRequest, failureStatus, methodNotAllowed, notFound } from '../errors.js';
import { resourceFor, apiVersionOf, PODS, SERVICES, type ResourceDef } from '../resources.js';
import { labelSelectorMatcher } from '../selectors.js';
import type { StoreEvent } from '../store.js';
import { buildTable, printerFor, tableRow, type IncludeObject } from '../tables.js';
import type { KubeObject } from '../util.js';
import {
  aggregatedDiscovery,
  AGGREGATED_DISCOVERY_V2,
  AGGREGATED_DISCOVERY_V2BETA1,
  apiGroupDocument,
  apiGroupList,
  apiResourceList,
  apiVersions,
  KUBERNETES_VERSION,
  wantsAggregated,
} from './discovery.js';
import { faultMessage, faultReason, type FaultPlan } from './faults.js';
import { openApiV3Document, openApiV3Root } from './openapi.js';
import { decodeKubernetesProtobuf } from '../protobuf.js';

type Obj = Record<string, any>;

export interface HttpOptions {
  host: string;
  port: number;
  tls?: { cert: string | Buffer; key: string | Buffer };
  /** Accepted bearer tokens; empty means no authentication. */
  tokens: ReadonlySet<string>;
  /** Wall-clock milliseconds between BOOKMARK events on watches that allow them. */
  bookmarkIntervalMs: number;
}

export interface RequestRecord {
  /** Wall-clock time the request arrived (ms since epoch). */
  at: number;
  /** Simulated time the request arrived. */
  simAt: number;
  method: string;
  path: string;
  query: Record<string, string>;
  watch: boolean;
  status: number;
  userAgent: string;
}

export interface DropWatchesOptions {
  /** Drop each open watch after it has sent this many more events (default: now). */
  afterEvents?: number;
  /** Destroy the connection instead of ending the response cleanly. */
  abrupt?: boolean;
}

interface OpenWatch {
  path: string;
  sent: number;
  dropAfter?: number;
  abrupt: boolean;
  end: (abrupt: boolean) => void;
}

interface Route {
  group: string;
  version: string;
  def: ResourceDef;
  namespace?: string;
  name?: string;
  subresource?: string;
  subpath: string[];
  watchPrefix: boolean;
}

const MAX_BODY = 3 * 1024 * 1024;
const PUBLIC_PATHS = new Set(['/version', '/healthz', '/livez', '/readyz']);

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY) {
        reject(new ApiError(413, 'RequestEntityTooLarge', 'Request entity too large: limit is 3145728'));
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function parseBody(raw: Buffer, contentType: string | undefined): unknown {
  const type = (contentType ?? '').split(';')[0]!.trim().toLowerCase();
  if (type === 'application/vnd.kubernetes.protobuf' && raw.length > 0) return decodeKubernetesProtobuf(raw);
  if (type === 'application/cbor') {
    throw new ApiError(415, 'UnsupportedMediaType', 'the body of the request was in an unknown format - accepted media types include: application/json, application/yaml, application/vnd.kubernetes.protobuf');
  }
  const text = raw.toString('utf8');
  if (text.trim() === '') return undefined;
  try {
    if (type === 'application/yaml' || type === 'application/x-yaml') return parseYaml(text);
    return JSON.parse(text);
  } catch (error) {
    throw badRequest(`the body of the request could not be decoded: ${(error as Error).message}`);
  }
}

function truthy(value: string | undefined): boolean {
  return value === 'true' || value === '1';
}

function acceptsTable(accept: string | undefined): boolean {
  return (accept ?? '').split(',').some((p) => /as=Table/.test(p) && /g=meta\.k8s\.io/.test(p));
}

function acceptsPartialMetadata(accept: string | undefined): boolean {
  return (accept ?? '').split(',').some((p) => /as=PartialObjectMetadata(List)?/.test(p) && /g=meta\.k8s\.io/.test(p));
}

function managerFrom(query: Record<string, string>, userAgent: string): string {
  if (query.fieldManager) return query.fieldManager;
  const prefix = userAgent.split('/')[0]?.trim();
  return prefix || 'unknown';
}

function fieldValidationFrom(query: Record<string, string>): FieldValidation | undefined {
  const value = query.fieldValidation;
  if (value === undefined || value === '') return undefined;
  if (value === 'Strict' || value === 'Warn' || value === 'Ignore') return value;
  throw badRequest(`fieldValidation must be one of "Ignore", "Warn", or "Strict", got "${value}"`);
}

function withoutTypeMeta(obj: KubeObject): KubeObject {
  const { apiVersion: _a, kind: _k, ...rest } = obj;
  return rest;
}

export class ApiHttpServer {
  private server: Server | undefined;
  private readonly sockets = new Set<Socket>();
  private readonly watches = new Set<OpenWatch>();
  private roundRobin = 0;
  readonly requests: RequestRecord[] = [];
  url = '';

  constructor(
    private readonly api: KubeApi,
    private readonly controlPlane: ControlPlane,
    private readonly faults: FaultPlan,
    private readonly options: HttpOptions,
  ) {}

  async listen(): Promise<string> {
    const handler = (req: IncomingMessage, res: ServerResponse): void => {
      void this.handle(req, res);
    };
    this.server = this.options.tls
      ? createHttpsServer({ cert: this.options.tls.cert, key: this.options.tls.key }, handler)
      : createHttpServer(handler);
    this.server.on('connection', (socket: Socket) => {
      this.sockets.add(socket);
      socket.on('close', () => this.sockets.delete(socket));
    });
    this.server.on('secureConnection', (socket: Socket) => {
      this.sockets.add(socket);
      socket.on('close', () => this.sockets.delete(socket));
    });
    await new Promise<void>((resolve, reject) => {
      this.server!.once('error', reject);
      this.server!.listen(this.options.port, this.options.host, () => resolve());
    });
    const address = this.server.address();
    const port = typeof address === 'object' && address ? address.port : this.options.port;
    const host = this.options.host.includes(':') ? `[${this.options.host}]` : this.options.host;
    this.url = `${this.options.tls ? 'https' : 'http'}://${host}:${port}`;
    return this.url;
  }

  get port(): number {
    const address = this.server?.address();
    return typeof address === 'object' && address ? address.port : this.options.port;
  }

  async close(): Promise<void> {
    for (const watch of [...this.watches]) watch.end(true);
    const server = this.server;
    if (!server) return;
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    for (const socket of this.sockets) socket.destroy();
    await closed;
    this.server = undefined;
  }

  get openWatches(): number {
    return this.watches.size;
  }

  /** Ends open watch streams, now or after each has sent `afterEvents` more events. */
  dropWatches(options: DropWatchesOptions = {}): number {
    const count = this.watches.size;
    for (const watch of [...this.watches]) {
      if (options.afterEvents === undefined || options.afterEvents <= 0) watch.end(options.abrupt ?? false);
      else {
        watch.dropAfter = watch.sent + options.afterEvents;
        watch.abrupt = options.abrupt ?? false;
      }
    }
    return count;
  }

  // ---------- request handling ----------

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const query = Object.fromEntries(url.searchParams.entries());
    const method = (req.method ?? 'GET').toUpperCase();
    const path = url.pathname.replace(/\/+$/, '') || '/';
    const watch = truthy(query.watch) || /^\/apis?\/(?:[^/]+\/)?v1\/watch\//.test(path);
    const record: RequestRecord = {
      at: Date.now(),
      simAt: this.api.clock.now(),
      method,
      path,
      query,
      watch,
      status: 0,
      userAgent: String(req.headers['user-agent'] ?? ''),
    };
    this.requests.push(record);
    if (this.requests.length > 5000) this.requests.splice(0, this.requests.length - 5000);
    res.on('finish', () => {
      record.status = res.statusCode;
    });
    res.setHeader('Audit-Id', crypto.randomUUID());
    res.setHeader('Cache-Control', 'no-cache, private');
    try {
      this.authenticate(req, path);
      const latency = this.faults.latencyFor({ method, path, watch });
      if (latency > 0) await new Promise((r) => setTimeout(r, latency));
      const fault = this.faults.takeFailure({ method, path, watch });
      if (fault) {
        const details = fault.retryAfterSeconds !== undefined ? { retryAfterSeconds: fault.retryAfterSeconds } : undefined;
        if (fault.retryAfterSeconds !== undefined) res.setHeader('Retry-After', String(fault.retryAfterSeconds));
        this.sendJson(res, fault.status, failureStatus(fault.status, faultReason(fault.status), fault.message ?? faultMessage(fault.status), details));
        return;
      }
      await this.route(req, res, method, path, query, watch);
    } catch (error) {
      this.sendError(res, error);
    }
  }

  private authenticate(req: IncomingMessage, path: string): void {
    if (this.options.tokens.size === 0) return;
    const header = req.headers.authorization;
    if (!header) {
      if (PUBLIC_PATHS.has(path)) return;
      throw new ApiError(401, 'Unauthorized', 'Unauthorized');
    }
    const m = /^Bearer\s+(.+)$/i.exec(header);
    if (!m || !this.options.tokens.has(m[1]!.trim())) throw new ApiError(401, 'Unauthorized', 'Unauthorized');
  }

  private sendJson(res: ServerResponse, status: number, body: unknown, contentType = 'application/json'): void {
    if (res.headersSent) {
      res.end();
      return;
    }
    const text = JSON.stringify(body);
    res.writeHead(status, { 'Content-Type': contentType, 'Content-Length': Buffer.byteLength(text) });
    res.end(text);
  }

  private sendError(res: ServerResponse, error: unknown): void {
    if (error instanceof ApiError) {
      this.sendJson(res, error.code, error.toStatus());
      return;
    }
    this.onInternalError(error);
    this.sendJson(res, 500, failureStatus(500, 'InternalError', `Internal error occurred: ${(error as Error)?.message ?? String(error)}`));
  }

  /** Called with unexpected errors (bugs) so the simulator can surface them. */
  onInternalError: (error: unknown) => void = (error) => console.error(error);

  private setWarnings(res: ServerResponse, warnings: string[]): void {
    if (warnings.length === 0) return;
    res.setHeader(
      'Warning',
      warnings.map((w) => `299 - ${JSON.stringify(w)}`),
    );
  }

  private async route(
    req: IncomingMessage,
    res: ServerResponse,
    method: string,
    path: string,
    query: Record<string, string>,
    watch: boolean,
  ): Promise<void> {
    const accept = req.headers.accept;
    switch (path) {
      case '/version':
        return this.sendJson(res, 200, KUBERNETES_VERSION);
      case '/healthz':
      case '/livez':
      case '/readyz':
        res.writeHead(200, { 'Content-Type': 'text/plain; charset=utf-8' });
        res.end('ok');
        return;
      case '/api': {
        const aggregated = wantsAggregated(accept);
        if (aggregated) {
          return this.sendJson(res, 200, aggregatedDiscovery(true, aggregated), aggregated === 'v2' ? AGGREGATED_DISCOVERY_V2 : AGGREGATED_DISCOVERY_V2BETA1);
        }
        return this.sendJson(res, 200, apiVersions(req.headers.host ?? `127.0.0.1:${this.port}`));
      }
      case '/apis': {
        const aggregated = wantsAggregated(accept);
        if (aggregated) {
          return this.sendJson(res, 200, aggregatedDiscovery(false, aggregated), aggregated === 'v2' ? AGGREGATED_DISCOVERY_V2 : AGGREGATED_DISCOVERY_V2BETA1);
        }
        return this.sendJson(res, 200, apiGroupList());
      }
      case '/openapi/v3':
        return this.sendJson(res, 200, openApiV3Root());
    }
    if (path.startsWith('/openapi/v3/')) {
      const doc = openApiV3Document(path.slice('/openapi/v3/'.length));
      if (!doc) throw notFound('', '', path);
      return this.sendJson(res, 200, doc);
    }
    const route = this.parseRoute(path);
    if (!route) {
      const segments = path.split('/').filter(Boolean);
      if (segments[0] === 'api' && segments.length === 2) {
        const list = apiResourceList('', segments[1]!);
        if (list) return this.sendJson(res, 200, list);
      }
      if (segments[0] === 'apis' && segments.length === 2) {
        const group = apiGroupDocument(segments[1]!);
        if (group) return this.sendJson(res, 200, group);
      }
      if (segments[0] === 'apis' && segments.length === 3) {
        const list = apiResourceList(segments[1]!, segments[2]!);
        if (list) return this.sendJson(res, 200, list);
      }
      res.writeHead(404, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify(failureStatus(404, 'NotFound', 'the server could not find the requested resource', {})));
      return;
    }
    if (route.subresource === 'proxy' && route.def.id === SERVICES) {
      return this.proxy(req, res, method, route);
    }
    if (route.subresource === 'log' && route.def.id === PODS) {
      if (method !== 'GET') throw methodNotAllowed();
      return this.logs(req, res, route, query);
    }
    if (route.subresource && !route.def.subresources[route.subresource]) throw notFound('', '', path);
    const writeOptions = (): WriteOptions => ({
      manager: managerFrom(query, String(req.headers['user-agent'] ?? '')),
      subresource: route.subresource === 'status' || route.subresource === 'scale' ? route.subresource : undefined,
      dryRun: query.dryRun === 'All',
      fieldValidation: fieldValidationFrom(query),
      force: truthy(query.force),
    });
    const def = route.def;
    if (route.name === undefined) {
      switch (method) {
        case 'GET':
          if (watch || route.watchPrefix) return this.watch(req, res, route, query);
          return this.list(req, res, route, query);
        case 'POST': {
          if (def.readOnly) throw methodNotAllowed();
          const body = parseBody(await readBody(req), req.headers['content-type']);
          const result = this.api.create(def.id, route.namespace, body, writeOptions());
          this.setWarnings(res, result.warnings);
          return this.sendJson(res, 201, result.object);
        }
        case 'DELETE':
          return this.deleteCollection(res, route, query);
        default:
          throw methodNotAllowed();
      }
    }
    if (route.watchPrefix) return this.watch(req, res, route, { ...query, fieldSelector: `metadata.name=${route.name}` });
    switch (method) {
      case 'GET': {
        if (route.subresource === 'scale') return this.sendJson(res, 200, this.api.readScale(def.id, route.namespace, route.name));
        const obj = this.api.get(def.id, route.namespace, route.name);
        if (acceptsTable(accept) && !route.subresource) {
          return this.sendJson(res, 200, buildTable(printerFor(def.id), [obj], this.api.clock.now(), {
            include: (query.includeObject as IncludeObject) || 'Metadata',
            resourceVersion: obj.metadata.resourceVersion,
          }));
        }
        return this.sendJson(res, 200, obj);
      }
      case 'PUT': {
        if (def.readOnly && route.subresource !== 'status') throw methodNotAllowed();
        const body = parseBody(await readBody(req), req.headers['content-type']);
        const result = this.api.update(def.id, route.namespace, route.name, body, writeOptions());
        this.setWarnings(res, result.warnings);
        return this.sendJson(res, 200, result.object);
      }
      case 'PATCH': {
        if (def.readOnly && route.subresource !== 'status') throw methodNotAllowed();
        const type = patchTypeOf(req.headers['content-type']);
        const body = (await readBody(req)).toString('utf8');
        if (type === 'apply' && !query.fieldManager) {
          throw new ApiError(422, 'Invalid', 'PatchOptions.meta.k8s.io "" is invalid: fieldManager: Required value: is required for apply patch', {
            group: 'meta.k8s.io',
            kind: 'PatchOptions',
            causes: [{ reason: 'FieldValueRequired', message: 'Required value: is required for apply patch', field: 'fieldManager' }],
          });
        }
        const result = this.api.patch(def.id, route.namespace, route.name, type, body, writeOptions());
        this.setWarnings(res, result.warnings);
        return this.sendJson(res, result.created ? 201 : 200, result.object);
      }
      case 'DELETE': {
        if (def.readOnly) throw methodNotAllowed();
        const body = parseBody(await readBody(req), req.headers['content-type']) as Obj | undefined;
        const grace = query.gracePeriodSeconds ?? body?.gracePeriodSeconds;
        const result = this.api.delete(def.id, route.namespace, route.name, {
          gracePeriodSeconds: grace === undefined ? undefined : Number(grace),
          propagationPolicy: (query.propagationPolicy ?? body?.propagationPolicy ?? (query.orphanDependents === 'true' || body?.orphanDependents === true ? 'Orphan' : undefined)) as 'Orphan' | 'Background' | 'Foreground' | undefined,
          preconditions: body?.preconditions,
          dryRun: query.dryRun === 'All' || (Array.isArray(body?.dryRun) && body.dryRun.includes('All')),
        });
        // Pods (graceful deletion) and objects held by finalizers come back as objects;
        // anything deleted at once, as a Status.
        if (def.graceful || !result.gone) return this.sendJson(res, 200, result.object);
        return this.sendJson(res, 200, {
          kind: 'Status',
          apiVersion: 'v1',
          metadata: {},
          status: 'Success',
          details: { name: route.name, group: def.group || undefined, kind: def.plural, uid: result.object.metadata.uid },
        });
      }
      default:
        throw methodNotAllowed();
    }
  }

  private parseRoute(path: string): Route | undefined {
    const segments = path.split('/').filter(Boolean).map(decodeURIComponent);
    let group: string;
    let version: string;
    let rest: string[];
    if (segments[0] === 'api' && segments.length >= 3) {
      group = '';
      version = segments[1]!;
      rest = segments.slice(2);
    } else if (segments[0] === 'apis' && segments.length >= 4) {
      group = segments[1]!;
      version = segments[2]!;
      rest = segments.slice(3);
    } else {
      return undefined;
    }
    let watchPrefix = false;
    if (rest[0] === 'watch') {
      watchPrefix = true;
      rest = rest.slice(1);
    }
    let namespace: string | undefined;
    if (rest[0] === 'namespaces' && rest.length >= 3) {
      const inner = resourceFor(group, version, rest[2]!);
      if (inner?.namespaced) {
        namespace = rest[1];
        rest = rest.slice(2);
      }
    }
    const def = resourceFor(group, version, rest[0]!);
    if (!def) return undefined;
    if (def.namespaced && namespace === undefined && rest.length > 1) return undefined;
    return {
      group,
      version,
      def,
      namespace,
      name: rest[1],
      subresource: rest[2],
      subpath: rest.slice(3),
      watchPrefix,
    };
  }

  // ---------- list ----------

  private list(req: IncomingMessage, res: ServerResponse, route: Route, query: Record<string, string>): void {
    const def = route.def;
    const all = this.api.list(def.id, route.namespace, { labelSelector: query.labelSelector, fieldSelector: query.fieldSelector });
    const resourceVersion = String(this.api.store.resourceVersion);
    let items = all;
    let continueToken: string | undefined;
    let remaining: number | undefined;
    let listVersion = resourceVersion;
    if (query.continue) {
      let token: { rv: string; start: string };
      try {
        token = JSON.parse(Buffer.from(query.continue, 'base64').toString('utf8')) as { rv: string; start: string };
      } catch {
        throw badRequest('continue key is not valid: illegal base64 data');
      }
      if (Number(token.rv) < this.api.store.oldestResumableVersion) {
        throw new ApiError(410, 'Expired', 'The provided continue parameter is too old to display a consistent list result. You can start a new list without the continue parameter, or use the continue token in this response to retrieve the remainder of the results. Continuing with the provided token results in an inconsistent list - objects that were created, modified, or deleted between the time the first chunk was returned and now may show up in the list.');
      }
      items = items.filter((o) => `${o.metadata.namespace ?? ''}/${o.metadata.name}` > token.start);
      listVersion = token.rv;
    }
    const limit = Number(query.limit ?? 0);
    if (limit > 0 && items.length > limit) {
      remaining = items.length - limit;
      items = items.slice(0, limit);
      const last = items[items.length - 1]!;
      continueToken = Buffer.from(JSON.stringify({ rv: listVersion, start: `${last.metadata.namespace ?? ''}/${last.metadata.name}` })).toString('base64');
    }
    const accept = req.headers.accept;
    if (acceptsTable(accept)) {
      this.sendJson(res, 200, buildTable(printerFor(def.id), items, this.api.clock.now(), {
        include: (query.includeObject as IncludeObject) || 'Metadata',
        resourceVersion: listVersion,
        continueToken,
      }));
      return;
    }
    const metadata: Obj = { resourceVersion: listVersion };
    if (continueToken) {
      metadata.continue = continueToken;
      metadata.remainingItemCount = remaining;
    }
    if (acceptsPartialMetadata(accept)) {
      this.sendJson(res, 200, {
        kind: 'PartialObjectMetadataList',
        apiVersion: 'meta.k8s.io/v1',
        metadata,
        items: items.map((o) => ({ kind: 'PartialObjectMetadata', apiVersion: 'meta.k8s.io/v1', metadata: o.metadata })),
      });
      return;
    }
    this.sendJson(res, 200, {
      kind: `${def.kind}List`,
      apiVersion: apiVersionOf(def),
      metadata,
      items: items.map(withoutTypeMeta),
    });
  }

  private deleteCollection(res: ServerResponse, route: Route, query: Record<string, string>): void {
    const def = route.def;
    if (!def.verbs.includes('deletecollection')) throw methodNotAllowed();
    const items = this.api.list(def.id, route.namespace, { labelSelector: query.labelSelector, fieldSelector: query.fieldSelector });
    const deleted: KubeObject[] = [];
    for (const item of items) {
      try {
        deleted.push(this.api.delete(def.id, item.metadata.namespace, item.metadata.name, { dryRun: query.dryRun === 'All' }).object);
      } catch (error) {
        if (!(error instanceof ApiError && error.code === 404)) throw error;
      }
    }
    this.sendJson(res, 200, {
      kind: `${def.kind}List`,
      apiVersion: apiVersionOf(def),
      metadata: { resourceVersion: String(this.api.store.resourceVersion) },
      items: deleted.map(withoutTypeMeta),
    });
  }

  // ---------- watch ----------

  private watch(req: IncomingMessage, res: ServerResponse, route: Route, query: Record<string, string>): void {
    const def = route.def;
    const matcher = this.api.selectorMatcher(def, { labelSelector: query.labelSelector, fieldSelector: query.fieldSelector });
    const inScope = (obj: KubeObject): boolean =>
      (route.namespace === undefined || obj.metadata?.namespace === route.namespace) &&
      (route.name === undefined || obj.metadata?.name === route.name) &&
      matcher(obj);
    const asTable = acceptsTable(req.headers.accept);
    const include = (query.includeObject as IncludeObject) || 'Metadata';
    const printer = printerFor(def.id);
    const bookmarks = truthy(query.allowWatchBookmarks);
    const requested = query.resourceVersion;
    const sendInitial = query.sendInitialEvents === undefined ? undefined : truthy(query.sendInitialEvents);

    res.writeHead(200, { 'Content-Type': 'application/json', 'Transfer-Encoding': 'chunked' });
    res.flushHeaders();

    let closed = false;
    const write = (type: string, obj: Obj): void => {
      if (closed) return;
      let payload: Obj = obj;
      if (asTable && type !== 'ERROR') {
        if (type === 'BOOKMARK') {
          payload = { kind: 'Table', apiVersion: 'meta.k8s.io/v1', metadata: { resourceVersion: obj.metadata.resourceVersion }, columnDefinitions: null, rows: [] };
        } else {
          payload = {
            kind: 'Table',
            apiVersion: 'meta.k8s.io/v1',
            metadata: { resourceVersion: obj.metadata.resourceVersion },
            columnDefinitions: printer.columns,
            rows: [tableRow(printer, obj, this.api.clock.now(), include)],
          };
        }
      }
      res.write(`${JSON.stringify({ type, object: payload })}\n`);
      if (type !== 'BOOKMARK' && type !== 'ERROR') {
        watch.sent += 1;
        if (watch.dropAfter !== undefined && watch.sent >= watch.dropAfter) setImmediate(() => watch.end(watch.abrupt));
      }
    };

    const typed = (obj: KubeObject): KubeObject => ({ ...obj, apiVersion: apiVersionOf(def), kind: def.kind });
    const deliver = (event: StoreEvent): void => {
      if (event.resource !== def.id) return;
      const now = inScope(event.object);
      const before = event.previous ? inScope(event.previous) : false;
      if (event.type === 'ADDED') {
        if (now) write('ADDED', typed(event.object));
      } else if (event.type === 'MODIFIED') {
        if (now && before) write('MODIFIED', typed(event.object));
        else if (now) write('ADDED', typed(event.object));
        else if (before) write('DELETED', typed(event.object));
      } else if (now || before) {
        write('DELETED', typed(event.object));
      }
    };

    const end = (abrupt: boolean): void => {
      if (closed) return;
      closed = true;
      this.watches.delete(watch);
      unsubscribe();
      clearInterval(bookmarkTimer);
      clearTimeout(timeoutTimer);
      if (abrupt) res.destroy();
      else res.end();
    };
    const watch: OpenWatch = { path: req.url ?? '', sent: 0, abrupt: false, end };

    const expire = (message: string): void => {
      write('ERROR', failureStatus(410, 'Expired', message));
      end(false);
    };

    // Start: replay from a resourceVersion, or the current state as ADDED events.
    const startVersion = this.api.store.resourceVersion;
    let unsubscribe: () => void = () => undefined;
    const forceExpired = this.faults.expireWatches > 0;
    if (forceExpired) this.faults.expireWatches -= 1;
    const fromVersion = requested && requested !== '0' ? Number(requested) : undefined;
    if (requested !== undefined && requested !== '' && requested !== '0' && !Number.isInteger(Number(requested))) {
      this.sendInvalidVersion(res, requested);
      return;
    }
    let bookmarkTimer: NodeJS.Timeout | undefined;
    let timeoutTimer: NodeJS.Timeout | undefined;
    this.watches.add(watch);
    req.on('close', () => end(false));
    if (forceExpired && fromVersion !== undefined) {
      expire(`too old resource version: ${fromVersion} (${this.api.store.resourceVersion})`);
      return;
    }
    if (fromVersion !== undefined && sendInitial !== true) {
      const backlog = this.api.store.eventsSince(fromVersion);
      if (!backlog) {
        expire(`too old resource version: ${fromVersion} (${this.api.store.oldestResumableVersion + 1})`);
        return;
      }
      for (const event of backlog) deliver(event);
    } else {
      const current = this.api.store.list(def.id, route.namespace).filter(inScope);
      for (const obj of current) write('ADDED', typed(obj));
      if (sendInitial === true && bookmarks) {
        write('BOOKMARK', {
          kind: def.kind,
          apiVersion: apiVersionOf(def),
          metadata: { resourceVersion: String(startVersion), annotations: { 'k8s.io/initial-events-end': 'true' } },
        });
      }
    }
    unsubscribe = this.api.store.subscribe((event) => {
      if (event.resourceVersion > startVersion) deliver(event);
    });
    if (bookmarks) {
      bookmarkTimer = setInterval(() => {
        write('BOOKMARK', { kind: def.kind, apiVersion: apiVersionOf(def), metadata: { resourceVersion: String(this.api.store.resourceVersion) } });
      }, this.options.bookmarkIntervalMs);
      bookmarkTimer.unref();
    }
    const timeoutSeconds = query.timeoutSeconds ? Number(query.timeoutSeconds) : 1800 + Math.floor(Math.random() * 1800);
    timeoutTimer = setTimeout(() => end(false), timeoutSeconds * 1000);
    timeoutTimer.unref();
  }

  private sendInvalidVersion(res: ServerResponse, requested: string): void {
    res.write(`${JSON.stringify({ type: 'ERROR', object: failureStatus(400, 'BadRequest', `invalid resource version: ${requested}`) })}\n`);
    res.end();
  }

  // ---------- pod logs ----------

  private logs(req: IncomingMessage, res: ServerResponse, route: Route, query: Record<string, string>): void {
    const pod = this.api.get(PODS, route.namespace, route.name!);
    const containers = ((pod.spec?.containers ?? []) as Obj[]).map((c) => String(c.name));
    const initContainers = ((pod.spec?.initContainers ?? []) as Obj[]).map((c) => String(c.name));
    let container = query.container;
    if (!container) {
      if (containers.length === 1) container = containers[0]!;
      else {
        const init = initContainers.length > 0 ? ` or one of the init containers: [${initContainers.join(' ')}]` : '';
        throw badRequest(`a container name must be specified for pod ${route.name}, choose one of: [${containers.join(' ')}]${init}`);
      }
    }
    if (!containers.includes(container) && !initContainers.includes(container)) {
      throw badRequest(`container ${container} is not valid for pod ${route.name}`);
    }
    const sendText = (text: string): void => {
      res.writeHead(200, { 'Content-Type': 'text/plain', 'Transfer-Encoding': 'chunked' });
      if (text) res.write(text);
    };
    if (!pod.spec?.nodeName) {
      sendText('');
      res.end();
      return;
    }
    const run = this.controlPlane.kubelet.logRun(pod, container, truthy(query.previous));
    if (!run) {
      sendText('');
      res.end();
      return;
    }
    const timestamps = truthy(query.timestamps);
    const format = (line: { time: number; text: string }): string =>
      `${timestamps ? `${new Date(line.time).toISOString().replace(/\.(\d{3})Z$/, '.$1000000Z')} ` : ''}${line.text}\n`;
    const now = this.api.clock.now();
    let lines = run.lines;
    if (query.sinceSeconds) lines = lines.filter((l) => l.time >= now - Number(query.sinceSeconds) * 1000);
    if (query.sinceTime) {
      const since = Date.parse(query.sinceTime);
      if (!Number.isNaN(since)) lines = lines.filter((l) => l.time >= since);
    }
    if (query.tailLines !== undefined) {
      const n = Number(query.tailLines);
      lines = n <= 0 ? [] : lines.slice(-n);
    }
    let text = lines.map(format).join('');
    if (query.limitBytes) text = Buffer.from(text).subarray(0, Number(query.limitBytes)).toString('utf8');
    sendText(text);
    if (!truthy(query.follow) || run.finished) {
      res.end();
      return;
    }
    const stop = run.follow(
      (line) => res.write(format(line)),
      () => res.end(),
    );
    req.on('close', stop);
  }

  // ---------- services proxy ----------

  private async proxy(req: IncomingMessage, res: ServerResponse, method: string, route: Route): Promise<void> {
    const [first, second, third] = (route.name ?? '').split(':');
    const serviceName = third !== undefined ? second! : first!;
    const portName = third !== undefined ? third : second;
    const svc = this.api.get(SERVICES, route.namespace, serviceName);
    await readBody(req);
    const unavailable = (): void =>
      this.sendJson(res, 503, failureStatus(503, 'ServiceUnavailable', `no endpoints available for service "${serviceName}"`));
    const ports = (svc.spec?.ports ?? []) as Obj[];
    const port = portName ? ports.find((p) => p.name === portName || String(p.port) === portName) : ports[0];
    if (!port || !svc.spec?.selector) return unavailable();
    const selector = labelSelectorMatcher({ matchLabels: svc.spec.selector });
    const pods = this.api
      .list(PODS, route.namespace)
      .filter((p) => selector(p.metadata.labels) && !p.metadata.deletionTimestamp)
      .filter((p) => ((p.status?.conditions ?? []) as Obj[]).some((c) => c.type === 'Ready' && c.status === 'True'));
    if (pods.length === 0) return unavailable();
    const pod = pods[this.roundRobin++ % pods.length]!;
    const subpath = `/${route.subpath.join('/')}`;
    const healthy = this.controlPlane.kubelet.podServesHealthy(pod);
    const status = healthy ? 200 : 500;
    this.controlPlane.kubelet.logRequest(pod, `${method} ${subpath} ${status}`);
    if (!healthy) {
      res.writeHead(500, { 'Content-Type': 'text/plain; charset=utf-8' });
      res.end('unhealthy: dependency "feature-store" is unreachable\n');
      return;
    }
    if (/\/(healthz|readyz|livez|health|ready|live)$/.test(subpath)) {
      res.writeHead(200, { 'Content-Type': 'text/plain; charset=utf-8' });
      res.end('ok\n');
      return;
    }
    const image = ((pod.spec?.containers ?? []) as Obj[])[0]?.image;
    this.sendJson(res, 200, { status: 'ok', service: serviceName, pod: pod.metadata.name, image, path: subpath });
  }
}


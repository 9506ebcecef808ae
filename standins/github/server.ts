import { createHash, randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { accountId, DEFAULT_TOKENS, userJson, type TokenIdentity } from './accounts.js';
import {
  ApiError,
  badCredentials,
  DOCS,
  errorBody,
  notFound,
  problemsParsingJson,
  requiresAuthentication,
} from './errors.js';
import { Faults, matches, type Fault, type FaultPhase, type RequestMatch } from './faults.js';
import { matchRoute, requireWrite, type Route, type RouteContext, type RouteResult } from './routing.js';
import { checkRoutes } from './routes/checks.js';
import { commentRoutes } from './routes/comments.js';
import { contentRoutes } from './routes/contents.js';
import { deploymentRoutes } from './routes/deployments.js';
import { pullRoutes } from './routes/pulls.js';
import { repoRoutes } from './routes/repos.js';
import { GitHubState, type RepoSeed, type RepoState } from './state.js';

export interface GitHubStandInOptions {
  /** Tokens and who they authenticate as. Default: `ghs_write` (write) and `ghs_read` (read), both github-actions[bot]. */
  tokens?: Record<string, TokenIdentity>;
  /** Repositories to create at start. */
  repos?: RepoSeed[];
  /** Port to listen on (default 0: any free port). */
  port?: number;
  /** Address to listen on (default 127.0.0.1). */
  host?: string;
  /** Milliseconds every request waits before it is processed (default 0). */
  latencyMs?: number;
  /** Clock for created_at/updated_at (default the real clock). */
  now?: () => Date;
  /** The web host used in html_url fields (default https://github.com). */
  webUrl?: string;
}

/** A fault posted to /_standin/faults by another process (the demo, a script). */
interface AdminFault {
  kind: string;
  method?: string;
  path?: string;
  times?: number | null;
  status?: number;
  phase?: FaultPhase;
  body?: unknown;
  retryAfter?: number | null;
  resetAfterSeconds?: number;
  ms?: number;
}

/** One request as the stand-in saw and answered it. */
export interface RecordedRequest {
  /** The x-github-request-id of the answer. */
  id: string;
  method: string;
  /** The path as requested (a Link-header URL keeps its `/repositories/{id}` form). */
  path: string;
  /** The canonical `/repos/{owner}/{repo}/...` path the request was routed and fault-matched on. */
  route: string;
  query: Record<string, string>;
  /** The token sent, if any, and who it authenticated as. */
  token: string | undefined;
  login: string | undefined;
  /** The parsed JSON request body (undefined when there was none). */
  body: unknown;
  /** The status answered, or `dropped` when the connection was cut without an answer. */
  status: number | 'dropped';
  responseBody: unknown;
  /** The injected fault that shaped this answer, e.g. `server-error:502:after`. */
  fault: string | undefined;
}

export interface GitHubStandIn {
  /** Base URL, usable as GITHUB_API_URL (no trailing slash). */
  url: string;
  state: GitHubState;
  faults: Faults;
  /** Every request answered so far, in the order they finished. */
  requests: RecordedRequest[];
  /** The tokens the stand-in accepts; a test may add or change tokens at any time. */
  tokens: Record<string, TokenIdentity>;
  /** The recorded requests matching a method and path pattern (same patterns as faults). */
  requestsTo(match: RequestMatch): RecordedRequest[];
  close(): Promise<void>;
}

const ROUTES: Route[] = [
  ...repoRoutes,
  ...pullRoutes,
  ...contentRoutes,
  ...commentRoutes,
  ...deploymentRoutes,
  ...checkRoutes,
];

const EXPOSED_HEADERS =
  'ETag, Link, Location, Retry-After, X-GitHub-OTP, X-RateLimit-Limit, X-RateLimit-Remaining, X-RateLimit-Used, ' +
  'X-RateLimit-Resource, X-RateLimit-Reset, X-OAuth-Scopes, X-Accepted-OAuth-Scopes, X-Poll-Interval, ' +
  'X-GitHub-Media-Type, X-GitHub-SSO, X-GitHub-Request-Id, Deprecation, Sunset';

interface RateWindow {
  limit: number;
  used: number;
  reset: number;
}

function requestId(): string {
  const hex = (bytes: number) => randomBytes(bytes).toString('hex').toUpperCase().replace(/^0+(?=.)/, '');
  return `${hex(2)}:${hex(2)}:${hex(4)}:${hex(4)}:${Math.floor(Date.now() / 1000).toString(16).toUpperCase()}`;
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function faultLabel(fault: Fault): string {
  switch (fault.kind) {
    case 'server-error':
      return `server-error:${fault.status}:${fault.phase}`;
    case 'drop':
      return `drop:${fault.phase}`;
    case 'secondary-rate-limit':
    case 'primary-rate-limit':
      return `${fault.kind}:${fault.status}`;
    default:
      return fault.kind;
  }
}

const SERVER_ERROR_MESSAGES: Record<number, string> = {
  500: 'Server Error',
  502: 'Server Error',
  503: 'Service Unavailable',
  504: 'We couldn\u2019t respond to your request in time. Sorry about that. Please try resubmitting your request and contact us if the problem persists.',
};

export async function startGitHubStandIn(options: GitHubStandInOptions = {}): Promise<GitHubStandIn> {
  const tokens: Record<string, TokenIdentity> = { ...(options.tokens ?? DEFAULT_TOKENS) };
  const faults = new Faults();
  const requests: RecordedRequest[] = [];
  const windows = new Map<string, RateWindow>();
  const latencyMs = options.latencyMs ?? 0;
  const now = options.now ?? (() => new Date());
  // Created once the port is known; requests cannot arrive before.
  let state!: GitHubState;
  let apiUrl = '';

  function rateWindow(key: string, limit: number): RateWindow {
    const nowSeconds = Math.floor(Date.now() / 1000);
    let window = windows.get(key);
    if (!window || window.reset <= nowSeconds) {
      window = { limit, used: 0, reset: nowSeconds + 3600 };
      windows.set(key, window);
    }
    return window;
  }

  function rateHeaders(window: RateWindow): Record<string, string> {
    return {
      'x-ratelimit-limit': String(window.limit),
      'x-ratelimit-remaining': String(Math.max(0, window.limit - window.used)),
      'x-ratelimit-reset': String(window.reset),
      'x-ratelimit-used': String(window.used),
      'x-ratelimit-resource': 'core',
    };
  }

  function primaryLimitMessage(identity: TokenIdentity | undefined, remoteAddress: string): string {
    if (!identity) {
      return (
        `API rate limit exceeded for ${remoteAddress}. (But here's the good news: Authenticated requests get a ` +
        'higher rate limit. Check out the documentation for more details.)'
      );
    }
    const id = state.user(identity).id;
    return identity.type === 'Bot'
      ? `API rate limit exceeded for installation ID ${id}.`
      : `API rate limit exceeded for user ID ${id}.`;
  }

  /** Canonical path: `/repositories/{id}/rest` becomes `/repos/{owner}/{name}/rest`. */
  function canonicalPath(rawPath: string): string {
    const match = /^\/repositories\/(\d+)(\/.*)?$/.exec(rawPath);
    if (!match) return rawPath;
    const repo = state.findRepoById(Number(match[1]));
    if (!repo) return rawPath;
    return `/repos/${repo.owner}/${repo.name}${match[2] ?? ''}`;
  }

  function canSee(identity: TokenIdentity | undefined, repo: RepoState): boolean {
    if (!identity) return !repo.private;
    if (!identity.repos) return true;
    return identity.repos.some((name) => name.toLowerCase() === repo.fullName.toLowerCase());
  }

  function route(ctx: Omit<RouteContext, 'params' | 'repo'>, rawPath: string): RouteResult {
    let methodMismatch: Route | undefined;
    for (const candidate of ROUTES) {
      const params = matchRoute(candidate.pattern, rawPath);
      if (!params) continue;
      if (candidate.method !== ctx.method) {
        methodMismatch ??= candidate;
        continue;
      }
      const repo = state.findRepo(`${params['owner']}/${params['repo']}`);
      if (!repo || !canSee(ctx.identity, repo)) throw notFound(candidate.docs);
      if (candidate.write && !ctx.identity) throw requiresAuthentication(candidate.docs);
      const full: RouteContext = { ...ctx, params, repo };
      requireWrite(full, candidate);
      return candidate.handler(full);
    }
    throw notFound(methodMismatch?.docs ?? DOCS.root);
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const id = requestId();
    const method = (req.method ?? 'GET').toUpperCase();
    const url = new URL(req.url ?? '/', apiUrl);
    const rawPath = url.pathname.replace(/\/+$/, '') || '/';
    const rawBody = await readBody(req);

    if (rawPath.startsWith('/_standin/')) {
      handleAdmin(method, rawPath, rawBody, res);
      return;
    }

    const path = canonicalPath(rawPath);
    let body: unknown;
    let malformedBody = false;
    if (rawBody.byteLength > 0) {
      try {
        body = JSON.parse(rawBody.toString('utf8'));
      } catch {
        malformedBody = true;
      }
    }
    const authorization = req.headers['authorization'];
    const token = authorization ? authorization.replace(/^(token|bearer)\s+/i, '').trim() : undefined;
    const identity = token !== undefined ? tokens[token] : undefined;
    const record: RecordedRequest = {
      id,
      method,
      path: rawPath,
      route: path,
      query: Object.fromEntries(url.searchParams),
      token,
      login: identity?.login,
      body,
      status: 0,
      responseBody: undefined,
      fault: undefined,
    };
    const windowKey = token !== undefined ? `token:${token}` : `ip:${req.socket.remoteAddress}`;
    const window = rateWindow(windowKey, identity?.rateLimit ?? (identity ? 5000 : 60));

    const headers: Record<string, string> = {
      server: 'github.com',
      'x-github-request-id': id,
      'x-github-api-version-selected': '2022-11-28',
      'x-github-media-type': 'github.v3; format=json',
      'access-control-allow-origin': '*',
      'access-control-expose-headers': EXPOSED_HEADERS,
      'x-content-type-options': 'nosniff',
      'x-frame-options': 'deny',
      'x-xss-protection': '0',
      'referrer-policy': 'origin-when-cross-origin, strict-origin-when-cross-origin',
      'content-security-policy': "default-src 'none'",
      vary: 'Accept, Authorization, Cookie, X-GitHub-OTP, Accept-Encoding',
    };

    const send = (status: number, body: unknown, extra: Record<string, string> = {}, raw?: RouteResult['raw']) => {
      record.status = status;
      record.responseBody = body;
      requests.push(record);
      const all = { ...headers, ...extra };
      if (status === 204 || status === 304) {
        res.writeHead(status, all);
        res.end();
        return;
      }
      const payload = raw ? raw.data : Buffer.from(JSON.stringify(body));
      all['content-type'] = raw ? raw.contentType : 'application/json; charset=utf-8';
      all['content-length'] = String(payload.byteLength);
      res.writeHead(status, all);
      res.end(payload);
    };
    const drop = () => {
      record.status = 'dropped';
      requests.push(record);
      req.socket.destroy();
    };

    const { waits, answer } = faults.take(method, path);
    if (latencyMs > 0) await sleep(latencyMs);
    for (const wait of waits) {
      if (wait.kind === 'latency') await sleep(wait.ms);
      else if (wait.kind === 'hold') await wait.hold.enter();
    }
    if (answer) record.fault = faultLabel(answer);

    // Faults that stop the request before GitHub would process it.
    if (answer?.kind === 'drop' && answer.phase === 'before') return drop();
    if (answer?.kind === 'server-error' && answer.phase === 'before') {
      return send(answer.status, answer.body ?? { message: SERVER_ERROR_MESSAGES[answer.status] });
    }
    if (answer?.kind === 'secondary-rate-limit') {
      const extra: Record<string, string> = { ...rateHeaders(window) };
      if (answer.retryAfter !== null) extra['retry-after'] = String(answer.retryAfter);
      const message =
        'You have exceeded a secondary rate limit. Please wait a few minutes before you try again. ' +
        `If you reach out to GitHub Support for help, please include the request ID ${id}.`;
      return send(answer.status, errorBody(answer.status, message, DOCS.secondaryRateLimit), extra);
    }
    if (answer?.kind === 'primary-rate-limit') {
      const exhausted: RateWindow = {
        limit: window.limit,
        used: window.limit,
        reset: Math.floor(Date.now() / 1000) + answer.resetAfterSeconds,
      };
      const message = primaryLimitMessage(identity, req.socket.remoteAddress ?? '127.0.0.1');
      return send(answer.status, errorBody(answer.status, message, DOCS.primaryRateLimit), rateHeaders(exhausted));
    }

    if (token !== undefined && !identity) {
      const error = badCredentials();
      return send(error.status, error.body, rateHeaders(window));
    }
    if (path === '/rate_limit' && method === 'GET') {
      const core = { limit: window.limit, used: window.used, remaining: window.limit - window.used, reset: window.reset };
      return send(200, { resources: { core }, rate: core }, rateHeaders(window));
    }
    if (path === '/user' && method === 'GET') {
      window.used++;
      // GITHUB_TOKEN and App installation tokens cannot read the authenticated user; personal tokens can.
      if (!identity) {
        const error = requiresAuthentication(DOCS.getAuthenticatedUser);
        return send(error.status, error.body, rateHeaders(window));
      }
      if (identity.type === 'Bot') {
        return send(403, errorBody(403, 'Resource not accessible by integration', DOCS.getAuthenticatedUser), rateHeaders(window));
      }
      return send(200, userJson(identity.login, 'User', apiUrl, state.webUrl, accountId(identity.login, identity.id)), rateHeaders(window));
    }
    if (window.used >= window.limit) {
      const message = primaryLimitMessage(identity, req.socket.remoteAddress ?? '127.0.0.1');
      return send(403, errorBody(403, message, DOCS.primaryRateLimit), rateHeaders(window));
    }
    window.used++;

    let result: RouteResult;
    try {
      if (malformedBody) throw problemsParsingJson(DOCS.root);
      result = route({ method, path, query: url.searchParams, body, headers: req.headers, identity, state, apiUrl }, path);
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      result = { status: error.status, body: error.body, headers: error.headers };
    }

    // Faults that lose the answer after GitHub stored the effect.
    if (answer?.kind === 'drop') return drop();
    if (answer?.kind === 'server-error') {
      return send(answer.status, answer.body ?? { message: SERVER_ERROR_MESSAGES[answer.status] }, rateHeaders(window));
    }

    const extra = { ...rateHeaders(window), ...(result.headers ?? {}) };
    if (method === 'GET' && result.status === 200) {
      const payload = result.raw ? result.raw.data : Buffer.from(JSON.stringify(result.body));
      const etag = `W/"${createHash('sha256').update(payload).digest('hex').slice(0, 32)}"`;
      extra['etag'] = etag;
      extra['cache-control'] = 'private, max-age=60, s-maxage=60';
      if (req.headers['if-none-match'] === etag) {
        // A conditional request answered 304 does not count against the rate limit.
        window.used--;
        return send(304, undefined, { ...extra, ...rateHeaders(window) });
      }
    }
    return send(result.status, result.body, extra, result.raw);
  }

  /** A fault sent as JSON by another process: `{ kind, method?, path?, times?, ...the kind's options }`. */
  function addFaultFromJson(spec: AdminFault): void {
    const match: RequestMatch = { method: spec.method, path: spec.path };
    const times = { times: spec.times ?? undefined };
    switch (spec.kind) {
      case 'server-error':
        faults.serverError(match, { ...times, status: spec.status as 500, phase: spec.phase, body: spec.body });
        return;
      case 'secondary-rate-limit':
        faults.secondaryRateLimit(match, { ...times, status: spec.status as 403, retryAfter: spec.retryAfter });
        return;
      case 'primary-rate-limit':
        faults.primaryRateLimit(match, { ...times, status: spec.status as 403, resetAfterSeconds: spec.resetAfterSeconds });
        return;
      case 'drop':
        faults.dropConnection(match, { ...times, phase: spec.phase });
        return;
      case 'latency':
        faults.latency(match, spec.ms ?? 0, times);
        return;
      default:
        throw new Error(
          `unknown fault kind '${String(spec.kind)}'; use server-error, secondary-rate-limit, primary-rate-limit, drop or latency`,
        );
    }
  }

  function handleAdmin(method: string, path: string, rawBody: Buffer, res: ServerResponse): void {
    const reply = (status: number, body: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
      res.end(JSON.stringify(body));
    };
    try {
      if (method === 'GET' && path === '/_standin/state') return reply(200, state.snapshot());
      if (method === 'GET' && path === '/_standin/requests') return reply(200, requests);
      if (method === 'POST' && path === '/_standin/repos') {
        const repo = state.addRepo(JSON.parse(rawBody.toString('utf8')) as RepoSeed);
        return reply(201, { fullName: repo.fullName, id: repo.id });
      }
      if (method === 'POST' && path === '/_standin/faults') {
        addFaultFromJson(JSON.parse(rawBody.toString('utf8')) as AdminFault);
        return reply(201, { pending: faults.pending().length });
      }
      if (method === 'DELETE' && path === '/_standin/faults') {
        faults.clear();
        return reply(200, { pending: 0 });
      }
      reply(404, { message: `no stand-in admin endpoint ${method} ${path}` });
    } catch (error) {
      reply(400, { message: error instanceof Error ? error.message : String(error) });
    }
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      // A bug in the stand-in: answer 500 with the reason, so the test shows it.
      const message = error instanceof Error ? error.stack ?? error.message : String(error);
      if (!res.headersSent) {
        res.writeHead(500, { 'content-type': 'application/json; charset=utf-8' });
        res.end(JSON.stringify({ message: `GitHub stand-in failure: ${message}` }));
      } else {
        res.destroy();
      }
    });
  });
  server.keepAliveTimeout = 5_000;

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => resolve());
  });
  const address = server.address() as AddressInfo;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  apiUrl = `http://${host}:${address.port}`;
  state = new GitHubState({ apiUrl, webUrl: options.webUrl ?? 'https://github.com', now });
  for (const seed of options.repos ?? []) state.addRepo(seed);

  return {
    url: apiUrl,
    state,
    faults,
    requests,
    tokens,
    requestsTo: (match) => requests.filter((r) => matches(match, r.method, r.route)),
    close: () =>
      new Promise<void>((resolve, reject) => {
        faults.clear();
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}

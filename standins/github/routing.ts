import type { IncomingHttpHeaders } from 'node:http';
import type { TokenIdentity } from './accounts.js';
import { ApiError, invalidRequest, missingField, notAccessible } from './errors.js';
import type { GitHubState, RepoState } from './state.js';

export interface RouteContext {
  method: string;
  /** Canonical path: `/repos/{owner}/{repo}/...` even when the client followed a `/repositories/{id}/...` link. */
  path: string;
  params: Record<string, string>;
  query: URLSearchParams;
  body: unknown;
  headers: IncomingHttpHeaders;
  /** Undefined for an anonymous request. */
  identity: TokenIdentity | undefined;
  state: GitHubState;
  /** Set for routes under /repos/{owner}/{repo}. */
  repo: RepoState;
  apiUrl: string;
}

export interface RouteResult {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
  /** A non-JSON body (raw file contents). */
  raw?: { data: Buffer; contentType: string };
}

export interface Route {
  method: string;
  /** Segments: literal, `:name` for one segment, `**name` for the rest of the path. */
  pattern: string;
  /** Documentation URL used in this endpoint's error bodies. */
  docs: string;
  /** Writes need write permission; GitHub answers 403 to a read-only token. */
  write?: { permissions: string };
  handler: (ctx: RouteContext) => RouteResult;
}

/** Matches a raw (still percent-encoded) path against a route pattern; returns decoded params. */
export function matchRoute(pattern: string, rawPath: string): Record<string, string> | undefined {
  const want = pattern.split('/').filter(Boolean);
  const have = rawPath.split('/').filter(Boolean);
  const params: Record<string, string> = {};
  for (let i = 0; i < want.length; i++) {
    const segment = want[i]!;
    if (segment.startsWith('**')) {
      params[segment.slice(2)] = decodeURIComponent(have.slice(i).join('/'));
      return params;
    }
    const actual = have[i];
    if (actual === undefined) return undefined;
    if (segment.startsWith(':')) params[segment.slice(1)] = decodeURIComponent(actual);
    else if (segment !== actual) return undefined;
  }
  return want.length === have.length ? params : undefined;
}

export function requireWrite(ctx: RouteContext, route: Route): void {
  if (!route.write || !ctx.identity) return;
  if (ctx.identity.permission === 'read') throw notAccessible(ctx.identity.type, route.docs, route.write.permissions);
}

/** The integer in a path parameter, or a 404 as GitHub answers for `/issues/abc/comments`. */
export function intParam(ctx: RouteContext, name: string, notFoundError: () => ApiError): number {
  const raw = ctx.params[name] ?? '';
  if (!/^\d+$/.test(raw)) throw notFoundError();
  return Number(raw);
}

// ---- request bodies -----------------------------------------------------------------------

/** Ruby's inspect, which GitHub's schema messages use for the offending value. */
function inspect(value: unknown): string {
  if (value === null || value === undefined) return 'nil';
  if (typeof value === 'string') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(inspect).join(', ')}]`;
  if (typeof value === 'object') {
    return `{${Object.entries(value as Record<string, unknown>)
      .map(([k, v]) => `${JSON.stringify(k)}=>${inspect(v)}`)
      .join(', ')}}`;
  }
  return String(value);
}

export function objectBody(ctx: RouteContext, docs: string): Record<string, unknown> {
  const body = ctx.body;
  if (body === null || typeof body !== 'object' || Array.isArray(body)) {
    throw invalidRequest(`For 'links/0/schema', ${inspect(body)} is not an object.`, docs);
  }
  return body as Record<string, unknown>;
}

export function requiredString(body: Record<string, unknown>, field: string, docs: string): string {
  if (!(field in body)) throw missingField(field, docs);
  return stringField(body, field, docs) as string;
}

export function stringField(body: Record<string, unknown>, field: string, docs: string): string | undefined {
  const value = body[field];
  if (value === undefined) return undefined;
  if (typeof value !== 'string') throw invalidRequest(`For 'properties/${field}', ${inspect(value)} is not a string.`, docs);
  return value;
}

export function booleanField(body: Record<string, unknown>, field: string, docs: string): boolean | undefined {
  const value = body[field];
  if (value === undefined) return undefined;
  if (typeof value !== 'boolean') throw invalidRequest(`For 'properties/${field}', ${inspect(value)} is not a boolean.`, docs);
  return value;
}

export function enumField<T extends string>(
  body: Record<string, unknown>,
  field: string,
  accepted: readonly T[],
  docs: string,
): T | undefined {
  const value = body[field];
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || !accepted.includes(value as T)) {
    throw invalidRequest(`For 'properties/${field}', ${inspect(value)} is not a member of ${inspect(accepted)}.`, docs);
  }
  return value as T;
}

/** Characters as GitHub (Ruby) counts them: code points, not UTF-16 units. */
export function characterCount(text: string): number {
  let count = 0;
  for (const _ of text) count++;
  return count;
}

// ---- pagination ---------------------------------------------------------------------------

export interface PageOptions {
  defaultPerPage?: number;
  maxPerPage?: number;
}

function positiveInt(raw: string | null, fallback: number): number {
  if (raw === null || !/^\d+$/.test(raw.trim())) return fallback;
  const value = Number(raw.trim());
  return value >= 1 ? value : fallback;
}

/**
 * One page of `items` with GitHub's Link header: rel prev, next, last, first in that order,
 * URLs in the `/repositories/{id}/...` form GitHub uses, the request's other query
 * parameters kept. No Link header when everything fits on one page.
 */
export function paginate<T>(ctx: RouteContext, items: T[], options: PageOptions = {}): { page: T[]; headers: Record<string, string> } {
  const maxPerPage = options.maxPerPage ?? 100;
  const perPage = Math.min(positiveInt(ctx.query.get('per_page'), options.defaultPerPage ?? 30), maxPerPage);
  const page = positiveInt(ctx.query.get('page'), 1);
  const start = (page - 1) * perPage;
  const slice = items.slice(start, start + perPage);
  const last = Math.max(1, Math.ceil(items.length / perPage));
  const headers: Record<string, string> = {};
  if (last > 1 || page > 1) {
    const link = (target: number, rel: string) => `<${pageUrl(ctx, target)}>; rel="${rel}"`;
    const rels: string[] = [];
    if (page > 1) rels.push(link(page - 1, 'prev'));
    if (page < last) rels.push(link(page + 1, 'next'), link(last, 'last'));
    if (page > 1) rels.push(link(1, 'first'));
    headers['link'] = rels.join(', ');
  }
  return { page: slice, headers };
}

function pageUrl(ctx: RouteContext, page: number): string {
  const repoPrefix = `/repos/${ctx.repo.owner}/${ctx.repo.name}`;
  const rest = ctx.path.toLowerCase().startsWith(repoPrefix.toLowerCase()) ? ctx.path.slice(repoPrefix.length) : ctx.path;
  const query = new URLSearchParams(ctx.query);
  query.set('page', String(page));
  return `${ctx.apiUrl}/repositories/${ctx.repo.id}${rest}?${query.toString()}`;
}

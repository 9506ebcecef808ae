import type { GitHubStandIn } from '../../../standins/github/index.js';

export interface ApiAnswer {
  status: number;
  headers: Headers;
  // The JSON body (undefined for an empty body); typed loosely, as a client would read it.
  json: any;
  text: string;
}

/** A plain HTTP call, the way any client speaks to GitHub. `token: null` sends no Authorization header. */
export async function call(
  standIn: GitHubStandIn | string,
  method: string,
  path: string,
  options: { token?: string | null; body?: unknown; rawBody?: string; headers?: Record<string, string> } = {},
): Promise<ApiAnswer> {
  const base = typeof standIn === 'string' ? '' : standIn.url;
  const headers: Record<string, string> = { accept: 'application/vnd.github+json', ...(options.headers ?? {}) };
  const token = options.token === undefined ? 'ghs_write' : options.token;
  if (token !== null) headers['authorization'] = `token ${token}`;
  let body: string | undefined = options.rawBody;
  if (options.body !== undefined) {
    body = JSON.stringify(options.body);
    headers['content-type'] = 'application/json';
  }
  const response = await fetch(path.startsWith('http') ? path : `${base}${path}`, { method, headers, body });
  const text = await response.text();
  let json: unknown;
  if (text !== '' && (response.headers.get('content-type') ?? '').includes('json')) json = JSON.parse(text);
  return { status: response.status, headers: response.headers, json, text };
}

/** The URLs of a Link header by rel. */
export function links(header: string | null): Record<string, string> {
  const result: Record<string, string> = {};
  for (const part of (header ?? '').split(',')) {
    const match = /<([^>]+)>;\s*rel="([^"]+)"/.exec(part.trim());
    if (match) result[match[2]!] = match[1]!;
  }
  return result;
}

/** The rels of a Link header in the order GitHub writes them. */
export function linkRels(header: string | null): string[] {
  return [...(header ?? '').matchAll(/rel="([^"]+)"/g)].map((m) => m[1]!);
}

export const SHA_BASE = '1'.repeat(40);
export const SHA_HEAD = '2'.repeat(40);
export const SHA_MAIN = '3'.repeat(40);

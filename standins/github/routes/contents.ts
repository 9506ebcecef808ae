import { ApiError, DOCS, errorBody, notFound } from '../errors.js';
import type { Route, RouteContext } from '../routing.js';
import { gitBlobSha, type Json } from '../state.js';

/** Base64 in 60-character lines, each ending in a newline, as the contents API sends it. */
function base64Lines(data: Buffer): string {
  const encoded = data.toString('base64');
  let result = '';
  for (let i = 0; i < encoded.length; i += 60) result += `${encoded.slice(i, i + 60)}\n`;
  return result;
}

function entryJson(ctx: RouteContext, ref: string, path: string, type: 'file' | 'dir', data?: Buffer): Json {
  const { repo, state } = ctx;
  const encodedPath = path.split('/').map(encodeURIComponent).join('/');
  const self = `${state.apiUrl}/repos/${repo.fullName}/contents/${encodedPath}?ref=${encodeURIComponent(ref)}`;
  const sha = data ? gitBlobSha(data) : gitBlobSha(Buffer.from(`tree:${repo.fullName}:${ref}:${path}`));
  const git = `${state.apiUrl}/repos/${repo.fullName}/git/${type === 'file' ? 'blobs' : 'trees'}/${sha}`;
  const html = `${state.webUrl}/${repo.fullName}/${type === 'file' ? 'blob' : 'tree'}/${ref}/${encodedPath}`;
  return {
    name: path.split('/').pop() ?? path,
    path,
    sha,
    size: data?.byteLength ?? 0,
    url: self,
    html_url: html,
    git_url: git,
    download_url:
      type === 'file' ? `https://raw.githubusercontent.com/${repo.fullName}/${ref}/${encodedPath}` : null,
    type,
    _links: { self, git, html },
  };
}

function getContent(ctx: RouteContext): ReturnType<Route['handler']> {
  const { repo } = ctx;
  const ref = ctx.query.get('ref') || repo.defaultBranch;
  const path = (ctx.params['path'] ?? '').replace(/^\/+|\/+$/g, '');
  const files = repo.filesAt(ref);
  if (!files) {
    throw new ApiError(404, errorBody(404, `No commit found for the ref ${ref}`, DOCS.getContent));
  }
  const data = files.get(path);
  if (data !== undefined) {
    const accept = String(ctx.headers['accept'] ?? '');
    if (accept.includes('application/vnd.github.raw') || accept.includes('application/vnd.github.v3.raw')) {
      return { status: 200, raw: { data, contentType: 'application/vnd.github.raw; charset=utf-8' } };
    }
    const entry = entryJson(ctx, ref, path, 'file', data);
    // Files over 1 MB come without their content, as GitHub sends them.
    const large = data.byteLength > 1024 * 1024;
    return {
      status: 200,
      body: { ...entry, content: large ? '' : base64Lines(data), encoding: large ? 'none' : 'base64' },
    };
  }
  const prefix = path === '' ? '' : `${path}/`;
  const children = new Map<string, 'file' | 'dir'>();
  for (const filePath of files.keys()) {
    if (!filePath.startsWith(prefix)) continue;
    const rest = filePath.slice(prefix.length);
    const [first, ...more] = rest.split('/');
    if (!first) continue;
    children.set(first, more.length > 0 ? 'dir' : children.get(first) ?? 'file');
  }
  if (children.size === 0) throw notFound(DOCS.getContent);
  const listing = [...children.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([name, type]) => {
      const childPath = `${prefix}${name}`;
      return entryJson(ctx, ref, childPath, type, type === 'file' ? files.get(childPath) : undefined);
    });
  return { status: 200, body: listing };
}

export const contentRoutes: Route[] = [
  { method: 'GET', pattern: '/repos/:owner/:repo/contents', docs: DOCS.getContent, handler: getContent },
  { method: 'GET', pattern: '/repos/:owner/:repo/contents/**path', docs: DOCS.getContent, handler: getContent },
];

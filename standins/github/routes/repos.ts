import { userJson } from '../accounts.js';
import { DOCS } from '../errors.js';
import type { Route, RouteContext } from '../routing.js';
import type { Json, RepoState } from '../state.js';

export function repositoryJson(ctx: Pick<RouteContext, 'state' | 'identity'>, repo: RepoState, fork = false): Json {
  const { apiUrl, webUrl } = ctx.state;
  const api = `${apiUrl}/repos/${repo.fullName}`;
  const permission = ctx.identity?.permission;
  const json: Json = {
    id: repo.id,
    node_id: Buffer.from(`010:Repository${repo.id}`).toString('base64'),
    name: repo.name,
    full_name: repo.fullName,
    private: repo.private,
    owner: userJson(repo.owner, 'Organization', apiUrl, webUrl),
    html_url: `${webUrl}/${repo.fullName}`,
    description: null,
    fork,
    url: api,
    pulls_url: `${api}/pulls{/number}`,
    issues_url: `${api}/issues{/number}`,
    contents_url: `${api}/contents/{+path}`,
    deployments_url: `${api}/deployments`,
    clone_url: `${webUrl}/${repo.fullName}.git`,
    default_branch: repo.defaultBranch,
    visibility: repo.private ? 'private' : 'public',
  };
  if (permission) {
    json['permissions'] = {
      admin: permission === 'admin',
      maintain: permission === 'admin',
      push: permission !== 'read',
      triage: permission !== 'read',
      pull: true,
    };
  }
  return json;
}

export const repoRoutes: Route[] = [
  {
    method: 'GET',
    pattern: '/repos/:owner/:repo',
    docs: DOCS.getRepo,
    handler: (ctx) => ({ status: 200, body: repositoryJson(ctx, ctx.repo) }),
  },
];

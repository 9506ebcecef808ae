import { createHash } from 'node:crypto';

export type Permission = 'read' | 'write' | 'admin';

/** Who a token authenticates as, and what it may do. */
export interface TokenIdentity {
  login: string;
  /** `Bot` for GITHUB_TOKEN and GitHub App installation tokens, `User` for personal access tokens. */
  type: 'Bot' | 'User';
  permission: Permission;
  /** Account id; a stable number derived from the login when omitted (41898282 for github-actions[bot]). */
  id?: number;
  /** Repositories ("owner/name") the token can see; every repository when omitted. */
  repos?: string[];
  /** x-ratelimit-limit for this token (default 5000). */
  rateLimit?: number;
}

const WELL_KNOWN_IDS: Record<string, number> = {
  'github-actions[bot]': 41898282,
  octocat: 583231,
};

/** The app GitHub Actions tokens act through, as GitHub reports it in performed_via_github_app and check runs. */
export function githubActionsApp(webUrl: string, apiUrl: string): Record<string, unknown> {
  return {
    id: 15368,
    slug: 'github-actions',
    node_id: 'MDM6QXBwMTUzNjg=',
    client_id: 'Iv1.05c79e9ad1f6bdfa',
    owner: userJson('github', 'Organization', apiUrl, webUrl, 9919),
    name: 'GitHub Actions',
    description: 'Automate your workflow from idea to production',
    external_url: 'https://help.github.com/en/actions',
    html_url: `${webUrl}/apps/github-actions`,
    created_at: '2018-07-30T09:30:17Z',
    updated_at: '2024-04-10T20:33:16Z',
    permissions: {},
    events: [],
  };
}

export function accountId(login: string, explicit?: number): number {
  if (explicit !== undefined) return explicit;
  const known = WELL_KNOWN_IDS[login];
  if (known !== undefined) return known;
  return 1_000_000 + (createHash('sha1').update(login).digest().readUInt32BE(0) % 90_000_000);
}

/** GitHub's simple-user shape. */
export function userJson(
  login: string,
  type: 'Bot' | 'User' | 'Organization',
  apiUrl: string,
  webUrl: string,
  id: number = accountId(login),
): Record<string, unknown> {
  const urlLogin = encodeURIComponent(login);
  const api = `${apiUrl}/users/${urlLogin}`;
  const nodePrefix = type === 'Bot' ? '04:Bot' : type === 'Organization' ? '012:Organization' : '04:User';
  const isActionsBot = login === 'github-actions[bot]';
  return {
    login,
    id,
    node_id: Buffer.from(`${nodePrefix}${id}`).toString('base64'),
    avatar_url: isActionsBot
      ? 'https://avatars.githubusercontent.com/in/15368?v=4'
      : `https://avatars.githubusercontent.com/u/${id}?v=4`,
    gravatar_id: '',
    url: api,
    html_url: isActionsBot ? `${webUrl}/apps/github-actions` : `${webUrl}/${urlLogin}`,
    followers_url: `${api}/followers`,
    following_url: `${api}/following{/other_user}`,
    gists_url: `${api}/gists{/gist_id}`,
    starred_url: `${api}/starred{/owner}{/repo}`,
    subscriptions_url: `${api}/subscriptions`,
    organizations_url: `${api}/orgs`,
    repos_url: `${api}/repos`,
    events_url: `${api}/events{/privacy}`,
    received_events_url: `${api}/received_events`,
    type,
    user_view_type: 'public',
    site_admin: false,
  };
}

export const DEFAULT_TOKENS: Record<string, TokenIdentity> = {
  ghs_write: { login: 'github-actions[bot]', type: 'Bot', permission: 'write' },
  ghs_read: { login: 'github-actions[bot]', type: 'Bot', permission: 'read' },
};

import { createHash } from 'node:crypto';
import { accountId, githubActionsApp, userJson, type TokenIdentity } from './accounts.js';

/**
 * What the stand-in knows: repositories with their refs, files and pull requests, and the
 * records clients create through the API (issue comments, deployments and their statuses,
 * check runs). Records are kept in the JSON shape GitHub answers with, so a test reads
 * `state.comments('aura/platform', 12)[0].body` exactly as a client would see it.
 */

export type DiffStatus = 'added' | 'removed' | 'modified' | 'renamed' | 'copied' | 'changed' | 'unchanged';

export interface PullFileSeed {
  filename: string;
  /** Default `modified`. */
  status?: DiffStatus;
  previous_filename?: string;
  additions?: number;
  deletions?: number;
  /** Default additions + deletions. */
  changes?: number;
  /** Blob sha; derived from the file name when omitted. `null` is passed through (GitHub sends it for some entries). */
  sha?: string | null;
  patch?: string;
}

export interface PullSeed {
  number: number;
  title?: string;
  body?: string;
  state?: 'open' | 'closed';
  draft?: boolean;
  merged?: boolean;
  /** Author login (default `octocat`). */
  user?: string;
  base: { ref: string; sha: string };
  /** `repo` is the head repository's full name; a fork when it differs from the base repository. */
  head: { ref: string; sha: string; repo?: string };
  /** The files of the pull request, in the order GitHub lists them. `changed_files` is their count. */
  files?: PullFileSeed[];
  commits?: number;
}

export interface CommitStatusSeed {
  context: string;
  state: 'error' | 'failure' | 'pending' | 'success';
}

export interface RepoSeed {
  /** "owner/name". */
  fullName: string;
  id?: number;
  /** Default true: anonymous requests get 404, as GitHub answers for private repositories. */
  private?: boolean;
  /** Default `main`. */
  defaultBranch?: string;
  /** Branch and tag names to commit shas. A 40-hex sha is always accepted as a ref. */
  refs?: Record<string, string>;
  /** File contents per ref (a branch, tag or sha) and path, for the contents API. */
  files?: Record<string, Record<string, string | Uint8Array>>;
  pulls?: PullSeed[];
  /** Numbers of plain issues (not pull requests) that exist, for issue comments. */
  issues?: number[];
  /** Commit statuses per sha; create-deployment checks them as GitHub does (required_contexts). */
  commitStatuses?: Record<string, CommitStatusSeed[]>;
}

export type Json = Record<string, unknown>;

export interface SimpleUser extends Json {
  login: string;
  id: number;
  type: string;
}

export interface IssueComment extends Json {
  id: number;
  node_id: string;
  url: string;
  html_url: string;
  issue_url: string;
  body: string;
  user: SimpleUser;
  created_at: string;
  updated_at: string;
  author_association: string;
}

export interface Deployment extends Json {
  id: number;
  url: string;
  sha: string;
  ref: string;
  task: string;
  payload: unknown;
  original_environment: string;
  environment: string;
  description: string | null;
  creator: SimpleUser;
  created_at: string;
  updated_at: string;
  statuses_url: string;
  transient_environment: boolean;
  production_environment: boolean;
}

export type DeploymentState = 'error' | 'failure' | 'inactive' | 'in_progress' | 'queued' | 'pending' | 'success';

export interface DeploymentStatus extends Json {
  id: number;
  url: string;
  state: DeploymentState;
  creator: SimpleUser;
  description: string;
  environment: string;
  target_url: string;
  log_url: string;
  environment_url: string;
  created_at: string;
  updated_at: string;
  deployment_url: string;
}

export interface CheckRun extends Json {
  id: number;
  name: string;
  head_sha: string;
  status: string;
  conclusion: string | null;
  started_at: string | null;
  completed_at: string | null;
  output: {
    title: string | null;
    summary: string | null;
    text: string | null;
    annotations_count: number;
    annotations_url: string;
  };
}

export interface PullRecord {
  seed: PullSeed;
  files: Json[];
}

const SHA_PATTERN = /^[0-9a-f]{40}$/;

export function gitBlobSha(content: Uint8Array): string {
  return createHash('sha1').update(`blob ${content.byteLength}\0`).update(content).digest('hex');
}

function nodeId(prefix: string, ...parts: number[]): string {
  return `${prefix}_kwDO${Buffer.from(parts.join(':')).toString('base64url')}`;
}

export class RepoState {
  readonly id: number;
  readonly owner: string;
  readonly name: string;
  readonly fullName: string;
  readonly private: boolean;
  readonly defaultBranch: string;
  readonly refs = new Map<string, string>();
  /** ref or sha -> path -> content */
  readonly files = new Map<string, Map<string, Buffer>>();
  readonly pulls = new Map<number, PullRecord>();
  readonly issues = new Set<number>();
  /** issue number -> comments in id order */
  readonly comments = new Map<number, IssueComment[]>();
  readonly deployments: Deployment[] = [];
  /** deployment id -> statuses in creation order */
  readonly deploymentStatuses = new Map<number, DeploymentStatus[]>();
  readonly checkRuns: CheckRun[] = [];
  readonly commitStatuses = new Map<string, CommitStatusSeed[]>();

  constructor(seed: RepoSeed, id: number) {
    const [owner, name, extra] = seed.fullName.split('/');
    if (!owner || !name || extra !== undefined) {
      throw new Error(`GitHub stand-in: repository '${seed.fullName}' must be written owner/name`);
    }
    this.id = id;
    this.owner = owner;
    this.name = name;
    this.fullName = `${owner}/${name}`;
    this.private = seed.private ?? true;
    this.defaultBranch = seed.defaultBranch ?? 'main';
    for (const [ref, sha] of Object.entries(seed.refs ?? {})) this.refs.set(ref, sha);
    for (const [ref, files] of Object.entries(seed.files ?? {})) {
      const byPath = new Map<string, Buffer>();
      for (const [path, content] of Object.entries(files)) byPath.set(path.replace(/^\/+/, ''), Buffer.from(content));
      this.files.set(ref, byPath);
    }
    for (const number of seed.issues ?? []) this.issues.add(number);
    for (const [sha, statuses] of Object.entries(seed.commitStatuses ?? {})) this.commitStatuses.set(sha, statuses);
  }

  /** The commit sha a branch, tag or sha names, or undefined when it names nothing. */
  resolveRef(ref: string): string | undefined {
    const named = this.refs.get(ref) ?? this.refs.get(ref.replace(/^refs\/(heads|tags)\//, ''));
    if (named) return named;
    if (SHA_PATTERN.test(ref)) return ref;
    if (this.files.has(ref)) return gitBlobSha(Buffer.from(`${this.fullName}@${ref}`));
    return undefined;
  }

  /** The files of a ref, looked up by the name given and by the sha it resolves to. */
  filesAt(ref: string): Map<string, Buffer> | undefined {
    const direct = this.files.get(ref);
    if (direct) return direct;
    const sha = this.resolveRef(ref);
    if (sha) {
      const bySha = this.files.get(sha);
      if (bySha) return bySha;
      for (const [name, files] of this.files) if (this.refs.get(name) === sha) return files;
    }
    return undefined;
  }

  issueExists(number: number): boolean {
    return this.issues.has(number) || this.pulls.has(number);
  }
}

export interface StateOptions {
  apiUrl: string;
  webUrl: string;
  now: () => Date;
}

/** An author for seeded records that did not come through the API. */
export interface SeedAuthor {
  login: string;
  type?: 'Bot' | 'User';
}

export class GitHubState {
  readonly repos = new Map<string, RepoState>();
  private readonly options: StateOptions;
  private nextIds = {
    repo: 700_000_001,
    comment: 2_100_000_001,
    deployment: 1_300_000_001,
    deploymentStatus: 2_600_000_001,
    checkRun: 28_000_000_001,
  };

  constructor(options: StateOptions) {
    this.options = options;
  }

  get apiUrl(): string {
    return this.options.apiUrl;
  }

  get webUrl(): string {
    return this.options.webUrl;
  }

  timestamp(): string {
    return this.options.now().toISOString().replace(/\.\d{3}Z$/, 'Z');
  }

  addRepo(seed: RepoSeed): RepoState {
    const key = seed.fullName.toLowerCase();
    if (this.repos.has(key)) throw new Error(`GitHub stand-in: repository '${seed.fullName}' is already defined`);
    const repo = new RepoState(seed, seed.id ?? this.nextIds.repo++);
    this.repos.set(key, repo);
    for (const pull of seed.pulls ?? []) this.addPull(repo.fullName, pull);
    return repo;
  }

  repo(fullName: string): RepoState {
    const repo = this.findRepo(fullName);
    if (!repo) throw new Error(`GitHub stand-in: no repository '${fullName}'; add it with state.addRepo or the repos option`);
    return repo;
  }

  findRepo(fullName: string): RepoState | undefined {
    return this.repos.get(fullName.toLowerCase());
  }

  findRepoById(id: number): RepoState | undefined {
    for (const repo of this.repos.values()) if (repo.id === id) return repo;
    return undefined;
  }

  addPull(fullName: string, seed: PullSeed): PullRecord {
    const repo = this.repo(fullName);
    if (repo.pulls.has(seed.number) || repo.issues.has(seed.number)) {
      throw new Error(`GitHub stand-in: ${repo.fullName}#${seed.number} already exists`);
    }
    const record: PullRecord = { seed, files: (seed.files ?? []).map((file) => this.diffEntry(repo, seed, file)) };
    repo.pulls.set(seed.number, record);
    return record;
  }

  private diffEntry(repo: RepoState, pull: PullSeed, file: PullFileSeed): Json {
    const additions = file.additions ?? 1;
    const deletions = file.deletions ?? 0;
    const status = file.status ?? 'modified';
    const path = file.filename.split('/').map(encodeURIComponent).join('/');
    const entry: Json = {
      sha: file.sha === undefined ? gitBlobSha(Buffer.from(`${pull.head.sha}:${file.filename}`)) : file.sha,
      filename: file.filename,
      status,
      additions,
      deletions,
      changes: file.changes ?? additions + deletions,
      blob_url: `${this.webUrl}/${repo.fullName}/blob/${pull.head.sha}/${path}`,
      raw_url: `${this.webUrl}/${repo.fullName}/raw/${pull.head.sha}/${path}`,
      contents_url: `${this.apiUrl}/repos/${repo.fullName}/contents/${path}?ref=${pull.head.sha}`,
    };
    if (file.patch !== undefined) entry['patch'] = file.patch;
    if (file.previous_filename !== undefined) entry['previous_filename'] = file.previous_filename;
    return entry;
  }

  user(identity: SeedAuthor | TokenIdentity): SimpleUser {
    const type = identity.type ?? 'User';
    const id = accountId(identity.login, 'id' in identity ? identity.id : undefined);
    return userJson(identity.login, type, this.apiUrl, this.webUrl, id) as SimpleUser;
  }

  appFor(identity: SeedAuthor | TokenIdentity): Json | null {
    return identity.type === 'Bot' ? githubActionsApp(this.webUrl, this.apiUrl) : null;
  }

  // ---- issue comments -------------------------------------------------------------------

  /** The comments on an issue or pull request, in id order (the live records). */
  comments(fullName: string, issueNumber: number): IssueComment[] {
    const repo = this.repo(fullName);
    let list = repo.comments.get(issueNumber);
    if (!list) {
      list = [];
      repo.comments.set(issueNumber, list);
    }
    return list;
  }

  /** Every comment of a repository, in id order. */
  allComments(fullName: string): IssueComment[] {
    return [...this.repo(fullName).comments.values()].flat().sort((a, b) => a.id - b.id);
  }

  findComment(fullName: string, commentId: number): { issueNumber: number; comment: IssueComment } | undefined {
    for (const [issueNumber, list] of this.repo(fullName).comments) {
      const comment = list.find((c) => c.id === commentId);
      if (comment) return { issueNumber, comment };
    }
    return undefined;
  }

  /** Stores a comment as if `author` had posted it. Seeds a test's starting point, or serves the create endpoint. */
  addComment(fullName: string, issueNumber: number, body: string, author: SeedAuthor | TokenIdentity): IssueComment {
    const repo = this.repo(fullName);
    if (!repo.issueExists(issueNumber)) {
      throw new Error(`GitHub stand-in: ${repo.fullName}#${issueNumber} does not exist; add a pull request or an issue first`);
    }
    const id = this.nextIds.comment++;
    const now = this.timestamp();
    const kind = repo.pulls.has(issueNumber) ? 'pull' : 'issues';
    const comment: IssueComment = {
      url: `${this.apiUrl}/repos/${repo.fullName}/issues/comments/${id}`,
      html_url: `${this.webUrl}/${repo.fullName}/${kind}/${issueNumber}#issuecomment-${id}`,
      issue_url: `${this.apiUrl}/repos/${repo.fullName}/issues/${issueNumber}`,
      id,
      node_id: nodeId('IC', repo.id, id),
      user: this.user(author),
      created_at: now,
      updated_at: now,
      author_association: 'NONE',
      body,
      reactions: this.emptyReactions(`${this.apiUrl}/repos/${repo.fullName}/issues/comments/${id}/reactions`),
      performed_via_github_app: this.appFor(author),
    };
    this.comments(repo.fullName, issueNumber).push(comment);
    return comment;
  }

  private emptyReactions(url: string): Json {
    return {
      url,
      total_count: 0,
      '+1': 0,
      '-1': 0,
      laugh: 0,
      hooray: 0,
      confused: 0,
      heart: 0,
      rocket: 0,
      eyes: 0,
    };
  }

  updateComment(fullName: string, commentId: number, body: string): IssueComment | undefined {
    const found = this.findComment(fullName, commentId);
    if (!found) return undefined;
    found.comment.body = body;
    found.comment.updated_at = this.timestamp();
    return found.comment;
  }

  deleteComment(fullName: string, commentId: number): boolean {
    const found = this.findComment(fullName, commentId);
    if (!found) return false;
    const list = this.comments(fullName, found.issueNumber);
    list.splice(list.indexOf(found.comment), 1);
    return true;
  }

  // ---- deployments ----------------------------------------------------------------------

  /** Deployments of a repository in creation (id) order. */
  deployments(fullName: string): Deployment[] {
    return this.repo(fullName).deployments;
  }

  /** Statuses of a deployment in creation order (the API lists them newest first). */
  deploymentStatuses(fullName: string, deploymentId: number): DeploymentStatus[] {
    return this.repo(fullName).deploymentStatuses.get(deploymentId) ?? [];
  }

  /** The state of a deployment's newest status, or undefined when it has none. */
  latestDeploymentState(fullName: string, deploymentId: number): DeploymentState | undefined {
    const statuses = this.deploymentStatuses(fullName, deploymentId);
    return statuses[statuses.length - 1]?.state;
  }

  createDeployment(
    fullName: string,
    input: {
      sha: string;
      ref: string;
      task: string;
      payload: unknown;
      environment: string;
      description: string | null;
      transient: boolean;
      production: boolean;
    },
    author: SeedAuthor | TokenIdentity,
  ): Deployment {
    const repo = this.repo(fullName);
    const id = this.nextIds.deployment++;
    const now = this.timestamp();
    const url = `${this.apiUrl}/repos/${repo.fullName}/deployments/${id}`;
    const deployment: Deployment = {
      url,
      id,
      node_id: nodeId('DE', repo.id, id),
      task: input.task,
      original_environment: input.environment,
      environment: input.environment,
      description: input.description,
      created_at: now,
      updated_at: now,
      statuses_url: `${url}/statuses`,
      repository_url: `${this.apiUrl}/repos/${repo.fullName}`,
      creator: this.user(author),
      sha: input.sha,
      ref: input.ref,
      payload: input.payload,
      transient_environment: input.transient,
      production_environment: input.production,
      performed_via_github_app: this.appFor(author),
    };
    repo.deployments.push(deployment);
    return deployment;
  }

  addDeploymentStatus(
    fullName: string,
    deployment: Deployment,
    input: { state: DeploymentState; description: string; environment: string; logUrl: string; environmentUrl: string },
    author: SeedAuthor | TokenIdentity,
  ): DeploymentStatus {
    const repo = this.repo(fullName);
    const id = this.nextIds.deploymentStatus++;
    const now = this.timestamp();
    const status: DeploymentStatus = {
      url: `${deployment.url}/statuses/${id}`,
      id,
      node_id: nodeId('DES', repo.id, id),
      state: input.state,
      creator: this.user(author),
      description: input.description,
      environment: input.environment,
      target_url: input.logUrl,
      created_at: now,
      updated_at: now,
      deployment_url: deployment.url,
      repository_url: `${this.apiUrl}/repos/${repo.fullName}`,
      environment_url: input.environmentUrl,
      log_url: input.logUrl,
      performed_via_github_app: this.appFor(author),
    };
    let list = repo.deploymentStatuses.get(deployment.id);
    if (!list) {
      list = [];
      repo.deploymentStatuses.set(deployment.id, list);
    }
    list.push(status);
    deployment.environment = input.environment;
    deployment.updated_at = now;
    return status;
  }

  // ---- check runs -------------------------------------------------------------------------

  checkRuns(fullName: string): CheckRun[] {
    return this.repo(fullName).checkRuns;
  }

  createCheckRun(fullName: string, fields: Json, author: SeedAuthor | TokenIdentity): CheckRun {
    const repo = this.repo(fullName);
    const id = this.nextIds.checkRun++;
    const url = `${this.apiUrl}/repos/${repo.fullName}/check-runs/${id}`;
    const run = {
      id,
      name: '',
      node_id: nodeId('CR', repo.id, id),
      head_sha: '',
      external_id: '',
      url,
      html_url: `${this.webUrl}/${repo.fullName}/runs/${id}`,
      details_url: null,
      status: 'queued',
      conclusion: null,
      started_at: this.timestamp(),
      completed_at: null,
      output: { title: null, summary: null, text: null, annotations_count: 0, annotations_url: `${url}/annotations` },
      check_suite: { id: 20_000_000_000 + id },
      app: this.appFor(author) ?? { id: 0, slug: 'unknown', name: 'unknown' },
      pull_requests: [],
      ...fields,
    } as CheckRun;
    run['pull_requests'] = this.pullsWithHead(repo, run.head_sha);
    repo.checkRuns.push(run);
    return run;
  }

  private pullsWithHead(repo: RepoState, sha: string): Json[] {
    const result: Json[] = [];
    for (const { seed } of repo.pulls.values()) {
      if (seed.head.sha !== sha || (seed.state ?? 'open') !== 'open') continue;
      result.push({
        url: `${this.apiUrl}/repos/${repo.fullName}/pulls/${seed.number}`,
        id: 1_800_000_000 + seed.number,
        number: seed.number,
        head: { ref: seed.head.ref, sha: seed.head.sha, repo: { id: repo.id, url: `${this.apiUrl}/repos/${repo.fullName}`, name: repo.name } },
        base: { ref: seed.base.ref, sha: seed.base.sha, repo: { id: repo.id, url: `${this.apiUrl}/repos/${repo.fullName}`, name: repo.name } },
      });
    }
    return result;
  }

  /** A plain snapshot of everything, for debugging and the CLI's /_standin/state. */
  snapshot(): Json {
    const repos: Json = {};
    for (const repo of this.repos.values()) {
      repos[repo.fullName] = {
        id: repo.id,
        pulls: [...repo.pulls.keys()],
        issues: [...repo.issues],
        comments: Object.fromEntries(repo.comments),
        deployments: repo.deployments,
        deploymentStatuses: Object.fromEntries(repo.deploymentStatuses),
        checkRuns: repo.checkRuns,
      };
    }
    return { repos };
  }
}

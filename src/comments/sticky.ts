import * as core from '../core/runner.js';
import { errorMessage, httpStatus, type RestClient } from './client.js';
import { hasMarker, sameBody } from './marker.js';

export interface IssueRef {
  owner: string;
  repo: string;
  /** Pull request (or issue) number. */
  number: number;
}

export interface IssueComment {
  id: number;
  body: string;
  url: string;
  author: { login: string; type: string } | undefined;
}

export type StickyOutcome =
  | { action: 'created' | 'updated' | 'unchanged'; comment: IssueComment; duplicatesRemoved: number }
  /** Nothing to post yet and nothing to update (comment mode `on-change` without changes). */
  | { action: 'skipped'; reason: string }
  /** The token may not write here (a fork's pull request, a read-only token) or cannot see the pull request. */
  | { action: 'forbidden'; reason: string; status: number };

export interface WriteOptions {
  /** Create the comment when none exists (false: only update an existing one). */
  createIfMissing: boolean;
  /** Posted instead when GitHub rejects the body (422), e.g. the verdict and a link to the job summary. */
  fallbackBody?: string;
}

const PER_PAGE = 100;

function toComment(raw: unknown): IssueComment | undefined {
  if (typeof raw !== 'object' || raw === null) return undefined;
  const data = raw as { id?: unknown; body?: unknown; html_url?: unknown; user?: unknown };
  if (typeof data.id !== 'number') return undefined;
  const user = data.user as { login?: unknown; type?: unknown } | null | undefined;
  return {
    id: data.id,
    body: typeof data.body === 'string' ? data.body : '',
    url: typeof data.html_url === 'string' ? data.html_url : '',
    author:
      user && typeof user.login === 'string'
        ? { login: user.login, type: typeof user.type === 'string' ? user.type : 'User' }
        : undefined,
  };
}

function hasNextPage(headers: Record<string, string | number | undefined>): boolean {
  const link = headers.link;
  return typeof link === 'string' && /rel="next"/.test(link);
}

interface Denied {
  status: number;
  message: string;
}

/** 401, 403 and 404 on a pull request's comments mean the token cannot do this here; nothing to retry. */
function denied(error: unknown, doing: string): Denied | undefined {
  const status = httpStatus(error);
  if (status !== 401 && status !== 403 && status !== 404) return undefined;
  // A rate limit the throttling plugin gave up on is also a 403, but says nothing about permissions.
  if (/rate limit/i.test(errorMessage(error))) return undefined;
  const why =
    status === 403
      ? 'the token may not write to this pull request (a pull request from a fork, or a token without pull-requests: write)'
      : status === 404
        ? 'the pull request was not found, or the token cannot see it'
        : 'the token was not accepted';
  return { status, message: `${doing} failed with HTTP ${status}: ${why}` };
}

/**
 * One comment per pull request and marker, updated in place ("sticky"), as `cml comment update`
 * and codecov's pull-request comment behave. The comment is found by its hidden marker and by its
 * author across every page of comments. Creation is made safe against a concurrent run (or a
 * retried request that GitHub had already stored): after creating, the comments are listed again,
 * the oldest one carrying the marker is kept and the newer duplicates are deleted.
 */
export class StickyComment {
  /** The comment found when opened; its body carries the previous runs' history. */
  existing: IssueComment | undefined;
  private duplicates: IssueComment[] = [];

  private constructor(
    private readonly client: RestClient,
    private readonly issue: IssueRef,
    private readonly marker: string,
    /** Our login when the token can tell it (personal tokens); undefined for app and Actions tokens. */
    private identity: string | undefined,
  ) {}

  /** Finds the existing comment. Returns a `forbidden` outcome when the comments cannot be read. */
  static async open(client: RestClient, issue: IssueRef, marker: string): Promise<StickyComment | Extract<StickyOutcome, { action: 'forbidden' }>> {
    const identity = await whoAmI(client);
    const sticky = new StickyComment(client, issue, marker, identity);
    try {
      const ours = await sticky.listOurs();
      sticky.existing = ours[0];
      sticky.duplicates = ours.slice(1);
    } catch (error) {
      const refusal = denied(error, 'reading the pull request comments');
      if (refusal) return { action: 'forbidden', reason: refusal.message, status: refusal.status };
      throw error;
    }
    return sticky;
  }

  private isOurs(comment: IssueComment): boolean {
    if (!hasMarker(comment.body, this.marker) || !comment.author) return false;
    // Without a known login, only a bot (the Actions token, an app) can have written our comment:
    // a marker pasted by a person is never taken for ours.
    return this.identity !== undefined ? comment.author.login === this.identity : comment.author.type === 'Bot';
  }

  /** Every comment with the marker written by us, oldest first. */
  private async listOurs(): Promise<IssueComment[]> {
    const found: IssueComment[] = [];
    for (let page = 1; ; page++) {
      const response = await this.client.request('GET /repos/{owner}/{repo}/issues/{issue_number}/comments', {
        owner: this.issue.owner,
        repo: this.issue.repo,
        issue_number: this.issue.number,
        per_page: PER_PAGE,
        page,
      });
      const items = Array.isArray(response.data) ? response.data : [];
      for (const raw of items) {
        const comment = toComment(raw);
        if (comment && this.isOurs(comment)) found.push(comment);
      }
      if (!hasNextPage(response.headers) || items.length === 0) break;
    }
    return found.sort((a, b) => a.id - b.id);
  }

  private async create(body: string): Promise<IssueComment> {
    const response = await this.client.request('POST /repos/{owner}/{repo}/issues/{issue_number}/comments', {
      owner: this.issue.owner,
      repo: this.issue.repo,
      issue_number: this.issue.number,
      body,
    });
    const comment = toComment(response.data);
    if (!comment) throw new Error('GitHub answered the comment creation without a comment');
    return comment;
  }

  private async update(id: number, body: string): Promise<IssueComment> {
    const response = await this.client.request('PATCH /repos/{owner}/{repo}/issues/comments/{comment_id}', {
      owner: this.issue.owner,
      repo: this.issue.repo,
      comment_id: id,
      body,
    });
    const comment = toComment(response.data);
    if (!comment) throw new Error('GitHub answered the comment update without a comment');
    return comment;
  }

  private async remove(comment: IssueComment): Promise<boolean> {
    try {
      await this.client.request('DELETE /repos/{owner}/{repo}/issues/comments/{comment_id}', {
        owner: this.issue.owner,
        repo: this.issue.repo,
        comment_id: comment.id,
      });
      return true;
    } catch (error) {
      // Another run deleted it first.
      if (httpStatus(error) === 404) return false;
      throw error;
    }
  }

  private async removeAll(comments: IssueComment[]): Promise<number> {
    let removed = 0;
    for (const comment of comments) {
      if (await this.remove(comment)) {
        core.info(`Deleted duplicate comment ${comment.id}`);
        removed++;
      }
    }
    return removed;
  }

  /** Runs a write; a 422 (body rejected) is retried once with the fallback body. */
  private async withFallback<T>(body: string, options: WriteOptions, write: (body: string) => Promise<T>): Promise<T> {
    try {
      return await write(body);
    } catch (error) {
      if (httpStatus(error) !== 422 || options.fallbackBody === undefined) throw error;
      core.warning(`GitHub rejected the comment (${errorMessage(error)}); posting the short form that links to the job summary`);
      return write(options.fallbackBody);
    }
  }

  /** Writes the body: nothing when it is already there, an update in place, or one new comment. */
  async write(body: string, options: WriteOptions): Promise<StickyOutcome> {
    try {
      return await this.writeUnsafe(body, options);
    } catch (error) {
      const refusal = denied(error, 'writing the pull request comment');
      if (refusal) return { action: 'forbidden', reason: refusal.message, status: refusal.status };
      throw error;
    }
  }

  private async writeUnsafe(body: string, options: WriteOptions): Promise<StickyOutcome> {
    const existing = this.existing;
    if (existing) {
      const duplicatesRemoved = await this.removeAll(this.duplicates);
      if (sameBody(existing.body, body)) return { action: 'unchanged', comment: existing, duplicatesRemoved };
      const updated = await this.withFallback(body, options, (text) => this.update(existing.id, text));
      return { action: 'updated', comment: updated, duplicatesRemoved };
    }
    if (!options.createIfMissing) return { action: 'skipped', reason: 'nothing changed and no comment exists yet' };

    const created = await this.withFallback(body, options, (text) => this.create(text));
    if (this.identity === undefined && created.author && created.author.type !== 'Bot') this.identity = created.author.login;
    // A concurrent run, or a create that GitHub stored before an error made the client retry it,
    // may have left more than one comment: keep the oldest, delete the rest.
    const ours = await this.listOurs();
    if (!ours.some((comment) => comment.id === created.id)) ours.push(created);
    ours.sort((a, b) => a.id - b.id);
    const keep = ours[0]!;
    const duplicatesRemoved = await this.removeAll(ours.slice(1));
    // Either way this run's create made the one comment that is left hold the body.
    if (keep.id === created.id || sameBody(keep.body, created.body)) return { action: 'created', comment: keep, duplicatesRemoved };
    const updated = await this.withFallback(body, options, (text) => this.update(keep.id, text));
    return { action: 'updated', comment: updated, duplicatesRemoved };
  }
}

/** The login behind the token, when GitHub tells it (personal tokens); Actions and app tokens cannot ask. */
async function whoAmI(client: RestClient): Promise<string | undefined> {
  try {
    const response = await client.request('GET /user');
    const login = (response.data as { login?: unknown } | null)?.login;
    return typeof login === 'string' ? login : undefined;
  } catch (error) {
    const status = httpStatus(error);
    if (status === 401 || status === 403 || status === 404) return undefined;
    throw error;
  }
}

import * as core from '../core/runner.js';
import { ConfigurationError } from '../core/errors.js';
import { group } from '../core/log.js';
import { FULL_SHA, ZERO_SHA } from '../git/git.js';
import { type CommitRef, LocalHistory, missingCommitError, REMOTE, short } from './history.js';
import { findPreviousTag } from './tags.js';
import type { Comparison } from './types.js';

/** What the runner tells an action about the event that started it. */
export interface EventInfo {
  /** GITHUB_EVENT_NAME */
  eventName: string;
  /** The parsed JSON of GITHUB_EVENT_PATH. */
  payload: Record<string, unknown>;
  /** GITHUB_REF */
  ref: string;
  /** GITHUB_SHA */
  sha: string;
}

export interface ResolveOptions {
  /** A revision to compare from, overriding the event's (branch, tag or SHA). */
  base?: string;
  /** A revision to compare to, overriding the event's. */
  head?: string;
  /** For workflow_dispatch, schedule and repository_dispatch. */
  services: string[] | 'all';
  /** Glob that release tags match (`git describe --match`), e.g. `v*`. */
  tagPattern: string;
  /** Commits fetched in the first deepening step of a shallow clone; 0 fetches the whole history. */
  fetchDepth: number;
  /** The repository's working tree. */
  cwd: string;
}

export const PULL_REQUEST_EVENTS = [
  'pull_request',
  'pull_request_target',
  'pull_request_review',
  'pull_request_review_comment',
] as const;
const SELECTED_EVENTS = ['workflow_dispatch', 'schedule', 'repository_dispatch'] as const;
export const SUPPORTED_EVENTS = [
  ...PULL_REQUEST_EVENTS,
  'push',
  'merge_group',
  'release',
  'workflow_run',
  ...SELECTED_EVENTS,
] as const;

/**
 * Decides what to compare for an event: a base and head commit (present locally when this
 * returns, fetching what a shallow clone lacks), every service, or the services asked for.
 */
export async function resolveComparison(event: EventInfo, options: ResolveOptions): Promise<Comparison> {
  return group('Deciding what to compare', async () => {
    const history = new LocalHistory(options.cwd, options.fetchDepth);
    const comparison = await new Resolver(event, options, history).resolve();
    logComparison(event, comparison, history);
    return comparison;
  });
}

interface NamedRevision {
  name: string;
  label: string;
}

class Resolver {
  private readonly payload: Record<string, unknown>;

  constructor(
    private readonly event: EventInfo,
    private readonly options: ResolveOptions,
    private readonly history: LocalHistory,
  ) {
    this.payload = event.payload ?? {};
  }

  async resolve(): Promise<Comparison> {
    if (this.options.base !== undefined || this.options.head !== undefined) return this.fromInputs();
    const name = this.event.eventName;
    if ((PULL_REQUEST_EVENTS as readonly string[]).includes(name)) return this.pullRequest();
    if ((SELECTED_EVENTS as readonly string[]).includes(name)) return this.selected();
    switch (name) {
      case 'push':
        return this.push();
      case 'merge_group':
        return this.mergeGroup();
      case 'release':
        return this.release();
      case 'workflow_run':
        return this.workflowRun();
      default:
        throw new ConfigurationError(
          `event '${name || '(none)'}' is not supported; set the base and head inputs to say what to compare, ` +
            `or run on one of: ${SUPPORTED_EVENTS.join(', ')}`,
        );
    }
  }

  /** Three dots: what the pull request's head adds since it left the base branch. */
  private async pullRequest(): Promise<Comparison> {
    const base = text(this.payload, 'pull_request', 'base', 'sha');
    const head = text(this.payload, 'pull_request', 'head', 'sha');
    const number = num(this.payload, 'pull_request', 'number') ?? num(this.payload, 'number');
    if (!base || !head) {
      throw new ConfigurationError(
        `the ${this.event.eventName} event has no pull_request.base.sha and pull_request.head.sha; ` +
          `set the base and head inputs to say what to compare`,
      );
    }
    const what = number !== undefined ? `pull request #${number}` : 'the pull request';
    const baseRef = text(this.payload, 'pull_request', 'base', 'ref') ?? 'its base branch';
    const comparison = await this.threeDot(
      { sha: base, label: `the base commit of ${what}` },
      { sha: head, label: `the head commit of ${what}` },
      `${what}: its changes since it branched from ${baseRef}`,
    );
    return number !== undefined && comparison.kind === 'diff' ? { ...comparison, pullRequest: number } : comparison;
  }

  private async push(): Promise<Comparison> {
    const ref = this.event.ref || text(this.payload, 'ref') || '';
    const after = text(this.payload, 'after') ?? this.event.sha;
    if (!after) {
      throw new ConfigurationError('the push event names no pushed commit (payload after, GITHUB_SHA); set the base and head inputs');
    }
    if (ref.startsWith('refs/tags/')) {
      const tag = ref.slice('refs/tags/'.length);
      if (ZERO_SHA.test(after)) return { kind: 'selected', services: [], reason: `tag ${tag} was deleted` };
      return this.tag(tag, this.event.sha || after);
    }
    const branch = ref.replace(/^refs\/heads\//, '');
    if (ZERO_SHA.test(after)) {
      return { kind: 'selected', services: [], reason: `branch ${branch} was deleted: nothing to build` };
    }
    const before = text(this.payload, 'before');
    const defaultBranch = this.defaultBranch();
    const isDefault = defaultBranch !== undefined && branch === defaultBranch;

    if (!before || ZERO_SHA.test(before)) {
      if (isDefault) return { kind: 'all', head: after, reason: `first push of the default branch ${branch}` };
      return this.sinceDefaultBranch(after, defaultBranch, `first push of branch ${branch}`);
    }
    if (this.payload.forced === true) {
      if (!isDefault) return this.sinceDefaultBranch(after, defaultBranch, `force push to branch ${branch}`);
      // The default branch was rewritten: compare with what it held before, if that still exists.
      const unfetchable = await this.history.ensureCommits(
        [
          { sha: before, label: 'the commit the force push replaced' },
          { sha: after, label: 'the pushed commit' },
        ],
        'tree',
      );
      if (unfetchable.length > 0) {
        const [first] = unfetchable;
        core.warning(
          `force push to the default branch ${branch}: ${first?.ref.label} ${short(first?.ref.sha ?? '')} can no ` +
            `longer be fetched (${first?.why}), so every service is treated as changed`,
        );
        return { kind: 'all', head: after, reason: `force push to the default branch ${branch}; its previous commit is gone` };
      }
      return {
        kind: 'diff',
        base: before,
        head: after,
        reason: `force push to the default branch ${branch}: compared with the commit it replaced`,
      };
    }
    await this.history.requireCommits(
      [
        { sha: before, label: 'the commit before the push (payload before)' },
        { sha: after, label: 'the pushed commit (payload after)' },
      ],
      'tree',
    );
    return { kind: 'diff', base: before, head: after, reason: `push to ${branch}` };
  }

  private async mergeGroup(): Promise<Comparison> {
    const base = text(this.payload, 'merge_group', 'base_sha');
    const head = text(this.payload, 'merge_group', 'head_sha') ?? this.event.sha;
    if (!base || !head) {
      throw new ConfigurationError(
        'the merge_group event has no merge_group.base_sha and head_sha; set the base and head inputs',
      );
    }
    await this.history.requireCommits(
      [
        { sha: base, label: 'the merge queue base commit' },
        { sha: head, label: 'the merge queue head commit' },
      ],
      'tree',
    );
    const target = (text(this.payload, 'merge_group', 'base_ref') ?? '').replace(/^refs\/heads\//, '') || 'the target branch';
    return { kind: 'diff', base, head, reason: `merge queue: the queued changes on top of ${target}` };
  }

  private async release(): Promise<Comparison> {
    const tag = text(this.payload, 'release', 'tag_name') ?? this.event.ref.replace(/^refs\/tags\//, '');
    if (!tag) throw new ConfigurationError('the release event names no tag; set the base and head inputs');
    let commit = this.event.sha;
    if (!commit) {
      const [local] = await this.history.resolve([`refs/tags/${tag}`]);
      commit = local ?? '';
    }
    if (!commit) throw new ConfigurationError(`tag ${tag} of the release is not in the checkout; check out the tag first`);
    return this.tag(tag, commit);
  }

  /**
   * workflow_run: the run that triggered this one tells which commit and branch it built.
   * A pull request's run is compared like the pull request, a branch's like the first push
   * of that branch (everything since it left the default branch). On the default branch no
   * earlier commit is known, so every service counts, unless base and head are set.
   */
  private async workflowRun(): Promise<Comparison> {
    const head = text(this.payload, 'workflow_run', 'head_sha') ?? this.event.sha;
    const branch = text(this.payload, 'workflow_run', 'head_branch');
    const pulls = (this.payload.workflow_run as Record<string, unknown> | undefined)?.pull_requests;
    const pull = Array.isArray(pulls) ? (pulls[0] as Record<string, unknown> | undefined) : undefined;
    const pullBase = pull ? text(pull, 'base', 'sha') : undefined;
    const pullHead = pull ? text(pull, 'head', 'sha') : undefined;
    if (pull && pullBase && pullHead) {
      const number = num(pull, 'number');
      const comparison = await this.threeDot(
        { sha: pullBase, label: `the base commit of pull request #${number}` },
        { sha: pullHead, label: `the head commit of pull request #${number}` },
        `workflow_run for pull request #${number}: its changes since it branched from ${text(pull, 'base', 'ref') ?? 'its base'}`,
      );
      return number !== undefined && comparison.kind === 'diff' ? { ...comparison, pullRequest: number } : comparison;
    }
    if (!head) throw new ConfigurationError('the workflow_run event has no workflow_run.head_sha; set the base and head inputs');
    const defaultBranch = this.defaultBranch();
    if (!branch || branch === defaultBranch) {
      return {
        kind: 'all',
        head,
        reason: `workflow_run on ${branch ?? 'an unknown branch'}: no earlier commit to compare with (set the base and head inputs to narrow it)`,
      };
    }
    return this.sinceDefaultBranch(head, defaultBranch, `workflow_run for branch ${branch}`);
  }

  private selected(): Comparison {
    const services = this.options.services;
    const which = services === 'all' ? 'all services' : services.length === 0 ? 'no services' : services.join(', ');
    return {
      kind: 'selected',
      services,
      ...(this.event.sha ? { head: this.event.sha } : {}),
      reason: `${this.event.eventName}: ${which} (the services input)`,
    };
  }

  private async fromInputs(): Promise<Comparison> {
    const { base, head } = this.options;
    if (base === undefined) {
      throw new ConfigurationError(
        'the head input is set but base is not; set base too (a branch, tag or commit SHA), or neither',
      );
    }
    const headName = head ?? this.eventHead();
    const [baseSha, headSha] = await this.resolveNames(
      { name: base, label: 'the base input' },
      { name: headName, label: head === undefined ? "the event's commit" : 'the head input' },
    );
    return this.threeDot(
      { sha: baseSha, label: `base ${base}` },
      { sha: headSha, label: `head ${headName}` },
      `${base}...${headName} (the ${head === undefined ? 'base input' : 'base and head inputs'})`,
    );
  }

  /** The commit the event is about when only the base input is set. */
  private eventHead(): string {
    if ((PULL_REQUEST_EVENTS as readonly string[]).includes(this.event.eventName)) {
      const head = text(this.payload, 'pull_request', 'head', 'sha');
      if (head) return head;
    }
    if (this.event.eventName === 'merge_group') {
      const head = text(this.payload, 'merge_group', 'head_sha');
      if (head) return head;
    }
    return this.event.sha || 'HEAD';
  }

  /**
   * Resolves names the user wrote: a local revision, else `origin/<name>`, else fetched
   * from origin (a branch, a tag, or a full SHA). One git process when all are here.
   */
  private async resolveNames(...names: [NamedRevision, NamedRevision]): Promise<[string, string]> {
    const local = await this.history.resolve(names.flatMap(({ name }) => [name, `refs/remotes/${REMOTE}/${name}`]));
    const shas: string[] = [];
    for (const [index, { name, label }] of names.entries()) {
      const found = local[index * 2] ?? local[index * 2 + 1];
      if (found) {
        shas.push(found);
        continue;
      }
      if (name.startsWith('-') || name.includes('..') || /\s/.test(name)) {
        throw new ConfigurationError(`${label} '${name}' is not a branch, tag or commit SHA`);
      }
      const fetched = await this.history.fetchRef(name, 'history');
      if (!fetched.sha) {
        if (FULL_SHA.test(name)) throw missingCommitError({ sha: name, label }, fetched.why ?? 'not found');
        throw new ConfigurationError(
          `${label} '${name}' is not a branch, tag or commit in this repository or on ${REMOTE} ` +
            `(${(fetched.why ?? 'not found').replace(/\s*\n\s*/g, '; ')}); use an existing branch, tag or full ` +
            `commit SHA, and fetch the history in the checkout step ('fetch-depth: 0' on actions/checkout)`,
        );
      }
      shas.push(fetched.sha);
    }
    return [shas[0] ?? '', shas[1] ?? ''];
  }

  /** The merge-base of base and head, then head; unrelated histories compare the two snapshots. */
  private async threeDot(base: CommitRef, head: CommitRef, reason: string): Promise<Comparison> {
    const mergeBase = await this.history.mergeBase(base, head);
    if (mergeBase.found) {
      const detail =
        mergeBase.sha === base.sha
          ? `base ${short(base.sha)}`
          : `merge-base ${short(mergeBase.sha)} of base ${short(base.sha)} and head ${short(head.sha)}`;
      return { kind: 'diff', base: mergeBase.sha, head: head.sha, reason: `${reason} (${detail})` };
    }
    await this.history.requireCommits([base, head], 'tree');
    if (mergeBase.complete) {
      core.warning(
        `${base.label} ${short(base.sha)} and ${head.label} ${short(head.sha)} have no common ancestor; ` +
          `comparing the two commits' files directly`,
      );
    } else {
      core.warning(
        `could not find where ${head.label} ${short(head.sha)} branched from ${base.label} ${short(base.sha)}: ` +
          `the history could not be fetched (${mergeBase.why ?? 'unknown reason'}). Comparing the two commits' ` +
          `files directly, which also lists files changed only on the base side. Set 'fetch-depth: 0' on ` +
          `actions/checkout to give this step the whole history.`,
      );
    }
    return { kind: 'diff', base: base.sha, head: head.sha, reason: `${reason} (no merge-base: the two commits compared directly)` };
  }

  /** A new or rewritten branch: what it has that the default branch does not. */
  private async sinceDefaultBranch(head: string, defaultBranch: string | undefined, why: string): Promise<Comparison> {
    if (!defaultBranch) {
      return { kind: 'all', head, reason: `${why}: the default branch is unknown, so every service counts` };
    }
    const tip = await this.defaultBranchTip(defaultBranch);
    if (!tip.sha) {
      core.notice(`${why}: the default branch ${defaultBranch} was not found (${tip.why}); every service counts`);
      return { kind: 'all', head, reason: `${why}: no default branch ${defaultBranch} to compare with` };
    }
    const mergeBase = await this.history.mergeBase(
      { sha: tip.sha, label: `the tip of ${defaultBranch}` },
      { sha: head, label: 'the pushed commit' },
    );
    if (!mergeBase.found) {
      if (mergeBase.complete) {
        core.notice(`${why}: the branch shares no history with ${defaultBranch}; every service counts`);
      } else {
        core.warning(
          `${why}: could not find where the branch left ${defaultBranch}, the history could not be fetched ` +
            `(${mergeBase.why ?? 'unknown reason'}); every service counts. Set 'fetch-depth: 0' on actions/checkout.`,
        );
      }
      return { kind: 'all', head, reason: `${why}: no common history with ${defaultBranch}` };
    }
    return {
      kind: 'diff',
      base: mergeBase.sha,
      head,
      reason: `${why}: its changes since it left ${defaultBranch} (merge-base ${short(mergeBase.sha)})`,
    };
  }

  private async defaultBranchTip(branch: string): Promise<{ sha?: string; why?: string }> {
    const [local] = await this.history.resolve([`refs/remotes/${REMOTE}/${branch}`]);
    if (local) return { sha: local };
    const fetched = await this.history.fetchRef(`+refs/heads/${branch}:refs/remotes/${REMOTE}/${branch}`, 'history');
    if (fetched.sha) return fetched;
    const [localBranch] = await this.history.resolve([`refs/heads/${branch}`]);
    return localBranch ? { sha: localBranch } : { why: (fetched.why ?? 'not found').replace(/\s*\n\s*/g, '; ') };
  }

  private defaultBranch(): string | undefined {
    return text(this.payload, 'repository', 'default_branch') ?? text(this.payload, 'repository', 'master_branch');
  }

  private async tag(tag: string, commitName: string): Promise<Comparison> {
    const [commit] = await this.history.resolve([commitName]);
    if (!commit) {
      await this.history.requireCommits([{ sha: commitName, label: `the commit of tag ${tag}` }], 'tree');
    }
    const sha = commit ?? commitName;
    const previous = await findPreviousTag(this.history, sha, this.options.tagPattern);
    if (!previous.found) {
      if (!previous.complete) {
        core.warning(
          `tag ${tag}: could not look for an earlier tag matching '${this.options.tagPattern}' (${previous.why}); ` +
            `every service counts. Set 'fetch-depth: 0' on actions/checkout to give this step the history and tags.`,
        );
      }
      return { kind: 'all', head: sha, reason: `tag ${tag}: no earlier tag matching '${this.options.tagPattern}' (${previous.why})` };
    }
    return {
      kind: 'diff',
      base: previous.sha,
      head: sha,
      reason: `tag ${tag}: the changes since the previous tag ${previous.tag}`,
    };
  }
}

function logComparison(event: EventInfo, comparison: Comparison, history: LocalHistory): void {
  core.info(`Event: ${event.eventName || '(none)'}${event.ref ? ` on ${event.ref}` : ''}`);
  if (history.notes.length === 0) core.info('History: nothing had to be fetched');
  for (const note of history.notes) core.info(`History: ${note}`);
  switch (comparison.kind) {
    case 'diff':
      core.info(`Comparing ${comparison.base}..${comparison.head}`);
      break;
    case 'all':
      core.info('Every service counts as changed');
      break;
    case 'selected':
      core.info(`Services chosen: ${comparison.services === 'all' ? 'all' : JSON.stringify(comparison.services)}`);
      break;
  }
  core.info(`Why: ${comparison.reason}`);
}

function field(value: unknown, keys: readonly string[]): unknown {
  let current = value;
  for (const key of keys) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string, unknown>)[key];
  }
  return current;
}

function text(value: unknown, ...keys: string[]): string | undefined {
  const found = field(value, keys);
  return typeof found === 'string' && found !== '' ? found : undefined;
}

function num(value: unknown, ...keys: string[]): number | undefined {
  const found = field(value, keys);
  return typeof found === 'number' ? found : undefined;
}

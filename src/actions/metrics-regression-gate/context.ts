import { ZERO_SHA } from '../../git/git.js';
import {
  pullRequestFromEvent,
  readEvent,
  repositoryFromEnv,
  type GitHubEvent,
  type PullRequestRef,
  type RepositoryRef,
} from '../../github/context.js';

/** What the run is about: the pull request to comment on, the base to compare with, the head measured. */
export interface RunContext {
  event: GitHubEvent;
  repository: RepositoryRef | undefined;
  pullRequest: PullRequestRef | undefined;
  /** The ref or commit to compare with, and how it was chosen. */
  base: { ref: string; source: string } | undefined;
  /** The head commit the metrics belong to (the pull request's head, not the merge commit). */
  headSha: string | undefined;
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

function field(value: unknown, ...path: string[]): unknown {
  let node = value;
  for (const key of path) {
    if (typeof node !== 'object' || node === null) return undefined;
    node = (node as Record<string, unknown>)[key];
  }
  return node;
}

export function readRunContext(options: { baseline?: string; pullRequest?: number }): RunContext {
  const event = readEvent();
  const repository = process.env.GITHUB_REPOSITORY ? repositoryFromEnv() : undefined;
  let pullRequest = repository ? pullRequestFromEvent(event, repository) : undefined;
  if (options.pullRequest !== undefined && repository) {
    pullRequest =
      pullRequest?.number === options.pullRequest ? pullRequest : { ...repository, number: options.pullRequest, isFork: false };
  }
  const payload = event.payload;

  let base: RunContext['base'];
  if (options.baseline) {
    base = { ref: options.baseline, source: "the 'baseline' input" };
  } else if (pullRequest?.base?.sha) {
    base = { ref: pullRequest.base.sha, source: `the base of pull request #${pullRequest.number}` };
  } else if (text(field(payload, 'merge_group', 'base_sha'))) {
    base = { ref: text(field(payload, 'merge_group', 'base_sha'))!, source: 'the merge queue base' };
  } else if (event.name === 'push' && text(payload.before) && !ZERO_SHA.test(String(payload.before))) {
    base = { ref: text(payload.before)!, source: 'the commit before the push' };
  }

  const headSha =
    pullRequest?.head?.sha ??
    text(field(payload, 'workflow_run', 'head_sha')) ??
    text(field(payload, 'merge_group', 'head_sha')) ??
    text(process.env.GITHUB_SHA);
  return { event, repository, pullRequest, base, headSha };
}

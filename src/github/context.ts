import { readFileSync } from 'node:fs';
import { ConfigurationError, isErrnoException } from '../core/errors.js';

/**
 * The run's repository, event and pull request, read from the runner's environment when
 * asked (not at import time, as @actions/github's `context` does), with errors that say
 * what to set.
 */

export interface RepositoryRef {
  owner: string;
  repo: string;
}

export interface GitHubEvent {
  /** GITHUB_EVENT_NAME, e.g. `pull_request`. */
  name: string;
  /** The webhook payload from GITHUB_EVENT_PATH ({} when the runner wrote none). */
  payload: Record<string, unknown>;
}

export interface PullRequestSide {
  ref: string;
  sha: string;
  /** "owner/name" of the repository the branch lives in. */
  repoFullName: string;
}

export interface PullRequestRef extends RepositoryRef {
  number: number;
  /** Absent when the event names the pull request without its branches (issue_comment). */
  base?: PullRequestSide;
  head?: PullRequestSide;
  /** The head branch lives in another repository: GITHUB_TOKEN is read-only there. */
  isFork: boolean;
}

const NAME = /^[A-Za-z0-9_.-]+$/;

export function parseRepository(value: string, source: string): RepositoryRef {
  const [owner, repo, extra] = value.trim().split('/');
  if (!owner || !repo || extra !== undefined || !NAME.test(owner) || !NAME.test(repo)) {
    throw new ConfigurationError(`${source} must be a repository written owner/name, got '${value}'`);
  }
  return { owner, repo };
}

export function repositoryFromEnv(env: NodeJS.ProcessEnv = process.env): RepositoryRef {
  const value = env['GITHUB_REPOSITORY'];
  if (!value) {
    throw new ConfigurationError(
      'GITHUB_REPOSITORY is not set: run this step in a GitHub Actions job, or set GITHUB_REPOSITORY to owner/name',
    );
  }
  return parseRepository(value, 'GITHUB_REPOSITORY');
}

export function apiUrlFromEnv(env: NodeJS.ProcessEnv = process.env): string {
  return (env['GITHUB_API_URL'] || 'https://api.github.com').replace(/\/+$/, '');
}

export function readEvent(env: NodeJS.ProcessEnv = process.env): GitHubEvent {
  const name = env['GITHUB_EVENT_NAME'] ?? '';
  const path = env['GITHUB_EVENT_PATH'];
  if (!path) return { name, payload: {} };
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    const reason = isErrnoException(error) ? error.code : String(error);
    throw new ConfigurationError(`cannot read the event payload at GITHUB_EVENT_PATH=${path} (${reason})`);
  }
  let payload: unknown;
  try {
    payload = JSON.parse(text);
  } catch (error) {
    throw new ConfigurationError(
      `the event payload is not valid JSON: ${error instanceof Error ? error.message : String(error)}`,
      { file: path },
    );
  }
  if (payload === null || typeof payload !== 'object' || Array.isArray(payload)) {
    throw new ConfigurationError('the event payload is not a JSON object', { file: path });
  }
  return { name, payload: payload as Record<string, unknown> };
}

/** A pull request number given by a user (an input), checked. */
export function parsePullRequestNumber(value: string, source: string): number {
  const text = value.trim().replace(/^#/, '');
  if (!/^\d+$/.test(text) || Number(text) < 1) {
    throw new ConfigurationError(`${source} must be a pull request number such as 42, got '${value}'`);
  }
  return Number(text);
}

function record(value: unknown): Record<string, unknown> | undefined {
  return value !== null && typeof value === 'object' && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined;
}

function side(value: unknown, fallbackRepo: string): PullRequestSide | undefined {
  const data = record(value);
  if (!data || typeof data['ref'] !== 'string' || typeof data['sha'] !== 'string') return undefined;
  const repo = record(data['repo']);
  const fullName = typeof repo?.['full_name'] === 'string' ? repo['full_name'] : fallbackRepo;
  return { ref: data['ref'], sha: data['sha'], repoFullName: fullName };
}

/**
 * The pull request an event is about: pull_request and pull_request_target (and their
 * review events) carry it whole; issue_comment on a pull request only its number.
 * Undefined for events that are not about a pull request.
 */
export function pullRequestFromEvent(event: GitHubEvent, repository: RepositoryRef): PullRequestRef | undefined {
  const fullName = `${repository.owner}/${repository.repo}`;
  const pull = record(event.payload['pull_request']);
  if (pull && typeof pull['number'] === 'number') {
    const base = side(pull['base'], fullName);
    const head = side(pull['head'], fullName);
    const isFork = head !== undefined && base !== undefined && head.repoFullName.toLowerCase() !== base.repoFullName.toLowerCase();
    return { ...repository, number: pull['number'], base, head, isFork };
  }
  const issue = record(event.payload['issue']);
  if (event.name === 'issue_comment' && issue && record(issue['pull_request']) && typeof issue['number'] === 'number') {
    return { ...repository, number: issue['number'], isFork: false };
  }
  return undefined;
}

/** The pull request of this run, or a ConfigurationError saying how to give one. */
export function requirePullRequest(env: NodeJS.ProcessEnv = process.env, override?: { input: string; value: string }): PullRequestRef {
  const repository = repositoryFromEnv(env);
  if (override && override.value.trim() !== '') {
    return { ...repository, number: parsePullRequestNumber(override.value, `input '${override.input}'`), isFork: false };
  }
  const event = readEvent(env);
  const pull = pullRequestFromEvent(event, repository);
  if (!pull) {
    const hint = override ? `, or set the '${override.input}' input` : '';
    throw new ConfigurationError(
      `this step needs a pull request, but the '${event.name || 'unknown'}' event is not about one: ` +
        `run it on pull_request or pull_request_target${hint}`,
    );
  }
  return pull;
}

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runBundle, type BundleRun } from '../harness/bundle.js';
import { commit, makeRepo } from '../harness/git.js';
import { FIXTURES } from '../harness/paths.js';
import { startGitHubStandIn, type GitHubStandIn, type IssueComment } from '../../standins/github/index.js';

/** Helpers for the metrics gate's bundle tests: a monorepo with a pull request, and the GitHub stand-in. */

export const REPO = 'aura/platform';
export const PR = 12;
export const WRITE_TOKEN = 'ghs_write';
export const READ_TOKEN = 'ghs_read';

export function fixture(name: string): string {
  return readFileSync(join(FIXTURES, 'metrics', name), 'utf8');
}

export interface PullRequestRepo {
  dir: string;
  base: string;
  head: string;
  event: Record<string, unknown>;
}

/** The files of the base commit: the catalog, params.yaml and each service's metrics. */
export function baseFiles(): Record<string, string> {
  return {
    '.github/services.yml': fixture('services.yml'),
    'params.yaml': fixture('params.base.yaml'),
    'metrics/visual_analysis.json': fixture('visual_analysis.base.json'),
    'metrics/outfit_recommendation.yaml': fixture('outfit_recommendation.base.yaml'),
    'metrics/conversational_ai.json': fixture('conversational_ai.base.json'),
  };
}

/** The head in which mAP@0.5 regressed (and other metrics moved within their thresholds or noise). */
export function regressedHead(): Record<string, string> {
  return {
    'params.yaml': fixture('params.head.yaml'),
    'metrics/visual_analysis.json': fixture('visual_analysis.regressed.json'),
    'metrics/outfit_recommendation.yaml': fixture('outfit_recommendation.head.yaml'),
    'metrics/conversational_ai.json': fixture('conversational_ai.head.json'),
  };
}

export function pullRequestEvent(base: string, head: string, headRepo = REPO): Record<string, unknown> {
  return {
    action: 'synchronize',
    number: PR,
    pull_request: {
      number: PR,
      base: { ref: 'main', sha: base, repo: { full_name: REPO } },
      head: { ref: 'tune-detr', sha: head, repo: { full_name: headRepo } },
    },
    repository: { full_name: REPO },
  };
}

/** A repository whose HEAD is the pull request's head, one commit after its base. */
export function makePullRequestRepo(head: Record<string, string | null> = regressedHead(), base = baseFiles()): PullRequestRepo {
  const dir = makeRepo('aura-metrics-gate-');
  const baseSha = commit(dir, base, 'base');
  const headSha = commit(dir, head, 'head');
  return { dir, base: baseSha, head: headSha, event: pullRequestEvent(baseSha, headSha) };
}

/** Adds a commit to the pull request (a new push) and returns the event for it. */
export function push(repo: PullRequestRepo, files: Record<string, string | null>): PullRequestRepo {
  const headSha = commit(repo.dir, files, 'push');
  return { ...repo, head: headSha, event: pullRequestEvent(repo.base, headSha) };
}

export async function startStandIn(repo: PullRequestRepo): Promise<GitHubStandIn> {
  return startGitHubStandIn({
    repos: [
      {
        fullName: REPO,
        refs: { main: repo.base },
        pulls: [{ number: PR, base: { ref: 'main', sha: repo.base }, head: { ref: 'tune-detr', sha: repo.head } }],
      },
    ],
  });
}

export function runGate(
  repo: PullRequestRepo,
  gh: GitHubStandIn | undefined,
  inputs: Record<string, string> = {},
  options: { token?: string; event?: Record<string, unknown>; eventName?: string } = {},
): Promise<BundleRun> {
  return runBundle('metrics-regression-gate', {
    inputs,
    eventName: options.eventName ?? 'pull_request',
    event: options.event ?? repo.event,
    workspace: repo.dir,
    apiUrl: gh?.url,
    token: options.token ?? WRITE_TOKEN,
    env: { GITHUB_SHA: repo.head },
  });
}

/** The comments on the pull request that the gate wrote. */
export function gateComments(gh: GitHubStandIn): IssueComment[] {
  return gh.state.comments(REPO, PR).filter((comment) => comment.body.includes('<!-- aura:metrics-regression-gate'));
}

export function writes(gh: GitHubStandIn): string[] {
  return gh.requests.filter((request) => request.method !== 'GET').map((request) => `${request.method} ${request.route}`);
}

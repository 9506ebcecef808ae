import * as core from '../core/runner.js';
import { ExecFailedError } from '../core/exec.js';
import { group } from '../core/log.js';
import { registerSecret } from '../core/secrets.js';
import { diffFiles } from '../git/diff.js';
import { LocalHistory, short } from './history.js';
import { listPullRequestFiles, type RestRequester } from './rest.js';
import type { ChangeSet, ChangedFile, Comparison } from './types.js';

export interface ListOptions {
  /** The repository's working tree. */
  cwd: string;
  /** With `repository`, lets a pull request's files come from GitHub's REST API. */
  token?: string;
  /** owner/name (GITHUB_REPOSITORY). */
  repository?: string;
  /** Used when a commit has to be fetched first (see LocalHistory). */
  fetchDepth: number;
  /** A REST client to use instead of one made from `token` (an Octokit from createOctokit). */
  client?: RestRequester;
}

/**
 * The files that differ between the comparison's base and head: from git, or for a pull
 * request with a token, from GitHub's files list (git again when GitHub cannot list them all).
 */
export async function listChangedFiles(
  comparison: Extract<Comparison, { kind: 'diff' }>,
  options: ListOptions,
): Promise<ChangeSet> {
  return group(`Changed files ${short(comparison.base)}..${short(comparison.head)}`, async () => {
    const fromRest = await listFromRest(comparison, options);
    const changeSet: ChangeSet = fromRest ?? { comparison, files: await listFromGit(comparison, options), source: 'git' };
    core.info(
      `${changeSet.files.length} changed file${changeSet.files.length === 1 ? '' : 's'} ` +
        `(${changeSet.source === 'rest' ? "GitHub's pull request files list" : 'git diff'}): ${summarise(changeSet.files)}`,
    );
    return changeSet;
  });
}

async function listFromGit(comparison: Extract<Comparison, { kind: 'diff' }>, options: ListOptions): Promise<ChangedFile[]> {
  const { base, head } = comparison;
  if (base === head) return [];
  try {
    return await diffFiles(options.cwd, base, head);
  } catch (error) {
    // resolveComparison leaves both commits here; a comparison built elsewhere may need them fetched.
    if (!(error instanceof ExecFailedError) || !/bad object|bad revision|unknown revision|invalid object/i.test(error.result.stderr)) {
      throw error;
    }
  }
  const history = new LocalHistory(options.cwd, options.fetchDepth);
  await history.requireCommits(
    [
      { sha: base, label: 'the base commit' },
      { sha: head, label: 'the head commit' },
    ],
    'tree',
  );
  for (const note of history.notes) core.info(`History: ${note}`);
  return diffFiles(options.cwd, base, head);
}

async function listFromRest(
  comparison: Extract<Comparison, { kind: 'diff' }>,
  options: ListOptions,
): Promise<ChangeSet | undefined> {
  const number = comparison.pullRequest;
  if (number === undefined || !options.repository || !(options.token || options.client)) return undefined;
  registerSecret(options.token);
  try {
    const client = options.client ?? (await makeClient(options.token ?? ''));
    const result = await listPullRequestFiles(client, options.repository, number, comparison.head);
    if ('fallback' in result) {
      core.notice(`Listing the changed files with git instead of GitHub's API: ${result.fallback}`);
      return undefined;
    }
    core.info(`Read pull request #${number}'s files from GitHub (${result.pages} page${result.pages === 1 ? '' : 's'})`);
    return { comparison, files: result.files, source: 'rest' };
  } catch (error) {
    const status = (error as { status?: unknown }).status;
    const why = error instanceof Error ? error.message : String(error);
    core.warning(
      `Could not list pull request #${number}'s files through GitHub's API (${typeof status === 'number' ? `HTTP ${status}: ` : ''}${why}); ` +
        `listing them with git instead`,
    );
    return undefined;
  }
}

/** Loaded only when the REST path is taken, so the common path does not pay for Octokit. */
async function makeClient(token: string): Promise<RestRequester> {
  const { createOctokit } = await import('../github/client.js');
  return createOctokit(token);
}

function summarise(files: readonly ChangedFile[]): string {
  const counts = new Map<string, number>();
  for (const file of files) counts.set(file.status, (counts.get(file.status) ?? 0) + 1);
  return [...counts].map(([status, count]) => `${count} ${status}`).join(', ') || 'none';
}

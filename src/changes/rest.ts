import type { ChangedFile, ChangeStatus } from './types.js';

/**
 * The files of a pull request from GitHub's REST API
 * (GET /repos/{owner}/{repo}/pulls/{pull_number}/files, 100 a page). GitHub lists at most
 * 3000 files; a pull request that reaches the cap, or whose head has moved since the event,
 * is left to git (`fallback` says why) rather than answered from an incomplete list.
 */

/** The one call this module makes; an Octokit instance has it. */
export interface RestRequester {
  request(route: string, parameters: Record<string, unknown>): Promise<{ data: unknown }>;
}

export const PULL_FILES_CAP = 3000;
const PER_PAGE = 100;

export type PullFilesResult = { files: ChangedFile[]; pages: number } | { fallback: string };

export async function listPullRequestFiles(
  client: RestRequester,
  repository: string,
  pullNumber: number,
  expectedHead: string,
): Promise<PullFilesResult> {
  const [owner, repo] = repository.split('/');
  if (!owner || !repo) return { fallback: `'${repository}' is not an owner/name repository` };

  const pull = (await client.request('GET /repos/{owner}/{repo}/pulls/{pull_number}', {
    owner,
    repo,
    pull_number: pullNumber,
  })).data as { changed_files?: number; head?: { sha?: string } };
  const head = pull.head?.sha;
  if (head && head.toLowerCase() !== expectedHead.toLowerCase()) {
    return { fallback: `the pull request's head moved to ${head.slice(0, 12)} after this run started` };
  }
  if ((pull.changed_files ?? 0) >= PULL_FILES_CAP) {
    return { fallback: `the pull request changes ${pull.changed_files} files; GitHub lists at most ${PULL_FILES_CAP}` };
  }

  const files: ChangedFile[] = [];
  let page = 1;
  for (; page <= PULL_FILES_CAP / PER_PAGE; page++) {
    const { data } = await client.request('GET /repos/{owner}/{repo}/pulls/{pull_number}/files', {
      owner,
      repo,
      pull_number: pullNumber,
      per_page: PER_PAGE,
      page,
    });
    if (!Array.isArray(data)) throw new Error(`GitHub answered the files list with ${typeof data}, not a list`);
    for (const entry of data as RestFile[]) files.push(toChangedFile(entry));
    if (data.length < PER_PAGE) break;
  }
  if (files.length >= PULL_FILES_CAP) {
    return { fallback: `GitHub listed ${files.length} files, its cap; the pull request may change more` };
  }
  return { files, pages: Math.min(page, PULL_FILES_CAP / PER_PAGE) };
}

interface RestFile {
  filename: string;
  status: string;
  previous_filename?: string;
}

const STATUS: Record<string, ChangeStatus> = {
  added: 'added',
  removed: 'deleted',
  modified: 'modified',
  renamed: 'renamed',
  copied: 'copied',
  // GitHub's "changed": the file mode changed, which git reports as a modification.
  changed: 'modified',
};

export function toChangedFile(entry: RestFile): ChangedFile {
  // "unchanged" and anything newer: listed by GitHub, so kept, with no claim about how it changed.
  const status = STATUS[entry.status] ?? 'unknown';
  const file: ChangedFile = { path: entry.filename, status };
  if (entry.previous_filename && (status === 'renamed' || status === 'copied')) file.previousPath = entry.previous_filename;
  return file;
}

/** A file that differs between the base and the head of a comparison. */
export type ChangeStatus = 'added' | 'modified' | 'deleted' | 'renamed' | 'copied' | 'type-changed' | 'unknown';

export interface ChangedFile {
  /** Repository-relative path at the head (for a deletion: the deleted path). */
  path: string;
  status: ChangeStatus;
  /**
   * For renames and copies: the path at the base. A rename counts for both paths; a copy only
   * for `path` (its source did not change). git reports renames (-M); copies come only from
   * GitHub's REST list (git's copy detection costs time on large diffs and adds nothing).
   */
  previousPath?: string;
}

/**
 * What the event (or the base/head inputs) asks to compare.
 * - `diff`: the changes from `base` to `head` (both full commit SHAs, present locally or
 *   readable through the REST API).
 * - `all`: every service, because no meaningful base exists (first commit, a tag with no
 *   earlier release tag, a new default branch...).
 * - `selected`: the services a person or schedule asked for (workflow_dispatch, schedule,
 *   repository_dispatch); `[]` when nothing is to be built (a deleted branch or tag).
 */
export type Comparison =
  | { kind: 'diff'; base: string; head: string; reason: string; pullRequest?: number }
  | { kind: 'all'; head?: string; reason: string }
  | { kind: 'selected'; services: string[] | 'all'; head?: string; reason: string };

export interface ChangeSet {
  comparison: Extract<Comparison, { kind: 'diff' }>;
  files: ChangedFile[];
  /** Where the list came from. */
  source: 'git' | 'rest';
}

/** Reads a file's content at a commit; undefined when the file does not exist there. */
export type FileAtRef = (ref: string, path: string) => Promise<string | undefined>;

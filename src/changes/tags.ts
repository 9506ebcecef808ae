import { ExecFailedError, lastLines } from '../core/exec.js';
import { git } from '../git/git.js';
import { DEEPEN_ROUNDS, type LocalHistory, REMOTE } from './history.js';

/**
 * The release a tag follows: the nearest earlier tag matching the pattern that is an ancestor
 * of the tag's commit. Tags on the same commit as the new tag are not "earlier" (a floating
 * `v1` moved along with `v1.4.0`, or a re-tag): the comparison is with the last release that
 * pointed somewhere else.
 */
export type PreviousTag =
  | { found: true; tag: string; sha: string }
  | { found: false; complete: boolean; why: string };

export async function findPreviousTag(
  history: LocalHistory,
  commit: string,
  pattern: string,
): Promise<PreviousTag> {
  const local = await describeParent(history, commit, pattern);
  if (local) return local;

  if (!(await history.isShallow())) {
    // A full clone may still lack tags (a checkout made without them): fetch them once.
    const failure = await history.fetch([], ['+refs/tags/*:refs/tags/*']);
    if (failure !== undefined) {
      return { found: false, complete: false, why: `the tags could not be fetched from ${REMOTE}: ${failure}` };
    }
    history.notes.push(`fetched the tags from ${REMOTE}`);
    return (
      (await describeParent(history, commit, pattern)) ?? {
        found: false,
        complete: true,
        why: `no tag matching '${pattern}' is an ancestor of ${commit}`,
      }
    );
  }
  return findInShallowHistory(history, commit, pattern);
}

/**
 * In a shallow clone: list origin's tags (names and commits, no objects), then deepen the
 * tag commit's history step by step until one of the candidates' commits shows up, fetch
 * just those tags, and let `git describe` pick the nearest.
 */
async function findInShallowHistory(history: LocalHistory, commit: string, pattern: string): Promise<PreviousTag> {
  const remoteTags = await listRemoteTags(history);
  if ('why' in remoteTags) return { found: false, complete: false, why: remoteTags.why };
  const matches = globMatcher(pattern);
  const candidates = [...remoteTags.tags].filter(([name, sha]) => matches(name) && sha !== commit);
  if (candidates.length === 0) {
    return { found: false, complete: true, why: `${REMOTE} has no other tag matching '${pattern}'` };
  }
  let step = (await history.canDeepenSafely()) ? history.fetchDepth : 0;
  let deepened = 0;
  for (let round = 0; ; round++, step *= 2) {
    const present = await history.resolve(candidates.map(([, sha]) => sha));
    const here = candidates.filter((_, index) => present[index] !== undefined).map(([name]) => name);
    if (here.length > 0) {
      const refspecs = here.map((name) => `+refs/tags/${name}:refs/tags/${name}`);
      const failure = await history.fetch([], refspecs);
      if (failure !== undefined) return { found: false, complete: false, why: failure };
      const found = await describeParent(history, commit, pattern);
      if (found) {
        if (deepened > 0) history.notes.push(`deepened the history by ${deepened} commits to reach tag ${found.tag}`);
        return found;
      }
    }
    if (!(await history.isShallowNow())) {
      return { found: false, complete: true, why: `no tag matching '${pattern}' is an ancestor of ${commit}` };
    }
    if (round > DEEPEN_ROUNDS) break;
    const deepen = round === DEEPEN_ROUNDS || step <= 0 ? ['--unshallow'] : [`--deepen=${step}`];
    const failure = await history.fetch(deepen, [commit]);
    if (failure !== undefined) return { found: false, complete: false, why: failure };
    if (deepen[0] === '--unshallow') history.notes.push('fetched the whole history to look for the previous tag');
    else deepened += step;
  }
  return { found: false, complete: false, why: 'the history stayed shallow' };
}

/** `git describe` from the commit's first parent, so tags on the commit itself are skipped. */
async function describeParent(
  history: LocalHistory,
  commit: string,
  pattern: string,
): Promise<{ found: true; tag: string; sha: string } | undefined> {
  const result = await git(
    history.cwd,
    ['describe', '--tags', '--abbrev=0', `--match=${pattern}`, `${commit}^1`],
    { okExitCodes: [128] },
  );
  if (result.exitCode !== 0) return undefined;
  const tag = result.stdout.trim();
  const [sha] = await history.resolve([`refs/tags/${tag}`]);
  return sha ? { found: true, tag, sha } : undefined;
}

async function listRemoteTags(history: LocalHistory): Promise<{ tags: Map<string, string> } | { why: string }> {
  try {
    const result = await git(history.cwd, ['ls-remote', '--tags', REMOTE]);
    return { tags: parseLsRemoteTags(result.stdout) };
  } catch (error) {
    if (error instanceof ExecFailedError) {
      return { why: `the tags could not be listed on ${REMOTE}: ${lastLines(error.result.stderr, 2)}` };
    }
    throw error;
  }
}

/** Tag name -> commit, preferring the peeled `^{}` line of an annotated tag. */
export function parseLsRemoteTags(output: string): Map<string, string> {
  const tags = new Map<string, string>();
  for (const line of output.split('\n')) {
    const match = /^([0-9a-f]+)\trefs\/tags\/(.+?)(\^\{\})?$/.exec(line);
    if (!match) continue;
    const [, sha, name, peeled] = match;
    if (sha === undefined || name === undefined) continue;
    if (peeled || !tags.has(name)) tags.set(name, sha);
  }
  return tags;
}

/**
 * The glob `git describe --match` uses (wildmatch without path semantics): `*` matches any
 * run of characters, `/` included; `?` one character; `[...]` a class (`[!...]` negated).
 */
export function globMatcher(pattern: string): (name: string) => boolean {
  let source = '';
  for (let index = 0; index < pattern.length; index++) {
    const char = pattern[index] ?? '';
    if (char === '*') source += '.*';
    else if (char === '?') source += '.';
    else if (char === '\\' && index + 1 < pattern.length) source += escape(pattern[++index] ?? '');
    else if (char === '[') {
      const close = pattern.indexOf(']', index + 2);
      if (close < 0) {
        source += '\\[';
        continue;
      }
      let body = pattern.slice(index + 1, close);
      const negated = body.startsWith('!') || body.startsWith('^');
      if (negated) body = body.slice(1);
      source += `[${negated ? '^' : ''}${body.replace(/[\\\]]/g, '\\$&')}]`;
      index = close;
    } else source += escape(char);
  }
  const regex = new RegExp(`^${source}$`, 's');
  return (name) => regex.test(name);
}

function escape(char: string): string {
  return char.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

import { git } from './git.js';

/**
 * Reads many objects with one git process: `cat-file --batch-check` resolves names,
 * `cat-file --batch` reads contents. Each spawned git costs milliseconds, so callers
 * gather their questions and ask them together.
 */

/**
 * Resolves revision names (SHAs, branches, tags, `origin/main`, `HEAD~2`...) to the full
 * SHA of the commit they name; undefined for a name that is missing or not a commit.
 */
export async function resolveCommits(cwd: string, names: readonly string[]): Promise<(string | undefined)[]> {
  if (names.length === 0) return [];
  if (names.some((name) => name.includes('\n'))) throw new Error('a revision name cannot contain a newline');
  const input = names.map((name) => `${name}^{commit}\n`).join('');
  const result = await git(cwd, ['cat-file', '--batch-check=%(objectname) %(objecttype)'], { input });
  const lines = result.stdout.split('\n');
  return names.map((_, index) => {
    const match = /^([0-9a-f]{40}(?:[0-9a-f]{24})?) commit$/.exec(lines[index] ?? '');
    return match?.[1];
  });
}

export interface BlobRequest {
  ref: string;
  path: string;
}

export interface GitObject {
  type: 'blob' | 'tree' | 'commit' | 'tag';
  content: Buffer;
}

/**
 * Reads objects by name (`<rev>:<path>`, `<rev>^{commit}`...); undefined for a name that
 * does not resolve, or resolves to an object that is not here (a submodule's commit).
 */
export async function readObjects(cwd: string, names: readonly string[]): Promise<(GitObject | undefined)[]> {
  if (names.length === 0) return [];
  // A name with a newline needs NUL-separated input (git 2.38+); plain lines work everywhere else.
  const nulSeparated = names.some((name) => name.includes('\n'));
  const separator = nulSeparated ? '\0' : '\n';
  const args = nulSeparated ? ['cat-file', '--batch', '-z'] : ['cat-file', '--batch'];
  const result = await git(cwd, args, { input: names.map((name) => name + separator).join('') });
  return parseBatch(result.stdoutBuffer, names);
}

/**
 * Reads files at commits; undefined where the file does not exist at that commit or is not
 * a file there (a directory, a submodule). Symbolic links read as their target path, as git
 * stores them.
 */
export async function readBlobs(cwd: string, requests: readonly BlobRequest[]): Promise<(Buffer | undefined)[]> {
  const objects = await readObjects(
    cwd,
    requests.map(({ ref, path }) => `${ref}:${path}`),
  );
  return objects.map((object) => (object?.type === 'blob' ? object.content : undefined));
}

const NEWLINE = 0x0a;
const TYPES = new Set(['blob', 'tree', 'commit', 'tag']);

/** Parses `cat-file --batch` output: "<oid> <type> <size>\n<content>\n" or "<name> missing\n". */
export function parseBatch(output: Buffer, names: readonly string[]): (GitObject | undefined)[] {
  const objects: (GitObject | undefined)[] = [];
  let position = 0;
  for (const name of names) {
    // The name is echoed back for a missing object; it may itself contain newlines.
    const echoed = [`${name} missing\n`, `${name} ambiguous\n`].map((text) => Buffer.from(text, 'utf8'));
    const notFound = echoed.find((text) => output.subarray(position, position + text.length).equals(text));
    if (notFound) {
      objects.push(undefined);
      position += notFound.length;
      continue;
    }
    const end = output.indexOf(NEWLINE, position);
    if (end < 0) throw new Error(`unexpected end of git cat-file output while reading ${name}`);
    const header = output.toString('utf8', position, end).split(' ');
    position = end + 1;
    if (header.length !== 3) {
      // "<oid> missing": the name resolved (a submodule's commit) but the object is not here.
      objects.push(undefined);
      continue;
    }
    const [, type = '', sizeText = ''] = header;
    const size = Number(sizeText);
    if (!TYPES.has(type) || !Number.isSafeInteger(size)) {
      throw new Error(`unexpected git cat-file header '${header.join(' ')}'`);
    }
    objects.push({ type: type as GitObject['type'], content: output.subarray(position, position + size) });
    position += size + 1;
  }
  return objects;
}

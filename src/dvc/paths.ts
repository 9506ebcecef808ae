/** Repository-relative POSIX paths as DVC resolves them ('' is the repository root). */

/** `.` or `..` segments, doubled, leading or trailing slashes, backslashes. */
const NEEDS_NORMALIZING = /(?:^|\/)\.\.?(?:\/|$)|\/\/|^\/|\/$|\\|^$/;

/** Normalizes `a/./b/../c` to `a/c`; a path that climbs above the root keeps its leading `..`. */
export function normalizePath(path: string): string {
  if (!NEEDS_NORMALIZING.test(path)) return path;
  const out: string[] = [];
  for (const part of path.replace(/\\/g, '/').split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..' && out.length > 0 && out.at(-1) !== '..') out.pop();
    else out.push(part);
  }
  return out.join('/');
}

export function joinPath(dir: string, path: string): string {
  return normalizePath(dir === '' ? path : `${dir}/${path}`);
}

export function dirName(path: string): string {
  const slash = path.lastIndexOf('/');
  return slash === -1 ? '' : path.slice(0, slash);
}

export function baseName(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

/** A dependency or output that is not a file in the repository: a URL, an absolute path, or outside. */
export function isOutsideRepo(path: string): boolean {
  return /^[a-z][a-z0-9+.-]*:\/\//i.test(path) || path.startsWith('/') || /^[a-z]:[\\/]/i.test(path);
}

/** The repository path of `path` written relative to `wdir`, or undefined when it is not in the repository. */
export function repoPath(wdir: string, path: string): string | undefined {
  if (isOutsideRepo(path)) return undefined;
  const joined = joinPath(wdir, path);
  return joined === '..' || joined.startsWith('../') ? undefined : joined;
}

/** True when `path` is `prefix` or lies inside it (the root contains everything). */
export function isWithin(path: string, prefix: string): boolean {
  return prefix === '' || path === prefix || path.startsWith(`${prefix}/`);
}

/** Every directory that contains `path`, nearest first, ending with the root (''). */
export function* ancestorsAndSelf(path: string): Generator<string> {
  let current = path;
  for (;;) {
    yield current;
    if (current === '') return;
    current = dirName(current);
  }
}

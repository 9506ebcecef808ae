import picomatch from 'picomatch';

/**
 * Matches many repository paths against many owners' globs fast. Each pattern is filed
 * under its static directory prefix, so a path is only tested against the patterns whose
 * prefix is one of its own directories (or which have none, like `**\/*.md`): matching
 * stays linear in the number of changed files however many services there are.
 *
 * A pattern without glob characters names a file or a directory: `libs/ml_common`
 * matches that path and everything beneath it.
 */

interface IndexedPattern<Owner> {
  owner: Owner;
  test: (path: string) => boolean;
}

export interface MatcherEntry<Owner> {
  owner: Owner;
  include: readonly string[];
  exclude?: readonly string[];
}

const PICOMATCH_OPTIONS = { dot: true } as const;
const GLOB_CHARS = /[*?[\]{}()!+@\\]/;

interface CompiledPattern {
  /** The static directory prefix the pattern is filed under ('' for none). */
  key: string;
  test: (path: string) => boolean;
}

const compiled = new Map<string, CompiledPattern>();

/**
 * Compiles a glob once per distinct pattern (catalogs repeat `**\/*.md` for every service).
 * The shapes catalogs are made of get plain string tests, which are exact for git's paths
 * (no `.` or `..` segments) and several times faster than the general regular expression.
 */
function compile(pattern: string): CompiledPattern {
  let result = compiled.get(pattern);
  if (!result) compiled.set(pattern, (result = compileUncached(pattern)));
  return result;
}

function compileUncached(pattern: string): CompiledPattern {
  const scan = picomatch.scan(pattern);
  if (!scan.isGlob) {
    const literal = pattern.replace(/\/+$/, '');
    const prefix = `${literal}/`;
    return { key: literal, test: (path) => path === literal || path.startsWith(prefix) };
  }
  const key = scan.base.replace(/\/+$/, '');
  // `dir/**`: the directory and everything beneath it.
  if (pattern.endsWith('/**') && !GLOB_CHARS.test(pattern.slice(0, -3))) {
    const dir = pattern.slice(0, -3);
    const prefix = `${dir}/`;
    return { key, test: (path) => path === dir || path.startsWith(prefix) };
  }
  // `**/*.ext` and `*.ext`: a file name ending, anywhere or at the root.
  const ending = /^(\*\*\/)?\*(\.[^/]+)$/.exec(pattern);
  if (ending && !GLOB_CHARS.test(ending[2]!)) {
    const suffix = ending[2]!;
    if (ending[1]) return { key, test: (path) => path.endsWith(suffix) };
    return { key, test: (path) => path.endsWith(suffix) && !path.includes('/') };
  }
  // dotAll: git allows newlines in file names, and `**` must still cross them.
  const regex = picomatch.makeRe(pattern, PICOMATCH_OPTIONS);
  const dotAll = new RegExp(regex.source, `${regex.flags}s`);
  return { key, test: (path) => dotAll.test(path) };
}

function anyOf(patterns: readonly string[]): ((path: string) => boolean) | undefined {
  if (patterns.length === 0) return undefined;
  const tests = patterns.map((pattern) => compile(pattern).test);
  return (path) => tests.some((test) => test(path));
}

export class PathMatcher<Owner> {
  private readonly byKey = new Map<string, IndexedPattern<Owner>[]>();
  private readonly excludes = new Map<Owner, (path: string) => boolean>();

  constructor(entries: readonly MatcherEntry<Owner>[]) {
    for (const entry of entries) {
      for (const pattern of entry.include) {
        const { key, test } = compile(pattern);
        let list = this.byKey.get(key);
        if (!list) this.byKey.set(key, (list = []));
        list.push({ owner: entry.owner, test });
      }
      const exclude = anyOf(entry.exclude ?? []);
      if (exclude) this.excludes.set(entry.owner, exclude);
    }
  }

  /** The owners whose patterns match `path` and whose exclusions do not, each once. */
  match(path: string): Owner[] {
    const owners: Owner[] = [];
    const consider = (key: string): void => {
      const list = this.byKey.get(key);
      if (!list) return;
      for (const pattern of list) {
        if (owners.includes(pattern.owner) || !pattern.test(path)) continue;
        const exclude = this.excludes.get(pattern.owner);
        if (exclude && exclude(path)) continue;
        owners.push(pattern.owner);
      }
    };
    consider('');
    for (let slash = path.indexOf('/'); slash !== -1; slash = path.indexOf('/', slash + 1)) {
      consider(path.slice(0, slash));
    }
    consider(path);
    return owners;
  }
}

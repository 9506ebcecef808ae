import picomatch from 'picomatch';

/**
 * How every action matches the catalog's globs against repository paths: picomatch with dot
 * files included (`**` matches `.github/...`). The loader compiles each glob once to validate it;
 * matchers reuse the compiled expression through `globRegExp`.
 */
export const GLOB_OPTIONS = { dot: true } as const;

const compiled = new Map<string, RegExp>();

/**
 * Whether picomatch can fail to compile a glob: only with brackets, braces, parentheses, '!',
 * '+' (repeated) or a backslash (a test fuzzes the rest). The loader compiles only those, which
 * keeps loading a large catalog fast; matchers compile every glob anyway.
 */
export function mayFailToCompile(glob: string): boolean {
  return /[+[\]{}()!\\]/.test(glob);
}

/** The compiled expression of a glob; throws picomatch's error when the glob cannot compile. */
export function globRegExp(glob: string): RegExp {
  let regExp = compiled.get(glob);
  if (!regExp) {
    // `debug` makes picomatch throw on an invalid glob instead of returning a never-matching one.
    regExp = picomatch.makeRe(glob, { ...GLOB_OPTIONS, debug: true });
    compiled.set(glob, regExp);
  }
  return regExp;
}

/** The directory a glob starts from: `services/a` for `services/a/**`, `.` for `**\/*.py`. */
export function globBase(glob: string): string {
  const scan = picomatch.scan(glob);
  if (scan.isGlob) return scan.base || '.';
  const slash = glob.lastIndexOf('/');
  return slash > 0 ? glob.slice(0, slash) : '.';
}

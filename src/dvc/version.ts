import { ConfigurationError } from '../core/errors.js';

/**
 * Python package versions and version specifiers (PEP 440), as far as DVC releases need them:
 * release segments, pre-releases (a, b, rc), post and dev releases; the operators ==, !=, >=,
 * <=, >, <, ~= and the `.*` wildcard of == and !=. The `version` input is written the way pip
 * takes it, so the same text selects a `dvc` on PATH and the release pip installs.
 */

export interface PyVersion {
  release: number[];
  /** Pre-release: [phase, number], phase 0 = a, 1 = b, 2 = rc. */
  pre?: [number, number];
  post?: number;
  dev?: number;
  text: string;
}

const VERSION =
  /^v?(\d+(?:\.\d+)*)(?:[-_.]?(a|alpha|b|beta|c|rc|pre|preview)[-_.]?(\d*))?(?:(?:-(\d+))|(?:[-_.]?(post|rev|r)[-_.]?(\d*)))?(?:[-_.]?dev[-_.]?(\d*))?(?:\+[a-z0-9.]+)?$/i;

const PRE_PHASE: Record<string, number> = { a: 0, alpha: 0, b: 1, beta: 1, c: 2, rc: 2, pre: 2, preview: 2 };

export function parseVersion(text: string): PyVersion | undefined {
  const match = VERSION.exec(text.trim());
  if (!match) return undefined;
  const version: PyVersion = { release: match[1]!.split('.').map(Number), text: text.trim() };
  if (match[2]) version.pre = [PRE_PHASE[match[2].toLowerCase()]!, Number(match[3] || 0)];
  if (match[4] !== undefined) version.post = Number(match[4]);
  else if (match[5]) version.post = Number(match[6] || 0);
  if (match[7] !== undefined) version.dev = Number(match[7] || 0);
  return version;
}

function compareRelease(a: number[], b: number[]): number {
  const length = Math.max(a.length, b.length);
  for (let i = 0; i < length; i++) {
    const difference = (a[i] ?? 0) - (b[i] ?? 0);
    if (difference !== 0) return Math.sign(difference);
  }
  return 0;
}

/** PEP 440 ordering: dev < pre < final < post, within one release. */
function suffixKey(v: PyVersion): number[] {
  // A dev release of a final version sorts before its pre-releases.
  const pre = v.pre ? [v.pre[0], v.pre[1]] : v.dev !== undefined && v.post === undefined ? [-1, 0] : [3, 0];
  const post = v.post === undefined ? -1 : v.post;
  const dev = v.dev === undefined ? Number.POSITIVE_INFINITY : v.dev;
  return [...pre, post, dev];
}

export function compareVersions(a: PyVersion, b: PyVersion): number {
  const release = compareRelease(a.release, b.release);
  if (release !== 0) return release;
  const ka = suffixKey(a);
  const kb = suffixKey(b);
  for (let i = 0; i < ka.length; i++) {
    if (ka[i]! !== kb[i]!) return ka[i]! < kb[i]! ? -1 : 1;
  }
  return 0;
}

function isPreRelease(v: PyVersion): boolean {
  return v.pre !== undefined || v.dev !== undefined;
}

export type Operator = '==' | '!=' | '>=' | '<=' | '>' | '<' | '~=' | '===';

export interface Clause {
  operator: Operator;
  version: PyVersion;
  /** `==3.*`: compares only the given release segments. */
  wildcard: boolean;
}

export interface Specifier {
  clauses: Clause[];
  /** As pip takes it, e.g. `==3.*` or `>=3.51,<4`; empty for any version. */
  text: string;
}

const CLAUSE = /^(===|==|!=|>=|<=|~=|>|<)\s*(.+)$/;

/**
 * Reads the `version` input: a pip specifier (`>=3.51,<4`, `~=3.60`, `==3.*`), a bare version
 * (`3.67.1`, meaning ==3.67.1), a bare wildcard (`3.*`), or `latest`/empty for any version.
 */
export function parseSpecifier(raw: string, inputName = 'version'): Specifier {
  const text = raw.trim();
  if (text === '' || text === '*' || text.toLowerCase() === 'latest') return { clauses: [], text: '' };
  const clauses: Clause[] = [];
  for (const part of text.split(',').map((p) => p.trim())) {
    if (part === '') continue;
    const match = CLAUSE.exec(part);
    const operator = (match ? match[1] : '==') as Operator;
    let versionText = (match ? match[2]! : part).trim();
    let wildcard = false;
    if (versionText.endsWith('.*')) {
      if (operator !== '==' && operator !== '!=') {
        throw new ConfigurationError(
          `input '${inputName}': '${part}' uses a wildcard with ${operator}; wildcards go with == or != only (for example ==3.*)`,
        );
      }
      wildcard = true;
      versionText = versionText.slice(0, -2);
    }
    const version = parseVersion(versionText);
    if (!version) {
      throw new ConfigurationError(
        `input '${inputName}': '${part}' is not a version or version specifier; write for example 3.67.1, 3.*, >=3.51,<4 or latest`,
      );
    }
    if (operator === '~=' && version.release.length < 2) {
      throw new ConfigurationError(`input '${inputName}': '${part}' needs at least two release numbers after ~= (for example ~=3.60)`);
    }
    clauses.push({ operator, version, wildcard });
  }
  return { clauses, text: clauses.map(formatClause).join(',') };
}

function formatClause(clause: Clause): string {
  return `${clause.operator}${clause.version.text.replace(/^v/i, '')}${clause.wildcard ? '.*' : ''}`;
}

function prefixMatches(version: PyVersion, prefix: PyVersion): boolean {
  const padded = prefix.release;
  for (let i = 0; i < padded.length; i++) if ((version.release[i] ?? 0) !== padded[i]) return false;
  return true;
}

function clauseMatches(clause: Clause, v: PyVersion): boolean {
  const c = clause.version;
  switch (clause.operator) {
    case '==':
      return clause.wildcard ? prefixMatches(v, c) : compareVersions(v, c) === 0;
    case '!=':
      return clause.wildcard ? !prefixMatches(v, c) : compareVersions(v, c) !== 0;
    case '===':
      return v.text === c.text;
    case '>=':
      return compareVersions(v, c) >= 0;
    case '<=':
      return compareVersions(v, c) <= 0;
    case '>':
      // >V excludes V's post-releases unless V is itself a post-release.
      return compareVersions(v, c) > 0 && !(c.post === undefined && v.post !== undefined && compareRelease(v.release, c.release) === 0);
    case '<':
      // <V excludes V's pre-releases unless V is itself a pre-release.
      return compareVersions(v, c) < 0 && !(!isPreRelease(c) && isPreRelease(v) && compareRelease(v.release, c.release) === 0);
    case '~=': {
      const prefix: PyVersion = { release: c.release.slice(0, -1), text: '' };
      return compareVersions(v, c) >= 0 && prefixMatches(v, prefix);
    }
  }
}

/**
 * Whether an installed version satisfies the specifier, as pip judges an installed package: a
 * pre-release that matches the clauses counts (pip only avoids choosing one to download).
 */
export function satisfies(versionText: string, specifier: Specifier): boolean {
  const version = parseVersion(versionText);
  if (!version) return false;
  return specifier.clauses.every((clause) => clauseMatches(clause, version));
}

/** The highest of the given versions that satisfies the specifier. */
export function bestMatch(versions: readonly string[], specifier: Specifier): string | undefined {
  let best: PyVersion | undefined;
  for (const text of versions) {
    const version = parseVersion(text);
    if (!version || !satisfies(text, specifier)) continue;
    if (!best || compareVersions(version, best) > 0) best = version;
  }
  return best?.text;
}

/** The specifier with one more clause (`>=3.51`), for pip: both must hold. */
export function withClause(specifier: Specifier, clause: string): Specifier {
  const extra = parseSpecifier(clause);
  const clauses = [...specifier.clauses, ...extra.clauses];
  return { clauses, text: clauses.map(formatClause).join(',') };
}

/**
 * False when the specifier rules out every version at or above `minimum` (its upper bound is
 * lower), so no install could satisfy both. Conservative: true when unsure.
 */
export function allowsAtLeast(specifier: Specifier, minimumText: string): boolean {
  const minimum = parseVersion(minimumText)!;
  for (const clause of specifier.clauses) {
    const v = clause.version;
    switch (clause.operator) {
      case '==':
      case '===':
        if (clause.wildcard) {
          const next = [...v.release];
          next[next.length - 1] = next.at(-1)! + 1;
          if (compareRelease(next, minimum.release) <= 0) return false;
        } else if (compareVersions(v, minimum) < 0) {
          return false;
        }
        break;
      case '<':
        if (compareVersions(v, minimum) <= 0) return false;
        break;
      case '<=':
        if (compareVersions(v, minimum) < 0) return false;
        break;
      case '~=': {
        const upper = v.release.slice(0, -1);
        upper[upper.length - 1] = upper.at(-1)! + 1;
        if (compareRelease(upper, minimum.release) <= 0) return false;
        break;
      }
      default:
        break;
    }
  }
  return true;
}

export function describeSpecifier(specifier: Specifier): string {
  return specifier.text === '' ? 'any version' : specifier.text;
}

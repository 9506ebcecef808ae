import { posix } from 'node:path';
import { globRegExp, mayFailToCompile } from './globs.js';
import type { Threshold } from './types.js';

/*
 * The rules for single values of the catalog. Each returns what is wrong and how to fix it, or
 * undefined when the value is fine; the caller prefixes the key path. schemas/services.schema.json
 * states the same rules as patterns where JSON Schema can, and a test keeps the two in agreement.
 */

export const NAME = /^[A-Za-z0-9_.-]+$/;

export function nameProblem(name: string, kind: 'service' | 'shared group'): string | undefined {
  if (NAME.test(name)) return undefined;
  const suggestion = name.replace(/[^A-Za-z0-9_.-]+/g, '-').replace(/^-+|-+$/g, '');
  const example = suggestion ? ` (for example '${suggestion}')` : '';
  return `invalid ${kind} name; use only letters, digits, '_', '.' and '-'${example}`;
}

export type GlobList = 'paths' | 'ignore' | 'global';

const NEGATION_HINTS: Record<GlobList, string> = {
  paths: "list the files to leave out under 'ignore' instead",
  ignore: "list under 'paths' what should count and under 'ignore' what should not",
  global: 'list only the files whose change affects every service',
};

export function globProblem(glob: string, list: GlobList): string | undefined {
  if (glob.startsWith('!')) {
    return `'${glob}' starts with '!', but negation is not supported in ${list}; ${NEGATION_HINTS[list]}`;
  }
  const pathProblem = relativePathProblem(glob, 'glob');
  if (pathProblem) return pathProblem;
  if (glob.endsWith('/')) {
    return `'${glob}' ends with '/' and so matches no file; write '${glob}**' to match everything under the folder`;
  }
  try {
    if (mayFailToCompile(glob)) globRegExp(glob);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    // picomatch reports the regular expression it built; its last part says what is wrong.
    const reason = message.startsWith('Invalid regular expression') ? (message.split(': ').pop() ?? message) : message;
    return `'${glob}' is not a valid glob (${reason.toLowerCase()}); check its brackets, braces and parentheses`;
  }
  return undefined;
}

/** Whatever relativePathProblem may object to; most paths pass this one test. */
const MAYBE_NOT_RELATIVE = /\\|^\/|^[A-Za-z]:\/|(?:^|\/)\.\.?(?:\/|$)|\/\//;

/**
 * A path or glob relative to the repository root, written with '/': no absolute path, no '..'
 * or '.' segment, no empty segment. A trailing '/' is left to the caller (fine for a folder).
 */
export function relativePathProblem(value: string, noun: 'glob' | 'path'): string | undefined {
  if (value === '') return `is empty; write a ${noun} relative to the repository root`;
  if (!MAYBE_NOT_RELATIVE.test(value)) return undefined;
  if (value.includes('\\')) {
    const escapes = noun === 'glob' ? ' (in a glob a backslash escapes the next character)' : '';
    return `'${value}' contains a backslash; separate folders with '/'${escapes}: '${value.replaceAll('\\', '/')}'`;
  }
  if (value.startsWith('/') || /^[A-Za-z]:\//.test(value)) {
    return (
      `'${value}' is an absolute path; ${noun}s are relative to the repository root: ` +
      `write '${value.replace(/^(?:[A-Za-z]:)?\/+/, '')}'`
    );
  }
  const segments = value.replace(/\/$/, '').split('/');
  if (segments.includes('..')) {
    return `'${value}' has a '..' segment; ${noun}s name files inside the repository, relative to its root`;
  }
  if (segments.includes('.')) {
    return `'${value}' has a '.' segment; write it without: '${segments.filter((s) => s !== '.').join('/')}'`;
  }
  if (segments.includes('')) {
    return `'${value}' has an empty segment ('//'); write '${value.replace(/\/{2,}/g, '/')}'`;
  }
  return undefined;
}

const GLOB_CHARACTERS = /[*?[\]{}]/;

export function metricsFileProblem(path: string): string | undefined {
  const problem = relativePathProblem(path, 'path');
  if (problem) return problem;
  if (path.endsWith('/')) return `'${path}' is a folder; name the metrics file, e.g. '${path}metrics.json'`;
  if (GLOB_CHARACTERS.test(path)) {
    return `'${path}' is a glob, but metrics files are read as named; list each file`;
  }
  return undefined;
}

/** A Docker build context: a folder of the repository, `.` for its root. */
export function contextProblem(context: string): string | undefined {
  if (context === '.') return undefined;
  return relativePathProblem(context, 'path');
}

/** A relative path without '.' or '..' segments or doubled slashes: joining needs no normalising. */
const SIMPLE_PATH = /^(?![./])(?!.*(?:\/\.|\/\/|\/$))/;

/** The repository path of a Dockerfile written relative to its context, as `docker build` reads it. */
export function resolveDockerfile(context: string, dockerfile: string): { path: string } | { problem: string } {
  if (dockerfile === '') return { problem: "is empty; name the Dockerfile relative to the context, e.g. 'Dockerfile'" };
  if (dockerfile.includes('\\')) {
    return { problem: `'${dockerfile}' contains a backslash; separate folders with '/': '${dockerfile.replaceAll('\\', '/')}'` };
  }
  if (dockerfile.startsWith('/') || /^[A-Za-z]:\//.test(dockerfile)) {
    return { problem: `'${dockerfile}' is an absolute path; name the Dockerfile relative to the context ('${context}')` };
  }
  const path = SIMPLE_PATH.test(dockerfile)
    ? context === '.'
      ? dockerfile
      : `${context}/${dockerfile}`
    : posix.normalize(posix.join(context, dockerfile));
  if (path === '..' || path.startsWith('../')) {
    return { problem: `'${dockerfile}' relative to the context '${context}' is outside the repository` };
  }
  return { path };
}

const IMAGE_COMPONENT = '[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*';
export const IMAGE_NAME = new RegExp(`^${IMAGE_COMPONENT}(?:/${IMAGE_COMPONENT})*$`);

export function imageNameProblem(name: string): string | undefined {
  if (IMAGE_NAME.test(name)) return undefined;
  const lower = name.toLowerCase();
  const example = lower !== name && IMAGE_NAME.test(lower) ? ` (for example '${lower}')` : '';
  return (
    `'${name}' is not a valid image name; use lower-case letters and digits, with '.', '_', '__' or '-' ` +
    `between them and '/' between path components${example}; the registry comes from the build action's inputs`
  );
}

/** A Dockerfile stage name, as `FROM ... AS <name>` accepts it. */
export const STAGE_TARGET = /^[A-Za-z][A-Za-z0-9_.-]*$/;

export const KUBE_LABEL = /^[a-z0-9](?:[-a-z0-9]*[a-z0-9])?$/;
export const KUBE_SUBDOMAIN = /^[a-z0-9](?:[-a-z0-9]*[a-z0-9])?(?:\.[a-z0-9](?:[-a-z0-9]*[a-z0-9])?)*$/;

export function kubeNameProblem(name: string, kind: 'Deployment' | 'container' | 'namespace'): string | undefined {
  const label = kind !== 'Deployment';
  const max = label ? 63 : 253;
  if ((label ? KUBE_LABEL : KUBE_SUBDOMAIN).test(name) && name.length <= max) return undefined;
  const dots = label ? '' : ", '.'";
  return (
    `'${name}' is not a valid ${kind} name in Kubernetes; use at most ${max} lower-case letters, digits${dots} ` +
    `and '-', starting and ending with a letter or digit`
  );
}

export const deploymentNameProblem = (name: string) => kubeNameProblem(name, 'Deployment');
export const containerNameProblem = (name: string) => kubeNameProblem(name, 'container');
export const namespaceProblem = (name: string) => kubeNameProblem(name, 'namespace');

export function targetProblem(target: string): string | undefined {
  if (STAGE_TARGET.test(target)) return undefined;
  return `'${target}' is not a Dockerfile stage name; use the name after 'AS' in 'FROM ... AS <name>' (a letter, then letters, digits, '_', '.' or '-')`;
}

export function healthPathProblem(path: string): string | undefined {
  if (HEALTH_PATH.test(path)) return undefined;
  return `'${path}' is not an HTTP path; write it with a leading '/' and no spaces, e.g. '/health'`;
}

const STAGE_NAME = /^[A-Za-z0-9_-]+(?:@[^\s/\\:@]+)?$/;

/** A DVC stage as `dvc repro` takes it: `name`, `name@item` (foreach), `path/to/dvc.yaml:name`. */
export function dvcStageProblem(stage: string): string | undefined {
  const usage = "write 'name', 'name@item' for a foreach stage, or 'path/to/dvc.yaml:name'";
  const colon = stage.indexOf(':');
  const file = colon >= 0 ? stage.slice(0, colon) : undefined;
  const name = colon >= 0 ? stage.slice(colon + 1) : stage;
  if (file !== undefined) {
    if (posix.basename(file) !== 'dvc.yaml') {
      return `'${stage}' names a stage in '${file}', which is not a dvc.yaml file; ${usage}`;
    }
    const problem = relativePathProblem(file, 'path');
    if (problem) return `the dvc.yaml path of '${stage}': ${problem}`;
  }
  if (!STAGE_NAME.test(name)) {
    return `'${stage}' is not a DVC stage name; ${usage}; stage names use letters, digits, '_' and '-'`;
  }
  return undefined;
}

export const HEALTH_PATH = /^\/\S*$/;

const PERCENT = /^([0-9]+(?:\.[0-9]+)?)%$/;

export function parseThreshold(value: unknown): Threshold | undefined {
  if (typeof value === 'number') {
    return Number.isFinite(value) && value >= 0 ? { kind: 'absolute', value } : undefined;
  }
  if (typeof value === 'string') {
    const match = PERCENT.exec(value);
    if (match?.[1] !== undefined) return { kind: 'relative', percent: Number(match[1]) };
  }
  return undefined;
}

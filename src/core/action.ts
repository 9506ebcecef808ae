import { isAbsolute, relative, resolve } from 'node:path';
import * as core from './runner.js';
import { ConfigurationError, formatLocation, type FileLocation } from './errors.js';
import { redact } from './secrets.js';

let annotationRoot: string | undefined;

/**
 * Says where the repository-relative paths in errors are relative to (the action's
 * `working-directory`), so annotations name the file from the workspace, as GitHub needs.
 */
export function setAnnotationRoot(repositoryRoot: string): void {
  annotationRoot = repositoryRoot;
}

function fromWorkspace(location: FileLocation): FileLocation {
  const workspace = process.env.GITHUB_WORKSPACE;
  if (!annotationRoot || !workspace || isAbsolute(location.file)) return location;
  const file = relative(workspace, resolve(annotationRoot, location.file)).split('\\').join('/');
  return file.startsWith('..') ? location : { ...location, file };
}

/**
 * Runs an action's body. A ConfigurationError becomes one error line, prefixed with
 * the action's name and annotated on the file and line at fault; anything else is a
 * bug: one error line for the user, the stack trace in the debug log.
 * Either way the process exits non-zero.
 */
export async function runAction(prefix: string, body: () => Promise<void>): Promise<void> {
  try {
    await body();
  } catch (error) {
    reportFailure(prefix, error);
  }
}

const STATE_POST = 'is-post';

/**
 * For an action whose bundle is both its `main` and its `post` entry: the main run saves a
 * state the runner hands to the post run, which tells the two apart.
 */
export async function runActionWithPost(
  prefix: string,
  main: () => Promise<void>,
  post: () => Promise<void>,
): Promise<void> {
  if (core.getState(STATE_POST) === 'true') {
    await runAction(prefix, post);
    return;
  }
  core.saveState(STATE_POST, 'true');
  await runAction(prefix, main);
}

export function reportFailure(prefix: string, error: unknown): void {
  process.exitCode = 1;
  if (error instanceof ConfigurationError) {
    const location = error.location && fromWorkspace(error.location);
    const where = location ? `${formatLocation(location)}: ` : '';
    const message = redact(`${prefix}: ${where}${error.message}`);
    if (location) {
      core.error(message, {
        title: prefix,
        file: location.file,
        startLine: location.line,
        startColumn: location.column,
        endLine: location.endLine,
        endColumn: location.endColumn,
      });
    } else {
      core.error(message, { title: prefix });
    }
    return;
  }
  const reason = error instanceof Error ? error.message : String(error);
  if (error instanceof Error && error.stack) core.debug(redact(error.stack));
  core.error(redact(`${prefix}: unexpected error: ${reason} (re-run with debug logging for the stack trace)`), {
    title: prefix,
  });
}

/** Sets an output, serialising objects as compact JSON. */
export function setOutput(name: string, value: unknown): void {
  core.setOutput(name, typeof value === 'string' ? value : JSON.stringify(value));
}

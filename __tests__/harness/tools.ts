import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { VENV_BIN } from './paths.js';

/**
 * Finds an external tool for an integration test: the project's virtual environment first,
 * then PATH. Outside CI a missing tool skips the tests that need it, with the reason printed;
 * in CI (CI=true) it is a failure, because CI installs everything.
 */
export function findTool(name: string): string | undefined {
  const inVenv = join(VENV_BIN, name);
  if (existsSync(inVenv)) return inVenv;
  try {
    return execFileSync('which', [name], { encoding: 'utf8' }).trim() || undefined;
  } catch {
    return undefined;
  }
}

export function toolOrSkip(name: string, why: string): string | undefined {
  const path = findTool(name);
  if (path) return path;
  const message = `${name} is not installed (${why}); run \`npm run setup\``;
  if (process.env.CI === 'true') throw new Error(`${message}. In CI every tool must be present.`);
  console.warn(`SKIPPED: ${message}`);
  return undefined;
}

/** `describe` when the tool is present, `describe.skip` (with the reason printed) otherwise. */
export function describeWithTool(name: string, why: string): jest.Describe {
  return toolOrSkip(name, why) ? describe : describe.skip;
}

import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const FIXTURES = join(REPO_ROOT, '__tests__', 'fixtures');
export const NODE24 = join(REPO_ROOT, '.tools', 'node24', 'bin', 'node');
export const VENV_BIN = join(REPO_ROOT, '.tools', 'venv', 'bin');

export function requireNode24(): string {
  if (!existsSync(NODE24)) {
    throw new Error(`Node 24 is not installed at ${NODE24}; run \`npm run setup\``);
  }
  return NODE24;
}

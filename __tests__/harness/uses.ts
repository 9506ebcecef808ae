import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { parse } from 'yaml';
import { REPO_ROOT } from './paths.js';

export interface UsesReference {
  file: string;
  line: number;
  text: string;
}

const USES = /uses:\s*['"]?((?:aura\/actions(?:\/[^@\s'"]*)?@[^\s'"#]+)|(?:\.\/[^\s'"#]*)|(?:\$\/[^\s'"#]*))/g;

/**
 * Every `uses: aura/actions/...@ref`, `uses: ./...` and `uses: $/...` (the calling workflow's
 * own repository at the same commit) written in a text, with its line.
 */
export function findUsesReferences(file: string, text: string): UsesReference[] {
  const found: UsesReference[] = [];
  text.split('\n').forEach((line, index) => {
    for (const match of line.matchAll(USES)) found.push({ file, line: index + 1, text: match[1]! });
  });
  return found;
}

/**
 * Resolves a reference the way the runner does, against this repository's tree: an action is
 * `<path>/action.yml` (or .yaml) from the root with its main/pre/post files present; a reusable
 * workflow is a file under .github/workflows/ declaring `on: workflow_call`.
 * Returns undefined when it resolves, else why not.
 */
export function resolveUses(reference: string, root = REPO_ROOT): string | undefined {
  let path: string;
  if (reference.startsWith('./') || reference.startsWith('$/')) {
    path = reference.slice(2).replace(/\/+$/, '');
  } else {
    const match = /^aura\/actions(?:\/([^@]*))?@(.+)$/.exec(reference);
    if (!match) return 'not an aura/actions reference';
    path = (match[1] ?? '').replace(/\/+$/, '');
  }
  if (/\.ya?ml$/.test(path)) {
    if (!path.startsWith('.github/workflows/') || path.split('/').length !== 3) {
      return 'reusable workflows must be directly under .github/workflows/';
    }
    const file = join(root, path);
    if (!existsSync(file)) return `${path} does not exist`;
    const workflow = parse(readFileSync(file, 'utf8')) as { on?: unknown; true?: unknown };
    const on = workflow.on ?? workflow.true;
    const triggers = typeof on === 'string' ? [on] : Array.isArray(on) ? on : Object.keys((on as object) ?? {});
    return triggers.includes('workflow_call') ? undefined : `${path} is not callable (no on: workflow_call)`;
  }
  const folder = join(root, path);
  const metadataFile = ['action.yml', 'action.yaml'].map((name) => join(folder, name)).find((f) => existsSync(f));
  if (!metadataFile) return `${path || '(repository root)'}/action.yml does not exist`;
  const metadata = parse(readFileSync(metadataFile, 'utf8')) as { runs?: Record<string, string> };
  const runs = metadata.runs;
  if (!runs?.using) return `${relative(root, metadataFile)} has no runs.using`;
  if (runs.using === 'composite' || runs.using === 'docker') return undefined;
  for (const key of ['pre', 'main', 'post']) {
    const entry = runs[key];
    if (key === 'main' && !entry) return `${relative(root, metadataFile)} has no runs.main`;
    if (entry && !existsSync(join(dirname(metadataFile), entry))) {
      return `${relative(root, metadataFile)} runs.${key} ${entry} does not exist`;
    }
  }
  return undefined;
}

/** README.md, and every workflow file under .github/workflows/ and action-templates/. */
export function filesWithReferences(root = REPO_ROOT): string[] {
  const files: string[] = [];
  if (existsSync(join(root, 'README.md'))) files.push('README.md');
  for (const dir of ['.github/workflows', 'action-templates']) {
    const full = join(root, dir);
    if (!existsSync(full) || !statSync(full).isDirectory()) continue;
    for (const name of readdirSync(full, { recursive: true }) as string[]) {
      if (/\.(ya?ml|md)$/.test(name)) files.push(join(dir, name));
    }
  }
  for (const folder of readdirSync(root)) {
    if (existsSync(join(root, folder, 'README.md')) && existsSync(join(root, folder, 'action.yml'))) {
      files.push(join(folder, 'README.md'));
    }
  }
  return files;
}

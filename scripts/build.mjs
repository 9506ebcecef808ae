#!/usr/bin/env node
// Rebuilds dist/<action>/ for every action (or those named on the command line) with ncc,
// and writes the alias action.yml files from their source. `--out <dir>` builds elsewhere
// (the freshness check builds into a temporary directory and compares).
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ALIASES, BUNDLES } from './actions.mjs';
import { aliasActionYaml } from './alias-action.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
let outRoot = join(root, 'dist');
const outIndex = args.indexOf('--out');
if (outIndex !== -1) {
  outRoot = resolve(args[outIndex + 1]);
  args.splice(outIndex, 2);
}
const selected = args.length > 0 ? args : BUNDLES;
for (const name of selected) {
  if (!BUNDLES.includes(name)) {
    console.error(`build: unknown action '${name}'; known: ${BUNDLES.join(', ')}`);
    process.exit(2);
  }
}

const ncc = join(root, 'node_modules', '@vercel', 'ncc', 'dist', 'ncc', 'cli.js');
for (const name of selected) {
  const out = join(outRoot, name);
  // Built beside the target and swapped in, so a failed build leaves the last bundle in place.
  const fresh = `${out}.building`;
  rmSync(fresh, { recursive: true, force: true });
  mkdirSync(fresh, { recursive: true });
  const started = Date.now();
  try {
    execFileSync(process.execPath, [ncc, 'build', join('src', 'actions', name, 'index.ts'), '-o', fresh, '--quiet', '--target', 'es2023'], {
      cwd: root,
      stdio: 'inherit',
    });
  } catch {
    rmSync(fresh, { recursive: true, force: true });
    console.error(`build: ${name} failed; dist/${name} is unchanged`);
    process.exit(1);
  }
  rmSync(out, { recursive: true, force: true });
  renameSync(fresh, out);
  console.log(`build: ${name} -> ${out} (${Date.now() - started} ms)`);
}

if (outIndex === -1) {
  for (const [alias, { source, name }] of Object.entries(ALIASES)) {
    const text = readFileSync(join(root, source, 'action.yml'), 'utf8');
    writeFileSync(join(root, alias, 'action.yml'), aliasActionYaml(text, source, name));
  }
}

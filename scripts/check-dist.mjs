#!/usr/bin/env node
// Fails when dist/ (or a generated alias action.yml) differs from a fresh build: a changed
// file, a missing one, or a new file that the build would not produce. With GITHUB_STEP_SUMMARY
// set, the differences also go to the job summary.
import { execFileSync, spawnSync } from 'node:child_process';
import { appendFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ALIASES } from './actions.mjs';
import { aliasActionYaml } from './alias-action.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const fresh = mkdtempSync(join(tmpdir(), 'aura-dist-'));

function listFiles(dir) {
  if (!existsSync(dir)) return [];
  const files = [];
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) files.push(relative(dir, join(entry.parentPath, entry.name)));
  }
  return files.sort();
}

try {
  execFileSync(process.execPath, [join(root, 'scripts', 'build.mjs'), '--out', fresh], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
  const committed = new Set(listFiles(join(root, 'dist')));
  const built = new Set(listFiles(fresh));
  const problems = [];
  for (const file of built) {
    if (!committed.has(file)) problems.push(`missing from dist/: ${file}`);
    else if (!readFileSync(join(fresh, file)).equals(readFileSync(join(root, 'dist', file)))) {
      problems.push(`differs from a fresh build: dist/${file}`);
    }
  }
  for (const file of committed) {
    if (!built.has(file)) problems.push(`not produced by the build (stale or stray): dist/${file}`);
  }
  for (const [alias, { source, name }] of Object.entries(ALIASES)) {
    const expected = aliasActionYaml(readFileSync(join(root, source, 'action.yml'), 'utf8'), source, name);
    const actualPath = join(root, alias, 'action.yml');
    if (!existsSync(actualPath) || readFileSync(actualPath, 'utf8') !== expected) {
      problems.push(`${alias}/action.yml is not generated from ${source}/action.yml`);
    }
  }
  if (problems.length > 0) {
    const diff = spawnSync('git', ['diff', '--no-index', '--stat', join(root, 'dist'), fresh], { encoding: 'utf8' }).stdout;
    const report = [...problems, '', diff].join('\n');
    console.error(`check-dist: dist/ is not fresh. Run \`npm run build\` and commit the result.\n${report}`);
    if (process.env.GITHUB_STEP_SUMMARY) {
      appendFileSync(process.env.GITHUB_STEP_SUMMARY, `## dist/ is not fresh\n\nRun \`npm run build\` and commit the result.\n\n\`\`\`\n${report}\n\`\`\`\n`);
    }
    process.exitCode = 1;
  } else {
    console.log('check-dist: dist/ matches a fresh build');
  }
} finally {
  rmSync(fresh, { recursive: true, force: true });
}

// The benchmarks of `npm run bench` and the rows each contributes to the headline table
// (bench/RESULTS.md and the README's Performance section). Plain data, no side effects: the
// test in __tests__/bench reads it to check that every benchmark has its rows in the table.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/**
 * Every bundle the runner executes, from the actions' metadata: `<action>/action.yml` at the
 * repository root whose `runs.main` is `../dist/<bundle>/index.js`. Actions sharing one bundle
 * (gke-rollout and gke-rollout-verify) give one row.
 */
export function bundles(root = ROOT) {
  const byDir = new Map();
  for (const entry of readdirSync(root, { withFileTypes: true })) {
    const metadata = join(root, entry.name, 'action.yml');
    if (!entry.isDirectory() || !existsSync(metadata)) continue;
    const main = /^\s+main:\s*['"]?\.\.\/dist\/([^/'"]+)\//m.exec(readFileSync(metadata, 'utf8'))?.[1];
    if (!main) continue;
    if (!byDir.has(main)) byDir.set(main, []);
    byDir.get(main).push(entry.name);
  }
  return [...byDir.entries()]
    .map(([dir, actions]) => ({ dir, actions: actions.sort((a, b) => (a === dir ? -1 : b === dir ? 1 : a.localeCompare(b))) }))
    .sort((a, b) => a.dir.localeCompare(b.dir));
}

export function bundleRowLabel({ dir, actions }) {
  const others = actions.filter((action) => action !== dir);
  return `Bundle \`dist/${dir}\`${others.length ? ` (also ${others.join(', ')})` : ''}: size; start, spawn → first log line`;
}

/**
 * name: what `npm run bench <name>` runs. rows: row id → the first cell of its row, in table
 * order. A benchmark that only feeds the detailed report (.bench/report.md) says why in `detailOnly`.
 */
export const BENCHES = [
  {
    name: 'change-detection',
    load: () => import('./change-detection.mjs'),
    rows: {
      'change-detection': 'Change detection: 400 services × 40 files, 12,300 changed files in 300 services',
      'error-start': 'detect-changed-services: a start that only reports a missing input',
    },
  },
  {
    name: 'dvc',
    load: () => import('./dvc.mjs'),
    rows: { 'dvc-no-change': 'dvc-repro-and-push: no-change run on the example monorepo, DVC cache restored' },
  },
  {
    name: 'build',
    load: () => import('./build.mjs'),
    rows: { 'build-cache': 'build-scan-push: unchanged rebuild ÷ cold build (Docker engine, BuildKit)' },
  },
  {
    name: 'rollout',
    load: () => import('./rollout.mjs'),
    rows: { 'rollout-latency': 'gke-rollout: crash loop, first crash → rollback started' },
  },
  {
    name: 'bundles',
    load: () => import('./bundles.mjs'),
    get rows() {
      return Object.fromEntries(bundles().map((bundle) => [`bundle:${bundle.dir}`, bundleRowLabel(bundle)]));
    },
  },
  {
    name: 'catalog',
    load: () => import('./catalog.mjs'),
    rows: {},
    detailOnly: 'loading the catalog is part of every start measured above; its breakdown goes to .bench/report.md',
  },
];

/** Modules in bench/ that are not benchmarks. */
export const SUPPORT_MODULES = ['index.mjs', 'lib.mjs', 'registry.mjs', 'results.mjs'];

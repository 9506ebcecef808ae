/**
 * Loader benchmark (not a test: no timing is asserted anywhere). Run it on Node 24:
 *   npm run bench catalog   (or: .tools/node24/bin/node --import tsx bench/catalog/load.ts [services] [runs])
 * Bundles entry.ts with ncc, as the actions are bundled, and loads generated catalogs —
 * `full` (every section for every service) and `lean` (paths, ignore, uses) — each time in a
 * fresh Node process, as an action does at start. For comparison it reads the same text with
 * the general `yaml` package and the same data as JSON. On a shared, busy machine the minimum is
 * the figure least disturbed by other work; the median shows the spread.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseDocument } from 'yaml';
import { parseFast } from '../../src/catalog/fast-yaml.js';
import { generateCatalog } from '../../__tests__/catalog/generate.js';
import { REPO_ROOT } from '../../__tests__/harness/paths.js';

const [, , servicesArg = '400', runsArg = '25'] = process.argv;
const services = Number(servicesArg);
const runs = Number(runsArg);
const work = mkdtempSync(join(tmpdir(), 'catalog-bench-'));

function stats(values: number[]): string {
  const sorted = [...values].sort((a, b) => a - b);
  return `median ${sorted[Math.floor(sorted.length / 2)]?.toFixed(1)} ms, min ${sorted[0]?.toFixed(1)} ms`;
}

try {
  const ncc = join(REPO_ROOT, 'node_modules', '@vercel', 'ncc', 'dist', 'ncc', 'cli.js');
  const bundle = join(work, 'bundle');
  execFileSync(process.execPath, [ncc, 'build', join('bench', 'catalog', 'entry.ts'), '-o', bundle, '--quiet', '--target', 'es2023'], {
    cwd: REPO_ROOT,
    stdio: 'inherit',
  });
  for (const shape of ['full', 'lean'] as const) {
    const text = generateCatalog(services, shape);
    if (parseFast(text) === undefined) throw new Error('the generated catalog should be read by the fast reader');
    const file = join(work, `${shape}.yml`);
    writeFileSync(file, text);
    writeFileSync(`${file}.json`, JSON.stringify(parseDocument(text).toJS()));
    const kib = (Buffer.byteLength(text) / 1024).toFixed(0);
    console.log(`${shape} catalog: ${services} services, ${text.split('\n').length} lines, ${kib} KiB; first read in a fresh process:`);
    for (const reader of ['catalog', 'yaml-package', 'json'] as const) {
      const times: number[] = [];
      for (let run = 0; run < runs; run++) {
        times.push(Number(execFileSync(process.execPath, [join(bundle, 'index.js'), file, reader], { encoding: 'utf8' })));
      }
      const label = reader === 'catalog' ? 'loadCatalog (parse and validate)' : reader === 'yaml-package' ? 'yaml package (parse only)' : 'JSON.parse of the same data';
      console.log(`  ${label.padEnd(34)} ${stats(times)}`);
    }
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}

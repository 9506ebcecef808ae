// Loading the service catalog at an action's start: a generated 400-service catalog, read in a
// fresh Node 24 process by the bundled loader, by the general yaml package, and as JSON.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { NODE24, report, ROOT } from './lib.mjs';

export async function run() {
  const result = spawnSync(NODE24, ['--import', 'tsx', join(ROOT, 'bench', 'catalog', 'load.ts'), '400', '15'], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  if (result.status !== 0) throw new Error(`catalog benchmark failed:\n${result.stdout}\n${result.stderr}`);
  report('Catalog load (400 services, fresh process, bundled loader)', ['```', result.stdout.trim(), '```']);
}

// Loading the service catalog at an action's start: a generated 400-service catalog, read in a
// fresh Node 24 process by the bundled loader, by the general yaml package, and as JSON. Its
// cost is part of every start in the headline table, so it feeds the detailed report and a note.
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
  // "full catalog: ..." then one "  <reader>  median X ms, min Y ms" line per reader.
  const medians = {};
  let shape;
  for (const line of result.stdout.split('\n')) {
    const heading = /^(full|lean) catalog:/.exec(line);
    if (heading) shape = heading[1];
    const figure = /^\s+(loadCatalog|yaml package|JSON\.parse)\b.*?median ([\d.]+) ms/.exec(line);
    if (shape && figure) medians[`${shape}:${figure[1]}`] = `${Math.round(Number(figure[2]))} ms`;
  }
  const get = (key) => medians[key] ?? '?';
  return {
    notes: [
      `Reading a 400-service catalog in a fresh Node 24 process (part of every start above) takes ${get('lean:loadCatalog')} with paths only and ${get('full:loadCatalog')} with every section filled, parse and validation included; the general \`yaml\` package alone takes ${get('lean:yaml package')} and ${get('full:yaml package')} to parse the same text (medians).`,
    ],
  };
}

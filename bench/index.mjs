#!/usr/bin/env node
// `npm run bench [name...]`: runs the benchmarks (all, or those named) and writes .bench/report.md.
import { existsSync } from 'node:fs';
import { NODE24, writeReport } from './lib.mjs';

const BENCHES = {
  'change-detection': () => import('./change-detection.mjs'),
  catalog: () => import('./catalog.mjs'),
  dvc: () => import('./dvc.mjs'),
  rollout: () => import('./rollout.mjs'),
};

if (!existsSync(NODE24)) {
  console.error('bench: Node 24 is missing; run `npm run setup` first');
  process.exit(1);
}
const names = process.argv.slice(2);
for (const name of names) {
  if (!(name in BENCHES)) {
    console.error(`bench: unknown benchmark '${name}'; known: ${Object.keys(BENCHES).join(', ')}`);
    process.exit(2);
  }
}
for (const name of names.length > 0 ? names : Object.keys(BENCHES)) {
  const bench = await BENCHES[name]();
  await bench.run();
}
writeReport();

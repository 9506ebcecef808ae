#!/usr/bin/env node
// `npm run bench [name...]`: runs the benchmarks of bench/registry.mjs (all, or those named).
//
// Every run writes the detailed report, .bench/report.md (not committed). A full run (no names)
// also writes the headline table — each figure, its anchor measured in the same run, the ratio
// and the target — to bench/RESULTS.md and between the `<!-- bench:start -->` and
// `<!-- bench:end -->` markers of the README's Performance section, the same block in both.
//
// A subset run leaves RESULTS.md and the README alone and prints its rows instead: merging rows
// of different runs would put figures measured under different machine load, and anchors of
// different dates, side by side under one date. The table is only ever one run.
//
// A benchmark that cannot run here (a tool, the Docker engine or an anchor's mirror missing)
// says "not measured: <why>" in its row rather than leaving an older figure. One that fails
// does the same with its error, and the command then exits non-zero once the table is written.
import { existsSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { execFileSync } from 'node:child_process';
import { NODE24, notMeasured, ROOT, writeReport } from './lib.mjs';
import { BENCHES } from './registry.mjs';
import { renderBlock, writeResults } from './results.mjs';

if (!existsSync(NODE24)) {
  console.error('bench: Node 24 is missing; run `npm run setup` first');
  process.exit(1);
}
const names = process.argv.slice(2);
for (const name of names) {
  if (!BENCHES.some((bench) => bench.name === name)) {
    console.error(`bench: unknown benchmark '${name}'; known: ${BENCHES.map((bench) => bench.name).join(', ')}`);
    process.exit(2);
  }
}
const selected = names.length > 0 ? BENCHES.filter((bench) => names.includes(bench.name)) : BENCHES;
const full = selected.length === BENCHES.length;

const started = new Date();
const loadAtStart = loadavg()[0];
const rows = [];
const anchors = [];
const notes = [];
let failed = false;
for (const bench of selected) {
  console.log(`\nbench: ${bench.name}`);
  const labels = bench.rows;
  let result;
  try {
    const module = await bench.load();
    result = (await module.run()) ?? {};
  } catch (error) {
    failed = true;
    console.error(`bench: ${bench.name} failed:`, error);
    const why = `the benchmark failed (${String(error?.message ?? error).split('\n')[0].slice(0, 160)})`;
    result = { rows: Object.fromEntries(Object.keys(labels).map((id) => [id, notMeasured(why)])) };
  }
  for (const [id, label] of Object.entries(labels)) {
    const row = result.rows?.[id];
    if (!row) {
      failed = true;
      console.error(`bench: ${bench.name} gave no figure for its row '${id}'`);
    }
    rows.push({ label, target: '—', ...(row ?? notMeasured('the benchmark gave no figure')) });
  }
  for (const line of result.anchors ?? []) if (!anchors.includes(line)) anchors.push(line);
  for (const line of result.notes ?? []) if (!notes.includes(line)) notes.push(line);
}

const cpu = cpus();
const node = execFileSync(NODE24, ['--version'], { encoding: 'utf8' }).trim();
const date = started.toISOString().slice(0, 10);
const facts = [
  `Measured by \`npm run bench\` on ${date}, on a ${cpu.length}-core machine (${cpu[0]?.model.replace(/\s+/g, ' ').trim() ?? 'unknown CPU'}) shared with other work, ` +
    `with Node ${node}. Times are medians of interleaved runs (the anchor and Aura alternate, so drifting load hits both alike); ` +
    'they move by about ±20% with the machine\'s load ' +
    `(load average ${loadAtStart.toFixed(1)} when this run started, ${loadavg()[0].toFixed(1)} when it ended).`,
];
const block = renderBlock({ rows, facts, anchors, notes });
writeReport(`${block.split('\n').slice(2, -1).join('\n')}\n\n`);
console.log(`\n${block}\n`);
if (full) {
  const problem = writeResults(ROOT, block);
  if (problem) {
    console.error(`bench: ${problem}`);
    failed = true;
  } else console.log('bench: the table was written to bench/RESULTS.md and the README\'s Performance section');
} else {
  console.log('bench: a subset ran, so bench/RESULTS.md and the README were left as they are (they hold one full run)');
}
if (failed) process.exit(1);

// The headline table of `npm run bench`: one Markdown block, written to bench/RESULTS.md and
// between the markers of the README's Performance section, so the two cannot drift.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const START = '<!-- bench:start -->';
export const END = '<!-- bench:end -->';
export const HEADER = ['Benchmark', 'Aura', 'Anchor, measured in the same run', 'Aura against the anchor', 'Target'];

const cell = (text) => String(text ?? '—').replace(/\|/g, '\\|').replace(/\s*\n\s*/g, ' ');

/**
 * rows: [{ label, aura, anchor, ratio, target }] in table order; facts: lines about the run
 * (date, machine); anchors: where each anchor came from; notes: what a figure needs to be read.
 */
export function renderBlock({ rows, facts, anchors, notes }) {
  const lines = [
    START,
    '<!-- Written by `npm run bench` (bench/index.mjs): change the benchmarks, not this text. -->',
    '',
    `| ${HEADER.join(' | ')} |`,
    `| ${HEADER.map(() => '---').join(' | ')} |`,
    ...rows.map((row) => `| ${[row.label, row.aura, row.anchor, row.ratio, row.target].map(cell).join(' | ')} |`),
    '',
    ...facts,
    '',
    'Anchors:',
    '',
    ...anchors.map((line) => `- ${line}`),
  ];
  if (notes.length > 0) lines.push('', 'Notes:', '', ...notes.map((line) => `- ${line}`));
  lines.push(END);
  return lines.join('\n');
}

export function resultsFile(block) {
  return [
    '# Benchmark results',
    '',
    'The headline figures of one full `npm run bench` run; the README\'s Performance section is this',
    'same table. The run\'s detailed report (every command timed, minima, spreads) is written to',
    '`.bench/report.md`, which is not committed.',
    '',
    block,
    '',
  ].join('\n');
}

/** The block between the markers (markers included), or undefined when the text has none. */
export function extractBlock(text) {
  const start = text.indexOf(START);
  const end = text.indexOf(END, start);
  if (start === -1 || end === -1) return undefined;
  return text.slice(start, end + END.length);
}

/** The table's rows as arrays of cells (the header and separator left out). */
export function tableRows(block) {
  return block
    .split('\n')
    .filter((line) => line.startsWith('| ') && !line.startsWith('| ---'))
    .slice(1)
    .map((line) =>
      line
        .slice(2, -2)
        .split(/ (?<!\\)\| /)
        .map((text) => text.replace(/\\\|/g, '|')),
    );
}

export function writeResults(root, block) {
  writeFileSync(join(root, 'bench', 'RESULTS.md'), resultsFile(block));
  const readmePath = join(root, 'README.md');
  const readme = readFileSync(readmePath, 'utf8');
  const current = extractBlock(readme);
  if (current === undefined) return `README.md has no ${START} … ${END} markers in its Performance section; it was left as it is`;
  writeFileSync(readmePath, readme.replace(current, () => block));
  return undefined;
}

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { BENCHES, bundles, SUPPORT_MODULES } from '../../bench/registry.mjs';
import { END, extractBlock, HEADER, renderBlock, START, tableRows } from '../../bench/results.mjs';
import { REPO_ROOT } from '../harness/paths.js';

// The headline table of `npm run bench` (no benchmark runs here): the README's Performance
// section is the very table of bench/RESULTS.md, and that table has a row for every benchmark.

const readme = readFileSync(join(REPO_ROOT, 'README.md'), 'utf8');
const results = readFileSync(join(REPO_ROOT, 'bench', 'RESULTS.md'), 'utf8');
const block = extractBlock(results);

describe('bench/RESULTS.md and the README', () => {
  it('hold the same block: the README section between the markers is the table of RESULTS.md', () => {
    expect(block).toBeDefined();
    const performance = readme.slice(readme.indexOf('\n## Performance\n'), readme.indexOf('\n## ', readme.indexOf('\n## Performance\n') + 1));
    expect(performance).toContain(START);
    expect(performance).toContain(END);
    expect(extractBlock(performance)).toBe(block);
  });

  it('has a row for every row of every benchmark, and no row of a benchmark that is gone', () => {
    const labels = BENCHES.flatMap((bench) => Object.values(bench.rows));
    const firstCells = tableRows(block!).map((cells) => cells[0]);
    expect([...firstCells].sort()).toEqual([...labels].sort());
  });

  it('gives every benchmark in bench/ a registry entry, and every one but the detail-only ones a row', () => {
    const modules = readdirSync(join(REPO_ROOT, 'bench')).filter((name) => name.endsWith('.mjs') && !SUPPORT_MODULES.includes(name));
    expect(modules.sort()).toEqual(BENCHES.map((bench) => `${bench.name}.mjs`).sort());
    for (const bench of BENCHES) {
      if (bench.detailOnly) expect({ bench: bench.name, why: bench.detailOnly }).toEqual({ bench: bench.name, why: expect.stringMatching(/\w/) as string });
      else expect({ bench: bench.name, rows: Object.keys(bench.rows).length > 0 }).toEqual({ bench: bench.name, rows: true });
    }
  });

  it('has a bundle row for every bundle under dist/, gke-rollout-verify going with the bundle it runs', () => {
    const dirs = readdirSync(join(REPO_ROOT, 'dist'), { withFileTypes: true }).filter((entry) => entry.isDirectory()).map((entry) => entry.name);
    expect(bundles().map((bundle) => bundle.dir).sort()).toEqual(dirs.sort());
    const rollout = bundles().find((bundle) => bundle.dir === 'gke-rollout');
    expect(rollout?.actions).toEqual(['gke-rollout', 'gke-rollout-verify']);
  });

  it('states each figure and which way each comparison goes', () => {
    expect(tableRows(block!)[0]).toHaveLength(HEADER.length);
    expect(block).toContain(`| ${HEADER.join(' | ')} |`);
    for (const [label, aura, anchor, ratio, target] of tableRows(block!)) {
      expect({ label, aura }).toEqual({ label, aura: expect.stringMatching(/^not measured: \S|\d/) as string });
      expect({ label, anchor }).toEqual({ label, anchor: expect.stringMatching(/^(—|not measured: \S|.*\d)/) as string });
      // A ratio says its direction: "N× faster/slower/smaller/larger/sooner/later" or "+/−X s".
      expect({ label, ratio }).toEqual({
        label,
        ratio: expect.stringMatching(/^—$|\d× (faster|slower|smaller|larger|sooner|later)|[+−]\d+\.\d+ s/) as string,
      });
      expect({ label, target }).toEqual({ label, target: expect.stringMatching(/^—$|: (met|NOT met|not measured)/) as string });
    }
  });

  it('says when, on what machine and Node version it was measured, and where each anchor came from', () => {
    expect(block).toMatch(/on \d{4}-\d{2}-\d{2}, on a \d+-core machine .* with Node v\d+\.\d+\.\d+/);
    const anchors = block!.slice(block!.indexOf('\nAnchors:\n'), block!.indexOf('\nNotes:\n'));
    for (const [label, , anchor] of tableRows(block!)) {
      if (anchor === '—' || anchor!.startsWith('not measured')) continue;
      // The anchor is named as a GitHub project (owner/name) or as a command in backticks.
      const name = /^(?:bare )?(`[^`]+`|[\w.-]+\/[\w.-]+)/.exec(anchor!)?.[1];
      expect({ label, name }).toEqual({ label, name: expect.any(String) as string });
      expect({ label, listed: anchors.includes(`\n- ${name}`) }).toEqual({ label, listed: true });
    }
  });

  it('renders cells so that a | in a figure cannot break the table', () => {
    const rendered = renderBlock({
      rows: [{ label: 'a | b', aura: '1 s', anchor: '—', ratio: '—', target: '—' }],
      facts: ['measured'],
      anchors: [],
      notes: [],
    });
    expect(tableRows(rendered)).toEqual([['a | b', '1 s', '—', '—', '—']]);
  });
});

// Change detection on a generated monorepo of 400 services x 40 files, with 12,300 changed
// files across 300 services: this suite's detect-changed-services bundle against
// dorny/paths-filter's committed dist/index.js (its newest release, from the fetched mirror) with
// equivalent filters, in the same run.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { anchorVersion, compare, git, MIRRORS, ms, NODE24, report, ROOT, runnerEnv, seconds, speed } from './lib.mjs';

const SERVICES = 400;
const FILES_PER_SERVICE = 40;
const CHANGED_SERVICES = 300;

function makeMonorepo(dir) {
  git(dir, 'init', '-q', '-b', 'main');
  const catalog = ['version: 1', 'global:', '  - requirements-base.txt', 'services:'];
  const filters = [];
  for (let s = 0; s < SERVICES; s++) {
    const name = `svc-${String(s).padStart(3, '0')}`;
    const folder = `services/svc_${String(s).padStart(3, '0')}`;
    catalog.push(`  ${name}:`, `    paths: ["${folder}/**"]`, `    ignore: ["**/*.md"]`);
    filters.push(`${name}:`, `  - '${folder}/**'`, `  - 'requirements-base.txt'`);
    for (let f = 0; f < FILES_PER_SERVICE; f++) {
      const sub = f % 4 === 0 ? 'src' : f % 4 === 1 ? 'tests' : f % 4 === 2 ? 'scripts' : 'src/models';
      mkdirSync(join(dir, folder, sub), { recursive: true });
      writeFileSync(join(dir, folder, sub, `file_${f}.py`), `# ${name} file ${f}\n`);
    }
  }
  mkdirSync(join(dir, '.github'), { recursive: true });
  writeFileSync(join(dir, '.github', 'services.yml'), `${catalog.join('\n')}\n`);
  writeFileSync(join(dir, 'filters.yml'), `${filters.join('\n')}\n`);
  writeFileSync(join(dir, 'requirements-base.txt'), 'numpy\n');
  git(dir, 'add', '-A');
  git(dir, 'commit', '-qm', 'base');
  const base = git(dir, 'rev-parse', 'HEAD');
  let changed = 0;
  for (let s = 0; s < CHANGED_SERVICES; s++) {
    const folder = `services/svc_${String(s).padStart(3, '0')}`;
    for (let f = 0; f < FILES_PER_SERVICE; f++) {
      const sub = f % 4 === 0 ? 'src' : f % 4 === 1 ? 'tests' : f % 4 === 2 ? 'scripts' : 'src/models';
      writeFileSync(join(dir, folder, sub, `file_${f}.py`), `# changed\n`);
      changed++;
    }
    writeFileSync(join(dir, folder, 'src', 'added.py'), '# new\n');
    changed++;
  }
  git(dir, 'add', '-A');
  git(dir, 'commit', '-qm', 'head');
  const head = git(dir, 'rev-parse', 'HEAD');
  return { base, head, changed };
}

export async function run() {
  const anchor = anchorVersion('dorny', 'paths-filter');
  const anchorBundle = anchor?.show('dist/index.js');
  const anchorMetadata = anchor?.show('action.yml');
  const dir = mkdtempSync(join(tmpdir(), 'aura-bench-monorepo-'));
  const scratch = mkdtempSync(join(tmpdir(), 'aura-bench-'));
  try {
    const started = performance.now();
    const { base, head, changed } = makeMonorepo(dir);
    console.log(`bench: generated ${SERVICES} services x ${FILES_PER_SERVICE} files, ${changed} changed files (${ms(performance.now() - started)})`);
    const event = { ref: 'refs/heads/main', before: base, after: head, forced: false, repository: { default_branch: 'main' } };
    const ours = join(ROOT, 'dist', 'detect-changed-services', 'index.js');
    const oursMetadata = join(ROOT, 'detect-changed-services', 'action.yml');
    const commands = [
      {
        name: 'git diff --name-only',
        file: 'git',
        args: ['diff', '--name-only', base, head],
        options: { cwd: dir },
      },
      { name: 'node start (Node 24)', file: NODE24, args: ['-e', '0'] },
      {
        name: 'aura detect-changed-services',
        file: NODE24,
        args: [ours],
        options: { cwd: dir, env: runnerEnv(oursMetadata, { workspace: dir, event, parent: scratch, extra: { GITHUB_SHA: head } }).env },
        check: (result) => {
          if (result.status !== 0) throw new Error(`detect-changed-services failed:\n${result.stdout}\n${result.stderr}`);
        },
      },
    ];
    let pathsFilter;
    let pathsFilterMetadata;
    if (anchorBundle && anchorMetadata) {
      pathsFilter = join(scratch, 'paths-filter.js');
      writeFileSync(pathsFilter, anchorBundle);
      pathsFilterMetadata = join(scratch, 'paths-filter.action.yml');
      writeFileSync(pathsFilterMetadata, anchorMetadata);
      commands.push({
        name: 'dorny/paths-filter',
        file: NODE24,
        args: [pathsFilter],
        options: {
          cwd: dir,
          env: runnerEnv(pathsFilterMetadata, {
            workspace: dir,
            event,
            parent: scratch,
            inputs: { filters: 'filters.yml', base, ref: head, token: '', 'list-files': 'none', 'initial-fetch-depth': '100', 'predicate-quantifier': 'some' },
            extra: { GITHUB_SHA: head },
          }).env,
        },
        check: (result) => {
          if (result.status !== 0) throw new Error(`paths-filter failed:\n${result.stdout.slice(-2000)}\n${result.stderr}`);
        },
      });
    } else {
      console.log(`bench: dorny/paths-filter is not fetched here (${anchor ? 'its mirror has no dist/index.js or action.yml' : `expected under ${MIRRORS}`}); its comparison is skipped`);
    }
    const timings = compare(commands, { runs: 15, warmup: 2 });

    const missingInput = [
      {
        name: 'aura: start that reports a missing catalog',
        file: NODE24,
        args: [ours],
        options: { cwd: scratch, env: runnerEnv(oursMetadata, { workspace: scratch, event, parent: scratch, inputs: { catalog: 'missing.yml' } }).env },
        check: (result) => {
          if (result.status === 0) throw new Error('expected a failure for the missing catalog');
        },
      },
    ];
    if (pathsFilter) {
      missingInput.push({
        name: 'paths-filter: start that reports a missing input',
        file: NODE24,
        args: [pathsFilter],
        options: { cwd: scratch, env: runnerEnv(pathsFilterMetadata, { workspace: scratch, event, parent: scratch }).env },
        check: (result) => {
          if (result.status === 0) throw new Error('expected paths-filter to fail without filters');
        },
      });
    }
    const starts = compare(missingInput, { runs: 15, warmup: 2 });

    const lines = ['| command | median wall | min |', '| --- | --- | --- |'];
    for (const [name, t] of Object.entries({ ...timings, ...starts })) lines.push(`| ${name} | ${ms(t.median)} | ${ms(t.min)} |`);
    const oursMedian = timings['aura detect-changed-services'].median;
    lines.push('');
    lines.push(`target: aura at most 0.300 s median — measured ${ms(oursMedian)} (${oursMedian <= 300 ? 'met' : 'NOT met'})`);
    if (pathsFilter) {
      const ratio = timings['dorny/paths-filter'].median / oursMedian;
      lines.push(`ratio: paths-filter / aura = ${ratio.toFixed(2)}x (target at least 4x: ${ratio >= 4 ? 'met' : 'NOT met'})`);
      const startRatio = starts['paths-filter: start that reports a missing input'].median / starts['aura: start that reports a missing catalog'].median;
      lines.push(`error start: paths-filter / aura = ${startRatio.toFixed(2)}x (target: aura no slower, ratio >= 1: ${startRatio >= 1 ? 'met' : 'NOT met'})`);
    }
    report('Change detection (400 services x 40 files, 12,300 changed files in 300 services)', lines);

    const aura = timings['aura detect-changed-services'].median;
    const auraError = starts['aura: start that reports a missing catalog'].median;
    const missing = anchor
      ? 'dorny/paths-filter\'s fetched mirror has no dist/index.js'
      : `dorny/paths-filter is not fetched here (its mirror belongs at ${join(MIRRORS, 'dorny+paths-filter')})`;
    const met = (ok) => (ok ? 'met' : 'NOT met');
    let rows;
    if (pathsFilter) {
      const theirs = timings['dorny/paths-filter'].median;
      const theirsError = starts['paths-filter: start that reports a missing input'].median;
      rows = {
        'change-detection': {
          aura: seconds(aura, 3),
          anchor: `dorny/paths-filter ${seconds(theirs, 3)}`,
          ratio: speed(theirs, aura),
          target: `≤ 0.3 s: ${met(aura <= 300)}; ≥ 4× faster: ${met(theirs / aura >= 4)}`,
        },
        'error-start': {
          aura: seconds(auraError, 3),
          anchor: `dorny/paths-filter ${seconds(theirsError, 3)}`,
          ratio: speed(theirsError, auraError),
          target: `no slower than paths-filter: ${met(auraError <= theirsError)}`,
        },
      };
    } else {
      rows = {
        'change-detection': { aura: seconds(aura, 3), anchor: `not measured: ${missing}`, ratio: '—', target: `≤ 0.3 s: ${met(aura <= 300)}; ≥ 4× faster: not measured` },
        'error-start': { aura: seconds(auraError, 3), anchor: `not measured: ${missing}`, ratio: '—', target: 'no slower than paths-filter: not measured' },
      };
    }
    return {
      rows,
      anchors: pathsFilter ? [anchor.origin('dist/index.js')] : [],
      notes: [
        'dorny/paths-filter ran on the same generated change with filters equivalent to the catalog\'s (one filter per service, plus the global file).',
        `For scale, in the same run: \`git diff --name-only\` of that change ${seconds(timings['git diff --name-only'].median, 3)}, a bare Node 24 start ${seconds(timings['node start (Node 24)'].median, 3)}.`,
      ],
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
    rmSync(scratch, { recursive: true, force: true });
  }
}

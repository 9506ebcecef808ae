// Each bundle the runner executes (dist/<bundle>/, from the actions' metadata): its size (the
// .js files of its folder, lazily loaded chunks included) and its start, from spawning Node 24
// on it to the first byte of its log, the way the runner starts a step (INPUT_* with action.yml's
// defaults, the event, output, state and summary files) but with none of the inputs a real step
// would set, in an empty workspace: what every step pays before its own work.
// Anchors: the committed bundle of the action a team would otherwise use for the same job, in
// its newest release from the fetched mirror, measured the same way in the same run.
import { mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, extname, join, posix } from 'node:path';
import { parse } from 'yaml';
import { anchorVersion, compareStarts, megabytes, MIRRORS, NODE24, report, ROOT, runnerEnv, seconds, size, speed } from './lib.mjs';
import { bundles } from './registry.mjs';

const RUNS = 15;
const WARMUP = 2;
const JS = new Set(['.js', '.cjs', '.mjs']);

/** The action a team would otherwise use for each bundle's job, where one ships a JavaScript bundle. */
const ANCHORS = {
  'detect-changed-services': { owner: 'dorny', name: 'paths-filter' },
  'build-scan-push': { owner: 'docker', name: 'build-push-action' },
  'gke-rollout': { owner: 'Azure', name: 'k8s-deploy' },
};

/** Why a bundle has no anchor. */
const NO_ANCHOR = {
  'dvc-repro-and-push':
    'dvc-repro-and-push has no JavaScript-action counterpart: teams run `dvc repro` and `dvc push` in shell steps after iterative/setup-dvc, which only installs DVC.',
  'metrics-regression-gate':
    'metrics-regression-gate\'s counterpart is CML\'s `cml comment` (iterative/cml), an npm command-line tool with no committed action bundle to compare.',
};

const START_TARGETS = { 'gke-rollout': 500 };

function ourBundle(dir) {
  const folder = join(ROOT, 'dist', dir);
  const files = readdirSync(folder)
    .filter((name) => JS.has(extname(name)))
    .map((name) => ({ name, bytes: statSync(join(folder, name)).size }));
  return {
    entry: join(folder, 'index.js'),
    total: files.reduce((sum, file) => sum + file.bytes, 0),
    files: files.length,
    index: files.find((file) => file.name === 'index.js')?.bytes ?? 0,
  };
}

/** An anchor's committed bundle, written out with its action.yml and package.json (module type). */
function anchorBundle(project, scratch) {
  const version = anchorVersion(project.owner, project.name);
  if (!version) return { missing: `${project.owner}/${project.name} is not fetched here (its mirror belongs at ${join(MIRRORS, `${project.owner}+${project.name}`)})` };
  const metadataName = ['action.yml', 'action.yaml'].find((name) => version.show(name) !== undefined);
  if (!metadataName) return { missing: `${version.project} ${version.ref} has no action.yml` };
  const metadataText = version.show(metadataName);
  const main = parse(metadataText.toString('utf8'))?.runs?.main;
  if (!main) return { missing: `${version.project} ${version.ref} is not a JavaScript action` };
  const files = version.list(posix.dirname(main)).filter((file) => JS.has(posix.extname(file.path)) && Number.isFinite(file.size));
  if (!files.some((file) => file.path === main)) return { missing: `${version.project} ${version.ref} does not commit its bundle ${main}` };
  const root = join(scratch, `${project.owner}+${project.name}`);
  for (const file of [...files.map((f) => f.path), 'package.json', metadataName]) {
    const content = version.show(file);
    if (content === undefined) continue;
    mkdirSync(dirname(join(root, file)), { recursive: true });
    writeFileSync(join(root, file), content);
  }
  return {
    version,
    main,
    entry: join(root, main),
    metadata: join(root, metadataName),
    total: files.reduce((sum, file) => sum + file.size, 0),
    files: files.length,
  };
}

export async function run() {
  const scratch = mkdtempSync(join(tmpdir(), 'aura-bench-bundles-'));
  try {
    const workspace = join(scratch, 'workspace');
    mkdirSync(workspace);
    const programs = [];
    const measured = [];
    for (const bundle of bundles()) {
      const ours = ourBundle(bundle.dir);
      programs.push({
        name: bundle.dir,
        file: NODE24,
        args: [ours.entry],
        options: { cwd: workspace, env: runnerEnv(join(ROOT, bundle.dir, 'action.yml'), { workspace, parent: scratch }).env },
      });
      const project = ANCHORS[bundle.dir];
      const anchor = project ? anchorBundle(project, scratch) : { missing: NO_ANCHOR[bundle.dir] ?? `no anchor is known for ${bundle.dir}` };
      if (anchor.entry) {
        programs.push({
          name: `anchor:${bundle.dir}`,
          file: NODE24,
          args: [anchor.entry],
          options: { cwd: workspace, env: runnerEnv(anchor.metadata, { workspace, parent: scratch }).env },
        });
      }
      measured.push({ bundle, ours, anchor });
    }
    console.log(`bench: starting ${programs.length} bundles, ${RUNS + WARMUP} interleaved rounds`);
    const starts = await compareStarts(programs, { runs: RUNS, warmup: WARMUP });

    const lines = ['| bundle | .js files | size | start: median | min | printed before exit |', '| --- | --- | --- | --- | --- | --- |'];
    const rows = {};
    const anchors = [];
    const notes = [];
    for (const { bundle, ours, anchor } of measured) {
      const start = starts[bundle.dir];
      lines.push(`| dist/${bundle.dir} | ${ours.files} | ${megabytes(ours.total)} | ${seconds(start.median, 3)} | ${seconds(start.min, 3)} | ${start.printed ? 'yes' : 'no'} |`);
      const chunks = ours.files > 1 ? ` (index.js ${megabytes(ours.index)}, ${ours.files - 1} chunk${ours.files > 2 ? 's' : ''} loaded on demand)` : '';
      const target = START_TARGETS[bundle.dir];
      const row = {
        aura: `${megabytes(ours.total)}${chunks}; ${seconds(start.median, 3)}`,
        target: target ? `start < ${seconds(target, 1)}: ${start.median < target ? 'met' : 'NOT met'}` : '—',
      };
      if (anchor.entry) {
        const theirs = starts[`anchor:${bundle.dir}`];
        lines.push(`| ${anchor.version.project} ${anchor.version.ref} ${anchor.main} | ${anchor.files} | ${megabytes(anchor.total)} | ${seconds(theirs.median, 3)} | ${seconds(theirs.min, 3)} | ${theirs.printed ? 'yes' : 'no'} |`);
        row.anchor = `${anchor.version.project}: ${megabytes(anchor.total)}; ${seconds(theirs.median, 3)}`;
        row.ratio = `${size(anchor.total, ours.total)}; starts ${speed(theirs.median, start.median)}`;
        anchors.push(anchor.version.origin(anchor.main));
      } else {
        row.anchor = '—';
        row.ratio = '—';
        notes.push(`No anchor for \`dist/${bundle.dir}\`: ${anchor.missing}`);
      }
      rows[`bundle:${bundle.dir}`] = row;
    }
    report(`Bundles: size and start to the first log line (Node 24, ${RUNS} interleaved runs, no inputs set)`, lines);
    notes.unshift(
      'Bundle size is every .js file of the bundle\'s folder; start is the median time from spawning Node 24 on it to the first byte of its log, run as the runner runs a step (an anchor with its own action.yml\'s defaults) but with none of a real step\'s inputs set, so each stops at its first input check.',
    );
    notes.push('aquasecurity/trivy-action, which covers build-scan-push\'s scan, is a composite action around the Trivy binary: it has no JavaScript bundle to compare.');
    return { rows, anchors, notes };
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

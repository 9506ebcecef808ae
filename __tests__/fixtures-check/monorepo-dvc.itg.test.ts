import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { git, removeDir } from '../harness/git.js';
import { toolOrSkip } from '../harness/tools.js';
import { MONOREPO, SERVICES, copyFixture } from './monorepo.js';

/**
 * Real DVC on the example monorepo: the pipelines reproduce, and a change to one params.yaml
 * key makes DVC want to re-run exactly the stages the fixture says depend on it — the facts
 * the change-detection and dvc-repro-and-push tests rely on.
 */

const dvcPath = toolOrSkip('dvc', 'reproduces the example monorepo pipelines');
const describeWithDvc = dvcPath ? describe : describe.skip;

function dvc(dir: string, ...args: string[]): { status: number; stdout: string; stderr: string } {
  const result = spawnSync(dvcPath!, args, {
    cwd: dir,
    encoding: 'utf8',
    env: { ...process.env, DVC_NO_ANALYTICS: '1', DVC_NO_UPDATER: '1' },
  });
  return { status: result.status ?? 1, stdout: result.stdout, stderr: result.stderr };
}

function staleStages(dir: string): string[] {
  const result = dvc(dir, 'status', '--json');
  if (result.status !== 0) throw new Error(`dvc status failed: ${result.stderr}`);
  return Object.keys(JSON.parse(result.stdout) as Record<string, unknown>).sort();
}

describeWithDvc('the example monorepo under real DVC', () => {
  let dir: string;
  let firstRun: string;

  beforeAll(() => {
    dir = copyFixture('aura-monorepo-dvc-');
    git(dir, 'init', '-q', '-b', 'main');
    git(dir, 'add', '-A');
    git(dir, 'commit', '-q', '-m', 'fixture');
    const repro = dvc(dir, 'repro');
    if (repro.status !== 0) throw new Error(`dvc repro failed:\n${repro.stdout}\n${repro.stderr}`);
    firstRun = repro.stdout;
    git(dir, 'add', '-A');
    git(dir, 'commit', '-q', '-m', 'reproduce');
  }, 120_000);
  afterAll(() => dir && removeDir(dir));

  it('reproduces every stage and writes the committed metrics', () => {
    const ran = [...firstRun.matchAll(/Running stage '([^']+)'/g)].map((match) => match[1]);
    expect(ran.sort()).toEqual(SERVICES.flatMap((service) => service.stages).sort());
    const lock = parse(readFileSync(join(dir, 'dvc.lock'), 'utf8')) as { stages: Record<string, unknown> };
    expect(Object.keys(lock.stages).sort()).toEqual([...ran].sort());
    for (const service of SERVICES) {
      expect(readFileSync(join(dir, service.metricsFile), 'utf8')).toBe(readFileSync(join(MONOREPO, service.metricsFile), 'utf8'));
    }
    expect(git(dir, 'status', '--porcelain')).toBe('');
  });

  it('has nothing to re-run afterwards, even with Python bytecode next to the sources', () => {
    for (const folder of ['services/visual_analysis/src/visual_analysis/__pycache__', 'libs/ml_common/__pycache__']) {
      mkdirSync(join(dir, folder), { recursive: true });
      writeFileSync(join(dir, folder, 'model.cpython-311.pyc'), 'bytecode');
    }
    expect(staleStages(dir)).toEqual([]);
  }, 30_000);

  it.each([
    ['visual.train.epochs', ['visual_train'], ['visual', 'train', 'epochs'], 20],
    ['visual.data.val_fraction', ['visual_data_prep'], ['visual', 'data', 'val_fraction'], 0.4],
    ['outfit.model.num_heads (a listed section)', ['outfit_train'], ['outfit', 'model', 'num_heads'], 2],
    ['conversational.train.epochs (only interpolated)', ['conversational_train'], ['conversational', 'train', 'epochs'], 5],
    ['conversational.rag.retrieval_k (listed and interpolated)', ['conversational_train'], ['conversational', 'rag', 'retrieval_k'], 4],
    ['conversational.qlora.load_in_4bit (used by no stage)', [], ['conversational', 'qlora', 'load_in_4bit'], false],
    ['visual.model.name (used by no stage)', [], ['visual', 'model', 'name'], 'facebook/detr-resnet-101'],
  ] as const)('a change to %s makes DVC re-run %j', (_, expected, path, value) => {
    const file = join(dir, 'params.yaml');
    const original = readFileSync(file, 'utf8');
    try {
      writeFileSync(file, replaceValue(original, path, value));
      expect(staleStages(dir)).toEqual(expected);
    } finally {
      writeFileSync(file, original);
    }
  }, 30_000);

  it('re-runs only the visual training stage after a visual.train.epochs change', () => {
    const file = join(dir, 'params.yaml');
    const original = readFileSync(file, 'utf8');
    try {
      writeFileSync(file, replaceValue(original, ['visual', 'train', 'epochs'], 20));
      const repro = dvc(dir, 'repro');
      expect(repro.status).toBe(0);
      expect([...repro.stdout.matchAll(/Running stage '([^']+)'/g)].map((match) => match[1])).toEqual(['visual_train']);
      expect(git(dir, 'status', '--porcelain').split('\n').sort()).toEqual([' M dvc.lock', ' M metrics/visual_analysis.json', ' M params.yaml']);
    } finally {
      git(dir, 'checkout', '-q', '--', '.');
    }
  }, 60_000);
});

/** params.yaml with one nested key's value replaced in place, comments and layout kept. */
function replaceValue(text: string, path: readonly string[], value: unknown): string {
  const lines = text.split('\n');
  let from = 0;
  path.forEach((key, depth) => {
    const pattern = new RegExp(`^${' '.repeat(depth * 2)}${key}:`);
    const index = lines.findIndex((line, i) => i >= from && pattern.test(line));
    if (index < 0) throw new Error(`params.yaml has no ${path.join('.')}`);
    from = index;
  });
  const indent = ' '.repeat((path.length - 1) * 2);
  lines[from] = `${indent}${path.at(-1)}: ${String(value)}`;
  return lines.join('\n');
}

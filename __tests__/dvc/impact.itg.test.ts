import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ChangedFile, ChangeStatus } from '../../src/changes/types.js';
import { describeStage } from '../../src/dvc/describe.js';
import { analyzeDvcImpact, type DvcImpact, type StageReasonKind } from '../../src/dvc/impact.js';
import { loadPipeline, stageAddress } from '../../src/dvc/pipeline.js';
import { Snapshot } from '../../src/dvc/snapshot.js';
import { parse } from 'yaml';
import { commit, git, makeRepo, removeDir } from '../harness/git.js';
import { findTool, toolOrSkip } from '../harness/tools.js';

/**
 * The DVC impact model against real DVC: a repository whose pipelines were reproduced (so
 * dvc.lock records every stage), then one change at a time; the stages `dvc status` finds
 * changed must be exactly the stages the model marks for a changed definition, changed params,
 * a changed dependency, or as new. (Downstream `upstream` marks are a prediction DVC cannot
 * make before the upstream stage has run, so they are not part of the comparison.)
 */

const DVC_YAML = `vars:
  - config/vars.yaml
stages:
  prepare:
    cmd: rm -rf data/prepared && cp -r data/raw data/prepared
    deps:
      - data/raw
    params:
      - prepare.split
    outs:
      - data/prepared
  train:
    cmd: cat data/prepared/a.txt > model.txt && echo \${train.lr} \${train.epochs} >> model.txt
    deps:
      - data/prepared
    params:
      - train
    outs:
      - model.txt
  evaluate:
    cmd: >-
      echo '{"acc": 0.9}' > metrics.json
    deps:
      - model.txt
    params:
      - evaluate.threshold
    metrics:
      - metrics.json:
          cache: false
  export:
    foreach: \${models}
    do:
      cmd: echo \${item.name} \${item.size} > export_\${key}.txt
      deps:
        - model.txt
      outs:
        - export_\${key}.txt
  sweep:
    matrix:
      opt: [adam, sgd]
      bs: [16, 32]
    cmd: echo \${item.opt} \${item.bs} \${sweep.seed} > sweep_\${key}.txt
    outs:
      - sweep_\${key}.txt
  whole:
    cmd: cp config/model.json whole.txt
    params:
      - config/model.json:
    outs:
      - whole.txt
  flag:
    foreach: \${flags}
    do:
      cmd: echo \${item} > flag_\${item}.txt
      outs:
        - flag_\${item}.txt
  ext:
    cmd: cat data/external/x.txt > ext.txt
    deps:
      - data/external
    outs:
      - ext.txt
  unpack:
    cmd: echo \${cli} > unpack.txt
    outs:
      - unpack.txt
  settings:
    cmd: echo settings > settings.txt
    params:
      - config/settings.toml:
          - optim.lr
    outs:
      - settings.txt
`;

const PARAMS = `# shared hyper-parameters
prepare:
  split: 0.2
train:
  lr: 0.001
  epochs: 3
evaluate:
  threshold: 1
models:
  detr:
    name: detr
    size: 50
  yolo:
    name: yolo
    size: 8
flags: [true, 2, 0.5]
cli:
  lr: 0.5
  verbose: true
  quiet: false
  names: [a, b c]
  opt:
    name: it's
unrelated: a
`;

const SUB_DVC_YAML = `stages:
  index:
    cmd: cat ../model.txt docs/a.md > index.txt
    deps:
      - ../model.txt
      - docs
    params:
      - index.k
    outs:
      - index.txt
`;

const INITIAL: Record<string, string> = {
  'dvc.yaml': DVC_YAML,
  'params.yaml': PARAMS,
  'config/vars.yaml': 'sweep:\n  seed: 1\n',
  'config/model.json': '{"backbone": {"name": "detr", "depth": 50}, "seed": 7}\n',
  'config/settings.toml': '[optim]\nlr = 0.1\nmomentum = 0.9\n',
  'data/raw/a.txt': 'alpha\n',
  'sub/dvc.yaml': SUB_DVC_YAML,
  'sub/params.yaml': 'index:\n  k: 3\n  unused: 0\n',
  'sub/docs/a.md': '# docs\n',
};

const COMPARED: StageReasonKind[] = ['definition', 'params', 'dependency', 'added', 'outputs'];

const dvcBinary = findTool('dvc');
const describeDvc = toolOrSkip('dvc', 'the DVC impact model is checked against real DVC') ? describe : describe.skip;

describeDvc('DVC impact model agrees with real DVC', () => {
  let repo = '';
  let base = '';
  let siteCache = '';
  const env = (): NodeJS.ProcessEnv => ({
    ...process.env,
    DVC_NO_ANALYTICS: '1',
    DVC_SITE_CACHE_DIR: siteCache,
    GIT_AUTHOR_NAME: 'Aura Test',
    GIT_AUTHOR_EMAIL: 'test@aura.example',
    GIT_COMMITTER_NAME: 'Aura Test',
    GIT_COMMITTER_EMAIL: 'test@aura.example',
  });
  const dvc = (...args: string[]): string => {
    try {
      return execFileSync(dvcBinary as string, args, { cwd: repo, env: env(), encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    } catch (e) {
      const { stdout, stderr } = e as { stdout?: string; stderr?: string };
      throw new Error(`dvc ${args.join(' ')} failed:\n${stdout ?? ''}${stderr ?? ''}`);
    }
  };

  beforeAll(() => {
    siteCache = mkdtempSync(join(tmpdir(), 'aura-dvc-site-'));
    repo = makeRepo('aura-dvc-impact-');
    dvc('init', '-q');
    dvc('config', 'core.autostage', 'false');
    commit(repo, { ...INITIAL, 'data/external/x.txt': 'external v1\n' }, 'pipelines');
    git(repo, 'rm', '-q', '-r', '--cached', 'data/external');
    dvc('add', '-q', 'data/external');
    dvc('repro', '--all-pipelines');
    git(repo, 'add', '-A');
    git(repo, 'commit', '-q', '-m', 'reproduced');
    base = git(repo, 'rev-parse', 'HEAD');
    expect(JSON.parse(dvc('status', '--json'))).toEqual({});
  }, 180_000);

  afterAll(() => {
    if (repo) removeDir(repo);
    if (siteCache) removeDir(siteCache);
  });

  function changedFiles(from: string, to: string): ChangedFile[] {
    const fields = git(repo, 'diff', '--name-status', '-z', '-M', from, to).split('\0').filter(Boolean);
    const files: ChangedFile[] = [];
    const statuses: Record<string, ChangeStatus> = { A: 'added', M: 'modified', D: 'deleted', R: 'renamed', C: 'copied', T: 'type-changed' };
    for (let i = 0; i < fields.length; ) {
      const code = fields[i++] as string;
      const status = statuses[code[0] as string] ?? 'unknown';
      if (status === 'renamed' || status === 'copied') {
        const previousPath = fields[i++] as string;
        files.push({ path: fields[i++] as string, status, previousPath });
      } else {
        files.push({ path: fields[i++] as string, status });
      }
    }
    return files;
  }

  const gitReader = async (ref: string, path: string): Promise<string | undefined> => {
    try {
      return execFileSync('git', ['cat-file', 'blob', `${ref}:${path}`], { cwd: repo, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
    } catch {
      return undefined;
    }
  };

  async function modelOf(head: string): Promise<DvcImpact> {
    return analyzeDvcImpact({
      changedFiles: changedFiles(base, head),
      base,
      head,
      pipelines: ['dvc.yaml', 'sub/dvc.yaml'],
      read: gitReader,
    });
  }

  function writeParams(edit: (text: string) => string): void {
    const path = join(repo, 'params.yaml');
    writeFileSync(path, edit(readFileSync(path, 'utf8')));
  }

  /** Applies an edit on top of the reproduced base commit; returns both views of the change. */
  async function compare(edit: (read: (path: string) => string) => Record<string, string | null>) {
    git(repo, 'reset', '-q', '--hard', base);
    const read = (path: string): string => readFileSync(join(repo, path), 'utf8');
    const edits = edit(read);
    for (const [path, text] of Object.entries(edits)) {
      if (text !== null) expect(text).not.toBe(readFileSync(join(repo, path), { encoding: 'utf8', flag: 'a+' }));
    }
    const head = commit(repo, edits, 'change');
    const status = JSON.parse(dvc('status', '--json')) as Record<string, unknown>;
    const impact = await modelOf(head);
    const model = [...impact.stages]
      .filter(([, reasons]) => reasons.some((reason) => COMPARED.includes(reason.kind)))
      .map(([stage]) => stage)
      .sort();
    return { dvc: Object.keys(status).sort(), model, impact, status };
  }

  const cases: [string, (read: (path: string) => string) => Record<string, string | null>, string[]][] = [
    ['one tracked params key', (r) => ({ 'params.yaml': r('params.yaml').replace('split: 0.2', 'split: 0.3') }), ['prepare']],
    ['an unrelated params key', (r) => ({ 'params.yaml': r('params.yaml').replace('unrelated: a', 'unrelated: b') }), []],
    [
      'a templated, tracked params value',
      (r) => ({ 'params.yaml': r('params.yaml').replace('lr: 0.001', 'lr: 0.002') }),
      ['train'],
    ],
    [
      'an int that becomes a float inside a templated command (1 vs 1.0 print differently)',
      (r) => ({ 'params.yaml': r('params.yaml').replace('epochs: 3', 'epochs: 3.0') }),
      ['train'],
    ],
    [
      'an int that becomes an equal bool in a tracked key (Python: 1 == True)',
      (r) => ({ 'params.yaml': r('params.yaml').replace('threshold: 1', 'threshold: true') }),
      [],
    ],
    ['a command edit', (r) => ({ 'dvc.yaml': r('dvc.yaml').replace('"acc": 0.9', '"acc": 0.95') }), ['evaluate']],
    [
      'a comment, key order and quoting edit of dvc.yaml',
      (r) => ({
        'dvc.yaml': `# pipelines\n${r('dvc.yaml')
          .replace('      - prepare.split\n', "      - 'prepare.split'   # split ratio\n")
          .replace('  whole:\n    cmd: cp config/model.json whole.txt\n', '  whole:\n    outs:\n      - "whole.txt"\n    cmd: "cp config/model.json whole.txt"\n')
          .replace('    outs:\n      - whole.txt\n  flag:', '  flag:')}`,
      }),
      [],
    ],
    [
      'a templated value in a vars file (every matrix stage uses it)',
      (r) => ({ 'config/vars.yaml': r('config/vars.yaml').replace('seed: 1', 'seed: 2') }),
      ['sweep@adam-16', 'sweep@adam-32', 'sweep@sgd-16', 'sweep@sgd-32'],
    ],
    [
      'one foreach item',
      (r) => ({ 'params.yaml': r('params.yaml').replace('size: 8', 'size: 9') }),
      ['export@yolo'],
    ],
    [
      'a new foreach item',
      (r) => ({ 'params.yaml': r('params.yaml').replace('    size: 8\n', '    size: 8\n  rtdetr:\n    name: rtdetr\n    size: 20\n') }),
      ['export@rtdetr'],
    ],
    [
      'a new matrix value',
      (r) => ({ 'dvc.yaml': r('dvc.yaml').replace('bs: [16, 32]', 'bs: [16, 32, 64]') }),
      ['sweep@adam-64', 'sweep@sgd-64'],
    ],
    [
      'a mapping unpacked into a command',
      (r) => ({ 'params.yaml': r('params.yaml').replace('quiet: false', 'quiet: true') }),
      ['unpack'],
    ],
    [
      'an edited committed output (cache: false)',
      () => ({ 'metrics.json': '{"acc": 0.1}\n' }),
      ['evaluate'],
    ],
    ['a file added to a dependency directory', () => ({ 'data/raw/b.txt': 'beta\n' }), ['prepare']],
    ['a dependency of a stage in a sub-directory pipeline', () => ({ 'sub/docs/a.md': '# docs v2\n' }), ['sub/dvc.yaml:index']],
    [
      'a params key of the sub-directory pipeline',
      (r) => ({ 'sub/params.yaml': r('sub/params.yaml').replace('k: 3', 'k: 4') }),
      ['sub/dvc.yaml:index'],
    ],
    [
      'a whole-file JSON params dependency',
      (r) => ({ 'config/model.json': r('config/model.json').replace('"seed": 7', '"seed": 8') }),
      ['whole'],
    ],
    [
      'a reformatted JSON params file',
      (r) => ({ 'config/model.json': JSON.stringify(JSON.parse(r('config/model.json')), null, 4) }),
      [],
    ],
    [
      'a tracked TOML key',
      (r) => ({ 'config/settings.toml': r('config/settings.toml').replace('lr = 0.1', 'lr = 0.01') }),
      ['settings'],
    ],
    [
      'an untracked TOML key',
      (r) => ({ 'config/settings.toml': r('config/settings.toml').replace('momentum = 0.9', 'momentum = 0.95') }),
      [],
    ],
  ];

  it.each(cases)('%s', async (_label, edit, expected) => {
    const { dvc: dvcStages, model, impact } = await compare(edit);
    expect(dvcStages).toEqual(expected);
    expect(model).toEqual(dvcStages);
    expect(impact.warnings).toEqual([]);
  }, 60_000);

  it('explains a params change with the key and its old and new values', async () => {
    const { impact } = await compare((r) => ({ 'params.yaml': r('params.yaml').replace('split: 0.2', 'split: 0.25') }));
    expect(describeStage('prepare', impact.stages.get('prepare') ?? [])).toBe('prepare: params prepare.split 0.2 -> 0.25');
    expect(impact.stages.get('train')).toEqual([{ kind: 'upstream', stage: 'prepare', dep: 'data/prepared' }]);
  }, 60_000);

  it('differs from dvc status on purpose for a dependency removed from a stage', async () => {
    // DVC only re-checks the dependencies a stage still lists, so dropping one changes nothing
    // for `dvc status`; the stage's definition did change, and the model says so.
    const { dvc: dvcStages, impact } = await compare((r) => ({
      'sub/dvc.yaml': r('sub/dvc.yaml').replace('      - docs\n', ''),
    }));
    expect(dvcStages).toEqual([]);
    expect(impact.stages.get('sub/dvc.yaml:index')).toEqual([
      { kind: 'definition', dvcfile: 'sub/dvc.yaml', fields: ['deps'], templated: [] },
    ]);
  }, 60_000);

  it('resolves every command exactly as DVC recorded it in dvc.lock', async () => {
    git(repo, 'reset', '-q', '--hard', base);
    const recorded = new Map<string, unknown>();
    for (const dvcfile of ['dvc.yaml', 'sub/dvc.yaml']) {
      const lock = parse(readFileSync(join(repo, dvcfile.replace('dvc.yaml', 'dvc.lock')), 'utf8')) as {
        stages: Record<string, { cmd: unknown }>;
      };
      for (const [name, entry] of Object.entries(lock.stages)) recorded.set(stageAddress(dvcfile, name), entry.cmd);
    }
    const snapshot = new Snapshot(base, gitReader);
    const resolved = new Map<string, unknown>();
    for (const dvcfile of ['dvc.yaml', 'sub/dvc.yaml']) {
      const pipeline = await loadPipeline(dvcfile, (await snapshot.text(dvcfile)) as string, snapshot.loadParams);
      for (const stage of pipeline.stages) resolved.set(stage.name, stage.cmd);
    }
    expect(Object.fromEntries(resolved)).toEqual(Object.fromEntries(recorded));
    expect(resolved.get('unpack')).toBe("echo --lr 0.5 --verbose --names a 'b c' --opt.name 'it'\"'\"'s' > unpack.txt");
    expect([...resolved.keys()]).toEqual(expect.arrayContaining(['flag@True', 'flag@2', 'flag@0.5']));
  }, 60_000);

  /** Leaves the workspace as the base commit recorded it, outputs included. */
  function restoreBase(): void {
    git(repo, 'reset', '-q', '--hard', base);
    dvc('checkout', '-q', '--force');
    expect(JSON.parse(dvc('status', '--json'))).toEqual({});
  }

  it('follows data tracked by a .dvc file into the stages that depend on it', async () => {
    try {
      git(repo, 'reset', '-q', '--hard', base);
      writeFileSync(join(repo, 'data/external/x.txt'), 'external v2\n');
      dvc('add', '-q', 'data/external');
      git(repo, 'add', '-A');
      git(repo, 'commit', '-q', '-m', 'new external data');
      const head = git(repo, 'rev-parse', 'HEAD');
      const status = JSON.parse(dvc('status', '--json')) as Record<string, unknown>;
      const impact = await modelOf(head);
      expect(Object.keys(status)).toEqual(['ext']);
      expect(impact.stages.get('ext')).toEqual([{ kind: 'dependency', dep: 'data/external', files: ['data/external.dvc'] }]);
    } finally {
      restoreBase();
    }
  }, 90_000);

  it('differs from dvc status on purpose for results reproduced and committed with dvc.lock', async () => {
    // After `dvc repro` and a commit of its results, dvc status finds nothing to run; the model
    // reports what the commit changed: the stage's definition and params, its new outputs, and
    // the downstream stages (whose own outputs changed when their content did).
    try {
      git(repo, 'reset', '-q', '--hard', base);
      writeParams((text) => text.replace('epochs: 3', 'epochs: 4'));
      dvc('repro', '-q', '--all-pipelines');
      git(repo, 'add', '-A');
      git(repo, 'commit', '-q', '-m', 'retrained');
      const head = git(repo, 'rev-parse', 'HEAD');
      expect(JSON.parse(dvc('status', '--json'))).toEqual({});
      const impact = await modelOf(head);
      const kinds = Object.fromEntries([...impact.stages].map(([stage, reasons]) => [stage, reasons.map((r) => r.kind)]));
      expect(kinds).toEqual({
        train: ['definition', 'params', 'outputs'],
        evaluate: ['upstream'],
        'export@detr': ['upstream'],
        'export@yolo': ['upstream'],
        'sub/dvc.yaml:index': ['outputs', 'upstream'],
      });
      expect(impact.stages.get('train')?.find((r) => r.kind === 'outputs')).toEqual({
        kind: 'outputs',
        files: ['model.txt'],
        lockfile: 'dvc.lock',
      });
    } finally {
      restoreBase();
    }
  }, 120_000);

  it('lists the stage names DVC itself lists', async () => {
    git(repo, 'reset', '-q', '--hard', base);
    const listed = dvc('stage', 'list', '--all', '--name-only')
      .split('\n')
      // `.dvc` files that track data are listed too; they are not pipeline stages.
      .filter((name) => name !== '' && !name.endsWith('.dvc'))
      .sort();
    const impact = await analyzeDvcImpact({
      changedFiles: [
        { path: 'dvc.yaml', status: 'added' },
        { path: 'sub/dvc.yaml', status: 'added' },
      ],
      base: '4b825dc642cb6eb9a060e54bf8d69288fbee4904',
      head: base,
      read: async (ref, path) => (ref === base ? gitReader(ref, path) : undefined),
    });
    expect([...impact.stages.keys()].sort()).toEqual(listed);
  }, 60_000);
});

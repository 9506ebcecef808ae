import { ConfigurationError } from '../../src/core/errors.js';
import { describeStage } from '../../src/dvc/describe.js';
import { analyzeDvcImpact, describeStageReasons } from '../../src/dvc/impact.js';
import { type Files, impactOf, kinds, memoryChange, reasonsOf } from './memory.js';

const PARAMS = `# hyper-parameters
visual:
  train:
    lr: 0.001
    epochs: 10
  data:
    size: 640
outfit:
  k: 5
unrelated: 1
`;

const DVC_YAML = `stages:
  visual_data_prep:
    cmd: python services/visual_analysis/scripts/prepare_data.py
    deps:
      - services/visual_analysis/scripts/prepare_data.py
      - data/raw/visual
    params:
      - visual.data
    outs:
      - data/prepared/visual
  visual_train:
    cmd: python services/visual_analysis/scripts/train.py --lr \${visual.train.lr}
    deps:
      - services/visual_analysis/scripts/train.py
      - data/prepared/visual
    params:
      - visual.train
    outs:
      - models/visual
    metrics:
      - metrics/visual_analysis.json:
          cache: false
  visual_eval:
    cmd: python eval.py
    deps: [models/visual]
    outs: [reports/visual]
  outfit_train:
    cmd: python services/outfit_recommendation/scripts/train.py
    deps: [services/outfit_recommendation/scripts/train.py]
    params: [outfit.k]
    outs: [models/outfit]
`;

const BASE: Files = {
  'dvc.yaml': DVC_YAML,
  'params.yaml': PARAMS,
  'services/visual_analysis/scripts/train.py': 'print(1)\n',
  'services/outfit_recommendation/scripts/train.py': 'print(2)\n',
  'README.md': '# aura\n',
};

function withFiles(files: Files): Files {
  return { ...BASE, ...files };
}

describe('reading only what is needed', () => {
  it('reads nothing when nothing changed', async () => {
    const impact = await impactOf(BASE, BASE);
    expect(impact.stages.size).toBe(0);
    expect(impact.reads).toEqual([]);
  });

  it('reads only the head dvc.yaml when an unrelated file changed', async () => {
    const impact = await impactOf(BASE, withFiles({ 'README.md': '# aura!\n' }));
    expect(impact.stages.size).toBe(0);
    expect(impact.reads).toEqual(['head:dvc.yaml', 'head:params.yaml']);
  });

  it('reads no params file for a dvc.yaml without templating', async () => {
    const plain = DVC_YAML.replace(' --lr ${visual.train.lr}', '');
    const impact = await impactOf(withFiles({ 'dvc.yaml': plain }), withFiles({ 'dvc.yaml': plain, 'README.md': 'x' }));
    expect(impact.reads).toEqual(['head:dvc.yaml']);
  });
});

describe('a change to dvc.yaml', () => {
  it('marks only the stage whose command changed', async () => {
    const head = withFiles({ 'dvc.yaml': DVC_YAML.replace('scripts/train.py\n    deps', 'scripts/train.py --amp\n    deps') });
    const impact = await impactOf(BASE, head);
    expect(kinds(impact)).toEqual({ outfit_train: ['definition'] });
    expect(reasonsOf(impact, 'outfit_train')).toEqual([{ kind: 'definition', dvcfile: 'dvc.yaml', fields: ['cmd'], templated: [] }]);
  });

  it('ignores comments, key order, quoting, flow style and desc', async () => {
    const cosmetic = `# the pipeline
stages:
  outfit_train:
    outs: ["models/outfit"]   # model
    params:
      - 'outfit.k'
    deps:
      - services/outfit_recommendation/scripts/train.py
    cmd: "python services/outfit_recommendation/scripts/train.py"
    desc: trains the outfit model
${DVC_YAML.split('\n').slice(1).join('\n').split('  outfit_train:')[0]}`;
    const impact = await impactOf(BASE, withFiles({ 'dvc.yaml': cosmetic }));
    expect(impact.stages.size).toBe(0);
    expect(impact.reads).toContain('base:dvc.yaml');
  });

  it('names each changed field: deps, outs, metrics, params, wdir, frozen, always_changed', async () => {
    const head = DVC_YAML.replace('      - data/raw/visual\n', '')
      .replace('      - models/visual\n', '      - models/visual\n      - models/extra\n')
      .replace('          cache: false', '          cache: true')
      .replace('    params: [outfit.k]', '    params: [outfit.k, outfit.j]\n    wdir: .\n    always_changed: true')
      .replace('    deps: [models/visual]', '    deps: [models/visual]\n    wdir: reports\n    frozen: true');
    const impact = await impactOf(BASE, withFiles({ 'dvc.yaml': head }));
    const fields = Object.fromEntries(
      [...impact.stages].map(([name, reasons]) => [name, reasons.flatMap((r) => (r.kind === 'definition' ? r.fields : []))]),
    );
    expect(fields).toEqual({
      visual_data_prep: ['deps'],
      visual_train: ['outs', 'metrics'],
      visual_eval: ['wdir', 'frozen'],
      outfit_train: ['params', 'always_changed'],
    });
  });

  it('treats an output flag at its default value as no change', async () => {
    const head = DVC_YAML.replace('    outs: [models/outfit]', '    outs:\n      - models/outfit:\n          cache: true');
    expect((await impactOf(BASE, withFiles({ 'dvc.yaml': head }))).stages.size).toBe(0);
  });

  it('reports added and removed stages', async () => {
    const head = DVC_YAML.replace(/ {2}visual_eval:\n(?: {4}.*\n)+/, '') + '  chat_index:\n    cmd: python index.py\n';
    const impact = await impactOf(BASE, withFiles({ 'dvc.yaml': head }));
    expect(kinds(impact)).toEqual({ chat_index: ['added'], visual_eval: ['removed'] });
  });

  it('reports every stage of a deleted dvc.yaml as removed', async () => {
    const head = withFiles({});
    delete head['dvc.yaml'];
    const impact = await impactOf(BASE, head);
    expect(kinds(impact)).toEqual({
      visual_data_prep: ['removed'],
      visual_train: ['removed'],
      visual_eval: ['removed'],
      outfit_train: ['removed'],
    });
  });

  it('finds changed dvc.yaml files anywhere and names their stages path:name', async () => {
    const sub = 'stages:\n  index:\n    cmd: python index.py\n';
    const impact = await impactOf(
      withFiles({ 'services/chat/dvc.yaml': sub }),
      withFiles({ 'services/chat/dvc.yaml': sub.replace('index.py', 'index.py --rebuild') }),
    );
    expect(kinds(impact)).toEqual({ 'services/chat/dvc.yaml:index': ['definition'] });
  });

  it('names the stages of a moved dvc.yaml by its new location, unchanged when only moved', async () => {
    const sub = 'stages:\n  index:\n    cmd: python index.py\n    deps: [index.py]\n';
    const base = withFiles({ 'chat/dvc.yaml': sub, 'chat/index.py': 'x' });
    const head = withFiles({ 'services/chat/dvc.yaml': sub, 'services/chat/index.py': 'x' });
    delete head['chat/dvc.yaml'];
    delete head['chat/index.py'];
    const renames = { 'chat/dvc.yaml': 'services/chat/dvc.yaml', 'chat/index.py': 'services/chat/index.py' };
    const impact = await impactOf(base, head, { renames, pipelines: ['dvc.yaml', 'chat/dvc.yaml'] });
    expect(kinds(impact)).toEqual({ 'services/chat/dvc.yaml:index': ['dependency'] });

    const edited = { ...head, 'services/chat/dvc.yaml': sub.replace('index.py\n', 'index.py --all\n') };
    expect(kinds(await impactOf(base, edited, { renames }))).toEqual({
      'services/chat/dvc.yaml:index': ['definition', 'dependency'],
    });
  });

  it('fails with file:line:column when the head dvc.yaml is malformed', async () => {
    const head = withFiles({ 'dvc.yaml': DVC_YAML.replace('    deps: [models/visual]', '    deps: [models/visual') });
    const change = memoryChange(BASE, head);
    const run = analyzeDvcImpact({ ...change, base: 'base', head: 'head' });
    await expect(run).rejects.toBeInstanceOf(ConfigurationError);
    await expect(run).rejects.toMatchObject({ location: { file: 'dvc.yaml', line: expect.any(Number) } });
    await expect(run).rejects.toThrow(/^dvc\.yaml:\d+:\d+: not valid YAML/);
  });

  it('warns and treats every head stage as changed when the base dvc.yaml is malformed', async () => {
    const base = withFiles({ 'dvc.yaml': `${DVC_YAML}  broken: [\n` });
    const impact = await impactOf(base, BASE);
    expect(impact.warnings).toEqual([expect.stringMatching(/^dvc\.yaml could not be read at the base commit \(dvc\.yaml:\d+:\d+: not valid YAML/)]);
    expect(kinds(impact)).toEqual({
      visual_data_prep: ['definition'],
      visual_train: ['definition', 'upstream'],
      visual_eval: ['definition', 'upstream'],
      outfit_train: ['definition'],
    });
    expect(reasonsOf(impact, 'outfit_train')[0]).toMatchObject({ baseUnreadable: true });
  });
});

describe('a change to params', () => {
  it('marks only the stages that track the changed key, with old -> new values', async () => {
    const impact = await impactOf(BASE, withFiles({ 'params.yaml': PARAMS.replace('k: 5', 'k: 7') }));
    expect(kinds(impact)).toEqual({ outfit_train: ['params'] });
    expect(reasonsOf(impact, 'outfit_train')).toEqual([
      { kind: 'params', changes: [{ file: 'params.yaml', key: 'outfit.k', before: 5, after: 7, beforeText: '5', afterText: '7' }] },
    ]);
  });

  it('marks nothing for a changed key no stage tracks, nor for a comment or reformatting', async () => {
    const head = PARAMS.replace('unrelated: 1', 'unrelated: 2').replace('# hyper-parameters', '# tuned').replace('k: 5', 'k: 5.0');
    const impact = await impactOf(BASE, withFiles({ 'params.yaml': head }));
    expect(impact.stages.size).toBe(0);
  });

  it('covers every key under a tracked prefix and explains a templated command change', async () => {
    const impact = await impactOf(BASE, withFiles({ 'params.yaml': PARAMS.replace('lr: 0.001', 'lr: 0.002') }));
    expect(describeStage('visual_train', reasonsOf(impact, 'visual_train'))).toBe(
      'visual_train: cmd changed (templated visual.train.lr 0.001 -> 0.002); params visual.train.lr 0.001 -> 0.002',
    );
    expect(kinds(impact)).toEqual({ visual_train: ['definition', 'params'], visual_eval: ['upstream'] });
  });

  it('reports a key removed from or added under a tracked prefix', async () => {
    const head = PARAMS.replace('    epochs: 10\n', '    warmup: 2\n');
    const [reason] = reasonsOf(await impactOf(BASE, withFiles({ 'params.yaml': head })), 'visual_train');
    expect(reason).toMatchObject({
      kind: 'params',
      changes: [
        { key: 'visual.train.epochs', before: 10, beforeText: '10', afterText: '(missing)' },
        { key: 'visual.train.warmup', after: 2, beforeText: '(missing)', afterText: '2' },
      ],
    });
  });

  it('tracks a whole file, and custom files by key (JSON and TOML)', async () => {
    const dvcYaml = `stages:
  whole:
    cmd: a
    params:
      - config/model.json:
  keyed:
    cmd: b
    params:
      - config/model.json: [backbone.name]
      - config/train.toml: [optim.lr]
`;
    const json = '{"backbone": {"name": "detr", "depth": 50}, "seed": 1}';
    const toml = '[optim]\nlr = 0.1\nmomentum = 0.9\n';
    const base = { 'dvc.yaml': dvcYaml, 'config/model.json': json, 'config/train.toml': toml };
    const seed = await impactOf(base, { ...base, 'config/model.json': json.replace('"seed": 1', '"seed": 2') });
    expect(kinds(seed)).toEqual({ whole: ['params'] });
    expect(reasonsOf(seed, 'whole')[0]).toMatchObject({ changes: [{ file: 'config/model.json', key: 'seed' }] });

    const name = await impactOf(base, { ...base, 'config/model.json': json.replace('detr', 'yolo') });
    expect(kinds(name)).toEqual({ whole: ['params'], keyed: ['params'] });

    const momentum = await impactOf(base, { ...base, 'config/train.toml': toml.replace('0.9', '0.95') });
    expect(momentum.stages.size).toBe(0);
    const lr = await impactOf(base, { ...base, 'config/train.toml': toml.replace('lr = 0.1', 'lr = 0.01') });
    expect(reasonsOf(lr, 'keyed')).toEqual([
      {
        kind: 'params',
        changes: [{ file: 'config/train.toml', key: 'optim.lr', before: 0.1, after: 0.01, beforeText: '0.1', afterText: '0.01' }],
      },
    ]);
  });

  it('treats params.yaml relative to the stage wdir', async () => {
    const dvcYaml = 'stages:\n  a:\n    cmd: a\n    wdir: svc\n    params: [lr]\n';
    const base = { 'dvc.yaml': dvcYaml, 'params.yaml': 'lr: 1\n', 'svc/params.yaml': 'lr: 1\n' };
    expect((await impactOf(base, { ...base, 'params.yaml': 'lr: 2\n' })).stages.size).toBe(0);
    expect(kinds(await impactOf(base, { ...base, 'svc/params.yaml': 'lr: 2\n' }))).toEqual({ a: ['params'] });
  });

  it('marks a templated stage whose command changed because a value changed type (1 -> 1.0)', async () => {
    const dvcYaml = 'stages:\n  t:\n    cmd: train --epochs ${epochs}\n  p:\n    cmd: p\n    params: [epochs]\n';
    const base = { 'dvc.yaml': dvcYaml, 'params.yaml': 'epochs: 1\n' };
    const impact = await impactOf(base, { ...base, 'params.yaml': 'epochs: 1.0\n' });
    expect(kinds(impact)).toEqual({ t: ['definition'] });
    expect(describeStage('t', reasonsOf(impact, 't'))).toBe('t: cmd changed (templated epochs 1 -> 1.0)');
  });

  it('marks a stage whose own vars file changed a value it interpolates', async () => {
    const dvcYaml = 'stages:\n  a:\n    vars: [a.yaml]\n    cmd: run ${size}\n  b:\n    cmd: run ${n}\n';
    const base = { 'dvc.yaml': dvcYaml, 'a.yaml': 'size: 1\nother: 1\n', 'params.yaml': 'n: 1\n' };
    expect(kinds(await impactOf(base, { ...base, 'a.yaml': 'size: 2\nother: 1\n' }))).toEqual({ a: ['definition'] });
    expect((await impactOf(base, { ...base, 'a.yaml': 'size: 1\nother: 2\n' })).stages.size).toBe(0);
  });

  it('gives one text per reason for each stage (the shape service reasons use)', async () => {
    const impact = await impactOf(BASE, withFiles({ 'params.yaml': PARAMS.replace('k: 5', 'k: 6') }));
    expect(describeStageReasons(impact)).toEqual(new Map([['outfit_train', ['params outfit.k 5 -> 6']]]));
  });

  it('ignores a templated value that only feeds desc', async () => {
    const dvcYaml = 'stages:\n  t:\n    cmd: train\n    desc: ${note}\n';
    const base = { 'dvc.yaml': dvcYaml, 'params.yaml': 'note: a\n' };
    expect((await impactOf(base, { ...base, 'params.yaml': 'note: b\n' })).stages.size).toBe(0);
  });

  it('fails on a tracked params file that is malformed at the head, warns when at the base', async () => {
    const broken = 'outfit:\n  k: [5\n';
    const change = memoryChange(BASE, withFiles({ 'params.yaml': broken }));
    await expect(analyzeDvcImpact({ ...change, base: 'base', head: 'head' })).rejects.toThrow(/^params\.yaml:\d+:\d+: not valid YAML/);

    const dvcYaml = DVC_YAML.replace(' --lr ${visual.train.lr}', '');
    const impact = await impactOf(withFiles({ 'dvc.yaml': dvcYaml, 'params.yaml': broken }), withFiles({ 'dvc.yaml': dvcYaml }));
    expect(impact.warnings).toEqual([expect.stringMatching(/^params\.yaml could not be read at the base commit/)]);
    expect(Object.keys(kinds(impact)).sort()).toEqual(['outfit_train', 'visual_data_prep', 'visual_eval', 'visual_train']);
  });
});

describe('foreach and matrix', () => {
  const dvcYaml = `stages:
  train:
    foreach: \${models}
    do:
      cmd: python train.py --name \${item.name} --lr \${item.lr}
      outs:
        - models/\${key}
  sweep:
    matrix:
      opt: [adam, sgd]
      bs: [16, 32]
    cmd: python sweep.py \${item.opt} \${item.bs}
`;
  const params = 'models:\n  detr: {name: detr, lr: 0.1}\n  yolo: {name: yolo, lr: 0.2}\n';
  const base = { 'dvc.yaml': dvcYaml, 'params.yaml': params };

  it('marks only the generated stage whose item changed', async () => {
    const impact = await impactOf(base, { ...base, 'params.yaml': params.replace('lr: 0.2', 'lr: 0.3') });
    expect(kinds(impact)).toEqual({ 'train@yolo': ['definition'] });
    expect(describeStage('train@yolo', reasonsOf(impact, 'train@yolo'))).toBe(
      'train@yolo: cmd changed (templated models.yolo.lr 0.2 -> 0.3)',
    );
  });

  it('reports a new item as an added stage and a dropped one as removed', async () => {
    const head = params.replace('  yolo: {name: yolo, lr: 0.2}\n', '  rtdetr: {name: rtdetr, lr: 0.2}\n');
    expect(kinds(await impactOf(base, { ...base, 'params.yaml': head }))).toEqual({
      'train@rtdetr': ['added'],
      'train@yolo': ['removed'],
    });
  });

  it('expands matrix changes into name@a-b stages', async () => {
    const impact = await impactOf(base, { ...base, 'dvc.yaml': dvcYaml.replace('bs: [16, 32]', 'bs: [16, 64]') });
    expect(kinds(impact)).toEqual({
      'sweep@adam-64': ['added'],
      'sweep@sgd-64': ['added'],
      'sweep@adam-32': ['removed'],
      'sweep@sgd-32': ['removed'],
    });
  });
});

describe('dependencies and propagation', () => {
  it('marks the stage whose dependency file changed, and the stages downstream of it', async () => {
    const impact = await impactOf(BASE, withFiles({ 'services/visual_analysis/scripts/train.py': 'print(3)\n' }));
    expect(kinds(impact)).toEqual({ visual_train: ['dependency'], visual_eval: ['upstream'] });
    expect(reasonsOf(impact, 'visual_eval')).toEqual([{ kind: 'upstream', stage: 'visual_train', dep: 'models/visual' }]);
  });

  it('matches files inside a dependency directory, deleted files included, transitively downstream', async () => {
    const base = withFiles({ 'data/raw/visual/a.csv': '1', 'data/raw/visual/b.csv': '2' });
    const head = withFiles({ 'data/raw/visual/a.csv': '1!', 'data/raw/visual/c.csv': '3' });
    const impact = await impactOf(base, head);
    expect(kinds(impact)).toEqual({ visual_data_prep: ['dependency'], visual_train: ['upstream'], visual_eval: ['upstream'] });
    expect(reasonsOf(impact, 'visual_data_prep')).toEqual([
      { kind: 'dependency', dep: 'data/raw/visual', files: ['data/raw/visual/a.csv', 'data/raw/visual/b.csv', 'data/raw/visual/c.csv'] },
    ]);
    expect(describeStage('visual_data_prep', reasonsOf(impact, 'visual_data_prep'))).toBe(
      'visual_data_prep: dependency data/raw/visual changed (data/raw/visual/a.csv, data/raw/visual/b.csv, data/raw/visual/c.csv)',
    );
  });

  it('counts a file renamed out of a dependency', async () => {
    const base = withFiles({ 'data/raw/visual/a.csv': '1' });
    const head = withFiles({ 'archive/a.csv': '1' });
    const impact = await impactOf(base, head, { renames: { 'data/raw/visual/a.csv': 'archive/a.csv' } });
    expect(kinds(impact).visual_data_prep).toEqual(['dependency']);
  });

  it('follows data tracked by a changed .dvc file, only when its hash changed', async () => {
    const dvcFile = (md5: string) => `outs:\n- md5: ${md5}.dir\n  size: 10\n  nfiles: 2\n  hash: md5\n  path: visual\n`;
    const base = withFiles({ 'data/raw/visual.dvc': dvcFile('aaa') });
    const changed = await impactOf(base, withFiles({ 'data/raw/visual.dvc': dvcFile('bbb') }));
    expect(reasonsOf(changed, 'visual_data_prep')).toEqual([{ kind: 'dependency', dep: 'data/raw/visual', files: ['data/raw/visual.dvc'] }]);
    const reformatted = await impactOf(base, withFiles({ 'data/raw/visual.dvc': `# note\n${dvcFile('aaa')}` }));
    expect(reformatted.stages.size).toBe(0);
  });

  it('resolves dependencies against the stage wdir and its dvc.yaml directory', async () => {
    const sub = 'stages:\n  index:\n    cmd: python build.py\n    wdir: ..\n    deps: [chat/build.py, shared/lib]\n';
    const base = { 'services/chat/dvc.yaml': sub, 'services/shared/lib/x.py': '1', 'shared/lib/x.py': '1' };
    const options = { pipelines: ['services/chat/dvc.yaml'] };
    expect((await impactOf(base, { ...base, 'shared/lib/x.py': '2' }, options)).stages.size).toBe(0);
    expect(kinds(await impactOf(base, { ...base, 'services/shared/lib/x.py': '2' }, options))).toEqual({
      'services/chat/dvc.yaml:index': ['dependency'],
    });
  });

  it('does not check or propagate through frozen stages, as dvc status does', async () => {
    const frozen = DVC_YAML.replace('    params:\n      - visual.train\n', '    params:\n      - visual.train\n    frozen: true\n');
    const base = withFiles({ 'dvc.yaml': frozen });
    const params = await impactOf(base, withFiles({ 'dvc.yaml': frozen, 'params.yaml': PARAMS.replace('epochs: 10', 'epochs: 11') }));
    expect(params.stages.size).toBe(0);
    const upstream = await impactOf(base, withFiles({ 'dvc.yaml': frozen, 'data/raw/visual/new.csv': 'x' }));
    expect(kinds(upstream)).toEqual({ visual_data_prep: ['dependency'] });
  });

  it('links a stage to the producer of an output directory it reads from inside', async () => {
    const dvcYaml = `stages:
  prep:
    cmd: prep
    deps: [raw]
    outs: [data/prepared]
  train:
    cmd: train
    deps: [data/prepared/train.csv]
  report:
    cmd: report
    deps: [data]
`;
    const base = { 'dvc.yaml': dvcYaml, 'raw/a': '1' };
    const impact = await impactOf(base, { ...base, 'raw/a': '2' });
    expect(kinds(impact)).toEqual({ prep: ['dependency'], train: ['upstream'], report: ['upstream'] });
  });
});

describe('outputs that changed in the commit', () => {
  const lock = (modelMd5: string, dataMd5: string) => `schema: '2.0'
stages:
  visual_data_prep:
    cmd: python services/visual_analysis/scripts/prepare_data.py
    outs:
    - path: data/prepared/visual
      hash: md5
      md5: aaa.dir
  visual_train:
    cmd: python services/visual_analysis/scripts/train.py --lr 0.001
    deps:
    - path: data/prepared/visual
      hash: md5
      md5: ${dataMd5}
    outs:
    - path: models/visual
      hash: md5
      md5: ${modelMd5}
    - path: metrics/visual_analysis.json
      hash: md5
      md5: m1
`;

  it('reports a stage whose new results were recorded in dvc.lock, without marking what runs next', async () => {
    const base = withFiles({ 'dvc.lock': lock('old.dir', 'd1') });
    const impact = await impactOf(base, withFiles({ 'dvc.lock': lock('new.dir', 'd2') }));
    expect(kinds(impact)).toEqual({ visual_train: ['outputs'] });
    expect(reasonsOf(impact, 'visual_train')).toEqual([{ kind: 'outputs', files: ['models/visual'], lockfile: 'dvc.lock' }]);
    expect(describeStage('visual_train', reasonsOf(impact, 'visual_train'))).toBe(
      'visual_train: outputs models/visual changed (new results recorded in dvc.lock)',
    );
  });

  it('ignores dvc.lock changes that record no new output', async () => {
    const base = withFiles({ 'dvc.lock': lock('same.dir', 'd1') });
    expect((await impactOf(base, withFiles({ 'dvc.lock': lock('same.dir', 'd2') }))).stages.size).toBe(0);
  });

  it('reports an edited committed output (cache: false), as dvc status does', async () => {
    const base = withFiles({ 'metrics/visual_analysis.json': '{"mAP": 0.5}' });
    const impact = await impactOf(base, withFiles({ 'metrics/visual_analysis.json': '{"mAP": 0.9}' }));
    expect(reasonsOf(impact, 'visual_train')).toEqual([{ kind: 'outputs', files: ['metrics/visual_analysis.json'] }]);
  });
});

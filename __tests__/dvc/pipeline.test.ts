import { ConfigurationError } from '../../src/core/errors.js';
import { asParamMap, parseParamsFile } from '../../src/dvc/files.js';
import { loadPipeline, parseStageAddress, type Pipeline, type PipelineStage, stageAddress } from '../../src/dvc/pipeline.js';
import type { ParamMap } from '../../src/dvc/values.js';

/** Loads a dvc.yaml with params files from memory; records which params files were read. */
async function load(dvcfile: string, text: string, files: Record<string, string> = {}) {
  const loaded: string[] = [];
  const pipeline = await loadPipeline(dvcfile, text, async (path): Promise<ParamMap | undefined> => {
    loaded.push(path);
    const content = files[path];
    return content === undefined ? undefined : asParamMap(parseParamsFile(content, path) ?? null, path);
  });
  return { pipeline, loaded };
}

function stage(pipeline: Pipeline, name: string): PipelineStage {
  const found = pipeline.stages.find((s) => s.name === name);
  if (!found) throw new Error(`no stage ${name}; stages: ${pipeline.stages.map((s) => s.name).join(', ')}`);
  return found;
}

async function loadError(dvcfile: string, text: string, files: Record<string, string> = {}): Promise<ConfigurationError> {
  try {
    await load(dvcfile, text, files);
  } catch (e) {
    if (e instanceof ConfigurationError) return e;
    throw e;
  }
  throw new Error('expected a ConfigurationError');
}

describe('stage names, as DVC prints them', () => {
  it('uses the bare name in the root dvc.yaml and path:name elsewhere', async () => {
    const text = 'stages:\n  train:\n    cmd: python train.py\n';
    expect((await load('dvc.yaml', text)).pipeline.stages.map((s) => s.name)).toEqual(['train']);
    expect((await load('services/visual/dvc.yaml', text)).pipeline.stages.map((s) => s.name)).toEqual([
      'services/visual/dvc.yaml:train',
    ]);
    expect(stageAddress('dvc.yaml', 'a@1')).toBe('a@1');
    expect(parseStageAddress('services/visual/dvc.yaml:fe@m1')).toEqual({ dvcfile: 'services/visual/dvc.yaml', name: 'fe@m1' });
    expect(parseStageAddress('visual_train')).toEqual({ dvcfile: 'dvc.yaml', name: 'visual_train' });
  });

  it('expands foreach over a literal list, a list of mappings and a mapping', async () => {
    const text = `
stages:
  plain:
    foreach: [a, 1.5, true, 3]
    do:
      cmd: echo \${item}
  composite:
    foreach:
      - {name: x}
      - {name: y}
    do:
      cmd: echo \${item.name}
  keyed:
    foreach:
      us: {lr: 0.1}
      eu: {lr: 0.2}
    do:
      cmd: echo \${key} \${item.lr}
`;
    const { pipeline } = await load('dvc.yaml', text);
    expect(pipeline.stages.map((s) => [s.name, s.cmd])).toEqual([
      ['plain@a', 'echo a'],
      ['plain@1.5', 'echo 1.5'],
      ['plain@true', 'echo true'],
      ['plain@3', 'echo 3'],
      ['composite@0', 'echo x'],
      ['composite@1', 'echo y'],
      ['keyed@us', 'echo us 0.1'],
      ['keyed@eu', 'echo eu 0.2'],
    ]);
    expect(stage(pipeline, 'keyed@eu').group).toBe('keyed');
  });

  it('names stages generated from a params list with Python spelling, as DVC does', async () => {
    const text = 'stages:\n  fl:\n    foreach: ${flags}\n    do:\n      cmd: echo ${item}\n';
    const { pipeline } = await load('dvc.yaml', text, { 'params.yaml': 'flags: [true, 2, 0.5]\n' });
    expect(pipeline.stages.map((s) => [s.name, s.cmd])).toEqual([
      ['fl@True', 'echo true'],
      ['fl@2', 'echo 2'],
      ['fl@0.5', 'echo 0.5'],
    ]);
  });

  it('expands a matrix into name@a-b stages, naming list and mapping values by index', async () => {
    const text = `
stages:
  mx:
    matrix:
      model: [detr, yolo]
      opt: [{k: 1}, {k: 2}]
    cmd: train \${item.model} \${item.opt.k} > \${key}.txt
    outs: ['\${key}.txt']
`;
    const { pipeline } = await load('dvc.yaml', text);
    expect(pipeline.stages.map((s) => [s.name, s.cmd])).toEqual([
      ['mx@detr-opt0', 'train detr 1 > detr-opt0.txt'],
      ['mx@detr-opt1', 'train detr 2 > detr-opt1.txt'],
      ['mx@yolo-opt0', 'train yolo 1 > yolo-opt0.txt'],
      ['mx@yolo-opt1', 'train yolo 2 > yolo-opt1.txt'],
    ]);
    expect(stage(pipeline, 'mx@yolo-opt1').outs.map((o) => o.path)).toEqual(['yolo-opt1.txt']);
  });
});

describe('templating: vars and ${...}', () => {
  const params = [
    'train:',
    '  lr: 1.0',
    '  epochs: 10',
    '  fp16: true',
    'args: {lr: 0.5, verbose: true, quiet: false, names: [a, "b c"], tag: "x y"}',
    'desc_text: hello',
  ].join('\n');

  it('interpolates params.yaml values with Python spelling and tracks where they came from', async () => {
    const text = 'stages:\n  t:\n    cmd: python t.py --lr ${train.lr} --epochs ${train.epochs} --fp16 ${train.fp16}\n';
    const { pipeline } = await load('dvc.yaml', text, { 'params.yaml': params });
    const t = stage(pipeline, 't');
    expect(t.cmd).toBe('python t.py --lr 1.0 --epochs 10 --fp16 true');
    expect(t.templated.map((v) => `${v.file}:${v.key}`)).toEqual(['params.yaml:train.lr', 'params.yaml:train.epochs', 'params.yaml:train.fp16']);
    expect(pipeline.contextFiles).toEqual(['params.yaml']);
  });

  it('unpacks a mapping into command-line flags', async () => {
    const { pipeline } = await load('dvc.yaml', 'stages:\n  t:\n    cmd: python t.py ${args}\n', { 'params.yaml': params });
    expect(stage(pipeline, 't').cmd).toBe("python t.py --lr 0.5 --verbose --names a 'b c' --tag 'x y'");
  });

  it('keeps the type of a value that is the whole string, and leaves escaped \\${ alone', async () => {
    const text = 'stages:\n  t:\n    cmd: echo \\${HOME} ${train.epochs}\n    frozen: ${train.fp16}\n';
    const { pipeline } = await load('dvc.yaml', text, { 'params.yaml': params });
    expect(stage(pipeline, 't').cmd).toBe('echo ${HOME} 10');
    expect(stage(pipeline, 't').frozen).toBe(true);
  });

  it('loads vars files (whole or selected keys), inline vars, and stage vars relative to wdir', async () => {
    const text = `
vars:
  - config/base.yaml:model,data
  - inline: {size: 3}
stages:
  t:
    wdir: svc
    vars:
      - local.json
    cmd: run \${model.name} \${data.path} \${inline.size} \${batch} \${train.epochs}
`;
    const { pipeline, loaded } = await load('ml/dvc.yaml', text, {
      'ml/params.yaml': params,
      'ml/config/base.yaml': 'model: {name: detr}\ndata: {path: d/}\nunused: 1\n',
      'ml/svc/local.json': '{"batch": 32}',
    });
    const t = stage(pipeline, 'ml/dvc.yaml:t');
    expect(t.cmd).toBe('run detr d/ 3 32 10');
    expect(t.wdir).toBe('ml/svc');
    expect(loaded.sort()).toEqual(['ml/config/base.yaml', 'ml/params.yaml', 'ml/svc/local.json']);
    expect(t.templated.map((v) => `${v.file}:${v.key}`)).toEqual([
      'ml/config/base.yaml:model.name',
      'ml/config/base.yaml:data.path',
      'ml/svc/local.json:batch',
      'ml/params.yaml:train.epochs',
    ]);
  });

  it('reads no params file at all when the dvc.yaml has no ${...}', async () => {
    const text = 'vars: [cfg.yaml]\nstages:\n  t:\n    cmd: python t.py\n    params: [train.lr]\n';
    const { loaded } = await load('dvc.yaml', text, { 'params.yaml': params });
    expect(loaded).toEqual([]);
  });
});

describe('stage fields', () => {
  it('resolves params entries the way DVC merges them', async () => {
    const text = `
stages:
  a:
    cmd: a
    wdir: sub
    params:
      - train.lr
      - train.epochs
      - cfg.json:
      - other.yaml: [x.y, x.y]
  b:
    cmd: b
    params:
      - lr
      - params.yaml:
`;
    const { pipeline } = await load('dvc.yaml', text);
    expect(stage(pipeline, 'a').params).toEqual([
      { file: 'params.yaml', repoPath: 'sub/params.yaml', keys: ['train.epochs', 'train.lr'] },
      { file: 'cfg.json', repoPath: 'sub/cfg.json', keys: 'all' },
      { file: 'other.yaml', repoPath: 'sub/other.yaml', keys: ['x.y'] },
    ]);
    expect(stage(pipeline, 'b').params).toEqual([{ file: 'params.yaml', repoPath: 'params.yaml', keys: 'all' }]);
  });

  it('resolves deps and outs against wdir, leaving URLs and outside paths out of repo paths', async () => {
    const text = `
stages:
  a:
    cmd: a
    wdir: ../shared
    deps: [data, s3://bucket/raw, ../../outside]
    outs:
      - model.pkl
      - cache_free.json: {cache: false, persist: true}
    metrics:
      - m.json: {cache: false}
    plots:
      - p.csv: {x: step}
`;
    const a = stage((await load('ml/dvc.yaml', text)).pipeline, 'ml/dvc.yaml:a');
    expect(a.wdir).toBe('shared');
    expect(a.depPaths).toEqual(['shared/data']);
    expect(a.outs.map((o) => [o.field, o.repoPath, o.cache, o.persist])).toEqual([
      ['outs', 'shared/model.pkl', true, false],
      ['outs', 'shared/cache_free.json', false, true],
      ['metrics', 'shared/m.json', false, false],
      ['plots', 'shared/p.csv', true, false],
    ]);
  });
});

describe('malformed pipelines', () => {
  it('points at the line and column of a YAML syntax error', async () => {
    const error = await loadError('ml/dvc.yaml', 'stages:\n  train:\n    cmd: x\n    deps: [a, b\n    outs: [c]\n');
    expect(error.location).toMatchObject({ file: 'ml/dvc.yaml', line: expect.any(Number), column: expect.any(Number) });
    expect(error.message).toMatch(/^ml\/dvc\.yaml:\d+:\d+: not valid YAML/);
  });

  it('points at the field whose ${...} names a missing key', async () => {
    const text = 'stages:\n  train:\n    cmd: python t.py --lr ${train.momentum}\n';
    const error = await loadError('dvc.yaml', text, { 'params.yaml': 'train: {lr: 1}\n' });
    expect(error.location).toEqual({ file: 'dvc.yaml', line: 3, column: 10 });
    expect(error.message).toBe(
      "dvc.yaml:3:10: failed to parse 'stages.train.cmd': Could not find 'train.momentum'",
    );
  });

  it('rejects a stage without cmd, a list interpolated into deps, and conflicting vars', async () => {
    expect((await loadError('dvc.yaml', 'stages:\n  a:\n    deps: [x]\n')).message).toMatch(/^dvc\.yaml:2:3: stage 'a' has no `cmd`/);
    expect(
      (await loadError('dvc.yaml', 'stages:\n  a:\n    cmd: x\n    deps:\n      - ${files}\n', { 'params.yaml': 'files: [a, b]' }))
        .message,
    ).toMatch(/Cannot interpolate data of type 'list'/);
    expect(
      (await loadError('dvc.yaml', 'vars:\n  - {lr: 2}\nstages:\n  a:\n    cmd: ${lr}\n', { 'params.yaml': 'lr: 1' })).message,
    ).toMatch(/cannot redefine 'lr'/);
    expect((await loadError('dvc.yaml', 'vars: [missing.yaml]\nstages:\n  a:\n    cmd: ${x}\n')).message).toMatch(
      /'missing\.yaml' does not exist/,
    );
    expect((await loadError('dvc.yaml', 'stages:\n  a:\n    foreach: [1]\n    cmd: x\n')).message).toMatch(/`do`/);
  });

  it('reports a bad params file used for templating at its own line', async () => {
    const error = await loadError('dvc.yaml', 'stages:\n  a:\n    cmd: ${x}\n', { 'params.yaml': 'x: 1\ny: [\n' });
    expect(error.location?.file).toBe('params.yaml');
    expect(error.message).toMatch(/^params\.yaml:\d+:\d+: not valid YAML/);
  });
});

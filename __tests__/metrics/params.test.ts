import { diffParams, parseParamsText } from '../../src/metrics/params.js';

describe('params diff like dvc params diff', () => {
  it('lists changed, added and removed parameters with dotted names; lists are compared whole', () => {
    const base = parseParamsText('params.yaml', 'train:\n  lr: 0.001\n  epochs: 10\n  layers: [64, 32]\nseed: 1\n');
    const head = parseParamsText('params.yaml', 'train:\n  lr: 0.0005\n  epochs: 10\n  layers: [64, 16]\n  warmup: 2\n');
    expect(diffParams('params.yaml', base, head)).toEqual([
      { file: 'params.yaml', param: 'train.lr', old: 0.001, new: 0.0005 },
      { file: 'params.yaml', param: 'train.layers', old: [64, 32], new: [64, 16] },
      { file: 'params.yaml', param: 'train.warmup', new: 2 },
      { file: 'params.yaml', param: 'seed', old: 1 },
    ]);
  });

  it('treats a missing side as no parameters and an unchanged file as no change', () => {
    const head = parseParamsText('params.json', '{"a": {"b": 1}}');
    expect(diffParams('params.json', undefined, head)).toEqual([{ file: 'params.json', param: 'a.b', new: 1 }]);
    expect(diffParams('params.json', head, head)).toEqual([]);
  });
});

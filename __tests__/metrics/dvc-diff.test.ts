import { parseDvcMetricsDiff } from '../../src/metrics/dvc-diff.js';

describe('parsing dvc metrics diff --json', () => {
  it('reads old and new values per file, null meaning absent on that side', () => {
    const diff = parseDvcMetricsDiff(
      JSON.stringify({
        'metrics/visual_analysis.json': {
          'mAP@0.5': { old: 0.712, new: 0.681, diff: -0.031 },
          'train.loss': { old: null, new: 0.2 },
          removed: { old: 3, new: null },
          model: { old: 'detr-r50', new: 'detr-r101' },
        },
      }),
    );
    const old = diff.old.get('metrics/visual_analysis.json')!;
    expect([...old.keys()]).toEqual(['mAP@0.5', 'removed', 'model']);
    expect(old.get('model')).toEqual({ kind: 'other', text: 'detr-r50' });
    expect([...diff.new.get('metrics/visual_analysis.json')!.keys()]).toEqual(['mAP@0.5', 'train.loss', 'model']);
  });

  it('reads NaN as Python prints it, Windows separators, and empty output', () => {
    const diff = parseDvcMetricsDiff('{"eval\\\\m.json": {"loss": {"old": NaN, "new": 1.0, "diff": NaN}}}');
    expect(diff.old.get('eval/m.json')!.get('loss')?.kind).toBe('invalid');
    expect(parseDvcMetricsDiff('').old.size).toBe(0);
    expect(parseDvcMetricsDiff('{}').old.size).toBe(0);
  });

  it('regroups sample summaries DVC flattened', () => {
    const diff = parseDvcMetricsDiff(
      JSON.stringify({ 'm.json': { 'f1.mean': { old: 0.8, new: 0.8 }, 'f1.std': { old: 0.01, new: 0.01 }, 'f1.n': { old: 5, new: 5 } } }),
    );
    expect(diff.old.get('m.json')!.get('f1')).toEqual({ kind: 'samples', value: 0.8, samples: { mean: 0.8, std: 0.01, n: 5 } });
  });

  it('refuses output that is not JSON', () => {
    expect(() => parseDvcMetricsDiff('ERROR: oops')).toThrow(/not JSON/);
  });
});

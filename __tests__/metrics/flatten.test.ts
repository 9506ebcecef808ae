import { flattenMetrics, fromValues, regroupSampleKeys } from '../../src/metrics/flatten.js';
import { parseMetricsText, parsePythonJson } from '../../src/metrics/parse.js';
import type { FlatMetrics } from '../../src/metrics/types.js';

function plain(flat: FlatMetrics): Record<string, unknown> {
  return Object.fromEntries([...flat].map(([key, value]) => [key, value.kind === 'other' ? value.text : value.value]));
}

describe('flattening metrics like dvc metrics diff', () => {
  it('joins nested keys with a dot and keeps a top-level key that contains a dot whole', () => {
    const flat = flattenMetrics({
      'mAP@0.5': 0.71,
      'mAP@0.5:0.95': 0.48,
      train: { loss: 0.12, per_class: { shirt: 0.9 } },
      eval: { 'recall@0.5': 0.8 },
    });
    expect([...flat.keys()]).toEqual(['mAP@0.5', 'mAP@0.5:0.95', 'train.loss', 'train.per_class.shirt', 'eval.recall@0.5']);
    expect(flat.get('mAP@0.5')).toEqual({ kind: 'number', value: 0.71 });
  });

  it('keeps NaN and Infinity as invalid, and strings, booleans and null as non-numbers', () => {
    const flat = flattenMetrics({ a: Number.NaN, b: Infinity, c: 'n/a', d: true, e: null });
    expect(flat.get('a')?.kind).toBe('invalid');
    expect(flat.get('b')).toEqual({ kind: 'invalid', value: Infinity });
    expect(plain(flat)).toMatchObject({ c: 'n/a', d: 'true', e: 'null' });
    expect(flat.get('d')?.kind).toBe('other');
  });

  it('drops empty mappings, as DVC does', () => {
    expect([...flattenMetrics({ empty: {}, x: 1 }).keys()]).toEqual(['x']);
  });

  it('reads a list of numbers as repeated samples of one metric', () => {
    const flat = flattenMetrics({ latency_ms: [10, 12, 14] });
    const value = flat.get('latency_ms');
    expect(value?.kind).toBe('samples');
    if (value?.kind !== 'samples') throw new Error('unreachable');
    expect(value.value).toBe(12);
    expect(value.samples.n).toBe(3);
    expect(value.samples.std).toBeCloseTo(2, 12);
    expect(value.samples.values).toEqual([10, 12, 14]);
  });

  it('reads {mean, std, n} as a sample summary and keeps its other keys as metrics', () => {
    const flat = flattenMetrics({ accuracy: { mean: 0.9, std: 0.01, n: 5, p95: 0.92 } });
    expect(flat.get('accuracy')).toEqual({ kind: 'samples', value: 0.9, samples: { mean: 0.9, std: 0.01, n: 5 } });
    expect(flat.get('accuracy.p95')).toEqual({ kind: 'number', value: 0.92 });
    expect(flat.has('accuracy.mean')).toBe(false);
  });

  it('accepts stddev/count spellings, and leaves a mapping with only a mean as nested metrics', () => {
    expect(flattenMetrics({ a: { mean: 1, stddev: 0.1, count: 3 } }).get('a')?.kind).toBe('samples');
    expect([...flattenMetrics({ a: { mean: 1, max: 2 } }).keys()]).toEqual(['a.mean', 'a.max']);
  });

  it('reads a one-element list as a plain number and a mixed list as a non-number', () => {
    expect(flattenMetrics({ a: [3] }).get('a')).toEqual({ kind: 'number', value: 3 });
    expect(flattenMetrics({ a: [1, 'x'] }).get('a')?.kind).toBe('other');
  });

  it('regroups DVC-flattened sample summaries', () => {
    const flat: FlatMetrics = new Map([
      ['latency.mean', { kind: 'number', value: 10 }],
      ['latency.std', { kind: 'number', value: 1 }],
      ['latency.n', { kind: 'number', value: 4 }],
      ['acc', { kind: 'number', value: 0.5 }],
    ]);
    expect(plain(regroupSampleKeys(flat))).toEqual({ acc: 0.5, latency: 10 });
  });

  it('computes the sample standard deviation with n − 1', () => {
    expect(fromValues([1, 2, 3, 4]).std).toBeCloseTo(Math.sqrt(5 / 3), 12);
  });
});

describe('reading metrics files', () => {
  it('reads JSON with the NaN and Infinity words Python writes, leaving strings alone', () => {
    const parsed = parsePythonJson('{"a": NaN, "b": -Infinity, "c": "NaN and Infinity", "d": [Infinity, 1]}') as Record<string, unknown>;
    expect(Number.isNaN(parsed.a)).toBe(true);
    expect(parsed.b).toBe(-Infinity);
    expect(parsed.c).toBe('NaN and Infinity');
    expect(parsed.d).toEqual([Infinity, 1]);
  });

  it('reads YAML as DVC writes it, .nan and .inf included', () => {
    const read = parseMetricsText('m.yaml', 'acc: 0.9\nloss: .nan\nnested:\n  top1: .inf\n');
    expect(read.status).toBe('ok');
    if (read.status !== 'ok') throw new Error('unreachable');
    expect(read.metrics.get('acc')).toEqual({ kind: 'number', value: 0.9 });
    expect(read.metrics.get('loss')?.kind).toBe('invalid');
    expect(read.metrics.get('nested.top1')).toEqual({ kind: 'invalid', value: Infinity });
  });

  it('says why a file cannot be read, with the line for YAML', () => {
    const json = parseMetricsText('m.json', '{"acc": 0.9,');
    expect(json).toMatchObject({ status: 'unreadable', reason: expect.stringMatching(/^invalid JSON/) });
    const yaml = parseMetricsText('m.yml', 'acc: 0.9\n  bad: [1\n');
    expect(yaml).toMatchObject({ status: 'unreadable', reason: expect.stringMatching(/^invalid YAML at line \d+/) });
    expect(parseMetricsText('m.json', '[1, 2]')).toMatchObject({ status: 'unreadable', reason: expect.stringContaining('a list') });
    expect(parseMetricsText('m.toml', 'a = 1')).toMatchObject({ status: 'unreadable', reason: expect.stringContaining('TOML') });
  });

  it('reads an empty file as no metrics', () => {
    expect(parseMetricsText('m.yaml', '')).toEqual({ status: 'ok', metrics: new Map() });
  });
});

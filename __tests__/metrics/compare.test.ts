import type { MetricRule } from '../../src/catalog/types.js';
import { buildReport, compareGroup, compareMetric, type CompareOptions } from '../../src/metrics/compare.js';
import { parseMetricsText } from '../../src/metrics/parse.js';
import type { FileRead, MetricGroup, MetricValue } from '../../src/metrics/types.js';

const options: CompareOptions = { confidence: 0.95, noiseMethod: 'welch', failOnMissing: true };
const n = (value: number): MetricValue => ({ kind: 'number', value });
const higher = (maxDrop?: number | string): MetricRule => ({
  better: 'higher',
  ...(maxDrop === undefined
    ? {}
    : { maxDrop: typeof maxDrop === 'number' ? { kind: 'absolute', value: maxDrop } : { kind: 'relative', percent: Number(maxDrop.replace('%', '')) } }),
});
const lower = (maxRise?: number | string): MetricRule => ({
  better: 'lower',
  ...(maxRise === undefined
    ? {}
    : { maxRise: typeof maxRise === 'number' ? { kind: 'absolute', value: maxRise } : { kind: 'relative', percent: Number(maxRise.replace('%', '')) } }),
});
const compare = (base: MetricValue | undefined, head: MetricValue | undefined, rule?: MetricRule, opts = options) =>
  compareMetric('svc', 'm.json', 'metric', base, head, rule, opts);

describe('comparing one metric', () => {
  it.each([
    ['higher is better, a drop beyond the absolute threshold', n(0.712), n(0.681), higher(0.01), 'regressed', true],
    ['higher is better, a drop within the absolute threshold', n(0.712), n(0.705), higher(0.01), 'worse', false],
    ['higher is better, a drop exactly at the threshold', n(0.7), n(0.69), higher(0.01), 'worse', false],
    ['higher is better, a rise', n(0.7), n(0.75), higher(0.01), 'improved', false],
    ['lower is better, a rise beyond 10%', n(40), n(45), lower('10%'), 'regressed', true],
    ['lower is better, a rise within 10%', n(40), n(43.9), lower('10%'), 'worse', false],
    ['lower is better, a drop', n(40), n(30), lower('10%'), 'improved', false],
    ['a rule without a threshold fails on any worsening', n(0.5), n(0.4999), higher(), 'regressed', true],
    ['a relative threshold on a zero base fails on any worsening', n(0), n(-0.1), higher('5%'), 'regressed', true],
    ['no rule: any move is only reported', n(1), n(2), undefined, 'changed', false],
    ['equal values', n(1), n(1), higher(0), 'unchanged', false],
  ] as const)('%s', (_name, base, head, rule, status, failing) => {
    const row = compare(base, head, rule);
    expect(row.status).toBe(status);
    expect(row.failing).toBe(failing);
  });

  it('computes the change and its percentage of the base', () => {
    const row = compare(n(40), n(45), lower('10%'));
    expect(row.delta).toBe(5);
    expect(row.percent).toBeCloseTo(12.5, 10);
  });

  it('leaves the percentage out when the base is zero', () => {
    expect(compare(n(0), n(1)).percent).toBeUndefined();
  });

  it('does not take float rounding for a breach of the threshold', () => {
    // 0.3 - 0.2 is 0.09999999999999998 or 0.10000000000000003 depending on the order; a max drop of 0.1 allows it.
    expect(compare(n(0.3), n(0.2), higher(0.1)).status).toBe('worse');
  });

  it('reports a new metric and a removed one; a removed metric fails unless configured otherwise', () => {
    expect(compare(undefined, n(1))).toMatchObject({ status: 'new', failing: false });
    expect(compare(n(1), undefined)).toMatchObject({ status: 'removed', failing: true });
    expect(compare(n(1), undefined, undefined, { ...options, failOnMissing: false })).toMatchObject({ status: 'removed', failing: false });
  });

  it('fails a gated metric that became NaN, and only notes one without a rule', () => {
    expect(compare(n(1), { kind: 'invalid', value: Number.NaN }, higher(0.1))).toMatchObject({ status: 'invalid', failing: true, note: 'NaN at head' });
    expect(compare(n(1), { kind: 'invalid', value: Infinity })).toMatchObject({ status: 'invalid', failing: false, note: 'Infinity at head' });
    expect(compare(n(1), { kind: 'other', text: 'n/a' }, higher())).toMatchObject({ status: 'invalid', failing: true, note: 'not a number at head' });
  });

  it('cannot compare with a base that is not a number', () => {
    expect(compare({ kind: 'invalid', value: Number.NaN }, n(1), higher())).toMatchObject({ status: 'incomparable', failing: false });
  });

  it('says "within noise" instead of failing when samples show no significant difference', () => {
    const base: MetricValue = { kind: 'samples', value: 0.7, samples: { mean: 0.7, std: 0.03, n: 5 } };
    const head: MetricValue = { kind: 'samples', value: 0.68, samples: { mean: 0.68, std: 0.03, n: 5 } };
    const row = compare(base, head, higher(0.01));
    expect(row).toMatchObject({ status: 'noise', failing: false, note: 'beyond the threshold, but within noise' });
    expect(row.noise).toMatchObject({ method: 'welch', significant: false });
  });

  it('fails when samples show the drop is real', () => {
    const base: MetricValue = { kind: 'samples', value: 0.7, samples: { mean: 0.7, std: 0.002, n: 10 } };
    const head: MetricValue = { kind: 'samples', value: 0.68, samples: { mean: 0.68, std: 0.002, n: 10 } };
    expect(compare(base, head, higher(0.01))).toMatchObject({ status: 'regressed', failing: true });
  });

  it('lowering the confidence makes a borderline change count', () => {
    const base: MetricValue = { kind: 'samples', value: 0.7, samples: { mean: 0.7, std: 0.02, n: 5 } };
    const head: MetricValue = { kind: 'samples', value: 0.675, samples: { mean: 0.675, std: 0.02, n: 5 } };
    expect(compare(base, head, higher(0.01)).status).toBe('noise');
    expect(compare(base, head, higher(0.01), { ...options, confidence: 0.8 }).status).toBe('regressed');
  });
});

describe('comparing a group of files', () => {
  const ok = (text: string): FileRead => parseMetricsText('m.json', text);
  const group = (rules: Record<string, MetricRule> = {}, files = ['m.json']): MetricGroup => ({
    name: 'visual-analysis',
    files,
    rules: new Map(Object.entries(rules)),
  });

  it('lists head metrics in file order, then the removed ones', () => {
    const rows = compareGroup(
      group({ 'mAP@0.5': higher(0.01) }),
      new Map([['m.json', { base: ok('{"mAP@0.5": 0.7, "old": 1, "b": 2}'), head: ok('{"b": 2, "mAP@0.5": 0.71, "new": 3}') }]]),
      options,
    );
    expect(rows.map((r) => [r.metric, r.status])).toEqual([
      ['b', 'unchanged'],
      ['mAP@0.5', 'improved'],
      ['new', 'new'],
      ['old', 'removed'],
    ]);
  });

  it('fails on a missing or unreadable head file, with one row for the file', () => {
    const rows = compareGroup(
      group({}, ['a.json', 'b.json']),
      new Map<string, { base?: FileRead; head: FileRead }>([
        ['a.json', { base: ok('{"x": 1}'), head: { status: 'missing' } }],
        ['b.json', { base: ok('{"x": 1}'), head: ok('{"x": ') }],
      ]),
      options,
    );
    expect(rows).toEqual([
      expect.objectContaining({ file: 'a.json', metric: '', status: 'missing-file', failing: true, note: 'file not found at head; 1 metric at base' }),
      expect.objectContaining({ file: 'b.json', metric: '', status: 'unreadable', failing: true }),
    ]);
  });

  it('treats every metric of a file new at head as new, and of an unreadable base file as new with a note', () => {
    const fresh = compareGroup(group(), new Map([['m.json', { base: { status: 'missing' } as FileRead, head: ok('{"x": 1}') }]]), options);
    expect(fresh[0]).toMatchObject({ status: 'new', note: 'new file' });
    const broken = compareGroup(group(), new Map([['m.json', { base: ok('{'), head: ok('{"x": 1}') }]]), options);
    expect(broken[0]).toMatchObject({ status: 'new', note: expect.stringMatching(/^base file unreadable: invalid JSON/) });
  });

  it('flags a rule that matches no metric (a misspelt name) without failing', () => {
    const rows = compareGroup(group({ 'mAP@.5': higher(0.01) }), new Map([['m.json', { base: ok('{"mAP@0.5": 1}'), head: ok('{"mAP@0.5": 1}') }]]), options);
    expect(rows.at(-1)).toMatchObject({ metric: 'mAP@.5', status: 'not-found', failing: false, note: "did you mean 'mAP@0.5'?" });
  });

  it('suggests the nested name when a rule names only its last part', () => {
    const rows = compareGroup(
      group({ rouge_l: higher(0.02) }),
      new Map([['m.json', { base: ok('{"generation": {"rouge_l": 0.24}}'), head: ok('{"generation": {"rouge_l": 0.2}}') }]]),
      options,
    );
    expect(rows.map((r) => [r.metric, r.status])).toEqual([
      ['generation.rouge_l', 'changed'],
      ['rouge_l', 'not-found'],
    ]);
    expect(rows[1]!.note).toBe("did you mean 'generation.rouge_l'?");
  });

  it('never splits a configured name on its dots', () => {
    const rows = compareGroup(
      group({ 'mAP@0.5': higher(0.01), 'eval.recall': higher(0) }),
      new Map([['m.json', { base: ok('{"mAP@0.5": 0.7, "eval": {"recall": 0.5}}'), head: ok('{"mAP@0.5": 0.6, "eval": {"recall": 0.4}}') }]]),
      options,
    );
    expect(rows.map((r) => [r.metric, r.status])).toEqual([
      ['mAP@0.5', 'regressed'],
      ['eval.recall', 'regressed'],
    ]);
  });
});

describe('the verdict', () => {
  it('is regressed with the failing rows as regressions', () => {
    const row = compareMetric('visual-analysis', 'm.json', 'mAP@0.5', n(0.712), n(0.681), higher(0.01), options);
    const report = buildReport(['visual-analysis'], [row], []);
    expect(report.verdict).toBe('regressed');
    expect(report.regressions).toEqual([
      {
        service: 'visual-analysis',
        file: 'm.json',
        metric: 'mAP@0.5',
        old: 0.712,
        new: 0.681,
        delta: expect.closeTo(-0.031, 10),
        threshold: 'max drop 0.01',
        reason: 'regressed',
      },
    ]);
  });

  it('is pass when nothing fails or nothing is compared, and no-baseline when no metric had a base value', () => {
    expect(buildReport(['s'], [compare(n(1), n(1.1), higher())], []).verdict).toBe('pass');
    expect(buildReport(['s'], [compare(undefined, n(1.1), higher())], []).verdict).toBe('no-baseline');
    expect(buildReport([], [], []).verdict).toBe('pass');
  });

  it('is regressed when a head file is missing even without a baseline', () => {
    const rows = compareGroup(
      { name: 's', files: ['m.json'], rules: new Map() },
      new Map([['m.json', { head: { status: 'missing' } as FileRead }]]),
      options,
    );
    expect(buildReport(['s'], rows, []).verdict).toBe('regressed');
  });
});

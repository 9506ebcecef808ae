import type { MetricRule } from '../../src/catalog/types.js';
import { buildReport, compareGroup, type CompareOptions } from '../../src/metrics/compare.js';
import { addRun, emptyHistory, historyKey, readHistory, type History } from '../../src/metrics/history.js';
import { diffParams, parseParamsText } from '../../src/metrics/params.js';
import { parseMetricsText } from '../../src/metrics/parse.js';
import { changeCell, COMMENT_LIMIT, renderReport } from '../../src/metrics/render.js';
import type { FileRead, GateReport, MetricGroup } from '../../src/metrics/types.js';

const options: CompareOptions = { confidence: 0.95, noiseMethod: 'welch', failOnMissing: true };
const json = (value: unknown): FileRead => parseMetricsText('m.json', JSON.stringify(value));
const VISUAL = 'metrics/visual_analysis.json';
const SUMMARY = 'https://github.com/aura/platform/actions/runs/4242';

const visualRules = new Map<string, MetricRule>([
  ['mAP@0.5', { better: 'higher', maxDrop: { kind: 'absolute', value: 0.01 } }],
  ['inference_time', { better: 'lower', maxRise: { kind: 'relative', percent: 10 } }],
  ['f1', { better: 'higher', maxDrop: { kind: 'absolute', value: 0.01 } }],
  ['recall', { better: 'higher' }],
]);

function visualReport(head: Record<string, unknown>): GateReport {
  const group: MetricGroup = { name: 'visual-analysis', files: [VISUAL], rules: visualRules };
  const base = { 'mAP@0.5': 0.712, inference_time: 41.2, f1: [0.8, 0.82, 0.79, 0.81, 0.83], recall: 0.6, precision: 0.7, train: { loss: 0.2 } };
  const rows = compareGroup(group, new Map([[VISUAL, { base: json(base), head: json(head) }]]), options);
  const params = diffParams(
    'params.yaml',
    parseParamsText('params.yaml', 'visual:\n  lr: 0.001\n  epochs: 10\n'),
    parseParamsText('params.yaml', 'visual:\n  lr: 0.0005\n  epochs: 10\n  warmup: 2\n'),
  );
  return buildReport(['visual-analysis'], rows, params, { base: '`1a2b3c4`', head: '`5d6e7f8`' });
}

const regressedHead = {
  'mAP@0.5': 0.681,
  inference_time: 38,
  f1: [0.78, 0.83, 0.77, 0.8, 0.82],
  recall: 0.6,
  precision: 0.7,
  train: { loss: 0.21 },
  new_metric: 3,
};

function trend(values: number[]): History {
  let history = emptyHistory();
  values.forEach((value, i) => {
    history = addRun(history, `sha${i}`, new Map([[historyKey('visual-analysis', VISUAL, 'mAP@0.5'), value]]));
  });
  return history;
}

describe('rendering the comment', () => {
  it('puts the verdict first, the regressed metric on top and the unchanged ones folded', () => {
    const markdown = renderReport(visualReport(regressedHead), {
      title: 'Metrics',
      marker: '<!-- aura:metrics-regression-gate title="Metrics" -->',
      summaryUrl: SUMMARY,
      history: trend([0.7, 0.69, 0.681]),
      embedHistory: true,
      rulesSource: '`.github/services.yml`',
    });
    const lines = markdown.split('\n');
    expect(lines[0]).toBe('<!-- aura:metrics-regression-gate title="Metrics" -->');
    expect(lines[3]).toMatch(/^❌ \*\*1 metric regressed\*\*: `mAP@0\.5` in visual-analysis \(-0\.031, -4\.35%; max drop 0\.01\)\.$/);
    expect(markdown).toMatch(/<details><summary>2 unchanged metrics<\/summary>/);
    expect(readHistory(markdown).runs).toHaveLength(3);
    expect(markdown).toMatchSnapshot();
  });

  it('says pass with what improved and what stayed within noise', () => {
    const markdown = renderReport(
      visualReport({ 'mAP@0.5': 0.72, inference_time: 41.2, f1: [0.78, 0.83, 0.77, 0.8, 0.82], recall: 0.6, precision: 0.7, train: { loss: 0.2 } }),
      { title: 'Model metrics', summaryUrl: SUMMARY },
    );
    expect(markdown.split('\n')[2]).toBe('✅ **No regression**: 6 metrics compared with the base; 1 improved, 1 within noise.');
    expect(markdown).toMatchSnapshot();
  });

  it('shows head values only when there is no baseline', () => {
    const group: MetricGroup = { name: 'outfit-recommendation', files: ['metrics/outfit_recommendation.json'], rules: new Map() };
    const rows = compareGroup(group, new Map([['metrics/outfit_recommendation.json', { head: json({ 'ndcg@10': 0.41, coverage: 0.8 }) }]]), options);
    const markdown = renderReport(buildReport([group.name], rows, [], { head: '`5d6e7f8`' }), { title: 'Metrics' });
    expect(markdown).toContain('⚪ **No baseline**');
    expect(markdown).toMatchSnapshot();
  });

  it('says when there is nothing to compare', () => {
    expect(renderReport(buildReport([], [], []), { title: 'Metrics' })).toMatchSnapshot();
  });

  it('adds a File column when a service has several metrics files, and lists file problems', () => {
    const group: MetricGroup = {
      name: 'conversational-ai',
      files: ['metrics/conversational_ai.json', 'metrics/rag.yaml'],
      rules: new Map([['rouge_l', { better: 'higher', maxDrop: { kind: 'relative', percent: 2 } }]]),
    };
    const rows = compareGroup(
      group,
      new Map<string, { base?: FileRead; head: FileRead }>([
        ['metrics/conversational_ai.json', { base: json({ rouge_l: 0.5, perplexity: 8 }), head: json({ rouge_l: 0.48, perplexity: 8.5 }) }],
        ['metrics/rag.yaml', { base: json({ hit_rate: 0.9 }), head: { status: 'missing' } }],
      ]),
      options,
    );
    const markdown = renderReport(buildReport([group.name], rows, []), { title: 'Metrics' });
    expect(markdown).toContain('| File | Metric | Base | Head | Change | Threshold | Status |');
    expect(markdown).toMatchSnapshot();
  });

  it('escapes names and values that would break the table or inject HTML', () => {
    const group: MetricGroup = { name: 'svc', files: ['m.json'], rules: new Map() };
    const rows = compareGroup(group, new Map([['m.json', { base: json({ 'a|b': 1, note: 'x' }), head: json({ 'a|b': 2, note: '<img src=x onerror=alert(1)>|' }) }]]), options);
    const markdown = renderReport(buildReport(['svc'], rows, []), { title: 'Metrics' });
    expect(markdown).toContain('`a\\|b`');
    expect(markdown).not.toContain('<img');
    expect(markdown).toContain('&lt;img src=x onerror=alert(1)&gt;\\|');
  });

  it('draws arrows that respect the direction: a drop of a lower-is-better metric is good', () => {
    const lowerRule: MetricRule = { better: 'lower' };
    const base = { kind: 'number', value: 10 } as const;
    expect(changeCell({ group: 'g', file: 'f', metric: 'm', base, head: { kind: 'number', value: 8 }, delta: -2, percent: -20, rule: lowerRule, status: 'improved', failing: false })).toBe('🟢 ▼ -2 (-20.0%)');
    expect(changeCell({ group: 'g', file: 'f', metric: 'm', base, head: { kind: 'number', value: 12 }, delta: 2, percent: 20, rule: lowerRule, status: 'regressed', failing: true })).toBe('🔴 ▲ +2 (+20.0%)');
    expect(changeCell({ group: 'g', file: 'f', metric: 'm', base, head: { kind: 'number', value: 12 }, delta: 2, percent: 20, status: 'changed', failing: false })).toBe('▲ +2 (+20.0%)');
  });
});

describe('the size limit', () => {
  function hugeReport(): GateReport {
    const base: Record<string, number> = {};
    const head: Record<string, number> = {};
    const rules = new Map<string, MetricRule>();
    for (let i = 0; i < 3000; i++) {
      const name = `per_class_average_precision.category_${String(i).padStart(4, '0')}`;
      base[name] = 0.5;
      head[name] = i % 3 === 0 ? 0.5 : 0.5 + (i % 2 === 0 ? 0.01 : -0.01);
      rules.set(name, { better: 'higher', maxDrop: { kind: 'absolute', value: 0.02 } });
    }
    head['per_class_average_precision.category_2999'] = 0.1;
    const group: MetricGroup = { name: 'visual-analysis', files: [VISUAL], rules };
    const rows = compareGroup(group, new Map([[VISUAL, { base: json({ ...base }), head: json({ ...head }) }]]), options);
    return buildReport([group.name], rows, []);
  }

  it(`cuts the body to ${COMMENT_LIMIT} bytes with a note linking to the job summary, failures first`, () => {
    const report = hugeReport();
    const markdown = renderReport(report, {
      title: 'Metrics',
      marker: '<!-- m -->',
      summaryUrl: SUMMARY,
      embedHistory: true,
      history: addRun(emptyHistory(), 'abc', new Map([['k', 1]])),
    });
    expect(Buffer.byteLength(markdown)).toBeLessThanOrEqual(COMMENT_LIMIT);
    expect(markdown).toMatch(/This comment is cut to GitHub's size limit: \d+ rows are not shown\. The full report is in \[the job summary\]\(https:\/\/github\.com\/aura\/platform\/actions\/runs\/4242\)\./);
    expect(markdown.split('\n')[3]).toMatch(/^❌ \*\*1 metric regressed\*\*/);
    // The failing row is listed before the rows that merely moved.
    expect(markdown.indexOf('category_2999')).toBeLessThan(markdown.indexOf('category_0001'));
    expect(markdown.trimEnd().endsWith('-->')).toBe(true);
  });

  it('renders everything when the limit allows it', () => {
    const markdown = renderReport(hugeReport(), { title: 'Metrics', limit: 10_000_000 });
    expect(markdown).not.toContain('cut to');
    expect(markdown).toContain('category_0000');
  });
});

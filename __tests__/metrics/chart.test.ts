import type { MetricRule } from '../../src/catalog/types.js';
import {
  axisRange,
  MAX_TREND_CHARTS,
  mermaidNumber,
  mermaidTrendChart,
  selectTrendCharts,
  trendChartsBlock,
} from '../../src/metrics/chart.js';
import { buildReport, compareGroup, type CompareOptions } from '../../src/metrics/compare.js';
import { addRun, emptyHistory, historyKey, type History } from '../../src/metrics/history.js';
import { diffParams, parseParamsText } from '../../src/metrics/params.js';
import { parseMetricsText } from '../../src/metrics/parse.js';
import { renderReport } from '../../src/metrics/render.js';
import type { FileRead, GateReport, MetricGroup } from '../../src/metrics/types.js';
import { mermaidBlocks, parseXYChart } from '../harness/mermaid.js';

const options: CompareOptions = { confidence: 0.95, noiseMethod: 'welch', failOnMissing: true };
const json = (value: unknown): FileRead => parseMetricsText('m.json', JSON.stringify(value));
const VISUAL = 'metrics/visual_analysis.json';
const SERVICE = 'visual-analysis';

const rules = new Map<string, MetricRule>([
  ['mAP@0.5', { better: 'higher', maxDrop: { kind: 'absolute', value: 0.01 } }],
  ['inference_time', { better: 'lower', maxRise: { kind: 'relative', percent: 10 } }],
]);

function report(base: Record<string, unknown>, head: Record<string, unknown>, group = SERVICE, file = VISUAL, withParams = false): GateReport {
  const metricGroup: MetricGroup = { name: group, files: [file], rules };
  const rows = compareGroup(metricGroup, new Map([[file, { base: json(base), head: json(head) }]]), options);
  const params = withParams
    ? diffParams('params.yaml', parseParamsText('params.yaml', 'visual:\n  lr: 0.001\n'), parseParamsText('params.yaml', 'visual:\n  lr: 0.0005\n'))
    : [];
  return buildReport([group], rows, params);
}

/** The history of the pushes: each push's short head SHA and its values by metric name. */
function pushes(runs: [string, Record<string, number>][], group = SERVICE, file = VISUAL): History {
  let history = emptyHistory();
  for (const [sha, values] of runs) {
    history = addRun(history, sha, new Map(Object.entries(values).map(([metric, value]) => [historyKey(group, file, metric), value])));
  }
  return history;
}

/** Every chart in a markdown text parses, and is what Mermaid understood. */
async function parseAll(markdown: string): Promise<Awaited<ReturnType<typeof parseXYChart>>[]> {
  const charts = [];
  for (const block of mermaidBlocks(markdown)) charts.push(await parseXYChart(block));
  return charts;
}

describe('trend charts in the job summary', () => {
  const base = { 'mAP@0.5': 0.712, inference_time: 41.2 };
  const head = { 'mAP@0.5': 0.681, inference_time: 38 };
  // Two pushes: mAP@0.5 fell from 0.7 to 0.681 (regressed against 0.712); inference_time stayed at 38.
  const history = pushes([
    ['a1b2c3d', { 'mAP@0.5': 0.7, inference_time: 38 }],
    ['e4f5a6b', { 'mAP@0.5': 0.681, inference_time: 38 }],
  ]);

  it('draws the regressed metric over two pushes, with the base as a flat line, after the tables', async () => {
    const markdown = renderReport(report(base, head, SERVICE, VISUAL, true), {
      title: 'Metrics',
      history,
      trendCharts: MAX_TREND_CHARTS,
      limit: 1_000_000,
    });

    const block = markdown.slice(markdown.indexOf('<details><summary>Trend charts</summary>'), markdown.indexOf('<sub>'));
    expect(block).toBe(
      [
        '<details><summary>Trend charts</summary>',
        '',
        '❌ **visual-analysis** · `mAP@0.5`, regressed: the head at each of 2 pushes, and the base (0.712) as a flat line.',
        '',
        '```mermaid',
        '---',
        'config:',
        '  xyChart:',
        '    width: 640',
        '    height: 320',
        '  themeVariables:',
        '    xyChart:',
        '      plotColorPalette: "#2f81f7, #8b949e"',
        '---',
        'xychart-beta',
        '  title "visual-analysis: mAP@0.5"',
        '  x-axis "push (head commit)" ["a1b2c3d", "e4f5a6b"]',
        '  y-axis "mAP@0.5" 0.677 --> 0.716',
        '  line "head" [0.7, 0.681]',
        '  line "base" [0.712, 0.712]',
        '```',
        '',
        '</details>',
        '',
        '',
      ].join('\n'),
    );
    // After every table, the parameters' included; inference_time did not move between pushes: no chart.
    expect(markdown.indexOf('<details><summary>Trend charts</summary>')).toBeGreaterThan(markdown.indexOf('| `params.yaml` | `visual.lr` |'));
    expect(markdown).not.toContain('inference_time"');

    const [chart, ...others] = await parseAll(markdown);
    expect(others).toHaveLength(0);
    expect(chart).toEqual({
      diagramType: 'xychart',
      title: 'visual-analysis: mAP@0.5',
      xAxis: { title: 'push (head commit)', categories: ['a1b2c3d', 'e4f5a6b'] },
      yAxis: { title: 'mAP@0.5', min: 0.677, max: 0.716 },
      lines: [
        { title: 'head', values: [0.7, 0.681] },
        { title: 'base', values: [0.712, 0.712] },
      ],
      config: { width: 640, height: 320 },
    });
  });

  it('keeps the comment free of charts: it has the sparklines', () => {
    const comment = renderReport(report(base, head), { title: 'Metrics', history, embedHistory: true });
    expect(comment).not.toContain('```mermaid');
    expect(comment).not.toContain('Trend charts');
    expect(comment).toContain('| █▁ |');
  });

  it('draws no chart for a single point', () => {
    const one = pushes([['a1b2c3d', { 'mAP@0.5': 0.681, inference_time: 38 }]]);
    expect(trendChartsBlock(report(base, head), one)).toEqual([]);
    expect(renderReport(report(base, head), { title: 'Metrics', history: one, trendCharts: 6 })).not.toContain('Trend charts');

    // Two pushes, but mAP@0.5 was only measured at the second: still a single point for it.
    const late = pushes([
      ['a1b2c3d', { inference_time: 40 }],
      ['e4f5a6b', { 'mAP@0.5': 0.681, inference_time: 38 }],
    ]);
    const { charts } = selectTrendCharts(report(base, head), late);
    expect(charts.map((c) => c.metric)).toEqual(['inference_time']);
    expect(trendChartsBlock(report(base, head), undefined)).toEqual([]);
  });

  it('draws a regressed metric even when it did not move between pushes, and skips runs that missed the metric', async () => {
    const history3 = pushes([
      ['1111111', { 'mAP@0.5': 0.681 }],
      ['2222222', { inference_time: 38 }],
      ['3333333', { 'mAP@0.5': 0.681, inference_time: 38 }],
    ]);
    const block = trendChartsBlock(report(base, head), history3).join('\n');
    const charts = await parseAll(block);
    expect(charts).toHaveLength(1);
    expect(charts[0]!.xAxis.categories).toEqual(['1111111', '3333333']);
    expect(charts[0]!.lines[0]!.values).toEqual([0.681, 0.681]);
  });

  it(`draws at most ${MAX_TREND_CHARTS} charts, regressed ones first, and says how many were left out`, async () => {
    const names = Array.from({ length: 9 }, (_, i) => `loss_${i}`);
    const capRules = new Map<string, MetricRule>(names.map((name) => [name, { better: 'lower', maxRise: { kind: 'absolute', value: 0.05 } }]));
    const metricGroup: MetricGroup = { name: SERVICE, files: [VISUAL], rules: capRules };
    // loss_7 and loss_8 regressed (+0.1); the others improved (-0.01); all moved between the two pushes.
    const baseValues = Object.fromEntries(names.map((name) => [name, 1]));
    const headValues = Object.fromEntries(names.map((name, i) => [name, i >= 7 ? 1.1 : 0.99]));
    const rows = compareGroup(metricGroup, new Map([[VISUAL, { base: json(baseValues), head: json(headValues) }]]), options);
    const capReport = buildReport([SERVICE], rows, []);
    const history9 = pushes([
      ['aaaaaaa', Object.fromEntries(names.map((name) => [name, 1.02]))],
      ['bbbbbbb', headValues],
    ]);

    const selection = selectTrendCharts(capReport, history9);
    expect(selection.charts.map((c) => c.metric)).toEqual(['loss_7', 'loss_8', 'loss_0', 'loss_1', 'loss_2', 'loss_3']);
    expect(selection.omitted).toBe(3);

    const markdown = renderReport(capReport, { title: 'Metrics', history: history9, trendCharts: MAX_TREND_CHARTS });
    expect(mermaidBlocks(markdown)).toHaveLength(6);
    expect(markdown).toContain('3 more metrics changed over the pushes without a chart: at most 6 charts are drawn, regressed metrics first, then those with a rule.');
    const charts = await parseAll(markdown);
    expect(charts.map((c) => c.title)).toEqual(['loss_7', 'loss_8', 'loss_0', 'loss_1', 'loss_2', 'loss_3'].map((m) => `visual-analysis: ${m}`));
    for (const chart of charts) expect(chart.xAxis.categories).toEqual(['aaaaaaa', 'bbbbbbb']);

    expect(trendChartsBlock(capReport, history9, 2).join('\n')).toContain('7 more metrics changed over the pushes without a chart: at most 2 charts are drawn');
  });

  it('after the regressed metrics, puts those with a rule before those without, and those back at the base last', () => {
    const mixedRules = new Map<string, MetricRule>([
      ['gated', { better: 'higher' }],
      ['broken', { better: 'higher', maxDrop: { kind: 'absolute', value: 0.01 } }],
    ]);
    const metricGroup: MetricGroup = { name: SERVICE, files: [VISUAL], rules: mixedRules };
    const baseValues = { back_at_base: 1, free: 1, gated: 1, broken: 1 };
    const headValues = { back_at_base: 1, free: 2, gated: 2, broken: 0.5 };
    const rows = compareGroup(metricGroup, new Map([[VISUAL, { base: json(baseValues), head: json(headValues) }]]), options);
    const history2 = pushes([
      ['aaaaaaa', { back_at_base: 3, free: 3, gated: 3, broken: 3 }],
      ['bbbbbbb', headValues],
    ]);
    const { charts } = selectTrendCharts(buildReport([SERVICE], rows, []), history2);
    expect(charts.map((c) => [c.metric, c.regressed])).toEqual([
      ['broken', true],
      ['gated', false],
      ['free', false],
      ['back_at_base', false],
    ]);
  });

  it('quotes service and metric names so that no name breaks the chart', async () => {
    const nasty = [
      'mAP@0.5',
      'say "hi"',
      '%%{init: {"theme": "dark"}}%%',
      'style:#f00;',
      '#quot; and #35;',
      '`md` <script>alert(1)</script>',
      'a|b [x], y: z; 100%',
      'line\nbreak',
      '平均精度 😀',
    ];
    const group = 'svc "quoted" #1 %%';
    const file = 'metrics/m.json';
    const nastyBase = Object.fromEntries(nasty.map((name) => [name, 1]));
    const nastyHead = Object.fromEntries(nasty.map((name) => [name, 2]));
    const metricGroup: MetricGroup = { name: group, files: [file], rules: new Map() };
    const rows = compareGroup(metricGroup, new Map([[file, { base: json(nastyBase), head: json(nastyHead) }]]), options);
    const nastyReport = buildReport([group], rows, []);
    const history2 = pushes([['aaaaaaa', Object.fromEntries(nasty.map((n) => [n, 1.5]))], ['bbbbbbb', nastyHead]], group, file);

    const markdown = renderReport(nastyReport, { title: 'Metrics', history: history2, trendCharts: 20 });
    expect(mermaidBlocks(markdown)).toHaveLength(nasty.length);
    const charts = await parseAll(markdown);
    expect(charts.map((c) => c.yAxis.title)).toEqual(nasty.map((name) => name.replace(/\s+/g, ' ')));
    expect(charts.map((c) => c.title)).toEqual(nasty.map((name) => `${group}: ${name.replace(/\s+/g, ' ')}`));
    for (const chart of charts) {
      expect(chart.lines).toEqual([
        { title: 'head', values: [1.5, 2] },
        { title: 'base', values: [1, 1] },
      ]);
    }
    // Outside the fence, the caption is markdown: the name is a code span there, as in the table.
    expect(markdown).toContain('**svc "quoted" #1 %%** · `` `md` <script>alert(1)</script> ``: the head at each of 2 pushes');
  });

  it('writes numbers the way Mermaid reads them: no exponent', async () => {
    expect(mermaidNumber(1e-7)).toBe('0.0000001');
    expect(mermaidNumber(-2.5e-8)).toBe('-0.000000025');
    expect(mermaidNumber(1e21)).toBe('1000000000000000000000');
    expect(mermaidNumber(0.681)).toBe('0.681');
    expect(mermaidNumber(-3)).toBe('-3');
    expect(axisRange([0.7, 0.681, 0.712])).toEqual(['0.677', '0.716']);
    expect(axisRange([0.01, 0.02])).toEqual(['0.009', '0.021']);
    expect(axisRange([0, 1])).toEqual(['0', '1.1']);
    expect(axisRange([-5, -1])).toEqual(['-5.4', '-0.6']);

    const tiny = mermaidTrendChart({
      group: 'g', file: 'f', metric: 'drift', showFile: false, regressed: true,
      pushes: ['aaaaaaa', 'bbbbbbb'], head: [1.2e-7, 3.4e-7], base: 1e-7,
    });
    const big = mermaidTrendChart({
      group: 'g', file: 'f', metric: 'tokens', showFile: false, regressed: false,
      pushes: ['aaaaaaa', 'bbbbbbb'], head: [2e21, 3e21], base: undefined,
    });
    expect(tiny).not.toMatch(/\de[+-]?\d/);
    expect((await parseXYChart(tiny)).lines).toEqual([
      { title: 'head', values: [1.2e-7, 3.4e-7] },
      { title: 'base', values: [1e-7, 1e-7] },
    ]);
    const parsedBig = await parseXYChart(big);
    expect(parsedBig.lines).toEqual([{ title: 'head', values: [2e21, 3e21] }]);
    expect(parsedBig.yAxis.min).toBeLessThan(2e21);
  });

  it('names the file when the service has several metrics files', async () => {
    const metricGroup: MetricGroup = { name: 'conversational-ai', files: ['a.json', 'b.json'], rules: new Map() };
    const rows = compareGroup(
      metricGroup,
      new Map([
        ['a.json', { base: json({ score: 1 }), head: json({ score: 2 }) }],
        ['b.json', { base: json({ score: 1 }), head: json({ score: 1 }) }],
      ]),
      options,
    );
    let history2 = emptyHistory();
    history2 = addRun(history2, 'aaaaaaa', new Map([[historyKey('conversational-ai', 'a.json', 'score'), 1.5], [historyKey('conversational-ai', 'b.json', 'score'), 1]]));
    history2 = addRun(history2, 'bbbbbbb', new Map([[historyKey('conversational-ai', 'a.json', 'score'), 2], [historyKey('conversational-ai', 'b.json', 'score'), 1]]));
    const markdown = trendChartsBlock(buildReport(['conversational-ai'], rows, []), history2).join('\n');
    expect(markdown).toContain('**conversational-ai** · `score` in `a.json`: the head at each of 2 pushes, and the base (1) as a flat line.');
    expect((await parseAll(markdown)).map((c) => c.title)).toEqual(['conversational-ai: score (a.json)']);
  });
});

describe('the Mermaid check itself', () => {
  it('rejects a chart broken after its title, which a check stopping at the title would pass', async () => {
    await expect(parseXYChart('xychart-beta\n  title "ok"\n  x-axis ["a", "b"]\n  line [0.7, 0.681\n')).rejects.toThrow(/Parse error on line 4/);
    await expect(parseXYChart('xychart-beta\n  title "ok"\n  x-axis ["a", "b"]\n  line [1e-5, 2]\n')).rejects.toThrow(/Parse error/);
    await expect(parseXYChart('xychart-beta\n  title ""\n  x-axis ["a", "b"]\n  line [1, 2]\n')).rejects.toThrow(/Parse error/);
    await expect(parseXYChart('a chart\n')).rejects.toThrow(/No diagram type detected/);
  });
});

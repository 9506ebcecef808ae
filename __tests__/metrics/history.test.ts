import { addRun, emptyHistory, historyKey, MAX_RUNS, readHistory, renderHistory, series, sparkline } from '../../src/metrics/history.js';

const key = historyKey('visual-analysis', 'metrics/visual_analysis.json', 'mAP@0.5');

describe('trend history', () => {
  it('round-trips through the hidden block of a comment body', () => {
    let history = addRun(emptyHistory(), 'aaaaaaa', new Map([[key, 0.7]]));
    history = addRun(history, 'bbbbbbb', new Map([[key, 0.69], ['other', 3]]));
    const body = `## Metrics\n\nsome table\n${renderHistory(history)}\n`;
    expect(readHistory(body)).toEqual(history);
    expect(series(readHistory(body), key)).toEqual([0.7, 0.69]);
    expect(series(history, 'other')).toEqual([3]);
  });

  it('replaces the run of a commit measured again instead of adding one', () => {
    let history = addRun(emptyHistory(), 'aaaaaaa', new Map([[key, 0.7]]));
    history = addRun(history, 'bbbbbbb', new Map([[key, 0.69]]));
    const again = addRun(history, 'bbbbbbb', new Map([[key, 0.69]]));
    expect(again).toEqual(history);
  });

  it(`keeps the last ${MAX_RUNS} runs`, () => {
    let history = emptyHistory();
    for (let i = 0; i < MAX_RUNS + 5; i++) history = addRun(history, `sha${i}`, new Map([[key, i]]));
    expect(history.runs).toHaveLength(MAX_RUNS);
    expect(history.runs[0]!.sha).toBe('sha5');
  });

  it('stays small when there are many metrics, dropping the oldest runs', () => {
    const values = new Map(Array.from({ length: 400 }, (_, i) => [historyKey('s', 'f', `metric_number_${i}`), i / 7] as const));
    let history = emptyHistory();
    for (let i = 0; i < 10; i++) history = addRun(history, `sha${i}`, values);
    expect(renderHistory(history).length).toBeLessThanOrEqual(16_000);
    expect(history.runs.at(-1)!.sha).toBe('sha9');
  });

  it('reads a missing or damaged block as no history', () => {
    expect(readHistory(undefined)).toEqual(emptyHistory());
    expect(readHistory('no block')).toEqual(emptyHistory());
    expect(readHistory('<!-- aura:metrics-history !!!notbase64 -->')).toEqual(emptyHistory());
    expect(readHistory(`<!-- aura:metrics-history ${Buffer.from('{"v":2}').toString('base64')} -->`)).toEqual(emptyHistory());
  });

  it('draws sparklines from the lowest to the highest value', () => {
    expect(sparkline([1, 2, 3, 4, 5, 6, 7, 8])).toBe('▁▂▃▄▅▆▇█');
    expect(sparkline([0.7, 0.69, 0.681])).toBe('█▄▁');
    expect(sparkline([2, 2])).toBe('▄▄');
  });
});

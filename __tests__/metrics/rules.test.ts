import { ConfigurationError } from '../../src/core/errors.js';
import { allowedWorsening, describeThreshold, parseRulesInput, parseThreshold } from '../../src/metrics/rules.js';

describe('rules', () => {
  it('reads absolute and relative thresholds', () => {
    expect(parseThreshold(0.01, 'x')).toEqual({ kind: 'absolute', value: 0.01 });
    expect(parseThreshold('0.01', 'x')).toEqual({ kind: 'absolute', value: 0.01 });
    expect(parseThreshold('10%', 'x')).toEqual({ kind: 'relative', percent: 10 });
    expect(parseThreshold('2.5 %', 'x')).toEqual({ kind: 'relative', percent: 2.5 });
  });

  it.each([[-1], ['-5%'], ['ten'], [null], [true]])('rejects %p with the accepted forms in the message', (raw) => {
    expect(() => parseThreshold(raw, "rule \"acc\".max_drop")).toThrow(/rule "acc".max_drop must be a non-negative number .* or a percentage .*"5%"/);
  });

  it('reads the rules input as YAML or JSON, keeping dotted names whole', () => {
    const yaml = parseRulesInput('"mAP@0.5": {better: higher, max_drop: 0.01}\ninference_time:\n  better: lower\n  max_rise: 10%\n');
    expect([...yaml.keys()]).toEqual(['mAP@0.5', 'inference_time']);
    expect(yaml.get('inference_time')).toEqual({ better: 'lower', maxRise: { kind: 'relative', percent: 10 } });
    const json = parseRulesInput('{"train.loss": {"better": "lower"}}');
    expect(json.get('train.loss')).toEqual({ better: 'lower' });
  });

  it('names the input and the rule in every error', () => {
    const error = (text: string): string => {
      try {
        parseRulesInput(text);
      } catch (e) {
        expect(e).toBeInstanceOf(ConfigurationError);
        return (e as Error).message;
      }
      throw new Error('no error');
    };
    expect(error('acc: {better: up}')).toBe(`input 'rules': rule "acc".better must be 'higher' or 'lower', got "up"`);
    expect(error('acc: {better: higher, max_rise: 1}')).toMatch(/max_rise applies to metrics where lower is better/);
    expect(error('acc: {better: higher, maxdrop: 1}')).toMatch(/unknown key 'maxdrop'/);
    expect(error('[1, 2]')).toMatch(/must be a mapping from metric name to rule/);
    expect(error('acc: [')).toMatch(/input 'rules' is not valid YAML or JSON/);
  });

  it('computes the allowed worsening and describes it', () => {
    expect(allowedWorsening({ better: 'lower', maxRise: { kind: 'relative', percent: 10 } }, -40)).toBe(4);
    expect(allowedWorsening({ better: 'higher' }, 1)).toBe(0);
    expect(describeThreshold({ better: 'higher', maxDrop: { kind: 'absolute', value: 0.01 } })).toBe('max drop 0.01');
    expect(describeThreshold({ better: 'lower', maxRise: { kind: 'relative', percent: 10 } })).toBe('max rise 10%');
    expect(describeThreshold({ better: 'lower' })).toBe('any rise');
  });
});

import { ConfigurationError } from '../../src/core/errors.js';
import {
  getBoolean,
  getDuration,
  getEnum,
  getJson,
  getList,
  getListOrJson,
  getRequired,
  assertExclusive,
} from '../../src/core/inputs.js';

function withInputs(inputs: Record<string, string>, fn: () => void): void {
  const saved = { ...process.env };
  for (const [name, value] of Object.entries(inputs)) process.env[`INPUT_${name.toUpperCase()}`] = value;
  try {
    fn();
  } finally {
    process.env = saved;
  }
}

function errorOf(fn: () => unknown): ConfigurationError {
  try {
    fn();
  } catch (error) {
    if (error instanceof ConfigurationError) return error;
    throw error;
  }
  throw new Error('expected a ConfigurationError');
}

describe('input readers', () => {
  it('names a missing required input and where to set it', () => {
    withInputs({}, () => {
      expect(errorOf(() => getRequired('image')).message).toBe(
        "input 'image' is required; set it under 'with:' in the workflow step",
      );
    });
  });

  it('reads booleans in the forms YAML users write, and rejects anything else by name', () => {
    withInputs({ a: 'true', b: 'False', c: 'yes', d: 'maybe' }, () => {
      expect(getBoolean('a', false)).toBe(true);
      expect(getBoolean('b', true)).toBe(false);
      expect(getBoolean('c', false)).toBe(true);
      expect(getBoolean('missing', true)).toBe(true);
      expect(errorOf(() => getBoolean('d', false)).message).toBe("input 'd' must be true or false, got 'maybe'");
    });
  });

  it('lists the accepted values of an enum', () => {
    withInputs({ comment: 'always' }, () => {
      expect(errorOf(() => getEnum('comment', ['sticky', 'on-change', 'off'], 'sticky')).message).toBe(
        "input 'comment' must be one of 'sticky', 'on-change', 'off', got 'always'",
      );
    });
    withInputs({ comment: 'OFF' }, () => expect(getEnum('comment', ['sticky', 'off'], 'sticky')).toBe('off'));
  });

  it('parses durations with units and bare seconds', () => {
    withInputs({ a: '90s', b: '1h30m', c: '250ms', d: '12', e: 'soon', f: '5 minutes' }, () => {
      expect(getDuration('a', 0)).toBe(90_000);
      expect(getDuration('b', 0)).toBe(5_400_000);
      expect(getDuration('c', 0)).toBe(250);
      expect(getDuration('d', 0)).toBe(12_000);
      expect(getDuration('missing', 7)).toBe(7);
      expect(errorOf(() => getDuration('e', 0)).message).toMatch(/input 'e' must be a duration such as 30s/);
      expect(() => getDuration('f', 0)).toThrow(ConfigurationError);
    });
  });

  it('reads lists one per line or comma-separated, dropping comments and blanks', () => {
    withInputs({ list: 'a, b\n\n  c  # the third\n# only a comment\nd' }, () => {
      expect(getList('list')).toEqual(['a', 'b', 'c', 'd']);
    });
  });

  it('accepts the JSON array another step outputs where a list is expected', () => {
    withInputs({ services: '["visual-analysis","outfit-recommendation"]', bad: '[1,2]' }, () => {
      expect(getListOrJson('services')).toEqual(['visual-analysis', 'outfit-recommendation']);
      expect(errorOf(() => getListOrJson('bad')).message).toMatch(/JSON array of strings/);
    });
  });

  it('reports invalid JSON with the input name', () => {
    withInputs({ rules: '{"a":' }, () => {
      expect(errorOf(() => getJson('rules')).message).toMatch(/^input 'rules' is not valid JSON \(/);
    });
  });

  it('names both inputs that exclude each other', () => {
    withInputs({ kubeconfig: 'x', cluster: 'y' }, () => {
      expect(errorOf(() => assertExclusive(['kubeconfig', 'cluster', 'project'])).message).toBe(
        "inputs 'kubeconfig' and 'cluster' cannot be used together; set only one of them",
      );
    });
  });
});

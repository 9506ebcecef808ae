import { parseJson, parseParamsFile, parseYaml, parseYamlFully } from '../../src/dvc/files.js';
import {
  diffValues,
  formatValue,
  getKeyPath,
  type ParamValue,
  PyFloat,
  pythonEquals,
  pythonFloatRepr,
  pythonStr,
} from '../../src/dvc/values.js';

describe('Python float spelling (what DVC interpolates into a command)', () => {
  it.each([
    [0.001, '0.001'],
    [0.0001, '0.0001'],
    [0.00001, '1e-05'],
    [1, '1.0'],
    [100, '100.0'],
    [1e15, '1000000000000000.0'],
    [1e16, '1e+16'],
    [1.5e17, '1.5e+17'],
    [-2.5, '-2.5'],
    [0.1 + 0.2, '0.30000000000000004'],
    [123456.789, '123456.789'],
    [-0, '-0.0'],
    [Number.POSITIVE_INFINITY, 'inf'],
    [Number.NaN, 'nan'],
  ])('%p prints as %s', (value, text) => {
    expect(pythonFloatRepr(value)).toBe(text);
  });

  it('keeps ints and floats apart when printed, as Python does', () => {
    expect(pythonStr(10)).toBe('10');
    expect(pythonStr(new PyFloat(10))).toBe('10.0');
    expect(pythonStr(true)).toBe('True');
    expect(pythonStr(null)).toBe('None');
  });
});

describe('Python equality (how DVC compares tracked params)', () => {
  it('treats 1, 1.0 and true as equal, like Python', () => {
    expect(pythonEquals(1, new PyFloat(1))).toBe(true);
    expect(pythonEquals(true, 1)).toBe(true);
    expect(pythonEquals(false, new PyFloat(0))).toBe(true);
  });

  it('tells different values, types and shapes apart', () => {
    expect(pythonEquals(1, '1')).toBe(false);
    expect(pythonEquals(null, 0)).toBe(false);
    expect(pythonEquals([1, 2], [1, 2, 3])).toBe(false);
    expect(pythonEquals({ a: 1 }, { a: 1, b: 2 })).toBe(false);
    expect(pythonEquals({ a: 1, b: [1] }, { b: [new PyFloat(1)], a: 1 })).toBe(true);
    expect(pythonEquals(undefined, null)).toBe(false);
  });
});

describe('dotted key paths (DVC params: entries)', () => {
  const data: ParamValue = { train: { lr: 0.1, layers: [{ units: 8 }, { units: 16 }] }, 'a.b': 1 };

  it('walks mappings and list indexes', () => {
    expect(getKeyPath(data, 'train.lr')).toEqual({ found: true, value: 0.1 });
    expect(getKeyPath(data, 'train.layers.1.units')).toEqual({ found: true, value: 16 });
    expect(getKeyPath(data, 'train')).toEqual({ found: true, value: (data as { train: ParamValue }).train });
  });

  it('reports missing keys, out-of-range indexes and keys that contain dots', () => {
    expect(getKeyPath(data, 'train.momentum').found).toBe(false);
    expect(getKeyPath(data, 'train.layers.2').found).toBe(false);
    expect(getKeyPath(data, 'a.b').found).toBe(false);
  });
});

describe('diffValues', () => {
  it('reports leaf changes under a tracked group with before and after', () => {
    const changes = diffValues(
      'train',
      { lr: new PyFloat(0.001), epochs: 3, opt: { name: 'adam' } },
      { lr: new PyFloat(0.002), epochs: 3, opt: { name: 'sgd' }, seed: 1 },
    );
    expect(changes.map((c) => `${c.key} ${formatValue(c.before)} -> ${formatValue(c.after)}`)).toEqual([
      'train.lr 0.001 -> 0.002',
      'train.opt.name "adam" -> "sgd"',
      'train.seed (missing) -> 1',
    ]);
  });

  it('finds nothing when only the spelling of equal values differs', () => {
    expect(diffValues('x', { a: 1, b: true }, { b: 1, a: new PyFloat(1) })).toEqual([]);
  });
});

describe('params file parsing keeps Python types', () => {
  it.each([
    ['the fast reader', parseYaml],
    ['the yaml package', parseYamlFully],
  ])('YAML through %s: floats are boxed, ints are not, as ruamel reads them', (_name, parse) => {
    const { value } = parse('a: 1\nb: 1.0\nc: 1e-3\nd: .5\ne: .inf\nf: 0x10\ng: yes\n', 'p.yaml');
    const v = value as Record<string, ParamValue>;
    expect(v.a).toBe(1);
    expect(v.b).toEqual(new PyFloat(1));
    expect(v.c).toEqual(new PyFloat(0.001));
    expect(v.d).toEqual(new PyFloat(0.5));
    expect(v.e).toEqual(new PyFloat(Number.POSITIVE_INFINITY));
    expect(v.f).toBe(16);
    expect(v.g).toBe('yes');
  });

  it('JSON: a number written with a fraction or exponent is a float', () => {
    expect(parseJson('{"a": 1, "b": 1.0, "c": 2e3, "d": [0.5]}', 'c.json')).toEqual({
      a: 1,
      b: new PyFloat(1),
      c: new PyFloat(2000),
      d: [new PyFloat(0.5)],
    });
  });

  it('reports a JSON syntax error with its line and column', () => {
    expect(() => parseJson('{\n  "a": 1,\n  "b" 2\n}', 'cfg.json')).toThrow(
      expect.objectContaining({ location: { file: 'cfg.json', line: 3, column: 7 } }),
    );
  });

  it('reports a YAML syntax error with its line and column', () => {
    expect(() => parseYaml('a: 1\nb: [1, 2\nc: 3\n', 'params.yaml')).toThrow(/^params\.yaml:\d+:\d+: not valid YAML/);
  });

  it('picks the parser by extension, YAML for unknown names', () => {
    expect(parseParamsFile('a: 1.0', 'params.cfg')).toEqual({ a: new PyFloat(1) });
    expect(parseParamsFile('a = 1.0', 'p.toml')).toEqual({ a: new PyFloat(1) });
    expect(parseParamsFile('A = 1', 'params.py')).toBeUndefined();
  });
});

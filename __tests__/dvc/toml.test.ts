import { parseToml, TomlError } from '../../src/dvc/toml.js';
import { PyFloat } from '../../src/dvc/values.js';

describe('TOML params files', () => {
  it('reads tables, dotted keys, arrays of tables and inline tables', () => {
    const text = [
      '# model settings',
      'title = "aura"',
      'train.lr = 0.001',
      '',
      '[model]',
      'name = "detr"   # backbone',
      'layers = [ 1, 2,',
      '  3, ]',
      'opt = { name = "adam", betas = [0.9, 0.999] }',
      '',
      '[model.head]',
      "kind = 'linear'",
      '',
      '[[stages]]',
      'name = "a"',
      '[[stages]]',
      'name = "b"',
    ].join('\n');
    expect(parseToml(text)).toEqual({
      title: 'aura',
      train: { lr: new PyFloat(0.001) },
      model: {
        name: 'detr',
        layers: [1, 2, 3],
        opt: { name: 'adam', betas: [new PyFloat(0.9), new PyFloat(0.999)] },
        head: { kind: 'linear' },
      },
      stages: [{ name: 'a' }, { name: 'b' }],
    });
  });

  it('reads numbers, booleans, strings and dates as Python would type them', () => {
    const text = [
      'int = 1_000',
      'neg = -7',
      'hex = 0xff',
      'oct = 0o17',
      'bin = 0b101',
      'flt = 3.0',
      'exp = 5e-3',
      'inf = -inf',
      'yes = true',
      'esc = "tab\\there \\u00e9"',
      'lit = \'C:\\path\'',
      'multi = """',
      'line one \\',
      '   continued"""',
      "raw = '''",
      "two",
      "lines'''",
      'when = 1979-05-27T07:32:00Z',
      'day = 1979-05-27',
      'spaced = 1979-05-27 07:32:00',
      '"quoted key" = 1',
    ].join('\n');
    expect(parseToml(text)).toEqual({
      int: 1000,
      neg: -7,
      hex: 255,
      oct: 15,
      bin: 5,
      flt: new PyFloat(3),
      exp: new PyFloat(0.005),
      inf: new PyFloat(Number.NEGATIVE_INFINITY),
      yes: true,
      esc: 'tab\there é',
      lit: 'C:\\path',
      multi: 'line one continued',
      raw: 'two\nlines',
      when: '1979-05-27T07:32:00Z',
      day: '1979-05-27',
      spaced: '1979-05-27 07:32:00',
      'quoted key': 1,
    });
  });

  it.each([
    ['a = 1\na = 2', 2, 1, /defined twice/],
    ['[t]\nx = 1\n[t]\ny = 2', 3, 2, /defined twice/],
    ['a = "open', 1, 5, /unterminated/],
    ['a = 1 b', 1, 7, /end of the line/],
    ['a = [1, 2', 1, 10, /expected ',' or ']'/],
    ['x = { a = 1 }\n[x]\n', 2, 2, /defined twice|inline table/],
    ['n = 12abc', 1, 5, /not a valid value/],
  ])('rejects %p at line %p column %p', (text, line, column, message) => {
    let error: unknown;
    try {
      parseToml(text);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(TomlError);
    expect(error).toMatchObject({ line, column });
    expect((error as Error).message).toMatch(message);
  });
});

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseFastYaml } from '../../src/dvc/fast-yaml.js';
import { parseYamlFully } from '../../src/dvc/files.js';
import type { ParamValue } from '../../src/dvc/values.js';
import { FIXTURES } from '../harness/paths.js';

/**
 * The fast reader must read every document it accepts exactly as the `yaml` package does (and
 * accept nothing the `yaml` package rejects); it may give up on anything.
 */
function full(text: string): { value?: ParamValue; error?: unknown } {
  try {
    return { value: parseYamlFully(text, 'doc.yaml').value };
  } catch (error) {
    return { error };
  }
}

function expectAgreement(text: string): ParamValue | undefined {
  const fast = parseFastYaml(text);
  if (fast === undefined) return undefined;
  const reference = full(text);
  expect(reference.error).toBeUndefined();
  expect(fast).toEqual(reference.value);
  return fast;
}

const fixture = (name: string): string => readFileSync(join(FIXTURES, 'aura-monorepo', name), 'utf8');

const ACCEPTED: Record<string, string> = {
  'nested mappings with comments': '# top\na:\n  b: 1   # one\n  c:\n    d: x\n\n# between\ne: 2\n',
  'lists, block and at the mapping indentation': 'deps:\n  - a\n  - b\nouts:\n- c\n- d\nnext: 1\n',
  'compact mappings in lists': 'metrics:\n  - m.json:\n      cache: false\n  - path: p\n    x: 1\n- y\n'.replace('\n- y\n', '\n'),
  'lists of lists': 'a:\n  - - 1\n    - 2\n  - - 3\n',
  'block scalars': 'a: |\n  line one\n  # not a comment\nb: |-\n  kept\nc: >\n  folded\n  text\nd: >-\n  python train.py\n  --lr ${lr}\ne: 1\n',
  'quoted keys and values': `"q k": 'it''s'\n'x': "y z"\nempty: ''\n`,
  'flow lists and mappings': 'a: [1, 2.5, x, true, null]\nb: {k: v, n: 3}\nc: []\nd: {}\ne: [a, b,]\n',
  'core schema scalars': [
    'i: 12',
    'neg: -3',
    'zero: -0',
    'plus: +4',
    'oct: 0o17',
    'hex: 0xff',
    'f: 1.0',
    'f2: .5',
    'f3: 1.',
    'e: 1e-3',
    'e2: 2E+5',
    'inf: -.inf',
    'nan: .NaN',
    't: True',
    'n: ~',
    'n2: null',
    'n3:',
    's: yes',
    'ver: 1.2.3',
    'date: 2024-01-01',
    'url: s3://bucket/path',
    'hash: a#b',
    'dash: -x',
    'colon: a:b',
    'spaces: two words here',
  ].join('\n'),
  'stage with interpolation': 'stages:\n  t:\n    cmd: python t.py --lr ${train.lr} ${args}\n    foreach: ${models}\n',
  'empty document': '# only a comment\n\n',
  'trailing spaces': 'a: 1   \nb:    \n  - x  \n',
};

const GIVEN_UP: Record<string, string> = {
  anchors: 'a: &x 1\nb: *x\n',
  tags: 'a: !!str 1\n',
  'merge keys': 'base: {a: 1}\nc:\n  <<: {b: 2}\n',
  tabs: 'a:\t1\n',
  'multi-line plain': 'a: one\n  two\n',
  'multi-line flow': 'a: [1,\n  2]\n',
  'escaped double quotes': 'a: "tab\\t"\n',
  'document marker': '---\na: 1\n',
  'nested flow': 'a: [[1], 2]\n',
  'quoted flow items': 'a: ["x", y]\n',
  'duplicate keys': 'a: 1\na: 2\n',
  'blank line in a block scalar': 'a: |\n  x\n\n  y\n',
  'kept chomping': 'a: |+\n  x\n',
  'value with a colon and space': 'a: b: c\n',
  'windows line ends': 'a: 1\r\nb: 2\r\n',
  'bad indentation': 'a:\n  b: 1\n c: 2\n',
};

describe('fast YAML reader', () => {
  it.each(Object.entries(ACCEPTED))('reads %s exactly as the yaml package does', (_name, text) => {
    expect(expectAgreement(text)).not.toBeUndefined();
  });

  it.each(Object.entries(GIVEN_UP))('gives up on %s', (_name, text) => {
    expect(parseFastYaml(text)).toBeUndefined();
  });

  it('reads the example monorepo dvc.yaml and params.yaml without falling back', () => {
    expect(expectAgreement(fixture('dvc.yaml'))).toMatchObject({ stages: { visual_train: { cmd: expect.any(String) } } });
    expect(expectAgreement(fixture('params.yaml'))).toMatchObject({ visual: { train: { epochs: 12 } } });
  });

  it('never disagrees with the yaml package on damaged documents', () => {
    // Deterministic mutations of real files: drop, duplicate or replace one character.
    const sources = [fixture('dvc.yaml'), fixture('params.yaml'), ...Object.values(ACCEPTED)];
    const replacements = [' ', ':', '-', '#', '\n', '"', "'", '[', '{', '|', '>', '0', '.', 'x'];
    let seed = 12345;
    const random = (n: number): number => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };
    let accepted = 0;
    for (let round = 0; round < 800; round++) {
      const source = sources[random(sources.length)] as string;
      const at = random(source.length);
      const kind = random(3);
      const text =
        kind === 0
          ? source.slice(0, at) + source.slice(at + 1)
          : kind === 1
            ? source.slice(0, at) + source[at] + source.slice(at)
            : source.slice(0, at) + replacements[random(replacements.length)] + source.slice(at + 1);
      if (expectAgreement(text) !== undefined) accepted++;
    }
    expect(accepted).toBeGreaterThan(50);
  });
});

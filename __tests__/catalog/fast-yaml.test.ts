import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { LineCounter } from 'yaml';
import { parseFast } from '../../src/catalog/fast-yaml.js';
import { parseWithYamlPackage } from '../../src/catalog/full-yaml.js';
import { globRegExp, mayFailToCompile } from '../../src/catalog/globs.js';
import type { YamlNode } from '../../src/catalog/tree.js';
import { FIXTURES, REPO_ROOT } from '../harness/paths.js';
import { generateCatalog } from './generate.js';

/** The `yaml` package's reading of a text, as the tree, or the problem it reports. */
function fullRead(text: string): { root: YamlNode | null } | { problem: string } {
  const lines = new LineCounter();
  lines.addNewLine(0);
  const result = parseWithYamlPackage(text, lines);
  return 'problem' in result ? { problem: result.problem.message } : result;
}

/**
 * The fast reader either declines (undefined) or reads exactly what the `yaml` package reads:
 * the same values, keys, kinds and source offsets. It must never accept what YAML rejects.
 */
function expectSameReading(text: string): 'fast' | 'declined' {
  const fast = parseFast(text);
  if (fast === undefined) return 'declined';
  const full = fullRead(text);
  if ('problem' in full) throw new Error(`the fast reader accepted YAML the yaml package rejects (${full.problem}):\n${text}`);
  expect(fast).toEqual(full.root);
  return 'fast';
}

describe('the fast YAML reader', () => {
  it.each([
    ['the example monorepo', readFileSync(join(FIXTURES, 'aura-monorepo', '.github', 'services.yml'), 'utf8')],
    ['the example a consumer copies', readFileSync(join(REPO_ROOT, 'action-templates', 'services.yml'), 'utf8')],
    ['a generated catalog of 50 services', generateCatalog(50)],
  ])('reads %s itself, as the yaml package does (loading stays fast)', (_name, text) => {
    expect(expectSameReading(text)).toBe('fast');
  });

  it.each([
    'a: 1',
    'a: [sub/dvc.yaml:train, x]',
    'a: -x',
    'a: [-x, -1, +2, .5, 1e3, 0x1F, 0o17, 012, 1_000]',
    'a: [true, False, TRUE, ~, null, Null, .inf, -.Inf, .nan, yes, no]',
    'a: x#y',
    'a: [x y, "a, b", \'it\'\'s\']',
    '-foo: 1',
    'a:b: c',
    'a  : 1',
    'a:\n- x\n- y\nb: 1',
    'a:\n  -\n  - x',
    'a:\nb: ~',
    '"mAP@0.5": {better: higher, max_drop: 0.01}',
    'a: x]',
    'a: http://example.com/x?y=1#frag',
    '---\na: 1 # c\n # d\nb: 2',
    'a: 1\r\nb:\r\n  - x\r\n',
    '1: x\n1.0: y',
    'a: { }\nb: [ ]',
    'k: "#not a comment"  # a comment',
  ])('reads %j as the yaml package does', (text) => {
    expectSameReading(text);
  });

  it.each([
    'a: - x',
    'a: b: c',
    'a: "x',
    "a: [x, 'y\n  , z]",
    'a:\n  b: 1\n c: 2',
    'a: [a]#c',
    'a: "a"#c',
    'a: @x',
    'a: 1\na: 2',
    'a: {b: 1, b: 2}',
    'a: [x: 1]',
    'a: [b, c,]',
    'a: {b}',
    'a: &x 1\nb: *x',
    'a: !tag x',
    'a: |\n  text',
    'a: "esc\\"aped"',
    'a: plain\n  continued',
    '%YAML 1.2\n---\na: 1',
    'a: 1\n---\nb: 2',
    '- a\n- b',
    '? complex\n: key',
    'a:\tb',
  ])('declines %j and leaves it to the yaml package', (text) => {
    expect(parseFast(text)).toBeUndefined();
  });

  it('agrees with the yaml package on 1500 generated documents, and reads most of them itself', () => {
    let seed = 20240607;
    const random = (): number => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed / 2147483648;
    };
    const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
    const SCALARS = [
      'a', 'services/a/**', '"quoted #1"', "'single ''q'''", 'true', 'False', '~', 'null', '0x1F', '0o17', '1e3',
      '-1.5', '.inf', '-x', 'a:b', 'x#y', 'a b', '"mAP@0.5"', '10%', '1_000', '012', '+1', 'http://x', '"a:b"',
      "'#x'", '"x, y"', '[x]', '@x', 'a: b', '"open', "''", '""', 'yes', '-', '- x', '?x', ':x', '*x', '&x y', '!x',
      '{a: 1}', 'é/ü', '"\\t"', 'x ', ' x',
    ] as const;
    const KEYS = ['a', 'b-c', '"q k"', 'x.y', '1', 'true', "'s'", '-k', 'a:b', 'mAP@0.5', '"m@1"', 'k k', '? q'] as const;
    const comment = () => (random() < 0.2 ? pick([' # c', '  #c', '#c']) : '');
    const flowItem = () => pick(SCALARS);
    const flowSeq = () => `[${Array.from({ length: Math.floor(random() * 4) }, flowItem).join(pick([', ', ',', ' , ']))}]`;
    const flowMap = () =>
      `{${Array.from({ length: Math.floor(random() * 3) }, () => `${pick(KEYS)}: ${flowItem()}`).join(', ')}}`;
    const block = (indent: number, depth: number): string[] => {
      const pad = ' '.repeat(indent);
      const out: string[] = [];
      const count = 1 + Math.floor(random() * 3);
      const asSeq = depth > 0 && random() < 0.3;
      for (let i = 0; i < count; i++) {
        if (random() < 0.1) out.push(`${' '.repeat(Math.floor(random() * 6))}# note`);
        if (random() < 0.05) out.push('');
        const head = asSeq ? `${pad}-` : `${pad}${pick(KEYS)}:`;
        const kind = random();
        if (depth < 3 && kind < 0.25) {
          out.push(head + comment());
          const step = random() < 0.1 ? 0 : pick([1, 2, 4]);
          out.push(...(step === 0 && !asSeq ? block(indent, depth + 1).map((l) => l.replace(/^(\s*)([^\s-])/, '$1- $2')) : block(indent + step, depth + 1)));
        } else if (kind < 0.45) out.push(`${head} ${flowSeq()}${comment()}`);
        else if (kind < 0.55) out.push(`${head} ${flowMap()}${comment()}`);
        else if (kind < 0.6) out.push(head);
        else out.push(`${head} ${pick(SCALARS)}${comment()}`);
      }
      return out;
    };
    let fast = 0;
    const total = 1500;
    for (let doc = 0; doc < total; doc++) {
      const text = block(0, 0).join(random() < 0.1 ? '\r\n' : '\n') + (random() < 0.5 ? '\n' : '');
      if (expectSameReading(text) === 'fast') fast++;
    }
    // Most generated documents use only what catalogs use; a fast reader that declined them all
    // would make loading slow without failing any other test.
    expect(fast).toBeGreaterThan(total * 0.15);
  });
});

describe('glob validation', () => {
  it('compiles every glob that mayFailToCompile lets through without compiling (fuzzed)', () => {
    let seed = 7;
    const random = (): number => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed / 2147483648;
    };
    const alphabet = [...'abz09/._-*?@~ =,|^$%&;\'"#:<>`çğ€', '**', '/**/', '*.'];
    let checked = 0;
    for (let i = 0; i < 20000; i++) {
      let glob = '';
      const length = 1 + Math.floor(random() * 12);
      for (let k = 0; k < length; k++) glob += alphabet[Math.floor(random() * alphabet.length)];
      if (mayFailToCompile(glob)) continue;
      checked++;
      expect(() => globRegExp(glob)).not.toThrow();
    }
    expect(checked).toBe(20000);
  });

  it('catches the globs picomatch cannot compile', () => {
    for (const glob of ['a{b', '[z-a]', 'a\\', '!(a', 'b.+++']) {
      expect(mayFailToCompile(glob)).toBe(true);
      expect(() => globRegExp(glob)).toThrow();
    }
  });
});

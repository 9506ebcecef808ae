import { ConfigurationError } from '../../src/core/errors.js';
import { allowsAtLeast, bestMatch, compareVersions, parseSpecifier, parseVersion, satisfies } from '../../src/dvc/version.js';

describe('the version input, read as pip reads a specifier', () => {
  it.each([
    ['3.*', '==3.*'],
    ['3.67.1', '==3.67.1'],
    ['>=3.51,<4', '>=3.51,<4'],
    [' >= 3.51 , < 4 ', '>=3.51,<4'],
    ['~=3.60', '~=3.60'],
    ['latest', ''],
    ['', ''],
    ['*', ''],
  ])('%j is %j for pip', (input, pip) => {
    expect(parseSpecifier(input).text).toBe(pip);
  });

  it.each([
    ['3.67.1', '3.*', true],
    ['4.0.0', '3.*', false],
    ['3.67.1', '>=3.51,<4', true],
    ['3.50.9', '>=3.51,<4', false],
    ['3.67.1', '==3.67.1', true],
    ['3.67.0', '3.67.1', false],
    ['3.67.1', '~=3.60', true],
    ['4.0.0', '~=3.60', false],
    ['3.60.2', '~=3.60.1', true],
    ['3.61.0', '~=3.60.1', false],
    ['3.67.1', '!=3.67.*', false],
    ['3.66.0', '!=3.67.*', true],
    ['3.67.1', 'latest', true],
    ['3.68.0rc1', '3.*', true],
    ['3.68.0rc1', '>=3.68.0rc1', true],
    ['3.67', '==3.67.0', true],
    ['3.67.1.post1', '>3.67.1', false],
    ['3.68.0', '>3.67.1', true],
    ['3.68.0.dev1', '<3.68', false],
  ])('%s satisfies %s: %s', (version, spec, expected) => {
    expect(satisfies(version, parseSpecifier(spec))).toBe(expected);
  });

  it('orders releases, pre-releases, post-releases and dev releases as PEP 440 does', () => {
    const ordered = ['3.0.dev1', '3.0a1', '3.0b2', '3.0rc1', '3.0', '3.0.post1', '3.0.1', '3.10.0'];
    const sorted = [...ordered].reverse().sort((a, b) => compareVersions(parseVersion(a)!, parseVersion(b)!));
    expect(sorted).toEqual(ordered);
  });

  it('picks the highest installed version that satisfies the specifier', () => {
    expect(bestMatch(['3.51.0', '3.67.1', '3.60.0', '4.0.0', 'junk'], parseSpecifier('3.*'))).toBe('3.67.1');
    expect(bestMatch(['3.40.0'], parseSpecifier('>=3.51'))).toBeUndefined();
  });

  it('knows when a specifier rules out every release from a minimum on', () => {
    expect(allowsAtLeast(parseSpecifier('3.*'), '3.51.0')).toBe(true);
    expect(allowsAtLeast(parseSpecifier('>=3.0,<3.51'), '3.51.0')).toBe(false);
    expect(allowsAtLeast(parseSpecifier('==3.40.0'), '3.51.0')).toBe(false);
    expect(allowsAtLeast(parseSpecifier('3.40.*'), '3.51.0')).toBe(false);
    expect(allowsAtLeast(parseSpecifier('~=3.40.0'), '3.51.0')).toBe(false);
    expect(allowsAtLeast(parseSpecifier('~=3.40'), '3.51.0')).toBe(true);
    expect(allowsAtLeast(parseSpecifier('<=3.51.0'), '3.51.0')).toBe(true);
  });

  it('rejects what pip would reject, naming the input', () => {
    expect(() => parseSpecifier('>=3.*')).toThrow(ConfigurationError);
    expect(() => parseSpecifier('>=3.*')).toThrow(/input 'version': '>=3\.\*' uses a wildcard with >=/);
    expect(() => parseSpecifier('three')).toThrow(/'three' is not a version or version specifier; write for example 3\.67\.1, 3\.\*/);
    expect(() => parseSpecifier('~=3')).toThrow(/needs at least two release numbers/);
  });
});

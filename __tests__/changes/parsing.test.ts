import { toChangedFile } from '../../src/changes/rest.js';
import { globMatcher, parseLsRemoteTags } from '../../src/changes/tags.js';
import { parseNameStatus } from '../../src/git/diff.js';
import { parseBatch } from '../../src/git/objects.js';

/** The parsers between git's or GitHub's output and the change set, on the exact bytes they emit. */

describe('git diff --name-status -z', () => {
  it('reads every status, and renames and copies with both paths', () => {
    const output = [
      'A', 'new file.py',
      'M', 'dvc.yaml',
      'D', 'gone\nwith newline',
      'R087', 'old "name".py', 'new "name".py',
      'C100', 'template.yaml', 'copy.yaml',
      'T', 'link',
      'X', 'odd',
      '',
    ].join('\0');
    expect(parseNameStatus(output)).toEqual([
      { path: 'new file.py', status: 'added' },
      { path: 'dvc.yaml', status: 'modified' },
      { path: 'gone\nwith newline', status: 'deleted' },
      { path: 'new "name".py', status: 'renamed', previousPath: 'old "name".py' },
      { path: 'copy.yaml', status: 'copied', previousPath: 'template.yaml' },
      { path: 'link', status: 'type-changed' },
      { path: 'odd', status: 'unknown' },
    ]);
  });

  it('reads an empty diff as no files, and refuses a truncated entry', () => {
    expect(parseNameStatus('')).toEqual([]);
    expect(() => parseNameStatus('R100\0only-old\0')).toThrow(/truncated git diff entry 'R100'/);
  });
});

describe('git cat-file --batch', () => {
  it('reads contents of any bytes, and missing names even when they contain newlines', () => {
    const blob = Buffer.from('line one\nline two\n\0binary');
    const output = Buffer.concat([
      Buffer.from(`${'a'.repeat(40)} blob ${blob.length}\n`),
      blob,
      Buffer.from('\n'),
      Buffer.from('HEAD:odd\nname missing\n'),
      Buffer.from(`${'b'.repeat(40)} missing\n`), // a submodule's commit: the name resolved, the object is elsewhere
      Buffer.from(`${'c'.repeat(40)} tree 0\n\n`),
    ]);
    const objects = parseBatch(output, ['HEAD:file', 'HEAD:odd\nname', 'HEAD:vendor/sub', 'HEAD:dir']);
    expect(objects[0]).toEqual({ type: 'blob', content: blob });
    expect(objects[1]).toBeUndefined();
    expect(objects[2]).toBeUndefined();
    expect(objects[3]).toEqual({ type: 'tree', content: Buffer.alloc(0) });
  });
});

describe('tag patterns', () => {
  it.each([
    ['v*', 'v1.2.3', true],
    ['v*', 'release-1', false],
    ['v*', 'v1/hotfix', true], // as git describe --match: `*` crosses `/`
    ['release/*', 'release/2024-01', true],
    ['v?.?', 'v1.2', true],
    ['v?.?', 'v1.22', false],
    ['v[0-9]*', 'v1.0', true],
    ['v[0-9]*', 'vnext', false],
    ['v[!0-9]*', 'vnext', true],
    ['v\\*', 'v*', true],
    ['v\\*', 'v1', false],
    ['v1.0', 'v1x0', false],
  ])('%s matches %s: %s', (pattern, name, expected) => {
    expect(globMatcher(pattern)(name)).toBe(expected);
  });
});

describe('git ls-remote --tags', () => {
  it('maps annotated tags to the commit they peel to', () => {
    const output = [
      `${'1'.repeat(40)}\trefs/tags/v1.0.0`,
      `${'2'.repeat(40)}\trefs/tags/v1.0.0^{}`,
      `${'3'.repeat(40)}\trefs/tags/light`,
      '',
    ].join('\n');
    expect([...parseLsRemoteTags(output)]).toEqual([
      ['v1.0.0', '2'.repeat(40)],
      ['light', '3'.repeat(40)],
    ]);
  });
});

describe("GitHub's pull request file statuses", () => {
  it.each([
    [{ filename: 'a', status: 'added' }, { path: 'a', status: 'added' }],
    [{ filename: 'a', status: 'removed' }, { path: 'a', status: 'deleted' }],
    [{ filename: 'a', status: 'modified' }, { path: 'a', status: 'modified' }],
    [{ filename: 'b', status: 'renamed', previous_filename: 'a' }, { path: 'b', status: 'renamed', previousPath: 'a' }],
    [{ filename: 'b', status: 'copied', previous_filename: 'a' }, { path: 'b', status: 'copied', previousPath: 'a' }],
    [{ filename: 'a', status: 'changed' }, { path: 'a', status: 'modified' }],
    [{ filename: 'a', status: 'unchanged' }, { path: 'a', status: 'unknown' }],
  ])('%j -> %j', (entry, expected) => {
    expect(toChangedFile(entry)).toEqual(expected);
  });
});

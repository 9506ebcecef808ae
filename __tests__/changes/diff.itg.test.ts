import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { listChangedFiles } from '../../src/changes/changed-files.js';
import type { ChangedFile } from '../../src/changes/types.js';
import { commit, git, makeRepo } from '../harness/git.js';
import { captureLog, cleanUp, track } from './repos.js';

/** What `git diff` reports, read from real commits: names of every shape, and every kind of change. */

let log: ReturnType<typeof captureLog>;
beforeEach(() => {
  log = captureLog();
});
afterEach(() => {
  log.restore();
  cleanUp();
});

const STRANGE_NAMES = [
  'services/visual analysis/model file.py',
  'services/ünïcødé/日本語.py',
  'services/quotes/"double" and \'single\'.txt',
  'services/newline/first\nsecond.txt',
  'services/tab/a\tb.txt',
  'services/backslash/a\\b.txt',
  'services/dash/-rf',
  'services/emoji/🚀.md',
];

async function changes(dir: string, base: string, head: string): Promise<ChangedFile[]> {
  const set = await listChangedFiles({ kind: 'diff', base, head, reason: 'test' }, { cwd: dir, fetchDepth: 1 });
  expect(set.source).toBe('git');
  return [...set.files].sort((a, b) => a.path.localeCompare(b.path));
}

describe('git change sets', () => {
  it('keeps file names with spaces, unicode, quotes, tabs, backslashes and newlines intact', async () => {
    const dir = track(makeRepo());
    const base = commit(dir, { 'README.md': 'x' }, 'base');
    const head = commit(dir, Object.fromEntries(STRANGE_NAMES.map((name) => [name, 'content'])), 'strange');
    const files = await changes(dir, base, head);
    expect(files.map((f) => f.path).sort()).toEqual([...STRANGE_NAMES].sort());
    expect(files.every((f) => f.status === 'added')).toBe(true);
  });

  it('reports a rename with both paths, a deletion, a modification and a strange-named rename', async () => {
    const dir = track(makeRepo());
    const body = 'a body long enough for rename detection to recognise it\n'.repeat(20);
    const base = commit(dir, {
      'services/a/old_name.py': body,
      'services/b/gone.py': 'bye',
      'services/c/kept.py': 'v1',
      'services/d/before name.txt': body + 'd',
    });
    const head = commit(dir, {
      'services/a/old_name.py': null,
      'services/e/new_name.py': body,
      'services/b/gone.py': null,
      'services/c/kept.py': 'v2',
      'services/d/before name.txt': null,
      'services/d/after\nname ü.txt': body + 'd',
    });
    expect(await changes(dir, base, head)).toEqual([
      { path: 'services/b/gone.py', status: 'deleted' },
      { path: 'services/c/kept.py', status: 'modified' },
      { path: 'services/d/after\nname ü.txt', status: 'renamed', previousPath: 'services/d/before name.txt' },
      { path: 'services/e/new_name.py', status: 'renamed', previousPath: 'services/a/old_name.py' },
    ]);
  });

  it('reports a file that became a symbolic link as a type change, and a mode change as a modification', async () => {
    const dir = track(makeRepo());
    const base = commit(dir, { 'services/a/link': 'plain file', 'services/a/run.sh': 'echo' });
    git(dir, 'rm', '-q', 'services/a/link');
    symlinkSync('run.sh', join(dir, 'services/a/link'));
    git(dir, 'update-index', '--add', '--chmod=+x', 'services/a/run.sh');
    git(dir, 'add', 'services/a/link');
    git(dir, 'commit', '-q', '-m', 'types');
    const head = git(dir, 'rev-parse', 'HEAD');
    expect(await changes(dir, base, head)).toEqual([
      { path: 'services/a/link', status: 'type-changed' },
      { path: 'services/a/run.sh', status: 'modified' },
    ]);
  });

  it('reports a moved submodule pointer as a changed path, whatever the user config hides', async () => {
    const dir = track(makeRepo());
    const base = commit(dir, { 'README.md': 'x' });
    git(dir, 'update-index', '--add', '--cacheinfo', `160000,${'1'.repeat(40)},vendor/models`);
    git(dir, 'commit', '-q', '-m', 'add submodule');
    const middle = git(dir, 'rev-parse', 'HEAD');
    git(dir, 'update-index', '--cacheinfo', `160000,${'2'.repeat(40)},vendor/models`);
    git(dir, 'commit', '-q', '-m', 'move submodule');
    const head = git(dir, 'rev-parse', 'HEAD');
    // Settings that would hide or reshape entries if the diff honoured them.
    git(dir, 'config', 'diff.ignoreSubmodules', 'all');
    git(dir, 'config', 'diff.relative', 'true');
    git(dir, 'config', 'diff.renames', 'false');
    git(dir, 'config', 'diff.external', 'false');
    expect(await changes(dir, base, middle)).toEqual([{ path: 'vendor/models', status: 'added' }]);
    expect(await changes(dir, middle, head)).toEqual([{ path: 'vendor/models', status: 'modified' }]);
  });

  it('lists paths from the repository root when run from a subdirectory', async () => {
    const dir = track(makeRepo());
    const base = commit(dir, { 'services/a/app.py': '1' });
    const head = commit(dir, { 'services/a/app.py': '2', 'libs/x.py': 'x' });
    const sub = join(dir, 'services', 'a');
    const set = await listChangedFiles({ kind: 'diff', base, head, reason: 'test' }, { cwd: sub, fetchDepth: 1 });
    expect(set.files.map((f) => f.path).sort()).toEqual(['libs/x.py', 'services/a/app.py']);
  });

  it('lists nothing when base and head are the same commit, and logs the count', async () => {
    const dir = track(makeRepo());
    const head = commit(dir, { a: '1' });
    expect(await changes(dir, head, head)).toEqual([]);
    expect(log.text()).toContain('0 changed files (git diff): none');
  });

  it('fetches a commit the clone lacks before listing', async () => {
    const origin = track(makeRepo());
    const base = commit(origin, { 'a.txt': '1' });
    const head = commit(origin, { 'a.txt': '2', 'b.txt': 'b' });
    const clone = track(makeRepo());
    git(clone, 'remote', 'add', 'origin', `file://${origin}`);
    git(clone, 'fetch', '-q', '--depth=1', 'origin', head);
    const files = await changes(clone, base, head);
    expect(files.map((f) => f.path)).toEqual(['a.txt', 'b.txt']);
    expect(log.text()).toContain('(1 commit deep)');
  });

  it('lists a large change set from one git process', async () => {
    const dir = track(makeRepo());
    const base = commit(dir, { 'README.md': 'x' });
    for (let i = 0; i < 2000; i++) {
      const path = join(dir, `services/s${i % 50}/file ${i}.py`);
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, `v${i}`);
    }
    git(dir, 'add', '-A');
    git(dir, 'commit', '-q', '-m', 'many');
    const head = git(dir, 'rev-parse', 'HEAD');
    log.restore();
    log = captureLog();
    expect((await changes(dir, base, head)).length).toBe(2000);
    expect(log.text().match(/\[command\]git /g)).toHaveLength(1);
  });
});

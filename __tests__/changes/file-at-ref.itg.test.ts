import { fileAtRef } from '../../src/changes/file-at-ref.js';
import { commit, git, makeRepo } from '../harness/git.js';
import { captureLog, cleanUp, track } from './repos.js';

/** Reading dvc.yaml and params.yaml as they were at the base and the head, from a real repository. */

let log: ReturnType<typeof captureLog>;
beforeEach(() => {
  log = captureLog();
});
afterEach(() => {
  log.restore();
  cleanUp();
});

function gitCalls(): string[] {
  return log.text().split('\n').filter((line) => line.startsWith('[command]git '));
}

describe('fileAtRef', () => {
  it('reads files at two commits with one git process, and undefined where a file is absent', async () => {
    const dir = track(makeRepo());
    const base = commit(dir, { 'dvc.yaml': 'stages:\n  train:\n    cmd: python train.py\n', 'params.yaml': 'lr: 0.1\n' });
    const head = commit(dir, { 'dvc.yaml': 'stages:\n  train:\n    cmd: python train.py --fast\n', 'params.yaml': null });
    const read = fileAtRef(dir);
    const [dvcBase, dvcHead, paramsBase, paramsHead] = await Promise.all([
      read(base, 'dvc.yaml'),
      read(head, 'dvc.yaml'),
      read(base, 'params.yaml'),
      read(head, 'params.yaml'),
    ]);
    expect(dvcBase).toBe('stages:\n  train:\n    cmd: python train.py\n');
    expect(dvcHead).toBe('stages:\n  train:\n    cmd: python train.py --fast\n');
    expect(paramsBase).toBe('lr: 0.1\n');
    expect(paramsHead).toBeUndefined();
    expect(gitCalls()).toEqual(['[command]git cat-file --batch']);
  });

  it('reads the same file once, however often it is asked for', async () => {
    const dir = track(makeRepo());
    const head = commit(dir, { 'params.yaml': 'a: 1\n' });
    const read = fileAtRef(dir);
    expect(await read(head, 'params.yaml')).toBe('a: 1\n');
    expect(await read(head, './params.yaml')).toBe('a: 1\n');
    expect(await read(head, 'params.yaml')).toBe('a: 1\n');
    expect(await read(head, '/params.yaml')).toBe('a: 1\n');
    expect(gitCalls()).toHaveLength(1);
  });

  it('answers undefined for a directory, a missing commit path and a submodule, and reads content exactly', async () => {
    const dir = track(makeRepo());
    const content = 'unicode ü 日本\nno trailing newline\u0000binary';
    const head = commit(dir, {
      'services/a/params.yaml': content,
      'services/missing newline\nname.yaml': 'odd: true\n',
      'with space/params.yaml': 'x: 1\n',
    });
    git(dir, 'update-index', '--add', '--cacheinfo', `160000,${'3'.repeat(40)},vendor/models`);
    git(dir, 'commit', '-q', '-m', 'submodule');
    const withSubmodule = git(dir, 'rev-parse', 'HEAD');
    const read = fileAtRef(dir);
    const results = await Promise.all([
      read(head, 'services/a/params.yaml'),
      read(head, 'services'),
      read(head, 'nope.yaml'),
      read(withSubmodule, 'vendor/models'),
      read(head, 'services/missing newline\nname.yaml'),
      read(head, 'with space/params.yaml'),
      read(head, 'nope\nwith newline.yaml'),
    ]);
    expect(results).toEqual([content, undefined, undefined, undefined, 'odd: true\n', 'x: 1\n', undefined]);
    expect(gitCalls()).toEqual(['[command]git cat-file --batch -z']);
  });

  it('refuses to read at a commit that is not in the repository rather than answer "no file"', async () => {
    const dir = track(makeRepo());
    const head = commit(dir, { 'dvc.yaml': 'stages: {}\n' });
    const read = fileAtRef(dir);
    const missing = 'f'.repeat(40);
    const [atMissing, atHead] = await Promise.allSettled([read(missing, 'dvc.yaml'), read(head, 'dvc.yaml')]);
    expect(atMissing).toMatchObject({ status: 'rejected', reason: expect.objectContaining({ message: expect.stringContaining(`cannot read files at ${missing}: no such commit`) }) });
    expect(atHead.status).toBe('rejected');
  });
});

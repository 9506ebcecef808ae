import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { compareStage, diffLocks, parseLock, readLocks } from '../../src/dvc/lock.js';
import { unifiedDiff } from '../../src/dvc/text-diff.js';
import { commit, git, makeRepo, removeDir } from '../harness/git.js';

const LOCK = `schema: '2.0'
stages:
  visual_data_prep:
    cmd: python services/visual_analysis/scripts/prepare_data.py
    deps:
    - path: data/raw/visual
      hash: md5
      md5: a35f6b97d49825fbc5862633287fdb66.dir
      size: 9311
      nfiles: 3
    params:
      params.yaml:
        visual.data.image_size: 224
        visual.data.val_fraction: 0.25
    outs:
    - path: data/processed/visual
      hash: md5
      md5: c8c5304e944ac19f2464411d579e6501.dir
      size: 20288
      nfiles: 4
  visual_train:
    cmd: python services/visual_analysis/scripts/train.py
    deps:
    - path: data/processed/visual
      hash: md5
      md5: c8c5304e944ac19f2464411d579e6501.dir
      size: 20288
      nfiles: 4
    params:
      params.yaml:
        visual.train.epochs: 12
        visual.train.learning_rate: 0.0001
    outs:
    - path: models/visual_analysis
      hash: md5
      md5: 8dc41ff3dd27bc2943e9895773818309.dir
      size: 1566
      nfiles: 1
`;

const AFTER = LOCK.replace('visual.train.epochs: 12', 'visual.train.epochs: 20').replace('8dc41ff3dd27bc2943e9895773818309.dir', 'd965be97ae41d504f164bae5ed11b713.dir');

describe('dvc.lock before and after a run', () => {
  it('reads each stage: command, dependency and output hashes, params', () => {
    const stages = parseLock('dvc.lock', LOCK);
    expect([...stages.keys()]).toEqual(['visual_data_prep', 'visual_train']);
    expect(stages.get('visual_train')).toEqual({
      cmd: 'python services/visual_analysis/scripts/train.py',
      deps: [{ path: 'data/processed/visual', md5: 'c8c5304e944ac19f2464411d579e6501.dir' }],
      outs: [{ path: 'models/visual_analysis', md5: '8dc41ff3dd27bc2943e9895773818309.dir' }],
      params: { 'params.yaml': { 'visual.train.epochs': 12, 'visual.train.learning_rate': 0.0001 } },
    });
    expect([...parseLock('sub/dvc.lock', LOCK).keys()]).toEqual(['sub/dvc.yaml:visual_data_prep', 'sub/dvc.yaml:visual_train']);
  });

  it('says what changed for a stage, in words', () => {
    const before = parseLock('dvc.lock', LOCK).get('visual_train')!;
    const after = parseLock('dvc.lock', AFTER).get('visual_train')!;
    expect(compareStage(before, after)).toEqual(['params.yaml: visual.train.epochs 12 → 20', 'output models/visual_analysis changed']);
  });

  it('diffs whole lock files: changed stages and a patch git applies', () => {
    const repo = makeRepo('aura-lock-');
    try {
      commit(repo, { 'dvc.lock': LOCK }, 'lock');
      const before = readLocks(repo, ['dvc.lock']);
      const checkout = join(repo, '..', `${repo.split('/').pop()}-after`);
      mkdirSync(checkout);
      writeFileSync(join(checkout, 'dvc.lock'), AFTER);
      const after = readLocks(checkout, ['dvc.lock']);
      const diff = diffLocks(before, after);
      expect(diff.changed).toBe(true);
      expect(diff.changes).toEqual([{ stage: 'visual_train', kind: 'changed', details: ['params.yaml: visual.train.epochs 12 → 20', 'output models/visual_analysis changed'] }]);
      // The author applies the summary's patch to the committed lock and gets CI's lock.
      writeFileSync(join(repo, 'lock.patch'), diff.patch);
      git(repo, 'apply', '--check', 'lock.patch');
      git(repo, 'apply', 'lock.patch');
      expect(readFileSync(join(repo, 'dvc.lock'), 'utf8')).toBe(AFTER);
      removeDir(checkout);
    } finally {
      removeDir(repo);
    }
  });

  it('writes patches git applies for a new file, many hunks, and no change', () => {
    const repo = makeRepo('aura-diff-');
    try {
      const lines = Array.from({ length: 60 }, (_, i) => `line ${i}`);
      const changed = [...lines];
      changed[3] = 'changed 3';
      changed.splice(30, 2);
      changed.splice(50, 0, 'inserted a', 'inserted b');
      changed.push('appended');
      commit(repo, { 'a.txt': `${lines.join('\n')}\n` }, 'base');
      const patch = unifiedDiff('a.txt', `${lines.join('\n')}\n`, `${changed.join('\n')}\n`);
      expect(patch.match(/^@@ /gm)).toHaveLength(4);
      writeFileSync(join(repo, 'p1.patch'), patch);
      git(repo, 'apply', 'p1.patch');
      expect(readFileSync(join(repo, 'a.txt'), 'utf8')).toBe(`${changed.join('\n')}\n`);

      writeFileSync(join(repo, 'p2.patch'), unifiedDiff('sub/dvc.lock', undefined, LOCK));
      git(repo, 'apply', 'p2.patch');
      expect(readFileSync(join(repo, 'sub', 'dvc.lock'), 'utf8')).toBe(LOCK);
      expect(unifiedDiff('x', LOCK, LOCK)).toBe('');
    } finally {
      removeDir(repo);
    }
  });
});

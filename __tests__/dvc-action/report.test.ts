import { dvcCacheKeys, keyWithLock, cachePath, cacheServiceAvailable } from '../../src/dvc/cache.js';
import { explainStepFailure } from '../../src/dvc/failures.js';
import { parseLock, type LockSnapshot } from '../../src/dvc/lock.js';
import { isTransient, parsePush, retryDelaySeconds, retryTransientPushes } from '../../src/dvc/push.js';
import { classifyStages, renderSummary } from '../../src/dvc/report.js';
import { ReproLog } from '../../src/dvc/repro-log.js';
import type { RemoteSetup } from '../../src/dvc/remote.js';
import { extractStatusJson, parseStatus } from '../../src/dvc/status.js';

// Output as DVC 3 prints it (captured from real runs on the example monorepo).

describe('dvc status --json before the run', () => {
  it('tells real changes from data that is only missing in a fresh checkout', () => {
    const status = parseStatus(
      extractStatusJson(
        'WARNING: something first\n' +
          JSON.stringify({
            visual_data_prep: [{ 'changed outs': { 'data/processed/visual': 'deleted' } }],
            visual_train: [
              { 'changed deps': { 'data/processed/visual': 'deleted', 'params.yaml': { 'visual.train.epochs': 'modified' } } },
              { 'changed outs': { 'models/visual_analysis': 'not in cache' } },
            ],
            conversational_train: ['changed command'],
            outfit_train: [{ 'changed deps': { 'services/outfit_recommendation/src': 'modified' } }],
          }),
      ),
    );
    expect(status.get('visual_data_prep')).toEqual({ stage: 'visual_data_prep', reasons: ['output data/processed/visual deleted'], missingDataOnly: true });
    expect(status.get('visual_train')!.missingDataOnly).toBe(false);
    expect(status.get('visual_train')!.reasons).toEqual([
      'dependency data/processed/visual deleted',
      'params.yaml: visual.train.epochs modified',
      'output models/visual_analysis not in cache',
    ]);
    expect(status.get('conversational_train')!.reasons).toEqual(['command changed']);
    expect(status.get('outfit_train')!.missingDataOnly).toBe(false);
  });
});

function feed(log: ReproLog, lines: string[], start = 1000, step = 100): void {
  lines.forEach((line, i) => log.add(line, start + i * step));
  log.close(start + lines.length * step);
}

describe('following dvc repro as it streams', () => {
  it('splits the output by stage and times each one', () => {
    const log = new ReproLog();
    feed(log, [
      "Stage 'visual_data_prep' didn't change, skipping",
      "Running stage 'visual_train':",
      '> python services/visual_analysis/scripts/train.py',
      'visual_train: 20 epochs, mAP@0.5 0.7083 -> metrics/visual_analysis.json',
      "Updating lock file 'dvc.lock'",
      '',
      "Stage 'outfit_train' is cached - skipping run, checking out outputs",
      "Updating lock file 'dvc.lock'",
    ]);
    expect([...log.decisions]).toEqual([
      ['visual_data_prep', 'skipped'],
      ['visual_train', 'ran'],
      ['outfit_train', 'run-cache'],
    ]);
    expect(log.secondsOf('visual_train')).toBeCloseTo(0.5);
    expect(log.secondsOf('outfit_train')).toBeCloseTo(0.2);
    expect(log.tail('visual_train')).toContain('visual_train: 20 epochs, mAP@0.5 0.7083 -> metrics/visual_analysis.json');
  });

  it('finds the failed stage and its reason, with --keep-going too', () => {
    const log = new ReproLog();
    feed(log, [
      "Running stage 'visual_train':",
      '> python services/visual_analysis/scripts/train.py',
      'diverged at epoch 3',
      "Running stage 'conversational_data_prep':",
      '> python services/conversational_ai/scripts/prepare_data.py --chunk-size 150',
      // The warning about the first stage arrives on stderr after the next stage began.
      'WARNING: failed to run: python services/visual_analysis/scripts/train.py, exited with 3',
      "Updating lock file 'dvc.lock'",
      "WARNING: Stage 'visual_eval' will be skipped due to this failure",
      "ERROR: failed to reproduce 'visual_train'",
    ]);
    expect(log.decisions.get('visual_train')).toBe('failed');
    expect(log.decisions.get('conversational_data_prep')).toBe('ran');
    expect(log.blocked).toEqual(new Set(['visual_eval']));
    expect(log.segments.find((s) => s.stage === 'visual_train')!.failure).toBe('failed to run: python services/visual_analysis/scripts/train.py, exited with 3');
    expect(log.tail('visual_train')).toEqual(["Running stage 'visual_train':", '> python services/visual_analysis/scripts/train.py', 'diverged at epoch 3']);
  });
});

describe('the stages of a run, from status, lock and DVC together', () => {
  const lock = (text: string): LockSnapshot => ({ texts: new Map([['dvc.lock', text]]), stages: parseLock('dvc.lock', text) });
  const entry = (name: string, epochs: number) => `  ${name}:\n    cmd: python train.py\n    params:\n      params.yaml:\n        epochs: ${epochs}\n`;
  const before = lock(`schema: '2.0'\nstages:\n${entry('prep', 1)}${entry('train', 12)}${entry('eval', 1)}`);
  const after = lock(`schema: '2.0'\nstages:\n${entry('prep', 1)}${entry('train', 20)}${entry('eval', 1)}`);

  it('reports ran, skipped (and why), from the run cache, and stages never reached', () => {
    const log = new ReproLog();
    feed(log, ["Stage 'prep' didn't change, skipping", "Running stage 'train':", '> python train.py', "Running stage 'eval':", '> python eval.py']);
    const status = parseStatus({ prep: [{ 'changed outs': { 'data/prep': 'deleted' } }], train: [{ 'changed deps': { 'params.yaml': { epochs: 'modified' } } }] });
    const stages = classifyStages({
      planned: ['prep', 'train', 'eval', 'report'].map((name) => ({ name, metrics: [], cachedOutputs: [] })),
      status,
      log,
      lockBefore: before,
      lockAfter: after,
      changes: [{ stage: 'train', kind: 'changed', details: ['params.yaml: epochs 12 → 20'] }],
      reproFailed: true,
    });
    expect(stages.map((s) => [s.name, s.result, s.detail])).toEqual([
      ['prep', 'skipped', 'unchanged (its outputs are not in the workspace; they were not needed, so not pulled)'],
      ['train', 'ran', 'params.yaml: epochs modified'],
      ['eval', 'ran', 'an upstream stage produced new outputs'],
      ['report', 'not-run', 'not reached: dvc repro stopped before it'],
    ]);
    const summary = renderSummary({
      heading: 'DVC repro and push',
      intro: ['Targets: `train`.'],
      stages,
      notes: ['Pushed 2 files to remote `aura`.'],
      lock: { changes: [{ stage: 'train', kind: 'changed', details: ['params.yaml: epochs 12 → 20'] }], patch: 'diff --git a/dvc.lock b/dvc.lock\n', changed: true },
      metricsFiles: ['metrics/train.json'],
      failures: [{ stage: 'train', reason: 'failed to run: python train.py, exited with 1', tail: ['Traceback', 'ValueError: bad'] }],
      errors: ["stage 'train' failed"],
    });
    expect(summary).toContain('| `prep` | skipped |  | unchanged (its outputs are not in the workspace; they were not needed, so not pulled) |');
    expect(summary).toContain('| `report` | not run |  | not reached: dvc repro stopped before it |');
    expect(summary).toContain('- `train`: params.yaml: epochs 12 → 20');
    expect(summary).toContain('```text\nTraceback\nValueError: bad\n```');
    expect(summary).toContain('<details><summary>dvc.lock patch</summary>');
    expect(summary).toContain('- `metrics/train.json`');
  });
});

describe('dvc push results', () => {
  it('counts pushed files and lists data nobody pushed', () => {
    const report = parsePush(
      '7 files pushed\n',
      'WARNING: Some of the cache files do not exist neither locally nor on remote. Missing cache files:\nname: metrics/visual_analysis.json, md5: a3f8771d0d60df1386c727c3d64d3e9f\nmd5: fa57bc603dec3ce690edf4434e49acaa.dir\n',
    );
    expect(report).toEqual({
      pushed: 7,
      missing: ['metrics/visual_analysis.json (a3f8771d0d60df1386c727c3d64d3e9f)', 'object fa57bc603dec3ce690edf4434e49acaa.dir'],
      failedCount: undefined,
      errors: [],
    });
    expect(parsePush('Everything is up to date.\n', '').pushed).toBe(0);
    expect(parsePush('', 'ERROR: failed to push data to the cloud - 3 files failed to upload').failedCount).toBe(3);
  });

  it('retries network trouble and throttling, not refusals', () => {
    expect(isTransient('ERROR: unexpected error - Could not connect to the endpoint URL: "http://127.0.0.1:9/b/x"')).toBe(true);
    expect(isTransient('ERROR: failed to push data to the cloud - 2 files failed to upload')).toBe(true);
    expect(isTransient('An error occurred (SlowDown) when calling the PutObject operation')).toBe(true);
    expect(isTransient('ERROR: unexpected error - Read timeout on endpoint URL')).toBe(true);
    expect(isTransient('An error occurred (AccessDenied) when calling the PutObject operation: Access Denied')).toBe(false);
    expect(isTransient('An error occurred (InvalidAccessKeyId)')).toBe(false);
    expect(isTransient('ERROR: unexpected error - NoSuchBucket')).toBe(false);
    expect([2, 3, 4, 5, 6].map((attempt) => retryDelaySeconds(attempt))).toEqual([5, 15, 45, 60, 60]);
  });

  it('tries a transiently failed push again, waiting longer each time, and gives up on a refusal', async () => {
    const failure = { id: 'push', exitCode: 255, seconds: 1, stdout: '', stderr: 'ERROR: unexpected error - Could not connect to the endpoint URL: "http://x"' };
    const success = { id: 'push', exitCode: 0, seconds: 1, stdout: '3 files pushed', stderr: '' };
    const waits: number[] = [];
    const outcomes = new Map([['push', failure]]);
    const answers = [failure, success];
    const attempts = await retryTransientPushes({
      outcomes,
      ids: ['push', 'push-run-cache'],
      retries: 2,
      label: "remote 'aura'",
      rerun: async () => new Map([['push', answers.shift()!]]),
      wait: async (seconds) => void waits.push(seconds),
    });
    expect(attempts).toBe(3);
    expect(waits).toEqual([5, 15]);
    expect(outcomes.get('push')!.exitCode).toBe(0);

    const denied = new Map([['push', { ...failure, stderr: 'ERROR: unexpected error - An error occurred (AccessDenied) when calling the PutObject operation' }]]);
    const noRetry = await retryTransientPushes({ outcomes: denied, ids: ['push'], retries: 2, label: 'x', rerun: async () => new Map(), wait: async () => undefined });
    expect(noRetry).toBe(1);
  });

  it('explains exit codes by what failed: the repository, the config, a stage, the remote', () => {
    const remote: RemoteSetup = { name: 'aura', url: 's3://bucket/store', scheme: 's3', extras: ['s3'], credentials: '', env: {}, origin: 'input-url' };
    const outcome = (exitCode: number, stderr: string) => ({ id: 'x', exitCode, seconds: 1, stdout: '', stderr });
    const context = { remote, workingDirectory: 'ml', targetsOrigin: "the 'targets' input" };
    expect(explainStepFailure('status', outcome(253, 'ERROR: you are not inside of a DVC repository'), context)).toMatch(
      /^ml is not in a DVC repository \(dvc exited with 253: you are not inside of a DVC repository\); run 'dvc init'/,
    );
    expect(explainStepFailure('repro', outcome(251, "ERROR: configuration error - config file error: extra keys not allowed @ data['remote']['aura']['bogus']"), context)).toMatch(
      /^DVC configuration error \(exit 251\) — check \.dvc\/config and the settings of remote 'aura' \(s3:\/\/bucket\/store\)/,
    );
    expect(explainStepFailure('repro', outcome(255, "ERROR: Stage 'trian' not found inside 'dvc.yaml' file"), context)).toBe(
      "dvc repro could not start (exit 255): Stage 'trian' not found inside 'dvc.yaml' file; check the targets (the 'targets' input)",
    );
    expect(explainStepFailure('push', outcome(1, 'ERROR: failed to push data to the cloud - 3 files failed to upload\nAccessDenied'), context)).toBe(
      "push to remote 'aura' (s3://bucket/store) failed (dvc exited with 1): failed to push data to the cloud - 3 files failed to upload — see the log above",
    );
  });
});

describe('the DVC cache key', () => {
  it('changes with the lock and the targets, and restores by prefix', () => {
    const keys = dvcCacheKeys({ os: 'Linux', workingDirectory: '.', targets: ['visual_train', 'visual_data_prep'], lockFingerprint: 'lock-1' });
    const same = dvcCacheKeys({ os: 'Linux', workingDirectory: '.', targets: ['visual_data_prep', 'visual_train'], lockFingerprint: 'lock-1' });
    const other = dvcCacheKeys({ os: 'Linux', workingDirectory: '.', targets: ['outfit_train'], lockFingerprint: 'lock-1' });
    expect(same.primary).toBe(keys.primary);
    expect(other.primary).not.toBe(keys.primary);
    expect(keys.primary.startsWith(keys.restore[0]!)).toBe(true);
    expect(keys.restore[0]!.startsWith(keys.restore[1]!)).toBe(true);
    expect(other.primary.startsWith(keys.restore[1]!)).toBe(true);
    expect(keyWithLock(keys, 'lock-2')).not.toBe(keys.primary);
    expect(keyWithLock(keys, 'lock-1')).toBe(keys.primary);
    expect(keys.primary).toMatch(/^aura-dvc-cache-v1-Linux-[0-9a-f]{16}-[0-9a-f]{16}-[0-9a-f]{16}$/);
  });

  it('names the cache folder relative to the workspace, and knows when the service is missing', () => {
    expect(cachePath('/home/runner/work/app/app/ml/.dvc/cache', '/home/runner/work/app/app')).toBe('ml/.dvc/cache');
    expect(cachePath('/mnt/shared-dvc-cache', '/home/runner/work/app/app')).toBe('/mnt/shared-dvc-cache');
    expect(cacheServiceAvailable({}).available).toBe(false);
    expect(cacheServiceAvailable({ ACTIONS_RESULTS_URL: 'http://x/', ACTIONS_CACHE_SERVICE_V2: 'true' })).toEqual({ available: false, why: 'ACTIONS_RUNTIME_TOKEN is not set' });
    expect(cacheServiceAvailable({ ACTIONS_RESULTS_URL: 'http://x/', ACTIONS_CACHE_SERVICE_V2: 'true', ACTIONS_RUNTIME_TOKEN: 't' })).toEqual({ available: true });
  });
});

import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { parseDvcMetricsDiff } from '../../src/metrics/dvc-diff.js';
import { parseMetricsText } from '../../src/metrics/parse.js';
import { readBaseFiles } from '../../src/metrics/sources.js';
import type { FlatMetrics } from '../../src/metrics/types.js';
import { runBundle } from '../harness/bundle.js';
import { commit, git, makeRepo, removeDir } from '../harness/git.js';
import { describeWithTool, findTool } from '../harness/tools.js';
import { fixture, pullRequestEvent } from '../metrics/gate-helpers.js';

// Real DVC (from the project's virtual environment) on a temporary repository whose metrics
// file is a DVC output: git does not hold it, so the base values come from DVC.

const TRAIN = `import json, sys
config = json.load(open("config.json"))
metrics = {
    "mAP@0.5": config["map"],
    "inference_time": config["latency"],
    "train": {"loss": config["loss"], "per_class": {"shirt": 0.81}},
    "f1": {"mean": config["f1"], "std": 0.004, "n": 5},
    "samples": [1, 2, 3],
    "unstable": float("nan"),
    "model": "detr-r50",
}
json.dump(metrics, open("metrics/visual_analysis.json", "w"))
`;

const DVC_YAML = `stages:
  visual_train:
    cmd: python3 train.py
    deps: [train.py, config.json]
    metrics:
      - metrics/visual_analysis.json
`;

const CATALOG = `version: 1
services:
  visual-analysis:
    paths: ["services/visual_analysis/**"]
    metrics:
      files: [metrics/visual_analysis.json]
      rules:
        "mAP@0.5":      { better: higher, max_drop: 0.01 }
        inference_time: { better: lower,  max_rise: "10%" }
        f1:             { better: higher, max_drop: 0.005 }
`;

describeWithTool('dvc', 'the gate reads DVC-tracked base metrics with real DVC')('metrics-regression-gate with real DVC', () => {
  const dvc = findTool('dvc')!;
  const env = { ...process.env, PATH: `${dirname(dvc)}:${process.env.PATH ?? ''}`, DVC_NO_ANALYTICS: '1' };
  let dir: string;
  let remote: string;
  let base: string;
  let head: string;

  const run = (...args: string[]): string => execFileSync(dvc, args, { cwd: dir, env, encoding: 'utf8' });

  beforeAll(() => {
    dir = makeRepo('aura-metrics-dvc-');
    run('init', '-q');
    run('config', 'core.analytics', 'false');
    remote = mkdtempSync(join(tmpdir(), 'aura-dvc-remote-'));
    run('remote', 'add', '-d', 'storage', remote);
    commit(dir, {
      'train.py': TRAIN,
      'dvc.yaml': DVC_YAML,
      'config.json': JSON.stringify({ map: 0.712, latency: 41.2, loss: 0.2, f1: 0.81 }),
      '.github/services.yml': CATALOG,
      'params.yaml': fixture('params.base.yaml'),
      'metrics/.keep': '',
    }, 'pipeline');
    run('repro', '-q');
    base = commit(dir, {}, 'base metrics');
    run('push', '-q');
    commit(dir, { 'config.json': JSON.stringify({ map: 0.681, latency: 38.5, loss: 0.25, f1: 0.79 }), 'params.yaml': fixture('params.head.yaml') }, 'tune');
    run('repro', '-q');
    head = commit(dir, {}, 'head metrics');
  }, 120_000);

  afterAll(() => {
    removeDir(dir);
    removeDir(remote);
  });

  const gateRun = () =>
    runBundle('metrics-regression-gate', {
      inputs: { comment: 'off' },
      eventName: 'pull_request',
      event: pullRequestEvent(base, head),
      workspace: dir,
      env: { PATH: env.PATH, DVC_NO_ANALYTICS: '1', GITHUB_SHA: head },
    });

  it('keeps the metrics file out of git, as a DVC output', () => {
    expect(git(dir, 'ls-files', 'metrics')).toBe('metrics/.gitignore\nmetrics/.keep');
    expect(() => git(dir, 'cat-file', '-e', `${base}:metrics/visual_analysis.json`)).toThrow();
  });

  it("parses dvc metrics diff --json as DVC prints it, agreeing with the gate's own flattening", () => {
    const output = run('metrics', 'diff', base, '--all', '--json');
    expect(output).toContain('NaN');
    const diff = parseDvcMetricsDiff(output);
    const own = parseMetricsText('metrics/visual_analysis.json', readFileSync(join(dir, 'metrics/visual_analysis.json'), 'utf8'));
    if (own.status !== 'ok') throw new Error(own.status);
    const plain = (flat: FlatMetrics) =>
      Object.fromEntries([...flat].map(([k, v]) => [k, v.kind === 'other' ? v.text : v.kind === 'invalid' ? String(v.value) : v.value]));
    const fromDvc = diff.new.get('metrics/visual_analysis.json')!;
    // DVC drops lists from metrics; everything else must be named and valued the same.
    own.metrics.delete('samples');
    expect(plain(fromDvc)).toEqual(plain(own.metrics));
    expect([...fromDvc.keys()].sort()).toEqual(['f1', 'inference_time', 'mAP@0.5', 'model', 'train.loss', 'train.per_class.shirt', 'unstable']);
    expect(diff.old.get('metrics/visual_analysis.json')!.get('mAP@0.5')).toEqual({ kind: 'number', value: 0.712 });
    expect(diff.old.get('metrics/visual_analysis.json')!.get('f1')).toEqual({ kind: 'samples', value: 0.81, samples: { mean: 0.81, std: 0.004, n: 5 } });
  });

  it('reads the base values through DVC when git does not hold the file', async () => {
    const previousPath = process.env.PATH;
    process.env.PATH = env.PATH;
    try {
      const reads = await readBaseFiles(dir, base, ['metrics/visual_analysis.json']);
      const read = reads.get('metrics/visual_analysis.json')!;
      expect(read.status).toBe('ok');
      if (read.status !== 'ok') return;
      expect(read.metrics.get('mAP@0.5')).toEqual({ kind: 'number', value: 0.712 });
      expect(read.metrics.get('inference_time')).toEqual({ kind: 'number', value: 41.2 });
    } finally {
      process.env.PATH = previousPath;
    }
  });

  it('gates the pull request on the DVC-tracked metrics', async () => {
    const result = await gateRun();
    expect(result.visibleLog).toContain(`[command]dvc metrics diff ${base} --all --json --targets metrics/visual_analysis.json`);
    expect(result.exitCode).toBe(1);
    expect(JSON.parse(result.outputs.regressions!)).toEqual([
      expect.objectContaining({ metric: 'mAP@0.5', old: 0.712, new: 0.681, reason: 'regressed' }),
      // f1 is given as mean/std/n: a drop of 0.02 with std 0.004 over 5 runs is real.
      expect.objectContaining({ metric: 'f1', old: 0.81, new: 0.79, reason: 'regressed' }),
    ]);
    expect(result.outputs.markdown).toContain('| `params.yaml` | `visual.lr` | 0.0001 | 0.0002 |');
  }, 120_000);

  it("reads the base from the DVC remote the base commit configures when the cache lacks it", async () => {
    rmSync(join(dir, '.dvc', 'cache'), { recursive: true, force: true });
    const result = await gateRun();
    expect(result.exitCode).toBe(1);
    expect(JSON.parse(result.outputs.regressions!).map((r: { metric: string }) => r.metric)).toEqual(['mAP@0.5', 'f1']);
  }, 120_000);

  it('says the base could not be loaded when neither the cache nor the remote has it', async () => {
    rmSync(join(dir, '.dvc', 'cache'), { recursive: true, force: true });
    rmSync(remote, { recursive: true, force: true });
    const result = await gateRun();
    expect(result.exitCode).toBe(0);
    expect(result.outputs.verdict).toBe('no-baseline');
    expect(result.outputs.markdown).toContain('base file unreadable: DVC could not load it at the base commit');
    expect(result.annotations.filter((a) => a.level === 'warning').map((a) => a.message).join('\n')).toMatch(
      /metrics\/visual_analysis\.json: cannot read the base/,
    );
  }, 120_000);
});

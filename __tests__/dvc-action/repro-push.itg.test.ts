import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { startActionsCache, type ActionsCacheStandIn } from '../../standins/actions-cache/server.js';
import { git, removeDir } from '../harness/git.js';
import { toolOrSkip } from '../harness/tools.js';
import { readParams, setParam, writeParams } from '../fixtures-check/monorepo.js';
import { commitAll, createBucket, listKeys, monorepoWorkspace, S3Proxy, startMoto, uniqueBucket, type Moto } from './remotes.js';
import { runActionSource } from './runner.js';

/**
 * dvc-repro-and-push with real DVC (from the project's virtual environment, on PATH) on copies of
 * the example monorepo: an S3 remote served by moto on loopback, a local-directory remote, and the
 * GitHub Actions cache through its stand-in (standins/actions-cache, not GitHub's service).
 */

const execFileAsync = promisify(execFile);
const dvc = toolOrSkip('dvc', 'dvc-repro-and-push runs real DVC');
const motoServer = toolOrSkip('moto_server', 'the S3 remote of the dvc-repro-and-push tests');
const describeWithTools = dvc && motoServer ? describe : describe.skip;

const AWS = {
  AWS_ACCESS_KEY_ID: 'AKIAAURATESTKEY00001',
  AWS_SECRET_ACCESS_KEY: `aura-s3-secret-${Math.random().toString(36).slice(2)}-do-not-print`,
  AWS_DEFAULT_REGION: 'us-east-1',
  AWS_EC2_METADATA_DISABLED: 'true',
  AWS_MAX_ATTEMPTS: '2',
};

function json(value: string | undefined): unknown {
  return JSON.parse(value ?? 'null');
}

/**
 * `dvc status --cloud`: what the local cache has that the remote lacks ({} when in sync). Run
 * asynchronously: the S3 proxy it may go through lives in this process.
 */
async function cloudStatus(dir: string, env: Record<string, string>, targets: string[] = []): Promise<Record<string, unknown>> {
  const { stdout } = await execFileAsync(dvc!, ['status', '--cloud', '--json', ...targets], { cwd: dir, encoding: 'utf8', env: { ...process.env, ...env, DVC_NO_ANALYTICS: '1' } });
  return JSON.parse(stdout.trim() || '{}') as Record<string, unknown>;
}

function cacheObjects(dir: string): string[] {
  const root = join(dir, '.dvc', 'cache', 'files', 'md5');
  if (!existsSync(root)) return [];
  return readdirSync(root).flatMap((prefix) => readdirSync(join(root, prefix)).map((name) => `${prefix}${name}`)).sort();
}

describeWithTools('dvc-repro-and-push with real DVC', () => {
  let moto: Moto;
  let cache: ActionsCacheStandIn;
  let bucket: string;
  let main: string;
  const dirs: string[] = [];
  const workspace = (prefix: string): string => {
    const dir = monorepoWorkspace(prefix);
    dirs.push(dir);
    return dir;
  };
  const s3 = (endpoint = moto.endpoint) => ({ remote: `s3://${bucket}/store`, 'endpoint-url': endpoint });

  beforeAll(async () => {
    moto = await startMoto(motoServer!);
    bucket = uniqueBucket('aura-dvc');
    await createBucket(moto.endpoint, bucket);
    cache = await startActionsCache();
    main = workspace('aura-dvc-main-');
  }, 60_000);

  afterAll(async () => {
    await moto?.stop();
    await cache?.close();
    for (const dir of dirs) removeDir(dir);
  });

  it('first run: reproduces the visual pipeline, pushes it to S3 and saves the DVC cache', async () => {
    const run = await runActionSource({
      workspace: main,
      inputs: { services: '["visual-analysis"]', ...s3(), 'push-run-cache': 'true' },
      env: { ...AWS, ...cache.env() },
    });
    expect(run.annotations.filter((a) => a.level === 'error')).toEqual([]);
    expect(run.exitCode).toBe(0);
    expect(json(run.outputs['stages-ran'])).toEqual(['visual_data_prep', 'visual_train']);
    expect(json(run.outputs['stages-skipped'])).toEqual([]);
    expect(json(run.outputs['stages-from-run-cache'])).toEqual([]);
    expect(run.outputs['lock-changed']).toBe('true');
    expect(json(run.outputs['metrics-files'])).toEqual(['metrics/visual_analysis.json']);
    expect(run.outputs['dvc-version']).toMatch(/^3\.\d+\.\d+/);
    // Only the visual service's stages ran: the lock has nothing of the other pipelines.
    const lock = parse(readFileSync(join(main, 'dvc.lock'), 'utf8')) as { stages: Record<string, unknown> };
    expect(Object.keys(lock.stages)).toEqual(['visual_data_prep', 'visual_train']);
    expect(existsSync(join(main, 'models', 'visual_analysis', 'model.json'))).toBe(true);

    // Every cached object of the lock is on the S3 remote, and the run cache too.
    const pushed = Number(run.outputs.pushed);
    const onRemote = await listKeys(moto.endpoint, bucket, 'store/files/md5/');
    expect(pushed).toBeGreaterThan(0);
    expect(onRemote.map((key) => key.split('/').slice(-2).join(''))).toEqual(cacheObjects(main));
    expect(await cloudStatus(main, AWS)).toEqual({});
    expect(await listKeys(moto.endpoint, bucket, 'store/runs/')).toHaveLength(2);

    // The summary: a row per stage, the lock patch, the metrics file.
    expect(run.summary).toMatch(/\| `visual_data_prep` \| ran \|/);
    expect(run.summary).toMatch(/\| `visual_train` \| ran \|/);
    expect(run.summary).toContain('### dvc.lock changed');
    expect(run.summary).toContain('+++ b/dvc.lock');
    expect(run.summary).toContain('- `metrics/visual_analysis.json`');
    // One log group per stage while DVC ran.
    expect(run.stdout).toMatch(/::group::Stage visual_data_prep \(running\)\n[\s\S]*?::endgroup::/);
    expect(run.stdout).toMatch(/::group::Stage visual_train \(running\)\n[\s\S]*?visual_train: 12 epochs[\s\S]*?::endgroup::/);

    // The DVC cache went to the GitHub Actions cache (the stand-in), keyed by the new lock.
    const saved = cache.entries.filter((entry) => entry.finalized && entry.key.startsWith('aura-dvc-cache-v1-Linux-'));
    expect(saved).toHaveLength(1);
    expect(run.summary).toContain(`saved as \`${saved[0]!.key}\``);
  }, 240_000);

  it('second run with nothing changed: runs no stage and pushes nothing', async () => {
    commitAll(main, 'reproduce visual');
    const requestsBefore = cache.requests.length;
    const run = await runActionSource({
      workspace: main,
      inputs: { services: '["visual-analysis"]', ...s3(), 'push-run-cache': 'true' },
      env: { ...AWS, ...cache.env() },
    });
    expect(run.exitCode).toBe(0);
    expect(json(run.outputs['stages-ran'])).toEqual([]);
    expect(json(run.outputs['stages-skipped'])).toEqual(['visual_data_prep', 'visual_train']);
    expect(run.outputs['lock-changed']).toBe('false');
    expect(run.outputs.pushed).toBe('0');
    expect(run.summary).toContain('Pushed 0 files');
    expect(run.summary).toContain('Run cache: 0 entries and 0 objects');
    // The cache restored is the one the first run saved, under the same lock: nothing new to save.
    expect(run.outputs['cache-hit']).toBe('true');
    expect(cache.requests.slice(requestsBefore).map((r) => r.operation)).not.toContain('CreateCacheEntry');
  }, 240_000);

  it('a params.yaml change re-runs only the stages that depend on that key', async () => {
    const params = readParams(main);
    setParam(params, 'visual.train.epochs', 20);
    writeParams(main, params);
    const run = await runActionSource({
      workspace: main,
      inputs: { services: 'visual-analysis', ...s3(), 'push-run-cache': 'true' },
      env: { ...AWS, ...cache.env() },
    });
    expect(run.exitCode).toBe(0);
    expect(json(run.outputs['stages-ran'])).toEqual(['visual_train']);
    expect(json(run.outputs['stages-skipped'])).toEqual(['visual_data_prep']);
    expect(run.outputs['lock-changed']).toBe('true');
    expect(Number(run.outputs.pushed)).toBeGreaterThan(0);
    expect(run.summary).toMatch(/\| `visual_train` \| ran \| [\d.]+ s \| params\.yaml: visual\.train\.epochs modified \|/);
    expect(run.summary).toContain('params.yaml: visual.train.epochs 12 → 20');
    expect(run.summary).toContain('-        visual.train.epochs: 12');
    expect(run.summary).toContain('+        visual.train.epochs: 20');
    const metrics = JSON.parse(readFileSync(join(main, 'metrics', 'visual_analysis.json'), 'utf8')) as Record<string, number>;
    expect(metrics['mAP@0.5']).toBeGreaterThan(0);
  }, 240_000);

  it('a clone with an empty cache takes the stage from the remote run cache instead of re-running it', async () => {
    // The committed state (12 epochs) in a fresh clone, without .dvc/cache and without the
    // GitHub Actions cache; the same params change the previous run pushed the run cache for.
    const clone = join(main, '..', `${main.split('/').pop()}-clone`);
    dirs.push(clone);
    git(join(main, '..'), 'clone', '-q', main, clone);
    const params = readParams(clone);
    setParam(params, 'visual.train.epochs', 20);
    writeParams(clone, params);
    expect(existsSync(join(clone, '.dvc', 'cache'))).toBe(false);
    const run = await runActionSource({
      workspace: clone,
      inputs: { services: '["visual-analysis"]', ...s3(), cache: 'false' },
      env: { ...AWS },
    });
    expect(run.exitCode).toBe(0);
    expect(json(run.outputs['stages-from-run-cache'])).toEqual(['visual_train']);
    expect(json(run.outputs['stages-ran'])).toEqual([]);
    expect(json(run.outputs['stages-skipped'])).toEqual(['visual_data_prep']);
    expect(run.stdout).toContain("Stage 'visual_train' is cached - skipping run, checking out outputs");
    expect(run.stdout).not.toContain("Running stage 'visual_train'");
    // The outputs and the metrics came down from the remote, identical to the run that made them.
    expect(readFileSync(join(clone, 'models', 'visual_analysis', 'model.json'), 'utf8')).toBe(
      readFileSync(join(main, 'models', 'visual_analysis', 'model.json'), 'utf8'),
    );
    expect(readFileSync(join(clone, 'metrics', 'visual_analysis.json'), 'utf8')).toBe(readFileSync(join(main, 'metrics', 'visual_analysis.json'), 'utf8'));
    expect(run.summary).toMatch(/\| `visual_train` \| from the run cache \|/);
  }, 240_000);

  it('restores the DVC cache from the GitHub Actions cache in a fresh clone', async () => {
    const clone = join(main, '..', `${main.split('/').pop()}-restored`);
    dirs.push(clone);
    git(join(main, '..'), 'clone', '-q', main, clone);
    const run = await runActionSource({ workspace: clone, inputs: { services: '["visual-analysis"]', push: 'false' }, env: { ...cache.env() } });
    expect(run.exitCode).toBe(0);
    // No remote here: what DVC has comes from the restored cache.
    expect(run.summary).toMatch(/DVC cache: restored from `aura-dvc-cache-v1-Linux-[0-9a-f-]+` \((exact match|a partial match: an earlier run)\)/);
    expect(cacheObjects(clone).length).toBeGreaterThan(0);
    expect(json(run.outputs['stages-ran'])).toEqual([]);
  }, 240_000);

  it('with pull-outputs, brings the outputs of skipped stages into the workspace for later steps', async () => {
    const clone = join(main, '..', `${main.split('/').pop()}-pulled`);
    dirs.push(clone);
    git(join(main, '..'), 'clone', '-q', main, clone);
    const run = await runActionSource({
      workspace: clone,
      inputs: { services: '["visual-analysis"]', ...s3(), cache: 'false', 'pull-outputs': 'true', push: 'false' },
      env: { ...AWS },
    });
    expect(run.exitCode).toBe(0);
    expect(json(run.outputs['stages-skipped'])).toEqual(['visual_data_prep', 'visual_train']);
    expect(existsSync(join(clone, 'models', 'visual_analysis', 'model.json'))).toBe(true);
    expect(existsSync(join(clone, 'data', 'processed', 'visual', 'train.jsonl'))).toBe(true);
    expect(run.summary).toContain('Push: off (input `push: false`).');
  }, 240_000);

  it('names the target DVC does not know, and runs nothing', async () => {
    const run = await runActionSource({ workspace: main, inputs: { targets: 'visual_trian', push: 'false', cache: 'false' }, env: {} });
    expect(run.exitCode).toBe(1);
    const errors = run.annotations.filter((a) => a.level === 'error');
    expect(errors.map((e) => e.message)).toEqual([
      "dvc-repro-and-push: dvc status failed (exit 1): 'visual_trian' does not exist as an output or a stage name in 'dvc.yaml': Stage 'visual_trian' not found inside 'dvc.yaml' file; check the targets (the 'targets' input)",
    ]);
    expect(run.stdout).not.toContain('[command]dvc repro');
  }, 120_000);

  it('does not save the DVC cache after a failed run, and shows the failed stage', async () => {
    const broken = workspace('aura-dvc-broken-');
    const script = join(broken, 'services', 'visual_analysis', 'scripts', 'train.py');
    writeFileSync(script, `${readFileSync(script, 'utf8')}\nimport sys\nprint("diverged at epoch 3", file=sys.stderr)\nsys.exit(3)\n`);
    commitAll(broken, 'break training');
    const created = cache.requests.filter((r) => r.operation === 'CreateCacheEntry').length;
    const run = await runActionSource({ workspace: broken, inputs: { services: '["visual-analysis"]', ...s3() }, env: { ...AWS, ...cache.env() } });
    expect(run.exitCode).toBe(1);
    const errors = run.annotations.filter((a) => a.level === 'error');
    expect(errors[0]!.message).toMatch(/stage 'visual_train' failed \(dvc repro exited with 255\): failed to reproduce 'visual_train': failed to run: python services\/visual_analysis\/scripts\/train\.py, exited with 3/);
    expect(errors[0]!.properties.file).toBe('dvc.yaml');
    expect(json(run.outputs['stages-failed'])).toEqual(['visual_train']);
    // The data stage ran here, or came from the run cache the restored DVC cache holds.
    expect([...(json(run.outputs['stages-ran']) as string[]), ...(json(run.outputs['stages-from-run-cache']) as string[])]).toEqual(['visual_data_prep']);
    expect(run.summary).toContain('### Stage `visual_train` failed');
    expect(run.summary).toContain('diverged at epoch 3');
    expect(run.summary).toContain('not saved: the reproduction failed');
    expect(run.summary).toContain('Push: not attempted, because an earlier DVC command failed.');
    expect(cache.requests.filter((r) => r.operation === 'CreateCacheEntry').length).toBe(created);
  }, 240_000);

  it('pushes to a local-directory remote', async () => {
    const dir = workspace('aura-dvc-local-');
    const storage = `${dir}-storage`;
    dirs.push(storage);
    const run = await runActionSource({ workspace: dir, inputs: { services: '["outfit-recommendation"]', remote: storage, cache: 'false' }, env: {} });
    expect(run.exitCode).toBe(0);
    expect(json(run.outputs['stages-ran'])).toEqual(['outfit_data_prep', 'outfit_train']);
    const stored = readdirSync(join(storage, 'files', 'md5'), { recursive: true }).filter((name) => String(name).length > 3);
    expect(Number(run.outputs.pushed)).toBe(stored.length);
    expect(run.outputs.pushed).not.toBe('0');
    // The remote is in the local config only; the committed config is untouched.
    expect(readFileSync(join(dir, '.dvc', 'config'), 'utf8')).toBe('');
    expect(readFileSync(join(dir, '.dvc', 'config.local'), 'utf8')).toContain(`url = ${storage}`);
    expect(git(dir, 'status', '--porcelain', '.dvc')).toBe('');
  }, 240_000);

  it('the remote stopped mid-push: fails clearly, keeps the local cache, and a re-run pushes the rest', async () => {
    const dir = workspace('aura-dvc-outage-');
    const outageBucket = uniqueBucket('aura-outage');
    await createBucket(moto.endpoint, outageBucket);
    const proxy = await S3Proxy.start(moto.endpoint);
    try {
      proxy.allowUploads(3);
      const inputs = { services: '["conversational-ai"]', remote: `s3://${outageBucket}/store`, 'endpoint-url': proxy.endpoint, 'push-retries': '0' };
      const failed = await runActionSource({ workspace: dir, inputs, env: { ...AWS, ...cache.env() } });
      expect(failed.exitCode).toBe(1);
      const errors = failed.annotations.filter((a) => a.level === 'error');
      expect(errors).toHaveLength(1);
      expect(errors[0]!.message).toMatch(new RegExp(`push to remote 'aura' \\(s3://${outageBucket}/store\\) failed`));
      expect(errors[0]!.message).toContain('not confirmed on the remote: data/processed/conversational, models/conversational_ai');
      expect(errors[0]!.message).toContain('run the job again once the remote is reachable to push the rest');
      expect(json(failed.outputs['stages-ran'])).toEqual(['conversational_data_prep', 'conversational_train']);
      // The reproduction succeeded: its outputs are saved with the DVC cache, so a re-run on a
      // new machine can push them without computing them again.
      expect(failed.summary).toMatch(/DVC cache: .*; saved as `aura-dvc-cache-v1-Linux-/);
      const partial = await listKeys(moto.endpoint, outageBucket, 'store/files/md5/');
      expect(partial).toHaveLength(3);
      // The local cache still holds every output.
      const local = cacheObjects(dir);
      expect(local.length).toBeGreaterThan(3);

      await proxy.up();
      const again = await runActionSource({ workspace: dir, inputs, env: { ...AWS, ...cache.env() } });
      expect(again.exitCode).toBe(0);
      expect(json(again.outputs['stages-ran'])).toEqual([]);
      const complete = await listKeys(moto.endpoint, outageBucket, 'store/files/md5/');
      expect(Number(again.outputs.pushed)).toBe(complete.length - partial.length);
      expect(await cloudStatus(dir, AWS, ['conversational_data_prep', 'conversational_train'])).toEqual({});
    } finally {
      await proxy.down();
    }
  }, 300_000);

  it('retries a push that failed because the store was briefly unreachable', async () => {
    const dir = workspace('aura-dvc-retry-');
    const retryBucket = uniqueBucket('aura-retry');
    await createBucket(moto.endpoint, retryBucket);
    const proxy = await S3Proxy.start(moto.endpoint);
    try {
      proxy.allowUploads(0);
      const run = await runActionSource({
        workspace: dir,
        inputs: { targets: 'outfit_data_prep', remote: `s3://${retryBucket}/store`, 'endpoint-url': proxy.endpoint, cache: 'false' },
        env: { ...AWS },
        // The store comes back while the action waits before its second attempt.
        onLine: (line) => {
          if (line.includes('trying again in')) void proxy.up();
        },
      });
      expect(run.exitCode).toBe(0);
      expect(run.annotations.filter((a) => a.level === 'warning').map((a) => a.message)).toEqual(
        expect.arrayContaining([expect.stringMatching(/push to remote 'aura' .* failed with what looks transient .* trying again in 5 s \(attempt 2 of 3\)/)]),
      );
      expect(run.summary).toMatch(/Pushed \d+ files to remote 'aura' .* \(after 2 attempts\)/);
      expect((await listKeys(moto.endpoint, retryBucket, 'store/files/md5/')).length).toBe(Number(run.outputs.pushed));
    } finally {
      await proxy.down();
    }
  }, 300_000);

  it('never prints the credentials, nor writes them to .dvc/config, the summary or the outputs', async () => {
    const dir = workspace('aura-dvc-secrets-');
    // A stage that prints the secret the step gave DVC: the action's log must mask it.
    const yaml = readFileSync(join(dir, 'dvc.yaml'), 'utf8');
    writeFileSync(
      join(dir, 'dvc.yaml'),
      `${yaml}\n  leaky_report:\n    cmd: python -c "import os, pathlib; print('key is', os.environ['AWS_SECRET_ACCESS_KEY']); pathlib.Path('report.txt').write_text('ok')"\n    deps:\n      - params.yaml\n    outs:\n      - report.txt\n`,
    );
    commitAll(dir, 'add a stage that prints the environment');
    const serviceAccount = {
      type: 'service_account',
      project_id: 'aura-test',
      private_key_id: 'f00dfeedf00dfeedf00dfeedf00dfeedf00dfeed',
      private_key: '-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQCsecretlinesecret\nSECONDLINEOFTHEKEYSECONDLINEOFTHEKEY\n-----END PRIVATE KEY-----\n',
      client_email: 'dvc@aura-test.iam.gserviceaccount.com',
    };
    const gcpKey = Buffer.from(JSON.stringify(serviceAccount)).toString('base64');
    const run = await runActionSource({
      workspace: dir,
      inputs: { targets: 'leaky_report', ...s3(), 'gcp-credentials': gcpKey },
      env: { ...AWS, ...cache.env() },
    });
    expect(run.exitCode).toBe(0);
    expect(run.stdout).toContain(`::add-mask::${AWS.AWS_SECRET_ACCESS_KEY}`);
    expect(run.stdout).toContain(`::add-mask::${gcpKey}`);
    expect(run.visibleLog).toContain('key is ***');
    const secrets = [AWS.AWS_SECRET_ACCESS_KEY, gcpKey, 'SECONDLINEOFTHEKEYSECONDLINEOFTHEKEY', 'MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQCsecretlinesecret'];
    const places: Record<string, string> = {
      log: run.visibleLog,
      stderr: run.stderr,
      summary: run.summary,
      outputs: JSON.stringify(run.outputs),
      config: readFileSync(join(dir, '.dvc', 'config'), 'utf8'),
      configLocal: readFileSync(join(dir, '.dvc', 'config.local'), 'utf8'),
    };
    for (const [place, text] of Object.entries(places)) {
      for (const secret of secrets) expect([place, text.includes(secret)]).toEqual([place, false]);
    }
    expect(run.annotations.map((a) => a.message)).toContain(
      "input 'gcp-credentials' is ignored: it is for gs:// remotes, and remote 'aura' is s3://" + `${bucket}/store`,
    );

    // The post step puts the local config back as it was (there was none).
    const post = await runActionSource({ workspace: dir, post: { state: run.state }, env: {} });
    expect(post.exitCode).toBe(0);
    expect(existsSync(join(dir, '.dvc', 'config.local'))).toBe(false);
    rmSync(join(dir, 'report.txt'), { force: true });
  }, 240_000);
});

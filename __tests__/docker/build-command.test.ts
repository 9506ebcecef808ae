import { buildCommand, cacheStats, failureExcerpt, parseKeyValues, parseSecrets, type BuildRequest } from '../../src/docker/build.js';
import { planCache, type CacheEnvironment } from '../../src/docker/cache.js';
import { ConfigurationError } from '../../src/core/errors.js';

const files = { iidfile: '/t/iid', metadataFile: '/t/meta.json', secretDir: '/t/secrets' };
const env: CacheEnvironment = {
  buildx: false,
  ghaService: false,
  image: 'gcr.io/p/x',
  cacheFromTags: ['main', 'latest'],
  scope: 'p-x',
  push: true,
};

function request(overrides: Partial<BuildRequest> = {}): BuildRequest {
  return {
    context: '/repo/svc',
    dockerfile: '/repo/svc/Dockerfile',
    target: 'production',
    buildArgs: { BASE_IMAGE: 'local/busybox:1' },
    secrets: [{ id: 'hf_token', value: 'hf_SECRETVALUE' }],
    labels: { 'org.opencontainers.image.revision': 'abc' },
    refs: ['gcr.io/p/x:main', 'gcr.io/p/x:latest'],
    platforms: [],
    cache: planCache('auto', env),
    sbom: false,
    provenance: false,
    output: 'load',
    ...overrides,
  };
}

describe('planCache', () => {
  it('auto without buildx is the engine cache plus inline metadata from the branch tag and latest', () => {
    const plan = planCache('auto', env);
    expect(plan).toMatchObject({ mode: 'inline', from: ['gcr.io/p/x:main', 'gcr.io/p/x:latest'], inlineBuildArg: true, noCache: false });
  });
  it('auto under buildx with the GitHub cache service is gha, scoped per image', () => {
    const plan = planCache('auto', { ...env, buildx: true, buildxDriver: 'docker-container', ghaService: true });
    expect(plan).toMatchObject({ mode: 'gha', from: ['type=gha,scope=p-x'], to: ['type=gha,scope=p-x,mode=max'] });
  });
  it("auto under buildx's docker driver is inline (that driver exports no other cache)", () => {
    const plan = planCache('auto', { ...env, buildx: true, buildxDriver: 'docker', ghaService: true });
    expect(plan).toMatchObject({ mode: 'inline', from: ['type=registry,ref=gcr.io/p/x:main', 'type=registry,ref=gcr.io/p/x:latest'], to: ['type=inline'] });
  });
  it('refuses gha and registry where they cannot work, saying what to do', () => {
    expect(() => planCache('gha', env)).toThrow(/needs docker buildx/);
    expect(() => planCache('gha', { ...env, buildx: true, buildxDriver: 'docker-container' })).toThrow(/cache service/);
    expect(() => planCache('registry', env)).toThrow(ConfigurationError);
    expect(() => planCache('registry', { ...env, buildx: true, buildxDriver: 'docker' })).toThrow(/docker-container/);
  });
  it('off disables the cache', () => {
    expect(planCache('off', env)).toMatchObject({ noCache: true, from: [], to: [] });
  });
  it('writes no inline metadata when nothing is pushed', () => {
    expect(planCache('inline', { ...env, push: false }).inlineBuildArg).toBe(false);
  });
});

describe('buildCommand', () => {
  it('builds with the engine client: target, build args, secret files, labels, tags, inline cache', () => {
    const args = buildCommand({ buildx: false }, request(), files);
    expect(args).toEqual([
      'build', '--progress=plain', '--file', '/repo/svc/Dockerfile', '--iidfile', '/t/iid',
      '--target', 'production',
      '--build-arg', 'BASE_IMAGE=local/busybox:1',
      '--build-arg', 'BUILDKIT_INLINE_CACHE=1',
      '--secret', 'id=hf_token,src=/t/secrets/hf_token',
      '--label', 'org.opencontainers.image.revision=abc',
      '--tag', 'gcr.io/p/x:main', '--tag', 'gcr.io/p/x:latest',
      '--cache-from', 'gcr.io/p/x:main', '--cache-from', 'gcr.io/p/x:latest',
      '/repo/svc',
    ]);
  });

  it('never puts a secret value on the command line', () => {
    for (const buildx of [false, true]) {
      const args = buildCommand({ buildx }, request({ cache: planCache('off', { ...env, buildx }) }), files);
      expect(args.join(' ')).not.toContain('hf_SECRETVALUE');
    }
  });

  it('builds with buildx: load for the scan without attestations, push with them', () => {
    const cache = planCache('gha', { ...env, buildx: true, buildxDriver: 'docker-container', ghaService: true });
    const load = buildCommand({ buildx: true }, request({ cache, platforms: ['linux/arm64'] }), files);
    expect(load.slice(0, 2)).toEqual(['buildx', 'build']);
    expect(load).toEqual(expect.arrayContaining(['--metadata-file', '/t/meta.json', '--platform', 'linux/arm64', '--load', '--provenance=false']));
    expect(load).not.toContain('--push');
    const push = buildCommand(
      { buildx: true },
      request({ cache, platforms: ['linux/amd64', 'linux/arm64'], output: 'push', sbom: true, provenance: true }),
      files,
    );
    expect(push).toEqual(expect.arrayContaining(['--platform', 'linux/amd64,linux/arm64', '--push', '--sbom=true', '--provenance=mode=max', '--cache-to', 'type=gha,scope=p-x,mode=max']));
    expect(push).not.toContain('--load');
  });

  it('has no way to ask the engine client for platforms or attestations', () => {
    expect(() => buildCommand({ buildx: false }, request({ platforms: ['linux/arm64'] }), files)).toThrow(/buildx/);
  });
});

describe('input parsing', () => {
  it('reads secrets as id=value lines, values may hold = and commas', () => {
    expect(parseSecrets(['hf=abc=,def', 'pip_conf=x'])).toEqual([
      { id: 'hf', value: 'abc=,def' },
      { id: 'pip_conf', value: 'x' },
    ]);
    expect(() => parseSecrets(['no-equals'])).toThrow(/id=value/);
    expect(() => parseSecrets(['a=1', 'a=2'])).toThrow(/'a' is given twice/);
  });
  it('reads NAME=value lines', () => {
    expect(parseKeyValues(['A=1', 'B=x=y'], 'input')).toEqual({ A: '1', B: 'x=y' });
    expect(() => parseKeyValues(['=1'], "input 'build-args'")).toThrow("input 'build-args': '=1' is not NAME=value");
  });
});

describe('cacheStats', () => {
  it('counts the steps of a plain BuildKit log and the cached ones', () => {
    const log = [
      '#1 [internal] load build definition from Dockerfile',
      '#3 [base 1/4] FROM docker.io/library/python:3.11-slim',
      '#4 [base 2/4] COPY busybox /bin/busybox',
      '#4 CACHED',
      '#5 [base 3/4] RUN busybox --install',
      '#5 CACHED',
      '#6 [production 1/2] COPY app /app',
      '#6 DONE 0.1s',
      '#1 CACHED',
    ].join('\n');
    expect(cacheStats(log)).toEqual({ steps: 3, cachedSteps: 2 });
  });
});

describe('failureExcerpt', () => {
  it('keeps why the build failed and drops separators and missing-cache notes', () => {
    const output = [
      '#5 0.562 model weights missing',
      '#5 ERROR: executor failed running [/bin/sh -c exit 3]: exit code: 3',
      '------',
      ' > importing cache manifest from 127.0.0.1:5000/aura/x:main:',
      '------',
      ' > [2/2] RUN exit 3:',
      '------',
      'executor failed running [/bin/sh -c exit 3]: exit code: 3',
    ].join('\n');
    expect(failureExcerpt(output)).toBe(
      [
        '#5 0.562 model weights missing',
        '#5 ERROR: executor failed running [/bin/sh -c exit 3]: exit code: 3',
        ' > [2/2] RUN exit 3:',
        'executor failed running [/bin/sh -c exit 3]: exit code: 3',
      ].join('\n'),
    );
  });
});

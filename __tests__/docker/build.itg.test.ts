import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { jest } from '@jest/globals';
import { buildImage, type BuildRequest } from '../../src/docker/build.js';
import { planCache } from '../../src/docker/cache.js';
import { findDockerClient, type DockerClient } from '../../src/docker/engine.js';
import { FIXTURES } from '../harness/paths.js';
import { buildBusyboxBase, containerToolsOrSkip, docker, engineClient, removeImages } from './support.js';

// Builds with the real Docker engine and BuildKit: the example monorepo's multi-stage Dockerfile,
// cache reuse on a rebuild, and BuildKit secrets that never reach the image.

const describeIfTools = containerToolsOrSkip(['busybox']) ? describe : describe.skip;
const PREFIX = 'aura-itg-build/';

describeIfTools('buildImage with the Docker engine', () => {
  let client: DockerClient;
  let base: string;
  const dirs: string[] = [];

  beforeAll(async () => {
    client = await findDockerClient();
    base = buildBusyboxBase();
  }, 120_000);

  afterAll(() => {
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
    removeImages(PREFIX);
  });

  function request(overrides: Partial<BuildRequest>): BuildRequest {
    return {
      context: '.',
      dockerfile: 'Dockerfile',
      buildArgs: { BASE_IMAGE: base },
      secrets: [],
      labels: {},
      refs: [],
      platforms: [],
      cache: planCache('auto', { buildx: client.buildx, ghaService: false, image: `${PREFIX}x`, cacheFromTags: [], scope: 'x', push: false }),
      sbom: false,
      provenance: false,
      output: 'load',
      ...overrides,
    };
  }

  it('finds the client that drives BuildKit: buildx, or the engine client when the PATH one lacks it', () => {
    expect(client.path).toBe(engineClient());
    expect(client.serverVersion).toMatch(/^\d+\./);
  });

  it('builds the requested stage of the monorepo service Dockerfile', async () => {
    const monorepo = join(FIXTURES, 'aura-monorepo');
    const common = { context: monorepo, dockerfile: join(monorepo, 'services/visual_analysis/Dockerfile') };
    const production = await buildImage(client, request({ ...common, target: 'production', refs: [`${PREFIX}visual:production`] }));
    const development = await buildImage(client, request({ ...common, target: 'development', refs: [`${PREFIX}visual:development`] }));
    const [prod] = JSON.parse(docker('image', 'inspect', production.imageId)) as { Config: { User: string; Healthcheck?: unknown } }[];
    const [dev] = JSON.parse(docker('image', 'inspect', development.imageId)) as { Config: { User: string; Healthcheck?: unknown } }[];
    expect(prod!.Config.User).toBe('10001:10001');
    expect(prod!.Config.Healthcheck).toBeDefined();
    expect(dev!.Config.User).toBe('');
    expect(docker('run', '--rm', '--entrypoint', '/bin/ls', production.imageId, '/app')).not.toMatch(/tests/);
    expect(docker('run', '--rm', '--entrypoint', '/bin/ls', development.imageId, '/app')).toMatch(/tests/);
  }, 180_000);

  it('answers an unchanged rebuild from the cache', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'aura-cache-'));
    dirs.push(dir);
    // A unique first step makes the first build cold; the later steps do measurable work.
    writeFileSync(join(dir, 'marker'), `${Date.now()} ${Math.random()}\n`);
    writeFileSync(
      join(dir, 'Dockerfile'),
      [
        'ARG BASE_IMAGE',
        'FROM ${BASE_IMAGE} AS base',
        'COPY marker /marker',
        'RUN dd if=/dev/urandom of=/blob bs=1M count=48 2>/dev/null && sha256sum /blob > /blob.sha',
        'RUN i=0; while [ $i -lt 200000 ]; do i=$((i+1)); done; echo $i > /counted',
        'FROM base AS production',
        'RUN cat /blob.sha /counted > /summary',
        '',
      ].join('\n'),
    );
    const req = request({ context: dir, dockerfile: join(dir, 'Dockerfile'), target: 'production', refs: [`${PREFIX}cache:1`] });
    const cold = await buildImage(client, req);
    const warm = await buildImage(client, req);
    expect(cold.steps).toBe(4);
    expect(cold.cachedSteps).toBe(0);
    expect(warm.steps).toBe(4);
    expect(warm.cachedSteps).toBe(4);
    expect(warm.imageId).toBe(cold.imageId);
    // Times are reported, not asserted: the machine is shared.
    console.log(
      `cache: cold build ${cold.durationMs.toFixed(0)} ms, unchanged rebuild ${warm.durationMs.toFixed(0)} ms, ` +
        `ratio ${(warm.durationMs / cold.durationMs).toFixed(3)}`,
    );
  }, 180_000);

  it('passes secrets as BuildKit secrets: usable in RUN, absent from the image, its history and the log', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'aura-secret-'));
    dirs.push(dir);
    const secret = `hf_${Math.random().toString(36).slice(2)}${Date.now()}`;
    writeFileSync(
      join(dir, 'Dockerfile'),
      [
        'ARG BASE_IMAGE',
        'FROM ${BASE_IMAGE}',
        'RUN --mount=type=secret,id=hf_token wc -c < /run/secrets/hf_token > /token-length && ls /run/secrets > /mounted',
        '',
      ].join('\n'),
    );
    const written: string[] = [];
    const spy = jest.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
      written.push(String(chunk));
      return true;
    });
    let imageId: string;
    try {
      ({ imageId } = await buildImage(
        client,
        request({ context: dir, dockerfile: join(dir, 'Dockerfile'), secrets: [{ id: 'hf_token', value: secret }], refs: [`${PREFIX}secret:1`], cache: planCache('off', { buildx: client.buildx, ghaService: false, image: 'x', cacheFromTags: [], scope: 'x', push: false }) }),
      ));
    } finally {
      spy.mockRestore();
    }
    expect(docker('run', '--rm', '--entrypoint', '/bin/cat', imageId, '/token-length').trim()).toBe(String(secret.length));
    expect(docker('run', '--rm', '--entrypoint', '/bin/cat', imageId, '/mounted').trim()).toBe('hf_token');
    expect(docker('history', '--no-trunc', imageId)).not.toContain(secret);
    expect(docker('image', 'inspect', imageId)).not.toContain(secret);
    const saved = join(dir, 'image.tar');
    docker('save', '--output', saved, imageId);
    expect(readFileSync(saved).includes(Buffer.from(secret))).toBe(false);
    expect(written.join('')).toContain('--secret id=hf_token,src=');
    expect(written.join('')).not.toContain(secret);
  }, 180_000);
});

import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findDockerClient, type DockerClient } from '../../src/docker/engine.js';
import { createDockerConfigDir, dockerLogin, removeDockerConfigDir } from '../../src/docker/login.js';
import { pushImage } from '../../src/docker/push.js';
import { imageName } from '../../src/docker/reference.js';
import { RegistryClient } from '../../src/registry/client.js';
import { buildBusyboxBase, containerToolsOrSkip, docker, removeImages, startFaultProxy, startRegistry, type TestRegistry } from './support.js';

// Pushing through a fault-injecting proxy (a test tool) in front of the real registry: the
// registry's transient 500s are retried, and every tag ends up once, on the pushed digest.

const USER = 'pusher';
const PASSWORD = 'Push-Pa55-31c8e0';
const describeIfTools = containerToolsOrSkip(['docker-registry', 'htpasswd', 'busybox']) ? describe : describe.skip;

describeIfTools('pushImage against a registry that fails transiently', () => {
  let registry: TestRegistry;
  let client: DockerClient;
  let configDir: string;
  let context: string;
  const proxies: { stop(): Promise<void>; host: string }[] = [];

  beforeAll(async () => {
    registry = await startRegistry({ [USER]: PASSWORD });
    client = await findDockerClient();
    configDir = createDockerConfigDir();
    client.env.DOCKER_CONFIG = configDir;
    context = mkdtempSync(join(tmpdir(), 'aura-push-'));
    writeFileSync(join(context, 'Dockerfile'), `FROM ${buildBusyboxBase()}\nCOPY marker /marker\n`);
  }, 120_000);

  afterAll(async () => {
    for (const proxy of proxies) {
      await proxy.stop();
      removeImages(proxy.host);
    }
    await registry?.stop();
    removeDockerConfigDir(configDir);
    rmSync(context, { recursive: true, force: true });
  });

  async function imageBehind(proxyHost: string, repository: string, tags: string[]): Promise<void> {
    writeFileSync(join(context, 'marker'), `${repository} ${Date.now()}\n`);
    const refs = tags.map((tag) => `${proxyHost}/${repository}:${tag}`);
    docker('build', '--quiet', ...refs.flatMap((ref) => ['--tag', ref]), context);
    await dockerLogin(client, configDir, proxyHost, { username: USER, password: PASSWORD });
  }

  it('retries a push the registry answered with 500 once, then has every tag once on one digest', async () => {
    const proxy = await startFaultProxy(registry.url, { method: 'PUT', path: /\/manifests\//, status: 500, times: 1 });
    proxies.push(proxy);
    const tags = ['main', 'sha-8f3c2a1', 'latest'];
    await imageBehind(proxy.host, 'aura/retry', tags);
    const image = imageName(proxy.host, 'aura/retry');
    const result = await pushImage(client, {
      image,
      tags,
      registry: new RegistryClient({ host: proxy.host, credentials: { username: USER, password: PASSWORD }, backoffMs: 50 }),
      backoffMs: 100,
    });
    expect(proxy.injected).toEqual(['PUT /v2/aura/retry/manifests/main']);
    expect(result.attempts).toBe(2);
    const listed = await registry.tags('aura/retry');
    expect([...listed].sort()).toEqual([...tags].sort());
    expect(new Set(listed).size).toBe(listed.length);
    for (const tag of tags) expect(await registry.digest('aura/retry', tag)).toBe(result.digest);
    expect(result.digestRef).toBe(`${proxy.host}/aura/retry@${result.digest}`);
  }, 120_000);

  it('retries a 503 while pointing the other tags at the digest', async () => {
    const proxy = await startFaultProxy(registry.url, { method: 'PUT', path: /\/manifests\/sha-/, status: 503, times: 2 });
    proxies.push(proxy);
    const tags = ['main', 'sha-8f3c2a1'];
    await imageBehind(proxy.host, 'aura/retry-tags', tags);
    const result = await pushImage(client, {
      image: imageName(proxy.host, 'aura/retry-tags'),
      tags,
      registry: new RegistryClient({ host: proxy.host, credentials: { username: USER, password: PASSWORD }, backoffMs: 20 }),
      backoffMs: 100,
    });
    expect(proxy.injected).toHaveLength(2);
    expect(result.attempts).toBe(1);
    expect([...(await registry.tags('aura/retry-tags'))].sort()).toEqual(['main', 'sha-8f3c2a1']);
    expect(await registry.digest('aura/retry-tags', 'sha-8f3c2a1')).toBe(result.digest);
  }, 120_000);

  it('gives up after the attempts it was given, with the registry error', async () => {
    const proxy = await startFaultProxy(registry.url, { method: 'PUT', path: /\/manifests\//, status: 500, times: 10 });
    proxies.push(proxy);
    await imageBehind(proxy.host, 'aura/down', ['main']);
    await expect(
      pushImage(client, {
        image: imageName(proxy.host, 'aura/down'),
        tags: ['main'],
        registry: new RegistryClient({ host: proxy.host, credentials: { username: USER, password: PASSWORD } }),
        attempts: 2,
        backoffMs: 50,
      }),
    ).rejects.toThrow(/docker push .*aura\/down:main failed after 2 attempts:[\s\S]*500/);
    expect(proxy.injected).toHaveLength(2);
    expect(await registry.tags('aura/down')).toEqual([]);
  }, 120_000);
});

import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BlockBlobClient } from '@azure/storage-blob';
import { startActionsCache, type ActionsCacheStandIn } from '../../standins/actions-cache/server.js';

/**
 * The stand-in of the Actions cache service (not GitHub's) against the real clients: the
 * @actions/cache package the action uses, and the Azure Blob SDK it uploads with.
 */

describe('the Actions cache stand-in, driven by the real @actions/cache client', () => {
  let standIn: ActionsCacheStandIn;
  let workspace: string;
  const savedEnv = { ...process.env };
  const savedCwd = process.cwd();

  beforeAll(async () => {
    standIn = await startActionsCache();
    workspace = mkdtempSync(join(tmpdir(), 'aura-cache-standin-'));
    mkdirSync(join(workspace, 'tmp'));
    Object.assign(process.env, standIn.env(), { GITHUB_WORKSPACE: workspace, RUNNER_TEMP: join(workspace, 'tmp'), GITHUB_SERVER_URL: 'https://github.com' });
    process.chdir(workspace);
  });
  afterAll(async () => {
    process.chdir(savedCwd);
    for (const key of Object.keys(process.env)) if (!(key in savedEnv)) delete process.env[key];
    Object.assign(process.env, savedEnv);
    await standIn.close();
    rmSync(workspace, { recursive: true, force: true });
  });

  it('saves an archive, refuses the same key twice, and restores by exact key or restore-key prefix', async () => {
    const cache = await import('@actions/cache');
    expect(cache.isFeatureAvailable()).toBe(true);
    mkdirSync(join(workspace, 'objects', 'ab'), { recursive: true });
    writeFileSync(join(workspace, 'objects', 'ab', 'cdef'), 'model bytes');
    expect(await cache.saveCache(['objects'], 'dvc-Linux-abc-1')).toBeGreaterThan(0);
    expect(await cache.saveCache(['objects'], 'dvc-Linux-abc-1')).toBe(-1);
    expect(standIn.requests.map((r) => `${r.operation} ${r.status}`)).toEqual([
      'CreateCacheEntry 200',
      'PutBlob 201',
      'FinalizeCacheEntryUpload 200',
      'CreateCacheEntry 409',
    ]);

    rmSync(join(workspace, 'objects'), { recursive: true });
    expect(await cache.restoreCache(['objects'], 'dvc-Linux-abc-1')).toBe('dvc-Linux-abc-1');
    expect(readFileSync(join(workspace, 'objects', 'ab', 'cdef'), 'utf8')).toBe('model bytes');
    rmSync(join(workspace, 'objects'), { recursive: true });
    expect(await cache.restoreCache(['objects'], 'dvc-Linux-abc-2', ['dvc-Linux-abc-', 'dvc-Linux-'])).toBe('dvc-Linux-abc-1');
    expect(readFileSync(join(workspace, 'objects', 'ab', 'cdef'), 'utf8')).toBe('model bytes');
    // Other paths make another version: no match across them.
    expect(await cache.restoreCache(['elsewhere'], 'dvc-Linux-abc-1')).toBeUndefined();
    expect(await cache.restoreCache(['objects'], 'other-key', ['other-'])).toBeUndefined();
  });

  it('rejects a wrong runtime token; the client warns and carries on without a cache', async () => {
    const cache = await import('@actions/cache');
    process.env.ACTIONS_RUNTIME_TOKEN = 'not-the-token';
    try {
      expect(await cache.restoreCache(['objects'], 'dvc-Linux-abc-1')).toBeUndefined();
      expect(standIn.requests.at(-1)).toMatchObject({ operation: 'GetCacheEntryDownloadURL', status: 401 });
    } finally {
      process.env.ACTIONS_RUNTIME_TOKEN = standIn.token;
    }
  });
});

describe('the blob storage of the stand-in, driven by the Azure Blob SDK', () => {
  let standIn: ActionsCacheStandIn;
  beforeAll(async () => {
    standIn = await startActionsCache();
  });
  afterAll(() => standIn.close());

  async function reserve(key: string): Promise<string> {
    const response = await fetch(`${standIn.url}twirp/github.actions.results.api.v1.CacheService/CreateCacheEntry`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${standIn.token}` },
      body: JSON.stringify({ key, version: 'v1' }),
    });
    return ((await response.json()) as { signed_upload_url: string }).signed_upload_url;
  }

  it('assembles a large archive from staged blocks (Put Block, Put Block List), as uploads over 128 MiB do', async () => {
    const url = await reserve('blocks');
    const data = Buffer.alloc(3 * 1024 * 1024 + 17, 7);
    data.write('start', 0);
    await new BlockBlobClient(url).uploadData(data, { blockSize: 1024 * 1024, maxSingleShotSize: 1024 * 1024, concurrency: 2 });
    const operations = standIn.requests.map((r) => r.operation);
    expect(operations.filter((o) => o === 'PutBlock')).toHaveLength(4);
    expect(operations.at(-1)).toBe('PutBlockList');
    expect(standIn.entries.find((e) => e.key === 'blocks')!.blob!.equals(data)).toBe(true);
  });

  it('refuses a tampered signature and a read with an upload URL, in the storage error shape', async () => {
    const url = new URL(await reserve('signed'));
    url.searchParams.set('sig', 'forged');
    const forged = await fetch(url, { method: 'PUT', headers: { 'x-ms-blob-type': 'BlockBlob' }, body: 'x' });
    expect(forged.status).toBe(403);
    expect(await forged.text()).toContain('<Code>AuthenticationFailed</Code>');
    const upload = await reserve('signed-2');
    const read = await fetch(upload);
    expect(read.status).toBe(403);
    expect(read.headers.get('x-ms-error-code')).toBe('AuthorizationPermissionMismatch');
  });
});

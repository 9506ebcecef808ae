import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { runBundle, type BundleRun } from '../harness/bundle.js';
import { FIXTURES } from '../harness/paths.js';
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { buildBusyboxBase, containerToolsOrSkip, docker, removeImages, startRegistry, type TestRegistry } from '../docker/support.js';
import { startGoogleOAuthStandIn } from '../../standins/google-oauth/server.js';

// build-scan-push as the runner runs it (dist/build-scan-push/index.js on Node 24), against the
// real Docker engine, a real registry on loopback and real Trivy, on the example monorepo.

const MONOREPO = join(FIXTURES, 'aura-monorepo');
const USER = 'aura-ci';
const PASSWORD = 'Reg1stry-Pa55-7f3e9c';
const SHA = '8f3c2a1b9d4e5f60718293a4b5c6d7e8f9012345';
const repository = { default_branch: 'main', html_url: 'https://github.com/aura/platform', description: 'Aura AI Platform', license: { spdx_id: 'MIT' } };

const enabled = containerToolsOrSkip();
const describeIfTools = enabled ? describe : describe.skip;

function secretsIn(run: BundleRun, secret: string): string[] {
  const places: string[] = [];
  if (run.visibleLog.includes(secret)) places.push('log');
  if (run.stderr.includes(secret)) places.push('stderr');
  if (run.summary.includes(secret)) places.push('summary');
  if (JSON.stringify(run.outputs).includes(secret)) places.push('outputs');
  return places;
}

describeIfTools('build-scan-push bundle (real engine, registry and Trivy)', () => {
  let registry: TestRegistry;
  let base: string;
  let trivyCache: string;

  beforeAll(async () => {
    base = buildBusyboxBase();
    registry = await startRegistry({ [USER]: PASSWORD });
    trivyCache = mkdtempSync(join(tmpdir(), 'aura-trivy-cache-'));
  }, 120_000);

  afterAll(async () => {
    await registry?.stop();
    if (trivyCache) rmSync(trivyCache, { recursive: true, force: true });
    if (registry) removeImages(registry.host);
  });

  interface RunOptions {
    eventName?: string;
    event?: unknown;
    env?: Record<string, string>;
    workspace?: string;
  }

  function run(inputs: Record<string, string>, options: RunOptions = {}) {
    return runBundle('build-scan-push', {
      workspace: options.workspace ?? MONOREPO,
      eventName: options.eventName ?? 'push',
      event: options.event ?? { ref: 'refs/heads/main', repository },
      inputs: {
        service: 'visual-analysis',
        registry: `${registry.host}/aura`,
        'build-args': `BASE_IMAGE=${base}`,
        scanners: 'secret',
        'registry-username': USER,
        'registry-password': PASSWORD,
        ...inputs,
      },
      env: { GITHUB_SHA: SHA, GITHUB_REF: 'refs/heads/main', TRIVY_CACHE_DIR: trivyCache, ...options.env },
      timeoutMs: 300_000,
    });
  }

  it('builds the production stage, scans it, pushes every tag and outputs the digest the registry serves', async () => {
    const buildSecret = `hf_${randomBytes(12).toString('hex')}`;
    const main = await run({ secrets: `hf_token=${buildSecret}` });
    expect(main.annotations.filter((a) => a.level === 'error')).toEqual([]);
    expect(main.exitCode).toBe(0);
    const digest = main.outputs.digest!;
    expect(digest).toMatch(/^sha256:[a-f0-9]{64}$/);
    expect(main.outputs.pushed).toBe('true');
    expect(main.outputs['scan-result']).toBe('passed');
    expect(JSON.parse(main.outputs.findings!)).toEqual({ CRITICAL: 0, HIGH: 0, MEDIUM: 0, LOW: 0, UNKNOWN: 0 });
    expect(main.outputs.image).toBe(`${registry.host}/aura/visual-analysis`);
    expect(main.outputs.ref).toBe(`${registry.host}/aura/visual-analysis@${digest}`);
    const tags = ['main', 'sha-8f3c2a1', `sha-${SHA}`, 'latest'];
    expect(JSON.parse(main.outputs.tags!)).toEqual(tags.map((t) => `${registry.host}/aura/visual-analysis:${t}`));

    // The registry's own view: exactly these tags, each once, each answering the output digest.
    const listed = await registry.tags('aura/visual-analysis');
    expect([...listed].sort()).toEqual([...tags].sort());
    for (const tag of tags) expect(await registry.digest('aura/visual-analysis', tag)).toBe(digest);

    // The production stage was built (its non-root user, no tests copied), not the development one.
    const config = JSON.parse(docker('image', 'inspect', main.outputs['image-id']!)) as { Config: { User: string } }[];
    expect(config[0]!.Config.User).toBe('10001:10001');
    const labels = JSON.parse(main.outputs.labels!) as Record<string, string>;
    expect(labels['org.opencontainers.image.revision']).toBe(SHA);
    expect(labels['org.opencontainers.image.version']).toBe('main');
    expect(main.summary).toContain('✅ passed');
    expect(main.summary).toContain(digest);
    expect(main.summary).toMatch(/SBOM \/ provenance/);
    expect(existsSync(main.outputs.sarif!)).toBe(true);
    expect(JSON.parse(readFileSync(main.outputs.sarif!, 'utf8')).version).toBe('2.1.0');

    // Nothing secret anywhere the user can read; the post step removes the stored login.
    expect(secretsIn(main, PASSWORD)).toEqual([]);
    expect(secretsIn(main, buildSecret)).toEqual([]);
    const configDir = main.state['docker-config']!;
    expect(configDir).toBeTruthy();
    expect(existsSync(join(configDir, 'config.json'))).toBe(true);
    const post = await runBundle('build-scan-push', { workspace: MONOREPO, post: { state: main.state } });
    expect(post.exitCode).toBe(0);
    expect(existsSync(configDir)).toBe(false);
    expect(secretsIn(post, PASSWORD)).toEqual([]);
    // What stays in RUNNER_TEMP is the scan report and SARIF: no login, no secret files.
    expect(readdirSync(dirname(configDir))).toEqual(['build-scan-push']);
  }, 300_000);

  /** A one-service repository whose image carries a file of AWS credentials (a made-up key). */
  function leakyRepo(): { dir: string; keyId: string } {
    const dir = mkdtempSync(join(tmpdir(), 'aura-leaky-'));
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
    const keyId = `AKIA${[...randomBytes(16)].map((b) => alphabet[b % alphabet.length]).join('')}`;
    writeFileSync(join(dir, 'credentials'), `[default]\naws_access_key_id = ${keyId}\n`);
    writeFileSync(
      join(dir, 'Dockerfile'),
      ['ARG BASE_IMAGE=python:3.11-slim', 'FROM ${BASE_IMAGE}', 'COPY credentials /root/.aws/credentials', ''].join('\n'),
    );
    return { dir, keyId };
  }

  it('fails the scan of an image with a planted secret, and the registry never receives it', async () => {
    const { dir, keyId } = leakyRepo();
    try {
      const result = await run({ service: '', image: 'leaky', push: 'true' }, { workspace: dir });
      expect(result.exitCode).toBe(1);
      expect(result.outputs['scan-result']).toBe('failed');
      expect(result.outputs.pushed).toBe('false');
      expect(result.outputs.digest).toBe('');
      expect(JSON.parse(result.outputs.findings!)).toMatchObject({ CRITICAL: 1 });
      const errors = result.annotations.filter((a) => a.level === 'error');
      expect(errors).toHaveLength(1);
      expect(errors[0]!.message).toMatch(/^build-scan-push: the image failed its scan: 1 finding\(s\) at HIGH,CRITICAL: CRITICAL aws-access-key-id \(\/root\/.aws\/credentials\).*nothing was pushed/);
      expect(result.summary).toContain('❌ failed');
      expect(result.summary).toContain('not pushed: the scan failed');
      expect(result.summary).toContain('aws-access-key-id');
      // The planted key itself is not repeated anywhere the action writes.
      expect(secretsIn(result, keyId)).toEqual([]);
      expect(readFileSync(result.outputs.sarif!, 'utf8')).toContain('aws-access-key-id');
      expect(await registry.tags('aura/leaky')).toEqual([]);
      // Its registry tags are gone from the engine too, so no later step pushes it by name.
      expect(docker('image', 'ls', '--format', '{{.Repository}}:{{.Tag}}', `${registry.host}/aura/leaky`)).toBe('');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 300_000);

  it('accepts a finding listed in .trivyignore', async () => {
    const { dir } = leakyRepo();
    try {
      writeFileSync(join(dir, '.trivyignore'), '# reviewed: a test fixture, not a real key\naws-access-key-id\n');
      const result = await run({ service: '', image: 'leaky-accepted', push: 'false' }, { workspace: dir });
      expect(result.annotations.filter((a) => a.level === 'error')).toEqual([]);
      expect(result.outputs['scan-result']).toBe('passed');
      expect(JSON.parse(result.outputs.findings!)).toMatchObject({ CRITICAL: 0 });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 300_000);

  it('refuses wrong credentials with one clear error, pushes nothing and prints no secret', async () => {
    const wrong = `wrong-${randomBytes(6).toString('hex')}`;
    const result = await run({ image: 'visual-analysis-denied', 'registry-password': wrong });
    expect(result.exitCode).toBe(1);
    const errors = result.annotations.filter((a) => a.level === 'error');
    expect(errors).toHaveLength(1);
    expect(errors[0]!.message).toMatch(new RegExp(`^build-scan-push: logging in to ${registry.host.replace(/\./g, '\\.')} as 'aura-ci' failed: .*401 Unauthorized.*; check registry-username and registry-password`, 'i'));
    expect(secretsIn(result, wrong)).toEqual([]);
    expect(result.stderr).not.toMatch(/\n\s+at /);
    expect(await registry.tags('aura/visual-analysis-denied')).toEqual([]);
    expect(result.outputs.pushed).toBe('false');
    const post = await runBundle('build-scan-push', { workspace: MONOREPO, post: { state: result.state } });
    expect(post.exitCode).toBe(0);
    expect(existsSync(result.state['docker-config']!)).toBe(false);
  }, 300_000);

  it('builds and scans a pull request without pushing, tagged pr-N with the head commit', async () => {
    const head = 'a1b2c3d4e5f60718293a4b5c6d7e8f90123456ab';
    const result = await run(
      { image: 'visual-analysis-pr' },
      {
        eventName: 'pull_request',
        event: { number: 7, pull_request: { number: 7, head: { sha: head } }, repository },
        env: { GITHUB_REF: 'refs/pull/7/merge' },
      },
    );
    expect(result.annotations.filter((a) => a.level === 'error')).toEqual([]);
    expect(result.exitCode).toBe(0);
    expect(result.outputs.pushed).toBe('false');
    expect(result.outputs['scan-result']).toBe('passed');
    expect(JSON.parse(result.outputs.tags!)).toEqual(
      ['pr-7', 'sha-a1b2c3d', `sha-${head}`].map((t) => `${registry.host}/aura/visual-analysis-pr:${t}`),
    );
    expect(result.summary).toContain('not pushed: push is false (the default on pull requests)');
    expect(await registry.tags('aura/visual-analysis-pr')).toEqual([]);
  }, 300_000);

  it('treats a vulnerability database it cannot load as a failed scan tool, never as a clean image', async () => {
    const emptyCache = mkdtempSync(join(tmpdir(), 'aura-trivy-empty-'));
    try {
      const result = await run({ image: 'visual-analysis-nodb', scanners: 'vuln,secret' }, { env: { TRIVY_CACHE_DIR: emptyCache, TRIVY_DB_REPOSITORY: '127.0.0.1:9/aquasec/trivy-db:2' } });
      expect(result.exitCode).toBe(1);
      const errors = result.annotations.filter((a) => a.level === 'error');
      expect(errors).toHaveLength(1);
      expect(errors[0]!.message).toMatch(/Trivy could not load its vulnerability database, so the image was NOT scanned for vulnerabilities/);
      expect(result.outputs['scan-result']).toBe('error');
      expect(result.summary).toContain('❌ error: Trivy did not complete the scan');
      expect(result.outputs.pushed).toBe('false');
      expect(await registry.tags('aura/visual-analysis-nodb')).toEqual([]);
    } finally {
      rmSync(emptyCache, { recursive: true, force: true });
    }
  }, 300_000);

  it('logs in with a Google service-account key as oauth2accesstoken (token from the OAuth2 stand-in)', async () => {
    const keyDir = mkdtempSync(join(tmpdir(), 'aura-sa-'));
    const token = `ya29.${randomBytes(24).toString('base64url')}`;
    const googleRegistry = await startRegistry({ oauth2accesstoken: token });
    const email = 'aura-ci@aura-prod.iam.gserviceaccount.com';
    try {
      execFileSync('openssl', ['genpkey', '-algorithm', 'RSA', '-pkeyopt', 'rsa_keygen_bits:2048', '-out', join(keyDir, 'sa.pem')], { stdio: 'ignore' });
      const publicPem = execFileSync('openssl', ['pkey', '-in', join(keyDir, 'sa.pem'), '-pubout'], { encoding: 'utf8' });
      const key = JSON.stringify({
        type: 'service_account',
        project_id: 'aura-prod',
        private_key_id: 'k1',
        private_key: readFileSync(join(keyDir, 'sa.pem'), 'utf8'),
        client_email: email,
        token_uri: 'https://oauth2.googleapis.com/token',
      });
      const standIn = await startGoogleOAuthStandIn({ accounts: [{ email, publicKeyPem: publicPem, keyId: 'k1', accessToken: token }] });
      try {
        const result = await run(
          {
            registry: `${googleRegistry.host}/aura-prod`,
            'registry-username': '',
            'registry-password': '',
            'gcp-credentials': Buffer.from(key).toString('base64'),
          },
          { env: { AURA_GOOGLE_TOKEN_URL: standIn.tokenUrl } },
        );
        expect(result.annotations.filter((a) => a.level === 'error')).toEqual([]);
        expect(result.exitCode).toBe(0);
        expect(result.outputs.pushed).toBe('true');
        expect(standIn.requests).toEqual([{ email, scope: 'https://www.googleapis.com/auth/cloud-platform', granted: true }]);
        expect(await googleRegistry.digest('aura-prod/visual-analysis', 'main')).toBe(result.outputs.digest);
        expect(secretsIn(result, token)).toEqual([]);
        const keyLine = key.split('\\n')[1]!;
        expect(secretsIn(result, keyLine)).toEqual([]);
        const post = await runBundle('build-scan-push', { workspace: MONOREPO, post: { state: result.state } });
        expect(post.exitCode).toBe(0);
        expect(existsSync(result.state['docker-config']!)).toBe(false);
      } finally {
        await standIn.close();
      }
    } finally {
      await googleRegistry.stop();
      removeImages(googleRegistry.host);
      rmSync(keyDir, { recursive: true, force: true });
    }
  }, 300_000);

  it('pushes without a scan when told to, and says so in the log and the summary', async () => {
    const result = await run({ image: 'visual-analysis-unscanned', scan: 'false' });
    expect(result.exitCode).toBe(0);
    expect(result.outputs['scan-result']).toBe('skipped');
    expect(result.annotations.filter((a) => a.level === 'warning').map((a) => a.message)).toEqual([
      'scan: false; the image is pushed without a vulnerability, secret or misconfiguration scan',
    ]);
    expect(result.summary).toContain('⚠️ skipped: scan: false');
    expect(await registry.digest('aura/visual-analysis-unscanned', 'main')).toBe(result.outputs.digest);
  }, 300_000);

  it.each([
    [{ tags: 'stable\nbad/tag' }, /input 'tags': 'bad\/tag' is not a valid image tag: it contains '\/'/],
    [{ service: 'no-such-service' }, /input 'service': 'no-such-service' is not in \.github\/services\.yml \(services: visual-analysis, /],
    [{ target: 'staging' }, /the Dockerfile has no stage 'staging' \(target\); its stages: base, development, production/],
    [{ cache: 'gha' }, /cache 'gha' needs docker buildx|cache 'gha' needs the GitHub Actions cache service/],
    [{ severity: 'HIGH,SEVERE' }, /input 'severity' must list severities from CRITICAL, HIGH, MEDIUM, LOW, UNKNOWN/],
    [{ 'registry-password': '' }, /inputs 'registry-username' and 'registry-password' go together/],
    [{ registry: '', push: 'true' }, /cannot push 'never-built': it names no registry; set input 'registry'/],
  ] as [Record<string, string>, RegExp][])('refuses bad input %j with one clear error and builds nothing', async (inputs, message) => {
    const result = await run({ image: 'never-built', ...inputs });
    expect(result.exitCode).toBe(1);
    const errors = result.annotations.filter((a) => a.level === 'error');
    expect(errors).toHaveLength(1);
    expect(errors[0]!.message).toMatch(/^build-scan-push: /);
    expect(errors[0]!.message).toMatch(message);
    expect(result.stdout).not.toMatch(/\[command\]\S*docker build /);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  }, 120_000);

  it('reports a failing Dockerfile step as one error with the builder output, and pushes nothing', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'aura-broken-'));
    try {
      writeFileSync(join(dir, 'Dockerfile'), ['ARG BASE_IMAGE', 'FROM ${BASE_IMAGE}', 'RUN echo "model weights missing" >&2; exit 3', ''].join('\n'));
      const result = await run({ service: '', image: 'broken' }, { workspace: dir });
      expect(result.exitCode).toBe(1);
      const errors = result.annotations.filter((a) => a.level === 'error');
      expect(errors).toHaveLength(1);
      expect(errors[0]!.message).toMatch(/^build-scan-push: the image build failed \(\S*docker build exited with 1\):\n[\s\S]*model weights missing/);
      expect(result.summary).toContain('not pushed');
      expect(await registry.tags('aura/broken')).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 300_000);
});

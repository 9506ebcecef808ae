import { createSign } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isGoogleRegistryHost, loadGoogleCredentials, parseGoogleCredentials } from '../../src/google/credentials.js';
import { CLOUD_PLATFORM_SCOPE, getAccessToken, TOKEN_URL_VARIABLE } from '../../src/google/token.js';
import { redact } from '../../src/core/secrets.js';
import { startGoogleOAuthStandIn, type GoogleOAuthStandIn } from '../../standins/google-oauth/server.js';

// Google credentials -> access token, end to end against the STAND-IN of Google's OAuth2 token
// endpoint (standins/google-oauth), with throwaway RSA keys made by openssl.

const EMAIL = 'aura-ci@aura-prod.iam.gserviceaccount.com';
let dir: string;
let key: { privatePem: string; publicPem: string };
let otherKey: { privatePem: string; publicPem: string };
let standIn: GoogleOAuthStandIn;
let issuerKey: { privatePem: string; publicPem: string };
const PROVIDER = '//iam.googleapis.com/projects/123456/locations/global/workloadIdentityPools/github/providers/aura';
const DEPLOYER = 'deployer@aura-prod.iam.gserviceaccount.com';

function makeKey(name: string): { privatePem: string; publicPem: string } {
  const privatePath = join(dir, `${name}.pem`);
  execFileSync('openssl', ['genpkey', '-algorithm', 'RSA', '-pkeyopt', 'rsa_keygen_bits:2048', '-out', privatePath], { stdio: 'ignore' });
  const publicPem = execFileSync('openssl', ['pkey', '-in', privatePath, '-pubout'], { encoding: 'utf8' });
  return { privatePem: readFileSync(privatePath, 'utf8'), publicPem };
}

function keyJson(privatePem: string, email = EMAIL): string {
  return JSON.stringify({
    type: 'service_account',
    project_id: 'aura-prod',
    private_key_id: 'a1b2c3d4e5f6',
    private_key: privatePem,
    client_email: email,
    client_id: '112233445566778899',
    token_uri: 'https://oauth2.googleapis.com/token',
  });
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'aura-google-'));
  key = makeKey('sa');
  otherKey = makeKey('other');
  issuerKey = makeKey('issuer');
  standIn = await startGoogleOAuthStandIn({
    accounts: [{ email: EMAIL, publicKeyPem: key.publicPem, keyId: 'a1b2c3d4e5f6', accessToken: 'ya29.stand-in-fixed-token' }],
    workloadIdentity: {
      audience: PROVIDER,
      issuerPublicKeyPem: issuerKey.publicPem,
      serviceAccounts: [{ email: DEPLOYER, accessToken: 'ya29.impersonated-deployer' }],
    },
  });
}, 60_000);

afterAll(async () => {
  await standIn?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('parseGoogleCredentials', () => {
  it('reads a key given raw or base64, and masks it', () => {
    const raw = keyJson(key.privatePem);
    const fromRaw = parseGoogleCredentials(raw, 'input');
    const fromBase64 = parseGoogleCredentials(Buffer.from(raw).toString('base64'), 'input');
    expect(fromRaw).toMatchObject({ type: 'service_account', clientEmail: EMAIL, projectId: 'aura-prod' });
    expect(fromBase64).toEqual(fromRaw);
    const pemLine = key.privatePem.split('\n')[1]!;
    expect(redact(`leaked ${pemLine}`)).toBe('leaked ***');
  });

  it('reads the Workload Identity Federation file google-github-actions/auth writes', () => {
    const credentials = parseGoogleCredentials(
      JSON.stringify({
        type: 'external_account',
        audience: '//iam.googleapis.com/projects/123/locations/global/workloadIdentityPools/github/providers/aura',
        subject_token_type: 'urn:ietf:params:oauth:token-type:jwt',
        token_url: 'https://sts.googleapis.com/v1/token',
        service_account_impersonation_url:
          'https://iamcredentials.googleapis.com/v1/projects/-/serviceAccounts/deployer%40aura-prod.iam.gserviceaccount.com:generateAccessToken',
        credential_source: { url: 'https://pipelines.actions.githubusercontent.com/x', headers: { Authorization: 'Bearer ***' }, format: { type: 'json', subject_token_field_name: 'value' } },
      }),
      'GOOGLE_GHA_CREDS_PATH',
    );
    expect(credentials).toMatchObject({ type: 'external_account', serviceAccount: 'deployer@aura-prod.iam.gserviceaccount.com' });
  });

  it('says what is wrong with a bad key, without echoing it', () => {
    expect(() => parseGoogleCredentials('not a key at all!', "input 'gcp-credentials'")).toThrow(
      "input 'gcp-credentials' is neither a JSON key nor base64 of one",
    );
    expect(() => parseGoogleCredentials('{"type":"authorized_user"}', 'input')).toThrow(/type 'authorized_user'; expected a service-account key/);
    expect(() => parseGoogleCredentials('{"type":"service_account","client_email":"x@y"}', 'input')).toThrow(/no private_key/);
  });

  it('takes the input first, then the file exported by google-github-actions/auth', () => {
    const file = join(dir, 'gha-creds.json');
    writeFileSync(file, keyJson(key.privatePem));
    expect(loadGoogleCredentials(undefined, { GOOGLE_GHA_CREDS_PATH: file })?.source).toBe(`GOOGLE_GHA_CREDS_PATH (${file})`);
    expect(loadGoogleCredentials(undefined, { GOOGLE_APPLICATION_CREDENTIALS: file })?.credentials.type).toBe('service_account');
    expect(loadGoogleCredentials(keyJson(key.privatePem), { GOOGLE_GHA_CREDS_PATH: file })?.source).toBe("input 'gcp-credentials'");
    expect(loadGoogleCredentials(undefined, {})).toBeUndefined();
    expect(() => loadGoogleCredentials(undefined, { GOOGLE_GHA_CREDS_PATH: join(dir, 'missing.json') })).toThrow(/run google-github-actions\/auth/);
  });

  it('knows the Google registry hosts', () => {
    for (const host of ['gcr.io', 'eu.gcr.io', 'europe-docker.pkg.dev', 'us-central1-docker.pkg.dev']) expect(isGoogleRegistryHost(host)).toBe(true);
    for (const host of ['ghcr.io', 'docker.io', '127.0.0.1:5000']) expect(isGoogleRegistryHost(host)).toBe(false);
  });
});

describe('getAccessToken against the token endpoint stand-in', () => {
  it('signs a JWT assertion with the key and gets the access token', async () => {
    const credentials = parseGoogleCredentials(keyJson(key.privatePem), 'key');
    const token = await getAccessToken(credentials, { [TOKEN_URL_VARIABLE]: standIn.tokenUrl });
    expect(token.token).toBe('ya29.stand-in-fixed-token');
    expect(token.expiresAt!.getTime()).toBeGreaterThan(Date.now());
    expect(standIn.requests.at(-1)).toEqual({ email: EMAIL, scope: CLOUD_PLATFORM_SCOPE, granted: true });
  });

  it('fails clearly when the key does not match the account (signature refused)', async () => {
    const credentials = parseGoogleCredentials(keyJson(otherKey.privatePem), 'key');
    await expect(getAccessToken(credentials, { [TOKEN_URL_VARIABLE]: standIn.tokenUrl })).rejects.toThrow(
      `could not get a Google access token for service account ${EMAIL}: invalid_grant: Invalid JWT Signature.`,
    );
    expect(standIn.requests.at(-1)).toMatchObject({ granted: false, error: 'invalid_grant' });
  });

  it('fails clearly for an account the endpoint does not know', async () => {
    const credentials = parseGoogleCredentials(keyJson(key.privatePem, 'ghost@aura-prod.iam.gserviceaccount.com'), 'key');
    await expect(getAccessToken(credentials, { [TOKEN_URL_VARIABLE]: standIn.tokenUrl })).rejects.toThrow(/invalid_grant: Invalid grant: account not found/);
  });
});

/** An OIDC token as the runner's ID-token service signs it (here with the test's issuer key). */
function oidcToken(privatePem: string, audience: string): string {
  const encode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const now = Math.floor(Date.now() / 1000);
  const body = `${encode({ alg: 'RS256', typ: 'JWT' })}.${encode({
    iss: 'https://token.actions.githubusercontent.com',
    sub: 'repo:aura/platform:ref:refs/heads/main',
    aud: audience,
    iat: now,
    exp: now + 300,
  })}`;
  return `${body}.${createSign('RSA-SHA256').update(body).sign(privatePem).toString('base64url')}`;
}

describe('Workload Identity Federation (external_account) against the stand-in', () => {
  /**
   * The file google-github-actions/auth writes: the subject token comes from the runner's
   * ID-token URL (served here by a test server), STS and impersonation URLs from the file.
   */
  async function withIdTokenServer<T>(token: string, body: (url: string, seen: string[]) => Promise<T>): Promise<T> {
    const seen: string[] = [];
    const server = createServer((request, response) => {
      seen.push(`${request.url} ${request.headers.authorization ?? ''}`);
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ value: token }));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
    try {
      return await body(`http://127.0.0.1:${(server.address() as AddressInfo).port}/id-token?api-version=2.0`, seen);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  }

  function externalAccount(idTokenUrl: string, serviceAccount = DEPLOYER): string {
    return JSON.stringify({
      type: 'external_account',
      audience: PROVIDER,
      subject_token_type: 'urn:ietf:params:oauth:token-type:jwt',
      token_url: `${standIn.url}/v1/token`,
      service_account_impersonation_url: `${standIn.url}/v1/projects/-/serviceAccounts/${serviceAccount}:generateAccessToken`,
      credential_source: {
        url: `${idTokenUrl}&audience=https:${PROVIDER}`,
        headers: { Authorization: 'Bearer runner-request-token' },
        format: { type: 'json', subject_token_field_name: 'value' },
      },
    });
  }

  it('exchanges the runner OIDC token and impersonates the service account', async () => {
    await withIdTokenServer(oidcToken(issuerKey.privatePem, `https:${PROVIDER}`), async (url, seen) => {
      const file = join(dir, 'gha-creds-wif.json');
      writeFileSync(file, externalAccount(url));
      const loaded = loadGoogleCredentials(undefined, { GOOGLE_GHA_CREDS_PATH: file })!;
      expect(loaded.credentials).toMatchObject({ type: 'external_account', serviceAccount: DEPLOYER });
      const token = await getAccessToken(loaded.credentials, {});
      expect(token.token).toBe('ya29.impersonated-deployer');
      expect(seen).toEqual([expect.stringContaining('Bearer runner-request-token')]);
      expect(standIn.requests.slice(-2)).toEqual([
        { endpoint: 'sts', email: 'repo:aura/platform:ref:refs/heads/main', scope: CLOUD_PLATFORM_SCOPE, granted: true },
        { endpoint: 'impersonation', email: DEPLOYER, scope: CLOUD_PLATFORM_SCOPE, granted: true },
      ]);
    });
  });

  it('fails clearly when the OIDC token was signed by another issuer', async () => {
    await withIdTokenServer(oidcToken(otherKey.privatePem, `https:${PROVIDER}`), async (url) => {
      const credentials = parseGoogleCredentials(externalAccount(url), 'GOOGLE_GHA_CREDS_PATH');
      await expect(getAccessToken(credentials, {})).rejects.toThrow(
        `could not get a Google access token for workload identity as ${DEPLOYER}: invalid_grant: Invalid JWT signature.`,
      );
    });
  });

  it('fails clearly when the provider may not impersonate the service account', async () => {
    await withIdTokenServer(oidcToken(issuerKey.privatePem, `https:${PROVIDER}`), async (url) => {
      const credentials = parseGoogleCredentials(externalAccount(url, 'admin@aura-prod.iam.gserviceaccount.com'), 'file');
      await expect(getAccessToken(credentials, {})).rejects.toThrow(/workload identity as admin@aura-prod\.iam\.gserviceaccount\.com: .*(denied|403)/i);
    });
  });
});


/**
 * STAND-IN of Google's token services, for tests and demos only. It is not Google and grants
 * access to nothing.
 * - POST /token: the OAuth2 token endpoint (https://oauth2.googleapis.com/token) answering the
 *   JWT-bearer grant (RFC 7523) of service-account keys: each assertion's RS256 signature is
 *   verified with the public key of a service account registered here, and its claims (iss,
 *   aud, scope, iat, exp) as Google checks them. Point the action at it with
 *   AURA_GOOGLE_TOKEN_URL=<url>/token.
 * - POST /v1/token: the Security Token Service (https://sts.googleapis.com/v1/token) of Workload
 *   Identity Federation, exchanging an OIDC token (RFC 8693) signed by the registered issuer key
 *   for a federated token, when the audience is the registered provider's.
 * - POST /v1/projects/-/serviceAccounts/<email>:generateAccessToken: IAM Credentials'
 *   impersonation, turning the federated token into the service account's access token.
 * The external_account file names the last two itself (token_url,
 * service_account_impersonation_url), so a test writes the stand-in's URLs there.
 */
import { createPublicKey, createVerify, randomBytes, type KeyObject } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export const GOOGLE_TOKEN_AUDIENCE = 'https://oauth2.googleapis.com/token';
export const JWT_BEARER_GRANT = 'urn:ietf:params:oauth:grant-type:jwt-bearer';

export interface StandInServiceAccount {
  email: string;
  /** The public half (PEM: SPKI public key or X.509 certificate) of the account's key. */
  publicKeyPem: string;
  /** The key's id (private_key_id); when set, an assertion's `kid` must match it. */
  keyId?: string;
  /**
   * The access token handed out for this account; a fresh random one per request when unset.
   * Tests set it to the password a local registry expects for user `oauth2accesstoken`.
   */
  accessToken?: string;
}

/** A Workload Identity pool provider that trusts one OIDC issuer (GitHub's, in production). */
export interface StandInWorkloadIdentity {
  /** //iam.googleapis.com/projects/N/locations/global/workloadIdentityPools/P/providers/R */
  audience: string;
  /** The public key that signs the issuer's OIDC tokens (PEM). */
  issuerPublicKeyPem: string;
  /** Service accounts the federated identity may impersonate, with the token each one gets. */
  serviceAccounts: { email: string; accessToken: string }[];
}

export interface GoogleOAuthStandInOptions {
  accounts: StandInServiceAccount[];
  workloadIdentity?: StandInWorkloadIdentity;
  port?: number;
  host?: string;
  /** Seconds the issued tokens live (default 3599, as Google's). */
  expiresIn?: number;
}

export interface TokenRequestRecord {
  /** Which service answered: the OAuth2 endpoint, STS, or impersonation. */
  endpoint?: 'sts' | 'impersonation';
  email: string;
  scope: string;
  granted: boolean;
  error?: string;
}

export interface GoogleOAuthStandIn {
  url: string;
  tokenUrl: string;
  requests: TokenRequestRecord[];
  close(): Promise<void>;
}

class GrantError extends Error {
  constructor(
    readonly error: string,
    readonly description: string,
    readonly status = 400,
  ) {
    super(description);
  }
}

function base64url(text: string): Buffer {
  return Buffer.from(text.replace(/-/g, '+').replace(/_/g, '/'), 'base64');
}

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let body = '';
    request.setEncoding('utf8');
    request.on('data', (chunk: string) => {
      body += chunk;
      if (body.length > 64 * 1024) reject(new GrantError('invalid_request', 'Request body too large.', 413));
    });
    request.on('end', () => resolve(body));
    request.on('error', reject);
  });
}

interface Account {
  email: string;
  key: KeyObject;
  keyId?: string;
  accessToken?: string;
}

function verifyAssertion(
  assertion: string,
  accounts: Map<string, Account>,
  ownTokenUrl: string,
): { account: Account; scope: string } {
  const parts = assertion.split('.');
  if (parts.length !== 3) throw new GrantError('invalid_grant', 'Invalid JWT: Token must be a short-lived token (60 minutes) and in a reasonable timeframe.');
  const [headerPart, payloadPart, signaturePart] = parts as [string, string, string];
  let header: Record<string, unknown>;
  let claims: Record<string, unknown>;
  try {
    header = JSON.parse(base64url(headerPart).toString('utf8')) as Record<string, unknown>;
    claims = JSON.parse(base64url(payloadPart).toString('utf8')) as Record<string, unknown>;
  } catch {
    throw new GrantError('invalid_grant', 'Invalid JWT: the header or claims are not JSON.');
  }
  if (header.alg !== 'RS256') throw new GrantError('invalid_grant', `Invalid JWT: unsupported algorithm ${String(header.alg)}.`);
  const account = typeof claims.iss === 'string' ? accounts.get(claims.iss) : undefined;
  if (!account) throw new GrantError('invalid_grant', 'Invalid grant: account not found', 400);
  if (account.keyId && header.kid !== undefined && header.kid !== account.keyId) {
    throw new GrantError('invalid_grant', 'Invalid JWT Signature.');
  }
  const verifier = createVerify('RSA-SHA256');
  verifier.update(`${headerPart}.${payloadPart}`);
  if (!verifier.verify(account.key, base64url(signaturePart))) throw new GrantError('invalid_grant', 'Invalid JWT Signature.');
  if (claims.aud !== GOOGLE_TOKEN_AUDIENCE && claims.aud !== ownTokenUrl) {
    throw new GrantError('invalid_grant', `Invalid JWT: audience must be ${GOOGLE_TOKEN_AUDIENCE}.`);
  }
  const now = Math.floor(Date.now() / 1000);
  const iat = Number(claims.iat);
  const exp = Number(claims.exp);
  if (!Number.isFinite(iat) || !Number.isFinite(exp) || iat > now + 300 || exp < now - 300 || exp - iat > 3600) {
    throw new GrantError('invalid_grant', 'Invalid JWT: Token must be a short-lived token (60 minutes) and in a reasonable timeframe. Check your iat and exp values in the JWT claim.');
  }
  const scope = typeof claims.scope === 'string' ? claims.scope : '';
  if (scope === '' && claims.target_audience === undefined) {
    throw new GrantError('invalid_scope', 'Invalid OAuth scope or ID token audience provided.');
  }
  return { account, scope };
}

function send(response: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  response.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  response.end(text);
}

export async function startGoogleOAuthStandIn(options: GoogleOAuthStandInOptions): Promise<GoogleOAuthStandIn> {
  const accounts = new Map<string, Account>();
  for (const account of options.accounts) {
    accounts.set(account.email, {
      email: account.email,
      key: createPublicKey(account.publicKeyPem),
      keyId: account.keyId,
      accessToken: account.accessToken,
    });
  }
  const requests: TokenRequestRecord[] = [];
  let tokenUrl = '';
  const workload = options.workloadIdentity;
  const issuerKey = workload ? createPublicKey(workload.issuerPublicKeyPem) : undefined;
  const federatedTokens = new Set<string>();

  const server: Server = createServer((request, response) => {
    void (async () => {
      const url = new URL(request.url ?? '/', 'http://stand-in');
      if (request.method !== 'POST') return send(response, 405, { error: 'invalid_request', error_description: 'POST only' });
      if (url.pathname === '/v1/token') return exchange(request, response);
      const impersonate = /^\/v1\/projects\/-\/serviceAccounts\/([^/:]+):generateAccessToken$/.exec(url.pathname);
      if (impersonate) return impersonation(decodeURIComponent(impersonate[1]!), request, response);
      if (url.pathname !== '/token') return send(response, 404, { error: 'not_found', error_description: `no route ${url.pathname}` });
      let email = '';
      try {
        const form = new URLSearchParams(await readBody(request));
        const grant = form.get('grant_type');
        if (grant !== JWT_BEARER_GRANT) {
          throw new GrantError('unsupported_grant_type', `Invalid grant_type: ${grant ?? ''}`);
        }
        const assertion = form.get('assertion') ?? '';
        try {
          email = String(JSON.parse(base64url(assertion.split('.')[1] ?? '').toString('utf8')).iss ?? '');
        } catch {
          /* reported by verifyAssertion */
        }
        const { account, scope } = verifyAssertion(assertion, accounts, tokenUrl);
        const token = account.accessToken ?? `ya29.stand-in.${randomBytes(24).toString('base64url')}`;
        requests.push({ email: account.email, scope, granted: true });
        send(response, 200, { access_token: token, expires_in: options.expiresIn ?? 3599, token_type: 'Bearer' });
      } catch (error) {
        const grantError =
          error instanceof GrantError ? error : new GrantError('server_error', error instanceof Error ? error.message : String(error), 500);
        requests.push({ email, scope: '', granted: false, error: grantError.error });
        send(response, grantError.status, { error: grantError.error, error_description: grantError.description });
      }
    })();
  });

  /** STS: an OIDC token of the trusted issuer, for the provider's audience, becomes a federated token. */
  async function exchange(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const form = new URLSearchParams(await readBody(request));
    const fail = (error: string, description: string) => {
      requests.push({ endpoint: 'sts', email: '', scope: form.get('scope') ?? '', granted: false, error });
      send(response, 400, { error, error_description: description });
    };
    if (!workload || !issuerKey) return fail('invalid_target', 'No workload identity pool provider is configured.');
    if (form.get('grant_type') !== 'urn:ietf:params:oauth:grant-type:token-exchange') {
      return fail('unsupported_grant_type', `Invalid grant_type: ${form.get('grant_type') ?? ''}`);
    }
    if (form.get('audience') !== workload.audience) return fail('invalid_target', 'The target service indicated by the "audience" parameters is invalid.');
    const parts = (form.get('subject_token') ?? '').split('.');
    if (parts.length !== 3) return fail('invalid_grant', 'The subject token is not a JWT.');
    const verifier = createVerify('RSA-SHA256');
    verifier.update(`${parts[0]}.${parts[1]}`);
    if (!verifier.verify(issuerKey, base64url(parts[2]!))) return fail('invalid_grant', 'Invalid JWT signature.');
    const claims = JSON.parse(base64url(parts[1]!).toString('utf8')) as Record<string, unknown>;
    const expectedAud = `https:${workload.audience}`;
    const aud = Array.isArray(claims.aud) ? claims.aud : [claims.aud];
    if (!aud.includes(expectedAud) && !aud.includes(workload.audience)) {
      return fail('invalid_grant', `The audience in ID Token [${String(claims.aud)}] does not match the expected audience ${expectedAud}.`);
    }
    if (typeof claims.exp !== 'number' || claims.exp < Date.now() / 1000) return fail('invalid_grant', 'ID Token expired.');
    const token = `ya29.federated.${randomBytes(24).toString('base64url')}`;
    federatedTokens.add(token);
    requests.push({ endpoint: 'sts', email: String(claims.sub ?? ''), scope: form.get('scope') ?? '', granted: true });
    send(response, 200, {
      access_token: token,
      issued_token_type: 'urn:ietf:params:oauth:token-type:access_token',
      token_type: 'Bearer',
      expires_in: 3600,
    });
  }

  /** IAM Credentials: a federated token impersonates a service account the provider may use. */
  async function impersonation(email: string, request: IncomingMessage, response: ServerResponse): Promise<void> {
    const body = JSON.parse((await readBody(request)) || '{}') as { scope?: string[]; lifetime?: string };
    const bearer = /^Bearer (.+)$/.exec(request.headers.authorization ?? '')?.[1];
    const scope = (body.scope ?? []).join(' ');
    const account = workload?.serviceAccounts.find((a) => a.email === email);
    if (!bearer || !federatedTokens.has(bearer)) {
      requests.push({ endpoint: 'impersonation', email, scope, granted: false, error: 'UNAUTHENTICATED' });
      return send(response, 401, { error: { code: 401, message: 'Request had invalid authentication credentials.', status: 'UNAUTHENTICATED' } });
    }
    if (!account) {
      requests.push({ endpoint: 'impersonation', email, scope, granted: false, error: 'PERMISSION_DENIED' });
      return send(response, 403, {
        error: { code: 403, message: "Permission 'iam.serviceAccounts.getAccessToken' denied on resource (or it may not exist).", status: 'PERMISSION_DENIED' },
      });
    }
    requests.push({ endpoint: 'impersonation', email, scope, granted: true });
    send(response, 200, { accessToken: account.accessToken, expireTime: new Date(Date.now() + 3600_000).toISOString() });
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => resolve());
  });
  const address = server.address() as AddressInfo;
  const url = `http://${options.host ?? '127.0.0.1'}:${address.port}`;
  tokenUrl = `${url}/token`;
  return {
    url,
    tokenUrl,
    requests,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

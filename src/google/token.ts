import * as core from '../core/runner.js';
import { ExternalAccountClient, JWT, type AuthClient } from 'google-auth-library';
import { ConfigurationError } from '../core/errors.js';
import { registerSecret } from '../core/secrets.js';
import type { GoogleCredentials } from './credentials.js';

/** Google's OAuth2 token endpoint, where service-account JWT assertions are exchanged. */
export const GOOGLE_TOKEN_URL = 'https://oauth2.googleapis.com/token';
export const CLOUD_PLATFORM_SCOPE = 'https://www.googleapis.com/auth/cloud-platform';
/**
 * Sends the token requests of service-account keys to another endpoint: a test stand-in of
 * Google's token endpoint, or a private-access endpoint. Unset in normal use.
 */
export const TOKEN_URL_VARIABLE = 'AURA_GOOGLE_TOKEN_URL';

export interface AccessToken {
  token: string;
  expiresAt?: Date;
}

function redirectTokenRequests(client: AuthClient, tokenUrl: string): void {
  client.transporter.interceptors.request.add({
    resolved: async (options) => {
      if (options.url.toString() === GOOGLE_TOKEN_URL) options.url = new URL(tokenUrl);
      return options;
    },
  });
}

/** Google's errors come as OAuth2 `{error, error_description}` or as API `{error: {code, status, message}}`. */
function describe(error: unknown): string {
  const err = error as { message?: string; response?: { status?: number; data?: unknown } };
  const data = err.response?.data as
    | { error?: string | { code?: number; status?: string; message?: string }; error_description?: string }
    | undefined;
  if (typeof data?.error === 'string') return `${data.error}${data.error_description ? `: ${data.error_description}` : ''}`;
  if (data?.error && typeof data.error === 'object') {
    return `${data.error.status ?? data.error.code ?? err.response?.status ?? ''}: ${data.error.message ?? ''}`;
  }
  return err.message ?? String(error);
}

/** An OAuth2 access token for the credentials (cloud-platform scope), for a registry login. */
export async function getAccessToken(
  credentials: GoogleCredentials,
  env: NodeJS.ProcessEnv = process.env,
  scopes: string[] = [CLOUD_PLATFORM_SCOPE],
): Promise<AccessToken> {
  let client: AuthClient;
  let who: string;
  if (credentials.type === 'service_account') {
    client = new JWT({
      email: credentials.clientEmail,
      key: credentials.privateKey,
      keyId: credentials.privateKeyId,
      scopes,
    });
    who = `service account ${credentials.clientEmail}`;
    const override = env[TOKEN_URL_VARIABLE];
    if (override) {
      core.info(`google: token requests go to ${override} (${TOKEN_URL_VARIABLE})`);
      redirectTokenRequests(client, override);
    }
  } else {
    const external = ExternalAccountClient.fromJSON({ ...(credentials.json as object), scopes } as never);
    if (!external) throw new ConfigurationError('the external_account configuration is not one google-auth-library supports');
    client = external;
    who = credentials.serviceAccount ? `workload identity as ${credentials.serviceAccount}` : 'workload identity';
  }
  try {
    const response = await client.getAccessToken();
    const token = response.token;
    if (!token) throw new Error('the token endpoint returned no access token');
    registerSecret(token);
    const expiry = client.credentials.expiry_date;
    core.info(`google: got an access token for ${who}`);
    return { token, expiresAt: typeof expiry === 'number' ? new Date(expiry) : undefined };
  } catch (error) {
    throw new ConfigurationError(`could not get a Google access token for ${who}: ${describe(error)}`);
  }
}

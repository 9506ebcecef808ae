import { existsSync, readFileSync } from 'node:fs';
import { ConfigurationError } from '../core/errors.js';
import { registerSecret } from '../core/secrets.js';

/**
 * Google credentials as workflows hold them: a service-account key (raw JSON or base64, as a
 * GCP_SA_KEY secret usually is), or the credentials file google-github-actions/auth exports
 * (GOOGLE_GHA_CREDS_PATH / GOOGLE_APPLICATION_CREDENTIALS), which holds a service-account key or
 * a Workload Identity Federation configuration (`external_account`).
 */

export interface ServiceAccountKey {
  type: 'service_account';
  clientEmail: string;
  privateKey: string;
  privateKeyId?: string;
  projectId?: string;
  json: Record<string, unknown>;
}

export interface ExternalAccount {
  type: 'external_account';
  audience: string;
  /** The service account impersonated, when the configuration names one. */
  serviceAccount?: string;
  json: Record<string, unknown>;
}

export type GoogleCredentials = ServiceAccountKey | ExternalAccount;

export interface LoadedCredentials {
  credentials: GoogleCredentials;
  /** Where they came from, for messages (never the content). */
  source: string;
}

function decode(text: string, source: string): Record<string, unknown> {
  const trimmed = text.trim();
  let jsonText = trimmed;
  if (!trimmed.startsWith('{')) {
    const decoded = Buffer.from(trimmed.replace(/\s+/g, ''), 'base64').toString('utf8').trim();
    if (!decoded.startsWith('{')) {
      throw new ConfigurationError(
        `${source} is neither a JSON key nor base64 of one; paste the service-account key file as it is, or base64-encoded`,
      );
    }
    jsonText = decoded;
  }
  try {
    const parsed = JSON.parse(jsonText) as unknown;
    if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) throw new Error('not an object');
    return parsed as Record<string, unknown>;
  } catch (error) {
    throw new ConfigurationError(
      `${source} is not valid JSON (${error instanceof Error ? error.message : String(error)}); give the whole key file`,
    );
  }
}

export function parseGoogleCredentials(text: string, source: string): GoogleCredentials {
  registerSecret(text.trim());
  const json = decode(text, source);
  const type = json.type;
  if (type === 'service_account') {
    const clientEmail = json.client_email;
    const privateKey = json.private_key;
    if (typeof clientEmail !== 'string' || !clientEmail.includes('@')) {
      throw new ConfigurationError(`${source}: the service-account key has no client_email`);
    }
    if (typeof privateKey !== 'string' || !privateKey.includes('PRIVATE KEY')) {
      throw new ConfigurationError(`${source}: the service-account key has no private_key in PEM form`);
    }
    registerSecret(privateKey);
    return {
      type,
      clientEmail,
      privateKey,
      privateKeyId: typeof json.private_key_id === 'string' ? json.private_key_id : undefined,
      projectId: typeof json.project_id === 'string' ? json.project_id : undefined,
      json,
    };
  }
  if (type === 'external_account') {
    if (typeof json.audience !== 'string' || !json.credential_source) {
      throw new ConfigurationError(`${source}: the external_account configuration has no audience or credential_source`);
    }
    const impersonation = typeof json.service_account_impersonation_url === 'string' ? json.service_account_impersonation_url : '';
    const serviceAccount = /serviceAccounts\/([^:/]+):generateAccessToken/.exec(impersonation)?.[1];
    return { type, audience: json.audience, serviceAccount: serviceAccount && decodeURIComponent(serviceAccount), json };
  }
  throw new ConfigurationError(
    `${source} has type '${String(type)}'; expected a service-account key ('service_account') or a Workload Identity ` +
      `Federation configuration ('external_account') as google-github-actions/auth writes`,
  );
}

/**
 * The credentials to use: the input first, then the file google-github-actions/auth exported.
 * Undefined when there are none.
 */
export function loadGoogleCredentials(
  input: string | undefined,
  env: NodeJS.ProcessEnv = process.env,
  inputName = 'gcp-credentials',
): LoadedCredentials | undefined {
  if (input && input.trim() !== '') {
    const source = `input '${inputName}'`;
    return { credentials: parseGoogleCredentials(input, source), source };
  }
  for (const variable of ['GOOGLE_GHA_CREDS_PATH', 'GOOGLE_APPLICATION_CREDENTIALS']) {
    const path = env[variable];
    if (!path) continue;
    if (!existsSync(path)) {
      throw new ConfigurationError(`${variable} names ${path}, which does not exist; run google-github-actions/auth in this job first`);
    }
    const source = `${variable} (${path})`;
    return { credentials: parseGoogleCredentials(readFileSync(path, 'utf8'), source), source };
  }
  return undefined;
}

/** Artifact Registry and Container Registry hosts, whose logins take a Google access token. */
export function isGoogleRegistryHost(host: string): boolean {
  return /(^|\.)gcr\.io$/.test(host) || /-docker\.pkg\.dev$/.test(host) || host === 'docker.pkg.dev';
}

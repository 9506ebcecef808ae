import * as core from '../core/runner.js';
import { existsSync, readFileSync } from 'node:fs';
import { isAbsolute, resolve } from 'node:path';
import { parse } from 'yaml';
import { ConfigurationError } from '../core/errors.js';
import { registerSecret } from '../core/secrets.js';
import { loadGoogleCredentials } from '../google/credentials.js';
import {
  chooseEndpoint,
  clusterResourceName,
  getCluster,
  gkeKubeconfig,
  GKE_API_URL,
  GKE_API_URL_VARIABLE,
  parseClusterRef,
  type EndpointKind,
} from './gke.js';

/**
 * How the action reaches the cluster: a kubeconfig given as an input (a path or the file's
 * content), or a GKE lookup with Google credentials (the `credentials` input, the file
 * google-github-actions/auth exported, or application default credentials).
 */

export type AccessInput =
  | { kind: 'kubeconfig'; value: string; workspace: string }
  | {
      kind: 'gke';
      cluster: string;
      project?: string;
      location?: string;
      endpoint: EndpointKind;
      credentials?: string;
    };

export interface ClusterAccess {
  kubeconfig: string;
  /** For the log and summary: which cluster, found how (no secrets). */
  description: string;
  /** For the summary: the GKE cluster's resource name, or the kubeconfig context. */
  cluster: string;
}

const SECRET_USER_FIELDS = ['token', 'password', 'client-key-data'];
const SECRET_PROVIDER_FIELDS = ['access-token', 'refresh-token', 'id-token', 'client-secret'];

/** A kubeconfig input is its content when it looks like YAML or JSON with several lines; else a path. */
export function looksLikeKubeconfigContent(value: string): boolean {
  const text = value.trim();
  return text.includes('\n') && (/^\s*(apiVersion|clusters|kind|current-context)\s*:/m.test(text) || text.startsWith('{'));
}

function registerKubeconfigSecrets(config: Record<string, any>): void {
  for (const entry of Array.isArray(config.users) ? config.users : []) {
    const user = entry?.user ?? {};
    for (const field of SECRET_USER_FIELDS) if (typeof user[field] === 'string') registerSecret(user[field]);
    const providerConfig = user['auth-provider']?.config ?? {};
    for (const field of SECRET_PROVIDER_FIELDS) if (typeof providerConfig[field] === 'string') registerSecret(providerConfig[field]);
    for (const variable of Array.isArray(user.exec?.env) ? user.exec.env : []) {
      if (typeof variable?.value === 'string' && variable.value.length >= 8) registerSecret(variable.value);
    }
  }
}

/** Reads and checks a kubeconfig input; its credentials are registered as secrets before anything is logged. */
export function readKubeconfigInput(value: string, workspace: string): { text: string; source: string; context: string; server: string } {
  let text: string;
  let source: string;
  if (looksLikeKubeconfigContent(value)) {
    text = value;
    source = "the kubeconfig given in input 'kubeconfig'";
  } else {
    const path = isAbsolute(value.trim()) ? value.trim() : resolve(workspace, value.trim());
    if (!existsSync(path)) {
      throw new ConfigurationError(`input 'kubeconfig': ${path} does not exist; give the path of a kubeconfig file or its content`);
    }
    text = readFileSync(path, 'utf8');
    source = `kubeconfig ${value.trim()}`;
  }
  let config: Record<string, any>;
  try {
    config = parse(text) as Record<string, any>;
  } catch (error) {
    // The message of a YAML error quotes the text around it, which may be a credential.
    throw new ConfigurationError(`${source} is not valid YAML (${(error as Error).name}); check the file`);
  }
  if (!config || typeof config !== 'object') throw new ConfigurationError(`${source} is not a kubeconfig (no mapping at the top)`);
  registerKubeconfigSecrets(config);
  const contextName = config['current-context'];
  const contexts: any[] = Array.isArray(config.contexts) ? config.contexts : [];
  const context = contexts.find((c) => c?.name === contextName);
  if (typeof contextName !== 'string' || !context) {
    throw new ConfigurationError(
      `${source} has no usable current-context (contexts: ${contexts.map((c) => c?.name).join(', ') || 'none'}); set current-context`,
    );
  }
  const clusters: any[] = Array.isArray(config.clusters) ? config.clusters : [];
  const cluster = clusters.find((c) => c?.name === context.context?.cluster);
  if (!cluster?.cluster?.server) {
    throw new ConfigurationError(`${source}: context '${contextName}' names cluster '${String(context.context?.cluster)}', which has no server`);
  }
  return { text, source, context: contextName, server: String(cluster.cluster.server) };
}

const PROJECT_VARIABLES = ['GOOGLE_CLOUD_PROJECT', 'CLOUDSDK_CORE_PROJECT', 'GCLOUD_PROJECT', 'GCP_PROJECT'];

async function googleAccessToken(credentialsInput: string | undefined, env: NodeJS.ProcessEnv): Promise<{ token: string; who: string; project?: string }> {
  const loaded = loadGoogleCredentials(credentialsInput, env, 'credentials');
  if (loaded) {
    const { getAccessToken } = await import('../google/token.js');
    const token = await getAccessToken(loaded.credentials, env);
    const credentials = loaded.credentials;
    const who =
      credentials.type === 'service_account'
        ? `service account ${credentials.clientEmail}`
        : credentials.serviceAccount
          ? `workload identity as ${credentials.serviceAccount}`
          : 'workload identity';
    return { token: token.token, who, project: credentials.type === 'service_account' ? credentials.projectId : undefined };
  }
  const { GoogleAuth } = await import('google-auth-library');
  const auth = new GoogleAuth({ scopes: ['https://www.googleapis.com/auth/cloud-platform'] });
  let token: string | null | undefined;
  try {
    token = await auth.getAccessToken();
  } catch {
    token = undefined;
  }
  if (!token) {
    throw new ConfigurationError(
      "no Google credentials: set input 'credentials' (a service-account key, JSON or base64) or run google-github-actions/auth " +
        "(Workload Identity Federation) before this step; or give a 'kubeconfig' instead of the GKE inputs",
    );
  }
  registerSecret(token);
  let project: string | undefined;
  try {
    project = (await auth.getProjectId()) ?? undefined;
  } catch {
    project = undefined;
  }
  return { token, who: 'application default credentials', project };
}

export async function resolveAccess(input: AccessInput, env: NodeJS.ProcessEnv = process.env): Promise<ClusterAccess> {
  if (input.kind === 'kubeconfig') {
    const kubeconfig = readKubeconfigInput(input.value, input.workspace);
    return {
      kubeconfig: kubeconfig.text,
      description: `${kubeconfig.server} (context ${kubeconfig.context} of ${kubeconfig.source})`,
      cluster: kubeconfig.context,
    };
  }
  const { token, who, project: credentialsProject } = await googleAccessToken(input.credentials, env);
  const envProject = PROJECT_VARIABLES.map((name) => env[name]).find((value) => value && value.trim() !== '');
  const ref = parseClusterRef(input.cluster, input.project ?? envProject ?? credentialsProject, input.location);
  const apiUrl = env[GKE_API_URL_VARIABLE] || GKE_API_URL;
  if (apiUrl !== GKE_API_URL) core.info(`gke: Container API requests go to ${apiUrl} (${GKE_API_URL_VARIABLE})`);
  const cluster = await getCluster(ref, token, who, apiUrl);
  const endpoint = chooseEndpoint(cluster, input.endpoint);
  return {
    kubeconfig: gkeKubeconfig(ref, endpoint, token),
    description: `${endpoint.server} (${input.endpoint} endpoint of GKE cluster ${clusterResourceName(ref)}${cluster.version ? `, Kubernetes ${cluster.version}` : ''}, as ${who})`,
    cluster: clusterResourceName(ref),
  };
}

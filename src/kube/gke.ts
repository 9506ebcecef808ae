import { ConfigurationError } from '../core/errors.js';

/**
 * GKE lookup: the cluster's control-plane endpoint and certificate authority, read from the
 * Container API (`projects.locations.clusters.get`, REST, v1) with a Google access token, as
 * `gcloud container clusters get-credentials` and google-github-actions/get-gke-credentials do.
 * A plain REST call: @google-cloud/container's client pulls in gRPC and its proto files, and an
 * ESM bundle of it does not start (see the bench report).
 */

export const GKE_API_URL = 'https://container.googleapis.com';
/** Sends Container API requests elsewhere: a test stand-in, or a private access endpoint. */
export const GKE_API_URL_VARIABLE = 'AURA_GKE_API_URL';

export const ENDPOINT_KINDS = ['public', 'private', 'dns'] as const;
export type EndpointKind = (typeof ENDPOINT_KINDS)[number];

export interface ClusterRef {
  project: string;
  location: string;
  name: string;
}

export interface GkeCluster {
  ref: ClusterRef;
  status: string;
  version?: string;
  endpoint?: string;
  privateEndpoint?: string;
  dnsEndpoint?: string;
  /** base64 of the cluster CA's PEM, as the API answers it. */
  caCertificateBase64?: string;
}

const FULL_NAME = /^(?:\/\/container\.googleapis\.com\/)?projects\/([^/]+)\/(?:locations|zones)\/([^/]+)\/clusters\/([^/]+)$/;
const NAME = /^[a-z](?:[-a-z0-9]{0,38}[a-z0-9])?$/;

export function clusterResourceName(ref: ClusterRef): string {
  return `projects/${ref.project}/locations/${ref.location}/clusters/${ref.name}`;
}

/**
 * The cluster to look up: `cluster` is a short name (with `project` and `location`) or a full
 * resource name (`projects/P/locations/L/clusters/C`), which then must agree with them.
 */
export function parseClusterRef(cluster: string, project: string | undefined, location: string | undefined): ClusterRef {
  const full = FULL_NAME.exec(cluster.trim());
  if (full) {
    const [, p, l, n] = full as unknown as [string, string, string, string];
    if (project && project !== p) {
      throw new ConfigurationError(`input 'cluster' names project '${p}' but input 'project' is '${project}'; leave 'project' empty or make them agree`);
    }
    if (location && location !== l) {
      throw new ConfigurationError(`input 'cluster' names location '${l}' but input 'location' is '${location}'; leave 'location' empty or make them agree`);
    }
    return { project: p, location: l, name: n };
  }
  const name = cluster.trim();
  if (!NAME.test(name)) {
    throw new ConfigurationError(
      `input 'cluster' must be a GKE cluster name (lower-case letters, digits and hyphens) or a full name projects/PROJECT/locations/LOCATION/clusters/NAME, got '${cluster}'`,
    );
  }
  if (!project) {
    throw new ConfigurationError(
      "the GKE project is unknown: set input 'project', give 'cluster' as projects/PROJECT/locations/LOCATION/clusters/NAME, or use credentials that name a project",
    );
  }
  if (!location) {
    throw new ConfigurationError("set input 'location' (the cluster's zone or region, such as europe-west1), or give 'cluster' as a full resource name");
  }
  return { project, location, name };
}

interface GoogleApiError {
  error?: { code?: number; message?: string; status?: string };
}

function explain(status: number, body: GoogleApiError, ref: ClusterRef, who: string): string {
  const message = body.error?.message ?? '';
  const name = clusterResourceName(ref);
  switch (status) {
    case 401:
      return `the Container API refused the access token of ${who} (401 ${body.error?.status ?? 'UNAUTHENTICATED'}: ${message})`;
    case 403:
      return (
        `${who} may not read cluster ${name} (403 ${body.error?.status ?? 'PERMISSION_DENIED'}: ${message}); ` +
        'grant it roles/container.clusterViewer (or roles/container.developer) on the project'
      );
    case 404:
      return `cluster ${name} does not exist (404 ${body.error?.status ?? 'NOT_FOUND'}: ${message}); check inputs 'project', 'location' and 'cluster'`;
    default:
      return `the Container API answered ${status} for ${name}: ${message || JSON.stringify(body).slice(0, 200)}`;
  }
}

/** `GET /v1/projects/P/locations/L/clusters/C`. Errors a user can fix are ConfigurationErrors. */
export async function getCluster(ref: ClusterRef, accessToken: string, who: string, apiUrl: string = GKE_API_URL): Promise<GkeCluster> {
  const url = `${apiUrl.replace(/\/+$/, '')}/v1/${clusterResourceName(ref)}`;
  let response: Response;
  try {
    response = await fetch(url, {
      headers: { authorization: `Bearer ${accessToken}`, accept: 'application/json', 'user-agent': 'aura-gke-rollout' },
      signal: AbortSignal.timeout(30_000),
    });
  } catch (error) {
    const cause = (error as { cause?: { code?: string; message?: string } }).cause;
    throw new ConfigurationError(`cannot reach the Container API at ${apiUrl}: ${cause?.code ?? cause?.message ?? (error as Error).message}`);
  }
  const text = await response.text();
  let body: Record<string, any>;
  try {
    body = JSON.parse(text) as Record<string, any>;
  } catch {
    throw new ConfigurationError(`the Container API at ${apiUrl} answered ${response.status} with something other than JSON: ${text.slice(0, 120)}`);
  }
  if (!response.ok) throw new ConfigurationError(explain(response.status, body as GoogleApiError, ref, who));
  return {
    ref,
    status: String(body.status ?? ''),
    version: typeof body.currentMasterVersion === 'string' ? body.currentMasterVersion : undefined,
    endpoint: body.endpoint || body.controlPlaneEndpointsConfig?.ipEndpointsConfig?.publicEndpoint || undefined,
    privateEndpoint:
      body.privateClusterConfig?.privateEndpoint || body.controlPlaneEndpointsConfig?.ipEndpointsConfig?.privateEndpoint || undefined,
    dnsEndpoint: body.controlPlaneEndpointsConfig?.dnsEndpointConfig?.endpoint || undefined,
    caCertificateBase64: body.masterAuth?.clusterCaCertificate || undefined,
  };
}

export interface ClusterEndpoint {
  server: string;
  /** base64 PEM of the CA to trust; absent for the DNS endpoint, whose certificate is publicly trusted. */
  caBase64?: string;
}

export function chooseEndpoint(cluster: GkeCluster, kind: EndpointKind): ClusterEndpoint {
  const name = clusterResourceName(cluster.ref);
  if (cluster.status && cluster.status !== 'RUNNING' && cluster.status !== 'RECONCILING') {
    throw new ConfigurationError(`cluster ${name} is ${cluster.status}, not RUNNING; wait until it is`);
  }
  const available = [
    cluster.endpoint && 'public',
    cluster.privateEndpoint && 'private',
    cluster.dnsEndpoint && 'dns',
  ].filter(Boolean);
  const host = kind === 'public' ? cluster.endpoint : kind === 'private' ? cluster.privateEndpoint : cluster.dnsEndpoint;
  if (!host) {
    throw new ConfigurationError(
      `cluster ${name} has no ${kind} endpoint; set input 'endpoint' to ${available.length > 0 ? available.map((k) => `'${k}'`).join(' or ') : "another kind (the cluster reports none)"}`,
    );
  }
  if (kind !== 'dns' && !cluster.caCertificateBase64) {
    throw new ConfigurationError(`cluster ${name} reports no certificate authority (masterAuth.clusterCaCertificate)`);
  }
  return { server: `https://${host}`, caBase64: kind === 'dns' ? undefined : cluster.caCertificateBase64 };
}

/** A kubeconfig for the endpoint, authenticating with the access token (it is registered as a secret already). */
export function gkeKubeconfig(ref: ClusterRef, endpoint: ClusterEndpoint, accessToken: string): string {
  const name = `gke_${ref.project}_${ref.location}_${ref.name}`;
  const cluster: Record<string, unknown> = { server: endpoint.server };
  if (endpoint.caBase64) cluster['certificate-authority-data'] = endpoint.caBase64;
  // JSON is YAML: every kubeconfig reader takes it.
  return JSON.stringify({
    apiVersion: 'v1',
    kind: 'Config',
    clusters: [{ name, cluster }],
    users: [{ name, user: { token: accessToken } }],
    contexts: [{ name, context: { cluster: name, user: name } }],
    'current-context': name,
  }, null, 2);
}

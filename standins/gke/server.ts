/**
 * STAND-IN of the Google Kubernetes Engine (Container) API's REST endpoint, for tests and demos
 * only. It is not Google: it answers `clusters.get` with the JSON shape of
 * https://container.googleapis.com/v1 for the clusters it is given, checks the bearer token as
 * Google does (401 without one, 403 when the token may not read the cluster), and answers
 * unknown clusters with Google's 404. Point the gke-rollout action at it with
 * AURA_GKE_API_URL=<url>.
 */
import { createServer as createHttpServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';

export interface StandInCluster {
  project: string;
  /** A zone (`europe-west1-b`) or a region (`europe-west1`). */
  location: string;
  name: string;
  /**
   * The public control-plane endpoint. Google answers an IP address (port 443); the stand-in
   * may add a port (`127.0.0.1:6443`) because the simulator behind it does not listen on 443.
   */
  endpoint?: string;
  /** The private endpoint (`privateClusterConfig.privateEndpoint`). */
  privateEndpoint?: string;
  /** The DNS-based endpoint (`controlPlaneEndpointsConfig.dnsEndpointConfig.endpoint`). */
  dnsEndpoint?: string;
  /** PEM of the cluster's certificate authority; answered base64-encoded, as Google does. */
  caCertificate: string;
  /** Default `RUNNING`. */
  status?: string;
  currentMasterVersion?: string;
}

export interface StandInAccessToken {
  /** Projects whose clusters this token may read (`container.clusters.get`); `*` for all. */
  projects: string[];
}

export interface GkeStandInOptions {
  clusters: StandInCluster[];
  /** Access token -> what it may read. */
  tokens: Record<string, StandInAccessToken>;
  port?: number;
  host?: string;
  /** Serve HTTPS with this certificate and key (PEM). */
  tls?: { cert: string; key: string };
}

export interface GkeRequestRecord {
  method: string;
  path: string;
  status: number;
  /** Whether an Authorization header was sent (never the token itself). */
  authenticated: boolean;
}

export interface GkeStandIn {
  /** Base URL, without a trailing slash (`http://127.0.0.1:PORT`); the API lives under /v1. */
  url: string;
  requests: GkeRequestRecord[];
  close(): Promise<void>;
}

const LOCATION_PATH = /^\/v1\/projects\/([^/]+)\/locations\/([^/]+)\/clusters\/([^/:]+)$/;
const ZONE_PATH = /^\/v1\/projects\/([^/]+)\/zones\/([^/]+)\/clusters\/([^/:]+)$/;

function googleError(code: number, status: string, message: string, details: unknown[] = []): unknown {
  return { error: { code, message, status, ...(details.length > 0 ? { details } : {}) } };
}

function send(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, {
    'content-type': 'application/json; charset=UTF-8',
    vary: 'Origin, X-Origin, Referer',
    'x-content-type-options': 'nosniff',
  });
  response.end(JSON.stringify(body, null, 2));
}

function isRegion(location: string): boolean {
  return !/-[a-z]$/.test(location);
}

/** The Cluster resource as the v1 REST API answers it (the fields clients read, and a few more). */
export function clusterResource(cluster: StandInCluster, apiUrl: string): Record<string, unknown> {
  const resource: Record<string, unknown> = {
    name: cluster.name,
    nodeConfig: { machineType: 'e2-standard-4', diskSizeGb: 100 },
    masterAuth: { clusterCaCertificate: Buffer.from(cluster.caCertificate).toString('base64') },
    loggingService: 'logging.googleapis.com/kubernetes',
    monitoringService: 'monitoring.googleapis.com/kubernetes',
    network: 'default',
    clusterIpv4Cidr: '10.44.0.0/14',
    selfLink: `${apiUrl}/v1/projects/${cluster.project}/locations/${cluster.location}/clusters/${cluster.name}`,
    zone: cluster.location,
    endpoint: cluster.endpoint ?? '',
    initialClusterVersion: '1.32.4-gke.1000',
    currentMasterVersion: cluster.currentMasterVersion ?? '1.32.4-gke.1000',
    currentNodeVersion: cluster.currentMasterVersion ?? '1.32.4-gke.1000',
    createTime: '2025-01-15T09:30:00+00:00',
    status: cluster.status ?? 'RUNNING',
    location: cluster.location,
    locations: isRegion(cluster.location)
      ? [`${cluster.location}-b`, `${cluster.location}-c`, `${cluster.location}-d`]
      : [cluster.location],
    id: 'f3c4a1b2e5d64f7a8b9c0d1e2f3a4b5c6d7e8f90a1b2c3d4e5f6a7b8c9d0e1f2',
  };
  if (cluster.privateEndpoint) {
    resource.privateClusterConfig = {
      enablePrivateNodes: true,
      enablePrivateEndpoint: !cluster.endpoint,
      privateEndpoint: cluster.privateEndpoint,
      ...(cluster.endpoint ? { publicEndpoint: cluster.endpoint } : {}),
    };
  }
  const ipEndpoints: Record<string, unknown> = {
    enabled: Boolean(cluster.endpoint || cluster.privateEndpoint),
    enablePublicEndpoint: Boolean(cluster.endpoint),
    ...(cluster.endpoint ? { publicEndpoint: cluster.endpoint } : {}),
    ...(cluster.privateEndpoint ? { privateEndpoint: cluster.privateEndpoint } : {}),
  };
  resource.controlPlaneEndpointsConfig = {
    ...(cluster.dnsEndpoint ? { dnsEndpointConfig: { endpoint: cluster.dnsEndpoint, allowExternalTraffic: true } } : {}),
    ipEndpointsConfig: ipEndpoints,
  };
  return resource;
}

export async function startGkeStandIn(options: GkeStandInOptions): Promise<GkeStandIn> {
  const requests: GkeRequestRecord[] = [];
  let url = '';

  const handler = (request: IncomingMessage, response: ServerResponse): void => {
    const path = new URL(request.url ?? '/', 'http://stand-in').pathname;
    const method = request.method ?? 'GET';
    const authorization = request.headers.authorization;
    const record: GkeRequestRecord = { method, path, status: 0, authenticated: authorization !== undefined };
    requests.push(record);
    const answer = (status: number, body: unknown): void => {
      record.status = status;
      send(response, status, body);
    };
    request.resume();

    const match = LOCATION_PATH.exec(path) ?? ZONE_PATH.exec(path);
    if (!match) {
      answer(404, googleError(404, 'NOT_FOUND', `The requested URL ${path} was not found on this server.`));
      return;
    }
    if (method !== 'GET') {
      answer(405, googleError(405, 'METHOD_NOT_ALLOWED', `The stand-in answers only GET (clusters.get); got ${method}.`));
      return;
    }
    const bearer = /^Bearer (\S+)$/.exec(authorization ?? '')?.[1];
    if (!bearer) {
      answer(
        401,
        googleError(
          401,
          'UNAUTHENTICATED',
          'Request is missing required authentication credential. Expected OAuth 2 access token, login cookie or other valid authentication credential. See https://developers.google.com/identity/sign-in/web/devconsole-project.',
          [{ '@type': 'type.googleapis.com/google.rpc.ErrorInfo', reason: 'CREDENTIALS_MISSING', domain: 'googleapis.com', metadata: { service: 'container.googleapis.com', method: 'google.container.v1.ClusterManager.GetCluster' } }],
        ),
      );
      return;
    }
    const grant = options.tokens[bearer];
    if (!grant) {
      answer(
        401,
        googleError(
          401,
          'UNAUTHENTICATED',
          'Request had invalid authentication credentials. Expected OAuth 2 access token, login cookie or other valid authentication credential. See https://developers.google.com/identity/sign-in/web/devconsole-project.',
          [{ '@type': 'type.googleapis.com/google.rpc.ErrorInfo', reason: 'ACCESS_TOKEN_TYPE_UNSUPPORTED', domain: 'googleapis.com' }],
        ),
      );
      return;
    }
    const [, project, location, name] = match as unknown as [string, string, string, string];
    const resourceName = `projects/${project}/locations/${location}/clusters/${name}`;
    if (!grant.projects.includes('*') && !grant.projects.includes(project)) {
      // Google answers 403 before revealing whether the cluster exists.
      answer(
        403,
        googleError(403, 'PERMISSION_DENIED', `Required "container.clusters.get" permission(s) for "${resourceName}".`, [
          {
            '@type': 'type.googleapis.com/google.rpc.ErrorInfo',
            reason: 'IAM_PERMISSION_DENIED',
            domain: 'container.googleapis.com',
            metadata: { permission: 'container.clusters.get', resource: resourceName },
          },
        ]),
      );
      return;
    }
    const cluster = options.clusters.find((c) => c.project === project && c.location === location && c.name === name);
    if (!cluster) {
      answer(
        404,
        googleError(404, 'NOT_FOUND', `Not found: ${resourceName}.`, [
          { '@type': 'type.googleapis.com/google.rpc.ResourceInfo', resourceName },
        ]),
      );
      return;
    }
    answer(200, clusterResource(cluster, url));
  };

  const server: Server = options.tls
    ? createHttpsServer({ cert: options.tls.cert, key: options.tls.key }, handler)
    : createHttpServer(handler);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => resolve());
  });
  const address = server.address() as AddressInfo;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  url = `${options.tls ? 'https' : 'http'}://${host}:${address.port}`;
  return {
    url,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections?.();
      }),
  };
}

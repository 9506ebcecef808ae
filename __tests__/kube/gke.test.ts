import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { ConfigurationError } from '../../src/core/errors.js';
import { chooseEndpoint, getCluster, gkeKubeconfig, parseClusterRef, type GkeCluster } from '../../src/kube/gke.js';
import { startGkeStandIn, type GkeStandIn } from '../../standins/gke/server.js';

// The Container API lookup against its stand-in (standins/gke, not Google).

const CA = '-----BEGIN CERTIFICATE-----\nMIIBdzCCAR2gAwIBAgIUTest\n-----END CERTIFICATE-----\n';
const TOKEN = 'ya29.gke-unit-test';
let gke: GkeStandIn;

beforeAll(async () => {
  gke = await startGkeStandIn({
    clusters: [
      { project: 'aura-prod', location: 'europe-west1', name: 'aura', endpoint: '34.76.10.1', privateEndpoint: '10.10.0.2', dnsEndpoint: 'gke-0123abcd.europe-west1.gke.goog', caCertificate: CA },
      { project: 'aura-prod', location: 'europe-west1-b', name: 'private-only', privateEndpoint: '10.20.0.2', caCertificate: CA, status: 'RUNNING' },
      { project: 'aura-prod', location: 'europe-west1', name: 'upgrading', endpoint: '34.76.10.9', caCertificate: CA, status: 'PROVISIONING' },
    ],
    tokens: { [TOKEN]: { projects: ['aura-prod'] } },
  });
});

afterAll(async () => {
  await gke.close();
});

describe('parseClusterRef', () => {
  it('takes a short name with project and location, or a full resource name', () => {
    expect(parseClusterRef('aura', 'aura-prod', 'europe-west1')).toEqual({ project: 'aura-prod', location: 'europe-west1', name: 'aura' });
    expect(parseClusterRef('projects/p-1/locations/us-central1-a/clusters/c', undefined, undefined)).toEqual({ project: 'p-1', location: 'us-central1-a', name: 'c' });
    expect(parseClusterRef('projects/p-1/zones/us-central1-a/clusters/c', 'p-1', undefined)).toEqual({ project: 'p-1', location: 'us-central1-a', name: 'c' });
  });

  it.each([
    [['projects/p-1/locations/l/clusters/c', 'p-2', undefined], "input 'cluster' names project 'p-1' but input 'project' is 'p-2'"],
    [['aura', undefined, 'europe-west1'], 'the GKE project is unknown'],
    [['aura', 'p', undefined], "set input 'location'"],
    [['Aura Cluster', 'p', 'l'], "input 'cluster' must be a GKE cluster name"],
  ] as const)('%j: %s', (args, message) => {
    expect(() => parseClusterRef(...(args as unknown as [string, string | undefined, string | undefined]))).toThrow(ConfigurationError);
    expect(() => parseClusterRef(...(args as unknown as [string, string | undefined, string | undefined]))).toThrow(message);
  });
});

describe('getCluster and chooseEndpoint', () => {
  it('reads the endpoints and the CA as the v1 REST API answers them', async () => {
    const cluster = await getCluster({ project: 'aura-prod', location: 'europe-west1', name: 'aura' }, TOKEN, 'sa', gke.url);
    expect(cluster).toMatchObject({
      status: 'RUNNING',
      endpoint: '34.76.10.1',
      privateEndpoint: '10.10.0.2',
      dnsEndpoint: 'gke-0123abcd.europe-west1.gke.goog',
      caCertificateBase64: Buffer.from(CA).toString('base64'),
    });
    expect(chooseEndpoint(cluster, 'public')).toEqual({ server: 'https://34.76.10.1', caBase64: Buffer.from(CA).toString('base64') });
    expect(chooseEndpoint(cluster, 'private')).toEqual({ server: 'https://10.10.0.2', caBase64: Buffer.from(CA).toString('base64') });
    // The DNS endpoint presents a publicly trusted certificate: no cluster CA.
    expect(chooseEndpoint(cluster, 'dns')).toEqual({ server: 'https://gke-0123abcd.europe-west1.gke.goog' });
  });

  it('says which endpoints a cluster has when the asked one is missing, and refuses a cluster that is not running', async () => {
    const privateOnly = await getCluster({ project: 'aura-prod', location: 'europe-west1-b', name: 'private-only' }, TOKEN, 'sa', gke.url);
    expect(() => chooseEndpoint(privateOnly, 'public')).toThrow("has no public endpoint; set input 'endpoint' to 'private'");
    const upgrading = await getCluster({ project: 'aura-prod', location: 'europe-west1', name: 'upgrading' }, TOKEN, 'sa', gke.url);
    expect(() => chooseEndpoint(upgrading, 'public')).toThrow('is PROVISIONING, not RUNNING');
  });

  it("turns Google's 401, 403 and 404 answers into errors that say what to do", async () => {
    const ref = { project: 'aura-prod', location: 'europe-west1', name: 'aura' };
    await expect(getCluster(ref, 'ya29.wrong', 'service account x', gke.url)).rejects.toThrow(/the Container API refused the access token of service account x \(401 UNAUTHENTICATED: Request had invalid authentication credentials/);
    await expect(getCluster({ ...ref, project: 'elsewhere' }, TOKEN, 'service account x', gke.url)).rejects.toThrow(
      'service account x may not read cluster projects/elsewhere/locations/europe-west1/clusters/aura (403 PERMISSION_DENIED',
    );
    await expect(getCluster({ ...ref, name: 'gone' }, TOKEN, 'sa', gke.url)).rejects.toThrow('cluster projects/aura-prod/locations/europe-west1/clusters/gone does not exist (404 NOT_FOUND');
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', () => resolve()));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    await expect(getCluster(ref, TOKEN, 'sa', `http://127.0.0.1:${port}`)).rejects.toThrow(`cannot reach the Container API at http://127.0.0.1:${port}: ECONNREFUSED`);
    expect(gke.requests.every((r) => r.authenticated)).toBe(true);
  });

  it('writes a kubeconfig with the token and, except for the DNS endpoint, the CA', () => {
    const ref = { project: 'p', location: 'l', name: 'c' };
    const config = JSON.parse(gkeKubeconfig(ref, { server: 'https://1.2.3.4', caBase64: 'Q0E=' }, 'tok')) as Record<string, any>;
    expect(config['current-context']).toBe('gke_p_l_c');
    expect(config.clusters[0].cluster).toEqual({ server: 'https://1.2.3.4', 'certificate-authority-data': 'Q0E=' });
    expect(config.users[0].user).toEqual({ token: 'tok' });
    const dns = JSON.parse(gkeKubeconfig(ref, { server: 'https://x.gke.goog' }, 'tok')) as Record<string, any>;
    expect(dns.clusters[0].cluster).toEqual({ server: 'https://x.gke.goog' });
  });

  it('answers the zonal path form too', async () => {
    const response = await fetch(`${gke.url}/v1/projects/aura-prod/zones/europe-west1-b/clusters/private-only`, { headers: { authorization: `Bearer ${TOKEN}` } });
    const body = (await response.json()) as GkeCluster & { privateClusterConfig: { privateEndpoint: string } };
    expect(body.privateClusterConfig.privateEndpoint).toBe('10.20.0.2');
  });
});

import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startGkeStandIn, type GkeStandIn } from '../../standins/gke/server.js';
import { startGoogleOAuthStandIn, type GoogleOAuthStandIn } from '../../standins/google-oauth/server.js';
import { createTestCertificates, type KubeSim, type TestCertificates } from '../../standins/kube/index.js';
import { makeWorkspace, REGISTRY, runRollout, startCluster, V1_DIGEST, V2_DIGEST, VISUAL, currentImage } from '../kube/support.js';

// GKE lookup end to end, all against stand-ins (none of them is Google or a cluster): the
// action signs a JWT with the service-account key and gets an access token from the stand-in
// of Google's token endpoint, reads the cluster from the stand-in of the Container API's REST
// endpoint (endpoint + base64 CA), and rolls out on the Kubernetes API simulator served over
// TLS with that CA, which accepts the access token as a bearer token.

const EMAIL = 'aura-deployer@aura-prod.iam.gserviceaccount.com';
const ACCESS_TOKEN = 'ya29.gke-stand-in-access-token-4f8e2a9b7c1d';
const PROJECT = 'aura-prod';
const LOCATION = 'europe-west1';
const CLUSTER = 'aura-gke';

let dir: string;
let keyJson: string;
let privateKey: string;
let certs: TestCertificates;
let oauth: GoogleOAuthStandIn;
let sim: KubeSim;
let gke: GkeStandIn;
let workspace: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'aura-gke-lookup-'));
  const keyPath = join(dir, 'sa.pem');
  execFileSync('openssl', ['genpkey', '-algorithm', 'RSA', '-pkeyopt', 'rsa_keygen_bits:2048', '-out', keyPath], { stdio: 'ignore' });
  privateKey = readFileSync(keyPath, 'utf8');
  const publicKeyPem = execFileSync('openssl', ['pkey', '-in', keyPath, '-pubout'], { encoding: 'utf8' });
  keyJson = JSON.stringify({
    type: 'service_account',
    project_id: PROJECT,
    private_key_id: 'k-1',
    private_key: privateKey,
    client_email: EMAIL,
    token_uri: 'https://oauth2.googleapis.com/token',
  });
  oauth = await startGoogleOAuthStandIn({ accounts: [{ email: EMAIL, publicKeyPem, keyId: 'k-1', accessToken: ACCESS_TOKEN }] });
  certs = createTestCertificates();
  sim = await startCluster([{ spec: VISUAL, image: `${REGISTRY}/visual-analysis@${V1_DIGEST}` }], {
    tls: { cert: certs.cert, key: certs.key, ca: certs.ca },
    extraTokens: [ACCESS_TOKEN],
  });
  const port = new URL(sim.url).port;
  gke = await startGkeStandIn({
    clusters: [
      {
        project: PROJECT,
        location: LOCATION,
        name: CLUSTER,
        // Google answers bare addresses on port 443; the simulator listens elsewhere.
        endpoint: `127.0.0.1:${port}`,
        dnsEndpoint: `localhost:${port}`,
        caCertificate: certs.ca,
      },
    ],
    tokens: { [ACCESS_TOKEN]: { projects: [PROJECT] } },
  });
  workspace = makeWorkspace();
}, 60_000);

afterAll(async () => {
  await gke?.close();
  await sim?.close();
  await oauth?.close();
  rmSync(dir, { recursive: true, force: true });
  rmSync(certs.dir, { recursive: true, force: true });
  rmSync(workspace, { recursive: true, force: true });
});

function env(extra: Record<string, string> = {}): Record<string, string> {
  return { AURA_GOOGLE_TOKEN_URL: oauth.tokenUrl, AURA_GKE_API_URL: gke.url, ...extra };
}

function expectNoSecrets(run: { visibleLog: string; summary: string; stderr: string; outputs: Record<string, string> }): void {
  const pemLine = privateKey.split('\n')[1]!;
  for (const text of [run.visibleLog, run.summary, run.stderr, JSON.stringify(run.outputs)]) {
    for (const secret of [ACCESS_TOKEN, pemLine, Buffer.from(keyJson).toString('base64').slice(0, 40)]) expect(text).not.toContain(secret);
  }
}

describe('gke-rollout with the GKE lookup', () => {
  it('finds the cluster with a base64 service-account key and rolls out over TLS with the cluster CA', async () => {
    const image = `${REGISTRY}/visual-analysis@${V2_DIGEST}`;
    const run = await runRollout(undefined, {
      workspace,
      env: env(),
      inputs: {
        services: 'visual-analysis',
        image,
        project: PROJECT,
        location: LOCATION,
        cluster: CLUSTER,
        credentials: Buffer.from(keyJson).toString('base64'),
      },
    });
    expect(run.exitCode).toBe(0);
    expect(run.outputs.verdict).toBe('succeeded');
    expect(currentImage(sim, VISUAL)).toBe(image);
    expect(run.visibleLog).toContain(
      `cluster: ${sim.url} (public endpoint of GKE cluster projects/${PROJECT}/locations/${LOCATION}/clusters/${CLUSTER}, Kubernetes 1.32.4-gke.1000, as service account ${EMAIL})`,
    );
    expect(run.summary).toContain(`Cluster: projects/${PROJECT}/locations/${LOCATION}/clusters/${CLUSTER}`);
    expect(gke.requests.at(-1)).toEqual({
      method: 'GET',
      path: `/v1/projects/${PROJECT}/locations/${LOCATION}/clusters/${CLUSTER}`,
      status: 200,
      authenticated: true,
    });
    expect(oauth.requests.at(-1)).toMatchObject({ email: EMAIL, granted: true });
    expectNoSecrets(run);
  });

  it("uses the credentials file google-github-actions/auth exports, the cluster's full name and its DNS endpoint", async () => {
    const credentialsPath = join(dir, 'gha-creds.json');
    writeFileSync(credentialsPath, keyJson);
    const run = await runRollout(undefined, {
      workspace,
      // The DNS endpoint's certificate is publicly trusted on GKE; here the test CA is added to Node's trust store.
      env: env({ GOOGLE_GHA_CREDS_PATH: credentialsPath, NODE_EXTRA_CA_CERTS: certs.caPath }),
      inputs: {
        deployment: VISUAL.deployment,
        container: VISUAL.container,
        namespace: 'aura',
        image: `${REGISTRY}/visual-analysis@${V1_DIGEST}`,
        cluster: `projects/${PROJECT}/locations/${LOCATION}/clusters/${CLUSTER}`,
        endpoint: 'dns',
      },
    });
    expect(run.exitCode).toBe(0);
    expect(run.visibleLog).toContain(`cluster: https://localhost:${new URL(sim.url).port} (dns endpoint of GKE cluster`);
    expect(currentImage(sim, VISUAL)).toBe(`${REGISTRY}/visual-analysis@${V1_DIGEST}`);
    expectNoSecrets(run);
  });

  it('trusts only public certificate authorities on the DNS endpoint (no cluster CA in the kubeconfig)', async () => {
    const run = await runRollout(undefined, {
      workspace,
      env: env(),
      inputs: {
        services: 'visual-analysis',
        image: `${REGISTRY}/visual-analysis@${V2_DIGEST}`,
        credentials: keyJson,
        cluster: `projects/${PROJECT}/locations/${LOCATION}/clusters/${CLUSTER}`,
        endpoint: 'dns',
      },
    });
    expect(run.exitCode).toBe(1);
    expect(run.annotations.find((a) => a.level === 'error')!.message).toMatch(
      new RegExp(`cannot reach the cluster at https://localhost:${new URL(sim.url).port}: .*(certificate|CERT|SELF_SIGNED|UNABLE_TO_VERIFY)`),
    );
  });

  it.each([
    [
      'a cluster that does not exist',
      { cluster: 'nope', project: PROJECT, location: LOCATION },
      `cluster projects/${PROJECT}/locations/${LOCATION}/clusters/nope does not exist (404 NOT_FOUND: Not found: projects/${PROJECT}/locations/${LOCATION}/clusters/nope.); check inputs 'project', 'location' and 'cluster'`,
    ],
    [
      'a project the credentials may not read',
      { cluster: CLUSTER, project: 'other-project', location: LOCATION },
      `service account ${EMAIL} may not read cluster projects/other-project/locations/${LOCATION}/clusters/${CLUSTER} (403 PERMISSION_DENIED: Required "container.clusters.get" permission(s) for "projects/other-project/locations/${LOCATION}/clusters/${CLUSTER}".); grant it roles/container.clusterViewer`,
    ],
    [
      'an endpoint the cluster does not have',
      { cluster: CLUSTER, project: PROJECT, location: LOCATION, endpoint: 'private' },
      `cluster projects/${PROJECT}/locations/${LOCATION}/clusters/${CLUSTER} has no private endpoint; set input 'endpoint' to 'public' or 'dns'`,
    ],
  ])('explains %s', async (_what, inputs, message) => {
    const run = await runRollout(undefined, {
      workspace,
      env: env(),
      inputs: { services: 'visual-analysis', image: `${REGISTRY}/visual-analysis@${V2_DIGEST}`, credentials: keyJson, ...inputs },
    });
    expect(run.exitCode).toBe(1);
    const errors = run.annotations.filter((a) => a.level === 'error');
    expect(errors).toHaveLength(1);
    expect(errors[0]!.message).toContain(message);
    expectNoSecrets(run);
  });
});

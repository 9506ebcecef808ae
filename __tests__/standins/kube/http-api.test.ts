/**
 * The stand-in's HTTP API, spoken to with plain HTTP requests: discovery, status codes and
 * Status bodies, metadata, patches, lists, watches (resume, 410 Gone, bookmarks, timeouts),
 * server-side tables, logs, the services proxy, scripted faults, TLS and bearer tokens.
 */
import { request as httpsRequest } from 'node:https';
import { rmSync } from 'node:fs';
import { createTestCertificates, startKubeSim, type KubeSim } from '../../../standins/kube/index.js';
import { deploymentManifest, rolloutComplete, serviceManifest } from './helpers.js';

let sim: KubeSim;

beforeEach(async () => {
  sim = await startKubeSim({ timeScale: 20, bookmarkIntervalMs: 100 });
});

afterEach(async () => {
  await sim.close();
  expect(sim.errors).toEqual([]);
});

const DEPLOYMENTS = '/apis/apps/v1/namespaces/default/deployments';

async function call(
  method: string,
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<{ status: number; body: any; headers: Headers; text: string }> {
  const response = await fetch(sim.url + path, {
    method,
    headers: { 'content-type': 'application/json', ...headers },
    body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await response.text();
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    parsed = undefined;
  }
  return { status: response.status, body: parsed, headers: response.headers, text };
}

interface WatchStream {
  events: { type: string; object: any }[];
  ended: Promise<void>;
  next(count?: number): Promise<{ type: string; object: any }[]>;
  close(): void;
}

async function openWatch(path: string, headers: Record<string, string> = {}): Promise<WatchStream> {
  const controller = new AbortController();
  const response = await fetch(sim.url + path, { signal: controller.signal, headers });
  expect(response.status).toBe(200);
  const events: { type: string; object: any }[] = [];
  let buffered = '';
  let waiting: (() => void) | undefined;
  const decoder = new TextDecoder();
  const ended = (async () => {
    try {
      for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
        buffered += decoder.decode(chunk, { stream: true });
        let newline: number;
        while ((newline = buffered.indexOf('\n')) >= 0) {
          const line = buffered.slice(0, newline);
          buffered = buffered.slice(newline + 1);
          if (line.trim()) events.push(JSON.parse(line));
        }
        waiting?.();
      }
    } catch {
      // Aborted by close().
    }
    waiting?.();
  })();
  let consumed = 0;
  let done = false;
  void ended.then(() => (done = true));
  return {
    events,
    ended,
    async next(count = 1) {
      const deadline = Date.now() + 15_000;
      while (events.length < consumed + count) {
        if (done) throw new Error(`the watch ended after ${events.length} events, wanted ${consumed + count}`);
        if (Date.now() > deadline) throw new Error(`no watch event after ${events.length}`);
        await new Promise<void>((r) => {
          waiting = r;
          setTimeout(r, 100);
        });
      }
      const out = events.slice(consumed, consumed + count);
      consumed += count;
      return out;
    },
    close: () => controller.abort(),
  };
}

describe('discovery', () => {
  it('serves /version, the legacy documents and aggregated discovery', async () => {
    expect((await call('GET', '/version')).body).toMatchObject({ major: '1', minor: '32' });
    expect((await call('GET', '/api')).body).toMatchObject({ kind: 'APIVersions', versions: ['v1'] });
    expect((await call('GET', '/apis')).body.groups.map((g: { name: string }) => g.name)).toEqual(['apps']);
    const core = (await call('GET', '/api/v1')).body;
    const names = core.resources.map((r: { name: string }) => r.name);
    expect(names).toEqual(expect.arrayContaining(['pods', 'pods/log', 'pods/status', 'services', 'services/proxy', 'namespaces', 'events']));
    const apps = (await call('GET', '/apis/apps/v1')).body.resources;
    expect(apps.find((r: { name: string }) => r.name === 'deployments/scale')).toMatchObject({ group: 'autoscaling', version: 'v1', kind: 'Scale' });
    expect(apps.find((r: { name: string }) => r.name === 'deployments')).toMatchObject({ shortNames: ['deploy'], namespaced: true });

    const aggregated = await call('GET', '/apis', undefined, {
      accept: 'application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList,application/json',
    });
    expect(aggregated.headers.get('content-type')).toBe('application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList');
    expect(aggregated.body.items[0].versions[0].resources.map((r: { resource: string }) => r.resource)).toEqual(['deployments', 'replicasets']);
  });

  it('declares server-side field validation in OpenAPI v3, where kubectl looks for it', async () => {
    const root = (await call('GET', '/openapi/v3')).body;
    const url = root.paths['apis/apps/v1'].serverRelativeURL as string;
    const doc = (await call('GET', url)).body;
    const patch = doc.paths['/apis/apps/v1/namespaces/{namespace}/deployments/{name}'].patch;
    expect(patch['x-kubernetes-group-version-kind']).toEqual({ group: 'apps', kind: 'Deployment', version: 'v1' });
    expect(patch.parameters.map((p: { name: string }) => p.name)).toContain('fieldValidation');
    const containers = doc.components.schemas['io.k8s.api.core.v1.PodSpec'].properties.containers;
    expect(containers).toMatchObject({ 'x-kubernetes-patch-merge-key': 'name', 'x-kubernetes-patch-strategy': 'merge', 'x-kubernetes-list-map-keys': ['name'] });
  });
});

describe('objects', () => {
  it('creates with metadata filled in and answers conflicts, absences and invalid objects with Status', async () => {
    const created = await call('POST', DEPLOYMENTS, deploymentManifest('web', 'web:1'));
    expect(created.status).toBe(201);
    expect(created.body.metadata).toMatchObject({ name: 'web', namespace: 'default', generation: 1 });
    expect(created.body.metadata.uid).toMatch(/^[0-9a-f-]{36}$/);
    expect(created.body.metadata.creationTimestamp).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    expect(created.body.spec).toMatchObject({ revisionHistoryLimit: 10, progressDeadlineSeconds: 600, strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: '25%', maxUnavailable: '25%' } } });

    const again = await call('POST', DEPLOYMENTS, deploymentManifest('web', 'web:1'));
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({ kind: 'Status', status: 'Failure', reason: 'AlreadyExists', message: 'deployments.apps "web" already exists', code: 409 });

    const missing = await call('GET', `${DEPLOYMENTS}/nope`);
    expect(missing.status).toBe(404);
    expect(missing.body).toMatchObject({ reason: 'NotFound', message: 'deployments.apps "nope" not found', details: { name: 'nope', group: 'apps', kind: 'deployments' } });

    const bad = deploymentManifest('bad', 'web:1');
    bad.spec.template.metadata.labels = { app: 'other' };
    const invalid = await call('POST', DEPLOYMENTS, bad);
    expect(invalid.status).toBe(422);
    expect(invalid.body.reason).toBe('Invalid');
    expect(invalid.body.message).toContain('Deployment.apps "bad" is invalid: spec.template.metadata.labels: Invalid value');
    expect(invalid.body.details.causes[0]).toMatchObject({ reason: 'FieldValueInvalid', field: 'spec.template.metadata.labels' });

    const elsewhere = await call('POST', '/apis/apps/v1/namespaces/default/deployments', { ...deploymentManifest('web', 'web:1'), metadata: { name: 'web', namespace: 'nope' } });
    expect(elsewhere.status).toBe(400);
    expect(elsewhere.body.message).toBe('the namespace of the provided object does not match the namespace sent on the request');
    const manifest = deploymentManifest('web', 'web:1');
    delete manifest.metadata.namespace;
    const noNamespace = await call('POST', '/apis/apps/v1/namespaces/nope/deployments', manifest);
    expect(noNamespace.status).toBe(404);
    expect(noNamespace.body.message).toBe('namespaces "nope" not found');
  });

  it('rejects a stale resourceVersion with 409 and bumps generation on spec changes only', async () => {
    const created = (await call('POST', DEPLOYMENTS, deploymentManifest('web', 'web:1'))).body;
    const labelled = await call('PATCH', `${DEPLOYMENTS}/web`, { metadata: { labels: { tier: 'web' } } }, { 'content-type': 'application/merge-patch+json' });
    expect(labelled.status).toBe(200);
    expect(labelled.body.metadata.generation).toBe(1);
    expect(Number(labelled.body.metadata.resourceVersion)).toBeGreaterThan(Number(created.metadata.resourceVersion));

    const stale = await call('PUT', `${DEPLOYMENTS}/web`, created);
    expect(stale.status).toBe(409);
    expect(stale.body.message).toBe('Operation cannot be fulfilled on deployments.apps "web": the object has been modified; please apply your changes to the latest version and try again');

    const json = await call('PATCH', `${DEPLOYMENTS}/web`, [{ op: 'replace', path: '/spec/replicas', value: 5 }], { 'content-type': 'application/json-patch+json' });
    expect(json.body.metadata.generation).toBe(2);
    const strategic = await call(
      'PATCH',
      `${DEPLOYMENTS}/web`,
      { spec: { template: { spec: { containers: [{ name: 'app', image: 'web:2' }] } } } },
      { 'content-type': 'application/strategic-merge-patch+json' },
    );
    expect(strategic.body.metadata.generation).toBe(3);
    expect(strategic.body.spec.template.spec.containers[0]).toMatchObject({ name: 'app', image: 'web:2', ports: [{ containerPort: 8080, protocol: 'TCP' }] });

    const unsupported = await call('PATCH', `${DEPLOYMENTS}/web`, {}, { 'content-type': 'text/plain' });
    expect(unsupported.status).toBe(415);
  });

  it('keeps one resourceVersion counter across every resource', async () => {
    const svc = (await call('POST', '/api/v1/namespaces/default/services', serviceManifest('web'))).body;
    const dep = (await call('POST', DEPLOYMENTS, deploymentManifest('web', 'web:1'))).body;
    const list = (await call('GET', '/api/v1/namespaces/default/services')).body;
    expect(Number(dep.metadata.resourceVersion)).toBeGreaterThan(Number(svc.metadata.resourceVersion));
    expect(Number(list.metadata.resourceVersion)).toBeGreaterThanOrEqual(Number(dep.metadata.resourceVersion));
    expect(svc.spec.clusterIP).toMatch(/^10\.96\./);
    expect(svc.spec.ports[0]).toMatchObject({ protocol: 'TCP', targetPort: 8080 });
  });

  it('reports unknown fields: an error under fieldValidation=Strict, a warning by default, and drops them', async () => {
    const manifest = deploymentManifest('web', 'web:1');
    manifest.spec.replicaz = 3;
    const strict = await call('POST', `${DEPLOYMENTS}?fieldValidation=Strict`, manifest);
    expect(strict.status).toBe(400);
    expect(strict.body.message).toBe('Deployment in version "v1" cannot be handled as a Deployment: strict decoding error: unknown field "spec.replicaz"');
    const warned = await call('POST', DEPLOYMENTS, manifest);
    expect(warned.status).toBe(201);
    expect(warned.headers.get('warning')).toBe('299 - "unknown field \\"spec.replicaz\\""');
    expect(warned.body.spec.replicaz).toBeUndefined();
    const typed = deploymentManifest('typed', 'web:1');
    typed.spec.replicas = '3';
    const wrongType = await call('POST', DEPLOYMENTS, typed);
    expect(wrongType.status).toBe(400);
    expect(wrongType.body.message).toContain('cannot unmarshal string into Go struct field DeploymentSpec.spec.replicas of type int32');
  });

  it('creates with server-side apply and reports conflicts with other managers', async () => {
    const yaml = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: 2
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec:
      containers: [{name: app, image: "web:1"}]
`;
    const applied = await call('PATCH', `${DEPLOYMENTS}/web?fieldManager=ci`, yaml, { 'content-type': 'application/apply-patch+yaml' });
    expect(applied.status).toBe(201);
    expect(applied.body.metadata.managedFields[0]).toMatchObject({ manager: 'ci', operation: 'Apply' });
    const other = await call(
      'PATCH',
      `${DEPLOYMENTS}/web?fieldManager=kubectl-set`,
      { spec: { template: { spec: { containers: [{ name: 'app', image: 'web:2' }] } } } },
      { 'content-type': 'application/strategic-merge-patch+json' },
    );
    expect(other.status).toBe(200);
    const conflict = await call('PATCH', `${DEPLOYMENTS}/web?fieldManager=ci`, yaml.replace('replicas: 2', 'replicas: 3'), { 'content-type': 'application/apply-patch+yaml' });
    expect(conflict.status).toBe(409);
    expect(conflict.body.details.causes[0]).toMatchObject({ reason: 'FieldManagerConflict', field: '.spec.template.spec.containers[name="app"].image' });
    const forced = await call('PATCH', `${DEPLOYMENTS}/web?fieldManager=ci&force=true`, yaml.replace('replicas: 2', 'replicas: 3'), { 'content-type': 'application/apply-patch+yaml' });
    expect(forced.status).toBe(200);
    expect(forced.body.spec.replicas).toBe(3);
    expect(forced.body.spec.template.spec.containers[0].image).toBe('web:1');
    const noManager = await call('PATCH', `${DEPLOYMENTS}/web`, yaml, { 'content-type': 'application/apply-patch+yaml' });
    expect(noManager.status).toBe(422);
    expect(noManager.body.message).toContain('fieldManager: Required value: is required for apply patch');
  });

  it('writes status only through the status subresource, and scale through scale', async () => {
    await call('POST', DEPLOYMENTS, deploymentManifest('web', 'web:1'));
    const current = (await call('GET', `${DEPLOYMENTS}/web`)).body;
    const ignored = await call('PUT', `${DEPLOYMENTS}/web`, { ...current, status: { replicas: 42 } });
    expect(ignored.body.status?.replicas).not.toBe(42);
    const scale = await call('GET', `${DEPLOYMENTS}/web/scale`);
    expect(scale.body).toMatchObject({ kind: 'Scale', apiVersion: 'autoscaling/v1', spec: { replicas: 3 }, status: { selector: 'app=web' } });
    const scaled = await call('PATCH', `${DEPLOYMENTS}/web/scale`, { spec: { replicas: 1 } }, { 'content-type': 'application/merge-patch+json' });
    expect(scaled.body.spec.replicas).toBe(1);
    expect((await call('GET', `${DEPLOYMENTS}/web`)).body.spec.replicas).toBe(1);
  });
});

describe('lists', () => {
  it('filters by label and field selectors, pages with limit and continue, and serves tables', async () => {
    for (const name of ['a', 'b', 'c']) {
      await call('POST', '/api/v1/namespaces/default/configmaps', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name, labels: { group: name === 'c' ? 'two' : 'one' } }, data: { k: name } });
    }
    const labelled = (await call('GET', '/api/v1/namespaces/default/configmaps?labelSelector=group%3Done')).body;
    expect(labelled.kind).toBe('ConfigMapList');
    expect(labelled.items.map((i: { metadata: { name: string } }) => i.metadata.name)).toEqual(['a', 'b']);
    expect(labelled.items[0].kind).toBeUndefined();
    const named = (await call('GET', '/api/v1/namespaces/default/configmaps?fieldSelector=metadata.name%3Db')).body;
    expect(named.items).toHaveLength(1);
    const badField = await call('GET', '/api/v1/namespaces/default/configmaps?fieldSelector=spec.nope%3Dx');
    expect(badField.status).toBe(400);
    expect(badField.body.message).toBe('field label not supported: spec.nope');

    const first = (await call('GET', '/api/v1/namespaces/default/configmaps?limit=2')).body;
    expect(first.items).toHaveLength(2);
    expect(first.metadata.remainingItemCount).toBe(1);
    const rest = (await call('GET', `/api/v1/namespaces/default/configmaps?limit=2&continue=${encodeURIComponent(first.metadata.continue)}`)).body;
    expect(rest.items.map((i: { metadata: { name: string } }) => i.metadata.name)).toEqual(['c']);
    expect(rest.metadata.continue).toBeUndefined();

    const table = (await call('GET', '/api/v1/namespaces/default/configmaps', undefined, { accept: 'application/json;as=Table;v=v1;g=meta.k8s.io,application/json' })).body;
    expect(table.kind).toBe('Table');
    expect(table.columnDefinitions.map((c: { name: string }) => c.name)).toEqual(['Name', 'Data', 'Age']);
    expect(table.rows[0].cells.slice(0, 2)).toEqual(['a', 1]);
    expect(table.rows[0].object.kind).toBe('PartialObjectMetadata');
  });
});

describe('watch', () => {
  it('streams ADDED, MODIFIED and DELETED after the listed resourceVersion', async () => {
    const list = (await call('GET', '/api/v1/namespaces/default/configmaps')).body;
    const watch = await openWatch(`/api/v1/namespaces/default/configmaps?watch=true&resourceVersion=${list.metadata.resourceVersion}`);
    await call('POST', '/api/v1/namespaces/default/configmaps', { metadata: { name: 'a' }, data: { v: '1' } });
    await call('PATCH', '/api/v1/namespaces/default/configmaps/a', { data: { v: '2' } }, { 'content-type': 'application/merge-patch+json' });
    await call('DELETE', '/api/v1/namespaces/default/configmaps/a');
    const events = await watch.next(3);
    watch.close();
    expect(events.map((e) => e.type)).toEqual(['ADDED', 'MODIFIED', 'DELETED']);
    expect(events[1]!.object).toMatchObject({ kind: 'ConfigMap', apiVersion: 'v1', data: { v: '2' } });
    const versions = events.map((e) => Number(e.object.metadata.resourceVersion));
    expect([...versions].sort((a, b) => a - b)).toEqual(versions);
  });

  it('resumes from a resourceVersion with exactly the changes after it', async () => {
    const a = (await call('POST', '/api/v1/namespaces/default/configmaps', { metadata: { name: 'a' } })).body;
    await call('POST', '/api/v1/namespaces/default/configmaps', { metadata: { name: 'b' } });
    await call('POST', '/api/v1/namespaces/default/configmaps', { metadata: { name: 'c' } });
    const watch = await openWatch(`/api/v1/namespaces/default/configmaps?watch=1&resourceVersion=${a.metadata.resourceVersion}`);
    const events = await watch.next(2);
    watch.close();
    expect(events.map((e) => `${e.type} ${e.object.metadata.name}`)).toEqual(['ADDED b', 'ADDED c']);
  });

  it('without a resourceVersion, starts with the current objects as ADDED', async () => {
    await call('POST', '/api/v1/namespaces/default/configmaps', { metadata: { name: 'a' } });
    const watch = await openWatch('/api/v1/namespaces/default/configmaps?watch=1');
    const [event] = await watch.next();
    watch.close();
    expect(event).toMatchObject({ type: 'ADDED', object: { metadata: { name: 'a' } } });
  });

  it('answers a resourceVersion older than the retained history with a 410 Expired ERROR event', async () => {
    const a = (await call('POST', '/api/v1/namespaces/default/configmaps', { metadata: { name: 'a' } })).body;
    await call('POST', '/api/v1/namespaces/default/configmaps', { metadata: { name: 'b' } });
    sim.faults.compactHistory();
    const watch = await openWatch(`/api/v1/namespaces/default/configmaps?watch=1&resourceVersion=${a.metadata.resourceVersion}`);
    const [event] = await watch.next();
    await watch.ended;
    expect(event).toMatchObject({ type: 'ERROR', object: { kind: 'Status', status: 'Failure', reason: 'Expired', code: 410 } });
    expect(event!.object.message).toMatch(/^too old resource version: \d+ \(\d+\)$/);

    sim.faults.expireNextWatch();
    const current = (await call('GET', '/api/v1/namespaces/default/configmaps')).body.metadata.resourceVersion;
    const forced = await openWatch(`/api/v1/namespaces/default/configmaps?watch=1&resourceVersion=${current}`);
    expect((await forced.next())[0]!.object.code).toBe(410);
    const fine = await openWatch(`/api/v1/namespaces/default/configmaps?watch=1&resourceVersion=${current}`);
    await call('POST', '/api/v1/namespaces/default/configmaps', { metadata: { name: 'c' } });
    expect((await fine.next())[0]!.type).toBe('ADDED');
    fine.close();
  });

  it('sends bookmarks when allowed and ends at timeoutSeconds', async () => {
    const rv = (await call('GET', '/api/v1/namespaces/default/configmaps')).body.metadata.resourceVersion;
    const watch = await openWatch(`/api/v1/namespaces/default/configmaps?watch=1&allowWatchBookmarks=true&timeoutSeconds=1&resourceVersion=${rv}`);
    const [bookmark] = await watch.next();
    expect(bookmark).toMatchObject({ type: 'BOOKMARK', object: { kind: 'ConfigMap', apiVersion: 'v1' } });
    expect(Number(bookmark!.object.metadata.resourceVersion)).toBeGreaterThanOrEqual(Number(rv));
    await watch.ended;
  });

  it('turns a change that leaves the selector into DELETED for that watch', async () => {
    await call('POST', '/api/v1/namespaces/default/configmaps', { metadata: { name: 'a', labels: { keep: 'yes' } } });
    const watch = await openWatch('/api/v1/namespaces/default/configmaps?watch=1&labelSelector=keep%3Dyes');
    expect((await watch.next())[0]!.type).toBe('ADDED');
    await call('PATCH', '/api/v1/namespaces/default/configmaps/a', { metadata: { labels: { keep: 'no' } } }, { 'content-type': 'application/merge-patch+json' });
    expect((await watch.next())[0]!.type).toBe('DELETED');
    await call('PATCH', '/api/v1/namespaces/default/configmaps/a', { metadata: { labels: { keep: 'yes' } } }, { 'content-type': 'application/merge-patch+json' });
    expect((await watch.next())[0]!.type).toBe('ADDED');
    watch.close();
  });

  it('can be dropped by the test, at once or after some events', async () => {
    const now = await openWatch('/api/v1/namespaces/default/configmaps?watch=1');
    const later = await openWatch('/api/v1/namespaces/default/configmaps?watch=1');
    await sim.waitFor(() => sim.openWatches === 2);
    expect(sim.faults.dropWatches()).toBe(2);
    await now.ended;
    await later.ended;

    const counted = await openWatch('/api/v1/namespaces/default/configmaps?watch=1');
    await sim.waitFor(() => sim.openWatches === 1);
    sim.faults.dropWatches({ afterEvents: 2 });
    for (const name of ['a', 'b', 'c']) await call('POST', '/api/v1/namespaces/default/configmaps', { metadata: { name } });
    await counted.ended;
    expect(counted.events.map((e) => e.object.metadata.name)).toEqual(['a', 'b']);
  });

  it('streams table rows for kubectl get -w', async () => {
    const watch = await openWatch('/apis/apps/v1/namespaces/default/deployments?watch=1', { accept: 'application/json;as=Table;v=v1;g=meta.k8s.io' });
    await call('POST', DEPLOYMENTS, deploymentManifest('web', 'web:1'));
    const [event] = await watch.next();
    watch.close();
    expect(event!.object.kind).toBe('Table');
    expect(event!.object.rows[0].cells.slice(0, 4)).toEqual(['web', '0/3', 0, 0]);
  });
});

describe('logs and the services proxy', () => {
  it('answers health checks through the service: 200 when healthy, 500 for -unhealthy images, 503 without endpoints', async () => {
    await call('POST', '/api/v1/namespaces/default/services', serviceManifest('web'));
    const none = await call('GET', '/api/v1/namespaces/default/services/web/proxy/healthz');
    expect(none.status).toBe(503);
    expect(none.body.message).toBe('no endpoints available for service "web"');
    sim.put(deploymentManifest('web', 'web:1', { replicas: 1 }));
    await sim.waitFor(() => rolloutComplete(sim.get('deployments', 'default', 'web')));
    const healthy = await call('GET', '/api/v1/namespaces/default/services/web:http/proxy/healthz');
    expect(healthy).toMatchObject({ status: 200, text: 'ok\n' });

    await call('POST', '/api/v1/namespaces/default/services', serviceManifest('sick'));
    sim.put(deploymentManifest('sick', 'sick:1-unhealthy', { replicas: 1 }));
    await sim.waitFor(() => rolloutComplete(sim.get('deployments', 'default', 'sick')));
    const sick = await call('GET', '/api/v1/namespaces/default/services/sick:80/proxy/healthz');
    expect(sick.status).toBe(500);
  });

  it('serves container logs with tailLines, previous and the kubelet errors', async () => {
    // A long back-off keeps the crashed run the current one while the test reads it.
    await sim.close();
    sim = await startKubeSim({ timeScale: 20, timings: { backoff: 300_000 } });
    sim.put(deploymentManifest('crash', 'crash:1-crashloop', { replicas: 1 }));
    const pod = await sim.waitFor(() =>
      sim.list('pods', 'default', 'app=crash').find((p) => p.status?.containerStatuses?.[0]?.state?.waiting?.reason === 'CrashLoopBackOff'),
    );
    const logPath = `/api/v1/namespaces/default/pods/${pod.metadata.name}/log`;
    const logs = await call('GET', logPath);
    expect(logs.status).toBe(200);
    expect(logs.text).toContain('ERROR failed to connect to database');
    expect((await call('GET', `${logPath}?tailLines=1`)).text).toBe('Fatal: startup failed, exiting with status 1\n');
    expect((await call('GET', `${logPath}?previous=true&container=app`)).text).toContain('Starting app');
    expect((await call('GET', `${logPath}?timestamps=true&tailLines=1`)).text).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{9}Z Fatal/);
    expect((await call('GET', `${logPath}?container=nope`)).body.message).toBe(`container nope is not valid for pod ${pod.metadata.name}`);

    sim.put(deploymentManifest('gone', 'gone:1-missing', { replicas: 1 }));
    const waiting = await sim.waitFor(() =>
      sim.list('pods', 'default', 'app=gone').find((p) => p.status?.containerStatuses?.[0]?.state?.waiting?.reason === 'ImagePullBackOff'),
    );
    const refused = await call('GET', `/api/v1/namespaces/default/pods/${waiting.metadata.name}/log`);
    expect(refused.status).toBe(400);
    expect(refused.body.message).toBe(`container "app" in pod "${waiting.metadata.name}" is waiting to start: trying and failing to pull image`);
  });
});

describe('scripted faults', () => {
  it('fails the next matching requests with 503 or 429, then answers normally', async () => {
    sim.faults.failRequests({ path: '/deployments', method: 'GET', status: 503, count: 2 });
    expect((await call('GET', DEPLOYMENTS)).status).toBe(503);
    expect((await call('GET', '/api/v1/namespaces/default/pods')).status).toBe(200);
    expect((await call('GET', DEPLOYMENTS)).body).toMatchObject({ reason: 'ServiceUnavailable', code: 503 });
    expect((await call('GET', DEPLOYMENTS)).status).toBe(200);
    sim.faults.failRequests({ path: /deployments$/, status: 429, retryAfterSeconds: 2 });
    const throttled = await call('GET', DEPLOYMENTS);
    expect(throttled.status).toBe(429);
    expect(throttled.headers.get('retry-after')).toBe('2');
    expect(throttled.body.details).toEqual({ retryAfterSeconds: 2 });
    expect(sim.requests.filter((r) => r.status === 503)).toHaveLength(2);
  });

  it('delays only the requests a latency rule matches', async () => {
    sim.faults.addLatency({ path: '/deployments', ms: 400 });
    const finished: string[] = [];
    const slow = call('GET', DEPLOYMENTS).then(() => finished.push('deployments'));
    const fast = call('GET', '/api/v1/namespaces/default/pods').then(() => finished.push('pods'));
    await Promise.all([slow, fast]);
    expect(finished).toEqual(['pods', 'deployments']);
  });
});

describe('HTTPS with a bearer token', () => {
  it('answers 401 without the right token, and serves with it', async () => {
    const certs = createTestCertificates();
    const secure = await startKubeSim({ tls: { cert: certs.cert, key: certs.key, ca: certs.ca } });
    try {
      expect(secure.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
      expect(secure.kubeconfig).toContain(`certificate-authority-data: ${Buffer.from(certs.ca).toString('base64')}`);
      expect(secure.kubeconfig).toContain(`token: ${secure.token}`);
      const get = (path: string, token?: string): Promise<{ status: number; body: string }> =>
        new Promise((resolve, reject) => {
          const req = httpsRequest(secure.url + path, { ca: certs.ca, headers: token ? { authorization: `Bearer ${token}` } : {} }, (res) => {
            let body = '';
            res.on('data', (d: Buffer) => (body += d.toString()));
            res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
          });
          req.on('error', reject);
          req.end();
        });
      const anonymous = await get('/api/v1/namespaces');
      expect(anonymous.status).toBe(401);
      expect(JSON.parse(anonymous.body)).toMatchObject({ kind: 'Status', reason: 'Unauthorized', code: 401 });
      expect((await get('/api/v1/namespaces', 'wrong')).status).toBe(401);
      expect((await get('/api/v1/namespaces', secure.token)).status).toBe(200);
      expect((await get('/version')).status).toBe(200);
    } finally {
      await secure.close();
      rmSync(certs.dir, { recursive: true, force: true });
    }
  });
});

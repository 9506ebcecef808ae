/**
 * A Kubernetes API stand-in for tests and demos: an API server (discovery, CRUD, patches,
 * server-side apply, watch, logs, services proxy) with a simulated control plane (deployment
 * and ReplicaSet controllers, scheduler, kubelets) on simulated time. It is not a cluster;
 * see README.md for what it covers.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { KubeApi } from './api.js';
import { BEHAVIOURS, DEFAULT_TIMINGS, type Behaviour, type Timings } from './behaviours.js';
import { SimClock } from './clock.js';
import { ControlPlane } from './controllers/manager.js';
import { FaultPlan, type FailRequestsOptions, type LatencyRule } from './http/faults.js';
import { ApiHttpServer, type DropWatchesOptions, type RequestRecord } from './http/server.js';
import { kubeconfigText } from './kubeconfig.js';
import { NAMESPACES, NODES, RESOURCES, SERVICES, type ResourceDef } from './resources.js';
import { ObjectStore } from './store.js';
import type { KubeObject } from './util.js';

export type { Behaviour, Timings } from './behaviours.js';
export type { KubeApi, WriteOptions, DeleteOptions, PatchType, ListOptions } from './api.js';
export type { ObjectStore, StoreEvent } from './store.js';
export type { KubeObject } from './util.js';
export type { RequestRecord, DropWatchesOptions } from './http/server.js';
export type { FailRequestsOptions, LatencyRule, RequestMatch } from './http/faults.js';
export { SimClock } from './clock.js';
export { createTestCertificates, type TestCertificates } from './tls.js';
export { BEHAVIOURS, behaviourFromImage } from './behaviours.js';

export interface KubeSimOptions {
  /** Interface to listen on (default 127.0.0.1). */
  host?: string;
  /** Port (default 0: any free port). */
  port?: number;
  /** Simulated seconds per wall-clock second (default 1). */
  timeScale?: number;
  /** Serve HTTPS with this certificate and key; `ca` goes into the kubeconfig. PEM texts. */
  tls?: { cert: string; key: string; ca: string };
  /**
   * Bearer token clients must send. Default: a random one over HTTPS, none over plain HTTP
   * (kubectl does not send tokens over plain HTTP). null: no authentication.
   */
  token?: string | null;
  /** More bearer tokens to accept (not written to the kubeconfig), e.g. a stand-in's access token. */
  extraTokens?: string[];
  /** Write the kubeconfig here (default: a file in a new temporary directory, removed on close). */
  kubeconfigPath?: string;
  /** Context, cluster and user name in the kubeconfig (default "kube-sim"). */
  contextName?: string;
  /** Namespace of the kubeconfig's context (default "default"). */
  namespace?: string;
  /** Changes kept for watches to resume from; older resourceVersions get 410 Gone (default 1000). */
  watchHistory?: number;
  /** Wall-clock milliseconds between BOOKMARK events (default 5000). */
  bookmarkIntervalMs?: number;
  /** Number of simulated nodes (default 3). */
  nodes?: number;
  /** Overrides of the simulated lifecycle durations (simulated milliseconds). */
  timings?: Partial<Timings>;
  /** Behaviour by image reference or digest, over the tag-suffix rule. */
  behaviours?: Record<string, Behaviour>;
  /** Where simulated time starts (default: now). */
  startTime?: Date;
}

export interface KubeSimFaults {
  /** Ends every open watch stream now, or after each sends `afterEvents` more events. Returns how many were open. */
  dropWatches(options?: DropWatchesOptions): number;
  /** The next `count` watch requests that give a resourceVersion get a 410 Gone ERROR event. */
  expireNextWatch(count?: number): void;
  /** Forgets the change history, so any watch from an earlier resourceVersion gets 410 Gone. */
  compactHistory(): void;
  /** The next `count` requests matching get `status` (500, 503, 429...) instead of an answer. */
  failRequests(options: FailRequestsOptions): void;
  /** Adds wall-clock latency to matching requests. */
  addLatency(rule: LatencyRule): void;
  /** Removes every scripted fault. */
  clear(): void;
}

export interface WaitOptions {
  /** Wall-clock milliseconds before giving up (default 30000). */
  timeoutMs?: number;
  /** Said in the timeout error. */
  description?: string;
}

export interface KubeSim {
  /** Base URL of the API (http://127.0.0.1:PORT or https://...). */
  readonly url: string;
  readonly kubeconfigPath: string;
  /** The kubeconfig's text. */
  readonly kubeconfig: string;
  /** The bearer token, when authentication is on. */
  readonly token: string | undefined;
  /** PEM of the CA, when serving HTTPS. */
  readonly ca: string | undefined;
  readonly clock: SimClock;
  /** The API semantics, for direct access to objects (writes go through admission, as over HTTP). */
  readonly api: KubeApi;
  readonly store: ObjectStore;
  readonly faults: KubeSimFaults;
  /** Every request served (most recent 5000), with its status. */
  readonly requests: RequestRecord[];
  /** Unexpected internal errors (simulator bugs); tests should expect this to stay empty. */
  readonly errors: unknown[];
  /** Number of watch streams open now. */
  readonly openWatches: number;
  /** A stored object, by resource ("deployments", "deploy", "Deployment", "deployments.apps"...). */
  get(resource: string, namespace: string | undefined, name: string): KubeObject | undefined;
  list(resource: string, namespace?: string, labelSelector?: string): KubeObject[];
  /** Creates or replaces an object (as `kubectl create`/`replace` would), for test set-up. */
  put(object: KubeObject, manager?: string): KubeObject;
  /** Sets the behaviour of an image reference or digest (pods created afterwards follow it). */
  setImageBehaviour(imageOrDigest: string, behaviour: Behaviour): void;
  /** Resolves with the predicate's first truthy value, checked on every change and on a short poll. */
  waitFor<T>(predicate: () => T | undefined | null | false, options?: WaitOptions): Promise<T>;
  close(): Promise<void>;
}

/** Finds a resource by plural, singular, short name, kind or "plural.group". */
export function resolveResource(name: string): ResourceDef {
  const lower = name.toLowerCase();
  const found = RESOURCES.find(
    (r) =>
      r.id === lower ||
      r.plural === lower ||
      r.singular === lower ||
      r.kind.toLowerCase() === lower ||
      r.shortNames.includes(lower),
  );
  if (!found) throw new Error(`the simulator does not serve a resource called "${name}"`);
  return found;
}

function bootstrap(api: KubeApi, nodeCount: number, nodeIps: Map<string, string>): void {
  for (const ns of ['default', 'kube-system', 'kube-public', 'kube-node-lease']) {
    api.create(NAMESPACES, undefined, { apiVersion: 'v1', kind: 'Namespace', metadata: { name: ns } }, { manager: 'kube-apiserver' });
  }
  for (let i = 1; i <= nodeCount; i++) {
    const name = `kube-sim-node-${i}`;
    const ip = `10.0.0.${10 + i}`;
    nodeIps.set(name, ip);
    const node = api.create(
      NODES,
      undefined,
      {
        apiVersion: 'v1',
        kind: 'Node',
        metadata: {
          name,
          labels: {
            'kubernetes.io/hostname': name,
            'kubernetes.io/os': 'linux',
            'kubernetes.io/arch': 'amd64',
            'topology.kubernetes.io/zone': `sim-zone-${((i - 1) % 3) + 1}`,
          },
        },
        spec: { podCIDR: `10.244.${i}.0/24` },
      },
      { manager: 'kubelet' },
    ).object;
    const now = api.clock.timestamp();
    api.update(
      NODES,
      undefined,
      name,
      {
        ...node,
        status: {
          capacity: { cpu: '4', memory: '16384Mi', pods: '110', 'ephemeral-storage': '100Gi' },
          allocatable: { cpu: '3920m', memory: '14848Mi', pods: '110', 'ephemeral-storage': '95Gi' },
          conditions: [
            { type: 'MemoryPressure', status: 'False', lastHeartbeatTime: now, lastTransitionTime: now, reason: 'KubeletHasSufficientMemory', message: 'kubelet has sufficient memory available' },
            { type: 'DiskPressure', status: 'False', lastHeartbeatTime: now, lastTransitionTime: now, reason: 'KubeletHasNoDiskPressure', message: 'kubelet has no disk pressure' },
            { type: 'PIDPressure', status: 'False', lastHeartbeatTime: now, lastTransitionTime: now, reason: 'KubeletHasSufficientPID', message: 'kubelet has sufficient PID available' },
            { type: 'Ready', status: 'True', lastHeartbeatTime: now, lastTransitionTime: now, reason: 'KubeletReady', message: 'kubelet is posting ready status' },
          ],
          addresses: [
            { type: 'InternalIP', address: ip },
            { type: 'Hostname', address: name },
          ],
          nodeInfo: {
            kubeletVersion: 'v1.32.4',
            kubeProxyVersion: 'v1.32.4',
            osImage: 'Container-Optimized OS (simulated)',
            kernelVersion: '6.6.0-sim',
            containerRuntimeVersion: 'containerd://1.7.24',
            operatingSystem: 'linux',
            architecture: 'amd64',
          },
        },
      },
      { manager: 'kubelet', subresource: 'status' },
    );
  }
  api.create(
    SERVICES,
    'default',
    {
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name: 'kubernetes', labels: { component: 'apiserver', provider: 'kubernetes' } },
      spec: { clusterIP: '10.96.0.1', ports: [{ name: 'https', port: 443, protocol: 'TCP', targetPort: 6443 }] },
    },
    { manager: 'kube-apiserver' },
  );
}

export async function startKubeSim(options: KubeSimOptions = {}): Promise<KubeSim> {
  const clock = new SimClock({ timeScale: options.timeScale ?? 1, start: options.startTime });
  const store = new ObjectStore(options.watchHistory ?? 1000);
  const errors: unknown[] = [];
  const reportError = (error: unknown): void => {
    errors.push(error);
    if (process.env.KUBE_SIM_DEBUG) console.error('kube-sim internal error:', error);
  };
  store.onListenerError = reportError;
  const api = new KubeApi(store, clock);
  const behaviours = new Map<string, Behaviour>();
  for (const [image, behaviour] of Object.entries(options.behaviours ?? {})) {
    if (!(BEHAVIOURS as readonly string[]).includes(behaviour)) {
      throw new Error(`unknown behaviour "${behaviour}" for image ${image}; choose one of ${BEHAVIOURS.join(', ')}`);
    }
    behaviours.set(image, behaviour);
  }
  const nodeIps = new Map<string, string>();
  bootstrap(api, options.nodes ?? 3, nodeIps);
  const controlPlane = new ControlPlane(api, {
    timings: { ...DEFAULT_TIMINGS, ...(options.timings ?? {}) },
    behaviours,
    nodeIps,
    onError: (component, key, error) => {
      // Conflicts and not-found races are retried by the queue, as real controllers retry them.
      if ((error as { code?: number }).code === 409 || (error as { code?: number }).code === 404) return;
      reportError(new Error(`${component} ${key}: ${(error as Error)?.stack ?? String(error)}`));
    },
  });
  const faultPlan = new FaultPlan();
  // kubectl and client-go send bearer tokens only over HTTPS, so plain HTTP serves without
  // authentication unless a token is asked for explicitly.
  const token =
    options.token === null ? undefined : (options.token ?? (options.tls ? randomBytes(24).toString('hex') : undefined));
  const server = new ApiHttpServer(api, controlPlane, faultPlan, {
    host: options.host ?? '127.0.0.1',
    port: options.port ?? 0,
    tls: options.tls ? { cert: options.tls.cert, key: options.tls.key } : undefined,
    tokens: new Set([...(token ? [token] : []), ...(options.extraTokens ?? [])]),
    bookmarkIntervalMs: options.bookmarkIntervalMs ?? 5000,
  });
  server.onInternalError = reportError;
  let url: string;
  try {
    url = await server.listen();
  } catch (error) {
    controlPlane.stop();
    clock.stop();
    throw error;
  }
  const tempDir = options.kubeconfigPath ? undefined : mkdtempSync(join(tmpdir(), 'kube-sim-'));
  const kubeconfigPath = options.kubeconfigPath ?? join(tempDir!, 'kubeconfig');
  const kubeconfig = kubeconfigText({
    server: url,
    contextName: options.contextName ?? 'kube-sim',
    namespace: options.namespace ?? 'default',
    token,
    ca: options.tls?.ca,
  });
  writeFileSync(kubeconfigPath, kubeconfig, { mode: 0o600 });

  const faults: KubeSimFaults = {
    dropWatches: (o) => server.dropWatches(o),
    expireNextWatch: (count = 1) => {
      faultPlan.expireWatches += count;
    },
    compactHistory: () => store.compact(),
    failRequests: (o) => faultPlan.failRequests(o),
    addLatency: (rule) => faultPlan.addLatency(rule),
    clear: () => faultPlan.clear(),
  };

  let closed = false;
  return {
    url,
    kubeconfigPath,
    kubeconfig,
    token,
    ca: options.tls?.ca,
    clock,
    api,
    store,
    faults,
    requests: server.requests,
    errors,
    get openWatches() {
      return server.openWatches;
    },
    get(resource, namespace, name) {
      const def = resolveResource(resource);
      return api.find(def.id, namespace, name);
    },
    list(resource, namespace, labelSelector) {
      const def = resolveResource(resource);
      return api.list(def.id, namespace, { labelSelector });
    },
    put(object, manager = 'kube-sim-test') {
      const def = resolveResource(String(object.kind));
      const ns = def.namespaced ? (object.metadata?.namespace ?? 'default') : undefined;
      const existing = api.find(def.id, ns, object.metadata?.name);
      if (!existing) return api.create(def.id, ns, object, { manager }).object;
      return api.update(def.id, ns, object.metadata.name, { ...object, metadata: { ...object.metadata, resourceVersion: undefined } }, { manager }).object;
    },
    setImageBehaviour(image, behaviour) {
      behaviours.set(image, behaviour);
    },
    waitFor<T>(predicate: () => T | undefined | null | false, waitOptions: WaitOptions = {}): Promise<T> {
      const timeoutMs = waitOptions.timeoutMs ?? 30_000;
      return new Promise<T>((resolve, reject) => {
        let done = false;
        const check = (): void => {
          if (done) return;
          let value: T | undefined | null | false;
          try {
            value = predicate();
          } catch (error) {
            finish();
            reject(error);
            return;
          }
          if (value) {
            finish();
            resolve(value);
          }
        };
        const unsubscribe = store.subscribe(() => setImmediate(check));
        const poll = setInterval(check, 50);
        const timer = setTimeout(() => {
          finish();
          reject(new Error(`timed out after ${timeoutMs} ms waiting for ${waitOptions.description ?? 'a condition'}`));
        }, timeoutMs);
        function finish(): void {
          done = true;
          unsubscribe();
          clearInterval(poll);
          clearTimeout(timer);
        }
        check();
      });
    },
    async close() {
      if (closed) return;
      closed = true;
      controlPlane.stop();
      clock.stop();
      await server.close();
      if (tempDir) rmSync(tempDir, { recursive: true, force: true });
    },
  };
}

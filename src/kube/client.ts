import type * as K8s from '@kubernetes/client-node';
import type { Deployment, KubeEvent, Pod, ReplicaSet, Service } from './types.js';

/**
 * The Kubernetes API as the rollout uses it, through @kubernetes/client-node. The library is
 * large (its generated models weigh about 19 MB once bundled), so it is imported only when a
 * cluster is contacted: the action has logged its first line by then.
 */

export const FIELD_MANAGER = 'aura-gke-rollout';

export interface ListResult<T> {
  items: T[];
  resourceVersion: string;
}

export interface ListQuery {
  labelSelector?: string;
  fieldSelector?: string;
}

export type WatchEventType = 'ADDED' | 'MODIFIED' | 'DELETED' | 'BOOKMARK' | 'ERROR';

export interface WatchHandle {
  abort(): void;
}

/** An object from the apply of a manifest. */
export interface AppliedObject {
  apiVersion: string;
  kind: string;
  metadata: { name: string; namespace?: string; generation?: number; resourceVersion?: string };
}

export interface KubeClient {
  /** The API server's URL, for messages. */
  readonly server: string;
  /** `GET /version`: proves the cluster answers and the credentials work. */
  version(): Promise<string>;
  readDeployment(namespace: string, name: string): Promise<Deployment | undefined>;
  listDeployments(namespace: string, query?: ListQuery): Promise<ListResult<Deployment>>;
  listReplicaSets(namespace: string, query?: ListQuery): Promise<ListResult<ReplicaSet>>;
  listPods(namespace: string, query?: ListQuery): Promise<ListResult<Pod>>;
  listServices(namespace: string): Promise<Service[]>;
  listEvents(namespace: string, fieldSelector: string): Promise<KubeEvent[]>;
  namespaceExists(name: string): Promise<boolean>;
  createNamespace(name: string): Promise<void>;
  /** A strategic merge patch (what `kubectl set image` sends) or a JSON patch (what `kubectl rollout undo` sends). */
  patchDeployment(namespace: string, name: string, patch: unknown, type: 'strategic' | 'json'): Promise<Deployment>;
  /** Server-side apply of one object, owned by this action's field manager; `dryRun` only validates it. */
  apply(object: Record<string, unknown>, options: { force: boolean; dryRun?: boolean }): Promise<AppliedObject>;
  podLog(namespace: string, pod: string, container: string | undefined, options: { previous: boolean; tailLines: number }): Promise<string>;
  /** GET through the API server's services proxy. Resolves with the status code for any HTTP answer. */
  serviceProxyGet(namespace: string, service: string, port: string, path: string): Promise<{ status: number; body: string }>;
  /** One watch request; `onDone` runs once when the stream ends (null for a clean end). */
  watch(
    path: string,
    query: Record<string, string | boolean | number | undefined>,
    onEvent: (type: WatchEventType, object: Record<string, any>) => void,
    onDone: (error: unknown) => void,
  ): Promise<WatchHandle>;
}

/** Converts the library's model objects (with Date fields) back to the API's JSON. */
function plain<T>(value: unknown): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

function statusOf(error: unknown): number | undefined {
  const code = (error as { code?: unknown; statusCode?: unknown } | null)?.code ?? (error as { statusCode?: unknown } | null)?.statusCode;
  return typeof code === 'number' ? code : undefined;
}

/** The API's Status body of a failed request, parsed when it came as text. */
function statusBody(error: unknown): { message?: string; reason?: string } | undefined {
  let body = (error as { body?: unknown } | null)?.body;
  if (typeof body === 'string') {
    const text = body;
    try {
      body = JSON.parse(text);
    } catch {
      return { message: text.trim().slice(0, 300) };
    }
  }
  return body && typeof body === 'object' ? (body as { message?: string; reason?: string }) : undefined;
}

/** A one-line description of a failed API call: the HTTP status and the API's message, or the network error. */
export function describeKubeError(error: unknown): string {
  const code = statusOf(error);
  if (code !== undefined) {
    const body = statusBody(error);
    const text = body?.message ?? (code === 401 ? 'Unauthorized: the credentials were refused' : code === 403 ? 'Forbidden' : '');
    return `HTTP ${code}${body?.reason ? ` ${body.reason}` : ''}${text ? `: ${text}` : ''}`;
  }
  const err = error as { message?: string; cause?: { code?: string; message?: string } } | null;
  if (err?.cause?.code || err?.cause?.message) return `${err.cause.code ?? ''}${err.cause.code && err.cause.message ? ': ' : ''}${err.cause.message ?? ''}`;
  return err?.message ?? String(error);
}

export function isNotFound(error: unknown): boolean {
  return statusOf(error) === 404;
}

export function httpStatusOf(error: unknown): number | undefined {
  return statusOf(error);
}

/** Connects to the cluster a kubeconfig (its current context) points at. */
export interface KubeClientOptions {
  /** A watch stream silent for this long is ended and resumed (client-node's default: 30 s). */
  watchIdleTimeoutMs?: number;
}

export async function createKubeClient(kubeconfig: string, options: KubeClientOptions = {}): Promise<KubeClient> {
  const k8s: typeof K8s = await import('@kubernetes/client-node');
  const kc = new k8s.KubeConfig();
  kc.loadFromString(kubeconfig);
  const cluster = kc.getCurrentCluster();
  if (!cluster) throw new Error('the kubeconfig has no current context with a cluster');
  const apps = kc.makeApiClient(k8s.AppsV1Api);
  const core = kc.makeApiClient(k8s.CoreV1Api);
  const objects = k8s.KubernetesObjectApi.makeApiClient(kc);
  const versionApi = kc.makeApiClient(k8s.VersionApi);
  const strategic = k8s.setHeaderOptions('Content-Type', k8s.PatchStrategy.StrategicMergePatch);
  const jsonPatch = k8s.setHeaderOptions('Content-Type', k8s.PatchStrategy.JsonPatch);

  return {
    server: cluster.server,
    async version() {
      const info = await versionApi.getCode();
      return info.gitVersion;
    },
    async readDeployment(namespace, name) {
      try {
        return plain<Deployment>(await apps.readNamespacedDeployment({ namespace, name }));
      } catch (error) {
        if (isNotFound(error)) return undefined;
        throw error;
      }
    },
    async listDeployments(namespace, query = {}) {
      const list = await apps.listNamespacedDeployment({ namespace, ...query });
      return { items: plain<Deployment[]>(list.items), resourceVersion: list.metadata?.resourceVersion ?? '' };
    },
    async listReplicaSets(namespace, query = {}) {
      const list = await apps.listNamespacedReplicaSet({ namespace, ...query });
      return { items: plain<ReplicaSet[]>(list.items), resourceVersion: list.metadata?.resourceVersion ?? '' };
    },
    async listPods(namespace, query = {}) {
      const list = await core.listNamespacedPod({ namespace, ...query });
      return { items: plain<Pod[]>(list.items), resourceVersion: list.metadata?.resourceVersion ?? '' };
    },
    async listServices(namespace) {
      return plain<Service[]>((await core.listNamespacedService({ namespace })).items);
    },
    async listEvents(namespace, fieldSelector) {
      return plain<KubeEvent[]>((await core.listNamespacedEvent({ namespace, fieldSelector })).items);
    },
    async namespaceExists(name) {
      try {
        await core.readNamespace({ name });
        return true;
      } catch (error) {
        if (isNotFound(error)) return false;
        throw error;
      }
    },
    async createNamespace(name) {
      await core.createNamespace({ body: { apiVersion: 'v1', kind: 'Namespace', metadata: { name } } }, undefined);
    },
    async patchDeployment(namespace, name, patch, type) {
      const result = await apps.patchNamespacedDeployment(
        { namespace, name, body: patch, fieldManager: FIELD_MANAGER },
        type === 'strategic' ? strategic : jsonPatch,
      );
      return plain<Deployment>(result);
    },
    async apply(object, options) {
      const result = await objects.patch(
        object as unknown as K8s.KubernetesObject,
        undefined,
        options.dryRun ? 'All' : undefined,
        FIELD_MANAGER,
        options.force,
        k8s.PatchStrategy.ServerSideApply,
      );
      return plain<AppliedObject>(result);
    },
    async podLog(namespace, pod, container, options) {
      return core.readNamespacedPodLog({ namespace, name: pod, container, previous: options.previous, tailLines: options.tailLines });
    },
    async serviceProxyGet(namespace, service, port, path) {
      const name = port ? `${service}:${port}` : service;
      try {
        const body = await core.connectGetNamespacedServiceProxyWithPath({ namespace, name, path: path.replace(/^\/+/, '') });
        return { status: 200, body: typeof body === 'string' ? body : JSON.stringify(body) };
      } catch (error) {
        const code = statusOf(error);
        if (code === undefined) throw error;
        const body = (error as { body?: unknown }).body;
        return { status: code, body: typeof body === 'string' ? body : body === undefined ? '' : JSON.stringify(body) };
      }
    },
    async watch(path, query, onEvent, onDone) {
      const watcher = new k8s.Watch(kc);
      // The library keeps this setting private; tests shorten it to see a quiet stream end.
      if (options.watchIdleTimeoutMs !== undefined) (watcher as unknown as { requestTimeoutMs: number }).requestTimeoutMs = options.watchIdleTimeoutMs;
      const controller = await watcher.watch(path, query, (type: string, object: Record<string, any>) => onEvent(type as WatchEventType, object), onDone);
      return { abort: () => controller.abort() };
    },
  };
}

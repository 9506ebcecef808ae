export const id = 934;
export const ids = [934];
export const modules = {

/***/ 31934:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   FIELD_MANAGER: () => (/* binding */ FIELD_MANAGER),
/* harmony export */   createKubeClient: () => (/* binding */ createKubeClient),
/* harmony export */   describeKubeError: () => (/* binding */ describeKubeError),
/* harmony export */   httpStatusOf: () => (/* binding */ httpStatusOf),
/* harmony export */   isNotFound: () => (/* binding */ isNotFound)
/* harmony export */ });
/**
 * The Kubernetes API as the rollout uses it, through @kubernetes/client-node. The library is
 * large (its generated models weigh about 19 MB once bundled), so it is imported only when a
 * cluster is contacted: the action has logged its first line by then.
 */
const FIELD_MANAGER = 'aura-gke-rollout';
/** Converts the library's model objects (with Date fields) back to the API's JSON. */
function plain(value) {
    return JSON.parse(JSON.stringify(value));
}
function statusOf(error) {
    const code = error?.code ?? error?.statusCode;
    return typeof code === 'number' ? code : undefined;
}
/** The API's Status body of a failed request, parsed when it came as text. */
function statusBody(error) {
    let body = error?.body;
    if (typeof body === 'string') {
        const text = body;
        try {
            body = JSON.parse(text);
        }
        catch {
            return { message: text.trim().slice(0, 300) };
        }
    }
    return body && typeof body === 'object' ? body : undefined;
}
/** A one-line description of a failed API call: the HTTP status and the API's message, or the network error. */
function describeKubeError(error) {
    const code = statusOf(error);
    if (code !== undefined) {
        const body = statusBody(error);
        const text = body?.message ?? (code === 401 ? 'Unauthorized: the credentials were refused' : code === 403 ? 'Forbidden' : '');
        return `HTTP ${code}${body?.reason ? ` ${body.reason}` : ''}${text ? `: ${text}` : ''}`;
    }
    const err = error;
    if (err?.cause?.code || err?.cause?.message)
        return `${err.cause.code ?? ''}${err.cause.code && err.cause.message ? ': ' : ''}${err.cause.message ?? ''}`;
    return err?.message ?? String(error);
}
function isNotFound(error) {
    return statusOf(error) === 404;
}
function httpStatusOf(error) {
    return statusOf(error);
}
async function createKubeClient(kubeconfig, options = {}) {
    const k8s = await Promise.all(/* import() */[__webpack_require__.e(830), __webpack_require__.e(433)]).then(__webpack_require__.bind(__webpack_require__, 14433));
    const kc = new k8s.KubeConfig();
    kc.loadFromString(kubeconfig);
    const cluster = kc.getCurrentCluster();
    if (!cluster)
        throw new Error('the kubeconfig has no current context with a cluster');
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
                return plain(await apps.readNamespacedDeployment({ namespace, name }));
            }
            catch (error) {
                if (isNotFound(error))
                    return undefined;
                throw error;
            }
        },
        async listDeployments(namespace, query = {}) {
            const list = await apps.listNamespacedDeployment({ namespace, ...query });
            return { items: plain(list.items), resourceVersion: list.metadata?.resourceVersion ?? '' };
        },
        async listReplicaSets(namespace, query = {}) {
            const list = await apps.listNamespacedReplicaSet({ namespace, ...query });
            return { items: plain(list.items), resourceVersion: list.metadata?.resourceVersion ?? '' };
        },
        async listPods(namespace, query = {}) {
            const list = await core.listNamespacedPod({ namespace, ...query });
            return { items: plain(list.items), resourceVersion: list.metadata?.resourceVersion ?? '' };
        },
        async listServices(namespace) {
            return plain((await core.listNamespacedService({ namespace })).items);
        },
        async listEvents(namespace, fieldSelector) {
            return plain((await core.listNamespacedEvent({ namespace, fieldSelector })).items);
        },
        async namespaceExists(name) {
            try {
                await core.readNamespace({ name });
                return true;
            }
            catch (error) {
                if (isNotFound(error))
                    return false;
                throw error;
            }
        },
        async createNamespace(name) {
            await core.createNamespace({ body: { apiVersion: 'v1', kind: 'Namespace', metadata: { name } } }, undefined);
        },
        async patchDeployment(namespace, name, patch, type) {
            const result = await apps.patchNamespacedDeployment({ namespace, name, body: patch, fieldManager: FIELD_MANAGER }, type === 'strategic' ? strategic : jsonPatch);
            return plain(result);
        },
        async apply(object, options) {
            const result = await objects.patch(object, undefined, options.dryRun ? 'All' : undefined, FIELD_MANAGER, options.force, k8s.PatchStrategy.ServerSideApply);
            return plain(result);
        },
        async podLog(namespace, pod, container, options) {
            return core.readNamespacedPodLog({ namespace, name: pod, container, previous: options.previous, tailLines: options.tailLines });
        },
        async serviceProxyGet(namespace, service, port, path) {
            const name = port ? `${service}:${port}` : service;
            try {
                const body = await core.connectGetNamespacedServiceProxyWithPath({ namespace, name, path: path.replace(/^\/+/, '') });
                return { status: 200, body: typeof body === 'string' ? body : JSON.stringify(body) };
            }
            catch (error) {
                const code = statusOf(error);
                if (code === undefined)
                    throw error;
                const body = error.body;
                return { status: code, body: typeof body === 'string' ? body : body === undefined ? '' : JSON.stringify(body) };
            }
        },
        async watch(path, query, onEvent, onDone) {
            const watcher = new k8s.Watch(kc);
            // The library keeps this setting private; tests shorten it to see a quiet stream end.
            if (options.watchIdleTimeoutMs !== undefined)
                watcher.requestTimeoutMs = options.watchIdleTimeoutMs;
            const controller = await watcher.watch(path, query, (type, object) => onEvent(type, object), onDone);
            return { abort: () => controller.abort() };
        },
    };
}


/***/ })

};

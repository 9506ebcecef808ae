export const id = 483;
export const ids = [483,934];
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


/***/ }),

/***/ 4483:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   applyManifests: () => (/* binding */ applyManifests),
/* harmony export */   describeObject: () => (/* binding */ describeObject),
/* harmony export */   manifestFiles: () => (/* binding */ manifestFiles),
/* harmony export */   parseManifestText: () => (/* binding */ parseManifestText),
/* harmony export */   prepareManifests: () => (/* binding */ prepareManifests),
/* harmony export */   readManifests: () => (/* binding */ readManifests)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(73024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var yaml__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(38815);
/* harmony import */ var _core_errors_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(74296);
/* harmony import */ var _client_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(31934);
/* harmony import */ var _types_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(96384);






/** Kinds with no namespace: they must not get the default namespace. */
const CLUSTER_SCOPED = new Set([
    'Namespace',
    'Node',
    'PersistentVolume',
    'StorageClass',
    'CustomResourceDefinition',
    'ClusterRole',
    'ClusterRoleBinding',
    'PriorityClass',
    'IngressClass',
    'RuntimeClass',
    'APIService',
    'ValidatingWebhookConfiguration',
    'MutatingWebhookConfiguration',
    'ValidatingAdmissionPolicy',
    'ValidatingAdmissionPolicyBinding',
    'CSIDriver',
    'VolumeSnapshotClass',
]);
/** Apply order, as kubectl users order their files: what others refer to first, workloads last. */
const ORDER = [
    'Namespace',
    'CustomResourceDefinition',
    'PriorityClass',
    'StorageClass',
    'ServiceAccount',
    'ClusterRole',
    'ClusterRoleBinding',
    'Role',
    'RoleBinding',
    'ConfigMap',
    'Secret',
    'PersistentVolumeClaim',
    'Service',
];
const WORKLOADS = ['Deployment', 'StatefulSet', 'DaemonSet', 'Job', 'CronJob'];
function rank(kind) {
    const index = ORDER.indexOf(kind);
    if (index >= 0)
        return index;
    return WORKLOADS.includes(kind) ? ORDER.length + 1 : ORDER.length;
}
function lineOf(text, offset) {
    let line = 1;
    for (let i = 0; i < offset && i < text.length; i++)
        if (text.charCodeAt(i) === 10)
            line++;
    return line;
}
function parseManifestText(text, file) {
    const objects = [];
    for (const document of (0,yaml__WEBPACK_IMPORTED_MODULE_2__/* .parseAllDocuments */ .hR)(text)) {
        if ('errors' in document && document.errors.length > 0) {
            const error = document.errors[0];
            throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .ConfigurationError */ .j1(`${file} is not valid YAML: ${error.message.split('\n')[0]}`, {
                file,
                line: lineOf(text, error.pos[0]),
            });
        }
        const value = document.toJS();
        const line = lineOf(text, document.contents?.range[0] ?? document.range[0]);
        if (value === null || value === undefined)
            continue;
        if (typeof value !== 'object' || Array.isArray(value)) {
            throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .ConfigurationError */ .j1(`${file}: a manifest must be a Kubernetes object (a mapping with apiVersion and kind)`, { file, line });
        }
        const object = value;
        const items = object.kind === 'List' || /List$/.test(String(object.kind ?? '')) ? (object.items ?? []) : [object];
        for (const item of items) {
            if (typeof item?.apiVersion !== 'string' || typeof item?.kind !== 'string' || typeof item?.metadata?.name !== 'string') {
                throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .ConfigurationError */ .j1(`${file}: every object needs apiVersion, kind and metadata.name`, { file, line });
            }
            objects.push({ object: item, file, line });
        }
    }
    return objects;
}
/** The files the `manifests` input names (paths or globs, relative to the repository root), in order. */
function manifestFiles(patterns, root) {
    const files = [];
    for (const pattern of patterns) {
        const full = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.isAbsolute)(pattern) ? pattern : (0,node_path__WEBPACK_IMPORTED_MODULE_1__.resolve)(root, pattern);
        let matched;
        if (/[*?[{]/.test(pattern)) {
            matched = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.globSync)(pattern, { cwd: root })
                .map((path) => (0,node_path__WEBPACK_IMPORTED_MODULE_1__.resolve)(root, path))
                .filter((path) => /\.(ya?ml|json)$/i.test(path) && (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.statSync)(path).isFile())
                .sort();
            if (matched.length === 0)
                throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .ConfigurationError */ .j1(`input 'manifests': '${pattern}' matches no .yaml, .yml or .json file under ${root}`);
        }
        else {
            let isDirectory = false;
            try {
                isDirectory = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.statSync)(full).isDirectory();
            }
            catch {
                throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .ConfigurationError */ .j1(`input 'manifests': ${(0,node_path__WEBPACK_IMPORTED_MODULE_1__.relative)(root, full) || full} does not exist (paths are relative to the repository root ${root})`);
            }
            matched = isDirectory
                ? (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.globSync)('**/*.{yaml,yml,json}', { cwd: full }).map((path) => (0,node_path__WEBPACK_IMPORTED_MODULE_1__.resolve)(full, path)).sort()
                : [full];
        }
        for (const file of matched)
            if (!files.includes(file))
                files.push(file);
    }
    return files;
}
function readManifests(patterns, root) {
    return manifestFiles(patterns, root).flatMap((path) => parseManifestText((0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readFileSync)(path, 'utf8'), (0,node_path__WEBPACK_IMPORTED_MODULE_1__.relative)(root, path) || path));
}
/**
 * Fills in the default namespace, writes each rolled-out image into its Deployment's container
 * and records the change-cause. Returns the objects in apply order; fails when a Deployment
 * named by a rollout lacks the container.
 */
function prepareManifests(objects, substitutions, defaultNamespace) {
    const prepared = objects.map((entry) => {
        const object = structuredClone(entry.object);
        if (!CLUSTER_SCOPED.has(object.kind) && !object.metadata.namespace)
            object.metadata.namespace = defaultNamespace;
        if (object.kind === 'Deployment' && String(object.apiVersion).startsWith('apps/')) {
            for (const substitution of substitutions) {
                if (object.metadata.name !== substitution.deployment || object.metadata.namespace !== substitution.namespace)
                    continue;
                const containers = object.spec?.template?.spec?.containers ?? [];
                const container = containers.find((c) => c.name === substitution.container);
                if (!container) {
                    throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .ConfigurationError */ .j1(`${entry.file}: Deployment ${substitution.deployment} has no container '${substitution.container}' (it has ${containers.map((c) => `'${c.name}'`).join(', ') || 'none'})`, { file: entry.file, line: entry.line });
                }
                container.image = substitution.image;
                if (substitution.changeCause) {
                    object.metadata.annotations = { ...(object.metadata.annotations ?? {}), [_types_js__WEBPACK_IMPORTED_MODULE_4__/* .CHANGE_CAUSE_ANNOTATION */ .vG]: substitution.changeCause };
                }
            }
        }
        return { ...entry, object };
    });
    return prepared
        .map((entry, index) => ({ entry, index }))
        .sort((a, b) => rank(a.entry.object.kind) - rank(b.entry.object.kind) || a.index - b.index)
        .map(({ entry }) => entry);
}
function describeObject(object) {
    return `${object.kind} ${object.metadata?.namespace ? `${object.metadata.namespace}/` : ''}${object.metadata?.name}`;
}
/**
 * Applies each object server-side. Every object is first sent as a dry run, so a manifest the
 * cluster refuses fails the step before anything has changed; a refused object is reported
 * with its file and line.
 */
async function applyManifests(client, objects, log, onFirstWrite = () => undefined) {
    const refused = (entry, error, when) => new _core_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .ConfigurationError */ .j1(`the cluster refused ${describeObject(entry.object)} from ${entry.file}${when}: ${(0,_client_js__WEBPACK_IMPORTED_MODULE_5__.describeKubeError)(error)}`, { file: entry.file, line: entry.line });
    for (const entry of objects) {
        // A namespace created by these manifests does not exist yet, so objects in it cannot be dry-run.
        const inNewNamespace = objects.some((other) => other.object.kind === 'Namespace' && other.object.metadata.name === entry.object.metadata?.namespace);
        if (inNewNamespace)
            continue;
        try {
            await client.apply(entry.object, { force: true, dryRun: true });
        }
        catch (error) {
            throw refused(entry, error, ' (dry run; nothing was applied)');
        }
    }
    const applied = [];
    for (const entry of objects) {
        try {
            if (applied.length === 0)
                onFirstWrite();
            const result = await client.apply(entry.object, { force: true });
            applied.push(result);
            log(`applied ${describeObject(entry.object)} (${entry.file}:${entry.line}) server-side`);
        }
        catch (error) {
            throw refused(entry, error, applied.length > 0 ? ` after ${applied.length} other object(s) were applied` : '');
        }
    }
    return applied;
}


/***/ }),

/***/ 96384:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   DT: () => (/* binding */ revisionOf),
/* harmony export */   NA: () => (/* binding */ MAX_REPLICAS_ANNOTATION),
/* harmony export */   R_: () => (/* binding */ REVISION_HISTORY_ANNOTATION),
/* harmony export */   XT: () => (/* binding */ DESIRED_REPLICAS_ANNOTATION),
/* harmony export */   de: () => (/* binding */ selectorMatches),
/* harmony export */   fb: () => (/* binding */ LAST_APPLIED_ANNOTATION),
/* harmony export */   jX: () => (/* binding */ POD_TEMPLATE_HASH_LABEL),
/* harmony export */   pY: () => (/* binding */ ROLLBACK_TO_ANNOTATION),
/* harmony export */   rI: () => (/* binding */ conditionOf),
/* harmony export */   vG: () => (/* binding */ CHANGE_CAUSE_ANNOTATION),
/* harmony export */   wB: () => (/* binding */ REVISION_ANNOTATION),
/* harmony export */   zD: () => (/* binding */ selectorString)
/* harmony export */ });
/**
 * The parts of Kubernetes objects a rollout reads, as JSON (what the API and watch streams
 * send). Timestamps are RFC 3339 strings.
 */
/** Annotations and labels the deployment controller and kubectl use. */
const REVISION_ANNOTATION = 'deployment.kubernetes.io/revision';
const REVISION_HISTORY_ANNOTATION = 'deployment.kubernetes.io/revision-history';
const DESIRED_REPLICAS_ANNOTATION = 'deployment.kubernetes.io/desired-replicas';
const MAX_REPLICAS_ANNOTATION = 'deployment.kubernetes.io/max-replicas';
const LAST_APPLIED_ANNOTATION = 'kubectl.kubernetes.io/last-applied-configuration';
const ROLLBACK_TO_ANNOTATION = 'deprecated.deployment.rollback.to';
const CHANGE_CAUSE_ANNOTATION = 'kubernetes.io/change-cause';
const POD_TEMPLATE_HASH_LABEL = 'pod-template-hash';
function revisionOf(object) {
    const value = Number(object?.metadata.annotations?.[REVISION_ANNOTATION] ?? '');
    return Number.isInteger(value) && value > 0 ? value : 0;
}
function conditionOf(conditions, type) {
    return conditions?.find((c) => c.type === type);
}
/** A label selector as the API's `labelSelector` query parameter writes it. */
function selectorString(selector) {
    const parts = [];
    for (const [key, value] of Object.entries(selector.matchLabels ?? {}))
        parts.push(`${key}=${value}`);
    for (const expression of selector.matchExpressions ?? []) {
        const values = (expression.values ?? []).join(',');
        switch (expression.operator) {
            case 'In':
                parts.push(`${expression.key} in (${values})`);
                break;
            case 'NotIn':
                parts.push(`${expression.key} notin (${values})`);
                break;
            case 'Exists':
                parts.push(expression.key);
                break;
            case 'DoesNotExist':
                parts.push(`!${expression.key}`);
                break;
            default:
                throw new Error(`unknown label selector operator ${expression.operator}`);
        }
    }
    return parts.join(',');
}
/** Whether `labels` satisfy every term of a Service's equality selector. */
function selectorMatches(selector, labels) {
    const entries = Object.entries(selector ?? {});
    return entries.length > 0 && entries.every(([key, value]) => labels?.[key] === value);
}


/***/ })

};

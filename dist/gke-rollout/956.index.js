export const id = 956;
export const ids = [956,483,934];
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

/***/ 14956:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  imagePatch: () => (/* binding */ imagePatch),
  runRelease: () => (/* binding */ runRelease)
});

// EXTERNAL MODULE: ./src/core/errors.ts
var errors = __webpack_require__(74296);
// EXTERNAL MODULE: ./src/kube/client.ts
var kube_client = __webpack_require__(31934);
// EXTERNAL MODULE: ./src/kube/types.ts
var types = __webpack_require__(96384);
;// CONCATENATED MODULE: ./src/kube/health.ts


/** The Service whose selector picks the Deployment's pods, and the port to probe (named `http`, else the first). */
function serviceFor(deployment, services) {
    const labels = deployment.spec.template.metadata?.labels;
    const matching = services.filter((s) => (0,types/* selectorMatches */.de)(s.spec?.selector, labels));
    const service = matching.find((s) => s.metadata.name === deployment.metadata.name) ?? matching[0];
    if (!service)
        return undefined;
    const ports = service.spec?.ports ?? [];
    const port = ports.find((p) => p.name === 'http') ?? ports[0];
    return { service, port: port ? (port.name ?? String(port.port)) : '' };
}
function proxyProbe(client, namespace, service, port, path) {
    return {
        description: `service ${service}${port ? `:${port}` : ''} ${path} (through the API server's services proxy)`,
        get: () => client.serviceProxyGet(namespace, service, port, path),
    };
}
function urlProbe(url, timeoutMs = 10_000) {
    return {
        description: url,
        async get() {
            const response = await fetch(url, { signal: AbortSignal.timeout(timeoutMs), redirect: 'follow' });
            return { status: response.status, body: await response.text() };
        },
    };
}
function oneLine(text) {
    const line = text.replace(/\s+/g, ' ').trim();
    return line.length > 160 ? `${line.slice(0, 157)}...` : line;
}
function sleep(ms, signal) {
    return new Promise((resolve) => {
        const timer = setTimeout(resolve, ms);
        signal?.addEventListener('abort', () => {
            clearTimeout(timer);
            resolve();
        });
    });
}
async function runHealthCheck(probe, options) {
    let successes = 0;
    let failures = 0;
    let attempts = 0;
    let detail = '';
    for (;;) {
        if (options.signal?.aborted)
            return { healthy: false, attempts, detail: 'stopped' };
        attempts++;
        let ok = false;
        try {
            const answer = await Promise.race([
                probe.get(),
                new Promise((_, reject) => setTimeout(() => reject(new Error(`no answer within ${(options.requestTimeoutMs ?? 10_000) / 1000} s`)), options.requestTimeoutMs ?? 10_000).unref()),
            ]);
            ok = answer.status >= 200 && answer.status < 400;
            detail = `HTTP ${answer.status}${answer.body ? `: ${oneLine(answer.body)}` : ''}`;
        }
        catch (error) {
            detail = (0,kube_client.describeKubeError)(error);
        }
        if (ok) {
            successes++;
            options.log(`health check ${probe.description}: ${detail} (${successes} of ${options.successThreshold} in a row)`);
            if (successes >= options.successThreshold)
                return { healthy: true, attempts, detail };
        }
        else {
            successes = 0;
            failures++;
            options.log(`health check ${probe.description}: ${detail} (failure ${failures} of at most ${options.retries + 1})`);
            if (failures > options.retries)
                return { healthy: false, attempts, detail };
        }
        await sleep(options.intervalMs, options.signal);
    }
}

// EXTERNAL MODULE: ./src/kube/image.ts
var kube_image = __webpack_require__(7308);
// EXTERNAL MODULE: ./src/kube/manifests.ts
var manifests = __webpack_require__(4483);
;// CONCATENATED MODULE: ./src/kube/rollback.ts

/**
 * `kubectl rollout undo`, computed: the ReplicaSet of the revision to return to (by default
 * the second-highest revision among the ReplicaSets the Deployment controls), its pod template
 * without the pod-template-hash label, and the Deployment's annotations with that
 * ReplicaSet's own (its change-cause included), sent as the same JSON patch kubectl sends.
 */
/** Annotations kubectl keeps from the Deployment rather than copying from the ReplicaSet. */
const ANNOTATIONS_TO_SKIP = new Set([
    types/* LAST_APPLIED_ANNOTATION */.fb,
    types/* REVISION_ANNOTATION */.wB,
    types/* REVISION_HISTORY_ANNOTATION */.R_,
    types/* DESIRED_REPLICAS_ANNOTATION */.XT,
    types/* MAX_REPLICAS_ANNOTATION */.NA,
    types/* ROLLBACK_TO_ANNOTATION */.pY,
]);
/** The ReplicaSets a Deployment controls (owner reference with controller: true and its uid). */
function controlledReplicaSets(deployment, replicaSets) {
    const uid = deployment.metadata.uid;
    return replicaSets.filter((rs) => (rs.metadata.ownerReferences ?? []).some((ref) => ref.controller && ref.uid === uid));
}
/** kubectl's choice for `rollout undo` without --to-revision: the second-highest revision. */
function previousRevision(replicaSets) {
    let latest = 0;
    let previous = 0;
    for (const rs of replicaSets) {
        const revision = (0,types/* revisionOf */.DT)(rs);
        if (revision > latest) {
            previous = latest;
            latest = revision;
        }
        else if (revision > previous && revision < latest) {
            previous = revision;
        }
    }
    return previous;
}
function withoutHash(template) {
    const copy = structuredClone(template);
    if (copy.metadata?.labels) {
        delete copy.metadata.labels[types/* POD_TEMPLATE_HASH_LABEL */.jX];
    }
    return copy;
}
/** Deep equality of JSON values, ignoring key order. */
function sameJson(a, b) {
    if (a === b)
        return true;
    if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null)
        return false;
    if (Array.isArray(a) !== Array.isArray(b))
        return false;
    if (Array.isArray(a) && Array.isArray(b))
        return a.length === b.length && a.every((item, i) => sameJson(item, b[i]));
    const ka = Object.keys(a).filter((k) => a[k] !== undefined);
    const kb = Object.keys(b).filter((k) => b[k] !== undefined);
    return ka.length === kb.length && ka.every((k) => sameJson(a[k], b[k]));
}
/** Whether two pod templates are the same once the pod-template-hash label is ignored. */
function sameTemplate(a, b) {
    return sameJson(withoutHash(a), withoutHash(b));
}
/**
 * Plans the undo of `deployment` to `toRevision` (0: the previous revision, as kubectl's
 * default). `replicaSets` are the ReplicaSets matching the Deployment's selector.
 */
function planUndo(deployment, replicaSets, toRevision = 0) {
    if (deployment.spec.paused) {
        return { kind: 'impossible', reason: `deployment ${deployment.metadata.name} is paused; a paused deployment cannot be rolled back` };
    }
    const owned = controlledReplicaSets(deployment, replicaSets);
    const kubectlDefaultRevision = previousRevision(owned);
    const revision = toRevision === 0 ? kubectlDefaultRevision : toRevision;
    if (revision === 0) {
        return { kind: 'impossible', reason: `deployment ${deployment.metadata.name} has no rollout history to return to` };
    }
    const replicaSet = owned.find((rs) => (0,types/* revisionOf */.DT)(rs) === revision);
    if (!replicaSet) {
        return {
            kind: 'impossible',
            reason: `revision ${revision} of deployment ${deployment.metadata.name} is gone (its ReplicaSet was removed; see revisionHistoryLimit)`,
        };
    }
    if (sameTemplate(replicaSet.spec.template, deployment.spec.template)) {
        return { kind: 'skipped', toRevision: revision, reason: `the current template already matches revision ${revision}` };
    }
    const template = withoutHash(replicaSet.spec.template);
    const annotations = {};
    for (const key of ANNOTATIONS_TO_SKIP) {
        const value = deployment.metadata.annotations?.[key];
        if (value !== undefined)
            annotations[key] = value;
    }
    for (const [key, value] of Object.entries(replicaSet.metadata.annotations ?? {})) {
        if (!ANNOTATIONS_TO_SKIP.has(key))
            annotations[key] = value;
    }
    return {
        kind: 'patch',
        toRevision: revision,
        kubectlDefaultRevision,
        replicaSet,
        template,
        annotations,
        patch: [
            { op: 'replace', path: '/spec/template', value: template },
            { op: 'replace', path: '/metadata/annotations', value: annotations },
        ],
    };
}

;// CONCATENATED MODULE: ./src/kube/pod-failures.ts

// Status codes only as whole words: pull messages quote image digests, whose hex may hold "403".
const IMAGE_PULL_FATAL = /not found|manifest unknown|NotFound|denied|unauthorized|forbidden|\b40[13]\b/i;
const ALWAYS_FATAL_WAITING = new Set([
    'CreateContainerConfigError',
    'CreateContainerError',
    'InvalidImageName',
    'ErrImageNeverPull',
    'ImageInspectError',
]);
function lastExit(status) {
    return status.state?.terminated ?? status.lastState?.terminated;
}
function describeExit(exit) {
    if (!exit)
        return '';
    const parts = [exit.exitCode !== undefined ? `exit code ${exit.exitCode}` : '', exit.reason ?? ''].filter(Boolean);
    return parts.length > 0 ? ` (last exit: ${parts.join(', ')})` : '';
}
/** The failure of one container, if it is in a state that will not recover. */
function containerFailure(podName, status, options) {
    const waiting = status.state?.waiting;
    const restarts = status.restartCount ?? 0;
    const base = { pod: podName, container: status.name, restarts };
    if (waiting?.reason && ALWAYS_FATAL_WAITING.has(waiting.reason)) {
        return { ...base, reason: waiting.reason, message: waiting.message ?? waiting.reason, previousLogs: false };
    }
    if (waiting?.reason === 'ImagePullBackOff') {
        return { ...base, reason: 'ImagePullBackOff', message: waiting.message ?? 'the image could not be pulled', previousLogs: false };
    }
    if (waiting?.reason === 'ErrImagePull' && IMAGE_PULL_FATAL.test(waiting.message ?? '')) {
        return { ...base, reason: 'ErrImagePull', message: waiting.message ?? 'the image could not be pulled', previousLogs: false };
    }
    // Crash-looping: the container is down again (crashed, or backing off before its next
    // start) after it has been restarted `maxRestarts` times. A running container is given its chance.
    const exit = lastExit(status);
    const down = waiting?.reason === 'CrashLoopBackOff' || status.state?.terminated !== undefined;
    const crashed = exit !== undefined && (exit.exitCode !== 0 || exit.reason === 'OOMKilled');
    if (down && crashed && restarts >= options.maxRestarts) {
        const reason = exit.reason === 'OOMKilled' ? 'OOMKilled' : 'CrashLoopBackOff';
        const message = `container ${status.name} crashed after ${restarts} restart${restarts === 1 ? '' : 's'}${describeExit(exit)}` +
            (waiting?.message ? `; ${waiting.message}` : '');
        return { ...base, reason, message, previousLogs: status.state?.terminated === undefined };
    }
    return undefined;
}
/**
 * Watches the new pods for fatal states. Unschedulable pods are tolerated for a grace period,
 * counted from when this tracker first saw them unschedulable (the cluster may be scaling up).
 */
class FailFastTracker {
    options;
    unschedulableSince = new Map();
    constructor(options) {
        this.options = options;
    }
    check(pods, now) {
        const seen = new Set();
        for (const pod of pods) {
            if (pod.metadata.deletionTimestamp)
                continue;
            const name = pod.metadata.name;
            for (const status of [...(pod.status?.initContainerStatuses ?? []), ...(pod.status?.containerStatuses ?? [])]) {
                const failure = containerFailure(name, status, this.options);
                if (failure)
                    return failure;
            }
            const scheduled = (0,types/* conditionOf */.rI)(pod.status?.conditions, 'PodScheduled');
            if (scheduled?.status === 'False' && scheduled.reason === 'Unschedulable') {
                seen.add(name);
                const since = this.unschedulableSince.get(name) ?? now;
                this.unschedulableSince.set(name, since);
                if (now - since >= this.options.unschedulableGraceMs) {
                    return {
                        pod: name,
                        reason: 'Unschedulable',
                        message: `unschedulable for ${Math.round((now - since) / 1000)} s: ${scheduled.message ?? 'no node fits the pod'}`,
                        previousLogs: false,
                    };
                }
            }
        }
        for (const name of [...this.unschedulableSince.keys()])
            if (!seen.has(name))
                this.unschedulableSince.delete(name);
        return undefined;
    }
    /** When the earliest unschedulable pod will have used up its grace (for a timer), or undefined. */
    nextDeadline() {
        const starts = [...this.unschedulableSince.values()];
        return starts.length > 0 ? Math.min(...starts) + this.options.unschedulableGraceMs : undefined;
    }
}
/** A short description of a pod's state, as `kubectl get pods` would show it. */
function podStateText(pod) {
    if (pod.metadata.deletionTimestamp)
        return 'Terminating';
    const statuses = pod.status?.containerStatuses ?? [];
    const scheduled = (0,types/* conditionOf */.rI)(pod.status?.conditions, 'PodScheduled');
    if (scheduled?.status === 'False')
        return `Pending (${scheduled.reason ?? 'not scheduled'})`;
    const restarts = statuses.reduce((sum, s) => sum + (s.restartCount ?? 0), 0);
    const suffix = restarts > 0 ? `, ${restarts} restart${restarts === 1 ? '' : 's'}` : '';
    for (const status of statuses) {
        const waiting = status.state?.waiting?.reason;
        if (waiting)
            return `${waiting}${suffix}`;
        const terminated = status.state?.terminated?.reason;
        if (terminated)
            return `${terminated}${suffix}`;
    }
    if (statuses.length > 0 && statuses.every((s) => s.ready))
        return `Running, ready${suffix}`;
    if (pod.status?.phase === 'Running')
        return `Running, not ready${suffix}`;
    return pod.status?.phase === 'Pending' || !pod.status?.phase ? 'ContainerCreating' : pod.status.phase;
}

;// CONCATENATED MODULE: ./src/kube/rollout-status.ts

const PROGRESS_DEADLINE_EXCEEDED = 'ProgressDeadlineExceeded';
function rolloutState(deployment) {
    const name = deployment.metadata.name;
    const status = deployment.status ?? {};
    const generation = deployment.metadata.generation ?? 0;
    if ((status.observedGeneration ?? 0) < generation) {
        return { phase: 'waiting', message: 'waiting for the deployment controller to observe the new spec' };
    }
    const progressing = (0,types/* conditionOf */.rI)(status.conditions, 'Progressing');
    if (progressing?.reason === PROGRESS_DEADLINE_EXCEEDED) {
        return {
            phase: 'deadline-exceeded',
            message: `deployment "${name}" exceeded its progress deadline${progressing.message ? ` (${progressing.message})` : ''}`,
        };
    }
    const desired = deployment.spec.replicas ?? 1;
    const updated = status.updatedReplicas ?? 0;
    const replicas = status.replicas ?? 0;
    const available = status.availableReplicas ?? 0;
    if (updated < desired) {
        return { phase: 'waiting', message: `${updated} of ${desired} new replicas updated` };
    }
    if (replicas > updated) {
        return { phase: 'waiting', message: `${replicas - updated} old replicas pending termination` };
    }
    if (available < updated) {
        return { phase: 'waiting', message: `${available} of ${updated} updated replicas available` };
    }
    return { phase: 'complete', message: `deployment "${name}" successfully rolled out` };
}
/** One line of progress: updated/ready/available of desired. */
function progressLine(deployment) {
    const status = deployment.status ?? {};
    const desired = deployment.spec.replicas ?? 1;
    return (`${status.updatedReplicas ?? 0}/${desired} updated, ${status.readyReplicas ?? 0}/${desired} ready, ` +
        `${status.availableReplicas ?? 0}/${desired} available` +
        ((status.replicas ?? 0) > (status.updatedReplicas ?? 0) ? `, ${(status.replicas ?? 0) - (status.updatedReplicas ?? 0)} old` : ''));
}

;// CONCATENATED MODULE: ./src/kube/watch.ts

const MAX_RETRY_DELAY_MS = 2000;
function isIdleTimeout(error) {
    return error?.name === 'TimeoutError';
}
class ResourceWatch {
    client;
    options;
    objects = new Map();
    stats = { drops: 0, relists: 0 };
    resourceVersion = '';
    handle;
    stopped = false;
    gone = false;
    failingSince;
    retryDelay = 100;
    retryTimer;
    constructor(client, options) {
        this.client = client;
        this.options = options;
    }
    /** Lists, then watches from the list's resourceVersion. Rejects when the first list fails. */
    async start() {
        await this.relist();
        await this.connect();
    }
    stop() {
        this.stopped = true;
        if (this.retryTimer)
            clearTimeout(this.retryTimer);
        this.handle?.abort();
    }
    async relist() {
        const list = await this.options.list(this.options.query);
        this.objects.clear();
        for (const item of list.items)
            this.objects.set(item.metadata.name, item);
        this.resourceVersion = list.resourceVersion;
        this.options.onChange();
    }
    async connect() {
        if (this.stopped)
            return;
        this.gone = false;
        const query = {
            ...this.options.query,
            resourceVersion: this.resourceVersion,
            allowWatchBookmarks: true,
            timeoutSeconds: 300,
        };
        this.handle = await this.client.watch(this.options.path, query, (type, object) => this.onEvent(type, object), (error) => this.onDone(error));
        if (this.stopped)
            this.handle.abort();
    }
    onEvent(type, object) {
        if (this.stopped)
            return;
        this.failingSince = undefined;
        this.retryDelay = 100;
        if (type === 'ERROR') {
            if (object?.code === 410)
                this.gone = true;
            else
                this.options.log(`watch of ${this.options.description}: the API sent an error: ${object?.message ?? JSON.stringify(object)}`);
            return;
        }
        const version = object?.metadata?.resourceVersion;
        if (typeof version === 'string' && version !== '')
            this.resourceVersion = version;
        if (type === 'BOOKMARK')
            return;
        const item = object;
        if (type === 'DELETED')
            this.objects.delete(item.metadata.name);
        else
            this.objects.set(item.metadata.name, item);
        this.options.onChange();
    }
    onDone(error) {
        if (this.stopped)
            return;
        this.handle = undefined;
        const status = (0,kube_client.httpStatusOf)(error);
        if (this.gone || status === 410) {
            this.stats.relists++;
            this.options.log(`watch of ${this.options.description}: resourceVersion ${this.resourceVersion} is too old (410 Gone); listing again`);
            this.schedule(0, async () => {
                await this.relist();
                await this.connect();
            });
            return;
        }
        if (status === 401 || status === 403) {
            this.options.onFatal(`not allowed to watch ${this.options.description}: ${(0,kube_client.describeKubeError)(error)} (the credentials need list and watch on it)`);
            return;
        }
        if (isIdleTimeout(error)) {
            // The client ends a stream that has been silent for a while (no change, no bookmark): a
            // quiet rollout, not a failure. Reconnect from where it was.
            this.schedule(0, () => this.connect());
            return;
        }
        this.stats.drops++;
        const why = error ? (0,kube_client.describeKubeError)(error) : 'the server closed the stream';
        this.options.log(`watch of ${this.options.description} ended (${why}); resuming from resourceVersion ${this.resourceVersion}`);
        if (error)
            this.failingSince ??= Date.now();
        if (this.failingSince !== undefined && Date.now() - this.failingSince > (this.options.giveUpAfterMs ?? 60_000)) {
            this.options.onFatal(`cannot watch ${this.options.description}: ${why}`);
            return;
        }
        this.schedule(this.retryDelay, () => this.connect());
        this.retryDelay = Math.min(this.retryDelay * 2, MAX_RETRY_DELAY_MS);
    }
    schedule(delayMs, action) {
        this.retryTimer = setTimeout(() => {
            this.retryTimer = undefined;
            if (this.stopped)
                return;
            action().catch((error) => {
                if (this.stopped)
                    return;
                this.failingSince ??= Date.now();
                if (Date.now() - this.failingSince > (this.options.giveUpAfterMs ?? 60_000)) {
                    this.options.onFatal(`cannot watch ${this.options.description}: ${(0,kube_client.describeKubeError)(error)}`);
                    return;
                }
                this.options.log(`watch of ${this.options.description}: reconnecting failed (${(0,kube_client.describeKubeError)(error)}); retrying`);
                this.schedule(this.retryDelay, () => (this.gone ? this.relist().then(() => this.connect()) : this.connect()));
                this.retryDelay = Math.min(this.retryDelay * 2, MAX_RETRY_DELAY_MS);
            });
        }, delayMs);
    }
}

;// CONCATENATED MODULE: ./src/kube/rollout.ts





function sumStats(a, b) {
    return { drops: a.drops + b.drops, relists: a.relists + b.relists };
}
function ownedBy(object, uid) {
    return uid === undefined || (object.metadata.ownerReferences ?? []).some((ref) => ref.uid === uid);
}
/** The container logs of a failing pod, or why they could not be read (never fatal). */
async function failureLogs(client, namespace, failure, lines) {
    if (!failure.container || lines <= 0)
        return undefined;
    try {
        const text = await Promise.race([
            client.podLog(namespace, failure.pod, failure.container, { previous: failure.previousLogs, tailLines: lines }),
            new Promise((_, reject) => setTimeout(() => reject(new Error('no answer within 5 s')), 5000).unref()),
        ]);
        return text.trimEnd() || undefined;
    }
    catch (error) {
        return `(could not read the logs: ${(0,kube_client.describeKubeError)(error)})`;
    }
}
function watchRollout(options) {
    const { client, namespace, name } = options;
    return new Promise((resolve) => {
        let finished = false;
        let evaluating = false;
        let again = false;
        let lastProgress = '';
        let firstReadyReported = false;
        let newReplicaSet;
        let replicaSetRevision = -1;
        const tracker = new FailFastTracker(options.failFast);
        const deadline = Date.now() + options.timeoutMs;
        const deploymentWatch = new ResourceWatch(client, {
            path: `/apis/apps/v1/namespaces/${namespace}/deployments`,
            query: { fieldSelector: `metadata.name=${name}` },
            list: (query) => client.listDeployments(namespace, query),
            onChange: () => schedule(),
            onFatal: (message) => fail({ reason: 'WatchFailed', message }),
            log: options.log,
            description: `deployment ${name}`,
        });
        let podWatch;
        const stats = () => sumStats(deploymentWatch.stats, podWatch?.stats ?? { drops: 0, relists: 0 });
        const finish = (outcome) => {
            if (finished)
                return;
            finished = true;
            clearInterval(ticker);
            options.signal?.removeEventListener('abort', onAbort);
            deploymentWatch.stop();
            podWatch?.stop();
            resolve(outcome);
        };
        const currentDeployment = () => deploymentWatch.objects.get(name);
        const fail = (failure) => finish({ result: 'failed', failure, deployment: currentDeployment(), newReplicaSet, stats: stats() });
        const onAbort = () => finish({ result: 'aborted', deployment: currentDeployment(), stats: stats() });
        const ticker = setInterval(() => schedule(), options.tickMs ?? 1000);
        ticker.unref();
        if (options.signal?.aborted) {
            onAbort();
            return;
        }
        options.signal?.addEventListener('abort', onAbort);
        function schedule() {
            if (finished)
                return;
            if (evaluating) {
                again = true;
                return;
            }
            evaluating = true;
            evaluate()
                .catch((error) => fail({ reason: 'ApiError', message: `reading the rollout's state failed: ${(0,kube_client.describeKubeError)(error)}` }))
                .finally(() => {
                evaluating = false;
                if (again && !finished) {
                    again = false;
                    schedule();
                }
            });
        }
        async function findNewReplicaSet(deployment) {
            const revision = (0,types/* revisionOf */.DT)(deployment);
            if (revision === replicaSetRevision && newReplicaSet)
                return newReplicaSet;
            const list = await client.listReplicaSets(namespace, { labelSelector: (0,types/* selectorString */.zD)(deployment.spec.selector) });
            const found = list.items.find((rs) => ownedBy(rs, deployment.metadata.uid) && (0,types/* revisionOf */.DT)(rs) === revision);
            if (found) {
                newReplicaSet = found;
                replicaSetRevision = revision;
            }
            return found;
        }
        async function evaluate() {
            const deployment = currentDeployment();
            if (!deployment) {
                if (deploymentWatch.objects.size === 0 && podWatch)
                    fail({ reason: 'Deleted', message: `deployment ${name} was deleted during the rollout` });
                return;
            }
            const state = rolloutState(deployment);
            const observed = (deployment.status?.observedGeneration ?? 0) >= (deployment.metadata.generation ?? 0);
            const rs = observed ? await findNewReplicaSet(deployment) : undefined;
            const hash = rs?.metadata.labels?.[types/* POD_TEMPLATE_HASH_LABEL */.jX];
            const newPods = hash && podWatch
                ? [...podWatch.objects.values()].filter((pod) => pod.metadata.labels?.[types/* POD_TEMPLATE_HASH_LABEL */.jX] === hash && ownedBy(pod, rs?.metadata.uid))
                : [];
            if (finished)
                return;
            const podFailure = tracker.check(newPods, Date.now());
            if (podFailure) {
                const logs = await failureLogs(client, namespace, podFailure, options.logLines);
                fail({ reason: podFailure.reason, message: podFailure.message, pod: podFailure.pod, container: podFailure.container, logs });
                return;
            }
            if (!firstReadyReported) {
                const ready = newPods.find((pod) => (pod.status?.conditions ?? []).some((c) => c.type === 'Ready' && c.status === 'True'));
                if (ready) {
                    firstReadyReported = true;
                    options.onFirstPodReady?.(ready.metadata.name);
                }
            }
            const pods = newPods
                .slice()
                .sort((a, b) => a.metadata.name.localeCompare(b.metadata.name))
                .map((pod) => `${pod.metadata.name} ${podStateText(pod)}`);
            const progress = `${progressLine(deployment)}${state.phase === 'waiting' ? ` (${state.message})` : ''}` +
                (pods.length > 0 ? `; new pods: ${pods.join(', ')}` : '');
            if (progress !== lastProgress) {
                lastProgress = progress;
                options.log(progress);
            }
            if (state.phase === 'deadline-exceeded') {
                fail({ reason: 'ProgressDeadlineExceeded', message: state.message });
                return;
            }
            if (state.phase === 'complete') {
                finish({ result: 'complete', deployment, newReplicaSet: rs, stats: stats() });
                return;
            }
            if (Date.now() >= deadline) {
                fail({
                    reason: 'Timeout',
                    message: `not rolled out after ${Math.round(options.timeoutMs / 1000)} s: ${state.message}`,
                });
            }
        }
        (async () => {
            await deploymentWatch.start();
            const deployment = currentDeployment();
            if (!deployment) {
                fail({ reason: 'NotFound', message: `deployment ${name} does not exist in namespace ${namespace}` });
                return;
            }
            podWatch = new ResourceWatch(client, {
                path: `/api/v1/namespaces/${namespace}/pods`,
                query: { labelSelector: (0,types/* selectorString */.zD)(deployment.spec.selector) },
                list: (query) => client.listPods(namespace, query),
                onChange: () => schedule(),
                onFatal: (message) => fail({ reason: 'WatchFailed', message }),
                log: options.log,
                description: `pods of ${name}`,
            });
            if (finished)
                return;
            await podWatch.start();
            if (finished)
                podWatch.stop();
        })().catch((error) => {
            // Without a watch the rollout cannot be followed: a failure like any other, so what was
            // changed is rolled back rather than left unwatched.
            fail({ reason: 'WatchFailed', message: `cannot watch the rollout: ${(0,kube_client.describeKubeError)(error)}` });
        });
    });
}

;// CONCATENATED MODULE: ./src/kube/release.ts









function containerImage(template, container) {
    return template?.spec?.containers.find((c) => c.name === container)?.image;
}
function addStats(a, b) {
    return { drops: a.drops + b.drops, relists: a.relists + b.relists };
}
function imagePatch(container, image, changeCause) {
    return {
        metadata: { annotations: { [types/* CHANGE_CAUSE_ANNOTATION */.vG]: changeCause } },
        spec: { template: { spec: { containers: [{ name: container, image }] } } },
    };
}
async function runRelease(options) {
    const now = options.now ?? Date.now;
    const { client } = options;
    const timeline = [];
    const mark = (event, detail, target) => {
        timeline.push({ at: now(), event, target, detail });
    };
    const startedAt = now();
    mark('started', `${options.targets.length} deployment${options.targets.length === 1 ? '' : 's'}`);
    const logFor = (target) => (message) => options.log(`[${target.label}] ${message}`);
    // 1. Everything is checked before anything changes.
    const states = [];
    const manifestDeployments = new Set(options.manifests
        .filter((m) => m.object.kind === 'Deployment')
        .map((m) => `${m.object.metadata.namespace ?? options.defaultNamespace}/${m.object.metadata.name}`));
    const namespaces = new Set([
        ...options.targets.map((t) => t.namespace),
        ...options.manifests.map((m) => m.object.metadata.namespace).filter((ns) => typeof ns === 'string'),
    ]);
    const createdByManifests = new Set(options.manifests.filter((m) => m.object.kind === 'Namespace').map((m) => m.object.metadata.name));
    for (const namespace of namespaces) {
        if (createdByManifests.has(namespace) || (await client.namespaceExists(namespace)))
            continue;
        if (!options.createNamespace) {
            throw new errors/* ConfigurationError */.j1(`namespace '${namespace}' does not exist on ${client.server}; create it, add a Namespace to 'manifests', or set create-namespace: true`);
        }
        await client.createNamespace(namespace);
        options.log(`created namespace ${namespace} (create-namespace: true)`);
    }
    for (const target of options.targets) {
        const before = await client.readDeployment(target.namespace, target.deployment);
        if (!before && !manifestDeployments.has(`${target.namespace}/${target.deployment}`)) {
            throw new errors/* ConfigurationError */.j1(`deployment '${target.deployment}' does not exist in namespace '${target.namespace}'` +
                `${target.service ? ` (service '${target.service}')` : ''}; create it first or give its manifest in input 'manifests'`);
        }
        if (before) {
            const containers = before.spec.template.spec?.containers ?? [];
            if (!containers.some((c) => c.name === target.container)) {
                throw new errors/* ConfigurationError */.j1(`deployment '${target.deployment}' has no container '${target.container}'; its containers: ${containers.map((c) => c.name).join(', ')}` +
                    (target.service ? ` (set deploy.container of service '${target.service}' in the catalog)` : " (set input 'container')"));
            }
            if (before.spec.paused) {
                throw new errors/* ConfigurationError */.j1(`deployment '${target.deployment}' is paused: it would not roll out; resume it (kubectl rollout resume deployment/${target.deployment} -n ${target.namespace})`);
            }
        }
        states.push({
            target,
            before,
            beforeImage: containerImage(before?.spec.template, target.container),
            changed: false,
            created: !before,
            watch: { drops: 0, relists: 0 },
        });
    }
    const stopAll = new AbortController();
    let firstFailure;
    const recordFailure = (state, failure) => {
        state.failure = failure;
        if (firstFailure)
            return;
        firstFailure = { state, failure };
        mark('failure-detected', `${failure.reason}: ${failure.message}`, state.target.label);
        const where = [failure.pod && `pod ${failure.pod}`, failure.container && `container ${failure.container}`].filter(Boolean).join(', ');
        options.error(`${state.target.label}: ${failure.reason}${where ? ` (${where})` : ''}: ${failure.message}` +
            (failure.logs ? `\nlast log lines:\n${failure.logs}` : ''));
        stopAll.abort();
    };
    let changeStarted = false;
    /** Whether the template now differs from before this run (after a partial change). */
    async function noteTemplateChange(state) {
        if (state.changed)
            return;
        const now = await client.readDeployment(state.target.namespace, state.target.deployment).catch(() => undefined);
        if (!now)
            return;
        if (!state.before)
            state.changed = true;
        else if (!sameTemplate(state.before.spec.template, now.spec.template))
            state.changed = true;
    }
    async function setImage(state) {
        const { target } = state;
        const log = logFor(target);
        const current = await client.readDeployment(target.namespace, target.deployment);
        if (!current)
            throw new Error(`deployment ${target.deployment} vanished after the manifests were applied`);
        const running = containerImage(current.spec.template, target.container);
        if (!(0,kube_image/* sameImage */.G4)(running, target.image)) {
            changeStarted = true;
            const patched = await client.patchDeployment(target.namespace, target.deployment, imagePatch(target.container, target.image, options.changeCause(target)), 'strategic');
            log(`set image ${target.container}=${target.image} (was ${running ?? 'none'}), generation ${patched.metadata.generation}`);
            mark('image-set', `${target.container}: ${running ?? 'none'} → ${target.image}`, target.label);
            state.changed = true;
        }
        else if (state.before && !sameTemplate(state.before.spec.template, current.spec.template)) {
            log(`the manifests changed the pod template (image ${target.image})`);
            mark('image-set', `${target.container}: ${state.beforeImage ?? 'none'} → ${target.image} (from the manifests)`, target.label);
            state.changed = true;
        }
        else if (state.created) {
            log(`created by the manifests with image ${target.image}`);
            mark('image-set', `created with ${target.image}`, target.label);
            state.changed = true;
        }
        else {
            log(`already runs ${target.image}: no new revision; verifying the running rollout instead`);
            mark('unchanged', `already runs ${target.image} (revision ${(0,types/* revisionOf */.DT)(current)})`, target.label);
        }
    }
    // 2. Manifests, with the new images written in, then the images of the Deployments they do not
    // describe. A change the cluster refuses half-way is a failure like a failed rollout: what was
    // changed already is rolled back.
    try {
        if (options.manifests.length > 0) {
            const prepared = (0,manifests.prepareManifests)(options.manifests, states.map((s) => ({
                namespace: s.target.namespace,
                deployment: s.target.deployment,
                container: s.target.container,
                image: s.target.image,
                changeCause: (0,kube_image/* sameImage */.G4)(s.beforeImage, s.target.image) ? undefined : options.changeCause(s.target),
            })), options.defaultNamespace);
            const applied = await (0,manifests.applyManifests)(client, prepared, options.log, () => {
                changeStarted = true;
            });
            mark('manifests-applied', `${applied.length} object${applied.length === 1 ? '' : 's'} applied server-side`);
        }
        for (const state of states)
            await setImage(state);
    }
    catch (error) {
        // Nothing changed yet: the error stands on its own (a refused manifest, a missing container).
        if (!changeStarted)
            throw error;
        for (const state of states)
            await noteTemplateChange(state);
        const failed = states.find((s) => !s.changed) ?? states[states.length - 1];
        recordFailure(failed, {
            reason: 'ChangeFailed',
            message: error instanceof errors/* ConfigurationError */.j1 ? error.message : `the cluster refused the change: ${(0,kube_client.describeKubeError)(error)}`,
        });
    }
    // 3. Watch every rollout; the first failure stops the others.
    await Promise.all(states.map(async (state) => {
        const { target } = state;
        if (firstFailure)
            return;
        const outcome = await watchRollout({
            client,
            namespace: target.namespace,
            name: target.deployment,
            failFast: options.failFast,
            timeoutMs: options.timeoutMs,
            logLines: options.logLines,
            log: logFor(target),
            signal: stopAll.signal,
            onFirstPodReady: (pod) => mark('first-pod-ready', `pod ${pod} ready`, target.label),
        });
        state.outcome = outcome;
        state.watch = addStats(state.watch, outcome.stats);
        if (outcome.result === 'complete') {
            mark('rolled-out', `revision ${(0,types/* revisionOf */.DT)(outcome.deployment)} available`, target.label);
        }
        else if (outcome.result === 'failed') {
            recordFailure(state, outcome.failure);
        }
    }));
    // 4. Health checks, once every rollout is complete.
    if (!firstFailure) {
        await Promise.all(states.map(async (state) => {
            const { target } = state;
            if (!target.healthPath || state.outcome?.result !== 'complete')
                return;
            let services;
            try {
                services = await client.listServices(target.namespace);
            }
            catch (error) {
                recordFailure(state, { reason: 'HealthCheckFailed', message: `cannot list the Services of namespace ${target.namespace}: ${(0,kube_client.describeKubeError)(error)}` });
                return;
            }
            const found = serviceFor(state.outcome.deployment, services);
            if (!found) {
                recordFailure(state, {
                    reason: 'HealthCheckFailed',
                    message: `no Service in namespace ${target.namespace} selects the pods of ${target.deployment} (${(0,types/* selectorString */.zD)(state.outcome.deployment.spec.selector)}), so ${target.healthPath} cannot be probed through the services proxy; add a Service or use health-url`,
                });
                return;
            }
            const probe = proxyProbe(client, target.namespace, found.service.metadata.name, found.port, target.healthPath);
            const result = await runHealthCheck(probe, { ...options.health, log: logFor(target), signal: stopAll.signal });
            state.health = { ...result, probe: probe.description };
            if (result.healthy)
                mark('healthy', `${probe.description}: ${result.detail}`, target.label);
            else if (!stopAll.signal.aborted) {
                recordFailure(state, {
                    reason: 'HealthCheckFailed',
                    message: `${probe.description} failed after ${result.attempts} attempts: ${result.detail}`,
                });
            }
        }));
        if (!firstFailure && options.health.url && states.length > 0) {
            const probe = urlProbe(options.health.url);
            const result = await runHealthCheck(probe, { ...options.health, log: options.log });
            const last = states[states.length - 1];
            last.health = { ...result, probe: probe.description };
            if (result.healthy)
                mark('healthy', `${probe.description}: ${result.detail}`);
            else {
                recordFailure(last, {
                    reason: 'HealthCheckFailed',
                    message: `${probe.description} failed after ${result.attempts} attempts: ${result.detail}`,
                });
            }
        }
    }
    // 5. On failure, every Deployment this run changed goes back to the revision it ran before.
    let rollbackFailed = false;
    if (firstFailure && options.rollback) {
        await Promise.all(states.map(async (state) => {
            const { target } = state;
            const log = logFor(target);
            if (!state.changed) {
                state.rollback = { result: 'not-needed', message: 'this run did not change it' };
                return;
            }
            if (state.created || !state.before) {
                // Nothing ran before: no mix of versions to fear, but the new Deployment stays as it is.
                state.rollback = {
                    result: 'impossible',
                    message: 'this run created it, so there is no earlier revision to return to',
                };
                return;
            }
            const beforeRevision = (0,types/* revisionOf */.DT)(state.before);
            try {
                const deployment = await client.readDeployment(target.namespace, target.deployment);
                if (!deployment)
                    throw new Error('the deployment is gone');
                const replicaSets = await client.listReplicaSets(target.namespace, { labelSelector: (0,types/* selectorString */.zD)(deployment.spec.selector) });
                const plan = planUndo(deployment, replicaSets.items, beforeRevision);
                if (plan.kind === 'impossible') {
                    state.rollback = { result: 'impossible', toRevision: beforeRevision, message: plan.reason };
                    rollbackFailed = true;
                    mark('rollback-failed', plan.reason, target.label);
                    return;
                }
                if (plan.kind === 'patch') {
                    if (plan.kubectlDefaultRevision !== plan.toRevision) {
                        log(`kubectl rollout undo would pick revision ${plan.kubectlDefaultRevision}; returning to revision ${plan.toRevision}, which ran before this run`);
                    }
                    mark('rollback-started', `to revision ${plan.toRevision} (${containerImage(plan.template, target.container) ?? '?'})`, target.label);
                    log(`rolling back to revision ${plan.toRevision} (ReplicaSet ${plan.replicaSet.metadata.name}, image ${containerImage(plan.template, target.container)})`);
                    await client.patchDeployment(target.namespace, target.deployment, plan.patch, 'json');
                }
                else {
                    mark('rollback-started', `revision ${plan.toRevision}: ${plan.reason}`, target.label);
                }
                const outcome = await watchRollout({
                    client,
                    namespace: target.namespace,
                    name: target.deployment,
                    failFast: options.failFast,
                    timeoutMs: options.timeoutMs,
                    logLines: options.logLines,
                    log,
                });
                state.watch = addStats(state.watch, outcome.stats);
                const final = await client.readDeployment(target.namespace, target.deployment);
                const verified = outcome.result === 'complete' &&
                    final !== undefined &&
                    sameTemplate(final.spec.template, state.before.spec.template) &&
                    rolloutState(final).phase === 'complete';
                if (verified) {
                    const message = `back on ${state.beforeImage} (revision ${(0,types/* revisionOf */.DT)(final)}, was revision ${beforeRevision}), ${final.status?.availableReplicas ?? 0}/${final.spec.replicas ?? 1} available`;
                    state.rollback = { result: 'done', toRevision: beforeRevision, message };
                    mark('rollback-done', message, target.label);
                    log(`rollback verified: ${message}`);
                }
                else {
                    const why = outcome.result === 'failed'
                        ? `${outcome.failure.reason}: ${outcome.failure.message}`
                        : 'the Deployment does not run the previous pod template';
                    state.rollback = { result: 'failed', toRevision: beforeRevision, message: why };
                    rollbackFailed = true;
                    mark('rollback-failed', why, target.label);
                }
            }
            catch (error) {
                const message = error instanceof errors/* ConfigurationError */.j1 ? error.message : (0,kube_client.describeKubeError)(error);
                state.rollback = { result: 'failed', toRevision: beforeRevision, message };
                rollbackFailed = true;
                mark('rollback-failed', message, target.label);
            }
        }));
    }
    // 6. The verdict, and what runs now.
    const changed = states.filter((s) => s.changed);
    const allRestored = changed.length > 0 && changed.every((s) => s.rollback?.result === 'done');
    const verdict = !firstFailure ? 'succeeded' : options.rollback && allRestored ? 'rolled-back' : 'failed';
    const targets = [];
    for (const state of states) {
        const final = await client.readDeployment(state.target.namespace, state.target.deployment).catch(() => undefined);
        let targetVerdict;
        if (!firstFailure)
            targetVerdict = 'succeeded';
        else if (state.rollback?.result === 'done')
            targetVerdict = 'rolled-back';
        else if (!state.changed && !state.failure && verdict === 'rolled-back')
            targetVerdict = 'succeeded';
        else
            targetVerdict = 'failed';
        targets.push({
            target: state.target,
            previousImage: state.beforeImage,
            previousRevision: state.before ? (0,types/* revisionOf */.DT)(state.before) : 0,
            image: containerImage(final?.spec.template, state.target.container),
            revision: final ? (0,types/* revisionOf */.DT)(final) : 0,
            changed: state.changed,
            created: state.created,
            verdict: targetVerdict,
            failure: state.failure,
            health: state.health,
            rollback: state.rollback,
            watch: state.watch,
        });
    }
    const finishedAt = now();
    mark('finished', verdict);
    return {
        verdict,
        targets,
        failureReason: firstFailure
            ? `${firstFailure.state.target.label}: ${firstFailure.failure.reason}: ${firstFailure.failure.message}`
            : undefined,
        failedTarget: firstFailure?.state.target.label,
        failure: firstFailure?.failure,
        rollbackFailed,
        startedAt,
        finishedAt,
        timeline,
    };
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

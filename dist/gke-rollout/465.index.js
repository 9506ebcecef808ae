export const id = 465;
export const ids = [465];
export const modules = {

/***/ 92465:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  looksLikeKubeconfigContent: () => (/* binding */ looksLikeKubeconfigContent),
  readKubeconfigInput: () => (/* binding */ readKubeconfigInput),
  resolveAccess: () => (/* binding */ resolveAccess)
});

// EXTERNAL MODULE: ./src/core/runner.ts + 1 modules
var runner = __webpack_require__(91872);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var dist = __webpack_require__(38815);
// EXTERNAL MODULE: ./src/core/errors.ts
var errors = __webpack_require__(74296);
// EXTERNAL MODULE: ./src/core/secrets.ts
var secrets = __webpack_require__(58198);
;// CONCATENATED MODULE: ./src/google/credentials.ts



function decode(text, source) {
    const trimmed = text.trim();
    let jsonText = trimmed;
    if (!trimmed.startsWith('{')) {
        const decoded = Buffer.from(trimmed.replace(/\s+/g, ''), 'base64').toString('utf8').trim();
        if (!decoded.startsWith('{')) {
            throw new errors/* ConfigurationError */.j1(`${source} is neither a JSON key nor base64 of one; paste the service-account key file as it is, or base64-encoded`);
        }
        jsonText = decoded;
    }
    try {
        const parsed = JSON.parse(jsonText);
        if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed))
            throw new Error('not an object');
        return parsed;
    }
    catch (error) {
        throw new errors/* ConfigurationError */.j1(`${source} is not valid JSON (${error instanceof Error ? error.message : String(error)}); give the whole key file`);
    }
}
function parseGoogleCredentials(text, source) {
    (0,secrets/* registerSecret */.cl)(text.trim());
    const json = decode(text, source);
    const type = json.type;
    if (type === 'service_account') {
        const clientEmail = json.client_email;
        const privateKey = json.private_key;
        if (typeof clientEmail !== 'string' || !clientEmail.includes('@')) {
            throw new errors/* ConfigurationError */.j1(`${source}: the service-account key has no client_email`);
        }
        if (typeof privateKey !== 'string' || !privateKey.includes('PRIVATE KEY')) {
            throw new errors/* ConfigurationError */.j1(`${source}: the service-account key has no private_key in PEM form`);
        }
        (0,secrets/* registerSecret */.cl)(privateKey);
        return {
            type,
            clientEmail,
            privateKey,
            privateKeyId: typeof json.private_key_id === 'string' ? json.private_key_id : undefined,
            projectId: typeof json.project_id === 'string' ? json.project_id : undefined,
            json,
        };
    }
    if (type === 'external_account') {
        if (typeof json.audience !== 'string' || !json.credential_source) {
            throw new errors/* ConfigurationError */.j1(`${source}: the external_account configuration has no audience or credential_source`);
        }
        const impersonation = typeof json.service_account_impersonation_url === 'string' ? json.service_account_impersonation_url : '';
        const serviceAccount = /serviceAccounts\/([^:/]+):generateAccessToken/.exec(impersonation)?.[1];
        return { type, audience: json.audience, serviceAccount: serviceAccount && decodeURIComponent(serviceAccount), json };
    }
    throw new errors/* ConfigurationError */.j1(`${source} has type '${String(type)}'; expected a service-account key ('service_account') or a Workload Identity ` +
        `Federation configuration ('external_account') as google-github-actions/auth writes`);
}
/**
 * The credentials to use: the input first, then the file google-github-actions/auth exported.
 * Undefined when there are none.
 */
function loadGoogleCredentials(input, env = process.env, inputName = 'gcp-credentials') {
    if (input && input.trim() !== '') {
        const source = `input '${inputName}'`;
        return { credentials: parseGoogleCredentials(input, source), source };
    }
    for (const variable of ['GOOGLE_GHA_CREDS_PATH', 'GOOGLE_APPLICATION_CREDENTIALS']) {
        const path = env[variable];
        if (!path)
            continue;
        if (!(0,external_node_fs_.existsSync)(path)) {
            throw new errors/* ConfigurationError */.j1(`${variable} names ${path}, which does not exist; run google-github-actions/auth in this job first`);
        }
        const source = `${variable} (${path})`;
        return { credentials: parseGoogleCredentials((0,external_node_fs_.readFileSync)(path, 'utf8'), source), source };
    }
    return undefined;
}
/** Artifact Registry and Container Registry hosts, whose logins take a Google access token. */
function isGoogleRegistryHost(host) {
    return /(^|\.)gcr\.io$/.test(host) || /-docker\.pkg\.dev$/.test(host) || host === 'docker.pkg.dev';
}

// EXTERNAL MODULE: ./src/kube/gke.ts
var gke = __webpack_require__(39164);
;// CONCATENATED MODULE: ./src/kube/access.ts








const SECRET_USER_FIELDS = ['token', 'password', 'client-key-data'];
const SECRET_PROVIDER_FIELDS = ['access-token', 'refresh-token', 'id-token', 'client-secret'];
/** A kubeconfig input is its content when it looks like YAML or JSON with several lines; else a path. */
function looksLikeKubeconfigContent(value) {
    const text = value.trim();
    return text.includes('\n') && (/^\s*(apiVersion|clusters|kind|current-context)\s*:/m.test(text) || text.startsWith('{'));
}
function registerKubeconfigSecrets(config) {
    for (const entry of Array.isArray(config.users) ? config.users : []) {
        const user = entry?.user ?? {};
        for (const field of SECRET_USER_FIELDS)
            if (typeof user[field] === 'string')
                (0,secrets/* registerSecret */.cl)(user[field]);
        const providerConfig = user['auth-provider']?.config ?? {};
        for (const field of SECRET_PROVIDER_FIELDS)
            if (typeof providerConfig[field] === 'string')
                (0,secrets/* registerSecret */.cl)(providerConfig[field]);
        for (const variable of Array.isArray(user.exec?.env) ? user.exec.env : []) {
            if (typeof variable?.value === 'string' && variable.value.length >= 8)
                (0,secrets/* registerSecret */.cl)(variable.value);
        }
    }
}
/** Reads and checks a kubeconfig input; its credentials are registered as secrets before anything is logged. */
function readKubeconfigInput(value, workspace) {
    let text;
    let source;
    if (looksLikeKubeconfigContent(value)) {
        text = value;
        source = "the kubeconfig given in input 'kubeconfig'";
    }
    else {
        const path = (0,external_node_path_.isAbsolute)(value.trim()) ? value.trim() : (0,external_node_path_.resolve)(workspace, value.trim());
        if (!(0,external_node_fs_.existsSync)(path)) {
            throw new errors/* ConfigurationError */.j1(`input 'kubeconfig': ${path} does not exist; give the path of a kubeconfig file or its content`);
        }
        text = (0,external_node_fs_.readFileSync)(path, 'utf8');
        source = `kubeconfig ${value.trim()}`;
    }
    let config;
    try {
        config = (0,dist/* parse */.qg)(text);
    }
    catch (error) {
        // The message of a YAML error quotes the text around it, which may be a credential.
        throw new errors/* ConfigurationError */.j1(`${source} is not valid YAML (${error.name}); check the file`);
    }
    if (!config || typeof config !== 'object')
        throw new errors/* ConfigurationError */.j1(`${source} is not a kubeconfig (no mapping at the top)`);
    registerKubeconfigSecrets(config);
    const contextName = config['current-context'];
    const contexts = Array.isArray(config.contexts) ? config.contexts : [];
    const context = contexts.find((c) => c?.name === contextName);
    if (typeof contextName !== 'string' || !context) {
        throw new errors/* ConfigurationError */.j1(`${source} has no usable current-context (contexts: ${contexts.map((c) => c?.name).join(', ') || 'none'}); set current-context`);
    }
    const clusters = Array.isArray(config.clusters) ? config.clusters : [];
    const cluster = clusters.find((c) => c?.name === context.context?.cluster);
    if (!cluster?.cluster?.server) {
        throw new errors/* ConfigurationError */.j1(`${source}: context '${contextName}' names cluster '${String(context.context?.cluster)}', which has no server`);
    }
    return { text, source, context: contextName, server: String(cluster.cluster.server) };
}
const PROJECT_VARIABLES = ['GOOGLE_CLOUD_PROJECT', 'CLOUDSDK_CORE_PROJECT', 'GCLOUD_PROJECT', 'GCP_PROJECT'];
async function googleAccessToken(credentialsInput, env) {
    const loaded = loadGoogleCredentials(credentialsInput, env, 'credentials');
    if (loaded) {
        const { getAccessToken } = await Promise.all(/* import() */[__webpack_require__.e(492), __webpack_require__.e(854)]).then(__webpack_require__.bind(__webpack_require__, 61854));
        const token = await getAccessToken(loaded.credentials, env);
        const credentials = loaded.credentials;
        const who = credentials.type === 'service_account'
            ? `service account ${credentials.clientEmail}`
            : credentials.serviceAccount
                ? `workload identity as ${credentials.serviceAccount}`
                : 'workload identity';
        return { token: token.token, who, project: credentials.type === 'service_account' ? credentials.projectId : undefined };
    }
    const { GoogleAuth } = await __webpack_require__.e(/* import() */ 492).then(__webpack_require__.t.bind(__webpack_require__, 492, 23));
    const auth = new GoogleAuth({ scopes: ['https://www.googleapis.com/auth/cloud-platform'] });
    let token;
    try {
        token = await auth.getAccessToken();
    }
    catch {
        token = undefined;
    }
    if (!token) {
        throw new errors/* ConfigurationError */.j1("no Google credentials: set input 'credentials' (a service-account key, JSON or base64) or run google-github-actions/auth " +
            "(Workload Identity Federation) before this step; or give a 'kubeconfig' instead of the GKE inputs");
    }
    (0,secrets/* registerSecret */.cl)(token);
    let project;
    try {
        project = (await auth.getProjectId()) ?? undefined;
    }
    catch {
        project = undefined;
    }
    return { token, who: 'application default credentials', project };
}
async function resolveAccess(input, env = process.env) {
    if (input.kind === 'kubeconfig') {
        const kubeconfig = readKubeconfigInput(input.value, input.workspace);
        return {
            kubeconfig: kubeconfig.text,
            description: `${kubeconfig.server} (context ${kubeconfig.context} of ${kubeconfig.source})`,
            cluster: kubeconfig.context,
        };
    }
    const { token, who, project: credentialsProject } = await googleAccessToken(input.credentials, env);
    const envProject = PROJECT_VARIABLES.map((name) => env[name]).find((value) => value && value.trim() !== '');
    const ref = (0,gke/* parseClusterRef */.lp)(input.cluster, input.project ?? envProject ?? credentialsProject, input.location);
    const apiUrl = env[gke/* GKE_API_URL_VARIABLE */.yM] || gke/* GKE_API_URL */.jm;
    if (apiUrl !== gke/* GKE_API_URL */.jm)
        runner/* info */.pq(`gke: Container API requests go to ${apiUrl} (${gke/* GKE_API_URL_VARIABLE */.yM})`);
    const cluster = await (0,gke/* getCluster */.dB)(ref, token, who, apiUrl);
    const endpoint = (0,gke/* chooseEndpoint */.Ns)(cluster, input.endpoint);
    return {
        kubeconfig: (0,gke/* gkeKubeconfig */.hU)(ref, endpoint, token),
        description: `${endpoint.server} (${input.endpoint} endpoint of GKE cluster ${(0,gke/* clusterResourceName */.MU)(ref)}${cluster.version ? `, Kubernetes ${cluster.version}` : ''}, as ${who})`,
        cluster: (0,gke/* clusterResourceName */.MU)(ref),
    };
}


/***/ })

};

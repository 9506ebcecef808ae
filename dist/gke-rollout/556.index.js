export const id = 556;
export const ids = [556];
export const modules = {

/***/ 19556:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   apiUrlFromEnv: () => (/* binding */ apiUrlFromEnv),
/* harmony export */   parsePullRequestNumber: () => (/* binding */ parsePullRequestNumber),
/* harmony export */   parseRepository: () => (/* binding */ parseRepository),
/* harmony export */   pullRequestFromEvent: () => (/* binding */ pullRequestFromEvent),
/* harmony export */   readEvent: () => (/* binding */ readEvent),
/* harmony export */   repositoryFromEnv: () => (/* binding */ repositoryFromEnv),
/* harmony export */   requirePullRequest: () => (/* binding */ requirePullRequest)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(73024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _core_errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(74296);


const NAME = /^[A-Za-z0-9_.-]+$/;
function parseRepository(value, source) {
    const [owner, repo, extra] = value.trim().split('/');
    if (!owner || !repo || extra !== undefined || !NAME.test(owner) || !NAME.test(repo)) {
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigurationError */ .j1(`${source} must be a repository written owner/name, got '${value}'`);
    }
    return { owner, repo };
}
function repositoryFromEnv(env = process.env) {
    const value = env['GITHUB_REPOSITORY'];
    if (!value) {
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigurationError */ .j1('GITHUB_REPOSITORY is not set: run this step in a GitHub Actions job, or set GITHUB_REPOSITORY to owner/name');
    }
    return parseRepository(value, 'GITHUB_REPOSITORY');
}
function apiUrlFromEnv(env = process.env) {
    return (env['GITHUB_API_URL'] || 'https://api.github.com').replace(/\/+$/, '');
}
function readEvent(env = process.env) {
    const name = env['GITHUB_EVENT_NAME'] ?? '';
    const path = env['GITHUB_EVENT_PATH'];
    if (!path)
        return { name, payload: {} };
    let text;
    try {
        text = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readFileSync)(path, 'utf8');
    }
    catch (error) {
        const reason = (0,_core_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .isErrnoException */ .s$)(error) ? error.code : String(error);
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigurationError */ .j1(`cannot read the event payload at GITHUB_EVENT_PATH=${path} (${reason})`);
    }
    let payload;
    try {
        payload = JSON.parse(text);
    }
    catch (error) {
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigurationError */ .j1(`the event payload is not valid JSON: ${error instanceof Error ? error.message : String(error)}`, { file: path });
    }
    if (payload === null || typeof payload !== 'object' || Array.isArray(payload)) {
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigurationError */ .j1('the event payload is not a JSON object', { file: path });
    }
    return { name, payload: payload };
}
/** A pull request number given by a user (an input), checked. */
function parsePullRequestNumber(value, source) {
    const text = value.trim().replace(/^#/, '');
    if (!/^\d+$/.test(text) || Number(text) < 1) {
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigurationError */ .j1(`${source} must be a pull request number such as 42, got '${value}'`);
    }
    return Number(text);
}
function record(value) {
    return value !== null && typeof value === 'object' && !Array.isArray(value)
        ? value
        : undefined;
}
function side(value, fallbackRepo) {
    const data = record(value);
    if (!data || typeof data['ref'] !== 'string' || typeof data['sha'] !== 'string')
        return undefined;
    const repo = record(data['repo']);
    const fullName = typeof repo?.['full_name'] === 'string' ? repo['full_name'] : fallbackRepo;
    return { ref: data['ref'], sha: data['sha'], repoFullName: fullName };
}
/**
 * The pull request an event is about: pull_request and pull_request_target (and their
 * review events) carry it whole; issue_comment on a pull request only its number.
 * Undefined for events that are not about a pull request.
 */
function pullRequestFromEvent(event, repository) {
    const fullName = `${repository.owner}/${repository.repo}`;
    const pull = record(event.payload['pull_request']);
    if (pull && typeof pull['number'] === 'number') {
        const base = side(pull['base'], fullName);
        const head = side(pull['head'], fullName);
        const isFork = head !== undefined && base !== undefined && head.repoFullName.toLowerCase() !== base.repoFullName.toLowerCase();
        return { ...repository, number: pull['number'], base, head, isFork };
    }
    const issue = record(event.payload['issue']);
    if (event.name === 'issue_comment' && issue && record(issue['pull_request']) && typeof issue['number'] === 'number') {
        return { ...repository, number: issue['number'], isFork: false };
    }
    return undefined;
}
/** The pull request of this run, or a ConfigurationError saying how to give one. */
function requirePullRequest(env = process.env, override) {
    const repository = repositoryFromEnv(env);
    if (override && override.value.trim() !== '') {
        return { ...repository, number: parsePullRequestNumber(override.value, `input '${override.input}'`), isFork: false };
    }
    const event = readEvent(env);
    const pull = pullRequestFromEvent(event, repository);
    if (!pull) {
        const hint = override ? `, or set the '${override.input}' input` : '';
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigurationError */ .j1(`this step needs a pull request, but the '${event.name || 'unknown'}' event is not about one: ` +
            `run it on pull_request or pull_request_target${hint}`);
    }
    return pull;
}


/***/ })

};

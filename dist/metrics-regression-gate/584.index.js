export const id = 584;
export const ids = [584];
export const modules = {

/***/ 6584:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   createOctokit: () => (/* binding */ createOctokit)
/* harmony export */ });
/* unused harmony export httpStatus */
/* harmony import */ var _core_runner_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1872);
/* harmony import */ var _actions_github__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1758);
/* harmony import */ var _octokit_plugin_retry__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(9735);
/* harmony import */ var _octokit_plugin_throttling__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(6856);
/* harmony import */ var bottleneck_light_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(3251);
/* harmony import */ var bottleneck_light_js__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(bottleneck_light_js__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var _core_errors_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(4296);
/* harmony import */ var _core_secrets_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(8198);







const DEFAULT_BASE_MS = 1000;
const DEFAULT_API_URL = 'https://api.github.com';
/** Every 4xx: client errors are answers, not accidents. Rate limits (403/429) are the throttling plugin's. */
const CLIENT_ERRORS = Array.from({ length: 100 }, (_, i) => 400 + i);
function describeRequest(options) {
    return `${options.method ?? 'GET'} ${options.url ?? ''}`;
}
/**
 * Logs each failed attempt the retry plugin will see, so a user reading the log knows a
 * write may have been repeated. Registered before the retry plugin, so it sees every attempt.
 */
function logFailedAttempts(retries, baseMs) {
    return (octokit) => {
        octokit.hook.error('request', (error, options) => {
            const status = error.status ?? 0;
            if (status >= 500) {
                const attempt = Number(options.request?.retryCount ?? 0);
                const url = error.request?.url ?? options.url;
                let path = String(url);
                try {
                    path = new URL(path).pathname;
                }
                catch {
                    // keep the template
                }
                const waitSeconds = ((attempt + 1) ** 2 * baseMs) / 1000;
                const next = attempt < retries ? `; retrying in ${waitSeconds} s (retry ${attempt + 1} of ${retries})` : '; no retries left';
                _core_runner_js__WEBPACK_IMPORTED_MODULE_0__/* .info */ .pq(`GitHub API ${options.method} ${path} failed (${status}: ${error.message})${next}`);
            }
            throw error;
        });
        return {};
    };
}
/**
 * Creates the client every action uses. The token is registered as a secret first, so it
 * never reaches a log, summary or comment.
 */
function createOctokit(token, options = {}) {
    if (!token || token.trim() === '') {
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .ConfigurationError */ .j1("no GitHub token: set the 'token' input (the default is ${{ github.token }}) or pass a token with the permissions this step needs");
    }
    (0,_core_secrets_js__WEBPACK_IMPORTED_MODULE_4__/* .registerSecret */ .cl)(token);
    const baseUrl = (options.baseUrl || process.env['GITHUB_API_URL'] || DEFAULT_API_URL).replace(/\/+$/, '');
    const retries = options.retries ?? 3;
    const rateLimitRetries = options.rateLimitRetries ?? 3;
    const maxWait = options.maxRateLimitWaitSeconds ?? 120;
    const baseMs = options.backoffBaseMs ?? DEFAULT_BASE_MS;
    const onLimit = (kind) => (retryAfter, request, _octokit, retryCount) => {
        const what = describeRequest(request);
        if (retryCount >= rateLimitRetries) {
            _core_runner_js__WEBPACK_IMPORTED_MODULE_0__/* .warning */ .$e(`GitHub ${kind} rate limit on ${what}: still limited after ${retryCount} retries; giving up`);
            return false;
        }
        if (retryAfter > maxWait) {
            _core_runner_js__WEBPACK_IMPORTED_MODULE_0__/* .warning */ .$e(`GitHub ${kind} rate limit on ${what}: GitHub asks to wait ${retryAfter} s, longer than ${maxWait} s; giving up`);
            return false;
        }
        _core_runner_js__WEBPACK_IMPORTED_MODULE_0__/* .warning */ .$e(`GitHub ${kind} rate limit on ${what}: waiting ${retryAfter} s before retry ${retryCount + 1} of ${rateLimitRetries}`);
        return true;
    };
    const throttle = {
        retryAfterBaseValue: baseMs,
        onRateLimit: onLimit('primary'),
        onSecondaryRateLimit: onLimit('secondary'),
    };
    if (baseMs !== DEFAULT_BASE_MS) {
        // The plugin's shared limiters space writes by GitHub's recommended second; scale them with the unit.
        const scaled = (ms) => Math.max(0, Math.round((ms * baseMs) / DEFAULT_BASE_MS));
        throttle.write = new (bottleneck_light_js__WEBPACK_IMPORTED_MODULE_2___default().Group)({ maxConcurrent: 1, minTime: scaled(1000) });
        throttle.notifications = new (bottleneck_light_js__WEBPACK_IMPORTED_MODULE_2___default().Group)({ maxConcurrent: 1, minTime: scaled(3000) });
        throttle.search = new (bottleneck_light_js__WEBPACK_IMPORTED_MODULE_2___default().Group)({ maxConcurrent: 1, minTime: scaled(2000) });
    }
    return (0,_actions_github__WEBPACK_IMPORTED_MODULE_1__/* .getOctokit */ .Q)(token, {
        baseUrl,
        userAgent: options.userAgent ?? 'aura-actions',
        log: {
            debug: (message) => _core_runner_js__WEBPACK_IMPORTED_MODULE_0__/* .debug */ .Yz(message),
            info: (message) => _core_runner_js__WEBPACK_IMPORTED_MODULE_0__/* .info */ .pq(message),
            warn: (message) => _core_runner_js__WEBPACK_IMPORTED_MODULE_0__/* .warning */ .$e(message),
            error: (message) => _core_runner_js__WEBPACK_IMPORTED_MODULE_0__/* .error */ .z3(message),
        },
        retry: { retries, retryAfterBaseValue: baseMs, doNotRetry: CLIENT_ERRORS },
        throttle,
    }, logFailedAttempts(retries, baseMs), _octokit_plugin_retry__WEBPACK_IMPORTED_MODULE_5__/* .retry */ .L, _octokit_plugin_throttling__WEBPACK_IMPORTED_MODULE_6__/* .throttling */ .A);
}
/** The HTTP status of a failed octokit request (500 for a network failure), or undefined for other errors. */
function httpStatus(error) {
    if (error === null || typeof error !== 'object')
        return undefined;
    const status = error.status;
    return typeof status === 'number' ? status : undefined;
}


/***/ })

};

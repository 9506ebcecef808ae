export const id = 854;
export const ids = [854];
export const modules = {

/***/ 61854:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   getAccessToken: () => (/* binding */ getAccessToken)
/* harmony export */ });
/* unused harmony exports GOOGLE_TOKEN_URL, CLOUD_PLATFORM_SCOPE, TOKEN_URL_VARIABLE */
/* harmony import */ var _core_runner_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(91872);
/* harmony import */ var google_auth_library__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(492);
/* harmony import */ var google_auth_library__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(google_auth_library__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _core_errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(74296);
/* harmony import */ var _core_secrets_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(58198);




/** Google's OAuth2 token endpoint, where service-account JWT assertions are exchanged. */
const GOOGLE_TOKEN_URL = 'https://oauth2.googleapis.com/token';
const CLOUD_PLATFORM_SCOPE = 'https://www.googleapis.com/auth/cloud-platform';
/**
 * Sends the token requests of service-account keys to another endpoint: a test stand-in of
 * Google's token endpoint, or a private-access endpoint. Unset in normal use.
 */
const TOKEN_URL_VARIABLE = 'AURA_GOOGLE_TOKEN_URL';
function redirectTokenRequests(client, tokenUrl) {
    client.transporter.interceptors.request.add({
        resolved: async (options) => {
            if (options.url.toString() === GOOGLE_TOKEN_URL)
                options.url = new URL(tokenUrl);
            return options;
        },
    });
}
/** Google's errors come as OAuth2 `{error, error_description}` or as API `{error: {code, status, message}}`. */
function describe(error) {
    const err = error;
    const data = err.response?.data;
    if (typeof data?.error === 'string')
        return `${data.error}${data.error_description ? `: ${data.error_description}` : ''}`;
    if (data?.error && typeof data.error === 'object') {
        return `${data.error.status ?? data.error.code ?? err.response?.status ?? ''}: ${data.error.message ?? ''}`;
    }
    return err.message ?? String(error);
}
/** An OAuth2 access token for the credentials (cloud-platform scope), for a registry login. */
async function getAccessToken(credentials, env = process.env, scopes = [CLOUD_PLATFORM_SCOPE]) {
    let client;
    let who;
    if (credentials.type === 'service_account') {
        client = new google_auth_library__WEBPACK_IMPORTED_MODULE_1__.JWT({
            email: credentials.clientEmail,
            key: credentials.privateKey,
            keyId: credentials.privateKeyId,
            scopes,
        });
        who = `service account ${credentials.clientEmail}`;
        const override = env[TOKEN_URL_VARIABLE];
        if (override) {
            _core_runner_js__WEBPACK_IMPORTED_MODULE_0__/* .info */ .pq(`google: token requests go to ${override} (${TOKEN_URL_VARIABLE})`);
            redirectTokenRequests(client, override);
        }
    }
    else {
        const external = google_auth_library__WEBPACK_IMPORTED_MODULE_1__.ExternalAccountClient.fromJSON({ ...credentials.json, scopes });
        if (!external)
            throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ConfigurationError */ .j1('the external_account configuration is not one google-auth-library supports');
        client = external;
        who = credentials.serviceAccount ? `workload identity as ${credentials.serviceAccount}` : 'workload identity';
    }
    try {
        const response = await client.getAccessToken();
        const token = response.token;
        if (!token)
            throw new Error('the token endpoint returned no access token');
        (0,_core_secrets_js__WEBPACK_IMPORTED_MODULE_3__/* .registerSecret */ .cl)(token);
        const expiry = client.credentials.expiry_date;
        _core_runner_js__WEBPACK_IMPORTED_MODULE_0__/* .info */ .pq(`google: got an access token for ${who}`);
        return { token, expiresAt: typeof expiry === 'number' ? new Date(expiry) : undefined };
    }
    catch (error) {
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ConfigurationError */ .j1(`could not get a Google access token for ${who}: ${describe(error)}`);
    }
}


/***/ })

};

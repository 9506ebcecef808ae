export const id = 111;
export const ids = [111];
export const modules = {

/***/ 14492:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   DeploymentRecord: () => (/* binding */ DeploymentRecord)
/* harmony export */ });
/* harmony import */ var _core_runner_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(91872);

function shorten(text) {
    return text.length > 140 ? `${text.slice(0, 137)}...` : text;
}
class DeploymentRecord {
    octokit;
    options;
    id;
    url;
    constructor(octokit, options, id, url) {
        this.octokit = octokit;
        this.options = options;
        this.id = id;
        this.url = url;
    }
    static async create(octokit, options) {
        const response = await octokit.rest.repos.createDeployment({
            ...options.repository,
            ref: options.ref,
            task: 'deploy',
            environment: options.environment,
            description: shorten(options.description),
            auto_merge: false,
            required_contexts: [],
            payload: options.payload,
            transient_environment: false,
            production_environment: /^prod/i.test(options.environment),
        });
        const data = response.data;
        if (typeof data.id !== 'number') {
            throw new Error(`GitHub did not create the deployment: ${data.message ?? JSON.stringify(data)}`);
        }
        _core_runner_js__WEBPACK_IMPORTED_MODULE_0__/* .info */ .pq(`GitHub deployment ${data.id} created for environment ${options.environment}`);
        return new DeploymentRecord(octokit, options, data.id, data.url ?? '');
    }
    async setStatus(state, description) {
        await this.octokit.rest.repos.createDeploymentStatus({
            ...this.options.repository,
            deployment_id: this.id,
            state,
            description: shorten(description),
            log_url: this.options.logUrl,
            environment_url: this.options.environmentUrl ?? '',
            environment: this.options.environment,
            // The deployment this one replaced is marked inactive explicitly, below.
            auto_inactive: false,
        });
    }
    /** Marks the environment's earlier deployments whose latest status is success as inactive; returns their ids. */
    async retireReplaced() {
        const { data: deployments } = await this.octokit.rest.repos.listDeployments({
            ...this.options.repository,
            environment: this.options.environment,
            per_page: 30,
        });
        const retired = [];
        for (const deployment of deployments) {
            if (deployment.id === this.id || deployment.id > this.id)
                continue;
            const { data: statuses } = await this.octokit.rest.repos.listDeploymentStatuses({
                ...this.options.repository,
                deployment_id: deployment.id,
                per_page: 1,
            });
            if (statuses[0]?.state !== 'success')
                continue;
            await this.octokit.rest.repos.createDeploymentStatus({
                ...this.options.repository,
                deployment_id: deployment.id,
                state: 'inactive',
                description: shorten(`replaced by deployment ${this.id}`),
                environment: this.options.environment,
            });
            retired.push(deployment.id);
        }
        return retired;
    }
}


/***/ })

};

export const id = 451;
export const ids = [451];
export const modules = {

/***/ 51451:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   renderSummary: () => (/* binding */ renderSummary),
/* harmony export */   stepOutputs: () => (/* binding */ stepOutputs)
/* harmony export */ });
/* harmony import */ var _core_summary_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(71363);

/** The job summary and the step outputs of a release. */
const TITLES = {
    succeeded: 'succeeded',
    'rolled-back': 'failed and rolled back',
    failed: 'FAILED',
};
const EVENT_NAMES = {
    started: 'start',
    'manifests-applied': 'manifests applied',
    'image-set': 'image set',
    unchanged: 'already running',
    'first-pod-ready': 'first new pod ready',
    'rolled-out': 'rollout complete',
    healthy: 'health check passed',
    'failure-detected': 'failure detected',
    'rollback-started': 'rollback started',
    'rollback-done': 'rollback done',
    'rollback-failed': 'ROLLBACK FAILED',
    finished: 'finished',
};
function seconds(ms) {
    return `${(ms / 1000).toFixed(1)} s`;
}
function result(target) {
    switch (target.verdict) {
        case 'succeeded':
            return target.changed ? 'rolled out' : 'already running, verified';
        case 'rolled-back':
            return target.failure ? 'failed, rolled back' : 'rolled back (another service failed)';
        default:
            if (target.created && target.rollback?.result === 'impossible')
                return `failed, not rolled back: ${target.rollback.message}`;
            if (target.rollback?.result === 'failed' || target.rollback?.result === 'impossible')
                return `**rollback failed**: ${target.rollback.message}`;
            return target.failure ? `failed: ${target.failure.reason}` : 'failed';
    }
}
function revisions(target) {
    if (target.created)
        return `new → ${target.revision}`;
    if (!target.changed)
        return String(target.revision);
    return `${target.previousRevision} → ${target.revision}`;
}
function renderSummary(report, context) {
    const lines = [];
    lines.push(`## GKE rollout ${TITLES[report.verdict]}`, '');
    if (report.rollbackFailed) {
        const broken = report.targets.filter((t) => t.rollback?.result === 'failed' || (t.rollback?.result === 'impossible' && !t.created));
        lines.push('> [!CAUTION]', `> **The rollback failed.** ${broken.map((t) => `${(0,_core_summary_js__WEBPACK_IMPORTED_MODULE_0__/* .cell */ .Hn)(t.target.label)} (${(0,_core_summary_js__WEBPACK_IMPORTED_MODULE_0__/* .cell */ .Hn)(t.target.namespace)}/${(0,_core_summary_js__WEBPACK_IMPORTED_MODULE_0__/* .cell */ .Hn)(t.target.deployment)}): ${(0,_core_summary_js__WEBPACK_IMPORTED_MODULE_0__/* .cell */ .Hn)(t.rollback?.message)}`).join('; ')}.`, '> The environment may be running a mix of versions or failing pods: act now.', '');
    }
    else if (report.verdict === 'rolled-back') {
        const back = report.targets.filter((t) => t.rollback?.result === 'done').map((t) => `${(0,_core_summary_js__WEBPACK_IMPORTED_MODULE_0__/* .cell */ .Hn)(t.target.label)} on ${(0,_core_summary_js__WEBPACK_IMPORTED_MODULE_0__/* .code */ .aY)(t.image ?? '?')}`);
        lines.push('> [!WARNING]', `> ${(0,_core_summary_js__WEBPACK_IMPORTED_MODULE_0__/* .cell */ .Hn)(report.failureReason)}`, `> Rolled back: ${back.join(', ')} — the previous images run again.`, '');
    }
    else if (report.verdict === 'failed') {
        lines.push('> [!WARNING]', `> ${(0,_core_summary_js__WEBPACK_IMPORTED_MODULE_0__/* .cell */ .Hn)(report.failureReason)}`, '');
    }
    lines.push(`Cluster: ${(0,_core_summary_js__WEBPACK_IMPORTED_MODULE_0__/* .cell */ .Hn)(context.cluster)}${context.environment ? ` · environment ${(0,_core_summary_js__WEBPACK_IMPORTED_MODULE_0__/* .cell */ .Hn)(context.environment)}` : ''} · ${seconds(report.finishedAt - report.startedAt)}`, '');
    lines.push((0,_core_summary_js__WEBPACK_IMPORTED_MODULE_0__/* .table */ .tp)(['Service', 'Deployment', 'Image before', 'Image now', 'Revisions', 'Result'], report.targets.map((t) => [
        (0,_core_summary_js__WEBPACK_IMPORTED_MODULE_0__/* .cell */ .Hn)(t.target.label),
        (0,_core_summary_js__WEBPACK_IMPORTED_MODULE_0__/* .cell */ .Hn)(`${t.target.namespace}/${t.target.deployment} (${t.target.container})`),
        t.previousImage ? (0,_core_summary_js__WEBPACK_IMPORTED_MODULE_0__/* .code */ .aY)(t.previousImage) : 'none',
        t.image ? (0,_core_summary_js__WEBPACK_IMPORTED_MODULE_0__/* .code */ .aY)(t.image) : '?',
        (0,_core_summary_js__WEBPACK_IMPORTED_MODULE_0__/* .cell */ .Hn)(revisions(t)),
        result(t),
    ])), '');
    if (report.failure) {
        const f = report.failure;
        lines.push('### What failed', '');
        lines.push(`- Service: ${(0,_core_summary_js__WEBPACK_IMPORTED_MODULE_0__/* .cell */ .Hn)(report.failedTarget)}`);
        if (f.pod)
            lines.push(`- Pod: ${(0,_core_summary_js__WEBPACK_IMPORTED_MODULE_0__/* .code */ .aY)(f.pod)}`);
        if (f.container)
            lines.push(`- Container: ${(0,_core_summary_js__WEBPACK_IMPORTED_MODULE_0__/* .code */ .aY)(f.container)}`);
        lines.push(`- Reason: **${(0,_core_summary_js__WEBPACK_IMPORTED_MODULE_0__/* .cell */ .Hn)(f.reason)}**`, `- ${(0,_core_summary_js__WEBPACK_IMPORTED_MODULE_0__/* .cell */ .Hn)(f.message)}`, '');
        if (f.logs)
            lines.push('Last log lines:', '', '```text', f.logs.replace(/```/g, "'''"), '```', '');
    }
    const health = report.targets.filter((t) => t.health);
    if (health.length > 0) {
        lines.push('### Health checks', '');
        lines.push((0,_core_summary_js__WEBPACK_IMPORTED_MODULE_0__/* .table */ .tp)(['Service', 'Probe', 'Result'], health.map((t) => [(0,_core_summary_js__WEBPACK_IMPORTED_MODULE_0__/* .cell */ .Hn)(t.target.label), (0,_core_summary_js__WEBPACK_IMPORTED_MODULE_0__/* .cell */ .Hn)(t.health.probe), (0,_core_summary_js__WEBPACK_IMPORTED_MODULE_0__/* .cell */ .Hn)(`${t.health.healthy ? 'healthy' : 'unhealthy'} after ${t.health.attempts} attempts: ${t.health.detail}`)])), '');
    }
    lines.push('### Timeline', '');
    lines.push((0,_core_summary_js__WEBPACK_IMPORTED_MODULE_0__/* .table */ .tp)(['Time (UTC)', 'After', 'Service', 'Event', 'Detail'], report.timeline.map((entry) => [
        new Date(entry.at).toISOString().slice(11, 23),
        `+${seconds(entry.at - report.startedAt)}`,
        (0,_core_summary_js__WEBPACK_IMPORTED_MODULE_0__/* .cell */ .Hn)(entry.target ?? ''),
        entry.event === 'rollback-failed' ? `**${EVENT_NAMES[entry.event]}**` : EVENT_NAMES[entry.event],
        (0,_core_summary_js__WEBPACK_IMPORTED_MODULE_0__/* .cell */ .Hn)(entry.detail),
    ])), '');
    const resumed = report.targets.filter((t) => t.watch.drops > 0 || t.watch.relists > 0);
    if (resumed.length > 0) {
        lines.push(`Watch streams: ${resumed.map((t) => `${(0,_core_summary_js__WEBPACK_IMPORTED_MODULE_0__/* .cell */ .Hn)(t.target.label)} resumed ${t.watch.drops} time${t.watch.drops === 1 ? '' : 's'}, listed again ${t.watch.relists} time${t.watch.relists === 1 ? '' : 's'} after 410 Gone`).join('; ')}.`, '');
    }
    return lines.join('\n');
}
/**
 * One Deployment: plain values. Several: `revision`, `image` and `previous-image` are JSON
 * objects keyed by service; `results` always has one entry per Deployment.
 */
function stepOutputs(report) {
    const single = report.targets.length === 1 ? report.targets[0] : undefined;
    const perTarget = (value) => single ? value(single) : JSON.stringify(Object.fromEntries(report.targets.map((t) => [t.target.label, value(t)])));
    const results = report.targets.map((t) => ({
        service: t.target.service ?? null,
        namespace: t.target.namespace,
        deployment: t.target.deployment,
        container: t.target.container,
        verdict: t.verdict,
        image: t.image ?? null,
        'previous-image': t.previousImage ?? null,
        revision: t.revision,
        'previous-revision': t.previousRevision,
        changed: t.changed,
        'failure-reason': t.failure ? `${t.failure.reason}: ${t.failure.message}` : null,
        rollback: t.rollback?.result ?? null,
    }));
    return {
        verdict: report.verdict,
        revision: perTarget((t) => String(t.revision)),
        'previous-image': perTarget((t) => t.previousImage ?? ''),
        image: perTarget((t) => t.image ?? ''),
        'rolled-back': String(report.targets.some((t) => t.rollback?.result === 'done')),
        'duration-seconds': ((report.finishedAt - report.startedAt) / 1000).toFixed(1),
        'failure-reason': report.failureReason ?? '',
        results: JSON.stringify(results),
    };
}


/***/ })

};

import { existsSync } from 'node:fs';
import { isAbsolute, join, relative } from 'node:path';
import * as core from '../../core/runner.js';
import { ConfigurationError, redact, registerSecret, runActionWithPost, setOutput, writeSummary } from '../../core/index.js';
import { cachePath, cacheServiceAvailable, dvcCacheKeys, hasFiles, keyWithLock, restore, restoreTool, save, warnCacheUnavailable, type Restored } from '../../dvc/cache.js';
import { explainStepFailure, remoteLabel } from '../../dvc/failures.js';
import { resolveDvc } from '../../dvc/install.js';
import { diffLocks, lockFingerprint, readLocks } from '../../dvc/lock.js';
import { LogStream } from '../../dvc/log-stream.js';
import { planStages, selectTargets } from '../../dvc/plan.js';
import { parsePush, retryTransientPushes } from '../../dvc/push.js';
import { configureRemote, configValue, readRepoConfig, undoRemote, type RemoteCleanup } from '../../dvc/remote.js';
import { classifyStages, namesWith, renderSummary, type StageReport } from '../../dvc/report.js';
import { ReproLog } from '../../dvc/repro-log.js';
import { runSession } from '../../dvc/session.js';
import { extractStatusJson, parseStatus } from '../../dvc/status.js';
import { buildSteps, PUSH_STEPS, STEP_TITLES } from '../../dvc/steps.js';
import { readInputs } from './inputs.js';
import { describePushes, describeRestore } from './summary.js';

const PREFIX = 'dvc-repro-and-push';
const STATE_REMOTE = 'remote-cleanup';

/** The same bundle is the step's main and its post (cleanup) entry. */
export async function run(): Promise<void> {
  await runActionWithPost(PREFIX, main, post);
}

async function post(): Promise<void> {
  const saved = core.getState(STATE_REMOTE);
  if (!saved) return;
  for (const line of undoRemote(JSON.parse(saved) as RemoteCleanup)) core.info(line);
}

function setEmptyOutputs(): void {
  for (const name of ['stages-ran', 'stages-skipped', 'stages-from-run-cache', 'stages-failed', 'metrics-files']) setOutput(name, []);
  setOutput('lock-changed', 'false');
  setOutput('pushed', '0');
  setOutput('cache-hit', 'false');
  setOutput('dvc-version', '');
}

async function main(): Promise<void> {
  registerSecret(core.getInput('gcp-credentials').trim());
  const env = process.env;
  const inputs = readInputs(env);
  const where = relative(inputs.workspace, inputs.repoRoot) || '.';

  // What to reproduce.
  const selection = selectTargets(inputs.repoRoot, { services: inputs.services, targets: inputs.targets, catalogPath: inputs.catalog });
  const without = selection.servicesWithoutStages.length ? ` (${selection.servicesWithoutStages.join(', ')} declare no dvc.stages)` : '';
  if (without) core.info(`no DVC stages in the catalog for ${selection.servicesWithoutStages.join(', ')}`);
  if (selection.nothingToDo) {
    core.info(`nothing to reproduce: ${selection.origin}${without}`);
    setEmptyOutputs();
    await writeSummary(`## DVC repro and push\n\nNothing to reproduce: ${selection.origin}${without}.\n`);
    return;
  }
  const targets = selection.targets;
  const plan = await planStages(inputs.repoRoot, targets);

  // The remote, in the local config only; the post step undoes it.
  const remote = configureRemote(
    inputs.repoRoot,
    { remote: inputs.remote, endpointUrl: inputs.endpointUrl, gcpCredentials: inputs.gcpCredentials },
    env,
    (cleanup) => core.saveState(STATE_REMOTE, JSON.stringify(cleanup)),
  );
  core.info(remote.name ? `remote: ${remoteLabel(remote)}; credentials: ${remote.credentials}` : 'no DVC remote is configured: nothing is pulled or pushed');

  // DVC, and the DVC cache from the Actions cache, at the same time.
  const lockBefore = readLocks(inputs.repoRoot, plan.lockFiles);
  const service = cacheServiceAvailable(env);
  const useCache = inputs.cache && service.available;
  if (inputs.cache && !service.available) warnCacheUnavailable(service.why!);
  // A relative cache.dir is relative to .dvc/, as DVC reads it. (No path.resolve with literal
  // segments here: the bundler would take it for a file of this package.)
  const dvcDir = join(inputs.repoRoot, '.dvc');
  const configuredCacheDir = configValue(readRepoConfig(dvcDir), 'cache', 'dir');
  const cacheDir = configuredCacheDir ? (isAbsolute(configuredCacheDir) ? configuredCacheDir : join(dvcDir, configuredCacheDir)) : join(dvcDir, 'cache');
  const cachePaths = [cachePath(cacheDir, inputs.workspace)];
  const keys = dvcCacheKeys({ os: env.RUNNER_OS || process.platform, workingDirectory: where, targets, lockFingerprint: lockFingerprint(lockBefore) });
  const [resolved, restored] = await Promise.all([
    resolveDvc({
      specifier: inputs.version,
      extras: remote.extras,
      env,
      crossRunCache: service.available ? { restore: restoreTool, save: async (paths, key) => void (await save(paths, key)) } : undefined,
    }),
    useCache ? restore(cachePaths, keys) : Promise.resolve<Restored>({ exact: false }),
  ]);
  const tool = resolved.tool;
  core.info(`DVC ${tool.version} from ${tool.source}`);
  setOutput('dvc-version', tool.version);
  setOutput('cache-hit', restored.exact ? 'true' : 'false');

  // status, repro, push: one DVC session, its output streamed into log groups.
  const steps = buildSteps({ ...inputs, targets, plan, remote: remote.name });
  const titles = new Map(STEP_TITLES);
  titles.set('push', `Push to ${remoteLabel(remote)}`);
  titles.set('push-run-cache', `Push the run cache to ${remoteLabel(remote)}`);
  const reproLog = new ReproLog();
  const session = { cwd: inputs.repoRoot, env: { DVC_NO_UPDATER: '1', ...remote.env }, onEvent: new LogStream(reproLog, titles).handle };
  const outcomes = (await runSession(tool, steps, session)).outcomes;
  const attempts = await retryTransientPushes({
    outcomes,
    ids: PUSH_STEPS,
    retries: inputs.pushRetries,
    label: remoteLabel(remote),
    rerun: async () => (await runSession(tool, steps.filter((step) => PUSH_STEPS.includes(step.id)), session)).outcomes,
  });

  // What happened, from status before, the locks before and after, and DVC's account.
  const statusOutcome = outcomes.get('status');
  const reproOutcome = outcomes.get('repro');
  const reproduced = reproOutcome?.exitCode === 0;
  const status = statusOutcome?.exitCode === 0 ? parseStatus(extractStatusJson(statusOutcome.stdout)) : new Map();
  const lockAfter = readLocks(inputs.repoRoot, plan.lockFiles);
  const lock = diffLocks(lockBefore, lockAfter);
  const stages: StageReport[] =
    reproOutcome?.exitCode === undefined
      ? []
      : classifyStages({ planned: plan.stages, status, log: reproLog, lockBefore, lockAfter, changes: lock.changes, reproFailed: !reproduced });

  // The DVC cache is saved when the reproduction succeeded, even if the push then failed: it
  // holds exactly what the push could not deliver, so a re-run can push without recomputing.
  const notes: string[] = [];
  if (!inputs.cache) notes.push('DVC cache: not restored or saved (input `cache: false`).');
  else if (!service.available) notes.push(`DVC cache: the GitHub Actions cache is not available (${service.why}).`);
  else {
    const saveKey = keyWithLock(keys, lockFingerprint(lockAfter));
    let saved: string;
    if (!reproduced) saved = 'not saved: the reproduction failed';
    else if (restored.matchedKey === saveKey) saved = 'not saved again: nothing changed since the restored entry';
    else if (!hasFiles(cacheDir)) saved = 'not saved: the cache is empty';
    else saved = (await save(cachePaths, saveKey)) ? `saved as \`${saveKey}\`` : `not saved as \`${saveKey}\` (see the log)`;
    notes.push(`DVC cache: ${describeRestore(restored)}; ${saved}.`);
  }

  const metricsFiles = [...new Set([...plan.stages.flatMap((stage) => stage.metrics.map((m) => m.path)), ...selection.catalogMetrics])].filter((file) =>
    existsSync(join(inputs.repoRoot, file)),
  );
  const pushOutcome = outcomes.get('push');
  const pushReport = pushOutcome?.exitCode !== undefined ? parsePush(pushOutcome.stdout, pushOutcome.stderr) : undefined;

  setOutput('stages-ran', namesWith(stages, 'ran'));
  setOutput('stages-skipped', namesWith(stages, 'skipped'));
  setOutput('stages-from-run-cache', namesWith(stages, 'run-cache'));
  setOutput('stages-failed', namesWith(stages, 'failed', 'blocked'));
  setOutput('lock-changed', lock.changed ? 'true' : 'false');
  setOutput('metrics-files', metricsFiles);
  setOutput('pushed', String(pushReport?.pushed ?? 0));

  // Failures, most fundamental first: every one is reported, the first fails the step.
  const context = { remote, workingDirectory: where, targetsOrigin: selection.origin, failedStages: namesWith(stages, 'failed') };
  const errors: string[] = [];
  if (statusOutcome && statusOutcome.exitCode !== 0) errors.push(explainStepFailure('status', statusOutcome, context));
  else if (reproOutcome?.exitCode !== undefined && reproOutcome.exitCode !== 0) errors.push(explainStepFailure('repro', reproOutcome, context));
  const pushes = describePushes({
    push: inputs.push,
    remote,
    plan,
    pushOutcome,
    pushReport,
    runCacheOutcome: outcomes.get('push-run-cache'),
    attempts,
    context,
  });
  errors.push(...pushes.errors);
  for (const warning of pushes.warnings) core.warning(warning);
  for (const id of ['pull-outputs', 'pull-metrics']) {
    const outcome = outcomes.get(id);
    if (outcome?.exitCode) core.warning(explainStepFailure('pull', outcome, context));
  }
  if (lock.changed) core.notice(`dvc.lock changed: ${lock.changes.map((c) => c.stage).join(', ')}; the patch to commit is in the job summary`);

  const failures = namesWith(stages, 'failed').map((stage) => ({ stage, reason: stages.find((s) => s.name === stage)!.detail, tail: reproLog.tail(stage) }));
  await writeSummary(
    renderSummary({
      heading: `DVC repro and push${selection.services.length ? `: ${selection.services.join(', ')}` : ''}`,
      intro: [
        `Targets: ${targets.length ? targets.map((t) => `\`${t}\``).join(', ') : 'every stage of dvc.yaml'} (${selection.origin}), in \`${where}\`.`,
        `DVC ${tool.version} from ${tool.source}.`,
        remote.name ? `Remote: ${remoteLabel(remote)}; credentials: ${remote.credentials}.` : 'Remote: none configured.',
      ],
      stages,
      notes: [...pushes.notes, ...notes],
      lock,
      metricsFiles,
      failures,
      errors,
    }),
  );

  if (errors.length > 0) {
    for (const extra of errors.slice(1)) core.error(redact(`${PREFIX}: ${extra}`));
    // A failed stage is annotated on its definition in dvc.yaml.
    const location = plan.stages.find((s) => s.name === failures[0]?.stage)?.location;
    throw new ConfigurationError(errors[0]!, location && { ...location, file: relative(inputs.workspace, join(inputs.repoRoot, location.file)) });
  }
}

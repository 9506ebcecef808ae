import * as core from '../../core/runner.js';
import { ConfigurationError, group, runAction, setOutput, writeSummary } from '../../core/index.js';
import { readInputs } from './inputs.js';

const PREFIX = 'gke-rollout';

/** Lets the runner see what was logged before a long synchronous step (loading the Kubernetes client). */
function flushLog(): Promise<void> {
  return new Promise((resolve) => process.stdout.write('', () => resolve()));
}

function runUrl(env: NodeJS.ProcessEnv): string {
  const server = env.GITHUB_SERVER_URL || 'https://github.com';
  return `${server}/${env.GITHUB_REPOSITORY ?? ''}/actions/runs/${env.GITHUB_RUN_ID ?? ''}${env.GITHUB_RUN_ATTEMPT ? `/attempts/${env.GITHUB_RUN_ATTEMPT}` : ''}`;
}

export async function run(): Promise<void> {
  await runAction(PREFIX, main);
}

async function main(): Promise<void> {
  const env = process.env;
  core.info(`${PREFIX}: reading the inputs`);
  await flushLog();
  const inputs = readInputs(env);
  for (const target of inputs.targets) {
    core.info(
      `${PREFIX}: ${target.label}: deployment ${target.namespace}/${target.deployment}, container ${target.container} -> ${target.image}` +
        (target.healthPath ? `, health check ${target.healthPath}` : ''),
    );
  }

  // Loaded only now: the Kubernetes client is most of this bundle.
  const [{ readManifests }, { resolveAccess }, { createKubeClient, describeKubeError }, { runRelease }, report] = await Promise.all([
    import('../../kube/manifests.js'),
    import('../../kube/access.js'),
    import('../../kube/client.js'),
    import('../../kube/release.js'),
    import('../../kube/report.js'),
  ]);
  const manifests = readManifests(inputs.manifests, inputs.repoRoot);
  if (manifests.length > 0) core.info(`${PREFIX}: ${manifests.length} object(s) in manifests ${inputs.manifests.join(', ')}`);

  const access = await group('Cluster', async () => {
    const found = await resolveAccess(inputs.access, env);
    core.info(`cluster: ${found.description}`);
    return found;
  });
  const client = await createKubeClient(access.kubeconfig);
  try {
    const version = await client.version();
    core.info(`${PREFIX}: connected to ${client.server} (Kubernetes ${version})`);
  } catch (error) {
    throw new ConfigurationError(`cannot reach the cluster at ${client.server}: ${describeKubeError(error)}`);
  }

  let record: import('./github-deployment.js').DeploymentRecord | undefined;
  if (inputs.github) {
    const [{ createOctokit }, { repositoryFromEnv }, { DeploymentRecord }] = await Promise.all([
      import('../../github/client.js'),
      import('../../github/context.js'),
      import('./github-deployment.js'),
    ]);
    const octokit = createOctokit(inputs.github.token);
    try {
      record = await DeploymentRecord.create(octokit, {
        repository: repositoryFromEnv(env),
        ref: env.GITHUB_SHA || env.GITHUB_REF || 'HEAD',
        environment: inputs.github.environment,
        environmentUrl: inputs.github.environmentUrl,
        logUrl: runUrl(env),
        description: `${inputs.targets.map((t) => `${t.label} ${t.image}`).join(', ')}`,
        payload: { images: Object.fromEntries(inputs.targets.map((t) => [t.label, t.image])) },
      });
      await record.setStatus('in_progress', `rolling out ${inputs.targets.map((t) => t.label).join(', ')}`);
    } catch (error) {
      const status = (error as { status?: number }).status;
      throw new ConfigurationError(
        `could not record a GitHub deployment in environment '${inputs.github.environment}'` +
          `${status ? ` (HTTP ${status})` : ''}: ${(error as Error).message}; the token needs permissions: deployments: write. Nothing was changed`,
      );
    }
  }

  const sha = (env.GITHUB_SHA ?? '').slice(0, 12);
  const changeCause = (target: { image: string }) =>
    `aura gke-rollout: ${target.image}${sha ? ` from commit ${sha}` : ''} (${runUrl(env)})`;

  let release: Awaited<ReturnType<typeof runRelease>>;
  try {
    release = await runRelease({
      client,
      targets: inputs.targets,
      manifests,
      defaultNamespace: inputs.defaultNamespace,
      createNamespace: inputs.createNamespace,
      changeCause,
      failFast: { maxRestarts: inputs.maxRestarts, unschedulableGraceMs: inputs.unschedulableGraceMs },
      timeoutMs: inputs.timeoutMs,
      rollback: inputs.rollback,
      health: inputs.health,
      logLines: inputs.logLines,
      log: (message) => core.info(message),
      error: (message) => core.error(message, { title: PREFIX }),
    });
  } catch (error) {
    setOutput('verdict', 'failed');
    setOutput('rolled-back', 'false');
    setOutput('failure-reason', error instanceof Error ? error.message : String(error));
    await record?.setStatus('error', error instanceof Error ? error.message : String(error)).catch((statusError: unknown) => {
      core.warning(`could not set the GitHub deployment's status: ${(statusError as Error).message}`);
    });
    throw error;
  }

  const outputs = report.stepOutputs(release);
  for (const [name, value] of Object.entries(outputs)) setOutput(name, value);
  if (record) setOutput('deployment-id', String(record.id));
  await writeSummary(report.renderSummary(release, { cluster: access.cluster, environment: inputs.github?.environment }));

  if (record) {
    try {
      if (release.verdict === 'succeeded') {
        await record.setStatus('success', `${release.targets.map((t) => `${t.target.label} revision ${t.revision}`).join(', ')}`);
        const retired = await record.retireReplaced();
        if (retired.length > 0) core.info(`GitHub deployment(s) ${retired.join(', ')} marked inactive (replaced)`);
      } else {
        await record.setStatus(
          'failure',
          release.verdict === 'rolled-back' ? `rolled back: ${release.failureReason ?? ''}` : `failed: ${release.failureReason ?? ''}`,
        );
      }
    } catch (error) {
      core.warning(`could not set the GitHub deployment's status: ${(error as Error).message}`);
    }
  }

  const seconds = ((release.finishedAt - release.startedAt) / 1000).toFixed(1);
  if (release.verdict === 'succeeded') {
    core.info(
      `${PREFIX}: succeeded in ${seconds} s: ${release.targets.map((t) => `${t.target.label} runs ${t.image} (revision ${t.revision})`).join('; ')}`,
    );
    return;
  }
  process.exitCode = 1;
  if (release.rollbackFailed) {
    const broken = release.targets.filter((t) => t.rollback?.result === 'failed' || (t.rollback?.result === 'impossible' && !t.created));
    core.error(
      `ROLLBACK FAILED for ${broken.map((t) => `${t.target.label} (${t.rollback?.message})`).join('; ')}. ` +
        `The rollout failed first (${release.failureReason}). The environment may be running broken or mixed versions: act now.`,
      { title: `${PREFIX}: ROLLBACK FAILED` },
    );
  } else if (release.verdict === 'rolled-back') {
    core.error(
      `${release.failureReason}. Rolled back: ${release.targets
        .filter((t) => t.rollback?.result === 'done')
        .map((t) => `${t.target.label} is back on ${t.image} (revision ${t.revision})`)
        .join('; ')}.`,
      { title: `${PREFIX}: rolled back` },
    );
  } else {
    core.error(`${release.failureReason ?? 'the rollout failed'}${inputs.rollback ? '' : ' (rollback: false, so nothing was rolled back)'}`, {
      title: PREFIX,
    });
  }
}

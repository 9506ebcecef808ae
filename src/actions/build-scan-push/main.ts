import { existsSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import * as core from '../../core/runner.js';
import { ConfigurationError, group, runActionWithPost, setOutput, writeSummary } from '../../core/index.js';
import { buildImage, type BuildResult } from '../../docker/build.js';
import { ghaCacheAvailable, planCache } from '../../docker/cache.js';
import { dockerExec, findDockerClient, type DockerClient } from '../../docker/engine.js';
import {
  createDockerConfigDir,
  credentialsFromDockerConfig,
  dockerLogin,
  removeDockerConfigDir,
} from '../../docker/login.js';
import { computeMetadata, isPullRequestEvent, type EventContext } from '../../docker/metadata.js';
import { pushImage } from '../../docker/push.js';
import { loadGoogleCredentials, isGoogleRegistryHost } from '../../google/credentials.js';
import { getAccessToken } from '../../google/token.js';
import { RegistryClient, type RegistryCredentials } from '../../registry/client.js';
import { bySeverity, countBySeverity, gate } from '../../scan/report.js';
import { convertToSarif, runTrivy } from '../../scan/trivy.js';
import { defaultSarifPath, readInputs, type ActionInputs } from './inputs.js';
import { renderSummary, type SummaryFacts } from './summary.js';

const PREFIX = 'build-scan-push';
const STATE_DOCKER_CONFIG = 'docker-config';

/** The same bundle is the step's main and its post (cleanup) entry. */
export async function run(): Promise<void> {
  await runActionWithPost(PREFIX, main, post);
}

async function post(): Promise<void> {
  const dir = core.getState(STATE_DOCKER_CONFIG);
  if (!dir) return;
  if (removeDockerConfigDir(dir)) core.info('removed the registry credentials this step stored');
}

function eventContext(env: NodeJS.ProcessEnv): EventContext {
  let payload: Record<string, unknown> = {};
  const path = env.GITHUB_EVENT_PATH;
  if (path && existsSync(path)) {
    try {
      payload = JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
    } catch {
      throw new ConfigurationError(`the event payload ${path} is not JSON`);
    }
  }
  return {
    eventName: env.GITHUB_EVENT_NAME ?? '',
    ref: env.GITHUB_REF ?? '',
    sha: env.GITHUB_SHA ?? '',
    payload,
    repository: env.GITHUB_REPOSITORY ?? '',
    serverUrl: env.GITHUB_SERVER_URL ?? 'https://github.com',
  };
}

async function registryCredentials(inputs: ActionInputs): Promise<{ credentials?: RegistryCredentials; how: string }> {
  if (inputs.username !== undefined && inputs.password !== undefined) {
    return { credentials: { username: inputs.username, password: inputs.password }, how: `as ${inputs.username}` };
  }
  const google = loadGoogleCredentials(inputs.gcpCredentials);
  // Credentials exported by google-github-actions/auth are for Google's registries only;
  // the input is an explicit choice and is used whatever the host.
  if (google && (inputs.gcpCredentials !== undefined || isGoogleRegistryHost(inputs.image.host))) {
    const token = await getAccessToken(google.credentials);
    return {
      credentials: { username: 'oauth2accesstoken', password: token.token },
      how: `with a Google access token from ${google.source}`,
    };
  }
  return { how: 'with the credentials docker already has' };
}

async function main(): Promise<void> {
  const env = process.env;
  const inputs = readInputs(env);
  const context = eventContext(env);
  const push = inputs.push === 'auto' ? !isPullRequestEvent(context.eventName) : inputs.push === 'true';
  const explicitHost = inputs.image.full.startsWith(`${inputs.image.host}/`);
  if (push && !explicitHost) {
    throw new ConfigurationError(
      `cannot push '${inputs.image.full}': it names no registry; set input 'registry' (such as europe-docker.pkg.dev/my-project/aura) or push: false`,
    );
  }
  const metadata = computeMetadata(context, {
    image: inputs.image,
    extraTags: inputs.extraTags,
    latest: inputs.latest,
    extraLabels: inputs.labels,
    title: inputs.service,
  });

  // What is known before anything runs; digest, ref and pushed change only after a verified push.
  setOutput('image', inputs.image.full);
  setOutput('tags', metadata.refs);
  setOutput('labels', metadata.labels);
  setOutput('version', metadata.version);
  setOutput('pushed', 'false');
  setOutput('digest', '');
  setOutput('ref', '');
  setOutput('report', '');

  const client = await findDockerClient();
  const attestations = inputs.sbom || inputs.provenance;
  if (!client.buildx && inputs.platforms.length > 0) {
    throw new ConfigurationError(
      `input 'platforms' (${inputs.platforms.join(',')}) needs docker buildx, which ${client.path} lacks; set up buildx (docker/setup-buildx-action) or leave 'platforms' empty to build for this machine`,
    );
  }
  if (!client.buildx && attestations) {
    core.warning('SBOM and provenance attestations need docker buildx, which this machine lacks; the image is pushed without them');
  }

  const cache = planCache(inputs.cache, {
    buildx: client.buildx,
    buildxDriver: client.buildxDriver,
    ghaService: ghaCacheAvailable(env),
    image: inputs.image.full,
    cacheFromTags: explicitHost ? [...new Set([metadata.tags[0]!, 'latest'])] : [],
    scope: inputs.image.repository.replace(/[^A-Za-z0-9_.-]/g, '-'),
    push,
  });

  const { credentials, how } = await registryCredentials(inputs);
  if (credentials) {
    const dir = createDockerConfigDir();
    core.saveState(STATE_DOCKER_CONFIG, dir);
    client.env.DOCKER_CONFIG = dir;
    await group(`Log in to ${inputs.image.host}`, () => dockerLogin(client, dir, inputs.image.host, credentials));
    core.info(`logged in to ${inputs.image.host} ${how}`);
  }

  const multiPlatform = client.buildx && (inputs.platforms.length > 1 || (push && attestations));
  const scanPlatforms = multiPlatform && inputs.platforms.length > 0 ? inputs.platforms : [undefined];
  const builtFrom =
    `${relative(inputs.repoRoot, inputs.context) || '.'} (${relative(inputs.repoRoot, inputs.dockerfile)}` +
    `${inputs.target ? `, target ${inputs.target}` : ''})`;
  const builder = client.buildx
    ? `${client.path} buildx (client ${client.clientVersion}, engine ${client.serverVersion})`
    : `${client.path} ${client.clientVersion} with DOCKER_BUILDKIT=1 (no buildx), engine ${client.serverVersion}`;

  const facts: SummaryFacts = {
    image: inputs.image.full,
    service: inputs.service,
    builtFrom,
    builder,
    cache: cache.description,
    metadata,
    scan: { result: 'skipped', reason: 'scan: false' },
    push: { pushed: false, reason: push ? 'not reached' : 'push is false (the default on pull requests)' },
    attestations: !attestations
      ? 'not requested'
      : client.buildx
        ? push
          ? `${[inputs.sbom && 'SBOM', inputs.provenance && 'provenance'].filter(Boolean).join(' and ')} attached by buildx`
          : 'requested, but attached only when buildx pushes'
        : 'not attached: this machine has no docker buildx (the legacy BuildKit client cannot make attestations)',
  };

  try {
    // 1. Build into the engine (one image per platform when buildx builds several), to scan locally.
    let build: BuildResult | undefined;
    const scanRefs: string[] = [];
    for (const platform of scanPlatforms) {
      const refs = platform === undefined ? metadata.refs : [`${inputs.image.full}:scan-${platform.replace(/[^A-Za-z0-9_.-]/g, '-')}`];
      build = await group(`Build ${refs[0]}${platform ? ` (${platform})` : ''}`, () =>
        buildImage(client, {
          context: inputs.context,
          dockerfile: inputs.dockerfile,
          target: inputs.target,
          buildArgs: inputs.buildArgs,
          secrets: inputs.secrets,
          labels: metadata.labels,
          refs,
          platforms: platform ? [platform] : inputs.platforms,
          // With several platforms the push build below exports the cache; otherwise this build does.
          cache: multiPlatform ? { ...cache, to: [] } : cache,
          sbom: false,
          provenance: false,
          output: 'load',
        }),
      );
      scanRefs.push(refs[0]!);
      core.info(`built ${build.imageId} in ${(build.durationMs / 1000).toFixed(1)} s (${build.cachedSteps} of ${build.steps} steps from cache)`);
    }
    facts.build = build && { durationMs: build.durationMs, steps: build.steps, cachedSteps: build.cachedSteps, imageId: build.imageId };
    setOutput('image-id', build?.imageId ?? '');

    // 2. Scan before anything leaves the machine.
    if (!inputs.scan) {
      core.warning('scan: false; the image is pushed without a vulnerability, secret or misconfiguration scan');
      facts.scan = { result: 'skipped', reason: 'scan: false' };
      setOutput('scan-result', 'skipped');
      setOutput('findings', {});
      setOutput('sarif', '');
    } else {
      const sarif = inputs.sarifFile ?? defaultSarifPath(env, inputs.image);
      // Until a verdict exists, a failure here is the scanner's, not the image's.
      facts.scan = { result: 'error', reason: 'Trivy did not complete the scan (see the error)' };
      setOutput('scan-result', 'error');
      const findings = [];
      for (const ref of scanRefs) {
        const reportPath = sarif.replace(/\.sarif$/, '') + (scanRefs.length > 1 ? `-${scanRefs.indexOf(ref)}` : '') + '.trivy.json';
        const scan = await group(`Scan ${ref} with Trivy (${inputs.scanners.join(', ')})`, () =>
          runTrivy({
            trivy: 'trivy',
            image: ref,
            scanners: inputs.scanners,
            ignoreUnfixed: inputs.ignoreUnfixed,
            ignoreFile: inputs.trivyignore,
            reportPath,
            env: client.env.DOCKER_CONFIG ? { DOCKER_CONFIG: client.env.DOCKER_CONFIG } : {},
          }),
        );
        findings.push(...scan.report.findings);
        if (ref === scanRefs[0]) {
          await convertToSarif('trivy', scan.reportPath, sarif);
          setOutput('report', scan.reportPath);
        }
      }
      const verdict = gate(findings, { severities: inputs.severities, ignoreUnfixed: inputs.ignoreUnfixed });
      const counts = countBySeverity(findings);
      const rest = findings.filter((f) => !verdict.failing.includes(f)).sort(bySeverity);
      facts.scan = {
        result: verdict.passed ? 'passed' : 'failed',
        threshold: inputs.severities.join(',') + (inputs.ignoreUnfixed ? ' (fixed only)' : ''),
        counts,
        failing: verdict.failing,
        top: [...verdict.failing, ...rest].slice(0, 10),
        scanners: inputs.scanners.join(', '),
        sarif,
      };
      setOutput('scan-result', verdict.passed ? 'passed' : 'failed');
      setOutput('findings', counts);
      setOutput('sarif', sarif);
      if (!verdict.passed) {
        facts.push = { pushed: false, reason: 'the scan failed' };
        await untag(client, metadata.refs);
        const listed = verdict.failing
          .slice(0, 5)
          .map((f) => `${f.severity} ${f.id} (${f.package ?? f.target})`)
          .join(', ');
        throw new ConfigurationError(
          `the image failed its scan: ${verdict.failing.length} finding(s) at ${inputs.severities.join(',')}: ${listed}` +
            `${verdict.failing.length > 5 ? ', ...' : ''}; nothing was pushed. Fix them, or accept them in ${relative(inputs.repoRoot, inputs.trivyignore ?? join(inputs.repoRoot, '.trivyignore'))}`,
        );
      }
    }

    // 3. Push what was scanned.
    if (!push) return;
    const registry = new RegistryClient({
      host: inputs.image.host,
      credentials: credentials ?? (await credentialsFromDockerConfig(client.env.DOCKER_CONFIG, inputs.image.host)),
    });
    let digest: string;
    let attempts = 1;
    if (multiPlatform) {
      digest = await group(`Push ${metadata.refs.join(', ')} (${inputs.platforms.join(', ') || 'buildx'})`, () =>
        pushWithBuildx(client, inputs, metadata.refs, metadata.labels, cache),
      );
      await verifyTags(registry, inputs, metadata.tags, digest);
    } else {
      const pushed = await group(`Push ${metadata.refs.join(', ')}`, () =>
        pushImage(client, { image: inputs.image, tags: metadata.tags, registry, attempts: inputs.pushAttempts }),
      );
      digest = pushed.digest;
      attempts = pushed.attempts;
    }
    facts.push = { pushed: true, digest, attempts };
    setOutput('digest', digest);
    setOutput('ref', `${inputs.image.full}@${digest}`);
    setOutput('pushed', 'true');
  } finally {
    await writeSummary(renderSummary(facts));
  }
}

async function pushWithBuildx(
  client: DockerClient,
  inputs: ActionInputs,
  refs: string[],
  labels: Record<string, string>,
  cache: ReturnType<typeof planCache>,
): Promise<string> {
  const result = await buildImage(client, {
    context: inputs.context,
    dockerfile: inputs.dockerfile,
    target: inputs.target,
    buildArgs: inputs.buildArgs,
    secrets: inputs.secrets,
    labels,
    refs,
    platforms: inputs.platforms,
    cache,
    sbom: inputs.sbom,
    provenance: inputs.provenance,
    output: 'push',
  });
  if (!result.digest) throw new Error('buildx pushed but reported no digest in its metadata file');
  return result.digest;
}

async function verifyTags(registry: RegistryClient, inputs: ActionInputs, tags: string[], digest: string): Promise<void> {
  for (const tag of tags) {
    const info = await registry.manifestInfo(inputs.image.repository, tag);
    if (info?.digest !== digest) {
      throw new ConfigurationError(
        `the registry's ${inputs.image.full}:${tag} answers ${info?.digest ?? 'nothing'}, not the pushed ${digest}`,
      );
    }
  }
}

/**
 * Removes the registry tags of an image that failed its scan from the engine, so that no later
 * step of the job pushes it by name; the layers stay in the cache and the image stays reachable
 * by its ID for inspection.
 */
async function untag(client: DockerClient, refs: string[]): Promise<void> {
  const result = await dockerExec(client, ['image', 'rm', ...refs], { quiet: true });
  if (result.exitCode === 0) core.info(`removed the local tags ${refs.join(', ')} of the image that failed its scan`);
}

import * as core from '../core/runner.js';
import { ConfigurationError } from '../core/errors.js';
import { lastLines } from '../core/exec.js';
import { RegistryError, type RegistryClient } from '../registry/client.js';
import { dockerExec, type DockerClient } from './engine.js';
import type { ImageName } from './reference.js';

export interface PushRequest {
  image: ImageName;
  /** Tag names; the first is pushed with the engine, the others point at the same manifest. */
  tags: string[];
  registry: RegistryClient;
  /** Attempts for a push that fails with a transient registry error (default 4). */
  attempts?: number;
  backoffMs?: number;
}

export interface PushResult {
  digest: string;
  /** Full references, by tag and by digest. */
  refs: string[];
  digestRef: string;
  /** Engine pushes it took (more than 1 when the registry failed transiently). */
  attempts: number;
}

// Status codes only as whole words: the push output is full of hex layer IDs (`b1af84030a2c`).
const AUTH_FAILURE = /unauthorized|authentication required|no basic auth credentials|denied|forbidden|\b40[13]\b/i;
const TRANSIENT =
  /\b50[0-4]\b|internal server error|bad gateway|service unavailable|gateway time-?out|too ?many ?requests|\b429\b|connection reset|connection refused|broken pipe|unexpected EOF|\bEOF\b|i\/o timeout|TLS handshake timeout|timeout exceeded|net\/http/i;

export type PushFailure = 'auth' | 'transient' | 'permanent';

/** What kind of failure the engine's push output describes. */
export function classifyPushFailure(output: string): PushFailure {
  if (AUTH_FAILURE.test(output)) return 'auth';
  if (TRANSIENT.test(output)) return 'transient';
  return 'permanent';
}

export function parsePushDigest(output: string, tag: string): string | undefined {
  const escaped = tag.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`^${escaped}: digest: (sha256:[a-f0-9]{64}) size: \\d+`, 'm').exec(output)?.[1];
}

/**
 * Pushes the scanned local image: the engine pushes the layers and the first tag (retried on
 * transient registry errors), the other tags are pointed at the same manifest by digest through
 * the registry API (so no tag is pushed twice and none can differ), then every tag is read back
 * from the registry and must answer the pushed digest.
 */
export async function pushImage(client: DockerClient, request: PushRequest): Promise<PushResult> {
  const [first, ...others] = request.tags;
  if (first === undefined) throw new Error('pushImage needs at least one tag');
  const attempts = request.attempts ?? 4;
  const backoffMs = request.backoffMs ?? 2000;
  const firstRef = `${request.image.full}:${first}`;

  let digest: string | undefined;
  let attempt = 0;
  for (;;) {
    attempt++;
    const result = await dockerExec(client, ['push', firstRef], { onLine: (line) => core.info(line) });
    const output = `${result.stdout}\n${result.stderr}`;
    if (result.exitCode === 0) {
      digest = parsePushDigest(result.stdout, first);
      if (!digest) throw new Error(`docker push ${firstRef} succeeded but printed no digest:\n${lastLines(output, 5)}`);
      break;
    }
    const kind = classifyPushFailure(output);
    if (kind === 'auth') {
      throw new ConfigurationError(
        `the registry ${request.image.host} refused the push of ${firstRef}: ${lastLines(result.stderr || result.stdout, 1)}; ` +
          `check registry-username and registry-password (or the Google credentials) and that they may push to ${request.image.repository}`,
      );
    }
    if (kind === 'permanent' || attempt >= attempts) {
      throw new ConfigurationError(
        `docker push ${firstRef} failed${attempt > 1 ? ` after ${attempt} attempts` : ''}:\n${lastLines(result.stderr || result.stdout, 5)}`,
      );
    }
    const delay = backoffMs * 2 ** (attempt - 1);
    core.warning(
      `push of ${firstRef} failed with a transient registry error (${lastLines(result.stderr || result.stdout, 1)}); retrying in ${delay} ms`,
    );
    await new Promise((resolve) => setTimeout(resolve, delay));
  }

  const repository = request.image.repository;
  try {
    if (others.length > 0) {
      const manifest = await request.registry.getManifest(repository, digest);
      if (!manifest) throw new RegistryError(`the registry does not have ${request.image.full}@${digest} right after the push`);
      for (const tag of others) {
        await request.registry.putManifest(repository, tag, manifest);
        core.info(`${request.image.full}:${tag} -> ${digest}`);
      }
    }
    for (const tag of request.tags) {
      const info = await request.registry.manifestInfo(repository, tag);
      if (!info) throw new RegistryError(`the registry has no ${request.image.full}:${tag} after the push`);
      if (info.digest !== digest) {
        throw new RegistryError(
          `the registry's ${request.image.full}:${tag} has digest ${info.digest}, not the pushed ${digest} (another push raced this one?)`,
        );
      }
    }
  } catch (error) {
    if (error instanceof RegistryError) throw new ConfigurationError(`verifying the push failed: ${error.message}`);
    throw error;
  }
  core.info(`verified: every tag of ${request.image.full} answers ${digest}`);
  return {
    digest,
    refs: request.tags.map((tag) => `${request.image.full}:${tag}`),
    digestRef: `${request.image.full}@${digest}`,
    attempts: attempt,
  };
}

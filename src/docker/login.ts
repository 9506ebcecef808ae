import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigurationError } from '../core/errors.js';
import { exec, lastLines } from '../core/exec.js';
import { registerSecret } from '../core/secrets.js';
import type { RegistryCredentials } from '../registry/client.js';
import { dockerExec, type DockerClient } from './engine.js';

/**
 * Registry log-in into a docker configuration folder made for this run only (never the user's
 * ~/.docker), so the credentials live exactly as long as the job needs them: the post step
 * removes the folder.
 */

export function createDockerConfigDir(): string {
  return mkdtempSync(join(process.env.RUNNER_TEMP || tmpdir(), 'aura-docker-config-'));
}

export async function dockerLogin(
  client: DockerClient,
  configDir: string,
  host: string,
  credentials: RegistryCredentials,
): Promise<void> {
  registerSecret(credentials.password);
  const result = await dockerExec(client, ['--config', configDir, 'login', host, '--username', credentials.username, '--password-stdin'], {
    input: credentials.password,
  });
  if (result.exitCode !== 0) {
    throw new ConfigurationError(
      `logging in to ${host} as '${credentials.username}' failed: ${lastLines(result.stderr || result.stdout, 2)}; ` +
        `check registry-username and registry-password (or the Google credentials)`,
    );
  }
}

/** Removes a configuration folder this action made; anything else is left alone. */
export function removeDockerConfigDir(dir: string): boolean {
  if (!dir || !/aura-docker-config-[^/]+$/.test(dir) || !existsSync(dir)) return false;
  rmSync(dir, { recursive: true, force: true });
  return true;
}

interface DockerConfigFile {
  auths?: Record<string, { auth?: string; username?: string; password?: string; identitytoken?: string }>;
  credsStore?: string;
  credHelpers?: Record<string, string>;
}

function hostKeys(host: string): string[] {
  if (host === 'docker.io') return ['https://index.docker.io/v1/', 'index.docker.io', 'docker.io', 'registry-1.docker.io'];
  return [host, `https://${host}`, `http://${host}`];
}

/**
 * The credentials a docker configuration holds for a registry (a login made earlier in the job,
 * by this action or by docker/login-action), for the registry API calls that verify a push.
 */
export async function credentialsFromDockerConfig(
  configDir: string | undefined,
  host: string,
): Promise<RegistryCredentials | undefined> {
  const dir = configDir || process.env.DOCKER_CONFIG || join(homedir(), '.docker');
  const file = join(dir, 'config.json');
  if (!existsSync(file)) return undefined;
  let config: DockerConfigFile;
  try {
    config = JSON.parse(readFileSync(file, 'utf8')) as DockerConfigFile;
  } catch {
    return undefined;
  }
  for (const key of hostKeys(host)) {
    const entry = config.auths?.[key];
    if (!entry) continue;
    if (entry.auth) {
      const decoded = Buffer.from(entry.auth, 'base64').toString('utf8');
      const index = decoded.indexOf(':');
      if (index > 0) {
        const credentials = { username: decoded.slice(0, index), password: decoded.slice(index + 1) };
        registerSecret(credentials.password);
        return credentials;
      }
    }
    if (entry.username && entry.password) {
      registerSecret(entry.password);
      return { username: entry.username, password: entry.password };
    }
  }
  const helper = hostKeys(host).map((key) => config.credHelpers?.[key]).find(Boolean) ?? config.credsStore;
  if (!helper) return undefined;
  try {
    const result = await exec(`docker-credential-${helper}`, ['get'], { input: host, quiet: true, timeoutMs: 30_000 });
    if (result.exitCode !== 0) return undefined;
    const body = JSON.parse(result.stdout) as { Username?: string; Secret?: string };
    if (!body.Username || !body.Secret) return undefined;
    registerSecret(body.Secret);
    return { username: body.Username, password: body.Secret };
  } catch {
    return undefined;
  }
}

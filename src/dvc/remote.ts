import { randomUUID } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { isAbsolute, join, resolve } from 'node:path';
import * as core from '../core/runner.js';
import { ConfigurationError } from '../core/errors.js';
import { registerSecret } from '../core/secrets.js';
import { loadGoogleCredentials } from '../google/credentials.js';
import { DvcConfigFile, remoteSection } from './config-file.js';

/**
 * The DVC remote of a run, configured from the action's inputs in the repository's `--local`
 * config (.dvc/config.local, which git ignores), never in the committed .dvc/config. The remote
 * becomes DVC's default (`core.remote`), because `dvc repro --pull` pulls from the default remote
 * only. Credentials never go into a config file: a key given as input is written to a temporary
 * file (mode 0600) that the config points to, and the post step removes it and restores the
 * local config as it was.
 */

export interface RemoteInputs {
  /** '' (the repository's default remote), a remote name, a URL (s3://, gs://...) or a local path. */
  remote: string;
  endpointUrl?: string;
  gcpCredentials?: string;
}

export interface RemoteSetup {
  /** The remote DVC uses; undefined when the repository has none. */
  name?: string;
  url?: string;
  scheme?: string;
  /** DVC's pip extras this remote needs (`s3`, `gs`...). */
  extras: string[];
  /** Where the credentials come from, for the log and summary (never their content). */
  credentials: string;
  /** Variables the DVC processes get (a Workload Identity configuration's path). */
  env: Record<string, string>;
  /** How the remote was chosen, for the log. */
  origin: 'input-name' | 'input-url' | 'repository-default' | 'none';
}

/** What the post step needs to undo: saved in the step's state. */
export interface RemoteCleanup {
  dvcDir: string;
  /** The local config as it was (a copy in tempDir), or undefined when there was none. */
  backup?: string;
  /** Whether this run wrote the local config. */
  wrote: boolean;
  tempDir?: string;
}

export const CI_REMOTE_NAME = 'aura';

const EXTRA_BY_SCHEME: Record<string, string> = {
  s3: 's3',
  gs: 'gs',
  gcs: 'gs',
  azure: 'azure',
  ssh: 'ssh',
  hdfs: 'hdfs',
  webhdfs: 'webhdfs',
  webdav: 'webdav',
  webdavs: 'webdav',
  oss: 'oss',
  gdrive: 'gdrive',
};

export interface RepoConfig {
  shared: DvcConfigFile;
  local: DvcConfigFile;
  localText: string | undefined;
}

export function readRepoConfig(dvcDir: string): RepoConfig {
  const read = (name: string): string | undefined => {
    const path = join(dvcDir, name);
    return existsSync(path) ? readFileSync(path, 'utf8') : undefined;
  };
  const localText = read('config.local');
  return { shared: new DvcConfigFile(read('config') ?? ''), local: new DvcConfigFile(localText ?? ''), localText };
}

/** A value as DVC sees it: the local config overrides the repository's. */
export function configValue(config: RepoConfig, section: string, key: string): string | undefined {
  return config.local.get(section, key) ?? config.shared.get(section, key);
}

export function schemeOf(url: string): string {
  const match = /^([a-z][a-z0-9+.-]*):\/\//i.exec(url);
  return match ? match[1]!.toLowerCase() : 'local';
}

/** A URL's user:password part is never shown. */
export function displayUrl(url: string): string {
  return url.replace(/^([a-z][a-z0-9+.-]*:\/\/)[^/@]*@/i, '$1***@');
}

function looksLikePath(text: string): boolean {
  return text.startsWith('/') || text.startsWith('./') || text.startsWith('../') || text.startsWith('~') || text === '.' || text.includes('/');
}

/** A name the repository's own config does not use (a local remote of an earlier run is replaced). */
function pickName(config: RepoConfig): string {
  const taken = new Set(config.shared.remotes());
  let name = CI_REMOTE_NAME;
  for (let n = 2; taken.has(name); n++) name = `${CI_REMOTE_NAME}-${n}`;
  return name;
}

function registerAwsSecrets(env: NodeJS.ProcessEnv): string {
  // Real keys are 16+ characters; masking a placeholder such as 'x' would mangle every log line.
  for (const name of ['AWS_SECRET_ACCESS_KEY', 'AWS_SESSION_TOKEN', 'AWS_ACCESS_KEY_ID']) {
    const value = env[name];
    if (value && value.length >= 8) registerSecret(value);
  }
  if (env.AWS_ACCESS_KEY_ID && env.AWS_SECRET_ACCESS_KEY) return 'AWS credentials from the environment (AWS_ACCESS_KEY_ID)';
  if (env.AWS_PROFILE) return `the AWS profile ${env.AWS_PROFILE}`;
  if (env.AWS_WEB_IDENTITY_TOKEN_FILE) return 'the AWS web identity token (AWS_WEB_IDENTITY_TOKEN_FILE)';
  return 'the default AWS credential chain (no AWS_* credentials in the environment)';
}

function privateDir(root: string): string {
  const dir = join(root, `aura-dvc-${randomUUID()}`);
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  chmodSync(dir, 0o700);
  return dir;
}

function writePrivate(path: string, content: string): void {
  writeFileSync(path, content, { mode: 0o600 });
  chmodSync(path, 0o600);
}

/**
 * Chooses the remote and writes what the inputs ask for into .dvc/config.local. Returns the
 * remote and what the post step must undo (saved with `saveCleanup` before anything is written).
 */
export function configureRemote(
  repoRoot: string,
  inputs: RemoteInputs,
  env: NodeJS.ProcessEnv,
  saveCleanup: (cleanup: RemoteCleanup) => void,
): RemoteSetup {
  const dvcDir = join(repoRoot, '.dvc');
  const config = readRepoConfig(dvcDir);
  const known = [...new Set([...config.shared.remotes(), ...config.local.remotes()])];
  const requested = inputs.remote.trim();

  let name: string | undefined;
  let url: string | undefined;
  let origin: RemoteSetup['origin'];
  let addUrl = false;
  if (requested === '') {
    name = configValue(config, 'core', 'remote');
    origin = name ? 'repository-default' : 'none';
    if (name && !known.includes(name)) {
      throw new ConfigurationError(
        `.dvc/config sets core.remote to '${name}', which no ['remote "${name}"'] section defines; fix .dvc/config or set the 'remote' input`,
        { file: '.dvc/config' },
      );
    }
  } else if (/^[a-z][a-z0-9+.-]*:\/\//i.test(requested) || looksLikePath(requested)) {
    origin = 'input-url';
    name = pickName(config);
    addUrl = true;
    if (schemeOf(requested) === 'local') {
      const expanded = requested.startsWith('~') ? join(homedir(), requested.slice(1)) : requested;
      url = isAbsolute(expanded) ? expanded : resolve(repoRoot, expanded);
    } else {
      url = requested;
    }
  } else {
    origin = 'input-name';
    name = requested;
    if (!known.includes(name)) {
      throw new ConfigurationError(
        `input 'remote' names '${name}', which is not a remote of this repository (` +
          (known.length ? `remotes: ${known.join(', ')}` : 'it has none') +
          `); give one of those names, a URL such as s3://bucket/path or gs://bucket/path, or a directory path`,
      );
    }
  }
  if (name && !url) url = configValue(config, remoteSection(name), 'url');
  if (url) registerUrlSecret(url);
  const scheme = url ? schemeOf(url) : undefined;

  if (inputs.endpointUrl && name === undefined) {
    throw new ConfigurationError(`input 'endpoint-url' is set but no remote is: set the 'remote' input too`);
  }
  if (inputs.endpointUrl && scheme !== 's3' && scheme !== 'gs' && scheme !== 'gcs') {
    throw new ConfigurationError(
      `input 'endpoint-url' applies to s3:// (or gs://) remotes; remote '${name}' is ${url ? displayUrl(url) : 'not set'}`,
    );
  }

  const localEdits: [section: string, key: string, value: string][] = [];
  const processEnv: Record<string, string> = {};
  let credentials = 'none needed';
  let tempDir: string | undefined;

  if (scheme === 's3') credentials = registerAwsSecrets(env);
  const google = loadGoogleCredentials(inputs.gcpCredentials, scheme === 'gs' || scheme === 'gcs' ? env : {});
  if (google && scheme !== 'gs' && scheme !== 'gcs') {
    core.warning(`input 'gcp-credentials' is ignored: it is for gs:// remotes, and remote '${name ?? '(none)'}' is ${url ? displayUrl(url) : 'not set'}`);
  } else if (google && inputs.gcpCredentials) {
    tempDir = privateDir(env.RUNNER_TEMP || tmpdir());
    const keyFile = join(tempDir, 'gcp-credentials.json');
    writePrivate(keyFile, JSON.stringify(google.credentials.json));
    if (google.credentials.type === 'service_account') {
      localEdits.push([remoteSection(name!), 'credentialpath', keyFile]);
      credentials = `the service-account key from input 'gcp-credentials' (${google.credentials.clientEmail}), in a private temporary file`;
    } else {
      // A Workload Identity configuration is read through Google's default credentials.
      processEnv.GOOGLE_APPLICATION_CREDENTIALS = keyFile;
      credentials = `the Workload Identity configuration from input 'gcp-credentials', in a private temporary file`;
    }
  } else if (google) {
    credentials = `the credentials file google-github-actions/auth exported (${google.source.replace(/ \(.*\)$/, '')})`;
    if (!env.GOOGLE_APPLICATION_CREDENTIALS && env.GOOGLE_GHA_CREDS_PATH) {
      processEnv.GOOGLE_APPLICATION_CREDENTIALS = env.GOOGLE_GHA_CREDS_PATH;
    }
  } else if (scheme === 'gs' || scheme === 'gcs') {
    credentials = "Google's default credentials (no gcp-credentials input, no google-github-actions/auth file)";
  }

  if (name !== undefined) {
    if (addUrl) localEdits.push([remoteSection(name), 'url', url!]);
    if (inputs.endpointUrl) localEdits.push([remoteSection(name), 'endpointurl', inputs.endpointUrl]);
    if (origin !== 'repository-default') localEdits.push(['core', 'remote', name]);
  }

  if (localEdits.length > 0) {
    tempDir ??= privateDir(env.RUNNER_TEMP || tmpdir());
    const cleanup: RemoteCleanup = { dvcDir, wrote: true, tempDir };
    if (config.localText !== undefined) {
      cleanup.backup = join(tempDir, 'config.local.orig');
      writePrivate(cleanup.backup, config.localText);
    }
    saveCleanup(cleanup);
    // A remote this run defines replaces whatever an earlier run left under that name.
    if (addUrl) config.local.removeSection(remoteSection(name!));
    for (const [section, key, value] of localEdits) config.local.set(section, key, value);
    writeFileSync(join(dvcDir, 'config.local'), config.local.toString());
  } else if (tempDir) {
    saveCleanup({ dvcDir, wrote: false, tempDir });
  }

  return {
    name,
    url: url === undefined ? undefined : displayUrl(url),
    scheme,
    extras: scheme && EXTRA_BY_SCHEME[scheme] ? [EXTRA_BY_SCHEME[scheme]!] : [],
    credentials,
    env: processEnv,
    origin,
  };
}

function registerUrlSecret(url: string): void {
  const userinfo = /^[a-z][a-z0-9+.-]*:\/\/([^/@]*)@/i.exec(url)?.[1];
  if (userinfo) registerSecret(userinfo);
}

/** The post step: the local config as it was before the run, and no credentials file left. */
export function undoRemote(cleanup: RemoteCleanup): string[] {
  const done: string[] = [];
  if (cleanup.wrote) {
    const local = join(cleanup.dvcDir, 'config.local');
    if (cleanup.backup && existsSync(cleanup.backup)) {
      writeFileSync(local, readFileSync(cleanup.backup));
      done.push('restored .dvc/config.local as it was');
    } else {
      rmSync(local, { force: true });
      done.push('removed the .dvc/config.local this step wrote');
    }
  }
  if (cleanup.tempDir && existsSync(cleanup.tempDir)) {
    rmSync(cleanup.tempDir, { recursive: true, force: true });
    done.push('removed the temporary credentials directory');
  }
  return done;
}

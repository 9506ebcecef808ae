import { existsSync, statSync } from 'node:fs';
import { isAbsolute, join, relative, resolve } from 'node:path';
import * as core from '../../core/runner.js';
import { ConfigurationError, getBoolean, getList, getListOrJson, getOptionalString, getString, registerSecret } from '../../core/index.js';
import { DEFAULT_CATALOG_PATH } from '../../catalog/index.js';
import { parseSpecifier, type Specifier } from '../../dvc/version.js';

export interface ActionInputs {
  workspace: string;
  /** The repository root (working-directory resolved against the workspace). */
  repoRoot: string;
  /** As given, for messages. */
  workingDirectory: string;
  catalog: string;
  /** undefined: not given (every stage unless `targets`); []: an explicit empty list (nothing to do). */
  services: string[] | undefined;
  targets: string[];
  version: Specifier;
  remote: string;
  endpointUrl?: string;
  gcpCredentials?: string;
  keepGoing: boolean;
  runCache: boolean;
  push: boolean;
  pushRunCache: boolean;
  pushRetries: number;
  pullOutputs: boolean;
  cache: boolean;
}

export function readInputs(env: NodeJS.ProcessEnv): ActionInputs {
  const workspace = resolve(env.GITHUB_WORKSPACE ?? '');
  const workingDirectory = getString('working-directory', '.');
  const repoRoot = resolve(workspace, workingDirectory);
  const outside = relative(workspace, repoRoot);
  if (outside.startsWith('..') || isAbsolute(outside)) {
    throw new ConfigurationError(`input 'working-directory' (${workingDirectory}) points outside the workspace ${workspace}`);
  }
  if (!existsSync(repoRoot) || !statSync(repoRoot).isDirectory()) {
    throw new ConfigurationError(`input 'working-directory' (${workingDirectory}) is not a directory of the workspace; check out the repository first (actions/checkout)`);
  }
  if (!existsSync(join(repoRoot, '.dvc'))) {
    throw new ConfigurationError(
      `${workingDirectory === '.' ? 'the workspace' : workingDirectory} is not a DVC repository (no .dvc directory): run 'dvc init' and commit .dvc/, ` +
        `or set 'working-directory' to the folder that holds .dvc/`,
    );
  }

  const rawServices = core.getInput('services').trim();
  const services = rawServices === '' ? undefined : getListOrJson('services');

  const gcpCredentials = getOptionalString('gcp-credentials');
  registerSecret(gcpCredentials);
  const retries = getString('push-retries', '2');
  if (!/^\d+$/.test(retries) || Number(retries) > 10) {
    throw new ConfigurationError(`input 'push-retries' must be a whole number from 0 to 10, got '${retries}'`);
  }

  return {
    workspace,
    repoRoot,
    workingDirectory,
    catalog: getString('catalog', DEFAULT_CATALOG_PATH),
    services,
    targets: getList('targets'),
    version: parseSpecifier(getString('version', '3.*')),
    remote: getString('remote', ''),
    endpointUrl: getOptionalString('endpoint-url'),
    gcpCredentials,
    keepGoing: getBoolean('keep-going', false),
    runCache: getBoolean('run-cache', true),
    push: getBoolean('push', true),
    pushRunCache: getBoolean('push-run-cache', false),
    pushRetries: Number(retries),
    pullOutputs: getBoolean('pull-outputs', false),
    cache: getBoolean('cache', true),
  };
}

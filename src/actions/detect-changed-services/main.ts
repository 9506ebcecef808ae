import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import * as core from '@actions/core';
import { dependentsIndex, loadCatalog } from '../../catalog/index.js';
import type { Catalog } from '../../catalog/types.js';
import { computeAffected, selectServices, type Affected } from '../../changes/affected.js';
import { listChangedFiles, resolveComparison, fileAtRef, type EventInfo } from '../../changes/index.js';
import { matrixEntries, reasonsOutput, renderSummary } from '../../changes/report.js';
import type { ChangeSet, Comparison } from '../../changes/types.js';
import { ConfigurationError } from '../../core/errors.js';
import { getListOrJson, getOptionalString, getString } from '../../core/inputs.js';
import { registerSecret } from '../../core/secrets.js';
import { runAction, setOutput } from '../../core/action.js';
import { writeSummary } from '../../core/summary.js';
import { analyzeDvcImpact, describeStageReasons } from '../../dvc/impact.js';

export const ERROR_PREFIX = 'detect-changed-services';

interface Inputs {
  root: string;
  catalog: string;
  base?: string;
  head?: string;
  services: string[] | 'all';
  tagPattern: string;
  token?: string;
  fetchDepth: number;
}

function readInputs(): Inputs {
  const workspace = process.env.GITHUB_WORKSPACE ?? process.cwd();
  const fetchDepthText = getString('fetch-depth', '100');
  const fetchDepth = Number(fetchDepthText);
  if (!Number.isInteger(fetchDepth) || fetchDepth < 1) {
    throw new ConfigurationError(`input 'fetch-depth' must be a whole number of commits of at least 1, got '${fetchDepthText}'`);
  }
  const services = getListOrJson('services');
  const token = getOptionalString('token');
  registerSecret(token);
  return {
    root: resolve(workspace, getString('working-directory', '.')),
    catalog: getString('catalog', '.github/services.yml'),
    base: getOptionalString('base'),
    head: getOptionalString('head'),
    services: services.length === 0 || (services.length === 1 && services[0]!.toLowerCase() === 'all') ? 'all' : services,
    tagPattern: getString('tag-pattern', 'v*'),
    token,
    fetchDepth,
  };
}

function readEvent(): EventInfo {
  const path = process.env.GITHUB_EVENT_PATH;
  let payload: Record<string, unknown> = {};
  if (path) {
    try {
      payload = JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
    } catch (error) {
      throw new ConfigurationError(`cannot read the event payload at ${path} (${(error as Error).message})`);
    }
  }
  return {
    eventName: process.env.GITHUB_EVENT_NAME ?? '',
    payload,
    ref: process.env.GITHUB_REF ?? '',
    sha: process.env.GITHUB_SHA ?? '',
  };
}

function checkSelection(catalog: Catalog, services: string[] | 'all'): void {
  if (services === 'all') return;
  const unknown = services.filter((name) => !catalog.services.has(name));
  if (unknown.length > 0) {
    throw new ConfigurationError(
      `input 'services' names ${unknown.map((n) => `'${n}'`).join(', ')}, not in ${catalog.file}; ` +
        `known services: ${[...catalog.services.keys()].join(', ')} (or 'all')`,
    );
  }
}

async function affectedByDiff(catalog: Catalog, changes: ChangeSet, root: string): Promise<Affected> {
  const impact = await analyzeDvcImpact({
    changedFiles: changes.files,
    base: changes.comparison.base,
    head: changes.comparison.head,
    read: fileAtRef(root),
  });
  for (const warning of impact.warnings) core.warning(warning);
  return computeAffected(catalog, changes.files, describeStageReasons(impact), dependentsIndex(catalog));
}

export async function run(): Promise<void> {
  await runAction(ERROR_PREFIX, async () => {
    const inputs = readInputs();
    const catalog = loadCatalog(inputs.root, inputs.catalog);
    checkSelection(catalog, inputs.services);

    const comparison: Comparison = await resolveComparison(readEvent(), {
      base: inputs.base,
      head: inputs.head,
      services: inputs.services,
      tagPattern: inputs.tagPattern,
      fetchDepth: inputs.fetchDepth,
      cwd: inputs.root,
    });

    let affected: Affected;
    let changes: ChangeSet | undefined;
    if (comparison.kind === 'diff') {
      changes = await listChangedFiles(comparison, {
        cwd: inputs.root,
        token: inputs.token,
        repository: process.env.GITHUB_REPOSITORY,
        fetchDepth: inputs.fetchDepth,
      });
      affected = await affectedByDiff(catalog, changes, inputs.root);
    } else if (comparison.kind === 'selected') {
      checkSelection(catalog, comparison.services);
      affected = selectServices(catalog, comparison.services, comparison.reason);
    } else {
      affected = selectServices(catalog, 'all', comparison.reason);
    }

    core.info(
      affected.services.length === 0
        ? 'No service changed.'
        : `Changed services (${affected.services.length} of ${catalog.services.size}): ${affected.services.join(', ')}`,
    );
    setOutput('services', affected.services);
    setOutput('matrix', { include: matrixEntries(catalog, affected.services) });
    setOutput('any-changed', String(affected.services.length > 0));
    setOutput('reasons', reasonsOutput(affected));
    setOutput('changed-files', String(changes?.files.length ?? 0));
    setOutput('base', comparison.kind === 'diff' ? comparison.base : '');
    setOutput('head', comparison.kind === 'diff' ? comparison.head : (comparison.head ?? ''));
    await writeSummary(renderSummary(catalog, affected, comparison, changes?.files.length, changes?.source));
  });
}

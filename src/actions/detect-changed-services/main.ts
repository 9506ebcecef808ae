import { resolve } from 'node:path';
import * as core from '../../core/runner.js';
import { dependentsIndex, loadCatalog } from '../../catalog/index.js';
import type { Catalog } from '../../catalog/types.js';
import { computeAffected, selectServices, type Affected } from '../../changes/affected.js';
import { listChangedFiles } from '../../changes/changed-files.js';
import { resolveComparison } from '../../changes/comparison.js';
import { eventFromEnvironment } from '../../changes/event.js';
import { fileAtRef } from '../../changes/file-at-ref.js';
import { matrixEntries, reasonsOutput, renderSummary } from '../../changes/report.js';
import type { ChangeSet, Comparison } from '../../changes/types.js';
import { ConfigurationError } from '../../core/errors.js';
import { getBoolean, getListOrJson, getOptionalString, getString } from '../../core/inputs.js';
import { registerSecret } from '../../core/secrets.js';
import { runAction, setAnnotationRoot, setOutput } from '../../core/action.js';
import { writeSummary } from '../../core/summary.js';
import { analyzeDvcImpact, describeStageReasons } from '../../dvc/impact.js';
import { parseStageAddress, PROJECT_FILE } from '../../dvc/pipeline.js';

export const ERROR_PREFIX = 'detect-changed-services';

interface Inputs {
  root: string;
  catalog: string;
  base?: string;
  head?: string;
  services: string[] | 'all';
  forceAll: boolean;
  tagPattern: string;
  token?: string;
  fetchDepth: number;
}

function readInputs(): Inputs {
  const workspace = process.env.GITHUB_WORKSPACE ?? process.cwd();
  const fetchDepthText = getString('fetch-depth', '100');
  if (!/^\d+$/.test(fetchDepthText)) {
    throw new ConfigurationError(
      `input 'fetch-depth' must be a whole number of commits (0 fetches the whole history at once), got '${fetchDepthText}'`,
    );
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
    forceAll: getBoolean('force-all', false),
    tagPattern: getString('tag-pattern', 'v*'),
    token,
    fetchDepth: Number(fetchDepthText),
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

/** The dvc.yaml files the catalog's stages live in (the root one always). */
function catalogPipelines(catalog: Catalog): string[] {
  const files = new Set([PROJECT_FILE]);
  for (const service of catalog.services.values()) {
    for (const stage of service.dvc?.stages ?? []) files.add(parseStageAddress(stage).dvcfile);
  }
  return [...files];
}

async function affectedByDiff(catalog: Catalog, changes: ChangeSet, root: string): Promise<Affected> {
  const impact = await analyzeDvcImpact({
    changedFiles: changes.files,
    base: changes.comparison.base,
    head: changes.comparison.head,
    read: fileAtRef(root),
    pipelines: catalogPipelines(catalog),
  });
  for (const warning of impact.warnings) core.warning(warning);
  return computeAffected(catalog, changes.files, describeStageReasons(impact), dependentsIndex(catalog));
}

export async function run(): Promise<void> {
  await runAction(ERROR_PREFIX, async () => {
    const inputs = readInputs();
    setAnnotationRoot(inputs.root);
    const catalog = loadCatalog(inputs.root, inputs.catalog);
    checkSelection(catalog, inputs.services);

    const comparison: Comparison = inputs.forceAll
      ? { kind: 'all', reason: 'the force-all input' }
      : await resolveComparison(eventFromEnvironment(), {
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

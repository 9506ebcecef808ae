import * as core from '../../core/runner.js';
import { loadCatalog, requireService } from '../../catalog/index.js';
import type { Catalog, MetricRule } from '../../catalog/types.js';
import { expandFileGlobs } from '../../metrics/sources.js';
import type { MetricGroup } from '../../metrics/types.js';
import type { GateInputs } from './inputs.js';

export interface Selection {
  groups: MetricGroup[];
  catalog: Catalog | undefined;
  /** Where the rules come from, for the comment's footer. */
  rulesSource: string | undefined;
}

/**
 * The metrics to compare: the services of the catalog (all with metrics, or those named in
 * `services`), each with its rules, the `rules` input filling in metrics the catalog has no rule
 * for; or, with `files`, one group per metrics file ruled by the `rules` input alone.
 */
export async function selectGroups(inputs: GateInputs, base: string | undefined): Promise<Selection> {
  if (inputs.files.length > 0) {
    const files = await expandFileGlobs(inputs.root, inputs.files, base);
    return {
      groups: files.map((file) => ({ name: file, files: [file], rules: inputs.rules })),
      catalog: undefined,
      rulesSource: inputs.rules.size > 0 ? "the 'rules' input" : undefined,
    };
  }
  const catalog = loadCatalog(inputs.root, inputs.catalog);
  const names =
    inputs.services === 'all'
      ? [...catalog.services.values()].filter((service) => service.metrics).map((service) => service.name)
      : inputs.services;
  const groups: MetricGroup[] = [];
  for (const name of names) {
    const service = requireService(catalog, name, "input 'services'");
    if (!service.metrics || service.metrics.files.length === 0) {
      core.info(`${name}: no metrics in the catalog; nothing to compare`);
      continue;
    }
    const rules = new Map<string, MetricRule>(service.metrics.rules);
    for (const [metric, rule] of inputs.rules) if (!rules.has(metric)) rules.set(metric, rule);
    groups.push({
      name,
      files: service.metrics.files,
      rules,
      ruleLocation: (metric) =>
        service.metrics!.rules.has(metric) ? catalog.locate(['services', name, 'metrics', 'rules', metric]) : undefined,
    });
  }
  return { groups, catalog, rulesSource: `\`${catalog.file}\`` };
}

import { formatKeyPath, type KeyPath } from './keypath.js';
import {
  containerNameProblem,
  contextProblem,
  deploymentNameProblem,
  dvcStageProblem,
  globProblem,
  healthPathProblem,
  imageNameProblem,
  kubeNameProblem,
  metricsFileProblem,
  nameProblem,
  namespaceProblem,
  parseThreshold,
  resolveDockerfile,
  targetProblem,
  type GlobList,
} from './rules.js';
import { globBase } from './globs.js';
import { didYouMean } from './suggest.js';
import { describe, keyName, type MapNode, type PairNode, type ScalarNode, type SeqNode, type YamlNode } from './tree.js';
import type {
  DeployConfig,
  DvcConfig,
  ImageConfig,
  MetricRule,
  MetricsConfig,
  Service,
  SharedGroup,
  TestConfig,
} from './types.js';

/** Something wrong in the catalog: where (an offset into the text) and the whole message. */
export interface Problem {
  offset: number;
  message: string;
}

/** A `uses` entry as written, checked against the catalog's names once everything is read. */
export interface UsesEntry {
  service: string;
  name: string;
  path: KeyPath;
  node: YamlNode;
}

export interface CatalogContent {
  global: string[];
  shared: Map<string, SharedGroup>;
  services: Map<string, Service>;
  /** Where each group and service name is written, to report clashes and cycles. */
  groupKeys: Map<string, ScalarNode>;
  serviceKeys: Map<string, ScalarNode>;
  uses: UsesEntry[];
}

const KEYS = {
  root: ['version', 'global', 'shared', 'services'],
  group: ['paths', 'ignore'],
  service: ['paths', 'ignore', 'uses', 'dvc', 'image', 'deploy', 'metrics', 'test'],
  dvc: ['stages'],
  image: ['name', 'context', 'dockerfile', 'target', 'build_args'],
  deploy: ['deployment', 'container', 'namespace', 'health_path'],
  metrics: ['files', 'rules'],
  rule: ['better', 'max_drop', 'max_rise'],
  test: ['coverage'],
} as const;

/**
 * A mapping's accepted entries, and the accepted keys that misspelt keys seem meant to be.
 * Sections have a handful of keys: a scan beats allocating a Map for each of thousands of them.
 */
class Fields {
  /** Accepted keys that misspelt ones stand for; allocated only when there is one. */
  misspelt: string[] | undefined;

  constructor(private readonly map: MapNode) {}

  get(name: string): PairNode | undefined {
    const items = this.map.items;
    for (let index = 0; index < items.length; index++) {
      const pair = items[index];
      if (pair && keyName(pair.key) === name) return pair;
    }
    return undefined;
  }
}

/**
 * Reads the catalog's tree into the model, collecting every problem with its offset: the loader
 * reports the first one in the document, so a user fixes the file from the top.
 */
export class CatalogReader {
  readonly problems: Problem[] = [];

  constructor(private readonly lineOf: (offset: number) => number) {}

  read(root: YamlNode | null): CatalogContent {
    const content: CatalogContent = {
      global: [],
      shared: new Map(),
      services: new Map(),
      groupKeys: new Map(),
      serviceKeys: new Map(),
      uses: [],
    };
    if (root === null) {
      this.report(0, [], "the catalog is empty; start it with 'version: 1' and a 'services:' mapping (see action-templates/services.yml of aura/actions)");
      return content;
    }
    if (root.kind !== 'map') {
      this.report(root.start, [], `the catalog must be a mapping with the keys ${KEYS.root.join(', ')}, got ${describe(root)}`);
      return content;
    }
    const fields = this.fields(root, [], KEYS.root, 'the catalog');
    const version = fields.get('version');
    if (version) this.version(version);
    else this.missing(fields, root.start, ['version'], "add 'version: 1' at the top of the catalog");
    const global = fields.get('global');
    if (global) content.global = this.globs(global.value, ['global'], 'global', false);
    const shared = fields.get('shared');
    if (shared) this.sharedGroups(shared.value, content);
    const services = fields.get('services');
    if (!services) {
      this.missing(fields, root.start, ['services'], "add a 'services:' mapping that describes each service and its paths");
    } else {
      this.services(services, content);
    }
    this.nameClashes(content);
    return content;
  }

  report(offset: number, path: KeyPath, message: string): void {
    this.problems.push({ offset, message: path.length ? `${formatKeyPath(path)}: ${message}` : message });
  }

  /** A required key is missing; unless a misspelt key stands for it, already reported as such. */
  private missing(fields: Fields, offset: number, path: KeyPath, message: string): void {
    const name = path[path.length - 1];
    if (typeof name === 'string' && fields.misspelt?.includes(name)) return;
    this.report(offset, path, `missing; ${message}`);
  }

  private version(pair: PairNode): void {
    const node = pair.value;
    if (node.kind === 'scalar' && node.value === 1) return;
    if (node.kind === 'scalar' && node.value === '1') {
      this.report(node.start, ['version'], "must be the number 1, got the string '1'; write version: 1 without quotes");
    } else {
      this.report(node.start, ['version'], `must be 1, got ${describe(node)}; this release of aura/actions reads catalog version 1`);
    }
  }

  private sharedGroups(node: YamlNode, content: CatalogContent): void {
    const groups = this.map(node, ['shared'], 'name each group of paths services share, e.g. shared: { ml-common: { paths: ["libs/ml_common/**"] } }');
    if (!groups) return;
    // Indexed loops here and below: for-of is several times slower before the JIT warms up.
    for (let index = 0; index < groups.items.length; index++) {
      const { key, value } = groups.items[index] as PairNode;
      const name = keyName(key);
      const path = ['shared', name];
      const nameIssue = nameProblem(name, 'shared group');
      if (nameIssue) this.report(key.start, path, nameIssue);
      content.groupKeys.set(name, key);
      const fields = this.section(value, path, KEYS.group, `give the group its paths, e.g. paths: ["libs/${name}/**"]`);
      if (!fields) continue;
      const group: SharedGroup = {
        name,
        paths: this.requiredGlobs(fields, path, key, 'paths', `list the group's files, e.g. paths: ["libs/${name}/**"]`),
        ignore: this.optionalGlobs(fields, path, 'ignore'),
      };
      content.shared.set(name, group);
    }
  }

  private services(pair: PairNode, content: CatalogContent): void {
    const services = this.map(pair.value, ['services'], 'add at least one service with its paths');
    if (!services) return;
    if (services.items.length === 0) {
      this.report(services.start, ['services'], 'no service is defined; add at least one service with its paths');
      return;
    }
    for (let index = 0; index < services.items.length; index++) {
      const { key, value } = services.items[index] as PairNode;
      const name = keyName(key);
      const path = ['services', name];
      const nameIssue = nameProblem(name, 'service');
      if (nameIssue) this.report(key.start, path, nameIssue);
      content.serviceKeys.set(name, key);
      const example = `paths: ["services/${name}/**"]`;
      const fields = this.section(value, path, KEYS.service, `give the service its paths, e.g. ${example}`);
      if (!fields) continue;
      const service: Service = {
        name,
        paths: this.requiredGlobs(fields, path, key, 'paths', `list the service's files, e.g. ${example}`),
        ignore: this.optionalGlobs(fields, path, 'ignore'),
        uses: this.uses(fields.get('uses'), path, name, content),
      };
      const dvc = fields.get('dvc');
      if (dvc) service.dvc = this.dvc(dvc, [...path, 'dvc']);
      const image = fields.get('image');
      if (image) service.image = this.image(image, [...path, 'image'], name, service.paths);
      const deploy = fields.get('deploy');
      if (deploy) service.deploy = this.deploy(deploy, [...path, 'deploy'], name);
      const metrics = fields.get('metrics');
      if (metrics) service.metrics = this.metrics(metrics, [...path, 'metrics']);
      const test = fields.get('test');
      if (test) service.test = this.test(test, [...path, 'test']);
      content.services.set(name, service);
    }
  }

  private uses(pair: PairNode | undefined, path: KeyPath, service: string, content: CatalogContent): string[] {
    if (!pair) return [];
    const usesPath = [...path, 'uses'];
    const list = this.list(pair.value, usesPath, 'list shared groups or services, e.g. uses: [ml-common]');
    if (!list) return [];
    const names: string[] = [];
    list.items.forEach((item, index) => {
      const name = this.string(item, [...usesPath, index], 'name a shared group or a service');
      if (name === undefined) return;
      names.push(name);
      content.uses.push({ service, name, path: [...usesPath, index], node: item });
    });
    return names;
  }

  private dvc(pair: PairNode, path: KeyPath): DvcConfig | undefined {
    const fields = this.section(pair.value, path, KEYS.dvc, "list the service's DVC stages, e.g. dvc: { stages: [train] }");
    if (!fields) return undefined;
    const stages = fields.get('stages');
    if (!stages) {
      this.missing(fields, pair.key.start, [...path, 'stages'], "list the service's DVC stages, e.g. stages: [prepare, train]");
      return undefined;
    }
    const values = this.strings(stages.value, [...path, 'stages'], 'list DVC stage names, e.g. [prepare, train]', dvcStageProblem, true);
    return { stages: values };
  }

  private image(pair: PairNode, path: KeyPath, service: string, paths: string[]): ImageConfig | undefined {
    const fields = this.section(pair.value, path, KEYS.image, 'write image: {} to build with the defaults');
    if (!fields) return undefined;
    const nameField = fields.get('name');
    let name: string | undefined;
    if (nameField) {
      name = this.checkedString(nameField.value, [...path, 'name'], 'name the image', imageNameProblem);
    } else {
      name = service.toLowerCase();
      if (imageNameProblem(name)) {
        this.report(pair.key.start, path, `the default image name '${name}' (the service name in lower case) is not a valid image name; set image.name`);
      }
    }
    const contextField = fields.get('context');
    let context = contextField
      ? this.checkedString(contextField.value, [...path, 'context'], "name a folder, '.' for the repository root", contextProblem)
      : globBase(paths[0] ?? '.');
    if (context !== undefined && context !== '.') context = context.replace(/\/+$/, '');
    const dockerfileField = fields.get('dockerfile');
    const dockerfile = dockerfileField
      ? this.string(dockerfileField.value, [...path, 'dockerfile'], 'name the Dockerfile relative to the context')
      : 'Dockerfile';
    let dockerfilePath: string | undefined;
    if (context !== undefined && dockerfile !== undefined) {
      const resolved = resolveDockerfile(context, dockerfile);
      if ('problem' in resolved) this.report(dockerfileField?.value.start ?? pair.key.start, [...path, 'dockerfile'], resolved.problem);
      else dockerfilePath = resolved.path;
    }
    const targetField = fields.get('target');
    const target = targetField
      ? this.checkedString(targetField.value, [...path, 'target'], 'name a stage of the Dockerfile', targetProblem)
      : undefined;
    const buildArgsField = fields.get('build_args');
    const buildArgs = buildArgsField ? this.buildArgs(buildArgsField.value, [...path, 'build_args']) : {};
    if (name === undefined || context === undefined || dockerfile === undefined || dockerfilePath === undefined) return undefined;
    const image: ImageConfig = { name, context, dockerfile, dockerfilePath, buildArgs };
    if (target !== undefined) image.target = target;
    return image;
  }

  private buildArgs(node: YamlNode, path: KeyPath): Record<string, string> {
    const args: Record<string, string> = {};
    const map = this.map(node, path, 'map each build argument to its value, e.g. build_args: { PYTHON_VERSION: "3.11" }');
    if (!map) return args;
    for (let index = 0; index < map.items.length; index++) {
      const { key, value } = map.items[index] as PairNode;
      const name = keyName(key);
      if (!/^[^=\s]+$/.test(name)) {
        this.report(key.start, [...path, name], "invalid build argument name; it may not be empty or contain '=' or spaces");
        continue;
      }
      if (value.kind !== 'scalar' || value.value === null || typeof value.value === 'object' || value.tag) {
        this.report(value.start, [...path, name], `must be a string, number or boolean, got ${describe(value)}; write '' for an empty value`);
        continue;
      }
      // Values as written: `3.10` is the string "3.10", not the number 3.1.
      args[name] = typeof value.value === 'string' ? value.value : value.source;
    }
    return args;
  }

  private deploy(pair: PairNode, path: KeyPath, service: string): DeployConfig | undefined {
    const fields = this.section(pair.value, path, KEYS.deploy, `name the service's Deployment, e.g. deploy: { deployment: ${service} }`);
    if (!fields) return undefined;
    const deploymentField = fields.get('deployment');
    let deployment: string | undefined;
    if (!deploymentField) {
      this.missing(fields, pair.key.start, [...path, 'deployment'], 'name the Kubernetes Deployment that runs the service');
    } else {
      deployment = this.checkedString(deploymentField.value, [...path, 'deployment'], 'name the Deployment', deploymentNameProblem);
    }
    const containerField = fields.get('container');
    let container: string | undefined;
    if (containerField) {
      container = this.checkedString(containerField.value, [...path, 'container'], 'name the container', containerNameProblem);
    } else if (kubeNameProblem(service.toLowerCase(), 'container')) {
      this.report(
        pair.key.start,
        path,
        `the default container name '${service.toLowerCase()}' (the service name in lower case) is not a valid Kubernetes container name; set deploy.container`,
      );
    } else {
      container = service.toLowerCase();
    }
    const namespaceField = fields.get('namespace');
    const namespace = namespaceField
      ? this.checkedString(namespaceField.value, [...path, 'namespace'], 'name the namespace', namespaceProblem)
      : 'default';
    const healthField = fields.get('health_path');
    const healthPath = healthField
      ? this.checkedString(healthField.value, [...path, 'health_path'], "write the HTTP path, e.g. '/health'", healthPathProblem)
      : undefined;
    if (deployment === undefined || container === undefined || namespace === undefined) return undefined;
    const deploy: DeployConfig = { deployment, container, namespace };
    if (healthPath !== undefined) deploy.healthPath = healthPath;
    return deploy;
  }

  private metrics(pair: PairNode, path: KeyPath): MetricsConfig | undefined {
    const fields = this.section(pair.value, path, KEYS.metrics, 'list the metrics files, e.g. metrics: { files: [metrics.json] }');
    if (!fields) return undefined;
    const filesField = fields.get('files');
    let files: string[] = [];
    if (!filesField) {
      this.missing(fields, pair.key.start, [...path, 'files'], "list the service's metrics files, e.g. files: [metrics/service.json]");
    } else {
      files = this.strings(filesField.value, [...path, 'files'], 'list metrics files, e.g. [metrics/service.json]', metricsFileProblem, true);
    }
    const rules = new Map<string, MetricRule>();
    const rulesField = fields.get('rules');
    if (rulesField) {
      const map = this.map(rulesField.value, [...path, 'rules'], 'map metric names to rules, e.g. rules: { accuracy: { better: higher, max_drop: 0.01 } }');
      const items = map?.items ?? [];
      for (let index = 0; index < items.length; index++) {
        const { key, value } = items[index] as PairNode;
        const metric = keyName(key);
        const rulePath = [...path, 'rules', metric];
        if (metric.trim() === '') {
          this.report(key.start, rulePath, 'the metric name is empty; write the name as the metrics file has it');
          continue;
        }
        const rule = this.rule(value, rulePath, key);
        if (rule) rules.set(metric, rule);
      }
    }
    return { files, rules };
  }

  private rule(node: YamlNode, path: KeyPath, key: ScalarNode): MetricRule | undefined {
    const fields = this.section(node, path, KEYS.rule, 'e.g. { better: higher, max_drop: 0.01 }');
    if (!fields) return undefined;
    const betterField = fields.get('better');
    let better: MetricRule['better'] | undefined;
    if (!betterField) {
      this.missing(fields, key.start, [...path, 'better'], "say whether a higher or a lower value is better: 'better: higher' or 'better: lower'");
    } else {
      const value = this.string(betterField.value, [...path, 'better'], "write 'higher' or 'lower'");
      if (value === 'higher' || value === 'lower') better = value;
      else if (value !== undefined) {
        const guess = didYouMean(value, ['higher', 'lower']);
        const hint = guess ? `; did you mean '${guess}'?` : '';
        this.report(betterField.value.start, [...path, 'better'], `must be 'higher' or 'lower', got '${value}'${hint}`);
      }
    }
    const rule: Partial<MetricRule> = {};
    if (better) rule.better = better;
    for (const name of ['max_drop', 'max_rise'] as const) {
      const field = fields.get(name);
      if (!field) continue;
      const fieldPath = [...path, name];
      if (better === 'lower' && name === 'max_drop') {
        this.report(field.key.start, fieldPath, 'a metric where lower is better regresses when it rises; use max_rise instead of max_drop');
        continue;
      }
      if (better === 'higher' && name === 'max_rise') {
        this.report(field.key.start, fieldPath, 'a metric where higher is better regresses when it drops; use max_drop instead of max_rise');
        continue;
      }
      const value = field.value;
      const threshold = value.kind === 'scalar' && !value.tag ? parseThreshold(value.value) : undefined;
      if (!threshold) {
        this.report(
          value.start,
          fieldPath,
          `must be a non-negative number (an absolute change, e.g. 0.01) or a percentage (a relative change, e.g. "5%"), got ${describe(value)}`,
        );
        continue;
      }
      if (name === 'max_drop') rule.maxDrop = threshold;
      else rule.maxRise = threshold;
    }
    return rule.better ? (rule as MetricRule) : undefined;
  }

  private test(pair: PairNode, path: KeyPath): TestConfig | undefined {
    const fields = this.section(pair.value, path, KEYS.test, 'e.g. test: { coverage: 80 }');
    if (!fields) return undefined;
    const test: TestConfig = {};
    const coverage = fields.get('coverage');
    if (coverage) {
      const node = coverage.value;
      const value = node.kind === 'scalar' && !node.tag ? node.value : undefined;
      if (typeof value === 'number' && value >= 0 && value <= 100) test.coverage = value;
      else {
        const percent = typeof value === 'string' ? /^([0-9]+(?:\.[0-9]+)?)\s*%$/.exec(value)?.[1] : undefined;
        const hint = percent ? `; write ${percent} without '%'` : '';
        this.report(node.start, [...path, 'coverage'], `must be a number from 0 to 100 (percent of lines covered), got ${describe(node)}${hint}`);
      }
    }
    return test;
  }

  /** A shared group and a service with one name would make `uses: [name]` ambiguous. */
  private nameClashes(content: CatalogContent): void {
    for (const [name, serviceKey] of content.serviceKeys) {
      const groupKey = content.groupKeys.get(name);
      if (!groupKey) continue;
      const [later, earlier, laterPath, earlierKind] =
        serviceKey.start > groupKey.start
          ? [serviceKey, groupKey, ['services', name], 'a shared group']
          : [groupKey, serviceKey, ['shared', name], 'a service'];
      this.report(
        later.start,
        laterPath,
        `'${name}' is also the name of ${earlierKind} (line ${this.lineOf(earlier.start)}); rename one of them, since uses: [${name}] could mean either`,
      );
    }
  }

  // --- Shapes -------------------------------------------------------------------------------

  /** The fields of a mapping, reporting keys it does not accept. */
  private fields(map: MapNode, path: KeyPath, allowed: readonly string[], what?: string): Fields {
    const fields = new Fields(map);
    for (let index = 0; index < map.items.length; index++) {
      const pair = map.items[index] as PairNode;
      const name = keyName(pair.key);
      if (allowed.includes(name)) continue;
      const keyPath = [...path, name];
      if (name === '<<') {
        // The merged keys were meant to be here: do not also report them as missing.
        (fields.misspelt ??= []).push(...allowed);
        this.report(pair.key.start, keyPath, 'YAML merge keys are not supported in the catalog; write the keys out');
        continue;
      }
      const guess = didYouMean(name, allowed);
      if (guess) (fields.misspelt ??= []).push(guess);
      const hint = guess ? `did you mean '${guess}'?` : `${what ?? formatKeyPath(path)} accepts ${allowed.join(', ')}`;
      this.report(pair.key.start, keyPath, `unknown key; ${hint}`);
    }
    return fields;
  }

  /** A mapping section such as a service or its `image`: its fields, or undefined after a report. */
  private section(node: YamlNode, path: KeyPath, allowed: readonly string[], hint: string): Fields | undefined {
    const map = this.map(node, path, hint);
    if (!map) return undefined;
    return this.fields(map, path, allowed);
  }

  private map(node: YamlNode, path: KeyPath, hint: string): MapNode | undefined {
    if (node.kind === 'map') return node;
    this.report(node.start, path, `must be a mapping, got ${describe(node)}; ${hint}`);
    return undefined;
  }

  private list(node: YamlNode, path: KeyPath, hint: string): SeqNode | undefined {
    if (node.kind === 'seq') return node;
    this.report(node.start, path, `must be a list, got ${describe(node)}; ${hint}`);
    return undefined;
  }

  private string(node: YamlNode, path: KeyPath, hint: string): string | undefined {
    if (node.kind === 'scalar' && node.tag) {
      this.report(node.start, path, `'${node.tag}' is read as a YAML tag; quote a value that starts with '!'`);
      return undefined;
    }
    if (node.kind === 'scalar' && typeof node.value === 'string') return node.value;
    this.report(node.start, path, `must be a string, got ${describe(node)}; ${hint}`);
    return undefined;
  }

  private checkedString(node: YamlNode, path: KeyPath, hint: string, check: (value: string) => string | undefined): string | undefined {
    const value = this.string(node, path, hint);
    if (value === undefined) return undefined;
    const problem = check(value);
    if (problem) {
      this.report(node.start, path, problem);
      return undefined;
    }
    return value;
  }

  /** A list of strings, each checked; duplicates are reported as such. */
  private strings(
    node: YamlNode,
    path: KeyPath,
    hint: string,
    check: (value: string) => string | undefined,
    nonEmpty: boolean,
  ): string[] {
    const list = this.list(node, path, hint);
    if (!list) return [];
    if (nonEmpty && list.items.length === 0) {
      this.report(list.start, path, `is empty; ${hint}`);
      return [];
    }
    const values: string[] = [];
    list.items.forEach((item, index) => {
      const itemPath = [...path, index];
      const value = this.checkedString(item, itemPath, hint, check);
      if (value === undefined) return;
      if (values.includes(value)) {
        this.report(item.start, itemPath, `'${value}' is listed twice; remove one`);
        return;
      }
      values.push(value);
    });
    return values;
  }

  private globs(node: YamlNode, path: KeyPath, list: GlobList, nonEmpty: boolean): string[] {
    const hint = `list globs relative to the repository root, e.g. ["services/example/**"]`;
    const items = this.list(node, path, hint);
    if (!items) return [];
    if (nonEmpty && items.items.length === 0) {
      this.report(items.start, path, `is empty; ${hint}`);
      return [];
    }
    const globs: string[] = [];
    items.items.forEach((item, index) => {
      const itemPath = [...path, index];
      // `- !**/*.md` is a YAML tag, not a string: say what the user meant to write.
      if (item.kind === 'scalar' && item.tag?.startsWith('!')) {
        const written = item.value ? `${item.tag} ${String(item.source)}` : item.tag;
        this.report(item.start, itemPath, globProblem(written, list) ?? `'${written}' is read as a YAML tag`);
        return;
      }
      const glob = this.string(item, itemPath, 'write the glob as a string');
      if (glob === undefined) return;
      const problem = globProblem(glob, list);
      if (problem) this.report(item.start, itemPath, problem);
      else globs.push(glob);
    });
    return globs;
  }

  private requiredGlobs(fields: Fields, path: KeyPath, owner: ScalarNode, name: 'paths', example: string): string[] {
    const field = fields.get(name);
    if (!field) {
      this.missing(fields, owner.start, [...path, name], example);
      return [];
    }
    return this.globs(field.value, [...path, name], name, true);
  }

  private optionalGlobs(fields: Fields, path: KeyPath, name: 'ignore'): string[] {
    const field = fields.get(name);
    return field ? this.globs(field.value, [...path, name], name, false) : [];
  }
}

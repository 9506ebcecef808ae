import { isMap, isScalar, type Node, type Pair } from 'yaml';
import { ConfigurationError, type FileLocation } from '../core/errors.js';
import { nodeLocation, type ParsedYaml, parseYaml } from './files.js';
import {
  Context,
  CtxValue,
  entriesOf,
  hasInterpolation,
  isMapping,
  isSequence,
  ResolveError,
  type Resolved,
  checkSyntax,
  toStr,
  type TrackedValue,
  unwrap,
  type VarsFiles,
} from './interpolate.js';
import { dirName, joinPath, normalizePath, repoPath } from './paths.js';
import { canonical, isParamMap, type ParamMap, type ParamValue } from './values.js';

/**
 * The model of a DVC pipeline file (dvc.yaml) as DVC 3 resolves it: stage names as DVC prints
 * them, `foreach`/`matrix` groups expanded, `vars` and `${...}` resolved, paths made
 * repository-relative. Shared by change detection and the DVC reproduction action.
 */

export const PROJECT_FILE = 'dvc.yaml';
export const DEFAULT_PARAMS_FILE = 'params.yaml';

/** Fields that change nothing DVC runs or checks: a description, free-form metadata. */
const IGNORED_FIELDS = new Set(['desc', 'meta', 'vars']);
const OUTPUT_FIELDS = ['outs', 'metrics', 'plots'] as const;
type OutputField = (typeof OUTPUT_FIELDS)[number];

export interface StageOutput {
  /** As written in dvc.yaml (relative to the stage's wdir). */
  path: string;
  /** Repository-relative; undefined for a URL or a path outside the repository. */
  repoPath: string | undefined;
  field: OutputField;
  /** Whether DVC caches it (`cache: false` outputs are usually committed to git). */
  cache: boolean;
  persist: boolean;
  /** Every flag written for it (cache, persist, push, remote, x, y, template...). */
  flags: ParamMap;
}

export interface StageParams {
  /** As written (relative to the stage's wdir); `params.yaml` for bare keys. */
  file: string;
  repoPath: string;
  /** Tracked key paths, or 'all' when the whole file is tracked. */
  keys: string[] | 'all';
}

export interface PipelineStage {
  /** The name DVC prints and accepts as a target: `train`, `sub/dvc.yaml:train`, `train@cpu`. */
  name: string;
  /** The name inside its dvc.yaml, `train@cpu` for a generated stage. */
  localName: string;
  /** The `foreach`/`matrix` group a generated stage comes from. */
  group?: string;
  dvcfile: string;
  /** Repository-relative working directory ('' for the root). */
  wdir: string;
  cmd: string | string[] | undefined;
  /** Dependencies as written (relative to wdir). */
  deps: string[];
  /** Repository-relative dependency paths (URLs and paths outside the repository left out). */
  depPaths: string[];
  outs: StageOutput[];
  params: StageParams[];
  frozen: boolean;
  alwaysChanged: boolean;
  /** Canonical text of each compared field, for definition comparison. */
  fields: Record<string, string>;
  /** Values read from params files by `${...}` in this stage. */
  templated: TrackedValue[];
  location: FileLocation;
}

export interface Pipeline {
  dvcfile: string;
  /** Repository-relative directory of the dvc.yaml. */
  dir: string;
  stages: PipelineStage[];
  /** Params files the templating loaded or would load (the default params file included). */
  contextFiles: string[];
  /** For each entry of `stages:` (a stage or a foreach/matrix group): the params files its values came from. */
  groupSources: Map<string, string[]>;
}

/** Loads a params file of the same commit; undefined when it does not exist. */
export type ParamsLoader = (path: string) => Promise<ParamMap | undefined>;

export function stageAddress(dvcfile: string, localName: string): string {
  return dvcfile === PROJECT_FILE ? localName : `${dvcfile}:${localName}`;
}

/** Splits `sub/dvc.yaml:train` into its file and name; a bare name lives in the root dvc.yaml. */
export function parseStageAddress(address: string): { dvcfile: string; name: string } {
  const match = /^(.*dvc\.yaml):([^:]+)$/.exec(address);
  if (match) return { dvcfile: normalizePath(match[1] as string), name: match[2] as string };
  return { dvcfile: PROJECT_FILE, name: address };
}

export function isPipelineFile(path: string): boolean {
  return path === PROJECT_FILE || path.endsWith(`/${PROJECT_FILE}`);
}

interface StageNodes {
  key: Node | null;
  value: Node | null;
}

/** Where an error is, found in the document only when one is reported. */
type At = () => Node | null;

class PipelineReader {
  readonly dir: string;
  private readonly files = new Map<string, ParamMap | undefined>();
  private stageNodesByName: Map<string, StageNodes> | undefined;
  private readonly contextFiles = new Set<string>();

  constructor(
    readonly dvcfile: string,
    private readonly parsed: ParsedYaml,
    private readonly loadParams: ParamsLoader,
    private readonly interpolated: boolean,
  ) {
    this.dir = dirName(dvcfile);
  }

  /** The document's stage nodes, looked up only when an error or a location needs them. */
  private get stageNodes(): Map<string, StageNodes> {
    if (this.stageNodesByName) return this.stageNodesByName;
    const nodes = new Map<string, StageNodes>();
    const contents = this.parsed.document.contents;
    const stages = isMap(contents) ? contents.get('stages', true) : undefined;
    if (isMap(stages)) {
      for (const pair of stages.items as Pair<Node | null, Node | null>[]) {
        const key = pair.key;
        const name = isScalar(key) ? String(key.value) : undefined;
        if (name !== undefined) nodes.set(name, { key, value: pair.value });
      }
    }
    this.stageNodesByName = nodes;
    return nodes;
  }

  fail(message: string, at?: At): never {
    const location = nodeLocation(this.dvcfile, this.parsed, at ? at() : null);
    const where = [location.file, location.line, location.column].filter((part) => part !== undefined).join(':');
    throw new ConfigurationError(`${where}: ${message}`, location);
  }

  /** The node of `stages.<group>[.do].<field>`, for error locations. */
  fieldNode(group: string, field?: string, inDo = false): Node | null {
    const nodes = this.stageNodes.get(group);
    if (!nodes) return null;
    let container: Node | null = nodes.value;
    if (inDo && isMap(container)) container = (container.get('do', true) as Node | undefined) ?? container;
    if (field !== undefined && isMap(container)) {
      const pair = container.items.find((item) => isScalar(item.key) && item.key.value === field);
      if (pair) return (pair.value as Node | null) ?? (pair.key as Node);
    }
    return nodes.key;
  }

  private async preload(paths: string[]): Promise<void> {
    const missing = [...new Set(paths)].filter((path) => !this.files.has(path));
    const loaded = await Promise.all(missing.map((path) => this.loadParams(path)));
    missing.forEach((path, i) => this.files.set(path, loaded[i]));
  }

  private readonly varsFiles: VarsFiles = (path) => this.files.get(path);

  /** Files named by string `vars` entries, relative to `wdir`. */
  private varsPaths(vars: unknown[], wdir: string): string[] {
    return vars
      .filter((item): item is string => typeof item === 'string')
      .map((item) => joinPath(wdir, item.includes(':') ? item.slice(0, item.indexOf(':')) : item));
  }

  private readonly groupSources = new Map<string, Set<string>>();

  private noteSources(group: string, tracked: readonly TrackedValue[]): void {
    let sources = this.groupSources.get(group);
    if (!sources) {
      sources = new Set();
      this.groupSources.set(group, sources);
    }
    for (const value of tracked) sources.add(value.file);
  }

  async read(only?: ReadonlySet<string>): Promise<Pipeline> {
    const root = this.parsed.value;
    if (root !== null && !isParamMap(root)) this.fail('a dvc.yaml must be a mapping with a `stages:` key', () => this.parsed.document.contents);
    const data: ParamMap = root ?? {};
    const stagesValue = data.stages ?? null;
    if (stagesValue !== null && !isParamMap(stagesValue)) {
      this.fail('`stages` must be a mapping of stage names to stage definitions', () => this.topNode('stages'));
    }

    const context = new Context();
    const vars = data.vars ?? [];
    if (!Array.isArray(vars)) this.fail('`vars` must be a list of file names and mappings', () => this.topNode('vars'));
    if (this.interpolated) {
      this.checkNoInterpolation(vars, 'vars', () => this.topNode('vars'));
      const defaultFile = joinPath(this.dir, DEFAULT_PARAMS_FILE);
      const paths = [defaultFile, ...this.varsPaths(vars, this.dir)];
      await this.preload(paths);
      paths.forEach((path) => this.contextFiles.add(path));
      try {
        context.loadFromVars(this.varsFiles, vars, this.dir, joinPath, undefined, DEFAULT_PARAMS_FILE);
      } catch (e) {
        if (e instanceof ResolveError) this.fail(`failed to parse 'vars': ${e.message}`, () => this.topNode('vars'));
        throw e;
      }
    }

    const stages: PipelineStage[] = [];
    for (const [group, definition] of Object.entries(stagesValue ?? {})) {
      if (only && !only.has(group)) continue;
      if (!isParamMap(definition)) this.fail(`stage '${group}' must be a mapping (cmd, deps, outs...)`, () => this.fieldNode(group));
      if ('foreach' in definition || 'matrix' in definition) {
        stages.push(...(await this.readGroup(context, group, definition)));
      } else {
        stages.push(await this.readEntry(context, group, group, definition, undefined));
      }
    }
    return {
      dvcfile: this.dvcfile,
      dir: this.dir,
      stages,
      contextFiles: [...this.contextFiles],
      groupSources: new Map([...this.groupSources].map(([group, files]) => [group, [...files]])),
    };
  }

  private topNode(key: string): Node | null {
    const contents = this.parsed.document.contents;
    return isMap(contents) ? ((contents.get(key, true) as Node | undefined) ?? contents) : null;
  }

  private checkNoInterpolation(value: unknown, where: string, node: At): void {
    const found = (v: unknown): boolean =>
      typeof v === 'string'
        ? hasInterpolation(v)
        : Array.isArray(v)
          ? v.some(found)
          : isParamMap(v) && Object.entries(v).some(([k, item]) => hasInterpolation(k) || found(item));
    if (found(value)) this.fail(`failed to parse '${where}': interpolating is not allowed`, node);
  }

  private guard<T>(where: string, node: At, fn: () => T): T {
    try {
      return fn();
    } catch (e) {
      if (e instanceof ResolveError) this.fail(`failed to parse '${where}': ${e.message}`, node);
      throw e;
    }
  }

  private async readGroup(context: Context, group: string, definition: ParamMap): Promise<PipelineStage[]> {
    const isMatrix = 'matrix' in definition;
    if (isMatrix && ('foreach' in definition || 'do' in definition)) {
      this.fail(`stage '${group}': use either \`matrix\` or \`foreach\`/\`do\`, not both`, () => this.fieldNode(group, 'matrix'));
    }
    let template: ParamMap;
    let members: [string, Record<string, Resolved>][];
    if (isMatrix) {
      template = Object.fromEntries(Object.entries(definition).filter(([key]) => key !== 'matrix'));
      members = this.matrixMembers(context, group, definition.matrix);
    } else {
      const body = definition.do;
      if (!isParamMap(body)) this.fail(`stage '${group}': \`foreach\` needs a \`do\` mapping with the stage definition`, () => this.fieldNode(group, 'do'));
      template = body;
      members = this.foreachMembers(context, group, definition.foreach);
    }
    this.guard(`stages.${group}`, () => this.fieldNode(group), () => checkSyntax(template));
    const stages: PipelineStage[] = [];
    for (const [key, temporary] of members) {
      const localName = `${group}@${key}`;
      const stage = await context.withTemporaryAsync(temporary, () =>
        this.readEntry(context, localName, group, template, group),
      );
      stages.push(stage);
    }
    return stages;
  }

  private foreachMembers(context: Context, group: string, data: ParamValue | undefined): [string, Record<string, Resolved>][] {
    const node: At = () => this.fieldNode(group, 'foreach');
    const { result: iterable, tracked } = this.guard(`stages.${group}.foreach`, node, () =>
      context.track(() => context.resolve(data, undefined, false)),
    );
    this.noteSources(group, tracked);
    if (!isMapping(iterable) && !isSequence(iterable)) {
      const shown = iterable instanceof CtxValue ? iterable.value : iterable;
      this.fail(
        `failed to resolve 'stages.${group}.foreach': expected list/dictionary, got ${shown === null ? 'None' : typeof shown}`,
        node,
      );
    }
    const entries = entriesOf(iterable);
    if (isMapping(iterable)) return entries.map(([key, item]) => [key, { item, key }]);
    const composite = entries.some(([, item]) => isMapping(item) || isSequence(item));
    return entries.map(([index, item]) => [composite ? index : toStr(item), { item }]);
  }

  private matrixMembers(context: Context, group: string, data: ParamValue | undefined): [string, Record<string, Resolved>][] {
    const node: At = () => this.fieldNode(group, 'matrix');
    const { result: resolved, tracked } = this.guard(`stages.${group}.matrix`, node, () =>
      context.track(() => context.resolve(data, undefined, false)),
    );
    this.noteSources(group, tracked);
    if (!isMapping(resolved)) this.fail(`failed to resolve 'stages.${group}.matrix': expected a mapping of names to lists`, node);
    const axes = entriesOf(resolved).map(([name, values]) => {
      if (!isSequence(values)) this.fail(`failed to resolve 'stages.${group}.matrix.${name}': expected a list`, node);
      return { name, values: entriesOf(values).map(([, value]) => value) };
    });
    let combinations: { fragments: string[]; item: Record<string, Resolved> }[] = [{ fragments: [], item: {} }];
    for (const axis of axes) {
      const next: typeof combinations = [];
      for (const combination of combinations) {
        axis.values.forEach((value, i) => {
          const fragment = isMapping(value) || isSequence(value) ? `${axis.name}${i}` : toStr(value);
          next.push({ fragments: [...combination.fragments, fragment], item: { ...combination.item, [axis.name]: value } });
        });
      }
      combinations = next;
    }
    return combinations.map(({ fragments, item }) => {
      const key = fragments.join('-');
      return [key, { key, item: item as Resolved }];
    });
  }

  private async readEntry(
    globalContext: Context,
    localName: string,
    group: string,
    definition: ParamMap,
    generatedFrom: string | undefined,
  ): Promise<PipelineStage> {
    const inDo = generatedFrom !== undefined && !('matrix' in (this.rawGroup(group) ?? {}));
    const where = (field: string): string => `stages.${localName}.${field}`;
    const node =
      (field?: string): At =>
      () =>
        this.fieldNode(group, field, inDo);

    let context = globalContext;
    let wdirText = '';
    if (definition.wdir !== undefined && definition.wdir !== null && definition.wdir !== '') {
      wdirText = this.guard(where('wdir'), node('wdir'), () => toStr(context.resolve(definition.wdir, 'wdir')));
    }
    const wdir = joinPath(this.dir, wdirText);
    const stageVars = definition.vars ?? [];
    if (!Array.isArray(stageVars)) this.fail(`stage '${localName}': \`vars\` must be a list`, node('vars'));
    if (stageVars.length > 0) {
      this.checkNoInterpolation(stageVars, where('vars'), node('vars'));
      const paths = this.varsPaths(stageVars, wdir);
      await this.preload(paths);
      paths.forEach((path) => this.contextFiles.add(path));
      this.noteSources(group, paths.map((file) => ({ file, key: '', value: null })));
      context = context.clone();
      const scoped = context;
      this.guard(where('vars'), node('vars'), () => scoped.loadFromVars(this.varsFiles, stageVars, wdir, joinPath, localName));
    }

    const { result: resolved, tracked } = context.track(() => {
      const out: Record<string, ParamValue> = {};
      for (const [field, value] of Object.entries(definition)) {
        if (field === 'vars') continue;
        out[field] = this.interpolated
          ? unwrap(this.guard(where(field), node(field), () => context.resolve(value, field)))
          : (value as ParamValue);
      }
      return out;
    });
    this.noteSources(group, tracked);
    return this.buildStage(localName, generatedFrom, wdir, normalizePath(wdirText), resolved, tracked, node);
  }

  private rawGroup(group: string): ParamMap | undefined {
    const stages = isParamMap(this.parsed.value) ? this.parsed.value.stages : undefined;
    const value = isParamMap(stages) ? stages[group] : undefined;
    return isParamMap(value) ? value : undefined;
  }

  private buildStage(
    localName: string,
    group: string | undefined,
    wdir: string,
    relativeWdir: string,
    resolved: Record<string, ParamValue>,
    templated: TrackedValue[],
    node: (field?: string) => At,
  ): PipelineStage {
    const label = `stage '${localName}'`;
    const cmd = resolved.cmd;
    if (cmd === undefined || cmd === null) this.fail(`${label} has no \`cmd\`; every pipeline stage needs the command that produces its outputs`, node());
    if (!(typeof cmd === 'string' || (Array.isArray(cmd) && cmd.every((part) => typeof part === 'string')))) {
      this.fail(`${label}: \`cmd\` must be a string or a list of strings`, node('cmd'));
    }

    const deps = this.stringList(resolved.deps, `${label}: \`deps\``, node('deps'));
    const outs: StageOutput[] = [];
    for (const field of OUTPUT_FIELDS) outs.push(...this.outputs(resolved[field], field, wdir, label, node(field)));
    const params = this.params(resolved.params, wdir, label, node('params'));
    const frozen = this.flag(resolved.frozen, `${label}: \`frozen\``, node('frozen'));
    const alwaysChanged = this.flag(resolved.always_changed, `${label}: \`always_changed\``, node('always_changed'));

    const fields: Record<string, string> = {
      cmd: canonical(cmd),
      // Relative to the dvc.yaml, so moving a pipeline with its files changes no definition.
      wdir: relativeWdir,
      deps: canonical([...new Set(deps)].sort()),
      params: canonical(params.map(({ file, keys }) => ({ file: normalizePath(file), keys }))),
      frozen: String(frozen),
      always_changed: String(alwaysChanged),
    };
    for (const field of OUTPUT_FIELDS) {
      const declared = outs
        .filter((out) => out.field === field)
        .map((out) => ({ path: out.path, flags: withoutDefaults(out.flags) }))
        .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
      fields[field] = canonical(declared);
    }
    for (const [field, value] of Object.entries(resolved)) {
      if (!(field in fields) && !IGNORED_FIELDS.has(field)) fields[field] = canonical(value);
    }

    const keyNode = node();
    const parsed = this.parsed;
    const file = this.dvcfile;
    let location: FileLocation | undefined;
    const stage: PipelineStage = {
      name: stageAddress(this.dvcfile, localName),
      localName,
      dvcfile: this.dvcfile,
      wdir,
      cmd: cmd as string | string[],
      deps,
      depPaths: deps.map((dep) => repoPath(wdir, dep)).filter((path): path is string => path !== undefined),
      outs,
      params,
      frozen,
      alwaysChanged,
      fields,
      templated,
      get location(): FileLocation {
        location ??= nodeLocation(file, parsed, keyNode());
        return location;
      },
    };
    if (group !== undefined) stage.group = group;
    return stage;
  }

  private stringList(value: ParamValue | undefined, what: string, node: At): string[] {
    if (value === undefined || value === null) return [];
    if (!Array.isArray(value) || !value.every((item) => typeof item === 'string')) {
      this.fail(`${what} must be a list of paths`, node);
    }
    return value as string[];
  }

  private flag(value: ParamValue | undefined, what: string, node: At): boolean {
    if (value === undefined || value === null) return false;
    if (typeof value !== 'boolean') this.fail(`${what} must be true or false`, node);
    return value;
  }

  private outputs(value: ParamValue | undefined, field: OutputField, wdir: string, label: string, node: At): StageOutput[] {
    if (value === undefined || value === null) return [];
    if (!Array.isArray(value)) this.fail(`${label}: \`${field}\` must be a list`, node);
    return value.map((entry) => {
      let path: string;
      let flags: ParamMap = {};
      if (typeof entry === 'string') {
        path = entry;
      } else if (isParamMap(entry) && Object.keys(entry).length === 1) {
        const [key, options] = Object.entries(entry)[0] as [string, ParamValue];
        path = key;
        if (options !== null) {
          if (!isParamMap(options)) this.fail(`${label}: the options of \`${field}\` entry '${key}' must be a mapping`, node);
          flags = options;
        }
      } else {
        return this.fail(`${label}: each \`${field}\` entry must be a path, or a path mapped to its options`, node);
      }
      return {
        path,
        repoPath: repoPath(wdir, path),
        field,
        cache: flags.cache !== false,
        persist: flags.persist === true,
        flags,
      };
    });
  }

  /** DVC's merging of `params:` entries: a file tracked whole anywhere wins over its keys. */
  private params(value: ParamValue | undefined, wdir: string, label: string, node: At): StageParams[] {
    if (value === undefined || value === null) return [];
    if (!Array.isArray(value)) this.fail(`${label}: \`params\` must be a list`, node);
    const whole = new Set<string>();
    for (const entry of value) {
      if (isParamMap(entry)) {
        for (const [file, keys] of Object.entries(entry)) {
          if (keys === null || (Array.isArray(keys) && keys.length === 0)) whole.add(file);
        }
      }
    }
    const merged = new Map<string, string[] | 'all'>();
    const add = (file: string, keys: string[] | 'all'): void => {
      const current = merged.get(file);
      if (whole.has(file) || keys === 'all' || current === 'all') merged.set(file, 'all');
      else merged.set(file, [...(current ?? []), ...keys]);
    };
    for (const entry of value) {
      if (typeof entry === 'string') {
        if (!whole.has(DEFAULT_PARAMS_FILE)) add(DEFAULT_PARAMS_FILE, [entry]);
        continue;
      }
      if (!isParamMap(entry)) this.fail(`${label}: each \`params\` entry must be a key, or a file mapped to its keys`, node);
      for (const [file, keys] of Object.entries(entry)) {
        if (whole.has(file)) {
          add(file, 'all');
          continue;
        }
        if (!Array.isArray(keys) || !keys.every((key) => typeof key === 'string')) {
          this.fail(`${label}: the keys tracked in '${file}' must be a list of key names (or empty for the whole file)`, node);
        }
        add(file, keys as string[]);
      }
    }
    return [...merged].map(([file, keys]) => ({
      file,
      repoPath: joinPath(wdir, file),
      keys: keys === 'all' ? 'all' : [...new Set(keys)].sort(),
    }));
  }
}

/** Output flags at their default values say nothing: `- model.pkl` equals `- model.pkl: {cache: true}`. */
function withoutDefaults(flags: ParamMap): ParamMap {
  const defaults: Record<string, ParamValue> = { cache: true, persist: false, push: true };
  return Object.fromEntries(Object.entries(flags).filter(([key, value]) => !(key in defaults && defaults[key] === value)));
}

export interface LoadPipelineOptions {
  /** Parses the dvc.yaml (default: parseYaml); lets a caller share parsed documents. */
  parse?: (text: string, file: string) => ParsedYaml;
  /** Resolve only these entries of `stages:` (stage or foreach/matrix group names). */
  only?: ReadonlySet<string>;
}

/**
 * Reads a dvc.yaml: parses it (a ConfigurationError with file:line:column when it is not valid
 * YAML or not a valid pipeline), loads the params files its templating uses through
 * `loadParams`, and resolves every stage.
 */
export async function loadPipeline(
  dvcfile: string,
  text: string,
  loadParams: ParamsLoader,
  options: LoadPipelineOptions = {},
): Promise<Pipeline> {
  const path = normalizePath(dvcfile);
  const parsed = (options.parse ?? parseYaml)(text, path);
  return new PipelineReader(path, parsed, loadParams, text.includes('${')).read(options.only);
}

import type { ChangedFile, FileAtRef } from '../changes/types.js';
import { ConfigurationError } from '../core/errors.js';
import { type ParsedYaml, parseYaml } from './files.js';
import { ancestorsAndSelf, dirName, isWithin, joinPath, normalizePath, repoPath } from './paths.js';
import { isPipelineFile, loadPipeline, type Pipeline, type PipelineStage, PROJECT_FILE, stageAddress } from './pipeline.js';
import { Snapshot } from './snapshot.js';
import {
  canonical,
  diffValues,
  formatValue,
  getKeyPath,
  isParamMap,
  type JsonValue,
  type LeafChange,
  type ParamValue,
  toJsonValue,
} from './values.js';

export { describeStage, describeStageReason, describeStageReasons } from './describe.js';

/**
 * Which DVC stages a change between two commits affects, and why: the DVC-aware part of
 * change detection. It finds what `dvc status` would report after the change (a changed
 * command or other definition, a changed value of a tracked param, a changed dependency or
 * committed output), the stages downstream of those, and the outputs a commit recorded anew
 * in dvc.lock.
 *
 * Where it deliberately says more than `dvc status` (which only re-checks what a stage still
 * declares, against dvc.lock):
 * - any change of a stage's resolved definition counts: a removed dependency or output, a
 *   changed output flag (`cache`, `persist`...), `frozen` switched — DVC reruns none of these;
 * - `upstream`: stages downstream of an affected stage, which DVC finds only after the
 *   upstream stage has run;
 * - `outputs` recorded anew in dvc.lock (results reproduced and committed), where DVC, its lock
 *   matching the workspace, finds nothing to run.
 * And less: an `always_changed` stage is not reported unless something about it changed.
 */

export interface ParamChange {
  /** Repository-relative params file. */
  file: string;
  /** Dotted key path, down to the leaf that changed (`*` when the file could not be compared by key). */
  key: string;
  /** Absent when the key did not exist (or could not be read) at the base. */
  before?: JsonValue;
  /** Absent when the key does not exist at the head. */
  after?: JsonValue;
  /** The values as a person reads them (`0.001`, `"detr"`, `(missing)`), Python's float spelling kept. */
  beforeText: string;
  afterText: string;
}

export type StageReason =
  /** The stage is new at the head. */
  | { kind: 'added'; dvcfile: string }
  /** The stage existed at the base and is gone at the head. */
  | { kind: 'removed'; dvcfile: string }
  /**
   * Its resolved definition changed: `fields` lists which (cmd, wdir, deps, outs, metrics, plots,
   * params, frozen, always_changed, or any other key). `templated` lists the params-file values
   * interpolated into it that changed, when those explain the change. `baseUnreadable` is set
   * when the base dvc.yaml could not be read, so every stage counts as changed.
   */
  | { kind: 'definition'; dvcfile: string; fields: string[]; templated: ParamChange[]; baseUnreadable?: true }
  /** Values of params it tracks under `params:` changed. */
  | { kind: 'params'; changes: ParamChange[] }
  /** Files at or under one of its `deps` changed (`dep` is repository-relative). */
  | { kind: 'dependency'; dep: string; files: string[] }
  /** A stage it depends on (through that stage's outputs) is affected. */
  | { kind: 'upstream'; stage: string; dep: string }
  /**
   * Its outputs changed in the commit: new hashes recorded in dvc.lock (the stage was reproduced
   * and its results committed), or committed output files (`cache: false`) edited. `files` are
   * the repository paths of those outputs.
   */
  | { kind: 'outputs'; files: string[]; lockfile?: string };

export type StageReasonKind = StageReason['kind'];

export interface DvcImpact {
  /** Affected stages (named as DVC prints them), in pipeline order, with every reason found. */
  stages: Map<string, StageReason[]>;
  warnings: string[];
}

export interface DvcImpactInput {
  changedFiles: ChangedFile[];
  base: string;
  head: string;
  read: FileAtRef;
  /**
   * The dvc.yaml files to look at besides the changed ones (repository-relative), e.g. those the
   * service catalog's stages live in, or every dvc.yaml of the repository. Default: ['dvc.yaml'].
   */
  pipelines?: string[];
}

interface PipelinePair {
  headPath: string;
  basePath: string | undefined;
  head: Pipeline | undefined;
  base: Pipeline | undefined;
  baseUnreadable: boolean;
  compared: boolean;
  /** When the dvc.yaml itself did not change: the entries of `stages:` whose params changed. */
  only?: ReadonlySet<string>;
}

const EMPTY: never[] = [];

function paramChange(file: string, change: LeafChange): ParamChange {
  const out: ParamChange = {
    file,
    key: change.key,
    beforeText: formatValue(change.before),
    afterText: formatValue(change.after),
  };
  if (change.before !== undefined) out.before = toJsonValue(change.before);
  if (change.after !== undefined) out.after = toJsonValue(change.after);
  return out;
}

class Analysis {
  readonly reasons = new Map<string, StageReason[]>();
  readonly warnings: string[] = [];
  readonly changed = new Set<string>();
  readonly head: Snapshot;
  readonly base: Snapshot;
  /** Parsed dvc.yaml documents by text: an unchanged file is parsed once for both commits. */
  private readonly parsed = new Map<string, ParsedYaml>();
  private readonly parse = (text: string, file: string): ParsedYaml => {
    const key = `${file}\0${text}`;
    let parsed = this.parsed.get(key);
    if (!parsed) {
      parsed = parseYaml(text, file);
      this.parsed.set(key, parsed);
    }
    return parsed;
  };

  constructor(private readonly input: DvcImpactInput) {
    // Changed paths come from git (repository-relative, normalized already).
    for (const file of input.changedFiles) {
      this.changed.add(file.path);
      if (file.previousPath) this.changed.add(file.previousPath);
    }
    this.head = new Snapshot(input.head, input.read);
    this.base = new Snapshot(input.base, input.read, { snapshot: this.head, changed: this.changed });
  }

  add(stage: string, reason: StageReason): void {
    const list = this.reasons.get(stage);
    if (list) list.push(reason);
    else this.reasons.set(stage, [reason]);
  }

  warn(message: string): void {
    if (!this.warnings.includes(message)) this.warnings.push(message);
  }

  /** head path -> base path (undefined: the file is new at the head). */
  pipelineFiles(): Map<string, string | undefined> {
    const files = new Map<string, string | undefined>();
    for (const path of this.input.pipelines ?? [PROJECT_FILE]) files.set(normalizePath(path), normalizePath(path));
    for (const file of this.input.changedFiles) {
      const { path, previousPath: previous } = file;
      if (!path.endsWith(PROJECT_FILE) && !previous?.endsWith(PROJECT_FILE)) continue;
      if (file.status === 'renamed' && previous && isPipelineFile(previous)) {
        // Its stages now live at the new path (or, renamed to another name, are gone).
        files.delete(previous);
        if (isPipelineFile(path)) files.set(path, previous);
        else files.set(previous, previous);
        continue;
      }
      if (isPipelineFile(path)) files.set(path, file.status === 'added' || file.status === 'copied' ? undefined : path);
    }
    return files;
  }

  async loadPair(headPath: string, basePath: string | undefined): Promise<PipelinePair> {
    const headText = await this.head.text(headPath);
    const head = headText === undefined ? undefined : await loadPipeline(headPath, headText, this.head.loadParams, { parse: this.parse });
    const pair: PipelinePair = { headPath, basePath, head, base: undefined, baseUnreadable: false, compared: false };
    const textChanged = basePath !== headPath || this.changed.has(headPath);
    if (!textChanged) {
      // Same dvc.yaml at both commits: only entries that read a changed params file can differ.
      if (!(head?.contextFiles ?? EMPTY).some((file) => this.changed.has(file))) {
        pair.base = head;
        return pair;
      }
      const only = new Set<string>();
      for (const [group, sources] of head?.groupSources ?? EMPTY) {
        if (sources.some((file) => this.changed.has(file))) only.add(group);
      }
      pair.only = only;
    }
    pair.compared = true;
    if (basePath === undefined) return pair;
    const baseText = await this.base.text(basePath);
    if (baseText === undefined) return pair;
    try {
      pair.base = await loadPipeline(basePath, baseText, this.base.loadParams, {
        parse: this.parse,
        ...(pair.only ? { only: pair.only } : {}),
      });
    } catch (e) {
      if (!(e instanceof ConfigurationError)) throw e;
      pair.baseUnreadable = true;
      this.warn(
        `${basePath} could not be read at the base commit (${e.message}); every stage of ${headPath} is treated as changed`,
      );
    }
    return pair;
  }

  /** The templated params values of a stage that differ at the base (as interpolated text would). */
  async templatedChanges(stage: PipelineStage): Promise<ParamChange[]> {
    const changes: ParamChange[] = [];
    for (const tracked of stage.templated) {
      if (!this.changed.has(tracked.file)) continue;
      const before = await this.base.paramsFile(tracked.file);
      const found = before.data ? getKeyPath(before.data, tracked.key) : { found: false };
      const beforeValue = found.found ? found.value : undefined;
      if (canonical(beforeValue) === canonical(tracked.value)) continue;
      const change: LeafChange = { key: tracked.key, after: tracked.value };
      if (beforeValue !== undefined) change.before = beforeValue;
      changes.push(paramChange(tracked.file, change));
    }
    return changes;
  }

  async compareDefinitions(pair: PipelinePair): Promise<void> {
    const headStages = pair.head?.stages ?? EMPTY;
    if (pair.baseUnreadable) {
      for (const stage of headStages) {
        this.add(stage.name, { kind: 'definition', dvcfile: pair.headPath, fields: [], templated: [], baseUnreadable: true });
      }
      return;
    }
    if (!pair.compared) return;
    const only = pair.only;
    const inScope = (stage: PipelineStage): boolean => !only || only.has(stage.group ?? stage.localName);
    const baseByName = new Map((pair.base?.stages ?? EMPTY).map((stage) => [stage.localName, stage]));
    for (const stage of headStages) {
      if (!inScope(stage)) continue;
      const before = baseByName.get(stage.localName);
      if (!before) {
        this.add(stage.name, { kind: 'added', dvcfile: pair.headPath });
        continue;
      }
      const fields = [...new Set([...Object.keys(before.fields), ...Object.keys(stage.fields)])].filter(
        (field) => before.fields[field] !== stage.fields[field],
      );
      if (fields.length > 0) {
        this.add(stage.name, {
          kind: 'definition',
          dvcfile: pair.headPath,
          fields,
          templated: await this.templatedChanges(stage),
        });
      }
    }
    const headNames = new Set(headStages.map((stage) => stage.localName));
    for (const stage of pair.base?.stages ?? EMPTY) {
      if (inScope(stage) && !headNames.has(stage.localName)) {
        this.add(stageAddress(pair.headPath, stage.localName), { kind: 'removed', dvcfile: pair.headPath });
      }
    }
  }

  async compareParams(stage: PipelineStage): Promise<void> {
    const changes: ParamChange[] = [];
    for (const dep of stage.params) {
      if (!this.changed.has(dep.repoPath)) continue;
      const [before, after] = await Promise.all([this.base.paramsFile(dep.repoPath), this.head.paramsFile(dep.repoPath)]);
      if (after.error) throw after.error;
      const keys = dep.keys === 'all' ? ['*'] : dep.keys;
      if (before.error || after.opaque) {
        if (before.text === after.text) continue;
        this.warn(
          before.error
            ? `${dep.repoPath} could not be read at the base commit (${before.error.message}); its tracked params are treated as changed`
            : `${dep.repoPath} is a Python params file; its values are not compared by key, so any change to it counts for every key tracked in it`,
        );
        for (const key of keys) changes.push({ file: dep.repoPath, key, beforeText: '(unreadable)', afterText: '(changed)' });
        continue;
      }
      if (dep.keys === 'all') {
        for (const change of diffValues('', before.data ?? {}, after.data ?? {})) changes.push(paramChange(dep.repoPath, change));
        continue;
      }
      for (const key of dep.keys) {
        const b = before.data ? getKeyPath(before.data, key) : { found: false };
        const a = after.data ? getKeyPath(after.data, key) : { found: false };
        for (const change of diffValues(key, b.found ? b.value : undefined, a.found ? a.value : undefined)) {
          changes.push(paramChange(dep.repoPath, change));
        }
      }
    }
    if (changes.length > 0) this.add(stage.name, { kind: 'params', changes });
  }

  /** Data tracked by changed `.dvc` files whose recorded hash changed: data path -> .dvc file. */
  async changedTrackedData(): Promise<Map<string, string>> {
    const paths = new Map<string, string>();
    const dvcFiles = [...this.changed].filter((path) => path.endsWith('.dvc'));
    await Promise.all(
      dvcFiles.map(async (path) => {
        const [before, after] = await Promise.all([this.trackedOutputs(this.base, path), this.trackedOutputs(this.head, path)]);
        for (const [out, hash] of after) if (before.get(out) !== hash) paths.set(out, path);
        for (const out of before.keys()) if (!after.has(out)) paths.set(out, path);
      }),
    );
    return paths;
  }

  /** Outputs of a `.dvc` file (repository-relative) with their recorded hashes. */
  private async trackedOutputs(snapshot: Snapshot, path: string): Promise<Map<string, string>> {
    const outputs = new Map<string, string>();
    const text = await snapshot.text(path);
    if (text === undefined) return outputs;
    let value: ParamValue;
    try {
      value = parseYaml(text, path).value;
    } catch (e) {
      if (!(e instanceof ConfigurationError)) throw e;
      this.warn(`${path} is not valid YAML at ${snapshot.ref.slice(0, 12)}; the data it tracks is treated as changed`);
      outputs.set(path.slice(0, -'.dvc'.length), `unreadable:${snapshot.ref}`);
      return outputs;
    }
    if (!isParamMap(value) || !Array.isArray(value.outs)) return outputs;
    const wdir = joinPath(dirName(path), typeof value.wdir === 'string' ? value.wdir : '.');
    for (const out of value.outs) {
      if (!isParamMap(out) || typeof out.path !== 'string') continue;
      const target = repoPath(wdir, out.path);
      if (target === undefined) continue;
      const { path: _path, ...rest } = out;
      outputs.set(target, canonical(rest));
    }
    return outputs;
  }

  /**
   * Changed files against stage dependencies (of the stages in `checked`) and outputs (of every
   * stage in `all`): a file counts for each dependency or output that is the file or a
   * directory holding it.
   */
  async compareFiles(checked: PipelineStage[], all: PipelineStage[], lockOutputs: Map<string, string[]>): Promise<void> {
    const deps = new Set(checked.flatMap((stage) => stage.depPaths));
    const outs = new Set(all.flatMap((stage) => stage.outs.map((out) => out.repoPath).filter((p): p is string => p !== undefined)));
    const filesByPath = new Map<string, string[]>();
    const hit = (path: string, file: string): void => {
      const files = filesByPath.get(path);
      if (!files) filesByPath.set(path, [file]);
      else if (!files.includes(file)) files.push(file);
    };
    if (deps.size > 0 || outs.size > 0) {
      const watched = new Set([...deps, ...outs]);
      // With few paths to watch, one regular expression rules most changed files out at once.
      const prefilter =
        watched.size <= 200 && !watched.has('')
          ? new RegExp(`^(?:${[...watched].map((path) => path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})(?:/|$)`)
          : undefined;
      for (const path of this.changed) {
        if (prefilter && !prefilter.test(path)) continue;
        let candidate = path;
        for (;;) {
          if (watched.has(candidate)) {
            const files = filesByPath.get(candidate);
            if (files) files.push(path);
            else filesByPath.set(candidate, [path]);
          }
          if (candidate === '') break;
          const slash = candidate.lastIndexOf('/');
          candidate = slash === -1 ? '' : candidate.slice(0, slash);
        }
      }
      // Data tracked by a .dvc file may also be a directory holding the dependency.
      for (const [data, dvcFile] of await this.changedTrackedData()) {
        for (const dep of deps) if (isWithin(dep, data) || isWithin(data, dep)) hit(dep, dvcFile);
      }
    }
    const checkedSet = new Set(checked);
    for (const stage of all) {
      if (checkedSet.has(stage)) {
        for (const dep of new Set(stage.depPaths)) {
          const files = filesByPath.get(dep);
          if (files) this.add(stage.name, { kind: 'dependency', dep, files: [...new Set(files)].sort() });
        }
      }
      const changedOutputs = new Set(lockOutputs.get(stage.name) ?? EMPTY);
      const fromLock = changedOutputs.size > 0;
      for (const out of stage.outs) {
        if (out.repoPath !== undefined && filesByPath.has(out.repoPath)) {
          for (const file of filesByPath.get(out.repoPath) ?? EMPTY) changedOutputs.add(file);
        }
      }
      if (changedOutputs.size > 0) {
        const reason: StageReason = { kind: 'outputs', files: [...changedOutputs].sort() };
        if (fromLock) reason.lockfile = joinPath(dirName(stage.dvcfile), 'dvc.lock');
        this.add(stage.name, reason);
      }
    }
  }

  /**
   * Outputs whose recorded hashes changed in the dvc.lock beside each dvc.yaml: stage name ->
   * repository paths of those outputs.
   */
  async lockOutputs(pairs: PipelinePair[]): Promise<Map<string, string[]>> {
    const result = new Map<string, string[]>();
    await Promise.all(
      pairs.map(async (pair) => {
        if (!pair.head) return;
        const headLock = joinPath(pair.head.dir, 'dvc.lock');
        const baseLock = pair.basePath === undefined ? undefined : joinPath(dirName(pair.basePath), 'dvc.lock');
        if (!this.changed.has(headLock) && baseLock === headLock) return;
        const [before, after] = await Promise.all([
          baseLock === undefined ? new Map<string, Map<string, string>>() : this.lockEntries(this.base, baseLock),
          this.lockEntries(this.head, headLock),
        ]);
        const stages = new Map(pair.head.stages.map((stage) => [stage.localName, stage]));
        for (const [name, outs] of after) {
          const stage = stages.get(name);
          if (!stage) continue;
          const previous = before.get(name);
          const changed = [...outs].filter(([path, hash]) => previous?.get(path) !== hash).map(([path]) => joinPath(stage.wdir, path));
          if (changed.length > 0) result.set(stage.name, changed);
        }
      }),
    );
    return result;
  }

  /** Stage name -> output path (relative to its wdir) -> recorded hash, from a dvc.lock. */
  private async lockEntries(snapshot: Snapshot, path: string): Promise<Map<string, Map<string, string>>> {
    const entries = new Map<string, Map<string, string>>();
    const text = await snapshot.text(path);
    if (text === undefined) return entries;
    let value: ParamValue;
    try {
      value = parseYaml(text, path).value;
    } catch (e) {
      if (!(e instanceof ConfigurationError)) throw e;
      this.warn(`${path} is not valid YAML at ${snapshot.ref.slice(0, 12)}; outputs recorded in it are not compared`);
      return entries;
    }
    const stages = isParamMap(value) && isParamMap(value.stages) ? value.stages : {};
    for (const [name, entry] of Object.entries(stages)) {
      if (!isParamMap(entry) || !Array.isArray(entry.outs)) continue;
      const outs = new Map<string, string>();
      for (const out of entry.outs) {
        if (!isParamMap(out) || typeof out.path !== 'string') continue;
        const { path: _path, ...hash } = out;
        outs.set(out.path, canonical(hash));
      }
      entries.set(name, outs);
    }
    return entries;
  }

  /** Marks every stage downstream of an affected one (through outputs it depends on). */
  propagate(stages: PipelineStage[]): void {
    // Outputs by path, and by every directory above them, to find overlaps in both directions.
    const byPath = new Map<string, PipelineStage[]>();
    const byAncestor = new Map<string, { path: string; stage: PipelineStage }[]>();
    const push = <K, T>(map: Map<K, T[]>, key: K, value: T): void => {
      const list = map.get(key);
      if (list) list.push(value);
      else map.set(key, [value]);
    };
    for (const stage of stages) {
      for (const out of stage.outs) {
        if (out.repoPath === undefined) continue;
        push(byPath, out.repoPath, stage);
        for (const dir of ancestorsAndSelf(dirName(out.repoPath))) push(byAncestor, dir, { path: out.repoPath, stage });
      }
    }
    const consumers = new Map<PipelineStage, { stage: PipelineStage; dep: string }[]>();
    for (const stage of stages) {
      if (stage.frozen) continue;
      for (const dep of stage.depPaths) {
        const producers = new Set<PipelineStage>();
        for (const path of ancestorsAndSelf(dep)) for (const producer of byPath.get(path) ?? EMPTY) producers.add(producer);
        if (dep !== '') for (const out of byAncestor.get(dep) ?? EMPTY) producers.add(out.stage);
        else for (const producer of [...byPath.values()].flat()) producers.add(producer);
        producers.delete(stage);
        for (const producer of producers) push(consumers, producer, { stage, dep });
      }
    }
    // Outputs already produced (and committed) say nothing about what must run next.
    const queue = stages.filter(
      (stage) =>
        !stage.frozen && (this.reasons.get(stage.name) ?? EMPTY).some((r) => r.kind !== 'outputs' && r.kind !== 'removed'),
    );
    const seen = new Set(queue);
    for (let i = 0; i < queue.length; i++) {
      const producer = queue[i] as PipelineStage;
      for (const { stage, dep } of consumers.get(producer) ?? EMPTY) {
        const reasons = this.reasons.get(stage.name) ?? [];
        if (!reasons.some((r) => r.kind === 'upstream' && r.stage === producer.name)) {
          this.add(stage.name, { kind: 'upstream', stage: producer.name, dep });
        }
        if (!seen.has(stage)) {
          seen.add(stage);
          queue.push(stage);
        }
      }
    }
  }

  async run(): Promise<DvcImpact> {
    const files = this.pipelineFiles();
    const pairs = await Promise.all([...files].map(([headPath, basePath]) => this.loadPair(headPath, basePath)));
    for (const pair of pairs) await this.compareDefinitions(pair);

    const headStages = pairs.flatMap((pair) => pair.head?.stages ?? EMPTY);
    const added = new Set(
      [...this.reasons].filter(([, reasons]) => reasons.some((r) => r.kind === 'added')).map(([name]) => name),
    );
    // Like `dvc status`, a frozen stage is not checked for changed params or dependencies.
    const existing = headStages.filter((stage) => !added.has(stage.name));
    const checked = existing.filter((stage) => !stage.frozen);
    const [lockOutputs] = await Promise.all([
      this.lockOutputs(pairs),
      ...checked.map((stage) => this.compareParams(stage)),
    ]);
    await this.compareFiles(checked, existing, lockOutputs);
    this.propagate(headStages);

    const ordered = new Map<string, StageReason[]>();
    for (const stage of headStages) {
      const reasons = this.reasons.get(stage.name);
      if (reasons) ordered.set(stage.name, reasons);
    }
    for (const [name, reasons] of this.reasons) if (!ordered.has(name)) ordered.set(name, reasons);
    return { stages: ordered, warnings: this.warnings };
  }
}

/**
 * Tells which DVC stages the change from `base` to `head` affects and why. Reads only what it
 * needs: nothing at all without changed files; the dvc.yaml files at the head (for the stages'
 * dependencies); the base versions and params files only when they changed.
 *
 * A dvc.yaml that is malformed at the head is a ConfigurationError with its file, line and
 * column; one malformed at the base is a warning, and its head stages all count as changed.
 */
export async function analyzeDvcImpact(input: DvcImpactInput): Promise<DvcImpact> {
  if (input.changedFiles.length === 0) return { stages: new Map(), warnings: [] };
  return new Analysis(input).run();
}

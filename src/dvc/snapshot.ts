import type { FileAtRef } from '../changes/types.js';
import { ConfigurationError } from '../core/errors.js';
import { asParamMap, paramsFormat, parseParamsFile } from './files.js';
import type { ParamsLoader } from './pipeline.js';
import type { ParamMap } from './values.js';

/** A params file at one commit. */
export interface ParamsFileState {
  path: string;
  exists: boolean;
  text?: string;
  data?: ParamMap;
  /** Set when the file exists but could not be read as params (bad syntax, not a mapping). */
  error?: ConfigurationError;
  /** Python params files are compared as text: their values cannot be read without running Python. */
  opaque?: boolean;
}

/**
 * The files of one commit, read at most once each. The base snapshot takes every file that
 * did not change from the head snapshot, so an unchanged file is read once for both.
 */
export class Snapshot {
  private readonly texts = new Map<string, Promise<string | undefined>>();
  private readonly params = new Map<string, Promise<ParamsFileState>>();

  constructor(
    readonly ref: string,
    private readonly read: FileAtRef,
    private readonly unchangedFrom?: { snapshot: Snapshot; changed: ReadonlySet<string> },
  ) {}

  text(path: string): Promise<string | undefined> {
    if (this.unchangedFrom && !this.unchangedFrom.changed.has(path)) return this.unchangedFrom.snapshot.text(path);
    let pending = this.texts.get(path);
    if (!pending) {
      pending = this.read(this.ref, path);
      this.texts.set(path, pending);
    }
    return pending;
  }

  paramsFile(path: string): Promise<ParamsFileState> {
    if (this.unchangedFrom && !this.unchangedFrom.changed.has(path)) return this.unchangedFrom.snapshot.paramsFile(path);
    let pending = this.params.get(path);
    if (!pending) {
      pending = this.text(path).then((text) => parseState(path, text));
      this.params.set(path, pending);
    }
    return pending;
  }

  /** For dvc.yaml templating: a params file's mapping, undefined when missing; syntax errors throw. */
  readonly loadParams: ParamsLoader = async (path) => {
    const state = await this.paramsFile(path);
    if (state.error) throw state.error;
    if (state.opaque) {
      throw new ConfigurationError(
        `${path}: Python params files cannot be used in dvc.yaml \`vars\` by this action; use a YAML, JSON or TOML file`,
        { file: path },
      );
    }
    return state.exists ? state.data : undefined;
  };
}

function parseState(path: string, text: string | undefined): ParamsFileState {
  if (text === undefined) return { path, exists: false };
  if (paramsFormat(path) === 'python') return { path, exists: true, text, opaque: true };
  try {
    const value = parseParamsFile(text, path);
    return { path, exists: true, text, data: asParamMap(value ?? null, path) };
  } catch (e) {
    if (e instanceof ConfigurationError) return { path, exists: true, text, error: e };
    throw e;
  }
}

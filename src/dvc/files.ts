import { type Document, LineCounter, type Node, parseDocument, type Tags, YAMLError } from 'yaml';
import { ConfigurationError, type FileLocation } from '../core/errors.js';
import { parseFastYaml } from './fast-yaml.js';
import { parseToml, TomlError } from './toml.js';
import { isParamMap, type ParamMap, type ParamValue, PyFloat } from './values.js';

/**
 * Reading the files DVC reads — dvc.yaml, params files (YAML, JSON, TOML) — into values
 * that keep Python's int/float distinction, with file:line:column on every syntax error.
 */

const FLOAT_TAG = 'tag:yaml.org,2002:float';

/** The YAML 1.2 core schema, with floats boxed so `1.0` stays a float (as in ruamel, DVC's parser). */
function boxFloats(tags: Tags): Tags {
  return tags.map((tag) => {
    if (typeof tag !== 'object' || tag.tag !== FLOAT_TAG || !('resolve' in tag) || !tag.resolve) return tag;
    const test = 'test' in tag ? tag.test : undefined;
    return {
      ...tag,
      resolve: (source: string) => new PyFloat(resolveYamlFloat(source)),
      ...(test ? { test } : {}),
    } as typeof tag;
  });
}

function resolveYamlFloat(source: string): number {
  const text = source.toLowerCase();
  if (text.endsWith('.nan')) return Number.NaN;
  if (text.endsWith('.inf')) return text.startsWith('-') ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY;
  return Number.parseFloat(source);
}

/**
 * A parsed YAML file: its value, and the `yaml` document (for error locations). A caller with a
 * faster reader for common files can build one from the value alone with `parsedFromValue`;
 * the document is then parsed only when an error needs a location.
 */
export class ParsedYaml {
  private full: { document: Document.Parsed; lineCounter: LineCounter } | undefined;

  constructor(
    readonly value: ParamValue,
    private readonly text: string,
    private readonly file: string,
    full?: { document: Document.Parsed; lineCounter: LineCounter },
  ) {
    this.full = full;
  }

  get document(): Document.Parsed {
    return this.parsedFully().document;
  }

  get lineCounter(): LineCounter {
    return this.parsedFully().lineCounter;
  }

  private parsedFully(): { document: Document.Parsed; lineCounter: LineCounter } {
    this.full ??= parseDocumentOf(this.text, this.file);
    return this.full;
  }
}

export function parsedFromValue(value: ParamValue, text: string, file: string): ParsedYaml {
  return new ParsedYaml(value, text, file);
}

function firstLine(message: string): string {
  return (message.split('\n')[0] ?? message).replace(/ at line \d+, column \d+:?$/, '').trim();
}

export function locationOf(file: string, lineCounter: LineCounter, offset: number): FileLocation {
  const { line, col } = lineCounter.linePos(offset);
  return { file, line, column: col };
}

export function nodeLocation(file: string, parsed: ParsedYaml, node: Node | null | undefined): FileLocation {
  const offset = node?.range?.[0];
  return offset === undefined ? { file } : locationOf(file, parsed.lineCounter, offset);
}

export function syntaxError(file: string, what: string, detail: string, location: FileLocation): ConfigurationError {
  const where = `${location.file}${location.line ? `:${location.line}` : ''}${location.column ? `:${location.column}` : ''}`;
  return new ConfigurationError(`${where}: ${what}: ${detail}`, location);
}

function parseDocumentOf(text: string, file: string): { document: Document.Parsed; lineCounter: LineCounter } {
  const lineCounter = new LineCounter();
  const document = parseDocument(text, {
    lineCounter,
    customTags: boxFloats,
    merge: true,
    prettyErrors: false,
    keepSourceTokens: false,
  });
  const error = document.errors[0];
  if (error) {
    throw syntaxError(
      file,
      'not valid YAML',
      `${firstLine(error.message)}; fix the YAML syntax`,
      locationOf(file, lineCounter, error.pos[0]),
    );
  }
  return { document, lineCounter };
}

/** Parses YAML as DVC does: the fast reader for common files, the `yaml` package for the rest. */
export function parseYaml(text: string, file: string): ParsedYaml {
  const fast = parseFastYaml(text);
  if (fast !== undefined) return new ParsedYaml(fast, text, file);
  return parseYamlFully(text, file);
}

/** Parses YAML with the `yaml` package only (the reference the fast reader is tested against). */
export function parseYamlFully(text: string, file: string): ParsedYaml {
  const full = parseDocumentOf(text, file);
  let value: ParamValue;
  try {
    value = (full.document.toJS({ maxAliasCount: 10_000 }) ?? null) as ParamValue;
  } catch (e) {
    if (e instanceof YAMLError || e instanceof Error) {
      throw syntaxError(file, 'not valid YAML', firstLine(e.message), { file });
    }
    throw e;
  }
  return new ParsedYaml(value, text, file, full);
}

/** JSON with Python's types: a number written with a fraction or exponent is a float. */
export function parseJson(text: string, file: string): ParamValue {
  try {
    return JSON.parse(text, function reviver(this: unknown, _key: string, value: unknown, context?: { source?: string }) {
      if (typeof value === 'number' && context?.source !== undefined && /[.eE]/.test(context.source)) {
        return new PyFloat(value);
      }
      return value;
    }) as ParamValue;
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    const position = /position (\d+)/.exec(message);
    const location: FileLocation = { file };
    if (position) {
      const offset = Number(position[1]);
      const before = text.slice(0, offset).split('\n');
      location.line = before.length;
      location.column = (before.at(-1)?.length ?? 0) + 1;
    }
    throw syntaxError(file, 'not valid JSON', `${message.replace(/ in JSON at position \d+.*$/, '')}; fix the JSON syntax`, location);
  }
}

export type ParamsFormat = 'yaml' | 'json' | 'toml' | 'python';

/** DVC picks the parser by extension and falls back to YAML for any other name. */
export function paramsFormat(path: string): ParamsFormat {
  const lower = path.toLowerCase();
  if (lower.endsWith('.json')) return 'json';
  if (lower.endsWith('.toml')) return 'toml';
  if (lower.endsWith('.py')) return 'python';
  return 'yaml';
}

/**
 * Parses a params file. Python params files cannot be evaluated here: they return
 * `undefined` and callers compare such files as a whole.
 */
export function parseParamsFile(text: string, file: string): ParamValue | undefined {
  switch (paramsFormat(file)) {
    case 'json':
      return parseJson(text, file);
    case 'toml':
      try {
        return parseToml(text);
      } catch (e) {
        if (e instanceof TomlError) {
          throw syntaxError(file, 'not valid TOML', `${e.message}; fix the TOML syntax`, {
            file,
            line: e.line,
            column: e.column,
          });
        }
        throw e;
      }
    case 'python':
      return undefined;
    case 'yaml':
      return parseYaml(text, file).value;
  }
}

/** A params file's top level must be a mapping (DVC: "expected a dictionary"). */
export function asParamMap(value: ParamValue, file: string): ParamMap {
  if (value === null) return {};
  if (!isParamMap(value)) {
    throw new ConfigurationError(
      `${file}: a params file must hold a mapping of keys to values at its top level, not a ${Array.isArray(value) ? 'list' : 'single value'}`,
      { file, line: 1 },
    );
  }
  return value;
}

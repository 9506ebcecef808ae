import { readFileSync } from 'node:fs';
import { isAbsolute, relative, resolve, sep } from 'node:path';
import { LineCounter } from 'yaml';
import { ConfigurationError, type FileLocation } from '../core/errors.js';
import { parseFast } from './fast-yaml.js';
import { parseWithYamlPackage } from './full-yaml.js';
import { checkUses } from './graph.js';
import { nodeAt, type YamlNode } from './tree.js';
import type { Catalog } from './types.js';
import { CatalogReader } from './validate.js';

export const DEFAULT_CATALOG_PATH = '.github/services.yml';

const TEMPLATE_URL = 'https://github.com/aura/actions/blob/v1/action-templates/services.yml';

/**
 * Reads and validates `<repoRoot>/<catalogPath>`. Every problem is a ConfigurationError located
 * on the file, line and column at fault; the first one in the document is reported.
 */
export function loadCatalog(repoRoot: string, catalogPath: string): Catalog {
  const absolute = resolve(repoRoot, catalogPath);
  const fromRoot = relative(resolve(repoRoot), absolute);
  // Annotations need a path relative to the workspace; a catalog outside it keeps its full path.
  const file = fromRoot && !fromRoot.startsWith('..') && !isAbsolute(fromRoot) ? fromRoot.split(sep).join('/') : absolute;
  let text: string;
  try {
    text = readFileSync(absolute, 'utf8');
  } catch (error) {
    const code = errorCode(error);
    if (code === 'ENOENT') {
      throw new ConfigurationError(
        `service catalog not found: looked for ${file} in ${repoRoot}; create it from the example catalog ` +
          `(${TEMPLATE_URL}), or set the 'catalog' input to the path of yours`,
      );
    }
    if (code === 'EISDIR') {
      throw new ConfigurationError(`service catalog ${file} is a directory; set the 'catalog' input to the catalog file`);
    }
    const reason = (error as { message?: unknown } | null)?.message ?? String(error);
    throw new ConfigurationError(`cannot read the service catalog ${file}: ${String(reason)}`);
  }
  return parseCatalog(text, file);
}

/** Parses and validates catalog text; `file` is the name used in errors and locations. */
export function parseCatalog(text: string, file: string): Catalog {
  return readCatalog(text, file, 'fast-first');
}

/**
 * `parseCatalog` with a choice of YAML reader, so tests can hold the fast reader to the `yaml`
 * package's results: 'yaml-package' skips the fast reader.
 */
export function readCatalog(text: string, file: string, reader: 'fast-first' | 'yaml-package'): Catalog {
  // Line starts are counted only when a location is asked for: errors and later actions' messages.
  let lines: LineCounter | undefined;
  const position = (offset: number) => (lines ??= lineCounter(text)).linePos(offset);
  const at = (offset: number): FileLocation => {
    const { line, col } = position(offset);
    return { file, line, column: col };
  };
  let root = reader === 'fast-first' ? parseFast(text) : undefined;
  if (root === undefined) {
    const parsed = parseWithYamlPackage(text, (lines ??= lineCounter(text)));
    if ('problem' in parsed) throw new ConfigurationError(parsed.problem.message, at(parsed.problem.offset));
    root = parsed.root;
  }
  const checker = new CatalogReader((offset) => position(offset).line);
  const content = checker.read(root);
  checkUses(content, checker);
  const first = firstProblem(checker.problems);
  if (first) throw new ConfigurationError(first.message, at(first.offset));
  return {
    file,
    version: 1,
    global: content.global,
    shared: content.shared,
    services: content.services,
    locate: (path) => locate(root, path, at),
  };
}

/** The errno code of a file system error (checked by shape: errors may come from another realm). */
function errorCode(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}

function locate(root: YamlNode | null, path: readonly (string | number)[], at: (offset: number) => FileLocation): FileLocation {
  return at(nodeAt(root, path)?.start ?? 0);
}

function firstProblem<T extends { offset: number }>(problems: T[]): T | undefined {
  let first: T | undefined;
  for (const problem of problems) if (!first || problem.offset < first.offset) first = problem;
  return first;
}

/** Line starts of the whole text, for line:column of any offset (the `yaml` package's counter). */
function lineCounter(text: string): LineCounter {
  const lines = new LineCounter();
  lines.addNewLine(0);
  for (let at = text.indexOf('\n'); at !== -1; at = text.indexOf('\n', at + 1)) lines.addNewLine(at + 1);
  return lines;
}

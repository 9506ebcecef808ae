import {
  isAlias,
  isMap,
  isPair,
  isScalar,
  isSeq,
  parseDocument,
  visit,
  type Document,
  type LineCounter,
  type Node as YNode,
  type ParsedNode,
  type Scalar,
  type YAMLError,
} from 'yaml';
import { formatKeyPath, type KeyPath } from './keypath.js';
import { emptyValue, keyName, type MapNode, type ScalarNode, type YamlNode } from './tree.js';

const CORE_TAG_PREFIX = 'tag:yaml.org,2002:';

/** A YAML problem found while reading the file, before any catalog rule applies. */
export interface SyntaxProblem {
  offset: number;
  message: string;
}

export type FullParseResult = { root: YamlNode | null } | { problem: SyntaxProblem };

/**
 * Reads any YAML with the `yaml` package (YAML 1.2, core schema) and converts it to the tree.
 * `lineCounter` already holds the text's line starts (for the line of an earlier duplicate key).
 */
export function parseWithYamlPackage(text: string, lineCounter: LineCounter): FullParseResult {
  const doc = parseDocument(text, { prettyErrors: false, uniqueKeys: true });
  const firstError = [...doc.errors].sort((a, b) => a.pos[0] - b.pos[0])[0];
  if (firstError) return { problem: describeSyntaxError(doc, firstError, lineCounter) };
  const converter = new Converter(doc, text);
  try {
    return { root: doc.contents ? converter.convert(doc.contents as YNode, []) : null };
  } catch (error) {
    if (error instanceof TreeProblem) return { problem: { offset: error.offset, message: error.message } };
    throw error;
  }
}

function describeSyntaxError(doc: Document, error: YAMLError, lineCounter: LineCounter): SyntaxProblem {
  const offset = error.pos[0];
  if (error.code === 'DUPLICATE_KEY' && doc.contents) {
    const found = findDuplicate(doc.contents as YNode, offset, []);
    if (found) {
      const { line } = lineCounter.linePos(found.firstOffset);
      return {
        offset,
        message:
          `${formatKeyPath(found.path)}: duplicate key; '${found.name}' is already defined on line ${line}; ` +
          'remove one of them or merge their contents',
      };
    }
  }
  if (error.code === 'MISSING_CHAR' && error.message.includes('quote')) {
    // The parser notices at the end of the file; the user needs to see where the value opens.
    const opening = unterminatedQuote(doc, offset);
    if (opening) {
      return {
        offset: opening.offset,
        message: `invalid YAML: the quoted value that starts here has no closing ${opening.quote}; add it where the value ends`,
      };
    }
  }
  return { offset, message: `invalid YAML: ${error.message}; fix the syntax at this position` };
}

function unterminatedQuote(doc: Document, end: number): { offset: number; quote: string } | undefined {
  let found: { offset: number; quote: string } | undefined;
  visit(doc, {
    Scalar(_key, node) {
      const range = node.range;
      if (!range || range[1] !== end) return undefined;
      if (node.type === 'QUOTE_DOUBLE' || node.type === 'QUOTE_SINGLE') {
        found = { offset: range[0], quote: node.type === 'QUOTE_DOUBLE' ? '"' : "'" };
        return visit.BREAK;
      }
      return undefined;
    },
  });
  return found;
}

/** The path of the key written at `offset` that repeats an earlier key of the same mapping. */
function findDuplicate(
  node: YNode,
  offset: number,
  path: KeyPath,
): { path: KeyPath; name: string; firstOffset: number } | undefined {
  if (isMap(node)) {
    for (const [index, pair] of node.items.entries()) {
      const key = pair.key as YNode | null;
      if (isScalar(key) && key.range?.[0] === offset) {
        const name = scalarKeyName(key);
        const first = node.items
          .slice(0, index)
          .find((other) => isScalar(other.key) && (other.key as Scalar).value === key.value);
        const firstOffset = (first?.key as Scalar | undefined)?.range?.[0] ?? offset;
        return { path: [...path, name], name, firstOffset };
      }
      const value = pair.value as YNode | null;
      if (value && contains(value, offset) && isScalar(key)) {
        const found = findDuplicate(value, offset, [...path, scalarKeyName(key)]);
        if (found) return found;
      }
    }
  } else if (isSeq(node)) {
    for (const [index, item] of node.items.entries()) {
      if (item && contains(item as YNode, offset)) return findDuplicate(item as YNode, offset, [...path, index]);
    }
  }
  return undefined;
}

function contains(node: YNode, offset: number): boolean {
  const range = node.range;
  return !!range && range[0] <= offset && offset < range[2];
}

function scalarKeyName(key: Scalar): string {
  return typeof key.value === 'string' ? key.value : String(key.source ?? key.value);
}

class TreeProblem extends Error {
  constructor(
    message: string,
    readonly offset: number,
  ) {
    super(message);
  }
}

class Converter {
  /** Converted nodes by identity, so aliases share one converted node and cannot blow up. */
  private readonly done = new Map<YNode, YamlNode>();
  private readonly inProgress = new Set<YNode>();

  constructor(
    private readonly doc: Document,
    private readonly text: string,
  ) {}

  convert(node: YNode, path: KeyPath): YamlNode {
    if (isAlias(node)) {
      const target = node.resolve(this.doc) as YNode | undefined;
      const offset = node.range?.[0] ?? 0;
      if (!target) throw new TreeProblem(`${prefix(path)}alias '*${node.source}' has no anchor; define &${node.source} before it`, offset);
      if (this.inProgress.has(target)) {
        throw new TreeProblem(`${prefix(path)}alias '*${node.source}' refers to a node that contains it; remove the recursion`, offset);
      }
      return this.convert(target, path);
    }
    const cached = this.done.get(node);
    if (cached) return cached;
    this.inProgress.add(node);
    const converted = this.convertNode(node, path);
    this.inProgress.delete(node);
    this.done.set(node, converted);
    return converted;
  }

  private convertNode(node: YNode, path: KeyPath): YamlNode {
    // Ends are where the written value ends (after `]` for flow collections), not trailing comments.
    const [start = 0, end = start] = (node as ParsedNode).range ?? [];
    if (isScalar(node)) return this.scalar(node, start, end);
    if (isMap(node)) {
      const map: MapNode = { kind: 'map', items: [], start, end };
      for (const pair of node.items) {
        if (!isPair(pair)) continue;
        const keyNode = pair.key as YNode | null;
        const key = this.key(keyNode, path, start);
        const valueNode = pair.value as YNode | null;
        const childPath = [...path, keyName(key)];
        const value =
          valueNode === null || (isScalar(valueNode) && valueNode.value === null && valueNode.source === '' && !valueNode.tag)
            ? emptyValue(key)
            : this.convert(valueNode, childPath);
        map.items.push({ key, value });
      }
      if (!node.flow) map.end = map.items[map.items.length - 1]?.value.end ?? end;
      return map;
    }
    if (isSeq(node)) {
      const items = node.items.map((item, index) =>
        item === null
          ? ({ kind: 'scalar', value: null, source: '', empty: true, start, end: start } satisfies ScalarNode)
          : this.convert(item as YNode, [...path, index]),
      );
      return { kind: 'seq', items, start, end: node.flow ? end : (items[items.length - 1]?.end ?? end) };
    }
    throw new TreeProblem(`${prefix(path)}unsupported YAML node`, start);
  }

  private key(node: YNode | null, path: KeyPath, mapStart: number): ScalarNode {
    if (node === null) {
      throw new TreeProblem(`${prefix(path)}a key is missing before ':'; write the key's name`, mapStart);
    }
    const resolved = isAlias(node) ? (node.resolve(this.doc) as YNode | undefined) : node;
    const offset = (node as ParsedNode).range?.[0] ?? mapStart;
    if (!resolved || !isScalar(resolved)) {
      throw new TreeProblem(`${prefix(path)}keys must be plain names, not lists or mappings`, offset);
    }
    const key = this.scalar(resolved, offset, (node as ParsedNode).range?.[1] ?? offset);
    if (key.value === null && key.empty) {
      throw new TreeProblem(`${prefix(path)}a key is empty; write the key's name before ':'`, offset);
    }
    return key;
  }

  private scalar(node: Scalar, start: number, end: number): ScalarNode {
    const raw: unknown = node.value;
    let value: ScalarNode['value'];
    if (raw === null || typeof raw === 'string' || typeof raw === 'boolean' || typeof raw === 'number') value = raw;
    else if (typeof raw === 'bigint') value = Number(raw);
    else value = { unsupported: raw instanceof Date ? 'date' : 'value of an unsupported YAML type' };
    const source = node.type === 'PLAIN' ? this.text.slice(start, end) : String(raw ?? '');
    const scalar: ScalarNode = { kind: 'scalar', value, source, start, end };
    if (node.tag && !node.tag.startsWith(CORE_TAG_PREFIX)) {
      scalar.tag = node.tag;
      // The node's range starts after its tag; the tag is where users look.
      const tagStart = this.text.lastIndexOf(node.tag, start);
      if (tagStart >= 0) scalar.start = tagStart;
    }
    if (raw === null && source === '' && !node.tag) scalar.empty = true;
    return scalar;
  }
}

function prefix(path: KeyPath): string {
  return path.length ? `${formatKeyPath(path)}: ` : '';
}

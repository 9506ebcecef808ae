/**
 * The catalog's YAML as a small tree of plain objects with source offsets. Both parsers (the fast
 * one for the common subset and the full `yaml` package for everything else) produce this shape,
 * so validation and error locations do not depend on which one read the file.
 */
export type YamlNode = ScalarNode | MapNode | SeqNode;

export type ScalarValue = string | number | boolean | null;

export interface ScalarNode {
  kind: 'scalar';
  /** The resolved value; `unsupported` for YAML types the catalog has no use for (dates, binary). */
  value: ScalarValue | { unsupported: string };
  /** The text as written for plain scalars (`1.10`, `true`), else the value as a string. */
  source: string;
  /** A YAML tag that is not one of the core schema's (`!foo`), as written. */
  tag?: string;
  /** True for an empty value (`key:` with nothing after it); its offsets are then the key's. */
  empty?: boolean;
  start: number;
  end: number;
}

export interface PairNode {
  key: ScalarNode;
  value: YamlNode;
}

export interface MapNode {
  kind: 'map';
  items: PairNode[];
  start: number;
  end: number;
}

export interface SeqNode {
  kind: 'seq';
  items: YamlNode[];
  start: number;
  end: number;
}

/** The value of `key:` written with nothing after it; located on the key, where users look. */
export function emptyValue(key: ScalarNode): ScalarNode {
  return { kind: 'scalar', value: null, source: '', empty: true, start: key.start, end: key.end };
}

/** The catalog's name for a key: its string value, or its text as written for `1:` or `true:`. */
export function keyName(key: ScalarNode): string {
  return typeof key.value === 'string' ? key.value : key.source;
}

/**
 * Where a path of keys and indices is written: the key of a mapping entry, the item of a list;
 * the deepest node on the way when the path goes further than the document (a default).
 */
export function nodeAt(root: YamlNode | null, path: readonly (string | number)[]): YamlNode | ScalarNode | null {
  let node: YamlNode | null = root;
  let located: YamlNode | ScalarNode | null = root;
  for (const segment of path) {
    if (node?.kind === 'map') {
      const pair: PairNode | undefined = node.items.find((item) => keyName(item.key) === String(segment));
      if (!pair) break;
      located = pair.key;
      node = pair.value;
    } else if (node?.kind === 'seq' && typeof segment === 'number' && segment >= 0 && segment < node.items.length) {
      node = node.items[segment] ?? null;
      located = node;
    } else {
      break;
    }
  }
  return located;
}

/** What a node is, in the words an error message uses ("got a list"). */
export function describe(node: YamlNode): string {
  if (node.kind === 'map') return 'a mapping';
  if (node.kind === 'seq') return 'a list';
  const value = node.value;
  if (value === null) return node.empty ? 'nothing' : 'null';
  if (typeof value === 'string') return `the string '${value}'`;
  if (typeof value === 'number') return `the number ${node.source}`;
  if (typeof value === 'boolean') return `${node.source} (a boolean)`;
  return `a ${value.unsupported}`;
}

import { emptyValue, type MapNode, type PairNode, type ScalarNode, type ScalarValue, type SeqNode, type YamlNode } from './tree.js';

/**
 * A reader for the YAML that catalogs are written in: block mappings and lists, one-line flow
 * lists and mappings of scalars, plain and quoted one-line scalars, comments. On a large catalog
 * it is more than ten times faster than the general `yaml` package, which matters because every
 * action loads the catalog at start, before the JIT has warmed up.
 *
 * It gives up (returns `undefined`) on anything else — anchors, tags, block scalars, multi-line
 * values, escapes, tabs, duplicate keys, anything malformed — and the caller then reads the file
 * with the `yaml` package, which handles all of YAML and reports syntax errors. What it accepts
 * it must read exactly as the `yaml` package does (YAML 1.2, core schema); the differential tests
 * in __tests__/catalog/fast-yaml.test.ts hold it to that.
 *
 * Written for the first run: character codes rather than one-character strings, native string
 * searches rather than loops over characters, few short-lived objects.
 */
export function parseFast(text: string): YamlNode | null | undefined {
  if (UNSUPPORTED_CHARACTERS.test(text) || (text.includes('\r') && LONE_CR.test(text))) return undefined;
  try {
    return new FastReader(text).read();
  } catch (error) {
    if (error === GIVE_UP) return undefined;
    throw error;
  }
}

// Tabs, control characters, a byte-order mark and the characters some YAML versions treat as
// line breaks are left to the full parser; so are carriage returns that do not end a line.
// eslint-disable-next-line no-control-regex
const UNSUPPORTED_CHARACTERS = /[\x00-\x09\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029\ufeff]/;
const LONE_CR = /\r(?!\n)/;

const GIVE_UP = Symbol('give up');

function giveUp(): never {
  throw GIVE_UP;
}

const SPACE = 32;
const HASH = 35;
const COLON = 58;
const DASH = 45;
const DOUBLE_QUOTE = 34;
const SINGLE_QUOTE = 39;
const OPEN_BRACKET = 91;
const CLOSE_BRACKET = 93;
const OPEN_BRACE = 123;
const CLOSE_BRACE = 125;
const COMMA = 44;

/** Characters a plain scalar may not start with (YAML's indicators), by character code. */
const INDICATOR = new Uint8Array(128);
for (const char of '&*!|>%@`#,[]{}?:\'"') INDICATOR[char.charCodeAt(0)] = 1;

function isIndicator(code: number): boolean {
  return code < 128 && INDICATOR[code] === 1;
}

function isFlowEnd(code: number): boolean {
  return code === COMMA || code === CLOSE_BRACKET || code === CLOSE_BRACE;
}

/** Where a plain scalar inside a flow collection may end. */
const FLOW_SPECIAL = /[,\]}[{:#]/g;

/** Maps with more keys than this check duplicates with a Set instead of a scan. */
const SMALL_MAP = 12;

class FastReader {
  // The lines that hold content (comments and blank lines carry nothing for the tree), as
  // parallel arrays: indentation, first character that is not a space, end before the line break,
  // and whether the line holds a '#' at all.
  private readonly indent: Int32Array;
  private readonly start: Int32Array;
  private readonly end: Int32Array;
  private readonly hasHash: Uint8Array;
  private count = 0;
  private index = 0;
  /** Where the scalar last read by blockKey or flowScalar stops. */
  private after = 0;

  constructor(private readonly text: string) {
    let lines = 1;
    for (let at = text.indexOf('\n'); at !== -1; at = text.indexOf('\n', at + 1)) lines++;
    this.indent = new Int32Array(lines);
    this.start = new Int32Array(lines);
    this.end = new Int32Array(lines);
    this.hasHash = new Uint8Array(lines);
  }

  read(): YamlNode | null {
    this.splitLines();
    if (this.count === 0) return null;
    if (this.indent[0] !== 0 || this.isSeqItem(0)) giveUp();
    const root = this.map(0);
    if (this.index !== this.count) giveUp();
    return root;
  }

  private splitLines(): void {
    const text = this.text;
    const length = text.length;
    let offset = 0;
    let sawMarker = false;
    // The next '#' of the text, found once for all lines: searching for a comment from each line
    // would scan the rest of a file that has few comments, again and again.
    let nextHash = text.indexOf('#');
    while (offset <= length) {
      let lineBreak = text.indexOf('\n', offset);
      if (lineBreak === -1) lineBreak = length;
      let end = lineBreak;
      if (end > offset && text.charCodeAt(end - 1) === 13) end--;
      let start = offset;
      while (start < end && text.charCodeAt(start) === SPACE) start++;
      if (start < end && text.charCodeAt(start) !== HASH) {
        if (start === offset && this.isDocumentLine(start, end)) {
          // One `---` before any content is allowed; directives, `...` and more documents are not.
          if (sawMarker || this.count > 0 || text.charCodeAt(start) !== DASH) giveUp();
          this.expectLineEnd(start + 3, end);
          sawMarker = true;
        } else {
          while (nextHash !== -1 && nextHash < start) nextHash = text.indexOf('#', nextHash + 1);
          const line = this.count++;
          this.indent[line] = start - offset;
          this.start[line] = start;
          this.end[line] = end;
          this.hasHash[line] = nextHash !== -1 && nextHash < end ? 1 : 0;
        }
      }
      offset = lineBreak + 1;
    }
  }

  private isDocumentLine(start: number, end: number): boolean {
    const text = this.text;
    const first = text.charCodeAt(start);
    if (first === 37) return true; // '%': a directive
    if (first !== DASH && first !== 46) return false;
    if (!text.startsWith('---', start) && !text.startsWith('...', start)) return false;
    return start + 3 === end || text.charCodeAt(start + 3) === SPACE;
  }

  private isSeqItem(line: number): boolean {
    const start = this.start[line] ?? 0;
    return this.text.charCodeAt(start) === DASH && (start + 1 === this.end[line] || this.text.charCodeAt(start + 1) === SPACE);
  }

  private block(indent: number): YamlNode {
    if (this.index >= this.count) giveUp();
    return this.isSeqItem(this.index) ? this.seq(indent) : this.map(indent);
  }

  private map(indent: number): MapNode {
    const items: PairNode[] = [];
    let keys: Set<ScalarValue | object> | undefined;
    while (this.index < this.count) {
      const line = this.index;
      const lineIndent = this.indent[line] ?? 0;
      if (lineIndent < indent) break;
      if (lineIndent > indent || this.isSeqItem(line)) giveUp();
      const end = this.end[line] ?? 0;
      const key = this.blockKey(line);
      keys = checkNewKey(items, keys, key.value);
      this.index++;
      const valueStart = this.skipSpaces(this.after, end);
      let value: YamlNode;
      if (valueStart === end || this.text.charCodeAt(valueStart) === HASH) {
        const next = this.index;
        const nextIndent = next < this.count ? (this.indent[next] ?? 0) : -1;
        if (nextIndent > indent) value = this.block(nextIndent);
        else if (nextIndent === indent && this.isSeqItem(next)) value = this.seq(indent);
        else value = emptyValue(key);
      } else {
        value = this.inlineValue(valueStart, line);
        this.expectNoContinuation(indent);
      }
      items.push({ key, value });
    }
    const first = items[0];
    const last = items[items.length - 1];
    if (!first || !last) giveUp();
    return { kind: 'map', items, start: first.key.start, end: last.value.end };
  }

  private seq(indent: number): SeqNode {
    const items: YamlNode[] = [];
    let start = -1;
    while (this.index < this.count) {
      const line = this.index;
      const lineIndent = this.indent[line] ?? 0;
      if (lineIndent < indent) break;
      if (lineIndent > indent) giveUp();
      if (!this.isSeqItem(line)) break;
      const lineStart = this.start[line] ?? 0;
      const end = this.end[line] ?? 0;
      if (start < 0) start = lineStart;
      this.index++;
      const valueStart = this.skipSpaces(lineStart + 1, end);
      if (valueStart === end || this.text.charCodeAt(valueStart) === HASH) {
        const next = this.index;
        const nextIndent = next < this.count ? (this.indent[next] ?? 0) : -1;
        if (nextIndent > indent) items.push(this.block(nextIndent));
        else items.push({ kind: 'scalar', value: null, source: '', empty: true, start: lineStart + 1, end: lineStart + 1 });
      } else {
        if (this.text.charCodeAt(valueStart) === DASH && this.isSpaceOrEnd(valueStart + 1, end)) giveUp();
        items.push(this.inlineValue(valueStart, line));
        this.expectNoContinuation(indent);
      }
    }
    const last = items[items.length - 1];
    if (!last) giveUp();
    return { kind: 'seq', items, start, end: last.end };
  }

  /** A more indented line after a one-line value would continue it (a multi-line scalar). */
  private expectNoContinuation(indent: number): void {
    if (this.index < this.count && (this.indent[this.index] ?? 0) > indent) giveUp();
  }

  /** The key of a block mapping entry; `after` is set past its ':'. */
  private blockKey(line: number): ScalarNode {
    const text = this.text;
    const start = this.start[line] ?? 0;
    const end = this.end[line] ?? 0;
    const first = text.charCodeAt(start);
    if (first === DOUBLE_QUOTE || first === SINGLE_QUOTE) {
      const key = this.quoted(start, end);
      if (text.charCodeAt(key.end) !== COLON || !this.isSpaceOrEnd(key.end + 1, end)) giveUp();
      this.after = key.end + 1;
      return key;
    }
    if (isIndicator(first) || (first === DASH && this.isSpaceOrEnd(start + 1, end))) giveUp();
    let colon = text.indexOf(':', start);
    while (colon !== -1 && colon < end && !this.isSpaceOrEnd(colon + 1, end)) colon = text.indexOf(':', colon + 1);
    if (colon === -1 || colon >= end) giveUp();
    if (this.hasHash[line] === 1) {
      const comment = text.indexOf(' #', start);
      if (comment !== -1 && comment < colon) giveUp();
    }
    let keyEnd = colon;
    while (text.charCodeAt(keyEnd - 1) === SPACE) keyEnd--;
    if (keyEnd - start > 1024) giveUp();
    this.after = colon + 1;
    return plainScalar(text.slice(start, keyEnd), start);
  }

  /** A value that starts on the line of its key or list item and ends with it. */
  private inlineValue(start: number, line: number): YamlNode {
    const text = this.text;
    const end = this.end[line] ?? 0;
    const first = text.charCodeAt(start);
    let node: YamlNode;
    if (first === DOUBLE_QUOTE || first === SINGLE_QUOTE) node = this.quoted(start, end);
    else if (first === OPEN_BRACKET) node = this.flowSeq(start, end);
    else if (first === OPEN_BRACE) node = this.flowMap(start, end);
    else {
      if (isIndicator(first) || (first === DASH && this.isSpaceOrEnd(start + 1, end))) giveUp();
      let stop = end;
      if (this.hasHash[line] === 1) {
        const comment = text.indexOf(' #', start);
        if (comment !== -1 && comment < end) stop = comment;
      }
      while (text.charCodeAt(stop - 1) === SPACE) stop--;
      // `key: a: b` is a nested mapping on one line, which YAML rejects.
      const colon = text.indexOf(': ', start);
      if ((colon !== -1 && colon < stop) || text.charCodeAt(stop - 1) === COLON) giveUp();
      return plainScalar(text.slice(start, stop), start);
    }
    this.expectLineEnd(node.end, end);
    return node;
  }

  private flowSeq(start: number, end: number): SeqNode {
    const text = this.text;
    const items: YamlNode[] = [];
    let at = this.skipSpaces(start + 1, end);
    if (text.charCodeAt(at) !== CLOSE_BRACKET) {
      for (;;) {
        items.push(this.flowScalar(at, end));
        if (text.charCodeAt(this.after) === COLON) giveUp();
        at = this.skipSpaces(this.after, end);
        const separator = text.charCodeAt(at);
        if (separator === CLOSE_BRACKET) break;
        if (separator !== COMMA) giveUp();
        at = this.skipSpaces(at + 1, end);
        if (text.charCodeAt(at) === CLOSE_BRACKET) giveUp();
      }
    }
    return { kind: 'seq', items, start, end: at + 1 };
  }

  private flowMap(start: number, end: number): MapNode {
    const text = this.text;
    const items: PairNode[] = [];
    let keys: Set<ScalarValue | object> | undefined;
    let at = this.skipSpaces(start + 1, end);
    if (text.charCodeAt(at) !== CLOSE_BRACE) {
      for (;;) {
        const key = this.flowScalar(at, end);
        if (text.charCodeAt(this.after) !== COLON || text.charCodeAt(this.after + 1) !== SPACE) giveUp();
        keys = checkNewKey(items, keys, key.value);
        const value = this.flowScalar(this.skipSpaces(this.after + 1, end), end);
        if (text.charCodeAt(this.after) === COLON) giveUp();
        items.push({ key, value });
        at = this.skipSpaces(this.after, end);
        const separator = text.charCodeAt(at);
        if (separator === CLOSE_BRACE) break;
        if (separator !== COMMA) giveUp();
        at = this.skipSpaces(at + 1, end);
        if (text.charCodeAt(at) === CLOSE_BRACE) giveUp();
      }
    }
    return { kind: 'map', items, start, end: at + 1 };
  }

  /** A scalar inside `[...]` or `{...}`; `after` is set where it stops. */
  private flowScalar(start: number, end: number): ScalarNode {
    const text = this.text;
    const first = text.charCodeAt(start);
    if (first === DOUBLE_QUOTE || first === SINGLE_QUOTE) {
      const node = this.quoted(start, end);
      this.after = node.end;
      return node;
    }
    if (isIndicator(first)) giveUp();
    if (first === DASH && (this.isSpaceOrEnd(start + 1, end) || isFlowEnd(text.charCodeAt(start + 1)))) giveUp();
    let at = start;
    for (;;) {
      FLOW_SPECIAL.lastIndex = at;
      const match = FLOW_SPECIAL.exec(text);
      if (!match || match.index >= end) giveUp();
      at = match.index;
      const code = text.charCodeAt(at);
      if (isFlowEnd(code)) break;
      if (code === OPEN_BRACKET || code === OPEN_BRACE) giveUp();
      if (code === HASH && text.charCodeAt(at - 1) === SPACE) giveUp();
      if (code === COLON) {
        const after = text.charCodeAt(at + 1);
        if (at + 1 === end || after === SPACE || isFlowEnd(after)) break;
      }
      at++;
    }
    while (at > start && text.charCodeAt(at - 1) === SPACE) at--;
    if (at === start) giveUp();
    this.after = at;
    return plainScalar(text.slice(start, at), start);
  }

  /** A single- or double-quoted scalar on one line, without escapes. */
  private quoted(start: number, end: number): ScalarNode {
    const text = this.text;
    const quote = text.charCodeAt(start) === DOUBLE_QUOTE ? '"' : "'";
    let at = start + 1;
    let value = '';
    for (;;) {
      const close = text.indexOf(quote, at);
      if (close === -1 || close >= end) giveUp();
      if (quote === "'" && text.charCodeAt(close + 1) === SINGLE_QUOTE) {
        value += text.slice(at, close + 1);
        at = close + 2;
        continue;
      }
      value += text.slice(at, close);
      if (quote === '"' && value.includes('\\')) giveUp();
      return { kind: 'scalar', value, source: value, start, end: close + 1 };
    }
  }

  private expectLineEnd(at: number, end: number): void {
    const next = this.skipSpaces(at, end);
    if (next === end) return;
    if (this.text.charCodeAt(next) === HASH && next > at) return;
    giveUp();
  }

  private isSpaceOrEnd(at: number, end: number): boolean {
    return at >= end || this.text.charCodeAt(at) === SPACE;
  }

  private skipSpaces(at: number, end: number): number {
    while (at < end && this.text.charCodeAt(at) === SPACE) at++;
    return at;
  }
}

/**
 * Gives up on a key already in the mapping (the `yaml` package then reports it). Keys are
 * compared by value as the `yaml` package does: `1` and `1.0` are the same key, NaN never is.
 */
function checkNewKey(
  items: readonly PairNode[],
  keys: Set<ScalarValue | object> | undefined,
  value: ScalarNode['value'],
): Set<ScalarValue | object> | undefined {
  if (typeof value === 'number' && Number.isNaN(value)) return keys;
  if (keys) {
    if (keys.has(value)) giveUp();
    keys.add(value);
    return keys;
  }
  for (let i = 0; i < items.length; i++) if (items[i]?.key.value === value) giveUp();
  if (items.length < SMALL_MAP) return undefined;
  const all = new Set<ScalarValue | object>();
  for (const item of items) all.add(item.key.value);
  all.add(value);
  return all;
}

function plainScalar(source: string, start: number): ScalarNode {
  return { kind: 'scalar', value: resolvePlain(source), source, start, end: start + source.length };
}

// The tests of YAML 1.2's core schema as the `yaml` package applies them. They do not overlap,
// so one expression tells the number forms apart.
const NULL = /^(?:~|[Nn]ull|NULL)$/;
const BOOL = /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/;
const NUMBER =
  /^(?:([-+]?[0-9]+)|0o([0-7]+)|0x([0-9a-fA-F]+)|([-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?)|([-+]?\.(?:inf|Inf|INF))|(\.nan|\.NaN|\.NAN))$/;

export function resolvePlain(source: string): ScalarValue {
  // Most values and keys are words: decide by the first character before trying any pattern.
  const first = source.charCodeAt(0);
  if (first === 110 || first === 78 || first === 126) {
    // n, N, ~
    return source.length <= 4 && NULL.test(source) ? null : source;
  }
  if (first === 116 || first === 84 || first === 102 || first === 70) {
    // t, T, f, F
    return source.length <= 5 && BOOL.test(source) ? first === 116 || first === 84 : source;
  }
  // Anything else that is not a number starts with a character no number starts with.
  if (!((first >= 48 && first <= 57) || first === 43 || first === 45 || first === 46)) return source;
  const match = NUMBER.exec(source);
  if (!match) return source;
  if (match[1] !== undefined) return parseInt(match[1], 10);
  if (match[2] !== undefined) return parseInt(match[2], 8);
  if (match[3] !== undefined) return parseInt(match[3], 16);
  if (match[4] !== undefined) return parseFloat(match[4]);
  if (match[5] !== undefined) return match[5].startsWith('-') ? -Infinity : Infinity;
  return NaN;
}

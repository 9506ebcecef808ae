import { type ParamMap, type ParamValue, PyFloat } from './values.js';

/**
 * A fast reader for the YAML that dvc.yaml and params files are usually written in: block
 * mappings and lists (compact `- key: value` items included), one-line flow lists and mappings
 * of scalars, plain and quoted one-line scalars, `|`/`>` block scalars, comments. Change
 * detection reads these files at the start of every run, where the general `yaml` package
 * costs tens of milliseconds before it is warmed up.
 *
 * It gives up (returns `undefined`) on everything else — anchors, aliases, tags, multi-line
 * plain or flow values, escapes, tabs, duplicate keys, anything malformed — and the caller
 * then reads the file with the `yaml` package, which handles all of YAML and reports syntax
 * errors. What it accepts it reads exactly as the `yaml` package does with the core schema
 * (floats boxed as PyFloat); the differential tests hold it to that.
 */

const GIVE_UP = Symbol('give up');

function giveUp(): never {
  throw GIVE_UP;
}

export function parseFastYaml(text: string): ParamValue | undefined {
  if (/[\t\r\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufeff\u2028\u2029]/.test(text)) return undefined;
  try {
    return new Reader(text.split('\n')).document();
  } catch (error) {
    if (error === GIVE_UP) return undefined;
    throw error;
  }
}

/** Characters a plain scalar may not start with. */
const INDICATOR = /^[&*!|>%@`#,[\]{}?:'"-]/;

function indentOf(line: string): number {
  let i = 0;
  while (line.charCodeAt(i) === 32) i++;
  return i;
}

function isBlankOrComment(line: string): boolean {
  const trimmed = line.trimStart();
  return trimmed === '' || trimmed.startsWith('#');
}

class Reader {
  private index = 0;

  constructor(private readonly lines: string[]) {}

  document(): ParamValue {
    const first = this.next();
    if (first === undefined) return null;
    if (first.text.startsWith('---') || first.text.startsWith('%')) giveUp();
    const value = this.block(first.indent);
    if (this.next() !== undefined) giveUp();
    return value;
  }

  /** The next line that holds content, without consuming it. */
  private next(): { indent: number; text: string } | undefined {
    while (this.index < this.lines.length && isBlankOrComment(this.lines[this.index] as string)) this.index++;
    const line = this.lines[this.index];
    if (line === undefined) return undefined;
    const indent = indentOf(line);
    return { indent, text: line.slice(indent) };
  }

  private block(indent: number): ParamValue {
    const line = this.next();
    if (!line || line.indent !== indent) giveUp();
    return isSequenceItem(line.text) ? this.sequence(indent) : this.mapping(indent);
  }

  private sequence(indent: number): ParamValue[] {
    const items: ParamValue[] = [];
    for (;;) {
      const line = this.next();
      // A list that is a mapping's value may share the mapping's indentation: a key ends it.
      if (!line || line.indent < indent || (line.indent === indent && !isSequenceItem(line.text))) return items;
      if (line.indent > indent) giveUp();
      const rest = line.text.slice(1);
      const offset = indentOf(rest);
      const content = rest.slice(offset);
      if (content === '' || content.startsWith('#')) {
        this.index++;
        items.push(this.nested(indent, true));
        continue;
      }
      const column = indent + 1 + offset;
      if (isSequenceItem(content) || splitKey(content) !== undefined) {
        // A compact nested list or mapping: read it as if it started on its own line.
        this.lines[this.index] = ' '.repeat(column) + content;
        items.push(this.block(column));
        continue;
      }
      this.index++;
      items.push(this.inlineOrBlockScalar(content, indent));
    }
  }

  private mapping(indent: number): ParamMap {
    const map: ParamMap = {};
    for (;;) {
      const line = this.next();
      if (!line || line.indent < indent || (line.indent === indent && isSequenceItem(line.text))) return map;
      if (line.indent > indent) giveUp();
      const split = splitKey(line.text);
      if (!split) giveUp();
      const key = scalarKey(split.key);
      // `<<` is a merge key for the full parser.
      if (Object.hasOwn(map, key) || key === '__proto__' || key === '<<') giveUp();
      this.index++;
      const rest = split.rest;
      if (rest === '' || rest.startsWith('#')) {
        map[key] = this.nested(indent, false);
      } else {
        map[key] = this.inlineOrBlockScalar(rest, indent);
      }
    }
  }

  /** The value on the lines after `key:` or `-`: a nested block, or null when there is none. */
  private nested(indent: number, inSequence: boolean): ParamValue {
    const line = this.next();
    if (!line) return null;
    if (line.indent > indent) return this.block(line.indent);
    // A mapping's value may be a list at the mapping's own indentation.
    if (!inSequence && line.indent === indent && isSequenceItem(line.text)) return this.sequence(indent);
    return null;
  }

  private inlineOrBlockScalar(text: string, parentIndent: number): ParamValue {
    if (text.startsWith('|') || text.startsWith('>')) return this.blockScalar(text, parentIndent);
    const value = inlineValue(text);
    // A plain value continued on a more indented line is a multi-line scalar: not read here.
    const after = this.next();
    if (after && after.indent > parentIndent) giveUp();
    return value;
  }

  private blockScalar(header: string, parentIndent: number): string {
    const indicator = stripComment(header);
    if (!['|', '|-', '>', '>-'].includes(indicator)) giveUp();
    const body: string[] = [];
    let contentIndent = -1;
    while (this.index < this.lines.length) {
      const line = this.lines[this.index] as string;
      const indent = indentOf(line);
      if (line.trim() === '') {
        body.push('');
        this.index++;
        continue;
      }
      if (contentIndent === -1) {
        if (indent <= parentIndent) break;
        contentIndent = indent;
      }
      if (indent < contentIndent) break;
      body.push(line);
      this.index++;
    }
    while (body.length > 0 && body.at(-1) === '') body.pop();
    if (contentIndent === -1 || body.includes('')) giveUp();
    const lines = body.map((line) => line.slice(contentIndent));
    let text: string;
    if (indicator.startsWith('|')) {
      text = lines.join('\n');
    } else {
      if (lines.some((line) => line.startsWith(' '))) giveUp();
      text = lines.join(' ');
    }
    return indicator.endsWith('-') ? text : `${text}\n`;
  }
}

function isSequenceItem(text: string): boolean {
  return text === '-' || text.startsWith('- ');
}

/** `key: rest` -> the key text and what follows the separator, or undefined when not a key. */
function splitKey(text: string): { key: string; rest: string } | undefined {
  let end: number;
  if (text.startsWith('"') || text.startsWith("'")) {
    end = closingQuote(text, 0);
    if (text[end + 1] !== ':') return undefined;
    end += 1;
  } else {
    if (INDICATOR.test(text)) return undefined;
    end = -1;
    for (let i = text.indexOf(':'); i !== -1; i = text.indexOf(':', i + 1)) {
      if (i + 1 === text.length || text[i + 1] === ' ') {
        end = i;
        break;
      }
    }
    if (end === -1) return undefined;
    if (text.slice(0, end).includes(' #')) return undefined;
  }
  const after = text.slice(end + 1);
  if (after !== '' && !after.startsWith(' ')) return undefined;
  return { key: text.slice(0, end), rest: after.trimStart() };
}

function scalarKey(text: string): string {
  const value = text.startsWith('"') || text.startsWith("'") ? quoted(text) : plainScalar(text.trimEnd());
  if (typeof value !== 'string') giveUp();
  return value;
}

/** Index of the quote closing the string that starts at `start`. */
function closingQuote(text: string, start: number): number {
  const quote = text[start];
  for (let i = start + 1; i < text.length; i++) {
    const ch = text[i];
    if (quote === '"' && ch === '\\') giveUp();
    if (ch === quote) {
      if (quote === "'" && text[i + 1] === "'") {
        i++;
        continue;
      }
      return i;
    }
  }
  return giveUp();
}

function quoted(text: string): string {
  const end = closingQuote(text, 0);
  if (text.slice(end + 1).trim() !== '') giveUp();
  const inner = text.slice(1, end);
  return text[0] === "'" ? inner.replace(/''/g, "'") : inner;
}

function stripComment(text: string): string {
  const hash = text.indexOf(' #');
  return (hash === -1 ? text : text.slice(0, hash)).trimEnd();
}

function inlineValue(text: string): ParamValue {
  if (text.startsWith('"') || text.startsWith("'")) {
    const end = closingQuote(text, 0);
    const rest = text.slice(end + 1);
    if (rest.trim() !== '' && !rest.startsWith(' #')) giveUp();
    return quoted(text.slice(0, end + 1));
  }
  if (text.startsWith('[')) return flowSequence(stripComment(text));
  if (text.startsWith('{')) return flowMapping(stripComment(text));
  const plain = stripComment(text);
  if (plain.includes(': ') || plain.endsWith(':')) giveUp();
  return plainScalar(plain);
}

function flowItems(text: string, open: string, close: string): string[] {
  if (!text.endsWith(close)) giveUp();
  const inner = text.slice(1, -1);
  if (/[[\]{}#"'`&*!|>%@?]/.test(inner) || inner.includes(open)) giveUp();
  if (inner.trim() === '') return [];
  const items = inner.split(',').map((item) => item.trim());
  if (items.at(-1) === '') items.pop();
  if (items.some((item) => item === '')) giveUp();
  return items;
}

function flowSequence(text: string): ParamValue[] {
  return flowItems(text, '[', ']').map((item) => {
    if (item.includes(':')) giveUp();
    return plainScalar(item);
  });
}

function flowMapping(text: string): ParamMap {
  const map: ParamMap = {};
  for (const item of flowItems(text, '{', '}')) {
    const colon = item.indexOf(': ');
    if (colon === -1 || item.indexOf(':', colon + 1) !== -1) giveUp();
    const key = plainScalar(item.slice(0, colon).trim());
    if (typeof key !== 'string' || Object.hasOwn(map, key) || key === '__proto__') giveUp();
    map[key] = plainScalar(item.slice(colon + 2).trim());
  }
  return map;
}

// YAML 1.2 core schema, in the order the `yaml` package tries its tags.
const NULL = /^(?:~|[Nn]ull|NULL)?$/;
const BOOL = /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/;
const INT_OCT = /^0o[0-7]+$/;
const INT = /^[-+]?[0-9]+$/;
const INT_HEX = /^0x[0-9a-fA-F]+$/;
const FLOAT_NAN = /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/;
const FLOAT_EXP = /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/;
const FLOAT = /^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/;

function plainScalar(text: string): ParamValue {
  if (text !== '' && (INDICATOR.test(text) && !/^-[^\s]/.test(text))) giveUp();
  if (text.includes(' #') || /\s$/.test(text)) giveUp();
  if (NULL.test(text)) return null;
  if (BOOL.test(text)) return text[0] === 't' || text[0] === 'T';
  if (INT_OCT.test(text)) return parseInt(text.slice(2), 8);
  if (INT.test(text)) return parseInt(text, 10);
  if (INT_HEX.test(text)) return parseInt(text.slice(2), 16);
  if (FLOAT_NAN.test(text)) {
    if (/nan$/i.test(text)) return new PyFloat(Number.NaN);
    return new PyFloat(text[0] === '-' ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY);
  }
  if (FLOAT_EXP.test(text) || FLOAT.test(text)) return new PyFloat(parseFloat(text));
  return text;
}

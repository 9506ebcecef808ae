import { type ParamMap, type ParamValue, PyFloat } from './values.js';

/**
 * A TOML 1.0 reader for params files, enough to compare tracked keys the way DVC does
 * (it reads TOML with tomlkit). Integers stay numbers, floats are boxed in PyFloat, and
 * dates and times are kept as their source text.
 */

export class TomlError extends Error {
  override readonly name = 'TomlError';
  constructor(
    message: string,
    readonly line: number,
    readonly column: number,
  ) {
    super(message);
  }
}

const BARE_KEY = /[A-Za-z0-9_-]/;
const DATE_TIME =
  /^\d{4}-\d{2}-\d{2}([Tt ]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:\d{2})?)?$|^\d{2}:\d{2}:\d{2}(\.\d+)?$/;
const DEC_INT = /^[+-]?(0|[1-9](_?\d)*)$/;
const FLOAT = /^[+-]?(0|[1-9](_?\d)*)(\.\d(_?\d)*)?([eE][+-]?\d(_?\d)*)?$/;

class Parser {
  private pos = 0;
  private readonly root: ParamMap = {};
  /** Tables that may not be opened again: defined by a header, inline, or static arrays. */
  private readonly closed = new WeakSet<object>();
  private readonly headerDefined = new WeakSet<object>();
  private readonly tableArrays = new WeakSet<object>();

  constructor(private readonly text: string) {}

  fail(message: string, at = this.pos): never {
    const before = this.text.slice(0, at).split('\n');
    throw new TomlError(message, before.length, (before.at(-1)?.length ?? 0) + 1);
  }

  parse(): ParamMap {
    let current = this.root;
    while (this.pos < this.text.length) {
      this.skipWhitespace();
      const ch = this.text[this.pos];
      if (ch === undefined) break;
      if (ch === '#' || ch === '\n' || ch === '\r') {
        this.skipComment();
        this.expectNewline();
        continue;
      }
      if (ch === '[') {
        current = this.tableHeader();
      } else {
        this.keyValue(current);
      }
      this.skipWhitespace();
      this.skipComment();
      this.expectNewline();
    }
    return this.root;
  }

  private skipWhitespace(): void {
    while (this.text[this.pos] === ' ' || this.text[this.pos] === '\t') this.pos++;
  }

  private skipComment(): void {
    if (this.text[this.pos] !== '#') return;
    while (this.pos < this.text.length && this.text[this.pos] !== '\n') this.pos++;
  }

  private expectNewline(): void {
    if (this.pos >= this.text.length) return;
    if (this.text.startsWith('\r\n', this.pos)) {
      this.pos += 2;
    } else if (this.text[this.pos] === '\n') {
      this.pos++;
    } else {
      this.fail(`unexpected '${this.text[this.pos]}' (expected the end of the line)`);
    }
  }

  /** Skips blanks, newlines and comments inside arrays. */
  private skipBlankLines(): void {
    for (;;) {
      this.skipWhitespace();
      const ch = this.text[this.pos];
      if (ch === '#') this.skipComment();
      else if (ch === '\n') this.pos++;
      else if (ch === '\r' && this.text[this.pos + 1] === '\n') this.pos += 2;
      else return;
    }
  }

  private tableHeader(): ParamMap {
    const isArray = this.text.startsWith('[[', this.pos);
    this.pos += isArray ? 2 : 1;
    this.skipWhitespace();
    const start = this.pos;
    const keys = this.dottedKey();
    this.skipWhitespace();
    if (!this.text.startsWith(isArray ? ']]' : ']', this.pos)) this.fail(`expected '${isArray ? ']]' : ']'}'`);
    this.pos += isArray ? 2 : 1;
    const parent = this.walk(this.root, keys.slice(0, -1), start, true);
    const last = keys.at(-1) as string;
    if (isArray) {
      let list = parent[last];
      if (list === undefined) {
        list = [];
        parent[last] = list;
        this.tableArrays.add(list);
      } else if (!Array.isArray(list) || !this.tableArrays.has(list)) {
        this.fail(`'${keys.join('.')}' is already defined and is not an array of tables`, start);
      }
      const table: ParamMap = {};
      list.push(table);
      return table;
    }
    const existing = parent[last];
    if (existing === undefined) {
      const table: ParamMap = {};
      parent[last] = table;
      this.headerDefined.add(table);
      return table;
    }
    if (typeof existing !== 'object' || existing === null || Array.isArray(existing) || existing instanceof PyFloat) {
      this.fail(`'${keys.join('.')}' is already defined as a value`, start);
    }
    if (this.headerDefined.has(existing) || this.closed.has(existing)) {
      this.fail(`table '${keys.join('.')}' is defined twice`, start);
    }
    this.headerDefined.add(existing);
    return existing;
  }

  /** Descends through (and creates) tables; the last element of an array of tables for headers. */
  private walk(table: ParamMap, keys: string[], at: number, header: boolean): ParamMap {
    let current = table;
    for (const key of keys) {
      let next = current[key];
      if (next === undefined) {
        next = {};
        current[key] = next;
      } else if (Array.isArray(next) && header && this.tableArrays.has(next)) {
        next = next.at(-1) as ParamValue;
      }
      if (typeof next !== 'object' || next === null || Array.isArray(next) || next instanceof PyFloat) {
        this.fail(`'${key}' is already defined as a value`, at);
      }
      if (this.closed.has(next)) this.fail(`'${key}' is an inline table and cannot be extended`, at);
      current = next;
    }
    return current;
  }

  private keyValue(table: ParamMap): void {
    const start = this.pos;
    const keys = this.dottedKey();
    this.skipWhitespace();
    if (this.text[this.pos] !== '=') this.fail(`expected '=' after the key '${keys.join('.')}'`);
    this.pos++;
    this.skipWhitespace();
    const target = this.walk(table, keys.slice(0, -1), start, false);
    const last = keys.at(-1) as string;
    if (Object.hasOwn(target, last)) this.fail(`the key '${keys.join('.')}' is defined twice`, start);
    target[last] = this.value();
  }

  private dottedKey(): string[] {
    const keys = [this.simpleKey()];
    for (;;) {
      this.skipWhitespace();
      if (this.text[this.pos] !== '.') return keys;
      this.pos++;
      this.skipWhitespace();
      keys.push(this.simpleKey());
    }
  }

  private simpleKey(): string {
    const ch = this.text[this.pos];
    if (ch === '"') return this.basicString();
    if (ch === "'") return this.literalString();
    const start = this.pos;
    while (this.pos < this.text.length && BARE_KEY.test(this.text[this.pos] as string)) this.pos++;
    if (start === this.pos) this.fail(ch === undefined ? 'expected a key' : `unexpected '${ch}' (expected a key)`);
    return this.text.slice(start, this.pos);
  }

  private value(): ParamValue {
    const ch = this.text[this.pos];
    if (ch === '"') return this.text.startsWith('"""', this.pos) ? this.multilineBasic() : this.basicString();
    if (ch === "'") return this.text.startsWith("'''", this.pos) ? this.multilineLiteral() : this.literalString();
    if (ch === '[') return this.array();
    if (ch === '{') return this.inlineTable();
    if (this.text.startsWith('true', this.pos) && !BARE_KEY.test(this.text[this.pos + 4] ?? '')) {
      this.pos += 4;
      return true;
    }
    if (this.text.startsWith('false', this.pos) && !BARE_KEY.test(this.text[this.pos + 5] ?? '')) {
      this.pos += 5;
      return false;
    }
    return this.scalar();
  }

  private scalar(): ParamValue {
    const start = this.pos;
    while (this.pos < this.text.length && /[0-9A-Za-z_:+.-]/.test(this.text[this.pos] as string)) this.pos++;
    // A date and a time may be separated by one space.
    if (
      /^\d{4}-\d{2}-\d{2}$/.test(this.text.slice(start, this.pos)) &&
      this.text[this.pos] === ' ' &&
      /\d{2}:/.test(this.text.slice(this.pos + 1, this.pos + 4))
    ) {
      this.pos++;
      while (this.pos < this.text.length && /[0-9A-Za-z_:+.-]/.test(this.text[this.pos] as string)) this.pos++;
    }
    const token = this.text.slice(start, this.pos);
    if (token === '') this.fail(`unexpected '${this.text[this.pos] ?? 'end of file'}' (expected a value)`);
    if (DATE_TIME.test(token)) return token;
    const special = /^([+-]?)(inf|nan)$/.exec(token);
    if (special) {
      if (special[2] === 'nan') return new PyFloat(Number.NaN);
      return new PyFloat(special[1] === '-' ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY);
    }
    const radix = /^0([xob])([0-9A-Fa-f](_?[0-9A-Fa-f])*)$/.exec(token);
    if (radix) {
      const base = radix[1] === 'x' ? 16 : radix[1] === 'o' ? 8 : 2;
      const digits = (radix[2] as string).replace(/_/g, '');
      const valid = base === 16 ? /^[0-9A-Fa-f]+$/ : base === 8 ? /^[0-7]+$/ : /^[01]+$/;
      if (!valid.test(digits)) this.fail(`'${token}' is not a valid number`, start);
      return Number.parseInt(digits, base);
    }
    if (DEC_INT.test(token)) return Number(token.replace(/_/g, ''));
    if (FLOAT.test(token)) return new PyFloat(Number(token.replace(/_/g, '')));
    return this.fail(`'${token}' is not a valid value`, start);
  }

  private escape(): string {
    const ch = this.text[this.pos++];
    switch (ch) {
      case 'b':
        return '\b';
      case 't':
        return '\t';
      case 'n':
        return '\n';
      case 'f':
        return '\f';
      case 'r':
        return '\r';
      case 'e':
        return '\x1b';
      case '"':
        return '"';
      case '\\':
        return '\\';
      case 'x':
      case 'u':
      case 'U': {
        const length = ch === 'x' ? 2 : ch === 'u' ? 4 : 8;
        const hex = this.text.slice(this.pos, this.pos + length);
        if (!new RegExp(`^[0-9A-Fa-f]{${length}}$`).test(hex)) this.fail(`invalid escape '\\${ch}${hex}'`);
        this.pos += length;
        const code = Number.parseInt(hex, 16);
        if (code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) this.fail(`invalid unicode escape '\\${ch}${hex}'`);
        return String.fromCodePoint(code);
      }
      default:
        return this.fail(`invalid escape '\\${ch ?? ''}'`, this.pos - 1);
    }
  }

  private basicString(): string {
    const start = this.pos++;
    let out = '';
    for (;;) {
      const ch = this.text[this.pos];
      if (ch === undefined || ch === '\n') this.fail('unterminated string', start);
      this.pos++;
      if (ch === '"') return out;
      out += ch === '\\' ? this.escape() : ch;
    }
  }

  private literalString(): string {
    const start = this.pos++;
    const end = this.text.indexOf("'", this.pos);
    const newline = this.text.indexOf('\n', this.pos);
    if (end === -1 || (newline !== -1 && newline < end)) this.fail('unterminated string', start);
    const out = this.text.slice(this.pos, end);
    this.pos = end + 1;
    return out;
  }

  private skipFirstNewline(): void {
    if (this.text.startsWith('\r\n', this.pos)) this.pos += 2;
    else if (this.text[this.pos] === '\n') this.pos++;
  }

  /** Up to two quotes right before the closing delimiter belong to the content. */
  private closingQuotes(quote: string): number {
    let extra = 0;
    while (extra < 2 && this.text[this.pos + 3 + extra] === quote) extra++;
    return extra;
  }

  private multilineBasic(): string {
    const start = this.pos;
    this.pos += 3;
    this.skipFirstNewline();
    let out = '';
    for (;;) {
      if (this.pos >= this.text.length) this.fail('unterminated multi-line string', start);
      if (this.text.startsWith('"""', this.pos)) {
        const extra = this.closingQuotes('"');
        out += '"'.repeat(extra);
        this.pos += 3 + extra;
        return out;
      }
      const ch = this.text[this.pos++] as string;
      if (ch !== '\\') {
        out += ch;
        continue;
      }
      // A backslash at the end of a line trims the line break and the leading blanks after it.
      const rest = /^[ \t]*\r?\n/.exec(this.text.slice(this.pos));
      if (rest) {
        this.pos += rest[0].length;
        while (/[ \t\r\n]/.test(this.text[this.pos] ?? '')) this.pos++;
      } else {
        out += this.escape();
      }
    }
  }

  private multilineLiteral(): string {
    const start = this.pos;
    this.pos += 3;
    this.skipFirstNewline();
    const begin = this.pos;
    const end = this.text.indexOf("'''", begin);
    if (end === -1) this.fail('unterminated multi-line string', start);
    this.pos = end;
    const extra = this.closingQuotes("'");
    this.pos = end + 3 + extra;
    return this.text.slice(begin, end) + "'".repeat(extra);
  }

  private array(): ParamValue[] {
    this.pos++;
    const items: ParamValue[] = [];
    for (;;) {
      this.skipBlankLines();
      if (this.text[this.pos] === ']') {
        this.pos++;
        break;
      }
      items.push(this.value());
      this.skipBlankLines();
      if (this.text[this.pos] === ',') {
        this.pos++;
        continue;
      }
      if (this.text[this.pos] !== ']') this.fail("expected ',' or ']' in an array");
      this.pos++;
      break;
    }
    this.closed.add(items);
    return items;
  }

  private inlineTable(): ParamMap {
    this.pos++;
    const table: ParamMap = {};
    this.skipWhitespace();
    if (this.text[this.pos] === '}') {
      this.pos++;
      this.closed.add(table);
      return table;
    }
    for (;;) {
      this.skipWhitespace();
      this.keyValue(table);
      this.skipWhitespace();
      if (this.text[this.pos] === ',') {
        this.pos++;
        continue;
      }
      if (this.text[this.pos] !== '}') this.fail("expected ',' or '}' in an inline table");
      this.pos++;
      break;
    }
    this.closed.add(table);
    return table;
  }
}

export function parseToml(text: string): ParamMap {
  return new Parser(text.replace(/^\uFEFF/, '')).parse();
}

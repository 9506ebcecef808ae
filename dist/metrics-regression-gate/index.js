import { createRequire as __WEBPACK_EXTERNAL_createRequire } from "module";
/******/ var __webpack_modules__ = ({

/***/ 4006:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



const pico = __nccwpck_require__(8016);
const utils = __nccwpck_require__(4059);

function picomatch(glob, options, returnState = false) {
  // default to os.platform()
  if (options && (options.windows === null || options.windows === undefined)) {
    // don't mutate the original options object
    options = { ...options, windows: utils.isWindows() };
  }

  return pico(glob, options, returnState);
}

Object.assign(picomatch, pico);
module.exports = picomatch;


/***/ }),

/***/ 5595:
/***/ ((module) => {



const WIN_SLASH = '\\\\/';
const WIN_NO_SLASH = `[^${WIN_SLASH}]`;

const DEFAULT_MAX_EXTGLOB_RECURSION = 0;

/**
 * Posix glob regex
 */

const DOT_LITERAL = '\\.';
const PLUS_LITERAL = '\\+';
const QMARK_LITERAL = '\\?';
const SLASH_LITERAL = '\\/';
const ONE_CHAR = '(?=.)';
const QMARK = '[^/]';
const END_ANCHOR = `(?:${SLASH_LITERAL}|$)`;
const START_ANCHOR = `(?:^|${SLASH_LITERAL})`;
const DOTS_SLASH = `${DOT_LITERAL}{1,2}${END_ANCHOR}`;
const NO_DOT = `(?!${DOT_LITERAL})`;
const NO_DOTS = `(?!${START_ANCHOR}${DOTS_SLASH})`;
const NO_DOT_SLASH = `(?!${DOT_LITERAL}{0,1}${END_ANCHOR})`;
const NO_DOTS_SLASH = `(?!${DOTS_SLASH})`;
const QMARK_NO_DOT = `[^.${SLASH_LITERAL}]`;
const STAR = `${QMARK}*?`;
const SEP = '/';

const POSIX_CHARS = {
  DOT_LITERAL,
  PLUS_LITERAL,
  QMARK_LITERAL,
  SLASH_LITERAL,
  ONE_CHAR,
  QMARK,
  END_ANCHOR,
  DOTS_SLASH,
  NO_DOT,
  NO_DOTS,
  NO_DOT_SLASH,
  NO_DOTS_SLASH,
  QMARK_NO_DOT,
  STAR,
  START_ANCHOR,
  SEP
};

/**
 * Windows glob regex
 */

const WINDOWS_CHARS = {
  ...POSIX_CHARS,

  SLASH_LITERAL: `[${WIN_SLASH}]`,
  QMARK: WIN_NO_SLASH,
  STAR: `${WIN_NO_SLASH}*?`,
  DOTS_SLASH: `${DOT_LITERAL}{1,2}(?:[${WIN_SLASH}]|$)`,
  NO_DOT: `(?!${DOT_LITERAL})`,
  NO_DOTS: `(?!(?:^|[${WIN_SLASH}])${DOT_LITERAL}{1,2}(?:[${WIN_SLASH}]|$))`,
  NO_DOT_SLASH: `(?!${DOT_LITERAL}{0,1}(?:[${WIN_SLASH}]|$))`,
  NO_DOTS_SLASH: `(?!${DOT_LITERAL}{1,2}(?:[${WIN_SLASH}]|$))`,
  QMARK_NO_DOT: `[^.${WIN_SLASH}]`,
  START_ANCHOR: `(?:^|[${WIN_SLASH}])`,
  END_ANCHOR: `(?:[${WIN_SLASH}]|$)`,
  SEP: '\\'
};

/**
 * POSIX Bracket Regex
 */

const POSIX_REGEX_SOURCE = {
  __proto__: null,
  alnum: 'a-zA-Z0-9',
  alpha: 'a-zA-Z',
  ascii: '\\x00-\\x7F',
  blank: ' \\t',
  cntrl: '\\x00-\\x1F\\x7F',
  digit: '0-9',
  graph: '\\x21-\\x7E',
  lower: 'a-z',
  print: '\\x20-\\x7E ',
  punct: '\\-!"#$%&\'()\\*+,./:;<=>?@[\\]^_`{|}~',
  space: ' \\t\\r\\n\\v\\f',
  upper: 'A-Z',
  word: 'A-Za-z0-9_',
  xdigit: 'A-Fa-f0-9'
};

module.exports = {
  DEFAULT_MAX_EXTGLOB_RECURSION,
  MAX_LENGTH: 1024 * 64,
  POSIX_REGEX_SOURCE,

  // regular expressions
  REGEX_BACKSLASH: /\\(?![*+?^${}(|)[\]])/g,
  REGEX_NON_SPECIAL_CHARS: /^[^@![\].,$*+?^{}()|\\/]+/,
  REGEX_SPECIAL_CHARS: /[-*+?.^${}(|)[\]]/,
  REGEX_SPECIAL_CHARS_BACKREF: /(\\?)((\W)(\3*))/g,
  REGEX_SPECIAL_CHARS_GLOBAL: /([-*+?.^${}(|)[\]])/g,
  REGEX_REMOVE_BACKSLASH: /(?:\[.*?[^\\]\]|\\(?=.))/g,

  // Replace globs with equivalent patterns to reduce parsing time.
  REPLACEMENTS: {
    __proto__: null,
    '***': '*',
    '**/**': '**',
    '**/**/**': '**'
  },

  // Digits
  CHAR_0: 48, /* 0 */
  CHAR_9: 57, /* 9 */

  // Alphabet chars.
  CHAR_UPPERCASE_A: 65, /* A */
  CHAR_LOWERCASE_A: 97, /* a */
  CHAR_UPPERCASE_Z: 90, /* Z */
  CHAR_LOWERCASE_Z: 122, /* z */

  CHAR_LEFT_PARENTHESES: 40, /* ( */
  CHAR_RIGHT_PARENTHESES: 41, /* ) */

  CHAR_ASTERISK: 42, /* * */

  // Non-alphabetic chars.
  CHAR_AMPERSAND: 38, /* & */
  CHAR_AT: 64, /* @ */
  CHAR_BACKWARD_SLASH: 92, /* \ */
  CHAR_CARRIAGE_RETURN: 13, /* \r */
  CHAR_CIRCUMFLEX_ACCENT: 94, /* ^ */
  CHAR_COLON: 58, /* : */
  CHAR_COMMA: 44, /* , */
  CHAR_DOT: 46, /* . */
  CHAR_DOUBLE_QUOTE: 34, /* " */
  CHAR_EQUAL: 61, /* = */
  CHAR_EXCLAMATION_MARK: 33, /* ! */
  CHAR_FORM_FEED: 12, /* \f */
  CHAR_FORWARD_SLASH: 47, /* / */
  CHAR_GRAVE_ACCENT: 96, /* ` */
  CHAR_HASH: 35, /* # */
  CHAR_HYPHEN_MINUS: 45, /* - */
  CHAR_LEFT_ANGLE_BRACKET: 60, /* < */
  CHAR_LEFT_CURLY_BRACE: 123, /* { */
  CHAR_LEFT_SQUARE_BRACKET: 91, /* [ */
  CHAR_LINE_FEED: 10, /* \n */
  CHAR_NO_BREAK_SPACE: 160, /* \u00A0 */
  CHAR_PERCENT: 37, /* % */
  CHAR_PLUS: 43, /* + */
  CHAR_QUESTION_MARK: 63, /* ? */
  CHAR_RIGHT_ANGLE_BRACKET: 62, /* > */
  CHAR_RIGHT_CURLY_BRACE: 125, /* } */
  CHAR_RIGHT_SQUARE_BRACKET: 93, /* ] */
  CHAR_SEMICOLON: 59, /* ; */
  CHAR_SINGLE_QUOTE: 39, /* ' */
  CHAR_SPACE: 32, /*   */
  CHAR_TAB: 9, /* \t */
  CHAR_UNDERSCORE: 95, /* _ */
  CHAR_VERTICAL_LINE: 124, /* | */
  CHAR_ZERO_WIDTH_NOBREAK_SPACE: 65279, /* \uFEFF */

  /**
   * Create EXTGLOB_CHARS
   */

  extglobChars(chars) {
    return {
      '!': { type: 'negate', open: '(?:(?!(?:', close: `))${chars.STAR})` },
      '?': { type: 'qmark', open: '(?:', close: ')?' },
      '+': { type: 'plus', open: '(?:', close: ')+' },
      '*': { type: 'star', open: '(?:', close: ')*' },
      '@': { type: 'at', open: '(?:', close: ')' }
    };
  },

  /**
   * Create GLOB_CHARS
   */

  globChars(win32) {
    return win32 === true ? WINDOWS_CHARS : POSIX_CHARS;
  }
};


/***/ }),

/***/ 8265:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



const constants = __nccwpck_require__(5595);
const utils = __nccwpck_require__(4059);

/**
 * Constants
 */

const {
  MAX_LENGTH,
  POSIX_REGEX_SOURCE,
  REGEX_NON_SPECIAL_CHARS,
  REGEX_SPECIAL_CHARS_BACKREF,
  REPLACEMENTS
} = constants;

/**
 * Helpers
 */

const expandRange = (args, options) => {
  if (typeof options.expandRange === 'function') {
    return options.expandRange(...args, options);
  }

  args.sort();
  const value = `[${args.join('-')}]`;

  try {
    /* eslint-disable-next-line no-new */
    new RegExp(value);
  } catch (ex) {
    return args.map(v => utils.escapeRegex(v)).join('..');
  }

  return value;
};

/**
 * Create the message for a syntax error
 */

const syntaxError = (type, char) => {
  return `Missing ${type}: "${char}" - use "\\\\${char}" to match literal characters`;
};

const splitTopLevel = input => {
  const parts = [];
  let bracket = 0;
  let paren = 0;
  let quote = 0;
  let value = '';
  let escaped = false;

  for (const ch of input) {
    if (escaped === true) {
      value += ch;
      escaped = false;
      continue;
    }

    if (ch === '\\') {
      value += ch;
      escaped = true;
      continue;
    }

    if (ch === '"') {
      quote = quote === 1 ? 0 : 1;
      value += ch;
      continue;
    }

    if (quote === 0) {
      if (ch === '[') {
        bracket++;
      } else if (ch === ']' && bracket > 0) {
        bracket--;
      } else if (bracket === 0) {
        if (ch === '(') {
          paren++;
        } else if (ch === ')' && paren > 0) {
          paren--;
        } else if (ch === '|' && paren === 0) {
          parts.push(value);
          value = '';
          continue;
        }
      }
    }

    value += ch;
  }

  parts.push(value);
  return parts;
};

const isPlainBranch = branch => {
  let escaped = false;

  for (const ch of branch) {
    if (escaped === true) {
      escaped = false;
      continue;
    }

    if (ch === '\\') {
      escaped = true;
      continue;
    }

    if (/[?*+@!()[\]{}]/.test(ch)) {
      return false;
    }
  }

  return true;
};

const normalizeSimpleBranch = branch => {
  let value = branch.trim();
  let changed = true;

  while (changed === true) {
    changed = false;

    if (/^@\([^\\()[\]{}|]+\)$/.test(value)) {
      value = value.slice(2, -1);
      changed = true;
    }
  }

  if (!isPlainBranch(value)) {
    return;
  }

  return value.replace(/\\(.)/g, '$1');
};

const hasRepeatedCharPrefixOverlap = branches => {
  const values = branches.map(normalizeSimpleBranch).filter(Boolean);

  for (let i = 0; i < values.length; i++) {
    for (let j = i + 1; j < values.length; j++) {
      const a = values[i];
      const b = values[j];
      const char = a[0];

      if (!char || a !== char.repeat(a.length) || b !== char.repeat(b.length)) {
        continue;
      }

      if (a === b || a.startsWith(b) || b.startsWith(a)) {
        return true;
      }
    }
  }

  return false;
};

const parseRepeatedExtglob = (pattern, requireEnd = true) => {
  if ((pattern[0] !== '+' && pattern[0] !== '*') || pattern[1] !== '(') {
    return;
  }

  let bracket = 0;
  let paren = 0;
  let quote = 0;
  let escaped = false;

  for (let i = 1; i < pattern.length; i++) {
    const ch = pattern[i];

    if (escaped === true) {
      escaped = false;
      continue;
    }

    if (ch === '\\') {
      escaped = true;
      continue;
    }

    if (ch === '"') {
      quote = quote === 1 ? 0 : 1;
      continue;
    }

    if (quote === 1) {
      continue;
    }

    if (ch === '[') {
      bracket++;
      continue;
    }

    if (ch === ']' && bracket > 0) {
      bracket--;
      continue;
    }

    if (bracket > 0) {
      continue;
    }

    if (ch === '(') {
      paren++;
      continue;
    }

    if (ch === ')') {
      paren--;

      if (paren === 0) {
        if (requireEnd === true && i !== pattern.length - 1) {
          return;
        }

        return {
          type: pattern[0],
          body: pattern.slice(2, i),
          end: i
        };
      }
    }
  }
};

const buildCharClassStar = chars => {
  const source = chars.length === 1
    ? utils.escapeRegex(chars[0])
    : `[${chars.map(ch => utils.escapeRegex(ch)).join('')}]`;

  return `${source}*`;
};

const getStarExtglobSequenceChars = pattern => {
  let index = 0;
  const chars = [];

  while (index < pattern.length) {
    const match = parseRepeatedExtglob(pattern.slice(index), false);

    if (!match || match.type !== '*') {
      return;
    }

    const branches = splitTopLevel(match.body).map(branch => branch.trim());
    if (branches.length !== 1) {
      return;
    }

    const branch = normalizeSimpleBranch(branches[0]);
    if (!branch || branch.length !== 1) {
      return;
    }

    chars.push(branch);
    index += match.end + 1;
  }

  if (chars.length < 1) {
    return;
  }

  return chars;
};

const repeatedExtglobRecursion = pattern => {
  let depth = 0;
  let value = pattern.trim();
  let match = parseRepeatedExtglob(value);

  while (match) {
    depth++;
    value = match.body.trim();
    match = parseRepeatedExtglob(value);
  }

  return depth;
};

const analyzeRepeatedExtglob = (body, options) => {
  if (options.maxExtglobRecursion === false) {
    return { risky: false };
  }

  const max =
    typeof options.maxExtglobRecursion === 'number'
      ? options.maxExtglobRecursion
      : constants.DEFAULT_MAX_EXTGLOB_RECURSION;

  const branches = splitTopLevel(body).map(branch => branch.trim());

  if (branches.length > 1) {
    if (
      branches.some(branch => branch === '') ||
      branches.some(branch => /^[*?]+$/.test(branch)) ||
      hasRepeatedCharPrefixOverlap(branches)
    ) {
      return { risky: true };
    }
  }

  // A repeated extglob is "risky" (prone to catastrophic backtracking) when a
  // branch is itself a `*(...)` sequence, since that nests an unbounded quantifier
  // inside the outer `+(...)`/`*(...)`. When *every* branch reduces to single
  // characters we can emit one flat, ReDoS-safe character class that preserves the
  // meaning of ALL branches (e.g. `+(*(a)|*(b))` -> `[ab]*`), rather than dropping
  // every branch but the first.
  const safeChars = [];
  let sawStarSequence = false;
  let combinable = true;

  for (const branch of branches) {
    const chars = getStarExtglobSequenceChars(branch);
    if (chars) {
      sawStarSequence = true;
      safeChars.push(...chars);
      continue;
    }

    const literal = normalizeSimpleBranch(branch);
    if (literal && literal.length === 1) {
      safeChars.push(literal);
      continue;
    }

    combinable = false;

    if (repeatedExtglobRecursion(branch) > max) {
      return { risky: true };
    }
  }

  if (sawStarSequence) {
    return combinable
      ? { risky: true, safeOutput: buildCharClassStar([...new Set(safeChars)]) }
      : { risky: true };
  }

  return { risky: false };
};

/**
 * Parse the given input string.
 * @param {String} input
 * @param {Object} options
 * @return {Object}
 */

const parse = (input, options) => {
  if (typeof input !== 'string') {
    throw new TypeError('Expected a string');
  }

  input = REPLACEMENTS[input] || input;

  const opts = { ...options };
  const max = typeof opts.maxLength === 'number' ? Math.min(MAX_LENGTH, opts.maxLength) : MAX_LENGTH;

  let len = input.length;
  if (len > max) {
    throw new SyntaxError(`Input length: ${len}, exceeds maximum allowed length: ${max}`);
  }

  const bos = { type: 'bos', value: '', output: opts.prepend || '' };
  const tokens = [bos];

  const capture = opts.capture ? '' : '?:';

  // create constants based on platform, for windows or posix
  const PLATFORM_CHARS = constants.globChars(opts.windows);
  const EXTGLOB_CHARS = constants.extglobChars(PLATFORM_CHARS);

  const {
    DOT_LITERAL,
    PLUS_LITERAL,
    SLASH_LITERAL,
    ONE_CHAR,
    DOTS_SLASH,
    NO_DOT,
    NO_DOT_SLASH,
    NO_DOTS_SLASH,
    QMARK,
    QMARK_NO_DOT,
    STAR,
    START_ANCHOR
  } = PLATFORM_CHARS;

  const globstar = opts => {
    return `(${capture}(?:(?!${START_ANCHOR}${opts.dot ? DOTS_SLASH : DOT_LITERAL}).)*?)`;
  };

  const nodot = opts.dot ? '' : NO_DOT;
  const qmarkNoDot = opts.dot ? QMARK : QMARK_NO_DOT;
  let star = opts.bash === true ? globstar(opts) : STAR;

  if (opts.capture) {
    star = `(${star})`;
  }

  // minimatch options support
  if (typeof opts.noext === 'boolean') {
    opts.noextglob = opts.noext;
  }

  const state = {
    input,
    index: -1,
    start: 0,
    dot: opts.dot === true,
    consumed: '',
    output: '',
    prefix: '',
    backtrack: false,
    negated: false,
    brackets: 0,
    braces: 0,
    parens: 0,
    quotes: 0,
    globstar: false,
    tokens
  };

  input = utils.removePrefix(input, state);
  len = input.length;

  const extglobs = [];
  const braces = [];
  const stack = [];
  let prev = bos;
  let value;

  /**
   * Tokenizing helpers
   */

  const eos = () => state.index === len - 1;
  const peek = state.peek = (n = 1) => input[state.index + n];
  const advance = state.advance = () => input[++state.index] || '';
  const remaining = () => input.slice(state.index + 1);
  const consume = (value = '', num = 0) => {
    state.consumed += value;
    state.index += num;
  };

  const append = token => {
    state.output += token.output != null ? token.output : token.value;
    consume(token.value);
  };

  const negate = () => {
    let count = 1;

    while (peek() === '!' && (peek(2) !== '(' || peek(3) === '?')) {
      advance();
      state.start++;
      count++;
    }

    if (count % 2 === 0) {
      return false;
    }

    state.negated = true;
    state.start++;
    return true;
  };

  const increment = type => {
    state[type]++;
    stack.push(type);
  };

  const decrement = type => {
    state[type]--;
    stack.pop();
  };

  /**
   * Push tokens onto the tokens array. This helper speeds up
   * tokenizing by 1) helping us avoid backtracking as much as possible,
   * and 2) helping us avoid creating extra tokens when consecutive
   * characters are plain text. This improves performance and simplifies
   * lookbehinds.
   */

  const push = tok => {
    if (prev.type === 'globstar') {
      const isBrace = state.braces > 0 && (tok.type === 'comma' || tok.type === 'brace');
      const isExtglob = tok.extglob === true || (extglobs.length && (tok.type === 'pipe' || tok.type === 'paren'));

      if (tok.type !== 'slash' && tok.type !== 'paren' && !isBrace && !isExtglob) {
        state.output = state.output.slice(0, -prev.output.length);
        prev.type = 'star';
        prev.value = '*';
        prev.output = star;
        state.output += prev.output;
      }
    }

    if (extglobs.length && tok.type !== 'paren') {
      extglobs[extglobs.length - 1].inner += tok.value;
    }

    if (tok.value || tok.output) append(tok);
    if (prev && prev.type === 'text' && tok.type === 'text') {
      prev.output = (prev.output || prev.value) + tok.value;
      prev.value += tok.value;
      return;
    }

    tok.prev = prev;
    tokens.push(tok);
    prev = tok;
  };

  const extglobOpen = (type, value) => {
    const token = { ...EXTGLOB_CHARS[value], conditions: 1, inner: '' };

    token.prev = prev;
    token.parens = state.parens;
    token.output = state.output;
    token.startIndex = state.index;
    token.tokensIndex = tokens.length;
    const output = (opts.capture ? '(' : '') + token.open;

    increment('parens');
    push({ type, value, output: state.output ? '' : ONE_CHAR });
    push({ type: 'paren', extglob: true, value: advance(), output });
    extglobs.push(token);
  };

  const extglobClose = token => {
    const literal = input.slice(token.startIndex, state.index + 1);
    const body = input.slice(token.startIndex + 2, state.index);
    const analysis = analyzeRepeatedExtglob(body, opts);

    if ((token.type === 'plus' || token.type === 'star') && analysis.risky) {
      const safeOutput = analysis.safeOutput
        ? (token.output ? '' : ONE_CHAR) + (opts.capture ? `(${analysis.safeOutput})` : analysis.safeOutput)
        : undefined;
      const open = tokens[token.tokensIndex];

      open.type = 'text';
      open.value = literal;
      open.output = safeOutput || utils.escapeRegex(literal);

      for (let i = token.tokensIndex + 1; i < tokens.length; i++) {
        tokens[i].value = '';
        tokens[i].output = '';
        delete tokens[i].suffix;
      }

      state.output = token.output + open.output;
      state.backtrack = true;

      push({ type: 'paren', extglob: true, value, output: '' });
      decrement('parens');
      return;
    }

    let output = token.close + (opts.capture ? ')' : '');
    let rest;

    if (token.type === 'negate') {
      let extglobStar = star;

      if (token.inner && token.inner.length > 1 && token.inner.includes('/')) {
        extglobStar = globstar(opts);
      }

      if (extglobStar !== star || eos() || /^\)+$/.test(remaining())) {
        output = token.close = `)$))${extglobStar}`;
      }

      if (token.inner.includes('*') && (rest = remaining()) && /^\.[^\\/.]+$/.test(rest)) {
        // Any non-magical string (`.ts`) or even nested expression (`.{ts,tsx}`) can follow after the closing parenthesis.
        // In this case, we need to parse the string and use it in the output of the original pattern.
        // Suitable patterns: `/!(*.d).ts`, `/!(*.d).{ts,tsx}`, `**/!(*-dbg).@(js)`.
        //
        // Disabling the `fastpaths` option due to a problem with parsing strings as `.ts` in the pattern like `**/!(*.d).ts`.
        const expression = parse(rest, { ...options, fastpaths: false }).output;

        output = token.close = `)${expression})${extglobStar})`;
      }

      if (token.prev.type === 'bos') {
        state.negatedExtglob = true;
      }
    }

    push({ type: 'paren', extglob: true, value, output });
    decrement('parens');
  };

  /**
   * Fast paths
   */

  if (opts.fastpaths !== false && !/(^[*!]|[/()[\]{}"])/.test(input)) {
    let backslashes = false;

    let output = input.replace(REGEX_SPECIAL_CHARS_BACKREF, (m, esc, chars, first, rest, index) => {
      if (first === '\\') {
        backslashes = true;
        return m;
      }

      if (first === '?') {
        if (esc) {
          return esc + first + (rest ? QMARK.repeat(rest.length) : '');
        }
        if (index === 0) {
          return qmarkNoDot + (rest ? QMARK.repeat(rest.length) : '');
        }
        return QMARK.repeat(chars.length);
      }

      if (first === '.') {
        return DOT_LITERAL.repeat(chars.length);
      }

      if (first === '*') {
        if (esc) {
          return esc + first + (rest ? star : '');
        }
        return star;
      }
      return esc ? m : `\\${m}`;
    });

    if (backslashes === true) {
      if (opts.unescape === true) {
        output = output.replace(/\\/g, '');
      } else {
        output = output.replace(/\\+/g, m => {
          return m.length % 2 === 0 ? '\\\\' : (m ? '\\' : '');
        });
      }
    }

    if (output === input && opts.contains === true) {
      state.output = input;
      return state;
    }

    state.output = utils.wrapOutput(output, state, options);
    return state;
  }

  /**
   * Tokenize input until we reach end-of-string
   */

  while (!eos()) {
    value = advance();

    if (value === '\u0000') {
      continue;
    }

    /**
     * Escaped characters
     */

    if (value === '\\') {
      const next = peek();

      if (next === '/' && opts.bash !== true) {
        continue;
      }

      if (next === '.' || next === ';') {
        continue;
      }

      if (!next) {
        value += '\\';
        push({ type: 'text', value });
        continue;
      }

      // collapse slashes to reduce potential for exploits
      const match = /^\\+/.exec(remaining());
      let slashes = 0;

      if (match && match[0].length > 2) {
        slashes = match[0].length;
        state.index += slashes;
        if (slashes % 2 !== 0) {
          value += '\\';
        }
      }

      if (opts.unescape === true) {
        value = advance();
      } else {
        value += advance();
      }

      if (state.brackets === 0) {
        push({ type: 'text', value });
        continue;
      }
    }

    /**
     * If we're inside a regex character class, continue
     * until we reach the closing bracket.
     */

    if (state.brackets > 0 && (value !== ']' || prev.value === '[' || prev.value === '[^')) {
      if (opts.posix !== false && value === ':') {
        const inner = prev.value.slice(1);
        if (inner.includes('[')) {
          prev.posix = true;

          if (inner.includes(':')) {
            const idx = prev.value.lastIndexOf('[');
            const pre = prev.value.slice(0, idx);
            const rest = prev.value.slice(idx + 2);
            const posix = POSIX_REGEX_SOURCE[rest];
            if (posix) {
              prev.value = pre + posix;
              state.backtrack = true;
              advance();

              if (!bos.output && tokens.indexOf(prev) === 1) {
                bos.output = ONE_CHAR;
              }
              continue;
            }
          }
        }
      }

      if ((value === '[' && peek() !== ':') || (value === '-' && peek() === ']')) {
        value = `\\${value}`;
      }

      if (value === ']' && (prev.value === '[' || prev.value === '[^')) {
        value = `\\${value}`;
      }

      if (opts.posix === true && value === '!' && prev.value === '[') {
        value = '^';
      }

      prev.value += value;
      append({ value });
      continue;
    }

    /**
     * If we're inside a quoted string, continue
     * until we reach the closing double quote.
     */

    if (state.quotes === 1 && value !== '"') {
      value = utils.escapeRegex(value);
      prev.value += value;
      append({ value });
      continue;
    }

    /**
     * Double quotes
     */

    if (value === '"') {
      state.quotes = state.quotes === 1 ? 0 : 1;
      if (opts.keepQuotes === true) {
        push({ type: 'text', value });
      }
      continue;
    }

    /**
     * Parentheses
     */

    if (value === '(') {
      increment('parens');
      push({ type: 'paren', value });
      continue;
    }

    if (value === ')') {
      if (state.parens === 0 && opts.strictBrackets === true) {
        throw new SyntaxError(syntaxError('opening', '('));
      }

      const extglob = extglobs[extglobs.length - 1];
      if (extglob && state.parens === extglob.parens + 1) {
        extglobClose(extglobs.pop());
        continue;
      }

      push({ type: 'paren', value, output: state.parens ? ')' : '\\)' });
      decrement('parens');
      continue;
    }

    /**
     * Square brackets
     */

    if (value === '[') {
      if (opts.nobracket === true || !remaining().includes(']')) {
        if (opts.nobracket !== true && opts.strictBrackets === true) {
          throw new SyntaxError(syntaxError('closing', ']'));
        }

        value = `\\${value}`;
      } else {
        increment('brackets');
      }

      push({ type: 'bracket', value });
      continue;
    }

    if (value === ']') {
      if (opts.nobracket === true || (prev && prev.type === 'bracket' && prev.value.length === 1)) {
        push({ type: 'text', value, output: `\\${value}` });
        continue;
      }

      if (state.brackets === 0) {
        if (opts.strictBrackets === true) {
          throw new SyntaxError(syntaxError('opening', '['));
        }

        push({ type: 'text', value, output: `\\${value}` });
        continue;
      }

      decrement('brackets');

      const prevValue = prev.value.slice(1);
      if (prev.posix !== true && prevValue[0] === '^' && !prevValue.includes('/')) {
        value = `/${value}`;
      }

      prev.value += value;
      append({ value });

      // when literal brackets are explicitly disabled
      // assume we should match with a regex character class
      if (opts.literalBrackets === false || utils.hasRegexChars(prevValue)) {
        continue;
      }

      const escaped = utils.escapeRegex(prev.value);
      state.output = state.output.slice(0, -prev.value.length);

      // when literal brackets are explicitly enabled
      // assume we should escape the brackets to match literal characters
      if (opts.literalBrackets === true) {
        state.output += escaped;
        prev.value = escaped;
        continue;
      }

      // when the user specifies nothing, try to match both
      prev.value = `(${capture}${escaped}|${prev.value})`;
      state.output += prev.value;
      continue;
    }

    /**
     * Braces
     */

    if (value === '{' && opts.nobrace !== true) {
      increment('braces');

      const open = {
        type: 'brace',
        value,
        output: '(',
        outputIndex: state.output.length,
        tokensIndex: state.tokens.length
      };

      braces.push(open);
      push(open);
      continue;
    }

    if (value === '}') {
      const brace = braces[braces.length - 1];

      if (opts.nobrace === true || !brace) {
        push({ type: 'text', value, output: value });
        continue;
      }

      let output = ')';

      if (brace.dots === true) {
        const arr = tokens.slice();
        const range = [];

        for (let i = arr.length - 1; i >= 0; i--) {
          tokens.pop();
          if (arr[i].type === 'brace') {
            break;
          }
          if (arr[i].type !== 'dots') {
            range.unshift(arr[i].value);
          }
        }

        output = expandRange(range, opts);
        state.backtrack = true;
      }

      if (brace.comma !== true && brace.dots !== true) {
        const out = state.output.slice(0, brace.outputIndex);
        const toks = state.tokens.slice(brace.tokensIndex);
        brace.value = brace.output = '\\{';
        value = output = '\\}';
        state.output = out;
        for (const t of toks) {
          state.output += (t.output || t.value);
        }
      }

      push({ type: 'brace', value, output });
      decrement('braces');
      braces.pop();
      continue;
    }

    /**
     * Pipes
     */

    if (value === '|') {
      if (extglobs.length > 0) {
        extglobs[extglobs.length - 1].conditions++;
      }
      push({ type: 'text', value });
      continue;
    }

    /**
     * Commas
     */

    if (value === ',') {
      let output = value;

      const brace = braces[braces.length - 1];
      if (brace && stack[stack.length - 1] === 'braces') {
        brace.comma = true;
        output = '|';
      }

      push({ type: 'comma', value, output });
      continue;
    }

    /**
     * Slashes
     */

    if (value === '/') {
      // if the beginning of the glob is "./", advance the start
      // to the current index, and don't add the "./" characters
      // to the state. This greatly simplifies lookbehinds when
      // checking for BOS characters like "!" and "." (not "./")
      if (prev.type === 'dot' && state.index === state.start + 1) {
        state.start = state.index + 1;
        state.consumed = '';
        state.output = '';
        tokens.pop();
        prev = bos; // reset "prev" to the first token
        continue;
      }

      push({ type: 'slash', value, output: SLASH_LITERAL });
      continue;
    }

    /**
     * Dots
     */

    if (value === '.') {
      if (state.braces > 0 && prev.type === 'dot') {
        if (prev.value === '.') prev.output = DOT_LITERAL;
        const brace = braces[braces.length - 1];
        prev.type = 'dots';
        prev.output += value;
        prev.value += value;
        brace.dots = true;
        continue;
      }

      if ((state.braces + state.parens) === 0 && prev.type !== 'bos' && prev.type !== 'slash') {
        push({ type: 'text', value, output: DOT_LITERAL });
        continue;
      }

      push({ type: 'dot', value, output: DOT_LITERAL });
      continue;
    }

    /**
     * Question marks
     */

    if (value === '?') {
      const isGroup = prev && prev.value === '(';
      if (!isGroup && opts.noextglob !== true && peek() === '(' && peek(2) !== '?') {
        extglobOpen('qmark', value);
        continue;
      }

      if (prev && prev.type === 'paren') {
        const next = peek();
        let output = value;

        if ((prev.value === '(' && !/[!=<:]/.test(next)) || (next === '<' && !/<([!=]|\w+>)/.test(remaining()))) {
          output = `\\${value}`;
        }

        push({ type: 'text', value, output });
        continue;
      }

      if (opts.dot !== true && (prev.type === 'slash' || prev.type === 'bos')) {
        push({ type: 'qmark', value, output: QMARK_NO_DOT });
        continue;
      }

      push({ type: 'qmark', value, output: QMARK });
      continue;
    }

    /**
     * Exclamation
     */

    if (value === '!') {
      if (opts.noextglob !== true && peek() === '(') {
        if (peek(2) !== '?' || !/[!=<:]/.test(peek(3))) {
          extglobOpen('negate', value);
          continue;
        }
      }

      if (opts.nonegate !== true && state.index === 0) {
        negate();
        continue;
      }
    }

    /**
     * Plus
     */

    if (value === '+') {
      if (opts.noextglob !== true && peek() === '(' && peek(2) !== '?') {
        extglobOpen('plus', value);
        continue;
      }

      if ((prev && prev.value === '(') || opts.regex === false) {
        push({ type: 'plus', value, output: PLUS_LITERAL });
        continue;
      }

      if ((prev && (prev.type === 'bracket' || prev.type === 'paren' || prev.type === 'brace')) || state.parens > 0) {
        push({ type: 'plus', value });
        continue;
      }

      push({ type: 'plus', value: PLUS_LITERAL });
      continue;
    }

    /**
     * Plain text
     */

    if (value === '@') {
      if (opts.noextglob !== true && peek() === '(' && peek(2) !== '?') {
        push({ type: 'at', extglob: true, value, output: '' });
        continue;
      }

      push({ type: 'text', value });
      continue;
    }

    /**
     * Plain text
     */

    if (value !== '*') {
      if (value === '$' || value === '^') {
        value = `\\${value}`;
      }

      const match = REGEX_NON_SPECIAL_CHARS.exec(remaining());
      if (match) {
        value += match[0];
        state.index += match[0].length;
      }

      push({ type: 'text', value });
      continue;
    }

    /**
     * Stars
     */

    if (prev && (prev.type === 'globstar' || prev.star === true)) {
      prev.type = 'star';
      prev.star = true;
      prev.value += value;
      prev.output = star;
      state.backtrack = true;
      state.globstar = true;
      consume(value);
      continue;
    }

    let rest = remaining();
    if (opts.noextglob !== true && /^\([^?]/.test(rest)) {
      extglobOpen('star', value);
      continue;
    }

    if (prev.type === 'star') {
      if (opts.noglobstar === true) {
        consume(value);
        continue;
      }

      const prior = prev.prev;
      const before = prior.prev;
      const isStart = prior.type === 'slash' || prior.type === 'bos';
      const afterStar = before && (before.type === 'star' || before.type === 'globstar');

      if (opts.bash === true && (!isStart || (rest[0] && rest[0] !== '/'))) {
        push({ type: 'star', value, output: '' });
        continue;
      }

      const isBrace = state.braces > 0 && (prior.type === 'comma' || prior.type === 'brace');
      const isExtglob = extglobs.length && (prior.type === 'pipe' || prior.type === 'paren');
      if (!isStart && prior.type !== 'paren' && !isBrace && !isExtglob) {
        push({ type: 'star', value, output: '' });
        continue;
      }

      // strip consecutive `/**/`
      while (rest.slice(0, 3) === '/**') {
        const after = input[state.index + 4];
        if (after && after !== '/') {
          break;
        }
        rest = rest.slice(3);
        consume('/**', 3);
      }

      // A globstar followed only by balanced closing parens is at the logical end of patterns like
      // `test(/utils/**)` and `test?(/utils/**)`. Treat it as EOS so the trailing `/**` can match its
      // parent path, except in negated extglobs where that would change the exclusion semantics.
      const isEnd = eos() || (
        state.parens > 0
        && rest === ')'.repeat(state.parens)
        && !extglobs.some(extglob => extglob.type === 'negate')
      );

      if (prior.type === 'bos' && eos()) {
        prev.type = 'globstar';
        prev.value += value;
        prev.output = globstar(opts);
        state.output = prev.output;
        state.globstar = true;
        consume(value);
        continue;
      }

      if (prior.type === 'slash' && prior.prev.type !== 'bos' && !afterStar && isEnd) {
        state.output = state.output.slice(0, -(prior.output + prev.output).length);
        prior.output = `(?:${prior.output}`;

        prev.type = 'globstar';
        prev.output = globstar(opts) + (opts.strictSlashes ? ')' : '|$)');
        prev.value += value;
        state.globstar = true;
        state.output += prior.output + prev.output;
        consume(value);
        continue;
      }

      if (prior.type === 'slash' && prior.prev.type !== 'bos' && rest[0] === '/') {
        const end = rest[1] !== void 0 ? '|$' : '';

        state.output = state.output.slice(0, -(prior.output + prev.output).length);
        prior.output = `(?:${prior.output}`;

        prev.type = 'globstar';
        prev.output = `${globstar(opts)}${SLASH_LITERAL}|${SLASH_LITERAL}${end})`;
        prev.value += value;

        state.output += prior.output + prev.output;
        state.globstar = true;

        consume(value + advance());

        push({ type: 'slash', value: '/', output: '' });
        continue;
      }

      if (prior.type === 'bos' && rest[0] === '/') {
        prev.type = 'globstar';
        prev.value += value;
        prev.output = `(?:^|${SLASH_LITERAL}|${globstar(opts)}${SLASH_LITERAL})`;
        state.output = prev.output;
        state.globstar = true;
        consume(value + advance());
        push({ type: 'slash', value: '/', output: '' });
        continue;
      }

      // remove single star from output
      state.output = state.output.slice(0, -prev.output.length);

      // reset previous token to globstar
      prev.type = 'globstar';
      prev.output = globstar(opts);
      prev.value += value;

      // reset output with globstar
      state.output += prev.output;
      state.globstar = true;
      consume(value);
      continue;
    }

    const token = { type: 'star', value, output: star };

    if (opts.bash === true) {
      token.output = '.*?';
      if (prev.type === 'bos' || prev.type === 'slash') {
        token.output = nodot + token.output;
      }
      push(token);
      continue;
    }

    if (prev && (prev.type === 'bracket' || prev.type === 'paren') && opts.regex === true) {
      token.output = value;
      push(token);
      continue;
    }

    if (state.index === state.start || prev.type === 'slash' || prev.type === 'dot') {
      if (prev.type === 'dot') {
        state.output += NO_DOT_SLASH;
        prev.output += NO_DOT_SLASH;

      } else if (opts.dot === true) {
        state.output += NO_DOTS_SLASH;
        prev.output += NO_DOTS_SLASH;

      } else {
        state.output += nodot;
        prev.output += nodot;
      }

      if (peek() !== '*') {
        state.output += ONE_CHAR;
        prev.output += ONE_CHAR;
      }
    }

    push(token);
  }

  while (state.brackets > 0) {
    if (opts.strictBrackets === true) throw new SyntaxError(syntaxError('closing', ']'));
    state.output = utils.escapeLast(state.output, '[');
    decrement('brackets');
  }

  while (state.parens > 0) {
    if (opts.strictBrackets === true) throw new SyntaxError(syntaxError('closing', ')'));
    state.output = utils.escapeLast(state.output, '(');
    decrement('parens');
  }

  while (state.braces > 0) {
    if (opts.strictBrackets === true) throw new SyntaxError(syntaxError('closing', '}'));
    state.output = utils.escapeLast(state.output, '{');
    decrement('braces');
  }

  if (opts.strictSlashes !== true && (prev.type === 'star' || prev.type === 'bracket')) {
    push({ type: 'maybe_slash', value: '', output: `${SLASH_LITERAL}?` });
  }

  // rebuild the output if we had to backtrack at any point
  if (state.backtrack === true) {
    state.output = '';

    for (const token of state.tokens) {
      state.output += token.output != null ? token.output : token.value;

      if (token.suffix) {
        state.output += token.suffix;
      }
    }
  }

  return state;
};

/**
 * Fast paths for creating regular expressions for common glob patterns.
 * This can significantly speed up processing and has very little downside
 * impact when none of the fast paths match.
 */

parse.fastpaths = (input, options) => {
  const opts = { ...options };
  const max = typeof opts.maxLength === 'number' ? Math.min(MAX_LENGTH, opts.maxLength) : MAX_LENGTH;
  const len = input.length;
  if (len > max) {
    throw new SyntaxError(`Input length: ${len}, exceeds maximum allowed length: ${max}`);
  }

  input = REPLACEMENTS[input] || input;

  // create constants based on platform, for windows or posix
  const {
    DOT_LITERAL,
    SLASH_LITERAL,
    ONE_CHAR,
    DOTS_SLASH,
    NO_DOT,
    NO_DOTS,
    NO_DOTS_SLASH,
    STAR,
    START_ANCHOR
  } = constants.globChars(opts.windows);

  const nodot = opts.dot ? NO_DOTS : NO_DOT;
  const slashDot = opts.dot ? NO_DOTS_SLASH : NO_DOT;
  const capture = opts.capture ? '' : '?:';
  const state = { negated: false, prefix: '' };
  let star = opts.bash === true ? '.*?' : STAR;

  if (opts.capture) {
    star = `(${star})`;
  }

  const globstar = opts => {
    if (opts.noglobstar === true) return star;
    return `(${capture}(?:(?!${START_ANCHOR}${opts.dot ? DOTS_SLASH : DOT_LITERAL}).)*?)`;
  };

  const create = str => {
    switch (str) {
      case '*':
        return `${nodot}${ONE_CHAR}${star}`;

      case '.*':
        return `${DOT_LITERAL}${ONE_CHAR}${star}`;

      case '*.*':
        return `${nodot}${star}${DOT_LITERAL}${ONE_CHAR}${star}`;

      case '*/*':
        return `${nodot}${star}${SLASH_LITERAL}${ONE_CHAR}${slashDot}${star}`;

      case '**':
        return nodot + globstar(opts);

      case '**/*':
        return `(?:${nodot}${globstar(opts)}${SLASH_LITERAL})?${slashDot}${ONE_CHAR}${star}`;

      case '**/*.*':
        return `(?:${nodot}${globstar(opts)}${SLASH_LITERAL})?${slashDot}${star}${DOT_LITERAL}${ONE_CHAR}${star}`;

      case '**/.*':
        return `(?:${nodot}${globstar(opts)}${SLASH_LITERAL})?${DOT_LITERAL}${ONE_CHAR}${star}`;

      default: {
        const match = /^(.*?)\.(\w+)$/.exec(str);
        if (!match) return;

        const source = create(match[1]);
        if (!source) return;

        return source + DOT_LITERAL + match[2];
      }
    }
  };

  const output = utils.removePrefix(input, state);
  let source = create(output);

  if (source && opts.strictSlashes !== true) {
    source += `${SLASH_LITERAL}?`;
  }

  return source;
};

module.exports = parse;


/***/ }),

/***/ 8016:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



const scan = __nccwpck_require__(1781);
const parse = __nccwpck_require__(8265);
const utils = __nccwpck_require__(4059);
const constants = __nccwpck_require__(5595);
const isObject = val => val && typeof val === 'object' && !Array.isArray(val);

/**
 * Creates a matcher function from one or more glob patterns. The
 * returned function takes a string to match as its first argument,
 * and returns true if the string is a match. The returned matcher
 * function also takes a boolean as the second argument that, when true,
 * returns an object with additional information.
 *
 * ```js
 * const picomatch = require('picomatch');
 * // picomatch(glob[, options]);
 *
 * const isMatch = picomatch('*.!(*a)');
 * console.log(isMatch('a.a')); //=> false
 * console.log(isMatch('a.b')); //=> true
 *
 * // For environments without `node.js`, `picomatch/posix` provides you a dependency-free matcher, without automatic OS detection.
 * const picomatch = require('picomatch/posix');
 * // the same API, defaulting to posix paths
 * const isMatch = picomatch('a/*');
 * console.log(isMatch('a\\b')); //=> false
 * console.log(isMatch('a/b')); //=> true
 *
 * // you can still configure the matcher function to accept windows paths
 * const isMatch = picomatch('a/*', { options: windows });
 * console.log(isMatch('a\\b')); //=> true
 * console.log(isMatch('a/b')); //=> true
 * ```
 * @name picomatch
 * @param {String|Array} `globs` One or more glob patterns.
 * @param {Object=} `options`
 * @return {Function=} Returns a matcher function.
 * @api public
 */

const picomatch = (glob, options, returnState = false) => {
  if (Array.isArray(glob)) {
    const fns = glob.map(input => picomatch(input, options, returnState));
    const arrayMatcher = str => {
      for (const isMatch of fns) {
        const state = isMatch(str);
        if (state) return state;
      }
      return false;
    };
    return arrayMatcher;
  }

  const isState = isObject(glob) && glob.tokens && glob.input;

  if (glob === '' || (typeof glob !== 'string' && !isState)) {
    throw new TypeError('Expected pattern to be a non-empty string');
  }

  const opts = options || {};
  const posix = opts.windows;
  const regex = isState
    ? picomatch.compileRe(glob, options)
    : picomatch.makeRe(glob, options, false, true);

  const state = regex.state;
  delete regex.state;

  let isIgnored = () => false;
  if (opts.ignore) {
    const ignoreOpts = { ...options, ignore: null, onMatch: null, onResult: null };
    isIgnored = picomatch(opts.ignore, ignoreOpts, returnState);
  }

  const matcher = (input, returnObject = false) => {
    const { isMatch, match, output } = picomatch.test(input, regex, options, { glob, posix });
    const result = { glob, state, regex, posix, input, output, match, isMatch };

    if (typeof opts.onResult === 'function') {
      opts.onResult(result);
    }

    if (isMatch === false) {
      result.isMatch = false;
      return returnObject ? result : false;
    }

    if (isIgnored(input)) {
      if (typeof opts.onIgnore === 'function') {
        opts.onIgnore(result);
      }
      result.isMatch = false;
      return returnObject ? result : false;
    }

    if (typeof opts.onMatch === 'function') {
      opts.onMatch(result);
    }
    return returnObject ? result : true;
  };

  if (returnState) {
    matcher.state = state;
  }

  return matcher;
};

/**
 * Test `input` with the given `regex`. This is used by the main
 * `picomatch()` function to test the input string.
 *
 * ```js
 * const picomatch = require('picomatch');
 * // picomatch.test(input, regex[, options]);
 *
 * console.log(picomatch.test('foo/bar', /^(?:([^/]*?)\/([^/]*?))$/));
 * // { isMatch: true, match: [ 'foo/', 'foo', 'bar' ], output: 'foo/bar' }
 * ```
 * @param {String} `input` String to test.
 * @param {RegExp} `regex`
 * @return {Object} Returns an object with matching info.
 * @api public
 */

picomatch.test = (input, regex, options, { glob, posix } = {}) => {
  if (typeof input !== 'string') {
    throw new TypeError('Expected input to be a string');
  }

  if (input === '') {
    return { isMatch: false, output: '' };
  }

  const opts = options || {};
  const format = opts.format || (posix ? utils.toPosixSlashes : null);
  let match = input === glob;
  let output = (match && format) ? format(input) : input;

  if (match === false) {
    output = format ? format(input) : input;
    match = output === glob;
  }

  if (match === false || opts.capture === true) {
    if (opts.matchBase === true || opts.basename === true) {
      match = picomatch.matchBase(input, regex, options, posix);
    } else {
      match = regex.exec(output);
    }
  }

  return { isMatch: Boolean(match), match, output };
};

/**
 * Match the basename of a filepath.
 *
 * ```js
 * const picomatch = require('picomatch');
 * // picomatch.matchBase(input, glob[, options]);
 * console.log(picomatch.matchBase('foo/bar.js', '*.js'); // true
 * ```
 * @param {String} `input` String to test.
 * @param {RegExp|String} `glob` Glob pattern or regex created by [.makeRe](#makeRe).
 * @return {Boolean}
 * @api public
 */

picomatch.matchBase = (input, glob, options, posix = options && options.windows) => {
  const regex = glob instanceof RegExp ? glob : picomatch.makeRe(glob, options);
  return regex.test(utils.basename(input, { windows: posix }));
};

/**
 * Returns true if **any** of the given glob `patterns` match the specified `string`.
 *
 * ```js
 * const picomatch = require('picomatch');
 * // picomatch.isMatch(string, patterns[, options]);
 *
 * console.log(picomatch.isMatch('a.a', ['b.*', '*.a'])); //=> true
 * console.log(picomatch.isMatch('a.a', 'b.*')); //=> false
 * ```
 * @param {String|Array} str The string to test.
 * @param {String|Array} patterns One or more glob patterns to use for matching.
 * @param {Object} [options] See available [options](#options).
 * @return {Boolean} Returns true if any patterns match `str`
 * @api public
 */

picomatch.isMatch = (str, patterns, options) => picomatch(patterns, options)(str);

/**
 * Parse a glob pattern to create the source string for a regular
 * expression.
 *
 * ```js
 * const picomatch = require('picomatch');
 * const result = picomatch.parse(pattern[, options]);
 * ```
 * @param {String} `pattern`
 * @param {Object} `options`
 * @return {Object} Returns an object with useful properties and output to be used as a regex source string.
 * @api public
 */

picomatch.parse = (pattern, options) => {
  if (Array.isArray(pattern)) return pattern.map(p => picomatch.parse(p, options));
  return parse(pattern, { ...options, fastpaths: false });
};

/**
 * Scan a glob pattern to separate the pattern into segments.
 *
 * ```js
 * const picomatch = require('picomatch');
 * // picomatch.scan(input[, options]);
 *
 * const result = picomatch.scan('!./foo/*.js');
 * console.log(result);
 * { prefix: '!./',
 *   input: '!./foo/*.js',
 *   start: 3,
 *   base: 'foo',
 *   glob: '*.js',
 *   isBrace: false,
 *   isBracket: false,
 *   isGlob: true,
 *   isExtglob: false,
 *   isGlobstar: false,
 *   negated: true }
 * ```
 * @param {String} `input` Glob pattern to scan.
 * @param {Object} `options`
 * @return {Object} Returns an object with
 * @api public
 */

picomatch.scan = (input, options) => scan(input, options);

/**
 * Compile a regular expression from the `state` object returned by the
 * [parse()](#parse) method.
 *
 * ```js
 * const picomatch = require('picomatch');
 * const state = picomatch.parse('*.js');
 * // picomatch.compileRe(state[, options]);
 *
 * console.log(picomatch.compileRe(state));
 * //=> /^(?:(?!\.)(?=.)[^/]*?\.js)$/
 * ```
 * @param {Object} `state`
 * @param {Object} `options`
 * @param {Boolean} `returnOutput` Intended for implementors, this argument allows you to return the raw output from the parser.
 * @param {Boolean} `returnState` Adds the state to a `state` property on the returned regex. Useful for implementors and debugging.
 * @return {RegExp}
 * @api public
 */

picomatch.compileRe = (state, options, returnOutput = false, returnState = false) => {
  if (returnOutput === true) {
    return state.output;
  }

  const opts = options || {};
  const prepend = opts.contains ? '' : '^';
  const append = opts.contains ? '' : '$';

  let source = `${prepend}(?:${state.output})${append}`;
  if (state && state.negated === true) {
    source = `^(?!${source}).*$`;
  }

  const regex = picomatch.toRegex(source, options);
  if (returnState === true) {
    regex.state = state;
  }

  return regex;
};

/**
 * Create a regular expression from a parsed glob pattern.
 *
 * ```js
 * const picomatch = require('picomatch');
 * // picomatch.makeRe(state[, options]);
 *
 * const result = picomatch.makeRe('*.js');
 * console.log(result);
 * //=> /^(?:(?!\.)(?=.)[^/]*?\.js)$/
 * ```
 * @param {String} `state` The object returned from the `.parse` method.
 * @param {Object} `options`
 * @param {Boolean} `returnOutput` Implementors may use this argument to return the compiled output, instead of a regular expression. This is not exposed on the options to prevent end-users from mutating the result.
 * @param {Boolean} `returnState` Implementors may use this argument to return the state from the parsed glob with the returned regular expression.
 * @return {RegExp} Returns a regex created from the given pattern.
 * @api public
 */

picomatch.makeRe = (input, options = {}, returnOutput = false, returnState = false) => {
  if (!input || typeof input !== 'string') {
    throw new TypeError('Expected a non-empty string');
  }

  let parsed = { negated: false, fastpaths: true };

  if (options.fastpaths !== false && (input[0] === '.' || input[0] === '*')) {
    parsed.output = parse.fastpaths(input, options);
  }

  if (!parsed.output) {
    parsed = parse(input, options);
  }

  return picomatch.compileRe(parsed, options, returnOutput, returnState);
};

/**
 * Create a regular expression from the given regex source string.
 *
 * ```js
 * const picomatch = require('picomatch');
 * // picomatch.toRegex(source[, options]);
 *
 * const { output } = picomatch.parse('*.js');
 * console.log(picomatch.toRegex(output));
 * //=> /^(?:(?!\.)(?=.)[^/]*?\.js)$/
 * ```
 * @param {String} `source` Regular expression source string.
 * @param {Object} `options`
 * @return {RegExp}
 * @api public
 */

picomatch.toRegex = (source, options) => {
  try {
    const opts = options || {};
    return new RegExp(source, opts.flags || (opts.nocase ? 'i' : ''));
  } catch (err) {
    if (options && options.debug === true) throw err;
    return /$^/;
  }
};

/**
 * Picomatch constants.
 * @return {Object}
 */

picomatch.constants = constants;

/**
 * Expose "picomatch"
 */

module.exports = picomatch;


/***/ }),

/***/ 1781:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



const utils = __nccwpck_require__(4059);
const {
  CHAR_ASTERISK,             /* * */
  CHAR_AT,                   /* @ */
  CHAR_BACKWARD_SLASH,       /* \ */
  CHAR_COMMA,                /* , */
  CHAR_DOT,                  /* . */
  CHAR_EXCLAMATION_MARK,     /* ! */
  CHAR_FORWARD_SLASH,        /* / */
  CHAR_LEFT_CURLY_BRACE,     /* { */
  CHAR_LEFT_PARENTHESES,     /* ( */
  CHAR_LEFT_SQUARE_BRACKET,  /* [ */
  CHAR_PLUS,                 /* + */
  CHAR_QUESTION_MARK,        /* ? */
  CHAR_RIGHT_CURLY_BRACE,    /* } */
  CHAR_RIGHT_PARENTHESES,    /* ) */
  CHAR_RIGHT_SQUARE_BRACKET  /* ] */
} = __nccwpck_require__(5595);

const isPathSeparator = code => {
  return code === CHAR_FORWARD_SLASH || code === CHAR_BACKWARD_SLASH;
};

const depth = token => {
  if (token.isPrefix !== true) {
    token.depth = token.isGlobstar ? Infinity : 1;
  }
};

/**
 * Quickly scans a glob pattern and returns an object with a handful of
 * useful properties, like `isGlob`, `path` (the leading non-glob, if it exists),
 * `glob` (the actual pattern), `negated` (true if the path starts with `!` but not
 * with `!(`) and `negatedExtglob` (true if the path starts with `!(`).
 *
 * ```js
 * const pm = require('picomatch');
 * console.log(pm.scan('foo/bar/*.js'));
 * { isGlob: true, input: 'foo/bar/*.js', base: 'foo/bar', glob: '*.js' }
 * ```
 * @param {String} `str`
 * @param {Object} `options`
 * @return {Object} Returns an object with tokens and regex source string.
 * @api public
 */

const scan = (input, options) => {
  const opts = options || {};

  const length = input.length - 1;
  const scanToEnd = opts.parts === true || opts.tokens === true || opts.scanToEnd === true;
  const slashes = [];
  const tokens = [];
  const parts = [];

  let str = input;
  let index = -1;
  let start = 0;
  let lastIndex = 0;
  let isBrace = false;
  let isBracket = false;
  let isGlob = false;
  let isExtglob = false;
  let isGlobstar = false;
  let braceEscaped = false;
  let backslashes = false;
  let negated = false;
  let negatedExtglob = false;
  let finished = false;
  let braces = 0;
  let prev;
  let code;
  let token = { value: '', depth: 0, isGlob: false };

  const eos = () => index >= length;
  const peek = () => str.charCodeAt(index + 1);
  const advance = () => {
    prev = code;
    return str.charCodeAt(++index);
  };

  while (index < length) {
    code = advance();
    let next;

    if (code === CHAR_BACKWARD_SLASH) {
      backslashes = token.backslashes = true;
      code = advance();

      if (code === CHAR_LEFT_CURLY_BRACE) {
        braceEscaped = true;
      }
      continue;
    }

    if (braceEscaped === true || code === CHAR_LEFT_CURLY_BRACE) {
      braces++;

      while (eos() !== true && (code = advance())) {
        if (code === CHAR_BACKWARD_SLASH) {
          backslashes = token.backslashes = true;
          advance();
          continue;
        }

        if (code === CHAR_LEFT_CURLY_BRACE) {
          braces++;
          continue;
        }

        if (braceEscaped !== true && code === CHAR_DOT && (code = advance()) === CHAR_DOT) {
          isBrace = token.isBrace = true;
          isGlob = token.isGlob = true;
          finished = true;

          if (scanToEnd === true) {
            continue;
          }

          break;
        }

        if (braceEscaped !== true && code === CHAR_COMMA) {
          isBrace = token.isBrace = true;
          isGlob = token.isGlob = true;
          finished = true;

          if (scanToEnd === true) {
            continue;
          }

          break;
        }

        if (code === CHAR_RIGHT_CURLY_BRACE) {
          braces--;

          if (braces === 0) {
            braceEscaped = false;
            isBrace = token.isBrace = true;
            finished = true;
            break;
          }
        }
      }

      if (scanToEnd === true) {
        continue;
      }

      break;
    }

    if (code === CHAR_FORWARD_SLASH) {
      slashes.push(index);
      tokens.push(token);
      token = { value: '', depth: 0, isGlob: false };

      if (finished === true) continue;
      if (prev === CHAR_DOT && index === (start + 1)) {
        start += 2;
        continue;
      }

      lastIndex = index + 1;
      continue;
    }

    if (opts.noext !== true) {
      const isExtglobChar = code === CHAR_PLUS
        || code === CHAR_AT
        || code === CHAR_ASTERISK
        || code === CHAR_QUESTION_MARK
        || code === CHAR_EXCLAMATION_MARK;

      if (isExtglobChar === true && peek() === CHAR_LEFT_PARENTHESES) {
        isGlob = token.isGlob = true;
        isExtglob = token.isExtglob = true;
        finished = true;
        if (code === CHAR_EXCLAMATION_MARK && index === start) {
          negatedExtglob = true;
        }

        if (scanToEnd === true) {
          let parens = 0;

          while (eos() !== true && (code = advance())) {
            if (code === CHAR_BACKWARD_SLASH) {
              backslashes = token.backslashes = true;
              advance();
              continue;
            }

            if (code === CHAR_LEFT_PARENTHESES) {
              parens++;
              continue;
            }

            if (code === CHAR_RIGHT_PARENTHESES && --parens === 0) {
              finished = true;
              break;
            }
          }
          continue;
        }
        break;
      }
    }

    if (code === CHAR_ASTERISK) {
      if (prev === CHAR_ASTERISK) isGlobstar = token.isGlobstar = true;
      isGlob = token.isGlob = true;
      finished = true;

      if (scanToEnd === true) {
        continue;
      }
      break;
    }

    if (code === CHAR_QUESTION_MARK) {
      isGlob = token.isGlob = true;
      finished = true;

      if (scanToEnd === true) {
        continue;
      }
      break;
    }

    if (code === CHAR_LEFT_SQUARE_BRACKET) {
      while (eos() !== true && (next = advance())) {
        if (next === CHAR_BACKWARD_SLASH) {
          backslashes = token.backslashes = true;
          advance();
          continue;
        }

        if (next === CHAR_RIGHT_SQUARE_BRACKET) {
          isBracket = token.isBracket = true;
          isGlob = token.isGlob = true;
          finished = true;
          break;
        }
      }

      if (scanToEnd === true) {
        continue;
      }

      break;
    }

    if (opts.nonegate !== true && code === CHAR_EXCLAMATION_MARK && index === start) {
      negated = token.negated = true;
      start++;
      continue;
    }

    if (opts.noparen !== true && code === CHAR_LEFT_PARENTHESES) {
      isGlob = token.isGlob = true;

      if (scanToEnd === true) {
        let parens = 1;

        while (eos() !== true && (code = advance())) {
          if (code === CHAR_BACKWARD_SLASH) {
            backslashes = token.backslashes = true;
            advance();
            continue;
          }

          if (code === CHAR_LEFT_PARENTHESES) {
            parens++;
            continue;
          }

          if (code === CHAR_RIGHT_PARENTHESES && --parens === 0) {
            finished = true;
            break;
          }
        }
        continue;
      }
      break;
    }

    if (isGlob === true) {
      finished = true;

      if (scanToEnd === true) {
        continue;
      }

      break;
    }
  }

  if (opts.noext === true) {
    isExtglob = false;
    isGlob = false;
  }

  let base = str;
  let prefix = '';
  let glob = '';

  if (start > 0) {
    prefix = str.slice(0, start);
    str = str.slice(start);
    lastIndex -= start;
  }

  if (base && isGlob === true && lastIndex > 0) {
    base = str.slice(0, lastIndex);
    glob = str.slice(lastIndex);
  } else if (isGlob === true) {
    base = '';
    glob = str;
  } else {
    base = str;
  }

  if (base && base !== '' && base !== '/' && base !== str) {
    if (isPathSeparator(base.charCodeAt(base.length - 1))) {
      base = base.slice(0, -1);
    }
  }

  if (opts.unescape === true) {
    if (glob) glob = utils.removeBackslashes(glob);

    if (base && backslashes === true) {
      base = utils.removeBackslashes(base);
    }
  }

  const state = {
    prefix,
    input,
    start,
    base,
    glob,
    isBrace,
    isBracket,
    isGlob,
    isExtglob,
    isGlobstar,
    negated,
    negatedExtglob
  };

  if (opts.tokens === true) {
    state.maxDepth = 0;
    if (!isPathSeparator(code)) {
      tokens.push(token);
    }
    state.tokens = tokens;
  }

  if (opts.parts === true || opts.tokens === true) {
    let prevIndex;

    for (let idx = 0; idx < slashes.length; idx++) {
      const n = prevIndex !== undefined ? prevIndex + 1 : start;
      const i = slashes[idx];
      const value = input.slice(n, i);
      if (opts.tokens) {
        if (idx === 0 && start !== 0) {
          tokens[idx].isPrefix = true;
          tokens[idx].value = prefix;
        } else {
          tokens[idx].value = value;
        }
        depth(tokens[idx]);
        state.maxDepth += tokens[idx].depth;
      }
      if (i >= start) {
        parts.push(value);
        prevIndex = i;
      }
    }

    const n = prevIndex !== undefined ? prevIndex + 1 : start;
    const value = input.slice(n);
    parts.push(value);

    if (opts.tokens && prevIndex && prevIndex + 1 < input.length) {
      tokens[tokens.length - 1].value = value;
      depth(tokens[tokens.length - 1]);
      state.maxDepth += tokens[tokens.length - 1].depth;
    }

    state.slashes = slashes;
    state.parts = parts;
  }

  return state;
};

module.exports = scan;


/***/ }),

/***/ 4059:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {

/*global navigator*/


const {
  REGEX_BACKSLASH,
  REGEX_REMOVE_BACKSLASH,
  REGEX_SPECIAL_CHARS,
  REGEX_SPECIAL_CHARS_GLOBAL
} = __nccwpck_require__(5595);

exports.isObject = val => val !== null && typeof val === 'object' && !Array.isArray(val);
exports.hasRegexChars = str => REGEX_SPECIAL_CHARS.test(str);
exports.isRegexChar = str => str.length === 1 && exports.hasRegexChars(str);
exports.escapeRegex = str => str.replace(REGEX_SPECIAL_CHARS_GLOBAL, '\\$1');
exports.toPosixSlashes = str => str.replace(REGEX_BACKSLASH, '/');

exports.isWindows = () => {
  if (typeof navigator !== 'undefined' && navigator.platform) {
    const platform = navigator.platform.toLowerCase();
    return platform === 'win32' || platform === 'windows';
  }

  if (typeof process !== 'undefined' && process.platform) {
    return process.platform === 'win32';
  }

  return false;
};

exports.removeBackslashes = str => {
  return str.replace(REGEX_REMOVE_BACKSLASH, match => {
    return match === '\\' ? '' : match;
  });
};

exports.escapeLast = (input, char, lastIdx) => {
  const idx = input.lastIndexOf(char, lastIdx);
  if (idx === -1) return input;
  if (input[idx - 1] === '\\') return exports.escapeLast(input, char, idx - 1);
  return `${input.slice(0, idx)}\\${input.slice(idx)}`;
};

exports.removePrefix = (input, state = {}) => {
  let output = input;
  if (output.startsWith('./')) {
    output = output.slice(2);
    state.prefix = './';
  }
  return output;
};

exports.wrapOutput = (input, state = {}, options = {}) => {
  const prepend = options.contains ? '' : '^';
  const append = options.contains ? '' : '$';

  let output = `${prepend}(?:${input})${append}`;
  if (state.negated === true) {
    output = `(?:^(?!${output}).*$)`;
  }
  return output;
};

exports.basename = (path, { windows } = {}) => {
  const segs = path.split(windows ? /[\\/]/ : '/');
  const last = segs[segs.length - 1];

  if (last === '') {
    return segs[segs.length - 2];
  }

  return last;
};


/***/ }),

/***/ 615:
/***/ ((module, __unused_webpack___webpack_exports__, __nccwpck_require__) => {

__nccwpck_require__.a(module, async (__webpack_handle_async_dependencies__, __webpack_async_result__) => { try {
/* harmony import */ var _main_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(1308);

await (0,_main_js__WEBPACK_IMPORTED_MODULE_0__/* .run */ .e)();

__webpack_async_result__();
} catch(e) { __webpack_async_result__(e); } }, 1);

/***/ }),

/***/ 1308:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  e: () => (/* binding */ run)
});

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __nccwpck_require__(3024);
;// CONCATENATED MODULE: external "node:path"
const external_node_path_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:path");
// EXTERNAL MODULE: ./src/core/runner.ts + 1 modules
var runner = __nccwpck_require__(1872);
;// CONCATENATED MODULE: ./src/core/log.ts

/** Runs `fn` inside a collapsible log group; the group is closed even when `fn` throws. */
const group = runner/* group */.Os;
function debugJson(label, value) {
    if (core.isDebug())
        core.debug(`${label}: ${JSON.stringify(value)}`);
}

// EXTERNAL MODULE: ./src/core/secrets.ts
var secrets = __nccwpck_require__(8198);
// EXTERNAL MODULE: ./src/core/errors.ts
var errors = __nccwpck_require__(4296);
;// CONCATENATED MODULE: ./src/core/action.ts




let annotationRoot;
/**
 * Says where the repository-relative paths in errors are relative to (the action's
 * `working-directory`), so annotations name the file from the workspace, as GitHub needs.
 */
function setAnnotationRoot(repositoryRoot) {
    annotationRoot = repositoryRoot;
}
function fromWorkspace(location) {
    const workspace = process.env.GITHUB_WORKSPACE;
    if (!annotationRoot || !workspace || (0,external_node_path_namespaceObject.isAbsolute)(location.file))
        return location;
    const file = (0,external_node_path_namespaceObject.relative)(workspace, (0,external_node_path_namespaceObject.resolve)(annotationRoot, location.file)).split('\\').join('/');
    return file.startsWith('..') ? location : { ...location, file };
}
/**
 * Runs an action's body. A ConfigurationError becomes one error line, prefixed with
 * the action's name and annotated on the file and line at fault; anything else is a
 * bug: one error line for the user, the stack trace in the debug log.
 * Either way the process exits non-zero.
 */
async function runAction(prefix, body) {
    try {
        await body();
    }
    catch (error) {
        reportFailure(prefix, error);
    }
}
const STATE_POST = 'is-post';
/**
 * For an action whose bundle is both its `main` and its `post` entry: the main run saves a
 * state the runner hands to the post run, which tells the two apart.
 */
async function runActionWithPost(prefix, main, post) {
    if (core.getState(STATE_POST) === 'true') {
        await runAction(prefix, post);
        return;
    }
    core.saveState(STATE_POST, 'true');
    await runAction(prefix, main);
}
function reportFailure(prefix, error) {
    process.exitCode = 1;
    if (error instanceof errors/* ConfigurationError */.j1) {
        const location = error.location && fromWorkspace(error.location);
        const where = location ? `${(0,errors/* formatLocation */.j$)(location)}: ` : '';
        const message = (0,secrets/* redact */.E$)(`${prefix}: ${where}${error.message}`);
        if (location) {
            runner/* error */.z3(message, {
                title: prefix,
                file: location.file,
                startLine: location.line,
                startColumn: location.column,
                endLine: location.endLine,
                endColumn: location.endColumn,
            });
        }
        else {
            runner/* error */.z3(message, { title: prefix });
        }
        return;
    }
    const reason = error instanceof Error ? error.message : String(error);
    if (error instanceof Error && error.stack)
        runner/* debug */.Yz((0,secrets/* redact */.E$)(error.stack));
    runner/* error */.z3((0,secrets/* redact */.E$)(`${prefix}: unexpected error: ${reason} (re-run with debug logging for the stack trace)`), {
        title: prefix,
    });
}
/** Sets an output, serialising objects as compact JSON. */
function setOutput(name, value) {
    runner/* setOutput */.uH(name, typeof value === 'string' ? value : JSON.stringify(value));
}

;// CONCATENATED MODULE: ./src/core/summary.ts


/** Escapes text for a GitHub-flavoured markdown table cell. */
function cell(text) {
    if (text === null || text === undefined)
        return '';
    return String(text)
        .replace(/\\/g, '\\\\')
        .replace(/\|/g, '\\|')
        .replace(/</g, '&lt;')
        .replace(/>/g, '&gt;')
        .replace(/\r?\n/g, '<br>');
}
function code(text) {
    const fence = text.includes('`') ? '``' : '`';
    const pad = text.startsWith('`') || text.endsWith('`') ? ' ' : '';
    return `${fence}${pad}${text}${pad}${fence}`;
}
/** A markdown table; cells are escaped here, so pass raw text (or pre-rendered markdown via `raw`). */
function table(header, rows) {
    const lines = [
        `| ${header.join(' | ')} |`,
        `| ${header.map(() => '---').join(' | ')} |`,
        ...rows.map((row) => `| ${row.join(' | ')} |`),
    ];
    return lines.join('\n');
}
function details(summaryText, body) {
    return `<details><summary>${summaryText}</summary>\n\n${body}\n\n</details>`;
}
/**
 * Appends markdown to the job summary. Secrets are redacted first: the runner masks
 * the log, not the summary file.
 */
async function writeSummary(markdown) {
    runner/* appendSummary */.fe((0,secrets/* redact */.E$)(markdown));
}

;// CONCATENATED MODULE: ./src/catalog/suggest.ts
/**
 * The candidate a user most likely meant, for "did you mean" hints: the same word up to case and
 * `-`/`_`, or the closest one within a few edits. Undefined when nothing is close.
 */
function didYouMean(word, candidates) {
    const normalized = normalize(word);
    const limit = Math.min(3, Math.max(1, Math.floor(word.length / 3)));
    let best;
    let bestDistance = Infinity;
    for (const candidate of candidates) {
        const other = normalize(candidate);
        if (other === normalized)
            return candidate;
        const distance = editDistance(normalized, other, limit);
        if (distance < bestDistance) {
            best = candidate;
            bestDistance = distance;
        }
    }
    return bestDistance <= limit ? best : undefined;
}
function normalize(word) {
    return word.toLowerCase().replaceAll('-', '_');
}
/** Levenshtein distance with adjacent transpositions; stops early above `limit`. */
function editDistance(a, b, limit) {
    if (Math.abs(a.length - b.length) > limit)
        return limit + 1;
    let previousRow = [];
    let row = Array.from({ length: b.length + 1 }, (_, index) => index);
    for (let i = 1; i <= a.length; i++) {
        const beforePrevious = previousRow;
        previousRow = row;
        row = [i];
        let rowMinimum = i;
        for (let j = 1; j <= b.length; j++) {
            const cost = a[i - 1] === b[j - 1] ? 0 : 1;
            let value = Math.min((previousRow[j] ?? 0) + 1, (row[j - 1] ?? 0) + 1, (previousRow[j - 1] ?? 0) + cost);
            if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
                value = Math.min(value, (beforePrevious[j - 2] ?? 0) + 1);
            }
            row.push(value);
            rowMinimum = Math.min(rowMinimum, value);
        }
        if (rowMinimum > limit)
            return limit + 1;
    }
    return row[b.length] ?? limit + 1;
}
/** `a, b, c` or `a, b, c and 12 more`, for messages that list what exists. */
function listSome(names, max = 20) {
    if (names.length <= max)
        return names.join(', ');
    return `${names.slice(0, max).join(', ')} and ${names.length - max} more`;
}

// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var dist = __nccwpck_require__(8815);
;// CONCATENATED MODULE: ./src/metrics/rules.ts


/**
 * A threshold as users write it: a number is an absolute amount in the metric's unit,
 * a string ending in "%" is relative to the base value ("10%").
 */
function parseThreshold(raw, where) {
    if (typeof raw === 'number' && Number.isFinite(raw) && raw >= 0)
        return { kind: 'absolute', value: raw };
    if (typeof raw === 'string') {
        const text = raw.trim();
        const percent = /^(\d+(?:\.\d+)?|\.\d+)\s*%$/.exec(text);
        if (percent)
            return { kind: 'relative', percent: Number(percent[1]) };
        if (/^(\d+(?:\.\d+)?|\.\d+)(e[-+]?\d+)?$/i.test(text))
            return { kind: 'absolute', value: Number(text) };
    }
    throw new errors/* ConfigurationError */.j1(`${where} must be a non-negative number (an absolute amount, e.g. 0.01) or a percentage of the base value (e.g. "5%"), got ${JSON.stringify(raw)}`);
}
const RULE_KEYS = new Set(['better', 'max_drop', 'max_rise']);
/** One rule as written in the `rules` input: {better: higher|lower, max_drop?, max_rise?}. */
function parseRule(raw, where) {
    if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
        throw new errors/* ConfigurationError */.j1(`${where} must be a mapping such as {better: higher, max_drop: 0.01}`);
    }
    const entry = raw;
    for (const key of Object.keys(entry)) {
        if (!RULE_KEYS.has(key)) {
            throw new errors/* ConfigurationError */.j1(`${where} has an unknown key '${key}'; the keys are better, max_drop and max_rise`);
        }
    }
    const better = entry.better;
    if (better !== 'higher' && better !== 'lower') {
        throw new errors/* ConfigurationError */.j1(`${where}.better must be 'higher' or 'lower', got ${JSON.stringify(better)}`);
    }
    const rule = { better };
    if (entry.max_drop !== undefined) {
        if (better !== 'higher') {
            throw new errors/* ConfigurationError */.j1(`${where}.max_drop applies to metrics where higher is better; for 'better: lower' use max_rise`);
        }
        rule.maxDrop = parseThreshold(entry.max_drop, `${where}.max_drop`);
    }
    if (entry.max_rise !== undefined) {
        if (better !== 'lower') {
            throw new errors/* ConfigurationError */.j1(`${where}.max_rise applies to metrics where lower is better; for 'better: higher' use max_drop`);
        }
        rule.maxRise = parseThreshold(entry.max_rise, `${where}.max_rise`);
    }
    return rule;
}
/**
 * The `rules` input: a YAML or JSON mapping from metric name (as `dvc metrics diff` prints it,
 * e.g. "mAP@0.5" or "train.loss") to its rule. Names are taken whole; a dot never splits them.
 */
function parseRulesInput(text, inputName = 'rules') {
    const rules = new Map();
    if (text.trim() === '')
        return rules;
    let document;
    try {
        document = (0,dist/* parse */.qg)(text);
    }
    catch (error) {
        const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
        throw new errors/* ConfigurationError */.j1(`input '${inputName}' is not valid YAML or JSON (${reason})`);
    }
    if (typeof document !== 'object' || document === null || Array.isArray(document)) {
        throw new errors/* ConfigurationError */.j1(`input '${inputName}' must be a mapping from metric name to rule, e.g. {"accuracy": {"better": "higher", "max_drop": 0.01}}`);
    }
    for (const [metric, raw] of Object.entries(document)) {
        rules.set(metric, parseRule(raw, `input '${inputName}': rule "${metric}"`));
    }
    return rules;
}
/** The amount the metric may worsen by, in its own unit, given the base value. */
function allowedWorsening(rule, base) {
    const threshold = rule.better === 'higher' ? rule.maxDrop : rule.maxRise;
    if (!threshold)
        return 0;
    return threshold.kind === 'absolute' ? threshold.value : (Math.abs(base) * threshold.percent) / 100;
}
/** "max drop 0.01", "max rise 10%", "any drop" (a rule without a threshold fails on any worsening). */
function describeThreshold(rule) {
    const word = rule.better === 'higher' ? 'drop' : 'rise';
    const threshold = rule.better === 'higher' ? rule.maxDrop : rule.maxRise;
    if (!threshold)
        return `any ${word}`;
    return threshold.kind === 'absolute' ? `max ${word} ${threshold.value}` : `max ${word} ${threshold.percent}%`;
}

;// CONCATENATED MODULE: ./src/metrics/stats.ts
/**
 * Statistics for judging a change against the noise of repeated measurements.
 * Everything here is deterministic: the bootstrap uses a PRNG seeded from its data,
 * so a re-run on the same files renders the same comment.
 */
/** ln Γ(x) for x > 0 (Lanczos approximation, g = 7, n = 9). */
function logGamma(x) {
    const c = [
        0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
        12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
    ];
    if (x < 0.5)
        return Math.log(Math.PI / Math.sin(Math.PI * x)) - logGamma(1 - x);
    const z = x - 1;
    let a = c[0];
    const t = z + 7.5;
    for (let i = 1; i < 9; i++)
        a += c[i] / (z + i);
    return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(a);
}
/** Continued fraction of the incomplete beta function (modified Lentz). */
function betaContinuedFraction(a, b, x) {
    const tiny = 1e-300;
    let c = 1;
    let d = 1 - ((a + b) * x) / (a + 1);
    if (Math.abs(d) < tiny)
        d = tiny;
    d = 1 / d;
    let h = d;
    for (let m = 1; m <= 300; m++) {
        const m2 = 2 * m;
        let aa = (m * (b - m) * x) / ((a + m2 - 1) * (a + m2));
        d = 1 + aa * d;
        if (Math.abs(d) < tiny)
            d = tiny;
        c = 1 + aa / c;
        if (Math.abs(c) < tiny)
            c = tiny;
        d = 1 / d;
        h *= d * c;
        aa = (-(a + m) * (a + b + m) * x) / ((a + m2) * (a + m2 + 1));
        d = 1 + aa * d;
        if (Math.abs(d) < tiny)
            d = tiny;
        c = 1 + aa / c;
        if (Math.abs(c) < tiny)
            c = tiny;
        d = 1 / d;
        const delta = d * c;
        h *= delta;
        if (Math.abs(delta - 1) < 1e-14)
            break;
    }
    return h;
}
/** The regularized incomplete beta function I_x(a, b). */
function regularizedBeta(x, a, b) {
    if (x <= 0)
        return 0;
    if (x >= 1)
        return 1;
    const front = Math.exp(logGamma(a + b) - logGamma(a) - logGamma(b) + a * Math.log(x) + b * Math.log(1 - x));
    if (x < (a + 1) / (a + b + 2))
        return (front * betaContinuedFraction(a, b, x)) / a;
    return 1 - (front * betaContinuedFraction(b, a, 1 - x)) / b;
}
/** Two-sided p-value of Student's t statistic with `df` degrees of freedom. */
function twoSidedP(t, df) {
    if (!Number.isFinite(t))
        return 0;
    if (t === 0)
        return 1;
    return regularizedBeta(df / (df + t * t), df / 2, 0.5);
}
/** Welch's unequal-variances t-test for a difference between two means. */
function welchTTest(base, head) {
    if (base.n < 2 || head.n < 2)
        return undefined;
    const vb = (base.std * base.std) / base.n;
    const vh = (head.std * head.std) / head.n;
    const diff = head.mean - base.mean;
    const se = Math.sqrt(vb + vh);
    if (se === 0)
        return { t: diff === 0 ? 0 : Infinity, df: base.n + head.n - 2, pValue: diff === 0 ? 1 : 0 };
    const t = diff / se;
    const df = (vb + vh) ** 2 / (vb ** 2 / (base.n - 1) + vh ** 2 / (head.n - 1));
    return { t, df, pValue: twoSidedP(t, df) };
}
/** One-sample t-test of samples against a single known value (the other side had no samples). */
function oneSampleTTest(samples, reference) {
    if (samples.n < 2)
        return undefined;
    const diff = samples.mean - reference;
    const se = samples.std / Math.sqrt(samples.n);
    if (se === 0)
        return { t: diff === 0 ? 0 : Infinity, df: samples.n - 1, pValue: diff === 0 ? 1 : 0 };
    const t = diff / se;
    return { t, df: samples.n - 1, pValue: twoSidedP(t, samples.n - 1) };
}
/** A small, fast, seedable PRNG (mulberry32): the same seed gives the same sequence. */
function mulberry32(seed) {
    let state = seed >>> 0;
    return () => {
        state = (state + 0x6d2b79f5) >>> 0;
        let t = state;
        t = Math.imul(t ^ (t >>> 15), t | 1);
        t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
        return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
}
function seedFrom(values) {
    let hash = 2166136261;
    for (const value of values) {
        const text = value.toString();
        for (let i = 0; i < text.length; i++) {
            hash ^= text.charCodeAt(i);
            hash = Math.imul(hash, 16777619);
        }
        hash ^= 0x2c;
        hash = Math.imul(hash, 16777619);
    }
    return hash >>> 0;
}
/**
 * Percentile bootstrap interval for mean(head) − mean(base): both sample sets are resampled
 * with replacement `resamples` times; the interval holds the central `confidence` share of
 * the resampled differences.
 */
function bootstrapInterval(base, head, confidence, resamples = 10_000) {
    const random = mulberry32(seedFrom([...base, Number.NaN, ...head]));
    const meanOfResample = (values) => {
        let sum = 0;
        for (let i = 0; i < values.length; i++)
            sum += values[Math.floor(random() * values.length)];
        return sum / values.length;
    };
    const diffs = new Float64Array(resamples);
    for (let i = 0; i < resamples; i++)
        diffs[i] = meanOfResample(head) - meanOfResample(base);
    diffs.sort();
    const tail = (1 - confidence) / 2;
    const at = (q) => diffs[Math.min(resamples - 1, Math.max(0, Math.floor(q * resamples)))];
    return [at(tail), at(1 - tail)];
}
/**
 * Is the difference between base and head larger than their noise? Returns undefined when
 * neither side has repeated measurements (nothing to judge the noise by).
 * - both sides with samples: Welch's t-test, or the bootstrap interval when asked for and both
 *   sides list their raw samples;
 * - one side with samples, the other a single number: a one-sample t-test against that number.
 */
function judgeNoise(base, head, confidence, method) {
    const alpha = 1 - confidence;
    if (base.samples && head.samples && base.samples.n >= 2 && head.samples.n >= 2) {
        if (method === 'bootstrap' && base.samples.values && head.samples.values) {
            const interval = bootstrapInterval(base.samples.values, head.samples.values, confidence);
            return { method: 'bootstrap', confidence, interval, significant: interval[0] > 0 || interval[1] < 0 };
        }
        const test = welchTTest(base.samples, head.samples);
        return { method: 'welch', confidence, pValue: test.pValue, significant: test.pValue < alpha };
    }
    const one = head.samples && head.samples.n >= 2 ? oneSampleTTest(head.samples, base.value) : undefined;
    const other = !one && base.samples && base.samples.n >= 2 ? oneSampleTTest(base.samples, head.value) : undefined;
    const test = one ?? other;
    if (!test)
        return undefined;
    return { method: 'one-sample-t', confidence, pValue: test.pValue, significant: test.pValue < alpha };
}

;// CONCATENATED MODULE: ./src/metrics/compare.ts



function numeric(value) {
    return value !== undefined && (value.kind === 'number' || value.kind === 'samples');
}
function invalidNote(value, side) {
    if (value.kind === 'invalid') {
        const word = Number.isNaN(value.value) ? 'NaN' : value.value > 0 ? 'Infinity' : '-Infinity';
        return `${word} at ${side}`;
    }
    return `not a number at ${side}`;
}
/** Compares one metric's base and head values under its rule. */
function compareMetric(group, file, metric, base, head, rule, options, noBaseNote) {
    const row = { group, file, metric, base, head, rule, status: 'unchanged', failing: false };
    if (head === undefined) {
        return { ...row, status: 'removed', failing: options.failOnMissing, note: 'removed: present at base, missing at head' };
    }
    if (!numeric(head)) {
        return { ...row, status: 'invalid', failing: options.failOnMissing && rule !== undefined, note: invalidNote(head, 'head') };
    }
    if (base === undefined)
        return { ...row, status: 'new', note: noBaseNote };
    if (!numeric(base))
        return { ...row, status: 'incomparable', note: `${invalidNote(base, 'base')}; nothing to compare with` };
    const delta = head.value - base.value;
    row.delta = delta;
    if (base.value !== 0)
        row.percent = (delta / Math.abs(base.value)) * 100;
    if (delta === 0)
        return row;
    const noise = judgeNoise({ value: base.value, samples: base.kind === 'samples' ? base.samples : undefined }, { value: head.value, samples: head.kind === 'samples' ? head.samples : undefined }, options.confidence, options.noiseMethod);
    if (noise)
        row.noise = noise;
    const withinNoise = noise !== undefined && !noise.significant;
    if (!rule)
        return { ...row, status: withinNoise ? 'noise' : 'changed' };
    const worsening = rule.better === 'higher' ? -delta : delta;
    if (worsening <= 0)
        return { ...row, status: withinNoise ? 'noise' : 'improved' };
    const tolerance = 1e-12 * Math.max(1, Math.abs(base.value), Math.abs(head.value));
    const beyond = worsening > allowedWorsening(rule, base.value) + tolerance;
    if (withinNoise)
        return { ...row, status: 'noise', note: beyond ? 'beyond the threshold, but within noise' : undefined };
    if (beyond)
        return { ...row, status: 'regressed', failing: true };
    return { ...row, status: 'worse' };
}
/**
 * The metric a rule most likely meant: the nested metric whose last part it names (a rule for
 * "rouge_l" when the file has "generation.rouge_l"), or a close spelling.
 */
function suggestMetric(name, metrics) {
    const names = [...metrics].filter((metric) => metric !== '');
    const nested = names.filter((metric) => metric.endsWith(`.${name}`));
    if (nested.length === 1)
        return nested[0];
    return didYouMean(name, names);
}
/** Compares every file of a group; rows come in file order, then metric order as the head file lists them. */
function compareGroup(group, sides, options) {
    const rows = [];
    for (const file of group.files) {
        const read = sides.get(file);
        if (!read)
            continue;
        const { head, base } = read;
        const baseMetrics = base?.status === 'ok' ? base.metrics : undefined;
        if (head.status !== 'ok') {
            const count = baseMetrics ? `; ${baseMetrics.size} metric${baseMetrics.size === 1 ? '' : 's'} at base` : '';
            rows.push({
                group: group.name,
                file,
                metric: '',
                status: head.status === 'missing' ? 'missing-file' : 'unreadable',
                failing: options.failOnMissing,
                note: head.status === 'missing'
                    ? `file not found at head${count}${head.reason ? `: ${head.reason}` : ''}`
                    : `cannot read the file at head: ${head.reason}`,
            });
            continue;
        }
        let noBaseNote;
        if (base === undefined)
            noBaseNote = 'no baseline';
        else if (base.status === 'missing')
            noBaseNote = 'new file';
        else if (base.status === 'unreadable')
            noBaseNote = `base file unreadable: ${base.reason}`;
        const names = [...head.metrics.keys()];
        for (const name of baseMetrics?.keys() ?? [])
            if (!head.metrics.has(name))
                names.push(name);
        for (const name of names) {
            rows.push(compareMetric(group.name, file, name, baseMetrics?.get(name), head.metrics.get(name), group.rules.get(name), options, noBaseNote));
        }
    }
    // A rule that matches no metric in any of the group's files is most likely a misspelt name.
    const seen = new Set(rows.map((row) => row.metric));
    const anyHeadRead = group.files.some((file) => sides.get(file)?.head.status === 'ok');
    if (anyHeadRead) {
        for (const [metric, rule] of group.rules) {
            if (seen.has(metric))
                continue;
            const guess = suggestMetric(metric, seen);
            rows.push({
                group: group.name,
                file: group.files.length === 1 ? group.files[0] : '',
                metric,
                rule,
                status: 'not-found',
                failing: false,
                note: guess ? `did you mean '${guess}'?` : `in no metrics file of ${group.name}`,
            });
        }
    }
    return rows;
}
function plainValue(value) {
    if (value === undefined)
        return null;
    if (value.kind === 'other')
        return value.text;
    if (value.kind === 'invalid')
        return String(value.value);
    return value.value;
}
function toRegression(row) {
    return {
        service: row.group,
        file: row.file,
        metric: row.metric,
        old: plainValue(row.base),
        new: plainValue(row.head),
        delta: row.delta ?? null,
        threshold: row.rule ? describeThreshold(row.rule) : null,
        reason: row.status,
    };
}
/**
 * The gate's verdict: `regressed` when any row fails; otherwise `no-baseline` when there are
 * metrics but no base value to compare them with; otherwise `pass`.
 */
function buildReport(groups, rows, params, labels = {}) {
    const failing = rows.filter((row) => row.failing);
    // Nothing to compare (no service with metrics in the change) passes; metrics without any base value do not.
    const noBase = rows.length > 0 && !rows.some((row) => row.base !== undefined);
    const verdict = failing.length > 0 ? 'regressed' : noBase ? 'no-baseline' : 'pass';
    return {
        verdict,
        rows,
        groups,
        regressions: failing.map(toRegression),
        params,
        baseLabel: labels.base,
        headLabel: labels.head,
    };
}

;// CONCATENATED MODULE: ./src/metrics/format.ts
/** Number formatting for the comment: short, exact enough to judge a change, never in float noise. */
function formatNumber(value) {
    if (Number.isNaN(value))
        return 'NaN';
    if (value === Infinity)
        return '∞';
    if (value === -Infinity)
        return '-∞';
    if (value === 0)
        return '0';
    const abs = Math.abs(value);
    if (Number.isInteger(value) && abs < 1e15)
        return String(value);
    if (abs >= 1e6 || abs < 1e-4)
        return trimExponent(value.toExponential(3));
    return String(Number(value.toPrecision(5)));
}
function trimExponent(text) {
    const [mantissa, exponent] = text.split('e');
    return `${String(Number(mantissa))}e${exponent}`;
}
function formatSigned(value) {
    const text = formatNumber(value);
    return value > 0 ? `+${text}` : text;
}
function formatPercent(percent) {
    const abs = Math.abs(percent);
    const digits = abs >= 100 ? 0 : abs >= 10 ? 1 : 2;
    const text = percent.toFixed(digits);
    if (Number(text) === 0)
        return percent > 0 ? '+<0.01%' : '-<0.01%';
    return `${percent > 0 ? '+' : ''}${text}%`;
}

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __nccwpck_require__(7598);
;// CONCATENATED MODULE: ./src/metrics/history.ts

const OPEN = '<!-- aura:metrics-history ';
const CLOSE = ' -->';
const MAX_RUNS = 20;
const MAX_ENCODED = 16_000;
/** A short, stable identity for a metric (10 characters of a SHA-1), so many metrics fit in the comment. */
function historyKey(group, file, metric) {
    return (0,external_node_crypto_.createHash)('sha1').update(`${group}\u001f${file}\u001f${metric}`).digest('base64url').slice(0, 10);
}
function emptyHistory() {
    return { keys: [], runs: [] };
}
/** Reads the history from a comment body; anything unreadable counts as no history. */
function readHistory(body) {
    if (!body)
        return emptyHistory();
    const start = body.lastIndexOf(OPEN);
    if (start === -1)
        return emptyHistory();
    const end = body.indexOf(CLOSE, start + OPEN.length);
    if (end === -1)
        return emptyHistory();
    try {
        const json = Buffer.from(body.slice(start + OPEN.length, end).trim(), 'base64').toString('utf8');
        const parsed = JSON.parse(json);
        if (parsed.v !== 1 || !Array.isArray(parsed.keys) || !Array.isArray(parsed.runs))
            return emptyHistory();
        const keys = parsed.keys.filter((k) => typeof k === 'string');
        if (keys.length !== parsed.keys.length)
            return emptyHistory();
        const runs = [];
        for (const run of parsed.runs) {
            const { sha, values } = (run ?? {});
            if (typeof sha !== 'string' || !Array.isArray(values))
                return emptyHistory();
            runs.push({ sha, values: values.map((v) => (typeof v === 'number' && Number.isFinite(v) ? v : null)) });
        }
        return { keys, runs };
    }
    catch {
        return emptyHistory();
    }
}
function encode(history) {
    const json = JSON.stringify({ v: 1, keys: history.keys, runs: history.runs });
    return `${OPEN}${Buffer.from(json, 'utf8').toString('base64')}${CLOSE}`;
}
/**
 * Adds this run's values; a run for a commit already in the history replaces it (a re-run of
 * the same push), so re-running never grows the history or changes the comment.
 */
function addRun(history, sha, values) {
    const keys = [...history.keys];
    for (const key of values.keys())
        if (!keys.includes(key))
            keys.push(key);
    const index = new Map(keys.map((key, i) => [key, i]));
    const widen = (run) => ({
        sha: run.sha,
        values: keys.map((key) => {
            const at = history.keys.indexOf(key);
            return at === -1 ? null : (run.values[at] ?? null);
        }),
    });
    const current = { sha, values: keys.map(() => null) };
    for (const [key, value] of values)
        current.values[index.get(key)] = Number(value.toPrecision(6));
    const runs = history.runs.filter((run) => run.sha !== sha).map(widen);
    runs.push(current);
    return prune({ keys, runs: runs.slice(-MAX_RUNS) });
}
/** Drops the oldest runs, then keys no kept run has a value for, until the encoding fits. */
function prune(history) {
    let runs = history.runs;
    for (;;) {
        const used = history.keys.map((_, i) => runs.some((run) => run.values[i] !== null));
        const keys = history.keys.filter((_, i) => used[i]);
        const compact = {
            keys,
            runs: runs.map((run) => ({ sha: run.sha, values: run.values.filter((_, i) => used[i]) })),
        };
        if (encode(compact).length <= MAX_ENCODED || runs.length <= 1) {
            return encode(compact).length <= MAX_ENCODED ? compact : emptyHistory();
        }
        runs = runs.slice(1);
    }
}
function renderHistory(history) {
    return history.runs.length === 0 ? '' : encode(history);
}
/** The values of one metric over the runs, oldest first, skipping runs that did not have it. */
function series(history, key) {
    const at = history.keys.indexOf(key);
    if (at === -1)
        return [];
    return history.runs.map((run) => run.values[at]).filter((v) => typeof v === 'number');
}
/** The runs that measured one metric, oldest first: each run's head commit and value. */
function points(history, key) {
    const at = history.keys.indexOf(key);
    if (at === -1)
        return [];
    return history.runs.flatMap((run) => {
        const value = run.values[at];
        return typeof value === 'number' ? [{ sha: run.sha, value }] : [];
    });
}
const BARS = '▁▂▃▄▅▆▇█';
/** A sparkline of the values: the lowest value is the shortest bar; equal values give a flat line. */
function sparkline(values) {
    if (values.length === 0)
        return '';
    const min = Math.min(...values);
    const max = Math.max(...values);
    return values
        .map((value) => {
        if (max === min)
            return BARS[3];
        return BARS[Math.round(((value - min) / (max - min)) * (BARS.length - 1))];
    })
        .join('');
}

;// CONCATENATED MODULE: ./src/metrics/chart.ts



/**
 * Trend charts for the job summary: one Mermaid `xychart-beta` line chart per metric that moved
 * over the pull request's pushes (or regressed), the head value at each push and the base as a
 * flat line. GitHub renders ```mermaid fences in job summaries and comments.
 */
/** Charts per summary; each is a few hundred bytes of text but a tall picture. */
const MAX_TREND_CHARTS = 6;
function chart_numeric(value) {
    return value && (value.kind === 'number' || value.kind === 'samples') ? value.value : undefined;
}
/**
 * Which charts go first when there are more than the cap: regressed metrics, then the other
 * metrics with a rule (the ones the gate judges), then the rest of those that moved against
 * the base, then those back at the base value.
 */
function rank(row) {
    if (row.status === 'regressed')
        return 0;
    if (row.rule)
        return 1;
    return row.status === 'unchanged' ? 3 : 2;
}
/**
 * The metrics worth a chart: two or more pushes measured, and either regressed or changed
 * between pushes. Regressed ones come first (see rank), in report order within each rank; at
 * most `max`.
 */
function selectTrendCharts(report, history, max = MAX_TREND_CHARTS) {
    if (!history || history.runs.length < 2)
        return { charts: [], omitted: 0 };
    const filesPerGroup = new Map();
    for (const row of report.rows) {
        if (row.file === '')
            continue;
        const files = filesPerGroup.get(row.group) ?? new Set();
        files.add(row.file);
        filesPerGroup.set(row.group, files);
    }
    const candidates = [];
    for (const row of report.rows) {
        if (row.metric === '')
            continue;
        const measured = points(history, historyKey(row.group, row.file, row.metric));
        if (measured.length < 2)
            continue;
        const head = measured.map((point) => point.value);
        const regressed = row.status === 'regressed';
        const changed = head.some((value) => value !== head[0]);
        if (!regressed && !changed)
            continue;
        candidates.push({
            group: row.group,
            file: row.file,
            metric: row.metric,
            showFile: (filesPerGroup.get(row.group)?.size ?? 0) > 1,
            regressed,
            pushes: measured.map((point) => point.sha),
            head,
            base: chart_numeric(row.base),
            rank: rank(row),
        });
    }
    const ordered = candidates.map((c, i) => ({ c, i })).sort((a, b) => a.c.rank - b.c.rank || a.i - b.i);
    const limit = Math.max(0, max);
    const charts = ordered.slice(0, limit).map(({ c: { rank: _rank, ...chart } }) => chart);
    return { charts, omitted: Math.max(0, ordered.length - limit) };
}
/**
 * Mermaid entity codes for the characters that would end a quoted string (`"`), start an
 * entity or a directive (`#`, `%`), start a markdown string (`` ` ``) or read as HTML (`<`, `>`).
 * Mermaid turns `#name;` and `#code;` back into the characters when it draws the chart.
 */
const ENTITIES = { '"': '#quot;', '#': '#35;', '%': '#37;', '`': '#96;', '<': '#lt;', '>': '#gt;' };
/** A quoted Mermaid string that shows `text` as written, on one line; never empty (Mermaid rejects ""). */
function mermaidString(text) {
    const line = text.replace(/\s+/g, ' ').trim();
    const escaped = line
        .replace(/["#%`<>]/g, (char) => ENTITIES[char])
        // Before parsing, Mermaid drops the last ";" of a line where "style" or "classDef" is followed
        // by ":" and "#" (its style statements): spell their first letter as an entity code.
        .replace(/style/g, '#115;tyle')
        .replace(/classDef/g, '#99;lassDef');
    return `"${escaped === '' ? '-' : escaped}"`;
}
/** A number as Mermaid's lexer reads it: plain decimal digits, never an exponent. */
function mermaidNumber(value) {
    if (!Number.isFinite(value))
        throw new RangeError(`not a finite number: ${value}`);
    const text = String(value);
    if (!/e/i.test(text))
        return text;
    if (Math.abs(value) >= 1)
        return BigInt(Math.round(value)).toString();
    const exponent = Math.floor(Math.log10(Math.abs(value)));
    return value.toFixed(Math.min(100, 6 - exponent)).replace(/0+$/, '').replace(/\.$/, '');
}
/**
 * The y-axis range: the values with a tenth of their spread on either side, rounded outwards to
 * a step one decade below the spread, so the lines do not touch the frame. A metric that never
 * goes below zero keeps the axis at zero or above.
 */
function axisRange(values) {
    const min = Math.min(...values);
    const max = Math.max(...values);
    const spread = max - min || Math.abs(max) || 1;
    const step = 10 ** (Math.floor(Math.log10(spread)) - 1);
    const decimals = Math.max(0, -Math.floor(Math.log10(step)));
    // The tolerance keeps float error (-0.6 / 0.1 = -5.999...) from moving a bound by a step.
    let low = Math.floor((min - spread / 10) / step + 1e-9) * step;
    const high = Math.ceil((max + spread / 10) / step - 1e-9) * step;
    if (min >= 0 && low < 0)
        low = 0;
    const text = (value) => mermaidNumber(Number(value.toFixed(Math.min(decimals, 100))));
    return [text(low), text(high)];
}
const FRONTMATTER = [
    '---',
    'config:',
    '  xyChart:',
    '    width: 640',
    '    height: 320',
    '  themeVariables:',
    '    xyChart:',
    // The default light theme draws the first line in a near-white lavender: set colours that
    // read on light and dark backgrounds (head in blue, base in grey).
    '      plotColorPalette: "#2f81f7, #8b949e"',
    '---',
];
/** The chart's Mermaid text (without the fence). */
function mermaidTrendChart(chart) {
    const title = chart.showFile ? `${chart.group}: ${chart.metric} (${chart.file})` : `${chart.group}: ${chart.metric}`;
    const all = chart.base === undefined ? chart.head : [...chart.head, chart.base];
    const [low, high] = axisRange(all);
    const series = (values) => `[${values.map(mermaidNumber).join(', ')}]`;
    const lines = [
        ...FRONTMATTER,
        'xychart-beta',
        `  title ${mermaidString(title)}`,
        `  x-axis "push (head commit)" [${chart.pushes.map(mermaidString).join(', ')}]`,
        `  y-axis ${mermaidString(chart.metric)} ${low} --> ${high}`,
        `  line "head" ${series(chart.head)}`,
    ];
    if (chart.base !== undefined)
        lines.push(`  line "base" ${series(chart.head.map(() => chart.base))}`);
    return lines.join('\n');
}
function caption(chart) {
    const what = `**${cell(chart.group)}** · ${code(chart.metric)}${chart.showFile ? ` in ${code(chart.file)}` : ''}`;
    const base = chart.base === undefined ? ' (no base value)' : `, and the base (${formatNumber(chart.base)}) as a flat line`;
    return `${chart.regressed ? '❌ ' : ''}${what}${chart.regressed ? ', regressed' : ''}: the head at each of ${chart.pushes.length} pushes${base}.`;
}
/**
 * The charts as a folded markdown block, or no lines when no metric qualifies. Escaping leaves
 * no backtick in a chart, so a plain fence cannot be closed early.
 */
function trendChartsBlock(report, history, max = MAX_TREND_CHARTS) {
    const { charts, omitted } = selectTrendCharts(report, history, max);
    if (charts.length === 0 && omitted === 0)
        return [];
    const lines = ['<details><summary>Trend charts</summary>', ''];
    for (const chart of charts) {
        lines.push(caption(chart), '', '```mermaid', mermaidTrendChart(chart), '```', '');
    }
    if (omitted > 0) {
        lines.push(`${omitted} more ${omitted === 1 ? 'metric' : 'metrics'} changed over the pushes without a chart: ` +
            `at most ${max} ${max === 1 ? 'chart is' : 'charts are'} drawn, regressed metrics first, then those with a rule.`, '');
    }
    lines.push('</details>', '');
    return lines;
}

;// CONCATENATED MODULE: ./src/metrics/flatten.ts
/**
 * Flattens a parsed metrics document the way `dvc metrics diff` names metrics: nested keys are
 * joined with a dot ({"train": {"loss": 1}} gives "train.loss"), while a key that itself contains
 * a dot ("mAP@0.5") stays as written. Names are only ever joined here, never split.
 *
 * Two shapes are read as repeated measurements of one metric rather than as nested metrics:
 * a list of at least two numbers, and a mapping with `mean`, `std` (or `stddev`, `stdev`, `sd`)
 * and `n` (or `count`). Other numeric keys beside those (min, max, p95...) stay metrics of their own.
 */
function flattenMetrics(document) {
    const result = new Map();
    visit(document, '', result);
    return result;
}
function visit(node, prefix, out) {
    for (const [key, value] of Object.entries(node)) {
        const name = prefix === '' ? key : `${prefix}.${key}`;
        if (isPlainObject(value)) {
            const summary = sampleSummary(value);
            if (summary) {
                out.set(name, { kind: 'samples', value: summary.samples.mean, samples: summary.samples });
                const rest = Object.fromEntries(Object.entries(value).filter(([k]) => !summary.keys.has(k)));
                visit(rest, name, out);
            }
            else {
                // An empty mapping holds no metric; `dvc metrics diff` drops it too.
                visit(value, name, out);
            }
        }
        else {
            out.set(name, toMetricValue(value));
        }
    }
}
function toMetricValue(value) {
    if (typeof value === 'number') {
        return Number.isFinite(value) ? { kind: 'number', value } : { kind: 'invalid', value };
    }
    if (Array.isArray(value)) {
        if (value.length >= 2 && value.every((v) => typeof v === 'number' && Number.isFinite(v))) {
            const samples = fromValues(value);
            return { kind: 'samples', value: samples.mean, samples };
        }
        if (value.length === 1 && typeof value[0] === 'number')
            return toMetricValue(value[0]);
        return { kind: 'other', text: shortText(value) };
    }
    return { kind: 'other', text: shortText(value) };
}
const STD_KEYS = ['std', 'stddev', 'stdev', 'sd'];
const COUNT_KEYS = ['n', 'count'];
function sampleSummary(node) {
    const mean = node.mean;
    const stdKey = STD_KEYS.find((k) => k in node);
    const countKey = COUNT_KEYS.find((k) => k in node);
    if (stdKey === undefined || countKey === undefined)
        return undefined;
    const std = node[stdKey];
    const n = node[countKey];
    if (typeof mean !== 'number' || !Number.isFinite(mean))
        return undefined;
    if (typeof std !== 'number' || !Number.isFinite(std) || std < 0)
        return undefined;
    if (typeof n !== 'number' || !Number.isInteger(n) || n < 1)
        return undefined;
    return { samples: { mean, std, n }, keys: new Set(['mean', stdKey, countKey]) };
}
/** Mean, sample standard deviation (n − 1) and count of raw samples. */
function fromValues(values) {
    const n = values.length;
    const mean = values.reduce((sum, v) => sum + v, 0) / n;
    const variance = n > 1 ? values.reduce((sum, v) => sum + (v - mean) ** 2, 0) / (n - 1) : 0;
    return { mean, std: Math.sqrt(variance), n, values: [...values] };
}
/**
 * Rebuilds sample summaries from metrics that were flattened by someone else (DVC prints
 * "latency.mean", "latency.std", "latency.n"): the three become one "latency" metric.
 */
function regroupSampleKeys(flat) {
    const result = new Map(flat);
    for (const [key, value] of flat) {
        if (!key.endsWith('.mean') || value.kind !== 'number')
            continue;
        const prefix = key.slice(0, -'.mean'.length);
        const stdKey = STD_KEYS.map((k) => `${prefix}.${k}`).find((k) => flat.has(k));
        const countKey = COUNT_KEYS.map((k) => `${prefix}.${k}`).find((k) => flat.has(k));
        if (stdKey === undefined || countKey === undefined || flat.has(prefix))
            continue;
        const std = flat.get(stdKey);
        const n = flat.get(countKey);
        if (std.kind !== 'number' || std.value < 0)
            continue;
        if (n.kind !== 'number' || !Number.isInteger(n.value) || n.value < 1)
            continue;
        result.delete(key);
        result.delete(stdKey);
        result.delete(countKey);
        result.set(prefix, {
            kind: 'samples',
            value: value.value,
            samples: { mean: value.value, std: std.value, n: n.value },
        });
    }
    return result;
}
function isPlainObject(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Date);
}
function shortText(value) {
    let text;
    if (typeof value === 'string')
        text = value;
    else if (value instanceof Date)
        text = value.toISOString();
    else if (value === undefined)
        text = 'undefined';
    else
        text = JSON.stringify(value) ?? String(value);
    return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

;// CONCATENATED MODULE: ./src/metrics/parse.ts


/** NaN and ±Infinity as Python's json module (and so DVC and dvclive) writes them. */
const SENTINEL = '\u0000aura-number:';
/**
 * JSON as Python writes it: standard JSON plus the bare words NaN, Infinity and -Infinity,
 * which JSON.parse rejects but `json.dump` emits for non-finite floats.
 */
function parsePythonJson(text) {
    try {
        return JSON.parse(text);
    }
    catch (error) {
        const patched = replaceNonFiniteWords(text);
        if (patched === text)
            throw error;
        return restoreNonFinite(JSON.parse(patched));
    }
}
function replaceNonFiniteWords(text) {
    let out = '';
    let inString = false;
    for (let i = 0; i < text.length; i++) {
        const ch = text[i];
        if (inString) {
            out += ch;
            if (ch === '\\') {
                out += text[i + 1] ?? '';
                i++;
            }
            else if (ch === '"') {
                inString = false;
            }
            continue;
        }
        if (ch === '"') {
            inString = true;
            out += ch;
            continue;
        }
        const word = ['-Infinity', 'Infinity', 'NaN'].find((w) => text.startsWith(w, i));
        if (word !== undefined && !/[\w.]/.test(text[i - 1] ?? ' ') && !/[\w.]/.test(text[i + word.length] ?? ' ')) {
            out += JSON.stringify(SENTINEL + word);
            i += word.length - 1;
            continue;
        }
        out += ch;
    }
    return out;
}
function restoreNonFinite(value) {
    if (typeof value === 'string' && value.startsWith(SENTINEL)) {
        const word = value.slice(SENTINEL.length);
        return word === 'NaN' ? Number.NaN : word === '-Infinity' ? -Infinity : Infinity;
    }
    if (Array.isArray(value))
        return value.map(restoreNonFinite);
    if (typeof value === 'object' && value !== null) {
        return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, restoreNonFinite(v)]));
    }
    return value;
}
/** The format DVC would read the file as: by its extension, YAML for anything unknown. */
function formatOf(path) {
    const lower = path.toLowerCase();
    if (lower.endsWith('.json'))
        return 'json';
    if (lower.endsWith('.toml'))
        return 'toml';
    return 'yaml';
}
/** Parses a metrics file's text and flattens it; a file that cannot be read says why. */
function parseMetricsText(path, text) {
    const format = formatOf(path);
    if (format === 'toml') {
        return { status: 'unreadable', reason: 'TOML metrics files are not supported; write the metrics as JSON or YAML' };
    }
    let document;
    try {
        document = format === 'json' ? parsePythonJson(text) : (0,dist/* parse */.qg)(text, { prettyErrors: true });
    }
    catch (error) {
        return { status: 'unreadable', reason: parseFailure(format, error) };
    }
    if (document === null || document === undefined)
        return { status: 'ok', metrics: new Map() };
    if (typeof document !== 'object' || Array.isArray(document)) {
        return {
            status: 'unreadable',
            reason: `expected a mapping of metric names to values, found ${Array.isArray(document) ? 'a list' : typeof document}`,
        };
    }
    return { status: 'ok', metrics: flattenMetrics(document) };
}
function parseFailure(format, error) {
    if (error instanceof dist/* YAMLParseError */.XT) {
        const where = error.linePos?.[0];
        const first = error.message.split('\n')[0] ?? error.message;
        return `invalid YAML${where ? ` at line ${where.line}, column ${where.col}` : ''}: ${first.replace(/ at line \d+, column \d+:?$/, '')}`;
    }
    const message = error instanceof Error ? error.message : String(error);
    return `invalid ${format === 'json' ? 'JSON' : 'YAML'}: ${message}`;
}

;// CONCATENATED MODULE: ./src/metrics/params.ts


/** Flattens parameters with dots, as `dvc params diff` names them; lists are compared whole. */
function flattenParams(document, prefix = '', out = new Map()) {
    if (typeof document === 'object' && document !== null && !Array.isArray(document) && !(document instanceof Date)) {
        const entries = Object.entries(document);
        if (entries.length === 0 && prefix !== '')
            out.set(prefix, {});
        for (const [key, value] of entries)
            flattenParams(value, prefix === '' ? key : `${prefix}.${key}`, out);
    }
    else if (prefix !== '') {
        out.set(prefix, document);
    }
    return out;
}
function parseParamsText(path, text) {
    const format = formatOf(path);
    if (format === 'toml')
        throw new Error('TOML parameter files are not supported');
    const document = format === 'json' ? parsePythonJson(text) : (0,dist/* parse */.qg)(text);
    return flattenParams(document ?? {});
}
function same(a, b) {
    if (typeof a === 'number' && typeof b === 'number')
        return a === b || (Number.isNaN(a) && Number.isNaN(b));
    return JSON.stringify(a) === JSON.stringify(b);
}
/**
 * The parameters that differ between base and head, like `dvc params diff`: added ones have no
 * `old`, removed ones no `new`. An absent file counts as having no parameters.
 */
function diffParams(file, base, head) {
    const changes = [];
    const before = base ?? new Map();
    const after = head ?? new Map();
    for (const [param, value] of after) {
        if (!before.has(param))
            changes.push({ file, param, new: value });
        else if (!same(before.get(param), value))
            changes.push({ file, param, old: before.get(param), new: value });
    }
    for (const [param, value] of before) {
        if (!after.has(param))
            changes.push({ file, param, old: value });
    }
    return changes;
}

;// CONCATENATED MODULE: ./src/metrics/render.ts





/** GitHub rejects issue comments longer than this. */
const COMMENT_LIMIT = 65_536;
const STATUS = {
    regressed: { icon: '❌', text: 'regressed' },
    worse: { icon: '🟡', text: 'worse, within threshold' },
    improved: { icon: '✅', text: 'improved' },
    changed: { icon: 'ℹ️', text: 'changed (no rule)' },
    noise: { icon: '〰️', text: 'within noise' },
    unchanged: { icon: '➖', text: 'unchanged' },
    new: { icon: '🆕', text: 'new' },
    removed: { icon: '⚠️', text: 'removed' },
    invalid: { icon: '⚠️', text: 'not a number' },
    incomparable: { icon: '⚠️', text: 'not comparable' },
    'missing-file': { icon: '⚠️', text: 'file missing' },
    unreadable: { icon: '⚠️', text: 'file unreadable' },
    'not-found': { icon: '⚠️', text: 'no such metric' },
};
const FAILURE_WORDS = {
    regressed: ['metric regressed', 'metrics regressed'],
    removed: ['metric removed', 'metrics removed'],
    invalid: ['metric is not a number', 'metrics are not numbers'],
    'missing-file': ['metrics file missing', 'metrics files missing'],
    unreadable: ['metrics file unreadable', 'metrics files unreadable'],
};
function plural(count, one, many) {
    return `${count} ${count === 1 ? one : many}`;
}
function metricCell(name) {
    return name === '' ? '' : code(name.replace(/\|/g, '\\|').replace(/\r?\n/g, ' '));
}
function fileCell(file) {
    return file === '' ? '' : code(file.replace(/\|/g, '\\|'));
}
function valueCell(value) {
    if (value === undefined)
        return '—';
    switch (value.kind) {
        case 'number':
            return formatNumber(value.value);
        case 'samples':
            return `${formatNumber(value.value)} ± ${formatNumber(Number(value.samples.std.toPrecision(2)))} (n=${value.samples.n})`;
        case 'invalid':
            return formatNumber(value.value);
        case 'other':
            return cell(value.text);
    }
}
/** The change, with an arrow for the direction the value moved and a dot for good or bad under the rule. */
function changeCell(row) {
    if (row.delta === undefined)
        return '';
    if (row.delta === 0)
        return '0';
    const arrow = row.delta > 0 ? '▲' : '▼';
    let mark = '';
    if (row.rule) {
        const better = row.rule.better === 'higher' ? row.delta > 0 : row.delta < 0;
        mark = row.status === 'noise' ? '⚪ ' : better ? '🟢 ' : '🔴 ';
    }
    const percent = row.percent !== undefined ? ` (${formatPercent(row.percent)})` : '';
    return `${mark}${arrow} ${formatSigned(row.delta)}${percent}`;
}
function thresholdCell(row) {
    if (!row.rule)
        return '—';
    return `${row.rule.better === 'higher' ? '↑' : '↓'} better, ${describeThreshold(row.rule)}`;
}
function noiseText(row) {
    const noise = row.noise;
    const level = `${Math.round(noise.confidence * 1000) / 10}%`;
    if (noise.interval) {
        return `${level} interval ${formatSigned(noise.interval[0])} to ${formatSigned(noise.interval[1])}`;
    }
    const p = noise.pValue ?? 1;
    return `p = ${p < 0.001 ? '<0.001' : p.toFixed(3)}`;
}
function statusCell(row) {
    const status = STATUS[row.status];
    const icon = row.failing ? '❌' : status.icon;
    const parts = [];
    if (row.note)
        parts.push(row.note);
    if (row.noise && row.status !== 'unchanged')
        parts.push(noiseText(row));
    return `${icon} ${status.text}${parts.length > 0 ? ` (${cell(parts.join('; '))})` : ''}`;
}
function trendCell(row, history) {
    if (!history || row.metric === '')
        return '';
    const points = series(history, historyKey(row.group, row.file, row.metric));
    return points.length >= 2 ? sparkline(points) : '';
}
function tableHeader(columns) {
    const header = ['Metric', 'Base', 'Head', 'Change', 'Threshold', ...(columns.trend ? ['Trend'] : []), 'Status'];
    if (columns.file)
        header.unshift('File');
    return [`| ${header.join(' | ')} |`, `| ${header.map(() => '---').join(' | ')} |`];
}
function tableRow(row, columns, history) {
    const cells = [
        metricCell(row.metric),
        valueCell(row.base),
        valueCell(row.head),
        changeCell(row),
        thresholdCell(row),
        ...(columns.trend ? [trendCell(row, history)] : []),
        statusCell(row),
    ];
    if (columns.file)
        cells.unshift(fileCell(row.file));
    return `| ${cells.join(' | ')} |`;
}
function unchangedHeader(columns) {
    const header = ['Metric', 'Value', 'Threshold'];
    if (columns.file)
        header.unshift('File');
    return [`| ${header.join(' | ')} |`, `| ${header.map(() => '---').join(' | ')} |`];
}
function unchangedRow(row, columns) {
    const cells = [metricCell(row.metric), valueCell(row.head), thresholdCell(row)];
    if (columns.file)
        cells.unshift(fileCell(row.file));
    return `| ${cells.join(' | ')} |`;
}
function verdictLine(report) {
    const failing = report.rows.filter((row) => row.failing);
    if (failing.length > 0) {
        const counts = new Map();
        for (const row of failing)
            counts.set(row.status, (counts.get(row.status) ?? 0) + 1);
        const heading = [...counts]
            .map(([status, count]) => {
            const words = FAILURE_WORDS[status] ?? ['problem', 'problems'];
            return plural(count, words[0], words[1]);
        })
            .join(', ');
        const shown = failing.slice(0, 5).map((row) => {
            const what = row.metric === '' ? fileCell(row.file) : `${metricCell(row.metric)}`;
            const detail = row.status === 'regressed' && row.delta !== undefined && row.rule
                ? `${formatSigned(row.delta)}${row.percent !== undefined ? `, ${formatPercent(row.percent)}` : ''}; ${describeThreshold(row.rule)}`
                : STATUS[row.status].text;
            return `${what} in ${cell(row.group)} (${detail})`;
        });
        const more = failing.length > 5 ? `, and ${failing.length - 5} more` : '';
        return `❌ **${heading}**: ${shown.join('; ')}${more}.`;
    }
    if (report.rows.length === 0)
        return '✅ **Nothing to compare**: no service with metrics is part of this change.';
    if (report.verdict === 'no-baseline') {
        return '⚪ **No baseline**: the base has none of these metrics; the head values are shown for reference.';
    }
    const compared = report.rows.filter((row) => row.base !== undefined && row.head !== undefined).length;
    const improved = report.rows.filter((row) => row.status === 'improved').length;
    const worse = report.rows.filter((row) => row.status === 'worse').length;
    const noise = report.rows.filter((row) => row.status === 'noise').length;
    const extras = [
        improved ? `${improved} improved` : '',
        worse ? `${worse} worse within threshold` : '',
        noise ? `${noise} within noise` : '',
    ].filter(Boolean);
    return `✅ **No regression**: ${plural(compared, 'metric', 'metrics')} compared with the base${extras.length ? `; ${extras.join(', ')}` : ''}.`;
}
function contextLine(report) {
    if (report.headLabel && report.baseLabel)
        return `Head ${report.headLabel} compared with base ${report.baseLabel}.`;
    if (report.headLabel)
        return `Head ${report.headLabel}; no base to compare with.`;
    return '';
}
function paramValue(value) {
    if (value === undefined)
        return '—';
    const text = typeof value === 'string' ? value : JSON.stringify(value) ?? String(value);
    return cell(text.length > 80 ? `${text.slice(0, 77)}...` : text);
}
function paramsLines(params) {
    if (params.length === 0)
        return [];
    const rows = params.map((p) => `| ${fileCell(p.file)} | ${metricCell(p.param)} | ${paramValue(p.old)} | ${paramValue(p.new)} |`);
    const table = ['| File | Parameter | Base | Head |', '| --- | --- | --- | --- |', ...rows];
    const heading = `#### Parameters changed (${params.length})`;
    if (params.length > 20) {
        return [heading, '', `<details><summary>${plural(params.length, 'parameter changed', 'parameters changed')}</summary>`, '', ...table, '', '</details>'];
    }
    return [heading, '', ...table];
}
function buildSections(report, history) {
    const trend = history !== undefined && history.runs.length >= 2 && report.rows.some((row) => trendCell(row, history) !== '');
    const sections = [];
    for (const group of report.groups) {
        const rows = report.rows.filter((row) => row.group === group);
        const files = [...new Set(rows.map((row) => row.file).filter((file) => file !== ''))];
        const columns = { file: files.length > 1, trend };
        const failing = rows.some((row) => row.failing);
        const compared = rows.some((row) => row.base !== undefined);
        const heading = [`### ${failing ? '❌' : compared ? '✅' : '⚪'} ${cell(group)}`];
        if (files.length === 1 && files[0] !== group)
            heading.push('', fileCell(files[0]));
        const shown = [...rows.filter((row) => row.failing), ...rows.filter((row) => !row.failing && row.status !== 'unchanged')];
        const unchanged = rows.filter((row) => row.status === 'unchanged');
        sections.push({
            heading,
            header: shown.length > 0 ? tableHeader(columns) : [],
            rows: shown.map((row) => tableRow(row, columns, history)),
            unchanged: unchanged.length > 0
                ? { header: unchangedHeader(columns), rows: unchanged.map((row) => unchangedRow(row, columns)) }
                : undefined,
        });
    }
    return sections;
}
function renderSection(section, includeUnchanged, rowLimit = Infinity) {
    const lines = [...section.heading, ''];
    const rows = section.rows.slice(0, rowLimit);
    if (rows.length > 0)
        lines.push(...section.header, ...rows, '');
    if (section.unchanged && includeUnchanged) {
        const count = section.unchanged.rows.length;
        lines.push(`<details><summary>${plural(count, 'unchanged metric', 'unchanged metrics')}</summary>`, '', ...section.unchanged.header, ...section.unchanged.rows, '', '</details>', '');
    }
    else if (section.unchanged) {
        lines.push(`${plural(section.unchanged.rows.length, 'unchanged metric', 'unchanged metrics')} not shown.`, '');
    }
    return lines;
}
function bytes(text) {
    return Buffer.byteLength(text, 'utf8');
}
/**
 * Renders the report as markdown: the verdict first, then one table per service with the
 * metrics that moved (failures on top), the unchanged ones folded, the parameters that changed,
 * the trend charts when asked for, and a footer. A body over the limit loses the charts and the
 * folded tables, then is cut table row by table row, with a note that links to the job summary,
 * where the full report is.
 */
function renderReport(report, options) {
    const limit = options.limit ?? COMMENT_LIMIT;
    const head = [
        ...(options.marker ? [options.marker] : []),
        `## ${options.title}`,
        '',
        verdictLine(report),
        '',
    ];
    const context = contextLine(report);
    if (context)
        head.push(context, '');
    const footerParts = ['metrics-regression-gate'];
    if (options.rulesSource)
        footerParts.push(`rules from ${options.rulesSource}`);
    if (options.summaryUrl)
        footerParts.push(`[full report in the job summary](${options.summaryUrl})`);
    const footer = [`<sub>${footerParts.join(' · ')}</sub>`];
    let hidden = options.embedHistory && options.history ? renderHistory(options.history) : '';
    const sections = buildSections(report, options.history);
    const params = paramsLines(report.params);
    const assemble = (body) => {
        const lines = [...head, ...body, ...footer];
        if (hidden)
            lines.push(hidden);
        return lines.join('\n') + '\n';
    };
    const charts = options.trendCharts ? trendChartsBlock(report, options.history, options.trendCharts) : [];
    const full = assemble([
        ...sections.flatMap((s) => renderSection(s, true)),
        ...(params.length ? [...params, ''] : []),
        ...charts,
    ]);
    if (bytes(full) <= limit)
        return full;
    const link = options.summaryUrl ? `[the job summary](${options.summaryUrl})` : 'the job summary';
    const compactParams = report.params.length ? [`${plural(report.params.length, 'parameter changed', 'parameters changed')}; see ${link}.`, ''] : [];
    const compact = assemble([...sections.flatMap((s) => renderSection(s, false)), ...compactParams]);
    if (bytes(compact) <= limit)
        return compact;
    // Cut row by row. The history goes first if even the frame does not fit.
    const note = (omitted) => [
        `> [!WARNING]`,
        `> This comment is cut to GitHub's size limit: ${plural(omitted, 'row is', 'rows are')} not shown. The full report is in ${link}.`,
        '',
    ];
    const totalRows = sections.reduce((sum, s) => sum + s.rows.length, 0);
    if (bytes(assemble([...note(totalRows), ...compactParams])) > limit)
        hidden = '';
    const budget = limit - bytes(assemble([...note(totalRows), ...compactParams])) - 16;
    const body = [];
    let used = 0;
    let shown = 0;
    for (const section of sections) {
        const frame = bytes(renderSection({ ...section, rows: [] }, false).join('\n')) + bytes(section.header.join('\n')) + 4;
        if (used + frame > budget)
            break;
        let take = 0;
        let size = frame;
        while (take < section.rows.length && used + size + bytes(section.rows[take]) + 1 <= budget) {
            size += bytes(section.rows[take]) + 1;
            take++;
        }
        body.push(...renderSection(section, false, take));
        used += size;
        shown += take;
        if (take < section.rows.length)
            break;
    }
    return assemble([...note(totalRows - shown), ...body, ...compactParams]);
}

// EXTERNAL MODULE: ./node_modules/picomatch/index.js
var picomatch = __nccwpck_require__(4006);
var picomatch_default = /*#__PURE__*/__nccwpck_require__.n(picomatch);
;// CONCATENATED MODULE: ./src/catalog/globs.ts

/**
 * How every action matches the catalog's globs against repository paths: picomatch with dot
 * files included (`**` matches `.github/...`). The loader compiles each glob once to validate it;
 * matchers reuse the compiled expression through `globRegExp`.
 */
const GLOB_OPTIONS = { dot: true };
const compiled = new Map();
/**
 * Whether picomatch can fail to compile a glob: only with brackets, braces, parentheses, '!',
 * '+' (repeated) or a backslash (a test fuzzes the rest). The loader compiles only those, which
 * keeps loading a large catalog fast; matchers compile every glob anyway.
 */
function mayFailToCompile(glob) {
    return /[+[\]{}()!\\]/.test(glob);
}
/** The compiled expression of a glob; throws picomatch's error when the glob cannot compile. */
function globRegExp(glob) {
    let regExp = compiled.get(glob);
    if (!regExp) {
        // `debug` makes picomatch throw on an invalid glob instead of returning a never-matching one.
        regExp = picomatch_default().makeRe(glob, { ...GLOB_OPTIONS, debug: true });
        compiled.set(glob, regExp);
    }
    return regExp;
}
/** The directory a glob starts from: `services/a` for `services/a/**`, `.` for `**\/*.py`. */
function globBase(glob) {
    const scan = picomatch_default().scan(glob);
    if (scan.isGlob)
        return scan.base || '.';
    const slash = glob.lastIndexOf('/');
    return slash > 0 ? glob.slice(0, slash) : '.';
}

;// CONCATENATED MODULE: external "node:child_process"
const external_node_child_process_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:child_process");
;// CONCATENATED MODULE: ./src/core/exec.ts




class ExecFailedError extends Error {
    commandLine;
    result;
    name = 'ExecFailedError';
    constructor(commandLine, result) {
        const tail = lastLines(result.stderr || result.stdout, 5);
        super(`${commandLine} exited with ${result.signal ?? result.exitCode}` + (tail ? `:\n${tail}` : ''));
        this.commandLine = commandLine;
        this.result = result;
    }
}
/** Quotes an argument for display only; nothing here is ever run through a shell. */
function displayArg(arg) {
    return /^[\w@%+=:,./-]+$/.test(arg) ? arg : `'${arg.replace(/'/g, `'\\''`)}'`;
}
function commandLine(file, args) {
    return (0,secrets/* redact */.E$)([file, ...args].map(displayArg).join(' '));
}
function lastLines(text, count) {
    const lines = text.trimEnd().split(/\r?\n/);
    return (0,secrets/* redact */.E$)(lines.slice(-count).join('\n'));
}
/**
 * Runs a program directly (never through a shell) and returns its exit code and output.
 * A missing program becomes a ConfigurationError; a non-zero exit is returned, not thrown:
 * use `execOrThrow` when any failure is an error.
 */
function exec(file, args, options = {}) {
    const line = commandLine(file, args);
    if (!options.quiet)
        runner/* info */.pq(`[command]${line}`);
    return new Promise((resolve, reject) => {
        const child = (0,external_node_child_process_namespaceObject.spawn)(file, args, {
            cwd: options.cwd,
            env: options.replaceEnv ? options.env : { ...process.env, ...options.env },
            stdio: ['pipe', 'pipe', 'pipe'],
            shell: false,
        });
        const out = [];
        const err = [];
        const pending = { stdout: '', stderr: '' };
        let timer;
        if (options.timeoutMs !== undefined) {
            timer = setTimeout(() => child.kill('SIGTERM'), options.timeoutMs);
        }
        const onData = (stream, chunk) => {
            (stream === 'stdout' ? out : err).push(chunk);
            if (options.stream)
                process.stdout.write((0,secrets/* redact */.E$)(chunk.toString('utf8')));
            if (options.onLine) {
                const text = pending[stream] + chunk.toString('utf8');
                const lines = text.split(/\r?\n/);
                pending[stream] = lines.pop() ?? '';
                for (const l of lines)
                    options.onLine(l, stream);
            }
        };
        child.stdout.on('data', (chunk) => onData('stdout', chunk));
        child.stderr.on('data', (chunk) => onData('stderr', chunk));
        child.on('error', (error) => {
            if (timer)
                clearTimeout(timer);
            if (error.code === 'ENOENT') {
                reject(new errors/* ConfigurationError */.j1(`'${file}' was not found on PATH` + (options.missingHint ? `; ${options.missingHint}` : '')));
            }
            else {
                reject(error);
            }
        });
        child.on('close', (code, signal) => {
            if (timer)
                clearTimeout(timer);
            if (options.onLine) {
                for (const stream of ['stdout', 'stderr']) {
                    if (pending[stream] !== '')
                        options.onLine(pending[stream], stream);
                }
            }
            const stdoutBuffer = Buffer.concat(out);
            resolve({
                exitCode: code ?? 1,
                signal,
                stdout: stdoutBuffer.toString('utf8'),
                stderr: Buffer.concat(err).toString('utf8'),
                stdoutBuffer,
            });
        });
        child.stdin.on('error', () => {
            /* the child may exit before reading its input; its exit code tells what happened */
        });
        child.stdin.end(options.input);
    });
}
async function execOrThrow(file, args, options = {}) {
    const result = await exec(file, args, options);
    if (result.exitCode !== 0 || result.signal)
        throw new ExecFailedError(commandLine(file, args), result);
    return result;
}

;// CONCATENATED MODULE: ./src/git/git.ts


/** Keeps git from waiting for a password or a pager in a job that nobody watches. */
const GIT_ENV = {
    GIT_TERMINAL_PROMPT: '0',
    GCM_INTERACTIVE: 'never',
    GIT_PAGER: 'cat',
    GIT_OPTIONAL_LOCKS: '0',
};
const MISSING_HINT = 'install git on the runner (GitHub-hosted runners have it; on a self-hosted runner or in a ' +
    'container job, add it to the image)';
async function git(cwd, args, options = {}) {
    const result = await exec('git', args, {
        cwd,
        env: GIT_ENV,
        input: options.input,
        quiet: options.quiet,
        timeoutMs: options.timeoutMs,
        missingHint: MISSING_HINT,
    });
    if (result.exitCode === 0 && !result.signal)
        return result;
    const failure = explainFailure(cwd, args, result);
    // A repository-level problem is reported even where the exit code would be an answer.
    if (failure instanceof errors/* ConfigurationError */.j1 || result.signal)
        throw failure;
    if ((options.okExitCodes ?? []).includes(result.exitCode))
        return result;
    throw failure;
}
/** The error for a failed git call: a ConfigurationError when the user can fix the cause. */
function explainFailure(cwd, args, result) {
    const stderr = result.stderr;
    if (/not a git repository/i.test(stderr)) {
        return new errors/* ConfigurationError */.j1(`${cwd} is not a git repository; check the repository out first (a step with ` +
            `'uses: actions/checkout@v5' before this one), or point the working directory at the checkout`);
    }
    if (/detected dubious ownership/i.test(stderr)) {
        return new errors/* ConfigurationError */.j1(`git refuses to work in ${cwd} because the directory belongs to another user; in a container ` +
            `job, run \`git config --global --add safe.directory "$GITHUB_WORKSPACE"\` before this step ` +
            `(actions/checkout does this when it makes the checkout)`);
    }
    return new ExecFailedError(`git ${args.join(' ')}`, result);
}
const ZERO_SHA = /^0+$/;
const FULL_SHA = /^[0-9a-f]{40}([0-9a-f]{24})?$/i;

;// CONCATENATED MODULE: ./src/git/objects.ts

/**
 * Reads many objects with one git process: `cat-file --batch-check` resolves names,
 * `cat-file --batch` reads contents. Each spawned git costs milliseconds, so callers
 * gather their questions and ask them together.
 */
/**
 * Resolves revision names (SHAs, branches, tags, `origin/main`, `HEAD~2`...) to the full
 * SHA of the commit they name; undefined for a name that is missing or not a commit.
 */
async function resolveCommits(cwd, names) {
    if (names.length === 0)
        return [];
    if (names.some((name) => name.includes('\n')))
        throw new Error('a revision name cannot contain a newline');
    const input = names.map((name) => `${name}^{commit}\n`).join('');
    const result = await git(cwd, ['cat-file', '--batch-check=%(objectname) %(objecttype)'], { input });
    const lines = result.stdout.split('\n');
    return names.map((_, index) => {
        const match = /^([0-9a-f]{40}(?:[0-9a-f]{24})?) commit$/.exec(lines[index] ?? '');
        return match?.[1];
    });
}
/**
 * Reads objects by name (`<rev>:<path>`, `<rev>^{commit}`...); undefined for a name that
 * does not resolve, or resolves to an object that is not here (a submodule's commit).
 */
async function readObjects(cwd, names) {
    if (names.length === 0)
        return [];
    // A name with a newline needs NUL-separated input (git 2.38+); plain lines work everywhere else.
    const nulSeparated = names.some((name) => name.includes('\n'));
    const separator = nulSeparated ? '\0' : '\n';
    const args = nulSeparated ? ['cat-file', '--batch', '-z'] : ['cat-file', '--batch'];
    const result = await git(cwd, args, { input: names.map((name) => name + separator).join('') });
    return parseBatch(result.stdoutBuffer, names);
}
/**
 * Reads files at commits; undefined where the file does not exist at that commit or is not
 * a file there (a directory, a submodule). Symbolic links read as their target path, as git
 * stores them.
 */
async function readBlobs(cwd, requests) {
    const objects = await readObjects(cwd, requests.map(({ ref, path }) => `${ref}:${path}`));
    return objects.map((object) => (object?.type === 'blob' ? object.content : undefined));
}
const NEWLINE = 0x0a;
const TYPES = new Set(['blob', 'tree', 'commit', 'tag']);
/** Parses `cat-file --batch` output: "<oid> <type> <size>\n<content>\n" or "<name> missing\n". */
function parseBatch(output, names) {
    const objects = [];
    let position = 0;
    for (const name of names) {
        // The name is echoed back for a missing object; it may itself contain newlines.
        const echoed = [`${name} missing\n`, `${name} ambiguous\n`].map((text) => Buffer.from(text, 'utf8'));
        const notFound = echoed.find((text) => output.subarray(position, position + text.length).equals(text));
        if (notFound) {
            objects.push(undefined);
            position += notFound.length;
            continue;
        }
        const end = output.indexOf(NEWLINE, position);
        if (end < 0)
            throw new Error(`unexpected end of git cat-file output while reading ${name}`);
        const header = output.toString('utf8', position, end).split(' ');
        position = end + 1;
        if (header.length !== 3) {
            // "<oid> missing": the name resolved (a submodule's commit) but the object is not here.
            objects.push(undefined);
            continue;
        }
        const [, type = '', sizeText = ''] = header;
        const size = Number(sizeText);
        if (!TYPES.has(type) || !Number.isSafeInteger(size)) {
            throw new Error(`unexpected git cat-file header '${header.join(' ')}'`);
        }
        objects.push({ type: type, content: output.subarray(position, position + size) });
        position += size + 1;
    }
    return objects;
}

;// CONCATENATED MODULE: ./src/metrics/dvc-diff.ts


/**
 * Reads the output of `dvc metrics diff <a_rev> [<b_rev>] --all --json`:
 * {"<path>": {"<metric>": {"old": <value|null>, "new": <value|null>, "diff": <number>}}}.
 * Metric names are already flattened by DVC and are kept as printed. `null` means the metric
 * (or its whole file) is absent on that side; DVC also prints null for a file it failed to read
 * and still exits 0, so an absent side here is "unknown", never an error by itself.
 */
function parseDvcMetricsDiff(text) {
    const trimmed = text.trim();
    const result = { old: new Map(), new: new Map() };
    if (trimmed === '')
        return result;
    let document;
    try {
        document = parsePythonJson(trimmed);
    }
    catch (error) {
        throw new Error(`dvc metrics diff printed output that is not JSON: ${error instanceof Error ? error.message : String(error)}`);
    }
    if (typeof document !== 'object' || document === null || Array.isArray(document)) {
        throw new Error('dvc metrics diff printed JSON that is not a mapping of files to metrics');
    }
    for (const [rawPath, metrics] of Object.entries(document)) {
        if (typeof metrics !== 'object' || metrics === null || Array.isArray(metrics))
            continue;
        const path = rawPath.replace(/\\/g, '/');
        const oldSide = new Map();
        const newSide = new Map();
        for (const [metric, entry] of Object.entries(metrics)) {
            if (typeof entry !== 'object' || entry === null || Array.isArray(entry))
                continue;
            const { old: oldValue, new: newValue } = entry;
            if (oldValue !== null && oldValue !== undefined)
                oldSide.set(metric, toMetricValue(oldValue));
            if (newValue !== null && newValue !== undefined)
                newSide.set(metric, toMetricValue(newValue));
        }
        result.old.set(path, regroupSampleKeys(oldSide));
        result.new.set(path, regroupSampleKeys(newSide));
    }
    return result;
}

;// CONCATENATED MODULE: ./src/metrics/sources.ts











/**
 * Where the metrics come from: the head from the working tree (as the job produced or pulled
 * them), the base from the base commit — with git for files git tracks, with
 * `dvc metrics diff` for DVC outputs, which git does not hold.
 */
const DVC_HINT = 'install DVC on the runner (pip install dvc) before this step, or keep the metrics files in git';
/** Reads the head's metrics files from the working tree. */
function readHeadFiles(root, files) {
    const reads = new Map();
    const dvcProject = (0,external_node_fs_.existsSync)((0,external_node_path_namespaceObject.join)(root, '.dvc'));
    for (const file of files) {
        let text;
        try {
            text = (0,external_node_fs_.readFileSync)((0,external_node_path_namespaceObject.join)(root, file), 'utf8');
        }
        catch (error) {
            if ((0,errors/* isErrnoException */.s$)(error) && error.code === 'ENOENT') {
                reads.set(file, {
                    status: 'missing',
                    reason: dvcProject ? 'if it is a DVC output, reproduce or pull it before this step' : undefined,
                });
            }
            else if ((0,errors/* isErrnoException */.s$)(error) && error.code === 'EISDIR') {
                reads.set(file, { status: 'unreadable', reason: 'it is a directory' });
            }
            else {
                reads.set(file, { status: 'unreadable', reason: error instanceof Error ? error.message : String(error) });
            }
            continue;
        }
        reads.set(file, parseMetricsText(file, text));
    }
    return reads;
}
/** Fails with a ConfigurationError that says what to do when `root` is not inside a git checkout. */
async function checkRepository(root) {
    await git(root, ['rev-parse', '--show-toplevel'], { quiet: true });
}
/**
 * The commit a ref names, fetching it from origin when the checkout does not have it
 * (actions/checkout fetches one commit by default).
 */
async function resolveBase(root, ref, source) {
    const candidates = /^[0-9a-f]{40}$/i.test(ref) ? [ref] : [ref, `origin/${ref}`];
    const found = (await resolveCommits(root, candidates)).find((sha) => sha !== undefined);
    if (found)
        return found;
    runner/* info */.pq(`${source} ${ref} is not in the checkout; fetching it from origin`);
    // One commit deep in a shallow clone; in a full clone --depth would make the clone shallow.
    const shallow = (await git(root, ['rev-parse', '--is-shallow-repository'], { quiet: true })).stdout.trim() === 'true';
    const depth = shallow ? ['--depth=1'] : [];
    const fetched = await git(root, ['fetch', '--no-tags', ...depth, 'origin', ref], { okExitCodes: [1, 128] });
    if (fetched.exitCode === 0) {
        const [sha] = await resolveCommits(root, [/^[0-9a-f]{40}$/i.test(ref) ? ref : 'FETCH_HEAD']);
        if (sha)
            return sha;
    }
    throw new errors/* ConfigurationError */.j1(`${source} '${ref}' is not in the checkout and could not be fetched from origin` +
        (fetched.stderr.trim() ? ` (${lastLines(fetched.stderr, 1)})` : '') +
        `; check out with 'fetch-depth: 0' (actions/checkout), or set 'baseline' to a branch, tag or commit that exists`);
}
/** Files' contents at a commit (undefined where the file is not in that commit's tree). */
async function readAtCommit(root, sha, files) {
    const blobs = await readBlobs(root, files.map((file) => ({ ref: sha, path: `./${file}` })));
    return new Map(files.map((file, i) => [file, blobs[i]?.toString('utf8')]));
}
/** Which of the files git tracks in the working tree's index. */
async function trackedByGit(root, files) {
    if (files.length === 0)
        return new Set();
    const result = await git(root, ['ls-files', '-z', '--', ...files.map((file) => `:(literal)${file}`)], { quiet: true });
    return new Set(result.stdout.split('\0').filter((line) => line !== ''));
}
/**
 * Reads the base's metrics files. A file in the base commit's tree is read from git. A file
 * that git does not track (a DVC output) is read through `dvc metrics diff <base> --json`,
 * which finds it in the DVC cache or the remote; DVC exits 0 even when it could not load a
 * revision and says so only on stderr, which is read to tell "absent" from "unreadable".
 */
async function readBaseFiles(root, base, files) {
    const reads = new Map();
    const contents = await readAtCommit(root, base, files);
    const notInGit = [];
    for (const [file, text] of contents) {
        if (text !== undefined)
            reads.set(file, parseMetricsText(file, text));
        else
            notInGit.push(file);
    }
    if (notInGit.length === 0)
        return reads;
    const tracked = await trackedByGit(root, notInGit);
    const dvcFiles = [];
    for (const file of notInGit) {
        if (tracked.has(file) || !(0,external_node_fs_.existsSync)((0,external_node_path_namespaceObject.join)(root, '.dvc'))) {
            reads.set(file, { status: 'missing', reason: 'not in the base commit' });
        }
        else {
            dvcFiles.push(file);
        }
    }
    if (dvcFiles.length > 0) {
        for (const [file, read] of await readBaseWithDvc(root, base, dvcFiles))
            reads.set(file, read);
    }
    return reads;
}
async function readBaseWithDvc(root, base, files) {
    const reads = new Map();
    const result = await exec('dvc', ['metrics', 'diff', base, '--all', '--json', '--targets', ...files], {
        cwd: root,
        missingHint: DVC_HINT,
    });
    if (result.exitCode !== 0) {
        const reason = `dvc metrics diff failed: ${lastLines(result.stderr || result.stdout, 1)}`;
        for (const file of files)
            reads.set(file, { status: 'unreadable', reason });
        return reads;
    }
    const diff = parseDvcMetricsDiff(result.stdout);
    const failedRevisions = /failed to load .*revisions?:\s*'([^']*)'/i.exec(result.stderr)?.[1] ?? '';
    const baseFailed = failedRevisions.split(/,\s*/).some((rev) => rev !== '' && base.startsWith(rev.trim()));
    for (const file of files) {
        const old = diff.old.get(file);
        if (old && old.size > 0)
            reads.set(file, { status: 'ok', metrics: old });
        else if (baseFailed) {
            reads.set(file, {
                status: 'unreadable',
                reason: 'DVC could not load it at the base commit (its data is neither in the DVC cache nor in the remote the base configures)',
            });
        }
        else
            reads.set(file, { status: 'missing', reason: 'not an output of the base commit' });
    }
    if (result.stderr.trim())
        runner/* debug */.Yz(`dvc metrics diff: ${result.stderr.trim()}`);
    return reads;
}
const SKIPPED_FOLDERS = new Set(['.git', '.dvc', 'node_modules', '.venv', '__pycache__']);
/** Files of the working tree under `folder` (repository-relative, forward slashes). */
function walk(root, folder, out) {
    let entries;
    try {
        entries = (0,external_node_fs_.readdirSync)((0,external_node_path_namespaceObject.join)(root, folder), { withFileTypes: true });
    }
    catch {
        return;
    }
    for (const entry of entries) {
        const path = folder === '.' ? entry.name : `${folder}/${entry.name}`;
        if (entry.isDirectory()) {
            if (!SKIPPED_FOLDERS.has(entry.name))
                walk(root, path, out);
        }
        else if (entry.isFile()) {
            out.push(path);
        }
    }
}
/**
 * Expands the `files` input: each glob is matched against the working tree and, when a base is
 * known, against the base commit's tree, so a metrics file deleted by the change still shows.
 * A name without glob characters is kept even when it matches nothing (it shows as missing).
 */
async function expandFileGlobs(root, globs, base) {
    const found = [];
    const add = (file) => {
        if (!found.includes(file))
            found.push(file);
    };
    const baseFiles = base
        ? (await git(root, ['ls-tree', '-r', '-z', '--name-only', base, '--', '.'], { quiet: true })).stdout.split('\0').filter(Boolean)
        : [];
    for (const glob of globs) {
        const pattern = glob.replace(/^\.\//, '');
        if (!picomatch_default().scan(pattern).isGlob) {
            add(pattern);
            continue;
        }
        let regExp;
        try {
            regExp = globRegExp(pattern);
        }
        catch (error) {
            throw new errors/* ConfigurationError */.j1(`input 'files': '${glob}' is not a valid glob (${error instanceof Error ? error.message : String(error)})`);
        }
        const head = [];
        walk(root, globBase(pattern), head);
        const matched = [...head, ...baseFiles].filter((file) => regExp.test(file)).sort();
        if (matched.length === 0)
            runner/* warning */.$e(`input 'files': '${glob}' matches no file at the head or the base`);
        for (const file of matched)
            add(file);
    }
    return found;
}

;// CONCATENATED MODULE: ./src/comments/client.ts
/** The HTTP status of an Octokit RequestError (or anything shaped like one). */
function httpStatus(error) {
    if (typeof error === 'object' && error !== null && 'status' in error) {
        const status = error.status;
        return typeof status === 'number' ? status : undefined;
    }
    return undefined;
}
function errorMessage(error) {
    return error instanceof Error ? error.message : String(error);
}

;// CONCATENATED MODULE: ./src/comments/marker.ts
/**
 * The hidden first line that identifies a sticky comment. It names the tool and the title,
 * so two workflows (or two gates with different titles) keep separate comments. The title
 * is percent-encoded, hyphens included, so no title can end the HTML comment early.
 */
function stickyMarker(tool, title) {
    const encoded = encodeURIComponent(title).replace(/-/g, '%2D');
    return `<!-- aura:${tool} title="${encoded}" -->`;
}
function hasMarker(body, marker) {
    return typeof body === 'string' && body.includes(marker);
}
/** Bodies are the same when they differ only in line endings or trailing whitespace. */
function sameBody(a, b) {
    const normalise = (text) => text.replace(/\r\n/g, '\n').trimEnd();
    return typeof a === 'string' && normalise(a) === normalise(b);
}

;// CONCATENATED MODULE: ./src/comments/sticky.ts



const PER_PAGE = 100;
function toComment(raw) {
    if (typeof raw !== 'object' || raw === null)
        return undefined;
    const data = raw;
    if (typeof data.id !== 'number')
        return undefined;
    const user = data.user;
    return {
        id: data.id,
        body: typeof data.body === 'string' ? data.body : '',
        url: typeof data.html_url === 'string' ? data.html_url : '',
        author: user && typeof user.login === 'string'
            ? { login: user.login, type: typeof user.type === 'string' ? user.type : 'User' }
            : undefined,
    };
}
function hasNextPage(headers) {
    const link = headers.link;
    return typeof link === 'string' && /rel="next"/.test(link);
}
/** 401, 403 and 404 on a pull request's comments mean the token cannot do this here; nothing to retry. */
function denied(error, doing) {
    const status = httpStatus(error);
    if (status !== 401 && status !== 403 && status !== 404)
        return undefined;
    // A rate limit the throttling plugin gave up on is also a 403, but says nothing about permissions.
    if (/rate limit/i.test(errorMessage(error)))
        return undefined;
    const why = status === 403
        ? 'the token may not write to this pull request (a pull request from a fork, or a token without pull-requests: write)'
        : status === 404
            ? 'the pull request was not found, or the token cannot see it'
            : 'the token was not accepted';
    return { status, message: `${doing} failed with HTTP ${status}: ${why}` };
}
/**
 * One comment per pull request and marker, updated in place ("sticky"), as `cml comment update`
 * and codecov's pull-request comment behave. The comment is found by its hidden marker and by its
 * author across every page of comments. Creation is made safe against a concurrent run (or a
 * retried request that GitHub had already stored): after creating, the comments are listed again,
 * the oldest one carrying the marker is kept and the newer duplicates are deleted.
 */
class StickyComment {
    client;
    issue;
    marker;
    identity;
    /** The comment found when opened; its body carries the previous runs' history. */
    existing;
    duplicates = [];
    constructor(client, issue, marker, 
    /** Our login when the token can tell it (personal tokens); undefined for app and Actions tokens. */
    identity) {
        this.client = client;
        this.issue = issue;
        this.marker = marker;
        this.identity = identity;
    }
    /** Finds the existing comment. Returns a `forbidden` outcome when the comments cannot be read. */
    static async open(client, issue, marker) {
        const identity = await whoAmI(client);
        const sticky = new StickyComment(client, issue, marker, identity);
        try {
            const ours = await sticky.listOurs();
            sticky.existing = ours[0];
            sticky.duplicates = ours.slice(1);
        }
        catch (error) {
            const refusal = denied(error, 'reading the pull request comments');
            if (refusal)
                return { action: 'forbidden', reason: refusal.message, status: refusal.status };
            throw error;
        }
        return sticky;
    }
    isOurs(comment) {
        if (!hasMarker(comment.body, this.marker) || !comment.author)
            return false;
        // Without a known login, only a bot (the Actions token, an app) can have written our comment:
        // a marker pasted by a person is never taken for ours.
        return this.identity !== undefined ? comment.author.login === this.identity : comment.author.type === 'Bot';
    }
    /** Every comment with the marker written by us, oldest first. */
    async listOurs() {
        const found = [];
        for (let page = 1;; page++) {
            const response = await this.client.request('GET /repos/{owner}/{repo}/issues/{issue_number}/comments', {
                owner: this.issue.owner,
                repo: this.issue.repo,
                issue_number: this.issue.number,
                per_page: PER_PAGE,
                page,
            });
            const items = Array.isArray(response.data) ? response.data : [];
            for (const raw of items) {
                const comment = toComment(raw);
                if (comment && this.isOurs(comment))
                    found.push(comment);
            }
            if (!hasNextPage(response.headers) || items.length === 0)
                break;
        }
        return found.sort((a, b) => a.id - b.id);
    }
    async create(body) {
        const response = await this.client.request('POST /repos/{owner}/{repo}/issues/{issue_number}/comments', {
            owner: this.issue.owner,
            repo: this.issue.repo,
            issue_number: this.issue.number,
            body,
        });
        const comment = toComment(response.data);
        if (!comment)
            throw new Error('GitHub answered the comment creation without a comment');
        return comment;
    }
    async update(id, body) {
        const response = await this.client.request('PATCH /repos/{owner}/{repo}/issues/comments/{comment_id}', {
            owner: this.issue.owner,
            repo: this.issue.repo,
            comment_id: id,
            body,
        });
        const comment = toComment(response.data);
        if (!comment)
            throw new Error('GitHub answered the comment update without a comment');
        return comment;
    }
    async remove(comment) {
        try {
            await this.client.request('DELETE /repos/{owner}/{repo}/issues/comments/{comment_id}', {
                owner: this.issue.owner,
                repo: this.issue.repo,
                comment_id: comment.id,
            });
            return true;
        }
        catch (error) {
            // Another run deleted it first.
            if (httpStatus(error) === 404)
                return false;
            throw error;
        }
    }
    async removeAll(comments) {
        let removed = 0;
        for (const comment of comments) {
            if (await this.remove(comment)) {
                runner/* info */.pq(`Deleted duplicate comment ${comment.id}`);
                removed++;
            }
        }
        return removed;
    }
    /** Runs a write; a 422 (body rejected) is retried once with the fallback body. */
    async withFallback(body, options, write) {
        try {
            return await write(body);
        }
        catch (error) {
            if (httpStatus(error) !== 422 || options.fallbackBody === undefined)
                throw error;
            runner/* warning */.$e(`GitHub rejected the comment (${errorMessage(error)}); posting the short form that links to the job summary`);
            return write(options.fallbackBody);
        }
    }
    /** Writes the body: nothing when it is already there, an update in place, or one new comment. */
    async write(body, options) {
        try {
            return await this.writeUnsafe(body, options);
        }
        catch (error) {
            const refusal = denied(error, 'writing the pull request comment');
            if (refusal)
                return { action: 'forbidden', reason: refusal.message, status: refusal.status };
            throw error;
        }
    }
    async writeUnsafe(body, options) {
        const existing = this.existing;
        if (existing) {
            const duplicatesRemoved = await this.removeAll(this.duplicates);
            if (sameBody(existing.body, body))
                return { action: 'unchanged', comment: existing, duplicatesRemoved };
            const updated = await this.withFallback(body, options, (text) => this.update(existing.id, text));
            return { action: 'updated', comment: updated, duplicatesRemoved };
        }
        if (!options.createIfMissing)
            return { action: 'skipped', reason: 'nothing changed and no comment exists yet' };
        const created = await this.withFallback(body, options, (text) => this.create(text));
        if (this.identity === undefined && created.author && created.author.type !== 'Bot')
            this.identity = created.author.login;
        // A concurrent run, or a create that GitHub stored before an error made the client retry it,
        // may have left more than one comment: keep the oldest, delete the rest.
        const ours = await this.listOurs();
        if (!ours.some((comment) => comment.id === created.id))
            ours.push(created);
        ours.sort((a, b) => a.id - b.id);
        const keep = ours[0];
        const duplicatesRemoved = await this.removeAll(ours.slice(1));
        // Either way this run's create made the one comment that is left hold the body.
        if (keep.id === created.id || sameBody(keep.body, created.body))
            return { action: 'created', comment: keep, duplicatesRemoved };
        const updated = await this.withFallback(body, options, (text) => this.update(keep.id, text));
        return { action: 'updated', comment: updated, duplicatesRemoved };
    }
}
/** The login behind the token, when GitHub tells it (personal tokens); Actions and app tokens cannot ask. */
async function whoAmI(client) {
    try {
        const response = await client.request('GET /user');
        const login = response.data?.login;
        return typeof login === 'string' ? login : undefined;
    }
    catch (error) {
        const status = httpStatus(error);
        if (status === 401 || status === 403 || status === 404)
            return undefined;
        throw error;
    }
}

;// CONCATENATED MODULE: ./src/actions/metrics-regression-gate/comment.ts






const TOOL = 'metrics-regression-gate';
function hasChanges(report) {
    return report.params.length > 0 || report.rows.some((row) => row.status !== 'unchanged');
}
/** The short body posted when GitHub refuses the full one: the verdict and where the report is. */
function shortBody(full, marker, summaryUrl) {
    const lines = full.split('\n');
    const heading = lines.findIndex((line) => line.startsWith('## '));
    const verdict = lines.slice(heading, heading + 4).join('\n');
    const where = summaryUrl ? `[the job summary](${summaryUrl})` : 'the job summary';
    return `${marker}\n${verdict.length > 4000 ? verdict.slice(0, 4000) + '…' : verdict}\n\nThe full report is in ${where}.\n`;
}
/**
 * Posts or updates the sticky comment. Never throws for GitHub's sake: a comment that cannot be
 * posted is a notice (and a note in the summary); the gate still decides on the metrics.
 */
async function postComment(request) {
    const marker = stickyMarker(TOOL, request.title);
    const render = (history) => renderReport(request.report, {
        title: request.title,
        marker,
        summaryUrl: request.summaryUrl,
        history,
        embedHistory: history !== undefined,
        limit: COMMENT_LIMIT,
        rulesSource: request.rulesSource,
    });
    const pull = request.pullRequest;
    const withoutComment = (problem) => ({ markdown: render(undefined), history: undefined, url: undefined, problem });
    if (request.mode === 'off')
        return withoutComment();
    if (!pull) {
        runner/* info */.pq('Not a pull request run: no comment; the report is in the job summary');
        return withoutComment();
    }
    if (pull.isFork && request.eventName === 'pull_request') {
        const problem = 'the pull request comes from a fork, where the workflow token is read-only; the report is in the job summary ' +
            '(to comment on fork pull requests, post from a workflow_run workflow and pass its pull-request number)';
        runner/* notice */.lm(`${TOOL}: no comment: ${problem}`, { title: TOOL });
        return withoutComment(problem);
    }
    const issue = { owner: pull.owner, repo: pull.repo, number: pull.number };
    try {
        // Loaded only when a comment is posted: Octokit's HTTP stack costs tens of milliseconds at start.
        const { createOctokit } = await Promise.all(/* import() */[__nccwpck_require__.e(239), __nccwpck_require__.e(584)]).then(__nccwpck_require__.bind(__nccwpck_require__, 6584));
        const client = createOctokit(request.token);
        const opened = await StickyComment.open(client, issue, marker);
        if (!(opened instanceof StickyComment))
            return forbidden(opened, withoutComment);
        let history = readHistory(opened.existing?.body);
        if (request.headSha && request.values.size > 0)
            history = addRun(history, request.headSha.slice(0, 7), request.values);
        const markdown = render(history);
        const outcome = await opened.write(markdown, {
            createIfMissing: request.mode === 'sticky' || hasChanges(request.report),
            fallbackBody: shortBody(markdown, marker, request.summaryUrl),
        });
        if (outcome.action === 'forbidden')
            return { ...forbidden(outcome, withoutComment), markdown, history };
        if (outcome.action === 'skipped') {
            runner/* info */.pq(`No comment: ${outcome.reason} (comment: on-change)`);
            return { markdown, history, url: undefined, problem: undefined };
        }
        const verb = { created: 'Created', updated: 'Updated', unchanged: 'Left unchanged' }[outcome.action];
        runner/* info */.pq(`${verb} the comment ${outcome.comment.url}` + (outcome.duplicatesRemoved ? ` (removed ${outcome.duplicatesRemoved} duplicate${outcome.duplicatesRemoved === 1 ? '' : 's'})` : ''));
        return { markdown, history, url: outcome.comment.url, problem: undefined };
    }
    catch (error) {
        const problem = `the comment could not be posted: ${errorMessage(error)}`;
        runner/* warning */.$e(`${TOOL}: ${problem}; the report is in the job summary`, { title: TOOL });
        return withoutComment(problem);
    }
}
function forbidden(outcome, withoutComment) {
    runner/* notice */.lm(`${TOOL}: no comment: ${outcome.reason}; the report is in the job summary`, { title: TOOL });
    return withoutComment(outcome.reason);
}

;// CONCATENATED MODULE: ./src/github/context.ts


const NAME = /^[A-Za-z0-9_.-]+$/;
function parseRepository(value, source) {
    const [owner, repo, extra] = value.trim().split('/');
    if (!owner || !repo || extra !== undefined || !NAME.test(owner) || !NAME.test(repo)) {
        throw new errors/* ConfigurationError */.j1(`${source} must be a repository written owner/name, got '${value}'`);
    }
    return { owner, repo };
}
function repositoryFromEnv(env = process.env) {
    const value = env['GITHUB_REPOSITORY'];
    if (!value) {
        throw new errors/* ConfigurationError */.j1('GITHUB_REPOSITORY is not set: run this step in a GitHub Actions job, or set GITHUB_REPOSITORY to owner/name');
    }
    return parseRepository(value, 'GITHUB_REPOSITORY');
}
function apiUrlFromEnv(env = process.env) {
    return (env['GITHUB_API_URL'] || 'https://api.github.com').replace(/\/+$/, '');
}
function readEvent(env = process.env) {
    const name = env['GITHUB_EVENT_NAME'] ?? '';
    const path = env['GITHUB_EVENT_PATH'];
    if (!path)
        return { name, payload: {} };
    let text;
    try {
        text = (0,external_node_fs_.readFileSync)(path, 'utf8');
    }
    catch (error) {
        const reason = (0,errors/* isErrnoException */.s$)(error) ? error.code : String(error);
        throw new errors/* ConfigurationError */.j1(`cannot read the event payload at GITHUB_EVENT_PATH=${path} (${reason})`);
    }
    let payload;
    try {
        payload = JSON.parse(text);
    }
    catch (error) {
        throw new errors/* ConfigurationError */.j1(`the event payload is not valid JSON: ${error instanceof Error ? error.message : String(error)}`, { file: path });
    }
    if (payload === null || typeof payload !== 'object' || Array.isArray(payload)) {
        throw new errors/* ConfigurationError */.j1('the event payload is not a JSON object', { file: path });
    }
    return { name, payload: payload };
}
/** A pull request number given by a user (an input), checked. */
function parsePullRequestNumber(value, source) {
    const text = value.trim().replace(/^#/, '');
    if (!/^\d+$/.test(text) || Number(text) < 1) {
        throw new errors/* ConfigurationError */.j1(`${source} must be a pull request number such as 42, got '${value}'`);
    }
    return Number(text);
}
function record(value) {
    return value !== null && typeof value === 'object' && !Array.isArray(value)
        ? value
        : undefined;
}
function side(value, fallbackRepo) {
    const data = record(value);
    if (!data || typeof data['ref'] !== 'string' || typeof data['sha'] !== 'string')
        return undefined;
    const repo = record(data['repo']);
    const fullName = typeof repo?.['full_name'] === 'string' ? repo['full_name'] : fallbackRepo;
    return { ref: data['ref'], sha: data['sha'], repoFullName: fullName };
}
/**
 * The pull request an event is about: pull_request and pull_request_target (and their
 * review events) carry it whole; issue_comment on a pull request only its number.
 * Undefined for events that are not about a pull request.
 */
function pullRequestFromEvent(event, repository) {
    const fullName = `${repository.owner}/${repository.repo}`;
    const pull = record(event.payload['pull_request']);
    if (pull && typeof pull['number'] === 'number') {
        const base = side(pull['base'], fullName);
        const head = side(pull['head'], fullName);
        const isFork = head !== undefined && base !== undefined && head.repoFullName.toLowerCase() !== base.repoFullName.toLowerCase();
        return { ...repository, number: pull['number'], base, head, isFork };
    }
    const issue = record(event.payload['issue']);
    if (event.name === 'issue_comment' && issue && record(issue['pull_request']) && typeof issue['number'] === 'number') {
        return { ...repository, number: issue['number'], isFork: false };
    }
    return undefined;
}
/** The pull request of this run, or a ConfigurationError saying how to give one. */
function requirePullRequest(env = process.env, override) {
    const repository = repositoryFromEnv(env);
    if (override && override.value.trim() !== '') {
        return { ...repository, number: parsePullRequestNumber(override.value, `input '${override.input}'`), isFork: false };
    }
    const event = readEvent(env);
    const pull = pullRequestFromEvent(event, repository);
    if (!pull) {
        const hint = override ? `, or set the '${override.input}' input` : '';
        throw new ConfigurationError(`this step needs a pull request, but the '${event.name || 'unknown'}' event is not about one: ` +
            `run it on pull_request or pull_request_target${hint}`);
    }
    return pull;
}

;// CONCATENATED MODULE: ./src/actions/metrics-regression-gate/context.ts


function context_text(value) {
    return typeof value === 'string' && value !== '' ? value : undefined;
}
function field(value, ...path) {
    let node = value;
    for (const key of path) {
        if (typeof node !== 'object' || node === null)
            return undefined;
        node = node[key];
    }
    return node;
}
function readRunContext(options) {
    const event = readEvent();
    const repository = process.env.GITHUB_REPOSITORY ? repositoryFromEnv() : undefined;
    let pullRequest = repository ? pullRequestFromEvent(event, repository) : undefined;
    if (options.pullRequest !== undefined && repository) {
        pullRequest =
            pullRequest?.number === options.pullRequest ? pullRequest : { ...repository, number: options.pullRequest, isFork: false };
    }
    const payload = event.payload;
    let base;
    if (options.baseline) {
        base = { ref: options.baseline, source: "the 'baseline' input" };
    }
    else if (pullRequest?.base?.sha) {
        base = { ref: pullRequest.base.sha, source: `the base of pull request #${pullRequest.number}` };
    }
    else if (context_text(field(payload, 'merge_group', 'base_sha'))) {
        base = { ref: context_text(field(payload, 'merge_group', 'base_sha')), source: 'the merge queue base' };
    }
    else if (event.name === 'push' && context_text(payload.before) && !ZERO_SHA.test(String(payload.before))) {
        base = { ref: context_text(payload.before), source: 'the commit before the push' };
    }
    const headSha = pullRequest?.head?.sha ??
        context_text(field(payload, 'workflow_run', 'head_sha')) ??
        context_text(field(payload, 'merge_group', 'head_sha')) ??
        context_text(process.env.GITHUB_SHA);
    return { event, repository, pullRequest, base, headSha };
}

;// CONCATENATED MODULE: ./src/catalog/tree.ts
/** The value of `key:` written with nothing after it; located on the key, where users look. */
function emptyValue(key) {
    return { kind: 'scalar', value: null, source: '', empty: true, start: key.start, end: key.end };
}
/** The catalog's name for a key: its string value, or its text as written for `1:` or `true:`. */
function keyName(key) {
    return typeof key.value === 'string' ? key.value : key.source;
}
/**
 * Where a path of keys and indices is written: the key of a mapping entry, the item of a list;
 * the deepest node on the way when the path goes further than the document (a default).
 */
function nodeAt(root, path) {
    let node = root;
    let located = root;
    for (const segment of path) {
        if (node?.kind === 'map') {
            const pair = node.items.find((item) => keyName(item.key) === String(segment));
            if (!pair)
                break;
            located = pair.key;
            node = pair.value;
        }
        else if (node?.kind === 'seq' && typeof segment === 'number' && segment >= 0 && segment < node.items.length) {
            node = node.items[segment] ?? null;
            located = node;
        }
        else {
            break;
        }
    }
    return located;
}
/** What a node is, in the words an error message uses ("got a list"). */
function describe(node) {
    if (node.kind === 'map')
        return 'a mapping';
    if (node.kind === 'seq')
        return 'a list';
    const value = node.value;
    if (value === null)
        return node.empty ? 'nothing' : 'null';
    if (typeof value === 'string')
        return `the string '${value}'`;
    if (typeof value === 'number')
        return `the number ${node.source}`;
    if (typeof value === 'boolean')
        return `${node.source} (a boolean)`;
    return `a ${value.unsupported}`;
}

;// CONCATENATED MODULE: ./src/catalog/fast-yaml.ts

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
function parseFast(text) {
    if (UNSUPPORTED_CHARACTERS.test(text) || (text.includes('\r') && LONE_CR.test(text)))
        return undefined;
    try {
        return new FastReader(text).read();
    }
    catch (error) {
        if (error === GIVE_UP)
            return undefined;
        throw error;
    }
}
// Tabs, control characters, a byte-order mark and the characters some YAML versions treat as
// line breaks are left to the full parser; so are carriage returns that do not end a line.
// eslint-disable-next-line no-control-regex
const UNSUPPORTED_CHARACTERS = /[\x00-\x09\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029\ufeff]/;
const LONE_CR = /\r(?!\n)/;
const GIVE_UP = Symbol('give up');
function giveUp() {
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
for (const char of '&*!|>%@`#,[]{}?:\'"')
    INDICATOR[char.charCodeAt(0)] = 1;
function isIndicator(code) {
    return code < 128 && INDICATOR[code] === 1;
}
function isFlowEnd(code) {
    return code === COMMA || code === CLOSE_BRACKET || code === CLOSE_BRACE;
}
/** Where a plain scalar inside a flow collection may end. */
const FLOW_SPECIAL = /[,\]}[{:#]/g;
/** Maps with more keys than this check duplicates with a Set instead of a scan. */
const SMALL_MAP = 12;
class FastReader {
    text;
    // The lines that hold content (comments and blank lines carry nothing for the tree), as
    // parallel arrays: indentation, first character that is not a space, end before the line break,
    // and whether the line holds a '#' at all.
    indent;
    start;
    end;
    hasHash;
    count = 0;
    index = 0;
    /** Where the scalar last read by blockKey or flowScalar stops. */
    after = 0;
    constructor(text) {
        this.text = text;
        let lines = 1;
        for (let at = text.indexOf('\n'); at !== -1; at = text.indexOf('\n', at + 1))
            lines++;
        this.indent = new Int32Array(lines);
        this.start = new Int32Array(lines);
        this.end = new Int32Array(lines);
        this.hasHash = new Uint8Array(lines);
    }
    read() {
        this.splitLines();
        if (this.count === 0)
            return null;
        if (this.indent[0] !== 0 || this.isSeqItem(0))
            giveUp();
        const root = this.map(0);
        if (this.index !== this.count)
            giveUp();
        return root;
    }
    splitLines() {
        const text = this.text;
        const length = text.length;
        let offset = 0;
        let sawMarker = false;
        // The next '#' of the text, found once for all lines: searching for a comment from each line
        // would scan the rest of a file that has few comments, again and again.
        let nextHash = text.indexOf('#');
        while (offset <= length) {
            let lineBreak = text.indexOf('\n', offset);
            if (lineBreak === -1)
                lineBreak = length;
            let end = lineBreak;
            if (end > offset && text.charCodeAt(end - 1) === 13)
                end--;
            let start = offset;
            while (start < end && text.charCodeAt(start) === SPACE)
                start++;
            if (start < end && text.charCodeAt(start) !== HASH) {
                if (start === offset && this.isDocumentLine(start, end)) {
                    // One `---` before any content is allowed; directives, `...` and more documents are not.
                    if (sawMarker || this.count > 0 || text.charCodeAt(start) !== DASH)
                        giveUp();
                    this.expectLineEnd(start + 3, end);
                    sawMarker = true;
                }
                else {
                    while (nextHash !== -1 && nextHash < start)
                        nextHash = text.indexOf('#', nextHash + 1);
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
    isDocumentLine(start, end) {
        const text = this.text;
        const first = text.charCodeAt(start);
        if (first === 37)
            return true; // '%': a directive
        if (first !== DASH && first !== 46)
            return false;
        if (!text.startsWith('---', start) && !text.startsWith('...', start))
            return false;
        return start + 3 === end || text.charCodeAt(start + 3) === SPACE;
    }
    isSeqItem(line) {
        const start = this.start[line] ?? 0;
        return this.text.charCodeAt(start) === DASH && (start + 1 === this.end[line] || this.text.charCodeAt(start + 1) === SPACE);
    }
    block(indent) {
        if (this.index >= this.count)
            giveUp();
        return this.isSeqItem(this.index) ? this.seq(indent) : this.map(indent);
    }
    map(indent) {
        const items = [];
        let keys;
        while (this.index < this.count) {
            const line = this.index;
            const lineIndent = this.indent[line] ?? 0;
            if (lineIndent < indent)
                break;
            if (lineIndent > indent || this.isSeqItem(line))
                giveUp();
            const end = this.end[line] ?? 0;
            const key = this.blockKey(line);
            keys = checkNewKey(items, keys, key.value);
            this.index++;
            const valueStart = this.skipSpaces(this.after, end);
            let value;
            if (valueStart === end || this.text.charCodeAt(valueStart) === HASH) {
                const next = this.index;
                const nextIndent = next < this.count ? (this.indent[next] ?? 0) : -1;
                if (nextIndent > indent)
                    value = this.block(nextIndent);
                else if (nextIndent === indent && this.isSeqItem(next))
                    value = this.seq(indent);
                else
                    value = emptyValue(key);
            }
            else {
                value = this.inlineValue(valueStart, line);
                this.expectNoContinuation(indent);
            }
            items.push({ key, value });
        }
        const first = items[0];
        const last = items[items.length - 1];
        if (!first || !last)
            giveUp();
        return { kind: 'map', items, start: first.key.start, end: last.value.end };
    }
    seq(indent) {
        const items = [];
        let start = -1;
        while (this.index < this.count) {
            const line = this.index;
            const lineIndent = this.indent[line] ?? 0;
            if (lineIndent < indent)
                break;
            if (lineIndent > indent)
                giveUp();
            if (!this.isSeqItem(line))
                break;
            const lineStart = this.start[line] ?? 0;
            const end = this.end[line] ?? 0;
            if (start < 0)
                start = lineStart;
            this.index++;
            const valueStart = this.skipSpaces(lineStart + 1, end);
            if (valueStart === end || this.text.charCodeAt(valueStart) === HASH) {
                const next = this.index;
                const nextIndent = next < this.count ? (this.indent[next] ?? 0) : -1;
                if (nextIndent > indent)
                    items.push(this.block(nextIndent));
                else
                    items.push({ kind: 'scalar', value: null, source: '', empty: true, start: lineStart + 1, end: lineStart + 1 });
            }
            else {
                if (this.text.charCodeAt(valueStart) === DASH && this.isSpaceOrEnd(valueStart + 1, end))
                    giveUp();
                items.push(this.inlineValue(valueStart, line));
                this.expectNoContinuation(indent);
            }
        }
        const last = items[items.length - 1];
        if (!last)
            giveUp();
        return { kind: 'seq', items, start, end: last.end };
    }
    /** A more indented line after a one-line value would continue it (a multi-line scalar). */
    expectNoContinuation(indent) {
        if (this.index < this.count && (this.indent[this.index] ?? 0) > indent)
            giveUp();
    }
    /** The key of a block mapping entry; `after` is set past its ':'. */
    blockKey(line) {
        const text = this.text;
        const start = this.start[line] ?? 0;
        const end = this.end[line] ?? 0;
        const first = text.charCodeAt(start);
        if (first === DOUBLE_QUOTE || first === SINGLE_QUOTE) {
            const key = this.quoted(start, end);
            if (text.charCodeAt(key.end) !== COLON || !this.isSpaceOrEnd(key.end + 1, end))
                giveUp();
            this.after = key.end + 1;
            return key;
        }
        if (isIndicator(first) || (first === DASH && this.isSpaceOrEnd(start + 1, end)))
            giveUp();
        let colon = text.indexOf(':', start);
        while (colon !== -1 && colon < end && !this.isSpaceOrEnd(colon + 1, end))
            colon = text.indexOf(':', colon + 1);
        if (colon === -1 || colon >= end)
            giveUp();
        if (this.hasHash[line] === 1) {
            const comment = text.indexOf(' #', start);
            if (comment !== -1 && comment < colon)
                giveUp();
        }
        let keyEnd = colon;
        while (text.charCodeAt(keyEnd - 1) === SPACE)
            keyEnd--;
        if (keyEnd - start > 1024)
            giveUp();
        this.after = colon + 1;
        return plainScalar(text.slice(start, keyEnd), start);
    }
    /** A value that starts on the line of its key or list item and ends with it. */
    inlineValue(start, line) {
        const text = this.text;
        const end = this.end[line] ?? 0;
        const first = text.charCodeAt(start);
        let node;
        if (first === DOUBLE_QUOTE || first === SINGLE_QUOTE)
            node = this.quoted(start, end);
        else if (first === OPEN_BRACKET)
            node = this.flowSeq(start, end);
        else if (first === OPEN_BRACE)
            node = this.flowMap(start, end);
        else {
            if (isIndicator(first) || (first === DASH && this.isSpaceOrEnd(start + 1, end)))
                giveUp();
            let stop = end;
            if (this.hasHash[line] === 1) {
                const comment = text.indexOf(' #', start);
                if (comment !== -1 && comment < end)
                    stop = comment;
            }
            while (text.charCodeAt(stop - 1) === SPACE)
                stop--;
            // `key: a: b` is a nested mapping on one line, which YAML rejects.
            const colon = text.indexOf(': ', start);
            if ((colon !== -1 && colon < stop) || text.charCodeAt(stop - 1) === COLON)
                giveUp();
            return plainScalar(text.slice(start, stop), start);
        }
        this.expectLineEnd(node.end, end);
        return node;
    }
    flowSeq(start, end) {
        const text = this.text;
        const items = [];
        let at = this.skipSpaces(start + 1, end);
        if (text.charCodeAt(at) !== CLOSE_BRACKET) {
            for (;;) {
                items.push(this.flowScalar(at, end));
                if (text.charCodeAt(this.after) === COLON)
                    giveUp();
                at = this.skipSpaces(this.after, end);
                const separator = text.charCodeAt(at);
                if (separator === CLOSE_BRACKET)
                    break;
                if (separator !== COMMA)
                    giveUp();
                at = this.skipSpaces(at + 1, end);
                if (text.charCodeAt(at) === CLOSE_BRACKET)
                    giveUp();
            }
        }
        return { kind: 'seq', items, start, end: at + 1 };
    }
    flowMap(start, end) {
        const text = this.text;
        const items = [];
        let keys;
        let at = this.skipSpaces(start + 1, end);
        if (text.charCodeAt(at) !== CLOSE_BRACE) {
            for (;;) {
                const key = this.flowScalar(at, end);
                if (text.charCodeAt(this.after) !== COLON || text.charCodeAt(this.after + 1) !== SPACE)
                    giveUp();
                keys = checkNewKey(items, keys, key.value);
                const value = this.flowScalar(this.skipSpaces(this.after + 1, end), end);
                if (text.charCodeAt(this.after) === COLON)
                    giveUp();
                items.push({ key, value });
                at = this.skipSpaces(this.after, end);
                const separator = text.charCodeAt(at);
                if (separator === CLOSE_BRACE)
                    break;
                if (separator !== COMMA)
                    giveUp();
                at = this.skipSpaces(at + 1, end);
                if (text.charCodeAt(at) === CLOSE_BRACE)
                    giveUp();
            }
        }
        return { kind: 'map', items, start, end: at + 1 };
    }
    /** A scalar inside `[...]` or `{...}`; `after` is set where it stops. */
    flowScalar(start, end) {
        const text = this.text;
        const first = text.charCodeAt(start);
        if (first === DOUBLE_QUOTE || first === SINGLE_QUOTE) {
            const node = this.quoted(start, end);
            this.after = node.end;
            return node;
        }
        if (isIndicator(first))
            giveUp();
        if (first === DASH && (this.isSpaceOrEnd(start + 1, end) || isFlowEnd(text.charCodeAt(start + 1))))
            giveUp();
        let at = start;
        for (;;) {
            FLOW_SPECIAL.lastIndex = at;
            const match = FLOW_SPECIAL.exec(text);
            if (!match || match.index >= end)
                giveUp();
            at = match.index;
            const code = text.charCodeAt(at);
            if (isFlowEnd(code))
                break;
            if (code === OPEN_BRACKET || code === OPEN_BRACE)
                giveUp();
            if (code === HASH && text.charCodeAt(at - 1) === SPACE)
                giveUp();
            if (code === COLON) {
                const after = text.charCodeAt(at + 1);
                if (at + 1 === end || after === SPACE || isFlowEnd(after))
                    break;
            }
            at++;
        }
        while (at > start && text.charCodeAt(at - 1) === SPACE)
            at--;
        if (at === start)
            giveUp();
        this.after = at;
        return plainScalar(text.slice(start, at), start);
    }
    /** A single- or double-quoted scalar on one line, without escapes. */
    quoted(start, end) {
        const text = this.text;
        const quote = text.charCodeAt(start) === DOUBLE_QUOTE ? '"' : "'";
        let at = start + 1;
        let value = '';
        for (;;) {
            const close = text.indexOf(quote, at);
            if (close === -1 || close >= end)
                giveUp();
            if (quote === "'" && text.charCodeAt(close + 1) === SINGLE_QUOTE) {
                value += text.slice(at, close + 1);
                at = close + 2;
                continue;
            }
            value += text.slice(at, close);
            if (quote === '"' && value.includes('\\'))
                giveUp();
            return { kind: 'scalar', value, source: value, start, end: close + 1 };
        }
    }
    expectLineEnd(at, end) {
        const next = this.skipSpaces(at, end);
        if (next === end)
            return;
        if (this.text.charCodeAt(next) === HASH && next > at)
            return;
        giveUp();
    }
    isSpaceOrEnd(at, end) {
        return at >= end || this.text.charCodeAt(at) === SPACE;
    }
    skipSpaces(at, end) {
        while (at < end && this.text.charCodeAt(at) === SPACE)
            at++;
        return at;
    }
}
/**
 * Gives up on a key already in the mapping (the `yaml` package then reports it). Keys are
 * compared by value as the `yaml` package does: `1` and `1.0` are the same key, NaN never is.
 */
function checkNewKey(items, keys, value) {
    if (typeof value === 'number' && Number.isNaN(value))
        return keys;
    if (keys) {
        if (keys.has(value))
            giveUp();
        keys.add(value);
        return keys;
    }
    for (let i = 0; i < items.length; i++)
        if (items[i]?.key.value === value)
            giveUp();
    if (items.length < SMALL_MAP)
        return undefined;
    const all = new Set();
    for (const item of items)
        all.add(item.key.value);
    all.add(value);
    return all;
}
function plainScalar(source, start) {
    return { kind: 'scalar', value: resolvePlain(source), source, start, end: start + source.length };
}
// The tests of YAML 1.2's core schema as the `yaml` package applies them. They do not overlap,
// so one expression tells the number forms apart.
const NULL = /^(?:~|[Nn]ull|NULL)$/;
const BOOL = /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/;
const NUMBER = /^(?:([-+]?[0-9]+)|0o([0-7]+)|0x([0-9a-fA-F]+)|([-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?)|([-+]?\.(?:inf|Inf|INF))|(\.nan|\.NaN|\.NAN))$/;
function resolvePlain(source) {
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
    if (!((first >= 48 && first <= 57) || first === 43 || first === 45 || first === 46))
        return source;
    const match = NUMBER.exec(source);
    if (!match)
        return source;
    if (match[1] !== undefined)
        return parseInt(match[1], 10);
    if (match[2] !== undefined)
        return parseInt(match[2], 8);
    if (match[3] !== undefined)
        return parseInt(match[3], 16);
    if (match[4] !== undefined)
        return parseFloat(match[4]);
    if (match[5] !== undefined)
        return match[5].startsWith('-') ? -Infinity : Infinity;
    return NaN;
}

;// CONCATENATED MODULE: ./src/catalog/keypath.ts
const BARE_KEY = /^[A-Za-z0-9_-]+$/;
/**
 * The path as messages show it: `services.visual-analysis.metrics.rules."mAP@0.5".max_rise`,
 * `global[2]`. Keys with other characters than letters, digits, `_` and `-` are quoted, so a
 * metric or service name with dots is never read as several keys.
 */
function formatKeyPath(path) {
    let text = '';
    for (const segment of path) {
        if (typeof segment === 'number')
            text += `[${segment}]`;
        else
            text += (text ? '.' : '') + (BARE_KEY.test(segment) ? segment : JSON.stringify(segment));
    }
    return text;
}

;// CONCATENATED MODULE: ./src/catalog/full-yaml.ts



const CORE_TAG_PREFIX = 'tag:yaml.org,2002:';
/**
 * Reads any YAML with the `yaml` package (YAML 1.2, core schema) and converts it to the tree.
 * `lineCounter` already holds the text's line starts (for the line of an earlier duplicate key).
 */
function parseWithYamlPackage(text, lineCounter) {
    const doc = (0,dist/* parseDocument */.Tp)(text, { prettyErrors: false, uniqueKeys: true });
    const firstError = [...doc.errors].sort((a, b) => a.pos[0] - b.pos[0])[0];
    if (firstError)
        return { problem: describeSyntaxError(doc, firstError, lineCounter) };
    const converter = new Converter(doc, text);
    try {
        return { root: doc.contents ? converter.convert(doc.contents, []) : null };
    }
    catch (error) {
        if (error instanceof TreeProblem)
            return { problem: { offset: error.offset, message: error.message } };
        throw error;
    }
}
function describeSyntaxError(doc, error, lineCounter) {
    const offset = error.pos[0];
    if (error.code === 'DUPLICATE_KEY' && doc.contents) {
        const found = findDuplicate(doc.contents, offset, []);
        if (found) {
            const { line } = lineCounter.linePos(found.firstOffset);
            return {
                offset,
                message: `${formatKeyPath(found.path)}: duplicate key; '${found.name}' is already defined on line ${line}; ` +
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
function unterminatedQuote(doc, end) {
    let found;
    (0,dist/* visit */.YR)(doc, {
        Scalar(_key, node) {
            const range = node.range;
            if (!range || range[1] !== end)
                return undefined;
            if (node.type === 'QUOTE_DOUBLE' || node.type === 'QUOTE_SINGLE') {
                found = { offset: range[0], quote: node.type === 'QUOTE_DOUBLE' ? '"' : "'" };
                return dist/* visit */.YR.BREAK;
            }
            return undefined;
        },
    });
    return found;
}
/** The path of the key written at `offset` that repeats an earlier key of the same mapping. */
function findDuplicate(node, offset, path) {
    if ((0,dist/* isMap */.jh)(node)) {
        for (const [index, pair] of node.items.entries()) {
            const key = pair.key;
            if ((0,dist/* isScalar */.jn)(key) && key.range?.[0] === offset) {
                const name = scalarKeyName(key);
                const first = node.items
                    .slice(0, index)
                    .find((other) => (0,dist/* isScalar */.jn)(other.key) && other.key.value === key.value);
                const firstOffset = first?.key?.range?.[0] ?? offset;
                return { path: [...path, name], name, firstOffset };
            }
            const value = pair.value;
            if (value && contains(value, offset) && (0,dist/* isScalar */.jn)(key)) {
                const found = findDuplicate(value, offset, [...path, scalarKeyName(key)]);
                if (found)
                    return found;
            }
        }
    }
    else if ((0,dist/* isSeq */.oP)(node)) {
        for (const [index, item] of node.items.entries()) {
            if (item && contains(item, offset))
                return findDuplicate(item, offset, [...path, index]);
        }
    }
    return undefined;
}
function contains(node, offset) {
    const range = node.range;
    return !!range && range[0] <= offset && offset < range[2];
}
function scalarKeyName(key) {
    return typeof key.value === 'string' ? key.value : String(key.source ?? key.value);
}
class TreeProblem extends Error {
    offset;
    constructor(message, offset) {
        super(message);
        this.offset = offset;
    }
}
class Converter {
    doc;
    text;
    /** Converted nodes by identity, so aliases share one converted node and cannot blow up. */
    done = new Map();
    inProgress = new Set();
    constructor(doc, text) {
        this.doc = doc;
        this.text = text;
    }
    convert(node, path) {
        if ((0,dist/* isAlias */.Vj)(node)) {
            const target = node.resolve(this.doc);
            const offset = node.range?.[0] ?? 0;
            if (!target)
                throw new TreeProblem(`${prefix(path)}alias '*${node.source}' has no anchor; define &${node.source} before it`, offset);
            if (this.inProgress.has(target)) {
                throw new TreeProblem(`${prefix(path)}alias '*${node.source}' refers to a node that contains it; remove the recursion`, offset);
            }
            return this.convert(target, path);
        }
        const cached = this.done.get(node);
        if (cached)
            return cached;
        this.inProgress.add(node);
        const converted = this.convertNode(node, path);
        this.inProgress.delete(node);
        this.done.set(node, converted);
        return converted;
    }
    convertNode(node, path) {
        // Ends are where the written value ends (after `]` for flow collections), not trailing comments.
        const [start = 0, end = start] = node.range ?? [];
        if ((0,dist/* isScalar */.jn)(node))
            return this.scalar(node, start, end);
        if ((0,dist/* isMap */.jh)(node)) {
            const map = { kind: 'map', items: [], start, end };
            for (const pair of node.items) {
                if (!(0,dist/* isPair */.tO)(pair))
                    continue;
                const keyNode = pair.key;
                const key = this.key(keyNode, path, start);
                const valueNode = pair.value;
                const childPath = [...path, keyName(key)];
                const value = valueNode === null || ((0,dist/* isScalar */.jn)(valueNode) && valueNode.value === null && valueNode.source === '' && !valueNode.tag)
                    ? emptyValue(key)
                    : this.convert(valueNode, childPath);
                map.items.push({ key, value });
            }
            if (!node.flow)
                map.end = map.items[map.items.length - 1]?.value.end ?? end;
            return map;
        }
        if ((0,dist/* isSeq */.oP)(node)) {
            const items = node.items.map((item, index) => item === null
                ? { kind: 'scalar', value: null, source: '', empty: true, start, end: start }
                : this.convert(item, [...path, index]));
            return { kind: 'seq', items, start, end: node.flow ? end : (items[items.length - 1]?.end ?? end) };
        }
        throw new TreeProblem(`${prefix(path)}unsupported YAML node`, start);
    }
    key(node, path, mapStart) {
        if (node === null) {
            throw new TreeProblem(`${prefix(path)}a key is missing before ':'; write the key's name`, mapStart);
        }
        const resolved = (0,dist/* isAlias */.Vj)(node) ? node.resolve(this.doc) : node;
        const offset = node.range?.[0] ?? mapStart;
        if (!resolved || !(0,dist/* isScalar */.jn)(resolved)) {
            throw new TreeProblem(`${prefix(path)}keys must be plain names, not lists or mappings`, offset);
        }
        const key = this.scalar(resolved, offset, node.range?.[1] ?? offset);
        if (key.value === null && key.empty) {
            throw new TreeProblem(`${prefix(path)}a key is empty; write the key's name before ':'`, offset);
        }
        return key;
    }
    scalar(node, start, end) {
        const raw = node.value;
        let value;
        if (raw === null || typeof raw === 'string' || typeof raw === 'boolean' || typeof raw === 'number')
            value = raw;
        else if (typeof raw === 'bigint')
            value = Number(raw);
        else
            value = { unsupported: raw instanceof Date ? 'date' : 'value of an unsupported YAML type' };
        const source = node.type === 'PLAIN' ? this.text.slice(start, end) : String(raw ?? '');
        const scalar = { kind: 'scalar', value, source, start, end };
        if (node.tag && !node.tag.startsWith(CORE_TAG_PREFIX)) {
            scalar.tag = node.tag;
            // The node's range starts after its tag; the tag is where users look.
            const tagStart = this.text.lastIndexOf(node.tag, start);
            if (tagStart >= 0)
                scalar.start = tagStart;
        }
        if (raw === null && source === '' && !node.tag)
            scalar.empty = true;
        return scalar;
    }
}
function prefix(path) {
    return path.length ? `${formatKeyPath(path)}: ` : '';
}

;// CONCATENATED MODULE: ./src/catalog/graph.ts


/**
 * Checks every `uses` entry once the whole catalog is read: each names a shared group or a
 * service, at most once per service, and no service depends on itself through others.
 */
function checkUses(content, reader) {
    const groupNames = [...content.groupKeys.keys()];
    const serviceNames = [...content.serviceKeys.keys()];
    const seen = new Map();
    for (const entry of content.uses) {
        let names = seen.get(entry.service);
        if (!names)
            seen.set(entry.service, (names = new Set()));
        if (names.has(entry.name)) {
            reader.report(entry.node.start, entry.path, `'${entry.name}' is listed twice; remove one`);
            continue;
        }
        names.add(entry.name);
        if (content.groupKeys.has(entry.name) || content.serviceKeys.has(entry.name))
            continue;
        const guess = didYouMean(entry.name, [...groupNames, ...serviceNames]);
        const hint = guess ? ` did you mean '${guess}'?` : '';
        const groups = groupNames.length ? listSome(groupNames) : 'none';
        reader.report(entry.node.start, entry.path, `'${entry.name}' is neither a shared group nor a service;${hint} shared groups: ${groups}; services: ${listSome(serviceNames)}`);
    }
    reportCycles(content, reader);
}
/** One report per cycle, on its `uses` entry written first, the path starting there. */
function reportCycles(content, reader) {
    const edges = new Map();
    for (const entry of content.uses) {
        if (!content.serviceKeys.has(entry.name) || content.groupKeys.has(entry.name))
            continue;
        const list = edges.get(entry.service) ?? [];
        list.push(entry);
        edges.set(entry.service, list);
    }
    const state = new Map();
    const stack = [];
    const visit = (service) => {
        state.set(service, 'active');
        for (const edge of edges.get(service) ?? []) {
            const next = state.get(edge.name);
            if (next === 'done')
                continue;
            if (next === 'active') {
                const from = stack.findIndex((earlier) => earlier.service === edge.name);
                reportCycle([...stack.slice(from === -1 ? stack.length : from), edge], reader);
                continue;
            }
            stack.push(edge);
            visit(edge.name);
            stack.pop();
        }
        state.set(service, 'done');
    };
    for (const service of content.serviceKeys.keys())
        if (!state.has(service))
            visit(service);
}
function reportCycle(cycle, reader) {
    let first = 0;
    cycle.forEach((edge, index) => {
        if (edge.node.start < (cycle[first]?.node.start ?? Infinity))
            first = index;
    });
    const ordered = [...cycle.slice(first), ...cycle.slice(0, first)];
    const start = ordered[0];
    if (!start)
        return;
    const names = [start.service, ...ordered.map((edge) => edge.name)].join(' -> ');
    reader.report(start.node.start, start.path, `dependency cycle ${names}; a service cannot depend on itself, directly or through others: remove one of these uses`);
}
/** The service of this name, or a ConfigurationError naming the known ones. */
function requireService(catalog, name, source = 'service') {
    const service = catalog.services.get(name);
    if (service)
        return service;
    const names = serviceNames(catalog);
    const guess = didYouMean(name, names);
    const hint = guess ? ` did you mean '${guess}'?` : '';
    throw new errors/* ConfigurationError */.j1(`${source}: '${name}' is not a service of the catalog ${catalog.file};${hint} its services are ${listSome(names)}`);
}
function serviceNames(catalog) {
    return [...catalog.services.keys()];
}
function groupNames(catalog) {
    return [...catalog.shared.keys()];
}
/** The shared groups and services a service depends on through `uses`, transitively, in catalog order. */
function resolveDependencies(catalog, serviceName) {
    requireService(catalog, serviceName);
    const reached = closure(catalog, serviceName, new Map());
    return inCatalogOrder(catalog, reached);
}
/**
 * For every shared group and every service, the services that depend on it directly or
 * transitively (not itself), in catalog order: a change to a group's paths affects each of them.
 */
function dependentsIndex(catalog) {
    const index = new Map();
    for (const name of catalog.shared.keys())
        index.set(name, []);
    for (const name of catalog.services.keys())
        index.set(name, []);
    const memo = new Map();
    for (const service of catalog.services.keys()) {
        for (const dependency of closure(catalog, service, memo))
            index.get(dependency)?.push(service);
    }
    return index;
}
/** Every group and service name reached from a service; the catalog has no cycles. */
function closure(catalog, service, memo) {
    const known = memo.get(service);
    if (known)
        return known;
    const reached = new Set();
    memo.set(service, reached);
    for (const name of catalog.services.get(service)?.uses ?? []) {
        reached.add(name);
        if (catalog.services.has(name))
            for (const further of closure(catalog, name, memo))
                reached.add(further);
    }
    reached.delete(service);
    return reached;
}
function inCatalogOrder(catalog, names) {
    return {
        groups: [...catalog.shared.keys()].filter((name) => names.has(name)),
        services: [...catalog.services.keys()].filter((name) => names.has(name)),
    };
}

;// CONCATENATED MODULE: ./src/catalog/rules.ts


/*
 * The rules for single values of the catalog. Each returns what is wrong and how to fix it, or
 * undefined when the value is fine; the caller prefixes the key path. schemas/services.schema.json
 * states the same rules as patterns where JSON Schema can, and a test keeps the two in agreement.
 */
const rules_NAME = /^[A-Za-z0-9_.-]+$/;
function nameProblem(name, kind) {
    if (rules_NAME.test(name))
        return undefined;
    const suggestion = name.replace(/[^A-Za-z0-9_.-]+/g, '-').replace(/^-+|-+$/g, '');
    const example = suggestion ? ` (for example '${suggestion}')` : '';
    return `invalid ${kind} name; use only letters, digits, '_', '.' and '-'${example}`;
}
const NEGATION_HINTS = {
    paths: "list the files to leave out under 'ignore' instead",
    ignore: "list under 'paths' what should count and under 'ignore' what should not",
    global: 'list only the files whose change affects every service',
};
function globProblem(glob, list) {
    if (glob.startsWith('!')) {
        return `'${glob}' starts with '!', but negation is not supported in ${list}; ${NEGATION_HINTS[list]}`;
    }
    const pathProblem = relativePathProblem(glob, 'glob');
    if (pathProblem)
        return pathProblem;
    if (glob.endsWith('/')) {
        return `'${glob}' ends with '/' and so matches no file; write '${glob}**' to match everything under the folder`;
    }
    try {
        if (mayFailToCompile(glob))
            globRegExp(glob);
    }
    catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        // picomatch reports the regular expression it built; its last part says what is wrong.
        const reason = message.startsWith('Invalid regular expression') ? (message.split(': ').pop() ?? message) : message;
        return `'${glob}' is not a valid glob (${reason.toLowerCase()}); check its brackets, braces and parentheses`;
    }
    return undefined;
}
/** Whatever relativePathProblem may object to; most paths pass this one test. */
const MAYBE_NOT_RELATIVE = /\\|^\/|^[A-Za-z]:\/|(?:^|\/)\.\.?(?:\/|$)|\/\//;
/**
 * A path or glob relative to the repository root, written with '/': no absolute path, no '..'
 * or '.' segment, no empty segment. A trailing '/' is left to the caller (fine for a folder).
 */
function relativePathProblem(value, noun) {
    if (value === '')
        return `is empty; write a ${noun} relative to the repository root`;
    if (!MAYBE_NOT_RELATIVE.test(value))
        return undefined;
    if (value.includes('\\')) {
        const escapes = noun === 'glob' ? ' (in a glob a backslash escapes the next character)' : '';
        return `'${value}' contains a backslash; separate folders with '/'${escapes}: '${value.replaceAll('\\', '/')}'`;
    }
    if (value.startsWith('/') || /^[A-Za-z]:\//.test(value)) {
        return (`'${value}' is an absolute path; ${noun}s are relative to the repository root: ` +
            `write '${value.replace(/^(?:[A-Za-z]:)?\/+/, '')}'`);
    }
    const segments = value.replace(/\/$/, '').split('/');
    if (segments.includes('..')) {
        return `'${value}' has a '..' segment; ${noun}s name files inside the repository, relative to its root`;
    }
    if (segments.includes('.')) {
        return `'${value}' has a '.' segment; write it without: '${segments.filter((s) => s !== '.').join('/')}'`;
    }
    if (segments.includes('')) {
        return `'${value}' has an empty segment ('//'); write '${value.replace(/\/{2,}/g, '/')}'`;
    }
    return undefined;
}
const GLOB_CHARACTERS = /[*?[\]{}]/;
function metricsFileProblem(path) {
    const problem = relativePathProblem(path, 'path');
    if (problem)
        return problem;
    if (path.endsWith('/'))
        return `'${path}' is a folder; name the metrics file, e.g. '${path}metrics.json'`;
    if (GLOB_CHARACTERS.test(path)) {
        return `'${path}' is a glob, but metrics files are read as named; list each file`;
    }
    return undefined;
}
/** A Docker build context: a folder of the repository, `.` for its root. */
function contextProblem(context) {
    if (context === '.')
        return undefined;
    return relativePathProblem(context, 'path');
}
/** A relative path without '.' or '..' segments or doubled slashes: joining needs no normalising. */
const SIMPLE_PATH = /^(?![./])(?!.*(?:\/\.|\/\/|\/$))/;
/** The repository path of a Dockerfile written relative to its context, as `docker build` reads it. */
function resolveDockerfile(context, dockerfile) {
    if (dockerfile === '')
        return { problem: "is empty; name the Dockerfile relative to the context, e.g. 'Dockerfile'" };
    if (dockerfile.includes('\\')) {
        return { problem: `'${dockerfile}' contains a backslash; separate folders with '/': '${dockerfile.replaceAll('\\', '/')}'` };
    }
    if (dockerfile.startsWith('/') || /^[A-Za-z]:\//.test(dockerfile)) {
        return { problem: `'${dockerfile}' is an absolute path; name the Dockerfile relative to the context ('${context}')` };
    }
    const path = SIMPLE_PATH.test(dockerfile)
        ? context === '.'
            ? dockerfile
            : `${context}/${dockerfile}`
        : external_node_path_namespaceObject.posix.normalize(external_node_path_namespaceObject.posix.join(context, dockerfile));
    if (path === '..' || path.startsWith('../')) {
        return { problem: `'${dockerfile}' relative to the context '${context}' is outside the repository` };
    }
    return { path };
}
const IMAGE_COMPONENT = '[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*';
const IMAGE_NAME = new RegExp(`^${IMAGE_COMPONENT}(?:/${IMAGE_COMPONENT})*$`);
function imageNameProblem(name) {
    if (IMAGE_NAME.test(name))
        return undefined;
    const lower = name.toLowerCase();
    const example = lower !== name && IMAGE_NAME.test(lower) ? ` (for example '${lower}')` : '';
    return (`'${name}' is not a valid image name; use lower-case letters and digits, with '.', '_', '__' or '-' ` +
        `between them and '/' between path components${example}; the registry comes from the build action's inputs`);
}
/** A Dockerfile stage name, as `FROM ... AS <name>` accepts it. */
const STAGE_TARGET = /^[A-Za-z][A-Za-z0-9_.-]*$/;
const KUBE_LABEL = /^[a-z0-9](?:[-a-z0-9]*[a-z0-9])?$/;
const KUBE_SUBDOMAIN = /^[a-z0-9](?:[-a-z0-9]*[a-z0-9])?(?:\.[a-z0-9](?:[-a-z0-9]*[a-z0-9])?)*$/;
function kubeNameProblem(name, kind) {
    const label = kind !== 'Deployment';
    const max = label ? 63 : 253;
    if ((label ? KUBE_LABEL : KUBE_SUBDOMAIN).test(name) && name.length <= max)
        return undefined;
    const dots = label ? '' : ", '.'";
    return (`'${name}' is not a valid ${kind} name in Kubernetes; use at most ${max} lower-case letters, digits${dots} ` +
        `and '-', starting and ending with a letter or digit`);
}
const deploymentNameProblem = (name) => kubeNameProblem(name, 'Deployment');
const containerNameProblem = (name) => kubeNameProblem(name, 'container');
const namespaceProblem = (name) => kubeNameProblem(name, 'namespace');
function targetProblem(target) {
    if (STAGE_TARGET.test(target))
        return undefined;
    return `'${target}' is not a Dockerfile stage name; use the name after 'AS' in 'FROM ... AS <name>' (a letter, then letters, digits, '_', '.' or '-')`;
}
function healthPathProblem(path) {
    if (HEALTH_PATH.test(path))
        return undefined;
    return `'${path}' is not an HTTP path; write it with a leading '/' and no spaces, e.g. '/health'`;
}
const STAGE_NAME = /^[A-Za-z0-9_-]+(?:@[^\s/\\:@]+)?$/;
/** A DVC stage as `dvc repro` takes it: `name`, `name@item` (foreach), `path/to/dvc.yaml:name`. */
function dvcStageProblem(stage) {
    const usage = "write 'name', 'name@item' for a foreach stage, or 'path/to/dvc.yaml:name'";
    const colon = stage.indexOf(':');
    const file = colon >= 0 ? stage.slice(0, colon) : undefined;
    const name = colon >= 0 ? stage.slice(colon + 1) : stage;
    if (file !== undefined) {
        if (external_node_path_namespaceObject.posix.basename(file) !== 'dvc.yaml') {
            return `'${stage}' names a stage in '${file}', which is not a dvc.yaml file; ${usage}`;
        }
        const problem = relativePathProblem(file, 'path');
        if (problem)
            return `the dvc.yaml path of '${stage}': ${problem}`;
    }
    if (!STAGE_NAME.test(name)) {
        return `'${stage}' is not a DVC stage name; ${usage}; stage names use letters, digits, '_' and '-'`;
    }
    return undefined;
}
const HEALTH_PATH = /^\/\S*$/;
const PERCENT = /^([0-9]+(?:\.[0-9]+)?)%$/;
function rules_parseThreshold(value) {
    if (typeof value === 'number') {
        return Number.isFinite(value) && value >= 0 ? { kind: 'absolute', value } : undefined;
    }
    if (typeof value === 'string') {
        const match = PERCENT.exec(value);
        if (match?.[1] !== undefined)
            return { kind: 'relative', percent: Number(match[1]) };
    }
    return undefined;
}

;// CONCATENATED MODULE: ./src/catalog/validate.ts





const KEYS = {
    root: ['version', 'global', 'shared', 'services'],
    group: ['paths', 'ignore'],
    service: ['paths', 'ignore', 'uses', 'dvc', 'image', 'deploy', 'metrics', 'test'],
    dvc: ['stages'],
    image: ['name', 'context', 'dockerfile', 'target', 'build_args'],
    deploy: ['deployment', 'container', 'namespace', 'health_path'],
    metrics: ['files', 'rules'],
    rule: ['better', 'max_drop', 'max_rise'],
    test: ['coverage'],
};
/**
 * A mapping's accepted entries, and the accepted keys that misspelt keys seem meant to be.
 * Sections have a handful of keys: a scan beats allocating a Map for each of thousands of them.
 */
class Fields {
    map;
    /** Accepted keys that misspelt ones stand for; allocated only when there is one. */
    misspelt;
    constructor(map) {
        this.map = map;
    }
    get(name) {
        const items = this.map.items;
        for (let index = 0; index < items.length; index++) {
            const pair = items[index];
            if (pair && keyName(pair.key) === name)
                return pair;
        }
        return undefined;
    }
}
/**
 * Reads the catalog's tree into the model, collecting every problem with its offset: the loader
 * reports the first one in the document, so a user fixes the file from the top.
 */
class CatalogReader {
    lineOf;
    problems = [];
    constructor(lineOf) {
        this.lineOf = lineOf;
    }
    read(root) {
        const content = {
            global: [],
            shared: new Map(),
            services: new Map(),
            groupKeys: new Map(),
            serviceKeys: new Map(),
            uses: [],
        };
        if (root === null) {
            this.report(0, [], "the catalog is empty; start it with 'version: 1' and a 'services:' mapping (see action-templates/services.yml of aura/actions)");
            return content;
        }
        if (root.kind !== 'map') {
            this.report(root.start, [], `the catalog must be a mapping with the keys ${KEYS.root.join(', ')}, got ${describe(root)}`);
            return content;
        }
        const fields = this.fields(root, [], KEYS.root, 'the catalog');
        const version = fields.get('version');
        if (version)
            this.version(version);
        else
            this.missing(fields, root.start, ['version'], "add 'version: 1' at the top of the catalog");
        const global = fields.get('global');
        if (global)
            content.global = this.globs(global.value, ['global'], 'global', false);
        const shared = fields.get('shared');
        if (shared)
            this.sharedGroups(shared.value, content);
        const services = fields.get('services');
        if (!services) {
            this.missing(fields, root.start, ['services'], "add a 'services:' mapping that describes each service and its paths");
        }
        else {
            this.services(services, content);
        }
        this.nameClashes(content);
        return content;
    }
    report(offset, path, message) {
        this.problems.push({ offset, message: path.length ? `${formatKeyPath(path)}: ${message}` : message });
    }
    /** A required key is missing; unless a misspelt key stands for it, already reported as such. */
    missing(fields, offset, path, message) {
        const name = path[path.length - 1];
        if (typeof name === 'string' && fields.misspelt?.includes(name))
            return;
        this.report(offset, path, `missing; ${message}`);
    }
    version(pair) {
        const node = pair.value;
        if (node.kind === 'scalar' && node.value === 1)
            return;
        if (node.kind === 'scalar' && node.value === '1') {
            this.report(node.start, ['version'], "must be the number 1, got the string '1'; write version: 1 without quotes");
        }
        else {
            this.report(node.start, ['version'], `must be 1, got ${describe(node)}; this release of aura/actions reads catalog version 1`);
        }
    }
    sharedGroups(node, content) {
        const groups = this.map(node, ['shared'], 'name each group of paths services share, e.g. shared: { ml-common: { paths: ["libs/ml_common/**"] } }');
        if (!groups)
            return;
        // Indexed loops here and below: for-of is several times slower before the JIT warms up.
        for (let index = 0; index < groups.items.length; index++) {
            const { key, value } = groups.items[index];
            const name = keyName(key);
            const path = ['shared', name];
            const nameIssue = nameProblem(name, 'shared group');
            if (nameIssue)
                this.report(key.start, path, nameIssue);
            content.groupKeys.set(name, key);
            const fields = this.section(value, path, KEYS.group, `give the group its paths, e.g. paths: ["libs/${name}/**"]`);
            if (!fields)
                continue;
            const group = {
                name,
                paths: this.requiredGlobs(fields, path, key, 'paths', `list the group's files, e.g. paths: ["libs/${name}/**"]`),
                ignore: this.optionalGlobs(fields, path, 'ignore'),
            };
            content.shared.set(name, group);
        }
    }
    services(pair, content) {
        const services = this.map(pair.value, ['services'], 'add at least one service with its paths');
        if (!services)
            return;
        if (services.items.length === 0) {
            this.report(services.start, ['services'], 'no service is defined; add at least one service with its paths');
            return;
        }
        for (let index = 0; index < services.items.length; index++) {
            const { key, value } = services.items[index];
            const name = keyName(key);
            const path = ['services', name];
            const nameIssue = nameProblem(name, 'service');
            if (nameIssue)
                this.report(key.start, path, nameIssue);
            content.serviceKeys.set(name, key);
            const example = `paths: ["services/${name}/**"]`;
            const fields = this.section(value, path, KEYS.service, `give the service its paths, e.g. ${example}`);
            if (!fields)
                continue;
            const service = {
                name,
                paths: this.requiredGlobs(fields, path, key, 'paths', `list the service's files, e.g. ${example}`),
                ignore: this.optionalGlobs(fields, path, 'ignore'),
                uses: this.uses(fields.get('uses'), path, name, content),
            };
            const dvc = fields.get('dvc');
            if (dvc)
                service.dvc = this.dvc(dvc, [...path, 'dvc']);
            const image = fields.get('image');
            if (image)
                service.image = this.image(image, [...path, 'image'], name, service.paths);
            const deploy = fields.get('deploy');
            if (deploy)
                service.deploy = this.deploy(deploy, [...path, 'deploy'], name);
            const metrics = fields.get('metrics');
            if (metrics)
                service.metrics = this.metrics(metrics, [...path, 'metrics']);
            const test = fields.get('test');
            if (test)
                service.test = this.test(test, [...path, 'test']);
            content.services.set(name, service);
        }
    }
    uses(pair, path, service, content) {
        if (!pair)
            return [];
        const usesPath = [...path, 'uses'];
        const list = this.list(pair.value, usesPath, 'list shared groups or services, e.g. uses: [ml-common]');
        if (!list)
            return [];
        const names = [];
        list.items.forEach((item, index) => {
            const name = this.string(item, [...usesPath, index], 'name a shared group or a service');
            if (name === undefined)
                return;
            names.push(name);
            content.uses.push({ service, name, path: [...usesPath, index], node: item });
        });
        return names;
    }
    dvc(pair, path) {
        const fields = this.section(pair.value, path, KEYS.dvc, "list the service's DVC stages, e.g. dvc: { stages: [train] }");
        if (!fields)
            return undefined;
        const stages = fields.get('stages');
        if (!stages) {
            this.missing(fields, pair.key.start, [...path, 'stages'], "list the service's DVC stages, e.g. stages: [prepare, train]");
            return undefined;
        }
        const values = this.strings(stages.value, [...path, 'stages'], 'list DVC stage names, e.g. [prepare, train]', dvcStageProblem, true);
        return { stages: values };
    }
    image(pair, path, service, paths) {
        const fields = this.section(pair.value, path, KEYS.image, 'write image: {} to build with the defaults');
        if (!fields)
            return undefined;
        const nameField = fields.get('name');
        let name;
        if (nameField) {
            name = this.checkedString(nameField.value, [...path, 'name'], 'name the image', imageNameProblem);
        }
        else {
            name = service.toLowerCase();
            if (imageNameProblem(name)) {
                this.report(pair.key.start, path, `the default image name '${name}' (the service name in lower case) is not a valid image name; set image.name`);
            }
        }
        const contextField = fields.get('context');
        let context = contextField
            ? this.checkedString(contextField.value, [...path, 'context'], "name a folder, '.' for the repository root", contextProblem)
            : globBase(paths[0] ?? '.');
        if (context !== undefined && context !== '.')
            context = context.replace(/\/+$/, '');
        const dockerfileField = fields.get('dockerfile');
        const dockerfile = dockerfileField
            ? this.string(dockerfileField.value, [...path, 'dockerfile'], 'name the Dockerfile relative to the context')
            : 'Dockerfile';
        let dockerfilePath;
        if (context !== undefined && dockerfile !== undefined) {
            const resolved = resolveDockerfile(context, dockerfile);
            if ('problem' in resolved)
                this.report(dockerfileField?.value.start ?? pair.key.start, [...path, 'dockerfile'], resolved.problem);
            else
                dockerfilePath = resolved.path;
        }
        const targetField = fields.get('target');
        const target = targetField
            ? this.checkedString(targetField.value, [...path, 'target'], 'name a stage of the Dockerfile', targetProblem)
            : undefined;
        const buildArgsField = fields.get('build_args');
        const buildArgs = buildArgsField ? this.buildArgs(buildArgsField.value, [...path, 'build_args']) : {};
        if (name === undefined || context === undefined || dockerfile === undefined || dockerfilePath === undefined)
            return undefined;
        const image = { name, context, dockerfile, dockerfilePath, buildArgs };
        if (target !== undefined)
            image.target = target;
        return image;
    }
    buildArgs(node, path) {
        const args = {};
        const map = this.map(node, path, 'map each build argument to its value, e.g. build_args: { PYTHON_VERSION: "3.11" }');
        if (!map)
            return args;
        for (let index = 0; index < map.items.length; index++) {
            const { key, value } = map.items[index];
            const name = keyName(key);
            if (!/^[^=\s]+$/.test(name)) {
                this.report(key.start, [...path, name], "invalid build argument name; it may not be empty or contain '=' or spaces");
                continue;
            }
            if (value.kind !== 'scalar' || value.value === null || typeof value.value === 'object' || value.tag) {
                this.report(value.start, [...path, name], `must be a string, number or boolean, got ${describe(value)}; write '' for an empty value`);
                continue;
            }
            // Values as written: `3.10` is the string "3.10", not the number 3.1.
            args[name] = typeof value.value === 'string' ? value.value : value.source;
        }
        return args;
    }
    deploy(pair, path, service) {
        const fields = this.section(pair.value, path, KEYS.deploy, `name the service's Deployment, e.g. deploy: { deployment: ${service} }`);
        if (!fields)
            return undefined;
        const deploymentField = fields.get('deployment');
        let deployment;
        if (!deploymentField) {
            this.missing(fields, pair.key.start, [...path, 'deployment'], 'name the Kubernetes Deployment that runs the service');
        }
        else {
            deployment = this.checkedString(deploymentField.value, [...path, 'deployment'], 'name the Deployment', deploymentNameProblem);
        }
        const containerField = fields.get('container');
        let container;
        if (containerField) {
            container = this.checkedString(containerField.value, [...path, 'container'], 'name the container', containerNameProblem);
        }
        else if (kubeNameProblem(service.toLowerCase(), 'container')) {
            this.report(pair.key.start, path, `the default container name '${service.toLowerCase()}' (the service name in lower case) is not a valid Kubernetes container name; set deploy.container`);
        }
        else {
            container = service.toLowerCase();
        }
        const namespaceField = fields.get('namespace');
        const namespace = namespaceField
            ? this.checkedString(namespaceField.value, [...path, 'namespace'], 'name the namespace', namespaceProblem)
            : 'default';
        const healthField = fields.get('health_path');
        const healthPath = healthField
            ? this.checkedString(healthField.value, [...path, 'health_path'], "write the HTTP path, e.g. '/health'", healthPathProblem)
            : undefined;
        if (deployment === undefined || container === undefined || namespace === undefined)
            return undefined;
        const deploy = { deployment, container, namespace };
        if (healthPath !== undefined)
            deploy.healthPath = healthPath;
        return deploy;
    }
    metrics(pair, path) {
        const fields = this.section(pair.value, path, KEYS.metrics, 'list the metrics files, e.g. metrics: { files: [metrics.json] }');
        if (!fields)
            return undefined;
        const filesField = fields.get('files');
        let files = [];
        if (!filesField) {
            this.missing(fields, pair.key.start, [...path, 'files'], "list the service's metrics files, e.g. files: [metrics/service.json]");
        }
        else {
            files = this.strings(filesField.value, [...path, 'files'], 'list metrics files, e.g. [metrics/service.json]', metricsFileProblem, true);
        }
        const rules = new Map();
        const rulesField = fields.get('rules');
        if (rulesField) {
            const map = this.map(rulesField.value, [...path, 'rules'], 'map metric names to rules, e.g. rules: { accuracy: { better: higher, max_drop: 0.01 } }');
            const items = map?.items ?? [];
            for (let index = 0; index < items.length; index++) {
                const { key, value } = items[index];
                const metric = keyName(key);
                const rulePath = [...path, 'rules', metric];
                if (metric.trim() === '') {
                    this.report(key.start, rulePath, 'the metric name is empty; write the name as the metrics file has it');
                    continue;
                }
                const rule = this.rule(value, rulePath, key);
                if (rule)
                    rules.set(metric, rule);
            }
        }
        return { files, rules };
    }
    rule(node, path, key) {
        const fields = this.section(node, path, KEYS.rule, 'e.g. { better: higher, max_drop: 0.01 }');
        if (!fields)
            return undefined;
        const betterField = fields.get('better');
        let better;
        if (!betterField) {
            this.missing(fields, key.start, [...path, 'better'], "say whether a higher or a lower value is better: 'better: higher' or 'better: lower'");
        }
        else {
            const value = this.string(betterField.value, [...path, 'better'], "write 'higher' or 'lower'");
            if (value === 'higher' || value === 'lower')
                better = value;
            else if (value !== undefined) {
                const guess = didYouMean(value, ['higher', 'lower']);
                const hint = guess ? `; did you mean '${guess}'?` : '';
                this.report(betterField.value.start, [...path, 'better'], `must be 'higher' or 'lower', got '${value}'${hint}`);
            }
        }
        const rule = {};
        if (better)
            rule.better = better;
        for (const name of ['max_drop', 'max_rise']) {
            const field = fields.get(name);
            if (!field)
                continue;
            const fieldPath = [...path, name];
            if (better === 'lower' && name === 'max_drop') {
                this.report(field.key.start, fieldPath, 'a metric where lower is better regresses when it rises; use max_rise instead of max_drop');
                continue;
            }
            if (better === 'higher' && name === 'max_rise') {
                this.report(field.key.start, fieldPath, 'a metric where higher is better regresses when it drops; use max_drop instead of max_rise');
                continue;
            }
            const value = field.value;
            const threshold = value.kind === 'scalar' && !value.tag ? rules_parseThreshold(value.value) : undefined;
            if (!threshold) {
                this.report(value.start, fieldPath, `must be a non-negative number (an absolute change, e.g. 0.01) or a percentage (a relative change, e.g. "5%"), got ${describe(value)}`);
                continue;
            }
            if (name === 'max_drop')
                rule.maxDrop = threshold;
            else
                rule.maxRise = threshold;
        }
        return rule.better ? rule : undefined;
    }
    test(pair, path) {
        const fields = this.section(pair.value, path, KEYS.test, 'e.g. test: { coverage: 80 }');
        if (!fields)
            return undefined;
        const test = {};
        const coverage = fields.get('coverage');
        if (coverage) {
            const node = coverage.value;
            const value = node.kind === 'scalar' && !node.tag ? node.value : undefined;
            if (typeof value === 'number' && value >= 0 && value <= 100)
                test.coverage = value;
            else {
                const percent = typeof value === 'string' ? /^([0-9]+(?:\.[0-9]+)?)\s*%$/.exec(value)?.[1] : undefined;
                const hint = percent ? `; write ${percent} without '%'` : '';
                this.report(node.start, [...path, 'coverage'], `must be a number from 0 to 100 (percent of lines covered), got ${describe(node)}${hint}`);
            }
        }
        return test;
    }
    /** A shared group and a service with one name would make `uses: [name]` ambiguous. */
    nameClashes(content) {
        for (const [name, serviceKey] of content.serviceKeys) {
            const groupKey = content.groupKeys.get(name);
            if (!groupKey)
                continue;
            const [later, earlier, laterPath, earlierKind] = serviceKey.start > groupKey.start
                ? [serviceKey, groupKey, ['services', name], 'a shared group']
                : [groupKey, serviceKey, ['shared', name], 'a service'];
            this.report(later.start, laterPath, `'${name}' is also the name of ${earlierKind} (line ${this.lineOf(earlier.start)}); rename one of them, since uses: [${name}] could mean either`);
        }
    }
    // --- Shapes -------------------------------------------------------------------------------
    /** The fields of a mapping, reporting keys it does not accept. */
    fields(map, path, allowed, what) {
        const fields = new Fields(map);
        for (let index = 0; index < map.items.length; index++) {
            const pair = map.items[index];
            const name = keyName(pair.key);
            if (allowed.includes(name))
                continue;
            const keyPath = [...path, name];
            if (name === '<<') {
                // The merged keys were meant to be here: do not also report them as missing.
                (fields.misspelt ??= []).push(...allowed);
                this.report(pair.key.start, keyPath, 'YAML merge keys are not supported in the catalog; write the keys out');
                continue;
            }
            const guess = didYouMean(name, allowed);
            if (guess)
                (fields.misspelt ??= []).push(guess);
            const hint = guess ? `did you mean '${guess}'?` : `${what ?? formatKeyPath(path)} accepts ${allowed.join(', ')}`;
            this.report(pair.key.start, keyPath, `unknown key; ${hint}`);
        }
        return fields;
    }
    /** A mapping section such as a service or its `image`: its fields, or undefined after a report. */
    section(node, path, allowed, hint) {
        const map = this.map(node, path, hint);
        if (!map)
            return undefined;
        return this.fields(map, path, allowed);
    }
    map(node, path, hint) {
        if (node.kind === 'map')
            return node;
        this.report(node.start, path, `must be a mapping, got ${describe(node)}; ${hint}`);
        return undefined;
    }
    list(node, path, hint) {
        if (node.kind === 'seq')
            return node;
        this.report(node.start, path, `must be a list, got ${describe(node)}; ${hint}`);
        return undefined;
    }
    string(node, path, hint) {
        if (node.kind === 'scalar' && node.tag) {
            this.report(node.start, path, `'${node.tag}' is read as a YAML tag; quote a value that starts with '!'`);
            return undefined;
        }
        if (node.kind === 'scalar' && typeof node.value === 'string')
            return node.value;
        this.report(node.start, path, `must be a string, got ${describe(node)}; ${hint}`);
        return undefined;
    }
    checkedString(node, path, hint, check) {
        const value = this.string(node, path, hint);
        if (value === undefined)
            return undefined;
        const problem = check(value);
        if (problem) {
            this.report(node.start, path, problem);
            return undefined;
        }
        return value;
    }
    /** A list of strings, each checked; duplicates are reported as such. */
    strings(node, path, hint, check, nonEmpty) {
        const list = this.list(node, path, hint);
        if (!list)
            return [];
        if (nonEmpty && list.items.length === 0) {
            this.report(list.start, path, `is empty; ${hint}`);
            return [];
        }
        const values = [];
        list.items.forEach((item, index) => {
            const itemPath = [...path, index];
            const value = this.checkedString(item, itemPath, hint, check);
            if (value === undefined)
                return;
            if (values.includes(value)) {
                this.report(item.start, itemPath, `'${value}' is listed twice; remove one`);
                return;
            }
            values.push(value);
        });
        return values;
    }
    globs(node, path, list, nonEmpty) {
        const hint = `list globs relative to the repository root, e.g. ["services/example/**"]`;
        const items = this.list(node, path, hint);
        if (!items)
            return [];
        if (nonEmpty && items.items.length === 0) {
            this.report(items.start, path, `is empty; ${hint}`);
            return [];
        }
        const globs = [];
        items.items.forEach((item, index) => {
            const itemPath = [...path, index];
            // `- !**/*.md` is a YAML tag, not a string: say what the user meant to write.
            if (item.kind === 'scalar' && item.tag?.startsWith('!')) {
                const written = item.value ? `${item.tag} ${String(item.source)}` : item.tag;
                this.report(item.start, itemPath, globProblem(written, list) ?? `'${written}' is read as a YAML tag`);
                return;
            }
            const glob = this.string(item, itemPath, 'write the glob as a string');
            if (glob === undefined)
                return;
            const problem = globProblem(glob, list);
            if (problem)
                this.report(item.start, itemPath, problem);
            else
                globs.push(glob);
        });
        return globs;
    }
    requiredGlobs(fields, path, owner, name, example) {
        const field = fields.get(name);
        if (!field) {
            this.missing(fields, owner.start, [...path, name], example);
            return [];
        }
        return this.globs(field.value, [...path, name], name, true);
    }
    optionalGlobs(fields, path, name) {
        const field = fields.get(name);
        return field ? this.globs(field.value, [...path, name], name, false) : [];
    }
}

;// CONCATENATED MODULE: ./src/catalog/load.ts









const DEFAULT_CATALOG_PATH = '.github/services.yml';
const TEMPLATE_URL = 'https://github.com/aura/actions/blob/v1/action-templates/services.yml';
/**
 * Reads and validates `<repoRoot>/<catalogPath>`. Every problem is a ConfigurationError located
 * on the file, line and column at fault; the first one in the document is reported.
 */
function loadCatalog(repoRoot, catalogPath) {
    const absolute = (0,external_node_path_namespaceObject.resolve)(repoRoot, catalogPath);
    const fromRoot = (0,external_node_path_namespaceObject.relative)((0,external_node_path_namespaceObject.resolve)(repoRoot), absolute);
    // Annotations need a path relative to the workspace; a catalog outside it keeps its full path.
    const file = fromRoot && !fromRoot.startsWith('..') && !(0,external_node_path_namespaceObject.isAbsolute)(fromRoot) ? fromRoot.split(external_node_path_namespaceObject.sep).join('/') : absolute;
    let text;
    try {
        text = (0,external_node_fs_.readFileSync)(absolute, 'utf8');
    }
    catch (error) {
        const code = errorCode(error);
        if (code === 'ENOENT') {
            throw new errors/* ConfigurationError */.j1(`service catalog not found: looked for ${file} in ${repoRoot}; create it from the example catalog ` +
                `(${TEMPLATE_URL}), or set the 'catalog' input to the path of yours`);
        }
        if (code === 'EISDIR') {
            throw new errors/* ConfigurationError */.j1(`service catalog ${file} is a directory; set the 'catalog' input to the catalog file`);
        }
        const reason = error?.message ?? String(error);
        throw new errors/* ConfigurationError */.j1(`cannot read the service catalog ${file}: ${String(reason)}`);
    }
    return parseCatalog(text, file);
}
/** Parses and validates catalog text; `file` is the name used in errors and locations. */
function parseCatalog(text, file) {
    return readCatalog(text, file, 'fast-first');
}
/**
 * `parseCatalog` with a choice of YAML reader, so tests can hold the fast reader to the `yaml`
 * package's results: 'yaml-package' skips the fast reader.
 */
function readCatalog(text, file, reader) {
    // Line starts are counted only when a location is asked for: errors and later actions' messages.
    let lines;
    const position = (offset) => (lines ??= lineCounter(text)).linePos(offset);
    const at = (offset) => {
        const { line, col } = position(offset);
        return { file, line, column: col };
    };
    let root = reader === 'fast-first' ? parseFast(text) : undefined;
    if (root === undefined) {
        const parsed = parseWithYamlPackage(text, (lines ??= lineCounter(text)));
        if ('problem' in parsed)
            throw new errors/* ConfigurationError */.j1(parsed.problem.message, at(parsed.problem.offset));
        root = parsed.root;
    }
    const checker = new CatalogReader((offset) => position(offset).line);
    const content = checker.read(root);
    checkUses(content, checker);
    const first = firstProblem(checker.problems);
    if (first)
        throw new errors/* ConfigurationError */.j1(first.message, at(first.offset));
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
function errorCode(error) {
    const code = error?.code;
    return typeof code === 'string' ? code : undefined;
}
function locate(root, path, at) {
    return at(nodeAt(root, path)?.start ?? 0);
}
function firstProblem(problems) {
    let first;
    for (const problem of problems)
        if (!first || problem.offset < first.offset)
            first = problem;
    return first;
}
/** Line starts of the whole text, for line:column of any offset (the `yaml` package's counter). */
function lineCounter(text) {
    const lines = new dist/* LineCounter */.HN();
    lines.addNewLine(0);
    for (let at = text.indexOf('\n'); at !== -1; at = text.indexOf('\n', at + 1))
        lines.addNewLine(at + 1);
    return lines;
}

;// CONCATENATED MODULE: ./src/catalog/index.ts







;// CONCATENATED MODULE: ./src/actions/metrics-regression-gate/groups.ts



/**
 * The metrics to compare: the services of the catalog (all with metrics, or those named in
 * `services`), each with its rules, the `rules` input filling in metrics the catalog has no rule
 * for; or, with `files`, one group per metrics file ruled by the `rules` input alone.
 */
async function selectGroups(inputs, base) {
    if (inputs.files.length > 0) {
        const files = await expandFileGlobs(inputs.root, inputs.files, base);
        return {
            groups: files.map((file) => ({ name: file, files: [file], rules: inputs.rules })),
            catalog: undefined,
            rulesSource: inputs.rules.size > 0 ? "the 'rules' input" : undefined,
        };
    }
    const catalog = loadCatalog(inputs.root, inputs.catalog);
    const names = inputs.services === 'all'
        ? [...catalog.services.values()].filter((service) => service.metrics).map((service) => service.name)
        : inputs.services;
    const groups = [];
    for (const name of names) {
        const service = requireService(catalog, name, "input 'services'");
        if (!service.metrics || service.metrics.files.length === 0) {
            runner/* info */.pq(`${name}: no metrics in the catalog; nothing to compare`);
            continue;
        }
        const rules = new Map(service.metrics.rules);
        for (const [metric, rule] of inputs.rules)
            if (!rules.has(metric))
                rules.set(metric, rule);
        groups.push({
            name,
            files: service.metrics.files,
            rules,
            ruleLocation: (metric) => service.metrics.rules.has(metric) ? catalog.locate(['services', name, 'metrics', 'rules', metric]) : undefined,
        });
    }
    return { groups, catalog, rulesSource: `\`${catalog.file}\`` };
}

;// CONCATENATED MODULE: ./src/core/inputs.ts


/**
 * Input readers. Every reader names the input and, where a set of values is
 * accepted, lists it, so a user sees at once what to change in the workflow.
 */
function getString(name, fallback = '') {
    const value = runner/* getInput */.V4(name).trim();
    return value === '' ? fallback : value;
}
function getOptionalString(name) {
    const value = runner/* getInput */.V4(name).trim();
    return value === '' ? undefined : value;
}
function getRequired(name) {
    const value = core.getInput(name).trim();
    if (value === '') {
        throw new ConfigurationError(`input '${name}' is required; set it under 'with:' in the workflow step`);
    }
    return value;
}
const TRUE_WORDS = new Set(['true', 'yes', 'on', '1']);
const FALSE_WORDS = new Set(['false', 'no', 'off', '0']);
function getBoolean(name, fallback) {
    const raw = runner/* getInput */.V4(name).trim();
    if (raw === '')
        return fallback;
    return parseBoolean(name, raw);
}
function parseBoolean(name, raw) {
    const value = raw.toLowerCase();
    if (TRUE_WORDS.has(value))
        return true;
    if (FALSE_WORDS.has(value))
        return false;
    throw new errors/* ConfigurationError */.j1(`input '${name}' must be true or false, got '${raw}'`);
}
function getEnum(name, accepted, fallback) {
    const raw = runner/* getInput */.V4(name).trim();
    if (raw === '')
        return fallback;
    return parseEnum(name, raw, accepted);
}
function parseEnum(name, raw, accepted) {
    const match = accepted.find((value) => value === raw.toLowerCase());
    if (match === undefined) {
        throw new errors/* ConfigurationError */.j1(`input '${name}' must be one of ${accepted.map((v) => `'${v}'`).join(', ')}, got '${raw}'`);
    }
    return match;
}
const DURATION_UNITS = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 };
/** Reads a duration such as `90s`, `10m`, `1h30m` or a bare number of seconds; returns milliseconds. */
function getDuration(name, fallbackMs) {
    const raw = core.getInput(name).trim();
    if (raw === '')
        return fallbackMs;
    return parseDuration(name, raw);
}
function parseDuration(name, raw) {
    const text = raw.trim().toLowerCase();
    if (/^\d+(\.\d+)?$/.test(text))
        return Math.round(Number(text) * 1000);
    const part = /(\d+(?:\.\d+)?)(ms|s|m|h)/y;
    let total = 0;
    let index = 0;
    while (index < text.length) {
        part.lastIndex = index;
        const match = part.exec(text);
        if (!match) {
            throw new ConfigurationError(`input '${name}' must be a duration such as 30s, 10m or 1h30m (units ms, s, m, h), got '${raw}'`);
        }
        total += Number(match[1]) * (DURATION_UNITS[match[2]] ?? 0);
        index = part.lastIndex;
    }
    return Math.round(total);
}
/** A list given one item per line or separated by commas; blank items and `#` comments are dropped. */
function getList(name) {
    return parseList(runner/* getInput */.V4(name));
}
function parseList(raw) {
    return raw
        .split(/\r?\n/)
        .map((line) => line.replace(/(^|\s)#.*$/, ''))
        .flatMap((line) => line.split(','))
        .map((item) => item.trim())
        .filter((item) => item !== '');
}
/**
 * A list that may also be given as a JSON array, as the outputs of other steps are
 * (`services: ${{ steps.changes.outputs.services }}`).
 */
function getListOrJson(name) {
    const raw = runner/* getInput */.V4(name).trim();
    if (raw.startsWith('[')) {
        const parsed = parseJson(name, raw);
        if (!Array.isArray(parsed) || parsed.some((item) => typeof item !== 'string')) {
            throw new errors/* ConfigurationError */.j1(`input '${name}' must be a JSON array of strings or a list, got '${raw}'`);
        }
        return parsed.map((item) => item.trim()).filter((item) => item !== '');
    }
    return parseList(raw);
}
function getJson(name) {
    const raw = core.getInput(name).trim();
    if (raw === '')
        return undefined;
    return parseJson(name, raw);
}
function parseJson(name, raw) {
    try {
        return JSON.parse(raw);
    }
    catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        throw new errors/* ConfigurationError */.j1(`input '${name}' is not valid JSON (${reason})`);
    }
}
/** Fails when inputs that exclude each other are both set. */
function assertExclusive(names) {
    const set = names.filter((name) => core.getInput(name).trim() !== '');
    if (set.length > 1) {
        throw new ConfigurationError(`inputs ${set.map((n) => `'${n}'`).join(' and ')} cannot be used together; set only one of them`);
    }
}

;// CONCATENATED MODULE: ./src/actions/metrics-regression-gate/inputs.ts






function parseConfidence(raw) {
    const text = raw.trim();
    const percent = text.endsWith('%');
    const value = Number(percent ? text.slice(0, -1) : text) / (percent ? 100 : 1);
    if (text === '' || !Number.isFinite(value) || value <= 0 || value >= 1) {
        throw new errors/* ConfigurationError */.j1(`input 'confidence' must be a number between 0 and 1 (e.g. 0.95) or a percentage (e.g. 95%), got '${raw}'`);
    }
    return value;
}
/** Reads and checks every input before anything runs. */
function readInputs() {
    const workspace = process.env.GITHUB_WORKSPACE || process.cwd();
    const workingDirectory = getString('working-directory', '.');
    if ((0,external_node_path_namespaceObject.isAbsolute)(workingDirectory)) {
        throw new errors/* ConfigurationError */.j1(`input 'working-directory' must be relative to the workspace, got '${workingDirectory}'`);
    }
    const rawServices = runner/* getInput */.V4('services').trim();
    const files = getList('files');
    if (rawServices !== '' && files.length > 0) {
        throw new errors/* ConfigurationError */.j1("inputs 'services' and 'files' cannot be used together: 'services' picks services of the catalog, 'files' replaces the catalog; set only one of them");
    }
    const token = runner/* getInput */.V4('token');
    const comment = getEnum('comment', ['sticky', 'on-change', 'off'], 'sticky');
    if (comment !== 'off' && token.trim() === '') {
        throw new errors/* ConfigurationError */.j1("input 'token' is empty; pass a token that may write pull-request comments, or set 'comment: off'");
    }
    const title = getString('title', 'Metrics');
    if (/[\r\n]/.test(title))
        throw new errors/* ConfigurationError */.j1("input 'title' must be a single line");
    const pullRequest = getOptionalString('pull-request');
    return {
        root: (0,external_node_path_namespaceObject.resolve)(workspace, workingDirectory),
        workingDirectory,
        catalog: getString('catalog', '.github/services.yml'),
        services: rawServices === '' ? 'all' : getListOrJson('services'),
        files,
        rules: parseRulesInput(runner/* getInput */.V4('rules')),
        baseline: getOptionalString('baseline'),
        token,
        comment,
        failOn: getEnum('fail-on', ['regression', 'never'], 'regression'),
        failOnMissing: getBoolean('fail-on-missing', true),
        title,
        confidence: parseConfidence(getString('confidence', '0.95')),
        noiseMethod: getEnum('noise-method', ['welch', 'bootstrap'], 'welch'),
        params: getList('params'),
        pullRequest: pullRequest === undefined ? undefined : parsePullRequestNumber(pullRequest, "input 'pull-request'"),
    };
}

;// CONCATENATED MODULE: ./src/actions/metrics-regression-gate/main.ts



















const PREFIX = TOOL;
/** GitHub keeps at most 1 MiB of summary per step. */
const SUMMARY_LIMIT = 1_000_000;
async function run() {
    await runAction(PREFIX, gate);
}
async function gate() {
    const inputs = readInputs();
    (0,secrets/* registerSecret */.cl)(inputs.token);
    const context = readRunContext({ baseline: inputs.baseline, pullRequest: inputs.pullRequest });
    await checkRepository(inputs.root);
    // The catalog is checked before any fetch; globs of `files` are matched once the base is known.
    const fromCatalog = inputs.files.length === 0 ? await selectGroups(inputs, undefined) : undefined;
    const base = context.base
        ? await group('Finding the base', async () => {
            const sha = await resolveBase(inputs.root, context.base.ref, context.base.source);
            runner/* info */.pq(`Comparing with ${sha} (${context.base.source})`);
            return { sha, source: context.base.source };
        })
        : undefined;
    if (!base)
        runner/* info */.pq('No base to compare with (not a pull request, merge queue or push, and no baseline input)');
    const selection = fromCatalog ?? (await selectGroups(inputs, base?.sha));
    const files = [...new Set(selection.groups.flatMap((g) => g.files))];
    const { head, baseReads } = await group('Reading metrics', async () => {
        const headReads = readHeadFiles(inputs.root, files);
        const baseFiles = base ? await readBaseFiles(inputs.root, base.sha, files) : undefined;
        for (const file of files) {
            const baseRead = baseFiles?.get(file);
            runner/* info */.pq(`${file}: head ${describeRead(headReads.get(file))}` + (baseRead ? `, base ${describeRead(baseRead)}` : ''));
            if (baseRead?.status === 'unreadable') {
                runner/* warning */.$e(`${file}: cannot read the base (${baseRead.reason}); its metrics are shown without a comparison`, {
                    title: PREFIX,
                    file: annotationPath(inputs, file),
                });
            }
        }
        return { head: headReads, baseReads: baseFiles };
    });
    const options = { confidence: inputs.confidence, noiseMethod: inputs.noiseMethod, failOnMissing: inputs.failOnMissing };
    const rows = [];
    for (const metricGroup of selection.groups) {
        const sides = new Map(metricGroup.files.map((file) => [file, { head: head.get(file), base: baseReads?.get(file) }]));
        const groupRows = compareGroup(metricGroup, sides, options);
        for (const row of groupRows) {
            if (row.status !== 'not-found')
                continue;
            const location = metricGroup.ruleLocation?.(row.metric);
            runner/* warning */.$e(`${metricGroup.name}: the rule for '${row.metric}' matches no metric in ${metricGroup.files.join(', ')}${row.note?.startsWith('did you mean') ? `; ${row.note}` : ''}`, {
                title: PREFIX,
                ...(location ? { file: annotationPath(inputs, location.file), startLine: location.line } : {}),
            });
        }
        rows.push(...groupRows);
    }
    const params = base ? await diffParamsFiles(inputs, base.sha) : [];
    const short = (sha) => (sha ? `\`${sha.slice(0, 7)}\`` : undefined);
    const report = buildReport(selection.groups.map((g) => g.name), rows, params, { base: base ? `${short(base.sha)} (${base.source})` : undefined, head: short(context.headSha) });
    logReport(report);
    const values = new Map();
    for (const row of rows) {
        if (row.head && (row.head.kind === 'number' || row.head.kind === 'samples') && row.metric !== '') {
            values.set(historyKey(row.group, row.file, row.metric), row.head.value);
        }
    }
    const summaryUrl = jobSummaryUrl();
    const comment = await group('Commenting on the pull request', () => postComment({
        mode: inputs.comment,
        token: inputs.token,
        title: inputs.title,
        pullRequest: context.pullRequest,
        eventName: context.event.name,
        report,
        values,
        headSha: context.headSha,
        summaryUrl,
        rulesSource: selection.rulesSource,
    }));
    // The charts go to the summary only: the comment keeps its sparklines and stays compact.
    let summary = renderReport(report, {
        title: inputs.title,
        history: comment.history,
        trendCharts: MAX_TREND_CHARTS,
        limit: SUMMARY_LIMIT,
        rulesSource: selection.rulesSource,
    });
    if (comment.problem)
        summary = `> [!NOTE]\n> No pull-request comment: ${comment.problem}.\n\n${summary}`;
    await writeSummary(summary);
    setOutput('verdict', report.verdict);
    setOutput('regressions', report.regressions);
    setOutput('comment-url', comment.url ?? '');
    setOutput('markdown', comment.markdown);
    decide(inputs, report);
}
function describeRead(read) {
    if (read.status === 'ok')
        return `${read.metrics.size} metric${read.metrics.size === 1 ? '' : 's'}`;
    if (read.status === 'missing')
        return `missing${read.reason ? ` (${read.reason})` : ''}`;
    return `unreadable (${read.reason})`;
}
async function diffParamsFiles(inputs, base) {
    if (inputs.params.length === 0)
        return [];
    const atBase = await readAtCommit(inputs.root, base, inputs.params);
    const changes = [];
    for (const file of inputs.params) {
        const path = (0,external_node_path_namespaceObject.join)(inputs.root, file);
        const headText = (0,external_node_fs_.existsSync)(path) ? (0,external_node_fs_.readFileSync)(path, 'utf8') : undefined;
        const baseText = atBase.get(file);
        if (headText === undefined && baseText === undefined)
            continue;
        try {
            changes.push(...diffParams(file, baseText === undefined ? undefined : parseParamsText(file, baseText), headText === undefined ? undefined : parseParamsText(file, headText)));
        }
        catch (error) {
            runner/* warning */.$e(`${file}: cannot compare the parameters (${error instanceof Error ? error.message : String(error)})`, { title: PREFIX });
        }
    }
    return changes;
}
function logReport(report) {
    const moved = report.rows.filter((row) => row.status !== 'unchanged');
    runner/* info */.pq(`Verdict: ${report.verdict} (${report.rows.length} metrics, ${moved.length} moved or noted, ${report.regressions.length} failing)`);
    for (const row of moved) {
        const value = (v) => v === undefined ? '-' : v.kind === 'other' ? v.text : formatNumber(v.value);
        const change = row.delta !== undefined ? ` ${formatSigned(row.delta)}${row.percent !== undefined ? ` (${formatPercent(row.percent)})` : ''}` : '';
        const rule = row.rule ? ` [${describeThreshold(row.rule)}]` : '';
        runner/* info */.pq(`  ${row.group} ${row.metric || row.file}: ${value(row.base)} -> ${value(row.head)}${change}${rule} ${row.status}${row.note ? `: ${row.note}` : ''}`);
    }
}
function jobSummaryUrl() {
    const server = process.env.GITHUB_SERVER_URL;
    const repository = process.env.GITHUB_REPOSITORY;
    const runId = process.env.GITHUB_RUN_ID;
    if (!server || !repository || !runId)
        return undefined;
    const attempt = Number(process.env.GITHUB_RUN_ATTEMPT ?? '1');
    return `${server}/${repository}/actions/runs/${runId}${attempt > 1 ? `/attempts/${attempt}` : ''}`;
}
/** Paths in annotations are relative to the workspace; ours are relative to the working directory. */
function annotationPath(inputs, file) {
    return inputs.workingDirectory === '.' || inputs.workingDirectory === '' ? file : `${inputs.workingDirectory.replace(/\/+$/, '')}/${file}`;
}
function decide(inputs, report) {
    const failing = report.rows.filter((row) => row.failing);
    if (failing.length === 0) {
        runner/* info */.pq(report.verdict === 'no-baseline' ? 'No baseline: nothing to gate on' : 'No regression');
        return;
    }
    for (const row of failing.slice(0, 10)) {
        const what = row.metric === '' ? row.file : `${row.group}: ${row.metric}`;
        const detail = row.status === 'regressed' && row.delta !== undefined && row.rule
            ? `${formatSigned(row.delta)}${row.percent !== undefined ? ` (${formatPercent(row.percent)})` : ''}, beyond ${describeThreshold(row.rule)}`
            : (row.note ?? row.status);
        const annotate = inputs.failOn === 'regression' ? runner/* error */.z3 : runner/* warning */.$e;
        annotate(`${what}: ${detail}`, { title: `${PREFIX}: ${row.status}`, file: annotationPath(inputs, row.file) || undefined });
    }
    const message = `${PREFIX}: ${failing.length} failing metric${failing.length === 1 ? '' : 's'} (see the job summary)`;
    if (inputs.failOn === 'regression')
        runner/* setFailed */.C1(message);
    else
        runner/* warning */.$e(`${message}; not failing the step because fail-on is 'never'`, { title: PREFIX });
}


/***/ }),

/***/ 4296:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   j$: () => (/* binding */ formatLocation),
/* harmony export */   j1: () => (/* binding */ ConfigurationError),
/* harmony export */   s$: () => (/* binding */ isErrnoException)
/* harmony export */ });
/**
 * An error the user can fix: bad input, a malformed file, a missing tool.
 * The action prints its message as one error line (annotated on the file when
 * `location` is set) and exits non-zero, without a stack trace.
 */
class ConfigurationError extends Error {
    name = 'ConfigurationError';
    location;
    constructor(message, location) {
        super(message);
        this.location = location;
    }
}
function formatLocation(location) {
    let text = location.file;
    if (location.line !== undefined) {
        text += `:${location.line}`;
        if (location.column !== undefined)
            text += `:${location.column}`;
    }
    return text;
}
/**
 * A Node system error (ENOENT, EACCES...). Checked by shape, not `instanceof Error`: errors
 * from another realm (a VM context, as in tests) are not instances of this realm's Error.
 */
function isErrnoException(error) {
    return typeof error === 'object' && error !== null && typeof error.code === 'string';
}


/***/ }),

/***/ 1872:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  fe: () => (/* binding */ appendSummary),
  Yz: () => (/* binding */ debug),
  z3: () => (/* binding */ error),
  V4: () => (/* binding */ getInput),
  Os: () => (/* binding */ group),
  pq: () => (/* binding */ info),
  lm: () => (/* binding */ notice),
  C1: () => (/* binding */ setFailed),
  uH: () => (/* binding */ setOutput),
  Pq: () => (/* binding */ setSecret),
  $e: () => (/* binding */ warning)
});

// UNUSED EXPORTS: addPath, endGroup, exportVariable, getState, isDebug, issueCommand, saveState, startGroup

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __nccwpck_require__(7598);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __nccwpck_require__(3024);
;// CONCATENATED MODULE: external "node:os"
const external_node_os_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:os");
;// CONCATENATED MODULE: ./src/core/runner.ts



function toCommandValue(value) {
    if (value === null || value === undefined)
        return '';
    if (typeof value === 'string')
        return value;
    return JSON.stringify(value);
}
function escapeData(value) {
    return toCommandValue(value).replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}
function escapeProperty(value) {
    return escapeData(value).replace(/:/g, '%3A').replace(/,/g, '%2C');
}
/** Writes one workflow command line, `::command key=value,...::message`. */
function issueCommand(command, properties, message) {
    const pairs = Object.entries(properties)
        .filter(([, value]) => value !== undefined && value !== '')
        .map(([key, value]) => `${key}=${escapeProperty(value)}`);
    const head = pairs.length > 0 ? `::${command} ${pairs.join(',')}` : `::${command}`;
    process.stdout.write(`${head}::${escapeData(message)}${external_node_os_namespaceObject.EOL}`);
}
/** Appends `name<<delimiter` / value / `delimiter` to a file command, as the runner reads it. */
function issueFileCommand(variable, name, value) {
    const file = process.env[variable];
    if (!file)
        return false;
    const text = toCommandValue(value);
    const delimiter = `ghadelimiter_${(0,external_node_crypto_.randomUUID)()}`;
    if (name.includes(delimiter) || text.includes(delimiter)) {
        throw new Error(`cannot write ${name} to ${variable}: its value contains the delimiter`);
    }
    (0,external_node_fs_.appendFileSync)(file, `${name}<<${delimiter}${external_node_os_namespaceObject.EOL}${text}${external_node_os_namespaceObject.EOL}${delimiter}${external_node_os_namespaceObject.EOL}`, 'utf8');
    return true;
}
function getInput(name, options = {}) {
    const value = process.env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] ?? '';
    if (options.required && !value)
        throw new Error(`Input required and not supplied: ${name}`);
    return options.trimWhitespace === false ? value : value.trim();
}
function setOutput(name, value) {
    if (!issueFileCommand('GITHUB_OUTPUT', name, value)) {
        process.stdout.write(external_node_os_namespaceObject.EOL);
        issueCommand('set-output', { name }, toCommandValue(value));
    }
}
function saveState(name, value) {
    if (!issueFileCommand('GITHUB_STATE', name, value))
        issueCommand('save-state', { name }, toCommandValue(value));
}
function getState(name) {
    return process.env[`STATE_${name}`] ?? '';
}
function exportVariable(name, value) {
    process.env[name] = toCommandValue(value);
    if (!issueFileCommand('GITHUB_ENV', name, value))
        issueCommand('set-env', { name }, toCommandValue(value));
}
function addPath(path) {
    const file = process.env.GITHUB_PATH;
    if (file)
        appendFileSync(file, `${path}${EOL}`, 'utf8');
    else
        issueCommand('add-path', {}, path);
    process.env.PATH = `${path}:${process.env.PATH ?? ''}`;
}
function setSecret(secret) {
    issueCommand('add-mask', {}, secret);
}
function isDebug() {
    return process.env.RUNNER_DEBUG === '1';
}
function debug(message) {
    issueCommand('debug', {}, message);
}
function info(message) {
    process.stdout.write(`${message}${external_node_os_namespaceObject.EOL}`);
}
function annotationProperties(properties) {
    return {
        title: properties.title,
        file: properties.file,
        line: properties.startLine,
        endLine: properties.endLine,
        col: properties.startColumn,
        endColumn: properties.endColumn,
    };
}
function messageText(message) {
    return message instanceof Error ? message.toString() : message;
}
function error(message, properties = {}) {
    issueCommand('error', annotationProperties(properties), messageText(message));
}
function warning(message, properties = {}) {
    issueCommand('warning', annotationProperties(properties), messageText(message));
}
function notice(message, properties = {}) {
    issueCommand('notice', annotationProperties(properties), messageText(message));
}
function setFailed(message) {
    process.exitCode = 1;
    error(message);
}
function startGroup(name) {
    issueCommand('group', {}, name);
}
function endGroup() {
    issueCommand('endgroup', {}, '');
}
async function group(name, fn) {
    startGroup(name);
    try {
        return await fn();
    }
    finally {
        endGroup();
    }
}
/** Appends markdown to the job summary file; false when the runner gave none. */
function appendSummary(markdown) {
    const file = process.env.GITHUB_STEP_SUMMARY;
    if (!file)
        return false;
    (0,external_node_fs_.appendFileSync)(file, markdown.endsWith('\n') ? markdown : `${markdown}\n`, 'utf8');
    return true;
}


/***/ }),

/***/ 8198:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   E$: () => (/* binding */ redact),
/* harmony export */   cl: () => (/* binding */ registerSecret)
/* harmony export */ });
/* unused harmony export clearSecretsForTest */
/* harmony import */ var _runner_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(1872);

const registered = new Set();
/**
 * Registers a value that must never be printed. The runner masks it in the log;
 * `redact` removes it from text the action writes elsewhere (summaries, comments,
 * logged command lines), where the runner's masking does not reach.
 */
function registerSecret(value) {
    if (!value)
        return;
    for (const variant of secretVariants(value)) {
        if (registered.has(variant))
            continue;
        registered.add(variant);
        _runner_js__WEBPACK_IMPORTED_MODULE_0__/* .setSecret */ .Pq(variant);
    }
}
/** A multi-line secret (a key file) is masked line by line, as the runner splits its log. */
function secretVariants(value) {
    const variants = [value];
    for (const line of value.split(/\r?\n/)) {
        const trimmed = line.trim();
        // Short lines such as "{" or "}" of a JSON key file are not secret and would mask everything.
        if (trimmed.length >= 8 && trimmed !== value)
            variants.push(trimmed);
    }
    return variants;
}
function redact(text) {
    let result = text;
    // Longest first, so a secret that contains another is replaced whole.
    for (const secret of [...registered].sort((a, b) => b.length - a.length)) {
        result = result.split(secret).join('***');
    }
    return result;
}
/** For tests: forget the registered secrets. */
function clearSecretsForTest() {
    registered.clear();
}


/***/ }),

/***/ 2613:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("assert");

/***/ }),

/***/ 181:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("buffer");

/***/ }),

/***/ 4434:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("events");

/***/ }),

/***/ 9896:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("fs");

/***/ }),

/***/ 8611:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("http");

/***/ }),

/***/ 5692:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("https");

/***/ }),

/***/ 9278:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("net");

/***/ }),

/***/ 4589:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:assert");

/***/ }),

/***/ 6698:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:async_hooks");

/***/ }),

/***/ 4573:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:buffer");

/***/ }),

/***/ 7540:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:console");

/***/ }),

/***/ 7598:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:crypto");

/***/ }),

/***/ 3053:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:diagnostics_channel");

/***/ }),

/***/ 610:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:dns");

/***/ }),

/***/ 8474:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:events");

/***/ }),

/***/ 3024:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs");

/***/ }),

/***/ 7067:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:http");

/***/ }),

/***/ 2467:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:http2");

/***/ }),

/***/ 7030:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:net");

/***/ }),

/***/ 643:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:perf_hooks");

/***/ }),

/***/ 1792:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:querystring");

/***/ }),

/***/ 7075:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:stream");

/***/ }),

/***/ 1692:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:tls");

/***/ }),

/***/ 3136:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:url");

/***/ }),

/***/ 7975:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:util");

/***/ }),

/***/ 3429:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:util/types");

/***/ }),

/***/ 5919:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:worker_threads");

/***/ }),

/***/ 8522:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:zlib");

/***/ }),

/***/ 857:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("os");

/***/ }),

/***/ 932:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("process");

/***/ }),

/***/ 3193:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("string_decoder");

/***/ }),

/***/ 4756:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("tls");

/***/ }),

/***/ 9023:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("util");

/***/ }),

/***/ 7349:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var Scalar = __nccwpck_require__(3301);
var YAMLMap = __nccwpck_require__(4454);
var YAMLSeq = __nccwpck_require__(2223);
var resolveBlockMap = __nccwpck_require__(7103);
var resolveBlockSeq = __nccwpck_require__(334);
var resolveFlowCollection = __nccwpck_require__(3142);

function resolveCollection(CN, ctx, token, onError, tagName, tag) {
    const coll = token.type === 'block-map'
        ? resolveBlockMap.resolveBlockMap(CN, ctx, token, onError, tag)
        : token.type === 'block-seq'
            ? resolveBlockSeq.resolveBlockSeq(CN, ctx, token, onError, tag)
            : resolveFlowCollection.resolveFlowCollection(CN, ctx, token, onError, tag);
    const Coll = coll.constructor;
    // If we got a tagName matching the class, or the tag name is '!',
    // then use the tagName from the node class used to create it.
    if (tagName === '!' || tagName === Coll.tagName) {
        coll.tag = Coll.tagName;
        return coll;
    }
    if (tagName)
        coll.tag = tagName;
    return coll;
}
function composeCollection(CN, ctx, token, props, onError) {
    const tagToken = props.tag;
    const tagName = !tagToken
        ? null
        : ctx.directives.tagName(tagToken.source, msg => onError(tagToken, 'TAG_RESOLVE_FAILED', msg));
    if (token.type === 'block-seq') {
        const { anchor, newlineAfterProp: nl } = props;
        const lastProp = anchor && tagToken
            ? anchor.offset > tagToken.offset
                ? anchor
                : tagToken
            : (anchor ?? tagToken);
        if (lastProp && (!nl || nl.offset < lastProp.offset)) {
            const message = 'Missing newline after block sequence props';
            onError(lastProp, 'MISSING_CHAR', message);
        }
    }
    const expType = token.type === 'block-map'
        ? 'map'
        : token.type === 'block-seq'
            ? 'seq'
            : token.start.source === '{'
                ? 'map'
                : 'seq';
    // shortcut: check if it's a generic YAMLMap or YAMLSeq
    // before jumping into the custom tag logic.
    if (!tagToken ||
        !tagName ||
        tagName === '!' ||
        (tagName === YAMLMap.YAMLMap.tagName && expType === 'map') ||
        (tagName === YAMLSeq.YAMLSeq.tagName && expType === 'seq')) {
        return resolveCollection(CN, ctx, token, onError, tagName);
    }
    let tag = ctx.schema.tags.find(t => t.tag === tagName && t.collection === expType);
    if (!tag) {
        const kt = ctx.schema.knownTags[tagName];
        if (kt?.collection === expType) {
            ctx.schema.tags.push(Object.assign({}, kt, { default: false }));
            tag = kt;
        }
        else {
            if (kt) {
                onError(tagToken, 'BAD_COLLECTION_TYPE', `${kt.tag} used for ${expType} collection, but expects ${kt.collection ?? 'scalar'}`, true);
            }
            else {
                onError(tagToken, 'TAG_RESOLVE_FAILED', `Unresolved tag: ${tagName}`, true);
            }
            return resolveCollection(CN, ctx, token, onError, tagName);
        }
    }
    const coll = resolveCollection(CN, ctx, token, onError, tagName, tag);
    const res = tag.resolve?.(coll, msg => onError(tagToken, 'TAG_RESOLVE_FAILED', msg), ctx.options) ?? coll;
    const node = identity.isNode(res)
        ? res
        : new Scalar.Scalar(res);
    node.range = coll.range;
    node.tag = tagName;
    if (tag?.format)
        node.format = tag.format;
    return node;
}

exports.composeCollection = composeCollection;


/***/ }),

/***/ 3683:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Document = __nccwpck_require__(3021);
var composeNode = __nccwpck_require__(5937);
var resolveEnd = __nccwpck_require__(7788);
var resolveProps = __nccwpck_require__(4631);

function composeDoc(options, directives, { offset, start, value, end }, onError) {
    const opts = Object.assign({ _directives: directives }, options);
    const doc = new Document.Document(undefined, opts);
    const ctx = {
        atKey: false,
        atRoot: true,
        directives: doc.directives,
        options: doc.options,
        schema: doc.schema
    };
    const props = resolveProps.resolveProps(start, {
        indicator: 'doc-start',
        next: value ?? end?.[0],
        offset,
        onError,
        parentIndent: 0,
        startOnNewline: true
    });
    if (props.found) {
        doc.directives.docStart = true;
        if (value &&
            (value.type === 'block-map' || value.type === 'block-seq') &&
            !props.hasNewline)
            onError(props.end, 'MISSING_CHAR', 'Block collection cannot start on same line with directives-end marker');
    }
    // @ts-expect-error If Contents is set, let's trust the user
    doc.contents = value
        ? composeNode.composeNode(ctx, value, props, onError)
        : composeNode.composeEmptyNode(ctx, props.end, start, null, props, onError);
    const contentEnd = doc.contents.range[2];
    const re = resolveEnd.resolveEnd(end, contentEnd, false, onError);
    if (re.comment)
        doc.comment = re.comment;
    doc.range = [offset, contentEnd, re.offset];
    return doc;
}

exports.composeDoc = composeDoc;


/***/ }),

/***/ 5937:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Alias = __nccwpck_require__(4065);
var identity = __nccwpck_require__(1127);
var composeCollection = __nccwpck_require__(7349);
var composeScalar = __nccwpck_require__(5413);
var resolveEnd = __nccwpck_require__(7788);
var utilEmptyScalarPosition = __nccwpck_require__(2599);

const CN = { composeNode, composeEmptyNode };
function composeNode(ctx, token, props, onError) {
    const atKey = ctx.atKey;
    const { spaceBefore, comment, anchor, tag } = props;
    let node;
    let isSrcToken = true;
    switch (token.type) {
        case 'alias':
            node = composeAlias(ctx, token, onError);
            if (anchor || tag)
                onError(token, 'ALIAS_PROPS', 'An alias node must not specify any properties');
            break;
        case 'scalar':
        case 'single-quoted-scalar':
        case 'double-quoted-scalar':
        case 'block-scalar':
            node = composeScalar.composeScalar(ctx, token, tag, onError);
            if (anchor)
                node.anchor = anchor.source.substring(1);
            break;
        case 'block-map':
        case 'block-seq':
        case 'flow-collection':
            try {
                node = composeCollection.composeCollection(CN, ctx, token, props, onError);
                if (anchor)
                    node.anchor = anchor.source.substring(1);
            }
            catch (error) {
                // Almost certainly here due to a stack overflow
                const message = error instanceof Error ? error.message : String(error);
                onError(token, 'RESOURCE_EXHAUSTION', message);
            }
            break;
        default: {
            const message = token.type === 'error'
                ? token.message
                : `Unsupported token (type: ${token.type})`;
            onError(token, 'UNEXPECTED_TOKEN', message);
            isSrcToken = false;
        }
    }
    node ?? (node = composeEmptyNode(ctx, token.offset, undefined, null, props, onError));
    if (anchor && node.anchor === '')
        onError(anchor, 'BAD_ALIAS', 'Anchor cannot be an empty string');
    if (atKey &&
        ctx.options.stringKeys &&
        (!identity.isScalar(node) ||
            typeof node.value !== 'string' ||
            (node.tag && node.tag !== 'tag:yaml.org,2002:str'))) {
        const msg = 'With stringKeys, all keys must be strings';
        onError(tag ?? token, 'NON_STRING_KEY', msg);
    }
    if (spaceBefore)
        node.spaceBefore = true;
    if (comment) {
        if (token.type === 'scalar' && token.source === '')
            node.comment = comment;
        else
            node.commentBefore = comment;
    }
    // @ts-expect-error Type checking misses meaning of isSrcToken
    if (ctx.options.keepSourceTokens && isSrcToken)
        node.srcToken = token;
    return node;
}
function composeEmptyNode(ctx, offset, before, pos, { spaceBefore, comment, anchor, tag, end }, onError) {
    const token = {
        type: 'scalar',
        offset: utilEmptyScalarPosition.emptyScalarPosition(offset, before, pos),
        indent: -1,
        source: ''
    };
    const node = composeScalar.composeScalar(ctx, token, tag, onError);
    if (anchor) {
        node.anchor = anchor.source.substring(1);
        if (node.anchor === '')
            onError(anchor, 'BAD_ALIAS', 'Anchor cannot be an empty string');
    }
    if (spaceBefore)
        node.spaceBefore = true;
    if (comment) {
        node.comment = comment;
        node.range[2] = end;
    }
    return node;
}
function composeAlias({ options }, { offset, source, end }, onError) {
    const alias = new Alias.Alias(source.substring(1));
    if (alias.source === '')
        onError(offset, 'BAD_ALIAS', 'Alias cannot be an empty string');
    if (alias.source.endsWith(':'))
        onError(offset + source.length - 1, 'BAD_ALIAS', 'Alias ending in : is ambiguous', true);
    const valueEnd = offset + source.length;
    const re = resolveEnd.resolveEnd(end, valueEnd, options.strict, onError);
    alias.range = [offset, valueEnd, re.offset];
    if (re.comment)
        alias.comment = re.comment;
    return alias;
}

exports.composeEmptyNode = composeEmptyNode;
exports.composeNode = composeNode;


/***/ }),

/***/ 5413:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var Scalar = __nccwpck_require__(3301);
var resolveBlockScalar = __nccwpck_require__(8913);
var resolveFlowScalar = __nccwpck_require__(6842);

function composeScalar(ctx, token, tagToken, onError) {
    const { value, type, comment, range } = token.type === 'block-scalar'
        ? resolveBlockScalar.resolveBlockScalar(ctx, token, onError)
        : resolveFlowScalar.resolveFlowScalar(token, ctx.options.strict, onError);
    const tagName = tagToken
        ? ctx.directives.tagName(tagToken.source, msg => onError(tagToken, 'TAG_RESOLVE_FAILED', msg))
        : null;
    let tag;
    if (ctx.options.stringKeys && ctx.atKey) {
        tag = ctx.schema[identity.SCALAR];
    }
    else if (tagName)
        tag = findScalarTagByName(ctx.schema, value, tagName, tagToken, onError);
    else if (token.type === 'scalar')
        tag = findScalarTagByTest(ctx, value, token, onError);
    else
        tag = ctx.schema[identity.SCALAR];
    let scalar;
    try {
        const res = tag.resolve(value, msg => onError(tagToken ?? token, 'TAG_RESOLVE_FAILED', msg), ctx.options);
        scalar = identity.isScalar(res) ? res : new Scalar.Scalar(res);
    }
    catch (error) {
        const msg = error instanceof Error ? error.message : String(error);
        onError(tagToken ?? token, 'TAG_RESOLVE_FAILED', msg);
        scalar = new Scalar.Scalar(value);
    }
    scalar.range = range;
    scalar.source = value;
    if (type)
        scalar.type = type;
    if (tagName)
        scalar.tag = tagName;
    if (tag.format)
        scalar.format = tag.format;
    if (comment)
        scalar.comment = comment;
    return scalar;
}
function findScalarTagByName(schema, value, tagName, tagToken, onError) {
    if (tagName === '!')
        return schema[identity.SCALAR]; // non-specific tag
    const matchWithTest = [];
    for (const tag of schema.tags) {
        if (!tag.collection && tag.tag === tagName) {
            if (tag.default && tag.test)
                matchWithTest.push(tag);
            else
                return tag;
        }
    }
    for (const tag of matchWithTest)
        if (tag.test?.test(value))
            return tag;
    const kt = schema.knownTags[tagName];
    if (kt && !kt.collection) {
        // Ensure that the known tag is available for stringifying,
        // but does not get used by default.
        schema.tags.push(Object.assign({}, kt, { default: false, test: undefined }));
        return kt;
    }
    onError(tagToken, 'TAG_RESOLVE_FAILED', `Unresolved tag: ${tagName}`, tagName !== 'tag:yaml.org,2002:str');
    return schema[identity.SCALAR];
}
function findScalarTagByTest({ atKey, directives, schema }, value, token, onError) {
    const tag = schema.tags.find(tag => (tag.default === true || (atKey && tag.default === 'key')) &&
        tag.test?.test(value)) || schema[identity.SCALAR];
    if (schema.compat) {
        const compat = schema.compat.find(tag => tag.default && tag.test?.test(value)) ??
            schema[identity.SCALAR];
        if (tag.tag !== compat.tag) {
            const ts = directives.tagString(tag.tag);
            const cs = directives.tagString(compat.tag);
            const msg = `Value may be parsed as either ${ts} or ${cs}`;
            onError(token, 'TAG_RESOLVE_FAILED', msg, true);
        }
    }
    return tag;
}

exports.composeScalar = composeScalar;


/***/ }),

/***/ 9984:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var node_process = __nccwpck_require__(932);
var directives = __nccwpck_require__(1342);
var Document = __nccwpck_require__(3021);
var errors = __nccwpck_require__(1464);
var identity = __nccwpck_require__(1127);
var composeDoc = __nccwpck_require__(3683);
var resolveEnd = __nccwpck_require__(7788);

function getErrorPos(src) {
    if (typeof src === 'number')
        return [src, src + 1];
    if (Array.isArray(src))
        return src.length === 2 ? src : [src[0], src[1]];
    const { offset, source } = src;
    return [offset, offset + (typeof source === 'string' ? source.length : 1)];
}
function parsePrelude(prelude) {
    let comment = '';
    let atComment = false;
    let afterEmptyLine = false;
    for (let i = 0; i < prelude.length; ++i) {
        const source = prelude[i];
        switch (source[0]) {
            case '#':
                comment +=
                    (comment === '' ? '' : afterEmptyLine ? '\n\n' : '\n') +
                        (source.substring(1) || ' ');
                atComment = true;
                afterEmptyLine = false;
                break;
            case '%':
                if (prelude[i + 1]?.[0] !== '#')
                    i += 1;
                atComment = false;
                break;
            default:
                // This may be wrong after doc-end, but in that case it doesn't matter
                if (!atComment)
                    afterEmptyLine = true;
                atComment = false;
        }
    }
    return { comment, afterEmptyLine };
}
/**
 * Compose a stream of CST nodes into a stream of YAML Documents.
 *
 * ```ts
 * import { Composer, Parser } from 'yaml'
 *
 * const src: string = ...
 * const tokens = new Parser().parse(src)
 * const docs = new Composer().compose(tokens)
 * ```
 */
class Composer {
    constructor(options = {}) {
        this.doc = null;
        this.atDirectives = false;
        this.prelude = [];
        this.errors = [];
        this.warnings = [];
        this.onError = (source, code, message, warning) => {
            const pos = getErrorPos(source);
            if (warning)
                this.warnings.push(new errors.YAMLWarning(pos, code, message));
            else
                this.errors.push(new errors.YAMLParseError(pos, code, message));
        };
        // eslint-disable-next-line @typescript-eslint/prefer-nullish-coalescing
        this.directives = new directives.Directives({ version: options.version || '1.2' });
        this.options = options;
    }
    decorate(doc, afterDoc) {
        const { comment, afterEmptyLine } = parsePrelude(this.prelude);
        //console.log({ dc: doc.comment, prelude, comment })
        if (comment) {
            const dc = doc.contents;
            if (afterDoc) {
                doc.comment = doc.comment ? `${doc.comment}\n${comment}` : comment;
            }
            else if (afterEmptyLine || doc.directives.docStart || !dc) {
                doc.commentBefore = comment;
            }
            else if (identity.isCollection(dc) && !dc.flow && dc.items.length > 0) {
                let it = dc.items[0];
                if (identity.isPair(it))
                    it = it.key;
                const cb = it.commentBefore;
                it.commentBefore = cb ? `${comment}\n${cb}` : comment;
            }
            else {
                const cb = dc.commentBefore;
                dc.commentBefore = cb ? `${comment}\n${cb}` : comment;
            }
        }
        if (afterDoc) {
            for (let i = 0; i < this.errors.length; ++i)
                doc.errors.push(this.errors[i]);
            for (let i = 0; i < this.warnings.length; ++i)
                doc.warnings.push(this.warnings[i]);
        }
        else {
            doc.errors = this.errors;
            doc.warnings = this.warnings;
        }
        this.prelude = [];
        this.errors = [];
        this.warnings = [];
    }
    /**
     * Current stream status information.
     *
     * Mostly useful at the end of input for an empty stream.
     */
    streamInfo() {
        return {
            comment: parsePrelude(this.prelude).comment,
            directives: this.directives,
            errors: this.errors,
            warnings: this.warnings
        };
    }
    /**
     * Compose tokens into documents.
     *
     * @param forceDoc - If the stream contains no document, still emit a final document including any comments and directives that would be applied to a subsequent document.
     * @param endOffset - Should be set if `forceDoc` is also set, to set the document range end and to indicate errors correctly.
     */
    *compose(tokens, forceDoc = false, endOffset = -1) {
        for (const token of tokens)
            yield* this.next(token);
        yield* this.end(forceDoc, endOffset);
    }
    /** Advance the composer by one CST token. */
    *next(token) {
        if (node_process.env.LOG_STREAM)
            console.dir(token, { depth: null });
        switch (token.type) {
            case 'directive':
                this.directives.add(token.source, (offset, message, warning) => {
                    const pos = getErrorPos(token);
                    pos[0] += offset;
                    this.onError(pos, 'BAD_DIRECTIVE', message, warning);
                });
                this.prelude.push(token.source);
                this.atDirectives = true;
                break;
            case 'document': {
                const doc = composeDoc.composeDoc(this.options, this.directives, token, this.onError);
                if (this.atDirectives && !doc.directives.docStart)
                    this.onError(token, 'MISSING_CHAR', 'Missing directives-end/doc-start indicator line');
                this.decorate(doc, false);
                if (this.doc)
                    yield this.doc;
                this.doc = doc;
                this.atDirectives = false;
                break;
            }
            case 'byte-order-mark':
            case 'space':
                break;
            case 'comment':
            case 'newline':
                this.prelude.push(token.source);
                break;
            case 'error': {
                const msg = token.source
                    ? `${token.message}: ${JSON.stringify(token.source)}`
                    : token.message;
                const error = new errors.YAMLParseError(getErrorPos(token), 'UNEXPECTED_TOKEN', msg);
                if (this.atDirectives || !this.doc)
                    this.errors.push(error);
                else
                    this.doc.errors.push(error);
                break;
            }
            case 'doc-end': {
                if (!this.doc) {
                    const msg = 'Unexpected doc-end without preceding document';
                    this.errors.push(new errors.YAMLParseError(getErrorPos(token), 'UNEXPECTED_TOKEN', msg));
                    break;
                }
                this.doc.directives.docEnd = true;
                const end = resolveEnd.resolveEnd(token.end, token.offset + token.source.length, this.doc.options.strict, this.onError);
                this.decorate(this.doc, true);
                if (end.comment) {
                    const dc = this.doc.comment;
                    this.doc.comment = dc ? `${dc}\n${end.comment}` : end.comment;
                }
                this.doc.range[2] = end.offset;
                break;
            }
            default:
                this.errors.push(new errors.YAMLParseError(getErrorPos(token), 'UNEXPECTED_TOKEN', `Unsupported token ${token.type}`));
        }
    }
    /**
     * Call at end of input to yield any remaining document.
     *
     * @param forceDoc - If the stream contains no document, still emit a final document including any comments and directives that would be applied to a subsequent document.
     * @param endOffset - Should be set if `forceDoc` is also set, to set the document range end and to indicate errors correctly.
     */
    *end(forceDoc = false, endOffset = -1) {
        if (this.doc) {
            this.decorate(this.doc, true);
            yield this.doc;
            this.doc = null;
        }
        else if (forceDoc) {
            const opts = Object.assign({ _directives: this.directives }, this.options);
            const doc = new Document.Document(undefined, opts);
            if (this.atDirectives)
                this.onError(endOffset, 'MISSING_CHAR', 'Missing directives-end indicator line');
            doc.range = [0, endOffset, endOffset];
            this.decorate(doc, false);
            yield doc;
        }
    }
}

exports.Composer = Composer;


/***/ }),

/***/ 7103:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Pair = __nccwpck_require__(7165);
var YAMLMap = __nccwpck_require__(4454);
var resolveProps = __nccwpck_require__(4631);
var utilContainsNewline = __nccwpck_require__(9499);
var utilFlowIndentCheck = __nccwpck_require__(4051);
var utilMapIncludes = __nccwpck_require__(1187);

const startColMsg = 'All mapping items must start at the same column';
function resolveBlockMap({ composeNode, composeEmptyNode }, ctx, bm, onError, tag) {
    const NodeClass = tag?.nodeClass ?? YAMLMap.YAMLMap;
    const map = new NodeClass(ctx.schema);
    if (ctx.atRoot)
        ctx.atRoot = false;
    let offset = bm.offset;
    let commentEnd = null;
    for (const collItem of bm.items) {
        const { start, key, sep, value } = collItem;
        // key properties
        const keyProps = resolveProps.resolveProps(start, {
            indicator: 'explicit-key-ind',
            next: key ?? sep?.[0],
            offset,
            onError,
            parentIndent: bm.indent,
            startOnNewline: true
        });
        const implicitKey = !keyProps.found;
        if (implicitKey) {
            if (key) {
                if (key.type === 'block-seq')
                    onError(offset, 'BLOCK_AS_IMPLICIT_KEY', 'A block sequence may not be used as an implicit map key');
                else if ('indent' in key && key.indent !== bm.indent)
                    onError(offset, 'BAD_INDENT', startColMsg);
            }
            if (!keyProps.anchor && !keyProps.tag && !sep) {
                commentEnd = keyProps.end;
                if (keyProps.comment) {
                    if (map.comment)
                        map.comment += '\n' + keyProps.comment;
                    else
                        map.comment = keyProps.comment;
                }
                continue;
            }
            if (keyProps.newlineAfterProp || utilContainsNewline.containsNewline(key)) {
                onError(key ?? start[start.length - 1], 'MULTILINE_IMPLICIT_KEY', 'Implicit keys need to be on a single line');
            }
        }
        else if (keyProps.found?.indent !== bm.indent) {
            onError(offset, 'BAD_INDENT', startColMsg);
        }
        // key value
        ctx.atKey = true;
        const keyStart = keyProps.end;
        const keyNode = key
            ? composeNode(ctx, key, keyProps, onError)
            : composeEmptyNode(ctx, keyStart, start, null, keyProps, onError);
        if (ctx.schema.compat)
            utilFlowIndentCheck.flowIndentCheck(bm.indent, key, onError);
        ctx.atKey = false;
        if (utilMapIncludes.mapIncludes(ctx, map.items, keyNode))
            onError(keyStart, 'DUPLICATE_KEY', 'Map keys must be unique');
        // value properties
        const valueProps = resolveProps.resolveProps(sep ?? [], {
            indicator: 'map-value-ind',
            next: value,
            offset: keyNode.range[2],
            onError,
            parentIndent: bm.indent,
            startOnNewline: !key || key.type === 'block-scalar'
        });
        offset = valueProps.end;
        if (valueProps.found) {
            if (implicitKey) {
                if (value?.type === 'block-map' && !valueProps.hasNewline)
                    onError(offset, 'BLOCK_AS_IMPLICIT_KEY', 'Nested mappings are not allowed in compact mappings');
                if (ctx.options.strict &&
                    keyProps.start < valueProps.found.offset - 1024)
                    onError(keyNode.range, 'KEY_OVER_1024_CHARS', 'The : indicator must be at most 1024 chars after the start of an implicit block mapping key');
            }
            // value value
            const valueNode = value
                ? composeNode(ctx, value, valueProps, onError)
                : composeEmptyNode(ctx, offset, sep, null, valueProps, onError);
            if (ctx.schema.compat)
                utilFlowIndentCheck.flowIndentCheck(bm.indent, value, onError);
            offset = valueNode.range[2];
            const pair = new Pair.Pair(keyNode, valueNode);
            if (ctx.options.keepSourceTokens)
                pair.srcToken = collItem;
            map.items.push(pair);
        }
        else {
            // key with no value
            if (implicitKey)
                onError(keyNode.range, 'MISSING_CHAR', 'Implicit map keys need to be followed by map values');
            if (valueProps.comment) {
                if (keyNode.comment)
                    keyNode.comment += '\n' + valueProps.comment;
                else
                    keyNode.comment = valueProps.comment;
            }
            const pair = new Pair.Pair(keyNode);
            if (ctx.options.keepSourceTokens)
                pair.srcToken = collItem;
            map.items.push(pair);
        }
    }
    if (commentEnd && commentEnd < offset)
        onError(commentEnd, 'IMPOSSIBLE', 'Map comment with trailing content');
    map.range = [bm.offset, offset, commentEnd ?? offset];
    return map;
}

exports.resolveBlockMap = resolveBlockMap;


/***/ }),

/***/ 8913:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Scalar = __nccwpck_require__(3301);

function resolveBlockScalar(ctx, scalar, onError) {
    const start = scalar.offset;
    const header = parseBlockScalarHeader(scalar, ctx.options.strict, onError);
    if (!header)
        return { value: '', type: null, comment: '', range: [start, start, start] };
    const type = header.mode === '>' ? Scalar.Scalar.BLOCK_FOLDED : Scalar.Scalar.BLOCK_LITERAL;
    const lines = scalar.source ? splitLines(scalar.source) : [];
    // determine the end of content & start of chomping
    let chompStart = lines.length;
    for (let i = lines.length - 1; i >= 0; --i) {
        const content = lines[i][1];
        if (content === '' || content === '\r')
            chompStart = i;
        else
            break;
    }
    // shortcut for empty contents
    if (chompStart === 0) {
        const value = header.chomp === '+' && lines.length > 0
            ? '\n'.repeat(Math.max(1, lines.length - 1))
            : '';
        let end = start + header.length;
        if (scalar.source)
            end += scalar.source.length;
        return { value, type, comment: header.comment, range: [start, end, end] };
    }
    // find the indentation level to trim from start
    let trimIndent = scalar.indent + header.indent;
    let offset = scalar.offset + header.length;
    let contentStart = 0;
    for (let i = 0; i < chompStart; ++i) {
        const [indent, content] = lines[i];
        if (content === '' || content === '\r') {
            if (header.indent === 0 && indent.length > trimIndent)
                trimIndent = indent.length;
        }
        else {
            if (indent.length < trimIndent) {
                const message = 'Block scalars with more-indented leading empty lines must use an explicit indentation indicator';
                onError(offset + indent.length, 'MISSING_CHAR', message);
            }
            if (header.indent === 0)
                trimIndent = indent.length;
            contentStart = i;
            if (trimIndent === 0 && !ctx.atRoot) {
                const message = 'Block scalar values in collections must be indented';
                onError(offset, 'BAD_INDENT', message);
            }
            break;
        }
        offset += indent.length + content.length + 1;
    }
    // include trailing more-indented empty lines in content
    for (let i = lines.length - 1; i >= chompStart; --i) {
        if (lines[i][0].length > trimIndent)
            chompStart = i + 1;
    }
    let value = '';
    let sep = '';
    let prevMoreIndented = false;
    // leading whitespace is kept intact
    for (let i = 0; i < contentStart; ++i)
        value += lines[i][0].slice(trimIndent) + '\n';
    for (let i = contentStart; i < chompStart; ++i) {
        let [indent, content] = lines[i];
        offset += indent.length + content.length + 1;
        const crlf = content[content.length - 1] === '\r';
        if (crlf)
            content = content.slice(0, -1);
        /* istanbul ignore if already caught in lexer */
        if (content && indent.length < trimIndent) {
            const src = header.indent
                ? 'explicit indentation indicator'
                : 'first line';
            const message = `Block scalar lines must not be less indented than their ${src}`;
            onError(offset - content.length - (crlf ? 2 : 1), 'BAD_INDENT', message);
            indent = '';
        }
        if (type === Scalar.Scalar.BLOCK_LITERAL) {
            value += sep + indent.slice(trimIndent) + content;
            sep = '\n';
        }
        else if (indent.length > trimIndent || content[0] === '\t') {
            // more-indented content within a folded block
            if (sep === ' ')
                sep = '\n';
            else if (!prevMoreIndented && sep === '\n')
                sep = '\n\n';
            value += sep + indent.slice(trimIndent) + content;
            sep = '\n';
            prevMoreIndented = true;
        }
        else if (content === '') {
            // empty line
            if (sep === '\n')
                value += '\n';
            else
                sep = '\n';
        }
        else {
            value += sep + content;
            sep = ' ';
            prevMoreIndented = false;
        }
    }
    switch (header.chomp) {
        case '-':
            break;
        case '+':
            for (let i = chompStart; i < lines.length; ++i)
                value += '\n' + lines[i][0].slice(trimIndent);
            if (value[value.length - 1] !== '\n')
                value += '\n';
            break;
        default:
            value += '\n';
    }
    const end = start + header.length + scalar.source.length;
    return { value, type, comment: header.comment, range: [start, end, end] };
}
function parseBlockScalarHeader({ offset, props }, strict, onError) {
    /* istanbul ignore if should not happen */
    if (props[0].type !== 'block-scalar-header') {
        onError(props[0], 'IMPOSSIBLE', 'Block scalar header not found');
        return null;
    }
    const { source } = props[0];
    const mode = source[0];
    let indent = 0;
    let chomp = '';
    let error = -1;
    for (let i = 1; i < source.length; ++i) {
        const ch = source[i];
        if (!chomp && (ch === '-' || ch === '+'))
            chomp = ch;
        else {
            const n = Number(ch);
            if (!indent && n)
                indent = n;
            else if (error === -1)
                error = offset + i;
        }
    }
    if (error !== -1)
        onError(error, 'UNEXPECTED_TOKEN', `Block scalar header includes extra characters: ${source}`);
    let hasSpace = false;
    let comment = '';
    let length = source.length;
    for (let i = 1; i < props.length; ++i) {
        const token = props[i];
        switch (token.type) {
            case 'space':
                hasSpace = true;
            // fallthrough
            case 'newline':
                length += token.source.length;
                break;
            case 'comment':
                if (strict && !hasSpace) {
                    const message = 'Comments must be separated from other tokens by white space characters';
                    onError(token, 'MISSING_CHAR', message);
                }
                length += token.source.length;
                comment = token.source.substring(1);
                break;
            case 'error':
                onError(token, 'UNEXPECTED_TOKEN', token.message);
                length += token.source.length;
                break;
            /* istanbul ignore next should not happen */
            default: {
                const message = `Unexpected token in block scalar header: ${token.type}`;
                onError(token, 'UNEXPECTED_TOKEN', message);
                const ts = token.source;
                if (ts && typeof ts === 'string')
                    length += ts.length;
            }
        }
    }
    return { mode, indent, chomp, comment, length };
}
/** @returns Array of lines split up as `[indent, content]` */
function splitLines(source) {
    const split = source.split(/\n( *)/);
    const first = split[0];
    const m = first.match(/^( *)/);
    const line0 = m?.[1]
        ? [m[1], first.slice(m[1].length)]
        : ['', first];
    const lines = [line0];
    for (let i = 1; i < split.length; i += 2)
        lines.push([split[i], split[i + 1]]);
    return lines;
}

exports.resolveBlockScalar = resolveBlockScalar;


/***/ }),

/***/ 334:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var YAMLSeq = __nccwpck_require__(2223);
var resolveProps = __nccwpck_require__(4631);
var utilFlowIndentCheck = __nccwpck_require__(4051);

function resolveBlockSeq({ composeNode, composeEmptyNode }, ctx, bs, onError, tag) {
    const NodeClass = tag?.nodeClass ?? YAMLSeq.YAMLSeq;
    const seq = new NodeClass(ctx.schema);
    if (ctx.atRoot)
        ctx.atRoot = false;
    if (ctx.atKey)
        ctx.atKey = false;
    let offset = bs.offset;
    let commentEnd = null;
    for (const { start, value } of bs.items) {
        const props = resolveProps.resolveProps(start, {
            indicator: 'seq-item-ind',
            next: value,
            offset,
            onError,
            parentIndent: bs.indent,
            startOnNewline: true
        });
        if (!props.found) {
            if (props.anchor || props.tag || value) {
                if (value?.type === 'block-seq')
                    onError(props.end, 'BAD_INDENT', 'All sequence items must start at the same column');
                else
                    onError(offset, 'MISSING_CHAR', 'Sequence item without - indicator');
            }
            else {
                commentEnd = props.end;
                if (props.comment)
                    seq.comment = props.comment;
                continue;
            }
        }
        const node = value
            ? composeNode(ctx, value, props, onError)
            : composeEmptyNode(ctx, props.end, start, null, props, onError);
        if (ctx.schema.compat)
            utilFlowIndentCheck.flowIndentCheck(bs.indent, value, onError);
        offset = node.range[2];
        seq.items.push(node);
    }
    seq.range = [bs.offset, offset, commentEnd ?? offset];
    return seq;
}

exports.resolveBlockSeq = resolveBlockSeq;


/***/ }),

/***/ 7788:
/***/ ((__unused_webpack_module, exports) => {



function resolveEnd(end, offset, reqSpace, onError) {
    let comment = '';
    if (end) {
        let hasSpace = false;
        let sep = '';
        for (const token of end) {
            const { source, type } = token;
            switch (type) {
                case 'space':
                    hasSpace = true;
                    break;
                case 'comment': {
                    if (reqSpace && !hasSpace)
                        onError(token, 'MISSING_CHAR', 'Comments must be separated from other tokens by white space characters');
                    const cb = source.substring(1) || ' ';
                    if (!comment)
                        comment = cb;
                    else
                        comment += sep + cb;
                    sep = '';
                    break;
                }
                case 'newline':
                    if (comment)
                        sep += source;
                    hasSpace = true;
                    break;
                default:
                    onError(token, 'UNEXPECTED_TOKEN', `Unexpected ${type} at node end`);
            }
            offset += source.length;
        }
    }
    return { comment, offset };
}

exports.resolveEnd = resolveEnd;


/***/ }),

/***/ 3142:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var Pair = __nccwpck_require__(7165);
var YAMLMap = __nccwpck_require__(4454);
var YAMLSeq = __nccwpck_require__(2223);
var resolveEnd = __nccwpck_require__(7788);
var resolveProps = __nccwpck_require__(4631);
var utilContainsNewline = __nccwpck_require__(9499);
var utilMapIncludes = __nccwpck_require__(1187);

const blockMsg = 'Block collections are not allowed within flow collections';
const isBlock = (token) => token && (token.type === 'block-map' || token.type === 'block-seq');
function resolveFlowCollection({ composeNode, composeEmptyNode }, ctx, fc, onError, tag) {
    const isMap = fc.start.source === '{';
    const fcName = isMap ? 'flow map' : 'flow sequence';
    const NodeClass = (tag?.nodeClass ?? (isMap ? YAMLMap.YAMLMap : YAMLSeq.YAMLSeq));
    const coll = new NodeClass(ctx.schema);
    coll.flow = true;
    const atRoot = ctx.atRoot;
    if (atRoot)
        ctx.atRoot = false;
    if (ctx.atKey)
        ctx.atKey = false;
    let offset = fc.offset + fc.start.source.length;
    for (let i = 0; i < fc.items.length; ++i) {
        const collItem = fc.items[i];
        const { start, key, sep, value } = collItem;
        const props = resolveProps.resolveProps(start, {
            flow: fcName,
            indicator: 'explicit-key-ind',
            next: key ?? sep?.[0],
            offset,
            onError,
            parentIndent: fc.indent,
            startOnNewline: false
        });
        if (!props.found) {
            if (!props.anchor && !props.tag && !sep && !value) {
                if (i === 0 && props.comma)
                    onError(props.comma, 'UNEXPECTED_TOKEN', `Unexpected , in ${fcName}`);
                else if (i < fc.items.length - 1)
                    onError(props.start, 'UNEXPECTED_TOKEN', `Unexpected empty item in ${fcName}`);
                if (props.comment) {
                    if (coll.comment)
                        coll.comment += '\n' + props.comment;
                    else
                        coll.comment = props.comment;
                }
                offset = props.end;
                continue;
            }
            if (!isMap && ctx.options.strict && utilContainsNewline.containsNewline(key))
                onError(key, // checked by containsNewline()
                'MULTILINE_IMPLICIT_KEY', 'Implicit keys of flow sequence pairs need to be on a single line');
        }
        if (i === 0) {
            if (props.comma)
                onError(props.comma, 'UNEXPECTED_TOKEN', `Unexpected , in ${fcName}`);
        }
        else {
            if (!props.comma)
                onError(props.start, 'MISSING_CHAR', `Missing , between ${fcName} items`);
            if (props.comment) {
                let prevItemComment = '';
                loop: for (const st of start) {
                    switch (st.type) {
                        case 'comma':
                        case 'space':
                            break;
                        case 'comment':
                            prevItemComment = st.source.substring(1);
                            break loop;
                        default:
                            break loop;
                    }
                }
                if (prevItemComment) {
                    let prev = coll.items[coll.items.length - 1];
                    if (identity.isPair(prev))
                        prev = prev.value ?? prev.key;
                    if (prev.comment)
                        prev.comment += '\n' + prevItemComment;
                    else
                        prev.comment = prevItemComment;
                    props.comment = props.comment.substring(prevItemComment.length + 1);
                }
            }
        }
        if (!isMap && !sep && !props.found) {
            // item is a value in a seq
            // → key & sep are empty, start does not include ? or :
            const valueNode = value
                ? composeNode(ctx, value, props, onError)
                : composeEmptyNode(ctx, props.end, sep, null, props, onError);
            coll.items.push(valueNode);
            offset = valueNode.range[2];
            if (isBlock(value))
                onError(valueNode.range, 'BLOCK_IN_FLOW', blockMsg);
        }
        else {
            // item is a key+value pair
            // key value
            ctx.atKey = true;
            const keyStart = props.end;
            const keyNode = key
                ? composeNode(ctx, key, props, onError)
                : composeEmptyNode(ctx, keyStart, start, null, props, onError);
            if (isBlock(key))
                onError(keyNode.range, 'BLOCK_IN_FLOW', blockMsg);
            ctx.atKey = false;
            // value properties
            const valueProps = resolveProps.resolveProps(sep ?? [], {
                flow: fcName,
                indicator: 'map-value-ind',
                next: value,
                offset: keyNode.range[2],
                onError,
                parentIndent: fc.indent,
                startOnNewline: false
            });
            if (valueProps.found) {
                if (!isMap && !props.found && ctx.options.strict) {
                    if (sep)
                        for (const st of sep) {
                            if (st === valueProps.found)
                                break;
                            if (st.type === 'newline') {
                                onError(st, 'MULTILINE_IMPLICIT_KEY', 'Implicit keys of flow sequence pairs need to be on a single line');
                                break;
                            }
                        }
                    if (props.start < valueProps.found.offset - 1024)
                        onError(valueProps.found, 'KEY_OVER_1024_CHARS', 'The : indicator must be at most 1024 chars after the start of an implicit flow sequence key');
                }
            }
            else if (value) {
                if ('source' in value && value.source?.[0] === ':')
                    onError(value, 'MISSING_CHAR', `Missing space after : in ${fcName}`);
                else
                    onError(valueProps.start, 'MISSING_CHAR', `Missing , or : between ${fcName} items`);
            }
            // value value
            const valueNode = value
                ? composeNode(ctx, value, valueProps, onError)
                : valueProps.found
                    ? composeEmptyNode(ctx, valueProps.end, sep, null, valueProps, onError)
                    : null;
            if (valueNode) {
                if (isBlock(value))
                    onError(valueNode.range, 'BLOCK_IN_FLOW', blockMsg);
            }
            else if (valueProps.comment) {
                if (keyNode.comment)
                    keyNode.comment += '\n' + valueProps.comment;
                else
                    keyNode.comment = valueProps.comment;
            }
            const pair = new Pair.Pair(keyNode, valueNode);
            if (ctx.options.keepSourceTokens)
                pair.srcToken = collItem;
            if (isMap) {
                const map = coll;
                if (utilMapIncludes.mapIncludes(ctx, map.items, keyNode))
                    onError(keyStart, 'DUPLICATE_KEY', 'Map keys must be unique');
                map.items.push(pair);
            }
            else {
                const map = new YAMLMap.YAMLMap(ctx.schema);
                map.flow = true;
                map.items.push(pair);
                const endRange = (valueNode ?? keyNode).range;
                map.range = [keyNode.range[0], endRange[1], endRange[2]];
                coll.items.push(map);
            }
            offset = valueNode ? valueNode.range[2] : valueProps.end;
        }
    }
    const expectedEnd = isMap ? '}' : ']';
    const [ce, ...ee] = fc.end;
    let cePos = offset;
    if (ce?.source === expectedEnd)
        cePos = ce.offset + ce.source.length;
    else {
        const name = fcName[0].toUpperCase() + fcName.substring(1);
        const msg = atRoot
            ? `${name} must end with a ${expectedEnd}`
            : `${name} in block collection must be sufficiently indented and end with a ${expectedEnd}`;
        onError(offset, atRoot ? 'MISSING_CHAR' : 'BAD_INDENT', msg);
        if (ce && ce.source.length !== 1)
            ee.unshift(ce);
    }
    if (ee.length > 0) {
        const end = resolveEnd.resolveEnd(ee, cePos, ctx.options.strict, onError);
        if (end.comment) {
            if (coll.comment)
                coll.comment += '\n' + end.comment;
            else
                coll.comment = end.comment;
        }
        coll.range = [fc.offset, cePos, end.offset];
    }
    else {
        coll.range = [fc.offset, cePos, cePos];
    }
    return coll;
}

exports.resolveFlowCollection = resolveFlowCollection;


/***/ }),

/***/ 6842:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Scalar = __nccwpck_require__(3301);
var resolveEnd = __nccwpck_require__(7788);

function resolveFlowScalar(scalar, strict, onError) {
    const { offset, type, source, end } = scalar;
    let _type;
    let value;
    const _onError = (rel, code, msg) => onError(offset + rel, code, msg);
    switch (type) {
        case 'scalar':
            _type = Scalar.Scalar.PLAIN;
            value = plainValue(source, _onError);
            break;
        case 'single-quoted-scalar':
            _type = Scalar.Scalar.QUOTE_SINGLE;
            value = singleQuotedValue(source, _onError);
            break;
        case 'double-quoted-scalar':
            _type = Scalar.Scalar.QUOTE_DOUBLE;
            value = doubleQuotedValue(source, _onError);
            break;
        /* istanbul ignore next should not happen */
        default:
            onError(scalar, 'UNEXPECTED_TOKEN', `Expected a flow scalar value, but found: ${type}`);
            return {
                value: '',
                type: null,
                comment: '',
                range: [offset, offset + source.length, offset + source.length]
            };
    }
    const valueEnd = offset + source.length;
    const re = resolveEnd.resolveEnd(end, valueEnd, strict, onError);
    return {
        value,
        type: _type,
        comment: re.comment,
        range: [offset, valueEnd, re.offset]
    };
}
function plainValue(source, onError) {
    let badChar = '';
    switch (source[0]) {
        /* istanbul ignore next should not happen */
        case '\t':
            badChar = 'a tab character';
            break;
        case ',':
            badChar = 'flow indicator character ,';
            break;
        case '%':
            badChar = 'directive indicator character %';
            break;
        case '|':
        case '>': {
            badChar = `block scalar indicator ${source[0]}`;
            break;
        }
        case '@':
        case '`': {
            badChar = `reserved character ${source[0]}`;
            break;
        }
    }
    if (badChar)
        onError(0, 'BAD_SCALAR_START', `Plain value cannot start with ${badChar}`);
    return unfoldLines(source);
}
function singleQuotedValue(source, onError) {
    if (source[source.length - 1] !== "'" || source.length === 1)
        onError(source.length, 'MISSING_CHAR', "Missing closing 'quote");
    return unfoldLines(source.slice(1, -1)).replace(/''/g, "'");
}
function unfoldLines(source) {
    const line = /(.*?)\r?\n/sy;
    let match = line.exec(source);
    if (!match)
        return source;
    /**
     * The negative lookbehinds in these RegExps are to
     * prevent causing a polynomial search time in certain cases.
     *
     * The try-catch is for Safari < 16.4 and other old browsers:
     * https://caniuse.com/js-regexp-lookbehind
     */
    let trimEnd, trimBoth;
    try {
        trimEnd = new RegExp('(?<![ \t])[ \t]+$');
        trimBoth = new RegExp('^[ \t]+|(?<![ \t])[ \t]+$', 'g');
    }
    catch {
        trimEnd = /[ \t]+$/;
        trimBoth = /^[ \t]+|[ \t]+$/g;
    }
    let res = match[1].replace(trimEnd, '');
    let sep = ' ';
    let pos = line.lastIndex;
    while ((match = line.exec(source))) {
        const lm = match[1].replace(trimBoth, '');
        if (lm === '') {
            if (sep === '\n')
                res += sep;
            else
                sep = '\n';
        }
        else {
            res += sep + lm;
            sep = ' ';
        }
        pos = line.lastIndex;
    }
    const last = /[ \t]*(.*)/sy;
    last.lastIndex = pos;
    match = last.exec(source);
    return res + sep + (match?.[1] ?? '');
}
function doubleQuotedValue(source, onError) {
    let res = '';
    for (let i = 1; i < source.length - 1; ++i) {
        const ch = source[i];
        if (ch === '\r' && source[i + 1] === '\n')
            continue;
        if (ch === '\n') {
            const { fold, offset } = foldNewline(source, i);
            res += fold;
            i = offset;
        }
        else if (ch === '\\') {
            let next = source[++i];
            const cc = escapeCodes[next];
            if (cc)
                res += cc;
            else if (next === '\n') {
                // skip escaped newlines, but still trim the following line
                next = source[i + 1];
                while (next === ' ' || next === '\t')
                    next = source[++i + 1];
            }
            else if (next === '\r' && source[i + 1] === '\n') {
                // skip escaped CRLF newlines, but still trim the following line
                next = source[++i + 1];
                while (next === ' ' || next === '\t')
                    next = source[++i + 1];
            }
            else if (next === 'x' || next === 'u' || next === 'U') {
                const length = next === 'x' ? 2 : next === 'u' ? 4 : 8;
                res += parseCharCode(source, i + 1, length, onError);
                i += length;
            }
            else {
                const raw = source.substr(i - 1, 2);
                onError(i - 1, 'BAD_DQ_ESCAPE', `Invalid escape sequence ${raw}`);
                res += raw;
            }
        }
        else if (ch === ' ' || ch === '\t') {
            // trim trailing whitespace
            const wsStart = i;
            let next = source[i + 1];
            while (next === ' ' || next === '\t')
                next = source[++i + 1];
            if (next !== '\n' && !(next === '\r' && source[i + 2] === '\n'))
                res += i > wsStart ? source.slice(wsStart, i + 1) : ch;
        }
        else {
            res += ch;
        }
    }
    if (source[source.length - 1] !== '"' || source.length === 1)
        onError(source.length, 'MISSING_CHAR', 'Missing closing "quote');
    return res;
}
/**
 * Fold a single newline into a space, multiple newlines to N - 1 newlines.
 * Presumes `source[offset] === '\n'`
 */
function foldNewline(source, offset) {
    let fold = '';
    let ch = source[offset + 1];
    while (ch === ' ' || ch === '\t' || ch === '\n' || ch === '\r') {
        if (ch === '\r' && source[offset + 2] !== '\n')
            break;
        if (ch === '\n')
            fold += '\n';
        offset += 1;
        ch = source[offset + 1];
    }
    if (!fold)
        fold = ' ';
    return { fold, offset };
}
const escapeCodes = {
    '0': '\0', // null character
    a: '\x07', // bell character
    b: '\b', // backspace
    e: '\x1b', // escape character
    f: '\f', // form feed
    n: '\n', // line feed
    r: '\r', // carriage return
    t: '\t', // horizontal tab
    v: '\v', // vertical tab
    N: '\u0085', // Unicode next line
    _: '\u00a0', // Unicode non-breaking space
    L: '\u2028', // Unicode line separator
    P: '\u2029', // Unicode paragraph separator
    ' ': ' ',
    '"': '"',
    '/': '/',
    '\\': '\\',
    '\t': '\t'
};
function parseCharCode(source, offset, length, onError) {
    const cc = source.substr(offset, length);
    const ok = cc.length === length && /^[0-9a-fA-F]+$/.test(cc);
    const code = ok ? parseInt(cc, 16) : NaN;
    try {
        return String.fromCodePoint(code);
    }
    catch {
        const raw = source.substr(offset - 2, length + 2);
        onError(offset - 2, 'BAD_DQ_ESCAPE', `Invalid escape sequence ${raw}`);
        return raw;
    }
}

exports.resolveFlowScalar = resolveFlowScalar;


/***/ }),

/***/ 4631:
/***/ ((__unused_webpack_module, exports) => {



function resolveProps(tokens, { flow, indicator, next, offset, onError, parentIndent, startOnNewline }) {
    let spaceBefore = false;
    let atNewline = startOnNewline;
    let hasSpace = startOnNewline;
    let comment = '';
    let commentSep = '';
    let hasNewline = false;
    let reqSpace = false;
    let tab = null;
    let anchor = null;
    let tag = null;
    let newlineAfterProp = null;
    let comma = null;
    let found = null;
    let start = null;
    for (const token of tokens) {
        if (reqSpace) {
            if (token.type !== 'space' &&
                token.type !== 'newline' &&
                token.type !== 'comma')
                onError(token.offset, 'MISSING_CHAR', 'Tags and anchors must be separated from the next token by white space');
            reqSpace = false;
        }
        if (tab) {
            if (atNewline && token.type !== 'comment' && token.type !== 'newline') {
                onError(tab, 'TAB_AS_INDENT', 'Tabs are not allowed as indentation');
            }
            tab = null;
        }
        switch (token.type) {
            case 'space':
                // At the doc level, tabs at line start may be parsed
                // as leading white space rather than indentation.
                // In a flow collection, only the parser handles indent.
                if (!flow &&
                    (indicator !== 'doc-start' || next?.type !== 'flow-collection') &&
                    token.source.includes('\t')) {
                    tab = token;
                }
                hasSpace = true;
                break;
            case 'comment': {
                if (!hasSpace)
                    onError(token, 'MISSING_CHAR', 'Comments must be separated from other tokens by white space characters');
                const cb = token.source.substring(1) || ' ';
                if (!comment)
                    comment = cb;
                else
                    comment += commentSep + cb;
                commentSep = '';
                atNewline = false;
                break;
            }
            case 'newline':
                if (atNewline) {
                    if (comment)
                        comment += token.source;
                    else if (!found || indicator !== 'seq-item-ind')
                        spaceBefore = true;
                }
                else
                    commentSep += token.source;
                atNewline = true;
                hasNewline = true;
                if (anchor || tag)
                    newlineAfterProp = token;
                hasSpace = true;
                break;
            case 'anchor':
                if (anchor)
                    onError(token, 'MULTIPLE_ANCHORS', 'A node can have at most one anchor');
                if (token.source.endsWith(':'))
                    onError(token.offset + token.source.length - 1, 'BAD_ALIAS', 'Anchor ending in : is ambiguous', true);
                anchor = token;
                start ?? (start = token.offset);
                atNewline = false;
                hasSpace = false;
                reqSpace = true;
                break;
            case 'tag': {
                if (tag)
                    onError(token, 'MULTIPLE_TAGS', 'A node can have at most one tag');
                tag = token;
                start ?? (start = token.offset);
                atNewline = false;
                hasSpace = false;
                reqSpace = true;
                break;
            }
            case indicator:
                // Could here handle preceding comments differently
                if (anchor || tag)
                    onError(token, 'BAD_PROP_ORDER', `Anchors and tags must be after the ${token.source} indicator`);
                if (found)
                    onError(token, 'UNEXPECTED_TOKEN', `Unexpected ${token.source} in ${flow ?? 'collection'}`);
                found = token;
                atNewline =
                    indicator === 'seq-item-ind' || indicator === 'explicit-key-ind';
                hasSpace = false;
                break;
            case 'comma':
                if (flow) {
                    if (comma)
                        onError(token, 'UNEXPECTED_TOKEN', `Unexpected , in ${flow}`);
                    comma = token;
                    atNewline = false;
                    hasSpace = false;
                    break;
                }
            // else fallthrough
            default:
                onError(token, 'UNEXPECTED_TOKEN', `Unexpected ${token.type} token`);
                atNewline = false;
                hasSpace = false;
        }
    }
    const last = tokens[tokens.length - 1];
    const end = last ? last.offset + last.source.length : offset;
    if (reqSpace &&
        next &&
        next.type !== 'space' &&
        next.type !== 'newline' &&
        next.type !== 'comma' &&
        (next.type !== 'scalar' || next.source !== '')) {
        onError(next.offset, 'MISSING_CHAR', 'Tags and anchors must be separated from the next token by white space');
    }
    if (tab &&
        ((atNewline && tab.indent <= parentIndent) ||
            next?.type === 'block-map' ||
            next?.type === 'block-seq'))
        onError(tab, 'TAB_AS_INDENT', 'Tabs are not allowed as indentation');
    return {
        comma,
        found,
        spaceBefore,
        comment,
        hasNewline,
        anchor,
        tag,
        newlineAfterProp,
        end,
        start: start ?? end
    };
}

exports.resolveProps = resolveProps;


/***/ }),

/***/ 9499:
/***/ ((__unused_webpack_module, exports) => {



function containsNewline(key) {
    if (!key)
        return null;
    switch (key.type) {
        case 'alias':
        case 'scalar':
        case 'double-quoted-scalar':
        case 'single-quoted-scalar':
            if (key.source.includes('\n'))
                return true;
            if (key.end)
                for (const st of key.end)
                    if (st.type === 'newline')
                        return true;
            return false;
        case 'flow-collection':
            for (const it of key.items) {
                for (const st of it.start)
                    if (st.type === 'newline')
                        return true;
                if (it.sep)
                    for (const st of it.sep)
                        if (st.type === 'newline')
                            return true;
                if (containsNewline(it.key) || containsNewline(it.value))
                    return true;
            }
            return false;
        default:
            return true;
    }
}

exports.containsNewline = containsNewline;


/***/ }),

/***/ 2599:
/***/ ((__unused_webpack_module, exports) => {



function emptyScalarPosition(offset, before, pos) {
    if (before) {
        pos ?? (pos = before.length);
        for (let i = pos - 1; i >= 0; --i) {
            let st = before[i];
            switch (st.type) {
                case 'space':
                case 'comment':
                case 'newline':
                    offset -= st.source.length;
                    continue;
            }
            // Technically, an empty scalar is immediately after the last non-empty
            // node, but it's more useful to place it after any whitespace.
            st = before[++i];
            while (st?.type === 'space') {
                offset += st.source.length;
                st = before[++i];
            }
            break;
        }
    }
    return offset;
}

exports.emptyScalarPosition = emptyScalarPosition;


/***/ }),

/***/ 4051:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var utilContainsNewline = __nccwpck_require__(9499);

function flowIndentCheck(indent, fc, onError) {
    if (fc?.type === 'flow-collection') {
        const end = fc.end[0];
        if (end.indent === indent &&
            (end.source === ']' || end.source === '}') &&
            utilContainsNewline.containsNewline(fc)) {
            const msg = 'Flow end indicator should be more indented than parent';
            onError(end, 'BAD_INDENT', msg, true);
        }
    }
}

exports.flowIndentCheck = flowIndentCheck;


/***/ }),

/***/ 1187:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);

function mapIncludes(ctx, items, search) {
    const { uniqueKeys } = ctx.options;
    if (uniqueKeys === false)
        return false;
    const isEqual = typeof uniqueKeys === 'function'
        ? uniqueKeys
        : (a, b) => a === b || (identity.isScalar(a) && identity.isScalar(b) && a.value === b.value);
    return items.some(pair => isEqual(pair.key, search));
}

exports.mapIncludes = mapIncludes;


/***/ }),

/***/ 3021:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Alias = __nccwpck_require__(4065);
var Collection = __nccwpck_require__(101);
var identity = __nccwpck_require__(1127);
var Pair = __nccwpck_require__(7165);
var toJS = __nccwpck_require__(4043);
var Schema = __nccwpck_require__(5840);
var stringifyDocument = __nccwpck_require__(6829);
var anchors = __nccwpck_require__(1596);
var applyReviver = __nccwpck_require__(3661);
var createNode = __nccwpck_require__(2404);
var directives = __nccwpck_require__(1342);

class Document {
    constructor(value, replacer, options) {
        /** A comment before this Document */
        this.commentBefore = null;
        /** A comment immediately after this Document */
        this.comment = null;
        /** Errors encountered during parsing. */
        this.errors = [];
        /** Warnings encountered during parsing. */
        this.warnings = [];
        Object.defineProperty(this, identity.NODE_TYPE, { value: identity.DOC });
        let _replacer = null;
        if (typeof replacer === 'function' || Array.isArray(replacer)) {
            _replacer = replacer;
        }
        else if (options === undefined && replacer) {
            options = replacer;
            replacer = undefined;
        }
        const opt = Object.assign({
            intAsBigInt: false,
            keepSourceTokens: false,
            logLevel: 'warn',
            prettyErrors: true,
            strict: true,
            stringKeys: false,
            uniqueKeys: true,
            version: '1.2'
        }, options);
        this.options = opt;
        let { version } = opt;
        if (options?._directives) {
            this.directives = options._directives.atDocument();
            if (this.directives.yaml.explicit)
                version = this.directives.yaml.version;
        }
        else
            this.directives = new directives.Directives({ version });
        this.setSchema(version, options);
        // @ts-expect-error We can't really know that this matches Contents.
        this.contents =
            value === undefined ? null : this.createNode(value, _replacer, options);
    }
    /**
     * Create a deep copy of this Document and its contents.
     *
     * Custom Node values that inherit from `Object` still refer to their original instances.
     */
    clone() {
        const copy = Object.create(Document.prototype, {
            [identity.NODE_TYPE]: { value: identity.DOC }
        });
        copy.commentBefore = this.commentBefore;
        copy.comment = this.comment;
        copy.errors = this.errors.slice();
        copy.warnings = this.warnings.slice();
        copy.options = Object.assign({}, this.options);
        if (this.directives)
            copy.directives = this.directives.clone();
        copy.schema = this.schema.clone();
        // @ts-expect-error We can't really know that this matches Contents.
        copy.contents = identity.isNode(this.contents)
            ? this.contents.clone(copy.schema)
            : this.contents;
        if (this.range)
            copy.range = this.range.slice();
        return copy;
    }
    /** Adds a value to the document. */
    add(value) {
        if (assertCollection(this.contents))
            this.contents.add(value);
    }
    /** Adds a value to the document. */
    addIn(path, value) {
        if (assertCollection(this.contents))
            this.contents.addIn(path, value);
    }
    /**
     * Create a new `Alias` node, ensuring that the target `node` has the required anchor.
     *
     * If `node` already has an anchor, `name` is ignored.
     * Otherwise, the `node.anchor` value will be set to `name`,
     * or if an anchor with that name is already present in the document,
     * `name` will be used as a prefix for a new unique anchor.
     * If `name` is undefined, the generated anchor will use 'a' as a prefix.
     */
    createAlias(node, name) {
        if (!node.anchor) {
            const prev = anchors.anchorNames(this);
            node.anchor =
                // eslint-disable-next-line @typescript-eslint/prefer-nullish-coalescing
                !name || prev.has(name) ? anchors.findNewAnchor(name || 'a', prev) : name;
        }
        return new Alias.Alias(node.anchor);
    }
    createNode(value, replacer, options) {
        let _replacer = undefined;
        if (typeof replacer === 'function') {
            value = replacer.call({ '': value }, '', value);
            _replacer = replacer;
        }
        else if (Array.isArray(replacer)) {
            const keyToStr = (v) => typeof v === 'number' || v instanceof String || v instanceof Number;
            const asStr = replacer.filter(keyToStr).map(String);
            if (asStr.length > 0)
                replacer = replacer.concat(asStr);
            _replacer = replacer;
        }
        else if (options === undefined && replacer) {
            options = replacer;
            replacer = undefined;
        }
        const { aliasDuplicateObjects, anchorPrefix, flow, keepUndefined, onTagObj, tag } = options ?? {};
        const { onAnchor, setAnchors, sourceObjects } = anchors.createNodeAnchors(this, 
        // eslint-disable-next-line @typescript-eslint/prefer-nullish-coalescing
        anchorPrefix || 'a');
        const ctx = {
            aliasDuplicateObjects: aliasDuplicateObjects ?? true,
            keepUndefined: keepUndefined ?? false,
            onAnchor,
            onTagObj,
            replacer: _replacer,
            schema: this.schema,
            sourceObjects
        };
        const node = createNode.createNode(value, tag, ctx);
        if (flow && identity.isCollection(node))
            node.flow = true;
        setAnchors();
        return node;
    }
    /**
     * Convert a key and a value into a `Pair` using the current schema,
     * recursively wrapping all values as `Scalar` or `Collection` nodes.
     */
    createPair(key, value, options = {}) {
        const k = this.createNode(key, null, options);
        const v = this.createNode(value, null, options);
        return new Pair.Pair(k, v);
    }
    /**
     * Removes a value from the document.
     * @returns `true` if the item was found and removed.
     */
    delete(key) {
        return assertCollection(this.contents) ? this.contents.delete(key) : false;
    }
    /**
     * Removes a value from the document.
     * @returns `true` if the item was found and removed.
     */
    deleteIn(path) {
        if (Collection.isEmptyPath(path)) {
            if (this.contents == null)
                return false;
            // @ts-expect-error Presumed impossible if Strict extends false
            this.contents = null;
            return true;
        }
        return assertCollection(this.contents)
            ? this.contents.deleteIn(path)
            : false;
    }
    /**
     * Returns item at `key`, or `undefined` if not found. By default unwraps
     * scalar values from their surrounding node; to disable set `keepScalar` to
     * `true` (collections are always returned intact).
     */
    get(key, keepScalar) {
        return identity.isCollection(this.contents)
            ? this.contents.get(key, keepScalar)
            : undefined;
    }
    /**
     * Returns item at `path`, or `undefined` if not found. By default unwraps
     * scalar values from their surrounding node; to disable set `keepScalar` to
     * `true` (collections are always returned intact).
     */
    getIn(path, keepScalar) {
        if (Collection.isEmptyPath(path))
            return !keepScalar && identity.isScalar(this.contents)
                ? this.contents.value
                : this.contents;
        return identity.isCollection(this.contents)
            ? this.contents.getIn(path, keepScalar)
            : undefined;
    }
    /**
     * Checks if the document includes a value with the key `key`.
     */
    has(key) {
        return identity.isCollection(this.contents) ? this.contents.has(key) : false;
    }
    /**
     * Checks if the document includes a value at `path`.
     */
    hasIn(path) {
        if (Collection.isEmptyPath(path))
            return this.contents !== undefined;
        return identity.isCollection(this.contents) ? this.contents.hasIn(path) : false;
    }
    /**
     * Sets a value in this document. For `!!set`, `value` needs to be a
     * boolean to add/remove the item from the set.
     */
    set(key, value) {
        if (this.contents == null) {
            // @ts-expect-error We can't really know that this matches Contents.
            this.contents = Collection.collectionFromPath(this.schema, [key], value);
        }
        else if (assertCollection(this.contents)) {
            this.contents.set(key, value);
        }
    }
    /**
     * Sets a value in this document. For `!!set`, `value` needs to be a
     * boolean to add/remove the item from the set.
     */
    setIn(path, value) {
        if (Collection.isEmptyPath(path)) {
            // @ts-expect-error We can't really know that this matches Contents.
            this.contents = value;
        }
        else if (this.contents == null) {
            // @ts-expect-error We can't really know that this matches Contents.
            this.contents = Collection.collectionFromPath(this.schema, Array.from(path), value);
        }
        else if (assertCollection(this.contents)) {
            this.contents.setIn(path, value);
        }
    }
    /**
     * Change the YAML version and schema used by the document.
     * A `null` version disables support for directives, explicit tags, anchors, and aliases.
     * It also requires the `schema` option to be given as a `Schema` instance value.
     *
     * Overrides all previously set schema options.
     */
    setSchema(version, options = {}) {
        if (typeof version === 'number')
            version = String(version);
        let opt;
        switch (version) {
            case '1.1':
                if (this.directives)
                    this.directives.yaml.version = '1.1';
                else
                    this.directives = new directives.Directives({ version: '1.1' });
                opt = { resolveKnownTags: false, schema: 'yaml-1.1' };
                break;
            case '1.2':
            case 'next':
                if (this.directives)
                    this.directives.yaml.version = version;
                else
                    this.directives = new directives.Directives({ version });
                opt = { resolveKnownTags: true, schema: 'core' };
                break;
            case null:
                if (this.directives)
                    delete this.directives;
                opt = null;
                break;
            default: {
                const sv = JSON.stringify(version);
                throw new Error(`Expected '1.1', '1.2' or null as first argument, but found: ${sv}`);
            }
        }
        // Not using `instanceof Schema` to allow for duck typing
        if (options.schema instanceof Object)
            this.schema = options.schema;
        else if (opt)
            this.schema = new Schema.Schema(Object.assign(opt, options));
        else
            throw new Error(`With a null YAML version, the { schema: Schema } option is required`);
    }
    // json & jsonArg are only used from toJSON()
    toJS({ json, jsonArg, mapAsMap, maxAliasCount, onAnchor, reviver } = {}) {
        const ctx = {
            anchors: new Map(),
            doc: this,
            keep: !json,
            mapAsMap: mapAsMap === true,
            mapKeyWarned: false,
            maxAliasCount: typeof maxAliasCount === 'number' ? maxAliasCount : 100
        };
        const res = toJS.toJS(this.contents, jsonArg ?? '', ctx);
        if (typeof onAnchor === 'function')
            for (const { count, res } of ctx.anchors.values())
                onAnchor(res, count);
        return typeof reviver === 'function'
            ? applyReviver.applyReviver(reviver, { '': res }, '', res)
            : res;
    }
    /**
     * A JSON representation of the document `contents`.
     *
     * @param jsonArg Used by `JSON.stringify` to indicate the array index or
     *   property name.
     */
    toJSON(jsonArg, onAnchor) {
        return this.toJS({ json: true, jsonArg, mapAsMap: false, onAnchor });
    }
    /** A YAML representation of the document. */
    toString(options = {}) {
        if (this.errors.length > 0)
            throw new Error('Document with errors cannot be stringified');
        if ('indent' in options &&
            (!Number.isInteger(options.indent) || Number(options.indent) <= 0)) {
            const s = JSON.stringify(options.indent);
            throw new Error(`"indent" option must be a positive integer, not ${s}`);
        }
        return stringifyDocument.stringifyDocument(this, options);
    }
}
function assertCollection(contents) {
    if (identity.isCollection(contents))
        return true;
    throw new Error('Expected a YAML collection as document contents');
}

exports.Document = Document;


/***/ }),

/***/ 1596:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var visit = __nccwpck_require__(204);

/**
 * Verify that the input string is a valid anchor.
 *
 * Will throw on errors.
 */
function anchorIsValid(anchor) {
    if (/[\x00-\x19\s,[\]{}]/.test(anchor)) {
        const sa = JSON.stringify(anchor);
        const msg = `Anchor must not contain whitespace or control characters: ${sa}`;
        throw new Error(msg);
    }
    return true;
}
function anchorNames(root) {
    const anchors = new Set();
    visit.visit(root, {
        Value(_key, node) {
            if (node.anchor)
                anchors.add(node.anchor);
        }
    });
    return anchors;
}
/** Find a new anchor name with the given `prefix` and a one-indexed suffix. */
function findNewAnchor(prefix, exclude) {
    for (let i = 1; true; ++i) {
        const name = `${prefix}${i}`;
        if (!exclude.has(name))
            return name;
    }
}
function createNodeAnchors(doc, prefix) {
    const aliasObjects = [];
    const sourceObjects = new Map();
    let prevAnchors = null;
    return {
        onAnchor: (source) => {
            aliasObjects.push(source);
            prevAnchors ?? (prevAnchors = anchorNames(doc));
            const anchor = findNewAnchor(prefix, prevAnchors);
            prevAnchors.add(anchor);
            return anchor;
        },
        /**
         * With circular references, the source node is only resolved after all
         * of its child nodes are. This is why anchors are set only after all of
         * the nodes have been created.
         */
        setAnchors: () => {
            for (const source of aliasObjects) {
                const ref = sourceObjects.get(source);
                if (typeof ref === 'object' &&
                    ref.anchor &&
                    (identity.isScalar(ref.node) || identity.isCollection(ref.node))) {
                    ref.node.anchor = ref.anchor;
                }
                else {
                    const error = new Error('Failed to resolve repeated object (this should not happen)');
                    error.source = source;
                    throw error;
                }
            }
        },
        sourceObjects
    };
}

exports.anchorIsValid = anchorIsValid;
exports.anchorNames = anchorNames;
exports.createNodeAnchors = createNodeAnchors;
exports.findNewAnchor = findNewAnchor;


/***/ }),

/***/ 3661:
/***/ ((__unused_webpack_module, exports) => {



/**
 * Applies the JSON.parse reviver algorithm as defined in the ECMA-262 spec,
 * in section 24.5.1.1 "Runtime Semantics: InternalizeJSONProperty" of the
 * 2021 edition: https://tc39.es/ecma262/#sec-json.parse
 *
 * Includes extensions for handling Map and Set objects.
 */
function applyReviver(reviver, obj, key, val) {
    if (val && typeof val === 'object') {
        if (Array.isArray(val)) {
            for (let i = 0, len = val.length; i < len; ++i) {
                const v0 = val[i];
                const v1 = applyReviver(reviver, val, String(i), v0);
                // eslint-disable-next-line @typescript-eslint/no-array-delete
                if (v1 === undefined)
                    delete val[i];
                else if (v1 !== v0)
                    val[i] = v1;
            }
        }
        else if (val instanceof Map) {
            for (const k of Array.from(val.keys())) {
                const v0 = val.get(k);
                const v1 = applyReviver(reviver, val, k, v0);
                if (v1 === undefined)
                    val.delete(k);
                else if (v1 !== v0)
                    val.set(k, v1);
            }
        }
        else if (val instanceof Set) {
            for (const v0 of Array.from(val)) {
                const v1 = applyReviver(reviver, val, v0, v0);
                if (v1 === undefined)
                    val.delete(v0);
                else if (v1 !== v0) {
                    val.delete(v0);
                    val.add(v1);
                }
            }
        }
        else {
            for (const [k, v0] of Object.entries(val)) {
                const v1 = applyReviver(reviver, val, k, v0);
                if (v1 === undefined)
                    delete val[k];
                else if (v1 !== v0)
                    val[k] = v1;
            }
        }
    }
    return reviver.call(obj, key, val);
}

exports.applyReviver = applyReviver;


/***/ }),

/***/ 2404:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Alias = __nccwpck_require__(4065);
var identity = __nccwpck_require__(1127);
var Scalar = __nccwpck_require__(3301);

const defaultTagPrefix = 'tag:yaml.org,2002:';
function findTagObject(value, tagName, tags) {
    if (tagName) {
        const match = tags.filter(t => t.tag === tagName);
        const tagObj = match.find(t => !t.format) ?? match[0];
        if (!tagObj)
            throw new Error(`Tag ${tagName} not found`);
        return tagObj;
    }
    return tags.find(t => t.identify?.(value) && !t.format);
}
function createNode(value, tagName, ctx) {
    if (identity.isDocument(value))
        value = value.contents;
    if (identity.isNode(value))
        return value;
    if (identity.isPair(value)) {
        const map = ctx.schema[identity.MAP].createNode?.(ctx.schema, null, ctx);
        map.items.push(value);
        return map;
    }
    if (value instanceof String ||
        value instanceof Number ||
        value instanceof Boolean ||
        (typeof BigInt !== 'undefined' && value instanceof BigInt) // not supported everywhere
    ) {
        // https://tc39.es/ecma262/#sec-serializejsonproperty
        value = value.valueOf();
    }
    const { aliasDuplicateObjects, onAnchor, onTagObj, schema, sourceObjects } = ctx;
    // Detect duplicate references to the same object & use Alias nodes for all
    // after first. The `ref` wrapper allows for circular references to resolve.
    let ref = undefined;
    if (aliasDuplicateObjects && value && typeof value === 'object') {
        ref = sourceObjects.get(value);
        if (ref) {
            ref.anchor ?? (ref.anchor = onAnchor(value));
            return new Alias.Alias(ref.anchor);
        }
        else {
            ref = { anchor: null, node: null };
            sourceObjects.set(value, ref);
        }
    }
    if (tagName?.startsWith('!!'))
        tagName = defaultTagPrefix + tagName.slice(2);
    let tagObj = findTagObject(value, tagName, schema.tags);
    if (!tagObj) {
        if (value && typeof value.toJSON === 'function') {
            // eslint-disable-next-line @typescript-eslint/no-unsafe-call
            value = value.toJSON();
        }
        if (!value || typeof value !== 'object') {
            const node = new Scalar.Scalar(value);
            if (ref)
                ref.node = node;
            return node;
        }
        tagObj =
            value instanceof Map
                ? schema[identity.MAP]
                : Symbol.iterator in Object(value)
                    ? schema[identity.SEQ]
                    : schema[identity.MAP];
    }
    if (onTagObj) {
        onTagObj(tagObj);
        delete ctx.onTagObj;
    }
    const node = tagObj?.createNode
        ? tagObj.createNode(ctx.schema, value, ctx)
        : typeof tagObj?.nodeClass?.from === 'function'
            ? tagObj.nodeClass.from(ctx.schema, value, ctx)
            : new Scalar.Scalar(value);
    if (tagName)
        node.tag = tagName;
    else if (!tagObj.default)
        node.tag = tagObj.tag;
    if (ref)
        ref.node = node;
    return node;
}

exports.createNode = createNode;


/***/ }),

/***/ 1342:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var visit = __nccwpck_require__(204);

const escapeChars = {
    '!': '%21',
    ',': '%2C',
    '[': '%5B',
    ']': '%5D',
    '{': '%7B',
    '}': '%7D'
};
const escapeTagName = (tn) => tn.replace(/[!,[\]{}]/g, ch => escapeChars[ch]);
class Directives {
    constructor(yaml, tags) {
        /**
         * The directives-end/doc-start marker `---`. If `null`, a marker may still be
         * included in the document's stringified representation.
         */
        this.docStart = null;
        /** The doc-end marker `...`.  */
        this.docEnd = false;
        this.yaml = Object.assign({}, Directives.defaultYaml, yaml);
        this.tags = Object.assign({}, Directives.defaultTags, tags);
    }
    clone() {
        const copy = new Directives(this.yaml, this.tags);
        copy.docStart = this.docStart;
        return copy;
    }
    /**
     * During parsing, get a Directives instance for the current document and
     * update the stream state according to the current version's spec.
     */
    atDocument() {
        const res = new Directives(this.yaml, this.tags);
        switch (this.yaml.version) {
            case '1.1':
                this.atNextDocument = true;
                break;
            case '1.2':
                this.atNextDocument = false;
                this.yaml = {
                    explicit: Directives.defaultYaml.explicit,
                    version: '1.2'
                };
                this.tags = Object.assign({}, Directives.defaultTags);
                break;
        }
        return res;
    }
    /**
     * @param onError - May be called even if the action was successful
     * @returns `true` on success
     */
    add(line, onError) {
        if (this.atNextDocument) {
            this.yaml = { explicit: Directives.defaultYaml.explicit, version: '1.1' };
            this.tags = Object.assign({}, Directives.defaultTags);
            this.atNextDocument = false;
        }
        const parts = line.trim().split(/[ \t]+/);
        const name = parts.shift();
        switch (name) {
            case '%TAG': {
                if (parts.length !== 2) {
                    onError(0, '%TAG directive should contain exactly two parts');
                    if (parts.length < 2)
                        return false;
                }
                const [handle, prefix] = parts;
                this.tags[handle] = prefix;
                return true;
            }
            case '%YAML': {
                this.yaml.explicit = true;
                if (parts.length !== 1) {
                    onError(0, '%YAML directive should contain exactly one part');
                    return false;
                }
                const [version] = parts;
                if (version === '1.1' || version === '1.2') {
                    this.yaml.version = version;
                    return true;
                }
                else {
                    const isValid = /^\d+\.\d+$/.test(version);
                    onError(6, `Unsupported YAML version ${version}`, isValid);
                    return false;
                }
            }
            default:
                onError(0, `Unknown directive ${name}`, true);
                return false;
        }
    }
    /**
     * Resolves a tag, matching handles to those defined in %TAG directives.
     *
     * @returns Resolved tag, which may also be the non-specific tag `'!'` or a
     *   `'!local'` tag, or `null` if unresolvable.
     */
    tagName(source, onError) {
        if (source === '!')
            return '!'; // non-specific tag
        if (source[0] !== '!') {
            onError(`Not a valid tag: ${source}`);
            return null;
        }
        if (source[1] === '<') {
            const verbatim = source.slice(2, -1);
            if (verbatim === '!' || verbatim === '!!') {
                onError(`Verbatim tags aren't resolved, so ${source} is invalid.`);
                return null;
            }
            if (source[source.length - 1] !== '>')
                onError('Verbatim tags must end with a >');
            return verbatim;
        }
        const [, handle, suffix] = source.match(/^(.*!)([^!]*)$/s);
        if (!suffix)
            onError(`The ${source} tag has no suffix`);
        const prefix = this.tags[handle];
        if (prefix) {
            try {
                return prefix + decodeURIComponent(suffix);
            }
            catch (error) {
                onError(String(error));
                return null;
            }
        }
        if (handle === '!')
            return source; // local tag
        onError(`Could not resolve tag: ${source}`);
        return null;
    }
    /**
     * Given a fully resolved tag, returns its printable string form,
     * taking into account current tag prefixes and defaults.
     */
    tagString(tag) {
        for (const [handle, prefix] of Object.entries(this.tags)) {
            if (tag.startsWith(prefix))
                return handle + escapeTagName(tag.substring(prefix.length));
        }
        return tag[0] === '!' ? tag : `!<${tag}>`;
    }
    toString(doc) {
        const lines = this.yaml.explicit
            ? [`%YAML ${this.yaml.version || '1.2'}`]
            : [];
        const tagEntries = Object.entries(this.tags);
        let tagNames;
        if (doc && tagEntries.length > 0 && identity.isNode(doc.contents)) {
            const tags = {};
            visit.visit(doc.contents, (_key, node) => {
                if (identity.isNode(node) && node.tag)
                    tags[node.tag] = true;
            });
            tagNames = Object.keys(tags);
        }
        else
            tagNames = [];
        for (const [handle, prefix] of tagEntries) {
            if (handle === '!!' && prefix === 'tag:yaml.org,2002:')
                continue;
            if (!doc || tagNames.some(tn => tn.startsWith(prefix)))
                lines.push(`%TAG ${handle} ${prefix}`);
        }
        return lines.join('\n');
    }
}
Directives.defaultYaml = { explicit: false, version: '1.2' };
Directives.defaultTags = { '!!': 'tag:yaml.org,2002:' };

exports.Directives = Directives;


/***/ }),

/***/ 1464:
/***/ ((__unused_webpack_module, exports) => {



class YAMLError extends Error {
    constructor(name, pos, code, message) {
        super();
        this.name = name;
        this.code = code;
        this.message = message;
        this.pos = pos;
    }
}
class YAMLParseError extends YAMLError {
    constructor(pos, code, message) {
        super('YAMLParseError', pos, code, message);
    }
}
class YAMLWarning extends YAMLError {
    constructor(pos, code, message) {
        super('YAMLWarning', pos, code, message);
    }
}
const prettifyError = (src, lc) => (error) => {
    if (error.pos[0] === -1)
        return;
    error.linePos = error.pos.map(pos => lc.linePos(pos));
    const { line, col } = error.linePos[0];
    error.message += ` at line ${line}, column ${col}`;
    let ci = col - 1;
    let lineStr = src
        .substring(lc.lineStarts[line - 1], lc.lineStarts[line])
        .replace(/[\n\r]+$/, '');
    // Trim to max 80 chars, keeping col position near the middle
    if (ci >= 60 && lineStr.length > 80) {
        const trimStart = Math.min(ci - 39, lineStr.length - 79);
        lineStr = '…' + lineStr.substring(trimStart);
        ci -= trimStart - 1;
    }
    if (lineStr.length > 80)
        lineStr = lineStr.substring(0, 79) + '…';
    // Include previous line in context if pointing at line start
    if (line > 1 && /^ *$/.test(lineStr.substring(0, ci))) {
        // Regexp won't match if start is trimmed
        let prev = src.substring(lc.lineStarts[line - 2], lc.lineStarts[line - 1]);
        if (prev.length > 80)
            prev = prev.substring(0, 79) + '…\n';
        lineStr = prev + lineStr;
    }
    if (/[^ ]/.test(lineStr)) {
        let count = 1;
        const end = error.linePos[1];
        if (end?.line === line && end.col > col) {
            count = Math.max(1, Math.min(end.col - col, 80 - ci));
        }
        const pointer = ' '.repeat(ci) + '^'.repeat(count);
        error.message += `:\n\n${lineStr}\n${pointer}\n`;
    }
};

exports.YAMLError = YAMLError;
exports.YAMLParseError = YAMLParseError;
exports.YAMLWarning = YAMLWarning;
exports.prettifyError = prettifyError;


/***/ }),

/***/ 8815:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {

var __webpack_unused_export__;


var composer = __nccwpck_require__(9984);
var Document = __nccwpck_require__(3021);
var Schema = __nccwpck_require__(5840);
var errors = __nccwpck_require__(1464);
var Alias = __nccwpck_require__(4065);
var identity = __nccwpck_require__(1127);
var Pair = __nccwpck_require__(7165);
var Scalar = __nccwpck_require__(3301);
var YAMLMap = __nccwpck_require__(4454);
var YAMLSeq = __nccwpck_require__(2223);
var cst = __nccwpck_require__(3461);
var lexer = __nccwpck_require__(361);
var lineCounter = __nccwpck_require__(6628);
var parser = __nccwpck_require__(3456);
var publicApi = __nccwpck_require__(4047);
var visit = __nccwpck_require__(204);



__webpack_unused_export__ = composer.Composer;
__webpack_unused_export__ = Document.Document;
__webpack_unused_export__ = Schema.Schema;
__webpack_unused_export__ = errors.YAMLError;
exports.XT = errors.YAMLParseError;
__webpack_unused_export__ = errors.YAMLWarning;
__webpack_unused_export__ = Alias.Alias;
exports.Vj = identity.isAlias;
__webpack_unused_export__ = identity.isCollection;
__webpack_unused_export__ = identity.isDocument;
exports.jh = identity.isMap;
__webpack_unused_export__ = identity.isNode;
exports.tO = identity.isPair;
exports.jn = identity.isScalar;
exports.oP = identity.isSeq;
__webpack_unused_export__ = Pair.Pair;
__webpack_unused_export__ = Scalar.Scalar;
__webpack_unused_export__ = YAMLMap.YAMLMap;
__webpack_unused_export__ = YAMLSeq.YAMLSeq;
__webpack_unused_export__ = cst;
__webpack_unused_export__ = lexer.Lexer;
exports.HN = lineCounter.LineCounter;
__webpack_unused_export__ = parser.Parser;
exports.qg = publicApi.parse;
__webpack_unused_export__ = publicApi.parseAllDocuments;
exports.Tp = publicApi.parseDocument;
__webpack_unused_export__ = publicApi.stringify;
exports.YR = visit.visit;
__webpack_unused_export__ = visit.visitAsync;


/***/ }),

/***/ 7249:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var node_process = __nccwpck_require__(932);

function debug(logLevel, ...messages) {
    if (logLevel === 'debug')
        console.log(...messages);
}
function warn(logLevel, warning) {
    if (logLevel === 'debug' || logLevel === 'warn') {
        if (typeof node_process.emitWarning === 'function')
            node_process.emitWarning(warning);
        else
            console.warn(warning);
    }
}

exports.debug = debug;
exports.warn = warn;


/***/ }),

/***/ 4065:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var anchors = __nccwpck_require__(1596);
var visit = __nccwpck_require__(204);
var identity = __nccwpck_require__(1127);
var Node = __nccwpck_require__(6673);
var toJS = __nccwpck_require__(4043);

class Alias extends Node.NodeBase {
    constructor(source) {
        super(identity.ALIAS);
        this.source = source;
        Object.defineProperty(this, 'tag', {
            set() {
                throw new Error('Alias nodes cannot have tags');
            }
        });
    }
    /**
     * Resolve the value of this alias within `doc`, finding the last
     * instance of the `source` anchor before this node.
     */
    resolve(doc, ctx) {
        if (ctx?.maxAliasCount === 0)
            throw new ReferenceError('Alias resolution is disabled');
        let nodes;
        if (ctx?.aliasResolveCache) {
            nodes = ctx.aliasResolveCache;
        }
        else {
            nodes = [];
            visit.visit(doc, {
                Node: (_key, node) => {
                    if (identity.isAlias(node) || identity.hasAnchor(node))
                        nodes.push(node);
                }
            });
            if (ctx)
                ctx.aliasResolveCache = nodes;
        }
        let found = undefined;
        for (const node of nodes) {
            if (node === this)
                break;
            if (node.anchor === this.source)
                found = node;
        }
        if (found && ctx) {
            const { anchors, doc, maxAliasCount } = ctx;
            let data = anchors.get(found);
            if (!data) {
                // Resolve anchors for Node.prototype.toJS()
                toJS.toJS(found, null, ctx);
                data = anchors.get(found);
            }
            /* istanbul ignore if */
            if (data?.res === undefined) {
                const msg = 'This should not happen: Alias anchor was not resolved?';
                throw new ReferenceError(msg);
            }
            if (maxAliasCount >= 0) {
                data.count += 1;
                if (data.aliasCount === 0)
                    data.aliasCount = getAliasCount(doc, found, anchors);
                if (data.count * data.aliasCount > maxAliasCount) {
                    const msg = 'Excessive alias count indicates a resource exhaustion attack';
                    throw new ReferenceError(msg);
                }
            }
        }
        return found;
    }
    toJSON(_arg, ctx) {
        if (!ctx)
            return { source: this.source };
        const source = this.resolve(ctx.doc, ctx);
        if (!source) {
            const msg = `Unresolved alias (the anchor must be set before the alias): ${this.source}`;
            throw new ReferenceError(msg);
        }
        return ctx.anchors.get(source).res;
    }
    toString(ctx, _onComment, _onChompKeep) {
        const src = `*${this.source}`;
        if (ctx) {
            anchors.anchorIsValid(this.source);
            if (ctx.options.verifyAliasOrder && !ctx.anchors.has(this.source)) {
                const msg = `Unresolved alias (the anchor must be set before the alias): ${this.source}`;
                throw new Error(msg);
            }
            if (ctx.implicitKey)
                return `${src} `;
        }
        return src;
    }
}
function getAliasCount(doc, node, anchors) {
    if (identity.isAlias(node)) {
        const source = node.resolve(doc);
        const anchor = anchors && source && anchors.get(source);
        return anchor ? anchor.count * anchor.aliasCount : 0;
    }
    else if (identity.isCollection(node)) {
        let count = 0;
        for (const item of node.items) {
            const c = getAliasCount(doc, item, anchors);
            if (c > count)
                count = c;
        }
        return count;
    }
    else if (identity.isPair(node)) {
        const kc = getAliasCount(doc, node.key, anchors);
        const vc = getAliasCount(doc, node.value, anchors);
        return Math.max(kc, vc);
    }
    return 1;
}

exports.Alias = Alias;


/***/ }),

/***/ 101:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var createNode = __nccwpck_require__(2404);
var identity = __nccwpck_require__(1127);
var Node = __nccwpck_require__(6673);

function collectionFromPath(schema, path, value) {
    let v = value;
    for (let i = path.length - 1; i >= 0; --i) {
        const k = path[i];
        if (typeof k === 'number' && Number.isInteger(k) && k >= 0) {
            const a = [];
            a[k] = v;
            v = a;
        }
        else {
            v = new Map([[k, v]]);
        }
    }
    return createNode.createNode(v, undefined, {
        aliasDuplicateObjects: false,
        keepUndefined: false,
        onAnchor: () => {
            throw new Error('This should not happen, please report a bug.');
        },
        schema,
        sourceObjects: new Map()
    });
}
// Type guard is intentionally a little wrong so as to be more useful,
// as it does not cover untypable empty non-string iterables (e.g. []).
const isEmptyPath = (path) => path == null ||
    (typeof path === 'object' && !!path[Symbol.iterator]().next().done);
class Collection extends Node.NodeBase {
    constructor(type, schema) {
        super(type);
        Object.defineProperty(this, 'schema', {
            value: schema,
            configurable: true,
            enumerable: false,
            writable: true
        });
    }
    /**
     * Create a copy of this collection.
     *
     * @param schema - If defined, overwrites the original's schema
     */
    clone(schema) {
        const copy = Object.create(Object.getPrototypeOf(this), Object.getOwnPropertyDescriptors(this));
        if (schema)
            copy.schema = schema;
        copy.items = copy.items.map(it => identity.isNode(it) || identity.isPair(it) ? it.clone(schema) : it);
        if (this.range)
            copy.range = this.range.slice();
        return copy;
    }
    /**
     * Adds a value to the collection. For `!!map` and `!!omap` the value must
     * be a Pair instance or a `{ key, value }` object, which may not have a key
     * that already exists in the map.
     */
    addIn(path, value) {
        if (isEmptyPath(path))
            this.add(value);
        else {
            const [key, ...rest] = path;
            const node = this.get(key, true);
            if (identity.isCollection(node))
                node.addIn(rest, value);
            else if (node === undefined && this.schema)
                this.set(key, collectionFromPath(this.schema, rest, value));
            else
                throw new Error(`Expected YAML collection at ${key}. Remaining path: ${rest}`);
        }
    }
    /**
     * Removes a value from the collection.
     * @returns `true` if the item was found and removed.
     */
    deleteIn(path) {
        const [key, ...rest] = path;
        if (rest.length === 0)
            return this.delete(key);
        const node = this.get(key, true);
        if (identity.isCollection(node))
            return node.deleteIn(rest);
        else
            throw new Error(`Expected YAML collection at ${key}. Remaining path: ${rest}`);
    }
    /**
     * Returns item at `key`, or `undefined` if not found. By default unwraps
     * scalar values from their surrounding node; to disable set `keepScalar` to
     * `true` (collections are always returned intact).
     */
    getIn(path, keepScalar) {
        const [key, ...rest] = path;
        const node = this.get(key, true);
        if (rest.length === 0)
            return !keepScalar && identity.isScalar(node) ? node.value : node;
        else
            return identity.isCollection(node) ? node.getIn(rest, keepScalar) : undefined;
    }
    hasAllNullValues(allowScalar) {
        return this.items.every(node => {
            if (!identity.isPair(node))
                return false;
            const n = node.value;
            return (n == null ||
                (allowScalar &&
                    identity.isScalar(n) &&
                    n.value == null &&
                    !n.commentBefore &&
                    !n.comment &&
                    !n.tag));
        });
    }
    /**
     * Checks if the collection includes a value with the key `key`.
     */
    hasIn(path) {
        const [key, ...rest] = path;
        if (rest.length === 0)
            return this.has(key);
        const node = this.get(key, true);
        return identity.isCollection(node) ? node.hasIn(rest) : false;
    }
    /**
     * Sets a value in this collection. For `!!set`, `value` needs to be a
     * boolean to add/remove the item from the set.
     */
    setIn(path, value) {
        const [key, ...rest] = path;
        if (rest.length === 0) {
            this.set(key, value);
        }
        else {
            const node = this.get(key, true);
            if (identity.isCollection(node))
                node.setIn(rest, value);
            else if (node === undefined && this.schema)
                this.set(key, collectionFromPath(this.schema, rest, value));
            else
                throw new Error(`Expected YAML collection at ${key}. Remaining path: ${rest}`);
        }
    }
}

exports.Collection = Collection;
exports.collectionFromPath = collectionFromPath;
exports.isEmptyPath = isEmptyPath;


/***/ }),

/***/ 6673:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var applyReviver = __nccwpck_require__(3661);
var identity = __nccwpck_require__(1127);
var toJS = __nccwpck_require__(4043);

class NodeBase {
    constructor(type) {
        Object.defineProperty(this, identity.NODE_TYPE, { value: type });
    }
    /** Create a copy of this node.  */
    clone() {
        const copy = Object.create(Object.getPrototypeOf(this), Object.getOwnPropertyDescriptors(this));
        if (this.range)
            copy.range = this.range.slice();
        return copy;
    }
    /** A plain JavaScript representation of this node. */
    toJS(doc, { mapAsMap, maxAliasCount, onAnchor, reviver } = {}) {
        if (!identity.isDocument(doc))
            throw new TypeError('A document argument is required');
        const ctx = {
            anchors: new Map(),
            doc,
            keep: true,
            mapAsMap: mapAsMap === true,
            mapKeyWarned: false,
            maxAliasCount: typeof maxAliasCount === 'number' ? maxAliasCount : 100
        };
        const res = toJS.toJS(this, '', ctx);
        if (typeof onAnchor === 'function')
            for (const { count, res } of ctx.anchors.values())
                onAnchor(res, count);
        return typeof reviver === 'function'
            ? applyReviver.applyReviver(reviver, { '': res }, '', res)
            : res;
    }
}

exports.NodeBase = NodeBase;


/***/ }),

/***/ 7165:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var createNode = __nccwpck_require__(2404);
var stringifyPair = __nccwpck_require__(9748);
var addPairToJSMap = __nccwpck_require__(7104);
var identity = __nccwpck_require__(1127);

function createPair(key, value, ctx) {
    const k = createNode.createNode(key, undefined, ctx);
    const v = createNode.createNode(value, undefined, ctx);
    return new Pair(k, v);
}
class Pair {
    constructor(key, value = null) {
        Object.defineProperty(this, identity.NODE_TYPE, { value: identity.PAIR });
        this.key = key;
        this.value = value;
    }
    clone(schema) {
        let { key, value } = this;
        if (identity.isNode(key))
            key = key.clone(schema);
        if (identity.isNode(value))
            value = value.clone(schema);
        return new Pair(key, value);
    }
    toJSON(_, ctx) {
        const pair = ctx?.mapAsMap ? new Map() : {};
        return addPairToJSMap.addPairToJSMap(ctx, pair, this);
    }
    toString(ctx, onComment, onChompKeep) {
        return ctx?.doc
            ? stringifyPair.stringifyPair(this, ctx, onComment, onChompKeep)
            : JSON.stringify(this);
    }
}

exports.Pair = Pair;
exports.createPair = createPair;


/***/ }),

/***/ 3301:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var Node = __nccwpck_require__(6673);
var toJS = __nccwpck_require__(4043);

const isScalarValue = (value) => !value || (typeof value !== 'function' && typeof value !== 'object');
class Scalar extends Node.NodeBase {
    constructor(value) {
        super(identity.SCALAR);
        this.value = value;
    }
    toJSON(arg, ctx) {
        return ctx?.keep ? this.value : toJS.toJS(this.value, arg, ctx);
    }
    toString() {
        return String(this.value);
    }
}
Scalar.BLOCK_FOLDED = 'BLOCK_FOLDED';
Scalar.BLOCK_LITERAL = 'BLOCK_LITERAL';
Scalar.PLAIN = 'PLAIN';
Scalar.QUOTE_DOUBLE = 'QUOTE_DOUBLE';
Scalar.QUOTE_SINGLE = 'QUOTE_SINGLE';

exports.Scalar = Scalar;
exports.isScalarValue = isScalarValue;


/***/ }),

/***/ 4454:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var stringifyCollection = __nccwpck_require__(1212);
var addPairToJSMap = __nccwpck_require__(7104);
var Collection = __nccwpck_require__(101);
var identity = __nccwpck_require__(1127);
var Pair = __nccwpck_require__(7165);
var Scalar = __nccwpck_require__(3301);

function findPair(items, key) {
    const k = identity.isScalar(key) ? key.value : key;
    for (const it of items) {
        if (identity.isPair(it)) {
            if (it.key === key || it.key === k)
                return it;
            if (identity.isScalar(it.key) && it.key.value === k)
                return it;
        }
    }
    return undefined;
}
class YAMLMap extends Collection.Collection {
    static get tagName() {
        return 'tag:yaml.org,2002:map';
    }
    constructor(schema) {
        super(identity.MAP, schema);
        this.items = [];
    }
    /**
     * A generic collection parsing method that can be extended
     * to other node classes that inherit from YAMLMap
     */
    static from(schema, obj, ctx) {
        const { keepUndefined, replacer } = ctx;
        const map = new this(schema);
        const add = (key, value) => {
            if (typeof replacer === 'function')
                value = replacer.call(obj, key, value);
            else if (Array.isArray(replacer) && !replacer.includes(key))
                return;
            if (value !== undefined || keepUndefined)
                map.items.push(Pair.createPair(key, value, ctx));
        };
        if (obj instanceof Map) {
            for (const [key, value] of obj)
                add(key, value);
        }
        else if (obj && typeof obj === 'object') {
            for (const key of Object.keys(obj))
                add(key, obj[key]);
        }
        if (typeof schema.sortMapEntries === 'function') {
            map.items.sort(schema.sortMapEntries);
        }
        return map;
    }
    /**
     * Adds a value to the collection.
     *
     * @param overwrite - If not set `true`, using a key that is already in the
     *   collection will throw. Otherwise, overwrites the previous value.
     */
    add(pair, overwrite) {
        let _pair;
        if (identity.isPair(pair))
            _pair = pair;
        else if (!pair || typeof pair !== 'object' || !('key' in pair)) {
            // In TypeScript, this never happens.
            _pair = new Pair.Pair(pair, pair?.value);
        }
        else
            _pair = new Pair.Pair(pair.key, pair.value);
        const prev = findPair(this.items, _pair.key);
        const sortEntries = this.schema?.sortMapEntries;
        if (prev) {
            if (!overwrite)
                throw new Error(`Key ${_pair.key} already set`);
            // For scalars, keep the old node & its comments and anchors
            if (identity.isScalar(prev.value) && Scalar.isScalarValue(_pair.value))
                prev.value.value = _pair.value;
            else
                prev.value = _pair.value;
        }
        else if (sortEntries) {
            const i = this.items.findIndex(item => sortEntries(_pair, item) < 0);
            if (i === -1)
                this.items.push(_pair);
            else
                this.items.splice(i, 0, _pair);
        }
        else {
            this.items.push(_pair);
        }
    }
    delete(key) {
        const it = findPair(this.items, key);
        if (!it)
            return false;
        const del = this.items.splice(this.items.indexOf(it), 1);
        return del.length > 0;
    }
    get(key, keepScalar) {
        const it = findPair(this.items, key);
        const node = it?.value;
        return (!keepScalar && identity.isScalar(node) ? node.value : node) ?? undefined;
    }
    has(key) {
        return !!findPair(this.items, key);
    }
    set(key, value) {
        this.add(new Pair.Pair(key, value), true);
    }
    /**
     * @param ctx - Conversion context, originally set in Document#toJS()
     * @param {Class} Type - If set, forces the returned collection type
     * @returns Instance of Type, Map, or Object
     */
    toJSON(_, ctx, Type) {
        const map = Type ? new Type() : ctx?.mapAsMap ? new Map() : {};
        if (ctx?.onCreate)
            ctx.onCreate(map);
        for (const item of this.items)
            addPairToJSMap.addPairToJSMap(ctx, map, item);
        return map;
    }
    toString(ctx, onComment, onChompKeep) {
        if (!ctx)
            return JSON.stringify(this);
        for (const item of this.items) {
            if (!identity.isPair(item))
                throw new Error(`Map items must all be pairs; found ${JSON.stringify(item)} instead`);
        }
        if (!ctx.allNullValues && this.hasAllNullValues(false))
            ctx = Object.assign({}, ctx, { allNullValues: true });
        return stringifyCollection.stringifyCollection(this, ctx, {
            blockItemPrefix: '',
            flowChars: { start: '{', end: '}' },
            itemIndent: ctx.indent || '',
            onChompKeep,
            onComment
        });
    }
}

exports.YAMLMap = YAMLMap;
exports.findPair = findPair;


/***/ }),

/***/ 2223:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var createNode = __nccwpck_require__(2404);
var stringifyCollection = __nccwpck_require__(1212);
var Collection = __nccwpck_require__(101);
var identity = __nccwpck_require__(1127);
var Scalar = __nccwpck_require__(3301);
var toJS = __nccwpck_require__(4043);

class YAMLSeq extends Collection.Collection {
    static get tagName() {
        return 'tag:yaml.org,2002:seq';
    }
    constructor(schema) {
        super(identity.SEQ, schema);
        this.items = [];
    }
    add(value) {
        this.items.push(value);
    }
    /**
     * Removes a value from the collection.
     *
     * `key` must contain a representation of an integer for this to succeed.
     * It may be wrapped in a `Scalar`.
     *
     * @returns `true` if the item was found and removed.
     */
    delete(key) {
        const idx = asItemIndex(key);
        if (typeof idx !== 'number')
            return false;
        const del = this.items.splice(idx, 1);
        return del.length > 0;
    }
    get(key, keepScalar) {
        const idx = asItemIndex(key);
        if (typeof idx !== 'number')
            return undefined;
        const it = this.items[idx];
        return !keepScalar && identity.isScalar(it) ? it.value : it;
    }
    /**
     * Checks if the collection includes a value with the key `key`.
     *
     * `key` must contain a representation of an integer for this to succeed.
     * It may be wrapped in a `Scalar`.
     */
    has(key) {
        const idx = asItemIndex(key);
        return typeof idx === 'number' && idx < this.items.length;
    }
    /**
     * Sets a value in this collection. For `!!set`, `value` needs to be a
     * boolean to add/remove the item from the set.
     *
     * If `key` does not contain a representation of an integer, this will throw.
     * It may be wrapped in a `Scalar`.
     */
    set(key, value) {
        const idx = asItemIndex(key);
        if (typeof idx !== 'number')
            throw new Error(`Expected a valid index, not ${key}.`);
        const prev = this.items[idx];
        if (identity.isScalar(prev) && Scalar.isScalarValue(value))
            prev.value = value;
        else
            this.items[idx] = value;
    }
    toJSON(_, ctx) {
        const seq = [];
        if (ctx?.onCreate)
            ctx.onCreate(seq);
        let i = 0;
        for (const item of this.items)
            seq.push(toJS.toJS(item, String(i++), ctx));
        return seq;
    }
    toString(ctx, onComment, onChompKeep) {
        if (!ctx)
            return JSON.stringify(this);
        return stringifyCollection.stringifyCollection(this, ctx, {
            blockItemPrefix: '- ',
            flowChars: { start: '[', end: ']' },
            itemIndent: (ctx.indent || '') + '  ',
            onChompKeep,
            onComment
        });
    }
    static from(schema, obj, ctx) {
        const { replacer } = ctx;
        const seq = new this(schema);
        if (obj && Symbol.iterator in Object(obj)) {
            let i = 0;
            for (let it of obj) {
                if (typeof replacer === 'function') {
                    const key = obj instanceof Set ? it : String(i++);
                    it = replacer.call(obj, key, it);
                }
                seq.items.push(createNode.createNode(it, undefined, ctx));
            }
        }
        return seq;
    }
}
function asItemIndex(key) {
    let idx = identity.isScalar(key) ? key.value : key;
    if (idx && typeof idx === 'string')
        idx = Number(idx);
    return typeof idx === 'number' && Number.isInteger(idx) && idx >= 0
        ? idx
        : null;
}

exports.YAMLSeq = YAMLSeq;


/***/ }),

/***/ 7104:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var log = __nccwpck_require__(7249);
var merge = __nccwpck_require__(452);
var stringify = __nccwpck_require__(2148);
var identity = __nccwpck_require__(1127);
var toJS = __nccwpck_require__(4043);

function addPairToJSMap(ctx, map, { key, value }) {
    if (identity.isNode(key) && key.addToJSMap)
        key.addToJSMap(ctx, map, value);
    // TODO: Should drop this special case for bare << handling
    else if (merge.isMergeKey(ctx, key))
        merge.addMergeToJSMap(ctx, map, value);
    else {
        const jsKey = toJS.toJS(key, '', ctx);
        if (map instanceof Map) {
            map.set(jsKey, toJS.toJS(value, jsKey, ctx));
        }
        else if (map instanceof Set) {
            map.add(jsKey);
        }
        else {
            const stringKey = stringifyKey(key, jsKey, ctx);
            const jsValue = toJS.toJS(value, stringKey, ctx);
            if (stringKey in map)
                Object.defineProperty(map, stringKey, {
                    value: jsValue,
                    writable: true,
                    enumerable: true,
                    configurable: true
                });
            else
                map[stringKey] = jsValue;
        }
    }
    return map;
}
function stringifyKey(key, jsKey, ctx) {
    if (jsKey === null)
        return '';
    // eslint-disable-next-line @typescript-eslint/no-base-to-string
    if (typeof jsKey !== 'object')
        return String(jsKey);
    if (identity.isNode(key) && ctx?.doc) {
        const strCtx = stringify.createStringifyContext(ctx.doc, {});
        strCtx.anchors = new Set();
        for (const node of ctx.anchors.keys())
            strCtx.anchors.add(node.anchor);
        strCtx.inFlow = true;
        strCtx.inStringifyKey = true;
        const strKey = key.toString(strCtx);
        if (!ctx.mapKeyWarned) {
            let jsonStr = JSON.stringify(strKey);
            if (jsonStr.length > 40)
                jsonStr = jsonStr.substring(0, 36) + '..."';
            log.warn(ctx.doc.options.logLevel, `Keys with collection values will be stringified due to JS Object restrictions: ${jsonStr}. Set mapAsMap: true to use object keys.`);
            ctx.mapKeyWarned = true;
        }
        return strKey;
    }
    return JSON.stringify(jsKey);
}

exports.addPairToJSMap = addPairToJSMap;


/***/ }),

/***/ 1127:
/***/ ((__unused_webpack_module, exports) => {



const ALIAS = Symbol.for('yaml.alias');
const DOC = Symbol.for('yaml.document');
const MAP = Symbol.for('yaml.map');
const PAIR = Symbol.for('yaml.pair');
const SCALAR = Symbol.for('yaml.scalar');
const SEQ = Symbol.for('yaml.seq');
const NODE_TYPE = Symbol.for('yaml.node.type');
const isAlias = (node) => !!node && typeof node === 'object' && node[NODE_TYPE] === ALIAS;
const isDocument = (node) => !!node && typeof node === 'object' && node[NODE_TYPE] === DOC;
const isMap = (node) => !!node && typeof node === 'object' && node[NODE_TYPE] === MAP;
const isPair = (node) => !!node && typeof node === 'object' && node[NODE_TYPE] === PAIR;
const isScalar = (node) => !!node && typeof node === 'object' && node[NODE_TYPE] === SCALAR;
const isSeq = (node) => !!node && typeof node === 'object' && node[NODE_TYPE] === SEQ;
function isCollection(node) {
    if (node && typeof node === 'object')
        switch (node[NODE_TYPE]) {
            case MAP:
            case SEQ:
                return true;
        }
    return false;
}
function isNode(node) {
    if (node && typeof node === 'object')
        switch (node[NODE_TYPE]) {
            case ALIAS:
            case MAP:
            case SCALAR:
            case SEQ:
                return true;
        }
    return false;
}
const hasAnchor = (node) => (isScalar(node) || isCollection(node)) && !!node.anchor;

exports.ALIAS = ALIAS;
exports.DOC = DOC;
exports.MAP = MAP;
exports.NODE_TYPE = NODE_TYPE;
exports.PAIR = PAIR;
exports.SCALAR = SCALAR;
exports.SEQ = SEQ;
exports.hasAnchor = hasAnchor;
exports.isAlias = isAlias;
exports.isCollection = isCollection;
exports.isDocument = isDocument;
exports.isMap = isMap;
exports.isNode = isNode;
exports.isPair = isPair;
exports.isScalar = isScalar;
exports.isSeq = isSeq;


/***/ }),

/***/ 4043:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);

/**
 * Recursively convert any node or its contents to native JavaScript
 *
 * @param value - The input value
 * @param arg - If `value` defines a `toJSON()` method, use this
 *   as its first argument
 * @param ctx - Conversion context, originally set in Document#toJS(). If
 *   `{ keep: true }` is not set, output should be suitable for JSON
 *   stringification.
 */
function toJS(value, arg, ctx) {
    // eslint-disable-next-line @typescript-eslint/no-unsafe-return
    if (Array.isArray(value))
        return value.map((v, i) => toJS(v, String(i), ctx));
    if (value && typeof value.toJSON === 'function') {
        // eslint-disable-next-line @typescript-eslint/no-unsafe-call
        if (!ctx || !identity.hasAnchor(value))
            return value.toJSON(arg, ctx);
        const data = { aliasCount: 0, count: 1, res: undefined };
        ctx.anchors.set(value, data);
        ctx.onCreate = res => {
            data.res = res;
            delete ctx.onCreate;
        };
        const res = value.toJSON(arg, ctx);
        if (ctx.onCreate)
            ctx.onCreate(res);
        return res;
    }
    if (typeof value === 'bigint' && !ctx?.keep)
        return Number(value);
    return value;
}

exports.toJS = toJS;


/***/ }),

/***/ 110:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var resolveBlockScalar = __nccwpck_require__(8913);
var resolveFlowScalar = __nccwpck_require__(6842);
var errors = __nccwpck_require__(1464);
var stringifyString = __nccwpck_require__(3069);

function resolveAsScalar(token, strict = true, onError) {
    if (token) {
        const _onError = (pos, code, message) => {
            const offset = typeof pos === 'number' ? pos : Array.isArray(pos) ? pos[0] : pos.offset;
            if (onError)
                onError(offset, code, message);
            else
                throw new errors.YAMLParseError([offset, offset + 1], code, message);
        };
        switch (token.type) {
            case 'scalar':
            case 'single-quoted-scalar':
            case 'double-quoted-scalar':
                return resolveFlowScalar.resolveFlowScalar(token, strict, _onError);
            case 'block-scalar':
                return resolveBlockScalar.resolveBlockScalar({ options: { strict } }, token, _onError);
        }
    }
    return null;
}
/**
 * Create a new scalar token with `value`
 *
 * Values that represent an actual string but may be parsed as a different type should use a `type` other than `'PLAIN'`,
 * as this function does not support any schema operations and won't check for such conflicts.
 *
 * @param value The string representation of the value, which will have its content properly indented.
 * @param context.end Comments and whitespace after the end of the value, or after the block scalar header. If undefined, a newline will be added.
 * @param context.implicitKey Being within an implicit key may affect the resolved type of the token's value.
 * @param context.indent The indent level of the token.
 * @param context.inFlow Is this scalar within a flow collection? This may affect the resolved type of the token's value.
 * @param context.offset The offset position of the token.
 * @param context.type The preferred type of the scalar token. If undefined, the previous type of the `token` will be used, defaulting to `'PLAIN'`.
 */
function createScalarToken(value, context) {
    const { implicitKey = false, indent, inFlow = false, offset = -1, type = 'PLAIN' } = context;
    const source = stringifyString.stringifyString({ type, value }, {
        implicitKey,
        indent: indent > 0 ? ' '.repeat(indent) : '',
        inFlow,
        options: { blockQuote: true, lineWidth: -1 }
    });
    const end = context.end ?? [
        { type: 'newline', offset: -1, indent, source: '\n' }
    ];
    switch (source[0]) {
        case '|':
        case '>': {
            const he = source.indexOf('\n');
            const head = source.substring(0, he);
            const body = source.substring(he + 1) + '\n';
            const props = [
                { type: 'block-scalar-header', offset, indent, source: head }
            ];
            if (!addEndtoBlockProps(props, end))
                props.push({ type: 'newline', offset: -1, indent, source: '\n' });
            return { type: 'block-scalar', offset, indent, props, source: body };
        }
        case '"':
            return { type: 'double-quoted-scalar', offset, indent, source, end };
        case "'":
            return { type: 'single-quoted-scalar', offset, indent, source, end };
        default:
            return { type: 'scalar', offset, indent, source, end };
    }
}
/**
 * Set the value of `token` to the given string `value`, overwriting any previous contents and type that it may have.
 *
 * Best efforts are made to retain any comments previously associated with the `token`,
 * though all contents within a collection's `items` will be overwritten.
 *
 * Values that represent an actual string but may be parsed as a different type should use a `type` other than `'PLAIN'`,
 * as this function does not support any schema operations and won't check for such conflicts.
 *
 * @param token Any token. If it does not include an `indent` value, the value will be stringified as if it were an implicit key.
 * @param value The string representation of the value, which will have its content properly indented.
 * @param context.afterKey In most cases, values after a key should have an additional level of indentation.
 * @param context.implicitKey Being within an implicit key may affect the resolved type of the token's value.
 * @param context.inFlow Being within a flow collection may affect the resolved type of the token's value.
 * @param context.type The preferred type of the scalar token. If undefined, the previous type of the `token` will be used, defaulting to `'PLAIN'`.
 */
function setScalarValue(token, value, context = {}) {
    let { afterKey = false, implicitKey = false, inFlow = false, type } = context;
    let indent = 'indent' in token ? token.indent : null;
    if (afterKey && typeof indent === 'number')
        indent += 2;
    if (!type)
        switch (token.type) {
            case 'single-quoted-scalar':
                type = 'QUOTE_SINGLE';
                break;
            case 'double-quoted-scalar':
                type = 'QUOTE_DOUBLE';
                break;
            case 'block-scalar': {
                const header = token.props[0];
                if (header.type !== 'block-scalar-header')
                    throw new Error('Invalid block scalar header');
                type = header.source[0] === '>' ? 'BLOCK_FOLDED' : 'BLOCK_LITERAL';
                break;
            }
            default:
                type = 'PLAIN';
        }
    const source = stringifyString.stringifyString({ type, value }, {
        implicitKey: implicitKey || indent === null,
        indent: indent !== null && indent > 0 ? ' '.repeat(indent) : '',
        inFlow,
        options: { blockQuote: true, lineWidth: -1 }
    });
    switch (source[0]) {
        case '|':
        case '>':
            setBlockScalarValue(token, source);
            break;
        case '"':
            setFlowScalarValue(token, source, 'double-quoted-scalar');
            break;
        case "'":
            setFlowScalarValue(token, source, 'single-quoted-scalar');
            break;
        default:
            setFlowScalarValue(token, source, 'scalar');
    }
}
function setBlockScalarValue(token, source) {
    const he = source.indexOf('\n');
    const head = source.substring(0, he);
    const body = source.substring(he + 1) + '\n';
    if (token.type === 'block-scalar') {
        const header = token.props[0];
        if (header.type !== 'block-scalar-header')
            throw new Error('Invalid block scalar header');
        header.source = head;
        token.source = body;
    }
    else {
        const { offset } = token;
        const indent = 'indent' in token ? token.indent : -1;
        const props = [
            { type: 'block-scalar-header', offset, indent, source: head }
        ];
        if (!addEndtoBlockProps(props, 'end' in token ? token.end : undefined))
            props.push({ type: 'newline', offset: -1, indent, source: '\n' });
        for (const key of Object.keys(token))
            if (key !== 'type' && key !== 'offset')
                delete token[key];
        Object.assign(token, { type: 'block-scalar', indent, props, source: body });
    }
}
/** @returns `true` if last token is a newline */
function addEndtoBlockProps(props, end) {
    if (end)
        for (const st of end)
            switch (st.type) {
                case 'space':
                case 'comment':
                    props.push(st);
                    break;
                case 'newline':
                    props.push(st);
                    return true;
            }
    return false;
}
function setFlowScalarValue(token, source, type) {
    switch (token.type) {
        case 'scalar':
        case 'double-quoted-scalar':
        case 'single-quoted-scalar':
            token.type = type;
            token.source = source;
            break;
        case 'block-scalar': {
            const end = token.props.slice(1);
            let oa = source.length;
            if (token.props[0].type === 'block-scalar-header')
                oa -= token.props[0].source.length;
            for (const tok of end)
                tok.offset += oa;
            delete token.props;
            Object.assign(token, { type, source, end });
            break;
        }
        case 'block-map':
        case 'block-seq': {
            const offset = token.offset + source.length;
            const nl = { type: 'newline', offset, indent: token.indent, source: '\n' };
            delete token.items;
            Object.assign(token, { type, source, end: [nl] });
            break;
        }
        default: {
            const indent = 'indent' in token ? token.indent : -1;
            const end = 'end' in token && Array.isArray(token.end)
                ? token.end.filter(st => st.type === 'space' ||
                    st.type === 'comment' ||
                    st.type === 'newline')
                : [];
            for (const key of Object.keys(token))
                if (key !== 'type' && key !== 'offset')
                    delete token[key];
            Object.assign(token, { type, indent, source, end });
        }
    }
}

exports.createScalarToken = createScalarToken;
exports.resolveAsScalar = resolveAsScalar;
exports.setScalarValue = setScalarValue;


/***/ }),

/***/ 1733:
/***/ ((__unused_webpack_module, exports) => {



/**
 * Stringify a CST document, token, or collection item
 *
 * Fair warning: This applies no validation whatsoever, and
 * simply concatenates the sources in their logical order.
 */
const stringify = (cst) => 'type' in cst ? stringifyToken(cst) : stringifyItem(cst);
function stringifyToken(token) {
    switch (token.type) {
        case 'block-scalar': {
            let res = '';
            for (const tok of token.props)
                res += stringifyToken(tok);
            return res + token.source;
        }
        case 'block-map':
        case 'block-seq': {
            let res = '';
            for (const item of token.items)
                res += stringifyItem(item);
            return res;
        }
        case 'flow-collection': {
            let res = token.start.source;
            for (const item of token.items)
                res += stringifyItem(item);
            for (const st of token.end)
                res += st.source;
            return res;
        }
        case 'document': {
            let res = stringifyItem(token);
            if (token.end)
                for (const st of token.end)
                    res += st.source;
            return res;
        }
        default: {
            let res = token.source;
            if ('end' in token && token.end)
                for (const st of token.end)
                    res += st.source;
            return res;
        }
    }
}
function stringifyItem({ start, key, sep, value }) {
    let res = '';
    for (const st of start)
        res += st.source;
    if (key)
        res += stringifyToken(key);
    if (sep)
        for (const st of sep)
            res += st.source;
    if (value)
        res += stringifyToken(value);
    return res;
}

exports.stringify = stringify;


/***/ }),

/***/ 7715:
/***/ ((__unused_webpack_module, exports) => {



const BREAK = Symbol('break visit');
const SKIP = Symbol('skip children');
const REMOVE = Symbol('remove item');
/**
 * Apply a visitor to a CST document or item.
 *
 * Walks through the tree (depth-first) starting from the root, calling a
 * `visitor` function with two arguments when entering each item:
 *   - `item`: The current item, which included the following members:
 *     - `start: SourceToken[]` – Source tokens before the key or value,
 *       possibly including its anchor or tag.
 *     - `key?: Token | null` – Set for pair values. May then be `null`, if
 *       the key before the `:` separator is empty.
 *     - `sep?: SourceToken[]` – Source tokens between the key and the value,
 *       which should include the `:` map value indicator if `value` is set.
 *     - `value?: Token` – The value of a sequence item, or of a map pair.
 *   - `path`: The steps from the root to the current node, as an array of
 *     `['key' | 'value', number]` tuples.
 *
 * The return value of the visitor may be used to control the traversal:
 *   - `undefined` (default): Do nothing and continue
 *   - `visit.SKIP`: Do not visit the children of this token, continue with
 *      next sibling
 *   - `visit.BREAK`: Terminate traversal completely
 *   - `visit.REMOVE`: Remove the current item, then continue with the next one
 *   - `number`: Set the index of the next step. This is useful especially if
 *     the index of the current token has changed.
 *   - `function`: Define the next visitor for this item. After the original
 *     visitor is called on item entry, next visitors are called after handling
 *     a non-empty `key` and when exiting the item.
 */
function visit(cst, visitor) {
    if ('type' in cst && cst.type === 'document')
        cst = { start: cst.start, value: cst.value };
    _visit(Object.freeze([]), cst, visitor);
}
// Without the `as symbol` casts, TS declares these in the `visit`
// namespace using `var`, but then complains about that because
// `unique symbol` must be `const`.
/** Terminate visit traversal completely */
visit.BREAK = BREAK;
/** Do not visit the children of the current item */
visit.SKIP = SKIP;
/** Remove the current item */
visit.REMOVE = REMOVE;
/** Find the item at `path` from `cst` as the root */
visit.itemAtPath = (cst, path) => {
    let item = cst;
    for (const [field, index] of path) {
        const tok = item?.[field];
        if (tok && 'items' in tok) {
            item = tok.items[index];
        }
        else
            return undefined;
    }
    return item;
};
/**
 * Get the immediate parent collection of the item at `path` from `cst` as the root.
 *
 * Throws an error if the collection is not found, which should never happen if the item itself exists.
 */
visit.parentCollection = (cst, path) => {
    const parent = visit.itemAtPath(cst, path.slice(0, -1));
    const field = path[path.length - 1][0];
    const coll = parent?.[field];
    if (coll && 'items' in coll)
        return coll;
    throw new Error('Parent collection not found');
};
function _visit(path, item, visitor) {
    let ctrl = visitor(item, path);
    if (typeof ctrl === 'symbol')
        return ctrl;
    for (const field of ['key', 'value']) {
        const token = item[field];
        if (token && 'items' in token) {
            for (let i = 0; i < token.items.length; ++i) {
                const ci = _visit(Object.freeze(path.concat([[field, i]])), token.items[i], visitor);
                if (typeof ci === 'number')
                    i = ci - 1;
                else if (ci === BREAK)
                    return BREAK;
                else if (ci === REMOVE) {
                    token.items.splice(i, 1);
                    i -= 1;
                }
            }
            if (typeof ctrl === 'function' && field === 'key')
                ctrl = ctrl(item, path);
        }
    }
    return typeof ctrl === 'function' ? ctrl(item, path) : ctrl;
}

exports.visit = visit;


/***/ }),

/***/ 3461:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var cstScalar = __nccwpck_require__(110);
var cstStringify = __nccwpck_require__(1733);
var cstVisit = __nccwpck_require__(7715);

/** The byte order mark */
const BOM = '\u{FEFF}';
/** Start of doc-mode */
const DOCUMENT = '\x02'; // C0: Start of Text
/** Unexpected end of flow-mode */
const FLOW_END = '\x18'; // C0: Cancel
/** Next token is a scalar value */
const SCALAR = '\x1f'; // C0: Unit Separator
/** @returns `true` if `token` is a flow or block collection */
const isCollection = (token) => !!token && 'items' in token;
/** @returns `true` if `token` is a flow or block scalar; not an alias */
const isScalar = (token) => !!token &&
    (token.type === 'scalar' ||
        token.type === 'single-quoted-scalar' ||
        token.type === 'double-quoted-scalar' ||
        token.type === 'block-scalar');
/* istanbul ignore next */
/** Get a printable representation of a lexer token */
function prettyToken(token) {
    switch (token) {
        case BOM:
            return '<BOM>';
        case DOCUMENT:
            return '<DOC>';
        case FLOW_END:
            return '<FLOW_END>';
        case SCALAR:
            return '<SCALAR>';
        default:
            return JSON.stringify(token);
    }
}
/** Identify the type of a lexer token. May return `null` for unknown tokens. */
function tokenType(source) {
    switch (source) {
        case BOM:
            return 'byte-order-mark';
        case DOCUMENT:
            return 'doc-mode';
        case FLOW_END:
            return 'flow-error-end';
        case SCALAR:
            return 'scalar';
        case '---':
            return 'doc-start';
        case '...':
            return 'doc-end';
        case '':
        case '\n':
        case '\r\n':
            return 'newline';
        case '-':
            return 'seq-item-ind';
        case '?':
            return 'explicit-key-ind';
        case ':':
            return 'map-value-ind';
        case '{':
            return 'flow-map-start';
        case '}':
            return 'flow-map-end';
        case '[':
            return 'flow-seq-start';
        case ']':
            return 'flow-seq-end';
        case ',':
            return 'comma';
    }
    switch (source[0]) {
        case ' ':
        case '\t':
            return 'space';
        case '#':
            return 'comment';
        case '%':
            return 'directive-line';
        case '*':
            return 'alias';
        case '&':
            return 'anchor';
        case '!':
            return 'tag';
        case "'":
            return 'single-quoted-scalar';
        case '"':
            return 'double-quoted-scalar';
        case '|':
        case '>':
            return 'block-scalar-header';
    }
    return null;
}

exports.createScalarToken = cstScalar.createScalarToken;
exports.resolveAsScalar = cstScalar.resolveAsScalar;
exports.setScalarValue = cstScalar.setScalarValue;
exports.stringify = cstStringify.stringify;
exports.visit = cstVisit.visit;
exports.BOM = BOM;
exports.DOCUMENT = DOCUMENT;
exports.FLOW_END = FLOW_END;
exports.SCALAR = SCALAR;
exports.isCollection = isCollection;
exports.isScalar = isScalar;
exports.prettyToken = prettyToken;
exports.tokenType = tokenType;


/***/ }),

/***/ 361:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var cst = __nccwpck_require__(3461);

/*
START -> stream

stream
  directive -> line-end -> stream
  indent + line-end -> stream
  [else] -> line-start

line-end
  comment -> line-end
  newline -> .
  input-end -> END

line-start
  doc-start -> doc
  doc-end -> stream
  [else] -> indent -> block-start

block-start
  seq-item-start -> block-start
  explicit-key-start -> block-start
  map-value-start -> block-start
  [else] -> doc

doc
  line-end -> line-start
  spaces -> doc
  anchor -> doc
  tag -> doc
  flow-start -> flow -> doc
  flow-end -> error -> doc
  seq-item-start -> error -> doc
  explicit-key-start -> error -> doc
  map-value-start -> doc
  alias -> doc
  quote-start -> quoted-scalar -> doc
  block-scalar-header -> line-end -> block-scalar(min) -> line-start
  [else] -> plain-scalar(false, min) -> doc

flow
  line-end -> flow
  spaces -> flow
  anchor -> flow
  tag -> flow
  flow-start -> flow -> flow
  flow-end -> .
  seq-item-start -> error -> flow
  explicit-key-start -> flow
  map-value-start -> flow
  alias -> flow
  quote-start -> quoted-scalar -> flow
  comma -> flow
  [else] -> plain-scalar(true, 0) -> flow

quoted-scalar
  quote-end -> .
  [else] -> quoted-scalar

block-scalar(min)
  newline + peek(indent < min) -> .
  [else] -> block-scalar(min)

plain-scalar(is-flow, min)
  scalar-end(is-flow) -> .
  peek(newline + (indent < min)) -> .
  [else] -> plain-scalar(min)
*/
function isEmpty(ch) {
    switch (ch) {
        case undefined:
        case ' ':
        case '\n':
        case '\r':
        case '\t':
            return true;
        default:
            return false;
    }
}
const hexDigits = new Set('0123456789ABCDEFabcdef');
const tagChars = new Set("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-#;/?:@&=+$_.!~*'()");
const flowIndicatorChars = new Set(',[]{}');
const invalidAnchorChars = new Set(' ,[]{}\n\r\t');
const isNotAnchorChar = (ch) => !ch || invalidAnchorChars.has(ch);
/**
 * Splits an input string into lexical tokens, i.e. smaller strings that are
 * easily identifiable by `tokens.tokenType()`.
 *
 * Lexing starts always in a "stream" context. Incomplete input may be buffered
 * until a complete token can be emitted.
 *
 * In addition to slices of the original input, the following control characters
 * may also be emitted:
 *
 * - `\x02` (Start of Text): A document starts with the next token
 * - `\x18` (Cancel): Unexpected end of flow-mode (indicates an error)
 * - `\x1f` (Unit Separator): Next token is a scalar value
 * - `\u{FEFF}` (Byte order mark): Emitted separately outside documents
 */
class Lexer {
    constructor() {
        /**
         * Flag indicating whether the end of the current buffer marks the end of
         * all input
         */
        this.atEnd = false;
        /**
         * Explicit indent set in block scalar header, as an offset from the current
         * minimum indent, so e.g. set to 1 from a header `|2+`. Set to -1 if not
         * explicitly set.
         */
        this.blockScalarIndent = -1;
        /**
         * Block scalars that include a + (keep) chomping indicator in their header
         * include trailing empty lines, which are otherwise excluded from the
         * scalar's contents.
         */
        this.blockScalarKeep = false;
        /** Current input */
        this.buffer = '';
        /**
         * Flag noting whether the map value indicator : can immediately follow this
         * node within a flow context.
         */
        this.flowKey = false;
        /** Count of surrounding flow collection levels. */
        this.flowLevel = 0;
        /**
         * Minimum level of indentation required for next lines to be parsed as a
         * part of the current scalar value.
         */
        this.indentNext = 0;
        /** Indentation level of the current line. */
        this.indentValue = 0;
        /** Position of the next \n character. */
        this.lineEndPos = null;
        /** Stores the state of the lexer if reaching the end of incpomplete input */
        this.next = null;
        /** A pointer to `buffer`; the current position of the lexer. */
        this.pos = 0;
    }
    /**
     * Generate YAML tokens from the `source` string. If `incomplete`,
     * a part of the last line may be left as a buffer for the next call.
     *
     * @returns A generator of lexical tokens
     */
    *lex(source, incomplete = false) {
        if (source) {
            if (typeof source !== 'string')
                throw TypeError('source is not a string');
            this.buffer = this.buffer ? this.buffer + source : source;
            this.lineEndPos = null;
        }
        this.atEnd = !incomplete;
        let next = this.next ?? 'stream';
        while (next && (incomplete || this.hasChars(1)))
            next = yield* this.parseNext(next);
    }
    atLineEnd() {
        let i = this.pos;
        let ch = this.buffer[i];
        while (ch === ' ' || ch === '\t')
            ch = this.buffer[++i];
        if (!ch || ch === '#' || ch === '\n')
            return true;
        if (ch === '\r')
            return this.buffer[i + 1] === '\n';
        return false;
    }
    charAt(n) {
        return this.buffer[this.pos + n];
    }
    continueScalar(offset) {
        let ch = this.buffer[offset];
        if (this.indentNext > 0) {
            let indent = 0;
            while (ch === ' ')
                ch = this.buffer[++indent + offset];
            if (ch === '\r') {
                const next = this.buffer[indent + offset + 1];
                if (next === '\n' || (!next && !this.atEnd))
                    return offset + indent + 1;
            }
            return ch === '\n' || indent >= this.indentNext || (!ch && !this.atEnd)
                ? offset + indent
                : -1;
        }
        if (ch === '-' || ch === '.') {
            const dt = this.buffer.substr(offset, 3);
            if ((dt === '---' || dt === '...') && isEmpty(this.buffer[offset + 3]))
                return -1;
        }
        return offset;
    }
    getLine() {
        let end = this.lineEndPos;
        if (typeof end !== 'number' || (end !== -1 && end < this.pos)) {
            end = this.buffer.indexOf('\n', this.pos);
            this.lineEndPos = end;
        }
        if (end === -1)
            return this.atEnd ? this.buffer.substring(this.pos) : null;
        if (this.buffer[end - 1] === '\r')
            end -= 1;
        return this.buffer.substring(this.pos, end);
    }
    hasChars(n) {
        return this.pos + n <= this.buffer.length;
    }
    setNext(state) {
        this.buffer = this.buffer.substring(this.pos);
        this.pos = 0;
        this.lineEndPos = null;
        this.next = state;
        return null;
    }
    peek(n) {
        return this.buffer.substr(this.pos, n);
    }
    *parseNext(next) {
        switch (next) {
            case 'stream':
                return yield* this.parseStream();
            case 'line-start':
                return yield* this.parseLineStart();
            case 'block-start':
                return yield* this.parseBlockStart();
            case 'doc':
                return yield* this.parseDocument();
            case 'flow':
                return yield* this.parseFlowCollection();
            case 'quoted-scalar':
                return yield* this.parseQuotedScalar();
            case 'block-scalar':
                return yield* this.parseBlockScalar();
            case 'plain-scalar':
                return yield* this.parsePlainScalar();
        }
    }
    *parseStream() {
        let line = this.getLine();
        if (line === null)
            return this.setNext('stream');
        if (line[0] === cst.BOM) {
            yield* this.pushCount(1);
            line = line.substring(1);
        }
        if (line[0] === '%') {
            let dirEnd = line.length;
            let cs = line.indexOf('#');
            while (cs !== -1) {
                const ch = line[cs - 1];
                if (ch === ' ' || ch === '\t') {
                    dirEnd = cs - 1;
                    break;
                }
                else {
                    cs = line.indexOf('#', cs + 1);
                }
            }
            while (true) {
                const ch = line[dirEnd - 1];
                if (ch === ' ' || ch === '\t')
                    dirEnd -= 1;
                else
                    break;
            }
            const n = (yield* this.pushCount(dirEnd)) + (yield* this.pushSpaces(true));
            yield* this.pushCount(line.length - n); // possible comment
            this.pushNewline();
            return 'stream';
        }
        if (this.atLineEnd()) {
            const sp = yield* this.pushSpaces(true);
            yield* this.pushCount(line.length - sp);
            yield* this.pushNewline();
            return 'stream';
        }
        yield cst.DOCUMENT;
        return yield* this.parseLineStart();
    }
    *parseLineStart() {
        const ch = this.charAt(0);
        if (!ch && !this.atEnd)
            return this.setNext('line-start');
        if (ch === '-' || ch === '.') {
            if (!this.atEnd && !this.hasChars(4))
                return this.setNext('line-start');
            const s = this.peek(3);
            if ((s === '---' || s === '...') && isEmpty(this.charAt(3))) {
                yield* this.pushCount(3);
                this.indentValue = 0;
                this.indentNext = 0;
                return s === '---' ? 'doc' : 'stream';
            }
        }
        this.indentValue = yield* this.pushSpaces(false);
        if (this.indentNext > this.indentValue && !isEmpty(this.charAt(1)))
            this.indentNext = this.indentValue;
        return yield* this.parseBlockStart();
    }
    *parseBlockStart() {
        const [ch0, ch1] = this.peek(2);
        if (!ch1 && !this.atEnd)
            return this.setNext('block-start');
        if ((ch0 === '-' || ch0 === '?' || ch0 === ':') && isEmpty(ch1)) {
            const n = (yield* this.pushCount(1)) + (yield* this.pushSpaces(true));
            this.indentNext = this.indentValue + 1;
            this.indentValue += n;
            return 'block-start';
        }
        return 'doc';
    }
    *parseDocument() {
        yield* this.pushSpaces(true);
        const line = this.getLine();
        if (line === null)
            return this.setNext('doc');
        let n = yield* this.pushIndicators();
        switch (line[n]) {
            case '#':
                yield* this.pushCount(line.length - n);
            // fallthrough
            case undefined:
                yield* this.pushNewline();
                return yield* this.parseLineStart();
            case '{':
            case '[':
                yield* this.pushCount(1);
                this.flowKey = false;
                this.flowLevel = 1;
                return 'flow';
            case '}':
            case ']':
                // this is an error
                yield* this.pushCount(1);
                return 'doc';
            case '*':
                yield* this.pushUntil(isNotAnchorChar);
                return 'doc';
            case '"':
            case "'":
                return yield* this.parseQuotedScalar();
            case '|':
            case '>':
                n += yield* this.parseBlockScalarHeader();
                n += yield* this.pushSpaces(true);
                yield* this.pushCount(line.length - n);
                yield* this.pushNewline();
                return yield* this.parseBlockScalar();
            default:
                return yield* this.parsePlainScalar();
        }
    }
    *parseFlowCollection() {
        let nl, sp;
        let indent = -1;
        do {
            nl = yield* this.pushNewline();
            if (nl > 0) {
                sp = yield* this.pushSpaces(false);
                this.indentValue = indent = sp;
            }
            else {
                sp = 0;
            }
            sp += yield* this.pushSpaces(true);
        } while (nl + sp > 0);
        const line = this.getLine();
        if (line === null)
            return this.setNext('flow');
        if ((indent !== -1 && indent < this.indentNext && line[0] !== '#') ||
            (indent === 0 &&
                (line.startsWith('---') || line.startsWith('...')) &&
                isEmpty(line[3]))) {
            // Allowing for the terminal ] or } at the same (rather than greater)
            // indent level as the initial [ or { is technically invalid, but
            // failing here would be surprising to users.
            const atFlowEndMarker = indent === this.indentNext - 1 &&
                this.flowLevel === 1 &&
                (line[0] === ']' || line[0] === '}');
            if (!atFlowEndMarker) {
                // this is an error
                this.flowLevel = 0;
                yield cst.FLOW_END;
                return yield* this.parseLineStart();
            }
        }
        let n = 0;
        while (line[n] === ',') {
            n += yield* this.pushCount(1);
            n += yield* this.pushSpaces(true);
            this.flowKey = false;
        }
        n += yield* this.pushIndicators();
        switch (line[n]) {
            case undefined:
                return 'flow';
            case '#':
                yield* this.pushCount(line.length - n);
                return 'flow';
            case '{':
            case '[':
                yield* this.pushCount(1);
                this.flowKey = false;
                this.flowLevel += 1;
                return 'flow';
            case '}':
            case ']':
                yield* this.pushCount(1);
                this.flowKey = true;
                this.flowLevel -= 1;
                return this.flowLevel ? 'flow' : 'doc';
            case '*':
                yield* this.pushUntil(isNotAnchorChar);
                return 'flow';
            case '"':
            case "'":
                this.flowKey = true;
                return yield* this.parseQuotedScalar();
            case ':': {
                const next = this.charAt(1);
                if (this.flowKey || isEmpty(next) || next === ',') {
                    this.flowKey = false;
                    yield* this.pushCount(1);
                    yield* this.pushSpaces(true);
                    return 'flow';
                }
            }
            // fallthrough
            default:
                this.flowKey = false;
                return yield* this.parsePlainScalar();
        }
    }
    *parseQuotedScalar() {
        const quote = this.charAt(0);
        let end = this.buffer.indexOf(quote, this.pos + 1);
        if (quote === "'") {
            while (end !== -1 && this.buffer[end + 1] === "'")
                end = this.buffer.indexOf("'", end + 2);
        }
        else {
            // double-quote
            while (end !== -1) {
                let n = 0;
                while (this.buffer[end - 1 - n] === '\\')
                    n += 1;
                if (n % 2 === 0)
                    break;
                end = this.buffer.indexOf('"', end + 1);
            }
        }
        // Only looking for newlines within the quotes
        const qb = this.buffer.substring(0, end);
        let nl = qb.indexOf('\n', this.pos);
        if (nl !== -1) {
            while (nl !== -1) {
                const cs = this.continueScalar(nl + 1);
                if (cs === -1)
                    break;
                nl = qb.indexOf('\n', cs);
            }
            if (nl !== -1) {
                // this is an error caused by an unexpected unindent
                end = nl - (qb[nl - 1] === '\r' ? 2 : 1);
            }
        }
        if (end === -1) {
            if (!this.atEnd)
                return this.setNext('quoted-scalar');
            end = this.buffer.length;
        }
        yield* this.pushToIndex(end + 1, false);
        return this.flowLevel ? 'flow' : 'doc';
    }
    *parseBlockScalarHeader() {
        this.blockScalarIndent = -1;
        this.blockScalarKeep = false;
        let i = this.pos;
        while (true) {
            const ch = this.buffer[++i];
            if (ch === '+')
                this.blockScalarKeep = true;
            else if (ch > '0' && ch <= '9')
                this.blockScalarIndent = Number(ch) - 1;
            else if (ch !== '-')
                break;
        }
        return yield* this.pushUntil(ch => isEmpty(ch) || ch === '#');
    }
    *parseBlockScalar() {
        let nl = this.pos - 1; // may be -1 if this.pos === 0
        let indent = 0;
        let ch;
        loop: for (let i = this.pos; (ch = this.buffer[i]); ++i) {
            switch (ch) {
                case ' ':
                    indent += 1;
                    break;
                case '\n':
                    nl = i;
                    indent = 0;
                    break;
                case '\r': {
                    const next = this.buffer[i + 1];
                    if (!next && !this.atEnd)
                        return this.setNext('block-scalar');
                    if (next === '\n')
                        break;
                } // fallthrough
                default:
                    break loop;
            }
        }
        if (!ch && !this.atEnd)
            return this.setNext('block-scalar');
        if (indent >= this.indentNext) {
            if (this.blockScalarIndent === -1)
                this.indentNext = indent;
            else {
                this.indentNext =
                    this.blockScalarIndent + (this.indentNext === 0 ? 1 : this.indentNext);
            }
            do {
                const cs = this.continueScalar(nl + 1);
                if (cs === -1)
                    break;
                nl = this.buffer.indexOf('\n', cs);
            } while (nl !== -1);
            if (nl === -1) {
                if (!this.atEnd)
                    return this.setNext('block-scalar');
                nl = this.buffer.length;
            }
        }
        // Trailing insufficiently indented tabs are invalid.
        // To catch that during parsing, we include them in the block scalar value.
        let i = nl + 1;
        ch = this.buffer[i];
        while (ch === ' ')
            ch = this.buffer[++i];
        if (ch === '\t') {
            while (ch === '\t' || ch === ' ' || ch === '\r' || ch === '\n')
                ch = this.buffer[++i];
            nl = i - 1;
        }
        else if (!this.blockScalarKeep) {
            do {
                let i = nl - 1;
                let ch = this.buffer[i];
                if (ch === '\r')
                    ch = this.buffer[--i];
                const lastChar = i; // Drop the line if last char not more indented
                while (ch === ' ')
                    ch = this.buffer[--i];
                if (ch === '\n' && i >= this.pos && i + 1 + indent > lastChar)
                    nl = i;
                else
                    break;
            } while (true);
        }
        yield cst.SCALAR;
        yield* this.pushToIndex(nl + 1, true);
        return yield* this.parseLineStart();
    }
    *parsePlainScalar() {
        const inFlow = this.flowLevel > 0;
        let end = this.pos - 1;
        let i = this.pos - 1;
        let ch;
        while ((ch = this.buffer[++i])) {
            if (ch === ':') {
                const next = this.buffer[i + 1];
                if (isEmpty(next) || (inFlow && flowIndicatorChars.has(next)))
                    break;
                end = i;
            }
            else if (isEmpty(ch)) {
                let next = this.buffer[i + 1];
                if (ch === '\r') {
                    if (next === '\n') {
                        i += 1;
                        ch = '\n';
                        next = this.buffer[i + 1];
                    }
                    else
                        end = i;
                }
                if (next === '#' || (inFlow && flowIndicatorChars.has(next)))
                    break;
                if (ch === '\n') {
                    const cs = this.continueScalar(i + 1);
                    if (cs === -1)
                        break;
                    i = Math.max(i, cs - 2); // to advance, but still account for ' #'
                }
            }
            else {
                if (inFlow && flowIndicatorChars.has(ch))
                    break;
                end = i;
            }
        }
        if (!ch && !this.atEnd)
            return this.setNext('plain-scalar');
        yield cst.SCALAR;
        yield* this.pushToIndex(end + 1, true);
        return inFlow ? 'flow' : 'doc';
    }
    *pushCount(n) {
        if (n > 0) {
            yield this.buffer.substr(this.pos, n);
            this.pos += n;
            return n;
        }
        return 0;
    }
    *pushToIndex(i, allowEmpty) {
        const s = this.buffer.slice(this.pos, i);
        if (s) {
            yield s;
            this.pos += s.length;
            return s.length;
        }
        else if (allowEmpty)
            yield '';
        return 0;
    }
    *pushIndicators() {
        let n = 0;
        loop: while (true) {
            switch (this.charAt(0)) {
                case '!':
                    n += yield* this.pushTag();
                    n += yield* this.pushSpaces(true);
                    continue loop;
                case '&':
                    n += yield* this.pushUntil(isNotAnchorChar);
                    n += yield* this.pushSpaces(true);
                    continue loop;
                case '-': // this is an error
                case '?': // this is an error outside flow collections
                case ':': {
                    const inFlow = this.flowLevel > 0;
                    const ch1 = this.charAt(1);
                    if (isEmpty(ch1) || (inFlow && flowIndicatorChars.has(ch1))) {
                        if (!inFlow)
                            this.indentNext = this.indentValue + 1;
                        else if (this.flowKey)
                            this.flowKey = false;
                        n += yield* this.pushCount(1);
                        n += yield* this.pushSpaces(true);
                        continue loop;
                    }
                }
            }
            break loop;
        }
        return n;
    }
    *pushTag() {
        if (this.charAt(1) === '<') {
            let i = this.pos + 2;
            let ch = this.buffer[i];
            while (!isEmpty(ch) && ch !== '>')
                ch = this.buffer[++i];
            return yield* this.pushToIndex(ch === '>' ? i + 1 : i, false);
        }
        else {
            let i = this.pos + 1;
            let ch = this.buffer[i];
            while (ch) {
                if (tagChars.has(ch))
                    ch = this.buffer[++i];
                else if (ch === '%' &&
                    hexDigits.has(this.buffer[i + 1]) &&
                    hexDigits.has(this.buffer[i + 2])) {
                    ch = this.buffer[(i += 3)];
                }
                else
                    break;
            }
            return yield* this.pushToIndex(i, false);
        }
    }
    *pushNewline() {
        const ch = this.buffer[this.pos];
        if (ch === '\n')
            return yield* this.pushCount(1);
        else if (ch === '\r' && this.charAt(1) === '\n')
            return yield* this.pushCount(2);
        else
            return 0;
    }
    *pushSpaces(allowTabs) {
        let i = this.pos - 1;
        let ch;
        do {
            ch = this.buffer[++i];
        } while (ch === ' ' || (allowTabs && ch === '\t'));
        const n = i - this.pos;
        if (n > 0) {
            yield this.buffer.substr(this.pos, n);
            this.pos = i;
        }
        return n;
    }
    *pushUntil(test) {
        let i = this.pos;
        let ch = this.buffer[i];
        while (!test(ch))
            ch = this.buffer[++i];
        return yield* this.pushToIndex(i, false);
    }
}

exports.Lexer = Lexer;


/***/ }),

/***/ 6628:
/***/ ((__unused_webpack_module, exports) => {



/**
 * Tracks newlines during parsing in order to provide an efficient API for
 * determining the one-indexed `{ line, col }` position for any offset
 * within the input.
 */
class LineCounter {
    constructor() {
        this.lineStarts = [];
        /**
         * Should be called in ascending order. Otherwise, call
         * `lineCounter.lineStarts.sort()` before calling `linePos()`.
         */
        this.addNewLine = (offset) => this.lineStarts.push(offset);
        /**
         * Performs a binary search and returns the 1-indexed { line, col }
         * position of `offset`. If `line === 0`, `addNewLine` has never been
         * called or `offset` is before the first known newline.
         */
        this.linePos = (offset) => {
            let low = 0;
            let high = this.lineStarts.length;
            while (low < high) {
                const mid = (low + high) >> 1; // Math.floor((low + high) / 2)
                if (this.lineStarts[mid] < offset)
                    low = mid + 1;
                else
                    high = mid;
            }
            if (this.lineStarts[low] === offset)
                return { line: low + 1, col: 1 };
            if (low === 0)
                return { line: 0, col: offset };
            const start = this.lineStarts[low - 1];
            return { line: low, col: offset - start + 1 };
        };
    }
}

exports.LineCounter = LineCounter;


/***/ }),

/***/ 3456:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var node_process = __nccwpck_require__(932);
var cst = __nccwpck_require__(3461);
var lexer = __nccwpck_require__(361);

function includesToken(list, type) {
    for (let i = 0; i < list.length; ++i)
        if (list[i].type === type)
            return true;
    return false;
}
function findNonEmptyIndex(list) {
    for (let i = 0; i < list.length; ++i) {
        switch (list[i].type) {
            case 'space':
            case 'comment':
            case 'newline':
                break;
            default:
                return i;
        }
    }
    return -1;
}
function isFlowToken(token) {
    switch (token?.type) {
        case 'alias':
        case 'scalar':
        case 'single-quoted-scalar':
        case 'double-quoted-scalar':
        case 'flow-collection':
            return true;
        default:
            return false;
    }
}
function getPrevProps(parent) {
    switch (parent.type) {
        case 'document':
            return parent.start;
        case 'block-map': {
            const it = parent.items[parent.items.length - 1];
            return it.sep ?? it.start;
        }
        case 'block-seq':
            return parent.items[parent.items.length - 1].start;
        /* istanbul ignore next should not happen */
        default:
            return [];
    }
}
/** Note: May modify input array */
function getFirstKeyStartProps(prev) {
    if (prev.length === 0)
        return [];
    let i = prev.length;
    loop: while (--i >= 0) {
        switch (prev[i].type) {
            case 'doc-start':
            case 'explicit-key-ind':
            case 'map-value-ind':
            case 'seq-item-ind':
            case 'newline':
                break loop;
        }
    }
    while (prev[++i]?.type === 'space') {
        /* loop */
    }
    return prev.splice(i, prev.length);
}
function arrayPushArray(target, source) {
    // May exhaust call stack with large `source` array
    if (source.length < 1e5)
        Array.prototype.push.apply(target, source);
    else
        for (let i = 0; i < source.length; ++i)
            target.push(source[i]);
}
function fixFlowSeqItems(fc) {
    if (fc.start.type === 'flow-seq-start') {
        for (const it of fc.items) {
            if (it.sep &&
                !it.value &&
                !includesToken(it.start, 'explicit-key-ind') &&
                !includesToken(it.sep, 'map-value-ind')) {
                if (it.key)
                    it.value = it.key;
                delete it.key;
                if (isFlowToken(it.value)) {
                    if (it.value.end)
                        arrayPushArray(it.value.end, it.sep);
                    else
                        it.value.end = it.sep;
                }
                else
                    arrayPushArray(it.start, it.sep);
                delete it.sep;
            }
        }
    }
}
/**
 * A YAML concrete syntax tree (CST) parser
 *
 * ```ts
 * const src: string = ...
 * for (const token of new Parser().parse(src)) {
 *   // token: Token
 * }
 * ```
 *
 * To use the parser with a user-provided lexer:
 *
 * ```ts
 * function* parse(source: string, lexer: Lexer) {
 *   const parser = new Parser()
 *   for (const lexeme of lexer.lex(source))
 *     yield* parser.next(lexeme)
 *   yield* parser.end()
 * }
 *
 * const src: string = ...
 * const lexer = new Lexer()
 * for (const token of parse(src, lexer)) {
 *   // token: Token
 * }
 * ```
 */
class Parser {
    /**
     * @param onNewLine - If defined, called separately with the start position of
     *   each new line (in `parse()`, including the start of input).
     */
    constructor(onNewLine) {
        /** If true, space and sequence indicators count as indentation */
        this.atNewLine = true;
        /** If true, next token is a scalar value */
        this.atScalar = false;
        /** Current indentation level */
        this.indent = 0;
        /** Current offset since the start of parsing */
        this.offset = 0;
        /** On the same line with a block map key */
        this.onKeyLine = false;
        /** Top indicates the node that's currently being built */
        this.stack = [];
        /** The source of the current token, set in parse() */
        this.source = '';
        /** The type of the current token, set in parse() */
        this.type = '';
        // Must be defined after `next()`
        this.lexer = new lexer.Lexer();
        this.onNewLine = onNewLine;
    }
    /**
     * Parse `source` as a YAML stream.
     * If `incomplete`, a part of the last line may be left as a buffer for the next call.
     *
     * Errors are not thrown, but yielded as `{ type: 'error', message }` tokens.
     *
     * @returns A generator of tokens representing each directive, document, and other structure.
     */
    *parse(source, incomplete = false) {
        if (this.onNewLine && this.offset === 0)
            this.onNewLine(0);
        for (const lexeme of this.lexer.lex(source, incomplete))
            yield* this.next(lexeme);
        if (!incomplete)
            yield* this.end();
    }
    /**
     * Advance the parser by the `source` of one lexical token.
     */
    *next(source) {
        this.source = source;
        if (node_process.env.LOG_TOKENS)
            console.log('|', cst.prettyToken(source));
        if (this.atScalar) {
            this.atScalar = false;
            yield* this.step();
            this.offset += source.length;
            return;
        }
        const type = cst.tokenType(source);
        if (!type) {
            const message = `Not a YAML token: ${source}`;
            yield* this.pop({ type: 'error', offset: this.offset, message, source });
            this.offset += source.length;
        }
        else if (type === 'scalar') {
            this.atNewLine = false;
            this.atScalar = true;
            this.type = 'scalar';
        }
        else {
            this.type = type;
            yield* this.step();
            switch (type) {
                case 'newline':
                    this.atNewLine = true;
                    this.indent = 0;
                    if (this.onNewLine)
                        this.onNewLine(this.offset + source.length);
                    break;
                case 'space':
                    if (this.atNewLine && source[0] === ' ')
                        this.indent += source.length;
                    break;
                case 'explicit-key-ind':
                case 'map-value-ind':
                case 'seq-item-ind':
                    if (this.atNewLine)
                        this.indent += source.length;
                    break;
                case 'doc-mode':
                case 'flow-error-end':
                    return;
                default:
                    this.atNewLine = false;
            }
            this.offset += source.length;
        }
    }
    /** Call at end of input to push out any remaining constructions */
    *end() {
        while (this.stack.length > 0)
            yield* this.pop();
    }
    get sourceToken() {
        const st = {
            type: this.type,
            offset: this.offset,
            indent: this.indent,
            source: this.source
        };
        return st;
    }
    *step() {
        const top = this.peek(1);
        if (this.type === 'doc-end' && top?.type !== 'doc-end') {
            while (this.stack.length > 0)
                yield* this.pop();
            this.stack.push({
                type: 'doc-end',
                offset: this.offset,
                source: this.source
            });
            return;
        }
        if (!top)
            return yield* this.stream();
        switch (top.type) {
            case 'document':
                return yield* this.document(top);
            case 'alias':
            case 'scalar':
            case 'single-quoted-scalar':
            case 'double-quoted-scalar':
                return yield* this.scalar(top);
            case 'block-scalar':
                return yield* this.blockScalar(top);
            case 'block-map':
                return yield* this.blockMap(top);
            case 'block-seq':
                return yield* this.blockSequence(top);
            case 'flow-collection':
                return yield* this.flowCollection(top);
            case 'doc-end':
                return yield* this.documentEnd(top);
        }
        /* istanbul ignore next should not happen */
        yield* this.pop();
    }
    peek(n) {
        return this.stack[this.stack.length - n];
    }
    *pop(error) {
        const token = error ?? this.stack.pop();
        /* istanbul ignore if should not happen */
        if (!token) {
            const message = 'Tried to pop an empty stack';
            yield { type: 'error', offset: this.offset, source: '', message };
        }
        else if (this.stack.length === 0) {
            yield token;
        }
        else {
            const top = this.peek(1);
            if (token.type === 'block-scalar') {
                // Block scalars use their parent rather than header indent
                token.indent = 'indent' in top ? top.indent : 0;
            }
            else if (token.type === 'flow-collection' && top.type === 'document') {
                // Ignore all indent for top-level flow collections
                token.indent = 0;
            }
            if (token.type === 'flow-collection')
                fixFlowSeqItems(token);
            switch (top.type) {
                case 'document':
                    top.value = token;
                    break;
                case 'block-scalar':
                    top.props.push(token); // error
                    break;
                case 'block-map': {
                    const it = top.items[top.items.length - 1];
                    if (it.value) {
                        top.items.push({ start: [], key: token, sep: [] });
                        this.onKeyLine = true;
                        return;
                    }
                    else if (it.sep) {
                        it.value = token;
                    }
                    else {
                        Object.assign(it, { key: token, sep: [] });
                        this.onKeyLine = !it.explicitKey;
                        return;
                    }
                    break;
                }
                case 'block-seq': {
                    const it = top.items[top.items.length - 1];
                    if (it.value)
                        top.items.push({ start: [], value: token });
                    else
                        it.value = token;
                    break;
                }
                case 'flow-collection': {
                    const it = top.items[top.items.length - 1];
                    if (!it || it.value)
                        top.items.push({ start: [], key: token, sep: [] });
                    else if (it.sep)
                        it.value = token;
                    else
                        Object.assign(it, { key: token, sep: [] });
                    return;
                }
                /* istanbul ignore next should not happen */
                default:
                    yield* this.pop();
                    yield* this.pop(token);
            }
            if ((top.type === 'document' ||
                top.type === 'block-map' ||
                top.type === 'block-seq') &&
                (token.type === 'block-map' || token.type === 'block-seq')) {
                const last = token.items[token.items.length - 1];
                if (last &&
                    !last.sep &&
                    !last.value &&
                    last.start.length > 0 &&
                    findNonEmptyIndex(last.start) === -1 &&
                    (token.indent === 0 ||
                        last.start.every(st => st.type !== 'comment' || st.indent < token.indent))) {
                    if (top.type === 'document')
                        top.end = last.start;
                    else
                        top.items.push({ start: last.start });
                    token.items.splice(-1, 1);
                }
            }
        }
    }
    *stream() {
        switch (this.type) {
            case 'directive-line':
                yield { type: 'directive', offset: this.offset, source: this.source };
                return;
            case 'byte-order-mark':
            case 'space':
            case 'comment':
            case 'newline':
                yield this.sourceToken;
                return;
            case 'doc-mode':
            case 'doc-start': {
                const doc = {
                    type: 'document',
                    offset: this.offset,
                    start: []
                };
                if (this.type === 'doc-start')
                    doc.start.push(this.sourceToken);
                this.stack.push(doc);
                return;
            }
        }
        yield {
            type: 'error',
            offset: this.offset,
            message: `Unexpected ${this.type} token in YAML stream`,
            source: this.source
        };
    }
    *document(doc) {
        if (doc.value)
            return yield* this.lineEnd(doc);
        switch (this.type) {
            case 'doc-start': {
                if (findNonEmptyIndex(doc.start) !== -1) {
                    yield* this.pop();
                    yield* this.step();
                }
                else
                    doc.start.push(this.sourceToken);
                return;
            }
            case 'anchor':
            case 'tag':
            case 'space':
            case 'comment':
            case 'newline':
                doc.start.push(this.sourceToken);
                return;
        }
        const bv = this.startBlockValue(doc);
        if (bv)
            this.stack.push(bv);
        else {
            yield {
                type: 'error',
                offset: this.offset,
                message: `Unexpected ${this.type} token in YAML document`,
                source: this.source
            };
        }
    }
    *scalar(scalar) {
        if (this.type === 'map-value-ind') {
            const prev = getPrevProps(this.peek(2));
            const start = getFirstKeyStartProps(prev);
            let sep;
            if (scalar.end) {
                sep = scalar.end;
                sep.push(this.sourceToken);
                delete scalar.end;
            }
            else
                sep = [this.sourceToken];
            const map = {
                type: 'block-map',
                offset: scalar.offset,
                indent: scalar.indent,
                items: [{ start, key: scalar, sep }]
            };
            this.onKeyLine = true;
            this.stack[this.stack.length - 1] = map;
        }
        else
            yield* this.lineEnd(scalar);
    }
    *blockScalar(scalar) {
        switch (this.type) {
            case 'space':
            case 'comment':
            case 'newline':
                scalar.props.push(this.sourceToken);
                return;
            case 'scalar':
                scalar.source = this.source;
                // block-scalar source includes trailing newline
                this.atNewLine = true;
                this.indent = 0;
                if (this.onNewLine) {
                    let nl = this.source.indexOf('\n') + 1;
                    while (nl !== 0) {
                        this.onNewLine(this.offset + nl);
                        nl = this.source.indexOf('\n', nl) + 1;
                    }
                }
                yield* this.pop();
                break;
            /* istanbul ignore next should not happen */
            default:
                yield* this.pop();
                yield* this.step();
        }
    }
    *blockMap(map) {
        const it = map.items[map.items.length - 1];
        // it.sep is true-ish if pair already has key or : separator
        switch (this.type) {
            case 'newline':
                this.onKeyLine = false;
                if (it.value) {
                    const end = 'end' in it.value ? it.value.end : undefined;
                    const last = Array.isArray(end) ? end[end.length - 1] : undefined;
                    if (last?.type === 'comment')
                        end?.push(this.sourceToken);
                    else
                        map.items.push({ start: [this.sourceToken] });
                }
                else if (it.sep) {
                    it.sep.push(this.sourceToken);
                }
                else {
                    it.start.push(this.sourceToken);
                }
                return;
            case 'space':
            case 'comment':
                if (it.value) {
                    map.items.push({ start: [this.sourceToken] });
                }
                else if (it.sep) {
                    it.sep.push(this.sourceToken);
                }
                else {
                    if (this.atIndentedComment(it.start, map.indent)) {
                        const prev = map.items[map.items.length - 2];
                        const end = prev?.value?.end;
                        if (Array.isArray(end)) {
                            arrayPushArray(end, it.start);
                            end.push(this.sourceToken);
                            map.items.pop();
                            return;
                        }
                    }
                    it.start.push(this.sourceToken);
                }
                return;
        }
        if (this.indent >= map.indent) {
            const atMapIndent = !this.onKeyLine && this.indent === map.indent;
            const atNextItem = atMapIndent &&
                (it.sep || it.explicitKey) &&
                this.type !== 'seq-item-ind';
            // For empty nodes, assign newline-separated not indented empty tokens to following node
            let start = [];
            if (atNextItem && it.sep && !it.value) {
                const nl = [];
                for (let i = 0; i < it.sep.length; ++i) {
                    const st = it.sep[i];
                    switch (st.type) {
                        case 'newline':
                            nl.push(i);
                            break;
                        case 'space':
                            break;
                        case 'comment':
                            if (st.indent > map.indent)
                                nl.length = 0;
                            break;
                        default:
                            nl.length = 0;
                    }
                }
                if (nl.length >= 2)
                    start = it.sep.splice(nl[1]);
            }
            switch (this.type) {
                case 'anchor':
                case 'tag':
                    if (atNextItem || it.value) {
                        start.push(this.sourceToken);
                        map.items.push({ start });
                        this.onKeyLine = true;
                    }
                    else if (it.sep) {
                        it.sep.push(this.sourceToken);
                    }
                    else {
                        it.start.push(this.sourceToken);
                    }
                    return;
                case 'explicit-key-ind':
                    if (!it.sep && !it.explicitKey) {
                        it.start.push(this.sourceToken);
                        it.explicitKey = true;
                    }
                    else if (atNextItem || it.value) {
                        start.push(this.sourceToken);
                        map.items.push({ start, explicitKey: true });
                    }
                    else {
                        this.stack.push({
                            type: 'block-map',
                            offset: this.offset,
                            indent: this.indent,
                            items: [{ start: [this.sourceToken], explicitKey: true }]
                        });
                    }
                    this.onKeyLine = true;
                    return;
                case 'map-value-ind':
                    if (it.explicitKey) {
                        if (!it.sep) {
                            if (includesToken(it.start, 'newline')) {
                                Object.assign(it, { key: null, sep: [this.sourceToken] });
                            }
                            else {
                                const start = getFirstKeyStartProps(it.start);
                                this.stack.push({
                                    type: 'block-map',
                                    offset: this.offset,
                                    indent: this.indent,
                                    items: [{ start, key: null, sep: [this.sourceToken] }]
                                });
                            }
                        }
                        else if (it.value) {
                            map.items.push({ start: [], key: null, sep: [this.sourceToken] });
                        }
                        else if (includesToken(it.sep, 'map-value-ind')) {
                            this.stack.push({
                                type: 'block-map',
                                offset: this.offset,
                                indent: this.indent,
                                items: [{ start, key: null, sep: [this.sourceToken] }]
                            });
                        }
                        else if (isFlowToken(it.key) &&
                            !includesToken(it.sep, 'newline')) {
                            const start = getFirstKeyStartProps(it.start);
                            const key = it.key;
                            const sep = it.sep;
                            sep.push(this.sourceToken);
                            // @ts-expect-error type guard is wrong here
                            delete it.key;
                            // @ts-expect-error type guard is wrong here
                            delete it.sep;
                            this.stack.push({
                                type: 'block-map',
                                offset: this.offset,
                                indent: this.indent,
                                items: [{ start, key, sep }]
                            });
                        }
                        else if (start.length > 0) {
                            // Not actually at next item
                            it.sep = it.sep.concat(start, this.sourceToken);
                        }
                        else {
                            it.sep.push(this.sourceToken);
                        }
                    }
                    else {
                        if (!it.sep) {
                            Object.assign(it, { key: null, sep: [this.sourceToken] });
                        }
                        else if (it.value || atNextItem) {
                            map.items.push({ start, key: null, sep: [this.sourceToken] });
                        }
                        else if (includesToken(it.sep, 'map-value-ind')) {
                            this.stack.push({
                                type: 'block-map',
                                offset: this.offset,
                                indent: this.indent,
                                items: [{ start: [], key: null, sep: [this.sourceToken] }]
                            });
                        }
                        else {
                            it.sep.push(this.sourceToken);
                        }
                    }
                    this.onKeyLine = true;
                    return;
                case 'alias':
                case 'scalar':
                case 'single-quoted-scalar':
                case 'double-quoted-scalar': {
                    const fs = this.flowScalar(this.type);
                    if (atNextItem || it.value) {
                        map.items.push({ start, key: fs, sep: [] });
                        this.onKeyLine = true;
                    }
                    else if (it.sep) {
                        this.stack.push(fs);
                    }
                    else {
                        Object.assign(it, { key: fs, sep: [] });
                        this.onKeyLine = true;
                    }
                    return;
                }
                default: {
                    const bv = this.startBlockValue(map);
                    if (bv) {
                        if (bv.type === 'block-seq') {
                            if (!it.explicitKey &&
                                it.sep &&
                                !includesToken(it.sep, 'newline')) {
                                yield* this.pop({
                                    type: 'error',
                                    offset: this.offset,
                                    message: 'Unexpected block-seq-ind on same line with key',
                                    source: this.source
                                });
                                return;
                            }
                        }
                        else if (atMapIndent) {
                            map.items.push({ start });
                        }
                        this.stack.push(bv);
                        return;
                    }
                }
            }
        }
        yield* this.pop();
        yield* this.step();
    }
    *blockSequence(seq) {
        const it = seq.items[seq.items.length - 1];
        switch (this.type) {
            case 'newline':
                if (it.value) {
                    const end = 'end' in it.value ? it.value.end : undefined;
                    const last = Array.isArray(end) ? end[end.length - 1] : undefined;
                    if (last?.type === 'comment')
                        end?.push(this.sourceToken);
                    else
                        seq.items.push({ start: [this.sourceToken] });
                }
                else
                    it.start.push(this.sourceToken);
                return;
            case 'space':
            case 'comment':
                if (it.value)
                    seq.items.push({ start: [this.sourceToken] });
                else {
                    if (this.atIndentedComment(it.start, seq.indent)) {
                        const prev = seq.items[seq.items.length - 2];
                        const end = prev?.value?.end;
                        if (Array.isArray(end)) {
                            arrayPushArray(end, it.start);
                            end.push(this.sourceToken);
                            seq.items.pop();
                            return;
                        }
                    }
                    it.start.push(this.sourceToken);
                }
                return;
            case 'anchor':
            case 'tag':
                if (it.value || this.indent <= seq.indent)
                    break;
                it.start.push(this.sourceToken);
                return;
            case 'seq-item-ind':
                if (this.indent !== seq.indent)
                    break;
                if (it.value || includesToken(it.start, 'seq-item-ind'))
                    seq.items.push({ start: [this.sourceToken] });
                else
                    it.start.push(this.sourceToken);
                return;
        }
        if (this.indent > seq.indent) {
            const bv = this.startBlockValue(seq);
            if (bv) {
                this.stack.push(bv);
                return;
            }
        }
        yield* this.pop();
        yield* this.step();
    }
    *flowCollection(fc) {
        const it = fc.items[fc.items.length - 1];
        if (this.type === 'flow-error-end') {
            let top;
            do {
                yield* this.pop();
                top = this.peek(1);
            } while (top?.type === 'flow-collection');
        }
        else if (fc.end.length === 0) {
            switch (this.type) {
                case 'comma':
                case 'explicit-key-ind':
                    if (!it || it.sep)
                        fc.items.push({ start: [this.sourceToken] });
                    else
                        it.start.push(this.sourceToken);
                    return;
                case 'map-value-ind':
                    if (!it || it.value)
                        fc.items.push({ start: [], key: null, sep: [this.sourceToken] });
                    else if (it.sep)
                        it.sep.push(this.sourceToken);
                    else
                        Object.assign(it, { key: null, sep: [this.sourceToken] });
                    return;
                case 'space':
                case 'comment':
                case 'newline':
                case 'anchor':
                case 'tag':
                    if (!it || it.value)
                        fc.items.push({ start: [this.sourceToken] });
                    else if (it.sep)
                        it.sep.push(this.sourceToken);
                    else
                        it.start.push(this.sourceToken);
                    return;
                case 'alias':
                case 'scalar':
                case 'single-quoted-scalar':
                case 'double-quoted-scalar': {
                    const fs = this.flowScalar(this.type);
                    if (!it || it.value)
                        fc.items.push({ start: [], key: fs, sep: [] });
                    else if (it.sep)
                        this.stack.push(fs);
                    else
                        Object.assign(it, { key: fs, sep: [] });
                    return;
                }
                case 'flow-map-end':
                case 'flow-seq-end':
                    fc.end.push(this.sourceToken);
                    return;
            }
            const bv = this.startBlockValue(fc);
            /* istanbul ignore else should not happen */
            if (bv)
                this.stack.push(bv);
            else {
                yield* this.pop();
                yield* this.step();
            }
        }
        else {
            const parent = this.peek(2);
            if (parent.type === 'block-map' &&
                ((this.type === 'map-value-ind' && parent.indent === fc.indent) ||
                    (this.type === 'newline' &&
                        !parent.items[parent.items.length - 1].sep))) {
                yield* this.pop();
                yield* this.step();
            }
            else if (this.type === 'map-value-ind' &&
                parent.type !== 'flow-collection') {
                const prev = getPrevProps(parent);
                const start = getFirstKeyStartProps(prev);
                fixFlowSeqItems(fc);
                const sep = fc.end.splice(1, fc.end.length);
                sep.push(this.sourceToken);
                const map = {
                    type: 'block-map',
                    offset: fc.offset,
                    indent: fc.indent,
                    items: [{ start, key: fc, sep }]
                };
                this.onKeyLine = true;
                this.stack[this.stack.length - 1] = map;
            }
            else {
                yield* this.lineEnd(fc);
            }
        }
    }
    flowScalar(type) {
        if (this.onNewLine) {
            let nl = this.source.indexOf('\n') + 1;
            while (nl !== 0) {
                this.onNewLine(this.offset + nl);
                nl = this.source.indexOf('\n', nl) + 1;
            }
        }
        return {
            type,
            offset: this.offset,
            indent: this.indent,
            source: this.source
        };
    }
    startBlockValue(parent) {
        switch (this.type) {
            case 'alias':
            case 'scalar':
            case 'single-quoted-scalar':
            case 'double-quoted-scalar':
                return this.flowScalar(this.type);
            case 'block-scalar-header':
                return {
                    type: 'block-scalar',
                    offset: this.offset,
                    indent: this.indent,
                    props: [this.sourceToken],
                    source: ''
                };
            case 'flow-map-start':
            case 'flow-seq-start':
                return {
                    type: 'flow-collection',
                    offset: this.offset,
                    indent: this.indent,
                    start: this.sourceToken,
                    items: [],
                    end: []
                };
            case 'seq-item-ind':
                return {
                    type: 'block-seq',
                    offset: this.offset,
                    indent: this.indent,
                    items: [{ start: [this.sourceToken] }]
                };
            case 'explicit-key-ind': {
                this.onKeyLine = true;
                const prev = getPrevProps(parent);
                const start = getFirstKeyStartProps(prev);
                start.push(this.sourceToken);
                return {
                    type: 'block-map',
                    offset: this.offset,
                    indent: this.indent,
                    items: [{ start, explicitKey: true }]
                };
            }
            case 'map-value-ind': {
                this.onKeyLine = true;
                const prev = getPrevProps(parent);
                const start = getFirstKeyStartProps(prev);
                return {
                    type: 'block-map',
                    offset: this.offset,
                    indent: this.indent,
                    items: [{ start, key: null, sep: [this.sourceToken] }]
                };
            }
        }
        return null;
    }
    atIndentedComment(start, indent) {
        if (this.type !== 'comment')
            return false;
        if (this.indent <= indent)
            return false;
        return start.every(st => st.type === 'newline' || st.type === 'space');
    }
    *documentEnd(docEnd) {
        if (this.type !== 'doc-mode') {
            if (docEnd.end)
                docEnd.end.push(this.sourceToken);
            else
                docEnd.end = [this.sourceToken];
            if (this.type === 'newline')
                yield* this.pop();
        }
    }
    *lineEnd(token) {
        switch (this.type) {
            case 'comma':
            case 'doc-start':
            case 'doc-end':
            case 'flow-seq-end':
            case 'flow-map-end':
            case 'map-value-ind':
                yield* this.pop();
                yield* this.step();
                break;
            case 'newline':
                this.onKeyLine = false;
            // fallthrough
            case 'space':
            case 'comment':
            default:
                // all other values are errors
                if (token.end)
                    token.end.push(this.sourceToken);
                else
                    token.end = [this.sourceToken];
                if (this.type === 'newline')
                    yield* this.pop();
        }
    }
}

exports.Parser = Parser;


/***/ }),

/***/ 4047:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var composer = __nccwpck_require__(9984);
var Document = __nccwpck_require__(3021);
var errors = __nccwpck_require__(1464);
var log = __nccwpck_require__(7249);
var identity = __nccwpck_require__(1127);
var lineCounter = __nccwpck_require__(6628);
var parser = __nccwpck_require__(3456);

function parseOptions(options) {
    const prettyErrors = options.prettyErrors !== false;
    const lineCounter$1 = options.lineCounter || (prettyErrors && new lineCounter.LineCounter()) || null;
    return { lineCounter: lineCounter$1, prettyErrors };
}
/**
 * Parse the input as a stream of YAML documents.
 *
 * Documents should be separated from each other by `...` or `---` marker lines.
 *
 * @returns If an empty `docs` array is returned, it will be of type
 *   EmptyStream and contain additional stream information. In
 *   TypeScript, you should use `'empty' in docs` as a type guard for it.
 */
function parseAllDocuments(source, options = {}) {
    const { lineCounter, prettyErrors } = parseOptions(options);
    const parser$1 = new parser.Parser(lineCounter?.addNewLine);
    const composer$1 = new composer.Composer(options);
    const docs = Array.from(composer$1.compose(parser$1.parse(source)));
    if (prettyErrors && lineCounter)
        for (const doc of docs) {
            doc.errors.forEach(errors.prettifyError(source, lineCounter));
            doc.warnings.forEach(errors.prettifyError(source, lineCounter));
        }
    if (docs.length > 0)
        return docs;
    return Object.assign([], { empty: true }, composer$1.streamInfo());
}
/** Parse an input string into a single YAML.Document */
function parseDocument(source, options = {}) {
    const { lineCounter, prettyErrors } = parseOptions(options);
    const parser$1 = new parser.Parser(lineCounter?.addNewLine);
    const composer$1 = new composer.Composer(options);
    // `doc` is always set by compose.end(true) at the very latest
    let doc = null;
    for (const _doc of composer$1.compose(parser$1.parse(source), true, source.length)) {
        if (!doc)
            doc = _doc;
        else if (doc.options.logLevel !== 'silent') {
            doc.errors.push(new errors.YAMLParseError(_doc.range.slice(0, 2), 'MULTIPLE_DOCS', 'Source contains multiple documents; please use YAML.parseAllDocuments()'));
            break;
        }
    }
    if (prettyErrors && lineCounter) {
        doc.errors.forEach(errors.prettifyError(source, lineCounter));
        doc.warnings.forEach(errors.prettifyError(source, lineCounter));
    }
    return doc;
}
function parse(src, reviver, options) {
    let _reviver = undefined;
    if (typeof reviver === 'function') {
        _reviver = reviver;
    }
    else if (options === undefined && reviver && typeof reviver === 'object') {
        options = reviver;
    }
    const doc = parseDocument(src, options);
    if (!doc)
        return null;
    doc.warnings.forEach(warning => log.warn(doc.options.logLevel, warning));
    if (doc.errors.length > 0) {
        if (doc.options.logLevel !== 'silent')
            throw doc.errors[0];
        else
            doc.errors = [];
    }
    return doc.toJS(Object.assign({ reviver: _reviver }, options));
}
function stringify(value, replacer, options) {
    let _replacer = null;
    if (typeof replacer === 'function' || Array.isArray(replacer)) {
        _replacer = replacer;
    }
    else if (options === undefined && replacer) {
        options = replacer;
    }
    if (typeof options === 'string')
        options = options.length;
    if (typeof options === 'number') {
        const indent = Math.round(options);
        options = indent < 1 ? undefined : indent > 8 ? { indent: 8 } : { indent };
    }
    if (value === undefined) {
        const { keepUndefined } = options ?? replacer ?? {};
        if (!keepUndefined)
            return undefined;
    }
    if (identity.isDocument(value) && !_replacer)
        return value.toString(options);
    return new Document.Document(value, _replacer, options).toString(options);
}

exports.parse = parse;
exports.parseAllDocuments = parseAllDocuments;
exports.parseDocument = parseDocument;
exports.stringify = stringify;


/***/ }),

/***/ 5840:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var map = __nccwpck_require__(7451);
var seq = __nccwpck_require__(1706);
var string = __nccwpck_require__(6464);
var tags = __nccwpck_require__(18);

const sortMapEntriesByKey = (a, b) => a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
class Schema {
    constructor({ compat, customTags, merge, resolveKnownTags, schema, sortMapEntries, toStringDefaults }) {
        this.compat = Array.isArray(compat)
            ? tags.getTags(compat, 'compat')
            : compat
                ? tags.getTags(null, compat)
                : null;
        this.name = (typeof schema === 'string' && schema) || 'core';
        this.knownTags = resolveKnownTags ? tags.coreKnownTags : {};
        this.tags = tags.getTags(customTags, this.name, merge);
        this.toStringOptions = toStringDefaults ?? null;
        Object.defineProperty(this, identity.MAP, { value: map.map });
        Object.defineProperty(this, identity.SCALAR, { value: string.string });
        Object.defineProperty(this, identity.SEQ, { value: seq.seq });
        // Used by createMap()
        this.sortMapEntries =
            typeof sortMapEntries === 'function'
                ? sortMapEntries
                : sortMapEntries === true
                    ? sortMapEntriesByKey
                    : null;
    }
    clone() {
        const copy = Object.create(Schema.prototype, Object.getOwnPropertyDescriptors(this));
        copy.tags = this.tags.slice();
        return copy;
    }
}

exports.Schema = Schema;


/***/ }),

/***/ 7451:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var YAMLMap = __nccwpck_require__(4454);

const map = {
    collection: 'map',
    default: true,
    nodeClass: YAMLMap.YAMLMap,
    tag: 'tag:yaml.org,2002:map',
    resolve(map, onError) {
        if (!identity.isMap(map))
            onError('Expected a mapping for this tag');
        return map;
    },
    createNode: (schema, obj, ctx) => YAMLMap.YAMLMap.from(schema, obj, ctx)
};

exports.map = map;


/***/ }),

/***/ 3632:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Scalar = __nccwpck_require__(3301);

const nullTag = {
    identify: value => value == null,
    createNode: () => new Scalar.Scalar(null),
    default: true,
    tag: 'tag:yaml.org,2002:null',
    test: /^(?:~|[Nn]ull|NULL)?$/,
    resolve: () => new Scalar.Scalar(null),
    stringify: ({ source }, ctx) => typeof source === 'string' && nullTag.test.test(source)
        ? source
        : ctx.options.nullStr
};

exports.nullTag = nullTag;


/***/ }),

/***/ 1706:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var YAMLSeq = __nccwpck_require__(2223);

const seq = {
    collection: 'seq',
    default: true,
    nodeClass: YAMLSeq.YAMLSeq,
    tag: 'tag:yaml.org,2002:seq',
    resolve(seq, onError) {
        if (!identity.isSeq(seq))
            onError('Expected a sequence for this tag');
        return seq;
    },
    createNode: (schema, obj, ctx) => YAMLSeq.YAMLSeq.from(schema, obj, ctx)
};

exports.seq = seq;


/***/ }),

/***/ 6464:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var stringifyString = __nccwpck_require__(3069);

const string = {
    identify: value => typeof value === 'string',
    default: true,
    tag: 'tag:yaml.org,2002:str',
    resolve: str => str,
    stringify(item, ctx, onComment, onChompKeep) {
        ctx = Object.assign({ actualString: true }, ctx);
        return stringifyString.stringifyString(item, ctx, onComment, onChompKeep);
    }
};

exports.string = string;


/***/ }),

/***/ 3959:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Scalar = __nccwpck_require__(3301);

const boolTag = {
    identify: value => typeof value === 'boolean',
    default: true,
    tag: 'tag:yaml.org,2002:bool',
    test: /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/,
    resolve: str => new Scalar.Scalar(str[0] === 't' || str[0] === 'T'),
    stringify({ source, value }, ctx) {
        if (source && boolTag.test.test(source)) {
            const sv = source[0] === 't' || source[0] === 'T';
            if (value === sv)
                return source;
        }
        return value ? ctx.options.trueStr : ctx.options.falseStr;
    }
};

exports.boolTag = boolTag;


/***/ }),

/***/ 8405:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Scalar = __nccwpck_require__(3301);
var stringifyNumber = __nccwpck_require__(8689);

const floatNaN = {
    identify: value => typeof value === 'number',
    default: true,
    tag: 'tag:yaml.org,2002:float',
    test: /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/,
    resolve: str => str.slice(-3).toLowerCase() === 'nan'
        ? NaN
        : str[0] === '-'
            ? Number.NEGATIVE_INFINITY
            : Number.POSITIVE_INFINITY,
    stringify: stringifyNumber.stringifyNumber
};
const floatExp = {
    identify: value => typeof value === 'number',
    default: true,
    tag: 'tag:yaml.org,2002:float',
    format: 'EXP',
    test: /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/,
    resolve: str => parseFloat(str),
    stringify(node) {
        const num = Number(node.value);
        return isFinite(num) ? num.toExponential() : stringifyNumber.stringifyNumber(node);
    }
};
const float = {
    identify: value => typeof value === 'number',
    default: true,
    tag: 'tag:yaml.org,2002:float',
    test: /^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/,
    resolve(str) {
        const node = new Scalar.Scalar(parseFloat(str));
        const dot = str.indexOf('.');
        if (dot !== -1 && str[str.length - 1] === '0')
            node.minFractionDigits = str.length - dot - 1;
        return node;
    },
    stringify: stringifyNumber.stringifyNumber
};

exports.float = float;
exports.floatExp = floatExp;
exports.floatNaN = floatNaN;


/***/ }),

/***/ 9874:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var stringifyNumber = __nccwpck_require__(8689);

const intIdentify = (value) => typeof value === 'bigint' || Number.isInteger(value);
const intResolve = (str, offset, radix, { intAsBigInt }) => (intAsBigInt ? BigInt(str) : parseInt(str.substring(offset), radix));
function intStringify(node, radix, prefix) {
    const { value } = node;
    if (intIdentify(value) && value >= 0)
        return prefix + value.toString(radix);
    return stringifyNumber.stringifyNumber(node);
}
const intOct = {
    identify: value => intIdentify(value) && value >= 0,
    default: true,
    tag: 'tag:yaml.org,2002:int',
    format: 'OCT',
    test: /^0o[0-7]+$/,
    resolve: (str, _onError, opt) => intResolve(str, 2, 8, opt),
    stringify: node => intStringify(node, 8, '0o')
};
const int = {
    identify: intIdentify,
    default: true,
    tag: 'tag:yaml.org,2002:int',
    test: /^[-+]?[0-9]+$/,
    resolve: (str, _onError, opt) => intResolve(str, 0, 10, opt),
    stringify: stringifyNumber.stringifyNumber
};
const intHex = {
    identify: value => intIdentify(value) && value >= 0,
    default: true,
    tag: 'tag:yaml.org,2002:int',
    format: 'HEX',
    test: /^0x[0-9a-fA-F]+$/,
    resolve: (str, _onError, opt) => intResolve(str, 2, 16, opt),
    stringify: node => intStringify(node, 16, '0x')
};

exports.int = int;
exports.intHex = intHex;
exports.intOct = intOct;


/***/ }),

/***/ 896:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var map = __nccwpck_require__(7451);
var _null = __nccwpck_require__(3632);
var seq = __nccwpck_require__(1706);
var string = __nccwpck_require__(6464);
var bool = __nccwpck_require__(3959);
var float = __nccwpck_require__(8405);
var int = __nccwpck_require__(9874);

const schema = [
    map.map,
    seq.seq,
    string.string,
    _null.nullTag,
    bool.boolTag,
    int.intOct,
    int.int,
    int.intHex,
    float.floatNaN,
    float.floatExp,
    float.float
];

exports.schema = schema;


/***/ }),

/***/ 3559:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Scalar = __nccwpck_require__(3301);
var map = __nccwpck_require__(7451);
var seq = __nccwpck_require__(1706);

function intIdentify(value) {
    return typeof value === 'bigint' || Number.isInteger(value);
}
const stringifyJSON = ({ value }) => JSON.stringify(value);
const jsonScalars = [
    {
        identify: value => typeof value === 'string',
        default: true,
        tag: 'tag:yaml.org,2002:str',
        resolve: str => str,
        stringify: stringifyJSON
    },
    {
        identify: value => value == null,
        createNode: () => new Scalar.Scalar(null),
        default: true,
        tag: 'tag:yaml.org,2002:null',
        test: /^null$/,
        resolve: () => null,
        stringify: stringifyJSON
    },
    {
        identify: value => typeof value === 'boolean',
        default: true,
        tag: 'tag:yaml.org,2002:bool',
        test: /^true$|^false$/,
        resolve: str => str === 'true',
        stringify: stringifyJSON
    },
    {
        identify: intIdentify,
        default: true,
        tag: 'tag:yaml.org,2002:int',
        test: /^-?(?:0|[1-9][0-9]*)$/,
        resolve: (str, _onError, { intAsBigInt }) => intAsBigInt ? BigInt(str) : parseInt(str, 10),
        stringify: ({ value }) => intIdentify(value) ? value.toString() : JSON.stringify(value)
    },
    {
        identify: value => typeof value === 'number',
        default: true,
        tag: 'tag:yaml.org,2002:float',
        test: /^-?(?:0|[1-9][0-9]*)(?:\.[0-9]*)?(?:[eE][-+]?[0-9]+)?$/,
        resolve: str => parseFloat(str),
        stringify: stringifyJSON
    }
];
const jsonError = {
    default: true,
    tag: '',
    test: /^/,
    resolve(str, onError) {
        onError(`Unresolved plain scalar ${JSON.stringify(str)}`);
        return str;
    }
};
const schema = [map.map, seq.seq].concat(jsonScalars, jsonError);

exports.schema = schema;


/***/ }),

/***/ 18:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var map = __nccwpck_require__(7451);
var _null = __nccwpck_require__(3632);
var seq = __nccwpck_require__(1706);
var string = __nccwpck_require__(6464);
var bool = __nccwpck_require__(3959);
var float = __nccwpck_require__(8405);
var int = __nccwpck_require__(9874);
var schema = __nccwpck_require__(896);
var schema$1 = __nccwpck_require__(3559);
var binary = __nccwpck_require__(6083);
var merge = __nccwpck_require__(452);
var omap = __nccwpck_require__(303);
var pairs = __nccwpck_require__(8385);
var schema$2 = __nccwpck_require__(5913);
var set = __nccwpck_require__(1528);
var timestamp = __nccwpck_require__(6752);

const schemas = new Map([
    ['core', schema.schema],
    ['failsafe', [map.map, seq.seq, string.string]],
    ['json', schema$1.schema],
    ['yaml11', schema$2.schema],
    ['yaml-1.1', schema$2.schema]
]);
const tagsByName = {
    binary: binary.binary,
    bool: bool.boolTag,
    float: float.float,
    floatExp: float.floatExp,
    floatNaN: float.floatNaN,
    floatTime: timestamp.floatTime,
    int: int.int,
    intHex: int.intHex,
    intOct: int.intOct,
    intTime: timestamp.intTime,
    map: map.map,
    merge: merge.merge,
    null: _null.nullTag,
    omap: omap.omap,
    pairs: pairs.pairs,
    seq: seq.seq,
    set: set.set,
    timestamp: timestamp.timestamp
};
const coreKnownTags = {
    'tag:yaml.org,2002:binary': binary.binary,
    'tag:yaml.org,2002:merge': merge.merge,
    'tag:yaml.org,2002:omap': omap.omap,
    'tag:yaml.org,2002:pairs': pairs.pairs,
    'tag:yaml.org,2002:set': set.set,
    'tag:yaml.org,2002:timestamp': timestamp.timestamp
};
function getTags(customTags, schemaName, addMergeTag) {
    const schemaTags = schemas.get(schemaName);
    if (schemaTags && !customTags) {
        return addMergeTag && !schemaTags.includes(merge.merge)
            ? schemaTags.concat(merge.merge)
            : schemaTags.slice();
    }
    let tags = schemaTags;
    if (!tags) {
        if (Array.isArray(customTags))
            tags = [];
        else {
            const keys = Array.from(schemas.keys())
                .filter(key => key !== 'yaml11')
                .map(key => JSON.stringify(key))
                .join(', ');
            throw new Error(`Unknown schema "${schemaName}"; use one of ${keys} or define customTags array`);
        }
    }
    if (Array.isArray(customTags)) {
        for (const tag of customTags)
            tags = tags.concat(tag);
    }
    else if (typeof customTags === 'function') {
        tags = customTags(tags.slice());
    }
    if (addMergeTag)
        tags = tags.concat(merge.merge);
    return tags.reduce((tags, tag) => {
        const tagObj = typeof tag === 'string' ? tagsByName[tag] : tag;
        if (!tagObj) {
            const tagName = JSON.stringify(tag);
            const keys = Object.keys(tagsByName)
                .map(key => JSON.stringify(key))
                .join(', ');
            throw new Error(`Unknown custom tag ${tagName}; use one of ${keys}`);
        }
        if (!tags.includes(tagObj))
            tags.push(tagObj);
        return tags;
    }, []);
}

exports.coreKnownTags = coreKnownTags;
exports.getTags = getTags;


/***/ }),

/***/ 6083:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var node_buffer = __nccwpck_require__(181);
var Scalar = __nccwpck_require__(3301);
var stringifyString = __nccwpck_require__(3069);

const binary = {
    identify: value => value instanceof Uint8Array, // Buffer inherits from Uint8Array
    default: false,
    tag: 'tag:yaml.org,2002:binary',
    /**
     * Returns a Buffer in node and an Uint8Array in browsers
     *
     * To use the resulting buffer as an image, you'll want to do something like:
     *
     *   const blob = new Blob([buffer], { type: 'image/jpeg' })
     *   document.querySelector('#photo').src = URL.createObjectURL(blob)
     */
    resolve(src, onError) {
        if (typeof node_buffer.Buffer === 'function') {
            return node_buffer.Buffer.from(src, 'base64');
        }
        else if (typeof atob === 'function') {
            // On IE 11, atob() can't handle newlines
            const str = atob(src.replace(/[\n\r]/g, ''));
            const buffer = new Uint8Array(str.length);
            for (let i = 0; i < str.length; ++i)
                buffer[i] = str.charCodeAt(i);
            return buffer;
        }
        else {
            onError('This environment does not support reading binary tags; either Buffer or atob is required');
            return src;
        }
    },
    stringify({ comment, type, value }, ctx, onComment, onChompKeep) {
        if (!value)
            return '';
        const buf = value; // checked earlier by binary.identify()
        let str;
        if (typeof node_buffer.Buffer === 'function') {
            str =
                buf instanceof node_buffer.Buffer
                    ? buf.toString('base64')
                    : node_buffer.Buffer.from(buf.buffer).toString('base64');
        }
        else if (typeof btoa === 'function') {
            let s = '';
            for (let i = 0; i < buf.length; ++i)
                s += String.fromCharCode(buf[i]);
            str = btoa(s);
        }
        else {
            throw new Error('This environment does not support writing binary tags; either Buffer or btoa is required');
        }
        type ?? (type = Scalar.Scalar.BLOCK_LITERAL);
        if (type !== Scalar.Scalar.QUOTE_DOUBLE) {
            const lineWidth = Math.max(ctx.options.lineWidth - ctx.indent.length, ctx.options.minContentWidth);
            const n = Math.ceil(str.length / lineWidth);
            const lines = new Array(n);
            for (let i = 0, o = 0; i < n; ++i, o += lineWidth) {
                lines[i] = str.substr(o, lineWidth);
            }
            str = lines.join(type === Scalar.Scalar.BLOCK_LITERAL ? '\n' : ' ');
        }
        return stringifyString.stringifyString({ comment, type, value: str }, ctx, onComment, onChompKeep);
    }
};

exports.binary = binary;


/***/ }),

/***/ 8398:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Scalar = __nccwpck_require__(3301);

function boolStringify({ value, source }, ctx) {
    const boolObj = value ? trueTag : falseTag;
    if (source && boolObj.test.test(source))
        return source;
    return value ? ctx.options.trueStr : ctx.options.falseStr;
}
const trueTag = {
    identify: value => value === true,
    default: true,
    tag: 'tag:yaml.org,2002:bool',
    test: /^(?:Y|y|[Yy]es|YES|[Tt]rue|TRUE|[Oo]n|ON)$/,
    resolve: () => new Scalar.Scalar(true),
    stringify: boolStringify
};
const falseTag = {
    identify: value => value === false,
    default: true,
    tag: 'tag:yaml.org,2002:bool',
    test: /^(?:N|n|[Nn]o|NO|[Ff]alse|FALSE|[Oo]ff|OFF)$/,
    resolve: () => new Scalar.Scalar(false),
    stringify: boolStringify
};

exports.falseTag = falseTag;
exports.trueTag = trueTag;


/***/ }),

/***/ 5782:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Scalar = __nccwpck_require__(3301);
var stringifyNumber = __nccwpck_require__(8689);

const floatNaN = {
    identify: value => typeof value === 'number',
    default: true,
    tag: 'tag:yaml.org,2002:float',
    test: /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/,
    resolve: (str) => str.slice(-3).toLowerCase() === 'nan'
        ? NaN
        : str[0] === '-'
            ? Number.NEGATIVE_INFINITY
            : Number.POSITIVE_INFINITY,
    stringify: stringifyNumber.stringifyNumber
};
const floatExp = {
    identify: value => typeof value === 'number',
    default: true,
    tag: 'tag:yaml.org,2002:float',
    format: 'EXP',
    test: /^[-+]?(?:[0-9][0-9_]*)?(?:\.[0-9_]*)?[eE][-+]?[0-9]+$/,
    resolve: (str) => parseFloat(str.replace(/_/g, '')),
    stringify(node) {
        const num = Number(node.value);
        return isFinite(num) ? num.toExponential() : stringifyNumber.stringifyNumber(node);
    }
};
const float = {
    identify: value => typeof value === 'number',
    default: true,
    tag: 'tag:yaml.org,2002:float',
    test: /^[-+]?(?:[0-9][0-9_]*)?\.[0-9_]*$/,
    resolve(str) {
        const node = new Scalar.Scalar(parseFloat(str.replace(/_/g, '')));
        const dot = str.indexOf('.');
        if (dot !== -1) {
            const f = str.substring(dot + 1).replace(/_/g, '');
            if (f[f.length - 1] === '0')
                node.minFractionDigits = f.length;
        }
        return node;
    },
    stringify: stringifyNumber.stringifyNumber
};

exports.float = float;
exports.floatExp = floatExp;
exports.floatNaN = floatNaN;


/***/ }),

/***/ 873:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var stringifyNumber = __nccwpck_require__(8689);

const intIdentify = (value) => typeof value === 'bigint' || Number.isInteger(value);
function intResolve(str, offset, radix, { intAsBigInt }) {
    const sign = str[0];
    if (sign === '-' || sign === '+')
        offset += 1;
    str = str.substring(offset).replace(/_/g, '');
    if (intAsBigInt) {
        switch (radix) {
            case 2:
                str = `0b${str}`;
                break;
            case 8:
                str = `0o${str}`;
                break;
            case 16:
                str = `0x${str}`;
                break;
        }
        const n = BigInt(str);
        return sign === '-' ? BigInt(-1) * n : n;
    }
    const n = parseInt(str, radix);
    return sign === '-' ? -1 * n : n;
}
function intStringify(node, radix, prefix) {
    const { value } = node;
    if (intIdentify(value)) {
        const str = value.toString(radix);
        return value < 0 ? '-' + prefix + str.substr(1) : prefix + str;
    }
    return stringifyNumber.stringifyNumber(node);
}
const intBin = {
    identify: intIdentify,
    default: true,
    tag: 'tag:yaml.org,2002:int',
    format: 'BIN',
    test: /^[-+]?0b[0-1_]+$/,
    resolve: (str, _onError, opt) => intResolve(str, 2, 2, opt),
    stringify: node => intStringify(node, 2, '0b')
};
const intOct = {
    identify: intIdentify,
    default: true,
    tag: 'tag:yaml.org,2002:int',
    format: 'OCT',
    test: /^[-+]?0[0-7_]+$/,
    resolve: (str, _onError, opt) => intResolve(str, 1, 8, opt),
    stringify: node => intStringify(node, 8, '0')
};
const int = {
    identify: intIdentify,
    default: true,
    tag: 'tag:yaml.org,2002:int',
    test: /^[-+]?[0-9][0-9_]*$/,
    resolve: (str, _onError, opt) => intResolve(str, 0, 10, opt),
    stringify: stringifyNumber.stringifyNumber
};
const intHex = {
    identify: intIdentify,
    default: true,
    tag: 'tag:yaml.org,2002:int',
    format: 'HEX',
    test: /^[-+]?0x[0-9a-fA-F_]+$/,
    resolve: (str, _onError, opt) => intResolve(str, 2, 16, opt),
    stringify: node => intStringify(node, 16, '0x')
};

exports.int = int;
exports.intBin = intBin;
exports.intHex = intHex;
exports.intOct = intOct;


/***/ }),

/***/ 452:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var Scalar = __nccwpck_require__(3301);

// If the value associated with a merge key is a single mapping node, each of
// its key/value pairs is inserted into the current mapping, unless the key
// already exists in it. If the value associated with the merge key is a
// sequence, then this sequence is expected to contain mapping nodes and each
// of these nodes is merged in turn according to its order in the sequence.
// Keys in mapping nodes earlier in the sequence override keys specified in
// later mapping nodes. -- http://yaml.org/type/merge.html
const MERGE_KEY = '<<';
const merge = {
    identify: value => value === MERGE_KEY ||
        (typeof value === 'symbol' && value.description === MERGE_KEY),
    default: 'key',
    tag: 'tag:yaml.org,2002:merge',
    test: /^<<$/,
    resolve: () => Object.assign(new Scalar.Scalar(Symbol(MERGE_KEY)), {
        addToJSMap: addMergeToJSMap
    }),
    stringify: () => MERGE_KEY
};
const isMergeKey = (ctx, key) => (merge.identify(key) ||
    (identity.isScalar(key) &&
        (!key.type || key.type === Scalar.Scalar.PLAIN) &&
        merge.identify(key.value))) &&
    ctx?.doc.schema.tags.some(tag => tag.tag === merge.tag && tag.default);
function addMergeToJSMap(ctx, map, value) {
    const source = resolveAliasValue(ctx, value);
    if (identity.isSeq(source))
        for (const it of source.items)
            mergeValue(ctx, map, it);
    else if (Array.isArray(source))
        for (const it of source)
            mergeValue(ctx, map, it);
    else
        mergeValue(ctx, map, source);
}
function mergeValue(ctx, map, value) {
    const source = resolveAliasValue(ctx, value);
    if (!identity.isMap(source))
        throw new Error('Merge sources must be maps or map aliases');
    const srcMap = source.toJSON(null, ctx, Map);
    for (const [key, value] of srcMap) {
        if (map instanceof Map) {
            if (!map.has(key))
                map.set(key, value);
        }
        else if (map instanceof Set) {
            map.add(key);
        }
        else if (!Object.prototype.hasOwnProperty.call(map, key)) {
            Object.defineProperty(map, key, {
                value,
                writable: true,
                enumerable: true,
                configurable: true
            });
        }
    }
    return map;
}
function resolveAliasValue(ctx, value) {
    return ctx && identity.isAlias(value) ? value.resolve(ctx.doc, ctx) : value;
}

exports.addMergeToJSMap = addMergeToJSMap;
exports.isMergeKey = isMergeKey;
exports.merge = merge;


/***/ }),

/***/ 303:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var toJS = __nccwpck_require__(4043);
var YAMLMap = __nccwpck_require__(4454);
var YAMLSeq = __nccwpck_require__(2223);
var pairs = __nccwpck_require__(8385);

class YAMLOMap extends YAMLSeq.YAMLSeq {
    constructor() {
        super();
        this.add = YAMLMap.YAMLMap.prototype.add.bind(this);
        this.delete = YAMLMap.YAMLMap.prototype.delete.bind(this);
        this.get = YAMLMap.YAMLMap.prototype.get.bind(this);
        this.has = YAMLMap.YAMLMap.prototype.has.bind(this);
        this.set = YAMLMap.YAMLMap.prototype.set.bind(this);
        this.tag = YAMLOMap.tag;
    }
    /**
     * If `ctx` is given, the return type is actually `Map<unknown, unknown>`,
     * but TypeScript won't allow widening the signature of a child method.
     */
    toJSON(_, ctx) {
        if (!ctx)
            return super.toJSON(_);
        const map = new Map();
        if (ctx?.onCreate)
            ctx.onCreate(map);
        for (const pair of this.items) {
            let key, value;
            if (identity.isPair(pair)) {
                key = toJS.toJS(pair.key, '', ctx);
                value = toJS.toJS(pair.value, key, ctx);
            }
            else {
                key = toJS.toJS(pair, '', ctx);
            }
            if (map.has(key))
                throw new Error('Ordered maps must not include duplicate keys');
            map.set(key, value);
        }
        return map;
    }
    static from(schema, iterable, ctx) {
        const pairs$1 = pairs.createPairs(schema, iterable, ctx);
        const omap = new this();
        omap.items = pairs$1.items;
        return omap;
    }
}
YAMLOMap.tag = 'tag:yaml.org,2002:omap';
const omap = {
    collection: 'seq',
    identify: value => value instanceof Map,
    nodeClass: YAMLOMap,
    default: false,
    tag: 'tag:yaml.org,2002:omap',
    resolve(seq, onError) {
        const pairs$1 = pairs.resolvePairs(seq, onError);
        const seenKeys = [];
        for (const { key } of pairs$1.items) {
            if (identity.isScalar(key)) {
                if (seenKeys.includes(key.value)) {
                    onError(`Ordered maps must not include duplicate keys: ${key.value}`);
                }
                else {
                    seenKeys.push(key.value);
                }
            }
        }
        return Object.assign(new YAMLOMap(), pairs$1);
    },
    createNode: (schema, iterable, ctx) => YAMLOMap.from(schema, iterable, ctx)
};

exports.YAMLOMap = YAMLOMap;
exports.omap = omap;


/***/ }),

/***/ 8385:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var Pair = __nccwpck_require__(7165);
var Scalar = __nccwpck_require__(3301);
var YAMLSeq = __nccwpck_require__(2223);

function resolvePairs(seq, onError) {
    if (identity.isSeq(seq)) {
        for (let i = 0; i < seq.items.length; ++i) {
            let item = seq.items[i];
            if (identity.isPair(item))
                continue;
            else if (identity.isMap(item)) {
                if (item.items.length > 1)
                    onError('Each pair must have its own sequence indicator');
                const pair = item.items[0] || new Pair.Pair(new Scalar.Scalar(null));
                if (item.commentBefore)
                    pair.key.commentBefore = pair.key.commentBefore
                        ? `${item.commentBefore}\n${pair.key.commentBefore}`
                        : item.commentBefore;
                if (item.comment) {
                    const cn = pair.value ?? pair.key;
                    cn.comment = cn.comment
                        ? `${item.comment}\n${cn.comment}`
                        : item.comment;
                }
                item = pair;
            }
            seq.items[i] = identity.isPair(item) ? item : new Pair.Pair(item);
        }
    }
    else
        onError('Expected a sequence for this tag');
    return seq;
}
function createPairs(schema, iterable, ctx) {
    const { replacer } = ctx;
    const pairs = new YAMLSeq.YAMLSeq(schema);
    pairs.tag = 'tag:yaml.org,2002:pairs';
    let i = 0;
    if (iterable && Symbol.iterator in Object(iterable))
        for (let it of iterable) {
            if (typeof replacer === 'function')
                it = replacer.call(iterable, String(i++), it);
            let key, value;
            if (Array.isArray(it)) {
                if (it.length === 2) {
                    key = it[0];
                    value = it[1];
                }
                else
                    throw new TypeError(`Expected [key, value] tuple: ${it}`);
            }
            else if (it && it instanceof Object) {
                const keys = Object.keys(it);
                if (keys.length === 1) {
                    key = keys[0];
                    value = it[key];
                }
                else {
                    throw new TypeError(`Expected tuple with one key, not ${keys.length} keys`);
                }
            }
            else {
                key = it;
            }
            pairs.items.push(Pair.createPair(key, value, ctx));
        }
    return pairs;
}
const pairs = {
    collection: 'seq',
    default: false,
    tag: 'tag:yaml.org,2002:pairs',
    resolve: resolvePairs,
    createNode: createPairs
};

exports.createPairs = createPairs;
exports.pairs = pairs;
exports.resolvePairs = resolvePairs;


/***/ }),

/***/ 5913:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var map = __nccwpck_require__(7451);
var _null = __nccwpck_require__(3632);
var seq = __nccwpck_require__(1706);
var string = __nccwpck_require__(6464);
var binary = __nccwpck_require__(6083);
var bool = __nccwpck_require__(8398);
var float = __nccwpck_require__(5782);
var int = __nccwpck_require__(873);
var merge = __nccwpck_require__(452);
var omap = __nccwpck_require__(303);
var pairs = __nccwpck_require__(8385);
var set = __nccwpck_require__(1528);
var timestamp = __nccwpck_require__(6752);

const schema = [
    map.map,
    seq.seq,
    string.string,
    _null.nullTag,
    bool.trueTag,
    bool.falseTag,
    int.intBin,
    int.intOct,
    int.int,
    int.intHex,
    float.floatNaN,
    float.floatExp,
    float.float,
    binary.binary,
    merge.merge,
    omap.omap,
    pairs.pairs,
    set.set,
    timestamp.intTime,
    timestamp.floatTime,
    timestamp.timestamp
];

exports.schema = schema;


/***/ }),

/***/ 1528:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var Pair = __nccwpck_require__(7165);
var YAMLMap = __nccwpck_require__(4454);

class YAMLSet extends YAMLMap.YAMLMap {
    constructor(schema) {
        super(schema);
        this.tag = YAMLSet.tag;
    }
    add(key) {
        let pair;
        if (identity.isPair(key))
            pair = key;
        else if (key &&
            typeof key === 'object' &&
            'key' in key &&
            'value' in key &&
            key.value === null)
            pair = new Pair.Pair(key.key, null);
        else
            pair = new Pair.Pair(key, null);
        const prev = YAMLMap.findPair(this.items, pair.key);
        if (!prev)
            this.items.push(pair);
    }
    /**
     * If `keepPair` is `true`, returns the Pair matching `key`.
     * Otherwise, returns the value of that Pair's key.
     */
    get(key, keepPair) {
        const pair = YAMLMap.findPair(this.items, key);
        return !keepPair && identity.isPair(pair)
            ? identity.isScalar(pair.key)
                ? pair.key.value
                : pair.key
            : pair;
    }
    set(key, value) {
        if (typeof value !== 'boolean')
            throw new Error(`Expected boolean value for set(key, value) in a YAML set, not ${typeof value}`);
        const prev = YAMLMap.findPair(this.items, key);
        if (prev && !value) {
            this.items.splice(this.items.indexOf(prev), 1);
        }
        else if (!prev && value) {
            this.items.push(new Pair.Pair(key));
        }
    }
    toJSON(_, ctx) {
        return super.toJSON(_, ctx, Set);
    }
    toString(ctx, onComment, onChompKeep) {
        if (!ctx)
            return JSON.stringify(this);
        if (this.hasAllNullValues(true))
            return super.toString(Object.assign({}, ctx, { allNullValues: true }), onComment, onChompKeep);
        else
            throw new Error('Set items must all have null values');
    }
    static from(schema, iterable, ctx) {
        const { replacer } = ctx;
        const set = new this(schema);
        if (iterable && Symbol.iterator in Object(iterable))
            for (let value of iterable) {
                if (typeof replacer === 'function')
                    value = replacer.call(iterable, value, value);
                set.items.push(Pair.createPair(value, null, ctx));
            }
        return set;
    }
}
YAMLSet.tag = 'tag:yaml.org,2002:set';
const set = {
    collection: 'map',
    identify: value => value instanceof Set,
    nodeClass: YAMLSet,
    default: false,
    tag: 'tag:yaml.org,2002:set',
    createNode: (schema, iterable, ctx) => YAMLSet.from(schema, iterable, ctx),
    resolve(map, onError) {
        if (identity.isMap(map)) {
            if (map.hasAllNullValues(true))
                return Object.assign(new YAMLSet(), map);
            else
                onError('Set items must all have null values');
        }
        else
            onError('Expected a mapping for this tag');
        return map;
    }
};

exports.YAMLSet = YAMLSet;
exports.set = set;


/***/ }),

/***/ 6752:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var stringifyNumber = __nccwpck_require__(8689);

/** Internal types handle bigint as number, because TS can't figure it out. */
function parseSexagesimal(str, asBigInt) {
    const sign = str[0];
    const parts = sign === '-' || sign === '+' ? str.substring(1) : str;
    const num = (n) => asBigInt ? BigInt(n) : Number(n);
    const res = parts
        .replace(/_/g, '')
        .split(':')
        .reduce((res, p) => res * num(60) + num(p), num(0));
    return (sign === '-' ? num(-1) * res : res);
}
/**
 * hhhh:mm:ss.sss
 *
 * Internal types handle bigint as number, because TS can't figure it out.
 */
function stringifySexagesimal(node) {
    let { value } = node;
    let num = (n) => n;
    if (typeof value === 'bigint')
        num = n => BigInt(n);
    else if (isNaN(value) || !isFinite(value))
        return stringifyNumber.stringifyNumber(node);
    let sign = '';
    if (value < 0) {
        sign = '-';
        value *= num(-1);
    }
    const _60 = num(60);
    const parts = [value % _60]; // seconds, including ms
    if (value < 60) {
        parts.unshift(0); // at least one : is required
    }
    else {
        value = (value - parts[0]) / _60;
        parts.unshift(value % _60); // minutes
        if (value >= 60) {
            value = (value - parts[0]) / _60;
            parts.unshift(value); // hours
        }
    }
    return (sign +
        parts
            .map(n => String(n).padStart(2, '0'))
            .join(':')
            .replace(/000000\d*$/, '') // % 60 may introduce error
    );
}
const intTime = {
    identify: value => typeof value === 'bigint' || Number.isInteger(value),
    default: true,
    tag: 'tag:yaml.org,2002:int',
    format: 'TIME',
    test: /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+$/,
    resolve: (str, _onError, { intAsBigInt }) => parseSexagesimal(str, intAsBigInt),
    stringify: stringifySexagesimal
};
const floatTime = {
    identify: value => typeof value === 'number',
    default: true,
    tag: 'tag:yaml.org,2002:float',
    format: 'TIME',
    test: /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\.[0-9_]*$/,
    resolve: str => parseSexagesimal(str, false),
    stringify: stringifySexagesimal
};
const timestamp = {
    identify: value => value instanceof Date,
    default: true,
    tag: 'tag:yaml.org,2002:timestamp',
    // If the time zone is omitted, the timestamp is assumed to be specified in UTC. The time part
    // may be omitted altogether, resulting in a date format. In such a case, the time part is
    // assumed to be 00:00:00Z (start of day, UTC).
    test: RegExp('^([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})' + // YYYY-Mm-Dd
        '(?:' + // time is optional
        '(?:t|T|[ \\t]+)' + // t | T | whitespace
        '([0-9]{1,2}):([0-9]{1,2}):([0-9]{1,2}(\\.[0-9]+)?)' + // Hh:Mm:Ss(.ss)?
        '(?:[ \\t]*(Z|[-+][012]?[0-9](?::[0-9]{2})?))?' + // Z | +5 | -03:30
        ')?$'),
    resolve(str) {
        const match = str.match(timestamp.test);
        if (!match)
            throw new Error('!!timestamp expects a date, starting with yyyy-mm-dd');
        const [, year, month, day, hour, minute, second] = match.map(Number);
        const millisec = match[7] ? Number((match[7] + '00').substr(1, 3)) : 0;
        let date = Date.UTC(year, month - 1, day, hour || 0, minute || 0, second || 0, millisec);
        const tz = match[8];
        if (tz && tz !== 'Z') {
            let d = parseSexagesimal(tz, false);
            if (Math.abs(d) < 30)
                d *= 60;
            date -= 60000 * d;
        }
        return new Date(date);
    },
    stringify: ({ value }) => value?.toISOString().replace(/(T00:00:00)?\.000Z$/, '') ?? ''
};

exports.floatTime = floatTime;
exports.intTime = intTime;
exports.timestamp = timestamp;


/***/ }),

/***/ 4475:
/***/ ((__unused_webpack_module, exports) => {



const FOLD_FLOW = 'flow';
const FOLD_BLOCK = 'block';
const FOLD_QUOTED = 'quoted';
/**
 * Tries to keep input at up to `lineWidth` characters, splitting only on spaces
 * not followed by newlines or spaces unless `mode` is `'quoted'`. Lines are
 * terminated with `\n` and started with `indent`.
 */
function foldFlowLines(text, indent, mode = 'flow', { indentAtStart, lineWidth = 80, minContentWidth = 20, onFold, onOverflow } = {}) {
    if (!lineWidth || lineWidth < 0)
        return text;
    if (lineWidth < minContentWidth)
        minContentWidth = 0;
    const endStep = Math.max(1 + minContentWidth, 1 + lineWidth - indent.length);
    if (text.length <= endStep)
        return text;
    const folds = [];
    const escapedFolds = {};
    let end = lineWidth - indent.length;
    if (typeof indentAtStart === 'number') {
        if (indentAtStart > lineWidth - Math.max(2, minContentWidth))
            folds.push(0);
        else
            end = lineWidth - indentAtStart;
    }
    let split = undefined;
    let prev = undefined;
    let overflow = false;
    let i = -1;
    let escStart = -1;
    let escEnd = -1;
    if (mode === FOLD_BLOCK) {
        i = consumeMoreIndentedLines(text, i, indent.length);
        if (i !== -1)
            end = i + endStep;
    }
    for (let ch; (ch = text[(i += 1)]);) {
        if (mode === FOLD_QUOTED && ch === '\\') {
            escStart = i;
            switch (text[i + 1]) {
                case 'x':
                    i += 3;
                    break;
                case 'u':
                    i += 5;
                    break;
                case 'U':
                    i += 9;
                    break;
                default:
                    i += 1;
            }
            escEnd = i;
        }
        if (ch === '\n') {
            if (mode === FOLD_BLOCK)
                i = consumeMoreIndentedLines(text, i, indent.length);
            end = i + indent.length + endStep;
            split = undefined;
        }
        else {
            if (ch === ' ' &&
                prev &&
                prev !== ' ' &&
                prev !== '\n' &&
                prev !== '\t') {
                // space surrounded by non-space can be replaced with newline + indent
                const next = text[i + 1];
                if (next && next !== ' ' && next !== '\n' && next !== '\t')
                    split = i;
            }
            if (i >= end) {
                if (split) {
                    folds.push(split);
                    end = split + endStep;
                    split = undefined;
                }
                else if (mode === FOLD_QUOTED) {
                    // white-space collected at end may stretch past lineWidth
                    while (prev === ' ' || prev === '\t') {
                        prev = ch;
                        ch = text[(i += 1)];
                        overflow = true;
                    }
                    // Account for newline escape, but don't break preceding escape
                    const j = i > escEnd + 1 ? i - 2 : escStart - 1;
                    // Bail out if lineWidth & minContentWidth are shorter than an escape string
                    if (escapedFolds[j])
                        return text;
                    folds.push(j);
                    escapedFolds[j] = true;
                    end = j + endStep;
                    split = undefined;
                }
                else {
                    overflow = true;
                }
            }
        }
        prev = ch;
    }
    if (overflow && onOverflow)
        onOverflow();
    if (folds.length === 0)
        return text;
    if (onFold)
        onFold();
    let res = text.slice(0, folds[0]);
    for (let i = 0; i < folds.length; ++i) {
        const fold = folds[i];
        const end = folds[i + 1] || text.length;
        if (fold === 0)
            res = `\n${indent}${text.slice(0, end)}`;
        else {
            if (mode === FOLD_QUOTED && escapedFolds[fold])
                res += `${text[fold]}\\`;
            res += `\n${indent}${text.slice(fold + 1, end)}`;
        }
    }
    return res;
}
/**
 * Presumes `i + 1` is at the start of a line
 * @returns index of last newline in more-indented block
 */
function consumeMoreIndentedLines(text, i, indent) {
    let end = i;
    let start = i + 1;
    let ch = text[start];
    while (ch === ' ' || ch === '\t') {
        if (i < start + indent) {
            ch = text[++i];
        }
        else {
            do {
                ch = text[++i];
            } while (ch && ch !== '\n');
            end = i;
            start = i + 1;
            ch = text[start];
        }
    }
    return end;
}

exports.FOLD_BLOCK = FOLD_BLOCK;
exports.FOLD_FLOW = FOLD_FLOW;
exports.FOLD_QUOTED = FOLD_QUOTED;
exports.foldFlowLines = foldFlowLines;


/***/ }),

/***/ 2148:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var anchors = __nccwpck_require__(1596);
var identity = __nccwpck_require__(1127);
var stringifyComment = __nccwpck_require__(9799);
var stringifyString = __nccwpck_require__(3069);

function createStringifyContext(doc, options) {
    const opt = Object.assign({
        blockQuote: true,
        commentString: stringifyComment.stringifyComment,
        defaultKeyType: null,
        defaultStringType: 'PLAIN',
        directives: null,
        doubleQuotedAsJSON: false,
        doubleQuotedMinMultiLineLength: 40,
        falseStr: 'false',
        flowCollectionPadding: true,
        indentSeq: true,
        lineWidth: 80,
        minContentWidth: 20,
        nullStr: 'null',
        simpleKeys: false,
        singleQuote: null,
        trailingComma: false,
        trueStr: 'true',
        verifyAliasOrder: true
    }, doc.schema.toStringOptions, options);
    let inFlow;
    switch (opt.collectionStyle) {
        case 'block':
            inFlow = false;
            break;
        case 'flow':
            inFlow = true;
            break;
        default:
            inFlow = null;
    }
    return {
        anchors: new Set(),
        doc,
        flowCollectionPadding: opt.flowCollectionPadding ? ' ' : '',
        indent: '',
        indentStep: typeof opt.indent === 'number' ? ' '.repeat(opt.indent) : '  ',
        inFlow,
        options: opt
    };
}
function getTagObject(tags, item) {
    if (item.tag) {
        const match = tags.filter(t => t.tag === item.tag);
        if (match.length > 0)
            return match.find(t => t.format === item.format) ?? match[0];
    }
    let tagObj = undefined;
    let obj;
    if (identity.isScalar(item)) {
        obj = item.value;
        let match = tags.filter(t => t.identify?.(obj));
        if (match.length > 1) {
            const testMatch = match.filter(t => t.test);
            if (testMatch.length > 0)
                match = testMatch;
        }
        tagObj =
            match.find(t => t.format === item.format) ?? match.find(t => !t.format);
    }
    else {
        obj = item;
        tagObj = tags.find(t => t.nodeClass && obj instanceof t.nodeClass);
    }
    if (!tagObj) {
        const name = obj?.constructor?.name ?? (obj === null ? 'null' : typeof obj);
        throw new Error(`Tag not resolved for ${name} value`);
    }
    return tagObj;
}
// needs to be called before value stringifier to allow for circular anchor refs
function stringifyProps(node, tagObj, { anchors: anchors$1, doc }) {
    if (!doc.directives)
        return '';
    const props = [];
    const anchor = (identity.isScalar(node) || identity.isCollection(node)) && node.anchor;
    if (anchor && anchors.anchorIsValid(anchor)) {
        anchors$1.add(anchor);
        props.push(`&${anchor}`);
    }
    const tag = node.tag ?? (tagObj.default ? null : tagObj.tag);
    if (tag)
        props.push(doc.directives.tagString(tag));
    return props.join(' ');
}
function stringify(item, ctx, onComment, onChompKeep) {
    if (identity.isPair(item))
        return item.toString(ctx, onComment, onChompKeep);
    if (identity.isAlias(item)) {
        if (ctx.doc.directives)
            return item.toString(ctx);
        if (ctx.resolvedAliases?.has(item)) {
            throw new TypeError(`Cannot stringify circular structure without alias nodes`);
        }
        else {
            if (ctx.resolvedAliases)
                ctx.resolvedAliases.add(item);
            else
                ctx.resolvedAliases = new Set([item]);
            item = item.resolve(ctx.doc);
        }
    }
    let tagObj = undefined;
    const node = identity.isNode(item)
        ? item
        : ctx.doc.createNode(item, { onTagObj: o => (tagObj = o) });
    tagObj ?? (tagObj = getTagObject(ctx.doc.schema.tags, node));
    const props = stringifyProps(node, tagObj, ctx);
    if (props.length > 0)
        ctx.indentAtStart = (ctx.indentAtStart ?? 0) + props.length + 1;
    const str = typeof tagObj.stringify === 'function'
        ? tagObj.stringify(node, ctx, onComment, onChompKeep)
        : identity.isScalar(node)
            ? stringifyString.stringifyString(node, ctx, onComment, onChompKeep)
            : node.toString(ctx, onComment, onChompKeep);
    if (!props)
        return str;
    return identity.isScalar(node) || str[0] === '{' || str[0] === '['
        ? `${props} ${str}`
        : `${props}\n${ctx.indent}${str}`;
}

exports.createStringifyContext = createStringifyContext;
exports.stringify = stringify;


/***/ }),

/***/ 1212:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var stringify = __nccwpck_require__(2148);
var stringifyComment = __nccwpck_require__(9799);

function stringifyCollection(collection, ctx, options) {
    const flow = ctx.inFlow ?? collection.flow;
    const stringify = flow ? stringifyFlowCollection : stringifyBlockCollection;
    return stringify(collection, ctx, options);
}
function stringifyBlockCollection({ comment, items }, ctx, { blockItemPrefix, flowChars, itemIndent, onChompKeep, onComment }) {
    const { indent, options: { commentString } } = ctx;
    const itemCtx = Object.assign({}, ctx, { indent: itemIndent, type: null });
    let chompKeep = false; // flag for the preceding node's status
    const lines = [];
    for (let i = 0; i < items.length; ++i) {
        const item = items[i];
        let comment = null;
        if (identity.isNode(item)) {
            if (!chompKeep && item.spaceBefore)
                lines.push('');
            addCommentBefore(ctx, lines, item.commentBefore, chompKeep);
            if (item.comment)
                comment = item.comment;
        }
        else if (identity.isPair(item)) {
            const ik = identity.isNode(item.key) ? item.key : null;
            if (ik) {
                if (!chompKeep && ik.spaceBefore)
                    lines.push('');
                addCommentBefore(ctx, lines, ik.commentBefore, chompKeep);
            }
        }
        chompKeep = false;
        let str = stringify.stringify(item, itemCtx, () => (comment = null), () => (chompKeep = true));
        if (comment)
            str += stringifyComment.lineComment(str, itemIndent, commentString(comment));
        if (chompKeep && comment)
            chompKeep = false;
        lines.push(blockItemPrefix + str);
    }
    let str;
    if (lines.length === 0) {
        str = flowChars.start + flowChars.end;
    }
    else {
        str = lines[0];
        for (let i = 1; i < lines.length; ++i) {
            const line = lines[i];
            str += line ? `\n${indent}${line}` : '\n';
        }
    }
    if (comment) {
        str += '\n' + stringifyComment.indentComment(commentString(comment), indent);
        if (onComment)
            onComment();
    }
    else if (chompKeep && onChompKeep)
        onChompKeep();
    return str;
}
function stringifyFlowCollection({ items }, ctx, { flowChars, itemIndent }) {
    const { indent, indentStep, flowCollectionPadding: fcPadding, options: { commentString } } = ctx;
    itemIndent += indentStep;
    const itemCtx = Object.assign({}, ctx, {
        indent: itemIndent,
        inFlow: true,
        type: null
    });
    let reqNewline = false;
    let linesAtValue = 0;
    const lines = [];
    for (let i = 0; i < items.length; ++i) {
        const item = items[i];
        let comment = null;
        if (identity.isNode(item)) {
            if (item.spaceBefore)
                lines.push('');
            addCommentBefore(ctx, lines, item.commentBefore, false);
            if (item.comment)
                comment = item.comment;
        }
        else if (identity.isPair(item)) {
            const ik = identity.isNode(item.key) ? item.key : null;
            if (ik) {
                if (ik.spaceBefore)
                    lines.push('');
                addCommentBefore(ctx, lines, ik.commentBefore, false);
                if (ik.comment)
                    reqNewline = true;
            }
            const iv = identity.isNode(item.value) ? item.value : null;
            if (iv) {
                if (iv.comment)
                    comment = iv.comment;
                if (iv.commentBefore)
                    reqNewline = true;
            }
            else if (item.value == null && ik?.comment) {
                comment = ik.comment;
            }
        }
        if (comment)
            reqNewline = true;
        let str = stringify.stringify(item, itemCtx, () => (comment = null));
        reqNewline || (reqNewline = lines.length > linesAtValue || str.includes('\n'));
        if (i < items.length - 1) {
            str += ',';
        }
        else if (ctx.options.trailingComma) {
            if (ctx.options.lineWidth > 0) {
                reqNewline || (reqNewline = lines.reduce((sum, line) => sum + line.length + 2, 2) +
                    (str.length + 2) >
                    ctx.options.lineWidth);
            }
            if (reqNewline) {
                str += ',';
            }
        }
        if (comment)
            str += stringifyComment.lineComment(str, itemIndent, commentString(comment));
        lines.push(str);
        linesAtValue = lines.length;
    }
    const { start, end } = flowChars;
    if (lines.length === 0) {
        return start + end;
    }
    else {
        if (!reqNewline) {
            const len = lines.reduce((sum, line) => sum + line.length + 2, 2);
            reqNewline = ctx.options.lineWidth > 0 && len > ctx.options.lineWidth;
        }
        if (reqNewline) {
            let str = start;
            for (const line of lines)
                str += line ? `\n${indentStep}${indent}${line}` : '\n';
            return `${str}\n${indent}${end}`;
        }
        else {
            return `${start}${fcPadding}${lines.join(' ')}${fcPadding}${end}`;
        }
    }
}
function addCommentBefore({ indent, options: { commentString } }, lines, comment, chompKeep) {
    if (comment && chompKeep)
        comment = comment.replace(/^\n+/, '');
    if (comment) {
        const ic = stringifyComment.indentComment(commentString(comment), indent);
        lines.push(ic.trimStart()); // Avoid double indent on first line
    }
}

exports.stringifyCollection = stringifyCollection;


/***/ }),

/***/ 9799:
/***/ ((__unused_webpack_module, exports) => {



/**
 * Stringifies a comment.
 *
 * Empty comment lines are left empty,
 * lines consisting of a single space are replaced by `#`,
 * and all other lines are prefixed with a `#`.
 */
const stringifyComment = (str) => str.replace(/^(?!$)(?: $)?/gm, '#');
function indentComment(comment, indent) {
    if (/^\n+$/.test(comment))
        return comment.substring(1);
    return indent ? comment.replace(/^(?! *$)/gm, indent) : comment;
}
const lineComment = (str, indent, comment) => str.endsWith('\n')
    ? indentComment(comment, indent)
    : comment.includes('\n')
        ? '\n' + indentComment(comment, indent)
        : (str.endsWith(' ') ? '' : ' ') + comment;

exports.indentComment = indentComment;
exports.lineComment = lineComment;
exports.stringifyComment = stringifyComment;


/***/ }),

/***/ 6829:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var stringify = __nccwpck_require__(2148);
var stringifyComment = __nccwpck_require__(9799);

function stringifyDocument(doc, options) {
    const lines = [];
    let hasDirectives = options.directives === true;
    if (options.directives !== false && doc.directives) {
        const dir = doc.directives.toString(doc);
        if (dir) {
            lines.push(dir);
            hasDirectives = true;
        }
        else if (doc.directives.docStart)
            hasDirectives = true;
    }
    if (hasDirectives)
        lines.push('---');
    const ctx = stringify.createStringifyContext(doc, options);
    const { commentString } = ctx.options;
    if (doc.commentBefore) {
        if (lines.length !== 1)
            lines.unshift('');
        const cs = commentString(doc.commentBefore);
        lines.unshift(stringifyComment.indentComment(cs, ''));
    }
    let chompKeep = false;
    let contentComment = null;
    if (doc.contents) {
        if (identity.isNode(doc.contents)) {
            if (doc.contents.spaceBefore && hasDirectives)
                lines.push('');
            if (doc.contents.commentBefore) {
                const cs = commentString(doc.contents.commentBefore);
                lines.push(stringifyComment.indentComment(cs, ''));
            }
            // top-level block scalars need to be indented if followed by a comment
            ctx.forceBlockIndent = !!doc.comment;
            contentComment = doc.contents.comment;
        }
        const onChompKeep = contentComment ? undefined : () => (chompKeep = true);
        let body = stringify.stringify(doc.contents, ctx, () => (contentComment = null), onChompKeep);
        if (contentComment)
            body += stringifyComment.lineComment(body, '', commentString(contentComment));
        if ((body[0] === '|' || body[0] === '>') &&
            lines[lines.length - 1] === '---') {
            // Top-level block scalars with a preceding doc marker ought to use the
            // same line for their header.
            lines[lines.length - 1] = `--- ${body}`;
        }
        else
            lines.push(body);
    }
    else {
        lines.push(stringify.stringify(doc.contents, ctx));
    }
    if (doc.directives?.docEnd) {
        if (doc.comment) {
            const cs = commentString(doc.comment);
            if (cs.includes('\n')) {
                lines.push('...');
                lines.push(stringifyComment.indentComment(cs, ''));
            }
            else {
                lines.push(`... ${cs}`);
            }
        }
        else {
            lines.push('...');
        }
    }
    else {
        let dc = doc.comment;
        if (dc && chompKeep)
            dc = dc.replace(/^\n+/, '');
        if (dc) {
            if ((!chompKeep || contentComment) && lines[lines.length - 1] !== '')
                lines.push('');
            lines.push(stringifyComment.indentComment(commentString(dc), ''));
        }
    }
    return lines.join('\n') + '\n';
}

exports.stringifyDocument = stringifyDocument;


/***/ }),

/***/ 8689:
/***/ ((__unused_webpack_module, exports) => {



function stringifyNumber({ format, minFractionDigits, tag, value }) {
    if (typeof value === 'bigint')
        return String(value);
    const num = typeof value === 'number' ? value : Number(value);
    if (!isFinite(num))
        return isNaN(num) ? '.nan' : num < 0 ? '-.inf' : '.inf';
    let n = Object.is(value, -0) ? '-0' : JSON.stringify(value);
    if (!format &&
        minFractionDigits &&
        (!tag || tag === 'tag:yaml.org,2002:float') &&
        /^-?\d/.test(n) &&
        !n.includes('e')) {
        let i = n.indexOf('.');
        if (i < 0) {
            i = n.length;
            n += '.';
        }
        let d = minFractionDigits - (n.length - i - 1);
        while (d-- > 0)
            n += '0';
    }
    return n;
}

exports.stringifyNumber = stringifyNumber;


/***/ }),

/***/ 9748:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var Scalar = __nccwpck_require__(3301);
var stringify = __nccwpck_require__(2148);
var stringifyComment = __nccwpck_require__(9799);

function stringifyPair({ key, value }, ctx, onComment, onChompKeep) {
    const { allNullValues, doc, indent, indentStep, options: { commentString, indentSeq, simpleKeys } } = ctx;
    let keyComment = (identity.isNode(key) && key.comment) || null;
    if (simpleKeys) {
        if (keyComment) {
            throw new Error('With simple keys, key nodes cannot have comments');
        }
        if (identity.isCollection(key) || (!identity.isNode(key) && typeof key === 'object')) {
            const msg = 'With simple keys, collection cannot be used as a key value';
            throw new Error(msg);
        }
    }
    let explicitKey = !simpleKeys &&
        (!key ||
            (keyComment && value == null && !ctx.inFlow) ||
            identity.isCollection(key) ||
            (identity.isScalar(key)
                ? key.type === Scalar.Scalar.BLOCK_FOLDED || key.type === Scalar.Scalar.BLOCK_LITERAL
                : typeof key === 'object'));
    ctx = Object.assign({}, ctx, {
        allNullValues: false,
        implicitKey: !explicitKey && (simpleKeys || !allNullValues),
        indent: indent + indentStep
    });
    let keyCommentDone = false;
    let chompKeep = false;
    let str = stringify.stringify(key, ctx, () => (keyCommentDone = true), () => (chompKeep = true));
    if (!explicitKey && !ctx.inFlow && str.length > 1024) {
        if (simpleKeys)
            throw new Error('With simple keys, single line scalar must not span more than 1024 characters');
        explicitKey = true;
    }
    if (ctx.inFlow) {
        if (allNullValues || value == null) {
            if (keyCommentDone && onComment)
                onComment();
            return str === '' ? '?' : explicitKey ? `? ${str}` : str;
        }
    }
    else if ((allNullValues && !simpleKeys) || (value == null && explicitKey)) {
        str = `? ${str}`;
        if (keyComment && !keyCommentDone) {
            str += stringifyComment.lineComment(str, ctx.indent, commentString(keyComment));
        }
        else if (chompKeep && onChompKeep)
            onChompKeep();
        return str;
    }
    if (keyCommentDone)
        keyComment = null;
    if (explicitKey) {
        if (keyComment)
            str += stringifyComment.lineComment(str, ctx.indent, commentString(keyComment));
        str = `? ${str}\n${indent}:`;
    }
    else {
        str = `${str}:`;
        if (keyComment)
            str += stringifyComment.lineComment(str, ctx.indent, commentString(keyComment));
    }
    let vsb, vcb, valueComment;
    if (identity.isNode(value)) {
        vsb = !!value.spaceBefore;
        vcb = value.commentBefore;
        valueComment = value.comment;
    }
    else {
        vsb = false;
        vcb = null;
        valueComment = null;
        if (value && typeof value === 'object')
            value = doc.createNode(value);
    }
    ctx.implicitKey = false;
    if (!explicitKey && !keyComment && identity.isScalar(value))
        ctx.indentAtStart = str.length + 1;
    chompKeep = false;
    if (!indentSeq &&
        indentStep.length >= 2 &&
        !ctx.inFlow &&
        !explicitKey &&
        identity.isSeq(value) &&
        !value.flow &&
        !value.tag &&
        !value.anchor) {
        // If indentSeq === false, consider '- ' as part of indentation where possible
        ctx.indent = ctx.indent.substring(2);
    }
    let valueCommentDone = false;
    const valueStr = stringify.stringify(value, ctx, () => (valueCommentDone = true), () => (chompKeep = true));
    let ws = ' ';
    if (keyComment || vsb || vcb) {
        ws = vsb ? '\n' : '';
        if (vcb) {
            const cs = commentString(vcb);
            ws += `\n${stringifyComment.indentComment(cs, ctx.indent)}`;
        }
        if (valueStr === '' && !ctx.inFlow) {
            if (ws === '\n' && valueComment)
                ws = '\n\n';
        }
        else {
            ws += `\n${ctx.indent}`;
        }
    }
    else if (!explicitKey && identity.isCollection(value)) {
        const vs0 = valueStr[0];
        const nl0 = valueStr.indexOf('\n');
        const hasNewline = nl0 !== -1;
        const flow = ctx.inFlow ?? value.flow ?? value.items.length === 0;
        if (hasNewline || !flow) {
            let hasPropsLine = false;
            if (hasNewline && (vs0 === '&' || vs0 === '!')) {
                let sp0 = valueStr.indexOf(' ');
                if (vs0 === '&' &&
                    sp0 !== -1 &&
                    sp0 < nl0 &&
                    valueStr[sp0 + 1] === '!') {
                    sp0 = valueStr.indexOf(' ', sp0 + 1);
                }
                if (sp0 === -1 || nl0 < sp0)
                    hasPropsLine = true;
            }
            if (!hasPropsLine)
                ws = `\n${ctx.indent}`;
        }
    }
    else if (valueStr === '' || valueStr[0] === '\n') {
        ws = '';
    }
    str += ws + valueStr;
    if (ctx.inFlow) {
        if (valueCommentDone && onComment)
            onComment();
    }
    else if (valueComment && !valueCommentDone) {
        str += stringifyComment.lineComment(str, ctx.indent, commentString(valueComment));
    }
    else if (chompKeep && onChompKeep) {
        onChompKeep();
    }
    return str;
}

exports.stringifyPair = stringifyPair;


/***/ }),

/***/ 3069:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Scalar = __nccwpck_require__(3301);
var foldFlowLines = __nccwpck_require__(4475);

const getFoldOptions = (ctx, isBlock) => ({
    indentAtStart: isBlock ? ctx.indent.length : ctx.indentAtStart,
    lineWidth: ctx.options.lineWidth,
    minContentWidth: ctx.options.minContentWidth
});
// Also checks for lines starting with %, as parsing the output as YAML 1.1 will
// presume that's starting a new document.
const containsDocumentMarker = (str) => /^(%|---|\.\.\.)/m.test(str);
function lineLengthOverLimit(str, lineWidth, indentLength) {
    if (!lineWidth || lineWidth < 0)
        return false;
    const limit = lineWidth - indentLength;
    const strLen = str.length;
    if (strLen <= limit)
        return false;
    for (let i = 0, start = 0; i < strLen; ++i) {
        if (str[i] === '\n') {
            if (i - start > limit)
                return true;
            start = i + 1;
            if (strLen - start <= limit)
                return false;
        }
    }
    return true;
}
function doubleQuotedString(value, ctx) {
    const json = JSON.stringify(value);
    if (ctx.options.doubleQuotedAsJSON)
        return json;
    const { implicitKey } = ctx;
    const minMultiLineLength = ctx.options.doubleQuotedMinMultiLineLength;
    const indent = ctx.indent || (containsDocumentMarker(value) ? '  ' : '');
    let str = '';
    let start = 0;
    for (let i = 0, ch = json[i]; ch; ch = json[++i]) {
        if (ch === ' ' && json[i + 1] === '\\' && json[i + 2] === 'n') {
            // space before newline needs to be escaped to not be folded
            str += json.slice(start, i) + '\\ ';
            i += 1;
            start = i;
            ch = '\\';
        }
        if (ch === '\\')
            switch (json[i + 1]) {
                case 'u':
                    {
                        str += json.slice(start, i);
                        const code = json.substr(i + 2, 4);
                        switch (code) {
                            case '0000':
                                str += '\\0';
                                break;
                            case '0007':
                                str += '\\a';
                                break;
                            case '000b':
                                str += '\\v';
                                break;
                            case '001b':
                                str += '\\e';
                                break;
                            case '0085':
                                str += '\\N';
                                break;
                            case '00a0':
                                str += '\\_';
                                break;
                            case '2028':
                                str += '\\L';
                                break;
                            case '2029':
                                str += '\\P';
                                break;
                            default:
                                if (code.substr(0, 2) === '00')
                                    str += '\\x' + code.substr(2);
                                else
                                    str += json.substr(i, 6);
                        }
                        i += 5;
                        start = i + 1;
                    }
                    break;
                case 'n':
                    if (implicitKey ||
                        json[i + 2] === '"' ||
                        json.length < minMultiLineLength) {
                        i += 1;
                    }
                    else {
                        // folding will eat first newline
                        str += json.slice(start, i) + '\n\n';
                        while (json[i + 2] === '\\' &&
                            json[i + 3] === 'n' &&
                            json[i + 4] !== '"') {
                            str += '\n';
                            i += 2;
                        }
                        str += indent;
                        // space after newline needs to be escaped to not be folded
                        if (json[i + 2] === ' ')
                            str += '\\';
                        i += 1;
                        start = i + 1;
                    }
                    break;
                default:
                    i += 1;
            }
    }
    str = start ? str + json.slice(start) : json;
    return implicitKey
        ? str
        : foldFlowLines.foldFlowLines(str, indent, foldFlowLines.FOLD_QUOTED, getFoldOptions(ctx, false));
}
function singleQuotedString(value, ctx) {
    if (ctx.options.singleQuote === false ||
        (ctx.implicitKey && value.includes('\n')) ||
        /[ \t]\n|\n[ \t]/.test(value) // single quoted string can't have leading or trailing whitespace around newline
    )
        return doubleQuotedString(value, ctx);
    const indent = ctx.indent || (containsDocumentMarker(value) ? '  ' : '');
    const res = "'" + value.replace(/'/g, "''").replace(/\n+/g, `$&\n${indent}`) + "'";
    return ctx.implicitKey
        ? res
        : foldFlowLines.foldFlowLines(res, indent, foldFlowLines.FOLD_FLOW, getFoldOptions(ctx, false));
}
function quotedString(value, ctx) {
    const { singleQuote } = ctx.options;
    let qs;
    if (singleQuote === false)
        qs = doubleQuotedString;
    else {
        const hasDouble = value.includes('"');
        const hasSingle = value.includes("'");
        if (hasDouble && !hasSingle)
            qs = singleQuotedString;
        else if (hasSingle && !hasDouble)
            qs = doubleQuotedString;
        else
            qs = singleQuote ? singleQuotedString : doubleQuotedString;
    }
    return qs(value, ctx);
}
// The negative lookbehind avoids a polynomial search,
// but isn't supported yet on Safari: https://caniuse.com/js-regexp-lookbehind
let blockEndNewlines;
try {
    blockEndNewlines = new RegExp('(^|(?<!\n))\n+(?!\n|$)', 'g');
}
catch {
    blockEndNewlines = /\n+(?!\n|$)/g;
}
function blockString({ comment, type, value }, ctx, onComment, onChompKeep) {
    const { blockQuote, commentString, lineWidth } = ctx.options;
    // 1. Block can't end in whitespace unless the last line is non-empty.
    // 2. Strings consisting of only whitespace are best rendered explicitly.
    if (!blockQuote || /\n[\t ]+$/.test(value)) {
        return quotedString(value, ctx);
    }
    const indent = ctx.indent ||
        (ctx.forceBlockIndent || containsDocumentMarker(value) ? '  ' : '');
    const literal = blockQuote === 'literal'
        ? true
        : blockQuote === 'folded' || type === Scalar.Scalar.BLOCK_FOLDED
            ? false
            : type === Scalar.Scalar.BLOCK_LITERAL
                ? true
                : !lineLengthOverLimit(value, lineWidth, indent.length);
    if (!value)
        return literal ? '|\n' : '>\n';
    // determine chomping from whitespace at value end
    let chomp;
    let endStart;
    for (endStart = value.length; endStart > 0; --endStart) {
        const ch = value[endStart - 1];
        if (ch !== '\n' && ch !== '\t' && ch !== ' ')
            break;
    }
    let end = value.substring(endStart);
    const endNlPos = end.indexOf('\n');
    if (endNlPos === -1) {
        chomp = '-'; // strip
    }
    else if (value === end || endNlPos !== end.length - 1) {
        chomp = '+'; // keep
        if (onChompKeep)
            onChompKeep();
    }
    else {
        chomp = ''; // clip
    }
    if (end) {
        value = value.slice(0, -end.length);
        if (end[end.length - 1] === '\n')
            end = end.slice(0, -1);
        end = end.replace(blockEndNewlines, `$&${indent}`);
    }
    // determine indent indicator from whitespace at value start
    let startWithSpace = false;
    let startEnd;
    let startNlPos = -1;
    for (startEnd = 0; startEnd < value.length; ++startEnd) {
        const ch = value[startEnd];
        if (ch === ' ')
            startWithSpace = true;
        else if (ch === '\n')
            startNlPos = startEnd;
        else
            break;
    }
    let start = value.substring(0, startNlPos < startEnd ? startNlPos + 1 : startEnd);
    if (start) {
        value = value.substring(start.length);
        start = start.replace(/\n+/g, `$&${indent}`);
    }
    const indentSize = indent ? '2' : '1'; // root is at -1
    // Leading | or > is added later
    let header = (startWithSpace ? indentSize : '') + chomp;
    if (comment) {
        header += ' ' + commentString(comment.replace(/ ?[\r\n]+/g, ' '));
        if (onComment)
            onComment();
    }
    if (!literal) {
        const foldedValue = value
            .replace(/\n+/g, '\n$&')
            .replace(/(?:^|\n)([\t ].*)(?:([\n\t ]*)\n(?![\n\t ]))?/g, '$1$2') // more-indented lines aren't folded
            //                ^ more-ind. ^ empty     ^ capture next empty lines only at end of indent
            .replace(/\n+/g, `$&${indent}`);
        let literalFallback = false;
        const foldOptions = getFoldOptions(ctx, true);
        if (blockQuote !== 'folded' && type !== Scalar.Scalar.BLOCK_FOLDED) {
            foldOptions.onOverflow = () => {
                literalFallback = true;
            };
        }
        const body = foldFlowLines.foldFlowLines(`${start}${foldedValue}${end}`, indent, foldFlowLines.FOLD_BLOCK, foldOptions);
        if (!literalFallback)
            return `>${header}\n${indent}${body}`;
    }
    value = value.replace(/\n+/g, `$&${indent}`);
    return `|${header}\n${indent}${start}${value}${end}`;
}
function plainString(item, ctx, onComment, onChompKeep) {
    const { type, value } = item;
    const { actualString, implicitKey, indent, indentStep, inFlow } = ctx;
    if ((implicitKey && value.includes('\n')) ||
        (inFlow && /[[\]{},]/.test(value))) {
        return quotedString(value, ctx);
    }
    if (/^[\n\t ,[\]{}#&*!|>'"%@`]|^[?-]$|^[?-][ \t]|[\n:][ \t]|[ \t]\n|[\n\t ]#|[\n\t :]$/.test(value)) {
        // not allowed:
        // - '-' or '?'
        // - start with an indicator character (except [?:-]) or /[?-] /
        // - '\n ', ': ' or ' \n' anywhere
        // - '#' not preceded by a non-space char
        // - end with ' ' or ':'
        return implicitKey || inFlow || !value.includes('\n')
            ? quotedString(value, ctx)
            : blockString(item, ctx, onComment, onChompKeep);
    }
    if (!implicitKey &&
        !inFlow &&
        type !== Scalar.Scalar.PLAIN &&
        value.includes('\n')) {
        // Where allowed & type not set explicitly, prefer block style for multiline strings
        return blockString(item, ctx, onComment, onChompKeep);
    }
    if (containsDocumentMarker(value)) {
        if (indent === '') {
            ctx.forceBlockIndent = true;
            return blockString(item, ctx, onComment, onChompKeep);
        }
        else if (implicitKey && indent === indentStep) {
            return quotedString(value, ctx);
        }
    }
    const str = value.replace(/\n+/g, `$&\n${indent}`);
    // Verify that output will be parsed as a string, as e.g. plain numbers and
    // booleans get parsed with those types in v1.2 (e.g. '42', 'true' & '0.9e-3'),
    // and others in v1.1.
    if (actualString) {
        const test = (tag) => tag.default && tag.tag !== 'tag:yaml.org,2002:str' && tag.test?.test(str);
        const { compat, tags } = ctx.doc.schema;
        if (tags.some(test) || compat?.some(test))
            return quotedString(value, ctx);
    }
    return implicitKey
        ? str
        : foldFlowLines.foldFlowLines(str, indent, foldFlowLines.FOLD_FLOW, getFoldOptions(ctx, false));
}
function stringifyString(item, ctx, onComment, onChompKeep) {
    const { implicitKey, inFlow } = ctx;
    const ss = typeof item.value === 'string'
        ? item
        : Object.assign({}, item, { value: String(item.value) });
    let { type } = item;
    if (type !== Scalar.Scalar.QUOTE_DOUBLE) {
        // force double quotes on control characters & unpaired surrogates
        if (/[\x00-\x08\x0b-\x1f\x7f-\x9f\u{D800}-\u{DFFF}]/u.test(ss.value))
            type = Scalar.Scalar.QUOTE_DOUBLE;
    }
    const _stringify = (_type) => {
        switch (_type) {
            case Scalar.Scalar.BLOCK_FOLDED:
            case Scalar.Scalar.BLOCK_LITERAL:
                return implicitKey || inFlow
                    ? quotedString(ss.value, ctx) // blocks are not valid inside flow containers
                    : blockString(ss, ctx, onComment, onChompKeep);
            case Scalar.Scalar.QUOTE_DOUBLE:
                return doubleQuotedString(ss.value, ctx);
            case Scalar.Scalar.QUOTE_SINGLE:
                return singleQuotedString(ss.value, ctx);
            case Scalar.Scalar.PLAIN:
                return plainString(ss, ctx, onComment, onChompKeep);
            default:
                return null;
        }
    };
    let res = _stringify(type);
    if (res === null) {
        const { defaultKeyType, defaultStringType } = ctx.options;
        const t = (implicitKey && defaultKeyType) || defaultStringType;
        res = _stringify(t);
        if (res === null)
            throw new Error(`Unsupported default string type ${t}`);
    }
    return res;
}

exports.stringifyString = stringifyString;


/***/ }),

/***/ 204:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);

const BREAK = Symbol('break visit');
const SKIP = Symbol('skip children');
const REMOVE = Symbol('remove node');
/**
 * Apply a visitor to an AST node or document.
 *
 * Walks through the tree (depth-first) starting from `node`, calling a
 * `visitor` function with three arguments:
 *   - `key`: For sequence values and map `Pair`, the node's index in the
 *     collection. Within a `Pair`, `'key'` or `'value'`, correspondingly.
 *     `null` for the root node.
 *   - `node`: The current node.
 *   - `path`: The ancestry of the current node.
 *
 * The return value of the visitor may be used to control the traversal:
 *   - `undefined` (default): Do nothing and continue
 *   - `visit.SKIP`: Do not visit the children of this node, continue with next
 *     sibling
 *   - `visit.BREAK`: Terminate traversal completely
 *   - `visit.REMOVE`: Remove the current node, then continue with the next one
 *   - `Node`: Replace the current node, then continue by visiting it
 *   - `number`: While iterating the items of a sequence or map, set the index
 *     of the next step. This is useful especially if the index of the current
 *     node has changed.
 *
 * If `visitor` is a single function, it will be called with all values
 * encountered in the tree, including e.g. `null` values. Alternatively,
 * separate visitor functions may be defined for each `Map`, `Pair`, `Seq`,
 * `Alias` and `Scalar` node. To define the same visitor function for more than
 * one node type, use the `Collection` (map and seq), `Value` (map, seq & scalar)
 * and `Node` (alias, map, seq & scalar) targets. Of all these, only the most
 * specific defined one will be used for each node.
 */
function visit(node, visitor) {
    const visitor_ = initVisitor(visitor);
    if (identity.isDocument(node)) {
        const cd = visit_(null, node.contents, visitor_, Object.freeze([node]));
        if (cd === REMOVE)
            node.contents = null;
    }
    else
        visit_(null, node, visitor_, Object.freeze([]));
}
// Without the `as symbol` casts, TS declares these in the `visit`
// namespace using `var`, but then complains about that because
// `unique symbol` must be `const`.
/** Terminate visit traversal completely */
visit.BREAK = BREAK;
/** Do not visit the children of the current node */
visit.SKIP = SKIP;
/** Remove the current node */
visit.REMOVE = REMOVE;
function visit_(key, node, visitor, path) {
    const ctrl = callVisitor(key, node, visitor, path);
    if (identity.isNode(ctrl) || identity.isPair(ctrl)) {
        replaceNode(key, path, ctrl);
        return visit_(key, ctrl, visitor, path);
    }
    if (typeof ctrl !== 'symbol') {
        if (identity.isCollection(node)) {
            path = Object.freeze(path.concat(node));
            for (let i = 0; i < node.items.length; ++i) {
                const ci = visit_(i, node.items[i], visitor, path);
                if (typeof ci === 'number')
                    i = ci - 1;
                else if (ci === BREAK)
                    return BREAK;
                else if (ci === REMOVE) {
                    node.items.splice(i, 1);
                    i -= 1;
                }
            }
        }
        else if (identity.isPair(node)) {
            path = Object.freeze(path.concat(node));
            const ck = visit_('key', node.key, visitor, path);
            if (ck === BREAK)
                return BREAK;
            else if (ck === REMOVE)
                node.key = null;
            const cv = visit_('value', node.value, visitor, path);
            if (cv === BREAK)
                return BREAK;
            else if (cv === REMOVE)
                node.value = null;
        }
    }
    return ctrl;
}
/**
 * Apply an async visitor to an AST node or document.
 *
 * Walks through the tree (depth-first) starting from `node`, calling a
 * `visitor` function with three arguments:
 *   - `key`: For sequence values and map `Pair`, the node's index in the
 *     collection. Within a `Pair`, `'key'` or `'value'`, correspondingly.
 *     `null` for the root node.
 *   - `node`: The current node.
 *   - `path`: The ancestry of the current node.
 *
 * The return value of the visitor may be used to control the traversal:
 *   - `Promise`: Must resolve to one of the following values
 *   - `undefined` (default): Do nothing and continue
 *   - `visit.SKIP`: Do not visit the children of this node, continue with next
 *     sibling
 *   - `visit.BREAK`: Terminate traversal completely
 *   - `visit.REMOVE`: Remove the current node, then continue with the next one
 *   - `Node`: Replace the current node, then continue by visiting it
 *   - `number`: While iterating the items of a sequence or map, set the index
 *     of the next step. This is useful especially if the index of the current
 *     node has changed.
 *
 * If `visitor` is a single function, it will be called with all values
 * encountered in the tree, including e.g. `null` values. Alternatively,
 * separate visitor functions may be defined for each `Map`, `Pair`, `Seq`,
 * `Alias` and `Scalar` node. To define the same visitor function for more than
 * one node type, use the `Collection` (map and seq), `Value` (map, seq & scalar)
 * and `Node` (alias, map, seq & scalar) targets. Of all these, only the most
 * specific defined one will be used for each node.
 */
async function visitAsync(node, visitor) {
    const visitor_ = initVisitor(visitor);
    if (identity.isDocument(node)) {
        const cd = await visitAsync_(null, node.contents, visitor_, Object.freeze([node]));
        if (cd === REMOVE)
            node.contents = null;
    }
    else
        await visitAsync_(null, node, visitor_, Object.freeze([]));
}
// Without the `as symbol` casts, TS declares these in the `visit`
// namespace using `var`, but then complains about that because
// `unique symbol` must be `const`.
/** Terminate visit traversal completely */
visitAsync.BREAK = BREAK;
/** Do not visit the children of the current node */
visitAsync.SKIP = SKIP;
/** Remove the current node */
visitAsync.REMOVE = REMOVE;
async function visitAsync_(key, node, visitor, path) {
    const ctrl = await callVisitor(key, node, visitor, path);
    if (identity.isNode(ctrl) || identity.isPair(ctrl)) {
        replaceNode(key, path, ctrl);
        return visitAsync_(key, ctrl, visitor, path);
    }
    if (typeof ctrl !== 'symbol') {
        if (identity.isCollection(node)) {
            path = Object.freeze(path.concat(node));
            for (let i = 0; i < node.items.length; ++i) {
                const ci = await visitAsync_(i, node.items[i], visitor, path);
                if (typeof ci === 'number')
                    i = ci - 1;
                else if (ci === BREAK)
                    return BREAK;
                else if (ci === REMOVE) {
                    node.items.splice(i, 1);
                    i -= 1;
                }
            }
        }
        else if (identity.isPair(node)) {
            path = Object.freeze(path.concat(node));
            const ck = await visitAsync_('key', node.key, visitor, path);
            if (ck === BREAK)
                return BREAK;
            else if (ck === REMOVE)
                node.key = null;
            const cv = await visitAsync_('value', node.value, visitor, path);
            if (cv === BREAK)
                return BREAK;
            else if (cv === REMOVE)
                node.value = null;
        }
    }
    return ctrl;
}
function initVisitor(visitor) {
    if (typeof visitor === 'object' &&
        (visitor.Collection || visitor.Node || visitor.Value)) {
        return Object.assign({
            Alias: visitor.Node,
            Map: visitor.Node,
            Scalar: visitor.Node,
            Seq: visitor.Node
        }, visitor.Value && {
            Map: visitor.Value,
            Scalar: visitor.Value,
            Seq: visitor.Value
        }, visitor.Collection && {
            Map: visitor.Collection,
            Seq: visitor.Collection
        }, visitor);
    }
    return visitor;
}
function callVisitor(key, node, visitor, path) {
    if (typeof visitor === 'function')
        return visitor(key, node, path);
    if (identity.isMap(node))
        return visitor.Map?.(key, node, path);
    if (identity.isSeq(node))
        return visitor.Seq?.(key, node, path);
    if (identity.isPair(node))
        return visitor.Pair?.(key, node, path);
    if (identity.isScalar(node))
        return visitor.Scalar?.(key, node, path);
    if (identity.isAlias(node))
        return visitor.Alias?.(key, node, path);
    return undefined;
}
function replaceNode(key, path, node) {
    const parent = path[path.length - 1];
    if (identity.isCollection(parent)) {
        parent.items[key] = node;
    }
    else if (identity.isPair(parent)) {
        if (key === 'key')
            parent.key = node;
        else
            parent.value = node;
    }
    else if (identity.isDocument(parent)) {
        parent.contents = node;
    }
    else {
        const pt = identity.isAlias(parent) ? 'alias' : 'scalar';
        throw new Error(`Cannot replace node with ${pt} parent`);
    }
}

exports.visit = visit;
exports.visitAsync = visitAsync;


/***/ })

/******/ });
/************************************************************************/
/******/ // The module cache
/******/ var __webpack_module_cache__ = {};
/******/ 
/******/ // The require function
/******/ function __nccwpck_require__(moduleId) {
/******/ 	// Check if module is in cache
/******/ 	var cachedModule = __webpack_module_cache__[moduleId];
/******/ 	if (cachedModule !== undefined) {
/******/ 		return cachedModule.exports;
/******/ 	}
/******/ 	// Create a new module (and put it into the cache)
/******/ 	var module = __webpack_module_cache__[moduleId] = {
/******/ 		// no module.id needed
/******/ 		// no module.loaded needed
/******/ 		exports: {}
/******/ 	};
/******/ 
/******/ 	// Execute the module function
/******/ 	var threw = true;
/******/ 	try {
/******/ 		__webpack_modules__[moduleId].call(module.exports, module, module.exports, __nccwpck_require__);
/******/ 		threw = false;
/******/ 	} finally {
/******/ 		if(threw) delete __webpack_module_cache__[moduleId];
/******/ 	}
/******/ 
/******/ 	// Return the exports of the module
/******/ 	return module.exports;
/******/ }
/******/ 
/******/ // expose the modules object (__webpack_modules__)
/******/ __nccwpck_require__.m = __webpack_modules__;
/******/ 
/************************************************************************/
/******/ /* webpack/runtime/asset-relocator-loader */
/******/ if (typeof __nccwpck_require__ !== 'undefined') __nccwpck_require__.ab = decodeURIComponent(new URL('.', import.meta.url).pathname).slice(import.meta.url.match(/^file:\/\/\/\w:/) ? 1 : 0, -1) + "/";
/******/ 
/******/ /* webpack/runtime/async module */
/******/ (() => {
/******/ 	var webpackQueues = typeof Symbol === "function" ? Symbol("webpack queues") : "__webpack_queues__";
/******/ 	var webpackExports = typeof Symbol === "function" ? Symbol("webpack exports") : "__webpack_exports__";
/******/ 	var webpackError = typeof Symbol === "function" ? Symbol("webpack error") : "__webpack_error__";
/******/ 	var resolveQueue = (queue) => {
/******/ 		if(queue && queue.d < 1) {
/******/ 			queue.d = 1;
/******/ 			queue.forEach((fn) => (fn.r--));
/******/ 			queue.forEach((fn) => (fn.r-- ? fn.r++ : fn()));
/******/ 		}
/******/ 	}
/******/ 	var wrapDeps = (deps) => (deps.map((dep) => {
/******/ 		if(dep !== null && typeof dep === "object") {
/******/ 			if(dep[webpackQueues]) return dep;
/******/ 			if(dep.then) {
/******/ 				var queue = [];
/******/ 				queue.d = 0;
/******/ 				dep.then((r) => {
/******/ 					obj[webpackExports] = r;
/******/ 					resolveQueue(queue);
/******/ 				}, (e) => {
/******/ 					obj[webpackError] = e;
/******/ 					resolveQueue(queue);
/******/ 				});
/******/ 				var obj = {};
/******/ 				obj[webpackQueues] = (fn) => (fn(queue));
/******/ 				return obj;
/******/ 			}
/******/ 		}
/******/ 		var ret = {};
/******/ 		ret[webpackQueues] = x => {};
/******/ 		ret[webpackExports] = dep;
/******/ 		return ret;
/******/ 	}));
/******/ 	__nccwpck_require__.a = (module, body, hasAwait) => {
/******/ 		var queue;
/******/ 		hasAwait && ((queue = []).d = -1);
/******/ 		var depQueues = new Set();
/******/ 		var exports = module.exports;
/******/ 		var currentDeps;
/******/ 		var outerResolve;
/******/ 		var reject;
/******/ 		var promise = new Promise((resolve, rej) => {
/******/ 			reject = rej;
/******/ 			outerResolve = resolve;
/******/ 		});
/******/ 		promise[webpackExports] = exports;
/******/ 		promise[webpackQueues] = (fn) => (queue && fn(queue), depQueues.forEach(fn), promise["catch"](x => {}));
/******/ 		module.exports = promise;
/******/ 		body((deps) => {
/******/ 			currentDeps = wrapDeps(deps);
/******/ 			var fn;
/******/ 			var getResult = () => (currentDeps.map((d) => {
/******/ 				if(d[webpackError]) throw d[webpackError];
/******/ 				return d[webpackExports];
/******/ 			}))
/******/ 			var promise = new Promise((resolve) => {
/******/ 				fn = () => (resolve(getResult));
/******/ 				fn.r = 0;
/******/ 				var fnQueue = (q) => (q !== queue && !depQueues.has(q) && (depQueues.add(q), q && !q.d && (fn.r++, q.push(fn))));
/******/ 				currentDeps.map((dep) => (dep[webpackQueues](fnQueue)));
/******/ 			});
/******/ 			return fn.r ? promise : getResult();
/******/ 		}, (err) => ((err ? reject(promise[webpackError] = err) : outerResolve(exports)), resolveQueue(queue)));
/******/ 		queue && queue.d < 0 && (queue.d = 0);
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/compat get default export */
/******/ (() => {
/******/ 	// getDefaultExport function for compatibility with non-harmony modules
/******/ 	__nccwpck_require__.n = (module) => {
/******/ 		var getter = module && module.__esModule ?
/******/ 			() => (module['default']) :
/******/ 			() => (module);
/******/ 		__nccwpck_require__.d(getter, { a: getter });
/******/ 		return getter;
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/define property getters */
/******/ (() => {
/******/ 	// define getter functions for harmony exports
/******/ 	__nccwpck_require__.d = (exports, definition) => {
/******/ 		for(var key in definition) {
/******/ 			if(__nccwpck_require__.o(definition, key) && !__nccwpck_require__.o(exports, key)) {
/******/ 				Object.defineProperty(exports, key, { enumerable: true, get: definition[key] });
/******/ 			}
/******/ 		}
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/ensure chunk */
/******/ (() => {
/******/ 	__nccwpck_require__.f = {};
/******/ 	// This file contains only the entry chunk.
/******/ 	// The chunk loading function for additional chunks
/******/ 	__nccwpck_require__.e = (chunkId) => {
/******/ 		return Promise.all(Object.keys(__nccwpck_require__.f).reduce((promises, key) => {
/******/ 			__nccwpck_require__.f[key](chunkId, promises);
/******/ 			return promises;
/******/ 		}, []));
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/get javascript chunk filename */
/******/ (() => {
/******/ 	// This function allow to reference async chunks
/******/ 	__nccwpck_require__.u = (chunkId) => {
/******/ 		// return url for filenames based on template
/******/ 		return "" + chunkId + ".index.js";
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/hasOwnProperty shorthand */
/******/ (() => {
/******/ 	__nccwpck_require__.o = (obj, prop) => (Object.prototype.hasOwnProperty.call(obj, prop))
/******/ })();
/******/ 
/******/ /* webpack/runtime/import chunk loading */
/******/ (() => {
/******/ 	// no baseURI
/******/ 	
/******/ 	// object to store loaded and loading chunks
/******/ 	// undefined = chunk not loaded, null = chunk preloaded/prefetched
/******/ 	// [resolve, Promise] = chunk loading, 0 = chunk loaded
/******/ 	var installedChunks = {
/******/ 		792: 0
/******/ 	};
/******/ 	
/******/ 	var installChunk = (data) => {
/******/ 		var {ids, modules, runtime} = data;
/******/ 		// add "modules" to the modules object,
/******/ 		// then flag all "ids" as loaded and fire callback
/******/ 		var moduleId, chunkId, i = 0;
/******/ 		for(moduleId in modules) {
/******/ 			if(__nccwpck_require__.o(modules, moduleId)) {
/******/ 				__nccwpck_require__.m[moduleId] = modules[moduleId];
/******/ 			}
/******/ 		}
/******/ 		if(runtime) runtime(__nccwpck_require__);
/******/ 		for(;i < ids.length; i++) {
/******/ 			chunkId = ids[i];
/******/ 			if(__nccwpck_require__.o(installedChunks, chunkId) && installedChunks[chunkId]) {
/******/ 				installedChunks[chunkId][0]();
/******/ 			}
/******/ 			installedChunks[ids[i]] = 0;
/******/ 		}
/******/ 	
/******/ 	}
/******/ 	
/******/ 	__nccwpck_require__.f.j = (chunkId, promises) => {
/******/ 			// import() chunk loading for javascript
/******/ 			var installedChunkData = __nccwpck_require__.o(installedChunks, chunkId) ? installedChunks[chunkId] : undefined;
/******/ 			if(installedChunkData !== 0) { // 0 means "already installed".
/******/ 	
/******/ 				// a Promise means "currently loading".
/******/ 				if(installedChunkData) {
/******/ 					promises.push(installedChunkData[1]);
/******/ 				} else {
/******/ 					if(true) { // all chunks have JS
/******/ 						// setup Promise in chunk cache
/******/ 						var promise = import("./" + __nccwpck_require__.u(chunkId)).then(installChunk, (e) => {
/******/ 							if(installedChunks[chunkId] !== 0) installedChunks[chunkId] = undefined;
/******/ 							throw e;
/******/ 						});
/******/ 						var promise = Promise.race([promise, new Promise((resolve) => (installedChunkData = installedChunks[chunkId] = [resolve]))])
/******/ 						promises.push(installedChunkData[1] = promise);
/******/ 					}
/******/ 				}
/******/ 			}
/******/ 	};
/******/ 	
/******/ 	// no prefetching
/******/ 	
/******/ 	// no preloaded
/******/ 	
/******/ 	// no external install chunk
/******/ 	
/******/ 	// no on chunks loaded
/******/ })();
/******/ 
/************************************************************************/
/******/ 
/******/ // startup
/******/ // Load entry module and return exports
/******/ // This entry module used 'module' so it can't be inlined
/******/ var __webpack_exports__ = __nccwpck_require__(615);
/******/ __webpack_exports__ = await __webpack_exports__;
/******/ 

import { badRequest } from './errors.js';

/** Label selectors (string form and metav1.LabelSelector) and field selectors. */

type Operator = 'exists' | 'notexists' | 'eq' | 'neq' | 'in' | 'notin' | 'gt' | 'lt';

interface Requirement {
  key: string;
  op: Operator;
  values: string[];
}

export type LabelMatcher = (labels: Record<string, string> | undefined) => boolean;

const KEY = /^([a-z0-9A-Z]([-a-z0-9A-Z_.]*[a-z0-9A-Z])?\/)?[a-z0-9A-Z]([-a-z0-9A-Z_.]*[a-z0-9A-Z])?$/;
const VALUE = /^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/;

function checkKey(key: string, selector: string): void {
  if (!KEY.test(key) || key.length > 317) {
    throw badRequest(`unable to parse requirement: invalid label key "${key}" in selector "${selector}"`);
  }
}

function checkValue(value: string, selector: string): void {
  if (!VALUE.test(value) || value.length > 63) {
    throw badRequest(`unable to parse requirement: invalid label value: "${value}" in selector "${selector}"`);
  }
}

/** Splits on commas that are not inside parentheses. */
function splitTopLevel(text: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let current = '';
  for (const ch of text) {
    if (ch === '(') depth++;
    if (ch === ')') depth--;
    if (ch === ',' && depth === 0) {
      parts.push(current);
      current = '';
    } else {
      current += ch;
    }
  }
  parts.push(current);
  return parts;
}

function parseRequirement(raw: string, selector: string): Requirement {
  const text = raw.trim();
  const setMatch = /^(\S+)\s+(in|notin)\s*\(([^)]*)\)$/.exec(text);
  if (setMatch) {
    const key = setMatch[1]!;
    checkKey(key, selector);
    const values = setMatch[3]!
      .split(',')
      .map((v) => v.trim())
      .filter((v, _i, all) => v !== '' || all.length === 1);
    values.forEach((v) => checkValue(v, selector));
    return { key, op: setMatch[2] === 'in' ? 'in' : 'notin', values };
  }
  const opMatch = /^([^=!<>\s]+)\s*(==|=|!=|<|>)\s*(.*)$/.exec(text);
  if (opMatch) {
    const key = opMatch[1]!;
    checkKey(key, selector);
    const value = opMatch[3]!.trim();
    const op = opMatch[2]!;
    if (op === '<' || op === '>') {
      if (!/^-?\d+$/.test(value)) {
        throw badRequest(`unable to parse requirement: for 'Gt', 'Lt' operators, the value must be an integer in selector "${selector}"`);
      }
      return { key, op: op === '<' ? 'lt' : 'gt', values: [value] };
    }
    checkValue(value, selector);
    return { key, op: op === '!=' ? 'neq' : 'eq', values: [value] };
  }
  if (text.startsWith('!')) {
    const key = text.slice(1).trim();
    checkKey(key, selector);
    return { key, op: 'notexists', values: [] };
  }
  checkKey(text, selector);
  return { key: text, op: 'exists', values: [] };
}

function matches(req: Requirement, labels: Record<string, string>): boolean {
  const has = Object.prototype.hasOwnProperty.call(labels, req.key);
  const value = labels[req.key];
  switch (req.op) {
    case 'exists':
      return has;
    case 'notexists':
      return !has;
    case 'eq':
      return has && value === req.values[0];
    case 'neq':
      return !has || value !== req.values[0];
    case 'in':
      return has && req.values.includes(value!);
    case 'notin':
      return !has || !req.values.includes(value!);
    case 'gt':
    case 'lt': {
      if (!has || !/^-?\d+$/.test(value!)) return false;
      const n = Number(value);
      const bound = Number(req.values[0]);
      return req.op === 'gt' ? n > bound : n < bound;
    }
  }
}

/** Parses the string form used in `?labelSelector=` ("app=web,tier in (a,b),!canary"). */
export function parseLabelSelector(selector: string | undefined | null): LabelMatcher {
  const text = (selector ?? '').trim();
  if (text === '') return () => true;
  const requirements = splitTopLevel(text).map((part) => parseRequirement(part, text));
  return (labels) => requirements.every((r) => matches(r, labels ?? {}));
}

/** A metav1.LabelSelector as a matcher. A null selector matches nothing; an empty one, everything. */
export function labelSelectorMatcher(selector: Record<string, any> | undefined | null): LabelMatcher {
  if (selector === undefined || selector === null) return () => false;
  const requirements: Requirement[] = [];
  for (const [key, value] of Object.entries((selector.matchLabels ?? {}) as Record<string, string>)) {
    requirements.push({ key, op: 'eq', values: [String(value)] });
  }
  for (const expr of (selector.matchExpressions ?? []) as Record<string, any>[]) {
    const op = String(expr.operator ?? '');
    const values = ((expr.values ?? []) as unknown[]).map(String);
    const mapped: Operator | undefined = (
      { In: 'in', NotIn: 'notin', Exists: 'exists', DoesNotExist: 'notexists' } as Record<string, Operator>
    )[op];
    if (!mapped) throw badRequest(`"${op}" is not a valid label selector operator`);
    requirements.push({ key: String(expr.key), op: mapped, values });
  }
  return (labels) => requirements.every((r) => matches(r, labels ?? {}));
}

/** The string form of a metav1.LabelSelector, as kubectl prints it. */
export function formatLabelSelector(selector: Record<string, any> | undefined | null): string {
  if (!selector) return '<none>';
  const parts: string[] = [];
  for (const key of Object.keys(selector.matchLabels ?? {}).sort()) {
    parts.push(`${key}=${selector.matchLabels[key]}`);
  }
  for (const expr of (selector.matchExpressions ?? []) as Record<string, any>[]) {
    const values = ((expr.values ?? []) as string[]).join(',');
    switch (expr.operator) {
      case 'In':
        parts.push(`${expr.key} in (${values})`);
        break;
      case 'NotIn':
        parts.push(`${expr.key} notin (${values})`);
        break;
      case 'Exists':
        parts.push(String(expr.key));
        break;
      case 'DoesNotExist':
        parts.push(`!${expr.key}`);
        break;
    }
  }
  return parts.length === 0 ? '<none>' : parts.join(',');
}

export function formatLabels(labels: Record<string, string> | undefined): string {
  const keys = Object.keys(labels ?? {}).sort();
  return keys.length === 0 ? '<none>' : keys.map((k) => `${k}=${labels![k]}`).join(',');
}

export interface FieldRequirement {
  field: string;
  op: 'eq' | 'neq';
  value: string;
}

/** Splits on separators that are not escaped with a backslash. */
function splitUnescaped(text: string, separator: string): string[] {
  const parts: string[] = [];
  let current = '';
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (ch === '\\' && i + 1 < text.length) {
      current += ch + text[i + 1];
      i++;
    } else if (ch === separator) {
      parts.push(current);
      current = '';
    } else {
      current += ch;
    }
  }
  parts.push(current);
  return parts;
}

function unescapeFieldValue(value: string): string {
  return value.replace(/\\(.)/g, '$1');
}

/** Parses `?fieldSelector=` ("metadata.name=web,status.phase!=Running"). */
export function parseFieldSelector(selector: string | undefined | null): FieldRequirement[] {
  const text = (selector ?? '').trim();
  if (text === '') return [];
  return splitUnescaped(text, ',').map((part) => {
    const m = /^([^=!]+)(==|=|!=)(.*)$/s.exec(part.trim());
    if (!m) throw badRequest(`invalid selector: '${text}'; can't understand '${part}'`);
    return {
      field: m[1]!.trim(),
      op: m[2] === '!=' ? 'neq' : 'eq',
      value: unescapeFieldValue(m[3]!.trim()),
    };
  });
}

import { parse as parseYaml } from 'yaml';
import type { MetricRule, Threshold } from '../catalog/types.js';
import { ConfigurationError } from '../core/errors.js';

/**
 * A threshold as users write it: a number is an absolute amount in the metric's unit,
 * a string ending in "%" is relative to the base value ("10%").
 */
export function parseThreshold(raw: unknown, where: string): Threshold {
  if (typeof raw === 'number' && Number.isFinite(raw) && raw >= 0) return { kind: 'absolute', value: raw };
  if (typeof raw === 'string') {
    const text = raw.trim();
    const percent = /^(\d+(?:\.\d+)?|\.\d+)\s*%$/.exec(text);
    if (percent) return { kind: 'relative', percent: Number(percent[1]) };
    if (/^(\d+(?:\.\d+)?|\.\d+)(e[-+]?\d+)?$/i.test(text)) return { kind: 'absolute', value: Number(text) };
  }
  throw new ConfigurationError(
    `${where} must be a non-negative number (an absolute amount, e.g. 0.01) or a percentage of the base value (e.g. "5%"), got ${JSON.stringify(raw)}`,
  );
}

const RULE_KEYS = new Set(['better', 'max_drop', 'max_rise']);

/** One rule as written in the `rules` input: {better: higher|lower, max_drop?, max_rise?}. */
export function parseRule(raw: unknown, where: string): MetricRule {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    throw new ConfigurationError(`${where} must be a mapping such as {better: higher, max_drop: 0.01}`);
  }
  const entry = raw as Record<string, unknown>;
  for (const key of Object.keys(entry)) {
    if (!RULE_KEYS.has(key)) {
      throw new ConfigurationError(`${where} has an unknown key '${key}'; the keys are better, max_drop and max_rise`);
    }
  }
  const better = entry.better;
  if (better !== 'higher' && better !== 'lower') {
    throw new ConfigurationError(`${where}.better must be 'higher' or 'lower', got ${JSON.stringify(better)}`);
  }
  const rule: MetricRule = { better };
  if (entry.max_drop !== undefined) {
    if (better !== 'higher') {
      throw new ConfigurationError(`${where}.max_drop applies to metrics where higher is better; for 'better: lower' use max_rise`);
    }
    rule.maxDrop = parseThreshold(entry.max_drop, `${where}.max_drop`);
  }
  if (entry.max_rise !== undefined) {
    if (better !== 'lower') {
      throw new ConfigurationError(`${where}.max_rise applies to metrics where lower is better; for 'better: higher' use max_drop`);
    }
    rule.maxRise = parseThreshold(entry.max_rise, `${where}.max_rise`);
  }
  return rule;
}

/**
 * The `rules` input: a YAML or JSON mapping from metric name (as `dvc metrics diff` prints it,
 * e.g. "mAP@0.5" or "train.loss") to its rule. Names are taken whole; a dot never splits them.
 */
export function parseRulesInput(text: string, inputName = 'rules'): Map<string, MetricRule> {
  const rules = new Map<string, MetricRule>();
  if (text.trim() === '') return rules;
  let document: unknown;
  try {
    document = parseYaml(text);
  } catch (error) {
    const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
    throw new ConfigurationError(`input '${inputName}' is not valid YAML or JSON (${reason})`);
  }
  if (typeof document !== 'object' || document === null || Array.isArray(document)) {
    throw new ConfigurationError(
      `input '${inputName}' must be a mapping from metric name to rule, e.g. {"accuracy": {"better": "higher", "max_drop": 0.01}}`,
    );
  }
  for (const [metric, raw] of Object.entries(document as Record<string, unknown>)) {
    rules.set(metric, parseRule(raw, `input '${inputName}': rule "${metric}"`));
  }
  return rules;
}

/** The amount the metric may worsen by, in its own unit, given the base value. */
export function allowedWorsening(rule: MetricRule, base: number): number {
  const threshold = rule.better === 'higher' ? rule.maxDrop : rule.maxRise;
  if (!threshold) return 0;
  return threshold.kind === 'absolute' ? threshold.value : (Math.abs(base) * threshold.percent) / 100;
}

/** "max drop 0.01", "max rise 10%", "any drop" (a rule without a threshold fails on any worsening). */
export function describeThreshold(rule: MetricRule): string {
  const word = rule.better === 'higher' ? 'drop' : 'rise';
  const threshold = rule.better === 'higher' ? rule.maxDrop : rule.maxRise;
  if (!threshold) return `any ${word}`;
  return threshold.kind === 'absolute' ? `max ${word} ${threshold.value}` : `max ${word} ${threshold.percent}%`;
}

import type { MetricRule } from '../catalog/types.js';

/** Repeated measurements of one metric: the raw samples, or their mean, standard deviation and count. */
export interface Samples {
  mean: number;
  std: number;
  n: number;
  /** The raw samples, when the file lists them (needed for a bootstrap interval). */
  values?: number[];
}

/**
 * One metric's value as read from a metrics file.
 * - `number`: a finite number (the usual case);
 * - `samples`: repeated measurements; their mean is the value shown and compared;
 * - `invalid`: NaN or ±Infinity, which cannot be compared;
 * - `other`: anything that is not a number (a string, a boolean, a list of non-numbers).
 */
export type MetricValue =
  | { kind: 'number'; value: number }
  | { kind: 'samples'; value: number; samples: Samples }
  | { kind: 'invalid'; value: number }
  | { kind: 'other'; text: string };

/** The flattened metrics of one file: keys joined with dots as `dvc metrics diff` prints them. */
export type FlatMetrics = Map<string, MetricValue>;

/** A metrics file at one side of the comparison. */
export type FileRead =
  | { status: 'ok'; metrics: FlatMetrics }
  | { status: 'missing'; reason?: string }
  | { status: 'unreadable'; reason: string };

/** A group of metrics compared together and rendered as one table: a service, or a file without a catalog. */
export interface MetricGroup {
  name: string;
  files: string[];
  rules: Map<string, MetricRule>;
  /** Where each rule is written, for warnings about rules that match no metric. */
  ruleLocation?: (metric: string) => import('../core/errors.js').FileLocation | undefined;
}

export type RowStatus =
  /** Worse than the base beyond the threshold (and, with samples, significantly). */
  | 'regressed'
  /** Worse than the base, within the threshold. */
  | 'worse'
  /** Better than the base in the metric's direction. */
  | 'improved'
  /** Moved, but the metric has no rule (no direction is known). */
  | 'changed'
  /** Beyond the threshold, but the samples do not show a significant difference. */
  | 'noise'
  | 'unchanged'
  | 'new'
  | 'removed'
  /** The head value is NaN, ±Infinity or not a number. */
  | 'invalid'
  /** The base value cannot be compared (NaN, ±Infinity, not a number, unreadable base file). */
  | 'incomparable'
  /** The head file is missing. */
  | 'missing-file'
  /** The head file cannot be parsed. */
  | 'unreadable'
  /** A rule names a metric found on neither side. */
  | 'not-found';

export interface NoiseResult {
  method: 'welch' | 'one-sample-t' | 'bootstrap';
  confidence: number;
  significant: boolean;
  /** Two-sided p-value (t-tests). */
  pValue?: number;
  /** Interval for the difference head − base at the confidence level (bootstrap). */
  interval?: [number, number];
}

export interface ComparisonRow {
  group: string;
  file: string;
  /** The metric's flattened key, or '' for a row about the whole file. */
  metric: string;
  base?: MetricValue;
  head?: MetricValue;
  /** head − base, when both are comparable numbers. */
  delta?: number;
  /** (head − base) / |base| × 100, when the base is not zero. */
  percent?: number;
  rule?: MetricRule;
  status: RowStatus;
  /** True when this row fails the gate. */
  failing: boolean;
  noise?: NoiseResult;
  /** A short explanation shown in the table. */
  note?: string;
}

export interface ParamChange {
  file: string;
  param: string;
  old?: unknown;
  new?: unknown;
}

export type Verdict = 'pass' | 'regressed' | 'no-baseline';

export interface Regression {
  service: string;
  file: string;
  metric: string;
  old: number | string | null;
  new: number | string | null;
  delta: number | null;
  threshold: string | null;
  reason: RowStatus;
}

export interface GateReport {
  verdict: Verdict;
  rows: ComparisonRow[];
  groups: string[];
  regressions: Regression[];
  params: ParamChange[];
  /** A short description of the base, for the comment ("`abc1234` (base of the pull request)"). */
  baseLabel?: string;
  headLabel?: string;
}

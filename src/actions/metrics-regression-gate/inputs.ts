import * as core from '../../core/runner.js';
import { isAbsolute, resolve } from 'node:path';
import type { MetricRule } from '../../catalog/types.js';
import { ConfigurationError } from '../../core/errors.js';
import { getBoolean, getEnum, getList, getListOrJson, getOptionalString, getString } from '../../core/inputs.js';
import { parsePullRequestNumber } from '../../github/context.js';
import { parseRulesInput } from '../../metrics/rules.js';
import type { NoiseMethod } from '../../metrics/stats.js';

export type CommentMode = 'sticky' | 'on-change' | 'off';
export type FailOn = 'regression' | 'never';

export interface GateInputs {
  /** Absolute path of the repository root (the DVC project). */
  root: string;
  /** The working directory as given, relative to the workspace, for annotations. */
  workingDirectory: string;
  catalog: string;
  /** Services to compare; 'all' for every service with metrics. */
  services: string[] | 'all';
  /** Metrics file globs; set, they take the place of the catalog. */
  files: string[];
  rules: Map<string, MetricRule>;
  baseline: string | undefined;
  token: string;
  comment: CommentMode;
  failOn: FailOn;
  failOnMissing: boolean;
  title: string;
  confidence: number;
  noiseMethod: NoiseMethod;
  params: string[];
  pullRequest: number | undefined;
}

function parseConfidence(raw: string): number {
  const text = raw.trim();
  const percent = text.endsWith('%');
  const value = Number(percent ? text.slice(0, -1) : text) / (percent ? 100 : 1);
  if (text === '' || !Number.isFinite(value) || value <= 0 || value >= 1) {
    throw new ConfigurationError(`input 'confidence' must be a number between 0 and 1 (e.g. 0.95) or a percentage (e.g. 95%), got '${raw}'`);
  }
  return value;
}

/** Reads and checks every input before anything runs. */
export function readInputs(): GateInputs {
  const workspace = process.env.GITHUB_WORKSPACE || process.cwd();
  const workingDirectory = getString('working-directory', '.');
  if (isAbsolute(workingDirectory)) {
    throw new ConfigurationError(`input 'working-directory' must be relative to the workspace, got '${workingDirectory}'`);
  }
  const rawServices = core.getInput('services').trim();
  const files = getList('files');
  if (rawServices !== '' && files.length > 0) {
    throw new ConfigurationError(
      "inputs 'services' and 'files' cannot be used together: 'services' picks services of the catalog, 'files' replaces the catalog; set only one of them",
    );
  }
  const token = core.getInput('token');
  const comment = getEnum<CommentMode>('comment', ['sticky', 'on-change', 'off'], 'sticky');
  if (comment !== 'off' && token.trim() === '') {
    throw new ConfigurationError("input 'token' is empty; pass a token that may write pull-request comments, or set 'comment: off'");
  }
  const title = getString('title', 'Metrics');
  if (/[\r\n]/.test(title)) throw new ConfigurationError("input 'title' must be a single line");
  const pullRequest = getOptionalString('pull-request');
  return {
    root: resolve(workspace, workingDirectory),
    workingDirectory,
    catalog: getString('catalog', '.github/services.yml'),
    services: rawServices === '' ? 'all' : getListOrJson('services'),
    files,
    rules: parseRulesInput(core.getInput('rules')),
    baseline: getOptionalString('baseline'),
    token,
    comment,
    failOn: getEnum<FailOn>('fail-on', ['regression', 'never'], 'regression'),
    failOnMissing: getBoolean('fail-on-missing', true),
    title,
    confidence: parseConfidence(getString('confidence', '0.95')),
    noiseMethod: getEnum<NoiseMethod>('noise-method', ['welch', 'bootstrap'], 'welch'),
    params: getList('params'),
    pullRequest: pullRequest === undefined ? undefined : parsePullRequestNumber(pullRequest, "input 'pull-request'"),
  };
}

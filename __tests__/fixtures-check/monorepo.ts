import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import { parse, stringify } from 'yaml';
import { FIXTURES } from '../harness/paths.js';

/** Helpers for checking the example Aura monorepo that the action tests run on. */

export const MONOREPO = join(FIXTURES, 'aura-monorepo');

export interface Stage {
  cmd: string;
  deps?: string[];
  params?: (string | Record<string, string[]>)[];
  outs?: string[];
  metrics?: (string | Record<string, { cache?: boolean }>)[];
}

export interface ServiceFacts {
  /** Folder under services/. */
  dir: string;
  /** Name used for the image, the Deployment (with `-service`) and the container. */
  name: string;
  stages: [dataStage: string, trainStage: string];
  metricsFile: string;
  /** The seed's metric names, as flattened keys (`section.name` where the file nests them). */
  metrics: string[];
  libs: string[];
}

export const SERVICES: ServiceFacts[] = [
  {
    dir: 'visual_analysis',
    name: 'visual-analysis',
    stages: ['visual_data_prep', 'visual_train'],
    metricsFile: 'metrics/visual_analysis.json',
    metrics: ['mAP@0.5', 'mAP@0.75', 'precision', 'recall', 'style_accuracy', 'color_detection', 'trend_score', 'inference_time', 'memory_usage'],
    libs: ['ml_common'],
  },
  {
    dir: 'outfit_recommendation',
    name: 'outfit-recommendation',
    stages: ['outfit_data_prep', 'outfit_train'],
    metricsFile: 'metrics/outfit_recommendation.json',
    metrics: ['ndcg_at_5', 'hit_rate_at_10', 'diversity_score', 'style_consistency', 'color_harmony'],
    libs: ['ml_common', 'fashion_taxonomy'],
  },
  {
    dir: 'conversational_ai',
    name: 'conversational-ai',
    stages: ['conversational_data_prep', 'conversational_train'],
    metricsFile: 'metrics/conversational_ai.json',
    metrics: [
      'generation.perplexity',
      'generation.bleu_score',
      'generation.rouge_l',
      'generation.response_time_ms',
      'rag.retrieval_precision',
      'rag.context_relevance',
      'rag.answer_relevance',
    ],
    libs: ['fashion_taxonomy'],
  },
];

/** A copy of the fixture in a temporary folder, without anything a previous run left behind. */
export function copyFixture(prefix = 'aura-monorepo-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  cpSync(MONOREPO, dir, {
    recursive: true,
    filter: (source) => {
      const rel = relative(MONOREPO, source).split(sep).join('/');
      return !/(^|\/)__pycache__(\/|$)|\.pyc$|^(models|data\/processed|\.pytest_cache)(\/|$)|^dvc\.lock$/.test(rel);
    },
  });
  return dir;
}

export function readStages(dir: string): Record<string, Stage> {
  return (parse(readFileSync(join(dir, 'dvc.yaml'), 'utf8')) as { stages: Record<string, Stage> }).stages;
}

export function readParams(dir: string): Record<string, unknown> {
  return parse(readFileSync(join(dir, 'params.yaml'), 'utf8')) as Record<string, unknown>;
}

export function writeParams(dir: string, params: Record<string, unknown>): void {
  writeFileSync(join(dir, 'params.yaml'), stringify(params));
}

export function lookup(params: Record<string, unknown>, key: string): unknown {
  let node: unknown = params;
  for (const part of key.split('.')) {
    if (node === null || typeof node !== 'object' || !(part in node)) throw new Error(`params.yaml has no ${key}`);
    node = (node as Record<string, unknown>)[part];
  }
  return node;
}

export function setParam(params: Record<string, unknown>, key: string, value: unknown): void {
  const parts = key.split('.');
  let node = params;
  for (const part of parts.slice(0, -1)) node = node[part] as Record<string, unknown>;
  node[parts.at(-1)!] = value;
}

/** Every leaf of a nested mapping as `a.b.c` (lists are leaves, as DVC treats them). */
export function leafKeys(value: unknown, prefix = ''): string[] {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return [prefix];
  return Object.entries(value as Record<string, unknown>).flatMap(([key, child]) =>
    leafKeys(child, prefix ? `${prefix}.${key}` : key),
  );
}

export function interpolatedKeys(cmd: string): string[] {
  return [...cmd.matchAll(/\$\{\s*([^}\s]+)\s*\}/g)].map((match) => match[1]!);
}

/** The params.yaml keys a stage depends on: listed under `params:` or interpolated in its cmd. */
export function stageParamKeys(stage: Stage): string[] {
  const listed = (stage.params ?? []).flatMap((entry) => (typeof entry === 'string' ? [entry] : []));
  return [...listed, ...interpolatedKeys(stage.cmd)];
}

export function dependsOn(stage: Stage, leaf: string): boolean {
  return stageParamKeys(stage).some((key) => leaf === key || leaf.startsWith(`${key}.`));
}

export function outputsOf(stage: Stage): string[] {
  const metrics = (stage.metrics ?? []).map((entry) => (typeof entry === 'string' ? entry : Object.keys(entry)[0]!));
  return [...(stage.outs ?? []), ...metrics];
}

/**
 * The stage's cmd as DVC would run it — `${...}` filled in from params.yaml, which this reads
 * with the `yaml` package, independently of the scripts' own reader — on the given Python,
 * isolated from site-packages (-I -S), so only the standard library is importable.
 */
export function stageArgv(dir: string, stage: Stage, python: string): string[] {
  const params = readParams(dir);
  const rendered = stage.cmd.replace(/\$\{\s*([^}\s]+)\s*\}/g, (_, key: string) => String(lookup(params, key)));
  const [program, ...args] = rendered.trim().split(/\s+/);
  if (program !== 'python') throw new Error(`stage cmd does not start with python: ${stage.cmd}`);
  return [python, '-I', '-S', '-B', ...args];
}

export function runStage(dir: string, name: string, python: string): string {
  const stage = readStages(dir)[name];
  if (!stage) throw new Error(`dvc.yaml has no stage ${name}`);
  // As DVC does before running a stage: its outputs are removed first.
  for (const out of outputsOf(stage)) rmSync(join(dir, out), { recursive: true, force: true });
  const [program, ...args] = stageArgv(dir, stage, python);
  const result = spawnSync(program!, args, { cwd: dir, encoding: 'utf8', env: { PATH: process.env.PATH ?? '/usr/bin:/bin' } });
  if (result.status !== 0) {
    throw new Error(`stage ${name} failed (exit ${result.status}):\n${result.stdout}\n${result.stderr}`);
  }
  return result.stdout;
}

/** Path -> content of every file under the given paths (files or folders). */
export function snapshot(dir: string, paths: string[]): Map<string, string> {
  const files = new Map<string, string>();
  const visit = (path: string): void => {
    const full = join(dir, path);
    if (!existsSync(full)) return;
    if (statSync(full).isDirectory()) {
      for (const entry of readdirSync(full).sort()) visit(`${path}/${entry}`);
    } else {
      files.set(path, readFileSync(full, 'utf8'));
    }
  };
  for (const path of paths) visit(path);
  return files;
}

/** Metric names as flattened keys, in file order (nested sections joined with dots). */
export function flattenMetrics(value: unknown, prefix = ''): Map<string, number> {
  const flat = new Map<string, number>();
  for (const [key, child] of Object.entries(value as Record<string, unknown>)) {
    const name = prefix ? `${prefix}.${key}` : key;
    if (child !== null && typeof child === 'object') {
      for (const [nested, number] of flattenMetrics(child, name)) flat.set(nested, number);
    } else {
      flat.set(name, child as number);
    }
  }
  return flat;
}

import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Node as YamlNode, type Pair } from 'yaml';
import { REPO_ROOT } from '../harness/paths.js';

/** The reusable workflows consumers call, this repository's own workflows, and the starter templates. */
export const REUSABLE_WORKFLOWS = ['code-quality-test.yml', 'build-and-push.yml', 'deploy-to-gke.yml', 'ml-pipeline.yml'];
export const REPOSITORY_WORKFLOWS = ['ci.yml', 'release.yml'];
export const TEMPLATES = ['aura-ci.yml', 'aura-build.yml', 'aura-deploy.yml', 'aura-ml.yml'];

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type Mapping = Record<string, Json>;

export interface WorkflowFile {
  /** Relative to the repository root. */
  file: string;
  text: string;
  /** The parsed document as plain data. */
  data: Mapping;
  /** The 1-based line of a node, by its path of keys and indices from the document root. */
  line(path: readonly (string | number)[]): number;
}

export function workflowFiles(root = REPO_ROOT): string[] {
  const files: string[] = [];
  for (const dir of ['.github/workflows', 'action-templates']) {
    const full = join(root, dir);
    if (!existsSync(full)) continue;
    for (const name of readdirSync(full).sort()) {
      if (!/\.ya?ml$/.test(name)) continue;
      // The example service catalog lives beside the templates; it is not a workflow.
      if (dir === 'action-templates' && name === 'services.yml') continue;
      files.push(`${dir}/${name}`);
    }
  }
  return files;
}

export function loadWorkflow(file: string, root = REPO_ROOT): WorkflowFile {
  const text = readFileSync(join(root, file), 'utf8');
  return parseWorkflowText(file, text);
}

export function parseWorkflowText(file: string, text: string): WorkflowFile {
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter });
  if (document.errors.length > 0) throw new Error(`${file}: ${document.errors[0]!.message}`);
  const data = (document.toJS() ?? {}) as Mapping;
  const line = (path: readonly (string | number)[]): number => {
    let node: unknown = document.contents;
    let offset = (node as YamlNode | null)?.range?.[0] ?? 0;
    for (const key of path) {
      if (isMap(node)) {
        const pair = node.items.find((item: Pair) => isScalar(item.key) && item.key.value === key);
        if (!pair) break;
        offset = (pair.key as YamlNode).range?.[0] ?? offset;
        node = pair.value;
      } else if (isSeq(node) && typeof key === 'number') {
        const item = node.items[key] as YamlNode | undefined;
        if (!item) break;
        offset = item.range?.[0] ?? offset;
        node = item;
      } else {
        break;
      }
    }
    return lineCounter.linePos(offset).line;
  };
  return { file, text, data, line };
}

export function asMapping(value: Json | undefined): Mapping {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? value : {};
}

/** The `on:` triggers of a workflow, as a mapping (a string or list of events becomes keys with null). */
export function triggers(workflow: WorkflowFile): Mapping {
  const on = workflow.data.on ?? (workflow.data as Record<string, Json>)['true'];
  if (typeof on === 'string') return { [on]: null };
  if (Array.isArray(on)) return Object.fromEntries(on.map((event) => [String(event), null]));
  return asMapping(on);
}

export interface Job {
  id: string;
  data: Mapping;
}

export function jobs(workflow: WorkflowFile): Job[] {
  return Object.entries(asMapping(workflow.data.jobs)).map(([id, data]) => ({ id, data: asMapping(data) }));
}

export interface Step {
  job: string;
  index: number;
  data: Mapping;
}

export function steps(job: Job): Step[] {
  const list = job.data.steps;
  return Array.isArray(list) ? list.map((data, index) => ({ job: job.id, index, data: asMapping(data) })) : [];
}

/** Every `uses:` of a workflow: job-level (reusable workflow calls) and step-level (actions). */
export interface UsesSite {
  uses: string;
  job: Job;
  step?: Step;
  with: Mapping;
  line: number;
}

export function usesSites(workflow: WorkflowFile): UsesSite[] {
  const sites: UsesSite[] = [];
  for (const job of jobs(workflow)) {
    if (typeof job.data.uses === 'string') {
      sites.push({ uses: job.data.uses, job, with: asMapping(job.data.with), line: workflow.line(['jobs', job.id, 'uses']) });
    }
    for (const step of steps(job)) {
      if (typeof step.data.uses === 'string') {
        sites.push({
          uses: step.data.uses,
          job,
          step,
          with: asMapping(step.data.with),
          line: workflow.line(['jobs', job.id, 'steps', step.index, 'uses']),
        });
      }
    }
  }
  return sites;
}

/** The source line of a `uses:` as written, with its trailing comment. */
export function sourceLine(workflow: WorkflowFile, line: number): string {
  return workflow.text.split('\n')[line - 1] ?? '';
}

/**
 * Where a reference to one of the suite's own actions or workflows points in this repository:
 * `aura/actions/<path>@<ref>` (what consumers write), `$/<path>` (the workflow's own repository at
 * the running commit) and `./<path>` (the checked-out workspace, this repository's own CI).
 * Undefined for a third-party reference.
 */
export function suitePath(uses: string): string | undefined {
  if (uses.startsWith('$/')) return uses.slice(2).replace(/^\.\//, '').replace(/\/+$/, '');
  if (uses.startsWith('./')) return uses.slice(2).replace(/\/+$/, '');
  const match = /^aura\/actions(?:\/([^@]*))?@.+$/.exec(uses);
  return match ? (match[1] ?? '').replace(/\/+$/, '') : undefined;
}

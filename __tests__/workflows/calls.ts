import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { REPO_ROOT } from '../harness/paths.js';
import { resolveUses } from '../harness/uses.js';
import {
  asMapping,
  jobs,
  loadWorkflow,
  steps,
  suitePath,
  triggers,
  usesSites,
  type Job,
  type Json,
  type Mapping,
  type WorkflowFile,
} from './workflows.js';

/** What a reusable workflow or an action declares, as a caller sees it. */
interface Interface {
  kind: 'workflow' | 'action';
  inputs: Map<string, { required: boolean; type?: string }>;
  secrets: Map<string, { required: boolean }>;
  outputs: Set<string>;
}

function isExpression(value: Json | undefined): boolean {
  return typeof value === 'string' && value.includes('${{');
}

function workflowInterface(path: string, root: string): Interface {
  const callee = loadWorkflow(path, root);
  const call = asMapping(triggers(callee).workflow_call);
  const inputs = new Map<string, { required: boolean; type?: string }>();
  for (const [name, spec] of Object.entries(asMapping(call.inputs))) {
    const s = asMapping(spec);
    inputs.set(name, { required: s.required === true && s.default === undefined, type: typeof s.type === 'string' ? s.type : undefined });
  }
  const secrets = new Map<string, { required: boolean }>();
  for (const [name, spec] of Object.entries(asMapping(call.secrets))) secrets.set(name, { required: asMapping(spec).required === true });
  return { kind: 'workflow', inputs, secrets, outputs: new Set(Object.keys(asMapping(call.outputs))) };
}

function actionInterface(path: string, root: string): Interface {
  const file = ['action.yml', 'action.yaml'].map((name) => join(root, path, name)).find((f) => existsSync(f))!;
  const metadata = asMapping(parse(readFileSync(file, 'utf8')) as Json);
  const inputs = new Map<string, { required: boolean }>();
  for (const [name, spec] of Object.entries(asMapping(metadata.inputs))) {
    const s = asMapping(spec);
    inputs.set(name, { required: s.required === true && s.default === undefined });
  }
  return { kind: 'action', inputs, secrets: new Map(), outputs: new Set(Object.keys(asMapping(metadata.outputs))) };
}

/** The callee of a reference to the suite, or why it does not resolve. */
export function suiteInterface(uses: string, root = REPO_ROOT): Interface | string {
  const path = suitePath(uses);
  if (path === undefined) return 'not a reference to the suite';
  const why = resolveUses(uses.startsWith('$/') ? `./${path}` : uses, root);
  if (why) return why;
  return /\.ya?ml$/.test(path) ? workflowInterface(path, root) : actionInterface(path, root);
}

function literalType(value: Json): string {
  return typeof value === 'boolean' ? 'boolean' : typeof value === 'number' ? 'number' : 'string';
}

/** `<context>.<id>.outputs.<name>` references in a job (its outputs, conditions, with and env). */
function outputReferences(job: Job, context: 'steps' | 'needs'): { id: string; name: string }[] {
  const text = JSON.stringify(job.data);
  const pattern = new RegExp(`${context}\\.([A-Za-z_][\\w-]*)\\.outputs\\.([A-Za-z_][\\w-]*)`, 'g');
  return [...text.matchAll(pattern)].map((m) => ({ id: m[1]!, name: m[2]! }));
}

/**
 * Every problem with how a workflow calls the suite: references that do not resolve, inputs the
 * callee does not declare or that have the wrong literal type, required inputs and secrets not
 * given, secrets passed wholesale (`inherit`) or not declared, and outputs read from a step,
 * a job or a called workflow that does not declare them. Each as `file:line message`.
 */
export function checkCalls(workflow: WorkflowFile, root = REPO_ROOT): string[] {
  const problems: string[] = [];
  const at = (line: number, message: string) => problems.push(`${workflow.file}:${line} ${message}`);
  const allJobs = new Map(jobs(workflow).map((job) => [job.id, job]));
  const calledWorkflows = new Map<string, Interface>();

  for (const site of usesSites(workflow)) {
    if (suitePath(site.uses) === undefined) continue;
    const callee = suiteInterface(site.uses, root);
    if (typeof callee === 'string') {
      at(site.line, `${site.uses}: ${callee}`);
      continue;
    }
    if (site.step && callee.kind === 'workflow') at(site.line, `${site.uses} is a workflow, called from a step`);
    if (!site.step && callee.kind === 'action') at(site.line, `${site.uses} is an action, called as a job`);
    for (const [name, value] of Object.entries(site.with)) {
      const input = callee.inputs.get(name);
      if (!input) {
        at(site.line, `${site.uses} has no input '${name}' (it has: ${[...callee.inputs.keys()].join(', ')})`);
      } else if (input.type && !isExpression(value) && literalType(value) !== input.type) {
        at(site.line, `${site.uses} input '${name}' is a ${input.type}, given the ${literalType(value)} ${JSON.stringify(value)}`);
      }
    }
    for (const [name, input] of callee.inputs) {
      if (input.required && !(name in site.with)) at(site.line, `${site.uses} needs the input '${name}'`);
    }
    if (callee.kind === 'workflow') {
      calledWorkflows.set(site.job.id, callee);
      const given = site.job.data.secrets;
      if (given === 'inherit') {
        at(site.line, `${site.uses}: pass the secrets it declares one by one, not 'secrets: inherit'`);
      } else {
        const passed = asMapping(given);
        for (const name of Object.keys(passed)) {
          if (!callee.secrets.has(name)) at(site.line, `${site.uses} declares no secret '${name}'`);
        }
        for (const [name, secret] of callee.secrets) {
          if (secret.required && !(name in passed)) at(site.line, `${site.uses} requires the secret '${name}'`);
        }
      }
    }
  }

  for (const job of allJobs.values()) {
    const stepIds = new Map<string, Mapping>();
    for (const step of steps(job)) if (typeof step.data.id === 'string') stepIds.set(step.data.id, step.data);
    const line = workflow.line(['jobs', job.id]);
    for (const { id, name } of outputReferences(job, 'steps')) {
      const step = stepIds.get(id);
      if (!step) {
        at(line, `job ${job.id} reads steps.${id}.outputs.${name}, but has no step '${id}'`);
        continue;
      }
      if (typeof step.uses === 'string' && suitePath(step.uses) !== undefined) {
        const callee = suiteInterface(step.uses, root);
        if (typeof callee !== 'string' && !callee.outputs.has(name)) {
          at(line, `job ${job.id} reads output '${name}' of ${step.uses}, which has: ${[...callee.outputs].join(', ')}`);
        }
      }
    }
    for (const { id, name } of outputReferences(job, 'needs')) {
      const needed = allJobs.get(id);
      if (!needed) {
        at(line, `job ${job.id} reads needs.${id}.outputs.${name}, but there is no job '${id}'`);
        continue;
      }
      const called = calledWorkflows.get(id);
      const declared = called ? called.outputs : new Set(Object.keys(asMapping(needed.data.outputs)));
      if (!declared.has(name)) at(line, `job ${job.id} reads output '${name}' of job ${id}, which has: ${[...declared].join(', ')}`);
    }
  }

  // A reusable workflow's outputs come from its jobs' outputs.
  const call = asMapping(triggers(workflow).workflow_call);
  for (const [name, spec] of Object.entries(asMapping(call.outputs))) {
    const value = String(asMapping(spec).value ?? '');
    const match = /jobs\.([\w-]+)\.outputs\.([\w-]+)/.exec(value);
    const job = match ? allJobs.get(match[1]!) : undefined;
    if (!match || !job || !(match[2]! in asMapping(job.data.outputs))) {
      at(workflow.line(['on', 'workflow_call', 'outputs', name]), `output '${name}' (${value}) is not an output of one of its jobs`);
    }
  }
  return problems;
}

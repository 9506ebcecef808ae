import { suiteInterface } from './calls.js';
import { asMapping, jobs, loadWorkflow, steps, suitePath, triggers, type Job, type Json, type WorkflowFile } from './workflows.js';
import { REPO_ROOT } from '../harness/paths.js';

/**
 * Values GitHub itself sets that nobody outside the repository's writers can shape. Anything
 * else in a `run:` script (event payloads, branch names, inputs, matrix values, step and job
 * outputs, env, vars, secrets) is passed through `env:` instead, so that it reaches the shell
 * as data, never as code.
 */
const TRUSTED_IN_RUN = new Set([
  'runner.os',
  'runner.arch',
  'runner.temp',
  'runner.tool_cache',
  'github.workspace',
  'github.run_id',
  'github.run_number',
  'github.run_attempt',
  'github.sha',
  'github.repository',
  'github.repository_owner',
  'github.server_url',
  'github.api_url',
  'github.job',
  'github.event_name',
  'github.action_path',
  'job.status',
]);

const CONTEXTS = ['github', 'inputs', 'matrix', 'steps', 'needs', 'env', 'vars', 'secrets', 'job', 'jobs', 'runner', 'strategy'];
const CONTEXT_PATH = new RegExp(`\\b(?:${CONTEXTS.join('|')})(?:\\.[A-Za-z_*][\\w-]*|\\[[^\\]]*\\])*`, 'g');

/** The context values a script interpolates with `${{ }}` that are not in the trusted list. */
export function untrustedInScript(script: string): string[] {
  const found: string[] = [];
  for (const match of script.matchAll(/\$\{\{([\s\S]*?)\}\}/g)) {
    const expression = match[1]!.replace(/'[^']*'/g, "''");
    for (const path of expression.match(CONTEXT_PATH) ?? []) {
      if (!TRUSTED_IN_RUN.has(path)) found.push(path);
    }
  }
  return found;
}

/** `file:line job/step uses <context>` for every untrusted expression inside a run: script. */
export function runInjections(workflow: WorkflowFile): string[] {
  const problems: string[] = [];
  for (const job of jobs(workflow)) {
    for (const step of steps(job)) {
      if (typeof step.data.run !== 'string') continue;
      for (const path of untrustedInScript(step.data.run)) {
        problems.push(`${workflow.file}:${workflow.line(['jobs', job.id, 'steps', step.index, 'run'])} ${job.id} interpolates ${path} in run:`);
      }
    }
  }
  return problems;
}

const CHECKOUT = /^actions\/checkout@/;

/**
 * Checkouts that put code of a pull request (or of the run that triggered a workflow_run) into a
 * workflow that runs with the base repository's privileges (pull_request_target, workflow_run).
 */
export function privilegedCheckouts(workflow: WorkflowFile): string[] {
  const on = triggers(workflow);
  if (!('pull_request_target' in on) && !('workflow_run' in on)) return [];
  const problems: string[] = [];
  for (const job of jobs(workflow)) {
    for (const step of steps(job)) {
      if (typeof step.data.uses !== 'string' || !CHECKOUT.test(step.data.uses)) continue;
      const withText = JSON.stringify(step.data.with ?? {});
      if (/pull_request\.head|head_ref|workflow_run\.head|merge_commit_sha|refs\/pull\//.test(withText)) {
        problems.push(`${workflow.file}:${workflow.line(['jobs', job.id, 'steps', step.index])} ${job.id} checks out untrusted code: ${withText}`);
      }
    }
  }
  return problems;
}

export type Permissions = Record<string, string>;

function permissionsOf(value: Json | undefined): Permissions | undefined {
  if (value === undefined) return undefined;
  if (value === 'read-all' || value === 'write-all') return { '*': value.replace('-all', '') };
  return Object.fromEntries(Object.entries(asMapping(value)).map(([scope, level]) => [scope, String(level)]));
}

/** What a job's steps need, scope by scope: contents: read to check out, and each write by its use. */
function neededByJob(job: Job): Permissions {
  const needed: Permissions = {};
  for (const step of steps(job)) {
    const uses = typeof step.data.uses === 'string' ? step.data.uses : '';
    if (CHECKOUT.test(uses)) needed.contents = 'read';
    if (uses.startsWith('google-github-actions/auth@')) needed['id-token'] = 'write';
    if (uses.startsWith('github/codeql-action/upload-sarif@')) {
      needed['security-events'] = 'write';
      needed.actions = 'read';
    }
    // The gate writes its sticky comment unless told not to.
    if (suitePath(uses) === 'metrics-regression-gate' && asMapping(step.data.with).comment !== 'off') {
      needed['pull-requests'] = 'write';
    }
    if (uses.startsWith('actions/download-artifact@') && asMapping(step.data.with)['run-id'] !== undefined) needed.actions = 'read';
    if (typeof step.data.run === 'string' && /\bgh api --method (PATCH|POST) "repos\/\$REPOSITORY\/git\/refs/.test(step.data.run)) {
      needed.contents = 'write';
    }
  }
  return needed;
}

const RANK: Record<string, number> = { none: 0, read: 1, write: 2 };

function union(a: Permissions, b: Permissions): Permissions {
  const result = { ...a };
  for (const [scope, level] of Object.entries(b)) {
    if ((RANK[level] ?? 0) > (RANK[result[scope] ?? 'none'] ?? 0)) result[scope] = level;
  }
  return result;
}

/** The permissions a reusable workflow's jobs ask for, together: what its caller must grant. */
export function calleeNeeds(uses: string): Permissions {
  const callee = suiteInterface(uses);
  if (typeof callee === 'string' || callee.kind !== 'workflow') return {};
  const path = suitePath(uses)!;
  const workflow = loadWorkflow(path, REPO_ROOT);
  return jobs(workflow).reduce<Permissions>((all, job) => union(all, permissionsOf(job.data.permissions) ?? {}), {});
}

/**
 * Least privilege: the workflow grants nothing by default (`permissions: {}`), and each job
 * asks for exactly what its steps use: contents: read to check out, id-token: write only with
 * google-github-actions/auth (Workload Identity Federation), pull-requests: write only for the
 * metrics gate, security-events: write only for the SARIF upload, contents: write only to move a
 * tag. A job that calls a reusable workflow grants exactly what the called jobs ask for.
 */
export function permissionProblems(workflow: WorkflowFile): string[] {
  const problems: string[] = [];
  const top = permissionsOf(workflow.data.permissions);
  if (!top || Object.keys(top).length > 0) {
    problems.push(`${workflow.file}: the workflow's permissions must be {} (each job asks for its own), found ${JSON.stringify(top ?? 'the default token permissions')}`);
  }
  for (const job of jobs(workflow)) {
    const granted = permissionsOf(job.data.permissions);
    const where = `${workflow.file}:${workflow.line(['jobs', job.id])} job ${job.id}`;
    if (!granted) {
      problems.push(`${where} has no permissions:`);
      continue;
    }
    const needed = typeof job.data.uses === 'string' ? calleeNeeds(job.data.uses) : neededByJob(job);
    const normalise = (p: Permissions) => JSON.stringify(Object.entries(p).filter(([, l]) => l !== 'none').sort());
    if (normalise(granted) !== normalise(needed)) {
      problems.push(`${where} grants ${JSON.stringify(granted)}, its steps need ${JSON.stringify(needed)}`);
    }
  }
  return problems;
}

/** Checkouts that leave the token in .git/config for the rest of the job. */
export function persistedCredentials(workflow: WorkflowFile): string[] {
  const problems: string[] = [];
  for (const job of jobs(workflow)) {
    for (const step of steps(job)) {
      if (typeof step.data.uses !== 'string' || !CHECKOUT.test(step.data.uses)) continue;
      if (asMapping(step.data.with)['persist-credentials'] !== false) {
        problems.push(`${workflow.file}:${workflow.line(['jobs', job.id, 'steps', step.index])} ${job.id}: set persist-credentials: false`);
      }
    }
  }
  return problems;
}

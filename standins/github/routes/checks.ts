import { ApiError, DOCS, errorBody, invalidRequest, missingField, notFound, validationFailed } from '../errors.js';
import {
  characterCount,
  enumField,
  intParam,
  objectBody,
  paginate,
  requiredString,
  stringField,
  type Route,
  type RouteContext,
} from '../routing.js';
import type { CheckRun, Json } from '../state.js';

/** GitHub's limit on output.summary and output.text. */
export const CHECK_OUTPUT_LIMIT = 65535;

const PERMISSIONS = 'checks=write';
const STATUSES = ['queued', 'in_progress', 'completed'] as const;
const CONCLUSIONS = [
  'action_required',
  'cancelled',
  'failure',
  'neutral',
  'success',
  'skipped',
  'stale',
  'timed_out',
] as const;

/**
 * GitHub checks output texts twice: its request schema counts characters ("Only 65535
 * characters are allowed; N were supplied."), then the model counts bytes ("summary
 * exceeds a maximum bytesize of 65535"), which multi-byte text can hit below 65535 characters.
 */
function checkOutputLength(field: 'summary' | 'text', value: string, docs: string): void {
  const characters = characterCount(value);
  if (characters > CHECK_OUTPUT_LIMIT) {
    throw invalidRequest(`Only ${CHECK_OUTPUT_LIMIT} characters are allowed; ${characters} were supplied.`, docs);
  }
  if (Buffer.byteLength(value, 'utf8') > CHECK_OUTPUT_LIMIT) {
    throw validationFailed(
      [
        {
          resource: 'CheckRun',
          code: 'custom',
          field,
          message: `${field} exceeds a maximum bytesize of ${CHECK_OUTPUT_LIMIT}`,
        },
      ],
      docs,
    );
  }
}

function requireApp(ctx: RouteContext, docs: string): void {
  if (ctx.identity?.type === 'User') {
    throw new ApiError(403, errorBody(403, 'You must authenticate via a GitHub App.', docs));
  }
}

/** Reads the fields a create or update may set; `creating` makes name and head_sha required. */
function readFields(ctx: RouteContext, docs: string, existing: CheckRun | undefined): Json {
  const body = objectBody(ctx, docs);
  const fields: Json = {};
  if (!existing) {
    fields['name'] = requiredString(body, 'name', docs);
    fields['head_sha'] = requiredString(body, 'head_sha', docs);
  } else {
    const name = stringField(body, 'name', docs);
    if (name !== undefined) fields['name'] = name;
  }
  for (const key of ['details_url', 'external_id', 'started_at', 'completed_at'] as const) {
    const value = stringField(body, key, docs);
    if (value !== undefined) fields[key] = value;
  }
  const status = enumField(body, 'status', STATUSES, docs);
  const conclusion = enumField(body, 'conclusion', CONCLUSIONS, docs);
  if (status !== undefined) fields['status'] = status;
  if (conclusion !== undefined) {
    fields['conclusion'] = conclusion;
    fields['status'] = 'completed';
  }
  const completing = fields['status'] === 'completed' || fields['completed_at'] !== undefined;
  if (completing && conclusion === undefined && !existing?.conclusion) throw missingField('conclusion', docs);
  if (fields['status'] === 'completed' && fields['completed_at'] === undefined && !existing?.completed_at) {
    fields['completed_at'] = ctx.state.timestamp();
  }

  const output = body['output'];
  if (output !== undefined) {
    if (output === null || typeof output !== 'object' || Array.isArray(output)) {
      throw invalidRequest(`For 'properties/output', ${JSON.stringify(output)} is not an object.`, docs);
    }
    const out = output as Record<string, unknown>;
    const title = stringField(out, 'title', docs);
    const summary = stringField(out, 'summary', docs);
    const text = stringField(out, 'text', docs);
    if (!existing && title === undefined) throw missingField('title', docs);
    if (summary === undefined) throw missingField('summary', docs);
    checkOutputLength('summary', summary, docs);
    if (text !== undefined) checkOutputLength('text', text, docs);
    const annotations = Array.isArray(out['annotations']) ? out['annotations'].length : 0;
    if (annotations > 50) {
      throw validationFailed(
        [{ resource: 'CheckRun', code: 'custom', field: 'annotations', message: 'at most 50 annotations per request' }],
        docs,
      );
    }
    const previous = existing?.output;
    fields['output'] = {
      title: title ?? previous?.title ?? null,
      summary,
      text: text ?? previous?.text ?? null,
      annotations_count: (previous?.annotations_count ?? 0) + annotations,
      annotations_url: previous?.annotations_url ?? '',
    };
  }
  return fields;
}

function findRun(ctx: RouteContext, docs: string): CheckRun {
  const id = intParam(ctx, 'check_run_id', () => notFound(docs));
  const run = ctx.repo.checkRuns.find((r) => r.id === id);
  if (!run) throw notFound(docs);
  return run;
}

export const checkRoutes: Route[] = [
  {
    method: 'POST',
    pattern: '/repos/:owner/:repo/check-runs',
    docs: DOCS.createCheckRun,
    write: { permissions: PERMISSIONS },
    handler: (ctx) => {
      requireApp(ctx, DOCS.createCheckRun);
      const fields = readFields(ctx, DOCS.createCheckRun, undefined);
      const run = ctx.state.createCheckRun(ctx.repo.fullName, fields, ctx.identity!);
      if (fields['output']) {
        (run.output as Json)['annotations_url'] = `${run['url'] as string}/annotations`;
      }
      return { status: 201, body: run, headers: { location: run['url'] as string } };
    },
  },
  {
    method: 'GET',
    pattern: '/repos/:owner/:repo/check-runs/:check_run_id',
    docs: DOCS.getCheckRun,
    handler: (ctx) => ({ status: 200, body: findRun(ctx, DOCS.getCheckRun) }),
  },
  {
    method: 'PATCH',
    pattern: '/repos/:owner/:repo/check-runs/:check_run_id',
    docs: DOCS.updateCheckRun,
    write: { permissions: PERMISSIONS },
    handler: (ctx) => {
      requireApp(ctx, DOCS.updateCheckRun);
      const run = findRun(ctx, DOCS.updateCheckRun);
      Object.assign(run, readFields(ctx, DOCS.updateCheckRun, run));
      return { status: 200, body: run };
    },
  },
  {
    method: 'GET',
    pattern: '/repos/:owner/:repo/commits/:ref/check-runs',
    docs: DOCS.listCheckRunsForRef,
    handler: (ctx) => {
      const ref = ctx.params['ref'] ?? '';
      const sha = ctx.repo.resolveRef(ref) ?? ref;
      const name = ctx.query.get('check_name');
      const runs = ctx.repo.checkRuns
        .filter((run) => run.head_sha === sha && (name === null || run.name === name))
        .slice()
        .reverse();
      const { page, headers } = paginate(ctx, runs);
      return { status: 200, body: { total_count: runs.length, check_runs: page }, headers };
    },
  },
];

import { ApiError, DOCS, errorBody, missingField, notFound, validationFailed } from '../errors.js';
import {
  booleanField,
  enumField,
  intParam,
  objectBody,
  paginate,
  requiredString,
  stringField,
  type Route,
  type RouteContext,
} from '../routing.js';
import type { Deployment, DeploymentState } from '../state.js';

const PERMISSIONS = 'deployments=write';

export const DEPLOYMENT_STATES: readonly DeploymentState[] = [
  'error',
  'failure',
  'inactive',
  'in_progress',
  'queued',
  'pending',
  'success',
];

function findDeployment(ctx: RouteContext, docs: string): Deployment {
  const id = intParam(ctx, 'deployment_id', () => notFound(docs));
  const deployment = ctx.repo.deployments.find((d) => d.id === id);
  if (!deployment) throw notFound(docs);
  return deployment;
}

/**
 * GitHub refuses a deployment whose commit statuses are not all `success`: every context
 * on the commit when `required_contexts` is omitted, the listed ones when it is given
 * (a listed context with no status fails too), none when it is an empty list.
 */
function checkRequiredContexts(ctx: RouteContext, ref: string, sha: string, required: string[] | undefined): void {
  const statuses = ctx.repo.commitStatuses.get(sha) ?? [];
  const latest = new Map<string, string>();
  for (const status of statuses) latest.set(status.context, status.state);
  const contexts = required ?? [...latest.keys()];
  const failing = contexts.filter((context) => latest.get(context) !== 'success');
  if (failing.length === 0) return;
  throw new ApiError(
    409,
    errorBody(409, `Conflict: Commit status checks failed for ${ref}.`, DOCS.createDeployment, [
      {
        contexts: contexts.map((context) => ({ context, state: latest.get(context) ?? 'missing' })),
        resource: 'Deployment',
        field: 'required_contexts',
        code: 'invalid',
      },
    ]),
  );
}

function createDeployment(ctx: RouteContext): ReturnType<Route['handler']> {
  const docs = DOCS.createDeployment;
  const body = objectBody(ctx, docs);
  const ref = requiredString(body, 'ref', docs);
  const task = stringField(body, 'task', docs) ?? 'deploy';
  const environment = stringField(body, 'environment', docs) ?? 'production';
  const description = body['description'] === null ? null : stringField(body, 'description', docs) ?? '';
  const transient = booleanField(body, 'transient_environment', docs) ?? false;
  const production = booleanField(body, 'production_environment', docs) ?? environment === 'production';
  booleanField(body, 'auto_merge', docs);
  const required = body['required_contexts'];
  if (required !== undefined && (!Array.isArray(required) || required.some((c) => typeof c !== 'string'))) {
    throw validationFailed(
      [{ resource: 'Deployment', code: 'invalid', field: 'required_contexts' }],
      docs,
    );
  }
  const payload = body['payload'] ?? {};
  if (typeof payload !== 'string' && (typeof payload !== 'object' || Array.isArray(payload))) {
    throw validationFailed([{ resource: 'Deployment', code: 'invalid', field: 'payload' }], docs);
  }
  const sha = ctx.repo.resolveRef(ref);
  if (!sha) throw new ApiError(422, errorBody(422, `No ref found for: ${ref}`, docs));
  checkRequiredContexts(ctx, ref, sha, required as string[] | undefined);
  const deployment = ctx.state.createDeployment(
    ctx.repo.fullName,
    { sha, ref, task, payload, environment, description, transient, production },
    ctx.identity!,
  );
  return { status: 201, body: deployment, headers: { location: deployment.url } };
}

function createStatus(ctx: RouteContext): ReturnType<Route['handler']> {
  const docs = DOCS.createDeploymentStatus;
  const deployment = findDeployment(ctx, docs);
  const body = objectBody(ctx, docs);
  if (body['state'] === undefined) throw missingField('state', docs);
  const state = enumField(body, 'state', DEPLOYMENT_STATES, docs)!;
  const description = stringField(body, 'description', docs) ?? '';
  if (description.length > 140) {
    throw validationFailed(
      [
        {
          resource: 'DeploymentStatus',
          code: 'custom',
          field: 'description',
          message: 'description is too long (maximum is 140 characters)',
        },
      ],
      docs,
    );
  }
  const previous = ctx.state.deploymentStatuses(ctx.repo.fullName, deployment.id).at(-1);
  const environment = stringField(body, 'environment', docs) ?? previous?.environment ?? deployment.environment;
  const logUrl = stringField(body, 'log_url', docs) ?? stringField(body, 'target_url', docs) ?? '';
  const environmentUrl = stringField(body, 'environment_url', docs) ?? '';
  const autoInactive = booleanField(body, 'auto_inactive', docs) ?? true;

  const status = ctx.state.addDeploymentStatus(
    ctx.repo.fullName,
    deployment,
    { state, description, environment, logUrl, environmentUrl },
    ctx.identity!,
  );
  if (state === 'success' && autoInactive) {
    // A new success retires the earlier successful, non-transient deployments of the environment.
    for (const earlier of ctx.repo.deployments) {
      if (earlier.id >= deployment.id || earlier.environment !== environment || earlier.transient_environment) continue;
      if (ctx.state.latestDeploymentState(ctx.repo.fullName, earlier.id) !== 'success') continue;
      ctx.state.addDeploymentStatus(
        ctx.repo.fullName,
        earlier,
        { state: 'inactive', description: '', environment, logUrl: '', environmentUrl: '' },
        ctx.identity!,
      );
    }
  }
  return { status: 201, body: status, headers: { location: status.url } };
}

export const deploymentRoutes: Route[] = [
  {
    method: 'GET',
    pattern: '/repos/:owner/:repo/deployments',
    docs: DOCS.listDeployments,
    handler: (ctx) => {
      const filters = ['sha', 'ref', 'task', 'environment'] as const;
      const list = ctx.repo.deployments
        .filter((d) => filters.every((name) => {
          const wanted = ctx.query.get(name);
          return wanted === null || wanted === '' || d[name] === wanted;
        }))
        .slice()
        .reverse();
      const { page, headers } = paginate(ctx, list);
      return { status: 200, body: page, headers };
    },
  },
  {
    method: 'POST',
    pattern: '/repos/:owner/:repo/deployments',
    docs: DOCS.createDeployment,
    write: { permissions: PERMISSIONS },
    handler: createDeployment,
  },
  {
    method: 'GET',
    pattern: '/repos/:owner/:repo/deployments/:deployment_id',
    docs: DOCS.getDeployment,
    handler: (ctx) => ({ status: 200, body: findDeployment(ctx, DOCS.getDeployment) }),
  },
  {
    method: 'DELETE',
    pattern: '/repos/:owner/:repo/deployments/:deployment_id',
    docs: DOCS.deleteDeployment,
    write: { permissions: PERMISSIONS },
    handler: (ctx) => {
      const deployment = findDeployment(ctx, DOCS.deleteDeployment);
      const deployments = ctx.repo.deployments;
      const active = ctx.state.latestDeploymentState(ctx.repo.fullName, deployment.id) === 'success';
      const othersInEnvironment = deployments.some((d) => d !== deployment && d.environment === deployment.environment);
      if (active && othersInEnvironment) {
        throw new ApiError(
          422,
          errorBody(
            422,
            'We cannot delete an active deployment unless it is the only deployment in a given environment.',
            DOCS.deleteDeployment,
          ),
        );
      }
      deployments.splice(deployments.indexOf(deployment), 1);
      ctx.repo.deploymentStatuses.delete(deployment.id);
      return { status: 204 };
    },
  },
  {
    method: 'GET',
    pattern: '/repos/:owner/:repo/deployments/:deployment_id/statuses',
    docs: DOCS.listDeploymentStatuses,
    handler: (ctx) => {
      const deployment = findDeployment(ctx, DOCS.listDeploymentStatuses);
      const newestFirst = [...ctx.state.deploymentStatuses(ctx.repo.fullName, deployment.id)].reverse();
      const { page, headers } = paginate(ctx, newestFirst);
      return { status: 200, body: page, headers };
    },
  },
  {
    method: 'POST',
    pattern: '/repos/:owner/:repo/deployments/:deployment_id/statuses',
    docs: DOCS.createDeploymentStatus,
    write: { permissions: PERMISSIONS },
    handler: createStatus,
  },
  {
    method: 'GET',
    pattern: '/repos/:owner/:repo/deployments/:deployment_id/statuses/:status_id',
    docs: DOCS.getDeploymentStatus,
    handler: (ctx) => {
      const deployment = findDeployment(ctx, DOCS.getDeploymentStatus);
      const id = intParam(ctx, 'status_id', () => notFound(DOCS.getDeploymentStatus));
      const status = ctx.state.deploymentStatuses(ctx.repo.fullName, deployment.id).find((s) => s.id === id);
      if (!status) throw notFound(DOCS.getDeploymentStatus);
      return { status: 200, body: status };
    },
  },
];

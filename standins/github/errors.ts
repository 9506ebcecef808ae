/**
 * GitHub's error bodies. Every error answer carries `message`, `documentation_url` and,
 * as the API has done since 2023, `status` as a string. Validation errors add `errors`.
 */

export const DOCS = {
  root: 'https://docs.github.com/rest',
  getRepo: 'https://docs.github.com/rest/repos/repos#get-a-repository',
  getPull: 'https://docs.github.com/rest/pulls/pulls#get-a-pull-request',
  listPullFiles: 'https://docs.github.com/rest/pulls/pulls#list-pull-requests-files',
  getContent: 'https://docs.github.com/rest/repos/contents#get-repository-content',
  listComments: 'https://docs.github.com/rest/issues/comments#list-issue-comments',
  listRepoComments: 'https://docs.github.com/rest/issues/comments#list-issue-comments-for-a-repository',
  getComment: 'https://docs.github.com/rest/issues/comments#get-an-issue-comment',
  createComment: 'https://docs.github.com/rest/issues/comments#create-an-issue-comment',
  updateComment: 'https://docs.github.com/rest/issues/comments#update-an-issue-comment',
  deleteComment: 'https://docs.github.com/rest/issues/comments#delete-an-issue-comment',
  listDeployments: 'https://docs.github.com/rest/deployments/deployments#list-deployments',
  createDeployment: 'https://docs.github.com/rest/deployments/deployments#create-a-deployment',
  getDeployment: 'https://docs.github.com/rest/deployments/deployments#get-a-deployment',
  deleteDeployment: 'https://docs.github.com/rest/deployments/deployments#delete-a-deployment',
  listDeploymentStatuses: 'https://docs.github.com/rest/deployments/statuses#list-deployment-statuses',
  createDeploymentStatus: 'https://docs.github.com/rest/deployments/statuses#create-a-deployment-status',
  getDeploymentStatus: 'https://docs.github.com/rest/deployments/statuses#get-a-deployment-status',
  createCheckRun: 'https://docs.github.com/rest/checks/runs#create-a-check-run',
  updateCheckRun: 'https://docs.github.com/rest/checks/runs#update-a-check-run',
  getCheckRun: 'https://docs.github.com/rest/checks/runs#get-a-check-run',
  listCheckRunsForRef: 'https://docs.github.com/rest/checks/runs#list-check-runs-for-a-git-reference',
  getAuthenticatedUser: 'https://docs.github.com/rest/users/users#get-the-authenticated-user',
  rateLimit: 'https://docs.github.com/rest/rate-limit/rate-limit#get-rate-limit-status-for-the-authenticated-user',
  primaryRateLimit: 'https://docs.github.com/rest/overview/rate-limits-for-the-rest-api#about-primary-rate-limits',
  secondaryRateLimit:
    'https://docs.github.com/free-pro-team@latest/rest/overview/rate-limits-for-the-rest-api#about-secondary-rate-limits',
} as const;

export interface ValidationErrorItem {
  resource?: string;
  code: string;
  field?: string;
  message?: string;
  [key: string]: unknown;
}

/** An answer other than 2xx, thrown by a route handler and written by the server. */
export class ApiError extends Error {
  readonly status: number;
  readonly body: Record<string, unknown>;
  readonly headers: Record<string, string>;

  constructor(status: number, body: Record<string, unknown>, headers: Record<string, string> = {}) {
    super(String(body['message'] ?? status));
    this.status = status;
    this.body = body;
    this.headers = headers;
  }
}

export function errorBody(status: number, message: string, documentationUrl: string, errors?: ValidationErrorItem[]) {
  const body: Record<string, unknown> = { message };
  if (errors) body['errors'] = errors;
  body['documentation_url'] = documentationUrl;
  body['status'] = String(status);
  return body;
}

export function notFound(documentationUrl: string = DOCS.root): ApiError {
  return new ApiError(404, errorBody(404, 'Not Found', documentationUrl));
}

export function badCredentials(): ApiError {
  return new ApiError(401, errorBody(401, 'Bad credentials', DOCS.root));
}

export function requiresAuthentication(documentationUrl: string): ApiError {
  return new ApiError(401, errorBody(401, 'Requires authentication', documentationUrl));
}

/** A token whose permissions do not include the write the endpoint needs. */
export function notAccessible(tokenType: 'Bot' | 'User', documentationUrl: string, acceptedPermissions: string): ApiError {
  const message =
    tokenType === 'Bot' ? 'Resource not accessible by integration' : 'Resource not accessible by personal access token';
  return new ApiError(403, errorBody(403, message, documentationUrl), {
    'x-accepted-github-permissions': acceptedPermissions,
  });
}

/** The JSON-schema check GitHub runs before the model's own validations. */
export function invalidRequest(detail: string, documentationUrl: string): ApiError {
  return new ApiError(422, errorBody(422, `Invalid request.\n\n${detail}`, documentationUrl));
}

export function missingField(field: string, documentationUrl: string): ApiError {
  return invalidRequest(`"${field}" wasn't supplied.`, documentationUrl);
}

export function validationFailed(errors: ValidationErrorItem[], documentationUrl: string): ApiError {
  return new ApiError(422, errorBody(422, 'Validation Failed', documentationUrl, errors));
}

export function problemsParsingJson(documentationUrl: string): ApiError {
  return new ApiError(400, errorBody(400, 'Problems parsing JSON', documentationUrl));
}

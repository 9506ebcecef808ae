/**
 * A local stand-in for GitHub's REST API, for tests and the demo. It is not GitHub: it
 * answers the subset of endpoints the suite uses with GitHub's JSON shapes, headers and
 * status codes, and lets a test script failures. See README.md for what it covers.
 */
export { startGitHubStandIn } from './server.js';
export type { GitHubStandIn, GitHubStandInOptions, RecordedRequest } from './server.js';
export { Faults, Hold } from './faults.js';
export type { Fault, FaultPhase, FaultRule, RequestMatch, TimesOption } from './faults.js';
export { GitHubState, RepoState, gitBlobSha } from './state.js';
export type {
  CheckRun,
  CommitStatusSeed,
  Deployment,
  DeploymentState,
  DeploymentStatus,
  DiffStatus,
  IssueComment,
  PullFileSeed,
  PullSeed,
  RepoSeed,
  SeedAuthor,
  SimpleUser,
} from './state.js';
export { DEFAULT_TOKENS } from './accounts.js';
export type { Permission, TokenIdentity } from './accounts.js';
export { PULL_FILES_CAP } from './routes/pulls.js';
export { COMMENT_BODY_LIMIT } from './routes/comments.js';
export { CHECK_OUTPUT_LIMIT } from './routes/checks.js';

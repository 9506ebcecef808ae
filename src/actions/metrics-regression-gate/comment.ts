import * as core from '../../core/runner.js';
import { errorMessage } from '../../comments/client.js';
import { stickyMarker } from '../../comments/marker.js';
import { StickyComment, type StickyOutcome } from '../../comments/sticky.js';
import type { PullRequestRef } from '../../github/context.js';
import { addRun, readHistory, type History } from '../../metrics/history.js';
import { COMMENT_LIMIT, renderReport } from '../../metrics/render.js';
import type { GateReport } from '../../metrics/types.js';
import type { CommentMode } from './inputs.js';

export const TOOL = 'metrics-regression-gate';

export interface CommentRequest {
  mode: CommentMode;
  token: string;
  title: string;
  pullRequest: PullRequestRef | undefined;
  eventName: string;
  report: GateReport;
  /** This run's head values, for the trend. */
  values: Map<string, number>;
  headSha: string | undefined;
  summaryUrl: string | undefined;
  rulesSource: string | undefined;
}

export interface CommentResult {
  /** The body posted (or that would be posted). */
  markdown: string;
  history: History | undefined;
  url: string | undefined;
  /** Why no comment was posted, when the user should know (a notice is emitted). */
  problem: string | undefined;
}

function hasChanges(report: GateReport): boolean {
  return report.params.length > 0 || report.rows.some((row) => row.status !== 'unchanged');
}

/** The short body posted when GitHub refuses the full one: the verdict and where the report is. */
function shortBody(full: string, marker: string, summaryUrl: string | undefined): string {
  const lines = full.split('\n');
  const heading = lines.findIndex((line) => line.startsWith('## '));
  const verdict = lines.slice(heading, heading + 4).join('\n');
  const where = summaryUrl ? `[the job summary](${summaryUrl})` : 'the job summary';
  return `${marker}\n${verdict.length > 4000 ? verdict.slice(0, 4000) + '…' : verdict}\n\nThe full report is in ${where}.\n`;
}

/**
 * Posts or updates the sticky comment. Never throws for GitHub's sake: a comment that cannot be
 * posted is a notice (and a note in the summary); the gate still decides on the metrics.
 */
export async function postComment(request: CommentRequest): Promise<CommentResult> {
  const marker = stickyMarker(TOOL, request.title);
  const render = (history: History | undefined): string =>
    renderReport(request.report, {
      title: request.title,
      marker,
      summaryUrl: request.summaryUrl,
      history,
      embedHistory: history !== undefined,
      limit: COMMENT_LIMIT,
      rulesSource: request.rulesSource,
    });
  const pull = request.pullRequest;
  const withoutComment = (problem?: string): CommentResult => ({ markdown: render(undefined), history: undefined, url: undefined, problem });

  if (request.mode === 'off') return withoutComment();
  if (!pull) {
    core.info('Not a pull request run: no comment; the report is in the job summary');
    return withoutComment();
  }
  if (pull.isFork && request.eventName === 'pull_request') {
    const problem =
      'the pull request comes from a fork, where the workflow token is read-only; the report is in the job summary ' +
      '(to comment on fork pull requests, post from a workflow_run workflow and pass its pull-request number)';
    core.notice(`${TOOL}: no comment: ${problem}`, { title: TOOL });
    return withoutComment(problem);
  }

  const issue = { owner: pull.owner, repo: pull.repo, number: pull.number };
  try {
    // Loaded only when a comment is posted: Octokit's HTTP stack costs tens of milliseconds at start.
    const { createOctokit } = await import('../../github/client.js');
    const client = createOctokit(request.token);
    const opened = await StickyComment.open(client, issue, marker);
    if (!(opened instanceof StickyComment)) return forbidden(opened, withoutComment);

    let history = readHistory(opened.existing?.body);
    if (request.headSha && request.values.size > 0) history = addRun(history, request.headSha.slice(0, 7), request.values);
    const markdown = render(history);
    const outcome = await opened.write(markdown, {
      createIfMissing: request.mode === 'sticky' || hasChanges(request.report),
      fallbackBody: shortBody(markdown, marker, request.summaryUrl),
    });
    if (outcome.action === 'forbidden') return { ...forbidden(outcome, withoutComment), markdown, history };
    if (outcome.action === 'skipped') {
      core.info(`No comment: ${outcome.reason} (comment: on-change)`);
      return { markdown, history, url: undefined, problem: undefined };
    }
    const verb = { created: 'Created', updated: 'Updated', unchanged: 'Left unchanged' }[outcome.action];
    core.info(`${verb} the comment ${outcome.comment.url}` + (outcome.duplicatesRemoved ? ` (removed ${outcome.duplicatesRemoved} duplicate${outcome.duplicatesRemoved === 1 ? '' : 's'})` : ''));
    return { markdown, history, url: outcome.comment.url, problem: undefined };
  } catch (error) {
    const problem = `the comment could not be posted: ${errorMessage(error)}`;
    core.warning(`${TOOL}: ${problem}; the report is in the job summary`, { title: TOOL });
    return withoutComment(problem);
  }
}

function forbidden(
  outcome: Extract<StickyOutcome, { action: 'forbidden' }>,
  withoutComment: (problem?: string) => CommentResult,
): CommentResult {
  core.notice(`${TOOL}: no comment: ${outcome.reason}; the report is in the job summary`, { title: TOOL });
  return withoutComment(outcome.reason);
}

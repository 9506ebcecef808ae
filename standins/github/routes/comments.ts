import { DOCS, notFound, validationFailed } from '../errors.js';
import {
  characterCount,
  intParam,
  objectBody,
  paginate,
  requiredString,
  type Route,
  type RouteContext,
} from '../routing.js';
import type { IssueComment } from '../state.js';

/** GitHub's limit on an issue or pull request comment body, in characters. */
export const COMMENT_BODY_LIMIT = 65536;

const PERMISSIONS = 'issues=write; pull_requests=write';

function issueNumber(ctx: RouteContext, docs: string): number {
  const number = intParam(ctx, 'issue_number', () => notFound(docs));
  if (!ctx.repo.issueExists(number)) throw notFound(docs);
  return number;
}

function commentId(ctx: RouteContext, docs: string): number {
  const id = intParam(ctx, 'comment_id', () => notFound(docs));
  if (!ctx.state.findComment(ctx.repo.fullName, id)) throw notFound(docs);
  return id;
}

function commentBody(ctx: RouteContext, docs: string): string {
  const body = requiredString(objectBody(ctx, docs), 'body', docs);
  if (characterCount(body) > COMMENT_BODY_LIMIT) {
    throw validationFailed(
      [
        {
          resource: 'IssueComment',
          code: 'unprocessable',
          field: 'data',
          message: `Body is too long (maximum is ${COMMENT_BODY_LIMIT} characters)`,
        },
      ],
      docs,
    );
  }
  return body;
}

function since(ctx: RouteContext, comments: IssueComment[]): IssueComment[] {
  const raw = ctx.query.get('since');
  if (!raw) return comments;
  const from = Date.parse(raw);
  if (Number.isNaN(from)) return comments;
  return comments.filter((comment) => Date.parse(comment.updated_at) >= from);
}

export const commentRoutes: Route[] = [
  {
    method: 'GET',
    pattern: '/repos/:owner/:repo/issues/comments',
    docs: DOCS.listRepoComments,
    handler: (ctx) => {
      let comments = since(ctx, ctx.state.allComments(ctx.repo.fullName));
      const sort = ctx.query.get('sort') === 'updated' ? 'updated_at' : 'created_at';
      comments = [...comments].sort((a, b) => a[sort].localeCompare(b[sort]) || a.id - b.id);
      if (ctx.query.get('direction') === 'desc') comments.reverse();
      const { page, headers } = paginate(ctx, comments);
      return { status: 200, body: page, headers };
    },
  },
  {
    method: 'GET',
    pattern: '/repos/:owner/:repo/issues/comments/:comment_id',
    docs: DOCS.getComment,
    handler: (ctx) => {
      const id = commentId(ctx, DOCS.getComment);
      return { status: 200, body: ctx.state.findComment(ctx.repo.fullName, id)!.comment };
    },
  },
  {
    method: 'PATCH',
    pattern: '/repos/:owner/:repo/issues/comments/:comment_id',
    docs: DOCS.updateComment,
    write: { permissions: PERMISSIONS },
    handler: (ctx) => {
      const id = commentId(ctx, DOCS.updateComment);
      const body = commentBody(ctx, DOCS.updateComment);
      return { status: 200, body: ctx.state.updateComment(ctx.repo.fullName, id, body) };
    },
  },
  {
    method: 'DELETE',
    pattern: '/repos/:owner/:repo/issues/comments/:comment_id',
    docs: DOCS.deleteComment,
    write: { permissions: PERMISSIONS },
    handler: (ctx) => {
      const id = commentId(ctx, DOCS.deleteComment);
      ctx.state.deleteComment(ctx.repo.fullName, id);
      return { status: 204 };
    },
  },
  {
    method: 'GET',
    pattern: '/repos/:owner/:repo/issues/:issue_number/comments',
    docs: DOCS.listComments,
    handler: (ctx) => {
      const number = issueNumber(ctx, DOCS.listComments);
      const { page, headers } = paginate(ctx, since(ctx, ctx.state.comments(ctx.repo.fullName, number)));
      return { status: 200, body: page, headers };
    },
  },
  {
    method: 'POST',
    pattern: '/repos/:owner/:repo/issues/:issue_number/comments',
    docs: DOCS.createComment,
    write: { permissions: PERMISSIONS },
    handler: (ctx) => {
      const number = issueNumber(ctx, DOCS.createComment);
      const body = commentBody(ctx, DOCS.createComment);
      const comment = ctx.state.addComment(ctx.repo.fullName, number, body, ctx.identity!);
      return { status: 201, body: comment, headers: { location: comment.url } };
    },
  },
];

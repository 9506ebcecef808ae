import { ConfigurationError } from '../core/errors.js';
import { assertValidTag, type ImageName } from './reference.js';

/**
 * Tags and OCI labels for a build, computed from the workflow's event the way users of
 * docker/metadata-action know them:
 * - branch push (or dispatch, schedule): the branch name, sanitised; `latest` on the default branch;
 * - pull request: `pr-<number>`; the sha tags use the PR's head commit, not the merge commit;
 * - tag `v1.2.3`: `1.2.3`, `1.2`, `1` and `latest`; a pre-release (`v2.0.0-rc.1`) gets only its
 *   full version (aliases and `latest` would move users onto an unfinished release), and a 0.x
 *   release gets no bare `0` (major version zero promises no compatibility);
 * - a tag that is not semver: the tag name, sanitised;
 * - always: `sha-<7 hex>` and `sha-<40 hex>`.
 */

export interface EventContext {
  eventName: string;
  /** GITHUB_REF, such as refs/heads/main, refs/tags/v1.2.3 or refs/pull/5/merge. */
  ref: string;
  /** GITHUB_SHA: for pull requests, the merge commit. */
  sha: string;
  /** The event payload (GITHUB_EVENT_PATH). */
  payload: Record<string, unknown>;
  /** owner/name (GITHUB_REPOSITORY). */
  repository: string;
  serverUrl: string;
}

export type LatestMode = 'auto' | 'true' | 'false';

export interface MetadataOptions {
  image: ImageName;
  /** Extra tags given by the user, added as they are (validated). */
  extraTags?: string[];
  latest?: LatestMode;
  /** Extra labels, overriding the computed ones. */
  extraLabels?: Record<string, string>;
  /** org.opencontainers.image.title; the image's last path component when not given. */
  title?: string;
  now?: Date;
}

export interface ImageMetadata {
  /** Tag names, primary first, without duplicates. */
  tags: string[];
  /** Full references (name:tag), in the order of `tags`. */
  refs: string[];
  /** The version the image carries (org.opencontainers.image.version). */
  version: string;
  labels: Record<string, string>;
  /** The commit the sha tags and the revision label name. */
  revision: string;
  /** What the tags were computed from, for the summary. */
  source: string;
}

const SEMVER =
  /^v?(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-((?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*)(?:\.(?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*))*))?(?:\+([0-9a-zA-Z-]+(?:\.[0-9a-zA-Z-]+)*))?$/;

export interface Semver {
  major: string;
  minor: string;
  patch: string;
  prerelease?: string;
  build?: string;
}

export function parseSemver(text: string): Semver | undefined {
  const match = SEMVER.exec(text);
  if (!match) return undefined;
  return { major: match[1]!, minor: match[2]!, patch: match[3]!, prerelease: match[4], build: match[5] };
}

/**
 * Turns a branch or git tag name into a valid image tag: characters outside the tag alphabet
 * become '-', leading '.' and '-' are dropped (a tag cannot start with them), at most 128.
 */
export function sanitiseTag(name: string): string {
  let tag = name.replace(/[^A-Za-z0-9_.-]/g, '-').replace(/^[.-]+/, '');
  if (tag.length > 128) tag = tag.slice(0, 128);
  return tag;
}

const PR_EVENTS = new Set(['pull_request', 'pull_request_target']);

export function isPullRequestEvent(eventName: string): boolean {
  return PR_EVENTS.has(eventName);
}

function record(value: unknown): Record<string, unknown> {
  return value !== null && typeof value === 'object' ? (value as Record<string, unknown>) : {};
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

export function computeMetadata(context: EventContext, options: MetadataOptions): ImageMetadata {
  const payload = context.payload;
  const repo = record(payload.repository);
  const pullRequest = record(payload.pull_request);
  const isPr = isPullRequestEvent(context.eventName);
  const revision = (isPr ? text(record(pullRequest.head).sha) : undefined) ?? context.sha;
  if (!/^[0-9a-f]{40}$/.test(revision)) {
    throw new ConfigurationError(
      `the commit to tag the image with is '${revision}', not a 40-character commit SHA; ` +
        `run the action in a workflow (GITHUB_SHA) on a checked-out commit`,
    );
  }

  const primary: string[] = [];
  let stable = false;
  let onDefaultBranch = false;
  let source: string;

  if (isPr) {
    const number = pullRequest.number ?? payload.number ?? /^refs\/pull\/(\d+)\//.exec(context.ref)?.[1];
    if (number === undefined) {
      throw new ConfigurationError(`the ${context.eventName} event has no pull request number; cannot compute the pr-N tag`);
    }
    primary.push(`pr-${String(number)}`);
    source = `pull request #${String(number)} (head ${revision.slice(0, 7)})`;
  } else if (context.ref.startsWith('refs/tags/')) {
    const gitTag = context.ref.slice('refs/tags/'.length);
    const version = parseSemver(gitTag);
    if (version) {
      const full = `${version.major}.${version.minor}.${version.patch}`;
      const pre = version.prerelease ? `-${version.prerelease}` : '';
      // '+' (build metadata) is not allowed in a tag; '_' stands for it, as OCI tools do.
      const build = version.build ? `_${version.build}` : '';
      primary.push(`${full}${pre}${build}`);
      if (!version.prerelease) {
        stable = true;
        primary.push(`${version.major}.${version.minor}`);
        if (version.major !== '0') primary.push(version.major);
      }
      source = `tag ${gitTag} (${version.prerelease ? 'pre-release' : 'release'})`;
    } else {
      primary.push(sanitiseTag(gitTag));
      source = `tag ${gitTag}`;
    }
  } else if (context.ref.startsWith('refs/heads/')) {
    const branch = context.ref.slice('refs/heads/'.length);
    primary.push(sanitiseTag(branch));
    const defaultBranch = text(repo.default_branch);
    onDefaultBranch = defaultBranch !== undefined && branch === defaultBranch;
    source = `branch ${branch}${onDefaultBranch ? ' (default branch)' : ''}`;
  } else {
    throw new ConfigurationError(
      `cannot compute image tags for ref '${context.ref || '(none)'}' of a ${context.eventName} event; ` +
        `run on a branch, tag or pull request, or give the tags in the 'tags' input`,
    );
  }

  const shaTags = [`sha-${revision.slice(0, 7)}`, `sha-${revision}`];
  const latest = options.latest ?? 'auto';
  const wantLatest = latest === 'true' || (latest === 'auto' && !isPr && (stable || onDefaultBranch));

  const tags: string[] = [];
  const add = (tag: string, from: string): void => {
    assertValidTag(tag, from);
    if (!tags.includes(tag)) tags.push(tag);
  };
  for (const tag of primary) add(tag, `the tag computed from ${source}`);
  for (const tag of shaTags) add(tag, 'the commit tag');
  if (wantLatest) add('latest', 'latest');
  for (const tag of options.extraTags ?? []) add(tag, "input 'tags'");

  const version = primary[0]!;
  const htmlUrl = text(repo.html_url) ?? `${context.serverUrl}/${context.repository}`;
  const labels: Record<string, string> = {
    'org.opencontainers.image.title': options.title ?? options.image.repository.split('/').pop()!,
    'org.opencontainers.image.description': text(repo.description) ?? '',
    'org.opencontainers.image.url': htmlUrl,
    'org.opencontainers.image.source': htmlUrl,
    'org.opencontainers.image.version': version,
    'org.opencontainers.image.created': (options.now ?? new Date()).toISOString(),
    'org.opencontainers.image.revision': revision,
    'org.opencontainers.image.licenses': licence(record(repo.license).spdx_id),
  };
  for (const [key, value] of Object.entries(labels)) if (value === '') delete labels[key];
  Object.assign(labels, options.extraLabels ?? {});

  return { tags, refs: tags.map((tag) => `${options.image.full}:${tag}`), version, labels, revision, source };
}

/** GitHub says NOASSERTION when it cannot tell the licence; that is no licence to label. */
function licence(spdx: unknown): string {
  const id = text(spdx);
  return id === undefined || id === 'NOASSERTION' ? '' : id;
}

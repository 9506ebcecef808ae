import * as core from '../core/runner.js';
import { getOctokit } from '@actions/github';
import type { Octokit } from '@octokit/core';
import { retry } from '@octokit/plugin-retry';
import { throttling, type ThrottlingOptions } from '@octokit/plugin-throttling';
import Bottleneck from 'bottleneck/light.js';
import { ConfigurationError } from '../core/errors.js';
import { registerSecret } from '../core/secrets.js';

/** The suite's GitHub REST client: octokit with REST methods, pagination, retries and throttling. */
export type GitHubClient = ReturnType<typeof getOctokit>;

export interface CreateOctokitOptions {
  /** API root; default GITHUB_API_URL, then https://api.github.com. */
  baseUrl?: string;
  /** Retries of a request that failed with a 5xx or a network error (default 3). 4xx are never retried here. */
  retries?: number;
  /** Retries of a request stopped by a primary or secondary rate limit (default 3). */
  rateLimitRetries?: number;
  /** A rate limit that asks for a longer wait than this is not waited for; the request fails (default 120 s). */
  maxRateLimitWaitSeconds?: number;
  /**
   * The unit of every wait, in milliseconds (default 1000): retry backoff is 1, 4, 9... units,
   * a rate-limit wait is its retry-after in units, and writes are spaced by GitHub's
   * recommended 1 unit (3 for comment creation). Tests lower it to keep waits short.
   */
  backoffBaseMs?: number;
  userAgent?: string;
}

const DEFAULT_BASE_MS = 1000;
const DEFAULT_API_URL = 'https://api.github.com';

/** Every 4xx: client errors are answers, not accidents. Rate limits (403/429) are the throttling plugin's. */
const CLIENT_ERRORS = Array.from({ length: 100 }, (_, i) => 400 + i);

function describeRequest(options: { method?: string; url?: string }): string {
  return `${options.method ?? 'GET'} ${options.url ?? ''}`;
}

/**
 * Logs each failed attempt the retry plugin will see, so a user reading the log knows a
 * write may have been repeated. Registered before the retry plugin, so it sees every attempt.
 */
function logFailedAttempts(retries: number, baseMs: number) {
  return (octokit: Octokit) => {
    octokit.hook.error('request', (error, options) => {
      const status = (error as { status?: number }).status ?? 0;
      if (status >= 500) {
        const attempt = Number((options.request as { retryCount?: number } | undefined)?.retryCount ?? 0);
        const url = (error as { request?: { url?: string } }).request?.url ?? options.url;
        let path = String(url);
        try {
          path = new URL(path).pathname;
        } catch {
          // keep the template
        }
        const waitSeconds = ((attempt + 1) ** 2 * baseMs) / 1000;
        const next =
          attempt < retries ? `; retrying in ${waitSeconds} s (retry ${attempt + 1} of ${retries})` : '; no retries left';
        core.info(`GitHub API ${options.method} ${path} failed (${status}: ${error.message})${next}`);
      }
      throw error;
    });
    return {};
  };
}

/**
 * Creates the client every action uses. The token is registered as a secret first, so it
 * never reaches a log, summary or comment.
 */
export function createOctokit(token: string, options: CreateOctokitOptions = {}): GitHubClient {
  if (!token || token.trim() === '') {
    throw new ConfigurationError(
      "no GitHub token: set the 'token' input (the default is ${{ github.token }}) or pass a token with the permissions this step needs",
    );
  }
  registerSecret(token);
  const baseUrl = (options.baseUrl || process.env['GITHUB_API_URL'] || DEFAULT_API_URL).replace(/\/+$/, '');
  const retries = options.retries ?? 3;
  const rateLimitRetries = options.rateLimitRetries ?? 3;
  const maxWait = options.maxRateLimitWaitSeconds ?? 120;
  const baseMs = options.backoffBaseMs ?? DEFAULT_BASE_MS;

  const onLimit = (kind: string) => (retryAfter: number, request: { method?: string; url?: string }, _octokit: unknown, retryCount: number) => {
    const what = describeRequest(request);
    if (retryCount >= rateLimitRetries) {
      core.warning(`GitHub ${kind} rate limit on ${what}: still limited after ${retryCount} retries; giving up`);
      return false;
    }
    if (retryAfter > maxWait) {
      core.warning(
        `GitHub ${kind} rate limit on ${what}: GitHub asks to wait ${retryAfter} s, longer than ${maxWait} s; giving up`,
      );
      return false;
    }
    core.warning(
      `GitHub ${kind} rate limit on ${what}: waiting ${retryAfter} s before retry ${retryCount + 1} of ${rateLimitRetries}`,
    );
    return true;
  };

  const throttle: ThrottlingOptions = {
    retryAfterBaseValue: baseMs,
    onRateLimit: onLimit('primary'),
    onSecondaryRateLimit: onLimit('secondary'),
  };
  if (baseMs !== DEFAULT_BASE_MS) {
    // The plugin's shared limiters space writes by GitHub's recommended second; scale them with the unit.
    const scaled = (ms: number) => Math.max(0, Math.round((ms * baseMs) / DEFAULT_BASE_MS));
    throttle.write = new Bottleneck.Group({ maxConcurrent: 1, minTime: scaled(1000) });
    throttle.notifications = new Bottleneck.Group({ maxConcurrent: 1, minTime: scaled(3000) });
    throttle.search = new Bottleneck.Group({ maxConcurrent: 1, minTime: scaled(2000) });
  }

  return getOctokit(
    token,
    {
      baseUrl,
      userAgent: options.userAgent ?? 'aura-actions',
      log: {
        debug: (message: string) => core.debug(message),
        info: (message: string) => core.info(message),
        warn: (message: string) => core.warning(message),
        error: (message: string) => core.error(message),
      },
      retry: { retries, retryAfterBaseValue: baseMs, doNotRetry: CLIENT_ERRORS },
      throttle,
    },
    logFailedAttempts(retries, baseMs),
    retry,
    throttling,
  );
}

/** The HTTP status of a failed octokit request (500 for a network failure), or undefined for other errors. */
export function httpStatus(error: unknown): number | undefined {
  if (error === null || typeof error !== 'object') return undefined;
  const status = (error as { status?: unknown }).status;
  return typeof status === 'number' ? status : undefined;
}

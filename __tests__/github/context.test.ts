import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigurationError } from '../../src/core/errors.js';
import {
  apiUrlFromEnv,
  parsePullRequestNumber,
  pullRequestFromEvent,
  readEvent,
  repositoryFromEnv,
  requirePullRequest,
} from '../../src/github/context.js';

function eventFile(payload: unknown): string {
  const dir = mkdtempSync(join(tmpdir(), 'aura-event-'));
  const path = join(dir, 'event.json');
  writeFileSync(path, typeof payload === 'string' ? payload : JSON.stringify(payload));
  return path;
}

const PULL_EVENT = {
  number: 12,
  pull_request: {
    number: 12,
    base: { ref: 'main', sha: '1'.repeat(40), repo: { full_name: 'aura/platform' } },
    head: { ref: 'patch-1', sha: '2'.repeat(40), repo: { full_name: 'contributor/platform' } },
  },
};

describe('GitHub run context', () => {
  it('reads owner and repo from GITHUB_REPOSITORY', () => {
    expect(repositoryFromEnv({ GITHUB_REPOSITORY: 'aura/platform' })).toEqual({ owner: 'aura', repo: 'platform' });
  });

  it('says what to set when GITHUB_REPOSITORY is missing or malformed', () => {
    expect(() => repositoryFromEnv({})).toThrow(ConfigurationError);
    expect(() => repositoryFromEnv({})).toThrow(/GITHUB_REPOSITORY is not set/);
    expect(() => repositoryFromEnv({ GITHUB_REPOSITORY: 'aura' })).toThrow(/owner\/name, got 'aura'/);
    expect(() => repositoryFromEnv({ GITHUB_REPOSITORY: 'aura/platform/extra' })).toThrow(ConfigurationError);
  });

  it('defaults the API URL to api.github.com and drops a trailing slash', () => {
    expect(apiUrlFromEnv({})).toBe('https://api.github.com');
    expect(apiUrlFromEnv({ GITHUB_API_URL: 'https://ghe.example/api/v3/' })).toBe('https://ghe.example/api/v3');
  });

  it('finds a fork pull request with its base and head in a pull_request_target event', () => {
    const event = readEvent({ GITHUB_EVENT_NAME: 'pull_request_target', GITHUB_EVENT_PATH: eventFile(PULL_EVENT) });
    const pull = pullRequestFromEvent(event, { owner: 'aura', repo: 'platform' });
    expect(pull).toEqual({
      owner: 'aura',
      repo: 'platform',
      number: 12,
      base: { ref: 'main', sha: '1'.repeat(40), repoFullName: 'aura/platform' },
      head: { ref: 'patch-1', sha: '2'.repeat(40), repoFullName: 'contributor/platform' },
      isFork: true,
    });
  });

  it('finds the pull request number of an issue_comment on a pull request, and nothing for a push', () => {
    const comment = { name: 'issue_comment', payload: { issue: { number: 5, pull_request: { url: 'x' } } } };
    expect(pullRequestFromEvent(comment, { owner: 'aura', repo: 'platform' })).toMatchObject({ number: 5, isFork: false });
    const onIssue = { name: 'issue_comment', payload: { issue: { number: 6 } } };
    expect(pullRequestFromEvent(onIssue, { owner: 'aura', repo: 'platform' })).toBeUndefined();
    expect(pullRequestFromEvent({ name: 'push', payload: { after: 'x' } }, { owner: 'aura', repo: 'platform' })).toBeUndefined();
  });

  it('reports an unreadable or malformed event file clearly, with the file as location', () => {
    expect(() => readEvent({ GITHUB_EVENT_PATH: '/nonexistent/event.json' })).toThrow(/cannot read the event payload.*ENOENT/);
    const broken = eventFile('{"pull_request": ');
    try {
      readEvent({ GITHUB_EVENT_PATH: broken });
      throw new Error('expected a ConfigurationError');
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigurationError);
      expect((error as ConfigurationError).location).toEqual({ file: broken });
    }
    expect(readEvent({ GITHUB_EVENT_NAME: 'schedule' })).toEqual({ name: 'schedule', payload: {} });
  });

  it('requires a pull request, accepting a number input instead of the event', () => {
    const env = { GITHUB_REPOSITORY: 'aura/platform', GITHUB_EVENT_NAME: 'push', GITHUB_EVENT_PATH: eventFile({}) };
    expect(() => requirePullRequest(env, { input: 'pull-request', value: '' })).toThrow(
      /'push' event is not about one: run it on pull_request or pull_request_target, or set the 'pull-request' input/,
    );
    expect(requirePullRequest(env, { input: 'pull-request', value: '#42' })).toMatchObject({ number: 42 });
    expect(() => requirePullRequest(env, { input: 'pull-request', value: 'abc' })).toThrow(
      /input 'pull-request' must be a pull request number such as 42, got 'abc'/,
    );
    expect(() => parsePullRequestNumber('0', 'x')).toThrow(ConfigurationError);
    const pullEnv = { ...env, GITHUB_EVENT_NAME: 'pull_request', GITHUB_EVENT_PATH: eventFile(PULL_EVENT) };
    expect(requirePullRequest(pullEnv)).toMatchObject({ number: 12, isFork: true });
  });
});

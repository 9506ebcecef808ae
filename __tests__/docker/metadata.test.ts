import { ConfigurationError } from '../../src/core/errors.js';
import { computeMetadata, parseSemver, sanitiseTag, type EventContext } from '../../src/docker/metadata.js';
import { imageName } from '../../src/docker/reference.js';

const SHA = '8f3c2a1b9d4e5f60718293a4b5c6d7e8f9012345';
const HEAD = 'a1b2c3d4e5f60718293a4b5c6d7e8f90123456ab';
const image = imageName('europe-docker.pkg.dev/aura-prod/Aura', 'Visual-Analysis');
const repository = {
  default_branch: 'main',
  html_url: 'https://github.com/aura/platform',
  description: 'Aura AI Platform',
  license: { spdx_id: 'MIT' },
};
const now = new Date('2026-05-01T10:00:00Z');

function context(eventName: string, ref: string, payload: Record<string, unknown> = {}): EventContext {
  return { eventName, ref, sha: SHA, payload: { repository, ...payload }, repository: 'aura/platform', serverUrl: 'https://github.com' };
}

const pr = { number: 42, pull_request: { number: 42, head: { sha: HEAD, ref: 'feature/x' } } };

describe('computeMetadata', () => {
  it.each([
    ['push to the default branch', context('push', 'refs/heads/main'), ['main', 'sha-8f3c2a1', `sha-${SHA}`, 'latest'], 'main'],
    [
      'push to another branch, name sanitised',
      context('push', 'refs/heads/feature/Add_DETR+fp16'),
      ['feature-Add_DETR-fp16', 'sha-8f3c2a1', `sha-${SHA}`],
      'feature-Add_DETR-fp16',
    ],
    ['pull request: pr-N and the head commit', context('pull_request', 'refs/pull/42/merge', pr), ['pr-42', 'sha-a1b2c3d', `sha-${HEAD}`], 'pr-42'],
    ['pull_request_target the same', context('pull_request_target', 'refs/heads/main', pr), ['pr-42', 'sha-a1b2c3d', `sha-${HEAD}`], 'pr-42'],
    ['release tag v1.2.3', context('push', 'refs/tags/v1.2.3'), ['1.2.3', '1.2', '1', 'sha-8f3c2a1', `sha-${SHA}`, 'latest'], '1.2.3'],
    ['pre-release v2.0.0-rc.1: no aliases, no latest', context('push', 'refs/tags/v2.0.0-rc.1'), ['2.0.0-rc.1', 'sha-8f3c2a1', `sha-${SHA}`], '2.0.0-rc.1'],
    ['0.x release: no bare major', context('push', 'refs/tags/v0.4.1'), ['0.4.1', '0.4', 'sha-8f3c2a1', `sha-${SHA}`, 'latest'], '0.4.1'],
    ['build metadata: + becomes _', context('push', 'refs/tags/1.4.0+build.7'), ['1.4.0_build.7', '1.4', '1', 'sha-8f3c2a1', `sha-${SHA}`, 'latest'], '1.4.0_build.7'],
    ['tag that is not semver', context('push', 'refs/tags/release/2026-05'), ['release-2026-05', 'sha-8f3c2a1', `sha-${SHA}`], 'release-2026-05'],
    ['manual run on the default branch', context('workflow_dispatch', 'refs/heads/main'), ['main', 'sha-8f3c2a1', `sha-${SHA}`, 'latest'], 'main'],
    ['schedule on a release branch', context('schedule', 'refs/heads/release/1.x'), ['release-1.x', 'sha-8f3c2a1', `sha-${SHA}`], 'release-1.x'],
  ])('%s', (_name, ctx, tags, version) => {
    const metadata = computeMetadata(ctx, { image, now });
    expect(metadata.tags).toEqual(tags);
    expect(metadata.version).toBe(version);
    expect(metadata.refs[0]).toBe(`europe-docker.pkg.dev/aura-prod/aura/visual-analysis:${tags[0]}`);
    expect(metadata.labels['org.opencontainers.image.version']).toBe(version);
  });

  it('labels the PR image with the head commit, not the merge commit', () => {
    const metadata = computeMetadata(context('pull_request', 'refs/pull/42/merge', pr), { image, now });
    expect(metadata.revision).toBe(HEAD);
    expect(metadata.labels).toEqual({
      'org.opencontainers.image.title': 'visual-analysis',
      'org.opencontainers.image.description': 'Aura AI Platform',
      'org.opencontainers.image.url': 'https://github.com/aura/platform',
      'org.opencontainers.image.source': 'https://github.com/aura/platform',
      'org.opencontainers.image.version': 'pr-42',
      'org.opencontainers.image.created': '2026-05-01T10:00:00.000Z',
      'org.opencontainers.image.revision': HEAD,
      'org.opencontainers.image.licenses': 'MIT',
    });
  });

  it('latest: auto never tags a pull request; true and false force it either way', () => {
    expect(computeMetadata(context('pull_request', 'refs/pull/42/merge', pr), { image, latest: 'auto' }).tags).not.toContain('latest');
    expect(computeMetadata(context('push', 'refs/heads/dev'), { image, latest: 'true' }).tags).toContain('latest');
    expect(computeMetadata(context('push', 'refs/heads/main'), { image, latest: 'false' }).tags).not.toContain('latest');
  });

  it('gives no latest when the default branch is unknown', () => {
    const ctx: EventContext = { ...context('push', 'refs/heads/main'), payload: {} };
    expect(computeMetadata(ctx, { image }).tags).not.toContain('latest');
  });

  it('adds extra tags once and drops duplicates', () => {
    const metadata = computeMetadata(context('push', 'refs/heads/main'), { image, extraTags: ['stable', 'main', 'stable'] });
    expect(metadata.tags).toEqual(['main', 'sha-8f3c2a1', `sha-${SHA}`, 'latest', 'stable']);
  });

  it('refuses an invalid extra tag with a clear error', () => {
    expect(() => computeMetadata(context('push', 'refs/heads/main'), { image, extraTags: ['-bad'] })).toThrow(
      /input 'tags': '-bad' is not a valid image tag: it starts with '-'/,
    );
    expect(() => computeMetadata(context('push', 'refs/heads/main'), { image, extraTags: ['a:b'] })).toThrow(
      /'a:b' is not a valid image tag: it contains ':'/,
    );
    expect(() => computeMetadata(context('push', 'refs/heads/main'), { image, extraTags: ['x'.repeat(129)] })).toThrow(
      /129 characters long \(at most 128\)/,
    );
  });

  it('lets extra labels override the computed ones', () => {
    const metadata = computeMetadata(context('push', 'refs/heads/main'), {
      image,
      extraLabels: { 'org.opencontainers.image.licenses': 'Apache-2.0', team: 'vision' },
    });
    expect(metadata.labels['org.opencontainers.image.licenses']).toBe('Apache-2.0');
    expect(metadata.labels.team).toBe('vision');
  });

  it('fails clearly on a ref it cannot tag and on a missing commit', () => {
    expect(() => computeMetadata(context('push', 'refs/notes/x'), { image })).toThrow(ConfigurationError);
    expect(() => computeMetadata({ ...context('push', 'refs/heads/main'), sha: '' }, { image })).toThrow(/40-character commit SHA/);
  });
});

describe('sanitiseTag and parseSemver', () => {
  it('keeps the tag alphabet and drops what cannot start a tag', () => {
    expect(sanitiseTag('feature/ümlaut x')).toBe('feature--mlaut-x');
    expect(sanitiseTag('.hidden/-branch')).toBe('hidden--branch');
    expect(sanitiseTag('a'.repeat(300))).toHaveLength(128);
  });
  it('accepts semver with and without v, and refuses near misses', () => {
    expect(parseSemver('v1.2.3')).toEqual({ major: '1', minor: '2', patch: '3', prerelease: undefined, build: undefined });
    expect(parseSemver('2.0.0-rc.1')?.prerelease).toBe('rc.1');
    expect(parseSemver('v1.2')).toBeUndefined();
    expect(parseSemver('v01.2.3')).toBeUndefined();
  });
});

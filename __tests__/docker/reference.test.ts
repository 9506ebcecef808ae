import { assertValidTag, imageName, isLoopbackHost, isValidTag, parseImageName } from '../../src/docker/reference.js';

describe('image references', () => {
  it('lower-cases the name and keeps the registry host', () => {
    expect(imageName('GCR.io/My-Project', 'Visual_Analysis')).toEqual({
      host: 'gcr.io',
      repository: 'my-project/visual_analysis',
      full: 'gcr.io/my-project/visual_analysis',
    });
    expect(imageName('127.0.0.1:5000', 'aura/x').full).toBe('127.0.0.1:5000/aura/x');
    expect(parseImageName('busybox')).toEqual({ host: 'docker.io', repository: 'library/busybox', full: 'busybox' });
  });

  it('refuses names the registry grammar refuses, saying which part', () => {
    expect(() => imageName('gcr.io/p', 'my image')).toThrow(/path component 'my image'/);
    expect(() => imageName('gcr.io/p', 'a..b')).toThrow(/not a valid image name/);
  });

  it('validates tags against [A-Za-z0-9_][A-Za-z0-9_.-]{0,127}', () => {
    for (const ok of ['latest', 'v1.2.3', '_x', 'A-b.c_d', 'x'.repeat(128)]) expect(isValidTag(ok)).toBe(true);
    for (const bad of ['', '.x', '-x', 'a/b', 'a+b', 'x'.repeat(129)]) expect(isValidTag(bad)).toBe(false);
    expect(() => assertValidTag('a+b', 'input tags')).toThrow("input tags: 'a+b' is not a valid image tag: it contains '+'");
  });

  it('knows loopback registries', () => {
    expect(isLoopbackHost('127.0.0.1:5000')).toBe(true);
    expect(isLoopbackHost('localhost:5000')).toBe(true);
    expect(isLoopbackHost('gcr.io')).toBe(false);
  });
});

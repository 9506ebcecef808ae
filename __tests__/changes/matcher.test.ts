import picomatch from 'picomatch';
import { PathMatcher } from '../../src/changes/matcher.js';

describe('PathMatcher', () => {
  const matcher = new PathMatcher([
    { owner: 'global', include: ['requirements*.txt', 'pyproject.toml'] },
    { owner: 'visual', include: ['services/visual_analysis/**'], exclude: ['**/*.md'] },
    { owner: 'outfit', include: ['services/outfit_recommendation'] },
    { owner: 'docs', include: ['**/*.md'] },
    { owner: 'tests', include: ['services/*/tests/**/test_*.py'] },
    { owner: 'braces', include: ['libs/{ml_common,fashion_taxonomy}/**'] },
  ]);

  it.each([
    ['requirements-base.txt', ['global']],
    ['pyproject.toml', ['global']],
    ['services/requirements.txt', []],
    ['services/visual_analysis/src/model.py', ['visual']],
    ['services/visual_analysis/.dockerignore', ['visual']],
    ['services/visual_analysis/README.md', ['docs']],
    ['services/visual_analysis/tests/unit/test_model.py', ['visual', 'tests']],
    ['services/visual_analysis_v2/src/model.py', []],
    ['services/outfit_recommendation', ['outfit']],
    ['services/outfit_recommendation/src/app.py', ['outfit']],
    ['services/outfit_recommendation_old/app.py', []],
    ['libs/ml_common/metrics.py', ['braces']],
    ['libs/fashion_taxonomy/colors.py', ['braces']],
    ['libs/other/x.py', []],
    ['README.md', ['docs']],
  ])('%s -> %j', (path, owners) => {
    expect(matcher.match(path).sort()).toEqual([...owners].sort());
  });

  it('reports each owner once even when several of its patterns match', () => {
    const twice = new PathMatcher([{ owner: 'a', include: ['src/**', 'src/*.py', '**/*.py'] }]);
    expect(twice.match('src/x.py')).toEqual(['a']);
  });

  it('handles names with spaces, unicode, quotes and newlines', () => {
    const m = new PathMatcher([{ owner: 'svc', include: ['services/ünïcode svc/**'] }]);
    expect(m.match('services/ünïcode svc/a "quoted"\nname.py')).toEqual(['svc']);
    expect(m.match('services/ünïcode/a.py')).toEqual([]);
  });

  it('files patterns by prefix without losing a match: agrees with testing every pattern', () => {
    const entries = Array.from({ length: 300 }, (_, i) => ({
      owner: `svc${i}`,
      include: [`services/svc_${i}/**`, `shared/common_${i % 7}/**`],
      exclude: ['**/*.md'],
    }));
    const indexed = new PathMatcher(entries);
    const compiled = entries.map((e) => ({
      owner: e.owner,
      include: e.include.map((p) => picomatch(p, { dot: true })),
      exclude: e.exclude.map((p) => picomatch(p, { dot: true })),
    }));
    const paths = Array.from({ length: 2000 }, (_, i) =>
      i % 5 === 0 ? `shared/common_${i % 9}/f${i}.py` : `services/svc_${i % 310}/src/f${i}.${i % 11 === 0 ? 'md' : 'py'}`,
    );
    for (const path of paths) {
      const naive = compiled
        .filter((e) => e.include.some((isMatch) => isMatch(path)))
        .filter((e) => !e.exclude.some((isMatch) => isMatch(path)))
        .map((e) => e.owner);
      expect(indexed.match(path).sort()).toEqual(naive.sort());
    }
  });

  it('answers the fast shapes (dir/**, **\/*.ext, *.ext) exactly as picomatch does', () => {
    const patterns = ['docs/**', 'services/a b/**', '**/*.md', '*.txt', '**/*.tar.gz', 'x/**/*.py', '.github/**'];
    const paths = [
      'docs', 'docs/x', 'docs/a/b.md', 'docsx/y', 'README.md', '.md', 'a/.md', 'a/b/c.md', 'a.mdx', 'notes.txt',
      'a/notes.txt', '.txt', 'services/a b', 'services/a b/c d.py', 'services/a bc/x', 'pkg/x.tar.gz', 'x.tar.gz',
      'x/y.py', 'x/a/b/y.py', 'x/.y.py', '.github/workflows/ci.yml', '.github', '.githubx/a', 'line\nbreak.md',
    ];
    for (const pattern of patterns) {
      const matcher = new PathMatcher([{ owner: pattern, include: [pattern] }]);
      const expected = picomatch(pattern, { dot: true });
      for (const path of paths) {
        const dotAll = new RegExp(picomatch.makeRe(pattern, { dot: true }).source, 's');
        const want = path.includes('\n') ? dotAll.test(path) : expected(path);
        expect([pattern, path, matcher.match(path).length === 1]).toEqual([pattern, path, want]);
      }
    }
  });
});

import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { filesWithReferences, findUsesReferences, resolveUses } from '../harness/uses.js';
import { REPO_ROOT } from '../harness/paths.js';

describe('every uses: reference the suite documents resolves', () => {
  const references = filesWithReferences().flatMap((file) =>
    findUsesReferences(file, readFileSync(join(REPO_ROOT, file), 'utf8')),
  );

  it('finds the references written in README.md, workflows and templates', () => {
    expect(references.filter((r) => r.file === 'README.md').length).toBeGreaterThan(0);
  });

  it.each(references.map((r) => [`${r.file}:${r.line} ${r.text}`, r.text]))('%s', (_label, text) => {
    expect(resolveUses(text)).toBeUndefined();
  });
});

describe('the resolver', () => {
  const root = mkdtempSync(join(tmpdir(), 'aura-uses-'));
  mkdirSync(join(root, 'good'));
  writeFileSync(join(root, 'good', 'action.yml'), 'runs:\n  using: node24\n  main: ../dist/good.js\n');
  mkdirSync(join(root, 'dist'));
  writeFileSync(join(root, 'dist', 'good.js'), '');
  mkdirSync(join(root, 'broken'));
  writeFileSync(join(root, 'broken', 'action.yml'), 'runs:\n  using: node24\n  main: ../dist/missing.js\n  post: ../dist/good.js\n');
  mkdirSync(join(root, '.github', 'workflows'), { recursive: true });
  writeFileSync(join(root, '.github', 'workflows', 'callable.yml'), 'on:\n  workflow_call:\njobs: {}\n');
  writeFileSync(join(root, '.github', 'workflows', 'push-only.yml'), 'on: push\njobs: {}\n');

  it('accepts an action whose entry exists, by owner path and by ./ path', () => {
    expect(resolveUses('aura/actions/good@v1', root)).toBeUndefined();
    expect(resolveUses('./good', root)).toBeUndefined();
    expect(resolveUses('$/good', root)).toBeUndefined();
    expect(resolveUses('$/broken', root)).toMatch(/does not exist/);
  });

  it('rejects a missing action, a missing entry file, and the repository root', () => {
    expect(resolveUses('aura/actions/nothing@v1', root)).toBe('nothing/action.yml does not exist');
    expect(resolveUses('aura/actions/broken@v1', root)).toBe('broken/action.yml runs.main ../dist/missing.js does not exist');
    expect(resolveUses('aura/actions@v1', root)).toBe('(repository root)/action.yml does not exist');
  });

  it('accepts only reusable workflows that declare workflow_call', () => {
    expect(resolveUses('aura/actions/.github/workflows/callable.yml@v1', root)).toBeUndefined();
    expect(resolveUses('aura/actions/.github/workflows/push-only.yml@v1', root)).toMatch(/not callable/);
    expect(resolveUses('aura/actions/.github/workflows/absent.yml@v1', root)).toMatch(/does not exist/);
  });

  it('finds references with their line numbers, quoted or not', () => {
    const text = 'steps:\n  - uses: aura/actions/good@v1\n  - uses: "./broken"\n  - uses: actions/checkout@v4\n  - uses: $/good\n';
    expect(findUsesReferences('x.yml', text)).toEqual([
      { file: 'x.yml', line: 2, text: 'aura/actions/good@v1' },
      { file: 'x.yml', line: 3, text: './broken' },
      { file: 'x.yml', line: 5, text: '$/good' },
    ]);
  });
});

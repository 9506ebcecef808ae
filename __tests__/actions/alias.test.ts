import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { REPO_ROOT } from '../harness/paths.js';

describe('gke-rollout-verify', () => {
  it('is gke-rollout under another name: identical metadata but for `name`', () => {
    const source = parse(readFileSync(join(REPO_ROOT, 'gke-rollout', 'action.yml'), 'utf8')) as Record<string, unknown>;
    const alias = parse(readFileSync(join(REPO_ROOT, 'gke-rollout-verify', 'action.yml'), 'utf8')) as Record<string, unknown>;
    expect(alias.name).not.toEqual(source.name);
    const { name: _sourceName, ...sourceRest } = source;
    const { name: _aliasName, ...aliasRest } = alias;
    expect(aliasRest).toEqual(sourceRest);
    expect((alias.runs as { main: string }).main).toBe('../dist/gke-rollout/index.js');
  });
});

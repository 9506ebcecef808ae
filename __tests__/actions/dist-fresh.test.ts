import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { REPO_ROOT } from '../harness/paths.js';

describe('dist/', () => {
  it('is exactly what a fresh `npm run build` produces (no stale, missing or stray files)', () => {
    const result = spawnSync(process.execPath, [join(REPO_ROOT, 'scripts', 'check-dist.mjs')], {
      cwd: REPO_ROOT,
      encoding: 'utf8',
    });
    expect(`${result.stdout}${result.stderr}`).toContain('check-dist: dist/ matches a fresh build');
    expect(result.status).toBe(0);
  }, 300_000);
});

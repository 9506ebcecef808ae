import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

/** Real git repositories for tests, with a fixed committer identity and no user or system config. */

export function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', args, {
    cwd,
    encoding: 'utf8',
    env: {
      ...process.env,
      GIT_AUTHOR_NAME: 'Aura Test',
      GIT_AUTHOR_EMAIL: 'test@aura.example',
      GIT_COMMITTER_NAME: 'Aura Test',
      GIT_COMMITTER_EMAIL: 'test@aura.example',
      GIT_CONFIG_NOSYSTEM: '1',
    },
    maxBuffer: 256 * 1024 * 1024,
  }).trimEnd();
}

export function makeRepo(prefix = 'aura-repo-', defaultBranch = 'main'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  git(dir, 'init', '-q', '-b', defaultBranch);
  git(dir, 'config', 'commit.gpgsign', 'false');
  git(dir, 'config', 'core.quotepath', 'true');
  return dir;
}

/** Writes (string) or deletes (null) files, then commits them all; returns the new commit's SHA. */
export function commit(dir: string, files: Record<string, string | null>, message = 'change'): string {
  for (const [path, content] of Object.entries(files)) {
    const full = join(dir, path);
    if (content === null) {
      rmSync(full, { force: true });
    } else {
      mkdirSync(dirname(full), { recursive: true });
      writeFileSync(full, content);
    }
  }
  git(dir, 'add', '-A');
  git(dir, 'commit', '-q', '--allow-empty', '-m', message);
  return git(dir, 'rev-parse', 'HEAD');
}

export function removeDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}

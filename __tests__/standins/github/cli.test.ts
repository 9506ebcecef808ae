import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { REPO_ROOT } from '../../harness/paths.js';
import { call } from './api.js';

describe('GitHub stand-in CLI', () => {
  it('serves in the foreground, prints its URL and answers until stopped', async () => {
    const tsx = join(REPO_ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs');
    const child = spawn(process.execPath, [tsx, join(REPO_ROOT, 'standins', 'github', 'cli.ts'), '--port', '0'], {
      cwd: REPO_ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    try {
      const url = await new Promise<string>((resolve, reject) => {
        let out = '';
        let err = '';
        child.stdout.on('data', (chunk: Buffer) => {
          out += chunk.toString();
          const match = /^GITHUB_API_URL=(\S+)$/m.exec(out);
          if (match) resolve(match[1]!);
        });
        child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
        child.on('exit', (code) => reject(new Error(`stand-in exited with ${code}: ${err}`)));
      });
      expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      const answer = await call(url, 'GET', `${url}/repos/aura/platform`);
      expect(answer.status).toBe(200);
      expect(answer.json.full_name).toBe('aura/platform');
    } finally {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    }
  });

  it('refuses an unknown argument with a usage line', async () => {
    const tsx = join(REPO_ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs');
    const child = spawn(process.execPath, [tsx, join(REPO_ROOT, 'standins', 'github', 'cli.ts'), '--prot', '1'], {
      cwd: REPO_ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let err = '';
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    const code = await new Promise((resolve) => child.on('exit', resolve));
    expect(code).toBe(2);
    expect(err).toContain("unknown argument '--prot'");
  });
});

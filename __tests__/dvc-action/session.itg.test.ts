import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DvcConfigFile } from '../../src/dvc/config-file.js';
import { runSession, type DvcStep, type DvcTool, type SessionEvent } from '../../src/dvc/session.js';
import { removeDir } from '../harness/git.js';
import { VENV_BIN } from '../harness/paths.js';
import { toolOrSkip } from '../harness/tools.js';
import { monorepoWorkspace } from './remotes.js';

/**
 * The DVC session with real DVC: several commands in one Python process through DVC's own CLI
 * entry point, or one process per command for a stand-alone dvc; both must give each command's
 * output and exit code exactly as `dvc <command>` does.
 */

const dvc = toolOrSkip('dvc', 'the DVC session runs real DVC');
const describeWithDvc = dvc ? describe : describe.skip;

function plainDvc(dir: string, ...args: string[]): { status: number; stdout: string } {
  try {
    return { status: 0, stdout: execFileSync(dvc!, args, { cwd: dir, encoding: 'utf8', env: { ...process.env, DVC_NO_ANALYTICS: '1' } }) };
  } catch (error) {
    const failed = error as { status: number; stdout: string };
    return { status: failed.status, stdout: failed.stdout };
  }
}

describeWithDvc.each([
  ['one Python process', { python: join(VENV_BIN, 'python') }],
  ['a process per command', { python: undefined }],
])('a DVC session in %s', (_, mode) => {
  let dir: string;
  const tool = (): DvcTool => ({ version: '3', command: dvc!, python: mode.python, source: 'test' });
  const env = { DVC_NO_ANALYTICS: '1' };

  beforeAll(() => {
    dir = monorepoWorkspace('aura-dvc-session-');
  });
  afterAll(() => removeDir(dir));

  it('runs the commands in order, each with its own output and exit code, streaming lines as they come', async () => {
    const events: SessionEvent[] = [];
    const steps: DvcStep[] = [
      { id: 'status', argv: ['status', '--json', 'outfit_data_prep'] },
      { id: 'repro', argv: ['repro', 'outfit_data_prep'] },
      { id: 'status-after', argv: ['status', '--json', 'outfit_data_prep'] },
    ];
    const result = await runSession(tool(), steps, { cwd: dir, env, onEvent: (event) => events.push(event) });
    expect([...result.outcomes.keys()]).toEqual(['status', 'repro', 'status-after']);
    const status = result.outcomes.get('status')!;
    expect(status.exitCode).toBe(0);
    expect(Object.keys(JSON.parse(status.stdout) as object)).toEqual(['outfit_data_prep']);
    expect(result.outcomes.get('repro')!.stdout).toContain("Running stage 'outfit_data_prep':");
    expect(result.outcomes.get('status-after')!.stdout.trim()).toBe('{}');
    // The same as the dvc command itself says now.
    expect(plainDvc(dir, 'status', '--json', 'outfit_data_prep').stdout.trim()).toBe('{}');
    const order = events.map((e) => `${e.type}:${e.step.id}`);
    expect(order.indexOf('begin:repro')).toBeLessThan(order.findIndex((o) => o === 'line:repro'));
    expect(order.findIndex((o) => o === 'line:repro')).toBeLessThan(order.indexOf('end:repro'));
    const stage = events.find((e) => e.type === 'line' && e.text.startsWith('outfit_data_prep:'));
    expect(stage).toBeDefined();
  }, 120_000);

  it("gives a failed command DVC's exit code and skips what comes after", async () => {
    const steps: DvcStep[] = [
      { id: 'bad', argv: ['repro', 'no_such_stage'] },
      { id: 'never', argv: ['status'] },
      { id: 'always', argv: ['version'], always: true },
    ];
    const result = await runSession(tool(), steps, { cwd: dir, env });
    const bad = result.outcomes.get('bad')!;
    expect(bad.exitCode).toBe(plainDvc(dir, 'repro', 'no_such_stage').status);
    expect(bad.exitCode).toBe(255);
    expect(bad.stderr).toContain("Stage 'no_such_stage' not found inside 'dvc.yaml' file");
    expect(result.outcomes.get('never')!.exitCode).toBeUndefined();
    expect(result.outcomes.get('always')!.exitCode).toBe(0);
  }, 120_000);

  it('reports 253 outside a DVC repository, as dvc does', async () => {
    const inside = await runSession(tool(), [{ id: 'status', argv: ['status', '--json'] }], { cwd: join(dir, 'data'), env });
    expect(inside.outcomes.get('status')!.exitCode).toBe(0);
    const elsewhere = await runSession(tool(), [{ id: 'status', argv: ['status'] }], { cwd: '/', env });
    expect(elsewhere.outcomes.get('status')!.exitCode).toBe(253);
  }, 120_000);
});

describeWithDvc('DVC reads the local config this action writes', () => {
  it('sees the remote, its quoted values and the default', () => {
    const dir = monorepoWorkspace('aura-dvc-config-');
    try {
      const file = new DvcConfigFile('');
      file.set('remote "aura"', 'url', 's3://aura-models/store');
      file.set('remote "aura"', 'endpointurl', 'http://127.0.0.1:9000');
      file.set('remote "aura"', 'credentialpath', '/tmp/run 1, private/key.json');
      file.set('core', 'remote', 'aura');
      writeFileSync(join(dir, '.dvc', 'config.local'), file.toString());
      const listed = plainDvc(dir, 'config', '--local', '--list').stdout;
      expect(listed).toContain('remote.aura.url=s3://aura-models/store');
      expect(listed).toContain('remote.aura.credentialpath=/tmp/run 1, private/key.json');
      expect(listed).toContain('remote.aura.endpointurl=http://127.0.0.1:9000');
      expect(listed).toContain('core.remote=aura');
      expect(readFileSync(join(dir, '.dvc', 'config'), 'utf8')).toBe('');
    } finally {
      removeDir(dir);
    }
  });
});

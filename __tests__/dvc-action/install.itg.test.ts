import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, realpathSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, dirname, join } from 'node:path';
import { startActionsCache } from '../../standins/actions-cache/server.js';
import { inspectPathDvc, resolveDvc, toolArch } from '../../src/dvc/install.js';
import { restoreTool, save } from '../../src/dvc/cache.js';
import { parseSpecifier, satisfies } from '../../src/dvc/version.js';
import { VENV_BIN } from '../harness/paths.js';
import { toolOrSkip } from '../harness/tools.js';

/**
 * DVC availability against the real DVC of the project's virtual environment, and a real pip
 * install into a tool cache when PATH has no DVC.
 */

const dvc = toolOrSkip('dvc', 'the dvc-repro-and-push install tests read a real DVC installation');
const describeWithDvc = dvc ? describe : describe.skip;

describeWithDvc('the dvc on PATH', () => {
  const env = { ...process.env, PATH: `${VENV_BIN}${delimiter}${process.env.PATH ?? ''}` };

  it('is read as a Python install: version and plugins from its metadata, and its interpreter', async () => {
    const found = await inspectPathDvc(env);
    const reported = execFileSync(dvc!, ['--version'], { encoding: 'utf8', env: { ...env, DVC_NO_ANALYTICS: '1' } }).trim();
    expect(found).toMatchObject({ kind: 'python', version: reported, path: realpathSync(join(VENV_BIN, 'dvc')) });
    expect(found!.plugins).toHaveProperty('s3');
    expect(execFileSync(found!.python!, ['-c', 'import dvc; print(dvc.__version__)'], { encoding: 'utf8' }).trim()).toBe(reported);
  });

  it('is used when it satisfies the version input, without installing anything', async () => {
    const toolCache = mkdtempSync(join(tmpdir(), 'aura-tool-cache-'));
    try {
      const version = (await inspectPathDvc(env))!.version;
      const resolved = await resolveDvc({ specifier: parseSpecifier(version), extras: ['s3'], env: { ...env, RUNNER_TOOL_CACHE: toolCache } });
      expect(resolved.choice.use).toBe('path');
      expect(resolved.tool.python).toBe(readFileSync(join(VENV_BIN, 'dvc'), 'utf8').split('\n')[0]!.slice(2).trim());
      expect(resolved.tool.version).toBe(version);
    } finally {
      rmSync(toolCache, { recursive: true, force: true });
    }
  });

  it('matches versions to specifiers exactly as pip (packaging) does', () => {
    const cases = [
      ['3.67.1', '==3.*'],
      ['3.67.1', '>=3.51,<4'],
      ['3.50.9', '>=3.51,<4'],
      ['3.68.0rc1', '==3.*'],
      ['3.68.0rc1', '>=3.68.0rc1'],
      ['3.67.1.post1', '>3.67.1'],
      ['3.68.0.dev1', '<3.68'],
      ['3.60.2', '~=3.60.1'],
      ['3.61.0', '~=3.60.1'],
      ['3.67.1', '!=3.67.*'],
      ['4.0.0', '~=3.60'],
      ['3.67', '==3.67.0'],
    ];
    const script =
      'import json, sys\nfrom packaging.specifiers import SpecifierSet\nfrom packaging.version import Version\n' +
      'print(json.dumps([SpecifierSet(s).contains(Version(v)) for v, s in json.load(sys.stdin)]))';
    const pip = JSON.parse(execFileSync(join(VENV_BIN, 'python'), ['-c', script], { input: JSON.stringify(cases), encoding: 'utf8' })) as boolean[];
    expect(cases.map(([version, spec]) => satisfies(version!, parseSpecifier(spec!)))).toEqual(pip);
  });
});

// A real pip install of DVC (about 40 s here, from the package index the machine's pip uses).
const installTest = dvc !== undefined;
/** A python3 outside the project's virtual environment (which has DVC). */
function systemPython(): string | undefined {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    if (!dir || dir === VENV_BIN || dir.includes('.tools')) continue;
    if (existsSync(join(dir, 'python3'))) return join(dir, 'python3');
  }
  if (process.env.CI === 'true') throw new Error('no python3 outside the virtual environment on PATH; in CI every tool must be present');
  console.warn('SKIPPED: no python3 outside the virtual environment on PATH');
  return undefined;
}
const python3 = installTest ? systemPython() : undefined;
const describeInstall = installTest && python3 ? describe : describe.skip;

describeInstall('installing DVC when PATH has none', () => {
  let toolCache: string;
  let workspace: string;
  beforeAll(() => {
    toolCache = mkdtempSync(join(tmpdir(), 'aura-tool-cache-'));
    workspace = mkdtempSync(join(tmpdir(), 'aura-install-ws-'));
  });
  // PATH without the project's virtual environment: no dvc, but a python3.
  const path = [dirname(python3 ?? '/usr/bin/python3'), '/usr/bin', '/bin'].join(delimiter);
  const version = '3.67.1';
  afterAll(() => {
    rmSync(toolCache, { recursive: true, force: true });
    rmSync(workspace, { recursive: true, force: true });
  });

  it('pip-installs the version asked for into the tool cache, then finds it there, then restores it from the Actions cache', async () => {
    const cache = await startActionsCache();
    const saved = { ...process.env };
    try {
      Object.assign(process.env, cache.env(), { GITHUB_WORKSPACE: workspace, RUNNER_TEMP: workspace, RUNNER_TOOL_CACHE: toolCache });
      const env = { ...process.env, PATH: path, RUNNER_TOOL_CACHE: toolCache };
      const crossRunCache = { restore: restoreTool, save: async (paths: string[], key: string) => void (await save(paths, key)) };
      const first = await resolveDvc({ specifier: parseSpecifier(version), extras: [], env, crossRunCache });
      expect(first.choice.use).toBe('install');
      expect(first.tool.version).toBe(version);
      const dir = join(toolCache, 'dvc', version, toolArch());
      expect(existsSync(`${dir}.complete`)).toBe(true);
      expect(execFileSync(first.tool.command, ['--version'], { encoding: 'utf8', env: { ...env, DVC_NO_ANALYTICS: '1' } }).trim()).toBe(version);
      expect(readFileSync(join(dir, 'path', 'dvc'), 'utf8')).toContain('-m dvc');
      expect(cache.entries.filter((e) => e.finalized && e.key.startsWith('aura-dvc-tool-v1-'))).toHaveLength(1);

      const second = await resolveDvc({ specifier: parseSpecifier('3.*'), extras: [], env, crossRunCache });
      expect(second.choice).toMatchObject({ use: 'tool-cache', version });

      // A new machine: an empty tool cache, the entry saved above in the Actions cache.
      rmSync(join(toolCache, 'dvc'), { recursive: true, force: true });
      const third = await resolveDvc({ specifier: parseSpecifier(version), extras: [], env, crossRunCache });
      expect(third.choice.use).toBe('tool-cache');
      expect(third.choice.reason).toContain('restored dvc 3.67.1 from the GitHub Actions cache');
      expect(execFileSync(third.tool.command, ['--version'], { encoding: 'utf8', env: { ...env, DVC_NO_ANALYTICS: '1' } }).trim()).toBe(version);
    } finally {
      for (const key of Object.keys(process.env)) if (!(key in saved)) delete process.env[key];
      Object.assign(process.env, saved);
      await cache.close();
    }
  }, 900_000);
});

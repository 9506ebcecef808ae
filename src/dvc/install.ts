import { createHash, randomUUID } from 'node:crypto';
import { accessSync, chmodSync, constants, existsSync, mkdirSync, openSync, readSync, closeSync, readdirSync, realpathSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { arch as osArch } from 'node:os';
import { basename, delimiter, dirname, join } from 'node:path';
import * as core from '../core/runner.js';
import { ConfigurationError } from '../core/errors.js';
import { exec, execOrThrow } from '../core/exec.js';
import { PROBE_SOURCE } from './driver.js';
import type { DvcTool } from './session.js';
import { allowsAtLeast, bestMatch, compareVersions, describeSpecifier, parseVersion, satisfies, withClause, type Specifier } from './version.js';

/**
 * Makes DVC available: a `dvc` on PATH when its version satisfies the `version` input and it has
 * the plugins the remote needs; else a virtual environment in the runner's tool cache
 * (RUNNER_TOOL_CACHE/dvc[-extras]/<version>/<arch>, the layout @actions/tool-cache uses), from an
 * earlier job through the GitHub Actions cache when there is one, or installed with pip.
 */

/**
 * `repro --pull --allow-missing` skips unchanged stages without downloading their data from 3.51
 * (iterative/dvc#10435); earlier 3.x releases pull or re-run them (iterative/dvc#10412).
 */
export const MINIMUM_DVC = '3.51.0';

export interface InstalledDvc {
  kind: 'python' | 'executable';
  /** The `dvc` executable, real path. */
  path: string;
  version: string;
  /** Plugins (`s3`, `gs`...) and their versions; undefined when unknown (a stand-alone executable has all). */
  plugins?: Record<string, string>;
  python?: string;
}

export type DvcChoice =
  | { use: 'path'; reason: string }
  | { use: 'tool-cache'; version: string; reason: string }
  | { use: 'install'; specifier: Specifier; reason: string };

/** The decision alone, from what was found: tested on its own. */
export function chooseDvc(input: {
  onPath?: Pick<InstalledDvc, 'version' | 'plugins' | 'path'>;
  specifier: Specifier;
  extras: readonly string[];
  cachedVersions: readonly string[];
}): DvcChoice {
  const wanted = describeSpecifier(input.specifier);
  const effective = withMinimum(input.specifier);
  const onPath = input.onPath;
  let why: string;
  if (!onPath) {
    why = 'no dvc on PATH';
  } else if (!satisfies(onPath.version, input.specifier)) {
    why = `dvc ${onPath.version} on PATH does not satisfy ${wanted}`;
  } else if (compareVersions(parseVersion(onPath.version)!, parseVersion(MINIMUM_DVC)!) < 0) {
    why = `dvc ${onPath.version} on PATH is older than ${MINIMUM_DVC}, the first release whose repro --pull --allow-missing skips unchanged stages without pulling them`;
  } else {
    const missing = onPath.plugins ? input.extras.filter((extra) => !(extra in onPath.plugins!)) : [];
    if (missing.length === 0) return { use: 'path', reason: `dvc ${onPath.version} on PATH satisfies ${wanted}` };
    why = `dvc ${onPath.version} on PATH lacks the ${missing.join(', ')} support the remote needs (pip install 'dvc[${missing.join(',')}]')`;
  }
  const cached = bestMatch(input.cachedVersions, effective);
  if (cached) return { use: 'tool-cache', version: cached, reason: `${why}; using dvc ${cached} from the tool cache` };
  return { use: 'install', specifier: effective, reason: `${why}; installing dvc ${describeSpecifier(effective)} with pip` };
}

export function withMinimum(specifier: Specifier): Specifier {
  if (!allowsAtLeast(specifier, MINIMUM_DVC)) {
    throw new ConfigurationError(
      `input 'version' (${specifier.text}) allows only DVC releases older than ${MINIMUM_DVC}; this action needs ${MINIMUM_DVC} or newer, ` +
        `whose 'repro --pull --allow-missing' skips unchanged stages without downloading them: set version to for example '3.*' or '>=${MINIMUM_DVC},<4'`,
    );
  }
  return withClause(specifier, `>=${MINIMUM_DVC}`);
}

export function toolName(extras: readonly string[]): string {
  return ['dvc', ...[...extras].sort()].join('-');
}

/** The architecture folder name @actions/tool-cache uses. */
export function toolArch(): string {
  return osArch();
}

function findOnPath(name: string, env: NodeJS.ProcessEnv): string | undefined {
  for (const dir of (env.PATH ?? '').split(delimiter)) {
    if (!dir) continue;
    const candidate = join(dir, name);
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // not here
    }
  }
  return undefined;
}

function readHead(path: string, bytes = 512): string {
  const fd = openSync(path, 'r');
  try {
    const buffer = Buffer.alloc(bytes);
    const read = readSync(fd, buffer, 0, bytes, 0);
    return buffer.subarray(0, read).toString('latin1');
  } finally {
    closeSync(fd);
  }
}

/** The Python a console script runs with, from its shebang (pip's long-path form included). */
export function scriptInterpreter(head: string, env: NodeJS.ProcessEnv): string | undefined {
  if (!head.startsWith('#!')) return undefined;
  const lines = head.split('\n');
  let shebang = lines[0]!.slice(2).trim();
  if (/^\/bin\/sh\b/.test(shebang)) {
    // pip writes `#!/bin/sh` + `'''exec' "/long/path/python" "$0" "$@"` when the path is too long.
    const exec = /^'''exec' "([^"]+)"/.exec(lines[1] ?? '');
    if (!exec) return undefined;
    shebang = exec[1]!;
  }
  const [program, ...args] = shebang.split(/\s+/);
  if (!program) return undefined;
  if (basename(program) === 'env') {
    const name = args.find((arg) => !arg.startsWith('-'));
    return name && /python/.test(name) ? findOnPath(name, env) : undefined;
  }
  return /python/.test(basename(program)) ? program : undefined;
}

/**
 * Versions of dvc and its plugins from the package metadata next to a console script
 * (<prefix>/bin/dvc and <prefix>/lib/python3.X/{site,dist}-packages), without running Python.
 */
export function metadataBeside(script: string): { version: string; plugins: Record<string, string> } | undefined {
  const lib = join(dirname(dirname(script)), 'lib');
  if (!existsSync(lib)) return undefined;
  const found: { version?: string; plugins: Record<string, string> }[] = [];
  for (const python of readdirSync(lib).filter((name) => /^python3\.\d+$/.test(name))) {
    for (const packages of ['site-packages', 'dist-packages']) {
      const dir = join(lib, python, packages);
      if (!existsSync(dir)) continue;
      const entry: { version?: string; plugins: Record<string, string> } = { plugins: {} };
      for (const name of readdirSync(dir)) {
        const match = /^dvc(?:[-_]([a-z0-9]+))?-([^-]+)\.dist-info$/i.exec(name);
        if (!match) continue;
        if (match[1] === undefined) entry.version = match[2];
        else entry.plugins[match[1].toLowerCase()] = match[2]!;
      }
      if (entry.version) found.push(entry);
    }
  }
  if (found.length !== 1) return undefined;
  return { version: found[0]!.version!, plugins: found[0]!.plugins };
}

/** What the `dvc` on PATH is: a Python console script (and which Python), or an executable. */
export async function inspectPathDvc(env: NodeJS.ProcessEnv): Promise<InstalledDvc | undefined> {
  const onPath = findOnPath('dvc', env);
  if (!onPath) return undefined;
  const path = realpathSync(onPath);
  const python = scriptInterpreter(readHead(path), env);
  if (python && existsSync(python)) {
    const beside = metadataBeside(path);
    if (beside) return { kind: 'python', path, python, ...beside };
    const probe = await exec(python, ['-c', PROBE_SOURCE], { quiet: true });
    if (probe.exitCode === 0) {
      const facts = JSON.parse(probe.stdout) as { dvc: string | null; plugins: Record<string, string> };
      if (facts.dvc) return { kind: 'python', path, python, version: facts.dvc, plugins: facts.plugins };
    }
  }
  const result = await exec(path, ['--version'], { quiet: true });
  const version = result.stdout.trim().split(/\s+/).pop() ?? '';
  if (result.exitCode !== 0 || !parseVersion(version)) {
    core.warning(`${onPath} did not report its version ('dvc --version' exited with ${result.exitCode}); ignoring it`);
    return undefined;
  }
  return { kind: 'executable', path, version };
}

export interface ResolveOptions {
  specifier: Specifier;
  extras: string[];
  env: NodeJS.ProcessEnv;
  /** Restores/saves the tool folder across jobs (the GitHub Actions cache), when available. */
  crossRunCache?: {
    restore(paths: string[], key: string): Promise<string | undefined>;
    save(paths: string[], key: string): Promise<void>;
  };
}

export interface ResolvedDvc {
  tool: DvcTool;
  choice: DvcChoice;
}

function toolCacheRoot(env: NodeJS.ProcessEnv): string {
  const root = env.RUNNER_TOOL_CACHE;
  if (!root) throw new ConfigurationError('RUNNER_TOOL_CACHE is not set: this step must run on a GitHub Actions runner');
  return root;
}

function cachedTool(name: string, version: string, env: NodeJS.ProcessEnv): DvcTool {
  const dir = join(toolCacheRoot(env), name, version, toolArch());
  return { version, python: join(dir, 'bin', 'python'), command: join(dir, 'path', 'dvc'), source: `the tool cache (${dir})` };
}

/** Versions in <tool cache>/<name>/<version>/<arch> marked complete, as @actions/tool-cache lays them out. */
export function findCachedVersions(root: string, name: string): string[] {
  const dir = join(root, name);
  if (!existsSync(dir)) return [];
  return readdirSync(dir).filter((version) => parseVersion(version) !== undefined && existsSync(join(dir, version, `${toolArch()}.complete`)));
}

export async function resolveDvc(options: ResolveOptions): Promise<ResolvedDvc> {
  const { env, extras } = options;
  const onPath = await inspectPathDvc(env);
  const name = toolName(extras);
  let choice = chooseDvc({ onPath, specifier: options.specifier, extras, cachedVersions: safeCachedVersions(name, env) });
  core.info(choice.reason);
  if (choice.use === 'path') {
    return {
      choice,
      tool: {
        version: onPath!.version,
        command: onPath!.path,
        python: onPath!.kind === 'python' ? onPath!.python : undefined,
        source: `PATH (${onPath!.path})`,
      },
    };
  }
  if (choice.use === 'tool-cache') {
    const tool = cachedTool(name, choice.version, env);
    core.addPath(dirname(tool.command));
    return { choice, tool };
  }

  const python = await findPython(env);
  const key = `aura-dvc-tool-v1-${process.platform}-${toolArch()}-py${python.version}-${name}-${hash(choice.specifier.text).slice(0, 16)}`;
  const toolDir = join(toolCacheRoot(env), name);
  if (options.crossRunCache) {
    const hit = await options.crossRunCache.restore([toolDir], key);
    if (hit) {
      const cached = bestMatch(findCachedVersions(toolCacheRoot(env), name), choice.specifier);
      if (cached) {
        choice = { use: 'tool-cache', version: cached, reason: `${choice.reason.split(';')[0]}; restored dvc ${cached} from the GitHub Actions cache (${hit})` };
        core.info(choice.reason);
        const tool = cachedTool(name, cached, env);
        core.addPath(dirname(tool.command));
        return { choice, tool };
      }
    }
  }
  const version = await core.group(`Install DVC ${describeSpecifier(choice.specifier)} with pip`, () =>
    installIntoToolCache(python.path, name, choice.use === 'install' ? choice.specifier : options.specifier, extras, env),
  );
  const tool = cachedTool(name, version, env);
  tool.source = `pip, into the tool cache (${dirname(dirname(tool.command))})`;
  core.addPath(dirname(tool.command));
  if (options.crossRunCache) await options.crossRunCache.save([toolDir], key);
  return { choice, tool };
}

function safeCachedVersions(name: string, env: NodeJS.ProcessEnv): string[] {
  return env.RUNNER_TOOL_CACHE ? findCachedVersions(env.RUNNER_TOOL_CACHE, name) : [];
}

function hash(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

async function findPython(env: NodeJS.ProcessEnv): Promise<{ path: string; version: string }> {
  for (const name of ['python3', 'python']) {
    const path = findOnPath(name, env);
    if (!path) continue;
    const result = await exec(path, ['-c', 'import sys; print("%d.%d" % sys.version_info[:2])'], { quiet: true });
    const version = result.stdout.trim();
    if (result.exitCode !== 0 || !/^\d+\.\d+$/.test(version)) continue;
    const [major, minor] = version.split('.').map(Number);
    if (major! < 3 || (major === 3 && minor! < 9)) {
      throw new ConfigurationError(
        `DVC must be installed, and the Python on PATH (${path}) is ${version}; DVC 3 needs Python 3.9 or newer: add actions/setup-python before this step`,
      );
    }
    return { path, version };
  }
  throw new ConfigurationError(
    'DVC must be installed and there is no python3 on PATH to install it with: add actions/setup-python (or iterative/setup-dvc) before this step',
  );
}

/**
 * pip-installs `dvc[extras]` into a fresh virtual environment inside the tool folder, then moves
 * it to <tool>/<version>/<arch> and marks it complete. The environment is used through its
 * `bin/python` and a relocatable `path/dvc` wrapper (pip's scripts name the old path).
 */
async function installIntoToolCache(python: string, name: string, specifier: Specifier, extras: string[], env: NodeJS.ProcessEnv): Promise<string> {
  const toolDir = join(toolCacheRoot(env), name);
  mkdirSync(toolDir, { recursive: true });
  const staging = join(toolDir, `.install-${randomUUID()}`);
  try {
    await execOrThrow(python, ['-m', 'venv', staging]);
    const requirement = `dvc${extras.length ? `[${[...extras].sort().join(',')}]` : ''}${specifier.text}`;
    const venvPython = join(staging, 'bin', 'python');
    const pip = await exec(venvPython, ['-m', 'pip', 'install', '--disable-pip-version-check', '--no-input', '--progress-bar', 'off', requirement], {
      onLine: (line) => core.info(line),
    });
    if (pip.exitCode !== 0) {
      throw new ConfigurationError(
        `pip could not install ${requirement} (exit ${pip.exitCode}); check the 'version' input and that PyPI (or your pip index) is reachable:\n` +
          lastLines(pip.stderr || pip.stdout),
      );
    }
    const probe = await execOrThrow(venvPython, ['-c', 'import importlib.metadata as m; print(m.version("dvc"))'], { quiet: true });
    const version = probe.stdout.trim();
    const final = join(toolDir, version, toolArch());
    if (existsSync(`${final}.complete`)) return version;
    rmSync(final, { recursive: true, force: true });
    mkdirSync(dirname(final), { recursive: true });
    renameSync(staging, final);
    writeWrapper(final);
    writeFileSync(`${final}.complete`, '');
    core.info(`installed dvc ${version} into ${final}`);
    return version;
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
}

function writeWrapper(venv: string): void {
  const dir = join(venv, 'path');
  mkdirSync(dir, { recursive: true });
  const wrapper = join(dir, 'dvc');
  writeFileSync(wrapper, '#!/bin/sh\nhere=$(dirname "$(readlink -f "$0")")\nexec "$here/../bin/python" -m dvc "$@"\n');
  chmodSync(wrapper, 0o755);
}

function lastLines(text: string): string {
  return text.trimEnd().split('\n').slice(-15).join('\n');
}

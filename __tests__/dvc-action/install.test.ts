import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigurationError } from '../../src/core/errors.js';
import { chooseDvc, metadataBeside, MINIMUM_DVC, scriptInterpreter, toolName, withMinimum } from '../../src/dvc/install.js';
import { parseSpecifier } from '../../src/dvc/version.js';

describe('where DVC comes from', () => {
  const any = parseSpecifier('3.*');
  const path = '/usr/local/bin/dvc';

  it('uses the dvc on PATH when its version satisfies the input and it has the remote plugin', () => {
    const choice = chooseDvc({ onPath: { path, version: '3.67.1', plugins: { s3: '3.3.0' } }, specifier: any, extras: ['s3'], cachedVersions: [] });
    expect(choice).toEqual({ use: 'path', reason: 'dvc 3.67.1 on PATH satisfies ==3.*' });
  });

  it('uses a stand-alone dvc executable (all plugins built in) when its version satisfies', () => {
    expect(chooseDvc({ onPath: { path, version: '3.60.0' }, specifier: any, extras: ['gs'], cachedVersions: [] }).use).toBe('path');
  });

  it('installs when the dvc on PATH does not satisfy the version input', () => {
    const choice = chooseDvc({ onPath: { path, version: '3.67.1', plugins: {} }, specifier: parseSpecifier('==3.66.1'), extras: [], cachedVersions: [] });
    expect(choice.use).toBe('install');
    expect(choice.reason).toBe('dvc 3.67.1 on PATH does not satisfy ==3.66.1; installing dvc ==3.66.1,>=3.51.0 with pip');
  });

  it('installs when the dvc on PATH lacks the plugin the remote needs', () => {
    const choice = chooseDvc({ onPath: { path, version: '3.67.1', plugins: { s3: '3.3.0' } }, specifier: any, extras: ['gs'], cachedVersions: [] });
    expect(choice.use).toBe('install');
    expect(choice.reason).toMatch(/^dvc 3\.67\.1 on PATH lacks the gs support the remote needs \(pip install 'dvc\[gs\]'\)/);
  });

  it('does not use a DVC older than the first release with the right repro --pull --allow-missing', () => {
    const choice = chooseDvc({ onPath: { path, version: '3.50.0', plugins: {} }, specifier: any, extras: [], cachedVersions: [] });
    expect(choice.use).toBe('install');
    expect(choice.reason).toContain(`older than ${MINIMUM_DVC}`);
    if (choice.use === 'install') expect(choice.specifier.text).toBe('==3.*,>=3.51.0');
  });

  it('takes the highest satisfying version already in the tool cache before installing', () => {
    const choice = chooseDvc({ specifier: any, extras: ['s3'], cachedVersions: ['3.40.0', '3.60.0', '3.66.1', '4.0.0'] });
    expect(choice).toEqual({ use: 'tool-cache', version: '3.66.1', reason: 'no dvc on PATH; using dvc 3.66.1 from the tool cache' });
  });

  it('refuses a version input that allows only releases older than the minimum', () => {
    expect(() => withMinimum(parseSpecifier('3.40.*'))).toThrow(ConfigurationError);
    expect(() => withMinimum(parseSpecifier('<3.50'))).toThrow(/input 'version' \(<3\.50\) allows only DVC releases older than 3\.51\.0/);
  });

  it('names the tool-cache folder after the plugins it holds', () => {
    expect(toolName([])).toBe('dvc');
    expect(toolName(['s3', 'gs'])).toBe('dvc-gs-s3');
  });
});

describe('reading an installed dvc without running it', () => {
  const env = { PATH: '/nonexistent' };

  it('finds the Python of a console script from its shebang, pip\'s long form included', () => {
    expect(scriptInterpreter('#!/opt/venv/bin/python3.11\n# -*- coding: utf-8 -*-\nimport re\n', env)).toBe('/opt/venv/bin/python3.11');
    expect(scriptInterpreter(`#!/bin/sh\n'''exec' "/very/long/path/to/venv/bin/python" "$0" "$@"\n' '''\n`, env)).toBe('/very/long/path/to/venv/bin/python');
    expect(scriptInterpreter('\u007fELF\u0002\u0001', env)).toBeUndefined();
    expect(scriptInterpreter('#!/bin/bash\nexec dvc "$@"\n', env)).toBeUndefined();
  });

  it('reads dvc and plugin versions from the package metadata beside the script', () => {
    const prefix = mkdtempSync(join(tmpdir(), 'aura-dvc-prefix-'));
    try {
      const site = join(prefix, 'lib', 'python3.11', 'site-packages');
      for (const dist of ['dvc-3.67.1.dist-info', 'dvc_s3-3.3.0.dist-info', 'dvc_data-3.18.3.dist-info', 'boto3-1.40.0.dist-info']) mkdirSync(join(site, dist), { recursive: true });
      mkdirSync(join(prefix, 'bin'));
      expect(metadataBeside(join(prefix, 'bin', 'dvc'))).toEqual({ version: '3.67.1', plugins: { s3: '3.3.0', data: '3.18.3' } });
    } finally {
      rmSync(prefix, { recursive: true, force: true });
    }
  });

  it('gives up (and lets Python answer) when the layout is not the usual one', () => {
    const prefix = mkdtempSync(join(tmpdir(), 'aura-dvc-prefix-'));
    try {
      expect(metadataBeside(join(prefix, 'bin', 'dvc'))).toBeUndefined();
      mkdirSync(join(prefix, 'lib', 'python3.10', 'site-packages', 'dvc-3.60.0.dist-info'), { recursive: true });
      mkdirSync(join(prefix, 'lib', 'python3.11', 'site-packages', 'dvc-3.67.1.dist-info'), { recursive: true });
      expect(metadataBeside(join(prefix, 'bin', 'dvc'))).toBeUndefined();
    } finally {
      rmSync(prefix, { recursive: true, force: true });
    }
  });
});

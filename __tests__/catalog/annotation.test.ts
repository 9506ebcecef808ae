import { jest } from '@jest/globals';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { EOL, tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadCatalog } from '../../src/catalog/index.js';
import { runAction } from '../../src/core/action.js';
import { lines } from './cases.js';

/** Runs an action body that loads the catalog, returning what it printed to stdout. */
async function runWithCatalog(root: string): Promise<{ stdout: string; exitCode: typeof process.exitCode }> {
  let stdout = '';
  const write = jest.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    stdout += String(chunk);
    return true;
  });
  const savedExitCode = process.exitCode;
  try {
    await runAction('detect-changed-services', async () => {
      loadCatalog(root, '.github/services.yml');
    });
    return { stdout, exitCode: process.exitCode };
  } finally {
    write.mockRestore();
    process.exitCode = savedExitCode;
  }
}

describe('a catalog error in an action', () => {
  let root: string;
  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'catalog-annotation-'));
    mkdirSync(join(root, '.github'));
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it.each([
    [
      'a rule error',
      lines(
        'version: 1',
        'services:',
        '  visual-analysis:',
        '    paths: [services/visual_analysis/**]',
        '    metrics:',
        '      files: [metrics/visual_analysis.json]',
        '      rules:',
        '        "mAP@0.5": { better: higher, max_rise: 0.01 }',
      ),
      '::error title=detect-changed-services,file=.github/services.yml,line=8,col=38::detect-changed-services: ' +
        '.github/services.yml:8:38: services.visual-analysis.metrics.rules."mAP@0.5".max_rise: a metric where higher is ' +
        'better regresses when it drops; use max_drop instead of max_rise',
    ],
    [
      'a YAML syntax error',
      lines('version: 1', 'services:', '  a:', '    paths: ["a/**]'),
      '::error title=detect-changed-services,file=.github/services.yml,line=4,col=13::detect-changed-services: ' +
        '.github/services.yml:4:13: invalid YAML: the quoted value that starts here has no closing "; add it where the value ends',
    ],
  ])('prints one error annotated on the file, line and column (%s) and fails the step', async (_name, text, annotation) => {
    writeFileSync(join(root, '.github', 'services.yml'), text);
    const { stdout, exitCode } = await runWithCatalog(root);
    expect(stdout).toBe(annotation + EOL);
    expect(exitCode).toBe(1);
  });
});

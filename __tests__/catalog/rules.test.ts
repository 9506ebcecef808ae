import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import { parse } from 'yaml';
import { parseCatalog } from '../../src/catalog/index.js';
import { readCatalog } from '../../src/catalog/load.js';
import { ConfigurationError } from '../../src/core/errors.js';
import { FIXTURES, REPO_ROOT } from '../harness/paths.js';
import { INVALID_CASES, lines } from './cases.js';
import { generateCatalog } from './generate.js';

const schema: unknown = JSON.parse(readFileSync(join(REPO_ROOT, 'schemas', 'services.schema.json'), 'utf8'));
const validate = new Ajv({ allErrors: true, strict: true, allowUnionTypes: true }).compile(schema as object);

function errorOf(load: () => unknown): ConfigurationError {
  try {
    load();
  } catch (error) {
    if (error instanceof ConfigurationError) return error;
    throw error;
  }
  throw new Error('expected the catalog to be rejected');
}

/** The schema's verdict on a catalog's YAML, as an editor would give it. */
function schemaAccepts(text: string): boolean {
  return validate(parse(text, { logLevel: 'error' })) === true;
}

/** Valid catalogs: both the loader and the schema must accept each. */
const VALID_CATALOGS: Record<string, string> = {
  'the example monorepo': readFileSync(join(FIXTURES, 'aura-monorepo', '.github', 'services.yml'), 'utf8'),
  'the example a consumer copies': readFileSync(join(REPO_ROOT, 'action-templates', 'services.yml'), 'utf8'),
  'a generated catalog of 30 services': generateCatalog(30),
  'every form the catalog allows': lines(
    '---',
    'version: 1.0',
    'global: []',
    'shared:',
    '  lib.a_1: &lib',
    '    paths:',
    '    - "libs/a/**"',
    '    - .github/scripts/*.sh',
    '    ignore: []',
    '  lib-b: *lib',
    'services:',
    '  Svc.One:',
    '    paths: ["services/one/**", "**/*.proto"]',
    '    uses: [lib.a_1, lib-b, svc-2]',
    '    dvc:',
    '      stages: [prepare, "train@0", "sub/dir/dvc.yaml:train", "dvc.yaml:eval@us-east-1"]',
    '    image:',
    '      name: team/svc-one',
    '      build_args: { PYTHON_VERSION: 3.10, DEBUG: false, NAME: "one" }',
    '    deploy:',
    '      deployment: svc.one',
    '      container: svc-one',
    '    metrics:',
    '      files: [metrics/one.json, metrics/one.yaml]',
    '      rules:',
    '        "mAP@0.5": { better: higher }',
    '        train.loss: { better: lower, max_rise: 0 }',
    '        latency: { better: lower, max_rise: "12.5%" }',
    '    test: { coverage: 0 }',
    '  svc-2:',
    '    paths: [',
    '      "services/two/**",',
    '    ]',
    '    image: {}',
  ),
};

describe('the loader rejects each invalid catalog with one located error', () => {
  it.each(INVALID_CASES.map((c) => [c.title, c] as const))('%s', (_title, c) => {
    const error = errorOf(() => parseCatalog(c.text, '.github/services.yml'));
    expect({ message: error.message, location: error.location }).toEqual({
      message: c.message,
      location: { file: '.github/services.yml', line: c.at[0], column: c.at[1] },
    });
  });

  it.each(INVALID_CASES.map((c) => [c.title, c] as const))('the yaml package reader reports the same: %s', (_title, c) => {
    const error = errorOf(() => readCatalog(c.text, '.github/services.yml', 'yaml-package'));
    expect({ message: error.message, location: error.location }).toEqual({
      message: c.message,
      location: { file: '.github/services.yml', line: c.at[0], column: c.at[1] },
    });
  });
});

describe('the JSON Schema agrees with the loader', () => {
  it.each(Object.entries(VALID_CATALOGS))('both accept %s', (_name, text) => {
    expect(() => parseCatalog(text, 'services.yml')).not.toThrow();
    const accepted = schemaAccepts(text);
    expect(accepted ? [] : validate.errors).toEqual([]);
  });

  const expressible = INVALID_CASES.filter((c) => c.schema === 'rejects');
  it.each(expressible.map((c) => [c.title, c] as const))('both reject %s', (_title, c) => {
    expect(schemaAccepts(c.text)).toBe(false);
  });

  // Rules JSON Schema cannot state: the schema lets these through, the loader does not. Listing
  // them keeps the split honest: a schema that starts rejecting one moves it to the list above.
  const loaderOnly = INVALID_CASES.filter((c) => c.schema === 'accepts');
  it.each(loaderOnly.map((c) => [c.title, c] as const))('only the loader rejects %s', (_title, c) => {
    expect(schemaAccepts(c.text)).toBe(true);
  });

  it('every schema node that describes a user-facing key says what it is for', () => {
    const missing: string[] = [];
    const visit = (node: unknown, path: string): void => {
      if (typeof node !== 'object' || node === null) return;
      const record = node as Record<string, unknown>;
      const properties = record['properties'] as Record<string, Record<string, unknown>> | undefined;
      for (const [key, child] of Object.entries(properties ?? {})) {
        if (typeof child['description'] !== 'string' && typeof child['$ref'] !== 'string') missing.push(`${path}.${key}`);
      }
      for (const [key, child] of Object.entries(record)) {
        // The direction rules' conditions only forbid keys described where they are defined.
        if (key !== 'allOf') visit(child, `${path}/${key}`);
      }
    };
    visit(schema, '#');
    expect(missing).toEqual([]);
  });
});

describe('catalog files point editors at the schema', () => {
  it('the example a consumer copies names the published schema', () => {
    const first = VALID_CATALOGS['the example a consumer copies']?.split('\n')[0];
    expect(first).toBe(
      '# yaml-language-server: $schema=https://raw.githubusercontent.com/aura/actions/v1/schemas/services.schema.json',
    );
    expect((schema as { $id: string }).$id).toBe('https://raw.githubusercontent.com/aura/actions/v1/schemas/services.schema.json');
  });

  it("the example monorepo's catalog names the schema by a relative path that exists", () => {
    const catalogDir = join(FIXTURES, 'aura-monorepo', '.github');
    const first = VALID_CATALOGS['the example monorepo']?.split('\n')[0] ?? '';
    const match = /^# yaml-language-server: \$schema=(\S+)$/.exec(first);
    expect(match?.[1]).toBe('../../../../schemas/services.schema.json');
    expect(readFileSync(join(catalogDir, match?.[1] ?? ''), 'utf8')).toBe(readFileSync(join(REPO_ROOT, 'schemas', 'services.schema.json'), 'utf8'));
  });
});

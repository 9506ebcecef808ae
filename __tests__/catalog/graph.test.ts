import { join } from 'node:path';
import { dependentsIndex, loadCatalog, parseCatalog, resolveDependencies } from '../../src/catalog/index.js';
import { ConfigurationError } from '../../src/core/errors.js';
import { FIXTURES } from '../harness/paths.js';
import { lines } from './cases.js';

function errorOf(load: () => unknown): ConfigurationError {
  try {
    load();
  } catch (error) {
    if (error instanceof ConfigurationError) return error;
    throw error;
  }
  throw new Error('expected a ConfigurationError');
}

/**
 * Services written out of dependency order: `web` uses `api` (written after it), `api` uses
 * `models` and the `proto` group, `models` uses `ml`, `worker` uses `models` and `api` (a diamond),
 * and `docs` depends on nothing.
 */
const CATALOG = lines(
  'version: 1',
  'shared:',
  '  ml:',
  '    paths: [libs/ml/**]',
  '  proto:',
  '    paths: [proto/**]',
  '  unused:',
  '    paths: [libs/unused/**]',
  'services:',
  '  web:',
  '    paths: [web/**]',
  '    uses: [api]',
  '  api:',
  '    paths: [api/**]',
  '    uses: [proto, models]',
  '  models:',
  '    paths: [models/**]',
  '    uses: [ml]',
  '  worker:',
  '    paths: [worker/**]',
  '    uses: [models, api]',
  '  docs:',
  '    paths: [docs/**]',
);

describe('dependencies through uses', () => {
  const catalog = parseCatalog(CATALOG, 'services.yml');

  it('resolves groups and services transitively, in catalog order', () => {
    expect(resolveDependencies(catalog, 'web')).toEqual({ groups: ['ml', 'proto'], services: ['api', 'models'] });
    expect(resolveDependencies(catalog, 'worker')).toEqual({ groups: ['ml', 'proto'], services: ['api', 'models'] });
    expect(resolveDependencies(catalog, 'models')).toEqual({ groups: ['ml'], services: [] });
    expect(resolveDependencies(catalog, 'docs')).toEqual({ groups: [], services: [] });
  });

  it('indexes, for every group and service, the services a change to it affects', () => {
    expect(Object.fromEntries(dependentsIndex(catalog))).toEqual({
      ml: ['web', 'api', 'models', 'worker'],
      proto: ['web', 'api', 'worker'],
      unused: [],
      web: [],
      api: ['web', 'worker'],
      models: ['web', 'api', 'worker'],
      worker: [],
      docs: [],
    });
  });

  it('matches the example monorepo: each library marks the two services that import it', () => {
    const monorepo = loadCatalog(join(FIXTURES, 'aura-monorepo'), '.github/services.yml');
    const index = dependentsIndex(monorepo);
    expect(index.get('ml-common')).toEqual(['visual-analysis', 'outfit-recommendation']);
    expect(index.get('fashion-taxonomy')).toEqual(['outfit-recommendation', 'conversational-ai']);
    expect(index.get('visual-analysis')).toEqual([]);
  });

  it('refuses a service that is not in the catalog', () => {
    expect(errorOf(() => resolveDependencies(catalog, 'mdoels')).message).toBe(
      "service: 'mdoels' is not a service of the catalog services.yml; did you mean 'models'? its services are web, api, models, worker, docs",
    );
  });
});

describe('cycles', () => {
  it('reports a cycle entered from outside at its first uses entry in the document, starting the path there', () => {
    const error = errorOf(() =>
      parseCatalog(
        lines(
          'version: 1',
          'services:',
          '  entry:',
          '    paths: [entry/**]',
          '    uses: [c]',
          '  b:',
          '    paths: [b/**]',
          '    uses: [c]',
          '  c:',
          '    paths: [c/**]',
          '    uses: [b]',
        ),
        'services.yml',
      ),
    );
    expect(error.message).toBe(
      'services.b.uses[0]: dependency cycle b -> c -> b; a service cannot depend on itself, directly or through others: remove one of these uses',
    );
    expect(error.location).toEqual({ file: 'services.yml', line: 8, column: 12 });
  });

  it('reports the first of two cycles in the document', () => {
    const error = errorOf(() =>
      parseCatalog(
        lines(
          'version: 1',
          'services:',
          '  x:',
          '    paths: [x/**]',
          '    uses: [y]',
          '  p:',
          '    paths: [p/**]',
          '    uses: [q]',
          '  q:',
          '    paths: [q/**]',
          '    uses: [p]',
          '  y:',
          '    paths: [y/**]',
          '    uses: [x]',
        ),
        'services.yml',
      ),
    );
    expect(error.message).toMatch(/^services\.x\.uses\[0\]: dependency cycle x -> y -> x;/);
    expect(error.location).toEqual({ file: 'services.yml', line: 5, column: 12 });
  });

  it('does not take a shared group for a cycle: groups have no uses', () => {
    const catalog = parseCatalog(
      lines('version: 1', 'shared:', '  lib:', '    paths: [lib/**]', 'services:', '  a:', '    paths: [a/**]', '    uses: [lib]', '  b:', '    paths: [b/**]', '    uses: [a, lib]'),
      'services.yml',
    );
    expect(dependentsIndex(catalog).get('lib')).toEqual(['a', 'b']);
  });
});

import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadCatalog, parseCatalog, serviceNames, requireService, type Catalog } from '../../src/catalog/index.js';
import { ConfigurationError } from '../../src/core/errors.js';
import { FIXTURES } from '../harness/paths.js';
import { lines } from './cases.js';

const MONOREPO = join(FIXTURES, 'aura-monorepo');

function errorOf(load: () => unknown): ConfigurationError {
  try {
    load();
  } catch (error) {
    if (error instanceof ConfigurationError) return error;
    throw error;
  }
  throw new Error('expected a ConfigurationError');
}

describe('the example monorepo catalog', () => {
  let catalog: Catalog;
  beforeAll(() => {
    catalog = loadCatalog(MONOREPO, '.github/services.yml');
  });

  it('names the file relative to the repository root, as annotations need it', () => {
    expect(catalog.file).toBe('.github/services.yml');
    expect(loadCatalog(MONOREPO, './.github/services.yml').file).toBe('.github/services.yml');
    expect(loadCatalog(MONOREPO, join(MONOREPO, '.github', 'services.yml')).file).toBe('.github/services.yml');
  });

  it('has the three services in the order written, and the shared libraries', () => {
    expect(catalog.version).toBe(1);
    expect(serviceNames(catalog)).toEqual(['visual-analysis', 'outfit-recommendation', 'conversational-ai']);
    expect(catalog.global).toEqual(['requirements-base.txt']);
    expect([...catalog.shared.values()]).toEqual([
      { name: 'ml-common', paths: ['libs/ml_common/**'], ignore: [] },
      { name: 'fashion-taxonomy', paths: ['libs/fashion_taxonomy/**'], ignore: [] },
    ]);
  });

  it('reads every section of a service', () => {
    const service = requireService(catalog, 'visual-analysis');
    expect(service).toMatchObject({
      name: 'visual-analysis',
      paths: ['services/visual_analysis/**'],
      ignore: ['**/*.md'],
      uses: ['ml-common'],
      dvc: { stages: ['visual_data_prep', 'visual_train'] },
      image: {
        name: 'visual-analysis',
        context: '.',
        dockerfile: 'services/visual_analysis/Dockerfile',
        dockerfilePath: 'services/visual_analysis/Dockerfile',
        target: 'production',
        buildArgs: {},
      },
      deploy: { deployment: 'visual-analysis-service', container: 'visual-analysis', namespace: 'aura' },
      metrics: { files: ['metrics/visual_analysis.json'] },
      test: { coverage: 80 },
    });
  });

  it('keeps metric names whole, dots and @ included, with their direction and threshold', () => {
    const rules = requireService(catalog, 'visual-analysis').metrics?.rules;
    expect([...(rules?.keys() ?? [])]).toEqual([
      'mAP@0.5',
      'mAP@0.75',
      'precision',
      'recall',
      'style_accuracy',
      'color_detection',
      'trend_score',
      'inference_time',
      'memory_usage',
    ]);
    expect(rules?.get('mAP@0.5')).toEqual({ better: 'higher', maxDrop: { kind: 'absolute', value: 0.01 } });
    expect(rules?.get('inference_time')).toEqual({ better: 'lower', maxRise: { kind: 'relative', percent: 10 } });
    const perplexity = requireService(catalog, 'conversational-ai').metrics?.rules.get('generation.perplexity');
    expect(perplexity).toEqual({ better: 'lower', maxRise: { kind: 'relative', percent: 5 } });
  });

  it('locates any node for later actions’ errors: a rule, a list item, and the nearest ancestor of a default', () => {
    const at = (path: (string | number)[]) => {
      const { line, column } = catalog.locate(path);
      return `${line}:${column}`;
    };
    expect(catalog.locate(['services', 'visual-analysis', 'metrics', 'rules', 'mAP@0.5'])).toEqual({
      file: '.github/services.yml',
      line: 36,
      column: 9,
    });
    expect(at(['services', 'outfit-recommendation', 'uses', 1])).toBe('51:23');
    expect(at(['services', 'conversational-ai', 'deploy', 'health_path'])).toBe(at(['services', 'conversational-ai', 'deploy']));
    expect(at([])).toBe('4:1');
  });

  it('names an unknown service with a suggestion and the known ones', () => {
    expect(errorOf(() => requireService(catalog, 'visual-analisys', "input 'services'")).message).toBe(
      "input 'services': 'visual-analisys' is not a service of the catalog .github/services.yml; did you mean 'visual-analysis'? " +
        'its services are visual-analysis, outfit-recommendation, conversational-ai',
    );
  });
});

describe('defaults', () => {
  const catalog = parseCatalog(
    lines(
      'version: 1',
      'services:',
      '  Vision:',
      '    paths: ["services/vision/**", "libs/vision_utils/**"]',
      '    image:',
      '      build_args: { PYTHON_VERSION: 3.10, WORKERS: 4, DEBUG: false, EMPTY: "" }',
      '    deploy: { deployment: vision }',
      '  tools:',
      '    paths: [tools/build.sh]',
      '    image: { dockerfile: ../docker/tools.Dockerfile }',
      '  web:',
      '    paths: ["**/*.ts"]',
      '    image: { context: web/, target: prod }',
    ),
    'services.yml',
  );

  it('builds from the folder of the first paths glob, with its Dockerfile, named after the service in lower case', () => {
    expect(catalog.services.get('Vision')?.image).toEqual({
      name: 'vision',
      context: 'services/vision',
      dockerfile: 'Dockerfile',
      dockerfilePath: 'services/vision/Dockerfile',
      buildArgs: { PYTHON_VERSION: '3.10', WORKERS: '4', DEBUG: 'false', EMPTY: '' },
    });
  });

  it('takes the folder of a plain path, resolves a Dockerfile beside the context, and the repository root for a root glob', () => {
    expect(catalog.services.get('tools')?.image).toMatchObject({
      context: 'tools',
      dockerfile: '../docker/tools.Dockerfile',
      dockerfilePath: 'docker/tools.Dockerfile',
    });
    expect(catalog.services.get('web')?.image).toMatchObject({ context: 'web', dockerfilePath: 'web/Dockerfile', target: 'prod' });
  });

  it('deploys the container named after the service, in lower case, in the default namespace', () => {
    expect(catalog.services.get('Vision')?.deploy).toEqual({ deployment: 'vision', container: 'vision', namespace: 'default' });
  });

  it('leaves out what is not configured', () => {
    const web = catalog.services.get('web');
    expect(web).toEqual(expect.objectContaining({ ignore: [], uses: [] }));
    expect(web?.dvc).toBeUndefined();
    expect(web?.deploy).toBeUndefined();
    expect(web?.metrics).toBeUndefined();
    expect(web?.test).toBeUndefined();
  });
});

describe('loading from disk', () => {
  let root: string;
  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'catalog-'));
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('says which path it looked for and how to fix a missing catalog', () => {
    const error = errorOf(() => loadCatalog(root, '.github/services.yml'));
    expect(error.message).toBe(
      `service catalog not found: looked for .github/services.yml in ${root}; create it from the example catalog ` +
        "(https://github.com/aura/actions/blob/v1/action-templates/services.yml), or set the 'catalog' input to the path of yours",
    );
    expect(error.location).toBeUndefined();
  });

  it('says when the catalog path is a folder', () => {
    mkdirSync(join(root, '.github', 'services.yml'), { recursive: true });
    expect(errorOf(() => loadCatalog(root, '.github/services.yml')).message).toBe(
      "service catalog .github/services.yml is a directory; set the 'catalog' input to the catalog file",
    );
  });

  it('locates errors in a catalog at another path on that path', () => {
    mkdirSync(join(root, 'config'));
    writeFileSync(join(root, 'config', 'catalog.yaml'), lines('version: 1', 'services:', '  a:', '    pathz: [a/**]'));
    expect(errorOf(() => loadCatalog(root, 'config/catalog.yaml')).location).toEqual({ file: 'config/catalog.yaml', line: 4, column: 5 });
  });

  it('reads a catalog with Windows line ends and a byte-order mark', () => {
    writeFileSync(join(root, 'services.yml'), '\ufeffversion: 1\r\nservices:\r\n  a:\r\n    paths: [a/**]\r\n    imgae: {}\r\n');
    expect(errorOf(() => loadCatalog(root, 'services.yml')).location).toEqual({ file: 'services.yml', line: 5, column: 5 });
    writeFileSync(join(root, 'services.yml'), '\ufeffversion: 1\r\nservices:\r\n  a:\r\n    paths: [a/**]\r\n');
    expect(loadCatalog(root, 'services.yml').services.get('a')?.paths).toEqual(['a/**']);
  });
});

import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseAllDocuments } from 'yaml';
import { removeDir } from '../harness/git.js';
import { findTool, toolOrSkip } from '../harness/tools.js';
import {
  MONOREPO,
  SERVICES,
  copyFixture,
  dependsOn,
  flattenMetrics,
  leafKeys,
  lookup,
  outputsOf,
  readParams,
  readStages,
  runStage,
  setParam,
  snapshot,
  stageParamKeys,
  writeParams,
} from './monorepo.js';

/**
 * The example Aura monorepo (__tests__/fixtures/aura-monorepo) is what the action tests run
 * on; these tests prove it is what it claims to be: pipelines that run on the standard
 * library and give the same bytes for the same inputs, a dvc.yaml whose params lists match
 * what the scripts read, the seed's metric names, Dockerfiles and manifests of the right shape.
 */

const python = toolOrSkip('python3', 'runs the fixture pipeline scripts and service tests');
const describeWithPython = python ? describe : describe.skip;
const stages = readStages(MONOREPO);
const allStages = SERVICES.flatMap((service) => service.stages);

function otherValue(value: unknown): unknown {
  if (typeof value === 'boolean') return !value;
  if (typeof value === 'number') return Number.isInteger(value) ? value + 1 : value * 1.5;
  if (typeof value === 'string') return `${value}-changed`;
  if (Array.isArray(value)) return [...value, value[0]];
  return 'changed';
}

describe('dvc.yaml of the example monorepo', () => {
  it('has the data and training stage of every service, with the seed shape', () => {
    expect(Object.keys(stages).sort()).toEqual([...allStages].sort());
    for (const service of SERVICES) {
      const [data, train] = service.stages.map((name) => stages[name]!);
      expect(data!.cmd).toMatch(new RegExp(`^python services/${service.dir}/scripts/prepare_data\\.py`));
      expect(train!.cmd).toMatch(new RegExp(`^python services/${service.dir}/scripts/train\\.py`));
      expect(data!.outs).toEqual([`data/processed/${service.stages[0].replace('_data_prep', '')}`]);
      expect(train!.deps).toEqual(expect.arrayContaining([data!.outs![0], `services/${service.dir}/src`, `services/${service.dir}/scripts/train.py`]));
      expect(train!.outs).toEqual([`models/${service.dir}`]);
      expect(train!.metrics).toEqual([{ [service.metricsFile]: { cache: false } }]);
    }
  });

  it('keeps each service’s params in its own section of params.yaml', () => {
    const params = readParams(MONOREPO);
    for (const [name, stage] of Object.entries(stages)) {
      const section = name.split('_')[0]!;
      for (const key of stageParamKeys(stage)) {
        expect(key.split('.')[0]).toBe(section);
        expect(() => lookup(params, key)).not.toThrow();
      }
    }
  });

  it('has a params.yaml key that no stage depends on, and a stage whose keys come only from ${...}', () => {
    const params = readParams(MONOREPO);
    const unused = leafKeys(params).filter((leaf) => !Object.values(stages).some((stage) => dependsOn(stage, leaf)));
    expect(unused).toEqual(['visual.model.name', 'conversational.qlora.load_in_4bit']);
    const train = stages.conversational_train!;
    const listed = (train.params ?? []) as string[];
    expect(stageParamKeys(train).filter((key) => !listed.some((l) => key === l || key.startsWith(`${l}.`)))).toEqual([
      'conversational.qlora.base_model_name',
      'conversational.qlora.lora_r',
      'conversational.qlora.lora_alpha',
      'conversational.train.epochs',
      'conversational.train.learning_rate',
    ]);
  });

  it('depends on the shared libraries each service’s code imports', () => {
    for (const service of SERVICES) {
      const code = [`services/${service.dir}/src/${service.dir}`, `services/${service.dir}/scripts`].flatMap((dir) =>
        readdirSync(join(MONOREPO, dir))
          .filter((file) => file.endsWith('.py'))
          .map((file) => readFileSync(join(MONOREPO, dir, file), 'utf8')),
      );
      const imported = ['ml_common', 'fashion_taxonomy'].filter((lib) =>
        code.some((text) => new RegExp(`^\\s*(from|import) ${lib}\\b`, 'm').test(text)),
      );
      expect(imported).toEqual(service.libs);
      const deps = service.stages.flatMap((name) => stages[name]!.deps ?? []);
      for (const lib of ['ml_common', 'fashion_taxonomy']) {
        expect(deps.includes(`libs/${lib}`)).toBe(service.libs.includes(lib));
      }
    }
  });
});

describeWithPython('pipeline scripts of the example monorepo', () => {
  let dir: string;
  let baseline: Map<string, string>;
  const produced = (names: string[]) => snapshot(dir, names.flatMap((name) => outputsOf(stages[name]!)));

  beforeAll(() => {
    dir = copyFixture();
    for (const name of allStages) runStage(dir, name, python!);
    baseline = produced(allStages);
  });
  afterAll(() => removeDir(dir));

  it.each(SERVICES.map((service) => [service.dir, service] as const))(
    '%s writes its processed data, its model and the seed’s metrics',
    (_, service) => {
      const [data, train] = service.stages.map((name) => stages[name]!);
      for (const out of [...data!.outs!, ...train!.outs!]) {
        expect([...baseline.keys()].filter((path) => path.startsWith(`${out}/`)).length).toBeGreaterThan(0);
      }
      const metrics = flattenMetrics(JSON.parse(baseline.get(service.metricsFile)!));
      expect([...metrics.keys()]).toEqual(service.metrics);
      for (const value of metrics.values()) expect(Number.isFinite(value)).toBe(true);
    },
  );

  it('reads params.yaml with its standard-library reader exactly as a YAML parser does', () => {
    const result = spawnSync(
      python!,
      ['-I', '-S', '-B', '-c', 'import json, sys; sys.path.insert(0, "libs"); from ml_common import load_params; print(json.dumps(load_params()))'],
      { cwd: dir, encoding: 'utf8' },
    );
    expect(result.stderr).toBe('');
    expect(JSON.parse(result.stdout)).toEqual(readParams(dir));
  });

  it('writes the same bytes when run again on the same inputs', () => {
    for (const name of allStages) runStage(dir, name, python!);
    expect(produced(allStages)).toEqual(baseline);
  });

  it('has committed metrics files equal to what the committed params produce', () => {
    for (const service of SERVICES) {
      expect(readFileSync(join(MONOREPO, service.metricsFile), 'utf8')).toBe(baseline.get(service.metricsFile));
    }
    // The conversational file nests its metrics in sections; the visual one keeps dots in a top-level key.
    expect(Object.keys(JSON.parse(baseline.get('metrics/conversational_ai.json')!))).toEqual(['generation', 'rag']);
    expect(JSON.parse(baseline.get('metrics/visual_analysis.json')!)).toHaveProperty(['mAP@0.5']);
  });

  // A stage that read a key its dvc.yaml entry does not name would not be re-run by DVC when
  // that key changes. Changing every other key must leave its outputs byte for byte the same.
  it.each(allStages)('%s reads no params.yaml key outside the ones dvc.yaml gives it', (name) => {
    const original = readFileSync(join(dir, 'params.yaml'), 'utf8');
    try {
      const params = readParams(dir);
      const others = leafKeys(params).filter((leaf) => !dependsOn(stages[name]!, leaf));
      expect(others.length).toBeGreaterThan(10);
      for (const key of others) setParam(params, key, otherValue(lookup(params, key)));
      writeParams(dir, params);
      runStage(dir, name, python!);
      expect(produced([name])).toEqual(only(baseline, outputsOf(stages[name]!)));
    } finally {
      writeFileSync(join(dir, 'params.yaml'), original);
    }
  });

  it.each([
    ['visual_data_prep', 'visual.data.val_fraction', 0.4],
    ['visual_train', 'visual.train.epochs', 20],
    ['outfit_data_prep', 'outfit.data.holdout_fraction', 0.2],
    ['outfit_train', 'outfit.train.epochs', 4],
    ['conversational_data_prep', 'conversational.data.chunk_size', 400],
    ['conversational_train', 'conversational.train.epochs', 6],
  ])('%s gives other outputs when %s changes', (name, key, value) => {
    const original = readFileSync(join(dir, 'params.yaml'), 'utf8');
    try {
      const params = readParams(dir);
      expect(lookup(params, key)).not.toBe(value);
      setParam(params, key, value);
      writeParams(dir, params);
      runStage(dir, name, python!);
      const outputs = produced([name]);
      expect(outputs).not.toEqual(only(baseline, outputsOf(stages[name]!)));
      const metricsFile = outputsOf(stages[name]!).find((path) => path.startsWith('metrics/'));
      if (metricsFile) expect(outputs.get(metricsFile)).not.toBe(baseline.get(metricsFile));
    } finally {
      writeFileSync(join(dir, 'params.yaml'), original);
      runStage(dir, name, python!);
    }
  });

  it('stops with the file and line when params.yaml leaves the supported subset', () => {
    const original = readFileSync(join(dir, 'params.yaml'), 'utf8');
    try {
      writeFileSync(join(dir, 'params.yaml'), original.replace('  train:\n    epochs: 12', '  train:\n    epochs:\n      - 12'));
      expect(() => runStage(dir, 'visual_train', python!)).toThrow(/params\.yaml:\d+: block lists are not supported/);
    } finally {
      writeFileSync(join(dir, 'params.yaml'), original);
    }
  });
});

function only(files: Map<string, string>, paths: string[]): Map<string, string> {
  return new Map([...files].filter(([file]) => paths.some((path) => file === path || file.startsWith(`${path}/`))));
}

function unittestCount(output: string): number {
  return Number(/^Ran (\d+) tests? in/m.exec(output)?.[1] ?? 0);
}

describeWithPython('service and library tests of the example monorepo', () => {
  let dir: string;
  const suites = [
    ...SERVICES.map((service) => ({ tests: `services/${service.dir}/tests`, path: `services/${service.dir}/src:libs` })),
    { tests: 'libs/ml_common/tests', path: 'libs' },
    { tests: 'libs/fashion_taxonomy/tests', path: 'libs' },
  ];
  let total = 0;

  beforeAll(() => {
    dir = copyFixture();
  });
  afterAll(() => removeDir(dir));

  it.each(suites.map((suite) => [suite.tests, suite] as const))('%s pass under the standard library’s unittest', (_, suite) => {
    const result = spawnSync(python!, ['-S', '-B', '-m', 'unittest', 'discover', '-s', suite.tests], {
      cwd: dir,
      encoding: 'utf8',
      env: { PATH: process.env.PATH ?? '/usr/bin:/bin', PYTHONPATH: suite.path },
    });
    expect(result.stderr).toMatch(/\nOK\s*$/);
    expect(result.status).toBe(0);
    const ran = unittestCount(result.stderr);
    expect(ran).toBeGreaterThan(0);
    total += ran;
  });

  it('pass under pytest from the repository root too, when pytest is installed', () => {
    const pytest = findTool('pytest');
    if (!pytest) {
      console.warn('SKIPPED: pytest is not installed; the unittest runs above cover the same tests');
      return;
    }
    const result = spawnSync(pytest, ['-q', '-p', 'no:cacheprovider'], {
      cwd: dir,
      encoding: 'utf8',
      env: { ...process.env, PYTHONDONTWRITEBYTECODE: '1' },
    });
    expect(result.status).toBe(0);
    const passed = Number(/(\d+) passed/.exec(result.stdout)?.[1] ?? 0);
    expect(passed).toBeGreaterThan(0);
    expect(result.stdout).not.toMatch(/failed|error/);
    // Same tests as the unittest runs above (when they ran in this process).
    if (total > 0) expect(passed).toBe(total);
  });
});

interface Instruction {
  keyword: string;
  args: string;
}

/** Dockerfile instructions with continuation lines joined and comments dropped. */
function instructions(text: string): Instruction[] {
  return text
    .replace(/\\\n/g, ' ')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith('#'))
    .map((line) => {
      const [keyword, ...rest] = line.split(/\s+/);
      return { keyword: keyword!.toUpperCase(), args: rest.join(' ') };
    });
}

describe('Dockerfiles of the example monorepo', () => {
  const ignore = readFileSync(join(MONOREPO, '.dockerignore'), 'utf8')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith('#'));

  it.each(SERVICES.map((service) => [service.dir, service] as const))(
    '%s: BASE_IMAGE argument and the base, development and production stages',
    (_, service) => {
      const steps = instructions(readFileSync(join(MONOREPO, 'services', service.dir, 'Dockerfile'), 'utf8'));
      expect(steps[0]).toEqual({ keyword: 'ARG', args: 'BASE_IMAGE=python:3.11-slim' });
      expect(steps.filter((step) => step.keyword === 'FROM').map((step) => step.args)).toEqual([
        '${BASE_IMAGE} AS base',
        'base AS development',
        'base AS production',
      ]);
      const production = steps.slice(steps.findIndex((step) => step.args === 'base AS production'));
      const user = production.find((step) => step.keyword === 'USER')?.args ?? '';
      expect(user).not.toMatch(/^(root|0)(:|$)/);
      expect(user).not.toBe('');
      expect(production.find((step) => step.keyword === 'EXPOSE')?.args).toBe('8000');
      expect(production.at(-1)!.keyword).toBe('CMD');
      for (const step of steps.filter((s) => s.keyword === 'RUN' && /\bpip\b/.test(s.args))) {
        expect(step.args).toContain('command -v pip');
      }
      // The production image carries the service's package and exactly the libraries it imports.
      const copied = production.filter((step) => step.keyword === 'COPY').map((step) => step.args.split(/\s+/)[0]);
      expect(copied).toEqual([...service.libs.map((lib) => `libs/${lib}`), `services/${service.dir}/src`]);
    },
  );

  it('copies only paths that exist and that .dockerignore sends to the builder', () => {
    expect(ignore[0]).toBe('*');
    for (const service of SERVICES) {
      const steps = instructions(readFileSync(join(MONOREPO, 'services', service.dir, 'Dockerfile'), 'utf8'));
      for (const step of steps.filter((s) => s.keyword === 'COPY')) {
        const source = step.args.split(/\s+/)[0]!;
        expect(existsSync(join(MONOREPO, source))).toBe(true);
        expect(ignore).toContain(`!${source.split('/')[0]}${source.includes('/') ? '/' : ''}`);
      }
    }
  });
});

/** The objects of a service's k8s/deployment.yaml; fails on any YAML error. */
function manifests(service: string): any[] {
  const documents = parseAllDocuments(readFileSync(join(MONOREPO, 'services', service, 'k8s', 'deployment.yaml'), 'utf8'));
  for (const document of documents) expect(document.errors).toEqual([]);
  return documents.map((document) => document.toJS());
}

describe('Kubernetes manifests of the example monorepo', () => {
  it.each(SERVICES.map((service) => [service.dir, service] as const))('%s: Deployment and Service', (_, service) => {
    const objects = manifests(service.dir);
    expect(objects).toHaveLength(2);
    const [deployment, svc] = objects;

    expect(deployment).toMatchObject({
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: `${service.name}-service`, namespace: 'aura', labels: { app: service.name } },
      spec: {
        selector: { matchLabels: { app: service.name } },
        strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 1, maxUnavailable: 1 } },
        template: { metadata: { labels: { app: service.name } } },
      },
    });
    expect(deployment.spec.replicas).toBeGreaterThanOrEqual(2);
    const containers = deployment.spec.template.spec.containers;
    expect(containers).toHaveLength(1);
    const container = containers[0];
    expect(container.name).toBe(service.name);
    expect(container.image).toBe(`gcr.io/aura-project/${service.name}:latest`);
    expect(container.ports).toEqual([{ name: 'http', containerPort: 8000 }]);
    for (const probe of [container.readinessProbe, container.livenessProbe]) {
      expect(probe.httpGet).toEqual({ path: '/healthz', port: 'http' });
    }
    expect(Object.keys(container.resources).sort()).toEqual(['limits', 'requests']);

    expect(svc).toMatchObject({
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name: `${service.name}-service`, namespace: 'aura' },
      spec: { selector: { app: service.name }, ports: [{ name: 'http', targetPort: 'http' }] },
    });
  });

  it('visual-analysis has the seed’s replicas and resources', () => {
    const [deployment] = manifests('visual_analysis');
    expect(deployment.spec.replicas).toBe(3);
    expect(deployment.spec.template.spec.containers[0].resources).toEqual({
      requests: { memory: '1Gi', cpu: '500m' },
      limits: { memory: '2Gi', cpu: '1000m' },
    });
  });
});

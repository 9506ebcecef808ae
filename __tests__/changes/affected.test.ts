import { computeAffected, selectServices, stageCovers } from '../../src/changes/affected.js';
import { dependentsIndex, parseCatalog } from '../../src/catalog/index.js';
import type { ChangedFile } from '../../src/changes/types.js';

const catalog = parseCatalog(
  `version: 1
global:
  - requirements-base.txt
shared:
  ml-common:
    paths: ["libs/ml_common/**"]
  taxonomy:
    paths: ["libs/fashion_taxonomy/**"]
    ignore: ["**/*.md"]
services:
  visual-analysis:
    paths: ["services/visual_analysis/**"]
    ignore: ["**/*.md"]
    uses: [ml-common]
    dvc:
      stages: [visual_data_prep, visual_train]
  outfit-recommendation:
    paths: ["services/outfit_recommendation/**"]
    uses: [ml-common, taxonomy]
    dvc:
      stages: [outfit_train]
  conversational-ai:
    paths: ["services/conversational_ai/**"]
    uses: [taxonomy]
  gateway:
    paths: ["services/gateway/**"]
    uses: [outfit-recommendation]
  dashboard:
    paths: ["services/dashboard/**"]
    uses: [gateway]
`,
  '.github/services.yml',
);
const dependents = dependentsIndex(catalog);

function affected(files: (string | ChangedFile)[], stages: Record<string, string[]> = {}) {
  const changed = files.map((f) => (typeof f === 'string' ? { path: f, status: 'modified' as const } : f));
  return computeAffected(catalog, changed, new Map(Object.entries(stages)), dependents);
}

describe('which services a change affects', () => {
  it('marks the service whose own paths changed, and the services that use it, transitively', () => {
    const result = affected(['services/outfit_recommendation/src/app.py']);
    expect(result.services).toEqual(['outfit-recommendation', 'gateway', 'dashboard']);
    expect(result.reasons.get('outfit-recommendation')).toEqual({ files: ['services/outfit_recommendation/src/app.py'] });
    expect(result.reasons.get('gateway')).toEqual({ dependencies: ['outfit-recommendation'] });
    expect(result.reasons.get('dashboard')).toEqual({ dependencies: ['outfit-recommendation'] });
  });

  it('marks every service on a change of a global path', () => {
    const result = affected(['requirements-base.txt']);
    expect(result.services).toEqual([...catalog.services.keys()]);
    for (const why of result.reasons.values()) expect(why.global).toEqual(['requirements-base.txt']);
  });

  it('marks every service that uses a shared group, directly or through another service', () => {
    const result = affected(['libs/ml_common/metrics.py']);
    expect(result.services).toEqual(['visual-analysis', 'outfit-recommendation', 'gateway', 'dashboard']);
    expect(result.reasons.get('dashboard')).toEqual({ groups: { 'ml-common': ['libs/ml_common/metrics.py'] } });
    expect(result.reasons.has('conversational-ai')).toBe(false);
  });

  it('leaves out files a service or group ignores', () => {
    expect(affected(['services/visual_analysis/README.md', 'libs/fashion_taxonomy/NOTES.md']).services).toEqual([]);
  });

  it('counts a rename for both its old and its new path', () => {
    const result = affected([
      { path: 'services/conversational_ai/src/moved.py', previousPath: 'services/visual_analysis/src/moved.py', status: 'renamed' },
    ]);
    expect(result.services).toEqual(['visual-analysis', 'conversational-ai']);
    expect(result.reasons.get('visual-analysis')!.files).toEqual(['services/visual_analysis/src/moved.py']);
  });

  it('counts a copy for its new path only: the source did not change', () => {
    const result = affected([
      { path: 'services/conversational_ai/src/copy.py', previousPath: 'services/visual_analysis/src/orig.py', status: 'copied' },
    ]);
    expect(result.services).toEqual(['conversational-ai']);
  });

  it('counts a deleted file', () => {
    expect(affected([{ path: 'services/gateway/old.py', status: 'deleted' }]).services).toEqual(['gateway', 'dashboard']);
  });

  it('marks the services that own changed DVC stages, and their dependents', () => {
    const result = affected([], { visual_train: ['params visual.train.epochs: 10 -> 15'], outfit_train: ['cmd changed'] });
    expect(result.services).toEqual(['visual-analysis', 'outfit-recommendation', 'gateway', 'dashboard']);
    expect(result.reasons.get('visual-analysis')).toEqual({ dvc: { visual_train: ['params visual.train.epochs: 10 -> 15'] } });
    expect(result.reasons.get('gateway')).toEqual({ dependencies: ['outfit-recommendation'] });
  });

  it('lets a catalog stage name cover its foreach instances', () => {
    expect(stageCovers('visual_train', 'visual_train@small')).toBe(true);
    expect(stageCovers('visual_train', 'visual_train')).toBe(true);
    expect(stageCovers('visual_train', 'visual_train_v2')).toBe(false);
    expect(affected([], { 'outfit_train@large': ['params outfit.train.lr: 1 -> 2'] }).services).toContain('outfit-recommendation');
  });

  it('marks nothing when no path of the catalog changed', () => {
    expect(affected(['docs/index.md', 'notebooks/eda.ipynb']).services).toEqual([]);
  });

  it('keeps catalog order whatever order the files come in', () => {
    const result = affected(['services/dashboard/x.py', 'services/conversational_ai/x.py', 'services/visual_analysis/x.py']);
    expect(result.services).toEqual(['visual-analysis', 'conversational-ai', 'dashboard']);
  });
});

describe('selection without a diff', () => {
  it('selects all or the named services, in catalog order, with the reason', () => {
    expect(selectServices(catalog, 'all', 'schedule').services).toHaveLength(5);
    const some = selectServices(catalog, ['gateway', 'visual-analysis'], 'workflow_dispatch services input');
    expect(some.services).toEqual(['visual-analysis', 'gateway']);
    expect(some.reasons.get('gateway')).toEqual({ selected: 'workflow_dispatch services input' });
  });
});

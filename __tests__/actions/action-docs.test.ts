import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { REPO_ROOT } from '../harness/paths.js';

const ACTIONS = ['detect-changed-services', 'dvc-repro-and-push', 'metrics-regression-gate', 'build-scan-push', 'gke-rollout', 'gke-rollout-verify'];

describe('action metadata and documentation', () => {
  it('every action README lists the inputs and outputs of its action.yml (npm run docs)', () => {
    const result = spawnSync(process.execPath, [join(REPO_ROOT, 'scripts', 'action-docs.mjs'), '--check'], { encoding: 'utf8' });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
  });

  it.each(ACTIONS)('%s/action.yml runs on node24, has branding, and describes every input and output', (action) => {
    const metadata = parse(readFileSync(join(REPO_ROOT, action, 'action.yml'), 'utf8')) as {
      name: string;
      description: string;
      branding: { icon: string; color: string };
      inputs: Record<string, { description?: string }>;
      outputs: Record<string, { description?: string }>;
      runs: { using: string; main: string };
    };
    expect(metadata.runs.using).toBe('node24');
    expect(metadata.branding.icon).toBeTruthy();
    expect(metadata.branding.color).toBeTruthy();
    expect(metadata.description.length).toBeGreaterThan(20);
    for (const [name, spec] of [...Object.entries(metadata.inputs), ...Object.entries(metadata.outputs)]) {
      expect([name, (spec.description ?? '').trim().length > 10]).toEqual([name, true]);
    }
  });
});

import { runBundle } from '../harness/bundle.js';

// Actions whose issue has not landed must fail at start with a clear message, never succeed.
const NOT_YET: string[] = ['gke-rollout', 'gke-rollout-verify'];

describe.each(NOT_YET)('%s before its release', (action) => {
  it('fails at start with one clear "not implemented yet" error', async () => {
    const run = await runBundle(action, { inputs: { image: 'x' } });
    expect(run.exitCode).not.toBe(0);
    const errors = run.annotations.filter((a) => a.level === 'error');
    expect(errors).toHaveLength(1);
    expect(errors[0]!.message).toMatch(/: not implemented yet in this release of aura\/actions/);
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });
});

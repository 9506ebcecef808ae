import { NotImplementedError, runAction } from '../../core/index.js';

export async function run(): Promise<void> {
  await runAction('gke-rollout', async () => {
    throw new NotImplementedError();
  });
}

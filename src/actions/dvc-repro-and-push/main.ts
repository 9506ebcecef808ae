import { NotImplementedError, runAction } from '../../core/index.js';

export async function run(): Promise<void> {
  await runAction('dvc-repro-and-push', async () => {
    throw new NotImplementedError();
  });
}

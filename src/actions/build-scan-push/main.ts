import { NotImplementedError, runAction } from '../../core/index.js';

export async function run(): Promise<void> {
  await runAction('build-scan-push', async () => {
    throw new NotImplementedError();
  });
}

import { NotImplementedError, runAction } from '../../core/index.js';

export async function run(): Promise<void> {
  await runAction('detect-changed-services', async () => {
    throw new NotImplementedError();
  });
}

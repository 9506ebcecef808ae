import { NotImplementedError, runAction } from '../../core/index.js';

export async function run(): Promise<void> {
  await runAction('metrics-regression-gate', async () => {
    throw new NotImplementedError();
  });
}

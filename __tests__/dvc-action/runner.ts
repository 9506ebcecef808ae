import { runBundle, type BundleRun } from '../harness/bundle.js';

/**
 * Runs the action from its TypeScript source (through tsx) with the runner's environment, as
 * __tests__/harness/bundle.ts runs the bundle: the integration tests exercise the code as it is,
 * and the bundle test proves the built dist/ behaves the same. `onLine` sees the output as it
 * streams, so a test can act while the step runs (bring a remote back between push attempts).
 */

export interface SourceRunOptions {
  inputs?: Record<string, string>;
  workspace: string;
  env?: Record<string, string | undefined>;
  post?: { state: Record<string, string> };
  /** Shared across runs to keep DVC installs: the runner's tool cache. */
  toolCache?: string;
  onLine?: (line: string) => void;
  timeoutMs?: number;
}

export function runActionSource(options: SourceRunOptions): Promise<BundleRun> {
  return runBundle('dvc-repro-and-push', {
    ...options,
    fromSource: true,
    timeoutMs: options.timeoutMs ?? 240_000,
    env: { DVC_NO_ANALYTICS: '1', ...options.env },
  });
}

/** The values an action run registered with ::add-mask::. */
export function maskedValues(run: BundleRun): string[] {
  return run.stdout
    .split('\n')
    .filter((line) => line.startsWith('::add-mask::'))
    .map((line) => line.slice('::add-mask::'.length));
}

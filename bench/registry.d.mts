// Types of registry.mjs, for the TypeScript tests that read it.
export interface Bundle {
  dir: string;
  actions: string[];
}
export interface Bench {
  name: string;
  load: () => Promise<{ run: () => Promise<unknown> }>;
  rows: Record<string, string>;
  detailOnly?: string;
}
export function bundles(root?: string): Bundle[];
export function bundleRowLabel(bundle: Bundle): string;
export const BENCHES: Bench[];
export const SUPPORT_MODULES: string[];

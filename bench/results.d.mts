// Types of results.mjs, for the TypeScript tests that read it.
export interface Row {
  label: string;
  aura: string;
  anchor: string;
  ratio: string;
  target: string;
}
export const START: string;
export const END: string;
export const HEADER: string[];
export function renderBlock(table: { rows: Row[]; facts: string[]; anchors: string[]; notes: string[] }): string;
export function resultsFile(block: string): string;
export function extractBlock(text: string): string | undefined;
export function tableRows(block: string): string[][];
export function writeResults(root: string, block: string): string | undefined;

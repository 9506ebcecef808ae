import type { ChangedFile, FileAtRef } from '../../src/changes/types.js';
import { analyzeDvcImpact, type DvcImpact, type StageReason } from '../../src/dvc/impact.js';

/** Two in-memory commits and the change between them, for unit tests of the DVC impact model. */

export type Files = Record<string, string>;

export interface MemoryChange {
  changedFiles: ChangedFile[];
  read: FileAtRef;
  /** Every (ref, path) read, in order. */
  reads: string[];
}

export function memoryChange(base: Files, head: Files, renames: Record<string, string> = {}): MemoryChange {
  const reads: string[] = [];
  const changedFiles: ChangedFile[] = [];
  const renamedFrom = new Map(Object.entries(renames).map(([from, to]) => [to, from]));
  for (const [path, text] of Object.entries(head)) {
    const previousPath = renamedFrom.get(path);
    if (previousPath !== undefined) changedFiles.push({ path, status: 'renamed', previousPath });
    else if (!(path in base)) changedFiles.push({ path, status: 'added' });
    else if (base[path] !== text) changedFiles.push({ path, status: 'modified' });
  }
  for (const path of Object.keys(base)) {
    if (!(path in head) && !(path in renames)) changedFiles.push({ path, status: 'deleted' });
  }
  const read: FileAtRef = async (ref, path) => {
    reads.push(`${ref}:${path}`);
    const files = ref === 'base' ? base : ref === 'head' ? head : undefined;
    if (!files) throw new Error(`unknown ref ${ref}`);
    return files[path];
  };
  return { changedFiles, read, reads };
}

export async function impactOf(
  base: Files,
  head: Files,
  options: { renames?: Record<string, string>; pipelines?: string[] } = {},
): Promise<DvcImpact & { reads: string[] }> {
  const change = memoryChange(base, head, options.renames);
  const impact = await analyzeDvcImpact({
    changedFiles: change.changedFiles,
    base: 'base',
    head: 'head',
    read: change.read,
    ...(options.pipelines ? { pipelines: options.pipelines } : {}),
  });
  return { ...impact, reads: change.reads };
}

/** stage -> the kinds of its reasons, for compact assertions. */
export function kinds(impact: DvcImpact): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const [stage, reasons] of impact.stages) out[stage] = reasons.map((r) => r.kind);
  return out;
}

export function reasonsOf(impact: DvcImpact, stage: string): StageReason[] {
  const reasons = impact.stages.get(stage);
  if (!reasons) throw new Error(`stage ${stage} is not affected; affected: ${[...impact.stages.keys()].join(', ') || 'none'}`);
  return reasons;
}

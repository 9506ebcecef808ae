/**
 * `dvc status --json` before the run: why each stage is out of date. On a fresh checkout every
 * stage reports its outputs as deleted (they are not in git); a stage whose only changes are
 * missing data is one `repro --allow-missing` skips.
 */

export interface StageStatus {
  stage: string;
  /** Readable reasons: `params.yaml: visual.train.epochs modified`, `command changed`. */
  reasons: string[];
  /** Only missing data (deleted or not-in-cache outputs, deleted dependencies). */
  missingDataOnly: boolean;
}

const MISSING = new Set(['deleted', 'not in cache']);

function describeChanges(kind: 'dependency' | 'output', changes: Record<string, unknown>, missing: { only: boolean }): string[] {
  const reasons: string[] = [];
  for (const [path, state] of Object.entries(changes)) {
    if (typeof state === 'string') {
      reasons.push(`${kind} ${path} ${state}`);
      if (!(MISSING.has(state) && (kind === 'output' || state === 'deleted'))) missing.only = false;
    } else if (state && typeof state === 'object') {
      // A params file: key -> modified/new/deleted.
      for (const [key, keyState] of Object.entries(state as Record<string, unknown>)) reasons.push(`${path}: ${key} ${String(keyState)}`);
      missing.only = false;
    }
  }
  return reasons;
}

export function parseStatus(json: unknown): Map<string, StageStatus> {
  const result = new Map<string, StageStatus>();
  if (!json || typeof json !== 'object' || Array.isArray(json)) return result;
  for (const [stage, entries] of Object.entries(json as Record<string, unknown>)) {
    const reasons: string[] = [];
    const missing = { only: true };
    for (const entry of Array.isArray(entries) ? entries : [entries]) {
      if (typeof entry === 'string') {
        reasons.push(entry === 'changed command' ? 'command changed' : entry);
        missing.only = false;
        continue;
      }
      if (!entry || typeof entry !== 'object') continue;
      for (const [section, changes] of Object.entries(entry as Record<string, unknown>)) {
        if (section === 'changed deps' && changes && typeof changes === 'object') {
          reasons.push(...describeChanges('dependency', changes as Record<string, unknown>, missing));
        } else if (section === 'changed outs' && changes && typeof changes === 'object') {
          reasons.push(...describeChanges('output', changes as Record<string, unknown>, missing));
        } else {
          reasons.push(section);
          missing.only = false;
        }
      }
    }
    result.set(stage, { stage, reasons, missingDataOnly: missing.only && reasons.length > 0 });
  }
  return result;
}

/** The JSON object in `dvc status --json` output (warnings may precede it on other lines). */
export function extractStatusJson(stdout: string): unknown {
  const start = stdout.indexOf('{');
  const end = stdout.lastIndexOf('}');
  if (start === -1 || end < start) return {};
  try {
    return JSON.parse(stdout.slice(start, end + 1));
  } catch {
    return {};
  }
}

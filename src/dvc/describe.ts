import type { ParamChange, StageReason } from './impact.js';

/** One-line texts for the reasons a stage is affected, for logs, summaries and outputs. */

const MAX_FILES_SHOWN = 3;

function paramName(change: ParamChange): string {
  return change.file === 'params.yaml' ? change.key : `${change.file}:${change.key}`;
}

export function describeParamChange(change: ParamChange): string {
  return `${paramName(change)} ${change.beforeText} -> ${change.afterText}`;
}

export function describeStageReason(reason: StageReason): string {
  switch (reason.kind) {
    case 'added':
      return `added in ${reason.dvcfile}`;
    case 'removed':
      return `removed from ${reason.dvcfile}`;
    case 'definition': {
      if (reason.baseUnreadable) return `${reason.dvcfile} could not be read at the base commit, so it counts as changed`;
      const fields = reason.fields.join(', ');
      const templated = reason.templated.map(describeParamChange).join(', ');
      return `${fields} changed${templated ? ` (templated ${templated})` : ''}`;
    }
    case 'params':
      return `params ${reason.changes.map(describeParamChange).join(', ')}`;
    case 'dependency': {
      const shown = reason.files.slice(0, MAX_FILES_SHOWN).join(', ');
      const more = reason.files.length > MAX_FILES_SHOWN ? ` and ${reason.files.length - MAX_FILES_SHOWN} more` : '';
      const exact = reason.files.length === 1 && reason.files[0] === reason.dep;
      return exact ? `dependency ${reason.dep} changed` : `dependency ${reason.dep} changed (${shown}${more})`;
    }
    case 'upstream':
      return `upstream stage ${reason.stage} is affected (through ${reason.dep})`;
    case 'outputs': {
      const shown = reason.files.slice(0, MAX_FILES_SHOWN).join(', ');
      const more = reason.files.length > MAX_FILES_SHOWN ? ` and ${reason.files.length - MAX_FILES_SHOWN} more` : '';
      return `outputs ${shown}${more} changed${reason.lockfile ? ` (new results recorded in ${reason.lockfile})` : ''}`;
    }
  }
}

/** `visual_train: params visual.train.lr 0.001 -> 0.002` */
export function describeStage(stage: string, reasons: readonly StageReason[]): string {
  return `${stage}: ${reasons.map(describeStageReason).join('; ')}`;
}

/** Each affected stage with one text per reason: the shape change detection reports per service. */
export function describeStageReasons(impact: { stages: ReadonlyMap<string, readonly StageReason[]> }): Map<string, string[]> {
  return new Map([...impact.stages].map(([stage, reasons]) => [stage, reasons.map(describeStageReason)]));
}

/**
 * Follows `dvc repro` output as it streams: which stage each line belongs to, when a stage
 * starts and ends (for durations and one log group per stage), what DVC decided for it, and the
 * tail of a failed stage's output.
 */

export type LoggedOutcome = 'ran' | 'run-cache' | 'skipped' | 'pulled' | 'failed' | 'blocked' | 'frozen';

export interface StageSegment {
  stage: string;
  outcome: LoggedOutcome;
  startedAt: number;
  endedAt?: number;
  lines: string[];
  /** DVC's reason for a failure (`failed to run: <cmd>, exited with 3`). */
  failure?: string;
}

export type LineKind = { kind: 'segment-start'; stage: string; outcome: LoggedOutcome } | { kind: 'decision'; stage: string; outcome: LoggedOutcome } | { kind: 'other' };

const PATTERNS: [RegExp, LoggedOutcome, 'segment-start' | 'decision'][] = [
  [/^Running stage '(.+)':$/, 'ran', 'segment-start'],
  [/^Stage '(.+)' is cached - skipping run, checking out outputs$/, 'run-cache', 'segment-start'],
  [/^Pulling data for stage: '(.+)'$/, 'pulled', 'segment-start'],
  [/^Stage '(.+)' didn't change, skipping$/, 'skipped', 'decision'],
  [/^Verifying outputs in frozen stage: '(.+)'$/, 'frozen', 'decision'],
];

function quotedNames(text: string): string[] {
  return [...text.matchAll(/'([^']+)'/g)].map((match) => match[1]!);
}

export function classifyLine(text: string): LineKind {
  for (const [pattern, outcome, kind] of PATTERNS) {
    const match = pattern.exec(text.trim());
    if (match) return { kind, stage: match[1]!, outcome };
  }
  return { kind: 'other' };
}

export class ReproLog {
  readonly segments: StageSegment[] = [];
  readonly decisions = new Map<string, LoggedOutcome>();
  /** Dependents DVC did not run because a stage they need failed (keep-going). */
  readonly blocked = new Set<string>();
  readonly errors: string[] = [];
  private open: StageSegment | undefined;

  /** Feeds one line; returns what it started, so the caller can open or close a log group. */
  add(text: string, at: number): { started?: StageSegment; closed?: StageSegment } {
    const line = classifyLine(text);
    const result: { started?: StageSegment; closed?: StageSegment } = {};
    if (line.kind === 'segment-start' || line.kind === 'decision') {
      result.closed = this.close(at);
      this.decisions.set(line.stage, line.outcome);
      if (line.kind === 'segment-start') {
        this.open = { stage: line.stage, outcome: line.outcome, startedAt: at, lines: [text] };
        this.segments.push(this.open);
        result.started = this.open;
      }
      return result;
    }
    this.open?.lines.push(text);
    this.noteErrors(text.trim());
    return result;
  }

  private noteErrors(text: string): void {
    const failed = /^(?:ERROR|WARNING): failed to reproduce (?:stages: )?(.+?)(?:: (.+))?$/.exec(text);
    if (failed) {
      this.errors.push(text);
      const names = quotedNames(failed[1]!);
      for (const name of names) this.markFailed(name, failed[2]);
      return;
    }
    const blocked = /^WARNING: Stages? (.+) will be skipped due to this failure/.exec(text);
    if (blocked) {
      for (const name of quotedNames(blocked[1]!)) this.blocked.add(name);
      return;
    }
    // keep-going: `WARNING: failed to run: <cmd>, exited with N`, matched to the stage by its
    // command line (`> <cmd>`), since the next stage may already have started on the other stream.
    const runFailure = /^WARNING: (failed to run: (.+), exited with -?\d+)$/.exec(text);
    if (runFailure) {
      const segment = [...this.segments].reverse().find((s) => s.outcome === 'ran' && s.lines.some((l) => l.trim() === `> ${runFailure[2]}`));
      if (segment) {
        segment.failure ??= runFailure[1];
        segment.outcome = 'failed';
        this.decisions.set(segment.stage, 'failed');
      }
      return;
    }
    if (/^ERROR: /.test(text)) this.errors.push(text);
  }

  private markFailed(stage: string, reason: string | undefined): void {
    this.decisions.set(stage, 'failed');
    const segment = [...this.segments].reverse().find((s) => s.stage === stage);
    if (segment) {
      segment.outcome = 'failed';
      if (reason) segment.failure ??= reason;
    }
  }

  close(at: number): StageSegment | undefined {
    const segment = this.open;
    if (segment) segment.endedAt = at;
    this.open = undefined;
    return segment;
  }

  secondsOf(stage: string): number | undefined {
    const segment = [...this.segments].reverse().find((s) => s.stage === stage);
    if (!segment || segment.endedAt === undefined) return undefined;
    return (segment.endedAt - segment.startedAt) / 1000;
  }

  /** The last lines of a stage's output (DVC's own error lines left out). */
  tail(stage: string, count = 30): string[] {
    const segment = [...this.segments].reverse().find((s) => s.stage === stage);
    if (!segment) return [];
    return segment.lines.filter((line) => !/^(ERROR|WARNING): failed to (reproduce|run)/.test(line.trim())).slice(-count);
  }
}

import * as core from '../core/runner.js';
import { redact } from '../core/secrets.js';
import type { ReproLog } from './repro-log.js';
import { stepCommandLine, type SessionEvent } from './session.js';

/**
 * Streams DVC's output into the step's log as it comes: one collapsible group per command, and
 * one per stage while `dvc repro` runs, so a long training run shows its progress under its
 * stage. A command ends when both its streams have ended, which can be after the next command
 * began on the other stream: a group is closed only by the command that opened it.
 */
export class LogStream {
  private openFor: string | undefined;

  constructor(
    private readonly reproLog: ReproLog,
    private readonly titles: ReadonlyMap<string, string>,
  ) {}

  private open(step: string, title: string): void {
    this.close();
    core.startGroup(title);
    this.openFor = step;
  }

  private close(step?: string): void {
    if (this.openFor === undefined || (step !== undefined && this.openFor !== step)) return;
    core.endGroup();
    this.openFor = undefined;
  }

  readonly handle = (event: SessionEvent): void => {
    if (event.type === 'begin') {
      this.close();
      if (event.step.id !== 'repro') this.open(event.step.id, this.titles.get(event.step.id) ?? event.step.id);
      core.info(`[command]${redact(stepCommandLine(event.step))}`);
      return;
    }
    if (event.type === 'end') {
      if (event.step.id === 'repro') this.reproLog.close(Date.now());
      this.close(event.step.id);
      return;
    }
    if (event.step.id === 'repro') {
      const change = this.reproLog.add(event.text, event.at);
      if (change.started) {
        const how = change.started.outcome === 'ran' ? 'running' : change.started.outcome === 'run-cache' ? 'from the run cache' : 'pulling its data';
        this.open('repro', `Stage ${change.started.stage} (${how})`);
      } else if (change.closed) {
        this.close('repro');
      }
    }
    core.info(redact(event.text));
  };
}

/**
 * A controller work queue: keys are de-duplicated, handled one at a time on the event loop
 * (so HTTP requests interleave with controller work, as they would with a real control plane),
 * and can be re-added after a delay of simulated time.
 */
import type { SimClock, SimTimer } from '../clock.js';

export class WorkQueue {
  private readonly pending = new Set<string>();
  private readonly delayed = new Map<string, SimTimer>();
  private scheduled = false;
  private stopped = false;
  private failures = new Map<string, number>();

  constructor(
    private readonly name: string,
    private readonly clock: SimClock,
    private readonly handler: (key: string) => void,
    private readonly onError: (name: string, key: string, error: unknown) => void,
  ) {}

  add(key: string): void {
    if (this.stopped) return;
    this.pending.add(key);
    this.schedule();
  }

  /** Adds the key after `delayMs` of simulated time (the earliest request wins). */
  addAfter(key: string, delayMs: number): void {
    if (this.stopped) return;
    const existing = this.delayed.get(key);
    const due = this.clock.now() + delayMs;
    if (existing && existing.due <= due) return;
    existing?.cancel();
    this.delayed.set(
      key,
      this.clock.setTimer(delayMs, () => {
        this.delayed.delete(key);
        this.add(key);
      }),
    );
  }

  stop(): void {
    this.stopped = true;
    this.pending.clear();
    for (const timer of this.delayed.values()) timer.cancel();
    this.delayed.clear();
  }

  private schedule(): void {
    if (this.scheduled || this.stopped) return;
    this.scheduled = true;
    setImmediate(() => {
      this.scheduled = false;
      this.drainOne();
    });
  }

  private drainOne(): void {
    if (this.stopped) return;
    const next = this.pending.values().next();
    if (next.done) return;
    const key = next.value;
    this.pending.delete(key);
    try {
      this.handler(key);
      this.failures.delete(key);
    } catch (error) {
      const count = (this.failures.get(key) ?? 0) + 1;
      this.failures.set(key, count);
      this.onError(this.name, key, error);
      // Retry with a growing delay, as a rate-limited queue does.
      this.addAfter(key, Math.min(5 * 2 ** count, 5000));
    }
    if (this.pending.size > 0) this.schedule();
  }
}

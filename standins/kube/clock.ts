/**
 * Simulated time for the Kubernetes stand-in. Simulated time runs `timeScale` times faster
 * than the wall clock and can also be jumped forward with `advance()`. Every timestamp the
 * stand-in writes (creationTimestamp, conditions, container states, events) and every
 * controller deadline (progressDeadlineSeconds, minReadySeconds, back-off) uses this clock.
 */

export interface SimTimer {
  readonly due: number;
  cancel(): void;
}

interface TimerEntry {
  due: number;
  seq: number;
  fn: () => void;
  cancelled: boolean;
}

export class SimClock {
  readonly timeScale: number;
  private readonly wallStart: number;
  private readonly simStart: number;
  private jumped = 0;
  private timers: TimerEntry[] = [];
  private seq = 0;
  private wakeUp: NodeJS.Timeout | undefined;
  private stopped = false;

  constructor(options: { timeScale?: number; start?: Date } = {}) {
    const scale = options.timeScale ?? 1;
    if (!Number.isFinite(scale) || scale <= 0) {
      throw new Error(`time scale must be a positive number, got ${String(options.timeScale)}`);
    }
    this.timeScale = scale;
    this.wallStart = performance.now();
    this.simStart = options.start?.getTime() ?? Date.now();
  }

  /** Simulated milliseconds since the Unix epoch. */
  now(): number {
    return this.simStart + this.jumped + (performance.now() - this.wallStart) * this.timeScale;
  }

  date(): Date {
    return new Date(this.now());
  }

  /** RFC 3339 with second precision, as Kubernetes writes metav1.Time. */
  timestamp(): string {
    return rfc3339(this.now());
  }

  /** RFC 3339 with microseconds, as Kubernetes writes metav1.MicroTime. */
  microTimestamp(): string {
    return new Date(this.now()).toISOString().replace(/\.(\d{3})Z$/, '.$1000Z');
  }

  /** Simulated milliseconds elapsed since the clock started. */
  elapsed(): number {
    return this.now() - this.simStart;
  }

  /** Runs `fn` after `delayMs` of simulated time. */
  setTimer(delayMs: number, fn: () => void): SimTimer {
    const entry: TimerEntry = {
      due: this.now() + Math.max(0, delayMs),
      seq: this.seq++,
      fn,
      cancelled: false,
    };
    if (!this.stopped) {
      this.timers.push(entry);
      this.timers.sort((a, b) => a.due - b.due || a.seq - b.seq);
      this.arm();
    }
    return {
      due: entry.due,
      cancel: () => {
        entry.cancelled = true;
      },
    };
  }

  /** Resolves after `ms` of simulated time. */
  sleep(ms: number): Promise<void> {
    return new Promise((resolve) => this.setTimer(ms, resolve));
  }

  /** Jumps simulated time forward, firing every timer that falls due on the way, in order. */
  advance(ms: number): void {
    if (!(ms >= 0)) throw new Error(`advance needs a non-negative number of milliseconds, got ${ms}`);
    const target = this.now() + ms;
    // Fire timers one by one at their own due time, so a timer set by a fired timer within
    // the jump is honoured too.
    for (;;) {
      const next = this.timers.find((t) => !t.cancelled);
      if (!next || next.due > target) break;
      this.jumped += Math.max(0, next.due - this.now());
      this.fireDue();
    }
    this.jumped += Math.max(0, target - this.now());
    this.fireDue();
  }

  /** Cancels every timer; the clock keeps telling time. */
  stop(): void {
    this.stopped = true;
    this.timers = [];
    if (this.wakeUp) clearTimeout(this.wakeUp);
    this.wakeUp = undefined;
  }

  private fireDue(): void {
    const now = this.now();
    while (this.timers.length > 0) {
      const first = this.timers[0]!;
      if (first.due > now) break;
      this.timers.shift();
      if (!first.cancelled) {
        try {
          first.fn();
        } catch (error) {
          // A failing timer must not stop the others; report it the way an unhandled error would.
          queueMicrotask(() => {
            throw error;
          });
        }
      }
    }
    this.arm();
  }

  private arm(): void {
    if (this.wakeUp) clearTimeout(this.wakeUp);
    this.wakeUp = undefined;
    this.timers = this.timers.filter((t) => !t.cancelled);
    const first = this.timers[0];
    if (!first || this.stopped) return;
    const wallDelay = Math.max(0, (first.due - this.now()) / this.timeScale);
    this.wakeUp = setTimeout(() => this.fireDue(), Math.min(wallDelay, 2 ** 31 - 1));
    this.wakeUp.unref();
  }
}

export function rfc3339(ms: number): string {
  return new Date(Math.floor(ms / 1000) * 1000).toISOString().replace('.000Z', 'Z');
}

/** Parses a Kubernetes timestamp; undefined for a missing or malformed one. */
export function parseTime(value: unknown): number | undefined {
  if (typeof value !== 'string' || value === '') return undefined;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? undefined : ms;
}

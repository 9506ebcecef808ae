/**
 * Scripted misbehaviour. A rule matches requests by method and path and affects the next
 * `times` of them. Paths are matched on the canonical `/repos/{owner}/{repo}/...` form, so a
 * rule also catches the `/repositories/{id}/...` URLs GitHub puts in Link headers.
 *
 * Path patterns: a string in which a `*` segment stands for one path segment and a `**`
 * segment for any number of them (see the README for examples), or a RegExp tested against
 * the path.
 */

export interface RequestMatch {
  /** HTTP method, any case; every method when omitted. */
  method?: string;
  /** Path pattern; every path when omitted. */
  path?: string | RegExp;
}

/**
 * When an error or a dropped connection happens relative to the request's effect:
 * `before` — the request is not processed (nothing is stored);
 * `after` — the request is processed and its effect stored, then the answer is lost,
 * as when GitHub times out after committing a write.
 */
export type FaultPhase = 'before' | 'after';

export type Fault =
  | { kind: 'server-error'; status: 500 | 502 | 503 | 504; phase: FaultPhase; body?: unknown }
  | { kind: 'secondary-rate-limit'; status: 403 | 429; retryAfter: number | null }
  | { kind: 'primary-rate-limit'; status: 403 | 429; resetAfterSeconds: number }
  | { kind: 'drop'; phase: FaultPhase }
  | { kind: 'latency'; ms: number }
  | { kind: 'hold'; hold: Hold };

export interface FaultRule {
  match: RequestMatch;
  fault: Fault;
  /** Requests still to affect. */
  remaining: number;
}

/** Requests held at the door until the test releases them: interleaving without timing. */
export class Hold {
  private waiting: Array<() => void> = [];
  private watchers: Array<{ count: number; resolve: () => void }> = [];
  private released = false;
  /** How many requests this hold has caught so far. */
  caught = 0;

  /** Requests waiting right now. */
  get held(): number {
    return this.waiting.length;
  }

  get isReleased(): boolean {
    return this.released;
  }

  /** Resolves once `count` requests have been caught (immediately if they already were). */
  waitForHeld(count: number): Promise<void> {
    if (this.caught >= count) return Promise.resolve();
    return new Promise((resolve) => this.watchers.push({ count, resolve }));
  }

  /** Lets every held request through; later requests pass freely. */
  release(): void {
    this.released = true;
    const waiting = this.waiting;
    this.waiting = [];
    for (const resume of waiting) resume();
  }

  /** @internal called by the server for a matching request. */
  enter(): Promise<void> {
    if (this.released) return Promise.resolve();
    this.caught++;
    const entered = new Promise<void>((resolve) => this.waiting.push(resolve));
    this.watchers = this.watchers.filter((watcher) => {
      if (this.caught < watcher.count) return true;
      watcher.resolve();
      return false;
    });
    return entered;
  }
}

export interface TimesOption {
  /** How many matching requests the rule affects (default 1; Infinity for all). */
  times?: number;
}

function patternToRegExp(pattern: string): RegExp {
  const parts = pattern
    .split('/')
    .map((segment) => {
      if (segment === '**') return '.*';
      return segment
        .split('*')
        .map((piece) => piece.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
        .join('[^/]+');
    })
    .join('/');
  return new RegExp(`^${parts}/?$`);
}

export function matches(match: RequestMatch, method: string, path: string): boolean {
  if (match.method && match.method.toUpperCase() !== method.toUpperCase()) return false;
  if (match.path === undefined) return true;
  const regexp = typeof match.path === 'string' ? patternToRegExp(match.path) : match.path;
  return regexp.test(path);
}

export class Faults {
  private rules: FaultRule[] = [];

  /** Adds a rule; the most general form, used by the helpers below. */
  add(match: RequestMatch, fault: Fault, options: TimesOption = {}): FaultRule {
    const rule: FaultRule = { match, fault, remaining: options.times ?? 1 };
    this.rules.push(rule);
    return rule;
  }

  /** The next matching requests answer 500, 502, 503 or 504 (default 502, phase `before`). */
  serverError(
    match: RequestMatch,
    options: TimesOption & { status?: 500 | 502 | 503 | 504; phase?: FaultPhase; body?: unknown } = {},
  ): FaultRule {
    return this.add(
      match,
      { kind: 'server-error', status: options.status ?? 502, phase: options.phase ?? 'before', body: options.body },
      options,
    );
  }

  /** The next matching requests hit a secondary rate limit: 403 (or 429) with retry-after (default 1 s; null omits it). */
  secondaryRateLimit(
    match: RequestMatch,
    options: TimesOption & { retryAfter?: number | null; status?: 403 | 429 } = {},
  ): FaultRule {
    return this.add(
      match,
      {
        kind: 'secondary-rate-limit',
        status: options.status ?? 403,
        retryAfter: options.retryAfter === undefined ? 1 : options.retryAfter,
      },
      options,
    );
  }

  /** The next matching requests find the primary rate limit exhausted: x-ratelimit-remaining 0, reset after N s (default 60). */
  primaryRateLimit(
    match: RequestMatch,
    options: TimesOption & { status?: 403 | 429; resetAfterSeconds?: number } = {},
  ): FaultRule {
    return this.add(
      match,
      { kind: 'primary-rate-limit', status: options.status ?? 403, resetAfterSeconds: options.resetAfterSeconds ?? 60 },
      options,
    );
  }

  /** The next matching requests lose their connection without an answer (phase `before` by default). */
  dropConnection(match: RequestMatch, options: TimesOption & { phase?: FaultPhase } = {}): FaultRule {
    return this.add(match, { kind: 'drop', phase: options.phase ?? 'before' }, options);
  }

  /** The next matching requests wait `ms` before they are processed (default: every matching request). */
  latency(match: RequestMatch, ms: number, options: TimesOption = {}): FaultRule {
    return this.add(match, { kind: 'latency', ms }, { times: options.times ?? Infinity });
  }

  /**
   * Holds matching requests before they are processed until `release()`. With
   * `await hold.waitForHeld(2)` a test knows two clients are both past their previous step.
   */
  hold(match: RequestMatch, options: TimesOption = {}): Hold {
    const hold = new Hold();
    this.add(match, { kind: 'hold', hold }, { times: options.times ?? Infinity });
    return hold;
  }

  /** Removes every rule (held requests stay held until their hold is released). */
  clear(): void {
    this.rules = [];
  }

  /** Rules that still have requests to affect. */
  pending(): FaultRule[] {
    return this.rules.filter((rule) => rule.remaining > 0 && !(rule.fault.kind === 'hold' && rule.fault.hold.isReleased));
  }

  /**
   * @internal The faults for one request: every matching latency and hold, and the first
   * matching answer-changing fault. Each rule used is consumed once.
   */
  take(method: string, path: string): { waits: Fault[]; answer: Fault | undefined } {
    const waits: Fault[] = [];
    let answer: Fault | undefined;
    for (const rule of this.rules) {
      if (rule.remaining <= 0 || !matches(rule.match, method, path)) continue;
      const kind = rule.fault.kind;
      if (kind === 'latency' || kind === 'hold') {
        if (kind === 'hold' && rule.fault.hold.isReleased) continue;
        waits.push(rule.fault);
        rule.remaining--;
      } else if (!answer) {
        answer = rule.fault;
        rule.remaining--;
      }
    }
    this.rules = this.rules.filter((rule) => rule.remaining > 0);
    return { waits, answer };
  }
}

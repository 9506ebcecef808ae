/** Scripted faults for tests: failing requests, latency, expired watches. */

export interface RequestMatch {
  /** HTTP method, case-insensitive. */
  method?: string;
  /** Matched against the path (without the query): a RegExp, or a substring. */
  path?: RegExp | string;
  /** Only watch requests (true) or only non-watch requests (false). */
  watch?: boolean;
}

export interface FailRequestsOptions extends RequestMatch {
  /** HTTP status to answer with: 500, 503 or 429 (others are answered as given). */
  status: number;
  /** How many matching requests fail (default 1). */
  count?: number;
  /** Retry-After header and details.retryAfterSeconds (429 and 503). */
  retryAfterSeconds?: number;
  message?: string;
}

export interface LatencyRule extends RequestMatch {
  /** Wall-clock milliseconds to wait before handling a matching request. */
  ms: number;
}

interface ActiveFault extends FailRequestsOptions {
  remaining: number;
}

export interface RequestInfo {
  method: string;
  path: string;
  watch: boolean;
}

export function matches(match: RequestMatch, req: RequestInfo): boolean {
  if (match.method && match.method.toUpperCase() !== req.method.toUpperCase()) return false;
  if (match.watch !== undefined && match.watch !== req.watch) return false;
  if (match.path instanceof RegExp && !match.path.test(req.path)) return false;
  if (typeof match.path === 'string' && !req.path.includes(match.path)) return false;
  return true;
}

export class FaultPlan {
  private failures: ActiveFault[] = [];
  private latency: LatencyRule[] = [];
  /** Watches still to answer with 410 Gone, whatever resourceVersion they ask for. */
  expireWatches = 0;

  failRequests(options: FailRequestsOptions): void {
    this.failures.push({ ...options, remaining: options.count ?? 1 });
  }

  addLatency(rule: LatencyRule): void {
    this.latency.push(rule);
  }

  clear(): void {
    this.failures = [];
    this.latency = [];
    this.expireWatches = 0;
  }

  /** The failure to inject for this request, if any (consumes one). */
  takeFailure(req: RequestInfo): FailRequestsOptions | undefined {
    const fault = this.failures.find((f) => f.remaining > 0 && matches(f, req));
    if (!fault) return undefined;
    fault.remaining -= 1;
    this.failures = this.failures.filter((f) => f.remaining > 0);
    return fault;
  }

  latencyFor(req: RequestInfo): number {
    return this.latency.filter((rule) => matches(rule, req)).reduce((ms, rule) => ms + rule.ms, 0);
  }
}

export function faultReason(status: number): string {
  switch (status) {
    case 429:
      return 'TooManyRequests';
    case 500:
      return 'InternalError';
    case 503:
      return 'ServiceUnavailable';
    case 504:
      return 'Timeout';
    default:
      return 'Unknown';
  }
}

export function faultMessage(status: number): string {
  switch (status) {
    case 429:
      return 'Too many requests, please try again later.';
    case 500:
      return 'Internal error occurred: injected by the simulator';
    case 503:
      return 'the server is currently unable to handle the request';
    default:
      return 'injected by the simulator';
  }
}

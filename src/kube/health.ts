import { describeKubeError, type KubeClient } from './client.js';
import { selectorMatches, type Deployment, type Service } from './types.js';

/**
 * The health check after a rollout: an HTTP GET repeated until it has succeeded
 * `successThreshold` times in a row, or has failed more than `retries` times. The target is
 * the service's `healthPath` reached through the API server's services proxy (the service
 * needs no public address), or a URL.
 */

export interface HealthCheckOptions {
  retries: number;
  successThreshold: number;
  intervalMs: number;
  /** Per request (default 10 s). */
  requestTimeoutMs?: number;
  log: (message: string) => void;
  signal?: AbortSignal;
}

export interface HealthProbe {
  /** What is probed, for messages: `service visual-analysis-service:http /health` or a URL. */
  description: string;
  get(): Promise<{ status: number; body: string }>;
}

export interface HealthResult {
  healthy: boolean;
  attempts: number;
  /** The last answer, or the last error, in one line. */
  detail: string;
}

/** The Service whose selector picks the Deployment's pods, and the port to probe (named `http`, else the first). */
export function serviceFor(deployment: Deployment, services: readonly Service[]): { service: Service; port: string } | undefined {
  const labels = deployment.spec.template.metadata?.labels;
  const matching = services.filter((s) => selectorMatches(s.spec?.selector, labels));
  const service = matching.find((s) => s.metadata.name === deployment.metadata.name) ?? matching[0];
  if (!service) return undefined;
  const ports = service.spec?.ports ?? [];
  const port = ports.find((p) => p.name === 'http') ?? ports[0];
  return { service, port: port ? (port.name ?? String(port.port)) : '' };
}

export function proxyProbe(client: KubeClient, namespace: string, service: string, port: string, path: string): HealthProbe {
  return {
    description: `service ${service}${port ? `:${port}` : ''} ${path} (through the API server's services proxy)`,
    get: () => client.serviceProxyGet(namespace, service, port, path),
  };
}

export function urlProbe(url: string, timeoutMs = 10_000): HealthProbe {
  return {
    description: url,
    async get() {
      const response = await fetch(url, { signal: AbortSignal.timeout(timeoutMs), redirect: 'follow' });
      return { status: response.status, body: await response.text() };
    },
  };
}

function oneLine(text: string): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length > 160 ? `${line.slice(0, 157)}...` : line;
}

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener('abort', () => {
      clearTimeout(timer);
      resolve();
    });
  });
}

export async function runHealthCheck(probe: HealthProbe, options: HealthCheckOptions): Promise<HealthResult> {
  let successes = 0;
  let failures = 0;
  let attempts = 0;
  let detail = '';
  for (;;) {
    if (options.signal?.aborted) return { healthy: false, attempts, detail: 'stopped' };
    attempts++;
    let ok = false;
    try {
      const answer = await Promise.race([
        probe.get(),
        new Promise<never>((_, reject) =>
          setTimeout(() => reject(new Error(`no answer within ${(options.requestTimeoutMs ?? 10_000) / 1000} s`)), options.requestTimeoutMs ?? 10_000).unref(),
        ),
      ]);
      ok = answer.status >= 200 && answer.status < 400;
      detail = `HTTP ${answer.status}${answer.body ? `: ${oneLine(answer.body)}` : ''}`;
    } catch (error) {
      detail = describeKubeError(error);
    }
    if (ok) {
      successes++;
      options.log(`health check ${probe.description}: ${detail} (${successes} of ${options.successThreshold} in a row)`);
      if (successes >= options.successThreshold) return { healthy: true, attempts, detail };
    } else {
      successes = 0;
      failures++;
      options.log(`health check ${probe.description}: ${detail} (failure ${failures} of at most ${options.retries + 1})`);
      if (failures > options.retries) return { healthy: false, attempts, detail };
    }
    await sleep(options.intervalMs, options.signal);
  }
}

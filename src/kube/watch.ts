import { describeKubeError, httpStatusOf, type KubeClient, type ListQuery, type ListResult, type WatchHandle } from './client.js';
import type { ObjectMeta } from './types.js';

/**
 * A cache of the objects a list + watch sees, kept current through dropped streams: after a
 * drop the watch resumes from the last resourceVersion it saw (so no change is missed or
 * repeated); when the server answers 410 Gone (that version has been compacted away) it lists
 * again and watches from the new list's version, as client-go's reflector does.
 */

export interface WatchStats {
  /** Streams that ended before the watch was stopped (server timeouts and network drops). */
  drops: number;
  /** Lists made after a 410 Gone. */
  relists: number;
}

export interface ResourceWatchOptions<T> {
  /** Collection path, e.g. /api/v1/namespaces/aura/pods. */
  path: string;
  query: ListQuery;
  list: (query: ListQuery) => Promise<ListResult<T>>;
  /** Called after every change to the cache (and after each list). */
  onChange: () => void;
  /** Called when the watch cannot be kept up (the API keeps refusing or is unreachable). */
  onFatal: (message: string) => void;
  log: (message: string) => void;
  /** What is watched, for the log (`pods of visual-analysis-service`). */
  description: string;
  /** Give up after failing to reconnect for this long (default 60 s). */
  giveUpAfterMs?: number;
}

const MAX_RETRY_DELAY_MS = 2000;

function isIdleTimeout(error: unknown): boolean {
  return (error as { name?: string } | null)?.name === 'TimeoutError';
}

export class ResourceWatch<T extends { metadata: ObjectMeta }> {
  readonly objects = new Map<string, T>();
  readonly stats: WatchStats = { drops: 0, relists: 0 };
  private resourceVersion = '';
  private handle: WatchHandle | undefined;
  private stopped = false;
  private gone = false;
  private failingSince: number | undefined;
  private retryDelay = 100;
  private retryTimer: NodeJS.Timeout | undefined;

  constructor(
    private readonly client: KubeClient,
    private readonly options: ResourceWatchOptions<T>,
  ) {}

  /** Lists, then watches from the list's resourceVersion. Rejects when the first list fails. */
  async start(): Promise<void> {
    await this.relist();
    await this.connect();
  }

  stop(): void {
    this.stopped = true;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.handle?.abort();
  }

  private async relist(): Promise<void> {
    const list = await this.options.list(this.options.query);
    this.objects.clear();
    for (const item of list.items) this.objects.set(item.metadata.name, item);
    this.resourceVersion = list.resourceVersion;
    this.options.onChange();
  }

  private async connect(): Promise<void> {
    if (this.stopped) return;
    this.gone = false;
    const query = {
      ...this.options.query,
      resourceVersion: this.resourceVersion,
      allowWatchBookmarks: true,
      timeoutSeconds: 300,
    };
    this.handle = await this.client.watch(
      this.options.path,
      query,
      (type, object) => this.onEvent(type, object),
      (error) => this.onDone(error),
    );
    if (this.stopped) this.handle.abort();
  }

  private onEvent(type: string, object: Record<string, any>): void {
    if (this.stopped) return;
    this.failingSince = undefined;
    this.retryDelay = 100;
    if (type === 'ERROR') {
      if (object?.code === 410) this.gone = true;
      else this.options.log(`watch of ${this.options.description}: the API sent an error: ${object?.message ?? JSON.stringify(object)}`);
      return;
    }
    const version = object?.metadata?.resourceVersion;
    if (typeof version === 'string' && version !== '') this.resourceVersion = version;
    if (type === 'BOOKMARK') return;
    const item = object as T;
    if (type === 'DELETED') this.objects.delete(item.metadata.name);
    else this.objects.set(item.metadata.name, item);
    this.options.onChange();
  }

  private onDone(error: unknown): void {
    if (this.stopped) return;
    this.handle = undefined;
    const status = httpStatusOf(error);
    if (this.gone || status === 410) {
      this.stats.relists++;
      this.options.log(
        `watch of ${this.options.description}: resourceVersion ${this.resourceVersion} is too old (410 Gone); listing again`,
      );
      this.schedule(0, async () => {
        await this.relist();
        await this.connect();
      });
      return;
    }
    if (status === 401 || status === 403) {
      this.options.onFatal(`not allowed to watch ${this.options.description}: ${describeKubeError(error)} (the credentials need list and watch on it)`);
      return;
    }
    if (isIdleTimeout(error)) {
      // The client ends a stream that has been silent for a while (no change, no bookmark): a
      // quiet rollout, not a failure. Reconnect from where it was.
      this.schedule(0, () => this.connect());
      return;
    }
    this.stats.drops++;
    const why = error ? describeKubeError(error) : 'the server closed the stream';
    this.options.log(`watch of ${this.options.description} ended (${why}); resuming from resourceVersion ${this.resourceVersion}`);
    if (error) this.failingSince ??= Date.now();
    if (this.failingSince !== undefined && Date.now() - this.failingSince > (this.options.giveUpAfterMs ?? 60_000)) {
      this.options.onFatal(`cannot watch ${this.options.description}: ${why}`);
      return;
    }
    this.schedule(this.retryDelay, () => this.connect());
    this.retryDelay = Math.min(this.retryDelay * 2, MAX_RETRY_DELAY_MS);
  }

  private schedule(delayMs: number, action: () => Promise<void>): void {
    this.retryTimer = setTimeout(() => {
      this.retryTimer = undefined;
      if (this.stopped) return;
      action().catch((error: unknown) => {
        if (this.stopped) return;
        this.failingSince ??= Date.now();
        if (Date.now() - this.failingSince > (this.options.giveUpAfterMs ?? 60_000)) {
          this.options.onFatal(`cannot watch ${this.options.description}: ${describeKubeError(error)}`);
          return;
        }
        this.options.log(`watch of ${this.options.description}: reconnecting failed (${describeKubeError(error)}); retrying`);
        this.schedule(this.retryDelay, () => (this.gone ? this.relist().then(() => this.connect()) : this.connect()));
        this.retryDelay = Math.min(this.retryDelay * 2, MAX_RETRY_DELAY_MS);
      });
    }, delayMs);
  }
}

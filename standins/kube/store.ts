/**
 * The object store: every object by resource, one cluster-wide resourceVersion counter (as
 * etcd's revision), and a bounded history of changes that watches resume from. A watch
 * asking for a resourceVersion older than the retained history gets 410 Gone.
 */
import { clone, type KubeObject } from './util.js';

export type EventType = 'ADDED' | 'MODIFIED' | 'DELETED';

export interface StoreEvent {
  type: EventType;
  /** Resource id: "deployments.apps", "pods". */
  resource: string;
  object: KubeObject;
  /** The previous state, for MODIFIED and DELETED. */
  previous?: KubeObject;
  resourceVersion: number;
}

export type StoreListener = (event: StoreEvent) => void;

export class ObjectStore {
  private revision: number;
  private readonly objects = new Map<string, Map<string, KubeObject>>();
  private history: StoreEvent[] = [];
  /** Highest resourceVersion whose event is no longer retained. */
  private compactedUpTo: number;
  private readonly listeners = new Set<StoreListener>();
  private readonly outbox: StoreEvent[] = [];
  private delivering = false;

  /** Where errors thrown by listeners go (they must not stop delivery to the others). */
  onListenerError: (error: unknown) => void = (error) => console.error(error);

  constructor(
    private readonly historyLimit: number,
    startRevision = 1000,
  ) {
    this.revision = startRevision;
    this.compactedUpTo = startRevision;
  }

  get resourceVersion(): number {
    return this.revision;
  }

  /** Watches may start from any resourceVersion at or above this one. */
  get oldestResumableVersion(): number {
    return this.compactedUpTo;
  }

  subscribe(listener: StoreListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private bucket(resource: string): Map<string, KubeObject> {
    let bucket = this.objects.get(resource);
    if (!bucket) {
      bucket = new Map();
      this.objects.set(resource, bucket);
    }
    return bucket;
  }

  private static key(namespace: string | undefined, name: string): string {
    return `${namespace ?? ''}/${name}`;
  }

  get(resource: string, namespace: string | undefined, name: string): KubeObject | undefined {
    const found = this.objects.get(resource)?.get(ObjectStore.key(namespace, name));
    return found ? clone(found) : undefined;
  }

  /** Reads without copying; the caller must not modify what it gets. */
  peek(resource: string, namespace: string | undefined, name: string): KubeObject | undefined {
    return this.objects.get(resource)?.get(ObjectStore.key(namespace, name));
  }

  /** Objects of a resource (in one namespace, or all), ordered by namespace and name. */
  list(resource: string, namespace?: string): KubeObject[] {
    return this.peekList(resource, namespace).map(clone);
  }

  peekList(resource: string, namespace?: string): KubeObject[] {
    const bucket = this.objects.get(resource);
    if (!bucket) return [];
    const out: [string, KubeObject][] = [];
    for (const [key, obj] of bucket) {
      if (namespace === undefined || obj.metadata?.namespace === namespace) out.push([key, obj]);
    }
    out.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
    return out.map(([, obj]) => obj);
  }

  /** Writes an object (create or update), giving it the next resourceVersion. */
  put(resource: string, object: KubeObject): KubeObject {
    const stored = clone(object);
    const key = ObjectStore.key(stored.metadata?.namespace, stored.metadata.name);
    const bucket = this.bucket(resource);
    const previous = bucket.get(key);
    this.revision += 1;
    stored.metadata.resourceVersion = String(this.revision);
    bucket.set(key, stored);
    this.record({
      type: previous ? 'MODIFIED' : 'ADDED',
      resource,
      object: stored,
      previous,
      resourceVersion: this.revision,
    });
    return clone(stored);
  }

  remove(resource: string, namespace: string | undefined, name: string): KubeObject | undefined {
    const bucket = this.objects.get(resource);
    const key = ObjectStore.key(namespace, name);
    const previous = bucket?.get(key);
    if (!bucket || !previous) return undefined;
    bucket.delete(key);
    this.revision += 1;
    const gone = clone(previous);
    gone.metadata.resourceVersion = String(this.revision);
    this.record({ type: 'DELETED', resource, object: gone, previous, resourceVersion: this.revision });
    return clone(gone);
  }

  /** Events after `resourceVersion`, or undefined when that point is no longer retained. */
  eventsSince(resourceVersion: number): StoreEvent[] | undefined {
    if (resourceVersion < this.compactedUpTo) return undefined;
    return this.history.filter((e) => e.resourceVersion > resourceVersion);
  }

  /** Forgets the whole change history, as an etcd compaction does. */
  compact(): void {
    this.history = [];
    this.compactedUpTo = this.revision;
  }

  private record(event: StoreEvent): void {
    this.history.push(event);
    while (this.history.length > this.historyLimit) {
      const dropped = this.history.shift()!;
      this.compactedUpTo = dropped.resourceVersion;
    }
    // Every listener sees every event in resourceVersion order, even when a listener writes
    // (and so records a new event) while handling one.
    this.outbox.push(event);
    if (this.delivering) return;
    this.delivering = true;
    try {
      while (this.outbox.length > 0) {
        const next = this.outbox.shift()!;
        for (const listener of [...this.listeners]) {
          try {
            listener(next);
          } catch (error) {
            this.onListenerError(error);
          }
        }
      }
    } finally {
      this.delivering = false;
    }
  }
}

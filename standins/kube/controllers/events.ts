/** Recording core/v1 Events, with the count and lastTimestamp of repeats, as client-go's recorder does. */
import type { KubeApi } from '../api.js';
import { EVENTS } from '../resources.js';
import type { KubeObject } from '../util.js';

export interface EventSource {
  component: string;
  host?: string;
}

export class EventRecorder {
  /** Repeat key → event name. */
  private readonly seen = new Map<string, { namespace: string; name: string }>();
  private lastNanos = 0n;

  constructor(private readonly api: KubeApi) {}

  record(
    involved: KubeObject,
    type: 'Normal' | 'Warning',
    reason: string,
    message: string,
    source: EventSource,
    fieldPath?: string,
  ): void {
    const meta = involved.metadata ?? {};
    const namespace: string = meta.namespace ?? 'default';
    const key = [meta.uid, fieldPath ?? '', reason, message, source.component, source.host ?? ''].join('\u0000');
    const now = this.api.clock.timestamp();
    const previous = this.seen.get(key);
    if (previous) {
      const updated = this.api.mutate(
        EVENTS,
        previous.namespace,
        previous.name,
        (ev) => {
          ev.count = (ev.count ?? 1) + 1;
          ev.lastTimestamp = now;
        },
        { manager: source.component },
      );
      if (updated) return;
    }
    // Named after the involved object and the time in nanoseconds, so that listing events by
    // name lists them in the order they happened, as with client-go's recorder.
    let nanos = BigInt(Math.floor(this.api.clock.now())) * 1_000_000n;
    if (nanos <= this.lastNanos) nanos = this.lastNanos + 1n;
    this.lastNanos = nanos;
    const name = `${meta.name}.${nanos.toString(16)}`;
    const event: KubeObject = {
      apiVersion: 'v1',
      kind: 'Event',
      metadata: { name, namespace },
      involvedObject: {
        kind: involved.kind,
        namespace: meta.namespace,
        name: meta.name,
        uid: meta.uid,
        apiVersion: involved.apiVersion,
        resourceVersion: meta.resourceVersion,
        ...(fieldPath ? { fieldPath } : {}),
      },
      reason,
      message,
      source: { component: source.component, ...(source.host ? { host: source.host } : {}) },
      firstTimestamp: now,
      lastTimestamp: now,
      count: 1,
      type,
      eventTime: null,
      reportingComponent: source.component,
      reportingInstance: source.host ?? '',
    };
    try {
      this.api.create(EVENTS, namespace, event, { manager: source.component });
      this.seen.set(key, { namespace, name });
    } catch {
      // An event that cannot be written (its namespace is going away) is dropped, as real recorders do.
    }
  }
}

/**
 * The garbage collector (dependents of a deleted owner are deleted; foreground deletion waits
 * for them) and the namespace controller (a deleted namespace is emptied, then removed).
 */
import type { KubeApi } from '../api.js';
import { ApiError } from '../errors.js';
import { NAMESPACES, RESOURCES } from '../resources.js';
import type { StoreEvent } from '../store.js';
import type { KubeObject } from '../util.js';
import type { WorkQueue } from './queue.js';

const MANAGER = 'kube-controller-manager';

export class GarbageCollector {
  constructor(
    private readonly api: KubeApi,
    private readonly queue: () => WorkQueue,
  ) {}

  onEvent(event: StoreEvent): void {
    const obj = event.object;
    if (event.type === 'DELETED') {
      this.queue().add(`orphans:${obj.metadata.uid}`);
    } else if (obj.metadata.deletionTimestamp) {
      if (event.resource === NAMESPACES) this.queue().add(`namespace:${obj.metadata.name}`);
      else if ((obj.metadata.finalizers ?? []).includes('foregroundDeletion')) {
        this.queue().add(`foreground:${event.resource}:${obj.metadata.namespace ?? ''}:${obj.metadata.name}`);
      }
    }
    // A dependent going away may let a foreground owner finish.
    for (const ref of (obj.metadata.ownerReferences ?? []) as Record<string, any>[]) {
      if (event.type === 'DELETED') this.queue().add(`owner:${ref.uid}`);
    }
  }

  sync(key: string): void {
    const [kind, ...rest] = key.split(':');
    if (kind === 'orphans') this.deleteDependentsOf(rest.join(':'));
    else if (kind === 'namespace') this.syncNamespace(rest.join(':'));
    else if (kind === 'foreground') this.syncForeground(rest[0]!, rest[1] || undefined, rest[2]!);
    else if (kind === 'owner') this.syncOwnerByUid(rest.join(':'));
  }

  private dependentsOf(uid: string): { id: string; obj: KubeObject }[] {
    const out: { id: string; obj: KubeObject }[] = [];
    for (const def of RESOURCES) {
      for (const obj of this.api.store.peekList(def.id)) {
        if (((obj.metadata?.ownerReferences ?? []) as Record<string, any>[]).some((r) => r.uid === uid)) {
          out.push({ id: def.id, obj });
        }
      }
    }
    return out;
  }

  private ownerExists(uid: string): boolean {
    return RESOURCES.some((def) => this.api.store.peekList(def.id).some((o) => o.metadata.uid === uid));
  }

  private deleteDependentsOf(uid: string): void {
    for (const { id, obj } of this.dependentsOf(uid)) {
      const remaining = ((obj.metadata.ownerReferences ?? []) as Record<string, any>[]).filter(
        (r) => r.uid !== uid && this.ownerExists(r.uid),
      );
      try {
        if (remaining.length > 0) {
          this.api.mutate(id, obj.metadata.namespace, obj.metadata.name, (o) => {
            o.metadata.ownerReferences = remaining;
          }, { manager: MANAGER });
        } else if (!obj.metadata.deletionTimestamp) {
          this.api.delete(id, obj.metadata.namespace, obj.metadata.name, { propagationPolicy: 'Background' });
        }
      } catch (error) {
        if (!(error instanceof ApiError && error.code === 404)) throw error;
      }
    }
  }

  private syncOwnerByUid(uid: string): void {
    for (const def of RESOURCES) {
      const owner = this.api.store.peekList(def.id).find((o) => o.metadata.uid === uid);
      if (owner?.metadata.deletionTimestamp && (owner.metadata.finalizers ?? []).includes('foregroundDeletion')) {
        this.syncForeground(def.id, owner.metadata.namespace, owner.metadata.name);
      }
    }
  }

  private syncForeground(id: string, namespace: string | undefined, name: string): void {
    const owner = this.api.find(id, namespace, name);
    if (!owner?.metadata.deletionTimestamp) return;
    const dependents = this.dependentsOf(owner.metadata.uid);
    if (dependents.length > 0) {
      for (const { id: depId, obj } of dependents) {
        if (obj.metadata.deletionTimestamp) continue;
        try {
          this.api.delete(depId, obj.metadata.namespace, obj.metadata.name, { propagationPolicy: 'Foreground' });
        } catch (error) {
          if (!(error instanceof ApiError && error.code === 404)) throw error;
        }
      }
      return;
    }
    this.api.mutate(id, namespace, name, (o) => {
      o.metadata.finalizers = ((o.metadata.finalizers ?? []) as string[]).filter((f) => f !== 'foregroundDeletion');
      if (o.metadata.finalizers.length === 0) delete o.metadata.finalizers;
    }, { manager: MANAGER });
  }

  private syncNamespace(name: string): void {
    const ns = this.api.find(NAMESPACES, undefined, name);
    if (!ns?.metadata.deletionTimestamp) return;
    let remaining = 0;
    for (const def of RESOURCES) {
      if (!def.namespaced) continue;
      for (const obj of this.api.store.peekList(def.id, name)) {
        remaining += 1;
        if (obj.metadata.deletionTimestamp) continue;
        try {
          this.api.delete(def.id, name, obj.metadata.name, {});
        } catch (error) {
          if (!(error instanceof ApiError && error.code === 404)) throw error;
        }
      }
    }
    if (remaining > 0) {
      this.queue().addAfter(`namespace:${name}`, 200);
      return;
    }
    this.api.store.remove(NAMESPACES, undefined, name);
  }
}

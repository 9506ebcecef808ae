import { randomBytes, randomUUID } from 'node:crypto';

/** A Kubernetes object as JSON. */
export type KubeObject = Record<string, any>;

export function clone<T>(value: T): T {
  return value === undefined ? value : (JSON.parse(JSON.stringify(value)) as T);
}

export function isPlainObject(value: unknown): value is Record<string, any> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Structural equality of JSON values; key order does not matter, list order does. */
export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    return a.every((item, i) => deepEqual(item, b[i]));
  }
  if (isPlainObject(a)) {
    if (!isPlainObject(b)) return false;
    const keysA = Object.keys(a).filter((k) => a[k] !== undefined);
    const keysB = Object.keys(b).filter((k) => b[k] !== undefined);
    if (keysA.length !== keysB.length) return false;
    return keysA.every((k) => deepEqual(a[k], b[k]));
  }
  return false;
}

/** JSON with keys sorted at every level: a stable form for hashing and comparing. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (isPlainObject(value)) {
    const keys = Object.keys(value)
      .filter((k) => value[k] !== undefined)
      .sort();
    return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(value[k])}`).join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}

export const newUid = (): string => randomUUID();

// The alphabet Kubernetes uses for generated name suffixes and hashes: no vowels, no
// look-alike characters, so a suffix never spells a word.
const SAFE_ALPHABET = 'bcdfghjklmnpqrstvwxz2456789';

/** A random suffix for generateName, five characters as the API server makes them. */
export function randomSuffix(length = 5): string {
  const bytes = randomBytes(length);
  let out = '';
  for (const b of bytes) out += SAFE_ALPHABET[b % SAFE_ALPHABET.length];
  return out;
}

/** Maps every character of a string into the safe alphabet (as Kubernetes does with hashes). */
export function safeEncode(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) out += SAFE_ALPHABET[text.charCodeAt(i) % SAFE_ALPHABET.length];
  return out;
}

/** 32-bit FNV-1a. */
export function fnv1a32(text: string): number {
  let hash = 0x811c9dc5;
  const bytes = Buffer.from(text, 'utf8');
  for (const byte of bytes) {
    hash ^= byte;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash >>> 0;
}

/**
 * The pod-template-hash of a pod template: an FNV-1a hash of the template (plus the
 * collision count), written in the safe alphabet, as the deployment controller names its
 * ReplicaSets. The exact value differs from a real cluster's, the shape does not.
 */
export function podTemplateHash(template: unknown, collisionCount?: number): string {
  let text = canonicalJson(template);
  if (collisionCount !== undefined && collisionCount !== null) text += `#${collisionCount}`;
  return safeEncode(String(fnv1a32(text)));
}

/** kubectl's and the API server's short human durations ("5s", "3m20s", "2d4h"). */
export function humanDuration(ms: number): string {
  const seconds = Math.floor(ms / 1000);
  if (seconds < -1) return '<invalid>';
  if (seconds < 0) return '0s';
  if (seconds < 120) return `${seconds}s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 10) {
    const s = seconds % 60;
    return s === 0 ? `${minutes}m` : `${minutes}m${s}s`;
  }
  if (minutes < 180) return `${minutes}m`;
  const hours = Math.floor(seconds / 3600);
  if (hours < 8) {
    const m = minutes % 60;
    return m === 0 ? `${hours}h` : `${hours}h${m}m`;
  }
  if (hours < 48) return `${hours}h`;
  if (hours < 24 * 8) {
    const h = hours % 24;
    return h === 0 ? `${Math.floor(hours / 24)}d` : `${Math.floor(hours / 24)}d${h}h`;
  }
  if (hours < 24 * 365 * 2) return `${Math.floor(hours / 24)}d`;
  if (hours < 24 * 365 * 8) {
    const dy = Math.floor(hours / 24) % 365;
    return dy === 0 ? `${Math.floor(hours / 24 / 365)}y` : `${Math.floor(hours / 24 / 365)}y${dy}d`;
  }
  return `${Math.floor(hours / 24 / 365)}y`;
}

export function objectKey(namespace: string | undefined, name: string): string {
  return namespace ? `${namespace}/${name}` : name;
}

export function meta(obj: KubeObject): Record<string, any> {
  if (!isPlainObject(obj.metadata)) obj.metadata = {};
  return obj.metadata as Record<string, any>;
}

export function labelsOf(obj: KubeObject): Record<string, string> {
  return (obj.metadata?.labels as Record<string, string> | undefined) ?? {};
}

export function annotationsOf(obj: KubeObject): Record<string, string> {
  return (obj.metadata?.annotations as Record<string, string> | undefined) ?? {};
}

export function controllerRefOf(obj: KubeObject): Record<string, any> | undefined {
  const refs = obj.metadata?.ownerReferences as Record<string, any>[] | undefined;
  return refs?.find((r) => r.controller === true);
}

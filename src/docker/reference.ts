import { ConfigurationError } from '../core/errors.js';

/**
 * Image references as the registry grammar defines them (distribution/reference):
 * an optional registry host (with port), a lower-case path, a tag and/or a digest.
 */

/** A tag: word characters, dots and dashes, starting with a word character, at most 128. */
export const TAG_PATTERN = /^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$/;
const PATH_COMPONENT = /^[a-z0-9]+(?:(?:\.|_|__|-+)[a-z0-9]+)*$/;
const HOST = /^(?:[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*(?::[0-9]+)?$|^\[[0-9a-fA-F:]+\](?::[0-9]+)?$/;
export const DIGEST_PATTERN = /^sha256:[a-f0-9]{64}$/;

export interface ImageName {
  /** Registry host and port, such as `gcr.io` or `127.0.0.1:5000`; `docker.io` when none is given. */
  host: string;
  /** The repository path inside the registry, such as `my-project/visual-analysis`. */
  repository: string;
  /** host/repository as written for docker (no `docker.io/` prefix when none was given). */
  full: string;
}

export function isValidTag(tag: string): boolean {
  return TAG_PATTERN.test(tag);
}

/** Fails with a message that names the input, the tag and the rule it breaks. */
export function assertValidTag(tag: string, source: string): void {
  if (isValidTag(tag)) return;
  let reason: string;
  if (tag === '') reason = 'it is empty';
  else if (tag.length > 128) reason = `it is ${tag.length} characters long (at most 128)`;
  else if (!/^[A-Za-z0-9_]/.test(tag)) reason = `it starts with '${tag[0]}' (a tag starts with a letter, digit or '_')`;
  else {
    const bad = [...new Set([...tag].filter((c) => !/[A-Za-z0-9_.-]/.test(c)))];
    reason = `it contains ${bad.map((c) => `'${c}'`).join(', ')} (allowed: letters, digits, '_', '.', '-')`;
  }
  throw new ConfigurationError(`${source}: '${tag}' is not a valid image tag: ${reason}`);
}

/**
 * Builds the image name from a registry prefix (`gcr.io/my-project`, may be empty) and a name,
 * lower-cased as registries require; anything the grammar still refuses is a clear error.
 */
export function imageName(registry: string, name: string, source = 'image'): ImageName {
  const prefix = registry.trim().replace(/\/+$/, '');
  const joined = (prefix ? `${prefix}/${name.trim().replace(/^\/+/, '')}` : name.trim()).toLowerCase();
  return parseImageName(joined, source);
}

export function parseImageName(text: string, source = 'image'): ImageName {
  const parts = text.split('/');
  let host = 'docker.io';
  let explicitHost = false;
  const first = parts[0] ?? '';
  if (parts.length > 1 && (first.includes('.') || first.includes(':') || first === 'localhost')) {
    host = first;
    explicitHost = true;
    parts.shift();
  }
  if (!HOST.test(host)) {
    throw new ConfigurationError(`${source}: '${text}' has an invalid registry host '${host}'`);
  }
  if (parts.length === 0 || parts.some((p) => !PATH_COMPONENT.test(p))) {
    const bad = parts.find((p) => !PATH_COMPONENT.test(p)) ?? '';
    throw new ConfigurationError(
      `${source}: '${text}' is not a valid image name: path component '${bad}' must be lower-case letters ` +
        `and digits, separated by '.', '_', '__' or '-'`,
    );
  }
  let repository = parts.join('/');
  if (!explicitHost && parts.length === 1) repository = `library/${repository}`;
  const full = explicitHost ? `${host}/${parts.join('/')}` : parts.join('/');
  if (full.length > 255) throw new ConfigurationError(`${source}: '${text}' is longer than 255 characters`);
  return { host, repository, full };
}

/** Docker Hub's registry API lives at another host than its image names say. */
export function registryApiHost(host: string): string {
  return host === 'docker.io' ? 'registry-1.docker.io' : host;
}

/** Loopback registries speak plain HTTP, as the Docker engine allows by default. */
export function isLoopbackHost(host: string): boolean {
  const bare = host.replace(/:\d+$/, '').replace(/^\[|\]$/g, '');
  return bare === 'localhost' || bare === '::1' || /^127\.\d+\.\d+\.\d+$/.test(bare);
}

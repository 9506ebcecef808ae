/** Image references as a Deployment's containers hold them: `[registry/]path[:tag][@sha256:…]`. */

export interface ImageReference {
  /** Everything before the tag and digest: `europe-docker.pkg.dev/aura/visual-analysis`. */
  repository: string;
  tag?: string;
  digest?: string;
}

const DIGEST = /^[a-z0-9]+(?:[.+_-][a-z0-9]+)*:[a-f0-9]{32,}$/;
const REPOSITORY = /^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*(?::[0-9]+)?(?:\/[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*)*$/i;
const TAG = /^[\w][\w.-]{0,127}$/;

/** Parses an image reference; undefined when it is not one. */
export function parseImageReference(text: string): ImageReference | undefined {
  const value = text.trim();
  if (value === '' || /\s/.test(value)) return undefined;
  const at = value.indexOf('@');
  const digest = at >= 0 ? value.slice(at + 1) : undefined;
  if (digest !== undefined && !DIGEST.test(digest)) return undefined;
  const named = at >= 0 ? value.slice(0, at) : value;
  const slash = named.lastIndexOf('/');
  const colon = named.lastIndexOf(':');
  const hasTag = colon > slash;
  const repository = hasTag ? named.slice(0, colon) : named;
  const tag = hasTag ? named.slice(colon + 1) : undefined;
  if (!REPOSITORY.test(repository) || (tag !== undefined && !TAG.test(tag))) return undefined;
  return { repository, tag, digest };
}

export function formatImage(reference: ImageReference): string {
  return `${reference.repository}${reference.tag ? `:${reference.tag}` : ''}${reference.digest ? `@${reference.digest}` : ''}`;
}

/** Pins an image to a digest (build-scan-push's `digest` output), keeping its tag for readers. */
export function withDigest(image: string, digest: string): string {
  const reference = parseImageReference(image);
  if (!reference) return image;
  return formatImage({ ...reference, digest });
}

/**
 * Whether a container already runs `wanted`: the same text, or the same repository and
 * digest (a tag next to a digest does not change what is pulled).
 */
export function sameImage(current: string | undefined, wanted: string): boolean {
  if (current === undefined) return false;
  if (current === wanted) return true;
  const a = parseImageReference(current);
  const b = parseImageReference(wanted);
  return Boolean(a && b && a.digest && b.digest && a.digest === b.digest && a.repository === b.repository);
}

/** The last path segment of the repository (`visual-analysis`), to match an image to a service. */
export function imageBaseName(image: string): string {
  const repository = parseImageReference(image)?.repository ?? image;
  return repository.slice(repository.lastIndexOf('/') + 1);
}

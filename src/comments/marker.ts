/**
 * The hidden first line that identifies a sticky comment. It names the tool and the title,
 * so two workflows (or two gates with different titles) keep separate comments. The title
 * is percent-encoded, hyphens included, so no title can end the HTML comment early.
 */
export function stickyMarker(tool: string, title: string): string {
  const encoded = encodeURIComponent(title).replace(/-/g, '%2D');
  return `<!-- aura:${tool} title="${encoded}" -->`;
}

export function hasMarker(body: string | null | undefined, marker: string): boolean {
  return typeof body === 'string' && body.includes(marker);
}

/** Bodies are the same when they differ only in line endings or trailing whitespace. */
export function sameBody(a: string | null | undefined, b: string): boolean {
  const normalise = (text: string): string => text.replace(/\r\n/g, '\n').trimEnd();
  return typeof a === 'string' && normalise(a) === normalise(b);
}

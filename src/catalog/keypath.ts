/** A path of keys and list indices from the catalog's root, e.g. ['services', 'a', 'paths', 0]. */
export type KeyPath = readonly (string | number)[];

const BARE_KEY = /^[A-Za-z0-9_-]+$/;

/**
 * The path as messages show it: `services.visual-analysis.metrics.rules."mAP@0.5".max_rise`,
 * `global[2]`. Keys with other characters than letters, digits, `_` and `-` are quoted, so a
 * metric or service name with dots is never read as several keys.
 */
export function formatKeyPath(path: KeyPath): string {
  let text = '';
  for (const segment of path) {
    if (typeof segment === 'number') text += `[${segment}]`;
    else text += (text ? '.' : '') + (BARE_KEY.test(segment) ? segment : JSON.stringify(segment));
  }
  return text;
}

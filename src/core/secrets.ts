import * as core from './runner.js';

const registered = new Set<string>();

/**
 * Registers a value that must never be printed. The runner masks it in the log;
 * `redact` removes it from text the action writes elsewhere (summaries, comments,
 * logged command lines), where the runner's masking does not reach.
 */
export function registerSecret(value: string | undefined): void {
  if (!value) return;
  for (const variant of secretVariants(value)) {
    if (registered.has(variant)) continue;
    registered.add(variant);
    core.setSecret(variant);
  }
}

/** A multi-line secret (a key file) is masked line by line, as the runner splits its log. */
function secretVariants(value: string): string[] {
  const variants = [value];
  for (const line of value.split(/\r?\n/)) {
    const trimmed = line.trim();
    // Short lines such as "{" or "}" of a JSON key file are not secret and would mask everything.
    if (trimmed.length >= 8 && trimmed !== value) variants.push(trimmed);
  }
  return variants;
}

export function redact(text: string): string {
  let result = text;
  // Longest first, so a secret that contains another is replaced whole.
  for (const secret of [...registered].sort((a, b) => b.length - a.length)) {
    result = result.split(secret).join('***');
  }
  return result;
}

/** For tests: forget the registered secrets. */
export function clearSecretsForTest(): void {
  registered.clear();
}

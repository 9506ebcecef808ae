import * as core from './runner.js';
import { redact } from './secrets.js';

/** Escapes text for a GitHub-flavoured markdown table cell. */
export function cell(text: string | number | boolean | null | undefined): string {
  if (text === null || text === undefined) return '';
  return String(text)
    .replace(/\\/g, '\\\\')
    .replace(/\|/g, '\\|')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/\r?\n/g, '<br>');
}

export function code(text: string): string {
  const fence = text.includes('`') ? '``' : '`';
  const pad = text.startsWith('`') || text.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${text}${pad}${fence}`;
}

/** A markdown table; cells are escaped here, so pass raw text (or pre-rendered markdown via `raw`). */
export function table(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const lines = [
    `| ${header.join(' | ')} |`,
    `| ${header.map(() => '---').join(' | ')} |`,
    ...rows.map((row) => `| ${row.join(' | ')} |`),
  ];
  return lines.join('\n');
}

export function details(summaryText: string, body: string): string {
  return `<details><summary>${summaryText}</summary>\n\n${body}\n\n</details>`;
}

/**
 * Appends markdown to the job summary. Secrets are redacted first: the runner masks
 * the log, not the summary file.
 */
export async function writeSummary(markdown: string): Promise<void> {
  core.appendSummary(redact(markdown));
}

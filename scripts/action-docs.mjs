#!/usr/bin/env node
// Writes the inputs and outputs tables of each action's README.md from its action.yml,
// between the GENERATED markers (creating the README when it does not exist).
// `--check` fails instead of writing when a README is out of date.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { ACTION_FOLDERS } from './actions.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const BEGIN = '<!-- BEGIN GENERATED FROM action.yml: edit action.yml, then run `npm run docs` -->';
const END = '<!-- END GENERATED -->';

function escapeCell(text) {
  return String(text ?? '').replace(/\|/g, '\\|').replace(/\s*\n\s*/g, ' ').trim();
}

export function generatedSection(metadata) {
  const lines = [BEGIN, '', '### Inputs', ''];
  const inputs = Object.entries(metadata.inputs ?? {});
  if (inputs.length === 0) lines.push('None.');
  else {
    lines.push('| Input | Required | Default | Description |', '| --- | --- | --- | --- |');
    for (const [name, spec] of inputs) {
      const fallback = spec.default === undefined || spec.default === '' ? '' : `\`${escapeCell(spec.default)}\``;
      lines.push(`| \`${name}\` | ${spec.required ? 'yes' : 'no'} | ${fallback} | ${escapeCell(spec.description)} |`);
    }
  }
  lines.push('', '### Outputs', '');
  const outputs = Object.entries(metadata.outputs ?? {});
  if (outputs.length === 0) lines.push('None.');
  else {
    lines.push('| Output | Description |', '| --- | --- |');
    for (const [name, spec] of outputs) lines.push(`| \`${name}\` | ${escapeCell(spec.description)} |`);
  }
  lines.push('', END);
  return lines.join('\n');
}

function starter(folder, metadata) {
  return [
    `# ${metadata.name}`,
    '',
    escapeCell(metadata.description),
    '',
    '```yaml',
    `- uses: aura/actions/${folder}@v1`,
    '```',
    '',
    generatedSection(metadata),
    '',
  ].join('\n');
}

export function expectedReadme(folder) {
  const metadata = parse(readFileSync(join(root, folder, 'action.yml'), 'utf8'));
  const path = join(root, folder, 'README.md');
  if (!existsSync(path)) return starter(folder, metadata);
  const current = readFileSync(path, 'utf8');
  const start = current.indexOf(BEGIN);
  const end = current.indexOf(END);
  if (start === -1 || end === -1) return `${current.trimEnd()}\n\n${generatedSection(metadata)}\n`;
  return current.slice(0, start) + generatedSection(metadata) + current.slice(end + END.length);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const check = process.argv.includes('--check');
  let stale = 0;
  for (const folder of ACTION_FOLDERS) {
    const path = join(root, folder, 'README.md');
    const expected = expectedReadme(folder);
    const current = existsSync(path) ? readFileSync(path, 'utf8') : undefined;
    if (current === expected) continue;
    if (check) {
      console.error(`docs: ${folder}/README.md is not in sync with ${folder}/action.yml; run \`npm run docs\``);
      stale++;
    } else {
      writeFileSync(path, expected);
      console.log(`docs: wrote ${folder}/README.md`);
    }
  }
  if (stale > 0) process.exit(1);
}

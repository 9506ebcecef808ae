// An alias action is its source's action.yml with only the `name:` line changed, and a
// header saying where it comes from.
export function aliasActionYaml(sourceText, source, aliasName) {
  const lines = sourceText.split('\n');
  const index = lines.findIndex((line) => line.startsWith('name: '));
  if (index === -1) throw new Error(`${source}/action.yml has no top-level name`);
  lines[index] = `name: ${aliasName}`;
  return `# Generated from ${source}/action.yml by \`npm run build\`: edit that file, not this one.\n${lines.join('\n')}`;
}

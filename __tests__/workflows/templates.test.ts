import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FIXTURES, REPO_ROOT } from '../harness/paths.js';
import { loadWorkflow, TEMPLATES, triggers } from './workflows.js';

// The starter templates, as GitHub lists them under "New workflow" once they are copied into an
// organisation's .github repository (workflow-templates/): each <name>.yml has a
// <name>.properties.json with its name, description, icon, categories and the file patterns
// that make GitHub suggest it.

const DIR = join(REPO_ROOT, 'action-templates');
const MONOREPO = join(FIXTURES, 'aura-monorepo');

interface Properties {
  name: string;
  description: string;
  iconName: string;
  categories: string[];
  filePatterns: string[];
}

function properties(template: string): Properties {
  return JSON.parse(readFileSync(join(DIR, template.replace(/\.yml$/, '.properties.json')), 'utf8')) as Properties;
}

describe('starter templates', () => {
  it('ships exactly the four templates, each with its properties file', () => {
    const files = readdirSync(DIR).sort();
    expect(files.filter((f) => f.endsWith('.yml') && f !== 'services.yml')).toEqual([...TEMPLATES].sort());
    expect(files.filter((f) => f.endsWith('.properties.json'))).toEqual(TEMPLATES.map((t) => t.replace(/\.yml$/, '.properties.json')).sort());
  });

  it.each(TEMPLATES)('%s: its properties have every field, of the right type', (template) => {
    const p = properties(template);
    expect(Object.keys(p).sort()).toEqual(['categories', 'description', 'filePatterns', 'iconName', 'name']);
    expect(p.name.trim().length).toBeGreaterThan(0);
    expect(p.description.length).toBeGreaterThan(40);
    expect(p.categories.length).toBeGreaterThan(0);
    for (const category of p.categories) expect(typeof category).toBe('string');
  });

  it.each(TEMPLATES)('%s: its icon is an octicon or an SVG beside it', (template) => {
    const { iconName } = properties(template);
    const octicon = /^octicon [a-z0-9-]+$/.test(iconName);
    expect(octicon || existsSync(join(DIR, `${iconName}.svg`))).toBe(true);
  });

  it.each(TEMPLATES)('%s: its file patterns are regular expressions that match the example monorepo', (template) => {
    const { filePatterns } = properties(template);
    const rootFiles = readdirSync(MONOREPO);
    expect(filePatterns.length).toBeGreaterThan(0);
    const matched = filePatterns.filter((pattern) => rootFiles.some((file) => new RegExp(pattern).test(file)));
    expect(matched.length).toBeGreaterThan(0);
  });

  it('names are unique', () => {
    const names = TEMPLATES.map((t) => properties(t).name);
    expect(new Set(names).size).toBe(names.length);
  });

  it('the triggers are the ones the templates promise', () => {
    const on = Object.fromEntries(TEMPLATES.map((t) => [t, Object.keys(triggers(loadWorkflow(`action-templates/${t}`))).sort()]));
    expect(on).toEqual({
      'aura-ci.yml': ['pull_request', 'push', 'workflow_dispatch'],
      'aura-build.yml': ['push', 'workflow_dispatch'],
      'aura-deploy.yml': ['workflow_dispatch', 'workflow_run'],
      'aura-ml.yml': ['pull_request'],
    });
  });

  it("the manual runs take the seed's inputs", () => {
    const inputs = (t: string) => Object.keys((triggers(loadWorkflow(`action-templates/${t}`)).workflow_dispatch as { inputs?: object })?.inputs ?? {});
    expect(inputs('aura-ci.yml')).toEqual(['test_service']);
    expect(inputs('aura-build.yml')).toEqual(['force_build_all']);
    expect(inputs('aura-deploy.yml')).toEqual(expect.arrayContaining(['environment']));
  });
});

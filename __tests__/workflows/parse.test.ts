import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { convertWorkflowTemplate, NoOperationTraceWriter, parseWorkflow } from '@actions/workflow-parser';
import { REPO_ROOT } from '../harness/paths.js';
import { workflowFiles } from './workflows.js';

// GitHub's own workflow parser (the one behind the Actions language service) reads every
// workflow and template as GitHub does: schema, expressions, and the model it converts them to.

async function parseErrors(name: string, content: string): Promise<string[]> {
  const result = parseWorkflow({ name, content }, new NoOperationTraceWriter());
  const errors = result.context.errors.getErrors().map((error) => error.message);
  if (errors.length > 0 || !result.value) return errors;
  const template = await convertWorkflowTemplate(result.context, result.value);
  return [...errors, ...(template.errors ?? []).map((error) => error.Message)];
}

describe('@actions/workflow-parser', () => {
  it.each(workflowFiles())('parses %s without an error', async (file) => {
    expect(await parseErrors(file, readFileSync(join(REPO_ROOT, file), 'utf8'))).toEqual([]);
  });

  it('reports what GitHub would reject: an unknown key and a malformed expression', async () => {
    const errors = await parseErrors(
      'broken.yml',
      ['on: push', 'jobs:', '  a:', '    runs-on: ubuntu-latest', '    timeout: 5', '    steps:', '      - run: echo ${{ github.sha', ''].join('\n'),
    );
    expect(errors.join('\n')).toMatch(/Unexpected value 'timeout'/);
    expect(errors.length).toBeGreaterThanOrEqual(2);
  });
});

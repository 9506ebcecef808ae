import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eventFromEnvironment } from '../../src/changes/event.js';
import { ConfigurationError } from '../../src/core/errors.js';
import { cleanUp, track } from './repos.js';

/** Reading the event the way the runner hands it over: variables and a JSON file. */

afterEach(() => cleanUp());

function eventFile(content: string): string {
  const dir = track(mkdtempSync(join(tmpdir(), 'aura-event-')));
  const path = join(dir, 'event.json');
  writeFileSync(path, content);
  return path;
}

describe('eventFromEnvironment', () => {
  it('reads the name, payload, ref and sha the runner sets', () => {
    const path = eventFile(JSON.stringify({ pull_request: { number: 4 } }));
    expect(
      eventFromEnvironment({ GITHUB_EVENT_NAME: 'pull_request', GITHUB_EVENT_PATH: path, GITHUB_REF: 'refs/pull/4/merge', GITHUB_SHA: 'abc' }),
    ).toEqual({ eventName: 'pull_request', payload: { pull_request: { number: 4 } }, ref: 'refs/pull/4/merge', sha: 'abc' });
  });

  it('has an empty payload outside a workflow run', () => {
    expect(eventFromEnvironment({})).toEqual({ eventName: '', payload: {}, ref: '', sha: '' });
  });

  it('names an event file that is missing or not a JSON object', () => {
    const broken = eventFile('{ not json');
    expect(() => eventFromEnvironment({ GITHUB_EVENT_PATH: broken })).toThrow(ConfigurationError);
    expect(() => eventFromEnvironment({ GITHUB_EVENT_PATH: broken })).toThrow(`the event file GITHUB_EVENT_PATH=${broken} is not a JSON object`);
    expect(() => eventFromEnvironment({ GITHUB_EVENT_PATH: eventFile('[1]') })).toThrow(/is not a JSON object \(not a JSON object\)/);
    expect(() => eventFromEnvironment({ GITHUB_EVENT_PATH: '/nonexistent/event.json' })).toThrow(
      'the event file GITHUB_EVENT_PATH=/nonexistent/event.json does not exist; run this step in a GitHub Actions job',
    );
  });
});

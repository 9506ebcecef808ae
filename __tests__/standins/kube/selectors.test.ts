import { ApiError } from '../../../standins/kube/errors.js';
import {
  formatLabelSelector,
  labelSelectorMatcher,
  parseFieldSelector,
  parseLabelSelector,
} from '../../../standins/kube/selectors.js';

describe('label selectors', () => {
  it('parses equality, set and existence requirements', () => {
    const match = parseLabelSelector('app=web,tier in (frontend, edge),!canary,env!=dev');
    expect(match({ app: 'web', tier: 'edge' })).toBe(true);
    expect(match({ app: 'web', tier: 'edge', env: 'prod' })).toBe(true);
    expect(match({ app: 'web', tier: 'backend' })).toBe(false);
    expect(match({ app: 'web', tier: 'edge', canary: 'true' })).toBe(false);
    expect(match({ app: 'web', tier: 'edge', env: 'dev' })).toBe(false);
    expect(parseLabelSelector('app==web')({ app: 'web' })).toBe(true);
    expect(parseLabelSelector('tier notin (a,b)')({})).toBe(true);
    expect(parseLabelSelector('version')({ version: '' })).toBe(true);
    expect(parseLabelSelector('')({})).toBe(true);
  });

  it('rejects a malformed selector with a 400 naming it', () => {
    try {
      parseLabelSelector('app=we b');
      throw new Error('expected a failure');
    } catch (error) {
      expect(error).toBeInstanceOf(ApiError);
      expect((error as ApiError).code).toBe(400);
      expect((error as ApiError).message).toContain('app=we b');
    }
  });

  it('matches metav1.LabelSelector objects and prints them as kubectl does', () => {
    const selector = {
      matchLabels: { app: 'web' },
      matchExpressions: [{ key: 'tier', operator: 'In', values: ['a', 'b'] }, { key: 'canary', operator: 'DoesNotExist' }],
    };
    const match = labelSelectorMatcher(selector);
    expect(match({ app: 'web', tier: 'a' })).toBe(true);
    expect(match({ app: 'web', tier: 'c' })).toBe(false);
    expect(labelSelectorMatcher(null)({ app: 'web' })).toBe(false);
    expect(labelSelectorMatcher({})({ anything: 'x' })).toBe(true);
    expect(formatLabelSelector(selector)).toBe('app=web,tier in (a,b),!canary');
  });
});

describe('field selectors', () => {
  it('parses =, == and != with escaped separators', () => {
    expect(parseFieldSelector('metadata.name=web,status.phase!=Running,spec.nodeName==n1')).toEqual([
      { field: 'metadata.name', op: 'eq', value: 'web' },
      { field: 'status.phase', op: 'neq', value: 'Running' },
      { field: 'spec.nodeName', op: 'eq', value: 'n1' },
    ]);
    expect(parseFieldSelector('involvedObject.name=a\\,b')).toEqual([{ field: 'involvedObject.name', op: 'eq', value: 'a,b' }]);
  });
});

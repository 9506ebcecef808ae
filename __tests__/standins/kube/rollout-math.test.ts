import {
  equalIgnoreHash,
  maxSurge,
  maxUnavailable,
  resolveFenceposts,
  scaledValue,
} from '../../../standins/kube/controllers/deployment.js';
import { behaviourFromImage, parseImage } from '../../../standins/kube/behaviours.js';
import { humanDuration, podTemplateHash } from '../../../standins/kube/util.js';

function rolling(replicas: number, maxSurgeValue: unknown, maxUnavailableValue: unknown): Record<string, any> {
  return {
    metadata: {},
    spec: {
      replicas,
      strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: maxSurgeValue, maxUnavailable: maxUnavailableValue } },
    },
  };
}

describe('maxSurge and maxUnavailable', () => {
  it('round percentages as Kubernetes does: surge up, unavailability down', () => {
    expect(scaledValue('25%', 3, true)).toBe(1);
    expect(scaledValue('25%', 3, false)).toBe(0);
    expect(scaledValue('25%', 10, true)).toBe(3);
    expect(scaledValue('25%', 10, false)).toBe(2);
    expect(scaledValue(4, 10, false)).toBe(4);
  });

  it('allow one unavailable pod when both resolve to zero', () => {
    expect(resolveFenceposts('10%', '10%', 1)).toEqual([1, 0]);
    expect(resolveFenceposts(0, '10%', 5)).toEqual([0, 1]);
    expect(resolveFenceposts('25%', '25%', 4)).toEqual([1, 1]);
  });

  it('caps maxUnavailable at the replica count and gives Recreate neither', () => {
    expect(maxUnavailable(rolling(2, 0, 5))).toBe(2);
    expect(maxSurge(rolling(10, '30%', 1))).toBe(3);
    const recreate = { metadata: {}, spec: { replicas: 3, strategy: { type: 'Recreate' } } };
    expect(maxSurge(recreate)).toBe(0);
    expect(maxUnavailable(recreate)).toBe(0);
  });
});

describe('pod templates', () => {
  it('compare equal whatever the pod-template-hash label says', () => {
    const template = { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'app', image: 'web:1' }] } };
    const withHash = { metadata: { labels: { app: 'web', 'pod-template-hash': 'abc' } }, spec: template.spec };
    expect(equalIgnoreHash(template, withHash)).toBe(true);
    expect(equalIgnoreHash(template, { ...template, spec: { containers: [{ name: 'app', image: 'web:2' }] } })).toBe(false);
  });

  it('hash to a stable name suffix in the safe alphabet', () => {
    const template = { spec: { containers: [{ name: 'app', image: 'web:1' }] } };
    const hash = podTemplateHash(template);
    expect(hash).toMatch(/^[bcdfghjklmnpqrstvwxz2456789]{6,10}$/);
    expect(podTemplateHash(JSON.parse(JSON.stringify(template)))).toBe(hash);
    expect(podTemplateHash(template, 1)).not.toBe(hash);
  });
});

describe('image behaviours', () => {
  it('follow the tag suffix, or the repository name when pinned by digest', () => {
    expect(behaviourFromImage('registry.example.com/web:1.2-crashloop')).toBe('crashloop');
    expect(behaviourFromImage('web:1.2-missing')).toBe('missing');
    expect(behaviourFromImage('localhost:5000/web-oom@sha256:abcd')).toBe('oom');
    expect(behaviourFromImage('localhost:5000/web:2@sha256:abcd')).toBe('healthy');
    expect(behaviourFromImage('web:1.2-unhealthy')).toBe('unhealthy');
    expect(behaviourFromImage('web:1.2')).toBe('healthy');
    expect(behaviourFromImage('web@sha256:abcd', new Map([['sha256:abcd', 'slow']]))).toBe('slow');
    expect(parseImage('localhost:5000/team/web:1.0@sha256:ff')).toEqual({
      repository: 'localhost:5000/team/web',
      tag: '1.0',
      digest: 'sha256:ff',
    });
  });
});

describe('human durations', () => {
  it('read as kubectl prints ages', () => {
    expect(humanDuration(5_000)).toBe('5s');
    expect(humanDuration(119_000)).toBe('119s');
    expect(humanDuration(200_000)).toBe('3m20s');
    expect(humanDuration(3 * 3600_000 + 5 * 60_000)).toBe('3h5m');
    expect(humanDuration(-5_000)).toBe('<invalid>');
  });
});

import { classifyPushFailure, parsePushDigest } from '../../src/docker/push.js';

describe('push failures', () => {
  it.each([
    ['received unexpected HTTP status: 500 Internal Server Error', 'transient'],
    ['received unexpected HTTP status: 503 Service Unavailable', 'transient'],
    ['Put "http://127.0.0.1:5000/v2/x/manifests/t": read tcp: connection reset by peer', 'transient'],
    ['toomanyrequests: too many requests', 'transient'],
    ['unauthorized: authentication required', 'auth'],
    ['no basic auth credentials', 'auth'],
    ['denied: requested access to the resource is denied', 'auth'],
    ['manifest invalid: manifest invalid', 'permanent'],
    ['error parsing HTTP 403 response body: unexpected end of JSON input', 'auth'],
    // Layer IDs are hex and may hold "401" or "403"; they say nothing about the failure.
    ['b1af84030a2c: Layer already exists\nf7772742401d: Layer already exists\nreceived unexpected HTTP status: 500 Internal Server Error', 'transient'],
    ['An image does not exist locally with the tag: x', 'permanent'],
  ])('%s -> %s', (output, kind) => {
    expect(classifyPushFailure(output)).toBe(kind);
  });

  it('reads the digest the engine printed for the tag', () => {
    const out = 'The push refers to repository [127.0.0.1:5599/aura/x]\n806d: Pushed\nmain: digest: sha256:4a5026d81dffe45b6961845ec3764996aaad696b993d175e3c8b715b6880a4c0 size: 943\n';
    expect(parsePushDigest(out, 'main')).toBe('sha256:4a5026d81dffe45b6961845ec3764996aaad696b993d175e3c8b715b6880a4c0');
    expect(parsePushDigest(out, 'other')).toBeUndefined();
  });
});

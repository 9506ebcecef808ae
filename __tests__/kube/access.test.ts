import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { looksLikeKubeconfigContent, readKubeconfigInput } from '../../src/kube/access.js';
import { clearSecretsForTest, redact } from '../../src/core/secrets.js';
import { formatImage, parseImageReference, sameImage, withDigest, imageBaseName } from '../../src/kube/image.js';

const KUBECONFIG = `apiVersion: v1
kind: Config
clusters:
  - name: prod
    cluster: { server: 'https://10.0.0.1', certificate-authority-data: Q0E= }
users:
  - name: deployer
    user:
      token: eyJhbGciOiJSUzI1NiJ9.deployer-token-value
      client-key-data: LS0tLS1CRUdJTiBQUklWQVRFIEtFWS0tLS0t
contexts:
  - name: prod
    context: { cluster: prod, user: deployer, namespace: aura }
current-context: prod
`;

afterEach(() => clearSecretsForTest());

describe('the kubeconfig input', () => {
  it('is content when it looks like a kubeconfig, else a path', () => {
    expect(looksLikeKubeconfigContent(KUBECONFIG)).toBe(true);
    expect(looksLikeKubeconfigContent('{\n"apiVersion": "v1"}')).toBe(true);
    expect(looksLikeKubeconfigContent('.kube/config')).toBe(false);
  });

  it('registers its credentials as secrets and names the context and server', () => {
    const read = readKubeconfigInput(KUBECONFIG, '/workspace');
    expect(read).toMatchObject({ context: 'prod', server: 'https://10.0.0.1', source: "the kubeconfig given in input 'kubeconfig'" });
    expect(redact('token eyJhbGciOiJSUzI1NiJ9.deployer-token-value and key LS0tLS1CRUdJTiBQUklWQVRFIEtFWS0tLS0t')).toBe('token *** and key ***');
  });

  it('reads a path relative to the workspace and says what is wrong with a bad file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'aura-kubeconfig-'));
    try {
      writeFileSync(join(dir, 'config'), KUBECONFIG);
      expect(readKubeconfigInput('config', dir).source).toBe('kubeconfig config');
      expect(() => readKubeconfigInput('nope', dir)).toThrow(`input 'kubeconfig': ${join(dir, 'nope')} does not exist`);
      writeFileSync(join(dir, 'bad'), KUBECONFIG.replace('current-context: prod', 'current-context: staging'));
      expect(() => readKubeconfigInput('bad', dir)).toThrow('kubeconfig bad has no usable current-context (contexts: prod); set current-context');
      // A YAML error's message quotes the text around it, which may be a credential: it is not repeated.
      writeFileSync(join(dir, 'broken'), 'users:\n  - user: { token: "secret-token-123 }\n');
      expect(() => readKubeconfigInput('broken', dir)).toThrow(/^kubeconfig broken is not valid YAML \(YAMLParseError\); check the file$/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('image references', () => {
  it('parses tags, digests and registry ports', () => {
    expect(parseImageReference('europe-docker.pkg.dev/p/aura/visual-analysis:1.2@sha256:' + 'a'.repeat(64))).toEqual({
      repository: 'europe-docker.pkg.dev/p/aura/visual-analysis',
      tag: '1.2',
      digest: 'sha256:' + 'a'.repeat(64),
    });
    expect(parseImageReference('localhost:5000/web')).toEqual({ repository: 'localhost:5000/web', tag: undefined, digest: undefined });
    expect(parseImageReference('web:1 2')).toBeUndefined();
    expect(parseImageReference('web@sha256:short')).toBeUndefined();
    expect(formatImage({ repository: 'r/web', tag: '1' })).toBe('r/web:1');
  });

  it('treats the same repository and digest as the same image, whatever the tag', () => {
    const digest = 'sha256:' + 'b'.repeat(64);
    expect(sameImage(`r/web:1@${digest}`, `r/web@${digest}`)).toBe(true);
    expect(sameImage('r/web:1', 'r/web:1')).toBe(true);
    expect(sameImage('r/web:1', `r/web:1@${digest}`)).toBe(false);
    expect(sameImage(`r/other@${digest}`, `r/web@${digest}`)).toBe(false);
    expect(withDigest('r/web:1', digest)).toBe(`r/web:1@${digest}`);
    expect(imageBaseName(`europe-docker.pkg.dev/p/aura/visual-analysis:1@${digest}`)).toBe('visual-analysis');
  });
});

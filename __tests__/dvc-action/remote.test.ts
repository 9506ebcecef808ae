import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigurationError } from '../../src/core/errors.js';
import { clearSecretsForTest, redact } from '../../src/core/secrets.js';
import { DvcConfigFile } from '../../src/dvc/config-file.js';
import { configureRemote, displayUrl, undoRemote, type RemoteCleanup } from '../../src/dvc/remote.js';

const SERVICE_ACCOUNT = {
  type: 'service_account',
  project_id: 'aura-ml',
  private_key_id: '0123456789abcdef0123456789abcdef01234567',
  private_key: '-----BEGIN PRIVATE KEY-----\nMIIEvgIBADANBgkqhkiG9w0BAQEFAASCBKgwggSkAgEAAoIBAQDremotetestkey\nANOTHERKEYLINEANOTHERKEYLINE\n-----END PRIVATE KEY-----\n',
  client_email: 'dvc-ci@aura-ml.iam.gserviceaccount.com',
};

describe('DVC config files, edited as DVC writes them', () => {
  it('reads sections, quoted remote names and values, and keeps what it does not change', () => {
    const text = "[core]\n    remote = storage\n    autostage = true\n# a comment\n['remote \"storage\"']\n    url = s3://bucket/path\n[cache]\n    dir = ../shared-cache\n";
    const file = new DvcConfigFile(text);
    expect(file.get('core', 'remote')).toBe('storage');
    expect(file.remotes()).toEqual(['storage']);
    expect(file.get('cache', 'dir')).toBe('../shared-cache');
    file.set('core', 'remote', 'aura');
    file.set('remote "aura"', 'url', '/data/dvc, shared');
    expect(file.toString()).toBe(
      "[core]\n    remote = aura\n    autostage = true\n# a comment\n['remote \"storage\"']\n    url = s3://bucket/path\n[cache]\n    dir = ../shared-cache\n['remote \"aura\"']\n    url = \"/data/dvc, shared\"\n",
    );
    expect(new DvcConfigFile(file.toString()).get('remote "aura"', 'url')).toBe('/data/dvc, shared');
  });

  it('drops a whole section', () => {
    const file = new DvcConfigFile("['remote \"aura\"']\n    url = s3://a/b\n    endpointurl = http://x\n[core]\n    remote = aura\n");
    file.removeSection('remote "aura"');
    expect(file.toString()).toBe('[core]\n    remote = aura\n');
  });
});

describe('the remote of a run', () => {
  let repo: string;
  let temp: string;
  let cleanup: RemoteCleanup | undefined;
  const save = (c: RemoteCleanup): void => {
    cleanup = c;
  };
  const local = (): string => readFileSync(join(repo, '.dvc', 'config.local'), 'utf8');

  beforeEach(() => {
    clearSecretsForTest();
    repo = mkdtempSync(join(tmpdir(), 'aura-remote-'));
    temp = mkdtempSync(join(tmpdir(), 'aura-runner-temp-'));
    mkdirSync(join(repo, '.dvc'));
    writeFileSync(join(repo, '.dvc', 'config'), "[core]\n    remote = storage\n['remote \"storage\"']\n    url = gs://aura-dvc/store\n");
    cleanup = undefined;
  });
  afterEach(() => {
    rmSync(repo, { recursive: true, force: true });
    rmSync(temp, { recursive: true, force: true });
  });

  it("uses the repository's default remote when the input is empty, writing nothing", () => {
    const setup = configureRemote(repo, { remote: '' }, { RUNNER_TEMP: temp }, save);
    expect(setup).toMatchObject({ name: 'storage', url: 'gs://aura-dvc/store', scheme: 'gs', extras: ['gs'], origin: 'repository-default' });
    expect(existsSync(join(repo, '.dvc', 'config.local'))).toBe(false);
    expect(cleanup).toBeUndefined();
  });

  it('adds a URL as a remote in the local config only, as the default remote, with its endpoint', () => {
    const setup = configureRemote(repo, { remote: 's3://bucket/dvc', endpointUrl: 'http://127.0.0.1:9000' }, { RUNNER_TEMP: temp }, save);
    expect(setup).toMatchObject({ name: 'aura', scheme: 's3', extras: ['s3'], origin: 'input-url' });
    expect(local()).toBe("['remote \"aura\"']\n    url = s3://bucket/dvc\n    endpointurl = http://127.0.0.1:9000\n[core]\n    remote = aura\n");
    expect(readFileSync(join(repo, '.dvc', 'config'), 'utf8')).toContain('remote = storage');
    expect(undoRemote(cleanup!)).toContain('removed the .dvc/config.local this step wrote');
    expect(existsSync(join(repo, '.dvc', 'config.local'))).toBe(false);
  });

  it('resolves a relative directory remote against the repository and restores an earlier local config afterwards', () => {
    writeFileSync(join(repo, '.dvc', 'config.local'), '[core]\n    autostage = true\n');
    const setup = configureRemote(repo, { remote: '../storage' }, { RUNNER_TEMP: temp }, save);
    expect(setup.url).toBe(join(repo, '..', 'storage'));
    expect(local()).toContain('autostage = true');
    expect(local()).toContain(`url = ${setup.url}`);
    undoRemote(cleanup!);
    expect(local()).toBe('[core]\n    autostage = true\n');
  });

  it('selects a named remote and says which remotes exist when the name is wrong', () => {
    expect(configureRemote(repo, { remote: 'storage' }, { RUNNER_TEMP: temp }, save)).toMatchObject({ name: 'storage', origin: 'input-name' });
    expect(local()).toBe('[core]\n    remote = storage\n');
    expect(() => configureRemote(repo, { remote: 'storge' }, { RUNNER_TEMP: temp }, save)).toThrow(
      "input 'remote' names 'storge', which is not a remote of this repository (remotes: storage); give one of those names, a URL such as s3://bucket/path or gs://bucket/path, or a directory path",
    );
  });

  it('refuses an endpoint for a remote that is not S3 or GCS', () => {
    expect(() => configureRemote(repo, { remote: '/srv/dvc', endpointUrl: 'http://x' }, { RUNNER_TEMP: temp }, save)).toThrow(ConfigurationError);
  });

  it('writes a service-account key to a private temporary file, masks it, and points the local config at the file', () => {
    const key = Buffer.from(JSON.stringify(SERVICE_ACCOUNT)).toString('base64');
    const setup = configureRemote(repo, { remote: 'gs://aura-models/dvc', gcpCredentials: key }, { RUNNER_TEMP: temp }, save);
    expect(setup.credentials).toBe("the service-account key from input 'gcp-credentials' (dvc-ci@aura-ml.iam.gserviceaccount.com), in a private temporary file");
    const keyFile = /credentialpath = (.+)/.exec(local())![1]!;
    expect(keyFile.startsWith(temp)).toBe(true);
    expect(statSync(keyFile).mode & 0o777).toBe(0o600);
    expect(statSync(join(keyFile, '..')).mode & 0o777).toBe(0o700);
    expect(JSON.parse(readFileSync(keyFile, 'utf8'))).toEqual(SERVICE_ACCOUNT);
    // Nothing of the key in the config; the key, its lines and the input all masked.
    expect(local()).not.toContain('PRIVATE KEY');
    expect(redact(`${key} ANOTHERKEYLINEANOTHERKEYLINE`)).toBe('*** ***');
    const done = undoRemote(cleanup!);
    expect(done).toEqual(['removed the .dvc/config.local this step wrote', 'removed the temporary credentials directory']);
    expect(existsSync(keyFile)).toBe(false);
  });

  it('uses the credentials file google-github-actions/auth exported, without copying it', () => {
    const ambient = join(temp, 'gha-creds-123.json');
    writeFileSync(ambient, JSON.stringify(SERVICE_ACCOUNT));
    const setup = configureRemote(repo, { remote: '' }, { RUNNER_TEMP: temp, GOOGLE_APPLICATION_CREDENTIALS: ambient }, save);
    expect(setup.credentials).toBe('the credentials file google-github-actions/auth exported (GOOGLE_APPLICATION_CREDENTIALS)');
    expect(existsSync(join(repo, '.dvc', 'config.local'))).toBe(false);
    expect(redact('ANOTHERKEYLINEANOTHERKEYLINE')).toBe('***');
  });

  it('masks AWS credentials from the environment for an S3 remote', () => {
    const env = { RUNNER_TEMP: temp, AWS_ACCESS_KEY_ID: 'AKIAREMOTETEST000001', AWS_SECRET_ACCESS_KEY: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY' };
    expect(configureRemote(repo, { remote: 's3://b/p' }, env, save).credentials).toBe('AWS credentials from the environment (AWS_ACCESS_KEY_ID)');
    expect(redact(`id AKIAREMOTETEST000001 key wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY`)).toBe('id *** key ***');
  });

  it('never shows the password of a URL remote', () => {
    expect(displayUrl('https://user:s3cr3t@dav.example.com/dvc')).toBe('https://***@dav.example.com/dvc');
  });
});

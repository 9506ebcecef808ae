/**
 * A throwaway certificate authority and server certificate, made with the machine's
 * `openssl`, for serving the stand-in over HTTPS in tests and demos.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface TestCertificates {
  dir: string;
  /** PEM texts. */
  ca: string;
  cert: string;
  key: string;
  caPath: string;
  certPath: string;
  keyPath: string;
}

export interface CertificateOptions {
  /** Where to write the files (default: a new temporary directory). */
  dir?: string;
  /** Names the server certificate is valid for (default: 127.0.0.1, ::1, localhost). */
  hosts?: string[];
  /** Common name of the CA (default "kube-sim test CA"). */
  caName?: string;
}

function openssl(args: string[], cwd: string): void {
  try {
    execFileSync('openssl', args, { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (error) {
    const stderr = (error as { stderr?: Buffer }).stderr?.toString() ?? '';
    throw new Error(`openssl ${args[0]} failed: ${stderr.trim() || (error as Error).message}`);
  }
}

export function createTestCertificates(options: CertificateOptions = {}): TestCertificates {
  const dir = options.dir ?? mkdtempSync(join(tmpdir(), 'kube-sim-tls-'));
  const hosts = options.hosts ?? ['127.0.0.1', '::1', 'localhost'];
  const san = hosts.map((h) => (/^[\d.]+$/.test(h) || h.includes(':') ? `IP:${h}` : `DNS:${h}`)).join(',');
  const ec = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes'];
  openssl(
    [
      'req', '-x509', ...ec, '-keyout', 'ca.key', '-out', 'ca.crt', '-days', '2',
      '-subj', `/CN=${options.caName ?? 'kube-sim test CA'}`,
      '-addext', 'basicConstraints=critical,CA:TRUE',
      '-addext', 'keyUsage=critical,keyCertSign,cRLSign',
    ],
    dir,
  );
  openssl(['req', ...ec, '-keyout', 'server.key', '-out', 'server.csr', '-subj', '/CN=kube-apiserver'], dir);
  writeFileSync(
    join(dir, 'server.ext'),
    `subjectAltName=${san}\nbasicConstraints=CA:FALSE\nkeyUsage=critical,digitalSignature,keyEncipherment\nextendedKeyUsage=serverAuth\n`,
  );
  openssl(
    ['x509', '-req', '-in', 'server.csr', '-CA', 'ca.crt', '-CAkey', 'ca.key', '-CAcreateserial', '-out', 'server.crt', '-days', '2', '-extfile', 'server.ext'],
    dir,
  );
  const caPath = join(dir, 'ca.crt');
  const certPath = join(dir, 'server.crt');
  const keyPath = join(dir, 'server.key');
  return {
    dir,
    ca: readFileSync(caPath, 'utf8'),
    cert: readFileSync(certPath, 'utf8'),
    key: readFileSync(keyPath, 'utf8'),
    caPath,
    certPath,
    keyPath,
  };
}

/**
 * `npm run kube-sim -- --port 6443 --kubeconfig ./kubeconfig [--time-scale 10] [--tls]`
 * Serves the Kubernetes API stand-in in the foreground until interrupted.
 */
import { resolve } from 'node:path';
import { readFileSync, rmSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { createTestCertificates, startKubeSim, type KubeSimOptions } from './index.js';

const USAGE = `Usage: npm run kube-sim -- --port <port> --kubeconfig <file> [options]

Serves a Kubernetes API stand-in (not a real cluster) and writes a kubeconfig for it.
Pod behaviour follows the image tag's suffix: -crashloop, -missing, -oom, -unschedulable,
-configerror, -slow, -unhealthy; any other image becomes ready after about a second.

Options:
  --port <n>              port to listen on (default 6443; 0 picks a free one)
  --host <address>        interface to listen on (default 127.0.0.1)
  --kubeconfig <file>     where to write the kubeconfig (required)
  --time-scale <n>        simulated seconds per real second (default 1)
  --tls                   serve HTTPS with a throwaway CA made with openssl
  --tls-cert <file>       serve HTTPS with this certificate (with --tls-key and --tls-ca)
  --tls-key <file>        private key of --tls-cert
  --tls-ca <file>         CA certificate written into the kubeconfig
  --token <token>         bearer token clients must send (default with TLS: a random
                          one; without TLS: none, as kubectl sends no token over HTTP)
  --no-auth               accept requests without a token, even over HTTPS
  --namespace <name>      namespace of the kubeconfig's context (default "default")
  --context <name>        context name in the kubeconfig (default "kube-sim")
  -h, --help              show this help`;

function fail(message: string): never {
  process.stderr.write(`kube-sim: ${message}\n\n${USAGE}\n`);
  process.exit(2);
}

let certDir: string | undefined;

async function main(): Promise<void> {
  let values: Record<string, string | boolean | undefined>;
  try {
    ({ values } = parseArgs({
      options: {
        port: { type: 'string', default: '6443' },
        host: { type: 'string', default: '127.0.0.1' },
        kubeconfig: { type: 'string' },
        'time-scale': { type: 'string', default: '1' },
        tls: { type: 'boolean', default: false },
        'tls-cert': { type: 'string' },
        'tls-key': { type: 'string' },
        'tls-ca': { type: 'string' },
        token: { type: 'string' },
        'no-auth': { type: 'boolean', default: false },
        namespace: { type: 'string', default: 'default' },
        context: { type: 'string', default: 'kube-sim' },
        help: { type: 'boolean', short: 'h', default: false },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    fail((error as Error).message);
  }
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  if (!values.kubeconfig) fail('--kubeconfig <file> is required: the kubeconfig for the simulator is written there');
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) fail(`--port must be a port number, got "${String(values.port)}"`);
  const timeScale = Number(values['time-scale']);
  if (!Number.isFinite(timeScale) || timeScale <= 0) fail(`--time-scale must be a positive number, got "${String(values['time-scale'])}"`);
  if (values['no-auth'] && values.token) fail('--no-auth and --token contradict each other; give one of them');

  const options: KubeSimOptions = {
    host: String(values.host),
    port,
    timeScale,
    kubeconfigPath: resolve(String(values.kubeconfig)),
    namespace: String(values.namespace),
    contextName: String(values.context),
    token: values['no-auth'] ? null : (values.token as string | undefined),
  };
  const certFiles = [values['tls-cert'], values['tls-key'], values['tls-ca']];
  if (certFiles.some(Boolean)) {
    if (!certFiles.every(Boolean)) fail('--tls-cert, --tls-key and --tls-ca go together; give all three');
    const read = (file: unknown, flag: string): string => {
      try {
        return readFileSync(String(file), 'utf8');
      } catch (error) {
        return fail(`cannot read ${flag} ${String(file)}: ${(error as Error).message}`);
      }
    };
    options.tls = { cert: read(values['tls-cert'], '--tls-cert'), key: read(values['tls-key'], '--tls-key'), ca: read(values['tls-ca'], '--tls-ca') };
  } else if (values.tls) {
    const certs = createTestCertificates({ hosts: [...new Set([String(values.host), '127.0.0.1', 'localhost'])] });
    options.tls = { cert: certs.cert, key: certs.key, ca: certs.ca };
    certDir = certs.dir;
  }

  let sim;
  try {
    sim = await startKubeSim(options);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE') fail(`port ${port} is already in use; pick another with --port`);
    throw error;
  }
  process.stdout.write(
    `kube-sim: Kubernetes API stand-in serving at ${sim.url} (simulated time ${timeScale}x; not a real cluster)\n` +
      `kube-sim: kubeconfig written to ${sim.kubeconfigPath}; try: kubectl --kubeconfig ${sim.kubeconfigPath} get nodes\n` +
      `kube-sim: press Ctrl-C to stop\n`,
  );
  const stop = (signal: string): void => {
    process.stdout.write(`kube-sim: ${signal} received, stopping\n`);
    void sim!.close().then(() => {
      if (certDir) rmSync(certDir, { recursive: true, force: true });
      process.exit(0);
    });
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

main().catch((error: unknown) => {
  process.stderr.write(`kube-sim: ${(error as Error)?.stack ?? String(error)}\n`);
  process.exit(1);
});

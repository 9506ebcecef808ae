/** The kubeconfig that points kubectl and client libraries at the stand-in. */
import { stringify } from 'yaml';

export interface KubeconfigOptions {
  server: string;
  contextName: string;
  namespace: string;
  token?: string;
  /** PEM of the CA that signed the server certificate (HTTPS). */
  ca?: string;
}

export function kubeconfigText(options: KubeconfigOptions): string {
  const cluster: Record<string, unknown> = { server: options.server };
  if (options.ca) cluster['certificate-authority-data'] = Buffer.from(options.ca).toString('base64');
  // @kubernetes/client-node refuses a plain-HTTP server unless TLS verification is marked as
  // skipped; kubectl ignores the flag for http:// servers.
  else if (options.server.startsWith('http://')) cluster['insecure-skip-tls-verify'] = true;
  const user: Record<string, unknown> = {};
  if (options.token) user.token = options.token;
  return stringify({
    apiVersion: 'v1',
    kind: 'Config',
    clusters: [{ name: options.contextName, cluster }],
    users: [{ name: options.contextName, user }],
    contexts: [
      {
        name: options.contextName,
        context: { cluster: options.contextName, user: options.contextName, namespace: options.namespace },
      },
    ],
    'current-context': options.contextName,
    preferences: {},
  });
}

/**
 * Serves the STAND-IN of the Container API (GKE) in the foreground, for demos and trying the
 * action by hand. Not Google: it knows only the clusters given here.
 *
 *   npx tsx standins/gke/cli.ts --port 8789 --token ya29.demo \
 *     --cluster aura-prod/europe-west1/aura=127.0.0.1:6443 --ca ca.crt
 *
 * Then run the action with AURA_GKE_API_URL=http://127.0.0.1:8789.
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { startGkeStandIn, type StandInCluster } from './server.js';

function usage(message: string): never {
  process.stderr.write(
    `gke stand-in: ${message}\n` +
      'usage: cli.ts [--port N] [--host H] --token ACCESS_TOKEN --ca CA.pem ' +
      '--cluster PROJECT/LOCATION/NAME=ENDPOINT[,private=ADDR][,dns=HOST] ...\n',
  );
  process.exit(2);
}

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '0' },
    host: { type: 'string', default: '127.0.0.1' },
    token: { type: 'string', multiple: true },
    ca: { type: 'string' },
    cluster: { type: 'string', multiple: true },
  },
});
if (!values.ca) usage('give --ca, the PEM file of the cluster certificate authority');
if (!values.token?.length) usage('give at least one --token that the stand-in accepts');
if (!values.cluster?.length) usage('give at least one --cluster');
const caCertificate = readFileSync(values.ca, 'utf8');
const clusters: StandInCluster[] = values.cluster.map((spec) => {
  const [name, ...endpoints] = spec.split(',');
  const match = /^([^/]+)\/([^/]+)\/([^=]+)=(.*)$/.exec(name ?? '');
  if (!match) usage(`bad --cluster '${spec}'`);
  const cluster: StandInCluster = { project: match[1]!, location: match[2]!, name: match[3]!, endpoint: match[4] || undefined, caCertificate };
  for (const extra of endpoints) {
    const [kind, value] = extra.split('=');
    if (kind === 'private') cluster.privateEndpoint = value;
    else if (kind === 'dns') cluster.dnsEndpoint = value;
    else usage(`bad endpoint '${extra}' in --cluster '${spec}'`);
  }
  return cluster;
});
const standIn = await startGkeStandIn({
  port: Number(values.port),
  host: values.host,
  clusters,
  tokens: Object.fromEntries(values.token.map((token) => [token, { projects: ['*'] }])),
});
process.stdout.write(`gke stand-in (not Google) serving the Container API at ${standIn.url}; AURA_GKE_API_URL=${standIn.url}\n`);
const stop = (): void => void standIn.close().then(() => process.exit(0));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);

/**
 * Serves the STAND-IN of Google's OAuth2 token endpoint in the foreground (demos, trying the
 * action by hand). Not Google: it only checks assertions signed by the keys given here.
 *
 *   npx tsx standins/google-oauth/cli.ts --port 8788 --account sa@project.iam.gserviceaccount.com=public.pem[=token]
 *
 * Then run the action with AURA_GOOGLE_TOKEN_URL=http://127.0.0.1:8788/token.
 */
import { readFileSync } from 'node:fs';
import { startGoogleOAuthStandIn, type StandInServiceAccount } from './server.js';

function usage(message: string): never {
  process.stderr.write(`google-oauth stand-in: ${message}\nusage: cli.ts [--port N] --account EMAIL=PUBLIC_KEY.pem[=ACCESS_TOKEN] ...\n`);
  process.exit(2);
}

const args = process.argv.slice(2);
let port = 0;
const accounts: StandInServiceAccount[] = [];
for (let i = 0; i < args.length; i++) {
  const arg = args[i];
  const value = args[i + 1];
  if (arg === '--port' && value) {
    port = Number(value);
    i++;
  } else if (arg === '--account' && value) {
    const [email, pem, accessToken] = value.split('=');
    if (!email || !pem) usage(`bad --account '${value}'`);
    accounts.push({ email, publicKeyPem: readFileSync(pem, 'utf8'), accessToken });
    i++;
  } else {
    usage(`unknown argument '${arg ?? ''}'`);
  }
}
if (accounts.length === 0) usage('give at least one --account');
const standIn = await startGoogleOAuthStandIn({ accounts, port });
process.stdout.write(`google-oauth stand-in (not Google) serving ${standIn.tokenUrl}\n`);
process.on('SIGINT', () => void standIn.close().then(() => process.exit(0)));
process.on('SIGTERM', () => void standIn.close().then(() => process.exit(0)));

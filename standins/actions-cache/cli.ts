/**
 * Serves the STAND-IN of the GitHub Actions cache service in the foreground (benchmarks, trying
 * an action by hand). Not GitHub's service: entries live in this process's memory only.
 *
 *   npx tsx standins/actions-cache/cli.ts [--port N]
 *
 * Prints one line of JSON with the variables to give the action (ACTIONS_RESULTS_URL,
 * ACTIONS_RUNTIME_TOKEN, ACTIONS_CACHE_SERVICE_V2), then serves until interrupted.
 */
import { startActionsCache } from './server.js';

const args = process.argv.slice(2);
let port = 0;
for (let i = 0; i < args.length; i++) {
  if (args[i] === '--port' && args[i + 1]) {
    port = Number(args[++i]);
  } else {
    process.stderr.write(`actions-cache stand-in: unknown argument '${args[i]}'\nusage: cli.ts [--port N]\n`);
    process.exit(2);
  }
}
const standIn = await startActionsCache({ port });
process.stdout.write(`${JSON.stringify(standIn.env())}\n`);
process.stderr.write(`actions-cache stand-in (not GitHub's cache service) serving ${standIn.url}\n`);
const stop = (): void => void standIn.close().then(() => process.exit(0));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);

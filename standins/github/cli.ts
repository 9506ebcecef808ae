/**
 * Serves the GitHub REST stand-in in the foreground for the demo and for trying actions by hand:
 *
 *   npx tsx standins/github/cli.ts --port 8787 [--config standin.json]
 *
 * The config file is JSON: { "tokens": {...}, "repos": [...] } in the shape of
 * GitHubStandInOptions. Without one, the stand-in knows the tokens ghs_write and ghs_read
 * and an empty repository aura/platform. It prints its URL (use it as GITHUB_API_URL)
 * and serves until interrupted.
 */
import { readFileSync } from 'node:fs';
import { startGitHubStandIn, type GitHubStandInOptions } from './index.js';

function usage(message: string): never {
  process.stderr.write(`github stand-in: ${message}\nusage: cli.ts [--port N] [--host ADDRESS] [--config FILE]\n`);
  process.exit(2);
}

function parseArgs(argv: string[]): { port: number; host: string; config?: string } {
  const result: { port: number; host: string; config?: string } = { port: 0, host: '127.0.0.1' };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = argv[i + 1];
    if (arg === '--port') {
      if (value === undefined || !/^\d+$/.test(value)) usage('--port needs a number');
      result.port = Number(value);
      i++;
    } else if (arg === '--host') {
      if (value === undefined) usage('--host needs an address');
      result.host = value;
      i++;
    } else if (arg === '--config') {
      if (value === undefined) usage('--config needs a file');
      result.config = value;
      i++;
    } else {
      usage(`unknown argument '${arg}'`);
    }
  }
  return result;
}

const args = parseArgs(process.argv.slice(2));
let options: GitHubStandInOptions = { repos: [{ fullName: 'aura/platform', refs: { main: 'a'.repeat(40) } }] };
if (args.config) {
  try {
    options = JSON.parse(readFileSync(args.config, 'utf8')) as GitHubStandInOptions;
  } catch (error) {
    usage(`cannot read --config ${args.config}: ${error instanceof Error ? error.message : String(error)}`);
  }
}
const standIn = await startGitHubStandIn({ ...options, port: args.port, host: args.host });
process.stdout.write(`GitHub REST stand-in (not GitHub) listening on ${standIn.url}\n`);
process.stdout.write(`GITHUB_API_URL=${standIn.url}\n`);
process.stdout.write(`tokens: ${Object.keys(standIn.tokens).join(', ')}\n`);

let stopping = false;
const stop = () => {
  if (stopping) return;
  stopping = true;
  void standIn.close().then(() => process.exit(0));
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);

import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startGitHubStandIn, type IssueComment } from '../../standins/github/index.js';
import { REPO_ROOT } from '../harness/paths.js';
import { commitAll, git, gitRepository, runAct, standInRepositories, type ActResult } from './act.js';

/**
 * The consumer's side of the act runs: a copy of the example Aura monorepo with a starter
 * template in .github/workflows/, and the event a real change would send. `suite` is the
 * folder act serves as aura/actions@v1 (see suiteCopy).
 */

const LIMIT_MS = 15 * 60_000;

function template(name: string, edit: (text: string) => string): string {
  const text = readFileSync(join(REPO_ROOT, 'action-templates', name), 'utf8');
  const edited = edit(text);
  if (edited === text) throw new Error(`the edit of ${name} for the act run no longer applies; update act-scenarios.ts`);
  return edited;
}

function consumerRepository(scratch: string, workflow: string, text: string): string {
  const repo = gitRepository(join(scratch, 'platform'), { '__tests__/fixtures/aura-monorepo': '.' });
  mkdirSync(join(repo, '.github', 'workflows'), { recursive: true });
  writeFileSync(join(repo, '.github', 'workflows', workflow), text);
  commitAll(repo, `add ${workflow}`);
  return repo;
}

export interface MlRun {
  run: ActResult;
  comments: IssueComment[];
}

/**
 * aura-ml.yml on a pull request that raises one training parameter of the outfit model, with a
 * DVC remote in a local folder and the GitHub REST stand-in for the comment.
 */
export async function runMlPipeline(act: string, scratch: string, suite: string): Promise<MlRun> {
  const caller = template('aura-ml.yml', (t) =>
    t.replace("      python-version: '3.11'\n", `      python-version: '3.11'\n      remote: ${join(scratch, 'dvc-remote')}\n`),
  );
  const repo = consumerRepository(scratch, 'aura-ml.yml', caller);
  const base = git(repo, 'rev-parse', 'HEAD');
  git(repo, 'checkout', '-q', '-b', 'tune-outfit');
  const params = join(repo, 'params.yaml');
  const original = readFileSync(params, 'utf8');
  const changed = original.replace(/(outfit:[\s\S]*?\n\s+epochs:\s*)(\d+)/, (_m, key: string, n: string) => `${key}${Number(n) + 1}`);
  if (changed === original) throw new Error('params.yaml of the example monorepo has no outfit epochs to change');
  writeFileSync(params, changed);
  const head = commitAll(repo, 'train the outfit model one more epoch');

  const github = await startGitHubStandIn({
    repos: [
      {
        fullName: 'aura/platform',
        refs: { main: base, 'tune-outfit': head },
        pulls: [{ number: 7, title: 'Train the outfit model one more epoch', base: { ref: 'main', sha: base }, head: { ref: 'tune-outfit', sha: head } }],
      },
    ],
  });
  try {
    const run = await runAct(act, {
      workdir: repo,
      event: 'pull_request',
      workflows: '.github/workflows/aura-ml.yml',
      payload: {
        action: 'synchronize',
        number: 7,
        pull_request: { number: 7, base: { ref: 'main', sha: base }, head: { ref: 'tune-outfit', sha: head } },
        repository: { full_name: 'aura/platform', default_branch: 'main' },
      },
      localRepositories: [`aura/actions@v1=${suite}`, ...standInRepositories(scratch)],
      env: { GITHUB_API_URL: github.url, GITHUB_REPOSITORY: 'aura/platform' },
      secrets: { GITHUB_TOKEN: 'ghs_write' },
      limitMs: LIMIT_MS,
    });
    return { run, comments: [...github.state.comments('aura/platform', 7)] };
  } finally {
    await github.close();
  }
}

export interface BuildRun {
  run: ActResult;
  /** The images.json that build-and-push.yml left as the aura-images artifact. */
  images?: Record<string, string>;
  /** Categories of the SARIF reports handed to code scanning. */
  scanned: string[];
}

/**
 * aura-build.yml on a push to main that edits the visual-analysis service, building against a
 * registry on loopback (DOCKER_REGISTRY, as the seed names it) from a local base image,
 * with Trivy's secret scanner (its vulnerability database cannot be downloaded here).
 */
export async function runBuild(
  act: string,
  scratch: string,
  suite: string,
  registry: { host: string; user: string; password: string; baseImage: string },
): Promise<BuildRun> {
  const caller = template('aura-build.yml', (t) =>
    t
      .replace(
        '      force_build_all: ${{ inputs.force_build_all || false }}\n',
        `      force_build_all: \${{ inputs.force_build_all || false }}\n      build-args: BASE_IMAGE=${registry.baseImage}\n      scanners: secret\n`,
      )
      .replace(
        '      GCP_SA_KEY: ${{ secrets.GCP_SA_KEY }}\n',
        '      GCP_SA_KEY: ${{ secrets.GCP_SA_KEY }}\n      REGISTRY_USERNAME: ${{ secrets.REGISTRY_USERNAME }}\n      REGISTRY_PASSWORD: ${{ secrets.REGISTRY_PASSWORD }}\n',
      ),
  );
  const repo = consumerRepository(scratch, 'aura-build.yml', caller);
  const before = git(repo, 'rev-parse', 'HEAD');
  const app = join(repo, 'services', 'visual_analysis', 'src', 'visual_analysis', 'app.py');
  writeFileSync(app, `${readFileSync(app, 'utf8')}\n# a change to the service\n`);
  const after = commitAll(repo, 'change the visual analysis service');

  const run = await runAct(act, {
    workdir: repo,
    event: 'push',
    workflows: '.github/workflows/aura-build.yml',
    payload: { ref: 'refs/heads/main', before, after, forced: false, repository: { full_name: 'aura/platform', default_branch: 'main' } },
    localRepositories: [`aura/actions@v1=${suite}`, ...standInRepositories(scratch)],
    env: { GITHUB_REPOSITORY: 'aura/platform' },
    // As the template advises: the registry as a variable, so the images output is not withheld.
    vars: { DOCKER_REGISTRY: `${registry.host}/aura` },
    secrets: {
      REGISTRY_USERNAME: registry.user,
      REGISTRY_PASSWORD: registry.password,
      GITHUB_TOKEN: 'ghs_read',
    },
    limitMs: LIMIT_MS,
  });
  const imagesFile = join(run.artifacts, 'aura-images', 'aura-images.json');
  const scanningDir = join(run.artifacts, '.code-scanning');
  return {
    run,
    images: existsSync(imagesFile) ? (JSON.parse(readFileSync(imagesFile, 'utf8')) as Record<string, string>) : undefined,
    scanned: existsSync(scanningDir) ? readdirSync(scanningDir).sort() : [],
  };
}


import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { NODE24, REPO_ROOT, VENV_BIN } from '../harness/paths.js';
import { loadWorkflow, usesSites, workflowFiles } from './workflows.js';

/**
 * Running the workflows with nektos/act in host mode (`-P ubuntu-latest=-self-hosted`): each job
 * runs as a process on this machine, with Node 24 and the project's venv (DVC, Trivy) first on
 * PATH. Nothing is fetched from GitHub:
 *
 * - `aura/actions@v1` is this repository, through act's `--local-repository`: a copy of its
 *   action folders, dist/ and reusable workflows. act does not know the `$/<action>` references
 *   the reusable workflows use (the same commit as the workflow), so the copy says
 *   `aura/actions/<action>@v1` instead, which here is the same tree.
 * - actions/checkout is not run: act copies the repository under test into the workspace.
 * - The other third-party actions are replaced by stand-ins (composite actions written below,
 *   named as stand-ins in the log), mapped at the exact SHAs the workflows pin.
 */

export const ACTION_FOLDERS = ['detect-changed-services', 'dvc-repro-and-push', 'metrics-regression-gate', 'build-scan-push', 'gke-rollout', 'gke-rollout-verify'];

/** A copy of the suite as `aura/actions@v1` serves it, with `$/x` written as `aura/actions/x@v1`. */
export function suiteCopy(into: string): string {
  const dir = join(into, 'aura-actions');
  for (const folder of [...ACTION_FOLDERS, 'dist']) cpSync(join(REPO_ROOT, folder), join(dir, folder), { recursive: true });
  mkdirSync(join(dir, '.github', 'workflows'), { recursive: true });
  for (const file of workflowFiles().filter((f) => f.startsWith('.github/workflows/'))) {
    const text = readFileSync(join(REPO_ROOT, file), 'utf8').replace(/uses: \$\/([\w./-]+)/g, 'uses: aura/actions/$1@v1');
    writeFileSync(join(dir, file), text);
  }
  return dir;
}

const STANDINS: Record<string, { path?: string; yaml: string }> = {
  'actions/setup-python': {
    yaml: `name: setup-python stand-in (not actions/setup-python)
description: Puts the machine's python3 first on PATH as python.
inputs:
  python-version: { required: false, default: '' }
runs:
  using: composite
  steps:
    - shell: bash
      run: |
        echo "stand-in for actions/setup-python: the machine's $(python3 --version)"
        mkdir -p "$RUNNER_TEMP/standin-python/bin"
        ln -sf "$(command -v python3)" "$RUNNER_TEMP/standin-python/bin/python"
        echo "$RUNNER_TEMP/standin-python/bin" >> "$GITHUB_PATH"
`,
  },
  'actions/upload-artifact': {
    yaml: `name: upload-artifact stand-in (not actions/upload-artifact)
description: Copies the files into a folder the run's jobs share.
inputs:
  name: { required: false, default: artifact }
  path: { required: true }
  if-no-files-found: { required: false, default: warn }
  include-hidden-files: { required: false, default: 'false' }
  retention-days: { required: false, default: '' }
runs:
  using: composite
  steps:
    - shell: bash
      env:
        NAME: \${{ inputs.name }}
        FROM: \${{ inputs.path }}
      run: |
        dest="$AURA_ACT_ARTIFACTS/$NAME"
        mkdir -p "$dest"
        if [ -d "$FROM" ]; then cp -a "$FROM/." "$dest/"; elif [ -e "$FROM" ]; then cp -a "$FROM" "$dest/"; else echo "stand-in upload-artifact: $FROM does not exist"; exit 1; fi
        echo "stand-in for actions/upload-artifact: $NAME <- $FROM"
`,
  },
  'actions/download-artifact': {
    yaml: `name: download-artifact stand-in (not actions/download-artifact)
description: Copies artifacts from the folder the run's jobs share.
inputs:
  name: { required: false, default: '' }
  pattern: { required: false, default: '' }
  merge-multiple: { required: false, default: 'false' }
  path: { required: false, default: '.' }
  run-id: { required: false, default: '' }
  github-token: { required: false, default: '' }
runs:
  using: composite
  steps:
    - shell: bash
      env:
        NAME: \${{ inputs.name }}
        PATTERN: \${{ inputs.pattern }}
        MERGE: \${{ inputs.merge-multiple }}
        TO: \${{ inputs.path }}
      run: |
        mkdir -p "$TO"
        if [ -n "$NAME" ]; then
          [ -d "$AURA_ACT_ARTIFACTS/$NAME" ] || { echo "stand-in download-artifact: no artifact $NAME"; exit 1; }
          cp -a "$AURA_ACT_ARTIFACTS/$NAME/." "$TO/"
          echo "stand-in for actions/download-artifact: $NAME -> $TO"
          exit 0
        fi
        shopt -s nullglob
        for dir in "$AURA_ACT_ARTIFACTS"/$PATTERN; do
          name=$(basename "$dir")
          if [ "$MERGE" = true ]; then cp -a "$dir/." "$TO/"; else mkdir -p "$TO/$name"; cp -a "$dir/." "$TO/$name/"; fi
          echo "stand-in for actions/download-artifact: $name -> $TO"
        done
`,
  },
  // act fetches every action of a job before the first step, even one whose `if:` is false;
  // the workflows run Workload Identity Federation only when it is configured, and it is not here.
  'google-github-actions/auth': {
    yaml: `name: auth stand-in (not google-github-actions/auth)
description: Google Cloud cannot be reached here; fails if a run needs it.
inputs:
  workload_identity_provider: { required: false, default: '' }
  service_account: { required: false, default: '' }
runs:
  using: composite
  steps:
    - shell: bash
      run: |
        echo "stand-in for google-github-actions/auth: no Google Cloud here"
        exit 1
`,
  },
  'github/codeql-action': {
    path: 'upload-sarif',
    yaml: `name: upload-sarif stand-in (not github/codeql-action/upload-sarif)
description: Checks the SARIF files and keeps them for the test.
inputs:
  sarif_file: { required: true }
  category: { required: false, default: '' }
runs:
  using: composite
  steps:
    - shell: bash
      env:
        SARIF: \${{ inputs.sarif_file }}
        CATEGORY: \${{ inputs.category }}
      run: |
        mkdir -p "$AURA_ACT_ARTIFACTS/.code-scanning/$CATEGORY"
        for file in $(find "$SARIF" -name '*.sarif' -o -name '*.json' 2>/dev/null; [ -f "$SARIF" ] && echo "$SARIF"); do
          python3 -c 'import json, sys; assert "runs" in json.load(open(sys.argv[1]))' "$file"
          cp "$file" "$AURA_ACT_ARTIFACTS/.code-scanning/$CATEGORY/"
          echo "stand-in for upload-sarif: $file ($CATEGORY)"
        done
`,
  },
};

/** `owner/repo@sha=<dir>` for each third-party action the workflows pin, served by a stand-in. */
export function standInRepositories(into: string): string[] {
  const pins = new Map<string, string>();
  for (const file of workflowFiles()) {
    for (const site of usesSites(loadWorkflow(file))) {
      const match = /^([\w.-]+\/[\w.-]+)(?:\/[^@]*)?@([0-9a-f]{40})$/.exec(site.uses);
      if (match) pins.set(match[1]!, match[2]!);
    }
  }
  const mappings: string[] = [];
  for (const [repository, standIn] of Object.entries(STANDINS)) {
    const sha = pins.get(repository);
    if (!sha) continue;
    const root = join(into, 'standins', repository);
    const file = join(root, standIn.path ?? '', 'action.yml');
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, standIn.yaml);
    mappings.push(`${repository}@${sha}=${root}`);
  }
  return mappings;
}

export interface ActOptions {
  /** The repository act runs in (a git work tree). */
  workdir: string;
  event: string;
  /** The event payload; act's default otherwise. */
  payload?: object;
  /** Workflow file or folder, relative to workdir. */
  workflows: string;
  job?: string;
  localRepositories: string[];
  env?: Record<string, string>;
  secrets?: Record<string, string>;
  /** Configuration variables (the `vars` context). */
  vars?: Record<string, string>;
  /** Upper bound for the whole run, so a hung job cannot hang the suite. */
  limitMs: number;
}

export interface ActResult {
  status: number | null;
  output: string;
  artifacts: string;
}

/**
 * Runs act and resolves when it exits. Asynchronous on purpose: the GitHub REST stand-in the
 * workflows talk to runs in the test's own process and must keep answering meanwhile.
 */
export function runAct(act: string, options: ActOptions): Promise<ActResult> {
  const scratch = mkdtempSync(join(tmpdir(), 'aura-act-run-'));
  const artifacts = join(scratch, 'artifacts');
  mkdirSync(artifacts);
  const args = [options.event, '-W', options.workflows, '-P', 'ubuntu-latest=-self-hosted', '-P', 'ubuntu-24.04=-self-hosted'];
  args.push('--action-cache-path', join(scratch, 'cache'), '--no-cache-server', '--defaultbranch', 'main');
  if (options.job) args.push('-j', options.job);
  if (options.payload) {
    const path = join(scratch, 'event.json');
    writeFileSync(path, JSON.stringify(options.payload));
    args.push('-e', path);
  }
  for (const mapping of options.localRepositories) args.push('--local-repository', mapping);
  for (const [name, value] of Object.entries({ AURA_ACT_ARTIFACTS: artifacts, ...options.env })) args.push('--env', `${name}=${value}`);
  for (const [name, value] of Object.entries(options.secrets ?? {})) args.push('-s', `${name}=${value}`);
  for (const [name, value] of Object.entries(options.vars ?? {})) args.push('--var', `${name}=${value}`);
  return new Promise((resolve, reject) => {
    const child = spawn(act, args, {
      cwd: options.workdir,
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
      env: {
        ...process.env,
        HOME: scratch,
        XDG_CACHE_HOME: join(scratch, 'xdg-cache'),
        PATH: `${dirname(NODE24)}:${VENV_BIN}:${process.env.PATH ?? ''}`,
      },
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    // The whole process group: act and the job processes it started.
    const limit = setTimeout(() => {
      output += `\n(stopped after ${options.limitMs} ms)`;
      try {
        process.kill(-child.pid!, 'SIGKILL');
      } catch {
        /* already gone */
      }
    }, options.limitMs);
    child.on('error', (error) => {
      clearTimeout(limit);
      reject(error);
    });
    child.on('close', (status) => {
      clearTimeout(limit);
      resolve({ status, output, artifacts });
    });
  });
}

/** A git repository made of `files` copied from this repository, committed on main. */
export function gitRepository(dir: string, copies: Record<string, string>): string {
  mkdirSync(dir, { recursive: true });
  for (const [from, to] of Object.entries(copies)) cpSync(join(REPO_ROOT, from), join(dir, to), { recursive: true });
  git(dir, 'init', '-q', '-b', 'main');
  commitAll(dir, 'base');
  return dir;
}

export function git(dir: string, ...args: string[]): string {
  const result = spawnSync('git', ['-c', 'user.name=act test', '-c', 'user.email=act@example.invalid', ...args], { cwd: dir, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`git ${args.join(' ')}: ${result.stderr}`);
  return result.stdout.trim();
}

export function commitAll(dir: string, message: string): string {
  git(dir, 'add', '-A');
  git(dir, 'commit', '-q', '-m', message);
  return git(dir, 'rev-parse', 'HEAD');
}

export function listFiles(dir: string): string[] {
  return existsSync(dir) ? (readdirSync(dir, { recursive: true }) as string[]).sort() : [];
}

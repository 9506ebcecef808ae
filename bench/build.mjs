// build-scan-push's layer cache: a cold build against an unchanged rebuild of the same service,
// the action's dist bundle run as the runner runs it (Node 24, INPUT_*, the event and output
// files) on the real Docker engine with BuildKit; and, in the same run, the engine alone
// (`DOCKER_BUILDKIT=1 docker build` of the same context, cold and warm), so the table shows what
// the action adds over the raw engine. Base images cannot be pulled here: each cold build gets a
// fresh FROM-scratch base around busybox-static's shell (a unique marker file in it makes every
// later step miss the cache), the way the integration tests build theirs. The action runs with
// scan: false and push: false: this measures the build, not Trivy or a registry.
import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { chmodSync, copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { added, median, NODE24, notMeasured, report, ROOT, runnerEnv, seconds, timeOnce } from './lib.mjs';

const ROUNDS = Number(process.env.BENCH_BUILD_ROUNDS ?? 5);
const WARM_PER_ROUND = 2;
const PREFIX = 'aura-bench-build';
const BUNDLE = join(ROOT, 'dist', 'build-scan-push', 'index.js');
const TARGET = 'an unchanged rebuild is answered from the cache (every step cached)';

/** The client that drives BuildKit here, as the action and the tests pick it: one with buildx, or one older than 23.0. */
function engineClient() {
  const notes = [];
  for (const candidate of ['docker', '/usr/bin/docker']) {
    let version;
    try {
      version = execFileSync(candidate, ['version', '--format', '{{.Client.Version}}'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    } catch (error) {
      // `docker version` exits non-zero without an engine but still prints the client's version.
      version = String(error.stdout ?? '').trim();
      if (!version) {
        notes.push(`${candidate}: not installed`);
        continue;
      }
    }
    try {
      execFileSync(candidate, ['buildx', 'version'], { stdio: 'ignore' });
      return { client: candidate, buildx: true, version };
    } catch {
      /* no buildx */
    }
    if (Number(version.split('.')[0]) < 23) return { client: candidate, buildx: false, version };
    notes.push(`${candidate} ${version}: no buildx and too new for DOCKER_BUILDKIT=1`);
  }
  return { notes };
}

function findBusybox() {
  for (const dir of (process.env.PATH ?? '').split(':')) if (dir && existsSync(join(dir, 'busybox'))) return join(dir, 'busybox');
  return existsSync('/bin/busybox') ? '/bin/busybox' : undefined;
}

/** A small service like the example monorepo's: a dependency layer that takes seconds to make, then the code. */
function makeWorkspace(dir) {
  const service = join(dir, 'services', 'bench_service');
  mkdirSync(join(service, 'src'), { recursive: true });
  mkdirSync(join(dir, '.github'));
  writeFileSync(
    join(dir, '.github', 'services.yml'),
    [
      'version: 1',
      'services:',
      '  bench-service:',
      '    paths: ["services/bench_service/**"]',
      '    image:',
      `      name: ${PREFIX}/bench-service`,
      '      context: .',
      '      dockerfile: services/bench_service/Dockerfile',
      '      target: production',
      '',
    ].join('\n'),
  );
  writeFileSync(join(service, 'requirements.txt'), 'numpy==2.1.0\nfastapi==0.115.0\n');
  writeFileSync(join(service, 'src', 'app.py'), 'def handler(event):\n    return {"ok": True}\n');
  writeFileSync(
    join(service, 'Dockerfile'),
    [
      'ARG BASE_IMAGE',
      'FROM ${BASE_IMAGE} AS base',
      'WORKDIR /app',
      'COPY services/bench_service/requirements.txt /app/requirements.txt',
      '# Stands in for `pip install -r requirements.txt`: 48 MB of packages written and hashed.',
      'RUN mkdir -p /opt/venv && dd if=/dev/urandom of=/opt/venv/site-packages.bin bs=1M count=48 2>/dev/null && sha256sum /opt/venv/site-packages.bin > /opt/venv/RECORD',
      'RUN i=0; while [ $i -lt 200000 ]; do i=$((i+1)); done; echo $i > /opt/venv/compiled',
      'FROM base AS production',
      'COPY services/bench_service/src /app/src',
      'USER 10001:10001',
      'CMD ["/bin/sh"]',
      '',
    ].join('\n'),
  );
  writeFileSync(join(dir, '.dockerignore'), '.git\n');
}

export async function run() {
  if (!existsSync(BUNDLE)) {
    return { rows: { 'build-cache': { ...notMeasured(`${BUNDLE} is missing (npm run build)`), target: `${TARGET}: not measured` } } };
  }
  const engine = engineClient();
  let why;
  if (!engine.client) why = `no docker client that drives BuildKit (${engine.notes.join('; ')}); run \`npm run setup\` (scripts/setup.d/30-docker.sh)`;
  else {
    try {
      execFileSync(engine.client, ['info'], { stdio: 'ignore', timeout: 20_000 });
    } catch {
      why = `the Docker engine does not answer (\`${engine.client} info\` failed); start it with \`npm run setup\` (scripts/setup.d/30-docker.sh)`;
    }
  }
  const busybox = findBusybox();
  if (!why && !busybox) why = 'busybox-static is not installed (npm run setup), so no base image can be made here';
  if (why) {
    report('build-scan-push: build cache', [`not measured: ${why}`]);
    return { rows: { 'build-cache': { ...notMeasured(why), target: `${TARGET}: not measured` } } };
  }

  const docker = (...args) =>
    execFileSync(engine.client, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, DOCKER_BUILDKIT: '1' }, maxBuffer: 64 * 1024 * 1024 }).trim();
  const serverVersion = docker('version', '--format', '{{.Server.Version}}');
  const scratch = mkdtempSync(join(tmpdir(), 'aura-bench-build-'));
  const workspace = join(scratch, 'workspace');
  mkdirSync(workspace);
  makeWorkspace(workspace);
  const runId = randomUUID().slice(0, 8);
  const images = new Set();

  /** A fresh FROM-scratch base: its unique marker makes every step built on it miss the cache. */
  function freshBase(name) {
    const dir = join(scratch, `base-${name}`);
    mkdirSync(dir);
    copyFileSync(busybox, join(dir, 'busybox'));
    chmodSync(join(dir, 'busybox'), 0o755);
    writeFileSync(join(dir, 'marker'), `${runId} ${name} ${Date.now()}\n`);
    writeFileSync(join(dir, 'Dockerfile'), ['FROM scratch', 'COPY busybox /bin/busybox', 'RUN ["/bin/busybox", "--install", "-s", "/bin"]', 'COPY marker /etc/bench-marker', ''].join('\n'));
    const tag = `${PREFIX}/base:${runId}-${name}`;
    docker('build', '--quiet', '--tag', tag, dir);
    images.add(tag);
    return tag;
  }

  function action(base) {
    const { runner, env } = runnerEnv(join(ROOT, 'build-scan-push', 'action.yml'), {
      workspace,
      event: { ref: 'refs/heads/main', repository: { default_branch: 'main' } },
      inputs: { service: 'bench-service', 'build-args': `BASE_IMAGE=${base}`, scan: 'false', push: 'false' },
      extra: { GITHUB_SHA: 'a1b2c3d4e5f60718293a4b5c6d7e8f9012345678' },
    });
    try {
      const result = timeOnce(NODE24, [BUNDLE], { cwd: workspace, env });
      const cache = /built (\S+) in [\d.]+ s \((\d+) of (\d+) steps from cache\)/.exec(result.stdout);
      if (result.status !== 0 || !cache) throw new Error(`build-scan-push failed (exit ${result.status}):\n${result.stdout.slice(-3000)}\n${result.stderr.slice(-2000)}`);
      images.add(cache[1]);
      return { ms: result.ms, cached: Number(cache[2]), steps: Number(cache[3]) };
    } finally {
      rmSync(runner, { recursive: true, force: true });
    }
  }

  function engineBuild(base, tag) {
    const result = timeOnce(
      engine.client,
      ['build', '--progress', 'plain', '--file', 'services/bench_service/Dockerfile', '--target', 'production', '--build-arg', `BASE_IMAGE=${base}`, '--tag', tag, '.'],
      { cwd: workspace, env: { ...process.env, DOCKER_BUILDKIT: '1' } },
    );
    if (result.status !== 0) throw new Error(`docker build failed:\n${result.stderr.slice(-3000)}`);
    images.add(docker('image', 'inspect', '--format', '{{.Id}}', tag));
    images.add(tag);
    return { ms: result.ms, cached: (result.stderr.match(/^#\d+ CACHED$/gm) ?? []).length };
  }

  const times = { auraCold: [], auraWarm: [], engineCold: [], engineWarm: [] };
  const cache = { auraCold: [], auraWarm: [], engineWarm: [] };
  try {
    for (let round = 0; round < ROUNDS; round++) {
      const order = round % 2 === 0 ? ['aura', 'engine'] : ['engine', 'aura'];
      for (const who of order) {
        const base = freshBase(`${who}-${round}`);
        if (who === 'aura') {
          const cold = action(base);
          times.auraCold.push(cold.ms);
          cache.auraCold.push(cold);
          for (let i = 0; i < WARM_PER_ROUND; i++) {
            const warm = action(base);
            times.auraWarm.push(warm.ms);
            cache.auraWarm.push(warm);
          }
        } else {
          const tag = `${PREFIX}/engine:${runId}-${round}`;
          times.engineCold.push(engineBuild(base, tag).ms);
          for (let i = 0; i < WARM_PER_ROUND; i++) {
            const warm = engineBuild(base, tag);
            times.engineWarm.push(warm.ms);
            cache.engineWarm.push(warm);
          }
        }
        console.log(`bench: build round ${round + 1}/${ROUNDS}, ${who} done`);
      }
    }
  } finally {
    for (const ref of docker('image', 'ls', '--format', '{{.Repository}}:{{.Tag}}').split('\n')) if (ref.startsWith(`${PREFIX}/`)) images.add(ref);
    try {
      docker('image', 'rm', '--force', ...images);
    } catch (error) {
      console.error(`bench: could not remove every benchmark image: ${String(error.stderr ?? error).trim().split('\n').at(-1)}`);
    }
    rmSync(scratch, { recursive: true, force: true });
  }

  const m = Object.fromEntries(Object.entries(times).map(([name, values]) => [name, median(values)]));
  const auraRatio = m.auraWarm / m.auraCold;
  const engineRatio = m.engineWarm / m.engineCold;
  const allCached = cache.auraWarm.every((r) => r.steps > 0 && r.cached === r.steps);
  const coldMissed = cache.auraCold.every((r) => r.cached === 0);
  const steps = cache.auraWarm[0].steps;
  const client = `${engine.client} ${engine.version}${engine.buildx ? ' buildx' : ' with DOCKER_BUILDKIT=1'}`;
  report('build-scan-push: build cache, cold build and unchanged rebuild', [
    `Engine ${serverVersion}, client ${client}; ${ROUNDS} rounds, each with a fresh base: one cold build, then ${WARM_PER_ROUND} unchanged rebuilds; medians.`,
    '',
    '| | cold build | unchanged rebuild | rebuild ÷ cold |',
    '| --- | --- | --- | --- |',
    `| build-scan-push step (scan: false, push: false) | ${seconds(m.auraCold)} | ${seconds(m.auraWarm)} | ${auraRatio.toFixed(2)} |`,
    `| DOCKER_BUILDKIT=1 docker build | ${seconds(m.engineCold)} | ${seconds(m.engineWarm)} | ${engineRatio.toFixed(2)} |`,
    '',
    `build-scan-push cache use: cold builds ${cache.auraCold.map((r) => `${r.cached}/${r.steps}`).join(', ')}; rebuilds ${cache.auraWarm.map((r) => `${r.cached}/${r.steps}`).join(', ')} steps from cache.`,
    `docker build rebuilds: ${cache.engineWarm.map((r) => r.cached).join(', ')} steps CACHED.`,
    `Every run: cold ${times.auraCold.map((t) => seconds(t)).join(', ')}; rebuild ${times.auraWarm.map((t) => seconds(t)).join(', ')}; engine cold ${times.engineCold.map((t) => seconds(t)).join(', ')}; engine rebuild ${times.engineWarm.map((t) => seconds(t)).join(', ')}.`,
  ]);
  if (!coldMissed) throw new Error('a cold build of build-scan-push took steps from the cache: the fresh base did not make it cold');
  return {
    rows: {
      'build-cache': {
        aura: `${auraRatio.toFixed(2)} (rebuild ${seconds(m.auraWarm)} ÷ cold ${seconds(m.auraCold)}); ${Math.min(...cache.auraWarm.map((r) => r.cached))} of ${steps} steps from cache`,
        anchor: `\`docker build\`: ${engineRatio.toFixed(2)} (rebuild ${seconds(m.engineWarm)} ÷ cold ${seconds(m.engineCold)})`,
        ratio: `${added(m.engineWarm, m.auraWarm)} on a rebuild, ${added(m.engineCold, m.auraCold)} on a cold build`,
        target: `${TARGET}: ${allCached ? 'met' : 'NOT met'}`,
      },
    },
    anchors: [`\`docker build\`: the Docker engine ${serverVersion} through ${client}, with BuildKit, on the same context and target.`],
    notes: [
      `The build benchmark times the whole build-scan-push step (its bundle from spawn to exit, scan: false, push: false) on a generated service whose dependency step writes and hashes 48 MB, each cold build on a fresh FROM-scratch busybox base; medians of ${ROUNDS} cold builds and ${ROUNDS * WARM_PER_ROUND} unchanged rebuilds.`,
    ],
  };
}

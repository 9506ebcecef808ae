import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FIXTURES } from '../harness/paths.js';
import { toolOrSkip } from '../harness/tools.js';
import { gate, parseTrivyReport, type Severity } from '../../src/scan/report.js';
import { convertToSarif, FINDINGS_EXIT_CODE, runTrivy } from '../../src/scan/trivy.js';
import { buildBusyboxBase, containerToolsOrSkip, docker, removeImages } from '../docker/support.js';

// Real Trivy: its own severity filter agrees with the gate on the fixture reports (which proves
// the fixtures are in Trivy's format), and the offline scanners find what they should in real images.

const trivy = toolOrSkip('trivy', 'the image scanner of build-scan-push');
const describeWithTrivy = trivy ? describe : describe.skip;
const FIXTURE_DIR = join(FIXTURES, 'trivy');

describeWithTrivy('the gate agrees with Trivy on its own reports', () => {
  const cases: [string, Severity[]][] = [
    ['python-slim-mixed.json', ['HIGH', 'CRITICAL']],
    ['python-slim-mixed.json', ['CRITICAL']],
    ['python-slim-mixed.json', ['MEDIUM', 'LOW', 'UNKNOWN']],
    ['unfixed-only.json', ['HIGH', 'CRITICAL']],
    ['medium-low-only.json', ['HIGH', 'CRITICAL']],
    ['clean.json', ['CRITICAL', 'HIGH', 'MEDIUM', 'LOW', 'UNKNOWN']],
  ];

  it.each(cases)('%s at %j', (name, severities) => {
    const path = join(FIXTURE_DIR, name);
    const converted = spawnSync(
      trivy!,
      ['convert', '--format', 'json', '--severity', severities.join(','), '--exit-code', String(FINDINGS_EXIT_CODE), path],
      { encoding: 'utf8' },
    );
    const trivyIds = parseTrivyReport(JSON.parse(converted.stdout), 'trivy convert')
      .findings.map((f) => f.id)
      .sort();
    const ours = gate(parseTrivyReport(JSON.parse(readFileSync(path, 'utf8')), name).findings, { severities, ignoreUnfixed: false });
    expect(ours.failing.map((f) => f.id).sort()).toEqual(trivyIds);
    expect(converted.status).toBe(ours.passed ? 0 : FINDINGS_EXIT_CODE);
  });

  it('turns a report into SARIF 2.1.0 for code scanning', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'aura-sarif-'));
    try {
      const sarifPath = join(dir, 'out', 'report.sarif');
      await convertToSarif(trivy!, join(FIXTURE_DIR, 'python-slim-mixed.json'), sarifPath);
      const sarif = JSON.parse(readFileSync(sarifPath, 'utf8')) as { version: string; runs: { results: { ruleId: string }[] }[] };
      expect(sarif.version).toBe('2.1.0');
      expect(sarif.runs[0]!.results.map((r) => r.ruleId)).toContain('CVE-2024-45491');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

const describeWithImages = trivy && containerToolsOrSkip(['busybox', 'trivy']) ? describe : describe.skip;

describeWithImages('offline scans of real images', () => {
  const dirs: string[] = [];
  let cacheDir: string;

  beforeAll(() => {
    cacheDir = mkdtempSync(join(tmpdir(), 'aura-trivy-cache-'));
    dirs.push(cacheDir);
  });

  afterAll(() => {
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
    removeImages('aura-itg-scan/');
  });

  function image(name: string, lines: string[]): string {
    const dir = mkdtempSync(join(tmpdir(), 'aura-scan-'));
    dirs.push(dir);
    writeFileSync(join(dir, 'Dockerfile'), [`FROM ${buildBusyboxBase()}`, ...lines, ''].join('\n'));
    const ref = `aura-itg-scan/${name}:1`;
    docker('build', '--quiet', '--tag', ref, dir);
    return ref;
  }

  it('finds the misconfiguration of an image that runs as root, and none once it has a user and a health check', async () => {
    const rootImage = image('root', ['CMD ["/bin/sh"]']);
    const userImage = image('user', ['USER 10001:10001', 'HEALTHCHECK CMD ["/bin/true"]', 'CMD ["/bin/sh"]']);
    const reportDir = mkdtempSync(join(tmpdir(), 'aura-report-'));
    dirs.push(reportDir);
    const scan = (ref: string, file: string) =>
      runTrivy({ trivy: trivy!, image: ref, scanners: ['misconfig'], ignoreUnfixed: false, reportPath: join(reportDir, file), env: { TRIVY_CACHE_DIR: cacheDir } });
    const root = await scan(rootImage, 'root.json');
    expect(root.foundAny).toBe(true);
    expect(gate(root.report.findings, { severities: ['HIGH', 'CRITICAL'], ignoreUnfixed: false }).failing.map((f) => f.id)).toEqual(['DS-0002']);
    const user = await scan(userImage, 'user.json');
    expect(gate(user.report.findings, { severities: ['HIGH', 'CRITICAL'], ignoreUnfixed: false }).passed).toBe(true);
  }, 180_000);

  it('reports a vulnerability scan without its database as a tool error', async () => {
    const ref = image('nodb', ['CMD ["/bin/sh"]']);
    const emptyCache = mkdtempSync(join(tmpdir(), 'aura-trivy-empty-'));
    dirs.push(emptyCache);
    await expect(
      runTrivy({
        trivy: trivy!,
        image: ref,
        scanners: ['vuln'],
        ignoreUnfixed: false,
        reportPath: join(emptyCache, 'report.json'),
        // An empty cache and a database location nothing answers: no database, wherever this runs.
        env: { TRIVY_CACHE_DIR: emptyCache, TRIVY_DB_REPOSITORY: '127.0.0.1:9/aquasec/trivy-db:2' },
      }),
    ).rejects.toThrow(/could not load its vulnerability database, so the image was NOT scanned/);
  }, 180_000);
});

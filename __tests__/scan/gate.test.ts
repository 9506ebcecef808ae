import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FIXTURES } from '../harness/paths.js';
import { countBySeverity, gate, parseSeverities, parseTrivyReport, type Severity } from '../../src/scan/report.js';
import { describeTrivyFailure } from '../../src/scan/trivy.js';

function fixture(name: string) {
  const path = join(FIXTURES, 'trivy', name);
  return parseTrivyReport(JSON.parse(readFileSync(path, 'utf8')), name);
}

const HIGH_CRITICAL: Severity[] = ['HIGH', 'CRITICAL'];

describe('severity gate on Trivy JSON reports', () => {
  it('counts findings by severity', () => {
    expect(countBySeverity(fixture('python-slim-mixed.json').findings)).toEqual({ CRITICAL: 2, HIGH: 3, MEDIUM: 1, LOW: 2, UNKNOWN: 1 });
  });

  it.each([
    ['python-slim-mixed.json', HIGH_CRITICAL, false, ['CVE-2023-45853', 'CVE-2024-45491', 'CVE-2023-31484', 'CVE-2024-2961', 'CVE-2024-6345']],
    ['python-slim-mixed.json', HIGH_CRITICAL, true, ['CVE-2024-45491', 'CVE-2024-2961', 'CVE-2024-6345']],
    ['python-slim-mixed.json', ['CRITICAL'], true, ['CVE-2024-45491']],
    ['python-slim-mixed.json', ['UNKNOWN'], false, ['GHSA-0000-aura-fixture']],
    ['python-slim-mixed.json', ['MEDIUM', 'LOW'], true, ['CVE-2023-5752']],
    ['unfixed-only.json', HIGH_CRITICAL, false, ['CVE-2023-45853', 'CVE-2023-31484']],
    ['unfixed-only.json', HIGH_CRITICAL, true, []],
    ['medium-low-only.json', HIGH_CRITICAL, false, []],
    ['medium-low-only.json', ['MEDIUM'], false, ['CVE-2023-5752']],
    ['clean.json', ['CRITICAL', 'HIGH', 'MEDIUM', 'LOW', 'UNKNOWN'], false, []],
  ] as [string, Severity[], boolean, string[]][])('%s failing on %j, ignore-unfixed %s', (name, severities, ignoreUnfixed, failing) => {
    const result = gate(fixture(name).findings, { severities, ignoreUnfixed });
    expect(result.failing.map((f) => f.id)).toEqual(failing);
    expect(result.passed).toBe(failing.length === 0);
  });

  it('orders failing findings most severe first and keeps package and fix', () => {
    const [first] = gate(fixture('python-slim-mixed.json').findings, { severities: HIGH_CRITICAL, ignoreUnfixed: true }).failing;
    expect(first).toMatchObject({ kind: 'vulnerability', severity: 'CRITICAL', package: 'libexpat1', installedVersion: '2.5.0-1', fixedVersion: '2.5.0-1+deb12u1' });
  });

  it('reads secrets without their matched text, and failed misconfigurations only', () => {
    const report = parseTrivyReport(
      {
        SchemaVersion: 2,
        ArtifactName: 'x',
        Results: [
          {
            Target: '/app/credentials',
            Class: 'secret',
            Secrets: [{ RuleID: 'aws-access-key-id', Severity: 'CRITICAL', Title: 'AWS Access Key ID', StartLine: 1, Match: 'aws_access_key_id = AKIA****' }],
          },
          {
            Target: 'x',
            Class: 'config',
            Misconfigurations: [
              { ID: 'DS-0002', Severity: 'HIGH', Title: "Image user should not be 'root'", Status: 'FAIL' },
              { ID: 'DS-0001', Severity: 'MEDIUM', Title: 'latest tag', Status: 'PASS' },
            ],
          },
        ],
      },
      'report',
    );
    expect(report.findings).toEqual([
      { kind: 'secret', id: 'aws-access-key-id', severity: 'CRITICAL', target: '/app/credentials', title: 'AWS Access Key ID (line 1)' },
      { kind: 'misconfiguration', id: 'DS-0002', severity: 'HIGH', target: 'x', title: "Image user should not be 'root'" },
    ]);
    expect(JSON.stringify(report)).not.toContain('AKIA');
  });

  it('ignore-unfixed never excuses a secret', () => {
    const findings = [{ kind: 'secret' as const, id: 'github-pat', severity: 'CRITICAL' as const, target: '/root/.netrc', title: 'GitHub PAT' }];
    expect(gate(findings, { severities: HIGH_CRITICAL, ignoreUnfixed: true }).passed).toBe(false);
  });

  it('refuses reports of another schema version', () => {
    expect(() => parseTrivyReport({ SchemaVersion: 1, Results: [] }, 'old.json')).toThrow(/schema version 1; this action reads version 2/);
    expect(() => parseTrivyReport([], 'list.json')).toThrow(/not a Trivy JSON report/);
  });

  it('parses the severity input and names bad values', () => {
    expect(parseSeverities('high, Critical')).toEqual(['HIGH', 'CRITICAL']);
    expect(() => parseSeverities('HIGH,SEVERE')).toThrow(/input 'severity' must list severities from CRITICAL, HIGH, MEDIUM, LOW, UNKNOWN/);
  });
});

describe('Trivy tool errors', () => {
  it('calls a missing vulnerability database a tool error, not a clean scan', () => {
    const stderr =
      '2026-11-28T17:20:47Z\tINFO\t[vulndb] Downloading artifact...\n' +
      '2026-11-28T17:20:47Z\tFATAL\tFatal error\trun error: init error: DB error: failed to download vulnerability DB: OCI artifact error';
    const message = describeTrivyFailure(stderr, 1);
    expect(message).toMatch(/could not load its vulnerability database, so the image was NOT scanned for vulnerabilities/);
    expect(message).toMatch(/exit 1/);
  });
});

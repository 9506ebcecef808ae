import { ConfigurationError } from '../core/errors.js';

/**
 * Trivy's JSON report (`--format json`, schema version 2) reduced to the findings the gate and
 * the summary need. Secret findings keep only their rule and place, never the matched text.
 */

export const SEVERITIES = ['CRITICAL', 'HIGH', 'MEDIUM', 'LOW', 'UNKNOWN'] as const;
export type Severity = (typeof SEVERITIES)[number];
export type FindingKind = 'vulnerability' | 'secret' | 'misconfiguration';

export interface Finding {
  kind: FindingKind;
  /** CVE or advisory ID, secret rule ID, or misconfiguration check ID. */
  id: string;
  severity: Severity;
  /** The file or OS/language target the finding is in. */
  target: string;
  package?: string;
  installedVersion?: string;
  /** Empty when no fixed version exists. */
  fixedVersion?: string;
  title: string;
}

export interface ScanReport {
  artifact: string;
  findings: Finding[];
}

export type SeverityCounts = Record<Severity, number>;

function severityOf(value: unknown): Severity {
  const upper = typeof value === 'string' ? value.toUpperCase() : '';
  return (SEVERITIES as readonly string[]).includes(upper) ? (upper as Severity) : 'UNKNOWN';
}

function str(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

function list(value: unknown): Record<string, unknown>[] {
  return Array.isArray(value) ? (value.filter((v) => v && typeof v === 'object') as Record<string, unknown>[]) : [];
}

export function parseTrivyReport(json: unknown, source: string): ScanReport {
  if (!json || typeof json !== 'object' || Array.isArray(json)) {
    throw new ConfigurationError(`${source} is not a Trivy JSON report (expected an object)`);
  }
  const report = json as Record<string, unknown>;
  if (report.SchemaVersion !== 2) {
    throw new ConfigurationError(
      `${source} has Trivy report schema version ${String(report.SchemaVersion)}; this action reads version 2 (Trivy 0.20 and later)`,
    );
  }
  const findings: Finding[] = [];
  for (const result of list(report.Results)) {
    const target = str(result.Target) ?? '';
    for (const vuln of list(result.Vulnerabilities)) {
      findings.push({
        kind: 'vulnerability',
        id: str(vuln.VulnerabilityID) ?? '?',
        severity: severityOf(vuln.Severity),
        target,
        package: str(vuln.PkgName),
        installedVersion: str(vuln.InstalledVersion),
        fixedVersion: str(vuln.FixedVersion),
        title: str(vuln.Title) ?? str(vuln.Description)?.slice(0, 120) ?? '',
      });
    }
    for (const secret of list(result.Secrets)) {
      findings.push({
        kind: 'secret',
        id: str(secret.RuleID) ?? '?',
        severity: severityOf(secret.Severity),
        target,
        title: `${str(secret.Title) ?? 'secret'}${typeof secret.StartLine === 'number' ? ` (line ${secret.StartLine})` : ''}`,
      });
    }
    for (const misconfig of list(result.Misconfigurations)) {
      if (misconfig.Status !== undefined && misconfig.Status !== 'FAIL') continue;
      findings.push({
        kind: 'misconfiguration',
        id: str(misconfig.ID) ?? str(misconfig.AVDID) ?? '?',
        severity: severityOf(misconfig.Severity),
        target,
        title: str(misconfig.Title) ?? str(misconfig.Message) ?? '',
      });
    }
  }
  return { artifact: str(report.ArtifactName) ?? '', findings };
}

export function countBySeverity(findings: readonly Finding[]): SeverityCounts {
  const counts: SeverityCounts = { CRITICAL: 0, HIGH: 0, MEDIUM: 0, LOW: 0, UNKNOWN: 0 };
  for (const finding of findings) counts[finding.severity]++;
  return counts;
}

export interface GateOptions {
  /** Severities that fail the scan. */
  severities: readonly Severity[];
  /** Vulnerabilities without a fixed version do not fail the scan (secrets and misconfigurations still do). */
  ignoreUnfixed: boolean;
}

export interface GateResult {
  passed: boolean;
  /** The findings that fail the scan, most severe first. */
  failing: Finding[];
}

export function parseSeverities(raw: string, source = "input 'severity'"): Severity[] {
  const items = raw
    .split(',')
    .map((s) => s.trim().toUpperCase())
    .filter(Boolean);
  const bad = items.filter((s) => !(SEVERITIES as readonly string[]).includes(s));
  if (bad.length > 0 || items.length === 0) {
    throw new ConfigurationError(
      `${source} must list severities from ${SEVERITIES.join(', ')}, comma-separated; got '${raw}'`,
    );
  }
  return [...new Set(items)] as Severity[];
}

export function bySeverity(a: Finding, b: Finding): number {
  return SEVERITIES.indexOf(a.severity) - SEVERITIES.indexOf(b.severity) || a.id.localeCompare(b.id);
}

/** Whether a finding counts for the gate once `ignore-unfixed` is applied. */
export function counts(finding: Finding, ignoreUnfixed: boolean): boolean {
  return !(ignoreUnfixed && finding.kind === 'vulnerability' && !finding.fixedVersion);
}

export function gate(findings: readonly Finding[], options: GateOptions): GateResult {
  const failing = findings
    .filter((f) => options.severities.includes(f.severity) && counts(f, options.ignoreUnfixed))
    .sort(bySeverity);
  return { passed: failing.length === 0, failing };
}

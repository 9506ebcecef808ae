import { cell, code, details, table } from '../../core/summary.js';
import type { ImageMetadata } from '../../docker/metadata.js';
import { SEVERITIES, type Finding, type SeverityCounts } from '../../scan/report.js';

export interface SummaryFacts {
  image: string;
  service?: string;
  builtFrom: string;
  builder: string;
  build?: { durationMs: number; steps: number; cachedSteps: number; imageId: string };
  cache: string;
  metadata: ImageMetadata;
  scan:
    | { result: 'skipped'; reason: string }
    | { result: 'error'; reason: string }
    | {
        result: 'passed' | 'failed';
        threshold: string;
        counts: SeverityCounts;
        failing: Finding[];
        top: Finding[];
        scanners: string;
        sarif?: string;
      };
  push: { pushed: true; digest: string; attempts: number } | { pushed: false; reason: string };
  attestations: string;
}

function findingRow(finding: Finding, failing: boolean): string[] {
  const where = finding.package
    ? `${finding.package} ${finding.installedVersion ?? ''}`.trim()
    : finding.target;
  return [
    cell(`${failing ? '❌ ' : ''}${finding.severity}`),
    cell(finding.id),
    cell(finding.kind),
    cell(where),
    cell(finding.kind === 'vulnerability' ? finding.fixedVersion || 'no fix yet' : ''),
    cell(finding.title),
  ];
}

export function renderSummary(facts: SummaryFacts): string {
  const rows: string[][] = [];
  rows.push(['Image', code(facts.image)]);
  if (facts.service) rows.push(['Service', cell(facts.service)]);
  rows.push(['Built from', cell(facts.builtFrom)]);
  rows.push(['Builder', cell(facts.builder)]);
  if (facts.build) {
    rows.push([
      'Build',
      cell(
        `${(facts.build.durationMs / 1000).toFixed(1)} s, ${facts.build.cachedSteps} of ${facts.build.steps} steps from cache`,
      ),
    ]);
  }
  rows.push(['Cache', cell(facts.cache)]);
  rows.push(['Tags', facts.metadata.tags.map((t) => code(t)).join(' ')]);
  rows.push(['Tags from', cell(facts.metadata.source)]);
  const scan = facts.scan;
  if (scan.result === 'skipped') rows.push(['Scan', cell(`⚠️ skipped: ${scan.reason}`)]);
  else if (scan.result === 'error') rows.push(['Scan', cell(`❌ error: ${scan.reason}`)]);
  else {
    const verdict = scan.result === 'passed' ? '✅ passed' : '❌ failed';
    rows.push(['Scan', cell(`${verdict} (${scan.scanners}; fails on ${scan.threshold})`)]);
  }
  rows.push([
    'Push',
    facts.push.pushed
      ? `✅ ${code(facts.push.digest)}${facts.push.attempts > 1 ? ` (after ${facts.push.attempts} attempts)` : ''}, verified against the registry`
      : cell(`not pushed: ${facts.push.reason}`),
  ]);
  rows.push(['SBOM / provenance', cell(facts.attestations)]);

  const parts = [`## build-scan-push: ${cell(facts.image)}`, '', table(['', ''], rows)];
  if (scan.result === 'passed' || scan.result === 'failed') {
    const counts = scan.counts;
    parts.push('', '### Findings by severity', '', table([...SEVERITIES], [SEVERITIES.map((s) => String(counts[s]))]));
    if (scan.top.length > 0) {
      const failingIds = new Set(scan.failing);
      parts.push(
        '',
        `### Top findings${scan.failing.length > 0 ? ` (${scan.failing.length} fail the scan)` : ''}`,
        '',
        table(
          ['Severity', 'ID', 'Kind', 'Package / file', 'Fixed in', 'Title'],
          scan.top.map((f) => findingRow(f, failingIds.has(f))),
        ),
      );
    }
    if (scan.sarif) parts.push('', `SARIF report: ${code(scan.sarif)}`);
  }
  const labels = Object.entries(facts.metadata.labels).map(([k, v]) => [code(k), cell(v)]);
  parts.push('', details('OCI labels', table(['Label', 'Value'], labels)));
  return `${parts.join('\n')}\n`;
}

import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as core from '../../core/runner.js';
import { group } from '../../core/log.js';
import { registerSecret } from '../../core/secrets.js';
import { runAction, setOutput } from '../../core/action.js';
import { writeSummary } from '../../core/summary.js';
import { buildReport, compareGroup, type FileSides } from '../../metrics/compare.js';
import { formatNumber, formatPercent, formatSigned } from '../../metrics/format.js';
import { MAX_TREND_CHARTS } from '../../metrics/chart.js';
import { historyKey } from '../../metrics/history.js';
import { diffParams, parseParamsText } from '../../metrics/params.js';
import { renderReport } from '../../metrics/render.js';
import { describeThreshold } from '../../metrics/rules.js';
import { checkRepository, readAtCommit, readBaseFiles, readHeadFiles, resolveBase } from '../../metrics/sources.js';
import type { ComparisonRow, FileRead, GateReport, ParamChange } from '../../metrics/types.js';
import { postComment, TOOL } from './comment.js';
import { readRunContext } from './context.js';
import { selectGroups } from './groups.js';
import { readInputs, type GateInputs } from './inputs.js';

const PREFIX = TOOL;
/** GitHub keeps at most 1 MiB of summary per step. */
const SUMMARY_LIMIT = 1_000_000;

export async function run(): Promise<void> {
  await runAction(PREFIX, gate);
}

async function gate(): Promise<void> {
  const inputs = readInputs();
  registerSecret(inputs.token);
  const context = readRunContext({ baseline: inputs.baseline, pullRequest: inputs.pullRequest });
  await checkRepository(inputs.root);
  // The catalog is checked before any fetch; globs of `files` are matched once the base is known.
  const fromCatalog = inputs.files.length === 0 ? await selectGroups(inputs, undefined) : undefined;

  const base = context.base
    ? await group('Finding the base', async () => {
        const sha = await resolveBase(inputs.root, context.base!.ref, context.base!.source);
        core.info(`Comparing with ${sha} (${context.base!.source})`);
        return { sha, source: context.base!.source };
      })
    : undefined;
  if (!base) core.info('No base to compare with (not a pull request, merge queue or push, and no baseline input)');

  const selection = fromCatalog ?? (await selectGroups(inputs, base?.sha));
  const files = [...new Set(selection.groups.flatMap((g) => g.files))];
  const { head, baseReads } = await group('Reading metrics', async () => {
    const headReads = readHeadFiles(inputs.root, files);
    const baseFiles = base ? await readBaseFiles(inputs.root, base.sha, files) : undefined;
    for (const file of files) {
      const baseRead = baseFiles?.get(file);
      core.info(`${file}: head ${describeRead(headReads.get(file)!)}` + (baseRead ? `, base ${describeRead(baseRead)}` : ''));
      if (baseRead?.status === 'unreadable') {
        core.warning(`${file}: cannot read the base (${baseRead.reason}); its metrics are shown without a comparison`, {
          title: PREFIX,
          file: annotationPath(inputs, file),
        });
      }
    }
    return { head: headReads, baseReads: baseFiles };
  });

  const options = { confidence: inputs.confidence, noiseMethod: inputs.noiseMethod, failOnMissing: inputs.failOnMissing };
  const rows: ComparisonRow[] = [];
  for (const metricGroup of selection.groups) {
    const sides = new Map<string, FileSides>(
      metricGroup.files.map((file) => [file, { head: head.get(file)!, base: baseReads?.get(file) }]),
    );
    const groupRows = compareGroup(metricGroup, sides, options);
    for (const row of groupRows) {
      if (row.status !== 'not-found') continue;
      const location = metricGroup.ruleLocation?.(row.metric);
      core.warning(`${metricGroup.name}: the rule for '${row.metric}' matches no metric in ${metricGroup.files.join(', ')}${row.note?.startsWith('did you mean') ? `; ${row.note}` : ''}`, {
        title: PREFIX,
        ...(location ? { file: annotationPath(inputs, location.file), startLine: location.line } : {}),
      });
    }
    rows.push(...groupRows);
  }
  const params = base ? await diffParamsFiles(inputs, base.sha) : [];
  const short = (sha: string | undefined): string | undefined => (sha ? `\`${sha.slice(0, 7)}\`` : undefined);
  const report = buildReport(
    selection.groups.map((g) => g.name),
    rows,
    params,
    { base: base ? `${short(base.sha)} (${base.source})` : undefined, head: short(context.headSha) },
  );
  logReport(report);

  const values = new Map<string, number>();
  for (const row of rows) {
    if (row.head && (row.head.kind === 'number' || row.head.kind === 'samples') && row.metric !== '') {
      values.set(historyKey(row.group, row.file, row.metric), row.head.value);
    }
  }
  const summaryUrl = jobSummaryUrl();
  const comment = await group('Commenting on the pull request', () =>
    postComment({
      mode: inputs.comment,
      token: inputs.token,
      title: inputs.title,
      pullRequest: context.pullRequest,
      eventName: context.event.name,
      report,
      values,
      headSha: context.headSha,
      summaryUrl,
      rulesSource: selection.rulesSource,
    }),
  );

  // The charts go to the summary only: the comment keeps its sparklines and stays compact.
  let summary = renderReport(report, {
    title: inputs.title,
    history: comment.history,
    trendCharts: MAX_TREND_CHARTS,
    limit: SUMMARY_LIMIT,
    rulesSource: selection.rulesSource,
  });
  if (comment.problem) summary = `> [!NOTE]\n> No pull-request comment: ${comment.problem}.\n\n${summary}`;
  await writeSummary(summary);

  setOutput('verdict', report.verdict);
  setOutput('regressions', report.regressions);
  setOutput('comment-url', comment.url ?? '');
  setOutput('markdown', comment.markdown);

  decide(inputs, report);
}

function describeRead(read: FileRead): string {
  if (read.status === 'ok') return `${read.metrics.size} metric${read.metrics.size === 1 ? '' : 's'}`;
  if (read.status === 'missing') return `missing${read.reason ? ` (${read.reason})` : ''}`;
  return `unreadable (${read.reason})`;
}

async function diffParamsFiles(inputs: GateInputs, base: string): Promise<ParamChange[]> {
  if (inputs.params.length === 0) return [];
  const atBase = await readAtCommit(inputs.root, base, inputs.params);
  const changes: ParamChange[] = [];
  for (const file of inputs.params) {
    const path = join(inputs.root, file);
    const headText = existsSync(path) ? readFileSync(path, 'utf8') : undefined;
    const baseText = atBase.get(file);
    if (headText === undefined && baseText === undefined) continue;
    try {
      changes.push(
        ...diffParams(
          file,
          baseText === undefined ? undefined : parseParamsText(file, baseText),
          headText === undefined ? undefined : parseParamsText(file, headText),
        ),
      );
    } catch (error) {
      core.warning(`${file}: cannot compare the parameters (${error instanceof Error ? error.message : String(error)})`, { title: PREFIX });
    }
  }
  return changes;
}

function logReport(report: GateReport): void {
  const moved = report.rows.filter((row) => row.status !== 'unchanged');
  core.info(
    `Verdict: ${report.verdict} (${report.rows.length} metrics, ${moved.length} moved or noted, ${report.regressions.length} failing)`,
  );
  for (const row of moved) {
    const value = (v: ComparisonRow['head']): string =>
      v === undefined ? '-' : v.kind === 'other' ? v.text : formatNumber(v.value);
    const change = row.delta !== undefined ? ` ${formatSigned(row.delta)}${row.percent !== undefined ? ` (${formatPercent(row.percent)})` : ''}` : '';
    const rule = row.rule ? ` [${describeThreshold(row.rule)}]` : '';
    core.info(`  ${row.group} ${row.metric || row.file}: ${value(row.base)} -> ${value(row.head)}${change}${rule} ${row.status}${row.note ? `: ${row.note}` : ''}`);
  }
}

function jobSummaryUrl(): string | undefined {
  const server = process.env.GITHUB_SERVER_URL;
  const repository = process.env.GITHUB_REPOSITORY;
  const runId = process.env.GITHUB_RUN_ID;
  if (!server || !repository || !runId) return undefined;
  const attempt = Number(process.env.GITHUB_RUN_ATTEMPT ?? '1');
  return `${server}/${repository}/actions/runs/${runId}${attempt > 1 ? `/attempts/${attempt}` : ''}`;
}

/** Paths in annotations are relative to the workspace; ours are relative to the working directory. */
function annotationPath(inputs: GateInputs, file: string): string {
  return inputs.workingDirectory === '.' || inputs.workingDirectory === '' ? file : `${inputs.workingDirectory.replace(/\/+$/, '')}/${file}`;
}

function decide(inputs: GateInputs, report: GateReport): void {
  const failing = report.rows.filter((row) => row.failing);
  if (failing.length === 0) {
    core.info(report.verdict === 'no-baseline' ? 'No baseline: nothing to gate on' : 'No regression');
    return;
  }
  for (const row of failing.slice(0, 10)) {
    const what = row.metric === '' ? row.file : `${row.group}: ${row.metric}`;
    const detail =
      row.status === 'regressed' && row.delta !== undefined && row.rule
        ? `${formatSigned(row.delta)}${row.percent !== undefined ? ` (${formatPercent(row.percent)})` : ''}, beyond ${describeThreshold(row.rule)}`
        : (row.note ?? row.status);
    const annotate = inputs.failOn === 'regression' ? core.error : core.warning;
    annotate(`${what}: ${detail}`, { title: `${PREFIX}: ${row.status}`, file: annotationPath(inputs, row.file) || undefined });
  }
  const message = `${PREFIX}: ${failing.length} failing metric${failing.length === 1 ? '' : 's'} (see the job summary)`;
  if (inputs.failOn === 'regression') core.setFailed(message);
  else core.warning(`${message}; not failing the step because fail-on is 'never'`, { title: PREFIX });
}


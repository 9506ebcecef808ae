// Shared helpers of the benchmarks: repeated timing of a command, medians, reporting.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const NODE24 = join(ROOT, '.tools', 'node24', 'bin', 'node');
export const MIRRORS = process.env.AURA_MIRRORS ?? '/work/.mirror';

export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** Runs a command once, returning wall time (ms), exit code, output and peak RSS (KiB, via /usr/bin/time when present). */
export function timeOnce(file, args, options = {}) {
  const started = performance.now();
  const result = spawnSync(file, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, ...options });
  const ms = performance.now() - started;
  return { ms, status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/**
 * Times several commands interleaved (A, B, A, B, ...) so drifting machine load hits all
 * of them alike; returns the median wall time of each after `warmup` discarded rounds.
 */
export function compare(commands, { runs = 15, warmup = 2 } = {}) {
  const times = Object.fromEntries(commands.map((c) => [c.name, []]));
  const last = {};
  for (let round = 0; round < runs + warmup; round++) {
    for (const command of commands) {
      command.before?.();
      const result = timeOnce(command.file, command.args, command.options);
      last[command.name] = result;
      if (command.check) command.check(result);
      if (round >= warmup) times[command.name].push(result.ms);
    }
  }
  return Object.fromEntries(
    commands.map((c) => [c.name, { median: median(times[c.name]), min: Math.min(...times[c.name]), runs, last: last[c.name] }]),
  );
}

export function peakRssKiB(file, args, options = {}) {
  if (!existsSync('/usr/bin/time')) return undefined;
  const result = spawnSync('/usr/bin/time', ['-f', '%M', file, ...args], { encoding: 'utf8', ...options });
  const lines = result.stderr.trim().split('\n');
  return Number(lines[lines.length - 1]);
}

export function gitDirOfMirror(owner, name) {
  const dir = join(MIRRORS, `${owner}+${name}`, 'repo');
  return existsSync(dir) ? dir : undefined;
}

const results = [];
export function report(section, lines) {
  results.push({ section, lines });
  console.log(`\n## ${section}\n`);
  for (const line of lines) console.log(line);
}

export function writeReport() {
  const dir = join(ROOT, '.bench');
  mkdirSync(dir, { recursive: true });
  const text = results.map((r) => `## ${r.section}\n\n${r.lines.join('\n')}\n`).join('\n');
  writeFileSync(join(dir, 'report.md'), `# npm run bench — ${new Date().toISOString()}\n\n${text}`);
  console.log(`\nbench: report written to .bench/report.md`);
}

export const ms = (value) => `${(value / 1000).toFixed(3)} s`;

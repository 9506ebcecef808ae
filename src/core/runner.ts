import { randomUUID } from 'node:crypto';
import { appendFileSync } from 'node:fs';
import { EOL } from 'node:os';

/**
 * The GitHub runner's protocol for JavaScript actions: inputs from INPUT_* variables, workflow
 * commands on stdout (`::error file=...::message`), and the file commands (GITHUB_OUTPUT,
 * GITHUB_STATE, GITHUB_ENV, GITHUB_PATH, GITHUB_STEP_SUMMARY).
 *
 * It has the names and semantics of @actions/core's functions of the same names, without
 * @actions/core's HTTP client (which it loads only for OIDC tokens): that client costs about
 * 60 ms at every start, a fifth of the change-detection action's whole time budget.
 */

export interface AnnotationProperties {
  title?: string;
  file?: string;
  startLine?: number;
  endLine?: number;
  startColumn?: number;
  endColumn?: number;
}

export interface InputOptions {
  required?: boolean;
  trimWhitespace?: boolean;
}

function toCommandValue(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  return JSON.stringify(value);
}

function escapeData(value: unknown): string {
  return toCommandValue(value).replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

function escapeProperty(value: unknown): string {
  return escapeData(value).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/** Writes one workflow command line, `::command key=value,...::message`. */
export function issueCommand(command: string, properties: Record<string, unknown>, message: unknown): void {
  const pairs = Object.entries(properties)
    .filter(([, value]) => value !== undefined && value !== '')
    .map(([key, value]) => `${key}=${escapeProperty(value)}`);
  const head = pairs.length > 0 ? `::${command} ${pairs.join(',')}` : `::${command}`;
  process.stdout.write(`${head}::${escapeData(message)}${EOL}`);
}

/** Appends `name<<delimiter` / value / `delimiter` to a file command, as the runner reads it. */
function issueFileCommand(variable: string, name: string, value: unknown): boolean {
  const file = process.env[variable];
  if (!file) return false;
  const text = toCommandValue(value);
  const delimiter = `ghadelimiter_${randomUUID()}`;
  if (name.includes(delimiter) || text.includes(delimiter)) {
    throw new Error(`cannot write ${name} to ${variable}: its value contains the delimiter`);
  }
  appendFileSync(file, `${name}<<${delimiter}${EOL}${text}${EOL}${delimiter}${EOL}`, 'utf8');
  return true;
}

export function getInput(name: string, options: InputOptions = {}): string {
  const value = process.env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] ?? '';
  if (options.required && !value) throw new Error(`Input required and not supplied: ${name}`);
  return options.trimWhitespace === false ? value : value.trim();
}

export function setOutput(name: string, value: unknown): void {
  if (!issueFileCommand('GITHUB_OUTPUT', name, value)) {
    process.stdout.write(EOL);
    issueCommand('set-output', { name }, toCommandValue(value));
  }
}

export function saveState(name: string, value: unknown): void {
  if (!issueFileCommand('GITHUB_STATE', name, value)) issueCommand('save-state', { name }, toCommandValue(value));
}

export function getState(name: string): string {
  return process.env[`STATE_${name}`] ?? '';
}

export function exportVariable(name: string, value: unknown): void {
  process.env[name] = toCommandValue(value);
  if (!issueFileCommand('GITHUB_ENV', name, value)) issueCommand('set-env', { name }, toCommandValue(value));
}

export function addPath(path: string): void {
  const file = process.env.GITHUB_PATH;
  if (file) appendFileSync(file, `${path}${EOL}`, 'utf8');
  else issueCommand('add-path', {}, path);
  process.env.PATH = `${path}:${process.env.PATH ?? ''}`;
}

export function setSecret(secret: string): void {
  issueCommand('add-mask', {}, secret);
}

export function isDebug(): boolean {
  return process.env.RUNNER_DEBUG === '1';
}

export function debug(message: string): void {
  issueCommand('debug', {}, message);
}

export function info(message: string): void {
  process.stdout.write(`${message}${EOL}`);
}

function annotationProperties(properties: AnnotationProperties): Record<string, unknown> {
  return {
    title: properties.title,
    file: properties.file,
    line: properties.startLine,
    endLine: properties.endLine,
    col: properties.startColumn,
    endColumn: properties.endColumn,
  };
}

function messageText(message: string | Error): string {
  return message instanceof Error ? message.toString() : message;
}

export function error(message: string | Error, properties: AnnotationProperties = {}): void {
  issueCommand('error', annotationProperties(properties), messageText(message));
}

export function warning(message: string | Error, properties: AnnotationProperties = {}): void {
  issueCommand('warning', annotationProperties(properties), messageText(message));
}

export function notice(message: string | Error, properties: AnnotationProperties = {}): void {
  issueCommand('notice', annotationProperties(properties), messageText(message));
}

export function setFailed(message: string | Error): void {
  process.exitCode = 1;
  error(message);
}

export function startGroup(name: string): void {
  issueCommand('group', {}, name);
}

export function endGroup(): void {
  issueCommand('endgroup', {}, '');
}

export async function group<T>(name: string, fn: () => Promise<T>): Promise<T> {
  startGroup(name);
  try {
    return await fn();
  } finally {
    endGroup();
  }
}

/** Appends markdown to the job summary file; false when the runner gave none. */
export function appendSummary(markdown: string): boolean {
  const file = process.env.GITHUB_STEP_SUMMARY;
  if (!file) return false;
  appendFileSync(file, markdown.endsWith('\n') ? markdown : `${markdown}\n`, 'utf8');
  return true;
}

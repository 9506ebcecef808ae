/**
 * DVC's configuration files (.dvc/config, .dvc/config.local) as DVC writes them with configobj:
 *
 *   [core]
 *       remote = storage
 *   ['remote "storage"']
 *       url = s3://bucket/path
 *
 * Reading gives sections and keys (keys lower-cased, as DVC does); editing changes only the
 * keys it sets and keeps every other line as written.
 */

export interface ConfigLine {
  text: string;
  section?: string;
  key?: string;
  value?: string;
}

const SECTION = /^\s*\[\s*(?:'([^']*)'|"([^"]*)"|([^\]]*?))\s*\]\s*(?:#.*)?$/;
const ENTRY = /^\s*([^=#;\s][^=]*?)\s*=\s*(.*?)\s*$/;

function unquote(value: string): string {
  const match = /^(['"])(.*)\1\s*(?:#.*)?$/.exec(value);
  if (match) return match[2]!;
  // An unquoted value ends at an inline comment.
  return value.replace(/\s+#.*$/, '').trim();
}

/** Quotes a value when configobj would otherwise split or cut it (commas, comments, quotes). */
function quote(value: string): string {
  if (!/[,#'"]|^\s|\s$/.test(value) && value !== '') return value;
  return value.includes('"') ? `'${value}'` : `"${value}"`;
}

export class DvcConfigFile {
  readonly lines: ConfigLine[];

  constructor(text: string) {
    let section: string | undefined;
    this.lines = text.split(/\r?\n/).map((line) => {
      const header = SECTION.exec(line);
      if (header && !line.trim().startsWith('#')) {
        section = (header[1] ?? header[2] ?? header[3] ?? '').trim();
        return { text: line, section };
      }
      const entry = ENTRY.exec(line);
      if (entry && section !== undefined && !line.trim().startsWith('#')) {
        return { text: line, section, key: entry[1]!.toLowerCase(), value: unquote(entry[2]!) };
      }
      return { text: line, section };
    });
    if (this.lines.length > 0 && this.lines.at(-1)!.text === '') this.lines.pop();
  }

  sections(): string[] {
    return [...new Set(this.lines.filter((l) => l.key === undefined && l.section !== undefined && SECTION.test(l.text)).map((l) => l.section!))];
  }

  get(section: string, key: string): string | undefined {
    let value: string | undefined;
    for (const line of this.lines) {
      if (line.section === section && line.key === key.toLowerCase()) value = line.value;
    }
    return value;
  }

  /** Names of the remotes this file defines (`['remote "name"']`). */
  remotes(): string[] {
    return this.sections()
      .map((s) => /^remote\s+"([^"]+)"$/.exec(s)?.[1])
      .filter((name): name is string => name !== undefined);
  }

  set(section: string, key: string, value: string): void {
    const lower = key.toLowerCase();
    const entry = `    ${lower} = ${quote(value)}`;
    const existing = this.lines.findIndex((l) => l.section === section && l.key === lower);
    if (existing !== -1) {
      this.lines[existing] = { text: entry, section, key: lower, value };
      return;
    }
    let last = -1;
    this.lines.forEach((line, index) => {
      if (line.section === section && line.text.trim() !== '') last = index;
    });
    if (last === -1) {
      const header = /^[\w.-]+$/.test(section) ? `[${section}]` : `['${section}']`;
      this.lines.push({ text: header, section }, { text: entry, section, key: lower, value });
      return;
    }
    this.lines.splice(last + 1, 0, { text: entry, section, key: lower, value });
  }

  /** Drops a section and its keys (a remote this run defines afresh). */
  removeSection(section: string): void {
    for (let i = this.lines.length - 1; i >= 0; i--) if (this.lines[i]!.section === section) this.lines.splice(i, 1);
  }

  toString(): string {
    return this.lines.length === 0 ? '' : `${this.lines.map((l) => l.text).join('\n')}\n`;
  }
}

export function remoteSection(name: string): string {
  return `remote "${name}"`;
}

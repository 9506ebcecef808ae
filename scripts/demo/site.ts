/**
 * The demo's report site: every job summary and pull-request comment the demo produced, rendered
 * the way GitHub shows them (GitHub-flavoured Markdown with tables, <details>, alerts such as
 * `> [!WARNING]`, and Mermaid charts) in one index.html that opens from the disk, offline.
 */
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { Marked, type Tokens } from 'marked';

export interface SitePage {
  /** The anchor of the section in index.html. */
  id: string;
  title: string;
  /** Plain-text sentences shown above the rendered Markdown: what ran and what came out. */
  narrative: string[];
  /** The Markdown file, relative to the output folder. */
  file: string;
  /** How the step ended, shown as a badge: `passed`, `failed as intended`, `skipped`... */
  badge: string;
  tone: 'good' | 'bad' | 'neutral';
}

export interface Site {
  title: string;
  intro: string[];
  /** A Mermaid flowchart of the run, shown first. */
  overview: string;
  pages: SitePage[];
}

const ALERTS: Record<string, string> = {
  NOTE: 'Note',
  TIP: 'Tip',
  IMPORTANT: 'Important',
  WARNING: 'Warning',
  CAUTION: 'Caution',
};

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** A Markdown renderer with GitHub's additions that `marked` lacks: alerts and Mermaid fences. */
export function createRenderer(): Marked {
  const marked = new Marked({ gfm: true });
  marked.use({
    renderer: {
      code(token: Tokens.Code): string | false {
        if (token.lang?.trim() === 'mermaid') return `<pre class="mermaid">${escapeHtml(token.text)}</pre>\n`;
        return false;
      },
      blockquote(token: Tokens.Blockquote): string | false {
        const first = token.tokens[0];
        if (first?.type !== 'paragraph') return false;
        const match = /^\[!(NOTE|TIP|IMPORTANT|WARNING|CAUTION)\][ \t]*\n?/.exec((first as Tokens.Paragraph).text);
        if (!match) return false;
        const kind = match[1]!;
        const rest = (first as Tokens.Paragraph).text.slice(match[0].length);
        const body = [
          ...(rest.trim() === '' ? [] : [rest]),
          ...token.tokens.slice(1).map((t) => t.raw),
        ].join('\n\n');
        const inner = body.trim() === '' ? '' : (this.parser.parse(marked.lexer(body)) as string);
        return `<div class="alert alert-${kind.toLowerCase()}"><p class="alert-title">${ALERTS[kind]}</p>\n${inner}</div>\n`;
      },
    },
  });
  return marked;
}

function page(marked: Marked, outDir: string, entry: SitePage): string {
  const markdown = readFileSync(join(outDir, entry.file), 'utf8');
  const narrative = entry.narrative.map((line) => `<li>${escapeHtml(line)}</li>`).join('\n');
  return `<section id="${escapeHtml(entry.id)}">
<h2>${escapeHtml(entry.title)} <span class="badge badge-${entry.tone}">${escapeHtml(entry.badge)}</span></h2>
<ul class="narrative">
${narrative}
</ul>
<p class="source">Rendered from <a href="${escapeHtml(entry.file)}"><code>${escapeHtml(entry.file)}</code></a></p>
<div class="markdown-body">
${marked.parse(markdown, { async: false })}
</div>
</section>`;
}

const STYLE = `
body { font: 14px/1.5 -apple-system, BlinkMacSystemFont, "Segoe UI", "Noto Sans", Helvetica, Arial, sans-serif; color: #1f2328; margin: 0; background: #f6f8fa; }
main { max-width: 1012px; margin: 0 auto; padding: 24px; }
section, header { background: #fff; border: 1px solid #d1d9e0; border-radius: 6px; padding: 16px 24px; margin-bottom: 24px; }
h1 { font-size: 26px; } h2 { font-size: 20px; border-bottom: 1px solid #d1d9e0; padding-bottom: 6px; }
nav ol { padding-left: 20px; } .narrative { color: #59636e; } .source { font-size: 12px; color: #59636e; }
.badge { font-size: 12px; border-radius: 2em; padding: 2px 8px; vertical-align: middle; font-weight: 500; }
.badge-good { background: #dafbe1; color: #1a7f37; } .badge-bad { background: #ffebe9; color: #d1242f; } .badge-neutral { background: #eff2f5; color: #59636e; }
.markdown-body table { border-collapse: collapse; margin: 12px 0; display: block; overflow: auto; }
.markdown-body th, .markdown-body td { border: 1px solid #d1d9e0; padding: 6px 13px; }
.markdown-body tr:nth-child(2n) { background: #f6f8fa; }
.markdown-body code { background: #eff1f3; border-radius: 6px; padding: .2em .4em; font-size: 85%; }
.markdown-body pre { background: #f6f8fa; border-radius: 6px; padding: 16px; overflow: auto; }
.markdown-body pre code { background: none; padding: 0; }
.markdown-body details { margin: 8px 0; } .markdown-body summary { cursor: pointer; }
.alert { border-left: 4px solid; padding: 8px 16px; margin: 12px 0; }
.alert-title { font-weight: 600; margin: 0 0 4px; }
.alert-note { border-color: #0969da; } .alert-note .alert-title { color: #0969da; }
.alert-tip { border-color: #1a7f37; } .alert-tip .alert-title { color: #1a7f37; }
.alert-important { border-color: #8250df; } .alert-important .alert-title { color: #8250df; }
.alert-warning { border-color: #9a6700; } .alert-warning .alert-title { color: #9a6700; }
.alert-caution { border-color: #d1242f; } .alert-caution .alert-title { color: #d1242f; }
pre.mermaid { background: #fff; text-align: center; }
`;

/**
 * Draws each chart once it can be seen: a chart inside a closed <details> has no size to lay
 * out, so it is drawn when its block is opened. Each gets an id of its own (Mermaid's default
 * ids come from the clock, and two charts drawn in the same millisecond would share one).
 */
const DRAW_CHARTS = `
mermaid.initialize({ startOnLoad: false, securityLevel: 'strict' });
let chartCount = 0;
async function drawVisibleCharts() {
  const charts = [...document.querySelectorAll('pre.mermaid:not([data-drawn])')].filter((pre) => !pre.closest('details:not([open])'));
  // Claimed before the first await: toggle events can start another pass while this one draws.
  for (const pre of charts) pre.setAttribute('data-drawn', 'true');
  for (const pre of charts) {
    try {
      const { svg } = await mermaid.render('aura-chart-' + chartCount++, pre.textContent);
      pre.innerHTML = svg;
    } catch (error) {
      pre.setAttribute('data-error', String(error && error.message || error));
    }
  }
}
function expandAll() {
  for (const details of document.querySelectorAll('details')) details.open = true;
}
document.addEventListener('toggle', drawVisibleCharts, true);
// index.html?expand opens every folded block, for printing or a look at everything at once.
if (new URLSearchParams(location.search).has('expand')) expandAll();
drawVisibleCharts();
`;

/** Writes index.html (and the Mermaid script beside it) into `outDir`; returns the page's path. */
export function writeSite(outDir: string, site: Site): string {
  const marked = createRenderer();
  // Mermaid's standalone browser build, copied so the page renders charts without a network.
  const mermaid = createRequire(import.meta.url).resolve('mermaid/dist/mermaid.min.js');
  copyFileSync(mermaid, join(outDir, 'mermaid.min.js'));
  const toc = site.pages
    .map((p) => `<li><a href="#${escapeHtml(p.id)}">${escapeHtml(p.title)}</a> <span class="badge badge-${p.tone}">${escapeHtml(p.badge)}</span></li>`)
    .join('\n');
  const html = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(site.title)}</title>
<style>${STYLE}</style>
</head>
<body>
<main>
<header>
<h1>${escapeHtml(site.title)}</h1>
${site.intro.map((line) => `<p>${escapeHtml(line)}</p>`).join('\n')}
<pre class="mermaid">${escapeHtml(site.overview)}</pre>
<nav><ol>
${toc}
</ol></nav>
<p><button type="button" onclick="expandAll()">Open every folded block</button></p>
</header>
${site.pages.map((p) => page(marked, outDir, p)).join('\n')}
</main>
<script src="mermaid.min.js"></script>
<script>${DRAW_CHARTS}</script>
</body>
</html>
`;
  const path = join(outDir, 'index.html');
  writeFileSync(path, html);
  return path;
}

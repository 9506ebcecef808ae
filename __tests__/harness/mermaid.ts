import DOMPurify from 'dompurify';
import mermaid from 'mermaid';

/**
 * Checks Mermaid text with Mermaid's own parser (the package GitHub's renderer is built on) and
 * returns what the parser understood, for the tests to compare with what was meant.
 *
 * Why the sanitizer is replaced: in Node there is no DOM, so DOMPurify (which Mermaid uses to
 * clean label text) loads without `addHook` or `sanitize`. Mermaid calls it from inside the
 * grammar's actions, at the first text it stores (the chart title), so `mermaid.parse` throws
 * "DOMPurify.addHook is not a function" half-way through the chart: a chart broken after its
 * title would throw that same error, and taking it for success would let a broken chart pass.
 * With the sanitizer made an identity function, the parser runs to the end and any error is a
 * real syntax error. Sanitizing is a drawing concern; nothing here draws.
 */
const purify = DOMPurify as unknown as { addHook?: unknown; sanitize?: unknown };
purify.addHook = () => undefined;
purify.sanitize = (text: unknown) => String(text);

export interface ParsedXYChart {
  diagramType: string;
  title: string;
  xAxis: { title: string; categories: string[] };
  yAxis: { title: string; min: number; max: number };
  lines: { title: string; values: number[] }[];
  config: { width?: number; height?: number };
}

interface XYChartDb {
  getDiagramTitle(): string;
  getChartConfig(): { width: number; height: number };
  getXYChartData(): {
    xAxis: { type: string; title: string; categories?: string[] };
    yAxis: { type: string; title: string; min?: number; max?: number };
    plots: { type: string; title: string; data: [string, number][] }[];
  };
}

/** Mermaid draws `#name;`/`#code;` entity codes as the characters; the parser keeps placeholders. */
function decodeEntities(text: string): string {
  const named: Record<string, string> = { quot: '"', lt: '<', gt: '>', amp: '&' };
  return text
    .replace(/ﬂ°°(\d+)¶ß/g, (_, code: string) => String.fromCodePoint(Number(code)))
    .replace(/ﬂ°(\w+)¶ß/g, (whole, name: string) => named[name] ?? whole);
}

/** Parses a chart; throws Mermaid's own error ("Parse error on line ...") when the text is not valid. */
export async function parseXYChart(text: string): Promise<ParsedXYChart> {
  const result = await mermaid.parse(text);
  if (!result) throw new Error('mermaid.parse returned false');
  const diagram = await mermaid.mermaidAPI.getDiagramFromText(text);
  const db = diagram.db as unknown as XYChartDb;
  const data = db.getXYChartData();
  const config = db.getChartConfig();
  return {
    diagramType: result.diagramType,
    title: decodeEntities(db.getDiagramTitle()),
    xAxis: { title: decodeEntities(data.xAxis.title), categories: (data.xAxis.categories ?? []).map(decodeEntities) },
    yAxis: { title: decodeEntities(data.yAxis.title), min: data.yAxis.min ?? NaN, max: data.yAxis.max ?? NaN },
    lines: data.plots.filter((p) => p.type === 'line').map((p) => ({ title: p.title, values: p.data.map(([, value]) => value) })),
    config: { width: config.width, height: config.height },
  };
}

/** The contents of every ```mermaid fence in a markdown text. */
export function mermaidBlocks(markdown: string): string[] {
  return [...markdown.matchAll(/^```mermaid\n([\s\S]*?)\n```$/gm)].map((match) => match[1]!);
}

/** Mermaid's parse error for any kind of diagram, or undefined when the text is valid. */
export async function mermaidError(text: string): Promise<string | undefined> {
  try {
    await mermaid.parse(text);
    return undefined;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

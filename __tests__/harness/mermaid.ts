import mermaid from 'mermaid';

/**
 * Checks a Mermaid diagram with Mermaid's own parser; resolves to the error message, or undefined
 * when the diagram is valid. In Node, Mermaid parses the text first and only then needs a DOM
 * (its HTML sanitiser): a valid diagram gets as far as "DOMPurify.addHook is not a function",
 * while a broken one stops earlier with "Parse error", "Lexical error" or "No diagram type detected".
 */
export async function mermaidError(text: string): Promise<string | undefined> {
  try {
    await mermaid.parse(text);
    return undefined;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return /DOMPurify\.addHook is not a function/.test(message) ? undefined : message;
  }
}

/**
 * Rich-text documents (Tiptap/ProseMirror JSON, the API's format) and plain text, both ways. Used on the server
 * and by the editor in the browser, so it imports nothing.
 */

/** Plain text from a phone's text box as a rich-text document: blank lines separate paragraphs. */
export function textToDocument(text: string): object {
  const paragraphs = text
    .replace(/\r\n/g, '\n')
    .split(/\n\s*\n/)
    .map((block) => block.trim())
    .filter(Boolean);
  return {
    type: 'doc',
    content: paragraphs.map((paragraph) => ({
      type: 'paragraph',
      content: paragraph
        .split('\n')
        .flatMap((line, index) => [
          ...(index > 0 ? [{ type: 'hardBreak' }] : []),
          { type: 'text', text: line },
        ]),
    })),
  };
}

/** The rich-text document back as plain text for the text box (paragraphs separated by a blank line). */
export function documentToText(document: unknown): string {
  type Node = { type?: string; text?: string; content?: Node[] };
  const textOf = (node: Node): string =>
    node.type === 'text'
      ? (node.text ?? '')
      : node.type === 'hardBreak'
        ? '\n'
        : (node.content ?? []).map(textOf).join('');
  const blocks = ((document as Node | null)?.content ?? []).map(textOf);
  return blocks.filter((block) => block.trim()).join('\n\n');
}

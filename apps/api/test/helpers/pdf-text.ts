/**
 * The text shown by an uncompressed PDF, one string per text operation (`Tj`/`TJ` with hex strings, as pdfkit
 * writes them with the standard fonts): enough to read what a generated report says, without a PDF engine.
 */
export function pdfText(document: Buffer): string[] {
  const source = document.toString('latin1');
  const shown: string[] = [];
  for (const [, operands] of source.matchAll(
    /\[((?:<[0-9a-fA-F]*>|[-\d.\s])*)\]\s*TJ|(<[0-9a-fA-F]*>)\s*Tj/g,
  )) {
    const hex = [...(operands ?? '').matchAll(/<([0-9a-fA-F]*)>/g)].map((part) => part[1]).join('');
    shown.push(Buffer.from(hex, 'hex').toString('latin1'));
  }
  return shown;
}

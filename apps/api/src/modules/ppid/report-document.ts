import { formatTanggal, ppidReportLabel, ppidReportLines, type PpidServiceReport } from '@laman/shared';
import PDFDocument from 'pdfkit';

const MARGIN = 56;
const FIGURE_WIDTH = 80;

/**
 * The yearly public-information service report as a PDF (A4, the standard Helvetica: no font file to ship), for
 * the PPID page and the periodic-information archive: the heading, the day the figures were computed, and each
 * line of the report with its figure. Uncompressed: the document is a page, and its words stay searchable by
 * any tool.
 */
export function reportDocument(opdName: string, report: PpidServiceReport): Promise<Buffer> {
  const document = new PDFDocument({
    size: 'A4',
    margin: MARGIN,
    compress: false,
    lang: 'id-ID',
    info: {
      Title: `Laporan layanan informasi publik ${report.year} — ${opdName}`,
      Author: opdName,
      Creator: 'Laman',
    },
  });
  const chunks: Buffer[] = [];
  document.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve) => document.on('end', () => resolve(Buffer.concat(chunks))));
  const width = document.page.width - MARGIN * 2;
  document.font('Helvetica-Bold').fontSize(16).text(`Laporan layanan informasi publik ${report.year}`);
  document.font('Helvetica').fontSize(11).text(opdName).moveDown(0.5);
  document
    .fontSize(9)
    .fillColor('#444444')
    .text(
      `Dihitung dari data permohonan informasi per ${formatTanggal(report.asOf)} (UU 14/2008, Perki 1/2021).`,
    )
    .moveDown(1)
    .fillColor('#000000');
  for (const line of ppidReportLines(report)) {
    const y = document.y;
    const figure = line[1] === null ? '–' : String(line[1]).replace('.', ',');
    document
      .font('Helvetica')
      .fontSize(11)
      .text(ppidReportLabel(line), MARGIN, y, { width: width - FIGURE_WIDTH });
    const next = document.y;
    document
      .font('Helvetica-Bold')
      .text(figure, MARGIN + width - FIGURE_WIDTH, y, { width: FIGURE_WIDTH, align: 'right' });
    document
      .moveTo(MARGIN, Math.max(next, document.y) + 2)
      .lineTo(MARGIN + width, Math.max(next, document.y) + 2)
      .strokeColor('#cccccc')
      .lineWidth(0.5)
      .stroke();
    document.y = Math.max(next, document.y) + 6;
  }
  document.end();
  return done;
}

import { formatTanggal, ppidReportLabel, ppidReportLines, type PpidServiceReport, html } from '@laman/shared';
import { layout, type SitePage } from '../../core/http/site-page';

/**
 * The OPD's yearly public-information service report as its site publishes it (periodic information, UU 14/2008
 * art. 9): the figures as a table, the other years, and the same figures as a workbook. `depth` is how far the
 * page sits below `/ppid/` (1: `/ppid/laporan`, 2: `/ppid/laporan/<year>`), for its relative links.
 */
export function reportPage(
  opdName: string,
  report: PpidServiceReport,
  years: number[],
  depth: 1 | 2,
): SitePage {
  const yearLink = (year: number) => (depth === 1 ? `laporan/${year}` : String(year));
  return layout(
    opdName,
    `Laporan layanan informasi publik ${report.year}`,
    depth,
    html`<h1>Laporan layanan informasi publik ${report.year}</h1>
      <p>
        Dihitung dari data permohonan informasi yang diterima PPID ${opdName} pada tahun ${report.year}, per
        ${formatTanggal(report.asOf)}.
      </p>
      <table>
        <caption>
          Ringkasan permohonan dan keberatan ${report.year}
        </caption>
        <tbody>
          ${ppidReportLines(report).map(
            (line) =>
              html`<tr>
                <th scope="row">${ppidReportLabel(line)}</th>
                <td>${line[1] === null ? '–' : String(line[1]).replace('.', ',')}</td>
              </tr>`,
          )}
        </tbody>
      </table>
      <p>
        Unduh laporan ${report.year}: <a href="${yearLink(report.year)}.pdf" download>PDF</a> ·
        <a href="${yearLink(report.year)}.xlsx" download>lembar kerja (XLSX)</a>
      </p>
      ${
        years.length > 1
          ? html`<h2>Tahun lain</h2>
              <ul>
                ${years
                  .filter((year) => year !== report.year)
                  .map((year) => html`<li><a href="${yearLink(year)}">Laporan ${year}</a></li>`)}
              </ul>`
          : ''
      }`,
  );
}

/** The report's figures as a one-sheet workbook (text stays text: exceljs never evaluates a cell). */
export async function reportWorkbook(opdName: string, report: PpidServiceReport): Promise<Buffer> {
  // Loaded on the first download, not at start-up: about 20 MB of an idle API's memory.
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Laman';
  const sheet = workbook.addWorksheet(`Laporan ${report.year}`);
  sheet.addRow([`Laporan layanan informasi publik ${report.year} — ${opdName}`]).font = { bold: true };
  sheet.addRow([`Per ${formatTanggal(report.asOf)}`]);
  sheet.addRow([]);
  sheet.addRow(['Uraian', 'Jumlah']).font = { bold: true };
  for (const line of ppidReportLines(report)) sheet.addRow([ppidReportLabel(line), line[1]]);
  sheet.getColumn(1).width = 60;
  sheet.getColumn(2).width = 12;
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

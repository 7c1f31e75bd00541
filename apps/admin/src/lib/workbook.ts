import ExcelJS from 'exceljs';
import { asWibWallClock } from './wib';

export type Cell = string | number | Date | null;

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * One sheet of a downloadable workbook: a bold, frozen, filterable header and columns as wide as their text.
 * Text is written as text: a cell that looks like a formula stays a string (exceljs never evaluates it).
 * Instants are shown as WIB wall-clock time.
 */
export function addSheet(workbook: ExcelJS.Workbook, name: string, header: string[], body: Cell[][]): void {
  const sheet = workbook.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.addRow(header).font = { bold: true };
  for (const row of body)
    sheet
      .addRow(row.map((value) => (value instanceof Date ? asWibWallClock(value) : value)))
      .eachCell((cell) => {
        if (cell.value instanceof Date) cell.numFmt = 'yyyy-mm-dd hh:mm';
      });
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: header.length } };
  sheet.columns.forEach((column, index) => {
    const widest = Math.max(header[index]!.length, ...body.map((row) => String(row[index] ?? '').length));
    column.width = Math.min(60, Math.max(10, widest + 2));
  });
}

/** A new workbook made by Laman. */
export function newWorkbook(): ExcelJS.Workbook {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Laman';
  return workbook;
}

/** The workbook as a download named `filename`. */
export async function workbookResponse(workbook: ExcelJS.Workbook, filename: string): Promise<Response> {
  return new Response(await workbook.xlsx.writeBuffer(), {
    headers: { 'content-type': XLSX_TYPE, 'content-disposition': `attachment; filename="${filename}"` },
  });
}

/**
 * The same one-sheet .xlsx stream as `streamXlsx`, written by ExcelJS's streaming WorkbookWriter
 * (chosen with XLSX_WRITER=exceljs; measured side by side in `npm run bench -- catalogue-export`).
 */
import { PassThrough, type Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import type { Cell } from './xlsx-export';

export function streamXlsxWithExcelJs(sheetName: string, headers: string[], nextChunk: () => Promise<Cell[][]>, colWidths?: number[]): Readable {
  const out = new PassThrough();
  const book = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  const sheet = book.addWorksheet(sheetName.slice(0, 31), { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = headers.map((header, i) => ({ key: String(i), width: colWidths?.[i] ?? 14 }));
  const value = (v: Cell) => (v === null || v === undefined || v === '' ? null : v);
  (async () => {
    const head = sheet.addRow(headers);
    head.font = { bold: true };
    head.commit();
    for (;;) {
      const chunk = await nextChunk();
      if (!chunk.length) break;
      for (const row of chunk) sheet.addRow(row.map(value)).commit();
      // Let the response drain before the next page (ExcelJS writes without waiting).
      if (out.writableNeedDrain) await new Promise((r) => out.once('drain', r));
    }
    sheet.commit();
    await book.commit();
  })().catch((e: Error) => out.destroy(e));
  return out;
}

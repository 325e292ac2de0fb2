/**
 * The uploaded rows handed back with their error column, as an .xlsx (SheetJS). Written in a worker
 * (xlsx-worker.ts, through errorSheetInWorker): a 20,000-row sheet takes SheetJS a good part of a second.
 */
import * as XLSX from 'xlsx';

export interface ErrorSheet {
  sheetName: string;
  /** Header first; the error column already added. */
  rows: unknown[][];
  /** Column widths in characters (Excel's default where absent). */
  colWidths?: number[];
}

export function errorWorkbook(sheet: ErrorSheet): Buffer {
  const ws = XLSX.utils.aoa_to_sheet(sheet.rows);
  if (sheet.colWidths) ws['!cols'] = sheet.colWidths.map((wch) => ({ wch }));
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, ws, sheet.sheetName);
  return XLSX.write(wb, { type: 'buffer', bookType: 'xlsx', compression: true }) as Buffer;
}

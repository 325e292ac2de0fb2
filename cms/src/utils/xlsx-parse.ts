/**
 * An uploaded .xlsx read into rows: the parts a sheet needs inflated with hard limits (xlsx-zip), then
 * SheetJS 0.20.3 on those parts only (formulas/HTML off). Runs in a worker (xlsx-worker.ts): the
 * parse is synchronous and CPU-bound. The sheet and header row are found, not assumed: an instructions
 * sheet before the data, or a title row above the header, is skipped.
 */
import * as XLSX from 'xlsx';
import { headerKey } from '../domain/text';
import { badFile, inflateSheetParts, MAX_SHEETS } from './xlsx-zip';

const MAX_COLUMNS = 50;
/** Rows above the header searched for it (title rows, notes). */
export const HEADER_SEARCH_ROWS = 20;

export interface ParseOptions {
  /** Data rows wanted at most (one more is read, to say "too many"). */
  maxRows: number;
  /**
   * The header to look for (keys as headerKey gives them): the first row, in the first sheets, holding
   * every `required` key is the header. Without it (or when not found) row 1 of the first sheet is.
   */
  header?: { required: string[] };
}

export interface ParsedSheet {
  /** The header row first, then the rows under it: raw values (numbers stay numbers, dates are Dates). */
  rows: unknown[][];
  sheetName: string;
  /** The Excel row number of rows[0] (1 unless a title row was skipped). */
  headerRow: number;
  /** Whether `header.required` was found (false: rows start at row 1 of the first sheet). */
  headerFound: boolean;
  /** Number formats of numeric cells other than General, as [row index in rows, column, format]. */
  numberFormats: Array<[number, number, string]>;
}

type Cell = { t?: string; v?: unknown; z?: unknown } | null | undefined;

function readWorkbook(buf: Buffer, maxRows: number): XLSX.WorkBook {
  const parts = inflateSheetParts(buf);
  const zip = XLSX.CFB.utils.cfb_new();
  for (const [name, content] of parts) XLSX.CFB.utils.cfb_add(zip, name, content);
  // parse_zip reads a container already in memory: SheetJS inflates nothing itself.
  const parseZip = (XLSX as unknown as { parse_zip: (z: unknown, o: XLSX.ParsingOptions) => XLSX.WorkBook }).parse_zip;
  try {
    return parseZip(zip, {
      type: 'buffer',
      dense: true,
      cellHTML: false,
      cellFormula: false,
      cellStyles: false,
      cellText: false,
      cellNF: true,
      cellDates: true,
      bookVBA: false,
      sheetRows: maxRows + 2 + HEADER_SEARCH_ROWS,
      WTF: false,
    });
  } catch {
    throw badFile('无法读取文件内容：不是有效的 .xlsx 文件');
  }
}

const dataOf = (ws: XLSX.WorkSheet | undefined): Cell[][] => ((ws as { '!data'?: Cell[][] } | undefined)?.['!data'] ?? []) as Cell[][];

/** The first sheet and row holding every required header key, or null. */
function findHeader(wb: XLSX.WorkBook, required: string[]): { sheet: string; row: number } | null {
  for (const name of wb.SheetNames.slice(0, MAX_SHEETS)) {
    const data = dataOf(wb.Sheets[name]);
    for (let r = 0; r < Math.min(HEADER_SEARCH_ROWS, data.length); r++) {
      const keys = new Set((data[r] ?? []).slice(0, MAX_COLUMNS).map((c) => (c && typeof c.v === 'string' ? headerKey(c.v) : '')));
      if (required.every((k) => keys.has(k))) return { sheet: name, row: r };
    }
  }
  return null;
}

/** The chosen sheet from its header row on, as rows of raw values, with the non-General number formats. */
export function parseXlsx(buf: Buffer, opts: ParseOptions): ParsedSheet {
  const wb = readWorkbook(buf, opts.maxRows);
  const found = opts.header ? findHeader(wb, opts.header.required) : null;
  const sheetName = found?.sheet ?? wb.SheetNames[0];
  if (!sheetName || !wb.Sheets[sheetName]) throw badFile('文件中没有工作表');
  // The range comes from the file (a crafted <dimension> can claim 16,384 columns × 1,048,576 rows):
  // rows come from the cells actually read, and the columns are bounded.
  const data = dataOf(wb.Sheets[sheetName]).slice(found?.row ?? 0, (found?.row ?? 0) + opts.maxRows + 2);
  let width = 0;
  for (const row of data) if (row && row.length > width) width = row.length;
  if (width > MAX_COLUMNS) throw badFile(`表格列数过多（最多 ${MAX_COLUMNS} 列），请使用下载的模板`);
  if (width === 0 || data.length === 0) throw badFile('文件中没有数据');
  const numberFormats: Array<[number, number, string]> = [];
  const rows = data.map((row, r) =>
    Array.from({ length: width }, (_, c) => {
      const cell = row?.[c];
      if (!cell || cell.t === 'z' || cell.v === undefined) return null;
      if (cell.t === 'e') return null;
      if (cell.t === 'n' && typeof cell.z === 'string' && cell.z !== 'General') numberFormats.push([r, c, cell.z]);
      return cell.v;
    }),
  );
  return { rows, sheetName, headerRow: (found?.row ?? 0) + 1, headerFound: !!found, numberFormats };
}

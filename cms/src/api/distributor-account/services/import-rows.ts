/**
 * The rows of an uploaded 导入 sheet read into account input: the header row (its columns, unknown and
 * missing ones), then each data row, with what Excel did to the cells explained (a number where text
 * was typed, a landline without its 0). Row numbers are Excel's (the header's row is `headerRow`).
 * Not a service of its own (Strapi registers every file here; its factory answers nothing).
 */
import {
  ACCOUNT_FIELD_LABELS,
  ACCOUNT_REQUIRED_FIELDS,
  ACCOUNT_TEMPLATE_COLUMNS,
  excelNumberError,
  headerKey,
  normaliseAccountInput,
  normaliseCell,
  templateFieldOf,
  type AccountField,
  type AccountInput,
} from '../../../domain';

export interface ImportError {
  row: number;
  column: string;
  message: string;
}

export interface ParsedRow {
  rowNo: number;
  input: AccountInput;
  /** Fields already explained (an Excel conversion): their usual checks would only repeat it wrongly. */
  explained: Set<AccountField>;
}

/** The sheet as read from the file: rows from the header on, and what the reader found. */
export interface ImportSheet {
  rows: unknown[][];
  /** Excel row number of rows[0]. */
  headerRow: number;
  headerFound: boolean;
  /** [row index in rows, column, number format] of numeric cells not in General format. */
  numberFormats: Array<[number, number, string]>;
}

/** The header keys that identify the template's header row wherever it is (the required columns). */
export const REQUIRED_HEADER_KEYS = ACCOUNT_TEMPLATE_COLUMNS.filter((c) => ACCOUNT_REQUIRED_FIELDS.includes(c.field)).map((c) => headerKey(c.header));

const HEADER_PLACE = '表头须位于第一个工作表的第1行（请使用下载的模板，不要在表头上方插入标题行或说明页）';

/** The field under each column of the header row (null: none), or the header's errors. */
export function readHeader(sheet: ImportSheet, errors: ImportError[]): { header: string[]; colField: (AccountField | null)[] } {
  const header = (sheet.rows[0] ?? []).map((h) => normaliseCell(h));
  const colField: (AccountField | null)[] = [];
  const seen = new Set<AccountField>();
  const at = sheet.headerRow;
  for (const h of header) {
    if (h === '') {
      colField.push(null);
      continue;
    }
    const f = templateFieldOf(h);
    if (!f) errors.push({ row: at, column: h, message: `未知列“${h}”，请使用下载的模板` });
    else if (seen.has(f)) errors.push({ row: at, column: h, message: `列“${h}”重复` });
    else seen.add(f);
    colField.push(f && !colField.includes(f) ? f : null);
  }
  for (const c of ACCOUNT_TEMPLATE_COLUMNS) {
    if (!seen.has(c.field) && ACCOUNT_REQUIRED_FIELDS.includes(c.field)) errors.push({ row: at, column: c.header, message: `缺少必填列“${c.header}”` });
  }
  if (errors.length && !sheet.headerFound) errors.unshift({ row: at, column: '', message: `未找到模板表头：${HEADER_PLACE}` });
  return { header, colField };
}

const kindOf = (f: AccountField) => (f === 'phone' ? 'phone' : 'text');

/** Data rows (blank rows and the template's format row skipped); cells under no header are errors. */
export function readRows(sheet: ImportSheet, header: string[], colField: (AccountField | null)[], errors: ImportError[]): ParsedRow[] {
  const formats = new Map(sheet.numberFormats.map(([r, c, z]) => [`${r}:${c}`, z]));
  const parsed: ParsedRow[] = [];
  for (let i = 1; i < sheet.rows.length; i++) {
    const rowNo = sheet.headerRow + i;
    const cells = sheet.rows[i] ?? [];
    const raw: Partial<Record<AccountField, unknown>> = {};
    const explained = new Set<AccountField>();
    const rowErrors: ImportError[] = [];
    let filled = false;
    colField.forEach((f, ci) => {
      if (!f) return;
      const cell = cells[ci];
      const v = normaliseCell(cell);
      if (v !== '' || (typeof cell === 'number' && !Number.isFinite(cell))) filled = true;
      raw[f] = v;
      const why = typeof cell === 'number' ? excelNumberError(cell, kindOf(f), formats.get(`${i}:${ci}`)) : null;
      if (why) {
        explained.add(f);
        rowErrors.push({ row: rowNo, column: ACCOUNT_FIELD_LABELS[f].zh, message: why });
      }
    });
    for (let ci = 0; ci < cells.length; ci++) {
      if ((colField[ci] ?? null) === null && (header[ci] ?? '') === '' && normaliseCell(cells[ci]) !== '') {
        rowErrors.push({ row: rowNo, column: `第${ci + 1}列`, message: '该单元格不在任何模板列下（未知列）' });
        filled = true;
      }
    }
    if (!filled) continue;
    if (i === 1 && /^(必填|选填)/.test(normaliseCell(raw.companyName))) continue; // the template's format row
    errors.push(...rowErrors);
    parsed.push({ rowNo, input: normaliseAccountInput(raw), explained });
  }
  return parsed;
}

export default () => ({});

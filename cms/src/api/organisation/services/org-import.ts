/**
 * 批量创建 of manufacturers and hospitals from the .xlsx template, with the account import's handling:
 * every row checked (fields, duplicates inside the file and against the platform); any error → nothing
 * created and every error back (row, column, reason, and the sheet with an error column); else all
 * rows, with their logins, in one transaction, and the one-time passwords once (账号清单).
 */
import * as XLSX from 'xlsx';
import {
  IMPORT_ORG_TYPES,
  normaliseCell,
  normaliseOrgInput,
  ORG_FIELD_LABELS,
  ORG_IMPORT_MAX_ROWS,
  ORG_TEMPLATE_COLUMNS,
  orgInputErrors,
  type OrgField,
  type OrgInput,
} from '../../../domain';
import { DomainError } from '../../../domain/errors';
import type { Actor } from '../../../scope';
import { errorSheetBase64, readSheetRows, type ErrorSheet, type XlsxSource } from '../../../utils/xlsx-upload';
import { createMany, platformClashes, tx } from './onboarding';
import { credentialsSheet } from './org-list';

interface RowError {
  row: number;
  column: string;
  message: string;
}

/** Header row and a format row, as the account template. */
export function templateWorkbook(): Buffer {
  const ws = XLSX.utils.aoa_to_sheet([ORG_TEMPLATE_COLUMNS.map((c) => c.header), ORG_TEMPLATE_COLUMNS.map((c) => c.format)]);
  ws['!cols'] = ORG_TEMPLATE_COLUMNS.map((c) => ({ wch: c.width }));
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, ws, '机构批量创建');
  return XLSX.write(wb, { type: 'buffer', bookType: 'xlsx', compression: true }) as Buffer;
}

/** The uploaded rows with an added 错误信息 column; written by errorSheetBase64. */
export function errorSheet(rows: unknown[][], errors: RowError[]): ErrorSheet {
  const byRow = new Map<number, string[]>();
  for (const e of errors) byRow.set(e.row, [...(byRow.get(e.row) ?? []), e.column ? `${e.column}：${e.message}` : e.message]);
  return { sheetName: '导入错误', rows: rows.map((r, i) => [...r, i === 0 ? '错误信息' : (byRow.get(i + 1) ?? []).join('；')]) };
}

const fieldOf = (h: string) => ORG_TEMPLATE_COLUMNS.find((c) => c.header === h.replace(/[\s*＊]/g, ''))?.field ?? null;

function parse(rows: unknown[][], errors: RowError[]): { rowNo: number; input: OrgInput }[] {
  const header = (rows[0] ?? []).map((h) => normaliseCell(h));
  const cols = header.map(fieldOf);
  header.forEach((h, i) => {
    if (h && !cols[i]) errors.push({ row: 1, column: h, message: `未知列“${h}”，请使用下载的模板` });
  });
  for (const c of ORG_TEMPLATE_COLUMNS) if (!cols.includes(c.field)) errors.push({ row: 1, column: c.header, message: `缺少列“${c.header}”` });
  if (errors.length) return [];
  const out: { rowNo: number; input: OrgInput }[] = [];
  for (let i = 1; i < rows.length; i++) {
    const raw: Partial<Record<OrgField, unknown>> = {};
    cols.forEach((f, ci) => f && (raw[f] = normaliseCell(rows[i]?.[ci])));
    if (!Object.values(raw).some((v) => v !== '')) continue;
    if (i === 1 && /^必填/.test(String(raw.type))) continue; // the template's format row
    out.push({ rowNo: i + 1, input: normaliseOrgInput(raw) });
  }
  return out;
}

export async function importFile(actor: Actor, file: XlsxSource) {
  const { rows } = await readSheetRows(file, ORG_IMPORT_MAX_ROWS + 2);
  const errors: RowError[] = [];
  const parsed = parse(rows, errors);
  if (!errors.length && !parsed.length) errors.push({ row: 2, column: '', message: '文件中没有可导入的数据行' });
  if (parsed.length > ORG_IMPORT_MAX_ROWS)
    throw new DomainError('IMPORT_TOO_MANY_ROWS', `一次最多导入 ${ORG_IMPORT_MAX_ROWS} 行`, { status: 400, field: 'file' });
  const label = (f: string) => ORG_FIELD_LABELS[f as OrgField]?.zh ?? f;
  for (const p of parsed)
    for (const e of orgInputErrors(p.input, { types: IMPORT_ORG_TYPES })) errors.push({ row: p.rowNo, column: label(e.field), message: e.message });
  for (const key of ['creditCode', 'username'] as const) {
    const first = new Map<string, number>();
    for (const p of parsed) {
      const v = p.input[key];
      if (!v) continue;
      if (first.has(v)) errors.push({ row: p.rowNo, column: label(key), message: `与第${first.get(v)}行${label(key)}重复` });
      else first.set(v, p.rowNo);
    }
  }
  const created = await tx(async (k) => {
    const clashes = await platformClashes(
      k,
      parsed.map((p) => p.input),
    );
    parsed.forEach((p, i) => (clashes.get(i) ?? []).forEach((c) => errors.push({ row: p.rowNo, column: label(c.field), message: c.message })));
    if (errors.length) return null;
    const { credentials } = await createMany(
      actor,
      k,
      parsed.map((p) => p.input),
    );
    return { created: credentials.length, credentials, credentialsFile: await credentialsSheet(credentials), credentialsFileName: '机构账号清单.xlsx' };
  });
  if (created) return created;
  // Nothing was written: the error sheet is written (in a worker) once the transaction is over.
  errors.sort((a, b) => a.row - b.row);
  throw new DomainError('IMPORT_ROWS_INVALID', `导入失败：共 ${errors.length} 处错误，未导入任何数据，请修改后重新导入`, {
    status: 400,
    details: {
      total: errors.length,
      rows: errors.slice(0, 2000),
      errorFile: await errorSheetBase64(errorSheet(rows, errors)),
      errorFileName: '机构批量创建错误.xlsx',
    },
  });
}

export default () => ({ importFile, templateWorkbook });

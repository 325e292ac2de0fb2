/**
 * The import template (模板下载) and the uploaded sheet returned with an error column (small files,
 * built with SheetJS), and the columns of the streamed export.
 */
import * as XLSX from 'xlsx';
import { ACCOUNT_ENABLED_LABELS, ACCOUNT_TEMPLATE_COLUMNS, chinaDateTime, YES_NO_LABELS, type AccountRow } from '../../../domain';
import type { Column } from '../../../utils/xlsx-export';
import type { ErrorSheet } from '../../../utils/xlsx-upload';
import type { ImportError } from './import-rows';

const TEXT_ROWS = 1000;

/** Header row, format row (manual 000: “各字段的填写格式在表格第一行内有具体描述”), widths, text columns. */
export function templateWorkbook(): Buffer {
  const ws: XLSX.WorkSheet = {};
  const last = ACCOUNT_TEMPLATE_COLUMNS.length - 1;
  ACCOUNT_TEMPLATE_COLUMNS.forEach((c, ci) => {
    ws[XLSX.utils.encode_cell({ r: 0, c: ci })] = { t: 's', v: c.header };
    ws[XLSX.utils.encode_cell({ r: 1, c: ci })] = { t: 's', v: c.format, z: '@' };
    // Every column is text: text-formatted cells keep 18-character codes, leading zeros and `82599E2` as typed.
    for (let r = 2; r < 2 + TEXT_ROWS; r++) ws[XLSX.utils.encode_cell({ r, c: ci })] = { t: 's', v: '', z: '@' };
  });
  ws['!ref'] = XLSX.utils.encode_range({ s: { r: 0, c: 0 }, e: { r: 1 + TEXT_ROWS, c: last } });
  ws['!cols'] = ACCOUNT_TEMPLATE_COLUMNS.map((c) => ({ wch: c.width }));
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, ws, '配送企业账号');
  return XLSX.write(wb, { type: 'buffer', bookType: 'xlsx', compression: true }) as Buffer;
}

/** The uploaded rows from the header on, with an added 错误信息 column (the header is Excel row `headerRow`); written by errorSheetBase64. */
export function errorSheet(rows: unknown[][], errors: ImportError[], headerRow = 1): ErrorSheet {
  const byRow = new Map<number, string[]>();
  for (const e of errors) {
    const list = byRow.get(e.row) ?? [];
    list.push(e.column ? `${e.column}：${e.message}` : e.message);
    byRow.set(e.row, list);
  }
  const width = Math.max(...rows.map((r) => r.length), ACCOUNT_TEMPLATE_COLUMNS.length);
  const out = rows.map((r, i) => {
    const cells = Array.from({ length: width }, (_, ci) => (r[ci] === undefined ? null : r[ci]));
    cells.push(i === 0 ? '错误信息' : (byRow.get(i + headerRow) ?? []).join('；'));
    return cells;
  });
  return { sheetName: '导入错误', rows: out, colWidths: [...Array.from({ length: width }, () => 22), 60] };
}

/** 导出 of the list: the columns of 本省配送企业用户列表, date-times in China time. */
export const ACCOUNT_EXPORT_COLUMNS: readonly Column<AccountRow>[] = [
  { header: '配送企业用户名', width: 14, value: (r) => r.username },
  { header: '省平台账号', width: 14, value: (r) => r.provincialAccount },
  { header: '配送企业名称', width: 32, value: (r) => r.companyName },
  { header: '统一社会信用代码', width: 22, value: (r) => r.creditCode },
  { header: '法人', width: 10, value: (r) => r.legalPerson },
  { header: '被授权人', width: 10, value: (r) => r.authorisedPerson },
  { header: '联系电话', width: 16, value: (r) => r.phone },
  { header: '配送区域', width: 40, value: (r) => r.distributionAreas.join(', ') },
  { header: '用户状态', width: 8, value: (r) => (r.enabled ? ACCOUNT_ENABLED_LABELS.enabled.zh : ACCOUNT_ENABLED_LABELS.disabled.zh) },
  { header: '是否发放', width: 8, value: (r) => (r.issued ? YES_NO_LABELS.yes.zh : YES_NO_LABELS.no.zh) },
  { header: '是否登录', width: 8, value: (r) => (r.loggedIn ? YES_NO_LABELS.yes.zh : YES_NO_LABELS.no.zh) },
  { header: '最后登录时间', width: 20, value: (r) => chinaDateTime(r.lastLoginAt) },
];

export default () => ({ templateWorkbook, errorSheet });

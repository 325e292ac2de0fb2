/** The import template (模板下载) and the uploaded sheet returned with an error column. */
import * as XLSX from 'xlsx';
import { ACCOUNT_TEMPLATE_COLUMNS } from '../../../domain/account-input';
import type { ImportError } from './accounts';

const TEXT_FIELDS = new Set(['creditCode', 'phone', 'provincialAccount']);
const TEXT_ROWS = 1000;

/** Header row, format row (manual 000: “各字段的填写格式在表格第一行内有具体描述”), widths, text columns. */
export function templateWorkbook(): Buffer {
  const ws: XLSX.WorkSheet = {};
  const last = ACCOUNT_TEMPLATE_COLUMNS.length - 1;
  ACCOUNT_TEMPLATE_COLUMNS.forEach((c, ci) => {
    ws[XLSX.utils.encode_cell({ r: 0, c: ci })] = { t: 's', v: c.header };
    ws[XLSX.utils.encode_cell({ r: 1, c: ci })] = { t: 's', v: c.format, z: '@' };
    if (TEXT_FIELDS.has(c.field)) {
      // Text-formatted cells, so Excel keeps 18-character codes and leading zeros as typed.
      for (let r = 2; r < 2 + TEXT_ROWS; r++) ws[XLSX.utils.encode_cell({ r, c: ci })] = { t: 's', v: '', z: '@' };
    }
  });
  ws['!ref'] = XLSX.utils.encode_range({ s: { r: 0, c: 0 }, e: { r: 1 + TEXT_ROWS, c: last } });
  ws['!cols'] = ACCOUNT_TEMPLATE_COLUMNS.map((c) => ({ wch: c.width }));
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, ws, '配送企业账号');
  return XLSX.write(wb, { type: 'buffer', bookType: 'xlsx', compression: true }) as Buffer;
}

/** The uploaded rows with an added 错误信息 column (row 1 = header). */
export function errorWorkbook(rows: unknown[][], errors: ImportError[]): Buffer {
  const byRow = new Map<number, string[]>();
  for (const e of errors) {
    const list = byRow.get(e.row) ?? [];
    list.push(e.column ? `${e.column}：${e.message}` : e.message);
    byRow.set(e.row, list);
  }
  const width = Math.max(...rows.map((r) => r.length), ACCOUNT_TEMPLATE_COLUMNS.length);
  const out = rows.map((r, i) => {
    const cells = Array.from({ length: width }, (_, ci) => (r[ci] === undefined ? null : r[ci]));
    cells.push(i === 0 ? '错误信息' : (byRow.get(i + 1) ?? []).join('；'));
    return cells;
  });
  const ws = XLSX.utils.aoa_to_sheet(out);
  ws['!cols'] = [...Array.from({ length: width }, () => ({ wch: 22 })), { wch: 60 }];
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, ws, '导入错误');
  return XLSX.write(wb, { type: 'buffer', bookType: 'xlsx', compression: true }) as Buffer;
}

/** Accounts as an .xlsx (导出 of the current filter). */
export function exportWorkbook(rows: Array<Record<string, unknown>>): Buffer {
  const ws = XLSX.utils.aoa_to_sheet([
    [
      '配送企业用户名',
      '省平台账号',
      '配送企业名称',
      '统一社会信用代码',
      '法人',
      '被授权人',
      '联系电话',
      '配送区域',
      '用户状态',
      '是否发放',
      '是否登录',
      '最后登录时间',
    ],
    ...rows.map((r: any) => [
      r.username,
      r.provincialAccount,
      r.companyName,
      r.creditCode,
      r.legalPerson,
      r.authorisedPerson,
      r.phone,
      (r.distributionAreas ?? []).join(', '),
      r.enabled ? '启用' : '禁用',
      r.issued ? '是' : '否',
      r.loggedIn ? '是' : '否',
      r.lastLoginAt ? new Date(r.lastLoginAt).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false }) : '',
    ]),
  ]);
  ws['!cols'] = [14, 14, 32, 22, 10, 10, 16, 40, 8, 8, 8, 20].map((wch) => ({ wch }));
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, ws, '本省配送企业用户列表');
  return XLSX.write(wb, { type: 'buffer', bookType: 'xlsx', compression: true }) as Buffer;
}

export default () => ({ templateWorkbook, errorWorkbook, exportWorkbook });

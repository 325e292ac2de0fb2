/**
 * 约定采购量导入: the bureau's .xlsx of agreed volumes for its province, with the account import's
 * behaviour and machinery (utils/xlsx-upload, the error workbook): every row checked — fields, the
 * hospital of the province, the 带量采购 product, duplicates in the file and on the platform — then
 * all rows stored in one transaction, or none and every error back by row, column and reason.
 */
import { createId } from '@paralleldrive/cuid2';
import type { Knex } from 'knex';
import * as XLSX from 'xlsx';
import {
  DomainError,
  normaliseCell,
  VOLUME_FIELD_LABELS,
  VOLUME_IMPORT_MAX_ROWS,
  VOLUME_TEMPLATE_COLUMNS,
  volumeFieldOf,
  volumeInputErrors,
  type VolumeField,
  type VolumeInput,
} from '../../../domain';
import type { Actor } from '../../../scope';
import { now } from '../../../utils/clock';
import { errorSheetBase64, readSheetRows, type XlsxSource } from '../../../utils/xlsx-upload';
import type { RawRow } from '../../../db/values';
import { errorSheet } from '../../distributor-account/services/account-xlsx';
import type { ImportError } from '../../distributor-account/services/import-rows';

interface Parsed {
  rowNo: number;
  input: VolumeInput;
}

function requireBureau(actor: Actor): string {
  if (actor.role !== 'bureau' || !actor.provinceCode) throw new DomainError('ROLE_NOT_ALLOWED', '仅省级医保局可导入约定采购量', { status: 403 });
  return actor.provinceCode;
}

/** The import template: header row and format row. */
export function templateWorkbook(): Buffer {
  const ws = XLSX.utils.aoa_to_sheet([VOLUME_TEMPLATE_COLUMNS.map((c) => c.header), VOLUME_TEMPLATE_COLUMNS.map((c) => c.format)]);
  ws['!cols'] = VOLUME_TEMPLATE_COLUMNS.map((c) => ({ wch: c.width }));
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, ws, '约定采购量');
  return XLSX.write(wb, { type: 'buffer', bookType: 'xlsx', compression: true }) as Buffer;
}

function parseRows(rows: unknown[][], errors: ImportError[]): Parsed[] {
  const header = (rows[0] ?? []).map((h) => normaliseCell(h));
  const colField = header.map((h) => (h ? volumeFieldOf(h) : null));
  header.forEach((h, i) => {
    if (h && !colField[i]) errors.push({ row: 1, column: h, message: `未知列“${h}”，请使用下载的模板` });
  });
  for (const c of VOLUME_TEMPLATE_COLUMNS) if (!colField.includes(c.field)) errors.push({ row: 1, column: c.header, message: `缺少必填列“${c.header}”` });
  if (errors.length) return [];
  const parsed: Parsed[] = [];
  for (let i = 1; i < rows.length; i++) {
    const cells = rows[i] ?? [];
    const raw: Partial<Record<VolumeField, string>> = {};
    colField.forEach((f, ci) => {
      if (f) raw[f] = normaliseCell(cells[ci]);
    });
    if (!Object.values(raw).some((v) => v)) continue;
    if (i === 1 && /^必填/.test(raw.hospitalName ?? '')) continue; // the template's format row
    parsed.push({ rowNo: i + 1, input: { hospitalName: '', productCode: '', quantity: '', startDate: '', endDate: '', ...raw } });
  }
  return parsed;
}

/** Checks every row; answers the rows to insert, or every error. */
async function validate(provinceCode: string, rows: unknown[][]) {
  const errors: ImportError[] = [];
  const parsed = parseRows(rows, errors);
  if (!errors.length && !parsed.length) errors.push({ row: 2, column: '', message: '文件中没有可导入的数据行' });
  if (parsed.length > VOLUME_IMPORT_MAX_ROWS)
    throw new DomainError('IMPORT_TOO_MANY_ROWS', `一次最多导入 ${VOLUME_IMPORT_MAX_ROWS} 行`, { status: 400, field: 'file' });
  const knex = strapi.db.connection;
  const names = [...new Set(parsed.map((p) => p.input.hospitalName).filter(Boolean))];
  const codes = [...new Set(parsed.map((p) => p.input.productCode).filter(Boolean))];
  const hospitals: RawRow[] = names.length
    ? await knex('organisations').whereIn('name', names).where({ type: 'hospital' }).select('id', 'name', 'province_code')
    : [];
  const products: RawRow[] = codes.length
    ? await knex('products as p')
        .leftJoin('products_manufacturer_lnk as l', 'l.product_id', 'p.id')
        .whereIn('p.code', codes)
        .select('p.id', 'p.code', 'p.vbp', 'p.price_fen', 'l.organisation_id as mf')
    : [];
  const seen = new Map<string, number>();
  const out: Array<Parsed & { hospitalId: number; productId: number; manufacturerId: number }> = [];
  for (const p of parsed) {
    const label = (f: VolumeField) => VOLUME_FIELD_LABELS[f];
    const before = errors.length;
    for (const e of volumeInputErrors(p.input)) errors.push({ row: p.rowNo, column: label(e.field), message: e.message });
    const h = hospitals.find((x) => x.name === p.input.hospitalName);
    if (p.input.hospitalName && !h) errors.push({ row: p.rowNo, column: label('hospitalName'), message: `平台上没有医疗机构“${p.input.hospitalName}”` });
    else if (h && h.province_code !== provinceCode) errors.push({ row: p.rowNo, column: label('hospitalName'), message: '该医疗机构不属于本省' });
    const pr = products.find((x) => x.code === p.input.productCode);
    if (p.input.productCode && !pr) errors.push({ row: p.rowNo, column: label('productCode'), message: `挂网目录中没有产品编码“${p.input.productCode}”` });
    else if (pr && !pr.vbp) errors.push({ row: p.rowNo, column: label('productCode'), message: '该产品不是带量采购产品' });
    else if (pr && !pr.mf) errors.push({ row: p.rowNo, column: label('productCode'), message: '该产品没有生产企业' });
    if (errors.length > before || !h || !pr) continue;
    const key = `${h.id}|${pr.id}|${p.input.startDate}|${p.input.endDate}`;
    const prev = seen.get(key);
    if (prev !== undefined) errors.push({ row: p.rowNo, column: label('productCode'), message: `与第${prev}行重复（同一医疗机构、产品和采购周期）` });
    else seen.set(key, p.rowNo);
    const taken = await knex('contract_volumes')
      .where({ hospital_org_id: h.id, product_id: pr.id, start_date: p.input.startDate, end_date: p.input.endDate })
      .first('id');
    if (taken) errors.push({ row: p.rowNo, column: label('productCode'), message: '该医疗机构此产品在同一采购周期的约定采购量已导入' });
    out.push({ ...p, hospitalId: Number(h.id), productId: Number(pr.id), manufacturerId: Number(pr.mf) });
  }
  errors.sort((a, b) => a.row - b.row);
  return { errors, rows: out };
}

/** POST /api/contract-volumes/import (bureau): all rows or none. */
export async function importFile(actor: Actor, file: XlsxSource) {
  const provinceCode = requireBureau(actor);
  const { rows } = await readSheetRows(file, VOLUME_IMPORT_MAX_ROWS + 1);
  const result = await validate(provinceCode, rows);
  if (result.errors.length) {
    throw new DomainError('IMPORT_ROWS_INVALID', `导入失败：共 ${result.errors.length} 处错误，未导入任何数据，请修改后重新导入`, {
      status: 400,
      details: {
        total: result.errors.length,
        rows: result.errors.slice(0, 2000),
        errorFile: await errorSheetBase64(errorSheet(rows, result.errors)),
        errorFileName: '约定采购量导入错误.xlsx',
      },
    });
  }
  const at = now();
  try {
    await strapi.db.transaction(async ({ trx }: { trx: Knex.Transaction }) => {
      for (let i = 0; i < result.rows.length; i += 200) {
        await strapi.db
          .connection('contract_volumes')
          .transacting(trx)
          .insert(
            result.rows.slice(i, i + 200).map((r) => ({
              document_id: createId(),
              hospital_org_id: r.hospitalId,
              manufacturer_org_id: r.manufacturerId,
              bureau_org_id: actor.orgId,
              product_id: r.productId,
              province_code: provinceCode,
              quantity: Number(r.input.quantity),
              start_date: r.input.startDate,
              end_date: r.input.endDate,
              created_at: at,
              updated_at: at,
              published_at: at,
            })),
          );
      }
    });
  } catch (e) {
    if (/unique|duplicate/i.test(String((e as Error).message)))
      throw new DomainError('IMPORT_CONFLICT', '导入期间数据发生变化（重复的约定采购量），请重新导入', { status: 409 });
    throw e;
  }
  return { created: result.rows.length };
}

export default () => ({ importFile, templateWorkbook });

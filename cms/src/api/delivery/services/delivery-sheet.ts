/**
 * The delivery sheet (配送单) of 批量配送: the template (模板下载, filled with a hospital's deliverable
 * lines when one is chosen) and the uploaded sheet read into the rows of the editable table, each row
 * checked like a line of the batch without writing anything. Submission goes through deliverBatch.
 */
import * as XLSX from 'xlsx';
import {
  BATCH_DELIVERY_MAX_LINES,
  BATCH_DELIVERY_SHEET_COLUMNS,
  checkDelivery,
  DELIVERABLE_LINE_STATUSES,
  DomainError,
  isDomainError,
  lineReference,
  normaliseCell,
  parseLineReference,
  remainingQuantity,
  sheetDay,
  type BatchDeliveryField,
  type DeliveryMode,
} from '../../../domain';
import type { Actor } from '../../../scope';
import { now } from '../../../utils/clock';
import { readSheetRows, type XlsxSource } from '../../../utils/xlsx-upload';
import type { RawRow } from '../../../db/order-rows';
import { prepareDelivery } from './deliveries';

const bad = (message: string, code = 'IMPORT_FILE_INVALID') => new DomainError(code, message, { status: 400, field: 'file' });
const num = (v: unknown) => Number(v ?? 0);

/** Deliverable lines of the distributor (confirmed / delivering), optionally of one hospital. */
function deliverableLines(distributorOrgId: number) {
  return strapi.db
    .connection('order_lines')
    .where('distributor_org_id', distributorOrgId)
    .whereIn('status', DELIVERABLE_LINE_STATUSES)
    .select(
      'id',
      'document_id',
      'order_code',
      'line_no',
      'hospital_org_id',
      'product_name',
      'quantity',
      'delivered_qty',
      'delivery_count',
      'delivery_mode',
      'status',
    );
}

/** The template: header, format row, then one row per deliverable line of `hospitalOrgId` (up to the batch bound). */
export async function templateWorkbook(actor: Actor, hospitalOrgId?: number): Promise<Buffer> {
  const cols = BATCH_DELIVERY_SHEET_COLUMNS;
  const lines: RawRow[] = hospitalOrgId
    ? await deliverableLines(actor.orgId).where('hospital_org_id', hospitalOrgId).orderBy('id', 'asc').limit(BATCH_DELIVERY_MAX_LINES)
    : [];
  const aoa: unknown[][] = [cols.map((c) => c.header), cols.map((c) => c.format)];
  for (const l of lines) {
    aoa.push(
      cols.map((c) =>
        c.header === '产品名称'
          ? String(l.product_name ?? '')
          : c.header === '可配送数量'
            ? remainingQuantity(num(l.quantity), num(l.delivered_qty))
            : c.field === 'line'
              ? lineReference(String(l.order_code), num(l.line_no))
              : '',
      ),
    );
  }
  const ws = XLSX.utils.aoa_to_sheet(aoa);
  // Text cells for the values Excel would otherwise turn into numbers or dates.
  for (let r = 2; r < Math.max(aoa.length, 202); r++) {
    cols.forEach((c, ci) => {
      if (c.field && c.field !== 'quantity') {
        const addr = XLSX.utils.encode_cell({ r, c: ci });
        ws[addr] = { ...(ws[addr] ?? { t: 's', v: '' }), z: '@' };
      }
    });
  }
  ws['!ref'] = XLSX.utils.encode_range({ s: { r: 0, c: 0 }, e: { r: Math.max(aoa.length, 202) - 1, c: cols.length - 1 } });
  ws['!cols'] = cols.map((c) => ({ wch: c.width }));
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, ws, '配送单');
  return XLSX.write(wb, { type: 'buffer', bookType: 'xlsx', compression: true }) as Buffer;
}

export interface SheetRow {
  /** The sheet's row number (1 = header). */
  row: number;
  lineRef: string;
  line: string | null;
  productName: string | null;
  hospitalOrgId: number | null;
  remaining: number | null;
  mode: DeliveryMode | null;
  quantity: number | string | null;
  batchNo: string;
  productionDate: string;
  expiryDate: string;
  invoiceCode: string;
  invoiceNo: string;
  errors: Array<{ field: string; code: string; message: string }>;
}

/** Column index of each field, from the header row; refuses a sheet without 订单明细 or 配送数量. */
function headerMap(header: unknown[]): Map<BatchDeliveryField, number> {
  const at = new Map<BatchDeliveryField, number>();
  header.forEach((h, i) => {
    const c = BATCH_DELIVERY_SHEET_COLUMNS.find((col) => col.header === normaliseCell(h).trim());
    if (c?.field && !at.has(c.field)) at.set(c.field, i);
  });
  if (!at.has('line') || !at.has('quantity')) throw bad('表头不正确：须包含“订单明细”和“配送数量”列，请使用下载的模板', 'IMPORT_HEADER_INVALID');
  return at;
}

const quantityOf = (v: unknown): number | string | null => {
  if (typeof v === 'number') return v;
  const s = normaliseCell(v).trim();
  if (s === '') return null;
  return /^\d+$/.test(s) ? Number(s) : s;
};

/** The uploaded sheet as the rows of the editable table, each with its problems (nothing is written). */
export async function previewSheet(actor: Actor, file: XlsxSource): Promise<{ rows: SheetRow[]; hospitalOrgId: number | null; errorCount: number }> {
  const { rows } = await readSheetRows(file, BATCH_DELIVERY_MAX_LINES + 1);
  const at = headerMap(rows[0] ?? []);
  const cell = (r: unknown[], f: BatchDeliveryField) => (at.has(f) ? r[at.get(f)!] : null);
  const formatRow = normaliseCell(cell(rows[1] ?? [], 'line')) === BATCH_DELIVERY_SHEET_COLUMNS[0]!.format;
  const data = rows
    .map((r, i) => ({ r, rowNo: i + 1 }))
    .slice(formatRow ? 2 : 1)
    .filter(({ r }) => r.some((v, ci) => normaliseCell(v).trim() !== '' && [...at.values()].includes(ci) && ci !== at.get('line')));
  if (data.length === 0) throw bad('配送单中没有填写配送数量的订单明细', 'IMPORT_EMPTY');
  if (data.length > BATCH_DELIVERY_MAX_LINES) throw bad(`一次最多批量配送 ${BATCH_DELIVERY_MAX_LINES} 条订单明细`, 'IMPORT_TOO_MANY_ROWS');
  const refs = data.map(({ r }) => parseLineReference(cell(r, 'line')));
  const codes = [...new Set(refs.filter((x) => x).map((x) => x!.orderCode))];
  const found: RawRow[] = codes.length ? await deliverableLines(actor.orgId).whereIn('order_code', codes) : [];
  const byRef = new Map(found.map((l) => [lineReference(String(l.order_code), num(l.line_no)), l]));
  let hospital: number | null = null;
  const today = now();
  const out = data.map(({ r, rowNo }, i): SheetRow => {
    const ref = refs[i];
    const l = ref ? byRef.get(lineReference(ref.orderCode, ref.lineNo)) : undefined;
    const row: SheetRow = {
      row: rowNo,
      lineRef: normaliseCell(cell(r, 'line')).trim(),
      line: l ? String(l.document_id) : null,
      productName: l ? String(l.product_name ?? '') : null,
      hospitalOrgId: l ? num(l.hospital_org_id) : null,
      remaining: l ? remainingQuantity(num(l.quantity), num(l.delivered_qty)) : null,
      mode: l ? ((l.delivery_mode as DeliveryMode | null) ?? 'standard') : null,
      quantity: quantityOf(cell(r, 'quantity')),
      batchNo: normaliseCell(cell(r, 'batchNo')).trim(),
      productionDate: sheetDay(cell(r, 'productionDate')),
      expiryDate: sheetDay(cell(r, 'expiryDate')),
      invoiceCode: normaliseCell(cell(r, 'invoiceCode')).trim(),
      invoiceNo: normaliseCell(cell(r, 'invoiceNo')).trim(),
      errors: [],
    };
    const check = (fn: () => void) => {
      try {
        fn();
      } catch (e) {
        if (!isDomainError(e)) throw e;
        row.errors.push({ field: e.field ?? 'line', code: e.code, message: e.message });
      }
    };
    check(() => {
      if (!l)
        throw new DomainError('LINE_NOT_FOUND', `未找到可配送的订单明细“${row.lineRef}”（须为本企业已确认或配送中的订单明细）`, { status: 404, field: 'line' });
      hospital ??= row.hospitalOrgId;
      if (row.hospitalOrgId !== hospital)
        throw new DomainError('BATCH_OTHER_HOSPITAL', '批量配送只能选择同一医疗机构的订单明细', { status: 400, field: 'line' });
    });
    check(() => void prepareDelivery(row, today));
    if (l) {
      check(() => {
        checkDelivery({
          status: String(l.status),
          mode: (l.delivery_mode as DeliveryMode | null) ?? null,
          ordered: num(l.quantity),
          delivered: num(l.delivered_qty),
          deliveries: num(l.delivery_count),
          requestedMode: row.mode,
          quantity: row.quantity,
        });
      });
    }
    return row;
  });
  return { rows: out, hospitalOrgId: hospital, errorCount: out.reduce((s, r) => s + r.errors.length, 0) };
}

export default () => ({ templateWorkbook, previewSheet });

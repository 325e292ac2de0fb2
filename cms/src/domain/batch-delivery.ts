/**
 * 批量配送: several confirmed lines of one hospital delivered in one all-or-nothing request, each line
 * under the rules of a single delivery (checkDelivery, checkBatchNo, checkBatchDates, checkInvoice).
 * Here: the size bound, the fields and their labels, the delivery sheet's columns, and the one refusal
 * that names every refused line and field.
 */
import { DomainError } from './errors';
import { normaliseCell } from './text';

/** At most this many lines in one 批量配送 request or delivery sheet. */
export const BATCH_DELIVERY_MAX_LINES = 500;

export const BATCH_DELIVERY_FIELDS = ['line', 'mode', 'quantity', 'batchNo', 'productionDate', 'expiryDate', 'invoiceCode', 'invoiceNo'] as const;
export type BatchDeliveryField = (typeof BATCH_DELIVERY_FIELDS)[number];

export const BATCH_DELIVERY_FIELD_LABELS: { readonly [F in BatchDeliveryField]: { zh: string; en: string } } = {
  line: { zh: '订单明细', en: 'Order line' },
  mode: { zh: '配送方式', en: 'Delivery mode' },
  quantity: { zh: '配送数量', en: 'Quantity' },
  batchNo: { zh: '生产批号', en: 'Batch no.' },
  productionDate: { zh: '生产日期', en: 'Production date' },
  expiryDate: { zh: '有效期', en: 'Expiry date' },
  invoiceCode: { zh: '发票代码', en: 'Invoice code' },
  invoiceNo: { zh: '发票号', en: 'Invoice no.' },
};

/** The label of a refused field ('' for a refusal of the whole line). */
export function batchFieldLabel(field: string | undefined): string {
  return field && field in BATCH_DELIVERY_FIELD_LABELS ? BATCH_DELIVERY_FIELD_LABELS[field as BatchDeliveryField].zh : '';
}

/** Columns of the delivery sheet (配送单): `field` null = shown for reference, not read back. */
export const BATCH_DELIVERY_SHEET_COLUMNS: ReadonlyArray<{ field: BatchDeliveryField | null; header: string; format: string; width: number }> = [
  { field: 'line', header: '订单明细', format: '必填；订单编号-序号（如 DD20261201000001-1），请勿修改', width: 28 },
  { field: null, header: '产品名称', format: '参考，不读取', width: 28 },
  { field: null, header: '可配送数量', format: '参考，不读取', width: 12 },
  { field: 'quantity', header: '配送数量', format: '必填；大于等于1的整数，不超过可配送数量', width: 12 },
  { field: 'batchNo', header: '生产批号', format: '必填；最多50个字符', width: 18 },
  { field: 'productionDate', header: '生产日期', format: '必填；YYYY-MM-DD，不晚于今天', width: 14 },
  { field: 'expiryDate', header: '有效期', format: '必填；YYYY-MM-DD，晚于生产日期且未过期', width: 14 },
  { field: 'invoiceCode', header: '发票代码', format: '8位发票号码须填写10位或12位发票代码；全电发票不填', width: 16 },
  { field: 'invoiceNo', header: '发票号', format: '选填（可稍后补填）；20位全电发票号码或8位发票号码', width: 24 },
];

/** The reference a person reads for a line: 订单编号-序号. */
export function lineReference(orderCode: string, lineNo: number): string {
  return `${orderCode}-${lineNo}`;
}

/** 订单编号-序号 → its parts, or null when it is not one. */
export function parseLineReference(v: unknown): { orderCode: string; lineNo: number } | null {
  const s = normaliseCell(v).trim();
  const m = /^(.+)-(\d{1,6})$/.exec(s);
  if (!m) return null;
  return { orderCode: m[1]!, lineNo: Number(m[2]) };
}

const pad = (n: number) => String(n).padStart(2, '0');

/** A sheet's date cell as 'YYYY-MM-DD' where it plainly is one (a date cell, 2026/1/2, 2026-01-02); other text as typed. */
export function sheetDay(v: unknown): string {
  if (v instanceof Date) {
    if (Number.isNaN(v.getTime())) return '';
    // SheetJS builds date cells at local midnight; a second of rounding can land just before it.
    const d = new Date(v.getTime() + 30_000);
    return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
  }
  const s = normaliseCell(v).trim();
  const m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(s);
  return m ? `${m[1]}-${pad(Number(m[2]))}-${pad(Number(m[3]))}` : s;
}

/** One refused line of a 批量配送: its index in the request, its line, the field, the code and the reason. */
export interface BatchLineRefusal {
  index: number;
  line: string | null;
  field: string | null;
  code: string;
  message: string;
  status: number;
}

/** The refusal of a line from the DomainError a single delivery would have answered. */
export function lineRefusal(index: number, line: string | null, e: DomainError): BatchLineRefusal {
  const field = e.field ?? (e.status === 404 || e.code === 'NOT_OWNER' ? 'line' : null);
  return { index, line, field, code: e.code, message: e.message, status: e.status };
}

/**
 * The one answer to a refused 批量配送 (nothing is delivered): BATCH_DELIVERY_REFUSED with the status of
 * the first refusal, its line and field as `field` (`lines.<index>.<field>`), every refusal in details.
 */
export function batchRefusal(refusals: BatchLineRefusal[]): DomainError {
  const first = refusals[0]!;
  const label = batchFieldLabel(first.field ?? undefined);
  const more = refusals.length > 1 ? `（共${refusals.length}处问题）` : '';
  return new DomainError('BATCH_DELIVERY_REFUSED', `第${first.index + 1}行${label ? `“${label}”` : ''}：${first.message}${more}，本次批量配送未执行`, {
    status: first.status,
    field: `lines.${first.index}${first.field ? `.${first.field}` : ''}`,
    details: { lines: refusals },
  });
}

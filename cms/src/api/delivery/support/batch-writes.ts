/**
 * The set-based writes of 批量配送, inside its transaction: per chunk of lines one conditional UPDATE over a
 * VALUES list (the single delivery's WHERE, line by line: deliverable status, `delivered_qty + q <=
 * quantity`, the mode unlocked or equal, a standard delivery only as the first), one read of the lines
 * after it, one read of their last delivery numbers, multi-row inserts of the deliveries and of the
 * history. The same SQL on SQLite (≥ 3.35: UPDATE … FROM, RETURNING) and PostgreSQL; on PostgreSQL
 * the row lock makes a concurrent UPDATE re-check each line's WHERE on the committed row, so no line
 * is ever over-delivered.
 */
import { createId } from '@paralleldrive/cuid2';
import type { Knex } from 'knex';
import { DELIVERABLE_LINE_STATUSES, DELIVERY_STATUS, initialInvoiceStatus, LINE_STATUS, type DeliveryMode } from '../../../domain';
import type { RawRow } from '../../../db/order-rows';
import type { PreparedDelivery } from '../services/deliveries';

/** Lines per statement: 250 × 5 bound values in the UPDATE, 250 × 17 in an insert (far below SQLite's and PostgreSQL's limits). */
export const BATCH_CHUNK = 250;

export interface PlannedLine {
  /** The line as read inside the transaction. */
  row: RawRow;
  prepared: PreparedDelivery;
  mode: DeliveryMode;
  qty: number;
  /** The line's status after a standard delivery; null for 分批次配送 (decided on the row: 配送中 or 已配送). */
  fixedStatus: string | null;
}

const chunks = <T>(xs: T[], n = BATCH_CHUNK): T[][] => Array.from({ length: Math.ceil(xs.length / n) }, (_, i) => xs.slice(i * n, (i + 1) * n));
const rowsOf = (res: unknown): Array<Record<string, unknown>> => (Array.isArray(res) ? res : ((res as { rows?: Array<Record<string, unknown>> }).rows ?? []));

/**
 * The quantity guard of every planned line, one conditional UPDATE per chunk; the ids of the lines it
 * changed (a line missing was changed by someone else since it was read: the caller answers why).
 */
export async function applyQuantities(trx: Knex.Transaction, lines: PlannedLine[], at: Date): Promise<Set<number>> {
  const done = new Set<number>();
  for (const part of chunks(lines)) {
    const values = part.map(() => '(CAST(? AS INTEGER), CAST(? AS INTEGER), CAST(? AS VARCHAR(255)), CAST(? AS INTEGER), CAST(? AS VARCHAR(255)))').join(', ');
    const bindings: unknown[] = part.flatMap((l) => [Number(l.row.id), l.qty, l.mode, l.fixedStatus === null ? 0 : 1, l.fixedStatus]);
    const statuses = DELIVERABLE_LINE_STATUSES.map(() => '?').join(', ');
    const sql =
      `WITH v(line_id, qty, mode, std, fixed_status) AS (VALUES ${values}) ` +
      'UPDATE order_lines SET delivered_qty = order_lines.delivered_qty + v.qty, delivery_count = order_lines.delivery_count + 1, ' +
      'delivery_mode = v.mode, ' +
      'status = COALESCE(v.fixed_status, CASE WHEN order_lines.delivered_qty + v.qty >= order_lines.quantity THEN ? ELSE ? END), updated_at = ? ' +
      `FROM v WHERE order_lines.id = v.line_id AND order_lines.status IN (${statuses}) ` +
      'AND order_lines.delivered_qty + v.qty <= order_lines.quantity ' +
      'AND (order_lines.delivery_mode IS NULL OR order_lines.delivery_mode = v.mode) ' +
      'AND (v.std = 0 OR order_lines.delivery_count = 0) RETURNING id';
    const res = await trx.raw(sql, [...bindings, LINE_STATUS.delivered, LINE_STATUS.delivering, at, ...DELIVERABLE_LINE_STATUSES]);
    for (const r of rowsOf(res)) done.add(Number(r.id));
  }
  return done;
}

/** The lines by id, as they are now (one query per chunk). */
export async function readLinesById(trx: Knex.Transaction, ids: number[]): Promise<Map<number, RawRow>> {
  const out = new Map<number, RawRow>();
  for (const part of chunks(ids, 500)) {
    const rows: RawRow[] = await trx('order_lines').whereIn('id', part);
    for (const r of rows) out.set(Number(r.id), r);
  }
  return out;
}

/** The next delivery number 第n批 of each line: after the highest one recorded (withdrawn deliveries keep theirs). */
async function nextSeqs(trx: Knex.Transaction, lineIds: number[]): Promise<Map<number, number>> {
  const out = new Map<number, number>();
  for (const part of chunks(lineIds, 500)) {
    const rows: Array<{ l: unknown; m: unknown }> = await trx('deliveries')
      .whereIn('order_line_id', part)
      .groupBy('order_line_id')
      .select({ l: 'order_line_id' })
      .max({ m: 'seq' });
    for (const r of rows) out.set(Number(r.l), Number(r.m ?? 0));
  }
  return new Map(lineIds.map((id) => [id, (out.get(id) ?? 0) + 1]));
}

export interface InsertedDelivery {
  id: number;
  documentId: string;
  seq: number;
  invoiceStatus: string;
}

/** The deliveries of the planned lines, in their order: multi-row inserts, then one read of their ids. */
export async function insertDeliveries(trx: Knex.Transaction, lines: PlannedLine[], at: Date): Promise<InsertedDelivery[]> {
  const seqs = await nextSeqs(
    trx,
    lines.map((l) => Number(l.row.id)),
  );
  const rows = lines.map(({ row: r, prepared: p, qty }) => ({
    document_id: createId(),
    order_line_id: Number(r.id),
    distributor_org_id: r.distributor_org_id,
    hospital_org_id: r.hospital_org_id,
    manufacturer_org_id: r.manufacturer_org_id ?? null,
    province_code: r.province_code,
    seq: seqs.get(Number(r.id))!,
    quantity: qty,
    batch_no: p.batchNo,
    production_date: p.productionDate,
    expiry_date: p.expiryDate,
    invoice_code: p.invoice?.code ?? null,
    invoice_no: p.invoice?.number ?? null,
    status: DELIVERY_STATUS.shipped,
    invoice_status: initialInvoiceStatus(p.invoice !== null),
    delivered_at: at,
    created_at: at,
    updated_at: at,
    published_at: at,
  }));
  const ids = new Map<string, number>();
  for (const part of chunks(rows)) {
    await trx('deliveries').insert(part);
    const got: Array<{ id: unknown; document_id: unknown }> = await trx('deliveries')
      .whereIn(
        'document_id',
        part.map((r) => r.document_id),
      )
      .select('id', 'document_id');
    for (const g of got) ids.set(String(g.document_id), Number(g.id));
  }
  return rows.map((r) => ({ id: ids.get(r.document_id)!, documentId: r.document_id, seq: r.seq, invoiceStatus: r.invoice_status }));
}

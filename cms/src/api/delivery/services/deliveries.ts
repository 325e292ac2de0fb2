/**
 * Deliveries 配送记录 (DOMAIN.md §6): 配送 on a line, 撤回, 收货, and the delivery lists.
 *
 * Every quantity change is one conditional UPDATE inside the action's transaction
 * (`… SET delivered_qty = delivered_qty + q WHERE id = ? AND delivered_qty + q <= quantity AND status IN (…)`),
 * whose affected-row count decides: correct under concurrent requests on SQLite (one writer) and on
 * PostgreSQL (the row lock makes the second UPDATE re-check its WHERE on the committed row).
 * The domain functions are run first on the row as read, for the precise Chinese message; when the
 * conditional UPDATE then matches nothing, the row is read again and the same check answers why.
 */
import type { Knex } from 'knex';
import {
  assertCanWithdrawDelivery,
  checkBatchDates,
  checkBatchNo,
  checkDelivery,
  checkInvoice,
  DELIVERABLE_LINE_STATUSES,
  DELIVERY_MODE_LABELS,
  DELIVERY_STATUS,
  deliveryDelta,
  deliveryMachine,
  DomainError,
  initialInvoiceStatus,
  LINE_STATUS,
  modeAfterWithdraw,
  receiptDelta,
  RECEIVABLE_DELIVERY_STATUSES,
  REWORK_INVOICE_STATUSES,
  statusAfterWithdraw,
  WITHDRAWABLE_DELIVERY_STATUSES,
  type DeliveryMode,
  type DeliveryRow,
  type DeliveryStatus,
  type InvoiceStatus,
  type Page,
} from '../../../domain';
import { assertOwner, scopeAttributes, type Actor } from '../../../scope';
import { now } from '../../../utils/clock';
import { whereContains } from '../../../utils/search';
import { DELIVERY_LINE_COLUMNS, deliveryOut, lineOut, type RawRow } from '../../../db/order-rows';
import { bumpLineStats } from '../../../db/line-stats';
import { cappedPage, orderTx, ownRowsColumn, readDelivery, readLine, readLineById } from '../../../db/order-tables';

const LINE = 'api::order-line.order-line';
const DELIVERY = 'api::delivery.delivery';

export interface DeliveryFilters {
  rework?: boolean;
  status?: DeliveryStatus[];
  invoiceStatus?: InvoiceStatus[];
  lineDocumentId?: string;
  q?: string;
}

const num = (v: unknown): number => (v === null || v === undefined ? 0 : Number(v));
const conflict = (message: string) => new DomainError('CONFLICT', message, { status: 409 });
const history = (actor: Actor, changes: unknown[]) => strapi.service('api::state-history.state-history').record(actor, changes);
const knex = () => strapi.db.connection as Knex;

/** The delivery, if it is the actor's organisation's to act on as `side`: 404 when unreadable, 403 NOT_OWNER otherwise. */
export async function ownDelivery(actor: Actor, documentId: string, side: 'distributor' | 'hospital', trx?: Knex.Transaction): Promise<RawRow> {
  const d = await readDelivery(documentId, trx);
  assertOwner(actor, DELIVERY, d, side === 'distributor' ? 'distributorOrgId' : 'hospitalOrgId', {
    columns: true,
    readAttrs: scopeAttributes(DELIVERY),
    message: side === 'distributor' ? '仅配送企业可执行此操作' : '仅收货医疗机构可执行此操作',
  });
  return d;
}

export const lineQuantities = (l: RawRow) => ({
  status: String(l.status),
  mode: (l.delivery_mode ?? null) as DeliveryMode | null,
  ordered: num(l.quantity),
  delivered: num(l.delivered_qty),
  deliveries: num(l.delivery_count),
});

export interface DeliveryInput {
  mode?: unknown;
  quantity?: unknown;
  batchNo?: unknown;
  productionDate?: string | null;
  expiryDate?: string | null;
  invoiceCode?: string | number | null;
  invoiceNo?: string | number | null;
}

/** A delivery's values, checked without the database (PreparedDelivery); a DomainError names the field. */
export function prepareDelivery(input: DeliveryInput, at: Date): PreparedDelivery {
  const batchNo = checkBatchNo(input.batchNo);
  const { productionDate, expiryDate } = checkBatchDates({ productionDate: input.productionDate, expiryDate: input.expiryDate, today: at });
  const hasInvoice = String(input.invoiceNo ?? '').trim() !== '' || String(input.invoiceCode ?? '').trim() !== '';
  const invoice = hasInvoice ? checkInvoice({ code: input.invoiceCode, number: input.invoiceNo }) : null;
  return {
    mode: input.mode,
    quantity: input.quantity,
    batchNo,
    productionDate,
    expiryDate,
    invoice: invoice && { code: invoice.code, number: invoice.number },
  };
}

export interface PreparedDelivery {
  /** The requested mode; undefined = the line's locked mode, else standard (批量配送 only; 配送 always names it). */
  mode: unknown;
  quantity: unknown;
  batchNo: string;
  productionDate: string;
  expiryDate: string;
  invoice: { code: string | null; number: string } | null;
}

/**
 * 配送 / 继续配送 of one line inside the caller's transaction `trx`: the ownership check, the domain's
 * quantity rules and the conditional UPDATE, the delivery row and the history. The one path of the
 * single delivery and of 批量配送 (which passes `historyOut` to write the history of all its lines at once).
 */
export async function deliverLine(actor: Actor, documentId: string, p: PreparedDelivery, trx: Knex.Transaction, at: Date, historyOut?: unknown[]) {
  const r = await readLine(documentId, trx);
  assertOwner(actor, LINE, r, 'distributorOrgId', { columns: true, readAttrs: scopeAttributes(LINE), message: '仅该订单的配送企业可执行此操作' });
  const quantity = p.quantity;
  const requestedMode = p.mode === undefined ? ((r.delivery_mode as string | null) ?? 'standard') : String(p.mode ?? '');
  const res = checkDelivery({ ...lineQuantities(r), requestedMode, quantity });
  const mode = res.mode;
  const qty = quantity as number;
  const k = knex();
  let upd = k('order_lines')
    .transacting(trx)
    .where('id', r.id as number)
    .whereIn('status', DELIVERABLE_LINE_STATUSES)
    .whereRaw('delivered_qty + ? <= quantity', [qty])
    .where((w) => w.whereNull('delivery_mode').orWhere('delivery_mode', mode));
  if (mode === 'standard') upd = upd.where('delivery_count', 0);
  const n = await upd.update({
    delivered_qty: k.raw('delivered_qty + ?', [qty]),
    delivery_count: k.raw('delivery_count + 1'),
    delivery_mode: mode,
    status:
      mode === 'standard'
        ? res.newStatus
        : k.raw('CASE WHEN delivered_qty + ? >= quantity THEN ? ELSE ? END', [qty, LINE_STATUS.delivered, LINE_STATUS.delivering]),
    updated_at: at,
  });
  const after = (await readLineById(num(r.id), trx))!;
  if (n !== 1) {
    // Someone else changed the line between our read and our update: answer why, from the row as it is now.
    checkDelivery({ ...lineQuantities(after), requestedMode: mode, quantity });
    throw conflict('订单明细已被其他操作修改，请刷新后重试');
  }
  await bumpLineStats(trx, r, deliveryDelta(qty, num(r.unit_price_fen), 1));
  const seqRow: { m?: unknown } | undefined = await k('deliveries')
    .transacting(trx)
    .where('order_line_id', r.id as number)
    .max({ m: 'seq' })
    .first();
  const seq = num(seqRow?.m) + 1;
  const d = await strapi.db.query(DELIVERY).create({
    data: {
      orderLineId: r.id,
      distributorOrgId: r.distributor_org_id,
      hospitalOrgId: r.hospital_org_id,
      manufacturerOrgId: r.manufacturer_org_id ?? null,
      provinceCode: r.province_code,
      seq,
      quantity: qty,
      batchNo: p.batchNo,
      productionDate: p.productionDate,
      expiryDate: p.expiryDate,
      invoiceCode: p.invoice?.code ?? null,
      invoiceNo: p.invoice?.number ?? null,
      status: DELIVERY_STATUS.shipped,
      invoiceStatus: initialInvoiceStatus(p.invoice !== null),
      deliveredAt: at,
    },
  });
  const changes = [
    { entity: 'delivery', entityId: d.id, action: 'deliver', from: null, to: DELIVERY_STATUS.shipped },
    {
      entity: 'order-line',
      entityId: r.id,
      action: 'deliver',
      from: r.status,
      to: after.status,
      reason: `${DELIVERY_MODE_LABELS[mode].zh} 第${seq}批 数量${qty}`,
    },
  ];
  // 批量配送 collects the history of its lines and writes it once.
  if (historyOut) historyOut.push(...changes);
  else await history(actor, changes);
  return { line: lineOut(after, actor), delivery: { documentId: d.documentId, seq: d.seq, quantity: qty, invoiceStatus: d.invoiceStatus } };
}

export default () => ({
  /** 配送 / 继续配送 on a confirmed or delivering line. */
  async deliver(actor: Actor, documentId: string, input: DeliveryInput) {
    const at = now();
    const prepared = prepareDelivery({ ...input, mode: input.mode ?? '' }, at);
    return orderTx(async (trx) => ({ data: await deliverLine(actor, documentId, prepared, trx, at) }));
  },

  /** 撤回: a shipped delivery whose invoice is missing or failed; its quantity can be delivered again. */
  async withdrawDelivery(actor: Actor, documentId: string) {
    const at = now();
    return orderTx(async (trx) => {
      const d = await ownDelivery(actor, documentId, 'distributor', trx);
      assertCanWithdrawDelivery(String(d.status), d.invoice_status as string | null);
      const to = deliveryMachine.next('withdraw', String(d.status), { role: actor.role });
      const k = knex();
      const n = await k('deliveries')
        .transacting(trx)
        .where('id', d.id as number)
        .whereIn('status', WITHDRAWABLE_DELIVERY_STATUSES)
        .whereIn('invoice_status', REWORK_INVOICE_STATUSES)
        .update({ status: to, updated_at: at });
      if (n !== 1) throw conflict('配送记录状态已变化（可能已被收货），请刷新后重试');
      const q = num(d.quantity);
      const m = await k('order_lines')
        .transacting(trx)
        .where('id', d.order_line_id as number)
        .where('delivered_qty', '>=', q)
        .update({
          delivered_qty: k.raw('delivered_qty - ?', [q]),
          delivery_count: k.raw('CASE WHEN delivery_count > 0 THEN delivery_count - 1 ELSE 0 END'),
          updated_at: at,
        });
      if (m !== 1) throw conflict('订单明细数量数据异常，请刷新后重试');
      const line = (await readLineById(num(d.order_line_id), trx))!;
      await bumpLineStats(trx, line, deliveryDelta(q, num(line.unit_price_fen), -1));
      const qs = lineQuantities(line);
      const status = statusAfterWithdraw({ mode: qs.mode, ordered: qs.ordered, delivered: qs.delivered, status: qs.status });
      const mode = modeAfterWithdraw({ mode: qs.mode, delivered: qs.delivered });
      await k('order_lines')
        .transacting(trx)
        .where('id', line.id as number)
        .update({ status, delivery_mode: mode });
      await history(actor, [
        { entity: 'delivery', entityId: d.id, action: 'withdraw', from: d.status, to },
        { entity: 'order-line', entityId: line.id, action: 'withdraw', from: line.status, to: status, reason: `撤回第${num(d.seq)}批 ${q}` },
      ]);
      return { data: lineOut({ ...line, status, delivery_mode: mode }, actor) };
    });
  },

  /** 收货 of a shipped delivery. */
  async receive(actor: Actor, documentId: string) {
    const at = now();
    return orderTx(async (trx) => {
      const d = await ownDelivery(actor, documentId, 'hospital', trx);
      const to = deliveryMachine.next('receive', String(d.status), { role: actor.role });
      const k = knex();
      const n = await k('deliveries')
        .transacting(trx)
        .where('id', d.id as number)
        .whereIn('status', RECEIVABLE_DELIVERY_STATUSES)
        .update({ status: to, received_at: at, updated_at: at });
      if (n !== 1) throw conflict('配送记录状态已变化（可能已被撤回），请刷新后重试');
      const q = num(d.quantity);
      const m = await k('order_lines')
        .transacting(trx)
        .where('id', d.order_line_id as number)
        .whereRaw('received_qty + ? <= delivered_qty', [q])
        .update({ received_qty: k.raw('received_qty + ?', [q]), updated_at: at });
      if (m !== 1) throw conflict('收货数量超出已配送数量');
      await bumpLineStats(trx, (await readLineById(num(d.order_line_id), trx))!, receiptDelta(q));
      await history(actor, [
        { entity: 'delivery', entityId: d.id, action: 'receive', from: d.status, to },
        { entity: 'order-line', entityId: num(d.order_line_id), action: 'receive', from: null, to: null, reason: `第${num(d.seq)}批收货 ${q}` },
      ]);
      return { data: { documentId: d.document_id, status: to } };
    });
  },

  /** Deliveries of the caller's scope: `rework` = the 撤回修改 list (invoice missing or failed, not withdrawn). */
  async searchDeliveries(actor: Actor, f: DeliveryFilters, page: number, pageSize: number): Promise<Page<DeliveryRow>> {
    const k = knex();
    const build = () => {
      let qb = k('deliveries as d').join('order_lines as l', 'l.id', 'd.order_line_id');
      const own = ownRowsColumn(actor, 'delivery');
      if (own) qb = qb.where(`d.${own[0]}`, own[1]);
      if (f.rework) qb = qb.whereIn('d.invoice_status', REWORK_INVOICE_STATUSES).whereNot('d.status', DELIVERY_STATUS.withdrawn);
      if (f.status?.length) qb = qb.whereIn('d.status', f.status);
      if (f.invoiceStatus?.length) qb = qb.whereIn('d.invoice_status', f.invoiceStatus);
      if (f.lineDocumentId) qb = qb.where('l.document_id', f.lineDocumentId);
      return whereContains(qb, ['l.product_name', 'l.order_code', 'd.batch_no', 'd.invoice_no'], f.q);
    };
    return cappedPage(build, 'd', DELIVERY_LINE_COLUMNS, page, pageSize, (r, names) => deliveryOut(r, actor, { withLine: true, names }));
  },
});

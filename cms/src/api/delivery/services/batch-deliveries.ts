/**
 * 批量配送: several confirmed lines of one hospital delivered in one transaction, all or nothing.
 * Each line passes the single delivery's checks (prepareDelivery, then the domain's checkDelivery on the
 * line as read in the transaction) and the single delivery's conditional UPDATE, written set-based
 * (support/batch-writes.ts: one UPDATE … FROM (VALUES …) per 250 lines, multi-row inserts of the
 * deliveries and the history), so the quantity rules and the concurrency guarantee are the same.
 * Refusals are collected line by line (the field checks and the ownership first, without writing; then
 * the quantities, rolled back together when one is refused) and answered as one BATCH_DELIVERY_REFUSED.
 */
import type { Knex } from 'knex';
import {
  batchRefusal,
  checkDelivery,
  DELIVERABLE_LINE_STATUSES,
  deliveryDelta,
  DELIVERY_MODE_LABELS,
  DELIVERY_STATUS,
  DomainError,
  isDomainError,
  lineRefusal,
  pageOf,
  type BatchLineRefusal,
  type Page,
} from '../../../domain';
import { assertOwner, scopeAttributes, type Actor } from '../../../scope';
import { now } from '../../../utils/clock';
import type { RawRow } from '../../../db/order-rows';
import { orderTx } from '../../../db/order-tables';
import { bumpLineStats } from '../../../db/line-stats';
import { whereContains } from '../../../utils/search';
import { lineOut } from '../../../db/order-rows';
import type historyService from '../../state-history/services/state-history';
import { applyQuantities, insertDeliveries, readLinesById, type PlannedLine } from '../support/batch-writes';
import { lineQuantities, prepareDelivery, type DeliveryInput, type PreparedDelivery } from './deliveries';

const history = () => strapi.service('api::state-history.state-history') as unknown as ReturnType<typeof historyService>;

const LINE = 'api::order-line.order-line';

export interface BatchLineInput extends DeliveryInput {
  /** The line's documentId. */
  line: string;
}

/** A hospital the distributor has lines to deliver to. */
export interface HospitalOption {
  hospitalOrgId: number;
  hospitalName: string;
  /** Its order lines 企业已确认 or 配送中. */
  lines: number;
}

export interface BatchDeliveryInput {
  /** The one hospital (organisation id) every line must belong to; the first line's when absent. */
  hospitalOrgId?: number;
  lines: BatchLineInput[];
}

/** Runs `fn`; a DomainError becomes the line's refusal, anything else is thrown on. */
function collect(refusals: BatchLineRefusal[], index: number, line: string | null, fn: () => void) {
  try {
    fn();
  } catch (e) {
    if (!isDomainError(e)) throw e;
    refusals.push(lineRefusal(index, line, e));
  }
}

/** The lines' rows by documentId, read in one query (on `trx` when given). */
async function readLines(ids: string[], trx?: Knex.Transaction): Promise<Map<string, RawRow>> {
  const q = strapi.db.connection('order_lines').whereIn('document_id', [...new Set(ids)]);
  const rows: RawRow[] = ids.length ? await (trx ? q.transacting(trx) : q) : [];
  return new Map(rows.map((r) => [String(r.document_id), r]));
}

/** The single delivery's checks on one line as read (ownership, status, mode, quantity): what to write. */
function planLine(actor: Actor, r: RawRow | undefined, p: PreparedDelivery): PlannedLine {
  assertOwner(actor, LINE, r, 'distributorOrgId', { columns: true, readAttrs: scopeAttributes(LINE), message: '仅该订单的配送企业可执行此操作' });
  const requestedMode = p.mode === undefined ? ((r.delivery_mode as string | null) ?? 'standard') : String(p.mode ?? '');
  const res = checkDelivery({ ...lineQuantities(r), requestedMode, quantity: p.quantity });
  const qty = p.quantity as number;
  return { row: r, prepared: p, mode: res.mode, qty, fixedStatus: res.mode === 'standard' ? res.newStatus : null };
}

/** The field checks, ownership and the one-hospital rule of every line, without writing; the prepared values. */
async function checkLines(actor: Actor, input: BatchDeliveryInput, at: Date) {
  const refusals: BatchLineRefusal[] = [];
  const rows = await readLines(input.lines.map((l) => l.line));
  const seen = new Set<string>();
  let hospital = input.hospitalOrgId;
  const prepared: PreparedDelivery[] = [];
  input.lines.forEach((l, i) => {
    collect(refusals, i, l.line, () => {
      if (seen.has(l.line)) throw new DomainError('BATCH_LINE_DUPLICATE', '同一订单明细在本次批量配送中重复出现', { status: 400, field: 'line' });
      seen.add(l.line);
      const r = rows.get(l.line);
      assertOwner(actor, LINE, r, 'distributorOrgId', { columns: true, readAttrs: scopeAttributes(LINE), message: '仅该订单的配送企业可执行此操作' });
      hospital ??= Number(r.hospital_org_id);
      if (Number(r.hospital_org_id) !== hospital) {
        throw new DomainError('BATCH_OTHER_HOSPITAL', '批量配送只能选择同一医疗机构的订单明细', { status: 400, field: 'line' });
      }
    });
    collect(refusals, i, l.line, () => {
      prepared[i] = prepareDelivery(l, at);
    });
  });
  return { refusals, prepared, hospitalOrgId: hospital ?? null };
}

export default () => ({
  /**
   * The hospitals with lines the distributor may deliver (企业已确认 / 配送中), each with the number of
   * lines: searched by name on the server, paged, no cap; `hospitalOrgId` asks for one.
   */
  async hospitals(actor: Actor, q: { q?: string; hospitalOrgId?: number }, page: number, pageSize: number): Promise<Page<HospitalOption>> {
    const k = strapi.db.connection as unknown as Knex;
    let qb = k('order_lines as l')
      .join('organisations as o', 'o.id', 'l.hospital_org_id')
      .where('l.distributor_org_id', actor.orgId)
      .whereIn('l.status', DELIVERABLE_LINE_STATUSES);
    if (q.hospitalOrgId) qb = qb.where('l.hospital_org_id', q.hospitalOrgId);
    qb = whereContains(qb, ['o.name'], q.q);
    const [{ total }] = await qb.clone().countDistinct({ total: 'l.hospital_org_id' });
    const rows: Array<{ h: unknown; name: unknown; n?: unknown }> = await qb
      .clone()
      .groupBy('l.hospital_org_id', 'o.name')
      .select({ h: 'l.hospital_org_id', name: 'o.name' })
      .count({ n: '*' })
      .orderBy('o.name', 'asc')
      .orderBy('l.hospital_org_id', 'asc')
      .limit(pageSize)
      .offset((page - 1) * pageSize);
    const data = rows.map((r) => ({ hospitalOrgId: Number(r.h), hospitalName: String(r.name ?? ''), lines: Number(r.n) }));
    return pageOf(data, Number(total), page, pageSize);
  },

  /** 批量配送: every line delivered, or none (BATCH_DELIVERY_REFUSED naming each refused line and field). */
  async deliverBatch(actor: Actor, input: BatchDeliveryInput) {
    const at = now();
    const { refusals, prepared, hospitalOrgId } = await checkLines(actor, input, at);
    if (refusals.length) throw batchRefusal(refusals);
    const results = await orderTx(async (trx) => {
      // The lines as they are inside the transaction, then the single delivery's domain checks line by line.
      const rows = await readLines(
        input.lines.map((l) => l.line),
        trx,
      );
      const planned: PlannedLine[] = [];
      input.lines.forEach((l, i) => {
        collect(refusals, i, l.line, () => {
          planned[i] = planLine(actor, rows.get(l.line), prepared[i]!);
        });
      });
      if (refusals.length) throw batchRefusal(refusals);
      // One conditional UPDATE per chunk; a line it left alone was changed meanwhile: the same check says why.
      const done = await applyQuantities(trx, planned, at);
      const after = await readLinesById(
        trx,
        planned.map((p) => Number(p.row.id)),
      );
      planned.forEach((p, i) => {
        if (done.has(Number(p.row.id))) return;
        collect(refusals, i, input.lines[i]!.line, () => {
          planLine(actor, after.get(Number(p.row.id)), p.prepared);
          throw new DomainError('CONFLICT', '订单明细已被其他操作修改，请刷新后重试', { status: 409 });
        });
      });
      // One refused line rolls back every delivery of the batch.
      if (refusals.length) throw batchRefusal(refusals);
      const deliveries = await insertDeliveries(trx, planned, at);
      for (const p of planned) await bumpLineStats(trx, p.row, deliveryDelta(p.qty, Number(p.row.unit_price_fen), 1));
      const changes = planned.flatMap((p, i) => {
        const d = deliveries[i]!;
        const to = after.get(Number(p.row.id))!.status;
        return [
          { entity: 'delivery', entityId: d.id, action: 'deliver', from: null, to: DELIVERY_STATUS.shipped },
          {
            entity: 'order-line',
            entityId: Number(p.row.id),
            action: 'deliver',
            from: String(p.row.status),
            to: String(to),
            reason: `${DELIVERY_MODE_LABELS[p.mode].zh} 第${d.seq}批 数量${p.qty}`,
          },
        ];
      });
      await history().recordIn(trx, actor, changes);
      return planned.map((p, i) => {
        const d = deliveries[i]!;
        return {
          line: lineOut(after.get(Number(p.row.id))!, actor),
          delivery: { documentId: d.documentId, seq: d.seq, quantity: p.qty, invoiceStatus: d.invoiceStatus },
        };
      });
    });
    return {
      data: {
        hospitalOrgId,
        count: results.length,
        quantity: results.reduce((s, r) => s + r.delivery.quantity, 0),
        lines: results.map((r, index) => ({ index, line: r.line, delivery: r.delivery })),
      },
    };
  },
});

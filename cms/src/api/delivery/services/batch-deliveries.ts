/**
 * 批量配送: several confirmed lines of one hospital delivered in one transaction, all or nothing.
 * Each line goes through the single delivery's own path (prepareDelivery, then deliverLine with its
 * conditional UPDATE), so the quantity rules and the concurrency guarantee are the same. Refusals are
 * collected line by line (the field checks and the ownership first, without writing; then the
 * deliveries, rolled back together when one is refused) and answered as one BATCH_DELIVERY_REFUSED.
 */
import { batchRefusal, DELIVERABLE_LINE_STATUSES, DomainError, isDomainError, lineRefusal, type BatchLineRefusal } from '../../../domain';
import { assertOwner, scopeAttributes, type Actor } from '../../../scope';
import { now } from '../../../utils/clock';
import type { RawRow } from '../../../db/order-rows';
import { orderTx } from '../../../db/order-tables';
import { orgNames } from '../../../db/org-names';
import { deliverLine, prepareDelivery, type DeliveryInput, type PreparedDelivery } from './deliveries';

const LINE = 'api::order-line.order-line';

export interface BatchLineInput extends DeliveryInput {
  /** The line's documentId. */
  line: string;
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

/** The lines' rows by documentId, read in one query. */
async function readLines(ids: string[]): Promise<Map<string, RawRow>> {
  const rows: RawRow[] = ids.length ? await strapi.db.connection('order_lines').whereIn('document_id', ids) : [];
  return new Map(rows.map((r) => [String(r.document_id), r]));
}

/** The field checks, ownership and the one-hospital rule of every line, without writing; the prepared values. */
async function checkLines(actor: Actor, input: BatchDeliveryInput, at: Date) {
  const refusals: BatchLineRefusal[] = [];
  const rows = await readLines([...new Set(input.lines.map((l) => l.line))]);
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
  /** The hospitals with lines the distributor may deliver (企业已确认 / 配送中), each with the number of lines. */
  async hospitals(actor: Actor) {
    const rows: Array<{ h: unknown; n: unknown }> = await strapi.db
      .connection('order_lines')
      .where('distributor_org_id', actor.orgId)
      .whereIn('status', DELIVERABLE_LINE_STATUSES)
      .groupBy('hospital_org_id')
      .select({ h: 'hospital_org_id' })
      .count({ n: '*' });
    const names = await orgNames(rows.map((r) => Number(r.h)));
    return {
      data: rows
        .map((r) => ({ hospitalOrgId: Number(r.h), hospitalName: names.get(Number(r.h)) ?? '', lines: Number(r.n) }))
        .sort((a, b) => a.hospitalName.localeCompare(b.hospitalName, 'zh-CN')),
    };
  },

  /** 批量配送: every line delivered, or none (BATCH_DELIVERY_REFUSED naming each refused line and field). */
  async deliverBatch(actor: Actor, input: BatchDeliveryInput) {
    const at = now();
    const { refusals, prepared, hospitalOrgId } = await checkLines(actor, input, at);
    if (refusals.length) throw batchRefusal(refusals);
    const results = await orderTx(async (trx) => {
      const out: Array<Awaited<ReturnType<typeof deliverLine>>> = [];
      const changes: unknown[] = [];
      for (let i = 0; i < input.lines.length; i++) {
        const line = input.lines[i]!.line;
        try {
          out.push(await deliverLine(actor, line, prepared[i]!, trx, at, changes));
        } catch (e) {
          if (!isDomainError(e)) throw e;
          refusals.push(lineRefusal(i, line, e));
        }
      }
      // One refused line rolls back every delivery of the batch.
      if (refusals.length) throw batchRefusal(refusals);
      await strapi.service('api::state-history.state-history').record(actor, changes);
      return out;
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

/**
 * Returns 退货 (DOMAIN.md §6): the hospital asks to return part of what it received; the distributor
 * agrees (the quantity is recorded as returned) or refuses with a reason. Quantities change by
 * conditional UPDATEs (see api/delivery/services/deliveries.ts).
 */
import type { Knex } from 'knex';
import {
  ANSWERABLE_RETURN_STATUSES,
  checkReturnRequest,
  DomainError,
  normaliseReason,
  RETURN_STATUS,
  returnDelta,
  returnMachine,
  type Page,
  type ReturnRow,
  type ReturnStatus,
} from '../../../domain';
import { assertOwner, scopeAttributes, type Actor } from '../../../scope';
import { now } from '../../../utils/clock';
import { whereContains } from '../../../utils/search';
import { RETURN_LINE_COLUMNS, returnOut, type RawRow } from '../../../db/order-rows';
import { bumpLineStats } from '../../../db/line-stats';
import { cappedPage, orderTx, ownRowsColumn, readLine, readLineById, readReturn } from '../../../db/order-tables';

const LINE = 'api::order-line.order-line';
const RETURN = 'api::return-request.return-request';

const num = (v: unknown): number => (v === null || v === undefined ? 0 : Number(v));
const conflict = (message: string) => new DomainError('CONFLICT', message, { status: 409 });
const history = (actor: Actor, changes: unknown[]) => strapi.service('api::state-history.state-history').record(actor, changes);
const knex = () => strapi.db.connection as Knex;

const returnable = (l: RawRow) => ({ received: num(l.received_qty), returnedOrPending: num(l.returned_qty) + num(l.return_pending_qty) });

export default () => ({
  /** 退货: ask to return part of what was received. */
  async requestReturn(actor: Actor, documentId: string, input: { quantity?: unknown; reason?: string | null }) {
    const at = now();
    return orderTx(async (trx) => {
      const r = await readLine(documentId, trx);
      assertOwner(actor, LINE, r, 'hospitalOrgId', { columns: true, readAttrs: scopeAttributes(LINE), message: '仅下单医疗机构可执行此操作' });
      const checked = checkReturnRequest({ ...returnable(r), quantity: input.quantity, reason: input.reason });
      const k = knex();
      const n = await k('order_lines')
        .transacting(trx)
        .where('id', r.id as number)
        .whereRaw('returned_qty + return_pending_qty + ? <= received_qty', [checked.quantity])
        .update({ return_pending_qty: k.raw('return_pending_qty + ?', [checked.quantity]), updated_at: at });
      if (n !== 1) {
        const after = (await readLineById(num(r.id), trx))!;
        checkReturnRequest({ ...returnable(after), quantity: checked.quantity, reason: checked.reason });
        throw conflict('订单明细已被其他操作修改，请刷新后重试');
      }
      const rr = await strapi.db.query(RETURN).create({
        data: {
          orderLineId: r.id,
          hospitalOrgId: r.hospital_org_id,
          distributorOrgId: r.distributor_org_id,
          provinceCode: r.province_code,
          quantity: checked.quantity,
          reason: checked.reason,
          status: RETURN_STATUS.pending,
        },
      });
      await history(actor, [
        { entity: 'return-request', entityId: rr.id, action: 'request', from: null, to: RETURN_STATUS.pending, reason: checked.reason },
        { entity: 'order-line', entityId: r.id, action: 'requestReturn', from: null, to: null, reason: `申请退货 ${checked.quantity}：${checked.reason}` },
      ]);
      return { data: { documentId: rr.documentId, status: RETURN_STATUS.pending, quantity: checked.quantity } };
    });
  },

  /** 同意退货 / 拒绝退货 (reason required). */
  async answerReturn(actor: Actor, documentId: string, action: 'agree' | 'refuse', reasonIn?: unknown) {
    const at = now();
    return orderTx(async (trx) => {
      const rr = await readReturn(documentId, trx);
      assertOwner(actor, RETURN, rr, 'distributorOrgId', { columns: true, readAttrs: scopeAttributes(RETURN), message: '仅配送企业可处理退货申请' });
      const reason = action === 'refuse' ? normaliseReason(reasonIn) : null;
      const to = returnMachine.next(action, String(rr.status), { role: actor.role, reason });
      const k = knex();
      const n = await k('return_requests')
        .transacting(trx)
        .where('id', rr.id as number)
        .whereIn('status', ANSWERABLE_RETURN_STATUSES)
        .update({ status: to, refuse_reason: reason, responded_at: at, updated_at: at });
      if (n !== 1) throw conflict('退货申请状态已变化，请刷新后重试');
      const q = num(rr.quantity);
      const m = await k('order_lines')
        .transacting(trx)
        .where('id', rr.order_line_id as number)
        .where('return_pending_qty', '>=', q)
        .update(
          action === 'agree'
            ? { return_pending_qty: k.raw('return_pending_qty - ?', [q]), returned_qty: k.raw('returned_qty + ?', [q]), updated_at: at }
            : { return_pending_qty: k.raw('return_pending_qty - ?', [q]), updated_at: at },
        );
      if (m !== 1) throw conflict('退货数量数据异常，请刷新后重试');
      if (action === 'agree') {
        const line = (await readLineById(num(rr.order_line_id), trx))!;
        await bumpLineStats(trx, line, returnDelta(q, num(line.unit_price_fen)));
      }
      await history(actor, [
        { entity: 'return-request', entityId: rr.id, action, from: rr.status, to, reason },
        {
          entity: 'order-line',
          entityId: num(rr.order_line_id),
          action: action === 'agree' ? 'agreeReturn' : 'refuseReturn',
          from: null,
          to: null,
          reason: action === 'agree' ? `同意退货 ${q}` : `拒绝退货 ${q}：${reason}`,
        },
      ]);
      return { data: { documentId: rr.document_id, status: to } };
    });
  },

  /** Return requests of the caller's scope (退货处理). */
  async searchReturns(actor: Actor, f: { status?: ReturnStatus[]; q?: string }, page: number, pageSize: number): Promise<Page<ReturnRow>> {
    const k = knex();
    const build = () => {
      let qb = k('return_requests as r').join('order_lines as l', 'l.id', 'r.order_line_id');
      const own = ownRowsColumn(actor, 'return');
      if (own) qb = qb.where(`r.${own[0]}`, own[1]);
      if (f.status?.length) qb = qb.whereIn('r.status', f.status);
      return whereContains(qb, ['l.product_name', 'l.order_code'], f.q);
    };
    return cappedPage(build, 'r', RETURN_LINE_COLUMNS, page, pageSize, (r, names) => returnOut(r, actor, { withLine: true, names }));
  },
});

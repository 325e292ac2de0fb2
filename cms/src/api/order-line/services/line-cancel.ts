/**
 * 取消 (oversight): the ordering hospital cancels a line its distributor did not answer in time
 * (逾期未确认, domain/overdue.ts). One conditional UPDATE in the transaction decides: the line must still
 * be pending and ordered before the cutoff, so a confirmation that got in first wins.
 */
import {
  assertCancellable,
  AWAITING_ANSWER_STATUSES,
  cutoffsOf,
  DomainError,
  lineOverdue,
  orderLineMachine,
  requireReason,
  statusChangeDelta,
} from '../../../domain';
import { assertOwner, scopeAttributes, type Actor } from '../../../scope';
import { now } from '../../../utils/clock';
import { lineOut } from '../../../db/order-rows';
import { orderTx, readLine, readLineById } from '../../../db/order-tables';
import { dbIso } from '../../../db/values';
import { bumpLineStats, statLineOfRow } from '../../../db/line-stats';
import { cutoffsNow } from './lines';

const LINE = 'api::order-line.order-line';

export default () => ({
  async cancel(actor: Actor, documentId: string, reasonIn?: unknown) {
    const reason = requireReason(reasonIn, orderLineMachine.actionLabel('cancel'));
    const at = now();
    const cut = await cutoffsNow();
    return orderTx(async (trx) => {
      const r = await readLine(documentId, trx);
      assertOwner(actor, LINE, r, 'hospitalOrgId', { columns: true, readAttrs: scopeAttributes(LINE), message: '仅该订单的医疗机构可取消' });
      const c = cutoffsOf(cut, r.province_code as string | null);
      const status = String(r.status);
      assertCancellable(status, lineOverdue({ status, orderedAt: dbIso(r.ordered_at), confirmedAt: dbIso(r.confirmed_at) }, c));
      const to = orderLineMachine.next('cancel', status, { role: actor.role, reason });
      const n = await strapi.db
        .connection('order_lines')
        .transacting(trx)
        .where('id', r.id as number)
        .whereIn('status', AWAITING_ANSWER_STATUSES)
        .where('ordered_at', '<', c.confirmBefore)
        .update({ status: to, reason, closed_at: at, updated_at: at });
      if (n !== 1) throw new DomainError('CONFLICT', '订单明细状态已变化，请刷新后重试', { status: 409 });
      await bumpLineStats(trx, r, statusChangeDelta(status, to, statLineOfRow(r)));
      await strapi
        .service('api::state-history.state-history')
        .record(actor, [{ entity: 'order-line', entityId: r.id, action: 'cancel', from: status, to, reason }]);
      return { data: lineOut((await readLineById(Number(r.id), trx))!, actor, undefined, cut) };
    });
  },
});

/** Invoices of deliveries (DOMAIN.md §6): 补填发票 / 修改 by the distributor, 查验 by the hospital. */
import type { Knex } from 'knex';
import {
  CHECKABLE_INVOICE_STATUSES,
  checkInvoice,
  DELIVERY_STATUS,
  DomainError,
  INVOICE_CHECK_RESULTS,
  invoiceInputAction,
  invoiceMachine,
  isWithdrawn,
  normaliseReason,
  type InvoiceCheckResult,
} from '../../../domain';
import type { Actor } from '../../../scope';
import { now } from '../../../utils/clock';
import { orderTx } from '../../../db/order-tables';
import { ownDelivery } from './deliveries';

const num = (v: unknown): number => (v === null || v === undefined ? 0 : Number(v));
const conflict = (message: string, code = 'CONFLICT') => new DomainError(code, message, { status: 409 });
const history = (actor: Actor, changes: unknown[]) => strapi.service('api::state-history.state-history').record(actor, changes);
const isCheckResult = (v: unknown): v is InvoiceCheckResult => (INVOICE_CHECK_RESULTS as readonly unknown[]).includes(v);

export default () => ({
  /** 补填发票 (missing) or 修改 (failed or missing): the invoice goes (back) to 待查验. */
  async setInvoice(actor: Actor, documentId: string, input: { invoiceCode?: string | number | null; invoiceNo?: string | number | null }) {
    const invoice = checkInvoice({ code: input.invoiceCode, number: input.invoiceNo });
    const at = now();
    return orderTx(async (trx) => {
      const d = await ownDelivery(actor, documentId, 'distributor', trx);
      if (isWithdrawn(String(d.status))) throw conflict('该配送已撤回，不能填写发票', 'INVALID_TRANSITION');
      const from = String(d.invoice_status);
      const action = invoiceInputAction(from);
      const to = invoiceMachine.next(action, from, { role: actor.role });
      const n = await (strapi.db.connection as Knex)('deliveries')
        .transacting(trx)
        .where({ id: d.id as number, invoice_status: from })
        .whereNot('status', DELIVERY_STATUS.withdrawn)
        .update({ invoice_code: invoice.code, invoice_no: invoice.number, invoice_status: to, invoice_reason: null, updated_at: at });
      if (n !== 1) throw conflict('发票状态已变化，请刷新后重试');
      const historyAction = action === 'fill' ? 'fillInvoice' : 'modifyInvoice';
      await history(actor, [
        { entity: 'delivery', entityId: d.id, action: historyAction, from, to, reason: `发票 ${invoice.code ? `${invoice.code} ` : ''}${invoice.number}` },
      ]);
      await history(actor, [
        {
          entity: 'order-line',
          entityId: num(d.order_line_id),
          action: historyAction,
          from: null,
          to: null,
          reason: `第${num(d.seq)}批发票 ${invoice.number}`,
        },
      ]);
      return { data: { documentId: d.document_id, invoiceStatus: to, invoiceCode: invoice.code, invoiceNo: invoice.number } };
    });
  },

  /** 查验 an invoice: pass, or fail with a reason. */
  async checkInvoice(actor: Actor, documentId: string, result: unknown, reasonIn?: unknown) {
    if (!isCheckResult(result)) throw new DomainError('RESULT_INVALID', '请选择查验结果（通过或不通过）', { status: 400, field: 'result' });
    const at = now();
    return orderTx(async (trx) => {
      const d = await ownDelivery(actor, documentId, 'hospital', trx);
      if (isWithdrawn(String(d.status))) throw conflict('该配送已撤回，不能查验发票', 'INVALID_TRANSITION');
      const reason = result === 'fail' ? normaliseReason(reasonIn) : null;
      const to = invoiceMachine.next(result, String(d.invoice_status), { role: actor.role, reason });
      const n = await (strapi.db.connection as Knex)('deliveries')
        .transacting(trx)
        .where('id', d.id as number)
        .whereIn('invoice_status', CHECKABLE_INVOICE_STATUSES)
        .whereNot('status', DELIVERY_STATUS.withdrawn)
        .update({ invoice_status: to, invoice_reason: reason, updated_at: at });
      if (n !== 1) throw conflict('发票状态已变化，请刷新后重试');
      const action = result === 'pass' ? 'passInvoice' : 'failInvoice';
      await history(actor, [
        { entity: 'delivery', entityId: d.id, action, from: d.invoice_status, to, reason },
        {
          entity: 'order-line',
          entityId: num(d.order_line_id),
          action,
          from: null,
          to: null,
          reason: `第${num(d.seq)}批发票${result === 'pass' ? '查验通过' : `查验不通过：${reason}`}`,
        },
      ]);
      return { data: { documentId: d.document_id, invoiceStatus: to, invoiceReason: reason } };
    });
  },
});

/** Deliveries and their invoices over HTTP: parse, call api::delivery.deliveries / api::delivery.invoices, answer. */
import { z } from 'zod';
import { deliveryMachine, invoiceMachine } from '../../../domain';
import { requireActor } from '../../../scope';
import { boolParam, enumList, parseInput, readPaging, searchTerm } from '../../../utils/query';
import type deliveriesService from '../services/deliveries';
import type invoicesService from '../services/invoices';
import { requestBody, type HttpContext } from '../../../utils/http';

const deliveries = () => strapi.service('api::delivery.deliveries') as unknown as ReturnType<typeof deliveriesService>;
const invoices = () => strapi.service('api::delivery.invoices') as unknown as ReturnType<typeof invoicesService>;
const first = (v: unknown) => (Array.isArray(v) ? v[0] : v);

/** The list's filters (also read by the export). */
export const listQuery = z.object({
  rework: boolParam,
  status: enumList(deliveryMachine.stateNames, '配送状态筛选条件不正确'),
  invoiceStatus: enumList(invoiceMachine.stateNames, '发票状态筛选条件不正确'),
  line: z.preprocess(first, z.string({ message: '订单明细参数无效' }).max(64, { message: '订单明细参数无效' }).optional()),
  q: searchTerm,
});

export default {
  async deliver(ctx: HttpContext) {
    const actor = await requireActor(ctx);
    ctx.body = await deliveries().deliver(actor, String(ctx.params.id), requestBody(ctx));
  },

  async list(ctx: HttpContext) {
    const actor = await requireActor(ctx);
    const { page, pageSize } = readPaging(ctx.query, { pageSize: 20, max: 200 });
    const q = parseInput(listQuery, ctx.query);
    ctx.body = await deliveries().searchDeliveries(
      actor,
      { rework: q.rework, status: q.status, invoiceStatus: q.invoiceStatus, lineDocumentId: q.line || undefined, q: q.q },
      page,
      pageSize,
    );
  },

  async withdraw(ctx: HttpContext) {
    const actor = await requireActor(ctx);
    ctx.body = await deliveries().withdrawDelivery(actor, String(ctx.params.id));
  },

  async receive(ctx: HttpContext) {
    const actor = await requireActor(ctx);
    ctx.body = await deliveries().receive(actor, String(ctx.params.id));
  },

  async invoice(ctx: HttpContext) {
    const actor = await requireActor(ctx);
    ctx.body = await invoices().setInvoice(actor, String(ctx.params.id), requestBody(ctx));
  },

  async check(ctx: HttpContext) {
    const actor = await requireActor(ctx);
    ctx.body = await invoices().checkInvoice(actor, String(ctx.params.id), requestBody(ctx).result, requestBody(ctx).reason);
  },
};

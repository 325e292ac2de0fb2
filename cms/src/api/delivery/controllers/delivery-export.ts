/** GET /api/order-deliveries/export: the list's filters, one service call, the workbook. */
import { chinaDate } from '../../../domain';
import { requireActor } from '../../../scope';
import { now } from '../../../utils/clock';
import type { HttpContext } from '../../../utils/http';
import { parseInput } from '../../../utils/query';
import { sendXlsx } from '../../../utils/xlsx-export';
import type exportService from '../services/delivery-export';
import { deliveryListQuery as listQuery } from './deliveries';

const svc = () => strapi.service('api::delivery.delivery-export') as unknown as ReturnType<typeof exportService>;

export default {
  async exportList(ctx: HttpContext) {
    const actor = await requireActor(ctx);
    const q = parseInput(listQuery, ctx.query);
    const stream = svc().exportXlsx(actor, { rework: q.rework, status: q.status, invoiceStatus: q.invoiceStatus, lineDocumentId: q.line || undefined, q: q.q });
    sendXlsx(ctx, `配送记录-${chinaDate(now())}.xlsx`, stream);
  },
};

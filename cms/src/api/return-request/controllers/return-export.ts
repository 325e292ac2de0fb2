/** GET /api/order-returns/export: the list's filters, one service call, the workbook. */
import { chinaDate } from '../../../domain';
import { requireActor } from '../../../scope';
import { now } from '../../../utils/clock';
import type { HttpContext } from '../../../utils/http';
import { parseInput } from '../../../utils/query';
import { sendXlsx } from '../../../utils/xlsx-export';
import type exportService from '../services/return-export';
import { returnListQuery as listQuery } from './returns';

const svc = () => strapi.service('api::return-request.return-export') as unknown as ReturnType<typeof exportService>;

export default {
  async exportList(ctx: HttpContext) {
    const actor = await requireActor(ctx);
    sendXlsx(ctx, `退货申请-${chinaDate(now())}.xlsx`, svc().exportXlsx(actor, parseInput(listQuery, ctx.query)));
  },
};

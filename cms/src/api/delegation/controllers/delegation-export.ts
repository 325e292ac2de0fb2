/** GET /api/delegation-list/export: the list's query (parsed by the list), one service call, the workbook. */
import { chinaDate } from '../../../domain';
import { requireActor } from '../../../scope';
import { now } from '../../../utils/clock';
import type { HttpContext } from '../../../utils/http';
import { sendXlsx } from '../../../utils/xlsx-export';
import type exportService from '../services/delegation-export';

const svc = () => strapi.service('api::delegation.delegation-export') as unknown as ReturnType<typeof exportService>;

export default {
  async exportList(ctx: HttpContext) {
    const actor = await requireActor(ctx);
    sendXlsx(ctx, `生产配送关系-${chinaDate(now())}.xlsx`, svc().exportXlsx(actor, (ctx.query ?? {}) as Record<string, unknown>));
  },
};

/** Order placement over HTTP: parse, call api::order.placement, answer. */
import { z } from 'zod';
import { MAX_LINES_PER_ORDER, ORDER_REMARK_MAX_LENGTH } from '../../../domain';
import { requireActor } from '../../../scope';
import { parseInput, searchTerm } from '../../../utils/query';
import type placementService from '../services/placement';
import { requestBody, type HttpContext } from '../../../utils/http';

const svc = () => strapi.service('api::order.placement') as unknown as ReturnType<typeof placementService>;

const intish = (msg: string) => z.coerce.number({ error: msg }).int(msg).positive(msg);

/** The body of POST /orders/place (also its OpenAPI description). */
export const orderSchema = z.object({
  lines: z
    .array(
      z.object({
        productId: intish('请选择产品'),
        distributorOrgId: intish('请选择配送企业'),
        quantity: z.number({ error: '采购数量必须为大于等于1的整数' }),
      }),
      { error: '请至少添加一条订单明细' },
    )
    .min(1, '请至少添加一条订单明细')
    .max(MAX_LINES_PER_ORDER, `一个订单最多${MAX_LINES_PER_ORDER}条明细`),
  remark: z.string().max(ORDER_REMARK_MAX_LENGTH, `备注不能超过${ORDER_REMARK_MAX_LENGTH}个字`).nullish(),
});

export const optionsQuery = z.object({ q: searchTerm });

export default {
  async options(ctx: HttpContext) {
    const actor = await requireActor(ctx);
    const { q } = parseInput(optionsQuery, ctx.query);
    ctx.body = await svc().orderOptions(actor, q);
  },

  async placeOrder(ctx: HttpContext) {
    const actor = await requireActor(ctx);
    ctx.body = await svc().placeOrder(actor, parseInput(orderSchema, requestBody(ctx), 'VALIDATION'));
  },
};

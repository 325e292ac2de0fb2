/** 配送监管 over HTTP: parse with utils/query, call api::oversight, answer (pages or .xlsx). */
import { z } from 'zod';
import { LARGE_ORDER_PARAMS, OVERDUE_FILTERS } from '../../../domain';
import { requireActor } from '../../../scope';
import { idParam, parseInput, readPaging, searchTerm } from '../../../utils/query';
import { sendXlsx } from '../../../utils/xlsx-export';
import type { HttpContext } from '../../../utils/http';
import type anomaliesService from '../services/anomalies';
import type exportService from '../services/oversight-export';
import type oversightService from '../services/oversight';

const first = (v: unknown) => (Array.isArray(v) ? v[0] : v);
const svc = () => strapi.service('api::oversight.oversight') as unknown as ReturnType<typeof oversightService>;
const anomalies = () => strapi.service('api::oversight.anomalies') as unknown as ReturnType<typeof anomaliesService>;
const sheets = () => strapi.service('api::oversight.oversight-export') as unknown as ReturnType<typeof exportService>;

const month = z.preprocess((v) => (first(v) === '' ? undefined : first(v)), z.string({ message: '月份格式不正确（应为YYYY-MM）' }).max(7).optional());
export const monthQuery = z.object({ from: month, to: month });
export const listingQuery = z.object({ q: searchTerm, distributorOrgId: idParam('配送企业参数无效') });
const bounded = (spec: { default: number; min: number; max: number }, message: string) =>
  z.preprocess(
    (v) => (first(v) === '' ? undefined : first(v)),
    z.coerce.number({ message }).min(spec.min, { message }).max(spec.max, { message }).default(spec.default),
  );
const P = LARGE_ORDER_PARAMS;
export const largeOrderQuery = z.object({
  minAmount: bounded(P.minAmountYuan, `金额阈值须为 ${P.minAmountYuan.min}–${P.minAmountYuan.max} 元`),
  maxRate: bounded(P.maxRatePercent, `配送率阈值须为 ${P.maxRatePercent.min}–${P.maxRatePercent.max}（%）`),
  days: z.preprocess(
    (v) => (first(v) === '' ? undefined : first(v)),
    z.coerce
      .number({ message: `天数须为 ${P.afterDays.min}–${P.afterDays.max} 的整数` })
      .int({ message: `天数须为 ${P.afterDays.min}–${P.afterDays.max} 的整数` })
      .min(P.afterDays.min, { message: `天数须为 ${P.afterDays.min}–${P.afterDays.max} 的整数` })
      .max(P.afterDays.max, { message: `天数须为 ${P.afterDays.min}–${P.afterDays.max} 的整数` })
      .default(P.afterDays.default),
  ),
  q: searchTerm,
});
export const overdueKindQuery = z.object({
  kind: z.preprocess(first, z.enum(OVERDUE_FILTERS, { message: '逾期类型不正确（any、unconfirmed 或 undelivered）' }).default('any')),
  q: searchTerm,
});

const lang = (ctx: HttpContext) => (ctx.query.lang === 'en-US' ? 'en-US' : 'zh-CN');
const span = (ctx: HttpContext) => parseInput(monthQuery, ctx.query, 'MONTH_INVALID');
const listing = (ctx: HttpContext) => parseInput(listingQuery, ctx.query);
const paging = (ctx: HttpContext) => readPaging(ctx.query, { pageSize: 20, max: 200 });
const largeParams = (ctx: HttpContext) => {
  const p = parseInput(largeOrderQuery, ctx.query, 'PARAM_INVALID');
  return { minAmountYuan: p.minAmount, maxRatePercent: p.maxRate, afterDays: p.days, q: p.q };
};

export default {
  async kpis(ctx: HttpContext) {
    const actor = await requireActor(ctx);
    const { page, pageSize } = paging(ctx);
    ctx.body = await svc().kpis(actor, span(ctx), listing(ctx), page, pageSize);
  },

  async exportKpis(ctx: HttpContext) {
    const actor = await requireActor(ctx);
    const l = lang(ctx);
    sendXlsx(ctx, l === 'en-US' ? 'delivery-kpis.xlsx' : '履约指标.xlsx', sheets().kpis(actor, span(ctx), listing(ctx), l));
  },

  async league(ctx: HttpContext) {
    const actor = await requireActor(ctx);
    const { page, pageSize } = paging(ctx);
    ctx.body = await svc().league(actor, span(ctx), listing(ctx), page, pageSize);
  },

  async exportLeague(ctx: HttpContext) {
    const actor = await requireActor(ctx);
    const l = lang(ctx);
    sendXlsx(ctx, l === 'en-US' ? 'delivery-league.xlsx' : '配送率排行.xlsx', sheets().league(actor, span(ctx), listing(ctx), l));
  },

  async alarms(ctx: HttpContext) {
    const actor = await requireActor(ctx);
    const { page, pageSize } = paging(ctx);
    ctx.body = await svc().alarms(actor, span(ctx), listing(ctx), page, pageSize);
  },

  async largeOrders(ctx: HttpContext) {
    const actor = await requireActor(ctx);
    const { page, pageSize } = paging(ctx);
    ctx.body = await anomalies().largeOrders(actor, largeParams(ctx), page, pageSize);
  },

  async exportLargeOrders(ctx: HttpContext) {
    const actor = await requireActor(ctx);
    const l = lang(ctx);
    sendXlsx(ctx, l === 'en-US' ? 'large-orders.xlsx' : '大额低到货.xlsx', sheets().largeOrders(actor, largeParams(ctx), l));
  },

  async overdue(ctx: HttpContext) {
    const actor = await requireActor(ctx);
    const { page, pageSize } = paging(ctx);
    const { kind, q } = parseInput(overdueKindQuery, ctx.query, 'OVERDUE_INVALID');
    ctx.body = await anomalies().overdueLines(actor, kind, q, page, pageSize);
  },

  async exportOverdue(ctx: HttpContext) {
    const actor = await requireActor(ctx);
    const l = lang(ctx);
    const { kind, q } = parseInput(overdueKindQuery, ctx.query, 'OVERDUE_INVALID');
    sendXlsx(ctx, l === 'en-US' ? 'overdue-lines.xlsx' : '逾期最久.xlsx', sheets().overdue(actor, kind, q, l));
  },
};

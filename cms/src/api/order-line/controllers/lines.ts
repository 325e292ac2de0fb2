/** Order lines over HTTP: parse with utils/query, call api::order-line.lines, answer. */
import { z } from 'zod';
import { chinaDayBounds, JOB_KIND, LINE_TABS, orderLineMachine, OVERDUE_FILTERS } from '../../../domain';
import { requireActor } from '../../../scope';
import { dayParam, enumList, idParam, parseInput, readPaging, refuseBody, searchTerm, sortParam } from '../../../utils/query';
import { sendXlsx } from '../../../utils/xlsx-export';
import type linesService from '../services/lines';
import type cancelService from '../services/line-cancel';
import type jobsService from '../../job/services/jobs';
import { LINE_SORT_FIELDS, type LineFilters } from '../services/lines';
import { requestBody, type HttpContext } from '../../../utils/http';

const svc = () => strapi.service('api::order-line.lines') as unknown as ReturnType<typeof linesService>;
const cancelSvc = () => strapi.service('api::order-line.line-cancel') as unknown as ReturnType<typeof cancelService>;
const jobs = () => strapi.service('api::job.jobs') as unknown as ReturnType<typeof jobsService>;
const first = (v: unknown) => (Array.isArray(v) ? v[0] : v);

export const statusQuery = z.object({ status: enumList(orderLineMachine.stateNames, '状态筛选条件不正确') });
export const tabQuery = z.object({ tab: z.preprocess(first, z.enum(LINE_TABS, { message: '不支持的页签' }).optional()) });
export const dayQuery = z.object({ from: dayParam(), to: dayParam() });
export const overdueQuery = z.object({
  overdue: z.preprocess(first, z.enum(OVERDUE_FILTERS, { message: '逾期筛选条件不正确（any、unconfirmed 或 undelivered）' }).optional()),
});
export const lineQuery = z.object({
  hospitalOrgId: idParam(),
  distributorOrgId: idParam(),
  productId: idParam(),
  orderCode: z.preprocess(first, z.string({ message: '订单编号无效' }).trim().max(40, { message: '订单编号不能超过40个字符' }).optional()),
  q: searchTerm,
  sort: sortParam(LINE_SORT_FIELDS, { field: 'orderedAt', dir: 'desc' }),
});

/** The filters of the line lists; each bad parameter answers 400 with its own code (STATUS_INVALID, TAB_INVALID, OVERDUE_INVALID, DATE_INVALID, INVALID_INPUT). */
export function lineFilters(query: unknown): LineFilters {
  const { status } = parseInput(statusQuery, query, 'STATUS_INVALID');
  const { overdue } = parseInput(overdueQuery, query, 'OVERDUE_INVALID');
  const { tab } = parseInput(tabQuery, query, 'TAB_INVALID');
  const days = parseInput(dayQuery, query, 'DATE_INVALID');
  const rest = parseInput(lineQuery, query);
  return { ...rest, orderCode: rest.orderCode || undefined, tab, status, overdue, ...chinaDayBounds(days.from, days.to) };
}

export default {
  async search(ctx: HttpContext) {
    const actor = await requireActor(ctx);
    const { page, pageSize } = readPaging(ctx.query, { pageSize: 20, max: 200 });
    ctx.body = await svc().searchLines(actor, lineFilters(ctx.query), page, pageSize);
  },

  async exportLines(ctx: HttpContext) {
    const actor = await requireActor(ctx);
    const lang = ctx.query.lang === 'en-US' ? 'en-US' : 'zh-CN';
    const stream = svc().exportLines(actor, lineFilters(ctx.query), lang);
    sendXlsx(ctx, lang === 'en-US' ? 'order-lines.xlsx' : '订单明细.xlsx', stream);
  },

  /** 导出 as a job (large exports): the same filters, checked now; answers the queued job (GET /api/jobs/:id). */
  async exportJob(ctx: HttpContext) {
    const actor = await requireActor(ctx);
    refuseBody(ctx.request.body);
    lineFilters(ctx.query);
    const lang = ctx.query.lang === 'en-US' ? 'en-US' : 'zh-CN';
    const { lang: _lang, ...query } = ctx.query;
    ctx.status = 202;
    ctx.body = { data: await jobs().create(actor, JOB_KIND.orderLinesExport, { query, lang }) };
  },

  async detail(ctx: HttpContext) {
    const actor = await requireActor(ctx);
    ctx.body = await svc().lineDetail(actor, String(ctx.params.id));
  },

  async confirm(ctx: HttpContext) {
    const actor = await requireActor(ctx);
    ctx.body = await svc().answerLines(actor, requestBody(ctx).ids, 'confirm');
  },

  async reject(ctx: HttpContext) {
    const actor = await requireActor(ctx);
    ctx.body = await svc().answerLines(actor, requestBody(ctx).ids, 'reject', requestBody(ctx).reason);
  },

  async terminate(ctx: HttpContext) {
    const actor = await requireActor(ctx);
    ctx.body = await svc().terminate(actor, String(ctx.params.id), requestBody(ctx).reason);
  },

  /** 取消: the hospital of a line overdue for confirmation. */
  async cancel(ctx: HttpContext) {
    const actor = await requireActor(ctx);
    ctx.body = await cancelSvc().cancel(actor, String(ctx.params.id), requestBody(ctx).reason);
  },
};

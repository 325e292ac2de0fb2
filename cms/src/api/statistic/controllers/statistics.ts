/** 统计查询 over HTTP: parse with utils/query, call api::statistic.statistics, answer. */
import { z } from 'zod';
import { DomainError, isoDateToDayNumber, JOB_KIND, PRODUCT_CATEGORIES, STAT_SORT_FIELDS, STAT_VIEW_LABELS, STAT_VIEWS, type StatView } from '../../../domain';
import { requireActor } from '../../../scope';
import { boolParam, dayParam, enumList, idParam, parseInput, readPaging, sortParam } from '../../../utils/query';
import { sendXlsx } from '../../../utils/xlsx-export';
import type { HttpContext } from '../../../utils/http';
import type statisticsService from '../services/statistics';
import type jobsService from '../../job/services/jobs';
import type { StatFilters } from '../services/statistics';

const svc = () => strapi.service('api::statistic.statistics') as unknown as ReturnType<typeof statisticsService>;
const jobs = () => strapi.service('api::job.jobs') as unknown as ReturnType<typeof jobsService>;
const CONFIRM = '请确认重算：{ "confirm": true }';
export const rebuildBody = z.preprocess(
  (b) => (typeof b === 'object' && b !== null && 'data' in b ? (b as { data: unknown }).data : (b ?? {})),
  z.object({ confirm: z.literal(true, { message: CONFIRM }) }, { message: CONFIRM }),
);
const first = (v: unknown) => (Array.isArray(v) ? v[0] : v);
const code = (max: number, message: string) =>
  z.preprocess(
    (v) => (first(v) === '' ? undefined : first(v)),
    z
      .string({ message })
      .regex(new RegExp(`^\\d{2,${max}}$`), { message })
      .optional(),
  );

/** The longest 下单日期 range one request reads (a few years of history). */
const MAX_RANGE_DAYS = 3 * 366;

export const statDayQuery = z.object({ from: dayParam(), to: dayParam() });
export const statFilterQuery = z.object({
  provinceCode: code(2, '省份代码无效'),
  regionCode: code(12, '地区代码无效'),
  category: enumList(PRODUCT_CATEGORIES, '产品类别无效'),
  vbp: boolParam,
  keyMonitored: boolParam,
  productId: idParam('产品参数无效'),
  distributorOrgId: idParam('配送企业参数无效'),
  hospitalOrgId: idParam('医疗机构参数无效'),
  manufacturerOrgId: idParam('生产企业参数无效'),
});
export const statSortQuery = z.object({ sort: sortParam(STAT_SORT_FIELDS, { field: 'orderedFen', dir: 'desc' }) });
export const statViewQuery = z.object({ view: z.preprocess(first, z.enum(STAT_VIEWS, { message: '不支持的统计视图' }).optional()) });

/** The filters of a statistics request: 下单日期 defaults to this month (China time); DATE_INVALID when from > to or too long a range. */
function filters(query: unknown): StatFilters {
  const days = parseInput(statDayQuery, query, 'DATE_INVALID');
  const rest = parseInput(statFilterQuery, query);
  const dflt = svc().defaultRange();
  const from = days.from ?? (days.to ? `${days.to.slice(0, 7)}-01` : dflt.from);
  const to = days.to ?? (days.from ? dflt.to : dflt.to);
  const span = isoDateToDayNumber(to, 'to') - isoDateToDayNumber(from, 'from');
  if (span < 0) throw new DomainError('DATE_INVALID', '开始日期不能晚于结束日期', { status: 400, field: 'from' });
  if (span > MAX_RANGE_DAYS) throw new DomainError('DATE_INVALID', '下单日期范围不能超过3年', { status: 400, field: 'from' });
  return { ...rest, from, to };
}

const sortOf = (query: unknown) => parseInput(statSortQuery, query, 'SORT_INVALID').sort;

function list(view: StatView) {
  return async (ctx: HttpContext) => {
    const actor = await requireActor(ctx);
    const { page, pageSize } = readPaging(ctx.query, { pageSize: 20, max: 200 });
    ctx.body = await svc().view(actor, view, filters(ctx.query), sortOf(ctx.query), page, pageSize);
  };
}

function exportOf(view: StatView) {
  return async (ctx: HttpContext) => {
    const actor = await requireActor(ctx);
    const lang = ctx.query.lang === 'en-US' ? 'en-US' : 'zh-CN';
    const stream = svc().exportView(actor, view, filters(ctx.query), sortOf(ctx.query), lang);
    const label = STAT_VIEW_LABELS[view];
    sendXlsx(ctx, lang === 'en-US' ? `statistics-${view}.xlsx` : `统计查询-${label.zh}.xlsx`, stream);
  };
}

export default {
  byProduct: list('by-product'),
  byDistributor: list('by-distributor'),
  byHospital: list('by-hospital'),
  exportByProduct: exportOf('by-product'),
  exportByDistributor: exportOf('by-distributor'),
  exportByHospital: exportOf('by-hospital'),

  async series(ctx: HttpContext) {
    const actor = await requireActor(ctx);
    const { view } = parseInput(statViewQuery, ctx.query, 'VIEW_INVALID');
    ctx.body = await svc().series(actor, view ?? 'by-product', filters(ctx.query));
  },

  /** 统计重算 (联采办): `{ confirm: true }` queues a full recount of the aggregates as a job; answers the job. */
  async rebuild(ctx: HttpContext) {
    const actor = await requireActor(ctx);
    parseInput(rebuildBody, ctx.request.body, 'CONFIRM_REQUIRED');
    ctx.status = 202;
    ctx.body = { data: await jobs().create(actor, JOB_KIND.statsRebuild, {}) };
  },

  async dashboard(ctx: HttpContext) {
    const actor = await requireActor(ctx);
    ctx.body = await svc().dashboard(actor);
  },
};

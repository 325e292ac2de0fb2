import { factories } from '@strapi/strapi';
import * as XLSX from 'xlsx';
import { z } from 'zod';
import { CHINA_UTC_OFFSET_MINUTES, DomainError, effectiveRelationshipStatus, relationshipMachine, terminationCutoff } from '../../../domain';
import { rewriteStatusFilters } from '../utils/effective-filter';
import { requireActor } from '../../../scope';
import { now } from '../../../utils/clock';
import { readPaging } from '../../../utils/paging';

const UID = 'api::hospital-relationship.hospital-relationship';

/** 'YYYY-MM-DD HH:mm' in China time (UTC+8), for the spreadsheet. */
function formatChinaDateTime(v: string): string {
  const d = new Date(new Date(v).getTime() + CHINA_UTC_OFFSET_MINUTES * 60_000);
  return Number.isNaN(d.getTime()) ? '' : d.toISOString().slice(0, 16).replace('T', ' ');
}
const service = () => strapi.service(UID) as any;

/** Zod issues → the first one as a DomainError with its field (Chinese messages). */
function parse<T>(schema: z.ZodType<T>, input: unknown): T {
  const r = schema.safeParse(input);
  if (r.success) return r.data;
  const issue = r.error.issues[0];
  throw new DomainError('INVALID_INPUT', issue.message, { status: 400, field: String(issue.path[0] ?? '') || undefined });
}

const statusList = z
  .union([z.string(), z.array(z.string())])
  .optional()
  .transform((v) => (v === undefined ? undefined : (Array.isArray(v) ? v : v.split(',')).map((s) => s.trim()).filter(Boolean)))
  .refine((v) => !v || (v.length <= 10 && v.every((s) => relationshipMachine.isState(s))), { message: '状态筛选值无效' });

const listSchema = z.object({
  status: statusList,
  q: z.string().max(100, { message: '搜索关键字不能超过100个字' }).optional(),
  hospitalOrgId: z.coerce.number().int().positive().optional(),
  distributorOrgId: z.coerce.number().int().positive().optional(),
  orderable: z.enum(['true', 'false']).optional(),
  sort: z
    .union([z.string(), z.array(z.string())])
    .optional()
    .transform((v) => (Array.isArray(v) ? v[0] : v))
    .refine((v) => !v || /^[a-zA-Z]+(:(asc|desc))?$/.test(v), { message: '排序参数无效' }),
});

const requestSchema = z.object({
  distributorOrgId: z.coerce.number({ message: '请选择配送企业' }).int({ message: '请选择配送企业' }).positive({ message: '请选择配送企业' }),
});

const transitionSchema = z.object({
  documentIds: z
    .array(z.string().min(1).max(64), { message: '请选择要处理的记录' })
    .min(1, { message: '请选择要处理的记录' })
    .max(200, { message: '一次最多处理200条记录' }),
  reason: z.string().max(500, { message: '理由不能超过500个字' }).nullish(),
});

const single = z.object({ reason: z.string().max(500, { message: '理由不能超过500个字' }).nullish() });

/** The effective status on rows answered by Strapi's generic find/findOne. */
function withEffective(row: any) {
  if (!row || typeof row !== 'object') return row;
  return { ...row, storedStatus: row.status, status: effectiveRelationshipStatus(row.status, row.terminatingSince, now()) };
}

export default factories.createCoreController(UID, ({ strapi }) => ({
  async find(ctx: any) {
    // `status` filters mean the effective status (解约中 reads 已解除 after 30 days).
    if (ctx.query?.filters) ctx.query.filters = rewriteStatusFilters(ctx.query.filters, terminationCutoff(now()).toISOString());
    const res: any = await super.find(ctx);
    return { ...res, data: (res?.data ?? []).map(withEffective) };
  },

  async findOne(ctx: any) {
    const res: any = await super.findOne(ctx);
    return res?.data ? { ...res, data: withEffective(res.data) } : res;
  },

  /** GET /api/hospital-relationships/list — purpose-written list, effective status, filters in SQL. */
  async list(ctx: any) {
    const actor = await requireActor(ctx);
    const { pagination: _p, page: _pg, pageSize: _ps, ...rest } = ctx.query ?? {};
    const q = parse(listSchema, rest);
    const { page, pageSize } = readPaging(ctx.query, { pageSize: 10, max: 200 });
    const [column, order] = (q.sort ?? 'createdAt:desc').split(':');
    ctx.body = await service().list(actor, {
      page,
      pageSize,
      statuses: q.status,
      q: q.q?.trim() || undefined,
      hospitalOrgId: q.hospitalOrgId,
      distributorOrgId: q.distributorOrgId,
      orderable: q.orderable === 'true',
      sort: { column, order: order === 'asc' ? 'asc' : 'desc' },
    });
  },

  /** GET /api/hospital-relationships/export — the list with the same filters as .xlsx (at most 10,000 rows). */
  async export(ctx: any) {
    const actor = await requireActor(ctx);
    const { pagination: _p, page: _pg, pageSize: _ps, ...rest } = ctx.query ?? {};
    const q = parse(listSchema, rest);
    const [column, order] = (q.sort ?? 'createdAt:desc').split(':');
    const rows: any[] = [];
    for (let page = 1; page <= 50; page++) {
      const res = await service().list(actor, {
        page,
        pageSize: 200,
        statuses: q.status,
        q: q.q?.trim() || undefined,
        hospitalOrgId: q.hospitalOrgId,
        distributorOrgId: q.distributorOrgId,
        orderable: q.orderable === 'true',
        sort: { column, order: order === 'asc' ? 'asc' : 'desc' },
      });
      rows.push(...res.data);
      if (page >= res.meta.pagination.pageCount) break;
    }
    const day = (v: string | null) => (v ? formatChinaDateTime(v) : '');
    const sheet = XLSX.utils.aoa_to_sheet([
      [
        '医疗机构',
        '所在地区',
        '配送企业',
        '配送区域',
        '状态',
        '申请时间',
        '处理时间',
        '撤销申请时间',
        '解约开始',
        '解约截止',
        '剩余天数',
        '可下单',
        '理由',
        '撤销理由',
      ],
      ...rows.map((r) => [
        r.hospitalName,
        r.hospitalRegionName ?? '',
        r.distributorName,
        r.distributorAreas.map((a: any) => a.name).join('、'),
        relationshipMachine.label(r.status),
        day(r.requestedAt),
        day(r.respondedAt),
        day(r.revokeRequestedAt),
        day(r.terminatingSince),
        day(r.terminationEndsAt),
        r.daysLeft ?? '',
        r.orderable ? '是' : '否',
        r.reason ?? '',
        r.revokeReason ?? '',
      ]),
    ]);
    const book = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(book, sheet, '医院配送关系');
    ctx.set('Content-Type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    ctx.set('Content-Disposition', `attachment; filename*=UTF-8''${encodeURIComponent('医院配送关系.xlsx')}`);
    ctx.body = XLSX.write(book, { type: 'buffer', bookType: 'xlsx' });
  },

  /** GET /api/hospital-relationships/detail/:documentId */
  async detail(ctx: any) {
    const actor = await requireActor(ctx);
    ctx.body = { data: await service().one(actor, String(ctx.params.documentId)) };
  },

  /** GET /api/hospital-relationships/counts — counts by effective status and the caller's to-dos. */
  async counts(ctx: any) {
    const actor = await requireActor(ctx);
    ctx.body = { data: await service().counts(actor) };
  },

  /** GET /api/hospital-relationships/candidates — distributors the hospital may ask. */
  async candidates(ctx: any) {
    const actor = await requireActor(ctx);
    const q = parse(z.object({ q: z.string().max(100).optional() }), ctx.query ?? {});
    ctx.body = { data: await service().candidates(actor, { q: q.q?.trim() || undefined }) };
  },

  /** GET /api/hospital-relationships/orderable[?distributorOrgId=] — distributor ids the hospital may order from now (or 409 for one it may not). */
  async orderable(ctx: any) {
    const actor = await requireActor(ctx);
    const q = parse(z.object({ distributorOrgId: z.coerce.number().int().positive({ message: '配送企业无效' }).optional() }), ctx.query ?? {});
    if (q.distributorOrgId) {
      await service().assertMayOrder(actor.orgId, q.distributorOrgId); // 409 RELATIONSHIP_NOT_ORDERABLE with the reason
      ctx.body = { data: { distributorOrgId: q.distributorOrgId, mayOrder: true } };
      return;
    }
    ctx.body = { data: await service().orderableDistributorIds(actor.orgId) };
  },

  /** POST /api/hospital-relationships/request { distributorOrgId } — 委托配送申请. */
  async request(ctx: any) {
    const actor = await requireActor(ctx);
    const body = ctx.request.body ?? {};
    const input = parse(requestSchema, body.data ?? body);
    const documentId = await service().request(actor, input.distributorOrgId);
    ctx.status = 201;
    ctx.body = { data: await service().one(actor, documentId) };
  },

  /** POST /api/hospital-relationships/:action { documentIds, reason? } — one transition on ticked rows. */
  async transition(ctx: any) {
    const actor = await requireActor(ctx);
    const body = ctx.request.body ?? {};
    const input = parse(transitionSchema, body.data ?? body);
    ctx.body = { data: await service().transition(actor, { action: ctx.params.action, documentIds: input.documentIds, reason: input.reason }) };
  },

  /** POST /api/hospital-relationships/:documentId/:action { reason? } — one transition on one row. */
  async transitionOne(ctx: any) {
    const actor = await requireActor(ctx);
    const body = ctx.request.body ?? {};
    const input = parse(single, body.data ?? body);
    await service().transition(actor, { action: ctx.params.action, documentIds: [String(ctx.params.documentId)], reason: input.reason });
    ctx.body = { data: await service().one(actor, String(ctx.params.documentId)) };
  },

  /** POST /api/test/hospital-relationships/expire — test environment only: runs the hourly job now. */
  async runExpiry(ctx: any) {
    if (process.env.NODE_ENV !== 'test') return ctx.notFound();
    ctx.body = { expired: await service().expireDue() };
  },
}));

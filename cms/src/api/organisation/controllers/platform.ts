/** 机构管理 (联采办): thin handlers over services/org-list, onboarding and org-import. */
import { z } from 'zod';
import { ORG_FIELDS, ORG_LIST_PAGE_SIZE, ORG_TYPES } from '../../../domain';
import { requireActor } from '../../../scope';
import { notFound } from '../../../scope';
import { documentIdParam, textField, unwrapData } from '../../../utils/body';
import type { HttpContext } from '../../../utils/http';
import { boolParam, enumList, parseInput, readPaging, searchTerm } from '../../../utils/query';
import { sendXlsx } from '../../../utils/xlsx-export';
import { readUploadedFile } from '../../../utils/xlsx-upload';
import type infoService from '../services/info';
import type listService from '../services/org-list';
import type importService from '../services/org-import';
import type onboardingService from '../services/onboarding';

const svc = {
  list: () => strapi.service('api::organisation.org-list') as unknown as ReturnType<typeof listService>,
  onboarding: () => strapi.service('api::organisation.onboarding') as unknown as ReturnType<typeof onboardingService>,
  import: () => strapi.service('api::organisation.org-import') as unknown as ReturnType<typeof importService>,
  info: () => strapi.service('api::organisation.info') as unknown as ReturnType<typeof infoService>,
};

/** `name=x` or Strapi's `filters[name][$op]=x` as the panel's data provider sends it. */
function flatten(q: unknown): unknown {
  if (typeof q !== 'object' || q === null) return q;
  const query = q as Record<string, unknown>;
  const filters = (typeof query.filters === 'object' && query.filters !== null ? query.filters : {}) as Record<string, unknown>;
  const out: Record<string, unknown> = { ...query };
  for (const [k, f] of Object.entries(filters))
    if (out[k] === undefined) out[k] = typeof f === 'object' && f !== null && !Array.isArray(f) ? Object.values(f)[0] : f;
  return out;
}
export const orgListQuery = z.preprocess(
  flatten,
  z.object({
    type: enumList(ORG_TYPES, '机构类型无效'),
    provinceCode: z.preprocess(
      (v) => (Array.isArray(v) ? v[0] : v) || undefined,
      z
        .string({ message: '省份代码无效' })
        .regex(/^\d{2}$/, { message: '省份代码无效' })
        .optional(),
    ),
    name: searchTerm,
    creditCode: searchTerm,
    enabled: boolParam,
  }),
);
export const orgBody = z.preprocess(unwrapData, z.object(Object.fromEntries(ORG_FIELDS.map((f) => [f, textField(f, 500)])), { message: '请求格式不正确' }));
const docId = (ctx: HttpContext) => parseInput(documentIdParam, ctx.params).documentId;
const filters = (ctx: HttpContext) => parseInput(orgListQuery, ctx.query, 'FILTER_INVALID');

export default {
  async list(ctx: HttpContext) {
    const actor = await requireActor(ctx);
    ctx.body = await svc.list().list(actor, filters(ctx), readPaging(ctx.query, { pageSize: ORG_LIST_PAGE_SIZE, max: 200 }));
  },
  async exportList(ctx: HttpContext) {
    const actor = await requireActor(ctx);
    sendXlsx(ctx, '机构列表.xlsx', svc.list().exportList(actor, filters(ctx)));
  },
  async one(ctx: HttpContext) {
    const row = await svc.list().one(docId(ctx));
    if (!row) throw notFound();
    ctx.body = { data: row };
  },
  async history(ctx: HttpContext) {
    const row = await svc.list().one(docId(ctx));
    if (!row) throw notFound();
    ctx.body = { data: await svc.info().orgHistory(row.id) };
  },
  async create(ctx: HttpContext) {
    const actor = await requireActor(ctx);
    const body = parseInput(orgBody, ctx.request.body, 'ORGANISATION_INVALID') as Record<string, unknown>;
    ctx.body = { data: await svc.onboarding().create(actor, body) };
  },
  async update(ctx: HttpContext) {
    const actor = await requireActor(ctx);
    const body = parseInput(orgBody, ctx.request.body, 'ORGANISATION_INVALID') as Record<string, unknown>;
    await svc.onboarding().update(actor, docId(ctx), body);
    ctx.body = { data: await svc.list().one(docId(ctx)) };
  },
  async enable(ctx: HttpContext) {
    ctx.body = { data: await svc.onboarding().setEnabled(await requireActor(ctx), docId(ctx), true) };
  },
  async disable(ctx: HttpContext) {
    ctx.body = { data: await svc.onboarding().setEnabled(await requireActor(ctx), docId(ctx), false) };
  },
  async resetLogin(ctx: HttpContext) {
    ctx.body = { data: await svc.onboarding().resetLogin(await requireActor(ctx), docId(ctx)) };
  },
  async template(ctx: HttpContext) {
    await requireActor(ctx);
    const name = '机构批量创建模板.xlsx';
    ctx.set('Content-Type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    ctx.set('Content-Disposition', `attachment; filename="${encodeURIComponent(name)}"; filename*=UTF-8''${encodeURIComponent(name)}`);
    ctx.body = svc.import().templateWorkbook();
  },
  async importFile(ctx: HttpContext) {
    const actor = await requireActor(ctx);
    ctx.body = { data: await svc.import().importFile(actor, readUploadedFile(ctx)) };
  },
};

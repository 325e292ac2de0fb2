/** 企业信息 / 配送区域: thin handlers over services/mine.ts. */
import { factories } from '@strapi/strapi';
import { z } from 'zod';
import { DISTRIBUTION_AREAS_MAX } from '../../../domain';
import { requireActor } from '../../../scope';
import { parseInput } from '../../../utils/query';
import type mineService from '../services/mine';
import type infoService from '../services/info';
import { textField, unwrapData } from '../../../utils/body';
import type { HttpContext } from '../../../utils/http';

const ORG = 'api::organisation.organisation';
const service = () => strapi.service('api::organisation.mine') as unknown as ReturnType<typeof mineService>;

const info = () => strapi.service('api::organisation.info') as unknown as ReturnType<typeof infoService>;
export const infoBody = z.preprocess(
  unwrapData,
  z.object(
    { legalPerson: textField('法定代表人'), authorisedPerson: textField('被授权人'), phone: textField('联系电话'), address: textField('地址') },
    { message: '请求格式不正确' },
  ),
);

const AREAS_INVALID = '配送区域应为行政区划代码（6位数字）列表';
export const areasBody = z.preprocess(
  (b) => (typeof b === 'object' && b !== null && 'data' in b && !('codes' in b) ? (b as { data: unknown }).data : b),
  z.object(
    {
      codes: z
        .array(z.string({ message: AREAS_INVALID }).regex(/^\d{6}$/, { message: AREAS_INVALID }), { message: AREAS_INVALID })
        .max(DISTRIBUTION_AREAS_MAX, { message: `配送区域最多选择${DISTRIBUTION_AREAS_MAX}个` }),
    },
    { message: AREAS_INVALID },
  ),
);

export default factories.createCoreController(ORG, () => ({
  /** GET /organisations/mine — 企业信息 of the caller's organisation (read-only for everyone). */
  async mine(ctx: HttpContext) {
    const actor = await requireActor(ctx);
    ctx.body = { data: await service().mine(actor.orgId) };
  },

  /** PUT /organisations/mine — 企业信息 edited by the organisation (name and credit code stay as issued). */
  async updateInfo(ctx: HttpContext) {
    const actor = await requireActor(ctx);
    ctx.body = { data: await info().updateInfo(actor, parseInput(infoBody, ctx.request.body, 'ORG_INFO_INVALID')) };
  },

  /** GET /organisations/mine/history — the organisation's own timeline. */
  async history(ctx: HttpContext) {
    ctx.body = { data: await info().orgHistory((await requireActor(ctx)).orgId) };
  },

  /** GET /organisations/mine/area-tree — cities and districts of the distributor's province. */
  async areaTree(ctx: HttpContext) {
    ctx.body = { data: await service().areaTree(await requireActor(ctx)) };
  },

  /** PUT /organisations/mine/areas `{ codes: [...] }` — districts of the distributor's own province. */
  async setAreas(ctx: HttpContext) {
    const actor = await requireActor(ctx);
    const { codes } = parseInput(areasBody, ctx.request.body, 'AREAS_INVALID');
    ctx.body = { data: await service().setAreas(actor, codes) };
  },
}));

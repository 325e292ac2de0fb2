/**
 * Thin controller of 生产配送关系: the caller, the raw query or body, one service call. Queries and
 * bodies are parsed by the services (support/input.ts): bad parameters answer 400.
 */
import { factories } from '@strapi/strapi';
import { chinaDate } from '../../../domain/dates';
import { requireActor } from '../../../scope';
import { now } from '../../../utils/clock';
import { sendXlsx } from '../../../utils/xlsx-export';
import type catalogueService from '../services/delegated-products';
import type readsService from '../services/delegation';
import type changesService from '../services/delegation-changes';
import { requestBody, type HttpContext } from '../../../utils/http';

const reads = () => strapi.service('api::delegation.delegation') as unknown as ReturnType<typeof readsService>;
const changes = () => strapi.service('api::delegation.delegation-changes') as unknown as ReturnType<typeof changesService>;
const catalogue = () => strapi.service('api::delegation.delegated-products') as unknown as ReturnType<typeof catalogueService>;
const documentId = (ctx: HttpContext) => String(ctx.params.documentId);

export default factories.createCoreController('api::delegation.delegation', () => ({
  /** GET /api/delegation-list */
  async list(ctx: HttpContext) {
    ctx.body = await reads().list(await requireActor(ctx), ctx.query);
  },
  /** GET /api/delegations/:documentId/detail */
  async detail(ctx: HttpContext) {
    ctx.body = { data: await reads().one(await requireActor(ctx), documentId(ctx)) };
  },
  /** GET /api/delegations/:documentId/products */
  async products(ctx: HttpContext) {
    ctx.body = await reads().products(await requireActor(ctx), documentId(ctx), ctx.query);
  },
  /** POST /api/delegations/create (manufacturer) */
  async createDelegation(ctx: HttpContext) {
    ctx.body = await changes().create(await requireActor(ctx), requestBody(ctx));
  },
  /** POST /api/delegations/:documentId/sub-delegate (distributor) */
  async subDelegate(ctx: HttpContext) {
    ctx.body = await changes().subDelegate(await requireActor(ctx), documentId(ctx), requestBody(ctx));
  },
  /** POST /api/delegations/respond (distributor): { action: 'accept' | 'reject', ids, reason? } */
  async respond(ctx: HttpContext) {
    ctx.body = await changes().respond(await requireActor(ctx), requestBody(ctx));
  },
  /** POST /api/delegations/:documentId/withdraw (the delegator) */
  async withdraw(ctx: HttpContext) {
    ctx.body = await changes().withdraw(await requireActor(ctx), documentId(ctx));
  },
  /** GET /api/delegated-products (distributor) */
  async delegatedProducts(ctx: HttpContext) {
    ctx.body = await catalogue().list(await requireActor(ctx), ctx.query);
  },
  /** GET /api/delegated-products/export (distributor) */
  async delegatedProductsExport(ctx: HttpContext) {
    const stream = catalogue().exportXlsx(await requireActor(ctx), ctx.query);
    sendXlsx(ctx, `配送产品目录-${chinaDate(now())}.xlsx`, stream);
  },
  /** GET /api/test/delegation-check?productId&distributorOrgId&provinceCode (test env only). */
  async testCheck(ctx: HttpContext) {
    if (process.env.NODE_ENV !== 'test') return ctx.notFound();
    const productId = Number(ctx.query.productId);
    const distributorOrgId = Number(ctx.query.distributorOrgId);
    const provinceCode = String(ctx.query.provinceCode);
    ctx.body = {
      isDelegated: await reads().isDelegated({ productId, distributorOrgId, provinceCode }),
      delegatedProductIds: await reads().delegatedProductIds(distributorOrgId, provinceCode),
    };
  },
}));

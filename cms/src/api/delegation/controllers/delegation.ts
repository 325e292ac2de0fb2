/**
 * Thin controller of 生产配送关系: the caller, the raw query or body, one service call. Queries and
 * bodies are parsed by the services (support/input.ts): bad parameters answer 400.
 */
import { factories } from '@strapi/strapi';
import { chinaDate } from '../../../domain/dates';
import { requireActor } from '../../../scope';
import { now } from '../../../utils/clock';
import { sendXlsx } from '../../../utils/xlsx-export';

const reads = () => strapi.service('api::delegation.delegation') as any;
const changes = () => strapi.service('api::delegation.delegation-changes') as any;
const catalogue = () => strapi.service('api::delegation.delegated-products') as any;
const body = (ctx: any) => ctx.request.body?.data ?? ctx.request.body ?? {};
const documentId = (ctx: any) => String(ctx.params.documentId);

export default factories.createCoreController('api::delegation.delegation', () => ({
  /** GET /api/delegation-list */
  async list(ctx: any) {
    ctx.body = await reads().list(await requireActor(ctx), ctx.query);
  },
  /** GET /api/delegations/:documentId/detail */
  async detail(ctx: any) {
    ctx.body = { data: await reads().one(await requireActor(ctx), documentId(ctx)) };
  },
  /** GET /api/delegations/:documentId/products */
  async products(ctx: any) {
    ctx.body = await reads().products(await requireActor(ctx), documentId(ctx), ctx.query);
  },
  /** POST /api/delegations/create (manufacturer) */
  async createDelegation(ctx: any) {
    ctx.body = await changes().create(await requireActor(ctx), body(ctx));
  },
  /** POST /api/delegations/:documentId/sub-delegate (distributor) */
  async subDelegate(ctx: any) {
    ctx.body = await changes().subDelegate(await requireActor(ctx), documentId(ctx), body(ctx));
  },
  /** POST /api/delegations/respond (distributor): { action: 'accept' | 'reject', ids, reason? } */
  async respond(ctx: any) {
    ctx.body = await changes().respond(await requireActor(ctx), body(ctx));
  },
  /** POST /api/delegations/:documentId/withdraw (the delegator) */
  async withdraw(ctx: any) {
    ctx.body = await changes().withdraw(await requireActor(ctx), documentId(ctx));
  },
  /** GET /api/delegated-products (distributor) */
  async delegatedProducts(ctx: any) {
    ctx.body = await catalogue().list(await requireActor(ctx), ctx.query);
  },
  /** GET /api/delegated-products/export (distributor) */
  async delegatedProductsExport(ctx: any) {
    const stream = catalogue().exportXlsx(await requireActor(ctx), ctx.query);
    sendXlsx(ctx, `配送产品目录-${chinaDate(now())}.xlsx`, stream);
  },
  /** GET /api/test/delegation-check?productId&distributorOrgId&provinceCode (test env only). */
  async testCheck(ctx: any) {
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

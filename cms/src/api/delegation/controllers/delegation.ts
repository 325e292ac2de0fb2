import { factories } from '@strapi/strapi';
import { chinaDate } from '../../../domain/dates';
import { requireActor } from '../../../scope';
import { now } from '../../../utils/clock';
import { sendXlsx } from '../../../utils/xlsx-export';

const svc = () => strapi.service('api::delegation.delegation') as any;
const body = (ctx: any) => ctx.request.body?.data ?? ctx.request.body ?? {};

export default factories.createCoreController('api::delegation.delegation', () => ({
  /** GET /api/delegation-list */
  async list(ctx: any) {
    ctx.body = await svc().list(await requireActor(ctx), ctx.query);
  },
  /** GET /api/delegations/:documentId/detail */
  async detail(ctx: any) {
    ctx.body = { data: await svc().one(await requireActor(ctx), String(ctx.params.documentId)) };
  },
  /** GET /api/delegations/:documentId/products */
  async products(ctx: any) {
    ctx.body = await svc().products(await requireActor(ctx), String(ctx.params.documentId), ctx.query);
  },
  /** POST /api/delegations/create (manufacturer) */
  async createDelegation(ctx: any) {
    ctx.body = await svc().create(await requireActor(ctx), body(ctx));
  },
  /** POST /api/delegations/:documentId/sub-delegate (distributor) */
  async subDelegate(ctx: any) {
    ctx.body = await svc().subDelegate(await requireActor(ctx), String(ctx.params.documentId), body(ctx));
  },
  /** POST /api/delegations/respond (distributor): { action: 'accept' | 'reject', ids, reason? } */
  async respond(ctx: any) {
    ctx.body = await svc().respond(await requireActor(ctx), body(ctx));
  },
  /** POST /api/delegations/:documentId/withdraw (the delegator) */
  async withdraw(ctx: any) {
    ctx.body = await svc().withdraw(await requireActor(ctx), String(ctx.params.documentId));
  },
  /** GET /api/delegated-products (distributor) */
  async delegatedProducts(ctx: any) {
    ctx.body = await svc().delegatedProducts(await requireActor(ctx), ctx.query);
  },
  /** GET /api/test/delegation-check?productId&distributorOrgId&provinceCode (test env only). */
  async testCheck(ctx: any) {
    if (process.env.NODE_ENV !== 'test') return ctx.notFound();
    const productId = Number(ctx.query.productId);
    const distributorOrgId = Number(ctx.query.distributorOrgId);
    const provinceCode = String(ctx.query.provinceCode);
    ctx.body = {
      isDelegated: await svc().isDelegated({ productId, distributorOrgId, provinceCode }),
      delegatedProductIds: await svc().delegatedProductIds(distributorOrgId, provinceCode),
    };
  },
  /** GET /api/delegated-products/export (distributor) */
  async delegatedProductsExport(ctx: any) {
    const buf = await svc().delegatedProductsXlsx(await requireActor(ctx), ctx.query);
    sendXlsx(ctx, `配送产品目录-${chinaDate(now())}.xlsx`, buf);
  },
}));

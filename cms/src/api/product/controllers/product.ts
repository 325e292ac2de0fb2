import { factories } from '@strapi/strapi';
import { DomainError } from '../../../domain/errors';
import { requireActor } from '../../../scope';
import { sendXlsx } from '../../../utils/xlsx-export';
import { chinaDate } from '../../../domain/dates';
import { now } from '../../../utils/clock';
import type productService from '../services/product';
import type { HttpContext } from '../../../utils/http';

const svc = () => strapi.service('api::product.product') as unknown as ReturnType<typeof productService>;

export default factories.createCoreController('api::product.product', () => ({
  /** GET /api/catalogue — 挂网目录查看. */
  async catalogue(ctx: HttpContext) {
    const actor = await requireActor(ctx);
    ctx.body = await svc().catalogue(actor, ctx.query);
  },

  /** GET /api/catalogue/export — the filtered catalogue as .xlsx. */
  async catalogueExport(ctx: HttpContext) {
    const actor = await requireActor(ctx);
    const buf = await svc().exportXlsx(actor, ctx.query);
    sendXlsx(ctx, `挂网目录-${chinaDate(now())}.xlsx`, buf);
  },

  /** GET /api/catalogue/:documentId — 产品详情. */
  async catalogueItem(ctx: HttpContext) {
    const actor = await requireActor(ctx);
    const row = await svc().detail(actor, String(ctx.params.documentId));
    if (!row) throw new DomainError('NOT_FOUND', '产品不存在或未挂网', { status: 404 });
    ctx.body = { data: row };
  },
}));

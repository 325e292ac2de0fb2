import { factories } from '@strapi/strapi';
import { DomainError } from '../../../domain/errors';
import { findScoped, requireActor } from '../../../scope';
import type { HttpContext } from '../../../utils/http';
import type historyService from '../services/state-history';

const history = () => strapi.service('api::state-history.state-history') as unknown as ReturnType<typeof historyService>;

// Records whose history may be read, by the name used in the URL and in `entity`.
const ENTITIES: Record<string, string> = {
  'distributor-account': 'api::distributor-account.distributor-account',
  delegation: 'api::delegation.delegation',
  'hospital-relationship': 'api::hospital-relationship.hospital-relationship',
  contract: 'api::contract.contract',
  'order-line': 'api::order-line.order-line',
  delivery: 'api::delivery.delivery',
  'return-request': 'api::return-request.return-request',
};

export default factories.createCoreController('api::state-history.state-history', () => ({
  /** GET /api/history/:entity/:documentId — the timeline of a record the caller may read. */
  async timeline(ctx: HttpContext) {
    const actor = await requireActor(ctx);
    const uid = ENTITIES[ctx.params.entity];
    if (!uid) throw new DomainError('UNKNOWN_ENTITY', '不支持的记录类型', { status: 404 });
    const row = await findScoped(actor, uid, ctx.params.documentId);
    ctx.body = { data: await history().timeline(ctx.params.entity, row.id) };
  },
}));

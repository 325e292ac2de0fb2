import { errors } from '@strapi/utils';
import type { Core } from '@strapi/strapi';
import { loadActor, canRead, scopeWhere, ruleFor, scopeAttributes, type ActorContext } from '../scope';

/** What the policy reads of the request (Strapi's policy context over Koa's). */
interface ScopedRequest extends ActorContext {
  state: ActorContext['state'] & { route: { handler: string } };
  request: { query: { filters?: unknown } };
  params?: { id?: string };
}

/**
 * The one guard of Strapi's generic REST routes: reference data is open to every authenticated caller
 * (users and API tokens); business data only to a logged-in user of an owning organisation,
 * narrowed to its rows (a bureau: its province). Another organisation's record answers 404.
 */
export default async (policyContext: ScopedRequest, _config: unknown, { strapi }: { strapi: Core.Strapi }) => {
  const ctx = policyContext;
  const handler: string = ctx.state.route.handler;
  const uid = handler.slice(0, handler.lastIndexOf('.'));
  const action = handler.slice(handler.lastIndexOf('.') + 1);
  const rule = ruleFor(uid);
  if ('public' in rule) return true;

  const actor = await loadActor(ctx);
  if (!actor) throw new errors.ForbiddenError('业务数据仅限所属机构的登录用户访问');
  if (actor.mustChangePassword) throw new errors.ForbiddenError('首次登录或密码已重置，请先修改密码');

  if (action === 'find') {
    const where = scopeWhere(actor, uid);
    if (where) {
      // The policy context copies ctx's own fields only; the parsed query object is Koa's cached one, edited in place.
      const query = ctx.request.query;
      query.filters = query.filters ? { $and: [query.filters, where] } : where;
    }
    return true;
  }
  const documentId = ctx.params?.id;
  if (documentId) {
    const row = await strapi.db
      .query(uid as Parameters<Core.Strapi['db']['query']>[0])
      .findOne({ where: { documentId }, select: ['id', ...scopeAttributes(uid)] });
    if (!row || !canRead(actor, uid, row)) throw new errors.NotFoundError('记录不存在或无权访问');
  }
  return true;
};

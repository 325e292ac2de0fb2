import { now, setClockOffset, clockOffset } from '../../../utils/clock';
import { SCOPES } from '../../../scope';

function guard() {
  if (process.env.NODE_ENV !== 'test') throw new Error('test support is only available in the test environment');
}

export default {
  clock(ctx: any) {
    guard();
    ctx.body = { now: now().toISOString(), offsetMs: clockOffset() };
  },

  setClock(ctx: any) {
    guard();
    const body = ctx.request.body ?? {};
    const offsetMs = body.now ? new Date(body.now).getTime() - Date.now() : Number(body.offsetMs ?? 0);
    if (!Number.isFinite(offsetMs)) return ctx.badRequest('offsetMs or now required');
    setClockOffset(offsetMs);
    ctx.body = { now: now().toISOString(), offsetMs };
  },

  /** The Strapi patches' state (`active` / `disabled: why`) and counters of the shortcuts they took. */
  strapiPatches(ctx: any) {
    guard();
    const service = strapi.has('strapi-patches')
      ? (strapi.get('strapi-patches') as { status(): Record<string, string>; counters(): Record<string, Record<string, number>> })
      : null;
    ctx.body = { status: service?.status() ?? {}, counters: service?.counters() ?? {} };
  },

  /**
   * Blocks or unblocks a login through Strapi's query engine, as the content manager would:
   * `{ blocked }`. Proves that such writes drop cached authentications (bootstrap/auth-change-lifecycles.ts).
   */
  async blockUser(ctx: any) {
    guard();
    const id = Number(ctx.params.id);
    const blocked = ctx.request.body?.blocked !== false;
    const user = await strapi.db.query('plugin::users-permissions.user').update({ where: { id }, data: { blocked } });
    if (!user) return ctx.notFound('unknown user');
    ctx.body = { id, blocked };
  },

  /** Inserts one raw row of any scoped content type (`type` = singular name) and answers it. */
  async fixture(ctx: any) {
    guard();
    const uid = `api::${ctx.params.type}.${ctx.params.type}`;
    if (!SCOPES[uid]) return ctx.notFound('unknown type');
    ctx.body = { data: await strapi.db.query(uid as any).create({ data: ctx.request.body?.data ?? {} }) };
  },

  /** Mints an API token (read-only unless `type` says otherwise) and answers its access key. */
  async apiToken(ctx: any) {
    guard();
    const { type = 'read-only', name = `test-${Date.now()}-${Math.random()}` } = ctx.request.body ?? {};
    const token = await strapi.service('admin::api-token').create({ name, type, lifespan: null, description: 'test' });
    ctx.body = { accessKey: token.accessKey, type };
  },

  /** Creates a login for an existing organisation: `{ username, password, orgId, mustChangePassword? }`. */
  async user(ctx: any) {
    guard();
    const { username, password, orgId, mustChangePassword = false } = ctx.request.body ?? {};
    const org = await strapi.db.query('api::organisation.organisation').findOne({ where: { id: orgId } });
    if (!org) return ctx.badRequest('unknown organisation');
    const roleType = { platform: 'platform_admin' }[org.type as string] ?? org.type;
    const role = await strapi.db.query('plugin::users-permissions.role').findOne({ where: { type: roleType } });
    const user = await strapi.plugin('users-permissions').service('user').add({
      username,
      password,
      email: null,
      provider: 'local',
      confirmed: true,
      blocked: false,
      role: role.id,
      organisation: org.id,
      mustChangePassword,
    });
    ctx.body = { id: user.id, username };
  },
};

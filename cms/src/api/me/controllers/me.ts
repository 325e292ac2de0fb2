import { requireActor } from '../../../scope';
import { ROLE_LABELS } from '../../../domain/roles';
import type { HttpContext } from '../../../utils/http';
import type meService from '../services/me';

/** The caller, its organisation and role, for the panel's header, menu and guards. */
export default {
  async show(ctx: HttpContext) {
    const actor = await requireActor(ctx, { allowPasswordChange: true });
    const province = actor.provinceCode
      ? await strapi.db.query('api::region.region').findOne({ where: { code: `${actor.provinceCode}0000` }, select: ['name'] })
      : null;
    ctx.body = {
      id: actor.userId,
      username: actor.username,
      mustChangePassword: actor.mustChangePassword,
      operator: actor.operator,
      displayName: actor.displayName,
      role: actor.role,
      roleLabel: ROLE_LABELS[actor.role],
      organisation: {
        id: actor.orgId,
        documentId: actor.orgDocumentId,
        name: actor.orgName,
        type: actor.orgType,
        provinceCode: actor.provinceCode,
        provinceName: province?.name ?? null,
      },
    };
  },

  /** GET /api/me/todos — counts of what waits for the caller (待办), for the menu badges and the dashboard. */
  async todos(ctx: HttpContext) {
    const actor = await requireActor(ctx);
    ctx.body = { data: await (strapi.service('api::me.me') as unknown as ReturnType<typeof meService>).todos(actor) };
  },

  /** POST /api/me/logout — ends the caller's sessions server-side (the panel then forgets its token); also while a password change is due. */
  async logout(ctx: HttpContext) {
    const actor = await requireActor(ctx, { allowPasswordChange: true });
    await (strapi.service('api::me.me') as unknown as ReturnType<typeof meService>).logout(actor.userId);
    ctx.body = { data: { loggedOut: true } };
  },
};

import type { Core } from '@strapi/strapi';
import { BASE_ROLES, ROLE_DEFS } from './roles';

const ROLE_UID = 'plugin::users-permissions.role';
const PERMISSION_UID = 'plugin::users-permissions.permission';

const isContentApiAction = (fn: any) => !!fn?.[Symbol.for('__type__')]?.includes?.('content-api');

/** Every routed action of an API (`api::x`), as users-permissions lists them; a full action string stands for itself. */
function actionsOf(strapi: Core.Strapi, grant: string): string[] {
  if (grant.split('.').length > 2) return [grant];
  const apiName = grant.replace(/^api::/, '');
  const api = (strapi as any).apis?.[apiName];
  if (!api) return [];
  const out: string[] = [];
  for (const [controllerName, controller] of Object.entries<any>(api.controllers ?? {})) {
    for (const action in controller) if (isContentApiAction(controller[action])) out.push(`api::${apiName}.${controllerName}.${action}`);
  }
  return out;
}

/** Creates the five business roles and makes their permissions exactly those of the roles file (idempotent). */
export async function registerRoles(strapi: Core.Strapi) {
  for (const [type, def] of Object.entries(ROLE_DEFS)) {
    let role = await strapi.db.query(ROLE_UID).findOne({ where: { type } });
    if (!role) role = await strapi.db.query(ROLE_UID).create({ data: { type, name: def.name, description: def.description } });
    const wanted = new Set(def.grants.flatMap((g) => actionsOf(strapi, g)));
    const existing = await strapi.db.query(PERMISSION_UID).findMany({ where: { role: role.id }, select: ['id', 'action'] });
    const have = new Set(existing.map((p: any) => p.action));
    const stale = existing.filter((p: any) => !wanted.has(p.action)).map((p: any) => p.id);
    if (stale.length) await strapi.db.query(PERMISSION_UID).deleteMany({ where: { id: { $in: stale } } });
    for (const action of wanted) {
      if (!have.has(action)) await strapi.db.query(PERMISSION_UID).create({ data: { action, role: role.id } });
    }
  }
  // Anonymous callers may only log in; self-registered users get nothing: accounts are issued, never registered.
  for (const [type, actions] of Object.entries(BASE_ROLES)) {
    const role = await strapi.db.query(ROLE_UID).findOne({ where: { type } });
    if (!role) continue;
    await strapi.db.query(PERMISSION_UID).deleteMany({ where: { role: role.id, action: { $notIn: actions.length ? actions : ['-'] } } });
    const have = await strapi.db.query(PERMISSION_UID).findMany({ where: { role: role.id }, select: ['action'] });
    for (const action of actions) {
      if (!have.some((p: any) => p.action === action)) await strapi.db.query(PERMISSION_UID).create({ data: { action, role: role.id } });
    }
  }
  const store = strapi.store({ type: 'plugin', name: 'users-permissions' });
  const advanced: any = (await store.get({ key: 'advanced' })) ?? {};
  if (advanced.allow_register !== false) await store.set({ key: 'advanced', value: { ...advanced, allow_register: false } });
}

import type { Core } from '@strapi/strapi';
import { BASE_ROLES, ROLE_DEFS } from './roles';

const ROLE_UID = 'plugin::users-permissions.role';
const PERMISSION_UID = 'plugin::users-permissions.permission';

type Controller = Record<string, unknown>;
type Controllers = Record<string, Controller>;

const isContentApiAction = (fn: unknown) => {
  const types = (fn as { [key: symbol]: unknown } | null)?.[Symbol.for('__type__')];
  return Array.isArray(types) && types.includes('content-api');
};

function controllersOf(strapi: Core.Strapi, namespace: string): Controllers | undefined {
  const [kind, name] = namespace.split('::');
  if (kind === 'api') return (strapi.apis as Record<string, { controllers?: Controllers }>)[name]?.controllers;
  if (kind === 'plugin') return strapi.plugin(name)?.controllers as Controllers | undefined;
  return undefined;
}

/**
 * Every routed action of an API (`api::x`), as users-permissions lists them; a full action string
 * (`api::x.controller.action`) stands for itself. A grant naming nothing that exists is refused at start.
 */
function actionsOf(strapi: Core.Strapi, grant: string): string[] {
  const [namespace, controllerName, action] = grant.split('.');
  const controllers = controllersOf(strapi, namespace);
  if (controllerName) {
    if (typeof controllers?.[controllerName]?.[action] !== 'function') throw new Error(`roles.ts grants ${grant}, which does not exist`);
    return [grant];
  }
  if (!controllers) throw new Error(`roles.ts grants ${grant}, which does not exist`);
  const out: string[] = [];
  for (const [name, controller] of Object.entries(controllers)) {
    for (const fn in controller) if (isContentApiAction(controller[fn])) out.push(`${namespace}.${name}.${fn}`);
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
    const have = new Set(existing.map((p: { action: string }) => p.action));
    const stale = existing.filter((p: { action: string }) => !wanted.has(p.action)).map((p: { id: number }) => p.id);
    if (stale.length) await strapi.db.query(PERMISSION_UID).deleteMany({ where: { id: { $in: stale } } });
    for (const action of wanted) {
      if (!have.has(action)) await strapi.db.query(PERMISSION_UID).create({ data: { action, role: role.id } });
    }
  }
  // Anonymous callers may only log in and fetch the CA certificate; self-registered users get nothing: accounts are issued, never registered.
  for (const [type, actions] of Object.entries(BASE_ROLES)) {
    const role = await strapi.db.query(ROLE_UID).findOne({ where: { type } });
    if (!role) continue;
    await strapi.db.query(PERMISSION_UID).deleteMany({ where: { role: role.id, action: { $notIn: actions.length ? actions : ['-'] } } });
    const have = await strapi.db.query(PERMISSION_UID).findMany({ where: { role: role.id }, select: ['action'] });
    for (const action of actions) {
      if (!have.some((p: { action: string }) => p.action === action)) await strapi.db.query(PERMISSION_UID).create({ data: { action, role: role.id } });
    }
  }
  const store = strapi.store({ type: 'plugin', name: 'users-permissions' });
  const advanced = ((await store.get({ key: 'advanced' })) ?? {}) as Record<string, unknown>;
  if (advanced.allow_register !== false) await store.set({ key: 'advanced', value: { ...advanced, allow_register: false } });
}

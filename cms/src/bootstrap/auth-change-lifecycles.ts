import type { Core } from '@strapi/strapi';
import { notifyClusterSoon } from '../db/cluster-bus';
import { authChanged } from '../utils/auth-events';

/**
 * Writes made through Strapi (the content manager, users-permissions' own routes, `strapi.db.query`)
 * on users, roles, permissions and organisations announce an authentication change, but only when
 * they touch what authentication or the actor reads: a login (which writes `lastLoginAt`) keeps every
 * cache. Raw knex writes bypass these lifecycles: their code calls `authChanged()` itself.
 */
const USER_FIELDS = [
  'blocked',
  'password',
  'role',
  'confirmed',
  'organisation',
  'mustChangePassword',
  'username',
  'email',
  'displayName',
  'provider',
  'tokensValidAfter',
];
const ORGANISATION_FIELDS = ['enabled', 'users', 'type', 'name', 'provinceCode'];

const USER = 'plugin::users-permissions.user';
const ORGANISATION = 'api::organisation.organisation';
const ROLE = 'plugin::users-permissions.role';
const PERMISSION = 'plugin::users-permissions.permission';

interface WriteEvent {
  action: string;
  model: { uid: string };
  params: { data?: unknown; where?: unknown };
  result?: unknown;
}

const touches = (data: unknown, fields: string[]) => typeof data !== 'object' || data === null || fields.some((f) => f in data);

/** The id of the one row a write targeted, when it says so plainly. */
function targetId(event: WriteEvent): number | undefined {
  const result = event.result as { id?: unknown } | undefined;
  if (typeof result?.id === 'number') return result.id;
  const where = event.params.where as { id?: unknown } | undefined;
  return typeof where?.id === 'number' ? where.id : undefined;
}

/** The change a write announces, or null when it changes nothing authentication reads. */
export function authChangeOf(event: WriteEvent): { userIds?: number[] } | null {
  const { uid } = event.model;
  const created = event.action === 'afterCreate' || event.action === 'afterCreateMany';
  const deleted = event.action === 'afterDelete' || event.action === 'afterDeleteMany';
  if (uid === ROLE || uid === PERMISSION) return {};
  if (uid === USER) {
    if (created) return null; // a new login has nothing cached
    if (!deleted && !touches(event.params.data, USER_FIELDS)) return null;
    const id = event.action === 'afterUpdate' || event.action === 'afterDelete' ? targetId(event) : undefined;
    return id === undefined ? {} : { userIds: [id] };
  }
  if (uid === ORGANISATION) {
    if (created) return null;
    return deleted || touches(event.params.data, ORGANISATION_FIELDS) ? {} : null;
  }
  return null;
}

/**
 * A login blocked, unblocked or given a new password through Strapi (the content manager, its own
 * routes) ends its earlier sessions, as db/users.ts does for ours: unblocking revives no old token.
 * (users-permissions' change-password then keeps its fresh token: middlewares/auth-hooks.ts.)
 */
export function endSessionsOnBlockOrPassword(event: { model: { uid: string }; params: { data?: unknown } }): void {
  const data = event.params.data;
  if (event.model.uid !== USER || typeof data !== 'object' || data === null) return;
  if ('blocked' in data || 'password' in data) (data as Record<string, unknown>).tokensValidAfter = Date.now() + 1;
}

export function registerAuthChangeLifecycles(strapi: Core.Strapi) {
  const announce = (event: WriteEvent) => {
    const change = authChangeOf(event);
    if (!change) return;
    authChanged(change);
    notifyClusterSoon(strapi.db.connection, { kind: 'auth', userIds: change.userIds });
  };
  strapi.db.lifecycles.subscribe({
    models: [USER, ORGANISATION, ROLE, PERMISSION],
    beforeUpdate: endSessionsOnBlockOrPassword,
    afterCreate: announce,
    afterCreateMany: announce,
    afterUpdate: announce,
    afterUpdateMany: announce,
    afterDelete: announce,
    afterDeleteMany: announce,
  });
}

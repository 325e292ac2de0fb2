import { DomainError } from '../domain/errors';
import type { Role } from '../domain/roles';
import { cacheActor, cachedActor } from './actor-cache';

/** The caller of a request as the rules see it: one user, one organisation, one role. */
export interface Actor {
  userId: number;
  username: string;
  role: Role;
  orgId: number;
  orgDocumentId: string;
  orgName: string;
  orgType: string;
  provinceCode: string | null;
  mustChangePassword: boolean;
  /** An operator 经办人: the organisation's permissions, but no managing of logins. */
  operator: boolean;
  /** The operator's name (or the login's display name), for the history. */
  displayName: string | null;
}

const ROLE_TYPES = new Set<string>(['platform_admin', 'bureau', 'manufacturer', 'distributor', 'hospital'] satisfies Role[]);
const isRole = (type: unknown): type is Role => typeof type === 'string' && ROLE_TYPES.has(type);

// API tokens act for no organisation (Strapi 5.54 names the strategy `content-api-token`).
const API_TOKEN_STRATEGIES = new Set(['api-token', 'content-api-token']);

/** What the actor reads of a request's context (a Koa context or a route policy's). */
export interface ActorContext {
  state: {
    user?: { id: number } | null;
    auth?: { strategy?: { name?: string } };
    actor?: Actor | null;
  };
}

interface UserRow {
  id: number;
  username: string;
  mustChangePassword: boolean | null;
  blocked: boolean | null;
  isOperator?: boolean | null;
  displayName?: string | null;
  role?: { type?: string } | null;
  organisation?: { id: number; documentId: string; name: string; type: string; provinceCode: string | null; enabled: boolean | null } | null;
}

/** Loads (once per request) the actor behind ctx.state.user; null for anonymous or API-token callers. */
export async function loadActor(ctx: ActorContext): Promise<Actor | null> {
  if (ctx.state.actor !== undefined) return ctx.state.actor;
  const user = ctx.state.user;
  if (!user || API_TOKEN_STRATEGIES.has(ctx.state.auth?.strategy?.name ?? '')) {
    ctx.state.actor = null;
    return null;
  }
  const cached = cachedActor(user.id);
  if (cached !== undefined) {
    ctx.state.actor = cached;
    return cached;
  }
  const row: UserRow | null = await strapi.db.query('plugin::users-permissions.user').findOne({
    where: { id: user.id },
    select: ['id', 'username', 'mustChangePassword', 'blocked', 'isOperator', 'displayName'],
    populate: { role: { select: ['type'] }, organisation: { select: ['id', 'documentId', 'name', 'type', 'provinceCode', 'enabled'] } },
  });
  const role = row?.role?.type;
  if (!row || row.blocked || !row.organisation || !isRole(role) || row.organisation.enabled === false) {
    ctx.state.actor = null;
    return null;
  }
  const actor: Actor = Object.freeze({
    userId: row.id,
    username: row.username,
    role,
    orgId: row.organisation.id,
    orgDocumentId: row.organisation.documentId,
    orgName: row.organisation.name,
    orgType: row.organisation.type,
    provinceCode: row.organisation.provinceCode ?? null,
    mustChangePassword: !!row.mustChangePassword,
    operator: !!row.isOperator,
    displayName: row.displayName ?? null,
  });
  ctx.state.actor = actor;
  cacheActor(actor);
  return actor;
}

/** The actor, or a 401/403 business error. Refuses everything but a password change until the initial password is changed. */
export async function requireActor(ctx: ActorContext, opts: { allowPasswordChange?: boolean } = {}): Promise<Actor> {
  const actor = await loadActor(ctx);
  if (!actor) {
    if (!ctx.state.user) throw new DomainError('UNAUTHENTICATED', '请先登录', { status: 401 });
    throw new DomainError('NO_ORGANISATION', '当前账号未关联机构或已被停用，无权访问业务数据', { status: 403 });
  }
  if (actor.mustChangePassword && !opts.allowPasswordChange) {
    throw new DomainError('PASSWORD_CHANGE_REQUIRED', '首次登录或密码已重置，请先修改密码', { status: 403 });
  }
  return actor;
}

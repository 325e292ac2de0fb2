/**
 * A short-lived cache of users-permissions' authentication, keyed by the bearer token.
 *
 * Measured (scripts/bench/order-inbox.mjs): for every request users-permissions verifies the JWT,
 * loads the user with its role, reads the plugin's advanced settings, loads the role's permissions and
 * builds a CASL ability from them — several queries and most of the CPU time of a small list request,
 * capping a 2-core server near 150 requests/s. The result of that work only changes when a user, a
 * role, a permission or an organisation changes, so it is kept for AUTH_CACHE_TTL_MS and dropped at
 * once (the whole cache) when any of those rows is written through Strapi (block, disable, role or
 * password change). The actor (scope/actor.ts) is cached alongside, under the same rules.
 */
import path from 'node:path';
import { onAuthChange } from '../utils/auth-events';

export const AUTH_CACHE_TTL_MS = Number(process.env.AUTH_CACHE_TTL_MS ?? 5000);
const MAX_ENTRIES = 10_000;

interface Entry {
  at: number;
  result: any;
  user: any;
  session: any;
}
const byToken = new Map<string, Entry>();
const actors = new Map<number, { at: number; actor: any }>();

export function clearAuthCache() {
  byToken.clear();
  actors.clear();
}

export function cachedActor(userId: number): any | undefined {
  const e = actors.get(userId);
  if (!e) return undefined;
  if (Date.now() - e.at > AUTH_CACHE_TTL_MS) {
    actors.delete(userId);
    return undefined;
  }
  return e.actor;
}

export function cacheActor(userId: number, actor: any) {
  if (AUTH_CACHE_TTL_MS <= 0) return;
  if (actors.size >= MAX_ENTRIES) actors.clear();
  actors.set(userId, { at: Date.now(), actor });
}

const WATCHED = new Set([
  'plugin::users-permissions.user',
  'plugin::users-permissions.role',
  'plugin::users-permissions.permission',
  'api::organisation.organisation',
]);

export function registerAuthCache(strapi: any) {
  if (AUTH_CACHE_TTL_MS <= 0) return;
  const file = path.join(path.dirname(require.resolve('@strapi/plugin-users-permissions/package.json')), 'dist/server/strategies/users-permissions.js');
  // The same memoised strategy object users-permissions registers for the content API.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const strategy = require(file).__require();
  if (strategy.__cached) return;
  const original = strategy.authenticate;
  strategy.authenticate = async (ctx: any) => {
    const header: string | undefined = ctx.request?.header?.authorization;
    if (!header) return original(ctx);
    const hit = byToken.get(header);
    if (hit && Date.now() - hit.at <= AUTH_CACHE_TTL_MS) {
      ctx.state.user = hit.user;
      if (hit.session) ctx.state.session = hit.session;
      return hit.result;
    }
    const result = await original(ctx);
    if (result?.authenticated && result.credentials) {
      if (byToken.size >= MAX_ENTRIES) byToken.clear();
      byToken.set(header, { at: Date.now(), result, user: ctx.state.user, session: ctx.state.session });
    }
    return result;
  };
  strategy.__cached = true;

  onAuthChange(() => clearAuthCache());
  strapi.db.lifecycles.subscribe((event: any) => {
    if (WATCHED.has(event.model?.uid) && !String(event.action).startsWith('before') && !/find|count/i.test(event.action)) clearAuthCache();
  });
}

/**
 * Strapi tries the API-token strategy first for every bearer token: an HMAC and a database lookup
 * before users-permissions gets a JWT. API tokens are hex strings; a token of JWT shape cannot be one,
 * so that strategy answers "not mine" at once (failing closed: such a token still has to pass
 * users-permissions' verification).
 */
const JWT_SHAPE = /^Bearer\s+[\w-]+\.[\w-]+\.[\w-]+$/i;
export function registerApiTokenShortcut() {
  const file = path.join(path.dirname(require.resolve('@strapi/admin/package.json')), 'dist/server/server/src/strategies/content-api-token.js');
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const strategy = require(file).default;
  if (strategy.__jwtShortcut) return;
  const original = strategy.authenticate;
  strategy.authenticate = (ctx: any) => (JWT_SHAPE.test(ctx.request?.header?.authorization ?? '') ? { authenticated: false } : original(ctx));
  strategy.__jwtShortcut = true;
}

/**
 * A short-lived cache of users-permissions' authentication, keyed by the bearer token.
 *
 * Measured (scripts/bench/order-inbox.mjs): for every request users-permissions verifies the JWT,
 * loads the user with its role, reads the plugin's advanced settings, loads the role's permissions and
 * builds a CASL ability from them — several queries and most of the CPU time of a small list request,
 * capping a 2-core server near 150 requests/s. The result only changes when authentication changes, so
 * it is kept for AUTH_CACHE_TTL_MS and dropped by `authChanged()` (utils/auth-events.ts): for the users
 * named, or entirely when none are.
 */
import path from 'node:path';
import { authCacheTtlMs, onAuthChange, type AuthChange } from '../utils/auth-events';
import { isStrategy, loadBuiltFile, type AuthContext, type AuthResult, type AuthStrategy, type StrapiPatch } from './patch';
import { packageDir } from './version';

const MAX_ENTRIES = 10_000;
const PATCHED = Symbol.for('mcp.strapi-patches.auth-cache');

type User = Record<string, unknown> & { id?: unknown; role?: unknown };
interface Entry {
  at: number;
  userId: unknown;
  /** A copy no request holds: each hit gets its own shallow copy of it (the role inside and the session are frozen). */
  user: User;
  ability: unknown;
  session: unknown;
}

const byToken = new Map<string, Entry>();
const counters = { hits: 0, loads: 0, drops: 0 };

function drop(change: AuthChange) {
  counters.drops++;
  if (!change.userIds) return byToken.clear();
  const ids = new Set<unknown>(change.userIds);
  for (const [token, entry] of byToken) if (ids.has(entry.userId)) byToken.delete(token);
}

function snapshot(user: User): User {
  const role = user.role && typeof user.role === 'object' ? Object.freeze({ ...user.role }) : user.role;
  return { ...user, role };
}

function cachedAuthenticate(original: AuthStrategy['authenticate'], ttl: number) {
  return async (ctx: AuthContext): Promise<AuthResult> => {
    const header = ctx.request?.header?.authorization;
    if (!header) return original(ctx);
    const hit = byToken.get(header);
    if (hit !== undefined && Date.now() - hit.at <= ttl) {
      counters.hits++;
      const user = { ...hit.user };
      ctx.state.user = user;
      if (hit.session) ctx.state.session = hit.session;
      return { authenticated: true, credentials: user, ability: hit.ability };
    }
    counters.loads++;
    const result = await original(ctx);
    const user = ctx.state.user as User | undefined;
    if (result?.authenticated && result.credentials && user) {
      if (byToken.size >= MAX_ENTRIES) byToken.clear();
      const session = ctx.state.session ? Object.freeze({ ...(ctx.state.session as object) }) : undefined;
      byToken.set(header, { at: Date.now(), userId: user.id, user: snapshot(user), ability: result.ability, session });
    } else if (hit) {
      byToken.delete(header);
    }
    return result;
  };
}

export const authCachePatch: StrapiPatch = {
  name: 'users-permissions-auth-cache',
  packages: ['@strapi/strapi', '@strapi/plugin-users-permissions'],
  switchedOff: () => (authCacheTtlMs() > 0 ? null : 'AUTH_CACHE_TTL_MS=0'),
  apply() {
    const file = path.join(packageDir('@strapi/plugin-users-permissions'), 'dist/server/strategies/users-permissions.js');
    const built = loadBuiltFile(file);
    if (typeof built?.__require !== 'function') return `${file} has no __require()`;
    // The same memoised strategy object users-permissions registers for the content API.
    const strategy: unknown = built.__require();
    if (!isStrategy(strategy, 'users-permissions')) return 'the users-permissions strategy has no authenticate()';
    const marked = strategy as AuthStrategy & { [PATCHED]?: true };
    if (marked[PATCHED]) return null;
    strategy.authenticate = cachedAuthenticate(strategy.authenticate.bind(strategy), authCacheTtlMs());
    marked[PATCHED] = true;
    onAuthChange(drop);
    return null;
  },
  counters: () => ({ ...counters, entries: byToken.size }),
};

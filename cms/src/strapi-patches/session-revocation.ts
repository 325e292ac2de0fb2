/**
 * Revocable sessions on users-permissions' JWTs (issue 14): every token carries its issue time in
 * milliseconds (`iatMs`, added where users-permissions issues it), and a token issued before its
 * user's `tokensValidAfter` is refused (401), however long its `exp` still runs. db/users.ts moves
 * `tokensValidAfter` when sessions must end: 退出登录, 修改密码, 重置密码, 禁用 (and so 启用 revives
 * nothing). The authentication cache (auth-cache.ts) wraps this check and is dropped by the same
 * change, so it holds with any AUTH_CACHE_TTL_MS, 0 included: this patch is never switched off.
 */
import path from 'node:path';
import { tokenStillValid } from '../domain/login-guard';
import { bearerToken, tokenIssuedAtMs } from '../utils/session-token';
import { isStrategy, loadBuiltFile, type AuthContext, type AuthResult, type AuthStrategy, type StrapiPatch } from './patch';
import { packageDir } from './version';

const PATCHED = Symbol.for('mcp.strapi-patches.session-revocation');
const JWT_SERVICE = 'plugin::users-permissions.jwt';
const counters = { refused: 0 };

type Payload = Record<string, unknown> & { toJSON?: () => Record<string, unknown> };
interface JwtService {
  issue(payload: Payload, options?: unknown): unknown;
}
interface ServiceRegistry {
  extend(uid: string, fn: (service: JwtService) => JwtService): unknown;
}

const epochMs = (v: unknown): number | null => {
  if (v === null || v === undefined || v === '') return null;
  const n = Number(v);
  return Number.isFinite(n) ? n : null;
};

function checkedAuthenticate(original: AuthStrategy['authenticate']) {
  return async (ctx: AuthContext): Promise<AuthResult> => {
    const result = await original(ctx);
    const user = ctx.state.user as { tokensValidAfter?: unknown } | undefined;
    if (!result?.authenticated || !result.credentials || !user) return result;
    if (tokenStillValid(tokenIssuedAtMs(bearerToken(ctx.request?.header?.authorization)), epochMs(user.tokensValidAfter))) return result;
    counters.refused++;
    ctx.state.user = undefined;
    ctx.state.session = undefined;
    return { error: 'Invalid credentials' };
  };
}

export const sessionRevocationPatch: StrapiPatch = {
  name: 'users-permissions-session-revocation',
  packages: ['@strapi/strapi', '@strapi/plugin-users-permissions'],
  apply(strapi) {
    const file = path.join(packageDir('@strapi/plugin-users-permissions'), 'dist/server/strategies/users-permissions.js');
    const built = loadBuiltFile(file);
    if (typeof built?.__require !== 'function') return `${file} has no __require()`;
    const strategy: unknown = built.__require();
    if (!isStrategy(strategy, 'users-permissions')) return 'the users-permissions strategy has no authenticate()';
    const services = strapi.get('services') as Partial<ServiceRegistry> | undefined;
    if (typeof services?.extend !== 'function') return "Strapi's service registry has no extend()";
    const marked = strategy as AuthStrategy & { [PATCHED]?: true };
    if (marked[PATCHED]) return null;
    services.extend(JWT_SERVICE, (jwt) => {
      const issue = jwt.issue.bind(jwt);
      jwt.issue = (payload, options) => {
        if (strapi.config.get('plugin::users-permissions.jwtManagement') === 'refresh') return issue(payload, options);
        const claims = typeof payload?.toJSON === 'function' ? payload.toJSON() : payload;
        return issue({ ...claims, iatMs: Date.now() }, options);
      };
      return jwt;
    });
    strategy.authenticate = checkedAuthenticate(strategy.authenticate.bind(strategy));
    marked[PATCHED] = true;
    return null;
  },
  counters: () => ({ ...counters }),
};

/**
 * What an API token may read: reference data, nothing else (README, "API consumers"). Strapi's own
 * rule lets a read-only token call every `find` / `findOne` — `/api/users` included, and populate or
 * filter through `organisations.users` — so every permission check Strapi makes for a token (the
 * route's scope, and each relation a query populates or filters on) goes through this allow-list,
 * whatever the token's type. Business data is read by a logged-in organisation user.
 */
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';

export const API_TOKEN_SCOPES: ReadonlySet<string> = new Set(
  ['api::region.region', 'api::product.product', 'api::organisation.organisation'].flatMap((uid) => [`${uid}.find`, `${uid}.findOne`]),
);

interface AuthService {
  verify(auth: unknown, config?: unknown): Promise<unknown>;
}

// @strapi/admin's strategy for API tokens (strategies/content-api-token)
const isApiToken = (auth: unknown) => (auth as { strategy?: { name?: string } } | null)?.strategy?.name === 'content-api-token';
const scopesOf = (config: unknown): string[] => {
  const scope = (config as { scope?: unknown } | null | undefined)?.scope;
  return (Array.isArray(scope) ? scope : [scope]).filter((s): s is string => typeof s === 'string');
};

/** Wraps Strapi's `auth` service (registered by Strapi before our register phase). */
export function registerApiTokenScope(strapi: Core.Strapi) {
  const auth = strapi.get('auth') as AuthService;
  const verify = auth.verify.bind(auth);
  auth.verify = async (credentials, config) => {
    if (config !== false && isApiToken(credentials)) {
      const scopes = scopesOf(config);
      if (scopes.length === 0 || scopes.some((s) => !API_TOKEN_SCOPES.has(s))) {
        // A PolicyError reaches the client with its message (Strapi hides plain ForbiddenError texts).
        throw new errors.PolicyError('API 令牌只能读取参考数据（地区、挂网目录、机构）', { code: 'API_TOKEN_SCOPE' });
      }
    }
    return verify(credentials, config);
  };
}

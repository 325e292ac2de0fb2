/**
 * Strapi tries the API-token strategy first for every bearer token: an HMAC and a database lookup
 * before users-permissions gets a JWT. API tokens are hex strings; a token of JWT shape cannot be one,
 * so that strategy answers "not mine" at once (failing closed: such a token still has to pass
 * users-permissions' verification).
 */
import path from 'node:path';
import { isStrategy, loadBuiltFile, type AuthStrategy, type StrapiPatch } from './patch';
import { packageDir } from './version';

const JWT_SHAPE = /^Bearer\s+[\w-]+\.[\w-]+\.[\w-]+$/i;
const PATCHED = Symbol.for('mcp.strapi-patches.api-token-shortcut');
const counters = { shortcuts: 0 };

export const apiTokenShortcutPatch: StrapiPatch = {
  name: 'api-token-jwt-shortcut',
  packages: ['@strapi/strapi', '@strapi/admin'],
  apply() {
    const file = path.join(packageDir('@strapi/admin'), 'dist/server/server/src/strategies/content-api-token.js');
    const strategy = loadBuiltFile(file)?.default;
    if (!isStrategy(strategy, 'content-api-token')) return `${file} exports no content-api-token strategy`;
    const marked = strategy as AuthStrategy & { [PATCHED]?: true };
    if (marked[PATCHED]) return null;
    const original = strategy.authenticate.bind(strategy);
    strategy.authenticate = (ctx) => {
      if (!JWT_SHAPE.test(ctx.request?.header?.authorization ?? '')) return original(ctx);
      counters.shortcuts++;
      return { authenticated: false };
    };
    marked[PATCHED] = true;
    return null;
  },
  counters: () => ({ ...counters }),
};

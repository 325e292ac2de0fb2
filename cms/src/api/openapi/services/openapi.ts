/**
 * The integrators' OpenAPI document over Strapi's route table: every content-API route (ours and the
 * plugins') that a caller can reach — `auth: false`, or its action granted to a role — described by
 * the `openapi.ts` files next to the aggregates' schemas (api/<aggregate>/openapi.ts). Closed routes
 * (e.g. /auth/local/register, POST /users: granted to no role) are left out and listed in
 * `x-closed-routes`. The documentation plugin's Swagger UI (/documentation) is given this document.
 */
import fs from 'node:fs';
import path from 'node:path';
import { openApiDocument, type RouteDoc, type RuntimeRoute } from '../../../utils/openapi';

interface StrapiRoute {
  method: string;
  path: string;
  handler: unknown;
  config?: { auth?: false | { scope?: string[] }; prefix?: string };
}
interface Router {
  type?: string;
  prefix?: string;
  routes?: StrapiRoute[];
}

const INFO = {
  title: '医用耗材采购配送平台 REST API',
  version: '1.0.0',
  description:
    '供医院 HIS、企业 ERP 等系统对接：先 `POST /auth/local` 登录取得 JWT，之后每个请求带 `Authorization: Bearer <jwt>`。' +
    '每个被拒绝的请求都以 4xx 应答，`error.details.code` 为稳定的错误代码，`error.message` 为中文说明，且不做任何修改。',
};

/** Paths never offered to integrators whatever the grants (test-only helpers, the document itself). */
const INTERNAL = [/^\/api\/test\//];

/** A router as Strapi registered it (a router factory is called, as Strapi does). */
const routerOf = (r: unknown): Router => (typeof r === 'function' ? (r as () => Router)() : (r as Router));

/** Every content-API router with the prefix its routes are mounted under (a route's own `config.prefix` wins). */
function routersOf(): Array<{ router: Router; prefix: string }> {
  const out: Array<{ router: Router; prefix: string }> = [];
  for (const api of Object.values(strapi.apis as Record<string, { routes?: Record<string, unknown> }>)) {
    for (const r of Object.values(api.routes ?? {})) {
      const router = routerOf(r);
      out.push({ router, prefix: router.prefix ?? '' });
    }
  }
  for (const [name, plugin] of Object.entries(strapi.plugins as Record<string, { routes?: unknown }>)) {
    if (!plugin.routes || Array.isArray(plugin.routes)) continue;
    for (const [key, r] of Object.entries(plugin.routes as Record<string, unknown>)) {
      const router = routerOf(r);
      if (router.type === 'content-api' || key === 'content-api') out.push({ router, prefix: router.prefix ?? `/${name}` });
    }
  }
  return out;
}

/** Every content-API route with who may call it; closed = no login-free access and no role granted its action. */
export async function routeTable(): Promise<{ open: RuntimeRoute[]; closed: RuntimeRoute[] }> {
  const perms: Array<{ action: string; role?: { type?: string } }> = await strapi.db
    .query('plugin::users-permissions.permission')
    .findMany({ select: ['action'], populate: { role: { select: ['type'] } } });
  const granted = new Map<string, string[]>();
  for (const p of perms) if (p.role?.type) granted.set(p.action, [...(granted.get(p.action) ?? []), p.role.type]);
  const open: RuntimeRoute[] = [];
  const closed: RuntimeRoute[] = [];
  for (const { router, prefix } of routersOf()) {
    for (const r of router.routes ?? []) {
      const full = `/api${r.config?.prefix ?? prefix}${r.path}`.replace(/(.)\/$/, '$1');
      if (INTERNAL.some((re) => re.test(full))) continue;
      const auth = r.config?.auth;
      const action = auth === false ? null : (auth?.scope?.[0] ?? String(r.handler));
      const roles = action ? (granted.get(action) ?? []) : [];
      const route: RuntimeRoute = {
        method: r.method,
        path: full,
        handler: action ?? String(r.handler),
        access: auth === false || roles.includes('public') ? 'public' : roles,
      };
      (route.access === 'public' || route.access.length ? open : closed).push(route);
    }
  }
  return { open, closed };
}

/** The descriptions: the default export of every api/<aggregate>/openapi.js of the build. */
function routeDocs(): RouteDoc[] {
  const dir = strapi.dirs.dist.api;
  const out: RouteDoc[] = [];
  for (const name of fs.readdirSync(dir)) {
    const file = path.join(dir, name, 'openapi.js');
    if (!fs.existsSync(file)) continue;
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const mod = require(file) as { default?: RouteDoc[] };
    out.push(...(mod.default ?? []));
  }
  return out;
}

export default () => ({
  async document() {
    const { open, closed } = await routeTable();
    const doc = openApiDocument(open, routeDocs(), INFO) as unknown as Record<string, unknown>;
    doc['x-closed-routes'] = closed.map((r) => `${r.method} ${r.path}`);
    return doc;
  },

  /** Gives the documentation plugin's Swagger UI (/documentation) this document instead of its generic one. */
  async replaceDocumentationPlugin() {
    const plugin = strapi.plugin('documentation');
    if (!plugin) return;
    const docs = plugin.service('documentation') as { getFullDocumentationPath(): string; getDocumentationVersion(): string };
    const file = path.join(docs.getFullDocumentationPath(), docs.getDocumentationVersion(), 'full_documentation.json');
    fs.mkdirSync(path.dirname(file), { recursive: true });
    const { ['x-closed-routes']: _closed, ...doc } = await this.document();
    fs.writeFileSync(file, JSON.stringify(doc, null, 2));
  },
});

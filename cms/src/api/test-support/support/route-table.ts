/**
 * Test support: the content API's route table as Strapi registered it (method, full path, handler,
 * whether it authenticates, the roles of its `global::has-role` policy), and a checksum of every
 * business table. The hardening tests enumerate routes from here, so a route added tomorrow is
 * exercised without anyone listing it.
 */
import crypto from 'node:crypto';

export interface RouteEntry {
  method: string;
  path: string;
  handler: string;
  auth: boolean;
  /** The roles `global::has-role` admits, or null when the route has no such policy. */
  roles: string[] | null;
  policies: string[];
  /** The API (`api::<api>`) or plugin (`plugin::<plugin>`) the handler belongs to. */
  api: string | null;
  plugin: string | null;
}

interface RouteDef {
  method: string;
  path: string;
  handler: unknown;
  info?: { apiName?: string; pluginName?: string };
  config?: { prefix?: string; auth?: unknown; policies?: unknown[] };
}
interface RouterDef {
  type?: string;
  prefix?: string;
  routes?: RouteDef[];
}

const policyName = (p: unknown) => (typeof p === 'string' ? p : typeof p === 'object' && p ? String((p as { name?: unknown }).name) : 'inline');
const hasRoleRoles = (policies: unknown[] = []) => {
  const p = policies.find((x) => policyName(x) === 'global::has-role') as { config?: { roles?: string[] } } | undefined;
  return p ? [...(p.config?.roles ?? [])] : null;
};

function collect(routers: unknown, out: RouteEntry[]) {
  if (!routers || Array.isArray(routers)) return; // a plugin's array of routes is an admin router
  for (const router of Object.values(routers as Record<string, RouterDef>)) {
    if (!router || router.type !== 'content-api') continue;
    for (const r of router.routes ?? []) {
      out.push({
        method: r.method.toUpperCase(),
        path: `/api${r.config?.prefix ?? router.prefix ?? ''}${r.path}`,
        handler: typeof r.handler === 'string' ? r.handler : 'inline',
        auth: r.config?.auth !== false,
        roles: hasRoleRoles(r.config?.policies),
        policies: (r.config?.policies ?? []).map(policyName),
        api: r.info?.apiName ?? null,
        plugin: r.info?.pluginName ?? null,
      });
    }
  }
}

export function routeTable() {
  const routes: RouteEntry[] = [];
  for (const api of Object.values(strapi.apis)) collect((api as { routes?: unknown }).routes, routes);
  for (const plugin of Object.values(strapi.plugins)) collect((plugin as { routes?: unknown }).routes, routes);
  const layers = (strapi.server.api('content-api') as unknown as { listRoutes(): Array<{ methods: string[]; path: string }> }).listRoutes();
  const mounted = layers.flatMap((l) => l.methods.filter((m) => m !== 'HEAD').map((m) => `${m} ${l.path}`));
  return { routes, mounted };
}

/** Rows and a hash of their content, per table of every api:: content type and of the logins. */
export async function businessChecksum() {
  const uids = Object.keys(strapi.contentTypes).filter((uid) => uid.startsWith('api::') || uid === 'plugin::users-permissions.user');
  const tables: Record<string, { rows: number; hash: string }> = {};
  for (const uid of uids.sort()) {
    const table = strapi.db.metadata.get(uid as never)?.tableName as string | undefined;
    if (!table) continue;
    const rows = (await strapi.db.connection(table).select('*').orderBy('id')) as unknown[];
    tables[table] = { rows: rows.length, hash: crypto.createHash('sha256').update(JSON.stringify(rows)).digest('hex') };
  }
  return tables;
}

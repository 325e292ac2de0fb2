/** The content API's route table as the running server registered it (api/test-support), and the callers the hardening tests use. */
import { get, loginAs, testSupport, type DemoUser } from '../support/client';

export interface RouteEntry {
  method: string;
  path: string;
  handler: string;
  auth: boolean;
  roles: string[] | null;
  policies: string[];
  api: string | null;
  plugin: string | null;
}

/** Test-only routes exist in NODE_ENV=test alone: not part of the product's surface. */
const isTestSupport = (path: string) => path.startsWith('/api/test/');

export async function routeTable(): Promise<{ routes: RouteEntry[]; mounted: string[] }> {
  const res = await get('/api/test/routes');
  if (res.status !== 200) throw new Error(`route table: ${res.status}`);
  const routes = (res.body.routes as RouteEntry[]).map((r) => ({ ...r, path: r.path.length > 5 ? r.path.replace(/\/$/, '') : r.path }));
  return { routes: routes.filter((r) => !isTestSupport(r.path)), mounted: (res.body.mounted as string[]).filter((m) => !isTestSupport(m.split(' ')[1]!)) };
}

export const routeKey = (r: Pick<RouteEntry, 'method' | 'path'>) => `${r.method} ${r.path}`;

/**
 * A concrete path for a route pattern: each `:param` gets `fill(param)`, a `:param(a|b)` its first
 * alternative (unless `fill` answers), a `(.*)` wildcard a harmless segment.
 */
export function concretePath(pattern: string, fill: (param: string) => string | undefined): string {
  return pattern
    .replace(/:(\w+)\(([^)]*)\)/g, (_, name: string, alts: string) => fill(name) ?? alts.split('|')[0]!)
    .replace(/:(\w+)/g, (_, name: string) => fill(name) ?? 'zzzzzzzzzzzzzzzzzzzzzzzz')
    .replace('(.*)', 'nothing');
}

/** Every caller: nobody, a read-only API token, and a demo login of each role. */
/** Calls that end the caller's own sessions: the generated tests keep their logins, so they skip these for logged-in callers. */
export const SESSION_ENDING = new Set(['POST /api/me/logout', 'POST /api/auth/logout', 'DELETE /api/auth/sessions/:sessionId']);

export const CALLERS = ['anonymous', 'apiToken', 'admin', 'bjBureau', 'weigao', 'bjDist1', 'jst'] as const;
export type Caller = (typeof CALLERS)[number];
export const ROLE_OF: Record<Caller, string | null> = {
  anonymous: null,
  apiToken: null,
  admin: 'platform_admin',
  bjBureau: 'bureau',
  weigao: 'manufacturer',
  bjDist1: 'distributor',
  jst: 'hospital',
};

export async function credentials(): Promise<Record<Caller, string | undefined>> {
  const out: Partial<Record<Caller, string | undefined>> = { anonymous: undefined, apiToken: await testSupport.apiToken('read-only') };
  for (const c of CALLERS) if (ROLE_OF[c]) out[c] = await loginAs(c as DemoUser);
  return out as Record<Caller, string | undefined>;
}

/** Row counts and content hashes of every business table and of the logins. */
export async function checksum(): Promise<Record<string, { rows: number; hash: string }>> {
  const res = await get('/api/test/checksum');
  if (res.status !== 200) throw new Error(`checksum: ${res.status}`);
  return res.body.tables;
}

/** Tables whose rows differ between two checksums. */
export const changedTables = (before: Record<string, unknown>, after: Record<string, unknown>) =>
  Object.keys({ ...before, ...after }).filter((t) => JSON.stringify(before[t]) !== JSON.stringify(after[t]));

const HAS_CHINESE = /[\u4e00-\u9fff]/;
/** What is wrong with a refusal's envelope (no stable code, no Chinese message), or null. */
export function refusalProblem(body: unknown): string | null {
  const err = (body as { error?: { message?: unknown; details?: { code?: unknown } } } | null)?.error;
  if (!err) return `no error envelope: ${JSON.stringify(body)?.slice(0, 120)}`;
  if (typeof err.details?.code !== 'string') return `no details.code: ${JSON.stringify(err).slice(0, 160)}`;
  if (typeof err.message !== 'string' || !HAS_CHINESE.test(err.message)) return `message not Chinese: ${String(err.message)}`;
  return null;
}

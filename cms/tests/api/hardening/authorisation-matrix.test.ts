import { beforeAll, describe, expect, it } from 'vitest';
import { ROLE_DEFS } from '../../../src/bootstrap/roles';
import type { Role } from '../../../src/domain/roles';
import { call, loginAs, me, type DemoUser } from '../support/client';
import {
  CALLERS,
  ROLE_OF,
  SESSION_ENDING,
  changedTables,
  checksum,
  concretePath,
  credentials,
  refusalProblem,
  routeKey,
  routeTable,
  type Caller,
  type RouteEntry,
} from './routes';
import { ownedRecords, type OwnedRecord, type RecordKind } from './world';

/**
 * Every route of the content API (from the running server's table) × every caller; and every route
 * naming a record × users of its own organisation, of another organisation, of another province.
 * Expectations come from declarations, not from the server: who may log in anonymously (PUBLIC),
 * what an API token reads (REFERENCE), the roles file's grants and each route's `global::has-role`.
 * A route added tomorrow is covered at once; one that guards itself in its controller, or names a
 * record kind this file does not know, fails until it is declared here.
 */
const PUBLIC = new Set(['POST /api/auth/local', 'GET /api/auth/:provider/callback', 'GET /api/pki/ca.pem', 'GET /api/openapi.json']);
const REFERENCE = new Set(
  ['/api/regions', '/api/regions/:id', '/api/products', '/api/products/:id', '/api/organisations', '/api/organisations/:id'].map((p) => `GET ${p}`),
);
/** Custom routes without a route policy: their controllers call requireActor (any logged-in role). */
const SELF_GUARDED = new Set(['GET /api/me', 'GET /api/me/todos', 'POST /api/me/logout', 'GET /api/history/:entity/:documentId', 'POST /api/pki/verify']);

/** A `:action` parameter: one the caller's role may take (the route's policy admits both parties). */
const ACTION_FOR: Partial<Record<Role, string>> = { hospital: 'withdraw', distributor: 'accept' };

/** The record a route's parameter names, by the route's path. Public and Strapi-internal parameters name none. */
const RECORD_OF: Array<[RegExp, RecordKind | null]> = [
  [/^\/api\/(order-lines\/:id|history\/:entity)/, 'line'],
  [/^\/api\/(order-deliveries|deliveries)\/:id/, 'delivery'],
  [/^\/api\/(order-returns|return-requests)\/:id/, 'return'],
  [/^\/api\/orders\/:id/, 'order'],
  [/^\/api\/hospital-relationships\/(detail\/)?:(id|documentId)/, 'relationship'],
  [/^\/api\/hospital-relationships\/:action/, null], // the records are named in the body (relationships.test.ts: strangers' ids)
  [/^\/api\/delegations\/:(id|documentId)/, 'delegation'],
  [/^\/api\/delegation-items\/:id/, 'delegationItem'],
  [/^\/api\/distributor-accounts\/(manage\/)?:(id|documentId)/, 'account'],
  [/^\/api\/contacts\/(mine\/)?:(id|documentId)/, 'contact'],
  [/^\/api\/contacts\/default\/:orgId/, 'counterpart'],
  [/^\/api\/organisations\/mine\/operators\/:id/, 'operator'],
  [/^\/api\/platform\/organisations\/:documentId/, 'organisation'], // 机构管理 of the 联采办: jst's organisation
  [/^\/api\/(regions|products|organisations|catalogue)\/:/, null],
  [/^\/api\/contracts\/:(id|documentId)/, 'contract'],
  [/^\/api\/contract-signatures\/:id/, 'signature'],
  [/^\/api\/contract-volumes\/:documentId/, 'volume'],
  [/^\/api\/pki\/certificates\/:orgDocumentId/, 'organisation'], // the certificate of that organisation
  [/^\/api\/jobs\/:id/, null], // a job is its owner organisation's: others get 404 (jobs/jobs.test.ts)
  [/^\/api\/state-histories\/:id/, null], // no row of these yet: refused to all but the admin (scope.test.ts)
  [/^\/api\/(users|upload|users-permissions|content-type-builder|auth|connect)\//, null], // Strapi's own: no role is granted them
];

const actionOf = (r: RouteEntry) => (r.plugin ? `plugin::${r.plugin}.${r.handler}` : r.handler.startsWith('api::') ? r.handler : `api::${r.api}.${r.handler}`);
/** What the roles file and the route's has-role policy let `role` call. */
function roleMayCall(r: RouteEntry, role: Role) {
  const action = actionOf(r);
  const granted = ROLE_DEFS[role].grants.some((g) => action === g || action.startsWith(`${g}.`));
  const byPolicy = r.roles === null || r.roles.length === 0 || r.roles.includes(role);
  return (granted || SELF_GUARDED.has(routeKey(r))) && byPolicy;
}

let routes: RouteEntry[] = [];
let mounted: string[] = [];
let auth: Record<Caller, string | undefined>;

beforeAll(async () => {
  ({ routes, mounted } = await routeTable());
  auth = await credentials();
});

const send = (r: RouteEntry, path: string, token: string | undefined) =>
  call(r.method, path, { auth: token, ...(r.method === 'GET' || r.method === 'DELETE' ? {} : { body: {} }) });

describe('authorisation matrix: every route × every caller', () => {
  it('the table is the whole mounted content API, and every route declares its guard', () => {
    expect(routes.map(routeKey).sort()).toEqual([...new Set(mounted)].sort());
    const unguarded = routes.filter(
      (r) => !r.plugin && r.roles === null && !r.policies.includes('global::org-scope') && !SELF_GUARDED.has(routeKey(r)) && !PUBLIC.has(routeKey(r)),
    );
    expect(unguarded.map(routeKey), 'a custom route without a route policy must be declared in SELF_GUARDED').toEqual([]);
    expect(routes.filter((r) => !r.auth).map(routeKey), 'a route without authentication').toEqual([]);
  });

  it('anonymous and API tokens are refused outside their declared routes; roles exactly where the grants and policies say', async () => {
    const failures: string[] = [];
    const before = await checksum();
    for (const r of routes) {
      for (const caller of CALLERS) {
        const role = ROLE_OF[caller] as Role | null;
        const path = concretePath(r.path, (p) => (p === 'action' && role ? ACTION_FOR[role] : undefined));
        if (role && SESSION_ENDING.has(routeKey(r))) continue;
        const res = await send(r, path, auth[caller]);
        const where = `${routeKey(r)} as ${caller} → ${res.status} ${res.body?.error?.details?.code ?? ''}`;
        if (res.status >= 500) failures.push(`${where}: server error`);
        else if (res.status >= 400 && refusalProblem(res.body)) failures.push(`${where}: ${refusalProblem(res.body)}`);
        const allowed = caller === 'anonymous' ? PUBLIC.has(routeKey(r)) : caller === 'apiToken' ? REFERENCE.has(routeKey(r)) : roleMayCall(r, role!);
        if (!allowed && res.status !== 403) failures.push(`${where}: expected 403`);
        if (caller === 'apiToken' && !allowed && res.body?.error?.details?.code !== 'API_TOKEN_SCOPE') failures.push(`${where}: expected API_TOKEN_SCOPE`);
        if (allowed && (res.status === 401 || res.status === 403)) failures.push(`${where}: expected to be let through`);
      }
    }
    expect(failures).toEqual([]);
    // Empty bodies and ids of no record: even the roles let through change nothing.
    expect(changedTables(before, await checksum())).toEqual([]);
  }, 180_000);
});

describe('authorisation matrix: records of one organisation × own, other organisation, other province', () => {
  // Own organisations (and the province's bureau, the platform admin) and strangers: another hospital,
  // distributor and manufacturer of Beijing, and Shanxi's bureau, hospital and distributor.
  const USERS: DemoUser[] = ['admin', 'bjBureau', 'jst', 'bjDist1', 'weigao', 'xiehe', 'bjDist2', 'chunli', 'sxBureau', 'sxrm', 'sxDist1'];
  let records: Record<RecordKind, OwnedRecord>;
  const who: Record<string, { role: Role; orgId: number; province: string | null }> = {};

  beforeAll(async () => {
    records = await ownedRecords();
    for (const u of USERS) {
      const m = await me(u);
      who[u] = { role: m.role as Role, orgId: m.organisation.id, province: m.organisation.provinceCode };
    }
  }, 120_000);

  const reads = (u: string, rec: OwnedRecord) =>
    who[u]!.role === 'platform_admin' ||
    rec.orgs.includes(who[u]!.orgId) ||
    (who[u]!.role === 'bureau' && rec.province !== '' && who[u]!.province === rec.province);

  it('each route naming a record is mapped to a kind of record (or declared public or internal)', () => {
    const unmapped = routes.filter((r) => r.path.includes(':') && !RECORD_OF.some(([re]) => re.test(r.path)));
    expect(unmapped.map(routeKey)).toEqual([]);
  });

  it('readers read, every other organisation gets 404 (403 for a role the route refuses), and nothing changes', async () => {
    const failures: string[] = [];
    const before = await checksum();
    for (const r of routes) {
      const kind = RECORD_OF.find(([re]) => re.test(r.path))?.[1];
      if (!kind || !r.path.includes(':')) continue;
      const rec = records[kind];
      for (const u of USERS) {
        const role = who[u]!.role;
        const pathFor = (id: string) =>
          concretePath(r.path, (p) => (p === 'entity' ? 'order-line' : p === 'action' ? ACTION_FOR[role] : p === 'file' ? 'hospital.p7s' : id));
        const allowed = roleMayCall(r, role);
        const reader = reads(u, rec);
        if (r.method !== 'GET' && allowed && reader) continue; // an owner's write would change the record: the feature suites test those
        const token = await loginAs(u);
        const res = await send(r, pathFor(rec.documentId), token);
        const answer = `${res.status} ${res.body?.error?.details?.code ?? ''}`;
        const where = `${routeKey(r)} [${kind}] as ${u} → ${answer}`;
        if (!allowed || r.method === 'GET') {
          const expected = !allowed ? 403 : reader ? 200 : 404;
          if (res.status !== expected) failures.push(`${where}, expected ${expected}`);
          continue;
        }
        // A stranger's write: refused exactly as for a record that does not exist (a body checked before the
        // lookup answers 400 either way), so the answer tells nothing about the record.
        const none = await send(r, pathFor(rec.absent ?? 'zzzzzzzzzzzzzzzzzzzzzzzz'), token);
        const noneAnswer = `${none.status} ${none.body?.error?.details?.code ?? ''}`;
        if (answer !== noneAnswer || res.status < 400) failures.push(`${where}, but ${noneAnswer} for a record that does not exist`);
      }
    }
    expect(failures).toEqual([]);
    expect(changedTables(before, await checksum())).toEqual([]);
  }, 180_000);
});

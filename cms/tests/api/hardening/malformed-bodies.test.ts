import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { call } from '../support/client';
import {
  SESSION_ENDING,
  CALLERS,
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

/**
 * Every write route of the content API (from the running server's route table, not a hand list),
 * as every caller, with generated bad bodies: never a 5xx, every refusal coded and in Chinese, and
 * no business row changes.
 */
const WRITES = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
// Field names our routes and Strapi's read: wrong-typed values for them reach the validation code.
const FIELDS = [
  'ids',
  'documentIds',
  'data',
  'reason',
  'invoiceNo',
  'invoiceCode',
  'quantity',
  'lines',
  'codes',
  'distributorOrgId',
  'productId',
  'productIds',
  'mode',
  'batchNo',
  'productionDate',
  'expiryDate',
  'result',
  'identifier',
  'password',
  'currentPassword',
  'passwordConfirmation',
  'companyName',
  'creditCode',
  'phone',
  'provincialAccount',
  'provinceCode',
  'remark',
  'items',
];
const SHADOWING = ['toString', 'valueOf', '__proto__', 'constructor', 'hasOwnProperty', 'toJSON'];

interface BadRequest {
  kind: string;
  headers: Record<string, string>;
  body: Uint8Array | string;
}

const bytes = fc.uint8Array({ minLength: 1, maxLength: 300 });
const wrongValue = fc.oneof(
  fc.object({ maxDepth: 2 }),
  fc.array(fc.object({ maxDepth: 1 }), { maxLength: 3 }),
  fc.boolean(),
  fc.constantFrom(1e308, -1, 0, 2 ** 53 + 1, -0.5),
  fc.string({ minLength: 3000, maxLength: 6000 }),
  fc.array(fc.oneof(fc.boolean(), fc.array(fc.integer()), fc.constant(null)), { minLength: 1, maxLength: 3 }),
);
const wrongTypes = fc.dictionary(fc.constantFrom(...FIELDS), wrongValue, { minKeys: 1, maxKeys: 4 });
/** A JSON object with a key that shadows Object.prototype somewhere inside. */
const shadowing = fc
  .tuple(fc.constantFrom(...FIELDS), fc.constantFrom(...SHADOWING), fc.jsonValue({ maxDepth: 1 }), fc.boolean())
  .map(([field, key, value, nested]) => `{"${field}":${nested ? '[' : ''}{"${key}":${JSON.stringify(value ?? 1)}}${nested ? ']' : ''}}`);

const badRequest: fc.Arbitrary<BadRequest> = fc.oneof(
  fc.string({ maxLength: 80 }).map((s) => ({ kind: 'broken JSON', headers: { 'Content-Type': 'application/json' }, body: `{"a":${s}` })),
  fc
    .tuple(fc.constantFrom('gzip', 'deflate', 'br'), bytes)
    .map(([enc, b]) => ({ kind: `not ${enc}`, headers: { 'Content-Type': 'application/json', 'Content-Encoding': enc }, body: b })),
  bytes.map((b) => ({ kind: 'multipart without boundary', headers: { 'Content-Type': 'multipart/form-data' }, body: b })),
  fc.string({ maxLength: 60 }).map((s) => ({
    kind: 'truncated multipart',
    headers: { 'Content-Type': 'multipart/form-data; boundary=XyZ' },
    body: `--XyZ\r\nContent-Disposition: form-data; name="file"; filename="a.xlsx"\r\n\r\n${s}`,
  })),
  fc
    .constantFrom('[1,2]', '"text"', '42', 'null', 'true')
    .map((b) => ({ kind: 'JSON not an object', headers: { 'Content-Type': 'application/json' }, body: b })),
  bytes.map((b) => ({ kind: 'unsupported type', headers: { 'Content-Type': 'application/xml' }, body: b })),
  shadowing.map((b) => ({ kind: 'shadowing key', headers: { 'Content-Type': 'application/json' }, body: b })),
  wrongTypes.map((o) => ({ kind: 'wrong types', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(o) })),
  wrongTypes.map((o) => ({ kind: 'wrong types in data', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ data: o }) })),
);

/** Path parameters: ids that name no record (a bad body must not need a real record to be refused). */
const paramValue = fc.constantFrom('zzzzzzzzzzzzzzzzzzzzzzzz', '999999999', '-1', '%7B%7D', 'x'.repeat(80));

let routes: RouteEntry[] = [];
let auth: Record<Caller, string | undefined>;

beforeAll(async () => {
  routes = (await routeTable()).routes.filter((r) => WRITES.has(r.method));
  auth = await credentials();
});

async function send(route: RouteEntry, caller: Caller, req: BadRequest, param: string) {
  // Ending the caller's own sessions would turn every later call of that caller into a 401.
  if (caller !== 'anonymous' && caller !== 'apiToken' && SESSION_ENDING.has(routeKey(route))) return null;
  const path = concretePath(route.path, () => param);
  const res = await call(route.method, path, { auth: auth[caller], raw: req.body as RequestInit['body'], headers: req.headers });
  const where = `${routeKey(route)} as ${caller} (${req.kind}) → ${res.status}`;
  if (res.status >= 500) return `${where}: ${JSON.stringify(res.body)?.slice(0, 200)}`;
  if (res.status >= 400) {
    const problem = refusalProblem(res.body);
    return problem ? `${where}: ${problem}` : null;
  }
  return `${where}: a bad body was accepted`;
}

describe('malformed bodies on every write route', () => {
  it('the route table has write routes of our own and of Strapi', () => {
    expect(routes.some((r) => r.path === '/api/order-lines/confirm')).toBe(true);
    expect(routes.some((r) => r.path === '/api/auth/local')).toBe(true);
  });

  it('each route × caller × kind of bad body: no 5xx, a coded Chinese refusal, nothing stored', async () => {
    const before = await checksum();
    const failures: string[] = [];
    // Every route with every caller, one sample of each kind of bad body…
    const kinds = fc.sample(badRequest, { numRuns: 400, seed: 14 });
    const oneOfEachKind = [...new Map(kinds.map((k) => [k.kind, k])).values()];
    for (const route of routes) {
      for (const caller of CALLERS) {
        for (const req of oneOfEachKind) {
          const f = await send(route, caller, req, 'zzzzzzzzzzzzzzzzzzzzzzzz');
          if (f) failures.push(f);
        }
      }
    }
    // …then generated combinations, shrunk to the smallest failing one.
    await fc
      .assert(
        fc.asyncProperty(fc.constantFrom(...routes), fc.constantFrom(...CALLERS), badRequest, paramValue, async (route, caller, req, param) => {
          const f = await send(route, caller, req, param);
          if (f) failures.push(f);
          return f === null;
        }),
        { numRuns: 600, endOnFailure: true },
      )
      .catch(() => undefined);
    expect(failures.slice(0, 20)).toEqual([]);
    expect(changedTables(before, await checksum())).toEqual([]);
  }, 240_000);
});

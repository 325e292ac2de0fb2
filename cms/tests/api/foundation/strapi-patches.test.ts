import { createRequire } from 'node:module';
import { beforeAll, describe, expect, it } from 'vitest';
import { createUser, get, loginAs, me, post, testSupport } from '../support/client';

/**
 * cms/src/strapi-patches/: each patch is active on the pinned Strapi and does what it claims, observed
 * through the counters the test-only route answers (GET /api/test/strapi-patches).
 */
const cacheOff = process.env.AUTH_CACHE_TTL_MS === '0';
const AUTH_CACHE = 'users-permissions-auth-cache';
const API_TOKEN_SHORTCUT = 'api-token-jwt-shortcut';
const LEAN_MIDDLEWARES = 'lean-api-middlewares';

interface PatchReport {
  status: Record<string, string>;
  counters: Record<string, Record<string, number>>;
}
async function patches(): Promise<PatchReport> {
  const res = await get<PatchReport>('/api/test/strapi-patches');
  expect(res.status).toBe(200);
  return res.body;
}
const counter = async (patch: string, name: string) => (await patches()).counters[patch]?.[name] ?? 0;

let orgId = 0;
beforeAll(async () => {
  orgId = (await me('bjDist2')).organisation.id;
});

describe('strapi patches: version gate', () => {
  it('the pinned Strapi packages are the tested 5.54.0', () => {
    const require = createRequire(__filename);
    for (const pkg of ['@strapi/strapi', '@strapi/plugin-users-permissions', '@strapi/admin']) {
      expect(require(`${pkg}/package.json`).version, pkg).toBe('5.54.0');
    }
  });

  it('every patch is active on the pinned version (the auth cache only while AUTH_CACHE_TTL_MS > 0)', async () => {
    const { status } = await patches();
    expect(status).toEqual({
      [AUTH_CACHE]: cacheOff ? 'disabled: AUTH_CACHE_TTL_MS=0' : 'active',
      [API_TOKEN_SHORTCUT]: 'active',
      [LEAN_MIDDLEWARES]: 'active',
      'users-permissions-session-revocation': 'active', // never switched off: sessions must end with any cache setting
    });
  });
});

describe('strapi patches: the authentication cache', () => {
  it('a second request with the same token does not reload the user (every request does with the cache off)', async () => {
    const u = await createUser(orgId);
    const jwt = await loginAs(u.username, u.password);
    const before = (await patches()).counters[AUTH_CACHE];
    expect((await get('/api/me', jwt)).status).toBe(200);
    expect((await get('/api/me', jwt)).status).toBe(200);
    const after = (await patches()).counters[AUTH_CACHE];
    if (cacheOff) {
      expect(after).toEqual(before);
      expect(after.entries).toBe(0);
    } else {
      expect(after.loads - before.loads).toBe(1);
      expect(after.hits - before.hits).toBe(1);
    }
  });

  it("a login keeps the cache; a password change drops only that user's entries (with the cache off nothing is cached)", async () => {
    const a = await createUser(orgId);
    const b = await createUser(orgId);
    const jwtA = await loginAs(a.username, a.password);
    const jwtB = await loginAs(b.username, b.password);
    for (const jwt of [jwtA, jwtB]) expect((await get('/api/me', jwt)).status).toBe(200);
    const start = (await patches()).counters[AUTH_CACHE];

    // a login writes lastLoginAt: not an authentication change
    const c = await createUser(orgId);
    await loginAs(c.username, c.password);
    const loads = await counter(AUTH_CACHE, 'loads');
    for (const jwt of [jwtA, jwtB]) expect((await get('/api/me', jwt)).status).toBe(200);
    expect(await counter(AUTH_CACHE, 'loads')).toBe(loads);

    const changed = await post(
      '/api/auth/change-password',
      { currentPassword: a.password, password: 'Changed@2024x', passwordConfirmation: 'Changed@2024x' },
      jwtA,
    );
    expect(changed.status).toBe(200);
    const afterChange = await counter(AUTH_CACHE, 'loads');
    expect((await get('/api/me', jwtB)).status).toBe(200);
    expect(await counter(AUTH_CACHE, 'loads')).toBe(afterChange);
    expect((await get('/api/me', changed.body.jwt ?? jwtA)).status).toBe(200);
    expect(await counter(AUTH_CACHE, 'loads')).toBe(cacheOff ? afterChange : afterChange + 1);
    if (cacheOff) expect((await patches()).counters[AUTH_CACHE]).toEqual({ ...start, entries: 0 });
  });

  it('a user blocked through Strapi is refused on the next request, even with a token just used; unblocked, only a fresh login works', async () => {
    const u = await createUser(orgId);
    const jwt = await loginAs(u.username, u.password);
    expect((await get('/api/me', jwt)).status).toBe(200);
    expect((await get('/api/me', jwt)).status).toBe(200);
    expect((await post(`/api/test/users/${u.id}/block`, { blocked: true })).status).toBe(200);
    expect((await get('/api/me', jwt)).status).toBe(401);
    expect((await get('/api/order-lines/search', jwt)).status).toBe(401);
    expect((await post(`/api/test/users/${u.id}/block`, { blocked: false })).status).toBe(200);
    expect((await get('/api/me', jwt)).status).toBe(401);
    const fresh = await post('/api/auth/local', { identifier: u.username, password: u.password });
    expect((await get('/api/me', fresh.body.jwt)).status).toBe(200);
  });

  it('each request gets its own copy of the cached user', async () => {
    const u = await createUser(orgId);
    const jwt = await loginAs(u.username, u.password);
    const first = await get('/api/users/me', jwt);
    const second = await get('/api/users/me', jwt);
    expect(first.status).toBe(200);
    expect(second.body).toEqual(first.body);
    expect(second.body.username).toBe(u.username);
  });
});

describe('strapi patches: the API-token shortcut', () => {
  it('a JWT-shaped garbage token is 401 without an API-token lookup; API tokens still work', async () => {
    const before = await counter(API_TOKEN_SHORTCUT, 'shortcuts');
    expect((await get('/api/me', 'aaaa.bbbb.cccc')).status).toBe(401);
    expect(await counter(API_TOKEN_SHORTCUT, 'shortcuts')).toBe(before + 1);

    const token = await testSupport.apiToken('read-only');
    expect((await get('/api/regions?pagination[pageSize]=1', token)).status).toBe(200);
    expect(await counter(API_TOKEN_SHORTCUT, 'shortcuts')).toBe(before + 1);
    expect((await get('/api/regions?pagination[pageSize]=1', `${token}x`)).status).toBe(401);
  });
});

describe('strapi patches: the lean /api pipeline', () => {
  it('an /api request replays the recorded security headers (other paths run Strapi’s own); a GET skips body parsing, a POST does not', async () => {
    const jwt = await loginAs('bjDist1');
    const before = (await patches()).counters[LEAN_MIDDLEWARES];
    expect((await get('/api/me', jwt)).status).toBe(200);
    const after = (await patches()).counters[LEAN_MIDDLEWARES];
    // two /api GETs: /api/me and the report itself
    expect(after.securityReplays - before.securityReplays).toBe(2);
    expect(after.bodySkips - before.bodySkips).toBe(2);
    await get('/_health');
    await post('/api/auth/change-password', {}, jwt);
    const last = (await patches()).counters[LEAN_MIDDLEWARES];
    expect(last.securityReplays - after.securityReplays).toBe(2); // the POST and the report; not /_health
    expect(last.bodySkips - after.bodySkips).toBe(2); // every GET (/_health, the report); the POST body is parsed
  });
});

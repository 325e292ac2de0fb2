import { describe, expect, it } from 'vitest';
import { createUser, expectRefused, get, loginAs, me, post } from '../support/client';

/**
 * The short-lived authentication cache (strapi-patches/auth-cache.ts) and actor cache
 * (scope/actor-cache.ts) never serve a stale user. The API suite also runs with AUTH_CACHE_TTL_MS=0.
 */
describe('auth cache', () => {
  it('a user who must change the password is refused, and accepted right after changing it', async () => {
    const u = await createUser((await me('bjDist2')).organisation.id, { mustChangePassword: true });
    const jwt = await loginAs(u.username, u.password);
    for (let i = 0; i < 3; i++) {
      expectRefused(await get('/api/order-lines/search?tab=todo', jwt), 403, 'PASSWORD_CHANGE_REQUIRED');
    }
    const changed = await post(
      '/api/auth/change-password',
      { currentPassword: u.password, password: 'Changed@2024x', passwordConfirmation: 'Changed@2024x' },
      jwt,
    );
    expect(changed.status, JSON.stringify(changed.body)).toBe(200);
    const fresh = changed.body.jwt ?? jwt;
    const res = await get('/api/order-lines/search?tab=todo', fresh);
    expect(res.status).toBe(200);
  });
});

describe('auth cache: blocked logins', () => {
  it('a user blocked through Strapi loses its business actor at once; unblocked, a fresh login gets it back (the old token stays ended)', async () => {
    const u = await createUser((await me('bjDist2')).organisation.id);
    const jwt = await loginAs(u.username, u.password);
    expect((await get('/api/order-lines/search?tab=todo', jwt)).status).toBe(200);
    expect((await post(`/api/test/users/${u.id}/block`, { blocked: true })).status).toBe(200);
    expect((await get('/api/order-lines/search?tab=todo', jwt)).status).toBe(401);
    expect((await post(`/api/test/users/${u.id}/block`, { blocked: false })).status).toBe(200);
    expect((await get('/api/order-lines/search?tab=todo', jwt)).status).toBe(401);
    const fresh = await post('/api/auth/local', { identifier: u.username, password: u.password });
    expect((await get('/api/order-lines/search?tab=todo', fresh.body.jwt)).status).toBe(200);
  });
});

import { describe, expect, it } from 'vitest';
import { createUser, get, loginAs, post } from '../support/client';
import { loadOrgs, org } from './world';

/** The short-lived authentication/actor cache (bootstrap/auth-cache.ts) never serves a stale user. */
describe('auth cache', () => {
  it('a user who must change the password is refused, and accepted right after changing it', async () => {
    await loadOrgs();
    const u = await createUser(org.bjDist2, { mustChangePassword: true });
    const jwt = await loginAs(u.username, u.password);
    for (let i = 0; i < 3; i++) {
      const res = await get('/api/order-lines/search?tab=todo', jwt);
      expect(res.status).toBe(403);
      expect(res.body.error.details.code).toBe('PASSWORD_CHANGE_REQUIRED');
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

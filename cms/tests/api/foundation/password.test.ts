import { describe, expect, it } from 'vitest';
import { createUser, expectRefused, get, me, post } from '../support/client';

const login = async (identifier: string, password: string) => post('/api/auth/local', { identifier, password });

describe('password change', () => {
  it('a user who must change the password is refused business calls until it does, then works normally', async () => {
    const org = (await me('chaoyang')).organisation.id;
    const u = await createUser(org, { mustChangePassword: true });
    const jwt = (await login(u.username, u.password)).body.jwt;

    const who = await get('/api/me', jwt);
    expect(who.status).toBe(200);
    expect(who.body.mustChangePassword).toBe(true);
    expect((await get('/api/order-lines', jwt)).status).toBe(403);
    expectRefused(await get('/api/organisations/mine', jwt), 403, 'PASSWORD_CHANGE_REQUIRED');

    const changed = await post('/api/auth/change-password', { currentPassword: u.password, password: 'NewPass2026', passwordConfirmation: 'NewPass2026' }, jwt);
    expect(changed.status).toBe(200);
    const fresh = await login(u.username, 'NewPass2026');
    expect(fresh.status).toBe(200);
    expect((await get('/api/me', fresh.body.jwt)).body.mustChangePassword).toBe(false);
    expect((await get('/api/order-lines', fresh.body.jwt)).status).toBe(200);
    expect((await login(u.username, u.password)).status).toBe(400);
  });

  it('refuses a wrong current password, a weak or mismatched new one (400, code, field) and keeps the old password', async () => {
    const org = (await me('chaoyang')).organisation.id;
    const u = await createUser(org);
    const jwt = (await login(u.username, u.password)).body.jwt;
    const wrong = await post('/api/auth/change-password', { currentPassword: 'nope-nope1', password: 'NewPass2026', passwordConfirmation: 'NewPass2026' }, jwt);
    expect(expectRefused(wrong, 400, 'CURRENT_PASSWORD_INVALID')).toMatchObject({ message: '原密码错误', details: { field: 'currentPassword' } });
    const weak = await post('/api/auth/change-password', { currentPassword: u.password, password: 'abcdefgh', passwordConfirmation: 'abcdefgh' }, jwt);
    expect(expectRefused(weak, 400, 'PASSWORD_WEAK').details.field).toBe('password');
    const mismatch = await post(
      '/api/auth/change-password',
      { currentPassword: u.password, password: 'NewPass2026', passwordConfirmation: 'NewPass2027' },
      jwt,
    );
    expect(expectRefused(mismatch, 400, 'PASSWORD_MISMATCH').details.field).toBe('passwordConfirmation');
    expect((await login(u.username, u.password)).status).toBe(200);
  });
});

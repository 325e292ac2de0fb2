import { describe, expect, it } from 'vitest';
import { USERS, expectRefused, get, me, post, DEMO_PASSWORD } from '../support/client';

const EXPECTED_ROLES: Record<string, string> = {
  admin: 'platform_admin',
  bjBureau: 'bureau',
  sxBureau: 'bureau',
  weigao: 'manufacturer',
  chunli: 'manufacturer',
  dabo: 'manufacturer',
  bjDist1: 'distributor',
  bjDist2: 'distributor',
  bjDist3: 'distributor',
  sxDist1: 'distributor',
  sxDist2: 'distributor',
  jst: 'hospital',
  xiehe: 'hospital',
  chaoyang: 'hospital',
  sxrm: 'hospital',
  sxdy: 'hospital',
};

describe('login and identity', () => {
  it.each(Object.keys(USERS))('%s logs in and /api/me names its role and organisation', async (key) => {
    const who = await me(key);
    expect(who.role).toBe(EXPECTED_ROLES[key]);
    expect(who.organisation.name).toBeTruthy();
  });

  it('bureaus and their province', async () => {
    expect((await me('bjBureau')).organisation).toMatchObject({ name: '北京市医疗保障局', provinceCode: '11', provinceName: '北京市' });
    expect((await me('sxBureau')).organisation).toMatchObject({ provinceCode: '14', provinceName: '山西省' });
  });

  it('a wrong password answers 400 with a stable code and a Chinese message', async () => {
    const res = await post('/api/auth/local', { identifier: USERS.bjBureau, password: 'wrong-password' });
    expect(expectRefused(res, 400, 'INVALID_CREDENTIALS').message).toBe('用户名或密码错误');
  });

  it('an unknown user answers the same as a wrong password', async () => {
    const res = await post('/api/auth/local', { identifier: 'nobody-here', password: DEMO_PASSWORD });
    expect(expectRefused(res, 400, 'INVALID_CREDENTIALS').message).toBe('用户名或密码错误');
  });

  it('missing credentials answer 400 CREDENTIALS_REQUIRED in Chinese', async () => {
    expectRefused(await post('/api/auth/local', { identifier: '', password: '' }), 400, 'CREDENTIALS_REQUIRED');
  });

  it('/api/me refuses anonymous callers (403) and forged tokens (401)', async () => {
    expect((await get('/api/me')).status).toBe(403);
    expect((await get('/api/me', 'not-a-jwt')).status).toBe(401);
  });

  it('self-registration is closed: accounts are issued, never registered', async () => {
    const res = await post('/api/auth/local/register', { username: 'intruder1', email: 'intruder1@example.com', password: 'Intruder@123' });
    // Anonymous callers hold only the login permission: the register route is forbidden outright.
    expect(res.status).toBe(403);
    expect((await post('/api/auth/local', { identifier: 'intruder1', password: 'Intruder@123' })).status).toBe(400);
  });

  it('records the last login time at each login', async () => {
    const before = Date.now() - 1000;
    const first = await post('/api/auth/local', { identifier: USERS.xiehe, password: DEMO_PASSWORD });
    expect(first.status).toBe(200);
    // the login response shows the user as it was; the next one shows the time recorded by the first
    const second = await post('/api/auth/local', { identifier: USERS.xiehe, password: DEMO_PASSWORD });
    expect(new Date(second.body.user.lastLoginAt).getTime()).toBeGreaterThanOrEqual(before);
  });
});

import { describe, expect, it } from 'vitest';
import { createUser, expectRefused, get, loginAs, post, put, testSupport, unique } from '../support/client';
import { accountData, M } from '../accounts/support';

const login = (identifier: string, password: string) => post('/api/auth/local', { identifier, password });
const change = (jwt: string, currentPassword: string, password: string) =>
  post('/api/auth/change-password', { currentPassword, password, passwordConfirmation: password }, jwt);

/** A bureau made outside the onboarding page (no initial password), with an administrator login. */
async function bareBureau(provinceCode: string) {
  const org = await testSupport.fixture('organisation', { name: unique('测试医保局'), type: 'bureau', provinceCode, enabled: true });
  const admin = await createUser(org.id, { password: 'Bureau2026x' });
  return { org, jwt: await loginAs(admin.username, admin.password), admin };
}

async function issuedAccount(jwt: string) {
  const created = await post(M, { data: accountData() }, jwt);
  expect(created.status).toBe(200);
  const issued = await post(`${M}/issue`, { documentIds: [created.body.data.documentId] }, jwt);
  expect(issued.status).toBe(200);
  return { username: created.body.data.username as string, issued: issued.body.data };
}

describe('the bureau initial password 初始密码', () => {
  it('发放 never fails for want of one: a bureau without one gets a random one, shown once, and the account must change it', async () => {
    const b = await bareBureau('15');
    expect((await get(`${M}/initial-password`, b.jwt)).body.data.initialPasswordSet).toBe(false);
    const first = await issuedAccount(b.jwt);
    const pw = first.issued.initialPassword as string;
    expect(pw).toMatch(/^(?=.*[A-Za-z])(?=.*\d).{12}$/);
    expect(pw).not.toBe(b.admin.password);
    const l = await login(first.username, pw);
    expect(l.status).toBe(200);
    expect((await get('/api/me', l.body.jwt)).body.mustChangePassword).toBe(true);
    expect((await login(first.username, b.admin.password)).status).toBe(400);
    // Shown once: the next 发放 reuses it without showing it again.
    const second = await issuedAccount(b.jwt);
    expect(second.issued.initialPassword).toBeUndefined();
    expect((await login(second.username, pw)).status).toBe(200);
    expect((await get(`${M}/initial-password`, b.jwt)).body.data.initialPasswordSet).toBe(true);
  });

  it('the bureau sets a new initial password for accounts issued from then on; earlier ones keep theirs', async () => {
    const b = await bareBureau('15');
    const before = await issuedAccount(b.jwt);
    const res = await put(`${M}/initial-password`, { password: 'Initial2027a', passwordConfirmation: 'Initial2027a' }, b.jwt);
    expect(res.status).toBe(200);
    const after = await issuedAccount(b.jwt);
    expect(after.issued.initialPassword).toBeUndefined();
    expect((await login(after.username, 'Initial2027a')).status).toBe(200);
    expect((await login(before.username, before.issued.initialPassword)).status).toBe(200);
    expect((await login(before.username, 'Initial2027a')).status).toBe(400);
  });

  it("an issued account's password is the bureau's initial one, never the administrator's current password", async () => {
    const b = await bareBureau('15');
    await put(`${M}/initial-password`, { password: 'Initial2028a', passwordConfirmation: 'Initial2028a' }, b.jwt);
    expect((await change(b.jwt, 'Bureau2026x', 'Current2029b')).status).toBe(200);
    const jwt = (await login(b.admin.username, 'Current2029b')).body.jwt;
    const acc = await issuedAccount(jwt);
    expect((await login(acc.username, 'Initial2028a')).status).toBe(200);
    expect((await login(acc.username, 'Current2029b')).status).toBe(400);
  });

  it('refuses a weak or mismatched password, other roles, and changes nothing', async () => {
    const b = await bareBureau('15');
    await put(`${M}/initial-password`, { password: 'Initial2030a', passwordConfirmation: 'Initial2030a' }, b.jwt);
    expect(
      expectRefused(await put(`${M}/initial-password`, { password: 'abcdefgh', passwordConfirmation: 'abcdefgh' }, b.jwt), 400, 'PASSWORD_WEAK').details.field,
    ).toBe('password');
    expectRefused(await put(`${M}/initial-password`, { password: 'Initial2031a', passwordConfirmation: 'Initial2031b' }, b.jwt), 400, 'PASSWORD_MISMATCH');
    expectRefused(await put(`${M}/initial-password`, { password: 12 }, b.jwt), 400, 'PASSWORD_FIELDS_REQUIRED');
    expectRefused(
      await put(`${M}/initial-password`, { password: 'Initial2031a', passwordConfirmation: 'Initial2031a' }, await loginAs('sxDist1')),
      403,
      'ROLE_NOT_ALLOWED',
    );
    expectRefused(
      await put(`${M}/initial-password`, { password: 'Initial2031a', passwordConfirmation: 'Initial2031a' }, await loginAs('admin')),
      403,
      'ROLE_NOT_ALLOWED',
    );
    expect((await put(`${M}/initial-password`, { password: 'Initial2031a', passwordConfirmation: 'Initial2031a' })).status).toBe(403);
    const acc = await issuedAccount(b.jwt);
    expect((await login(acc.username, 'Initial2030a')).status).toBe(200);
  });

  it('generated by the server: answered once, accounts issued then log in with it and must change it', async () => {
    const b = await bareBureau('15');
    expect((await get(`${M}/initial-password`, b.jwt)).body.data).toEqual({ initialPasswordSet: false, canSet: true });
    const res = await put(`${M}/initial-password`, { generate: true }, b.jwt);
    expect(res.status).toBe(200);
    const pw = res.body.data.initialPassword as string;
    expect(res.body.data.initialPasswordSet).toBe(true);
    expect(pw).toMatch(/^(?=.*[A-Z])(?=.*[a-z])(?=.*\d).{12}$/);
    expect((await get(`${M}/initial-password`, b.jwt)).body.data).toEqual({ initialPasswordSet: true, canSet: true });
    const acc = await issuedAccount(b.jwt);
    expect(acc.issued.initialPassword).toBeUndefined();
    const l = await login(acc.username, pw);
    expect(l.status).toBe(200);
    expect((await get('/api/me', l.body.jwt)).body.mustChangePassword).toBe(true);
    // A second generation replaces it for later accounts only.
    const again = (await put(`${M}/initial-password`, { generate: true }, b.jwt)).body.data.initialPassword;
    expect(again).not.toBe(pw);
    const later = await issuedAccount(b.jwt);
    expect((await login(later.username, again)).status).toBe(200);
    expect((await login(later.username, pw)).status).toBe(400);
    expect((await login(acc.username, pw)).status).toBe(200);
  });

  it('an operator 经办人 of the bureau sees the state but may not set or generate one (403), nothing changed', async () => {
    const b = await bareBureau('15');
    await put(`${M}/initial-password`, { password: 'Initial2032a', passwordConfirmation: 'Initial2032a' }, b.jwt);
    const added = await post('/api/organisations/mine/operators', { name: '局经办', phone: '13900000001', username: unique('bop') }, b.jwt);
    expect(added.status).toBe(200);
    const first = await login(added.body.data.username, added.body.data.password);
    expect((await change(first.body.jwt, added.body.data.password, 'Operator2032x')).status).toBe(200);
    const op = (await login(added.body.data.username, 'Operator2032x')).body.jwt as string;
    expect((await get(`${M}/initial-password`, op)).body.data).toEqual({ initialPasswordSet: true, canSet: false });
    expectRefused(await put(`${M}/initial-password`, { generate: true }, op), 403, 'OPERATOR_NOT_ALLOWED');
    expectRefused(await put(`${M}/initial-password`, { password: 'Initial2033a', passwordConfirmation: 'Initial2033a' }, op), 403, 'OPERATOR_NOT_ALLOWED');
    expectRefused(await put(`${M}/initial-password`, { generate: false }, b.jwt), 400, 'PASSWORD_FIELDS_REQUIRED');
    expectRefused(await put(`${M}/initial-password`, { generate: true, password: 'Initial2033a' }, b.jwt), 400, 'PASSWORD_FIELDS_REQUIRED');
    expectRefused(await put(`${M}/initial-password`, { generate: true }, await loginAs('sxDist1')), 403, 'ROLE_NOT_ALLOWED');
    const acc = await issuedAccount(b.jwt);
    expect((await login(acc.username, 'Initial2032a')).status).toBe(200);
  });

  it('the demo bureaus issue with the demo initial password, which is not a copy of their login hash', async () => {
    const acc = await issuedAccount(await loginAs('sxBureau'));
    expect((await login(acc.username, 'Demo@123456')).status).toBe(200);
  });
});

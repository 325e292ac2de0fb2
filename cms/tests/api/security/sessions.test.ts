import { describe, expect, it } from 'vitest';
import { baseUrl, createUser, DEMO_PASSWORD, get, loginAs, me, post } from '../support/client';
import { createAccount, issue, M } from '../accounts/support';
import { login, securityLine } from './support';

const SX = 'sx_ybj';
const changePassword = (jwt: string, currentPassword: string, password: string) =>
  post('/api/auth/change-password', { currentPassword, password, passwordConfirmation: password }, jwt);

/** An issued distributor login of 山西 with its own password, and two tokens (two devices). */
async function distributor() {
  const a = await createAccount(SX);
  await issue(SX, [a.documentId]);
  const first = (await login(a.username, DEMO_PASSWORD)).body.jwt as string;
  expect((await changePassword(first, DEMO_PASSWORD, 'Mine@2026x')).status).toBe(200);
  const one = (await login(a.username, 'Mine@2026x')).body.jwt as string;
  const two = (await login(a.username, 'Mine@2026x')).body.jwt as string;
  return { a, one, two };
}

describe('退出登录 (server-side logout)', () => {
  it('ends every token the user holds at once; a new login works', async () => {
    const u = await createUser((await me('chaoyang')).organisation.id);
    const one = (await login(u.username, u.password)).body.jwt;
    const two = (await login(u.username, u.password)).body.jwt;
    expect((await get('/api/me', one)).status).toBe(200);
    expect((await get('/api/me', two)).status).toBe(200);
    const out = await post('/api/me/logout', {}, one);
    expect(out.status).toBe(200);
    expect((await get('/api/me', one)).status).toBe(401);
    expect((await get('/api/me', two)).status).toBe(401);
    expect((await post('/api/me/logout', {}, one)).status).toBe(401);
    const again = (await login(u.username, u.password)).body.jwt;
    expect((await get('/api/me', again)).status).toBe(200);
    await securityLine((l) => l.event === 'login.success' && l.userId === u.id && l.username === u.username);
    const line = await securityLine((l) => l.event === 'logout' && l.userId === u.id);
    expect(line).toMatchObject({ type: 'security', outcome: 'success', username: u.username, organisationId: (await me('chaoyang')).organisation.id });
    expect(line.time).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}\+08:00$/);
    expect(line.requestId).toBe(out.headers.get('x-request-id'));
  });

  it('works while the initial password still has to be changed', async () => {
    const u = await createUser((await me('chaoyang')).organisation.id, { mustChangePassword: true });
    const jwt = (await login(u.username, u.password)).body.jwt;
    expect((await post('/api/me/logout', {}, jwt)).status).toBe(200);
    expect((await get('/api/me', jwt)).status).toBe(401);
  });
});

describe('修改密码 ends every earlier session', () => {
  it('only the token the change answers keeps working', async () => {
    const u = await createUser((await me('chaoyang')).organisation.id);
    const other = (await login(u.username, u.password)).body.jwt;
    const jwt = (await login(u.username, u.password)).body.jwt;
    const changed = await changePassword(jwt, u.password, 'Other@2026x');
    expect(changed.status).toBe(200);
    expect((await get('/api/me', changed.body.jwt)).status).toBe(200);
    expect((await get('/api/me', jwt)).status).toBe(401);
    expect((await get('/api/me', other)).status).toBe(401);
    await securityLine((l) => l.event === 'password.changed' && l.userId === u.id && l.outcome === 'success');
  });
});

describe('禁用 / 启用 / 重置密码 end sessions', () => {
  it('a token from before 禁用 stays refused after 启用; a fresh login works', async () => {
    const { a, one, two } = await distributor();
    expect((await get('/api/organisations/mine', one)).status).toBe(200);
    expect((await post(`${M}/${a.documentId}/disable`, {}, await loginAs(SX))).status).toBe(200);
    expect((await get('/api/organisations/mine', one)).status).toBe(401);
    expect((await post(`${M}/${a.documentId}/enable`, {}, await loginAs(SX))).status).toBe(200);
    expect((await get('/api/organisations/mine', one)).status).toBe(401);
    expect((await get('/api/organisations/mine', two)).status).toBe(401);
    const fresh = (await login(a.username, 'Mine@2026x')).body.jwt;
    expect((await get('/api/organisations/mine', fresh)).status).toBe(200);
    const bureau = (await me(SX)).id;
    const disabled = await securityLine((l) => l.event === 'account.disabled' && l.username === a.username);
    expect(disabled.actor).toMatchObject({ userId: bureau, username: SX });
    expect(typeof disabled.organisationId).toBe('number');
    await securityLine((l) => l.event === 'account.enabled' && l.username === a.username);
  });

  it('重置密码 ends the tokens of the old password', async () => {
    const { a, one } = await distributor();
    expect((await post(`${M}/${a.documentId}/reset-password`, {}, await loginAs(SX))).status).toBe(200);
    expect((await get('/api/me', one)).status).toBe(401);
    await securityLine((l) => l.event === 'password.reset' && l.username === a.username && l.actor?.username === SX);
  });

  it('blocking through Strapi (content manager) ends sessions too, and unblocking revives none', async () => {
    const u = await createUser((await me('bjDist2')).organisation.id);
    const jwt = (await login(u.username, u.password)).body.jwt;
    expect((await post(`/api/test/users/${u.id}/block`, { blocked: true })).status).toBe(200);
    expect((await post(`/api/test/users/${u.id}/block`, { blocked: false })).status).toBe(200);
    expect((await get('/api/me', jwt)).status).toBe(401);
    expect((await get('/api/me', (await login(u.username, u.password)).body.jwt)).status).toBe(200);
  });
});

describe('X-Request-Id', () => {
  it('answers a sane incoming id, replaces an unsafe one, and makes one when there is none', async () => {
    const base = (await get('/api/me')).headers.get('x-request-id');
    expect(base).toMatch(/^[0-9a-f-]{36}$/);
    const mine = await fetch(`${baseUrl()}/_health`, { headers: { 'X-Request-Id': 'abc-123.x:y' } });
    expect(mine.headers.get('x-request-id')).toBe('abc-123.x:y');
    const bad = await fetch(`${baseUrl()}/_health`, { headers: { 'X-Request-Id': 'a"b\\c d' } });
    expect(bad.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });
});

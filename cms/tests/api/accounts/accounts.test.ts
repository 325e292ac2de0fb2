/**
 * 用户管理 › 配送企业管理 (manual 000, DOMAIN.md §1): 账号添加, 修改/编辑, 删除, 发放, 启用/禁用, 重置密码,
 * each refusal, and that a refusal changes nothing.
 */
import { describe, expect, it } from 'vitest';
import { del, expectRefused, get, loginAs, post, put, USERS, DEMO_PASSWORD } from '../support/client';
import { accountData, createAccount, creditCode, issue, listAll, M, provAccount } from './support';

const SX = 'sxBureau';
const BJ = 'bjBureau';

async function login(username: string, password = DEMO_PASSWORD) {
  return post('/api/auth/local', { identifier: username, password });
}
async function byName(bureau: string, companyName: string) {
  const res = await listAll(bureau, `&companyName=${encodeURIComponent(companyName)}`);
  return res.body.data as any[];
}
async function changePassword(jwt: string, from: string, to: string) {
  return post('/api/auth/change-password', { currentPassword: from, password: to, passwordConfirmation: to }, jwt);
}

describe('账号添加 (create)', () => {
  it('generates P + province code + provincial account', async () => {
    const acc = provAccount();
    const a = await createAccount(SX, { provincialAccount: acc });
    expect(a.username).toBe(`P14${acc}`);
    expect(a.issued).toBe(false);
  });

  it('without a provincial account: P + province code + the next 4-digit sequence, shown before saving', async () => {
    const jwt = await loginAs(SX);
    const preview = await get(`${M}/username-preview?provincialAccount=`, jwt);
    expect(preview.status).toBe(200);
    expect(preview.body.data.username).toMatch(/^P14\d{4}$/);
    const a = await createAccount(SX, { provincialAccount: '' });
    expect(a.username).toBe(preview.body.data.username);
    const b = await createAccount(SX, { provincialAccount: '' });
    expect(Number(b.username.slice(3))).toBe(Number(a.username.slice(3)) + 1);
    const withAcc = await get(`${M}/username-preview?provincialAccount=${encodeURIComponent('ＳＸ９９')}`, jwt);
    expect(withAcc.body.data.username).toBe('P14SX99');
  });

  it('normalises full-width characters and spaces', async () => {
    const cc = creditCode();
    const full = [...cc].map((c) => String.fromCodePoint(c.codePointAt(0)! + 0xfee0)).join('');
    const name = `\u3000全角配送${Date.now()}\u3000`;
    const res = await post(
      M,
      {
        data: {
          ...accountData(),
          provincialAccount: ' ＡＢ１２ ' + Date.now().toString(36).toUpperCase(),
          companyName: name,
          creditCode: full,
          phone: ' 010-6780 0000 ',
        },
      },
      await loginAs(SX),
    );
    expect(res.status).toBe(200);
    expect(res.body.data.creditCode).toBe(cc);
    expect(res.body.data.companyName).toBe(name.trim().replace(/\u3000/g, ''));
    expect(res.body.data.phone).toBe('010-67800000');
    expect(res.body.data.username).toMatch(/^P14AB12/);
  });

  it('answers Chinese field errors for a bad credit code, phone and missing name, and stores nothing', async () => {
    const name = `坏数据${Date.now()}`;
    const res = await post(M, { data: { companyName: '', creditCode: '91110000101118502X', phone: '12345', provincialAccount: 'a-b' } }, await loginAs(SX));
    expect(res.status).toBe(400);
    const fields = res.body.error.details.errors.map((e: any) => e.path[0]).sort();
    expect(fields).toEqual(['companyName', 'creditCode', 'phone', 'provincialAccount']);
    expect(res.body.error.details.errors.find((e: any) => e.path[0] === 'creditCode').message).toMatch(/统一社会信用代码/);
    const again = await post(M, { data: { ...accountData({ companyName: name }), phone: '1380013800' } }, await loginAs(SX));
    expect(again.status).toBe(400);
    expect(again.body.error.details.errors[0].message).toBe('手机号码应为11位数字');
    expect(await byName(SX, name)).toHaveLength(0);
  });

  it('refuses a body of the wrong shape with 400 ACCOUNT_INVALID naming the field, storing nothing', async () => {
    const jwt = await loginAs(SX);
    const name = `形状${Date.now()}`;
    const obj = await post(M, { data: { ...accountData({ companyName: name }), phone: { number: 1 } } }, jwt);
    expect(expectRefused(obj, 400, 'ACCOUNT_INVALID').details.field).toBe('phone');
    const long = await post(M, { data: accountData({ companyName: name, legalPerson: '长'.repeat(501) }) }, jwt);
    expect(expectRefused(long, 400, 'ACCOUNT_INVALID')).toMatchObject({ message: '法人过长', details: { field: 'legalPerson' } });
    expectRefused(await post(M, { data: [] }, jwt), 400, 'ACCOUNT_INVALID');
    expect(await byName(SX, name)).toHaveLength(0);
  });

  it('refuses a duplicate credit code or username (also against other provinces and platform organisations)', async () => {
    const a = await createAccount(SX);
    const dupCode = await post(M, { data: accountData({ creditCode: a.creditCode }) }, await loginAs(BJ));
    expect(dupCode.status).toBe(400);
    expect(dupCode.body.error.details.code).toBe('ACCOUNT_DUPLICATE');
    expect(dupCode.body.error.details.errors[0].path).toEqual(['creditCode']);
    const acc = a.username.slice(3);
    const dupUser = await post(M, { data: accountData({ provincialAccount: acc }) }, await loginAs(SX));
    expect(dupUser.status).toBe(400);
    expect(dupUser.body.error.details.errors[0]).toMatchObject({ path: ['provincialAccount'], message: `用户名 ${a.username} 已存在` });
    // The demo distributor 国药控股山西 (an organisation with a login) keeps its code and username.
    const demo = (await listAll(SX, '&username=P14SX0001')).body.data[0];
    const dupOrg = await post(M, { data: accountData({ creditCode: demo.creditCode }) }, await loginAs(SX));
    expect(dupOrg.status).toBe(400);
    const dupDemo = await post(M, { data: accountData({ provincialAccount: 'SX0001' }) }, await loginAs(SX));
    expect(dupDemo.status).toBe(400);
    expect(dupDemo.body.error.details.errors[0].message).toBe('用户名 P14SX0001 已存在');
  });

  it('only a bureau may add accounts', async () => {
    for (const who of ['admin', 'sxDist1', 'weigao', 'sxrm'] as const) {
      const res = await post(M, { data: accountData() }, await loginAs(who));
      expect(res.status, who).toBe(403);
    }
    expect((await post(M, { data: accountData() })).status).toBe(403);
  });
});

describe('修改 / 删除 before issue, 编辑 after', () => {
  it('修改 changes the username with the provincial account; another province’s row answers 404', async () => {
    const a = await createAccount(SX);
    const acc = provAccount();
    const res = await put(
      `${M}/${a.documentId}`,
      { data: { ...accountData({ creditCode: a.creditCode, companyName: '改名配送' + acc }), provincialAccount: acc } },
      await loginAs(SX),
    );
    expect(res.status).toBe(200);
    expect(res.body.data.username).toBe(`P14${acc}`);
    expectRefused(await put(`${M}/${a.documentId}`, { data: accountData() }, await loginAs(BJ)), 404, 'NOT_FOUND');
    expectRefused(await get(`${M}/${a.documentId}`, await loginAs(BJ)), 404, 'NOT_FOUND');
    expectRefused(await del(`${M}/${a.documentId}`, await loginAs(BJ)), 404, 'NOT_FOUND');
    const view = await get(`${M}/${a.documentId}`, await loginAs(SX));
    expect(view.body.data.companyName).toBe('改名配送' + acc);
  });

  it('删除 removes a row not issued; an issued row cannot be deleted', async () => {
    const a = await createAccount(SX);
    expect((await del(`${M}/${a.documentId}`, await loginAs(SX))).status).toBe(200);
    expect((await get(`${M}/${a.documentId}`, await loginAs(SX))).status).toBe(404);
    const b = await createAccount(SX);
    await issue(SX, [b.documentId]);
    expectRefused(await del(`${M}/${b.documentId}`, await loginAs(SX)), 409, 'ACCOUNT_ACTION_NOT_ALLOWED');
    expect((await get(`${M}/${b.documentId}`, await loginAs(SX))).status).toBe(200);
  });

  it('编辑 after issue updates the company data and its organisation, but never the username', async () => {
    const a = await createAccount(SX);
    await issue(SX, [a.documentId]);
    const refused = await put(`${M}/${a.documentId}`, { data: accountData({ creditCode: a.creditCode }) }, await loginAs(SX));
    expect(expectRefused(refused, 400, 'ACCOUNT_USERNAME_FIXED').details.errors).toMatchObject([{ path: ['provincialAccount'] }]);
    const name = `编辑后${Date.now()}`;
    const ok = await put(
      `${M}/${a.documentId}`,
      { data: accountData({ provincialAccount: a.username.slice(3), creditCode: a.creditCode, companyName: name }) },
      await loginAs(SX),
    );
    expect(ok.status).toBe(200);
    expect(ok.body.data.username).toBe(a.username);
    const jwt = await loginAs(a.username);
    await changePassword(jwt, DEMO_PASSWORD, 'Changed@2026');
    const mine = await get('/api/organisations/mine', await loginAs(a.username, 'Changed@2026'));
    expect(mine.body.data.name).toBe(name);
  });
});

describe('发放 (issue)', () => {
  it('creates the login with the bureau’s initial password; the holder must change it first', async () => {
    const a = await createAccount(SX);
    expect((await login(a.username)).status).toBe(400);
    const res = await issue(SX, [a.documentId]);
    expect(res.status).toBe(200);
    expect(res.body.data.issued).toBe(1);
    const row = (await get(`${M}/${a.documentId}`, await loginAs(SX))).body.data;
    expect(row).toMatchObject({ issued: true, enabled: true, loggedIn: false, actions: ['edit', 'disable', 'resetPassword', 'view'] });
    const l = await login(a.username);
    expect(l.status).toBe(200);
    const jwt = l.body.jwt;
    const meRes = await get('/api/me', jwt);
    expect(meRes.body).toMatchObject({
      role: 'distributor',
      mustChangePassword: true,
      organisation: { name: a.companyName, provinceCode: '14', type: 'distributor' },
    });
    const blocked = await get('/api/organisations/mine', jwt);
    expect(blocked.status).toBe(403);
    expect(blocked.body.error.details.code).toBe('PASSWORD_CHANGE_REQUIRED');
    expect((await changePassword(jwt, DEMO_PASSWORD, 'Fresh@2026x')).status).toBe(200);
    const after = await login(a.username, 'Fresh@2026x');
    expect((await get('/api/organisations/mine', after.body.jwt)).status).toBe(200);
    const listed = (await get(`${M}/${a.documentId}`, await loginAs(SX))).body.data;
    expect(listed.loggedIn).toBe(true);
    expect(new Date(listed.lastLoginAt).getTime()).toBeGreaterThan(Date.now() - 60_000);
    const history = await get(`/api/history/distributor-account/${a.documentId}`, await loginAs(SX));
    expect(history.body.data.map((h: any) => h.action)).toEqual(['create', 'issue']);
  });

  it('issues every ticked row at once (发放账号)', async () => {
    const rows = [await createAccount(SX), await createAccount(SX, { provincialAccount: '' }), await createAccount(SX)];
    const res = await issue(
      SX,
      rows.map((r) => r.documentId),
    );
    expect(res.status).toBe(200);
    expect(res.body.data.issued).toBe(3);
    for (const r of rows) expect((await login(r.username)).status).toBe(200);
  });

  it('is all-or-nothing: one issued row refuses the request, nothing else is issued, never a second login', async () => {
    const done = await createAccount(SX);
    await issue(SX, [done.documentId]);
    const fresh = await createAccount(SX);
    const res = await issue(SX, [fresh.documentId, done.documentId]);
    expect(expectRefused(res, 409, 'ACCOUNT_ALREADY_ISSUED').message).toContain(done.username);
    expect((await get(`${M}/${fresh.documentId}`, await loginAs(SX))).body.data.issued).toBe(false);
    expect((await login(fresh.username)).status).toBe(400);
    expectRefused(await issue(SX, [done.documentId]), 409, 'ACCOUNT_ALREADY_ISSUED');
  });

  it('refuses another province’s rows (404), an empty selection (400) and other roles (403), issuing nothing', async () => {
    const mine = await createAccount(SX);
    const theirs = await createAccount(BJ);
    expectRefused(await issue(SX, [mine.documentId, theirs.documentId]), 404, 'NOT_FOUND');
    expect((await get(`${M}/${mine.documentId}`, await loginAs(SX))).body.data.issued).toBe(false);
    expect((await get(`${M}/${theirs.documentId}`, await loginAs(BJ))).body.data.issued).toBe(false);
    expect(expectRefused(await issue(SX, []), 400, 'ISSUE_SELECTION_REQUIRED').details.field).toBe('documentIds');
    expectRefused(await post(`${M}/issue`, { documentIds: 'all' }, await loginAs(SX)), 400, 'ISSUE_SELECTION_REQUIRED');
    expectRefused(await post(`${M}/issue`, { documentIds: [mine.documentId] }, await loginAs('admin')), 403, 'ROLE_NOT_ALLOWED');
    expectRefused(await post(`${M}/issue`, { documentIds: [mine.documentId] }, await loginAs('sxDist1')), 403, 'ROLE_NOT_ALLOWED');
  });
});

describe('启用 / 禁用 / 重置密码', () => {
  async function issuedUser() {
    const a = await createAccount(SX);
    await issue(SX, [a.documentId]);
    const jwt = (await login(a.username)).body.jwt;
    await changePassword(jwt, DEMO_PASSWORD, 'Mine@2026x');
    const fresh = (await login(a.username, 'Mine@2026x')).body.jwt;
    return { a, jwt: fresh };
  }

  it('禁用: login refused with 账号已被禁用, the token in hand stops working; 启用 restores the login, not the old token', async () => {
    const { a, jwt } = await issuedUser();
    expect((await get('/api/organisations/mine', jwt)).status).toBe(200);
    const res = await post(`${M}/${a.documentId}/disable`, {}, await loginAs(SX));
    expect(res.status).toBe(200);
    expect(res.body.data).toMatchObject({ enabled: false, actions: ['edit', 'enable', 'resetPassword', 'view'] });
    const l = await login(a.username, 'Mine@2026x');
    expect(l.status).toBe(400);
    expect(l.body.error.message).toContain('账号已被禁用');
    // the token in hand: 401 with the reason, so the panel says 账号已被禁用 (not 登录已失效)
    expectRefused(await get('/api/organisations/mine', jwt), 401, 'ACCOUNT_DISABLED');
    expect((await listAll(SX, `&username=${a.username}&enabled=false`)).body.data).toHaveLength(1);
    expectRefused(await post(`${M}/${a.documentId}/disable`, {}, await loginAs(SX)), 409, 'ACCOUNT_ACTION_NOT_ALLOWED');
    expect((await post(`${M}/${a.documentId}/enable`, {}, await loginAs(SX))).status).toBe(200);
    expect((await get('/api/organisations/mine', jwt)).status).toBe(401); // 启用 revives no token from before 禁用
    expect((await login(a.username, 'Mine@2026x')).status).toBe(200);
    expectRefused(await post(`${M}/${a.documentId}/enable`, {}, await loginAs(SX)), 409, 'ACCOUNT_ACTION_NOT_ALLOWED');
  });

  it('重置密码: back to the initial password, which must be changed again', async () => {
    const { a } = await issuedUser();
    expect((await post(`${M}/${a.documentId}/reset-password`, {}, await loginAs(SX))).status).toBe(200);
    expect((await login(a.username, 'Mine@2026x')).status).toBe(400);
    const l = await login(a.username);
    expect(l.status).toBe(200);
    expect((await get('/api/me', l.body.jwt)).body.mustChangePassword).toBe(true);
    expect((await get('/api/organisations/mine', l.body.jwt)).status).toBe(403);
  });

  it('refuses them before issue, from another province and from other roles', async () => {
    const a = await createAccount(SX);
    for (const action of ['enable', 'disable', 'reset-password']) {
      expectRefused(await post(`${M}/${a.documentId}/${action}`, {}, await loginAs(SX)), 409, 'ACCOUNT_ACTION_NOT_ALLOWED');
    }
    const demo = (await listAll(SX, '&username=P14SX0001')).body.data[0];
    expectRefused(await post(`${M}/${demo.documentId}/disable`, {}, await loginAs(BJ)), 404, 'NOT_FOUND');
    expectRefused(await post(`${M}/${demo.documentId}/reset-password`, {}, await loginAs(BJ)), 404, 'NOT_FOUND');
    expectRefused(await post(`${M}/${demo.documentId}/disable`, {}, await loginAs('sxDist2')), 403, 'ROLE_NOT_ALLOWED');
    expect((await login(USERS.sxDist1)).status).toBe(200);
  });
});

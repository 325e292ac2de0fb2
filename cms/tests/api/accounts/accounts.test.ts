/**
 * 用户管理 › 配送企业管理 (manual 000, DOMAIN.md §1): 账号添加, list, 修改/编辑, 删除, 发放, 启用/禁用, 重置密码,
 * each refusal, and that a refusal changes nothing.
 */
import * as XLSX from 'xlsx';
import { describe, expect, it } from 'vitest';
import { baseUrl, del, expectRefused, get, loginAs, post, put, USERS, DEMO_PASSWORD } from '../support/client';
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
      expectRefused(res, 403, 'ROLE_NOT_ALLOWED');
    }
    expect((await post(M, { data: accountData() })).status).toBe(403);
  });
});

describe('本省配送企业用户列表 (list)', () => {
  it('shows only the bureau’s province, 10 a page by default, with the manual’s columns', async () => {
    await createAccount(BJ);
    const sx = await get(M, await loginAs(SX));
    expect(sx.status).toBe(200);
    expect(sx.body.meta.pagination.pageSize).toBe(10);
    expect(sx.body.data.length).toBeLessThanOrEqual(10);
    const all = (await listAll(SX)).body.data as any[];
    expect(all.every((r) => r.provinceCode === '14')).toBe(true);
    const demo = all.find((r) => r.username === 'P14SX0001');
    expect(demo).toMatchObject({ provincialAccount: 'SX0001', companyName: '国药控股山西有限公司', issued: true, enabled: true });
    expect(demo.distributionAreas.length).toBeGreaterThan(0);
    expect(demo.actions).toEqual(['edit', 'disable', 'resetPassword', 'view']);
    const admin = (await listAll('admin')).body;
    expect(admin.data.some((r: any) => r.provinceCode === '11')).toBe(true);
    expect(admin.data.some((r: any) => r.provinceCode === '14')).toBe(true);
    // The platform admin reads every province but manages none: 查看 only.
    expect(admin.data.every((r: any) => r.actions.length === 1 && r.actions[0] === 'view')).toBe(true);
  });

  it('filters by username, company name, provincial account, status, issued and logged in; sorts', async () => {
    const tag = Date.now().toString(36);
    const a = await createAccount(SX, { companyName: `筛选A${tag}` });
    const b = await createAccount(SX, { companyName: `筛选B${tag}` });
    expect((await issue(SX, [b.documentId])).status).toBe(200);
    const q = async (s: string) => ((await listAll(SX, s)).body.data as any[]).map((r) => r.username);
    expect(await q(`&companyName=${encodeURIComponent(tag)}`)).toHaveLength(2);
    expect(await q(`&filters[companyName][$containsi]=${encodeURIComponent(`筛选A${tag}`)}`)).toEqual([a.username]);
    expect(await q(`&username=${a.username.toLowerCase()}`)).toEqual([a.username]);
    expect(await q(`&provincialAccount=${a.username.slice(3)}`)).toEqual([a.username]);
    expect(await q(`&companyName=${encodeURIComponent(tag)}&issued=true`)).toEqual([b.username]);
    expect(await q(`&companyName=${encodeURIComponent(tag)}&issued=false`)).toEqual([a.username]);
    expect(await q(`&companyName=${encodeURIComponent(tag)}&loggedIn=false`)).toHaveLength(2);
    expect(await q(`&companyName=${encodeURIComponent(tag)}&enabled=true`)).toHaveLength(2);
    expect(await q(`&companyName=${encodeURIComponent(tag)}&sort=companyName:desc`)).toEqual([b.username, a.username]);
    expect(await q(`&companyName=${encodeURIComponent(tag)}&sort=companyName:asc`)).toEqual([a.username, b.username]);
    const pct = await q(`&companyName=${encodeURIComponent('%')}`);
    expect(pct).toHaveLength(0);
  });

  it('answers 400 with the field named for every bad query parameter, in the list and the export', async () => {
    const jwt = await loginAs(SX);
    const cases: Array<[string, string, string]> = [
      ['sort=password:asc', 'FILTER_INVALID', 'sort'],
      ['sort=companyName:sideways', 'FILTER_INVALID', 'sort'],
      ['issued=maybe', 'FILTER_INVALID', 'issued'],
      ['filters[enabled][$eq]=perhaps', 'FILTER_INVALID', 'enabled'],
      ['loggedIn=2', 'FILTER_INVALID', 'loggedIn'],
      [`companyName=${'长'.repeat(101)}`, 'FILTER_INVALID', 'companyName'],
      ['pagination[page]=0', 'INVALID_PAGINATION', 'page'],
      ['pagination[pageSize]=ten', 'INVALID_PAGINATION', 'pageSize'],
    ];
    for (const [query, code, field] of cases) {
      for (const path of [M, `${M}/export`]) {
        const res = await get(`${path}?${encodeURI(query)}`, jwt);
        expect(expectRefused(res, 400, code).details.field, `${path}?${query}`).toBe(field);
      }
    }
  });

  it('a page size above 100 is served as 100', async () => {
    const res = await get(`${M}?pagination[pageSize]=5000`, await loginAs(SX));
    expect(res.status).toBe(200);
    expect(res.body.meta.pagination.pageSize).toBe(100);
  });

  it('是否登录 totals follow a login at once (the cached count is dropped)', async () => {
    const a = await createAccount(SX);
    await issue(SX, [a.documentId]);
    const total = async () => (await listAll(SX, `&username=${a.username}&loggedIn=true`)).body.meta.pagination.total;
    expect(await total()).toBe(0);
    expect((await login(a.username)).status).toBe(200);
    expect(await total()).toBe(1);
  });

  it('pages on the server', async () => {
    const p1 = await get(`${M}?pagination[page]=1&pagination[pageSize]=2&sort=createdAt:asc`, await loginAs(SX));
    const p2 = await get(`${M}?pagination[page]=2&pagination[pageSize]=2&sort=createdAt:asc`, await loginAs(SX));
    expect(p1.body.data).toHaveLength(2);
    expect(p1.body.meta.pagination.total).toBeGreaterThan(2);
    expect(p2.body.data[0].documentId).not.toBe(p1.body.data[0].documentId);
  });

  it('is refused to distributors, manufacturers and hospitals', async () => {
    for (const who of ['sxDist1', 'weigao', 'sxrm'] as const) expectRefused(await get(M, await loginAs(who)), 403, 'ROLE_NOT_ALLOWED');
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

  it('禁用: login refused with 账号已被禁用, the token in hand stops working; 启用 restores both', async () => {
    const { a, jwt } = await issuedUser();
    expect((await get('/api/organisations/mine', jwt)).status).toBe(200);
    const res = await post(`${M}/${a.documentId}/disable`, {}, await loginAs(SX));
    expect(res.status).toBe(200);
    expect(res.body.data).toMatchObject({ enabled: false, actions: ['edit', 'enable', 'resetPassword', 'view'] });
    const l = await login(a.username, 'Mine@2026x');
    expect(l.status).toBe(400);
    expect(l.body.error.message).toContain('账号已被禁用');
    expect((await get('/api/organisations/mine', jwt)).status).toBe(401);
    expect((await listAll(SX, `&username=${a.username}&enabled=false`)).body.data).toHaveLength(1);
    expectRefused(await post(`${M}/${a.documentId}/disable`, {}, await loginAs(SX)), 409, 'ACCOUNT_ACTION_NOT_ALLOWED');
    expect((await post(`${M}/${a.documentId}/enable`, {}, await loginAs(SX))).status).toBe(200);
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

/** The export as SheetJS reads it: the header row and the data rows. */
async function exported(query: string) {
  const res = await fetch(`${baseUrl()}${M}/export?${query}`, { headers: { Authorization: `Bearer ${await loginAs(SX)}` } });
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toContain('spreadsheetml');
  const wb = XLSX.read(Buffer.from(await res.arrayBuffer()), { type: 'buffer' });
  expect(wb.SheetNames).toEqual(['本省配送企业用户列表']);
  const [header, ...rows] = XLSX.utils.sheet_to_json<string[]>(wb.Sheets[wb.SheetNames[0]!]!, { header: 1, defval: '', raw: false });
  return { header: header!, rows };
}

describe('导出', () => {
  it('exports exactly the filtered rows, in the list’s order, with the list’s columns', async () => {
    const tag = `导出${Date.now().toString(36)}`;
    const a = await createAccount(SX, { companyName: `${tag}甲` });
    const b = await createAccount(SX, { companyName: `${tag}乙` });
    const c = await createAccount(SX, { companyName: `${tag}丙` });
    await issue(SX, [c.documentId]);
    await createAccount(BJ, { companyName: `${tag}京` });
    const { header, rows } = await exported(`companyName=${encodeURIComponent(tag)}&issued=false&sort=companyName:asc`);
    expect(header).toEqual([
      '配送企业用户名',
      '省平台账号',
      '配送企业名称',
      '统一社会信用代码',
      '法人',
      '被授权人',
      '联系电话',
      '配送区域',
      '用户状态',
      '是否发放',
      '是否登录',
      '最后登录时间',
    ]);
    expect(rows.map((r) => r[0])).toEqual([a.username, b.username]);
    expect(rows[0]).toEqual([
      a.username,
      a.username.slice(3),
      a.companyName,
      a.creditCode,
      '张三',
      '李四',
      expect.stringMatching(/^139\d{8}$/),
      '',
      '启用',
      '否',
      '否',
      '',
    ]);
    expect((await exported(`companyName=${encodeURIComponent(tag)}&issued=true`)).rows.map((r) => r[0])).toEqual([c.username]);
  });

  it('shows areas by name and the last login in China time (YYYY-MM-DD HH:mm:ss)', async () => {
    expect((await login(USERS.sxDist1)).status).toBe(200);
    const { rows } = await exported('username=P14SX0001');
    expect(rows).toHaveLength(1);
    const row = rows[0]!;
    expect(row.slice(0, 3)).toEqual(['P14SX0001', 'SX0001', '国药控股山西有限公司']);
    expect(row[7]).toMatch(/[\u4e00-\u9fff]/);
    expect(row.slice(8, 11)).toEqual(['启用', '是', '是']);
    expect(row[11]).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);
    const shown = new Date(`${row[11]!.replace(' ', 'T')}+08:00`).getTime();
    expect(Math.abs(shown - Date.now())).toBeLessThan(120_000);
  });

  it('is refused to other roles', async () => {
    expectRefused(await get(`${M}/export`, await loginAs('sxDist1')), 403, 'ROLE_NOT_ALLOWED');
  });
});

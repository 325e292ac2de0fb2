/**
 * 本省配送企业用户列表 (manual 000, DOMAIN.md §1): the province's rows, filters, sorting, paging, 400 for
 * bad parameters, the actions per caller, and 导出 of the filtered list read back with SheetJS.
 */
import * as XLSX from 'xlsx';
import { describe, expect, it } from 'vitest';
import { baseUrl, DEMO_PASSWORD, expectRefused, get, loginAs, post, USERS } from '../support/client';
import { createAccount, issue, listAll, M } from './support';

const SX = 'sxBureau';
const BJ = 'bjBureau';

async function login(username: string, password = DEMO_PASSWORD) {
  return post('/api/auth/local', { identifier: username, password });
}

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
    for (const who of ['sxDist1', 'weigao', 'sxrm'] as const) expect((await get(M, await loginAs(who))).status, who).toBe(403);
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
    const a = await createAccount(SX, { companyName: `${tag}A` });
    const b = await createAccount(SX, { companyName: `${tag}B` });
    const c = await createAccount(SX, { companyName: `${tag}C` });
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

import { beforeAll, describe, expect, it } from 'vitest';
import { expectRefused, get, loginAs, post } from '../support/client';
import { downloadWorkbook } from '../support/xlsx';
import { loadOrgs, orgs, products } from './support';

/** 委托配送: the picker offers the distributors issued in the delegation's province, and the server refuses any other. */
beforeAll(loadOrgs);

const options = async (user: string, query: string) => get(`/api/delegations/distributor-options?${query}`, await loginAs(user));

describe('the distributor picker of a delegation', () => {
  it('lists the distributors issued in the province, each with its 配送区域, and none of another province', async () => {
    const res = await options('weigao', 'provinceCode=11&pageSize=100');
    expect(res.status).toBe(200);
    const ids = res.body.data.map((o: { id: number }) => o.id);
    expect(ids).toEqual(expect.arrayContaining([orgs.bjDist1, orgs.bjDist2]));
    expect(ids).not.toContain(orgs.sxDist1);
    expect(res.body.meta.pagination.total).toBe(res.body.data.length);
    const bj1 = res.body.data.find((o: { id: number }) => o.id === orgs.bjDist1);
    expect(Array.isArray(bj1.areas)).toBe(true);
    expect(bj1.areas.every((a: string) => /[\u4e00-\u9fa5]/.test(a))).toBe(true);
    const sx = await options('weigao', 'provinceCode=14&pageSize=100');
    expect(sx.body.data.map((o: { id: number }) => o.id)).toContain(orgs.sxDist1);
    expect(sx.body.data.map((o: { id: number }) => o.id)).not.toContain(orgs.bjDist1);
  });

  it('searches on the server and pages without a cap', async () => {
    const one = await options('weigao', 'provinceCode=11&pageSize=1');
    expect(one.body.data).toHaveLength(1);
    expect(one.body.meta.pagination.total).toBeGreaterThan(1);
    const name = one.body.data[0].name as string;
    const found = await options('weigao', `provinceCode=11&q=${encodeURIComponent(name)}`);
    expect(found.body.data.map((o: { name: string }) => o.name)).toContain(name);
    const none = await options('weigao', `provinceCode=11&q=${encodeURIComponent('没有这个企业名')}`);
    expect(none.body.data).toEqual([]);
  });

  it('refuses a bad province and roles that do not delegate', async () => {
    expectRefused(await options('weigao', 'provinceCode=abc'), 400, 'INVALID_INPUT');
    expect((await options('jst', 'provinceCode=11')).status).toBe(403);
  });
});

describe('the server refuses a delegation to another province’s distributor', () => {
  it('a Beijing delegation to a Shanxi distributor: 400 DISTRIBUTOR_NOT_IN_PROVINCE, in Chinese, nothing created', async () => {
    const ps = await products(orgs.weigao, 1);
    const jwt = await loginAs('weigao');
    const before = (await get('/api/delegation-list?pageSize=1', jwt)).body.meta.pagination.total;
    const res = await post('/api/delegations/create', { distributorOrgId: orgs.sxDist1, provinceCode: '11', productIds: [ps[0]!.documentId] }, jwt);
    expectRefused(res, 400, 'DISTRIBUTOR_NOT_IN_PROVINCE');
    expect(res.body.error.message).toMatch(/省份/);
    expect((await get('/api/delegation-list?pageSize=1', jwt)).body.meta.pagination.total).toBe(before);
    const ok = await post('/api/delegations/create', { distributorOrgId: orgs.bjDist1, provinceCode: '11', productIds: [ps[0]!.documentId] }, jwt);
    expect(ok.status).toBe(200);
  });
});

describe('生产配送关系 export', () => {
  it('exports what the list shows for the same search, as .xlsx with Chinese headers', async () => {
    const jwt = await loginAs('weigao');
    const list = await get('/api/delegation-list?pageSize=200&status=pending', jwt);
    const book = await downloadWorkbook('/api/delegation-list/export?status=pending', jwt);
    expect(book.header).toEqual(expect.arrayContaining(['生产企业', '配送企业', '省份', '状态']));
    expect(book.rows.length).toBe(list.body.meta.pagination.total);
    expectRefused(await get('/api/delegation-list/export?status=nope', jwt), 400, 'INVALID_INPUT');
  });
});

import * as XLSX from 'xlsx';
import { beforeAll, describe, expect, it } from 'vitest';
import { formatFen } from '../../../src/domain';
import { baseUrl, expectRefused, get, loginAs, post } from '../support/client';
import { batch, confirmedLine, daysFromToday, delegate, line, loadOrgs, order, org, product, world } from './world';

beforeAll(loadOrgs);

/** Downloads an export and answers its first sheet as rows of cells (the header row first). */
async function workbook(path: string, auth: string) {
  const res = await fetch(`${baseUrl()}${path}`, { headers: { Authorization: `Bearer ${auth}` } });
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toContain('spreadsheetml');
  const wb = XLSX.read(new Uint8Array(await res.arrayBuffer()), { type: 'array' });
  return XLSX.utils.sheet_to_json<unknown[]>(wb.Sheets[wb.SheetNames[0]!]!, { header: 1, raw: true });
}

describe('order-line lists', () => {
  it('待配送 lists the distributor’s open lines with filters; manufacturers and bureaus read the line; other organisations do not', async () => {
    const w = await world('xiehe', 'bjDist1');
    const o = await order('xiehe', [{ productId: w.product.id, distributor: 'bjDist1', quantity: 2 }]);
    const id = o.lines[0]!.documentId;
    const dist = await loginAs('bjDist1');
    let res = await get(`/api/order-lines/search?tab=todo&productId=${w.product.id}&hospitalOrgId=${org.xiehe}`, dist);
    expect(res.status).toBe(200);
    expect(res.body.data.map((x: any) => x.documentId)).toEqual([id]);
    expect(res.body.data[0]).toMatchObject({ hospitalName: '北京协和医院', status: 'pending', actions: ['confirm', 'reject'] });
    expect(res.body.meta.pagination).toMatchObject({ page: 1, total: 1 });
    res = await get(`/api/order-lines/search?tab=delivered&productId=${w.product.id}`, dist);
    expect(res.body.data).toEqual([]);
    res = await get(`/api/order-lines/search?status=rejected&productId=${w.product.id}`, dist);
    expect(res.body.data).toEqual([]);
    res = await get(`/api/order-lines/search?from=${daysFromToday(0)}&to=${daysFromToday(0)}&productId=${w.product.id}`, dist);
    expect(res.body.data).toHaveLength(1);
    res = await get(`/api/order-lines/search?from=${daysFromToday(1)}&productId=${w.product.id}`, dist);
    expect(res.body.data).toHaveLength(0);
    for (const u of ['weigao', 'bjBureau', 'admin'] as const) {
      res = await get(`/api/order-lines/search?productId=${w.product.id}`, await loginAs(u));
      expect(
        res.body.data.map((x: any) => [x.documentId, x.actions]),
        u,
      ).toEqual([[id, []]]);
    }
    for (const u of ['chunli', 'sxBureau', 'bjDist2', 'jst'] as const) {
      res = await get(`/api/order-lines/search?productId=${w.product.id}`, await loginAs(u));
      expect(res.body.data, u).toEqual([]);
    }
    // Read only for the manufacturer and the bureau.
    expectRefused(await post('/api/order-lines/confirm', { ids: [id] }, await loginAs('bjBureau')), 403, 'ROLE_NOT_ALLOWED');
    expect((await get('/api/order-lines/search')).status).toBe(403);
  });

  it('search is a case-insensitive contains with % and _ taken literally', async () => {
    const w = await world('xiehe', 'bjDist1');
    await order('xiehe', [{ productId: w.product.id, distributor: 'bjDist1', quantity: 1 }]);
    const dist = await loginAs('bjDist1');
    const term = String(w.product.code).slice(0, 8).toLowerCase(); // the code starts with an upper-case T
    let res = await get(`/api/order-lines/search?q=${encodeURIComponent(term)}`, dist);
    expect(res.body.data.map((x: any) => x.productId)).toContain(w.product.id);
    res = await get(`/api/order-lines/search?q=${encodeURIComponent('%')}&productId=${w.product.id}`, dist);
    expect(res.body.data).toEqual([]);
  });

  it('bad list parameters answer 400 with a field, never 500', async () => {
    const dist = await loginAs('bjDist1');
    const cases: Array<[string, string, string]> = [
      ['pagination[page]=abc', 'INVALID_PAGINATION', 'page'],
      ['pagination[pageSize]=0', 'INVALID_PAGINATION', 'pageSize'],
      ['status=nope', 'STATUS_INVALID', 'status.0'],
      ['tab=archive', 'TAB_INVALID', 'tab'],
      ['sort=nope:up', 'INVALID_INPUT', 'sort'],
      ['sort=orderedAt:up', 'INVALID_INPUT', 'sort'],
      [`q=${'x'.repeat(101)}`, 'INVALID_INPUT', 'q'],
      ['productId=abc', 'INVALID_INPUT', 'productId'],
      ['from=2024-99-01', 'DATE_INVALID', 'from'],
    ];
    for (const [query, code, field] of cases) {
      const err = expectRefused(await get(`/api/order-lines/search?${query}`, dist), 400, code);
      expect(err.details.field, query).toBe(field);
    }
    expectRefused(await get('/api/order-lines/export?status=nope', dist), 400, 'STATUS_INVALID');
    expectRefused(await get('/api/order-deliveries?status=lost', dist), 400, 'INVALID_INPUT');
    expectRefused(await get('/api/order-deliveries?rework=maybe', dist), 400, 'INVALID_INPUT');
    expectRefused(await get('/api/order-returns?status=lost', dist), 400, 'INVALID_INPUT');
    expectRefused(await get(`/api/order-returns?q=${'x'.repeat(101)}`, dist), 400, 'INVALID_INPUT');
  });

  it('the export holds exactly the filtered lines, a Chinese header row, amounts in yuan and China time', async () => {
    const w = await world('xiehe', 'bjDist1');
    const other = await product({ priceFen: 500 });
    await delegate(other.id, 'bjDist1');
    const o = await order('xiehe', [
      { productId: w.product.id, distributor: 'bjDist1', quantity: 2 },
      { productId: other.id, distributor: 'bjDist1', quantity: 9 },
    ]);
    const o2 = await order('xiehe', [{ productId: w.product.id, distributor: 'bjDist1', quantity: 3 }]);
    const rows = await workbook(`/api/order-lines/export?productId=${w.product.id}&sort=quantity:asc`, await loginAs('bjDist1'));
    expect(rows[0]).toEqual([
      '订单编号',
      '行号',
      '医疗机构',
      '配送企业',
      '产品编码',
      '产品名称',
      '规格型号',
      '单位',
      '采购数量',
      '单价（元）',
      '金额（元）',
      '状态',
      '逾期',
      '配送方式',
      '已配送',
      '已收货',
      '已退货',
      '下单时间',
      '理由',
    ]);
    const data = rows.slice(1);
    expect(data.map((r) => [r[0], r[1], r[8]])).toEqual([
      [o.code, 1, 2],
      [o2.code, 1, 3],
    ]);
    expect(data[0]!.slice(2, 12)).toEqual([
      '北京协和医院',
      expect.any(String),
      w.product.code,
      w.product.name,
      'Φ3.5 A1',
      '个',
      2,
      formatFen(12345),
      formatFen(24690),
      '待确认',
    ]);
    expect(String(data[0]![17])).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);
    // Another organisation's export holds none of them.
    expect(await workbook(`/api/order-lines/export?productId=${w.product.id}`, await loginAs('bjDist2'))).toHaveLength(1);
  });
});

describe('actions on rows', () => {
  it('each row answers what its caller may do now: lines, deliveries and returns, for both sides', async () => {
    const { id } = await confirmedLine(10);
    const dist = await loginAs('bjDist1');
    const hosp = await loginAs('jst');
    expect((await line('bjDist1', id)).actions).toEqual(['deliver', 'terminate']);
    expect((await line('jst', id)).actions).toEqual([]);
    const d = (await post(`/api/order-lines/${id}/deliveries`, batch(4, { invoiceNo: '', invoiceCode: '' }), dist)).body.data.delivery.documentId;
    let l = await line('bjDist1', id);
    expect(l.actions).toEqual(['deliver', 'terminate']);
    expect(l.deliveries[0].actions).toEqual(['withdraw', 'fill', 'modify']);
    l = await line('jst', id);
    expect(l.deliveries[0].actions).toEqual(['receive']);
    const deliveries = await get(`/api/order-deliveries?line=${id}`, hosp);
    expect(deliveries.body.data.map((x: any) => [x.documentId, x.actions])).toEqual([[d, ['receive']]]);
    expect((await post(`/api/order-deliveries/${d}/receive`, {}, hosp)).status).toBe(200);
    expect((await line('jst', id)).actions).toEqual(['return']);
    const r = (await post(`/api/order-lines/${id}/returns`, { quantity: 4, reason: '破损' }, hosp)).body.data.documentId;
    expect((await line('jst', id)).actions).toEqual([]);
    const returns = await get('/api/order-returns?pagination[pageSize]=200', dist);
    expect(returns.body.data.find((x: any) => x.documentId === r).actions).toEqual(['agree', 'refuse']);
    expect((await get('/api/order-returns?pagination[pageSize]=200', hosp)).body.data.find((x: any) => x.documentId === r).actions).toEqual([]);
    const rework = await get('/api/order-deliveries?rework=true&pagination[pageSize]=200', dist);
    expect(rework.body.data.find((x: any) => x.documentId === d).actions).toEqual(['fill', 'modify']);
  });
});

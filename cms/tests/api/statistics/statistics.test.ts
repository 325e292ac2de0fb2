import { beforeAll, describe, expect, inject, it } from 'vitest';
import { expectRefused, get, loginAs, post, type DemoUser } from '../support/client';
import { downloadWorkbook } from '../support/xlsx';
import { batch, confirmedLine, delegate, freshHospital, loadOrgs, order, org, product, relationship } from '../orders/world';

/**
 * 统计查询 proven against order lines built here (a fresh hospital, so its figures are exactly these
 * lines): a partly returned line, a withdrawn delivery, a rejected and a terminated line, and the
 * relationship then in 解约中; each role's scope; and the aggregates equal to a full recount, also
 * after 50 concurrent deliveries (SQLite and, with TEST_DATABASE_URL, PostgreSQL).
 */
const PRICE = 12345;
let h: DemoUser;
let p1: number;
let p2: number;

async function ok(path: string, body: unknown, auth: string) {
  const res = await post(path, body, auth);
  expect(res.status, `${path} ${JSON.stringify(res.body)}`).toBe(200);
  return res.body.data;
}

async function expectRecountEqual() {
  const res = await get('/api/test/stats-recount');
  expect(res.status).toBe(200);
  expect(res.body.differences).toEqual([]);
  expect(res.body.stored).toBe(res.body.recounted);
}

beforeAll(async () => {
  await loadOrgs();
  h = await freshHospital();
  p1 = (await product({ priceFen: PRICE })).id;
  p2 = (await product({ priceFen: PRICE })).id;
  const rel = await relationship(h, 'bjDist1');
  await delegate(p1, 'bjDist1');
  await delegate(p2, 'bjDist1');
  const dist = await loginAs('bjDist1');
  const hosp = await loginAs(h);
  const o1 = await order(h, [
    { productId: p1, distributor: 'bjDist1', quantity: 10 },
    { productId: p2, distributor: 'bjDist1', quantity: 5 },
  ]);
  const [l1, l2] = o1.lines.map((l) => l.documentId) as [string, string];
  const l3 = (await order(h, [{ productId: p1, distributor: 'bjDist1', quantity: 4 }])).lines[0]!.documentId;
  const l4 = (await order(h, [{ productId: p1, distributor: 'bjDist1', quantity: 6 }])).lines[0]!.documentId;
  await ok('/api/order-lines/confirm', { ids: [l1, l2, l4] }, dist);
  await ok('/api/order-lines/reject', { ids: [l3], reason: '库存不足' }, dist);
  // L1: 6 + 4 delivered, the first 6 received, 1 of them returned (agreed).
  const d1 = (await ok(`/api/order-lines/${l1}/deliveries`, batch(6), dist)).delivery.documentId;
  await ok(`/api/order-lines/${l1}/deliveries`, batch(4), dist);
  await ok(`/api/order-deliveries/${d1}/receive`, {}, hosp);
  const r = (await ok(`/api/order-lines/${l1}/returns`, { quantity: 1, reason: '包装破损' }, hosp)).documentId;
  await ok(`/api/order-returns/${r}/agree`, {}, dist);
  // L2: a standard delivery without invoice, withdrawn (nothing delivered).
  const d3 = (await ok(`/api/order-lines/${l2}/deliveries`, batch(5, { mode: 'standard', invoiceCode: '', invoiceNo: '' }), dist)).delivery.documentId;
  await ok(`/api/order-deliveries/${d3}/withdraw`, {}, dist);
  // L4: 2 delivered, then 终止配送.
  await ok(`/api/order-lines/${l4}/deliveries`, batch(2), dist);
  await ok(`/api/order-lines/${l4}/terminate`, { reason: '停产' }, dist);
  // The relationship goes into 解约中: what was ordered still counts.
  await ok(`/api/hospital-relationships/${rel.documentId}/requestRevoke`, { reason: '合作调整' }, hosp);
  await ok(`/api/hospital-relationships/${rel.documentId}/acceptRevoke`, {}, dist);
});

const P1 = {
  lines: 2,
  orderedQty: 16,
  orderedFen: 16 * PRICE,
  deliveredQty: 12,
  deliveredFen: 12 * PRICE,
  receivedQty: 6,
  returnedQty: 1,
  returnedFen: PRICE,
  terminatedLines: 1,
};
const P2 = {
  lines: 1,
  orderedQty: 5,
  orderedFen: 5 * PRICE,
  deliveredQty: 0,
  deliveredFen: 0,
  receivedQty: 0,
  returnedQty: 0,
  returnedFen: 0,
  terminatedLines: 0,
};
const TOTAL = {
  lines: 3,
  orderedQty: 21,
  orderedFen: 21 * PRICE,
  deliveredQty: 12,
  deliveredFen: 12 * PRICE,
  receivedQty: 6,
  returnedQty: 1,
  returnedFen: PRICE,
  terminatedLines: 1,
};

describe(`统计查询 (${inject('database')})`, () => {
  it('按产品查询: every figure of the lines, both 配送率, the totals row, sorting', async () => {
    const dist = await loginAs('bjDist1');
    const res = await get(`/api/statistics/by-product?hospitalOrgId=${org[h]}`, dist);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.data).toEqual([
      expect.objectContaining({ key: p1, ...P1, rateByQty: 0.75, rateByAmount: 0.75 }),
      expect.objectContaining({ key: p2, ...P2, rateByQty: 0, rateByAmount: 0 }),
    ]);
    expect(res.body.data[0].name).toContain('测试耗材');
    expect(res.body.meta.pagination).toMatchObject({ page: 1, total: 2 });
    expect(res.body.meta.totals).toMatchObject({ ...TOTAL, rateByQty: 12 / 21 });
    for (const [sort, firstKey] of [
      ['orderedQty:asc', p2],
      ['orderedQty:desc', p1],
      ['rateByQty:asc', p2],
      ['rateByAmount:desc', p1],
      ['returnedFen:asc', p2],
    ] as const) {
      const s = await get(`/api/statistics/by-product?hospitalOrgId=${org[h]}&sort=${sort}`, dist);
      expect(s.body.data[0].key, sort).toBe(firstKey);
    }
    const paged = await get(`/api/statistics/by-product?hospitalOrgId=${org[h]}&pageSize=1&page=2`, dist);
    expect(paged.body.data.map((r: any) => r.key)).toEqual([p2]);
    const filtered = await get(`/api/statistics/by-product?hospitalOrgId=${org[h]}&productId=${p2}`, dist);
    expect(filtered.body.meta.totals).toMatchObject(P2);
  });

  it('each role reads its own scope', async () => {
    const q = `hospitalOrgId=${org[h]}`;
    for (const user of ['bjDist1', h, 'weigao', 'bjBureau', 'admin'] as const) {
      const res = await get(`/api/statistics/by-distributor?${q}`, await loginAs(user));
      expect(res.status, user).toBe(200);
      expect(res.body.data, user).toEqual([expect.objectContaining({ key: org.bjDist1, ...TOTAL })]);
      const hosp = await get(`/api/statistics/by-hospital?${q}`, await loginAs(user));
      expect(hosp.body.data, user).toEqual([expect.objectContaining({ key: org[h], ...TOTAL })]);
    }
    for (const user of ['bjDist2', 'jst', 'chunli', 'sxBureau'] as const) {
      const res = await get(`/api/statistics/by-product?${q}`, await loginAs(user));
      expect(res.status, user).toBe(200);
      expect(res.body.data, user).toEqual([]);
      expect(res.body.meta.totals, user).toMatchObject({ lines: 0, orderedFen: 0 });
    }
  });

  it('filters: 下单日期 range, province, 带量采购 / 重点监控 flags, category; bad parameters answer 400', async () => {
    const dist = await loginAs('bjDist1');
    const day = (d: number) => new Date(Date.now() + 8 * 3600_000 + d * 86400_000).toISOString().slice(0, 10);
    const base = `/api/statistics/by-product?hospitalOrgId=${org[h]}`;
    expect((await get(`${base}&from=${day(-400)}&to=${day(-100)}`, dist)).body.data).toEqual([]);
    expect((await get(`${base}&from=${day(-1)}&to=${day(1)}`, dist)).body.meta.totals).toMatchObject(TOTAL);
    // Whole months (read from the monthly sums) with days at either end, and whole months alone.
    const month = day(0).slice(0, 7);
    const [y, m] = month.split('-').map(Number) as [number, number];
    const monthsAgo = (n: number) => {
      const k = y * 12 + (m - 1) - n;
      return `${Math.floor(k / 12)}-${String((k % 12) + 1).padStart(2, '0')}`;
    };
    expect((await get(`${base}&from=${monthsAgo(2)}-15&to=${day(0)}`, dist)).body.meta.totals).toMatchObject(TOTAL);
    expect((await get(`${base}&from=${monthsAgo(13)}-01&to=${day(0)}`, dist)).body.data).toEqual([
      expect.objectContaining({ key: p1, ...P1 }),
      expect.objectContaining({ key: p2, ...P2 }),
    ]);
    expect((await get(`${base}&from=${monthsAgo(3)}-01&to=${monthsAgo(1)}-28`, dist)).body.data).toEqual([]);
    expect((await get(`${base}&provinceCode=61`, dist)).body.data).toEqual([]);
    expect((await get(`${base}&provinceCode=11`, dist)).body.meta.totals).toMatchObject(TOTAL);
    expect((await get(`${base}&vbp=true`, dist)).body.data).toEqual([]);
    expect((await get(`${base}&keyMonitored=false`, dist)).body.meta.totals).toMatchObject(TOTAL);
    expect((await get(`${base}&category=neuro`, dist)).body.data).toEqual([]);
    expectRefused(await get(`${base}&from=${day(1)}&to=${day(-1)}`, dist), 400, 'DATE_INVALID');
    expectRefused(await get(`${base}&from=2026-13-01`, dist), 400, 'DATE_INVALID');
    expectRefused(await get(`${base}&sort=name:up`, dist), 400, 'SORT_INVALID');
    expectRefused(await get(`${base}&category=food`, dist), 400, 'INVALID_INPUT');
    expectRefused(await get(`/api/statistics/series?view=by-nothing`, dist), 400, 'VIEW_INVALID');
    expectRefused(await get(`/api/statistics/by-product`), 403, 'FORBIDDEN');
  });

  it('export: exactly the filtered rows, in the table order, with the totals row', async () => {
    const wb = await downloadWorkbook(`/api/statistics/by-product/export?hospitalOrgId=${org[h]}&sort=orderedQty:asc`, await loginAs('bjDist1'));
    expect(wb.status).toBe(200);
    expect(wb.rows).toHaveLength(3);
    expect(wb.rows[0]).toMatchObject({ 采购数量: 5, 配送数量: 0, '采购金额（元）': '617.25', '配送率（数量）': '0.0%' });
    expect(wb.rows[1]).toMatchObject({
      采购数量: 16,
      配送数量: 12,
      收货数量: 6,
      退货数量: 1,
      '退货金额（元）': '123.45',
      '配送率（数量）': '75.0%',
      已终止明细数: 1,
    });
    expect(wb.rows[2]).toMatchObject({ 产品: '合计', 采购数量: 21, 配送数量: 12 });
  });

  it('series and dashboard: months, top 10, 配送率 distribution; this month and the 12-month trend', async () => {
    const hosp = await loginAs(h);
    const s = await get(`/api/statistics/series?view=by-product&hospitalOrgId=${org[h]}`, hosp);
    expect(s.status).toBe(200);
    expect(s.body.data.months).toHaveLength(12);
    expect(s.body.data.months.at(-1)).toMatchObject({ orderedFen: 21 * PRICE, deliveredFen: 12 * PRICE });
    expect(s.body.data.top.map((t: any) => t.key)).toEqual([p1, p2]);
    const buckets = Object.fromEntries(s.body.data.rateBuckets.map((b: any) => [b.key, b.count]));
    expect(buckets).toEqual({ lt50: 1, '50to80': 1, '80to90': 0, '90to100': 0, full: 0 });
    const d = await get('/api/statistics/dashboard', hosp);
    expect(d.status).toBe(200);
    expect(d.body.data.month).toMatchObject({ ...TOTAL, rateByAmount: 12 / 21 });
    expect(d.body.data.trend).toHaveLength(12);
    expect(d.body.data.trend.at(-1)).toMatchObject({ orderedFen: 21 * PRICE, deliveredFen: 12 * PRICE });
    expect(d.body.data.todos).toHaveProperty('receipts');
  });

  it('the aggregates equal a full recount of the order lines', async () => {
    await expectRecountEqual();
  });

  it('…also after 50 concurrent deliveries', async () => {
    const { id } = await confirmedLine(30);
    const dist = await loginAs('bjDist1');
    const results = await Promise.all(Array.from({ length: 50 }, () => post(`/api/order-lines/${id}/deliveries`, batch(1), dist)));
    expect(results.filter((r) => r.status === 200)).toHaveLength(30);
    await expectRecountEqual();
  });
});

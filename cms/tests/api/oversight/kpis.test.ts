import { beforeAll, describe, expect, it } from 'vitest';
import { createUser, expectRefused, get, loginAs, testSupport, unique } from '../support/client';
import { downloadWorkbook } from '../support/xlsx';
import { loadOrgs, org } from '../orders/world';

/**
 * 配送监管 figures proven against lines built here (two fresh Beijing distributors, months of 2025 no
 * other test orders in): monthly KPIs, the league worst first, the 90 %-for-3-months alarm, 大额低到货,
 * and each role's scope.
 */
const tag = unique('监管');
const china = (s: string) => new Date(`${s}+08:00`).toISOString();
let seq = 0;
const D: { id: number; jwt: string } = { id: 0, jwt: '' };
const E: { id: number; jwt: string } = { id: 0, jwt: '' };

async function distributor(name: string) {
  const o = await testSupport.fixture('organisation', { name: `${tag}${name}`, type: 'distributor', provinceCode: '11', enabled: true });
  const u = await createUser(o.id, { password: 'Admin2026x' });
  return { id: o.id as number, jwt: await loginAs(u.username, 'Admin2026x') };
}

interface LineSpec {
  dist: number;
  ordered: string;
  quantity: number;
  delivered?: number;
  status: string;
  confirmed?: string;
  closed?: string;
  deliveredAt?: string;
  priceFen?: number;
}
async function line(l: LineSpec) {
  seq += 1;
  const price = l.priceFen ?? 100;
  const row = await testSupport.fixture('order-line', {
    orderId: 9_000_000 + Math.floor(Math.random() * 1_000_000),
    orderCode: `${tag}-${seq}`,
    lineNo: 1,
    hospitalOrgId: org.jst,
    distributorOrgId: l.dist,
    provinceCode: '11',
    productId: 1,
    productName: `${tag}耗材`,
    productCode: 'P1',
    quantity: l.quantity,
    unitPriceFen: price,
    amountFen: price * l.quantity,
    status: l.status,
    deliveredQty: l.delivered ?? 0,
    orderedAt: china(l.ordered),
    confirmedAt: l.confirmed ? china(l.confirmed) : null,
    closedAt: l.closed ? china(l.closed) : null,
  });
  if (l.deliveredAt) {
    await testSupport.fixture('delivery', {
      orderLineId: row.id,
      distributorOrgId: l.dist,
      hospitalOrgId: org.jst,
      provinceCode: '11',
      quantity: l.delivered,
      batchNo: 'B1',
      status: 'shipped',
      invoiceStatus: 'pending',
      deliveredAt: china(l.deliveredAt),
    });
  }
  return row;
}

beforeAll(async () => {
  await testSupport.setClock(0);
  await loadOrgs();
  Object.assign(D, await distributor('甲配送'));
  Object.assign(E, await distributor('乙配送'));
  // D — June: one line answered and delivered in time (8 of 10), one rejected in time: 配送率 40 %.
  await line({
    dist: D.id,
    ordered: '2025-06-02T10:00:00',
    confirmed: '2025-06-03T10:00:00',
    status: 'delivered',
    quantity: 10,
    delivered: 8,
    deliveredAt: '2025-06-04T10:00:00',
  });
  await line({ dist: D.id, ordered: '2025-06-02T11:00:00', closed: '2025-06-03T11:00:00', status: 'rejected', quantity: 10 });
  // July: confirmed late, 17 of 20 delivered: 85 %. August: never answered: 0 %. September: all in time: 100 %.
  await line({ dist: D.id, ordered: '2025-07-01T10:00:00', confirmed: '2025-07-07T10:00:00', status: 'delivering', quantity: 20, delivered: 17 });
  await line({ dist: D.id, ordered: '2025-08-01T10:00:00', status: 'pending', quantity: 10 });
  await line({
    dist: D.id,
    ordered: '2025-09-01T10:00:00',
    confirmed: '2025-09-01T12:00:00',
    status: 'delivered',
    quantity: 10,
    delivered: 10,
    deliveredAt: '2025-09-02T10:00:00',
  });
  // E — 80 %, 95 %, 50 %: below 90 % in June and August, not in July: no alarm.
  await line({
    dist: E.id,
    ordered: '2025-06-02T10:00:00',
    confirmed: '2025-06-02T12:00:00',
    status: 'delivered',
    quantity: 10,
    delivered: 8,
    deliveredAt: '2025-06-03T10:00:00',
  });
  await line({ dist: E.id, ordered: '2025-07-01T10:00:00', confirmed: '2025-07-01T12:00:00', status: 'delivering', quantity: 20, delivered: 19 });
  await line({ dist: E.id, ordered: '2025-08-01T10:00:00', confirmed: '2025-08-01T12:00:00', status: 'delivering', quantity: 10, delivered: 5 });
}, 120_000);

const kpisOf = async (jwt: string, query: string) => {
  const res = await get(`/api/oversight/kpis?pageSize=200&${query}`, jwt);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body.data as Array<Record<string, unknown>>;
};

describe('distributor KPIs per month', () => {
  it('counts 响应率, 按时配送率 and 配送率 of the lines ordered in each month', async () => {
    const rows = await kpisOf(D.jwt, 'from=2025-06&to=2025-09');
    expect(rows.map((r) => r.month)).toEqual(['2025-09', '2025-08', '2025-07', '2025-06']);
    expect(rows.every((r) => r.distributorOrgId === D.id)).toBe(true);
    const june = rows.find((r) => r.month === '2025-06')!;
    expect(june).toMatchObject({
      lines: 2,
      orderedQty: 20,
      deliveredQty: 8,
      orderedFen: 2000,
      deliveredFen: 800,
      responseDue: 2,
      respondedInTime: 2,
      responseRate: 1,
      deliveryDue: 1,
      deliveredInTime: 1,
      onTimeRate: 1,
      qtyRate: 0.4,
      amountRate: 0.4,
    });
    expect(rows.find((r) => r.month === '2025-07')).toMatchObject({ responseRate: 0, onTimeRate: 0, amountRate: 0.85 });
    expect(rows.find((r) => r.month === '2025-08')).toMatchObject({ responseDue: 1, responseRate: 0, deliveryDue: 0, onTimeRate: null, amountRate: 0 });
    expect(rows.find((r) => r.month === '2025-09')).toMatchObject({ responseRate: 1, onTimeRate: 1, amountRate: 1 });
    const book = await downloadWorkbook('/api/oversight/kpis/export?from=2025-06&to=2025-09', D.jwt);
    expect(book.rows.length).toBe(4);
    expect(book.rows.find((r) => r['月份'] === '2025-06')).toMatchObject({ '配送率（金额）': '40.00%', 响应率: '100.00%' });
  });

  it('scopes: the distributor its own, the bureau its province, the admin all; hospital and manufacturer refused', async () => {
    expect(await kpisOf(D.jwt, `from=2025-06&to=2025-09&distributorOrgId=${E.id}`)).toEqual([]);
    expect((await kpisOf(E.jwt, 'from=2025-06&to=2025-09')).map((r) => r.distributorOrgId)).toEqual([E.id, E.id, E.id]);
    const bureau = await kpisOf(await loginAs('bjBureau'), `from=2025-06&to=2025-09&q=${encodeURIComponent(tag)}`);
    expect(bureau.length).toBe(7);
    expect(await kpisOf(await loginAs('sxBureau'), `from=2025-06&to=2025-09&q=${encodeURIComponent(tag)}`)).toEqual([]);
    expect((await kpisOf(await loginAs('admin'), `from=2025-06&to=2025-09&distributorOrgId=${D.id}`)).length).toBe(4);
    expectRefused(await get('/api/oversight/kpis', await loginAs('jst')), 403, 'FORBIDDEN'); // not granted to hospitals
    expectRefused(await get('/api/oversight/kpis', await loginAs('weigao')), 403, 'FORBIDDEN');
    expectRefused(await get('/api/oversight/league', D.jwt), 403, 'ROLE_NOT_ALLOWED');
    expectRefused(await get('/api/oversight/alarms', D.jwt), 403, 'ROLE_NOT_ALLOWED');
    expectRefused(await get('/api/oversight/kpis?from=2025-13', D.jwt), 400, 'MONTH_INVALID');
    expectRefused(await get('/api/oversight/kpis?from=2025-09&to=2025-06', D.jwt), 400, 'MONTH_RANGE_INVALID');
  });
});

describe('the bureau: league, alarm, 大额低到货', () => {
  it('ranks its distributors worst 配送率 first over the months', async () => {
    const q = `from=2025-06&to=2025-08&q=${encodeURIComponent(tag)}`;
    const res = await get(`/api/oversight/league?${q}`, await loginAs('bjBureau'));
    expect(res.status).toBe(200);
    expect(res.body.data.map((r: { distributorOrgId: number }) => r.distributorOrgId)).toEqual([D.id, E.id]);
    expect(res.body.data[0]).toMatchObject({ orderedFen: 5000, deliveredFen: 2500, amountRate: 0.5, from: '2025-06', to: '2025-08' });
    expect(res.body.data[1]).toMatchObject({ orderedFen: 4000, deliveredFen: 3200, amountRate: 0.8 });
    expect(res.body.data[0].rank).toBeLessThan(res.body.data[1].rank);
    expect((await get(`/api/oversight/league?${q}`, await loginAs('sxBureau'))).body.data).toEqual([]);
    expect((await get(`/api/oversight/league?${q}`, await loginAs('admin'))).body.data.length).toBe(2);
    const book = await downloadWorkbook(`/api/oversight/league/export?${q}`, await loginAs('bjBureau'));
    expect(book.rows.map((r) => r['配送企业'])).toEqual([`${tag}甲配送`, `${tag}乙配送`]);
  });

  it('flags a distributor below 90 % for 3 consecutive months, with those months and figures', async () => {
    const q = `from=2025-05&to=2025-10&q=${encodeURIComponent(tag)}`;
    const res = await get(`/api/oversight/alarms?${q}`, await loginAs('bjBureau'));
    expect(res.status).toBe(200);
    expect(res.body.data).toEqual([
      {
        distributorOrgId: D.id,
        distributorName: `${tag}甲配送`,
        lowestRate: 0,
        months: [
          { month: '2025-06', orderedFen: 2000, deliveredFen: 800, amountRate: 0.4 },
          { month: '2025-07', orderedFen: 2000, deliveredFen: 1700, amountRate: 0.85 },
          { month: '2025-08', orderedFen: 1000, deliveredFen: 0, amountRate: 0 },
        ],
      },
    ]);
    // Two of the three months only: no alarm.
    expect((await get(`/api/oversight/alarms?from=2025-07&to=2025-09&q=${encodeURIComponent(tag)}`, await loginAs('bjBureau'))).body.data).toEqual([]);
    expect((await get(`/api/oversight/alarms?${q}`, await loginAs('sxBureau'))).body.data).toEqual([]);
  });

  it('lists large orders with low arrival after K days, and refuses parameters out of bounds', async () => {
    const tenDaysAgo = new Date(Date.now() - 10 * 86_400_000 + 8 * 3_600_000).toISOString().slice(0, 19);
    await line({ dist: D.id, ordered: tenDaysAgo, confirmed: tenDaysAgo, status: 'confirmed', quantity: 1000, priceFen: 20_000 });
    const bj = await loginAs('bjBureau');
    const res = await get(`/api/oversight/large-orders?q=${encodeURIComponent(tag)}`, bj);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.data).toHaveLength(1);
    expect(res.body.data[0]).toMatchObject({ distributorOrgId: D.id, orderedFen: 20_000_000, deliveredFen: 0, amountRate: 0, lines: 1 });
    expect((await get(`/api/oversight/large-orders?days=30&q=${encodeURIComponent(tag)}`, bj)).body.data).toEqual([]);
    expect((await get(`/api/oversight/large-orders?minAmount=300000&q=${encodeURIComponent(tag)}`, bj)).body.data).toEqual([]);
    expect((await get(`/api/oversight/large-orders?q=${encodeURIComponent(tag)}`, await loginAs('sxBureau'))).body.data).toEqual([]);
    expectRefused(await get('/api/oversight/large-orders?maxRate=0', bj), 400, 'PARAM_INVALID');
    expectRefused(await get('/api/oversight/large-orders?days=abc', bj), 400, 'PARAM_INVALID');
    const book = await downloadWorkbook(`/api/oversight/large-orders/export?q=${encodeURIComponent(tag)}`, bj);
    expect(book.rows).toHaveLength(1);
    expect(book.rows[0]).toMatchObject({ '采购金额（元）': '200000.00', '配送率（金额）': '0.00%' });
  });
});

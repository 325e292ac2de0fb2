/** Prerequisites of an order, created raw through the test fixtures: a product, a relationship, a delegation. */
import { expect } from 'vitest';
import { createUser, get, loginAs, me, post, testSupport, unique, type DemoUser } from '../support/client';

export const org: Record<string, number> = {};

export async function loadOrgs() {
  for (const k of [
    'bjBureau',
    'sxBureau',
    'weigao',
    'chunli',
    'bjDist1',
    'bjDist2',
    'bjDist3',
    'sxDist1',
    'jst',
    'xiehe',
    'chaoyang',
    'sxrm',
    'sxdy',
    'admin',
  ] as const) {
    if (!org[k]) org[k] = (await me(k)).organisation.id;
  }
}

const future = (days: number) => new Date(Date.now() + days * 86400_000).toISOString().slice(0, 10);
export const today = () => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
export const daysFromToday = (days: number) => new Date(Date.now() + 8 * 3600_000 + days * 86400_000).toISOString().slice(0, 10);

export async function product(opts: { priceFen?: number; validTo?: string; manufacturer?: number } = {}) {
  return testSupport.fixture('product', {
    code: unique('T').slice(0, 30),
    name: unique('测试耗材'),
    registrationNo: unique('国械注准'),
    registrationValidTo: opts.validTo ?? future(800),
    manufacturer: opts.manufacturer ?? org.weigao,
    spec: 'Φ3.5',
    model: 'A1',
    unit: '个',
    priceFen: opts.priceFen ?? 12345,
    listed: true,
  });
}

export async function relationship(hospital: string, distributor: string, status = 'established', extra: Record<string, unknown> = {}) {
  return testSupport.fixture('hospital-relationship', {
    hospitalOrgId: org[hospital],
    distributorOrgId: org[distributor],
    provinceCode: '11',
    status,
    ...extra,
  });
}

export async function delegate(productId: number, distributor: string, provinceCode = '11', status = 'accepted') {
  const d = await testSupport.fixture('delegation', {
    delegatorOrgId: org.weigao,
    manufacturerOrgId: org.weigao,
    distributorOrgId: org[distributor],
    provinceCode,
    status,
    level: 1,
    productCount: 1,
  });
  await testSupport.fixture('delegation-item', {
    delegationId: d.id,
    productId,
    distributorOrgId: org[distributor],
    provinceCode,
    manufacturerOrgId: org.weigao,
    delegatorOrgId: org.weigao,
  });
  return d;
}

/** A fresh hospital–distributor–product world: the relationship established and the product delegated. */
export async function world(hospital: DemoUser = 'jst', distributor: DemoUser = 'bjDist1') {
  await loadOrgs();
  const p = await product();
  const rel = await relationship(hospital, distributor);
  await delegate(p.id, distributor);
  return { product: p, hospital, distributor, relationship: rel };
}

/** A Beijing hospital of its own with a login, for tests whose relationships must not meet other tests' rows; answers its username (a key of `org`). */
export async function freshHospital(): Promise<DemoUser> {
  const h = await testSupport.fixture('organisation', { name: unique('测试医院'), type: 'hospital', provinceCode: '11', enabled: true });
  const u = await createUser(h.id);
  org[u.username] = h.id;
  return u.username as DemoUser;
}

/** Places an order of lines (product ids with quantities) and answers the line documentIds. */
export async function order(hospital: DemoUser, lines: Array<{ productId: number; distributor: string; quantity: number }>) {
  const res = await post(
    '/api/orders/place',
    { lines: lines.map((l) => ({ productId: l.productId, distributorOrgId: org[l.distributor], quantity: l.quantity })) },
    await loginAs(hospital),
  );
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body.data as { documentId: string; code: string; lines: Array<{ documentId: string }> };
}

export async function line(user: DemoUser, documentId: string) {
  const res = await get(`/api/order-lines/${documentId}/detail`, await loginAs(user));
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body.data;
}

export const batch = (quantity: number, extra: Record<string, unknown> = {}) => ({
  mode: 'batch',
  quantity,
  batchNo: unique('B'),
  productionDate: daysFromToday(-30),
  expiryDate: daysFromToday(700),
  invoiceCode: '011002300111',
  invoiceNo: '12345678',
  ...extra,
});

/** An order of one line, confirmed by the distributor. */
export async function confirmedLine(quantity = 10, w?: { product: any; hospital: DemoUser; distributor: DemoUser }) {
  const ww = w ?? (await world());
  const o = await order(ww.hospital, [{ productId: ww.product.id, distributor: ww.distributor, quantity }]);
  const id = o.lines[0]!.documentId;
  const res = await post('/api/order-lines/confirm', { ids: [id] }, await loginAs(ww.distributor));
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return { id, world: ww };
}

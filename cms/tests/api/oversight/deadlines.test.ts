import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectRefused, get, loginAs, post, testSupport, type DemoUser } from '../support/client';
import { downloadWorkbook } from '../support/xlsx';
import { batch, delegate, loadOrgs, org, product, relationship } from '../orders/world';
import { freshOrg } from '../organisations/support';

/**
 * 逾期未确认 / 逾期未配送 computed at read on the working-day calendar (chinese-days: 国庆 2026-10-01..07,
 * 调休 working Sunday 2026-09-20 and Saturday 2026-10-10), moving the server's test clock; and 取消.
 */
const at = async (chinaTime: string) => testSupport.setClock(new Date(`${chinaTime}+08:00`).getTime() - Date.now());

const DATES = { productionDate: '2026-08-01', expiryDate: '2028-08-01' };
let hosp: string;
let dist: string;
let hospName: DemoUser;
let productId: number;

async function placeAt(chinaTime: string) {
  await at(chinaTime);
  const res = await post('/api/orders/place', { lines: [{ productId, distributorOrgId: org.oversightDist, quantity: 5 }] }, hosp);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body.data.lines[0].documentId as string;
}
const lineAs = async (id: string, jwt: string) => (await get(`/api/order-lines/${id}/detail`, jwt)).body.data;

beforeAll(async () => {
  await loadOrgs();
  const h = await freshOrg('hospital');
  const d = await freshOrg('distributor');
  hospName = h.admin.username as DemoUser;
  org[hospName] = h.org.id;
  org.oversightDist = d.org.id;
  hosp = h.jwt;
  dist = d.jwt;
  const p = await product();
  productId = p.id;
  await relationship(hospName, 'oversightDist');
  await delegate(p.id, 'oversightDist');
}, 120_000);

afterAll(async () => {
  await testSupport.setClock(0);
});

describe('deadlines across a public holiday and the 调休 working days', () => {
  it('a line ordered before 国庆 is due by the end of 10-09 and then 逾期未确认; the hospital may 取消 it then only', async () => {
    const id = await placeAt('2026-09-30T10:00:00');
    await at('2026-10-09T20:00:00');
    expect((await lineAs(id, hosp)).overdue).toBeNull();
    expect((await lineAs(id, hosp)).actions).toEqual([]);
    expectRefused(await post(`/api/order-lines/${id}/cancel`, { reason: '逾期' }, hosp), 409, 'LINE_NOT_OVERDUE');

    await at('2026-10-10T00:30:00');
    const row = await lineAs(id, hosp);
    expect(row.overdue).toBe('unconfirmed');
    expect(row.actions).toEqual(['cancel']);
    expect((await lineAs(id, dist)).actions).toEqual(['confirm', 'reject']);
    const list = await get(`/api/order-lines/search?overdue=unconfirmed&pageSize=200`, dist);
    expect(list.status).toBe(200);
    expect(list.body.data.map((l: { documentId: string }) => l.documentId)).toContain(id);
    expect(list.body.data.every((l: { overdue: string }) => l.overdue === 'unconfirmed')).toBe(true);
    expect(
      (await get(`/api/order-lines/search?overdue=undelivered&pageSize=200`, dist)).body.data.map((l: { documentId: string }) => l.documentId),
    ).not.toContain(id);
    expectRefused(await get('/api/order-lines/search?overdue=late', dist), 400, 'OVERDUE_INVALID');
    const book = await downloadWorkbook('/api/order-lines/export?overdue=any', dist);
    expect(book.header).toContain('逾期');
    expect(book.rows.some((r) => r['逾期'] === '逾期未确认')).toBe(true);
    expect((await get('/api/me/todos', dist)).body.data['overdue-lines']).toBe(1);
    expect((await get('/api/me/todos', hosp)).body.data['overdue-lines']).toBe(1);
    expect((await get('/api/me/todos', await loginAs('bjBureau'))).body.data['oversight-overdue']).toBeGreaterThanOrEqual(1);

    // 取消: only the line's hospital, with a reason; the distributor's route is refused, another hospital does not see it.
    expectRefused(await post(`/api/order-lines/${id}/cancel`, { reason: '逾期' }, dist), 403, 'ROLE_NOT_ALLOWED');
    expectRefused(await post(`/api/order-lines/${id}/cancel`, { reason: '逾期' }, await loginAs('jst')), 404, 'NOT_FOUND');
    expectRefused(await post(`/api/order-lines/${id}/cancel`, { reason: ' ' }, hosp), 400, 'REASON_REQUIRED');
    const done = await post(`/api/order-lines/${id}/cancel`, { reason: '配送企业逾期未确认' }, hosp);
    expect(done.status, JSON.stringify(done.body)).toBe(200);
    expect(done.body.data).toMatchObject({ status: 'cancelled', reason: '配送企业逾期未确认', overdue: null, actions: [] });
    expectRefused(await post(`/api/order-lines/${id}/cancel`, { reason: '再次' }, hosp), 409, 'INVALID_TRANSITION');
    expectRefused(await post('/api/order-lines/confirm', { ids: [id] }, dist), 409, 'INVALID_TRANSITION');
    const history = await get(`/api/history/order-line/${id}`, hosp);
    expect(history.status).toBe(200);
    expect(JSON.stringify(history.body)).toContain('cancel');
    expect((await get('/api/me/todos', hosp)).body.data['overdue-lines']).toBe(0);
  });

  it('the 调休 Saturday 10-10 counts as a working day: a line ordered on 10-08 is overdue on 10-11', async () => {
    const id = await placeAt('2026-10-08T16:00:00');
    await at('2026-10-10T23:00:00');
    expect((await lineAs(id, dist)).overdue).toBeNull();
    await at('2026-10-11T00:30:00');
    expect((await lineAs(id, dist)).overdue).toBe('unconfirmed');
    // Answered late, it is no longer overdue for confirmation.
    expect((await post('/api/order-lines/confirm', { ids: [id] }, dist)).status).toBe(200);
    expect((await lineAs(id, dist)).overdue).toBeNull();
  });

  it('a line confirmed on Friday 09-18 must be delivered by Monday 09-21 (the 调休 Sunday counts), else 逾期未配送 until fully delivered', async () => {
    const id = await placeAt('2026-09-18T09:00:00');
    expect((await post('/api/order-lines/confirm', { ids: [id] }, dist)).status).toBe(200);
    await at('2026-09-21T23:00:00');
    expect((await lineAs(id, dist)).overdue).toBeNull();
    await at('2026-09-22T08:00:00');
    expect((await lineAs(id, dist)).overdue).toBe('undelivered');
    expect((await lineAs(id, hosp)).actions).toEqual([]); // only 逾期未确认 may be cancelled
    const list = await get(`/api/order-lines/search?overdue=undelivered&pageSize=200`, dist);
    expect(list.body.data.map((l: { documentId: string }) => l.documentId)).toContain(id);
    const bureau = await get(`/api/oversight/overdue?kind=undelivered&pageSize=200`, await loginAs('bjBureau'));
    expect(bureau.status).toBe(200);
    const mine = bureau.body.data.find((l: { documentId: string }) => l.documentId === id);
    expect(mine).toMatchObject({ overdue: 'undelivered', deadline: '2026-09-21T23:59:59.999+08:00', daysOverdue: 0 });
    expectRefused(await get('/api/oversight/overdue?kind=late', await loginAs('bjBureau')), 400, 'OVERDUE_INVALID');
    expect((await post(`/api/order-lines/${id}/deliveries`, batch(2, DATES), dist)).status).toBe(200);
    expect((await lineAs(id, dist)).overdue).toBe('undelivered');
    expect((await post(`/api/order-lines/${id}/deliveries`, batch(3, DATES), dist)).status).toBe(200);
    expect((await lineAs(id, dist)).overdue).toBeNull();
  });
});

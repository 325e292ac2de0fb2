import { beforeAll, describe, expect, it } from 'vitest';
import { expectRefused, get, loginAs, post } from '../support/client';
import { batch, confirmedLine, daysFromToday, delegate, freshHospital, line, loadOrgs, order, org, product, relationship, world } from './world';

beforeAll(loadOrgs);

describe('placing an order', () => {
  it('a hospital orders two lines at the listed price; amounts are computed; lines are 待确认 with a history', async () => {
    const w = await world();
    const p2 = await product({ priceFen: 990 });
    await delegate(p2.id, 'bjDist1');
    const o = await order('jst', [
      { productId: w.product.id, distributor: 'bjDist1', quantity: 3 },
      { productId: p2.id, distributor: 'bjDist1', quantity: 7 },
    ]);
    expect(o.lines).toHaveLength(2);
    const l1 = await line('jst', o.lines[0]!.documentId);
    const l2 = await line('jst', o.lines[1]!.documentId);
    expect(l1).toMatchObject({
      status: 'pending',
      quantity: 3,
      unitPriceFen: 12345,
      amountFen: 37035,
      orderCode: o.code,
      lineNo: 1,
      distributorOrgId: org.bjDist1,
      manufacturerOrgId: org.weigao,
    });
    expect(l2).toMatchObject({ unitPriceFen: 990, amountFen: 6930, lineNo: 2 });
    const h = await get(`/api/history/order-line/${l1.documentId}`, await loginAs('jst'));
    expect(h.body.data).toEqual([expect.objectContaining({ action: 'place', toState: 'pending' })]);
    // The distributor, the manufacturer and the bureau see it; another hospital and another province do not.
    for (const u of ['bjDist1', 'weigao', 'bjBureau', 'admin'] as const)
      expect((await get(`/api/order-lines/${l1.documentId}/detail`, await loginAs(u))).status).toBe(200);
    for (const u of ['xiehe', 'bjDist2', 'sxBureau', 'chunli'] as const)
      expectRefused(await get(`/api/order-lines/${l1.documentId}/detail`, await loginAs(u)), 404, 'NOT_FOUND');
  });

  it('the order form offers only products and distributors the hospital may order from now', async () => {
    const w = await world('xiehe', 'bjDist2');
    await delegate(w.product.id, 'bjDist3'); // delegated, but no relationship with xiehe
    const res = await get(`/api/order-options?q=${encodeURIComponent(w.product.name)}`, await loginAs('xiehe'));
    expect(res.status).toBe(200);
    const found = res.body.data.find((p: any) => p.id === w.product.id);
    expect(found.distributors.map((d: any) => d.id)).toEqual([org.bjDist2]);
    expect(found.priceFen).toBe(12345);
    expectRefused(await get('/api/order-options', await loginAs('bjDist1')), 403, 'ROLE_NOT_ALLOWED');
  });

  async function refused(body: any, status: number, errCode: string, user: any = 'jst') {
    const before = (await get('/api/order-lines/search?tab=all&pagination[pageSize]=1', await loginAs(user))).body.meta.pagination.total;
    const res = await post('/api/orders/place', body, await loginAs(user));
    expectRefused(res, status, errCode);
    if (user === 'jst') {
      const after = (await get('/api/order-lines/search?tab=all&pagination[pageSize]=1', await loginAs(user))).body.meta.pagination.total;
      expect(after).toBe(before);
    }
    return res;
  }

  it('refuses a distributor without relationship, not delegated, 解约中, 已解除, expired certificates, bad quantities, wrong roles — and creates nothing', async () => {
    await loadOrgs();
    const p = await product();
    await delegate(p.id, 'bjDist3');
    const line = (extra: any = {}) => ({ lines: [{ productId: p.id, distributorOrgId: org.bjDist3, quantity: 2, ...extra }] });
    // No relationship with bjDist3 (only a pending one).
    await relationship('jst', 'bjDist3', 'pending');
    await refused(line(), 409, 'RELATIONSHIP_NOT_ORDERABLE');
    // Relationship but no delegation of this product to bjDist2.
    await relationship('jst', 'bjDist2');
    await refused({ lines: [{ productId: p.id, distributorOrgId: org.bjDist2, quantity: 2 }] }, 409, 'NOT_DELEGATED');
    // A delegation not yet accepted does not count.
    await delegate(p.id, 'bjDist2', '11', 'pending');
    await refused({ lines: [{ productId: p.id, distributorOrgId: org.bjDist2, quantity: 2 }] }, 409, 'NOT_DELEGATED');
    // Expired certificate.
    const old = await product({ validTo: daysFromToday(-1) });
    await delegate(old.id, 'bjDist2');
    await refused({ lines: [{ productId: old.id, distributorOrgId: org.bjDist2, quantity: 2 }] }, 409, 'CERTIFICATE_EXPIRED');
    // Bad quantities and shapes.
    const p2 = await product();
    await delegate(p2.id, 'bjDist2');
    for (const quantity of [0, -1, 1.5, '3', 2_000_000]) {
      await refused({ lines: [{ productId: p2.id, distributorOrgId: org.bjDist2, quantity }] }, 400, quantity === '3' ? 'VALIDATION' : 'QUANTITY_INVALID');
    }
    await refused({ lines: [] }, 400, 'VALIDATION');
    await refused(
      {
        lines: [
          { productId: p2.id, distributorOrgId: org.bjDist2, quantity: 1 },
          { productId: p2.id, distributorOrgId: org.bjDist2, quantity: 1 },
        ],
      },
      400,
      'DUPLICATE_LINE',
    );
    // One bad line refuses the whole order.
    await refused(
      {
        lines: [
          { productId: p2.id, distributorOrgId: org.bjDist2, quantity: 1 },
          { productId: old.id, distributorOrgId: org.bjDist2, quantity: 1 },
        ],
      },
      409,
      'CERTIFICATE_EXPIRED',
    );
    // Only hospitals order.
    await refused({ lines: [{ productId: p2.id, distributorOrgId: org.bjDist2, quantity: 1 }] }, 403, 'ROLE_NOT_ALLOWED', 'bjDist2');
  });

  it('no new order while the relationship is 解约中 or 已解除 (30 days later), but receipt, invoices and returns of existing lines go on', async () => {
    await loadOrgs();
    const h = await freshHospital();
    const w = await world(h, 'bjDist2');
    const { id } = await confirmedLine(10, w);
    const dist = await loginAs('bjDist2');
    const hosp = await loginAs(h);
    const d = (await post(`/api/order-lines/${id}/deliveries`, batch(5), dist)).body.data.delivery.documentId;
    // A relationship 解约中 since today: no new order.
    await relationship(h, 'bjDist3', 'terminating', { terminatingSince: new Date().toISOString() });
    await delegate(w.product.id, 'bjDist3');
    let res = await post('/api/orders/place', { lines: [{ productId: w.product.id, distributorOrgId: org.bjDist3, quantity: 1 }] }, hosp);
    expectRefused(res, 409, 'RELATIONSHIP_NOT_ORDERABLE');
    expect(res.body.error.message).toContain('解约中');
    // Terminating since 31 days: 已解除.
    const h2 = await freshHospital();
    await relationship(h2, 'bjDist3', 'terminating', { terminatingSince: new Date(Date.now() - 31 * 86400_000).toISOString() });
    res = await post('/api/orders/place', { lines: [{ productId: w.product.id, distributorOrgId: org.bjDist3, quantity: 1 }] }, await loginAs(h2));
    expect(expectRefused(res, 409, 'RELATIONSHIP_NOT_ORDERABLE').message).toContain('已解除');
    // The hospital revokes its relationship with bjDist2 and the distributor accepts: 解约中. The existing line goes on.
    expect((await post(`/api/hospital-relationships/${w.relationship.documentId}/requestRevoke`, { reason: '合作调整' }, hosp)).status).toBe(200);
    expect((await post(`/api/hospital-relationships/${w.relationship.documentId}/acceptRevoke`, {}, dist)).status).toBe(200);
    res = await post('/api/orders/place', { lines: [{ productId: w.product.id, distributorOrgId: org.bjDist2, quantity: 1 }] }, hosp);
    expectRefused(res, 409, 'RELATIONSHIP_NOT_ORDERABLE');
    expect((await post(`/api/order-deliveries/${d}/receive`, {}, hosp)).status).toBe(200);
    expect((await post(`/api/order-deliveries/${d}/check`, { result: 'pass' }, hosp)).status).toBe(200);
    expect((await post(`/api/order-lines/${id}/deliveries`, batch(5), dist)).status).toBe(200);
    const r = await post(`/api/order-lines/${id}/returns`, { quantity: 2, reason: '破损' }, hosp);
    expect(r.status).toBe(200);
    expect((await post(`/api/order-returns/${r.body.data.documentId}/agree`, {}, dist)).status).toBe(200);
  });
});

describe('confirm and reject', () => {
  it('confirms several ticked lines; rejects with a reason only; all or nothing', async () => {
    const w = await world();
    const o = await order('jst', [{ productId: w.product.id, distributor: 'bjDist1', quantity: 1 }]);
    const o2 = await order('jst', [{ productId: w.product.id, distributor: 'bjDist1', quantity: 2 }]);
    const o3 = await order('jst', [{ productId: w.product.id, distributor: 'bjDist1', quantity: 3 }]);
    const [a, b, c] = [o.lines[0]!.documentId, o2.lines[0]!.documentId, o3.lines[0]!.documentId];
    const dist = await loginAs('bjDist1');
    // Reject without a reason: refused, nothing changes.
    let res = await post('/api/order-lines/reject', { ids: [c] }, dist);
    expectRefused(res, 400, 'REASON_REQUIRED');
    expect((await line('bjDist1', c)).status).toBe('pending');
    // Hospital and another distributor may not confirm.
    expectRefused(await post('/api/order-lines/confirm', { ids: [a] }, await loginAs('jst')), 403, 'ROLE_NOT_ALLOWED');
    expectRefused(await post('/api/order-lines/confirm', { ids: [a] }, await loginAs('bjDist2')), 404, 'NOT_FOUND');
    expectRefused(await post('/api/order-lines/confirm', { ids: [a] }, await loginAs('weigao')), 403, 'ROLE_NOT_ALLOWED');
    res = await post('/api/order-lines/confirm', { ids: [a, b] }, dist);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect((await line('bjDist1', a)).status).toBe('confirmed');
    expect((await line('bjDist1', b)).status).toBe('confirmed');
    // A batch with an already confirmed line: refused as a whole, c stays pending.
    res = await post('/api/order-lines/confirm', { ids: [c, a] }, dist);
    expectRefused(res, 409, 'INVALID_TRANSITION');
    expect((await line('bjDist1', c)).status).toBe('pending');
    res = await post('/api/order-lines/reject', { ids: [c], reason: '  库存不足  ' }, dist);
    expect(res.status).toBe(200);
    const lc = await line('jst', c);
    expect(lc).toMatchObject({ status: 'rejected', reason: '库存不足' });
    const h = await get(`/api/history/order-line/${c}`, await loginAs('jst'));
    expect(h.body.data.at(-1)).toMatchObject({ action: 'reject', fromState: 'pending', toState: 'rejected', reason: '库存不足' });
    // A rejected line cannot be delivered.
    res = await post(`/api/order-lines/${c}/deliveries`, batch(1), dist);
    expectRefused(res, 409, 'LINE_NOT_DELIVERABLE');
  });
});

import { beforeAll, describe, expect, it } from 'vitest';
import { call, get, loginAs, post, testSupport } from '../support/client';
import { batch, confirmedLine, daysFromToday, delegate, freshHospital, line, loadOrgs, order, org, product, relationship, world } from './world';

beforeAll(loadOrgs);

const code = (res: any) => res.body?.error?.details?.code;

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
      expect((await get(`/api/order-lines/${l1.documentId}/detail`, await loginAs(u))).status).toBe(404);
  });

  it('the order form offers only products and distributors the hospital may order from now', async () => {
    const w = await world('xiehe', 'bjDist2');
    await delegate(w.product.id, 'bjDist3'); // delegated, but no relationship with xiehe
    const res = await get(`/api/order-options?q=${encodeURIComponent(w.product.name)}`, await loginAs('xiehe'));
    expect(res.status).toBe(200);
    const found = res.body.data.find((p: any) => p.id === w.product.id);
    expect(found.distributors.map((d: any) => d.id)).toEqual([org.bjDist2]);
    expect(found.priceFen).toBe(12345);
    expect((await get('/api/order-options', await loginAs('bjDist1'))).status).toBe(403);
  });

  async function refused(body: any, status: number, errCode: string, user: any = 'jst') {
    const before = (await get('/api/order-lines/search?tab=all&pagination[pageSize]=1', await loginAs(user))).body.meta.pagination.total;
    const res = await post('/api/orders/place', body, await loginAs(user));
    expect(res.status, JSON.stringify(res.body)).toBe(status);
    expect(code(res)).toBe(errCode);
    expect(res.body.error.message).toMatch(/[\u4e00-\u9fff]/);
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
    expect(res.status).toBe(409);
    expect(code(res)).toBe('RELATIONSHIP_NOT_ORDERABLE');
    expect(res.body.error.message).toContain('解约中');
    // Terminating since 31 days: 已解除.
    const h2 = await freshHospital();
    await relationship(h2, 'bjDist3', 'terminating', { terminatingSince: new Date(Date.now() - 31 * 86400_000).toISOString() });
    res = await post('/api/orders/place', { lines: [{ productId: w.product.id, distributorOrgId: org.bjDist3, quantity: 1 }] }, await loginAs(h2));
    expect(res.status).toBe(409);
    expect(res.body.error.message).toContain('已解除');
    // The hospital revokes its relationship with bjDist2 and the distributor accepts: 解约中. The existing line goes on.
    expect((await post(`/api/hospital-relationships/${w.relationship.documentId}/requestRevoke`, { reason: '合作调整' }, hosp)).status).toBe(200);
    expect((await post(`/api/hospital-relationships/${w.relationship.documentId}/acceptRevoke`, {}, dist)).status).toBe(200);
    res = await post('/api/orders/place', { lines: [{ productId: w.product.id, distributorOrgId: org.bjDist2, quantity: 1 }] }, hosp);
    expect(code(res)).toBe('RELATIONSHIP_NOT_ORDERABLE');
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
    expect(res.status).toBe(400);
    expect(code(res)).toBe('REASON_REQUIRED');
    expect((await line('bjDist1', c)).status).toBe('pending');
    // Hospital and another distributor may not confirm.
    expect((await post('/api/order-lines/confirm', { ids: [a] }, await loginAs('jst'))).status).toBe(403);
    expect((await post('/api/order-lines/confirm', { ids: [a] }, await loginAs('bjDist2'))).status).toBe(404);
    expect((await post('/api/order-lines/confirm', { ids: [a] }, await loginAs('weigao'))).status).toBe(403);
    res = await post('/api/order-lines/confirm', { ids: [a, b] }, dist);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect((await line('bjDist1', a)).status).toBe('confirmed');
    expect((await line('bjDist1', b)).status).toBe('confirmed');
    // A batch with an already confirmed line: refused as a whole, c stays pending.
    res = await post('/api/order-lines/confirm', { ids: [c, a] }, dist);
    expect(res.status).toBe(409);
    expect(code(res)).toBe('INVALID_TRANSITION');
    expect((await line('bjDist1', c)).status).toBe('pending');
    res = await post('/api/order-lines/reject', { ids: [c], reason: '  库存不足  ' }, dist);
    expect(res.status).toBe(200);
    const lc = await line('jst', c);
    expect(lc).toMatchObject({ status: 'rejected', reason: '库存不足' });
    const h = await get(`/api/history/order-line/${c}`, await loginAs('jst'));
    expect(h.body.data.at(-1)).toMatchObject({ action: 'reject', fromState: 'pending', toState: 'rejected', reason: '库存不足' });
    // A rejected line cannot be delivered.
    res = await post(`/api/order-lines/${c}/deliveries`, batch(1), dist);
    expect(res.status).toBe(409);
    expect(code(res)).toBe('LINE_NOT_DELIVERABLE');
  });
});

describe('deliveries', () => {
  it('standard: one delivery ≤ ordered and the line is 已配送; a second one is refused', async () => {
    const { id } = await confirmedLine(10);
    const dist = await loginAs('bjDist1');
    let res = await post(`/api/order-lines/${id}/deliveries`, { ...batch(11), mode: 'standard' }, dist);
    expect(res.status).toBe(409);
    expect(code(res)).toBe('QUANTITY_EXCEEDS');
    res = await post(`/api/order-lines/${id}/deliveries`, { ...batch(8), mode: 'standard' }, dist);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const l = await line('bjDist1', id);
    expect(l).toMatchObject({ status: 'delivered', deliveryMode: 'standard', deliveredQty: 8, deliveryCount: 1 });
    expect(l.deliveries[0]).toMatchObject({
      seq: 1,
      quantity: 8,
      status: 'shipped',
      invoiceStatus: 'pending',
      invoiceNo: '12345678',
      invoiceCode: '011002300111',
    });
    res = await post(`/api/order-lines/${id}/deliveries`, { ...batch(1), mode: 'standard' }, dist);
    expect(res.status).toBe(409);
    expect(code(res)).toBe('LINE_NOT_DELIVERABLE');
  });

  it('batch: the mode locks, the total never exceeds ordered, 继续配送 until equal', async () => {
    const { id } = await confirmedLine(10);
    const dist = await loginAs('bjDist1');
    let res = await post(`/api/order-lines/${id}/deliveries`, batch(4), dist);
    expect(res.status).toBe(200);
    expect(await line('bjDist1', id)).toMatchObject({ status: 'delivering', deliveryMode: 'batch', deliveredQty: 4 });
    res = await post(`/api/order-lines/${id}/deliveries`, { ...batch(1), mode: 'standard' }, dist);
    expect(res.status).toBe(409);
    expect(code(res)).toBe('MODE_LOCKED');
    res = await post(`/api/order-lines/${id}/deliveries`, batch(7), dist);
    expect(res.status).toBe(409);
    expect(code(res)).toBe('QUANTITY_EXCEEDS');
    expect(res.body.error.message).toContain('最多还可配送6');
    res = await post(`/api/order-lines/${id}/deliveries`, batch(6), dist);
    expect(res.status).toBe(200);
    const l = await line('bjDist1', id);
    expect(l).toMatchObject({ status: 'delivered', deliveredQty: 10, deliveryCount: 2 });
    expect(l.deliveries.map((d: any) => d.seq)).toEqual([1, 2]);
  });

  it('refuses bad dates, expired batches, bad invoice numbers, bad quantities, other roles — changing nothing', async () => {
    const { id } = await confirmedLine(10);
    const dist = await loginAs('bjDist1');
    const cases: Array<[any, number, string]> = [
      [batch(1, { productionDate: daysFromToday(-10), expiryDate: daysFromToday(-20) }), 400, 'EXPIRY_NOT_AFTER_PRODUCTION'],
      [batch(1, { productionDate: daysFromToday(-400), expiryDate: daysFromToday(-1) }), 400, 'BATCH_EXPIRED'],
      [batch(1, { productionDate: daysFromToday(2), expiryDate: daysFromToday(300) }), 400, 'PRODUCTION_DATE_IN_FUTURE'],
      [batch(1, { productionDate: '2024-13-01' }), 400, 'DATE_INVALID'],
      [batch(1, { expiryDate: '' }), 400, 'DATE_REQUIRED'],
      [batch(1, { batchNo: '' }), 400, 'BATCH_NO_REQUIRED'],
      [batch(1, { invoiceNo: '1234567' }), 400, 'INVOICE_INVALID'],
      [batch(1, { invoiceNo: '12345678', invoiceCode: '123' }), 400, 'INVOICE_INVALID'],
      [batch(1, { invoiceNo: '12345678901234567890', invoiceCode: '0110023001' }), 400, 'INVOICE_INVALID'],
      [batch(0), 400, 'QUANTITY_INVALID'],
      [batch(1, { quantity: 2.5 }), 400, 'QUANTITY_INVALID'],
      [batch(1, { mode: 'express' }), 400, 'DELIVERY_MODE_INVALID'],
    ];
    for (const [body, status, c] of cases) {
      const res = await post(`/api/order-lines/${id}/deliveries`, body, dist);
      expect(res.status, `${c}: ${JSON.stringify(res.body)}`).toBe(status);
      expect(code(res)).toBe(c);
      expect(res.body.error.message).toMatch(/[\u4e00-\u9fff]/);
    }
    expect((await post(`/api/order-lines/${id}/deliveries`, batch(1), await loginAs('jst'))).status).toBe(403);
    expect((await post(`/api/order-lines/${id}/deliveries`, batch(1), await loginAs('bjDist2'))).status).toBe(404);
    const l = await line('bjDist1', id);
    expect(l).toMatchObject({ status: 'confirmed', deliveryMode: null, deliveredQty: 0, deliveryCount: 0 });
    expect(l.deliveries).toEqual([]);
    // A 20-digit 全电发票 without code, and an expiry of today, are fine; no invoice → 未填写.
    let res = await post(
      `/api/order-lines/${id}/deliveries`,
      batch(1, { invoiceCode: '', invoiceNo: '24112000000012345678', expiryDate: daysFromToday(0) }),
      dist,
    );
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    res = await post(`/api/order-lines/${id}/deliveries`, batch(1, { invoiceCode: '', invoiceNo: '' }), dist);
    expect(res.status).toBe(200);
    expect(res.body.data.delivery.invoiceStatus).toBe('missing');
  });

  it('终止配送 ends the line; what was delivered stays; no more deliveries', async () => {
    const { id } = await confirmedLine(10);
    const dist = await loginAs('bjDist1');
    await post(`/api/order-lines/${id}/deliveries`, batch(3), dist);
    expect((await post(`/api/order-lines/${id}/terminate`, {}, await loginAs('jst'))).status).toBe(403);
    let res = await post(`/api/order-lines/${id}/terminate`, { reason: '停产' }, dist);
    expect(res.status).toBe(200);
    expect(res.body.data).toMatchObject({ status: 'terminated', deliveredQty: 3 });
    res = await post(`/api/order-lines/${id}/deliveries`, batch(1), dist);
    expect(code(res)).toBe('LINE_NOT_DELIVERABLE');
    res = await post(`/api/order-lines/${id}/terminate`, {}, dist);
    expect(res.status).toBe(409);
  });
});

describe('invoices, 撤回修改, receipt', () => {
  it('hospital checks an invoice (fail needs a reason); distributor modifies it; hospital passes it', async () => {
    const { id } = await confirmedLine(10);
    const dist = await loginAs('bjDist1');
    const hosp = await loginAs('jst');
    const d = (await post(`/api/order-lines/${id}/deliveries`, batch(10), dist)).body.data.delivery.documentId;
    let res = await post(`/api/order-deliveries/${d}/check`, { result: 'fail' }, hosp);
    expect(res.status).toBe(400);
    expect(code(res)).toBe('REASON_REQUIRED');
    expect((await post(`/api/order-deliveries/${d}/check`, { result: 'pass' }, dist)).status).toBe(403);
    res = await post(`/api/order-deliveries/${d}/check`, { result: 'fail', reason: '发票抬头错误' }, hosp);
    expect(res.status).toBe(200);
    // Listed in 撤回修改.
    const rework = await get('/api/order-deliveries?rework=1&pagination[pageSize]=200', dist);
    expect(rework.body.data.find((x: any) => x.documentId === d)).toMatchObject({ invoiceStatus: 'failed', invoiceReason: '发票抬头错误' });
    // Checking again is refused (not pending).
    expect(code(await post(`/api/order-deliveries/${d}/check`, { result: 'pass' }, hosp))).toBe('INVALID_TRANSITION');
    res = await post(`/api/order-deliveries/${d}/invoice`, { invoiceNo: 'abc' }, dist);
    expect(code(res)).toBe('INVOICE_INVALID');
    res = await post(`/api/order-deliveries/${d}/invoice`, { invoiceNo: '24112000000099999999' }, dist);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.data).toMatchObject({ invoiceStatus: 'pending', invoiceCode: null });
    res = await post(`/api/order-deliveries/${d}/check`, { result: 'pass' }, hosp);
    expect(res.status).toBe(200);
    const l = await line('jst', id);
    expect(l.deliveries[0]).toMatchObject({ invoiceStatus: 'passed', invoiceNo: '24112000000099999999' });
    // A passed invoice can no longer be modified.
    expect((await post(`/api/order-deliveries/${d}/invoice`, { invoiceNo: '24112000000099999998' }, dist)).status).toBe(409);
    const h = await get(`/api/history/delivery/${d}`, hosp);
    expect(h.body.data.map((x: any) => x.action)).toEqual(['deliver', 'failInvoice', 'modifyInvoice', 'passInvoice']);
  });

  it('补填发票 fills a missing invoice', async () => {
    const { id } = await confirmedLine(4);
    const dist = await loginAs('bjDist1');
    const d = (await post(`/api/order-lines/${id}/deliveries`, batch(4, { invoiceCode: '', invoiceNo: '' }), dist)).body.data.delivery.documentId;
    expect(code(await post(`/api/order-deliveries/${d}/check`, { result: 'pass' }, await loginAs('jst')))).toBe('INVALID_TRANSITION');
    const res = await post(`/api/order-deliveries/${d}/invoice`, { invoiceCode: '0110023001', invoiceNo: '87654321' }, dist);
    expect(res.status).toBe(200);
    expect(res.body.data).toMatchObject({ invoiceStatus: 'pending', invoiceCode: '0110023001', invoiceNo: '87654321' });
  });

  it('撤回 a delivery: only with a missing or failed invoice and before receipt; its quantity can be delivered again', async () => {
    const { id } = await confirmedLine(10);
    const dist = await loginAs('bjDist1');
    const hosp = await loginAs('jst');
    const d1 = (await post(`/api/order-lines/${id}/deliveries`, batch(6), dist)).body.data.delivery.documentId;
    // Invoice pending: not withdrawable.
    let res = await post(`/api/order-deliveries/${d1}/withdraw`, {}, dist);
    expect(res.status).toBe(409);
    expect(code(res)).toBe('DELIVERY_NOT_WITHDRAWABLE');
    await post(`/api/order-deliveries/${d1}/check`, { result: 'fail', reason: '金额不符' }, hosp);
    expect((await post(`/api/order-deliveries/${d1}/withdraw`, {}, hosp)).status).toBe(403);
    res = await post(`/api/order-deliveries/${d1}/withdraw`, {}, dist);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    let l = await line('bjDist1', id);
    expect(l).toMatchObject({ status: 'confirmed', deliveredQty: 0, deliveryCount: 0, deliveryMode: 'batch' });
    expect(l.deliveries[0].status).toBe('withdrawn');
    // The 10 can be delivered again (batch stays locked).
    expect(code(await post(`/api/order-lines/${id}/deliveries`, { ...batch(10), mode: 'standard' }, dist))).toBe('MODE_LOCKED');
    const d2 = (await post(`/api/order-lines/${id}/deliveries`, batch(10, { invoiceNo: '', invoiceCode: '' }), dist)).body.data.delivery.documentId;
    l = await line('bjDist1', id);
    expect(l).toMatchObject({ status: 'delivered', deliveredQty: 10, deliveryCount: 1 });
    expect(l.deliveries.map((x: any) => x.seq)).toEqual([1, 2]);
    // Received: no longer withdrawable.
    res = await post(`/api/order-deliveries/${d2}/receive`, {}, hosp);
    expect(res.status).toBe(200);
    res = await post(`/api/order-deliveries/${d2}/withdraw`, {}, dist);
    expect(res.status).toBe(409);
    expect(code(res)).toBe('INVALID_TRANSITION');
    expect(await line('bjDist1', id)).toMatchObject({ deliveredQty: 10, receivedQty: 10 });
    // Receiving twice is refused; another hospital cannot.
    expect(code(await post(`/api/order-deliveries/${d2}/receive`, {}, hosp))).toBe('INVALID_TRANSITION');
    expect((await post(`/api/order-deliveries/${d2}/receive`, {}, await loginAs('xiehe'))).status).toBe(404);
    expect((await post(`/api/order-deliveries/${d2}/receive`, {}, dist)).status).toBe(403);
    // A withdrawn delivery cannot be received.
    expect(code(await post(`/api/order-deliveries/${d1}/receive`, {}, hosp))).toBe('INVALID_TRANSITION');
  });

  it('standard mode is unlocked again when its single delivery is withdrawn', async () => {
    const { id } = await confirmedLine(5);
    const dist = await loginAs('bjDist1');
    const d = (await post(`/api/order-lines/${id}/deliveries`, { ...batch(5, { invoiceNo: '', invoiceCode: '' }), mode: 'standard' }, dist)).body.data.delivery
      .documentId;
    expect((await post(`/api/order-deliveries/${d}/withdraw`, {}, dist)).status).toBe(200);
    expect(await line('bjDist1', id)).toMatchObject({ status: 'confirmed', deliveryMode: null, deliveredQty: 0 });
    expect((await post(`/api/order-lines/${id}/deliveries`, batch(2), dist)).status).toBe(200);
  });
});

describe('returns', () => {
  it('hospital asks to return part of what it received with a reason; the distributor refuses (reason) or agrees', async () => {
    const { id } = await confirmedLine(10);
    const dist = await loginAs('bjDist1');
    const hosp = await loginAs('jst');
    const d1 = (await post(`/api/order-lines/${id}/deliveries`, batch(6), dist)).body.data.delivery.documentId;
    await post(`/api/order-lines/${id}/deliveries`, batch(4), dist);
    // Nothing received yet.
    let res = await post(`/api/order-lines/${id}/returns`, { quantity: 1, reason: '破损' }, hosp);
    expect(res.status).toBe(409);
    expect(code(res)).toBe('RETURN_EXCEEDS');
    await post(`/api/order-deliveries/${d1}/receive`, {}, hosp);
    for (const [body, st, c] of [
      [{ quantity: 1 }, 400, 'REASON_REQUIRED'],
      [{ quantity: 0, reason: 'x' }, 400, 'QUANTITY_INVALID'],
      [{ quantity: 7, reason: '破损' }, 409, 'RETURN_EXCEEDS'],
    ] as const) {
      res = await post(`/api/order-lines/${id}/returns`, body, hosp);
      expect(res.status).toBe(st);
      expect(code(res)).toBe(c);
    }
    expect((await post(`/api/order-lines/${id}/returns`, { quantity: 1, reason: 'x' }, dist)).status).toBe(403);
    expect((await post(`/api/order-lines/${id}/returns`, { quantity: 1, reason: 'x' }, await loginAs('xiehe'))).status).toBe(404);
    res = await post(`/api/order-lines/${id}/returns`, { quantity: 4, reason: '包装破损' }, hosp);
    expect(res.status).toBe(200);
    const r1 = res.body.data.documentId;
    // 4 pending + 3 more > 6 received.
    expect(code(await post(`/api/order-lines/${id}/returns`, { quantity: 3, reason: '破损' }, hosp))).toBe('RETURN_EXCEEDS');
    expect(await line('jst', id)).toMatchObject({ receivedQty: 6, returnPendingQty: 4, returnedQty: 0 });
    // Refuse: reason required; hospital cannot answer.
    expect(code(await post(`/api/order-returns/${r1}/refuse`, {}, dist))).toBe('REASON_REQUIRED');
    expect((await post(`/api/order-returns/${r1}/agree`, {}, hosp)).status).toBe(403);
    expect((await post(`/api/order-returns/${r1}/agree`, {}, await loginAs('bjDist2'))).status).toBe(404);
    res = await post(`/api/order-returns/${r1}/refuse`, { reason: '非质量问题' }, dist);
    expect(res.status).toBe(200);
    expect(await line('jst', id)).toMatchObject({ returnPendingQty: 0, returnedQty: 0 });
    expect(code(await post(`/api/order-returns/${r1}/agree`, {}, dist))).toBe('INVALID_TRANSITION');
    // The hospital sees the answer.
    const mine = await get('/api/order-returns?pagination[pageSize]=200', hosp);
    expect(mine.body.data.find((x: any) => x.documentId === r1)).toMatchObject({ status: 'refused', refuseReason: '非质量问题', quantity: 4 });
    // Second request, agreed: recorded as returned.
    const r2 = (await post(`/api/order-lines/${id}/returns`, { quantity: 6, reason: '批次召回' }, hosp)).body.data.documentId;
    res = await post(`/api/order-returns/${r2}/agree`, {}, dist);
    expect(res.status).toBe(200);
    expect(await line('jst', id)).toMatchObject({ receivedQty: 6, returnPendingQty: 0, returnedQty: 6 });
    expect(code(await post(`/api/order-lines/${id}/returns`, { quantity: 1, reason: '破损' }, hosp))).toBe('RETURN_EXCEEDS');
    const h = await get(`/api/history/order-line/${id}`, hosp);
    expect(h.body.data.map((x: any) => x.action)).toEqual(
      expect.arrayContaining(['place', 'confirm', 'deliver', 'receive', 'requestReturn', 'refuseReturn', 'agreeReturn']),
    );
  });
});

describe('lists', () => {
  it('待配送 lists the distributor’s open lines with filters, paged; manufacturers and bureaus read; export .xlsx', async () => {
    const w = await world('xiehe', 'bjDist1');
    const o = await order('xiehe', [{ productId: w.product.id, distributor: 'bjDist1', quantity: 2 }]);
    const id = o.lines[0]!.documentId;
    const dist = await loginAs('bjDist1');
    let res = await get(`/api/order-lines/search?tab=todo&productId=${w.product.id}&hospitalOrgId=${org.xiehe}`, dist);
    expect(res.status).toBe(200);
    expect(res.body.data.map((x: any) => x.documentId)).toEqual([id]);
    expect(res.body.data[0]).toMatchObject({ hospitalName: '北京协和医院', status: 'pending' });
    expect(res.body.meta.pagination).toMatchObject({ page: 1, total: 1 });
    res = await get(`/api/order-lines/search?tab=delivered&productId=${w.product.id}`, dist);
    expect(res.body.data).toEqual([]);
    res = await get(`/api/order-lines/search?status=rejected&productId=${w.product.id}`, dist);
    expect(res.body.data).toEqual([]);
    res = await get(`/api/order-lines/search?from=${daysFromToday(0)}&to=${daysFromToday(0)}&productId=${w.product.id}`, dist);
    expect(res.body.data).toHaveLength(1);
    res = await get(`/api/order-lines/search?from=${daysFromToday(1)}&productId=${w.product.id}`, dist);
    expect(res.body.data).toHaveLength(0);
    expect((await get('/api/order-lines/search?status=nope', dist)).status).toBe(400);
    expect((await get('/api/order-lines/search?from=2024-99-01', dist)).status).toBe(400);
    for (const u of ['weigao', 'bjBureau', 'admin'] as const) {
      res = await get(`/api/order-lines/search?productId=${w.product.id}`, await loginAs(u));
      expect(
        res.body.data.map((x: any) => x.documentId),
        u,
      ).toEqual([id]);
    }
    for (const u of ['chunli', 'sxBureau', 'bjDist2', 'jst'] as const) {
      res = await get(`/api/order-lines/search?productId=${w.product.id}`, await loginAs(u));
      expect(res.body.data, u).toEqual([]);
    }
    // Read only for the manufacturer and the bureau.
    expect((await post('/api/order-lines/confirm', { ids: [id] }, await loginAs('bjBureau'))).status).toBe(403);
    const x = await call('GET', `/api/order-lines/export?productId=${w.product.id}`, { auth: dist });
    expect(x.status).toBe(200);
    expect(x.headers.get('content-type')).toContain('spreadsheetml');
    expect([401, 403]).toContain((await get('/api/order-lines/search')).status);
  });
});

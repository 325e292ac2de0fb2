import { beforeAll, describe, expect, it } from 'vitest';
import { expectRefused, get, loginAs, post } from '../support/client';
import { batch, confirmedLine, daysFromToday, line, loadOrgs } from './world';

beforeAll(loadOrgs);

describe('deliveries', () => {
  it('standard: one delivery ≤ ordered and the line is 已配送; a second one is refused', async () => {
    const { id } = await confirmedLine(10);
    const dist = await loginAs('bjDist1');
    let res = await post(`/api/order-lines/${id}/deliveries`, { ...batch(11), mode: 'standard' }, dist);
    expectRefused(res, 409, 'QUANTITY_EXCEEDS');
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
    expectRefused(res, 409, 'LINE_NOT_DELIVERABLE');
  });

  it('batch: the mode locks, the total never exceeds ordered, 继续配送 until equal', async () => {
    const { id } = await confirmedLine(10);
    const dist = await loginAs('bjDist1');
    let res = await post(`/api/order-lines/${id}/deliveries`, batch(4), dist);
    expect(res.status).toBe(200);
    expect(await line('bjDist1', id)).toMatchObject({ status: 'delivering', deliveryMode: 'batch', deliveredQty: 4 });
    res = await post(`/api/order-lines/${id}/deliveries`, { ...batch(1), mode: 'standard' }, dist);
    expectRefused(res, 409, 'MODE_LOCKED');
    res = await post(`/api/order-lines/${id}/deliveries`, batch(7), dist);
    expectRefused(res, 409, 'QUANTITY_EXCEEDS');
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
      expectRefused(res, status, c);
    }
    expectRefused(await post(`/api/order-lines/${id}/deliveries`, batch(1), await loginAs('jst')), 403, 'ROLE_NOT_ALLOWED');
    expectRefused(await post(`/api/order-lines/${id}/deliveries`, batch(1), await loginAs('bjDist2')), 404, 'NOT_FOUND');
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
    expectRefused(await post(`/api/order-lines/${id}/terminate`, {}, await loginAs('jst')), 403, 'ROLE_NOT_ALLOWED');
    let res = await post(`/api/order-lines/${id}/terminate`, { reason: '停产' }, dist);
    expect(res.status).toBe(200);
    expect(res.body.data).toMatchObject({ status: 'terminated', deliveredQty: 3 });
    res = await post(`/api/order-lines/${id}/deliveries`, batch(1), dist);
    expectRefused(res, 409, 'LINE_NOT_DELIVERABLE');
    expectRefused(await post(`/api/order-lines/${id}/terminate`, {}, dist), 409, 'INVALID_TRANSITION');
  });
});

describe('invoices, 撤回修改, receipt', () => {
  it('hospital checks an invoice (fail needs a reason); distributor modifies it; hospital passes it', async () => {
    const { id } = await confirmedLine(10);
    const dist = await loginAs('bjDist1');
    const hosp = await loginAs('jst');
    const d = (await post(`/api/order-lines/${id}/deliveries`, batch(10), dist)).body.data.delivery.documentId;
    let res = await post(`/api/order-deliveries/${d}/check`, { result: 'fail' }, hosp);
    expectRefused(res, 400, 'REASON_REQUIRED');
    expectRefused(await post(`/api/order-deliveries/${d}/check`, { result: 'pass' }, dist), 403, 'ROLE_NOT_ALLOWED');
    res = await post(`/api/order-deliveries/${d}/check`, { result: 'fail', reason: '发票抬头错误' }, hosp);
    expect(res.status).toBe(200);
    // Listed in 撤回修改.
    const rework = await get('/api/order-deliveries?rework=1&pagination[pageSize]=200', dist);
    expect(rework.body.data.find((x: any) => x.documentId === d)).toMatchObject({ invoiceStatus: 'failed', invoiceReason: '发票抬头错误' });
    // Checking again is refused (not pending).
    expectRefused(await post(`/api/order-deliveries/${d}/check`, { result: 'pass' }, hosp), 409, 'INVALID_TRANSITION');
    res = await post(`/api/order-deliveries/${d}/invoice`, { invoiceNo: 'abc' }, dist);
    expectRefused(res, 400, 'INVOICE_INVALID');
    res = await post(`/api/order-deliveries/${d}/invoice`, { invoiceNo: '24112000000099999999' }, dist);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.data).toMatchObject({ invoiceStatus: 'pending', invoiceCode: null });
    res = await post(`/api/order-deliveries/${d}/check`, { result: 'pass' }, hosp);
    expect(res.status).toBe(200);
    const l = await line('jst', id);
    expect(l.deliveries[0]).toMatchObject({ invoiceStatus: 'passed', invoiceNo: '24112000000099999999' });
    // A passed invoice can no longer be modified.
    expectRefused(await post(`/api/order-deliveries/${d}/invoice`, { invoiceNo: '24112000000099999998' }, dist), 409, 'INVALID_TRANSITION');
    const h = await get(`/api/history/delivery/${d}`, hosp);
    expect(h.body.data.map((x: any) => x.action)).toEqual(['deliver', 'failInvoice', 'modifyInvoice', 'passInvoice']);
  });

  it('补填发票 fills a missing invoice', async () => {
    const { id } = await confirmedLine(4);
    const dist = await loginAs('bjDist1');
    const d = (await post(`/api/order-lines/${id}/deliveries`, batch(4, { invoiceCode: '', invoiceNo: '' }), dist)).body.data.delivery.documentId;
    expectRefused(await post(`/api/order-deliveries/${d}/check`, { result: 'pass' }, await loginAs('jst')), 409, 'INVALID_TRANSITION');
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
    expectRefused(res, 409, 'DELIVERY_NOT_WITHDRAWABLE');
    await post(`/api/order-deliveries/${d1}/check`, { result: 'fail', reason: '金额不符' }, hosp);
    expectRefused(await post(`/api/order-deliveries/${d1}/withdraw`, {}, hosp), 403, 'ROLE_NOT_ALLOWED');
    res = await post(`/api/order-deliveries/${d1}/withdraw`, {}, dist);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    let l = await line('bjDist1', id);
    expect(l).toMatchObject({ status: 'confirmed', deliveredQty: 0, deliveryCount: 0, deliveryMode: 'batch' });
    expect(l.deliveries[0].status).toBe('withdrawn');
    // The 10 can be delivered again (batch stays locked).
    expectRefused(await post(`/api/order-lines/${id}/deliveries`, { ...batch(10), mode: 'standard' }, dist), 409, 'MODE_LOCKED');
    const d2 = (await post(`/api/order-lines/${id}/deliveries`, batch(10, { invoiceNo: '', invoiceCode: '' }), dist)).body.data.delivery.documentId;
    l = await line('bjDist1', id);
    expect(l).toMatchObject({ status: 'delivered', deliveredQty: 10, deliveryCount: 1 });
    expect(l.deliveries.map((x: any) => x.seq)).toEqual([1, 2]);
    // Received: no longer withdrawable.
    res = await post(`/api/order-deliveries/${d2}/receive`, {}, hosp);
    expect(res.status).toBe(200);
    res = await post(`/api/order-deliveries/${d2}/withdraw`, {}, dist);
    expectRefused(res, 409, 'INVALID_TRANSITION');
    expect(await line('bjDist1', id)).toMatchObject({ deliveredQty: 10, receivedQty: 10 });
    // Receiving twice is refused; another hospital cannot.
    expectRefused(await post(`/api/order-deliveries/${d2}/receive`, {}, hosp), 409, 'INVALID_TRANSITION');
    expectRefused(await post(`/api/order-deliveries/${d2}/receive`, {}, await loginAs('xiehe')), 404, 'NOT_FOUND');
    expectRefused(await post(`/api/order-deliveries/${d2}/receive`, {}, dist), 403, 'ROLE_NOT_ALLOWED');
    // A withdrawn delivery cannot be received.
    expectRefused(await post(`/api/order-deliveries/${d1}/receive`, {}, hosp), 409, 'INVALID_TRANSITION');
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

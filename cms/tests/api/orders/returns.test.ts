import { beforeAll, describe, expect, it } from 'vitest';
import { expectRefused, get, loginAs, post } from '../support/client';
import { batch, confirmedLine, line, loadOrgs } from './world';

beforeAll(loadOrgs);

describe('returns', () => {
  it('hospital asks to return part of what it received with a reason; the distributor refuses (reason) or agrees', async () => {
    const { id } = await confirmedLine(10);
    const dist = await loginAs('bjDist1');
    const hosp = await loginAs('jst');
    const d1 = (await post(`/api/order-lines/${id}/deliveries`, batch(6), dist)).body.data.delivery.documentId;
    await post(`/api/order-lines/${id}/deliveries`, batch(4), dist);
    // Nothing received yet.
    let res = await post(`/api/order-lines/${id}/returns`, { quantity: 1, reason: '破损' }, hosp);
    expectRefused(res, 409, 'RETURN_EXCEEDS');
    await post(`/api/order-deliveries/${d1}/receive`, {}, hosp);
    for (const [body, st, c] of [
      [{ quantity: 1 }, 400, 'REASON_REQUIRED'],
      [{ quantity: 0, reason: 'x' }, 400, 'QUANTITY_INVALID'],
      [{ quantity: 7, reason: '破损' }, 409, 'RETURN_EXCEEDS'],
    ] as const) {
      res = await post(`/api/order-lines/${id}/returns`, body, hosp);
      expectRefused(res, st, c);
    }
    expectRefused(await post(`/api/order-lines/${id}/returns`, { quantity: 1, reason: 'x' }, dist), 403, 'ROLE_NOT_ALLOWED');
    expectRefused(await post(`/api/order-lines/${id}/returns`, { quantity: 1, reason: 'x' }, await loginAs('xiehe')), 404, 'NOT_FOUND');
    res = await post(`/api/order-lines/${id}/returns`, { quantity: 4, reason: '包装破损' }, hosp);
    expect(res.status).toBe(200);
    const r1 = res.body.data.documentId;
    // 4 pending + 3 more > 6 received.
    expectRefused(await post(`/api/order-lines/${id}/returns`, { quantity: 3, reason: '破损' }, hosp), 409, 'RETURN_EXCEEDS');
    expect(await line('jst', id)).toMatchObject({ receivedQty: 6, returnPendingQty: 4, returnedQty: 0 });
    // Refuse: reason required; hospital cannot answer.
    expectRefused(await post(`/api/order-returns/${r1}/refuse`, {}, dist), 400, 'REASON_REQUIRED');
    expectRefused(await post(`/api/order-returns/${r1}/agree`, {}, hosp), 403, 'ROLE_NOT_ALLOWED');
    expectRefused(await post(`/api/order-returns/${r1}/agree`, {}, await loginAs('bjDist2')), 404, 'NOT_FOUND');
    res = await post(`/api/order-returns/${r1}/refuse`, { reason: '非质量问题' }, dist);
    expect(res.status).toBe(200);
    expect(await line('jst', id)).toMatchObject({ returnPendingQty: 0, returnedQty: 0 });
    expectRefused(await post(`/api/order-returns/${r1}/agree`, {}, dist), 409, 'INVALID_TRANSITION');
    // The hospital sees the answer.
    const mine = await get('/api/order-returns?pagination[pageSize]=200', hosp);
    expect(mine.body.data.find((x: any) => x.documentId === r1)).toMatchObject({ status: 'refused', refuseReason: '非质量问题', quantity: 4 });
    // Second request, agreed: recorded as returned.
    const r2 = (await post(`/api/order-lines/${id}/returns`, { quantity: 6, reason: '批次召回' }, hosp)).body.data.documentId;
    res = await post(`/api/order-returns/${r2}/agree`, {}, dist);
    expect(res.status).toBe(200);
    expect(await line('jst', id)).toMatchObject({ receivedQty: 6, returnPendingQty: 0, returnedQty: 6 });
    expectRefused(await post(`/api/order-lines/${id}/returns`, { quantity: 1, reason: '破损' }, hosp), 409, 'RETURN_EXCEEDS');
    const h = await get(`/api/history/order-line/${id}`, hosp);
    expect(h.body.data.map((x: any) => x.action)).toEqual(
      expect.arrayContaining(['place', 'confirm', 'deliver', 'receive', 'requestReturn', 'refuseReturn', 'agreeReturn']),
    );
  });
});

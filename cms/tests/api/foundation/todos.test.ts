import { describe, expect, it } from 'vitest';
import { get, loginAs, me, testSupport } from '../support/client';

describe('to-do counts (待办)', () => {
  it('count what waits for the caller organisation only', async () => {
    const dist = (await me('sxDist2')).organisation.id;
    const hospital = (await me('sxdy')).organisation.id;
    const token = await loginAs('sxDist2');
    const before = (await get('/api/me/todos', token)).body.data;
    const otherBefore = (await get('/api/me/todos', await loginAs('sxDist1'))).body.data;
    await testSupport.fixture('order-line', {
      orderId: 1,
      hospitalOrgId: hospital,
      distributorOrgId: dist,
      provinceCode: '14',
      productId: 1,
      quantity: 3,
      status: 'pending',
    });
    await testSupport.fixture('return-request', {
      orderLineId: 1,
      hospitalOrgId: hospital,
      distributorOrgId: dist,
      provinceCode: '14',
      quantity: 1,
      reason: '破损',
      status: 'pending',
    });
    const after = (await get('/api/me/todos', token)).body.data;
    expect(after['order-lines']).toBe(before['order-lines'] + 1);
    expect(after.returns).toBe(before.returns + 1);
    const otherAfter = (await get('/api/me/todos', await loginAs('sxDist1'))).body.data;
    expect(otherAfter).toEqual(otherBefore);
  });

  it('refuses anonymous callers with 403', async () => {
    expect((await get('/api/me/todos')).status).toBe(403);
  });
});

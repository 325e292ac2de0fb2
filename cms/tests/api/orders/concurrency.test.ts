import { beforeAll, describe, expect, inject, it } from 'vitest';
import { loginAs, post } from '../support/client';
import { batch, confirmedLine, line, loadOrgs } from './world';

/**
 * Quantities never go wrong, even when many requests for the same line arrive at once
 * (run on SQLite and, with TEST_DATABASE_URL, on PostgreSQL).
 */
beforeAll(loadOrgs);

describe(`concurrent requests on one line (${inject('database')})`, () => {
  it('50 concurrent batch deliveries of 1 on a line of 30: exactly 30 succeed, the stored total is 30', async () => {
    const { id } = await confirmedLine(30);
    const dist = await loginAs('bjDist1');
    const results = await Promise.all(Array.from({ length: 50 }, () => post(`/api/order-lines/${id}/deliveries`, batch(1), dist)));
    const ok = results.filter((r) => r.status === 200).length;
    const refused = results.filter((r) => r.status === 409);
    expect(ok).toBe(30);
    expect(refused).toHaveLength(20);
    for (const r of refused) expect(r.body.error.message).toMatch(/[\u4e00-\u9fff]/);
    const l = await line('bjDist1', id);
    expect(l).toMatchObject({ status: 'delivered', deliveredQty: 30, deliveryCount: 30 });
    expect(l.deliveries.filter((d: any) => d.status !== 'withdrawn').reduce((s: number, d: any) => s + d.quantity, 0)).toBe(30);
    expect(new Set(l.deliveries.map((d: any) => d.seq)).size).toBe(30);
  });

  it('50 concurrent deliveries of 3 on a line of 100: never above ordered', async () => {
    const { id } = await confirmedLine(100);
    const dist = await loginAs('bjDist1');
    const results = await Promise.all(Array.from({ length: 50 }, () => post(`/api/order-lines/${id}/deliveries`, batch(3), dist)));
    expect(results.filter((r) => r.status === 200)).toHaveLength(33);
    const l = await line('bjDist1', id);
    expect(l).toMatchObject({ status: 'delivering', deliveredQty: 99 });
    expect(l.deliveries.reduce((s: number, d: any) => s + d.quantity, 0)).toBe(99);
  });

  it('50 concurrent standard deliveries: exactly one', async () => {
    const { id } = await confirmedLine(5);
    const dist = await loginAs('bjDist1');
    const results = await Promise.all(Array.from({ length: 50 }, () => post(`/api/order-lines/${id}/deliveries`, { ...batch(2), mode: 'standard' }, dist)));
    expect(results.filter((r) => r.status === 200)).toHaveLength(1);
    const l = await line('bjDist1', id);
    expect(l).toMatchObject({ status: 'delivered', deliveredQty: 2, deliveryCount: 1 });
    expect(l.deliveries).toHaveLength(1);
  });

  it('30 concurrent return requests of 1 on 10 received: exactly 10', async () => {
    const { id } = await confirmedLine(10);
    const dist = await loginAs('bjDist1');
    const hosp = await loginAs('jst');
    const d = (await post(`/api/order-lines/${id}/deliveries`, batch(10), dist)).body.data.delivery.documentId;
    expect((await post(`/api/order-deliveries/${d}/receive`, {}, hosp)).status).toBe(200);
    const results = await Promise.all(Array.from({ length: 30 }, () => post(`/api/order-lines/${id}/returns`, { quantity: 1, reason: '破损' }, hosp)));
    expect(results.filter((r) => r.status === 200)).toHaveLength(10);
    const l = await line('jst', id);
    expect(l).toMatchObject({ receivedQty: 10, returnPendingQty: 10, returnedQty: 0 });
    expect(l.returns).toHaveLength(10);
    // Answering the same request twice at once: one wins.
    const r0 = l.returns[0].documentId;
    const answers = await Promise.all([
      post(`/api/order-returns/${r0}/agree`, {}, dist),
      post(`/api/order-returns/${r0}/agree`, {}, dist),
      post(`/api/order-returns/${r0}/refuse`, { reason: 'x' }, dist),
    ]);
    expect(answers.filter((r) => r.status === 200)).toHaveLength(1);
    const after = await line('jst', id);
    expect(after.returnPendingQty + after.returnedQty).toBe(answers.some((a) => a.status === 200 && a.body.data.status === 'agreed') ? 10 : 9);
  });
});

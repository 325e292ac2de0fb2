import { beforeAll, describe, expect, it } from 'vitest';
import { call, expectRefused, get, loginAs, post } from '../support/client';
import { batch, confirmedLine, daysFromToday, line, loadOrgs, org, world } from './world';

/** 批量配送: several confirmed lines of one hospital, one all-or-nothing request, the rules of a single delivery. */
beforeAll(loadOrgs);

const B = '/api/order-deliveries/batch';
const values = (id: string, quantity: number, extra: Record<string, unknown> = {}) => {
  const { mode: _mode, ...rest } = batch(quantity, extra);
  return { line: id, ...rest };
};

async function threeLines(quantities = [10, 10, 10]) {
  const w = await world();
  const ids: string[] = [];
  for (const q of quantities) ids.push((await confirmedLine(q, w)).id);
  return { w, ids };
}

describe('批量配送', () => {
  it('delivers several lines of one hospital at once: each line as a single delivery would', async () => {
    const { ids } = await threeLines([10, 8, 6]);
    const dist = await loginAs('bjDist1');
    const res = await post(
      B,
      { hospitalOrgId: org.jst, lines: [values(ids[0]!, 10), values(ids[1]!, 5), { ...values(ids[2]!, 2), mode: 'batch', invoiceNo: '', invoiceCode: '' }] },
      dist,
    );
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.data).toMatchObject({ hospitalOrgId: org.jst, count: 3, quantity: 17 });
    expect(await line('bjDist1', ids[0]!)).toMatchObject({ status: 'delivered', deliveryMode: 'standard', deliveredQty: 10, deliveryCount: 1 });
    // Standard delivery of less than ordered completes the line, as a single 标准配送 does.
    expect(await line('bjDist1', ids[1]!)).toMatchObject({ status: 'delivered', deliveryMode: 'standard', deliveredQty: 5 });
    const third = await line('bjDist1', ids[2]!);
    expect(third).toMatchObject({ status: 'delivering', deliveryMode: 'batch', deliveredQty: 2 });
    expect(third.deliveries[0]).toMatchObject({ seq: 1, quantity: 2, invoiceStatus: 'missing', status: 'shipped' });
    // Each line's history records its delivery, as a single delivery's does.
    const timeline = await get(`/api/history/order-line/${ids[2]}`, dist);
    expect(timeline.body.data).toContainEqual(
      expect.objectContaining({ action: 'deliver', fromState: 'confirmed', toState: 'delivering', reason: '分批次配送 第1批 数量2' }),
    );
    // 继续配送 in a second batch: the locked mode is taken when none is named.
    const again = await post(B, { lines: [values(ids[2]!, 4)] }, dist);
    expect(again.status, JSON.stringify(again.body)).toBe(200);
    expect(await line('bjDist1', ids[2]!)).toMatchObject({ status: 'delivered', deliveryMode: 'batch', deliveredQty: 6, deliveryCount: 2 });
  });

  it('all or nothing: one refused line delivers none, and the refusal names the line and the field', async () => {
    const { ids } = await threeLines([10, 10, 10]);
    const dist = await loginAs('bjDist1');
    let res = await post(B, { lines: [values(ids[0]!, 5), values(ids[1]!, 11), values(ids[2]!, 5)] }, dist);
    let err = expectRefused(res, 409, 'BATCH_DELIVERY_REFUSED');
    expect(err.message).toContain('第2行');
    expect(err.details.field).toBe('lines.1.quantity');
    expect(err.details.info.lines).toEqual([expect.objectContaining({ index: 1, line: ids[1], field: 'quantity', code: 'QUANTITY_EXCEEDS' })]);
    for (const id of ids) expect(await line('bjDist1', id)).toMatchObject({ status: 'confirmed', deliveredQty: 0, deliveries: [] });

    // Field errors of several lines, all named at once.
    res = await post(
      B,
      {
        lines: [
          values(ids[0]!, 5, { batchNo: '' }),
          values(ids[1]!, 5),
          values(ids[2]!, 5, { productionDate: daysFromToday(-400), expiryDate: daysFromToday(-1), invoiceNo: '1234567' }),
        ],
      },
      dist,
    );
    err = expectRefused(res, 400, 'BATCH_DELIVERY_REFUSED');
    expect(err.details.info.lines.map((l: any) => [l.index, l.line, l.field, l.code])).toEqual([
      [0, ids[0], 'batchNo', 'BATCH_NO_REQUIRED'],
      [2, ids[2], 'expiryDate', 'BATCH_EXPIRED'],
    ]);
    for (const id of ids) expect(await line('bjDist1', id)).toMatchObject({ deliveredQty: 0 });

    res = await post(B, { lines: [values(ids[0]!, 1), values(ids[0]!, 1)] }, dist);
    expect(expectRefused(res, 400, 'BATCH_DELIVERY_REFUSED').details.info.lines[0]).toMatchObject({ index: 1, field: 'line', code: 'BATCH_LINE_DUPLICATE' });
  });

  it("refuses another hospital's line and another distributor's line, naming them", async () => {
    const { w, ids } = await threeLines([5]);
    const other = await confirmedLine(5, await world('xiehe', 'bjDist1'));
    const foreign = await confirmedLine(5, await world('jst', 'bjDist2'));
    const dist = await loginAs('bjDist1');
    let res = await post(B, { lines: [values(ids[0]!, 1), values(other.id, 1)] }, dist);
    let err = expectRefused(res, 400, 'BATCH_DELIVERY_REFUSED');
    expect(err.details.info.lines).toEqual([expect.objectContaining({ index: 1, line: other.id, field: 'line', code: 'BATCH_OTHER_HOSPITAL' })]);
    res = await post(B, { hospitalOrgId: org.xiehe, lines: [values(ids[0]!, 1)] }, dist);
    expect(expectRefused(res, 400, 'BATCH_DELIVERY_REFUSED').details.info.lines[0]).toMatchObject({ index: 0, code: 'BATCH_OTHER_HOSPITAL' });
    res = await post(B, { lines: [values(ids[0]!, 1), values(foreign.id, 1)] }, dist);
    err = expectRefused(res, 404, 'BATCH_DELIVERY_REFUSED');
    expect(err.details.info.lines).toEqual([expect.objectContaining({ index: 1, line: foreign.id, field: 'line', code: 'NOT_FOUND' })]);
    for (const id of [ids[0]!, other.id]) expect(await line('bjDist1', id)).toMatchObject({ deliveredQty: 0 });
    expect(await line('bjDist2', foreign.id)).toMatchObject({ deliveredQty: 0 });
    void w;
  });

  it('with single deliveries at the same time: never more than ordered, a refused batch delivers none of its lines', async () => {
    const w = await world();
    const target = (await confirmedLine(20, w)).id;
    const own: string[] = [];
    for (let i = 0; i < 8; i++) own.push((await confirmedLine(3, w)).id);
    const dist = await loginAs('bjDist1');
    const batches = own.map((id) => post(B, { lines: [{ ...values(target, 2), mode: 'batch' }, values(id, 3)] }, dist));
    const singles = Array.from({ length: 12 }, () => post(`/api/order-lines/${target}/deliveries`, batch(1), dist));
    const [b, s] = await Promise.all([Promise.all(batches), Promise.all(singles)]);
    for (const r of b) if (r.status !== 200) expectRefused(r, 409, 'BATCH_DELIVERY_REFUSED');
    for (const r of s) if (r.status !== 200) expect(r.status, JSON.stringify(r.body)).toBe(409);
    const okBatches = b.filter((r) => r.status === 200).length;
    const okSingles = s.filter((r) => r.status === 200).length;
    const t = await line('bjDist1', target);
    expect(t.deliveredQty).toBe(2 * okBatches + okSingles);
    expect(t.deliveredQty).toBeLessThanOrEqual(20);
    expect(t.deliveries.reduce((sum: number, d: any) => sum + d.quantity, 0)).toBe(t.deliveredQty);
    for (let i = 0; i < own.length; i++) {
      expect(await line('bjDist1', own[i]!)).toMatchObject({ deliveredQty: b[i]!.status === 200 ? 3 : 0 });
    }
  });

  it('bad bodies and other roles are refused with 4xx, changing nothing', async () => {
    const { ids } = await threeLines([5]);
    const dist = await loginAs('bjDist1');
    const cases: unknown[] = [
      {},
      { lines: [] },
      { lines: 'x' },
      { lines: [{ quantity: 1 }] },
      { lines: [values(ids[0]!, 1, { quantity: '1' })] },
      { lines: [{ ...values(ids[0]!, 1), mode: 'fast' }] },
      { hospitalOrgId: 'x', lines: [values(ids[0]!, 1)] },
      { lines: Array.from({ length: 501 }, () => values(ids[0]!, 1)) },
    ];
    for (const body of cases) {
      const res = await post(B, body, dist);
      expect(res.status, JSON.stringify(body).slice(0, 200)).toBe(400);
      expect(res.body.error.details.code).toBe('INVALID_INPUT');
    }
    expectRefused(await post(B, { lines: [values(ids[0]!, 0)] }, dist), 400, 'BATCH_DELIVERY_REFUSED');
    expectRefused(await post(B, { lines: [values(ids[0]!, 1)] }, await loginAs('jst')), 403, 'ROLE_NOT_ALLOWED');
    expect((await call('POST', B, { body: { lines: [values(ids[0]!, 1)] } })).status).toBe(403);
    expect(await line('bjDist1', ids[0]!)).toMatchObject({ deliveredQty: 0 });
  });
});

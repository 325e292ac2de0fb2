import { beforeAll, describe, expect, it } from 'vitest';
import { expectRefused, get, loginAs, post } from '../support/client';
import { downloadWorkbook } from '../support/xlsx';
import { batch, confirmedLine, loadOrgs } from './world';

/** 待收货 / 待查验 / 撤回修改 and 退货 lists: server-side search and the .xlsx of exactly what is filtered. */
beforeAll(loadOrgs);

describe('delivery and return lists: search and export', () => {
  it('the hospital’s 待收货 list and its export hold the same deliveries; a search narrows both; another hospital sees none', async () => {
    const { id } = await confirmedLine(10);
    const dist = await loginAs('bjDist1');
    const hosp = await loginAs('jst');
    const input = batch(6);
    const res = await post(`/api/order-lines/${id}/deliveries`, input, dist);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const batchNo = input.batchNo;

    const list = await get(`/api/order-deliveries?status=shipped&q=${encodeURIComponent(batchNo)}`, hosp);
    expect(list.status).toBe(200);
    expect(list.body.data.map((d: { batchNo: string }) => d.batchNo)).toEqual([batchNo]);
    const book = await downloadWorkbook(`/api/order-deliveries/export?status=shipped&q=${encodeURIComponent(batchNo)}`, hosp);
    expect(book.header).toEqual(expect.arrayContaining(['订单编号', '配送数量', '生产批号', '发票状态', '收货状态']));
    expect(book.rows).toHaveLength(1);
    expect(book.rows[0]).toMatchObject({ 生产批号: batchNo, 配送数量: 6, 收货状态: '待收货' });

    const all = await get('/api/order-deliveries?status=shipped&pageSize=200', hosp);
    const everything = await downloadWorkbook('/api/order-deliveries/export?status=shipped', hosp);
    expect(everything.rows).toHaveLength(all.body.meta.pagination.total);

    const stranger = await downloadWorkbook(`/api/order-deliveries/export?q=${encodeURIComponent(batchNo)}`, await loginAs('xiehe'));
    expect(stranger.rows).toHaveLength(0);
    expectRefused(await get('/api/order-deliveries/export?status=nope', hosp), 400, 'INVALID_INPUT');
  });

  it('return requests: the export follows the search; manufacturers may not export them', async () => {
    const { id } = await confirmedLine(10);
    const dist = await loginAs('bjDist1');
    const hosp = await loginAs('jst');
    const d = (await post(`/api/order-lines/${id}/deliveries`, batch(5), dist)).body.data.delivery.documentId;
    expect((await post(`/api/order-deliveries/${d}/receive`, {}, hosp)).status).toBe(200);
    const reason = `外包装破损${Date.now()}`;
    expect((await post(`/api/order-lines/${id}/returns`, { quantity: 2, reason }, hosp)).status).toBe(200);
    const line = (await get(`/api/order-lines/${id}/detail`, hosp)).body.data;
    const book = await downloadWorkbook(`/api/order-returns/export?q=${encodeURIComponent(line.orderCode)}`, dist);
    expect(book.header).toEqual(expect.arrayContaining(['订单编号', '退货数量', '退货理由', '处理结果']));
    expect(book.rows).toHaveLength(1);
    expect(book.rows[0]).toMatchObject({ 退货数量: 2, 退货理由: reason, 处理结果: '待处理' });
    expect((await get('/api/order-returns/export', await loginAs('weigao'))).status).toBe(403);
  });
});

import * as XLSX from 'xlsx';
import { beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, expectRefused, get, loginAs, post, type ApiResponse } from '../support/client';
import { downloadWorkbook } from '../support/xlsx';
import { confirmedLine, daysFromToday, line, loadOrgs, org, world } from './world';

/** The delivery sheet of 批量配送: template, upload read into the editable table's rows, submission through the batch. */
beforeAll(loadOrgs);

const T = '/api/order-deliveries/batch/template';
const HEADER = ['订单明细', '产品名称', '可配送数量', '配送数量', '生产批号', '生产日期', '有效期', '发票代码', '发票号'];

function sheet(rows: unknown[][]): Buffer {
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet(rows), '配送单');
  return XLSX.write(wb, { type: 'buffer', bookType: 'xlsx' }) as Buffer;
}

async function preview(jwt: string, bytes: Buffer): Promise<ApiResponse> {
  const fd = new FormData();
  fd.append('file', new Blob([new Uint8Array(bytes)]), 'sheet.xlsx');
  const res = await fetch(`${baseUrl()}/api/order-deliveries/batch/preview`, { method: 'POST', headers: { Authorization: `Bearer ${jwt}` }, body: fd });
  return { status: res.status, body: await res.json(), headers: res.headers };
}

describe('批量配送 delivery sheet', () => {
  it("downloads the template with the hospital's deliverable lines, reads the filled sheet back, delivers through the batch", async () => {
    const w = await world();
    const a = await confirmedLine(10, w);
    const b = await confirmedLine(4, w);
    const dist = await loginAs('bjDist1');
    const hospitals = await get('/api/order-deliveries/batch/hospitals', dist);
    expect(hospitals.status).toBe(200);
    const jst = hospitals.body.data.find((h: any) => h.hospitalOrgId === org.jst);
    expect(jst?.lines).toBeGreaterThanOrEqual(2);
    expect(hospitals.body.meta.pagination).toEqual(expect.objectContaining({ page: 1, total: hospitals.body.data.length }));
    // The picker searches on the server: by part of the name, or one hospital by id; no match is an empty page.
    const part = encodeURIComponent([...jst.hospitalName].slice(2, 5).join(''));
    const found = await get(`/api/order-deliveries/batch/hospitals?q=${part}`, dist);
    expect(found.status).toBe(200);
    expect(found.body.data.map((h: any) => h.hospitalOrgId)).toContain(org.jst);
    expect((await get(`/api/order-deliveries/batch/hospitals?hospitalOrgId=${org.jst}`, dist)).body.data).toEqual([jst]);
    expect((await get(`/api/order-deliveries/batch/hospitals?q=${encodeURIComponent('没有这个医院')}`, dist)).body).toEqual({
      data: [],
      meta: { pagination: expect.objectContaining({ total: 0 }) },
    });
    expect((await get(`/api/order-deliveries/batch/hospitals?q=${'x'.repeat(101)}`, dist)).status).toBe(400);
    const empty = await downloadWorkbook(T, dist);
    expect(empty.header).toEqual(HEADER);
    const tpl = await downloadWorkbook(`${T}?hospital=${org.jst}`, dist);
    expect(tpl.fileName).toBe('批量配送单模板.xlsx');
    const la = await line('bjDist1', a.id);
    const lb = await line('bjDist1', b.id);
    const refs = tpl.rows.map((r) => r['订单明细']);
    expect(refs).toContain(`${la.orderCode}-${la.lineNo}`);
    expect(tpl.rows.find((r) => r['订单明细'] === `${lb.orderCode}-${lb.lineNo}`)).toMatchObject({ 可配送数量: 4, 产品名称: lb.productName });

    const file = sheet([
      HEADER,
      ['必填；订单编号-序号（如 DD20261201000001-1），请勿修改'],
      [`${la.orderCode}-${la.lineNo}`, '', 10, 10, 'B001', daysFromToday(-30), daysFromToday(700), '011002300111', '12345678'],
      [`${lb.orderCode}-${lb.lineNo}`, '', 4, 4, 'B002', daysFromToday(-30).replace(/-/g, '/'), daysFromToday(700), '', ''],
      ['UNKNOWN-1', '', '', '', '', '', '', '', ''],
    ]);
    const res = await preview(dist, file);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.data).toMatchObject({ hospitalOrgId: org.jst, errorCount: 0 });
    expect(res.body.data.rows).toHaveLength(2);
    expect(res.body.data.rows[1]).toMatchObject({
      row: 4,
      line: b.id,
      quantity: 4,
      productionDate: daysFromToday(-30),
      mode: 'standard',
      remaining: 4,
      errors: [],
    });
    // Nothing was delivered by the preview.
    expect(await line('bjDist1', a.id)).toMatchObject({ deliveredQty: 0 });

    const lines = res.body.data.rows.map((r: any) => ({
      line: r.line,
      mode: r.mode,
      quantity: r.quantity,
      batchNo: r.batchNo,
      productionDate: r.productionDate,
      expiryDate: r.expiryDate,
      invoiceCode: r.invoiceCode,
      invoiceNo: r.invoiceNo,
    }));
    const done = await post('/api/order-deliveries/batch', { hospitalOrgId: res.body.data.hospitalOrgId, lines }, dist);
    expect(done.status, JSON.stringify(done.body)).toBe(200);
    expect(await line('bjDist1', a.id)).toMatchObject({ status: 'delivered', deliveredQty: 10 });
    expect(await line('bjDist1', b.id)).toMatchObject({ status: 'delivered', deliveredQty: 4 });
  });

  it('names each row’s problems by field, and refuses files that are not a delivery sheet', async () => {
    const w = await world();
    const a = await confirmedLine(5, w);
    const la = await line('bjDist1', a.id);
    const dist = await loginAs('bjDist1');
    const res = await preview(
      dist,
      sheet([
        HEADER,
        [`${la.orderCode}-${la.lineNo}`, '', '', 6, '', daysFromToday(-30), daysFromToday(-40), '', '1234'],
        ['NO-SUCH-9', '', '', 1, 'B', daysFromToday(-30), daysFromToday(700), '', ''],
      ]),
    );
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const [r1, r2] = res.body.data.rows;
    expect(r1.errors.map((e: any) => [e.field, e.code])).toEqual([
      ['batchNo', 'BATCH_NO_REQUIRED'],
      ['quantity', 'QUANTITY_EXCEEDS'],
    ]);
    expect(r2).toMatchObject({ line: null, errors: [expect.objectContaining({ field: 'line', code: 'LINE_NOT_FOUND' })] });
    expectRefused(
      await preview(
        dist,
        sheet([
          ['名称', '数量'],
          ['x', 1],
        ]),
      ),
      400,
      'IMPORT_HEADER_INVALID',
    );
    expectRefused(await preview(dist, Buffer.from('订单明细,配送数量\n')), 400, 'IMPORT_FILE_INVALID');
    expectRefused(await preview(dist, sheet([HEADER])), 400, 'IMPORT_EMPTY');
    expectRefused(await preview(await loginAs('jst'), sheet([HEADER])), 403, 'ROLE_NOT_ALLOWED');
  });
});

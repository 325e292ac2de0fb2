/**
 * Long work as jobs: progress readable by the owner's organisation only, the result file or error
 * sheet, cancellation, and a job whose process died (active, lease expired) taken up again and done
 * once. Runs on SQLite (in-process runner) and on PostgreSQL (pg-boss) alike.
 */
import * as XLSX from 'xlsx';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { call, expectRefused, get, loginAs, post } from '../support/client';
import { creditCode, HEADER, M, mobile, provAccount, xlsx } from '../accounts/support';
import { order, world } from '../orders/world';
import { abandonJob, download, freshBureau, J, listCompanies, pauseJobs, uploadTo, waitForJob } from './support';

const sheetRows = (bytes: Buffer) => {
  const wb = XLSX.read(bytes, { type: 'buffer' });
  return XLSX.utils.sheet_to_json<unknown[]>(wb.Sheets[wb.SheetNames[0]!]!, { header: 1, defval: '' });
};
const accountsFile = (tag: string, n: number) =>
  xlsx([HEADER, ...Array.from({ length: n }, (_, i) => [provAccount(), `${tag}${i}`, creditCode(), '王五', '赵六', mobile()])]);

afterEach(async () => {
  await pauseJobs(false);
});

beforeAll(async () => {
  // Order lines of bjDist1 (the suite's other files may have made more): the export and the rebuild read them.
  const w = await world('jst', 'bjDist1');
  for (const quantity of [3, 5, 8]) await order(w.hospital, [{ productId: w.product.id, distributor: w.distributor, quantity }]);
}, 60_000);

describe('an export as a job', () => {
  it('counts rows done up to the total, ends with the .xlsx to download, and is its organisation’s only', async () => {
    const jwt = await loginAs('bjDist1');
    const total = (await get('/api/order-lines/search?pagination[pageSize]=1', jwt)).body.meta.pagination.total as number;
    expect(total).toBeGreaterThan(0);
    const queued = await call('POST', '/api/order-lines/export-jobs', { auth: jwt });
    expect(queued.status).toBe(202);
    expect(queued.body.data).toMatchObject({ kind: 'order-lines-export', state: 'queued', percent: 0, actions: ['cancel'] });
    const job = await waitForJob(queued.body.data.id, jwt);
    expect(job).toMatchObject({
      state: 'completed',
      percent: 100,
      rowsDone: total,
      rowsTotal: total,
      attempts: 1,
      fileName: '订单明细.xlsx',
      actions: ['download'],
    });
    const file = await download(job.id, jwt);
    expect(file.status).toBe(200);
    expect(file.disposition).toContain(encodeURIComponent('订单明细.xlsx'));
    expect(sheetRows(file.bytes)).toHaveLength(total + 1);
    // The same organisation's other logins may read it; another organisation sees nothing there.
    const stranger = await loginAs('bjDist2');
    expectRefused(await get(`${J}/${job.id}`, stranger), 404, 'NOT_FOUND');
    expectRefused(await post(`${J}/${job.id}/cancel`, {}, stranger), 404, 'NOT_FOUND');
    expect((await download(job.id, stranger)).status).toBe(404);
    expect((await get(`${J}/${job.id}`)).status).toBe(403);
    expectRefused(await post(`${J}/${job.id}/cancel`, {}, jwt), 409, 'JOB_FINISHED');
    expectRefused(await get(`${J}/no-such-job`, jwt), 404, 'NOT_FOUND');
  });

  it('checks the filters before queueing, and exports the accounts list of a bureau the same way', async () => {
    const jwt = await loginAs('sxBureau');
    expectRefused(await call('POST', '/api/order-lines/export-jobs?status=nope', { auth: jwt }), 400, 'STATUS_INVALID');
    expectRefused(await call('POST', `${M}/export-jobs`, { auth: jwt, body: { status: 'enabled' } }), 400, 'BODY_NOT_EXPECTED');
    const queued = await call('POST', `${M}/export-jobs`, { auth: jwt });
    expect(queued.status).toBe(202);
    const job = await waitForJob(queued.body.data.id, jwt);
    expect(job.state).toBe('completed');
    const total = (await get(`${M}?pagination[pageSize]=1`, jwt)).body.meta.pagination.total;
    expect(job.rowsDone).toBe(total);
    expect(sheetRows((await download(job.id, jwt)).bytes)).toHaveLength(total + 1);
  });
});

describe('导入 as a job', () => {
  it('imports every row in one transaction and answers how many', async () => {
    const b = await freshBureau('53');
    const tag = `任务导入${Date.now().toString(36)}`;
    const queued = await uploadTo(`${M}/import-jobs`, b.jwt, accountsFile(tag, 3));
    expect(queued.status).toBe(202);
    const job = await waitForJob(queued.body.data.id, b.jwt);
    expect(job).toMatchObject({ state: 'completed', percent: 100, rowsDone: 3, rowsTotal: 3, result: { created: 3 } });
    expect((await listCompanies(b.jwt, tag)).sort()).toEqual([`${tag}0`, `${tag}1`, `${tag}2`]);
  });

  it('fails with every error and the sheet with its error column to download; nothing is imported', async () => {
    const b = await freshBureau('53');
    const tag = `任务错误${Date.now().toString(36)}`;
    const file = xlsx([HEADER, [provAccount(), `${tag}甲`, creditCode(), '', '', mobile()], ['', `${tag}乙`, '123', '', '', mobile()]]);
    const job = await waitForJob((await uploadTo(`${M}/import-jobs`, b.jwt, file)).body.data.id, b.jwt);
    expect(job).toMatchObject({ state: 'failed', error: { code: 'IMPORT_ROWS_INVALID' }, fileName: '配送企业账号导入错误.xlsx', actions: ['download'] });
    expect(job.result.rows).toEqual([expect.objectContaining({ row: 3, column: '统一社会信用代码' })]);
    const sheet = sheetRows((await download(job.id, b.jwt)).bytes);
    expect(sheet[0]).toContain('错误信息');
    expect(await listCompanies(b.jwt, tag)).toEqual([]);
  });

  it('is the bureau’s: other roles are refused, and a request without a file answers 400', async () => {
    expect((await uploadTo(`${M}/import-jobs`, await loginAs('bjDist1'), accountsFile('x', 1))).status).toBe(403);
    expect((await post(`${M}/import-jobs`, {}, await loginAs('sxBureau'))).status).toBe(400);
  });

  it('after its process died mid-import (active, lease expired) is taken up again and imports each row once', async () => {
    const b = await freshBureau('53');
    const tag = `任务重试${Date.now().toString(36)}`;
    await pauseJobs(true);
    const { id } = (await uploadTo(`${M}/import-jobs`, b.jwt, accountsFile(tag, 4))).body.data;
    expect((await get(`${J}/${id}`, b.jwt)).body.data.state).toBe('queued');
    await abandonJob(id, 2);
    const dead = (await get(`${J}/${id}`, b.jwt)).body.data;
    expect(dead).toMatchObject({ state: 'active', attempts: 1, rowsDone: 2 });
    await pauseJobs(false);
    const job = await waitForJob(id, b.jwt);
    expect(job).toMatchObject({ state: 'completed', attempts: 2, result: { created: 4 } });
    expect((await listCompanies(b.jwt, tag)).sort()).toEqual([0, 1, 2, 3].map((i) => `${tag}${i}`));
  });
});

describe('发放 as a job', () => {
  it('issues the ticked accounts with progress; refused without an initial password or a selection', async () => {
    const b = await freshBureau('53');
    const tag = `任务发放${Date.now().toString(36)}`;
    await waitForJob((await uploadTo(`${M}/import-jobs`, b.jwt, accountsFile(tag, 2))).body.data.id, b.jwt);
    const rows = (await call('GET', `${M}?companyName=${encodeURIComponent(tag)}`, { auth: b.jwt })).body.data as any[];
    expectRefused(await post(`${M}/issue-jobs`, { documentIds: [] }, b.jwt), 400, 'ISSUE_SELECTION_REQUIRED');
    const queued = await post(`${M}/issue-jobs`, { documentIds: rows.map((r) => r.documentId) }, b.jwt);
    expect(queued.status).toBe(202);
    expect(queued.body.data.rowsTotal).toBe(2);
    const job = await waitForJob(queued.body.data.id, b.jwt);
    expect(job).toMatchObject({ state: 'completed', rowsDone: 2, result: { issued: 2 } });
    const after = (await call('GET', `${M}?companyName=${encodeURIComponent(tag)}`, { auth: b.jwt })).body.data as any[];
    expect(after.every((r) => r.issued)).toBe(true);
    // Issuing them again fails as the route would, with its code and message.
    const again = await waitForJob((await post(`${M}/issue-jobs`, { documentIds: [rows[0].documentId] }, b.jwt)).body.data.id, b.jwt);
    expect(again).toMatchObject({ state: 'failed', error: { code: 'ACCOUNT_ALREADY_ISSUED' } });
  });
});

describe('取消', () => {
  it('ends a queued job at once, and stops a running one before it writes (its transaction rolled back)', async () => {
    const b = await freshBureau('53');
    const tag = `任务取消${Date.now().toString(36)}`;
    await pauseJobs(true);
    const queued = (await uploadTo(`${M}/import-jobs`, b.jwt, accountsFile(tag, 2))).body.data;
    const cancelled = await post(`${J}/${queued.id}/cancel`, {}, b.jwt);
    expect(cancelled.status).toBe(200);
    expect(cancelled.body.data).toMatchObject({ state: 'cancelled', actions: [] });
    // A running one (here: taken up again after its process died) stops at its first progress report.
    const running = (await uploadTo(`${M}/import-jobs`, b.jwt, accountsFile(tag, 2))).body.data;
    await abandonJob(running.id);
    expect((await post(`${J}/${running.id}/cancel`, {}, b.jwt)).body.data.state).toBe('active');
    await pauseJobs(false);
    expect((await waitForJob(running.id, b.jwt)).state).toBe('cancelled');
    expect((await waitForJob(queued.id, b.jwt)).state).toBe('cancelled');
    expect(await listCompanies(b.jwt, tag)).toEqual([]);
    expect((await download(queued.id, b.jwt)).status).toBe(409);
  });
});

describe('统计重算 as a job', () => {
  it('puts drifted aggregates right from the order lines, for the platform admin only', async () => {
    const admin = await loginAs('admin');
    expectRefused(await post('/api/statistics/rebuild', {}, admin), 400, 'CONFIRM_REQUIRED');
    expect((await post('/api/statistics/rebuild', { confirm: true }, await loginAs('bjBureau'))).status).toBe(403);
    expect((await post('/api/test/stats-drift', {})).body.rows).toBeGreaterThan(0);
    expect((await get('/api/test/stats-recount')).body.differences.length).toBeGreaterThan(0);
    const queued = await post('/api/statistics/rebuild', { confirm: true }, admin);
    expect(queued.status).toBe(202);
    const job = await waitForJob(queued.body.data.id, admin, 60_000);
    expect(job).toMatchObject({ state: 'completed', percent: 100 });
    expect(job.rowsDone).toBe(job.rowsTotal);
    expect(job.result.days).toBeGreaterThan(0);
    const check = (await get('/api/test/stats-recount')).body;
    expect(check.differences).toEqual([]);
    expect(check.stored).toBe(job.result.days);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser, del, get, loginAs, post, put, testSupport, unique } from '../support/client';
import { downloadWorkbook } from '../support/xlsx';

/**
 * 医院配送关系 (DOMAIN.md §4): requests, answers, revocation, the 30-day 解约中 and who may do what.
 * Every test works on organisations of its own (fresh hospitals and distributors), so no pair is shared.
 */
const DAY = 24 * 3600 * 1000;
const B = '/api/hospital-relationships';
const CHINA_ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}\+08:00$/;

interface Org {
  id: number;
  name: string;
  token: string;
}

async function org(type: 'hospital' | 'distributor', provinceCode = '11', extra: Record<string, unknown> = {}): Promise<Org> {
  const name = unique(type === 'hospital' ? '测试医院' : '测试配送企业');
  const row = await testSupport.fixture('organisation', {
    name,
    type,
    provinceCode,
    regionCode: provinceCode === '11' ? '110105' : '140105',
    ...(type === 'distributor' ? { distributionAreaCodes: provinceCode === '11' ? ['110101', '110105'] : ['140105'] } : {}),
    ...extra,
  });
  const user = await createUser(row.id);
  return { id: row.id, name, token: await loginAs(user.username, user.password) };
}

const request = (h: Org, d: Org | number) => post(`${B}/request`, { distributorOrgId: typeof d === 'number' ? d : d.id }, h.token);
const act = (who: Org | string, action: string, documentIds: string[], reason?: string) =>
  post(`${B}/${action}`, { documentIds, ...(reason !== undefined ? { reason } : {}) }, typeof who === 'string' ? who : who.token);
const one = async (who: Org | string, documentId: string) => (await get(`${B}/detail/${documentId}`, typeof who === 'string' ? who : who.token)).body.data;
const list = async (who: Org | string, query = '') => (await get(`${B}/list?pagination[pageSize]=200${query}`, typeof who === 'string' ? who : who.token)).body;

async function established(h: Org, d: Org) {
  const r = await request(h, d);
  expect(r.status).toBe(201);
  expect((await act(d, 'accept', [r.body.data.documentId])).status).toBe(200);
  return r.body.data.documentId as string;
}

async function terminating(h: Org, d: Org) {
  const doc = await established(h, d);
  expect((await act(h, 'requestRevoke', [doc], '业务调整')).status).toBe(200);
  expect((await act(d, 'acceptRevoke', [doc])).status).toBe(200);
  return doc;
}

afterAll(async () => {
  await testSupport.setClock(0);
});

describe('委托配送申请 (a hospital asks a distributor)', () => {
  it('creates a 待确认 request the distributor sees with the hospital, its region and the dates; the history records it', async () => {
    const h = await org('hospital');
    const d = await org('distributor');
    const res = await request(h, d);
    expect(res.status).toBe(201);
    expect(res.body.data).toMatchObject({
      status: 'pending',
      hospitalOrgId: h.id,
      distributorOrgId: d.id,
      provinceCode: '11',
      hospitalName: h.name,
      distributorName: d.name,
      orderable: false,
    });
    expect(res.body.data.requestedAt).toMatch(CHINA_ISO);
    expect(res.body.data.actions).toEqual(['withdraw']);

    const seen = await list(d);
    expect(seen.data).toHaveLength(1);
    expect(seen.data[0]).toMatchObject({
      documentId: res.body.data.documentId,
      status: 'pending',
      hospitalName: h.name,
      hospitalRegionName: '朝阳区',
      actions: ['accept', 'reject'],
    });
    expect(seen.meta.pagination).toMatchObject({ page: 1, total: 1 });
    expect((await get(`${B}/counts`, d.token)).body.data).toMatchObject({ pending: 1, todo: 1 });

    const hist = await get(`/api/history/hospital-relationship/${res.body.data.documentId}`, h.token);
    expect(hist.body.data.map((x: any) => x.action)).toEqual(['request']);
  });

  it('offers the distributors of the hospital’s own province with their distribution areas and whether it may ask', async () => {
    const h = await org('hospital');
    const d = await org('distributor');
    const sx = await org('distributor', '14');
    const before = (await get(`${B}/candidates?q=${encodeURIComponent(d.name)}`, h.token)).body.data;
    expect(before).toHaveLength(1);
    expect(before[0]).toMatchObject({ id: d.id, name: d.name, canRequest: true, currentStatus: null });
    expect(before[0].areas.map((a: any) => a.name)).toEqual(['东城区', '朝阳区']);
    expect((await get(`${B}/candidates?q=${encodeURIComponent(sx.name)}`, h.token)).body.data).toHaveLength(0);
    await request(h, d);
    const after = (await get(`${B}/candidates?q=${encodeURIComponent(d.name)}`, h.token)).body.data;
    expect(after[0]).toMatchObject({ canRequest: false, currentStatus: 'pending' });
    expect((await get(`${B}/candidates`, d.token)).status).toBe(403);
  });

  it('refuses a second request for the same pair while one is pending, and changes nothing', async () => {
    const h = await org('hospital');
    const d = await org('distributor');
    expect((await request(h, d)).status).toBe(201);
    const again = await request(h, d);
    expect(again.status).toBe(409);
    expect(again.body.error.details.code).toBe('RELATIONSHIP_EXISTS');
    expect(again.body.error.message).toContain('待确认');
    expect((await list(h)).data).toHaveLength(1);
  });

  it('refuses a request while the pair is 已建立 or 解约中', async () => {
    const h = await org('hospital');
    const d = await org('distributor');
    const doc = await established(h, d);
    expect((await request(h, d)).body.error.details.code).toBe('RELATIONSHIP_EXISTS');
    await act(h, 'requestRevoke', [doc]);
    expect((await request(h, d)).status).toBe(409);
    await act(d, 'acceptRevoke', [doc]);
    const r = await request(h, d);
    expect(r.status).toBe(409);
    expect(r.body.error.message).toContain('解约中');
    expect((await list(h)).data).toHaveLength(1);
  });

  it('refuses other roles, other provinces, non-distributors and bad input', async () => {
    const h = await org('hospital');
    const d = await org('distributor');
    const sx = await org('distributor', '14');
    const h2 = await org('hospital');
    for (const u of ['bjDist1', 'bjBureau', 'admin', 'weigao'] as const) {
      const r = await post(`${B}/request`, { distributorOrgId: d.id }, await loginAs(u));
      expect(r.status, u).toBe(403);
    }
    const other = await request(h, sx);
    expect(other.status).toBe(409);
    expect(other.body.error.details.code).toBe('DISTRIBUTOR_OTHER_PROVINCE');
    const notDist = await request(h, h2.id);
    expect(notDist.status).toBe(404);
    expect(notDist.body.error.details.code).toBe('DISTRIBUTOR_NOT_FOUND');
    for (const body of [{}, { distributorOrgId: 'abc' }, { distributorOrgId: -1 }]) {
      const bad = await post(`${B}/request`, body, h.token);
      expect(bad.status).toBe(400);
      expect(bad.body.error.details.field).toBe('distributorOrgId');
      expect(bad.body.error.message).toMatch(/[\u4e00-\u9fa5]/);
    }
    expect((await post(`${B}/request`, { distributorOrgId: d.id })).status).toBe(403);
    expect((await list(d)).data).toHaveLength(0);
    expect((await list(h)).data).toHaveLength(0);
  });

  it('refuses a disabled distributor', async () => {
    const h = await org('hospital');
    const d = await testSupport.fixture('organisation', { name: unique('停用配送'), type: 'distributor', provinceCode: '11', enabled: false });
    const r = await request(h, d.id);
    expect(r.status).toBe(409);
    expect(r.body.error.details.code).toBe('DISTRIBUTOR_DISABLED');
  });
});

describe('接受委托 / 拒绝委托', () => {
  it('the addressed distributor accepts: 已建立, the hospital may order from it now', async () => {
    const h = await org('hospital');
    const d = await org('distributor');
    const doc = (await request(h, d)).body.data.documentId;
    const res = await act(d, 'accept', [doc]);
    expect(res.status).toBe(200);
    expect(res.body.data).toEqual({ updated: 1, status: 'established' });
    const row = await one(h, doc);
    expect(row).toMatchObject({ status: 'established', orderable: true });
    expect(row.respondedAt).toBeTruthy();
    expect((await get(`${B}/orderable`, h.token)).body.data).toEqual([d.id]);
    expect((await get(`${B}/orderable?distributorOrgId=${d.id}`, h.token)).body.data).toEqual({ distributorOrgId: d.id, mayOrder: true });
    expect((await get(`${B}/list?orderable=true`, h.token)).body.data.map((r: any) => r.documentId)).toEqual([doc]);
  });

  it('rejecting needs a reason; with one it reads 已拒绝 and the reason is kept', async () => {
    const h = await org('hospital');
    const d = await org('distributor');
    const doc = (await request(h, d)).body.data.documentId;
    for (const reason of [undefined, '', '   ']) {
      const r = await act(d, 'reject', [doc], reason);
      expect(r.status).toBe(400);
      expect(r.body.error.details).toMatchObject({ code: 'REASON_REQUIRED', field: 'reason' });
    }
    expect((await act(d, 'reject', [doc], 'x'.repeat(501))).status).toBe(400);
    expect((await one(h, doc)).status).toBe('pending');
    expect((await act(d, 'reject', [doc], '不在配送区域')).status).toBe(200);
    expect(await one(h, doc)).toMatchObject({ status: 'rejected', reason: '不在配送区域', orderable: false });
    const o = await get(`${B}/orderable?distributorOrgId=${d.id}`, h.token);
    expect(o.status).toBe(409);
    expect(o.body.error.details.code).toBe('RELATIONSHIP_NOT_ORDERABLE');
  });

  it('only the addressed distributor answers: another distributor gets 404, the hospital 403, nothing changes', async () => {
    const h = await org('hospital');
    const d = await org('distributor');
    const d2 = await org('distributor');
    const doc = (await request(h, d)).body.data.documentId;
    const r1 = await act(d2, 'accept', [doc]);
    expect(r1.status).toBe(404);
    const r2 = await act(h, 'accept', [doc]);
    expect(r2.status).toBe(403);
    expect(r2.body.error.details.code).toBe('ROLE_NOT_ALLOWED');
    for (const u of ['bjBureau', 'admin', 'weigao'] as const) expect((await act(await loginAs(u), 'accept', [doc])).status, u).toBe(403);
    expect((await one(h, doc)).status).toBe('pending');
    expect((await get(`/api/history/hospital-relationship/${doc}`, h.token)).body.data).toHaveLength(1);
  });

  it('answers only from 待确认: accepting twice or rejecting an accepted one is refused', async () => {
    const h = await org('hospital');
    const d = await org('distributor');
    const doc = await established(h, d);
    const again = await act(d, 'accept', [doc]);
    expect(again.status).toBe(409);
    expect(again.body.error.details.code).toBe('INVALID_STATE');
    expect(again.body.error.message).toContain('已建立');
    expect((await act(d, 'reject', [doc], '理由')).status).toBe(409);
    expect((await one(d, doc)).status).toBe('established');
  });

  it('accepts all ticked requests at once; a batch with one wrong row changes none', async () => {
    const d = await org('distributor');
    const hs = [await org('hospital'), await org('hospital'), await org('hospital')];
    const docs = [];
    for (const h of hs) docs.push((await request(h, d)).body.data.documentId);
    await act(d, 'reject', [docs[2]], '暂不承接');
    const bad = await act(d, 'accept', docs);
    expect(bad.status).toBe(409);
    expect(bad.body.error.details.info).toMatchObject({ documentId: docs[2], status: 'rejected' });
    expect((await list(d, '&status=pending')).data).toHaveLength(2);
    const ok = await act(d, 'accept', docs.slice(0, 2));
    expect(ok.body.data.updated).toBe(2);
    expect((await list(d, '&status=established')).data.map((r: any) => r.documentId).sort()).toEqual(docs.slice(0, 2).sort());
    expect((await act(d, 'accept', [])).status).toBe(400);
    expect((await post(`${B}/accept`, { documentIds: 'x' }, d.token)).status).toBe(400);
  });

  it('rejects all ticked requests with one reason', async () => {
    const d = await org('distributor');
    const h1 = await org('hospital');
    const h2 = await org('hospital');
    const docs = [(await request(h1, d)).body.data.documentId, (await request(h2, d)).body.data.documentId];
    expect((await act(d, 'reject', docs, '配送能力不足')).body.data.updated).toBe(2);
    const rows = (await list(d)).data;
    expect(rows.map((r: any) => [r.status, r.reason])).toEqual([
      ['rejected', '配送能力不足'],
      ['rejected', '配送能力不足'],
    ]);
  });

  it('a hospital with a 已拒绝 or 已撤回 relationship may ask again', async () => {
    const h = await org('hospital');
    const d = await org('distributor');
    const first = (await request(h, d)).body.data.documentId;
    await act(d, 'reject', [first], '资料不全');
    const second = await request(h, d);
    expect(second.status).toBe(201);
    await act(h, 'withdraw', [second.body.data.documentId]);
    expect((await request(h, d)).status).toBe(201);
  });
});

describe('撤回申请 (the hospital withdraws a request still 待确认)', () => {
  it('withdraws its own pending request; not an accepted one; nobody else may', async () => {
    const h = await org('hospital');
    const h2 = await org('hospital');
    const d = await org('distributor');
    const doc = (await request(h, d)).body.data.documentId;
    expect((await act(d, 'withdraw', [doc])).status).toBe(403);
    expect((await act(h2, 'withdraw', [doc])).status).toBe(404);
    expect((await one(h, doc)).status).toBe('pending');
    const res = await post(`${B}/${doc}/withdraw`, {}, h.token);
    expect(res.status).toBe(200);
    expect(res.body.data.status).toBe('withdrawn');
    expect((await act(d, 'accept', [doc])).status).toBe(409);

    const doc2 = await established(h, d);
    const w = await act(h, 'withdraw', [doc2]);
    expect(w.status).toBe(409);
    expect((await one(h, doc2)).status).toBe('established');
  });
});

describe('撤销 and 解约中', () => {
  it('the hospital asks to revoke an established relationship; the distributor refuses (reason required): 已建立 again', async () => {
    const h = await org('hospital');
    const d = await org('distributor');
    const pending = (await request(h, d)).body.data.documentId;
    expect((await act(h, 'requestRevoke', [pending])).status).toBe(409);
    await act(d, 'accept', [pending]);
    expect((await act(d, 'requestRevoke', [pending])).status).toBe(403);
    const rv = await act(h, 'requestRevoke', [pending], '改由其他企业配送');
    expect(rv.status).toBe(200);
    const row = await one(d, pending);
    expect(row).toMatchObject({ status: 'revoking', revokeReason: '改由其他企业配送', orderable: true });
    expect(row.revokeRequestedAt).toBeTruthy();
    expect((await get(`${B}/counts`, d.token)).body.data).toMatchObject({ revoking: 1, todo: 1 });
    expect((await act(h, 'requestRevoke', [pending])).status).toBe(409);

    const noReason = await act(d, 'refuseRevoke', [pending]);
    expect(noReason.status).toBe(400);
    expect(noReason.body.error.details.code).toBe('REASON_REQUIRED');
    expect((await act(h, 'refuseRevoke', [pending], '理由')).status).toBe(403);
    expect((await act(d, 'refuseRevoke', [pending], '合同期内不同意撤销')).status).toBe(200);
    expect(await one(h, pending)).toMatchObject({ status: 'established', orderable: true, terminatingSince: null });
    expect((await act(d, 'acceptRevoke', [pending])).status).toBe(409);
  });

  it('accepting a revocation puts the pair in 解约中 for 30 days: end date, days left, no new orders', async () => {
    const h = await org('hospital');
    const d = await org('distributor');
    const doc = await terminating(h, d);
    const row = await one(h, doc);
    expect(row).toMatchObject({ status: 'terminating', daysLeft: 30, orderable: false, actions: [] });
    expect(row.terminatingSince).toMatch(CHINA_ISO);
    expect(row.terminationEndsAt).toMatch(CHINA_ISO);
    expect(new Date(row.terminationEndsAt).getTime() - new Date(row.terminatingSince).getTime()).toBe(30 * DAY);
    expect((await get(`${B}/orderable`, h.token)).body.data).toEqual([]);
    const o = await get(`${B}/orderable?distributorOrgId=${d.id}`, h.token);
    expect(o.status).toBe(409);
    expect(o.body.error).toMatchObject({ message: '与该配送企业的配送关系解约中，不能发出新订单', details: { code: 'RELATIONSHIP_NOT_ORDERABLE' } });
    const hist = (await get(`/api/history/hospital-relationship/${doc}`, d.token)).body.data;
    expect(hist.map((x: any) => `${x.action}:${x.fromState ?? ''}>${x.toState}`)).toEqual([
      'request:>pending',
      'accept:pending>established',
      'requestRevoke:established>revoking',
      'acceptRevoke:revoking>terminating',
    ]);
  });

  it('only the addressed distributor accepts a revocation', async () => {
    const h = await org('hospital');
    const d = await org('distributor');
    const d2 = await org('distributor');
    const doc = await established(h, d);
    await act(h, 'requestRevoke', [doc]);
    expect((await act(d2, 'acceptRevoke', [doc])).status).toBe(404);
    expect((await act(h, 'acceptRevoke', [doc])).status).toBe(403);
    expect((await one(h, doc)).status).toBe('revoking');
  });
});

describe('the 30-day clock (server-side now moved by tests)', () => {
  let h: Org;
  let d: Org;
  let doc: string;
  beforeAll(async () => {
    await testSupport.setClock(0);
    h = await org('hospital');
    d = await org('distributor');
    doc = await terminating(h, d);
  });
  afterAll(async () => {
    await testSupport.setClock(0);
  });

  it('day 29: still 解约中 in the record, the list, the filters, the counts and the generic API; 1 day left', async () => {
    await testSupport.setClock(29 * DAY);
    expect(await one(h, doc)).toMatchObject({ status: 'terminating', daysLeft: 1, orderable: false });
    expect((await list(d, '&status=terminating')).data.map((r: any) => r.documentId)).toEqual([doc]);
    expect((await list(d, '&status=terminated')).data).toHaveLength(0);
    expect((await get(`${B}/counts`, d.token)).body.data.byStatus).toMatchObject({ terminating: 1, terminated: 0 });
    expect((await get(`${B}/${doc}`, h.token)).body.data.status).toBe('terminating');
    const generic = (f: string) => get(`${B}?filters[hospitalOrgId][$eq]=${h.id}&${f}`, h.token).then((r) => r.body.data.map((x: any) => x.status));
    expect(await generic('filters[status][$eq]=terminating')).toEqual(['terminating']);
    expect(await generic('filters[status][$eq]=terminated')).toEqual([]);
    const again = await request(h, d);
    expect(again.status).toBe(409);
  });

  it('day 30: 已解除 everywhere without any job having run; the hospital may ask again', async () => {
    await testSupport.setClock(30 * DAY + 1000);
    const row = await one(h, doc);
    expect(row).toMatchObject({ status: 'terminated', storedStatus: 'terminating', daysLeft: null, orderable: false });
    expect(row.terminationEndsAt).toBeTruthy();
    expect((await list(d, '&status=terminated')).data.map((r: any) => r.documentId)).toEqual([doc]);
    expect((await list(d, '&status=terminating')).data).toHaveLength(0);
    expect((await list(h, '&status=terminated,established')).data).toHaveLength(1);
    expect((await get(`${B}/counts`, d.token)).body.data.byStatus).toMatchObject({ terminating: 0, terminated: 1 });
    expect((await get(`${B}/${doc}`, h.token)).body.data.status).toBe('terminated');
    expect((await get(`${B}?filters[documentId][$eq]=${doc}`, h.token)).body.data[0].status).toBe('terminated');
    // Strapi's generic filters on status mean the effective status too.
    const generic = (f: string) => get(`${B}?filters[hospitalOrgId][$eq]=${h.id}&${f}`, h.token).then((r) => r.body.data.map((x: any) => x.status));
    expect(await generic('filters[status][$eq]=terminated')).toEqual(['terminated']);
    expect(await generic('filters[status][$eq]=terminating')).toEqual([]);
    expect(await generic('filters[status][$in][0]=terminating&filters[status][$in][1]=terminated')).toEqual(['terminated']);
    expect(await generic('filters[status][$ne]=terminated')).toEqual([]);
    expect(await generic('filters[$or][0][status][$eq]=terminated&filters[$or][1][id][$eq]=-1')).toEqual(['terminated']);
    const o = await get(`${B}/orderable?distributorOrgId=${d.id}`, h.token);
    expect(o.body.error.message).toBe('与该配送企业的配送关系已解除，不能发出新订单');
    // A terminated relationship accepts no transition.
    expect((await act(h, 'requestRevoke', [doc])).status).toBe(409);

    const again = await request(h, d);
    expect(again.status).toBe(201);
    expect((await act(d, 'accept', [again.body.data.documentId])).status).toBe(200);
    expect((await get(`${B}/orderable`, h.token)).body.data).toEqual([d.id]);
  });

  it('the optional hourly job stores 已解除 and records “expire”; reads are unchanged by it', async () => {
    const h2 = await org('hospital');
    const d2 = await org('distributor');
    await testSupport.setClock(0);
    const doc2 = await terminating(h2, d2);
    await testSupport.setClock(30 * DAY + 1000);
    const before = await one(d2, doc2);
    const run = await post('/api/test/hospital-relationships/expire', {});
    expect(run.status).toBe(200);
    expect(run.body.expired).toBeGreaterThanOrEqual(1);
    const after = await one(d2, doc2);
    expect(after).toMatchObject({ status: 'terminated', storedStatus: 'terminated', terminationEndsAt: before.terminationEndsAt });
    const hist = (await get(`/api/history/hospital-relationship/${doc2}`, h2.token)).body.data;
    expect(hist.at(-1)).toMatchObject({ action: 'expire', fromState: 'terminating', toState: 'terminated', actorName: '系统' });
  });
});

describe('who reads what', () => {
  it('the bureau reads its province’s relationships, read only; another province’s bureau and strangers do not', async () => {
    const h = await org('hospital');
    const d = await org('distributor');
    const doc = (await request(h, d)).body.data.documentId;
    const bj = await loginAs('bjBureau');
    const rows = (await get(`${B}/list?hospitalOrgId=${h.id}`, bj)).body.data;
    expect(rows.map((r: any) => r.documentId)).toEqual([doc]);
    expect((await get(`${B}/detail/${doc}`, bj)).status).toBe(200);
    expect((await act(bj, 'accept', [doc])).status).toBe(403);
    expect((await act(bj, 'withdraw', [doc])).status).toBe(403);
    expect((await put(`${B}/${doc}`, { data: { status: 'established' } }, bj)).status).toBe(405);
    expect((await del(`${B}/${doc}`, bj)).status).toBe(405);

    const sx = await loginAs('sxBureau');
    expect((await get(`${B}/list?hospitalOrgId=${h.id}`, sx)).body.data).toHaveLength(0);
    expect((await get(`${B}/detail/${doc}`, sx)).status).toBe(404);
    const stranger = await org('distributor');
    expect((await list(stranger)).data).toHaveLength(0);
    expect((await get(`${B}/detail/${doc}`, stranger.token)).status).toBe(404);
    expect((await get(`${B}/list`, await loginAs('weigao'))).status).toBe(403);
    expect((await one(h, doc)).status).toBe('pending');
  });

  it('the list filters, searches, sorts and pages; bad parameters answer 400 in Chinese', async () => {
    const d = await org('distributor');
    const hs = [await org('hospital'), await org('hospital'), await org('hospital')];
    for (const h of hs) await request(h, d);
    const paged = (await get(`${B}/list?pagination[page]=2&pagination[pageSize]=2&sort=createdAt:asc`, d.token)).body;
    expect(paged.meta.pagination).toEqual({ page: 2, pageSize: 2, pageCount: 2, total: 3 });
    expect(paged.data[0].hospitalName).toBe(hs[2].name);
    const q = (await get(`${B}/list?q=${encodeURIComponent(hs[1].name)}`, d.token)).body.data;
    expect(q.map((r: any) => r.hospitalName)).toEqual([hs[1].name]);
    const pct = (await get(`${B}/list?q=%25`, d.token)).body.data;
    expect(pct).toHaveLength(0);
    const bad = await get(`${B}/list?status=bogus`, d.token);
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toBe('状态筛选值无效');
    expect((await get(`${B}/list?sort=id;drop`, d.token)).status).toBe(400);
  });

  it.each([
    'status=pending,bogus',
    'sort=password:asc',
    'sort=createdAt:sideways',
    'hospitalOrgId=abc',
    'distributorOrgId=-1',
    'orderable=maybe',
    'pagination[page]=0',
    'pagination[pageSize]=x',
    `q=${'x'.repeat(101)}`,
  ])('answers 400 (never 500) to a bad list or export parameter: %s', async (query) => {
    const token = await loginAs('bjBureau');
    expect((await get(`${B}/list?${query}`, token)).status).toBe(400);
    if (!query.startsWith('pagination')) expect((await get(`${B}/export?${query}`, token)).status).toBe(400);
  });

  it("every list row carries the actions of the caller's side: established → the hospital may ask to revoke, revoking → the distributor answers", async () => {
    const h = await org('hospital');
    const d = await org('distributor');
    const doc = await established(h, d);
    expect((await list(h)).data.find((r: any) => r.documentId === doc).actions).toEqual(['requestRevoke']);
    expect((await list(d)).data.find((r: any) => r.documentId === doc).actions).toEqual([]);
    expect((await act(h, 'requestRevoke', [doc])).status).toBe(200);
    expect((await list(h)).data.find((r: any) => r.documentId === doc).actions).toEqual([]);
    expect((await list(d)).data.find((r: any) => r.documentId === doc).actions).toEqual(['acceptRevoke', 'refuseRevoke']);
    const bureau = (await get(`${B}/list?hospitalOrgId=${h.id}`, await loginAs('bjBureau'))).body.data;
    expect(bureau.map((r: any) => r.actions)).toEqual([[]]);
  });

  it('exports the filtered list as .xlsx with Chinese headers and labels', async () => {
    const d = await org('distributor');
    const h1 = await org('hospital');
    const h2 = await org('hospital');
    const doc = await established(h1, d);
    await request(h2, d);
    const { header, rows } = await downloadWorkbook(`${B}/export?status=established`, d.token);
    expect(header.slice(0, 5)).toEqual(['医疗机构', '所在地区', '配送企业', '配送区域', '状态']);
    const [, , , , status, since, , , , , , orderable] = header;
    expect(rows.map((r) => [r['医疗机构'], r[status!], r[orderable!]])).toEqual([[h1.name, '已建立', '是']]);
    expect(rows[0]![since!]).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);
    // the search filters the export as it filters the list
    const found = await downloadWorkbook(`${B}/export?q=${encodeURIComponent(h2.name)}`, d.token);
    expect(found.sheetName).toBe('医院配送关系');
    expect(found.rows.map((r) => [r['医疗机构'], r['状态']])).toEqual([[h2.name, '待确认']]);
    expect(doc).toBeTruthy();
    expect((await get(`${B}/export`, await loginAs('weigao'))).status).toBe(403);
  });

  it('under concurrency: two requests for one pair make one relationship; two answers to one request, one wins', async () => {
    const h = await org('hospital');
    const d = await org('distributor');
    const reqs = await Promise.all([request(h, d), request(h, d), request(h, d)]);
    expect(reqs.map((r) => r.status).sort()).toEqual([201, 409, 409]);
    expect((await list(h)).data).toHaveLength(1);
    const doc = reqs.find((r) => r.status === 201)!.body.data.documentId;
    const answers = await Promise.all([act(d, 'accept', [doc]), act(d, 'reject', [doc], '并发'), act(d, 'accept', [doc])]);
    expect(answers.map((r) => r.status).sort()).toEqual([200, 409, 409]);
    const hist = (await get(`/api/history/hospital-relationship/${doc}`, h.token)).body.data;
    expect(hist).toHaveLength(2);
  });
});

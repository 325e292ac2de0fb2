import { beforeAll, describe, expect, it } from 'vitest';
import { get, loginAs, post } from '../support/client';
import { downloadWorkbook } from '../support/xlsx';
import { history, loadOrgs, orgs, product, products } from './support';

/** 生产配送关系 and 下级配送链: every rule and every refusal at the API. */
beforeAll(loadOrgs);

const as = async (user: string) => loginAs(user);
const CHINA_ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}\+08:00$/;
const create = async (user: string, data: Record<string, unknown>) => post('/api/delegations/create', data, await as(user));
const respond = async (user: string, data: Record<string, unknown>) => post('/api/delegations/respond', data, await as(user));
const detail = async (user: string, id: string) => await get(`/api/delegations/${id}/detail`, await as(user));

/** A pending level-1 delegation of n fresh weigao products to `dist` in Beijing. */
async function delegation(n = 2, dist = 'bjDist1', province = '11') {
  const ps = await products(orgs.weigao, n);
  const res = await create('weigao', { distributorOrgId: orgs[dist], provinceCode: province, productIds: ps.map((p) => p.documentId) });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return { d: res.body.data, ps };
}

describe('a manufacturer creates a delegation', () => {
  it('creates a pending delegation of its own products, with its history', async () => {
    const { d, ps } = await delegation(3);
    expect(d).toMatchObject({
      status: 'pending',
      level: 1,
      productCount: 3,
      provinceCode: '11',
      provinceName: '北京市',
      distributorOrgId: orgs.bjDist1,
      manufacturerOrgId: orgs.weigao,
    });
    expect(d.distributorName).toBe('国药控股北京有限公司');
    const items = await get(`/api/delegations/${d.documentId}/products`, await as('bjDist1'));
    expect(items.body.data.map((p: any) => p.documentId).sort()).toEqual(ps.map((p) => p.documentId).sort());
    const hist = await history('weigao', d.documentId);
    expect(hist.map((h) => [h.action, h.fromState, h.toState])).toEqual([['create', null, 'pending']]);
    expect(hist[0]!.at).toMatch(CHINA_ISO);
    expect(d.createdAt).toMatch(CHINA_ISO);
  });

  it("refuses another manufacturer's product and changes nothing", async () => {
    const mine = await product(orgs.weigao);
    const theirs = await product(orgs.chunli);
    const res = await create('weigao', { distributorOrgId: orgs.bjDist2, provinceCode: '11', productIds: [mine.documentId, theirs.documentId] });
    expect(res.status).toBe(403);
    expect(res.body.error.details.code).toBe('PRODUCT_NOT_OWN');
    const list = await get(`/api/delegated-products?q=${mine.code}`, await as('bjDist2'));
    expect(list.body.meta.pagination.total).toBe(0);
    const all = await get(`/api/delegation-list?box=incoming&status=pending&pagination[pageSize]=200`, await as('bjDist2'));
    expect(all.body.data.every((d: any) => d.productCount !== 2 || d.manufacturerOrgId !== orgs.weigao || Date.parse(d.createdAt) < Date.now() - 60_000)).toBe(
      true,
    );
  });

  it('refuses unlisted products, unknown products, a non-distributor, a bad province, an empty set, other roles', async () => {
    const unlisted = await product(orgs.weigao, { listed: false });
    const p = await product(orgs.weigao);
    const cases: Array<[string, Record<string, unknown>, number, string]> = [
      ['weigao', { distributorOrgId: orgs.bjDist1, provinceCode: '11', productIds: [unlisted.documentId] }, 409, 'PRODUCT_NOT_LISTED'],
      ['weigao', { distributorOrgId: orgs.bjDist1, provinceCode: '11', productIds: ['nope'] }, 400, 'PRODUCT_NOT_FOUND'],
      ['weigao', { distributorOrgId: orgs.jst, provinceCode: '11', productIds: [p.documentId] }, 400, 'DISTRIBUTOR_INVALID'],
      ['weigao', { distributorOrgId: orgs.bjDist1, provinceCode: '99', productIds: [p.documentId] }, 400, 'PROVINCE_INVALID'],
      ['weigao', { distributorOrgId: orgs.bjDist1, provinceCode: '11', productIds: [] }, 400, 'VALIDATION_FAILED'],
      ['weigao', { distributorOrgId: orgs.bjDist1, provinceCode: '11', productIds: [p.documentId], extra: 1 }, 400, 'VALIDATION_FAILED'],
      ['bjDist1', { distributorOrgId: orgs.bjDist2, provinceCode: '11', productIds: [p.documentId] }, 403, 'ROLE_NOT_ALLOWED'],
      ['bjBureau', { distributorOrgId: orgs.bjDist2, provinceCode: '11', productIds: [p.documentId] }, 403, 'ROLE_NOT_ALLOWED'],
    ];
    for (const [user, body, status, code] of cases) {
      const res = await create(user, body);
      expect(res.status, `${user} ${JSON.stringify(body)} → ${JSON.stringify(res.body)}`).toBe(status);
      expect(res.body.error.details.code).toBe(code);
    }
    const hosp = await create('jst', { distributorOrgId: orgs.bjDist2, provinceCode: '11', productIds: [p.documentId] });
    expect(hosp.status).toBe(403);
    // nothing was created for p
    const again = await create('weigao', { distributorOrgId: orgs.bjDist3, provinceCode: '11', productIds: [p.documentId] });
    expect(again.status).toBe(200);
    expect(again.body.data.productCount).toBe(1);
  });

  it('refuses to delegate a product already pending or accepted with the same distributor and province', async () => {
    const { ps } = await delegation(1, 'bjDist2');
    const res = await create('weigao', { distributorOrgId: orgs.bjDist2, provinceCode: '11', productIds: [ps[0]!.documentId] });
    expect(res.status).toBe(409);
    expect(res.body.error.details.code).toBe('PRODUCT_ALREADY_DELEGATED');
    // another province is fine, with a distributor issued there
    expect((await create('weigao', { distributorOrgId: orgs.sxDist1, provinceCode: '14', productIds: [ps[0]!.documentId] })).status).toBe(200);
  });

  it('the manufacturer withdraws a pending one; not twice, not someone else', async () => {
    const { d } = await delegation(1);
    expect((await post(`/api/delegations/${d.documentId}/withdraw`, {}, await as('chunli'))).status).toBe(404);
    const byDist = await post(`/api/delegations/${d.documentId}/withdraw`, {}, await as('bjDist1'));
    expect(byDist.status).toBe(403);
    expect(byDist.body.error.details.code).toBe('NOT_DELEGATOR');
    const ok = await post(`/api/delegations/${d.documentId}/withdraw`, {}, await as('weigao'));
    expect(ok.status).toBe(200);
    expect(ok.body.data.status).toBe('withdrawn');
    const again = await post(`/api/delegations/${d.documentId}/withdraw`, {}, await as('weigao'));
    expect(again.status).toBe(409);
    expect(again.body.error.details.code).toBe('INVALID_TRANSITION');
    expect((await respond('bjDist1', { action: 'accept', ids: [d.documentId] })).status).toBe(409);
    expect((await history('weigao', d.documentId)).map((h) => h.action)).toEqual(['create', 'withdraw']);
  });
});

describe('the distributor answers', () => {
  it('accepts two at once; the products join its 配送产品目录; both land in the history', async () => {
    const a = await delegation(2);
    const b = await delegation(1);
    const res = await respond('bjDist1', { action: 'accept', ids: [a.d.documentId, b.d.documentId] });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.data.map((d: any) => d.status)).toEqual(['accepted', 'accepted']);
    expect(res.body.data[0].respondedAt).toMatch(CHINA_ISO);
    const cat = await get(`/api/delegated-products?delegationId=${a.d.documentId}`, await as('bjDist1'));
    expect(cat.body.meta.pagination.total).toBe(2);
    expect(cat.body.data[0]).toMatchObject({ manufacturerName: '山东威高骨科材料股份有限公司', provinceName: '北京市', level: 1 });
    expect((await history('bjDist1', b.d.documentId)).map((h) => [h.action, h.toState])).toEqual([
      ['create', 'pending'],
      ['accept', 'accepted'],
    ]);
  });

  it('rejects with a reason that the manufacturer sees; a reason is required', async () => {
    const { d } = await delegation(1);
    const noReason = await respond('bjDist1', { action: 'reject', ids: [d.documentId], reason: '  ' });
    expect(noReason.status).toBe(400);
    expect(noReason.body.error.details).toMatchObject({ code: 'REASON_REQUIRED', field: 'reason' });
    expect((await detail('weigao', d.documentId)).body.data.status).toBe('pending');
    const ok = await respond('bjDist1', { action: 'reject', ids: [d.documentId], reason: '本省暂无配送能力' });
    expect(ok.status).toBe(200);
    const seen = await detail('weigao', d.documentId);
    expect(seen.body.data).toMatchObject({ status: 'rejected', reason: '本省暂无配送能力' });
    const h = await history('weigao', d.documentId);
    expect(h[1]).toMatchObject({ action: 'reject', fromState: 'pending', toState: 'rejected', reason: '本省暂无配送能力' });
  });

  it('answers only from 待确认', async () => {
    const { d } = await delegation(1);
    expect((await respond('bjDist1', { action: 'accept', ids: [d.documentId] })).status).toBe(200);
    for (const action of ['accept', 'reject']) {
      const res = await respond('bjDist1', { action, ids: [d.documentId], reason: 'x' });
      expect(res.status).toBe(409);
      expect(res.body.error.details.code).toBe('INVALID_TRANSITION');
    }
    expect((await detail('bjDist1', d.documentId)).body.data.status).toBe('accepted');
  });

  it('only the addressed distributor answers (others: 404; manufacturer, bureau, hospital: 403)', async () => {
    const { d } = await delegation(1);
    const other = await respond('bjDist2', { action: 'accept', ids: [d.documentId] });
    expect(other.status).toBe(404);
    for (const u of ['weigao', 'bjBureau', 'jst']) expect((await respond(u, { action: 'accept', ids: [d.documentId] })).status).toBe(403);
    expect((await detail('bjDist1', d.documentId)).body.data.status).toBe('pending');
  });

  it('a batch is all or nothing and names the failing rows', async () => {
    const a = await delegation(1);
    const b = await delegation(1);
    expect((await respond('bjDist1', { action: 'accept', ids: [b.d.documentId] })).status).toBe(200);
    const foreign = await delegation(1, 'bjDist2');
    const res = await respond('bjDist1', { action: 'accept', ids: [a.d.documentId, b.d.documentId, foreign.d.documentId] });
    expect(res.status).toBe(409);
    expect(res.body.error.details.code).toBe('BATCH_REFUSED');
    const failing = res.body.error.details.info.rows.map((r: any) => r.documentId).sort();
    expect(failing).toEqual([b.d.documentId, foreign.d.documentId].sort());
    expect(res.body.error.message).toContain(b.d.documentId);
    expect((await detail('bjDist1', a.d.documentId)).body.data.status).toBe('pending');
    expect((await history('bjDist1', a.d.documentId)).length).toBe(1);
  });

  it('two answers at once: exactly one wins, one history entry', async () => {
    const { d } = await delegation(1);
    const [a, b] = await Promise.all([
      respond('bjDist1', { action: 'accept', ids: [d.documentId] }),
      respond('bjDist1', { action: 'reject', ids: [d.documentId], reason: '并发' }),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    const h = await history('bjDist1', d.documentId);
    expect(h.length).toBe(2);
    expect((await detail('bjDist1', d.documentId)).body.data.status).toBe(h[1]!.toState);
  });

  it('lists with filters, product counts and the row actions', async () => {
    const { d } = await delegation(2);
    const jwt = await as('bjDist1');
    const res = await get('/api/delegation-list?status=pending&box=incoming&pagination[pageSize]=200', jwt);
    expect(res.status).toBe(200);
    const row = res.body.data.find((r: any) => r.documentId === d.documentId);
    expect(row).toMatchObject({
      productCount: 2,
      manufacturerName: '山东威高骨科材料股份有限公司',
      actions: ['accept', 'reject'],
    });
    expect(row.createdAt).toMatch(CHINA_ISO);
    expect(res.body.data.every((r: any) => r.status === 'pending' && r.distributorOrgId === orgs.bjDist1)).toBe(true);
    expect((await get('/api/delegation-list', await as('jst'))).status).toBe(403);
    // the delegator's side of the same row
    expect((await detail('weigao', d.documentId)).body.data.actions).toEqual(['withdraw']);
  });

  it.each([
    'status=bogus',
    'status=pending,bogus',
    'level=3',
    'box=sideways',
    'provinceCode=1',
    'sort=password:asc',
    'sort=createdAt:up',
    'pagination[page]=0',
    'pagination[pageSize]=abc',
    `q=${'x'.repeat(101)}`,
    'unknown=1',
  ])('answers 400 (never 500) to a bad list parameter: %s', async (query) => {
    const res = await get(`/api/delegation-list?${query}`, await as('bjDist1'));
    expect(res.status).toBe(400);
  });

  it('filters on several statuses at once and sorts by a named field', async () => {
    const res = await get('/api/delegation-list?status=pending,accepted&sort=productCount:asc&pagination[pageSize]=200', await as('bjDist1'));
    expect(res.status).toBe(200);
    expect(res.body.data.every((r: any) => r.status === 'pending' || r.status === 'accepted')).toBe(true);
    const counts = res.body.data.map((r: any) => r.productCount);
    expect(counts).toEqual([...counts].sort((a: number, b: number) => a - b));
  });

  it('a bureau reads every delegation of its province, read only; another bureau sees none of them', async () => {
    const { d } = await delegation(1);
    const bj = await get('/api/delegation-list?pagination[pageSize]=200', await as('bjBureau'));
    const row = bj.body.data.find((r: any) => r.documentId === d.documentId);
    expect(row.actions).toEqual([]);
    expect(bj.body.data.every((r: any) => r.provinceCode === '11')).toBe(true);
    expect((await detail('sxBureau', d.documentId)).status).toBe(404);
    expect((await get(`/api/delegations/${d.documentId}/products`, await as('sxBureau'))).status).toBe(404);
  });
});

describe('下级配送链', () => {
  async function accepted(n = 3) {
    const x = await delegation(n);
    expect((await respond('bjDist1', { action: 'accept', ids: [x.d.documentId] })).status).toBe(200);
    return x;
  }
  const sub = async (user: string, id: string, data: Record<string, unknown>) => post(`/api/delegations/${id}/sub-delegate`, data, await as(user));

  it('delegates a subset on to one other distributor, who accepts; the primary sees the answer', async () => {
    const { d, ps } = await accepted(3);
    const res = await sub('bjDist1', d.documentId, { distributorOrgId: orgs.bjDist2, productIds: [ps[0]!.documentId, ps[1]!.documentId] });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const s = res.body.data;
    expect(s).toMatchObject({
      level: 2,
      status: 'pending',
      productCount: 2,
      provinceCode: '11',
      manufacturerOrgId: orgs.weigao,
      delegatorOrgId: orgs.bjDist1,
      distributorOrgId: orgs.bjDist2,
      parentDocumentId: d.documentId,
    });
    // the parent no longer offers 下级配送 while this one is active
    expect((await detail('bjDist1', d.documentId)).body.data.actions).toEqual([]);
    // the sub-distributor accepts
    expect((await respond('bjDist2', { action: 'accept', ids: [s.documentId] })).status).toBe(200);
    const out = await get('/api/delegation-list?box=outgoing&pagination[pageSize]=200', await as('bjDist1'));
    expect(out.body.data.find((r: any) => r.documentId === s.documentId).status).toBe('accepted');
    // the manufacturer sees it too, and the product is delegated to both
    expect((await detail('weigao', s.documentId)).body.data.status).toBe('accepted');
    const cat = await get(`/api/delegated-products?delegationId=${s.documentId}`, await as('bjDist2'));
    expect(cat.body.data.map((p: any) => p.productDocumentId).sort()).toEqual([ps[0]!.documentId, ps[1]!.documentId].sort());
    expect(cat.body.data[0]).toMatchObject({ level: 2, delegatorName: '国药控股北京有限公司' });
  });

  it('the primary distributor cannot answer its own sub-delegation; the sub-distributor rejects with a reason', async () => {
    const { d } = await accepted(1);
    const s = (await sub('bjDist1', d.documentId, { distributorOrgId: orgs.bjDist3 })).body.data;
    expect(s.productCount).toBe(1);
    const self = await respond('bjDist1', { action: 'accept', ids: [s.documentId] });
    expect(self.status).toBe(403);
    expect(self.body.error.details.code).toBe('NOT_ADDRESSED');
    expect((await respond('bjDist3', { action: 'reject', ids: [s.documentId], reason: '库存不足' })).status).toBe(200);
    expect((await detail('bjDist1', s.documentId)).body.data).toMatchObject({ status: 'rejected', reason: '库存不足' });
    // after a rejection, the primary may choose another sub-distributor
    expect((await detail('bjDist1', d.documentId)).body.data.actions).toEqual(['subDelegate']);
    expect((await sub('bjDist1', d.documentId, { distributorOrgId: orgs.bjDist2 })).status).toBe(200);
  });

  it('the primary distributor withdraws a pending sub-delegation; the sub-distributor cannot', async () => {
    const { d } = await accepted(1);
    const s = (await sub('bjDist1', d.documentId, { distributorOrgId: orgs.bjDist2 })).body.data;
    expect((await post(`/api/delegations/${s.documentId}/withdraw`, {}, await as('bjDist2'))).status).toBe(403);
    expect((await post(`/api/delegations/${s.documentId}/withdraw`, {}, await as('weigao'))).status).toBe(403);
    const ok = await post(`/api/delegations/${s.documentId}/withdraw`, {}, await as('bjDist1'));
    expect(ok.body.data.status).toBe('withdrawn');
    expect((await history('bjDist1', s.documentId)).map((h) => h.action)).toEqual(['create', 'withdraw']);
  });

  it('refuses: no second level, not accepted, self, products outside the delegation, a second active one, others', async () => {
    const { d, ps } = await accepted(2);
    const s = (await sub('bjDist1', d.documentId, { distributorOrgId: orgs.bjDist2, productIds: [ps[0]!.documentId] })).body.data;
    expect((await respond('bjDist2', { action: 'accept', ids: [s.documentId] })).status).toBe(200);

    const deeper = await sub('bjDist2', s.documentId, { distributorOrgId: orgs.bjDist3 });
    expect(deeper.status).toBe(409);
    expect(deeper.body.error.details.code).toBe('SUB_DELEGATION_TOO_DEEP');

    const second = await sub('bjDist1', d.documentId, { distributorOrgId: orgs.bjDist3 });
    expect(second.status).toBe(409);
    expect(second.body.error.details.code).toBe('SUB_DELEGATION_EXISTS');

    const pending = await delegation(1);
    const np = await sub('bjDist1', pending.d.documentId, { distributorOrgId: orgs.bjDist2 });
    expect(np.status).toBe(409);
    expect(np.body.error.details.code).toBe('SUB_DELEGATION_NOT_ACCEPTED');

    const other = await accepted(1);
    const self = await sub('bjDist1', other.d.documentId, { distributorOrgId: orgs.bjDist1 });
    expect(self.body.error.details.code).toBe('SUB_DELEGATION_SELF');
    const outside = await sub('bjDist1', other.d.documentId, { distributorOrgId: orgs.bjDist2, productIds: [ps[1]!.documentId] });
    expect(outside.status).toBe(400);
    expect(outside.body.error.details.code).toBe('PRODUCT_NOT_IN_DELEGATION');
    const notDist = await sub('bjDist1', other.d.documentId, { distributorOrgId: orgs.weigao });
    expect(notDist.body.error.details.code).toBe('DISTRIBUTOR_INVALID');
    expect((await sub('bjDist2', other.d.documentId, { distributorOrgId: orgs.bjDist3 })).status).toBe(404);
    expect((await sub('weigao', other.d.documentId, { distributorOrgId: orgs.bjDist3 })).status).toBe(403);
    // nothing changed
    expect((await detail('bjDist1', other.d.documentId)).body.data.actions).toEqual(['subDelegate']);
  });
});

describe('service functions for orders', () => {
  const check = async (productId: number, dist: string, province: string) =>
    (await get(`/api/test/delegation-check?productId=${productId}&distributorOrgId=${orgs[dist]}&provinceCode=${province}`)).body as {
      isDelegated: boolean;
      delegatedProductIds: number[];
    };

  it('isDelegated / delegatedProductIds: accepted level 1 and level 2 only, per distributor and province', async () => {
    const { d, ps } = await delegation(2, 'bjDist1');
    const [p0, p1] = ps as [any, any];
    expect((await check(p0.id, 'bjDist1', '11')).isDelegated).toBe(false); // pending
    await respond('bjDist1', { action: 'accept', ids: [d.documentId] });
    const c = await check(p0.id, 'bjDist1', '11');
    expect(c.isDelegated).toBe(true);
    expect(c.delegatedProductIds).toEqual(expect.arrayContaining([p0.id, p1.id]));
    expect((await check(p0.id, 'bjDist1', '14')).isDelegated).toBe(false); // other province
    expect((await check(p0.id, 'bjDist3', '11')).isDelegated).toBe(false); // other distributor
    const s = (
      await post(`/api/delegations/${d.documentId}/sub-delegate`, { distributorOrgId: orgs.bjDist3, productIds: [p1.documentId] }, await as('bjDist1'))
    ).body.data;
    expect((await check(p1.id, 'bjDist3', '11')).isDelegated).toBe(false); // sub pending
    await respond('bjDist3', { action: 'accept', ids: [s.documentId] });
    expect((await check(p1.id, 'bjDist3', '11')).isDelegated).toBe(true);
    expect((await check(p0.id, 'bjDist3', '11')).isDelegated).toBe(false); // not in the subset
    expect((await check(p1.id, 'bjDist3', '11')).delegatedProductIds).toContain(p1.id);
  });

  it('isDelegated / delegatedProductIds follow accepted level-1 and level-2 delegations only (checked through the catalogue of delegated products)', async () => {
    // The service is exercised through GET /api/delegated-products, which uses the same condition.
    const { d, ps } = await delegation(1, 'bjDist3');
    expect((await get(`/api/delegated-products?delegationId=${d.documentId}`, await as('bjDist3'))).body.meta.pagination.total).toBe(0);
    await respond('bjDist3', { action: 'accept', ids: [d.documentId] });
    const list = await get(`/api/delegated-products?q=${ps[0]!.code}`, await as('bjDist3'));
    expect(list.body.data.map((r: any) => r.productDocumentId)).toEqual([ps[0]!.documentId]);
  });

  it('exports 配送产品目录 as .xlsx', async () => {
    const { d, ps } = await delegation(2, 'sxDist1', '14');
    await respond('sxDist1', { action: 'accept', ids: [d.documentId] });
    const { rows } = await downloadWorkbook(`/api/delegated-products/export?delegationId=${d.documentId}`, await as('sxDist1'));
    expect(rows.map((r) => r['产品编码']).sort()).toEqual(ps.map((p) => p.code).sort());
    expect(rows[0]).toMatchObject({ 生产企业: '山东威高骨科材料股份有限公司', 配送省份: '山西省', 配送层级: '一级配送' });
    expect(rows[0]!['确认时间']).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);
    expect((await get('/api/delegated-products/export?manufacturerOrgId=abc', await as('sxDist1'))).status).toBe(400);
    expect((await get('/api/delegated-products', await as('weigao'))).status).toBe(403);
  });
});

describe('demo data', () => {
  it('seeds a working chain: accepted delegations and one accepted sub-delegation', async () => {
    const sub = await get('/api/delegation-list?level=2&status=accepted&pagination[pageSize]=200', await as('bjDist3'));
    const demo = sub.body.data.find((d: any) => d.delegatorName === '国药控股北京有限公司' && d.manufacturerName === '山东威高骨科材料股份有限公司');
    expect(demo).toBeTruthy();
    const products = await get(`/api/delegated-products?delegationId=${demo.documentId}`, await as('bjDist3'));
    expect(products.body.meta.pagination.total).toBe(demo.productCount);
    const sx = await get('/api/delegated-products?provinceCode=14', await as('sxDist1'));
    expect(sx.body.meta.pagination.total).toBeGreaterThan(0);
  });
});

import { beforeAll, describe, expect, it } from 'vitest';
import { del, get, loginAs, me, post, put, testSupport, unique } from '../support/client';

/**
 * For every content type's REST routes: anonymous callers are refused, API tokens read reference data
 * only, and a user reads exactly its own organisation's rows (a bureau: its province), never changes any.
 */
const org: Record<string, number> = {};
let apiToken = '';

beforeAll(async () => {
  for (const k of ['bjBureau', 'sxBureau', 'weigao', 'chunli', 'bjDist1', 'bjDist2', 'sxDist1', 'jst', 'xiehe', 'sxrm'] as const) {
    org[k] = (await me(k)).organisation.id;
  }
  apiToken = await testSupport.apiToken('read-only');
});

type Case = {
  type: string;
  plural: string;
  data: () => Record<string, unknown>;
  owners: string[]; // users that must see the row
  strangers: string[]; // users that must not
  noApi?: string[]; // strangers whose role has no such API at all (403 rather than 404)
};

const n = () => Math.floor(Math.random() * 1e9);
const CASES: Case[] = [
  {
    type: 'distributor-account',
    plural: 'distributor-accounts',
    data: () => ({
      username: unique('P11T'),
      companyName: unique('测试配送'),
      creditCode: unique('C').slice(0, 18),
      provinceCode: '11',
      bureauOrgId: org.bjBureau,
      organisationId: org.bjDist1,
    }),
    owners: ['bjDist1', 'bjBureau', 'admin'],
    strangers: ['bjDist2', 'sxBureau', 'sxDist1', 'weigao', 'jst'],
    noApi: ['weigao', 'jst'],
  },
  {
    type: 'delegation',
    plural: 'delegations',
    data: () => ({ delegatorOrgId: org.weigao, manufacturerOrgId: org.weigao, distributorOrgId: org.bjDist1, provinceCode: '11' }),
    owners: ['weigao', 'bjDist1', 'bjBureau', 'admin'],
    strangers: ['chunli', 'bjDist2', 'sxBureau', 'jst'],
    noApi: ['jst'],
  },
  {
    type: 'delegation-item',
    plural: 'delegation-items',
    data: () => ({
      delegationId: n(),
      productId: 1,
      distributorOrgId: org.bjDist1,
      manufacturerOrgId: org.weigao,
      delegatorOrgId: org.weigao,
      provinceCode: '11',
    }),
    owners: ['weigao', 'bjDist1', 'bjBureau'],
    strangers: ['chunli', 'bjDist2', 'sxBureau'],
  },
  {
    type: 'hospital-relationship',
    plural: 'hospital-relationships',
    data: () => ({ hospitalOrgId: org.jst, distributorOrgId: org.bjDist1, provinceCode: '11' }),
    owners: ['jst', 'bjDist1', 'bjBureau', 'admin'],
    strangers: ['xiehe', 'bjDist2', 'sxBureau', 'weigao'],
    noApi: ['weigao'],
  },
  {
    type: 'contract',
    plural: 'contracts',
    data: () => ({ code: unique('HT'), hospitalOrgId: org.jst, manufacturerOrgId: org.weigao, distributorOrgId: org.bjDist1, provinceCode: '11' }),
    owners: ['jst', 'weigao', 'bjDist1', 'bjBureau'],
    strangers: ['xiehe', 'chunli', 'bjDist2', 'sxBureau'],
  },
  {
    type: 'contract-signature',
    plural: 'contract-signatures',
    data: () => ({ contractId: n(), party: 'hospital', orgId: org.jst }),
    owners: ['jst', 'admin'],
    strangers: ['xiehe', 'bjDist1', 'sxBureau'],
    noApi: ['sxBureau'],
  },
  {
    type: 'order',
    plural: 'orders',
    data: () => ({ code: unique('DD'), hospitalOrgId: org.jst, provinceCode: '11' }),
    owners: ['jst', 'bjBureau'],
    strangers: ['xiehe', 'sxBureau', 'sxrm'],
  },
  {
    type: 'order-line',
    plural: 'order-lines',
    data: () => ({
      orderId: n(),
      hospitalOrgId: org.jst,
      distributorOrgId: org.bjDist1,
      manufacturerOrgId: org.weigao,
      provinceCode: '11',
      productId: 1,
      quantity: 5,
    }),
    owners: ['jst', 'bjDist1', 'weigao', 'bjBureau', 'admin'],
    strangers: ['xiehe', 'bjDist2', 'chunli', 'sxBureau', 'sxDist1'],
  },
  {
    type: 'delivery',
    plural: 'deliveries',
    data: () => ({ orderLineId: n(), distributorOrgId: org.bjDist1, hospitalOrgId: org.jst, provinceCode: '11', quantity: 1, batchNo: 'B1' }),
    owners: ['jst', 'bjDist1', 'bjBureau'],
    strangers: ['xiehe', 'bjDist2', 'sxBureau', 'weigao'],
  },
  {
    type: 'return-request',
    plural: 'return-requests',
    data: () => ({ orderLineId: n(), hospitalOrgId: org.jst, distributorOrgId: org.bjDist1, provinceCode: '11', quantity: 1, reason: '包装破损' }),
    owners: ['jst', 'bjDist1', 'bjBureau'],
    strangers: ['xiehe', 'bjDist2', 'sxBureau'],
  },
  {
    type: 'contact',
    plural: 'contacts',
    data: () => ({ organisationId: org.bjDist1, name: '张三', phone: '13800138000' }),
    owners: ['bjDist1', 'admin'],
    strangers: ['bjDist2', 'bjBureau', 'jst'],
  },
  {
    type: 'state-history',
    plural: 'state-histories',
    data: () => ({ entity: 'order-line', entityId: n(), action: 'confirm', fromState: 'pending', toState: 'confirmed', actorOrgId: org.bjDist1 }),
    owners: ['admin'],
    strangers: ['bjDist1', 'jst', 'bjBureau'],
  },
];

describe.each(CASES)('REST routes of $type', (c) => {
  let row: any;
  let other: any;
  beforeAll(async () => {
    row = await testSupport.fixture(c.type, c.data());
    other = await testSupport.fixture(c.type, c.data());
  });

  it('refuses anonymous callers (list and record)', async () => {
    expect((await get(`/api/${c.plural}`)).status).toBe(403);
    expect((await get(`/api/${c.plural}/${row.documentId}`)).status).toBe(403);
  });

  it('refuses a read-only API token: business data needs a logged-in user of the owning organisation', async () => {
    expect((await get(`/api/${c.plural}`, apiToken)).status).toBe(403);
    expect((await get(`/api/${c.plural}/${row.documentId}`, apiToken)).status).toBe(403);
  });

  it('lets each owning organisation (and its province bureau) read the row', async () => {
    for (const user of c.owners) {
      const token = await loginAs(user);
      const one = await get(`/api/${c.plural}/${row.documentId}`, token);
      expect(one.status, `${user} findOne`).toBe(200);
      expect(one.body.data.documentId).toBe(row.documentId);
      const list = await get(`/api/${c.plural}?filters[id][$in][0]=${row.id}&filters[id][$in][1]=${other.id}`, token);
      expect(list.status, `${user} find`).toBe(200);
      expect(list.body.data.map((r: any) => r.documentId).sort()).toEqual([row.documentId, other.documentId].sort());
    }
  });

  it('hides the row from every other organisation: 404 (403 for a role without the API), absent from lists, even with an $or filter', async () => {
    for (const user of c.strangers) {
      const token = await loginAs(user);
      const noApi = c.noApi?.includes(user) ?? false;
      expect((await get(`/api/${c.plural}/${row.documentId}`, token)).status, `${user} findOne`).toBe(noApi ? 403 : 404);
      const list = await get(`/api/${c.plural}?filters[$or][0][id][$eq]=${row.id}&filters[$or][1][id][$gt]=0&pagination[pageSize]=200`, token);
      expect(list.status, `${user} find`).toBe(noApi ? 403 : 200);
      if (!noApi) expect(list.body.data.map((r: any) => r.documentId)).not.toContain(row.documentId);
    }
  });

  it('offers no generic write route: nobody changes the row through REST', async () => {
    const owner = await loginAs(c.owners[0]);
    const stranger = await loginAs(c.strangers[0]);
    for (const token of [owner, stranger]) {
      // the generic write routes are not mounted at all
      expect((await put(`/api/${c.plural}/${row.documentId}`, { data: { provinceCode: '14' } }, token)).status).toBe(405);
      expect((await del(`/api/${c.plural}/${row.documentId}`, token)).status).toBe(405);
      expect((await post(`/api/${c.plural}`, { data: c.data() }, token)).status).toBe(405);
    }
    const after = await get(`/api/${c.plural}/${row.documentId}`, owner);
    expect(after.status).toBe(200);
    // the same instant (API date-times may be written in China time, +08:00)
    expect(Date.parse(after.body.data.updatedAt)).toBe(new Date(row.updatedAt).getTime());
  });
});

describe('reference data', () => {
  it.each(['regions', 'products', 'organisations'])('%s: anonymous refused, API token and users read', async (plural) => {
    expect((await get(`/api/${plural}`)).status).toBe(403);
    const viaToken = await get(`/api/${plural}?pagination[pageSize]=5`, apiToken);
    expect(viaToken.status).toBe(200);
    expect(viaToken.body.data.length).toBeGreaterThan(0);
    const viaUser = await get(`/api/${plural}?pagination[pageSize]=5`, await loginAs('jst'));
    expect(viaUser.status).toBe(200);
    expect(viaUser.body.meta.pagination.total).toBeGreaterThan(0);
  });

  it('a read-only API token cannot write reference data', async () => {
    const list = await get('/api/products?pagination[pageSize]=1', apiToken);
    const doc = list.body.data[0].documentId;
    expect((await put(`/api/products/${doc}`, { data: { name: 'x' } }, apiToken)).status).toBe(405);
    expect((await get(`/api/products/${doc}`, apiToken)).body.data.name).toBe(list.body.data[0].name);
  });

  it('never exposes a bureau initial-password hash', async () => {
    const res = await get('/api/organisations?filters[type][$eq]=bureau', apiToken);
    expect(res.status).toBe(200);
    for (const o of res.body.data) expect(o).not.toHaveProperty('initialPasswordHash');
  });

  it('regions hold GB/T 2260 provinces, cities and districts', async () => {
    const token = await loginAs('jst');
    const bj = await get('/api/regions?filters[parentCode][$eq]=110100&pagination[pageSize]=50', token);
    expect(bj.body.data.map((r: any) => r.name)).toEqual(expect.arrayContaining(['东城区', '西城区', '朝阳区', '海淀区']));
    const provinces = await get('/api/regions?filters[level][$eq]=province&pagination[pageSize]=1', token);
    expect(provinces.body.meta.pagination.total).toBe(31);
  });
});

describe('strict query parameters', () => {
  it('an unknown query key answers 400, not a crash', async () => {
    const res = await get('/api/products?bogus=1', await loginAs('jst'));
    expect(res.status).toBe(400);
  });
});

import { beforeAll, describe, expect, it } from 'vitest';
import { get, loginAs, testSupport, unique } from '../support/client';
import { downloadWorkbook } from '../support/xlsx';
import { loadOrgs, orgs, product } from './support';

/** 挂网目录查看: list, filters, certificate light, manufacturer's own marker, detail, export. */
const tag = unique('CAT');
const dayIso = (offset: number) => {
  const d = new Date(Date.now() + 8 * 3600_000 + offset * 86_400_000);
  return d.toISOString().slice(0, 10);
};
let red: any, yellow: any, green: any, other: any, unlisted: any;

beforeAll(async () => {
  await loadOrgs();
  red = await product(orgs.weigao, { name: `${tag}过期产品`, registrationValidTo: dayIso(-1), keyMonitored: true, category: 'spine' });
  yellow = await product(orgs.weigao, { name: `${tag}临期产品`, registrationValidTo: dayIso(0), vbp: true, category: 'joint' });
  green = await product(orgs.weigao, { name: `${tag}有效产品`, registrationValidTo: dayIso(91) });
  other = await product(orgs.chunli, { name: `${tag}春立产品`, registrationValidTo: dayIso(90) });
  unlisted = await product(orgs.weigao, { name: `${tag}未挂网`, listed: false });
});

const list = async (user: string, qs: string) => (await get(`/api/catalogue?${qs}`, await loginAs(user))).body;

describe('GET /api/catalogue', () => {
  it('pages listed products with the manufacturer name and the certificate light', async () => {
    const body = await list('jst', `q=${encodeURIComponent(tag)}&pagination[pageSize]=2&sort=registrationValidTo:asc`);
    expect(body.meta.pagination).toMatchObject({ page: 1, pageSize: 2, total: 4, pageCount: 2 });
    expect(body.meta.certificateWarningDays).toBe(90);
    expect(body.data.map((r: any) => r.documentId)).toEqual([red.documentId, yellow.documentId]);
    expect(body.data[0]).toMatchObject({ certificateLight: 'red', keyMonitored: true, manufacturerName: '山东威高骨科材料股份有限公司' });
    expect(body.data[1]).toMatchObject({ certificateLight: 'yellow', vbp: true });
    expect(body.data[0].own).toBeUndefined();
  });

  it('filters by light in SQL (red < today ≤ yellow ≤ today+90 < green)', async () => {
    const ids = async (light: string) => (await list('bjDist1', `q=${encodeURIComponent(tag)}&light=${light}`)).data.map((r: any) => r.documentId).sort();
    expect(await ids('red')).toEqual([red.documentId]);
    expect(await ids('yellow')).toEqual([yellow.documentId, other.documentId].sort());
    expect(await ids('green')).toEqual([green.documentId]);
  });

  it('follows the clock: tomorrow the day-0 certificate is red', async () => {
    await testSupport.setClock(86_400_000);
    try {
      const body = await list('bjDist1', `q=${encodeURIComponent(tag)}&light=red`);
      expect(body.data.map((r: any) => r.documentId).sort()).toEqual([red.documentId, yellow.documentId].sort());
    } finally {
      await testSupport.setClock(0);
    }
  });

  it('filters by name, certificate no., manufacturer, category, key-monitored and VBP', async () => {
    const one = async (qs: string) => (await list('admin', `q=${encodeURIComponent(tag)}&${qs}`)).data.map((r: any) => r.documentId);
    expect(await one(`name=${encodeURIComponent('临期')}`)).toEqual([yellow.documentId]);
    expect(await one(`registrationNo=${encodeURIComponent(green.registrationNo)}`)).toEqual([green.documentId]);
    expect(await one(`manufacturer=${encodeURIComponent('春立')}`)).toEqual([other.documentId]);
    expect(await one('category=spine')).toEqual([red.documentId]);
    expect(await one('keyMonitored=true')).toEqual([red.documentId]);
    expect(await one('vbp=true')).toEqual([yellow.documentId]);
  });

  it('never shows unlisted products', async () => {
    const body = await list('admin', `q=${encodeURIComponent(`${tag}未挂网`)}`);
    expect(body.meta.pagination.total).toBe(0);
    expect((await get(`/api/catalogue/${unlisted.documentId}`, await loginAs('admin'))).status).toBe(404);
  });

  it("marks a manufacturer's own products and filters them", async () => {
    const body = await list('weigao', `q=${encodeURIComponent(tag)}`);
    const own = Object.fromEntries(body.data.map((r: any) => [r.documentId, r.own]));
    expect(own[red.documentId]).toBe(true);
    expect(own[other.documentId]).toBe(false);
    const mine = await list('weigao', `q=${encodeURIComponent(tag)}&own=true`);
    expect(mine.data.every((r: any) => r.own)).toBe(true);
    expect(mine.meta.pagination.total).toBe(3);
  });

  it('refuses bad input and anonymous callers', async () => {
    const jwt = await loginAs('jst');
    expect((await get('/api/catalogue?light=blue', jwt)).status).toBe(400);
    expect((await get('/api/catalogue?sort=password:asc', jwt)).status).toBe(400);
    expect((await get('/api/catalogue?evil=1', jwt)).status).toBe(400);
    expect((await get('/api/catalogue')).status).toBe(403);
  });

  it.each(['category=food', 'keyMonitored=maybe', 'sort=code:up', 'pagination[page]=0', 'pagination[pageSize]=abc', `q=${'x'.repeat(101)}`])(
    'answers 400 (never 500) to a bad list or export parameter: %s',
    async (query) => {
      const jwt = await loginAs('jst');
      expect((await get(`/api/catalogue?${query}`, jwt)).status).toBe(400);
      if (!query.startsWith('pagination')) expect((await get(`/api/catalogue/export?${query}`, jwt)).status).toBe(400);
    },
  );

  it('searches with % and _ taken literally, case-insensitively', async () => {
    const jwt = await loginAs('jst');
    expect((await get(`/api/catalogue?q=${encodeURIComponent(tag)}`, jwt)).body.meta.pagination.total).toBeGreaterThan(0);
    expect((await get(`/api/catalogue?q=${encodeURIComponent(`${tag}%`)}`, jwt)).body.meta.pagination.total).toBe(0);
    expect((await get(`/api/catalogue?q=${encodeURIComponent(`_${tag.slice(1)}`)}`, jwt)).body.meta.pagination.total).toBe(0);
    expect((await get(`/api/catalogue?q=${encodeURIComponent(tag.toUpperCase())}`, jwt)).body.meta.pagination.total).toBeGreaterThan(0);
  });

  it("shows one product's details", async () => {
    const res = await get(`/api/catalogue/${green.documentId}`, await loginAs('sxrm'));
    expect(res.status).toBe(200);
    expect(res.body.data).toMatchObject({
      documentId: green.documentId,
      certificateLight: 'green',
      priceFen: 12345,
      manufacturerName: '山东威高骨科材料股份有限公司',
    });
    expect((await get('/api/catalogue/nope', await loginAs('sxrm'))).status).toBe(404);
  });
});

describe('GET /api/catalogue/export', () => {
  it('exports every matching row (not only the page) with Chinese headers', async () => {
    const { fileName, rows } = await downloadWorkbook(
      `/api/catalogue/export?q=${encodeURIComponent(tag)}&light=yellow&pagination[pageSize]=1`,
      await loginAs('bjDist1'),
    );
    expect(fileName).toMatch(/\.xlsx$/);
    expect(rows.map((r) => r['产品编码']).sort()).toEqual([yellow.code, other.code].sort());
    expect(rows[0]).toHaveProperty('注册证号');
    expect(rows.every((r) => r['证书状态'] === '即将到期')).toBe(true);
    expect(rows.find((r) => r['产品编码'] === yellow.code)).toMatchObject({ '挂网价（元）': 123.45, 分类: '关节', 带量采购: '是' });
  });
});

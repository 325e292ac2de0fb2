/** 企业信息 and 配送区域: a distributor keeps the districts it serves; the bureau's list shows them. */
import { describe, expect, it } from 'vitest';
import { expectRefused, get, loginAs, put } from '../support/client';
import { listAll } from './support';

describe('企业信息 / 配送区域', () => {
  it('every role reads its own company info', async () => {
    for (const who of ['jst', 'weigao', 'bjBureau', 'sxDist1'] as const) {
      const res = await get('/api/organisations/mine', await loginAs(who));
      expect(res.status, who).toBe(200);
      expect(res.body.data.name).toBeTruthy();
    }
    const dist = (await get('/api/organisations/mine', await loginAs('sxDist1'))).body.data;
    expect(dist).toMatchObject({ type: 'distributor', provinceCode: '14', provinceName: '山西省', account: { username: 'P14SX0001' } });
    expect(dist.distributionAreas[0]).toHaveProperty('name');
  });

  it('a distributor picks districts of its province from the tree; the bureau sees them', async () => {
    const jwt = await loginAs('sxDist2');
    const tree = (await get('/api/organisations/mine/area-tree', jwt)).body.data as any[];
    const taiyuan = tree.find((c) => c.code === '140100');
    expect(taiyuan.name).toBe('太原市');
    const picks = taiyuan.children.slice(0, 3).map((d: any) => d.code);
    const res = await put('/api/organisations/mine/areas', { codes: picks }, jwt);
    expect(res.status).toBe(200);
    expect(res.body.data.distributionAreaCodes).toEqual([...picks].sort());
    const row = (await listAll('sxBureau', '&username=P140001')).body.data[0];
    expect(row.distributionAreas).toEqual(taiyuan.children.slice(0, 3).map((d: any) => d.name));
  });

  it('refuses districts of another province, unknown codes, bad input and other roles; nothing changes', async () => {
    const jwt = await loginAs('sxDist1');
    const before = (await get('/api/organisations/mine', jwt)).body.data.distributionAreaCodes;
    const other = await put('/api/organisations/mine/areas', { codes: ['110101'] }, jwt);
    expectRefused(other, 400, 'AREA_OUTSIDE_PROVINCE');
    expectRefused(await put('/api/organisations/mine/areas', { codes: ['149999'] }, jwt), 400, 'AREA_UNKNOWN');
    expect(expectRefused(await put('/api/organisations/mine/areas', { codes: 'x' }, jwt), 400, 'AREAS_INVALID').details.field).toBe('codes');
    expectRefused(await put('/api/organisations/mine/areas', { codes: ['14010'] }, jwt), 400, 'AREAS_INVALID');
    expectRefused(await put('/api/organisations/mine/areas', {}, jwt), 400, 'AREAS_INVALID');
    const tooMany = Array.from({ length: 1001 }, (_, i) => String(140000 + i));
    expectRefused(await put('/api/organisations/mine/areas', { codes: tooMany }, jwt), 400, 'AREAS_INVALID');
    expect((await get('/api/organisations/mine', jwt)).body.data.distributionAreaCodes).toEqual(before);
    expect((await put('/api/organisations/mine/areas', { codes: [] }, await loginAs('sxBureau'))).status).toBe(403);
    expect((await put('/api/organisations/mine/areas', { codes: [] }, await loginAs('sxrm'))).status).toBe(403);
    expect((await get('/api/organisations/mine/area-tree', await loginAs('jst'))).status).toBe(403);
  });
});

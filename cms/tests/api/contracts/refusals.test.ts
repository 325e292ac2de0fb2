import { beforeAll, describe, expect, it } from 'vitest';
import { downloadWorkbook, openWorkbook } from '../support/xlsx';
import { expectRefused, get, loginAs, post } from '../support/client';
import { contract, DEMO_PIN, detail, freshOrg, importVolumes, loadOrgs, org, orgName, sheet, signAs, vbpProduct, volume } from './world';

beforeAll(loadOrgs);

describe('三方合同 refusals change nothing', () => {
  it('wrong role, other organisation, wrong PIN, bad bodies', async () => {
    const c = await contract();
    expectRefused(await signAs('bjBureau', c.documentId), 403, 'ROLE_NOT_ALLOWED');
    expectRefused(await signAs('xiehe', c.documentId), 404, 'NOT_FOUND');
    expectRefused(await signAs('bjDist2', c.documentId), 404, 'NOT_FOUND');
    expectRefused(await signAs('chunli', c.documentId), 404, 'NOT_FOUND');
    expectRefused(await get(`/api/contracts/${c.documentId}/detail`, await loginAs('sxBureau')), 404, 'NOT_FOUND');
    expectRefused(await signAs('jst', c.documentId, '000000'), 400, 'PIN_WRONG');
    expectRefused(await signAs('jst', c.documentId, '12'), 400, 'PIN_INVALID');
    expectRefused(await post(`/api/contracts/${c.documentId}/sign`, { pin: 123456 }, await loginAs('jst')), 400, 'PIN_INVALID');
    expectRefused(await post(`/api/contracts/${c.documentId}/sign`, { pin: DEMO_PIN, x: 1 }, await loginAs('jst')), 400, 'PIN_INVALID');
    expectRefused(await post(`/api/contracts/${c.documentId}/refuse`, {}, await loginAs('jst')), 400, 'REASON_REQUIRED');
    expectRefused(await get(`/api/contracts/${c.documentId}/signatures/hospital.p7s`, await loginAs('jst')), 404, 'NOT_SIGNED');
    expectRefused(await get(`/api/contracts/${c.documentId}/signatures/bureau.p7s`, await loginAs('jst')), 400, 'PARTY_INVALID');
    const d = await detail('jst', c.documentId);
    expect(d.status).toBe('signing');
    expect(d.parties.every((p: any) => !p.signed)).toBe(true);
    // The correct PIN afterwards resets the failure count.
    expect((await signAs('jst', c.documentId)).status).toBe(200);
    expect((await get('/api/pki/certificate', await loginAs('jst'))).body.data.attemptsLeft).toBe(10);
  });

  it('an organisation without a certificate is told to apply', async () => {
    const o = await freshOrg('hospital');
    const c = await contract();
    expectRefused(await signAs(o.username, c.documentId), 404, 'NOT_FOUND');
    expectRefused(await post('/api/pki/verify', { content: '%%%', signature: 'AA==' }, await loginAs('jst')), 400, 'VERIFY_INPUT_INVALID');
  });

  it('pick: only the own hospital, an 已建立 relationship, a delegated distributor, a 带量采购 product, one live contract', async () => {
    const v = await volume('jst');
    const pick = async (user: string, distributorOrgId: unknown) =>
      post(`/api/contract-volumes/${v.volume.documentId}/pick`, { distributorOrgId }, await loginAs(user));
    expectRefused(await pick('xiehe', org.bjDist1), 404, 'NOT_FOUND');
    expectRefused(await pick('weigao', org.bjDist1), 403, 'ROLE_NOT_ALLOWED');
    expectRefused(await pick('jst', 'x'), 400, 'DISTRIBUTOR_INVALID');
    expectRefused(await pick('jst', org.sxDist1), 400, 'NO_RELATIONSHIP');
    const opts = await get(`/api/contract-volumes/${v.volume.documentId}/distributors`, await loginAs('jst'));
    expect(opts.body.data.map((d: any) => d.orgId)).toContain(org.bjDist1);
    expect(opts.body.data.map((d: any) => d.orgId)).not.toContain(org.bjDist2);
    expect((await pick('jst', org.bjDist1)).status).toBe(200);
    expectRefused(await pick('jst', org.bjDist1), 409, 'CONTRACT_EXISTS');
  });

  it('import: all or nothing, every error by row and column with the error sheet; only 带量采购 products of the province', async () => {
    const good = await vbpProduct();
    const notVbp = await vbpProduct({ vbp: false });
    const jst = await orgName('jst');
    const res = await importVolumes(
      'bjBureau',
      sheet([
        [jst, good.code, 10, '2026-01-01', '2026-06-30'],
        [jst, notVbp.code, 10, '2026-01-01', '2026-06-30'],
        ['山西省人民医院', good.code, 10, '2026-01-01', '2026-06-30'],
        [jst, good.code, 0, '2026-07-01', '2026-01-01'],
        [jst, good.code, 10, '2026-01-01', '2026-06-30'],
      ]),
    );
    const err = expectRefused(res, 400, 'IMPORT_ROWS_INVALID');
    const rows = err.details.info.rows as Array<{ row: number; column: string; message: string }>;
    expect(rows.map((r) => [r.row, r.column])).toEqual([
      [3, '产品编码'],
      [4, '医疗机构名称'],
      [5, '约定采购量'],
      [5, '采购周期结束'],
      [6, '产品编码'],
    ]);
    const wb = openWorkbook(Buffer.from(err.details.info.errorFile, 'base64'));
    expect(wb.header).toContain('错误信息');
    const list = await get(`/api/contract-volumes?q=${good.code}`, await loginAs('bjBureau'));
    expect(list.body.data).toHaveLength(0);
    expectRefused(await importVolumes('jst', sheet([[jst, good.code, 10, '2026-01-01', '2026-06-30']])), 403, 'ROLE_NOT_ALLOWED');
  });

  it('lists per role with filters, signing state and export; to-dos; the bureau reads its province only', async () => {
    const c = await contract(77);
    expect((await signAs('weigao', c.documentId)).status).toBe(200);
    const find = async (user: string, q: string) => (await get(`/api/contracts/search?${q}`, await loginAs(user))).body;
    const byProduct = await find('bjDist1', `product=${c.product.code}`);
    expect(byProduct.data).toHaveLength(1);
    expect(byProduct.data[0].parties.map((p: any) => [p.party, p.signed])).toEqual([
      ['hospital', false],
      ['manufacturer', true],
      ['distributor', false],
    ]);
    expect((await find('bjBureau', `product=${c.product.code}&status=signing`)).data).toHaveLength(1);
    expect((await find('bjBureau', `product=${c.product.code}&status=effective`)).data).toHaveLength(0);
    expect((await find('sxBureau', `product=${c.product.code}`)).data).toHaveLength(0);
    expect((await find('xiehe', `product=${c.product.code}`)).data).toHaveLength(0);
    expect((await find('weigao', `product=${c.product.code}&awaitingMe=true`)).data).toHaveLength(0);
    expect((await find('bjDist1', `product=${c.product.code}&awaitingMe=true`)).data).toHaveLength(1);
    expect((await find('jst', `product=${c.product.code}&from=2027-01-01`)).data).toHaveLength(0);
    expect((await find('jst', `product=${c.product.code}&counterpart=${encodeURIComponent('威高')}`)).data).toHaveLength(1);
    expectRefused(await get('/api/contracts/search?status=nope', await loginAs('jst')), 400, 'INVALID_QUERY');
    const wb = await downloadWorkbook(`/api/contracts/export?product=${c.product.code}`, await loginAs('bjBureau'));
    expect(wb.rows).toHaveLength(1);
    expect(wb.rows[0]!['约定采购量']).toBe(77);
    expect(String(wb.rows[0]!['乙方签订'])).toMatch(/^已签/);
  });

  it('the demo has an 已生效 contract for h_jst and one awaiting the distributor', async () => {
    const eff = (await get('/api/contracts/search?status=effective', await loginAs('jst'))).body.data;
    expect(eff.some((r: any) => r.distributorName === '国药控股北京有限公司' && r.parties.every((p: any) => p.signed))).toBe(true);
    const waiting = (await get('/api/contracts/search?status=signing&awaitingMe=true', await loginAs('bjDist1'))).body.data;
    expect(waiting.some((r: any) => r.hospitalName === '北京积水潭医院')).toBe(true);
  });
});

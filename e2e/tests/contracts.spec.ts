/**
 * 三方合同 in the browser: a fresh distributor applies for its signing certificate (证书申领, PIN), opens
 * the contract the hospital and the manufacturer have already signed, signs it through CA验证 with the
 * PIN, sees 已生效 (and the server stores it so), and downloads the PDF (合同下载).
 */
import fs from 'node:fs';
import * as XLSX from 'xlsx';
import { expect } from '@playwright/test';
import { api, DEMO_PASSWORD, test } from './helpers';

const tag = `E2EC${Date.now().toString(36)}`;
const PIN = '246813';

async function orgId(username: string): Promise<number> {
  const me = await api.get<{ organisation: { id: number } }>('/api/me', await api.login(username));
  return me.body.organisation.id;
}

async function fixture<T = { id: number; documentId: string }>(type: string, data: Record<string, unknown>): Promise<T> {
  const res = await api.post<{ data: T }>(`/api/test/fixtures/${type}`, null, { data });
  expect(res.status).toBe(200);
  return res.body.data;
}

/** The bureau imports one agreed volume (.xlsx through the import endpoint). */
async function importVolume(hospital: string, productCode: string) {
  const ws = XLSX.utils.aoa_to_sheet([
    ['医疗机构名称', '产品编码', '约定采购量', '采购周期开始', '采购周期结束'],
    [hospital, productCode, 60, '2026-01-01', '2026-12-31'],
  ]);
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, ws, 'S');
  const fd = new FormData();
  fd.append('file', new Blob([new Uint8Array(XLSX.write(wb, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer)]), 'v.xlsx');
  const base = process.env.E2E_BASE_URL ?? `http://127.0.0.1:${process.env.E2E_PORT ?? '1338'}`;
  const res = await fetch(`${base}/api/contract-volumes/import`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${await api.login('bj_ybj')}` },
    body: fd,
  });
  expect(res.status).toBe(200);
}

test('apply for a certificate, sign with the PIN, see 已生效, download the PDF', async ({ openAs }) => {
  test.setTimeout(120_000);
  const weigao = await orgId('mf_weigao');
  // A distributor of its own, with a login and no certificate yet.
  const dist = await fixture('organisation', { name: `${tag}配送企业`, type: 'distributor', provinceCode: '11', enabled: true });
  const username = `${tag}u`.toLowerCase();
  expect((await api.post('/api/test/users', null, { username, password: DEMO_PASSWORD, orgId: dist.id })).status).toBe(200);
  const product = await fixture<{ id: number; code: string }>('product', {
    code: tag,
    name: `${tag}带量耗材`,
    registrationNo: `国械注准${tag}`,
    registrationValidTo: '2099-12-31',
    manufacturer: weigao,
    listed: true,
    vbp: true,
    priceFen: 88000,
    unit: '套',
  });
  const delegation = await fixture('delegation', {
    delegatorOrgId: weigao,
    manufacturerOrgId: weigao,
    distributorOrgId: dist.id,
    provinceCode: '11',
    status: 'accepted',
    level: 1,
    productCount: 1,
  });
  await fixture('delegation-item', {
    delegationId: delegation.id,
    productId: product.id,
    distributorOrgId: dist.id,
    provinceCode: '11',
    manufacturerOrgId: weigao,
    delegatorOrgId: weigao,
  });
  await fixture('hospital-relationship', { hospitalOrgId: await orgId('h_jst'), distributorOrgId: dist.id, provinceCode: '11', status: 'established' });
  await importVolume('北京积水潭医院', product.code);
  const jst = await api.login('h_jst');
  const volumes = await api.get<{ data: Array<{ documentId: string }> }>(`/api/contract-volumes?q=${product.code}`, jst);
  const picked = await api.post<{ data: { documentId: string } }>(`/api/contract-volumes/${volumes.body.data[0]!.documentId}/pick`, jst, {
    distributorOrgId: dist.id,
  });
  expect(picked.status).toBe(200);
  const contract = picked.body.data.documentId;
  for (const u of ['h_jst', 'mf_weigao']) expect((await api.post(`/api/contracts/${contract}/sign`, await api.login(u), { pin: '123456' })).status).toBe(200);

  const jwt = await api.login(username);
  const page = await openAs({ jwt }, '/certificates');
  await page.getByRole('button', { name: '证书申领' }).click();
  const apply = page.getByRole('dialog', { name: '证书申领' });
  await apply.getByLabel('PIN 码', { exact: true }).fill(PIN);
  await apply.getByLabel('确认 PIN 码').fill(PIN);
  await apply.getByRole('button', { name: /确\s*定|OK/ }).click();
  await expect(apply).toBeHidden();
  await expect(page.getByText('正常')).toBeVisible();
  expect((await api.get<{ data: { locked: boolean } | null }>('/api/pki/certificate', jwt)).body.data?.locked).toBe(false);

  await page.goto(`/contracts/show/${contract}`);
  await page.getByRole('button', { name: '签订' }).click();
  const ca = page.getByRole('dialog', { name: 'CA验证' });
  await ca.getByLabel('证书 PIN 码').fill(PIN);
  await ca.getByRole('button', { name: '确认签订' }).click();
  await expect(ca).toBeHidden();
  await expect(page.locator('.ant-card-head').getByText('已生效')).toBeVisible();
  await expect(page.getByText('签名有效')).toHaveCount(3);
  const stored = await api.get<{ data: { status: string; signatures: Array<{ valid: boolean }> } }>(`/api/contracts/${contract}/detail`, jwt);
  expect(stored.body.data.status).toBe('effective');
  expect(stored.body.data.signatures.every((s) => s.valid)).toBe(true);

  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '合同下载' }).click()]);
  expect(download.suggestedFilename()).toMatch(/\.pdf$/);
  const file = await download.path();
  expect(fs.readFileSync(file!).subarray(0, 5).toString()).toBe('%PDF-');
});

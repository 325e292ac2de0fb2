/**
 * 统计查询 in the browser: a distributor opens 按产品查询, filters on a hospital of its own test data,
 * reads the figures and the totals row, exports exactly the filtered rows, and follows a row to the
 * order lines behind it.
 */
import fs from 'node:fs';
import * as XLSX from 'xlsx';
import { expect } from '@playwright/test';
import { api, DEMO, DEMO_PASSWORD, test } from './helpers';

test.describe.configure({ timeout: 120_000 });

const tag = Date.now().toString(36);
const hospitalName = `E2E统计医院${tag}`;
const productA = `E2E统计螺钉${tag}`;
const productB = `E2E统计钢板${tag}`;
const chinaDay = (d: number) => new Date(Date.now() + 8 * 3600_000 + d * 86400_000).toISOString().slice(0, 10);

async function fixture(type: string, data: Record<string, unknown>) {
  const res = await api.post<{ data: { id: number; documentId: string } }>(`/api/test/fixtures/${type}`, null, { data });
  expect(res.status).toBe(200);
  return res.body.data;
}

test.beforeAll(async () => {
  const distJwt = await api.login(DEMO.distributor.username);
  const orgOf = async (jwt: string) => (await api.get<{ organisation: { id: number } }>('/api/me', jwt)).body.organisation.id;
  const [d, m] = [await orgOf(distJwt), await orgOf(await api.login(DEMO.manufacturer.username))];
  const h = await fixture('organisation', { name: hospitalName, type: 'hospital', provinceCode: '11', enabled: true });
  const username = `e2e_stat_${tag}`;
  expect((await api.post('/api/test/users', null, { username, password: DEMO_PASSWORD, orgId: h.id })).status).toBe(200);
  const hospJwt = await api.login(username);
  await fixture('hospital-relationship', { hospitalOrgId: h.id, distributorOrgId: d, provinceCode: '11', status: 'established' });
  const products: number[] = [];
  for (const [name, price] of [
    [productA, 10000],
    [productB, 25000],
  ] as const) {
    const p = await fixture('product', {
      code: `S${tag}${price}`,
      name,
      registrationNo: `国械注准S${tag}${price}`,
      registrationValidTo: chinaDay(800),
      manufacturer: m,
      unit: '个',
      priceFen: price,
      listed: true,
    });
    products.push(p.id);
    const del = await fixture('delegation', {
      delegatorOrgId: m,
      manufacturerOrgId: m,
      distributorOrgId: d,
      provinceCode: '11',
      status: 'accepted',
      level: 1,
      productCount: 1,
    });
    await fixture('delegation-item', {
      delegationId: del.id,
      productId: p.id,
      distributorOrgId: d,
      provinceCode: '11',
      manufacturerOrgId: m,
      delegatorOrgId: m,
    });
  }
  const placed = await api.post<{ data: { lines: Array<{ documentId: string }> } }>('/api/orders/place', hospJwt, {
    lines: [
      { productId: products[0], distributorOrgId: d, quantity: 10 },
      { productId: products[1], distributorOrgId: d, quantity: 4 },
    ],
  });
  expect(placed.status).toBe(200);
  const [a] = placed.body.data.lines.map((l) => l.documentId) as [string];
  expect((await api.post('/api/order-lines/confirm', distJwt, { ids: placed.body.data.lines.map((l) => l.documentId) })).status).toBe(200);
  const delivered = await api.post(`/api/order-lines/${a}/deliveries`, distJwt, {
    mode: 'batch',
    quantity: 8,
    batchNo: `SB${tag}`,
    productionDate: chinaDay(-30),
    expiryDate: chinaDay(700),
    invoiceCode: '011002300111',
    invoiceNo: '12345678',
  });
  expect(delivered.status).toBe(200);
});

test('a distributor filters 按产品查询 by hospital, reads the totals, exports and follows a row to its lines', async ({ openAs }) => {
  const page = await openAs(DEMO.distributor.username, '/statistics');
  await expect(page.getByRole('tab', { name: '按产品查询' })).toHaveAttribute('aria-selected', 'true');
  await page.getByLabel('医疗机构').click();
  await page.getByLabel('医疗机构').fill(hospitalName);
  await page.locator('.ant-select-dropdown:visible').getByText(hospitalName).click();
  await page
    .getByRole('button', { name: '查 询' })
    .or(page.getByRole('button', { name: '查询' }))
    .first()
    .click();

  const rowA = page.getByRole('row').filter({ hasText: productA });
  const rowB = page.getByRole('row').filter({ hasText: productB });
  await expect(rowA).toContainText('1,000.00'); // ordered 10 × 100.00
  await expect(rowA).toContainText('800.00'); // delivered 8
  await expect(rowA).toContainText('80.0%');
  await expect(rowB).toContainText('1,000.00'); // ordered 4 × 250.00
  await expect(rowB).toContainText('0.0%');
  const totals = page.locator('.ant-table-summary');
  await expect(totals).toContainText('合计');
  await expect(totals).toContainText('2,000.00');
  await expect(totals).toContainText('40.0%');

  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '导出' }).click()]);
  expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
  const wb = XLSX.read(fs.readFileSync((await download.path())!), { type: 'buffer' });
  const rows = XLSX.utils.sheet_to_json<Record<string, unknown>>(wb.Sheets[wb.SheetNames[0]!]!);
  expect(rows.map((r) => String(r['产品']))).toEqual([expect.stringContaining(productA), expect.stringContaining(productB), '合计']);
  expect(rows[0]).toMatchObject({ 采购数量: 10, 配送数量: 8, '配送率（数量）': '80.0%' });
  expect(rows[2]).toMatchObject({ 采购数量: 14, 配送数量: 8 });

  await rowA.getByRole('link', { name: '查看明细' }).click();
  await expect(page).toHaveURL(/\/order-lines\?/);
  await expect(page.getByRole('row').filter({ hasText: productA }).first()).toBeVisible();
  await expect(page.getByRole('row').filter({ hasText: productB })).toHaveCount(0);
});

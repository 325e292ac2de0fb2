/**
 * 批量配送 end to end: a hospital of its own orders three lines, the distributor confirms them; on the
 * 批量配送 page (opened from 订单明细) the distributor picks the hospital, ticks the three lines, fills the
 * first line's values, copies them to the others, submits once; the screen and the stored lines agree.
 */
import { expect } from '@playwright/test';
import { api, DEMO, test } from './helpers';

test.describe.configure({ timeout: 120_000 });

let tag = '';
const chinaDay = (offsetDays: number) => new Date(Date.now() + 8 * 3600_000 + offsetDays * 86400_000).toISOString().slice(0, 10);

async function fixture(type: string, data: Record<string, unknown>) {
  const res = await api.post<{ data: { id: number } }>(`/api/test/fixtures/${type}`, null, { data });
  expect(res.status).toBe(200);
  return res.body.data;
}

/** A Beijing hospital of its own with a login, three delegated products, an order of three lines confirmed by the distributor. */
async function seed() {
  tag = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 5)}`;
  const distJwt = await api.login(DEMO.distributor.username);
  const d = (await api.get<{ organisation: { id: number } }>('/api/me', distJwt)).body.organisation.id;
  const m = (await api.get<{ organisation: { id: number } }>('/api/me', await api.login(DEMO.manufacturer.username))).body.organisation.id;
  const hospitalName = `E2E批量医院${tag}`;
  const h = await fixture('organisation', { name: hospitalName, type: 'hospital', provinceCode: '11', enabled: true });
  const user = `e2e_h_${tag}`;
  expect((await api.post('/api/test/users', null, { username: user, password: 'Demo@123456', orgId: h.id, mustChangePassword: false })).status).toBe(200);
  const hospitalJwt = await api.login(user);
  await fixture('hospital-relationship', { hospitalOrgId: h.id, distributorOrgId: d, provinceCode: '11', status: 'established' });
  const lines = [];
  for (const [i, quantity] of [10, 6, 4].entries()) {
    const p = await fixture('product', {
      code: `EB${tag}${i}`,
      name: `E2E批量耗材${tag}-${i}`,
      registrationNo: `国械注准B${tag}${i}`,
      registrationValidTo: chinaDay(800),
      manufacturer: m,
      spec: 'Φ3.5',
      unit: '个',
      priceFen: 1000,
      listed: true,
    });
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
    lines.push({ productId: p.id, distributorOrgId: d, quantity });
  }
  const order = await api.post<{ data: { lines: Array<{ documentId: string }> } }>('/api/orders/place', hospitalJwt, { lines });
  expect(order.status).toBe(200);
  const ids = order.body.data.lines.map((l) => l.documentId);
  expect((await api.post('/api/order-lines/confirm', distJwt, { ids })).status).toBe(200);
  const detail = async (id: string) => (await api.get<{ data: any }>(`/api/order-lines/${id}/detail`, distJwt)).body.data;
  const refs = [];
  for (const id of ids) {
    const l = await detail(id);
    refs.push(`${l.orderCode}-${l.lineNo}`);
  }
  return { hospitalName, ids, refs, detail };
}

test('distributor delivers three lines of one hospital in one 批量配送', async ({ openAs }) => {
  const { hospitalName, ids, refs, detail } = await seed();
  const page = await openAs(DEMO.distributor.username, '/order-lines');
  await page.getByRole('button', { name: '批量配送' }).click();
  await expect(page).toHaveURL(/\/batch-delivery$/);
  await expect(page.getByText('请先选择医疗机构')).toBeVisible();

  // The picker searches on the server as one types.
  await page.getByRole('combobox', { name: '医疗机构' }).click();
  await page.getByRole('combobox', { name: '医疗机构' }).fill(hospitalName.slice(3));
  await page.locator('.ant-select-dropdown:visible').getByText(`${hospitalName}（待配送 3 条）`).click();
  for (const ref of refs) await page.getByRole('checkbox', { name: ref }).check();
  await expect(page.getByText('已选 3 条，合计配送数量 20')).toBeVisible();

  // The first line's values, copied to the others; the second line delivers part of its quantity in batches.
  await page.getByLabel(`生产批号 ${refs[0]}`).fill(`PH-${tag}`);
  for (const [field, day] of [
    ['生产日期', chinaDay(-30)],
    ['有效期', chinaDay(700)],
  ] as const) {
    const input = page.getByLabel(`${field} ${refs[0]}`);
    await input.click();
    await input.fill(day);
    await input.press('Enter');
  }
  await page.getByLabel(`发票号 ${refs[0]}`).fill('12345678901234567890');
  await page.getByRole('button', { name: '填入所有已选行' }).click();
  await expect(page.getByLabel(`生产批号 ${refs[2]}`)).toHaveValue(`PH-${tag}`);
  await page.locator(`.ant-select[aria-label="配送方式 ${refs[1]}"]`).click();
  await page.locator('.ant-select-dropdown:visible').getByText('分批次配送').click();
  await page.getByLabel(`配送数量 ${refs[1]}`).fill('2');
  await expect(page.getByText('已选 3 条，合计配送数量 16')).toBeVisible();

  await page.getByRole('button', { name: '提交配送' }).click();
  await page
    .getByRole('tooltip')
    .getByRole('button', { name: /确\s*定/ })
    .click();
  await expect(page.getByText('批量配送成功：3 条订单明细，合计数量 16')).toBeVisible();
  // The fully delivered lines leave the list; the one in 分批次配送 stays with 4 still to deliver.
  await expect(page.getByRole('checkbox', { name: refs[0]! })).toBeHidden();
  await expect(page.getByRole('row').filter({ hasText: refs[1]! }).getByRole('cell').nth(3)).toHaveText('4');

  expect(await detail(ids[0]!)).toMatchObject({ status: 'delivered', deliveryMode: 'standard', deliveredQty: 10 });
  expect(await detail(ids[1]!)).toMatchObject({ status: 'delivering', deliveryMode: 'batch', deliveredQty: 2 });
  const third = await detail(ids[2]!);
  expect(third).toMatchObject({ status: 'delivered', deliveredQty: 4 });
  expect(third.deliveries[0]).toMatchObject({
    batchNo: `PH-${tag}`,
    productionDate: chinaDay(-30),
    expiryDate: chinaDay(700),
    invoiceNo: '12345678901234567890',
  });
});

test('a refused line delivers nothing and is named under its cell', async ({ openAs }) => {
  const { hospitalName, ids, refs, detail } = await seed();
  const page = await openAs(DEMO.distributor.username, '/batch-delivery');
  // The picker searches on the server as one types.
  await page.getByRole('combobox', { name: '医疗机构' }).click();
  await page.getByRole('combobox', { name: '医疗机构' }).fill(hospitalName.slice(3));
  await page.locator('.ant-select-dropdown:visible').getByText(`${hospitalName}（待配送 3 条）`).click();
  await page.getByRole('checkbox', { name: refs[0] }).check();
  await page.getByRole('checkbox', { name: refs[1] }).check();
  for (const ref of refs.slice(0, 2)) {
    await page.getByLabel(`生产批号 ${ref}`).fill(`PH-${tag}`);
    for (const [field, day] of [
      ['生产日期', chinaDay(-30)],
      ['有效期', ref === refs[1] ? chinaDay(-1) : chinaDay(700)],
    ] as const) {
      const input = page.getByLabel(`${field} ${ref}`);
      await input.click();
      await input.fill(day);
      await input.press('Enter');
    }
  }
  await page.getByRole('button', { name: '提交配送' }).click();
  await page
    .getByRole('tooltip')
    .getByRole('button', { name: /确\s*定/ })
    .click();
  await expect(page.getByText('未配送：以下订单明细不符合要求，请修改后重新提交')).toBeVisible();
  await expect(page.getByRole('alert').filter({ hasText: '该批次已过有效期，不能配送' }).first()).toBeVisible();
  await expect(page.getByText(new RegExp(`第2行 ${refs[1]} 有效期：`))).toBeVisible();
  for (const id of ids) expect(await detail(id)).toMatchObject({ status: 'confirmed', deliveredQty: 0 });
});

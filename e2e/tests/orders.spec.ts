/**
 * 采购管理 › 订单明细 end to end: a hospital orders two lines; the distributor confirms one and rejects
 * the other; delivers the first in two batches (the mode locks; a batch over the remaining quantity is
 * refused); the hospital receives and fails an invoice; the distributor modifies it; the hospital passes
 * it; the hospital asks to return part; the distributor refuses, then agrees to a second request.
 */
import { expect, type Page } from '@playwright/test';
import { api, DEMO, test, type SignedInUser } from './helpers';

test.describe.configure({ mode: 'serial', timeout: 120_000 });

const tag = Date.now().toString(36);
const productA = `E2E骨科螺钉${tag}`;
const productB = `E2E接骨板${tag}`;
const batch1 = `PH1-${tag}`;
const batch2 = `PH2-${tag}`;
const chinaDay = (offsetDays: number) => new Date(Date.now() + 8 * 3600_000 + offsetDays * 86400_000).toISOString().slice(0, 10);

let hospitalJwt = '';
let distJwt = '';
let lineA = '';
let lineB = '';

async function orgId(jwt: string) {
  return (await api.get<{ organisation: { id: number } }>('/api/me', jwt)).body.organisation.id;
}
async function fixture(type: string, data: Record<string, unknown>) {
  const res = await api.post<{ data: { id: number } }>(`/api/test/fixtures/${type}`, null, { data });
  expect(res.status).toBe(200);
  return res.body.data;
}
async function lineOf(id: string, jwt = hospitalJwt) {
  return (await api.get<{ data: any }>(`/api/order-lines/${id}/detail`, jwt)).body.data;
}
/** A page signed in as `user` (saved state), on 订单明细. */
async function openOrders(openAs: (user: SignedInUser, url: string) => Promise<Page>, user: SignedInUser): Promise<Page> {
  const page = await openAs(user, '/order-lines');
  await expect(page.getByText('订单明细').first()).toBeVisible();
  return page;
}
function row(page: Page, text: string) {
  return page.getByRole('row').filter({ hasText: text }).last(); // the innermost row (an expanded row holds the nested ones)
}
async function expand(page: Page, text: string) {
  const r = row(page, text);
  await r.getByRole('button', { name: '详情' }).click();
}

test.beforeAll(async () => {
  hospitalJwt = await api.login(DEMO.hospital.username);
  distJwt = await api.login(DEMO.distributor.username);
  const [h, d, m] = [await orgId(hospitalJwt), await orgId(distJwt), await orgId(await api.login(DEMO.manufacturer.username))];
  await fixture('hospital-relationship', { hospitalOrgId: h, distributorOrgId: d, provinceCode: '11', status: 'established' });
  for (const [name, price] of [
    [productA, 12800],
    [productB, 56000],
  ] as const) {
    const p = await fixture('product', {
      code: `E${tag}${price}`,
      name,
      registrationNo: `国械注准${tag}${price}`,
      registrationValidTo: chinaDay(800),
      manufacturer: m,
      spec: 'Φ4.5',
      unit: '个',
      priceFen: price,
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
  }
});

test('hospital orders two lines', async ({ openAs }) => {
  const page = await openOrders(openAs, DEMO.hospital.username);
  await page.getByRole('button', { name: '新建订单' }).click();
  const dialog = page.getByRole('dialog', { name: '新建订单' });
  const pick = async (i: number, product: string, quantity: string) => {
    await dialog.locator(`#lines_${i}_productId`).click();
    await dialog.locator(`#lines_${i}_productId`).fill(product);
    await page.locator('.ant-select-dropdown:visible').getByText(product).click();
    // the next list must not open while this one is still closing (its option would be clicked instead)
    await expect(page.locator('.ant-select-dropdown:visible')).toHaveCount(0);
    await dialog.locator(`#lines_${i}_distributorOrgId`).click();
    await page.locator('.ant-select-dropdown:visible').getByText(DEMO.distributor.org).click();
    await expect(page.locator('.ant-select-dropdown:visible')).toHaveCount(0);
    await dialog.locator(`#lines_${i}_quantity`).fill(quantity);
  };
  await pick(0, productA, '10');
  await dialog.getByRole('button', { name: '添加明细' }).click();
  await pick(1, productB, '5');
  await expect(dialog.getByText('合计金额（元）：4080.00')).toBeVisible();
  await dialog.getByRole('button', { name: '提交订单' }).click();
  await expect(page.getByText(/订单已提交/)).toBeVisible();
  await expect(row(page, productA)).toContainText('待确认');
  await expect(row(page, productB)).toContainText('待确认');
  const list = (await api.get<{ data: any[] }>(`/api/order-lines/search?q=${encodeURIComponent(tag)}`, hospitalJwt)).body.data;
  lineA = list.find((l) => l.productName === productA).documentId;
  lineB = list.find((l) => l.productName === productB).documentId;
  expect(await lineOf(lineA)).toMatchObject({ status: 'pending', quantity: 10, unitPriceFen: 12800, amountFen: 128000 });
});

test('distributor confirms one line and rejects the other with a reason', async ({ openAs }) => {
  const page = await openOrders(openAs, DEMO.distributor.username);
  await expect(page.getByRole('tab', { name: /待配送/ })).toHaveAttribute('aria-selected', 'true');
  await row(page, productA).getByRole('button', { name: '确认', exact: true }).click();
  await expect(row(page, productA)).toContainText('企业已确认');
  await row(page, productB).getByRole('button', { name: '拒绝', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: '拒绝订单明细' });
  await dialog.getByRole('button', { name: '拒绝' }).click();
  await expect(dialog.getByText('请填写理由')).toBeVisible();
  await dialog.getByLabel('理由').fill('该规格暂时缺货');
  await dialog.getByRole('button', { name: '拒绝' }).click();
  await expect(dialog).toBeHidden();
  await expect(row(page, productB)).toHaveCount(0); // no longer 待配送
  expect(await lineOf(lineB, distJwt)).toMatchObject({ status: 'rejected', reason: '该规格暂时缺货' });
  expect(await lineOf(lineA, distJwt)).toMatchObject({ status: 'confirmed' });
});

test('distributor delivers in two batches; the mode locks; a batch over the remaining quantity is refused', async ({ openAs }) => {
  const page = await openOrders(openAs, DEMO.distributor.username);
  await row(page, productA).getByRole('button', { name: '配送', exact: true }).click();
  let dialog = page.getByRole('dialog', { name: /配送/ });
  await dialog.getByRole('radio', { name: '分批次配送' }).check();
  await dialog.getByLabel('配送数量').fill('6');
  await dialog.getByLabel('生产批号').fill(batch1);
  await dialog.getByLabel('生产日期').fill(chinaDay(-30));
  await dialog.getByLabel('生产日期').press('Enter');
  await dialog.getByLabel('有效期').fill(chinaDay(700));
  await dialog.getByLabel('有效期').press('Enter');
  await dialog.getByLabel('发票代码').fill('011002300111');
  await dialog.getByLabel('发票号码').fill('12345678');
  await dialog.getByRole('button', { name: '确定' }).click();
  await expect(dialog).toBeHidden();
  await expect(row(page, productA)).toContainText('配送中');
  // 继续配送: the mode is locked; 5 more than the 4 left is refused with the server's message.
  await row(page, productA).getByRole('button', { name: '继续配送' }).click();
  dialog = page.getByRole('dialog', { name: /配送/ });
  await expect(dialog.getByRole('radio', { name: '标准配送' })).toBeDisabled();
  await expect(dialog.getByRole('radio', { name: '分批次配送' })).toBeChecked();
  await expect(dialog.getByText('配送方式已锁定')).toBeVisible();
  await dialog.getByLabel('配送数量').fill('5');
  await dialog.getByLabel('生产批号').fill(batch2);
  await dialog.getByLabel('生产日期').fill(chinaDay(-10));
  await dialog.getByLabel('生产日期').press('Enter');
  await dialog.getByLabel('有效期').fill(chinaDay(600));
  await dialog.getByLabel('有效期').press('Enter');
  await dialog.getByRole('button', { name: '确定' }).click();
  await expect(dialog.getByRole('alert')).toContainText('配送数量超出采购数量');
  await expect(dialog.getByRole('alert')).toContainText('最多还可配送4');
  expect(await lineOf(lineA, distJwt)).toMatchObject({ deliveredQty: 6, deliveryCount: 1 });
  await dialog.getByLabel('配送数量').fill('4');
  await dialog.getByRole('button', { name: '确定' }).click();
  await expect(dialog).toBeHidden();
  expect(await lineOf(lineA, distJwt)).toMatchObject({ status: 'delivered', deliveryMode: 'batch', deliveredQty: 10, deliveryCount: 2 });
  // Now in 已配送, with both batches.
  await page.getByRole('tab', { name: /已配送/ }).click();
  await expand(page, productA);
  await expect(row(page, batch1)).toContainText('待查验');
  await expect(row(page, batch2)).toContainText('未填写');
});

test('hospital receives and fails an invoice; distributor modifies it; hospital passes it', async ({ openAs }) => {
  const page = await openOrders(openAs, DEMO.hospital.username);
  await expand(page, productA);
  await row(page, batch1).getByRole('button', { name: '收货' }).click();
  await page.getByRole('button', { name: '确定' }).click();
  await expect(row(page, batch1)).toContainText('已收货');
  await row(page, batch1).getByRole('button', { name: '不通过' }).click();
  const dialog = page.getByRole('dialog', { name: '查验发票' });
  await dialog.getByLabel('理由').fill('发票抬头与医院名称不符');
  await dialog.getByRole('button', { name: '不通过' }).click();
  await expect(row(page, batch1)).toContainText('查验不通过');

  const dist = await openOrders(openAs, DEMO.distributor.username);
  await dist.getByRole('tab', { name: /撤回修改/ }).click();
  const r = row(dist, batch1);
  await expect(r).toContainText('发票抬头与医院名称不符');
  await expect(r.getByRole('button', { name: '撤回' })).toHaveCount(0); // received: no withdrawal
  await r.getByRole('button', { name: '修改' }).click();
  const inv = dist.getByRole('dialog', { name: '修改' });
  await inv.getByLabel('发票代码').fill('');
  await inv.getByLabel('发票号码').fill('24112000000012345678');
  await inv.getByRole('button', { name: '确定' }).click();
  await expect(inv).toBeHidden();
  await expect(row(dist, batch1)).toHaveCount(0);
  await dist.close();

  await page.reload();
  await expand(page, productA);
  await expect(row(page, batch1)).toContainText('待查验');
  await row(page, batch1).getByRole('button', { name: '通过', exact: true }).click();
  await expect(row(page, batch1)).toContainText('查验通过');
  const d = (await lineOf(lineA)).deliveries.find((x: any) => x.batchNo === batch1);
  expect(d).toMatchObject({ status: 'received', invoiceStatus: 'passed', invoiceNo: '24112000000012345678', invoiceCode: null });
});

test('hospital asks to return part; distributor refuses with a reason, then agrees to a second request', async ({ openAs }) => {
  const page = await openOrders(openAs, DEMO.hospital.username);
  await row(page, productA).getByRole('button', { name: '退货' }).click();
  let dialog = page.getByRole('dialog', { name: /申请退货/ });
  await expect(dialog.getByText('可退数量 6')).toBeVisible();
  await dialog.getByLabel('退货数量').fill('3');
  await dialog.getByLabel('理由').fill('包装破损');
  await dialog.getByRole('button', { name: '确定' }).click();
  await expect(dialog).toBeHidden();

  const dist = await openOrders(openAs, DEMO.distributor.username);
  await dist.getByRole('tab', { name: /退货处理/ }).click();
  await row(dist, '包装破损').getByRole('button', { name: '拒绝退货' }).click();
  const refuse = dist.getByRole('dialog', { name: '拒绝退货' });
  await refuse.getByLabel('理由').fill('外包装破损不影响使用');
  await refuse.getByRole('button', { name: '拒绝退货' }).click();
  await expect(row(dist, '包装破损')).toContainText('已拒绝退货');

  // The hospital sees the answer and asks again.
  await page.getByRole('tab', { name: /退货申请/ }).click();
  await page.reload();
  await page.getByRole('tab', { name: /退货申请/ }).click();
  await expect(row(page, '包装破损')).toContainText('外包装破损不影响使用');
  await page.getByRole('tab', { name: /^订单明细/ }).click();
  await row(page, productA).getByRole('button', { name: '退货' }).click();
  dialog = page.getByRole('dialog', { name: /申请退货/ });
  await dialog.getByLabel('退货数量').fill('2');
  await dialog.getByLabel('理由').fill('批次召回');
  await dialog.getByRole('button', { name: '确定' }).click();
  await expect(dialog).toBeHidden();

  await dist.reload();
  await dist.getByRole('tab', { name: /退货处理/ }).click();
  await row(dist, '批次召回').getByRole('button', { name: '同意退货' }).click();
  await dist.getByRole('button', { name: '确定' }).click();
  await expect(row(dist, '批次召回')).toContainText('已同意退货');
  await dist.close();
  expect(await lineOf(lineA)).toMatchObject({ receivedQty: 6, returnedQty: 2, returnPendingQty: 0 });
  // The history of the line shows every step.
  const h = (await api.get<{ data: any[] }>(`/api/history/order-line/${lineA}`, hospitalJwt)).body.data.map((x) => x.action);
  expect(h).toEqual(
    expect.arrayContaining([
      'place',
      'confirm',
      'deliver',
      'receive',
      'failInvoice',
      'modifyInvoice',
      'passInvoice',
      'requestReturn',
      'refuseReturn',
      'agreeReturn',
    ]),
  );
});

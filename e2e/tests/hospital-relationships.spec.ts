/**
 * 医院配送关系: a hospital asks a distributor to deliver (委托配送申请), the distributor accepts;
 * the hospital asks to revoke, the distributor accepts (解约中 with its end date); with the server's
 * clock moved past 30 days the row reads 已解除. A fresh hospital and distributor per run.
 */
import { expect, type Page } from '@playwright/test';
import { api, confirmDialog, DEMO_PASSWORD, test, type SignedInUser } from './helpers';

const DAY = 24 * 3600 * 1000;
const stamp = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 5)}`;
const hospitalName = `测试医院${stamp}`;
const distributorName = `测试配送企业${stamp}`;

async function orgWithUser(name: string, type: 'hospital' | 'distributor') {
  const org = await api.post<{ data: { id: number } }>('/api/test/fixtures/organisation', null, {
    data: { name, type, provinceCode: '11', regionCode: '110105', ...(type === 'distributor' ? { distributionAreaCodes: ['110101', '110105'] } : {}) },
  });
  expect(org.status).toBe(200);
  const username = `${type === 'hospital' ? 'h' : 'd'}_${stamp}_${Math.random().toString(36).slice(2, 6)}`;
  const user = await api.post('/api/test/users', null, { username, password: DEMO_PASSWORD, orgId: org.body.data.id });
  expect(user.status).toBe(200);
  return { id: org.body.data.id, username, jwt: await api.login(username) };
}

/** The Chinese date (UTC+8) of an instant. */
const chinaDay = (iso: string) => new Date(new Date(iso).getTime() + 8 * 3600 * 1000).toISOString().slice(0, 10);
/** 'YYYY-MM-DD HH:mm:ss' in China time, as the panel shows date-times. */
const chinaTime = (iso: string) => new Date(new Date(iso).getTime() + 8 * 3600 * 1000).toISOString().slice(0, 19).replace('T', ' ');

type OpenAs = (who: SignedInUser | { jwt: string }) => Promise<Page>;

/** A page signed in as `who` (its JWT, or a demo user's saved state) that opens 医院配送关系 from the menu. */
async function openPage(openAs: OpenAs, who: SignedInUser | { jwt: string }): Promise<Page> {
  const page = await openAs(who);
  await page.locator('aside').getByRole('link', { name: '医院配送关系', exact: true }).click();
  await expect(page.getByRole('heading', { name: '医院配送关系' })).toBeVisible();
  return page;
}

let hospital: Awaited<ReturnType<typeof orgWithUser>>;
let distributor: Awaited<ReturnType<typeof orgWithUser>>;

test.beforeAll(async () => {
  await api.post('/api/test/clock', null, { offsetMs: 0 });
  hospital = await orgWithUser(hospitalName, 'hospital');
  distributor = await orgWithUser(distributorName, 'distributor');
});

test.afterAll(async () => {
  await api.post('/api/test/clock', null, { offsetMs: 0 });
});

/** A relationship as GET /api/hospital-relationships/list answers it (the fields these tests read). */
interface StoredRelationship {
  documentId: string;
  status: string;
  orderable: boolean;
  revokeReason: string | null;
  requestedAt: string;
  terminationEndsAt: string;
}

async function stored() {
  const res = await api.get<{ data: StoredRelationship[] }>(`/api/hospital-relationships/list?distributorOrgId=${distributor.id}`, hospital.jwt);
  expect(res.status).toBe(200);
  return res.body.data;
}

test.describe.serial('医院配送关系 from request to 已解除', () => {
  test.describe.configure({ timeout: 120_000 });
  test('the hospital requests delivery; the distributor accepts', async ({ openAs }) => {
    let page = await openPage(openAs, hospital);
    await expect(page.getByText('当前没有可下单的配送企业')).toBeVisible();
    await page.getByRole('button', { name: '委托配送申请' }).click();
    const dialog = page.getByRole('dialog', { name: '委托配送申请' });
    await dialog.getByLabel('配送企业').click();
    await dialog.getByLabel('配送企业').fill(distributorName);
    await page.locator('.ant-select-item-option').filter({ hasText: distributorName }).click();
    await expect(page.locator('.ant-select-item-option').filter({ hasText: distributorName })).toBeHidden();
    await dialog.getByRole('button', { name: '提交申请' }).click();
    await expect(dialog).toBeHidden();
    const row = page.getByRole('row', { name: new RegExp(distributorName) });
    await expect(row.getByText('待确认')).toBeVisible();
    await expect(row.getByText('东城区、朝阳区')).toBeVisible();
    const requested = await stored();
    expect(requested.map((r) => r.status)).toEqual(['pending']);
    await expect(row.getByText(chinaTime(requested[0]!.requestedAt))).toBeVisible();

    page = await openPage(openAs, distributor);
    await expect(page.getByText('待处理：委托申请 1 条')).toBeVisible();
    const drow = page.getByRole('row', { name: new RegExp(hospitalName) });
    await expect(drow.getByText('待确认')).toBeVisible();
    await expect(drow.getByText('朝阳区')).toBeVisible();
    await drow.getByRole('checkbox').check();
    await expect(page.getByText('已选择 1 条')).toBeVisible();
    await page.getByRole('toolbar', { name: '批量处理' }).getByRole('button', { name: '接受委托' }).click();
    await confirmDialog(page);
    await expect(drow.getByText('已建立')).toBeVisible();
    const [rel] = await stored();
    expect(rel).toMatchObject({ status: 'established', orderable: true });

    // The hospital sees whom it may order from now.
    page = await openPage(openAs, hospital);
    await expect(page.getByTestId('orderable-distributors')).toContainText(distributorName);
  });

  test('the hospital asks to revoke; the distributor accepts: 解约中 with its end date and days left', async ({ openAs }) => {
    let page = await openPage(openAs, hospital);
    const row = page.getByRole('row', { name: new RegExp(distributorName) });
    await row.getByRole('button', { name: '撤销申请' }).click();
    const dialog = page.getByRole('dialog', { name: '撤销申请' });
    await dialog.getByLabel('撤销理由（选填）').fill('改由其他企业配送');
    await confirmDialog(page);
    await expect(row.getByText('撤销待确认')).toBeVisible();
    expect((await stored())[0]).toMatchObject({ status: 'revoking', revokeReason: '改由其他企业配送' });

    page = await openPage(openAs, distributor);
    const drow = page.getByRole('row', { name: new RegExp(hospitalName) });
    await drow.getByRole('checkbox').check();
    await page.getByRole('toolbar', { name: '批量处理' }).getByRole('button', { name: '接受撤销' }).click();
    await confirmDialog(page);
    await expect(drow.getByText('解约中')).toBeVisible();
    const [rel] = await stored();
    expect(rel.status).toBe('terminating');
    await expect(drow.getByText(chinaDay(rel.terminationEndsAt))).toBeVisible();
    await expect(drow.getByText('剩余30天')).toBeVisible();

    page = await openPage(openAs, hospital);
    await expect(page.getByText('当前没有可下单的配送企业')).toBeVisible();
    await expect(page.getByRole('row', { name: new RegExp(distributorName) }).getByText('不可下单')).toBeVisible();
  });

  test('day 29 still 解约中; with the clock past 30 days the row reads 已解除, also under the 已解除 filter', async ({ openAs }) => {
    await api.post('/api/test/clock', null, { offsetMs: 29 * DAY });
    const page = await openPage(openAs, distributor);
    const drow = page.getByRole('row', { name: new RegExp(hospitalName) });
    await expect(drow.getByText('解约中')).toBeVisible();
    await expect(drow.getByText('剩余1天')).toBeVisible();

    await api.post('/api/test/clock', null, { offsetMs: 30 * DAY + 60_000 });
    await page.reload();
    await expect(drow.getByText('已解除')).toBeVisible();
    await expect(drow.getByText(/剩余\d+天/)).toHaveCount(0);
    expect((await stored())[0]).toMatchObject({ status: 'terminated', orderable: false });

    await page.getByLabel('状态').first().click();
    await page
      .locator('.ant-select-item-option')
      .filter({ hasText: /^已解除/ })
      .click();
    await expect(drow.getByText('已解除')).toBeVisible();
    await page.getByLabel('状态').first().click();
    await page
      .locator('.ant-select-item-option')
      .filter({ hasText: /^解约中/ })
      .click();
    await expect(page.getByRole('row', { name: new RegExp(hospitalName) })).toHaveCount(0);
  });

  test('the bureau reads its province’s relationships without any action', async ({ openAs }) => {
    const page = await openPage(openAs, 'bj_ybj');
    await page.getByRole('searchbox', { name: '医疗机构或配送企业名称' }).fill(hospitalName);
    await page.getByRole('searchbox', { name: '医疗机构或配送企业名称' }).press('Enter');
    const row = page.getByRole('row', { name: new RegExp(hospitalName) });
    await expect(row.getByText(distributorName)).toBeVisible();
    await expect(row.getByText('已解除')).toBeVisible();
    // only reading: the row's 详情, each side's 对方联系人 card and 历史, no action
    const buttons = row.getByRole('button');
    await expect(buttons).toHaveCount(4);
    await expect(buttons.nth(0)).toHaveText('详情');
    await expect(buttons.nth(1)).toHaveAccessibleName(`对方联系人 ${hospitalName}`);
    await expect(buttons.nth(2)).toHaveAccessibleName(`对方联系人 ${distributorName}`);
    await expect(buttons.nth(3)).toHaveText('历史');
    await expect(page.getByRole('button', { name: '委托配送申请' })).toHaveCount(0);
    await expect(page.getByRole('toolbar', { name: '批量处理' })).toHaveCount(0);
  });
});

test('a hospital withdraws a request still 待确认; the distributor rejects another with a reason', async ({ openAs }) => {
  test.setTimeout(120_000);
  await api.post('/api/test/clock', null, { offsetMs: 0 });
  const h = await orgWithUser(`${hospitalName}乙`, 'hospital');
  const d2 = await orgWithUser(`${distributorName}乙`, 'distributor');
  const first = await api.post<{ data: { documentId: string } }>('/api/hospital-relationships/request', h.jwt, { distributorOrgId: distributor.id });
  expect(first.status).toBe(201);
  const second = await api.post('/api/hospital-relationships/request', h.jwt, { distributorOrgId: d2.id });
  expect(second.status).toBe(201);

  let page = await openPage(openAs, h);
  const row = page.getByRole('row', { name: new RegExp(`${distributorName}(?!乙)`) });
  await row.getByRole('button', { name: '撤回申请' }).click();
  await confirmDialog(page);
  await expect(row.getByText('已撤回')).toBeVisible();
  const mine = await api.get<{ data: { status: string } }>(`/api/hospital-relationships/detail/${first.body.data.documentId}`, h.jwt);
  expect(mine.body.data.status).toBe('withdrawn');

  page = await openPage(openAs, d2);
  const drow = page.getByRole('row', { name: new RegExp(`${hospitalName}乙`) });
  await drow.getByRole('checkbox').check();
  await page.getByRole('toolbar', { name: '批量处理' }).getByRole('button', { name: '拒绝委托' }).click();
  const dialog = page.getByRole('dialog', { name: '拒绝委托' });
  await dialog.getByRole('button', { name: /确\s*定/ }).click(); // without a reason: refused in the form
  await expect(dialog.getByText('请填写理由')).toBeVisible();
  await dialog.getByLabel('理由').fill('不在配送区域');
  await confirmDialog(page);
  await expect(dialog).toBeHidden();
  await expect(drow.getByText('已拒绝')).toBeVisible();
  await expect(drow.getByText('不在配送区域')).toBeVisible();
});

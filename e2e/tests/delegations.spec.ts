/**
 * 挂网目录 and 生产配送关系 in the browser: a manufacturer delegates three products, the distributor
 * opens the product count, accepts two delegations at once and rejects one with a reason, which the
 * manufacturer then sees; the distributor sub-delegates and the sub-distributor accepts; the
 * catalogue export downloads an .xlsx whose rows match the filter.
 */
import fs from 'node:fs';
import * as XLSX from 'xlsx';
import { expect, type Page } from '@playwright/test';
import { api, test } from './helpers';

const tag = `E2E${Date.now().toString(36)}`;
const MF = { weigao: '山东威高骨科材料股份有限公司', chunli: '北京市春立正达医疗器械股份有限公司', dabo: '大博医疗科技股份有限公司' };
const DIST1 = '国药控股北京有限公司';
const DIST2 = '华润医药商业集团有限公司';

async function orgId(username: string): Promise<number> {
  const jwt = await api.login(username);
  const me = await api.get<{ organisation: { id: number } }>('/api/me', jwt);
  return me.body.organisation.id;
}

async function fixtureProduct(manufacturer: number, name: string, data: Record<string, unknown> = {}) {
  const code = `${tag}${Math.random().toString(36).slice(2, 7)}`.slice(0, 32);
  const res = await api.post<{ data: { id: number; documentId: string; code: string } }>(`/api/test/fixtures/product`, null, {
    data: {
      code,
      name,
      registrationNo: `国械注准${code}`,
      registrationValidTo: '2099-12-31',
      manufacturer,
      category: 'trauma',
      listed: true,
      priceFen: 50000,
      ...data,
    },
  });
  expect(res.status).toBe(200);
  return res.body.data;
}

/** Picks `option` in the antd Select labelled `label` (inside `scope`). */
async function pick(page: Page, label: string, option: string) {
  const box = page.getByRole('dialog').getByLabel(label);
  await box.click();
  await box.fill(option.slice(0, 4));
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: option }).first().click();
  // the next click must not land while the list is still closing
  await expect(page.locator('.ant-select-dropdown:visible')).toHaveCount(0);
}

test('delegations end to end: delegate, open product count, batch accept, reject with reason, sub-delegate', async ({ openAs }) => {
  test.setTimeout(180_000);
  const ids = { weigao: await orgId('mf_weigao'), chunli: await orgId('mf_chunli'), dabo: await orgId('mf_dabo'), dist1: await orgId('P11PS0001') };
  const mine = [];
  for (let i = 1; i <= 3; i++) mine.push(await fixtureProduct(ids.weigao, `${tag}威高产品${i}`));
  // two more pending delegations to the same distributor, from the other manufacturers (arranged through the API)
  const chunliProduct = await fixtureProduct(ids.chunli, `${tag}春立产品`);
  const daboProduct = await fixtureProduct(ids.dabo, `${tag}大博产品`);
  const byChunli = await api.post<{ data: { documentId: string } }>('/api/delegations/create', await api.login('mf_chunli'), {
    distributorOrgId: ids.dist1,
    provinceCode: '11',
    productIds: [chunliProduct.documentId],
  });
  const byDabo = await api.post<{ data: { documentId: string } }>('/api/delegations/create', await api.login('mf_dabo'), {
    distributorOrgId: ids.dist1,
    provinceCode: '11',
    productIds: [daboProduct.documentId],
  });
  expect(byChunli.status).toBe(200);
  expect(byDabo.status).toBe(200);

  // 1. The manufacturer ticks its three products in the catalogue and delegates them.
  let page = await openAs('mf_weigao', '/catalogue');
  await page.getByLabel('关键字').fill(tag);
  await page.getByRole('button', { name: '查询' }).click();
  await expect(page.locator('tbody tr.ant-table-row')).toHaveCount(5);
  for (const p of mine) await page.getByRole('checkbox', { name: `${tag}威高产品${mine.indexOf(p) + 1}` }).check();
  await expect(page.getByText('已选 3 个产品')).toBeVisible();
  await page.getByRole('button', { name: '委托配送' }).click();
  await pick(page, '配送省份', '北京市');
  await pick(page, '配送企业', DIST1);
  await page.getByRole('dialog').getByRole('button', { name: '提交' }).click();
  await expect(page.getByText('已提交委托，等待配送企业确认')).toBeVisible();
  const weigaoJwt = await api.login('mf_weigao');
  const mfList = await api.get<{ data: Array<{ documentId: string; productCount: number; status: string; distributorName: string }> }>(
    '/api/delegation-list?status=pending',
    weigaoJwt,
  );
  const created = mfList.body.data.find((d) => d.productCount === 3 && d.distributorName === DIST1);
  expect(created).toBeTruthy();

  // 2. The distributor opens the product count, accepts two at once, rejects one with a reason.
  page = await openAs('P11PS0001', '/delegations');
  const rows = page.locator('tbody tr.ant-table-row');
  let weigaoRow = rows.filter({ hasText: MF.weigao }).filter({ has: page.getByRole('button', { name: '产品数量 3' }) });
  await weigaoRow.getByRole('button', { name: '产品数量 3' }).click();
  const drawer = page.locator('.ant-drawer-content');
  for (let i = 1; i <= 3; i++) await expect(drawer.getByText(`${tag}威高产品${i}`)).toBeVisible();
  await drawer.getByRole('button', { name: 'Close' }).or(drawer.getByLabel('Close')).first().click();

  const chunliRow = rows.filter({ hasText: MF.chunli }).filter({ hasText: '待确认' }).first();
  const daboRow = rows.filter({ hasText: MF.dabo }).filter({ hasText: '待确认' }).first();
  await weigaoRow.getByRole('checkbox').check();
  await chunliRow.getByRole('checkbox').check();
  await expect(page.getByText('已选 2 条')).toBeVisible();
  await page.getByRole('button', { name: '接受委托' }).first().click();
  await expect(page.locator('.ant-modal-confirm')).toContainText('确定接受所选的 2 条委托？');
  await page.locator('.ant-modal-confirm').getByRole('button', { name: '接受委托' }).click();
  await expect(page.getByText('操作成功')).toBeVisible();
  await expect(weigaoRow.getByText('已确认')).toBeVisible();

  await daboRow.getByRole('button', { name: '拒绝委托' }).click();
  const dialog = page.getByRole('dialog', { name: '拒绝委托' });
  await dialog.getByRole('button', { name: '拒绝委托' }).click();
  await expect(dialog.getByText('请填写拒绝理由')).toBeVisible();
  await dialog.getByLabel('拒绝理由').fill('本省暂无该类产品配送能力');
  await dialog.getByRole('button', { name: '拒绝委托' }).click();
  await expect(dialog).toBeHidden();

  const dist1Jwt = await api.login('P11PS0001');
  const status = async (jwt: string, id: string) =>
    (await api.get<{ data: { status: string; reason: string | null } }>(`/api/delegations/${id}/detail`, jwt)).body.data;
  expect((await status(dist1Jwt, created!.documentId)).status).toBe('accepted');
  expect((await status(dist1Jwt, byChunli.body.data.documentId)).status).toBe('accepted');
  expect(await status(dist1Jwt, byDabo.body.data.documentId)).toMatchObject({ status: 'rejected', reason: '本省暂无该类产品配送能力' });

  // 3. The manufacturer that was refused sees the reason.
  page = await openAs('mf_dabo', '/delegations');
  const refused = page.locator('tbody tr.ant-table-row').filter({ hasText: DIST1 }).filter({ hasText: '已拒绝' });
  await expect(refused.getByText('本省暂无该类产品配送能力')).toBeVisible();
  // its history reads the transition and the reason
  await refused.getByRole('button', { name: '历史' }).click();
  const history = page.locator('.ant-drawer-content').filter({ hasText: '状态历史' });
  await expect(history.getByText('待确认 → 已拒绝（拒绝委托；理由：本省暂无该类产品配送能力）')).toBeVisible();

  // 4. The distributor sub-delegates two of the three products; the sub-distributor accepts.
  page = await openAs('P11PS0001', '/delegations');
  weigaoRow = page
    .locator('tbody tr.ant-table-row')
    .filter({ hasText: MF.weigao })
    .filter({ has: page.getByRole('button', { name: '产品数量 3' }) });
  await weigaoRow.getByRole('button', { name: '下级配送' }).click();
  const sub = page.getByRole('dialog', { name: '设置下级配送企业' });
  await pick(page, '配送企业', DIST2);
  await expect(sub.getByRole('checkbox', { name: new RegExp(`${tag}威高产品1`) })).toBeChecked();
  // a click, then a waiting assertion: the form re-renders the group a moment after the click
  const third = sub.getByRole('checkbox', { name: new RegExp(`${tag}威高产品3`) });
  await third.click();
  await expect(third).not.toBeChecked();
  await sub.getByRole('button', { name: '提交' }).click();
  await expect(sub).toBeHidden();
  await page.getByRole('tab', { name: '下级配送' }).click();
  const subRow = page.locator('tbody tr.ant-table-row').filter({ hasText: DIST2 }).filter({ hasText: MF.weigao }).first();
  await expect(subRow.getByText('待确认')).toBeVisible();
  await expect(subRow.getByRole('button', { name: '产品数量 2' })).toBeVisible();

  page = await openAs('P11PS0002', '/delegations');
  // the delegator (DIST1) is in the row's 详情, not in its columns; the row with this test's two products
  const incoming = page
    .locator('tbody tr.ant-table-row')
    .filter({ hasText: MF.weigao })
    .filter({ hasText: '待确认' })
    .filter({ has: page.getByRole('button', { name: '产品数量 2' }) })
    .first();
  await incoming.getByRole('button', { name: '详情' }).click();
  await expect(page.locator('tr.ant-table-expanded-row').getByText(DIST1)).toBeVisible();
  await incoming.getByRole('button', { name: '接受委托' }).click();
  await page.locator('.ant-modal-confirm').getByRole('button', { name: '接受委托' }).click();
  await expect(page.getByText('操作成功')).toBeVisible();

  // the primary distributor sees the answer; the sub-distributor's 配送产品目录 lists the two products
  const out = await api.get<{ data: Array<{ level: number; status: string; distributorName: string; productCount: number; parentDocumentId: string }> }>(
    '/api/delegation-list?box=outgoing',
    dist1Jwt,
  );
  expect(out.body.data.find((d) => d.parentDocumentId === created!.documentId)).toMatchObject({
    level: 2,
    status: 'accepted',
    distributorName: DIST2,
    productCount: 2,
  });
  await page.goto('/delegated-products');
  await page.getByLabel('关键字').fill(tag);
  await page.getByRole('button', { name: '查询' }).click();
  await expect(page.locator('tbody tr.ant-table-row')).toHaveCount(2);
  await expect(page.getByText(`${tag}威高产品3`)).toHaveCount(0);
});

test('catalogue: lights, legend, details and an export whose rows match the filter', async ({ openAs }) => {
  const weigao = await orgId('mf_weigao');
  const today = new Date(Date.now() + 8 * 3600_000);
  const day = (n: number) => new Date(today.getTime() + n * 86_400_000).toISOString().slice(0, 10);
  const soon1 = await fixtureProduct(weigao, `${tag}临期甲`, { registrationValidTo: day(10), keyMonitored: true });
  const soon2 = await fixtureProduct(weigao, `${tag}临期乙`, { registrationValidTo: day(30) });
  await fixtureProduct(weigao, `${tag}过期丙`, { registrationValidTo: day(-3) });
  await fixtureProduct(weigao, `${tag}有效丁`, { registrationValidTo: day(400) });

  const page = await openAs('h_jst', '/catalogue');
  await expect(page.getByText('90天内到期')).toBeVisible();
  await page.getByLabel('关键字').fill(`${tag}临期`);
  await page.getByLabel('证书状态').click();
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: '即将到期' }).click();
  await page.getByRole('button', { name: '查询' }).click();
  const rows = page.locator('tbody tr.ant-table-row');
  await expect(rows).toHaveCount(2);
  await expect(rows.filter({ hasText: `${tag}临期甲` }).getByLabel('重点监控')).toBeVisible();
  await expect(rows.locator('[data-light="yellow"]')).toHaveCount(2);

  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '导出' }).click()]);
  expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
  const file = await download.path();
  const wb = XLSX.read(fs.readFileSync(file!), { type: 'buffer' });
  const sheet = XLSX.utils.sheet_to_json<Record<string, string>>(wb.Sheets[wb.SheetNames[0]!]!);
  expect(sheet.map((r) => r['产品编码']).sort()).toEqual([soon1.code, soon2.code].sort());
  expect(sheet.every((r) => r['证书状态'] === '即将到期')).toBe(true);

  // the same filter through the API answers the same rows
  const jwt = await api.login('h_jst');
  const listed = await api.get<{ data: Array<{ code: string }> }>(`/api/catalogue?q=${encodeURIComponent(`${tag}临期`)}&light=yellow`, jwt);
  expect(listed.body.data.map((r) => r.code).sort()).toEqual(sheet.map((r) => r['产品编码']).sort());

  // the product name opens its details
  await rows
    .filter({ hasText: `${tag}临期甲` })
    .getByRole('link', { name: `${tag}临期甲` })
    .click();
  await expect(page.getByText('产品详情')).toBeVisible();
  await expect(page.getByText(soon1.code, { exact: true })).toBeVisible();
});

/**
 * 用户管理 › 配送企业管理 (manual 000) as a bureau user would use it, and the distributor's first login.
 */
import fs from 'node:fs';
import { expect, type Page } from '@playwright/test';
import * as XLSX from 'xlsx';
import { api, confirmDialog, DEMO_PASSWORD, loginAs, sideMenu, stateOf, test } from './helpers';

const BUREAU = 'sx_ybj' as const;
const M = '/api/distributor-accounts/manage';
const HEADER = ['省级耗材网采用户名', '配送企业名称', '统一社会信用代码', '法人', '被授权人', '联系电话'];

const CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
/** A random valid 统一社会信用代码 (GB 32100-2015 check character). */
function creditCode(): string {
  let s = '9114';
  for (let i = 0; i < 13; i++) s += String(Math.floor(Math.random() * 10));
  const sum = [...s].reduce((acc, ch, i) => acc + CHARSET.indexOf(ch) * WEIGHTS[i]!, 0);
  return s + CHARSET[(31 - (sum % 31)) % 31];
}
const mobile = () => `139${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`;
const tag = () => Date.now().toString(36).toUpperCase() + Math.random().toString(36).slice(2, 5).toUpperCase();

async function bureauJwt() {
  return api.login(BUREAU);
}
/** An account as GET /api/distributor-accounts/manage answers it (the fields these tests read). */
interface StoredAccount {
  documentId: string;
  username: string;
  companyName: string;
  legalPerson: string;
  issued: boolean;
  enabled: boolean;
  distributionAreas: string[];
}
/** No one signed in: for the tests that sign a fresh account in through the form. */
const SIGNED_OUT = { cookies: [], origins: [] };

async function createViaApi(companyName: string, provincialAccount = '') {
  const res = await api.post<{ data: StoredAccount }>(M, await bureauJwt(), {
    data: { provincialAccount, companyName, creditCode: creditCode(), phone: mobile() },
  });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body.data;
}
async function findRow(query: string) {
  const res = await api.get<{ data: StoredAccount[] }>(`${M}?${query}`, await bureauJwt());
  expect(res.status).toBe(200);
  return res.body.data;
}
/** The bureau (signed in by its saved state) opens 配送企业管理 from the menu. */
async function openAccounts(page: Page) {
  await page.goto('/');
  await sideMenu(page).getByRole('link', { name: '配送企业管理', exact: true }).click();
  await expect(page.getByText('本省配送企业用户列表')).toBeVisible();
}
async function searchCompany(page: Page, name: string) {
  await page.getByRole('textbox', { name: '配送企业名称' }).fill(name);
  await page.getByRole('button', { name: '查询' }).click();
}
const xlsxFile = (rows: unknown[][]) => {
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet(rows), 'Sheet1');
  return XLSX.write(wb, { type: 'buffer', bookType: 'xlsx' }) as Buffer;
};

test.describe('as the Shanxi bureau', () => {
  test.use({ storageState: stateOf(BUREAU) });

  test('账号添加 then 发放: the username is shown before saving, the row becomes issued', async ({ page }) => {
    const t = tag();
    const name = `界面添加配送${t}`;
    const account = `UI${t}`.slice(0, 20);
    await openAccounts(page);
    await page.getByRole('button', { name: '账号添加' }).click();
    const dialog = page.getByRole('dialog', { name: '账号添加' });
    await dialog.getByLabel('省平台账号').fill(account);
    await expect(dialog.getByTestId('username-preview')).toHaveText(`P14${account}`);
    await dialog.getByLabel('配送企业名称').fill(name);
    await dialog.getByLabel('统一社会信用代码').fill('91110000101118502X');
    await dialog.getByLabel('法人', { exact: true }).fill('王法人');
    await dialog.getByLabel('被授权人').fill('李授权');
    await dialog.getByLabel('联系电话').fill('010-67800000');
    await dialog.getByRole('button', { name: '保存' }).click();
    await expect(dialog.getByText(/统一社会信用代码/).last()).toBeVisible();
    await dialog.getByLabel('统一社会信用代码').fill(creditCode());
    await dialog.getByRole('button', { name: '保存' }).click();
    await expect(dialog).toBeHidden();

    await searchCompany(page, name);
    const row = page.getByRole('row').filter({ hasText: name });
    await expect(row).toContainText(`P14${account}`);
    await expect(row.getByRole('button', { name: '发放' })).toBeVisible();
    await row.getByRole('button', { name: '发放' }).click();
    await confirmDialog(page, /确认发放账号/);
    await expect(row.getByRole('button', { name: '重置密码' })).toBeVisible();
    await expect(row.getByRole('button', { name: '禁用' })).toBeVisible();

    const stored = (await findRow(`username=P14${account}`))[0];
    expect(stored).toMatchObject({ companyName: name, issued: true, enabled: true, legalPerson: '王法人' });
    expect((await api.post('/api/auth/local', null, { identifier: `P14${account}`, password: DEMO_PASSWORD })).status).toBe(200);
  });

  test('导入 a template with a bad row: every error listed and nothing stored; fixed, it imports', async ({ page }) => {
    test.slow(); // 导入 is a background job: each upload is polled to its end
    const t = tag();
    const good = [`P${t}`.slice(0, 18), `导入好${t}`, creditCode(), '张三', '李四', Number(mobile())];
    const bad = ['', `导入坏${t}`, '123', '', '', '12345'];
    await openAccounts(page);
    await page.getByRole('button', { name: '导入' }).click();
    const dialog = page.getByRole('dialog', { name: '导入配送企业账号' });
    await dialog.getByLabel('选择文件').setInputFiles({
      name: 'bad.xlsx',
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      buffer: xlsxFile([HEADER, good, bad]),
    });
    await dialog.getByRole('button', { name: '导入', exact: true }).click();
    await expect(dialog.getByText(/导入失败：/)).toBeVisible();
    const errRows = dialog.getByRole('row').filter({ hasText: '统一社会信用代码应为18位' });
    await expect(errRows.first()).toContainText('3');
    await expect(dialog.getByRole('row').filter({ hasText: '联系电话' }).first()).toBeVisible();
    await expect(dialog.getByRole('button', { name: /下载错误明细/ })).toBeVisible();
    expect(await findRow(`companyName=${encodeURIComponent(t)}`)).toHaveLength(0);

    const fixed = ['', `导入坏${t}`, creditCode(), '', '', '0351-7023456'];
    await dialog.getByLabel('选择文件').setInputFiles({
      name: 'fixed.xlsx',
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      buffer: xlsxFile([HEADER, good, fixed]),
    });
    // choosing another file clears the previous errors: wait for that render before importing again
    await expect(dialog.getByText('fixed.xlsx')).toBeVisible();
    await expect(dialog.getByRole('button', { name: /下载错误明细/ })).toBeHidden();
    await dialog.getByRole('button', { name: '导入', exact: true }).click();
    await expect(dialog.getByText('导入成功：共 2 个配送企业账号')).toBeVisible();
    await dialog.getByRole('button', { name: '取消' }).click();
    await searchCompany(page, t);
    await expect(page.getByRole('row').filter({ hasText: `导入好${t}` })).toBeVisible();
    await expect(page.getByRole('row').filter({ hasText: `导入坏${t}` })).toBeVisible();
    const stored = await findRow(`companyName=${encodeURIComponent(t)}`);
    expect(stored.map((r) => r.issued)).toEqual([false, false]);
  });

  test('导出 runs as a background job: a progress bar with rows done, then 下载文件 gives the .xlsx', async ({ page }) => {
    const total = ((await api.get(`${M}?pagination[pageSize]=1`, await bureauJwt())).body as { meta: { pagination: { total: number } } }).meta.pagination.total;
    await openAccounts(page);
    await page.getByRole('button', { name: '导出', exact: true }).click();
    const job = page.getByTestId('job-progress');
    await expect(job.getByRole('progressbar')).toBeVisible();
    await expect(job.getByText(`已完成：共 ${total} 行`)).toBeVisible();
    await expect(job.getByRole('progressbar')).toHaveAttribute('aria-valuenow', '100');
    const [download] = await Promise.all([page.waitForEvent('download'), job.getByRole('button', { name: '下载文件' }).click()]);
    expect(download.suggestedFilename()).toBe('本省配送企业用户列表.xlsx');
    const wb = XLSX.read(fs.readFileSync(await download.path()), { type: 'buffer' });
    expect(XLSX.utils.sheet_to_json(wb.Sheets[wb.SheetNames[0]!]!, { header: 1 })).toHaveLength(total + 1);
  });

  test('发放账号: issue the ticked rows at once', async ({ page }) => {
    const t = tag();
    const a = await createViaApi(`批量甲${t}`);
    const b = await createViaApi(`批量乙${t}`, `B${t}`.slice(0, 20));
    await openAccounts(page);
    await searchCompany(page, t);
    await page.getByRole('checkbox', { name: a.username }).check();
    await page.getByRole('checkbox', { name: b.username }).check();
    await page.getByRole('button', { name: '发放账号' }).click();
    // the message shows while the dialog still waits for the list to reload: watch for it meanwhile
    await Promise.all([expect(page.getByText('已发放 2 个账号')).toBeVisible({ timeout: 20_000 }), confirmDialog(page, /确认发放勾选的/)]);
    await expect(
      page
        .getByRole('row')
        .filter({ hasText: `批量甲${t}` })
        .getByRole('button', { name: '重置密码' }),
    ).toBeVisible();
    const stored = await findRow(`companyName=${encodeURIComponent(t)}`);
    expect(stored.map((r) => r.issued)).toEqual([true, true]);
  });

  test('禁用 a user: its login is refused with 账号已被禁用', async ({ page, browser }) => {
    const t = tag();
    const a = await createViaApi(`禁用测试${t}`);
    expect((await api.post(`${M}/issue`, await bureauJwt(), { documentIds: [a.documentId] })).status).toBe(200);
    await openAccounts(page);
    await searchCompany(page, t);
    const row = page.getByRole('row').filter({ hasText: a.username });
    await row.getByRole('button', { name: '禁用' }).click();
    await confirmDialog(page, /确认禁用账号/);
    await expect(row.getByRole('button', { name: '启用' })).toBeVisible();
    await expect(row).toContainText('禁用');
    expect((await findRow(`username=${a.username}`))[0].enabled).toBe(false);

    const other = await browser.newContext({ storageState: SIGNED_OUT });
    const p2 = await other.newPage();
    await loginAs(p2, a.username);
    await expect(p2.getByRole('alert').filter({ hasText: '账号已被禁用' })).toBeVisible();
    await expect(p2).toHaveURL(/\/login/);
    await other.close();
  });
});

test.describe('a fresh distributor account', () => {
  test.use({ storageState: SIGNED_OUT });
  test('first login forces the password change; then the distributor keeps its 配送区域', async ({ page }) => {
    const t = tag();
    const a = await createViaApi(`首次登录${t}`);
    expect((await api.post(`${M}/issue`, await bureauJwt(), { documentIds: [a.documentId] })).status).toBe(200);
    await loginAs(page, a.username);
    await expect(page).toHaveURL(/\/change-password/);
    await expect(page.getByText('首次登录须修改初始密码')).toBeVisible();
    await page.getByLabel('原密码').fill(DEMO_PASSWORD);
    await page.getByLabel('新密码', { exact: true }).fill('Fresh@2026ab');
    await page.getByLabel('确认新密码').fill('Fresh@2026ab');
    await page.getByRole('button', { name: '确认修改' }).click();
    await expect(page.getByRole('button', { name: '退出登录' })).toBeVisible();
    await expect(page).not.toHaveURL(/\/change-password/);

    await sideMenu(page).getByRole('link', { name: '企业信息', exact: true }).click();
    await expect(page.getByText(`首次登录${t}`).first()).toBeVisible();
    const node = (name: string) => page.locator('.ant-tree-treenode').filter({ hasText: new RegExp(`^${name}$`) });
    await node('太原市').locator('.ant-tree-switcher').click();
    await node('小店区').locator('.ant-tree-checkbox').click();
    await page.getByRole('button', { name: '保存配送区域' }).click();
    await expect(page.getByText('配送区域已保存')).toBeVisible();
    expect((await findRow(`username=${a.username}`))[0].distributionAreas).toEqual(['小店区']);
  });
});

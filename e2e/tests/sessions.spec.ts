/**
 * Sessions and login protection (issue 14): 退出登录 ends the session on the server, so the token the
 * browser held is refused afterwards; a login locked after repeated failures reads a clear Chinese
 * message, and the bureau lifts the lock with the row's 解锁.
 */
import { expect } from '@playwright/test';
import { api, confirmDialog, DEMO, DEMO_PASSWORD, loginAndWait, loginAs, sideMenu, stateOf, test, tokenState } from './helpers';

const M = '/api/distributor-accounts/manage';
const BUREAU = 'sx_ybj';
const SIGNED_OUT = { cookies: [], origins: [] };

const CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
function creditCode(): string {
  let s = '9114';
  for (let i = 0; i < 13; i++) s += String(Math.floor(Math.random() * 10));
  const sum = [...s].reduce((acc, ch, i) => acc + CHARSET.indexOf(ch) * WEIGHTS[i]!, 0);
  return s + CHARSET[(31 - (sum % 31)) % 31];
}
const tag = () => Date.now().toString(36).toUpperCase() + Math.random().toString(36).slice(2, 5).toUpperCase();

/** An issued 山西 distributor login (initial password = the demo password), locked by 10 failed logins. */
async function lockedDistributor() {
  const bureau = await api.login(BUREAU);
  const t = tag();
  const created = await api.post<{ data: { documentId: string; username: string } }>(M, bureau, {
    data: {
      provincialAccount: '',
      companyName: `锁定测试${t}`,
      creditCode: creditCode(),
      phone: `139${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`,
    },
  });
  expect(created.status).toBe(200);
  const a = { ...created.body.data, companyName: `锁定测试${t}` };
  expect((await api.post(`${M}/issue`, bureau, { documentIds: [a.documentId] })).status).toBe(200);
  for (let i = 0; i < 10; i++) expect((await api.post('/api/auth/local', null, { identifier: a.username, password: `wrong${i}` })).status).toBe(400);
  return a;
}

test.describe('退出登录', () => {
  test.use({ storageState: SIGNED_OUT });

  test('ends the session on the server: the token the browser held is refused afterwards', async ({ page, browser }) => {
    await loginAndWait(page, await api.freshUserLike(DEMO.hospital.username));
    const jwt = await page.evaluate(() => window.localStorage.getItem('mcp_jwt'));
    expect(jwt).toBeTruthy();
    expect((await api.get('/api/me', jwt)).status).toBe(200);
    await page.getByRole('button', { name: '退出登录' }).click();
    await expect(page).toHaveURL(/\/login/);
    expect(await page.evaluate(() => window.localStorage.getItem('mcp_jwt'))).toBeNull();
    expect((await api.get('/api/me', jwt)).status).toBe(401);

    // The same token put back into a browser does not open the panel.
    const replay = await browser.newContext({ storageState: tokenState(jwt!) });
    const p2 = await replay.newPage();
    await p2.goto('/order-lines');
    await expect(p2).toHaveURL(/\/login/);
    await expect(p2.getByRole('button', { name: '登录' })).toBeVisible();
    await replay.close();
  });
});

test.describe('a login locked after repeated failures', () => {
  test.use({ storageState: SIGNED_OUT });

  test('reads a clear Chinese message, even with the right password', async ({ page }) => {
    const a = await lockedDistributor();
    await loginAs(page, a.username, DEMO_PASSWORD);
    await expect(page.getByRole('alert').filter({ hasText: '连续登录失败次数过多，账号已锁定，请 15 分钟后再试，或联系省级医保局解锁' })).toBeVisible();
    await expect(page).toHaveURL(/\/login/);
  });
});

test.describe('as the Shanxi bureau', () => {
  test.use({ storageState: stateOf(BUREAU) });

  test('解锁 on the locked row lets the distributor log in again', async ({ page }) => {
    const a = await lockedDistributor();
    await page.goto('/');
    await sideMenu(page).getByRole('link', { name: '配送企业管理', exact: true }).click();
    await page.getByRole('textbox', { name: '配送企业名称' }).fill(a.companyName);
    await page.getByRole('button', { name: '查询' }).click();
    const row = page.getByRole('row').filter({ hasText: a.username });
    await row.getByRole('button', { name: '解锁' }).click();
    await confirmDialog(page, /确认解锁账号/);
    await expect(page.getByText('已解锁')).toBeVisible();
    await expect(row.getByRole('button', { name: '解锁' })).toHaveCount(0);
    expect((await api.post('/api/auth/local', null, { identifier: a.username, password: DEMO_PASSWORD })).status).toBe(200);
  });
});

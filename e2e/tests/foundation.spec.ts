/**
 * The panel's skeleton: sign-in, each role's menu, the 403 page, header, sign-out, language switch.
 */
import { expect } from '@playwright/test';
import { api, DEMO, DEMO_PASSWORD, loginAndWait, loginAs, sideMenu, stateOf, test, type SignedInUser } from './helpers';

/** Every leaf menu item, and the roles that see it (src/resources.tsx). */
const MENU: Record<string, readonly string[]> = {
  工作台: ['platform_admin', 'bureau', 'manufacturer', 'distributor', 'hospital'],
  配送企业管理: ['platform_admin', 'bureau'],
  挂网目录查看: ['platform_admin', 'bureau', 'manufacturer', 'distributor', 'hospital'],
  生产配送关系: ['platform_admin', 'bureau', 'manufacturer', 'distributor'],
  医院配送关系: ['platform_admin', 'bureau', 'distributor', 'hospital'],
  配送产品目录: ['distributor'],
  三方合同: ['platform_admin', 'bureau', 'manufacturer', 'distributor', 'hospital'],
  订单明细: ['platform_admin', 'bureau', 'manufacturer', 'distributor', 'hospital'],
  统计查询: ['platform_admin', 'bureau', 'manufacturer', 'distributor', 'hospital'],
  配送监管: ['platform_admin', 'bureau', 'distributor'],
  企业信息: ['platform_admin', 'bureau', 'manufacturer', 'distributor', 'hospital'],
};

const USERS = [
  { ...DEMO.platformAdmin, roleKey: 'platform_admin' },
  { ...DEMO.bureauBeijing, roleKey: 'bureau' },
  { ...DEMO.manufacturer, roleKey: 'manufacturer' },
  { ...DEMO.distributor, roleKey: 'distributor' },
  { ...DEMO.hospital, roleKey: 'hospital' },
] as const;

test.describe('each role sees its own menu', () => {
  for (const user of USERS) {
    test(`${user.roleKey} (${user.username})`, async ({ openAs }) => {
      const page = await openAs(user.username as SignedInUser);
      const menu = sideMenu(page);
      // Wait for the access checks to settle: 工作台 is visible to every role.
      await expect(menu.getByRole('link', { name: '工作台', exact: true })).toBeVisible();
      for (const [label, roles] of Object.entries(MENU)) {
        const item = menu.getByRole('link', { name: label, exact: true });
        if (roles.includes(user.roleKey)) {
          await expect(item, `${label} should be visible to ${user.roleKey}`).toBeVisible();
        } else {
          await expect(item, `${label} should be hidden from ${user.roleKey}`).toHaveCount(0);
        }
      }
      // 用户管理 exists only for roles that see one of its items.
      await expect(menu.getByRole('menuitem', { name: '用户管理', exact: true })).toHaveCount(MENU['配送企业管理']!.includes(user.roleKey) ? 1 : 0);
    });
  }
});

test('wrong password shows the server’s Chinese message', async ({ page }) => {
  await loginAs(page, DEMO.distributor.username, 'Wrong@123456');
  await expect(page.getByRole('alert').filter({ hasText: '用户名或密码错误' })).toBeVisible();
  await expect(page).toHaveURL(/\/login/);
  await expect(page.getByRole('button', { name: '退出登录' })).toHaveCount(0);
});

test('a distributor opening /distributor-accounts by URL sees 无权访问该页面', async ({ openAs }) => {
  const page = await openAs(DEMO.distributor.username, '/distributor-accounts');
  await expect(page.getByText('无权访问该页面', { exact: true })).toBeVisible();
  await expect(page.getByText('功能建设中', { exact: true })).toHaveCount(0);
});

test('a bureau opening /distributor-accounts by URL gets the page, not the 403', async ({ openAs }) => {
  const page = await openAs(DEMO.bureauBeijing.username, '/distributor-accounts');
  await expect(page.getByText('本省配送企业用户列表', { exact: true })).toBeVisible();
  await expect(page.getByText('无权访问该页面', { exact: true })).toHaveCount(0);
});

test('an unknown path shows 页面不存在', async ({ openAs }) => {
  const page = await openAs(DEMO.hospital.username, '/no-such-page');
  await expect(page.getByText('页面不存在', { exact: true })).toBeVisible();
});

test('a page opened without signing in goes to the login page', async ({ page }) => {
  await page.goto('/order-lines');
  await expect(page).toHaveURL(/\/login/);
  await expect(page.getByRole('button', { name: '登录' })).toBeVisible();
});

test('header shows the organisation and the role; dashboard shows the province', async ({ openAs }) => {
  const page = await openAs(DEMO.distributor.username);
  const header = page.getByRole('banner');
  await expect(header.getByText(DEMO.distributor.org)).toBeVisible();
  await expect(header.getByText(DEMO.distributor.role, { exact: true })).toBeVisible();
  await expect(page.getByRole('main').getByText('北京市')).toBeVisible();
});

// Logout ends every session of the user on the server: these tests sign in as fresh users of the demo
// organisations, so the demo sessions other tests reuse (auth.setup.ts) stay valid.
test('logout returns to the login page and protects the panel again', async ({ page }) => {
  await loginAndWait(page, await api.freshUserLike(DEMO.hospital.username));
  await page.getByRole('button', { name: '退出登录' }).click();
  await expect(page).toHaveURL(/\/login/);
  await expect(page.getByRole('button', { name: '登录' })).toBeVisible();
  expect(await page.evaluate(() => window.localStorage.getItem('mcp_jwt'))).toBeNull();
  await page.goto('/');
  await expect(page).toHaveURL(/\/login/);
});

test('after logout, another role gets its own menu (no stale access answers)', async ({ page }) => {
  await loginAndWait(page, await api.freshUserLike(DEMO.bureauBeijing.username));
  await expect(sideMenu(page).getByRole('link', { name: '配送企业管理', exact: true })).toBeVisible();
  await page.getByRole('button', { name: '退出登录' }).click();
  await expect(page).toHaveURL(/\/login/);
  await loginAndWait(page, DEMO.hospital.username);
  await expect(sideMenu(page).getByRole('link', { name: '医院配送关系', exact: true })).toBeVisible();
  await expect(sideMenu(page).getByRole('link', { name: '配送企业管理', exact: true })).toHaveCount(0);
});

test.describe('the platform admin, signed in', () => {
  test.use({ storageState: stateOf(DEMO.platformAdmin.username) });
  test('switching to English changes the menu labels and is remembered', async ({ page }) => {
    await page.goto('/');
    const menu = sideMenu(page);
    await expect(menu.getByRole('link', { name: '订单明细', exact: true })).toBeVisible();
    await page.getByRole('banner').getByText('English', { exact: true }).click();
    await expect(menu.getByRole('link', { name: 'Order lines', exact: true })).toBeVisible();
    await expect(menu.getByRole('link', { name: 'Distributor accounts', exact: true })).toBeVisible();
    await expect(menu.getByRole('link', { name: '订单明细', exact: true })).toHaveCount(0);
    await expect(page.getByRole('button', { name: 'Log out' })).toBeVisible();
    await page.reload();
    await expect(sideMenu(page).getByRole('link', { name: 'Order lines', exact: true })).toBeVisible();
    await page.getByRole('banner').getByText('中文', { exact: true }).click();
    await expect(sideMenu(page).getByRole('link', { name: '订单明细', exact: true })).toBeVisible();
  });
});

test('the API helper signs in and reads /api/me', async () => {
  const jwt = await api.login(DEMO.bureauShanxi.username, DEMO_PASSWORD);
  const me = await api.get<{ role: string; organisation: { name: string; provinceCode: string } }>('/api/me', jwt);
  expect(me.status).toBe(200);
  expect(me.body.role).toBe('bureau');
  expect(me.body.organisation.name).toBe(DEMO.bureauShanxi.org);
  expect(me.body.organisation.provinceCode).toBe('14');
});

/**
 * 修改密码 from the header (manual 001 §1.2): any signed-in user changes its password when it wants, not
 * only at first login. A fresh login of a demo hospital, so the demo sessions other tests reuse stay valid.
 */
import { expect } from '@playwright/test';
import { api, DEMO_PASSWORD, test } from './helpers';

test.describe.configure({ timeout: 120_000 });

test('a user changes its password from the header: a wrong current one is refused, then the new one works and the old stops', async ({ openAs }) => {
  const username = await api.freshUserLike('h_jst');
  const page = await openAs({ jwt: await api.login(username) }, '/');
  await expect(page.getByRole('button', { name: '退出登录' })).toBeVisible({ timeout: 30_000 });
  await page.getByRole('button', { name: '修改密码' }).click();
  await expect(page).toHaveURL(/\/change-password/);
  await expect(page.getByText('首次登录须修改初始密码')).toHaveCount(0);

  await page.getByLabel('原密码').fill('Wrong@2026x');
  await page.getByLabel('新密码', { exact: true }).fill('Changed@2027a');
  await page.getByLabel('确认新密码').fill('Changed@2027a');
  await page.getByRole('button', { name: '确认修改' }).click();
  await expect(page.getByText('原密码错误').first()).toBeVisible();
  expect((await api.post('/api/auth/local', null, { identifier: username, password: DEMO_PASSWORD })).status).toBe(200);

  await page.getByLabel('原密码').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: '确认修改' }).click();
  await expect(page.getByText('密码修改成功')).toBeVisible();
  await expect(page).not.toHaveURL(/\/change-password/);
  await expect(page.getByRole('button', { name: '退出登录' })).toBeVisible();
  expect((await api.post('/api/auth/local', null, { identifier: username, password: 'Changed@2027a' })).status).toBe(200);
  expect((await api.post('/api/auth/local', null, { identifier: username, password: DEMO_PASSWORD })).status).toBe(400);
});

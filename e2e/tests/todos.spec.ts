import { expect } from '@playwright/test';
import { api, stateOf, test } from './helpers';

test.use({ storageState: stateOf('P140001') });

test('the dashboard lists what waits for the distributor, with counts matching the server, and links to the page', async ({ page }) => {
  const jwt = await api.login('P140001');
  const me = (await api.get<{ organisation: { id: number } }>('/api/me', jwt)).body;
  const hospital = (await api.get<{ organisation: { id: number } }>('/api/me', await api.login('h_sxdy'))).body;
  // a pending order line for this distributor, arranged through the test-only fixtures route
  const fixture = await api.post('/api/test/fixtures/order-line', null, {
    data: {
      orderId: 1,
      hospitalOrgId: hospital.organisation.id,
      distributorOrgId: me.organisation.id,
      provinceCode: '14',
      productId: 1,
      quantity: 2,
      status: 'pending',
    },
  });
  expect(fixture.status).toBe(200);
  const todos = (await api.get<{ data: Record<string, number> }>('/api/me/todos', jwt)).body.data;
  expect(todos['order-lines']).toBeGreaterThan(0);

  await page.goto('/');
  const card = page.locator('.ant-card').filter({ hasText: '待办事项' });
  await expect(card).toBeVisible();
  const row = card.getByRole('listitem').filter({ hasText: '待确认的订单明细' });
  await expect(row.getByLabel(`待确认的订单明细 ${todos['order-lines']}`)).toBeVisible();
  await row.getByRole('link', { name: '去处理' }).click();
  await expect(page).toHaveURL(/\/order-lines\?tab=todo$/);
  await expect(page.getByRole('tab', { name: /待配送/ })).toHaveAttribute('aria-selected', 'true');
});

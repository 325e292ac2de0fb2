/**
 * 配送监管 end to end: a Beijing distributor of its own delivered far too little for the last three
 * months (lines arranged through the test-only fixtures route); the Beijing bureau opens 配送监管 from
 * the menu, finds it in 配送率排行 (worst first) and in 预警 with the three months and their figures.
 */
import { expect } from '@playwright/test';
import { api, sideMenu, stateOf, test } from './helpers';

test.use({ storageState: stateOf('bj_ybj') });
test.describe.configure({ timeout: 120_000 });

async function fixture(type: string, data: Record<string, unknown>) {
  const res = await api.post<{ data: { id: number } }>(`/api/test/fixtures/${type}`, null, { data });
  expect(res.status).toBe(200);
  return res.body.data;
}

/** The China month `back` months before the current one, and an instant on its 2nd day. */
function monthBack(back: number) {
  const now = new Date(Date.now() + 8 * 3600_000);
  const d = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - back, 2, 2));
  return { month: d.toISOString().slice(0, 7), at: d.toISOString() };
}

test('the bureau finds a distributor below 90 % in the league table and in the alarm, with the months behind it', async ({ page }) => {
  const tag = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 5)}`;
  const name = `E2E监管配送${tag}`;
  const dist = await fixture('organisation', { name, type: 'distributor', provinceCode: '11', enabled: true });
  const hospital = (await api.get<{ organisation: { id: number } }>('/api/me', await api.login('h_jst'))).body.organisation.id;
  const months = [3, 2, 1].map(monthBack);
  for (const [i, m] of months.entries()) {
    await fixture('order-line', {
      orderId: 8_000_000 + i,
      orderCode: `E2E${tag}${i}`,
      lineNo: 1,
      hospitalOrgId: hospital,
      distributorOrgId: dist.id,
      provinceCode: '11',
      productId: 1,
      productName: `E2E监管耗材${tag}`,
      quantity: 10,
      unitPriceFen: 10_000,
      amountFen: 100_000,
      status: 'delivering',
      deliveredQty: 2 + i,
      orderedAt: m.at,
      confirmedAt: m.at,
    });
  }

  await page.goto('/');
  await sideMenu(page).getByRole('menuitem', { name: '配送监管' }).click();
  await expect(page).toHaveURL(/\/oversight/);
  await expect(page.getByRole('tab', { name: '配送率排行' })).toHaveAttribute('aria-selected', 'true');
  await page.getByLabel('配送企业').fill(name);
  await page.getByRole('button', { name: '查询' }).click();
  // The default range is the last three months including this one: (300 + 400) ÷ 2,000 yuan delivered.
  const leagueRow = page.getByRole('row').filter({ hasText: name });
  await expect(leagueRow).toContainText('35.00%');
  await expect(leagueRow.getByRole('cell').nth(2)).toHaveText('35.00%');

  await page.getByRole('tab', { name: '预警' }).click();
  await expect(page.getByRole('tab', { name: '预警' })).toHaveAttribute('aria-selected', 'true');
  await page.getByLabel('配送企业').fill(name);
  await page.getByRole('button', { name: '查询' }).click();
  const alarmRow = page.getByRole('row').filter({ hasText: name });
  await expect(alarmRow).toContainText(`${months[0]!.month}：20.00%（200.00 / 1000.00）`);
  await expect(alarmRow).toContainText(`${months[1]!.month}：30.00%`);
  await expect(alarmRow).toContainText(`${months[2]!.month}：40.00%`);
  await expect(alarmRow.getByRole('cell').last()).toHaveText('20.00%');
});

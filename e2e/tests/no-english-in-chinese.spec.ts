/**
 * The zh-CN panel prints no English: Ant Design's and dayjs's own words (pagers, empty states, date
 * pickers, popconfirms) come in Chinese. Each page's visible text is scanned, with a date picker open.
 */
import { expect, type Page } from '@playwright/test';
import { test, type SignedInUser } from './helpers';

/** What Ant Design prints by default in English. */
const ENGLISH = [
  /No data/,
  /\/ page/,
  /Start date/,
  /End date/,
  /Select date/,
  /\bCancel\b/,
  /\bOK\b/,
  /\bitems\b/,
  /\bSearch\b/,
  /\bReset\b/,
  /\bToday\b/,
  /Go to/,
];

const PAGES: Array<{ user: SignedInUser; urls: string[] }> = [
  { user: 'bj_ybj', urls: ['/', '/distributor-accounts', '/catalogue', '/delegations', '/hospital-relationships', '/order-lines'] },
  { user: 'mf_weigao', urls: ['/', '/catalogue', '/delegations', '/order-lines'] },
  {
    user: 'P11PS0001',
    urls: [
      '/',
      '/delegations',
      '/hospital-relationships',
      '/delegated-products',
      '/order-lines?tab=todo',
      '/order-lines?tab=rework',
      '/order-lines?tab=returns',
    ],
  },
  {
    user: 'h_jst',
    urls: ['/', '/hospital-relationships', '/order-lines?tab=lines', '/order-lines?tab=receipts', '/order-lines?tab=invoiceChecks', '/order-lines?tab=returns'],
  },
];

async function englishOn(page: Page): Promise<string[]> {
  const text = await page.locator('body').innerText();
  return ENGLISH.filter((re) => re.test(text)).map(String);
}

for (const { user, urls } of PAGES) {
  test(`${user}: no English words of Ant Design on its pages`, async ({ openAs }) => {
    test.setTimeout(150_000); // several pages, each waiting for its data
    const page = await openAs(user, '/');
    await expect(page.getByRole('button', { name: '退出登录' })).toBeVisible();
    for (const url of urls) {
      await page.goto(url);
      await page.waitForLoadState('networkidle');
      await expect(page.locator('main')).not.toBeEmpty();
      expect(await englishOn(page), url).toEqual([]);
    }
  });
}

test('the date picker, pager and empty list speak Chinese', async ({ openAs }) => {
  const page = await openAs('h_jst', '/order-lines?tab=lines');
  await page.locator('.ant-picker-range').first().click();
  await expect(page.locator('.ant-picker-dropdown:visible')).toBeVisible();
  await expect(page.locator('.ant-picker-dropdown:visible')).toContainText('月');
  expect(await englishOn(page)).toEqual([]);
  await page.keyboard.press('Escape');
  await expect(page.getByText(/\d+ 条\/页/).first()).toBeVisible();
  // An empty search: the empty list says what would fill it, in Chinese.
  await page.getByLabel('产品名称/编码/订单编号').fill('没有这样的产品XYZ');
  await page
    .getByRole('button', { name: '查 询' })
    .or(page.getByRole('button', { name: '查询' }))
    .first()
    .click();
  await expect(page.getByText('暂无订单明细')).toBeVisible();
  expect(await englishOn(page)).toEqual([]);
});

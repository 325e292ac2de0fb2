/**
 * Every main list at 1366×768 (the screen both manuals name), as each role: no sideways scrolling of
 * the list, column titles (sortable ones beside their sorter) not squeezed, and every button of every
 * row inside the screen. The rows are arranged through the API
 * first (one of each kind the lists show), with long names.
 */
import { expect, type Page } from '@playwright/test';
import { api, test, type SignedInUser } from './helpers';

const tag = Date.now().toString(36);
const WIDTH = 1366;

async function orgId(user: string) {
  return (await api.get<{ organisation: { id: number } }>('/api/me', await api.login(user))).body.organisation.id;
}
async function fixture(type: string, data: Record<string, unknown>) {
  const res = await api.post<{ data: { id: number } }>(`/api/test/fixtures/${type}`, null, { data });
  expect(res.status).toBe(200);
  return res.body.data;
}

test.beforeAll(async () => {
  const [h, d, d2, m] = [await orgId('h_jst'), await orgId('P11PS0001'), await orgId('P11PS0002'), await orgId('mf_weigao')];
  const line = (status: string, extra: Record<string, unknown>) =>
    fixture('order-line', {
      orderId: 1,
      orderCode: `DD20261201${tag.toUpperCase().padStart(8, '0').slice(0, 8)}`,
      lineNo: 12,
      hospitalOrgId: h,
      distributorOrgId: d,
      manufacturerOrgId: m,
      provinceCode: '11',
      productId: 1,
      productCode: `E2E${tag}`,
      productName: `${tag}一次性使用无菌骨科内固定螺钉系统（加长型）`,
      spec: 'Φ4.5×40mm',
      unit: '个',
      quantity: 120,
      unitPriceFen: 1234500,
      amountFen: 148140000,
      status,
      orderedAt: new Date().toISOString(),
      ...extra,
    });
  await line('pending', {});
  await line('confirmed', {});
  const delivered = await line('delivered', { deliveryMode: 'standard', deliveredQty: 120, deliveryCount: 1, receivedQty: 0 });
  for (const [invoiceStatus, status] of [
    ['failed', 'shipped'],
    ['pending', 'received'],
  ])
    await fixture('delivery', {
      orderLineId: delivered.id,
      distributorOrgId: d,
      hospitalOrgId: h,
      provinceCode: '11',
      seq: 1,
      quantity: 120,
      batchNo: `PH${tag}`,
      productionDate: '2026-01-01',
      expiryDate: '2028-12-31',
      invoiceCode: '011002300111',
      invoiceNo: '12345678',
      status,
      invoiceStatus,
      invoiceReason: invoiceStatus === 'failed' ? '发票抬头与医院名称不符，请重新开具' : null,
      deliveredAt: new Date().toISOString(),
    });
  await fixture('return-request', {
    orderLineId: delivered.id,
    hospitalOrgId: h,
    distributorOrgId: d,
    provinceCode: '11',
    quantity: 2,
    reason: '规格型号与订单不符，申请退回',
    status: 'pending',
  });
  await fixture('delegation', {
    delegatorOrgId: m,
    manufacturerOrgId: m,
    distributorOrgId: d,
    provinceCode: '11',
    status: 'pending',
    level: 1,
    productCount: 3,
  });
  await fixture('hospital-relationship', {
    hospitalOrgId: h,
    distributorOrgId: d2,
    provinceCode: '11',
    status: 'pending',
    requestedAt: new Date().toISOString(),
  });
});

/** Each role's main lists; a `tab` is clicked after the page opens. */
const LISTS: Array<{ user: SignedInUser; url: string; tab?: RegExp }> = [
  { user: 'bj_ybj', url: '/distributor-accounts' },
  { user: 'bj_ybj', url: '/catalogue' },
  { user: 'bj_ybj', url: '/contracts' },
  { user: 'bj_ybj', url: '/delegations' },
  { user: 'bj_ybj', url: '/hospital-relationships' },
  { user: 'bj_ybj', url: '/order-lines' },
  { user: 'lcb_admin', url: '/distributor-accounts' },
  { user: 'lcb_admin', url: '/order-lines' },
  { user: 'lcb_admin', url: '/delegations' },
  { user: 'lcb_admin', url: '/hospital-relationships' },
  { user: 'lcb_admin', url: '/contracts' },
  { user: 'lcb_admin', url: '/organisations' },
  { user: 'mf_weigao', url: '/catalogue' },
  { user: 'mf_weigao', url: '/delegations' },
  { user: 'mf_weigao', url: '/order-lines' },
  { user: 'mf_weigao', url: '/contracts' },
  { user: 'P11PS0001', url: '/delegations' },
  { user: 'P11PS0001', url: '/hospital-relationships' },
  { user: 'P11PS0001', url: '/delegated-products' },
  { user: 'P11PS0001', url: '/order-lines?tab=todo' },
  { user: 'P11PS0001', url: '/order-lines?tab=rework' },
  { user: 'P11PS0001', url: '/order-lines?tab=delivered' },
  { user: 'P11PS0001', url: '/order-lines?tab=returns' },
  { user: 'P11PS0001', url: '/catalogue' },
  { user: 'P11PS0001', url: '/contracts' },
  { user: 'h_jst', url: '/hospital-relationships' },
  { user: 'h_jst', url: '/order-lines?tab=lines' },
  { user: 'h_jst', url: '/order-lines?tab=receipts' },
  { user: 'h_jst', url: '/order-lines?tab=invoiceChecks' },
  { user: 'h_jst', url: '/order-lines?tab=returns' },
  { user: 'h_jst', url: '/catalogue' },
  { user: 'h_jst', url: '/contracts' },
];

/** The list on screen: the visible tab's table (the page's only one elsewhere). */
function mainTable(page: Page) {
  return page.locator('.ant-tabs-tabpane-active .ant-table-wrapper, .ant-card-body > .ant-table-wrapper, main .ant-table-wrapper').first();
}

// A busy shared machine: opening a list as a role can take most of the default 30 s on its own.
test.describe.configure({ timeout: 120_000 });

for (const { user, url } of LISTS) {
  test(`${user} ${url}: rows fit 1366×768 and every row action is on screen`, async ({ openAs }) => {
    const page = await openAs(user, url);
    const table = mainTable(page);
    const rows = table.locator('.ant-table-tbody > tr.ant-table-row');
    await expect(rows.first()).toBeVisible({ timeout: 30_000 }); // a busy machine: the first page can take a while
    expect(page.viewportSize()?.width).toBe(WIDTH);
    // No sideways scrolling: neither the list nor the page is wider than the screen.
    const overflow = await table.evaluate((el) => {
      const box = el.querySelector('.ant-table-content, .ant-table-body') as HTMLElement | null;
      return { table: box ? box.scrollWidth - box.clientWidth : 0, page: document.documentElement.scrollWidth - window.innerWidth };
    });
    expect(overflow.table, 'the list scrolls sideways').toBeLessThanOrEqual(1);
    expect(overflow.page, 'the page scrolls sideways').toBeLessThanOrEqual(1);
    // Column titles keep their words: at most two lines, a short title (≤ 4 characters) on one, and a
    // sortable title beside its sorter arrows (not squeezed to one character per line).
    const squeezed = await table.evaluate((el) =>
      [...el.querySelectorAll<HTMLElement>('thead th')]
        .filter((th) => th.offsetWidth > 0 && (th.textContent ?? '').trim())
        .map((th) => {
          const title = (th.querySelector<HTMLElement>('.ant-table-column-title') ?? th) as HTMLElement;
          const text = (title.textContent ?? '').trim();
          const range = document.createRange();
          range.selectNodeContents(title);
          const lines = new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top))).size;
          const sorters = th.querySelector<HTMLElement>('.ant-table-column-sorters');
          const cramped = sorters ? sorters.scrollWidth > sorters.clientWidth + 1 : false;
          return { text, lines, cramped };
        })
        .filter((h) => h.lines > 2 || (h.lines > 1 && [...h.text].length <= 4) || h.cramped)
        .map((h) => `${h.text} (${h.lines} lines${h.cramped ? ', sorter squeezed' : ''})`),
    );
    expect(squeezed, 'column titles squeezed').toEqual([]);
    // Every button of the first rows is inside the screen's width.
    const buttons = rows.locator('button, a');
    const n = Math.min(await buttons.count(), 30);
    expect(n, 'the rows offer buttons').toBeGreaterThan(0);
    for (let i = 0; i < n; i++) {
      const b = buttons.nth(i);
      if (!(await b.isVisible())) continue;
      const box = (await b.boundingBox())!;
      const label = (await b.innerText()) || (await b.getAttribute('aria-label')) || '';
      expect(box.x, `${label} starts off screen`).toBeGreaterThanOrEqual(0);
      expect(box.x + box.width, `${label} ends at x=${box.x + box.width}`).toBeLessThanOrEqual(WIDTH);
    }
  });
}

/**
 * 机构管理: the 联采办 creates a bureau and a hospital (one-time passwords shown once); a distributor adds
 * contacts, changes the default, fails to delete the default, adds an operator 经办人 who then confirms
 * an order line.
 */
import { expect, type Page } from '@playwright/test';
import { api, confirmDialog, loginAs, stateOf, test } from './helpers';

test.describe.configure({ timeout: 180_000 });

const tag = () => Date.now().toString(36) + Math.random().toString(36).slice(2, 5);
const CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
function creditCode(prefix: string): string {
  let s = prefix;
  while (s.length < 17) s += String(Math.floor(Math.random() * 10));
  const sum = [...s].reduce((acc, ch, i) => acc + CHARSET.indexOf(ch) * WEIGHTS[i]!, 0);
  return s + CHARSET[(31 - (sum % 31)) % 31];
}
async function fixture(type: string, data: Record<string, unknown>) {
  const res = await api.post<{ data: { id: number } }>(`/api/test/fixtures/${type}`, null, { data });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body.data;
}
const chinaDay = (offsetDays: number) => new Date(Date.now() + 8 * 3600_000 + offsetDays * 86400_000).toISOString().slice(0, 10);

/** Picks `option` in the antd Select `field`; a searchable one is typed into first, as its virtual list renders only the first options. */
async function select(page: Page, field: string, option: string, { search = false } = {}) {
  const box = page.getByRole('dialog').locator(`#org-form_${field}`);
  const dropdown = page.locator('.ant-select-dropdown:visible');
  // A click into a just-opened modal is now and then lost: open the list until it shows.
  await expect(async () => {
    if ((await dropdown.count()) === 0) await box.click({ force: true });
    await expect(dropdown).toHaveCount(1, { timeout: 2_000 });
  }).toPass({ timeout: 20_000 });
  if (search) await box.fill(option);
  await dropdown.locator('.ant-select-item-option').getByText(option, { exact: true }).click();
  await expect(dropdown).toHaveCount(0);
}

test.describe('联采办 onboarding', () => {
  test.use({ storageState: stateOf('lcb_admin') });

  test('creates a bureau and a hospital, each first login with a one-time password shown once', async ({ page }) => {
    const t = tag();
    await page.goto('/organisations');
    await expect(page.getByText('机构列表').first()).toBeVisible();
    const created: Array<{ username: string; password: string; name: string }> = [];
    for (const o of [
      { type: '省级医保局', name: `浙江省医疗保障局${t}`, province: '浙江省', username: `zj${t}` },
      { type: '医疗机构', name: `E2E医院${t}`, province: '北京市', username: `h${t}`, creditCode: creditCode('1211') },
    ]) {
      await page.getByRole('button', { name: '新增机构' }).click();
      const dialog = page.getByRole('dialog', { name: '新增机构' });
      await expect(dialog).toBeVisible();
      await select(page, 'type', o.type);
      await dialog.getByLabel('机构名称').fill(o.name);
      await select(page, 'provinceCode', o.province, { search: true });
      if (o.creditCode) await dialog.getByLabel('统一社会信用代码').fill(o.creditCode);
      await dialog.getByLabel('联系电话').fill('0571-87654321');
      await dialog.getByLabel('管理员用户名').fill(o.username);
      await dialog.getByRole('button', { name: /确\s*定/ }).click();
      const creds = page.getByRole('dialog', { name: '账号与一次性密码' });
      await expect(creds).toBeVisible();
      await expect(creds.getByText(o.username)).toBeVisible();
      const password = (await creds.getByTestId('credential-password').innerText()).trim();
      await creds.getByRole('button', { name: /确\s*定/ }).click();
      created.push({ username: o.username, password, name: o.name });
    }
    await page.getByRole('textbox', { name: '机构名称' }).fill(t);
    await page.getByRole('button', { name: '查询' }).click();
    await expect(page.getByRole('row').filter({ hasText: `浙江省医疗保障局${t}` })).toContainText('省级医保局');
    await expect(page.getByRole('row').filter({ hasText: `E2E医院${t}` })).toContainText('医疗机构');
    for (const c of created) {
      const jwt = await api.login(c.username, c.password);
      const me = (await api.get<{ mustChangePassword: boolean; organisation: { name: string } }>('/api/me', jwt)).body;
      expect(me).toMatchObject({ mustChangePassword: true, organisation: { name: c.name } });
    }
  });
});

test.describe('a distributor keeps its contacts and operators', () => {
  test.use({ storageState: { cookies: [], origins: [] } });

  test('adds contacts, changes the default, fails to delete it, adds an operator who confirms an order', async ({ page, browser }) => {
    const t = tag();
    // A distributor of its own (never the demo ones), related to a hospital that orders from it.
    const dist = await fixture('organisation', { name: `E2E配送${t}`, type: 'distributor', provinceCode: '11', enabled: true, phone: '010-12345678' });
    const adminName = `d${t}`;
    expect((await api.post('/api/test/users', null, { username: adminName, password: 'Admin2026x', orgId: dist.id })).status).toBe(200);
    const hospitalJwt = await api.login('h_jst');
    const h = (await api.get<{ organisation: { id: number } }>('/api/me', hospitalJwt)).body.organisation.id;
    const m = (await api.get<{ organisation: { id: number } }>('/api/me', await api.login('mf_weigao'))).body.organisation.id;
    await fixture('hospital-relationship', { hospitalOrgId: h, distributorOrgId: dist.id, provinceCode: '11', status: 'established' });
    const product = await fixture('product', {
      code: `O${t}`,
      name: `E2E经办产品${t}`,
      registrationNo: `国械注准${t}`,
      registrationValidTo: chinaDay(800),
      manufacturer: m,
      spec: 'Φ4.5',
      unit: '个',
      priceFen: 1000,
      listed: true,
    });
    const del = await fixture('delegation', {
      delegatorOrgId: m,
      manufacturerOrgId: m,
      distributorOrgId: dist.id,
      provinceCode: '11',
      status: 'accepted',
      level: 1,
      productCount: 1,
    });
    await fixture('delegation-item', {
      delegationId: del.id,
      productId: product.id,
      distributorOrgId: dist.id,
      provinceCode: '11',
      manufacturerOrgId: m,
      delegatorOrgId: m,
    });
    const placed = await api.post('/api/orders/place', hospitalJwt, { lines: [{ productId: product.id, distributorOrgId: dist.id, quantity: 3 }] });
    expect(placed.status, JSON.stringify(placed.body)).toBe(200);

    await loginAs(page, adminName, 'Admin2026x');
    await expect(page.getByRole('button', { name: '退出登录' })).toBeVisible();
    await page.goto('/organisation');
    await page.getByRole('tab', { name: '联系人信息' }).click();
    for (const [name, phone] of [
      ['张经理', '13911110001'],
      ['李主管', '13911110002'],
    ]) {
      await page.getByRole('button', { name: '新增联系人' }).click();
      const dialog = page.getByRole('dialog', { name: '新增联系人' });
      await expect(dialog.getByLabel('姓名')).toHaveValue('');
      await dialog.getByLabel('姓名').fill(name!);
      await dialog.getByLabel('联系电话').fill(phone!);
      await dialog.getByRole('button', { name: /确\s*定/ }).click();
      await expect(dialog).toBeHidden();
      await expect(page.getByRole('row').filter({ hasText: name! })).toBeVisible();
    }
    await expect(page.getByRole('row').filter({ hasText: '张经理' })).toContainText('默认');
    await page.getByRole('row').filter({ hasText: '李主管' }).getByRole('button', { name: '设置默认' }).click();
    await expect(page.getByRole('row').filter({ hasText: '李主管' })).toContainText('默认');
    await expect(page.getByRole('row').filter({ hasText: '张经理' }).getByRole('button', { name: '设置默认' })).toBeVisible();
    await page.getByRole('row').filter({ hasText: '李主管' }).getByRole('button', { name: '删除' }).click();
    await page
      .getByRole('tooltip')
      .getByRole('button', { name: /确\s*定/ })
      .click();
    await expect(page.locator('.ant-message').getByText('默认联系人不能删除，请先将其他联系人设为默认')).toBeVisible();
    const adminJwt = await api.login(adminName, 'Admin2026x');
    const contacts = (await api.get<{ data: Array<{ name: string; isDefault: boolean }> }>('/api/contacts/mine', adminJwt)).body.data;
    expect(contacts.map((c) => [c.name, c.isDefault])).toEqual([
      ['李主管', true],
      ['张经理', false],
    ]);

    await page.getByRole('tab', { name: '经办人' }).click();
    await page.getByRole('button', { name: '新增经办人' }).click();
    const opDialog = page.getByRole('dialog', { name: '新增经办人' });
    const opName = `op${t}`;
    await opDialog.getByLabel('姓名').fill('王经办');
    await opDialog.getByLabel('联系电话').fill('13911110003');
    await opDialog.getByLabel('用户名').fill(opName);
    await opDialog.getByRole('button', { name: /确\s*定/ }).click();
    const creds = page.getByRole('dialog', { name: '一次性密码' });
    const password = (await creds.getByTestId('credential-password').innerText()).trim();
    await confirmDialog(page, '一次性密码');
    await expect(page.getByRole('row').filter({ hasText: opName })).toContainText('启用');

    const context = await browser.newContext({ storageState: { cookies: [], origins: [] } });
    const op = await context.newPage();
    await loginAs(op, opName, password);
    await expect(op).toHaveURL(/\/change-password/);
    await op.getByLabel('原密码').fill(password);
    await op.getByLabel('新密码', { exact: true }).fill('Operator2026x');
    await op.getByLabel('确认新密码').fill('Operator2026x');
    await op.getByRole('button', { name: '确认修改' }).click();
    await expect(op.getByRole('button', { name: '退出登录' })).toBeVisible();
    await op.goto('/order-lines');
    const line = op
      .getByRole('row')
      .filter({ hasText: `E2E经办产品${t}` })
      .last();
    await line.getByRole('button', { name: '确认', exact: true }).click();
    await expect(line).toContainText('企业已确认');
    const lines = (await api.get<{ data: Array<{ documentId: string; productName: string }> }>(`/api/order-lines/search?q=${t}`, adminJwt)).body.data;
    const id = lines.find((l) => l.productName === `E2E经办产品${t}`)!.documentId;
    const history = (await api.get<{ data: Array<{ action: string; actorName: string }> }>(`/api/history/order-line/${id}`, adminJwt)).body.data;
    expect(history.at(-1)).toMatchObject({ action: 'confirm' });
    expect(history.at(-1)!.actorName).toContain(`经办人 王经办 ${opName}`);
    await context.close();
  });
});

/**
 * 设置初始密码 (manual 000) on 配送企业管理: a bureau's administrator sets the initial password in the panel
 * (typed, then generated and shown once), issues an account (发放), and that account logs in with it and
 * must change it. A bureau of its own (test fixture), so the demo bureaus keep the demo initial password.
 */
import { expect, type Page } from '@playwright/test';
import { api, confirmDialog, DEMO_PASSWORD, loginAs, test } from './helpers';

test.describe.configure({ timeout: 120_000 });

const M = '/api/distributor-accounts/manage';
const tag = () => Date.now().toString(36).toUpperCase() + Math.random().toString(36).slice(2, 5).toUpperCase();
const CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
function creditCode(): string {
  let s = '9115';
  for (let i = 0; i < 13; i++) s += String(Math.floor(Math.random() * 10));
  const sum = [...s].reduce((acc, ch, i) => acc + CHARSET.indexOf(ch) * WEIGHTS[i]!, 0);
  return s + CHARSET[(31 - (sum % 31)) % 31];
}

/** A bureau of 内蒙古 made outside the onboarding page (no initial password) and its administrator's JWT. */
async function freshBureau() {
  const t = tag();
  const org = await api.post<{ data: { id: number } }>('/api/test/fixtures/organisation', null, {
    data: { name: `E2E医保局${t}`, type: 'bureau', provinceCode: '15', enabled: true },
  });
  expect(org.status).toBe(200);
  const username = `e2e_bureau_${t}`.toLowerCase();
  expect((await api.post('/api/test/users', null, { username, password: DEMO_PASSWORD, orgId: org.body.data.id })).status).toBe(200);
  return api.login(username);
}

async function addAccount(jwt: string, companyName: string) {
  const res = await api.post<{ data: { documentId: string; username: string } }>(M, jwt, {
    data: { provincialAccount: '', companyName, creditCode: creditCode(), phone: '0471-6543210' },
  });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body.data;
}

/** 发放 the row of `companyName` through its button and the confirmation. */
async function issueInPanel(page: Page, companyName: string) {
  await page.getByRole('textbox', { name: '配送企业名称' }).fill(companyName);
  await page.getByRole('button', { name: '查询' }).click();
  const row = page.getByRole('row').filter({ hasText: companyName });
  await row.getByRole('button', { name: '发放' }).click();
  await confirmDialog(page, /确认发放账号/);
  await expect(row.getByRole('button', { name: '重置密码' })).toBeVisible();
}

const login = (username: string, password: string) => api.post<{ jwt?: string }>('/api/auth/local', null, { identifier: username, password });

test('the bureau sets an initial password; an account issued then logs in with it and must change it', async ({ openAs, browser }) => {
  const jwt = await freshBureau();
  const page = await openAs({ jwt }, '/distributor-accounts');
  await expect(page.getByText('本省配送企业用户列表')).toBeVisible({ timeout: 30_000 });
  await expect(page.getByTestId('initial-password-state')).toHaveText('未设置初始密码');

  // Typed twice; a mismatch is refused under its field and nothing is set.
  await page.getByRole('button', { name: '设置初始密码' }).click();
  const dialog = page.getByRole('dialog', { name: '设置初始密码' });
  await dialog.getByLabel('初始密码', { exact: true }).fill('Initial@2027a');
  await dialog.getByLabel('确认初始密码').fill('Initial@2027b');
  await dialog.getByRole('button', { name: /保\s*存/ }).click();
  await expect(dialog.getByText('两次输入的密码不一致').first()).toBeVisible();
  expect((await api.get<{ data: { initialPasswordSet: boolean } }>(`${M}/initial-password`, jwt)).body.data.initialPasswordSet).toBe(false);
  await dialog.getByLabel('确认初始密码').fill('Initial@2027a');
  await dialog.getByRole('button', { name: /保\s*存/ }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId('initial-password-state')).toHaveText('已设置初始密码');

  const t = tag();
  const first = await addAccount(jwt, `初始密码甲${t}`);
  await issueInPanel(page, `初始密码甲${t}`);
  const firstLogin = await login(first.username, 'Initial@2027a');
  expect(firstLogin.status).toBe(200);
  const me = await api.get<{ mustChangePassword: boolean }>('/api/me', firstLogin.body.jwt);
  expect(me.body.mustChangePassword).toBe(true);
  expect((await login(first.username, DEMO_PASSWORD)).status).toBe(400);

  // The distributor signs in through the form and is sent to change it.
  const other = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const p2 = await other.newPage();
  await loginAs(p2, first.username, 'Initial@2027a');
  await expect(p2).toHaveURL(/\/change-password/);
  await expect(p2.getByText('首次登录须修改初始密码')).toBeVisible();
  await other.close();

  // Generated: shown once in the dialog, given to the accounts issued from then on.
  await page.getByRole('button', { name: '设置初始密码' }).click();
  const again = page.getByRole('dialog', { name: '设置初始密码' });
  await again.getByRole('radio', { name: '随机生成' }).check();
  await again.getByRole('button', { name: /保\s*存/ }).click();
  const shown = page.getByRole('dialog', { name: '新的初始密码' });
  await expect(shown.getByTestId('generated-initial-password')).toHaveText(/^[A-Za-z0-9]{12}$/);
  const generated = (await shown.getByTestId('generated-initial-password').textContent())!.trim();
  await expect(shown.getByRole('button', { name: /复制|Copy/ })).toBeVisible();
  await shown.getByRole('button', { name: /确\s*定|OK/ }).click();
  await expect(shown).toBeHidden();

  const second = await addAccount(jwt, `初始密码乙${t}`);
  await issueInPanel(page, `初始密码乙${t}`);
  const secondLogin = await login(second.username, generated);
  expect(secondLogin.status).toBe(200);
  expect((await api.get<{ mustChangePassword: boolean }>('/api/me', secondLogin.body.jwt)).body.mustChangePassword).toBe(true);
  expect((await login(second.username, 'Initial@2027a')).status).toBe(400);
  // The account issued earlier keeps its password.
  expect((await login(first.username, 'Initial@2027a')).status).toBe(200);
});

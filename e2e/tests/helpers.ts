/**
 * Shared helpers: signing in (through the login form once per demo user, then by saved storage state),
 * a `test` whose `openAs` fixture opens a page signed in as another user, and a small REST client for
 * seeding data through the API (same base URL as the pages).
 */
import path from 'node:path';
import { test as base, expect, type BrowserContext, type Page } from '@playwright/test';

export const DEMO_PASSWORD = 'Demo@123456';

/** Demo users seeded on an empty database (cms/src/seed). */
export const DEMO = {
  platformAdmin: { username: 'lcb_admin', org: '国家组织医用耗材联合采购办公室', role: '联采办' },
  bureauBeijing: { username: 'bj_ybj', org: '北京市医疗保障局', role: '省级医保局' },
  bureauShanxi: { username: 'sx_ybj', org: '山西省医疗保障局', role: '省级医保局' },
  manufacturer: { username: 'mf_weigao', org: '山东威高骨科材料股份有限公司', role: '生产企业' },
  distributor: { username: 'P11PS0001', org: '国药控股北京有限公司', role: '配送企业' },
  hospital: { username: 'h_jst', org: '北京积水潭医院', role: '医疗机构' },
  hospitalShanxi: { username: 'h_sxrm', org: '山西省人民医院', role: '医疗机构' },
} as const;

/** The demo users signed in once per run by auth.setup.ts; tests reuse their saved storage state. */
export const SIGNED_IN_USERS = ['lcb_admin', 'bj_ybj', 'sx_ybj', 'mf_weigao', 'mf_dabo', 'P11PS0001', 'P11PS0002', 'P140001', 'h_jst'] as const;
export type SignedInUser = (typeof SIGNED_IN_USERS)[number];

/** The storage state file of a signed-in demo user (for `test.use({ storageState })`). */
export function stateOf(username: SignedInUser): string {
  return path.join(__dirname, '..', '.auth', `${username}.json`);
}

/** The panel keeps its session as the JWT in localStorage `mcp_jwt` (admin/src/providers/session.ts). */
export function tokenState(jwt: string) {
  return { cookies: [], origins: [{ origin: new URL(baseURL()).origin, localStorage: [{ name: 'mcp_jwt', value: jwt }] }] };
}

/**
 * `openAs(user)` opens a page in a fresh browser context signed in as a demo user (saved state) or as
 * any user whose JWT the test holds (`{ jwt }`, from `api.login`); the contexts close after the test.
 */
export const test = base.extend<{ openAs: (who: SignedInUser | { jwt: string }, url?: string) => Promise<Page> }>({
  openAs: async ({ browser }, use) => {
    const contexts: BrowserContext[] = [];
    await use(async (who, url = '/') => {
      const context = await browser.newContext({ storageState: typeof who === 'string' ? stateOf(who) : tokenState(who.jwt) });
      contexts.push(context);
      const page = await context.newPage();
      await page.goto(url);
      return page;
    });
    for (const context of contexts) await context.close();
  },
});

/** Opens /login, fills 用户名 and 密码 by their labels and presses 登录. */
export async function loginAs(page: Page, username: string, password: string = DEMO_PASSWORD): Promise<void> {
  await page.goto('/login');
  await page.getByLabel('用户名', { exact: true }).fill(username);
  await page.getByLabel('密码', { exact: true }).fill(password);
  await page.getByRole('button', { name: '登录' }).click();
}

/** loginAs, then waits until the signed-in layout shows the header's 退出登录. */
export async function loginAndWait(page: Page, username: string, password: string = DEMO_PASSWORD): Promise<void> {
  await loginAs(page, username, password);
  await expect(page.getByRole('button', { name: '退出登录' })).toBeVisible();
}

/** The sider's menu (antd Menu inside the layout's <aside>). */
export function sideMenu(page: Page) {
  return page.locator('aside').getByRole('menu').first();
}

export interface ApiResult<T = unknown> {
  status: number;
  body: T;
}

function baseURL(): string {
  return process.env.E2E_BASE_URL ?? `http://127.0.0.1:${process.env.E2E_PORT ?? '1338'}`;
}

async function call<T>(method: string, path: string, jwt?: string | null, body?: unknown): Promise<ApiResult<T>> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (jwt) headers.Authorization = `Bearer ${jwt}`;
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  const res = await fetch(new URL(path, baseURL()), {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  let parsed: unknown = text;
  try {
    parsed = text ? JSON.parse(text) : undefined;
  } catch {
    // not JSON: keep the text
  }
  return { status: res.status, body: parsed as T };
}

/** REST calls against the test server, for arranging data before a browser test. */
export const api = {
  /** POST /api/auth/local → the JWT (throws when the login is refused). */
  async login(username: string, password: string = DEMO_PASSWORD): Promise<string> {
    const res = await call<{ jwt?: string; error?: { message?: string } }>('POST', '/api/auth/local', null, {
      identifier: username,
      password,
    });
    if (res.status !== 200 || !res.body?.jwt) {
      throw new Error(`login ${username} failed: ${res.status} ${res.body?.error?.message ?? ''}`);
    }
    return res.body.jwt;
  },
  /**
   * A fresh login (test environment only) in the organisation of a demo user, with its role and the demo
   * password: for tests that end sessions (退出登录) without ending the saved demo sessions other tests reuse.
   */
  async freshUserLike(demoUsername: string): Promise<string> {
    const me = await call<{ organisation: { id: number } }>('GET', '/api/me', await api.login(demoUsername));
    const username = `e2e_${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
    const res = await call('POST', '/api/test/users', null, { username, password: DEMO_PASSWORD, orgId: me.body.organisation.id });
    if (res.status !== 200) throw new Error(`create user like ${demoUsername}: ${res.status}`);
    return username;
  },
  get: <T = unknown>(path: string, jwt?: string | null) => call<T>('GET', path, jwt),
  post: <T = unknown>(path: string, jwt: string | null, body?: unknown) => call<T>('POST', path, jwt, body),
  put: <T = unknown>(path: string, jwt: string | null, body?: unknown) => call<T>('PUT', path, jwt, body),
  del: <T = unknown>(path: string, jwt: string | null) => call<T>('DELETE', path, jwt),
};

/**
 * Presses 确定 in the confirmation dialog named `name` (or the one open dialog) and waits until it closes. A press that lands
 * while the dialog is still zooming in can be lost; then it is pressed again (the dialog stays open
 * only when nothing was submitted).
 */
export async function confirmDialog(page: Page, name?: string | RegExp): Promise<void> {
  const dialog = name === undefined ? page.getByRole('dialog') : page.getByRole('dialog', { name });
  await expect(dialog).toBeVisible();
  await expect(async () => {
    await dialog.getByRole('button', { name: /确\s*定/ }).click({ timeout: 2000 });
    await expect(dialog).toBeHidden({ timeout: 5000 });
  }).toPass({ timeout: 20_000 });
}

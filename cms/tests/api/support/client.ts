import { inject } from 'vitest';

/** The demo users (cms/src/seed/demo-organisations.ts), by the role they play in tests. */
export const DEMO_PASSWORD = 'Demo@123456';
export const USERS = {
  admin: 'lcb_admin',
  bjBureau: 'bj_ybj',
  sxBureau: 'sx_ybj',
  weigao: 'mf_weigao',
  chunli: 'mf_chunli',
  dabo: 'mf_dabo',
  bjDist1: 'P11PS0001',
  bjDist2: 'P11PS0002',
  bjDist3: 'P110001',
  sxDist1: 'P14SX0001',
  sxDist2: 'P140001',
  jst: 'h_jst',
  xiehe: 'h_xiehe',
  chaoyang: 'h_chaoyang',
  sxrm: 'h_sxrm',
  sxdy: 'h_sxdy',
} as const;
export type DemoUser = keyof typeof USERS;

export interface ApiResponse<T = any> {
  status: number;
  body: T;
  headers: Headers;
}

export const baseUrl = () => inject('baseUrl');

/** One HTTP call to the real server. `auth` is a JWT or an API token. */
export async function call<T = any>(
  method: string,
  path: string,
  opts: { auth?: string; body?: unknown; raw?: RequestInit['body']; headers?: Record<string, string> } = {},
): Promise<ApiResponse<T>> {
  const headers: Record<string, string> = { ...(opts.headers ?? {}) };
  if (opts.auth) headers.Authorization = `Bearer ${opts.auth}`;
  let body: RequestInit['body'] = opts.raw;
  if (opts.body !== undefined) {
    headers['Content-Type'] = 'application/json';
    body = JSON.stringify(opts.body);
  }
  const res = await fetch(`${baseUrl()}${path}`, { method, headers, body });
  const text = await res.text();
  let parsed: any = text;
  try {
    parsed = text ? JSON.parse(text) : null;
  } catch {
    /* not JSON */
  }
  return { status: res.status, body: parsed, headers: res.headers };
}

export const get = <T = any>(path: string, auth?: string) => call<T>('GET', path, { auth });
export const post = <T = any>(path: string, body: unknown, auth?: string) => call<T>('POST', path, { auth, body });
export const put = <T = any>(path: string, body: unknown, auth?: string) => call<T>('PUT', path, { auth, body });
export const del = <T = any>(path: string, auth?: string) => call<T>('DELETE', path, { auth });

const tokens = new Map<string, string>();

/** Logs in (cached per username) and answers the JWT. */
export async function loginAs(user: DemoUser | string, password = DEMO_PASSWORD): Promise<string> {
  const username = (USERS as Record<string, string>)[user] ?? user;
  const key = `${username}\u0000${password}`;
  const cached = tokens.get(key);
  if (cached) return cached;
  const res = await post('/api/auth/local', { identifier: username, password });
  if (res.status !== 200) throw new Error(`login ${username} failed: ${res.status} ${JSON.stringify(res.body)}`);
  tokens.set(key, res.body.jwt);
  return res.body.jwt;
}

/** The caller's identity as /api/me answers it. */
export async function me(user: DemoUser | string) {
  const res = await get('/api/me', await loginAs(user));
  return res.body as { id: number; role: string; organisation: { id: number; documentId: string; name: string; provinceCode: string | null } };
}

/** Test-only support routes (NODE_ENV=test). */
export const testSupport = {
  async fixture(type: string, data: Record<string, unknown>) {
    const res = await post(`/api/test/fixtures/${type}`, { data });
    if (res.status !== 200) throw new Error(`fixture ${type}: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body.data;
  },
  async apiToken(type: 'read-only' | 'full-access' = 'read-only') {
    const res = await post('/api/test/api-tokens', { type });
    if (res.status !== 200) throw new Error(`api token: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body.accessKey as string;
  },
  async setClock(offsetMs: number) {
    return (await post('/api/test/clock', { offsetMs })).body;
  },
};

/** A unique suffix for names in fixtures, so tests never collide. */
export const unique = (prefix = '') => `${prefix}${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;

/** A fresh login for an organisation (test env only), e.g. to change its password without touching demo users. */
export async function createUser(orgId: number, opts: { mustChangePassword?: boolean; password?: string } = {}) {
  const username = unique('u_');
  const password = opts.password ?? DEMO_PASSWORD;
  const res = await post('/api/test/users', { username, password, orgId, mustChangePassword: !!opts.mustChangePassword });
  if (res.status !== 200) throw new Error(`create user: ${res.status} ${JSON.stringify(res.body)}`);
  return { username, password, id: res.body.id as number };
}

/** The stable code of a refused answer (`error.details.code`). */
export const errorCode = (res: ApiResponse): string | undefined => res.body?.error?.details?.code;

/**
 * Asserts a refusal as every refused action must answer: exactly `status`, the stable `code` and a
 * Chinese message. Answers the error for further checks (field, info).
 */
export function expectRefused(res: ApiResponse, status: number, code: string) {
  const err = res.body?.error;
  if (res.status !== status || err?.details?.code !== code) {
    throw new Error(`expected ${status} ${code}, got ${res.status} ${JSON.stringify(res.body)?.slice(0, 500)}`);
  }
  if (typeof err.message !== 'string' || !/[\u4e00-\u9fff]/.test(err.message)) throw new Error(`refusal ${code} has no Chinese message: ${err.message}`);
  return err as { status: number; message: string; details: { code: string; field?: string; errors?: unknown[]; info?: any } };
}

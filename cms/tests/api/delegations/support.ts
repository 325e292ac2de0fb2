import { get, loginAs, me, testSupport, unique } from '../support/client';

export const orgs: Record<string, number> = {};

export async function loadOrgs() {
  for (const k of ['weigao', 'chunli', 'bjDist1', 'bjDist2', 'bjDist3', 'sxDist1', 'bjBureau', 'sxBureau', 'jst', 'admin'] as const) {
    orgs[k] = (await me(k)).organisation.id;
  }
}

/** A listed product of a manufacturer (raw fixture), answered with its documentId and numeric id. */
export async function product(manufacturer: number, data: Record<string, unknown> = {}) {
  const code = unique('T');
  return testSupport.fixture('product', {
    code: code.slice(0, 32),
    name: `测试产品${code}`,
    registrationNo: `国械注准${code}`,
    registrationValidTo: '2099-12-31',
    manufacturer,
    category: 'trauma',
    listed: true,
    priceFen: 12345,
    spec: '规格',
    model: '型号',
    unit: '个',
    ...data,
  }) as Promise<{ id: number; documentId: string; code: string; name: string }>;
}

export async function products(manufacturer: number, n: number) {
  const out = [];
  for (let i = 0; i < n; i++) out.push(await product(manufacturer));
  return out;
}

export async function history(user: Parameters<typeof loginAs>[0], documentId: string) {
  const res = await get(`/api/history/delegation/${documentId}`, await loginAs(user));
  return res.body.data as Array<{ action: string; fromState: string | null; toState: string | null; reason: string | null; at: string }>;
}

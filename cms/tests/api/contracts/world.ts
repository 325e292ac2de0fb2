/** Prerequisites of contracts: a 带量采购 product delegated to a distributor, an 已建立 relationship, an imported agreed volume. */
import * as XLSX from 'xlsx';
import { expect } from 'vitest';
import { baseUrl, createUser, get, loginAs, me, post, testSupport, unique, type DemoUser } from '../support/client';

export const DEMO_PIN = '123456';
export const org: Record<string, number> = {};

export async function loadOrgs() {
  for (const k of ['bjBureau', 'sxBureau', 'weigao', 'chunli', 'bjDist1', 'bjDist2', 'sxDist1', 'jst', 'xiehe', 'admin'] as const) {
    if (!org[k]) org[k] = (await me(k)).organisation.id;
  }
}

export async function vbpProduct(opts: { vbp?: boolean; priceFen?: number } = {}) {
  return testSupport.fixture('product', {
    code: unique('V').slice(0, 30),
    name: unique('带量耗材'),
    registrationNo: unique('国械注准'),
    registrationValidTo: '2099-12-31',
    manufacturer: org.weigao,
    spec: 'Φ4.5',
    model: 'K2',
    unit: '套',
    priceFen: opts.priceFen ?? 250000,
    listed: true,
    vbp: opts.vbp ?? true,
  }) as Promise<{ id: number; code: string; name: string }>;
}

export async function relationship(hospital: string, distributor: string, status = 'established') {
  return testSupport.fixture('hospital-relationship', { hospitalOrgId: org[hospital], distributorOrgId: org[distributor], provinceCode: '11', status });
}

export async function delegate(productId: number, distributor: string, provinceCode = '11') {
  const d = await testSupport.fixture('delegation', {
    delegatorOrgId: org.weigao,
    manufacturerOrgId: org.weigao,
    distributorOrgId: org[distributor],
    provinceCode,
    status: 'accepted',
    level: 1,
    productCount: 1,
  });
  await testSupport.fixture('delegation-item', {
    delegationId: d.id,
    productId,
    distributorOrgId: org[distributor],
    provinceCode,
    manufacturerOrgId: org.weigao,
    delegatorOrgId: org.weigao,
  });
}

/** An .xlsx of rows under the template's headers. */
export function sheet(rows: unknown[][], header = ['医疗机构名称', '产品编码', '约定采购量', '采购周期开始', '采购周期结束']): Uint8Array {
  const ws = XLSX.utils.aoa_to_sheet([header, ...rows]);
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, ws, 'S');
  return XLSX.write(wb, { type: 'array', bookType: 'xlsx' }) as Uint8Array;
}

export async function importVolumes(user: DemoUser, bytes: Uint8Array) {
  const fd = new FormData();
  fd.append('file', new Blob([Buffer.from(bytes)]), 'volumes.xlsx');
  const res = await fetch(`${baseUrl()}/api/contract-volumes/import`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${await loginAs(user)}` },
    body: fd,
  });
  const text = await res.text();
  return { status: res.status, body: JSON.parse(text), headers: res.headers };
}

export async function orgName(user: DemoUser) {
  return (await me(user)).organisation.name;
}

/** A fresh agreed volume of a fresh product for `hospital` (imported by 北京 bureau), answered with its documentId. */
export async function volume(hospital: DemoUser = 'jst', opts: { distributor?: string; quantity?: number; vbp?: boolean } = {}) {
  await loadOrgs();
  const product = await vbpProduct({ vbp: opts.vbp });
  await delegate(product.id, opts.distributor ?? 'bjDist1');
  const res = await importVolumes('bjBureau', sheet([[await orgName(hospital), product.code, opts.quantity ?? 100, '2026-01-01', '2026-12-31']]));
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  const list = await get(`/api/contract-volumes?q=${encodeURIComponent(product.code)}`, await loginAs(hospital));
  expect(list.status).toBe(200);
  return { product, volume: list.body.data[0] as { documentId: string; actions: string[] } };
}

let relationshipsMade = false;
/** A contract 待签订 between `jst`, 威高 and bjDist1 for a fresh product. */
export async function contract(quantity = 100) {
  await loadOrgs();
  if (!relationshipsMade) {
    await relationship('jst', 'bjDist1');
    relationshipsMade = true;
  }
  const v = await volume('jst', { quantity });
  const res = await post(`/api/contract-volumes/${v.volume.documentId}/pick`, { distributorOrgId: org.bjDist1 }, await loginAs('jst'));
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return { documentId: res.body.data.documentId as string, product: v.product, volume: v.volume };
}

export async function detail(user: DemoUser | string, documentId: string) {
  const res = await get(`/api/contracts/${documentId}/detail`, await loginAs(user));
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body.data;
}

export const signAs = async (user: DemoUser | string, documentId: string, pin = DEMO_PIN) =>
  post(`/api/contracts/${documentId}/sign`, { pin }, await loginAs(user));

/** A fresh Beijing organisation of `type` with a login (its own certificate story). */
export async function freshOrg(type: 'hospital' | 'distributor' | 'manufacturer') {
  const o = await testSupport.fixture('organisation', { name: unique('测试机构'), type, provinceCode: '11', enabled: true, creditCode: null });
  const u = await createUser(o.id);
  org[u.username] = o.id;
  return { orgId: o.id as number, documentId: o.documentId as string, username: u.username };
}

export async function bytes(path: string, user: DemoUser | string) {
  const res = await fetch(`${baseUrl()}${path}`, { headers: { Authorization: `Bearer ${await loginAs(user)}` } });
  return { status: res.status, type: res.headers.get('content-type'), body: Buffer.from(await res.arrayBuffer()) };
}

import { describe, expect, it } from 'vitest';
import * as XLSX from 'xlsx';
import { ORG_TEMPLATE_COLUMNS } from '../../../src/domain';
import { baseUrl, expectRefused, get, loginAs, post, put, unique } from '../support/client';
import { accountData, M } from '../accounts/support';
import { creditCode, mobile } from './support';

const P = '/api/platform/organisations';
const TYPE_LABEL: Record<string, string> = { hospital: '医疗机构', manufacturer: '生产企业', bureau: '省级医保局' };
const login = (identifier: string, password: string) => post('/api/auth/local', { identifier, password });
const change = (jwt: string, currentPassword: string, password: string) =>
  post('/api/auth/change-password', { currentPassword, password, passwordConfirmation: password }, jwt);
const admin = () => loginAs('admin');
const orgData = (over: Record<string, unknown> = {}) => ({
  type: 'hospital',
  name: unique('测试医院'),
  creditCode: creditCode('1211'),
  provinceCode: '11',
  regionCode: '110105',
  legalPerson: '赵院长',
  phone: mobile(),
  address: '北京市朝阳区',
  hospitalLevel: '三级甲等',
  username: unique('h'),
  ...over,
});

async function upload(jwt: string, rows: unknown[][]) {
  const ws = XLSX.utils.aoa_to_sheet(rows);
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, ws, 'Sheet1');
  const fd = new FormData();
  fd.append('file', new Blob([XLSX.write(wb, { type: 'buffer', bookType: 'xlsx' }) as Buffer]), 'orgs.xlsx');
  const res = await fetch(`${baseUrl()}${P}/import`, { method: 'POST', headers: { Authorization: `Bearer ${jwt}` }, body: fd });
  return { status: res.status, body: (await res.json()) as any };
}

describe('联采办 onboarding', () => {
  it('a new bureau logs in with its one-time password, changes it, and issues accounts with its initial password, not its current one', async () => {
    const created = await post(
      P,
      orgData({ type: 'bureau', name: '江苏省医疗保障局', creditCode: '', provinceCode: '32', regionCode: '', hospitalLevel: '', username: unique('js_ybj') }),
      await admin(),
    );
    expect(created.status).toBe(200);
    const { username, password } = created.body.data.credential;
    expect(password).toMatch(/^(?=.*[A-Z])(?=.*[a-z])(?=.*\d).{12}$/);
    const first = await login(username, password);
    expect(first.status).toBe(200);
    expect((await get('/api/me', first.body.jwt)).body).toMatchObject({ role: 'bureau', mustChangePassword: true, organisation: { provinceCode: '32' } });
    expectRefused(await get(M, first.body.jwt), 403, 'PASSWORD_CHANGE_REQUIRED');
    expect((await change(first.body.jwt, password, 'Jiangsu2026x')).status).toBe(200);
    const jwt = (await login(username, 'Jiangsu2026x')).body.jwt;
    const account = await post(M, { data: accountData() }, jwt);
    expect(account.body.data.username).toMatch(/^P32/);
    const issued = await post(`${M}/issue`, { documentIds: [account.body.data.documentId] }, jwt);
    expect(issued.status).toBe(200);
    expect(issued.body.data.initialPassword).toBeUndefined();
    expect((await login(account.body.data.username, 'Jiangsu2026x')).status).toBe(400);
    const dist = await login(account.body.data.username, password);
    expect(dist.status).toBe(200);
    expect((await get('/api/me', dist.body.jwt)).body.mustChangePassword).toBe(true);
    // One bureau per province.
    expectRefused(await post(P, orgData({ type: 'bureau', provinceCode: '32', regionCode: '', creditCode: '' }), await admin()), 409, 'BUREAU_EXISTS');
  });

  it('lists every organisation with filters, paging and export; creates, edits, disables and re-enables a hospital', async () => {
    const data = orgData();
    const created = (await post(P, data, await admin())).body.data;
    const list = await get(`${P}?type=hospital&name=${encodeURIComponent(data.name)}`, await admin());
    expect(list.body.data).toHaveLength(1);
    expect(list.body.data[0]).toMatchObject({
      type: 'hospital',
      provinceCode: '11',
      provinceName: '北京市',
      creditCode: data.creditCode,
      logins: 1,
      enabled: true,
      actions: ['edit', 'resetLogin', 'disable'],
    });
    const paged = await get(`${P}?pagination[pageSize]=2&pagination[page]=2`, await admin());
    expect(paged.body.data).toHaveLength(2);
    expect(paged.body.meta.pagination.total).toBeGreaterThan(16);
    const exported = await fetch(`${baseUrl()}${P}/export?type=hospital`, { headers: { Authorization: `Bearer ${await admin()}` } });
    expect(exported.status).toBe(200);
    const sheet = XLSX.read(Buffer.from(await exported.arrayBuffer()));
    const rows = XLSX.utils.sheet_to_json<Record<string, string>>(sheet.Sheets[sheet.SheetNames[0]!]!);
    expect(rows.every((r) => r['机构类型'] === '医疗机构')).toBe(true);
    expect(rows.map((r) => r['机构名称'])).toContain(data.name);

    const edited = await put(`${P}/${created.documentId}`, { ...data, address: '北京市朝阳区工体南路8号', username: 'ignored' }, await admin());
    expect(edited.body.data).toMatchObject({ address: '北京市朝阳区工体南路8号', name: data.name });

    const jwt = (await login(created.credential.username, created.credential.password)).body.jwt;
    expect((await get('/api/me', jwt)).status).toBe(200);
    expect((await post(`${P}/${created.documentId}/disable`, {}, await admin())).body.data.enabled).toBe(false);
    expectRefused(await get('/api/me', jwt), 403, 'NO_ORGANISATION');
    expectRefused(await post(`${P}/${created.documentId}/disable`, {}, await admin()), 409, 'ORGANISATION_ACTION_NOT_ALLOWED');
    expect((await post(`${P}/${created.documentId}/enable`, {}, await admin())).status).toBe(200);
    expect((await get('/api/me', jwt)).status).toBe(200);
    const reset = await post(`${P}/${created.documentId}/reset-login`, {}, await admin());
    expect((await login(created.credential.username, reset.body.data.credential.password)).status).toBe(200);
    const history = (await get(`${P}/${created.documentId}/history`, await admin())).body.data.map((h: any) => h.action);
    expect(history).toEqual(['create', 'edit', 'disable', 'enable', 'resetLogin']);
  });

  it('a disabled organisation is refused at login (403 ORGANISATION_DISABLED) only after a right password; its operators too', async () => {
    const created = (await post(P, orgData(), await admin())).body.data;
    const { username, password } = created.credential;
    const firstJwt = (await login(username, password)).body.jwt;
    expect((await change(firstJwt, password, 'Hospital2026x')).status).toBe(200);
    const jwt = (await login(username, 'Hospital2026x')).body.jwt;
    const op = (await post('/api/organisations/mine/operators', { name: '停用经办', phone: mobile(), username: unique('op') }, jwt)).body.data;
    expect((await post(`${P}/${created.documentId}/disable`, {}, await admin())).status).toBe(200);

    const answer = await login(username, 'Hospital2026x');
    expect(expectRefused(answer, 403, 'ORGANISATION_DISABLED').message).toMatch(/^所属机构已被停用/);
    expect(answer.body).not.toHaveProperty('jwt');
    expectRefused(await login(op.username, op.password), 403, 'ORGANISATION_DISABLED');
    // A wrong password answers as for any login: nothing tells the organisation is disabled.
    const wrong = expectRefused(await login(username, 'Wrong2026x'), 400, 'INVALID_CREDENTIALS');
    expect(wrong.message).toBe('用户名或密码错误');
    expectRefused(await login(op.username, 'Wrong2026x'), 400, 'INVALID_CREDENTIALS');
    // The token in hand stops too, at the next request.
    expectRefused(await get('/api/organisations/mine', jwt), 403, 'NO_ORGANISATION');

    expect((await post(`${P}/${created.documentId}/enable`, {}, await admin())).status).toBe(200);
    expect((await login(username, 'Hospital2026x')).status).toBe(200);
    expect((await login(op.username, op.password)).status).toBe(200);
  });

  it('refuses bad input, taken credit codes and usernames, other roles, and creates nothing', async () => {
    const jwt = await admin();
    const bad = expectRefused(await post(P, orgData({ creditCode: '91110000000000000X' }), jwt), 400, 'ORGANISATION_INVALID');
    expect(bad.details.field).toBe('creditCode');
    expectRefused(await post(P, orgData({ type: 'distributor' }), jwt), 400, 'ORGANISATION_INVALID');
    expectRefused(await post(P, orgData({ provinceCode: '99' }), jwt), 400, 'ORGANISATION_INVALID');
    expectRefused(await post(P, orgData({ regionCode: '140105' }), jwt), 400, 'ORGANISATION_INVALID');
    expectRefused(await post(P, orgData({ username: 'P11PS0001' }), jwt), 409, 'ORGANISATION_TAKEN');
    const name = unique('重复医院');
    const first = orgData({ name });
    expect((await post(P, first, jwt)).status).toBe(200);
    expectRefused(await post(P, orgData({ creditCode: first.creditCode }), jwt), 409, 'ORGANISATION_TAKEN');
    expectRefused(await post(P, orgData(), await loginAs('bjBureau')), 403, 'ROLE_NOT_ALLOWED');
    expectRefused(await post(P, { name: { x: 1 } }, jwt), 400, 'ORGANISATION_INVALID');
    expectRefused(await get(`${P}?type=nope`, jwt), 400, 'FILTER_INVALID');
    expectRefused(await post(`${P}/nope/disable`, {}, jwt), 404, 'NOT_FOUND');
    expect((await get(`${P}?name=${encodeURIComponent(name)}`, jwt)).body.data).toHaveLength(1);
  });

  it('batch creation from the template: all rows or none, every error back, one-time passwords once in a sheet', async () => {
    const jwt = await admin();
    const header = ORG_TEMPLATE_COLUMNS.map((c) => c.header);
    const template = await fetch(`${baseUrl()}${P}/template`, { headers: { Authorization: `Bearer ${jwt}` } });
    expect(XLSX.utils.sheet_to_json<string[]>(XLSX.read(Buffer.from(await template.arrayBuffer())).Sheets['机构批量创建']!, { header: 1 })[0]).toEqual(header);
    const row = (o: Record<string, unknown>) => {
      const d = orgData(o);
      return ORG_TEMPLATE_COLUMNS.map((c) => (c.field === 'type' ? TYPE_LABEL[d.type as string] : (d as Record<string, unknown>)[c.field]));
    };
    const dupCode = creditCode('9111');
    const bad = await upload(jwt, [
      header,
      row({ creditCode: dupCode }),
      row({ creditCode: dupCode, type: 'manufacturer' }),
      row({ phone: '12' }),
      row({ type: 'bureau' }),
    ]);
    expect(bad.status).toBe(400);
    expect(bad.body.error.details.code).toBe('IMPORT_ROWS_INVALID');
    const errs = bad.body.error.details.info.rows.map((e: any) => `${e.row}:${e.column}`);
    expect(errs).toEqual(['3:统一社会信用代码', '4:联系电话', '5:机构类型', '5:省份代码']);
    expect(bad.body.error.details.info.errorFile).toBeTruthy();
    const names = [unique('批量医院'), unique('批量企业')];
    expect((await get(`${P}?name=批量`, jwt)).body.data).toHaveLength(0);
    const ok = await upload(jwt, [header, row({ name: names[0] }), row({ name: names[1], type: 'manufacturer', hospitalLevel: '' })]);
    expect(ok.status).toBe(200);
    expect(ok.body.data.created).toBe(2);
    const sheet = XLSX.read(Buffer.from(ok.body.data.credentialsFile, 'base64'));
    const creds = XLSX.utils.sheet_to_json<Record<string, string>>(sheet.Sheets[sheet.SheetNames[0]!]!);
    expect(creds.map((c) => c['机构名称'])).toEqual(names);
    const c0 = ok.body.data.credentials[0];
    expect((await login(c0.username, c0.password)).status).toBe(200);
    expect((await get(`${P}?name=批量企业&type=manufacturer`, jwt)).body.data).toHaveLength(1);
    expectRefused(await upload(await loginAs('bjBureau'), [header]).then((r) => ({ ...r, headers: new Headers() })), 403, 'ROLE_NOT_ALLOWED');
  });
});

import { describe, expect, it } from 'vitest';
import { expectRefused, get, post, put, unique } from '../support/client';
import { freshOrg, mobile } from './support';

const O = '/api/organisations/mine/operators';
const login = (identifier: string, password: string) => post('/api/auth/local', { identifier, password });
const change = (jwt: string, currentPassword: string, password: string) =>
  post('/api/auth/change-password', { currentPassword, password, passwordConfirmation: password }, jwt);

async function addOperator(adminJwt: string) {
  const username = unique('op');
  const res = await post(O, { name: '王经办', phone: mobile(), username }, adminJwt);
  expect(res.status).toBe(200);
  return res.body.data as { id: number; username: string; password: string; enabled: boolean; actions: string[] };
}

/** An operator who has changed the one-time password: its working JWT. */
async function workingOperator(adminJwt: string) {
  const op = await addOperator(adminJwt);
  const first = await login(op.username, op.password);
  expect(first.status).toBe(200);
  expect((await get('/api/me', first.body.jwt)).body).toMatchObject({ mustChangePassword: true, operator: true });
  expect((await change(first.body.jwt, op.password, 'Operator2026x')).status).toBe(200);
  return { op, jwt: (await login(op.username, 'Operator2026x')).body.jwt as string };
}

describe('经办人 (operators)', () => {
  it("the administrator adds an operator with a one-time password; the operator works with the organisation's permissions", async () => {
    const org = await freshOrg('distributor');
    const { op, jwt } = await workingOperator(org.jwt);
    expect(op).toMatchObject({ enabled: true, actions: ['edit', 'disable', 'resetPassword'] });
    expect(op.password).toMatch(/^(?=.*[A-Z])(?=.*[a-z])(?=.*\d).{12}$/);
    const who = (await get('/api/me', jwt)).body;
    expect(who).toMatchObject({ role: 'distributor', operator: true, mustChangePassword: false, organisation: { id: org.org.id } });
    expect((await get('/api/organisations/mine', jwt)).body.data.id).toBe(org.org.id);
    expect((await get('/api/order-lines/search', jwt)).status).toBe(200);
    expect((await post('/api/contacts/mine', { name: '经办人加的', phone: mobile() }, jwt)).status).toBe(200);
    const history = (await get('/api/organisations/mine/history', org.jwt)).body.data;
    expect(history.at(-1)).toMatchObject({ action: 'addContact' });
    expect(history.at(-1).actorName).toContain(`经办人 王经办 ${op.username}`);
    const list = (await get(O, org.jwt)).body.data;
    expect(list.map((o: any) => o.username)).toEqual([op.username]);
    expect(list[0]).not.toHaveProperty('password');
  });

  it('operators cannot manage logins (403 OPERATOR_NOT_ALLOWED), nor can other organisations (404)', async () => {
    const org = await freshOrg('hospital');
    const { op, jwt } = await workingOperator(org.jwt);
    expectRefused(await get(O, jwt), 403, 'OPERATOR_NOT_ALLOWED');
    expectRefused(await post(O, { name: '越权', phone: mobile(), username: unique('op') }, jwt), 403, 'OPERATOR_NOT_ALLOWED');
    expectRefused(await post(`${O}/${op.id}/disable`, {}, jwt), 403, 'OPERATOR_NOT_ALLOWED');
    const other = await freshOrg('hospital');
    expectRefused(await post(`${O}/${op.id}/disable`, {}, other.jwt), 404, 'NOT_FOUND');
    expectRefused(await post(`${O}/${op.id}/reset-password`, {}, other.jwt), 404, 'NOT_FOUND');
    expectRefused(await put(`${O}/${op.id}`, { name: 'x', phone: mobile() }, other.jwt), 404, 'NOT_FOUND');
    // The administrator login itself is not an operator to manage.
    expectRefused(await post(`${O}/${org.admin.id}/disable`, {}, org.jwt), 404, 'NOT_FOUND');
    expect((await login(op.username, 'Operator2026x')).status).toBe(200);
  });

  it('禁用 refuses the operator at once and at login; 启用 restores it; twice is 409', async () => {
    const org = await freshOrg('manufacturer');
    const { op, jwt } = await workingOperator(org.jwt);
    const res = await post(`${O}/${op.id}/disable`, {}, org.jwt);
    expect(res.body.data).toMatchObject({ enabled: false, actions: ['edit', 'enable', 'resetPassword'] });
    expect((await get('/api/organisations/mine', jwt)).status).toBe(401);
    const refused = expectRefused(await login(op.username, 'Operator2026x'), 400, 'ACCOUNT_DISABLED');
    expect(refused.message).toBe('经办人账号已被禁用，请联系本单位管理员');
    // A wrong password answers as for any login: nothing tells the operator is disabled.
    expectRefused(await login(op.username, 'Wrong2026xx'), 400, 'INVALID_CREDENTIALS');
    expectRefused(await post(`${O}/${op.id}/disable`, {}, org.jwt), 409, 'OPERATOR_ACTION_NOT_ALLOWED');
    expect((await post(`${O}/${op.id}/enable`, {}, org.jwt)).status).toBe(200);
    expect((await login(op.username, 'Operator2026x')).status).toBe(200);
  });

  it('重置密码 gives a new one-time password (the old one stops), to be changed at the next login', async () => {
    const org = await freshOrg('distributor');
    const { op } = await workingOperator(org.jwt);
    const res = await post(`${O}/${op.id}/reset-password`, {}, org.jwt);
    expect(res.status).toBe(200);
    expect((await login(op.username, 'Operator2026x')).status).toBe(400);
    const l = await login(op.username, res.body.data.password);
    expect(l.status).toBe(200);
    expect((await get('/api/me', l.body.jwt)).body.mustChangePassword).toBe(true);
    expectRefused(await get('/api/organisations/mine', l.body.jwt), 403, 'PASSWORD_CHANGE_REQUIRED');
  });

  it('checks name, phone and username, refuses a taken username, edits name and phone', async () => {
    const org = await freshOrg('distributor');
    expect(expectRefused(await post(O, { name: '', phone: mobile(), username: unique('op') }, org.jwt), 400, 'FIELD_REQUIRED').details.field).toBe('name');
    expectRefused(await post(O, { name: '王', phone: '123', username: unique('op') }, org.jwt), 400, 'PHONE_INVALID');
    expectRefused(await post(O, { name: '王', phone: mobile(), username: '中文名' }, org.jwt), 400, 'USERNAME_INVALID');
    expectRefused(await post(O, { name: '王', phone: mobile(), username: 'P11PS0001' }, org.jwt), 409, 'USERNAME_TAKEN');
    expectRefused(await post(O, { name: '王', phone: mobile(), username: ['a'] }, org.jwt), 400, 'OPERATOR_INVALID');
    expect((await get(O, org.jwt)).body.data).toEqual([]);
    const op = await addOperator(org.jwt);
    const edited = await put(`${O}/${op.id}`, { name: '李经办', phone: '010-66667777' }, org.jwt);
    expect(edited.body.data).toMatchObject({ name: '李经办', phone: '010-66667777', username: op.username });
    expectRefused(await post(`${O}/abc/disable`, {}, org.jwt), 400, 'INVALID_INPUT');
  });
});

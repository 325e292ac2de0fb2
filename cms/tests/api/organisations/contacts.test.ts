import { describe, expect, it } from 'vitest';
import { BLOCKING_RELATIONSHIP_STATUSES } from '../../../src/domain';
import { del, expectRefused, get, loginAs, me, post, put, testSupport } from '../support/client';
import { freshOrg, mobile } from './support';

const C = '/api/contacts/mine';
const add = (jwt: string, over: Record<string, unknown> = {}) =>
  post(C, { name: '张经理', phone: mobile(), email: 'zhang@example.com', position: '销售经理', ...over }, jwt);
const listOf = async (jwt: string) => (await get(C, jwt)).body.data as Array<{ documentId: string; name: string; isDefault: boolean; actions: string[] }>;

describe('联系人信息', () => {
  it('the first contact becomes the default; 设置默认 moves it; exactly one default at every step', async () => {
    const { jwt } = await freshOrg();
    const a = await add(jwt, { name: '甲' });
    expect(a.status).toBe(200);
    expect(a.body.data).toMatchObject({ name: '甲', isDefault: true, actions: ['edit', 'delete'] });
    const b = (await add(jwt, { name: '乙', email: '', position: null })).body.data;
    expect(b).toMatchObject({ isDefault: false, email: null, position: null, actions: ['edit', 'setDefault', 'delete'] });
    const res = await post(`${C}/${b.documentId}/default`, {}, jwt);
    expect(res.status).toBe(200);
    const rows = await listOf(jwt);
    expect(rows.map((r) => [r.name, r.isDefault])).toEqual([
      ['乙', true],
      ['甲', false],
    ]);
  });

  it('the default cannot be deleted until another is made default (409, nothing deleted)', async () => {
    const { jwt } = await freshOrg();
    const a = (await add(jwt, { name: '甲' })).body.data;
    const b = (await add(jwt, { name: '乙' })).body.data;
    expect(expectRefused(await del(`${C}/${a.documentId}`, jwt), 409, 'DEFAULT_CONTACT_UNDELETABLE').message).toContain('默认联系人不能删除');
    expect(await listOf(jwt)).toHaveLength(2);
    await post(`${C}/${b.documentId}/default`, {}, jwt);
    expect((await del(`${C}/${a.documentId}`, jwt)).status).toBe(200);
    expect((await listOf(jwt)).map((r) => [r.name, r.isDefault])).toEqual([['乙', true]]);
    // The last one is the default: it stays.
    expectRefused(await del(`${C}/${b.documentId}`, jwt), 409, 'DEFAULT_CONTACT_UNDELETABLE');
  });

  it('two 设置默认 at the same moment still leave exactly one default', async () => {
    const { jwt } = await freshOrg();
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) ids.push((await add(jwt, { name: `联系人${i}` })).body.data.documentId);
    for (let round = 0; round < 3; round++) {
      const results = await Promise.all(ids.slice(1).map((d) => post(`${C}/${d}/default`, {}, jwt)));
      for (const r of results) expect(r.status).toBe(200);
      expect((await listOf(jwt)).filter((r) => r.isDefault)).toHaveLength(1);
    }
    // And 删除 racing 设置默认 of the same contact never leaves none.
    const rows = await listOf(jwt);
    const other = rows.find((r) => !r.isDefault)!;
    await Promise.all([del(`${C}/${other.documentId}`, jwt), post(`${C}/${other.documentId}/default`, {}, jwt)]);
    expect((await listOf(jwt)).filter((r) => r.isDefault)).toHaveLength(1);
  });

  it('edits are checked; bad input is refused with the field and changes nothing', async () => {
    const { jwt } = await freshOrg();
    const a = (await add(jwt, { name: '甲' })).body.data;
    const edited = await put(`${C}/${a.documentId}`, { name: '甲改', phone: '010-88887777', email: 'a@b.cn', position: '总监' }, jwt);
    expect(edited.body.data).toMatchObject({ name: '甲改', phone: '010-88887777', isDefault: true });
    expect(expectRefused(await add(jwt, { name: '' }), 400, 'FIELD_REQUIRED').details.field).toBe('name');
    expect(expectRefused(await add(jwt, { phone: '12345' }), 400, 'PHONE_INVALID').details.field).toBe('phone');
    expect(expectRefused(await add(jwt, { email: 'not-an-email' }), 400, 'EMAIL_INVALID').details.field).toBe('email');
    expectRefused(await add(jwt, { name: 'x'.repeat(300) }), 400, 'CONTACT_INVALID');
    expectRefused(await put(`${C}/${a.documentId}`, { name: '甲', phone: 'abc' }, jwt), 400, 'PHONE_INVALID');
    expect((await listOf(jwt)).map((r) => r.name)).toEqual(['甲改']);
  });

  it("another organisation's contact answers 404 for every write, and the history records the changes", async () => {
    const mine = await freshOrg();
    const theirs = await freshOrg();
    const c = (await add(theirs.jwt, { name: '他人' })).body.data;
    expectRefused(await put(`${C}/${c.documentId}`, { name: '改', phone: mobile() }, mine.jwt), 404, 'NOT_FOUND');
    expectRefused(await del(`${C}/${c.documentId}`, mine.jwt), 404, 'NOT_FOUND');
    expectRefused(await post(`${C}/${c.documentId}/default`, {}, mine.jwt), 404, 'NOT_FOUND');
    expect(await listOf(mine.jwt)).toEqual([]);
    expect((await listOf(theirs.jwt)).map((r) => r.name)).toEqual(['他人']);
    expect((await get(C)).status).toBe(403);
    const history = (await get('/api/organisations/mine/history', theirs.jwt)).body.data;
    expect(history.map((h: any) => h.action)).toEqual(['addContact']);
  });

  it("a counterpart's default contact is shown to whoever deals with it, and to no one else", async () => {
    const dist = await freshOrg('distributor');
    await add(dist.jwt, { name: '配送联系人', phone: '13911112222' });
    const jst = (await me('jst')).organisation.id;
    await testSupport.fixture('hospital-relationship', { hospitalOrgId: jst, distributorOrgId: dist.org.id, status: BLOCKING_RELATIONSHIP_STATUSES[0] });
    const seen = await get(`/api/contacts/default/${dist.org.id}`, await loginAs('jst'));
    expect(seen.status).toBe(200);
    expect(seen.body.data.contact).toMatchObject({ name: '配送联系人', phone: '13911112222' });
    expect((await get(`/api/contacts/default/${dist.org.id}`, await loginAs('admin'))).status).toBe(200);
    expect((await get(`/api/contacts/default/${dist.org.id}`, await loginAs('bjBureau'))).status).toBe(200);
    expectRefused(await get(`/api/contacts/default/${dist.org.id}`, await loginAs('xiehe')), 404, 'NOT_FOUND');
    expectRefused(await get(`/api/contacts/default/${dist.org.id}`, await loginAs('sxBureau')), 404, 'NOT_FOUND');
    expectRefused(await get('/api/contacts/default/abc', await loginAs('jst')), 400, 'INVALID_INPUT');
    // The reverse direction: the distributor sees the hospital's default contact (the demo seed gives jst two).
    const jstDefault = (await listOf(await loginAs('jst'))).find((c) => c.isDefault)!;
    expect((await get(`/api/contacts/default/${jst}`, dist.jwt)).body.data.contact).toMatchObject({ name: jstDefault.name });
  });
});

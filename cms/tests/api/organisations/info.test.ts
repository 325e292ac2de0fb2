import { describe, expect, it } from 'vitest';
import { expectRefused, get, put } from '../support/client';
import { freshOrg } from './support';

const MINE = '/api/organisations/mine';

describe('企业信息', () => {
  it('the organisation edits its details (name and credit code stay), with a history line per edit', async () => {
    const { jwt, org } = await freshOrg('hospital');
    const res = await put(
      MINE,
      { legalPerson: '赵院长', authorisedPerson: '钱主任', phone: '010-88886666', address: '北京市西城区新街口东街31号', name: '改名', creditCode: 'X' },
      jwt,
    );
    expect(res.status).toBe(200);
    expect(res.body.data).toMatchObject({ legalPerson: '赵院长', phone: '010-88886666', address: '北京市西城区新街口东街31号', name: org.name });
    const history = (await get(`${MINE}/history`, jwt)).body.data;
    expect(history).toHaveLength(1);
    expect(history[0]).toMatchObject({ action: 'editInfo' });
    expect(history[0].reason).toContain('法定代表人：（空） → 赵院长');
    expect(history[0].reason).toContain('联系电话：010-12345678 → 010-88886666');
  });

  it('refuses bad input and an edit that changes nothing, and stores nothing', async () => {
    const { jwt } = await freshOrg('manufacturer');
    expect(expectRefused(await put(MINE, { phone: '' }, jwt), 400, 'FIELD_REQUIRED').details.field).toBe('phone');
    expectRefused(await put(MINE, { phone: '12ab' }, jwt), 400, 'PHONE_INVALID');
    expectRefused(await put(MINE, { phone: '010-12345678', address: 'x'.repeat(301) }, jwt), 400, 'FIELD_TOO_LONG');
    expectRefused(await put(MINE, { phone: '010-12345678', legalPerson: { a: 1 } }, jwt), 400, 'ORG_INFO_INVALID');
    expectRefused(await put(MINE, { phone: '010-12345678' }, jwt), 400, 'NOTHING_CHANGED');
    expect((await get(`${MINE}/history`, jwt)).body.data).toEqual([]);
    expect((await put(MINE, { phone: '010-12345678' })).status).toBe(403);
  });
});

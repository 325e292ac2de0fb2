/** Usernames cannot collide or vanish (issue 14 §8): unique whatever the case, numbering skips taken names and says when the range ends. */
import { afterEach, describe, expect, it } from 'vitest';
import { del, expectRefused, get, loginAs, me, post, testSupport } from '../support/client';
import { accountData, creditCode, HEADER, listAll, M, mobile, provAccount, upload, xlsx } from './support';

const SX = 'sxBureau';
const BJ = 'bjBureau';
const tagOf = (p: string) => `${p}${Date.now().toString(36)}${Math.random().toString(36).slice(2, 5)}`;
const created: string[] = [];

afterEach(async () => {
  // Accounts that fill the end of the province's range are removed, or every later test of the run would meet it.
  for (const documentId of created.splice(0)) await del(`${M}/${documentId}`, await loginAs(SX));
});

async function previewSeq(): Promise<number> {
  const res = await get(`${M}/username-preview`, await loginAs(SX));
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return Number(String(res.body.data?.username ?? res.body.username).slice(3));
}

describe('usernames are unique whatever the case', () => {
  it('refuses a provincial account that differs from a taken one only in case, and stores usernames upper-cased', async () => {
    expectRefused(await post(M, { data: accountData({ provincialAccount: 'ps0001' }) }, await loginAs(BJ)), 400, 'ACCOUNT_DUPLICATE');
    const acc = provAccount();
    const a = await post(M, { data: accountData({ provincialAccount: acc.toLowerCase() }) }, await loginAs(SX));
    expect(a.status, JSON.stringify(a.body)).toBe(200);
    expect(a.body.data).toMatchObject({ username: `P14${acc}`, provincialAccount: acc });
    expectRefused(await post(M, { data: accountData({ provincialAccount: acc }) }, await loginAs(SX)), 400, 'ACCOUNT_DUPLICATE');
    const file = await upload(await loginAs(SX), xlsx([HEADER, [acc.toLowerCase(), tagOf('大小写'), creditCode(), '', '', mobile()]]));
    expect(expectRefused(file, 400, 'IMPORT_ROWS_INVALID').details.info.rows[0].message).toBe(`用户名 P14${acc} 已存在`);
  });

  it('treats a lower-case credit code as the upper-case one (typed, imported, or stored on an organisation)', async () => {
    const code = creditCode();
    const a = await post(M, { data: accountData({ creditCode: code }) }, await loginAs(SX));
    expect(a.status).toBe(200);
    expectRefused(await post(M, { data: accountData({ creditCode: code.toLowerCase() }) }, await loginAs(SX)), 400, 'ACCOUNT_DUPLICATE');
    const file = await upload(await loginAs(SX), xlsx([HEADER, ['', tagOf('小写码'), code.toLowerCase(), '', '', mobile()]]));
    expect(expectRefused(file, 400, 'IMPORT_ROWS_INVALID').details.info.rows[0].message).toContain('统一社会信用代码已被');
    // An organisation stored with a lower-case code (as typed in the content manager) holds the upper-case one too.
    const orgCode = creditCode();
    await testSupport.fixture('organisation', {
      documentId: tagOf('fxorg'),
      name: tagOf('小写码机构'),
      type: 'manufacturer',
      creditCode: orgCode.toLowerCase(),
    });
    const clash = expectRefused(await post(M, { data: accountData({ creditCode: orgCode }) }, await loginAs(SX)), 400, 'ACCOUNT_DUPLICATE');
    expect(JSON.stringify(clash)).toContain('平台机构');
  });

  it('logs in with the identifier in any case as the one stored login', async () => {
    for (const identifier of ['p11ps0001', 'P11Ps0001']) {
      const res = await post('/api/auth/local', { identifier, password: 'Demo@123456' });
      expect(res.status, identifier).toBe(200);
      expect(res.body.user.username).toBe('P11PS0001');
    }
    expect((await post('/api/auth/local', { identifier: 'p11ps0001', password: 'wrong-password1' })).status).toBe(400);
  });
});

describe('numbering skips taken usernames', () => {
  it('gives the next free number when a numeric provincial account took the next one (create, preview and import)', async () => {
    const next = await previewSeq();
    const digits = String(next).padStart(4, '0');
    const taker = await post(M, { data: accountData({ provincialAccount: digits }) }, await loginAs(SX));
    expect(taker.body.data.username).toBe(`P14${digits}`);
    expect(await previewSeq()).toBe(next + 1);
    const after = await post(M, { data: accountData({ provincialAccount: '' }) }, await loginAs(SX));
    expect(after.status, JSON.stringify(after.body)).toBe(200);
    expect(after.body.data.username).toBe(`P14${String(next + 1).padStart(4, '0')}`);

    // In one file: a row's numeric provincial account is the number the row before it would get.
    const n2 = await previewSeq();
    const tag = tagOf('跳号');
    const res = await upload(
      await loginAs(SX),
      xlsx([
        HEADER,
        ['', `${tag}1`, creditCode(), '', '', mobile()],
        [String(n2 + 1).padStart(4, '0'), `${tag}2`, creditCode(), '', '', mobile()],
        ['', `${tag}3`, creditCode(), '', '', mobile()],
      ]),
    );
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const names = ((await listAll(SX, `&companyName=${encodeURIComponent(tag)}&sort=companyName:asc`)).body.data as any[]).map((r) => r.username);
    expect(names).toEqual([n2, n2 + 1, n2 + 2].map((n) => `P14${String(n).padStart(4, '0')}`));
  });

  it('says clearly when the province has no generated usernames left: no empty username, no 500', async () => {
    const bureau = await me(SX);
    const last = await testSupport.fixture('distributor-account', {
      documentId: tagOf('fxacct'),
      username: 'P149998',
      provinceCode: '14',
      seq: 9998,
      bureauOrgId: bureau.organisation.id,
      companyName: tagOf('末号'),
      creditCode: creditCode(),
      phone: mobile(),
      issued: false,
      enabled: true,
    });
    created.push(last.documentId);
    const tag = tagOf('用尽');
    const two = await upload(
      await loginAs(SX),
      xlsx([HEADER, ['', `${tag}1`, creditCode(), '', '', mobile()], ['', `${tag}2`, creditCode(), '', '', mobile()]]),
    );
    const e = expectRefused(two, 409, 'USERNAME_SEQ_EXHAUSTED');
    expect(e.message).toContain('还可生成 1 个，本次需要 2 个');
    const one = await post(M, { data: accountData({ provincialAccount: '', companyName: `${tag}3` }) }, await loginAs(SX));
    expect(one.body.data.username).toBe('P149999');
    created.push(one.body.data.documentId);
    expectRefused(await post(M, { data: accountData({ provincialAccount: '' }) }, await loginAs(SX)), 409, 'USERNAME_SEQ_EXHAUSTED');
    const single = await upload(await loginAs(SX), xlsx([HEADER, ['', `${tag}4`, creditCode(), '', '', mobile()]]));
    expect(expectRefused(single, 409, 'USERNAME_SEQ_EXHAUSTED').message).toContain('已无可用顺序码');
    const preview = await get(`${M}/username-preview`, await loginAs(SX));
    expect(preview.status).toBe(200);
    expect(JSON.stringify(preview.body)).toContain('已无可用顺序码');
    // With a provincial account, accounts are still created.
    const withAcc = await post(M, { data: accountData({ companyName: `${tag}5` }) }, await loginAs(SX));
    expect(withAcc.status).toBe(200);
    const stored = (await listAll(SX, `&companyName=${encodeURIComponent(tag)}`)).body.data as any[];
    expect(stored.map((r) => r.username).sort()).toEqual(['P149999', withAcc.body.data.username].sort());
    expect(stored.every((r) => r.username !== '')).toBe(true);
  });
});

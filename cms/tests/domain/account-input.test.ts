import { describe, expect, it } from 'vitest';
import { accountInputErrors, normaliseAccountInput, templateFieldOf, ACCOUNT_TEMPLATE_COLUMNS, makeCreditCode } from '../../src/domain';

const CC = makeCreditCode('91140000110016799');

describe('normaliseAccountInput', () => {
  it('normalises full-width characters, spaces, credit code case and phone numbers', () => {
    const v = normaliseAccountInput({
      provincialAccount: ' ＳＸ０００１ ',
      companyName: '  山西  配送 ',
      creditCode: CC.toLowerCase().replace(/(.{4})/, '$1 '),
      legalPerson: null,
      authorisedPerson: undefined,
      phone: 13800138000,
    });
    expect(v).toEqual({ provincialAccount: 'SX0001', companyName: '山西 配送', creditCode: CC, legalPerson: '', authorisedPerson: '', phone: '13800138000' });
  });
});

describe('accountInputErrors', () => {
  const ok = normaliseAccountInput({ companyName: '测试配送', creditCode: CC, phone: '0351-7023456' });
  it('accepts a valid account', () => expect(accountInputErrors(ok)).toEqual([]));
  it('requires company name, credit code and phone', () => {
    const e = accountInputErrors(normaliseAccountInput({}));
    expect(e.map((x) => x.field)).toEqual(['companyName', 'creditCode', 'phone']);
    expect(e[0]!.message).toBe('配送企业名称不能为空');
  });
  it('refuses a wrong check character, a bad phone, a bad provincial account and long names', () => {
    const bad = { ...ok, creditCode: CC.slice(0, 17) + (CC[17] === '0' ? '1' : '0'), phone: '12345', provincialAccount: 'SX-01', legalPerson: '法'.repeat(33) };
    const e = accountInputErrors(bad);
    expect(e.map((x) => x.field).sort()).toEqual(['creditCode', 'legalPerson', 'phone', 'provincialAccount']);
    expect(e.find((x) => x.field === 'creditCode')!.message).toBe('统一社会信用代码校验位错误');
  });
});

describe('templateFieldOf', () => {
  it('maps headers and aliases, ignoring stray spaces and asterisks', () => {
    expect(templateFieldOf(' 配送企业名称 ')).toBe('companyName');
    expect(templateFieldOf('*统一社会信用代码')).toBe('creditCode');
    expect(templateFieldOf('省平台账号')).toBe('provincialAccount');
    expect(templateFieldOf('备注')).toBeNull();
    expect(ACCOUNT_TEMPLATE_COLUMNS.map((c) => templateFieldOf(c.header))).toEqual(ACCOUNT_TEMPLATE_COLUMNS.map((c) => c.field));
  });
});

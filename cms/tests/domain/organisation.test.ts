import { describe, expect, it } from 'vitest';
import { checkOrgInfo, contactActionsFor, makeCreditCode, normaliseOrgInput, orgActionsFor, orgInfoChanges, orgInputErrors } from '../../src/domain';

describe('企业信息, contacts and onboarding rules', () => {
  it('checkOrgInfo normalises the editable details and requires a valid phone', () => {
    expect(checkOrgInfo({ legalPerson: ' 张三 ', phone: '139 1111 2222', address: '' })).toEqual({
      legalPerson: '张三',
      authorisedPerson: null,
      phone: '13911112222',
      address: null,
    });
    expect(() => checkOrgInfo({ phone: '' })).toThrow(expect.objectContaining({ code: 'FIELD_REQUIRED', field: 'phone' }));
    expect(() => checkOrgInfo({ phone: '12' })).toThrow(expect.objectContaining({ code: 'PHONE_INVALID' }));
    expect(() => checkOrgInfo({ phone: '010-12345678', address: 'x'.repeat(301) })).toThrow(
      expect.objectContaining({ code: 'FIELD_TOO_LONG', field: 'address' }),
    );
  });

  it('orgInfoChanges lists what differs, in words', () => {
    const after = { legalPerson: '李四', authorisedPerson: null, phone: '010-12345678', address: null };
    expect(orgInfoChanges({ legalPerson: '张三', phone: '010-12345678' }, after)).toEqual(['法定代表人：张三 → 李四']);
    expect(orgInfoChanges(after, after)).toEqual([]);
  });

  it('contactActionsFor offers 设置默认 only on the others', () => {
    expect(contactActionsFor({ isDefault: true })).toEqual(['edit', 'delete']);
    expect(contactActionsFor({ isDefault: false })).toEqual(['edit', 'setDefault', 'delete']);
  });

  it('normaliseOrgInput and orgInputErrors check a new organisation', () => {
    const ok = normaliseOrgInput({
      type: '医疗机构',
      name: '医院',
      creditCode: makeCreditCode('12110000400690254').toLowerCase(),
      provinceCode: '11',
      regionCode: '110102',
      phone: '010-58516688',
      username: 'h_test',
    });
    expect(ok.type).toBe('hospital');
    expect(orgInputErrors(ok)).toEqual([]);
    expect(orgInputErrors({ ...ok, type: 'distributor' }).map((e) => e.field)).toEqual(['type']);
    expect(orgInputErrors({ ...ok, regionCode: '140105' }).map((e) => e.field)).toEqual(['regionCode']);
    expect(orgInputErrors({ ...ok, creditCode: '' }).map((e) => e.field)).toEqual(['creditCode']);
    expect(orgInputErrors({ ...ok, type: 'bureau', creditCode: '' })).toEqual([]);
    expect(orgInputErrors({ ...ok, type: 'bureau' }, { types: ['hospital'] }).map((e) => e.field)).toEqual(['type']);
    expect(orgInputErrors({ ...ok, username: '1' }, { editing: true })).toEqual([]);
  });

  it('orgActionsFor: nothing on the platform itself, 停用 / 启用 by state', () => {
    expect(orgActionsFor({ type: 'platform', enabled: true })).toEqual([]);
    expect(orgActionsFor({ type: 'hospital', enabled: true })).toEqual(['edit', 'resetLogin', 'disable']);
    expect(orgActionsFor({ type: 'bureau', enabled: false })).toEqual(['edit', 'resetLogin', 'enable']);
  });
});

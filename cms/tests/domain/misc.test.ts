import { describe, expect, it } from 'vitest';
import {
  addDaysIso,
  assertCanDeleteContact,
  canDeleteContact,
  chinaDate,
  checkContact,
  checkQuantity,
  CONTACT_FIELDS,
  daysBetweenIso,
  DEFAULT_CONTACT_UNDELETABLE_MESSAGE,
  describeHistoryEntry,
  DomainError,
  historyEntry,
  isIsoDate,
  isProvinceCode,
  isRegionCode,
  MACHINES,
  provinceOf,
  provinceRegionCode,
  sameProvince,
} from '../../src/domain';

function err(fn: () => unknown): DomainError {
  try {
    fn();
  } catch (e) {
    if (e instanceof DomainError) return e;
    throw e;
  }
  throw new Error('expected a DomainError');
}

describe('region codes (GB/T 2260)', () => {
  it('provinceOf takes the first two digits', () => {
    expect(provinceOf('140105')).toBe('14');
    expect(provinceOf('110000')).toBe('11');
    expect(provinceOf(110101)).toBe('11');
    expect(provinceOf('1401')).toBe('14');
    expect(provinceOf('14')).toBe('14');
    for (const bad of ['1', '14010', 'abcdef', '']) expect(err(() => provinceOf(bad)).code).toBe('REGION_CODE_INVALID');
  });

  it('isProvinceCode accepts the GB/T 2260 province codes only', () => {
    for (const ok of ['11', '14', '65', '71', '81', '82']) expect(isProvinceCode(ok)).toBe(true);
    for (const bad of ['10', '16', '99', '1', '140', 14]) expect(isProvinceCode(bad)).toBe(false);
  });

  it('isRegionCode, sameProvince, provinceRegionCode', () => {
    expect(isRegionCode('140105')).toBe(true);
    expect(isRegionCode('990105')).toBe(false);
    expect(isRegionCode('14010')).toBe(false);
    expect(sameProvince('140105', '140200')).toBe(true);
    expect(sameProvince('140105', '110101')).toBe(false);
    expect(provinceRegionCode('14')).toBe('140000');
    expect(err(() => provinceRegionCode('1')).code).toBe('PROVINCE_CODE_INVALID');
  });
});

describe('contacts 联系人', () => {
  it('the default contact cannot be deleted', () => {
    expect(canDeleteContact({ isDefault: true })).toBe(false);
    expect(canDeleteContact({ isDefault: false })).toBe(true);
    expect(canDeleteContact({ isDefault: null })).toBe(true);
    const e = err(() => assertCanDeleteContact({ isDefault: true }));
    expect(e.code).toBe('DEFAULT_CONTACT_UNDELETABLE');
    expect(e.status).toBe(409);
    expect(e.message).toBe('默认联系人不能删除，请先将其他联系人设为默认');
    expect(DEFAULT_CONTACT_UNDELETABLE_MESSAGE).toBe(e.message);
    expect(() => assertCanDeleteContact({ isDefault: false })).not.toThrow();
  });

  it('name and phone are required', () => {
    expect(CONTACT_FIELDS.name.required).toBe(true);
    expect(CONTACT_FIELDS.phone.required).toBe(true);
    expect(CONTACT_FIELDS.email.required).toBe(false);
    expect(CONTACT_FIELDS.position.required).toBe(false);
  });

  it('checkContact normalises and validates', () => {
    expect(checkContact({ name: ' 张三 ', phone: '138 0013 8000' })).toEqual({
      name: '张三',
      phone: '13800138000',
      email: null,
      position: null,
    });
    expect(checkContact({ name: '李四', phone: '010-12345678', email: 'li@example.com', position: '经理' })).toMatchObject({
      email: 'li@example.com',
      position: '经理',
    });
    const noName = err(() => checkContact({ name: ' ', phone: '13800138000' }));
    expect([noName.code, noName.field, noName.message]).toEqual(['FIELD_REQUIRED', 'name', '请填写姓名']);
    const noPhone = err(() => checkContact({ name: '张三', phone: '' }));
    expect([noPhone.code, noPhone.field]).toEqual(['FIELD_REQUIRED', 'phone']);
    const badPhone = err(() => checkContact({ name: '张三', phone: '12345' }));
    expect([badPhone.code, badPhone.field]).toEqual(['PHONE_INVALID', 'phone']);
    const badEmail = err(() => checkContact({ name: '张三', phone: '13800138000', email: 'nope' }));
    expect([badEmail.code, badEmail.field]).toEqual(['EMAIL_INVALID', 'email']);
    const long = err(() => checkContact({ name: 'x'.repeat(51), phone: '13800138000' }));
    expect(long.code).toBe('FIELD_TOO_LONG');
  });
});

describe('history', () => {
  it('historyEntry builds a draft with a normalised reason', () => {
    expect(historyEntry('delegation', 'reject', 'pending', 'rejected', '  价格不合理 ')).toEqual({
      entity: 'delegation',
      action: 'reject',
      from: 'pending',
      to: 'rejected',
      reason: '价格不合理',
    });
    expect(historyEntry('orderLine', 'confirm', 'pending', 'confirmed').reason).toBeNull();
    expect(historyEntry('orderLine', 'create', null, 'pending', '  ').reason).toBeNull();
  });

  it('describeHistoryEntry labels with the machine', () => {
    const e = historyEntry('delegation', 'reject', 'pending', 'rejected', '价格不合理');
    expect(describeHistoryEntry(e, MACHINES.delegation)).toBe('待确认 → 已拒绝（拒绝委托；理由：价格不合理）');
    expect(describeHistoryEntry(e, MACHINES.delegation, 'en-US')).toBe('Pending → Rejected (Reject; reason: 价格不合理)');
    expect(describeHistoryEntry(historyEntry('orderLine', 'create', null, 'pending'), MACHINES.orderLine)).toBe('— → 待确认（create）');
    expect(describeHistoryEntry(e, undefined)).toBe('pending → rejected（reject；理由：价格不合理）');
  });
});

describe('dates', () => {
  it('accepts real YYYY-MM-DD calendar dates and adds days across month and year ends', () => {
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2023-02-29')).toBe(false);
    expect(isIsoDate('1899-12-31')).toBe(false);
    expect(isIsoDate(20240101)).toBe(false);
    expect(addDaysIso('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDaysIso('2024-12-31', 1)).toBe('2025-01-01');
    expect(daysBetweenIso('2024-01-01', '2024-03-01')).toBe(60);
  });

  it('chinaDate is UTC+8', () => {
    expect(chinaDate(new Date('2024-06-14T15:59:59Z'))).toBe('2024-06-14');
    expect(chinaDate(new Date('2024-06-14T16:00:00Z'))).toBe('2024-06-15');
    expect(err(() => chinaDate(new Date('x'))).code).toBe('DATE_INVALID');
  });
});

describe('checkQuantity', () => {
  it('accepts an integer ≥ 1 and refuses anything else as QUANTITY_INVALID on quantity', () => {
    expect(checkQuantity(3)).toBe(3);
    for (const bad of [0, -1, 1.5, '3', null, Number.NaN]) {
      const e = err(() => checkQuantity(bad));
      expect([e.code, e.field]).toEqual(['QUANTITY_INVALID', 'quantity']);
    }
  });
});

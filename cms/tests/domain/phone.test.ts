import { describe, expect, it } from 'vitest';
import { isValidPhone, normalisePhone, phoneError } from '../../src/domain';

describe('isValidPhone', () => {
  it.each([
    '13800138000',
    '19912345678',
    '15011112222',
    ' 138 0013 8000 ',
    '+8613800138000',
    '+86 138-0013-8000',
    '0086 13800138000',
    '１３８００１３８０００',
    '022-24538156',
    '02224538156',
    '010-12345678',
    '0351-1234567',
    '0351-12345678',
    '0351 1234567',
    '010-12345678-123',
    '0755－26543210',
    '400-810-8888',
    '4008108888',
    '800-810-8888',
  ])('valid: %s', (p) => {
    expect(isValidPhone(p)).toBe(true);
    expect(phoneError(p)).toBeNull();
  });

  it.each([
    '',
    '1380013800',
    '138001380000',
    '12800138000',
    '23800138000',
    '010-1234567890',
    '010-123456',
    '10-12345678',
    '010-02345678',
    '13800-13800',
    '12345678',
    '400-81-8888',
    '500-810-8888',
    'abc',
    '138-0013-800a',
  ])('invalid: %j', (p) => {
    expect(isValidPhone(p)).toBe(false);
    expect(phoneError(p)).not.toBeNull();
  });

  it('accepts a number typed as a number in a spreadsheet', () => {
    expect(isValidPhone(13800138000)).toBe(true);
  });

  it('phoneError names what is wrong: empty, a short mobile number, or an unknown format', () => {
    expect(phoneError('')).toBe('联系电话不能为空');
    expect(phoneError(null)).toBe('联系电话不能为空');
    expect(phoneError('1380013800')).toBe('手机号码应为11位数字');
    expect(phoneError('abc')).toMatch(/^联系电话格式不正确/);
  });

  it('normalisePhone strips spaces and the +86 prefix of a mobile', () => {
    expect(normalisePhone(' +86 138 0013 8000 ')).toBe('13800138000');
    expect(normalisePhone('022 — 24538156'.replace(' — ', '—'))).toBe('022-24538156');
  });
});

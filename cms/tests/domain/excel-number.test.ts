import { describe, expect, it } from 'vitest';
import { creditCodeError, excelDisplay, excelNumberError, headerKey, normaliseAccountInput, normaliseText } from '../../src/domain';

describe('excelNumberError: a number Excel made of what was typed as text', () => {
  it('accepts integers Excel holds exactly in General format (a provincial account, a mobile)', () => {
    expect(excelNumberError(5089, 'text')).toBeNull();
    expect(excelNumberError(5089, 'text', 'General')).toBeNull();
    expect(excelNumberError(13800138000, 'phone')).toBeNull();
  });

  it('explains 82599E2 (8259900 in scientific format), an 18-digit code (9.11101E+44) and 2^53 + 1', () => {
    expect(excelNumberError(8259900, 'text', '0.00E+00')).toMatch(/^Excel 已将该单元格转为数字（8259900）/);
    expect(excelNumberError(9.11101001000001e44, 'text')).toMatch(/^Excel 已将该单元格转为数字（9\.11101E\+44），超过15位的数字末尾已丢失/);
    expect(excelNumberError(2 ** 53 + 2, 'text')).toMatch(/超过15位/);
    expect(excelNumberError(3.25, 'text')).toMatch(/带小数/);
  });

  it('explains 1e309 (Infinity) instead of storing "Infinity"', () => {
    expect(excelNumberError(Infinity, 'text')).toMatch(/^Excel 已将该单元格转为数字（超出 Excel 的数值范围）/);
    expect(excelNumberError(-Infinity, 'text')).not.toBeNull();
    expect(excelNumberError(NaN, 'phone')).not.toBeNull();
  });

  it('says a landline lost its leading 0, not that a mobile needs 11 digits', () => {
    expect(excelNumberError(3517023456, 'phone')).toMatch(/固定电话开头的“0”已丢失（现为 3517023456，应为 03517023456）/);
    expect(excelNumberError(1012345678, 'phone')).toMatch(/应为 01012345678/);
    expect(excelNumberError(3517023456, 'text')).toBeNull();
    expect(excelNumberError(12345, 'phone')).toBeNull(); // left to phoneError
    expect(excelNumberError(4008001234, 'phone')).toBeNull(); // a 400 number is valid as Excel keeps it
  });

  it('shows a number as Excel does', () => {
    expect(excelDisplay(8259900)).toBe('8259900');
    expect(excelDisplay(9.11101001000001e44)).toBe('9.11101E+44');
    expect(excelDisplay(1e20)).toBe('1E+20');
    expect(excelDisplay(0.5)).toBe('0.5');
  });
});

describe('invisible characters and header keys', () => {
  it('removes zero-width spaces, joiners, byte-order marks, soft hyphens and control characters', () => {
    expect(normaliseText('\u200b9111\u200c0000\u200d10\ufeff1\u00ad\u2060118502X\u0007')).toBe('91110000101118502X');
    const code = normaliseAccountInput({ creditCode: '911100001011185\u200b02X' }).creditCode;
    expect(code).toBe('91110000101118502X');
    expect(creditCodeError(code)).not.toMatch(/当前19位/);
    expect(normaliseText('张 三\t')).toBe('张 三');
  });

  it('compares headers without spaces, required marks and invisible characters', () => {
    expect(headerKey(' 统一社会 信用代码* ')).toBe('统一社会信用代码');
    expect(headerKey('\ufeff联系电话＊')).toBe('联系电话');
  });
});

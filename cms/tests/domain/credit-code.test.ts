import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CREDIT_CODE_CHARSET, creditCodeCheckChar, creditCodeError, isValidCreditCode, makeCreditCode } from '../../src/domain';

// Published real codes, verified with the GB 32100-2015 algorithm.
const REAL = ['91350100M000100Y43', '91110000600037341L'];

describe('统一社会信用代码 (GB 32100-2015)', () => {
  it('charset has 31 characters, no I O Z S V', () => {
    expect(CREDIT_CODE_CHARSET).toHaveLength(31);
    for (const c of 'IOZSV') expect(CREDIT_CODE_CHARSET).not.toContain(c);
  });

  it.each(REAL)('accepts %s', (c) => {
    expect(isValidCreditCode(c)).toBe(true);
    expect(creditCodeError(c)).toBeNull();
    expect(creditCodeCheckChar(c.slice(0, 17))).toBe(c[17]);
  });

  it('computes the check character by hand for one code', () => {
    // 91350100M000100Y4 → values 9,1,3,5,0,1,0,0,21,0,0,0,1,0,0,30,4
    const values = [9, 1, 3, 5, 0, 1, 0, 0, 21, 0, 0, 0, 1, 0, 0, 30, 4];
    const weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
    const sum = values.reduce((s, v, i) => s + v * weights[i]!, 0);
    expect(sum).toBe(1640);
    expect((31 - (sum % 31)) % 31).toBe(3);
    expect(creditCodeCheckChar('91350100M000100Y4')).toBe('3');
  });

  it('accepts lowercase, spaces and full-width after normalisation', () => {
    expect(isValidCreditCode('91350100m000100y43')).toBe(true);
    expect(isValidCreditCode(' 91110000600037341l ')).toBe(true);
    expect(isValidCreditCode('９１３５０１００Ｍ０００１００Ｙ４３')).toBe(true);
    expect(isValidCreditCode('9135 0100 M000 100Y 43')).toBe(true);
  });

  it('refuses every wrong check character', () => {
    for (const code of REAL) {
      for (const c of CREDIT_CODE_CHARSET) {
        if (c === code[17]) continue;
        const bad = code.slice(0, 17) + c;
        expect(isValidCreditCode(bad)).toBe(false);
        expect(creditCodeError(bad)).toBe('统一社会信用代码校验位错误');
      }
    }
  });

  it('refuses a wrong length', () => {
    expect(creditCodeError('91350100M000100Y4')).toBe('统一社会信用代码应为18位（当前17位）');
    expect(creditCodeError('91350100M000100Y431')).toBe('统一社会信用代码应为18位（当前19位）');
    expect(creditCodeError('')).toBe('统一社会信用代码不能为空');
    expect(creditCodeError(null)).toBe('统一社会信用代码不能为空');
    expect(creditCodeError('123456789012345')).toContain('18位');
  });

  it.each(['I', 'O', 'Z', 'S', 'V', '-', '*', '中'])('refuses illegal character %s', (ch) => {
    const bad = '91350100' + ch + '000100Y43';
    const e = creditCodeError(bad);
    expect(e).toContain('第9位');
    expect(e).toContain('不是合法字符');
    expect(isValidCreditCode(bad)).toBe(false);
  });

  it('detects every single-character substitution (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...CREDIT_CODE_CHARSET), { minLength: 17, maxLength: 17 }),
        fc.nat(16),
        fc.constantFrom(...CREDIT_CODE_CHARSET),
        (chars, pos, sub) => {
          const code = makeCreditCode(chars.join(''));
          expect(isValidCreditCode(code)).toBe(true);
          if (chars[pos] !== sub) {
            const changed = code.slice(0, pos) + sub + code.slice(pos + 1);
            expect(isValidCreditCode(changed)).toBe(false);
          }
        },
      ),
      { numRuns: 500 },
    );
  });

  it('makeCreditCode builds valid codes for seeds', () => {
    expect(makeCreditCode('91140100MA0000001')).toHaveLength(18);
    expect(isValidCreditCode(makeCreditCode('91140100ma0000001'))).toBe(true);
    expect(() => creditCodeCheckChar('123')).toThrow();
    expect(() => creditCodeCheckChar('9135010OM000100Y4')).toThrow();
  });
});

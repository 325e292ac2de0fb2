/**
 * 统一社会信用代码 (GB 32100-2015): 18 characters from CREDIT_CODE_CHARSET (digits and capital
 * letters without I, O, Z, S, V); the 18th is a check character over the first 17.
 */
import { normaliseText } from './text';

export const CREDIT_CODE_CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
export const CREDIT_CODE_WEIGHTS: readonly number[] = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
export const CREDIT_CODE_LENGTH = 18;

/** normaliseText, spaces removed, upper-cased. */
export function normaliseCreditCode(s: string | null | undefined): string {
  return normaliseText(s).replace(/\s+/g, '').toUpperCase();
}

/** Check character for the first 17 characters (throws on a wrong length or illegal character). */
export function creditCodeCheckChar(first17: string): string {
  const s = normaliseCreditCode(first17);
  if (s.length !== 17) throw new Error(`creditCodeCheckChar: need 17 characters, got ${s.length}`);
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const v = CREDIT_CODE_CHARSET.indexOf(s[i] as string);
    if (v < 0) throw new Error(`creditCodeCheckChar: illegal character ${s[i]} at ${i + 1}`);
    sum += v * (CREDIT_CODE_WEIGHTS[i] as number);
  }
  return CREDIT_CODE_CHARSET[(31 - (sum % 31)) % 31] as string;
}

/** A valid code made of `first17` and its check character (for seeds and tests). */
export function makeCreditCode(first17: string): string {
  const s = normaliseCreditCode(first17);
  return s + creditCodeCheckChar(s);
}

/** null when valid, else the reason in Chinese (empty / length / illegal character / check character). */
export function creditCodeError(input: string | null | undefined): string | null {
  const s = normaliseCreditCode(input);
  if (s === '') return '统一社会信用代码不能为空';
  const chars = [...s];
  if (chars.length !== CREDIT_CODE_LENGTH) return `统一社会信用代码应为18位（当前${chars.length}位）`;
  for (let i = 0; i < chars.length; i++) {
    if (!CREDIT_CODE_CHARSET.includes(chars[i] as string)) {
      return `统一社会信用代码第${i + 1}位“${chars[i]}”不是合法字符（只能为数字和除I、O、Z、S、V以外的大写字母）`;
    }
  }
  if (creditCodeCheckChar(s.slice(0, 17)) !== s[17]) return '统一社会信用代码校验位错误';
  return null;
}

export function isValidCreditCode(s: string | null | undefined): boolean {
  return creditCodeError(s) === null;
}

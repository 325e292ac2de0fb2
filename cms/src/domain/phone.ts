/**
 * Contact phone 联系电话: a mobile number (11 digits, 1[3-9]…), a landline with area code
 * (0AA or 0AAA, optional hyphen, 7–8 digit local number not starting with 0, optional
 * '-extension'), or a 400/800 service number (400-xxx-xxxx). Spaces are ignored; full-width
 * characters and dashes are normalised; a mobile may be written with hyphens and a +86 / 0086 prefix.
 */
import { normaliseText } from './text';

export const MOBILE_RE = /^1[3-9]\d{9}$/;
export const LANDLINE_RE = /^0\d{2,3}-?[1-9]\d{6,7}(?:-\d{1,6})?$/;
export const SERVICE_NUMBER_RE = /^[48]00-?\d{3}-?\d{4}$/;

/** The phone as stored: normalised, spaces removed, a +86/0086 prefix of a mobile removed. */
export function normalisePhone(s: string | number | null | undefined): string {
  let p = normaliseText(s === null || s === undefined ? '' : String(s))
    .replace(/[\u2010-\u2015\u2212]/g, '-')
    .replace(/\s+/g, '');
  // A mobile written with hyphens or a country prefix: keep the 11 digits.
  const m = /^(?:\+86|0086)?(1\d{10})$/.exec(p.replace(/-/g, ''));
  if (m) p = m[1] as string;
  return p;
}

export function isValidPhone(s: string | number | null | undefined): boolean {
  const p = normalisePhone(s);
  return MOBILE_RE.test(p) || LANDLINE_RE.test(p) || SERVICE_NUMBER_RE.test(p);
}

/** null when valid, else the reason in Chinese. */
export function phoneError(s: string | number | null | undefined): string | null {
  const p = normalisePhone(s);
  if (p === '') return '联系电话不能为空';
  if (isValidPhone(p)) return null;
  if (/^1\d*$/.test(p) && p.length !== 11) return '手机号码应为11位数字';
  return '联系电话格式不正确（手机号码11位，固定电话如010-12345678）';
}

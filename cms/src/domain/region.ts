/**
 * Administrative division codes (GB/T 2260): 6 digits, the first two are the province code
 * (11 北京, 14 山西 …). Region names come from a data package elsewhere; only codes live here.
 */
import { DomainError } from './errors';

/** The province-level codes of GB/T 2260 (incl. 71 台湾, 81 香港, 82 澳门). */
export const PROVINCE_CODES: readonly string[] = [
  '11',
  '12',
  '13',
  '14',
  '15',
  '21',
  '22',
  '23',
  '31',
  '32',
  '33',
  '34',
  '35',
  '36',
  '37',
  '41',
  '42',
  '43',
  '44',
  '45',
  '46',
  '50',
  '51',
  '52',
  '53',
  '54',
  '61',
  '62',
  '63',
  '64',
  '65',
  '71',
  '81',
  '82',
];

export function isProvinceCode(s: unknown): s is string {
  return typeof s === 'string' && PROVINCE_CODES.includes(s);
}

/** A 6-digit code whose first two digits are a province code. */
export function isRegionCode(s: unknown): s is string {
  return typeof s === 'string' && /^\d{6}$/.test(s) && isProvinceCode(s.slice(0, 2));
}

/** Province code of a region code ('140105' → '14'); 2- and 4-digit codes are accepted too. REGION_CODE_INVALID otherwise. */
export function provinceOf(code: string | number): string {
  const s = String(code).trim();
  if (!/^(?:\d{2}|\d{4}|\d{6})$/.test(s)) {
    throw new DomainError('REGION_CODE_INVALID', `行政区划代码不正确：${s}`, { status: 400, field: 'region' });
  }
  return s.slice(0, 2);
}

/** Do two region codes lie in the same province? */
export function sameProvince(a: string, b: string): boolean {
  return provinceOf(a) === provinceOf(b);
}

/** Region code of the province itself ('14' → '140000'). */
export function provinceRegionCode(provinceCode: string): string {
  if (!/^\d{2}$/.test(provinceCode)) {
    throw new DomainError('PROVINCE_CODE_INVALID', `省份代码应为两位数字：${provinceCode}`, { status: 400, field: 'province' });
  }
  return `${provinceCode}0000`;
}

/**
 * The fields of a distributor account as typed in 账号添加 or read from an imported template row:
 * normalising and checking them (Chinese reasons, per field), and the template's columns.
 *
 * Required: 配送企业名称, 统一社会信用代码 (valid check digit), 联系电话 (mobile or landline).
 * Optional: 省平台账号 (letters and digits, 1–20), 法人, 被授权人.
 */
import { PROVINCIAL_ACCOUNT_RE } from './account';
import { creditCodeError, normaliseCreditCode } from './credit-code';
import { normalisePhone, phoneError } from './phone';
import { headerKey, normaliseText } from './text';

export const ACCOUNT_FIELDS = ['provincialAccount', 'companyName', 'creditCode', 'legalPerson', 'authorisedPerson', 'phone'] as const;
export type AccountField = (typeof ACCOUNT_FIELDS)[number];
export type AccountInput = { [F in AccountField]: string };

export const ACCOUNT_FIELD_LABELS: { readonly [F in AccountField]: { zh: string; en: string } } = {
  provincialAccount: { zh: '省平台账号', en: 'Provincial account' },
  companyName: { zh: '配送企业名称', en: 'Company name' },
  creditCode: { zh: '统一社会信用代码', en: 'Unified social credit code' },
  legalPerson: { zh: '法人', en: 'Legal representative' },
  authorisedPerson: { zh: '被授权人', en: 'Authorised person' },
  phone: { zh: '联系电话', en: 'Contact phone' },
};

export const ACCOUNT_FIELD_MAX: { readonly [F in AccountField]: number } = {
  provincialAccount: 20,
  companyName: 100,
  creditCode: 18,
  legalPerson: 32,
  authorisedPerson: 32,
  phone: 32,
};

/**
 * Template columns, in order: header text, the field, and the format description written in the
 * template's first data row (manual 000: “各字段的填写格式在表格第一行内有具体描述”).
 * `aliases` are other headers accepted on import.
 */
export const ACCOUNT_TEMPLATE_COLUMNS: ReadonlyArray<{ field: AccountField; header: string; aliases: string[]; format: string; width: number }> = [
  {
    field: 'provincialAccount',
    header: '省级耗材网采用户名',
    aliases: ['省平台账号'],
    format: '选填；字母或数字，1-20位；无省级耗材网采用户名的不填，系统按顺序码生成用户名',
    width: 24,
  },
  { field: 'companyName', header: '配送企业名称', aliases: [], format: '必填；企业全称，最多100字', width: 36 },
  { field: 'creditCode', header: '统一社会信用代码', aliases: [], format: '必填；18位，数字或大写字母（不含I、O、Z、S、V）', width: 26 },
  { field: 'legalPerson', header: '法人', aliases: ['法定代表人'], format: '选填；最多32字', width: 14 },
  { field: 'authorisedPerson', header: '被授权人', aliases: [], format: '选填；最多32字', width: 14 },
  { field: 'phone', header: '联系电话', aliases: [], format: '必填；手机号码11位或固定电话（如010-12345678）', width: 24 },
];

/** Columns an import file must have (the other fields are optional). */
export const ACCOUNT_REQUIRED_FIELDS: readonly AccountField[] = ['companyName', 'creditCode', 'phone'];

/** Longest text accepted in any field of a request body, before the per-field checks. */
export const ACCOUNT_FIELD_INPUT_MAX = 500;

/** Field of a template header (normalised, case-insensitive for ASCII), or null when unknown. */
export function templateFieldOf(header: string): AccountField | null {
  const h = headerKey(header);
  for (const c of ACCOUNT_TEMPLATE_COLUMNS) {
    if (c.header === h || c.aliases.includes(h)) return c.field;
  }
  return null;
}

export interface FieldError {
  field: AccountField;
  message: string;
}

/** Normalised values of the fields (text, provincial account and credit code upper-cased without spaces, phone as stored). */
export function normaliseAccountInput(raw: Partial<Record<AccountField, unknown>>): AccountInput {
  const text = (v: unknown) => (v === null || v === undefined ? '' : normaliseText(String(v)));
  return {
    provincialAccount: text(raw.provincialAccount).replace(/\s+/g, '').toUpperCase(),
    companyName: text(raw.companyName),
    creditCode: normaliseCreditCode(text(raw.creditCode)),
    legalPerson: text(raw.legalPerson),
    authorisedPerson: text(raw.authorisedPerson),
    phone: normalisePhone(text(raw.phone)),
  };
}

/** Field errors of normalised input (empty when valid). */
export function accountInputErrors(v: AccountInput): FieldError[] {
  const errors: FieldError[] = [];
  if (v.provincialAccount !== '' && !PROVINCIAL_ACCOUNT_RE.test(v.provincialAccount)) {
    errors.push({ field: 'provincialAccount', message: '省平台账号只能包含字母和数字，长度1-20位' });
  }
  if (v.companyName === '') errors.push({ field: 'companyName', message: '配送企业名称不能为空' });
  else if ([...v.companyName].length > ACCOUNT_FIELD_MAX.companyName) errors.push({ field: 'companyName', message: '配送企业名称最多100字' });
  const cc = creditCodeError(v.creditCode);
  if (cc) errors.push({ field: 'creditCode', message: cc });
  for (const f of ['legalPerson', 'authorisedPerson'] as const) {
    if ([...v[f]].length > ACCOUNT_FIELD_MAX[f]) errors.push({ field: f, message: `${ACCOUNT_FIELD_LABELS[f].zh}最多${ACCOUNT_FIELD_MAX[f]}字` });
  }
  const ph = phoneError(v.phone);
  if (ph) errors.push({ field: 'phone', message: ph });
  return errors;
}

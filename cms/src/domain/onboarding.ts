/**
 * 联采办 onboarding (DOMAIN §8): the platform admin creates bureaus (one per province), manufacturers
 * and hospitals, each with a first login (one-time password). Distributors come from their bureau's
 * 发放 (manual 000), never from here.
 */
import { creditCodeError, normaliseCreditCode } from './credit-code';
import { OPERATOR_USERNAME_RE } from './logins';
import { normalisePhone, phoneError } from './phone';
import { isProvinceCode, isRegionCode } from './region';
import { normaliseText } from './text';

export const ONBOARD_TYPES = ['bureau', 'manufacturer', 'hospital'] as const;
export type OnboardType = (typeof ONBOARD_TYPES)[number];
/** What the .xlsx batch creates (bureaus are one per province: one at a time). */
export const IMPORT_ORG_TYPES: readonly OnboardType[] = ['manufacturer', 'hospital'];
export const ORG_IMPORT_MAX_ROWS = 2000;
export const ORG_LIST_PAGE_SIZE = 20;

export const ORG_FIELDS = ['type', 'name', 'creditCode', 'provinceCode', 'regionCode', 'legalPerson', 'phone', 'address', 'hospitalLevel', 'username'] as const;
export type OrgField = (typeof ORG_FIELDS)[number];
export type OrgInput = { [F in OrgField]: string };

export const ORG_FIELD_LABELS: { readonly [F in OrgField]: { zh: string; en: string } } = {
  type: { zh: '机构类型', en: 'Type' },
  name: { zh: '机构名称', en: 'Name' },
  creditCode: { zh: '统一社会信用代码', en: 'Credit code' },
  provinceCode: { zh: '省份代码', en: 'Province code' },
  regionCode: { zh: '地区代码', en: 'Region code' },
  legalPerson: { zh: '法定代表人', en: 'Legal representative' },
  phone: { zh: '联系电话', en: 'Phone' },
  address: { zh: '地址', en: 'Address' },
  hospitalLevel: { zh: '医院等级', en: 'Hospital level' },
  username: { zh: '管理员用户名', en: 'Administrator username' },
};
const MAX: { readonly [F in OrgField]: number } = {
  type: 20,
  name: 100,
  creditCode: 18,
  provinceCode: 2,
  regionCode: 6,
  legalPerson: 64,
  phone: 32,
  address: 300,
  hospitalLevel: 32,
  username: 32,
};

/** The import template's columns, in order; `type` is written 生产企业 / 医疗机构. */
export const ORG_TEMPLATE_COLUMNS: ReadonlyArray<{ field: OrgField; header: string; format: string; width: number }> = [
  { field: 'type', header: '机构类型', format: '必填：生产企业 或 医疗机构', width: 12 },
  { field: 'name', header: '机构名称', format: '必填，最多100字', width: 30 },
  { field: 'creditCode', header: '统一社会信用代码', format: '必填，18位，校验位正确', width: 22 },
  { field: 'provinceCode', header: '省份代码', format: '必填，两位数字，如 11（北京）', width: 10 },
  { field: 'regionCode', header: '地区代码', format: '选填，六位行政区划代码，属于所填省份', width: 12 },
  { field: 'legalPerson', header: '法定代表人', format: '选填，最多64字', width: 12 },
  { field: 'phone', header: '联系电话', format: '必填，手机11位或固定电话如010-12345678', width: 16 },
  { field: 'address', header: '地址', format: '选填，最多300字', width: 30 },
  { field: 'hospitalLevel', header: '医院等级', format: '选填（医疗机构），如 三级甲等', width: 12 },
  { field: 'username', header: '管理员用户名', format: '必填，4–32位字母、数字或下划线，以字母开头', width: 16 },
];

const TYPE_BY_LABEL: Record<string, OnboardType> = { 省级医保局: 'bureau', 生产企业: 'manufacturer', 医疗机构: 'hospital' };

/** Normalised input: the type from its code or Chinese name, the credit code upper-cased, the phone as stored. */
export function normaliseOrgInput(raw: Partial<Record<OrgField, unknown>>): OrgInput {
  const text = (v: unknown) => (v === null || v === undefined ? '' : normaliseText(String(v)));
  const type = text(raw.type);
  return {
    type: TYPE_BY_LABEL[type] ?? type,
    name: text(raw.name),
    creditCode: normaliseCreditCode(text(raw.creditCode)),
    provinceCode: text(raw.provinceCode),
    regionCode: text(raw.regionCode),
    legalPerson: text(raw.legalPerson),
    phone: normalisePhone(text(raw.phone)),
    address: text(raw.address),
    hospitalLevel: text(raw.hospitalLevel),
    username: text(raw.username),
  };
}

export interface OrgFieldError {
  field: OrgField;
  message: string;
}

/** Field errors of normalised input; `editing` skips the type and the username (fixed once created). */
export function orgInputErrors(v: OrgInput, opts: { editing?: boolean; types?: readonly OnboardType[] } = {}): OrgFieldError[] {
  const errors: OrgFieldError[] = [];
  const types = opts.types ?? ONBOARD_TYPES;
  if (!opts.editing && !(types as readonly string[]).includes(v.type))
    errors.push({
      field: 'type',
      message: `机构类型应为${types.map((t) => ({ bureau: '省级医保局', manufacturer: '生产企业', hospital: '医疗机构' })[t]).join('或')}`,
    });
  if (!v.name) errors.push({ field: 'name', message: '机构名称不能为空' });
  for (const f of ORG_FIELDS) if ([...v[f]].length > MAX[f]) errors.push({ field: f, message: `${ORG_FIELD_LABELS[f].zh}最多${MAX[f]}字` });
  // A bureau is a government body: its credit code is optional; companies and hospitals need theirs.
  if (v.creditCode || v.type !== 'bureau') {
    const cc = creditCodeError(v.creditCode);
    if (cc) errors.push({ field: 'creditCode', message: cc });
  }
  if (!isProvinceCode(v.provinceCode)) errors.push({ field: 'provinceCode', message: '省份代码应为两位数字的省级行政区划代码' });
  else if (v.regionCode && (!isRegionCode(v.regionCode) || v.regionCode.slice(0, 2) !== v.provinceCode)) {
    errors.push({ field: 'regionCode', message: '地区代码应为所填省份的六位行政区划代码' });
  }
  const ph = phoneError(v.phone);
  if (ph) errors.push({ field: 'phone', message: ph });
  if (!opts.editing && !OPERATOR_USERNAME_RE.test(v.username))
    errors.push({ field: 'username', message: '管理员用户名应为 4–32 位字母、数字或下划线，以字母开头' });
  return errors;
}

export type OrgAction = 'edit' | 'resetLogin' | 'enable' | 'disable';

/** What the platform admin may do to an organisation row (its own platform organisation: nothing). */
export function orgActionsFor(org: { type: string; enabled: boolean }): OrgAction[] {
  if (org.type === 'platform') return [];
  return ['edit', 'resetLogin', org.enabled ? 'disable' : 'enable'];
}

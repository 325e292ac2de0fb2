/**
 * 企业信息 (manual 001 §3.6): what an organisation maintains itself. Name and 统一社会信用代码 stay as
 * issued; the rest is checked here and each change recorded in the history as "field: old → new".
 */
import { DomainError } from './errors';
import { normalisePhone, phoneError } from './phone';
import { normaliseText } from './text';

export const ORG_INFO_FIELDS = {
  legalPerson: { zh: '法定代表人', en: 'Legal representative', maxLength: 64, required: false },
  authorisedPerson: { zh: '被授权人', en: 'Authorised person', maxLength: 64, required: false },
  phone: { zh: '联系电话', en: 'Phone', maxLength: 32, required: true },
  address: { zh: '地址', en: 'Address', maxLength: 300, required: false },
} as const;
export type OrgInfoField = keyof typeof ORG_INFO_FIELDS;
export const ORG_INFO_FIELD_NAMES = Object.keys(ORG_INFO_FIELDS) as OrgInfoField[];
export type OrgInfo = { [F in OrgInfoField]: string | null };

/** The normalised details, or DomainError (400) naming the field. */
export function checkOrgInfo(input: Partial<Record<OrgInfoField, unknown>>): OrgInfo {
  const out = {} as OrgInfo;
  for (const f of ORG_INFO_FIELD_NAMES) {
    const spec = ORG_INFO_FIELDS[f];
    const raw = input[f];
    const s = normaliseText(raw === null || raw === undefined ? '' : String(raw));
    if (spec.required && !s) throw new DomainError('FIELD_REQUIRED', `请填写${spec.zh}`, { status: 400, field: f });
    if (s.length > spec.maxLength) throw new DomainError('FIELD_TOO_LONG', `${spec.zh}不能超过${spec.maxLength}个字符`, { status: 400, field: f });
    out[f] = s || null;
  }
  if (out.phone) {
    const err = phoneError(out.phone);
    if (err) throw new DomainError('PHONE_INVALID', err, { status: 400, field: 'phone' });
    out.phone = normalisePhone(out.phone);
  }
  return out;
}

/** The fields that differ, as the history's text ("地址：旧 → 新"); empty when nothing changed. */
export function orgInfoChanges(before: Partial<OrgInfo>, after: OrgInfo): string[] {
  return ORG_INFO_FIELD_NAMES.filter((f) => (before[f] ?? null) !== after[f]).map(
    (f) => `${ORG_INFO_FIELDS[f].zh}：${before[f] ?? '（空）'} → ${after[f] ?? '（空）'}`,
  );
}

/** Labels of the steps in an organisation's history (企业信息, 联系人, 经办人, 初始密码, 联采办's onboarding). */
export const ORG_HISTORY_ACTIONS: { readonly [action: string]: { readonly zh: string; readonly en: string } } = {
  create: { zh: '创建机构', en: 'Created' },
  edit: { zh: '联采办修改机构信息', en: 'Edited by the platform' },
  enable: { zh: '启用机构', en: 'Enabled' },
  disable: { zh: '停用机构', en: 'Disabled' },
  resetLogin: { zh: '重置管理员密码', en: 'Administrator password reset' },
  editInfo: { zh: '修改企业信息', en: 'Company info edited' },
  setInitialPassword: { zh: '设置账号初始密码', en: 'Initial password set' },
  addContact: { zh: '新增联系人', en: 'Contact added' },
  editContact: { zh: '编辑联系人', en: 'Contact edited' },
  deleteContact: { zh: '删除联系人', en: 'Contact deleted' },
  setDefaultContact: { zh: '设置默认联系人', en: 'Default contact set' },
  addOperator: { zh: '新增经办人', en: 'Operator added' },
  editOperator: { zh: '编辑经办人', en: 'Operator edited' },
  enableOperator: { zh: '启用经办人', en: 'Operator enabled' },
  disableOperator: { zh: '禁用经办人', en: 'Operator disabled' },
  resetOperatorPassword: { zh: '重置经办人密码', en: 'Operator password reset' },
};

/**
 * Organisation contacts 联系人: name and phone required, email and position optional. Exactly one
 * default contact; the default one cannot be deleted until another is made default.
 */
import { DomainError } from './errors';
import { phoneError, normalisePhone } from './phone';
import { normaliseText } from './text';

export interface ContactFieldSpec {
  readonly required: boolean;
  readonly zh: string;
  readonly en: string;
  readonly maxLength: number;
}

export const CONTACT_FIELDS = {
  name: { required: true, zh: '姓名', en: 'Name', maxLength: 50 },
  phone: { required: true, zh: '联系电话', en: 'Phone', maxLength: 30 },
  email: { required: false, zh: '邮箱', en: 'Email', maxLength: 100 },
  position: { required: false, zh: '职务', en: 'Position', maxLength: 50 },
} as const satisfies Record<string, ContactFieldSpec>;

export type ContactField = keyof typeof CONTACT_FIELDS;

export const DEFAULT_CONTACT_UNDELETABLE_MESSAGE = '默认联系人不能删除，请先将其他联系人设为默认';

export function canDeleteContact(contact: { isDefault: boolean | null | undefined }): boolean {
  return contact.isDefault !== true;
}

/** Throws DEFAULT_CONTACT_UNDELETABLE (409) for the default contact. */
export function assertCanDeleteContact(contact: { isDefault: boolean | null | undefined }): void {
  if (!canDeleteContact(contact)) {
    throw new DomainError('DEFAULT_CONTACT_UNDELETABLE', DEFAULT_CONTACT_UNDELETABLE_MESSAGE, { status: 409 });
  }
}

export const EMAIL_RE = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export interface ContactInput {
  name?: string | null;
  phone?: string | number | null;
  email?: string | null;
  position?: string | null;
}

export interface CheckedContact {
  name: string;
  phone: string;
  email: string | null;
  position: string | null;
}

/** Normalised contact, or DomainError (400): FIELD_REQUIRED / FIELD_TOO_LONG / PHONE_INVALID / EMAIL_INVALID with field. */
export function checkContact(input: ContactInput): CheckedContact {
  const text = (f: ContactField, v: unknown): string => {
    const s = normaliseText(v === null || v === undefined ? '' : String(v));
    const spec = CONTACT_FIELDS[f];
    if (spec.required && s === '') throw new DomainError('FIELD_REQUIRED', `请填写${spec.zh}`, { status: 400, field: f });
    if (s.length > spec.maxLength) {
      throw new DomainError('FIELD_TOO_LONG', `${spec.zh}不能超过${spec.maxLength}个字符`, { status: 400, field: f });
    }
    return s;
  };
  const name = text('name', input.name);
  text('phone', input.phone);
  const pErr = phoneError(input.phone);
  if (pErr) throw new DomainError('PHONE_INVALID', pErr, { status: 400, field: 'phone' });
  const email = text('email', input.email);
  if (email !== '' && !EMAIL_RE.test(email)) {
    throw new DomainError('EMAIL_INVALID', '邮箱格式不正确', { status: 400, field: 'email' });
  }
  const position = text('position', input.position);
  return { name, phone: normalisePhone(input.phone), email: email || null, position: position || null };
}

export const CONTACTS_MAX = 50;
export type ContactAction = 'edit' | 'setDefault' | 'delete';

/** 编辑 and 删除 on every contact (the server refuses deleting the default, with the manual's note), 设置默认 on the others. */
export function contactActionsFor(contact: { isDefault: boolean }): ContactAction[] {
  return contact.isDefault ? ['edit', 'delete'] : ['edit', 'setDefault', 'delete'];
}

/**
 * Logins of an organisation: the administrator login 单位账号 (the first one, made when the
 * organisation is created or its account issued) and the operators 经办人 it adds (manual 001 §1.2).
 * Operators act with the organisation's permissions but never manage logins or initial passwords.
 */
import { DomainError } from './errors';
import { normalisePhone, phoneError } from './phone';
import { normaliseText } from './text';

/** At least 8 characters with letters and digits (every login starts from a password someone else knows). */
export const STRONG_PASSWORD_RE = /^(?=.*[A-Za-z])(?=.*\d).{8,64}$/;
export const PASSWORD_WEAK_MESSAGE = '新密码至少 8 位，且须同时包含字母和数字';

/** null when `p` is strong enough, else the reason in Chinese. */
export function passwordError(p: unknown): string | null {
  return typeof p === 'string' && STRONG_PASSWORD_RE.test(p) ? null : PASSWORD_WEAK_MESSAGE;
}

/** Operator usernames: 4–32 letters, digits or _, starting with a letter. */
export const OPERATOR_USERNAME_RE = /^[A-Za-z][A-Za-z0-9_]{3,31}$/;
export const OPERATOR_NAME_MAX = 50;

export interface OperatorInput {
  name?: unknown;
  phone?: unknown;
  username?: unknown;
}

export interface CheckedOperator {
  name: string;
  phone: string;
  username: string;
}

const text = (v: unknown) => normaliseText(v === null || v === undefined ? '' : String(v));

/** Normalised operator (姓名, 联系电话, 用户名), or DomainError (400) with the field. */
export function checkOperator(input: OperatorInput, opts: { usernameRequired?: boolean } = {}): CheckedOperator {
  const name = text(input.name);
  if (!name) throw new DomainError('FIELD_REQUIRED', '请填写姓名', { status: 400, field: 'name' });
  if (name.length > OPERATOR_NAME_MAX) throw new DomainError('FIELD_TOO_LONG', `姓名不能超过${OPERATOR_NAME_MAX}个字符`, { status: 400, field: 'name' });
  const pErr = phoneError(input.phone as string | null | undefined);
  if (pErr) throw new DomainError('PHONE_INVALID', pErr, { status: 400, field: 'phone' });
  const username = text(input.username);
  if (opts.usernameRequired !== false && !OPERATOR_USERNAME_RE.test(username)) {
    throw new DomainError('USERNAME_INVALID', '用户名应为 4–32 位字母、数字或下划线，以字母开头', { status: 400, field: 'username' });
  }
  return { name, phone: normalisePhone(input.phone as string), username };
}

export const OPERATOR_ACTIONS = ['edit', 'enable', 'disable', 'resetPassword'] as const;
export type OperatorAction = (typeof OPERATOR_ACTIONS)[number];

/** What the organisation's administrator may do to one of its operators. */
export function operatorActionsFor(op: { enabled: boolean }): OperatorAction[] {
  return ['edit', op.enabled ? 'disable' : 'enable', 'resetPassword'];
}

/** A login that is an operator may not manage logins: 403 OPERATOR_NOT_ALLOWED. */
export function assertLoginManager(actor: { operator?: boolean }): void {
  if (actor.operator) throw new DomainError('OPERATOR_NOT_ALLOWED', '经办人不能管理账号，请使用单位管理员账号', { status: 403 });
}

import { DomainError } from '../domain/errors';
import { bumpCounts } from '../db/count-cache';
import { clearMustChangePassword, endAllSessions, recordLogin } from '../db/users';
import { tokenIssuedAtMs } from '../utils/session-token';
import { securityEventOf } from '../db/security-events';

/**
 * Wraps users-permissions' login and password-change routes: Chinese messages with stable codes for
 * refused logins, the last-login time recorded at each login, and the forced change cleared once done;
 * a password change ends every earlier session but the one its answer carries.
 */
const ORGANISATION_DISABLED_MESSAGE = '所属机构已被停用，不能登录，请联系联采办';
const OPERATOR_DISABLED_MESSAGE = '经办人账号已被禁用，请联系本单位管理员';
const LOGIN_ERRORS: Array<[RegExp, string, string]> = [
  [/invalid identifier or password/i, 'INVALID_CREDENTIALS', '用户名或密码错误'],
  [/blocked/i, 'ACCOUNT_DISABLED', '账号已被禁用，请联系省级医保局'],
  [/not been confirmed/i, 'ACCOUNT_NOT_CONFIRMED', '账号尚未激活'],
  [/identifier is a required field|password is a required field|errors occurred/i, 'CREDENTIALS_REQUIRED', '请输入用户名和密码'],
];
const CHANGE_ERRORS: Array<[RegExp, string, string, string]> = [
  [/current password is invalid/i, 'CURRENT_PASSWORD_INVALID', '原密码错误', 'currentPassword'],
  [/must be different/i, 'PASSWORD_UNCHANGED', '新密码不能与原密码相同', 'password'],
  [/passwords do not match/i, 'PASSWORD_MISMATCH', '两次输入的新密码不一致', 'passwordConfirmation'],
  [/errors occurred|required field/i, 'PASSWORD_FIELDS_REQUIRED', '请填写原密码、新密码和确认新密码', 'password'],
];
// At least 8 characters with letters and digits: issued accounts start from a shared initial password.
const STRONG_PASSWORD = /^(?=.*[A-Za-z])(?=.*\d).{8,64}$/;

/** What the hooks read and write of Koa's context. */
interface AuthRouteContext {
  method: string;
  get?(field: string): string;
  path: string;
  request: { body?: unknown };
  body: unknown;
  status: number;
  state: { user?: { id?: unknown } | null };
}

/**
 * Why a signed-in request was refused (401): users-permissions answers "Invalid credentials" for a
 * user blocked after signing in; the panel must say 账号已被禁用, not 登录已失效. Runs only on refusals.
 */
async function refusedTokenError(authorization: string | undefined): Promise<DomainError | null> {
  const token = /^Bearer\s+(.+)$/i.exec(authorization ?? '')?.[1];
  if (!token) return null;
  let id: number;
  try {
    id = Number((await strapi.plugin('users-permissions').service('jwt').verify(token))?.id);
  } catch {
    return null; // expired or forged: 登录已失效 is right
  }
  if (!id) return null;
  const user = await strapi.db.query('plugin::users-permissions.user').findOne({
    where: { id },
    select: ['blocked'],
    populate: { organisation: { select: ['enabled'] } },
  });
  if (user?.blocked) return new DomainError('ACCOUNT_DISABLED', '账号已被禁用，请联系省级医保局', { status: 401 });
  if (user?.organisation && user.organisation.enabled === false)
    return new DomainError('ORGANISATION_DISABLED', ORGANISATION_DISABLED_MESSAGE, { status: 401 });
  return null;
}

/** A login whose password was right but whose organisation 联采办 disabled: refused (403) before any session. */
async function disabledOrganisationError(userId: number): Promise<DomainError | null> {
  const user = await strapi.db.query('plugin::users-permissions.user').findOne({
    where: { id: userId },
    select: ['id'],
    populate: { organisation: { select: ['enabled'] } },
  });
  if (user?.organisation && user.organisation.enabled === false)
    return new DomainError('ORGANISATION_DISABLED', ORGANISATION_DISABLED_MESSAGE, { status: 403 });
  return null;
}

/** 账号已被禁用 names whom to ask: an operator 经办人 asks its own organisation's administrator. */
async function blockedMessage(identifier: unknown, fallback: string): Promise<string> {
  if (typeof identifier !== 'string' || !identifier) return fallback;
  const user = await strapi.db.query('plugin::users-permissions.user').findOne({ where: { username: identifier }, select: ['isOperator'] });
  return user?.isOperator ? OPERATOR_DISABLED_MESSAGE : fallback;
}

export default () => async (ctx: AuthRouteContext, next: () => Promise<void>) => {
  const isLogin = ctx.method === 'POST' && ctx.path === '/api/auth/local';
  const isChange = ctx.method === 'POST' && ctx.path === '/api/auth/change-password';
  if (!isLogin && !isChange) {
    // Strapi answers the refusal itself (ctx.status 401) or throws it: explain it either way.
    try {
      await next();
    } catch (err: unknown) {
      if ((err as { status?: number } | null)?.status === 401) throw (await refusedTokenError(ctx.get?.('authorization'))) ?? err;
      throw err;
    }
    if (ctx.status === 401) {
      const refusal = await refusedTokenError(ctx.get?.('authorization'));
      if (refusal) throw refusal;
    }
    return;
  }
  if (isChange) {
    const { password, passwordConfirmation } = (ctx.request.body ?? {}) as { password?: unknown; passwordConfirmation?: unknown };
    if (typeof password === 'string' && password === passwordConfirmation && !STRONG_PASSWORD.test(password)) {
      throw new DomainError('PASSWORD_WEAK', '新密码至少 8 位，且须同时包含字母和数字', { status: 400, field: 'password' });
    }
  }
  try {
    await next();
  } catch (err: unknown) {
    const e = err as { message?: string; status?: number } | null | undefined;
    if (isLogin) {
      const hit = LOGIN_ERRORS.find(([re]) => re.test(e?.message ?? ''));
      if (hit?.[1] === 'ACCOUNT_DISABLED') {
        // Strapi says "blocked" only after the password was checked: no oracle in naming whom to ask.
        const message = await blockedMessage((ctx.request.body as { identifier?: unknown } | undefined)?.identifier, hit[2]);
        throw new DomainError(hit[1], message, { status: e!.status ?? 400 });
      }
      if (hit) throw new DomainError(hit[1], hit[2], { status: e!.status ?? 400 });
    } else {
      const hit = CHANGE_ERRORS.find(([re]) => re.test(e?.message ?? ''));
      const userId = typeof ctx.state.user?.id === 'number' ? ctx.state.user.id : null;
      if (userId !== null) await securityEventOf(userId, { event: 'password.changed', outcome: 'failure', code: hit?.[1] });
      if (hit) throw new DomainError(hit[1], hit[2], { status: e!.status ?? 400, field: hit[3] });
    }
    throw err;
  }
  const userId = Number((ctx.body as { user?: { id?: unknown } | null } | null | undefined)?.user?.id);
  if (ctx.status !== 200 || !userId) return;
  const now = new Date();
  if (isLogin) {
    // users-permissions checked the password and the block, not the organisation: its JWT is never sent.
    const refusal = await disabledOrganisationError(userId);
    if (refusal) throw refusal;
    // A login changes nothing about who may do what: recorded without announcing an auth change.
    await recordLogin(userId, now);
    bumpCounts('accounts'); // 是否登录 totals of the bureau's list change
  } else {
    await clearMustChangePassword(userId, now);
    const fresh = tokenIssuedAtMs((ctx.body as { jwt?: string } | null)?.jwt);
    await endAllSessions([userId], fresh === null ? {} : { keepFrom: fresh });
    await securityEventOf(userId, { event: 'password.changed', outcome: 'success' });
  }
};

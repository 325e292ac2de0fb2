import { DomainError } from '../domain/errors';
import { bumpCounts } from '../db/count-cache';
import { canonicaliseLoginIdentifier } from '../db/login-identifier';
import { clearMustChangePassword, recordLogin } from '../db/users';

/**
 * Wraps users-permissions' login and password-change routes: Chinese messages with stable codes for
 * refused logins, the last-login time recorded at each login, and the forced change cleared once done.
 */
const LOGIN_ERRORS: Array<[RegExp, string, string]> = [
  [/invalid identifier or password/i, 'INVALID_CREDENTIALS', '用户名或密码错误'],
  [/blocked/i, 'ACCOUNT_DISABLED', '账号已被禁用，请联系省级医保局'],
  [/not been confirmed/i, 'ACCOUNT_NOT_CONFIRMED', '账号尚未激活'],
  [/identifier is a required field|password is a required field|errors occurred/i, 'CREDENTIALS_REQUIRED', '请输入用户名和密码'],
  [/too many requests/i, 'TOO_MANY_LOGINS', '登录尝试过于频繁，请稍后再试'],
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
  path: string;
  request: { body?: unknown };
  body: unknown;
  status: number;
}

export default () => async (ctx: AuthRouteContext, next: () => Promise<void>) => {
  const isLogin = ctx.method === 'POST' && ctx.path === '/api/auth/local';
  const isChange = ctx.method === 'POST' && ctx.path === '/api/auth/change-password';
  if (!isLogin && !isChange) return next();
  if (isLogin) await canonicaliseLoginIdentifier(ctx.request);
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
      if (hit) throw new DomainError(hit[1], hit[2], { status: e!.status ?? 400 });
    } else {
      const hit = CHANGE_ERRORS.find(([re]) => re.test(e?.message ?? ''));
      if (hit) throw new DomainError(hit[1], hit[2], { status: e!.status ?? 400, field: hit[3] });
    }
    throw err;
  }
  const userId = Number((ctx.body as { user?: { id?: unknown } | null } | null | undefined)?.user?.id);
  if (ctx.status !== 200 || !userId) return;
  const now = new Date();
  if (isLogin) {
    // A login changes nothing about who may do what: recorded without announcing an auth change.
    await recordLogin(userId, now);
    bumpCounts('accounts'); // 是否登录 totals of the bureau's list change
  } else {
    await clearMustChangePassword(userId, now);
  }
};

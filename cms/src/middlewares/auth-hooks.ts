import { DomainError } from '../domain/errors';

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

export default () => async (ctx: any, next: () => Promise<void>) => {
  const isLogin = ctx.method === 'POST' && ctx.path === '/api/auth/local';
  const isChange = ctx.method === 'POST' && ctx.path === '/api/auth/change-password';
  if (!isLogin && !isChange) return next();
  try {
    await next();
  } catch (err: any) {
    const hit = LOGIN_ERRORS.find(([re]) => re.test(err?.message ?? ''));
    if (!hit) throw err;
    throw new DomainError(hit[1], hit[2], { status: err.status ?? 400 });
  }
  const userId = ctx.body?.user?.id;
  if (ctx.status === 200 && userId) {
    const now = new Date();
    const data = isLogin ? { lastLoginAt: now } : { mustChangePassword: false };
    await strapi.db.query('plugin::users-permissions.user').update({ where: { id: userId }, data });
    if (isLogin) {
      await strapi.db.query('api::distributor-account.distributor-account').updateMany({ where: { userId }, data: { lastLoginAt: now } });
    }
  }
};

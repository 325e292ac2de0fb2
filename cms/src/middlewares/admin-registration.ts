import { DomainError } from '../domain/errors';
import { firstAdminRegistrationOpen } from '../utils/demo-seeding';

/** What the guard reads of Koa's context. */
interface RegistrationContext {
  method: string;
  path: string;
}

/**
 * In production, Strapi's first-administrator registration is closed: on an empty database the first
 * visitor of `/admin` would otherwise become super admin. `npm run create-admin` makes the administrator
 * (a one-time registration link); ADMIN_FIRST_REGISTRATION=open reopens it for whoever wants Strapi's way.
 */
export default () => async (ctx: RegistrationContext, next: () => Promise<void>) => {
  if (ctx.method === 'POST' && ctx.path.replace(/\/+$/, '') === '/admin/register-admin' && !firstAdminRegistrationOpen(process.env)) {
    throw new DomainError('ADMIN_REGISTRATION_CLOSED', '生产环境不开放首个管理员注册：请在服务器上运行 npm run create-admin 创建管理员（一次性注册链接）', {
      status: 403,
    });
  }
  return next();
};

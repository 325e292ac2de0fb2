/** OpenAPI descriptions of logging in (users-permissions) and of the caller's own data. */
import { z } from 'zod';
import { describeRoutes } from '../../utils/openapi';

export default describeRoutes('登录与本机构', [
  {
    method: 'POST',
    path: '/auth/local',
    summary: '登录',
    description: '用户名（或邮箱）和密码换取 JWT；之后的请求带 `Authorization: Bearer <jwt>`。',
    body: z.object({
      identifier: z.string().meta({ description: '用户名', example: 'P11PS0001' }),
      password: z.string().meta({ description: '密码', example: '********' }),
    }),
    response: { description: '登录成功', example: { jwt: 'eyJhbGciOiJIUzI1NiIs…', user: { id: 5, username: 'P11PS0001' } } },
    errors: [
      { status: 400, code: 'INVALID_CREDENTIALS', message: '用户名或密码错误' },
      { status: 429, code: 'TOO_MANY_REQUESTS', message: '登录尝试过于频繁，请稍后再试' },
    ],
  },
  {
    method: 'POST',
    path: '/auth/change-password',
    summary: '修改密码',
    body: z.object({
      currentPassword: z.string().meta({ description: '当前密码' }),
      password: z.string().meta({ description: '新密码：至少 8 位，且须同时包含字母和数字' }),
      passwordConfirmation: z.string().meta({ description: '再次输入新密码' }),
    }),
    response: { description: '修改成功，返回新的 JWT', example: { jwt: 'eyJhbGciOiJIUzI1NiIs…' } },
    errors: [{ status: 400, code: 'PASSWORD_WEAK', message: '新密码至少 8 位，且须同时包含字母和数字' }],
  },
  { method: 'GET', path: '/users/me', summary: '当前登录用户', response: { description: '当前用户', example: { id: 5, username: 'P11PS0001' } } },
  {
    method: 'GET',
    path: '/me',
    summary: '当前用户与机构',
    response: {
      description: '当前用户、角色和机构',
      example: { username: 'P11PS0001', role: 'distributor', organisation: { id: 7, name: '国药控股北京有限公司' } },
    },
  },
  { method: 'GET', path: '/me/todos', summary: '待办事项', response: { description: '各类待办的数量', example: { data: [{ key: 'order-lines', count: 3 }] } } },
  {
    method: 'POST',
    path: '/me/logout',
    summary: '退出登录',
    description: '在服务器上结束调用者的全部会话：之前签发的 JWT 此后答复 401（须修改密码时也可调用）。',
    response: { description: '已退出', example: { data: { loggedOut: true } } },
  },
  {
    method: 'GET',
    path: '/auth/:provider/callback',
    summary: '第三方登录回调（未启用）',
    description: 'users-permissions 的第三方登录回调；本平台未启用任何第三方登录，请使用 `POST /auth/local`。',
    response: { description: '第三方登录结果' },
    errors: [{ status: 400, code: 'INVALID_REQUEST', message: '请求参数不正确' }],
  },
]);

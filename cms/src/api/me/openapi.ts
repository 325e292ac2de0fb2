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
]);

/** OpenAPI descriptions of 企业信息, 经办人 and 配送区域 (the caller's own organisation), and of 机构管理 (openapi-platform.ts). */
import { DISTRIBUTION_AREAS_MAX } from '../../domain';
import { coreReads, describeRoutes, type ErrorDoc } from '../../utils/openapi';
import { OWNERSHIP_ERRORS } from '../../scope/ownership';
import { operatorBody } from './controllers/operators';
import { areasBody, infoBody } from './controllers/organisation';
import platform from './openapi-platform';

const M = '/organisations/mine';
const O = `${M}/operators`;
const info = {
  name: '国药控股北京有限公司',
  creditCode: '91110000100000000X',
  legalPerson: '张三',
  authorisedPerson: '李四',
  phone: '010-12345678',
  address: '北京市东城区…',
  provinceCode: '11',
  distributionAreas: ['东城区', '西城区'],
};
const operator = { id: 21, username: 'jb_gkbj', name: '赵六', phone: '13800000000', enabled: true };
const MANAGER: ErrorDoc = { status: 403, code: 'OPERATOR_NOT_ALLOWED', message: '经办人不能管理账号，请使用单位管理员账号' };
const OPERATOR_NOT_FOUND: ErrorDoc = OWNERSHIP_ERRORS[0]!;
const OPERATOR_FIELDS: ErrorDoc[] = [
  { status: 400, code: 'OPERATOR_INVALID', message: '请求格式不正确' },
  { status: 400, code: 'FIELD_REQUIRED', message: '请填写姓名' },
  { status: 400, code: 'USERNAME_INVALID', message: '用户名应为 4–32 位字母、数字或下划线，以字母开头' },
  { status: 409, code: 'USERNAME_TAKEN', message: '用户名 jb_gkbj 已被占用' },
];
const credential = { username: operator.username, password: 'Xq7…（一次性初始密码，首次登录须修改）' };
const opAction = (path: string, summary: string, example: unknown) => ({
  method: 'POST' as const,
  path: `${O}/:id/${path}`,
  summary,
  response: { description: summary, example: { data: example } },
  errors: [MANAGER, OPERATOR_NOT_FOUND, { status: 409, code: 'OPERATOR_ACTION_NOT_ALLOWED', message: '不能停用单位管理员账号' }],
});

export default [
  ...describeRoutes('企业信息', [
    {
      method: 'GET',
      path: M,
      summary: '企业信息',
      description: '本机构的企业信息（名称和统一社会信用代码以发放时为准）。',
      response: { description: '企业信息', example: { data: info } },
    },
    {
      method: 'PUT',
      path: M,
      summary: '修改企业信息',
      description: '本机构修改法定代表人、被授权人、联系电话和地址；名称和统一社会信用代码不能修改。',
      body: infoBody,
      response: { description: '修改后的企业信息', example: { data: info } },
      errors: [
        { status: 400, code: 'ORG_INFO_INVALID', message: '请求格式不正确' },
        { status: 400, code: 'PHONE_INVALID', message: '联系电话格式不正确' },
        { status: 409, code: 'NOTHING_CHANGED', message: '企业信息没有变化' },
      ],
    },
    {
      method: 'GET',
      path: `${M}/history`,
      summary: '企业信息的操作记录',
      response: {
        description: '时间线',
        example: { data: [{ action: 'update', actorName: '国药控股北京有限公司（P11PS0001）', at: '2026-12-01T09:13:56.000+08:00' }] },
      },
    },
    { method: 'GET', path: O, summary: '经办人列表', response: { description: '本机构的经办人', example: { data: [operator] } }, errors: [MANAGER] },
    {
      method: 'POST',
      path: O,
      summary: '新增经办人',
      description: '单位管理员为本机构添加经办人登录：经办人办理业务，不能管理账号。答复含一次性初始密码（只返回这一次）。',
      body: operatorBody,
      response: { description: '新经办人及其初始密码', example: { data: { operator, credential } } },
      errors: [MANAGER, ...OPERATOR_FIELDS, { status: 409, code: 'OPERATORS_TOO_MANY', message: '经办人最多200个' }],
    },
    {
      method: 'PUT',
      path: `${O}/:id`,
      summary: '修改经办人',
      body: operatorBody,
      response: { description: '修改后的经办人', example: { data: operator } },
      errors: [MANAGER, OPERATOR_NOT_FOUND, ...OPERATOR_FIELDS],
    },
    opAction('enable', '启用经办人', operator),
    opAction('disable', '停用经办人', { ...operator, enabled: false }),
    opAction('reset-password', '重置经办人密码', { credential }),
    {
      method: 'GET',
      path: `${M}/area-tree`,
      summary: '配送区域：本省的市和区县',
      response: { description: '市及其区县', example: { data: [{ code: '110100', name: '市辖区', children: [{ code: '110101', name: '东城区' }] }] } },
      errors: [{ status: 409, code: 'PROVINCE_MISSING', message: '本企业未设置所在省份' }],
    },
    {
      method: 'PUT',
      path: `${M}/areas`,
      summary: '设置配送区域',
      description: `配送企业选择本省的区县（最多 ${DISTRIBUTION_AREAS_MAX} 个）；生产企业委托配送时据此参考。`,
      body: areasBody,
      response: { description: '企业信息', example: { data: info } },
      errors: [
        { status: 400, code: 'AREAS_INVALID', message: '配送区域应为行政区划代码（6位数字）列表' },
        { status: 400, code: 'AREA_UNKNOWN', message: '未知的行政区划代码：110199' },
        { status: 400, code: 'AREA_OUTSIDE_PROVINCE', message: '配送区域只能选择本省的区县：140105' },
      ],
    },
    ...coreReads('organisations', '机构', 'GET /organisations/mine', OWNERSHIP_ERRORS[0]!),
  ]),
  ...platform,
];

/** OpenAPI descriptions of 机构管理 (联采办: organisations, their first logins, 批量创建), from the schemas the controller parses. */
import { ORG_IMPORT_MAX_ROWS } from '../../domain';
import { describeRoutes, pageExample, pagingQuery, type ErrorDoc } from '../../utils/openapi';
import { OWNERSHIP_ERRORS } from '../../scope/ownership';
import { orgBody, orgListQuery } from './controllers/platform';

const P = '/platform/organisations';
const org = {
  documentId: 'o1p2q3r4s5t6u7v8w9x0y1z2',
  type: 'hospital',
  name: '北京积水潭医院',
  creditCode: '12110000400000000X',
  provinceCode: '11',
  regionCode: '110102',
  enabled: true,
  username: 'h_jst',
};
const credential = { credential: { organisation: org.name, username: org.username, password: 'Xq7…（一次性初始密码，首次登录须修改）' } };
const NOT_FOUND = OWNERSHIP_ERRORS[0]!;
const FIELD_ERRORS: ErrorDoc[] = [
  { status: 400, code: 'ORGANISATION_INVALID', message: '请求格式不正确' },
  { status: 400, code: 'FIELD_REQUIRED', message: '请填写机构名称' },
  { status: 400, code: 'FIELD_TOO_LONG', message: '机构名称不能超过100个字符' },
  { status: 400, code: 'USERNAME_INVALID', message: '用户名应为 4–32 位字母、数字或下划线，以字母开头' },
  { status: 409, code: 'ORGANISATION_TAKEN', message: '统一社会信用代码已被使用' },
  { status: 409, code: 'USERNAME_TAKEN', message: '用户名已被占用' },
  { status: 409, code: 'BUREAU_EXISTS', message: '该省已有省级医保局' },
];
const action = (path: string, summary: string, description: string, example: unknown) => ({
  method: 'POST' as const,
  path: `${P}/:documentId/${path}`,
  summary,
  description,
  response: { description: summary, example: { data: example } },
  errors: [NOT_FOUND, { status: 409, code: 'ORGANISATION_ACTION_NOT_ALLOWED', message: '不能停用联采办' }],
});

export default describeRoutes('机构管理', [
  {
    method: 'GET',
    path: P,
    summary: '机构列表（联采办）',
    description: '全部省级医保局、生产企业、配送企业和医疗机构，按类型、省份、名称、统一社会信用代码、是否启用筛选。',
    query: orgListQuery.out.extend(pagingQuery.shape),
    response: { description: '一页机构', example: pageExample(org) },
    errors: [{ status: 400, code: 'FILTER_INVALID', message: '机构类型无效' }],
  },
  { method: 'GET', path: `${P}/export`, summary: '导出（机构列表）', query: orgListQuery.out, response: { description: '机构列表.xlsx', file: true } },
  { method: 'GET', path: `${P}/template`, summary: '模板下载（机构批量创建模板）', response: { description: '机构批量创建模板.xlsx', file: true } },
  {
    method: 'POST',
    path: `${P}/import`,
    summary: '批量创建机构',
    description: '上传填好的模板：逐行检查，全部通过才创建机构及其管理员账号；返回每个账号的一次性初始密码（只返回这一次）。',
    upload: true,
    response: { description: '创建的机构与初始密码', example: { data: { created: 1, credentials: [credential.credential] } } },
    errors: [
      { status: 400, code: 'IMPORT_ROWS_INVALID', message: '导入失败：共 2 处错误，未导入任何数据，请修改后重新导入' },
      { status: 400, code: 'IMPORT_TOO_MANY_ROWS', message: `一次最多导入 ${ORG_IMPORT_MAX_ROWS} 行` },
      { status: 413, code: 'UPLOAD_TOO_LARGE', message: '上传的文件过大：最大 5 MB' },
    ],
  },
  {
    method: 'POST',
    path: P,
    summary: '新增机构',
    description: '创建机构及其单位管理员账号；答复含一次性初始密码（只返回这一次），首次登录须修改。',
    body: orgBody,
    response: { description: '新机构的管理员账号', example: { data: credential } },
    errors: FIELD_ERRORS,
  },
  { method: 'GET', path: `${P}/:documentId`, summary: '机构详情', response: { description: '机构', example: { data: org } }, errors: [NOT_FOUND] },
  {
    method: 'GET',
    path: `${P}/:documentId/history`,
    summary: '机构的操作记录',
    response: { description: '时间线', example: { data: [{ action: 'update', actorName: '联采办（lcb_admin）', at: '2026-12-01T09:13:56.000+08:00' }] } },
    errors: [NOT_FOUND],
  },
  {
    method: 'PUT',
    path: `${P}/:documentId`,
    summary: '修改机构',
    body: orgBody,
    response: { description: '修改后的机构', example: { data: org } },
    errors: [...FIELD_ERRORS, NOT_FOUND],
  },
  action('enable', '启用机构', '启用机构：其账号可以重新登录。', { ...org, enabled: true }),
  action('disable', '停用机构', '停用机构：其全部账号不能登录，已登录的会话立即失效。', { ...org, enabled: false }),
  action('reset-login', '重置管理员密码', '为机构的单位管理员账号生成新的一次性初始密码（只返回这一次），首次登录须修改。', credential),
]);

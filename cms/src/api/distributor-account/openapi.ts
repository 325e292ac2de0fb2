/** OpenAPI descriptions of 配送企业管理 (manual 000), from the schemas the controller parses. */
import { coreReads, describeRoutes, pageExample, pagingQuery, type ErrorDoc, type RouteDoc } from '../../utils/openapi';
import { OWNERSHIP_ERRORS } from '../../scope/ownership';
import { accountBody, accountListQuery, initialPasswordBody, issueBody, previewQuery } from './controllers/distributor-account';

const P = '/distributor-accounts/manage';
const account = {
  documentId: 'a1b2c3d4e5f6g7h8i9j0k1l2',
  username: 'P14SX0001',
  provincialAccount: 'SX0001',
  companyName: '国药控股山西有限公司',
  creditCode: '91140000701011234X',
  legalPerson: '张三',
  authorisedPerson: '李四',
  phone: '0351-1234567',
  provinceCode: '14',
  issued: true,
  issuedAt: '2026-12-01T09:13:56.000+08:00',
  enabled: true,
  loggedIn: false,
  lastLoginAt: null,
  distributionAreas: ['小店区', '迎泽区'],
  actions: ['edit', 'disable', 'resetPassword'],
};
const FIELD_ERRORS: ErrorDoc[] = [
  { status: 400, code: 'ACCOUNT_INVALID', message: '请求格式不正确' },
  { status: 400, code: 'FIELD_REQUIRED', message: '请填写配送企业名称' },
  { status: 400, code: 'FIELD_TOO_LONG', message: '配送企业名称不能超过100个字符' },
  { status: 400, code: 'PROVINCIAL_ACCOUNT_INVALID', message: '省平台账号只能包含字母和数字，长度1-20位' },
  { status: 409, code: 'USERNAME_TAKEN', message: '用户名已被占用' },
];
const action = (path: string, summary: string, description: string, conflict: string): RouteDoc => ({
  method: 'POST',
  path: `${P}/:documentId/${path}`,
  summary,
  description,
  response: { description: '操作后的账号', example: { data: account } },
  errors: [...OWNERSHIP_ERRORS, { status: 409, code: 'ACCOUNT_ACTION_NOT_ALLOWED', message: conflict }],
});

const routes = describeRoutes('配送企业管理', [
  {
    method: 'GET',
    path: P,
    summary: '本省配送企业用户列表',
    description: '省级医保局看本省的配送企业账号（联采办看全部）；配送企业看自己的。每行的 `actions` 为可执行的操作。',
    query: accountListQuery.out.extend(pagingQuery.shape),
    response: { description: '一页配送企业账号', example: pageExample(account) },
    errors: [
      { status: 400, code: 'FILTER_INVALID', message: '筛选值应为 true 或 false' },
      { status: 400, code: 'SORT_INVALID', message: '不支持的排序：x' },
    ],
  },
  {
    method: 'GET',
    path: `${P}/export`,
    summary: '导出（本省配送企业用户列表）',
    description: '与列表相同的筛选条件，导出全部符合条件的账号。',
    query: accountListQuery.out,
    response: { description: '本省配送企业用户列表.xlsx', file: true },
  },
  {
    method: 'GET',
    path: `${P}/template`,
    summary: '模板下载（配送企业账号导入模板）',
    response: { description: '配送企业账号导入模板.xlsx', file: true },
  },
  {
    method: 'GET',
    path: `${P}/username-preview`,
    summary: '生成的用户名（预览）',
    description: '有省平台账号的，用户名为“P”+省份代码+该账号（如 SX0001 → P14SX0001）；没有的，为“P”+省份代码+四位顺序码。',
    query: previewQuery,
    response: { description: '保存后将生成的用户名', example: { data: { username: 'P14SX0001' } } },
    errors: [{ status: 400, code: 'PROVINCIAL_ACCOUNT_INVALID', message: '省平台账号只能包含字母和数字，长度1-20位' }],
  },
  {
    method: 'GET',
    path: `${P}/initial-password`,
    summary: '初始密码（是否已设置）',
    description: '新创建的配送企业账号的初始密码与省级医保局设置的初始密码一致；只返回是否已设置，不返回密码。',
    response: { description: '初始密码状态', example: { data: { set: true } } },
  },
  {
    method: 'PUT',
    path: `${P}/initial-password`,
    summary: '设置初始密码',
    description: '省级医保局的单位管理员设置本省配送企业账号的初始密码（至少 8 位，且须同时包含字母和数字）。',
    body: initialPasswordBody,
    response: { description: '已设置', example: { data: { set: true } } },
    errors: [
      { status: 400, code: 'PASSWORD_FIELDS_REQUIRED', message: '请输入初始密码并确认' },
      { status: 400, code: 'PASSWORD_MISMATCH', message: '两次输入的密码不一致' },
      { status: 400, code: 'PASSWORD_WEAK', message: '新密码至少 8 位，且须同时包含字母和数字' },
      { status: 403, code: 'OPERATOR_NOT_ALLOWED', message: '经办人不能管理账号，请使用单位管理员账号' },
    ],
  },
  {
    method: 'POST',
    path: `${P}/import`,
    summary: '导入（配送企业账号）',
    description: '上传填好的导入模板；逐行检查，全部通过才导入，否则不导入任何数据并返回每行的错误。',
    upload: true,
    response: { description: '导入结果', example: { data: { created: 12 } } },
    errors: [
      { status: 400, code: 'IMPORT_ROWS_INVALID', message: '导入失败：共 2 处错误，未导入任何数据，请修改后重新导入' },
      { status: 400, code: 'IMPORT_TOO_MANY_ROWS', message: '一次最多导入 20000 行（当前超过上限）' },
      { status: 400, code: 'IMPORT_FILE_INVALID', message: '文件不是有效的 .xlsx 文件' },
      { status: 409, code: 'IMPORT_CONFLICT', message: '导入期间账号顺序码发生变化，请重新导入' },
      { status: 413, code: 'UPLOAD_TOO_LARGE', message: '上传的文件过大：最大 5 MB' },
    ],
  },
  {
    method: 'POST',
    path: `${P}/import-jobs`,
    summary: '导入（后台任务）',
    description: '与导入相同的检查和全部或全部不导入，在后台执行：答复 202 和任务；有错误时任务失败，错误表可从 `GET /jobs/{id}/file` 下载。',
    upload: true,
    response: {
      description: '已排队的任务',
      example: {
        data: {
          id: 'k8v2q3xj9w0abc',
          kind: 'account-import',
          state: 'queued',
          stateLabel: '排队中',
          percent: 0,
          rowsDone: 0,
          rowsTotal: null,
          actions: ['cancel'],
        },
      },
    },
    errors: [{ status: 413, code: 'UPLOAD_TOO_LARGE', message: '上传的文件过大：最大 5 MB' }],
  },
  {
    method: 'POST',
    path: `${P}/issue-jobs`,
    summary: '发放账号（后台任务）',
    description: '与发放账号相同（全部发放或全部不发放），在后台执行；须先设置初始密码。',
    body: issueBody,
    response: {
      description: '已排队的任务',
      example: {
        data: {
          id: 'k8v2q3xj9w0abc',
          kind: 'account-issue',
          state: 'queued',
          stateLabel: '排队中',
          percent: 0,
          rowsDone: 0,
          rowsTotal: 2,
          actions: ['cancel'],
        },
      },
    },
    errors: [
      { status: 400, code: 'ISSUE_SELECTION_REQUIRED', message: '请选择要发放的账号' },
      { status: 409, code: 'INITIAL_PASSWORD_REQUIRED', message: '请先设置初始密码，再批量发放账号' },
    ],
  },
  {
    method: 'POST',
    path: `${P}/export-jobs`,
    summary: '导出（后台任务）',
    description: '按列表的筛选条件在后台导出 .xlsx：答复 202 和任务。',
    query: accountListQuery.out,
    response: {
      description: '已排队的任务',
      example: {
        data: {
          id: 'k8v2q3xj9w0abc',
          kind: 'accounts-export',
          state: 'queued',
          stateLabel: '排队中',
          percent: 0,
          rowsDone: 0,
          rowsTotal: 50,
          actions: ['cancel'],
        },
      },
    },
  },
  {
    method: 'POST',
    path: `${P}/issue`,
    summary: '发放账号',
    description: '为勾选的（未发放的）账号创建登录用户，初始密码为本省的初始密码；首次登录须修改密码。全部发放或全部不发放。',
    body: issueBody,
    response: { description: '已发放的账号', example: { data: { issued: 1 } } },
    errors: [
      { status: 400, code: 'ISSUE_SELECTION_REQUIRED', message: '请选择要发放的账号' },
      { status: 400, code: 'ISSUE_TOO_MANY', message: '一次最多发放 20000 个账号' },
      { status: 409, code: 'ACCOUNT_ALREADY_ISSUED', message: '以下账号已发放，不能重复发放：P14SX0001' },
      { status: 409, code: 'USERNAME_TAKEN', message: '用户名已被占用，不能发放：P14SX0001' },
      { status: 409, code: 'CREDIT_CODE_TAKEN', message: '统一社会信用代码已被平台机构使用，不能发放：…' },
    ],
  },
  {
    method: 'POST',
    path: P,
    summary: '账号添加',
    description: '省级医保局添加本省的配送企业账号（未发放）。',
    body: accountBody,
    response: { description: '新账号', example: { data: { ...account, issued: false, issuedAt: null } } },
    errors: FIELD_ERRORS,
  },
  {
    method: 'GET',
    path: `${P}/:documentId`,
    summary: '账号详情',
    response: { description: '配送企业账号', example: { data: account } },
    errors: [OWNERSHIP_ERRORS[0]!],
  },
  {
    method: 'PUT',
    path: `${P}/:documentId`,
    summary: '修改账号 / 编辑账号',
    description: '已发放的账号不能修改省平台账号（用户名已生成）。',
    body: accountBody,
    response: { description: '修改后的账号', example: { data: account } },
    errors: [...FIELD_ERRORS, ...OWNERSHIP_ERRORS],
  },
  {
    method: 'DELETE',
    path: `${P}/:documentId`,
    summary: '删除（未发放的账号）',
    response: { description: '已删除', example: { data: { documentId: account.documentId } } },
    errors: [...OWNERSHIP_ERRORS, { status: 409, code: 'ACCOUNT_ACTION_NOT_ALLOWED', message: '账号已发放，不能删除' }],
  },
]);

export default [
  ...routes,
  ...describeRoutes('配送企业管理', [
    action('enable', '启用', '启用已禁用的账号，该配送企业可以重新登录。', '账号已启用，不能执行“启用”操作'),
    action('disable', '禁用', '禁用账号：该配送企业不能登录，已登录的会话立即失效（答复“账号已被禁用”）。', '账号已禁用，不能执行“禁用”操作'),
    action('reset-password', '重置密码', '密码重置为本省的初始密码，下次登录须修改密码。', '账号未发放，不能执行“重置密码”操作'),
    action('unlock', '解锁', '解除连续登录失败造成的锁定。', '账号未锁定，不能执行“解锁”操作'),
    ...coreReads('distributor-accounts', '配送企业账号', 'GET /distributor-accounts/manage', OWNERSHIP_ERRORS[0]!),
  ]),
];

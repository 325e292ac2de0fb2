/** OpenAPI descriptions of 联系人信息 (企业信息 › 联系人), from the schema the controller parses. */
import { CONTACTS_MAX } from '../../domain';
import { coreReads, describeRoutes, type ErrorDoc } from '../../utils/openapi';
import { OWNERSHIP_ERRORS } from '../../scope/ownership';
import { contactBody } from './controllers/contact';

const contact = {
  documentId: 'c1d2e3f4g5h6i7j8k9l0m1n2',
  name: '王五',
  phone: '010-12345678',
  email: 'wangwu@example.com',
  position: '采购科长',
  isDefault: true,
};
const P = '/contacts/mine';
const FIELD_ERRORS: ErrorDoc[] = [
  { status: 400, code: 'CONTACT_INVALID', message: '请求格式不正确' },
  { status: 400, code: 'FIELD_REQUIRED', message: '请填写姓名' },
  { status: 400, code: 'PHONE_INVALID', message: '联系电话格式不正确' },
  { status: 400, code: 'EMAIL_INVALID', message: '邮箱格式不正确' },
];

export default describeRoutes('联系人', [
  { method: 'GET', path: P, summary: '本机构联系人', description: '默认联系人在前。', response: { description: '联系人', example: { data: [contact] } } },
  {
    method: 'POST',
    path: P,
    summary: '新增联系人',
    description: `每个机构最多 ${CONTACTS_MAX} 个联系人；第一个为默认联系人。`,
    body: contactBody,
    response: { description: '新联系人', example: { data: contact } },
    errors: [...FIELD_ERRORS, { status: 409, code: 'CONTACTS_TOO_MANY', message: `联系人最多${CONTACTS_MAX}个` }],
  },
  {
    method: 'GET',
    path: '/contacts/default/:orgId',
    summary: '对方联系人',
    description: '与本机构有配送关系、委托或订单的机构的默认联系人（`orgId` 为机构 id）。',
    response: { description: '默认联系人（没有时为 null）', example: { data: contact } },
    errors: [{ status: 400, code: 'INVALID_INPUT', message: '机构标识无效' }, OWNERSHIP_ERRORS[0]!],
  },
  {
    method: 'PUT',
    path: `${P}/:documentId`,
    summary: '修改联系人',
    body: contactBody,
    response: { description: '修改后的联系人', example: { data: contact } },
    errors: [...FIELD_ERRORS, ...OWNERSHIP_ERRORS, { status: 409, code: 'CONTACT_CONFLICT', message: '联系人已被他人同时修改，请刷新后重试' }],
  },
  {
    method: 'DELETE',
    path: `${P}/:documentId`,
    summary: '删除联系人',
    description: '删除默认联系人时，下一个联系人成为默认联系人。',
    response: { description: '已删除', example: { data: { documentId: contact.documentId } } },
    errors: OWNERSHIP_ERRORS,
  },
  {
    method: 'POST',
    path: `${P}/:documentId/default`,
    summary: '设为默认联系人',
    response: { description: '新的默认联系人', example: { data: contact } },
    errors: OWNERSHIP_ERRORS,
  },
  ...coreReads('contacts', '联系人', 'GET /contacts/mine', OWNERSHIP_ERRORS[0]!),
]);

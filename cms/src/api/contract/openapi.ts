/** OpenAPI descriptions of 三方合同 and 约定采购量, from the schemas the services parse (support/input.ts). */
import { CONTRACT_STATUS } from '../../domain';
import { coreReads, describeRoutes, pageExample, pagingQuery } from '../../utils/openapi';
import { OWNERSHIP_ERRORS } from '../../scope/ownership';
import { listSchema, pickSchema, refuseSchema, signSchema, volumeListSchema } from './support/input';

const P = '/contracts/:documentId';
const NOT_FOUND = OWNERSHIP_ERRORS[0]!;
const contract = {
  documentId: 't1u2v3w4x5y6z7a8b9c0d1e2',
  code: 'HT20261201000001',
  productName: '骨科螺钉',
  hospitalName: '北京积水潭医院',
  manufacturerName: '山东威高骨科材料股份有限公司',
  distributorName: '国药控股北京有限公司',
  quantity: 500,
  amountFen: 6400000,
  status: CONTRACT_STATUS.signing,
  actions: ['sign', 'refuse'],
};
const volume = { documentId: 'v1w2x3y4z5a6b7c8d9e0f1g2', hospitalName: '北京积水潭医院', productName: '骨科螺钉', quantity: 500, distributorOrgId: null };
const SIGN_ERRORS = [
  NOT_FOUND,
  { status: 403, code: 'NOT_A_PARTY', message: '只有合同的医疗机构、生产企业和配送企业可以签订' },
  { status: 409, code: 'ALREADY_SIGNED', message: '本单位已签订该合同' },
  { status: 409, code: 'INVALID_TRANSITION', message: '当前状态为“已生效”，不能执行“签订”操作' },
];

export default describeRoutes('三方合同', [
  {
    method: 'GET',
    path: '/contracts/search',
    summary: '三方合同列表',
    description: '本机构为一方的三方合同（省级医保局看本省的）；`awaitingMe=true` 为待本单位签订的。每行的 `actions` 为可执行的操作。',
    query: listSchema.extend(pagingQuery.shape),
    response: { description: '一页合同', example: pageExample(contract) },
    errors: [{ status: 400, code: 'INVALID_QUERY', message: '合同状态筛选值无效' }],
  },
  { method: 'GET', path: '/contracts/export', summary: '导出（三方合同）', query: listSchema, response: { description: '三方合同.xlsx', file: true } },
  {
    method: 'GET',
    path: `${P}/detail`,
    summary: '合同详情',
    description: '合同条款、三方的签名（签署时间、证书）与签名验证结果。',
    response: {
      description: '合同',
      example: { data: { ...contract, signatures: [{ party: 'hospital', signedAt: '2026-12-01T09:13:56.000+08:00', valid: true }] } },
    },
    errors: [NOT_FOUND],
  },
  {
    method: 'GET',
    path: `${P}/content`,
    summary: '合同签名原文',
    description: '三方签名所签的字节（规范化的合同内容），用于自行验证 .p7s 签名。',
    response: { description: '签名原文', file: 'application/octet-stream' },
    errors: [NOT_FOUND],
  },
  {
    method: 'GET',
    path: `${P}/signatures/:file`,
    summary: '签名文件（.p7s）',
    description: '`file`：hospital.p7s、manufacturer.p7s 或 distributor.p7s：该方对合同签名原文的 CMS 分离签名（DER）。',
    response: { description: 'CMS 签名', file: 'application/pkcs7-signature' },
    errors: [
      { status: 400, code: 'PARTY_INVALID', message: '签名文件名应为 hospital.p7s、manufacturer.p7s 或 distributor.p7s' },
      NOT_FOUND,
      { status: 404, code: 'NOT_SIGNED', message: '医疗机构尚未签订该合同' },
    ],
  },
  { method: 'GET', path: `${P}/pdf`, summary: '合同下载（PDF）', response: { description: '三方合同 PDF', file: 'application/pdf' }, errors: [NOT_FOUND] },
  {
    method: 'POST',
    path: `${P}/sign`,
    summary: '签订（CA验证）',
    description: '本单位以签名证书对合同签名：须输入证书 PIN 码；连续输错 5 次证书锁定。三方都签订后合同生效。',
    body: signSchema,
    response: { description: '签订后的合同', example: { data: { ...contract, actions: [] } } },
    errors: [
      ...SIGN_ERRORS,
      { status: 400, code: 'PIN_WRONG', message: 'PIN 码错误，还可尝试 4 次' },
      { status: 409, code: 'CERT_MISSING', message: '本单位尚未申领签名证书，请先在“证书管理”中申领' },
      { status: 409, code: 'CERT_LOCKED', message: 'PIN 码已连续输错 5 次，证书已锁定，请联系医保局或联采办重新签发' },
    ],
  },
  {
    method: 'POST',
    path: `${P}/refuse`,
    summary: '拒签',
    description: '须填写拒签原因；合同作废，约定采购量可重新选择配送企业。',
    body: refuseSchema,
    response: { description: '作废的合同', example: { data: { ...contract, status: CONTRACT_STATUS.void, actions: [] } } },
    errors: [{ status: 400, code: 'REASON_REQUIRED', message: '请填写拒签原因' }, ...SIGN_ERRORS],
  },
  {
    method: 'GET',
    path: '/contract-volumes',
    summary: '约定采购量列表',
    description: '省级医保局看本省导入的约定采购量，医疗机构看自己的（`open=true`：尚未选择配送企业的）。',
    query: volumeListSchema.extend(pagingQuery.shape),
    response: { description: '一页约定采购量', example: pageExample(volume) },
  },
  {
    method: 'GET',
    path: '/contract-volumes/template',
    summary: '模板下载（约定采购量导入模板）',
    response: { description: '约定采购量导入模板.xlsx', file: true },
  },
  {
    method: 'POST',
    path: '/contract-volumes/import',
    summary: '导入约定采购量',
    description: '省级医保局上传填好的模板；逐行检查，全部通过才导入。',
    upload: true,
    response: { description: '导入结果', example: { data: { created: 20 } } },
    errors: [
      { status: 400, code: 'IMPORT_ROWS_INVALID', message: '导入失败：共 2 处错误，未导入任何数据，请修改后重新导入' },
      { status: 400, code: 'IMPORT_TOO_MANY_ROWS', message: '一次最多导入 2000 行' },
      { status: 409, code: 'IMPORT_CONFLICT', message: '导入期间数据发生变化（重复的约定采购量），请重新导入' },
      { status: 413, code: 'UPLOAD_TOO_LARGE', message: '上传的文件过大：最大 5 MB' },
    ],
  },
  {
    method: 'GET',
    path: '/contract-volumes/:documentId/distributors',
    summary: '选择配送企业：可选配送企业',
    description: '医疗机构为约定采购量选择配送企业：已建立配送关系、且获该产品在本省配送委托的配送企业。',
    response: { description: '配送企业', example: { data: [{ id: 7, name: '国药控股北京有限公司' }] } },
    errors: [NOT_FOUND],
  },
  {
    method: 'POST',
    path: '/contract-volumes/:documentId/pick',
    summary: '选择配送企业（生成三方合同）',
    description: '为约定采购量选定配送企业，生成待签订的三方合同（医疗机构、生产企业、配送企业）。',
    body: pickSchema,
    response: { description: '待签订的合同', example: { data: contract } },
    errors: [
      { status: 400, code: 'DISTRIBUTOR_INVALID', message: '请选择配送企业' },
      NOT_FOUND,
      { status: 409, code: 'NO_RELATIONSHIP', message: '只能选择已建立配送关系的配送企业' },
      { status: 409, code: 'NOT_DELEGATED', message: '该配送企业未获得此产品在本省的配送委托' },
      { status: 409, code: 'CONTRACT_EXISTS', message: '该约定采购量已有待签订或已生效的合同' },
      { status: 409, code: 'PRODUCT_NOT_VBP', message: '只有带量采购产品可以签订三方合同' },
      { status: 409, code: 'PRICE_MISSING', message: '该产品没有挂网价，不能签订合同' },
    ],
  },
  ...coreReads('contracts', '三方合同', 'GET /contracts/search', OWNERSHIP_ERRORS[0]!),
]);

/** OpenAPI descriptions of 证书管理 (the platform CA, 证书申领, PIN, 重新签发, 签名验证), from the schemas the services parse. */
import { describeRoutes, pageExample, pagingQuery } from '../../utils/openapi';
import { OWNERSHIP_ERRORS } from '../../scope/ownership';
import { verifySchema } from './controllers/pki';
import { listSchema } from './services/certificate-admin';
import { applySchema, changeSchema } from './services/certificates';

const certificate = {
  serial: '4f1a9c0e2b7d',
  subject: 'CN=北京积水潭医院,O=北京积水潭医院,C=CN',
  suite: 'ECDSA-P256-SHA256',
  validFrom: '2026-12-01T09:13:56.000+08:00',
  validTo: '2028-12-01T09:13:56.000+08:00',
  locked: false,
  remainingAttempts: 5,
};
const PIN_ERRORS = [
  { status: 400, code: 'PIN_INVALID', message: 'PIN 码须为 6 至 12 位数字' },
  { status: 400, code: 'PIN_MISMATCH', message: '两次输入的 PIN 码不一致' },
];

export default [
  ...describeRoutes('证书管理', [
    {
      method: 'GET',
      path: '/pki/ca.pem',
      summary: '平台根证书（CA）下载',
      description: '验证三方合同签名所用的平台 CA 证书（PEM）。',
      response: { description: 'ca.pem', file: 'application/x-pem-file' },
    },
    {
      method: 'GET',
      path: '/pki/certificate',
      summary: '本单位签名证书',
      response: { description: '证书（尚未申领时为 null；从不返回私钥）', example: { data: certificate } },
    },
    {
      method: 'POST',
      path: '/pki/certificate/apply',
      summary: '证书申领',
      description: '为本单位申领签名证书，并设置证书 PIN 码（签订合同时输入）。',
      body: applySchema,
      response: { description: '新证书', example: { data: certificate } },
      errors: [...PIN_ERRORS, { status: 409, code: 'CERT_EXISTS', message: '本单位已有签名证书' }],
    },
    {
      method: 'POST',
      path: '/pki/certificate/change-pin',
      summary: '修改 PIN 码',
      body: changeSchema,
      response: { description: '证书', example: { data: certificate } },
      errors: [
        ...PIN_ERRORS,
        { status: 400, code: 'PIN_WRONG', message: 'PIN 码错误，还可尝试 4 次' },
        { status: 409, code: 'CERT_MISSING', message: '本单位尚未申领签名证书，请先在“证书管理”中申领' },
        { status: 409, code: 'CERT_LOCKED', message: 'PIN 码已连续输错 5 次，证书已锁定，请联系医保局或联采办重新签发' },
      ],
    },
    {
      method: 'GET',
      path: '/pki/certificates',
      summary: '各单位证书（医保局、联采办）',
      description: '省级医保局看本省的医疗机构、生产企业和配送企业，联采办看全部；`locked=true` 只看已锁定的证书。',
      query: listSchema.extend(pagingQuery.shape),
      response: {
        description: '一页机构及其证书',
        example: pageExample({ orgDocumentId: 'o1p2…', orgName: '北京积水潭医院', certificate, actions: ['reissue'] }),
      },
      errors: [{ status: 400, code: 'INVALID_QUERY', message: '筛选值应为 true 或 false' }],
    },
    {
      method: 'POST',
      path: '/pki/certificates/:orgDocumentId/reissue',
      summary: '重新签发证书',
      description: '证书锁定或遗失 PIN 码时，为该单位吊销旧证书；该单位重新申领并设置新的 PIN 码。',
      response: { description: '已重新签发', example: { data: { orgDocumentId: 'o1p2…', reissued: true } } },
      errors: [OWNERSHIP_ERRORS[0]!, { status: 409, code: 'CERT_MISSING', message: '北京积水潭医院尚未申领签名证书，无需重新签发' }],
    },
    {
      method: 'POST',
      path: '/pki/verify',
      summary: '签名验证',
      description: '对签名原文和 CMS 分离签名（均为 Base64）按平台 CA 验证：签名是否有效、签名者、签名时间。',
      body: verifySchema,
      response: { description: '验证结果', example: { data: { valid: true, signer: 'CN=北京积水潭医院', signedAt: '2026-12-01T09:13:56.000+08:00' } } },
      errors: [{ status: 400, code: 'VERIFY_INPUT_INVALID', message: '须为 Base64 文本' }],
    },
  ]),
];

/** OpenAPI descriptions of returns 退货 / 退货处理, from the schemas the controller parses. */
import { z } from 'zod';
import { coreReads, describeRoutes, pagingQuery } from '../../utils/openapi';
import { OWNERSHIP_ERRORS } from '../../scope/ownership';
import { returnListQuery } from './controllers/returns';

const reason = (description: string, example: string) => z.string().meta({ description, example });

export default describeRoutes('退货', [
  {
    method: 'POST',
    path: '/order-lines/:id/returns',
    summary: '退货申请',
    description: '医疗机构对已收货的数量申请退货，须填写退货原因；申请中的与已退货的数量合计不超过已收货数量。',
    body: z.object({ quantity: z.number().int().positive().meta({ description: '退货数量', example: 2 }), reason: reason('退货原因', '包装破损') }),
    errors: [
      { status: 400, code: 'REASON_REQUIRED', message: '请填写退货原因' },
      { status: 409, code: 'RETURN_EXCEEDS', message: '退货数量超出可退数量' },
    ],
  },
  {
    method: 'GET',
    path: '/order-returns',
    summary: '退货处理（退货申请列表）',
    query: returnListQuery.extend(pagingQuery.shape),
    response: {
      description: '一页退货申请',
      example: {
        data: [{ documentId: 'r1…', quantity: 2, reason: '包装破损', actions: ['agree', 'refuse'] }],
        meta: { pagination: { page: 1, pageSize: 20, pageCount: 1, total: 1 } },
      },
    },
  },
  {
    method: 'GET',
    path: '/order-returns/export',
    summary: '导出（退货申请）',
    query: returnListQuery,
    response: { description: '退货申请.xlsx', file: true },
  },
  { method: 'POST', path: '/order-returns/:id/agree', summary: '同意退货', description: '配送企业同意退货，记录退货数量。' },
  {
    method: 'POST',
    path: '/order-returns/:id/refuse',
    summary: '拒绝退货',
    body: z.object({ reason: reason('拒绝理由（必填）', '产品已使用，不符合退货条件') }),
    errors: [{ status: 400, code: 'REASON_REQUIRED', message: '请填写拒绝理由' }],
  },
  ...coreReads('return-requests', '退货申请', 'GET /order-returns', OWNERSHIP_ERRORS[0]!),
]);

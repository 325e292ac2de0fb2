/** OpenAPI descriptions of the order-line routes (订单明细), from the schemas the controller parses. */
import { z } from 'zod';
import { LINE_STATUS } from '../../domain';
import { coreReads, describeRoutes, pagingQuery } from '../../utils/openapi';
import { OWNERSHIP_ERRORS } from '../../scope/ownership';
import { dayQuery, lineQuery, overdueQuery, statusQuery, tabQuery } from './controllers/lines';

const listQuery = statusQuery.extend(tabQuery.shape).extend(overdueQuery.shape).extend(dayQuery.shape).extend(lineQuery.shape);
const ids = z
  .array(z.string())
  .min(1)
  .meta({ description: '订单明细的 documentId 列表', example: ['k3v9x0c1a2b3c4d5e6f7g8h9'] });
const line = {
  documentId: 'k3v9x0c1a2b3c4d5e6f7g8h9',
  orderCode: 'DD20261201000001',
  lineNo: 1,
  productName: '骨科螺钉',
  quantity: 20,
  deliveredQty: 0,
  status: LINE_STATUS.confirmed,
  overdue: null,
  actions: ['deliver', 'terminate'],
};

export default describeRoutes('订单明细', [
  {
    method: 'GET',
    path: '/order-lines/search',
    summary: '订单明细列表（待配送、已配送）',
    description:
      '本机构范围内的订单明细。配送企业的“待配送”：`tab=todo`（待确认、企业已确认、配送中）；只看可配送的：`status=confirmed,delivering`。每行的 `actions` 为调用者可执行的操作；`overdue` 为 `unconfirmed`（逾期未确认）、`undelivered`（逾期未配送）或 null，按本省配送时限和工作日历在读取时计算；`overdue=any|unconfirmed|undelivered` 只列逾期的。',
    query: listQuery.extend(pagingQuery.shape),
    response: { description: '一页订单明细', example: { data: [line], meta: { pagination: { page: 1, pageSize: 20, pageCount: 1, total: 1 } } } },
    errors: [
      { status: 400, code: 'TAB_INVALID', message: '不支持的页签' },
      { status: 400, code: 'STATUS_INVALID', message: '状态筛选条件不正确' },
      { status: 400, code: 'OVERDUE_INVALID', message: '逾期筛选条件不正确（any、unconfirmed 或 undelivered）' },
      { status: 400, code: 'INVALID_PAGINATION', message: '分页参数无效：页码和每页条数须为正整数' },
    ],
  },
  {
    method: 'GET',
    path: '/order-lines/export',
    summary: '订单明细导出',
    description: '按与列表相同的筛选条件导出 .xlsx。',
    query: listQuery,
    response: { description: '订单明细（.xlsx）', file: true },
  },
  {
    method: 'POST',
    path: '/order-lines/export-jobs',
    summary: '订单明细导出（后台任务）',
    description: '与导出相同的筛选条件，在后台生成 .xlsx：答复 202 和任务，用 `GET /jobs/{id}` 查看进度，完成后 `GET /jobs/{id}/file` 下载。',
    query: listQuery,
    response: {
      description: '已排队的任务',
      example: {
        data: {
          id: 'k8v2q3xj9w0abc',
          kind: 'order-lines-export',
          state: 'queued',
          stateLabel: '排队中',
          percent: 0,
          rowsDone: 0,
          rowsTotal: 120000,
          actions: ['cancel'],
        },
      },
    },
  },
  {
    method: 'GET',
    path: '/order-lines/:id/detail',
    summary: '订单明细详情',
    description: '订单明细及其配送记录和退货申请。',
    response: { description: '订单明细', example: { data: { ...line, deliveries: [], returns: [] } } },
  },
  {
    method: 'POST',
    path: '/order-lines/confirm',
    summary: '确认',
    description: '配送企业确认“待确认”的订单明细（可多条）。',
    body: z.object({ ids }),
    errors: [{ status: 400, code: 'SELECTION_REQUIRED', message: '请选择订单明细' }],
  },
  {
    method: 'POST',
    path: '/order-lines/reject',
    summary: '拒绝',
    description: '配送企业拒绝“待确认”的订单明细，须填写拒绝理由。',
    body: z.object({ ids, reason: z.string().meta({ description: '拒绝理由', example: '该产品暂时缺货' }) }),
    errors: [{ status: 400, code: 'REASON_REQUIRED', message: '请填写拒绝理由' }],
  },
  {
    method: 'POST',
    path: '/order-lines/:id/terminate',
    summary: '终止配送',
    description: '订单明细终止配送；已配送的数量保留。',
    body: z.object({ reason: z.string().optional().meta({ description: '理由（选填）' }) }),
  },
  {
    method: 'POST',
    path: '/order-lines/:id/cancel',
    summary: '取消',
    description: '医疗机构取消逾期未确认的订单明细（配送企业未在确认时限内确认或拒绝），须填写取消理由。',
    body: z.object({ reason: z.string().meta({ description: '取消理由', example: '配送企业逾期未确认' }) }),
    errors: [
      { status: 400, code: 'REASON_REQUIRED', message: '请填写取消理由' },
      { status: 409, code: 'LINE_NOT_OVERDUE', message: '该订单明细尚未逾期未确认，不能取消' },
    ],
  },
  ...coreReads('order-lines', '订单明细', 'GET /order-lines/search', OWNERSHIP_ERRORS[0]!),
]);

/** OpenAPI descriptions of order placement (医院下单), from the schemas the controller parses. */
import { LINE_STATUS } from '../../domain';
import { coreReads, describeRoutes } from '../../utils/openapi';
import { OWNERSHIP_ERRORS } from '../../scope/ownership';
import { optionsQuery, orderSchema } from './controllers/placement';

export default describeRoutes('订单', [
  {
    method: 'GET',
    path: '/order-options',
    summary: '新建订单：可采购产品',
    description: '医疗机构可采购的挂网产品，及每个产品可选的配送企业（已建立配送关系且获该产品在本省的配送委托）。',
    query: optionsQuery,
    response: {
      description: '产品及可选配送企业',
      example: { data: [{ id: 101, code: 'GK0001', name: '骨科螺钉', priceFen: 12800, distributors: [{ id: 7, name: '国药控股北京有限公司' }] }] },
    },
  },
  {
    method: 'POST',
    path: '/orders/place',
    summary: '新建订单',
    description: '医疗机构提交订单：每条订单明细为产品、配送企业和采购数量；单价取挂网价格。',
    body: orderSchema,
    response: {
      description: '订单及其明细',
      example: { data: { documentId: 'o1…', code: 'DD20261201000001', lines: [{ documentId: 'k3v9…', lineNo: 1, status: LINE_STATUS.pending }] } },
    },
    errors: [
      { status: 400, code: 'VALIDATION', message: '请至少添加一条订单明细' },
      { status: 409, code: 'DISTRIBUTOR_NOT_AVAILABLE', message: '该配送企业不能配送此产品' },
    ],
  },
  ...coreReads('orders', '订单', 'GET /order-lines/search', OWNERSHIP_ERRORS[0]!),
]);

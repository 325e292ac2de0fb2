/** OpenAPI descriptions of the delivery routes (配送, 批量配送, 配送记录, 发票, 收货), from the schemas the controllers parse. */
import { z } from 'zod';
import { DELIVERY_STATUS, INVOICE_STATUS, LINE_STATUS } from '../../domain';
import { coreReads, describeRoutes, pagingQuery, type ErrorDoc } from '../../utils/openapi';
import { notFound, OWNERSHIP_ERRORS } from '../../scope/ownership';
import { deliveryListQuery } from './controllers/deliveries';
import { batchDeliveryBody, batchHospitalsQuery, batchTemplateQuery, deliveryBody } from './schemas';

const LINE_REFUSALS: ErrorDoc[] = [
  { status: 400, code: 'QUANTITY_INVALID', message: '配送数量必须为大于等于1的整数' },
  { status: 400, code: 'BATCH_NO_REQUIRED', message: '请填写生产批号' },
  { status: 400, code: 'DATE_INVALID', message: '生产日期格式不正确（应为YYYY-MM-DD）' },
  { status: 400, code: 'BATCH_EXPIRED', message: '该批次已过有效期，不能配送' },
  { status: 400, code: 'INVOICE_INVALID', message: '8位发票号码须填写发票代码' },
  { status: 404, code: 'NOT_FOUND', message: notFound().message },
  { status: 409, code: 'LINE_NOT_DELIVERABLE', message: '订单明细当前状态为“待确认”，不能配送' },
  { status: 409, code: 'MODE_LOCKED', message: '该订单明细已选择“分批次配送”，配送方式已锁定，不能修改' },
  { status: 409, code: 'QUANTITY_EXCEEDS', message: '配送数量超出采购数量：采购10，已配送8，最多还可配送2' },
];

const delivered = {
  line: { documentId: 'k3v9x0c1a2b3c4d5e6f7g8h9', orderCode: 'DD20261201000001', lineNo: 1, status: LINE_STATUS.delivered, deliveredQty: 20 },
  delivery: { documentId: 'p0q9r8s7t6u5v4w3x2y1z0a1', seq: 1, quantity: 20, invoiceStatus: INVOICE_STATUS.pending },
};

export default describeRoutes('配送', [
  {
    method: 'POST',
    path: '/order-lines/:id/deliveries',
    summary: '配送 / 继续配送',
    description:
      '对“企业已确认”或“配送中”的订单明细填报生产批号、发票号、生产日期、有效期和配送数量。标准配送：一次配送完成；分批次配送：可多次配送，总量不超过采购数量，选定后锁定。',
    body: deliveryBody,
    response: { description: '配送成功：订单明细的新状态和配送记录', example: { data: delivered } },
    errors: [{ status: 400, code: 'DELIVERY_MODE_INVALID', message: '请选择配送方式（标准配送或分批次配送）' }, ...LINE_REFUSALS],
  },
  {
    method: 'POST',
    path: '/order-deliveries/batch',
    summary: '批量配送',
    description:
      '一次配送同一医疗机构的多条订单明细（最多 500 条），每条明细按单条配送的规则检查；全部成功或全部不配送。' +
      '被拒绝时 `error.details.info.lines` 列出每条不通过的明细：`index`（请求中的序号，从 0 开始）、`line`、`field`、`code`、`message`。',
    body: batchDeliveryBody,
    response: { description: '全部配送成功', example: { data: { hospitalOrgId: 12, count: 1, quantity: 20, lines: [{ index: 0, ...delivered }] } } },
    errors: [
      { status: 400, code: 'INVALID_INPUT', message: '一次最多批量配送 500 条订单明细' },
      { status: 400, code: 'BATCH_DELIVERY_REFUSED', message: '第2行“生产批号”：请填写生产批号，本次批量配送未执行' },
      { status: 404, code: 'BATCH_DELIVERY_REFUSED', message: '第1行“订单明细”：记录不存在或无权访问，本次批量配送未执行' },
      { status: 409, code: 'BATCH_DELIVERY_REFUSED', message: '第3行“配送数量”：配送数量超出采购数量：采购10，已配送8，最多还可配送2，本次批量配送未执行' },
    ],
  },
  {
    method: 'GET',
    path: '/order-deliveries/batch/hospitals',
    summary: '批量配送：可选医疗机构',
    description: '有“企业已确认”或“配送中”订单明细的医疗机构，及各自的明细条数；按名称在服务器上搜索，分页，不设上限。',
    query: batchHospitalsQuery.extend(pagingQuery.shape),
    response: {
      description: '一页医疗机构',
      example: {
        data: [{ hospitalOrgId: 12, hospitalName: '北京积水潭医院', lines: 8 }],
        meta: { pagination: { page: 1, pageSize: 50, pageCount: 1, total: 1 } },
      },
    },
    errors: [{ status: 400, code: 'INVALID_INPUT', message: '搜索关键字不能超过100个字' }],
  },
  {
    method: 'GET',
    path: '/order-deliveries/batch/template',
    summary: '批量配送：配送单模板下载',
    description:
      '列：订单明细（订单编号-序号）、产品名称、可配送数量、配送数量、生产批号、生产日期、有效期、发票代码、发票号；指定医疗机构时预填其待配送的订单明细。',
    query: batchTemplateQuery,
    response: { description: '配送单模板（.xlsx）', file: true },
  },
  {
    method: 'POST',
    path: '/order-deliveries/batch/preview',
    summary: '批量配送：上传配送单（预览）',
    description: '读取填好的配送单，逐行检查并返回可编辑的行及每行的问题；不做任何配送。提交请用“批量配送”。',
    upload: true,
    response: {
      description: '配送单各行',
      example: {
        data: {
          hospitalOrgId: 12,
          errorCount: 0,
          rows: [{ row: 3, lineRef: 'DD20261201000001-1', line: 'k3v9x0c1a2b3c4d5e6f7g8h9', quantity: 20, errors: [] }],
        },
      },
    },
    errors: [
      { status: 400, code: 'IMPORT_HEADER_INVALID', message: '表头不正确：须包含“订单明细”和“配送数量”列，请使用下载的模板' },
      { status: 400, code: 'IMPORT_FILE_INVALID', message: '文件不是有效的 .xlsx 文件（请使用下载的模板，另存为 Excel 工作簿 .xlsx）' },
      { status: 413, code: 'UPLOAD_TOO_LARGE', message: '上传的文件过大：最大 5 MB' },
    ],
  },
  {
    method: 'GET',
    path: '/order-deliveries',
    summary: '配送记录（已配送、撤回修改）',
    description: '本机构范围内的配送记录；`rework=true` 为“撤回修改”：发票未填写或查验不通过、未撤回的配送。',
    query: deliveryListQuery.extend(pagingQuery.shape),
    response: {
      description: '一页配送记录',
      example: {
        data: [{ documentId: 'p0q9…', seq: 1, quantity: 20, status: DELIVERY_STATUS.shipped, invoiceStatus: INVOICE_STATUS.pending }],
        meta: { pagination: { page: 1, pageSize: 20, pageCount: 1, total: 1 } },
      },
    },
    errors: [{ status: 400, code: 'INVALID_INPUT', message: '配送状态筛选条件不正确' }],
  },
  {
    method: 'GET',
    path: '/order-deliveries/export',
    summary: '导出（配送记录）',
    description: '与配送记录列表相同的筛选条件，导出全部符合条件的配送。',
    query: deliveryListQuery,
    response: { description: '配送记录.xlsx', file: true },
  },
  {
    method: 'POST',
    path: '/order-deliveries/:id/withdraw',
    summary: '撤回',
    description: '撤回发票未填写或查验不通过、尚未收货的配送；其数量可重新配送。',
    errors: [{ status: 409, code: 'DELIVERY_NOT_WITHDRAWABLE', message: '只有发票未填写或查验不通过的配送才能撤回' }],
  },
  {
    method: 'POST',
    path: '/order-deliveries/:id/invoice',
    summary: '补填发票 / 修改发票',
    body: z.object({ invoiceCode: deliveryBody.shape.invoiceCode, invoiceNo: deliveryBody.shape.invoiceNo }),
    errors: [{ status: 400, code: 'INVOICE_INVALID', message: '发票号码应为20位（全电发票）或8位数字' }],
  },
  {
    method: 'POST',
    path: '/order-deliveries/:id/receive',
    summary: '收货',
    description: '医疗机构确认收到该批配送。',
    errors: [{ status: 409, code: 'INVALID_TRANSITION', message: '当前状态不能收货' }],
  },
  {
    method: 'POST',
    path: '/order-deliveries/:id/check',
    summary: '发票查验',
    body: z.object({
      result: z.enum(['pass', 'fail']).meta({ description: 'pass 通过 | fail 不通过', example: 'pass' }),
      reason: z.string().optional().meta({ description: '不通过的理由（不通过时必填）', example: '发票号码与实物不符' }),
    }),
    errors: [{ status: 400, code: 'REASON_REQUIRED', message: '请填写理由' }],
  },
  ...coreReads('deliveries', '配送记录', 'GET /order-deliveries', OWNERSHIP_ERRORS[0]!),
]);

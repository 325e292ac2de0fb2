/**
 * Request schemas of the delivery endpoints: the controllers parse with them and the OpenAPI document
 * (src/openapi) describes the endpoints from them. Types only here; the values' rules (quantities,
 * dates, invoices) stay in the domain so a single delivery and 批量配送 answer alike.
 */
import { z } from 'zod';
import { BATCH_DELIVERY_MAX_LINES, DELIVERY_MODES } from '../../domain';
import { idParam, searchTerm } from '../../utils/query';

const text = (max: number, label: string, description: string, example: string) =>
  z
    .union([z.string().max(max, { message: `${label}过长` }), z.number()], { message: `${label}格式不正确` })
    .nullish()
    .meta({ description: `${label}${description}`, example });

const day = (label: string, description: string, example: string) =>
  z
    .string({ message: `${label}格式不正确（应为YYYY-MM-DD）` })
    .max(20, { message: `${label}格式不正确（应为YYYY-MM-DD）` })
    .nullish()
    .meta({ description: `${label}（${description}）`, example });

/** The values of one delivery (配送), as the single delivery takes them. */
export const deliveryValues = {
  quantity: z.number({ message: '配送数量必须为大于等于1的整数' }).meta({ description: '配送数量（整数，≥1，不超过可配送数量）', example: 20 }),
  batchNo: text(100, '生产批号', '（最多50个字符）', 'B20261101'),
  productionDate: day('生产日期', 'YYYY-MM-DD，不晚于今天', '2026-11-01'),
  expiryDate: day('有效期', 'YYYY-MM-DD，晚于生产日期且未过期', '2028-10-31'),
  invoiceCode: text(40, '发票代码', '（8位发票号码时必填，10或12位；全电发票不填）', '011002300111'),
  invoiceNo: text(40, '发票号', '（20位全电发票号码或8位发票号码；可稍后补填）', '12345678'),
};

/** POST /order-lines/:id/deliveries: 配送 / 继续配送. */
export const deliveryBody = z.object({
  mode: z.enum(DELIVERY_MODES).meta({ description: '配送方式：standard 标准配送（一次配送完成）| batch 分批次配送（选定后锁定）', example: 'standard' }),
  ...deliveryValues,
});

/** One line of 批量配送. */
export const batchDeliveryLine = z.object({
  line: z
    .string({ message: '请选择订单明细' })
    .min(1, { message: '请选择订单明细' })
    .max(64, { message: '订单明细参数无效' })
    .meta({ description: '订单明细的 documentId', example: 'k3v9x0c1a2b3c4d5e6f7g8h9' }),
  mode: z
    .enum(DELIVERY_MODES, { message: '请选择配送方式（标准配送或分批次配送）' })
    .optional()
    .meta({ description: '配送方式；不填时取该明细已锁定的方式，未锁定为标准配送', example: 'standard' }),
  ...deliveryValues,
});

/** POST /order-deliveries/batch: 批量配送. */
export const batchDeliveryBody = z.object({
  hospitalOrgId: z
    .number({ message: '医疗机构参数无效' })
    .int({ message: '医疗机构参数无效' })
    .positive({ message: '医疗机构参数无效' })
    .optional()
    .meta({ description: '医疗机构（机构 id）：每条明细都须属于该医疗机构；不填时取第一条明细的医疗机构', example: 12 }),
  lines: z
    .array(batchDeliveryLine, { message: '请选择要配送的订单明细' })
    .min(1, { message: '请选择要配送的订单明细' })
    .max(BATCH_DELIVERY_MAX_LINES, { message: `一次最多批量配送 ${BATCH_DELIVERY_MAX_LINES} 条订单明细` }),
});

/** GET /order-deliveries/batch/template: the delivery sheet, filled with a hospital's deliverable lines when given. */
export const batchTemplateQuery = z.object({
  hospital: z.preprocess(
    (v) => (v === '' || v === undefined ? undefined : Array.isArray(v) ? v[0] : v),
    z.coerce
      .number({ message: '医疗机构参数无效' })
      .int({ message: '医疗机构参数无效' })
      .positive({ message: '医疗机构参数无效' })
      .max(2_147_483_647, { message: '医疗机构参数无效' })
      .optional()
      .meta({ description: '医疗机构（机构 id）：模板预填该医疗机构待配送的订单明细', example: 12 }),
  ),
});

/** GET /order-deliveries/batch/hospitals: the hospital picker, searched on the server (paged by `pagination[page|pageSize]`). */
export const batchHospitalsQuery = z.object({
  q: searchTerm.meta({ description: '医疗机构名称（包含，不区分大小写）', example: '积水潭' }),
  hospitalOrgId: idParam('医疗机构参数无效').meta({ description: '只看这一家医疗机构（机构 id）', example: 12 }),
});

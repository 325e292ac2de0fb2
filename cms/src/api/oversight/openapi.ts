/** OpenAPI descriptions of 配送监管 (oversight): KPIs, league table, alarms and anomaly views. */
import { describeRoutes, pagingQuery } from '../../utils/openapi';
import { largeOrderQuery, listingQuery, monthQuery, overdueKindQuery } from './controllers/oversight';

const figures = {
  lines: 12,
  orderedQty: 120,
  deliveredQty: 96,
  orderedFen: 1_200_000,
  deliveredFen: 960_000,
  responseDue: 12,
  respondedInTime: 11,
  deliveryDue: 10,
  deliveredInTime: 8,
  responseRate: 0.9167,
  onTimeRate: 0.8,
  qtyRate: 0.8,
  amountRate: 0.8,
};
const monthErrors = [
  { status: 400, code: 'MONTH_INVALID', message: '月份格式不正确（应为YYYY-MM）' },
  { status: 400, code: 'MONTH_RANGE_INVALID', message: '月份范围须从早到晚且不超过24个月' },
];
const kpiQuery = monthQuery.extend(listingQuery.shape);
const page = (row: unknown) => ({ data: [row], meta: { pagination: { page: 1, pageSize: 20, pageCount: 1, total: 1 } } });
const scopeText = '配送企业看本企业，医保局看本省配送企业，平台管理员看全部。';

export default describeRoutes('配送监管', [
  {
    method: 'GET',
    path: '/oversight/kpis',
    summary: '履约指标（按月）',
    description: `每个配送企业每月（按下单月份）的响应率（确认时限内确认或拒绝 ÷ 应响应）、按时配送率、配送率（按数量和金额）。${scopeText}默认最近 3 个月。`,
    query: kpiQuery.extend(pagingQuery.shape),
    response: { description: '一页履约指标', example: page({ distributorOrgId: 7, distributorName: '国药控股北京有限公司', month: '2026-11', ...figures }) },
    errors: monthErrors,
  },
  {
    method: 'GET',
    path: '/oversight/kpis/export',
    summary: '履约指标导出',
    query: kpiQuery,
    response: { description: '履约指标（.xlsx）', file: true },
    errors: monthErrors,
  },
  {
    method: 'GET',
    path: '/oversight/league',
    summary: '配送率排行',
    description: '本省配送企业在所选月份内的配送率与按时配送率，最差的在前（医保局；平台管理员为全部）。默认最近 3 个月。',
    query: kpiQuery.extend(pagingQuery.shape),
    response: {
      description: '一页排行',
      example: page({ rank: 1, distributorOrgId: 7, distributorName: '国药控股北京有限公司', from: '2026-09', to: '2026-11', ...figures }),
    },
    errors: monthErrors,
  },
  {
    method: 'GET',
    path: '/oversight/league/export',
    summary: '配送率排行导出',
    query: kpiQuery,
    response: { description: '配送率排行（.xlsx）', file: true },
    errors: monthErrors,
  },
  {
    method: 'GET',
    path: '/oversight/alarms',
    summary: '配送率预警',
    description: '配送率（按金额）连续 3 个月低于 90% 的配送企业，附这几个月的采购、配送金额和配送率。默认检查当月之前的 6 个月。',
    query: kpiQuery.extend(pagingQuery.shape),
    response: {
      description: '一页预警',
      example: page({
        distributorOrgId: 7,
        distributorName: '国药控股北京有限公司',
        lowestRate: 0.6,
        months: [{ month: '2026-08', orderedFen: 100_000, deliveredFen: 60_000, amountRate: 0.6 }],
      }),
    },
    errors: monthErrors,
  },
  {
    method: 'GET',
    path: '/oversight/large-orders',
    summary: '大额低到货',
    description:
      '下单已满 `days` 天（默认 7）、金额超过 `minAmount` 元（默认 100000）且配送率低于 `maxRate`%（默认 50）的订单（按配送企业），配送率最低的在前；只看最近半年的订单。',
    query: largeOrderQuery.extend(pagingQuery.shape),
    response: {
      description: '一页订单',
      example: page({
        orderId: 3,
        orderCode: 'DD20261101000003',
        hospitalName: '积水潭医院',
        distributorName: '国药控股北京有限公司',
        orderedFen: 20_000_000,
        deliveredFen: 0,
        amountRate: 0,
      }),
    },
    errors: [{ status: 400, code: 'PARAM_INVALID', message: '配送率阈值须为 1–100（%）' }],
  },
  {
    method: 'GET',
    path: '/oversight/large-orders/export',
    summary: '大额低到货导出',
    query: largeOrderQuery,
    response: { description: '大额低到货（.xlsx）', file: true },
  },
  {
    method: 'GET',
    path: '/oversight/overdue',
    summary: '逾期最久',
    description: '逾期未确认、逾期未配送的订单明细（`kind=any|unconfirmed|undelivered`），开始最早的在前，附截止时间和逾期天数。',
    query: overdueKindQuery.extend(pagingQuery.shape),
    response: {
      description: '一页订单明细',
      example: page({ orderCode: 'DD20261101000003', lineNo: 1, overdue: 'unconfirmed', deadline: '2026-11-05T23:59:59.999+08:00', daysOverdue: 26 }),
    },
    errors: [{ status: 400, code: 'OVERDUE_INVALID', message: '逾期类型不正确（any、unconfirmed 或 undelivered）' }],
  },
  {
    method: 'GET',
    path: '/oversight/overdue/export',
    summary: '逾期最久导出',
    query: overdueKindQuery,
    response: { description: '逾期订单明细（.xlsx）', file: true },
  },
]);

/** OpenAPI descriptions of 统计查询 and the 工作台 figures, from the schemas the controller parses. */
import { describeRoutes, pagingQuery, type RouteDoc } from '../../utils/openapi';
import { rebuildBody, statDayQuery, statFilterQuery, statSortQuery, statViewQuery } from './controllers/statistics';

const filters = statDayQuery.extend(statFilterQuery.shape);
const row = {
  key: 12,
  name: '骨科螺钉（Φ3.5 A1）',
  code: 'P0001',
  lines: 3,
  orderedQty: 30,
  orderedFen: 370350,
  deliveredQty: 24,
  deliveredFen: 296280,
  receivedQty: 20,
  returnedQty: 1,
  returnedFen: 12345,
  terminatedLines: 1,
  rateByQty: 0.8,
  rateByAmount: 0.8,
};
const dateError = { status: 400, code: 'DATE_INVALID', message: '开始日期不能晚于结束日期' };
const views = [
  ['by-product', '按产品查询'],
  ['by-distributor', '按配送企业'],
  ['by-hospital', '按医疗机构'],
] as const;

export default describeRoutes('统计查询', [
  ...views.flatMap(([view, zh]): RouteDoc[] => [
    {
      method: 'GET',
      path: `/statistics/${view}`,
      summary: zh,
      description:
        '本机构范围内（配送企业：其配送的；医疗机构：其采购的；生产企业：其产品；医保局：本省；联采办：全部）按下单日期（默认本月，北京时间）汇总的采购、配送、收货、退货数量与金额（分），配送率按数量和金额。`meta.totals` 为合计行。',
      query: filters.extend(statSortQuery.shape).extend(pagingQuery.shape),
      response: {
        description: '一页统计行及合计',
        example: { data: [row], meta: { pagination: { page: 1, pageSize: 20, pageCount: 1, total: 1 }, totals: { ...row, key: 0, name: '合计', code: null } } },
      },
      errors: [dateError, { status: 400, code: 'SORT_INVALID', message: '排序参数无效' }],
    },
    {
      method: 'GET',
      path: `/statistics/${view}/export`,
      summary: `${zh}导出`,
      description: '按与列表相同的筛选和排序导出 .xlsx（末行为合计）。',
      query: filters.extend(statSortQuery.shape),
      response: { description: `${zh}（.xlsx）`, file: true },
      errors: [dateError],
    },
  ]),
  {
    method: 'GET',
    path: '/statistics/series',
    summary: '统计图表数据',
    description: '所选视图的图表：截至结束日期所在月的12个月采购与配送金额、采购金额前10名、配送率（数量）分布。',
    query: filters.extend(statViewQuery.shape),
    response: {
      description: '图表数据',
      example: {
        data: {
          months: [{ month: '2026-12', orderedFen: 370350, deliveredFen: 296280, rateByAmount: 0.8 }],
          top: [{ key: 12, name: '骨科螺钉', orderedFen: 370350, deliveredFen: 296280 }],
          rateBuckets: [{ key: '80to90', label: '80–90%', count: 1 }],
        },
      },
    },
    errors: [dateError, { status: 400, code: 'VIEW_INVALID', message: '不支持的统计视图' }],
  },
  {
    method: 'GET',
    path: '/statistics/dashboard',
    summary: '工作台',
    description: '本月采购与配送金额、配送率，近12个月趋势，以及待办数量。',
    response: {
      description: '工作台数据',
      example: {
        data: {
          month: { from: '2026-12-01', to: '2026-12-02', ...row, key: 0, name: '本月', code: null },
          trend: [{ month: '2026-12', orderedFen: 370350, deliveredFen: 296280, rateByAmount: 0.8 }],
          todos: { 'order-lines': 2 },
        },
      },
    },
  },
  {
    method: 'POST',
    path: '/statistics/rebuild',
    summary: '统计重算（联采办，后台任务）',
    description: '按全部订单明细重新计算统计汇总（按日、按月），在一个事务中替换；答复 202 和任务。',
    body: rebuildBody,
    response: {
      description: '已排队的任务',
      example: {
        data: {
          id: 'k8v2q3xj9w0abc',
          kind: 'stats-rebuild',
          state: 'queued',
          stateLabel: '排队中',
          percent: 0,
          rowsDone: 0,
          rowsTotal: null,
          actions: ['cancel'],
        },
      },
    },
    errors: [{ status: 400, code: 'CONFIRM_REQUIRED', message: '请确认重算：{ "confirm": true }' }],
  },
]);

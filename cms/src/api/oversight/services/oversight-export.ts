/** 配送监管's .xlsx exports (the one export path exportSheet): what each view shows, with its filters. */
import type { Readable } from 'node:stream';
import { chinaDateTime, chinaMonth, formatFen, orderLineMachine, OVERDUE_LABELS, type Lang, type OverdueFilter } from '../../../domain';
import type { Actor } from '../../../scope';
import { now } from '../../../utils/clock';
import { exportSheet, offsetPager, type Cell, type Column } from '../../../utils/xlsx-export';
import type anomaliesService from './anomalies';
import type { LargeOrderParams, LargeOrderRow, OverdueLineRow } from './anomalies';
import type oversightService from './oversight';
import { monthsOf, type KpiRow, type LeagueRow, type Listing, type MonthSpan } from './oversight';

type Spec<R> = ReadonlyArray<{ zh: string; en: string; width?: number; value: (r: R, lang: Lang) => Cell }>;

const svc = () => strapi.service('api::oversight.oversight') as unknown as ReturnType<typeof oversightService>;
const anomalies = () => strapi.service('api::oversight.anomalies') as unknown as ReturnType<typeof anomaliesService>;
const percent = (v: number | null) => (v === null ? '' : `${(v * 100).toFixed(2)}%`);

const FIGURES: Spec<KpiRow | LeagueRow> = [
  { zh: '订单明细数', en: 'Lines', value: (r) => r.lines },
  { zh: '采购数量', en: 'Ordered qty', value: (r) => r.orderedQty },
  { zh: '配送数量', en: 'Delivered qty', value: (r) => r.deliveredQty },
  { zh: '采购金额（元）', en: 'Ordered (yuan)', value: (r) => formatFen(r.orderedFen) },
  { zh: '配送金额（元）', en: 'Delivered (yuan)', value: (r) => formatFen(r.deliveredFen) },
  { zh: '配送率（金额）', en: 'Delivery rate (amount)', value: (r) => percent(r.amountRate) },
  { zh: '配送率（数量）', en: 'Delivery rate (qty)', value: (r) => percent(r.qtyRate) },
  { zh: '响应率', en: 'Response rate', value: (r) => percent(r.responseRate) },
  { zh: '按时配送率', en: 'On-time delivery rate', value: (r) => percent(r.onTimeRate) },
];

function sheet<R>(name: { zh: string; en: string }, spec: Spec<R>, lang: Lang, nextRows: () => Promise<R[]>): Readable {
  const columns: Column<R>[] = spec.map((c) => ({ header: lang === 'en-US' ? c.en : c.zh, width: c.width, value: (r) => c.value(r, lang) }));
  return exportSheet({ sheetName: lang === 'en-US' ? name.en : name.zh, columns, nextRows });
}

/** All rows once, then the end. */
const once = <R>(load: () => Promise<R[]>) => {
  let done = false;
  return async () => {
    if (done) return [];
    done = true;
    return load();
  };
};

export default () => ({
  kpis(actor: Actor, span: MonthSpan, listing: Listing, lang: Lang): Readable {
    monthsOf(span, chinaMonth(now()), 3); // a bad month answers 400 before the file starts
    const spec: Spec<KpiRow> = [
      { zh: '月份', en: 'Month', value: (r) => r.month },
      { zh: '配送企业', en: 'Distributor', width: 28, value: (r) => r.distributorName },
      ...FIGURES,
    ];
    return sheet(
      { zh: '履约指标', en: 'kpis' },
      spec,
      lang,
      once(() => svc().kpiRows(actor, span, listing)),
    );
  },

  league(actor: Actor, span: MonthSpan, listing: Listing, lang: Lang): Readable {
    monthsOf(span, chinaMonth(now()), 3);
    const spec: Spec<LeagueRow> = [
      { zh: '排名', en: 'Rank', width: 6, value: (r) => r.rank },
      { zh: '配送企业', en: 'Distributor', width: 28, value: (r) => r.distributorName },
      { zh: '起始月份', en: 'From', value: (r) => r.from },
      { zh: '截止月份', en: 'To', value: (r) => r.to },
      ...FIGURES,
    ];
    return sheet(
      { zh: '配送率排行', en: 'league' },
      spec,
      lang,
      once(() => svc().leagueRows(actor, span, listing)),
    );
  },

  largeOrders(actor: Actor, p: LargeOrderParams, lang: Lang): Readable {
    const spec: Spec<LargeOrderRow> = [
      { zh: '订单编号', en: 'Order no.', width: 22, value: (r) => r.orderCode },
      { zh: '医疗机构', en: 'Hospital', width: 24, value: (r) => r.hospitalName },
      { zh: '配送企业', en: 'Distributor', width: 24, value: (r) => r.distributorName },
      { zh: '下单时间', en: 'Ordered at', width: 20, value: (r) => chinaDateTime(r.orderedAt) },
      { zh: '明细数', en: 'Lines', value: (r) => r.lines },
      { zh: '采购金额（元）', en: 'Ordered (yuan)', value: (r) => formatFen(r.orderedFen) },
      { zh: '配送金额（元）', en: 'Delivered (yuan)', value: (r) => formatFen(r.deliveredFen) },
      { zh: '配送率（金额）', en: 'Delivery rate (amount)', value: (r) => percent(r.amountRate) },
    ];
    const pager = offsetPager(async (offset, limit) => (await anomalies().largeOrders(actor, p, Math.floor(offset / limit) + 1, limit)).data, 500, 10_000);
    return sheet({ zh: '大额低到货', en: 'large-orders' }, spec, lang, pager);
  },

  overdue(actor: Actor, kind: OverdueFilter, q: string | undefined, lang: Lang): Readable {
    const spec: Spec<OverdueLineRow> = [
      { zh: '订单编号', en: 'Order no.', width: 22, value: (r) => r.orderCode },
      { zh: '行号', en: 'Line', width: 6, value: (r) => r.lineNo },
      { zh: '医疗机构', en: 'Hospital', width: 24, value: (r) => r.hospitalName },
      { zh: '配送企业', en: 'Distributor', width: 24, value: (r) => r.distributorName },
      { zh: '产品名称', en: 'Product', width: 24, value: (r) => r.productName },
      { zh: '采购数量', en: 'Quantity', value: (r) => r.quantity },
      { zh: '已配送', en: 'Delivered', value: (r) => r.deliveredQty },
      { zh: '状态', en: 'Status', value: (r, l) => orderLineMachine.label(r.status, l) },
      { zh: '逾期', en: 'Overdue', value: (r, l) => (r.overdue ? OVERDUE_LABELS[r.overdue][l === 'en-US' ? 'en' : 'zh'] : '') },
      { zh: '截止时间', en: 'Deadline', width: 20, value: (r) => chinaDateTime(r.deadline) },
      { zh: '逾期天数', en: 'Days overdue', value: (r) => r.daysOverdue },
      { zh: '下单时间', en: 'Ordered at', width: 20, value: (r) => chinaDateTime(r.orderedAt) },
    ];
    const pager = offsetPager(
      async (offset, limit) => (await anomalies().overdueLines(actor, kind, q, Math.floor(offset / limit) + 1, limit)).data,
      500,
      10_000,
    );
    return sheet({ zh: '逾期最久', en: 'overdue' }, spec, lang, pager);
  },
});

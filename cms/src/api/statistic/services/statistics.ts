/**
 * 统计查询 (manual 001 §3.5) and the 工作台 figures: the three views, their totals, export and chart
 * series, read from the aggregate table (db/stat-queries.ts) within the caller's scope.
 */
import type { Readable } from 'node:stream';
import {
  deliveryRate,
  formatFen,
  lastMonths,
  monthEnd,
  pageOf,
  RATE_BUCKETS,
  STAT_VIEW_LABELS,
  statRow,
  thisMonthRange,
  zeroFigures,
  type Lang,
  type StatFigures,
  type StatRow,
  type StatSortField,
  type StatView,
} from '../../../domain';
import type { Actor } from '../../../scope';
import { now } from '../../../utils/clock';
import { exportSheet, offsetPager, type Column } from '../../../utils/xlsx-export';
import { statMonths, statRateBuckets, statRowCount, statRows, statTotals, type StatFilters } from '../../../db/stat-queries';
import { cachedValue } from '../../../db/count-cache';
import { ORDER_COUNTS } from '../../../db/order-tables';

export type { StatFilters };
export type StatSort = { field: StatSortField; dir: 'asc' | 'desc' };

/** Rows of the chart series: one per month of the 12 ending with the filter's last month. */
export interface MonthPoint {
  month: string;
  orderedFen: number;
  deliveredFen: number;
  rateByAmount: number | null;
}

/**
 * A whole answer reused while no order action commits (orderTx marks the family `orders` stale), at most
 * ANSWER_CACHE_MS: a repeated request then costs neither building its queries nor naming its rows. Only a
 * renamed product or organisation, or a product's changed category or flags, waits for the time limit.
 */
const ANSWER_CACHE_MS = 60_000;
const answer = <T>(what: string, actor: Actor, args: unknown[], compute: () => Promise<T>): Promise<T> =>
  cachedValue(ORDER_COUNTS, JSON.stringify([what, actor.role, actor.orgId, actor.provinceCode, ...args]), compute, {
    ttlMs: ANSWER_CACHE_MS,
    maxEntries: 2000,
  });

const rate = (r: number | null) => (r === null ? '' : `${(r * 100).toFixed(1)}%`);

function monthSeries(months: string[], byMonth: Map<string, StatFigures>): MonthPoint[] {
  return months.map((month) => {
    const f = byMonth.get(month) ?? zeroFigures();
    return { month, orderedFen: f.orderedFen, deliveredFen: f.deliveredFen, rateByAmount: deliveryRate(f.deliveredFen, f.orderedFen) };
  });
}

const NAME_HEADER: { readonly [V in StatView]: { zh: string; en: string } } = {
  'by-product': { zh: '产品', en: 'Product' },
  'by-distributor': { zh: '配送企业', en: 'Distributor' },
  'by-hospital': { zh: '医疗机构', en: 'Hospital' },
};

/** The export's columns (the table's columns, amounts in yuan). */
function columns(view: StatView, lang: Lang): Column<StatRow>[] {
  const en = lang === 'en-US';
  const t = (zh: string, e: string) => (en ? e : zh);
  return [
    { header: NAME_HEADER[view][en ? 'en' : 'zh'], width: 36, value: (r) => r.name },
    ...(view === 'by-product' ? [{ header: t('产品编码', 'Code'), width: 18, value: (r: StatRow) => r.code }] : []),
    { header: t('订单明细数', 'Lines'), value: (r) => r.lines },
    { header: t('采购数量', 'Ordered qty'), value: (r) => r.orderedQty },
    { header: t('采购金额（元）', 'Ordered amount'), value: (r) => formatFen(r.orderedFen) },
    { header: t('配送数量', 'Delivered qty'), value: (r) => r.deliveredQty },
    { header: t('配送金额（元）', 'Delivered amount'), value: (r) => formatFen(r.deliveredFen) },
    { header: t('配送率（数量）', 'Delivery rate (qty)'), value: (r) => rate(r.rateByQty) },
    { header: t('配送率（金额）', 'Delivery rate (amount)'), value: (r) => rate(r.rateByAmount) },
    { header: t('收货数量', 'Received qty'), value: (r) => r.receivedQty },
    { header: t('退货数量', 'Returned qty'), value: (r) => r.returnedQty },
    { header: t('退货金额（元）', 'Returned amount'), value: (r) => formatFen(r.returnedFen) },
    { header: t('已终止明细数', 'Terminated lines'), value: (r) => r.terminatedLines },
  ];
}

export default () => ({
  /** The 下单日期 range a request without one reads: this month, China time. */
  defaultRange: () => thisMonthRange(now()),

  /** One page of a view with its totals row (`meta.totals`). */
  view(actor: Actor, view: StatView, f: StatFilters, sort: StatSort, page: number, pageSize: number) {
    return answer('view', actor, [view, f, sort, page, pageSize], async () => {
      const [rows, total, totals] = await Promise.all([
        statRows(actor, view, f, sort, (page - 1) * pageSize, pageSize),
        statRowCount(actor, view, f),
        statTotals(actor, f),
      ]);
      const p = pageOf(rows, total, page, pageSize);
      return { ...p, meta: { ...p.meta, totals: statRow(0, '合计', null, totals), filters: { from: f.from, to: f.to } } };
    });
  },

  /** Exactly the rows the filters show, in the same order, with the totals row last. */
  exportView(actor: Actor, view: StatView, f: StatFilters, sort: StatSort, lang: Lang): Readable {
    const pager = offsetPager((offset, limit) => statRows(actor, view, f, sort, offset, limit));
    let totalsSent = false;
    return exportSheet({
      sheetName: STAT_VIEW_LABELS[view][lang === 'en-US' ? 'en' : 'zh'],
      columns: columns(view, lang),
      nextRows: async () => {
        const rows = await pager();
        if (rows.length || totalsSent) return rows;
        totalsSent = true;
        return [statRow(0, lang === 'en-US' ? 'Total' : '合计', null, await statTotals(actor, f))];
      },
    });
  },

  /** The charts above a view: ordered vs delivered amount per month, top 10 by amount, 配送率 distribution. */
  series(actor: Actor, view: StatView, f: StatFilters) {
    return answer('series', actor, [view, f], () => seriesOf(actor, view, f));
  },

  /** 工作台: this month's figures, the 12-month trend, and the to-dos of the caller's organisation. */
  async dashboard(actor: Actor) {
    const at = now();
    const month = thisMonthRange(at);
    const months = lastMonths(at, 12);
    const [figures, todos] = await Promise.all([
      answer('dashboard', actor, [month, months], async () => {
        const [totals, byMonth] = await Promise.all([
          statTotals(actor, month),
          statMonths(actor, { from: `${months[0]}-01`, to: monthEnd(months[months.length - 1]!) }),
        ]);
        return { month: { ...month, ...statRow(0, '本月', null, totals) }, trend: monthSeries(months, byMonth) };
      }),
      strapi.service('api::me.me').todos(actor) as Promise<Record<string, number>>,
    ]);
    return { data: { ...figures, todos } };
  },
});

/** The charts above a view (see `series`). */
async function seriesOf(actor: Actor, view: StatView, f: StatFilters) {
  const end = new Date(`${f.to}T12:00:00+08:00`);
  const months = lastMonths(end, 12);
  const [byMonth, top, buckets] = await Promise.all([
    statMonths(actor, { ...f, from: `${months[0]}-01`, to: f.to }),
    statRows(actor, view, f, { field: 'orderedFen', dir: 'desc' }, 0, 10),
    statRateBuckets(
      actor,
      view,
      f,
      RATE_BUCKETS.map((b) => b.min),
    ),
  ]);
  return {
    data: {
      months: monthSeries(months, byMonth),
      top: top.map((r) => ({ key: r.key, name: r.name, orderedFen: r.orderedFen, deliveredFen: r.deliveredFen })),
      rateBuckets: RATE_BUCKETS.map((b, i) => ({ key: b.key, label: b.label, count: buckets[i] ?? 0 })),
    },
  };
}

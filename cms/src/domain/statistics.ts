/**
 * 统计查询 (manual 001 §3.5): the figures of order lines, summed per (下单日 in China time, product,
 * distributor, hospital, manufacturer, province) in the aggregate table `line_stats`, kept in the
 * same transaction as every change that moves them.
 *
 * Attribution: every figure of a line belongs to the day the line was ordered, so a 下单日期 range
 * reads the lines ordered in it with everything that has happened to them since.
 * - ordered (lines, quantity, amount): lines whose status is in ORDERED_LINE_STATUSES (a rejected
 *   line leaves them; a terminated line stays: what was not delivered counts against the 配送率).
 * - delivered: quantity of the non-withdrawn deliveries × the line's unit price.
 * - received: quantity received; returned: quantity of agreed returns × unit price.
 */
import { addMonths } from './oversight';
import { chinaDate, isoDateToDayNumber, dayNumberToIsoDate } from './dates';
import { lineAmountFen } from './money';
import type { OrderLineStatus } from './order-line';

/** Line statuses whose quantity and amount count as ordered (extend with new live or closed-with-history statuses). */
export const ORDERED_LINE_STATUSES: readonly OrderLineStatus[] = ['pending', 'confirmed', 'delivering', 'delivered', 'terminated'];
/** Line statuses counted as 已终止 lines. */
export const TERMINATED_LINE_STATUSES: readonly OrderLineStatus[] = ['terminated'];

/** The figures of the aggregate, in the table's column order (quantities in units, amounts in fen). */
export const STAT_FIGURES = [
  'lines',
  'orderedQty',
  'orderedFen',
  'deliveredQty',
  'deliveredFen',
  'receivedQty',
  'returnedQty',
  'returnedFen',
  'terminatedLines',
] as const;
export type StatFigure = (typeof STAT_FIGURES)[number];
export type StatFigures = { [F in StatFigure]: number };

/** The dimensions of one aggregate row. */
export interface StatKey {
  day: string;
  productId: number;
  distributorOrgId: number;
  hospitalOrgId: number;
  /** 0 when the product has no manufacturer. */
  manufacturerOrgId: number;
  provinceCode: string;
}

/** What the figures of a line are computed from. */
export interface StatLine {
  status: string;
  quantity: number;
  unitPriceFen: number;
  deliveredQty: number;
  receivedQty: number;
  returnedQty: number;
}

export const zeroFigures = (): StatFigures => Object.fromEntries(STAT_FIGURES.map((f) => [f, 0])) as StatFigures;

const counts = (set: readonly string[], status: string) => (set.includes(status) ? 1 : 0);

/** Everything one line contributes to its aggregate row (the recount sums this). */
export function lineStatFigures(l: StatLine): StatFigures {
  const f = zeroFigures();
  if (!counts(ORDERED_LINE_STATUSES, l.status)) return f;
  f.lines = 1;
  f.orderedQty = l.quantity;
  f.orderedFen = lineAmountFen(l.unitPriceFen, l.quantity);
  f.deliveredQty = l.deliveredQty;
  f.deliveredFen = lineAmountFen(l.unitPriceFen, l.deliveredQty);
  f.receivedQty = l.receivedQty;
  f.returnedQty = l.returnedQty;
  f.returnedFen = lineAmountFen(l.unitPriceFen, l.returnedQty);
  f.terminatedLines = counts(TERMINATED_LINE_STATUSES, l.status);
  return f;
}

/** The change of the figures when a line's status moves `from` → `to` (placement: from null). */
export function statusChangeDelta(from: string | null, to: string, l: StatLine): StatFigures {
  const before = from === null ? zeroFigures() : lineStatFigures({ ...l, status: from });
  const after = lineStatFigures({ ...l, status: to });
  return Object.fromEntries(STAT_FIGURES.map((k) => [k, after[k] - before[k]])) as StatFigures;
}

/** A delivery of `quantity` recorded (sign 1) or withdrawn (sign -1). */
export function deliveryDelta(quantity: number, unitPriceFen: number, sign: 1 | -1): Partial<StatFigures> {
  return { deliveredQty: sign * quantity, deliveredFen: sign * lineAmountFen(unitPriceFen, quantity) };
}

/** A receipt of `quantity`. */
export const receiptDelta = (quantity: number): Partial<StatFigures> => ({ receivedQty: quantity });

/** An agreed return of `quantity`. */
export function returnDelta(quantity: number, unitPriceFen: number): Partial<StatFigures> {
  return { returnedQty: quantity, returnedFen: lineAmountFen(unitPriceFen, quantity) };
}

/** The aggregate row of a line ordered at `orderedAt`. */
export function statKeyOf(l: {
  orderedAt: Date;
  productId: number;
  distributorOrgId: number;
  hospitalOrgId: number;
  manufacturerOrgId: number | null;
  provinceCode: string;
}): StatKey {
  return {
    day: chinaDate(l.orderedAt),
    productId: l.productId,
    distributorOrgId: l.distributorOrgId,
    hospitalOrgId: l.hospitalOrgId,
    manufacturerOrgId: l.manufacturerOrgId ?? 0,
    provinceCode: l.provinceCode,
  };
}

/** 配送率: delivered ÷ ordered (0..1), null when nothing was ordered. */
export function deliveryRate(delivered: number, ordered: number): number | null {
  return ordered > 0 ? delivered / ordered : null;
}

/** The three views of 统计查询 and the dimension each groups by. */
export const STAT_VIEWS = ['by-product', 'by-distributor', 'by-hospital'] as const;
export type StatView = (typeof STAT_VIEWS)[number];
export const STAT_VIEW_LABELS: { readonly [V in StatView]: { zh: string; en: string } } = {
  'by-product': { zh: '按产品查询', en: 'By product' },
  'by-distributor': { zh: '按配送企业', en: 'By distributor' },
  'by-hospital': { zh: '按医疗机构', en: 'By hospital' },
};

/** The columns a statistics table sorts by: every figure and both 配送率. */
export const STAT_SORT_FIELDS = [...STAT_FIGURES, 'rateByQty', 'rateByAmount'] as const;
export type StatSortField = (typeof STAT_SORT_FIELDS)[number];

/** One row of a statistics view (and its totals row, key 0). */
export interface StatRow extends StatFigures {
  key: number;
  name: string;
  code: string | null;
  rateByQty: number | null;
  rateByAmount: number | null;
}

/** A row of summed figures with its two 配送率. */
export function statRow(key: number, name: string, code: string | null, f: StatFigures): StatRow {
  return { key, name, code, ...f, rateByQty: deliveryRate(f.deliveredQty, f.orderedQty), rateByAmount: deliveryRate(f.deliveredFen, f.orderedFen) };
}

/** The 配送率 distribution's buckets (lower bound inclusive, upper exclusive; the last is exactly 100 %). */
export const RATE_BUCKETS = [
  { key: 'lt50', min: 0, max: 0.5, label: '<50%' },
  { key: '50to80', min: 0.5, max: 0.8, label: '50–80%' },
  { key: '80to90', min: 0.8, max: 0.9, label: '80–90%' },
  { key: '90to100', min: 0.9, max: 1, label: '90–100%' },
  { key: 'full', min: 1, max: Infinity, label: '100%' },
] as const;

/** The bucket of a 配送率 (null: nothing ordered → no bucket). */
export function rateBucket(rate: number | null): (typeof RATE_BUCKETS)[number]['key'] | null {
  if (rate === null) return null;
  return (RATE_BUCKETS.find((b) => rate >= b.min && rate < b.max) ?? RATE_BUCKETS[RATE_BUCKETS.length - 1]!).key;
}

/** This month in China time at `now`: from its first day to today ('YYYY-MM-DD'). */
export function thisMonthRange(now: Date): { from: string; to: string } {
  const today = chinaDate(now);
  return { from: `${today.slice(0, 7)}-01`, to: today };
}

/** The `n` months ('YYYY-MM') ending with the month of `now` in China time, oldest first. */
export function lastMonths(now: Date, n: number): string[] {
  const current = chinaDate(now).slice(0, 7);
  return Array.from({ length: n }, (_, i) => addMonths(current, i - n + 1));
}

/** The last day of month 'YYYY-MM'. */
export function monthEnd(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const next = m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, '0')}-01`;
  return dayNumberToIsoDate(isoDateToDayNumber(next) - 1);
}

/**
 * A 下单日期 range split for reading: the whole months it covers (read from the monthly sums) and the
 * days at its ends outside them (read from the daily sums). `from` ≤ `to`, both 'YYYY-MM-DD'.
 */
export function splitRange(from: string, to: string): { months: [string, string] | null; days: Array<[string, string]> } {
  const firstFull = from.endsWith('-01') ? from.slice(0, 7) : addMonths(from.slice(0, 7), 1);
  const lastFull = to === monthEnd(to.slice(0, 7)) ? to.slice(0, 7) : addMonths(to.slice(0, 7), -1);
  if (firstFull > lastFull) return { months: null, days: [[from, to]] };
  const days: Array<[string, string]> = [];
  const monthsStart = `${firstFull}-01`;
  if (from < monthsStart) days.push([from, dayNumberToIsoDate(isoDateToDayNumber(monthsStart) - 1)]);
  const monthsEnd = monthEnd(lastFull);
  if (to > monthsEnd) days.push([dayNumberToIsoDate(isoDateToDayNumber(monthsEnd) + 1), to]);
  return { months: [firstFull, lastFull], days };
}

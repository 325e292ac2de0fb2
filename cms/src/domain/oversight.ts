/**
 * 配送监管 (oversight) figures of a distributor per month, over the lines ordered in that month:
 * - response rate 响应率: lines confirmed or rejected by the 确认截止 ÷ lines due (answered, or past it);
 * - on-time delivery rate 按时配送率: confirmed lines fully delivered by the 配送截止 ÷ lines due
 *   (confirmed and delivered, or past it; a terminated line counts as late);
 * - 配送率: delivered ÷ ordered, by quantity and by amount (every line ordered counts: a rejected or
 *   cancelled line delivered nothing).
 * The alarm: 配送率 (by amount) below 90 % for 3 consecutive months (Qinghai's 2025 rule).
 */
import { CHINA_UTC_OFFSET_MINUTES, chinaDate } from './dates';
import { confirmDeadline, deliverDeadline, isInTime, type DeadlineRule } from './deadlines';
import { DomainError } from './errors';
import { LINE_STATUS } from './order-line';
import type { WorkingCalendar } from './working-days';

const MONTH_RE = /^(\d{4})-(0[1-9]|1[0-2])$/;
/** Longest month range of one oversight request. */
export const OVERSIGHT_MAX_MONTHS = 24;

export function isMonth(v: unknown): v is string {
  return typeof v === 'string' && MONTH_RE.test(v) && Number(v.slice(0, 4)) >= 1900;
}

/** The China month ('YYYY-MM') of an instant. */
export function chinaMonth(d: Date): string {
  return chinaDate(d).slice(0, 7);
}

/** `month` plus n months. */
export function addMonths(month: string, n: number): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const i = y * 12 + (m - 1) + n;
  return `${String(Math.floor(i / 12)).padStart(4, '0')}-${String((i % 12) + 1).padStart(2, '0')}`;
}

/** The months from `from` to `to` inclusive; MONTH_INVALID / MONTH_RANGE_INVALID (400) otherwise. */
export function monthRange(from: string, to: string): string[] {
  for (const [field, v] of [
    ['from', from],
    ['to', to],
  ] as const) {
    if (!isMonth(v)) throw new DomainError('MONTH_INVALID', `月份格式不正确（应为YYYY-MM）：${String(v)}`, { status: 400, field });
  }
  const out: string[] = [];
  for (let m = from; m <= to; m = addMonths(m, 1)) {
    out.push(m);
    if (out.length > OVERSIGHT_MAX_MONTHS) break;
  }
  if (!out.length || out.length > OVERSIGHT_MAX_MONTHS) {
    throw new DomainError('MONTH_RANGE_INVALID', `月份范围须从早到晚且不超过${OVERSIGHT_MAX_MONTHS}个月`, { status: 400, field: 'to' });
  }
  return out;
}

/** The instants of a China month: [start, end). */
export function monthBounds(month: string): { from: Date; to: Date } {
  const start = (m: string) => {
    const [y, mo] = m.split('-').map(Number) as [number, number];
    return new Date(Date.UTC(y, mo - 1, 1) - CHINA_UTC_OFFSET_MINUTES * 60_000);
  };
  return { from: start(month), to: start(addMonths(month, 1)) };
}

export interface KpiLine {
  status: string;
  orderedAt: Date;
  confirmedAt: Date | null;
  /** When it was rejected, cancelled or terminated. */
  closedAt: Date | null;
  /** The last (non-withdrawn) delivery, for a fully delivered line. */
  lastDeliveryAt: Date | null;
  quantity: number;
  deliveredQty: number;
  amountFen: number;
  unitPriceFen: number;
}

export interface KpiFigures {
  lines: number;
  orderedQty: number;
  deliveredQty: number;
  orderedFen: number;
  deliveredFen: number;
  responseDue: number;
  respondedInTime: number;
  deliveryDue: number;
  deliveredInTime: number;
  /** Fractions 0..1 (4 decimals); null with nothing due / ordered. */
  responseRate: number | null;
  onTimeRate: number | null;
  qtyRate: number | null;
  amountRate: number | null;
}

export const emptyKpi = (): KpiFigures => ({
  lines: 0,
  orderedQty: 0,
  deliveredQty: 0,
  orderedFen: 0,
  deliveredFen: 0,
  responseDue: 0,
  respondedInTime: 0,
  deliveryDue: 0,
  deliveredInTime: 0,
  responseRate: null,
  onTimeRate: null,
  qtyRate: null,
  amountRate: null,
});

/** A fraction with 4 decimals, null for 0 ÷ 0. */
export function rate(part: number, whole: number): number | null {
  return whole > 0 ? Math.round((part / whole) * 10_000) / 10_000 : null;
}

/** Adds one line to running figures (rates are filled by finishKpi). */
export function addKpiLine(k: KpiFigures, l: KpiLine, cal: WorkingCalendar, rule: DeadlineRule, now: Date): void {
  k.lines += 1;
  k.orderedQty += l.quantity;
  k.deliveredQty += l.deliveredQty;
  k.orderedFen += l.amountFen;
  k.deliveredFen += l.deliveredQty * l.unitPriceFen;
  const confirmBy = confirmDeadline(l.orderedAt, cal, rule);
  const answeredAt = l.confirmedAt ?? (l.status === LINE_STATUS.rejected ? l.closedAt : null);
  if (answeredAt || now.getTime() > confirmBy.getTime()) {
    k.responseDue += 1;
    if (answeredAt && isInTime(answeredAt, confirmBy)) k.respondedInTime += 1;
  }
  if (l.confirmedAt) {
    const deliverBy = deliverDeadline(l.confirmedAt, cal, rule);
    const doneAt = l.status === LINE_STATUS.delivered ? l.lastDeliveryAt : null;
    if (doneAt || now.getTime() > deliverBy.getTime() || l.status === LINE_STATUS.terminated) {
      k.deliveryDue += 1;
      if (doneAt && isInTime(doneAt, deliverBy)) k.deliveredInTime += 1;
    }
  }
}

/** Adds figures b into a (rates are filled by finishKpi). */
export function mergeKpi(a: KpiFigures, b: KpiFigures): KpiFigures {
  for (const f of [
    'lines',
    'orderedQty',
    'deliveredQty',
    'orderedFen',
    'deliveredFen',
    'responseDue',
    'respondedInTime',
    'deliveryDue',
    'deliveredInTime',
  ] as const) {
    a[f] += b[f];
  }
  return a;
}

/** The rates of running figures. */
export function finishKpi(k: KpiFigures): KpiFigures {
  k.responseRate = rate(k.respondedInTime, k.responseDue);
  k.onTimeRate = rate(k.deliveredInTime, k.deliveryDue);
  k.qtyRate = rate(k.deliveredQty, k.orderedQty);
  k.amountRate = rate(k.deliveredFen, k.orderedFen);
  return k;
}

/** League order: worst 配送率 (amount) first, then worst on-time rate; no figure counts as worst. */
export function leagueCompare(a: KpiFigures, b: KpiFigures): number {
  const v = (x: number | null) => (x === null ? -1 : x);
  return v(a.amountRate) - v(b.amountRate) || v(a.onTimeRate) - v(b.onTimeRate) || v(a.responseRate) - v(b.responseRate);
}

export const ALARM_RATE_THRESHOLD = 0.9;
export const ALARM_CONSECUTIVE_MONTHS = 3;

export interface MonthRate {
  month: string;
  orderedFen: number;
  deliveredFen: number;
  /** 配送率 by amount, null when nothing was ordered. */
  amountRate: number | null;
}

/**
 * The alarm of one distributor: its latest run of at least `run` consecutive calendar months whose
 * 配送率 (by amount) is below `threshold`, with those months' figures; null when there is none. A
 * month without orders (no rate) or a month missing from `months` breaks a run.
 */
export function deliveryRateAlarm(months: readonly MonthRate[], threshold = ALARM_RATE_THRESHOLD, run = ALARM_CONSECUTIVE_MONTHS): MonthRate[] | null {
  const sorted = [...months].sort((a, b) => a.month.localeCompare(b.month));
  let best: MonthRate[] | null = null;
  let current: MonthRate[] = [];
  for (const m of sorted) {
    const low = m.amountRate !== null && m.amountRate < threshold;
    const follows = current.length > 0 && addMonths(current[current.length - 1]!.month, 1) === m.month;
    if (low) current = follows ? [...current, m] : [m];
    else current = [];
    if (current.length >= run) best = current;
  }
  return best;
}

/** 大额低到货: the parameters' defaults and bounds (amount in yuan, rate in percent, days since ordering). */
export const LARGE_ORDER_PARAMS = {
  minAmountYuan: { default: 100_000, min: 0, max: 1_000_000_000 },
  maxRatePercent: { default: 50, min: 1, max: 100 },
  afterDays: { default: 7, min: 1, max: 365 },
} as const;

/**
 * Overdue order lines (oversight), computed at read like 解约中: a line not answered within N working
 * days of ordering is 逾期未确认; a confirmed line not (fully) delivered within M working days of
 * confirming is 逾期未配送 (domain/deadlines.ts, per province).
 *
 * The deadline is monotone in the start day, so for a rule and "now" there is one cutoff instant: a
 * line started (ordered / confirmed) before it is overdue. Queries compare an indexed column with it.
 */
import { CHINA_UTC_OFFSET_MINUTES, DAY_MS, chinaDate, dayNumberToIsoDate, isoDateToDayNumber } from './dates';
import { confirmDeadline, deliverDeadline, type DeadlineRule } from './deadlines';
import { DomainError } from './errors';
import { ANSWERABLE_LINE_STATUSES, DELIVERABLE_LINE_STATUSES, orderLineMachine } from './order-line';
import { addWorkingDays, type WorkingCalendar } from './working-days';

export const OVERDUE_KINDS = ['unconfirmed', 'undelivered'] as const;
export type OverdueKind = (typeof OVERDUE_KINDS)[number];
export const OVERDUE_LABELS: { readonly [K in OverdueKind]: { zh: string; en: string } } = {
  unconfirmed: { zh: '逾期未确认', en: 'Overdue: not confirmed' },
  undelivered: { zh: '逾期未配送', en: 'Overdue: not delivered' },
};
/** The list filter `overdue`: either kind, or one of them. */
export const OVERDUE_FILTERS = ['any', ...OVERDUE_KINDS] as const;
export type OverdueFilter = (typeof OVERDUE_FILTERS)[number];

/** Statuses in which a line waits for its distributor's answer / for (the rest of) its delivery. */
export const AWAITING_ANSWER_STATUSES = ANSWERABLE_LINE_STATUSES;
export const AWAITING_DELIVERY_STATUSES = DELIVERABLE_LINE_STATUSES;

/** Longest look-back for the cutoff: far beyond 30 working days plus any holiday. */
const MAX_LOOKBACK_DAYS = 120;

const startOfChinaDay = (dayNumber: number) => new Date(dayNumber * DAY_MS - CHINA_UTC_OFFSET_MINUTES * 60_000);

/**
 * The cutoff of `workingDays` at `now`: a start (ordering / confirming) before this instant is
 * overdue. A start on day D is overdue once the D + n-th working day has ended, i.e. when it lies
 * before today (China time); the cutoff is the start of the day after the latest such D.
 */
export function overdueCutoff(cal: WorkingCalendar, workingDays: number, now: Date): Date {
  const today = chinaDate(now);
  const todayNumber = isoDateToDayNumber(today);
  for (let d = todayNumber - 1; d > todayNumber - MAX_LOOKBACK_DAYS; d -= 1) {
    if (addWorkingDays(cal, dayNumberToIsoDate(d), workingDays) < today) return startOfChinaDay(d + 1);
  }
  return startOfChinaDay(todayNumber - MAX_LOOKBACK_DAYS + 1);
}

export interface DeadlineCutoffs {
  /** Lines ordered before it and still unanswered are 逾期未确认. */
  confirmBefore: Date;
  /** Lines confirmed before it and still (partly) undelivered are 逾期未配送. */
  deliverBefore: Date;
}

/** Both cutoffs of a rule at `now`. */
export function deadlineCutoffs(cal: WorkingCalendar, rule: DeadlineRule, now: Date): DeadlineCutoffs {
  return { confirmBefore: overdueCutoff(cal, rule.confirmWorkingDays, now), deliverBefore: overdueCutoff(cal, rule.deliverWorkingDays, now) };
}

/** The cutoffs of every province at one instant: provinces with their own rule, the default for the rest. */
export interface ProvinceCutoffs {
  readonly byProvince: ReadonlyMap<string, DeadlineCutoffs>;
  readonly fallback: DeadlineCutoffs;
}

export function cutoffsOf(all: ProvinceCutoffs, provinceCode: string | null | undefined): DeadlineCutoffs {
  return (provinceCode && all.byProvince.get(provinceCode)) || all.fallback;
}

export interface LineForOverdue {
  status: string;
  orderedAt: Date | string | null;
  confirmedAt: Date | string | null;
}

const before = (v: Date | string | null, cutoff: Date) => v !== null && new Date(v).getTime() < cutoff.getTime();

/** 逾期未确认 / 逾期未配送 / null for a line at the cutoffs' instant. */
export function lineOverdue(l: LineForOverdue, c: DeadlineCutoffs): OverdueKind | null {
  if ((AWAITING_ANSWER_STATUSES as readonly string[]).includes(l.status)) return before(l.orderedAt, c.confirmBefore) ? 'unconfirmed' : null;
  if ((AWAITING_DELIVERY_STATUSES as readonly string[]).includes(l.status)) return before(l.confirmedAt, c.deliverBefore) ? 'undelivered' : null;
  return null;
}

/** The deadline a line missed (or must meet): 确认截止 while unanswered, 配送截止 while undelivered; null otherwise. */
export function lineDeadline(l: LineForOverdue, cal: WorkingCalendar, rule: DeadlineRule): Date | null {
  if ((AWAITING_ANSWER_STATUSES as readonly string[]).includes(l.status) && l.orderedAt) return confirmDeadline(new Date(l.orderedAt), cal, rule);
  if ((AWAITING_DELIVERY_STATUSES as readonly string[]).includes(l.status) && l.confirmedAt) return deliverDeadline(new Date(l.confirmedAt), cal, rule);
  return null;
}

/** Whole days since a missed deadline (0 on the day after it). */
export function daysOverdue(deadline: Date, now: Date): number {
  return Math.max(0, Math.floor((now.getTime() - deadline.getTime()) / DAY_MS));
}

/** May the ordering hospital 取消 the line now? Only a pending line overdue for confirmation. */
export function mayCancelLine(status: string, overdue: OverdueKind | null): boolean {
  return orderLineMachine.can('cancel', status, 'hospital') && overdue === 'unconfirmed';
}

/** Refuses 取消 of a line not overdue for confirmation: LINE_NOT_OVERDUE (409). */
export function assertCancellable(status: string, overdue: OverdueKind | null): void {
  if (!orderLineMachine.can('cancel', status, 'hospital')) {
    throw new DomainError('INVALID_TRANSITION', `订单明细当前状态为“${orderLineMachine.label(status)}”，不能取消`, { status: 409, details: { status } });
  }
  if (overdue !== 'unconfirmed') {
    throw new DomainError('LINE_NOT_OVERDUE', '该订单明细尚未逾期未确认，不能取消', { status: 409, details: { status } });
  }
}

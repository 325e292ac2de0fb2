/**
 * The distributor's deadlines (oversight): confirm an order line within N working days of ordering,
 * deliver within M working days of confirming. N and M are per province, 2 and 2 by default
 * (Shandong's rule). Deadlines are computed at read from the working-day calendar, never stored.
 */
import { DomainError } from './errors';
import { type WorkingCalendar, workingDeadline } from './working-days';

export interface DeadlineRule {
  /** 确认时限: working days after the order day. */
  confirmWorkingDays: number;
  /** 配送时限: working days after the confirmation day. */
  deliverWorkingDays: number;
}

export const DEFAULT_DEADLINE_RULE: DeadlineRule = Object.freeze({ confirmWorkingDays: 2, deliverWorkingDays: 2 });
export const DEADLINE_WORKING_DAYS_MAX = 30;

/** A rule with both limits whole numbers of working days in 1..30 (a stored rule outside it is refused). */
export function assertDeadlineRule(rule: DeadlineRule): DeadlineRule {
  for (const field of ['confirmWorkingDays', 'deliverWorkingDays'] as const) {
    const v = rule[field];
    if (!Number.isInteger(v) || v < 1 || v > DEADLINE_WORKING_DAYS_MAX) {
      throw new DomainError('VALUE_INVALID', `时限须为 1–${DEADLINE_WORKING_DAYS_MAX} 个工作日`, { status: 400, field });
    }
  }
  return rule;
}

/** 确认截止: the end of the N-th working day after the order day. */
export function confirmDeadline(orderedAt: Date, cal: WorkingCalendar, rule: DeadlineRule): Date {
  return workingDeadline(cal, orderedAt, rule.confirmWorkingDays);
}

/** 配送截止: the end of the M-th working day after the confirmation day. */
export function deliverDeadline(confirmedAt: Date, cal: WorkingCalendar, rule: DeadlineRule): Date {
  return workingDeadline(cal, confirmedAt, rule.deliverWorkingDays);
}

/** Done by the deadline (an instant exactly at it counts as in time). */
export function isInTime(doneAt: Date, deadline: Date): boolean {
  return doneAt.getTime() <= deadline.getTime();
}

/** Not done and past its deadline at `now`. */
export function isOverdue(deadline: Date, now: Date, doneAt: Date | null | undefined): boolean {
  return !doneAt && now.getTime() > deadline.getTime();
}

/**
 * The working-day calendar (工作日): Monday to Friday are working days, except public holidays; the
 * official 调休 make-up days (a Saturday or Sunday worked in exchange) are working days. The calendar is
 * data: the dates that differ from that weekday rule, taken from a maintained holiday table plus what
 * content managers add for a year the table does not know yet. Dates are China dates ('YYYY-MM-DD').
 */
import { CHINA_UTC_OFFSET_MINUTES, DAY_MS, chinaDate, dayNumberToIsoDate, isoDateToDayNumber } from './dates';
import { DomainError } from './errors';

export interface WorkingCalendar {
  /** Dates whose status differs from the weekday rule: false = holiday on a weekday, true = 调休 working weekend day. */
  readonly exceptions: ReadonlyMap<string, boolean>;
}

/** Longest stretch searched for the next working day: longer than any holiday China has known (Spring Festival ≈ 9 days). */
const MAX_SEARCH_DAYS = 60;

const isWeekend = (dayNumber: number) => {
  const weekday = (dayNumber + 4) % 7; // 1970-01-01 was a Thursday (4)
  return weekday === 0 || weekday === 6;
};

const noWorkingDay = (isoDate: string) =>
  new DomainError('CALENDAR_INVALID', `工作日历有误：${isoDate} 之后 ${MAX_SEARCH_DAYS} 天内没有工作日`, { status: 409 });

/**
 * A calendar from (date, working) entries. Later entries win, so content managers' dates can follow
 * the holiday table and override it. Entries equal to the weekday rule are dropped.
 */
export function makeWorkingCalendar(entries: Iterable<readonly [string, boolean]>): WorkingCalendar {
  const exceptions = new Map<string, boolean>();
  for (const [date, working] of entries) {
    const n = isoDateToDayNumber(date, 'date');
    if (working === !isWeekend(n)) exceptions.delete(date);
    else exceptions.set(date, working);
  }
  return { exceptions };
}

export function isWorkingDay(cal: WorkingCalendar, isoDate: string): boolean {
  const exception = cal.exceptions.get(isoDate);
  if (exception !== undefined) return exception;
  return !isWeekend(isoDateToDayNumber(isoDate, 'date'));
}

/** The first working day on or after `isoDate` (e.g. the 5th of a month moved past a holiday). */
export function nextWorkingDayOnOrAfter(cal: WorkingCalendar, isoDate: string): string {
  let n = isoDateToDayNumber(isoDate, 'date');
  for (let i = 0; i <= MAX_SEARCH_DAYS; i += 1, n += 1) {
    const d = dayNumberToIsoDate(n);
    if (isWorkingDay(cal, d)) return d;
  }
  throw noWorkingDay(isoDate);
}

/** The `n`-th working day after `isoDate` (n ≥ 1); n = 0 gives `isoDate` itself when working, else the next working day. */
export function addWorkingDays(cal: WorkingCalendar, isoDate: string, n: number): string {
  if (!Number.isInteger(n) || n < 0) throw new DomainError('VALUE_INVALID', '工作日天数须为非负整数', { status: 400 });
  if (n === 0) return nextWorkingDayOnOrAfter(cal, isoDate);
  let day = isoDateToDayNumber(isoDate, 'date');
  let left = n;
  let idle = 0;
  while (left > 0) {
    day += 1;
    if (isWorkingDay(cal, dayNumberToIsoDate(day))) {
      left -= 1;
      idle = 0;
    } else if ((idle += 1) > MAX_SEARCH_DAYS) {
      throw noWorkingDay(isoDate);
    }
  }
  return dayNumberToIsoDate(day);
}

/** Working days in (fromIso, toIso]: 0 when toIso ≤ fromIso. */
export function workingDaysBetween(cal: WorkingCalendar, fromIso: string, toIso: string): number {
  const from = isoDateToDayNumber(fromIso, 'from');
  const to = isoDateToDayNumber(toIso, 'to');
  let count = 0;
  for (let n = from + 1; n <= to; n += 1) if (isWorkingDay(cal, dayNumberToIsoDate(n))) count += 1;
  return count;
}

/** The last instant (23:59:59.999 China time) of a China date. */
export function endOfChinaDay(isoDate: string): Date {
  return new Date((isoDateToDayNumber(isoDate, 'date') + 1) * DAY_MS - CHINA_UTC_OFFSET_MINUTES * 60_000 - 1);
}

/**
 * "Within n working days of `from`": the end of the n-th working day after from's China date. An
 * order placed on Friday with n = 2 is due by Tuesday 23:59:59.999; a holiday week pushes it past.
 */
export function workingDeadline(cal: WorkingCalendar, from: Date, n: number): Date {
  return endOfChinaDay(addWorkingDays(cal, chinaDate(from), n));
}

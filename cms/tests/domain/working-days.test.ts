import { describe, expect, it } from 'vitest';
import holidayTable from 'chinese-days/dist/chinese-days.json';
import {
  addWorkingDays,
  assertDeadlineRule,
  confirmDeadline,
  DEFAULT_DEADLINE_RULE,
  deliverDeadline,
  DomainError,
  endOfChinaDay,
  isInTime,
  isOverdue,
  isWorkingDay,
  makeWorkingCalendar,
  nextWorkingDayOnOrAfter,
  workingDaysBetween,
  workingDeadline,
} from '../../src/domain';

// The real holiday table the server uses (chinese-days), as the working-calendar service builds it.
const table = makeWorkingCalendar([
  ...Object.keys(holidayTable.holidays).map((d): [string, boolean] => [d, false]),
  ...Object.keys(holidayTable.workdays).map((d): [string, boolean] => [d, true]),
]);
const china = (s: string) => new Date(`${s}+08:00`);

describe('working-day calendar', () => {
  it('knows weekdays, weekends, public holidays and the 调休 make-up Saturdays and Sundays', () => {
    expect(isWorkingDay(table, '2026-12-04')).toBe(true); // Friday
    expect(isWorkingDay(table, '2026-12-05')).toBe(false); // Saturday
    expect(isWorkingDay(table, '2026-10-01')).toBe(false); // 国庆节, a Thursday
    expect(isWorkingDay(table, '2026-09-20')).toBe(true); // Sunday, 调休
    expect(isWorkingDay(table, '2026-10-10')).toBe(true); // Saturday, 调休
  });

  it('counts N working days after the order day, across a holiday week and a 调休 day', () => {
    expect(addWorkingDays(table, '2026-12-04', 2)).toBe('2026-12-08'); // Fri → Tue
    expect(addWorkingDays(table, '2026-09-30', 2)).toBe('2026-10-09'); // 国庆 1–7 skipped
    expect(addWorkingDays(table, '2026-09-18', 2)).toBe('2026-09-21'); // the 调休 Sunday counts
    expect(addWorkingDays(table, '2026-10-08', 2)).toBe('2026-10-10'); // the 调休 Saturday counts
    expect(addWorkingDays(table, '2026-10-03', 0)).toBe('2026-10-08');
    expect(addWorkingDays(table, '2026-10-08', 0)).toBe('2026-10-08');
    expect(nextWorkingDayOnOrAfter(table, '2026-10-05')).toBe('2026-10-08');
    expect(workingDaysBetween(table, '2026-09-30', '2026-10-10')).toBe(3);
    expect(workingDaysBetween(table, '2026-10-10', '2026-09-30')).toBe(0);
  });

  it('makes a deadline the last instant of that China day', () => {
    expect(endOfChinaDay('2026-10-09').toISOString()).toBe('2026-10-09T15:59:59.999Z');
    expect(workingDeadline(table, china('2026-09-30T23:30:00'), 2).toISOString()).toBe('2026-10-09T15:59:59.999Z');
    // 00:30 on Oct 1 in China is still Sep 30 in UTC: the China date decides.
    expect(workingDeadline(table, new Date('2026-09-30T16:30:00Z'), 1).toISOString()).toBe('2026-10-08T15:59:59.999Z');
  });

  it('lets later entries (content managers’ dates) override the table, and drops entries equal to the weekday rule', () => {
    const withNewYear = makeWorkingCalendar([...table.exceptions, ['2027-01-01', false], ['2026-12-05', false], ['2026-12-04', true]]);
    expect(withNewYear.exceptions.has('2026-12-05')).toBe(false);
    expect(withNewYear.exceptions.has('2026-12-04')).toBe(false);
    expect(addWorkingDays(withNewYear, '2026-12-31', 1)).toBe('2027-01-04');
    const corrected = makeWorkingCalendar([
      ['2026-10-10', true],
      ['2026-10-10', false],
    ]);
    expect(isWorkingDay(corrected, '2026-10-10')).toBe(false);
  });

  it('refuses bad input with a code', () => {
    expect(() => addWorkingDays(table, '2026-02-30', 1)).toThrow(DomainError);
    expect(() => addWorkingDays(table, '2026-12-01', -1)).toThrow(/非负整数/);
    expect(() => addWorkingDays(table, '2026-12-01', 1.5)).toThrow(DomainError);
    expect(() => makeWorkingCalendar([['not a date', true]])).toThrow(DomainError);
    const noWork = makeWorkingCalendar(
      Array.from({ length: 80 }, (_, i): [string, boolean] => [new Date(Date.UTC(2030, 0, 1 + i)).toISOString().slice(0, 10), false]),
    );
    expect(() => nextWorkingDayOnOrAfter(noWork, '2030-01-01')).toThrow(/工作日历有误/);
    expect(() => addWorkingDays(noWork, '2030-01-01', 1)).toThrow(/工作日历有误/);
  });
});

describe('deadlines (配送时限)', () => {
  it('confirms within N and delivers within M working days, 2 and 2 by default', () => {
    const ordered = china('2026-09-30T10:00:00');
    expect(confirmDeadline(ordered, table, DEFAULT_DEADLINE_RULE).toISOString()).toBe('2026-10-09T15:59:59.999Z');
    const confirmed = china('2026-10-09T09:00:00');
    expect(deliverDeadline(confirmed, table, DEFAULT_DEADLINE_RULE).toISOString()).toBe('2026-10-12T15:59:59.999Z'); // Sat 10 (调休), Mon 12
    expect(deliverDeadline(confirmed, table, { confirmWorkingDays: 2, deliverWorkingDays: 1 }).toISOString()).toBe('2026-10-10T15:59:59.999Z');
  });

  it('is in time up to and including the deadline, overdue after it only while not done', () => {
    const deadline = endOfChinaDay('2026-12-08');
    expect(isInTime(deadline, deadline)).toBe(true);
    expect(isInTime(new Date(deadline.getTime() + 1), deadline)).toBe(false);
    expect(isOverdue(deadline, new Date(deadline.getTime() + 1), null)).toBe(true);
    expect(isOverdue(deadline, deadline, undefined)).toBe(false);
    expect(isOverdue(deadline, new Date(deadline.getTime() + 1), china('2026-12-08T10:00:00'))).toBe(false);
  });

  it('accepts rules of 1–30 whole working days only', () => {
    expect(assertDeadlineRule({ confirmWorkingDays: 1, deliverWorkingDays: 30 })).toEqual({ confirmWorkingDays: 1, deliverWorkingDays: 30 });
    expect(() => assertDeadlineRule({ confirmWorkingDays: 0, deliverWorkingDays: 2 })).toThrow(DomainError);
    expect(() => assertDeadlineRule({ confirmWorkingDays: 2, deliverWorkingDays: 31 })).toThrow(DomainError);
    expect(() => assertDeadlineRule({ confirmWorkingDays: 2.5, deliverWorkingDays: 2 })).toThrow(DomainError);
  });
});

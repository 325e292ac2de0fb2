import { describe, expect, it } from 'vitest';
import holidayTable from 'chinese-days/dist/chinese-days.json';
import {
  addKpiLine,
  addMonths,
  assertCancellable,
  chinaMonth,
  cutoffsOf,
  daysOverdue,
  deadlineCutoffs,
  DEFAULT_DEADLINE_RULE,
  deliveryRateAlarm,
  DomainError,
  emptyKpi,
  finishKpi,
  isMonth,
  leagueCompare,
  lineDeadline,
  lineOverdue,
  makeWorkingCalendar,
  mayCancelLine,
  mergeKpi,
  monthBounds,
  monthRange,
  orderLineActions,
  overdueCutoff,
  rate,
  type KpiLine,
  type MonthRate,
} from '../../src/domain';

const cal = makeWorkingCalendar([
  ...Object.keys(holidayTable.holidays).map((d): [string, boolean] => [d, false]),
  ...Object.keys(holidayTable.workdays).map((d): [string, boolean] => [d, true]),
]);
const china = (s: string) => new Date(`${s}+08:00`);
const rule = DEFAULT_DEADLINE_RULE;

describe('overdue cutoffs (逾期未确认 / 逾期未配送)', () => {
  it('puts the cutoff where the deadline of the last overdue start day has passed, across 国庆 and the 调休 days', () => {
    // Ordered on 2026-09-30: due by the end of 10-09 (国庆 10-01..07). On 10-10 it is overdue.
    expect(overdueCutoff(cal, 2, china('2026-10-09T20:00:00')).getTime()).toBeLessThanOrEqual(china('2026-09-30T00:00:00').getTime());
    // (and so is a line ordered during the holiday: its 2nd working day is 10-09 as well)
    expect(overdueCutoff(cal, 2, china('2026-10-10T00:30:00')).toISOString()).toBe(china('2026-10-08T00:00:00').toISOString());
    // Ordered on 10-08: the 调休 Saturday 10-10 is its 2nd working day: overdue on 10-11, not only on 10-13.
    expect(overdueCutoff(cal, 2, china('2026-10-10T23:00:00')) <= china('2026-10-08T00:00:00')).toBe(true);
    expect(overdueCutoff(cal, 2, china('2026-10-11T00:30:00')).toISOString()).toBe(china('2026-10-09T00:00:00').toISOString());
    // Confirmed on Friday 09-18 or Saturday 09-19: the 调休 Sunday 09-20 counts; due by the end of Monday 09-21.
    expect(overdueCutoff(cal, 2, china('2026-09-22T08:00:00')).toISOString()).toBe(china('2026-09-20T00:00:00').toISOString());
    const both = deadlineCutoffs(cal, { confirmWorkingDays: 1, deliverWorkingDays: 2 }, china('2026-12-09T10:00:00'));
    expect(both.confirmBefore.toISOString()).toBe(china('2026-12-08T00:00:00').toISOString());
    expect(both.deliverBefore.toISOString()).toBe(china('2026-12-07T00:00:00').toISOString());
  });

  it('flags a line by its status and start, and picks a province rule or the default', () => {
    const c = { confirmBefore: china('2026-10-01T00:00:00'), deliverBefore: china('2026-09-19T00:00:00') };
    expect(lineOverdue({ status: 'pending', orderedAt: china('2026-09-30T10:00:00'), confirmedAt: null }, c)).toBe('unconfirmed');
    expect(lineOverdue({ status: 'pending', orderedAt: china('2026-10-01T10:00:00'), confirmedAt: null }, c)).toBeNull();
    expect(lineOverdue({ status: 'delivering', orderedAt: '2026-09-10T10:00:00+08:00', confirmedAt: '2026-09-18T10:00:00+08:00' }, c)).toBe('undelivered');
    expect(lineOverdue({ status: 'delivered', orderedAt: '2026-09-10T10:00:00+08:00', confirmedAt: '2026-09-18T10:00:00+08:00' }, c)).toBeNull();
    const other = { confirmBefore: new Date(0), deliverBefore: new Date(0) };
    const all = { byProvince: new Map([['37', other]]), fallback: c };
    expect(cutoffsOf(all, '37')).toBe(other);
    expect(cutoffsOf(all, '11')).toBe(c);
    expect(cutoffsOf(all, null)).toBe(c);
  });

  it('gives the missed deadline and the whole days since', () => {
    expect(lineDeadline({ status: 'pending', orderedAt: china('2026-09-30T10:00:00'), confirmedAt: null }, cal, rule)?.toISOString()).toBe(
      '2026-10-09T15:59:59.999Z',
    );
    expect(lineDeadline({ status: 'confirmed', orderedAt: null, confirmedAt: china('2026-09-18T10:00:00') }, cal, rule)?.toISOString()).toBe(
      '2026-09-21T15:59:59.999Z',
    );
    expect(lineDeadline({ status: 'delivered', orderedAt: null, confirmedAt: null }, cal, rule)).toBeNull();
    expect(daysOverdue(new Date('2026-10-09T15:59:59.999Z'), china('2026-10-12T10:00:00'))).toBe(2);
    expect(daysOverdue(new Date('2026-10-09T15:59:59.999Z'), china('2026-10-01T10:00:00'))).toBe(0);
  });

  it('lets the hospital 取消 only a pending line overdue for confirmation', () => {
    expect(mayCancelLine('pending', 'unconfirmed')).toBe(true);
    expect(mayCancelLine('pending', null)).toBe(false);
    expect(mayCancelLine('confirmed', 'undelivered')).toBe(false);
    expect(() => assertCancellable('pending', null)).toThrow(DomainError);
    try {
      assertCancellable('pending', null);
    } catch (e) {
      expect((e as DomainError).code).toBe('LINE_NOT_OVERDUE');
      expect((e as DomainError).status).toBe(409);
    }
    expect(() => assertCancellable('confirmed', null)).toThrow('不能取消');
    expect(() => assertCancellable('pending', 'unconfirmed')).not.toThrow();
    const line = {
      status: 'pending',
      distributorOrgId: 2,
      hospitalOrgId: 1,
      deliveryMode: null,
      quantity: 5,
      deliveredQty: 0,
      deliveryCount: 0,
      receivedQty: 0,
      returnedQty: 0,
      returnPendingQty: 0,
    };
    expect(orderLineActions({ ...line, overdue: 'unconfirmed' }, { role: 'hospital', orgId: 1 })).toEqual(['cancel']);
    expect(orderLineActions({ ...line, overdue: null }, { role: 'hospital', orgId: 1 })).toEqual([]);
    expect(orderLineActions({ ...line, overdue: 'unconfirmed' }, { role: 'hospital', orgId: 9 })).toEqual([]);
    expect(orderLineActions({ ...line, overdue: 'unconfirmed' }, { role: 'distributor', orgId: 2 })).toEqual(['confirm', 'reject']);
  });
});

describe('oversight months and KPIs', () => {
  it('reads, steps and bounds China months', () => {
    expect(isMonth('2026-10')).toBe(true);
    expect(isMonth('2026-13')).toBe(false);
    expect(chinaMonth(new Date('2026-09-30T16:30:00Z'))).toBe('2026-10');
    expect(addMonths('2026-11', 3)).toBe('2027-02');
    expect(addMonths('2026-01', -1)).toBe('2025-12');
    expect(monthRange('2026-11', '2027-01')).toEqual(['2026-11', '2026-12', '2027-01']);
    expect(() => monthRange('2026-11', '2026-10')).toThrow(DomainError);
    expect(() => monthRange('2024-01', '2026-12')).toThrow('不超过24个月');
    expect(() => monthRange('2026-1', '2026-10')).toThrow('月份格式不正确');
    const b = monthBounds('2026-10');
    expect(b.from.toISOString()).toBe('2026-09-30T16:00:00.000Z');
    expect(b.to.toISOString()).toBe('2026-10-31T16:00:00.000Z');
  });

  it('counts the response, on-time and 配送率 figures of lines', () => {
    const now = china('2026-12-01T10:00:00');
    const base: KpiLine = {
      status: 'delivered',
      orderedAt: china('2026-10-12T09:00:00'),
      confirmedAt: china('2026-10-13T09:00:00'),
      closedAt: null,
      lastDeliveryAt: china('2026-10-14T09:00:00'),
      quantity: 10,
      deliveredQty: 10,
      amountFen: 1000,
      unitPriceFen: 100,
    };
    const k = emptyKpi();
    addKpiLine(k, base, cal, rule, now); // in time on both
    addKpiLine(k, { ...base, confirmedAt: china('2026-10-20T09:00:00'), lastDeliveryAt: china('2026-10-30T09:00:00') }, cal, rule, now); // both late
    addKpiLine(
      k,
      { ...base, status: 'rejected', confirmedAt: null, closedAt: china('2026-10-13T09:00:00'), lastDeliveryAt: null, deliveredQty: 0 },
      cal,
      rule,
      now,
    );
    addKpiLine(
      k,
      { ...base, status: 'pending', orderedAt: china('2026-11-30T09:00:00'), confirmedAt: null, lastDeliveryAt: null, deliveredQty: 0 },
      cal,
      rule,
      now,
    ); // not due yet
    addKpiLine(k, { ...base, status: 'delivering', deliveredQty: 5, lastDeliveryAt: null }, cal, rule, now); // late delivery
    finishKpi(k);
    expect(k.lines).toBe(5);
    expect(k.responseDue).toBe(4);
    expect(k.respondedInTime).toBe(3);
    expect(k.responseRate).toBe(0.75);
    expect(k.deliveryDue).toBe(3);
    expect(k.deliveredInTime).toBe(1);
    expect(k.onTimeRate).toBe(0.3333);
    expect(k.qtyRate).toBe(0.5);
    expect(k.amountRate).toBe(0.5);
    const sum = finishKpi(mergeKpi(emptyKpi(), k));
    expect(sum.orderedFen).toBe(5000);
    expect(rate(1, 0)).toBeNull();
    expect(rate(2, 3)).toBe(0.6667);
  });

  it('ranks the league worst first', () => {
    const a = { ...emptyKpi(), amountRate: 0.95, onTimeRate: 0.5 };
    const b = { ...emptyKpi(), amountRate: 0.7, onTimeRate: 0.9 };
    const c = { ...emptyKpi(), amountRate: 0.95, onTimeRate: 0.2 };
    expect([a, b, c].sort(leagueCompare)).toEqual([b, c, a]);
  });

  it('raises the alarm after three consecutive months below 90 %, with those months', () => {
    const m = (month: string, rateIn: number | null): MonthRate => ({
      month,
      orderedFen: 100,
      deliveredFen: rateIn === null ? 0 : rateIn * 100,
      amountRate: rateIn,
    });
    expect(deliveryRateAlarm([m('2026-07', 0.8), m('2026-08', 0.85), m('2026-09', 0.95)])).toBeNull();
    expect(deliveryRateAlarm([m('2026-07', 0.8), m('2026-08', 0.85), m('2026-09', 0.89)])?.map((x) => x.month)).toEqual(['2026-07', '2026-08', '2026-09']);
    expect(deliveryRateAlarm([m('2026-06', 0.8), m('2026-07', 0.8), m('2026-08', 0.85), m('2026-09', 0.5)])?.length).toBe(4);
    expect(deliveryRateAlarm([m('2026-07', 0.8), m('2026-08', null), m('2026-09', 0.5), m('2026-10', 0.5)])).toBeNull();
    expect(deliveryRateAlarm([m('2026-07', 0.8), m('2026-09', 0.5), m('2026-10', 0.5)])).toBeNull(); // August missing
    expect(deliveryRateAlarm([m('2026-07', 0.9), m('2026-08', 0.9), m('2026-09', 0.9)])).toBeNull(); // exactly 90 % is not below
  });
});

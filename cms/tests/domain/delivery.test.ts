import { describe, expect, it } from 'vitest';
import { assertCanWithdrawDelivery, canWithdrawDelivery, checkBatchDates, checkBatchNo, DomainError, needsRework } from '../../src/domain';

function err(fn: () => unknown): DomainError {
  try {
    fn();
  } catch (e) {
    if (e instanceof DomainError) return e;
    throw e;
  }
  throw new Error('expected a DomainError');
}

describe('needsRework (撤回修改)', () => {
  it.each([
    ['missing', true],
    ['pending', false],
    ['passed', false],
    ['failed', true],
    [null, false],
  ] as const)('%s → %s', (s, ok) => {
    expect(needsRework(s)).toBe(ok);
  });
});

describe('canWithdrawDelivery: only before receipt, only with a missing or failed invoice', () => {
  const table: Array<[string, string, boolean]> = [
    ['shipped', 'missing', true],
    ['shipped', 'pending', false],
    ['shipped', 'passed', false],
    ['shipped', 'failed', true],
    ['received', 'missing', false],
    ['received', 'pending', false],
    ['received', 'passed', false],
    ['received', 'failed', false],
    ['withdrawn', 'missing', false],
    ['withdrawn', 'pending', false],
    ['withdrawn', 'passed', false],
    ['withdrawn', 'failed', false],
  ];
  it.each(table)('delivery %s, invoice %s → %s', (d, i, ok) => {
    expect(canWithdrawDelivery(d, i)).toBe(ok);
    if (ok) expect(() => assertCanWithdrawDelivery(d, i)).not.toThrow();
    else {
      const e = err(() => assertCanWithdrawDelivery(d, i));
      expect(e.status).toBe(409);
      expect(e.code).toBe(d === 'shipped' ? 'DELIVERY_NOT_WITHDRAWABLE' : 'INVALID_TRANSITION');
    }
  });
});

describe('checkBatchDates', () => {
  const today = '2024-06-15';

  it('accepts a normal batch and returns the dates', () => {
    expect(checkBatchDates({ productionDate: '2024-01-10', expiryDate: '2027-01-09', today })).toEqual({
      productionDate: '2024-01-10',
      expiryDate: '2027-01-09',
    });
  });

  it('boundaries: produced today ok; expiring today ok; expired yesterday refused', () => {
    expect(() => checkBatchDates({ productionDate: today, expiryDate: '2025-06-15', today })).not.toThrow();
    expect(() => checkBatchDates({ productionDate: '2023-06-15', expiryDate: today, today })).not.toThrow();
    const e = err(() => checkBatchDates({ productionDate: '2023-06-15', expiryDate: '2024-06-14', today }));
    expect([e.code, e.field, e.status]).toEqual(['BATCH_EXPIRED', 'expiryDate', 400]);
  });

  it('refuses a production date after today as PRODUCTION_DATE_IN_FUTURE', () => {
    const e = err(() => checkBatchDates({ productionDate: '2024-06-16', expiryDate: '2026-01-01', today }));
    expect([e.code, e.field]).toEqual(['PRODUCTION_DATE_IN_FUTURE', 'productionDate']);
  });

  it('expiry must be strictly after production', () => {
    for (const expiryDate of ['2024-01-10', '2024-01-09']) {
      const e = err(() => checkBatchDates({ productionDate: '2024-01-10', expiryDate, today }));
      expect([e.code, e.field]).toEqual(['EXPIRY_NOT_AFTER_PRODUCTION', 'expiryDate']);
    }
  });

  it('requires both the production and the expiry date, naming the missing field', () => {
    for (const productionDate of [null, undefined, '', '  ']) {
      const e = err(() => checkBatchDates({ productionDate, expiryDate: '2026-01-01', today }));
      expect([e.code, e.field]).toEqual(['DATE_REQUIRED', 'productionDate']);
      expect(e.message).toBe('请填写生产日期');
    }
    const e = err(() => checkBatchDates({ productionDate: '2024-01-01', expiryDate: null, today }));
    expect([e.code, e.field]).toEqual(['DATE_REQUIRED', 'expiryDate']);
  });

  it('ISO dates only, real calendar dates', () => {
    for (const bad of ['2024/01/10', '20240110', '2024-1-10', '2023-02-29', '2024-13-01', '2024-04-31', 'abc']) {
      const e = err(() => checkBatchDates({ productionDate: bad, expiryDate: '2026-01-01', today }));
      expect([e.code, e.field]).toEqual(['DATE_INVALID', 'productionDate']);
    }
    expect(() => checkBatchDates({ productionDate: '2024-02-29', expiryDate: '2026-01-01', today })).not.toThrow();
    expect(() => checkBatchDates({ productionDate: '２０２４－０２－２９', expiryDate: '2026-01-01', today })).not.toThrow();
  });

  it('takes "today" as the date in China when given an instant', () => {
    // 2024-06-14T17:00Z is 2024-06-15 01:00 in Beijing
    const now = new Date('2024-06-14T17:00:00Z');
    expect(() => checkBatchDates({ productionDate: '2024-06-15', expiryDate: '2026-01-01', today: now })).not.toThrow();
    const e = err(() => checkBatchDates({ productionDate: '2023-01-01', expiryDate: '2024-06-14', today: now }));
    expect(e.code).toBe('BATCH_EXPIRED');
    // 2024-06-14T15:59Z is still 2024-06-14 in Beijing
    const before = new Date('2024-06-14T15:59:00Z');
    expect(err(() => checkBatchDates({ productionDate: '2024-06-15', expiryDate: '2026-01-01', today: before })).code).toBe('PRODUCTION_DATE_IN_FUTURE');
  });
});

describe('checkBatchNo (生产批号)', () => {
  it('is required and normalised', () => {
    expect(checkBatchNo(' Ｌ２０２４０１ ')).toBe('L202401');
    expect(checkBatchNo(20240101)).toBe('20240101');
    expect(err(() => checkBatchNo('  ')).code).toBe('BATCH_NO_REQUIRED');
    expect(err(() => checkBatchNo(null)).field).toBe('batchNo');
    expect(err(() => checkBatchNo('x'.repeat(51))).code).toBe('BATCH_NO_INVALID');
  });
});

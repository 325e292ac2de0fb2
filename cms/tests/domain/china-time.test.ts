import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { chinaDateTime, chinaIso, dayNumberToIsoDate, DomainError, isoDateToDayNumber, toDate, toIsoDate } from '../../src/domain';

const AT = new Date('2026-12-01T01:13:56.000Z');

describe('chinaIso (date-times the API writes)', () => {
  it('writes an instant as ISO 8601 with +08:00, the China wall clock', () => {
    expect(chinaIso(AT)).toBe('2026-12-01T09:13:56.000+08:00');
  });

  it('crosses the date line at 16:00 UTC', () => {
    expect(chinaIso('2026-11-30T16:00:00.000Z')).toBe('2026-12-01T00:00:00.000+08:00');
  });

  it('takes epoch milliseconds as a number or a digit string', () => {
    expect(chinaIso(AT.getTime())).toBe('2026-12-01T09:13:56.000+08:00');
    expect(chinaIso(String(AT.getTime()))).toBe('2026-12-01T09:13:56.000+08:00');
  });

  it('answers null for a missing or invalid value', () => {
    for (const v of [null, undefined, '', 'not a date']) expect(chinaIso(v)).toBeNull();
  });

  it('names the same instant it was given (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 4_102_444_800_000 }), (ms) => {
        expect(new Date(chinaIso(ms)!).getTime()).toBe(ms);
      }),
    );
  });
});

describe('chinaDateTime (what people and exports see)', () => {
  it('shows YYYY-MM-DD HH:mm:ss in China time', () => {
    expect(chinaDateTime(AT)).toBe('2026-12-01 09:13:56');
    expect(chinaDateTime('2026-12-01T09:13:56.000+08:00')).toBe('2026-12-01 09:13:56');
  });

  it('drops the seconds on request', () => {
    expect(chinaDateTime(AT, { seconds: false })).toBe('2026-12-01 09:13');
  });

  it('shows an empty string for a missing or invalid value', () => {
    for (const v of [null, undefined, '', 'not a date']) expect(chinaDateTime(v)).toBe('');
  });
});

describe('day numbers, toDate and toIsoDate', () => {
  it('counts days since 1970-01-01 and back', () => {
    expect(isoDateToDayNumber('1970-01-02')).toBe(1);
    expect(dayNumberToIsoDate(isoDateToDayNumber('2024-02-29'))).toBe('2024-02-29');
  });

  it('refuses a malformed date as DATE_INVALID on the named field', () => {
    const e = (() => {
      try {
        isoDateToDayNumber('2024-13-01', 'expiryDate');
      } catch (err) {
        return err as DomainError;
      }
      throw new Error('no error');
    })();
    expect([e.code, e.status, e.field]).toEqual(['DATE_INVALID', 400, 'expiryDate']);
  });

  it('toDate accepts a Date or a parseable string and refuses anything else', () => {
    expect(toDate('2026-12-01T01:13:56.000Z').getTime()).toBe(AT.getTime());
    expect(toDate(AT)).toBe(AT);
    expect(() => toDate('yesterday', 'at')).toThrowError(expect.objectContaining({ code: 'DATE_INVALID', field: 'at' }));
  });

  it("toIsoDate answers a Date's or a date-time's calendar date in China, and an ISO date as it is", () => {
    expect(toIsoDate(new Date('2026-11-30T16:30:00.000Z'))).toBe('2026-12-01');
    expect(toIsoDate('2026-11-30T16:30:00.000Z')).toBe('2026-12-01');
    expect(toIsoDate('2024-02-29')).toBe('2024-02-29');
    expect(() => toIsoDate('2023-02-29')).toThrowError(expect.objectContaining({ code: 'DATE_INVALID' }));
  });
});

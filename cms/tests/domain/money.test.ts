import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DomainError, formatFen, lineAmountFen, sumFen, yuanToFen } from '../../src/domain';

function code(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    if (e instanceof DomainError) return e.code;
    throw e;
  }
  return 'OK';
}

describe('yuanToFen', () => {
  it.each<[string | number, number]>([
    ['12.34', 1234],
    [12.34, 1234],
    ['0', 0],
    ['0.1', 10],
    ['0.01', 1],
    ['100', 10000],
    [100, 10000],
    ['1,234.50', 123450],
    ['¥8.8', 880],
    ['１２.３４', 1234],
    [0.1 + 0.2, 30],
    [19.99, 1999],
  ])('%j → %i', (v, fen) => {
    expect(yuanToFen(v)).toBe(fen);
  });

  it.each<[string | number]>([
    ['12.345'],
    [12.345],
    [1.005],
    ['-1'],
    [-1],
    ['abc'],
    [''],
    ['1.2.3'],
    [Number.NaN],
    [Infinity],
    ['1e3'],
    ['99999999999999999999'],
  ])('rejects %j', (v) => {
    expect(code(() => yuanToFen(v))).toBe('MONEY_INVALID');
  });

  it('says why and names the field', () => {
    expect(() => yuanToFen('1.234')).toThrow('金额最多两位小数');
    expect(() => yuanToFen('-1')).toThrow('金额不能为负数');
    try {
      yuanToFen('x', 'unitPrice');
    } catch (e) {
      expect((e as DomainError).field).toBe('unitPrice');
    }
  });
});

describe('formatFen', () => {
  it.each([
    [1234, '12.34'],
    [0, '0.00'],
    [5, '0.05'],
    [100, '1.00'],
    [-5, '-0.05'],
    [-123456, '-1234.56'],
  ])('%i → %s', (fen, s) => {
    expect(formatFen(fen)).toBe(s);
  });

  it('groups thousands on request', () => {
    expect(formatFen(123456789, { grouping: true })).toBe('1,234,567.89');
    expect(formatFen(99, { grouping: true })).toBe('0.99');
  });

  it('round-trips (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }), (fen) => {
        expect(yuanToFen(formatFen(fen))).toBe(fen);
        expect(yuanToFen(formatFen(fen, { grouping: true }))).toBe(fen);
      }),
    );
  });

  it('refuses a non-integer amount of fen as MONEY_INVALID', () => {
    expect(code(() => formatFen(1.5))).toBe('MONEY_INVALID');
  });
});

describe('lineAmountFen', () => {
  it('multiplies the unit price in fen by the quantity', () => {
    expect(lineAmountFen(1234, 3)).toBe(3702);
    expect(lineAmountFen(0, 3)).toBe(0);
  });
  it('refuses an overflowing amount (AMOUNT_OVERFLOW), a negative or fractional price (MONEY_INVALID) and a fractional quantity', () => {
    expect(code(() => lineAmountFen(Number.MAX_SAFE_INTEGER, 2))).toBe('AMOUNT_OVERFLOW');
    expect(code(() => lineAmountFen(1.5, 2))).toBe('MONEY_INVALID');
    expect(code(() => lineAmountFen(-1, 2))).toBe('MONEY_INVALID');
    expect(code(() => lineAmountFen(100, 1.5))).toBe('QUANTITY_INVALID');
  });
  it('sumFen adds amounts and refuses a sum beyond the safe integer range', () => {
    expect(sumFen([1, 2, 3])).toBe(6);
    expect(code(() => sumFen([Number.MAX_SAFE_INTEGER, 1]))).toBe('AMOUNT_OVERFLOW');
  });
});

import { describe, expect, it } from 'vitest';
import {
  addMonths,
  deliveryDelta,
  deliveryRate,
  lastMonths,
  lineStatFigures,
  monthEnd,
  ORDERED_LINE_STATUSES,
  rateBucket,
  splitRange,
  receiptDelta,
  returnDelta,
  statKeyOf,
  statRow,
  statusChangeDelta,
  thisMonthRange,
  zeroFigures,
} from '../../src/domain';

const line = { status: 'delivering', quantity: 10, unitPriceFen: 250, deliveredQty: 4, receivedQty: 3, returnedQty: 1 };

describe('statistics figures', () => {
  it('lineStatFigures: an ordered line counts everything; a rejected one nothing; a terminated one also as terminated', () => {
    expect(lineStatFigures(line)).toEqual({
      lines: 1,
      orderedQty: 10,
      orderedFen: 2500,
      deliveredQty: 4,
      deliveredFen: 1000,
      receivedQty: 3,
      returnedQty: 1,
      returnedFen: 250,
      terminatedLines: 0,
    });
    expect(lineStatFigures({ ...line, status: 'rejected' })).toEqual(zeroFigures());
    expect(lineStatFigures({ ...line, status: 'terminated' }).terminatedLines).toBe(1);
    expect(ORDERED_LINE_STATUSES).not.toContain('rejected');
  });

  it('statusChangeDelta: placement adds the ordered figures, rejection takes them away, termination only counts the line', () => {
    const pending = { ...line, status: 'pending', deliveredQty: 0, receivedQty: 0, returnedQty: 0 };
    expect(statusChangeDelta(null, 'pending', pending)).toMatchObject({ lines: 1, orderedQty: 10, orderedFen: 2500, deliveredQty: 0 });
    expect(statusChangeDelta('pending', 'rejected', pending)).toMatchObject({ lines: -1, orderedQty: -10, orderedFen: -2500 });
    expect(statusChangeDelta('delivering', 'terminated', line)).toEqual({ ...zeroFigures(), terminatedLines: 1 });
  });

  it('deliveryDelta, receiptDelta, returnDelta: quantities and amounts in fen', () => {
    expect(deliveryDelta(3, 250, 1)).toEqual({ deliveredQty: 3, deliveredFen: 750 });
    expect(deliveryDelta(3, 250, -1)).toEqual({ deliveredQty: -3, deliveredFen: -750 });
    expect(receiptDelta(2)).toEqual({ receivedQty: 2 });
    expect(returnDelta(2, 250)).toEqual({ returnedQty: 2, returnedFen: 500 });
  });

  it('statKeyOf: the order day in China time; no manufacturer is 0', () => {
    const k = statKeyOf({
      orderedAt: new Date('2026-11-30T16:30:00Z'),
      productId: 1,
      distributorOrgId: 2,
      hospitalOrgId: 3,
      manufacturerOrgId: null,
      provinceCode: '11',
    });
    expect(k).toEqual({ day: '2026-12-01', productId: 1, distributorOrgId: 2, hospitalOrgId: 3, manufacturerOrgId: 0, provinceCode: '11' });
  });

  it('deliveryRate, statRow, rateBucket', () => {
    expect(deliveryRate(3, 4)).toBe(0.75);
    expect(deliveryRate(0, 0)).toBeNull();
    const r = statRow(7, 'x', null, { ...zeroFigures(), orderedQty: 4, deliveredQty: 3, orderedFen: 100, deliveredFen: 50 });
    expect(r).toMatchObject({ key: 7, rateByQty: 0.75, rateByAmount: 0.5 });
    expect([0, 0.49, 0.5, 0.85, 0.9, 0.999, 1].map(rateBucket)).toEqual(['lt50', 'lt50', '50to80', '80to90', '90to100', '90to100', 'full']);
    expect(rateBucket(null)).toBeNull();
  });

  it('thisMonthRange, lastMonths, monthEnd: China time', () => {
    const at = new Date('2026-11-30T17:00:00Z'); // 2026-12-01 01:00 in China
    expect(thisMonthRange(at)).toEqual({ from: '2026-12-01', to: '2026-12-01' });
    expect(lastMonths(at, 3)).toEqual(['2026-10', '2026-11', '2026-12']);
    expect(lastMonths(new Date('2026-02-10T00:00:00Z'), 3)).toEqual(['2025-12', '2026-01', '2026-02']);
    expect(lastMonths(at, 12)).toHaveLength(12);
    expect(monthEnd('2028-02')).toBe('2028-02-29');
    expect(monthEnd('2026-12')).toBe('2026-12-31');
  });

  it('addMonths and splitRange: whole months from the monthly sums, the ends from the daily', () => {
    expect(addMonths('2026-12', 1)).toBe('2027-01');
    expect(addMonths('2026-01', -1)).toBe('2025-12');
    expect(splitRange('2026-12-01', '2026-12-02')).toEqual({ months: null, days: [['2026-12-01', '2026-12-02']] });
    expect(splitRange('2026-11-01', '2026-11-30')).toEqual({ months: ['2026-11', '2026-11'], days: [] });
    expect(splitRange('2026-10-15', '2026-12-02')).toEqual({
      months: ['2026-11', '2026-11'],
      days: [
        ['2026-10-15', '2026-10-31'],
        ['2026-12-01', '2026-12-02'],
      ],
    });
    expect(splitRange('2026-01-01', '2026-12-31')).toEqual({ months: ['2026-01', '2026-12'], days: [] });
    expect(splitRange('2026-11-15', '2026-12-10')).toEqual({ months: null, days: [['2026-11-15', '2026-12-10']] });
  });
});

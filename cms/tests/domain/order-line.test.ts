import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  checkDelivery,
  DELIVERY_MODE_LABELS,
  DELIVERY_MODES,
  DomainError,
  modeAfterWithdraw,
  statusAfterWithdraw,
  type DeliveryCheckInput,
  type DeliveryMode,
} from '../../src/domain';

const base: DeliveryCheckInput = {
  status: 'confirmed',
  mode: null,
  ordered: 10,
  delivered: 0,
  deliveries: 0,
  requestedMode: 'standard',
  quantity: 10,
};

function code(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    if (e instanceof DomainError) return e.code;
    throw e;
  }
  return 'OK';
}

describe('delivery modes', () => {
  it('are standard 标准配送 and batch 分批次配送', () => {
    expect(DELIVERY_MODES).toEqual(['standard', 'batch']);
    expect(DELIVERY_MODE_LABELS.standard.zh).toBe('标准配送');
    expect(DELIVERY_MODE_LABELS.batch.zh).toBe('分批次配送');
  });
});

describe('checkDelivery: line status', () => {
  const table: Array<[string, string]> = [
    ['pending', 'LINE_NOT_DELIVERABLE'],
    ['confirmed', 'OK'],
    ['rejected', 'LINE_NOT_DELIVERABLE'],
    ['delivering', 'OK'],
    ['delivered', 'LINE_NOT_DELIVERABLE'],
    ['terminated', 'LINE_NOT_DELIVERABLE'],
  ];
  it.each(table)('%s → %s', (status, expected) => {
    const input: DeliveryCheckInput =
      status === 'delivering' ? { ...base, status, mode: 'batch', delivered: 4, deliveries: 1, requestedMode: 'batch', quantity: 1 } : { ...base, status };
    expect(code(() => checkDelivery(input))).toBe(expected);
  });

  it('refusal is a 409 naming the status', () => {
    expect(() => checkDelivery({ ...base, status: 'terminated' })).toThrow('已终止');
    expect(() => checkDelivery({ ...base, status: 'terminated' })).toThrowError(expect.objectContaining({ status: 409 }));
  });
});

describe('checkDelivery: standard 标准配送', () => {
  it('delivers up to the ordered quantity once; the line is then delivered', () => {
    expect(checkDelivery(base)).toEqual({ mode: 'standard', newDelivered: 10, newStatus: 'delivered' });
    expect(checkDelivery({ ...base, quantity: 3 })).toEqual({ mode: 'standard', newDelivered: 3, newStatus: 'delivered' });
    expect(checkDelivery({ ...base, quantity: 1 })).toEqual({ mode: 'standard', newDelivered: 1, newStatus: 'delivered' });
  });

  it('refuses more than ordered, saying how many remain', () => {
    expect(code(() => checkDelivery({ ...base, quantity: 11 }))).toBe('QUANTITY_EXCEEDS');
    expect(() => checkDelivery({ ...base, quantity: 11 })).toThrow('最多还可配送10');
  });

  it('refuses a second standard delivery', () => {
    expect(code(() => checkDelivery({ ...base, mode: 'standard', delivered: 3, deliveries: 1, quantity: 1 }))).toBe('STANDARD_ONCE');
  });

  it('allows a new standard delivery after the only one was withdrawn (0 non-withdrawn)', () => {
    expect(checkDelivery({ ...base, mode: 'standard', delivered: 0, deliveries: 0, quantity: 5 })).toEqual({
      mode: 'standard',
      newDelivered: 5,
      newStatus: 'delivered',
    });
  });
});

describe('checkDelivery: batch 分批次配送', () => {
  const batch: DeliveryCheckInput = { ...base, requestedMode: 'batch', quantity: 4 };

  it('is delivering until the total equals the ordered quantity', () => {
    expect(checkDelivery(batch)).toEqual({ mode: 'batch', newDelivered: 4, newStatus: 'delivering' });
    expect(checkDelivery({ ...batch, status: 'delivering', mode: 'batch', delivered: 4, deliveries: 1, quantity: 5 })).toEqual({
      mode: 'batch',
      newDelivered: 9,
      newStatus: 'delivering',
    });
    expect(checkDelivery({ ...batch, status: 'delivering', mode: 'batch', delivered: 9, deliveries: 2, quantity: 1 })).toEqual({
      mode: 'batch',
      newDelivered: 10,
      newStatus: 'delivered',
    });
    expect(checkDelivery({ ...batch, quantity: 10 })).toEqual({ mode: 'batch', newDelivered: 10, newStatus: 'delivered' });
  });

  it('never goes above the ordered total', () => {
    const input = { ...batch, status: 'delivering', mode: 'batch' as const, delivered: 7, deliveries: 2, quantity: 4 };
    expect(code(() => checkDelivery(input))).toBe('QUANTITY_EXCEEDS');
    expect(() => checkDelivery(input)).toThrow('最多还可配送3');
    try {
      checkDelivery(input);
    } catch (e) {
      expect((e as DomainError).field).toBe('quantity');
      expect((e as DomainError).details).toMatchObject({ remaining: 3 });
    }
  });

  it('locks the mode once chosen', () => {
    expect(code(() => checkDelivery({ ...base, status: 'delivering', mode: 'batch', delivered: 2, deliveries: 1, quantity: 1 }))).toBe('MODE_LOCKED');
    expect(() => checkDelivery({ ...base, status: 'delivering', mode: 'batch', delivered: 2, deliveries: 1, quantity: 1 })).toThrow('分批次配送');
    expect(code(() => checkDelivery({ ...batch, mode: 'standard', delivered: 0, deliveries: 0 }))).toBe('MODE_LOCKED');
  });
});

describe('checkDelivery: quantity and mode input', () => {
  it.each([0, -1, 1.5, Number.NaN, Infinity, '3', null, undefined, 2 ** 60])('quantity %s → QUANTITY_INVALID', (q) => {
    expect(code(() => checkDelivery({ ...base, quantity: q }))).toBe('QUANTITY_INVALID');
  });

  it.each(['', 'express', 'Standard'])('mode %j → DELIVERY_MODE_INVALID', (m) => {
    expect(code(() => checkDelivery({ ...base, requestedMode: m }))).toBe('DELIVERY_MODE_INVALID');
  });

  it('refuses corrupt line data', () => {
    expect(code(() => checkDelivery({ ...base, ordered: 0 }))).toBe('LINE_DATA_INVALID');
    expect(code(() => checkDelivery({ ...base, delivered: -1 }))).toBe('LINE_DATA_INVALID');
  });
});

describe('after a withdrawal (撤回)', () => {
  const table: Array<[DeliveryMode | null, number, number, string | undefined, string]> = [
    ['standard', 10, 0, 'delivered', 'confirmed'],
    ['batch', 10, 0, 'delivering', 'confirmed'],
    ['batch', 10, 0, 'delivered', 'confirmed'],
    ['batch', 10, 4, 'delivering', 'delivering'],
    ['batch', 10, 4, 'delivered', 'delivering'],
    ['batch', 10, 9, 'delivered', 'delivering'],
    ['batch', 10, 10, 'delivered', 'delivered'],
    ['standard', 10, 0, 'terminated', 'terminated'],
    ['batch', 10, 3, 'terminated', 'terminated'],
  ];
  it.each(table)('%s ordered %i delivered %i (was %s) → %s', (mode, ordered, delivered, status, expected) => {
    expect(statusAfterWithdraw({ mode, ordered, delivered, status: status ?? null })).toBe(expected);
  });

  it('batch stays locked; standard unlocks once nothing is delivered', () => {
    expect(modeAfterWithdraw({ mode: 'batch', delivered: 0 })).toBe('batch');
    expect(modeAfterWithdraw({ mode: 'batch', delivered: 3 })).toBe('batch');
    expect(modeAfterWithdraw({ mode: 'standard', delivered: 0 })).toBeNull();
    expect(modeAfterWithdraw({ mode: null, delivered: 0 })).toBeNull();
  });
});

// A model of a line: the server applies checkDelivery / statusAfterWithdraw / modeAfterWithdraw.
type Op = { kind: 'deliver'; mode: DeliveryMode; quantity: number } | { kind: 'withdraw'; index: number };

interface Line {
  status: string;
  mode: DeliveryMode | null;
  ordered: number;
  deliveries: number[]; // non-withdrawn quantities
}

function apply(line: Line, op: Op): void {
  const delivered = line.deliveries.reduce((a, b) => a + b, 0);
  if (op.kind === 'deliver') {
    try {
      const r = checkDelivery({
        status: line.status,
        mode: line.mode,
        ordered: line.ordered,
        delivered,
        deliveries: line.deliveries.length,
        requestedMode: op.mode,
        quantity: op.quantity,
      });
      expect(r.newDelivered).toBe(delivered + op.quantity);
      line.deliveries.push(op.quantity);
      line.mode = r.mode;
      line.status = r.newStatus;
    } catch (e) {
      expect(e).toBeInstanceOf(DomainError);
    }
  } else if (line.deliveries.length > 0) {
    line.deliveries.splice(op.index % line.deliveries.length, 1);
    const after = line.deliveries.reduce((a, b) => a + b, 0);
    line.status = statusAfterWithdraw({ mode: line.mode, ordered: line.ordered, delivered: after, status: line.status });
    line.mode = modeAfterWithdraw({ mode: line.mode, delivered: after });
  }
}

describe('property: no sequence of deliveries and withdrawals exceeds the ordered quantity', () => {
  const op: fc.Arbitrary<Op> = fc.oneof(
    fc.record({
      kind: fc.constant('deliver' as const),
      mode: fc.constantFrom<DeliveryMode>('standard', 'batch'),
      quantity: fc.oneof(fc.integer({ min: -2, max: 25 }), fc.double({ min: 0, max: 5 })),
    }),
    fc.record({ kind: fc.constant('withdraw' as const), index: fc.nat(20) }),
  );

  it('holds for random sequences', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 20 }), fc.array(op, { maxLength: 40 }), (ordered, ops) => {
        const line: Line = { status: 'confirmed', mode: null, ordered, deliveries: [] };
        for (const o of ops) {
          apply(line, o);
          const total = line.deliveries.reduce((a, b) => a + b, 0);
          expect(total).toBeLessThanOrEqual(ordered);
          expect(line.deliveries.every((q) => Number.isInteger(q) && q >= 1)).toBe(true);
          if (line.mode === 'standard') expect(line.deliveries.length).toBeLessThanOrEqual(1);
          // status agrees with quantities
          if (total === 0) expect(line.status).toBe('confirmed');
          else if (line.mode === 'standard') expect(line.status).toBe('delivered');
          else expect(line.status).toBe(total === ordered ? 'delivered' : 'delivering');
        }
      }),
      { numRuns: 500 },
    );
  });

  it('a batch mode, once chosen, is never changed by any sequence', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 20 }), fc.array(op, { maxLength: 30 }), (ordered, ops) => {
        const line: Line = { status: 'confirmed', mode: null, ordered, deliveries: [] };
        apply(line, { kind: 'deliver', mode: 'batch', quantity: 1 });
        expect(line.mode).toBe('batch');
        for (const o of ops) {
          apply(line, o);
          expect(line.mode).toBe('batch');
        }
      }),
      { numRuns: 300 },
    );
  });
});

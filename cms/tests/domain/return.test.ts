import { describe, expect, it } from 'vitest';
import { checkReturn, checkReturnRequest, DomainError } from '../../src/domain';

function code(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    if (e instanceof DomainError) return e.code;
    throw e;
  }
  return 'OK';
}

describe('checkReturn', () => {
  const table: Array<[number, number, unknown, string]> = [
    [10, 0, 1, 'OK'],
    [10, 0, 10, 'OK'],
    [10, 0, 11, 'RETURN_EXCEEDS'],
    [10, 4, 6, 'OK'],
    [10, 4, 7, 'RETURN_EXCEEDS'],
    [10, 10, 1, 'RETURN_EXCEEDS'],
    [0, 0, 1, 'RETURN_EXCEEDS'],
    [10, 0, 0, 'QUANTITY_INVALID'],
    [10, 0, -1, 'QUANTITY_INVALID'],
    [10, 0, 2.5, 'QUANTITY_INVALID'],
    [10, 0, '2', 'QUANTITY_INVALID'],
    [10, 0, Number.NaN, 'QUANTITY_INVALID'],
  ];
  it.each(table)('received %i, returned or pending %i, asking %s → %s', (received, returnedOrPending, quantity, expected) => {
    expect(code(() => checkReturn({ received, returnedOrPending, quantity }))).toBe(expected);
  });

  it('returns what remains and explains an excess', () => {
    expect(checkReturn({ received: 10, returnedOrPending: 4, quantity: 2 })).toEqual({ quantity: 2, remaining: 4 });
    expect(() => checkReturn({ received: 10, returnedOrPending: 4, quantity: 7 })).toThrow('最多还可退6');
    try {
      checkReturn({ received: 10, returnedOrPending: 4, quantity: 7 });
    } catch (e) {
      expect((e as DomainError).status).toBe(409);
      expect((e as DomainError).field).toBe('quantity');
    }
  });

  it('a return request needs a reason', () => {
    expect(checkReturnRequest({ received: 5, returnedOrPending: 0, quantity: 1, reason: ' 包装破损 ' })).toEqual({
      quantity: 1,
      remaining: 4,
      reason: '包装破损',
    });
    expect(code(() => checkReturnRequest({ received: 5, returnedOrPending: 0, quantity: 1, reason: ' ' }))).toBe('REASON_REQUIRED');
    expect(code(() => checkReturnRequest({ received: 5, returnedOrPending: 0, quantity: 1, reason: null }))).toBe('REASON_REQUIRED');
    expect(code(() => checkReturnRequest({ received: 5, returnedOrPending: 0, quantity: 9, reason: 'x' }))).toBe('RETURN_EXCEEDS');
  });
});

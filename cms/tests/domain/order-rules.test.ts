import { describe, expect, it } from 'vitest';
import {
  canDeliverMore,
  chinaDayBounds,
  DomainError,
  initialInvoiceStatus,
  invoiceInputAction,
  isOrderQuantity,
  isWithdrawn,
  LINE_STATUS,
  LINE_TAB_STATUSES,
  lineStatusFilter,
  MAX_QUANTITY,
  optionalReason,
  orderLineMachine,
  orderRemark,
  REASON_MAX_LENGTH,
  requireReason,
  returnableQuantity,
  TODO_STATUSES,
} from '../../src/domain';

const codeOf = (fn: () => unknown) => {
  try {
    fn();
  } catch (e) {
    if (e instanceof DomainError) return e.code;
    throw e;
  }
  return 'OK';
};

describe('order-line rules', () => {
  it('LINE_STATUS names every state of the machine and only those', () => {
    expect(Object.keys(LINE_STATUS).sort()).toEqual([...orderLineMachine.stateNames].sort());
    for (const [k, v] of Object.entries(LINE_STATUS)) expect(k).toBe(v);
  });

  it('a status filter is limited to its tab; a tab alone lists its statuses; nothing means no restriction', () => {
    expect(lineStatusFilter('todo', undefined)).toEqual(LINE_TAB_STATUSES.todo);
    expect(lineStatusFilter('todo', ['pending', 'delivered'])).toEqual(['pending']);
    expect(lineStatusFilter('delivered', ['pending'])).toEqual([]);
    expect(lineStatusFilter('all', ['rejected'])).toEqual(['rejected']);
    expect(lineStatusFilter(undefined, undefined)).toBeUndefined();
    expect(lineStatusFilter('all', undefined)).toBeUndefined();
  });

  it('orderable quantities are integers from 1 to MAX_QUANTITY', () => {
    for (const q of [1, 5, MAX_QUANTITY]) expect(isOrderQuantity(q)).toBe(true);
    for (const q of [0, -1, 1.5, MAX_QUANTITY + 1, '3', null, Number.NaN]) expect(isOrderQuantity(q)).toBe(false);
  });

  it('a remark is trimmed, cut at 500 characters, blank is null', () => {
    expect(orderRemark('  急用  ')).toBe('急用');
    expect(orderRemark('   ')).toBeNull();
    expect(orderRemark(7)).toBeNull();
    expect(orderRemark('x'.repeat(600))).toHaveLength(500);
  });

  it('canDeliverMore: deliverable status, quantity left, and not after a standard delivery', () => {
    const l = { status: 'confirmed', mode: null, ordered: 5, delivered: 0, deliveries: 0 };
    expect(canDeliverMore(l)).toBe(true);
    expect(canDeliverMore({ ...l, status: 'pending' })).toBe(false);
    expect(canDeliverMore({ ...l, mode: 'standard', deliveries: 1, delivered: 2 })).toBe(false);
    expect(canDeliverMore({ ...l, status: 'delivering', mode: 'batch', deliveries: 1, delivered: 5 })).toBe(false);
  });

  it('returnableQuantity: received less returned and asked, never negative', () => {
    expect(returnableQuantity(6, 1, 2)).toBe(3);
    expect(returnableQuantity(2, 2, 1)).toBe(0);
  });

  it('chinaDayBounds: from the start of the first China day to the end of the last; bad days answer DATE_INVALID', () => {
    expect(chinaDayBounds('2026-12-01', '2026-12-01')).toEqual({ from: new Date('2026-11-30T16:00:00Z'), to: new Date('2026-12-01T16:00:00Z') });
    expect(chinaDayBounds(undefined, undefined)).toEqual({});
    expect(codeOf(() => chinaDayBounds('2024-99-01', undefined))).toBe('DATE_INVALID');
  });
});

describe('reasons', () => {
  it('requireReason: blank → REASON_REQUIRED (with the action in the message), too long → REASON_TOO_LONG, else trimmed', () => {
    expect(requireReason('  库存不足 ', '拒绝')).toBe('库存不足');
    expect(() => requireReason('  ', '拒绝')).toThrow('请填写拒绝理由');
    expect(codeOf(() => requireReason(undefined, '拒绝'))).toBe('REASON_REQUIRED');
    expect(codeOf(() => requireReason('x'.repeat(REASON_MAX_LENGTH + 1), '拒绝'))).toBe('REASON_TOO_LONG');
  });

  it('optionalReason: blank → null, too long → REASON_TOO_LONG', () => {
    expect(optionalReason('')).toBeNull();
    expect(optionalReason(' 停产 ')).toBe('停产');
    expect(codeOf(() => optionalReason('x'.repeat(REASON_MAX_LENGTH + 1)))).toBe('REASON_TOO_LONG');
  });
});

describe('delivery and invoice rules', () => {
  it('a new delivery’s invoice is 待查验 with an invoice, 未填写 without; invoice input fills a missing one, else modifies', () => {
    expect(initialInvoiceStatus(true)).toBe('pending');
    expect(initialInvoiceStatus(false)).toBe('missing');
    expect(invoiceInputAction('missing')).toBe('fill');
    expect(invoiceInputAction('failed')).toBe('modify');
    expect(isWithdrawn('withdrawn')).toBe(true);
    expect(isWithdrawn('shipped')).toBe(false);
  });

  it('to-do statuses: what each side answers', () => {
    expect(TODO_STATUSES.distributorRelationships).toEqual(['pending', 'revoking']);
    expect(TODO_STATUSES.distributorOrderLines).toEqual(['pending']);
    expect(TODO_STATUSES.distributorInvoices).toEqual(['missing', 'failed']);
    expect(TODO_STATUSES.hospitalReceipts).toEqual(['shipped']);
    expect(TODO_STATUSES.hospitalInvoiceChecks).toEqual(['pending']);
    expect(TODO_STATUSES.hospitalTerminating).toEqual(['terminating']);
    expect(TODO_STATUSES.distributorDelegations).toEqual(['pending']);
    expect(TODO_STATUSES.manufacturerDelegations).toEqual(['pending']);
  });
});

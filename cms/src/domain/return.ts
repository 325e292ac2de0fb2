/**
 * Returns 退货: the hospital asks to return part of what it received (with a reason); the
 * distributor agrees 同意退货 (the quantity is recorded as returned) or refuses 拒绝退货 (reason).
 */
import { DomainError } from './errors';
import { isNonNegativeInteger, isPositiveInteger } from './quantity';
import { defineMachine, normaliseReason, REASON_MAX_LENGTH, type StateOf, type TransitionOf } from './state-machine';

export const returnMachine = defineMachine({
  name: 'return',
  states: {
    pending: { zh: '待处理', en: 'Pending', color: 'gold' },
    agreed: { zh: '已同意退货', en: 'Return agreed', color: 'green' },
    refused: { zh: '已拒绝退货', en: 'Return refused', color: 'red' },
  },
  transitions: {
    agree: { from: ['pending'], to: 'agreed', by: ['distributor'], zh: '同意退货', en: 'Agree to return' },
    refuse: { from: ['pending'], to: 'refused', by: ['distributor'], reason: true, zh: '拒绝退货', en: 'Refuse return' },
  },
});

export type ReturnStatus = StateOf<typeof returnMachine>;
export type ReturnTransition = TransitionOf<typeof returnMachine>;

/** Every return-request status by name, for code outside the domain. */
export const RETURN_STATUS = {
  pending: 'pending',
  agreed: 'agreed',
  refused: 'refused',
} as const satisfies { readonly [K in ReturnStatus]: K };

/** Return-request statuses the distributor answers (同意退货 / 拒绝退货). */
export const ANSWERABLE_RETURN_STATUSES: readonly ReturnStatus[] = returnMachine.transitions.agree.from;

export interface ReturnCheckInput {
  /** Quantity received by the hospital (deliveries in status received). */
  received: number;
  /** Quantity already returned (agreed) or asked to return (pending) — refused requests do not count. */
  returnedOrPending: number;
  quantity: unknown;
}

/**
 * Checks a return request's quantity: an integer ≥ 1 (QUANTITY_INVALID, 400) and
 * returnedOrPending + quantity ≤ received (RETURN_EXCEEDS, 409). Returns what remains returnable after it.
 */
export function checkReturn(input: ReturnCheckInput): { quantity: number; remaining: number } {
  const { received, returnedOrPending, quantity } = input;
  if (!isPositiveInteger(quantity)) {
    throw new DomainError('QUANTITY_INVALID', '退货数量必须为大于等于1的整数', {
      status: 400,
      field: 'quantity',
      details: { value: quantity },
    });
  }
  if (!isNonNegativeInteger(received) || !isNonNegativeInteger(returnedOrPending)) {
    throw new DomainError('LINE_DATA_INVALID', '退货数量数据异常', { status: 500, details: { received, returnedOrPending } });
  }
  const returnable = Math.max(0, received - returnedOrPending);
  if (quantity > returnable) {
    throw new DomainError('RETURN_EXCEEDS', `退货数量超出可退数量：已收货${received}，已退货或退货中${returnedOrPending}，最多还可退${returnable}`, {
      status: 409,
      field: 'quantity',
      details: { received, returnedOrPending, returnable, quantity },
    });
  }
  return { quantity, remaining: returnable - quantity };
}

/** checkReturn plus the hospital's reason (required: REASON_REQUIRED, field reason). */
export function checkReturnRequest(input: ReturnCheckInput & { reason: string | null | undefined }): { quantity: number; remaining: number; reason: string } {
  const reason = normaliseReason(input.reason);
  if (reason === null) throw new DomainError('REASON_REQUIRED', '请填写退货理由', { status: 400, field: 'reason' });
  if (reason.length > REASON_MAX_LENGTH) {
    throw new DomainError('REASON_TOO_LONG', `理由不能超过${REASON_MAX_LENGTH}个字`, { status: 400, field: 'reason' });
  }
  return { ...checkReturn(input), reason };
}

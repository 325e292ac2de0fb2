/**
 * Order lines 订单明细 and their delivery quantity rules.
 *
 * pending 待确认 → confirmed 企业已确认 (confirm) | rejected 已拒绝 (reject, reason).
 * confirmed → delivering 配送中 / delivered 已配送 through deliveries (checkDelivery, not a
 * machine transition: the target depends on quantities). confirmed | delivering → terminated 已终止
 * (终止配送; what was delivered stays). pending → cancelled 已取消 (cancel, reason): the hospital, only
 * once the line is overdue for confirmation (逾期未确认, domain/overdue.ts).
 *
 * Delivery modes, chosen at the first delivery:
 * - standard 标准配送: one delivery, quantity ≤ ordered; the line is then delivered (fully, even
 *   when less than ordered was shipped).
 * - batch 分批次配送: several deliveries, total ≤ ordered; delivering until total == ordered.
 *
 * Choices where the manual is silent (see statusAfterWithdraw / modeAfterWithdraw):
 * - Withdrawing (撤回) a delivery makes its quantity undelivered again.
 * - Batch mode stays locked after a withdrawal ("一旦确定分批次配送，配送方式将立即锁定").
 * - Standard mode: its single delivery withdrawn, nothing is delivered; the line is confirmed
 *   again and its mode is unlocked (null): the next delivery is again "the first delivery".
 * - A terminated line stays terminated when one of its deliveries is withdrawn.
 */
import { CHINA_UTC_OFFSET_MINUTES, DAY_MS, isoDateToDayNumber } from './dates';
import { DomainError } from './errors';
import { isNonNegativeInteger, isPositiveInteger } from './quantity';
import { defineMachine, type StateOf, type TransitionOf } from './state-machine';

export const orderLineMachine = defineMachine({
  name: 'orderLine',
  states: {
    pending: { zh: '待确认', en: 'Pending', color: 'gold' },
    confirmed: { zh: '企业已确认', en: 'Confirmed', color: 'blue' },
    rejected: { zh: '已拒绝', en: 'Rejected', color: 'red' },
    delivering: { zh: '配送中', en: 'Delivering', color: 'processing' },
    delivered: { zh: '已配送', en: 'Delivered', color: 'green' },
    terminated: { zh: '已终止', en: 'Terminated', color: 'default' },
    cancelled: { zh: '已取消', en: 'Cancelled', color: 'default' },
  },
  transitions: {
    confirm: { from: ['pending'], to: 'confirmed', by: ['distributor'], zh: '确认', en: 'Confirm' },
    reject: { from: ['pending'], to: 'rejected', by: ['distributor'], reason: true, zh: '拒绝', en: 'Reject' },
    terminate: {
      from: ['confirmed', 'delivering'],
      to: 'terminated',
      by: ['distributor'],
      zh: '终止配送',
      en: 'Terminate delivery',
    },
    // 取消: the ordering hospital, only once the line is overdue for confirmation (mayCancelLine).
    cancel: { from: ['pending'], to: 'cancelled', by: ['hospital'], reason: true, zh: '取消', en: 'Cancel' },
  },
});

export type OrderLineStatus = StateOf<typeof orderLineMachine>;
export type OrderLineTransition = TransitionOf<typeof orderLineMachine>;

export const DELIVERY_MODES = ['standard', 'batch'] as const;
export type DeliveryMode = (typeof DELIVERY_MODES)[number];

export const DELIVERY_MODE_LABELS: { readonly [M in DeliveryMode]: { zh: string; en: string } } = {
  standard: { zh: '标准配送', en: 'Standard delivery' },
  batch: { zh: '分批次配送', en: 'Batch delivery' },
};

export function isDeliveryMode(v: unknown): v is DeliveryMode {
  return typeof v === 'string' && (DELIVERY_MODES as readonly string[]).includes(v);
}

/** Line statuses in which a delivery (配送 / 继续配送) may be recorded. */
export const DELIVERABLE_LINE_STATUSES: readonly OrderLineStatus[] = ['confirmed', 'delivering'];

export interface DeliveryCheckInput {
  status: string;
  /** Mode already chosen for the line, null before the first delivery. */
  mode: DeliveryMode | null;
  ordered: number;
  /** Sum of the quantities of the line's non-withdrawn deliveries. */
  delivered: number;
  /** Number of the line's non-withdrawn deliveries. */
  deliveries: number;
  requestedMode: string;
  quantity: unknown;
}

export interface DeliveryCheckResult {
  mode: DeliveryMode;
  newDelivered: number;
  newStatus: 'delivering' | 'delivered';
}

export function remainingQuantity(ordered: number, delivered: number): number {
  return Math.max(0, ordered - delivered);
}

/**
 * Checks a new delivery of `quantity` on a line and returns the line's mode, delivered total and
 * status after it. Throws DomainError:
 * LINE_NOT_DELIVERABLE (409) line not confirmed/delivering; DELIVERY_MODE_INVALID (400, field mode);
 * MODE_LOCKED (409, field mode) a different mode than the one chosen; STANDARD_ONCE (409) a second
 * standard delivery; QUANTITY_INVALID (400, field quantity) not an integer ≥ 1;
 * QUANTITY_EXCEEDS (409, field quantity) total above ordered.
 */
export function checkDelivery(input: DeliveryCheckInput): DeliveryCheckResult {
  const { status, mode, ordered, delivered, deliveries, requestedMode, quantity } = input;
  if (!(DELIVERABLE_LINE_STATUSES as readonly string[]).includes(status)) {
    throw new DomainError('LINE_NOT_DELIVERABLE', `订单明细当前状态为“${orderLineMachine.label(status)}”，不能配送`, {
      status: 409,
      details: { status },
    });
  }
  if (!isPositiveInteger(ordered) || !isNonNegativeInteger(delivered) || !isNonNegativeInteger(deliveries)) {
    throw new DomainError('LINE_DATA_INVALID', '订单明细数量数据异常', {
      status: 500,
      details: { ordered, delivered, deliveries },
    });
  }
  if (!isDeliveryMode(requestedMode)) {
    throw new DomainError('DELIVERY_MODE_INVALID', '请选择配送方式（标准配送或分批次配送）', {
      status: 400,
      field: 'mode',
    });
  }
  if (mode !== null && mode !== undefined && mode !== requestedMode) {
    throw new DomainError('MODE_LOCKED', `该订单明细已选择“${DELIVERY_MODE_LABELS[mode].zh}”，配送方式已锁定，不能修改`, {
      status: 409,
      field: 'mode',
      details: { mode, requestedMode },
    });
  }
  if (requestedMode === 'standard' && deliveries > 0) {
    throw new DomainError('STANDARD_ONCE', '标准配送只能配送一次', { status: 409, field: 'mode' });
  }
  if (!isPositiveInteger(quantity)) {
    throw new DomainError('QUANTITY_INVALID', '配送数量必须为大于等于1的整数', {
      status: 400,
      field: 'quantity',
      details: { value: quantity },
    });
  }
  const remaining = remainingQuantity(ordered, delivered);
  if (quantity > remaining) {
    throw new DomainError('QUANTITY_EXCEEDS', `配送数量超出采购数量：采购${ordered}，已配送${delivered}，最多还可配送${remaining}`, {
      status: 409,
      field: 'quantity',
      details: { ordered, delivered, remaining, quantity },
    });
  }
  const newDelivered = delivered + quantity;
  const newStatus = requestedMode === 'standard' || newDelivered === ordered ? 'delivered' : 'delivering';
  return { mode: requestedMode, newDelivered, newStatus };
}

export interface WithdrawInput {
  mode: DeliveryMode | null;
  ordered: number;
  /** Delivered total after the withdrawal. */
  delivered: number;
  /** Current line status; a terminated line stays terminated. */
  status?: string | null;
}

/**
 * Line status after one of its deliveries was withdrawn:
 * terminated stays terminated; 0 delivered → confirmed; batch with 0 < delivered < ordered →
 * delivering; otherwise delivered (standard with something still delivered, or batch complete).
 */
export function statusAfterWithdraw(input: WithdrawInput): OrderLineStatus {
  const { mode, ordered, delivered, status } = input;
  if (status === 'terminated') return 'terminated';
  if (delivered <= 0) return 'confirmed';
  if (mode === 'batch' && delivered < ordered) return 'delivering';
  return 'delivered';
}

/** Mode after a withdrawal: batch stays locked; standard is unlocked (null) once nothing is delivered. */
export function modeAfterWithdraw(input: { mode: DeliveryMode | null; delivered: number }): DeliveryMode | null {
  if (input.mode === 'standard' && input.delivered <= 0) return null;
  return input.mode;
}

/** Every line status by name, for code outside the domain (queries and writes name states through it). */
export const LINE_STATUS = {
  pending: 'pending',
  confirmed: 'confirmed',
  rejected: 'rejected',
  delivering: 'delivering',
  delivered: 'delivered',
  terminated: 'terminated',
  cancelled: 'cancelled',
} as const satisfies { readonly [K in OrderLineStatus]: K };

/** Line statuses a distributor answers (确认 / 拒绝). */
export const ANSWERABLE_LINE_STATUSES: readonly OrderLineStatus[] = orderLineMachine.transitions.confirm.from;
/** Line statuses from which 终止配送 is possible. */
export const TERMINABLE_LINE_STATUSES: readonly OrderLineStatus[] = orderLineMachine.transitions.terminate.from;

/** The tabs of the order-line lists; `all` has no status restriction. */
export const LINE_TABS = ['todo', 'delivered', 'all'] as const;
export type LineTab = (typeof LINE_TABS)[number];
/** Statuses each tab lists: 待配送 (open lines) and 已配送 (lines with something shipped or ended). */
export const LINE_TAB_STATUSES: { readonly [T in Exclude<LineTab, 'all'>]: readonly OrderLineStatus[] } = {
  todo: ['pending', 'confirmed', 'delivering'],
  delivered: ['delivering', 'delivered', 'terminated'],
};

/**
 * The statuses a line list reads: the explicit `status` filter, limited to the tab's statuses when
 * both are given ([] when they do not meet), or the tab's; undefined for no restriction.
 */
export function lineStatusFilter(tab: LineTab | undefined, status: readonly OrderLineStatus[] | undefined): readonly OrderLineStatus[] | undefined {
  const tabStatuses = tab && tab !== 'all' ? LINE_TAB_STATUSES[tab] : undefined;
  if (status?.length) return tabStatuses ? status.filter((s) => tabStatuses.includes(s)) : status;
  return tabStatuses;
}

/** Input limits of an order. */
export const MAX_LINES_PER_ORDER = 50;
export const MAX_QUANTITY = 1_000_000;
export const ORDER_REMARK_MAX_LENGTH = 500;
/** Most lines confirmed or rejected in one request. */
export const MAX_LINES_PER_ANSWER = 200;

/** Is `quantity` an orderable quantity (an integer from 1 to MAX_QUANTITY)? */
export function isOrderQuantity(quantity: unknown): quantity is number {
  return typeof quantity === 'number' && Number.isSafeInteger(quantity) && quantity >= 1 && quantity <= MAX_QUANTITY;
}

/** An order's remark: trimmed, at most ORDER_REMARK_MAX_LENGTH characters, blank → null. */
export function orderRemark(v: unknown): string | null {
  return typeof v === 'string' ? v.trim().slice(0, ORDER_REMARK_MAX_LENGTH) || null : null;
}

export interface LineQuantities {
  status: string;
  mode: DeliveryMode | null;
  ordered: number;
  delivered: number;
  deliveries: number;
}

/** May another delivery (配送 / 继续配送) be recorded on the line now? */
export function canDeliverMore(l: LineQuantities): boolean {
  if (!(DELIVERABLE_LINE_STATUSES as readonly string[]).includes(l.status)) return false;
  if (l.mode === 'standard' && l.deliveries > 0) return false;
  return remainingQuantity(l.ordered, l.delivered) > 0;
}

/** The quantity the hospital may still ask to return: received less returned and less asked. */
export function returnableQuantity(received: number, returned: number, returnPending: number): number {
  return Math.max(0, received - returned - returnPending);
}

/**
 * The instants a 下单日期 filter covers: from the start of day `from` to the end of day `to`, China time
 * ('YYYY-MM-DD'; DATE_INVALID 400 otherwise).
 */
export function chinaDayBounds(from: string | undefined, to: string | undefined): { from?: Date; to?: Date } {
  const start = (day: string, field: string) => new Date(isoDateToDayNumber(day, field) * DAY_MS - CHINA_UTC_OFFSET_MINUTES * 60_000);
  return {
    ...(from ? { from: start(from, 'from') } : {}),
    ...(to ? { to: new Date(start(to, 'to').getTime() + DAY_MS) } : {}),
  };
}

/**
 * The views of 订单明细 (manual 001 §3.4) and the line statuses each one lists: the distributor's
 * 待配送 (lines it still has to act on) and 已配送 (lines with deliveries or finished), and every line
 * for the other views. The server filters by these sets; the panel offers them in its status filter.
 */
import { orderLineMachine, type OrderLineStatus } from './order-line';

export const ORDER_LINE_TABS = ['todo', 'delivered', 'all'] as const;
export type OrderLineTab = (typeof ORDER_LINE_TABS)[number];

export const ORDER_LINE_TAB_STATUSES: { readonly [T in OrderLineTab]: readonly OrderLineStatus[] } = {
  todo: ['pending', 'confirmed', 'delivering'],
  delivered: ['delivering', 'delivered', 'terminated'],
  all: orderLineMachine.stateNames,
};

export function isOrderLineTab(v: unknown): v is OrderLineTab {
  return typeof v === 'string' && (ORDER_LINE_TABS as readonly string[]).includes(v);
}

/**
 * The tabs of the order-line lists and the statuses each lists. Written exactly as the orders branch
 * writes them in order-line.ts: when both are merged, delete this file (and its line in index.ts).
 */
import type { OrderLineStatus } from './order-line';

/** The tabs of the order-line lists; `all` has no status restriction. */
export const LINE_TABS = ['todo', 'delivered', 'all'] as const;
export type LineTab = (typeof LINE_TABS)[number];
/** Statuses each tab lists: 待配送 (open lines) and 已配送 (lines with something shipped or ended). */
export const LINE_TAB_STATUSES: { readonly [T in Exclude<LineTab, 'all'>]: readonly OrderLineStatus[] } = {
  todo: ['pending', 'confirmed', 'delivering'],
  delivered: ['delivering', 'delivered', 'terminated'],
};

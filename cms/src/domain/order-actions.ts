/**
 * Which actions an actor may take on an order line, a delivery or a return request now: the server
 * answers them as `actions` on every row, the panel renders one button per action.
 *
 * Names (agreed with the panel):
 * - order line: `confirm`, `reject`, `terminate` (orderLineMachine) + `deliver` 配送 / 继续配送 (the
 *   line's distributor, line deliverable with quantity left) + `return` 申请退货 (the ordering hospital,
 *   something received and still returnable) + `cancel` 取消 (the ordering hospital, a pending line
 *   overdue for confirmation: mayCancelLine).
 * - delivery: `withdraw`, `receive` (deliveryMachine) + `fill` 补填发票, `modify` 修改发票 (the distributor),
 *   `pass` 查验通过, `fail` 查验不通过 (the receiving hospital) from invoiceMachine; none on a withdrawn delivery.
 * - return request: `agree`, `refuse` (returnMachine, the distributor).
 * Only the organisation on the acting side of the row gets actions; readers (bureau, manufacturer,
 * admin) get none.
 */
import { canWithdrawDelivery, deliveryMachine, invoiceMachine, isWithdrawn, type DeliveryTransition, type InvoiceTransition } from './delivery';
import { canDeliverMore, orderLineMachine, returnableQuantity, type DeliveryMode, type OrderLineTransition } from './order-line';
import { mayCancelLine, type OverdueKind } from './overdue';
import { returnMachine, type ReturnTransition } from './return';
import type { ActorRef } from './roles';

export type OrderLineAction = OrderLineTransition | 'deliver' | 'return';
export type DeliveryAction = DeliveryTransition | InvoiceTransition;
export type ReturnAction = ReturnTransition;

export interface LineForActions {
  status: string;
  distributorOrgId: number;
  hospitalOrgId: number;
  deliveryMode: DeliveryMode | null;
  quantity: number;
  deliveredQty: number;
  deliveryCount: number;
  receivedQty: number;
  returnedQty: number;
  returnPendingQty: number;
  /** 逾期未确认 / 逾期未配送 at read (absent: not computed, never overdue). */
  overdue?: OverdueKind | null;
}

/** The order line's actions for `actor`, in button order: confirm, reject, deliver, terminate; cancel, return. */
export function orderLineActions(l: LineForActions, actor: ActorRef): OrderLineAction[] {
  const out: OrderLineAction[] = [];
  if (actor.role === 'distributor' && l.distributorOrgId === actor.orgId) {
    if (orderLineMachine.can('confirm', l.status, actor.role)) out.push('confirm');
    if (orderLineMachine.can('reject', l.status, actor.role)) out.push('reject');
    if (canDeliverMore({ status: l.status, mode: l.deliveryMode, ordered: l.quantity, delivered: l.deliveredQty, deliveries: l.deliveryCount }))
      out.push('deliver');
    if (orderLineMachine.can('terminate', l.status, actor.role)) out.push('terminate');
  } else if (actor.role === 'hospital' && l.hospitalOrgId === actor.orgId) {
    if (mayCancelLine(l.status, l.overdue ?? null)) out.push('cancel');
    if (returnableQuantity(l.receivedQty, l.returnedQty, l.returnPendingQty) > 0) out.push('return');
  }
  return out;
}

export interface DeliveryForActions {
  status: string;
  invoiceStatus: string;
  distributorOrgId: number;
  hospitalOrgId: number;
}

/** The delivery's actions for `actor`: withdraw, fill, modify (distributor); receive, pass, fail (hospital). */
export function deliveryActions(d: DeliveryForActions, actor: ActorRef): DeliveryAction[] {
  const out: DeliveryAction[] = [];
  if (actor.role === 'distributor' && d.distributorOrgId === actor.orgId) {
    if (canWithdrawDelivery(d.status, d.invoiceStatus)) out.push('withdraw');
    if (!isWithdrawn(d.status)) {
      if (invoiceMachine.can('fill', d.invoiceStatus, actor.role)) out.push('fill');
      if (invoiceMachine.can('modify', d.invoiceStatus, actor.role)) out.push('modify');
    }
  } else if (actor.role === 'hospital' && d.hospitalOrgId === actor.orgId) {
    if (deliveryMachine.can('receive', d.status, actor.role)) out.push('receive');
    if (!isWithdrawn(d.status)) {
      if (invoiceMachine.can('pass', d.invoiceStatus, actor.role)) out.push('pass');
      if (invoiceMachine.can('fail', d.invoiceStatus, actor.role)) out.push('fail');
    }
  }
  return out;
}

export interface ReturnForActions {
  status: string;
  distributorOrgId: number;
}

/** The return request's actions for `actor`: agree, refuse (its distributor, while pending). */
export function returnActions(r: ReturnForActions, actor: ActorRef): ReturnAction[] {
  if (actor.role !== 'distributor' || r.distributorOrgId !== actor.orgId) return [];
  return returnMachine.allowed(r.status, actor.role);
}

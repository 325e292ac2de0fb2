/**
 * Deliveries 配送记录: receipt by the hospital and the invoice check.
 *
 * Receipt: shipped 待收货 → received 已收货 (收货, hospital) | withdrawn 已撤回 (撤回, distributor).
 * A delivery can be withdrawn only before receipt and only while its invoice is missing or failed
 * (it is then listed in 撤回修改): see canWithdrawDelivery.
 *
 * Invoice: missing 未填写 → pending 待查验 (补填发票) → passed 查验通过 | failed 查验不通过 (reason);
 * failed | missing → pending (修改).
 */
import { isIsoDate, isoDateToDayNumber, toIsoDate } from './dates';
import { DomainError } from './errors';
import { normaliseText } from './text';
import { defineMachine, type StateOf, type TransitionOf } from './state-machine';

export const deliveryMachine = defineMachine({
  name: 'delivery',
  states: {
    shipped: { zh: '待收货', en: 'Awaiting receipt', color: 'processing' },
    received: { zh: '已收货', en: 'Received', color: 'green' },
    withdrawn: { zh: '已撤回', en: 'Withdrawn', color: 'default' },
  },
  transitions: {
    receive: { from: ['shipped'], to: 'received', by: ['hospital'], zh: '收货', en: 'Confirm receipt' },
    withdraw: { from: ['shipped'], to: 'withdrawn', by: ['distributor'], zh: '撤回', en: 'Withdraw' },
  },
});

export type DeliveryStatus = StateOf<typeof deliveryMachine>;
export type DeliveryTransition = TransitionOf<typeof deliveryMachine>;

/** Every delivery status by name, for code outside the domain. */
export const DELIVERY_STATUS = {
  shipped: 'shipped',
  received: 'received',
  withdrawn: 'withdrawn',
} as const satisfies { readonly [K in DeliveryStatus]: K };

/** Delivery statuses 收货 applies to (待收货). */
export const RECEIVABLE_DELIVERY_STATUSES: readonly DeliveryStatus[] = deliveryMachine.transitions.receive.from;
/** Delivery statuses 撤回 applies to (with an invoice needing rework, see canWithdrawDelivery). */
export const WITHDRAWABLE_DELIVERY_STATUSES: readonly DeliveryStatus[] = deliveryMachine.transitions.withdraw.from;

/** A withdrawn delivery is out of every invoice flow (no filling, no check, not in 撤回修改). */
export function isWithdrawn(deliveryStatus: string | null | undefined): boolean {
  return deliveryStatus === DELIVERY_STATUS.withdrawn;
}

export const invoiceMachine = defineMachine({
  name: 'invoice',
  states: {
    missing: { zh: '未填写', en: 'Missing', color: 'default' },
    pending: { zh: '待查验', en: 'Awaiting check', color: 'gold' },
    passed: { zh: '查验通过', en: 'Passed', color: 'green' },
    failed: { zh: '查验不通过', en: 'Failed', color: 'red' },
  },
  transitions: {
    fill: { from: ['missing'], to: 'pending', by: ['distributor'], zh: '补填发票', en: 'Fill in invoice' },
    pass: { from: ['pending'], to: 'passed', by: ['hospital'], zh: '通过', en: 'Pass' },
    fail: { from: ['pending'], to: 'failed', by: ['hospital'], reason: true, zh: '不通过', en: 'Fail' },
    modify: { from: ['failed', 'missing'], to: 'pending', by: ['distributor'], zh: '修改', en: 'Modify' },
  },
});

export type InvoiceStatus = StateOf<typeof invoiceMachine>;
export type InvoiceTransition = TransitionOf<typeof invoiceMachine>;

/** Every invoice status by name, for code outside the domain. */
export const INVOICE_STATUS = {
  missing: 'missing',
  pending: 'pending',
  passed: 'passed',
  failed: 'failed',
} as const satisfies { readonly [K in InvoiceStatus]: K };

/** Invoice statuses the hospital checks (查验): 待查验. */
export const CHECKABLE_INVOICE_STATUSES: readonly InvoiceStatus[] = invoiceMachine.transitions.pass.from;

/** The invoice status of a new delivery: 待查验 with an invoice, 未填写 without. */
export function initialInvoiceStatus(hasInvoice: boolean): InvoiceStatus {
  return hasInvoice ? INVOICE_STATUS.pending : INVOICE_STATUS.missing;
}

/** The invoice transition a distributor's invoice input is: 补填发票 on a missing invoice, else 修改. */
export function invoiceInputAction(invoiceStatus: string): 'fill' | 'modify' {
  return invoiceStatus === INVOICE_STATUS.missing ? 'fill' : 'modify';
}

/** The results of 查验: the invoice transitions of the hospital. */
export const INVOICE_CHECK_RESULTS = ['pass', 'fail'] as const;
export type InvoiceCheckResult = (typeof INVOICE_CHECK_RESULTS)[number];

/** Invoice statuses that put a delivery in 撤回修改 (withdraw or modify). */
export const REWORK_INVOICE_STATUSES: readonly InvoiceStatus[] = ['missing', 'failed'];

/** Is the delivery's invoice missing or failed (listed in 撤回修改)? */
export function needsRework(invoiceStatus: string | null | undefined): boolean {
  return (REWORK_INVOICE_STATUSES as readonly string[]).includes(String(invoiceStatus));
}

/** May the distributor withdraw the delivery? Only before receipt, and only when its invoice needs rework. */
export function canWithdrawDelivery(deliveryStatus: string, invoiceStatus: string | null | undefined): boolean {
  return deliveryMachine.can('withdraw', deliveryStatus) && needsRework(invoiceStatus);
}

/** Throws INVALID_TRANSITION (not shipped) or DELIVERY_NOT_WITHDRAWABLE (invoice pending/passed), both 409. */
export function assertCanWithdrawDelivery(deliveryStatus: string, invoiceStatus: string | null | undefined): void {
  deliveryMachine.next('withdraw', deliveryStatus);
  if (!needsRework(invoiceStatus)) {
    throw new DomainError('DELIVERY_NOT_WITHDRAWABLE', `发票状态为“${invoiceMachine.label(String(invoiceStatus))}”，只有发票未填写或查验不通过的配送才能撤回`, {
      status: 409,
      details: { deliveryStatus, invoiceStatus },
    });
  }
}

export interface BatchDatesInput {
  productionDate: string | null | undefined;
  expiryDate: string | null | undefined;
  /** Today's date ('YYYY-MM-DD'), or an instant whose date in China is taken. */
  today: string | Date;
}

/**
 * Checks a batch's production and expiry dates (both required, 'YYYY-MM-DD'):
 * production not in the future, expiry strictly after production, expiry not before today (a batch
 * that expires today may still be delivered; an already expired one may not).
 * Codes (400): DATE_REQUIRED, DATE_INVALID, PRODUCTION_DATE_IN_FUTURE (field productionDate),
 * EXPIRY_NOT_AFTER_PRODUCTION, BATCH_EXPIRED (field expiryDate).
 */
export function checkBatchDates(input: BatchDatesInput): { productionDate: string; expiryDate: string } {
  const today = toIsoDate(input.today, 'today');
  const req = (v: string | null | undefined, field: string, zh: string): string => {
    const s = typeof v === 'string' ? normaliseText(v) : '';
    if (s === '') throw new DomainError('DATE_REQUIRED', `请填写${zh}`, { status: 400, field });
    if (!isIsoDate(s)) {
      throw new DomainError('DATE_INVALID', `${zh}格式不正确（应为YYYY-MM-DD）`, { status: 400, field });
    }
    return s;
  };
  const productionDate = req(input.productionDate, 'productionDate', '生产日期');
  const expiryDate = req(input.expiryDate, 'expiryDate', '有效期');
  const p = isoDateToDayNumber(productionDate);
  const e = isoDateToDayNumber(expiryDate);
  const t = isoDateToDayNumber(today);
  if (p > t) {
    throw new DomainError('PRODUCTION_DATE_IN_FUTURE', '生产日期不能晚于今天', { status: 400, field: 'productionDate' });
  }
  if (e <= p) {
    throw new DomainError('EXPIRY_NOT_AFTER_PRODUCTION', '有效期必须晚于生产日期', { status: 400, field: 'expiryDate' });
  }
  if (e < t) {
    throw new DomainError('BATCH_EXPIRED', '该批次已过有效期，不能配送', { status: 400, field: 'expiryDate' });
  }
  return { productionDate, expiryDate };
}

export const BATCH_NO_MAX_LENGTH = 50;

/** Production batch no. 生产批号: required, at most 50 characters. Returns it normalised. */
export function checkBatchNo(v: unknown): string {
  const s = typeof v === 'string' || typeof v === 'number' ? normaliseText(String(v)) : '';
  if (s === '') throw new DomainError('BATCH_NO_REQUIRED', '请填写生产批号', { status: 400, field: 'batchNo' });
  if (s.length > BATCH_NO_MAX_LENGTH) {
    throw new DomainError('BATCH_NO_INVALID', `生产批号不能超过${BATCH_NO_MAX_LENGTH}个字符`, {
      status: 400,
      field: 'batchNo',
    });
  }
  return s;
}

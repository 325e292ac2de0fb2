/**
 * The rows the order API answers (订单明细, 配送记录, 退货申请): one contract for the server's mappers
 * and the panel. Date-times are ISO text in China time (`…+08:00`), dates 'YYYY-MM-DD', money in fen.
 */
import type { DeliveryStatus, InvoiceStatus } from './delivery';
import type { DeliveryMode, OrderLineStatus } from './order-line';
import type { DeliveryAction, OrderLineAction, ReturnAction } from './order-actions';
import type { OverdueKind } from './overdue';
import type { Actionable } from './page';
import type { ReturnStatus } from './return';

export interface OrderLineRow extends Actionable<OrderLineAction> {
  id: number;
  documentId: string;
  orderId: number;
  orderCode: string;
  lineNo: number;
  hospitalOrgId: number;
  hospitalName: string | null;
  distributorOrgId: number;
  distributorName: string | null;
  manufacturerOrgId: number | null;
  manufacturerName: string | null;
  provinceCode: string | null;
  productId: number;
  productCode: string;
  productName: string;
  spec: string | null;
  unit: string | null;
  quantity: number;
  unitPriceFen: number;
  amountFen: number;
  status: OrderLineStatus;
  deliveryMode: DeliveryMode | null;
  deliveredQty: number;
  deliveryCount: number;
  receivedQty: number;
  returnedQty: number;
  returnPendingQty: number;
  /** Why it was rejected or terminated. */
  reason: string | null;
  orderedAt: string | null;
  confirmedAt: string | null;
  closedAt: string | null;
  /** 逾期未确认 / 逾期未配送, computed at read from the province's deadlines; null when not overdue. */
  overdue: OverdueKind | null;
}

/** The line a delivery or a return belongs to, as the delivery and return lists show it. */
export interface LineSummary {
  lineDocumentId: string;
  orderCode: string;
  lineNo: number;
  productName: string;
  productCode: string;
  spec: string | null;
  unit: string | null;
}

export interface DeliveryRow extends Actionable<DeliveryAction>, Partial<LineSummary> {
  id: number;
  documentId: string;
  orderLineId: number;
  distributorOrgId: number;
  hospitalOrgId: number;
  hospitalName: string | null;
  distributorName: string | null;
  provinceCode: string | null;
  /** 第几批 of the line. */
  seq: number;
  quantity: number;
  batchNo: string;
  productionDate: string | null;
  expiryDate: string | null;
  invoiceCode: string | null;
  invoiceNo: string | null;
  status: DeliveryStatus;
  invoiceStatus: InvoiceStatus;
  invoiceReason: string | null;
  deliveredAt: string | null;
  receivedAt: string | null;
  /** The line's ordered quantity (lists only). */
  lineQuantity?: number;
}

export interface ReturnRow extends Actionable<ReturnAction>, Partial<LineSummary> {
  id: number;
  documentId: string;
  orderLineId: number;
  hospitalOrgId: number;
  distributorOrgId: number;
  hospitalName: string | null;
  distributorName: string | null;
  provinceCode: string | null;
  quantity: number;
  reason: string;
  status: ReturnStatus;
  refuseReason: string | null;
  createdAt: string | null;
  respondedAt: string | null;
  /** The line's received and returned quantities (lists only). */
  receivedQty?: number;
  returnedQty?: number;
}

/** GET /api/order-lines/:id/detail: the line with its deliveries and returns. */
export interface OrderLineDetail extends OrderLineRow {
  deliveries: DeliveryRow[];
  returns: ReturnRow[];
}

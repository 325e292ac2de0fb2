/**
 * The rows the order endpoints answer, with the actions the server lets the caller take on each.
 * Until the domain holds the row contracts (`OrderLineRow`, `DeliveryRow`, `ReturnRow` in
 * cms/src/domain/order-rows.ts), they are typed here, once, as the API answers them today.
 */
import type { Actionable, CertLight, DeliveryMode, DeliveryStatus, InvoiceStatus, OrderLineStatus, Page, ReturnStatus } from '@domain';

export type { Page };

/** One row of `GET /api/order-lines/search`; actions: confirm, reject, terminate, deliver, return. */
export interface OrderLineRow extends Actionable {
  id: number;
  documentId: string;
  orderCode: string;
  lineNo: number;
  hospitalOrgId: number;
  hospitalName: string | null;
  distributorOrgId: number;
  distributorName: string | null;
  manufacturerName: string | null;
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
  reason: string | null;
  orderedAt: string | null;
}

/** A delivery (配送批次), inside a line's detail or a row of `GET /api/order-deliveries`; actions: withdraw, receive, fill, modify, pass, fail. */
export interface DeliveryRow extends Actionable {
  documentId: string;
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
  hospitalName?: string | null;
  lineDocumentId?: string;
  orderCode?: string;
  lineNo?: number;
  productName?: string;
  spec?: string | null;
}

/** A return request, inside a line's detail or a row of `GET /api/order-returns`; actions: agree, refuse. */
export interface ReturnRow extends Actionable {
  documentId: string;
  quantity: number;
  reason: string;
  status: ReturnStatus;
  refuseReason: string | null;
  createdAt: string | null;
  respondedAt: string | null;
  hospitalName?: string | null;
  distributorName?: string | null;
  orderCode?: string;
  lineNo?: number;
  productName?: string;
  receivedQty?: number;
  returnedQty?: number;
}

/** `GET /api/order-lines/:id/detail`. */
export interface OrderLineDetail extends OrderLineRow {
  deliveries: DeliveryRow[];
  returns: ReturnRow[];
}

/** One product of `GET /api/order-options`, with the distributors the hospital may order it from. */
export interface OrderOption {
  id: number;
  code: string;
  name: string;
  spec: string | null;
  model: string | null;
  unit: string | null;
  priceFen: number | null;
  certificateLight: CertLight | null;
  distributors: Array<{ id: number; name: string }>;
}

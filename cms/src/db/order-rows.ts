/**
 * Raw rows of order_lines, deliveries and return_requests → the row contracts of the domain
 * (OrderLineRow, DeliveryRow, ReturnRow), each with the actions of the calling actor.
 */
import {
  cutoffsOf,
  deliveryActions,
  lineOverdue,
  orderLineActions,
  returnActions,
  type ActorRef,
  type DeliveryMode,
  type DeliveryRow,
  type DeliveryStatus,
  type InvoiceStatus,
  type LineSummary,
  type OrderLineRow,
  type OrderLineStatus,
  type ProvinceCutoffs,
  type ReturnRow,
  type ReturnStatus,
} from '../domain';
import { dbDay, dbIso, type RawRow } from './values';

export type { RawRow };

const num = (v: unknown): number => (v === null || v === undefined ? 0 : Number(v));
const numOrNull = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));
// Required text columns pass through as stored (the API answered them so before the row contracts).
const str = (v: unknown): string => v as string;
const strOrNull = (v: unknown): string | null => (v === null || v === undefined ? null : String(v));

/** The order_lines columns lineOut reads: lists select these, not Strapi's bookkeeping columns. */
export const LINE_COLUMNS = [
  'id',
  'document_id',
  'order_id',
  'order_code',
  'line_no',
  'hospital_org_id',
  'distributor_org_id',
  'manufacturer_org_id',
  'province_code',
  'product_id',
  'product_code',
  'product_name',
  'spec',
  'unit',
  'quantity',
  'unit_price_fen',
  'amount_fen',
  'status',
  'delivery_mode',
  'delivered_qty',
  'delivery_count',
  'received_qty',
  'returned_qty',
  'return_pending_qty',
  'reason',
  'ordered_at',
  'confirmed_at',
  'closed_at',
];

/**
 * An order_lines row → OrderLineRow (names from `names`, 逾期 at the cutoffs `cut` when given, actions for
 * `actor`; built once, no copies: the inbox is hot).
 */
export function lineOut(r: RawRow, actor: ActorRef, names?: Map<number, string>, cut?: ProvinceCutoffs): OrderLineRow {
  const row: OrderLineRow = {
    id: num(r.id),
    documentId: str(r.document_id),
    orderId: num(r.order_id),
    orderCode: str(r.order_code),
    lineNo: num(r.line_no),
    hospitalOrgId: num(r.hospital_org_id),
    hospitalName: names?.get(num(r.hospital_org_id)) ?? null,
    distributorOrgId: num(r.distributor_org_id),
    distributorName: names?.get(num(r.distributor_org_id)) ?? null,
    manufacturerOrgId: numOrNull(r.manufacturer_org_id),
    manufacturerName: r.manufacturer_org_id ? (names?.get(num(r.manufacturer_org_id)) ?? null) : null,
    provinceCode: strOrNull(r.province_code),
    productId: num(r.product_id),
    productCode: str(r.product_code),
    productName: str(r.product_name),
    spec: strOrNull(r.spec),
    unit: strOrNull(r.unit),
    quantity: num(r.quantity),
    unitPriceFen: num(r.unit_price_fen),
    amountFen: num(r.amount_fen),
    status: r.status as OrderLineStatus,
    deliveryMode: (r.delivery_mode ?? null) as DeliveryMode | null,
    deliveredQty: num(r.delivered_qty),
    deliveryCount: num(r.delivery_count),
    receivedQty: num(r.received_qty),
    returnedQty: num(r.returned_qty),
    returnPendingQty: num(r.return_pending_qty),
    reason: strOrNull(r.reason),
    orderedAt: dbIso(r.ordered_at),
    confirmedAt: dbIso(r.confirmed_at),
    closedAt: dbIso(r.closed_at),
    overdue: null,
    actions: [],
  };
  if (cut) row.overdue = lineOverdue(row, cutoffsOf(cut, row.provinceCode));
  row.actions = orderLineActions(row, actor);
  return row;
}

/** The line summary a delivery or return list joins in (columns aliased `l_…`). */
function lineSummary(r: RawRow): LineSummary {
  return {
    lineDocumentId: str(r.l_document_id),
    orderCode: str(r.l_order_code),
    lineNo: num(r.l_line_no),
    productName: str(r.l_product_name),
    productCode: str(r.l_product_code),
    spec: strOrNull(r.l_spec),
    unit: strOrNull(r.l_unit),
  };
}

/** The joined line columns of the delivery list (aliases read by deliveryOut with `withLine`). */
export const DELIVERY_LINE_COLUMNS = [
  'l.document_id as l_document_id',
  'l.order_code as l_order_code',
  'l.line_no as l_line_no',
  'l.product_name as l_product_name',
  'l.product_code as l_product_code',
  'l.spec as l_spec',
  'l.unit as l_unit',
  'l.quantity as l_quantity',
];

/** The joined line columns of the return list. */
export const RETURN_LINE_COLUMNS = [...DELIVERY_LINE_COLUMNS.slice(0, 7), 'l.received_qty as l_received_qty', 'l.returned_qty as l_returned_qty'];

/** A deliveries row → DeliveryRow; `withLine` adds the joined line's summary and ordered quantity. */
export function deliveryOut(r: RawRow, actor: ActorRef, opts: { withLine?: boolean; names?: Map<number, string> } = {}): DeliveryRow {
  const names = opts.names;
  const row: DeliveryRow = {
    id: num(r.id),
    documentId: str(r.document_id),
    orderLineId: num(r.order_line_id),
    distributorOrgId: num(r.distributor_org_id),
    hospitalOrgId: num(r.hospital_org_id),
    hospitalName: names?.get(num(r.hospital_org_id)) ?? null,
    distributorName: names?.get(num(r.distributor_org_id)) ?? null,
    provinceCode: strOrNull(r.province_code),
    seq: num(r.seq),
    quantity: num(r.quantity),
    batchNo: str(r.batch_no),
    productionDate: dbDay(r.production_date),
    expiryDate: dbDay(r.expiry_date),
    invoiceCode: strOrNull(r.invoice_code),
    invoiceNo: strOrNull(r.invoice_no),
    status: r.status as DeliveryStatus,
    invoiceStatus: r.invoice_status as InvoiceStatus,
    invoiceReason: strOrNull(r.invoice_reason),
    deliveredAt: dbIso(r.delivered_at),
    receivedAt: dbIso(r.received_at),
    ...(opts.withLine ? { ...lineSummary(r), lineQuantity: num(r.l_quantity) } : {}),
    actions: [],
  };
  row.actions = deliveryActions(row, actor);
  return row;
}

/** A return_requests row → ReturnRow; `withLine` adds the joined line's summary and quantities. */
export function returnOut(r: RawRow, actor: ActorRef, opts: { withLine?: boolean; names?: Map<number, string> } = {}): ReturnRow {
  const names = opts.names;
  const row: ReturnRow = {
    id: num(r.id),
    documentId: str(r.document_id),
    orderLineId: num(r.order_line_id),
    hospitalOrgId: num(r.hospital_org_id),
    distributorOrgId: num(r.distributor_org_id),
    hospitalName: names?.get(num(r.hospital_org_id)) ?? null,
    distributorName: names?.get(num(r.distributor_org_id)) ?? null,
    provinceCode: strOrNull(r.province_code),
    quantity: num(r.quantity),
    reason: str(r.reason),
    status: r.status as ReturnStatus,
    refuseReason: strOrNull(r.refuse_reason),
    createdAt: dbIso(r.created_at),
    respondedAt: dbIso(r.responded_at),
    ...(opts.withLine ? { ...lineSummary(r), receivedQty: num(r.l_received_qty), returnedQty: num(r.l_returned_qty) } : {}),
    actions: [],
  };
  row.actions = returnActions(row, actor);
  return row;
}

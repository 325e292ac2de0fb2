/** 批量配送: the values of one ticked line as the editable table holds them, and the server's answers. */
import { remainingQuantity, type BatchLineRefusal, type DeliveryMode, type OrderLineRow } from '@domain';

export interface LineValues {
  mode: DeliveryMode;
  quantity: number | null;
  batchNo: string;
  productionDate: string;
  expiryDate: string;
  invoiceCode: string;
  invoiceNo: string;
}

/** A ticked line: what the table shows of it and the values to deliver. */
export interface Picked {
  id: string;
  ref: string;
  productName: string;
  remaining: number;
  /** The line's locked mode (after its first delivery), or null. */
  locked: DeliveryMode | null;
  values: LineValues;
}

/** One row of POST /order-deliveries/batch/preview. */
export interface SheetRow {
  row: number;
  lineRef: string;
  line: string | null;
  productName: string | null;
  hospitalOrgId: number | null;
  remaining: number | null;
  mode: DeliveryMode | null;
  quantity: number | string | null;
  batchNo: string;
  productionDate: string;
  expiryDate: string;
  invoiceCode: string;
  invoiceNo: string;
  errors: Array<{ field: string; code: string; message: string }>;
}

export interface HospitalOption {
  hospitalOrgId: number;
  hospitalName: string;
  lines: number;
}

/** Cell errors by line id, then field. */
export type CellErrors = Record<string, Record<string, string>>;

export type { BatchLineRefusal };

/** A line of the list, ticked with its defaults: the whole remaining quantity, the locked mode or 标准配送. */
export function pickLine(l: OrderLineRow): Picked {
  const remaining = remainingQuantity(l.quantity, l.deliveredQty);
  return {
    id: l.documentId,
    ref: `${l.orderCode}-${l.lineNo}`,
    productName: l.productName,
    remaining,
    locked: l.deliveryMode,
    values: { mode: l.deliveryMode ?? 'standard', quantity: remaining, batchNo: '', productionDate: '', expiryDate: '', invoiceCode: '', invoiceNo: '' },
  };
}

/** A row of the uploaded sheet as a ticked line, with its problems. */
export function pickSheetRow(r: SheetRow): Picked | null {
  if (!r.line) return null;
  return {
    id: r.line,
    ref: r.lineRef,
    productName: r.productName ?? '',
    remaining: r.remaining ?? 0,
    locked: null,
    values: {
      mode: r.mode ?? 'standard',
      quantity: typeof r.quantity === 'number' ? r.quantity : null,
      batchNo: r.batchNo,
      productionDate: r.productionDate,
      expiryDate: r.expiryDate,
      invoiceCode: r.invoiceCode,
      invoiceNo: r.invoiceNo,
    },
  };
}

/** The request body of POST /order-deliveries/batch. */
export function batchBody(hospitalOrgId: number | null, picked: Picked[]) {
  return {
    ...(hospitalOrgId ? { hospitalOrgId } : {}),
    lines: picked.map((p) => ({ line: p.id, ...p.values, quantity: p.values.quantity ?? 0 })),
  };
}

import { downloadFile } from '../../components/api-helpers';
/** Calls of the order workflow endpoints (cms/src/api/order-line/routes/01-workflow.ts). */
import { apiFetch, isHttpError } from '../../providers/http-client';
import { getToken } from '../../providers/session';
import { encodeQuery, type QueryObject } from '../../providers/strapi-query';

export interface Page<T> {
  data: T[];
  meta: { pagination: { page: number; pageSize: number; pageCount: number; total: number; totalCapped?: boolean } };
}

export interface Line {
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
  status: string;
  deliveryMode: 'standard' | 'batch' | null;
  deliveredQty: number;
  deliveryCount: number;
  receivedQty: number;
  returnedQty: number;
  returnPendingQty: number;
  reason: string | null;
  orderedAt: string | null;
}

export interface Delivery {
  documentId: string;
  seq: number;
  quantity: number;
  batchNo: string;
  productionDate: string | null;
  expiryDate: string | null;
  invoiceCode: string | null;
  invoiceNo: string | null;
  status: string;
  invoiceStatus: string;
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

export interface ReturnRequest {
  documentId: string;
  quantity: number;
  reason: string;
  status: string;
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

export interface LineDetail extends Line {
  deliveries: Delivery[];
  returns: ReturnRequest[];
}

export interface OrderOption {
  id: number;
  code: string;
  name: string;
  spec: string | null;
  model: string | null;
  unit: string | null;
  priceFen: number | null;
  certificateLight: string | null;
  distributors: Array<{ id: number; name: string }>;
}

export function api<T = any>(path: string, opts: { method?: 'GET' | 'POST'; body?: unknown; query?: QueryObject } = {}): Promise<T> {
  const q = opts.query ? encodeQuery(opts.query) : '';
  return apiFetch<T>(`/api${path}`, { method: opts.method ?? 'GET', body: opts.body, query: q || undefined, token: getToken() });
}

export const post = <T = any>(path: string, body: unknown = {}) => api<T>(path, { method: 'POST', body });

export function errorText(e: unknown): string {
  if (isHttpError(e)) return e.message ?? String(e.statusCode);
  return e instanceof Error ? e.message : String(e);
}

/** Downloads a GET endpoint's file (path under /api) with the session token. */
export const download = (path: string, query: QueryObject, filename: string) => downloadFile(`/api${path}`, query, filename);

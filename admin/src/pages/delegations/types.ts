/**
 * The rows of 生产配送关系 as GET /api/delegation-list answers them.
 * TODO(integration): replace `DelegationRow` by the domain's contract (`import type { DelegationRow } from '@domain'`)
 * once the server part adds it; `delegationActions` then reduces to `row.actions`.
 */
export type DelegationAction = 'accept' | 'reject' | 'withdraw' | 'subDelegate';

export interface DelegationRow {
  id: number | string;
  documentId: string;
  level: number;
  status: string;
  provinceCode: string;
  provinceName: string;
  manufacturerOrgId: number;
  manufacturerName: string | null;
  delegatorOrgId: number;
  delegatorName: string | null;
  distributorOrgId: number;
  distributorName: string | null;
  productCount: number;
  reason: string | null;
  createdAt: string | null;
  respondedAt: string | null;
  parentDocumentId: string | null;
  /** The actions the caller may take on this row now (decided by the server). */
  actions: string[];
}

/** One product of a delegation (GET /api/delegations/:documentId/products). */
export interface DelegatedProductRow {
  documentId: string;
  code: string;
  name: string;
  registrationNo: string;
  spec: string | null;
  model: string | null;
  unit: string | null;
  priceFen: number | null;
  manufacturerName: string | null;
}

/**
 * The actions of a row as the server listed them. Transitional: servers older than the `actions: string[]`
 * contract answered a map of booleans; it is read the same way (no rule is decided here).
 */
export function delegationActions(row: { actions?: unknown }): string[] {
  const a = row.actions;
  if (Array.isArray(a)) return a.map(String);
  if (a && typeof a === 'object') return Object.keys(a).filter((k) => (a as Record<string, unknown>)[k] === true);
  return [];
}

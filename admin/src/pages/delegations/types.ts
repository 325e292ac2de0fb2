/** The rows of 生产配送关系 are the domain's `DelegationRow` (GET /api/delegation-list), actions included. */
export type { DelegationRow } from '@domain';

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

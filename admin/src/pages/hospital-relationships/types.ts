/** The rows of 医院配送关系 are the domain's `RelationshipRow` (GET /api/hospital-relationships/list), actions included. */
export type { RelationshipRow } from '@domain';

/** A distributor the hospital may ask (GET /api/hospital-relationships/candidates). */
export interface RelationshipCandidate {
  id: number;
  name: string;
  areas: { code: string; name: string }[];
  currentStatus: string | null;
  canRequest: boolean;
}

export interface RelationshipCounts {
  byStatus: Record<string, number>;
  pending: number;
  revoking: number;
}

/** The transitions a distributor may take on several ticked rows at once. */
export const BATCH_ACTIONS = ['accept', 'reject', 'acceptRevoke', 'refuseRevoke'] as const;

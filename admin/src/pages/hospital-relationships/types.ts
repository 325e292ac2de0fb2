/**
 * The rows of 医院配送关系 as GET /api/hospital-relationships/list answers them.
 * TODO(integration): replace `RelationshipRow` by the domain's contract (`import type { RelationshipRow } from '@domain'`)
 * once the server part adds it; `relationshipActions` then reduces to `row.actions`.
 */
import { relationshipMachine, type Role } from '@domain';

export interface RelationshipRow {
  id: number | string;
  documentId: string;
  hospitalName: string | null;
  hospitalRegionName: string | null;
  distributorName: string | null;
  distributorAreas: { code: string; name: string }[];
  /** The effective status (解约中 reads 已解除 after 30 days). */
  status: string;
  reason: string | null;
  revokeReason: string | null;
  requestedAt: string | number | null;
  respondedAt: string | number | null;
  revokeRequestedAt: string | number | null;
  terminatingSince: string | number | null;
  terminationEndsAt: string | null;
  /** Days until 解约中 ends; null unless the relationship is terminating. */
  daysLeft: number | null;
  orderable: boolean;
  distributorOrgId: number;
  /** The actions the caller may take on this row now (decided by the server). */
  actions?: string[];
}

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

/**
 * The actions of a row as the server listed them. Transitional: until every server answers `actions`,
 * a row without them falls back to the domain machine's transitions for the role.
 */
export function relationshipActions(row: RelationshipRow, role: Role | undefined): string[] {
  if (Array.isArray(row.actions)) return row.actions;
  return role ? relationshipMachine.allowed(row.status, role) : [];
}

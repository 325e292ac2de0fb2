/**
 * The hospital relationship list row (医院配送关系, GET /api/hospital-relationships/list) and which
 * actions the calling actor may take on it: the relationshipMachine transitions leaving the row's
 * *effective* status that the actor's role performs, on its own side of the row (the hospital that
 * asked, the distributor addressed). Also the effective-status filter as a plan the SQL follows.
 */
import type { Actionable } from './page';
import type { ActorRef } from './roles';
import { relationshipMachine, type RelationshipStatus, type RelationshipTransition } from './hospital-relationship';

/** Every state name of the relationship machine as a constant (`RELATIONSHIP_STATUS.terminating`). */
export const RELATIONSHIP_STATUS = Object.freeze(Object.fromEntries(relationshipMachine.stateNames.map((s) => [s, s]))) as {
  readonly [S in RelationshipStatus]: S;
};

/** The state a new request starts in. */
export const NEW_RELATIONSHIP_STATUS: RelationshipStatus = RELATIONSHIP_STATUS.pending;

/** Statuses waiting for the distributor's answer: its to-dos (接受/拒绝委托, 接受/拒绝撤销). */
export const DISTRIBUTOR_TODO_RELATIONSHIP_STATUSES: readonly RelationshipStatus[] = [RELATIONSHIP_STATUS.pending, RELATIONSHIP_STATUS.revoking];

/** When "no order possible" has several causes, the one to tell the hospital first. */
export const ORDER_REFUSAL_PRIORITY: readonly RelationshipStatus[] = [
  RELATIONSHIP_STATUS.terminating,
  RELATIONSHIP_STATUS.terminated,
  RELATIONSHIP_STATUS.pending,
];

/** The status to explain a refused order with, among the effective statuses of one hospital–distributor pair. */
export function mostTellingStatus(effectiveStatuses: readonly string[]): string | null {
  return ORDER_REFUSAL_PRIORITY.find((s) => effectiveStatuses.includes(s)) ?? effectiveStatuses[0] ?? null;
}

/**
 * "Effective status ∈ statuses" in stored terms: `stored` are matched on the status column as they
 * are; `dueTerminating` adds stored terminating rows whose 30 days are over (they read terminated);
 * `liveTerminating` adds stored terminating rows whose 30 days are not over (or have no date).
 */
export interface EffectiveStatusPlan {
  stored: RelationshipStatus[];
  dueTerminating: boolean;
  liveTerminating: boolean;
}

export function effectiveStatusPlan(statuses: readonly string[]): EffectiveStatusPlan {
  const { terminating, terminated } = RELATIONSHIP_STATUS;
  return {
    stored: relationshipMachine.stateNames.filter((s) => s !== terminating && statuses.includes(s)),
    dueTerminating: statuses.includes(terminated),
    liveTerminating: statuses.includes(terminating),
  };
}

export type RelationshipAction = RelationshipTransition;

export interface RelationshipRow extends Actionable<RelationshipAction> {
  id: number;
  documentId: string;
  hospitalOrgId: number;
  hospitalName: string | null;
  hospitalLevel: string | null;
  hospitalRegionCode: string | null;
  hospitalRegionName: string | null;
  distributorOrgId: number;
  distributorName: string | null;
  distributorAreas: { code: string; name: string }[];
  provinceCode: string;
  /** The effective status (解约中 reads 已解除 30 days after terminatingSince). */
  status: RelationshipStatus;
  storedStatus: RelationshipStatus;
  reason: string | null;
  revokeReason: string | null;
  /** Date-times: ISO in China time (+08:00). */
  requestedAt: string | null;
  respondedAt: string | null;
  revokeRequestedAt: string | null;
  terminatingSince: string | null;
  terminationEndsAt: string | null;
  daysLeft: number | null;
  /** The hospital may send new orders to the distributor now. */
  orderable: boolean;
  createdAt: string | null;
  updatedAt: string | null;
}

/** What relationshipActions reads of a row. */
export type RelationshipActionInput = Pick<RelationshipRow, 'status' | 'hospitalOrgId' | 'distributorOrgId'>;

/** The actions `actor` may take on the row now (pass the effective status). */
export function relationshipActions(row: RelationshipActionInput, actor: ActorRef): RelationshipAction[] {
  const ownSide =
    (actor.role === 'hospital' && Number(row.hospitalOrgId) === actor.orgId) || (actor.role === 'distributor' && Number(row.distributorOrgId) === actor.orgId);
  return ownSide ? relationshipMachine.allowed(row.status, actor.role) : [];
}

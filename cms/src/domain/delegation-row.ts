/**
 * The delegation list row (生产配送关系, GET /api/delegation-list and detail) and which actions the
 * calling actor may take on it: the delegationMachine transitions for the actor's side of the row,
 * plus `subDelegate` (设置下级配送) for the distributor holding an accepted level-1 delegation.
 */
import type { Actionable } from './page';
import type { ActorRef } from './roles';
import { canSubDelegate, delegationMachine, type DelegationLevel, type DelegationStatus, type DelegationTransition } from './delegation';

/** Every state name of the delegation machine as a constant (`DELEGATION_STATUS.accepted`). */
export const DELEGATION_STATUS = Object.freeze(Object.fromEntries(delegationMachine.stateNames.map((s) => [s, s]))) as {
  readonly [S in DelegationStatus]: S;
};

/** The state a new delegation starts in. */
export const NEW_DELEGATION_STATUS: DelegationStatus = DELEGATION_STATUS.pending;

/** Delegations that are still in force or awaiting an answer: they block a duplicate and a second sub-delegation. */
export const ACTIVE_DELEGATION_STATUSES: readonly DelegationStatus[] = [DELEGATION_STATUS.pending, DELEGATION_STATUS.accepted];

/** Delegations whose products the distributor delivers (配送产品目录, orders). */
export const DELIVERABLE_DELEGATION_STATUSES: readonly DelegationStatus[] = [DELEGATION_STATUS.accepted];

export type DelegationAction = DelegationTransition | 'subDelegate';

/** Action names in the order the panel shows them. */
export const DELEGATION_ACTIONS: readonly DelegationAction[] = [...delegationMachine.transitionNames, 'subDelegate'];

export interface DelegationRow extends Actionable<DelegationAction> {
  id: number;
  documentId: string;
  delegatorOrgId: number;
  manufacturerOrgId: number;
  distributorOrgId: number;
  provinceCode: string;
  provinceName: string;
  level: DelegationLevel;
  parentDelegationId: number | null;
  parentDocumentId: string | null;
  status: DelegationStatus;
  reason: string | null;
  productCount: number;
  /** ISO in China time (+08:00). */
  respondedAt: string | null;
  createdAt: string | null;
  manufacturerName: string | null;
  delegatorName: string | null;
  distributorName: string | null;
  /** A sub-delegation of this one is pending or accepted. */
  hasActiveSubDelegation: boolean;
}

/** What delegationActions reads of a row. */
export type DelegationActionInput = Pick<DelegationRow, 'status' | 'level' | 'delegatorOrgId' | 'distributorOrgId' | 'hasActiveSubDelegation'>;

/**
 * The actions `actor` may take on the row now: accept / reject when the row is addressed to its
 * organisation (the distributor), withdraw when its organisation delegated it, subDelegate when it
 * holds the accepted level-1 delegation and no sub-delegation is pending or accepted.
 */
export function delegationActions(row: DelegationActionInput, actor: ActorRef): DelegationAction[] {
  const addressed = row.distributorOrgId === actor.orgId;
  const delegator = row.delegatorOrgId === actor.orgId;
  const out: DelegationAction[] = [];
  for (const t of delegationMachine.allowed(row.status, actor.role)) {
    if (t === 'withdraw' ? delegator : addressed) out.push(t);
  }
  if (actor.role === 'distributor' && addressed && canSubDelegate(row.level, row.status) && !row.hasActiveSubDelegation) out.push('subDelegate');
  return out;
}

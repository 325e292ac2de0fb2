/**
 * Hospital relationships 医院配送关系.
 *
 * pending → established (accept) | rejected (reject, reason) | withdrawn (hospital withdraws).
 * established → revoking (hospital asks to revoke 撤销申请) → established (refused, reason) |
 * terminating 解约中 (accepted). A terminating relationship is terminated 已解除 exactly
 * TERMINATION_DAYS × 24 h after it started terminating. That last step is not a user transition:
 * it is computed at every read by effectiveRelationshipStatus (a scheduled job may also store it).
 */
import { DAY_MS, toDate } from './dates';
import { DomainError } from './errors';
import { defineMachine, type StateOf, type TransitionOf } from './state-machine';

export const relationshipMachine = defineMachine({
  name: 'relationship',
  states: {
    pending: { zh: '待确认', en: 'Pending', color: 'gold' },
    established: { zh: '已建立', en: 'Established', color: 'green' },
    rejected: { zh: '已拒绝', en: 'Rejected', color: 'red' },
    withdrawn: { zh: '已撤回', en: 'Withdrawn', color: 'default' },
    revoking: { zh: '撤销待确认', en: 'Revocation pending', color: 'orange' },
    terminating: { zh: '解约中', en: 'Terminating', color: 'volcano' },
    terminated: { zh: '已解除', en: 'Terminated', color: 'default' },
  },
  transitions: {
    accept: { from: ['pending'], to: 'established', by: ['distributor'], zh: '接受委托', en: 'Accept' },
    reject: { from: ['pending'], to: 'rejected', by: ['distributor'], reason: true, zh: '拒绝委托', en: 'Reject' },
    withdraw: { from: ['pending'], to: 'withdrawn', by: ['hospital'], zh: '撤回申请', en: 'Withdraw request' },
    requestRevoke: { from: ['established'], to: 'revoking', by: ['hospital'], zh: '撤销申请', en: 'Request revocation' },
    acceptRevoke: { from: ['revoking'], to: 'terminating', by: ['distributor'], zh: '接受撤销', en: 'Accept revocation' },
    refuseRevoke: {
      from: ['revoking'],
      to: 'established',
      by: ['distributor'],
      reason: true,
      zh: '拒绝撤销',
      en: 'Refuse revocation',
    },
  },
});

export type RelationshipStatus = StateOf<typeof relationshipMachine>;
export type RelationshipTransition = TransitionOf<typeof relationshipMachine>;

export const TERMINATION_DAYS = 30;
const TERMINATION_MS = TERMINATION_DAYS * DAY_MS;

/** Instant at which a relationship terminating since `since` becomes terminated. */
export function terminationEndsAt(since: Date | string): Date {
  return new Date(toDate(since, 'terminatingSince').getTime() + TERMINATION_MS);
}

/**
 * The cutoff for queries: a stored 'terminating' row whose terminatingSince is at or before
 * this instant reads 'terminated' at `now` (since + 30 d <= now ⇔ since <= now − 30 d).
 */
export function terminationCutoff(now: Date): Date {
  return new Date(now.getTime() - TERMINATION_MS);
}

/** Has the 30-day period ended at `now`? (now >= since + 30 × 24 h) */
export function isTerminationDue(since: Date | string, now: Date): boolean {
  return now.getTime() >= terminationEndsAt(since).getTime();
}

/**
 * Days left before termination, rounded up (29 d 1 h left → 30; 0 once ended). Day 0 → 30,
 * day 29 → 1, day 30 → 0.
 */
export function daysLeft(since: Date | string, now: Date): number {
  const ms = terminationEndsAt(since).getTime() - now.getTime();
  return ms <= 0 ? 0 : Math.ceil(ms / DAY_MS);
}

/**
 * The status as it is at `now`: a stored 'terminating' whose 30 days have passed reads 'terminated'.
 * Every other stored status is returned unchanged. A 'terminating' row without a (valid)
 * terminatingSince stays 'terminating' (the date is missing; nothing can be computed).
 */
export function effectiveRelationshipStatus<S extends string>(stored: S, terminatingSince: Date | string | null | undefined, now: Date): S | 'terminated' {
  if (stored !== 'terminating' || terminatingSince === null || terminatingSince === undefined) return stored;
  const since = terminatingSince instanceof Date ? terminatingSince : new Date(terminatingSince);
  if (Number.isNaN(since.getTime())) return stored;
  return isTerminationDue(since, now) ? 'terminated' : stored;
}

/**
 * Statuses in which the hospital may send new orders to the distributor. 'revoking' counts:
 * a revocation request not yet accepted leaves the relationship established in substance
 * (if the distributor refuses, "nothing changes").
 */
export const ORDERABLE_RELATIONSHIP_STATUSES: readonly RelationshipStatus[] = ['established', 'revoking'];

/** Statuses that block a new request for the same hospital–distributor pair. */
export const BLOCKING_RELATIONSHIP_STATUSES: readonly RelationshipStatus[] = ['pending', 'established', 'revoking', 'terminating'];

/** May the hospital place a new order with the distributor? Pass the *effective* status. */
export function canPlaceOrder(effectiveStatus: string | null | undefined): boolean {
  return (ORDERABLE_RELATIONSHIP_STATUSES as readonly string[]).includes(String(effectiveStatus));
}

/** Throws RELATIONSHIP_NOT_ORDERABLE (409) with a reason in Chinese when canPlaceOrder is false. */
export function assertCanPlaceOrder(effectiveStatus: string | null | undefined): void {
  if (canPlaceOrder(effectiveStatus)) return;
  let message: string;
  if (effectiveStatus === 'terminating') message = '与该配送企业的配送关系解约中，不能发出新订单';
  else if (effectiveStatus === 'terminated') message = '与该配送企业的配送关系已解除，不能发出新订单';
  else if (effectiveStatus === 'pending') message = '配送企业尚未接受委托，不能发出订单';
  else message = '未与该配送企业建立配送关系，不能发出订单';
  throw new DomainError('RELATIONSHIP_NOT_ORDERABLE', message, {
    status: 409,
    field: 'distributor',
    details: { status: effectiveStatus ?? null },
  });
}

/**
 * May the hospital send a new request to a distributor, given the *effective* statuses of all
 * existing relationships of the same pair? Refused while one is pending, established, revoking or
 * terminating; allowed when there is none or all are rejected, withdrawn or terminated.
 */
export function canRequestAgain(existingEffectiveStatuses: readonly string[]): boolean {
  return !existingEffectiveStatuses.some((s) => (BLOCKING_RELATIONSHIP_STATUSES as readonly string[]).includes(s));
}

/** Throws RELATIONSHIP_EXISTS (409) when canRequestAgain is false. */
export function assertCanRequestAgain(existingEffectiveStatuses: readonly string[]): void {
  if (canRequestAgain(existingEffectiveStatuses)) return;
  const s = existingEffectiveStatuses.find((x) => (BLOCKING_RELATIONSHIP_STATUSES as readonly string[]).includes(x));
  throw new DomainError('RELATIONSHIP_EXISTS', `与该配送企业已有“${relationshipMachine.label(s ?? '')}”的配送关系，不能重复申请`, {
    status: 409,
    field: 'distributor',
    details: { status: s },
  });
}

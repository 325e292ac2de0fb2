/**
 * Manufacturer delegations 生产配送关系 and the sub-distribution chain 下级配送链.
 *
 * Level 1: manufacturer → distributor. Level 2: distributor (that accepted a level-1 delegation)
 * → one other distributor, same products, same province. No level 3 (两票制).
 * `withdraw` is done by the delegator: the manufacturer for level 1, the distributor for level 2;
 * the server checks which organisation is the delegator.
 */
import { DomainError } from './errors';
import { defineMachine, type StateOf, type TransitionOf } from './state-machine';

export const delegationMachine = defineMachine({
  name: 'delegation',
  states: {
    pending: { zh: '待确认', en: 'Pending', color: 'gold' },
    accepted: { zh: '已确认', en: 'Accepted', color: 'green' },
    rejected: { zh: '已拒绝', en: 'Rejected', color: 'red' },
    withdrawn: { zh: '已撤回', en: 'Withdrawn', color: 'default' },
  },
  transitions: {
    accept: { from: ['pending'], to: 'accepted', by: ['distributor'], zh: '接受委托', en: 'Accept' },
    reject: { from: ['pending'], to: 'rejected', by: ['distributor'], reason: true, zh: '拒绝委托', en: 'Reject' },
    withdraw: { from: ['pending'], to: 'withdrawn', by: ['manufacturer', 'distributor'], zh: '撤回', en: 'Withdraw' },
  },
});

export type DelegationStatus = StateOf<typeof delegationMachine>;
export type DelegationTransition = TransitionOf<typeof delegationMachine>;

/** Deepest chain level: 1 = manufacturer → distributor, 2 = distributor → sub-distributor. */
export const MAX_CHAIN_LEVEL = 2;
export type DelegationLevel = 1 | 2;

export const DELEGATION_LEVEL_LABELS: { readonly [L in DelegationLevel]: { zh: string; en: string } } = {
  1: { zh: '一级配送', en: 'Level 1' },
  2: { zh: '下级配送', en: 'Sub-distribution' },
};

/** May a distributor delegate on the products of this delegation? Only level-1 accepted ones. */
export function canSubDelegate(level: number, status: string): boolean {
  return level === 1 && level < MAX_CHAIN_LEVEL && status === 'accepted';
}

/**
 * Throws when a sub-delegation may not be created from `parent`:
 * SUB_DELEGATION_TOO_DEEP (level 2 is the last), SUB_DELEGATION_NOT_ACCEPTED (parent not accepted),
 * SUB_DELEGATION_SELF (the sub-distributor is the delegating distributor).
 */
export function assertCanSubDelegate(parent: {
  level: number;
  status: string;
  distributorId?: string | number | null;
  targetDistributorId?: string | number | null;
}): void {
  if (parent.level >= MAX_CHAIN_LEVEL || parent.level !== 1) {
    throw new DomainError('SUB_DELEGATION_TOO_DEEP', '下级配送企业不能再委托配送（最多一级下级配送）', { status: 409 });
  }
  if (parent.status !== 'accepted') {
    throw new DomainError('SUB_DELEGATION_NOT_ACCEPTED', '只有已确认的委托才能设置下级配送', { status: 409 });
  }
  if (
    parent.distributorId !== undefined &&
    parent.distributorId !== null &&
    parent.targetDistributorId !== undefined &&
    parent.targetDistributorId !== null &&
    String(parent.distributorId) === String(parent.targetDistributorId)
  ) {
    throw new DomainError('SUB_DELEGATION_SELF', '不能委托给本企业', { status: 400, field: 'distributor' });
  }
}

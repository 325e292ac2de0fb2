import { describe, expect, it } from 'vitest';
import {
  ACTIVE_DELEGATION_STATUSES,
  DELEGATION_ACTIONS,
  DELEGATION_STATUS,
  delegationActions,
  delegationMachine,
  DELIVERABLE_DELEGATION_STATUSES,
  type ActorRef,
  type DelegationActionInput,
} from '../../src/domain';

const MF = 1;
const DIST = 2;
const SUB = 3;
const manufacturer: ActorRef = { role: 'manufacturer', orgId: MF };
const distributor: ActorRef = { role: 'distributor', orgId: DIST };
const subDistributor: ActorRef = { role: 'distributor', orgId: SUB };
const other: ActorRef = { role: 'distributor', orgId: 99 };
const admin: ActorRef = { role: 'platform_admin', orgId: 100 };

const level1 = (status: string, extra: Partial<DelegationActionInput> = {}): DelegationActionInput => ({
  status: status as DelegationActionInput['status'],
  level: 1,
  delegatorOrgId: MF,
  distributorOrgId: DIST,
  hasActiveSubDelegation: false,
  ...extra,
});
const level2 = (status: string): DelegationActionInput => ({ ...level1(status), level: 2, delegatorOrgId: DIST, distributorOrgId: SUB });

describe('delegation status constants', () => {
  it('name every state of the machine by itself', () => {
    expect(Object.keys(DELEGATION_STATUS)).toEqual(delegationMachine.stateNames);
    for (const s of delegationMachine.stateNames) expect(DELEGATION_STATUS[s]).toBe(s);
  });
  it('active = pending + accepted; deliverable = accepted only', () => {
    expect(ACTIVE_DELEGATION_STATUSES).toEqual(['pending', 'accepted']);
    expect(DELIVERABLE_DELEGATION_STATUSES).toEqual(['accepted']);
  });
  it('action vocabulary = the machine transitions + subDelegate', () => {
    expect(DELEGATION_ACTIONS).toEqual(['accept', 'reject', 'withdraw', 'subDelegate']);
  });
});

describe('delegationActions', () => {
  it('a pending level-1 row: the addressed distributor may accept or reject, the manufacturer withdraw', () => {
    expect(delegationActions(level1('pending'), distributor)).toEqual(['accept', 'reject']);
    expect(delegationActions(level1('pending'), manufacturer)).toEqual(['withdraw']);
  });
  it('a distributor not addressed, and read-only roles, get nothing', () => {
    expect(delegationActions(level1('pending'), other)).toEqual([]);
    expect(delegationActions(level1('pending'), admin)).toEqual([]);
    expect(delegationActions(level1('accepted'), other)).toEqual([]);
  });
  it('an accepted level-1 row offers subDelegate to its distributor only while no sub-delegation is active', () => {
    expect(delegationActions(level1('accepted'), distributor)).toEqual(['subDelegate']);
    expect(delegationActions(level1('accepted', { hasActiveSubDelegation: true }), distributor)).toEqual([]);
    expect(delegationActions(level1('accepted'), manufacturer)).toEqual([]);
  });
  it('a pending level-2 row: the sub-distributor answers, the delegating distributor withdraws', () => {
    expect(delegationActions(level2('pending'), subDistributor)).toEqual(['accept', 'reject']);
    expect(delegationActions(level2('pending'), distributor)).toEqual(['withdraw']);
  });
  it('an accepted level-2 row offers no subDelegate (no level 3)', () => {
    expect(delegationActions(level2('accepted'), subDistributor)).toEqual([]);
  });
  it.each(['rejected', 'withdrawn'])('a %s row offers nothing to anyone', (s) => {
    for (const a of [manufacturer, distributor, subDistributor, admin]) expect(delegationActions(level1(s), a)).toEqual([]);
  });
});

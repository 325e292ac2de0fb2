import { describe, expect, it } from 'vitest';
import {
  DISTRIBUTOR_TODO_RELATIONSHIP_STATUSES,
  effectiveStatusPlan,
  mostTellingStatus,
  RELATIONSHIP_STATUS,
  relationshipActions,
  relationshipMachine,
  type ActorRef,
  type RelationshipActionInput,
} from '../../src/domain';

const H = 10;
const D = 20;
const hospital: ActorRef = { role: 'hospital', orgId: H, provinceCode: '11' };
const distributor: ActorRef = { role: 'distributor', orgId: D };
const otherHospital: ActorRef = { role: 'hospital', orgId: 11 };
const otherDistributor: ActorRef = { role: 'distributor', orgId: 21 };
const bureau: ActorRef = { role: 'bureau', orgId: 30, provinceCode: '11' };
const row = (status: string): RelationshipActionInput => ({ status: status as RelationshipActionInput['status'], hospitalOrgId: H, distributorOrgId: D });

describe('relationship status constants', () => {
  it('name every state of the machine by itself', () => {
    expect(Object.keys(RELATIONSHIP_STATUS)).toEqual(relationshipMachine.stateNames);
  });
  it("the distributor's to-dos are pending and revoking", () => {
    expect(DISTRIBUTOR_TODO_RELATIONSHIP_STATUSES).toEqual(['pending', 'revoking']);
  });
});

describe('relationshipActions (effective status, own side)', () => {
  it.each([
    ['pending', ['withdraw'], ['accept', 'reject']],
    ['established', ['requestRevoke'], []],
    ['revoking', [], ['acceptRevoke', 'refuseRevoke']],
    ['terminating', [], []],
    ['terminated', [], []],
    ['rejected', [], []],
    ['withdrawn', [], []],
  ])('%s: hospital %j, distributor %j', (status, forHospital, forDistributor) => {
    expect(relationshipActions(row(status), hospital)).toEqual(forHospital);
    expect(relationshipActions(row(status), distributor)).toEqual(forDistributor);
  });
  it('the other party of another pair, and read-only roles, get nothing', () => {
    for (const s of relationshipMachine.stateNames) {
      expect(relationshipActions(row(s), otherHospital)).toEqual([]);
      expect(relationshipActions(row(s), otherDistributor)).toEqual([]);
      expect(relationshipActions(row(s), bureau)).toEqual([]);
    }
  });
});

describe('effectiveStatusPlan', () => {
  it('plain statuses are matched as stored', () => {
    expect(effectiveStatusPlan(['pending', 'established'])).toEqual({ stored: ['pending', 'established'], dueTerminating: false, liveTerminating: false });
  });
  it('terminated = stored terminated + terminating rows past 30 days', () => {
    expect(effectiveStatusPlan(['terminated'])).toEqual({ stored: ['terminated'], dueTerminating: true, liveTerminating: false });
  });
  it('terminating = terminating rows within 30 days only', () => {
    expect(effectiveStatusPlan(['terminating'])).toEqual({ stored: [], dueTerminating: false, liveTerminating: true });
  });
  it('unknown names are ignored; an empty list matches nothing', () => {
    expect(effectiveStatusPlan(['nope'])).toEqual({ stored: [], dueTerminating: false, liveTerminating: false });
  });
});

describe('mostTellingStatus', () => {
  it('prefers terminating, then terminated, then pending, else the first', () => {
    expect(mostTellingStatus(['rejected', 'pending', 'terminated'])).toBe('terminated');
    expect(mostTellingStatus(['terminated', 'terminating'])).toBe('terminating');
    expect(mostTellingStatus(['rejected', 'pending'])).toBe('pending');
    expect(mostTellingStatus(['withdrawn'])).toBe('withdrawn');
    expect(mostTellingStatus([])).toBeNull();
  });
});

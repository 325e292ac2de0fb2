import { describe, expect, it } from 'vitest';
import {
  assertCanPlaceOrder,
  assertCanRequestAgain,
  assertCanSubDelegate,
  canPlaceOrder,
  canRequestAgain,
  canSubDelegate,
  DAY_MS,
  daysLeft,
  effectiveRelationshipStatus,
  isTerminationDue,
  MAX_CHAIN_LEVEL,
  TERMINATION_DAYS,
  terminationEndsAt,
} from '../../src/domain';

describe('sub-distribution chain (下级配送链)', () => {
  it('allows one level below the manufacturer', () => {
    expect(MAX_CHAIN_LEVEL).toBe(2);
  });

  const table: Array<[1 | 2, string, boolean]> = [
    [1, 'pending', false],
    [1, 'accepted', true],
    [1, 'rejected', false],
    [1, 'withdrawn', false],
    [2, 'pending', false],
    [2, 'accepted', false],
    [2, 'rejected', false],
    [2, 'withdrawn', false],
  ];
  it.each(table)('level %i %s → %s', (level, status, ok) => {
    expect(canSubDelegate(level, status)).toBe(ok);
  });

  it('assertCanSubDelegate explains the refusal', () => {
    expect(() => assertCanSubDelegate({ level: 1, status: 'accepted', distributorId: 1, targetDistributorId: 2 })).not.toThrow();
    expect(() => assertCanSubDelegate({ level: 2, status: 'accepted' })).toThrowError(
      expect.objectContaining({ code: 'SUB_DELEGATION_TOO_DEEP', status: 409 }),
    );
    expect(() => assertCanSubDelegate({ level: 1, status: 'pending' })).toThrowError(expect.objectContaining({ code: 'SUB_DELEGATION_NOT_ACCEPTED' }));
    expect(() => assertCanSubDelegate({ level: 1, status: 'accepted', distributorId: 7, targetDistributorId: '7' })).toThrowError(
      expect.objectContaining({ code: 'SUB_DELEGATION_SELF', field: 'distributor' }),
    );
  });
});

describe('termination 解约中 → 已解除 after 30 days', () => {
  const since = new Date('2024-03-01T10:00:00.000Z');
  const at = (days: number, ms = 0): Date => new Date(since.getTime() + days * DAY_MS + ms);

  it('is exactly 30 × 24 h', () => {
    expect(TERMINATION_DAYS).toBe(30);
    expect(terminationEndsAt(since).toISOString()).toBe('2024-03-31T10:00:00.000Z');
    expect(terminationEndsAt('2024-03-01T10:00:00.000Z').toISOString()).toBe('2024-03-31T10:00:00.000Z');
  });

  it('day 29 → terminating, day 30 → terminated', () => {
    expect(effectiveRelationshipStatus('terminating', since, at(0))).toBe('terminating');
    expect(effectiveRelationshipStatus('terminating', since, at(29))).toBe('terminating');
    expect(effectiveRelationshipStatus('terminating', since, at(29, 23 * 3600_000))).toBe('terminating');
    expect(effectiveRelationshipStatus('terminating', since, at(30, -1))).toBe('terminating');
    expect(effectiveRelationshipStatus('terminating', since, at(30))).toBe('terminated');
    expect(effectiveRelationshipStatus('terminating', since, at(30, 1))).toBe('terminated');
    expect(effectiveRelationshipStatus('terminating', since, at(400))).toBe('terminated');
    expect(isTerminationDue(since, at(29))).toBe(false);
    expect(isTerminationDue(since, at(30))).toBe(true);
  });

  it('accepts the start as an ISO string', () => {
    expect(effectiveRelationshipStatus('terminating', '2024-03-01T10:00:00.000Z', at(29))).toBe('terminating');
    expect(effectiveRelationshipStatus('terminating', '2024-03-01T10:00:00.000Z', at(30))).toBe('terminated');
  });

  it('leaves other statuses and a missing start unchanged', () => {
    for (const s of ['pending', 'established', 'rejected', 'withdrawn', 'revoking', 'terminated']) {
      expect(effectiveRelationshipStatus(s, since, at(100))).toBe(s);
      expect(effectiveRelationshipStatus(s, null, at(100))).toBe(s);
    }
    expect(effectiveRelationshipStatus('terminating', null, at(100))).toBe('terminating');
    expect(effectiveRelationshipStatus('terminating', 'not a date', at(100))).toBe('terminating');
  });

  it('counts days left, rounded up', () => {
    expect(daysLeft(since, at(0))).toBe(30);
    expect(daysLeft(since, at(0, 1))).toBe(30);
    expect(daysLeft(since, at(1))).toBe(29);
    expect(daysLeft(since, at(29))).toBe(1);
    expect(daysLeft(since, at(29, 1))).toBe(1);
    expect(daysLeft(since, at(30))).toBe(0);
    expect(daysLeft(since, at(45))).toBe(0);
  });

  it('rejects an unparsable start', () => {
    expect(() => terminationEndsAt('yesterday-ish')).toThrowError(expect.objectContaining({ code: 'DATE_INVALID' }));
  });
});

describe('canPlaceOrder (effective status)', () => {
  const table: Array<[string, boolean]> = [
    ['pending', false],
    ['established', true],
    ['rejected', false],
    ['withdrawn', false],
    ['revoking', true],
    ['terminating', false],
    ['terminated', false],
    ['', false],
  ];
  it.each(table)('%s → %s', (status, ok) => {
    expect(canPlaceOrder(status)).toBe(ok);
    if (ok) expect(() => assertCanPlaceOrder(status)).not.toThrow();
    else expect(() => assertCanPlaceOrder(status)).toThrowError(expect.objectContaining({ code: 'RELATIONSHIP_NOT_ORDERABLE', status: 409 }));
  });

  it('says why in Chinese', () => {
    expect(() => assertCanPlaceOrder('terminating')).toThrow('解约中');
    expect(() => assertCanPlaceOrder('terminated')).toThrow('已解除');
    expect(canPlaceOrder(null)).toBe(false);
    expect(canPlaceOrder(undefined)).toBe(false);
  });

  it('a terminating relationship past 30 days is terminated for ordering too', () => {
    const since = '2024-01-01T00:00:00Z';
    expect(canPlaceOrder(effectiveRelationshipStatus('terminating', since, new Date('2024-02-15T00:00:00Z')))).toBe(false);
  });
});

describe('canRequestAgain (same hospital–distributor pair)', () => {
  const each: Array<[string, boolean]> = [
    ['pending', false],
    ['established', false],
    ['revoking', false],
    ['terminating', false],
    ['rejected', true],
    ['withdrawn', true],
    ['terminated', true],
  ];
  it.each(each)('one existing %s → %s', (status, ok) => {
    expect(canRequestAgain([status])).toBe(ok);
  });

  it('none → allowed; any blocking one → refused', () => {
    expect(canRequestAgain([])).toBe(true);
    expect(canRequestAgain(['rejected', 'withdrawn', 'terminated'])).toBe(true);
    expect(canRequestAgain(['rejected', 'terminating', 'terminated'])).toBe(false);
    expect(() => assertCanRequestAgain(['terminated', 'established'])).toThrow('已有“已建立”的配送关系');
    expect(() => assertCanRequestAgain(['pending'])).toThrowError(expect.objectContaining({ code: 'RELATIONSHIP_EXISTS' }));
  });
});

describe('terminationCutoff (SQL filters of the effective status)', () => {
  it('is now − 30 days, and agrees with isTerminationDue at the boundary', async () => {
    const { terminationCutoff } = await import('../../src/domain');
    const now = new Date('2026-03-31T00:00:00Z');
    const cutoff = terminationCutoff(now);
    expect(cutoff.toISOString()).toBe('2026-03-01T00:00:00.000Z');
    expect(isTerminationDue(cutoff, now)).toBe(true);
    expect(isTerminationDue(new Date(cutoff.getTime() + 1), now)).toBe(false);
  });
});

import { describe, expect, it } from 'vitest';
import {
  addDaysIso,
  assertCanSubDelegate,
  canSubDelegate,
  categoryLabel,
  certificateBounds,
  certificateLight,
  delegationMachine,
  isProductCategory,
  PRODUCT_CATEGORIES,
} from '../../src/domain';

describe('certificateBounds (SQL filter of the certificate light)', () => {
  it('computes today and the last yellow day in China time', () => {
    // 2024-06-14 17:00 UTC is already 2024-06-15 in Beijing
    expect(certificateBounds(new Date('2024-06-14T17:00:00Z'))).toEqual({ today: '2024-06-15', yellowUntil: '2024-09-13' });
    expect(certificateBounds(new Date('2024-06-14T15:59:00Z'), 10)).toEqual({ today: '2024-06-14', yellowUntil: '2024-06-24' });
  });

  it('agrees with certificateLight on every day around the bounds', () => {
    const now = new Date('2025-12-31T20:00:00Z');
    for (const window of [0, 1, 30, 90]) {
      const { today, yellowUntil } = certificateBounds(now, window);
      for (let d = -3; d <= window + 3; d++) {
        const validTo = addDaysIso(today, d);
        const sql = validTo < today ? 'red' : validTo <= yellowUntil ? 'yellow' : 'green';
        expect(certificateLight(validTo, now, window)).toBe(sql);
      }
    }
  });
});

describe('product categories', () => {
  it('labels every category in both languages', () => {
    expect(PRODUCT_CATEGORIES).toContain('trauma');
    expect(categoryLabel('trauma')).toBe('创伤');
    expect(categoryLabel('spine', 'en-US')).toBe('Spine');
    expect(categoryLabel('unknown')).toBe('unknown');
    expect(isProductCategory('joint')).toBe(true);
    expect(isProductCategory('x')).toBe(false);
  });
});

describe('delegation chain', () => {
  it('only an accepted level-1 delegation may be sub-delegated', () => {
    expect(canSubDelegate(1, 'accepted')).toBe(true);
    expect(canSubDelegate(1, 'pending')).toBe(false);
    expect(canSubDelegate(2, 'accepted')).toBe(false);
  });

  it('refuses a second level, an unaccepted parent and the distributor itself', () => {
    expect(() => assertCanSubDelegate({ level: 2, status: 'accepted' })).toThrow(expect.objectContaining({ code: 'SUB_DELEGATION_TOO_DEEP' }));
    expect(() => assertCanSubDelegate({ level: 1, status: 'pending' })).toThrow(expect.objectContaining({ code: 'SUB_DELEGATION_NOT_ACCEPTED' }));
    expect(() => assertCanSubDelegate({ level: 1, status: 'accepted', distributorId: 5, targetDistributorId: '5' })).toThrow(
      expect.objectContaining({ code: 'SUB_DELEGATION_SELF' }),
    );
    expect(() => assertCanSubDelegate({ level: 1, status: 'accepted', distributorId: 5, targetDistributorId: 6 })).not.toThrow();
  });

  it('answers only from pending, and a reject needs a reason', () => {
    expect(delegationMachine.next('accept', 'pending', { role: 'distributor' })).toBe('accepted');
    expect(() => delegationMachine.next('accept', 'accepted', { role: 'distributor' })).toThrow(expect.objectContaining({ code: 'INVALID_TRANSITION' }));
    expect(() => delegationMachine.next('reject', 'pending', { role: 'distributor', reason: '  ' })).toThrow(
      expect.objectContaining({ code: 'REASON_REQUIRED' }),
    );
    expect(() => delegationMachine.next('accept', 'pending', { role: 'manufacturer' })).toThrow(expect.objectContaining({ code: 'ROLE_NOT_ALLOWED' }));
  });
});

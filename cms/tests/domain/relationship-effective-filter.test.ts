import { describe, expect, it } from 'vitest';
import { effectiveStatusCondition, rewriteStatusFilters, statusesMatching } from '../../src/api/hospital-relationship/support/effective-filter';

// The generic REST filter on `status` of hospital relationships (pure: no Strapi needed).
const CUTOFF = '2026-11-01T00:00:00.000Z';

describe('statusesMatching', () => {
  it('a value, a list and the operators Strapi accepts', () => {
    expect(statusesMatching('terminated')).toEqual(['terminated']);
    expect(statusesMatching(['pending', 'nope'])).toEqual(['pending']);
    expect(statusesMatching({ $in: ['pending', 'revoking'] })).toEqual(['pending', 'revoking']);
    expect(statusesMatching({ $ne: 'pending' })).not.toContain('pending');
    expect(statusesMatching({ $not: { $eq: 'pending' } })).not.toContain('pending');
  });
  it('an unknown operator answers 400 INVALID_FILTER', () => {
    expect(() => statusesMatching({ $regex: 'x' })).toThrowError(expect.objectContaining({ code: 'INVALID_FILTER', status: 400 }));
  });
});

describe('effectiveStatusCondition', () => {
  it('terminated = stored terminated or terminating since the cutoff or earlier', () => {
    expect(effectiveStatusCondition(['terminated'], CUTOFF)).toEqual({
      $or: [{ status: { $in: ['terminated'] } }, { $and: [{ status: { $eq: 'terminating' } }, { terminatingSince: { $lte: CUTOFF } }] }],
    });
  });
  it('terminating = terminating after the cutoff (or without a date)', () => {
    expect(effectiveStatusCondition(['terminating'], CUTOFF)).toEqual({
      $or: [{ $and: [{ status: { $eq: 'terminating' } }, { $or: [{ terminatingSince: { $gt: CUTOFF } }, { terminatingSince: { $null: true } }] }] }],
    });
  });
  it('nothing matches an empty list', () => {
    expect(effectiveStatusCondition([], CUTOFF)).toEqual({ id: { $eq: -1 } });
  });
});

describe('rewriteStatusFilters', () => {
  it('replaces every status condition, keeps the others', () => {
    const out = rewriteStatusFilters({ status: 'pending', hospitalOrgId: { $eq: 3 } }, CUTOFF) as Record<string, unknown>;
    expect(out.hospitalOrgId).toEqual({ $eq: 3 });
    expect(out.$and).toEqual([{ $or: [{ status: { $in: ['pending'] } }] }]);
  });
});

import { describe, expect, it } from 'vitest';
import {
  CONTRACT_PARTIES,
  DELIVERY_MODES,
  isContractParty,
  isDeliveryMode,
  isNonNegativeInteger,
  isOrgType,
  isPositiveInteger,
  isRole,
  normaliseCreditCode,
  ORG_TYPES,
  pageOf,
  remainingQuantity,
  ROLES,
} from '../../src/domain';

describe('membership guards accept exactly their lists', () => {
  it.each([
    ['isRole', isRole, ROLES],
    ['isOrgType', isOrgType, ORG_TYPES],
    ['isContractParty', isContractParty, CONTRACT_PARTIES],
    ['isDeliveryMode', isDeliveryMode, DELIVERY_MODES],
  ] as const)('%s accepts each listed value and refuses others, other cases and non-strings', (_name, guard, values) => {
    for (const v of values) expect(guard(v)).toBe(true);
    for (const v of ['', 'nobody', values[0]!.toUpperCase(), ` ${values[0]}`, null, undefined, 1, {}]) expect(guard(v)).toBe(false);
  });
});

describe('integer guards', () => {
  it('isPositiveInteger accepts safe integers ≥ 1 only', () => {
    for (const v of [1, 2, Number.MAX_SAFE_INTEGER]) expect(isPositiveInteger(v)).toBe(true);
    for (const v of [0, -1, 1.5, Number.MAX_SAFE_INTEGER + 1, Number.NaN, Infinity, '1', null]) expect(isPositiveInteger(v)).toBe(false);
  });

  it('isNonNegativeInteger also accepts 0', () => {
    expect(isNonNegativeInteger(0)).toBe(true);
    for (const v of [-1, 0.5, '0', null]) expect(isNonNegativeInteger(v)).toBe(false);
  });
});

describe('remainingQuantity', () => {
  it('is what is left to deliver, never below 0', () => {
    expect(remainingQuantity(10, 3)).toBe(7);
    expect(remainingQuantity(10, 10)).toBe(0);
    expect(remainingQuantity(10, 12)).toBe(0);
  });
});

describe('normaliseCreditCode', () => {
  it('drops every blank and upper-cases', () => {
    expect(normaliseCreditCode(' 9111 0000 1000 0000 0x ')).toBe('91110000100000000X');
    expect(normaliseCreditCode(null)).toBe('');
  });
});

describe('pageOf (the list envelope)', () => {
  it("answers Strapi's { data, meta.pagination } with the page count rounded up", () => {
    expect(pageOf(['a', 'b'], 21, 2, 10)).toEqual({ data: ['a', 'b'], meta: { pagination: { page: 2, pageSize: 10, pageCount: 3, total: 21 } } });
  });

  it('counts no page for no rows', () => {
    expect(pageOf([], 0, 1, 20).meta.pagination).toEqual({ page: 1, pageSize: 20, pageCount: 0, total: 0 });
  });
});

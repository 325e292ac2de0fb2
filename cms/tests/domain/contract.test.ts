import { describe, expect, it } from 'vitest';
import { assertCanSign, canonicalContractContent, CONTRACT_PARTIES, contractStatusAfterSign, DomainError } from '../../src/domain';

function code(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    if (e instanceof DomainError) return e.code;
    throw e;
  }
  return 'OK';
}

describe('contractStatusAfterSign', () => {
  const H = 'hospital';
  const M = 'manufacturer';
  const D = 'distributor';
  const table: Array<[string[], string]> = [
    [[], 'signing'],
    [[H], 'signing'],
    [[M], 'signing'],
    [[D], 'signing'],
    [[H, M], 'signing'],
    [[H, D], 'signing'],
    [[M, D], 'signing'],
    [[H, M, D], 'effective'],
    [[D, H, M, H], 'effective'],
  ];
  it.each(table)('%j → %s', (parties, status) => {
    expect(contractStatusAfterSign(new Set(parties))).toBe(status);
    expect(contractStatusAfterSign(parties)).toBe(status);
  });

  it('has exactly three parties: hospital, manufacturer, distributor', () => {
    expect([...CONTRACT_PARTIES].sort()).toEqual(['distributor', 'hospital', 'manufacturer']);
  });
});

describe('assertCanSign', () => {
  it('each party once, only while signing', () => {
    expect(code(() => assertCanSign('signing', 'hospital', []))).toBe('OK');
    expect(code(() => assertCanSign('signing', 'hospital', ['hospital']))).toBe('ALREADY_SIGNED');
    expect(code(() => assertCanSign('signing', 'bureau', []))).toBe('NOT_A_PARTY');
    expect(code(() => assertCanSign('effective', 'hospital', []))).toBe('INVALID_TRANSITION');
    expect(code(() => assertCanSign('void', 'distributor', []))).toBe('INVALID_TRANSITION');
  });
});

describe('canonicalContractContent', () => {
  const contract = {
    contractNo: 'HT-2024-0001',
    hospitalId: 3,
    manufacturerId: 5,
    distributorId: 8,
    periodStart: '2024-01-01',
    periodEnd: '2024-12-31',
    products: [
      { productId: 12, quantity: 100, unitPriceFen: 123400 },
      { productId: 2, quantity: 50, unitPriceFen: 99900 },
      { productId: 'abc', quantity: 1, unitPriceFen: 1 },
    ],
  };

  it('is deterministic: key order and product order do not matter', () => {
    const shuffled = {
      products: [contract.products[2], contract.products[0], contract.products[1]].map((p) => ({
        unitPriceFen: p!.unitPriceFen,
        quantity: p!.quantity,
        productId: p!.productId,
      })),
      periodEnd: '2024-12-31',
      distributorId: 8,
      periodStart: '2024-01-01',
      manufacturerId: 5,
      hospitalId: 3,
      contractNo: 'HT-2024-0001',
    };
    expect(canonicalContractContent(shuffled)).toBe(canonicalContractContent(contract));
  });

  it('sorts keys and products by product id (numeric ids numerically)', () => {
    expect(canonicalContractContent(contract)).toBe(
      '{"contractNo":"HT-2024-0001","distributorId":8,"hospitalId":3,"manufacturerId":5,"periodEnd":"2024-12-31","periodStart":"2024-01-01",' +
        '"products":[{"productId":2,"quantity":50,"unitPriceFen":99900},{"productId":12,"quantity":100,"unitPriceFen":123400},' +
        '{"productId":"abc","quantity":1,"unitPriceFen":1}]}',
    );
  });

  it('changes when the content changes', () => {
    const base = canonicalContractContent(contract);
    const changed = { ...contract, products: contract.products.map((p, i) => (i === 0 ? { ...p, quantity: 101 } : p)) };
    expect(canonicalContractContent(changed)).not.toBe(base);
    expect(canonicalContractContent({ ...contract, periodEnd: '2025-12-31' })).not.toBe(base);
  });

  it('ignores bookkeeping and signature state, so signing does not change what is signed', () => {
    const base = canonicalContractContent(contract);
    expect(
      canonicalContractContent({
        ...contract,
        id: 9,
        documentId: 'x1',
        status: 'effective',
        signatures: [{ party: 'hospital' }],
        updatedAt: '2024-05-05T00:00:00Z',
        note: undefined,
      }),
    ).toBe(base);
  });

  it('accepts a product relation instead of productId, and Dates', () => {
    const a = canonicalContractContent({
      products: [
        { product: { documentId: 'b' }, q: 1 },
        { product: { documentId: 'a' }, q: 2 },
      ],
    });
    expect(a).toBe('{"products":[{"product":{"documentId":"a"},"q":2},{"product":{"documentId":"b"},"q":1}]}');
    expect(canonicalContractContent({ signedOn: new Date('2024-01-01T00:00:00Z') })).toBe('{"signedOn":"2024-01-01T00:00:00.000Z"}');
  });

  it('refuses values that cannot be signed', () => {
    expect(code(() => canonicalContractContent({ price: Number.NaN }))).toBe('CONTRACT_CONTENT_INVALID');
  });
});

import { describe, expect, it } from 'vitest';
import {
  assertPinFormat,
  CONTRACT_COUNTED_LINE_STATUSES,
  contractActions,
  contractContentText,
  contractPartyOf,
  DomainError,
  executionPercent,
  orderedParties,
  PIN_MAX_FAILURES,
  pinAttemptsLeft,
  TODO_STATUSES,
  volumeFieldOf,
  volumeInputErrors,
  type ContractContent,
} from '../../src/domain';

const row = (signed: string[] = [], status = 'signing') => ({
  status: status as 'signing',
  hospitalOrgId: 1,
  manufacturerOrgId: 2,
  distributorOrgId: 3,
  parties: (['hospital', 'manufacturer', 'distributor'] as const).map((party, i) => ({
    party,
    orgId: i + 1,
    orgName: null,
    signed: signed.includes(party),
    signedAt: null,
    certSerial: null,
  })),
});

describe('contractPartyOf and contractActions', () => {
  it('names the party of each role by its organisation', () => {
    expect(contractPartyOf(row(), { role: 'hospital', orgId: 1 })).toBe('hospital');
    expect(contractPartyOf(row(), { role: 'manufacturer', orgId: 2 })).toBe('manufacturer');
    expect(contractPartyOf(row(), { role: 'distributor', orgId: 3 })).toBe('distributor');
    expect(contractPartyOf(row(), { role: 'distributor', orgId: 1 })).toBeNull();
    expect(contractPartyOf(row(), { role: 'bureau', orgId: 1 })).toBeNull();
  });

  it('offers 签订 and 拒签 to a party that has not signed while 待签订, nothing otherwise', () => {
    expect(contractActions(row(), { role: 'hospital', orgId: 1 })).toEqual(['sign', 'refuse']);
    expect(contractActions(row(['hospital']), { role: 'hospital', orgId: 1 })).toEqual([]);
    expect(contractActions(row(['hospital']), { role: 'distributor', orgId: 3 })).toEqual(['sign', 'refuse']);
    expect(contractActions(row([], 'effective'), { role: 'hospital', orgId: 1 })).toEqual([]);
    expect(contractActions(row([], 'void'), { role: 'manufacturer', orgId: 2 })).toEqual([]);
    expect(contractActions(row(), { role: 'platform_admin', orgId: 9 })).toEqual([]);
  });

  it('orders parties 甲乙丙', () => {
    expect(orderedParties([{ party: 'distributor' }, { party: 'hospital' }, { party: 'manufacturer' }]).map((p) => p.party)).toEqual([
      'hospital',
      'manufacturer',
      'distributor',
    ]);
  });
});

describe('contractContentText', () => {
  const content: ContractContent = {
    code: 'HT1',
    provinceCode: '11',
    hospital: { name: '甲', creditCode: null },
    manufacturer: { name: '乙', creditCode: 'X' },
    distributor: { name: '丙', creditCode: null },
    product: { code: 'P', name: '产品', registrationNo: null, spec: null, model: null, unit: '个' },
    quantity: 10,
    priceFen: 100,
    amountFen: 1000,
    startDate: '2026-01-01',
    endDate: '2026-12-31',
    createdAt: '2026-01-01T00:00:00.000+08:00',
  };
  it('is deterministic, carries its format, and changes with any content', () => {
    const text = contractContentText(content);
    expect(text).toBe(contractContentText({ ...content }));
    expect(JSON.parse(text).format).toBe('mcp-contract/1');
    expect(contractContentText({ ...content, quantity: 11 })).not.toBe(text);
  });
});

describe('PIN rules and 执行进度', () => {
  it('accepts 6–12 digits only', () => {
    expect(assertPinFormat('123456')).toBe('123456');
    for (const bad of ['12345', '1234567890123', 'abcdef', 123456, null]) {
      expect(() => assertPinFormat(bad)).toThrow(DomainError);
    }
  });
  it('counts attempts down to the lock', () => {
    expect(PIN_MAX_FAILURES).toBe(10);
    expect(pinAttemptsLeft(0)).toBe(10);
    expect(pinAttemptsLeft(9)).toBe(1);
    expect(pinAttemptsLeft(12)).toBe(0);
  });
  it('executionPercent rounds to one decimal', () => {
    expect(executionPercent(0, 100)).toBe(0);
    expect(executionPercent(1, 3)).toBe(33.3);
    expect(executionPercent(5, 0)).toBe(0);
  });
  it('counts every ordered line but the rejected ones; to-dos wait on 待签订', () => {
    expect(CONTRACT_COUNTED_LINE_STATUSES).not.toContain('rejected');
    expect(CONTRACT_COUNTED_LINE_STATUSES).toContain('pending');
    expect(TODO_STATUSES.contractsToSign).toEqual(['signing']);
  });
});

describe('agreed-volume import rows', () => {
  it('maps headers and aliases', () => {
    expect(volumeFieldOf('医疗机构名称')).toBe('hospitalName');
    expect(volumeFieldOf(' 产品编码* ')).toBe('productCode');
    expect(volumeFieldOf('未知')).toBeNull();
  });
  it('checks each field', () => {
    const ok = { hospitalName: '医院', productCode: 'P1', quantity: '10', startDate: '2026-01-01', endDate: '2026-12-31' };
    expect(volumeInputErrors(ok)).toEqual([]);
    expect(volumeInputErrors({ ...ok, quantity: '0' }).map((e) => e.field)).toEqual(['quantity']);
    expect(volumeInputErrors({ ...ok, quantity: '1.5' }).map((e) => e.field)).toEqual(['quantity']);
    expect(volumeInputErrors({ ...ok, startDate: '2026-13-01' }).map((e) => e.field)).toEqual(['startDate']);
    expect(volumeInputErrors({ ...ok, endDate: '2025-12-31' }).map((e) => e.field)).toEqual(['endDate']);
    expect(volumeInputErrors({ hospitalName: '', productCode: '', quantity: '', startDate: '', endDate: '' })).toHaveLength(5);
  });
});

import { describe, expect, it } from 'vitest';
import { ACCOUNT_ACTIONS, ACCOUNT_SORT_FIELDS, ACCOUNT_STATE, accountActions, accountActionsFor, type ActorRef } from '../../src/domain';

const sxBureau: ActorRef = { role: 'bureau', orgId: 2, provinceCode: '14' };
const bjBureau: ActorRef = { role: 'bureau', orgId: 1, provinceCode: '11' };
const admin: ActorRef = { role: 'platform_admin', orgId: 9, provinceCode: null };

describe('accountActionsFor', () => {
  const states = [
    { issued: false, enabled: true },
    { issued: true, enabled: true },
    { issued: true, enabled: false },
  ];

  it('gives the bureau of the row’s province every action the state allows, in the manual’s order', () => {
    for (const s of states) expect(accountActionsFor(sxBureau, { ...s, provinceCode: '14' })).toEqual(accountActions(s));
    expect(accountActionsFor(sxBureau, { issued: false, enabled: true, provinceCode: '14' })).toEqual(['issue', 'edit', 'delete', 'view']);
    expect(accountActionsFor(sxBureau, { issued: true, enabled: false, provinceCode: '14' })).toEqual(['edit', 'enable', 'resetPassword', 'view']);
  });

  it('gives another province’s bureau nothing, the platform admin only 查看', () => {
    for (const s of states) {
      expect(accountActionsFor(bjBureau, { ...s, provinceCode: '14' })).toEqual([]);
      expect(accountActionsFor(admin, { ...s, provinceCode: '14' })).toEqual(['view']);
    }
  });

  it('gives the other roles nothing, and a bureau without a province nothing', () => {
    for (const role of ['manufacturer', 'distributor', 'hospital'] as const) {
      expect(accountActionsFor({ role, orgId: 5, provinceCode: '14' }, { issued: true, enabled: true, provinceCode: '14' })).toEqual([]);
    }
    expect(accountActionsFor({ role: 'bureau', orgId: 2, provinceCode: null }, { issued: true, enabled: true, provinceCode: '14' })).toEqual([]);
  });

  it('only ever names actions of the vocabulary', () => {
    for (const s of states) for (const a of accountActionsFor(sxBureau, { ...s, provinceCode: '14' })) expect(ACCOUNT_ACTIONS).toContain(a);
  });
});

describe('account constants', () => {
  it('names the history states and the sortable columns', () => {
    expect(Object.values(ACCOUNT_STATE)).toEqual(['notIssued', 'issued', 'enabled', 'disabled']);
    expect(ACCOUNT_SORT_FIELDS).toContain('createdAt');
  });
});
